/* Public lookups: counts, records by position, and records by key (through the indexes of
 * index.c). A lookup that finds nothing is ENOTFOUND with a message naming the key. */
#include <stdlib.h>
#include <string.h>

#include "dataset/store.h"
#include "util/accessor.h"

/* regint_dataset_<what>_count() and regint_dataset_<what>_at() of a table: 0 and NULL for a
 * NULL dataset or a position past the end. */
#define COUNT_AT(what, type, arr, n)                                                                               \
    REGINT__COUNT_AT(regint_dataset_##what##_count, regint_dataset_##what##_at, regint_dataset, type, arr, n)

COUNT_AT(county, regint_county_t, counties, ncounties)
regint_status regint_dataset_county(const regint_dataset *ds, const char *fylkesnr, int year,
                                    const regint_county_t **out)
{
    if (!ds || !fylkesnr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_county: NULL argument");
    const regint_county_t *c = regint__ds_county_in(ds, fylkesnr, year);
    if (!c)
        return regint__error(REGINT_ENOTFOUND, "no county '%s' valid in %d", fylkesnr, year);
    *out = c;
    return REGINT_OK;
}

COUNT_AT(municipality, regint_municipality_t, munis, nmunis)
regint_status regint_dataset_municipality(const regint_dataset *ds, const char *kommunenr, int year,
                                          const regint_municipality_t **out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_municipality: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    const regint_municipality_t *m = k ? regint__ds_muni_in(ds, k, year) : NULL;
    if (!m)
        return regint__error(REGINT_ENOTFOUND, "no municipality '%s' valid in %d", kommunenr, year);
    *out = m;
    return REGINT_OK;
}

static int cmp_muni_ptr(const void *a, const void *b)
{
    const regint_municipality_t *x = *(const regint_municipality_t *const *)a;
    const regint_municipality_t *y = *(const regint_municipality_t *const *)b;
    int c = strcmp(x->kommunenr, y->kommunenr);
    return c ? c : (x->valid_from > y->valid_from) - (x->valid_from < y->valid_from);
}

regint_status regint_dataset_municipalities_in(const regint_dataset *ds, int year, const char *fylkesnr,
                                               const regint_municipality_t ***out, size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_dataset_municipalities_in: NULL argument");
    const regint_municipality_t **arr = regint__calloc(ds->nmunis ? ds->nmunis : 1, sizeof *arr);
    if (!arr)
        return regint__enomem();
    size_t k = 0;
    for (size_t i = 0; i < ds->nmunis; i++) {
        const regint_municipality_t *m = &ds->munis[i];
        if (!regint__valid_in(m->valid_from, m->valid_to, year))
            continue;
        if (fylkesnr && strcmp(fylkesnr, m->fylkesnr) != 0)
            continue;
        arr[k++] = m;
    }
    qsort(arr, k, sizeof *arr, cmp_muni_ptr);
    *out = arr;
    *n = k;
    return REGINT_OK;
}

regint_status regint_dataset_population(const regint_dataset *ds, const char *kommunenr, int year,
                                        int64_t *out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_population: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    size_t p = k ? regint__ds_find_pop(ds, k, year) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no population figure for '%s' in %d", kommunenr, year);
    *out = ds->pops[p].persons;
    return REGINT_OK;
}

size_t regint_dataset_population_count(const regint_dataset *ds) { return ds ? ds->npops : 0; }
const regint__pop *regint__ds_population_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->npops ? &ds->pops[i] : NULL;
}

COUNT_AT(code_change, regint_code_change_t, changes, nchanges)

COUNT_AT(settlement, regint_settlement_t, sets, nsets)
regint_status regint_dataset_settlement(const regint_dataset *ds, const char *kommunenr, int year,
                                        regint_measure measure, regint_category category,
                                        regint_value_t *out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_settlement: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    size_t p = k ? regint__ds_find_set(ds, k, year, (int)measure, (int)category) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no settlement figure for '%s' in %d (%s, %s)", kommunenr,
                             year, regint_measure_name(measure), regint_category_name(category));
    *out = ds->sets[p].value;
    return REGINT_OK;
}

COUNT_AT(indicator, regint_indicator_t, inds, ninds)
regint_status regint_dataset_indicator(const regint_dataset *ds, const char *id, const regint_indicator_t **out)
{
    if (!ds || !id || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_indicator: NULL argument");
    const char *k = regint__ds_find_string(ds, id);
    size_t p = k ? regint__ds_find_ind(ds, k) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no indicator '%s' in the catalogue", id);
    *out = &ds->inds[p];
    return REGINT_OK;
}

COUNT_AT(observation, regint_observation_t, obs, nobs)
regint_status regint_dataset_observation(const regint_dataset *ds, const char *indicator, const char *area,
                                         int year, const char *category, regint_value_t *out)
{
    if (!ds || !indicator || !area || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_observation: NULL argument");
    if (!category)
        category = "";
    const char *i = regint__ds_find_string(ds, indicator), *a = regint__ds_find_string(ds, area),
               *c = regint__ds_find_string(ds, category);
    size_t p = (i && a && c) ? regint__ds_find_obs(ds, i, a, year, c) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no observation of '%s' for '%s' in %d%s%s%s", indicator,
                             area, year, *category ? " (" : "", category, *category ? ")" : "");
    *out = ds->obs[p].value;
    return REGINT_OK;
}

COUNT_AT(case, regint_case_t, cases, ncases)
