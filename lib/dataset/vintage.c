/* Municipalities and counties in each year's own structure (vintage.h). */
#include <stdlib.h>
#include <string.h>

#include "dataset/vintage.h"
#include "util/alloc.h"
#include "util/error.h"

/* Codes created 2017-2019 whose IMDi name carries no "(f.o.m. X)" (SSB's counts then match:
 * 428 municipalities in 2016, 426 in 2017, 422 in 2018 and 2019). */
static const struct {
    const char *code;
    int first;
} first_valid[] = {{"0710", 2017}, {"0712", 2018}, {"0729", 2018}, {"5054", 2018}, {"5061", 2019}};

/* The year after `tag` ("t.o.m. ") in name, or 0. */
static int tagged_year(const char *name, const char *tag)
{
    const char *p = name ? strstr(name, tag) : NULL;
    if (!p)
        return 0;
    p += strlen(tag);
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        y = y * 10 + (p[i] - '0');
    }
    return y;
}

int regint__vintage_valid(const regint_municipality_t *m, int year)
{
    if (!m || year < m->valid_from || (m->valid_to != REGINT_YEAR_OPEN && year > m->valid_to))
        return 0;
    int to = tagged_year(m->name, "t.o.m. "), from = tagged_year(m->name, "f.o.m. ");
    if ((to && to < year) || (from && from > year))
        return 0;
    for (size_t i = 0; i < sizeof first_valid / sizeof first_valid[0]; i++)
        if (!strcmp(m->kommunenr, first_valid[i].code) && year < first_valid[i].first)
            return 0;
    return 1;
}

const char *regint__vintage_county(const regint_municipality_t *m, int year, char buf[3])
{
    buf[0] = m->fylkesnr[0];
    buf[1] = m->fylkesnr[1];
    buf[2] = 0;
    if (year >= 2018 && year <= 2019 && buf[0] == '1' && (buf[1] == '6' || buf[1] == '7'))
        buf[0] = '5', buf[1] = '0';
    return buf;
}

static int cmp_code(const void *a, const void *b)
{
    const regint_municipality_t *const *x = a, *const *y = b;
    return strcmp((*x)->kommunenr, (*y)->kommunenr);
}

regint_status regint__vintage_municipalities(const regint_dataset *ds, int year,
                                             const regint_municipality_t ***out, size_t *n)
{
    const regint_municipality_t **all = NULL;
    size_t na = 0, k = 0;
    regint_status st = regint_dataset_municipalities_in(ds, year, NULL, &all, &na);
    if (st)
        return st;
    for (size_t i = 0; i < na; i++)
        if (regint__vintage_valid(all[i], year))
            all[k++] = all[i];
    qsort(all, k, sizeof *all, cmp_code);
    *out = all;
    *n = k;
    return REGINT_OK;
}
