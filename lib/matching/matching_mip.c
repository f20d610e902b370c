/* Capacity in persons: the generalized assignment problem (families never split).
 *
 * First assignment: a construction with repair (families by decreasing size and regret, the
 * overflow of those that fit nowhere removed by moves and swaps) before any LP; it runs
 * again at every node guided by the LP solution, and in the Lagrangian method.
 *
 * Exact method (instances whose LP fits a dense tableau): best-first branch and bound on
 * the LP relaxation, solved by a two-phase dense simplex (Dantzig pricing, Bland's rule
 * after a run of degenerate pivots), each node warm-started from the last tableau solved.
 * Branching picks a fractionally assigned family and makes one child per municipality it
 * may go to (and "unassigned" when allowed). Objectives are integers, so a node is pruned
 * when floor(LP bound) is not above the incumbent. When the node or time limit stops the
 * search, the bound reported is the largest LP bound of the open nodes, so the gap is
 * always stated. REGINT_EINFEASIBLE only with a proof; REGINT_ERANGE when the limits
 * stopped the search before any assignment was found.
 *
 * Large instances: Lagrangian relaxation of the capacity rows (subgradient method). Any
 * multipliers give a valid upper bound (at the best multipliers it equals the LP bound);
 * feasible assignments come from a greedy on the Lagrangian costs plus improving moves.
 * The result is then reported with its gap, never as optimal unless bound == objective. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/block.h"
#include "util/error.h"
#include "matching/matching_internal.h"

#define LP_MAX_CELLS 8000000.0 /* dense tableau limit (doubles) */
#define EPS_PIV 1e-9
#define EPS_D 1e-7
#define EPS_INT 1e-6

typedef struct mip {
    const regint__match_problem *p;
    size_t n, m;
    int32_t *a;        /* n × m integer scores */
    int64_t *w;        /* weights (sizes) */
    int must_all;
    /* branch and bound state */
    int32_t *fixed;    /* -2 free, -1 unassigned, j */
    int64_t *rem;      /* remaining capacity */
    int64_t fixval;    /* Σ a of fixed cases */
    int32_t *inc;      /* incumbent assignment */
    int64_t incval;
    int have_inc;
    int64_t open_bound;
    int have_open;
    int stop;
    int64_t nodes, max_nodes;
    double deadline;
    int32_t *tmp;      /* scratch assignment */
    int64_t *tmprem;
    void *lp;          /* lpdef */
    void *scratch;     /* the tableau */
    int scratch_ok;    /* scratch holds a valid (primal feasible) tableau */
} mip;

/* ---------------------------------------------------------------------------------------- */
/* Dense simplex with warm starts.
 *
 * One LP for the whole tree: rows = one equality per case (Σ_j x_cj + u_c = 1, where u_c
 * "unassigned" exists only when cases may stay out) and one row per municipality
 * (Σ_c w_c x_cj + slack_j = K_j). A node fixes cases by banning columns (x_cj' for j' != j,
 * or all x_c· for "unassigned"); artificials (must_assign_all) are banned everywhere.
 * A child starts from its parent's optimal tableau: still primal feasible for the rows, so
 * phase 1 only has to drive the banned basic variables to zero (minimise their sum; if
 * that stays positive the node is infeasible), then phase 2 optimises with banned columns
 * kept out of the basis. */

typedef struct lpdef {
    size_t n, m, rows, cols, nv, nu, W;
    size_t *first;       /* n + 1: x columns of case c are first[c] .. first[c+1]-1 */
    int32_t *vj;         /* x column -> municipality */
    double *cost;        /* phase-2 costs */
    double *cost1;       /* phase-1 costs */
    uint8_t *banned;
    double deadline;     /* monotonic seconds, 0 = none */
    int32_t *rcdepth;    /* depth of the node whose reduced costs banned the column, -1 none */
    double *d;           /* reduced costs (W) */
    void *block;         /* the one allocation vj .. d live in */
} lpdef;

typedef struct tab {
    double *T;           /* rows × W */
    size_t *basis;
} tab;

static void lpdef_free(lpdef *L)
{
    free(L->first);
    free(L->block);
}

static size_t col_u(const lpdef *L, size_t c) { return L->nv + c; }
static size_t col_slack(const lpdef *L, size_t j) { return L->nv + L->nu + j; }
static size_t col_art(const lpdef *L, size_t c) { return L->nv + L->nu + L->m + c; }

static int lpdef_init(lpdef *L, const mip *M)
{
    size_t n = M->n, m = M->m;
    memset(L, 0, sizeof *L);
    L->n = n;
    L->m = m;
    L->first = regint__calloc(n + 1, sizeof *L->first);
    if (!L->first)
        return -1;
    size_t nv = 0;
    for (size_t c = 0; c < n; c++) {
        L->first[c] = nv;
        for (size_t j = 0; j < m; j++)
            if (M->a[c * m + j] != REGINT__MATCH_FORBID && M->w[c] <= M->p->cap[j])
                nv++;
    }
    L->first[n] = nv;
    L->nv = nv;
    L->nu = M->must_all ? 0 : n;
    L->rows = n + m;
    L->cols = nv + L->nu + m + (M->must_all ? n : 0);
    L->W = L->cols + 1;
#define PART(x) REGINT__BLOCK_ARRAY(lpdef, x)
    static const regint__block_array parts[6] = {PART(vj), PART(cost), PART(cost1), PART(banned), PART(rcdepth), PART(d)};
#undef PART
    const size_t ns[6] = {nv, L->cols, L->cols, L->cols, L->cols, L->W};
    if (!(L->block = regint__block_new_at(L, 6, ns, parts)))
        return -1;
    for (size_t j = 0; j < L->cols; j++)
        L->rcdepth[j] = -1;
    size_t v = 0;
    for (size_t c = 0; c < n; c++)
        for (size_t j = 0; j < m; j++)
            if (M->a[c * m + j] != REGINT__MATCH_FORBID && M->w[c] <= M->p->cap[j]) {
                L->vj[v] = (int32_t)j;
                L->cost[v] = (double)M->a[c * m + j];
                v++;
            }
    return 0;
}

static void tab_build(const lpdef *L, const mip *M, tab *t)
{
    size_t n = L->n, m = L->m, W = L->W;
    memset(t->T, 0, L->rows * W * sizeof *t->T);
    for (size_t c = 0; c < n; c++) {
        for (size_t v = L->first[c]; v < L->first[c + 1]; v++) {
            t->T[c * W + v] = 1;
            t->T[(n + (size_t)L->vj[v]) * W + v] = (double)M->w[c];
        }
        t->T[c * W + L->cols] = 1;
        size_t b = M->must_all ? col_art(L, c) : col_u(L, c);
        t->T[c * W + b] = 1;
        t->basis[c] = b;
    }
    for (size_t j = 0; j < m; j++) {
        size_t b = col_slack(L, j);
        t->T[(n + j) * W + b] = 1;
        t->T[(n + j) * W + L->cols] = (double)M->p->cap[j];
        t->basis[n + j] = b;
    }
}

/* Bans of the node at `depth`: its fixings, the artificials, and the reduced-cost fixings
 * of its ancestors (fixings recorded at depth >= `depth` belong to finished subtrees). */
static void set_bans(lpdef *L, const mip *M, size_t depth)
{
    size_t n = L->n;
    for (size_t j = 0; j < L->cols; j++) {
        if (L->rcdepth[j] >= (int32_t)depth)
            L->rcdepth[j] = -1;
        L->banned[j] = L->rcdepth[j] >= 0;
    }
    if (M->must_all)
        for (size_t c = 0; c < n; c++)
            L->banned[col_art(L, c)] = 1;
    for (size_t c = 0; c < n; c++) {
        int32_t f = M->fixed[c];
        if (f == -2)
            continue;
        for (size_t v = L->first[c]; v < L->first[c + 1]; v++)
            if (L->vj[v] != f)
                L->banned[v] = 1;
        if (f >= 0 && L->nu)
            L->banned[col_u(L, c)] = 1;
    }
}

static void set_objective(lpdef *L, const tab *t, const double *cost)
{
    size_t W = L->W;
    for (size_t j = 0; j < W; j++)
        L->d[j] = j < L->cols ? cost[j] : 0;
    for (size_t r = 0; r < L->rows; r++) {
        double cb = cost[t->basis[r]];
        if (cb == 0)
            continue;
        const double *row = t->T + r * W;
        for (size_t j = 0; j < W; j++)
            L->d[j] -= cb * row[j];
    }
}

static void pivot(lpdef *L, tab *t, size_t pr, size_t pc)
{
    size_t W = L->W;
    double *prow = t->T + pr * W;
    double inv = 1.0 / prow[pc];
    for (size_t j = 0; j < W; j++)
        prow[j] *= inv;
    prow[pc] = 1.0;
    for (size_t r = 0; r < L->rows; r++) {
        if (r == pr)
            continue;
        double *row = t->T + r * W;
        double f = row[pc];
        if (f == 0)
            continue;
        for (size_t j = 0; j < W; j++)
            row[j] -= f * prow[j];
        row[pc] = 0;
    }
    double f = L->d[pc];
    if (f != 0) {
        for (size_t j = 0; j < W; j++)
            L->d[j] -= f * prow[j];
        L->d[pc] = 0;
    }
    t->basis[pr] = pc;
}

/* Maximise; banned columns never enter. In phase 2 a banned basic variable (at zero) leaves
 * as soon as the entering column touches its row. Returns 0 optimal, 1 failure. */
static int optimize(lpdef *L, tab *t, int phase2)
{
    size_t W = L->W;
    int degen = 0;
    for (long it = 0; it < 100000; it++) {
        if ((it & 63) == 63 && L->deadline > 0 && regint__match_now() > L->deadline)
            return 1; /* out of time: the caller keeps the node open */
        size_t e = L->cols;
        double best = EPS_D;
        int bland = degen > 50;
        for (size_t j = 0; j < L->cols; j++) {
            if (L->banned[j])
                continue;
            if (L->d[j] > best) {
                best = L->d[j];
                e = j;
                if (bland)
                    break;
            }
        }
        if (e == L->cols)
            return 0;
        size_t pr = L->rows;
        double ratio = INFINITY;
        for (size_t r = 0; r < L->rows; r++) {
            double v = t->T[r * W + e];
            double rt;
            if (phase2 && L->banned[t->basis[r]] && fabs(v) > EPS_PIV)
                rt = 0;
            else if (v > EPS_PIV)
                rt = t->T[r * W + L->cols] / v;
            else
                continue;
            if (rt < ratio - 1e-12 || (rt <= ratio + 1e-12 && pr < L->rows && t->basis[r] < t->basis[pr])) {
                ratio = rt;
                pr = r;
            }
        }
        if (pr == L->rows)
            return 1;
        degen = ratio < 1e-12 ? degen + 1 : 0;
        pivot(L, t, pr, e);
    }
    return 1;
}

/* Solve the node LP in t (a feasible basis of the rows, bans set). Returns 1 feasible
 * (value *z, x in xs[c*m+j]), 0 infeasible, -1 failure. */
static int solve_tab(lpdef *L, tab *t, const mip *M, double *z, double *xs)
{
    size_t W = L->W, m = L->m;
    int need1 = 0;
    for (size_t r = 0; r < L->rows; r++)
        if (L->banned[t->basis[r]] && t->T[r * W + L->cols] > 1e-9)
            need1 = 1;
    if (need1) {
        for (size_t j = 0; j < L->cols; j++)
            L->cost1[j] = L->banned[j] ? -1.0 : 0.0;
        set_objective(L, t, L->cost1);
        if (optimize(L, t, 0))
            return -1;
        if (L->d[L->cols] > 1e-7) /* d[cols] = -z1 = Σ banned values */
            return 0;
    }
    set_objective(L, t, L->cost);
    if (optimize(L, t, 1))
        return -1;
    *z = -L->d[L->cols];
    for (size_t i = 0; i < M->n * m; i++)
        xs[i] = 0;
    for (size_t r = 0; r < L->rows; r++) {
        size_t b = t->basis[r];
        if (b < L->nv) {
            size_t c = (size_t)(r < L->n ? 0 : 0);
            /* find the case of column b: binary search in first[] */
            size_t lo = 0, hi = L->n;
            while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (L->first[mid] <= b)
                    lo = mid;
                else
                    hi = mid;
            }
            c = lo;
            double x = t->T[r * W + L->cols];
            xs[c * m + (size_t)L->vj[b]] = x < 0 ? 0 : x > 1 ? 1 : x;
        }
    }
    return 1;
}

static int tab_alloc(const lpdef *L, tab *t)
{
    t->T = regint__calloc(L->rows * L->W, sizeof *t->T);
    t->basis = regint__calloc(L->rows, sizeof *t->basis);
    if (!t->T || !t->basis) {
        free(t->T);
        free(t->basis);
        t->T = NULL;
        t->basis = NULL;
        return -1;
    }
    return 0;
}

/* Reduced-cost fixing after the node at `depth` is solved (L->d holds its reduced costs):
 * a column whose reduced cost would take the bound to the incumbent or below is banned in
 * the whole subtree (objectives are integers). */
static void rc_fix(mip *M, size_t depth, double z)
{
    lpdef *L = M->lp;
    if (!L || !M->have_inc)
        return;
    for (size_t j = 0; j < L->nv + L->nu; j++) {
        if (L->banned[j] || L->d[j] >= 0)
            continue;
        if ((int64_t)floor(z + L->d[j] + EPS_INT) <= M->incval)
            L->rcdepth[j] = (int32_t)depth;
    }
}

/* Column of x_cj (or u_c for j = -1); cols when absent. */
static size_t col_of(const lpdef *L, size_t c, int32_t j)
{
    if (j < 0)
        return L->nu ? col_u(L, c) : L->cols;
    for (size_t v = L->first[c]; v < L->first[c + 1]; v++)
        if (L->vj[v] == j)
            return v;
    return L->cols;
}

/* ---------------------------------------------------------------------------------------- */
/* Heuristics */

static int64_t value_of(const mip *M, const int32_t *asg)
{
    int64_t v = 0;
    for (size_t c = 0; c < M->n; c++)
        if (asg[c] >= 0)
            v += M->a[c * M->m + (size_t)asg[c]];
    return v;
}

/* Improve a feasible assignment by single moves (to a municipality or out) while any gains. */
static void improve(const mip *M, int32_t *asg, int64_t *rem)
{
    size_t n = M->n, m = M->m;
    for (int pass = 0; pass < 50; pass++) {
        int changed = 0;
        for (size_t c = 0; c < n; c++) {
            int64_t cur = asg[c] >= 0 ? M->a[c * m + (size_t)asg[c]] : 0;
            int32_t bj = asg[c];
            int64_t bv = cur;
            for (size_t j = 0; j < m; j++) {
                int32_t s = M->a[c * m + j];
                if (s == REGINT__MATCH_FORBID || (int32_t)j == asg[c] || rem[j] < M->w[c])
                    continue;
                if (s > bv) {
                    bv = s;
                    bj = (int32_t)j;
                }
            }
            if (!M->must_all && asg[c] >= 0 && 0 > bv) {
                bv = 0;
                bj = -1;
            }
            if (bj != asg[c]) {
                if (asg[c] >= 0)
                    rem[asg[c]] += M->w[c];
                if (bj >= 0)
                    rem[bj] -= M->w[c];
                asg[c] = bj;
                changed = 1;
            }
        }
        /* swaps of two cases between municipalities */
        for (size_t c = 0; c < n && n * n <= 4000000; c++) {
            if (asg[c] < 0)
                continue;
            for (size_t d = c + 1; d < n; d++) {
                if (asg[d] < 0 || asg[d] == asg[c])
                    continue;
                size_t jc = (size_t)asg[c], jd = (size_t)asg[d];
                int32_t s1 = M->a[c * m + jd], s2 = M->a[d * m + jc];
                if (s1 == REGINT__MATCH_FORBID || s2 == REGINT__MATCH_FORBID)
                    continue;
                int64_t gain = (int64_t)s1 + s2 - M->a[c * m + jc] - M->a[d * m + jd];
                if (gain <= 0)
                    continue;
                if (rem[jd] + M->w[d] - M->w[c] < 0 || rem[jc] + M->w[c] - M->w[d] < 0)
                    continue;
                rem[jd] += M->w[d] - M->w[c];
                rem[jc] += M->w[c] - M->w[d];
                asg[c] = (int32_t)jd;
                asg[d] = (int32_t)jc;
                changed = 1;
            }
        }
        if (!changed)
            break;
    }
}

static void offer(mip *M, const int32_t *asg)
{
    int64_t v = value_of(M, asg);
    if (!M->have_inc || v > M->incval) {
        memcpy(M->inc, asg, M->n * sizeof *asg);
        M->incval = v;
        M->have_inc = 1;
    }
}

typedef struct gkey {
    int64_t w;
    double regret;
    size_t c;
} gkey;

static int cmp_gkey(const void *x, const void *y)
{
    const gkey *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    if (a->regret != b->regret)
        return a->regret > b->regret ? -1 : 1;
    return a->c < b->c ? -1 : a->c > b->c;
}

static int64_t excess(int64_t rem) { return rem < 0 ? -rem : 0; }

static uint64_t lcg_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* A repair step: case c moves to municipality k (and, for a swap, case e moves to c's; e = n
 * for a plain move); d is the change in total overflow, loss the change in score. */
typedef struct repair_step {
    int64_t d, loss;
    size_t c, e;
    int32_t k;
} repair_step;

/* The change in total overflow when weight w leaves municipality j for k. */
static int64_t shift_change(const int64_t *rem, size_t j, size_t k, int64_t w)
{
    return excess(rem[j] + w) + excess(rem[k] - w) - excess(rem[j]) - excess(rem[k]);
}

/* Keep the candidate step when it lowers the overflow more than the best so far (ties: the
 * smaller score loss). */
static void consider(repair_step *b, int64_t d, int64_t loss, size_t c, size_t e, size_t k)
{
    if (d < b->d || (d == b->d && d < 0 && loss < b->loss)) {
        b->d = d;
        b->loss = loss;
        b->c = c;
        b->e = e;
        b->k = (int32_t)k;
    }
}

/* Repair: the assignment may overfill municipalities (rem < 0). Moves and swaps of free
 * cases that lower the total overflow (ties: the smaller score loss), with deterministic
 * random kicks when no such step exists. Returns 1 when the overflow reaches zero. */
static int repair(const mip *M, int32_t *asg, int64_t *rem)
{
    size_t n = M->n, m = M->m;
    int64_t E = 0;
    for (size_t j = 0; j < m; j++)
        E += excess(rem[j]);
    uint64_t rng = 0x5EED5EEDULL + n * 31 + m;
    long limit = 40L * (long)n + 2000;
    double work = 0; /* pair evaluations: bounded so that huge instances stay quick */
    for (long it = 0; E > 0 && it < limit && work < 4e7; it++) {
        /* best improving move or swap out of an overfull municipality (both scored by
         * consider()) */
        repair_step b = {0, INT64_MAX, n, n, -1};
        for (size_t c = 0; c < n; c++) {
            if (asg[c] < 0 || M->fixed[c] != -2 || rem[asg[c]] >= 0)
                continue;
            size_t j = (size_t)asg[c];
            int64_t wc = M->w[c], ac = M->a[c * m + j];
            work += (double)(n + m);
            for (size_t k = 0; k < m; k++) {
                int32_t s = M->a[c * m + k];
                if (k == j || s == REGINT__MATCH_FORBID || M->p->cap[k] < wc)
                    continue;
                consider(&b, shift_change(rem, j, k, wc), ac - s, c, n, k);
            }
            for (size_t e = 0; e < n; e++) {
                if (asg[e] < 0 || (size_t)asg[e] == j || M->fixed[e] != -2 || M->w[e] >= wc)
                    continue;
                size_t k = (size_t)asg[e];
                int32_t s1 = M->a[c * m + k], s2 = M->a[e * m + j];
                if (s1 == REGINT__MATCH_FORBID || s2 == REGINT__MATCH_FORBID)
                    continue;
                consider(&b, shift_change(rem, j, k, wc - M->w[e]), ac + M->a[e * m + k] - s1 - s2, c, e, k);
            }
        }
        if (b.c < n) {
            size_t j = (size_t)asg[b.c];
            int64_t dw = M->w[b.c] - (b.e == n ? 0 : M->w[b.e]);
            rem[j] += dw;
            rem[b.k] -= dw;
            asg[b.c] = b.k;
            if (b.e < n)
                asg[b.e] = (int32_t)j;
            E += b.d;
            continue;
        }
        /* stuck: move a random free case of a random overfull municipality elsewhere */
        size_t cnt = 0;
        for (size_t c = 0; c < n; c++)
            cnt += asg[c] >= 0 && M->fixed[c] == -2 && rem[asg[c]] < 0;
        if (cnt == 0)
            return 0; /* only fixed cases overfill: this node's fixings leave no room */
        size_t pick = (size_t)(lcg_next(&rng) % cnt), c = 0;
        for (c = 0; c < n; c++)
            if (asg[c] >= 0 && M->fixed[c] == -2 && rem[asg[c]] < 0 && pick-- == 0)
                break;
        size_t j = (size_t)asg[c], nk = 0;
        for (size_t k = 0; k < m; k++)
            nk += k != j && M->a[c * m + k] != REGINT__MATCH_FORBID && M->p->cap[k] >= M->w[c];
        if (nk == 0)
            continue;
        size_t kp = (size_t)(lcg_next(&rng) % nk), k;
        for (k = 0; k < m; k++)
            if (k != j && M->a[c * m + k] != REGINT__MATCH_FORBID && M->p->cap[k] >= M->w[c] && kp-- == 0)
                break;
        E += excess(rem[j] + M->w[c]) + excess(rem[k] - M->w[c]) - excess(rem[j]) - excess(rem[k]);
        rem[j] += M->w[c];
        rem[k] -= M->w[c];
        asg[c] = (int32_t)k;
    }
    return E == 0;
}

/* Construction with repair: fixed cases stay; free cases by decreasing size, then by
 * decreasing regret (best minus second-best key), go to the municipality with the best key
 * (pref[c*m+j], higher better) that still has room. A case that fits nowhere goes where the
 * overflow is smallest, and repair() then removes the overflow. Improving moves and swaps
 * follow; a feasible result is offered as incumbent. Returns 1 if one was found. */
static int greedy(mip *M, const double *pref)
{
    size_t n = M->n, m = M->m;
    int32_t *asg = M->tmp;
    int64_t *rem = M->tmprem;
    gkey *keys = regint__calloc(n ? n : 1, sizeof *keys);
    if (!keys)
        return 0;
    memcpy(rem, M->p->cap, m * sizeof *rem);
    size_t nk = 0;
    for (size_t c = 0; c < n; c++) {
        asg[c] = M->fixed[c] >= 0 ? M->fixed[c] : -1;
        if (asg[c] >= 0)
            rem[asg[c]] -= M->w[c];
        if (M->fixed[c] != -2)
            continue;
        double b1 = -INFINITY, b2 = -INFINITY;
        for (size_t j = 0; j < m; j++) {
            if (M->a[c * m + j] == REGINT__MATCH_FORBID || M->p->cap[j] < M->w[c])
                continue;
            double k = pref[c * m + j];
            if (k > b1) {
                b2 = b1;
                b1 = k;
            } else if (k > b2)
                b2 = k;
        }
        keys[nk].w = M->w[c];
        keys[nk].regret = isfinite(b2) ? b1 - b2 : isfinite(b1) ? 1e300 : 0;
        keys[nk].c = c;
        nk++;
    }
    qsort(keys, nk, sizeof *keys, cmp_gkey);
    int over = 0;
    for (size_t q = 0; q < nk; q++) {
        size_t c = keys[q].c;
        int32_t bj = -1, oj = -1;
        double bv = -INFINITY, ov = -INFINITY;
        int64_t oe = INT64_MAX;
        for (size_t j = 0; j < m; j++) {
            if (M->a[c * m + j] == REGINT__MATCH_FORBID || M->p->cap[j] < M->w[c])
                continue;
            double k = pref[c * m + j];
            if (rem[j] >= M->w[c]) {
                if (k > bv) {
                    bv = k;
                    bj = (int32_t)j;
                }
            } else {
                int64_t e = M->w[c] - (rem[j] > 0 ? rem[j] : 0);
                if (e < oe || (e == oe && k > ov)) {
                    oe = e;
                    ov = k;
                    oj = (int32_t)j;
                }
            }
        }
        if (!M->must_all) {
            if (bj >= 0 && M->a[c * m + (size_t)bj] >= 0) {
                asg[c] = bj;
                rem[bj] -= M->w[c];
            }
            continue;
        }
        if (bj < 0) {
            bj = oj;
            over = 1;
        }
        if (bj < 0) {
            free(keys);
            return 0;
        }
        asg[c] = bj;
        rem[bj] -= M->w[c];
    }
    free(keys);
    if (over && !repair(M, asg, rem))
        return 0;
    improve(M, asg, rem);
    /* improve() may move fixed cases: still feasible for the whole problem, which is what
     * matters for the incumbent. */
    offer(M, asg);
    return 1;
}

/* ---------------------------------------------------------------------------------------- */
/* Branch and bound */

/* Best-first branch and bound with diving. Every open node is a chain of fixings (case c ->
 * j, or -1 "unassigned") back to the root with the LP bound of its parent. After a node, its
 * child of largest LP value is solved next (a dive); when the dive ends, the open node with
 * the largest bound (ties: the deepest, then the earliest) - so the largest open bound, the
 * proved upper bound, falls as the search goes on. Nodes warm-start from the last tableau. */
typedef struct bnode {
    int64_t bound;
    int32_t parent, c, j, depth;
    uint32_t seq;
} bnode;

#define BB_MAX_RECORDS 4000000u

static int bn_better(const bnode *a, const bnode *b)
{
    if (a->bound != b->bound)
        return a->bound > b->bound;
    if (a->depth != b->depth)
        return a->depth > b->depth;
    return a->seq < b->seq;
}

static void heap_push(uint32_t *h, size_t *nh, const bnode *nd, uint32_t x)
{
    size_t i = (*nh)++;
    h[i] = x;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!bn_better(&nd[h[i]], &nd[h[p]]))
            break;
        uint32_t t = h[i];
        h[i] = h[p];
        h[p] = t;
        i = p;
    }
}

static uint32_t heap_pop(uint32_t *h, size_t *nh, const bnode *nd)
{
    uint32_t top = h[0];
    h[0] = h[--*nh];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, b = i;
        if (l < *nh && bn_better(&nd[h[l]], &nd[h[b]]))
            b = l;
        if (r < *nh && bn_better(&nd[h[r]], &nd[h[b]]))
            b = r;
        if (b == i)
            break;
        uint32_t t = h[i];
        h[i] = h[b];
        h[b] = t;
        i = b;
    }
    return top;
}

static void keep_open(mip *M, int64_t b)
{
    if (!M->have_open || b > M->open_bound)
        M->open_bound = b;
    M->have_open = 1;
}

/* Solve the LP of the node whose fixings are in M->fixed, in the scratch tableau. */
static int node_solve_bf(mip *M, double *z, double *xs)
{
    lpdef *L = M->lp;
    tab *t = M->scratch;
    if (!t->T && tab_alloc(L, t))
        return -1;
    set_bans(L, M, 1); /* keeps the root's reduced-cost fixings */
    int reuse = M->scratch_ok;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!(reuse && attempt == 0))
            tab_build(L, M, t);
        int r = solve_tab(L, t, M, z, xs);
        M->scratch_ok = r >= 0;
        if (r >= 0 || !reuse)
            return r;
    }
    return -1;
}

static void bb_best(mip *M, double *xs)
{
    size_t n = M->n, m = M->m;
    size_t cap = 1024, nnd = 0, nh = 0;
    bnode *nd = regint__calloc(cap, sizeof *nd);
    uint32_t *heap = regint__calloc(cap, sizeof *heap);
    int32_t *ord = regint__calloc(m + 1, sizeof *ord);
    double *pref = xs + n * m;
    const lpdef *LD = M->lp;
    if (!nd || !heap || !ord) {
        M->stop = 1;
        keep_open(M, INT64_MAX);
        goto out;
    }
    nd[0] = (bnode){INT64_MAX, -1, -1, -1, 0, 0};
    nnd = 1;
    heap_push(heap, &nh, nd, 0);
    int64_t dive = -1; /* the best child of the node just solved, solved next (diving) */
    while (nh > 0 || dive >= 0) {
        if (dive >= 0 && M->have_inc && nd[dive].bound <= M->incval)
            dive = -1;
        if (dive < 0) {
            if (nh == 0)
                break;
            if (M->have_inc && nd[heap[0]].bound <= M->incval)
                break; /* every open node is pruned */
        }
        if (M->nodes >= M->max_nodes || (M->deadline > 0 && regint__match_now() > M->deadline)) {
            M->stop = 1;
            if (nh > 0)
                keep_open(M, nd[heap[0]].bound);
            if (dive >= 0)
                keep_open(M, nd[dive].bound);
            break;
        }
        uint32_t cur = dive >= 0 ? (uint32_t)dive : heap_pop(heap, &nh, nd);
        dive = -1;
        bnode node = nd[cur];
        for (size_t c = 0; c < n; c++)
            M->fixed[c] = -2;
        memcpy(M->rem, M->p->cap, m * sizeof *M->rem);
        for (int32_t q = (int32_t)cur; q > 0; q = nd[q].parent) {
            M->fixed[nd[q].c] = nd[q].j;
            if (nd[q].j >= 0)
                M->rem[nd[q].j] -= M->w[nd[q].c];
        }
        M->nodes++;
        if (M->p->opt && M->p->opt->progress && (M->nodes & 255) == 0)
            M->p->opt->progress(M->p->opt->progress_ctx, (double)M->nodes / (double)M->max_nodes,
                                "branch and bound");
        double z = 0;
        int r = node_solve_bf(M, &z, xs);
        if (r < 0) {
            /* LP failed (numerical trouble or the clock): the node stays open, honestly. */
            M->stop = 1;
            keep_open(M, node.bound);
            if (nh > 0)
                keep_open(M, nd[heap[0]].bound);
            break;
        }
        if (r == 0)
            continue;
        int64_t bound = (int64_t)floor(z + EPS_INT);
        if (bound > node.bound)
            bound = node.bound;
        if (M->have_inc && bound <= M->incval)
            continue;
        size_t bc = n;
        double bscore = -1;
        for (size_t c = 0; c < n; c++) {
            if (M->fixed[c] != -2)
                continue;
            double mx = 0, sum = 0;
            for (size_t j = 0; j < m; j++) {
                double x = xs[c * m + j];
                sum += x;
                if (x > mx)
                    mx = x;
            }
            if (mx > 1 - EPS_INT || (!M->must_all && sum < EPS_INT))
                continue;
            double score = (double)M->w[c] * (1.0 - mx);
            if (score > bscore) {
                bscore = score;
                bc = c;
            }
        }
        if (bc == n) {
            int32_t *asg = M->tmp;
            int ok = 1;
            int64_t *rem = M->tmprem;
            memcpy(rem, M->p->cap, m * sizeof *rem);
            for (size_t c = 0; c < n; c++) {
                asg[c] = M->fixed[c] >= 0 ? M->fixed[c] : -1;
                if (M->fixed[c] == -2)
                    for (size_t j = 0; j < m; j++)
                        if (xs[c * m + j] > 1 - EPS_INT)
                            asg[c] = (int32_t)j;
                if (asg[c] >= 0)
                    rem[asg[c]] -= M->w[c];
                else if (M->must_all)
                    ok = 0;
            }
            for (size_t j = 0; j < m; j++)
                if (rem[j] < 0)
                    ok = 0;
            if (ok) {
                offer(M, asg);
                continue;
            }
        }
        for (size_t i = 0; i < n * m; i++)
            pref[i] = xs[i] * 1e6 + (M->a[i] == REGINT__MATCH_FORBID ? 0 : M->a[i]);
        greedy(M, pref);
        if (M->have_inc && bound <= M->incval)
            continue;
        if (node.depth == 0)
            rc_fix(M, 0, z);
        if (bc == n) {
            /* integral LP but capacities broken by rounding noise: this node stays open */
            keep_open(M, bound);
            continue;
        }
        size_t c = bc, no = 0;
        double xsum = 0;
        for (size_t j = 0; j < m; j++) {
            xsum += xs[c * m + j];
            if (M->a[c * m + j] != REGINT__MATCH_FORBID && M->w[c] <= M->rem[j]) {
                size_t col = col_of(LD, c, (int32_t)j);
                if (col < LD->cols && LD->rcdepth[col] >= 0)
                    continue; /* cannot beat the incumbent */
                ord[no++] = (int32_t)j;
            }
        }
        if (!M->must_all) {
            size_t col = col_of(LD, c, -1);
            if (!(col < LD->cols && LD->rcdepth[col] >= 0))
                ord[no++] = -1;
        }
        for (size_t i = 1; i < no; i++) { /* by decreasing LP value, then score */
            int32_t t = ord[i];
            double kt = t >= 0 ? xs[c * m + (size_t)t] * 1e9 + M->a[c * m + (size_t)t] : (1 - xsum) * 1e9;
            size_t k = i;
            while (k > 0) {
                int32_t u = ord[k - 1];
                double ku = u >= 0 ? xs[c * m + (size_t)u] * 1e9 + M->a[c * m + (size_t)u] : (1 - xsum) * 1e9;
                if (ku >= kt)
                    break;
                ord[k] = u;
                k--;
            }
            ord[k] = t;
        }
        if (nnd + no > BB_MAX_RECORDS) {
            M->stop = 1;
            keep_open(M, bound);
            if (nh > 0)
                keep_open(M, nd[heap[0]].bound);
            break;
        }
        if (nnd + no > cap) {
            size_t nc = cap * 2 > nnd + no ? cap * 2 : nnd + no;
            bnode *nn2 = regint__reallocarray(nd, nc, sizeof *nd);
            if (nn2)
                nd = nn2;
            uint32_t *nh2 = nn2 ? regint__reallocarray(heap, nc, sizeof *heap) : NULL;
            if (nh2)
                heap = nh2;
            if (!nn2 || !nh2) {
                M->stop = 1;
                keep_open(M, bound);
                if (nh > 0)
                    keep_open(M, nd[heap[0]].bound);
                break;
            }
            cap = nc;
        }
        for (size_t i = 0; i < no; i++) {
            nd[nnd] = (bnode){bound, (int32_t)cur, (int32_t)c, ord[i], node.depth + 1, (uint32_t)nnd};
            if (i == 0)
                dive = (int64_t)nnd; /* dive into the child of largest LP value */
            else
                heap_push(heap, &nh, nd, (uint32_t)nnd);
            nnd++;
        }
    }
out:
    for (size_t c = 0; c < n; c++)
        M->fixed[c] = -2;
    memcpy(M->rem, M->p->cap, m * sizeof *M->rem);
    free(nd);
    free(heap);
    free(ord);
}

/* ---------------------------------------------------------------------------------------- */
/* Lagrangian relaxation for instances too large for the dense LP. */

static void lagrangian(mip *M, int64_t *ub)
{
    size_t n = M->n, m = M->m;
    const int64_t *cap = M->p->cap;
    double *lam = regint__calloc(m, sizeof *lam);
    double *g = regint__calloc(m, sizeof *g);
    double *pref = regint__calloc(n * m, sizeof *pref);
    double best_ub = INFINITY;
    if (!lam || !g || !pref) {
        free(lam);
        free(g);
        free(pref);
        *ub = INT64_MAX;
        return;
    }
    double theta = 2.0;
    int since = 0;
    for (int it = 0; it < 500; it++) {
        if (it >= 50 && M->deadline > 0 && regint__match_now() > M->deadline)
            break;
        double L = 0;
        for (size_t j = 0; j < m; j++) {
            L += lam[j] * (double)cap[j];
            g[j] = (double)cap[j];
        }
        for (size_t c = 0; c < n; c++) {
            double bv = M->must_all ? -INFINITY : 0;
            size_t bj = m;
            for (size_t j = 0; j < m; j++) {
                int32_t s = M->a[c * m + j];
                if (s == REGINT__MATCH_FORBID)
                    continue;
                double v = (double)s - lam[j] * (double)M->w[c];
                if (v > bv) {
                    bv = v;
                    bj = j;
                }
            }
            if (bj == m && M->must_all) {
                L = INFINITY;
                break;
            }
            L += bv;
            if (bj < m)
                g[bj] -= (double)M->w[c];
        }
        if (L < best_ub - 1e-9) {
            best_ub = L;
            since = 0;
        } else if (++since >= 15) {
            theta /= 2;
            since = 0;
        }
        if (it % 10 == 0) {
            for (size_t c = 0; c < n; c++)
                for (size_t j = 0; j < m; j++)
                    pref[c * m + j] = M->a[c * m + j] == REGINT__MATCH_FORBID
                                          ? -INFINITY
                                          : (double)M->a[c * m + j] - lam[j] * (double)M->w[c];
            greedy(M, pref);
        }
        double nrm = 0;
        for (size_t j = 0; j < m; j++) {
            if (lam[j] <= 0 && g[j] > 0)
                g[j] = 0; /* projected */
            nrm += g[j] * g[j];
        }
        if (nrm == 0)
            break;
        double target = M->have_inc ? (double)M->incval : best_ub - 1;
        double step = theta * (L - target) / nrm;
        if (!(step > 0))
            step = 1e-3;
        for (size_t j = 0; j < m; j++) {
            lam[j] -= step * g[j];
            if (lam[j] < 0)
                lam[j] = 0;
        }
        if (theta < 1e-6)
            break;
    }
    free(lam);
    free(g);
    free(pref);
    /* A tiny relative margin guards the floating-point sum. */
    if (isfinite(best_ub))
        *ub = (int64_t)floor(best_ub + 1e-9 * fabs(best_ub) + EPS_INT);
    else
        *ub = INT64_MAX;
}

regint_status regint__match_mip(const regint__match_problem *p, int32_t *assign, int64_t *bound,
                                int *optimal, int64_t *nodes)
{
    size_t n = p->n, m = p->m;
    mip M;
    memset(&M, 0, sizeof M);
    M.p = p;
    M.n = n;
    M.m = m;
    M.must_all = p->must_all;
    M.max_nodes = p->opt->max_nodes > 0 ? p->opt->max_nodes : INT64_MAX;
    M.deadline = p->opt->time_limit > 0 ? p->t_start + p->opt->time_limit : 0;
    size_t nn = n ? n : 1;
    /* `duplicates` (issue 13) pairs this list with the flow solver's work arrays
     * (matching_flow.c); kept for the reason given there. */
    M.a = regint__calloc(nn * m, sizeof *M.a);
    M.w = regint__calloc(nn, sizeof *M.w);
    M.fixed = regint__calloc(nn, sizeof *M.fixed);
    M.rem = regint__calloc(m, sizeof *M.rem);
    M.inc = regint__calloc(nn, sizeof *M.inc);
    M.tmp = regint__calloc(nn, sizeof *M.tmp);
    M.tmprem = regint__calloc(m, sizeof *M.tmprem);
    regint_status st = REGINT_OK;
    double *xs = NULL;
    lpdef L;
    memset(&L, 0, sizeof L);
    tab scratch = {NULL, NULL};
    if (!M.a || !M.w || !M.fixed || !M.rem || !M.inc || !M.tmp || !M.tmprem) {
        st = regint__enomem();
        goto done;
    }
    int64_t demand = 0, capsum = 0;
    for (size_t c = 0; c < n; c++) {
        M.w[c] = regint__match_w(p, c);
        demand += M.w[c];
        M.fixed[c] = -2;
        for (size_t j = 0; j < m; j++)
            M.a[c * m + j] = regint__match_a(p, c, j);
    }
    for (size_t j = 0; j < m; j++) {
        M.rem[j] = p->cap[j];
        capsum += p->cap[j];
    }
    /* Families too big for every allowed municipality. */
    for (size_t c = 0; c < n && M.must_all; c++) {
        int any = 0;
        for (size_t j = 0; j < m && !any; j++)
            any = M.a[c * m + j] != REGINT__MATCH_FORBID && M.w[c] <= p->cap[j];
        if (!any) {
            st = regint__error(REGINT_EINFEASIBLE,
                               "must_assign_all: cases[%zu] (a family of %lld persons) fits in no allowed municipality",
                               c, (long long)M.w[c]);
            goto done;
        }
    }
    /* The Lagrangian knapsack branch and bound (matching_gap.c) proves HIAS-size instances
     * that the LP branch and bound below does not (docs/performance.md); it needs
     * capacities small enough for its dynamic programs, otherwise the methods below run. */
    {
        int used;
        st = regint__match_gap_try(p, assign, bound, optimal, nodes, &used);
        if (used)
            goto done;
    }
    double rows = (double)(n + m), cols = 0;
    for (size_t i = 0; i < n * m; i++)
        cols += M.a[i] != REGINT__MATCH_FORBID;
    cols += rows + 1;
    int64_t ub;
    cols += (double)n; /* u or artificial columns */
    /* A first incumbent before any LP: construction by the scores with repair. */
    {
        double *pref0 = regint__calloc(nn * m, sizeof *pref0);
        if (!pref0) {
            st = regint__enomem();
            goto done;
        }
        for (size_t i = 0; i < n * m; i++)
            pref0[i] = M.a[i] == REGINT__MATCH_FORBID ? 0 : (double)M.a[i];
        greedy(&M, pref0);
        free(pref0);
    }
    if (rows * cols <= LP_MAX_CELLS) {
        xs = regint__calloc(2 * nn * m, sizeof *xs); /* LP solution and heuristic keys */
        if (!xs || lpdef_init(&L, &M)) {
            st = regint__enomem();
            goto done;
        }
        L.deadline = M.deadline;
        M.lp = &L;
        M.scratch = &scratch;
        bb_best(&M, xs);
        if (!M.stop && !M.have_open) {
            /* search complete */
            if (!M.have_inc) {
                st = regint__error(REGINT_EINFEASIBLE,
                                   "must_assign_all: the %zu families (demand %lld persons) cannot be placed "
                                   "whole within the capacities (total capacity %lld persons)",
                                   n, (long long)demand, (long long)capsum);
                goto done;
            }
            ub = M.incval;
        } else {
            ub = M.have_open ? M.open_bound : M.incval;
            /* The Lagrangian bound is valid too (and the only one if the root LP did not
             * finish); its greedy may also improve the incumbent. */
            int64_t lub;
            lagrangian(&M, &lub);
            if (lub < ub)
                ub = lub;
            if (M.have_inc && ub < M.incval)
                ub = M.incval;
        }
    } else {
        lagrangian(&M, &ub);
        if (M.have_inc && ub < M.incval)
            ub = M.incval;
    }
    if (!M.have_inc) {
        /* Not proved infeasible: a distinct status (REGINT_ERANGE: the limits were too
         * small), never REGINT_EINFEASIBLE. */
        st = regint__error(REGINT_ERANGE,
                           "must_assign_all: no assignment of the %zu families (demand %lld persons, total "
                           "capacity %lld persons) was found within the limits (%lld nodes) and infeasibility "
                           "is not proved: raise time_limit or max_nodes",
                           n, (long long)demand, (long long)capsum, (long long)M.nodes);
        goto done;
    }
    memcpy(assign, M.inc, n * sizeof *assign);
    *bound = ub;
    *optimal = ub <= M.incval;
    *nodes = M.nodes;
done:
    free(scratch.T);
    free(scratch.basis);
    lpdef_free(&L);
    free(xs);
    free(M.a);
    free(M.w);
    free(M.fixed);
    free(M.rem);
    free(M.inc);
    free(M.tmp);
    free(M.tmprem);
    return st;
}
