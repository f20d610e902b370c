/* Tests of the grant schemes module: allocation (hand-worked), follow-up, building API,
 * JSON section (round trip, version 1), bad inputs with their messages, atomic save. */
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <regint/regint.h>

#include "tasks_test_util.h"

static size_t row_of(const regint_grants_allocation_result *a, const char *id)
{
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->application_id[i], id))
            return i;
    return (size_t)-1;
}

/* Jobbsjansen del B 2025 in the example file, worked by hand.
 * Budget 4 850 000 kr, unit 1 000 kr -> 4 850 units; criterion weights 0.4/0.3/0.3, so
 * score = 0.4*kvalitet + 0.3*malgruppe + 0.3*forankring; need = planned participants.
 *   JSB25-01  5,5,4 -> 4.7 x 30 = 141.0   cap min(1 800 000, max 1 500 000) = 1 500 units
 *   JSB25-02  4,5,4 -> 4.3 x 24 = 103.2   cap 1 300
 *   JSB25-03  4,4,3 -> 3.7 x 16 =  59.2   cap 1 000
 *   JSB25-04  5,4,5 -> 4.7 x 18 =  84.6   cap   950
 *   JSB25-05  3,4,3 -> 3.3 x 10 =  33.0   cap   600
 *   JSB25-06  received 2025-03-04, after the deadline 2025-02-28 -> not eligible
 *   JSB25-07  marked ineligible (voluntary organisation)          -> not eligible
 * Sum of weights 421.0. Quota of 01 = 4850*141/421 = 1624.35 > 1500: capped at 1500.
 * Remaining 3350 units over 280.0: 04 gets 3350*84.6/280 = 1012.18 > 950: capped at 950.
 * Remaining 2400 units over 195.4: 02 = 1267.55, 03 = 727.12, 05 = 405.32 (all under
 * their caps). Floors 1267+727+405 = 2399; the one unit left goes to the largest
 * remainder (.55, 02) -> 02 = 1268.
 * Result: 1 500 000 / 1 268 000 / 727 000 / 950 000 / 405 000 = 4 850 000 exactly. */
static void test_allocate_example(void)
{
    regint_dataset *ds = load_example();
    regint_grants_allocation_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "jobbsjansen-b-2025", NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->n, 7);
    CU_ASSERT_EQUAL(a->unit, 1000);
    CU_ASSERT_EQUAL(a->budget, 4850000);
    static const struct {
        const char *id;
        int64_t amount;
        int capped;
    } want[] = {{"JSB25-01", 1500000, 1}, {"JSB25-02", 1268000, 0}, {"JSB25-03", 727000, 0},
                {"JSB25-04", 950000, 1},  {"JSB25-05", 405000, 0},  {"JSB25-06", 0, 0},
                {"JSB25-07", 0, 0}};
    int64_t sum = 0;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        size_t i = row_of(a, want[k].id);
        CU_ASSERT_FATAL(i != (size_t)-1);
        CU_ASSERT_EQUAL(a->amount[i], want[k].amount);
        CU_ASSERT_EQUAL(a->capped[i], want[k].capped);
        CU_ASSERT(a->amount[i] <= a->cap[i] || !a->eligible[i]);
        CU_ASSERT_EQUAL(a->amount[i] % 1000, 0);
        sum += a->amount[i];
    }
    CU_ASSERT_EQUAL(sum, 4850000);
    CU_ASSERT_EQUAL(a->allocated, 4850000);
    CU_ASSERT_EQUAL(a->remainder, 0);
    CU_ASSERT_STRING_EQUAL(a->remainder_reason, "");
    CU_ASSERT(fabs(a->score[row_of(a, "JSB25-01")] - 4.7) < 1e-12);
    CU_ASSERT_STRING_EQUAL(a->reason[row_of(a, "JSB25-06")], "received after the deadline");
    CU_ASSERT_EQUAL(a->eligible[row_of(a, "JSB25-07")], 0);
    regint_grants_allocation_result_free(a);
    regint_dataset_free(ds);
}

/* Etablererveiledning 2025: eligible caps 300 000 + 250 000 = 550 000 < budget 950 000, and
 * ET25-03 lacks a score for "rekkevidde": everyone eligible gets the cap, remainder 400 000. */
static void test_allocate_remainder_capped(void)
{
    regint_dataset *ds = load_example();
    regint_grants_allocation_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "etablerer-2025", NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->amount[row_of(a, "ET25-01")], 300000);
    CU_ASSERT_EQUAL(a->amount[row_of(a, "ET25-02")], 250000);
    CU_ASSERT_EQUAL(a->amount[row_of(a, "ET25-03")], 0);
    CU_ASSERT_STRING_EQUAL(a->reason[row_of(a, "ET25-03")], "not fully assessed");
    CU_ASSERT_EQUAL(a->remainder, 400000);
    TEST_ASSERT_CONTAINS(a->remainder_reason, "capped");
    regint_grants_allocation_result_free(a);
    regint_dataset_free(ds);
}

/* Small hand example built through the API: budget 1 000 001 kr, unit 1 000 kr -> 1 000
 * units and 1 kr that no unit can hold. Two applications, scores 4 and 2 (one criterion),
 * need 10 each -> weights 40 and 20 -> quotas 666.67 and 333.33 units -> 667 and 333.
 * Remainder 1 kr, reason: the budget is not a multiple of the unit. With unit 1 kr (option)
 * the quotas are 666 667.33 and 333 333.67 -> 666 667 + 333 333 = 1 000 000, and the
 * largest remainder (.67, the second) gets the last krone -> 333 334. */
static const char *small_doc =
    "{\"schema\": \"regint.dataset\", \"schema_version\": 2,"
    " \"counties\": [{\"fylkesnr\": \"39\", \"name\": \"Vestfold\", \"valid_from\": 2024}],"
    " \"municipalities\": [{\"kommunenr\": \"3905\", \"name\": \"Tønsberg\", \"fylkesnr\": \"39\", \"valid_from\": 2024}]}";

static regint_dataset *small_dataset(int64_t budget)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(small_doc, strlen(small_doc), "small", &ds), REGINT_OK);
    regint_grant_criterion_t crit[1] = {{"q", "Kvalitet", 1.0}};
    regint_grant_scheme_t s;
    memset(&s, 0, sizeof s);
    s.id = "s";
    s.name = "Mentor- og traineeordning";
    s.year = 2025;
    s.budget = budget;
    s.deadline = "2025-03-01";
    s.max_per_application = INT64_MAX;
    s.rounding_unit = 1000;
    s.score_max = 6;
    s.criterion_count = 1;
    s.criteria = crit;
    CU_ASSERT_EQUAL_FATAL(regint_grants_add_scheme(ds, &s), REGINT_OK);
    static const char *mun[] = {"3905"};
    double sc1[] = {4}, sc2[] = {2};
    regint_grant_application_t a;
    memset(&a, 0, sizeof a);
    a.scheme_id = "s";
    a.applicant_orgnr = "123456785";
    a.applicant_name = "Tønsberg kommune";
    a.applicant_kind = REGINT_APPLICANT_MUNICIPALITY;
    a.amount_applied = 900000;
    a.planned_participants = 10;
    a.municipality_count = 1;
    a.municipalities = mun;
    a.eligible = 1;
    a.id = "a1";
    a.scores = sc1;
    CU_ASSERT_EQUAL_FATAL(regint_grants_add_application(ds, &a), REGINT_OK);
    a.id = "a2";
    a.scores = sc2;
    CU_ASSERT_EQUAL_FATAL(regint_grants_add_application(ds, &a), REGINT_OK);
    return ds;
}

static void test_allocate_units(void)
{
    regint_dataset *ds = small_dataset(1000001);
    regint_grants_allocation_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "s", NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->amount[0], 667000);
    CU_ASSERT_EQUAL(a->amount[1], 333000);
    CU_ASSERT_EQUAL(a->remainder, 1);
    CU_ASSERT_STRING_EQUAL(a->remainder_reason, "the budget is not a multiple of the rounding unit");
    regint_grants_allocation_result_free(a);
    regint_grants_allocate_options opt = REGINT_GRANTS_ALLOCATE_OPTIONS_INIT;
    opt.unit = 1;
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "s", &opt, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->amount[0], 666667);
    CU_ASSERT_EQUAL(a->amount[1], 333334);
    CU_ASSERT_EQUAL(a->remainder, 0);
    /* Apply as decisions, then pay, report and reclaim. */
    CU_ASSERT_EQUAL(regint_grants_apply_allocation(ds, a, "2025-04-01"), REGINT_OK);
    regint_grants_allocation_result_free(a);
    const regint_grant_application_t *app;
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a2", &app), REGINT_OK);
    CU_ASSERT_EQUAL(app->outcome, REGINT_GRANT_GRANTED);
    CU_ASSERT_EQUAL(app->amount_granted, 333334);
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a2", "2025-04-15", 333334), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a2", "2025-04-16", 1), REGINT_ERANGE); /* over the grant */
    TEST_ASSERT_CONTAINS(regint_last_error(), "more than the 333334 kr granted");
    CU_ASSERT_EQUAL(regint_grants_set_report(ds, "a2", "2026-02-01", 9, 300000), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_reclaimed(ds, "a2", 33335), REGINT_ERANGE); /* unused is 33 334 */
    CU_ASSERT_EQUAL(regint_grants_add_reclaimed(ds, "a2", 30000), REGINT_OK);
    regint_grant_followup_t *f;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(ds, "s", "2026-03-01", &f, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 2);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].application_id, "a2")) {
            CU_ASSERT_EQUAL(f[i].paid, 333334);
            CU_ASSERT_EQUAL(f[i].reclaim_due, 333334 - 300000 - 30000);
        }
    regint_free(f);
    /* A decision above the cap, a refusal without reason, and undoing a paid decision fail
     * and change nothing. */
    CU_ASSERT_EQUAL(regint_grants_decide(ds, "a1", REGINT_GRANT_GRANTED, 900001, "2025-04-02", NULL), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_grants_decide(ds, "a1", REGINT_GRANT_REFUSED, 0, "2025-04-02", ""), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_grants_decide(ds, "a2", REGINT_GRANT_PENDING, 0, NULL, NULL), REGINT_EINVAL);
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL(app->amount_granted, 666667);
    /* Budget: granting a1 more would exceed the budget 1 000 001 (333 334 + 666 668 = 1 000 002). */
    CU_ASSERT_EQUAL(regint_grants_decide(ds, "a1", REGINT_GRANT_GRANTED, 666668, "2025-04-02", NULL),
                    REGINT_EINFEASIBLE);
    regint_dataset_free(ds);
}

/* Issue 18: the final payment (one, the last, nothing after it) and the results per
 * participant of the final report against the scheme's target. Hand-worked: a1 is granted
 * 600 000; 400 000 + 200 000 final = 600 000; of 10 participants 4 in work and 2 in education,
 * 6/10 = 0.6 >= a target of 0.6 (met), and 5/10 = 0.5 < 0.6 (not met). */
static void test_final_payment_and_results(void)
{
    regint_dataset *ds = small_dataset(1000000);
    CU_ASSERT_EQUAL_FATAL(regint_grants_decide(ds, "a1", REGINT_GRANT_GRANTED, 600000, "2025-04-01", NULL),
                          REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_final_payment(ds, "a2", "2025-05-01", 1), REGINT_EINVAL); /* not granted */
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a1", "2025-05-01", 400000), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_final_payment(ds, "a1", "2025-04-30", 200000), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "the final payment is dated before payments[0] (2025-05-01)");
    CU_ASSERT_EQUAL(regint_grants_add_final_payment(ds, "a1", "2025-11-01", 200000), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a1", "2025-12-01", 1), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "the final payment (2025-11-01) is made; nothing is paid after it");
    CU_ASSERT_EQUAL(regint_grants_add_final_payment(ds, "a1", "2025-12-01", 1), REGINT_EINVAL);
    const regint_grant_application_t *app;
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(app->payment_count, 2);
    CU_ASSERT_EQUAL(app->payments[0].final, 0);
    CU_ASSERT_EQUAL(app->payments[1].final, 1);
    /* results */
    CU_ASSERT_EQUAL(regint_grants_set_results(ds, "a1", 4, 2), REGINT_EINVAL); /* no report yet */
    TEST_ASSERT_CONTAINS(regint_last_error(), "results per participant come with the final report");
    CU_ASSERT_EQUAL(regint_grants_set_report(ds, "a1", "2026-02-01", 10, 590000), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_set_results(ds, "a1", 7, 4), REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "7 in work + 4 in education, more than the 10 participants reached");
    CU_ASSERT_EQUAL(regint_grants_set_results(ds, "a1", -1, 4), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_grants_set_results(ds, "a1", 4, 2), REGINT_OK);
    regint_grant_followup_t *f;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(ds, "s", "2026-03-01", &f, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_EQUAL(f[0].has_results, 1);
    CU_ASSERT_EQUAL(f[0].in_work_or_education, 6);
    CU_ASSERT_DOUBLE_EQUAL(f[0].result_share, 0.6, 1e-12);
    CU_ASSERT_EQUAL(f[0].result_target, 0);  /* the scheme has no target */
    CU_ASSERT_EQUAL(f[0].target_met, -1);
    regint_free(f);
    /* The same scheme with a 60 % target, from the saved text (round trip of all of it). */
    char *text = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &text), REGINT_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"final\":\ttrue"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"work\":\t4"));
    char *with = malloc(strlen(text) + 32);
    CU_ASSERT_PTR_NOT_NULL_FATAL(with);
    char *at = strstr(text, "\"criteria\":");
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    sprintf(with, "%.*s\"result_target\": 0.6, %s", (int)(at - text), text, at);
    regint_dataset *d2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(with, strlen(with), "with-target", &d2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(d2, "s", "2026-03-01", &f, &n), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(f[0].result_target, 0.6, 1e-12);
    CU_ASSERT_EQUAL(f[0].target_met, 1); /* 0.6 >= 0.6 */
    regint_free(f);
    CU_ASSERT_EQUAL(regint_grants_set_results(d2, "a1", 3, 2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(d2, "s", "2026-03-01", &f, &n), REGINT_OK);
    CU_ASSERT_EQUAL(f[0].target_met, 0); /* 0.5 < 0.6 */
    regint_free(f);
    regint_dataset_free(d2);
    free(with);
    regint_free(text);
    regint_dataset_free(ds);
}

/* Issue 18: status reports during the project, kept apart from the final report. Hand-worked:
 * a1 granted 600 000, two status reports (2025-06-30 with 6 participants so far and a summary;
 * 2025-09-30 with nothing but the date), then the final report 2026-02-01; a status report
 * dated before the previous one, one with a fødselsnummer (01017010170, valid check digits)
 * in its summary, one for the ungranted a1 and one dated after the final report are refused and
 * change nothing; the saved text loads back with the same two reports. */
static void test_status_reports(void)
{
    regint_dataset *ds = small_dataset(1000000);
    regint_grant_status_report_t r1 = {"2025-06-30", "2025-04-01/2025-06-30", "oppstart, 6 deltakere", 6};
    regint_grant_status_report_t r2 = {"2025-09-30", NULL, NULL, -1};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &r1), REGINT_EINVAL); /* not granted yet */
    TEST_ASSERT_CONTAINS(regint_last_error(), "only a granted application sends status reports");
    CU_ASSERT_EQUAL_FATAL(regint_grants_decide(ds, "a1", REGINT_GRANT_GRANTED, 600000, "2025-04-01", NULL),
                          REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", NULL), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "nope", &r1), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &r1), REGINT_OK);
    regint_grant_status_report_t early = {"2025-06-29", NULL, NULL, -1};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &early), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "status_reports[1].date: 2025-06-29 is before status_reports[0]");
    regint_grant_status_report_t fnr = {"2025-07-01", NULL, "deltaker 01017010170 sluttet", -1};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &fnr), REGINT_EPERSONAL);
    regint_grant_status_report_t bad_date = {"2025-02-30", NULL, NULL, -1};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &bad_date), REGINT_EINVAL);
    regint_grant_status_report_t neg = {"2025-07-01", NULL, NULL, -2};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &neg), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &r2), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a1", "2025-05-01", 600000), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_set_report(ds, "a1", "2026-02-01", 10, 590000), REGINT_OK);
    regint_grant_status_report_t late = {"2026-02-02", NULL, NULL, -1};
    CU_ASSERT_EQUAL(regint_grants_add_status_report(ds, "a1", &late), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(),
                         "status_reports[2].date: a status report (2026-02-02) after the final report (2026-02-01)");
    const regint_grant_application_t *app;
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(app->status_report_count, 2);
    CU_ASSERT_STRING_EQUAL(app->status_reports[0].date, "2025-06-30");
    CU_ASSERT_STRING_EQUAL(app->status_reports[0].summary, "oppstart, 6 deltakere");
    CU_ASSERT_EQUAL(app->status_reports[0].participants, 6);
    CU_ASSERT_PTR_NULL(app->status_reports[1].period);
    CU_ASSERT_EQUAL(app->status_reports[1].participants, -1);
    regint_grant_followup_t *f;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(ds, "s", "2026-03-01", &f, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_EQUAL(f[0].status_reports, 2);
    regint_free(f);
    char *text = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &text), REGINT_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"status_reports\":"));
    regint_dataset *d2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(text, strlen(text), "round-trip", &d2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(d2, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(app->status_report_count, 2);
    CU_ASSERT_STRING_EQUAL(app->status_reports[0].period, "2025-04-01/2025-06-30");
    CU_ASSERT_EQUAL(app->status_reports[0].participants, 6);
    CU_ASSERT_EQUAL(app->status_reports[1].participants, -1);
    char *text2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(d2, &text2), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(text, text2); /* canonical */
    regint_free(text2);
    regint_dataset_free(d2);
    regint_free(text);
    regint_dataset_free(ds);
}

/* Amounts near the int64 limit are refused by rule, never summed past it. */
static void test_large_amounts(void)
{
    regint_dataset *ds = small_dataset(1000001);
    CU_ASSERT_EQUAL_FATAL(regint_grants_decide(ds, "a1", REGINT_GRANT_GRANTED, 500000, "2025-04-01", NULL), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a1", "2025-04-15", 1), REGINT_OK);
    /* 1 + INT64_MAX would wrap to a negative total and pass "at most the grant". */
    CU_ASSERT_EQUAL(regint_grants_add_payment(ds, "a1", "2025-04-16", INT64_MAX), REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "payments[1].amount: 9223372036854775807 is above 2^53");
    const regint_grant_application_t *app;
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL(app->payment_count, 1);
    /* A budget JSON could not keep exactly (2^53 + 1) is refused, so saving cannot change it. */
    regint_grant_scheme_t big = *regint_grants_scheme_at(ds, 0);
    big.id = "big";
    big.budget = INT64_C(9007199254740993);
    CU_ASSERT_EQUAL(regint_grants_add_scheme(ds, &big), REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "budget: 9007199254740993 is above 2^53");
    CU_ASSERT_EQUAL(regint_grants_scheme_count(ds), 1);
    regint_dataset_free(ds);

    /* An allocation is not applied over a reported grant (the report would then belong to a
     * refusal or another amount). a2 is granted without payments and reports. */
    ds = small_dataset(1000001);
    CU_ASSERT_EQUAL_FATAL(regint_grants_decide(ds, "a2", REGINT_GRANT_GRANTED, 1000, "2025-04-01", NULL), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_grants_set_report(ds, "a2", "2026-01-10", 0, 0), REGINT_OK);
    regint_grants_allocation_result *al = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "s", NULL, &al), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_apply_allocation(ds, al, "2025-05-01"), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "application 'a2' already has a report");
    regint_grants_allocation_result_free(al);
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a2", &app), REGINT_OK);
    CU_ASSERT_EQUAL(app->amount_granted, 1000);
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(ds, "a1", &app), REGINT_OK);
    CU_ASSERT_EQUAL(app->outcome, REGINT_GRANT_PENDING); /* all-or-nothing */
    regint_dataset_free(ds);
}

/* Mentor 2024 as of 2025-06-30: report due 2025-03-01 (scheme); MT24-01 and -02 reported,
 * MT24-03 not: 2025-03-01 -> 2025-06-30 is 31 (Mar 1 -> Apr 1) + 30 (-> May 1) + 31
 * (-> Jun 1) + 29 (-> Jun 30) = 121 days overdue; MT24-04 has its own due date
 * 2025-05-01 -> 31 + 29 = 60 days;
 * MT24-05 refused -> not followed up. MT24-02: paid 350 000, used 280 000, reclaimed
 * 40 000 -> 30 000 still due. */
static void test_followup_example(void)
{
    regint_dataset *ds = load_example();
    const char **ids;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(regint_grants_overdue_reports(ds, "2025-06-30", &ids, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(ids[0], "MT24-03");
    CU_ASSERT_STRING_EQUAL(ids[1], "MT24-04");
    regint_free(ids);
    CU_ASSERT_EQUAL_FATAL(regint_grants_overdue_reports(ds, "2025-03-01", &ids, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 0); /* due that day: not yet overdue */
    regint_free(ids);
    regint_grant_followup_t *f;
    CU_ASSERT_EQUAL_FATAL(regint_grants_followup(ds, "mentor-2024", "2025-06-30", &f, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 4);
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(f[i].application_id, "MT24-02"))
            CU_ASSERT_EQUAL(f[i].reclaim_due, 30000);
        if (!strcmp(f[i].application_id, "MT24-03"))
            CU_ASSERT_EQUAL(f[i].days_overdue, 121);
        if (!strcmp(f[i].application_id, "MT24-04"))
            CU_ASSERT_EQUAL(f[i].days_overdue, 60);
    }
    regint_free(f);
    CU_ASSERT_EQUAL(regint_grants_followup(ds, NULL, "2025-06-31", &f, &n), REGINT_EINVAL);
    regint_dataset_free(ds);
}

/* save -> load -> save is byte-identical, and the sections survive. */
static void test_round_trip(void)
{
    regint_dataset *ds = load_example(), *ds2 = NULL;
    char *j1 = NULL, *j2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &j1), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(j1, strlen(j1), "rt", &ds2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds2, &j2), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(j1, j2);
    TEST_ASSERT_CONTAINS(j1, "\"schema_version\": 2");
    TEST_ASSERT_CONTAINS(j1, "EXAMPLE DATA");
    CU_ASSERT_EQUAL(regint_grants_scheme_count(ds2), 3);
    CU_ASSERT_EQUAL(regint_grants_application_count(ds2), 15);
    regint_free(j1);
    regint_free(j2);
    regint_dataset_free(ds);
    regint_dataset_free(ds2);
}

/* Version 1: "grants" was raw JSON; an array of schemes with nested applications is read
 * and converted to the flat version-2 form. */
static void test_version1(void)
{
    regint_dataset *v1 = NULL, *v2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(TASKS_DIR "/good_v1.json", &v1), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(TASKS_DIR "/good_v2.json", &v2), REGINT_OK);
    const regint_grant_application_t *a;
    CU_ASSERT_EQUAL_FATAL(regint_grants_application(v1, "A-1", &a), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a->scheme_id, "s1");
    char *j1 = NULL, *j2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(v1, &j1), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(v2, &j2), REGINT_OK);
    /* The grants sections are equal after conversion (the collaboration sections differ:
     * the v1 bare member has role "kontaktperson" and no start date). */
    const char *g1 = strstr(j1, "\"grants\""), *g2 = strstr(j2, "\"grants\"");
    const char *e1 = strstr(j1, "\"collaboration\""), *e2 = strstr(j2, "\"collaboration\"");
    CU_ASSERT_FATAL(g1 && g2 && e1 && e2);
    CU_ASSERT_EQUAL(e1 - g1, e2 - g2);
    CU_ASSERT(strncmp(g1, g2, (size_t)(e1 - g1)) == 0);
    regint_free(j1);
    regint_free(j2);
    regint_dataset_free(v1);
    regint_dataset_free(v2);
}


/* A failed save leaves the old file: write a good file, then make the next save fail
 * (file-size limit, so it fails even for root) and check the bytes are unchanged. */
static void test_failed_save_keeps_old_file(void)
{
    regint_dataset *ds = load_example();
    char path[] = "/tmp/regint_test_grants_XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_save_file(ds, path), REGINT_OK);
    char *before = slurp(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(before);
    /* change the dataset, then fail to save it */
    CU_ASSERT_EQUAL(regint_grants_decide(ds, "JSB25-01", REGINT_GRANT_GRANTED, 1500000, "2025-04-01", NULL),
                    REGINT_OK);
    struct rlimit old, lim;
    getrlimit(RLIMIT_FSIZE, &old);
    lim = old;
    lim.rlim_cur = 4096;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &lim), 0);
    regint_status st = regint_dataset_save_file(ds, path);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    CU_ASSERT_EQUAL(st, REGINT_EIO);
    char *after = slurp(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(after);
    CU_ASSERT_STRING_EQUAL(before, after);
    free(before);
    free(after);
    unlink(path);
    /* A failed apply (mentor-2024 has payments) changes nothing either. */
    char *j1 = NULL, *j2 = NULL;
    regint_grants_allocation_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &j1), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_grants_allocate(ds, "mentor-2024", NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(regint_grants_apply_allocation(ds, a, "2025-04-01"), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "already has payments");
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &j2), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(j1, j2);
    regint_grants_allocation_result_free(a);
    regint_free(j1);
    regint_free(j2);
    regint_dataset_free(ds);
}

static void test_api_errors(void)
{
    regint_dataset *ds = small_dataset(1000);
    regint_grants_allocation_result *a = NULL;
    CU_ASSERT_EQUAL(regint_grants_allocate(ds, "nope", NULL, &a), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_grants_allocate(NULL, "s", NULL, &a), REGINT_EINVAL);
    regint_grants_allocate_options opt = REGINT_GRANTS_ALLOCATE_OPTIONS_INIT;
    opt.version = 99;
    CU_ASSERT_EQUAL(regint_grants_allocate(ds, "s", &opt, &a), REGINT_EVERSION);
    CU_ASSERT_PTR_NULL(a);
    /* an application with a fødselsnummer as id is refused and not added */
    const regint_grant_application_t *first = regint_grants_application_at(ds, 0);
    regint_grant_application_t copy = *first;
    copy.id = "01019012480";
    CU_ASSERT_EQUAL(regint_grants_add_application(ds, &copy), REGINT_EPERSONAL);
    copy.id = "a3";
    copy.applicant_orgnr = "974760672";
    CU_ASSERT_EQUAL(regint_grants_add_application(ds, &copy), REGINT_EINVAL);
    copy.applicant_orgnr = "974760673";
    copy.amount_applied = -1;
    CU_ASSERT_EQUAL(regint_grants_add_application(ds, &copy), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_grants_application_count(ds), 2);
    regint_grants_allocation_result_free(NULL);
    /* names */
    regint_applicant_kind k;
    CU_ASSERT_EQUAL(regint_applicant_kind_from_name("voluntary_organisation", &k), REGINT_OK);
    CU_ASSERT_EQUAL(k, REGINT_APPLICANT_VOLUNTARY_ORGANISATION);
    CU_ASSERT_STRING_EQUAL(regint_grant_outcome_name(REGINT_GRANT_REFUSED), "refused");
    regint_dataset_free(ds);
}

int main(void)
{
    static const test_case tests[] = {
        {"allocate example scheme exactly (hand-worked)", test_allocate_example},
        {"allocate with all capped: remainder reported", test_allocate_remainder_capped},
        {"allocate in units; decisions, payments, report, reclaim", test_allocate_units},
        {"follow-up and overdue reports", test_followup_example},
        {"final payment; results per participant against the target", test_final_payment_and_results},
        {"status reports apart from the final report", test_status_reports},
        {"amounts near the int64 limit; no allocation over a report", test_large_amounts},
        {"save/load round trip", test_round_trip},
        {"schema version 1 reader", test_version1},
        {"failed save keeps the old file", test_failed_save_keeps_old_file},
        {"API errors", test_api_errors},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("grants", tests))
        return 2;
    return test_run_all();
}
