/* The API rules that a header cannot show (the header rules are checked by tests/api/check_api.py):
 * enum names are never NULL and round-trip, options_init() gives the _INIT values, one status
 * for an unknown options version, NULL options are the defaults, probes leave no error, the one
 * rule for sums with missing values, and knowledge-base queries from several threads.
 * Expected values are worked by hand from the rules in docs/user-guide.md ("API rules"). */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "test_util.h"

/* Every value 0..count-1 has a name that gives the value back; count and -1 give "unknown";
 * an unknown name is REGINT_ENOTFOUND; a NULL output is REGINT_EINVAL. `from` is the first
 * value with a name (regint_missing's NONE has the name "": nothing is missing). */
#define CHECK_ENUM(T, COUNT, from)                                                               \
    do {                                                                                         \
        for (int v_ = 0; v_ < (COUNT); v_++) {                                                   \
            const char *n_ = T##_name((T)v_);                                                    \
            CU_ASSERT_PTR_NOT_NULL_FATAL(n_);                                                    \
            if (v_ < (from))                                                                     \
                continue;                                                                        \
            CU_ASSERT(n_[0] != '\0');                                                            \
            T out_ = (T)0;                                                                       \
            CU_ASSERT_EQUAL(T##_from_name(n_, &out_), REGINT_OK);                                \
            CU_ASSERT_EQUAL((int)out_, v_);                                                      \
        }                                                                                        \
        CU_ASSERT_STRING_EQUAL(T##_name((T)(COUNT)), "unknown");                                 \
        CU_ASSERT_STRING_EQUAL(T##_name((T)-1), "unknown");                                      \
        T o_;                                                                                    \
        CU_ASSERT_EQUAL(T##_from_name("no such name", &o_), REGINT_ENOTFOUND);                   \
        CU_ASSERT_EQUAL(T##_from_name(NULL, &o_), REGINT_ENOTFOUND);                             \
        CU_ASSERT_EQUAL(T##_from_name(T##_name((T)(from)), NULL), REGINT_EINVAL);                \
    } while (0)

static void test_enum_names(void)
{
    CHECK_ENUM(regint_status, REGINT_STATUS_COUNT, 0);
    CHECK_ENUM(regint_apportion_method, REGINT_APPORTION_METHOD_COUNT, 0);
    CHECK_ENUM(regint_missing, REGINT_MISSING_COUNT, 1);
    CHECK_ENUM(regint_change_kind, REGINT_CHANGE_KIND_COUNT, 0);
    CHECK_ENUM(regint_measure, REGINT_MEASURE_COUNT, 0);
    CHECK_ENUM(regint_category, REGINT_CATEGORY_COUNT, 0);
    CHECK_ENUM(regint_direction, REGINT_DIRECTION_COUNT, 0);
    CHECK_ENUM(regint_level, REGINT_LEVEL_COUNT, 0);
    CHECK_ENUM(regint_csv_kind, REGINT_CSV_KIND_COUNT, 0);
    CHECK_ENUM(regint_aggregation, REGINT_AGGREGATION_COUNT, 0);
    CHECK_ENUM(regint_settlement_backtest_method, REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT, 0);
    CHECK_ENUM(regint_match_unit, REGINT_MATCH_UNIT_COUNT, 0);
    CHECK_ENUM(regint_match_quality, REGINT_MATCH_QUALITY_COUNT, 0);
    CHECK_ENUM(regint_progress, REGINT_PROGRESS_COUNT, 0);
    CHECK_ENUM(regint_report_format, REGINT_REPORT_FORMAT_COUNT, 0);
    CHECK_ENUM(regint_applicant_kind, REGINT_APPLICANT_KIND_COUNT, 0);
    CHECK_ENUM(regint_grant_outcome, REGINT_GRANT_OUTCOME_COUNT, 0);
    CHECK_ENUM(regint_grant_need, REGINT_GRANT_NEED_COUNT, 0);
    CHECK_ENUM(regint_partner_kind, REGINT_PARTNER_KIND_COUNT, 0);
    CHECK_ENUM(regint_task, REGINT_TASK_COUNT, 0);
    CHECK_ENUM(regint_meeting_kind, REGINT_MEETING_KIND_COUNT, 0);
    /* Names that files and the CLI use, from the documentation of each enum. */
    CU_ASSERT_STRING_EQUAL(regint_status_name(REGINT_EVERSION), "eversion");
    CU_ASSERT_STRING_EQUAL(regint_csv_kind_name(REGINT_CSV_INDICATORS), "indicators");
    CU_ASSERT_STRING_EQUAL(regint_grant_need_name(REGINT_GRANT_NEED_AMOUNT), "amount");
    CU_ASSERT_STRING_EQUAL(regint_missing_name(REGINT_MISSING_NONE), "");
}

/* options_init(opts, VERSION) sets the version (the _INIT macro too); an unknown version is
 * REGINT_EVERSION with the one message. The defaults themselves are checked below against the
 * documentation of each struct. */
#define CHECK_OPTIONS(T, VERSION, INIT)                                                          \
    do {                                                                                         \
        T a_ = INIT, b_;                                                                         \
        memset(&b_, 0xA5, sizeof b_);                                                            \
        CU_ASSERT_EQUAL(T##_init(&b_, VERSION), REGINT_OK);                                      \
        CU_ASSERT_EQUAL(b_.version, VERSION);                                                    \
        CU_ASSERT_EQUAL(a_.version, VERSION);                                                    \
        CU_ASSERT_EQUAL(T##_init(&b_, (VERSION) + 1), REGINT_EVERSION);                          \
        TEST_ASSERT_CONTAINS(regint_last_error(), "options version");                            \
        CU_ASSERT_EQUAL(T##_init(&b_, 0), REGINT_EVERSION);                                      \
        CU_ASSERT_EQUAL(T##_init(NULL, VERSION), REGINT_EINVAL);                                 \
    } while (0)

static void test_options_init(void)
{
    CHECK_OPTIONS(regint_apportion_options, REGINT_APPORTION_OPTIONS_VERSION, REGINT_APPORTION_OPTIONS_INIT);
    CHECK_OPTIONS(regint_settlement_recommend_options, REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION,
                  REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT);
    CHECK_OPTIONS(regint_settlement_backtest_options, REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION,
                  REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT);
    CHECK_OPTIONS(regint_match_options, REGINT_MATCH_OPTIONS_VERSION, REGINT_MATCH_OPTIONS_INIT);
    CHECK_OPTIONS(regint_kb_find_options, REGINT_KB_FIND_OPTIONS_VERSION, REGINT_KB_FIND_OPTIONS_INIT);
    CHECK_OPTIONS(regint_kb_jsonstat_options, REGINT_KB_JSONSTAT_OPTIONS_VERSION, REGINT_KB_JSONSTAT_OPTIONS_INIT);
    CHECK_OPTIONS(regint_report_options, REGINT_REPORT_OPTIONS_VERSION, REGINT_REPORT_OPTIONS_INIT);
    CHECK_OPTIONS(regint_grants_allocate_options, REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION,
                  REGINT_GRANTS_ALLOCATE_OPTIONS_INIT);
    CHECK_OPTIONS(regint_guidance_options, REGINT_GUIDANCE_OPTIONS_VERSION, REGINT_GUIDANCE_OPTIONS_INIT);
    /* The documented defaults, as options_init() fills them (on memory full of 0xA5). */
    regint_apportion_options ao;
    memset(&ao, 0xA5, sizeof ao);
    CU_ASSERT_EQUAL_FATAL(regint_apportion_options_init(&ao, REGINT_APPORTION_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(ao.method, REGINT_APPORTION_HAMILTON);
    CU_ASSERT_DOUBLE_EQUAL(ao.first_divisor, 1.4, 0);
    CU_ASSERT_PTR_NULL(ao.lower);
    CU_ASSERT_PTR_NULL(ao.upper);
    regint_match_options mo;
    memset(&mo, 0xA5, sizeof mo);
    CU_ASSERT_EQUAL_FATAL(regint_match_options_init(&mo, REGINT_MATCH_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(mo.unit, REGINT_MATCH_CASES);
    CU_ASSERT_EQUAL(mo.must_assign_all, 1);
    CU_ASSERT_EQUAL(mo.max_nodes, 200000);
    CU_ASSERT_DOUBLE_EQUAL(mo.time_limit, 60.0, 0);
    CU_ASSERT_PTR_NULL(mo.progress);
    regint_guidance_options go;
    memset(&go, 0xA5, sizeof go);
    CU_ASSERT_EQUAL_FATAL(regint_guidance_options_init(&go, REGINT_GUIDANCE_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(go.adult_share, 0.65, 0);
    CU_ASSERT_DOUBLE_EQUAL(go.intro_share, 0.80, 0);
    CU_ASSERT_EQUAL(go.lag_months, 1);
    CU_ASSERT_EQUAL(go.measure, REGINT_MEASURE_DECISION);
    CU_ASSERT_PTR_NULL(go.centres);
    regint_report_options rp;
    memset(&rp, 0xA5, sizeof rp);
    CU_ASSERT_EQUAL_FATAL(regint_report_options_init(&rp, REGINT_REPORT_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(rp.year, 0);
    CU_ASSERT_EQUAL(rp.history_years, 10);
    CU_ASSERT_EQUAL(rp.trend_years, 5);
    CU_ASSERT_EQUAL(rp.charts, 1);
    regint_settlement_recommend_options so;
    memset(&so, 0xA5, sizeof so);
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend_options_init(&so, REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION),
                          REGINT_OK);
    CU_ASSERT_EQUAL(so.total, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS);
    CU_ASSERT_EQUAL(so.minors, REGINT_SETTLEMENT_MINORS_DEFAULT);
    CU_ASSERT_PTR_NULL(so.profile);
    CU_ASSERT_EQUAL(so.history_to, 0);
    regint_kb_find_options ko;
    memset(&ko, 0xA5, sizeof ko);
    CU_ASSERT_EQUAL_FATAL(regint_kb_find_options_init(&ko, REGINT_KB_FIND_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(ko.level, -1);
    CU_ASSERT_PTR_NULL(ko.text);
    regint_grants_allocate_options gao;
    memset(&gao, 0xA5, sizeof gao);
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate_options_init(&gao, REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(gao.need, REGINT_GRANT_NEED_PARTICIPANTS);
    CU_ASSERT_EQUAL(gao.unit, 0);
}

/* A dataset of one county (39) with three municipalities and 2025 requests:
 * 3901 present 10, 3903 present 5, 3905 as given. */
static regint_dataset *three(regint_value_t third)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_new(&ds), REGINT_OK);
    regint_county_t c = {"39", "Testfylke", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    const char *codes[3] = {"3901", "3903", "3905"};
    const char *names[3] = {"Aby", "Bby", "Cby"};
    regint_value_t v[3] = {{10, REGINT_MISSING_NONE}, {5, REGINT_MISSING_NONE}, third};
    for (int i = 0; i < 3; i++) {
        regint_municipality_t m = {codes[i], names[i], "39", 2024, REGINT_YEAR_OPEN, 0, ""};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_add_municipality(ds, &m), REGINT_OK);
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_population(ds, codes[i], 2025, 1000 * (i + 1)), REGINT_OK);
        if (i == 2 && third.missing == REGINT_MISSING_UNKNOWN)
            continue; /* no row at all */
        regint_settlement_t s = {codes[i], 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, v[i]};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
    }
    return ds;
}

/* The one rule for sums (dataset.h, "Sums and missing values"), the same in the settlement
 * county sum and in the knowledge base. */
static void test_missing_in_sums(void)
{
    static const struct {
        regint_value_t third;
        regint_missing want;   /* REGINT_MISSING_NONE: the sum is known */
        double value, partial; /* partial: the present figures */
        size_t n_missing, n_absent;
    } cases[] = {
        /* all present: 10 + 5 + 7 */
        {{7, REGINT_MISSING_NONE}, REGINT_MISSING_NONE, 22, 22, 0, 0},
        /* one kept back for privacy: the sum is not known; 10 + 5 are */
        {{NAN, REGINT_MISSING_SUPPRESSED}, REGINT_MISSING_SUPPRESSED, NAN, 15, 1, 0},
        /* one not applicable (IMDi '.'): left out, the sum is 10 + 5 */
        {{NAN, REGINT_MISSING_NOT_APPLICABLE}, REGINT_MISSING_NONE, 15, 15, 0, 0},
        /* one without a row: unknown */
        {{NAN, REGINT_MISSING_UNKNOWN}, REGINT_MISSING_UNKNOWN, NAN, 15, 0, 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        regint_dataset *ds = three(cases[k].third);
        regint_aggregate_t s, q;
        CU_ASSERT_EQUAL_FATAL(regint_settlement_county_sum(ds, "39", 2025, REGINT_MEASURE_REQUEST,
                                                           REGINT_CATEGORY_ALL, &s), REGINT_OK);
        regint_kb *kb = NULL;
        CU_ASSERT_EQUAL_FATAL(regint_kb_new(ds, &kb), REGINT_OK);
        CU_ASSERT_EQUAL_FATAL(regint_kb_settlement(kb, "39", 2025, 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL,
                                                   &q), REGINT_OK);
        const regint_aggregate_t *both[2] = {&s, &q};
        for (int b = 0; b < 2; b++) {
            const regint_aggregate_t *a = both[b];
            CU_ASSERT_EQUAL(a->value.missing, cases[k].want);
            if (cases[k].want == REGINT_MISSING_NONE) {
                CU_ASSERT_DOUBLE_EQUAL(a->value.value, cases[k].value, 1e-9);
            } else {
                CU_ASSERT(isnan(a->value.value));
            }
            CU_ASSERT_DOUBLE_EQUAL(a->partial, cases[k].partial, 1e-9);
            CU_ASSERT_EQUAL(a->n_missing, cases[k].n_missing);
            CU_ASSERT_EQUAL(a->n_absent, cases[k].n_absent);
        }
        regint_kb_free(kb);
        regint_dataset_free(ds);
    }
    /* No row in the county at all: not found. */
    regint_dataset *ds = three((regint_value_t){NAN, REGINT_MISSING_UNKNOWN});
    regint_aggregate_t s;
    CU_ASSERT_EQUAL(regint_settlement_county_sum(ds, "39", 2019, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &s),
                    REGINT_ENOTFOUND);
    regint_dataset_free(ds);
}

/* Success never clears the last error, and probes inside a successful call set none. */
static void test_errors_kept(void)
{
    regint_dataset *ds = three((regint_value_t){NAN, REGINT_MISSING_SUPPRESSED});
    const regint_municipality_t *m = NULL;
    CU_ASSERT_EQUAL(regint_dataset_municipality(ds, "9999", 2025, &m), REGINT_ENOTFOUND);
    char before[256];
    snprintf(before, sizeof before, "%s", regint_last_error());
    CU_ASSERT(before[0] != '\0');
    /* Successful calls that probe (missing figures, population of other years, ...). */
    regint_aggregate_t s;
    CU_ASSERT_EQUAL(regint_settlement_county_sum(ds, "39", 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &s),
                    REGINT_OK);
    regint_kb *kb = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(ds, &kb), REGINT_OK);
    regint_kb_series_result *ser = NULL;
    CU_ASSERT_EQUAL(regint_kb_settlement_series(kb, "39", 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, 0, 0,
                                                &ser), REGINT_OK);
    regint_kb_series_result_free(ser);
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = 30;
    regint_settlement_recommendation *r = NULL;
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, "39", 2026, &o, &r), REGINT_OK);
    regint_settlement_recommendation_free(r);
    CU_ASSERT_STRING_EQUAL(regint_last_error(), before);
    CU_ASSERT_EQUAL(regint_last_status(), REGINT_ENOTFOUND);
    /* From a clear state, a successful call leaves it clear. */
    regint_clear_error();
    /* NULL options: the default total, IMDi's known 2025 requests 10 + 5 (the suppressed third
     * is not counted). */
    CU_ASSERT_EQUAL(regint_settlement_recommend(ds, "39", 2025, NULL, &r), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_total(r), 15);
    regint_settlement_recommendation_free(r);
    CU_ASSERT_STRING_EQUAL(regint_last_error(), "");
    CU_ASSERT_EQUAL(regint_last_status(), REGINT_OK);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

/* Successful calls on the bundled data leave no error behind, although each probes for figures
 * that are not there (a county or national value, a history year, a population year). */
#define NO_ERROR_LEFT(call)                                                                      \
    do {                                                                                         \
        regint_clear_error();                                                                    \
        CU_ASSERT_EQUAL(call, REGINT_OK);                                                        \
        if (regint_last_error()[0])                                                              \
            fprintf(stderr, "\n  %s left: %s\n", #call, regint_last_error());                  \
        CU_ASSERT_STRING_EQUAL(regint_last_error(), "");                                         \
    } while (0)

static void test_no_error_left(void)
{
    regint_dataset *ds = NULL;
    if (regint_dataset_load_default(&ds) != REGINT_OK) {
        fprintf(stderr, "\n  no bundled dataset: %s\n", regint_last_error());
        CU_FAIL("no bundled dataset");
        return;
    }
    regint_kb *kb = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(ds, &kb), REGINT_OK);
    for (size_t i = 0; i < regint_dataset_indicator_count(ds); i++) {
        regint_indicator_summary_t sum;
        NO_ERROR_LEFT(regint_kb_summarize(kb, regint_dataset_indicator_at(ds, i)->id, "3901", 2024, 2023, NULL, 5, &sum));
    }
    regint_aggregate_t a;
    NO_ERROR_LEFT(regint_settlement_county_sum(ds, "39", 2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &a));
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = 100;
    regint_settlement_recommendation *r = NULL;
    NO_ERROR_LEFT(regint_settlement_recommend(ds, "39", 2026, &o, &r));
    regint_settlement_recommendation_free(r);
    char *text = NULL;
    NO_ERROR_LEFT(regint_report_render(ds, "39", REGINT_REPORT_MARKDOWN, NULL, &text));
    regint_free(text);
    regint_guidance_forecast_result *f = NULL;
    NO_ERROR_LEFT(regint_guidance_forecast(ds, "39", 2025, NULL, &f));
    regint_guidance_forecast_result_free(f);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

/* Every options-taking function gives REGINT_EVERSION for an unknown version. */
static void test_options_version(void)
{
    regint_dataset *ds = three((regint_value_t){7, REGINT_MISSING_NONE});
    int64_t w[2] = {1, 1}, seats[2];
    regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
    ao.version = 2;
    CU_ASSERT_EQUAL(regint_apportion(w, 2, 4, &ao, seats), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), "regint_apportion: options version 2 is not supported");
    CU_ASSERT_EQUAL(regint_apportion(w, 2, 4, NULL, seats), REGINT_OK);
    CU_ASSERT_EQUAL(seats[0] + seats[1], 4);
    regint_kb_find_options fo = REGINT_KB_FIND_OPTIONS_INIT;
    fo.version = 0;
    const regint_indicator_t **found = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(regint_kb_find_indicators(ds, &fo, &found, &n), REGINT_EVERSION);
    regint_kb_jsonstat_options jo = REGINT_KB_JSONSTAT_OPTIONS_INIT;
    jo.version = 7;
    regint_kb *kb = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(ds, &kb), REGINT_OK);
    const char *doc = "{}";
    CU_ASSERT_EQUAL(regint_kb_import_jsonstat_string(kb, ds, doc, strlen(doc), "x.json", &jo, NULL), REGINT_EVERSION);
    regint_report_options ro = REGINT_REPORT_OPTIONS_INIT;
    ro.version = 3;
    char *text = NULL;
    CU_ASSERT_EQUAL(regint_report_render(ds, "39", REGINT_REPORT_MARKDOWN, &ro, &text), REGINT_EVERSION);
    CU_ASSERT_PTR_NULL(text);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

/* Several threads query one knowledge base at once (its caches fill under a lock): each gets
 * the answer of a query made alone. Run under ThreadSanitizer/helgrind to see the lock work. */
typedef struct kb_job {
    const regint_kb *kb;
    int ok;
} kb_job;

static void *kb_worker(void *arg)
{
    kb_job *j = arg;
    j->ok = 1;
    for (int rep = 0; rep < 50; rep++) {
        regint_aggregate_t a;
        if (regint_kb_settlement(j->kb, "39", 2025, 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &a) !=
                REGINT_OK || a.value.missing != REGINT_MISSING_NONE || a.value.value != 22.0)
            j->ok = 0;
        int64_t pop = 0;
        if (regint_kb_population(j->kb, "39", 2025, &pop) != REGINT_OK || pop != 6000) /* 1000+2000+3000 */
            j->ok = 0;
        regint_kb_refresh((regint_kb *)NULL); /* NULL is allowed */
    }
    return NULL;
}

static void test_kb_threads(void)
{
    regint_dataset *ds = three((regint_value_t){7, REGINT_MISSING_NONE});
    regint_kb *kb = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(ds, &kb), REGINT_OK);
    enum { NT = 4 };
    pthread_t t[NT];
    kb_job jobs[NT];
    for (int i = 0; i < NT; i++) {
        jobs[i].kb = kb;
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, kb_worker, &jobs[i]), 0);
    }
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        CU_ASSERT(jobs[i].ok);
    }
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"enum names never NULL, round trip", test_enum_names},
        {"options_init gives the documented defaults", test_options_init},
        {"an unknown options version is REGINT_EVERSION; NULL options are the defaults", test_options_version},
        {"one rule for missing values in sums", test_missing_in_sums},
        {"success never clears the last error; probes set none", test_errors_kept},
        {"successful calls on the bundled data leave no error", test_no_error_left},
        {"knowledge-base queries from several threads", test_kb_threads},
        {NULL, NULL},
    };
    if (test_add_suite("api", tests))
        return 1;
    return test_run_all();
}
