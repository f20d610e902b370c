/* Tests of the dataset core: the bundled default dataset against published figures
 * (data/SOURCES.md), the validating adders, map_code, CSV import (all-or-nothing), JSON
 * versions, sections and the canonical round trip. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

#include <dirent.h>
#include <sys/stat.h>

#include <regint/regint.h>

#include "dataset/section.h" /* REGINT__SCHEMA_VERSION */
#include "test_file.h"
#include "test_util.h"

static regint_dataset *dflt; /* the default dataset, loaded once */
static double load_ms;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char *default_file(void) { return REGINT_BUILD_DATA_DIR "/regint-default.json"; }

static int load_default_once(void)
{
    if (dflt)
        return 0;
    double t0 = now_ms();
    regint_status st = regint_dataset_load_file(default_file(), &dflt);
    load_ms = now_ms() - t0;
    if (st) {
        fprintf(stderr, "cannot load %s: %s\n", default_file(), regint_last_error());
        return -1;
    }
    fprintf(stderr, "\n  default dataset: %zu municipality records, %zu settlement figures, loaded in %.1f ms\n",
            regint_dataset_municipality_count(dflt), regint_dataset_settlement_count(dflt), load_ms);
    return 0;
}

/* ------------------------------------------------------------------------- */
/* The default dataset against SOURCES.md facts                              */

static void test_default_municipalities(void)
{
    if (load_default_once()) {
        CU_FAIL("default dataset");
        return;
    }
    const regint_municipality_t **m;
    size_t n;
    /* SOURCES.md: 357 kommuner valid 1 Jan 2024, population sums to 5 550 203. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(dflt, 2024, NULL, &m, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 357);
    int64_t sum = 0;
    size_t with_pop = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t p;
        if (regint_dataset_population(dflt, m[i]->kommunenr, 2024, &p) == REGINT_OK) {
            sum += p;
            with_pop++;
        }
        if (i)
            CU_ASSERT(strcmp(m[i - 1]->kommunenr, m[i]->kommunenr) < 0); /* sorted */
    }
    CU_ASSERT_EQUAL(with_pop, 357);
    CU_ASSERT_EQUAL(sum, 5550203);
    regint_free(m);
    int64_t oslo = 0;
    CU_ASSERT_EQUAL(regint_dataset_population(dflt, "0301", 2024, &oslo), REGINT_OK);
    CU_ASSERT_EQUAL(oslo, 717710);
    /* 356 kommuner in the 2020-2023 structure. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(dflt, 2020, NULL, &m, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 356);
    regint_free(m);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(dflt, 2023, NULL, &m, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 356);
    regint_free(m);
    /* One county: Oslo is its only kommune (fylker_2024.csv antall_kommuner = 1);
     * Rogaland has 23. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(dflt, 2024, "11", &m, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 23);
    regint_free(m);
    const regint_municipality_t *os;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_municipality(dflt, "0301", 2024, &os), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(os->name, "Oslo");
    CU_ASSERT_EQUAL(os->centrality, 1);
    CU_ASSERT_STRING_EQUAL(os->kostra_group, "EKG13");
    CU_ASSERT_EQUAL(os->valid_to, REGINT_YEAR_OPEN);
    /* 3001 Halden is a 2020 code: valid in 2020-2023, not in 2024. */
    CU_ASSERT_EQUAL(regint_dataset_municipality(dflt, "3001", 2022, &os), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality(dflt, "3001", 2024, &os), REGINT_ENOTFOUND);
    /* 0101 Halden is a pre-2020 code, carried in IMDi's table from 1995. */
    CU_ASSERT_EQUAL(regint_dataset_municipality(dflt, "0101", 1995, &os), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality(dflt, "0101", 2020, &os), REGINT_ENOTFOUND);
}

static void test_default_counties(void)
{
    if (load_default_once())
        return;
    /* 11 counties in 2020-2023, 15 from 2024 (DOMAIN/SOURCES). */
    size_t n2020 = 0, n2024 = 0, n2010 = 0;
    for (size_t i = 0; i < regint_dataset_county_count(dflt); i++) {
        const regint_county_t *c = regint_dataset_county_at(dflt, i);
        n2020 += c->valid_from <= 2020 && c->valid_to >= 2020;
        n2024 += c->valid_from <= 2024 && c->valid_to >= 2024;
        n2010 += c->valid_from <= 2010 && c->valid_to >= 2010;
    }
    CU_ASSERT_EQUAL(n2020, 11);
    CU_ASSERT_EQUAL(n2024, 15);
    CU_ASSERT_EQUAL(n2010, 19); /* 01-12, 14-20 before the 2018 Trøndelag merger */
    const regint_county_t *c;
    CU_ASSERT_EQUAL(regint_dataset_county(dflt, "30", 2021, &c), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(c->name, "Viken");
    CU_ASSERT_EQUAL(regint_dataset_county(dflt, "30", 2024, &c), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_dataset_county(dflt, "31", 2024, &c), REGINT_OK);
}

static int has(const char **arr, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(arr[i], s) == 0)
            return 1;
    return 0;
}

static void test_default_map_code(void)
{
    if (load_default_once())
        return;
    const char **to;
    size_t n;
    /* kommune_2020_to_2024.csv: 3001 Halden -> 3101; 1507 Ålesund -> 1508 + 1580. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "3001", 2020, 2024, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "3101");
    regint_free(to);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "1507", 2022, 2024, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT(has(to, n, "1508") && has(to, n, "1580"));
    regint_free(to);
    /* Backwards: 3101 (2024) was 3001 in 2020; 1580 Haram was part of 1507. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "3101", 2024, 2021, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "3001");
    regint_free(to);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "1580", 2024, 2020, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "1507");
    regint_free(to);
    /* Unchanged code maps to itself. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "0301", 2021, 2025, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "0301");
    regint_free(to);
    /* Historic: 0101 Halden (to 2019) -> 3101; 1141 Finnøy merged into 1103 Stavanger in
     * 2020 (kommune_historisk_to_2024.csv); 0101 in 2015 -> 3001 in 2022. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "0101", 2015, 2024, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "3101");
    regint_free(to);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "1141", 2015, 2024, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "1103");
    regint_free(to);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "0101", 2015, 2022, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "3001");
    regint_free(to);
    /* Backwards from 2024 to 2015: 3101 Halden was 0101. */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(dflt, "3101", 2024, 2015, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "0101");
    regint_free(to);
    CU_ASSERT_EQUAL(regint_dataset_map_code(dflt, "0101", 2024, 2025, &to, &n), REGINT_ENOTFOUND);
    /* Change kinds */
    int found = 0;
    for (size_t i = 0; i < regint_dataset_code_change_count(dflt); i++) {
        const regint_code_change_t *c = regint_dataset_code_change_at(dflt, i);
        if (strcmp(c->from_kommunenr, "1507") == 0 && c->from_year == 2020) {
            CU_ASSERT_EQUAL(c->kind, REGINT_CHANGE_SPLIT);
            found++;
        }
        if (strcmp(c->from_kommunenr, "3001") == 0 && c->from_year == 2020) {
            CU_ASSERT_EQUAL(c->kind, REGINT_CHANGE_RENUMBERED);
            found++;
        }
    }
    CU_ASSERT_EQUAL(found, 3);
}

/* Sum of present values of a measure/category over the municipalities valid in `year`;
 * *missing counts the rows with a missing value. */
static double sum_settlement(int year, regint_measure m, regint_category c, size_t *missing)
{
    const regint_municipality_t **ms;
    size_t n;
    double s = 0;
    *missing = 0;
    if (regint_dataset_municipalities_in(dflt, year, NULL, &ms, &n))
        return NAN;
    for (size_t i = 0; i < n; i++) {
        regint_value_t v;
        if (regint_dataset_settlement(dflt, ms[i]->kommunenr, year, m, c, &v) != REGINT_OK)
            continue;
        if (v.missing)
            (*missing)++;
        else
            s += v.value;
    }
    regint_free(ms);
    return s;
}

static void test_default_settlement(void)
{
    if (load_default_once())
        return;
    size_t miss;
    /* SOURCES.md checks: 2022 anmodning 35 000; 2016 bosatt 15 221; IMDi's national request
     * totals 2024 37 000, 2025 12 640, 2026 13 000. */
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2022, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &miss), 35000, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2016, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &miss), 15221, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &miss), 37000, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &miss), 12640, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &miss), 13000, 0);
    /* EMA 2026: 651 requested, 80 under 15, 571 aged 15-18 (IMDi's fylke table). */
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_UNACCOMPANIED, &miss), 651, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_UNACCOMPANIED_UNDER15, &miss),
                           80, 0);
    CU_ASSERT_DOUBLE_EQUAL(sum_settlement(2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_UNACCOMPANIED_15_18, &miss),
                           571, 0);
    regint_value_t v;
    /* imdi_bosetting_1995_2023.csv line 25290: 2014,0127,Skiptvet,bosatt,alle,,suppressed */
    CU_ASSERT_EQUAL_FATAL(regint_dataset_settlement(dflt, "0127", 2014, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &v),
                          REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT(isnan(v.value));
    /* imdi_bosetting_2024_2026.csv line 2876: 2026,1101 bosatt kollektiv_beskyttelse suppressed;
     * line 2872: EMA under 15 blank_in_source = 0; line 2869: anmodning 44. */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "1101", 2026, REGINT_MEASURE_SETTLED,
                                              REGINT_CATEGORY_COLLECTIVE_PROTECTION, &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "1101", 2026, REGINT_MEASURE_REQUEST,
                                              REGINT_CATEGORY_UNACCOMPANIED_UNDER15, &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_NONE);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 0, 0);
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "1101", 2026, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 44, 0);
    /* 2016 0301 Oslo: anmodning 1000, bosatt 913 (line 27947-27948). */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "0301", 2016, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 913, 0);
    /* bosatt before 2012 is "not applicable" in the 1995-2023 file. */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "0301", 2005, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_NOT_APPLICABLE);
    /* EMA 2022 (2024 codes in the source) mapped back to 2020 codes: 1101 is unchanged;
     * 1507 = 1508 (suppressed) + 1580 (0): suppressed. */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "1507", 2022, REGINT_MEASURE_SETTLED,
                                              REGINT_CATEGORY_UNACCOMPANIED, &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    /* Oslo EMA 2022 settled 48 (imdi_enslige_mindreaarige_2022_2024.csv line 2). */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "0301", 2022, REGINT_MEASURE_SETTLED,
                                              REGINT_CATEGORY_UNACCOMPANIED, &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 48, 0);
    /* History back to 1995 exists for the 1995 structure. */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "0101", 1995, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 20, 0); /* line 2: 1995,0101,Halden,anmodning,alle,20 */
    CU_ASSERT_EQUAL(regint_dataset_settlement(dflt, "0301", 2030, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_ENOTFOUND);
}

static void test_default_indicators(void)
{
    if (load_default_once())
        return;
    const regint_indicator_t *ind;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_indicator(dflt, "unemployment_share", &ind), REGINT_OK);
    CU_ASSERT_EQUAL(ind->direction, REGINT_DIRECTION_LOWER_BETTER);
    CU_ASSERT_EQUAL(ind->level, REGINT_LEVEL_FYLKE);
    TEST_ASSERT_CONTAINS(ind->sdg_targets, "8.5");
    CU_ASSERT_EQUAL(regint_dataset_indicator(dflt, "intro_work_education_share", &ind), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_indicator(dflt, "refugees_settled_here", &ind), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_indicator(dflt, "refugees_moved_here", &ind), REGINT_OK);
    regint_value_t v;
    /* intro_arbeid_utdanning_fylke.csv: Viken 67 (2020 code 30), Norge 67. */
    CU_ASSERT_EQUAL(regint_dataset_observation(dflt, "intro_work_education_share", "30", 2024, NULL, &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 67, 0);
    CU_ASSERT_EQUAL(regint_dataset_observation(dflt, "intro_work_education_share", "00", 2024, "", &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 67, 0);
    /* NAV: the 2011 national yearly mean equals the mean of the 12 monthly shares in the
     * source; it lies between the monthly extremes, about 0.027. */
    CU_ASSERT_EQUAL(regint_dataset_observation(dflt, "unemployment_share", "00", 2011, NULL, &v), REGINT_OK);
    CU_ASSERT(v.value > 0.015 && v.value < 0.04);
    CU_ASSERT_EQUAL(regint_dataset_observation(dflt, "unemployment_share", "00", 2026, NULL, &v), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_dataset_observation(dflt, "nope", "00", 2011, NULL, &v), REGINT_ENOTFOUND);
}

static void test_default_round_trip(void)
{
    if (load_default_once())
        return;
    /* load -> save -> load -> save gives identical bytes (and equals the bundled file,
     * which was itself written by save). */
    char tmp[] = "/tmp/regint_rt_XXXXXX";
    int fd = mkstemp(tmp);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_save_file(dflt, tmp), REGINT_OK);
    regint_dataset *again;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(tmp, &again), REGINT_OK);
    char *s1, *s2;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(again, &s2), REGINT_OK);
    size_t l1;
    s1 = test_slurp(tmp, &l1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s1);
    CU_ASSERT_EQUAL(l1, strlen(s2));
    CU_ASSERT(strcmp(s1, s2) == 0);
    char *orig = test_slurp(default_file(), NULL);
    CU_ASSERT(orig && strcmp(orig, s1) == 0);
    free(orig);
    free(s1);
    regint_free(s2);
    regint_dataset_free(again);
    unlink(tmp);
}

static void test_default_path(void)
{
    const char *p = regint_dataset_default_path();
    CU_ASSERT_PTR_NOT_NULL(p);
    setenv("REGINT_DATA", "/nonexistent/regint.json", 1);
    CU_ASSERT_STRING_EQUAL(regint_dataset_default_path(), "/nonexistent/regint.json");
    regint_dataset *ds = (regint_dataset *)&ds;
    CU_ASSERT_EQUAL(regint_dataset_load_default(&ds), REGINT_EIO);
    CU_ASSERT(ds == (regint_dataset *)&ds); /* unchanged on failure */
    TEST_ASSERT_CONTAINS(regint_last_error(), "/nonexistent/regint.json");
    setenv("REGINT_DATA", default_file(), 1);
    ds = NULL; /* the sentinel above is no dataset: never hand it to regint_dataset_free() */
    CU_ASSERT_EQUAL(regint_dataset_load_default(&ds), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(ds), regint_dataset_municipality_count(dflt));
    regint_dataset_free(ds);
    unsetenv("REGINT_DATA");
}

/* ------------------------------------------------------------------------- */
/* Building through the API                                                  */

static regint_dataset *small(void)
{
    regint_dataset *ds;
    if (regint_dataset_new(&ds))
        return NULL;
    regint_county_t c = {"03", "Oslo", 2020, REGINT_YEAR_OPEN};
    regint_county_t c2 = {"30", "Viken", 2020, 2023};
    regint_county_t c3 = {"31", "Østfold", 2024, REGINT_YEAR_OPEN};
    regint_municipality_t m1 = {"0301", "Oslo", "03", 2020, REGINT_YEAR_OPEN, 1, "EKG13"};
    regint_municipality_t m2 = {"3001", "Halden", "30", 2020, 2023, 0, ""};
    regint_municipality_t m3 = {"3101", "Halden", "31", 2024, REGINT_YEAR_OPEN, 3, ""};
    regint_code_change_t ch = {"3001", 2020, "3101", 2024, REGINT_CHANGE_RENUMBERED};
    if (regint_dataset_add_county(ds, &c) || regint_dataset_add_county(ds, &c2) || regint_dataset_add_county(ds, &c3) ||
        regint_dataset_add_municipality(ds, &m1) || regint_dataset_add_municipality(ds, &m2) ||
        regint_dataset_add_municipality(ds, &m3) || regint_dataset_add_code_change(ds, &ch)) {
        fprintf(stderr, "small(): %s\n", regint_last_error());
        regint_dataset_free(ds);
        return NULL;
    }
    return ds;
}

static void test_build_validation(void)
{
    regint_dataset *ds = small();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    /* duplicates */
    regint_municipality_t dup = {"0301", "Oslo 2", "03", 2023, 2030, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &dup), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "0301");
    regint_municipality_t later = {"3001", "Halden again", "30", 2018, 2019, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &later), REGINT_ENOTFOUND); /* no county 30 then */
    TEST_ASSERT_CONTAINS(regint_last_error(), "no county '30'");
    regint_county_t cdup = {"03", "Oslo", 2000, 2020};
    CU_ASSERT_EQUAL(regint_dataset_add_county(ds, &cdup), REGINT_EDUPLICATE);
    /* formats */
    regint_municipality_t bad = {"301", "X", "03", 2020, 2021, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &bad), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "kommunenr");
    regint_municipality_t wrongcounty = {"0302", "X", "30", 2020, 2021, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &wrongcounty), REGINT_EINVAL);
    regint_municipality_t inverted = {"0302", "X", "03", 2021, 2020, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &inverted), REGINT_EINVAL);
    /* county must cover the whole period: 30 ends 2023 */
    regint_municipality_t over = {"3002", "Moss", "30", 2020, REGINT_YEAR_OPEN, 0, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_municipality(ds, &over), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(ds), 3);
    /* population */
    CU_ASSERT_EQUAL(regint_dataset_set_population(ds, "0301", 2024, -1), REGINT_ERANGE);
    /* free text must be UTF-8 (a saved dataset must load again) */
    regint_county_t latin1 = {"46", "M\xf8re", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL(regint_dataset_add_county(ds, &latin1), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "county.name: not valid UTF-8");
    regint_case_t bad_case = {"sak-\xe6", 1, 0, 2025};
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &bad_case), REGINT_EINVAL);
    /* 2^53 + 1 is not a double: it could be saved but not loaded back exactly */
    CU_ASSERT_EQUAL(regint_dataset_set_population(ds, "0301", 2024, (INT64_C(1) << 53) + 1), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_dataset_set_population(ds, "3001", 2024, 10), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_dataset_set_population(ds, "0301", 2024, 717710), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_set_population(ds, "0301", 2024, 717711), REGINT_OK); /* replaces */
    int64_t p = 0;
    CU_ASSERT_EQUAL(regint_dataset_population(ds, "0301", 2024, &p), REGINT_OK);
    CU_ASSERT_EQUAL(p, 717711);
    CU_ASSERT_EQUAL(regint_dataset_population(ds, "0301", 2023, &p), REGINT_ENOTFOUND);
    /* settlement */
    regint_settlement_t s = {"3001", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, {10, REGINT_MISSING_NONE}};
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_ENOTFOUND); /* 3001 not valid in 2024 */
    s.kommunenr = "3101";
    s.value.value = -3;
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_ERANGE);
    s.value.value = NAN;
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_EINVAL); /* NaN needs a reason */
    s.value = (regint_value_t){0, REGINT_MISSING_SUPPRESSED};
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
    regint_value_t v;
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "3101", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT(isnan(v.value)); /* never 0 */
    s.value = (regint_value_t){42, REGINT_MISSING_NONE};
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "3101", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 42, 0);
    CU_ASSERT_EQUAL(regint_dataset_settlement_count(ds), 1);
    /* cases */
    regint_case_t k = {"case-1", 4, REGINT_CASE_RESETTLEMENT, 2025};
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &k), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &k), REGINT_EDUPLICATE);
    regint_case_t fnr = {"01019012480", 1, 0, 2025}; /* synthetic, valid control digits (test_common.c) */
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &fnr), REGINT_EPERSONAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "fødselsnummer");
    CU_ASSERT(strstr(regint_last_error(), "01019012480") == NULL); /* not echoed */
    regint_case_t zero = {"case-2", 0, 0, 2025};
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &zero), REGINT_ERANGE);
    CU_ASSERT_EQUAL(regint_dataset_case_count(ds), 1);
    /* indicators and observations */
    regint_indicator_t ind = {"pop", "Folketall", "Population", "persons", "SSB 07459", REGINT_DIRECTION_NEUTRAL,
                              REGINT_LEVEL_KOMMUNE, NULL};
    CU_ASSERT_EQUAL(regint_dataset_add_indicator(ds, &ind), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_add_indicator(ds, &ind), REGINT_EDUPLICATE);
    regint_observation_t o = {"pop", "0301", 2024, NULL, {717710, REGINT_MISSING_NONE}};
    CU_ASSERT_EQUAL(regint_dataset_set_observation(ds, &o), REGINT_OK);
    o.indicator = "nope";
    CU_ASSERT_EQUAL(regint_dataset_set_observation(ds, &o), REGINT_ENOTFOUND);
    o.indicator = "pop";
    o.area = "9999";
    CU_ASSERT_EQUAL(regint_dataset_set_observation(ds, &o), REGINT_ENOTFOUND);
    o.area = "x";
    CU_ASSERT_EQUAL(regint_dataset_set_observation(ds, &o), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "pop", "0301", 2024, NULL, &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 717710, 0);
    /* map_code in a hand-made dataset */
    const char **to;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(ds, "3001", 2021, 2024, &to, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(to[0], "3101");
    regint_free(to);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(ds, "0301", 2021, 2024, &to, &n), REGINT_OK); /* no rows: itself */
    CU_ASSERT_STRING_EQUAL(to[0], "0301");
    regint_free(to);
    CU_ASSERT_EQUAL(regint_dataset_map_code(ds, "9999", 2021, 2024, &to, &n), REGINT_ENOTFOUND);
    regint_dataset_free(ds);
    regint_dataset_free(NULL);
}

static void test_names(void)
{
    regint_missing m;
    regint_measure me;
    regint_category c;
    for (int i = 1; i <= REGINT_MISSING_UNKNOWN; i++) {
        CU_ASSERT_EQUAL(regint_missing_from_name(regint_missing_name((regint_missing)i), &m), REGINT_OK);
        CU_ASSERT_EQUAL((int)m, i);
    }
    CU_ASSERT_STRING_EQUAL(regint_missing_name(REGINT_MISSING_NONE), "");
    CU_ASSERT_EQUAL(regint_missing_from_name("", &m), REGINT_ENOTFOUND);
    CU_ASSERT_STRING_EQUAL(regint_measure_name(REGINT_MEASURE_ORIGINAL_REQUEST), "opprinnelig_anmodning");
    CU_ASSERT_EQUAL(regint_measure_from_name("bosatt", &me), REGINT_OK);
    CU_ASSERT_EQUAL(me, REGINT_MEASURE_SETTLED);
    CU_ASSERT_EQUAL(regint_measure_from_name("x", &me), REGINT_ENOTFOUND);
    CU_ASSERT_STRING_EQUAL(regint_category_name(REGINT_CATEGORY_UNACCOMPANIED_15_18), "enslige_mindreaarige_15_18");
    CU_ASSERT_EQUAL(regint_category_from_name("kollektiv_beskyttelse", &c), REGINT_OK);
    CU_ASSERT_EQUAL(c, REGINT_CATEGORY_COLLECTIVE_PROTECTION);
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                       */

static void test_json_small_round_trip(void)
{
    regint_dataset *ds = small();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    regint_settlement_t s = {"3101", 2024, REGINT_MEASURE_DECISION, REGINT_CATEGORY_ALL,
                             {0, REGINT_MISSING_AWAITING_DECISION}};
    CU_ASSERT_EQUAL(regint_dataset_set_settlement(ds, &s), REGINT_OK);
    regint_case_t k = {"fam-\"7\"", 5, REGINT_CASE_RESETTLEMENT | REGINT_CASE_UNACCOMPANIED_MINOR, 2026};
    CU_ASSERT_EQUAL(regint_dataset_add_case(ds, &k), REGINT_OK);
    regint_indicator_t ind = {"share_x", "Andel æøå", "Share", "share", "test", REGINT_DIRECTION_HIGHER_BETTER,
                              REGINT_LEVEL_FYLKE, "8.5"};
    CU_ASSERT_EQUAL(regint_dataset_add_indicator(ds, &ind), REGINT_OK);
    regint_observation_t o = {"share_x", "31", 2024, "menn", {0.1 + 0.2, REGINT_MISSING_NONE}};
    CU_ASSERT_EQUAL(regint_dataset_set_observation(ds, &o), REGINT_OK);
    char *a, *b;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &a), REGINT_OK);
    regint_dataset *ds2;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(a, strlen(a), "small.json", &ds2), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds2, &b), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    TEST_ASSERT_CONTAINS(a, "\"value\": null, \"missing\": \"awaiting_decision\"");
    TEST_ASSERT_CONTAINS(a, "\"flags\": [\"unaccompanied_minor\", \"resettlement\"]");
    regint_value_t v;
    CU_ASSERT_EQUAL(regint_dataset_observation(ds2, "share_x", "31", 2024, "menn", &v), REGINT_OK);
    CU_ASSERT(v.value == 0.1 + 0.2); /* exact double round trip */
    const regint_case_t *kc = regint_dataset_case_at(ds2, 0);
    CU_ASSERT_STRING_EQUAL(kc->id, "fam-\"7\"");
    CU_ASSERT_EQUAL(kc->flags, REGINT_CASE_RESETTLEMENT | REGINT_CASE_UNACCOMPANIED_MINOR);
    regint_free(a);
    regint_free(b);
    regint_dataset_free(ds2);
    regint_dataset_free(ds);
}

static void test_json_versions(void)
{
    regint_dataset *ds = NULL;
    /* One past the version this build writes is refused; 0 too. */
    char newer[128], expect[128];
    snprintf(newer, sizeof newer, "{\"schema\": \"regint.dataset\", \"schema_version\": %d}", REGINT__SCHEMA_VERSION + 1);
    snprintf(expect, sizeof expect, "new.json: schema_version: version %d is not supported", REGINT__SCHEMA_VERSION + 1);
    CU_ASSERT_EQUAL(regint_dataset_load_string(newer, strlen(newer), "new.json", &ds), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), expect);
    const char *v0 = "{\"schema\": \"regint.dataset\", \"schema_version\": 0}";
    CU_ASSERT_EQUAL(regint_dataset_load_string(v0, strlen(v0), "v0.json", &ds), REGINT_EVERSION);
    CU_ASSERT_PTR_NULL(ds);
    const char *other = "{\"schema\": \"other\", \"schema_version\": 1}";
    CU_ASSERT_EQUAL(regint_dataset_load_string(other, strlen(other), "o.json", &ds), REGINT_EVERSION);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown schema 'other'");
    const char *v1 = "{\"schema\": \"regint.dataset\", \"schema_version\": 1}";
    CU_ASSERT_EQUAL(regint_dataset_load_string(v1, strlen(v1), "v1.json", &ds), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(ds), 0);
    regint_dataset_free(ds);
    const char *unk = "{\"schema\": \"regint.dataset\", \"schema_version\": 1, \"municipalitys\": []}";
    CU_ASSERT_EQUAL(regint_dataset_load_string(unk, strlen(unk), "u.json", &ds), REGINT_EPARSE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown member 'municipalitys'");
}

static void test_json_sections(void)
{
    /* Sections (owned by other modules, lib/section.h) are parsed after the core and
     * written back on save: the "description" section is a plain string. */
    const char *doc = "{\"schema\": \"regint.dataset\", \"schema_version\": 1, \"description\": \"test \\\"file\\\"\"}";
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(doc, strlen(doc), "s.json", &ds), REGINT_OK);
    char *a;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &a), REGINT_OK);
    TEST_ASSERT_CONTAINS(a, "\"description\": \"test \\\"file\\\"\"");
    regint_dataset *ds2;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_string(a, strlen(a), "s2.json", &ds2), REGINT_OK);
    char *b;
    CU_ASSERT_EQUAL(regint_dataset_to_string(ds2, &b), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    regint_free(a);
    regint_free(b);
    regint_dataset_free(ds);
    regint_dataset_free(ds2);
}

/* ------------------------------------------------------------------------- */
/* CSV import                                                                */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_csv_import(void)
{
    regint_dataset *ds = small();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    char dir[] = "/tmp/regint_csv_XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/s.csv", dir);
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2024,0301,Oslo,anmodning,alle,1650,\n"
                  "2024,0301,Oslo,bosatt,kollektiv_beskyttelse,,suppressed\n"
                  "2026,0301,Oslo,anmodning,enslige_mindreaarige_under15,0,blank_in_source\n"
                  "2022,3101,Halden,bosatt,enslige_mindreaarige,7,\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_settlement_count(ds), 4);
    regint_value_t v;
    /* 3101 is a 2024 code: its 2022 row is stored under 3001, the code valid in 2022. */
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "3001", 2022, REGINT_MEASURE_SETTLED,
                                              REGINT_CATEGORY_UNACCOMPANIED, &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 7, 0);
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "0301", 2024, REGINT_MEASURE_SETTLED,
                                              REGINT_CATEGORY_COLLECTIVE_PROTECTION, &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);

    /* All-or-nothing: good rows first, a bad row last -> nothing changes. */
    char *before;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &before), REGINT_OK);
    /* A row given twice in one file is refused (the file names the line). */
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2025,0301,Oslo,anmodning,alle,665,\n"
                  "2025,0301,Oslo,anmodning,alle,665,\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 3");
    /* A row for a figure already in the dataset is refused like a duplicate (importing a
     * file twice is an error, not an update). */
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2025,0301,Oslo,anmodning,alle,665,\n"
                  "2024,0301,Oslo,anmodning,alle,1,\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 3: kommunenr: settlement figure for '0301' in 2024");
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "0301", 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 1650, 0);
    /* A bad value after good rows. */
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2025,0301,Oslo,anmodning,alle,665,\n"
                  "2025,3101,Halden,anmodning,alle,abc,\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_EPARSE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 3: column 'value': expected a number, got 'abc'");
    char *after;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &after), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(before, after);
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "0301", 2025, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v),
                    REGINT_ENOTFOUND);
    regint_free(after);

    /* Municipalities: a failed import leaves counties and municipalities unchanged. */
    write_file(p, "kommunenummer,kommune,fylkesnummer,fylke\n"
                  "0101,Halden,01,Østfold\n"
                  "0102,Sarpsborg,02,Østfold\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_MUNICIPALITIES_2020, p), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 3");
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &after), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(before, after);
    regint_free(after);
    regint_free(before);
    unlink(p);
    rmdir(dir);
    regint_dataset_free(ds);
}

/* Threads: each sees its own error message while the others fail too, and concurrent
 * reads of one dataset agree. */
typedef struct thread_arg {
    int id;
    int bad; /* count of wrong messages or lookups */
} thread_arg;

static int thread_main(void *p)
{
    thread_arg *a = p;
    char json[128], name[32], want[64];
    snprintf(json, sizeof json, "{\"schema\": \"other-%d\", \"schema_version\": 1}", a->id);
    snprintf(name, sizeof name, "t%d.json", a->id);
    snprintf(want, sizeof want, "t%d.json: schema: unknown schema 'other-%d'", a->id, a->id);
    for (int k = 0; k < 300; k++) {
        regint_dataset *ds = NULL;
        if (regint_dataset_load_string(json, strlen(json), name, &ds) != REGINT_EVERSION || ds)
            a->bad++;
        /* reads in between, on the shared default dataset */
        const regint_municipality_t *m;
        if (regint_dataset_municipality(dflt, "0301", 2024, &m) != REGINT_OK || strcmp(m->name, "Oslo") != 0)
            a->bad++;
        if (strncmp(regint_last_error(), want, strlen(want)) != 0)
            a->bad++;
    }
    return 0;
}

static void test_threads(void)
{
    CU_ASSERT_FATAL(load_default_once() == 0);
    thrd_t t[4];
    thread_arg a[4];
    int started = 0;
    for (int i = 0; i < 4; i++) {
        a[i].id = i;
        a[i].bad = 0;
        if (thrd_create(&t[i], thread_main, &a[i]) == thrd_success)
            started++;
        else
            break;
    }
    CU_ASSERT_EQUAL(started, 4);
    for (int i = 0; i < started; i++) {
        thrd_join(t[i], NULL);
        CU_ASSERT_EQUAL(a[i].bad, 0);
    }
}

/* Names in `dir` that contain ".tmp." (left-over temporary files of an atomic save). */
static int temp_files_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
}

static void test_save_failure(void)
{
    /* A failed save reports the path, leaves the target untouched and no temporary file. */
    regint_dataset *ds = small();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    char dir[] = "/tmp/regint_save_XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char p[256];
    /* 1. the directory does not exist: the temporary file cannot be created */
    snprintf(p, sizeof p, "%s/missing/d.json", dir);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, p), REGINT_EIO);
    TEST_ASSERT_CONTAINS(regint_last_error(), p);
    TEST_ASSERT_CONTAINS(regint_last_error(), "No such file or directory");
    /* 2. the target is a directory: the rename fails after the write */
    snprintf(p, sizeof p, "%s/sub", dir);
    CU_ASSERT_EQUAL_FATAL(mkdir(p, 0755), 0);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, p), REGINT_EIO);
    TEST_ASSERT_CONTAINS(regint_last_error(), p);
    struct stat sb;
    CU_ASSERT(stat(p, &sb) == 0 && S_ISDIR(sb.st_mode));
    CU_ASSERT_EQUAL(temp_files_in(dir), 0);
    /* loading a directory says why */
    regint_dataset *none = (regint_dataset *)&none;
    CU_ASSERT_EQUAL(regint_dataset_load_file(p, &none), REGINT_EIO);
    TEST_ASSERT_CONTAINS(regint_last_error(), "it is a directory; only regular files are read");
    CU_ASSERT(none == (regint_dataset *)&none);
    rmdir(p);
    /* 3. an unwritable directory (not testable as root, who may write anyway) */
    if (geteuid() != 0) {
        snprintf(p, sizeof p, "%s/ro", dir);
        CU_ASSERT_EQUAL_FATAL(mkdir(p, 0555), 0);
        char f[300];
        snprintf(f, sizeof f, "%s/d.json", p);
        CU_ASSERT_EQUAL(regint_dataset_save_file(ds, f), REGINT_EIO);
        TEST_ASSERT_CONTAINS(regint_last_error(), "Permission denied");
        CU_ASSERT_EQUAL(temp_files_in(p), 0);
        rmdir(p);
    }
    /* 4. a successful save over an existing file keeps its mode and leaves no temporary */
    snprintf(p, sizeof p, "%s/d.json", dir);
    write_file(p, "old");
    CU_ASSERT_EQUAL_FATAL(chmod(p, 0640), 0);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, p), REGINT_OK);
    CU_ASSERT(stat(p, &sb) == 0 && (sb.st_mode & 0777) == 0640);
    CU_ASSERT_EQUAL(temp_files_in(dir), 0);
    regint_dataset *again = NULL;
    CU_ASSERT_EQUAL(regint_dataset_load_file(p, &again), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(again), 3);
    regint_dataset_free(again);
    unlink(p);
    rmdir(dir);
    regint_dataset_free(ds);
}

static void test_map_code_long_chain(void)
{
    /* 70 one-year renumberings in a row (more than the 64 records the search first makes
     * room for): 5000 (1900) -> 5001 (1901) -> ... -> 5070 (1970). Mapping the first code
     * to 1970 gives the last, and back again. */
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_new(&ds), REGINT_OK);
    regint_county_t c = {"50", "Test", 1900, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    char code[71][5];
    for (int i = 0; i <= 70; i++) {
        snprintf(code[i], sizeof code[i], "%d", 5000 + i);
        regint_municipality_t m = {code[i], "Test", "50", 1900 + i, 1900 + i, 0, ""};
        CU_ASSERT_EQUAL_FATAL(regint_dataset_add_municipality(ds, &m), REGINT_OK);
        if (i > 0) {
            regint_code_change_t ch = {code[i - 1], 1899 + i, code[i], 1900 + i, REGINT_CHANGE_RENUMBERED};
            CU_ASSERT_EQUAL_FATAL(regint_dataset_add_code_change(ds, &ch), REGINT_OK);
        }
    }
    const char **to = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL(regint_dataset_map_code(ds, "5000", 1900, 1970, &to, &n), REGINT_OK);
    CU_ASSERT(n == 1 && to && strcmp(to[0], "5070") == 0);
    regint_free(to);
    to = NULL;
    CU_ASSERT_EQUAL(regint_dataset_map_code(ds, "5070", 1970, 1900, &to, &n), REGINT_OK);
    CU_ASSERT(n == 1 && to && strcmp(to[0], "5000") == 0);
    regint_free(to);
    regint_dataset_free(ds);
}

static void test_csv_split_mapping(void)
{
    /* 1507 Ålesund (2020-2023) was split in 2024 into 1508 Ålesund and 1580 Haram. IMDi rows
     * for 2022 given under the 2024 codes are summed onto 1507; a part without a row makes
     * the sum missing; a part given twice is refused (it was once summed twice). */
    regint_dataset *ds = small();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
    regint_county_t c = {"15", "Møre og Romsdal", 2020, REGINT_YEAR_OPEN};
    regint_municipality_t m0 = {"1507", "Ålesund", "15", 2020, 2023, 0, ""};
    regint_municipality_t m1 = {"1508", "Ålesund", "15", 2024, REGINT_YEAR_OPEN, 0, ""};
    regint_municipality_t m2 = {"1580", "Haram", "15", 2024, REGINT_YEAR_OPEN, 0, ""};
    regint_code_change_t c1 = {"1507", 2020, "1508", 2024, REGINT_CHANGE_SPLIT};
    regint_code_change_t c2 = {"1507", 2020, "1580", 2024, REGINT_CHANGE_SPLIT};
    CU_ASSERT_FATAL(!regint_dataset_add_county(ds, &c) && !regint_dataset_add_municipality(ds, &m0) &&
                    !regint_dataset_add_municipality(ds, &m1) && !regint_dataset_add_municipality(ds, &m2) &&
                    !regint_dataset_add_code_change(ds, &c1) && !regint_dataset_add_code_change(ds, &c2));
    char dir[] = "/tmp/regint_split_XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/s.csv", dir);
    char *before;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &before), REGINT_OK);
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2022,1508,Ålesund,bosatt,alle,40,\n"
                  "2022,1508,Ålesund,bosatt,alle,40,\n");
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 3: kommunenr: settlement figure for '1508' in 2022");
    TEST_ASSERT_CONTAINS(regint_last_error(), "first on line 2");
    char *after;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &after), REGINT_OK);
    CU_ASSERT_STRING_EQUAL(before, after);
    regint_free(after);
    regint_free(before);
    write_file(p, "year,kommunenummer,kommune,measure,category,value,flag\n"
                  "2022,1508,Ålesund,bosatt,alle,40,\n"
                  "2022,1580,Haram,bosatt,alle,2,\n"
                  "2023,1508,Ålesund,bosatt,alle,7,\n");
    CU_ASSERT_EQUAL_FATAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT, p), REGINT_OK);
    regint_value_t v;
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "1507", 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_NONE);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 42, 0); /* 40 + 2 */
    CU_ASSERT_EQUAL(regint_dataset_settlement(ds, "1507", 2023, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &v),
                    REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_UNKNOWN); /* 1580 has no 2023 row */
    unlink(p);
    rmdir(dir);
    regint_dataset_free(ds);
}

static void test_csv_source_files(void)
{
    /* Importing the real files into a fresh dataset gives the documented row counts. */
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_new(&ds), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_MUNICIPALITIES_2020,
                                              REGINT_SOURCE_DATA_DIR "/kommuner_2020.csv"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_MUNICIPALITIES_2024,
                                              REGINT_SOURCE_DATA_DIR "/kommuner_2024.csv"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_CODE_CHANGES_2020_2024,
                                              REGINT_SOURCE_DATA_DIR "/kommune_2020_to_2024.csv"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(ds), 356 + 357);
    CU_ASSERT_EQUAL(regint_dataset_county_count(ds), 11 + 15);
    CU_ASSERT_EQUAL(regint_dataset_code_change_count(ds), 357);
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT,
                                              REGINT_SOURCE_DATA_DIR "/imdi_bosetting_2024_2026.csv"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_settlement_count(ds), 6071);
    /* The 1995-2023 file needs the historic codes: without them the import fails, cleanly. */
    CU_ASSERT_EQUAL(regint_dataset_import_csv(ds, REGINT_CSV_IMDI_SETTLEMENT,
                                              REGINT_SOURCE_DATA_DIR "/imdi_bosetting_1995_2023.csv"), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "imdi_bosetting_1995_2023.csv: line 2: kommunenr");
    CU_ASSERT_EQUAL(regint_dataset_settlement_count(ds), 6071);
    regint_dataset_free(ds);
}

static void test_build_default(void)
{
    /* Built from the source files, the dataset has a population figure on 1 January
     * 2006-2026 for every municipality of the year (data/kommune_folkemengde_2005_2026.csv).
     * Per year that is SSB's count of municipalities: 428 in 2014-2016, 426 in 2017, 422 in
     * 2018-2019, 356 in 2020-2023, 357 from 2024. It saves to the same bytes as the
     * regint-default.json the build made. */
    regint_dataset *ds = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_build_default(REGINT_SOURCE_DATA_DIR, &ds), REGINT_OK);
    static const int ssb_count[] = {428, 428, 428, 426, 422, 422, 356, 356, 356, 356, 357, 357, 357};
    size_t per_year_total = 0;
    for (int y = 2006; y <= 2026; y++) {
        const regint_municipality_t **mun = NULL;
        size_t nm = 0, with = 0;
        CU_ASSERT_EQUAL_FATAL(regint_dataset_municipalities_in(ds, y, NULL, &mun, &nm), REGINT_OK);
        for (size_t i = 0; i < nm; i++) {
            int64_t p;
            with += regint_dataset_population(ds, mun[i]->kommunenr, y, &p) == REGINT_OK;
        }
        regint_free(mun);
        if (y >= 2014)
            CU_ASSERT_EQUAL(with, (size_t)ssb_count[y - 2014]);
        per_year_total += with;
    }
    CU_ASSERT_EQUAL(regint_dataset_population_count(ds), per_year_total);
    int64_t oslo = 0;
    CU_ASSERT_EQUAL(regint_dataset_population(ds, "0301", 2020, &oslo), REGINT_OK);
    CU_ASSERT_EQUAL(oslo, 693494); /* data/SOURCES.md check: Oslo 0301 2020 = 693 494 */
    CU_ASSERT_EQUAL(regint_dataset_population_count(NULL), 0);
    char *built = NULL, *bundled = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL(regint_dataset_to_string(ds, &built), REGINT_OK);
    FILE *f = fopen(default_file(), "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fseek(f, 0, SEEK_END);
    len = (size_t)ftell(f);
    rewind(f);
    bundled = malloc(len + 1);
    CU_ASSERT_EQUAL(fread(bundled, 1, len, f), len);
    bundled[len] = '\0';
    fclose(f);
    CU_ASSERT_STRING_EQUAL(built, bundled);
    free(bundled);
    regint_free(built);
    regint_dataset_free(ds);
    /* A folder without the files: the error names the first file it needs. */
    ds = NULL;
    CU_ASSERT_EQUAL(regint_dataset_build_default("/nonexistent-regint-dir", &ds), REGINT_EIO);
    CU_ASSERT_PTR_NULL(ds);
    TEST_ASSERT_CONTAINS(regint_last_error(), "/nonexistent-regint-dir/kommune_historisk_to_2024.csv");
    CU_ASSERT_EQUAL(regint_dataset_build_default(NULL, &ds), REGINT_EINVAL);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case dflt_tests[] = {
        {"municipalities, population 2024", test_default_municipalities},
        {"counties by period", test_default_counties},
        {"code correspondence", test_default_map_code},
        {"settlement sums and missing cells", test_default_settlement},
        {"indicator catalogue and observations", test_default_indicators},
        {"round trip byte-identical", test_default_round_trip},
        {"default path and REGINT_DATA", test_default_path},
        {NULL, NULL}};
    static const test_case api_tests[] = {
        {"validating adders", test_build_validation},
        {"enum names", test_names},
        {"JSON round trip of a small dataset", test_json_small_round_trip},
        {"schema and versions", test_json_versions},
        {"sections survive", test_json_sections},
        {"CSV import all-or-nothing", test_csv_import},
        {"CSV import of the source files", test_csv_source_files},
        {"default dataset built from the source files", test_build_default},
        {"CSV import across a split", test_csv_split_mapping},
        {"map_code along a long chain", test_map_code_long_chain},
        {"failed saves leave no trace", test_save_failure},
        {"thread-local messages, concurrent reads", test_threads},
        {NULL, NULL}};
    if (test_add_suite("default dataset", dflt_tests) || test_add_suite("dataset API", api_tests)) {
        CU_cleanup_registry();
        return 1;
    }
    int rc = test_run_all();
    regint_dataset_free(dflt);
    return rc;
}
