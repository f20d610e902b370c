/* Private: municipalities and counties in each year's own structure, as the settlement
 * back-test and the population series need them (issue 14, SPEC §1; docs/settlement.md).
 *
 * The dataset keeps a pre-2020 code valid over every year IMDi's 1995-2023 table carries it,
 * and IMDi carries expired codes on with "not applicable" rows (Vestfold 2018 would have 18
 * municipalities, really 9). regint__vintage_valid() is the real validity: the code's own
 * range, minus years outside a "(t.o.m. X)" / "(f.o.m. X)" in its name, minus the years
 * before the first year of five codes created 2017-2019 that IMDi's names do not annotate.
 * Counties: 16xx and 17xx belong to 50 Trøndelag from 2018 (the counties merged on 1.1.2018;
 * IMDi's file keeps most old codes for 2018-2019). */
#ifndef REGINT_DATASET_VINTAGE_H
#define REGINT_DATASET_VINTAGE_H

#include <stddef.h>

#include "regint/dataset.h"

/* 1 if `m` is a municipality in `year` (its record's range and the rules above). */
int regint__vintage_valid(const regint_municipality_t *m, int year);

/* The county of `m` in `year` (two digits and NUL in buf; buf returned). */
const char *regint__vintage_county(const regint_municipality_t *m, int year, char buf[3]);

/* The municipalities valid in `year` by regint__vintage_valid(), sorted by code, in a new
 * array (regint_free()); *n its length. */
regint_status regint__vintage_municipalities(const regint_dataset *ds, int year,
                                             const regint_municipality_t ***out, size_t *n);

#endif
