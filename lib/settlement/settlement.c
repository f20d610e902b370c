/* Settlement recommendation: per-year context (history through the code correspondence,
 * population), scoring by criteria, bounds, apportionment, explanations, JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/internal.h"
#include "util/jsonutil.h"
#include "settlement/settlement_internal.h"

#include "regint/validate.h"

#include "regint/apportion.h"

/* ------------------------------------------------------------------------- */
/* Context                                                                   */

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

/* Population of municipality `k` (valid in `year`): the latest figure for the same code in
 * `year` or before; else a later figure of the same territory through the correspondence
 * (a split is summed over its parts; a merger gives unknown). NAN if unknown. */
static double population_of(const regint_dataset *ds, const char *k, int year)
{
    int64_t p;
    for (int t = year; t >= year - 15; t--)
        if (regint_dataset_population(ds, k, t, &p) == REGINT_OK)
            return (double)p;
    for (int t = year + 1; t <= year + 15; t++) {
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
    free(ctx->acc);
    memset(ctx, 0, sizeof *ctx);
}

regint_status regint__ctx_build(const regint_dataset *ds, int year, int hist_to, int window,
                                regint__ctx *ctx)
{
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
    ctx->acc = regint__calloc(ctx->n * (size_t)(window + 1) * REGINT__M_COUNT, sizeof *ctx->acc);
    if (!ctx->pop || !ctx->acc) {
        regint__ctx_free(ctx);
        return regint__enomem();
    }
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
    regint_clear_error();
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Result                                                                    */

struct regint_recommendation {
    int year;
    int history_to;
    char fylkesnr[8];
    char *county_name;
    char *profile_name;
    int64_t total;
    int64_t minors;
    size_t n;
    regint_recommendation_row_t *rows;
    char **names;          /* copies of kommunenr/name/fylkesnr, 3 per row */
    char **reasons;
    size_t ncrit;
    char **crit_ids;
    double *crit_w;
    double *contrib;       /* n * ncrit */
    double *values;        /* n * ncrit */
    char *note;
};

void regint_recommendation_free(regint_recommendation *r)
{
    if (!r)
        return;
    free(r->county_name);
    free(r->profile_name);
    regint__settlement_free_strv(r->names, 3 * r->n);
    regint__settlement_free_strv(r->reasons, r->n);
    regint__settlement_free_strv(r->crit_ids, r->ncrit);
    free(r->crit_w);
    free(r->contrib);
    free(r->values);
    free(r->rows);
    free(r->note);
    free(r);
}

size_t regint_recommendation_count(const regint_recommendation *r) { return r ? r->n : 0; }

const regint_recommendation_row_t *regint_recommendation_row(const regint_recommendation *r, size_t i)
{
    return r && i < r->n ? &r->rows[i] : NULL;
}

size_t regint_recommendation_criterion_count(const regint_recommendation *r) { return r ? r->ncrit : 0; }

const char *regint_recommendation_criterion_id(const regint_recommendation *r, size_t j)
{
    return r && j < r->ncrit ? r->crit_ids[j] : NULL;
}

double regint_recommendation_criterion_weight(const regint_recommendation *r, size_t j)
{
    return r && j < r->ncrit ? r->crit_w[j] : NAN;
}

double regint_recommendation_contribution(const regint_recommendation *r, size_t i, size_t j)
{
    return r && i < r->n && j < r->ncrit ? r->contrib[i * r->ncrit + j] : NAN;
}

double regint_recommendation_value(const regint_recommendation *r, size_t i, size_t j)
{
    return r && i < r->n && j < r->ncrit ? r->values[i * r->ncrit + j] : NAN;
}

int regint_recommendation_year(const regint_recommendation *r) { return r ? r->year : 0; }
int64_t regint_recommendation_total(const regint_recommendation *r) { return r ? r->total : 0; }
int64_t regint_recommendation_minors(const regint_recommendation *r) { return r ? r->minors : 0; }
const char *regint_recommendation_fylkesnr(const regint_recommendation *r) { return r ? r->fylkesnr : NULL; }
const char *regint_recommendation_county_name(const regint_recommendation *r) { return r ? r->county_name : NULL; }
const char *regint_recommendation_profile_name(const regint_recommendation *r) { return r ? r->profile_name : NULL; }
const char *regint_recommendation_note(const regint_recommendation *r) { return r && r->note ? r->note : ""; }

/* Growing string for notes and reasons. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    int failed;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) REGINT__PRINTF(2, 3);
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    size_t add = (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1;
    if (b->len + add + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 128) + add;
        char *ns = realloc(b->s, nc);
        if (!ns) {
            b->failed = 1;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->len, tmp, add);
    b->len += add;
    b->s[b->len] = '\0';
}

static char *sb_take(sbuf *b)
{
    if (b->failed) {
        free(b->s);
        return NULL;
    }
    if (!b->s)
        return regint__strdup("");
    return b->s;
}

/* ------------------------------------------------------------------------- */
/* Criterion values                                                          */

/* Mean over the window years (those with a usable figure) of a measure. */
static int history_mean(const regint__ctx *ctx, size_t i, int m, int years, double *out)
{
    double sum = 0;
    int cnt = 0;
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double v;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, m), m, &v)) {
            sum += v;
            cnt++;
        }
    }
    if (!cnt)
        return 0;
    *out = sum / cnt;
    return 1;
}

static int delivery_rate(const regint__ctx *ctx, size_t i, int years, double *out)
{
    double ss = 0, sd = 0;
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double s, d;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED), REGINT__M_SETTLED, &s) &&
            regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION), REGINT__M_DECISION, &d) &&
            d > 0) {
            ss += s;
            sd += d;
        }
    }
    if (!(sd > 0))
        return 0;
    *out = ss / sd;
    return 1;
}

/* The area of an indicator observation for a municipality: itself, its county in the
 * context year, or the county of its code in the observation year. */
static int observation_for(const regint__ctx *ctx, size_t i, const char *ind, const char *per,
                           const char *cat, regint_level level, int years, double *out)
{
    const regint_municipality_t *m = ctx->mun[i];
    for (int y = ctx->hist_to; y > ctx->hist_to - years; y--) {
        const char *areas[4];
        size_t na = 0;
        const char **to = NULL, **prev = NULL;
        size_t nt = 0, np = 0;
        if (level == REGINT_LEVEL_KOMMUNE) {
            areas[na++] = m->kommunenr;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, y, &to, &nt) == REGINT_OK && nt == 1 &&
                strcmp(to[0], m->kommunenr))
                areas[na++] = to[0];
        } else if (level == REGINT_LEVEL_FYLKE) {
            areas[na++] = m->fylkesnr;
            const regint_municipality_t *old = NULL;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, y, &to, &nt) == REGINT_OK && nt >= 1 &&
                regint_dataset_municipality(ctx->ds, to[0], y, &old) == REGINT_OK &&
                strcmp(old->fylkesnr, m->fylkesnr))
                areas[na++] = old->fylkesnr;
            /* County-level series kept in an older county structure (e.g. the 2020 counties):
             * the county of the code's predecessor in the year before the code began. */
            const regint_municipality_t *pm = NULL;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, m->valid_from - 1, &prev, &np) == REGINT_OK &&
                np >= 1 && regint_dataset_municipality(ctx->ds, prev[0], m->valid_from - 1, &pm) == REGINT_OK &&
                strcmp(pm->fylkesnr, m->fylkesnr))
                areas[na++] = pm->fylkesnr;
        } else {
            areas[na++] = "00";
        }
        int found = 0;
        double v = NAN;
        for (size_t a = 0; a < na && !found; a++) {
            regint_value_t x, d;
            const char *cats[2] = {cat, "alle"};
            for (size_t c = 0; c < (*cat ? 1u : 2u) && !found; c++) {
                if (regint_dataset_observation(ctx->ds, ind, areas[a], y, cats[c], &x) != REGINT_OK ||
                    x.missing != REGINT_MISSING_NONE)
                    continue;
                if (per) {
                    if (regint_dataset_observation(ctx->ds, per, areas[a], y, cats[c], &d) != REGINT_OK ||
                        d.missing != REGINT_MISSING_NONE || !(d.value > 0))
                        continue;
                    v = x.value / d.value;
                } else {
                    v = x.value;
                }
                found = 1;
            }
        }
        regint_free(to);
        regint_free(prev);
        if (found) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------- */
/* Recommendation                                                            */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(const double *v, size_t n, double *tmp)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            tmp[k++] = v[i];
    if (!k)
        return NAN;
    qsort(tmp, k, sizeof *tmp, cmp_double);
    return k % 2 ? tmp[k / 2] : (tmp[k / 2 - 1] + tmp[k / 2]) / 2;
}

static int in_list(char *const *v, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], k))
            return 1;
    return 0;
}

static regint_value_t value_of_acc(const regint__acc *a)
{
    regint_value_t v = {NAN, REGINT_MISSING_UNKNOWN};
    if (!a || a->rows == 0)
        return v;
    if (a->present > 0) {
        v.value = a->sum; /* suppressed parts of a mixed sum count at their estimate */
        v.missing = REGINT_MISSING_NONE;
    } else if (a->suppressed > 0) {
        v.missing = REGINT_MISSING_SUPPRESSED;
    } else {
        v.missing = a->missing ? a->missing : REGINT_MISSING_UNKNOWN;
    }
    return v;
}

/* Per-run working state. */
typedef struct work {
    size_t nm;             /* members (municipalities of the county) */
    size_t *idx;           /* ctx index of each member */
    double *x;             /* nm * nc raw values (NAN missing) */
    double *z;             /* nm * nc contributions (weighted) */
    double *w;             /* nc effective normalised weights */
    regint_level *level;   /* nc */
    regint_direction *dir; /* nc */
    double *pop;           /* population used (imputed) */
    int *asked, *pop_imputed, *hard_lo, *hard_up, *soft_up, *dropped, *pop_rule;
    int64_t *lo, *up, *seats, *minors;
    double *weights, *score, *tmp;
} work;

static void work_free(work *w)
{
    free(w->idx); free(w->x); free(w->z); free(w->w); free(w->level); free(w->dir); free(w->pop);
    free(w->asked); free(w->pop_imputed); free(w->hard_lo); free(w->hard_up); free(w->soft_up);
    free(w->dropped); free(w->pop_rule); free(w->lo); free(w->up); free(w->seats); free(w->minors);
    free(w->weights); free(w->score); free(w->tmp);
}

static regint_status work_alloc(work *w, size_t nm, size_t nc)
{
    size_t nx = nm * (nc ? nc : 1), n1 = nm ? nm : 1, nc1 = nc ? nc : 1;
    w->nm = nm;
    w->idx = regint__calloc(n1, sizeof *w->idx);
    w->x = regint__calloc(nx, sizeof *w->x);
    w->z = regint__calloc(nx, sizeof *w->z);
    w->w = regint__calloc(nc1, sizeof *w->w);
    w->level = regint__calloc(nc1, sizeof *w->level);
    w->dir = regint__calloc(nc1, sizeof *w->dir);
    w->pop = regint__calloc(n1, sizeof *w->pop);
    w->asked = regint__calloc(n1, sizeof(int));
    w->pop_imputed = regint__calloc(n1, sizeof(int));
    w->hard_lo = regint__calloc(n1, sizeof(int));
    w->hard_up = regint__calloc(n1, sizeof(int));
    w->soft_up = regint__calloc(n1, sizeof(int));
    w->dropped = regint__calloc(n1, sizeof(int));
    w->pop_rule = regint__calloc(n1, sizeof(int));
    w->lo = regint__calloc(n1, sizeof(int64_t));
    w->up = regint__calloc(n1, sizeof(int64_t));
    w->seats = regint__calloc(n1, sizeof(int64_t));
    w->minors = regint__calloc(n1, sizeof(int64_t));
    w->weights = regint__calloc(n1, sizeof(double));
    w->score = regint__calloc(n1, sizeof(double));
    w->tmp = regint__calloc(n1, sizeof(double));
    if (!w->idx || !w->x || !w->z || !w->w || !w->level || !w->dir || !w->pop || !w->asked ||
        !w->pop_imputed || !w->hard_lo || !w->hard_up || !w->soft_up || !w->dropped || !w->pop_rule ||
        !w->lo || !w->up || !w->seats || !w->minors || !w->weights || !w->score || !w->tmp)
        return regint__enomem();
    return REGINT_OK;
}

static int64_t sat_add(int64_t a, int64_t b)
{
    return (a > INT64_MAX - b) ? INT64_MAX : a + b;
}

static const char *pct(double share, char *buf, size_t len)
{
    snprintf(buf, len, "%.1f%%", 100.0 * share);
    return buf;
}

/* regint_apportion_double, except that all-zero weights share the total equally above the
 * bounds instead of failing (a county where no criterion has a value still gets a result). */
static regint_status apportion_with(const double *weights, size_t n, int64_t total, int method,
                                    const int64_t *lo, const int64_t *up, int64_t *seats)
{
    regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
    ao.method = (regint_apportion_method)method;
    ao.lower = lo;
    ao.upper = up;
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (weights[i] > 0)
            any = 1;
    if (any || n == 0)
        return regint_apportion_double(weights, n, total, &ao, seats);
    int64_t *ones = regint__calloc(n, sizeof *ones);
    if (!ones)
        return regint__enomem();
    for (size_t i = 0; i < n; i++)
        ones[i] = (!up || up[i] > 0) ? 1 : 0;
    regint_status st = regint_apportion(ones, n, total, &ao, seats);
    free(ones);
    return st;
}

regint_status regint__hamilton(const double *w, size_t n, int64_t total, int64_t *seats)
{
    return apportion_with(w, n, total, REGINT_APPORTION_HAMILTON, NULL, NULL, seats);
}

static regint_status check_profile_codes(const regint__ctx *ctx, const regint_settlement_profile *p)
{
    const regint_municipality_t *m;
    for (size_t i = 0; i < p->nexclude; i++)
        if (regint_dataset_municipality(ctx->ds, p->exclude[i], ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: exclude[%zu]: unknown municipality '%s' in %d",
                                 p->file, i, p->exclude[i], ctx->year);
    for (size_t i = 0; i < p->nexempt; i++)
        if (regint_dataset_municipality(ctx->ds, p->exempt[i], ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: minimum_exempt[%zu]: unknown municipality '%s' in %d",
                                 p->file, i, p->exempt[i], ctx->year);
    for (size_t i = 0; i < p->nbounds; i++)
        if (regint_dataset_municipality(ctx->ds, p->bounds[i].kommunenr, ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: %s.kommunenr: unknown municipality '%s' in %d",
                                 p->file, p->bounds[i].path, p->bounds[i].kommunenr, ctx->year);
    return REGINT_OK;
}

static const regint__bound *bound_of(const regint_settlement_profile *p, const char *k)
{
    for (size_t i = 0; i < p->nbounds; i++)
        if (!strcmp(p->bounds[i].kommunenr, k))
            return &p->bounds[i];
    return NULL;
}

static int settled_within(const regint__ctx *ctx, size_t i, int years)
{
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double v;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED), REGINT__M_SETTLED, &v) && v > 0)
            return 1;
    }
    return 0;
}

static int ema_history(const regint__ctx *ctx, size_t i, int years)
{
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        const regint__acc *a = regint__ctx_acc(ctx, i, y, REGINT__M_EMA);
        if (a && (a->suppressed > 0 || (a->present > 0 && a->sum > 0)))
            return 1;
    }
    return 0;
}

/* Compute criterion values, inclusion, scores and bounds; then apportion. */
static regint_status run(const regint__ctx *ctx, const regint_recommend_options *opt,
                         const regint_settlement_profile *p, work *w, sbuf *note)
{
    size_t nc = p->ncrit;
    regint_status st;

    /* Criteria against the dataset. */
    double wsum = 0;
    for (size_t c = 0; c < nc; c++) {
        const regint__criterion *cr = &p->crit[c];
        w->w[c] = cr->weight;
        w->dir[c] = cr->direction;
        w->level[c] = REGINT_LEVEL_KOMMUNE;
        if (cr->kind == REGINT__CRIT_INDICATOR) {
            const regint_indicator_t *ind = NULL, *per = NULL;
            int ok = regint_dataset_indicator(ctx->ds, cr->indicator, &ind) == REGINT_OK;
            int pok = !cr->per || regint_dataset_indicator(ctx->ds, cr->per, &per) == REGINT_OK;
            if (!ok || !pok) {
                const char *missing = !ok ? cr->indicator : cr->per;
                if (cr->optional) {
                    sb_printf(note, "criterion '%s' left out: indicator '%s' is not in the dataset's catalogue. ",
                              cr->id, missing);
                    w->w[c] = 0;
                    continue;
                }
                return regint__error(REGINT_ENOTFOUND,
                                     "%s: %s.%s: unknown indicator '%s' (not a built-in criterion and not in the dataset's catalogue)",
                                     p->file, cr->path, !ok ? (cr->indicator_is_id ? "id" : "indicator") : "per",
                                     missing);
            }
            w->level[c] = ind->level;
            if (per && per->level != ind->level)
                return regint__error(REGINT_EINVAL, "%s: %s.per: '%s' and '%s' are published for different levels",
                                     p->file, cr->path, cr->indicator, cr->per);
            if (w->dir[c] == REGINT_DIRECTION_NEUTRAL)
                w->dir[c] = cr->per ? REGINT_DIRECTION_NEUTRAL : ind->direction;
            if (w->dir[c] == REGINT_DIRECTION_NEUTRAL)
                return regint__error(REGINT_EINVAL,
                                     "%s: %s.direction: indicator '%s' has no direction in the catalogue; give \"higher_better\" or \"lower_better\"",
                                     p->file, cr->path, cr->indicator);
        }
        wsum += w->w[c];
    }

    /* Raw values. */
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        for (size_t c = 0; c < nc; c++) {
            const regint__criterion *cr = &p->crit[c];
            double v = NAN;
            int ok = 0;
            switch (cr->kind) {
            case REGINT__CRIT_POPULATION: v = ctx->pop[i]; ok = !isnan(v); break;
            case REGINT__CRIT_REQUESTS: ok = history_mean(ctx, i, REGINT__M_REQUEST, cr->years, &v); break;
            case REGINT__CRIT_DECISIONS: ok = history_mean(ctx, i, REGINT__M_DECISION, cr->years, &v); break;
            case REGINT__CRIT_SETTLED: ok = history_mean(ctx, i, REGINT__M_SETTLED, cr->years, &v); break;
            case REGINT__CRIT_DELIVERY_RATE: ok = delivery_rate(ctx, i, cr->years, &v); break;
            case REGINT__CRIT_INDICATOR:
                if (w->w[c] > 0 || cr->weight == 0)
                    ok = observation_for(ctx, i, cr->indicator, cr->per, cr->category, w->level[c], cr->years, &v);
                break;
            }
            w->x[k * nc + c] = ok ? v : NAN;
        }
    }
    regint_clear_error();

    /* Population used by rate criteria and the exclusion rule: median if unknown. */
    for (size_t k = 0; k < w->nm; k++)
        w->pop[k] = ctx->pop[w->idx[k]];
    double pmed = median_of(w->pop, w->nm, w->tmp);
    size_t nimp = 0;
    for (size_t k = 0; k < w->nm; k++)
        if (isnan(w->pop[k])) {
            w->pop[k] = isnan(pmed) ? 1.0 : pmed;
            w->pop_imputed[k] = 1;
            nimp++;
        }
    if (nimp)
        sb_printf(note, "population unknown for %zu municipalities: the county median was used. ", nimp);

    /* Who is asked. */
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        const char *code = ctx->mun[i]->kommunenr;
        const regint__bound *b = bound_of(p, code);
        w->asked[k] = 1;
        if (in_list(p->exclude, p->nexclude, code)) {
            w->asked[k] = 0;
        } else if (p->exclude_pop_below > 0 && !w->pop_imputed[k] && w->pop[k] < (double)p->exclude_pop_below &&
                   !(p->keep_if_settled_within > 0 && settled_within(ctx, i, p->keep_if_settled_within)) &&
                   !(b && b->lower > 0)) {
            w->asked[k] = 0;
            w->pop_rule[k] = 1;
        }
    }

    /* Scores: every criterion distributes its normalised weight over the asked. */
    for (size_t c = 0; c < nc; c++) {
        double wn = wsum > 0 ? w->w[c] / wsum : 0;
        w->w[c] = wn;
    }
    for (size_t c = 0; c < nc; c++) {
        const regint__criterion *cr = &p->crit[c];
        if (w->w[c] == 0)
            continue;
        double tot = 0, pw = 0, px = 0;
        size_t have = 0;
        for (size_t k = 0; k < w->nm; k++) {
            if (!w->asked[k])
                continue;
            double v = w->x[k * nc + c];
            if (isnan(v))
                continue;
            have++;
            tot += v;
            pw += w->pop[k];
            px += w->pop[k] * v;
        }
        if (have == 0) {
            sb_printf(note, "criterion '%s' has no value for any municipality asked: left out. ", cr->id);
            w->w[c] = -1; /* mark for renormalisation */
            continue;
        }
        if (cr->use == REGINT__USE_SIZE) {
            if (cr->kind == REGINT__CRIT_POPULATION) {
                /* population unknown: the imputed median */
                tot = 0;
                for (size_t k = 0; k < w->nm; k++)
                    if (w->asked[k])
                        tot += w->pop[k];
            }
            for (size_t k = 0; k < w->nm; k++) {
                if (!w->asked[k])
                    continue;
                double v = w->x[k * nc + c];
                if (cr->kind == REGINT__CRIT_POPULATION)
                    v = w->pop[k];
                else if (isnan(v))
                    v = 0; /* no figures for the window: nothing requested/decided/settled */
                w->z[k * nc + c] = tot > 0 ? v / tot : NAN;
            }
            if (!(tot > 0)) {
                /* Nobody in the county has any: the criterion follows population. */
                sb_printf(note, "criterion '%s' is 0 for every municipality asked: distributed by population. ", cr->id);
                double ps = 0;
                for (size_t k = 0; k < w->nm; k++)
                    if (w->asked[k])
                        ps += w->pop[k];
                for (size_t k = 0; k < w->nm; k++)
                    if (w->asked[k])
                        w->z[k * nc + c] = w->pop[k] / ps;
            }
        } else {
            double mean = pw > 0 ? px / pw : 0;
            double s = 0;
            for (size_t k = 0; k < w->nm; k++) {
                if (!w->asked[k])
                    continue;
                double v = w->x[k * nc + c], r = 1;
                if (!isnan(v) && mean > 0) {
                    if (w->dir[c] == REGINT_DIRECTION_LOWER_BETTER)
                        r = v > 0 ? mean / v : cr->clamp_hi;
                    else
                        r = v / mean;
                }
                if (r < cr->clamp_lo)
                    r = cr->clamp_lo;
                if (r > cr->clamp_hi)
                    r = cr->clamp_hi;
                w->z[k * nc + c] = w->pop[k] * r;
                s += w->pop[k] * r;
            }
            for (size_t k = 0; k < w->nm; k++)
                if (w->asked[k])
                    w->z[k * nc + c] = s > 0 ? w->z[k * nc + c] / s : 0;
        }
    }
    /* Renormalise if criteria were left out. */
    double ws = 0;
    for (size_t c = 0; c < nc; c++)
        if (w->w[c] > 0)
            ws += w->w[c];
    for (size_t c = 0; c < nc; c++)
        w->w[c] = (w->w[c] > 0 && ws > 0) ? w->w[c] / ws : 0;
    for (size_t k = 0; k < w->nm; k++) {
        double sc = 0;
        for (size_t c = 0; c < nc; c++) {
            double z = w->asked[k] && w->w[c] > 0 ? w->w[c] * w->z[k * nc + c] : 0;
            w->z[k * nc + c] = z;
            sc += z;
        }
        w->score[k] = sc;
    }

    /* Bounds. */
    int64_t total = opt->total;
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        const char *code = ctx->mun[i]->kommunenr;
        const regint__bound *b = bound_of(p, code);
        if (!w->asked[k]) {
            w->lo[k] = w->up[k] = 0;
            continue;
        }
        w->lo[k] = in_list(p->exempt, p->nexempt, code) ? 0 : p->minimum;
        w->up[k] = INT64_MAX;
        if (p->upper_history) {
            double mx = 0;
            for (int y = ctx->hist_to - p->upper_years + 1; y <= ctx->hist_to; y++) {
                double d;
                if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION), REGINT__M_DECISION, &d) && d > mx)
                    mx = d;
            }
            double u = ceil(p->upper_factor * mx) + (double)p->upper_add;
            /* A cap beyond int64 is no cap (a double that large does not convert). */
            w->up[k] = u < 9.0e18 ? (int64_t)u : INT64_MAX;
            w->soft_up[k] = 1;
        }
        if (b && b->upper >= 0) {
            w->up[k] = b->upper;
            w->hard_up[k] = 1;
            w->soft_up[k] = 0;
            if (w->lo[k] > b->upper)
                w->lo[k] = b->upper;
        }
        if (b && b->lower >= 0) {
            w->lo[k] = b->lower;
            w->hard_lo[k] = 1;
        }
        if (w->up[k] < w->lo[k]) {
            if (w->hard_up[k])
                return regint__error(REGINT_EINFEASIBLE, "%s: %s: lower bound %lld is above the upper bound %lld",
                                     p->file, b ? b->path : "bounds", (long long)w->lo[k], (long long)w->up[k]);
            w->up[k] = w->lo[k];
        }
    }
    int64_t slo = 0;
    for (size_t k = 0; k < w->nm; k++)
        slo = sat_add(slo, w->lo[k]);
    if (slo > total) {
        if (!p->drop_lowest) {
            return regint__error(REGINT_EINFEASIBLE,
                                 "%s: minimum: the lower bounds of the %s municipalities asked sum to %lld, above the total %lld (when_minimums_exceed_total is \"error\")",
                                 p->file, opt->fylkesnr ? opt->fylkesnr : "00", (long long)slo, (long long)total);
        }
        size_t ndrop = 0;
        while (slo > total) {
            long best = -1;
            for (size_t k = 0; k < w->nm; k++)
                if (w->asked[k] && !w->hard_lo[k] && w->lo[k] > 0 &&
                    (best < 0 || w->score[k] < w->score[best] ||
                     (w->score[k] == w->score[best] && w->pop[k] < w->pop[best])))
                    best = (long)k;
            if (best < 0)
                return regint__error(REGINT_EINFEASIBLE,
                                     "%s: bounds: the profile's lower bounds sum to %lld, above the total %lld",
                                     p->file, (long long)slo, (long long)total);
            size_t still = 0;
            int64_t cap_others = 0; /* what the others asked can take (soft caps can be lifted) */
            for (size_t k = 0; k < w->nm; k++) {
                still += w->asked[k] ? 1u : 0u;
                if (w->asked[k] && k != (size_t)best)
                    cap_others = sat_add(cap_others, w->soft_up[k] ? INT64_MAX : w->up[k]);
            }
            if (still == 1 || cap_others < total) {
                /* The total is below one minimum, or the others cannot take the total
                 * without `best`: it stays asked with what the others leave. */
                int64_t rest = slo - w->lo[best];
                int64_t nl = total - rest > 0 ? total - rest : 0;
                if (still == 1)
                    sb_printf(note, "the total %lld is below the minimum %lld: %s is asked for it all. ",
                              (long long)total, (long long)w->lo[best], ctx->mun[w->idx[best]]->kommunenr);
                else
                    sb_printf(note, "the others asked can take only %lld of the total %lld: %s stays asked with a lower bound of %lld instead of the minimum %lld. ",
                              (long long)cap_others, (long long)total, ctx->mun[w->idx[best]]->kommunenr,
                              (long long)nl, (long long)w->lo[best]);
                slo = rest + nl;
                w->lo[best] = nl;
                if (w->up[best] < nl)
                    w->up[best] = nl;
                continue;
            }
            slo -= w->lo[best];
            w->asked[best] = 0;
            w->dropped[best] = 1;
            w->soft_up[best] = 0;
            w->lo[best] = w->up[best] = 0;
            ndrop++;
        }
        if (ndrop)
            sb_printf(note, "the minimum of %lld for every municipality would exceed the total %lld: the %zu with the lowest scores are not asked. ",
                      (long long)p->minimum, (long long)total, ndrop);
    }
    size_t nasked = 0;
    for (size_t k = 0; k < w->nm; k++)
        nasked += w->asked[k] ? 1u : 0u;
    if (nasked == 0 && total > 0)
        return regint__error(REGINT_EINFEASIBLE,
                             "%s: exclude: every municipality of county %s is excluded or not asked, so nobody can take the total %lld",
                             p->file, opt->fylkesnr ? opt->fylkesnr : "00", (long long)total);
    int64_t sup = 0, shard = 0;
    int any_soft = 0;
    for (size_t k = 0; k < w->nm; k++) {
        sup = sat_add(sup, w->up[k]);
        shard = sat_add(shard, w->soft_up[k] ? INT64_MAX : w->up[k]);
        any_soft |= w->soft_up[k];
    }
    if (sup < total) {
        if (!any_soft || shard < total)
            return regint__error(REGINT_EINFEASIBLE,
                                 "%s: bounds: the upper bounds sum to %lld, below the total %lld",
                                 p->file, (long long)shard, (long long)total);
        sb_printf(note, "the caps from past decisions sum to %lld, below the total %lld: they were lifted. ",
                  (long long)sup, (long long)total);
        for (size_t k = 0; k < w->nm; k++)
            if (w->soft_up[k]) {
                w->up[k] = INT64_MAX;
                w->soft_up[k] = 2;
            }
    }

    for (size_t k = 0; k < w->nm; k++)
        w->weights[k] = w->asked[k] ? w->score[k] : 0;
    if (apportion_with(w->weights, w->nm, total, p->method, w->lo, w->up, w->seats))
        return regint__error_prefix("settlement: apportioning the total");

    /* Minors: among those asked with a history of unaccompanied minors, within their number. */
    if (opt->minors > 0) {
        int64_t cap = 0;
        for (size_t k = 0; k < w->nm; k++) {
            w->tmp[k] = (w->seats[k] > 0 && ema_history(ctx, w->idx[k], p->minors_years)) ? 1 : 0;
            if (w->tmp[k] > 0)
                cap += w->seats[k];
        }
        if (cap < opt->minors) {
            sb_printf(note, "municipalities with experience of unaccompanied minors can take %lld of %lld: all asked are considered for minors. ",
                      (long long)cap, (long long)opt->minors);
            for (size_t k = 0; k < w->nm; k++)
                w->tmp[k] = w->seats[k] > 0 ? 1 : 0;
        }
        int64_t *mu = regint__calloc(w->nm, sizeof *mu);
        if (!mu)
            return regint__enomem();
        for (size_t k = 0; k < w->nm; k++) {
            mu[k] = w->tmp[k] > 0 ? w->seats[k] : 0;
            w->weights[k] = w->tmp[k] > 0 ? w->score[k] : 0;
        }
        st = apportion_with(w->weights, w->nm, opt->minors, p->method, NULL, mu, w->minors);
        free(mu);
        if (st)
            return regint__error_prefix("settlement: apportioning the unaccompanied minors");
    }
    return REGINT_OK;
}

static char *make_reason(const regint__ctx *ctx, const regint_settlement_profile *p, const work *w,
                         size_t k, int64_t total)
{
    sbuf b = {0};
    size_t nc = p->ncrit;
    char s1[32], s2[32];
    if (!w->asked[k]) {
        if (w->dropped[k])
            sb_printf(&b, "not asked: the minimum of %lld for everyone would exceed the total; lowest score",
                      (long long)p->minimum);
        else if (w->pop_rule[k])
            sb_printf(&b, "not asked: population %.0f below %lld and nobody settled in %d-%d", w->pop[k],
                      (long long)p->exclude_pop_below, ctx->hist_to - p->keep_if_settled_within + 1, ctx->hist_to);
        else
            sb_printf(&b, "excluded by the profile");
        return sb_take(&b);
    }
    /* The two largest contributions. */
    long c1 = -1, c2 = -1;
    for (size_t c = 0; c < nc; c++) {
        double z = w->z[k * nc + c];
        if (c1 < 0 || z > w->z[k * nc + (size_t)c1]) {
            c2 = c1;
            c1 = (long)c;
        } else if (c2 < 0 || z > w->z[k * nc + (size_t)c2]) {
            c2 = (long)c;
        }
    }
    double quota = (double)total * w->score[k];
    sb_printf(&b, "score %s", pct(w->score[k], s1, sizeof s1));
    if (c1 >= 0 && w->z[k * nc + (size_t)c1] > 0)
        sb_printf(&b, " (%s %s", p->crit[c1].id, pct(w->z[k * nc + (size_t)c1], s2, sizeof s2));
    if (c2 >= 0 && w->z[k * nc + (size_t)c2] > 0)
        sb_printf(&b, ", %s %s", p->crit[c2].id, pct(w->z[k * nc + (size_t)c2], s2, sizeof s2));
    if (c1 >= 0 && w->z[k * nc + (size_t)c1] > 0)
        sb_printf(&b, ")");
    sb_printf(&b, ", quota %.1f", quota);
    if (w->seats[k] == w->lo[k] && quota < (double)w->lo[k])
        sb_printf(&b, w->hard_lo[k]              ? "; raised to the profile's lower bound %lld"
                      : w->lo[k] == p->minimum ? "; raised to the minimum %lld"
                                               : "; raised to the lower bound %lld (see the note)",
                  (long long)w->lo[k]);
    if (w->up[k] != INT64_MAX && w->seats[k] == w->up[k] && quota > (double)w->up[k])
        sb_printf(&b, w->hard_up[k] ? "; capped at the stated capacity %lld"
                                    : "; capped at %lld (from past decisions)",
                  (long long)w->up[k]);
    if (w->pop_imputed[k])
        sb_printf(&b, "; population unknown (median used)");
    return sb_take(&b);
}

regint_status regint__recommend_ctx(const regint__ctx *ctx, const regint_recommend_options *opt,
                                    const regint_settlement_profile *p, regint_recommendation **out)
{
    regint_status st;
    const regint_dataset *ds = ctx->ds;
    int national = !opt->fylkesnr || !strcmp(opt->fylkesnr, "00");
    const regint_county_t *county = NULL;
    if (!national && regint_dataset_county(ds, opt->fylkesnr, opt->year, &county) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "settlement: unknown county '%s' in %d", opt->fylkesnr, opt->year);
    if ((st = check_profile_codes(ctx, p)))
        return st;
    work w;
    memset(&w, 0, sizeof w);
    size_t nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (national || !strcmp(ctx->mun[i]->fylkesnr, opt->fylkesnr))
            nm++;
    if (nm == 0)
        return regint__error(REGINT_ENOTFOUND, "settlement: county '%s' has no municipality valid in %d",
                             opt->fylkesnr, opt->year);
    size_t nc = p->ncrit;
    regint_recommendation *r = NULL;
    sbuf note = {0};
    if ((st = work_alloc(&w, nm, nc)))
        goto fail;
    nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (national || !strcmp(ctx->mun[i]->fylkesnr, opt->fylkesnr))
            w.idx[nm++] = i;
    if ((st = run(ctx, opt, p, &w, &note)))
        goto fail;
    if (ctx->unmapped)
        sb_printf(&note, "%zu history figures had codes without a mapping to %d and were not used. ",
                  ctx->unmapped, ctx->year);

    r = regint__calloc(1, sizeof *r);
    if (!r) {
        st = regint__enomem();
        goto fail;
    }
    r->year = opt->year;
    r->history_to = ctx->hist_to;
    snprintf(r->fylkesnr, sizeof r->fylkesnr, "%s", national ? "00" : opt->fylkesnr);
    r->county_name = regint__strdup(national ? "Norge" : county->name);
    r->profile_name = regint__strdup(p->name);
    r->total = opt->total;
    r->minors = opt->minors;
    r->n = nm;
    r->ncrit = nc;
    r->rows = regint__calloc(nm, sizeof *r->rows);
    r->names = regint__calloc(3 * nm, sizeof *r->names);
    r->reasons = regint__calloc(nm, sizeof *r->reasons);
    r->crit_ids = regint__calloc(nc, sizeof *r->crit_ids);
    r->crit_w = regint__calloc(nc, sizeof *r->crit_w);
    r->contrib = regint__calloc(nm * nc, sizeof *r->contrib);
    r->values = regint__calloc(nm * nc, sizeof *r->values);
    r->note = sb_take(&note);
    note.s = NULL;
    if (!r->county_name || !r->profile_name || !r->rows || !r->names || !r->reasons || !r->crit_ids ||
        !r->crit_w || !r->contrib || !r->values || !r->note) {
        st = regint__enomem();
        goto fail;
    }
    for (size_t c = 0; c < nc; c++) {
        if (!(r->crit_ids[c] = regint__strdup(p->crit[c].id))) {
            st = regint__enomem();
            goto fail;
        }
        r->crit_w[c] = w.w[c];
    }
    memcpy(r->contrib, w.z, nm * nc * sizeof *r->contrib);
    memcpy(r->values, w.x, nm * nc * sizeof *r->values);
    for (size_t k = 0; k < nm; k++) {
        size_t i = w.idx[k];
        const regint_municipality_t *m = ctx->mun[i];
        regint_recommendation_row_t *row = &r->rows[k];
        r->names[3 * k] = regint__strdup(m->kommunenr);
        r->names[3 * k + 1] = regint__strdup(m->name);
        r->names[3 * k + 2] = regint__strdup(m->fylkesnr);
        r->reasons[k] = make_reason(ctx, p, &w, k, opt->total);
        if (!r->names[3 * k] || !r->names[3 * k + 1] || !r->names[3 * k + 2] || !r->reasons[k]) {
            st = regint__enomem();
            goto fail;
        }
        row->kommunenr = r->names[3 * k];
        row->name = r->names[3 * k + 1];
        row->fylkesnr = r->names[3 * k + 2];
        row->asked = w.asked[k];
        row->recommended = w.seats[k];
        row->minors = w.minors[k];
        row->lower = w.lo[k];
        row->upper = w.up[k];
        row->score = w.score[k];
        row->quota = (double)opt->total * w.score[k];
        row->population = ctx->pop[i];
        row->contributions = r->contrib + k * nc;
        row->values = r->values + k * nc;
        row->history_first_year = opt->year - REGINT_RECOMMEND_HISTORY_YEARS;
        for (int h = 0; h < REGINT_RECOMMEND_HISTORY_YEARS; h++) {
            int y = opt->year - REGINT_RECOMMEND_HISTORY_YEARS + h;
            regint_value_t none = {NAN, REGINT_MISSING_UNKNOWN};
            if (y > ctx->hist_to) {
                row->request[h] = row->decision[h] = row->settled[h] = none;
                continue;
            }
            row->request[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_REQUEST));
            row->decision[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION));
            row->settled[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED));
        }
        row->actual_request = value_of_acc(regint__ctx_acc(ctx, i, opt->year, REGINT__M_REQUEST));
        row->actual_decision = value_of_acc(regint__ctx_acc(ctx, i, opt->year, REGINT__M_DECISION));
        row->reason = r->reasons[k];
    }
    work_free(&w);
    *out = r;
    return REGINT_OK;
fail:
    free(note.s);
    work_free(&w);
    regint_recommendation_free(r);
    return st;
}

/* The default total rule (policy, so here and not in the CLI or the bindings): without a
 * total, the county's actual requests for the year; the minors follow the total's rule. */
static regint_status resolve_total(const regint_dataset *ds, regint_recommend_options *o)
{
    int from_requests = o->total == REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS;
    if (from_requests &&
        regint_settlement_county_sum(ds, o->fylkesnr, o->year, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL,
                                     &o->total) != REGINT_OK)
        return regint__error(regint_last_status(),
                             "regint_recommend: total: the default, IMDi's actual requests to county '%s' for %d, "
                             "is not in the dataset; give the total",
                             o->fylkesnr ? o->fylkesnr : "00", o->year);
    if (o->minors == REGINT_SETTLEMENT_MINORS_DEFAULT) {
        o->minors = 0;
        if (from_requests &&
            regint_settlement_county_sum(ds, o->fylkesnr, o->year, REGINT_MEASURE_REQUEST,
                                         REGINT_CATEGORY_UNACCOMPANIED, &o->minors) != REGINT_OK) {
            o->minors = 0; /* no minors requested: no split */
            regint_clear_error();
        }
    }
    return REGINT_OK;
}

regint_status regint_recommend(const regint_dataset *ds, const regint_recommend_options *opts,
                               regint_recommendation **out)
{
    if (!ds || !opts || !out)
        return regint__error(REGINT_EINVAL, "regint_recommend: NULL argument");
    if (opts->version != REGINT_RECOMMEND_OPTIONS_VERSION)
        return regint__error(REGINT_EINVAL, "regint_recommend: options version %d is not supported (expected %d)",
                             opts->version, REGINT_RECOMMEND_OPTIONS_VERSION);
    if (opts->year < 1900 || opts->year > 2200)
        return regint__error(REGINT_EINVAL, "regint_recommend: year %d is out of range", opts->year);
    if (opts->total < 0 && opts->total != REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS)
        return regint__error(REGINT_EINVAL, "regint_recommend: the total must be >= 0, got %lld", (long long)opts->total);
    if (opts->fylkesnr && !regint_fylkesnr_format_ok(opts->fylkesnr))
        return regint__error(REGINT_EINVAL, "regint_recommend: county '%s' is not a 2-digit fylkesnr", opts->fylkesnr);
    const regint_county_t *county;
    if (opts->fylkesnr && strcmp(opts->fylkesnr, "00") &&
        regint_dataset_county(ds, opts->fylkesnr, opts->year, &county) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "regint_recommend: fylkesnr: unknown county '%s' in %d",
                             opts->fylkesnr, opts->year);
    regint_recommend_options o = *opts;
    const regint_recommend_options *opt = &o;
    regint_status st = resolve_total(ds, &o);
    if (st)
        return st;
    if (opt->minors < 0 || opt->minors > opt->total)
        return regint__error(REGINT_EINVAL, "regint_recommend: minors must be in [0, total %lld], got %lld",
                             (long long)opt->total, (long long)opt->minors);
    int hist_to = opt->history_to ? opt->history_to : opt->year - 1;
    regint_settlement_profile *own = NULL;
    const regint_settlement_profile *p = opt->profile;
    if (!p) {
        if ((st = regint_settlement_profile_default(&own)))
            return st;
        p = own;
    }
    regint__ctx ctx;
    st = regint__ctx_build(ds, opt->year, hist_to, regint__profile_window(p), &ctx);
    if (!st) {
        st = regint__recommend_ctx(&ctx, opt, p, out);
        regint__ctx_free(&ctx);
    }
    regint_settlement_profile_free(own);
    return st;
}

regint_status regint_settlement_county_sum(const regint_dataset *ds, const char *fylkesnr, int year,
                                           regint_measure measure, regint_category category, int64_t *out)
{
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_settlement_county_sum: NULL argument");
    int national = !fylkesnr || !strcmp(fylkesnr, "00");
    const regint_county_t *c;
    if (!national && regint_dataset_county(ds, fylkesnr, year, &c) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "settlement: unknown county '%s' in %d", fylkesnr, year);
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    regint_status st = regint_dataset_municipalities_in(ds, year, national ? NULL : fylkesnr, &mun, &n);
    if (st)
        return st;
    double sum = 0;
    size_t have = 0;
    for (size_t i = 0; i < n; i++) {
        regint_value_t v;
        if (regint_dataset_settlement(ds, mun[i]->kommunenr, year, measure, category, &v) == REGINT_OK &&
            v.missing == REGINT_MISSING_NONE) {
            sum += v.value;
            have++;
        }
    }
    regint_free((void *)mun);
    if (!have)
        return regint__error(REGINT_ENOTFOUND, "settlement: no %s figure (%s) for county '%s' in %d",
                             regint_measure_name(measure), regint_category_name(category),
                             national ? "00" : fylkesnr, year);
    *out = (int64_t)llround(sum);
    regint_clear_error();
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                      */

static cJSON *value_json(regint_value_t v)
{
    if (v.missing != REGINT_MISSING_NONE)
        return cJSON_CreateNull();
    return cJSON_CreateNumber(v.value);
}

static cJSON *num_or_null(double v)
{
    return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(v);
}

regint_status regint_recommendation_to_json(const regint_recommendation *r, char **json)
{
    if (!r || !json)
        return regint__error(REGINT_EINVAL, "regint_recommendation_to_json: NULL argument");
    cJSON *doc = cJSON_CreateObject();
    int ok = doc != NULL;
    ok = ok && regint__json_add_string(doc, "schema", "regint.recommendation");
    ok = ok && regint__json_add_number(doc, "year", r->year);
    ok = ok && regint__json_add_number(doc, "history_to", r->history_to);
    ok = ok && regint__json_add_string(doc, "fylkesnr", r->fylkesnr);
    ok = ok && regint__json_add_string(doc, "county", r->county_name);
    ok = ok && regint__json_add_string(doc, "profile", r->profile_name);
    ok = ok && regint__json_add_number(doc, "total", (double)r->total);
    ok = ok && regint__json_add_number(doc, "minors", (double)r->minors);
    ok = ok && regint__json_add_string(doc, "note", r->note ? r->note : "");
    cJSON *crit = ok ? cJSON_AddArrayToObject(doc, "criteria") : NULL;
    ok = ok && crit;
    for (size_t c = 0; ok && c < r->ncrit; c++) {
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(crit, o);
        ok = ok && regint__json_add_string(o, "id", r->crit_ids[c]);
        ok = ok && regint__json_add_number(o, "weight", r->crit_w[c]);
    }
    cJSON *arr = ok ? cJSON_AddArrayToObject(doc, "municipalities") : NULL;
    ok = ok && arr;
    for (size_t i = 0; ok && i < r->n; i++) {
        const regint_recommendation_row_t *row = &r->rows[i];
        cJSON *o = cJSON_CreateObject();
        ok = o && cJSON_AddItemToArray(arr, o);
        ok = ok && regint__json_add_string(o, "kommunenr", row->kommunenr);
        ok = ok && regint__json_add_string(o, "name", row->name);
        ok = ok && cJSON_AddBoolToObject(o, "asked", row->asked) != NULL;
        ok = ok && regint__json_add_number(o, "recommended", (double)row->recommended);
        ok = ok && regint__json_add_number(o, "minors", (double)row->minors);
        ok = ok && regint__json_add_number(o, "lower", (double)row->lower);
        if (ok)
            ok = row->upper == INT64_MAX ? cJSON_AddNullToObject(o, "upper") != NULL
                                         : regint__json_add_number(o, "upper", (double)row->upper);
        ok = ok && regint__json_add_number(o, "score", row->score);
        ok = ok && regint__json_add_number(o, "quota", row->quota);
        ok = ok && cJSON_AddItemToObject(o, "population", num_or_null(row->population));
        cJSON *con = ok ? cJSON_AddObjectToObject(o, "contributions") : NULL;
        cJSON *val = con ? cJSON_AddObjectToObject(o, "values") : NULL;
        ok = ok && con && val;
        for (size_t c = 0; ok && c < r->ncrit; c++) {
            ok = regint__json_add_number(con, r->crit_ids[c], row->contributions[c]);
            ok = ok && cJSON_AddItemToObject(val, r->crit_ids[c], num_or_null(row->values[c]));
        }
        cJSON *hist = ok ? cJSON_AddObjectToObject(o, "history") : NULL;
        ok = ok && hist;
        for (int h = 0; ok && h < REGINT_RECOMMEND_HISTORY_YEARS; h++) {
            char y[16];
            snprintf(y, sizeof y, "%d", row->history_first_year + h);
            cJSON *hy = cJSON_AddObjectToObject(hist, y);
            ok = hy && cJSON_AddItemToObject(hy, "request", value_json(row->request[h]));
            ok = ok && cJSON_AddItemToObject(hy, "decision", value_json(row->decision[h]));
            ok = ok && cJSON_AddItemToObject(hy, "settled", value_json(row->settled[h]));
        }
        ok = ok && cJSON_AddItemToObject(o, "actual_request", value_json(row->actual_request));
        ok = ok && cJSON_AddItemToObject(o, "actual_decision", value_json(row->actual_decision));
        ok = ok && regint__json_add_string(o, "reason", row->reason);
    }
    char *s = ok ? regint__json_print(doc) : NULL;
    cJSON_Delete(doc);
    if (!s)
        return regint__enomem();
    *json = s;
    return REGINT_OK;
}
