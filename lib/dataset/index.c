/* The dataset's hash indexes: what each one keys on, and the lookups through them.
 * Codes are interned, so keys hash and compare pointers (dataset.c). */
#include <string.h>

#include "dataset/store.h"

/* The hash of record `pos` for index h: which table and key h indexes is known by its address. */
static uint64_t table_hash(const void *ctx, const regint__hindex *h, size_t pos)
{
    const regint_dataset *ds = ctx;
    if (h == &ds->ix_muni)
        return regint__hash_ptr(ds->munis[pos].kommunenr);
    if (h == &ds->ix_pop)
        return regint__key_pop(ds->pops[pos].kommunenr, ds->pops[pos].year);
    if (h == &ds->ix_chg_from)
        return regint__hash_ptr(ds->changes[pos].from_kommunenr);
    if (h == &ds->ix_chg_to)
        return regint__hash_ptr(ds->changes[pos].to_kommunenr);
    if (h == &ds->ix_set) {
        const regint_settlement_t *s = &ds->sets[pos];
        return regint__key_set(s->kommunenr, s->year, (int)s->measure, (int)s->category);
    }
    if (h == &ds->ix_ind)
        return regint__hash_ptr(ds->inds[pos].id);
    if (h == &ds->ix_obs) {
        const regint_observation_t *o = &ds->obs[pos];
        return regint__key_obs(o->indicator, o->area, o->year, o->category);
    }
    return regint__hash_ptr(ds->cases[pos].id);
}

regint_status regint__ds_reserve1(regint_dataset *ds, regint__hindex *h, size_t n)
{
    return regint__hindex_reserve1(h, n, table_hash, ds);
}

void regint__ds_reindex(regint_dataset *ds)
{
    regint__hindex *ix[] = {&ds->ix_muni, &ds->ix_pop, &ds->ix_chg_from, &ds->ix_chg_to,
                            &ds->ix_set,  &ds->ix_ind, &ds->ix_obs,      &ds->ix_case};
    size_t n[] = {ds->nmunis, ds->npops, ds->nchanges, ds->nchanges, ds->nsets, ds->ninds, ds->nobs, ds->ncases};
    for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++)
        regint__hindex_rebuild(ix[i], n[i], ix[i]->n, table_hash, ds);
}

const regint_municipality_t *regint__ds_muni_in(const regint_dataset *ds, const char *code, int year)
{
    REGINT__FOR_MUNI(ds, code, pos)
    {
        if (regint__valid_in(ds->munis[pos].valid_from, ds->munis[pos].valid_to, year))
            return &ds->munis[pos];
    }
    return NULL;
}

/* Counties are few (tens): a linear scan. */
const regint_county_t *regint__ds_county_in(const regint_dataset *ds, const char *code, int year)
{
    for (size_t i = 0; i < ds->ncounties; i++)
        if (strcmp(ds->counties[i].fylkesnr, code) == 0 &&
            regint__valid_in(ds->counties[i].valid_from, ds->counties[i].valid_to, year))
            return &ds->counties[i];
    return NULL;
}

/* The lookups by key: the first record among the index's candidates whose key matches. */
size_t regint__ds_find_pop(const regint_dataset *ds, const char *k, int year)
{
    REGINT__HINDEX_FOR(&ds->ix_pop, regint__key_pop(k, year), p)
    if (ds->pops[p].kommunenr == k && ds->pops[p].year == year) return p;
    return SIZE_MAX;
}

size_t regint__ds_find_set(const regint_dataset *ds, const char *k, int year, int m, int c)
{
    const regint_settlement_t *s;
    REGINT__HINDEX_FOR(&ds->ix_set, regint__key_set(k, year, m, c), p)
    if ((s = &ds->sets[p])->kommunenr == k && s->year == year && (int)s->measure == m && (int)s->category == c)
        return p;
    return SIZE_MAX;
}

size_t regint__ds_find_ind(const regint_dataset *ds, const char *id)
{
    REGINT__HINDEX_FOR(&ds->ix_ind, regint__hash_ptr(id), p) if (ds->inds[p].id == id) return p;
    return SIZE_MAX;
}

size_t regint__ds_find_obs(const regint_dataset *ds, const char *ind, const char *area, int year,
                           const char *cat)
{
    const regint_observation_t *o;
    REGINT__HINDEX_FOR(&ds->ix_obs, regint__key_obs(ind, area, year, cat), p)
    if ((o = &ds->obs[p])->indicator == ind && o->area == area && o->year == year && o->category == cat)
        return p;
    return SIZE_MAX;
}

size_t regint__ds_find_case(const regint_dataset *ds, const char *id)
{
    REGINT__HINDEX_FOR(&ds->ix_case, regint__hash_ptr(id), p) if (ds->cases[p].id == id) return p;
    return SIZE_MAX;
}

regint_status regint__ds_index_all(regint_dataset *ds)
{
    regint__hindex *ix[] = {&ds->ix_muni, &ds->ix_pop, &ds->ix_chg_from, &ds->ix_chg_to,
                            &ds->ix_set,  &ds->ix_ind, &ds->ix_obs,      &ds->ix_case};
    size_t n[] = {ds->nmunis, ds->npops, ds->nchanges, ds->nchanges, ds->nsets, ds->ninds, ds->nobs, ds->ncases};
    for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++) {
        regint_status st = regint__hindex_rebuild(ix[i], n[i], n[i], table_hash, ds);
        if (st)
            return st;
    }
    return REGINT_OK;
}
