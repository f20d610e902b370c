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

#include "util/alloc.h"
#include "util/bigalloc.h"
#include "util/error.h"
#include "util/options.h"

#if !defined(__SIZEOF_INT128__)
#  error "lib/apportion.c needs a compiler with __int128 (gcc or clang on a 64-bit target)"
#endif
__extension__ typedef unsigned __int128 ap_u128;
__extension__ typedef __int128 ap_i128;

/* ---------------------------------------------------------------- names */

static const char *const method_names[] = {
    "hamilton", "dhondt", "sainte-lague", "sainte-lague-modified",
    "huntington-hill", "adams", "dean", "sainte-lague-min10",
};
#define N_METHODS (sizeof method_names / sizeof method_names[0])

const char *regint_apportion_method_name(regint_apportion_method m)
{
    if ((int)m < 0 || (size_t)m >= N_METHODS)
        return "unknown";
    return method_names[m];
}

regint_status regint_apportion_method_from_name(const char *name, regint_apportion_method *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "apportion: method name: NULL output");
    if (!name)
        return regint__error(REGINT_ENOTFOUND, "apportion: method name: NULL name");
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
    return regint__error(REGINT_ENOTFOUND,
                         "apportion: method '%s': unknown (known: hamilton, dhondt, sainte-lague, "
                         "sainte-lague-modified, huntington-hill, adams, dean, sainte-lague-min10)",
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

/* Product of nf factors in 128 bits; 0 if it might not fit (then use u256_product). */
static int u128_product(const uint64_t *f, int nf, ap_u128 *r)
{
    ap_u128 p = 1;
    for (int k = 0; k < nf; k++) {
        if ((p >> 64) != 0 && f[k] > 1)
            return 0;
        p *= f[k];
    }
    *r = p;
    return 1;
}

/* sign(a - b), exactly. */
static int ratio_cmp(const ratio *a, const ratio *b)
{
    uint64_t f[4];
    u256 x, y;
    ap_u128 x2, y2;
    int k = 0;
    for (int j = 0; j < a->nn; j++) f[k++] = a->num[j];
    for (int j = 0; j < b->nd; j++) f[k++] = b->den[j];
    if (u128_product(f, k, &x2)) {
        k = 0;
        for (int j = 0; j < b->nn; j++) f[k++] = b->num[j];
        for (int j = 0; j < a->nd; j++) f[k++] = a->den[j];
        if (u128_product(f, k, &y2))
            return (x2 > y2) - (x2 < y2);
    }
    k = 0;
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
    case REGINT_APPORTION_SAINTE_LAGUE_MIN10: /* d(k) = 5 for k < 10, else k + 1/2: 2w / max(10, 2k+1) */
        r->nn = 2; r->num[0] = w; r->num[1] = 2;
        r->nd = 1; r->den[0] = k < 10 ? 10 : 2 * k + 1;
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
    ap_u128 x, y;
    uint64_t wi = (uint64_t)c->w[i], wj = (uint64_t)c->w[j], ki = (uint64_t)k, kj = (uint64_t)l;
    switch (c->m) { /* fast paths: one 64x64 product per side */
    case REGINT_APPORTION_DHONDT:
        x = (ap_u128)wi * (kj + 1);
        y = (ap_u128)wj * (ki + 1);
        return (x > y) - (x < y);
    case REGINT_APPORTION_SAINTE_LAGUE:
        x = (ap_u128)wi * (2 * kj + 1);
        y = (ap_u128)wj * (2 * ki + 1);
        return (x > y) - (x < y);
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        if (ki == 0 || kj == 0)
            break;
        x = (ap_u128)wi * (2 * kj + 1);
        y = (ap_u128)wj * (2 * ki + 1);
        return (x > y) - (x < y);
    case REGINT_APPORTION_SAINTE_LAGUE_MIN10:
        x = (ap_u128)wi * (kj < 10 ? 10 : 2 * kj + 1);
        y = (ap_u128)wj * (ki < 10 ? 10 : 2 * ki + 1);
        return (x > y) - (x < y);
    case REGINT_APPORTION_ADAMS:
        x = (ap_u128)wi * kj;
        y = (ap_u128)wj * ki;
        return (x > y) - (x < y);
    default:
        break;
    }
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
    case REGINT_APPORTION_SAINTE_LAGUE_MIN10: /* none while q <= 5, then max(10, ceil(q - 1/2)) */
        if (!(q > 5))
            return 0;
        n = ceil(q - 0.5);
        return n > 10 ? n : 10;
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

/* λ = 1/x as p/q with 64-bit p and q, as exactly as they allow; exactly 1/x when x is
 * large (x >= 2^64 happens with modified Sainte-Laguë: weight 1, total near INT64_MAX): then
 * q = M 2^(e-53) is kept as two factors (an approximation there left ~10^15 seats to the
 * one-at-a-time heap: a hang found by fuzzing). */
static void set_threshold(dctx *c, double x)
{
    int e;
    double m = frexp(x, &e); /* x = m 2^e, m in [0.5, 1) */
    uint64_t M = (uint64_t)ldexp(m, 53); /* x = M 2^(e-53) */
    int s = 53 - e;                      /* 1/x = 2^s / M */
    uint64_t p, q;
    if (s < -11 && s >= -63 && c->m != REGINT_APPORTION_HUNTINGTON_HILL) {
        c->thr.nn = 1; c->thr.num[0] = 1;
        c->thr.nd = 2; c->thr.den[0] = M; c->thr.den[1] = (uint64_t)1 << -s;
        return;
    }
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
        q = (-s > 11) ? UINT64_MAX : M << -s; /* M < 2^53: M << 11 fits */
    }
    if (c->m == REGINT_APPORTION_HUNTINGTON_HILL) {
        c->thr.nn = 2; c->thr.num[0] = p; c->thr.num[1] = p;
        c->thr.nd = 2; c->thr.den[0] = q; c->thr.den[1] = q;
    } else {
        c->thr.nn = 1; c->thr.num[0] = p;
        c->thr.nd = 1; c->thr.den[0] = q;
    }
}

/* From seat `from`, probe in doubling steps downward (dir < 0, toward lo - 1) or upward
 * (dir > 0, toward hi) until a seat whose above() is `want`, or the end of [lo, hi); returns
 * that seat (lo - 1 or hi at the end) and leaves in *last the last seat probed before it. */
static int64_t gallop(const dctx *c, size_t i, int64_t from, int dir, int want, int64_t *last)
{
    int64_t lo = c->lo[i], hi = c->hi[i], step = 1;
    *last = from;
    for (;;) {
        int64_t probe = dir > 0 ? (hi - *last > step ? *last + step : hi)
                                : (*last - lo > step ? *last - step : lo - 1);
        if (probe < lo || probe >= hi || !!seat_above(c, i, probe) == want)
            return probe;
        *last = probe;
        if (step < INT64_MAX / 2)
            step *= 2;
    }
}

/* The seat where above() turns false, by bisection between `above` (above, or lo - 1) and
 * `notabove` (not above, or hi). */
static int64_t bisect(const dctx *c, size_t i, int64_t above, int64_t notabove)
{
    while (notabove - above > 1) {
        int64_t mid = above + (notabove - above) / 2;
        if (seat_above(c, i, mid))
            above = mid;
        else
            notabove = mid;
    }
    return notabove;
}

/* Exact count for unit i at the threshold: lo + #{k in [lo, hi) : priority(k) > λ},
 * found by galloping from the estimate `guess` (already in [lo, hi]): the seats below the
 * count are above the threshold, the seat at the count is not (or the count is hi). */
static int64_t exact_count(const dctx *c, size_t i, int64_t guess)
{
    int64_t last;
    if (guess > c->lo[i] && !seat_above(c, i, guess - 1)) { /* too high: gallop down */
        int64_t above = gallop(c, i, guess - 1, -1, 1, &last);
        return bisect(c, i, above, last);
    }
    if (guess < c->hi[i] && seat_above(c, i, guess)) { /* too low: gallop up */
        int64_t notabove = gallop(c, i, guess, 1, 0, &last);
        return bisect(c, i, last, notabove);
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

/* Rearrange h[0..m) so that h[0..k) are the k first under `before` and h[k-1] is the k-th
 * (quickselect, median of three). Returns 0 if it gave up (work budget spent: adversarial
 * input), leaving h a permutation of itself. */
static int select_first(size_t *h, size_t m, size_t k, heap_before_fn before, const void *ctx)
{
    size_t lo = 0, hi = m - 1, target = k - 1;
    size_t budget = 8 * m + 64;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, t;
        /* median of h[lo], h[mid], h[hi] into h[hi] */
        if (before(ctx, h[mid], h[lo])) { t = h[mid]; h[mid] = h[lo]; h[lo] = t; }
        if (before(ctx, h[hi], h[lo])) { t = h[hi]; h[hi] = h[lo]; h[lo] = t; }
        if (before(ctx, h[mid], h[hi])) { t = h[mid]; h[mid] = h[hi]; h[hi] = t; }
        size_t pivot = h[hi], store = lo;
        for (size_t x = lo; x < hi; x++) {
            if (before(ctx, h[x], pivot)) {
                t = h[x]; h[x] = h[store]; h[store] = t;
                store++;
            }
        }
        h[hi] = h[store];
        h[store] = pivot;
        if (hi - lo + 3 > budget)
            return 0;
        budget -= hi - lo + 3;
        if (store == target)
            break;
        if (store < target)
            lo = store + 1;
        else
            hi = store - 1;
    }
    return 1;
}

/* Hand out (add = 1) or take back (add = 0) `count` seats, exactly as the one-seat-at-a-time
 * process would. Fast path: if every unit moves by at most one seat, the seats that move are
 * the `count` first next (last) seats; quickselect them and check that no unit's following
 * seat would have come before the boundary seat. Otherwise a heap, one seat at a time. */
static regint_status settle(dctx *c, const size_t *cand, size_t nc, int64_t count, size_t *h, int add)
{
    heap_before_fn before = add ? before_add : before_remove;
    size_t m = 0;
    for (size_t t = 0; t < nc; t++) {
        size_t i = cand[t];
        if (add ? c->a[i] < c->hi[i] : c->a[i] > c->lo[i])
            h[m++] = i;
    }
    if (count > 0 && (uint64_t)count <= (uint64_t)m && select_first(h, m, (size_t)count, before, c)) {
        size_t k = (size_t)count, b = h[k - 1];
        int ok = 1;
        for (size_t x = 0; x < k && ok; x++) {
            size_t i = h[x];
            if (i == b)
                continue;
            if (add) {
                /* seat a_i+1 of unit i must not come before seat a_b of unit b */
                if (c->a[i] + 1 < c->hi[i]) {
                    int sg = seat_cmp(c, i, c->a[i] + 1, b, c->a[b]);
                    ok = !(sg > 0 || (sg == 0 && i < b));
                }
            } else {
                /* seat a_i-2 of unit i must not be taken back before seat a_b-1 of unit b */
                if (c->a[i] - 1 > c->lo[i]) {
                    int sg = seat_cmp(c, i, c->a[i] - 2, b, c->a[b] - 1);
                    ok = !(sg < 0 || (sg == 0 && i > b));
                }
            }
        }
        if (ok) {
            for (size_t x = 0; x < k; x++)
                c->a[h[x]] += add ? 1 : -1;
            return REGINT_OK;
        }
    }
    /* general case: a heap */
    heap_build(h, m, before, c);
    while (count > 0) {
        if (m == 0)
            return regint__error(REGINT_EINFEASIBLE, "apportion: internal error: no seat to %s",
                                 add ? "hand out" : "take back");
        size_t i = h[0];
        c->a[i] += add ? 1 : -1;
        count--;
        if (add ? c->a[i] >= c->hi[i] : c->a[i] <= c->lo[i])
            h[0] = h[--m];
        if (m)
            heap_sift_down(h, m, 0, before, c);
    }
    return REGINT_OK;
}

/* Divisor method: fills c->a (already holding lo) for the candidate units. */
/* One step of the bracketing searches (divisor_apportion's x, the Huntington-Hill t): the
 * point x with sum fx replaces the end of [*lo, *hi] on its side of the target K, so the
 * bracket keeps f(lo) < K <= f(hi). */
static void narrow(double x, double fx, double K, double *lo, double *flo, double *hi, double *fhi)
{
    if (fx < K) {
        *lo = x;
        *flo = fx;
    } else {
        *hi = x;
        *fhi = fx;
    }
}

static regint_status divisor_apportion(dctx *c, size_t n, const size_t *cand, size_t nc, int64_t total,
                                       size_t *heap)
{
    ap_i128 given = 0;
    for (size_t i = 0; i < n; i++)
        given += c->a[i];
    if (given == total || nc == 0)
        return REGINT_OK;

    /* 1. floating multiplier x with float_sum(x) close to K. The bracketing and the
     * regula-falsi/bisection steps look like those of the Hamilton estimate below
     * (`duplicates`, issue 13, reports the pair). Kept apart: the two stop on different
     * tests (within `tol` seats here, with the settling-cost switch at round 8; a relative
     * width and |g - K| <= 0.25 there) that the exact settling after each relies on. */
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
            /* the settling step costs about as much per seat as this loop per unit, so after
             * a few rounds (a jump of the step function: many exact ties) accept nc seats */
            if (it == 8 && tol < (double)nc)
                tol = (double)nc;
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
            narrow(xm, fm, K, &xl, &fl, &xh, &fh);
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

    /* 3. settle the difference: hand out the missing seats / take back the surplus */
    if (given < total)
        return settle(c, cand, nc, (int64_t)(total - given), heap, 1);
    if (given > total)
        return settle(c, cand, nc, (int64_t)(given - total), heap, 0);
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

/* Units that can move: positive weight and lower < upper. */
static int h_free_unit(const int64_t *w, const int64_t *lo, const int64_t *hi, size_t i)
{
    return w[i] > 0 && lo[i] < hi[i];
}

/* The state of g(t) = Σ median(lo_i, t w_i, hi_i) on the segment just after t = p/q:
 * C = Σ of the clipped values, Wf = Σ of the free weights, so g = C + t Wf there. */
static void h_state(const int64_t *w, size_t n, const int64_t *lo, const int64_t *hi, uint64_t p, uint64_t q,
                    ap_i128 *C, uint64_t *Wf)
{
    ap_i128 c = 0;
    uint64_t f = 0;
    for (size_t i = 0; i < n; i++) {
        if (!h_free_unit(w, lo, hi, i)) {
            c += lo[i];
            continue;
        }
        ap_u128 tw = (ap_u128)p * (uint64_t)w[i];
        if ((ap_u128)(uint64_t)lo[i] * q > tw)
            c += lo[i];
        else if (hi[i] != INT64_MAX && (ap_u128)(uint64_t)hi[i] * q <= tw)
            c += hi[i];
        else
            f += (uint64_t)w[i];
    }
    *C = c;
    *Wf = f;
}

/* sign(g(p/q) - total) */
static int h_cmp_total(const int64_t *w, size_t n, const int64_t *lo, const int64_t *hi, uint64_t p, uint64_t q,
                       int64_t total)
{
    ap_i128 C;
    uint64_t Wf;
    h_state(w, n, lo, hi, p, q, &C, &Wf);
    if (C >= total)
        return (C > total || ((ap_u128)p * Wf) > 0) ? 1 : 0;
    ap_u128 l = (ap_u128)p * Wf, r = (ap_u128)(uint64_t)(total - C) * q;
    return (l > r) - (l < r);
}

/* t as p/2^s, rounded down (up = 0) or up; 0 if t is out of range. */
static int h_rational(double t, int up, uint64_t *p, uint64_t *q)
{
    int e, s;
    if (!(t > 0)) {
        *p = 0;
        *q = 1;
        return 1;
    }
    frexp(t, &e); /* t in [2^(e-1), 2^e) */
    if (e > 63)
        return 0;
    s = 62 - e;
    if (s > 63)
        s = 63;
    if (s < 0)
        s = 0;
    double v = ldexp(t, s);
    v = up ? ceil(v) : floor(v);
    if (!(v < 18446744073709551616.0))
        return 0;
    *p = (uint64_t)v;
    *q = (uint64_t)1 << s;
    return 1;
}

static double h_float_sum(const int64_t *w, const size_t *cand, size_t nc, const int64_t *lo, const int64_t *hi,
                          double t)
{
    double g = 0;
    for (size_t k = 0; k < nc; k++) {
        size_t i = cand[k];
        g += clamp_d(t * (double)w[i], lo[i], hi[i]);
    }
    return g;
}

static regint_status hamilton_apportion(const int64_t *w, size_t n, int64_t total, const int64_t *lo,
                                        const int64_t *hi, const size_t *cand, size_t nc, int64_t *a,
                                        size_t *heap)
{
    /* 1. t = A/B with Σ median(lo_i, t w_i, hi_i) = total */
    ap_i128 sum_lo = 0;
    for (size_t i = 0; i < n; i++)
        sum_lo += lo[i];
    uint64_t A = 0, B = 1;
    if (sum_lo < total) {
        /* floating estimate of t, then an exact bracket (t1, t2] around it, so that only the
         * breakpoints inside the bracket need sorting. `duplicates` pairs the bracketing with
         * the divisor methods' multiplier search above; kept apart for the reason given there. */
        double K = (double)total, wsum = 0;
        for (size_t i = 0; i < n; i++)
            if (!h_free_unit(w, lo, hi, i))
                K -= (double)lo[i];
        for (size_t k = 0; k < nc; k++)
            wsum += (double)w[cand[k]];
        double tl = 0, th = wsum > 0 ? K / wsum : 1, gl = h_float_sum(w, cand, nc, lo, hi, 0), gh;
        if (!(th > 0) || !isfinite(th))
            th = 1e-300;
        gh = h_float_sum(w, cand, nc, lo, hi, th);
        while (gh < K && isfinite(th)) {
            tl = th;
            gl = gh;
            th *= 2;
            gh = h_float_sum(w, cand, nc, lo, hi, th);
        }
        double est = th;
        if (isfinite(th)) {
            est = 0.5 * (tl + th);
            for (int it = 0; it < 100 && th - tl > 1e-12 * th && gh > gl; it++) {
                double tm = (it % 2) ? 0.5 * (tl + th) : tl + (th - tl) * ((K - gl) / (gh - gl));
                if (!(tm > tl && tm < th))
                    tm = 0.5 * (tl + th);
                if (!(tm > tl && tm < th))
                    break;
                double gm = h_float_sum(w, cand, nc, lo, hi, tm);
                est = 0.5 * (tl + th);
                if (fabs(gm - K) <= 0.25) {
                    est = tm;
                    break;
                }
                narrow(tm, gm, K, &tl, &gl, &th, &gh);
                est = 0.5 * (tl + th);
            }
        }
        uint64_t p1 = 0, q1 = 1, p2 = 0, q2 = 1;
        int bounded = 0; /* t2 finite and g(t2) >= total verified */
        if (isfinite(est)) {
            for (double delta = 1e-9; delta < 0.5 && !bounded; delta *= 1000) {
                if (h_rational(est * (1 - delta), 0, &p1, &q1) && h_rational(est * (1 + delta), 1, &p2, &q2) &&
                    h_cmp_total(w, n, lo, hi, p1, q1, total) < 0 && h_cmp_total(w, n, lo, hi, p2, q2, total) >= 0)
                    bounded = 1;
            }
        }
        if (!bounded) { /* sweep everything from t = 0 */
            p1 = 0;
            q1 = 1;
        }
        /* events in (t1, t2] */
        ap_i128 C;
        uint64_t Wf;
        h_state(w, n, lo, hi, p1, q1, &C, &Wf);
        size_t ne = 0;
        for (int pass = 0; pass < 2; pass++) {
            hevent *ev = NULL;
            if (pass == 1) {
                ev = regint__big_calloc(ne ? ne : 1, sizeof *ev);
                if (!ev)
                    return regint__enomem();
                ne = 0;
            }
            for (size_t k = 0; k < nc; k++) {
                size_t i = cand[k];
                for (int up = 0; up < 2; up++) {
                    int64_t bnd = up ? hi[i] : lo[i];
                    if (up && bnd == INT64_MAX)
                        continue;
                    /* bnd/w in (p1/q1, p2/q2] */
                    if ((ap_u128)(uint64_t)bnd * q1 <= (ap_u128)p1 * (uint64_t)w[i])
                        continue;
                    if (bounded && (ap_u128)(uint64_t)bnd * q2 > (ap_u128)p2 * (uint64_t)w[i])
                        continue;
                    if (ev)
                        ev[ne] = (hevent){(uint64_t)bnd, (uint64_t)w[i], i, up};
                    ne++;
                }
            }
            if (pass == 0)
                continue;
            qsort(ev, ne, sizeof *ev, hevent_cmp);
            for (size_t e = 0; e < ne;) {
                /* g(v) >= total  <=>  num*Wf >= (total - C) * den  (C < total here) */
                if (C >= total)
                    break;
                uint64_t rest = (uint64_t)(total - C);
                if ((ap_u128)ev[e].num * Wf >= (ap_u128)rest * ev[e].den)
                    break;
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
        }
        /* g is continuous and non-decreasing with g(t1) < total <= g(t2): the crossing lies in
         * a segment where Wf > 0 */
        if (C >= total || Wf == 0)
            return regint__error(REGINT_EINFEASIBLE, "apportion: internal error in Hamilton water filling");
        A = (uint64_t)(total - C);
        B = Wf;
    }

    /* 2. floors of the clipped quotas, remainders (A w_i) mod B */
    ap_i128 sum = 0;
    size_t m = 0;
    uint64_t *rem = regint__work_get((n ? n : 1) * sizeof *rem); /* n <= nn above: no overflow */
    if (!rem)
        return REGINT_ENOMEM;
    memset(rem, 0, (n ? n : 1) * sizeof *rem);
    for (size_t i = 0; i < n; i++) {
        if (!h_free_unit(w, lo, hi, i)) {
            a[i] = lo[i];
        } else {
            ap_u128 aw = (ap_u128)A * (uint64_t)w[i];
            if (aw <= (ap_u128)(uint64_t)lo[i] * B) {
                a[i] = lo[i];
            } else if (hi[i] != INT64_MAX && aw >= (ap_u128)(uint64_t)hi[i] * B) {
                a[i] = hi[i];
            } else {
                if ((aw >> 64) == 0) {
                    uint64_t x = (uint64_t)aw;
                    a[i] = (int64_t)(x / B);
                    rem[i] = x % B;
                } else {
                    a[i] = (int64_t)(aw / B);
                    rem[i] = (uint64_t)(aw % B);
                }
                if (rem[i])
                    heap[m++] = i;
            }
        }
        sum += a[i];
    }
    /* 3. the remaining seats to the largest remainders, lowest index first on ties */
    hctx hc = {rem};
    int64_t R = (int64_t)(total - sum);
    if (R > 0 && (uint64_t)R <= m && select_first(heap, m, (size_t)R, before_rem, &hc)) {
        for (int64_t x = 0; x < R; x++)
            a[heap[x]]++;
        sum += R;
    } else {
        heap_build(heap, m, before_rem, &hc);
        while (sum < total && m > 0) {
            a[heap[0]]++;
            sum++;
            heap[0] = heap[--m];
            if (m)
                heap_sift_down(heap, m, 0, before_rem, &hc);
        }
    }
    regint__work_put(rem);
    if (sum != total)
        return regint__error(REGINT_EINFEASIBLE, "apportion: internal error: Hamilton sum differs from the total");
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
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_APPORTION_OPTIONS_VERSION, "regint_apportion");
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

    /* The five work arrays in one block kept for the next call (util/bigalloc.h): each is
     * written before it is read (lo, hi, a below for every unit; cand and heap by push). */
    size_t nn = n ? n : 1;
    if (nn > SIZE_MAX / (3 * sizeof(int64_t) + 2 * sizeof(size_t)))
        return regint__enomem();
    int64_t *lo = regint__work_get(nn * (3 * sizeof(int64_t) + 2 * sizeof(size_t)));
    if (!lo)
        return REGINT_ENOMEM;
    int64_t *hi = lo + nn, *a = hi + nn;
    size_t *cand = (size_t *)(a + nn), *heap = cand + nn;
    regint_status st = REGINT_OK;

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
        st = hamilton_apportion(weights, n, total, lo, hi, cand, nc, a, heap);
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
    regint__work_put(lo);
    return st;
}
