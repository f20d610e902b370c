/* Tests of local decisions and the capacity dialogue (profile "local"), flags, the plan
 * figure, the caveats, and the gap analytics, on the bundled data. The expected figures were
 * read by hand from data/imdi_bosetting_2024_2026.csv (rows "39xx", category "alle"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "test_util.h"

static regint_dataset *real;

static const regint_settlement_recommendation_row_t *row_of(const regint_settlement_recommendation *r,
                                                            const char *k)
{
    for (size_t i = 0; i < regint_settlement_recommendation_count(r); i++)
        if (!strcmp(regint_settlement_recommendation_row(r, i)->kommunenr, k))
            return regint_settlement_recommendation_row(r, i);
    return NULL;
}

/* The default profile with more members (its own empty "bounds" taken out, so that a
 * "bounds" member given here is the only one). */
static regint_settlement_profile *profile_with_local(const char *local)
{
    const char *def = regint_settlement_profile_default_json();
    const char *b = strstr(def, "\"bounds\": [],");
    const char *tail = strrchr(def, '}');
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    size_t len = strlen(def) + strlen(local) + 64;
    char *s = malloc(len);
    if (!s)
        return NULL;
    const char *after = b + strlen("\"bounds\": [],");
    snprintf(s, len, "%.*s%.*s, %s}", (int)(b - def), def, (int)(tail - after), after, local);
    regint_settlement_profile *p = NULL;
    regint_status st = regint_settlement_profile_load_string(s, strlen(s), "local.json", &p);
    if (st)
        fprintf(stderr, "%s\n", regint_last_error());
    free(s);
    return p;
}

static regint_settlement_recommendation *vestfold(const regint_settlement_profile *p, int year, int64_t total)
{
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.profile = p;
    if (total >= 0)
        o.total = total;
    regint_settlement_recommendation *r = NULL;
    if (regint_settlement_recommend(real, "39", year, &o, &r) != REGINT_OK)
        fprintf(stderr, "%s\n", regint_last_error());
    return r;
}

/* Sandefjord decided 0 for 2026 (in the data, and here as a council decision with its note);
 * a 2027 recommendation that asks it for people must say so. */
static void test_flag_own_decision(void)
{
    regint_settlement_profile *p = profile_with_local(
        "\"local\": [{\"kommunenr\": \"3907\", \"year\": 2026, \"kind\": \"decision\", \"value\": 0,"
        " \"note\": \"kommunestyrevedtak 12.9.2025\", \"source\": \"Sandefjord kommune\"}]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    regint_settlement_recommendation *r = vestfold(p, 2027, 338);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const regint_settlement_recommendation_row_t *s = row_of(r, "3907");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT(s->recommended > 0);
    TEST_ASSERT_CONTAINS(s->flag, "the council decided 0 for 2026");
    TEST_ASSERT_CONTAINS(s->note, "kommunestyrevedtak 12.9.2025");
    TEST_ASSERT_CONTAINS(s->note, "Sandefjord kommune");
    TEST_ASSERT_CONTAINS(regint_settlement_recommendation_note(r), "departs from its own decision");
    /* Horten decided 13 for 2026: no flag (only a decision of 0 is a refusal). */
    CU_ASSERT_STRING_EQUAL(row_of(r, "3901")->flag, "");
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_recommendation_to_json(r, &json), REGINT_OK);
    TEST_ASSERT_CONTAINS(json, "\"flag\"");
    TEST_ASSERT_CONTAINS(json, "kommunestyrevedtak 12.9.2025");
    TEST_ASSERT_CONTAINS(json, "\"notes\"");
    regint_free(json);
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
}

/* Each kind of entry is a bound of its year; entries of other years are not. */
static void test_local_bounds(void)
{
    regint_settlement_profile *p = profile_with_local(
        "\"bounds\": [{\"kommunenr\": \"3901\", \"upper\": 40, \"note\": \"kapasitet fra dialogmøte\"}],"
        "\"local\": ["
        "{\"kommunenr\": \"3903\", \"year\": 2027, \"kind\": \"capacity\", \"value\": 15, \"note\": \"dialogmøte 1.10.2026\"},"
        "{\"kommunenr\": \"3905\", \"year\": 2027, \"kind\": \"decision\", \"value\": 30, \"note\": \"vedtak\"},"
        "{\"kommunenr\": \"3911\", \"year\": 2027, \"kind\": \"exemption\", \"note\": \"fritak 2027\"},"
        "{\"kommunenr\": \"3909\", \"year\": 2027, \"kind\": \"agreement\", \"value\": 120, \"note\": \"avtale\"},"
        "{\"kommunenr\": \"3909\", \"year\": 2030, \"kind\": \"capacity\", \"value\": 1}]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    regint_settlement_recommendation *r = vestfold(p, 2027, 338);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    int64_t sum = 0;
    for (size_t i = 0; i < regint_settlement_recommendation_count(r); i++)
        sum += regint_settlement_recommendation_row(r, i)->recommended;
    CU_ASSERT_EQUAL(sum, 338);
    CU_ASSERT(row_of(r, "3901")->recommended <= 40);
    TEST_ASSERT_CONTAINS(row_of(r, "3901")->note, "bound: kapasitet fra dialogmøte");
    CU_ASSERT(row_of(r, "3903")->recommended <= 15);
    CU_ASSERT_EQUAL(row_of(r, "3903")->upper, 15);
    TEST_ASSERT_CONTAINS(row_of(r, "3903")->note, "capacity 2027: 15 - dialogmøte 1.10.2026");
    CU_ASSERT(row_of(r, "3905")->recommended <= 30);
    CU_ASSERT_EQUAL(row_of(r, "3911")->recommended, 0);
    CU_ASSERT_EQUAL(row_of(r, "3911")->lower, 0);
    TEST_ASSERT_CONTAINS(row_of(r, "3911")->note, "fritak 2027");
    TEST_ASSERT_CONTAINS(row_of(r, "3911")->reason, "capped by the exemption at 0");
    CU_ASSERT(row_of(r, "3909")->recommended >= 120);
    /* The 2030 capacity is no bound in 2027 and not among the notes of 2026-2028. */
    CU_ASSERT(row_of(r, "3909")->upper != 1);
    CU_ASSERT(strstr(row_of(r, "3909")->note, "2030") == NULL);
    /* A decision below what the numbers would give: taken, and flagged where it departs. */
    if (row_of(r, "3905")->recommended != 30)
        TEST_ASSERT_CONTAINS(row_of(r, "3905")->flag, "differs from the council's own decision of 30 for 2027");
    regint_settlement_recommendation_free(r);
    regint_settlement_profile_free(p);
}

/* The councils' 2026 decisions in the data as upper bounds (profile "decisions_in_data":
 * "bound"): with the total of the decisions, 13 + 10 + 172 + 0 + 50 + 10 = 255 (the CSV's
 * vedtak rows), every municipality gets exactly its decision. */
static void test_decisions_in_data(void)
{
    regint_settlement_profile *p = profile_with_local("\"decisions_in_data\": \"bound\"");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    regint_settlement_recommendation *r = vestfold(p, 2026, 255);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    static const struct { const char *k; int64_t d; } dec[] = {
        {"3901", 13}, {"3903", 10}, {"3905", 172}, {"3907", 0}, {"3909", 50}, {"3911", 10}};
    for (size_t i = 0; i < 6; i++) {
        CU_ASSERT_EQUAL(row_of(r, dec[i].k)->recommended, dec[i].d);
        TEST_ASSERT_CONTAINS(row_of(r, dec[i].k)->note, "the council's decision in the data");
        CU_ASSERT_STRING_EQUAL(row_of(r, dec[i].k)->flag, "");
    }
    TEST_ASSERT_CONTAINS(row_of(r, "3907")->reason, "capped at the council's decision in the data 0");
    regint_settlement_recommendation_free(r);
    /* Above the decisions' sum the hard bounds cannot hold: a clear error. */
    r = vestfold(p, 2026, 256);
    CU_ASSERT_PTR_NULL(r);
    TEST_ASSERT_CONTAINS(regint_last_error(), "the upper bounds sum to 255, below the total 256");
    regint_settlement_profile_free(p);
    CU_ASSERT_PTR_NULL(profile_with_local("\"decisions_in_data\": \"yes\""));
    TEST_ASSERT_CONTAINS(regint_last_error(), "decisions_in_data: expected \"ignore\" or \"bound\", got 'yes'");
}

/* The plan figure: the year's scores and bounds on the plan total. */
static void test_plan_figure(void)
{
    regint_settlement_recommendation *r = vestfold(NULL, 2026, -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n = regint_settlement_recommendation_count(r);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan_year(r), 2027);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan_total(r), regint_settlement_recommendation_total(r));
    /* The same total with the same scores, bounds and method gives the same numbers. */
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(regint_settlement_recommendation_row(r, i)->plan,
                        regint_settlement_recommendation_row(r, i)->recommended);
    int64_t plan[64], sum = 0;
    CU_ASSERT_FATAL(n <= 64);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan(r, 500, plan), REGINT_OK);
    for (size_t i = 0; i < n; i++) {
        sum += plan[i];
        CU_ASSERT(plan[i] >= regint_settlement_recommendation_row(r, i)->lower);
    }
    CU_ASSERT_EQUAL(sum, 500);
    /* Below the minimums: they give way, the total still holds. */
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan(r, 20, plan), REGINT_OK);
    sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += plan[i];
    CU_ASSERT_EQUAL(sum, 20);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan(r, -1, plan), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_settlement_recommendation_plan(NULL, 1, plan), REGINT_EINVAL);
    regint_settlement_recommendation_free(r);
}

/* The caveats of the bundled data (data/SOURCES.md): the 2023 extract and suppressed cells;
 * population vintage: the bundled series (kommune_folkemengde_2005_2026.csv) ends on
 * 1.1.2026, so a 2026 recommendation has no vintage caveat and a 2027 one says 1 January 2026. */
static void test_caveats(void)
{
    regint_settlement_recommendation *r = vestfold(NULL, 2026, -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    size_t n = regint_settlement_recommendation_caveat_count(r);
    CU_ASSERT(n >= 2);
    int extract = 0, pop = 0;
    for (size_t i = 0; i < n; i++) {
        extract |= strstr(regint_settlement_recommendation_caveat(r, i), "September 2023") != NULL;
        pop |= strstr(regint_settlement_recommendation_caveat(r, i), "Population is that of") != NULL;
    }
    CU_ASSERT(extract && !pop);
    CU_ASSERT_PTR_NULL(regint_settlement_recommendation_caveat(r, n));
    regint_settlement_recommendation_free(r);
    r = vestfold(NULL, 2027, 300);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    pop = 0;
    for (size_t i = 0; i < regint_settlement_recommendation_caveat_count(r); i++)
        pop |= strstr(regint_settlement_recommendation_caveat(r, i), "1 January 2026, not of 2027") != NULL;
    CU_ASSERT(pop);
    regint_settlement_recommendation_free(r);
}

/* Vestfold 2024-2026 from data/imdi_bosetting_2024_2026.csv, summed by hand:
 *   2024 request 110+80+240+220+220+110 = 980, decision 115+20+240+110+44+110 = 639,
 *        settled 115+24+240+110+42+102 = 633; below the request: Holmestrand 60, Sandefjord
 *        110, Larvik 176 (346 in all)
 *   2025 decision 380, settled 346 (all decided > 0): delivery 346/380
 *   2026 Sandefjord: request 90, decision 0, settled 0: below by 90, no delivery rate. */
static void test_gap_vestfold(void)
{
    regint_settlement_gap *g = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_gap_run(real, "39", 2024, 2026, &g), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_gap_year_count(g), 3);
    CU_ASSERT_EQUAL(regint_settlement_gap_count(g), 18);
    const regint_settlement_gap_year_t *y = regint_settlement_gap_year(g, 0);
    CU_ASSERT_EQUAL(y->year, 2024);
    CU_ASSERT_DOUBLE_EQUAL(y->request, 980, 0);
    CU_ASSERT_DOUBLE_EQUAL(y->decision, 639, 0);
    CU_ASSERT_DOUBLE_EQUAL(y->settled, 633, 0);
    CU_ASSERT_EQUAL(y->n_below, 3);
    CU_ASSERT_DOUBLE_EQUAL(y->below_by, 346, 0);
    CU_ASSERT_DOUBLE_EQUAL(y->decision_rate, 639.0 / 980.0, 1e-12);
    y = regint_settlement_gap_year(g, 1);
    CU_ASSERT_DOUBLE_EQUAL(y->delivery_rate, 346.0 / 380.0, 1e-12);
    CU_ASSERT_EQUAL(y->n_below, 0);
    const regint_settlement_gap_row_t *s = NULL;
    for (size_t i = 0; i < regint_settlement_gap_count(g); i++) {
        const regint_settlement_gap_row_t *r = regint_settlement_gap_row(g, i);
        if (r->year == 2026 && !strcmp(r->kommunenr, "3907"))
            s = r;
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(s->name, "Sandefjord");
    CU_ASSERT_DOUBLE_EQUAL(s->request.value, 90, 0);
    CU_ASSERT_DOUBLE_EQUAL(s->decision.value, 0, 0);
    CU_ASSERT_EQUAL(s->below_request, 1);
    CU_ASSERT_DOUBLE_EQUAL(s->gap, 90, 0);
    CU_ASSERT(isnan(s->delivery_rate));
    CU_ASSERT_STRING_EQUAL(regint_settlement_gap_note(g), "");
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_settlement_gap_to_json(g, &json), REGINT_OK);
    TEST_ASSERT_CONTAINS(json, "\"decided_below_request\"");
    regint_free(json);
    regint_settlement_gap_free(g);
}

static void test_gap_errors(void)
{
    regint_settlement_gap *g = NULL;
    /* County 46 (Vestland) exists from 2020: earlier years are skipped and named. */
    CU_ASSERT_EQUAL_FATAL(regint_settlement_gap_run(real, "46", 2018, 2020, &g), REGINT_OK);
    CU_ASSERT_EQUAL(regint_settlement_gap_year_count(g), 1);
    TEST_ASSERT_CONTAINS(regint_settlement_gap_note(g), "2018: county 46 does not exist");
    regint_settlement_gap_free(g);
    g = NULL;
    CU_ASSERT_EQUAL(regint_settlement_gap_run(real, "99", 2024, 2026, &g), REGINT_ENOTFOUND);
    CU_ASSERT_PTR_NULL(g);
    CU_ASSERT_EQUAL(regint_settlement_gap_run(real, "3", 2024, 2026, &g), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_settlement_gap_run(real, "39", 2026, 2024, &g), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_settlement_gap_run(NULL, "39", 2024, 2026, &g), REGINT_EINVAL);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    if (regint_dataset_load_default(&real) != REGINT_OK) {
        fprintf(stderr, "bundled dataset: %s\n", regint_last_error());
        return 1;
    }
    static const test_case tests[] = {
        {"flag: a council that decided 0", test_flag_own_decision},
        {"local entries are bounds of their year, with notes", test_local_bounds},
        {"the year's decisions in the data as bounds", test_decisions_in_data},
        {"plan figure for the next year", test_plan_figure},
        {"caveats of the bundled data", test_caveats},
        {"gap: Vestfold 2024-2026 by hand", test_gap_vestfold},
        {"gap: skipped years and errors", test_gap_errors},
        {NULL, NULL}};
    if (test_add_suite("settlement local, plan, caveats, gap", tests))
        return 1;
    int rc = test_run_all();
    regint_dataset_free(real);
    return rc;
}
