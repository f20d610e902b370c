/* Tests of the plan for qualification: model rules, JSON files, the dataset section, and
 * progress (on track / behind / achieved / no data) worked out by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <regint/regint.h>

#include "test_util.h"

#define KDIR REGINT_TEST_DIR "/data/knowledge/"
#define EXAMPLE_PLAN REGINT_TEST_DIR "/../examples/data/plan-vestfold.json"

/* County 50 (2000-), municipality 5007; "rate" (percent, higher is better) for 5007:
 * 2020 50, 2022 52, 2024 53; "ledig" (share, lower is better) for county 50: 2021 0.030,
 * 2023 suppressed. */
static regint_dataset *toy(void)
{
    regint_dataset *ds;
    if (regint_dataset_new(&ds) != REGINT_OK)
        return NULL;
    regint_county_t c = {"50", "Testfylke", 2000, REGINT_YEAR_OPEN};
    regint_municipality_t m = {"5007", "Testby", "50", 2000, REGINT_YEAR_OPEN, 0, ""};
    regint_indicator_t rate = {"rate", "Andel", "Rate", "percent", "test", REGINT_DIRECTION_HIGHER_BETTER,
                               REGINT_LEVEL_KOMMUNE, "8.5"};
    regint_indicator_t ledig = {"ledig", "Ledighet", "Unemployment", "share", "test", REGINT_DIRECTION_LOWER_BETTER,
                                REGINT_LEVEL_FYLKE, "8.5"};
    int ok = regint_dataset_add_county(ds, &c) == REGINT_OK && regint_dataset_add_municipality(ds, &m) == REGINT_OK &&
             regint_dataset_add_indicator(ds, &rate) == REGINT_OK && regint_dataset_add_indicator(ds, &ledig) == REGINT_OK;
    struct { const char *i, *a; int y; double v; regint_missing miss; } o[] = {
        {"rate", "5007", 2020, 50, 0}, {"rate", "5007", 2022, 52, 0}, {"rate", "5007", 2024, 53, 0},
        {"ledig", "50", 2021, 0.030, 0}, {"ledig", "50", 2023, NAN, REGINT_MISSING_SUPPRESSED}};
    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++) {
        regint_observation_t ob = {o[i].i, o[i].a, o[i].y, "", {o[i].v, o[i].miss}};
        ok &= regint_dataset_set_observation(ds, &ob) == REGINT_OK;
    }
    if (!ok) {
        fprintf(stderr, "toy: %s\n", regint_last_error());
        regint_dataset_free(ds);
        return NULL;
    }
    return ds;
}

static regint_plan *toy_plan(void)
{
    regint_plan_info_t info = {"plan-50", "Plan for kvalifisering, Testfylke", "50", 2020, 2030, 0, 0, ""};
    regint_plan *p;
    if (regint_plan_new(&info, &p) != REGINT_OK)
        return NULL;
    regint_plan_goal_t g = {"M1", "Øke inkluderingen i arbeidslivet", "", "8.5,10.2"};
    regint_plan_measure_t m = {"T1", "M1", "Mentorordning", "974760673", "", 2021, 2024};
    /* 0: rate 5007, 50 (2020) -> 60 (2030). 1: rate 50 -> 52.5. 2: ledig, county,
     * 0.035 (2020) -> 0.025 (2025). 3: rate, baseline 2024 (nothing after it). 4: rate, keep 50. */
    regint_plan_indicator_t in[] = {{"M1", "rate", "5007", "", 2020, 50, 2030, 60},
                                    {"M1", "rate", "5007", "x", 2020, 50, 2030, 52.5},
                                    {"M1", "ledig", "", "", 2020, 0.035, 2025, 0.025},
                                    {"M1", "rate", "5007", "y", 2024, 53, 2028, 58},
                                    {"M1", "rate", "5007", "z", 2020, 50, 2030, 50}};
    int ok = regint_plan_add_goal(p, &g) == REGINT_OK && regint_plan_add_measure(p, &m) == REGINT_OK;
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        ok &= regint_plan_add_indicator(p, &in[i]) == REGINT_OK;
    if (!ok) {
        fprintf(stderr, "toy plan: %s\n", regint_last_error());
        regint_plan_free(p);
        return NULL;
    }
    return p;
}

static void test_model_rules(void)
{
    regint_plan_info_t info = {"p", "Plan", "50", 2024, 2028, 0, 0, NULL};
    regint_plan *p;
    CU_ASSERT_FATAL(regint_plan_new(&info, &p) == REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_info(p)->area_year, 2024); /* 0 = first year */
    regint_plan_goal_t g = {"M1", "Mål", NULL, "4.4"};
    CU_ASSERT_EQUAL(regint_plan_add_goal(p, &g), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_add_goal(p, &g), REGINT_EDUPLICATE);
    regint_plan_goal_t g2 = {"M2", "Mål 2", NULL, "19.1"};
    CU_ASSERT_EQUAL(regint_plan_add_goal(p, &g2), REGINT_EINVAL);
    /* Organisation number: 974760673 is Oslo kommune (valid); 123456784 fails the
     * modulus-11 check (worked in test_common.c: check digit must be 5). */
    regint_plan_measure_t m = {"T1", "M1", "Tiltak", "123456784", "", 2024, 2025};
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "partner_orgnr is not a valid organisasjonsnummer");
    m.partner_orgnr = "";
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_EINVAL); /* no partner at all */
    TEST_ASSERT_CONTAINS(regint_last_error(), "responsible partner is required");
    m.partner_name = "NAV";
    m.goal = "M9";
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_ENOTFOUND);
    m.goal = "M1";
    m.end_year = 2020;
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_EINVAL);
    m.end_year = 2025;
    m.id = "01019012480"; /* a (synthetic) fødselsnummer is never stored */
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_EPERSONAL);
    m.id = "T1";
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_OK);
    m.partner_orgnr = "974760673";
    m.id = "T2";
    CU_ASSERT_EQUAL(regint_plan_add_measure(p, &m), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_measure_count(p), 2);
    regint_plan_indicator_t in = {"M1", "rate", "", "", 2024, 1, 2024, 2};
    CU_ASSERT_EQUAL(regint_plan_add_indicator(p, &in), REGINT_EINVAL); /* target year = baseline year */
    in.target_year = 2028;
    in.target = NAN;
    CU_ASSERT_EQUAL(regint_plan_add_indicator(p, &in), REGINT_EINVAL);
    in.target = 2;
    in.area = "5x";
    CU_ASSERT_EQUAL(regint_plan_add_indicator(p, &in), REGINT_EINVAL);
    in.area = NULL;
    CU_ASSERT_EQUAL(regint_plan_add_indicator(p, &in), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_add_indicator(p, &in), REGINT_EDUPLICATE);
    regint_plan_free(p);
    info.fylkesnr = "5";
    CU_ASSERT_EQUAL(regint_plan_new(&info, &p), REGINT_EINVAL);
    info.fylkesnr = "50";
    info.last_year = 2020;
    CU_ASSERT_EQUAL(regint_plan_new(&info, &p), REGINT_EINVAL);
    regint_plan_free(NULL);
}

static void test_progress(void)
{
    regint_dataset *ds = toy();
    regint_plan *p = toy_plan();
    CU_ASSERT_FATAL(ds && p);
    CU_ASSERT_EQUAL(regint_plan_check(p, ds), REGINT_OK);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    regint_plan_progress_t pr;
    /* 0, as of 2022: value 52; path 50 + (60-50)*(2/10) = 52 -> on track (exactly on the line). */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 0, kb, 2022, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_ON_TRACK);
    CU_ASSERT_EQUAL(pr.year, 2022);
    CU_ASSERT_DOUBLE_EQUAL(pr.expected, 52, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(pr.share_of_target, 0.2, 1e-12);
    /* 0, as of 2024: value 53; path 50 + 10*(4/10) = 54 -> behind. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 0, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_BEHIND);
    CU_ASSERT_DOUBLE_EQUAL(pr.value, 53, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(pr.expected, 54, 1e-12);
    /* 1: target 52.5 (category "x" has no rows) -> no data; progress reads the category. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 1, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_NO_DATA);
    CU_ASSERT(isnan(pr.value));
    /* 2: ledig for the county, lower is better, as of 2023: 2023 is suppressed, so 2021
     * (0.030) is judged; path 0.035 - 0.010*(1/5) = 0.033; 0.030 <= 0.033 -> on track. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 2, kb, 2023, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_ON_TRACK);
    CU_ASSERT_EQUAL(pr.year, 2021);
    CU_ASSERT_DOUBLE_EQUAL(pr.expected, 0.033, 1e-12);
    CU_ASSERT_EQUAL(pr.latest_missing, REGINT_MISSING_SUPPRESSED);
    /* As of 2020 (the baseline year): nothing after the baseline. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 2, kb, 2020, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_NO_DATA);
    CU_ASSERT_EQUAL(regint_plan_progress(p, 99, kb, 0, &pr), REGINT_EINVAL);
    regint_kb_free(kb);
    regint_plan_free(p);
    regint_dataset_free(ds);
}

static void test_progress_achieved(void)
{
    regint_dataset *ds = toy();
    CU_ASSERT_FATAL(ds != NULL);
    regint_plan_info_t info = {"p2", "Plan", "50", 2020, 2030, 0, 0, ""};
    regint_plan *p;
    CU_ASSERT_FATAL(regint_plan_new(&info, &p) == REGINT_OK);
    regint_plan_goal_t g = {"M1", "Mål", "", ""};
    regint_plan_indicator_t a = {"M1", "rate", "5007", "", 2020, 50, 2030, 52.5};
    regint_plan_indicator_t keep = {"M1", "rate", "50", "", 2021, 50, 2030, 50}; /* county = 5007 only */
    CU_ASSERT(regint_plan_add_goal(p, &g) == REGINT_OK && regint_plan_add_indicator(p, &a) == REGINT_OK &&
              regint_plan_add_indicator(p, &keep) == REGINT_OK);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    regint_plan_progress_t pr;
    /* 53 in 2024 >= target 52.5 -> achieved. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 0, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_ACHIEVED);
    /* Target = baseline, higher is better: 53 >= 50 -> achieved; share undefined. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 1, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_ACHIEVED);
    CU_ASSERT(isnan(pr.share_of_target));
    CU_ASSERT_STRING_EQUAL(regint_progress_name(REGINT_PROGRESS_BEHIND), "behind");
    CU_ASSERT_STRING_EQUAL(regint_progress_name(REGINT_PROGRESS_NO_DATA), "no_data");
    regint_kb_free(kb);
    regint_plan_free(p);
    regint_dataset_free(ds);
}

static void test_example_file(void)
{
    regint_plan *p;
    CU_ASSERT_FATAL(regint_plan_load_file(EXAMPLE_PLAN, &p) == REGINT_OK);
    const regint_plan_info_t *pi = regint_plan_info(p);
    CU_ASSERT_EQUAL(pi->example, 1);
    CU_ASSERT_STRING_EQUAL(pi->fylkesnr, "39");
    /* The three goals of Vestfold's regional competence strategy (seed 004). */
    CU_ASSERT_EQUAL(regint_plan_goal_count(p), 3);
    CU_ASSERT_STRING_EQUAL(regint_plan_goal_at(p, 0)->title, "Styrke kompetanseutviklingen i fylket");
    CU_ASSERT_STRING_EQUAL(regint_plan_goal_at(p, 2)->title, "Øke inkluderingen i arbeidslivet");
    CU_ASSERT_EQUAL(regint_plan_measure_count(p), 5);
    CU_ASSERT_EQUAL(regint_plan_indicator_count(p), 3);
    /* Canonical: to_string -> load -> to_string is identical; save/load through a file too. */
    char *a = NULL, *b = NULL;
    regint_plan *q = NULL;
    CU_ASSERT_FATAL(regint_plan_to_string(p, &a) == REGINT_OK);
    CU_ASSERT_FATAL(regint_plan_load_string(a, strlen(a), "mem", &q) == REGINT_OK);
    CU_ASSERT_FATAL(regint_plan_to_string(q, &b) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    regint_free(b);
    regint_plan_free(q);
    char path[] = "/tmp/regint-plan-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_EQUAL(regint_plan_save_file(p, path), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_load_file(path, &q), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_to_string(q, &b), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    unlink(path);
    regint_free(a);
    regint_free(b);
    regint_plan_free(q);

    /* Against the bundled data: the unemployment indicator (index 1) for Vestfold (39),
     * baseline 0.022583 (2023), target 0.019 (2028). The latest year is 2025 with 0.024083
     * (data/indicators_tidy.csv, "2025,39,unemployment_share"); the path is
     * 0.022583 + (0.019 - 0.022583) * 2/5 = 0.0211498; lower is better and
     * 0.024083 > 0.0211498 -> behind. */
    regint_dataset *ds;
    CU_ASSERT_FATAL(regint_dataset_load_default(&ds) == REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_check(p, ds), REGINT_OK);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    regint_plan_progress_t pr;
    CU_ASSERT_EQUAL(regint_plan_progress(p, 1, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_BEHIND);
    CU_ASSERT_EQUAL(pr.year, 2025);
    CU_ASSERT_DOUBLE_EQUAL(pr.value, 0.024083, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(pr.expected, 0.0211498, 1e-12);
    /* intro_work_education_share: only 2024 (the baseline year) is published -> no data. */
    CU_ASSERT_EQUAL(regint_plan_progress(p, 0, kb, 0, &pr), REGINT_OK);
    CU_ASSERT_EQUAL(pr.status, REGINT_PROGRESS_NO_DATA);
    regint_kb_free(kb);
    regint_dataset_free(ds);
    regint_plan_free(p);
}

static void test_dataset_section(void)
{
    regint_dataset *ds = toy();
    regint_plan *p = toy_plan();
    CU_ASSERT_FATAL(ds && p);
    CU_ASSERT_EQUAL(regint_plan_dataset_count(ds), 0);
    CU_ASSERT_EQUAL(regint_plan_add_to_dataset(ds, p), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_add_to_dataset(ds, p), REGINT_OK); /* same id: replaced */
    CU_ASSERT_EQUAL(regint_plan_dataset_count(ds), 1);
    char *a = NULL, *b = NULL;
    CU_ASSERT_FATAL(regint_dataset_to_string(ds, &a) == REGINT_OK);
    TEST_ASSERT_CONTAINS(a, "\"qualification\"");
    regint_dataset *ds2 = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_string(a, strlen(a), "mem.json", &ds2) == REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_dataset_count(ds2), 1);
    const regint_plan *q = regint_plan_dataset_at(ds2, 0);
    CU_ASSERT_FATAL(q != NULL);
    CU_ASSERT_EQUAL(regint_plan_indicator_count(q), 5);
    CU_ASSERT_STRING_EQUAL(regint_plan_measure_at(q, 0)->partner_orgnr, "974760673");
    CU_ASSERT_FATAL(regint_dataset_to_string(ds2, &b) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT(regint_plan_dataset_at(ds2, 1) == NULL);
    regint_free(b);
    regint_dataset_free(ds2);

    /* A plan in the section naming an indicator outside the catalogue: the load fails with
     * the JSON path of the plan. */
    char *sec = strstr(a, "\"qualification\"");
    CU_ASSERT_FATAL(sec != NULL);
    char *r = strstr(sec, "\"rate\"");
    CU_ASSERT_FATAL(r != NULL);
    memcpy(r, "\"nope\"", 6);
    ds2 = NULL;
    CU_ASSERT_EQUAL(regint_dataset_load_string(a, strlen(a), "mem.json", &ds2), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "qualification[0]");
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown indicator 'nope'");
    CU_ASSERT(ds2 == NULL);
    regint_free(a);

    /* Adding a plan whose county does not exist. */
    regint_plan_info_t info = {"p9", "Plan", "77", 2024, 2028, 0, 0, ""};
    regint_plan *bad;
    CU_ASSERT_FATAL(regint_plan_new(&info, &bad) == REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_add_to_dataset(ds, bad), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_plan_dataset_count(ds), 1);
    regint_plan_free(bad);
    regint_plan_free(p);
    regint_dataset_free(ds);
}

int main(void)
{
    static const test_case tests[] = {
        {"model rules", test_model_rules},
        {"progress on track / behind / no data", test_progress},
        {"progress achieved", test_progress_achieved},
        {"example plan file", test_example_file},
        {"dataset section", test_dataset_section},
        {NULL, NULL},
    };
    CU_initialize_registry();
    return test_add_suite("qualification", tests) ? 1 : test_run_all();
}
