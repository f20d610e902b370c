/* The dataset handle: creation and release, and the pool of interned strings. */
#include <stdlib.h>
#include <string.h>

#include "dataset/section.h"
#include "dataset/store.h"
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
    *out = ds;
    return REGINT_OK;
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
    for (size_t i = 0; i < ds->pool.cap; i++)
        free(ds->pool.slot[i]);
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
    free(ds->arena);
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

const char *regint__ds_find_string(const regint_dataset *ds, const char *s)
{
    if (!ds || !s || !ds->pool.cap)
        return NULL;
    size_t mask = ds->pool.cap - 1, i = (size_t)regint__hash_str(s) & mask;
    while (ds->pool.slot[i]) {
        if (strcmp(ds->pool.slot[i], s) == 0)
            return ds->pool.slot[i];
        i = (i + 1) & mask;
    }
    return NULL;
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
        free(ds->pool.slot);
        ds->pool.slot = ns;
        ds->pool.cap = nc;
    }
    char *copy = regint__strdup(s);
    if (!copy)
        return NULL;
    size_t mask = ds->pool.cap - 1, i = (size_t)regint__hash_str(s) & mask;
    while (ds->pool.slot[i])
        i = (i + 1) & mask;
    ds->pool.slot[i] = copy;
    ds->pool.n++;
    return copy;
}
