/* Tests of the knowledge base: reform mapping on real code changes (Viken 2020 ->
 * Østfold/Akershus/Buskerud 2024, Ålesund split), county aggregates, missing values,
 * derived figures on a hand-made dataset, JSON-stat and CSV import with bad inputs.
 *
 * Expected values come from summing the raw CSV rows here (with the skeleton's CSV reader,
 * not the dataset importer), from figures published in data/SOURCES.md, or from hand-worked
 * examples written out in comments. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "util/csv.h"
#include "test_util.h"

static regint_dataset *g_ds; /* the bundled default dataset */

#define DATA(f) REGINT_SOURCE_DATA_DIR "/" f
#define KDIR REGINT_TEST_DIR "/data/knowledge/"

/* Independent sum of raw rows of an IMDi tidy CSV: rows of `year`, `measure`, `category`
 * whose kommunenummer starts with `prefix` (or equals it when 4 long). Present values are
 * summed; rows with a flag are counted in *n_missing (not_applicable rows in *n_na). */
static double raw_sum(const char *file, int year, const char *prefix, const char *measure,
                      const char *category, size_t *n_rows, size_t *n_missing, size_t *n_na)
{
    regint__csv *c;
    double sum = 0;
    *n_rows = *n_missing = 0;
    if (n_na)
        *n_na = 0;
    if (regint__csv_open(file, &c) != REGINT_OK)
        return NAN;
    int iy = regint__csv_col(c, "year"), ik = regint__csv_col(c, "kommunenummer"),
        im = regint__csv_col(c, "measure"), ic = regint__csv_col(c, "category"), iv = regint__csv_col(c, "value"),
        iflag = regint__csv_col(c, "flag");
    while (regint__csv_next(c) == 1) {
        if (atoi(regint__csv_field(c, iy)) != year || strcmp(regint__csv_field(c, im), measure) ||
            strcmp(regint__csv_field(c, ic), category) ||
            strncmp(regint__csv_field(c, ik), prefix, strlen(prefix)))
            continue;
        (*n_rows)++;
        const char *v = regint__csv_field(c, iv);
        if (*v)
            sum += atof(v);
        else if (n_na && strcmp(regint__csv_field(c, iflag), "not_applicable") == 0)
            (*n_na)++;
        else
            (*n_missing)++;
    }
    regint__csv_close(c);
    return sum;
}

/* Population 2024 of a kommune from kommuner_2024.csv. */
static double raw_pop2024(const char *kommunenr)
{
    regint__csv *c;
    double pop = NAN;
    if (regint__csv_open(DATA("kommuner_2024.csv"), &c) != REGINT_OK)
        return NAN;
    int ik = regint__csv_col(c, "kommunenummer"), ip = regint__csv_col(c, "folkemengde_2024");
    while (regint__csv_next(c) == 1)
        if (strcmp(regint__csv_field(c, ik), kommunenr) == 0)
            pop = atof(regint__csv_field(c, ip));
    regint__csv_close(c);
    return pop;
}

/* ------------------------------------------------------------------------- */
/* Real reform mapping                                                        */

static void test_viken_2022_to_2024(void)
{
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    static const regint_measure ms[3] = {REGINT_MEASURE_REQUEST, REGINT_MEASURE_DECISION, REGINT_MEASURE_SETTLED};
    static const char *const names[3] = {"anmodning", "vedtak", "bosatt"};
    for (int m = 0; m < 3; m++) {
        size_t rows, miss, na;
        double raw = raw_sum(DATA("imdi_bosetting_1995_2023.csv"), 2022, "30", names[m], "alle", &rows, &miss, &na);
        CU_ASSERT(rows == 51); /* Viken had 51 municipalities (kommuner_2020.csv) */
        CU_ASSERT(miss == 0 && na == 0);
        /* The 2024 successors: Østfold 31, Akershus 32, Buskerud 33. */
        double sum24 = 0;
        size_t parts = 0;
        static const char *const succ[3] = {"31", "32", "33"};
        for (int k = 0; k < 3; k++) {
            regint_aggregate_t a;
            CU_ASSERT_EQUAL_FATAL(regint_kb_settlement(kb, succ[k], 2024, 2022, ms[m], REGINT_CATEGORY_ALL, &a), REGINT_OK);
            CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_NONE);
            CU_ASSERT_EQUAL(a.direct, 0);
            sum24 += a.value.value;
            parts += a.n_parts;
        }
        CU_ASSERT_DOUBLE_EQUAL(sum24, raw, 1e-9);
        CU_ASSERT_EQUAL(parts, 51);
        /* Viken itself, on its own 2022 codes. */
        regint_aggregate_t v;
        CU_ASSERT_EQUAL(regint_kb_settlement(kb, "30", 2022, 2022, ms[m], REGINT_CATEGORY_ALL, &v), REGINT_OK);
        CU_ASSERT_DOUBLE_EQUAL(v.value.value, raw, 1e-9);
    }
    /* Population 1.1.2024 of Viken's 2022 area = the 2024 population of counties 31, 32, 33
     * (summed from kommuner_2024.csv here). */
    double pop = 0;
    regint__csv *c;
    CU_ASSERT_FATAL(regint__csv_open(DATA("kommuner_2024.csv"), &c) == REGINT_OK);
    int ifn = regint__csv_col(c, "fylkesnummer"), ipop = regint__csv_col(c, "folkemengde_2024");
    while (regint__csv_next(c) == 1) {
        const char *f = regint__csv_field(c, ifn);
        if (!strcmp(f, "31") || !strcmp(f, "32") || !strcmp(f, "33"))
            pop += atof(regint__csv_field(c, ipop));
    }
    regint__csv_close(c);
    regint_aggregate_t pa;
    CU_ASSERT_EQUAL(regint_kb_population_mapped(kb, "30", 2022, 2024, &pa), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(pa.value.value, pop, 1e-6);
    CU_ASSERT(pop > 1e6);
    /* Published check (data/SOURCES.md): 2022 anmodning sums to exactly 35 000 nationally. */
    regint_aggregate_t n;
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "00", 2024, 2022, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &n), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(n.value.value, 35000, 1e-9);
    regint_kb_free(kb);
}

static void test_viken_municipalities_one_to_one(void)
{
    /* Every Viken 2020 code maps to one 2024 code carrying exactly its raw 2022 figure. */
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    regint__csv *c;
    CU_ASSERT_FATAL(regint__csv_open(DATA("imdi_bosetting_1995_2023.csv"), &c) == REGINT_OK);
    int iy = regint__csv_col(c, "year"), ik = regint__csv_col(c, "kommunenummer"),
        im = regint__csv_col(c, "measure"), iv = regint__csv_col(c, "value");
    size_t checked = 0;
    while (regint__csv_next(c) == 1) {
        const char *k = regint__csv_field(c, ik);
        if (atoi(regint__csv_field(c, iy)) != 2022 || strncmp(k, "30", 2) || strcmp(regint__csv_field(c, im), "bosatt"))
            continue;
        const char **to;
        size_t nt;
        CU_ASSERT_EQUAL_FATAL(regint_dataset_map_code(g_ds, k, 2022, 2024, &to, &nt), REGINT_OK);
        CU_ASSERT_EQUAL(nt, 1);
        CU_ASSERT(to[0][0] == '3' && (to[0][1] == '1' || to[0][1] == '2' || to[0][1] == '3'));
        regint_aggregate_t a;
        CU_ASSERT_EQUAL(regint_kb_settlement(kb, to[0], 2024, 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a),
                        REGINT_OK);
        CU_ASSERT_DOUBLE_EQUAL(a.value.value, atof(regint__csv_field(c, iv)), 1e-9);
        regint_free(to);
        checked++;
    }
    regint__csv_close(c);
    CU_ASSERT_EQUAL(checked, 51);
    regint_kb_free(kb);
}

static void test_alesund_split(void)
{
    /* 1507 Ålesund (2020) became 1508 Ålesund + 1580 Haram (2024). Counts of 2022 are divided
     * by the 2024 population (kommuner_2024.csv); the two parts add up to the whole. */
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    size_t rows, miss;
    double raw = raw_sum(DATA("imdi_bosetting_1995_2023.csv"), 2022, "1507", "bosatt", "alle", &rows, &miss, NULL);
    CU_ASSERT(rows == 1 && raw == 173);
    double p1508 = raw_pop2024("1508"), p1580 = raw_pop2024("1580");
    regint_aggregate_t a, b;
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "1508", 2024, 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "1580", 2024, 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &b), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 173 * p1508 / (p1508 + p1580), 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(b.value.value, 173 * p1580 / (p1508 + p1580), 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value + b.value.value, 173, 1e-9);
    /* Backwards: 2024 figures on the 2022 code are the sum of the two (2024 anmodning:
     * 1508 410 + 1580 100 in imdi_bosetting_2024_2026.csv). */
    double r1 = raw_sum(DATA("imdi_bosetting_2024_2026.csv"), 2024, "1508", "anmodning", "alle", &rows, &miss, NULL);
    double r2 = raw_sum(DATA("imdi_bosetting_2024_2026.csv"), 2024, "1580", "anmodning", "alle", &rows, &miss, NULL);
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "1507", 2022, 2024, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, r1 + r2, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 510, 1e-9);
    regint_kb_free(kb);
}

static void test_missing_kept(void)
{
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    /* imdi_enslige_mindreaarige_2022_2024.csv: "2022,1101,Eigersund,bosatt,enslige_mindreaarige,,suppressed" */
    regint_aggregate_t a;
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "1101", 2024, 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_UNACCOMPANIED, &a),
                    REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT(isnan(a.value.value));
    CU_ASSERT(isnan(a.partial)); /* nothing present: no number at all, certainly not 0 */
    /* Rogaland (11): the sum is missing; the present rows give the lower bound. */
    size_t rows, miss;
    double raw = raw_sum(DATA("imdi_enslige_mindreaarige_2022_2024.csv"), 2022, "11", "bosatt", "enslige_mindreaarige",
                         &rows, &miss, NULL);
    CU_ASSERT(miss > 0);
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "11", 2024, 2022, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_UNACCOMPANIED, &a),
                    REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_DOUBLE_EQUAL(a.partial, raw, 1e-9);
    CU_ASSERT_EQUAL(a.n_missing, miss);
    /* SOURCES.md: 2016 bosatt sums to 15 221 (sum of the present cells; some are suppressed). */
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "00", 2024, 2016, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.partial, 15221, 1e-9);
    CU_ASSERT(a.value.missing != REGINT_MISSING_NONE);
    /* Not applicable before 2012 for bosatt: every part is '.', so the total is too. */
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "39", 2024, 2005, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_NOT_APPLICABLE);
    /* A year the dataset does not have at all. */
    CU_ASSERT_EQUAL(regint_kb_settlement(kb, "39", 2024, 1980, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a),
                    REGINT_ENOTFOUND);
    regint_kb_free(kb);
}

static void test_ceased_codes(void)
{
    /* Vestfold (39, codes of 2024) in 2017 from data/indicators_tidy.csv: the 2017 rows of
     * the 07xx codes that kommune_historisk_to_2024.csv maps into Vestfold (all 07xx rows of
     * 2017 except 0711 Svelvik, which went to Drammen): 513 + 92 + 754 + 430 + 1012 + 66 +
     * 11 + 61 + 271 + 24 + 12 = 3246. 0706 Sandefjord, 0719 Andebu and 0720 Stokke ended in
     * 2016 and have no rows from 2017 on: they are left out, not counted as missing. */
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    regint_aggregate_t a;
    CU_ASSERT_EQUAL(regint_kb_value(kb, "refugees_moved_here", "39", 2024, 2017, NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_NONE);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 3246, 1e-9);
    CU_ASSERT_EQUAL(a.n_absent, 0);
    /* The national 2022 sum lacks municipalities that are still valid (332 of 356 rows):
     * missing, with the known part as a lower bound. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "refugees_moved_here", "00", 2022, 2022, NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_UNKNOWN);
    CU_ASSERT_EQUAL(a.n_absent, 356 - 332);
    CU_ASSERT(a.partial > 0);
    regint_kb_free(kb);
}

static void test_county_reform_indicator(void)
{
    /* intro_work_education_share is published for the 2020 counties only
     * (intro_arbeid_utdanning_fylke.csv: Vestfold og Telemark 70). A rate of a county split
     * in two is the same rate for both parts. */
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    regint_aggregate_t a;
    CU_ASSERT_EQUAL(regint_kb_value(kb, "intro_work_education_share", "39", 2024, 2024, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 70, 1e-9);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "intro_work_education_share", "40", 2024, 2024, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 70, 1e-9);
    /* Direct national row: 67 (Norge). */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "intro_work_education_share", "00", 2024, 2024, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 67, 1e-9);
    CU_ASSERT_EQUAL(a.direct, 1);
    regint_kb_free(kb);
}

/* ------------------------------------------------------------------------- */
/* A hand-made dataset                                                        */

/* County 50; 5001 (2000-2019) split into 5002 + 5003 (2020-); 5004 + 5005 (2000-2019)
 * merged into 5006 (2020-); 5007 unchanged. Populations: 2019 5001 4000, 5004 1000,
 * 5005 3000, 5007 2000; 2020 5002 3000, 5003 1000, 5006 4000, 5007 2000. */
static regint_dataset *toy(void)
{
    regint_dataset *ds;
    if (regint_dataset_new(&ds) != REGINT_OK)
        return NULL;
    regint_county_t c = {"50", "Testfylke", 2000, REGINT_YEAR_OPEN};
    int ok = regint_dataset_add_county(ds, &c) == REGINT_OK;
    struct { const char *k; int from, to; } m[] = {{"5001", 2000, 2019}, {"5002", 2020, REGINT_YEAR_OPEN},
        {"5003", 2020, REGINT_YEAR_OPEN}, {"5004", 2000, 2019}, {"5005", 2000, 2019},
        {"5006", 2020, REGINT_YEAR_OPEN}, {"5007", 2000, REGINT_YEAR_OPEN}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        regint_municipality_t mu = {m[i].k, m[i].k, "50", m[i].from, m[i].to, 0, ""};
        ok &= regint_dataset_add_municipality(ds, &mu) == REGINT_OK;
    }
    regint_code_change_t ch[] = {{"5001", 2019, "5002", 2020, REGINT_CHANGE_SPLIT},
                                 {"5001", 2019, "5003", 2020, REGINT_CHANGE_SPLIT},
                                 {"5004", 2019, "5006", 2020, REGINT_CHANGE_MERGED},
                                 {"5005", 2019, "5006", 2020, REGINT_CHANGE_MERGED}};
    for (size_t i = 0; i < 4; i++)
        ok &= regint_dataset_add_code_change(ds, &ch[i]) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5001", 2019, 4000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5004", 2019, 1000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5005", 2019, 3000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5007", 2019, 2000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5002", 2020, 3000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5003", 2020, 1000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5006", 2020, 4000) == REGINT_OK;
    ok &= regint_dataset_set_population(ds, "5007", 2020, 2000) == REGINT_OK;
    regint_indicator_t cnt = {"cnt", "Antall", "Count", "persons", "test", REGINT_DIRECTION_NEUTRAL,
                              REGINT_LEVEL_KOMMUNE, "10.2"};
    regint_indicator_t rate = {"rate", "Andel", "Rate", "percent", "test", REGINT_DIRECTION_HIGHER_BETTER,
                               REGINT_LEVEL_KOMMUNE, "8.5,4.4"};
    ok &= regint_dataset_add_indicator(ds, &cnt) == REGINT_OK;
    ok &= regint_dataset_add_indicator(ds, &rate) == REGINT_OK;
    struct { const char *ind, *area; int year; double v; } o[] = {
        {"cnt", "5001", 2019, 100}, {"cnt", "5004", 2019, 10}, {"cnt", "5005", 2019, 30}, {"cnt", "5007", 2019, 16},
        {"cnt", "5002", 2020, 60}, {"cnt", "5003", 2020, 20}, {"cnt", "5006", 2020, 50}, {"cnt", "5007", 2020, 20},
        {"cnt", "5007", 2016, 10}, {"cnt", "5007", 2017, 12},
        {"rate", "5001", 2019, 50}, {"rate", "5004", 2019, 20}, {"rate", "5005", 2019, 40}, {"rate", "5007", 2019, 10},
        {"rate", "5002", 2020, 30}, {"rate", "5003", 2020, 60}, {"rate", "5006", 2020, 45}, {"rate", "00", 2020, 41}};
    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++) {
        regint_observation_t ob = {o[i].ind, o[i].area, o[i].year, "", {o[i].v, REGINT_MISSING_NONE}};
        ok &= regint_dataset_set_observation(ds, &ob) == REGINT_OK;
    }
    regint_observation_t sup = {"cnt", "5007", 2018, "", {NAN, REGINT_MISSING_SUPPRESSED}};
    regint_observation_t sup2 = {"rate", "5007", 2020, "", {NAN, REGINT_MISSING_SUPPRESSED}};
    ok &= regint_dataset_set_observation(ds, &sup) == REGINT_OK;
    ok &= regint_dataset_set_observation(ds, &sup2) == REGINT_OK;
    if (!ok) {
        fprintf(stderr, "toy dataset: %s\n", regint_last_error());
        regint_dataset_free(ds);
        return NULL;
    }
    return ds;
}

static void test_toy_mapping(void)
{
    regint_dataset *ds = toy();
    CU_ASSERT_FATAL(ds != NULL);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    regint_aggregate_t a;
    /* Split of a count by the successors' population: 100 * 3000/4000 = 75, 100 * 1000/4000 = 25. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5002", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 75, 1e-9);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5003", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 25, 1e-9);
    /* Merge of a count: 10 + 30 = 40. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5006", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 40, 1e-9);
    /* County total on 2020 codes = raw 2019 sum 100 + 10 + 30 + 16 = 156. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "50", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 156, 1e-9);
    /* Split of a rate: both parts keep 50. Merge: (20*1000 + 40*3000) / 4000 = 35. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "rate", "5003", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 50, 1e-9);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "rate", "5006", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 35, 1e-9);
    /* County rate = population-weighted mean of the raw 2019 values:
     * (50*4000 + 20*1000 + 40*3000 + 10*2000) / 10000 = 36. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "rate", "50", 2020, 2019, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 36, 1e-9);
    /* Backwards: 2020 counts on 2019 codes. 5001 = 60 + 20 = 80; 5006's 50 is divided by the
     * 2019 population of 5004 and 5005: 50 * 1000/4000 = 12.5 and 37.5. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5001", 2019, 2020, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 80, 1e-9);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5004", 2019, 2020, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 12.5, 1e-9);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5005", 2019, 2020, NULL, &a), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.value.value, 37.5, 1e-9);
    /* A missing part makes the county missing, the rest is the lower bound: 2018 has only
     * 5007 (suppressed). */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "50", 2020, 2018, NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_SUPPRESSED);
    /* Bad areas. */
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5001", 2020, 2019, NULL, &a), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "5001");
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "5x", 2020, 2019, NULL, &a), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_kb_value(kb, "nope", "50", 2020, 2019, NULL, &a), REGINT_ENOTFOUND);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

static void test_toy_derived(void)
{
    regint_dataset *ds = toy();
    CU_ASSERT_FATAL(ds != NULL);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    regint_kb_series_result *s;
    CU_ASSERT_FATAL(regint_kb_series(kb, "cnt", "5007", 2020, NULL, 2016, 2020, &s) == REGINT_OK);
    CU_ASSERT_EQUAL(s->n, 5);
    CU_ASSERT_EQUAL(s->years[2], 2018);
    CU_ASSERT_EQUAL(s->values[2].value.missing, REGINT_MISSING_SUPPRESSED);
    /* Trend over 2016-2020, present points (2016,10) (2017,12) (2019,16) (2020,20):
     * mean year 2018, mean 14.5; Sxy = (-2)(-4.5)+(-1)(-2.5)+(1)(1.5)+(2)(5.5) = 24; Sxx = 10;
     * slope 2.4 per year. */
    regint_trend_t t;
    CU_ASSERT_EQUAL(regint_kb_series_trend(s, 2020, 5, &t), REGINT_OK);
    CU_ASSERT_EQUAL(t.points, 4);
    CU_ASSERT_DOUBLE_EQUAL(t.slope, 2.4, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(t.intercept + t.slope * 2018, 14.5, 1e-9);
    /* Change: 20 - 16 = 4; from a suppressed year: missing with that reason. */
    regint_value_t c = regint_kb_series_change(s, 2020);
    CU_ASSERT_DOUBLE_EQUAL(c.value, 4, 1e-12);
    c = regint_kb_series_change(s, 2019);
    CU_ASSERT_EQUAL(c.missing, REGINT_MISSING_SUPPRESSED);
    c = regint_kb_series_change(s, 2016); /* no 2015 row */
    CU_ASSERT_EQUAL(c.missing, REGINT_MISSING_UNKNOWN);
    /* One point: no slope, never 0. */
    CU_ASSERT_EQUAL(regint_kb_series_trend(s, 2017, 2, &t), REGINT_OK);
    CU_ASSERT_EQUAL(t.points, 2);
    CU_ASSERT_EQUAL(regint_kb_series_trend(s, 2016, 2, &t), REGINT_OK);
    CU_ASSERT(isnan(t.slope));
    CU_ASSERT_EQUAL(regint_kb_series_trend(s, 2016, 1, &t), REGINT_EINVAL);
    /* Per 1000: 20 / 2000 * 1000 = 10. */
    regint_value_t p;
    CU_ASSERT_EQUAL(regint_kb_per_1000(kb, "5007", 2020, s->values[4].value, &p), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(p.value, 10, 1e-12);
    CU_ASSERT_EQUAL(regint_kb_per_1000(kb, "5007", 2018, s->values[2].value, &p), REGINT_OK);
    CU_ASSERT_EQUAL(p.missing, REGINT_MISSING_SUPPRESSED);
    /* County population 2020: 3000 + 1000 + 4000 + 2000. */
    int64_t pop;
    CU_ASSERT_EQUAL(regint_kb_population(kb, "50", 2020, &pop), REGINT_OK);
    CU_ASSERT_EQUAL(pop, 10000);
    regint_kb_series_result_free(s);

    /* Summary of rate 2020 for 5006 (45): rank among 5002 30, 5003 60, 5006 45 (5007
     * suppressed, not ranked), higher is better -> 2 of 3. County mean: the county value is
     * missing because 5007 is suppressed. Nation: the direct row 41. Change from 2019
     * (merge of 20 and 40 weighted 1000:3000 = 35): 45 - 35 = 10. */
    regint_indicator_summary_t sm;
    CU_ASSERT_EQUAL(regint_kb_summarize(kb, "rate", "5006", 2020, 2020, NULL, 5, &sm), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(sm.value.value.value, 45, 1e-12);
    CU_ASSERT_EQUAL(sm.rank, 2);
    CU_ASSERT_EQUAL(sm.rank_of, 3);
    CU_ASSERT_EQUAL(sm.county.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_DOUBLE_EQUAL(sm.nation.value, 41, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sm.change.value, 10, 1e-9);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

static void test_catalogue(void)
{
    int g[17];
    size_t n;
    CU_ASSERT_EQUAL(regint_kb_sdg_goals("8.5, 10.2,10.c,4", g, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT(g[0] == 4 && g[1] == 8 && g[2] == 10);
    CU_ASSERT_EQUAL(regint_kb_sdg_goals("", g, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(regint_kb_sdg_goals("18.1", g, &n), REGINT_EINVAL);
    CU_ASSERT_EQUAL(regint_kb_sdg_goals("8.", g, &n), REGINT_EINVAL);
    CU_ASSERT_STRING_EQUAL(regint_kb_sdg_goal_name(10, "en"), "Reduced inequalities");
    CU_ASSERT_STRING_EQUAL(regint_kb_sdg_goal_name(5, "nb"), "Likestilling mellom kjønnene");
    CU_ASSERT_STRING_EQUAL(regint_kb_sdg_goal_name(2, "nn"), "Utrydde svolt"); /* the table's nynorsk name (util/i18n.c) */
    CU_ASSERT_STRING_EQUAL(regint_kb_sdg_goal_name(0, "nb"), "");

    /* data/indicators_catalogue.csv: goal 8 tags intro_work_education_share (8.5,10.2) and
     * unemployment_share (8.5); "ledig" matches only unemployment_share. */
    const regint_indicator_t **out;
    regint_kb_find_options q = REGINT_KB_FIND_OPTIONS_INIT;
    q.sdg_goal = 8;
    CU_ASSERT_EQUAL(regint_kb_find_indicators(g_ds, &q, &out, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 2);
    regint_free(out);
    q.sdg_goal = 0;
    q.text = "LEDIG";
    CU_ASSERT_EQUAL(regint_kb_find_indicators(g_ds, &q, &out, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 1);
    if (n == 1)
        CU_ASSERT_STRING_EQUAL(out[0]->id, "unemployment_share");
    regint_free(out);
    q.text = NULL;
    q.level = REGINT_LEVEL_KOMMUNE;
    CU_ASSERT_EQUAL(regint_kb_find_indicators(g_ds, &q, &out, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 2);
    regint_free(out);
    CU_ASSERT_EQUAL(regint_kb_find_indicators(g_ds, NULL, &out, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, regint_dataset_indicator_count(g_ds));
    regint_free(out);
    regint_indicator_t u = {"x", "", "", "percent", "", 0, 0, ""};
    CU_ASSERT_EQUAL(regint_kb_indicator_aggregation(&u), REGINT_AGGREGATE_MEAN);
    u.unit = "persons";
    CU_ASSERT_EQUAL(regint_kb_indicator_aggregation(&u), REGINT_AGGREGATE_SUM);
    u.unit = "per 1000 inhabitants";
    CU_ASSERT_EQUAL(regint_kb_indicator_aggregation(&u), REGINT_AGGREGATE_MEAN);
}

/* ------------------------------------------------------------------------- */
/* Imports                                                                    */

static void test_jsonstat_good(void)
{
    regint_dataset *ds = toy();
    CU_ASSERT_FATAL(ds != NULL);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    size_t before = regint_dataset_observation_count(ds), n = 0;
    /* good.json: Region 5002, 5003, 50; Tid 2020, 2021; ContentsCode rate; values
     * [1, null(":"), 3, 4, 5.5, null("..")]; row-major, Tid fastest. */
    /* 5002 and 5003 have a 2020 rate already: refused when asked to, else replaced. */
    regint_kb_jsonstat_options ref = REGINT_KB_JSONSTAT_OPTIONS_INIT;
    ref.refuse_existing = 1;
    CU_ASSERT_EQUAL(regint_kb_import_jsonstat(kb, ds, KDIR "good.json", &ref, &n), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "good.json: value[0]: observation of 'rate' for '5002' in 2020 is already");
    CU_ASSERT_EQUAL(regint_dataset_observation_count(ds), before);
    CU_ASSERT_EQUAL(regint_kb_import_jsonstat(kb, ds, KDIR "good.json", NULL, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 6);
    CU_ASSERT_EQUAL(regint_dataset_observation_count(ds), before + 4); /* 5002 and 5003 in 2020 replaced */
    regint_value_t v;
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "rate", "5002", 2020, "", &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 1, 0);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "rate", "5002", 2021, "", &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "rate", "5003", 2021, "", &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 4, 0);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "rate", "50", 2020, "", &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 5.5, 0);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "rate", "50", 2021, "", &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_UNKNOWN);

    /* sparse.json: value as an object, status per index, SSB "K-" prefixes, a Kjonn
     * dimension of two categories that becomes the category, indicator given by option. */
    regint_kb_jsonstat_options opt = REGINT_KB_JSONSTAT_OPTIONS_INIT;
    opt.indicator = "cnt";
    CU_ASSERT_EQUAL(regint_kb_import_jsonstat(kb, ds, KDIR "sparse.json", &opt, &n), REGINT_OK);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "cnt", "5002", 2021, "1", &v), REGINT_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.value, 7, 0);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "cnt", "5006", 2021, "2", &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_NOT_APPLICABLE);
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "cnt", "5002", 2021, "2", &v), REGINT_ENOTFOUND); /* cell absent */
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

/* The broken JSON-stat and CSV files of tests/data/knowledge/ are rows of
 * tests/data/bad_inputs.tsv (imported into knowledge/base.json, this file's toy() saved). */
static void test_csv_import(void)
{
    regint_dataset *ds = toy();
    CU_ASSERT_FATAL(ds != NULL);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(ds, &kb) == REGINT_OK);
    size_t before = regint_dataset_observation_count(ds);
    /* good.csv: 3 rows, one suppressed (flag), kept as missing. */
    CU_ASSERT_EQUAL(regint_kb_import_csv(kb, ds, KDIR "good.csv"), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_observation_count(ds), before + 3);
    regint_value_t v;
    CU_ASSERT_EQUAL(regint_dataset_observation(ds, "cnt", "5003", 2021, "", &v), REGINT_OK);
    CU_ASSERT_EQUAL(v.missing, REGINT_MISSING_SUPPRESSED);
    regint_aggregate_t a;
    CU_ASSERT_EQUAL(regint_kb_value(kb, "cnt", "50", 2020, 2021, NULL, &a), REGINT_OK);
    CU_ASSERT_EQUAL(a.value.missing, REGINT_MISSING_SUPPRESSED);
    CU_ASSERT_DOUBLE_EQUAL(a.partial, 9 + 11, 1e-12); /* good.csv: 5002 9, 5006 11 */
    /* The dataset of the knowledge base only. */
    regint_dataset *other = toy();
    CU_ASSERT_EQUAL(regint_kb_import_csv(kb, other, KDIR "good.csv"), REGINT_EINVAL);
    regint_dataset_free(other);
    regint_kb_free(kb);
    regint_dataset_free(ds);
}

static void test_bundled_imports_cleanly(void)
{
    /* The default dataset was built from data/indicators_tidy.csv at build time: every row
     * of the file (read here with the plain CSV reader) is in it, with the same value or the
     * same missing reason, and nothing else. Importing the file again replaces each row by
     * itself: the count does not change. */
    regint__csv *c;
    CU_ASSERT_FATAL(regint__csv_open(DATA("indicators_tidy.csv"), &c) == REGINT_OK);
    int iy = regint__csv_col(c, "year"), ia = regint__csv_col(c, "area"), ii = regint__csv_col(c, "indicator"),
        ic = regint__csv_col(c, "category"), iv = regint__csv_col(c, "value"), ifl = regint__csv_col(c, "flag");
    size_t rows = 0, same = 0;
    while (regint__csv_next(c) == 1) {
        rows++;
        regint_value_t v;
        if (regint_dataset_observation(g_ds, regint__csv_field(c, ii), regint__csv_field(c, ia),
                                       atoi(regint__csv_field(c, iy)), regint__csv_field(c, ic), &v) != REGINT_OK)
            continue;
        const char *val = regint__csv_field(c, iv);
        if (*val ? (v.missing == REGINT_MISSING_NONE && fabs(v.value - atof(val)) < 1e-12)
                 : (v.missing != REGINT_MISSING_NONE && *regint__csv_field(c, ifl)))
            same++;
    }
    regint__csv_close(c);
    CU_ASSERT(rows > 6000);
    CU_ASSERT_EQUAL(same, rows);
    CU_ASSERT_EQUAL(regint_dataset_observation_count(g_ds), rows);
    regint_kb *kb;
    CU_ASSERT_FATAL(regint_kb_new(g_ds, &kb) == REGINT_OK);
    /* Tidy CSV import refuses figures the dataset already holds (all-or-nothing): importing
     * the bundled file again fails on its first data row and changes nothing. */
    CU_ASSERT_EQUAL(regint_kb_import_csv(kb, g_ds, DATA("indicators_tidy.csv")), REGINT_EDUPLICATE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "line 2");
    CU_ASSERT_EQUAL(regint_dataset_observation_count(g_ds), rows);
    regint_kb_free(kb);
}

int main(void)
{
    if (regint_dataset_load_default(&g_ds) != REGINT_OK) {
        fprintf(stderr, "cannot load the default dataset: %s\n", regint_last_error());
        return 1;
    }
    static const test_case tests[] = {
        {"Viken 2022 mapped to 2024 keeps county totals", test_viken_2022_to_2024},
        {"Viken municipalities map one to one", test_viken_municipalities_one_to_one},
        {"Ålesund split divided by population", test_alesund_split},
        {"missing values kept with reason", test_missing_kept},
        {"county-level reform mapping of a rate", test_county_reform_indicator},
        {"codes that ended are left out, absent rows are not", test_ceased_codes},
        {"hand-made merges and splits", test_toy_mapping},
        {"derived figures", test_toy_derived},
        {"catalogue and SDG", test_catalogue},
        {"JSON-stat import", test_jsonstat_good},
        {"CSV import and bad inputs", test_csv_import},
        {"bundled indicators import cleanly", test_bundled_imports_cleanly},
        {NULL, NULL},
    };
    CU_initialize_registry();
    int rc = test_add_suite("indicators", tests) ? 1 : test_run_all();
    regint_dataset_free(g_ds);
    return rc;
}
