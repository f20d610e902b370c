/* Exact persons-capacity matching (generalized assignment, maximisation) by branch and bound
 * on the Lagrangian relaxation of the assignment rows: one 0-1 knapsack per municipality,
 * solved exactly by dynamic programming over the (integer, small) capacity.
 *
 *   max Σ S[c][j] x[c][j]   s.t. Σ_j x[c][j] = 1 (≤ 1 if !must_assign_all),
 *                                Σ_c size[c] x[c][j] ≤ cap[j],  x binary,  S[c][j] = GAP_FORBID: x = 0.
 *
 * Why this relaxation: relaxing the assignment rows keeps the integrality of each knapsack,
 * so its best bound (= the Dantzig-Wolfe / branch-and-price bound) is far below the LP bound
 * (on regint-synth-v1 300 x 21: LP 88 units above the optimum, this one about 4).
 *
 * Per node: projected subgradient (Polyak step towards the incumbent) on the multipliers u,
 * warm-started from the parent; a Lagrangian heuristic (knapsack picks, conflicts resolved,
 * the rest placed greedily, then moves and swaps); and exact Lagrangian variable fixing: for
 * every free case c and municipality j the bound of "c goes to j" (and "c stays out") is
 * computed from forward/backward knapsack tables, and options whose bound cannot beat the
 * incumbent by 1 (scores are integers) are removed. Branching: the free case with a conflict
 * in the Lagrangian solution, one child per remaining option, best child bound first;
 * depth-first.
 *
 * Iterative target search: with ub = floor(root bound), search only for assignments worth
 * >= T + 1 for T = ub - 1, ub - 2, ... (never below the incumbent); a round that finds one
 * proves it optimal, a round that finds none proves optimum <= T. Only the bound proved by
 * the last completed round is reported when a limit stops the search.
 *
 * Ported from the issue-17 research prototype (kept outside this repository; checked on 3,000 tiny instances against
 * enumeration, the 20 persons oracle cases, 32 HIAS-size instances against HiGHS). Used by
 * regint__match_mip for the persons unit when the knapsack tables fit (see there).
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "matching/matching_internal.h"
#include "util/error.h"

#define GAP_FORBID REGINT__GAP_FORBID
typedef regint__gap_result gap_result;

#define GAP_HCACHE 128
typedef struct {
    int n, m, maa;
    const int64_t *size, *cap, *S;
    int64_t maxcap;
    /* incumbent */
    int have_inc;
    int64_t inc;
    int have_cut;
    int64_t cut; /* search for assignments of value >= cut + 1 only: max(incumbent, target) */
    int *inc_x;
    /* limits, stats */
    double t0, tlim;
    long max_nodes;
    int oom;
    long nodes, iters;
    int aborted;
    double open_bound; /* max bound of nodes abandoned by the limit */
    /* work */
    double *best;          /* maxcap+1 */
    unsigned char *take;   /* n*(maxcap+1) */
    double *Btab;          /* (n+1)*(maxcap+1) */
    double *Frow;          /* maxcap+1 */
    int *items;            /* n */
    unsigned char *chosen; /* n*m : knapsack j took case c */
    int *cnt;              /* n */
    double *g;             /* n */
    int *hx;               /* n: heuristic assignment */
    int64_t *huse;         /* m */
    int *order;            /* n */
    double *kin, *kout;    /* n*m: knapsack value with c forced in / out */
    double *kval;          /* m */
    double Lfix;           /* the bound at which kin/kout/kval were computed */
    int brule, it_first, it_next;
    double defl;
    double *dprev;         /* n: previous direction (deflected subgradient) */
    /* transportation check (must_assign_all): Dinic max flow, source -> free case (its size)
     * -> allowed municipality -> sink (remaining capacity) */
    int *fhead, *fnext, *fto, *flevel, *fiter, *fqueue;
    int64_t *fcap;
    long flow_prunes, lp_prunes;
    double *lg;            /* m: subgradient of the capacity-dual bound */
    int64_t ubk;           /* proved: no assignment is worth more (INT64_MAX: not yet) */
    /* hashes of the last GAP_HCACHE repaired assignments handed to the local search: the
     * subgradient's successive Lagrangian solutions often repair to the same assignment, whose
     * local search (O(n²) swaps, 80 % of the time on p500x21-s3) would give the same result */
    uint64_t hcache[GAP_HCACHE];
    int hcpos;
    /* the local search's swap filter: Sx[c][j + 1] = S[c][j] (GAP_LS_FORBID when forbidden),
     * Sx[c][0] = 0 (out); ST[j + 1][c] the same, transposed; lcur[c] = Sx[c][x[c] + 1] */
    int64_t *Sx, *ST, *lcur;
} gap_t;

typedef struct {
    unsigned char *allow; /* n*m */
    int *fix;             /* n: -2 free, -1 out, j */
    int64_t *rcap;        /* m */
    int64_t cobj;
    double *u;            /* n */
    double *w;            /* m: capacity duals of the LP bound (lp_cut) */
    unsigned char *outok; /* n: the case may still stay out (never with must_assign_all) */
    double lambda;
} node_t;

/* regint's time_limit is in seconds of the monotonic clock, from the start of regint_match */
static double now_s(void) { return regint__match_now(); }

/* -DREGINT_GAP_TRACE prints the search's progress to stderr (for measurements only) */
#ifdef REGINT_GAP_TRACE
#define GAP_TRACE(...) fprintf(stderr, __VA_ARGS__)
#else
#define GAP_TRACE(...) do { if (0) fprintf(stderr, __VA_ARGS__); } while (0)
#endif

#define EPS 1e-7
/* the target search lowers the target one unit at a time when the incumbent is this close */
#define GAP_LINEAR_GAP 64
/* a bound L cannot beat the incumbent when L < inc + 1 (integer objective) */
static int cannot_improve(const gap_t *G, double L) { return G->have_cut && L < (double)G->cut + 1.0 - 1e-6; }

/* ---------- 0-1 knapsack by DP over capacity ---------- */
/* The knapsack's items for municipality j at multipliers u: the free cases allowed in j that
 * fit its remaining capacity and have a positive Lagrangian profit, into G->items; their count. */
static int knap_items(gap_t *G, const node_t *N, int j, const double *u) {
    int n = G->n, m = G->m;
    int64_t cap = N->rcap[j];
    int k = 0;
    for (int c = 0; c < n; c++) {
        if (N->fix[c] != -2 || !N->allow[(size_t)c * m + j] || G->size[c] > cap) continue;
        double p = (double)G->S[(size_t)c * m + j] - u[c];
        if (p > EPS) G->items[k++] = c;
    }
    return k;
}

/* items[0..k) with weights size[c], profits p(c); returns best value; sets chosen */
static double knap(gap_t *G, const node_t *N, int j, const double *u, int *k_out) {
    int m = G->m;
    int64_t cap = N->rcap[j];
    int k = knap_items(G, N, j, u);
    *k_out = k;
    double *best = G->best;
    for (int64_t w = 0; w <= cap; w++) best[w] = 0.0;
    size_t W = (size_t)cap + 1;
    for (int i = 0; i < k; i++) {
        int c = G->items[i];
        int64_t wi = G->size[c];
        double p = (double)G->S[(size_t)c * m + j] - u[c];
        unsigned char *t = G->take + (size_t)i * W;
        memset(t, 0, W);
        for (int64_t w = cap; w >= wi; w--) {
            double v = best[w - wi] + p;
            if (v > best[w]) { best[w] = v; t[w] = 1; }
        }
    }
    int64_t w = cap;
    for (int i = k - 1; i >= 0; i--)
        if (G->take[(size_t)i * W + (size_t)w]) {
            int c = G->items[i];
            G->chosen[(size_t)c * m + j] = 1;
            w -= G->size[c];
        }
    return best[cap];
}

/* Lagrangian value at u; fills chosen, cnt, g (projected subgradient, descent direction -g) */
static double lag_eval(gap_t *G, const node_t *N, const double *u, double *gnorm2) {
    int n = G->n, m = G->m;
    memset(G->chosen, 0, (size_t)n * m);
    double L = (double)N->cobj;
    for (int c = 0; c < n; c++)
        if (N->fix[c] == -2) L += u[c];
    for (int j = 0; j < m; j++) {
        int k;
        G->kval[j] = knap(G, N, j, u, &k);
        L += G->kval[j];
    }
    double g2 = 0;
    for (int c = 0; c < n; c++) {
        G->cnt[c] = 0;
        G->g[c] = 0;
        if (N->fix[c] != -2) continue;
        for (int j = 0; j < m; j++) G->cnt[c] += G->chosen[(size_t)c * m + j];
        double gc = 1.0 - G->cnt[c];
        if (N->outok[c] && gc > 0) gc = (u[c] > 0) ? 1.0 : 0.0; /* Σx ≤ 1 row: u ≥ 0, slack row with u=0 is fine */
        G->g[c] = gc;
        g2 += gc * gc;
    }
    *gnorm2 = g2;
    G->iters++;
    return L;
}

/* ---------- heuristic: repair the Lagrangian picks into a feasible assignment ---------- */
static int64_t hscore(const gap_t *G, int c, int j) { return G->S[(size_t)c * G->m + j]; }
/* far below any sum of a few int32 scores: a swap onto a forbidden place never gains */
#define GAP_LS_FORBID (-((int64_t)1 << 50))

static void local_search(gap_t *G, int *x, int64_t *use) {
    int n = G->n, m = G->m;
    int improved = 1, pass = 0;
    while (improved && pass++ < 20) {
        improved = 0;
        /* single moves (and out/in when cases may stay out) */
        for (int c = 0; c < n; c++) {
            int a = x[c];
            int64_t cur = a >= 0 ? hscore(G, c, a) : 0;
            int bj = a;
            int64_t bv = cur;
            for (int j = 0; j < m; j++) {
                if (j == a) continue;
                int64_t s = hscore(G, c, j);
                if (s == GAP_FORBID || use[j] + G->size[c] > G->cap[j]) continue;
                if (s > bv) { bv = s; bj = j; }
            }
            if (!G->maa && a >= 0 && cur < 0 && bv <= 0) { bj = -1; bv = 0; }
            if (bj != a && (a >= 0 || bj >= 0) && bv > cur) {
                if (a >= 0) use[a] -= G->size[c];
                if (bj >= 0) use[bj] += G->size[c];
                x[c] = bj;
                improved = 1;
            }
        }
        /* swaps of two placed cases (or a placed case with an outside one); the filter
         * (the swap's gain from the padded tables, rows contiguous) rejects the O(n²) pairs
         * that cannot gain before the checks below */
        for (int c = 0; c < n; c++) G->lcur[c] = G->Sx[(size_t)c * (m + 1) + (size_t)(x[c] + 1)];
        for (int c = 0; c < n; c++) {
            int a = x[c];
            const int64_t *Sc = G->Sx + (size_t)c * (m + 1), *Ta = G->ST + (size_t)(a + 1) * n;
            for (int d = c + 1; d < n; d++) {
                int b = x[d];
                if (Sc[b + 1] + Ta[d] - G->lcur[c] - G->lcur[d] <= 0) continue; /* also a == b */
                int64_t before = (a >= 0 ? hscore(G, c, a) : 0) + (b >= 0 ? hscore(G, d, b) : 0);
                int64_t s1 = b >= 0 ? hscore(G, c, b) : 0, s2 = a >= 0 ? hscore(G, d, a) : 0;
                if (s1 == GAP_FORBID || s2 == GAP_FORBID) continue;
                if ((a < 0 || b < 0) && G->maa) continue;
                if (s1 + s2 <= before) continue;
                int64_t dc = G->size[d] - G->size[c];
                if (a >= 0 && use[a] + dc > G->cap[a]) continue;
                if (b >= 0 && use[b] - dc > G->cap[b]) continue;
                if (a >= 0) use[a] += dc;
                if (b >= 0) use[b] -= dc;
                x[c] = b;
                x[d] = a;
                G->lcur[c] = Sc[b + 1];
                G->lcur[d] = Ta[d];
                a = b;
                Ta = G->ST + (size_t)(a + 1) * n;
                improved = 1;
            }
        }
    }
}

static void try_incumbent(gap_t *G, const int *x) {
    int64_t v = 0;
    /* checked here once more, cheaply: only feasible assignments become incumbents */
    for (int j = 0; j < G->m; j++) G->huse[j] = 0;
    for (int c = 0; c < G->n; c++) {
        if (x[c] < 0) { if (G->maa) return; continue; }
        if (hscore(G, c, x[c]) == GAP_FORBID) return;
        v += hscore(G, c, x[c]);
        G->huse[x[c]] += G->size[c];
    }
    for (int j = 0; j < G->m; j++)
        if (G->huse[j] > G->cap[j]) return; /* cannot happen: the heuristic respects capacities */
    if (!G->have_inc || v > G->inc) {
        G->have_inc = 1;
        G->inc = v;
        if (!G->have_cut || v > G->cut) { G->have_cut = 1; G->cut = v; }
        memcpy(G->inc_x, x, sizeof(int) * (size_t)G->n);
        GAP_TRACE("gap: incumbent %lld at %.2f s, node %ld\n", (long long)v, now_s() - G->t0, G->nodes);
        if (v >= G->ubk) G->aborted = 1; /* meets the proved bound: optimal, stop the round */
    }
}

/* families by decreasing size, ties by index (insertion sort: no global state for qsort,
 * so the solver is reentrant and can run without the GIL in several threads) */
static void sort_by_size_desc(int *a, int k, const int64_t *size) {
    for (int i = 1; i < k; i++) {
        int v = a[i], p = i - 1;
        while (p >= 0 && (size[a[p]] < size[v] || (size[a[p]] == size[v] && a[p] > v))) { a[p + 1] = a[p]; p--; }
        a[p + 1] = v;
    }
}

static void heuristic(gap_t *G, const node_t *N, const double *u) {
    int n = G->n, m = G->m;
    int *x = G->hx;
    int64_t *use = G->huse;
    for (int j = 0; j < m; j++) use[j] = 0;
    int k = 0;
    for (int c = 0; c < n; c++) {
        x[c] = -1;
        if (N->fix[c] >= 0) x[c] = N->fix[c];
        else if (N->fix[c] == -2) {
            int bj = -1;
            double bv = -DBL_MAX;
            for (int j = 0; j < m; j++)
                if (G->chosen[(size_t)c * m + j] && (double)hscore(G, c, j) > bv) { bv = (double)hscore(G, c, j); bj = j; }
            x[c] = bj;
            if (bj < 0) G->order[k++] = c;
        }
        if (x[c] >= 0) use[x[c]] += G->size[c];
    }
    (void)u;
    sort_by_size_desc(G->order, k, G->size);
    for (int i = 0; i < k; i++) {
        int c = G->order[i];
        int bj = -1;
        int64_t bv = INT64_MIN;
        for (int j = 0; j < m; j++) {
            int64_t s = hscore(G, c, j);
            if (s == GAP_FORBID || use[j] + G->size[c] > G->cap[j]) continue;
            if (s > bv) { bv = s; bj = j; }
        }
        if (bj < 0 || (!G->maa && bv <= 0)) {
            if (G->maa) {
                /* one ejection: move some case d out of a municipality j to make room */
                int done = 0;
                for (int j = 0; j < m && !done; j++) {
                    if (hscore(G, c, j) == GAP_FORBID) continue;
                    for (int d = 0; d < n && !done; d++) {
                        if (x[d] != j || G->size[d] + G->cap[j] - use[j] < G->size[c]) continue;
                        for (int j2 = 0; j2 < m; j2++) {
                            if (j2 == j || hscore(G, d, j2) == GAP_FORBID || use[j2] + G->size[d] > G->cap[j2]) continue;
                            if (use[j] - G->size[d] + G->size[c] > G->cap[j]) continue;
                            x[d] = j2; use[j2] += G->size[d]; use[j] -= G->size[d];
                            x[c] = j; use[j] += G->size[c];
                            done = 1;
                            break;
                        }
                    }
                }
                if (!done) return; /* give up this time */
            }
            continue;
        }
        x[c] = bj;
        use[bj] += G->size[c];
    }
    uint64_t h = 1469598103934665603ull; /* FNV-1a over the places */
    for (int c = 0; c < n; c++) h = (h ^ (uint64_t)(uint32_t)(x[c] + 1)) * 1099511628211ull;
    for (int i = 0; i < GAP_HCACHE; i++)
        if (G->hcache[i] == h) return; /* repaired, searched and tried before */
    G->hcache[G->hcpos] = h;
    G->hcpos = (G->hcpos + 1) % GAP_HCACHE;
    local_search(G, x, use);
    try_incumbent(G, x);
}

/* ---------- transportation check ---------- */
/* With every case to be placed, a node is infeasible when even the fractional assignment
 * (x_cj in [0,1], Σ_j x_cj = 1, Σ_c size_c x_cj <= rcap_j over the allowed options) does not
 * exist, i.e. when the max flow source -> case (size_c) -> municipality -> sink (rcap_j)
 * is below the free cases' total size. The Lagrangian bound proves this only in the limit
 * (its dual is unbounded), and the subgradient's steps towards the cutoff are too short to
 * get there (issue 17: the nodes of p500x21-s3-all that stalled were of this kind). */
static void flow_edge(gap_t *G, int *ne, int a, int b, int64_t cap) {
    int e = (*ne)++;
    G->fto[e] = b; G->fcap[e] = cap; G->fnext[e] = G->fhead[a]; G->fhead[a] = e;
    e = (*ne)++;
    G->fto[e] = a; G->fcap[e] = 0; G->fnext[e] = G->fhead[b]; G->fhead[b] = e;
}

static int64_t flow_push(gap_t *G, int v, int t, int64_t f) {
    if (v == t) return f;
    for (int *e = &G->fiter[v]; *e >= 0; *e = G->fnext[*e]) {
        int w = G->fto[*e];
        if (G->fcap[*e] <= 0 || G->flevel[w] != G->flevel[v] + 1) continue;
        int64_t d = flow_push(G, w, t, f < G->fcap[*e] ? f : G->fcap[*e]);
        if (d > 0) { G->fcap[*e] -= d; G->fcap[*e ^ 1] += d; return d; }
    }
    return 0;
}

/* 1 when the free cases of N that must be placed (all with must_assign_all; otherwise those
 * for which staying out cannot beat the cut) cannot be placed even fractionally. */
static int transport_infeasible(gap_t *G, const node_t *N) {
    int n = G->n, m = G->m, src = n + m, snk = n + m + 1, ne = 0;
    int64_t need = 0, got = 0;
    for (int c = 0; c < n && !need; c++) if (N->fix[c] == -2 && !N->outok[c]) need = 1;
    if (!need) return 0;
    need = 0;
    for (int v = 0; v < n + m + 2; v++) G->fhead[v] = -1;
    for (int c = 0; c < n; c++) {
        if (N->fix[c] != -2 || N->outok[c]) continue;
        need += G->size[c];
        flow_edge(G, &ne, src, c, G->size[c]);
        for (int j = 0; j < m; j++)
            if (N->allow[(size_t)c * m + j] && G->size[c] <= N->rcap[j]) flow_edge(G, &ne, c, n + j, G->size[c]);
    }
    for (int j = 0; j < m; j++) if (N->rcap[j] > 0) flow_edge(G, &ne, n + j, snk, N->rcap[j]);
    for (;;) { /* Dinic: BFS levels, then blocking flows by DFS (depth at most n + m + 2) */
        for (int v = 0; v < n + m + 2; v++) G->flevel[v] = -1;
        int qh = 0, qt = 0;
        G->fqueue[qt++] = src;
        G->flevel[src] = 0;
        while (qh < qt) {
            int v = G->fqueue[qh++];
            for (int e = G->fhead[v]; e >= 0; e = G->fnext[e])
                if (G->fcap[e] > 0 && G->flevel[G->fto[e]] < 0) {
                    G->flevel[G->fto[e]] = G->flevel[v] + 1;
                    G->fqueue[qt++] = G->fto[e];
                }
        }
        if (G->flevel[snk] < 0) break;
        for (int v = 0; v < n + m + 2; v++) G->fiter[v] = G->fhead[v];
        int64_t f;
        while ((f = flow_push(G, src, snk, INT64_MAX)) > 0) got += f;
    }
    if (got < need) { G->flow_prunes++; return 1; }
    return 0;
}

/* ---------- the node's LP bound through its capacity duals ---------- */
/* For every w >= 0,  h(w) = cobj + Σ_j rcap_j w_j + Σ_c max(0 if the case may stay out,
 * max_j (S_cj - size_c w_j))  over the free cases and their allowed options bounds the node's
 * LP relaxation from above (its dual, with the assignment rows' duals eliminated). With only
 * m multipliers a short projected subgradient run (warm-started from the parent) often finds
 * a w that shows the node cannot beat the cut, where the Lagrangian over the n assignment
 * rows needs far more steps. Returns 1 when the node can be cut. */
#define LP_CUT_ITERS 60
static int lp_cut(gap_t *G, node_t *N) {
    int n = G->n, m = G->m;
    double goal = (double)G->cut + 1.0 - 1e-6, lambda = 1.0, best = DBL_MAX;
    double *w = N->w, *g = G->lg;
    for (int it = 0; it < LP_CUT_ITERS; it++) {
        double h = (double)N->cobj;
        for (int j = 0; j < m; j++) { h += (double)N->rcap[j] * w[j]; g[j] = (double)N->rcap[j]; }
        for (int c = 0; c < n; c++) {
            if (N->fix[c] != -2) continue;
            double bv = N->outok[c] ? 0.0 : -DBL_MAX;
            int bj = -1;
            for (int j = 0; j < m; j++) {
                size_t cj = (size_t)c * m + j;
                if (!N->allow[cj] || G->size[c] > N->rcap[j]) continue;
                double v = (double)G->S[cj] - (double)G->size[c] * w[j];
                if (v > bv) { bv = v; bj = j; }
            }
            if (bv == -DBL_MAX) { G->lp_prunes++; return 1; } /* a case with no place left */
            if (bj >= 0) g[bj] -= (double)G->size[c];
            h += bv;
        }
        if (h < goal) { G->lp_prunes++; return 1; }
        if (h < best - 1e-9) best = h; else lambda *= 0.7;
        double g2 = 0;
        for (int j = 0; j < m; j++) {
            if (w[j] <= 0 && g[j] > 0) g[j] = 0; /* projection onto w >= 0 */
            g2 += g[j] * g[j];
        }
        if (g2 == 0 || lambda < 1e-3) break; /* w minimises h (or no progress) */
        double t = lambda * (h - goal + 1.0) / g2;
        for (int j = 0; j < m; j++) { w[j] -= t * g[j]; if (w[j] < 0) w[j] = 0; }
    }
    return 0;
}

/* ---------- node: subgradient, fixing ---------- */
/* Runs up to maxit subgradient steps from N->u; leaves the best multipliers in N->u and the
 * Lagrangian solution at them in G->chosen/cnt. Returns the best bound. *solved = 1 when the
 * Lagrangian solution at some u is feasible with zero complementary-slackness loss. */
static double subgradient(gap_t *G, node_t *N, int maxit, int *solved, double *bu) {
    int n = G->n;
    double bestL = DBL_MAX, g2;
    int noimp = 0;
    *solved = 0;
    memcpy(bu, N->u, sizeof(double) * (size_t)n);
    for (int it = 0; it < maxit; it++) {
        double L = lag_eval(G, N, N->u, &g2);
        if (L < bestL - 1e-9) {
            if (L < bestL - 0.01) noimp = 0; else noimp++;
            bestL = L;
            memcpy(bu, N->u, sizeof(double) * (size_t)n);
        } else noimp++;
        if (g2 == 0) { /* Lagrangian solution feasible and complementary: node solved */
            heuristic(G, N, N->u);
            *solved = 1;
            break;
        }
        /* every 20 steps: the heuristic (its local search) was 80 % of the time at every 10;
         * measured on the hard tail of bench_persons, 20 and 40 both about halve it */
        if (it % 20 == 0) heuristic(G, N, N->u);
        if (cannot_improve(G, bestL)) break;
        if (noimp >= 8) { N->lambda *= 0.6; noimp = 0; }
        if (N->lambda < 0.005) break;
        double target = G->have_cut ? (double)G->cut + 0.5 : L - 0.05 * fabs(L) - 1;
        if (G->defl > 0) {
            /* deflected subgradient (Camerini-Fratta-Maffioli): d = g + beta d_prev,
             * beta chosen so that d does not turn back against the previous direction */
            double gd = 0, dd = 0;
            for (int c = 0; c < n; c++) if (N->fix[c] == -2) { gd += G->g[c] * G->dprev[c]; dd += G->dprev[c] * G->dprev[c]; }
            double beta = (it > 0 && gd < 0 && dd > 0) ? -G->defl * gd / dd : 0.0;
            double d2 = 0;
            for (int c = 0; c < n; c++) {
                G->dprev[c] = N->fix[c] == -2 ? G->g[c] + beta * G->dprev[c] : 0.0;
                d2 += G->dprev[c] * G->dprev[c];
            }
            double t = N->lambda * (L - target) / (d2 > 0 ? d2 : g2);
            for (int c = 0; c < n; c++) {
                if (N->fix[c] != -2) continue;
                N->u[c] -= t * G->dprev[c];
                if (N->outok[c] && N->u[c] < 0) N->u[c] = 0;
            }
        } else {
        double t = N->lambda * (L - target) / g2;
        for (int c = 0; c < n; c++) {
            if (N->fix[c] != -2) continue;
            N->u[c] -= t * G->g[c];
            if (N->outok[c] && N->u[c] < 0) N->u[c] = 0;
        }
        }
        if (G->aborted || (G->tlim > 0 && now_s() - G->t0 > G->tlim)) { G->aborted = 1; break; }
    }
    memcpy(N->u, bu, sizeof(double) * (size_t)n);
    return bestL;
}

/* Exact Lagrangian bounds of "c -> j" and "c stays out" at multipliers u (bound L).
 * Removes options that cannot beat the incumbent. Returns -1 if the node is infeasible or
 * pruned, else the number of removed options. Fills G->kin/kout. */
static int fix_vars(gap_t *G, node_t *N, const double *u, double L) {
    int n = G->n, m = G->m;
    int removed = 0;
    for (int j = 0; j < m; j++) {
        int64_t cap = N->rcap[j];
        size_t W = (size_t)cap + 1;
        int k = knap_items(G, N, j, u);
        /* backward tables: B[i] = best of items i..k-1 with weight ≤ w */
        double *B = G->Btab;
        for (size_t w = 0; w < W; w++) B[(size_t)k * W + w] = 0.0;
        for (int i = k - 1; i >= 0; i--) {
            int c = G->items[i];
            int64_t wi = G->size[c];
            double p = (double)G->S[(size_t)c * m + j] - u[c];
            double *dst = B + (size_t)i * W, *src = B + (size_t)(i + 1) * W;
            for (size_t w = 0; w < W; w++) dst[w] = src[w];
            for (int64_t w = wi; w <= cap; w++) {
                double v = src[w - wi] + p;
                if (v > dst[w]) dst[w] = v;
            }
        }
        double full = B[cap];
        /* defaults for every free case: out = full; in = p + full(cap - w) (not in list) */
        for (int c = 0; c < n; c++) {
            size_t cj = (size_t)c * m + j;
            G->kout[cj] = full;
            if (N->fix[c] != -2 || !N->allow[cj] || G->size[c] > cap) G->kin[cj] = -DBL_MAX;
            else G->kin[cj] = (double)G->S[cj] - u[c] + B[(size_t)(cap - G->size[c])];
        }
        double *F = G->Frow;
        for (size_t w = 0; w < W; w++) F[w] = 0.0;
        for (int i = 0; i < k; i++) {
            int c = G->items[i];
            int64_t wi = G->size[c];
            double p = (double)G->S[(size_t)c * m + j] - u[c];
            const double *Bn = B + (size_t)(i + 1) * W;
            double vo = -DBL_MAX, vi = -DBL_MAX;
            for (int64_t w = 0; w <= cap; w++) {
                double v = F[w] + Bn[cap - w];
                if (v > vo) vo = v;
            }
            for (int64_t w = 0; w <= cap - wi; w++) {
                double v = F[w] + Bn[cap - wi - w];
                if (v > vi) vi = v;
            }
            size_t cj = (size_t)c * m + j;
            G->kout[cj] = vo;
            G->kin[cj] = vi + p;
            for (int64_t w = cap; w >= wi; w--) {
                double v = F[w - wi] + p;
                if (v > F[w]) F[w] = v;
            }
        }
        G->kval[j] = full;
    }
    /* L at u recomputed from the tables (same as the subgradient's) */
    double Lu = (double)N->cobj;
    for (int c = 0; c < n; c++)
        if (N->fix[c] == -2) Lu += u[c];
    for (int j = 0; j < m; j++) Lu += G->kval[j];
    (void)L;
    G->Lfix = Lu;
    if (cannot_improve(G, Lu)) return -1;
    for (int c = 0; c < n; c++) {
        if (N->fix[c] != -2) continue;
        double dsum = 0;
        for (int j = 0; j < m; j++) dsum += G->kval[j] - G->kout[(size_t)c * m + j];
        int left = 0, last = -1;
        for (int j = 0; j < m; j++) {
            size_t cj = (size_t)c * m + j;
            if (!N->allow[cj]) continue;
            if (G->size[c] > N->rcap[j]) { N->allow[cj] = 0; removed++; continue; }
            double bj = Lu - u[c] - (dsum - (G->kval[j] - G->kout[cj])) - G->kval[j] + G->kin[cj] + u[c];
            /* bj = Lu - dsum_without_j - kval_j + kin_j: u_c cancels (c leaves Σu, enters kin) */
            if (cannot_improve(G, bj)) { N->allow[cj] = 0; removed++; continue; }
            left++;
            last = j;
        }
        int out_ok = 0;
        if (N->outok[c]) { /* once staying out cannot beat the cut, the case's row is Σx = 1 */
            double bo = Lu - u[c] - dsum;
            out_ok = !cannot_improve(G, bo);
            if (!out_ok) { N->outok[c] = 0; removed++; }
        }
        if (left == 0 && !out_ok) return -1;
        if (left == 0) { /* must stay out */
            N->fix[c] = -1;
            Lu -= u[c];
            removed++;
        } else if (left == 1 && !out_ok) {
            N->fix[c] = last;
            N->rcap[last] -= G->size[c];
            N->cobj += G->S[(size_t)c * m + last];
            removed++;
            if (N->rcap[last] < 0) return -1;
        }
    }
    return removed;
}

static void node_copy(const gap_t *G, node_t *dst, const node_t *src) {
    memcpy(dst->allow, src->allow, (size_t)G->n * G->m);
    memcpy(dst->fix, src->fix, sizeof(int) * (size_t)G->n);
    memcpy(dst->rcap, src->rcap, sizeof(int64_t) * (size_t)G->m);
    memcpy(dst->u, src->u, sizeof(double) * (size_t)G->n);
    memcpy(dst->w, src->w, sizeof(double) * (size_t)G->m);
    memcpy(dst->outok, src->outok, (size_t)G->n);
    dst->cobj = src->cobj;
    dst->lambda = src->lambda;
}

static int node_alloc(const gap_t *G, node_t *N) {
    N->allow = malloc((size_t)G->n * G->m);
    N->fix = malloc(sizeof(int) * (size_t)G->n);
    N->rcap = malloc(sizeof(int64_t) * (size_t)G->m);
    N->u = malloc(sizeof(double) * (size_t)G->n);
    N->w = calloc((size_t)G->m, sizeof(double));
    N->outok = malloc((size_t)G->n + 1);
    return N->allow && N->fix && N->rcap && N->u && N->w && N->outok ? 0 : -1;
}
static void node_free(node_t *N) { free(N->allow); free(N->fix); free(N->rcap); free(N->u); free(N->w); free(N->outok); }

typedef struct { int j; double b; } child_t;
static int cmp_child(const void *a, const void *b) {
    double x = ((const child_t *)a)->b, y = ((const child_t *)b)->b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* depth-first search; returns the node's proved bound (for gap reporting when aborted) */
static double search(gap_t *G, node_t *N, int depth) {
    int n = G->n, m = G->m;
    if (G->nodes >= G->max_nodes) { G->aborted = 1; return DBL_MAX; } /* the node limit */
    G->nodes++;
    double *bu = malloc(sizeof(double) * (size_t)n);
    if (!bu) { G->aborted = G->oom = 1; return DBL_MAX; }
    double L = DBL_MAX;
    int solved = 0;
    int rounds = 0;
    for (int j = 0; j < m; j++)
        if (N->rcap[j] < 0) { free(bu); return -DBL_MAX; } /* fixed cases overfill j */
    if (transport_infeasible(G, N) || lp_cut(G, N)) { free(bu); return -DBL_MAX; }
    for (;;) {
        int maxit = depth == 0 ? (rounds == 0 ? 3000 : 300) : (rounds == 0 ? G->it_first : G->it_next);
        L = subgradient(G, N, maxit, &solved, bu);
        if (solved || cannot_improve(G, L) || G->aborted) break;
        int r = fix_vars(G, N, N->u, L);
        if (r < 0 || (r > 0 && (transport_infeasible(G, N) || lp_cut(G, N)))) { L = -DBL_MAX; solved = 1; break; }
        rounds++;
        if (r == 0 || rounds > 6) break;
        N->lambda = fmax(N->lambda, 0.1);
    }
    if (solved || cannot_improve(G, L)) { free(bu); return solved && L == -DBL_MAX ? -DBL_MAX : L; }
    if (G->aborted) { free(bu); return L; }
    /* option bounds at the best u (exact for this u), then branch on the case whose best
     * child bound is lowest: Lagrangian probing, free once the tables exist. Tables computed
     * before fix_vars removed options stay valid upper bounds for the smaller node. */
    double g2;
    if (G->brule == 1) lag_eval(G, N, N->u, &g2); /* cnt[] at the best u */
    int r = fix_vars(G, N, N->u, L);
    if (r < 0) { free(bu); return -DBL_MAX; }
    double Lu = G->Lfix;
    int bc = -1, bsurv = 0;
    double bmax = DBL_MAX;
    for (int c = 0; c < n; c++) {
        if (N->fix[c] != -2) continue;
        double dsum = 0, mx = -DBL_MAX;
        int surv = 0;
        for (int j = 0; j < m; j++) dsum += G->kval[j] - G->kout[(size_t)c * m + j];
        for (int j = 0; j < m; j++) {
            size_t cj = (size_t)c * m + j;
            if (!N->allow[cj] || G->size[c] > N->rcap[j]) continue;
            double b = Lu - (dsum - (G->kval[j] - G->kout[cj])) - G->kval[j] + G->kin[cj];
            if (cannot_improve(G, b)) continue;
            surv++;
            if (b > mx) mx = b;
        }
        if (N->outok[c]) {
            double b = Lu - N->u[c] - dsum;
            if (!cannot_improve(G, b)) { surv++; if (b > mx) mx = b; }
        }
        if (surv < 2 && !(surv == 0)) continue; /* one option left: not a branching case */
        if (surv == 0) { free(bu); return -DBL_MAX; } /* no option can beat the cutoff */
        if (G->brule == 1) { /* conflict in the Lagrangian solution, large family, few options */
            double sc = (G->cnt[c] != 1 ? 1000.0 : 0.0) + (double)G->size[c] * 10.0 - surv;
            if (bc < 0 || sc > -bmax) { bmax = -sc; bc = c; bsurv = surv; }
            continue;
        }
        if (mx < bmax - 1e-9 || (mx < bmax + 1e-9 && (surv < bsurv || (surv == bsurv && bc >= 0 && G->size[c] > G->size[bc])))) {
            bmax = mx; bc = c; bsurv = surv;
        }
    }
    if (bc < 0) { /* every free case has one surviving option: re-solve with them fixed */
        int changed = 0;
        for (int c = 0; c < n; c++) {
            if (N->fix[c] != -2) continue;
            for (int j = 0; j < m; j++) {
                size_t cj = (size_t)c * m + j;
                if (!N->allow[cj]) continue;
                double dsum = 0;
                for (int k = 0; k < m; k++) dsum += G->kval[k] - G->kout[(size_t)c * m + k];
                double b = Lu - (dsum - (G->kval[j] - G->kout[cj])) - G->kval[j] + G->kin[cj];
                if (cannot_improve(G, b) || G->size[c] > N->rcap[j]) { N->allow[cj] = 0; changed = 1; }
            }
        }
        G->nodes--;
        free(bu);
        if (!changed) return L; /* cannot happen: kept for safety */
        return search(G, N, depth);
    }
    double dsum = 0;
    for (int j = 0; j < m; j++) dsum += G->kval[j] - G->kout[(size_t)bc * m + j];
    child_t *ch = malloc(sizeof(child_t) * (size_t)(m + 1));
    if (!ch) { free(bu); G->aborted = G->oom = 1; return L; }
    int nc = 0;
    for (int j = 0; j < m; j++) {
        size_t cj = (size_t)bc * m + j;
        if (!N->allow[cj]) continue;
        ch[nc].j = j;
        ch[nc].b = Lu - (dsum - (G->kval[j] - G->kout[cj])) - G->kval[j] + G->kin[cj];
        nc++;
    }
    if (N->outok[bc]) { ch[nc].j = -1; ch[nc].b = Lu - N->u[bc] - dsum; nc++; }
    qsort(ch, (size_t)nc, sizeof(child_t), cmp_child);
    node_t C;
    if (node_alloc(G, &C)) { node_free(&C); free(ch); free(bu); G->aborted = G->oom = 1; return L; }
    double worst = -DBL_MAX;
    for (int i = 0; i < nc; i++) {
        if (cannot_improve(G, ch[i].b)) continue;
        if (G->aborted) { if (ch[i].b > worst) worst = ch[i].b; continue; }
        int j = ch[i].j;
        if (j >= 0 && G->size[bc] > N->rcap[j]) continue;
        node_copy(G, &C, N);
        C.fix[bc] = j;
        if (j >= 0) { C.rcap[j] -= G->size[bc]; C.cobj += G->S[(size_t)bc * m + j]; }
        double b = search(G, &C, depth + 1);
        if (G->aborted && b > worst) worst = fmin(b, ch[i].b);
    }
    node_free(&C);
    free(ch);
    free(bu);
    return G->aborted ? worst : -DBL_MAX;
}

int regint__match_gap(int n, int m, const int64_t *size, const int64_t *cap, const int64_t *S, int maa,
                      double t_start, double time_limit, long max_nodes, int *x_out, regint__gap_result *res) {
    gap_t G;
    memset(&G, 0, sizeof G);
    G.n = n; G.m = m; G.maa = maa; G.size = size; G.cap = cap; G.S = S;
    G.ubk = INT64_MAX;
    G.t0 = t_start; G.tlim = time_limit; G.max_nodes = max_nodes > 0 ? max_nodes : LONG_MAX;
    /* the prototype's measured defaults: conflict branching, deflection 1.5, 400/100 steps */
    G.brule = 1;
    G.defl = 1.5;
    G.dprev = calloc((size_t)n + 1, sizeof(double));
    G.it_first = 400;
    G.it_next = 100;
    G.maxcap = 0;
    for (int j = 0; j < m; j++) if (cap[j] > G.maxcap) G.maxcap = cap[j];
    size_t W = (size_t)G.maxcap + 1;
    G.inc_x = malloc(sizeof(int) * (size_t)n);
    G.best = malloc(sizeof(double) * W);
    G.take = malloc((size_t)n * W + 1);
    G.Btab = malloc(sizeof(double) * (size_t)(n + 1) * W);
    G.Frow = malloc(sizeof(double) * W);
    G.items = malloc(sizeof(int) * (size_t)n + 1);
    G.chosen = malloc((size_t)n * m + 1);
    G.cnt = malloc(sizeof(int) * (size_t)n + 1);
    G.g = malloc(sizeof(double) * (size_t)n + 1);
    G.hx = malloc(sizeof(int) * (size_t)n + 1);
    G.huse = malloc(sizeof(int64_t) * (size_t)m);
    G.order = malloc(sizeof(int) * (size_t)n + 1);
    G.kin = malloc(sizeof(double) * (size_t)n * m + 1);
    G.kout = malloc(sizeof(double) * (size_t)n * m + 1);
    G.kval = malloc(sizeof(double) * (size_t)m);
    size_t fv = (size_t)n + m + 2, fe = 2 * ((size_t)n * m + n + m) + 2;
    G.fhead = malloc(sizeof(int) * fv);
    G.flevel = malloc(sizeof(int) * fv);
    G.fiter = malloc(sizeof(int) * fv);
    G.fqueue = malloc(sizeof(int) * fv);
    G.fnext = malloc(sizeof(int) * fe);
    G.fto = malloc(sizeof(int) * fe);
    G.fcap = malloc(sizeof(int64_t) * fe);
    G.lg = malloc(sizeof(double) * (size_t)m);
    G.Sx = malloc(sizeof(int64_t) * (size_t)n * (m + 1));
    G.ST = malloc(sizeof(int64_t) * (size_t)n * (m + 1));
    G.lcur = malloc(sizeof(int64_t) * (size_t)n);
    for (int c = 0; G.Sx && G.ST && c < n; c++) {
        G.Sx[(size_t)c * (m + 1)] = G.ST[c] = 0;
        for (int j = 0; j < m; j++) {
            int64_t v = S[(size_t)c * m + j] == GAP_FORBID ? GAP_LS_FORBID : S[(size_t)c * m + j];
            G.Sx[(size_t)c * (m + 1) + (size_t)j + 1] = G.ST[(size_t)(j + 1) * n + (size_t)c] = v;
        }
    }
    node_t R, W0;
    memset(&R, 0, sizeof R);
    memset(&W0, 0, sizeof W0);
    double ub = DBL_MAX;
    double *bu = malloc(sizeof(double) * (size_t)n);
    if (node_alloc(&G, &R) || node_alloc(&G, &W0) || !bu || !G.dprev || !G.inc_x || !G.best || !G.take ||
        !G.Btab || !G.Frow || !G.items || !G.chosen || !G.cnt || !G.g || !G.hx || !G.huse || !G.order ||
        !G.kin || !G.kout || !G.kval || !G.fhead || !G.flevel || !G.fiter || !G.fqueue || !G.fnext || !G.fto ||
        !G.fcap || !G.lg || !G.Sx || !G.ST || !G.lcur) {
        G.oom = G.aborted = 1;
        free(bu);
        goto out;
    }
    R.cobj = 0;
    R.lambda = 1.0;
    for (int j = 0; j < m; j++) R.rcap[j] = cap[j];
    for (int c = 0; c < n; c++) {
        R.fix[c] = -2;
        R.outok[c] = !maa;
        /* start: u_c = second-best score (each case is then profitable in about one place) */
        int64_t b1 = INT64_MIN, b2 = INT64_MIN;
        for (int j = 0; j < m; j++) {
            int64_t s = S[(size_t)c * m + j];
            R.allow[(size_t)c * m + j] = s != GAP_FORBID;
            if (s == GAP_FORBID) continue;
            if (s > b1) { b2 = b1; b1 = s; } else if (s > b2) b2 = s;
        }
        R.u[c] = b2 != INT64_MIN ? (double)b2 : b1 != INT64_MIN ? (double)b1 - 1 : 0;
        if (!maa && R.u[c] < 0) R.u[c] = 0;
    }
    /* Every assignment is worth at least lb0 (each case at its worst allowed place, or out),
     * so searching above lb0 - 1 is complete; it also keeps the bounds of infeasible nodes
     * from running off to -infinity. */
    int64_t lb0 = 0;
    int dead = 0;
    for (int c = 0; c < n; c++) {
        int64_t mn = maa ? INT64_MAX : 0;
        for (int j = 0; j < m; j++) {
            int64_t s = S[(size_t)c * m + j];
            if (s != GAP_FORBID && s < mn) mn = s;
        }
        if (mn == INT64_MAX) dead = 1; /* a case with no allowed municipality */
        else lb0 += mn;
    }
    G.have_cut = 1;
    G.cut = lb0 - 1;
    /* Root bound first (with the heuristic incumbent as the only cutoff). */
    int solved = 0;
    ub = subgradient(&G, &R, 3000, &solved, bu);
    free(bu);
    if (solved) ub = G.have_inc ? (double)G.inc : ub;
    ub = floor(ub + 1e-6); /* proved: optimum <= ub (integer objective) */
    /* Iterative target search: search only for assignments of value >= T + 1 with T a
     * little below the bound ub, which lets the Lagrangian fixing remove almost every option. If the
     * search finds one, the result is optimal (nodes were only cut when they could not beat
     * max(T, incumbent)). If it finds none, the optimum is <= T: lower the target.
     * One unit at a time while the incumbent is within GAP_LINEAR_GAP of the bound: every
     * round then keeps the strongest cut that is still valid, and the rounds above the
     * optimum take few nodes (issue 17: p500x21-s3-all went from not proved in 60 CPU s with
     * ub - 2, ub - 4, ub - 8, ... to proved in 28 s). Farther away (no incumbent, or an
     * infeasible instance whose bound is far above lb0) the step doubles from 2, so the
     * number of rounds stays logarithmic. */
    double delta = 2;
    int done = solved || dead;
    if (ub < (double)lb0) done = 1; /* the root bound proves infeasibility */
    GAP_TRACE("gap: root bound %.0f, incumbent %lld at %.2f s\n", ub, (long long)G.inc, now_s() - G.t0);
    while (!done && !G.aborted) {
        if (G.have_inc && (double)G.inc >= ub) break; /* incumbent meets the bound */
        int linear = G.have_inc && ub - (double)G.inc <= GAP_LINEAR_GAP;
        double T = linear ? ub - 1 : ub - delta;
        if (T < (double)lb0 - 1) T = (double)lb0 - 1;
        if (G.have_inc && T <= (double)G.inc) T = (double)G.inc;
        G.have_cut = 1;
        G.cut = (int64_t)T;
        if (G.have_inc && G.inc > G.cut) G.cut = G.inc;
        G.ubk = (int64_t)ub;
        node_copy(&G, &W0, &R);
        W0.lambda = 0.5;
        long n0 = G.nodes;
        double rb = search(&G, &W0, 0);
        GAP_TRACE("gap: round T %.0f (cut %lld): %ld nodes, incumbent %lld, %s at %.2f s; cut by flow %ld, LP %ld\n",
                  T, (long long)G.cut, G.nodes - n0, (long long)G.inc, G.aborted ? "stopped" : "done", now_s() - G.t0,
                  G.flow_prunes, G.lp_prunes);
        /* aborted: nodes cut under T may hold values in (incumbent, T], so only the
         * bound proved by earlier rounds stands */
        (void)rb;
        if (G.aborted) break;
        if (G.have_inc && (double)G.inc >= T) { ub = (double)G.inc; break; }
        ub = T; /* nothing of value >= T + 1 exists */
        if (G.have_inc && (double)G.inc >= ub) break;
        if (T <= (double)lb0 - 1) break; /* nothing at all exists: proved infeasible */
        if (!linear) delta *= 2;
    }
out:
    node_free(&W0);
    node_free(&R);
    res->nodes = G.nodes;
    res->iters = G.iters;
    res->feasible = G.have_inc;
    res->objective = G.have_inc ? G.inc : 0;
    res->optimal = G.have_inc && (double)G.inc >= ub;
    res->infeasible = !G.have_inc && !G.aborted; /* proved: no assignment exists */
    res->bound = ub;
    if (G.have_inc) memcpy(x_out, G.inc_x, sizeof(int) * (size_t)n);
    free(G.inc_x); free(G.best); free(G.take); free(G.Btab); free(G.Frow); free(G.items);
    free(G.chosen); free(G.cnt); free(G.g); free(G.hx); free(G.huse); free(G.order);
    free(G.kin); free(G.kout); free(G.kval); free(G.dprev);
    free(G.fhead); free(G.flevel); free(G.fiter); free(G.fqueue); free(G.fnext); free(G.fto); free(G.fcap); free(G.lg);
    free(G.Sx); free(G.ST); free(G.lcur);
    return G.oom ? -1 : 0;
}


/* ---------------------------------------------------------------------------------------- */
/* regint's persons unit through the solver above. */

/* Work per Lagrangian iteration (n × Σ (cap_j + 1)) and knapsack-table cells ((n + 1) ×
 * (max cap + 1)) above which the dynamic programs are too slow or too big; such instances
 * (capacities in the thousands of persons) keep the LP / Lagrangian method of
 * matching_mip.c. HIAS-size instances (500 cases × 25 municipalities, capacities ~100
 * persons) need ~10^6 and ~10^5. */
#define GAP_MAX_WORK 5e7
/* Measured up to 500 cases (bench_persons); larger instances keep the methods of
 * matching_mip.c until this solver is measured there. */
#define GAP_MAX_CASES 1000
#define GAP_MAX_CELLS 8e6

regint_status regint__match_gap_try(const regint__match_problem *p, int32_t *assign, int64_t *bound, int *optimal,
                                    int64_t *nodes, int *used)
{
    size_t n = p->n, m = p->m;
    *used = 0;
    if (!n || !m || n > GAP_MAX_CASES || m > (size_t)INT_MAX / 2)
        return REGINT_OK;
    double work = 0, maxcap = 0;
    for (size_t j = 0; j < m; j++) {
        work += (double)p->cap[j] + 1;
        if ((double)p->cap[j] > maxcap)
            maxcap = (double)p->cap[j];
    }
    if ((double)n * work > GAP_MAX_WORK || ((double)n + 1) * (maxcap + 1) > GAP_MAX_CELLS)
        return REGINT_OK;
    *used = 1;
    int64_t *S = malloc(n * m * sizeof *S), *size = malloc(n * sizeof *size);
    int *x = malloc(n * sizeof *x);
    regint_status st = REGINT_OK;
    if (!S || !size || !x) {
        st = regint__enomem();
        goto done;
    }
    int64_t demand = 0, capsum = 0;
    for (size_t c = 0; c < n; c++) {
        size[c] = regint__match_w(p, c);
        demand += size[c];
        for (size_t j = 0; j < m; j++) {
            int32_t a = regint__match_a(p, c, j);
            S[c * m + j] = a == REGINT__MATCH_FORBID ? REGINT__GAP_FORBID : (int64_t)a;
        }
    }
    for (size_t j = 0; j < m; j++)
        capsum += p->cap[j];
    regint__gap_result r;
    memset(&r, 0, sizeof r);
    long max_nodes = p->opt->max_nodes > 0 && p->opt->max_nodes < LONG_MAX ? (long)p->opt->max_nodes : 0;
    if (regint__match_gap((int)n, (int)m, size, p->cap, S, p->must_all, p->t_start, p->opt->time_limit, max_nodes,
                          x, &r)) {
        st = regint__enomem();
        goto done;
    }
    *nodes = r.nodes;
    if (r.infeasible) {
        st = regint__error(REGINT_EINFEASIBLE,
                           "must_assign_all: the %zu families (demand %lld persons) cannot be placed whole within "
                           "the capacities (total capacity %lld persons)",
                           n, (long long)demand, (long long)capsum);
        goto done;
    }
    if (!r.feasible) {
        st = regint__error(REGINT_ERANGE,
                           "must_assign_all: no assignment of the %zu families (demand %lld persons, total capacity "
                           "%lld persons) was found within the limits (%ld nodes) and infeasibility is not proved: "
                           "raise time_limit or max_nodes",
                           n, (long long)demand, (long long)capsum, r.nodes);
        goto done;
    }
    for (size_t c = 0; c < n; c++)
        assign[c] = x[c];
    *bound = r.bound >= (double)r.objective ? (int64_t)floor(r.bound + 1e-6) : r.objective;
    *optimal = r.optimal;
done:
    free(S);
    free(size);
    free(x);
    return st;
}
