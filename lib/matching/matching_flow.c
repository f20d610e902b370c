/* Capacity in cases: the transportation problem, solved exactly by successive shortest
 * paths on a compact network whose nodes are the municipalities.
 *
 * Cases are inserted one at a time at their best municipality under the current prices
 * p_m (the duals of the capacity rows). Invariant: every inserted case x sits at a
 * municipality maximising a[x][m] - p_m, and p_m > 0 only for full municipalities.
 * When an insertion overfills a municipality s, a shortest-path search over the
 * municipalities finds the cheapest chain of moves s -> m1 -> ... -> t ending at a
 * municipality with spare room (or at "unassigned" when cases may stay unassigned): first
 * a breadth-first search over arcs of reduced cost 0, else Dijkstra. The arc m -> m' costs
 * min over cases x at m of (a[x][m] - a[x][m']), plus the reduced-cost correction
 * p_m' - p_m; that minimum (with its count and the second smallest value) is kept per
 * (m, m') pair and recomputed only when no member reaches it any more. Prices are updated as in the primal-dual
 * method (p_m += D - d_m for nodes settled before the target), which keeps the invariant,
 * so the final assignment with the final prices satisfies complementary slackness: it is
 * an exact optimum. Scores are integers with |a| <= 2^29, so the per-pair minima fit in
 * 32 bits; distances and prices are 64-bit. */
#define _DEFAULT_SOURCE /* madvise, MADV_NOHUGEPAGE (Linux) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/alloc.h"
#include "util/bigalloc.h"
#include "util/error.h"
#include "matching/matching_internal.h"

#define FL_INF (INT64_MAX / 4)    /* unreached */
#define FL_NOEDGE INT32_MAX       /* no arc (no member may go to that column) */

/* Per (u, v) pair: the smallest key a[x][u] - a[x][v] over the cases x at u (in fl.cb, a
 * dense matrix read by every search), how many members reach it, and the second smallest
 * value with its count (nb2 = 0: not known). nb < 0 marks a minimum to be recomputed when u
 * is next searched. */
typedef struct colst {
    int32_t b2, nb, nb2;
} colst;

typedef struct fl {
    const regint__match_problem *p;
    size_t n, m, nn;     /* cases, municipalities, nodes (m + 1 with the "unassigned" node) */
    int dummy;           /* 1: node m is "unassigned" (score 0, unlimited) */
    int32_t *rows;       /* n × m: case x's integer scores from x·m on, written once ... */
    int16_t *rows16;     /* ... or here when every one fits; see fl_a */
    int32_t forbid;      /* the rows' mark of a forbidden pair: INT16_MIN in 16-bit rows */
    unsigned char *mats; /* rows, cb, cs, arg and tl in one allocation (huge pages) */
    size_t mats_bytes;
    int32_t **ids;       /* per municipality: member case ids */
    size_t *cnt, *bcap;
    int32_t *where;      /* per case: node, or -1 before insertion */
    int32_t *pos;        /* per case: row in its block */
    int64_t *load, *cap, *price;
    uint8_t *full;       /* 1 if load >= cap (no room) */
    int32_t *cb;         /* m × nn pair minima (FL_NOEDGE: no arc) */
    colst *cs;           /* m × nn their counts and second smallest values */
    int32_t *arg;        /* m × nn: a member reaching the minimum (-1: find when needed) */
    int64_t *dist, *key;
    int32_t *pred, *pcase, *order;
    size_t *stale;
    size_t *slen;        /* per node: how many columns are pending (nb < 0) */
    size_t *cols;        /* scratch: the pending columns of one node */
    /* cached lists of tight arcs (reduced cost 0) per node, for the zero-cost path search */
    int32_t *tl, *tlen;
    uint64_t *tepoch, epoch;  /* list valid while tepoch[u] == epoch; epoch moves with prices */
    uint32_t *vis, *rvis, stamp; /* BFS: reached, arcs relaxed (== stamp) */
} fl;

/* The integer score at offset i of the rows (x·m + j), f->forbid if forbidden. Half the
 * memory when the scores fit in 16 bits (permille scores do): at 2,000 × 357 it decides
 * whether the solver's block takes two or three huge pages. Comparing with f->forbid
 * rather than mapping INT16_MIN back saves 3 % of the solver's instructions. */
static inline int32_t fl_a(const fl *f, size_t i)
{
    return f->rows16 ? f->rows16[i] : f->rows[i];
}

static void fl_free(fl *f)
{
    if (f->ids)
        for (size_t i = 0; i < f->m; i++)
            free(f->ids[i]);
    free(f->ids);
    free(f->cnt);
    free(f->bcap);
    free(f->where);
    free(f->pos);
    free(f->load);
    free(f->cap);
    free(f->price);
    free(f->full);
    free(f->dist);
    free(f->key);
    free(f->pred);
    free(f->pcase);
    free(f->order);
    free(f->stale);
    free(f->slen);
    free(f->cols);
    regint__huge_free(f->mats, f->mats_bytes);
    free(f->tlen);
    free(f->tepoch);
    free(f->vis);
    free(f->rvis);
}

/* Column j of a node gains a member x with key k (skipped while a rescan is pending).
 * `duplicates` (issue 13) pairs its first branches with fl_rescan()'s loop. Kept apart: here
 * the second minimum is only kept up to date while it is known (nb2 > 0) and the witness is
 * filled on a tie; the rescan rebuilds both from scratch over every member. */
static inline void col_gain(colst *c, int32_t *b, int32_t *a, int32_t k, int32_t x)
{
    if (c->nb < 0)
        return;
    if (k < *b) {
        c->b2 = *b;
        c->nb2 = c->nb;
        *b = k;
        c->nb = 1;
        *a = x;
    } else if (k == *b) {
        c->nb++;
        if (*a < 0)
            *a = x;
    } else if (c->nb2 > 0) {
        if (k < c->b2) {
            c->b2 = k;
            c->nb2 = 1;
        } else if (k == c->b2) {
            c->nb2++;
        }
    }
}

/* Put case x at node v. */
static int fl_add(fl *f, int32_t x, size_t v)
{
    f->where[x] = (int32_t)v;
    f->load[v]++;
    f->full[v] = f->load[v] >= f->cap[v];
    if (v == f->m)
        return 0;
    f->tepoch[v] = 0;
    size_t m = f->m;
    if (f->cnt[v] == f->bcap[v]) {
        size_t nc = f->bcap[v] ? 2 * f->bcap[v] : 8;
        int32_t *ni = regint__reallocarray(f->ids[v], nc, sizeof(int32_t));
        if (!ni)
            return -1;
        f->ids[v] = ni;
        f->bcap[v] = nc;
    }
    size_t r = f->cnt[v]++;
    size_t row = (size_t)x * m;
    f->ids[v][r] = x;
    f->pos[x] = (int32_t)r;
    int32_t av = fl_a(f, row + v);
    colst *cs = f->cs + v * f->nn;
    int32_t *cb = f->cb + v * f->nn;
    int32_t *a = f->arg + v * f->nn;
    for (size_t j = 0; j < m; j++) {
        int32_t aj = fl_a(f, row + j);
        if (aj == f->forbid || j == v)
            continue;
        col_gain(cs + j, cb + j, a + j, av - aj, x);
    }
    if (f->dummy)
        col_gain(cs + m, cb + m, a + m, av, x);
    return 0;
}

/* The reduced cost of moving a member with score row `ri` from node u to column j (j == m:
 * the dummy, leaving it unassigned) in *k; 0 when the move is forbidden. Inline: it is the
 * search's innermost step. */
static inline int reduced_cost(const fl *f, size_t ri, size_t u, size_t j, size_t m, int32_t *k)
{
    if (j == m) {
        *k = fl_a(f, ri + u);
        return 1;
    }
    int32_t aj = fl_a(f, ri + j);
    if (aj == f->forbid)
        return 0;
    *k = fl_a(f, ri + u) - aj;
    return 1;
}

/* Recompute column j of node u (minimum, how many members reach it, one of them). */
static void fl_rescan(fl *f, size_t u, const size_t *cols, size_t ns)
{
    size_t m = f->m, nn = f->nn;
    colst *cs = f->cs + u * nn;
    int32_t *cb = f->cb + u * nn;
    int32_t *a = f->arg + u * nn;
    const int32_t *ids = f->ids[u];
    for (size_t s = 0; s < ns; s++) {
        colst *c = cs + cols[s];
        cb[cols[s]] = c->b2 = FL_NOEDGE;
        c->nb = c->nb2 = 0;
        a[cols[s]] = -1;
    }
    /* Per column: the smallest and second smallest reduced cost with their counts (the removal
     * step further down repairs the same two values for one row). Like col_gain()'s update,
     * which `duplicates` pairs with this loop; kept apart for the reason given there. */
    for (size_t i = 0; i < f->cnt[u]; i++) {
        size_t ri = (size_t)ids[i] * m;
        for (size_t s = 0; s < ns; s++) {
            size_t j = cols[s];
            colst *c = cs + j;
            int32_t k;
            if (!reduced_cost(f, ri, u, j, m, &k))
                continue;
            if (k < cb[j]) {
                c->b2 = cb[j];
                c->nb2 = c->nb;
                cb[j] = k;
                c->nb = 1;
                a[j] = ids[i];
            } else if (k == cb[j]) {
                c->nb++;
            } else if (k < c->b2) {
                c->b2 = k;
                c->nb2 = 1;
            } else if (k == c->b2) {
                c->nb2++;
            }
        }
    }
}

/* Recompute the pending columns of u. */
static void fl_resolve(fl *f, size_t u)
{
    if (!f->slen[u] || u == f->m)
        return;
    /* Found by a pass over u's columns rather than kept in an m × nn list: the searches
     * pass over them anyway, and the list cost 1 MB (a huge page) at 357 municipalities. */
    const colst *cs = f->cs + u * f->nn;
    size_t n = 0;
    for (size_t j = 0; j < f->nn; j++)
        if (cs[j].nb < 0)
            f->cols[n++] = j;
    fl_rescan(f, u, f->cols, n);
    f->slen[u] = 0;
}

/* A member of u reaching the minimum of column v (found lazily after its holder left). */
static int32_t fl_arg(fl *f, size_t u, size_t v)
{
    size_t m = f->m, nn = f->nn;
    fl_resolve(f, u);
    int32_t *a = f->arg + u * nn + v;
    if (*a >= 0)
        return *a;
    int32_t target = f->cb[u * nn + v];
    for (size_t i = 0; i < f->cnt[u]; i++) {
        size_t ri = (size_t)f->ids[u][i] * m;
        int32_t k;
        if (!reduced_cost(f, ri, u, v, m, &k))
            continue;
        if (k == target) {
            *a = f->ids[u][i];
            return *a;
        }
    }
    return -1; /* not reached: the count says a member exists */
}

/* Move case x from its node to node `to`. */
static int fl_move(fl *f, int32_t x, size_t to)
{
    size_t m = f->m, nn = f->nn;
    size_t u = (size_t)f->where[x];
    size_t r = (size_t)f->pos[x];
    size_t last = --f->cnt[u];
    if (r != last) {
        int32_t y = f->ids[u][last];
        f->ids[u][r] = y;
        f->pos[y] = (int32_t)r;
    }
    f->load[u]--;
    f->full[u] = f->load[u] >= f->cap[u];
    f->tepoch[u] = 0;
    /* Columns where x reached the minimum: one fewer. A column left without any member at
     * its minimum is recomputed later, together with others, when u is next searched. */
    colst *cs = f->cs + u * nn;
    int32_t *cb = f->cb + u * nn;
    int32_t *a = f->arg + u * nn;
    size_t row = (size_t)x * m;
    for (size_t j = 0; j < nn; j++) {
        colst *c = cs + j;
        int32_t k;
        if (j == u || c->nb < 0 || !reduced_cost(f, row, u, j, m, &k))
            continue;
        if (k == cb[j]) {
            if (--c->nb == 0) {
                if (c->nb2 > 0) { /* the second smallest becomes the minimum */
                    cb[j] = c->b2;
                    c->nb = c->nb2;
                    c->nb2 = 0;
                    a[j] = -1;
                } else {
                    c->nb = -1;
                    f->slen[u]++;
                }
            } else if (a[j] == x) {
                a[j] = -1;
            }
        } else if (c->nb2 > 0 && k == c->b2) {
            c->nb2--;
        }
    }
    return fl_add(f, x, to);
}

static regint_status fl_infeasible(fl *f, size_t nset)
{
    int64_t dem = 0, capsum = 0;
    char list[160];
    size_t len = 0;
    list[0] = '\0';
    for (size_t k = 0; k < nset; k++) {
        size_t u = (size_t)f->order[k];
        dem += f->load[u];
        capsum += f->cap[u];
        if (len < sizeof list - 24) {
            int w = snprintf(list + len, sizeof list - len, "%s%zu", k ? ", " : "", u);
            if (w > 0)
                len += (size_t)w;
        } else if (len < sizeof list - 5) {
            memcpy(list + len, ", …", 6);
            len = sizeof list;
        }
    }
    return regint__error(REGINT_EINFEASIBLE,
                         "must_assign_all: %lld cases can only be placed in %zu municipalities "
                         "(indices %s) whose total capacity is %lld cases (demand %lld > capacity %lld)",
                         (long long)dem, nset, list, (long long)capsum, (long long)dem,
                         (long long)capsum);
}

/* Relax every arc out of u, settled at distance du (dist, key = 2·dist + full, pred), and
 * return the unsettled node with the smallest key (nn if none). With `tight` (du = 0), also
 * collect u's tight arcs (reduced cost 0) there and set *ntight. Selection and relaxation
 * share one pass over the nodes. Settled nodes need no test: reduced costs are >= 0, so a
 * tentative distance via u is never below the distance of a node already settled. */
static inline size_t fl_relax(fl *f, size_t u, int64_t du, int32_t *tight, size_t *ntight)
{
    size_t nn = f->nn, nx = nn, k = 0;
    fl_resolve(f, u);
    const int32_t *cb = f->cb + u * nn;
    const int64_t *price = f->price;
    const uint8_t *full = f->full;
    int64_t *dist = f->dist, *key = f->key;
    int32_t *pred = f->pred;
    int64_t base = du - price[u], mn = INT64_MAX;
    for (size_t v = 0; v < nn; v++) {
        int64_t nd = cb[v] == FL_NOEDGE ? FL_INF : base + cb[v] + price[v];
        if (tight && nd == du && v != u)
            tight[k++] = (int32_t)v;
        if (nd < dist[v]) {
            dist[v] = nd;
            key[v] = 2 * nd + full[v];
            pred[v] = (int32_t)u;
        }
        if (key[v] < mn) {
            mn = key[v];
            nx = v;
        }
    }
    if (ntight)
        *ntight = k;
    return nx;
}

/* The tight arcs of u (reduced cost 0), recomputed when u's members or any price changed;
 * a recomputation also relaxes u's arcs for fl_augment (*relaxed = 1). */
static const int32_t *fl_tight(fl *f, size_t u, size_t *len, int *relaxed)
{
    size_t nn = f->nn;
    int32_t *list = f->tl + u * nn;
    *relaxed = 0;
    if (f->tepoch[u] != f->epoch) {
        size_t k;
        fl_relax(f, u, 0, list, &k);
        f->tlen[u] = (int32_t)k;
        f->tepoch[u] = f->epoch;
        *relaxed = 1;
    }
    *len = (size_t)f->tlen[u];
    return list;
}

static void fl_apply_path(fl *f, size_t s, size_t t, int *nomem)
{
    for (size_t v = t; v != s; v = (size_t)f->pred[v])
        f->pcase[v] = fl_arg(f, (size_t)f->pred[v], v);
    for (size_t v = t; v != s;) {
        size_t w = (size_t)f->pred[v];
        if (fl_move(f, f->pcase[v], v)) {
            *nomem = 1;
            return;
        }
        v = w;
    }
}

/* Breadth-first search over tight arcs from s to a node with room. A path of reduced cost 0
 * is a shortest path (all reduced costs are >= 0), so no price changes are needed. With
 * integer scores this settles the great majority of insertions. Returns 1 if augmented.
 * Otherwise the nodes reached (all at distance 0) are f->order[0 .. *nz), each settled for
 * fl_augment's Dijkstra: dist 0, key INT64_MAX, arcs relaxed. */
static int fl_zero_path(fl *f, size_t s, int *nomem, size_t *nz)
{
    size_t nn = f->nn;
    if (++f->stamp == 0) {
        memset(f->vis, 0, nn * sizeof *f->vis);
        memset(f->rvis, 0, nn * sizeof *f->rvis);
        f->stamp = 1;
    }
    uint32_t st = f->stamp;
    int64_t *dist = f->dist, *key = f->key;
    for (size_t i = 0; i < nn; i++) {
        dist[i] = FL_INF;
        key[i] = INT64_MAX;
    }
    int32_t *q = f->order;
    size_t head = 0, tail = 0;
    f->vis[s] = st;
    dist[s] = 0;
    q[tail++] = (int32_t)s;
    while (head < tail) {
        size_t u = (size_t)q[head++], len;
        if (u == f->m)
            continue;
        int relaxed;
        const int32_t *list = fl_tight(f, u, &len, &relaxed);
        if (relaxed)
            f->rvis[u] = st;
        for (size_t i = 0; i < len; i++) {
            size_t v = (size_t)list[i];
            if (f->vis[v] == st)
                continue;
            f->vis[v] = st;
            f->pred[v] = (int32_t)u;
            if (!f->full[v]) {
                fl_apply_path(f, s, v, nomem);
                return 1;
            }
            dist[v] = 0;
            key[v] = INT64_MAX;
            q[tail++] = (int32_t)v;
        }
    }
    /* No room at distance 0: relax the arcs of the nodes whose tight list came from the cache. */
    for (size_t i = 0; i < tail; i++) {
        size_t u = (size_t)q[i];
        if (f->rvis[u] != st)
            fl_relax(f, u, 0, NULL, NULL);
    }
    *nz = tail;
    return 0;
}

/* Dijkstra from the overfull node s; move one case along the shortest path. It starts from
 * the nodes fl_zero_path reached at distance 0. Among nodes at equal distance a node with
 * spare room is taken first (key = 2·dist + full): with integer scores most shortest paths
 * have length 0, and this tie rule stops the search as soon as a zero-cost path to room is
 * known instead of settling the whole tie. */
static regint_status fl_augment(fl *f, size_t s)
{
    int nomem = 0;
    size_t nset;
    if (fl_zero_path(f, s, &nomem, &nset))
        return nomem ? regint__enomem() : REGINT_OK;
    size_t nn = f->nn, m = f->m, t;
    int64_t *dist = f->dist, *key = f->key;
    size_t u = nn;
    int64_t mn = INT64_MAX;
    for (size_t v = 0; v < nn; v++)
        if (key[v] < mn) {
            mn = key[v];
            u = v;
        }
    for (;;) {
        if (u == nn)
            return fl_infeasible(f, nset);
        key[u] = INT64_MAX;
        f->order[nset++] = (int32_t)u;
        if (u == m || f->load[u] < f->cap[u]) {
            t = u;
            break;
        }
        u = fl_relax(f, u, dist[u], NULL, NULL);
    }
    int64_t D = dist[t];
    for (size_t k = 0; k + 1 < nset; k++) {
        size_t w = (size_t)f->order[k];
        if (D != dist[w]) {
            f->price[w] += D - dist[w];
            f->epoch++;
        }
    }
    fl_apply_path(f, s, t, &nomem);
    return nomem ? regint__enomem() : REGINT_OK;
}

/* After the warm-started insertions: a municipality priced above the others' level (0) must be
 * full. One with room is a deficit; each is filled, or its price brought down to 0, by a
 * shortest path from the sink: it starts at any municipality j that sends cases to the sink,
 * at distance price[j] (the sink's arc back to j), and moves one case along municipalities to
 * the deficit. A path that starts at the deficit itself only lowers its price. Prices drop by
 * min(dist, D), which keeps every reduced cost >= 0 and the level of municipalities with
 * room at 0 or below (those below are empty). */
static int fl_drain(fl *f, int64_t *augs)
{
    size_t m = f->m, nn = f->nn;
    int64_t *dist = f->dist, *key = f->key, *price = f->price;
    for (;;) {
        size_t d0 = nn;
        for (size_t j = 0; j < m; j++)
            if (price[j] > 0 && f->load[j] < f->cap[j]) {
                d0 = j;
                break;
            }
        if (d0 == nn)
            return 0;
        (*augs)++;
        size_t u = nn;
        int64_t mn = INT64_MAX;
        for (size_t v = 0; v < nn; v++) {
            dist[v] = FL_INF;
            key[v] = INT64_MAX;
            f->pred[v] = -1;
            if (v < m && f->cap[v] > 0 && (price[v] > 0 || f->load[v] > 0)) {
                dist[v] = price[v] > 0 ? price[v] : 0;
                key[v] = 2 * dist[v] + f->full[v];
                if (key[v] < mn) {
                    mn = key[v];
                    u = v;
                }
            }
        }
        size_t t;
        for (;;) {
            if (u == nn)
                return 1; /* not reached: the deficit itself is a source */
            key[u] = INT64_MAX;
            if (price[u] > 0 && f->load[u] < f->cap[u]) {
                t = u;
                break;
            }
            u = fl_relax(f, u, dist[u], NULL, NULL);
            /* fl_relax may have lowered a source's tentative distance: keys stay consistent */
        }
        int64_t D = dist[t];
        for (size_t v = 0; v < nn; v++)
            price[v] -= dist[v] < D ? dist[v] : D;
        f->epoch++;
        if (f->pred[t] >= 0) {
            size_t s0 = t;
            while (f->pred[s0] >= 0)
                s0 = (size_t)f->pred[s0];
            int nomem = 0;
            fl_apply_path(f, s0, t, &nomem);
            if (nomem)
                return -1;
        }
    }
}

/* The dual bound of the final prices (π_j = max(0, price_j); every case at its best) equals
 * the assignment's score: proof of optimality, checked rather than assumed. The rows are
 * the blocks' copies of regint__match_a. */
static int fl_certify(const fl *f)
{
    size_t m = f->m;
    int64_t dual = 0, prim = 0, *pi = f->dist; /* scratch */
    for (size_t j = 0; j < m; j++) {
        pi[j] = f->price[j] > 0 ? f->price[j] : 0;
        if (f->cap[j] > 0 && pi[j] > 0) {
            if (f->load[j] != f->cap[j])
                return 0;
            dual += f->cap[j] * pi[j];
        }
    }
    size_t placed = 0;
    for (size_t u = 0; u < m; u++) {
        for (size_t i = 0; i < f->cnt[u]; i++) {
            size_t r = (size_t)f->ids[u][i] * m;
            int64_t best = INT64_MIN;
            for (size_t j = 0; j < m; j++) {
                int32_t aj = fl_a(f, r + j);
                if (aj == f->forbid || f->cap[j] <= 0)
                    continue;
                int64_t v = (int64_t)aj - pi[j];
                if (v > best)
                    best = v;
            }
            dual += best;
            prim += fl_a(f, r + u);
        }
        placed += f->cnt[u];
    }
    return placed == f->n && dual == prim;
}

/* ---------------------------------------------------------------------------------------- */
/* Warm start: prices from a coarse auction.
 *
 * With prices near the equilibrium most cases are inserted straight at a municipality they
 * keep, and few shortest-path searches remain (at 2,000 × 357: about 700 instead of 1,806).
 * The prices come from an ε-scaling auction (Bertsekas) on the score matrix as the caller
 * gave it (score × factor in doubles, no copy): each municipality has one price and holds
 * at most its capacity; a case bids for its best municipality under the prices and, when
 * that one is full, raises its price by (best − second best value) + ε and displaces the
 * municipality's oldest holder. Dummy cases (score 0 everywhere) take the capacity no case
 * wants, so the cheapest municipalities end at the common level. Each phase starts with
 * every case unplaced and ε / 10; the auction stops at ε <= 0.3 score units.
 *
 * Exactness does not rest on the auction: any prices are a valid start for the shortest-path
 * method (fl_solve places every case at its exact best, fl_drain removes what the start left
 * over, fl_certify checks the dual bound). Only the amount of work depends on them. */

typedef struct au {
    size_t n, m, k;       /* cases, municipalities, cases + dummies (= total capacity) */
    const double *sc;     /* n × m scores, NaN = forbidden */
    const double *mult;   /* per case: factor (× size for scores per person) */
    const double *zero;   /* a dummy's scores: m zeros */
    double big;           /* largest price step: the value range */
    double plim;          /* price beyond which the auction gives up: (m + 2) × that range */
    double *price;        /* per municipality */
    int32_t *hold;        /* per municipality off[j] .. off[j] + cap[j]: holders */
    size_t *off, *cap, *ring, *used; /* ring: next holder to displace; used: places taken */
    int32_t *queue;       /* circular, k + 1 */
} au;

/* One bid of case (or dummy) x. Returns the case it displaces, -1 if none, -2 to give up. */
static int32_t au_bid(au *u, int32_t x, double eps)
{
    size_t m = u->m, j1 = m;
    double b1 = -HUGE_VAL, b2 = -HUGE_VAL;
    const double *pr = u->price;
    int real = (size_t)x < u->n;
    const double *r = real ? u->sc + (size_t)x * m : u->zero;
    double f = real ? u->mult[x] : 1.0;
    for (size_t j = 0; j < m; j++) {
        double v = r[j] * f - pr[j]; /* NaN (forbidden) fails every comparison */
        if (v > b2) {
            if (v > b1) {
                b2 = b1;
                b1 = v;
                j1 = j;
            } else {
                b2 = v;
            }
        }
    }
    if (j1 == m)
        return -2; /* no allowed municipality with room: left to the exact method */
    int32_t *h = u->hold + u->off[j1];
    size_t len = u->cap[j1];
    if (u->used[j1] < len) {
        h[u->used[j1]++] = x;
        return -1;
    }
    double inc = b1 - b2 > u->big ? u->big : b1 - b2;
    u->price[j1] += inc + eps;
    if (u->price[j1] > u->plim)
        return -2; /* beyond any equilibrium (e.g. cases that fit nowhere together) */
    size_t i = u->ring[j1];
    u->ring[j1] = i + 1 == len ? 0 : i + 1;
    int32_t old = h[i];
    h[i] = x;
    return old;
}

static void au_free(au *u)
{
    free((void *)u->mult);
    free((void *)u->zero);
    free(u->price);
    free(u->hold);
    free(u->off);
    free(u->cap);
    free(u->ring);
    free(u->used);
    free(u->queue);
}

/* The warm prices in prices[] (integer score units, the cheapest municipality at 0).
 * 1: set; 0: no warm start for this instance; -1: out of memory. */
static int fl_auction(const regint__match_problem *p, int64_t *prices)
{
    size_t n = p->n, m = p->m, k = 0;
    if (n == 0 || !p->must_all)
        return 0;
    /* dummies fill the capacity beyond the cases: more than a quarter more is left to the
     * shortest paths alone (they do not grow with the capacities) */
    for (size_t j = 0; j < m; j++) {
        if (p->cap[j] < 0 || (uint64_t)p->cap[j] > (uint64_t)n)
            return 0;
        k += (size_t)p->cap[j];
    }
    if (k < n || k - n > n / 4 + m || k > INT32_MAX)
        return 0;
    double *mult = regint__calloc(n, sizeof *mult);
    au u = {.n = n, .m = m, .k = k, .sc = p->scores, .mult = mult, .zero = regint__calloc(m, sizeof(double))};
    u.price = regint__calloc(m, sizeof *u.price);
    u.hold = regint__calloc(k, sizeof *u.hold);
    u.off = regint__calloc(m, sizeof *u.off);
    u.cap = regint__calloc(m, sizeof *u.cap);
    u.ring = regint__calloc(m, sizeof *u.ring);
    u.used = regint__calloc(m, sizeof *u.used);
    u.queue = regint__calloc(k + 1, sizeof *u.queue);
    int ret = -1;
    if (!mult || !u.zero || !u.price || !u.hold || !u.off || !u.cap || !u.ring || !u.used || !u.queue)
        goto done;
    ret = 0;
    double amax = -HUGE_VAL, amin = HUGE_VAL;
    for (size_t x = 0; x < n; x++) {
        mult[x] = p->factor * (p->per_person && p->sizes ? (double)p->sizes[x] : 1.0);
        const double *r = p->scores + x * m;
        for (size_t j = 0; j < m; j++) {
            double v = r[j] * mult[x];
            if (v > amax)
                amax = v;
            if (v < amin)
                amin = v;
        }
    }
    if (!(amax >= amin) || amax - amin > 4.0 * (double)REGINT__MATCH_AMAX)
        goto done;
    u.big = amax - amin + 1;
    u.plim = u.big * (double)(m + 2);
    for (size_t j = 0, o = 0; j < m; j++) {
        u.cap[j] = (size_t)p->cap[j];
        u.off[j] = o;
        o += u.cap[j];
        if (!u.cap[j])
            u.price[j] = HUGE_VAL; /* never a best */
    }
    int64_t budget = 64 * (int64_t)k + 100000;
    double eps = (amax - amin) / 8, stop = 0.3;
    for (;;) {
        size_t head = 0, tail = 0, qn = k + 1;
        for (size_t j = 0; j < m; j++)
            u.ring[j] = u.used[j] = 0;
        for (size_t x = 0; x < k; x++)
            u.queue[tail++] = (int32_t)x;
        int64_t nb = 0;
        while (head != tail) {
            int32_t x = u.queue[head];
            head = head + 1 == qn ? 0 : head + 1;
            int32_t old = au_bid(&u, x, eps);
            if (old == -2 || ++nb > budget)
                goto done;
            if (old >= 0) {
                u.queue[tail] = old;
                tail = tail + 1 == qn ? 0 : tail + 1;
            }
        }
        if (eps <= stop)
            break;
        eps /= 10;
    }
    double lo = HUGE_VAL;
    for (size_t j = 0; j < m; j++)
        if (u.cap[j] && u.price[j] < lo)
            lo = u.price[j];
    for (size_t j = 0; j < m; j++) {
        double d = u.cap[j] ? floor(u.price[j] - lo) : 0;
        if (!(d >= 0 && d <= 4.0 * (double)REGINT__MATCH_AMAX))
            goto done;
        prices[j] = (int64_t)d;
    }
    ret = 1;
done:
    au_free(&u);
    return ret;
}

/* Do all integer scores fit in 16 bits (with INT16_MIN free for "forbidden")? One pass
 * over the doubles: |integer score| <= (|score| · factor + 1/2) · size. */
static int fl_narrow(const regint__match_problem *p)
{
    double mx = 0, mult = 1;
    for (size_t i = 0, nm = p->n * p->m; i < nm; i++) {
        double a = fabs(p->scores[i]);
        mx = a > mx ? a : mx; /* NaN (forbidden) fails the comparison */
    }
    for (size_t c = 0; p->per_person && p->sizes && c < p->n; c++)
        mult = (double)p->sizes[c] > mult ? (double)p->sizes[c] : mult;
    return (mx * p->factor + 1) * mult <= INT16_MAX;
}

/* A block of regint__huge_alloc from 2 MiB on starts on a huge page. If its last huge page
 * would be less than half used, that part takes plain pages: the resident memory counts a
 * huge page in whole once touched (at 2,000 × 357 the block is 4.5 MB: 4.5 MB resident, not
 * 6.3 MB), and a few dozen page faults cost less than the megabytes. */
static void fl_plain_tail(unsigned char *b, size_t bytes)
{
#ifdef MADV_NOHUGEPAGE
    const size_t huge = (size_t)2 << 20;
    size_t whole = bytes & ~(huge - 1);
    if (whole && bytes > whole && bytes - whole < huge / 2)
        (void)madvise(b + whole, huge, MADV_NOHUGEPAGE); /* a hint: on failure, a huge page */
#else
    (void)b;
    (void)bytes;
#endif
}

/* The shortest-path method, from prices 0 (warm == NULL) or from the warm prices (must_all
 * only): *certified = 1 when the result passed fl_certify (always without warm prices). */
static regint_status fl_solve(const regint__match_problem *p, const int64_t *warm, int32_t *assign,
                              int64_t *augmentations, int *certified)
{
    *certified = 1;
    fl f;
    memset(&f, 0, sizeof f);
    f.p = p;
    f.n = p->n;
    f.m = p->m;
    f.dummy = !p->must_all;
    f.nn = f.m + (size_t)f.dummy;
    size_t m = f.m, nn = f.nn, n = f.n;
    regint_status st = REGINT_OK;
    f.ids = regint__calloc(m, sizeof *f.ids);
    /* The work arrays, one allocation each: `duplicates` (issue 13) pairs this list with the
     * MIP's (matching_mip.c). Kept: each solver owns different arrays, freed in its fl_free /
     * mip cleanup, and their sizes differ (m, n, nn, m × nn). */
    f.cnt = regint__calloc(m, sizeof *f.cnt);
    f.bcap = regint__calloc(m, sizeof *f.bcap);
    f.where = regint__calloc(n ? n : 1, sizeof *f.where);
    f.pos = regint__calloc(n ? n : 1, sizeof *f.pos);
    f.load = regint__calloc(nn, sizeof *f.load);
    f.cap = regint__calloc(nn, sizeof *f.cap);
    f.price = regint__calloc(nn, sizeof *f.price);
    f.full = regint__calloc(nn, sizeof *f.full);
    /* The m × nn and nn × nn matrices (4 MB at 357 municipalities) and the cases' rows in
     * one block of huge pages: in a fresh process they cost a thousand page faults
     * otherwise, and the resident memory counts every huge page touched in whole, so one
     * block wastes at most one partial page. Each row stays where it is written: a block
     * lists its members' ids, and a move copies no row. Each part's size is a multiple of
     * 8 bytes, so every part stays aligned. */
    size_t mn8 = (m * nn + 1) & ~(size_t)1, nn8 = (nn * nn + 1) & ~(size_t)1;
    int narrow = fl_narrow(p);
    f.forbid = narrow ? INT16_MIN : REGINT__MATCH_FORBID;
    f.mats_bytes = mn8 * (sizeof *f.cb + sizeof *f.cs + sizeof *f.arg) + nn8 * sizeof *f.tl +
                   n * m * (narrow ? sizeof *f.rows16 : sizeof *f.rows);
    f.mats = regint__huge_alloc(f.mats_bytes);
    if (f.mats) {
        f.cs = (colst *)(void *)f.mats;
        f.cb = (int32_t *)(void *)(f.cs + mn8);
        f.arg = f.cb + mn8;
        f.tl = f.arg + mn8;
        if (narrow)
            f.rows16 = (int16_t *)(void *)(f.tl + nn8);
        else
            f.rows = f.tl + nn8;
        fl_plain_tail(f.mats, f.mats_bytes);
    }
    f.slen = regint__calloc(m, sizeof *f.slen);
    f.cols = regint__calloc(nn, sizeof *f.cols);
    f.dist = regint__calloc(nn, sizeof *f.dist);
    f.key = regint__calloc(nn, sizeof *f.key);
    f.pred = regint__calloc(nn, sizeof *f.pred);
    f.pcase = regint__calloc(nn, sizeof *f.pcase);
    f.order = regint__calloc(nn, sizeof *f.order);
    f.stale = regint__calloc(nn, sizeof *f.stale);
    f.tlen = regint__calloc(nn, sizeof *f.tlen);
    f.tepoch = regint__calloc(nn, sizeof *f.tepoch);
    f.vis = regint__calloc(nn, sizeof *f.vis);
    f.rvis = regint__calloc(nn, sizeof *f.rvis);
    f.epoch = 1;
    if (!f.ids || !f.cnt || !f.bcap || !f.where || !f.pos || !f.load || !f.cap ||
        !f.price || !f.full || !f.cb || !f.cs || !f.arg || !f.cols || !f.slen || !f.dist || !f.key || !f.pred || !f.pcase || !f.order ||
        !f.stale || !f.tl || !f.tlen || !f.tepoch || !f.vis || !f.rvis) {
        st = regint__enomem();
        goto done;
    }
    for (size_t i = 0; i < m * nn; i++) {
        f.cb[i] = f.cs[i].b2 = FL_NOEDGE;
        f.arg[i] = -1;
    }
    for (size_t j = 0; j < m; j++) {
        f.cap[j] = p->cap[j];
        f.full[j] = f.cap[j] <= 0;
    }
    if (warm) {
        /* The load never exceeds the capacity by more than the case being inserted (the warm
         * start's capacities are at most n each), so the member lists are sized once. */
        for (size_t j = 0; j < m; j++) {
            if (f.cap[j] <= 0)
                continue;
            f.price[j] = warm[j];
            f.bcap[j] = (size_t)f.cap[j] + 1;
            f.ids[j] = regint__calloc(f.bcap[j], sizeof(int32_t));
            if (!f.ids[j]) {
                st = regint__enomem();
                goto done;
            }
        }
    }
    if (f.dummy)
        f.cap[m] = INT64_MAX;
    int64_t augs = 0;
    for (size_t x = 0; x < n; x++) {
        size_t v = nn;
        int64_t bv = 0;
        for (size_t j = 0; j < m; j++) {
            int32_t a = regint__match_a(p, x, j);
            if (f.rows16)
                f.rows16[x * m + j] = a == REGINT__MATCH_FORBID ? INT16_MIN : (int16_t)a;
            else
                f.rows[x * m + j] = a;
            if (a == REGINT__MATCH_FORBID)
                continue;
            int64_t val = (int64_t)a - f.price[j];
            /* ties: a municipality with room first (saves a shortest-path search) */
            if (v == nn || val > bv || (val == bv && f.full[v] && !f.full[j])) {
                v = j;
                bv = val;
            }
        }
        if (f.dummy && (v == nn || bv < 0))
            v = m;
        if (v == nn) {
            st = regint__error(REGINT_EINFEASIBLE,
                               "cases[%zu]: must_assign_all but no municipality is allowed", x);
            goto done;
        }
        if (fl_add(&f, (int32_t)x, v)) {
            st = regint__enomem();
            goto done;
        }
        if (v < m && f.load[v] > f.cap[v]) {
            st = fl_augment(&f, v);
            augs++;
            if (st != REGINT_OK)
                goto done;
        }
        if (p->opt && p->opt->progress && (x & 1023) == 1023)
            p->opt->progress(p->opt->progress_ctx, (double)(x + 1) / (double)n, "assigning cases");
    }
    if (warm) {
        int dr = fl_drain(&f, &augs);
        if (dr < 0) {
            st = regint__enomem();
            goto done;
        }
        *certified = dr == 0 && fl_certify(&f);
    }
    for (size_t x = 0; x < n; x++)
        assign[x] = (size_t)f.where[x] == m ? -1 : f.where[x];
    if (augmentations)
        *augmentations = augs;
done:
    fl_free(&f);
    return st;
}

regint_status regint__match_flow_ex(const regint__match_problem *p, int warm_start, int32_t *assign,
                                   int64_t *augmentations, int *warm_used)
{
    *warm_used = 0;
    int64_t *warm = NULL;
    if (warm_start) {
        warm = regint__calloc(p->m ? p->m : 1, sizeof *warm);
        if (!warm)
            return regint__enomem();
        int r = fl_auction(p, warm);
        if (r < 0) {
            free(warm);
            return regint__enomem();
        }
        if (r == 0) {
            free(warm);
            warm = NULL;
        }
    }
    int certified;
    regint_status st = fl_solve(p, warm, assign, augmentations, &certified);
    if (warm) {
        *warm_used = st == REGINT_OK && !certified ? 2 : 1; /* infeasibility does not depend on prices */
        /* Not expected (the tests check that it does not happen): the plain method decides. */
        if (*warm_used == 2)
            st = fl_solve(p, NULL, assign, augmentations, &certified);
    }
    free(warm);
    return st;
}

regint_status regint__match_flow(const regint__match_problem *p, int32_t *assign, int64_t *augmentations)
{
    int used;
    return regint__match_flow_ex(p, 1, assign, augmentations, &used);
}
