/* Benchmark of regint_apportion.
 *
 * 1. Every method at 10^6 units and total 10^9 (without and with bounds, and a worst case of
 *    equal weights where half a million seats are exact ties): time per call, best of 3.
 * 2. A plain priority-queue reference (one seat at a time, exact integer comparisons, ties
 *    to the lowest index) written here, at 10^4 units and total 10^6: both must give the
 *    same seats; prints both times and the ratio.
 *
 * Usage: bench_apportion [units [total]]   (defaults 1000000 1000000000)
 * Exit status 1 if a result differs from the reference or a call fails.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <regint/apportion.h>

#include "bench_clock.h"

__extension__ typedef __int128 i128;

static double now(void) { return bench_seconds(CLOCK_MONOTONIC); }

static uint64_t rng = 20261123;
static uint64_t rnd(uint64_t k)
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return z % k;
}

/* skewed weights: product of two uniforms in 1..1000 (many repeats, so exact ties occur) */
static void make_weights(int64_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        w[i] = (int64_t)((1 + rnd(1000)) * (1 + rnd(1000)));
}

/* ------------------------------------------------------------ reference: one seat at a time */

typedef struct ref {
    regint_apportion_method m;
    const int64_t *w;
    int64_t *s;
} ref;

/* d(k) = dn/dd; Huntington-Hill compares squares */
static void divisor(regint_apportion_method m, int64_t k, i128 *dn, i128 *dd)
{
    switch (m) {
    case REGINT_APPORTION_DHONDT: *dn = k + 1; *dd = 1; break;
    case REGINT_APPORTION_SAINTE_LAGUE: *dn = 2 * (i128)k + 1; *dd = 2; break;
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        if (k == 0) { *dn = 7; *dd = 5; } else { *dn = 2 * (i128)k + 1; *dd = 1; }
        break;
    case REGINT_APPORTION_ADAMS: *dn = k; *dd = 1; break;
    case REGINT_APPORTION_DEAN: *dn = 2 * (i128)k * (k + 1); *dd = 2 * (i128)k + 1; break;
    default: *dn = 1; *dd = 1; break;
    }
}

/* next seat of unit a before next seat of unit b? */
static int ref_before(const ref *r, size_t a, size_t b)
{
    int64_t wa = r->w[a], wb = r->w[b], ka = r->s[a], kb = r->s[b];
    i128 l, rr;
    if (r->m == REGINT_APPORTION_HUNTINGTON_HILL) {
        l = (i128)wa * wa * ((i128)kb * (kb + 1));
        rr = (i128)wb * wb * ((i128)ka * (ka + 1));
    } else if (r->m == REGINT_APPORTION_HAMILTON) {
        l = r->s[a]; /* s holds remainders here */
        rr = r->s[b];
        (void)wa;
        (void)wb;
    } else {
        i128 na, da, nb, db;
        divisor(r->m, ka, &na, &da);
        divisor(r->m, kb, &nb, &db);
        l = (i128)wa * da * nb;
        rr = (i128)wb * db * na;
    }
    return l > rr || (l == rr && a < b);
}

static void sift(const ref *r, size_t *h, size_t m, size_t pos)
{
    size_t x = h[pos];
    for (;;) {
        size_t c = 2 * pos + 1;
        if (c >= m)
            break;
        if (c + 1 < m && ref_before(r, h[c + 1], h[c]))
            c++;
        if (!ref_before(r, h[c], x))
            break;
        h[pos] = h[c];
        pos = c;
    }
    h[pos] = x;
}

/* Divisor methods: start at the lower bounds, hand out seats one by one. Hamilton (no
 * bounds): floors, then the remaining seats one by one from a queue of remainders. */
static int reference(regint_apportion_method m, const int64_t *w, size_t n, int64_t total, const int64_t *lo,
                     const int64_t *up, int64_t *out)
{
    size_t *h = malloc(n * sizeof *h);
    int64_t *rem = NULL;
    ref r = {m, w, out};
    size_t hm = 0;
    int64_t given = 0;
    if (!h)
        return -1;
    if (m == REGINT_APPORTION_HAMILTON) {
        int64_t W = 0;
        rem = malloc(n * sizeof *rem);
        if (!rem) {
            free(h);
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            W += w[i];
        for (size_t i = 0; i < n; i++) {
            out[i] = (int64_t)((i128)total * w[i] / W);
            rem[i] = (int64_t)((i128)total * w[i] % W);
            given += out[i];
            h[hm++] = i;
        }
        ref rr = {m, w, rem};
        for (size_t p = hm / 2; p-- > 0;)
            sift(&rr, h, hm, p);
        for (; given < total; given++) {
            out[h[0]]++;
            h[0] = h[--hm];
            sift(&rr, h, hm, 0);
        }
        free(rem);
        free(h);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = lo ? lo[i] : 0;
        given += out[i];
        if (w[i] > 0 && (!up || out[i] < up[i]))
            h[hm++] = i;
    }
    for (size_t p = hm / 2; p-- > 0;)
        sift(&r, h, hm, p);
    for (; given < total && hm > 0; given++) {
        size_t i = h[0];
        out[i]++;
        if (up && out[i] >= up[i])
            h[0] = h[--hm];
        if (hm)
            sift(&r, h, hm, 0);
    }
    free(h);
    return given == total ? 0 : -1;
}

/* ------------------------------------------------------------ driver */

static double time_lib(regint_apportion_method m, const int64_t *w, size_t n, int64_t total, const int64_t *lo,
                       const int64_t *up, int64_t *out, int reps)
{
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    opt.method = m;
    opt.lower = lo;
    opt.upper = up;
    double best = 1e300;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        regint_status st = regint_apportion(w, n, total, &opt, out);
        double t = now() - t0;
        if (st != REGINT_OK) {
            fprintf(stderr, "%s: %s\n", regint_apportion_method_name(m), regint_last_error());
            return -1;
        }
        if (t < best)
            best = t;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += out[i];
    if (sum != total) {
        fprintf(stderr, "%s: sum %" PRId64 " != %" PRId64 "\n", regint_apportion_method_name(m), sum, total);
        return -1;
    }
    return best;
}

/* bounds around the quota: lower = quota/2, upper = quota*3/2 + 1, but a tenth of the units
 * capped hard at quota/4 and a tenth raised to 2*quota + 2: the bounds bind often */
static void make_bounds(const int64_t *w, size_t n, int64_t total, int64_t *lo, int64_t *up)
{
    int64_t W = 0;
    for (size_t i = 0; i < n; i++)
        W += w[i];
    for (size_t i = 0; i < n; i++) {
        int64_t q = (int64_t)((i128)total * w[i] / W);
        lo[i] = q / 2;
        up[i] = q + q / 2 + 1;
        uint64_t r = rnd(10);
        if (r == 0)
            lo[i] = up[i] = q / 4 + 1;
        else if (r == 1)
            lo[i] = 2 * q + 2, up[i] = 3 * q + 3;
        if (lo[i] > up[i])
            up[i] = lo[i];
    }
    /* make the bounds feasible: sum(lo) <= total <= sum(up) */
    int64_t sl = 0, su = 0;
    for (size_t i = 0; i < n; i++)
        sl += lo[i], su += up[i];
    for (size_t i = 0; sl > total && i < n; i++) {
        int64_t cut = lo[i] < sl - total ? lo[i] : sl - total;
        lo[i] -= cut;
        sl -= cut;
    }
    for (size_t i = 0; su < total && i < n; i++)
        up[i] += total - su, su = total;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000;
    int64_t total = argc > 2 ? (int64_t)strtoll(argv[2], NULL, 10) : 1000000000;
    int failures = 0;
    int64_t *w = malloc(n * sizeof *w), *out = malloc(n * sizeof *out), *lo = malloc(n * sizeof *lo),
            *up = malloc(n * sizeof *up), *ref_out = malloc(n * sizeof *ref_out);
    if (!w || !out || !lo || !up || !ref_out)
        return 1;
    make_weights(w, n);
    make_bounds(w, n, total, lo, up);

    printf("regint_apportion: %zu units, total %" PRId64 " (best of 3)\n", n, total);
    printf("%-22s %12s %12s %12s\n", "method", "no bounds", "bounds", "equal w");
    for (int m = 0; m < 7; m++) {
        double t1 = time_lib((regint_apportion_method)m, w, n, total, NULL, NULL, out, 3);
        double t2 = time_lib((regint_apportion_method)m, w, n, total, lo, up, out, 3);
        /* all weights equal, total = k*n + n/2: n/2 seats decided by exact ties */
        for (size_t i = 0; i < n; i++)
            ref_out[i] = 1000;
        int64_t te = (total / (int64_t)n) * (int64_t)n + (int64_t)n / 2;
        double t3 = time_lib((regint_apportion_method)m, ref_out, n, te, NULL, NULL, out, 1);
        if (t1 < 0 || t2 < 0 || t3 < 0)
            failures++;
        else if (n > 1 && !(out[0] == te / (int64_t)n + 1 && out[n - 1] == te / (int64_t)n))
            failures++, fprintf(stderr, "%s: equal weights: ties not to the lowest index\n",
                                regint_apportion_method_name((regint_apportion_method)m));
        printf("%-22s %10.3f s %10.3f s %10.3f s\n", regint_apportion_method_name((regint_apportion_method)m), t1,
               t2, t3);
    }

    /* reference comparison at a size where one seat at a time is feasible */
    size_t rn = 10000;
    int64_t rt = 1000000;
    make_weights(w, rn);
    make_bounds(w, rn, rt, lo, up);
    printf("\nvs one-seat-at-a-time priority queue: %zu units, total %" PRId64 "\n", rn, rt);
    printf("%-22s %7s %12s %12s %9s  %s\n", "method", "bounds", "reference", "regint", "speed-up", "same seats");
    for (int m = 0; m < 7; m++) {
        for (int b = 0; b < 2; b++) {
            if (b && m == REGINT_APPORTION_HAMILTON)
                continue; /* the queue reference has no water filling */
            const int64_t *L = b ? lo : NULL, *U = b ? up : NULL;
            double t0 = now();
            int rs = reference((regint_apportion_method)m, w, rn, rt, L, U, ref_out);
            double tr = now() - t0;
            double tl = time_lib((regint_apportion_method)m, w, rn, rt, L, U, out, 3);
            int same = rs == 0 && tl >= 0 && memcmp(out, ref_out, rn * sizeof *out) == 0;
            failures += !same;
            printf("%-22s %7s %10.4f s %10.4f s %8.0fx  %s\n", regint_apportion_method_name((regint_apportion_method)m),
                   b ? "yes" : "no", tr, tl, tl > 0 ? tr / tl : 0.0, same ? "yes" : "NO");
        }
    }
    free(w);
    free(out);
    free(lo);
    free(up);
    free(ref_out);
    if (failures)
        printf("\n%d FAILURES\n", failures);
    return failures ? 1 : 0;
}
