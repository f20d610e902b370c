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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
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
    int32_t **blk;       /* per municipality: member rows (m int32 each) */
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
    size_t *slist, *slen; /* m × nn pending columns per node, and their count */
    int32_t *row;        /* scratch row */
    /* cached lists of tight arcs (reduced cost 0) per node, for the zero-cost path search */
    int32_t *tl, *tlen;
    uint64_t *tepoch, epoch;  /* list valid while tepoch[u] == epoch; epoch moves with prices */
    uint32_t *vis, *rvis, stamp; /* BFS: reached, arcs relaxed (== stamp) */
} fl;

static void fl_free(fl *f)
{
    if (f->blk)
        for (size_t i = 0; i < f->m; i++)
            free(f->blk[i]);
    if (f->ids)
        for (size_t i = 0; i < f->m; i++)
            free(f->ids[i]);
    free(f->blk);
    free(f->ids);
    free(f->cnt);
    free(f->bcap);
    free(f->where);
    free(f->pos);
    free(f->load);
    free(f->cap);
    free(f->price);
    free(f->full);
    free(f->cb);
    free(f->cs);
    free(f->arg);
    free(f->dist);
    free(f->key);
    free(f->pred);
    free(f->pcase);
    free(f->order);
    free(f->stale);
    free(f->slist);
    free(f->slen);
    free(f->row);
    free(f->tl);
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

/* Put case x (row `row`) at node v. */
static int fl_add(fl *f, int32_t x, size_t v, const int32_t *row)
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
        int32_t *nb = regint__reallocarray(f->blk[v], nc, m * sizeof(int32_t));
        if (!nb)
            return -1;
        f->blk[v] = nb;
        int32_t *ni = regint__reallocarray(f->ids[v], nc, sizeof(int32_t));
        if (!ni)
            return -1;
        f->ids[v] = ni;
        f->bcap[v] = nc;
    }
    size_t r = f->cnt[v]++;
    memcpy(f->blk[v] + r * m, row, m * sizeof(int32_t));
    f->ids[v][r] = x;
    f->pos[x] = (int32_t)r;
    int32_t av = row[v];
    colst *cs = f->cs + v * f->nn;
    int32_t *cb = f->cb + v * f->nn;
    int32_t *a = f->arg + v * f->nn;
    for (size_t j = 0; j < m; j++) {
        if (row[j] == REGINT__MATCH_FORBID || j == v)
            continue;
        col_gain(cs + j, cb + j, a + j, av - row[j], x);
    }
    if (f->dummy)
        col_gain(cs + m, cb + m, a + m, av, x);
    return 0;
}

/* The reduced cost of moving a member with score row `ri` from node u to column j (j == m:
 * the dummy, leaving it unassigned) in *k; 0 when the move is forbidden. Inline: it is the
 * search's innermost step. */
static inline int reduced_cost(const int32_t *ri, size_t u, size_t j, size_t m, int32_t *k)
{
    if (j == m) {
        *k = ri[u];
        return 1;
    }
    if (ri[j] == REGINT__MATCH_FORBID)
        return 0;
    *k = ri[u] - ri[j];
    return 1;
}

/* Recompute column j of node u (minimum, how many members reach it, one of them). */
static void fl_rescan(fl *f, size_t u, const size_t *cols, size_t ns)
{
    size_t m = f->m, nn = f->nn;
    colst *cs = f->cs + u * nn;
    int32_t *cb = f->cb + u * nn;
    int32_t *a = f->arg + u * nn;
    const int32_t *blk = f->blk[u], *ids = f->ids[u];
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
        const int32_t *ri = blk + i * m;
        for (size_t s = 0; s < ns; s++) {
            size_t j = cols[s];
            colst *c = cs + j;
            int32_t k;
            if (!reduced_cost(ri, u, j, m, &k))
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
    size_t n = f->slen[u];
    if (!n || u == f->m)
        return;
    fl_rescan(f, u, f->slist + u * f->nn, n);
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
    const int32_t *blk = f->blk[u];
    for (size_t i = 0; i < f->cnt[u]; i++) {
        const int32_t *ri = blk + i * m;
        int32_t k;
        if (v == m)
            k = ri[u];
        else if (ri[v] == REGINT__MATCH_FORBID)
            continue;
        else
            k = ri[u] - ri[v];
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
    int32_t *blk = f->blk[u];
    memcpy(f->row, blk + r * m, m * sizeof(int32_t));
    size_t last = --f->cnt[u];
    if (r != last) {
        memcpy(blk + r * m, blk + last * m, m * sizeof(int32_t));
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
    size_t *sl = f->slist + u * nn;
    const int32_t *row = f->row;
    for (size_t j = 0; j < nn; j++) {
        colst *c = cs + j;
        int32_t k;
        if (j == u || c->nb < 0 || !reduced_cost(row, u, j, m, &k))
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
                    sl[f->slen[u]++] = j;
                }
            } else if (a[j] == x) {
                a[j] = -1;
            }
        } else if (c->nb2 > 0 && k == c->b2) {
            c->nb2--;
        }
    }
    return fl_add(f, x, to, f->row);
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

regint_status regint__match_flow(const regint__match_problem *p, int32_t *assign, int64_t *augmentations)
{
    fl f;
    memset(&f, 0, sizeof f);
    f.p = p;
    f.n = p->n;
    f.m = p->m;
    f.dummy = !p->must_all;
    f.nn = f.m + (size_t)f.dummy;
    size_t m = f.m, nn = f.nn, n = f.n;
    regint_status st = REGINT_OK;
    f.blk = regint__calloc(m, sizeof *f.blk);
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
    f.cb = regint__calloc(m * nn, sizeof *f.cb);
    f.cs = regint__calloc(m * nn, sizeof *f.cs);
    f.arg = regint__calloc(m * nn, sizeof *f.arg);
    f.slist = regint__calloc(m * nn, sizeof *f.slist);
    f.slen = regint__calloc(m, sizeof *f.slen);
    f.dist = regint__calloc(nn, sizeof *f.dist);
    f.key = regint__calloc(nn, sizeof *f.key);
    f.pred = regint__calloc(nn, sizeof *f.pred);
    f.pcase = regint__calloc(nn, sizeof *f.pcase);
    f.order = regint__calloc(nn, sizeof *f.order);
    f.stale = regint__calloc(nn, sizeof *f.stale);
    f.row = regint__calloc(m, sizeof *f.row);
    f.tl = regint__calloc(nn * nn, sizeof *f.tl);
    f.tlen = regint__calloc(nn, sizeof *f.tlen);
    f.tepoch = regint__calloc(nn, sizeof *f.tepoch);
    f.vis = regint__calloc(nn, sizeof *f.vis);
    f.rvis = regint__calloc(nn, sizeof *f.rvis);
    f.epoch = 1;
    if (!f.blk || !f.ids || !f.cnt || !f.bcap || !f.where || !f.pos || !f.load || !f.cap ||
        !f.price || !f.full || !f.cb || !f.cs || !f.arg || !f.slist || !f.slen || !f.dist || !f.key || !f.pred || !f.pcase || !f.order ||
        !f.stale || !f.row || !f.tl || !f.tlen || !f.tepoch || !f.vis || !f.rvis) {
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
    if (f.dummy)
        f.cap[m] = INT64_MAX;
    int64_t augs = 0;
    int32_t *row = regint__calloc(m, sizeof *row);
    if (!row) {
        st = regint__enomem();
        goto done;
    }
    for (size_t x = 0; x < n; x++) {
        size_t v = nn;
        int64_t bv = 0;
        for (size_t j = 0; j < m; j++) {
            row[j] = regint__match_a(p, x, j);
            if (row[j] == REGINT__MATCH_FORBID)
                continue;
            int64_t val = (int64_t)row[j] - f.price[j];
            /* ties: a municipality with room first (saves a shortest-path search) */
            if (v == nn || val > bv || (val == bv && f.full[v] && !f.full[j])) {
                v = j;
                bv = val;
            }
        }
        if (f.dummy && (v == nn || bv < 0))
            v = m;
        if (v == nn) {
            free(row);
            st = regint__error(REGINT_EINFEASIBLE,
                               "cases[%zu]: must_assign_all but no municipality is allowed", x);
            goto done;
        }
        if (fl_add(&f, (int32_t)x, v, row)) {
            free(row);
            st = regint__enomem();
            goto done;
        }
        if (v < m && f.load[v] > f.cap[v]) {
            st = fl_augment(&f, v);
            augs++;
            if (st != REGINT_OK) {
                free(row);
                goto done;
            }
        }
        if (p->opt && p->opt->progress && (x & 1023) == 1023)
            p->opt->progress(p->opt->progress_ctx, (double)(x + 1) / (double)n, "assigning cases");
    }
    free(row);
    for (size_t x = 0; x < n; x++)
        assign[x] = (size_t)f.where[x] == m ? -1 : f.where[x];
    if (augmentations)
        *augmentations = augs;
done:
    fl_free(&f);
    return st;
}
