/* Tests of the settlement recommendation engine and back-test. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include <cjson/cJSON.h>
#include <regint/regint.h>

#include "test_util.h"

/* ------------------------------------------------------------------------- */
/* A small hand-made dataset: county 39 with three municipalities in 2026.   */

static regint_dataset *small_dataset(void)
{
    regint_dataset *ds = NULL;
    if (regint_dataset_new(&ds) != REGINT_OK)
        return NULL;
    regint_county_t c = {"39", "Testfylke", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    const char *codes[3] = {"3901", "3903", "3905"};
    const char *names[3] = {"Aby", "Bby", "Cby"};
    int64_t pop[3] = {6000, 3000, 1000};
    /* 2025 decisions and settled: A decided 20, settled 10; B 20 and 20; C 0 and 0. */
    double dec[3] = {20, 20, 0}, set[3] = {10, 20, 0};
    for (int i = 0; i < 3; i++) {
        regint_municipality_t m = {codes[i], names[i], "39", 2024, REGINT_YEAR_OPEN, 0, ""};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_add_municipality(ds, &m), REGINT_OK);
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_population(ds, codes[i], 2025, pop[i]), REGINT_OK);
        regint_settlement_t s = {codes[i], 2025, REGINT_MEASURE_DECISION, REGINT_CATEGORY_ALL, {dec[i], REGINT_MISSING_NONE}};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
        s.measure = REGINT_MEASURE_SETTLED;
        s.value.value = set[i];
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
        s.measure = REGINT_MEASURE_REQUEST;
        s.value.value = dec[i];
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
    }
    /* Unaccompanied minors were settled in B only. */
    regint_settlement_t e = {"3903", 2024, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_UNACCOMPANIED, {3, REGINT_MISSING_NONE}};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &e), REGINT_OK);
    return ds;
}

static regint_settlement_profile *profile_from(const char *json)
{
    regint_settlement_profile *p = NULL;
    regint_status st = regint_settlement_profile_load_string(json, strlen(json), "t.json", &p);
    if (st)
        fprintf(stderr, "\n  profile: %s\n", regint_last_error());
    CU_ASSERT_EQUAL(st, REGINT_OK);
    return p;
}

#define PROFILE_HEAD "{\"schema\": \"regint.settlement_profile\", \"schema_version\": 1, "

static regint_settlement_recommendation *recommend_small(regint_dataset *ds, const regint_settlement_profile *p,
                                              int64_t total, int64_t minors)
{
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    const char *cty = "39"; /* county and year are parameters since 0.2.0 */
    int year = 2026;
    o.total = total;
    o.minors = minors;
    o.profile = p;
    regint_settlement_recommendation *r = NULL;
    regint_status st = regint_settlement_recommend(ds, cty, year, &o, &r);
    if (st)
        fprintf(stderr, "\n  recommend: %s\n", regint_last_error());
    CU_ASSERT_EQUAL(st, REGINT_OK);
    return r;
}

/* Hand-worked: criteria population 0.5 and decisions (2025) 0.5, minimum 10, total 100.
 *   population shares: A 6000/10000 = 0.6, B 0.3, C 0.1
 *   decision shares:   A 20/40 = 0.5,     B 0.5, C 0
 *   scores: A 0.5*0.6 + 0.5*0.5 = 0.55; B 0.15 + 0.25 = 0.40; C 0.05 + 0 = 0.05
 *   quotas: 55, 40, 5. C is raised to its minimum 10; the other 90 go to A and B in the
 *   proportion 0.55 : 0.40: A 90*0.55/0.95 = 52.105, B 37.895 -> floors 52 + 37 = 89, the
 *   last person to the larger remainder (B, .895): A 52, B 38, C 10. */
static void test_hand_worked_size(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    regint_settlement_profile *p = profile_from(PROFILE_HEAD
        "\"criteria\": [{\"id\": \"population\", \"weight\": 1}, {\"id\": \"decisions\", \"weight\": 1, \"years\": 1}],"
        "\"minimum\": 10}");
    regint_settlement_recommendation *r = recommend_small(ds, p, 100, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_count(r), 3);
    const regint_settlement_recommendation_row_t *a = regint_settlement_recommendation_row(r, 0), *b = regint_settlement_recommendation_row(r, 1),
                                      *c = regint_settlement_recommendation_row(r, 2);
    CU_ASSERT_STRING_EQUAL(a->kommunenr, "3901");
    CU_ASSERT_DOUBLE_EQUAL(a->score, 0.55, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b->score, 0.40, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(c->score, 0.05, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a->contributions[0], 0.30, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a->contributions[1], 0.25, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(c->contributions[1], 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(regint_settlement_recommendation_contribution(r, 1, 1), 0.25, 1e-12); /* B: 0.5 x 0.5 */
    CU_ASSERT(isnan(regint_settlement_recommendation_contribution(r, 3, 0)));
    CU_ASSERT_DOUBLE_EQUAL(regint_settlement_recommendation_value(r, 0, 0), 6000, 0);
    CU_ASSERT_EQUAL(a->recommended, 52);
    CU_ASSERT_EQUAL(b->recommended, 38);
    CU_ASSERT_EQUAL(c->recommended, 10);
    CU_ASSERT_EQUAL(c->lower, 10);
    TEST_ASSERT_CONTAINS(c->reason, "minimum 10");
    /* History columns: 2025 is the last of the three shown. */
    CU_ASSERT_EQUAL(a->history_first_year, 2023);
    CU_ASSERT_DOUBLE_EQUAL(a->decision[2].value, 20, 0);
    CU_ASSERT_EQUAL(a->decision[0].missing != REGINT_MISSING_NONE, 1);
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
}

/* Hand-worked rate criterion: population 0.5, delivery_rate 0.5 (clamp [0.5, 2]), total 200.
 *   delivery = settled/decided 2025: A 10/20 = 0.5, B 20/20 = 1.0, C decided 0 -> unknown (factor 1)
 *   population-weighted mean over A and B: (6000*0.5 + 3000*1.0) / 9000 = 2/3
 *   factors: A 0.5/(2/3) = 0.75, B 1.5, C 1 -> pop x factor: 4500, 4500, 1000 (sum 10000)
 *   delivery shares 0.45, 0.45, 0.10; scores 0.5*(0.6,0.3,0.1) + 0.5*(0.45,0.45,0.10)
 *   = 0.525, 0.375, 0.100; quotas 105, 75, 20: whole numbers, so exactly 105, 75, 20. */
static void test_hand_worked_rate(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    regint_settlement_profile *p = profile_from(PROFILE_HEAD
        "\"criteria\": [{\"id\": \"population\", \"weight\": 2},"
        " {\"id\": \"delivery_rate\", \"weight\": 2, \"years\": 1, \"clamp\": [0.5, 2]}], \"minimum\": 10}");
    regint_settlement_recommendation *r = recommend_small(ds, p, 200, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const regint_settlement_recommendation_row_t *a = regint_settlement_recommendation_row(r, 0), *b = regint_settlement_recommendation_row(r, 1),
                                      *c = regint_settlement_recommendation_row(r, 2);
    CU_ASSERT_DOUBLE_EQUAL(a->values[1], 0.5, 1e-12);
    CU_ASSERT(isnan(c->values[1]));
    CU_ASSERT_DOUBLE_EQUAL(a->contributions[1], 0.225, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b->contributions[1], 0.225, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(c->contributions[1], 0.05, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(a->score, 0.525, 1e-12);
    CU_ASSERT_EQUAL(a->recommended, 105);
    CU_ASSERT_EQUAL(b->recommended, 75);
    CU_ASSERT_EQUAL(c->recommended, 20);
    CU_ASSERT_DOUBLE_EQUAL(regint_settlement_recommendation_criterion_weight(r, 0), 0.5, 1e-12);
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
}

/* Bounds, exclusion and minors on the small dataset. */
static void test_bounds_exclusion_minors(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    /* A capped at 40 (stated capacity), C excluded: B takes the rest, 100 - 40 = 60. */
    regint_settlement_profile *p = profile_from(PROFILE_HEAD
        "\"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
        "\"bounds\": [{\"kommunenr\": \"3901\", \"upper\": 40}], \"exclude\": [\"3905\"]}");
    regint_settlement_recommendation *r = recommend_small(ds, p, 100, 10);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const regint_settlement_recommendation_row_t *a = regint_settlement_recommendation_row(r, 0), *b = regint_settlement_recommendation_row(r, 1),
                                      *c = regint_settlement_recommendation_row(r, 2);
    CU_ASSERT_EQUAL(a->recommended, 40);
    CU_ASSERT_EQUAL(a->upper, 40);
    TEST_ASSERT_CONTAINS(a->reason, "stated capacity 40");
    CU_ASSERT_EQUAL(b->recommended, 60);
    CU_ASSERT_EQUAL(c->recommended, 0);
    CU_ASSERT_EQUAL(c->asked, 0);
    TEST_ASSERT_CONTAINS(c->reason, "excluded");
    /* Scores of the asked: population 6000 and 3000 -> 2/3 and 1/3. */
    CU_ASSERT_DOUBLE_EQUAL(a->score, 2.0 / 3, 1e-12);
    /* Minors only where there is experience with them (B settled 3 in 2024). */
    CU_ASSERT_EQUAL(b->minors, 10);
    CU_ASSERT_EQUAL(a->minors, 0);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_minors(r), 10);
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);

    /* Minimums exceed the total: 3 x 10 > 25, the lowest score (C) is not asked. */
    p = profile_from(PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}], \"minimum\": 10}");
    r = recommend_small(ds, p, 25, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 2)->recommended, 0);
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_row(r, 2)->reason, "not asked");
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 0)->recommended + regint_settlement_recommendation_row(r, 1)->recommended, 25);
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_note(r), "lowest scores");
    regint_settlement_recommendation_free(r);
    /* A total below one minimum: the highest score (A, population 6000) takes all 5. */
    r = recommend_small(ds, p, 5, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 0)->recommended, 5);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 1)->recommended, 0);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 2)->recommended, 0);
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_note(r), "below the minimum");
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
}

static void expect_recommend_error(regint_dataset *ds, const char *json, const char *county, int64_t total,
                                   regint_status want, const char *msg);

/* Edge cases on the small dataset (populations A 6000, B 3000, C 1000; population only). */
static void test_edge_cases(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    /* A states capacity 0, minimum 10, total 5. Minimums: A min(10, 0) = 0, B 10, C 10: 20 > 5.
     * Drop the lowest score (C, 0.1): 10 > 5. The next lowest is B (0.3), but the only other
     * one asked (A) can take nothing: B stays with the lower bound 5 - 0 = 5 and takes all 5. */
    regint_settlement_profile *p = profile_from(PROFILE_HEAD
        "\"criteria\": [{\"id\": \"population\", \"weight\": 1}], \"minimum\": 10,"
        " \"bounds\": [{\"kommunenr\": \"3901\", \"upper\": 0}]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    regint_settlement_recommendation *r = recommend_small(ds, p, 5, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 0)->recommended, 0);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 1)->recommended, 5);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 1)->asked, 1);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 2)->recommended, 0);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 2)->asked, 0);
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_note(r), "the others asked can take only 0 of the total 5");
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_row(r, 1)->reason, "raised to the lower bound 5 (see the note)");
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);

    /* Everybody excluded: total 0 gives three zeros; a positive total cannot be placed. */
    const char *all_out = PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
                                       " \"exclude\": [\"3901\", \"3903\", \"3905\"]}";
    p = profile_from(all_out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    r = recommend_small(ds, p, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    for (size_t i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->recommended, 0);
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->asked, 0);
    }
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
    expect_recommend_error(ds, all_out, "39", 10, REGINT_EINFEASIBLE,
                           "t.json: exclude: every municipality of county 39 is excluded or not asked");

    /* Total 0 with the minimum: nobody gets anything, the sum is still exact. */
    p = profile_from(PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    r = recommend_small(ds, p, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->recommended, 0);
    regint_settlement_recommendation_free(r);

    /* No history at all (small_dataset has figures for 2025 only): recommending for 2030 with
     * history to 2029 leaves "decisions" without values; population carries the score. */
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    const char *cty = "39"; /* county and year are parameters since 0.2.0 */
    int year = 2030;
    o.total = 100;
    regint_settlement_profile *pd = profile_from(PROFILE_HEAD
        "\"criteria\": [{\"id\": \"population\", \"weight\": 1}, {\"id\": \"decisions\", \"weight\": 1, \"years\": 1}],"
        " \"minimum\": 0}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pd);
    o.profile = pd;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_OK);
    /* population shares 0.6, 0.3, 0.1 of 100 */
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 0)->recommended, 60);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 1)->recommended, 30);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, 2)->recommended, 10);
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_note(r), "criterion 'decisions' has no value");
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(pd);

    /* An options version this build does not know: REGINT_EVERSION, the one shared check. */
    o.version = 99;
    r = NULL;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), "options version 99");
    CU_ASSERT_PTR_NULL(r);
    regint_settlement_backtest_options bo = REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT;
    bo.version = 99;
    regint_settlement_backtest *bt = NULL;
    CU_ASSERT_EQUAL(regint_settlement_backtest_run(ds, &bo, &bt), REGINT_EVERSION);
    CU_ASSERT_PTR_NULL(bt);
    o.version = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION;

    /* An empty county (no municipality valid in the year). */
    regint_county_t e = {"40", "Tomfylke", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_add_county(ds, &e), REGINT_OK);
    o.profile = p;
    cty = "40";
    year = 2026;
    r = NULL;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_ENOTFOUND);
    CU_ASSERT_PTR_NULL(r);
    TEST_ASSERT_CONTAINS(regint_last_error(), "county '40' has no municipality valid in 2026");
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
}

static void expect_recommend_error(regint_dataset *ds, const char *json, const char *county, int64_t total,
                                   regint_status want, const char *msg)
{
    regint_settlement_profile *p = profile_from(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    const char *cty = county; /* county and year are parameters since 0.2.0 */
    int year = 2026;
    o.total = total;
    o.profile = p;
    regint_settlement_recommendation *r = NULL;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), want);
    CU_ASSERT_PTR_NULL(r);
    TEST_ASSERT_CONTAINS(regint_last_error(), msg);
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
}

/* Profiles that are valid alone but wrong for the dataset. The broken profile files are rows
 * of tests/data/bad_inputs.tsv (settlement/bad_profile_*.json). */
static void test_bad_profiles(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1},"
                           " {\"id\": \"jobs\", \"indicator\": \"no_such_indicator\", \"weight\": 1}]}",
                           "39", 100, REGINT_ENOTFOUND,
                           "t.json: criteria[1].indicator: unknown indicator 'no_such_indicator'");
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}], \"exclude\": [\"0301\"]}",
                           "39", 100, REGINT_ENOTFOUND, "t.json: exclude[0]: unknown municipality '0301' in 2026");
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
                           " \"bounds\": [{\"kommunenr\": \"3999\", \"upper\": 5}]}",
                           "39", 100, REGINT_ENOTFOUND, "t.json: bounds[0].kommunenr: unknown municipality '3999'");
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}]}", "42", 100,
                           REGINT_ENOTFOUND, "unknown county '42' in 2026");
    /* Hard bounds that cannot be met: lower bounds 60 + 60 > 100. */
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
                           " \"bounds\": [{\"kommunenr\": \"3901\", \"lower\": 60}, {\"kommunenr\": \"3903\", \"lower\": 60}]}",
                           "39", 100, REGINT_EINFEASIBLE, "above the total 100");
    /* Upper bounds 5 + 5 + 5 < 100. */
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}], \"minimum\": 0,"
                           " \"bounds\": [{\"kommunenr\": \"3901\", \"upper\": 5}, {\"kommunenr\": \"3903\", \"upper\": 5},"
                           " {\"kommunenr\": \"3905\", \"upper\": 5}]}",
                           "39", 100, REGINT_EINFEASIBLE, "upper bounds sum to 15, below the total 100");
    /* The minimum with "error". */
    expect_recommend_error(ds, PROFILE_HEAD "\"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
                           " \"when_minimums_exceed_total\": \"error\"}",
                           "39", 25, REGINT_EINFEASIBLE, "sum to 30, above the total 25");
    regint_dataset_free(ds);
}

/* The default profile file equals the built-in default. */
static void test_default_profile_file(void)
{
    regint_settlement_profile *f = NULL, *d = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_load_file(REGINT_TEST_DIR "/../examples/data/profile-default.json", &f),
                          REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_default(&d), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(regint_settlement_profile_name(f), "default");
    CU_ASSERT_EQUAL(regint_settlement_profile_criterion_count(f), regint_settlement_profile_criterion_count(d));
    for (size_t i = 0; i < regint_settlement_profile_criterion_count(d); i++) {
        CU_ASSERT_STRING_EQUAL(regint_settlement_profile_criterion_id(f, i), regint_settlement_profile_criterion_id(d, i));
        /* "weights": "fitted": no weight in the profile (NAN), the same in both */
        CU_ASSERT(isnan(regint_settlement_profile_criterion_weight(f, i)));
        CU_ASSERT(isnan(regint_settlement_profile_criterion_weight(d, i)));
    }
    CU_ASSERT_EQUAL(regint_settlement_profile_criterion_count(d), REGINT_SETTLEMENT_FITTED_CRITERION_COUNT);
    regint_settlement_profile_free(f);
    regint_settlement_profile_free(d);
}

/* The default total rule lives in regint_settlement_recommend: without a total, IMDi's actual requests
 * for the year to the county's municipalities; minors likewise for unaccompanied minors.
 * Hand-made figures: 2026 requests A 30, B 15, C 5 (total 50), of which unaccompanied minors
 * A 4, B 2 (6). */
static void test_default_total_rule(void)
{
    regint_dataset *ds = small_dataset();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    const char *codes[3] = {"3901", "3903", "3905"};
    double req[3] = {30, 15, 5}, ema[3] = {4, 2, 0};
    for (int i = 0; i < 3; i++) {
        regint_settlement_t s = {codes[i], 2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, {req[i], REGINT_MISSING_NONE}};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
        if (ema[i] > 0) {
            s.category = REGINT_CATEGORY_UNACCOMPANIED;
            s.value.value = ema[i];
            CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
        }
    }
    const char *cty = "39";
    int year = 2026;
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    CU_ASSERT_EQUAL(o.total, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS);
    CU_ASSERT_EQUAL(o.minors, REGINT_SETTLEMENT_MINORS_DEFAULT);
    regint_settlement_recommendation *r = NULL, *given = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_total(r), 50);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_minors(r), 6);
    /* The same as giving those numbers. */
    o.total = 50;
    o.minors = 6;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(ds, cty, year, &o, &given), REGINT_OK);
    int64_t sum = 0;
    for (size_t i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->recommended, regint_settlement_recommendation_row(given, i)->recommended);
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->minors, regint_settlement_recommendation_row(given, i)->minors);
        sum += regint_settlement_recommendation_row(r, i)->recommended;
    }
    CU_ASSERT_EQUAL(sum, 50);
    regint_settlement_recommendation_free(r);
    regint_settlement_recommendation_free(given);

    /* A total given and the minors left to the default: no split (minors 0). */
    o.total = 20;
    o.minors = REGINT_SETTLEMENT_MINORS_DEFAULT;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_total(r), 20);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_minors(r), 0);
    regint_settlement_recommendation_free(r);

    /* Minors given with the default total: the given minors, the total from the requests. */
    o.total = REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS;
    o.minors = 3;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_total(r), 50);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_minors(r), 3);
    regint_settlement_recommendation_free(r);

    /* No requests for 2027: the default total cannot be had. */
    r = NULL;
    o.minors = REGINT_SETTLEMENT_MINORS_DEFAULT;
    year = 2027;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_ENOTFOUND);
    CU_ASSERT_PTR_NULL(r);
    TEST_ASSERT_CONTAINS(regint_last_error(), "IMDi's actual requests to county '39' for 2027");
    TEST_ASSERT_CONTAINS(regint_last_error(), "give the total");
    /* The county check is the library's too. */
    year = 2026;
    cty = "40";
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown county '40' in 2026");
    /* Other negative totals stay errors. */
    cty = "39";
    o.total = -2;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, cty, year, &o, &r), REGINT_EINVAL);
    regint_dataset_free(ds);
}

/* ------------------------------------------------------------------------- */
/* The bundled real data                                                     */

static regint_dataset *real;

static void check_county_year(const char *fylkesnr, int year)
{
    regint_aggregate_t req;
    if (regint_settlement_county_sum(real, fylkesnr, year, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &req) != REGINT_OK ||
        isnan(req.partial))
        return;
    int64_t total = llround(req.partial); /* the known requests */
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = total;
    regint_settlement_recommendation *r = NULL;
    regint_status st = regint_settlement_recommend(real, fylkesnr, year, &o, &r);
    if (st)
        fprintf(stderr, "\n  %s %d: %s\n", fylkesnr, year, regint_last_error());
    CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
    int64_t sum = 0;
    double ssum = 0;
    size_t nc = regint_settlement_recommendation_criterion_count(r);
    double wsum = 0;
    for (size_t j = 0; j < nc; j++)
        wsum += regint_settlement_recommendation_criterion_weight(r, j);
    CU_ASSERT_DOUBLE_EQUAL(wsum, 1.0, 1e-9);
    for (size_t i = 0; i < regint_settlement_recommendation_count(r); i++) {
        const regint_settlement_recommendation_row_t *row = regint_settlement_recommendation_row(r, i);
        CU_ASSERT(row->recommended >= row->lower);
        CU_ASSERT(row->recommended <= row->upper);
        CU_ASSERT(row->lower >= 0);
        if (row->asked && !(row->lower >= 10 || row->lower == row->upper))
            fprintf(stderr, "\n  %s: lower %lld\n", row->kommunenr, (long long)row->lower);
        double cs = 0;
        for (size_t j = 0; j < nc; j++)
            cs += row->contributions[j];
        CU_ASSERT_DOUBLE_EQUAL(cs, row->score, 1e-12);
        CU_ASSERT_STRING_EQUAL(row->fylkesnr, fylkesnr);
        CU_ASSERT(row->reason && *row->reason);
        sum += row->recommended;
        ssum += row->score;
    }
    CU_ASSERT_EQUAL(sum, total);
    CU_ASSERT_DOUBLE_EQUAL(ssum, 1.0, 1e-9);
    regint_settlement_recommendation_free(r);
}

static void test_real_every_county(void)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(real);
    size_t tested = 0;
    int years[2] = {2026, 2022};
    for (int y = 0; y < 2; y++)
        for (size_t i = 0; i < regint_dataset_county_count(real); i++) {
            const regint_county_t *c = regint_dataset_county_at(real, i);
            if (c->valid_from > years[y] || c->valid_to < years[y])
                continue;
            check_county_year(c->fylkesnr, years[y]);
            tested++;
        }
    /* 15 counties in 2026 and 11 in 2022 (DOMAIN.md). */
    CU_ASSERT_EQUAL(tested, 26);
}

/* The default example: Vestfold 2026 with its actual request total, as JSON. */
static void test_real_vestfold_json(void)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(real);
    regint_aggregate_t st, sm;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_county_sum(real, "39", 2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &st),
                          REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_county_sum(real, "39", 2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_UNACCOMPANIED,
                                                 &sm), REGINT_OK);
    int64_t total = llround(st.partial), minors = llround(sm.partial);
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    const char *cty = "39"; /* county and year are parameters since 0.2.0 */
    int year = 2026;
    o.total = total;
    o.minors = minors;
    regint_settlement_recommendation *r = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(real, cty, year, &o, &r), REGINT_OK);
    char *js = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommendation_to_json(r, &js), REGINT_OK);
    cJSON *doc = cJSON_Parse(js);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    cJSON *arr = cJSON_GetObjectItem(doc, "municipalities");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(arr), (int)regint_settlement_recommendation_count(r));
    double sum = 0, msum = 0;
    cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        CU_ASSERT(cJSON_IsString(cJSON_GetObjectItem(it, "kommunenr")));
        CU_ASSERT(cJSON_IsString(cJSON_GetObjectItem(it, "name")));
        CU_ASSERT(cJSON_IsNumber(cJSON_GetObjectItem(it, "lower")));
        CU_ASSERT(cJSON_IsNumber(cJSON_GetObjectItem(it, "score")));
        CU_ASSERT(cJSON_IsObject(cJSON_GetObjectItem(it, "contributions")));
        CU_ASSERT(cJSON_IsObject(cJSON_GetObjectItem(it, "history")));
        sum += cJSON_GetObjectItem(it, "recommended")->valuedouble;
        msum += cJSON_GetObjectItem(it, "minors")->valuedouble;
    }
    CU_ASSERT_DOUBLE_EQUAL(sum, (double)total, 0);
    CU_ASSERT_DOUBLE_EQUAL(msum, (double)minors, 0);
    cJSON_Delete(doc);
    regint_free(js);
    regint_settlement_recommendation_free(r);
}

/* ------------------------------------------------------------------------- */
/* Back-test baselines against an independent computation.                  */

/* Textbook Hamilton: floor of the quotas, then one more to the largest remainders. */
static void hamilton(const double *w, size_t n, int64_t total, int64_t *out)
{
    double sw = 0;
    for (size_t i = 0; i < n; i++)
        sw += w[i];
    double *rem = calloc(n, sizeof *rem);
    int64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        double q = (double)total * w[i] / sw;
        out[i] = (int64_t)floor(q);
        rem[i] = q - floor(q);
        given += out[i];
    }
    for (; given < total; given++) {
        size_t best = 0;
        for (size_t i = 1; i < n; i++)
            if (rem[i] > rem[best])
                best = i;
        out[best]++;
        rem[best] = -1;
    }
    free(rem);
}

static void test_backtest_baselines(void)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(real);
    /* Vestfold 2025: 2024 codes, population 1.1.2024, decisions 2024. */
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(real, 2025, "39", &mun, &n), REGINT_OK);
    CU_ASSERT_FATAL(n > 0);
    double *pop = calloc(n, sizeof *pop), *dec = calloc(n, sizeof *dec), *req = calloc(n, sizeof *req);
    int64_t *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t p;
        regint_value_t v;
        CU_ASSERT_EQUAL(regint_dataset_population(real, mun[i]->kommunenr, 2024, &p), REGINT_OK);
        pop[i] = (double)p;
        CU_ASSERT_EQUAL(regint_dataset_settlement(real, mun[i]->kommunenr, 2025, REGINT_MEASURE_REQUEST,
                                                  REGINT_CATEGORY_ALL, &v), REGINT_OK);
        req[i] = v.missing == REGINT_MISSING_NONE ? v.value : 0;
        total += req[i];
        dec[i] = 0; /* '-' (not asked) counts as a decision of 0 */
        if (regint_dataset_settlement(real, mun[i]->kommunenr, 2024, REGINT_MEASURE_DECISION, REGINT_CATEGORY_ALL,
                                      &v) == REGINT_OK && v.missing == REGINT_MISSING_NONE)
            dec[i] = v.value;
    }
    hamilton(pop, n, (int64_t)total, a);
    hamilton(dec, n, (int64_t)total, b);
    double mae_pop = 0, mae_dec = 0, in_pop = 0;
    for (size_t i = 0; i < n; i++) {
        mae_pop += fabs((double)a[i] - req[i]);
        mae_dec += fabs((double)b[i] - req[i]);
        in_pop += fabs((double)a[i] - req[i]) <= 2 ? 1 : 0;
    }
    mae_pop /= (double)n;
    mae_dec /= (double)n;
    in_pop /= (double)n;

    regint_settlement_backtest_options o = REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT;
    o.fylkesnr = "39";
    o.year_from = 2025;
    o.year_to = 2025;
    regint_settlement_backtest *bt = NULL;
    regint_status st = regint_settlement_backtest_run(real, &o, &bt);
    if (st)
        fprintf(stderr, "\n  backtest: %s\n", regint_last_error());
    CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_settlement_backtest_count(bt), 1);
    const regint_settlement_backtest_row_t *r = regint_settlement_backtest_row(bt, 0);
    CU_ASSERT_EQUAL(r->year, 2025);
    CU_ASSERT_STRING_EQUAL(r->fylkesnr, "39");
    CU_ASSERT_EQUAL(r->total, (int64_t)total);
    CU_ASSERT_EQUAL(r->n_request, n);
    CU_ASSERT_DOUBLE_EQUAL(r->mae_request[REGINT_SETTLEMENT_BACKTEST_POPULATION], mae_pop, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r->within2_request[REGINT_SETTLEMENT_BACKTEST_POPULATION], in_pop, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r->mae_request[REGINT_SETTLEMENT_BACKTEST_LAST_DECISION], mae_dec, 1e-9);
    CU_ASSERT(!isnan(r->mae_request[REGINT_SETTLEMENT_BACKTEST_PROFILE]));
    /* The winner has the lowest MAE. */
    if (r->winner_request >= 0)
        for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
            CU_ASSERT(r->mae_request[r->winner_request] <= r->mae_request[m]);
    const regint_settlement_backtest_summary_t *s = regint_settlement_backtest_summary(bt);
    CU_ASSERT_EQUAL(s->rows, 1);
    CU_ASSERT_DOUBLE_EQUAL(s->mae_request[REGINT_SETTLEMENT_BACKTEST_POPULATION], mae_pop, 1e-9);
    char *js = NULL;
    CU_ASSERT_EQUAL(regint_settlement_backtest_to_json(bt, &js), REGINT_OK);
    cJSON *doc = cJSON_Parse(js);
    CU_ASSERT_PTR_NOT_NULL(doc);
    cJSON_Delete(doc);
    regint_free(js);
    regint_settlement_backtest_free(bt);

    /* An explicit profile (this path once read an uninitialised status): population only,
     * no minimum, no caps, nobody left out is the population baseline itself, so its MAE is
     * the independently computed mae_pop. */
    static const char pop_only[] = "{\"schema\": \"regint.settlement_profile\", \"schema_version\": 1,"
                                   " \"name\": \"pop\", \"criteria\": [{\"id\": \"population\", \"weight\": 1}],"
                                   " \"minimum\": 0}";
    regint_settlement_profile *pp = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_load_string(pop_only, strlen(pop_only), "pop.json", &pp), REGINT_OK);
    o.profile = pp;
    bt = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_backtest_run(real, &o, &bt), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_settlement_backtest_count(bt), 1);
    CU_ASSERT_DOUBLE_EQUAL(regint_settlement_backtest_row(bt, 0)->mae_request[REGINT_SETTLEMENT_BACKTEST_PROFILE], mae_pop, 1e-9);
    regint_settlement_backtest_free(bt);
    regint_settlement_profile_free(pp);
    o.profile = NULL;

    /* Years out of range (INT_MAX once made the year loop overflow). */
    o.year_to = INT_MAX;
    CU_ASSERT_EQUAL(regint_settlement_backtest_run(real, &o, &bt), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "outside 1900-2200");
    o.year_to = 2025;

    /* Unknown county. */
    o.fylkesnr = "77";
    CU_ASSERT_EQUAL(regint_settlement_backtest_run(real, &o, &bt), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown county '77'");
    free(pop); free(dec); free(req); free(a); free(b);
    regint_free((void *)mun);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    if (regint_dataset_load_default(&real) != REGINT_OK)
        fprintf(stderr, "bundled dataset: %s\n", regint_last_error());
    static const test_case small[] = {
        {"hand-worked size criteria", test_hand_worked_size},
        {"hand-worked rate criterion", test_hand_worked_rate},
        {"bounds, exclusion, minors", test_bounds_exclusion_minors},
        {"bad profiles", test_bad_profiles},
        {"edge cases: capacity 0, all excluded, total 0, no history, empty county", test_edge_cases},
        {"default profile file", test_default_profile_file},
        {"default total rule (IMDi's requests) and county check", test_default_total_rule},
        {NULL, NULL}};
    static const test_case realt[] = {
        {"every county: total exact, bounds hold, contributions sum", test_real_every_county},
        {"Vestfold 2026 JSON", test_real_vestfold_json},
        {"back-test baselines vs independent Hamilton", test_backtest_baselines},
        {NULL, NULL}};
    if (test_add_suite("settlement (small)", small) || test_add_suite("settlement (bundled data)", realt))
        return 1;
    int rc = test_run_all();
    regint_dataset_free(real);
    return rc;
}
