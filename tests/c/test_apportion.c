/* Tests of the apportionment module: the oracle cases, a randomized cross-check against a
 * one-seat-at-a-time reference written here, hand-worked edge cases and argument checks. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include <cjson/cJSON.h>
#include <regint/regint.h>

#include "util/fileio.h"
#include "test_util.h"

__extension__ typedef __int128 i128;

/* ------------------------------------------------------------------ oracle cases */

static int read_int_array(const cJSON *arr, int64_t *out, size_t n)
{
    if (!cJSON_IsArray(arr) || (size_t)cJSON_GetArraySize(arr) != n)
        return -1;
    size_t k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsNumber(it))
            return -1;
        out[k++] = (int64_t)it->valuedouble;
    }
    return 0;
}

static void test_oracle_cases(void)
{
    char *text = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(regint__read_file(REGINT_TEST_DIR "/oracles/apportionment_cases.json", &text, &len),
                          REGINT_OK);
    cJSON *doc = cJSON_ParseWithLength(text, len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItem(doc, "schema")), "regint.oracle.apportionment");
    const cJSON *cases = cJSON_GetObjectItem(doc, "cases");
    CU_ASSERT_FATAL(cJSON_IsArray(cases));
    int n_cases = cJSON_GetArraySize(cases), checked = 0, matched = 0, with_bounds = 0, published = 0;
    const cJSON *cs;
    cJSON_ArrayForEach(cs, cases)
    {
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(cs, "id"));
        const char *method = cJSON_GetStringValue(cJSON_GetObjectItem(cs, "method"));
        const cJSON *jw = cJSON_GetObjectItem(cs, "weights");
        const cJSON *jlo = cJSON_GetObjectItem(cs, "lower"), *jup = cJSON_GetObjectItem(cs, "upper");
        const cJSON *jfd = cJSON_GetObjectItem(cs, "first_divisor");
        const cJSON *jtotal = cJSON_GetObjectItem(cs, "total");
        const char *kind = cJSON_GetStringValue(cJSON_GetObjectItem(cs, "kind"));
        if (!id || !method || !cJSON_IsArray(jw) || !cJSON_IsNumber(jtotal)) {
            CU_FAIL("malformed oracle case");
            continue;
        }
        size_t n = (size_t)cJSON_GetArraySize(jw);
        int64_t *w = calloc(n + 1, sizeof *w), *lo = calloc(n + 1, sizeof *lo), *up = calloc(n + 1, sizeof *up);
        int64_t *exp = calloc(n + 1, sizeof *exp), *got = calloc(n + 1, sizeof *got);
        regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
        int ok = w && lo && up && exp && got && read_int_array(jw, w, n) == 0 &&
                 read_int_array(cJSON_GetObjectItem(cs, "expected"), exp, n) == 0;
        ok = ok && regint_apportion_method_from_name(method, &opt.method) == REGINT_OK;
        if (ok && jlo && !cJSON_IsNull(jlo)) {
            ok = read_int_array(jlo, lo, n) == 0;
            opt.lower = lo;
        }
        if (ok && jup && !cJSON_IsNull(jup)) {
            ok = read_int_array(jup, up, n) == 0;
            opt.upper = up;
        }
        if (opt.lower || opt.upper)
            with_bounds++;
        if (jfd && cJSON_IsNumber(jfd))
            opt.first_divisor = jfd->valuedouble;
        if (ok) {
            regint_status st = regint_apportion(w, n, (int64_t)jtotal->valuedouble, &opt, got);
            int same = st == REGINT_OK;
            for (size_t i = 0; same && i < n; i++)
                same = got[i] == exp[i];
            if (!same) {
                fprintf(stderr, "\n  oracle case %s (%s): status %d %s\n   got:", id, method, (int)st,
                        st ? regint_last_error() : "");
                for (size_t i = 0; i < n; i++)
                    fprintf(stderr, " %" PRId64, got[i]);
                fprintf(stderr, "\n  want:");
                for (size_t i = 0; i < n; i++)
                    fprintf(stderr, " %" PRId64, exp[i]);
                fprintf(stderr, "\n");
            }
            CU_ASSERT(same);
            matched += same;
            if (kind && strcmp(kind, "published") == 0)
                published += same;
        } else {
            CU_FAIL("could not read an oracle case");
        }
        checked++;
        free(w);
        free(lo);
        free(up);
        free(exp);
        free(got);
    }
    fprintf(stderr, "\n  oracle: %d cases, %d checked, %d matched (%d published, %d with bounds)\n", n_cases,
            checked, matched, published, with_bounds);
    CU_ASSERT(n_cases > 0);
    CU_ASSERT_EQUAL(checked, n_cases);
    CU_ASSERT_EQUAL(matched, n_cases);
    cJSON_Delete(doc);
    free(text);
}

/* ------------------------------------------------------------------ reference implementation */

/* Divisor d(k) = dn/dd as exact small integers (Huntington-Hill handled apart). */
static void ref_divisor(regint_apportion_method m, int64_t F, int64_t D, int64_t k, i128 *dn, i128 *dd)
{
    switch (m) {
    case REGINT_APPORTION_DHONDT: *dn = k + 1; *dd = 1; break;
    case REGINT_APPORTION_SAINTE_LAGUE: *dn = 2 * k + 1; *dd = 2; break;
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        if (k == 0) { *dn = F; *dd = D; } else { *dn = 2 * k + 1; *dd = 1; }
        break;
    case REGINT_APPORTION_ADAMS: *dn = k; *dd = 1; break;
    case REGINT_APPORTION_DEAN: *dn = (i128)2 * k * (k + 1); *dd = (i128)2 * k + 1; break;
    /* signposts 5 (ten times), then 10.5, 11.5, ... */
    case REGINT_APPORTION_SAINTE_LAGUE_MIN10: *dn = k < 10 ? 10 : (i128)2 * k + 1; *dd = 2; break;
    default: *dn = 1; *dd = 1; break;
    }
}

/* sign(w_a/d(k_a) - w_b/d(k_b)); a zero divisor is +infinity */
static int ref_cmp(regint_apportion_method m, int64_t F, int64_t D, int64_t wa, int64_t ka, int64_t wb, int64_t kb)
{
    i128 l, r;
    if (m == REGINT_APPORTION_HUNTINGTON_HILL) {
        /* wa / sqrt(ka(ka+1)) vs wb / sqrt(kb(kb+1)): compare squares */
        l = (i128)wa * wa * ((i128)kb * (kb + 1));
        r = (i128)wb * wb * ((i128)ka * (ka + 1));
    } else {
        i128 na, da, nb, db;
        ref_divisor(m, F, D, ka, &na, &da);
        ref_divisor(m, F, D, kb, &nb, &db);
        /* wa*da/na vs wb*db/nb */
        l = (i128)wa * da * nb;
        r = (i128)wb * db * na;
    }
    return (l > r) - (l < r);
}

/* One seat at a time: start at the lower bounds, give each next seat to the highest
 * priority among positive-weight units below their upper bound (lowest index on ties). */
static regint_status ref_divisor_method(regint_apportion_method m, int64_t F, int64_t D, const int64_t *w, size_t n,
                                        int64_t total, const int64_t *L, const int64_t *U, int64_t *s)
{
    int64_t sumL = 0, sumU = 0, npos = 0;
    int d0 = m == REGINT_APPORTION_HUNTINGTON_HILL || m == REGINT_APPORTION_ADAMS || m == REGINT_APPORTION_DEAN;
    for (size_t i = 0; i < n; i++) {
        sumL += L[i];
        sumU = (U[i] == INT64_MAX || sumU == INT64_MAX) ? INT64_MAX : sumU + U[i];
        npos += w[i] > 0 && U[i] >= 1;
        s[i] = L[i];
    }
    if (sumL > total || sumU < total)
        return REGINT_EINFEASIBLE;
    /* convention: d(0)=0 methods refuse total < number of positive-weight units, unless the
     * lower bounds settle everything */
    if (d0 && sumL < total && npos > total)
        return REGINT_EINFEASIBLE;
    for (int64_t given = sumL; given < total; given++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            if (w[i] == 0 || s[i] >= U[i])
                continue;
            if (best == n || ref_cmp(m, F, D, w[i], s[i], w[best], s[best]) > 0)
                best = i;
        }
        if (best == n)
            return REGINT_EINFEASIBLE;
        s[best]++;
    }
    return REGINT_OK;
}

typedef struct rat {
    i128 p, q; /* q > 0 */
} rat;

static i128 gcd128(i128 a, i128 b)
{
    if (a < 0) a = -a;
    while (b) {
        i128 r = a % b;
        a = b;
        b = r < 0 ? -r : r;
    }
    return a ? a : 1;
}
static rat rat_make(i128 p, i128 q)
{
    if (q < 0) { p = -p; q = -q; }
    i128 g = gcd128(p, q);
    return (rat){p / g, q / g};
}
static rat rat_add(rat a, rat b) { return rat_make(a.p * b.q + b.p * a.q, a.q * b.q); }
static rat rat_sub(rat a, rat b) { return rat_make(a.p * b.q - b.p * a.q, a.q * b.q); }
static rat rat_mul(rat a, rat b) { return rat_make(a.p * b.p, a.q * b.q); }
static rat rat_div(rat a, rat b) { return rat_make(a.p * b.q, a.q * b.p); }
static int rat_cmp(rat a, rat b)
{
    i128 l = a.p * b.q, r = b.p * a.q;
    return (l > r) - (l < r);
}
static rat rat_int(int64_t v) { return (rat){v, 1}; }

/* g(t) = Σ median(L_i, t w_i, U_i) */
static rat ref_g(rat t, const int64_t *w, size_t n, const int64_t *L, const int64_t *U)
{
    rat s = rat_int(0);
    for (size_t i = 0; i < n; i++) {
        rat v = rat_mul(t, rat_int(w[i]));
        if (rat_cmp(v, rat_int(L[i])) < 0)
            v = rat_int(L[i]);
        if (U[i] != INT64_MAX && rat_cmp(v, rat_int(U[i])) > 0)
            v = rat_int(U[i]);
        s = rat_add(s, v);
    }
    return s;
}

/* Hamilton with bounds, by brute force over the breakpoints of g (O(n^2), exact rationals). */
static regint_status ref_hamilton(const int64_t *w, size_t n, int64_t total, const int64_t *L, const int64_t *U,
                                  int64_t *s)
{
    int64_t sumL = 0, sumU = 0;
    for (size_t i = 0; i < n; i++) {
        sumL += L[i];
        sumU = (U[i] == INT64_MAX || sumU == INT64_MAX) ? INT64_MAX : sumU + U[i];
    }
    if (sumL > total || sumU < total)
        return REGINT_EINFEASIBLE;
    /* placeable: weight-0 units only take L */
    int64_t cap = 0;
    for (size_t i = 0; i < n; i++)
        cap = (w[i] > 0 && U[i] == INT64_MAX) || cap == INT64_MAX ? INT64_MAX : cap + (w[i] > 0 ? U[i] : L[i]);
    if (cap < total)
        return REGINT_EINFEASIBLE;
    rat T = rat_int(total);
    rat blo = rat_int(0), bhi = rat_int(0);
    int have_hi = 0;
    if (rat_cmp(ref_g(blo, w, n, L, U), T) < 0) {
        for (size_t i = 0; i < n; i++) {
            if (w[i] == 0)
                continue;
            for (int side = 0; side < 2; side++) {
                int64_t b = side ? U[i] : L[i];
                if (b == INT64_MAX)
                    continue;
                rat v = rat_make(b, w[i]);
                int c = rat_cmp(ref_g(v, w, n, L, U), T);
                if (c <= 0 && rat_cmp(v, blo) > 0)
                    blo = v;
                if (c >= 0 && (!have_hi || rat_cmp(v, bhi) < 0)) {
                    bhi = v;
                    have_hi = 1;
                }
            }
        }
    }
    rat glo = ref_g(blo, w, n, L, U), t;
    if (rat_cmp(glo, T) == 0) {
        t = blo;
    } else if (have_hi) {
        rat ghi = ref_g(bhi, w, n, L, U);
        t = rat_add(blo, rat_div(rat_mul(rat_sub(T, glo), rat_sub(bhi, blo)), rat_sub(ghi, glo)));
    } else {
        /* beyond every breakpoint: slope = Σ w of units without an upper bound */
        int64_t slope = 0;
        for (size_t i = 0; i < n; i++)
            if (U[i] == INT64_MAX)
                slope += w[i];
        t = rat_add(blo, rat_div(rat_sub(T, glo), rat_int(slope)));
    }
    rat *frac = calloc(n + 1, sizeof *frac);
    int64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        rat v = rat_mul(t, rat_int(w[i]));
        if (rat_cmp(v, rat_int(L[i])) < 0)
            v = rat_int(L[i]);
        if (U[i] != INT64_MAX && rat_cmp(v, rat_int(U[i])) > 0)
            v = rat_int(U[i]);
        s[i] = (int64_t)(v.p / v.q);
        frac[i] = rat_sub(v, rat_int(s[i]));
        given += s[i];
    }
    for (; given < total; given++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (frac[i].p > 0 && (best == n || rat_cmp(frac[i], frac[best]) > 0))
                best = i;
        if (best == n) {
            free(frac);
            return REGINT_EINFEASIBLE;
        }
        s[best]++;
        frac[best] = rat_int(0);
    }
    free(frac);
    return REGINT_OK;
}

/* ------------------------------------------------------------------ randomized cross-check */

static uint64_t rng_state = 0x1234567;
static uint64_t rnd(uint64_t k)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return k ? z % k : 0;
}

static void cross_check(int rounds, size_t max_n, int64_t max_w, int64_t max_total, int *n_ok, int *n_infeasible,
                        int *n_bad)
{
    int64_t w[64], L[64], U[64], got[64], want[64];
    for (int r = 0; r < rounds; r++) {
        regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
        opt.method = (regint_apportion_method)rnd(REGINT_APPORTION_METHOD_COUNT);
        size_t n = 1 + (size_t)rnd(max_n);
        int64_t F = 7, D = 5;
        if (opt.method == REGINT_APPORTION_SAINTE_LAGUE_MODIFIED) {
            static const double fds[] = {1.4, 1.0, 2.0, 3.0, 0.5, 1.25};
            static const int64_t Fs[] = {7, 1, 2, 3, 1, 5}, Ds[] = {5, 1, 1, 1, 2, 4};
            int k = (int)rnd(6);
            opt.first_divisor = fds[k];
            F = Fs[k];
            D = Ds[k];
        }
        /* small weights with repeats (ties), some zeros */
        int64_t wmax = 1 + (int64_t)rnd((uint64_t)max_w);
        for (size_t i = 0; i < n; i++)
            w[i] = rnd(6) == 0 ? 0 : (int64_t)rnd((uint64_t)wmax + 1);
        if (rnd(4) == 0)
            for (size_t i = 1; i < n; i++)
                if (rnd(2))
                    w[i] = w[i - 1];
        int bounds = (int)rnd(4); /* 0 none, 1 lower, 2 upper, 3 both */
        for (size_t i = 0; i < n; i++) {
            L[i] = (bounds & 1) ? (int64_t)rnd(4) : 0;
            U[i] = (bounds & 2) ? (rnd(5) == 0 ? INT64_MAX : L[i] + (int64_t)rnd(12)) : INT64_MAX;
        }
        opt.lower = (bounds & 1) ? L : NULL;
        opt.upper = (bounds & 2) ? U : NULL;
        int64_t total = (int64_t)rnd((uint64_t)max_total + 1);
        regint_status want_st = opt.method == REGINT_APPORTION_HAMILTON
                                    ? ref_hamilton(w, n, total, L, U, want)
                                    : ref_divisor_method(opt.method, F, D, w, n, total, L, U, want);
        for (size_t i = 0; i < n; i++)
            got[i] = -7;
        regint_status st = regint_apportion(w, n, total, &opt, got);
        int same = st == want_st;
        if (same && st == REGINT_OK)
            for (size_t i = 0; i < n; i++)
                same = same && got[i] == want[i];
        if (same && st != REGINT_OK)
            for (size_t i = 0; i < n; i++)
                same = same && got[i] == -7; /* untouched on failure */
        if (!same) {
            fprintf(stderr, "\n  mismatch: %s total %" PRId64 " bounds %d status %d (want %d) %s\n  w:",
                    regint_apportion_method_name(opt.method), total, bounds, (int)st, (int)want_st,
                    st ? regint_last_error() : "");
            for (size_t i = 0; i < n; i++)
                fprintf(stderr, " %" PRId64 "[%" PRId64 ",%" PRId64 "]", w[i], L[i], U[i] == INT64_MAX ? -1 : U[i]);
            fprintf(stderr, "\n  got: ");
            for (size_t i = 0; i < n; i++)
                fprintf(stderr, " %" PRId64, got[i]);
            fprintf(stderr, "\n  want:");
            for (size_t i = 0; i < n; i++)
                fprintf(stderr, " %" PRId64, want[i]);
            fprintf(stderr, "\n");
            (*n_bad)++;
        }
        CU_ASSERT(same);
        if (st == REGINT_OK)
            (*n_ok)++;
        else
            (*n_infeasible)++;
    }
}

static void test_random_small(void)
{
    int ok = 0, inf = 0, bad = 0;
    cross_check(20000, 8, 30, 60, &ok, &inf, &bad);
    fprintf(stderr, "\n  small: %d ok, %d infeasible, %d mismatches\n", ok, inf, bad);
    CU_ASSERT(ok > 10000);
    CU_ASSERT(inf > 100);
}

static void test_random_larger(void)
{
    int ok = 0, inf = 0, bad = 0;
    cross_check(600, 60, 5000, 3000, &ok, &inf, &bad);
    fprintf(stderr, "\n  larger: %d ok, %d infeasible, %d mismatches\n", ok, inf, bad);
    CU_ASSERT(ok > 300);
}

/* ------------------------------------------------------------------ hand-worked cases */

static regint_status run(regint_apportion_method m, const int64_t *w, size_t n, int64_t total, int64_t *out)
{
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    opt.method = m;
    return regint_apportion(w, n, total, &opt, out);
}

static void test_hand_worked(void)
{
    int64_t s[4];
    /* D'Hondt, weights 100, 80, 30, 7 seats. Quotients: 100 80 50 40 33.3 30 26.7 25 20 ...
     * top 7: 100(A) 80(B) 50(A) 40(B) 33.3(A) 30(C) 26.7(B) -> A 3, B 3, C 1. */
    const int64_t w1[] = {100, 80, 30};
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_DHONDT, w1, 3, 7, s), REGINT_OK);
    CU_ASSERT(s[0] == 3 && s[1] == 3 && s[2] == 1);
    /* Sainte-Laguë, same: divisors 1,3,5: 100 80 33.3 30(C) 26.7 20 16 ... top 7: 100A 80B 33.3A
     * 30C 26.7B 20A 16B -> A 3, B 3, C 1. With 6 seats: A 3, B 2, C 1. */
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_SAINTE_LAGUE, w1, 3, 6, s), REGINT_OK);
    CU_ASSERT(s[0] == 3 && s[1] == 2 && s[2] == 1);
    /* Hamilton, 10 seats: quotas 4.8193, 3.8554, 1.4458 -> floors 4,3,1 (8), remainders
     * .8193 .8554 .4458 -> B then A: A 5, B 4, C 1. */
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_HAMILTON, w1, 3, 10, s), REGINT_OK);
    CU_ASSERT(s[0] == 5 && s[1] == 4 && s[2] == 1);
    /* Adams, 3 units, 4 seats: one each, then the 4th seat to max w/1 = A. */
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_ADAMS, w1, 3, 4, s), REGINT_OK);
    CU_ASSERT(s[0] == 2 && s[1] == 1 && s[2] == 1);
    /* Huge totals: weights 1,1,1, total 3e17+1 -> every divisor method gives 1e17 each and
     * the extra seat goes to the lowest index (exact tie). */
    const int64_t w3[] = {1, 1, 1};
    for (int m = 0; m < REGINT_APPORTION_METHOD_COUNT; m++) {
        CU_ASSERT_EQUAL(run((regint_apportion_method)m, w3, 3, 300000000000000001LL, s), REGINT_OK);
        CU_ASSERT(s[0] == 100000000000000001LL && s[1] == 100000000000000000LL && s[2] == 100000000000000000LL);
    }
    /* Large weights near 2^62: 4e18 and 2e18 with 3 seats: D'Hondt 4e18, 2e18, 2e18 (tie:
     * A's second quotient equals B's first; lowest index A) -> A 2, B 1. */
    const int64_t w4[] = {4000000000000000000LL, 2000000000000000000LL};
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_DHONDT, w4, 2, 3, s), REGINT_OK);
    CU_ASSERT(s[0] == 2 && s[1] == 1);
    /* Huntington-Hill with 2 units 4e18, 2e18, 3 seats: one each, then priorities
     * 4e18/sqrt2 vs 2e18/sqrt2 -> A. Then 4 seats: A(2): 4e18/sqrt6 = 1.63e18 vs B 1.41e18 -> A. */
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_HUNTINGTON_HILL, w4, 2, 4, s), REGINT_OK);
    CU_ASSERT(s[0] == 3 && s[1] == 1);
    /* Big total, Sainte-Laguë, weights 1 and 3, total 4N (N = 1e18): the weakest seats given,
     * 1/(N-1/2) and 3/(3N-1/2), beat the strongest refused, 1/(N+1/2) and 3/(3N+1/2) -> N, 3N. */
    const int64_t w5[] = {1, 3};
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_SAINTE_LAGUE, w5, 2, 4000000000000000000LL, s), REGINT_OK);
    CU_ASSERT(s[0] == 1000000000000000000LL && s[1] == 3000000000000000000LL);
    /* Hamilton with equal remainders: weights 1,1,1,1, total 6 -> quotas 1.5 each -> the two
     * extra seats go to units 0 and 1. */
    const int64_t w6[] = {1, 1, 1, 1};
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_HAMILTON, w6, 4, 6, s), REGINT_OK);
    CU_ASSERT(s[0] == 2 && s[1] == 2 && s[2] == 1 && s[3] == 1);
}

/* The result of a divisor method without bounds is right iff the weakest seat given beats
 * the strongest seat refused: for every pair i != j with s_i > 0, seat s_i-1 of i comes before
 * seat s_j of j (higher priority, or equal priority and i < j). Checked with i128 products,
 * which hold for the small weights and the seat counts used here. */
static int certificate_ok(regint_apportion_method m, const int64_t *w, size_t n, const int64_t *s)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 0)
            continue;
        for (size_t j = 0; j < n; j++) {
            if (j == i)
                continue;
            int c = ref_cmp(m, 7, 5, w[i], s[i] - 1, w[j], s[j]);
            if (c < 0 || (c == 0 && i > j))
                return 0;
        }
    }
    return 1;
}

static void test_huge_totals(void)
{
    /* Seat counts far beyond 2^53, where the floating estimate is off by hundreds: the exact
     * phase must still settle every seat. */
    const int64_t w[] = {1, 3, 7, 11, 13, 2, 5};
    const size_t n = 7;
    const int64_t totals[] = {(INT64_C(1) << 60) + 12345, (INT64_C(1) << 60) - 1, INT64_C(999999999999999989),
                              INT64_C(42) << 54};
    int64_t s[7];
    for (size_t t = 0; t < sizeof totals / sizeof totals[0]; t++) {
        for (int m = 1; m < REGINT_APPORTION_METHOD_COUNT; m++) {
            if (m == REGINT_APPORTION_DEAN)
                continue; /* the i128 certificate would overflow; Dean is covered below */
            CU_ASSERT_EQUAL_FATAL(run((regint_apportion_method)m, w, n, totals[t], s), REGINT_OK);
            int64_t sum = 0;
            for (size_t i = 0; i < n; i++)
                sum += s[i];
            CU_ASSERT_EQUAL(sum, totals[t]);
            int ok = certificate_ok((regint_apportion_method)m, w, n, s);
            if (!ok)
                fprintf(stderr, "\n  certificate failed: %s total %" PRId64 "\n",
                        regint_apportion_method_name((regint_apportion_method)m), totals[t]);
            CU_ASSERT(ok);
        }
        /* Hamilton: floor(T w_i / W) plus the largest remainders (T w_i mod W), done directly */
        CU_ASSERT_EQUAL_FATAL(run(REGINT_APPORTION_HAMILTON, w, n, totals[t], s), REGINT_OK);
        int64_t W = 0, given = 0, want[7], rem[7];
        for (size_t i = 0; i < n; i++)
            W += w[i];
        for (size_t i = 0; i < n; i++) {
            want[i] = (int64_t)((i128)totals[t] * w[i] / W);
            rem[i] = (int64_t)((i128)totals[t] * w[i] % W);
            given += want[i];
        }
        for (; given < totals[t]; given++) {
            size_t best = 0;
            for (size_t i = 1; i < n; i++)
                if (rem[i] > rem[best])
                    best = i;
            want[best]++;
            rem[best] = -1;
        }
        for (size_t i = 0; i < n; i++)
            CU_ASSERT_EQUAL(s[i], want[i]);
    }
    /* Huge weights (sum close to 2^63) with huge totals: Hamilton checked directly, and the
     * methods whose certificate products stay below 2^127 */
    const int64_t hw[] = {(INT64_C(1) << 62) - 1, (INT64_C(1) << 61) + 5, 3, INT64_C(1) << 40, 0};
    const int64_t ht[] = {INT64_C(1000000000000000003), 7, (INT64_C(1) << 61) + 1};
    for (size_t t = 0; t < 3; t++) {
        int64_t W = 0, given = 0, want[5], rem[5], hs[5];
        for (size_t i = 0; i < 5; i++)
            W += hw[i];
        for (size_t i = 0; i < 5; i++) {
            want[i] = (int64_t)((i128)ht[t] * hw[i] / W);
            rem[i] = (int64_t)((i128)ht[t] * hw[i] % W);
            given += want[i];
        }
        for (; given < ht[t]; given++) {
            size_t best = 0;
            for (size_t i = 1; i < 5; i++)
                if (rem[i] > rem[best])
                    best = i;
            want[best]++;
            rem[best] = -1;
        }
        CU_ASSERT_EQUAL_FATAL(run(REGINT_APPORTION_HAMILTON, hw, 5, ht[t], hs), REGINT_OK);
        for (size_t i = 0; i < 5; i++)
            CU_ASSERT_EQUAL(hs[i], want[i]);
        const regint_apportion_method ms[] = {REGINT_APPORTION_DHONDT, REGINT_APPORTION_SAINTE_LAGUE,
                                              REGINT_APPORTION_SAINTE_LAGUE_MODIFIED};
        for (int k = 0; k < 3; k++) {
            CU_ASSERT_EQUAL_FATAL(run(ms[k], hw, 5, ht[t], hs), REGINT_OK);
            CU_ASSERT(certificate_ok(ms[k], hw, 5, hs));
            CU_ASSERT_EQUAL(hs[4], 0);
        }
    }
    /* Dean with totals up to 2^40 (the certificate's products stay below 2^127) */
    const int64_t dt[] = {(INT64_C(1) << 40) + 3, INT64_C(1000000007)};
    for (size_t t = 0; t < 2; t++) {
        CU_ASSERT_EQUAL_FATAL(run(REGINT_APPORTION_DEAN, w, n, dt[t], s), REGINT_OK);
        CU_ASSERT(certificate_ok(REGINT_APPORTION_DEAN, w, n, s));
    }
}

static void test_totals_near_int64_max(void)
{
    /* Modified Sainte-Laguë gives weight 1 about 2T seats' worth of multiplier: x >= 2^64.
     * The threshold 1/x was once rounded there, leaving ~10^15 seats to settle one at a
     * time (a hang found by tests/fuzz/fuzz_apportion; corpus file regress_slm_huge_total). */
    const regint_apportion_method slm = REGINT_APPORTION_SAINTE_LAGUE_MODIFIED;
    int64_t s[2];
    const int64_t w10[] = {1, 0}, w11[] = {1, 1}, w13[] = {1, 3};
    const int64_t T = INT64_C(0x7fffff0013000000);
    /* one positive weight takes everything */
    CU_ASSERT_EQUAL_FATAL(run(slm, w10, 2, T, s), REGINT_OK);
    CU_ASSERT_EQUAL(s[0], T);
    CU_ASSERT_EQUAL(s[1], 0);
    /* equal weights alternate, the lowest index first: an even total halves, an odd total
     * gives unit 0 the extra seat */
    CU_ASSERT_EQUAL_FATAL(run(slm, w11, 2, INT64_MAX - 1, s), REGINT_OK);
    CU_ASSERT_EQUAL(s[0], (INT64_MAX - 1) / 2);
    CU_ASSERT_EQUAL(s[1], (INT64_MAX - 1) / 2);
    CU_ASSERT_EQUAL_FATAL(run(slm, w11, 2, INT64_MAX, s), REGINT_OK);
    CU_ASSERT_EQUAL(s[0], INT64_MAX / 2 + 1);
    CU_ASSERT_EQUAL(s[1], INT64_MAX / 2);
    /* Weights 1 and 3, T = 2^63 - 1 = 4m + 3 with m = 2^61 - 1. Sainte-Laguë: unit 1's seat
     * k1 comes before unit 0's seat k0 iff 3(2k0+1) > 2k1+1 (equal: unit 0 first). After 4m
     * seats the units hold m and 3m; then unit 1 takes seat 3m+1 (3/(6m+1) > 1/(2m+1)),
     * 3/(6m+3) = 1/(2m+1) ties and unit 0 takes seat m+1, and unit 1 takes seat 3m+2
     * (3/(6m+3) > 1/(2m+3)):
     * s = {m + 1, 3m + 2} = {2^61, 3*2^61 - 1}. Modified Sainte-Laguë differs only in d(0),
     * which is far from this boundary. D'Hondt (3/(3m+1), 3/(3m+2) > 1/(m+1), then the tie
     * 3/(3m+3) = 1/(m+1) to unit 0) gives the same. */
    const regint_apportion_method ms[] = {REGINT_APPORTION_SAINTE_LAGUE, REGINT_APPORTION_SAINTE_LAGUE_MODIFIED,
                                          REGINT_APPORTION_DHONDT};
    for (int k = 0; k < 3; k++) {
        CU_ASSERT_EQUAL_FATAL(run(ms[k], w13, 2, INT64_MAX, s), REGINT_OK);
        CU_ASSERT_EQUAL(s[0], INT64_C(1) << 61);
        CU_ASSERT_EQUAL(s[1], 3 * (INT64_C(1) << 61) - 1);
    }
}

/* Sainte-Laguë with the "nobody below 10" signposts, worked by hand. Weights 50 : 30 : 20.
 * The first ten seats of every unit have divisor 5: priorities 10, 6, 4 -> A takes ten (20
 * seats: A 10, B 10 after B's ten at 6). Then A's 11th..13th seats 50/10.5 = 4.76, 50/11.5 =
 * 4.35, 50/12.5 = 4 (ties C's 4: lowest index A), so total 23 = 13, 10, 0; then C's seats at 4
 * beat A's 14th (3.70) and B's 11th (2.86): total 25 = 13, 10, 2 (C being phased in), total
 * 33 = 13, 10, 10; the 34th seat goes to A (3.70 > 2.86 > 20/10.5). */
static void test_min10_hand_worked(void)
{
    const int64_t w[] = {50, 30, 20};
    const int64_t totals[] = {9, 20, 23, 25, 33, 34};
    const int64_t want[][3] = {{9, 0, 0}, {10, 10, 0}, {13, 10, 0}, {13, 10, 2}, {13, 10, 10}, {14, 10, 10}};
    int64_t s[3];
    for (size_t t = 0; t < sizeof totals / sizeof totals[0]; t++) {
        CU_ASSERT_EQUAL_FATAL(run(REGINT_APPORTION_SAINTE_LAGUE_MIN10, w, 3, totals[t], s), REGINT_OK);
        CU_ASSERT(s[0] == want[t][0] && s[1] == want[t][1] && s[2] == want[t][2]);
    }
    /* Bounds hold: C at least 10 (a council decision), A at most 12. Total 30: C starts at 10,
     * A takes ten (10), B ten (20 + 10 = 30) -> 10, 10, 10. */
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    const int64_t lo[] = {0, 0, 10}, hi[] = {12, INT64_MAX, INT64_MAX};
    opt.method = REGINT_APPORTION_SAINTE_LAGUE_MIN10;
    opt.lower = lo;
    opt.upper = hi;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 30, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 10 && s[1] == 10 && s[2] == 10);
    /* Total 60: A capped at 12; the rest by the signposts: B 30/d, C 20/d ... B 11th 2.86 vs C
     * 11th 1.90: the remaining 38 - 2 (A's 11th, 12th) split 30 : 20 in Sainte-Laguë. */
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 60, &opt, s), REGINT_OK);
    CU_ASSERT_EQUAL(s[0], 12);
    CU_ASSERT_EQUAL(s[0] + s[1] + s[2], 60);
}

/* House monotonicity of every divisor method (and the Alabama paradox of Hamilton): over
 * pseudo-random weights and all totals 0..300, no unit ever loses a seat when the total rises
 * by one under a divisor method. Hamilton is allowed to (and the classic 3-unit case does). */
static void test_house_monotone(void)
{
    int64_t w[12], prev[12], cur[12];
    for (int r = 0; r < 40; r++) {
        size_t n = 2 + (size_t)rnd(10);
        for (size_t i = 0; i < n; i++)
            w[i] = 1 + (int64_t)rnd(1000);
        for (int m = 1; m < REGINT_APPORTION_METHOD_COUNT; m++) {
            if (m == REGINT_APPORTION_HUNTINGTON_HILL || m == REGINT_APPORTION_ADAMS || m == REGINT_APPORTION_DEAN)
                continue; /* they refuse totals below n; monotone all the same */
            CU_ASSERT_EQUAL_FATAL(run((regint_apportion_method)m, w, n, 0, prev), REGINT_OK);
            for (int64_t t = 1; t <= 300; t++) {
                CU_ASSERT_EQUAL_FATAL(run((regint_apportion_method)m, w, n, t, cur), REGINT_OK);
                for (size_t i = 0; i < n; i++)
                    CU_ASSERT(cur[i] >= prev[i]);
                memcpy(prev, cur, n * sizeof *cur);
            }
        }
    }
    /* Alabama paradox, textbook: weights 6, 6, 2 (quotas for 10: 4.286, 4.286, 1.429 -> 4, 4, 2
     * after remainders .286 .286 .429: C gets the 10th seat; for 11: 4.714, 4.714, 1.571 ->
     * floors 4, 4, 1 and the two seats go to A and B): C falls from 2 to 1. */
    const int64_t wa[] = {6, 6, 2};
    int64_t s10[3], s11[3];
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_HAMILTON, wa, 3, 10, s10), REGINT_OK);
    CU_ASSERT_EQUAL(run(REGINT_APPORTION_HAMILTON, wa, 3, 11, s11), REGINT_OK);
    CU_ASSERT(s10[2] == 2 && s11[2] == 1);
}

static void test_bounds_hand_worked(void)
{
    int64_t s[3];
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    /* Hamilton with a cap: weights 8,1,1, total 10, upper 5 on unit 0. Unclipped quota of
     * unit 0 is 8 > 5: clip at 5, the other 5 seats split 1:1 -> quotas 2.5, 2.5 -> the extra
     * seat to unit 1: 5, 3, 2. */
    const int64_t w[] = {8, 1, 1}, up[] = {5, INT64_MAX, INT64_MAX};
    opt.upper = up;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 5 && s[1] == 3 && s[2] == 2);
    /* D'Hondt, same: seats one by one: A takes 8,4,2.67,2,1.6 (5 seats, capped), then the
     * rest alternate between B and C starting with B: 5, 3, 2. */
    opt.method = REGINT_APPORTION_DHONDT;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 5 && s[1] == 3 && s[2] == 2);
    /* Lower bounds: weights 8,1,1, total 10, lower 3 each -> Sainte-Laguë: start 3,3,3, one
     * more seat: priorities 8/3.5, 1/3.5, 1/3.5 -> unit 0: 4,3,3. */
    const int64_t lo[] = {3, 3, 3};
    opt.method = REGINT_APPORTION_SAINTE_LAGUE;
    opt.upper = NULL;
    opt.lower = lo;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 4 && s[1] == 3 && s[2] == 3);
    /* Hamilton with those lower bounds: clipped quotas median(3, 8t, ...) etc.: units 1,2 at 3,
     * unit 0 free with 8t = 4 -> 4, 3, 3 exactly. */
    opt.method = REGINT_APPORTION_HAMILTON;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 4 && s[1] == 3 && s[2] == 3);
}

static void test_infeasible(void)
{
    int64_t s[3] = {-1, -1, -1};
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    const int64_t w[] = {5, 3, 2}, lo[] = {4, 4, 4}, up[] = {2, 2, 2};
    opt.lower = lo;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "sum of lower bounds 12 > total 10");
    CU_ASSERT(s[0] == -1 && s[1] == -1 && s[2] == -1);
    opt.lower = NULL;
    opt.upper = up;
    opt.method = REGINT_APPORTION_SAINTE_LAGUE;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "sum of upper bounds 6 < total 10");
    CU_ASSERT(s[0] == -1);
    /* first seats: Adams with 3 positive units and total 2 */
    opt.upper = NULL;
    for (int m = REGINT_APPORTION_HUNTINGTON_HILL; m <= REGINT_APPORTION_DEAN; m++) {
        opt.method = (regint_apportion_method)m;
        CU_ASSERT_EQUAL(regint_apportion(w, 3, 2, &opt, s), REGINT_EINFEASIBLE);
        TEST_ASSERT_CONTAINS(regint_last_error(), "first seat");
        TEST_ASSERT_CONTAINS(regint_last_error(), "total 2");
        TEST_ASSERT_CONTAINS(regint_last_error(), regint_apportion_method_name(opt.method));
    }
    /* ...unless the bounds settle it: upper 0 on unit 2 -> 1,1,0 */
    const int64_t up2[] = {INT64_MAX, INT64_MAX, 0};
    opt.upper = up2;
    opt.method = REGINT_APPORTION_ADAMS;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 2, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 1 && s[1] == 1 && s[2] == 0);
    /* weight-0 units cannot take the seats the others cannot */
    const int64_t wz[] = {0, 3, 0}, upz[] = {INT64_MAX, 4, INT64_MAX};
    opt.upper = upz;
    opt.method = REGINT_APPORTION_DHONDT;
    CU_ASSERT_EQUAL(regint_apportion(wz, 3, 5, &opt, s), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "weight 0");
    /* all weights zero, no bounds, positive total */
    const int64_t w0[] = {0, 0, 0};
    CU_ASSERT_EQUAL(regint_apportion(w0, 3, 1, NULL, s), REGINT_EINFEASIBLE);
    CU_ASSERT_EQUAL(regint_apportion(w0, 3, 0, NULL, s), REGINT_OK);
    CU_ASSERT(s[0] == 0 && s[1] == 0 && s[2] == 0);
}

static void test_bad_arguments(void)
{
    int64_t s[3];
    const int64_t w[] = {5, 3, 2}, neg[] = {5, -3, 2};
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    CU_ASSERT_EQUAL(regint_apportion(NULL, 3, 10, &opt, s), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, NULL), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_apportion(neg, 3, 10, &opt, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "weights[1]");
    CU_ASSERT_EQUAL(regint_apportion(w, 3, -1, &opt, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "total");
    opt.version = 99;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), "version");
    opt.version = REGINT_APPORTION_OPTIONS_VERSION;
    opt.method = (regint_apportion_method)REGINT_APPORTION_METHOD_COUNT;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    opt.method = REGINT_APPORTION_SAINTE_LAGUE_MODIFIED;
    opt.first_divisor = 0;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "first_divisor");
    opt.first_divisor = NAN;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    opt.first_divisor = 3.5;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    opt.first_divisor = 1.4;
    const int64_t lo[] = {0, 0, 4}, up[] = {9, 9, 3}, nlo[] = {0, -1, 0};
    opt.lower = lo;
    opt.upper = up;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unit 2");
    TEST_ASSERT_CONTAINS(regint_last_error(), "lower bound 4 > upper bound 3");
    opt.lower = nlo;
    opt.upper = NULL;
    CU_ASSERT_EQUAL(regint_apportion(w, 3, 10, &opt, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "lower[1]");
    /* weights whose sum overflows */
    const int64_t big[] = {INT64_MAX, 1};
    CU_ASSERT_EQUAL(regint_apportion(big, 2, 10, NULL, s), REGINT_ERANGE);
}

static void test_zero_weights_and_sizes(void)
{
    int64_t s[4];
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    /* n = 0 */
    CU_ASSERT_EQUAL(regint_apportion(NULL, 0, 0, &opt, NULL), REGINT_OK);
    CU_ASSERT_EQUAL(regint_apportion(NULL, 0, 1, &opt, NULL), REGINT_EINFEASIBLE);
    /* total = 0: zeros by every method (nothing to hand out, so no first seats either) */
    const int64_t w[] = {5, 0, 3, 1};
    for (int m = 0; m < REGINT_APPORTION_METHOD_COUNT; m++) {
        opt.method = (regint_apportion_method)m;
        CU_ASSERT_EQUAL(regint_apportion(w, 4, 0, &opt, s), REGINT_OK);
        CU_ASSERT(s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0);
    }
    /* weight 0 gets its lower bound only, by every method: unit 1 has lower 2 */
    const int64_t lo[] = {0, 2, 0, 0};
    opt.lower = lo;
    for (int m = 0; m < REGINT_APPORTION_METHOD_COUNT; m++) {
        opt.method = (regint_apportion_method)m;
        CU_ASSERT_EQUAL(regint_apportion(w, 4, 20, &opt, s), REGINT_OK);
        CU_ASSERT_EQUAL(s[1], 2);
        CU_ASSERT_EQUAL(s[0] + s[1] + s[2] + s[3], 20);
    }
    /* Huntington-Hill, weights 5,0,3,1 total 3: the three positive units get one each */
    opt.lower = NULL;
    opt.method = REGINT_APPORTION_HUNTINGTON_HILL;
    CU_ASSERT_EQUAL(regint_apportion(w, 4, 3, &opt, s), REGINT_OK);
    CU_ASSERT(s[0] == 1 && s[1] == 0 && s[2] == 1 && s[3] == 1);
}

/* ------------------------------------------------------------------ double weights */

/* Worked by hand. Hamilton, total 7, weights 0.5 : 0.3 : 0.2 (sum 1): quotas 3.5, 2.1, 1.4;
 * floors 3 + 2 + 1 = 6; the seventh seat goes to the largest remainder 0.5 -> {4, 2, 1}.
 * D'Hondt, total 5, weights 3 : 2 (as 1.5 and 1.0): priorities 3, 2, 1.5, 1, 1, 0.75, ...
 * (3/1, 2/1, 3/2, 3/3 = 2/2 tie to the lowest index, ...) -> seats 3/1, 2/1, 3/2, 3/3, 2/2
 * -> {3, 2}. Equal weights, total 2, Hamilton: remainders tie -> lowest indices {1, 1, 0}.
 * Powers of two far from 1 change nothing: 2^-1000 : 3 * 2^-1000 with total 4 -> {1, 3}. */
static void test_double_hand_worked(void)
{
    int64_t s3[3], s2[2];
    const double w1[3] = {0.5, 0.3, 0.2};
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w1, 3, 7, NULL, s3), REGINT_OK);
    CU_ASSERT_EQUAL(s3[0], 4);
    CU_ASSERT_EQUAL(s3[1], 2);
    CU_ASSERT_EQUAL(s3[2], 1);

    regint_apportion_options o = REGINT_APPORTION_OPTIONS_INIT;
    o.method = REGINT_APPORTION_DHONDT;
    const double w2[2] = {1.5, 1.0};
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w2, 2, 5, &o, s2), REGINT_OK);
    CU_ASSERT_EQUAL(s2[0], 3);
    CU_ASSERT_EQUAL(s2[1], 2);

    const double w3[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w3, 3, 2, NULL, s3), REGINT_OK);
    CU_ASSERT_EQUAL(s3[0], 1);
    CU_ASSERT_EQUAL(s3[1], 1);
    CU_ASSERT_EQUAL(s3[2], 0);

    const double w4[2] = {ldexp(1, -1000), ldexp(3, -1000)};
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w4, 2, 4, NULL, s2), REGINT_OK);
    CU_ASSERT_EQUAL(s2[0], 1);
    CU_ASSERT_EQUAL(s2[1], 3);

    /* Bounds pass through: Hamilton 8 : 1 : 1, total 10, upper 5 on the first -> {5, 3, 2}
     * (hand-worked: the first is capped at 5, the other two share 5 equally as 2.5 + 2.5,
     * floors 2 + 2, the remaining seat to the lower index on the tied remainder). */
    const double w5[3] = {8, 1, 1};
    const int64_t up[3] = {5, INT64_MAX, INT64_MAX};
    regint_apportion_options ob = REGINT_APPORTION_OPTIONS_INIT;
    ob.upper = up;
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w5, 3, 10, &ob, s3), REGINT_OK);
    CU_ASSERT_EQUAL(s3[0], 5);
    CU_ASSERT_EQUAL(s3[1], 3);
    CU_ASSERT_EQUAL(s3[2], 2);
}

/* The ratio of two doubles decides, not a decimal scale: 1 : 1 + 2^-40 with total 1 gives the
 * seat to the second (a scale of 1e9 would have made them equal and given it to the first). */
static void test_double_exact_ratio(void)
{
    int64_t s[2];
    const double w[2] = {1.0, 1.0 + ldexp(1, -40)};
    CU_ASSERT_EQUAL_FATAL(regint_apportion_double(w, 2, 1, NULL, s), REGINT_OK);
    CU_ASSERT_EQUAL(s[0], 0);
    CU_ASSERT_EQUAL(s[1], 1);
}

static void test_double_bad_arguments(void)
{
    int64_t s[3] = {7, 7, 7};
    const double neg[3] = {1, -0.5, 1}, nan3[3] = {1, 1, NAN}, inf3[3] = {INFINITY, 1, 1}, zero[3] = {0, 0, 0};
    CU_ASSERT_EQUAL(regint_apportion_double(neg, 3, 2, NULL, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "weights[1]");
    CU_ASSERT_EQUAL(regint_apportion_double(nan3, 3, 2, NULL, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "weights[2]");
    CU_ASSERT_EQUAL(regint_apportion_double(inf3, 3, 2, NULL, s), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "weights[0]");
    CU_ASSERT_EQUAL(regint_apportion_double(NULL, 3, 2, NULL, s), REGINT_EINVAL);
    CU_ASSERT_EQUAL(s[0], 7); /* untouched on failure */
    /* As regint_apportion: all weights 0 and seats to hand out is infeasible; n = 0 is fine. */
    CU_ASSERT_EQUAL(regint_apportion_double(zero, 3, 2, NULL, s), REGINT_EINFEASIBLE);
    CU_ASSERT_EQUAL(regint_apportion_double(NULL, 0, 0, NULL, NULL), REGINT_OK);
}

static void test_method_names(void)
{
    static const char *const names[] = {"hamilton", "dhondt", "sainte-lague", "sainte-lague-modified",
                                        "huntington-hill", "adams", "dean", "sainte-lague-min10"};
    for (int m = 0; m < REGINT_APPORTION_METHOD_COUNT; m++) {
        regint_apportion_method out = (regint_apportion_method)99;
        const char *nm = regint_apportion_method_name((regint_apportion_method)m);
        CU_ASSERT_PTR_NOT_NULL_FATAL(nm);
        CU_ASSERT_STRING_EQUAL(nm, names[m]);
        CU_ASSERT_EQUAL(regint_apportion_method_from_name(nm, &out), REGINT_OK);
        CU_ASSERT_EQUAL((int)out, m);
        char alt[64];
        snprintf(alt, sizeof alt, "%s", nm);
        for (char *p = alt; *p; p++)
            if (*p == '-')
                *p = '_';
        out = (regint_apportion_method)99;
        CU_ASSERT_EQUAL(regint_apportion_method_from_name(alt, &out), REGINT_OK);
        CU_ASSERT_EQUAL((int)out, m);
    }
    regint_apportion_method out;
    CU_ASSERT_STRING_EQUAL(regint_apportion_method_name((regint_apportion_method)REGINT_APPORTION_METHOD_COUNT), "unknown");
    CU_ASSERT_STRING_EQUAL(regint_apportion_method_name((regint_apportion_method)-1), "unknown");
    CU_ASSERT_EQUAL(regint_apportion_method_from_name("SAINTE_LAGUE", &out), REGINT_OK);
    CU_ASSERT_EQUAL(out, REGINT_APPORTION_SAINTE_LAGUE);
    CU_ASSERT_EQUAL(regint_apportion_method_from_name("sainte", &out), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "sainte-lague-modified");
    CU_ASSERT_EQUAL(regint_apportion_method_from_name("dhondtx", &out), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_apportion_method_from_name(NULL, &out), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_apportion_method_from_name("dean", NULL), REGINT_EINVAL);
}

int main(void)
{
    static const test_case tests[] = {
        {"oracle cases", test_oracle_cases},
        {"hand-worked", test_hand_worked},
        {"bounds hand-worked", test_bounds_hand_worked},
        {"sainte-lague-min10 hand-worked", test_min10_hand_worked},
        {"house monotone (divisor) / Alabama (Hamilton)", test_house_monotone},
        {"huge totals (certificate)", test_huge_totals},
        {"totals near INT64_MAX", test_totals_near_int64_max},
        {"random vs one-seat-at-a-time (small)", test_random_small},
        {"random vs one-seat-at-a-time (larger)", test_random_larger},
        {"infeasible", test_infeasible},
        {"bad arguments", test_bad_arguments},
        {"weight 0, n = 0, total = 0", test_zero_weights_and_sizes},
        {"method names", test_method_names},
        {"double weights hand-worked", test_double_hand_worked},
        {"double weights exact ratio", test_double_exact_ratio},
        {"double weights bad arguments", test_double_bad_arguments},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    if (test_add_suite("apportion", tests) != 0)
        return 1;
    return test_run_all();
}
