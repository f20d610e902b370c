/* An allocation CSV to audit (allocation.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "knowledge/allocation.h"
#include "util/alloc.h"
#include "util/csv.h"
#include "util/error.h"

typedef struct reader {
    const char *fylkesnr;
    int year;
    const regint_municipality_t **mun; /* the county's municipalities, sorted by kommunenr */
    size_t nmun;
    size_t *line;                       /* the line that gave each one; 0 = not given */
    regint__allocation_row *rows;
    int64_t sum;
    size_t last;                        /* the last data line */
} reader;

static regint_status one_row(const regint__csv *c, const int *ix, void *ctx)
{
    reader *r = ctx;
    const char *code = regint__csv_field(c, ix[0]);
    size_t k = 0;
    while (k < r->nmun && strcmp(r->mun[k]->kommunenr, code))
        k++;
    if (k == r->nmun)
        return regint__csv_error(c, ix[0], REGINT_ENOTFOUND,
                                 "unknown municipality '%s': not a municipality of county %s in %d "
                                 "(allowed: the kommunenr of `regint recommend --county %s --year %d`)",
                                 code, r->fylkesnr, r->year, r->fylkesnr, r->year);
    if (r->line[k])
        return regint__csv_error(c, ix[0], REGINT_EDUPLICATE,
                                 "municipality '%s' is given twice (first on line %zu); one row per municipality",
                                 code, r->line[k]);
    int64_t v;
    regint_status st = regint__csv_int(c, ix[1], 0, INT32_MAX, &v);
    if (st)
        return st;
    r->line[k] = r->last = regint__csv_line(c);
    r->rows[k].value = v;
    r->sum += v;
    return REGINT_OK;
}

regint_status regint__allocation_read(const regint_dataset *ds, const char *path, const char *fylkesnr, int year,
                                      int64_t total, regint__allocation_row **rows, size_t *n, int64_t *sum)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.fylkesnr = fylkesnr;
    r.year = year;
    regint_status st = regint_dataset_municipalities_in(ds, year, fylkesnr, &r.mun, &r.nmun);
    if (st)
        return st;
    r.line = regint__calloc(r.nmun + 1, sizeof *r.line);
    r.rows = regint__calloc(r.nmun + 1, sizeof *r.rows);
    regint__csv *c = NULL;
    if (!r.line || !r.rows) {
        st = regint__enomem();
        goto out;
    }
    for (size_t k = 0; k < r.nmun; k++)
        snprintf(r.rows[k].kommunenr, sizeof r.rows[k].kommunenr, "%s", r.mun[k]->kommunenr);
    static const char *const cols[] = {"kommunenr", "allocation", NULL};
    if ((st = regint__csv_open(path, &c)) || (st = regint__csv_each_row(c, cols, one_row, &r)))
        goto out;
    if (total >= 0 && r.sum != total) {
        st = regint__error(REGINT_EINVAL,
                           "%s: lines 2-%zu: column 'allocation': the allocations sum to %lld, not the total %lld; "
                           "allowed: a sum equal to the total (or no total: the sum is the total)",
                           path, r.last, (long long)r.sum, (long long)total);
        goto out;
    }
    *rows = r.rows;
    r.rows = NULL;
    *n = r.nmun;
    *sum = r.sum;
out:
    regint__csv_close(c);
    regint_free((void *)r.mun);
    free(r.line);
    free(r.rows);
    return st;
}
