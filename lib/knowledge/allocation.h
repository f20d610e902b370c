/* Private: an allocation to audit (issue 15, `regint audit --allocation`): a user's CSV
 * "kommunenr,allocation" checked against the county's municipalities of the year. */
#ifndef REGINT_KNOWLEDGE_ALLOCATION_H
#define REGINT_KNOWLEDGE_ALLOCATION_H

#include <stdint.h>

#include "regint/dataset.h"

/* One municipality's number in an allocation. */
typedef struct regint__allocation_row {
    char kommunenr[8];
    int64_t value;
} regint__allocation_row;

/* Read `path`: header "kommunenr,allocation" (other columns ignored), one row per
 * municipality of county `fylkesnr` valid in `year` (absent ones get 0). Errors name the file,
 * the CSV line and the rule: a kommunenr not in the county that year (ENOTFOUND), a kommunenr
 * given twice (EDUPLICATE), a cell that is not a non-negative integer (EPARSE/ERANGE), a
 * fødselsnummer in any cell (EPERSONAL), and with total >= 0 a sum other than the total
 * (EINVAL). *rows (free()) receives n rows; *sum the sum. */
regint_status regint__allocation_read(const regint_dataset *ds, const char *path, const char *fylkesnr, int year,
                                      int64_t total, regint__allocation_row **rows, size_t *n, int64_t *sum);

#endif
