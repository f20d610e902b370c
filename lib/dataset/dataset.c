/* The dataset handle: creation and release, and the pool of interned strings. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "dataset/section.h"
#include "dataset/store.h"
#include "util/bigalloc.h"
#include "util/savefile.h"

regint_status regint_dataset_new(regint_dataset **out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_dataset_new: out is NULL");
    regint_dataset *ds = regint__calloc(1, sizeof *ds);
    if (!ds)
        return regint__enomem();
    if (regint__section_count) {
        ds->sections = regint__calloc(regint__section_count, sizeof *ds->sections);
        if (!ds->sections) {
            free(ds);
            return regint__enomem();
        }
    }
    static atomic_uint_fast64_t last_id;
    ds->id = (uint64_t)atomic_fetch_add(&last_id, 1) + 1;
    *out = ds;
    return REGINT_OK;
}

void regint__dataset_state(const regint_dataset *ds, uint64_t *id, uint64_t *gen)
{
    *id = ds->id;
    *gen = ds->gen;
}

void regint_dataset_free(regint_dataset *ds)
{
    if (!ds)
        return;
    for (size_t i = 0; i < regint__section_count; i++)
        if (ds->sections && ds->sections[i])
            regint__sections[i]->free(ds->sections[i]);
    free(ds->sections);
    regint__origin_free(ds->origin);
    free(ds->tail_path);
    for (size_t i = 0; i < ds->pool.cap; i++)
        if (!regint__ds_in_arena(ds, ds->pool.slot[i]))
            free(ds->pool.slot[i]);
    if (!regint__ds_in_arena(ds, ds->pool.slot))
        free(ds->pool.slot);
    void *tables[] = {ds->counties, ds->munis, ds->pops, ds->changes, ds->sets, ds->inds, ds->obs, ds->cases};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (!regint__ds_in_arena(ds, tables[i]))
            free(tables[i]);
    regint__hindex *ix[] = {&ds->ix_muni, &ds->ix_pop, &ds->ix_chg_from, &ds->ix_chg_to,
                    &ds->ix_set, &ds->ix_ind, &ds->ix_obs, &ds->ix_case};
    for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++)
        regint__hindex_free(ix[i]);
    free(ds->undo);
    regint__huge_free(ds->arena, ds->arena_len);
    free(ds);
}

void *regint__ds_regrow(regint_dataset *ds, void *arr, size_t cap, size_t n, size_t size)
{
    if (!regint__ds_in_arena(ds, arr))
        return regint__reallocarray(arr, n, size);
    void *p = regint__reallocarray(NULL, n, size);
    if (p)
        memcpy(p, arr, (cap < n ? cap : n) * size);
    return p;
}

/* ------------------------------------------------------------------------- */
/* Interned strings: one copy per distinct string, so records compare codes by pointer. */

/* The slot of a pool (cap > 0) that holds s, or the empty one where it would go. */
static size_t pool_slot(const regint__strpool *pool, const char *s)
{
    size_t mask = pool->cap - 1, i = (size_t)regint__hash_str(s) & mask;
    while (pool->slot[i] && strcmp(pool->slot[i], s) != 0)
        i = (i + 1) & mask;
    return i;
}

const char *regint__ds_find_string(const regint_dataset *ds, const char *s)
{
    if (!ds || !s || !ds->pool.cap)
        return NULL;
    return ds->pool.slot[pool_slot(&ds->pool, s)];
}

const char *regint__ds_intern(regint_dataset *ds, const char *s)
{
    if (!s)
        s = "";
    const char *f = regint__ds_find_string(ds, s);
    if (f)
        return f;
    if ((ds->pool.n + 1) * 2 > ds->pool.cap) {
        size_t nc = ds->pool.cap ? ds->pool.cap * 2 : 256;
        char **ns = regint__calloc(nc, sizeof *ns);
        if (!ns) {
            regint__enomem();
            return NULL;
        }
        for (size_t i = 0; i < ds->pool.cap; i++) {
            char *p = ds->pool.slot[i];
            if (!p)
                continue;
            size_t j = (size_t)regint__hash_str(p) & (nc - 1);
            while (ns[j])
                j = (j + 1) & (nc - 1);
            ns[j] = p;
        }
        if (!regint__ds_in_arena(ds, ds->pool.slot))
            free(ds->pool.slot);
        ds->pool.slot = ns;
        ds->pool.cap = nc;
    }
    char *copy = regint__strdup(s);
    if (!copy)
        return NULL;
    return regint__ds_pool_adopt(ds, copy);
}

size_t regint__ds_pool_cap_for(size_t n)
{
    size_t cap = 256; /* as regint__ds_intern grows it: (n + 1) * 2 <= cap after each */
    while (n * 2 > cap)
        cap *= 2;
    return cap;
}

const char *regint__ds_pool_adopt(regint_dataset *ds, char *s)
{
    size_t i = pool_slot(&ds->pool, s);
    if (ds->pool.slot[i])
        return ds->pool.slot[i];
    ds->pool.slot[i] = s;
    ds->pool.n++;
    return s;
}
