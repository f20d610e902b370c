/* Fuzz target: regint_apportion on decoded arguments.
 *
 * Byte 0: method (mod 7, or out of range when >= 252); byte 1: mode bits
 *   0x01 lower bounds, 0x02 upper bounds, 0x04 raw mode (any int64 weights, total and
 *   bounds: only the invariants are checked), 0x08 odd first divisor (raw double);
 * byte 2: n (mod 13); then total, weights, bounds, small (1-2 bytes each) or raw (8 bytes).
 *
 * Invariants: no crash, leak or UB; on success the seats sum exactly to total and respect
 * the bounds; on failure the seats are untouched. In small mode the result (or the
 * infeasibility) equals a simple reference: divisor methods hand out one seat at a time
 * from the lower bounds to the highest priority w/d(s) (exact integer comparison, ties to
 * the lowest index); Hamilton without bounds gives floors of the quotas and the leftover
 * seats to the largest remainders (ties to the lowest index). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "regint/apportion.h"

#define MAXN 12

__extension__ typedef __int128 i128;

typedef struct reader {
    const unsigned char *p;
    size_t left;
} reader;

static uint64_t take(reader *r, size_t bytes)
{
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; i++) {
        v <<= 8;
        if (r->left) {
            v |= *r->p++;
            r->left--;
        }
    }
    return v;
}

/* Divisor d(k) as a fraction num/den (den 0 = d is 0, infinite priority). */
static void divisor(regint_apportion_method m, int64_t f_micro, int64_t k, i128 *num, i128 *den)
{
    *den = 1;
    switch (m) {
    case REGINT_APPORTION_DHONDT: *num = k + 1; break;
    case REGINT_APPORTION_SAINTE_LAGUE: *num = 2 * k + 1; *den = 2; break;
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        *num = k == 0 ? f_micro : (2 * k + 1) * (i128)1000000;
        *den = 1000000;
        break;
    case REGINT_APPORTION_ADAMS: *num = k; break;
    case REGINT_APPORTION_DEAN: *num = 2 * k * (k + 1); *den = 2 * k + 1; break;
    case REGINT_APPORTION_SAINTE_LAGUE_MIN10: *num = k < 10 ? 10 : 2 * k + 1; *den = 2; break;
    default: *num = 0; break; /* Huntington-Hill is compared by squares below */
    }
}

/* 1 if unit a (weight wa, seats ka) has a strictly higher priority than unit b. */
static int higher(regint_apportion_method m, int64_t f_micro, int64_t wa, int64_t ka, int64_t wb, int64_t kb)
{
    if (m == REGINT_APPORTION_HUNTINGTON_HILL) {
        i128 da = (i128)ka * (ka + 1), db = (i128)kb * (kb + 1);
        if (da == 0 || db == 0)
            return da == 0 && db != 0;
        return (i128)wa * wa * db > (i128)wb * wb * da;
    }
    i128 na, dna, nb, dnb;
    divisor(m, f_micro, ka, &na, &dna);
    divisor(m, f_micro, kb, &nb, &dnb);
    if (na == 0 || nb == 0)
        return na == 0 && nb != 0;
    /* wa*dna/na > wb*dnb/nb */
    return (i128)wa * dna * nb > (i128)wb * dnb * na;
}

/* Reference; returns REGINT_OK or REGINT_EINFEASIBLE. */
static regint_status reference(regint_apportion_method m, int64_t f_micro, const int64_t *w, size_t n, int64_t total,
                               const int64_t *lo, const int64_t *hi, int64_t *s)
{
    i128 sumlo = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        s[i] = lo[i];
        sumlo += lo[i];
        cap += w[i] > 0 ? hi[i] : lo[i];
    }
    if (sumlo > total || cap < total)
        return REGINT_EINFEASIBLE;
    if (m == REGINT_APPORTION_HAMILTON) {
        int64_t W = 0, given = 0;
        for (size_t i = 0; i < n; i++)
            W += w[i];
        if (W == 0)
            return total == 0 ? REGINT_OK : REGINT_EINFEASIBLE;
        for (size_t i = 0; i < n; i++) {
            s[i] = (int64_t)((i128)total * w[i] / W);
            given += s[i];
        }
        for (; given < total; given++) {
            size_t best = n;
            i128 bestr = -1;
            for (size_t i = 0; i < n; i++) {
                i128 r = (i128)total * w[i] % W;
                if (r > bestr && s[i] == (int64_t)((i128)total * w[i] / W)) {
                    bestr = r;
                    best = i;
                }
            }
            s[best]++;
        }
        return REGINT_OK;
    }
    if (m == REGINT_APPORTION_HUNTINGTON_HILL || m == REGINT_APPORTION_ADAMS || m == REGINT_APPORTION_DEAN) {
        int64_t can = 0;
        for (size_t i = 0; i < n; i++)
            can += w[i] > 0 && hi[i] >= 1;
        if (sumlo < total && total < can)
            return REGINT_EINFEASIBLE;
    }
    for (int64_t left = total - sumlo; left > 0; left--) {
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            if (w[i] <= 0 || s[i] >= hi[i])
                continue;
            if (best == n || higher(m, f_micro, w[i], s[i], w[best], s[best]))
                best = i;
        }
        if (best == n)
            return REGINT_EINFEASIBLE;
        s[best]++;
    }
    return REGINT_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    reader r = {data, size};
    unsigned mbyte = (unsigned)take(&r, 1), mode = (unsigned)take(&r, 1);
    size_t n = (size_t)(take(&r, 1) % (MAXN + 1));
    int raw = (mode & 0x04) != 0;
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    opt.method = (regint_apportion_method)(mbyte >= 252 ? (int)mbyte - 256 + 100 * (int)(mbyte & 1u) : (int)(mbyte % (unsigned)REGINT_APPORTION_METHOD_COUNT));
    if (mode & 0x08) {
        uint64_t bits = take(&r, 8);
        memcpy(&opt.first_divisor, &bits, sizeof bits);
    } else if (mode & 0x10) {
        opt.first_divisor = 0.5 + (double)take(&r, 1) / 100.0; /* 0.5 .. 3.05 */
    }
    int64_t total = raw ? (int64_t)take(&r, 8) : (int64_t)(take(&r, 1) % 64);
    int64_t w[MAXN], lo[MAXN], hi[MAXN], seats[MAXN], ref[MAXN];
    for (size_t i = 0; i < n; i++)
        w[i] = raw ? (int64_t)take(&r, 8) : (int64_t)take(&r, 2);
    for (size_t i = 0; i < n; i++) {
        lo[i] = 0;
        hi[i] = INT64_MAX;
        if (mode & 0x01)
            lo[i] = raw ? (int64_t)take(&r, 8) : (int64_t)(take(&r, 1) % 8);
        if (mode & 0x02) {
            uint64_t v = raw ? take(&r, 8) : take(&r, 1);
            hi[i] = raw ? (int64_t)v : (v == 255 ? INT64_MAX : (int64_t)(v % 16));
        }
    }
    opt.lower = (mode & 0x01) ? lo : NULL;
    opt.upper = (mode & 0x02) ? hi : NULL;
    for (size_t i = 0; i < MAXN; i++)
        seats[i] = -12345;
    regint_status st = regint_apportion(w, n, total, &opt, seats);
    if (st != REGINT_OK) {
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK(seats[i] == -12345, "seats written on failure (%d)", (int)st);
        FUZZ_CHECK(*regint_last_error() != '\0', "failure without a message");
    } else {
        i128 sum = 0;
        for (size_t i = 0; i < n; i++) {
            sum += seats[i];
            FUZZ_CHECK(seats[i] >= lo[i] && seats[i] <= hi[i], "unit %zu: %lld outside [%lld, %lld]", i,
                       (long long)seats[i], (long long)lo[i], (long long)hi[i]);
            FUZZ_CHECK(seats[i] >= 0, "negative seats");
            if (w[i] == 0)
                FUZZ_CHECK(seats[i] == lo[i], "weight-0 unit %zu got more than its lower bound", i);
        }
        FUZZ_CHECK(sum == total, "seats sum to %lld, not %lld", (long long)sum, (long long)total);
    }
    if (raw || (int)opt.method < 0 || (int)opt.method > 6)
        return 0;
    if (opt.method == REGINT_APPORTION_HAMILTON && (opt.lower || opt.upper))
        return 0; /* water filling: only the invariants above */
    if (opt.method == REGINT_APPORTION_SAINTE_LAGUE_MODIFIED &&
        !(isfinite(opt.first_divisor) && opt.first_divisor > 0 && opt.first_divisor <= 3 &&
          llround(opt.first_divisor * 1e6) >= 1)) {
        FUZZ_CHECK(st == REGINT_EINVAL, "first divisor %g accepted", opt.first_divisor);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (lo[i] > hi[i]) {
            FUZZ_CHECK(st == REGINT_EINVAL, "lower > upper accepted (%d)", (int)st);
            return 0;
        }
    int64_t f_micro = (int64_t)llround(opt.first_divisor * 1e6);
    regint_status rst = reference(opt.method, f_micro, w, n, total, lo, hi, ref);
    FUZZ_CHECK(rst == st, "method %s: status %d, reference %d (%s)", regint_apportion_method_name(opt.method),
               (int)st, (int)rst, regint_last_error());
    if (st == REGINT_OK)
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK(seats[i] == ref[i], "method %s, n %zu, total %lld: unit %zu has %lld, reference %lld",
                       regint_apportion_method_name(opt.method), n, (long long)total, i, (long long)seats[i],
                       (long long)ref[i]);
    return 0;
}
