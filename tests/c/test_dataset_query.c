/* Tests of the dataset's selections and bulk reads (lib/dataset/query.c) on a dataset
 * built by hand here, so that every expected count and value below is worked out from the
 * records added (the comment at each check says which records). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <regint/regint.h>

#include "test_util.h"

static regint_dataset *ds;

static void add(regint_status st)
{
    if (st)
        fprintf(stderr, "\n  building: %s\n", regint_last_error());
    CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
}

/* Two county periods, three municipality records, one renumbering, one population figure,
 * five settlement figures and three observations. */
static void build(void)
{
    add(regint_dataset_new(&ds));
    add(regint_dataset_add_county(ds, &(regint_county_t){"38", "Vestfold og Telemark", 2020, 2023}));
    add(regint_dataset_add_county(ds, &(regint_county_t){"39", "Vestfold", 2024, REGINT_YEAR_OPEN}));
    add(regint_dataset_add_municipality(ds, &(regint_municipality_t){"3801", "Horten", "38", 2020, 2023, 0, ""}));
    add(regint_dataset_add_municipality(ds, &(regint_municipality_t){"3901", "Horten", "39", 2024, REGINT_YEAR_OPEN, 0, ""}));
    add(regint_dataset_add_municipality(ds, &(regint_municipality_t){"3905", "Tønsberg", "39", 2024, REGINT_YEAR_OPEN, 0, ""}));
    add(regint_dataset_add_code_change(ds, &(regint_code_change_t){"3801", 2020, "3901", 2024, REGINT_CHANGE_RENUMBERED}));
    add(regint_dataset_set_population(ds, "3901", 2024, 27000));
    const regint_value_t v10 = {10, REGINT_MISSING_NONE}, v12 = {12, REGINT_MISSING_NONE},
                         v15 = {15, REGINT_MISSING_NONE}, v2 = {2, REGINT_MISSING_NONE},
                         sup = {NAN, REGINT_MISSING_SUPPRESSED};
    add(regint_dataset_set_settlement(ds, &(regint_settlement_t){"3801", 2022, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, v10}));
    add(regint_dataset_set_settlement(ds, &(regint_settlement_t){"3801", 2022, REGINT_MEASURE_DECISION, REGINT_CATEGORY_ALL, v12}));
    add(regint_dataset_set_settlement(ds, &(regint_settlement_t){"3901", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, v15}));
    add(regint_dataset_set_settlement(ds, &(regint_settlement_t){"3905", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, sup}));
    add(regint_dataset_set_settlement(ds, &(regint_settlement_t){"3905", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_UNACCOMPANIED, v2}));
    add(regint_dataset_add_indicator(ds, &(regint_indicator_t){"x", "X", "X", "persons", "hand", REGINT_DIRECTION_NEUTRAL, REGINT_LEVEL_KOMMUNE, ""}));
    add(regint_dataset_set_observation(ds, &(regint_observation_t){"x", "39", 2024, "", v15}));
    add(regint_dataset_set_observation(ds, &(regint_observation_t){"x", "3901", 2024, "", v10}));
    add(regint_dataset_set_observation(ds, &(regint_observation_t){"x", "3801", 2022, "", v12}));
}

static void test_counties_in(void)
{
    const regint_county_t **c = NULL;
    size_t n = 9;
    CU_ASSERT_EQUAL(regint_dataset_counties_in(ds, 2022, &c, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1); /* only "38" (2020-2023) */
    CU_ASSERT_STRING_EQUAL(c[0]->fylkesnr, "38");
    regint_free(c);
    CU_ASSERT_EQUAL(regint_dataset_counties_in(ds, 2024, &c, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1); /* only "39" (2024-) */
    CU_ASSERT_STRING_EQUAL(c[0]->name, "Vestfold");
    regint_free(c);
    CU_ASSERT_EQUAL(regint_dataset_counties_in(ds, 1990, &c, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 0);
    regint_free(c);
    CU_ASSERT_EQUAL(regint_dataset_counties_in(NULL, 2024, &c, &n), REGINT_EINVAL);
}

static size_t count_settlements(const regint_dataset_find_options *q)
{
    const regint_settlement_t **s = NULL;
    size_t n = 999;
    regint_status st = regint_dataset_find_settlements(ds, q, &s, &n);
    CU_ASSERT_EQUAL(st, REGINT_OK);
    regint_free(s);
    return st ? 999 : n;
}

static void test_find_settlements(void)
{
    regint_dataset_find_options q;
    CU_ASSERT_EQUAL(count_settlements(NULL), 5); /* every figure */
    CU_ASSERT_EQUAL(regint_dataset_find_options_init(&q, REGINT_DATASET_FIND_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(count_settlements(&q), 5);   /* the defaults select everything */
    q.area = "39";
    CU_ASSERT_EQUAL(count_settlements(&q), 3);   /* 3901 request, 3905 request x2 */
    q.area = "3905";
    q.category = REGINT_CATEGORY_ALL;
    CU_ASSERT_EQUAL(count_settlements(&q), 1);   /* the suppressed one: missing still selected */
    q.area = NULL;
    q.category = -1;
    q.measure = REGINT_MEASURE_DECISION;
    CU_ASSERT_EQUAL(count_settlements(&q), 1);   /* 3801 2022 decision */
    q.measure = -1;
    q.year_from = 2023;
    CU_ASSERT_EQUAL(count_settlements(&q), 3);   /* the 2024 figures */
    q.year_from = 0;
    q.year_to = 2022;
    CU_ASSERT_EQUAL(count_settlements(&q), 2);   /* the 2022 figures */
    /* Order of addition is kept and the records are the dataset's own. */
    const regint_settlement_t **s = NULL;
    size_t n = 0;
    q.year_to = 0;
    q.area = "3905";
    CU_ASSERT_EQUAL(regint_dataset_find_settlements(ds, &q, &s, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_EQUAL(s[0]->value.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_EQUAL(s[1]->category, REGINT_CATEGORY_UNACCOMPANIED);
    CU_ASSERT_DOUBLE_EQUAL(s[1]->value.value, 2.0, 0);
    regint_free(s);
    /* An unknown query version is refused with the version status. */
    q.version = REGINT_DATASET_FIND_OPTIONS_VERSION + 1;
    CU_ASSERT_EQUAL(regint_dataset_find_settlements(ds, &q, &s, &n), REGINT_EVERSION);
    CU_ASSERT_EQUAL(regint_dataset_find_options_init(&q, 99), REGINT_EVERSION);
}

static void test_find_observations(void)
{
    regint_dataset_find_options q = REGINT_DATASET_FIND_OPTIONS_INIT;
    const regint_observation_t **o = NULL;
    size_t n = 0;
    q.area = "39";
    CU_ASSERT_EQUAL(regint_dataset_find_observations(ds, &q, &o, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 2); /* the county "39" and 3901 */
    regint_free(o);
    q.area = NULL;
    q.indicator = "y";
    CU_ASSERT_EQUAL(regint_dataset_find_observations(ds, &q, &o, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 0); /* no such indicator: an empty selection, not an error */
    regint_free(o);
    q.indicator = "x";
    q.year_to = 2022;
    CU_ASSERT_EQUAL(regint_dataset_find_observations(ds, &q, &o, &n), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_STRING_EQUAL(o[0]->area, "3801");
    regint_free(o);
}

static void test_populations(void)
{
    const char *k[] = {"3901", "3905", "9999", NULL};
    int64_t p[4] = {0, 0, 0, 0};
    CU_ASSERT_EQUAL(regint_dataset_populations(ds, 2024, 4, k, p), REGINT_OK);
    CU_ASSERT_EQUAL(p[0], 27000); /* set above */
    CU_ASSERT_EQUAL(p[1], -1);    /* no figure */
    CU_ASSERT_EQUAL(p[2], -1);    /* no such municipality */
    CU_ASSERT_EQUAL(p[3], -1);    /* NULL code */
    /* The absent figures were answers, not failures: the caller's last error is kept. */
    regint_dataset_counties_in(NULL, 2024, NULL, NULL);
    const char *before = regint_last_error();
    char kept[256];
    snprintf(kept, sizeof kept, "%s", before);
    CU_ASSERT_EQUAL(regint_dataset_populations(ds, 2024, 4, k, p), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(regint_last_error(), kept);
    CU_ASSERT_EQUAL(regint_dataset_populations(ds, 2024, 0, NULL, NULL), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_populations(ds, 2024, 1, NULL, p), REGINT_EINVAL);
}

static void test_map_codes(void)
{
    const char *k[] = {"3801", "3905", "9999"};
    const int y[] = {2022, 2024, 2024};
    const char *m[3] = {"?", "?", "?"};
    CU_ASSERT_EQUAL(regint_dataset_map_codes(ds, 3, k, y, 2024, m), REGINT_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m[0]);
    CU_ASSERT_STRING_EQUAL(m[0], "3901"); /* the renumbering */
    CU_ASSERT_PTR_NOT_NULL_FATAL(m[1]);
    CU_ASSERT_STRING_EQUAL(m[1], "3905"); /* valid in both years: itself */
    CU_ASSERT_PTR_NULL(m[2]);             /* unknown: no mapping, not an error */
    CU_ASSERT_EQUAL(regint_dataset_map_codes(ds, 1, k, y, 2024, NULL), REGINT_EINVAL);
    const char *kept = "regint_dataset_map_codes: NULL argument";
    CU_ASSERT_STRING_EQUAL(regint_last_error(), kept);
    CU_ASSERT_EQUAL(regint_dataset_map_codes(ds, 3, k, y, 2024, m), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(regint_last_error(), kept); /* the probes left it as it was */
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"build by hand", build},
        {"counties valid in a year", test_counties_in},
        {"settlement selections", test_find_settlements},
        {"observation selections", test_find_observations},
        {"populations in one call", test_populations},
        {"code mapping in one call", test_map_codes},
        {NULL, NULL}};
    if (test_add_suite("dataset selections and bulk reads", tests)) {
        CU_cleanup_registry();
        return 1;
    }
    int rc = test_run_all();
    regint_dataset_free(ds);
    return rc;
}
