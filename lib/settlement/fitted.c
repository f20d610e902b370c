/* The fitted settlement engine and its rolling-origin back-test (issue 14; docs/settlement.md,
 * "Out-of-sample engine"). A port of the validated prototype (SPEC §1-5):
 *
 *  - data in each year's own structure (dataset/vintage.h): history of year t is carried to
 *    the codes of year Y (a code valid in both maps to itself; an expired code to the Y-codes
 *    sharing 2024 territory with it, newly created codes first, shared by population);
 *  - six criteria per municipality (population, its square root "spread", last request, mean
 *    of three requests, last decision, settled two years back), each as a share of the county;
 *  - weights on a 1/10 grid of the simplex, fitted for each county-year on the county-years of
 *    *earlier* years only (L1 error of shares, kernel-weighted by how the county's total
 *    changed, shrunk toward population = the published national criteria);
 *  - the score apportioned with sainte-lague-min10 (monotone, "nobody below 10").
 * Baselines: the criterion shares of population, last request, last decision and the mean of
 * three requests, each apportioned to the county's actual total with plain Sainte-Laguë. */
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "dataset/dataset_internal.h"
#include "dataset/vintage.h"
#include "regint/apportion.h"
#include "settlement/settlement_internal.h"
#include "util/accessor.h"
#include "util/alloc.h"
#include "util/bigalloc.h"
#include "util/block.h"
#include "util/enumname.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "util/options.h"
#include "util/strbuf.h"

#define FIRST_TRAIN 2013 /* first year of the training county-years (SPEC §3) */
#define GRID_STEPS 10
#define KERNEL_H 0.5
#define SHRINK 0.01
#define POP_MIN 2006 /* the population series is complete from 2006 */
#define POP_MAX 2026
#define NCRIT REGINT_SETTLEMENT_FITTED_CRITERION_COUNT
_Static_assert(NCRIT == 6, "the loss loop of fitter_build() writes the six criteria out");
#define NMETH REGINT_SETTLEMENT_ROLLING_METHOD_COUNT

static const char *const crit_names[NCRIT] = {"population", "spread",     "request_1",
                                              "request_3",  "decision_1", "settled_2"};
static const char *const meth_names[NMETH] = {"profile", "population", "last_request", "last_decision",
                                              "mean3_request"};
/* The baselines' criterion. */
static const int meth_crit[NMETH] = {-1, 0, 2, 4, 3};

REGINT__ENUM_NAMES(regint_settlement_fitted_criterion, regint_settlement_fitted_criterion, crit_names, NCRIT,
                   "fitted criterion")
REGINT__ENUM_NAMES(regint_settlement_rolling_method, regint_settlement_rolling_method, meth_names, NMETH,
                   "rolling back-test method")

/* ------------------------------------------------------------------ one year's structure */

typedef struct yst {
    int year;
    size_t n;
    const regint_municipality_t **m; /* sorted by code */
    char (*cty)[3];
    const char ***t24; /* 2024 codes of each */
    size_t *nt24;
    const char **self; /* a code valid in 2024 itself: t24[i] == &self[i] (not owned) */
} yst;

typedef struct eng {
    const regint_dataset *ds;
    int y0, y1; /* years with a structure */
    yst *ys;
    unsigned char has[POP_MAX - 1900 + 1][3]; /* any figure of (year, measure) */
    /* The figures of category "all", measures 0-2, by (interned code, year, measure): an
     * open-addressing table of row indexes + 1 (0 empty), mask + 1 slots. Built by
     * fitter_scan(); val() looks up through it (the dataset's own lookup hashes the string and
     * formats an error message for every row that is not there). */
    size_t *fig, fig_mask;
} eng;

static yst *Y_(eng *e, int y) { return (y >= e->y0 && y <= e->y1) ? &e->ys[y - e->y0] : NULL; }

static long code_ix(const yst *s, const char *code)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(s->m[mid]->kommunenr, code);
        if (!c)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* The dataset interns its strings (one copy per distinct code, dataset/store.h), and the 2024
 * codes come from regint_dataset_map_code(): equal codes are equal pointers. */
static int share24(const yst *a, size_t i, const yst *b, size_t j)
{
    for (size_t x = 0; x < a->nt24[i]; x++)
        for (size_t y = 0; y < b->nt24[j]; y++)
            if (a->t24[i][x] == b->t24[j][y])
                return 1;
    return 0;
}

static void yst_free(yst *s)
{
    for (size_t i = 0; s->t24 && i < s->n; i++)
        if (!s->self || s->t24[i] != &s->self[i])
            regint_free(s->t24[i]);
    free(s->self);
    free(s->t24);
    free(s->nt24);
    free(s->cty);
    regint_free(s->m);
}

static regint_status yst_build(const regint_dataset *ds, int y, yst *s)
{
    memset(s, 0, sizeof *s);
    s->year = y;
    regint_status st = regint__vintage_municipalities(ds, y, &s->m, &s->n);
    if (st)
        return st;
    s->cty = regint__calloc(s->n ? s->n : 1, sizeof *s->cty);
    s->t24 = regint__calloc(s->n ? s->n : 1, sizeof *s->t24);
    s->nt24 = regint__calloc(s->n ? s->n : 1, sizeof *s->nt24);
    s->self = regint__calloc(s->n ? s->n : 1, sizeof *s->self);
    if (!s->cty || !s->t24 || !s->nt24 || !s->self)
        return regint__enomem();
    for (size_t i = 0; i < s->n; i++) {
        regint__vintage_county(s->m[i], y, s->cty[i]);
        /* A code whose record of year y is valid in 2024 maps to itself (the first step of
         * regint_dataset_map_code(), which starts from the same record): no search, no copy. */
        const regint_municipality_t *rec;
        if (regint_dataset_municipality(ds, s->m[i]->kommunenr, y, &rec) == REGINT_OK && rec->valid_from <= 2024 &&
            2024 <= rec->valid_to) {
            s->self[i] = rec->kommunenr;
            s->t24[i] = &s->self[i];
            s->nt24[i] = 1;
        } else if (regint_dataset_map_code(ds, s->m[i]->kommunenr, y, 2024, &s->t24[i], &s->nt24[i]) != REGINT_OK)
            s->nt24[i] = 0;
    }
    return REGINT_OK;
}

static size_t fig_hash(const char *code, int y, int m)
{
    uint64_t h = ((uint64_t)(uintptr_t)code * 0x9E3779B97F4A7C15u) ^ ((uint64_t)(unsigned)y * 3u + (unsigned)m);
    return (size_t)((h * 0xBF58476D1CE4E5B9u) >> 17);
}

/* The row of (code, y, m) in category "all", or NULL. code: an interned code (a municipality
 * record's). */
static const regint_settlement_t *fig_find(const eng *e, const char *code, int y, int m)
{
    for (size_t i = fig_hash(code, y, m) & e->fig_mask; e->fig[i]; i = (i + 1) & e->fig_mask) {
        const regint_settlement_t *s = regint_dataset_settlement_at(e->ds, e->fig[i] - 1);
        if (s->kommunenr == code && s->year == y && (int)s->measure == m)
            return s;
    }
    return NULL;
}

/* A figure: suppressed 2, not applicable / no decision 0, awaiting / unknown NAN; no row: 0
 * for a request, NAN otherwise (SPEC §1). */
static double val(const eng *e, const char *code, int y, regint_measure m)
{
    if (y < 1900 || y > POP_MAX || !e->has[y - 1900][m])
        return NAN;
    const regint_settlement_t *row = fig_find(e, code, y, (int)m);
    if (!row)
        return m == REGINT_MEASURE_REQUEST ? 0 : NAN;
    regint_value_t v = row->value;
    switch (v.missing) {
    case REGINT_MISSING_NONE: return v.value;
    case REGINT_MISSING_SUPPRESSED: return 2;
    case REGINT_MISSING_NOT_APPLICABLE:
    case REGINT_MISSING_NO_DECISION: return 0;
    default: return NAN;
    }
}

static double pop_of(const eng *e, const char *code, int y)
{
    int64_t p;
    return regint_dataset_population(e->ds, code, y, &p) == REGINT_OK ? (double)p : 0;
}

/* A 2024 code (interned: compared as an address) and the index of a y-code holding it. */
typedef struct c24 {
    uintptr_t code;
    size_t i;
} c24;

static int c24_cmp(const void *x, const void *y)
{
    const c24 *a = x, *b = y;
    return a->code != b->code ? (a->code < b->code ? -1 : 1) : (a->i > b->i) - (a->i < b->i);
}

static int c24_key(const void *key, const void *el)
{
    uintptr_t k = *(const uintptr_t *)key, c = ((const c24 *)el)->code;
    return (k > c) - (k < c);
}

static size_t uf_root(const size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x];
    return x;
}

/* Population at 1.1.p of every code valid in y (SPEC §1): codes sharing 2024 territory form a
 * group; the group gets the population of the p-codes covering that territory (a p-code
 * covering more is shared by its 2024 parts' populations of 2024), split among the group by
 * 1 + own requests of y-6..y-1. out[n]. */
static regint_status comp_pop(eng *e, int y, int p, double *out)
{
    if (p < POP_MIN)
        p = POP_MIN;
    if (p > POP_MAX)
        p = POP_MAX;
    yst *a = Y_(e, y), *b = Y_(e, p);
    yst tmp;
    int own = 0;
    if (!b) {
        regint_status st = yst_build(e->ds, p, &tmp);
        if (st) {
            yst_free(&tmp);
            return st;
        }
        b = &tmp;
        own = 1;
    }
    size_t n = a->n;
    size_t *grp = regint__calloc(n ? n : 1, sizeof *grp);
    double *w = regint__calloc(n ? n : 1, sizeof *w);
    if (!grp || !w) {
        free(grp);
        free(w);
        if (own)
            yst_free(&tmp);
        return regint__enomem();
    }
    /* Each p-code's population goes to the groups its 2024 parts lie in, by their 2024
     * populations: ok[] pairs every 2024 code of the y-codes with its y-code, sorted by code. */
    size_t no = 0, maxp = 1;
    for (size_t i = 0; i < n; i++)
        no += a->nt24[i];
    for (size_t c = 0; c < b->n; c++)
        maxp = b->nt24[c] > maxp ? b->nt24[c] : maxp;
    c24 *ok = regint__calloc(no ? no : 1, sizeof *ok);
    size_t *rts = regint__calloc(maxp, sizeof *rts);
    double *total = regint__calloc(n ? n : 1, sizeof *total), *ins = regint__calloc(maxp, sizeof *ins);
    if (!ok || !rts || !total || !ins) {
        free(ok), free(rts), free(total), free(ins), free(grp), free(w);
        if (own)
            yst_free(&tmp);
        return regint__enomem();
    }
    for (size_t i = 0, k = 0; i < n; i++)
        for (size_t z = 0; z < a->nt24[i]; z++, k++)
            ok[k] = (c24){(uintptr_t)a->t24[i][z], i};
    qsort(ok, no, sizeof *ok, c24_cmp);
    /* The groups: y-codes linked through shared 2024 codes (share24()), each named by its lowest
     * index (union-find; a root is always the lowest index of its tree). */
    for (size_t i = 0; i < n; i++)
        grp[i] = i;
    for (size_t k = 1; k < no; k++)
        if (ok[k].code == ok[k - 1].code) {
            size_t r1 = uf_root(grp, ok[k - 1].i), r2 = uf_root(grp, ok[k].i);
            if (r1 < r2)
                grp[r2] = r1;
            else if (r2 < r1)
                grp[r1] = r2;
        }
    for (size_t i = 0; i < n; i++)
        grp[i] = uf_root(grp, i);
    for (size_t i = 0; i < n; i++) {
        double s = 1;
        for (int t = y - 6; t < y; t++) {
            double v = val(e, a->m[i]->kommunenr, t, REGINT_MEASURE_REQUEST);
            if (!isnan(v))
                s += v;
        }
        w[i] = s;
    }
    for (size_t c = 0; c < b->n; c++) {
        double all = 0;
        size_t nr = 0;
        for (size_t x = 0; x < b->nt24[c]; x++) {
            double g = pop_of(e, b->t24[c][x], 2024);
            all += g;
            /* the group of the 2024 code (all y-codes holding it are in one group) */
            uintptr_t key = (uintptr_t)b->t24[c][x];
            const c24 *hit = bsearch(&key, ok, no, sizeof *ok, c24_key);
            if (!hit)
                continue;
            size_t root = grp[hit->i];
            size_t q = 0;
            while (q < nr && rts[q] != root)
                q++;
            if (q == nr) {
                rts[nr] = root;
                ins[nr++] = 0;
            }
            ins[q] += g;
        }
        double pc = nr ? pop_of(e, b->m[c]->kommunenr, p) : 0;
        for (size_t q = 0; q < nr; q++)
            if (ins[q] > 0)
                total[rts[q]] += pc * (ins[q] / all);
    }
    for (size_t r = 0; r < n; r++) {
        if (grp[r] != r)
            continue;
        double wsum = 0;
        for (size_t i = r; i < n; i++)
            if (grp[i] == r)
                wsum += w[i];
        for (size_t i = r; i < n; i++)
            if (grp[i] == r)
                out[i] = total[r] * w[i] / wsum;
    }
    free(ok);
    free(rts);
    free(total);
    free(ins);
    free(grp);
    free(w);
    if (own)
        yst_free(&tmp);
    return REGINT_OK;
}

/* Figures of measure m in year t carried to the codes of year y (SPEC §1). out[n of y].
 * *popy: comp_pop(y, t), computed here when first needed and kept by the caller (free()). */
static regint_status carry(eng *e, int t, int y, regint_measure m, double *out, double **popy_keep)
{
    yst *a = Y_(e, t), *b = Y_(e, y);
    for (size_t h = 0; h < b->n; h++)
        out[h] = 0;
    if (!a) {
        for (size_t h = 0; h < b->n; h++)
            out[h] = NAN;
        return REGINT_OK;
    }
    double *popy = *popy_keep;
    size_t *cand = regint__calloc(b->n ? b->n : 1, sizeof *cand);
    unsigned char *unknown = regint__calloc(b->n ? b->n : 1, 1);
    if (!cand || !unknown) {
        free(cand);
        free(unknown);
        return regint__enomem();
    }
    regint_status st = REGINT_OK;
    for (size_t c = 0; c < a->n && !st; c++) {
        const char *code = a->m[c]->kommunenr;
        double v = val(e, code, t, m);
        long self = code_ix(b, code);
        size_t nc = 0;
        if (self >= 0) {
            cand[nc++] = (size_t)self;
        } else {
            for (size_t h = 0; h < b->n; h++)
                if (share24(a, c, b, h))
                    cand[nc++] = h;
            size_t nn = 0;
            for (size_t k = 0; k < nc; k++)
                if (code_ix(a, b->m[cand[k]]->kommunenr) < 0)
                    cand[nn++] = cand[k];
            if (nn)
                nc = nn;
        }
        if (nc == 0)
            continue;
        if (nc == 1) {
            if (isnan(v))
                unknown[cand[0]] = 1;
            else
                out[cand[0]] += v;
            continue;
        }
        if (!popy) {
            popy = *popy_keep = regint__calloc(b->n, sizeof *popy);
            if (!popy) {
                st = regint__enomem();
                break;
            }
            st = comp_pop(e, y, t, popy);
        }
        double s = 0;
        for (size_t k = 0; k < nc; k++)
            s += popy[cand[k]];
        for (size_t k = 0; k < nc; k++) {
            if (isnan(v))
                unknown[cand[k]] = 1;
            else
                out[cand[k]] += v * (s > 0 ? popy[cand[k]] / s : 1.0 / (double)nc);
        }
    }
    for (size_t h = 0; h < b->n; h++)
        if (unknown[h])
            out[h] = NAN;
    free(cand);
    free(unknown);
    return st;
}

/* ------------------------------------------------------------------ county-years */

typedef struct cyear {
    int year;
    char fylkesnr[3];
    size_t n;
    size_t *ix;        /* indexes into the year's structure */
    char (*code)[8];   /* their codes (copies: a cached fit outlives the dataset, fitted_cache) */
    double *X;         /* n x NCRIT shares */
    double *raw;       /* n x NCRIT raw values */
    double *req, *dec, *set;
    int64_t T;
    double lq;
    double *loss;      /* per grid point, when T > 0 */
} cyear;

static void cyear_free(cyear *c)
{
    free(c->ix);
    free(c->code);
    free(c->X);
    free(c->raw);
    free(c->req);
    free(c->dec);
    free(c->set);
    free(c->loss);
}

/* Column of a criterion: mean over the known years of ts (fallback measure when none). */
static void col(double *const *H, const int *ts, int nts, double *const *F, size_t n, const size_t *ix, double *x,
                size_t stride)
{
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        int k = 0;
        for (int a = 0; a < nts; a++)
            if (!isnan(H[ts[a]][ix[i]])) {
                s += H[ts[a]][ix[i]];
                k++;
            }
        if (!k && F)
            for (int a = 0; a < nts; a++)
                if (!isnan(F[ts[a]][ix[i]])) {
                    s += F[ts[a]][ix[i]];
                    k++;
                }
        x[i * stride] = k ? s / k : 0;
    }
}

/* Each criterion (column of R, n x NCRIT raw values) as a share of the unit: its value over the
 * column's sum; a column summing to 0 follows population (then 1/n). */
static void shares(const double *R, size_t n, double *X)
{
    double psum = 0;
    for (size_t a = 0; a < n; a++)
        psum += R[a * NCRIT];
    for (int k = 0; k < NCRIT; k++) {
        double sum = 0;
        for (size_t a = 0; a < n; a++)
            sum += R[a * NCRIT + k];
        for (size_t a = 0; a < n; a++) {
            double ps = psum > 0 ? R[a * NCRIT] / psum : 1.0 / (double)n;
            X[a * NCRIT + k] = sum > 0 ? R[a * NCRIT + k] / sum : ps;
        }
    }
}

/* All county-years of year y (features and targets). */
static regint_status build_year(eng *e, int y, cyear **out, size_t *nout)
{
    yst *s = Y_(e, y);
    size_t n = s->n;
    double *pop = regint__calloc(n ? n : 1, sizeof *pop);
    double *H[3][3] = {{NULL}}; /* measure x (y-1, y-2, y-3) */
    double *PY[3] = {NULL, NULL, NULL}; /* comp_pop(y, y-1-k), shared by the measures */
    regint_status st = pop ? comp_pop(e, y, y - 1, pop) : regint__enomem();
    if (!st && !(PY[0] = regint__calloc(n ? n : 1, sizeof *PY[0])))
        st = regint__enomem();
    if (!st)
        memcpy(PY[0], pop, n * sizeof *pop);
    for (int m = 0; m < 3 && !st; m++)
        for (int k = 0; k < 3 && !st; k++) {
            H[m][k] = regint__calloc(n ? n : 1, sizeof *H[m][k]);
            st = H[m][k] ? carry(e, y - 1 - k, y, (regint_measure)m, H[m][k], &PY[k]) : regint__enomem();
        }
    for (int k = 0; k < 3; k++)
        free(PY[k]);
    cyear *cs = NULL;
    size_t nc = 0;
    for (size_t i = 0; i < n && !st; i++) {
        int seen = 0;
        for (size_t c = 0; c < nc; c++)
            seen |= !strcmp(cs[c].fylkesnr, s->cty[i]);
        if (seen)
            continue;
        cyear *ncs = realloc(cs, (nc + 1) * sizeof *cs);
        if (!ncs) {
            st = regint__enomem();
            break;
        }
        cs = ncs;
        cyear *c = &cs[nc++];
        memset(c, 0, sizeof *c);
        c->year = y;
        memcpy(c->fylkesnr, s->cty[i], 3);
        for (size_t j = 0; j < n; j++)
            c->n += !strcmp(s->cty[j], c->fylkesnr);
        c->ix = regint__calloc(c->n, sizeof *c->ix);
        c->X = regint__calloc(c->n * NCRIT, sizeof *c->X);
        c->raw = regint__calloc(c->n * NCRIT, sizeof *c->raw);
        c->req = regint__calloc(c->n, sizeof *c->req);
        c->dec = regint__calloc(c->n, sizeof *c->dec);
        c->set = regint__calloc(c->n, sizeof *c->set);
        if (!c->ix || !c->X || !c->raw || !c->req || !c->dec || !c->set) {
            st = regint__enomem();
            break;
        }
        if (!(c->code = regint__calloc(c->n, sizeof *c->code))) {
            st = regint__enomem();
            break;
        }
        for (size_t j = 0, k = 0; j < n; j++)
            if (!strcmp(s->cty[j], c->fylkesnr)) {
                snprintf(c->code[k], sizeof c->code[k], "%s", s->m[j]->kommunenr);
                c->ix[k++] = j;
            }
        double *R = c->raw;
        for (size_t a = 0; a < c->n; a++) {
            R[a * NCRIT + 0] = pop[c->ix[a]];
            R[a * NCRIT + 1] = sqrt(pop[c->ix[a]]);
        }
        static const int t1[] = {0}, t3[] = {0, 1, 2}, t2[] = {1};
        col(H[0], t1, 1, NULL, c->n, c->ix, R + 2, NCRIT);
        col(H[0], t3, 3, NULL, c->n, c->ix, R + 3, NCRIT);
        col(H[1], t1, 1, H[0], c->n, c->ix, R + 4, NCRIT);
        col(H[2], t2, 1, H[0], c->n, c->ix, R + 5, NCRIT);
        shares(R, c->n, c->X);
        double tot = 0, prev = 0;
        for (size_t a = 0; a < c->n; a++) {
            const char *code = s->m[c->ix[a]]->kommunenr;
            double r = val(e, code, y, REGINT_MEASURE_REQUEST);
            c->req[a] = isnan(r) ? 0 : r;
            c->dec[a] = val(e, code, y, REGINT_MEASURE_DECISION);
            c->set[a] = val(e, code, y, REGINT_MEASURE_SETTLED);
            tot += c->req[a];
            prev += R[a * NCRIT + 2];
        }
        c->T = (int64_t)llround(tot);
        c->lq = c->T > 0 && prev > 0 ? log((double)c->T / prev) : 0;
    }
    for (int m = 0; m < 3; m++)
        for (int k = 0; k < 3; k++)
            free(H[m][k]);
    free(pop);
    if (st) {
        for (size_t c = 0; c < nc; c++)
            cyear_free(&cs[c]);
        free(cs);
        return st;
    }
    /* counties in code order */
    for (size_t a = 1; a < nc; a++)
        for (size_t b = a; b > 0 && strcmp(cs[b - 1].fylkesnr, cs[b].fylkesnr) > 0; b--) {
            cyear t = cs[b];
            cs[b] = cs[b - 1];
            cs[b - 1] = t;
        }
    *out = cs;
    *nout = nc;
    return REGINT_OK;
}

/* The simplex grid: compositions of GRID_STEPS into NCRIT parts, descending lexicographic. */
static size_t grid_fill(double *g, int k, int left, int *cur, int depth, size_t pos)
{
    if (depth == k - 1) {
        cur[depth] = left;
        if (g)
            for (int j = 0; j < k; j++)
                g[pos * (size_t)k + (size_t)j] = (double)cur[j] / GRID_STEPS;
        return pos + 1;
    }
    for (int a = left; a >= 0; a--) {
        cur[depth] = a;
        pos = grid_fill(g, k, left - a, cur, depth + 1, pos);
    }
    return pos;
}

/* ------------------------------------------------------------------ the result */

struct regint_settlement_rolling {
    regint_settlement_rolling_row_t *rows;
    size_t n;
    char (*codes)[3];
    regint_settlement_rolling_year_t *years;
    size_t nyears;
    double mean_ratio, max_ratio;
};

/* Per-year means over the county-years every method scored (SPEC §5-6), into r->years
 * (to - from + 1 of them, allocated with r). */
static regint_status summarise(regint_settlement_rolling *r, int from, int to)
{
    double rsum = 0;
    size_t nr = 0;
    r->max_ratio = NAN;
    for (int y = from; y <= to; y++) {
        regint_settlement_rolling_year_t *Y = &r->years[r->nyears++];
        memset(Y, 0, sizeof *Y);
        Y->year = y;
        double *acc[4] = {Y->mae_request, Y->within2_request, Y->mae_decision, Y->mae_settled};
        size_t nd[NMETH] = {0}, nse[NMETH] = {0};
        for (size_t i = 0; i < r->n; i++) {
            const regint_settlement_rolling_row_t *x = &r->rows[i];
            if (x->year != y || !x->scored)
                continue;
            int all = 1;
            for (int m = 0; m < NMETH; m++) {
                Y->failed[m] += (size_t)x->failed[m];
                all &= !x->failed[m];
            }
            if (!all)
                continue;
            Y->counties++;
            for (int m = 0; m < NMETH; m++) {
                acc[0][m] += x->mae_request[m];
                acc[1][m] += x->within2_request[m];
                if (!isnan(x->mae_decision[m])) {
                    acc[2][m] += x->mae_decision[m];
                    nd[m]++;
                }
                if (!isnan(x->mae_settled[m])) {
                    acc[3][m] += x->mae_settled[m];
                    nse[m]++;
                }
            }
            for (int j = 0; j < NCRIT; j++)
                Y->weights[j] += x->weights[j];
        }
        for (int m = 0; m < NMETH; m++) {
            double c = (double)Y->counties;
            acc[0][m] = Y->counties ? acc[0][m] / c : NAN;
            acc[1][m] = Y->counties ? acc[1][m] / c : NAN;
            acc[2][m] = nd[m] ? acc[2][m] / (double)nd[m] : NAN;
            acc[3][m] = nse[m] ? acc[3][m] / (double)nse[m] : NAN;
        }
        for (int j = 0; j < NCRIT; j++)
            Y->weights[j] = Y->counties ? Y->weights[j] / (double)Y->counties : NAN;
        Y->best_baseline = -1;
        Y->ratio = NAN;
        for (int m = 1; m < NMETH && Y->counties; m++)
            if (Y->best_baseline < 0 || Y->mae_request[m] < Y->mae_request[Y->best_baseline])
                Y->best_baseline = m;
        if (Y->best_baseline > 0 && Y->mae_request[Y->best_baseline] > 0) {
            Y->ratio = Y->mae_request[0] / Y->mae_request[Y->best_baseline];
            rsum += Y->ratio;
            nr++;
            if (isnan(r->max_ratio) || Y->ratio > r->max_ratio)
                r->max_ratio = Y->ratio;
        }
    }
    r->mean_ratio = nr ? rsum / (double)nr : NAN;
    return REGINT_OK;
}

static void metrics(const double *pred, const cyear *c, regint_settlement_rolling_row_t *r, int m)
{
    const double *tg[3] = {c->req, c->dec, c->set};
    double *mae[3] = {r->mae_request, r->mae_decision, r->mae_settled};
    double *w2[3] = {r->within2_request, r->within2_decision, r->within2_settled};
    for (int k = 0; k < 3; k++) {
        double s = 0, in = 0;
        size_t n = 0;
        for (size_t a = 0; a < c->n; a++) {
            if (isnan(tg[k][a]))
                continue;
            double d = fabs(pred[a] - tg[k][a]);
            s += d;
            in += d <= 2;
            n++;
        }
        mae[k][m] = n ? s / (double)n : NAN;
        w2[k][m] = n ? in / (double)n : NAN;
    }
}

static regint_status apportion_scores(const double *score, size_t n, int64_t T, regint_apportion_method m,
                                      double *pred)
{
    int64_t *s = regint__calloc(n ? n : 1, sizeof *s);
    if (!s)
        return regint__enomem();
    regint_apportion_options o = REGINT_APPORTION_OPTIONS_INIT;
    o.method = m;
    regint_status st = regint_apportion_double(score, n, T, &o, s);
    for (size_t a = 0; a < n && !st; a++)
        pred[a] = (double)s[a];
    free(s);
    return st;
}

regint_status regint_settlement_rolling_options_init(regint_settlement_rolling_options *opts, int version)
{
    static const regint_settlement_rolling_options init = REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT;
    if (!opts)
        return regint__error(REGINT_EINVAL, "regint_settlement_rolling_options_init: NULL options");
    regint_status st = regint__check_options_version(version, REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION,
                                                     "regint_settlement_rolling_options_init");
    if (st)
        return st;
    *opts = init;
    return REGINT_OK;
}

/* ------------------------------------------------------------------ the fit (one code path) */

/* Everything the fit needs: the structures, the county-years of FIRST_TRAIN..to, and the grid
 * losses of the training county-years (those of FIRST_TRAIN..train_to with requests). The
 * rolling back-test and the recommendation (regint__fitted_county) both fit through it. */
typedef struct fitter {
    eng e;
    size_t ny;
    cyear **cy;
    size_t *ncy;
    size_t ngrid;
    double *grid, *pen, *L;
    int last_req; /* last year with requests in the data */
    /* A fit read from a snapshot's memo (memo_fitter): the losses lie in this block of
     * tail_len bytes (regint__huge_free), not in their own arrays. */
    unsigned char *tail;
    size_t tail_len;
} fitter;

static void fitter_close(fitter *f)
{
    for (size_t i = 0; f->cy && i < f->ny; i++) {
        for (size_t c = 0; c < f->ncy[i]; c++) {
            if (f->tail)
                f->cy[i][c].loss = NULL; /* in the tail */
            cyear_free(&f->cy[i][c]);
        }
        free(f->cy[i]);
    }
    for (size_t i = 0; f->e.ys && i < f->ny; i++)
        yst_free(&f->e.ys[i]);
    free(f->e.ys);
    free(f->cy);
    free(f->ncy);
    free(f->grid);
    free(f->pen);
    free(f->L);
    free(f->e.fig);
    regint__huge_free(f->tail, f->tail_len);
    memset(f, 0, sizeof *f);
}

/* The simplex grid, the shrinkage penalty of each grid point and fitter_weights()'s scratch
 * array. */
static regint_status fitter_grid(fitter *f)
{
    f->ngrid = grid_fill(NULL, NCRIT, GRID_STEPS, (int[NCRIT]){0}, 0, 0);
    f->grid = regint__calloc(f->ngrid * NCRIT, sizeof *f->grid);
    f->pen = regint__calloc(f->ngrid, sizeof *f->pen);
    f->L = regint__calloc(f->ngrid, sizeof *f->L);
    if (!f->grid || !f->pen || !f->L)
        return regint__enomem();
    grid_fill(f->grid, NCRIT, GRID_STEPS, (int[NCRIT]){0}, 0, 0);
    for (size_t g = 0; g < f->ngrid; g++) {
        double p = 0;
        for (int k = 0; k < NCRIT; k++)
            p += fabs(f->grid[g * NCRIT + (size_t)k] - (k == 0 ? 1.0 : 0.0));
        f->pen[g] = SHRINK * p;
    }
    return REGINT_OK;
}

/* Which (year, measure) have figures, the last year with requests, and the table of figures
 * val() reads (the rows are unique by key: the dataset refuses a figure given twice). */
static regint_status fitter_scan(const regint_dataset *ds, fitter *f)
{
    size_t ns = regint_dataset_settlement_count(ds), nf = 0, cap = 16;
    for (size_t i = 0; i < ns; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (s->category != REGINT_CATEGORY_ALL || (int)s->measure > 2 || s->year < 1900 || s->year > POP_MAX)
            continue;
        nf++;
        f->e.has[s->year - 1900][s->measure] = 1;
        if (s->measure == REGINT_MEASURE_REQUEST && s->year > f->last_req)
            f->last_req = s->year;
    }
    while (cap < 2 * nf)
        cap *= 2;
    f->e.ds = ds;
    f->e.fig_mask = cap - 1;
    if (!(f->e.fig = regint__calloc(cap, sizeof *f->e.fig)))
        return regint__enomem();
    for (size_t i = 0; i < ns; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (s->category != REGINT_CATEGORY_ALL || (int)s->measure > 2 || s->year < 1900 || s->year > POP_MAX)
            continue;
        size_t h = fig_hash(s->kommunenr, s->year, (int)s->measure) & f->e.fig_mask;
        while (f->e.fig[h])
            h = (h + 1) & f->e.fig_mask;
        f->e.fig[h] = i + 1;
    }
    return REGINT_OK;
}

/* Build years FIRST_TRAIN-3..to and the losses of the county-years up to train_to. fitter_scan()
 * must have run. */
static regint_status fitter_build(const regint_dataset *ds, int to, int train_to, fitter *f)
{
    regint_status st = REGINT_OK;
    f->e.ds = ds;
    f->e.y0 = FIRST_TRAIN - 3;
    f->e.y1 = to;
    f->ny = (size_t)(f->e.y1 - f->e.y0 + 1);
    f->e.ys = regint__calloc(f->ny, sizeof *f->e.ys);
    f->cy = regint__calloc(f->ny, sizeof *f->cy);
    f->ncy = regint__calloc(f->ny, sizeof *f->ncy);
    if (!f->e.ys || !f->cy || !f->ncy)
        return regint__enomem();
    if ((st = fitter_grid(f)))
        return st;
    /* the grid by criterion (column k of grid point g at gk[k][g]), for the loss loop */
    double *gk[NCRIT], *tgt = NULL;
    if (!(gk[0] = regint__calloc(f->ngrid * NCRIT, sizeof *gk[0])))
        return regint__enomem();
    for (int k = 0; k < NCRIT; k++) {
        gk[k] = gk[0] + (size_t)k * f->ngrid;
        for (size_t g = 0; g < f->ngrid; g++)
            gk[k][g] = f->grid[g * NCRIT + (size_t)k];
    }
    for (size_t i = 0; i < f->ny && !st; i++)
        st = yst_build(ds, f->e.y0 + (int)i, &f->e.ys[i]);
    for (int y = FIRST_TRAIN; y <= to && !st; y++) {
        size_t k = (size_t)(y - f->e.y0);
        st = build_year(&f->e, y, &f->cy[k], &f->ncy[k]);
        for (size_t c = 0; c < f->ncy[k] && !st && y <= train_to; c++) {
            cyear *o = &f->cy[k][c];
            if (o->T <= 0)
                continue;
            o->loss = regint__calloc(f->ngrid, sizeof *o->loss);
            double *ntgt = o->loss ? realloc(tgt, (o->n ? o->n : 1) * sizeof *tgt) : NULL;
            if (!ntgt) {
                st = regint__enomem();
                break;
            }
            tgt = ntgt;
            for (size_t a = 0; a < o->n; a++)
                tgt[a] = o->req[a] / (double)o->T;
            /* The hot loop of the fit: loss[g] = sum over a of |x_a . grid_g - target_a|, NCRIT == 6
             * written out. Grid points in blocks that stay in the L1 cache, municipalities inside,
             * the grid points of a block innermost (independent, so they vectorise); for each g the
             * same sums in the same order as one g at a time. */
            for (size_t g0 = 0; g0 < f->ngrid; g0 += 256) {
                size_t g1 = g0 + 256 < f->ngrid ? g0 + 256 : f->ngrid;
                double *restrict l = o->loss;
                const double *restrict c0 = gk[0], *restrict c1 = gk[1], *restrict c2 = gk[2];
                const double *restrict c3 = gk[3], *restrict c4 = gk[4], *restrict c5 = gk[5];
                const double *x = o->X;
                for (size_t a = 0; a < o->n; a++, x += NCRIT) {
                    const double x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], t = tgt[a];
                    for (size_t g = g0; g < g1; g++) {
                        double s = 0;
                        s += x0 * c0[g];
                        s += x1 * c1[g];
                        s += x2 * c2[g];
                        s += x3 * c3[g];
                        s += x4 * c4[g];
                        s += x5 * c5[g];
                        l[g] += fabs(s - t);
                    }
                }
            }
        }
    }
    free(tgt);
    free(gk[0]);
    return st;
}

/* The weights of a county-year of year y with regime variable lq (log of the total over last
 * year's requests): the grid point minimising the kernel-weighted L1 loss over the county-years
 * of FIRST_TRAIN..min(y-1, train_to), plus the shrinkage toward population. Without any
 * training county-year the loss is 0 and the weights are population 1. *from, *to, *n: the
 * years and number of the county-years fitted on (0 if none). */
static void fitter_weights(fitter *f, int y, int train_to, double lq, double *w, int *from, int *to, size_t *n)
{
    int last = y - 1 < train_to ? y - 1 : train_to;
    double nyear[2200 - FIRST_TRAIN + 1] = {0};
    for (int t = FIRST_TRAIN; t <= last; t++)
        for (size_t c = 0; c < f->ncy[t - f->e.y0]; c++)
            nyear[t - FIRST_TRAIN] += f->cy[t - f->e.y0][c].T > 0;
    double K = 0;
    *from = *to = 0;
    *n = 0;
    for (size_t g = 0; g < f->ngrid; g++)
        f->L[g] = 0;
    for (int t = FIRST_TRAIN; t <= last; t++)
        for (size_t b = 0; b < f->ncy[t - f->e.y0]; b++) {
            const cyear *tr = &f->cy[t - f->e.y0][b];
            if (tr->T <= 0 || !tr->loss)
                continue;
            double d = tr->lq - lq;
            double kw = exp(-d * d / (2 * KERNEL_H * KERNEL_H)) / nyear[t - FIRST_TRAIN];
            for (size_t g = 0; g < f->ngrid; g++)
                f->L[g] += kw * tr->loss[g];
            K += kw;
            if (!*from)
                *from = t;
            *to = t;
            (*n)++;
        }
    size_t best = 0;
    double jmin = INFINITY;
    for (size_t g = 0; g < f->ngrid; g++) {
        double J = (K > 0 ? f->L[g] / K : 0) + f->pen[g];
        if (J < jmin)
            jmin = J;
    }
    for (size_t g = 0; g < f->ngrid; g++)
        if ((K > 0 ? f->L[g] / K : 0) + f->pen[g] <= jmin + 1e-12 * (1 + fabs(jmin))) {
            best = g;
            break;
        }
    for (int j = 0; j < NCRIT; j++)
        w[j] = f->grid[best * NCRIT + (size_t)j];
}

/* ------------------------------------------------------------------ the fit, cached */

/* A fingerprint of everything the fit reads: municipalities (codes, names, validity, county),
 * code changes, population 2006-2026 and the settlement figures, by content (not by address:
 * a dataset loaded again gives the same fingerprint). FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 1099511628211u;
    return h;
}
static uint64_t fnv_s(uint64_t h, const char *s) { return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1); }
static uint64_t fnv_i(uint64_t h, int64_t v) { return fnv(h, &v, sizeof v); }

static uint64_t dataset_fingerprint(const regint_dataset *ds)
{
    uint64_t h = 14695981039346656037u;
    size_t nm = regint_dataset_municipality_count(ds);
    h = fnv_i(h, (int64_t)nm);
    for (size_t i = 0; i < nm; i++) {
        const regint_municipality_t *m = regint_dataset_municipality_at(ds, i);
        h = fnv_s(fnv_s(fnv_s(h, m->kommunenr), m->name), m->fylkesnr);
        h = fnv_i(fnv_i(h, m->valid_from), m->valid_to);
        for (int y = POP_MIN; y <= POP_MAX; y++) {
            int64_t p = -1;
            if (y >= m->valid_from && y <= m->valid_to && regint_dataset_population(ds, m->kommunenr, y, &p) != REGINT_OK)
                p = -1;
            h = fnv_i(h, p);
        }
    }
    size_t nc = regint_dataset_code_change_count(ds);
    h = fnv_i(h, (int64_t)nc);
    for (size_t i = 0; i < nc; i++) {
        const regint_code_change_t *c = regint_dataset_code_change_at(ds, i);
        h = fnv_i(fnv_s(fnv_i(fnv_s(h, c->from_kommunenr), c->from_year), c->to_kommunenr), c->to_year);
        h = fnv_i(h, c->kind);
    }
    size_t ns = regint_dataset_settlement_count(ds);
    h = fnv_i(h, (int64_t)ns);
    for (size_t i = 0; i < ns; i++) {
        const regint_settlement_t *x = regint_dataset_settlement_at(ds, i);
        if (x->category != REGINT_CATEGORY_ALL || (int)x->measure > 2)
            continue;
        h = fnv_i(fnv_i(fnv_s(h, x->kommunenr), x->year), x->measure);
        h = fnv(fnv_i(h, x->value.missing), &x->value.value, sizeof x->value.value);
    }
    return h;
}

/* The last fit built, for the next recommendation on the same data (a letter, a scenario or a
 * test recommends many times; a fit costs about a third of a second). Built up to the last year
 * with requests (or the year asked, if later), it serves every earlier year: the features of a
 * year and the losses of earlier years do not depend on how far the fit was built. Lock held
 * while it is read or replaced. */
static pthread_mutex_t fit_lock = PTHREAD_MUTEX_INITIALIZER;
static fitter fit_cache;
static uint64_t fit_cache_fp;
static uint64_t fit_cache_id, fit_cache_gen; /* the dataset state last served (regint__dataset_state) */
static int fit_cache_ok;

/* Does the cache serve year `year` of the dataset in state (id, gen), or (use_fp) of content
 * fingerprint fp? fit_lock held. */
static int cache_serves(uint64_t id, uint64_t gen, uint64_t fp, int use_fp, int year)
{
    return fit_cache_ok && fit_cache.e.y1 >= year &&
           ((fit_cache_id == id && fit_cache_gen == gen) || (use_fp && fit_cache_fp == fp));
}

#if defined(__GNUC__)
/* At unload (the Python module, a dlclose), not a leak for the checkers. */
__attribute__((destructor)) static void fit_cache_release(void)
{
    if (fit_cache_ok)
        fitter_close(&fit_cache);
    fit_cache_ok = 0;
}
#endif

void regint__fitted_free(regint__fitted *f)
{
    if (!f)
        return;
    free(f->block); /* codes, share and raw: one allocation */
    memset(f, 0, sizeof *f);
}

/* The whole country as one unit (fylkesnr "00"): the county-years of a year joined, each
 * criterion a share of the country by build_year()'s rule; its weights are fitted on the
 * county-years like a county's (the criteria are shares, whatever the unit). */
static regint_status national(const cyear *cs, size_t nc, cyear *o)
{
    memset(o, 0, sizeof *o);
    memcpy(o->fylkesnr, "00", 3);
    for (size_t c = 0; c < nc; c++)
        o->n += cs[c].n;
    if (!o->n)
        return REGINT_OK;
    o->code = regint__calloc(o->n, sizeof *o->code);
    o->X = regint__calloc(o->n * NCRIT, sizeof *o->X);
    o->raw = regint__calloc(o->n * NCRIT, sizeof *o->raw);
    if (!o->code || !o->X || !o->raw) {
        cyear_free(o);
        return regint__enomem();
    }
    size_t a = 0;
    double prev = 0;
    for (size_t c = 0; c < nc; c++) {
        o->T += cs[c].T;
        for (size_t i = 0; i < cs[c].n; i++, a++) {
            memcpy(o->code[a], cs[c].code[i], sizeof o->code[a]);
            memcpy(o->raw + a * NCRIT, cs[c].raw + i * NCRIT, NCRIT * sizeof *o->raw);
            prev += cs[c].raw[i * NCRIT + 2];
        }
    }
    shares(o->raw, o->n, o->X);
    o->lq = o->T > 0 && prev > 0 ? log((double)o->T / prev) : 0;
    return REGINT_OK;
}

/* The result for county-year o (NULL: the county has no municipality in the year's own
 * structure, and the caller scores none) with the weights of a fit. */
static regint_status fitted_out(const cyear *o, const double *w, int fit_from, int fit_to, size_t fit_n,
                                regint__fitted *out)
{
    memcpy(out->weights, w, sizeof out->weights);
    out->fit_from = fit_from;
    out->fit_to = fit_to;
    out->fit_n = fit_n;
    if (!o)
        return REGINT_OK;
    out->actual_total = o->T;
    out->n = o->n;
    static const regint__block_array arrays[] = {REGINT__BLOCK_ARRAY(regint__fitted, codes),
                                                 REGINT__BLOCK_ARRAY(regint__fitted, share),
                                                 REGINT__BLOCK_ARRAY(regint__fitted, raw)};
    const size_t sizes[] = {o->n, o->n * NCRIT, o->n * NCRIT};
    if (!(out->block = regint__block_new_at(out, 3, sizes, arrays)))
        return REGINT_ENOMEM;
    for (size_t a = 0; a < o->n; a++) {
        memcpy(out->codes[a], o->code[a], sizeof out->codes[a]);
        for (int j = 0; j < NCRIT; j++) {
            out->share[a * NCRIT + (size_t)j] = o->X[a * NCRIT + (size_t)j];
            out->raw[a * NCRIT + (size_t)j] = o->raw[a * NCRIT + (size_t)j];
        }
    }
    return REGINT_OK;
}

/* County-year `fylkesnr` of year y among the county-years cs[nc] of y ("00": the whole
 * country, built into *nat), or NULL when the county has no municipality in y. */
static regint_status find_cyear(const cyear *cs, size_t nc, const char *fylkesnr, cyear *nat, const cyear **o)
{
    memset(nat, 0, sizeof *nat);
    *o = NULL;
    if (!strcmp(fylkesnr, "00")) {
        regint_status st = national(cs, nc, nat);
        if (st)
            return st;
        *o = nat->n ? nat : NULL;
        return REGINT_OK;
    }
    for (size_t c = 0; c < nc && !*o; c++)
        if (!strcmp(cs[c].fylkesnr, fylkesnr))
            *o = &cs[c];
    return REGINT_OK;
}

/* The regime variable of county-year o for a total asked, as the back-test has it: IMDi's
 * total for the county when the data hold it (then it does not move with the total asked, and
 * the result stays monotone in the total), else the total asked. */
static double regime(const cyear *o, int64_t total)
{
    double prev = 0;
    for (size_t a = 0; a < o->n; a++)
        prev += o->raw[a * NCRIT + 2];
    return o->T > 0 ? o->lq : total > 0 && prev > 0 ? log((double)total / prev) : 0;
}

/* Copy county-year o of the fit with its weights for (year, train_to, total). fit_lock held. */
static regint_status fitted_from(fitter *f, const char *fylkesnr, int year, int train_to, int64_t total,
                                 regint__fitted *out)
{
    size_t k = (size_t)(year - f->e.y0);
    const cyear *o;
    cyear nat;
    regint_status st = find_cyear(f->cy[k], f->ncy[k], fylkesnr, &nat, &o);
    if (st)
        return st;
    double lq = o ? regime(o, total) : 0, w[NCRIT];
    int from, to;
    size_t n;
    fitter_weights(f, year, train_to, lq, w, &from, &to, &n);
    st = fitted_out(o, w, from, to, n, out);
    cyear_free(&nat);
    return st;
}

/* ------------------------------------------------------------------ the fit, memoised */

/* The fit as the snapshot stores it (regint__fitted_memo; regint__dataset_memo), built as
 * regint__fitted_county() builds it for the year after the last with requests (to), so it
 * serves every year up to that one:
 *  - the memo, which a load reads: for every year FIRST_TRAIN..to the county-years of
 *    fitter_build() and the weights fitter_weights() gives each at its own regime variable,
 *    which serve a county-year with IMDi's total (all of 2014-2026) without more;
 *  - its tail, which a load does not read (regint__dataset_memo_tail): the grid losses of
 *    the training county-years, 5 MB, read and hashed only when a county-year without IMDi's
 *    total asks (its regime variable, so its weights, follow the total asked: 2027), then
 *    turned into the process's cached fit (memo_fitter).
 * Native byte order; every field has 8 bytes (or two of 4), so the doubles stay aligned:
 *   memo: memo_head; per year from..to: u64 number of counties, memo_w of a county without
 *   municipalities (regime 0), memo_w of the whole country ("00"), then per county in code
 *   order: memo_cy, its codes char[n][8], its raw criteria f64[n][NCRIT];
 *   tail: f64[ngrid] per county-year of from..to-1 with T > 0, in the memo's order. */
#define MEMO_MAGIC "REGFIT02"
#define MEMO_NONE UINT64_MAX /* memo_w.n: no weights stored */

typedef struct memo_head {
    char magic[8];
    int32_t from, to, ncrit, steps; /* years held; the fit's constants */
    double kernel_h, shrink;
    uint64_t fingerprint; /* dataset_fingerprint() of the data it was built from */
    uint64_t ngrid;
} memo_head;

typedef struct memo_w {
    double w[NCRIT];
    int32_t from, to;
    uint64_t n; /* county-years fitted on; MEMO_NONE: not stored */
} memo_w;

typedef struct memo_cy {
    char fylkesnr[4];
    int32_t pad;
    int64_t T;
    double lq;
    uint64_t n;
    memo_w w;
} memo_cy;

_Static_assert(sizeof(memo_head) % 8 == 0 && sizeof(memo_w) % 8 == 0 && sizeof(memo_cy) % 8 == 0,
               "the memo's records keep its doubles aligned");

static void memo_put_w(regint__sb *b, fitter *f, int y, const cyear *o)
{
    memo_w m;
    memset(&m, 0, sizeof m);
    m.n = MEMO_NONE;
    if (!o || o->T > 0) {
        int from, to;
        size_t n;
        fitter_weights(f, y, y - 1, o ? o->lq : 0, m.w, &from, &to, &n);
        m.from = from, m.to = to, m.n = n;
    }
    regint__sb_put(b, (const char *)&m, sizeof m);
}

/* Does the tail hold the losses of county-year o of year y of a memo of years ..to? As
 * fitter_build(ds, to, to - 1) computes them. */
static int memo_has_loss(const cyear *o, int y, int to) { return y <= to - 1 && o->T > 0; }

regint_status regint__fitted_memo(const regint_dataset *ds, char **memo, size_t *len, char **tail, size_t *tail_len)
{
    *memo = *tail = NULL;
    *len = *tail_len = 0;
    fitter f;
    memset(&f, 0, sizeof f);
    regint_status st = fitter_scan(ds, &f);
    int to = f.last_req + 1;
    if (!st && to > FIRST_TRAIN + 1 && to <= 2200)
        st = fitter_build(ds, to, to - 1, &f);
    if (st || to <= FIRST_TRAIN + 1 || to > 2200) {
        fitter_close(&f);
        return st;
    }
    regint__sb b = {0}, t = {0};
    memo_head h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MEMO_MAGIC, 8);
    h.from = FIRST_TRAIN, h.to = to, h.ncrit = NCRIT, h.steps = GRID_STEPS;
    h.kernel_h = KERNEL_H, h.shrink = SHRINK;
    h.fingerprint = dataset_fingerprint(ds);
    h.ngrid = f.ngrid;
    regint__sb_put(&b, (const char *)&h, sizeof h);
    for (int y = h.from; y <= to && !st; y++) {
        size_t k = (size_t)(y - f.e.y0);
        uint64_t nc = f.ncy[k];
        regint__sb_put(&b, (const char *)&nc, sizeof nc);
        memo_put_w(&b, &f, y, NULL);
        cyear nat;
        if ((st = national(f.cy[k], f.ncy[k], &nat)))
            break;
        memo_put_w(&b, &f, y, nat.n ? &nat : NULL);
        cyear_free(&nat);
        for (size_t c = 0; c < f.ncy[k]; c++) {
            const cyear *o = &f.cy[k][c];
            memo_cy m;
            memset(&m, 0, sizeof m);
            memcpy(m.fylkesnr, o->fylkesnr, 3);
            m.T = o->T, m.lq = o->lq, m.n = o->n;
            regint__sb_put(&b, (const char *)&m, offsetof(memo_cy, w));
            memo_put_w(&b, &f, y, o);
            regint__sb_put(&b, (const char *)o->code, o->n * sizeof *o->code);
            regint__sb_put(&b, (const char *)o->raw, o->n * NCRIT * sizeof *o->raw);
            if (memo_has_loss(o, y, to))
                regint__sb_put(&t, (const char *)o->loss, f.ngrid * sizeof *o->loss);
        }
    }
    fitter_close(&f);
    *len = b.n;
    *tail_len = t.n;
    *memo = st ? NULL : regint__sb_take(&b);
    *tail = st || !*memo ? NULL : regint__sb_take(&t);
    regint__sb_free(&b);
    regint__sb_free(&t);
    if (!st && (!*memo || !*tail))
        st = REGINT_ENOMEM;
    if (st) {
        free(*memo), free(*tail);
        *memo = *tail = NULL;
        *len = *tail_len = 0;
    }
    return st;
}

/* A cursor over the memo. */
typedef struct memo_rd {
    const unsigned char *p, *end;
} memo_rd;

static const void *memo_take(memo_rd *r, size_t len)
{
    if ((size_t)(r->end - r->p) < len)
        return NULL;
    const void *at = r->p;
    r->p += len;
    return at;
}

/* The memo of ds and its header, if it is one this build reads: 1, else 0. */
static int memo_open(const regint_dataset *ds, memo_rd *r, memo_head *h)
{
    size_t len;
    if (!(r->p = regint__dataset_memo(ds, &len)))
        return 0;
    r->end = r->p + len;
    const void *hp = memo_take(r, sizeof *h);
    if (!hp)
        return 0;
    memcpy(h, hp, sizeof *h);
    return !memcmp(h->magic, MEMO_MAGIC, 8) && h->ncrit == NCRIT && h->steps == GRID_STEPS &&
           h->kernel_h == KERNEL_H && h->shrink == SHRINK && h->from == FIRST_TRAIN && h->to >= h->from &&
           h->to <= 2200;
}

/* The next year's block of the memo: its county-years, when `want`, as views into the memo
 * (code, raw, n, T, lq; no X, no loss) in *cs[*nc] with their weights in *ws (both
 * allocated; free() them), else skipped; the weights for no county and for the whole
 * country in w0 and wnat. Returns 1, 0 when the memo ends early, -1 out of memory. */
static int memo_year(memo_rd *r, int y, int want, cyear **cs, memo_w **ws, size_t *nc, memo_w *w0, memo_w *wnat)
{
    uint64_t n;
    *cs = NULL;
    *ws = NULL;
    const void *a = memo_take(r, sizeof n), *b = memo_take(r, sizeof *w0), *c = memo_take(r, sizeof *wnat);
    if (!a || !b || !c)
        return 0;
    memcpy(&n, a, sizeof n), memcpy(w0, b, sizeof *w0), memcpy(wnat, c, sizeof *wnat);
    if (n > (size_t)(r->end - r->p) / sizeof(memo_cy))
        return 0;
    *nc = (size_t)n;
    if (want) {
        *cs = regint__calloc(n ? n : 1, sizeof **cs);
        *ws = regint__calloc(n ? n : 1, sizeof **ws);
        if (!*cs || !*ws) {
            free(*cs), free(*ws);
            *cs = NULL, *ws = NULL;
            return -1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        memo_cy m;
        const void *mp = memo_take(r, sizeof m);
        if (mp)
            memcpy(&m, mp, sizeof m);
        size_t room = (size_t)(r->end - r->p);
        const void *codes = mp && m.n <= room / 8 ? memo_take(r, (size_t)m.n * 8) : NULL;
        const void *raw = codes && m.n <= room / (NCRIT * sizeof(double)) ? memo_take(r, (size_t)m.n * NCRIT * sizeof(double)) : NULL;
        if (!raw || m.fylkesnr[2] != 0) {
            free(*cs), free(*ws);
            *cs = NULL, *ws = NULL;
            return 0;
        }
        if (want) {
            cyear *o = &(*cs)[i];
            memcpy(o->fylkesnr, m.fylkesnr, 3);
            o->year = y, o->n = (size_t)m.n, o->T = m.T, o->lq = m.lq;
            o->code = (char(*)[8])(uintptr_t)codes;
            o->raw = (double *)(uintptr_t)raw;
            (*ws)[i] = m.w;
        }
    }
    return 1;
}

/* The result for (fylkesnr, year, train_to) from the memo of ds: 1 when the memo serves it
 * (*st: its status), 0 when it must be fitted (no memo, another fit, a year or county-year
 * it does not hold weights for). */
static int memo_fitted(const regint_dataset *ds, const char *fylkesnr, int year, int train_to, regint__fitted *out,
                       regint_status *st)
{
    memo_rd r;
    memo_head h;
    if (!memo_open(ds, &r, &h) || year < h.from || year > h.to || train_to < year - 1)
        return 0;
    for (int y = h.from; y <= year; y++) {
        cyear *cs;
        memo_w *ws, w0, wnat;
        size_t nc;
        int got = memo_year(&r, y, y == year, &cs, &ws, &nc, &w0, &wnat);
        if (got < 0)
            return (*st = regint__enomem()), 1;
        if (!got)
            return 0;
        if (y < year)
            continue;
        cyear nat;
        const cyear *o;
        int served = 0;
        if (!(*st = find_cyear(cs, nc, fylkesnr, &nat, &o))) {
            const memo_w *w = !o ? &w0 : o == &nat ? &wnat : &ws[o - cs];
            /* a county-year without IMDi's total: its weights follow the total asked */
            served = w->n != MEMO_NONE && (!o || o->T > 0);
            double *X = served && o && o != &nat ? regint__calloc(o->n ? o->n * NCRIT : 1, sizeof *X) : NULL;
            if (X) {
                shares(o->raw, o->n, X);
                cs[o - cs].X = X;
            } else if (served && o && o != &nat)
                *st = regint__enomem();
            if (served && !*st)
                *st = fitted_out(o, w->w, w->from, w->to, (size_t)w->n, out);
            free(X);
        }
        cyear_free(&nat);
        free(cs), free(ws);
        return served || *st;
    }
    return 0;
}

/* The whole fit from the memo of ds and its tail, as fitter_build(ds, to, to - 1) left it
 * for what fitted_from() reads (county-years with codes, raw, X, T, lq, losses; no year
 * structures): 1 (and *fp: the fingerprint of the data it was built from), 0 when the memo
 * does not hold `year` or the tail cannot be read, -1 out of memory. */
static int memo_fitter(const regint_dataset *ds, int year, fitter *f, uint64_t *fp)
{
    memo_rd r;
    memo_head h;
    if (!memo_open(ds, &r, &h) || year > h.to)
        return 0;
    memset(f, 0, sizeof *f);
    if (!(f->tail = regint__dataset_memo_tail(ds, &f->tail_len)))
        return 0;
    int ok = 1;
    f->e.y0 = FIRST_TRAIN - 3;
    f->e.y1 = h.to;
    f->ny = (size_t)(f->e.y1 - f->e.y0 + 1);
    f->cy = regint__calloc(f->ny, sizeof *f->cy);
    f->ncy = regint__calloc(f->ny, sizeof *f->ncy);
    if (!f->cy || !f->ncy || fitter_grid(f))
        ok = -1;
    if (ok > 0 && h.ngrid != f->ngrid)
        ok = 0;
    size_t at = 0; /* doubles of the tail taken */
    for (int y = h.from; y <= h.to && ok > 0; y++) {
        size_t k = (size_t)(y - f->e.y0), nc;
        memo_w *ws, w0, wnat;
        cyear *cs;
        ok = memo_year(&r, y, 1, &cs, &ws, &nc, &w0, &wnat);
        free(ws);
        if (ok <= 0)
            break;
        f->cy[k] = cs;
        f->ncy[k] = nc;
        size_t c = 0;
        for (; c < nc && ok > 0; c++) {
            cyear *o = &cs[c];
            const void *code = o->code, *raw = o->raw;
            o->code = regint__calloc(o->n ? o->n : 1, sizeof *o->code);
            o->raw = regint__calloc(o->n ? o->n * NCRIT : 1, sizeof *o->raw);
            o->X = regint__calloc(o->n ? o->n * NCRIT : 1, sizeof *o->X);
            if (!o->code || !o->raw || !o->X) {
                ok = -1;
                break;
            }
            memcpy(o->code, code, o->n * sizeof *o->code);
            memcpy(o->raw, raw, o->n * NCRIT * sizeof *o->raw);
            shares(o->raw, o->n, o->X);
            if (memo_has_loss(o, y, h.to)) {
                if ((at + f->ngrid) * sizeof(double) > f->tail_len) {
                    ok = 0;
                    break;
                }
                o->loss = (double *)(void *)(f->tail + at * sizeof(double));
                at += f->ngrid;
            }
        }
        for (c = c < nc ? c + 1 : nc; c < nc; c++)
            cs[c].code = NULL, cs[c].raw = NULL; /* views into the memo, not copied (a break) */
    }
    if (ok > 0 && at * sizeof(double) != f->tail_len)
        ok = 0;
    if (ok <= 0)
        fitter_close(f);
    *fp = h.fingerprint;
    return ok;
}

regint_status regint__fitted_county(const regint_dataset *ds, const char *fylkesnr, int year, int train_to,
                                    int64_t total, regint__fitted *out)
{
    memset(out, 0, sizeof *out);
    if (year <= FIRST_TRAIN || year > 2200)
        return regint__error(REGINT_EINVAL,
                             "settlement: weights \"fitted\": the engine is fitted on county-years from %d, so it "
                             "recommends for %d-2200, not %d (give a profile with criteria and weights)",
                             FIRST_TRAIN, FIRST_TRAIN + 1, year);
    regint_status st = REGINT_OK;
    /* the fit stored in the snapshot this dataset was loaded from, if it is unchanged */
    if (memo_fitted(ds, fylkesnr, year, train_to, out, &st)) {
        if (st)
            regint__fitted_free(out);
        return st;
    }
    /* The cache serves a dataset it was built or last checked for, by (id, gen), without
     * hashing its tables (dataset_fingerprint() costs milliseconds); another dataset with the
     * same content, by its fingerprint. Else the fit comes from the snapshot's memo and its
     * tail when the dataset has them, or is built. It is built or read without the lock (two
     * threads may do so at once); the lock is held while the cache is checked, replaced or
     * read. */
    uint64_t id, gen, fp = 0;
    regint__dataset_state(ds, &id, &gen);
    int have_fp = 0, tried_memo = 0;
    pthread_mutex_lock(&fit_lock);
    for (;;) {
        int hit = cache_serves(id, gen, fp, have_fp, year);
        if (hit)
            break;
        pthread_mutex_unlock(&fit_lock);
        fitter f;
        int from_memo = 0;
        if (!tried_memo) {
            tried_memo = 1;
            from_memo = memo_fitter(ds, year, &f, &fp);
            if (from_memo < 0)
                return regint__enomem();
            have_fp = from_memo;
        }
        if (!from_memo && !have_fp) {
            fp = dataset_fingerprint(ds);
            have_fp = 1;
            pthread_mutex_lock(&fit_lock);
            continue;
        }
        if (!from_memo) {
            memset(&f, 0, sizeof f);
            if (!(st = fitter_scan(ds, &f))) {
                int to = f.last_req > year ? f.last_req : year;
                st = fitter_build(ds, to, to - 1, &f);
            }
            f.e.ds = NULL; /* the fit keeps no pointer into the dataset it was built from */
            if (st) {
                fitter_close(&f);
                return st;
            }
        }
        pthread_mutex_lock(&fit_lock);
        if (fit_cache_ok)
            fitter_close(&fit_cache);
        fit_cache = f;
        fit_cache_fp = fp;
        fit_cache_ok = 1;
        break;
    }
    fit_cache_id = id;
    fit_cache_gen = gen;
    st = fitted_from(&fit_cache, fylkesnr, year, train_to, total, out);
    pthread_mutex_unlock(&fit_lock);
    if (st)
        regint__fitted_free(out);
    return st;
}

/* A method that gave no prediction for the row: its figures are missing (NaN, null in JSON). */
static void no_metrics(regint_settlement_rolling_row_t *r, int m)
{
    r->mae_request[m] = r->within2_request[m] = r->mae_decision[m] = r->within2_decision[m] = r->mae_settled[m] =
        r->within2_settled[m] = NAN;
}

/* A row that is reported but not scored (a county-year without requests): no figures, no weights. */
static void unscored(regint_settlement_rolling_row_t *r)
{
    r->scored = 0;
    for (int m = 0; m < NMETH; m++)
        no_metrics(r, m);
    for (int j = 0; j < NCRIT; j++)
        r->weights[j] = NAN;
}

regint_status regint_settlement_rolling_run(const regint_dataset *ds, const regint_settlement_rolling_options *opt,
                                            regint_settlement_rolling **out)
{
    static const regint_settlement_rolling_options defaults = REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT;
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "settlement rolling back-test: NULL argument");
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION, "regint_settlement_rolling_run");
    regint_status st = REGINT_OK;
    fitter f;
    memset(&f, 0, sizeof f);
    if ((st = fitter_scan(ds, &f))) {
        fitter_close(&f);
        return st;
    }
    int from = opt->year_from ? opt->year_from : REGINT_SETTLEMENT_ROLLING_DEFAULT_FROM;
    int to = opt->year_to ? opt->year_to : f.last_req;
    if (from < FIRST_TRAIN + 1 || to > POP_MAX || from > to) {
        fitter_close(&f);
        return regint__error(REGINT_EINVAL,
                             "settlement rolling back-test: years %d-%d: must lie within %d-%d (training "
                             "starts in %d) and not be empty",
                             from, to, FIRST_TRAIN + 1, POP_MAX, FIRST_TRAIN);
    }
    if (opt->fylkesnr && (strlen(opt->fylkesnr) != 2 || opt->fylkesnr[0] < '0' || opt->fylkesnr[0] > '9' ||
                          opt->fylkesnr[1] < '0' || opt->fylkesnr[1] > '9')) {
        fitter_close(&f);
        return regint__error(REGINT_EINVAL, "settlement rolling back-test: fylkesnr '%s': expected two digits",
                             opt->fylkesnr);
    }
    regint_settlement_rolling *res = NULL;
    if ((st = fitter_build(ds, to, to, &f)))
        goto done;
    cyear **cy = f.cy;
    size_t *ncy = f.ncy;
    /* the result and its rows, codes and years: one block, so its _free is one call */
    size_t cap = 0;
    for (int y = from; y <= to; y++)
        cap += ncy[y - f.e.y0] + 1;
    static const regint__block_array arrays[] = {REGINT__BLOCK_ARRAY(regint_settlement_rolling, rows),
                                                 REGINT__BLOCK_ARRAY(regint_settlement_rolling, codes),
                                                 REGINT__BLOCK_ARRAY(regint_settlement_rolling, years)};
    const size_t sizes[] = {cap, cap, (size_t)(to - from + 1)};
    if (!(res = regint__block_new_in(sizeof *res, 3, sizes, arrays))) {
        st = REGINT_ENOMEM;
        goto done;
    }
    for (int y = from; y <= to && !st; y++) {
        size_t k = (size_t)(y - f.e.y0);
        size_t scored = 0;
        for (size_t c = 0; c < ncy[k] && !st; c++) {
            cyear *o = &cy[k][c];
            if (opt->fylkesnr && strcmp(opt->fylkesnr, o->fylkesnr))
                continue;
            regint_settlement_rolling_row_t *r = &res->rows[res->n];
            memset(r, 0, sizeof *r);
            memcpy(res->codes[res->n], o->fylkesnr, 3);
            r->year = y;
            r->fylkesnr = res->codes[res->n];
            r->municipalities = o->n;
            r->total = o->T;
            r->ratio = exp(o->lq);
            res->n++;
            if (o->T <= 0) {
                unscored(r);
                continue;
            }
            r->scored = 1;
            scored++;
            int fit_from, fit_to;
            size_t fit_n;
            fitter_weights(&f, y, y - 1, o->lq, r->weights, &fit_from, &fit_to, &fit_n);
            double *score = regint__calloc(o->n, sizeof *score), *pred = regint__calloc(o->n, sizeof *pred);
            if (!score || !pred) {
                free(score);
                free(pred);
                st = regint__enomem();
                break;
            }
            for (size_t a = 0; a < o->n; a++)
                for (int j = 0; j < NCRIT; j++)
                    score[a] += o->X[a * NCRIT + (size_t)j] * r->weights[j];
            for (int m = 0; m < NMETH; m++) {
                if (m > 0)
                    for (size_t a = 0; a < o->n; a++)
                        score[a] = o->X[a * NCRIT + (size_t)meth_crit[m]];
                regint_status as = apportion_scores(score, o->n, o->T,
                                                    m == 0 ? REGINT_APPORTION_SAINTE_LAGUE_MIN10
                                                           : REGINT_APPORTION_SAINTE_LAGUE,
                                                    pred);
                if (as == REGINT_ENOMEM) {
                    st = as;
                    break;
                }
                if (as) {
                    r->failed[m] = 1;
                    no_metrics(r, m);
                    continue;
                }
                metrics(pred, o, r, m);
            }
            free(score);
            free(pred);
        }
        if (!scored && !st) {
            /* a year without requests is reported, not skipped silently */
            regint_settlement_rolling_row_t *r = &res->rows[res->n];
            memset(r, 0, sizeof *r);
            r->year = y;
            r->fylkesnr = "";
            unscored(r);
            res->n++;
        }
    }
    if (!st)
        st = summarise(res, from, to);
done:
    fitter_close(&f);
    if (st) {
        regint_settlement_rolling_free(res);
        return st;
    }
    *out = res;
    return REGINT_OK;
}

void regint_settlement_rolling_free(regint_settlement_rolling *r)
{
    if (!r)
        return;
    free(r); /* rows, codes and years are in r's block */
}

REGINT__COUNT_AT(regint_settlement_rolling_count, regint_settlement_rolling_row, regint_settlement_rolling,
                 regint_settlement_rolling_row_t, rows, n)
REGINT__COUNT_AT(regint_settlement_rolling_year_count, regint_settlement_rolling_year, regint_settlement_rolling,
                 regint_settlement_rolling_year_t, years, nyears)

double regint_settlement_rolling_mean_ratio(const regint_settlement_rolling *r) { return r ? r->mean_ratio : NAN; }

double regint_settlement_rolling_max_ratio(const regint_settlement_rolling *r) { return r ? r->max_ratio : NAN; }

static int add_nums(cJSON *o, const char *key, const double *v, int n, const char *const *names)
{
    cJSON *m = cJSON_AddObjectToObject(o, key);
    for (int i = 0; m && i < n; i++)
        if (!regint__json_add_number_or_null(m, names[i], v[i]))
            return 0;
    return m != NULL;
}

static int row_json(cJSON *o, const void *row)
{
    const regint_settlement_rolling_row_t *x = row;
    return regint__json_add_number(o, "year", x->year) && regint__json_add_string(o, "fylkesnr", x->fylkesnr) &&
           regint__json_add_number(o, "municipalities", (double)x->municipalities) &&
           regint__json_add_number(o, "total", (double)x->total) &&
           regint__json_add_number_or_null(o, "ratio", x->scored ? x->ratio : NAN) &&
           cJSON_AddBoolToObject(o, "scored", x->scored) != NULL &&
           add_nums(o, "mae_request", x->mae_request, NMETH, meth_names) &&
           add_nums(o, "within2_request", x->within2_request, NMETH, meth_names) &&
           add_nums(o, "mae_decision", x->mae_decision, NMETH, meth_names) &&
           add_nums(o, "within2_decision", x->within2_decision, NMETH, meth_names) &&
           add_nums(o, "mae_settled", x->mae_settled, NMETH, meth_names) &&
           add_nums(o, "within2_settled", x->within2_settled, NMETH, meth_names) &&
           add_nums(o, "weights", x->weights, NCRIT, crit_names);
}

static int year_json(cJSON *o, const void *row)
{
    const regint_settlement_rolling_year_t *Y = row;
    double failed[NMETH];
    for (int m = 0; m < NMETH; m++)
        failed[m] = (double)Y->failed[m];
    return regint__json_add_number(o, "year", Y->year) && regint__json_add_number(o, "counties", (double)Y->counties) &&
           add_nums(o, "failed", failed, NMETH, meth_names) &&
           add_nums(o, "mae_request", Y->mae_request, NMETH, meth_names) &&
           add_nums(o, "within2_request", Y->within2_request, NMETH, meth_names) &&
           add_nums(o, "mae_decision", Y->mae_decision, NMETH, meth_names) &&
           add_nums(o, "mae_settled", Y->mae_settled, NMETH, meth_names) &&
           add_nums(o, "weights", Y->weights, NCRIT, crit_names) &&
           (Y->best_baseline > 0 ? regint__json_add_string(o, "best_baseline", meth_names[Y->best_baseline])
                                 : cJSON_AddNullToObject(o, "best_baseline") != NULL) &&
           regint__json_add_number_or_null(o, "ratio", Y->ratio);
}

static int rolling_json(cJSON *doc, const void *result)
{
    const regint_settlement_rolling *r = result;
    int ok = regint__json_add_string(doc, "profile", "fitted");
    ok = ok && regint__json_add_string(doc, "rounding", "sainte-lague-min10");
    ok = ok && regint__json_add_objects(doc, "rows", r->rows, r->n, sizeof *r->rows, row_json);
    ok = ok && regint__json_add_objects(doc, "years", r->years, r->nyears, sizeof *r->years, year_json);
    cJSON *s = ok ? cJSON_AddObjectToObject(doc, "summary") : NULL;
    return ok && s && regint__json_add_number_or_null(s, "mean_ratio", r->mean_ratio) &&
           regint__json_add_number_or_null(s, "max_ratio", r->max_ratio);
}

regint_status regint_settlement_rolling_to_json(const regint_settlement_rolling *r, char **json)
{
    return regint__json_result(r, json, "regint_settlement_rolling_to_json", "regint.backtest_rolling", rolling_json);
}
