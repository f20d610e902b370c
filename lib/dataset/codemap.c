/* Code correspondence: which municipality codes of one year a code of another year became
 * (or came from), through the code-change rows. */
#include <stdlib.h>
#include <string.h>

#include "dataset/store.h"

typedef struct node {
    const char *code;
    const regint_municipality_t *rec;
} node;

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

regint_status regint_dataset_map_code(const regint_dataset *ds, const char *kommunenr, int from_year,
                                      int to_year, const char ***out, size_t *n)
{
    if (!ds || !kommunenr || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_dataset_map_code: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    const regint_municipality_t *start = k ? regint__ds_muni_in(ds, k, from_year) : NULL;
    if (!start)
        return regint__error(REGINT_ENOTFOUND, "no municipality '%s' valid in %d", kommunenr, from_year);

    /* Breadth-first search over the change rows: forward (to later records) while the
     * target year lies after the record, backward (to earlier records, not ending before
     * the target year) while it lies before. Records on the way are few (a handful), so a
     * linear visited list; the arrays grow if a chain is longer. */
    size_t cap = 64, nq = 0, head = 0, nres = 0;
    node *q = regint__calloc(cap, sizeof *q);
    const char **res = regint__calloc(cap, sizeof *res);
    if (!q || !res) {
        free(q);
        free(res);
        return regint__enomem();
    }
    q[nq++] = (node){k, start};
    while (head < nq) {
        node cur = q[head++];
        if (regint__valid_in(cur.rec->valid_from, cur.rec->valid_to, to_year)) {
            int dup = 0;
            for (size_t i = 0; i < nres; i++)
                dup |= res[i] == cur.code;
            if (!dup)
                res[nres++] = cur.code;
            continue;
        }
        int forward = to_year > cur.rec->valid_to;
        const regint__hindex *ix = forward ? &ds->ix_chg_from : &ds->ix_chg_to;
        REGINT__HINDEX_FOR(ix, regint__hash_ptr(cur.code), pos)
        {
            const regint_code_change_t *c = &ds->changes[pos];
            const char *here = forward ? c->from_kommunenr : c->to_kommunenr;
            int here_year = forward ? c->from_year : c->to_year;
            if (here != cur.code || !regint__valid_in(cur.rec->valid_from, cur.rec->valid_to, here_year))
                continue;
            const char *there = forward ? c->to_kommunenr : c->from_kommunenr;
            int there_year = forward ? c->to_year : c->from_year;
            const regint_municipality_t *r = regint__ds_muni_in(ds, there, there_year);
            if (!r || r == cur.rec)
                continue;
            if (!forward && r->valid_to < to_year)
                continue;
            int seen = 0;
            for (size_t j = 0; j < nq; j++)
                seen |= q[j].rec == r;
            if (seen)
                continue;
            if (nq == cap) { /* grow both: nres <= nq always */
                node *nq2 = regint__reallocarray(q, cap * 2, sizeof *q);
                if (nq2)
                    q = nq2;
                const char **nr2 = nq2 ? regint__reallocarray(res, cap * 2, sizeof *res) : NULL;
                if (!nr2) {
                    free(q);
                    free(res);
                    return regint__enomem();
                }
                res = nr2;
                cap *= 2;
            }
            q[nq++] = (node){there, r};
        }
    }
    free(q);
    if (nres == 0) {
        /* No change rows at all for the code and the same code is valid in to_year: unchanged. */
        int any = 0;
        for (size_t i = 0; i < ds->nchanges && !any; i++)
            any = ds->changes[i].from_kommunenr == k || ds->changes[i].to_kommunenr == k;
        if (!any && regint__ds_muni_in(ds, k, to_year))
            res[nres++] = k;
    }
    if (nres == 0) {
        free(res);
        return regint__error(REGINT_ENOTFOUND, "no mapping of '%s' (%d) to %d", kommunenr, from_year, to_year);
    }
    qsort(res, nres, sizeof *res, cmp_str_ptr);
    *out = res;
    *n = nres;
    return REGINT_OK;
}
