/* The dataset's hash indexes: what each one keys on, and the lookups through them.
 * Codes are interned, so keys hash and compare pointers (dataset.c). */
#include <string.h>

#include "dataset/store.h"

/* The hash of record `pos` of each index (ctx: the dataset). */
static uint64_t hash_muni(const void *ctx, const regint__hindex *h, size_t pos)
{
    (void)h;
    return regint__hash_ptr(((const regint_dataset *)ctx)->munis[pos].kommunenr);
}
static uint64_t hash_pop(const void *ctx, const regint__hindex *h, size_t pos)
{
    const regint__pop *p = &((const regint_dataset *)ctx)->pops[pos];
    (void)h;
    return regint__key_pop(p->kommunenr, p->year);
}
static uint64_t hash_chg_from(const void *ctx, const regint__hindex *h, size_t pos)
{
    (void)h;
    return regint__hash_ptr(((const regint_dataset *)ctx)->changes[pos].from_kommunenr);
}
static uint64_t hash_chg_to(const void *ctx, const regint__hindex *h, size_t pos)
{
    (void)h;
    return regint__hash_ptr(((const regint_dataset *)ctx)->changes[pos].to_kommunenr);
}
static uint64_t hash_set(const void *ctx, const regint__hindex *h, size_t pos)
{
    const regint_settlement_t *s = &((const regint_dataset *)ctx)->sets[pos];
    (void)h;
    return regint__key_set(s->kommunenr, s->year, (int)s->measure, (int)s->category);
}
static uint64_t hash_ind(const void *ctx, const regint__hindex *h, size_t pos)
{
    (void)h;
    return regint__hash_ptr(((const regint_dataset *)ctx)->inds[pos].id);
}
static uint64_t hash_obs(const void *ctx, const regint__hindex *h, size_t pos)
{
    const regint_observation_t *o = &((const regint_dataset *)ctx)->obs[pos];
    (void)h;
    return regint__key_obs(o->indicator, o->area, o->year, o->category);
}
static uint64_t hash_case(const void *ctx, const regint__hindex *h, size_t pos)
{
    (void)h;
    return regint__hash_ptr(((const regint_dataset *)ctx)->cases[pos].id);
}

/* The dataset's indexes, each with its table's length and its hash: one list for every loop
 * over them. */
#define N_INDEXES 8
typedef struct index_ref {
    regint__hindex *ix;
    size_t n;
    regint__hindex_hash_fn hash;
} index_ref;

static void list_indexes(regint_dataset *ds, index_ref out[N_INDEXES])
{
    index_ref all[N_INDEXES] = {
        {&ds->ix_muni, ds->nmunis, hash_muni},        {&ds->ix_pop, ds->npops, hash_pop},
        {&ds->ix_chg_from, ds->nchanges, hash_chg_from}, {&ds->ix_chg_to, ds->nchanges, hash_chg_to},
        {&ds->ix_set, ds->nsets, hash_set},           {&ds->ix_ind, ds->ninds, hash_ind},
        {&ds->ix_obs, ds->nobs, hash_obs},            {&ds->ix_case, ds->ncases, hash_case},
    };
    memcpy(out, all, sizeof all);
}

regint_status regint__ds_reserve1(regint_dataset *ds, regint__hindex *h, size_t n)
{
    index_ref all[N_INDEXES];
    list_indexes(ds, all);
    for (size_t i = 0; i < N_INDEXES; i++)
        if (all[i].ix == h)
            return regint__hindex_reserve1(h, n, all[i].hash, ds);
    return regint__error(REGINT_EINVAL, "regint__ds_reserve1: not an index of the dataset");
}

void regint__ds_reindex(regint_dataset *ds)
{
    index_ref all[N_INDEXES];
    list_indexes(ds, all);
    for (size_t i = 0; i < N_INDEXES; i++)
        regint__hindex_rebuild(all[i].ix, all[i].n, all[i].ix->n, all[i].hash, ds);
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
    index_ref all[N_INDEXES];
    list_indexes(ds, all);
    for (size_t i = 0; i < N_INDEXES; i++) {
        regint_status st = regint__hindex_rebuild(all[i].ix, all[i].n, all[i].n, all[i].hash, ds);
        if (st)
            return st;
    }
    return REGINT_OK;
}
