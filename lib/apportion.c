/* Apportionment: Hamilton (largest remainder) and divisor methods, with bounds.
 *
 * Conventions are documented in include/regint/apportion.h and docs/apportionment.md.
 *
 * Divisor methods, in O(n log n) whatever the total:
 *  1. Floating point: find a multiplier x such that the rounded, clamped quotas w_i*x sum
 *     to about the total (bracketing, then false position / bisection).
 *  2. Exact: turn 1/x into a rational threshold λ = p/q and count, exactly, for every unit
 *     the seats whose priority w_i/d(k) is strictly above λ (a short galloping search from
 *     the floating estimate, each step one exact comparison). If these counts sum to at most
 *     the total, every counted seat is among the seats the one-seat-at-a-time process would
 *     hand out; if they sum to more, they contain all those seats.
 *  3. Exact: hand out the missing seats (max-heap on the next seat's priority, ties to the
 *     lowest index) or take back the surplus (min-heap on the last seat's priority, ties to
 *     the highest index first, which is the reverse of the hand-out order).
 * Priorities are compared as integer cross products of up to four 64-bit factors in
 * 256-bit arithmetic, so no rounding ever decides a seat.
 *
 * Hamilton with bounds: exact water filling over the sorted breakpoints lower_i/w_i and
 * upper_i/w_i gives t = A/B; quotas are A*w_i/B, remainders (A*w_i) mod B.
 */
#include "regint/apportion.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#if !defined(__SIZEOF_INT128__)
#  error "lib/apportion.c needs a compiler with __int128 (gcc or clang on a 64-bit target)"
#endif
__extension__ typedef unsigned __int128 ap_u128;
__extension__ typedef __int128 ap_i128;

/* ---------------------------------------------------------------- names */

static const char *const method_names[] = {
    "hamilton", "dhondt", "sainte-lague", "sainte-lague-modified",
    "huntington-hill", "adams", "dean",
};
#define N_METHODS (sizeof method_names / sizeof method_names[0])

const char *regint_apportion_method_name(regint_apportion_method m)
{
    if ((int)m < 0 || (size_t)m >= N_METHODS)
        return NULL;
    return method_names[m];
}

regint_status regint_apportion_method_from_name(const char *name, regint_apportion_method *out)
{
    if (!name || !out)
        return regint__error(REGINT_EINVAL, "apportion: method name: NULL argument");
    for (size_t m = 0; m < N_METHODS; m++) {
        const char *a = method_names[m], *b = name;
        while (*a && *b) {
            int cb = (*b == '_') ? '-' : tolower((unsigned char)*b);
            if (cb != *a)
                break;
            a++;
            b++;
        }
        if (!*a && !*b) {
            *out = (regint_apportion_method)m;
            return REGINT_OK;
        }
    }
    return regint__error(REGINT_EINVAL,
                         "apportion: method '%s': unknown (known: hamilton, dhondt, sainte-lague, "
                         "sainte-lague-modified, huntington-hill, adams, dean)",
                         name);
}

/* ---------------------------------------------------------------- exact arithmetic */

typedef struct u256 {
    uint64_t l[4]; /* little-endian limbs */
} u256;

/* Product of nf factors (nf <= 4, each < 2^64, so the product fits in 256 bits). */
static void u256_product(const uint64_t *f, int nf, u256 *r)
{
    int len = 1;
    r->l[0] = 1;
    r->l[1] = r->l[2] = r->l[3] = 0;
    for (int k = 0; k < nf; k++) {
        uint64_t carry = 0;
        for (int j = 0; j < len; j++) {
            ap_u128 t = (ap_u128)r->l[j] * f[k] + carry;
            r->l[j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        if (carry && len < 4)
            r->l[len++] = carry;
    }
}

static int u256_cmp(const u256 *a, const u256 *b)
{
    for (int j = 3; j >= 0; j--)
        if (a->l[j] != b->l[j])
            return a->l[j] < b->l[j] ? -1 : 1;
    return 0;
}

/* A non-negative rational num/den given as products of at most two 64-bit factors each.
 * den == 0 means +infinity (all infinities compare equal). */
typedef struct ratio {
    uint64_t num[2], den[2];
    int nn, nd;
} ratio;

/* sign(a - b), exactly. */
static int ratio_cmp(const ratio *a, const ratio *b)
{
    uint64_t f[4];
    u256 x, y;
    int k = 0;
    for (int j = 0; j < a->nn; j++) f[k++] = a->num[j];
    for (int j = 0; j < b->nd; j++) f[k++] = b->den[j];
    u256_product(f, k, &x);
    k = 0;
    for (int j = 0; j < b->nn; j++) f[k++] = b->num[j];
    for (int j = 0; j < a->nd; j++) f[k++] = a->den[j];
    u256_product(f, k, &y);
    return u256_cmp(&x, &y);
}

/* ---------------------------------------------------------------- divisor methods */

typedef struct dctx {
    regint_apportion_method m;
    uint64_t F, D;      /* first divisor F/D (modified Sainte-Laguë) */
    double fd;          /* F/D as a double */
    const int64_t *w;
    const int64_t *lo, *hi;
    int64_t *a;         /* current seats */
    ratio thr;          /* threshold λ (squared for Huntington-Hill) */
} dctx;

/* Priority of the (k+1)-th seat (k = seats already held) of a unit with weight w:
 * w / d(k), squared for Huntington-Hill. k < 2^63, so 2k+1 < 2^64. */
static void seat_priority(const dctx *c, uint64_t w, uint64_t k, ratio *r)
{
    switch (c->m) {
    case REGINT_APPORTION_DHONDT:
        r->nn = 1; r->num[0] = w;
        r->nd = 1; r->den[0] = k + 1;
        break;
    case REGINT_APPORTION_SAINTE_LAGUE: /* w / (k + 1/2) = 2w / (2k+1) */
        r->nn = 2; r->num[0] = w; r->num[1] = 2;
        r->nd = 1; r->den[0] = 2 * k + 1;
        break;
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED: /* d(0) = F/D, d(k) = 2k+1 */
        if (k == 0) {
            r->nn = 2; r->num[0] = w; r->num[1] = c->D;
            r->nd = 1; r->den[0] = c->F;
        } else {
            r->nn = 1; r->num[0] = w;
            r->nd = 1; r->den[0] = 2 * k + 1;
        }
        break;
    case REGINT_APPORTION_HUNTINGTON_HILL: /* w^2 / (k(k+1)) */
        r->nn = 2; r->num[0] = w; r->num[1] = w;
        r->nd = 2; r->den[0] = k; r->den[1] = k + 1;
        break;
    case REGINT_APPORTION_ADAMS: /* w / k */
        r->nn = 1; r->num[0] = w;
        r->nd = 1; r->den[0] = k;
        break;
    case REGINT_APPORTION_DEAN: /* w (2k+1) / (2k(k+1)) */
    default:
        r->nn = 2; r->num[0] = w; r->num[1] = 2 * k + 1;
        r->nd = 2; r->den[0] = 2 * k; r->den[1] = k + 1;
        break;
    }
}

/* sign(priority of seat k of unit i - priority of seat l of unit j) */
static int seat_cmp(const dctx *c, size_t i, int64_t k, size_t j, int64_t l)
{
    ratio a, b;
    seat_priority(c, (uint64_t)c->w[i], (uint64_t)k, &a);
    seat_priority(c, (uint64_t)c->w[j], (uint64_t)l, &b);
    return ratio_cmp(&a, &b);
}

/* Is the priority of seat k of unit i strictly above the threshold? */
static int seat_above(const dctx *c, size_t i, int64_t k)
{
    ratio a;
    seat_priority(c, (uint64_t)c->w[i], (uint64_t)k, &a);
    return ratio_cmp(&a, &c->thr) > 0;
}

/* Floating estimate of the number of seats k >= 0 with d(k) < q (q = w*x >= 0). */
static double float_count(const dctx *c, double q)
{
    double n;
    if (!(q > 0))
        return 0;
    switch (c->m) {
    case REGINT_APPORTION_DHONDT:
        return ceil(q) - 1;
    case REGINT_APPORTION_SAINTE_LAGUE:
        return q > 0.5 ? ceil(q - 0.5) : 0;
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        n = ceil((q - 1) / 2) - 1;
        return (q > c->fd ? 1 : 0) + (n > 0 ? n : 0);
    case REGINT_APPORTION_HUNTINGTON_HILL:
        n = floor(q);
        return n + (q * q > n * (n + 1) ? 1 : 0);
    case REGINT_APPORTION_ADAMS:
        return ceil(q);
    case REGINT_APPORTION_DEAN:
    default:
        n = floor(q);
        return n + (q * (2 * n + 1) > 2 * n * (n + 1) ? 1 : 0);
    }
}

static double clamp_d(double v, int64_t lo, int64_t hi)
{
    if (!(v >= (double)lo)) /* also NaN */
        return (double)lo;
    if (v >= (double)hi)
        return (double)hi;
    return v;
}

/* Σ over the candidate units of the clamped floating estimate at multiplier x. */
static double float_sum(const dctx *c, const size_t *cand, size_t nc, double x)
{
    double s = 0;
    for (size_t t = 0; t < nc; t++) {
        size_t i = cand[t];
        s += clamp_d(floor(float_count(c, (double)c->w[i] * x)), c->lo[i], c->hi[i]);
    }
    return s;
}

/* λ = 1/x as p/q with 64-bit p and q, as exactly as they allow. */
static void set_threshold(dctx *c, double x)
{
    int e;
    double m = frexp(x, &e); /* x = m 2^e, m in [0.5, 1) */
    uint64_t M = (uint64_t)ldexp(m, 53); /* x = M 2^(e-53) */
    int s = 53 - e;                      /* 1/x = 2^s / M */
    uint64_t p, q;
    if (s > 63) {
        int sh = s - 63;
        p = (uint64_t)1 << 63;
        q = sh >= 64 ? 0 : M >> sh;
        if (q == 0)
            q = 1;
    } else if (s >= 0) {
        p = (uint64_t)1 << s;
        q = M;
    } else {
        p = 1;
        q = (-s >= 11) ? UINT64_MAX : M << -s;
    }
    if (c->m == REGINT_APPORTION_HUNTINGTON_HILL) {
        c->thr.nn = 2; c->thr.num[0] = p; c->thr.num[1] = p;
        c->thr.nd = 2; c->thr.den[0] = q; c->thr.den[1] = q;
    } else {
        c->thr.nn = 1; c->thr.num[0] = p;
        c->thr.nd = 1; c->thr.den[0] = q;
    }
}

/* Exact count for unit i at the threshold: lo + #{k in [lo, hi) : priority(k) > λ},
 * found by galloping from the estimate `guess` (already in [lo, hi]). */
static int64_t exact_count(const dctx *c, size_t i, int64_t guess)
{
    int64_t lo = c->lo[i], hi = c->hi[i];
    /* invariant sought: seats < g are above, seat g is not (or g == hi) */
    if (guess > lo && !seat_above(c, i, guess - 1)) {
        /* too high: find the smallest g in [lo, guess) with !above(g) ... downward gallop */
        int64_t good = guess - 1; /* !above(good) */
        int64_t step = 1;
        int64_t bad = good; /* we look for the largest index with above() true */
        for (;;) {
            int64_t probe = (good - lo > step) ? good - step : lo - 1;
            if (probe < lo) {
                bad = lo - 1;
                break;
            }
            if (seat_above(c, i, probe)) {
                bad = probe;
                break;
            }
            good = probe;
            step *= 2;
        }
        /* above(bad) (or bad = lo-1), !above(good); binary search between */
        while (good - bad > 1) {
            int64_t mid = bad + (good - bad) / 2;
            if (seat_above(c, i, mid))
                bad = mid;
            else
                good = mid;
        }
        return good;
    }
    if (guess < hi && seat_above(c, i, guess)) {
        int64_t above = guess; /* above(above) */
        int64_t step = 1;
        int64_t notabove;
        for (;;) {
            int64_t probe = (hi - above > step) ? above + step : hi;
            if (probe >= hi) {
                notabove = hi;
                break;
            }
            if (!seat_above(c, i, probe)) {
                notabove = probe;
                break;
            }
            above = probe;
            if (step < INT64_MAX / 2)
                step *= 2;
        }
        while (notabove - above > 1) {
            int64_t mid = above + (notabove - above) / 2;
            if (seat_above(c, i, mid))
                above = mid;
            else
                notabove = mid;
        }
        return notabove;
    }
    return guess;
}

/* ---------------------------------------------------------------- a binary heap of indices */

typedef int (*heap_before_fn)(const void *ctx, size_t a, size_t b);

static void heap_sift_down(size_t *h, size_t m, size_t pos, heap_before_fn before, const void *ctx)
{
    size_t x = h[pos];
    for (;;) {
        size_t l = 2 * pos + 1, best;
        if (l >= m)
            break;
        best = l;
        if (l + 1 < m && before(ctx, h[l + 1], h[l]))
            best = l + 1;
        if (!before(ctx, h[best], x))
            break;
        h[pos] = h[best];
        pos = best;
    }
    h[pos] = x;
}

static void heap_build(size_t *h, size_t m, heap_before_fn before, const void *ctx)
{
    for (size_t pos = m / 2; pos-- > 0;)
        heap_sift_down(h, m, pos, before, ctx);
}

/* next seat of a before next seat of b: higher priority, then lower index */
static int before_add(const void *vc, size_t a, size_t b)
{
    const dctx *c = vc;
    int s = seat_cmp(c, a, c->a[a], b, c->a[b]);
    return s > 0 || (s == 0 && a < b);
}

/* last seat of a to be taken back before last seat of b: lower priority, then higher index */
static int before_remove(const void *vc, size_t a, size_t b)
{
    const dctx *c = vc;
    int s = seat_cmp(c, a, c->a[a] - 1, b, c->a[b] - 1);
    return s < 0 || (s == 0 && a > b);
}

/* Divisor method: fills c->a (already holding lo) for the candidate units. */
static regint_status divisor_apportion(dctx *c, size_t n, const size_t *cand, size_t nc, int64_t total,
                                       size_t *heap)
{
    ap_i128 given = 0;
    for (size_t i = 0; i < n; i++)
        given += c->a[i];
    if (given == total || nc == 0)
        return REGINT_OK;

    /* 1. floating multiplier x with float_sum(x) close to K */
    double K = (double)total;
    double base = 0, wsum = 0;
    for (size_t i = 0; i < n; i++)
        base += (double)c->lo[i];
    for (size_t t = 0; t < nc; t++) {
        base -= (double)c->lo[cand[t]];
        wsum += (double)c->w[cand[t]];
    }
    K -= base; /* target for the candidates' sum */
    double tol = 16.0 + (double)nc / 64.0;
    double xl = 0, fl = float_sum(c, cand, nc, 0);
    double xh = K / wsum, fh;
    if (!(xh > 0) || !isfinite(xh))
        xh = 1e-300;
    fh = float_sum(c, cand, nc, xh);
    while (fh < K && isfinite(xh)) {
        xl = xh;
        fl = fh;
        xh *= 2;
        fh = float_sum(c, cand, nc, xh);
    }
    double x;
    if (!isfinite(xh)) {
        x = xl;
    } else {
        int bisect_next = 0;
        for (int it = 0; it < 200; it++) {
            if (K - fl <= tol || fh - K <= tol)
                break;
            double xm;
            if (bisect_next)
                xm = 0.5 * (xl + xh);
            else
                xm = xl + (xh - xl) * ((K - fl) / (fh - fl));
            if (!(xm > xl && xm < xh))
                xm = 0.5 * (xl + xh);
            if (!(xm > xl && xm < xh))
                break;
            double width = xh - xl;
            double fm = float_sum(c, cand, nc, xm);
            if (fm == K) {
                xl = xh = xm;
                fl = fh = fm;
                break;
            }
            if (fm < K) {
                xl = xm;
                fl = fm;
            } else {
                xh = xm;
                fh = fm;
            }
            bisect_next = (xh - xl) > 0.5 * width;
        }
        x = (K - fl <= fh - K) ? xl : xh;
    }

    /* 2. exact counts at λ = 1/x */
    if (x > 0) {
        set_threshold(c, x);
        for (size_t t = 0; t < nc; t++) {
            size_t i = cand[t];
            double est = clamp_d(floor(float_count(c, (double)c->w[i] * x)), c->lo[i], c->hi[i]);
            int64_t g = (est >= (double)c->hi[i]) ? c->hi[i] : (int64_t)est;
            if (g < c->lo[i])
                g = c->lo[i];
            c->a[i] = exact_count(c, i, g);
        }
    }
    given = 0;
    for (size_t i = 0; i < n; i++)
        given += c->a[i];

    /* 3. settle the difference with a heap */
    size_t m = 0;
    if (given < total) {
        int64_t need = (int64_t)(total - given);
        for (size_t t = 0; t < nc; t++)
            if (c->a[cand[t]] < c->hi[cand[t]])
                heap[m++] = cand[t];
        heap_build(heap, m, before_add, c);
        while (need > 0) {
            if (m == 0)
                return regint__error(REGINT_EINFEASIBLE, "apportion: internal error: no unit can take a seat");
            size_t i = heap[0];
            c->a[i]++;
            need--;
            if (c->a[i] >= c->hi[i])
                heap[0] = heap[--m];
            if (m)
                heap_sift_down(heap, m, 0, before_add, c);
        }
    } else if (given > total) {
        int64_t extra = (int64_t)(given - total);
        for (size_t t = 0; t < nc; t++)
            if (c->a[cand[t]] > c->lo[cand[t]])
                heap[m++] = cand[t];
        heap_build(heap, m, before_remove, c);
        while (extra > 0) {
            if (m == 0)
                return regint__error(REGINT_EINFEASIBLE, "apportion: internal error: no seat to take back");
            size_t i = heap[0];
            c->a[i]--;
            extra--;
            if (c->a[i] <= c->lo[i])
                heap[0] = heap[--m];
            if (m)
                heap_sift_down(heap, m, 0, before_remove, c);
        }
    }
    return REGINT_OK;
}

/* ---------------------------------------------------------------- Hamilton */

typedef struct hevent {
    uint64_t num, den; /* value num/den = bound / weight */
    size_t unit;
    int upper;         /* 0: unit becomes free (leaves its lower bound), 1: reaches its upper bound */
} hevent;

static int hevent_cmp(const void *pa, const void *pb)
{
    const hevent *a = pa, *b = pb;
    ap_u128 x = (ap_u128)a->num * b->den, y = (ap_u128)b->num * a->den;
    if (x != y)
        return x < y ? -1 : 1;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    return a->upper - b->upper;
}

typedef struct hctx {
    const uint64_t *rem;
} hctx;

static int before_rem(const void *vc, size_t a, size_t b)
{
    const hctx *c = vc;
    return c->rem[a] > c->rem[b] || (c->rem[a] == c->rem[b] && a < b);
}

static regint_status hamilton_apportion(const int64_t *w, size_t n, int64_t total, const int64_t *lo,
                                        const int64_t *hi, int64_t *a, size_t *heap)
{
    /* t = A/B such that Σ median(lo_i, t w_i, hi_i) = total */
    ap_i128 C = 0;      /* Σ of the clipped values (lower or upper) */
    uint64_t Wf = 0;    /* Σ weights of the free units */
    size_t ne = 0;
    hevent *ev = NULL;
    uint64_t A = 0, B = 1;

    for (size_t i = 0; i < n; i++) {
        if (w[i] == 0 || lo[i] == hi[i]) {
            C += lo[i];
            continue;
        }
        if (lo[i] > 0) {
            C += lo[i];
            ne++;
        } else {
            Wf += (uint64_t)w[i];
        }
        if (hi[i] != INT64_MAX)
            ne++;
    }
    if (C >= total) { /* total == Σlo: t = 0 */
        A = 0;
        B = 1;
    } else {
        ev = regint__calloc(ne ? ne : 1, sizeof *ev);
        if (!ev)
            return regint__enomem();
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (w[i] == 0 || lo[i] == hi[i])
                continue;
            if (lo[i] > 0)
                ev[k++] = (hevent){(uint64_t)lo[i], (uint64_t)w[i], i, 0};
            if (hi[i] != INT64_MAX)
                ev[k++] = (hevent){(uint64_t)hi[i], (uint64_t)w[i], i, 1};
        }
        qsort(ev, ne, sizeof *ev, hevent_cmp);
        int found = 0;
        for (size_t e = 0; e < ne && !found;) {
            /* g(v) >= total  <=>  num*Wf >= (total - C) * den  (C < total here) */
            uint64_t rest = (uint64_t)(total - C);
            if ((ap_u128)ev[e].num * Wf >= (ap_u128)rest * ev[e].den) {
                found = 1;
                break;
            }
            size_t f = e;
            while (f < ne && (ap_u128)ev[f].num * ev[e].den == (ap_u128)ev[e].num * ev[f].den) {
                size_t i = ev[f].unit;
                if (!ev[f].upper) {
                    C -= lo[i];
                    Wf += (uint64_t)w[i];
                } else {
                    C += hi[i];
                    Wf -= (uint64_t)w[i];
                }
                f++;
            }
            e = f;
        }
        free(ev);
        /* g is continuous and non-decreasing with g(0) < total <= g(inf): the crossing lies
         * in the segment where Wf > 0 (after the last event if none was found before) */
        if (C >= total || Wf == 0)
            return regint__error(REGINT_EINFEASIBLE, "apportion: internal error in Hamilton water filling");
        A = (uint64_t)(total - C);
        B = Wf;
    }

    ap_i128 sum = 0;
    size_t m = 0;
    uint64_t *rem = regint__calloc(n ? n : 1, sizeof *rem);
    if (!rem)
        return regint__enomem();
    for (size_t i = 0; i < n; i++) {
        if (w[i] == 0 || lo[i] == hi[i]) {
            a[i] = lo[i];
        } else {
            ap_u128 aw = (ap_u128)A * (uint64_t)w[i];
            if (aw <= (ap_u128)(uint64_t)lo[i] * B) {
                a[i] = lo[i];
            } else if (hi[i] != INT64_MAX && aw >= (ap_u128)(uint64_t)hi[i] * B) {
                a[i] = hi[i];
            } else {
                a[i] = (int64_t)(aw / B);
                rem[i] = (uint64_t)(aw % B);
                if (rem[i])
                    heap[m++] = i;
            }
        }
        sum += a[i];
    }
    hctx hc = {rem};
    heap_build(heap, m, before_rem, &hc);
    while (sum < total && m > 0) {
        a[heap[0]]++;
        sum++;
        heap[0] = heap[--m];
        if (m)
            heap_sift_down(heap, m, 0, before_rem, &hc);
    }
    free(rem);
    if (sum != total)
        return regint__error(REGINT_EINFEASIBLE, "apportion: internal error: Hamilton sum %lld != %lld",
                             (long long)sum, (long long)total);
    return REGINT_OK;
}

/* ---------------------------------------------------------------- entry point */

static int is_d0_method(regint_apportion_method m)
{
    return m == REGINT_APPORTION_HUNTINGTON_HILL || m == REGINT_APPORTION_ADAMS || m == REGINT_APPORTION_DEAN;
}

static void i128_str(ap_i128 v, char *buf, size_t size)
{
    char tmp[48];
    size_t k = 0;
    int neg = v < 0;
    ap_u128 u = neg ? (ap_u128)(-(v + 1)) + 1 : (ap_u128)v;
    do {
        tmp[k++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u && k < sizeof tmp);
    size_t j = 0;
    if (neg && j + 1 < size)
        buf[j++] = '-';
    while (k && j + 1 < size)
        buf[j++] = tmp[--k];
    buf[j] = '\0';
}

regint_status regint_apportion(const int64_t *weights, size_t n, int64_t total,
                               const regint_apportion_options *opt, int64_t *seats)
{
    static const regint_apportion_options defaults = REGINT_APPORTION_OPTIONS_INIT;
    if (!opt)
        opt = &defaults;
    if (opt->version != REGINT_APPORTION_OPTIONS_VERSION)
        return regint__error(REGINT_EINVAL, "apportion: options.version: expected %d, got %d",
                             REGINT_APPORTION_OPTIONS_VERSION, opt->version);
    if ((int)opt->method < 0 || (size_t)opt->method >= N_METHODS)
        return regint__error(REGINT_EINVAL, "apportion: options.method: unknown method %d", (int)opt->method);
    if (n > 0 && (!weights || !seats))
        return regint__error(REGINT_EINVAL, "apportion: %s: NULL with n = %zu", !weights ? "weights" : "seats", n);
    if (n > (size_t)INT64_MAX / 4)
        return regint__error(REGINT_EINVAL, "apportion: n: too many units (%zu)", n);
    if (total < 0)
        return regint__error(REGINT_EINVAL, "apportion: total: must be non-negative, got %lld", (long long)total);

    dctx c;
    memset(&c, 0, sizeof c);
    c.m = opt->method;
    if (c.m == REGINT_APPORTION_SAINTE_LAGUE_MODIFIED) {
        double fd = opt->first_divisor;
        if (!isfinite(fd) || !(fd > 0) || fd > 3)
            return regint__error(REGINT_EINVAL,
                                 "apportion: options.first_divisor: must be in (0, 3], got %g", fd);
        long long F = llround(fd * 1e6);
        if (F < 1)
            return regint__error(REGINT_EINVAL,
                                 "apportion: options.first_divisor: must be at least 0.000001, got %g", fd);
        uint64_t f = (uint64_t)F, d = 1000000, x = f, y = d;
        while (y) {
            uint64_t r = x % y;
            x = y;
            y = r;
        }
        c.F = f / x;
        c.D = d / x;
        c.fd = (double)c.F / (double)c.D;
    }

    ap_i128 sum_w = 0, sum_lower = 0, sum_upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0)
            return regint__error(REGINT_EINVAL, "apportion: weights[%zu]: must be non-negative, got %lld", i,
                                 (long long)weights[i]);
        sum_w += weights[i];
        int64_t L = opt->lower ? opt->lower[i] : 0;
        int64_t U = opt->upper ? opt->upper[i] : INT64_MAX;
        if (L < 0)
            return regint__error(REGINT_EINVAL, "apportion: lower[%zu]: must be non-negative, got %lld", i,
                                 (long long)L);
        if (U < L)
            return regint__error(REGINT_EINVAL, "apportion: unit %zu: lower bound %lld > upper bound %lld", i,
                                 (long long)L, (long long)U);
        sum_lower += L;
        sum_upper += U;
    }
    if (sum_w > INT64_MAX)
        return regint__error(REGINT_ERANGE, "apportion: weights: the sum overflows a 64-bit integer");
    char b1[48];
    if (sum_lower > total) {
        i128_str(sum_lower, b1, sizeof b1);
        return regint__error(REGINT_EINFEASIBLE,
                             "apportion: bounds: sum of lower bounds %s > total %lld", b1, (long long)total);
    }
    if (sum_upper < total) {
        i128_str(sum_upper, b1, sizeof b1);
        return regint__error(REGINT_EINFEASIBLE, "apportion: bounds: sum of upper bounds %s < total %lld%s", b1,
                             (long long)total, n == 0 ? " (no units)" : "");
    }

    int64_t *lo = regint__calloc(n ? n : 1, sizeof *lo);
    int64_t *hi = regint__calloc(n ? n : 1, sizeof *hi);
    int64_t *a = regint__calloc(n ? n : 1, sizeof *a);
    size_t *cand = regint__calloc(n ? n : 1, sizeof *cand);
    size_t *heap = regint__calloc(n ? n : 1, sizeof *heap);
    regint_status st = REGINT_OK;
    if (!lo || !hi || !a || !cand || !heap) {
        st = regint__enomem();
        goto done;
    }

    /* effective bounds: weight 0 -> its lower bound only */
    int d0 = is_d0_method(c.m);
    ap_i128 sum_hi = 0;
    size_t npos = 0, nfirst = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t L = opt->lower ? opt->lower[i] : 0;
        int64_t U = opt->upper ? opt->upper[i] : INT64_MAX;
        lo[i] = L;
        hi[i] = weights[i] == 0 ? L : U;
        if (weights[i] > 0 && U >= 1) {
            npos++;
            nfirst += L == 0;
        }
        sum_hi += hi[i];
    }
    if (d0 && sum_lower < total && (ap_i128)npos > total) {
        i128_str(sum_lower, b1, sizeof b1);
        st = regint__error(REGINT_EINFEASIBLE,
                           "apportion: %s gives every unit with a positive weight a first seat: total %lld is "
                           "less than the %zu units with a positive weight that can take a seat, and the "
                           "lower bounds (sum %s) do not settle it",
                           method_names[c.m], (long long)total, npos, b1);
        goto done;
    }
    if (sum_hi < total) {
        i128_str(sum_hi, b1, sizeof b1);
        st = regint__error(REGINT_EINFEASIBLE,
                           "apportion: bounds: only %s seats can be placed (units with weight 0 get only their "
                           "lower bound; the others at most their upper bound) < total %lld",
                           b1, (long long)total);
        goto done;
    }

    for (size_t i = 0; i < n; i++)
        a[i] = lo[i];
    if (d0 && nfirst > 0) {
        /* first seats have infinite priority: they go out before any other seat, by index */
        ap_i128 left = total - sum_lower;
        for (size_t i = 0; i < n; i++) {
            if (weights[i] > 0 && lo[i] == 0 && hi[i] >= 1) {
                if (left > 0) {
                    a[i] = lo[i] = 1;
                    left--;
                } else {
                    hi[i] = 0; /* no seat left for this unit */
                }
            }
        }
    }
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (lo[i] < hi[i])
            cand[nc++] = i;

    if (c.m == REGINT_APPORTION_HAMILTON) {
        st = hamilton_apportion(weights, n, total, lo, hi, a, heap);
    } else {
        c.w = weights;
        c.lo = lo;
        c.hi = hi;
        c.a = a;
        st = divisor_apportion(&c, n, cand, nc, total, heap);
    }
    if (st == REGINT_OK && n > 0)
        memcpy(seats, a, n * sizeof *seats);
done:
    free(lo);
    free(hi);
    free(a);
    free(cand);
    free(heap);
    return st;
}
