/* Tests of the matching module: every case of tests/oracles/matching_cases.json (optima
 * agreed by HiGHS, CBC, GLPK and LEMON; large ones regenerated with regint-synth-v1 from
 * their parameters), the generator's published check values, a brute-force cross-check on
 * tiny random instances, and the error paths. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <regint/regint.h>

#include "matching/matching_internal.h"
#include "util/jsonutil.h"
#include "test_util.h"

/* An independent splitmix64 (README formula) for the published check value. */
static uint64_t sm64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void test_synth_check_values(void)
{
    uint64_t s = 42;
    CU_ASSERT(sm64(&s) == 13679457532755275413ULL);
    /* README: regint-synth-v1(5, 3, persons, 7) gives sizes [2,5,1,1,4], caps [11,14,14] and
     * the scores below. The README does not state the slack; of 900, 1000, ..., 2000 permille
     * only 1100 gives these capacities (demand 13 persons: floor(1.1·13·w/Σw) + 1 + 8). */
    int64_t sizes[5], caps[3];
    double sc[15];
    CU_ASSERT_EQUAL_FATAL(regint_match_synth(5, 3, REGINT_MATCH_PERSONS, 7, 1100, sizes, caps, sc), REGINT_OK);
    static const int64_t esz[5] = {2, 5, 1, 1, 4}, ecap[3] = {11, 14, 14};
    static const double esc[15] = {643, 159, 504, 579, 162, 569, 509, 347, 387, 631, 320, 795, 798, 343, 713};
    for (int i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(sizes[i], esz[i]);
    for (int i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(caps[i], ecap[i]);
    for (int i = 0; i < 15; i++)
        CU_ASSERT_EQUAL(sc[i], esc[i]);
}

/* Check an assignment against every rule and return its objective (independent sum). */
static int check_assignment(const double *sc, size_t n, size_t m, const int64_t *sizes, const int64_t *cap,
                            int persons, int must_all, const int64_t *asg, const int64_t *used, double *obj)
{
    int64_t *u = calloc(m, sizeof *u);
    double tot = 0;
    int ok = 1;
    for (size_t c = 0; c < n; c++) {
        if (asg[c] < 0) {
            if (must_all)
                ok = 0;
            continue;
        }
        if ((size_t)asg[c] >= m || isnan(sc[c * m + (size_t)asg[c]])) {
            ok = 0;
            continue;
        }
        u[asg[c]] += persons ? sizes[c] : 1;
        tot += sc[c * m + (size_t)asg[c]];
    }
    for (size_t j = 0; j < m; j++) {
        if (u[j] > cap[j])
            ok = 0;
        if (used && used[j] != u[j])
            ok = 0;
    }
    free(u);
    *obj = tot;
    return ok;
}

static cJSON *load_oracle(void)
{
    cJSON *doc = NULL;
    regint_status st = regint__json_parse_file(REGINT_TEST_DIR "/oracles/matching_cases.json", &doc);
    CU_ASSERT_EQUAL(st, REGINT_OK);
    return doc;
}

static int run_oracle(int want_persons)
{
    cJSON *doc = load_oracle();
    if (!doc)
        return 0;
    int count = 0;
    const cJSON *cs = cJSON_GetObjectItem(doc, "cases"), *k;
    cJSON_ArrayForEach(k, cs)
    {
        const char *id = cJSON_GetObjectItem(k, "id")->valuestring;
        int persons = !strcmp(cJSON_GetObjectItem(k, "capacity_unit")->valuestring, "persons");
        if (persons != want_persons)
            continue;
        int must_all = cJSON_IsTrue(cJSON_GetObjectItem(k, "must_assign_all"));
        double scale = cJSON_GetObjectItem(k, "score_scale")->valuedouble;
        double expected = cJSON_GetObjectItem(k, "expected_objective")->valuedouble;
        double tol = cJSON_GetObjectItem(k, "tolerance")->valuedouble;
        const cJSON *gen = cJSON_GetObjectItem(k, "generator");
        const cJSON *scj = cJSON_GetObjectItem(k, "scores");
        size_t n = (size_t)cJSON_GetObjectItem(gen, "n_cases")->valuedouble;
        size_t m = (size_t)cJSON_GetObjectItem(gen, "n_munis")->valuedouble;
        int64_t *sizes = calloc(n, sizeof *sizes), *cap = calloc(m, sizeof *cap);
        int64_t *asg = calloc(n, sizeof *asg), *used = calloc(m, sizeof *used);
        double *sc = calloc(n * m, sizeof *sc);
        /* Regenerate from the parameters; where the file stores the instance, it must agree. */
        CU_ASSERT_EQUAL_FATAL(regint_match_synth(n, m, persons ? REGINT_MATCH_PERSONS : REGINT_MATCH_CASES,
                                                 (uint64_t)cJSON_GetObjectItem(gen, "seed")->valuedouble,
                                                 (int64_t)cJSON_GetObjectItem(gen, "slack_permille")->valuedouble,
                                                 sizes, cap, sc),
                              REGINT_OK);
        if (scj) {
            size_t c = 0;
            const cJSON *row, *v;
            int same = 1;
            cJSON_ArrayForEach(row, scj)
            {
                size_t j = 0;
                cJSON_ArrayForEach(v, row)
                {
                    double x = cJSON_IsNull(v) ? NAN : v->valuedouble;
                    if (!(x == sc[c * m + j] || (isnan(x) && isnan(sc[c * m + j]))))
                        same = 0;
                    sc[c * m + j] = x;
                    j++;
                }
                c++;
            }
            size_t i = 0;
            cJSON_ArrayForEach(v, cJSON_GetObjectItem(k, "sizes")) { same &= sizes[i] == (int64_t)v->valuedouble; sizes[i++] = (int64_t)v->valuedouble; }
            i = 0;
            cJSON_ArrayForEach(v, cJSON_GetObjectItem(k, "capacities")) { same &= cap[i] == (int64_t)v->valuedouble; cap[i++] = (int64_t)v->valuedouble; }
            if (!same)
                fprintf(stderr, "\n  %s: generator disagrees with stored instance\n", id);
            CU_ASSERT(same);
        }
        regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
        o.unit = persons ? REGINT_MATCH_PERSONS : REGINT_MATCH_CASES;
        o.must_assign_all = must_all;
        o.score_scale = scale;
        o.time_limit = 0; /* deterministic: only the node limit (default 200000) applies */
        regint_match_summary_t r;
        regint_status st = regint_match(sc, n, m, sizes, cap, &o, asg, used, &r);
        if (st != REGINT_OK)
            fprintf(stderr, "\n  %s: %s\n", id, regint_last_error());
        CU_ASSERT_EQUAL(st, REGINT_OK);
        if (st == REGINT_OK) {
            double obj;
            CU_ASSERT(check_assignment(sc, n, m, sizes, cap, persons, must_all, asg, used, &obj));
            obj /= scale;
            double t = tol * (fabs(expected) > 1 ? fabs(expected) : 1);
            if (fabs(obj - expected) > t || fabs(r.objective - expected) > t)
                fprintf(stderr, "\n  %s: objective %.9g (reported %.9g), expected %.9g\n", id, obj, r.objective, expected);
            CU_ASSERT(fabs(obj - expected) <= t);
            CU_ASSERT(fabs(r.objective - expected) <= t);
            CU_ASSERT(r.exact);
            /* Every oracle case is small enough to be proved optimal within the limits. */
            CU_ASSERT_EQUAL(r.quality, REGINT_MATCH_OPTIMAL);
            CU_ASSERT(r.bound >= r.objective - t);
            count++;
        }
        free(sizes);
        free(cap);
        free(asg);
        free(used);
        free(sc);
    }
    cJSON_Delete(doc);
    return count;
}

static void test_oracle_cases_unit(void)
{
    CU_ASSERT(run_oracle(0) >= 20);
}

static void test_oracle_persons_unit(void)
{
    CU_ASSERT(run_oracle(1) >= 20);
}

/* ---- brute force ---- */

static uint64_t rng_state = 12345;
static uint64_t rnd(uint64_t k)
{
    return sm64(&rng_state) % k;
}

/* Best objective over all assignments (integer scores); returns 0 if none feasible. */
static int brute(const double *sc, size_t n, size_t m, const int64_t *sizes, const int64_t *cap, int persons,
                 int must_all, double *best)
{
    size_t total = 1;
    for (size_t c = 0; c < n; c++)
        total *= m + 1;
    int found = 0;
    int64_t asg[8];
    for (size_t code = 0; code < total; code++) {
        size_t x = code;
        for (size_t c = 0; c < n; c++) {
            size_t d = x % (m + 1);
            x /= m + 1;
            asg[c] = d == m ? -1 : (int64_t)d;
        }
        double obj;
        if (check_assignment(sc, n, m, sizes, cap, persons, must_all, asg, NULL, &obj) && (!found || obj > *best)) {
            *best = obj;
            found = 1;
        }
    }
    return found;
}

static void brute_round(int persons)
{
    int agree = 0, infeasible = 0;
    for (int it = 0; it < 400; it++) {
        size_t n = 1 + rnd(7), m = 1 + rnd(4);
        int must_all = (int)rnd(2);
        int per_person = (int)rnd(3) == 0;
        double sc[32], eff[32];
        int64_t sizes[8], cap[4], asg[8], used[4];
        for (size_t c = 0; c < n; c++)
            sizes[c] = 1 + (int64_t)rnd(4);
        for (size_t j = 0; j < m; j++)
            cap[j] = (int64_t)rnd(persons ? 9 : 4);
        for (size_t i = 0; i < n * m; i++) {
            sc[i] = rnd(6) == 0 ? NAN : (double)((int64_t)rnd(21) - 5) / 4.0; /* quarters, some negative */
            eff[i] = sc[i] * (per_person ? (double)sizes[i / m] : 1.0);
        }
        double best = 0;
        int feas = brute(eff, n, m, sizes, cap, persons, must_all, &best);
        regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
        o.unit = persons ? REGINT_MATCH_PERSONS : REGINT_MATCH_CASES;
        o.must_assign_all = must_all;
        o.score_per_person = per_person;
        regint_match_summary_t r;
        regint_status st = regint_match(sc, n, m, sizes, cap, &o, asg, used, &r);
        if (!feas) {
            CU_ASSERT_EQUAL(st, REGINT_EINFEASIBLE);
            if (st == REGINT_EINFEASIBLE) {
                TEST_ASSERT_CONTAINS(regint_last_error(), "must_assign_all");
                infeasible++;
            }
            continue;
        }
        CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
        double obj;
        CU_ASSERT(check_assignment(eff, n, m, sizes, cap, persons, must_all, asg, used, &obj));
        if (fabs(obj - best) > 1e-9 || fabs(r.objective - best) > 1e-9)
            fprintf(stderr, "\n  brute it %d n=%zu m=%zu: got %g (%g), brute %g\n", it, n, m, obj, r.objective, best);
        CU_ASSERT(fabs(obj - best) <= 1e-9);
        CU_ASSERT(fabs(r.objective - best) <= 1e-9);
        CU_ASSERT_EQUAL(r.quality, REGINT_MATCH_OPTIMAL);
        CU_ASSERT(r.exact);
        agree++;
    }
    CU_ASSERT(agree > 150);
    CU_ASSERT(infeasible > 10);
}

static void test_brute_cases(void)
{
    brute_round(0);
}

static void test_brute_persons(void)
{
    brute_round(1);
}

/* Medium random instances: the transportation solver (cases unit) against the branch and
 * bound on the LP (persons unit with every family of size 1 is the same problem): two
 * independent algorithms must find the same optimum. */
static void test_cross_check_units(void)
{
    int same = 0;
    for (int it = 0; it < 60; it++) {
        size_t n = 10 + rnd(50), m = 2 + rnd(7);
        int must_all = (int)rnd(2);
        double *sc = calloc(n * m, sizeof *sc);
        int64_t ones[64], cap[8], a1[64], a2[64];
        for (size_t c = 0; c < n; c++)
            ones[c] = 1;
        int64_t tot = 0;
        for (size_t j = 0; j < m; j++) {
            cap[j] = (int64_t)rnd(2 * n / m + 2);
            tot += cap[j];
        }
        if (tot < (int64_t)n)
            cap[0] += (int64_t)n - tot;
        for (size_t i = 0; i < n * m; i++)
            sc[i] = rnd(10) == 0 ? NAN : (double)((int64_t)rnd(2001) - 500) / 1000.0;
        regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
        o.must_assign_all = must_all;
        regint_match_summary_t r1, r2;
        regint_status s1 = regint_match(sc, n, m, NULL, cap, &o, a1, NULL, &r1);
        o.unit = REGINT_MATCH_PERSONS;
        o.time_limit = 0;
        regint_status s2 = regint_match(sc, n, m, ones, cap, &o, a2, NULL, &r2);
        CU_ASSERT_EQUAL(s1, s2);
        if (s1 == REGINT_OK && s2 == REGINT_OK) {
            if (fabs(r1.objective - r2.objective) > 1e-9)
                fprintf(stderr, "\n  cross-check %d: cases %.3f persons %.3f\n", it, r1.objective, r2.objective);
            CU_ASSERT(fabs(r1.objective - r2.objective) <= 1e-9);
            CU_ASSERT_EQUAL(r2.quality, REGINT_MATCH_OPTIMAL);
            same++;
        }
        free(sc);
    }
    CU_ASSERT(same >= 40);
}

/* Hand-worked: 3 cases, 2 municipalities of capacity 1 and 2 (cases).
 * scores: c0 (10, 4), c1 (9, 1), c2 (3, 2). Best: c1->m0 (9), c0->m1 (4), c2->m1 (2) = 15
 * versus c0->m0: 10 + 1 + 2 = 13. So the assignment is [1, 0, 1]. */
static void test_hand_worked(void)
{
    const double sc[6] = {10, 4, 9, 1, 3, 2};
    const int64_t cap[2] = {1, 2};
    int64_t asg[3], used[2];
    regint_match_summary_t r;
    CU_ASSERT_EQUAL_FATAL(regint_match(sc, 3, 2, NULL, cap, NULL, asg, used, &r), REGINT_OK);
    CU_ASSERT_EQUAL(asg[0], 1);
    CU_ASSERT_EQUAL(asg[1], 0);
    CU_ASSERT_EQUAL(asg[2], 1);
    CU_ASSERT_EQUAL(used[0], 1);
    CU_ASSERT_EQUAL(used[1], 2);
    CU_ASSERT_DOUBLE_EQUAL(r.objective, 15.0, 1e-12);
    CU_ASSERT_EQUAL(r.n_assigned, 3);
    /* At most once with a negative score: c2 would lose, so it stays out. */
    const double sc2[6] = {10, 4, 9, 1, -3, -2};
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.must_assign_all = 0;
    CU_ASSERT_EQUAL_FATAL(regint_match(sc2, 3, 2, NULL, cap, &o, asg, used, &r), REGINT_OK);
    CU_ASSERT_EQUAL(asg[2], -1);
    CU_ASSERT_DOUBLE_EQUAL(r.objective, 13.0, 1e-12);
    /* Decimal scores are made exact: 0.1 + 0.2 style values. */
    const double sc3[4] = {0.1, 0.2, 0.3, 0.1};
    const int64_t cap3[2] = {1, 1};
    CU_ASSERT_EQUAL_FATAL(regint_match(sc3, 2, 2, NULL, cap3, NULL, asg, used, &r), REGINT_OK);
    CU_ASSERT_EQUAL(asg[0], 1);
    CU_ASSERT_EQUAL(asg[1], 0);
    CU_ASSERT(r.exact);
    CU_ASSERT_DOUBLE_EQUAL(r.score_resolution, 0.1, 1e-15);
    /* Persons: capacities 5 and 4 persons, families 3, 3, 2; scores per case.
     * c0 (5, 1), c1 (4, 3), c2 (2, 2): only one family of 3 fits in m0 with... m0 takes 3+2=5,
     * m1 takes 3. Options: {c0,c2}->m0, c1->m1: 5+2+3 = 10; {c1,c2}->m0, c0->m1: 4+2+1 = 7. */
    const double sc4[6] = {5, 1, 4, 3, 2, 2};
    const int64_t sz4[3] = {3, 3, 2}, cap4[2] = {5, 4};
    o = (regint_match_options)REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    CU_ASSERT_EQUAL_FATAL(regint_match(sc4, 3, 2, sz4, cap4, &o, asg, used, &r), REGINT_OK);
    CU_ASSERT_EQUAL(asg[0], 0);
    CU_ASSERT_EQUAL(asg[1], 1);
    CU_ASSERT_EQUAL(asg[2], 0);
    CU_ASSERT_EQUAL(used[0], 5);
    CU_ASSERT_EQUAL(used[1], 3);
    CU_ASSERT_DOUBLE_EQUAL(r.objective, 10.0, 1e-12);
    CU_ASSERT_EQUAL(r.quality, REGINT_MATCH_OPTIMAL);
}

static void test_errors(void)
{
    const double sc[4] = {1, NAN, 2, NAN};
    const int64_t cap[2] = {1, 5}, sz[2] = {1, 2};
    int64_t asg[2];
    /* Both cases can only go to m0, capacity 1. */
    CU_ASSERT_EQUAL(regint_match(sc, 2, 2, NULL, cap, NULL, asg, NULL, NULL), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "2 cases");
    TEST_ASSERT_CONTAINS(regint_last_error(), "capacity is 1");
    const int64_t small[2] = {0, 1};
    const double ok[4] = {1, 1, 1, 1};
    CU_ASSERT_EQUAL(regint_match(ok, 2, 2, NULL, small, NULL, asg, NULL, NULL), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "demand 2 cases > total capacity 1 cases");
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    CU_ASSERT_EQUAL(regint_match(ok, 2, 2, sz, small, &o, asg, NULL, NULL), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "demand 3 persons > total capacity 1 persons");
    const double allnan[2] = {NAN, NAN};
    CU_ASSERT_EQUAL(regint_match(allnan, 1, 2, NULL, cap, NULL, asg, NULL, NULL), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "cases[0]");
    const double inf[2] = {INFINITY, 1};
    CU_ASSERT_EQUAL(regint_match(inf, 1, 2, NULL, cap, NULL, asg, NULL, NULL), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "scores[0][0]");
    const int64_t neg[2] = {-1, 1};
    CU_ASSERT_EQUAL(regint_match(ok, 1, 2, NULL, neg, NULL, asg, NULL, NULL), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_match(ok, 1, 2, NULL, cap, &o, asg, NULL, NULL), REGINT_EINVAL); /* sizes NULL */
    o.version = 99;
    CU_ASSERT_EQUAL(regint_match(ok, 1, 2, sz, cap, &o, asg, NULL, NULL), REGINT_EVERSION);
    CU_ASSERT_EQUAL(regint_match(ok, 1, 0, NULL, cap, NULL, asg, NULL, NULL), REGINT_EINVAL);
    /* Zero cases is fine. */
    regint_match_summary_t r;
    CU_ASSERT_EQUAL(regint_match(NULL, 0, 2, NULL, cap, NULL, NULL, NULL, &r), REGINT_OK);
    CU_ASSERT_EQUAL(r.objective, 0);
}

static void test_json(void)
{
    const char *good = "{\"capacity_unit\": \"persons\", \"sizes\": [2, 1], \"capacities\": [2, 2],"
                       " \"scores\": [[1, null], [3, 4]], \"ids\": [\"a1\", \"b2\"], \"score_scale\": 10}";
    regint_match_instance *in = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_match_instance_load_string(good, strlen(good), "inst.json", &in), REGINT_OK);
    CU_ASSERT_EQUAL(in->n_cases, 2);
    CU_ASSERT_EQUAL(in->n_munis, 2);
    CU_ASSERT_EQUAL(in->unit, REGINT_MATCH_PERSONS);
    CU_ASSERT(isnan(in->scores[1]));
    CU_ASSERT_EQUAL(in->scores[3], 4);
    CU_ASSERT_STRING_EQUAL(in->ids[1], "b2");
    CU_ASSERT_EQUAL(in->score_scale, 10);
    CU_ASSERT(in->must_assign_all);
    regint_match_instance_free(in);
    struct {
        const char *text, *want;
        regint_status st;
    } bad[] = {
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1], [\"x\"]]}", "inst.json: scores[1][0]", REGINT_EPARSE},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1, 2], \"scores\": [[1]]}", "inst.json: scores[0]: has 1 scores", REGINT_EINVAL},
        {"{\"capacity_unit\": \"rooms\", \"capacities\": [1], \"scores\": [[1]]}", "inst.json: capacity_unit", REGINT_EINVAL},
        {"{\"capacity_unit\": \"persons\", \"capacities\": [1], \"scores\": [[1]]}", "inst.json: sizes", REGINT_EPARSE},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [-1], \"scores\": [[1]]}", "inst.json: capacities[0]", REGINT_EINVAL},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1]], \"ids\": [\"01019012480\"]}", "ids[0]", REGINT_EPERSONAL},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1],[2]], \"ids\": [\"a\", \"a\"]}", "ids[0]", REGINT_EDUPLICATE},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1]]", "line 1", REGINT_EPARSE},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        in = (regint_match_instance *)1;
        CU_ASSERT_EQUAL(regint_match_instance_load_string(bad[i].text, strlen(bad[i].text), "inst.json", &in), bad[i].st);
        CU_ASSERT_PTR_NULL(in);
        TEST_ASSERT_CONTAINS(regint_last_error(), bad[i].want);
    }
    CU_ASSERT(strstr(regint_last_error(), "01019012480") == NULL);
}

/* Limits: with one branch-and-bound node the 80×12 persons oracle case (optimum 56.574 by
 * HiGHS, CBC and GLPK) cannot be proved; the result must say so, and the known optimum must
 * lie between the objective found and the bound reported. */
static void test_persons_limits(void)
{
    size_t n = 80, m = 12;
    int64_t sizes[80], cap[12], asg[80], used[12];
    double *sc = calloc(n * m, sizeof *sc);
    CU_ASSERT_EQUAL_FATAL(regint_match_synth(n, m, REGINT_MATCH_PERSONS, 1064, 1000, sizes, cap, sc), REGINT_OK);
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    o.score_scale = 1000;
    o.max_nodes = 1;
    regint_match_summary_t r;
    CU_ASSERT_EQUAL_FATAL(regint_match(sc, n, m, sizes, cap, &o, asg, used, &r), REGINT_OK);
    double obj;
    CU_ASSERT(check_assignment(sc, n, m, sizes, cap, 1, 1, asg, used, &obj));
    CU_ASSERT_DOUBLE_EQUAL(obj / 1000, r.objective, 1e-9);
    CU_ASSERT_EQUAL(r.quality, REGINT_MATCH_GAP);
    CU_ASSERT(r.objective <= 56.574 + 1e-9);
    CU_ASSERT(r.bound >= 56.574 - 1e-9);
    CU_ASSERT(r.gap > 0);
    CU_ASSERT_EQUAL(r.nodes, 1);
    free(sc);

    /* Too large for the dense LP (2000 × 40): Lagrangian bound and a heuristic assignment,
     * reported with its gap (never claimed optimal unless the bound meets it). */
    n = 2000;
    m = 40;
    int64_t *sz = calloc(n, sizeof *sz), *cp = calloc(m, sizeof *cp), *as = calloc(n, sizeof *as), *us = calloc(m, sizeof *us);
    sc = calloc(n * m, sizeof *sc);
    CU_ASSERT_EQUAL_FATAL(regint_match_synth(n, m, REGINT_MATCH_PERSONS, 99, 1100, sz, cp, sc), REGINT_OK);
    o.max_nodes = 200000;
    o.time_limit = 0; /* deterministic (the subgradient method stops after 500 iterations) */
    CU_ASSERT_EQUAL_FATAL(regint_match(sc, n, m, sz, cp, &o, as, us, &r), REGINT_OK);
    CU_ASSERT(check_assignment(sc, n, m, sz, cp, 1, 1, as, us, &obj));
    CU_ASSERT_DOUBLE_EQUAL(obj / 1000, r.objective, 1e-6);
    CU_ASSERT(r.bound >= r.objective);
    if (r.quality == REGINT_MATCH_OPTIMAL)
        CU_ASSERT_DOUBLE_EQUAL(r.bound, r.objective, 1e-9);
    CU_ASSERT(r.gap < 0.01); /* the Lagrangian heuristic is within 1 % on this instance */
    fprintf(stderr, "\n  2000x40 persons: objective %.3f bound %.3f gap %.2e\n", r.objective, r.bound, r.gap);
    free(sz);
    free(cp);
    free(as);
    free(us);
    free(sc);
}

/* Tight persons-unit instances of the size reported from the Python side (272 families ×
 * 25 municipalities) and of the Annie MOORE size (200/500 × 21): total capacity only 2–5 %
 * above the demand. A feasible assignment must come back within a node limit (not a clock:
 * deterministic under valgrind), with a stated gap of at most 1 % against the LP bound. */
static void tight_case(size_t n, size_t m, const int64_t *sizes, const int64_t *cap, const double *sc,
                       double scale, int64_t max_nodes)
{
    int64_t *asg = calloc(n, sizeof *asg), *used = calloc(m, sizeof *used);
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    o.score_scale = scale;
    o.max_nodes = max_nodes;
    o.time_limit = 0;
    regint_match_summary_t r;
    regint_status st = regint_match(sc, n, m, sizes, cap, &o, asg, used, &r);
    CU_ASSERT_EQUAL(st, REGINT_OK);
    if (st == REGINT_OK) {
        double obj;
        CU_ASSERT(check_assignment(sc, n, m, sizes, cap, 1, 1, asg, used, &obj));
        CU_ASSERT_DOUBLE_EQUAL(obj / scale, r.objective, 1e-6);
        CU_ASSERT(r.bound >= r.objective);
        CU_ASSERT(r.gap <= 0.01);
        CU_ASSERT(r.nodes <= max_nodes);
    } else {
        fprintf(stderr, "\n  %zu x %zu: %s\n", n, m, regint_last_error());
    }
    free(asg);
    free(used);
}

/* regint-synth-v1 without its +9 per municipality, then capacity added round-robin until
 * the total reaches slack‰ of the demand: small municipalities get only a few persons. */
static void tight_synth(size_t n, size_t m, uint64_t seed, int64_t slack, int64_t max_nodes)
{
    int64_t *sz = calloc(n, sizeof *sz), *cap = calloc(m, sizeof *cap);
    double *sc = calloc(n * m, sizeof *sc);
    CU_ASSERT_EQUAL_FATAL(regint_match_synth(n, m, REGINT_MATCH_PERSONS, seed, slack, sz, cap, sc), REGINT_OK);
    int64_t demand = 0, total = 0, maxsz = 0;
    for (size_t c = 0; c < n; c++) {
        demand += sz[c];
        maxsz = sz[c] > maxsz ? sz[c] : maxsz;
    }
    for (size_t j = 0; j < m; j++) {
        cap[j] -= 9;
        total += cap[j];
    }
    for (size_t j = 0; total < demand * slack / 1000; j = (j + 1) % m, total++)
        cap[j]++;
    CU_ASSERT(total * 1000 <= demand * (slack + 5)); /* really tight */
    CU_ASSERT(maxsz <= 8);
    tight_case(n, m, sz, cap, sc, 1000, max_nodes);
    free(sz);
    free(cap);
    free(sc);
}

/* The shape of examples/notebooks/03_matching_agder.ipynb at 5 % slack: family sizes 1–8
 * with the notebook's distribution, real-valued scores (not on a decimal grid), 4 % of the
 * cases allowed only in 3 municipalities, capacities proportional to uneven weights. */
static void tight_notebook(uint64_t seed, int64_t slack)
{
    enum { N = 272, M = 25 };
    static const int cum[8] = {400, 550, 670, 790, 880, 940, 980, 1000};
    int64_t sz[N], cap[M], demand = 0, total = 0;
    double *sc = calloc((size_t)N * M, sizeof *sc), wt[M], wsum = 0;
    uint64_t st = seed;
    for (size_t c = 0; c < N; c++) {
        uint64_t u = sm64(&st) % 1000;
        sz[c] = 1;
        while (sz[c] < 8 && (uint64_t)cum[sz[c] - 1] <= u)
            sz[c]++;
        demand += sz[c];
    }
    for (size_t j = 0; j < M; j++) {
        wt[j] = j < 3 ? 8.0 + (double)j : 0.3 + (double)(sm64(&st) % 1000) / 400.0;
        wsum += wt[j];
    }
    for (size_t j = 0; j < M; j++) {
        cap[j] = (int64_t)floor((double)demand * (double)slack / 1000.0 * wt[j] / wsum);
        total += cap[j];
    }
    for (size_t j = 0; total < demand * slack / 1000; j = (j + 1) % M, total++)
        cap[j]++;
    for (size_t c = 0; c < N; c++) {
        double edu = (double)(sm64(&st) % 4), eng = (double)(sm64(&st) % 2);
        int restricted = sm64(&st) % 100 < 4;
        for (size_t j = 0; j < M; j++) {
            double z = -0.9 + 0.35 * edu + 0.25 * eng + 0.05 * wt[j] + (double)(sm64(&st) % 10001) / 33333.0;
            double p = 1.0 / (1.0 + exp(-z));
            sc[c * M + j] = restricted && j >= 3 ? NAN : p * (double)(sz[c] < 2 ? sz[c] : 2);
        }
    }
    tight_case(N, M, sz, cap, sc, 1, 3);
    free(sc);
}

static void test_persons_tight(void)
{
    static const int64_t slacks[] = {1020, 1050, 1100};
    for (uint64_t seed = 1; seed <= 3; seed++)
        tight_synth(272, 25, seed, slacks[seed - 1], 3);
    tight_synth(200, 21, 7, 1030, 3);
    tight_synth(500, 21, 8, 1050, 2);
    tight_notebook(1, 1050);
    tight_notebook(2, 1020);
}

/* Proved infeasible vs not proved: families of 3, 3 and 3 persons, two municipalities of 5.
 * Demand 9 <= capacity 10 and every family fits somewhere, but two families never share a
 * municipality (6 > 5), so three cannot be placed. With the default limits the search is
 * exhausted: REGINT_EINFEASIBLE. With one node: proved at the root, or REGINT_ERANGE (limits
 * too small), never an assignment. */
static void test_persons_infeasible_vs_limits(void)
{
    const double sc[6] = {1, 2, 3, 1, 2, 2};
    const int64_t sz[3] = {3, 3, 3}, cap[2] = {5, 5};
    int64_t asg[3];
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    o.time_limit = 0;
    CU_ASSERT_EQUAL(regint_match(sc, 3, 2, sz, cap, &o, asg, NULL, NULL), REGINT_EINFEASIBLE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "cannot be placed");
    o.max_nodes = 1;
    /* The knapsack Lagrangian bound (matching_gap.c, issue 17) proves this one at its root
     * (each municipality of 5 holds one family of 3, so at most 2 of the 3 are placed); a
     * search stopped by the limit without a proof must say so with REGINT_ERANGE, and never
     * return an assignment. */
    regint_status st = regint_match(sc, 3, 2, sz, cap, &o, asg, NULL, NULL);
    CU_ASSERT(st == REGINT_EINFEASIBLE || st == REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), st == REGINT_ERANGE ? "infeasibility is not proved" : "cannot be placed");
}

/* The warm start (auction prices, then the exact shortest paths, fl_drain and the dual
 * certificate) against the plain shortest-path method from prices 0, on random instances
 * with ties (7 score levels), negative scores, forbidden pairs and tight capacities, and on
 * regint-synth-v1 instances. Both must reach the same optimum (objective summed here from
 * the assignment); the warm start must run and pass its certificate without the fallback. */
static int64_t flow_objective(const double *sc, size_t n, size_t m, const int64_t *cap, const int32_t *asg, int must_all)
{
    int64_t *load = calloc(m, sizeof *load), tot = 0;
    for (size_t c = 0; c < n; c++) {
        if (asg[c] < 0) {
            CU_ASSERT(!must_all);
            continue;
        }
        CU_ASSERT_FATAL((size_t)asg[c] < m);
        CU_ASSERT(!isnan(sc[c * m + (size_t)asg[c]]));
        load[asg[c]]++;
        tot += (int64_t)sc[c * m + (size_t)asg[c]];
    }
    for (size_t j = 0; j < m; j++)
        CU_ASSERT(load[j] <= cap[j]);
    free(load);
    return tot;
}

static int warm_vs_plain(const double *sc, size_t n, size_t m, const int64_t *cap, int must_all)
{
    regint__match_problem p;
    memset(&p, 0, sizeof p);
    p.n = n;
    p.m = m;
    p.scores = sc;
    p.factor = 1;
    p.must_all = must_all;
    p.cap = cap;
    int32_t *a1 = calloc(n, sizeof *a1), *a2 = calloc(n, sizeof *a2);
    int64_t g1 = 0, g2 = 0;
    int u1, u2;
    regint_status s1 = regint__match_flow_ex(&p, 0, a1, &g1, &u1);
    regint_status s2 = regint__match_flow_ex(&p, 1, a2, &g2, &u2);
    CU_ASSERT_EQUAL(u1, 0);
    CU_ASSERT(u2 != 2);
    CU_ASSERT_EQUAL(s1, s2);
    if (s1 == REGINT_OK && s2 == REGINT_OK)
        CU_ASSERT_EQUAL(flow_objective(sc, n, m, cap, a1, must_all), flow_objective(sc, n, m, cap, a2, must_all));
    free(a1);
    free(a2);
    return s2 == REGINT_OK ? u2 : 0;
}

static void test_warm_start(void)
{
    int warm = 0;
    for (int it = 0; it < 300; it++) {
        size_t n = 5 + rnd(300), m = 2 + rnd(40);
        int must_all = rnd(4) != 0;
        int forbid = (int)rnd(3); /* 0: none, else 1 in 8 forbidden */
        double *sc = calloc(n * m, sizeof *sc);
        int64_t *cap = calloc(m, sizeof *cap), tot = 0;
        for (size_t i = 0; i < n * m; i++)
            sc[i] = forbid && rnd(8) == 0 ? NAN : (double)((int64_t)rnd(7) * 3 - 6 + (it % 2 ? (int64_t)rnd(400) : 0));
        for (size_t j = 0; j < m; j++) {
            cap[j] = (int64_t)rnd(2 * n / m + 2);
            tot += cap[j];
        }
        if (tot < (int64_t)n)
            cap[rnd(m)] += (int64_t)n - tot;
        if (warm_vs_plain(sc, n, m, cap, must_all) == 1)
            warm++;
        free(sc);
        free(cap);
    }
    for (uint64_t seed = 1; seed <= 4; seed++) {
        size_t n = 400 * (size_t)seed, m = 10 + 20 * (size_t)seed;
        double *sc = calloc(n * m, sizeof *sc);
        int64_t *sizes = calloc(n, sizeof *sizes), *cap = calloc(m, sizeof *cap);
        CU_ASSERT_EQUAL_FATAL(regint_match_synth(n, m, REGINT_MATCH_CASES, seed, 1000 + 50 * (int64_t)seed, sizes, cap, sc),
                              REGINT_OK);
        CU_ASSERT_EQUAL(warm_vs_plain(sc, n, m, cap, 1), 1);
        free(sc);
        free(sizes);
        free(cap);
    }
    CU_ASSERT(warm > 100);
    /* Hall's condition fails (10 cases allowed only at municipality 0, capacity 6) although
     * the total capacity suffices: the auction gives up, both report infeasibility. */
    {
        enum { N = 50, M = 10 };
        static double sc[N * M];
        int64_t cap[M];
        for (size_t j = 0; j < M; j++)
            cap[j] = 6;
        for (size_t c = 0; c < N; c++)
            for (size_t j = 0; j < M; j++)
                sc[c * M + j] = c < 10 && j > 0 ? NAN : (double)((c * 7 + j * 3) % 11);
        CU_ASSERT_EQUAL(warm_vs_plain(sc, N, M, cap, 1), 0);
        regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
        int64_t asg[N];
        CU_ASSERT_EQUAL(regint_match(sc, N, M, NULL, cap, &o, asg, NULL, NULL), REGINT_EINFEASIBLE);
    }
}

int main(void)
{
    static const test_case tests[] = {
        {"synth check values", test_synth_check_values},
        {"hand-worked", test_hand_worked},
        {"errors", test_errors},
        {"json", test_json},
        {"oracle cases unit", test_oracle_cases_unit},
        {"brute force cases unit", test_brute_cases},
        {"oracle persons unit", test_oracle_persons_unit},
        {"brute force persons unit", test_brute_persons},
        {"persons limits and gap", test_persons_limits},
        {"persons tight capacities", test_persons_tight},
        {"persons infeasible vs limits", test_persons_infeasible_vs_limits},
        {"cases unit vs persons unit (sizes 1)", test_cross_check_units},
        {"warm start vs plain shortest paths", test_warm_start},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("matching", tests))
        return 2;
    return test_run_all();
}
