/* Tests of the career guidance demand forecast (hand-worked examples). */
#include <stdlib.h>

#include <regint/regint.h>

#include "test_util.h"

#define EXAMPLE REGINT_TEST_DIR "/../examples/data/county-example.json"

/* Three municipalities; decisions (vedtak) 2025: 3905 100, 3907 50, 3909 none registered
 * (request 20); 2024: 3905 60, 3907 0, 3909 30. */
static const char *doc =
    "{\"schema\": \"regint.dataset\", \"schema_version\": 2,"
    " \"counties\": [{\"fylkesnr\": \"39\", \"name\": \"Vestfold\", \"valid_from\": 2024}],"
    " \"municipalities\": ["
    "  {\"kommunenr\": \"3905\", \"name\": \"Tønsberg\", \"fylkesnr\": \"39\", \"valid_from\": 2024},"
    "  {\"kommunenr\": \"3907\", \"name\": \"Sandefjord\", \"fylkesnr\": \"39\", \"valid_from\": 2024},"
    "  {\"kommunenr\": \"3909\", \"name\": \"Larvik\", \"fylkesnr\": \"39\", \"valid_from\": 2024}],"
    " \"settlement\": ["
    "  {\"kommunenr\": \"3905\", \"year\": 2025, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": 100},"
    "  {\"kommunenr\": \"3907\", \"year\": 2025, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": 50},"
    "  {\"kommunenr\": \"3909\", \"year\": 2025, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": null,"
    "   \"missing\": \"no_decision\"},"
    "  {\"kommunenr\": \"3909\", \"year\": 2025, \"measure\": \"anmodning\", \"category\": \"alle\", \"value\": 20},"
    "  {\"kommunenr\": \"3905\", \"year\": 2024, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": 60},"
    "  {\"kommunenr\": \"3907\", \"year\": 2024, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": 0},"
    "  {\"kommunenr\": \"3909\", \"year\": 2024, \"measure\": \"vedtak\", \"category\": \"alle\", \"value\": 30}]}";

static const char *mun_a[] = {"3905"}, *mun_b[] = {"3907", "3909"};
static const regint_guidance_centre_t centres[2] = {{"A", "Senter A", 1, mun_a}, {"B", "Senter B", 2, mun_b}};

static regint_dataset *load(void)
{
    regint_dataset *ds = NULL;
    regint_status st = regint_dataset_load_string(doc, strlen(doc), "guidance-test", &ds);
    if (st)
        fprintf(stderr, "\n  %s\n", regint_last_error());
    CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
    return ds;
}

static regint_guidance_options base_options(void)
{
    regint_guidance_options o = REGINT_GUIDANCE_OPTIONS_INIT;
    o.adult_share = 0.5;
    o.intro_share = 0.8;
    o.sessions_per_person = 3;
    o.centre_count = 2;
    o.centres = centres;
    return o;
}

/* Hand-worked, adult 0.5 × intro 0.8 = 0.4, 3 sessions each, uniform profile, lag 1:
 *  2025: A = 3905: 100 × 0.4 = 40 persons -> 120 sessions -> 10 per month of arrival.
 *        B = 3907 50 × 0.4 = 20, 3909 (no decision -> request 20) × 0.4 = 8 -> 28 persons
 *        -> 84 sessions -> 7 per month.
 *  2024: A 60 × 0.4 = 24 -> 72 -> 6 per month; B 3909 30 × 0.4 = 12 -> 36 -> 3 per month.
 *  Lag 1: February..December get January..November's arrivals; January gets December
 *  2024's (A 6, B 3); December 2025's (A 10, B 7) carry over to 2026.
 *  A: [6, 10 × 11] total 116; B: [3, 7 × 11] total 80. */
static void test_hand_example(void)
{
    regint_dataset *ds = load();
    regint_guidance_options o = base_options();
    regint_guidance_forecast_result *f = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(f->centre_count, 2);
    CU_ASSERT_STRING_EQUAL(f->centre_id[0], "A");
    CU_ASSERT_STRING_EQUAL(f->centre_id[1], "B");
    CU_ASSERT_DOUBLE_EQUAL(f->persons[0], 40.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(f->persons[1], 28.0, 1e-9);
    CU_ASSERT_EQUAL(f->sessions[0], 6);
    CU_ASSERT_EQUAL(f->sessions[12], 3);
    for (int m = 1; m < 12; m++) {
        CU_ASSERT_EQUAL(f->sessions[m], 10);
        CU_ASSERT_EQUAL(f->sessions[12 + m], 7);
    }
    CU_ASSERT_EQUAL(f->total[0], 116);
    CU_ASSERT_EQUAL(f->total[1], 80);
    CU_ASSERT_EQUAL(f->carried_in[0], 6);
    CU_ASSERT_EQUAL(f->carried_over[0], 10);
    CU_ASSERT_EQUAL(f->carried_over[1], 7);
    CU_ASSERT_EQUAL(f->carried_in_complete, 1);
    CU_ASSERT_EQUAL(f->municipality_count, 3);
    CU_ASSERT_STRING_EQUAL(f->source[0], "vedtak");
    CU_ASSERT_STRING_EQUAL(f->source[2], "anmodning");
    CU_ASSERT_EQUAL(f->settled[2], 20);
    CU_ASSERT_EQUAL(f->centre_of[2], 1);
    regint_guidance_forecast_result_free(f);
    regint_dataset_free(ds);
}

/* Profile [2,1,...,1,0] (sum 12), lag 0: A's 120 sessions -> January 20, February..
 * November 10, December 0; nothing carried. Without fallback, 3909 counts 0 ("missing"):
 * B = 20 persons -> 60 sessions -> January 10, then 5, December 0. */
static void test_profile_no_fallback(void)
{
    regint_dataset *ds = load();
    regint_guidance_options o = base_options();
    o.lag_months = 0;
    o.fallback_to_request = 0;
    for (int m = 0; m < 12; m++)
        o.monthly_profile[m] = m == 0 ? 2 : m == 11 ? 0 : 1;
    regint_guidance_forecast_result *f = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_OK);
    CU_ASSERT_EQUAL(f->sessions[0], 20);
    CU_ASSERT_EQUAL(f->sessions[5], 10);
    CU_ASSERT_EQUAL(f->sessions[11], 0);
    CU_ASSERT_EQUAL(f->sessions[12], 10);
    CU_ASSERT_EQUAL(f->sessions[13], 5);
    CU_ASSERT_EQUAL(f->sessions[23], 0);
    CU_ASSERT_EQUAL(f->total[0], 120);
    CU_ASSERT_EQUAL(f->total[1], 60);
    CU_ASSERT_EQUAL(f->carried_over[0], 0);
    CU_ASSERT_STRING_EQUAL(f->source[2], "missing");
    CU_ASSERT_EQUAL(f->settled[2], 0);
    regint_guidance_forecast_result_free(f);
    regint_dataset_free(ds);
}

/* Input numbers instead of decisions (e.g. a recommendation): 3905 = 10 -> 4 persons ->
 * 12 sessions -> 1 per month; the others count 0. Default centres (no career_centre
 * partners in this dataset): one "county" centre. */
static void test_input_and_default_centre(void)
{
    regint_dataset *ds = load();
    regint_guidance_options o = REGINT_GUIDANCE_OPTIONS_INIT;
    o.adult_share = 0.5;
    o.intro_share = 0.8;
    o.sessions_per_person = 3;
    o.lag_months = 0;
    static const char *k[] = {"3905"};
    static const int64_t p[] = {10};
    o.input_count = 1;
    o.input_kommunenr = k;
    o.input_persons = p;
    regint_guidance_forecast_result *f = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(f->centre_count, 1);
    CU_ASSERT_STRING_EQUAL(f->centre_id[0], "county");
    CU_ASSERT_EQUAL(f->total[0], 12);
    for (int m = 0; m < 12; m++)
        CU_ASSERT_EQUAL(f->sessions[m], 1);
    CU_ASSERT_STRING_EQUAL(f->source[1], "input");
    CU_ASSERT_EQUAL(f->settled[1], 0);
    regint_guidance_forecast_result_free(f);
    regint_dataset_free(ds);
}

static void test_errors(void)
{
    regint_dataset *ds = load();
    regint_guidance_forecast_result *f = NULL;
    regint_guidance_options o = base_options();
    o.adult_share = 1.5;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "adult_share must be in [0, 1]");
    o = base_options();
    o.lag_months = 12;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EINVAL);
    o = base_options();
    for (int m = 0; m < 12; m++)
        o.monthly_profile[m] = 0;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EINVAL);
    o = base_options();
    static const char *both[] = {"3905", "3907"};
    regint_guidance_centre_t twice[2] = {{"A", "A", 2, both}, {"B", "B", 2, mun_b}};
    o.centres = twice;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "municipality 3907 is served by two centres");
    o = base_options();
    o.version = 99;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), "options version 99");
    o = base_options();
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "03", 2025, &o, &f), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2020, &o, &f), REGINT_ENOTFOUND);
    static const char *k[] = {"0301"};
    static const int64_t p[] = {10};
    o.input_count = 1;
    o.input_kommunenr = k;
    o.input_persons = p;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_ENOTFOUND);
    CU_ASSERT_PTR_NULL(f);
    /* A person count near the int64 limit would overflow the sums and llround(). */
    static const char *k2[] = {"3905"};
    static const int64_t huge[] = {INT64_MAX};
    o.input_kommunenr = k2;
    o.input_persons = huge;
    CU_ASSERT_EQUAL(regint_guidance_forecast(ds, "39", 2025, &o, &f), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "input_persons[0] must be in [0, 1000000000]");
    CU_ASSERT_PTR_NULL(f);
    regint_guidance_forecast_result_free(NULL);
    regint_dataset_free(ds);
}

/* The example county file with the defaults (0.65 × 0.80 = 0.52 of settled, 2 sessions):
 * 2026 decisions: Tønsberg centre (3901 13 + 3903 10 + 3905 172 + 3911 10 = 205) ->
 * 205 × 0.52 × 2 = 213.2 -> 213 sessions from 2026 arrivals; Larvik centre (3907 0 +
 * 3909 50) -> 50 × 0.52 × 2 = 52. The centres come from the career_centre partners. Every
 * session of the year's arrivals lands in the year or is carried over, so
 * total − carried_in + carried_over equals those figures. */
static void test_example_file(void)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(EXAMPLE, &ds), REGINT_OK);
    regint_guidance_forecast_result *f = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_guidance_forecast(ds, "39", 2026, NULL, &f), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(f->centre_count, 2);
    CU_ASSERT_STRING_EQUAL(f->centre_id[0], "karriere-tonsberg");
    CU_ASSERT_STRING_EQUAL(f->centre_id[1], "karriere-larvik");
    CU_ASSERT_EQUAL(f->total[0] - f->carried_in[0] + f->carried_over[0], 213);
    CU_ASSERT_EQUAL(f->total[1] - f->carried_in[1] + f->carried_over[1], 52);
    CU_ASSERT_EQUAL(f->carried_in_complete, 1);
    regint_guidance_forecast_result_free(f);
    regint_dataset_free(ds);
}

int main(void)
{
    static const test_case tests[] = {
        {"hand-worked forecast with lag and carry-in", test_hand_example},
        {"monthly profile, no fallback", test_profile_no_fallback},
        {"input numbers and the default centre", test_input_and_default_centre},
        {"errors", test_errors},
        {"example county file", test_example_file},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("guidance", tests))
        return 2;
    return test_run_all();
}
