/* Tests of the collaboration module: coverage by network and task, gatherings attendance
 * (hand-checked on the example county file), building API, v1 reader, bad inputs. */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>

#include <regint/regint.h>

#include "tasks_test_util.h"

/* Check one coverage row: covered flag and since ("" = covered since before records,
 * NULL = not covered). */
static void check_row(const regint_collaboration_coverage_result *c, const char *k, int covered, const char *since)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->kommunenr[i], k)) {
            if (c->covered[i] != covered)
                fprintf(stderr, "\n  %s: covered %d, expected %d\n", k, c->covered[i], covered);
            CU_ASSERT_EQUAL(c->covered[i], covered);
            if (since && *since) {
                CU_ASSERT_PTR_NOT_NULL(c->since[i]);
                if (c->since[i])
                    CU_ASSERT_STRING_EQUAL(c->since[i], since);
            } else
                CU_ASSERT_PTR_NULL(c->since[i]);
            return;
        }
    CU_FAIL("municipality not in the coverage result");
}

/* Network "nsk-vestfold" in the example file. Its municipality members (the regional
 * members RVTS, police and IMDi act for no particular municipality, so they cover none):
 *   3905 Tønsberg    since 2021-09-01, open
 *   3907 Sandefjord  since 2022-02-01, open
 *   3911 Færder      2022-05-01 .. 2023-12-31, then 2024-01-01 open: the periods touch
 *                    (the next starts the day after the first ends) -> one unbroken period
 *                    since 2022-05-01
 *   3909 Larvik      2023-03-15 .. 2024-06-30, then 2025-01-10 open: a gap -> on
 *                    2025-06-30 covered since 2025-01-10; on 2024-12-31 not covered;
 *                    on 2024-06-30 (last day of the first period) covered since 2023-03-15
 *   3901 Horten      since 2024-01-15, open
 *   3903 Holmestrand never a member
 * Hand check on 2025-06-30: covered 3901 (2024-01-15), 3905 (2021-09-01), 3907
 * (2022-02-01), 3909 (2025-01-10), 3911 (2022-05-01); not covered 3903 -> 5 of 6.
 * On 2024-12-31: 3901, 3905, 3907, 3911 covered; 3903, 3909 not -> 4 of 6.
 * On 2024-01-14: 3905, 3907, 3909 (first period), 3911 (since 2022-05-01); Horten joins
 * the next day -> 4 of 6.
 * On 2021-12-31 county 39 did not exist (Vestfold og Telemark, 38, until 2023) -> an error. */
static void test_network_coverage(void)
{
    regint_dataset *ds = load_example();
    regint_collaboration_coverage_result *c = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", NULL, "2025-06-30", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->n, 6);
    CU_ASSERT_STRING_EQUAL(c->fylkesnr, "39");
    CU_ASSERT_EQUAL(c->covered_count, 5);
    check_row(c, "3901", 1, "2024-01-15");
    check_row(c, "3903", 0, NULL);
    check_row(c, "3905", 1, "2021-09-01");
    check_row(c, "3907", 1, "2022-02-01");
    check_row(c, "3909", 1, "2025-01-10");
    check_row(c, "3911", 1, "2022-05-01");
    regint_collaboration_coverage_result_free(c);

    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", "39", "2024-12-31", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 4);
    check_row(c, "3909", 0, NULL);
    check_row(c, "3911", 1, "2022-05-01");
    regint_collaboration_coverage_result_free(c);

    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", NULL, "2024-06-30", &c), REGINT_OK);
    check_row(c, "3909", 1, "2023-03-15");
    regint_collaboration_coverage_result_free(c);

    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", NULL, "2024-01-14", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 4);
    check_row(c, "3901", 0, NULL);
    check_row(c, "3909", 1, "2023-03-15");
    check_row(c, "3911", 1, "2022-05-01");
    regint_collaboration_coverage_result_free(c);
    c = NULL;
    CU_ASSERT_EQUAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", NULL, "2021-12-31", &c), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "county 39 does not exist in 2021");
    CU_ASSERT_PTR_NULL(c);

    CU_ASSERT_EQUAL(regint_collaboration_coverage_network(ds, "nope", NULL, "2025-06-30", &c), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_collaboration_coverage_network(ds, "nsk-vestfold", NULL, "30.06.2025", &c), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "expected a date YYYY-MM-DD");
    regint_dataset_free(ds);
}

/* Task "negative_social_control" on 2025-06-30 = the network above plus the agreement
 * "avt-nsk-holmestrand" with Holmestrand kommune from 2025-03-01 (open): all 6 covered,
 * 3903 since 2025-03-01 via the agreement. On 2025-02-28 the agreement is not yet in force
 * -> 5 of 6.
 * Task "settlement": agreement "avt-bosetting-2025" (IMDi + all six municipalities,
 * 2025-01-01 .. 2025-12-31): on 2025-06-30 all six since 2025-01-01; on 2026-01-01 none.
 * Task "sector_collaboration": the agreement's parties NAV, Statsforvalteren and KS act
 * for no particular municipality -> 0 of 6. */
static void test_task_coverage(void)
{
    regint_dataset *ds = load_example();
    regint_collaboration_coverage_result *c = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_task(ds, REGINT_TASK_NEGATIVE_SOCIAL_CONTROL, NULL, "2025-06-30", &c),
                          REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 6);
    check_row(c, "3903", 1, "2025-03-01");
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->kommunenr[i], "3903"))
            CU_ASSERT_STRING_EQUAL(c->via[i], "avt-nsk-holmestrand");
    check_row(c, "3909", 1, "2025-01-10");
    regint_collaboration_coverage_result_free(c);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_task(ds, REGINT_TASK_NEGATIVE_SOCIAL_CONTROL, NULL, "2025-02-28", &c),
                          REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 5);
    check_row(c, "3903", 0, NULL);
    regint_collaboration_coverage_result_free(c);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_task(ds, REGINT_TASK_SETTLEMENT, NULL, "2025-06-30", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 6);
    check_row(c, "3907", 1, "2025-01-01");
    regint_collaboration_coverage_result_free(c);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_task(ds, REGINT_TASK_SETTLEMENT, NULL, "2026-01-01", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 0);
    regint_collaboration_coverage_result_free(c);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_task(ds, REGINT_TASK_SECTOR_COLLABORATION, NULL, "2025-06-30", &c),
                          REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 0);
    regint_collaboration_coverage_result_free(c);
    regint_dataset_free(ds);
}

/* Competence-raising meetings in the example file (gatherings; the network meeting and
 * the sector meeting are not competence-raising):
 *   2023-11-01  3903 (Holmestrand kommune)
 *   2024-10-15  3901, 3905, 3907, 3909 (+ NAV, which stands for no municipality)
 *   2025-02-12  3905, 3907, 3911, and 3903 through NAV's participant with kommunenr 3903
 * As of 2025-06-30, 6 months: window (2024-12-30, 2025-06-30] holds only 2025-02-12 ->
 *   absent 3901 and 3909, both last attended 2024-10-15 -> 2 absent.
 * 12 months: window (2024-06-30, 2025-06-30] holds 2024-10-15 and 2025-02-12 -> every
 *   municipality attended at least once -> 0 absent; 3905 attended 2.
 * As of 2024-09-30, 12 months: window (2023-09-30, 2024-09-30] holds 2023-11-01 only ->
 *   only 3903 attended; 5 absent, and 3901 never attended any (last NULL). */
static void test_gatherings(void)
{
    regint_dataset *ds = load_example();
    regint_collaboration_attendance_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, NULL, 6, "2025-06-30", &a), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a->after, "2024-12-30");
    CU_ASSERT_EQUAL(a->absent_count, 2);
    for (size_t i = 0; i < a->n; i++) {
        int absent = !strcmp(a->kommunenr[i], "3901") || !strcmp(a->kommunenr[i], "3909");
        CU_ASSERT_EQUAL(a->attended[i] == 0, absent);
        if (absent)
            CU_ASSERT_STRING_EQUAL(a->last_attended[i], "2024-10-15");
    }
    regint_collaboration_attendance_result_free(a);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, "39", 12, "2025-06-30", &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->absent_count, 0);
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->kommunenr[i], "3905"))
            CU_ASSERT_EQUAL(a->attended[i], 2);
    regint_collaboration_attendance_result_free(a);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, NULL, 12, "2024-09-30", &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->absent_count, 5);
    for (size_t i = 0; i < a->n; i++) {
        if (!strcmp(a->kommunenr[i], "3903"))
            CU_ASSERT_EQUAL(a->attended[i], 1);
        if (!strcmp(a->kommunenr[i], "3901"))
            CU_ASSERT_PTR_NULL(a->last_attended[i]);
    }
    regint_collaboration_attendance_result_free(a);
    CU_ASSERT_EQUAL(regint_collaboration_attendance(ds, NULL, 0, "2025-06-30", &a), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_collaboration_attendance(ds, "03", 6, "2025-06-30", &a), REGINT_ENOTFOUND);
    regint_dataset_free(ds);
}

static const char *small_doc =
    "{\"schema\": \"regint.dataset\", \"schema_version\": 2,"
    " \"counties\": [{\"fylkesnr\": \"39\", \"name\": \"Vestfold\", \"valid_from\": 2024}],"
    " \"municipalities\": [{\"kommunenr\": \"3905\", \"name\": \"Tønsberg\", \"fylkesnr\": \"39\", \"valid_from\": 2024},"
    "  {\"kommunenr\": \"3907\", \"name\": \"Sandefjord\", \"fylkesnr\": \"39\", \"valid_from\": 2024}]}";

/* Building through the API, with validation; a month-end window edge case. */
static void test_building(void)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(small_doc, strlen(small_doc), "small", &ds), REGINT_OK);
    regint_partner_t p = {"p1", "Tønsberg kommune", "974760673", REGINT_PARTNER_MUNICIPALITY, 0, NULL};
    CU_ASSERT_EQUAL(regint_collaboration_add_partner(ds, &p), REGINT_EINVAL); /* no scope yet */
    CU_ASSERT_EQUAL(regint_collaboration_set_scope(ds, "39", 2023), REGINT_ENOTFOUND); /* 39 from 2024 */
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_set_scope(ds, "39", 2025), REGINT_OK);
    CU_ASSERT_EQUAL(regint_collaboration_add_partner(ds, &p), REGINT_EINVAL); /* a municipality needs one */
    static const char *m1[] = {"3905"}, *mbad[] = {"3999"};
    p.municipality_count = 1;
    p.municipalities = mbad;
    CU_ASSERT_EQUAL(regint_collaboration_add_partner(ds, &p), REGINT_ENOTFOUND);
    p.municipalities = m1;
    CU_ASSERT_EQUAL(regint_collaboration_add_partner(ds, &p), REGINT_OK);
    CU_ASSERT_EQUAL(regint_collaboration_add_partner(ds, &p), REGINT_EDUPLICATE);
    regint_network_member_t mem[1] = {{"p1", "01019012480", "2025-01-31", NULL}};
    regint_network_t n = {"n1", "Nettverk", REGINT_TASK_NEGATIVE_SOCIAL_CONTROL, 1, mem};
    CU_ASSERT_EQUAL(regint_collaboration_add_network(ds, &n), REGINT_EPERSONAL);
    mem[0].role = "SLT-koordinator";
    CU_ASSERT_EQUAL(regint_collaboration_add_network(ds, &n), REGINT_OK);
    CU_ASSERT_EQUAL(regint_collaboration_network_count(ds), 1);
    regint_participant_t part[1] = {{"p1", NULL, 3}};
    regint_meeting_t m = {"m1", "2025-03-31", "Samling", REGINT_TASK_COMPETENCE, REGINT_MEETING_GATHERING, 1, NULL, 1, part};
    CU_ASSERT_EQUAL(regint_collaboration_add_meeting(ds, &m), REGINT_OK);
    /* 2025-09-30 minus 6 months = 2025-03-30 (day kept); the window (2025-03-30,
     * 2025-09-30] holds 2025-03-31. 2025-08-31 minus 6 months = 2025-02-28 (clamped). */
    regint_collaboration_attendance_result *a = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, NULL, 6, "2025-09-30", &a), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a->after, "2025-03-30");
    CU_ASSERT_EQUAL(a->attended[0], 1); /* 3905 */
    CU_ASSERT_EQUAL(a->attended[1], 0); /* 3907 */
    regint_collaboration_attendance_result_free(a);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, NULL, 6, "2025-08-31", &a), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a->after, "2025-02-28");
    regint_collaboration_attendance_result_free(a);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_attendance(ds, NULL, 6, "2025-10-01", &a), REGINT_OK);
    CU_ASSERT_EQUAL(a->attended[0], 0); /* window (2025-04-01, 2025-10-01] */
    regint_collaboration_attendance_result_free(a);
    /* coverage "since" on the joining day and the day before */
    regint_collaboration_coverage_result *c = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "n1", NULL, "2025-01-31", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 1);
    regint_collaboration_coverage_result_free(c);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "n1", NULL, "2025-01-30", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 0);
    regint_collaboration_coverage_result_free(c);
    regint_dataset_free(ds);
}

/* Two members cover 3905 from before the records (no start date): the coverage names the
 * partner with the smaller id, whatever the order of the members (a total order, not the
 * order qsort happens to leave equal periods in). */
static void test_coverage_via_order(void)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(small_doc, strlen(small_doc), "small", &ds), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_set_scope(ds, "39", 2025), REGINT_OK);
    static const char *m1[] = {"3905"};
    regint_partner_t p = {"p-b", "Tønsberg kommune", "974760673", REGINT_PARTNER_MUNICIPALITY, 1, m1};
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_add_partner(ds, &p), REGINT_OK);
    p.id = "p-a";
    p.name = "Tønsberg kommune, NAV-samarbeid";
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_add_partner(ds, &p), REGINT_OK);
    regint_network_member_t mem[2] = {{"p-b", "koordinator", NULL, NULL}, {"p-a", "koordinator", NULL, NULL}};
    regint_network_t n = {"n1", "Nettverk", REGINT_TASK_SETTLEMENT, 2, mem};
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_add_network(ds, &n), REGINT_OK);
    regint_collaboration_coverage_result *c = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "n1", NULL, "2025-06-30", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c->covered_count, 1);
    CU_ASSERT_STRING_EQUAL(c->kommunenr[0], "3905");
    CU_ASSERT_PTR_NULL(c->since[0]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c->via[0]);
    CU_ASSERT_STRING_EQUAL(c->via[0], "p-a");
    regint_collaboration_coverage_result_free(c);
    regint_dataset_free(ds);
}

/* Version 1: a network member may be a bare partner id -> role "kontaktperson", no start. */
static void test_version1(void)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(TASKS_DIR "/good_v1.json", &ds), REGINT_OK);
    const regint_network_t *n;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_network(ds, "n1", &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n->member_count, 1);
    CU_ASSERT_STRING_EQUAL(n->members[0].partner_id, "p1");
    CU_ASSERT_STRING_EQUAL(n->members[0].role, "kontaktperson");
    CU_ASSERT_PTR_NULL(n->members[0].since);
    regint_collaboration_coverage_result *c = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_collaboration_coverage_network(ds, "n1", NULL, "2025-06-30", &c), REGINT_OK);
    check_row(c, "3905", 1, ""); /* covered since before the records */
    regint_collaboration_coverage_result_free(c);
    regint_dataset_free(ds);
    /* In a version-2 document a bare member is an error. */
    const char *doc =
        "{\"schema\": \"regint.dataset\", \"schema_version\": 2,"
        " \"counties\": [{\"fylkesnr\": \"39\", \"name\": \"Vestfold\", \"valid_from\": 2024}],"
        " \"municipalities\": [{\"kommunenr\": \"3905\", \"name\": \"Tønsberg\", \"fylkesnr\": \"39\", \"valid_from\": 2024}],"
        " \"collaboration\": {\"county\": \"39\", \"year\": 2025, \"partners\": [{\"id\": \"p1\", \"name\": \"T\","
        " \"orgnr\": \"974760673\", \"kind\": \"municipality\", \"municipalities\": [\"3905\"]}],"
        " \"networks\": [{\"id\": \"n1\", \"name\": \"N\", \"task\": \"competence\", \"members\": [\"p1\"]}]}}";
    ds = NULL;
    CU_ASSERT_EQUAL(regint_dataset_load_string(doc, strlen(doc), "v2.json", &ds), REGINT_EPARSE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "v2.json: collaboration.networks[0].members[0]");
    CU_ASSERT_PTR_NULL(ds);
}

static void test_round_trip(void)
{
    regint_dataset *ds = NULL, *ds2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(EXAMPLE, &ds), REGINT_OK);
    char *j1 = NULL, *j2 = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &j1), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(j1, strlen(j1), "rt", &ds2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds2, &j2), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(j1, j2);
    CU_ASSERT_EQUAL(regint_collaboration_partner_count(ds2), 19);
    CU_ASSERT_EQUAL(regint_collaboration_meeting_count(ds2), 5);
    CU_ASSERT_EQUAL(regint_collaboration_agreement_count(ds2), 3);
    CU_ASSERT_STRING_EQUAL(regint_collaboration_county(ds2), "39");
    CU_ASSERT_EQUAL(regint_collaboration_year(ds2), 2025);
    regint_free(j1);
    regint_free(j2);
    regint_dataset_free(ds);
    regint_dataset_free(ds2);
}


static void test_names(void)
{
    regint_task t;
    CU_ASSERT_EQUAL(regint_task_from_name("negative_social_control", &t), REGINT_OK);
    CU_ASSERT_EQUAL(t, REGINT_TASK_NEGATIVE_SOCIAL_CONTROL);
    CU_ASSERT_EQUAL(regint_task_from_name("x", &t), REGINT_ENOTFOUND);
    regint_partner_kind k;
    CU_ASSERT_EQUAL(regint_partner_kind_from_name("rvts", &k), REGINT_OK);
    CU_ASSERT_EQUAL(k, REGINT_PARTNER_RVTS);
    CU_ASSERT_STRING_EQUAL(regint_partner_kind_name(REGINT_PARTNER_VOLUNTARY_UMBRELLA), "voluntary_umbrella");
    CU_ASSERT_STRING_EQUAL(regint_meeting_kind_name(REGINT_MEETING_NETWORK_MEETING), "network_meeting");
    CU_ASSERT_STRING_EQUAL(regint_task_name((regint_task)99), "unknown");
    regint_collaboration_coverage_result_free(NULL);
    regint_collaboration_attendance_result_free(NULL);
}

int main(void)
{
    static const test_case tests[] = {
        {"coverage names the smaller id among equal periods", test_coverage_via_order},
        {"network coverage (hand-checked)", test_network_coverage},
        {"task coverage (hand-checked)", test_task_coverage},
        {"gatherings attendance (hand-checked)", test_gatherings},
        {"building API and window edges", test_building},
        {"schema version 1 reader", test_version1},
        {"save/load round trip", test_round_trip},
        {"names", test_names},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("collaboration", tests))
        return 2;
    return test_run_all();
}
