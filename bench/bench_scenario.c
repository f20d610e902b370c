/* Benchmark of the scenario sweep (issue 15): thousands of variants in well under a second.
 *
 * For each county of 2026 (or those named), V variants: the total from 50 % to 150 % of IMDi's
 * requests and every criterion weight multiplied by a pseudo-random factor in [0.5, 1.5] (a fixed
 * seed). The fast path scores the county once (regint__sweep_new, which builds the year's
 * context) and re-apportions per variant; the reference, measured in the same run, is the naive
 * path: one full regint_settlement_recommend() per variant (context, criteria, scores, bounds,
 * apportionment, reasons), timed on the first N variants and taken per variant. The numbers of
 * the two paths are compared on those N variants (they must be equal). CPU time (the machine
 * is shared), minimum of R repetitions.
 * The profile is a criteria profile with its own weights (the hand-set criteria, Sainte-Laguë,
 * minimum 10): the naive path can change its weights by a copy, which a fitted profile's re-fit
 * would ignore (the sweep varies the fitted weights themselves; test_scenario checks both).
 *   bench_scenario [variants (2000)] [naive variants (40)] [repetitions (3)] [county ...]   */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <regint/regint.h>

#include "bench_clock.h"

#include "settlement/settlement_internal.h"

static double cpu_ms(void) { return 1e3 * bench_seconds(CLOCK_PROCESS_CPUTIME_ID); }

typedef struct variant {
    int64_t total;
    double *mult;
} variant;

static int naive(const regint_dataset *ds, const char *county, const regint_settlement_profile *p, const variant *v,
                 int64_t *seats)
{
    struct regint_settlement_profile copy = *p;
    regint__criterion *crit = malloc((p->ncrit + 1) * sizeof *crit);
    if (!crit)
        return -1;
    memcpy(crit, p->crit, p->ncrit * sizeof *crit);
    for (size_t c = 0; c < p->ncrit; c++)
        crit[c].weight = p->crit[c].weight * v->mult[c];
    copy.crit = crit;
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = v->total;
    o.minors = 0;
    o.profile = &copy;
    regint_settlement_recommendation *r = NULL;
    int rc = regint_settlement_recommend(ds, county, 2026, &o, &r) == REGINT_OK ? 0 : -1;
    for (size_t k = 0; !rc && k < regint_settlement_recommendation_count(r); k++)
        seats[k] = regint_settlement_recommendation_row(r, k)->recommended;
    regint_settlement_recommendation_free(r);
    free(crit);
    return rc;
}

int main(int argc, char **argv)
{
    size_t nv = argc > 1 ? (size_t)atol(argv[1]) : 2000, nn = argc > 2 ? (size_t)atol(argv[2]) : 40;
    int reps = argc > 3 ? atoi(argv[3]) : 3;
    if (nv < 1 || nn < 1 || nn > nv || reps < 1) {
        fprintf(stderr, "usage: bench_scenario [variants] [naive variants <= variants] [repetitions] [county ...]\n");
        return 2;
    }
    regint_dataset *ds = NULL;
    regint_settlement_profile *p = NULL;
    static const char criteria[] =
        "{\"schema\": \"regint.settlement_profile\", \"schema_version\": 1, \"name\": \"bench\","
        " \"criteria\": [{\"id\": \"population\", \"weight\": 0.3}, {\"id\": \"decisions\", \"weight\": 0.4,"
        " \"years\": 1}, {\"id\": \"requests\", \"weight\": 0.2, \"years\": 1}, {\"id\": \"settled\","
        " \"weight\": 0.1, \"years\": 3}], \"minimum\": 10, \"method\": \"sainte-lague\"}";
    if (regint_dataset_load_default(&ds) != REGINT_OK ||
        regint_settlement_profile_load_string(criteria, sizeof criteria - 1, "bench", &p) != REGINT_OK) {
        fprintf(stderr, "bench_scenario: %s\n", regint_last_error());
        return 1;
    }
    const regint_county_t **cs = NULL;
    size_t ncs = 0;
    regint_dataset_counties_in(ds, 2026, &cs, &ncs);
    size_t nc = p->ncrit;
    variant *vs = calloc(nv, sizeof *vs);
    double *mults = calloc(nv * nc, sizeof *mults);
    if (!vs || !mults)
        return 1;
    printf("bench_scenario: %zu variants per county (totals 50-150 %%, weights x[0.5, 1.5]), naive path timed on %zu, "
           "CPU ms, min of %d\n",
           nv, nn, reps);
    printf("%-8s %4s %10s %12s %14s %14s %9s %10s\n", "county", "n", "sweep_ms", "us/variant", "naive_us/var",
           "naive_ms_all*", "ratio", "mismatch");
    double worst_ms = 0, sum_ratio = 0;
    size_t counted = 0, bad = 0;
    for (size_t ci = 0; ci < ncs; ci++) {
        const char *county = cs[ci]->fylkesnr;
        if (argc > 4) {
            int named = 0;
            for (int a = 4; a < argc; a++)
                named |= !strcmp(argv[a], county);
            if (!named)
                continue;
        }
        regint_settlement_recommendation *base = NULL;
        if (regint_settlement_recommend(ds, county, 2026, NULL, &base) != REGINT_OK)
            continue; /* no requests for 2026: no default total */
        int64_t T = regint_settlement_recommendation_total(base);
        size_t n = regint_settlement_recommendation_count(base);
        regint_settlement_recommendation_free(base);
        unsigned seed = 2026;
        for (size_t v = 0; v < nv; v++) {
            vs[v].total = (int64_t)llround((double)T * (0.5 + (double)v / (double)(nv > 1 ? nv - 1 : 1)));
            vs[v].mult = mults + v * nc;
            for (size_t c = 0; c < nc; c++) {
                seed = seed * 1103515245u + 12345u;
                vs[v].mult[c] = 0.5 + (double)((seed >> 8) % 1001) / 1000.0;
            }
        }
        int64_t *fast = calloc(nv * n + 1, sizeof *fast), *slow = calloc(n + 1, sizeof *slow);
        if (!fast || !slow)
            return 1;
        double best_fast = INFINITY, best_naive = INFINITY;
        size_t mismatch = 0;
        for (int r = 0; r < reps; r++) {
            double t0 = cpu_ms();
            regint__sweep *sw = NULL;
            if (regint__sweep_new(ds, county, 2026, T, p, &sw) != REGINT_OK)
                return 1;
            for (size_t v = 0; v < nv; v++)
                if (regint__sweep_run(sw, vs[v].total, vs[v].mult, fast + v * n, NULL) != REGINT_OK)
                    memset(fast + v * n, 0xff, n * sizeof *fast); /* refused: never equal to a result */
            regint__sweep_free(sw);
            double t1 = cpu_ms();
            if (t1 - t0 < best_fast)
                best_fast = t1 - t0;
            mismatch = 0;
            double t2 = cpu_ms();
            for (size_t v = 0; v < nn; v++) {
                if (naive(ds, county, p, &vs[v], slow) != 0)
                    memset(slow, 0xff, n * sizeof *slow);
                mismatch += memcmp(slow, fast + v * n, n * sizeof *slow) != 0;
            }
            double t3 = cpu_ms();
            if (t3 - t2 < best_naive)
                best_naive = t3 - t2;
        }
        double per_fast = best_fast / (double)nv, per_naive = best_naive / (double)nn;
        printf("%-8s %4zu %10.1f %12.2f %14.1f %14.0f %8.0fx %10zu\n", county, n, best_fast, per_fast * 1e3,
               per_naive * 1e3, per_naive * (double)nv, per_naive / per_fast, mismatch);
        worst_ms = fmax(worst_ms, best_fast);
        sum_ratio += per_naive / per_fast;
        counted++;
        bad += mismatch;
        free(fast);
        free(slow);
    }
    printf("(* naive_ms_all: the naive path's time for all the variants, extrapolated per variant)\n");
    printf("counties %zu, slowest sweep %.1f ms for %zu variants, mean speed-up %.0fx, mismatches %zu\n", counted,
           worst_ms, nv, counted ? sum_ratio / (double)counted : 0.0, bad);
    regint_free((void *)cs);
    free(vs);
    free(mults);
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
    return bad ? 1 : 0;
}
