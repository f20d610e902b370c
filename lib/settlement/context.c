/* The per-year context of a recommendation: the municipalities valid in the year, their
 * population, and the settlement history read through the code correspondence (merged
 * codes summed, split codes shared by population). Independent of the county and profile,
 * so the back-test builds it once per year. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/bigalloc.h"
#include "util/error.h"
#include "settlement/settlement_internal.h"


static int cmp_mun_code(const void *key, const void *elem)
{
    const regint_municipality_t *const *m = elem;
    return strcmp((const char *)key, (*m)->kommunenr);
}

static long find_mun(const regint__ctx *ctx, const char *kommunenr)
{
    const regint_municipality_t **m =
        bsearch(kommunenr, ctx->mun, ctx->n, sizeof *ctx->mun, cmp_mun_code);
    return m ? (long)(m - ctx->mun) : -1;
}

/* Whether `code` absorbed another municipality that still existed in `year` (so its later
 * population overstates the territory of a code valid in `year`). */
static int is_merge_target(const regint_dataset *ds, const char *code, const char *self, int year)
{
    size_t nc = regint_dataset_code_change_count(ds);
    for (size_t i = 0; i < nc; i++) {
        const regint_code_change_t *c = regint_dataset_code_change_at(ds, i);
        if (c && c->kind == REGINT_CHANGE_MERGED && !strcmp(c->to_kommunenr, code) && c->from_year >= year &&
            strcmp(c->from_kommunenr, self))
            return 1;
    }
    return 0;
}

/* Population of municipality `k` (valid in `year`): the latest figure for the same code on
 * 1 January of `year` - 1 or before (the county recommends in the autumn of year - 1, when
 * that is the latest published figure; issue 14); else a later figure of the same territory through the correspondence
 * (a split is summed over its parts; a merger gives unknown). NAN if unknown. */
static double population_of(const regint_dataset *ds, const char *k, int year)
{
    int64_t p;
    for (int t = year - 1; t >= year - 15; t--)
        if (regint_dataset_population(ds, k, t, &p) == REGINT_OK)
            return (double)p;
    for (int t = year; t <= year + 15; t++) {
        const char **to = NULL;
        size_t nt = 0;
        if (regint_dataset_map_code(ds, k, year, t, &to, &nt) != REGINT_OK || nt == 0) {
            regint_free(to);
            continue;
        }
        double sum = 0;
        int ok = 1;
        for (size_t j = 0; j < nt && ok; j++) {
            if (regint_dataset_population(ds, to[j], t, &p) != REGINT_OK)
                ok = 0;
            else if (nt == 1 && is_merge_target(ds, to[j], k, year))
                ok = -1;
            else
                sum += (double)p;
        }
        regint_free(to);
        if (ok == 1)
            return sum;
        if (ok < 0)
            return NAN;
    }
    return NAN;
}

static void acc_add(regint__acc *a, const regint_value_t *v, double share)
{
    a->rows++;
    if (v->missing == REGINT_MISSING_NONE) {
        a->sum += v->value * share;
        a->present++;
    } else if (v->missing == REGINT_MISSING_SUPPRESSED) {
        a->sum += REGINT__SUPPRESSED_ESTIMATE * share;
        a->suppressed++;
    } else if (a->missing == REGINT_MISSING_NONE) {
        a->missing = v->missing;
    }
}

int regint__acc_value(const regint__acc *a, int measure, double *v)
{
    if (!a)
        return 0;
    if (a->present + a->suppressed > 0) {
        *v = a->sum;
        return 1;
    }
    if (a->rows > 0 && (measure == REGINT__M_REQUEST || measure == REGINT__M_DECISION) &&
        (a->missing == REGINT_MISSING_NO_DECISION || a->missing == REGINT_MISSING_NOT_APPLICABLE)) {
        *v = 0; /* IMDi '-': not asked, so no decision: nothing decided */
        return 1;
    }
    return 0;
}

const regint__acc *regint__ctx_acc(const regint__ctx *ctx, size_t i, int y, int m)
{
    int slot;
    if (y == ctx->year)
        slot = ctx->nyears;
    else if (y >= ctx->first && y <= ctx->hist_to)
        slot = y - ctx->first;
    else
        return NULL;
    return &ctx->acc[(i * (size_t)(ctx->nyears + 1) + (size_t)slot) * REGINT__M_COUNT + (size_t)m];
}

void regint__ctx_free(regint__ctx *ctx)
{
    if (!ctx)
        return;
    regint_free((void *)ctx->mun);
    free(ctx->pop);
    regint__work_put(ctx->acc);
    memset(ctx, 0, sizeof *ctx);
}

regint_status regint__ctx_build(const regint_dataset *ds, int year, int hist_to, int window,
                                regint__ctx *ctx)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    memset(ctx, 0, sizeof *ctx);
    if (hist_to >= year)
        return regint__error(REGINT_EINVAL, "settlement: history must end before the year (%d >= %d)",
                             hist_to, year);
    ctx->ds = ds;
    ctx->year = year;
    ctx->hist_to = hist_to;
    ctx->nyears = window;
    ctx->first = hist_to - window + 1;
    regint_status st = regint_dataset_municipalities_in(ds, year, NULL, &ctx->mun, &ctx->n);
    if (st)
        return st;
    if (ctx->n == 0) {
        regint__ctx_free(ctx);
        return regint__error(REGINT_ENOTFOUND, "settlement: the dataset has no municipality valid in %d", year);
    }
    ctx->pop = regint__calloc(ctx->n, sizeof *ctx->pop);
    /* The accumulators (about 120 KB for the country) in a work block of at least 1 MiB, the
     * size from which regint__work_put keeps blocks: after a snapshot load that is the block
     * the snapshot was read into, already faulted in, and in a back-test the block of the year
     * before. Fresh small pages cost one fault each, ~10 us on a virtual machine, about 30
     * of them here (docs/performance.md, goal 4). */
    size_t acc_bytes = ctx->n * (size_t)(window + 1) * REGINT__M_COUNT * sizeof *ctx->acc;
    ctx->acc = ctx->pop ? regint__work_get(acc_bytes < ((size_t)1 << 20) ? (size_t)1 << 20 : acc_bytes) : NULL;
    if (!ctx->pop || !ctx->acc) {
        regint__ctx_free(ctx);
        return regint__enomem();
    }
    memset(ctx->acc, 0, acc_bytes);
    for (size_t i = 0; i < ctx->n; i++)
        ctx->pop[i] = population_of(ds, ctx->mun[i]->kommunenr, year);

    /* Scan the settlement figures once; map each code to the year's codes (cached for runs
     * of rows with the same code and year). */
    const char *cache_code = NULL;
    int cache_year = 0;
    long cache_idx[8];
    double cache_share[8];
    size_t cache_n = 0;
    size_t ns = regint_dataset_settlement_count(ds);
    for (size_t r = 0; r < ns; r++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, r);
        if (!s)
            continue;
        int in_hist = s->year >= ctx->first && s->year <= hist_to;
        if (!in_hist && s->year != year)
            continue;
        int m;
        if (s->category == REGINT_CATEGORY_ALL) {
            if (s->measure == REGINT_MEASURE_REQUEST)
                m = REGINT__M_REQUEST;
            else if (s->measure == REGINT_MEASURE_DECISION)
                m = REGINT__M_DECISION;
            else if (s->measure == REGINT_MEASURE_SETTLED)
                m = REGINT__M_SETTLED;
            else
                continue;
        } else if (s->category == REGINT_CATEGORY_UNACCOMPANIED &&
                   (s->measure == REGINT_MEASURE_REQUEST || s->measure == REGINT_MEASURE_DECISION ||
                    s->measure == REGINT_MEASURE_SETTLED)) {
            m = REGINT__M_EMA;
        } else {
            continue;
        }
        if (!cache_code || cache_year != s->year || strcmp(cache_code, s->kommunenr)) {
            cache_code = s->kommunenr;
            cache_year = s->year;
            cache_n = 0;
            if (s->year == year) {
                long ix = find_mun(ctx, s->kommunenr);
                if (ix >= 0) {
                    cache_idx[0] = ix;
                    cache_share[0] = 1;
                    cache_n = 1;
                }
            } else {
                const char **to = NULL;
                size_t nt = 0;
                if (regint_dataset_map_code(ds, s->kommunenr, s->year, year, &to, &nt) == REGINT_OK) {
                    double psum = 0;
                    int pok = 1;
                    for (size_t j = 0; j < nt && cache_n < 8; j++) {
                        long ix = find_mun(ctx, to[j]);
                        if (ix < 0)
                            continue;
                        cache_idx[cache_n++] = ix;
                        if (isnan(ctx->pop[ix]))
                            pok = 0;
                        else
                            psum += ctx->pop[ix];
                    }
                    /* A split: shared by the population of the parts (equal if unknown). */
                    for (size_t j = 0; j < cache_n; j++)
                        cache_share[j] = (pok && psum > 0) ? ctx->pop[cache_idx[j]] / psum
                                                          : 1.0 / (double)cache_n;
                }
                regint_free(to);
            }
        }
        if (cache_n == 0) {
            ctx->unmapped++;
            continue;
        }
        for (size_t j = 0; j < cache_n; j++) {
            regint__acc *a = (regint__acc *)regint__ctx_acc(ctx, (size_t)cache_idx[j], s->year, m);
            acc_add(a, &s->value, cache_share[j]);
        }
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    return REGINT_OK;
}
