/* Tests of county reports: content checked against IMDi's published county totals and raw
 * CSV sums, self-containment of the HTML, atomic files, bad options. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <regint/regint.h>

#include "util/fileio.h"
#include "test_util.h"

#define EXAMPLE_PLAN REGINT_TEST_DIR "/../examples/data/plan-vestfold.json"

static regint_dataset *g_ds;

static void test_vestfold(void)
{
    regint_plan *plan;
    CU_ASSERT_FATAL(regint_plan_load_file(EXAMPLE_PLAN, &plan) == REGINT_OK);
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    const char *cty = "39"; /* the county is a parameter since 0.2.0 */
    opt.year = 2026;
    opt.plan = plan;
    char *md = NULL, *html = NULL;
    CU_ASSERT_FATAL(regint_report_render(g_ds, cty, REGINT_REPORT_MARKDOWN, &opt, &md) == REGINT_OK);
    CU_ASSERT_FATAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &html) == REGINT_OK);
    TEST_ASSERT_CONTAINS(md, "# Kunnskapsgrunnlag for integrering – Vestfold (39), 2026");
    /* IMDi's own county totals for Vestfold (imdi_bosetting_fylke_2024_2026.csv):
     * 2024 anmodning 980, vedtak 639, bosatt 633; 2025 322 / 380 / 346. */
    TEST_ASSERT_CONTAINS(md, "| 2024 | 980 | 639 | 633 |");
    TEST_ASSERT_CONTAINS(md, "| 2025 | 322 | 380 | 346 |");
    /* Ten years of history: 2017 .. 2026. */
    TEST_ASSERT_CONTAINS(md, "| 2017 |");
    CU_ASSERT(strstr(md, "| 2016 |") == NULL);
    /* Municipalities of 2026 (six in Vestfold, kommuner_2024.csv) with the latest population,
     * 1.1.2026 (data/kommune_folkemengde_2005_2026.csv, SSB 07459, row "2026,3905,60246"):
     * 3905 Tønsberg 60 246 (U+00A0 as the thousands separator). */
    TEST_ASSERT_CONTAINS(md, "| 3905 Tønsberg | 60\xC2\xA0" "246 |");
    /* Plan section with the example marker and the three goals; SDG overview. */
    TEST_ASSERT_CONTAINS(md, "EKSEMPEL");
    TEST_ASSERT_CONTAINS(md, "M3 Øke inkluderingen i arbeidslivet");
    TEST_ASSERT_CONTAINS(md, "bak planen"); /* unemployment: behind, see test_qualification.c */
    TEST_ASSERT_CONTAINS(md, "## Bærekraftsmål");
    TEST_ASSERT_CONTAINS(md, "| 10 Mindre ulikhet |");
    /* Tables come before the first chart. */
    CU_ASSERT(strstr(md, "| År |") < strstr(md, "<svg"));
    /* HTML: one self-contained page: inline SVG, no scripts, no external resources. */
    CU_ASSERT(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    TEST_ASSERT_CONTAINS(html, "<svg");
    TEST_ASSERT_CONTAINS(html, "<td class=\"behind\">bak planen</td>");
    CU_ASSERT(strstr(html, "<script") == NULL);
    CU_ASSERT(strstr(html, "src=") == NULL);
    CU_ASSERT(strstr(html, "href=") == NULL);
    CU_ASSERT(strstr(html, "<link") == NULL);
    CU_ASSERT(strstr(html, "</html>\n") != NULL);
    /* Both formats carry the same figure. */
    TEST_ASSERT_CONTAINS(html, "<td>2024</td><td class=\"r\">980</td><td class=\"r\">639</td><td class=\"r\">633</td>");
    /* Without charts: no SVG. */
    char *plain = NULL;
    opt.charts = 0;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &plain), REGINT_OK);
    CU_ASSERT(plain && strstr(plain, "<svg") == NULL);
    regint_free(plain);
    regint_free(md);
    regint_free(html);
    regint_plan_free(plan);
}

static void test_viken_2022(void)
{
    /* Viken (30) exists 2020-2023 only. */
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    const char *cty = "30"; /* the county is a parameter since 0.2.0 */
    opt.year = 2026;
    char *md = NULL;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_MARKDOWN, &opt, &md), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "county 30 (Viken) does not exist in 2026 (valid 2020–2023)");
    CU_ASSERT(md == NULL);
    opt.year = 2022;
    CU_ASSERT_FATAL(regint_report_render(g_ds, cty, REGINT_REPORT_MARKDOWN, &opt, &md) == REGINT_OK);
    /* 2022 anmodning of Viken's municipalities: raw rows of imdi_bosetting_1995_2023.csv with
     * codes 30xx sum to 5 765 (summed with a script over the file; the test in
     * test_indicators.c sums the rows in C). */
    TEST_ASSERT_CONTAINS(md, "| 2022 | 5\xC2\xA0" "765 |");
    TEST_ASSERT_CONTAINS(md, "Datasettet har ingen plan for kvalifisering for Viken");
    regint_free(md);
}

static void test_write_files(void)
{
    char dir[] = "/tmp/regint-report-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    const char *cty = "03"; /* the county is a parameter since 0.2.0 */
    opt.year = 2025;
    opt.history_years = 3;
    char *mdp = NULL, *htp = NULL, *md = NULL;
    CU_ASSERT_FATAL(regint_report_write(g_ds, cty, dir, &opt, &mdp, &htp) == REGINT_OK);
    char want[512];
    snprintf(want, sizeof want, "%s/fylke-03-2025.md", dir);
    CU_ASSERT_STRING_EQUAL(mdp, want);
    snprintf(want, sizeof want, "%s/fylke-03-2025.html", dir);
    CU_ASSERT_STRING_EQUAL(htp, want);
    char *file = NULL;
    size_t len = 0;
    CU_ASSERT_FATAL(regint__read_file(mdp, &file, &len) == REGINT_OK);
    CU_ASSERT_FATAL(regint_report_render(g_ds, cty, REGINT_REPORT_MARKDOWN, &opt, &md) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(file, md);
    /* history_years 3: 2023..2025 only. */
    TEST_ASSERT_CONTAINS(md, "## Bosetting av flyktninger 2023–2025");
    free(file);
    regint_free(md);
    unlink(mdp);
    unlink(htp);
    rmdir(dir);
    regint_free(mdp);
    regint_free(htp);
    /* A directory that does not exist: EIO, nothing written. */
    CU_ASSERT_EQUAL(regint_report_write(g_ds, cty, "/nonexistent-dir/x", &opt, NULL, NULL), REGINT_EIO);
}

static void test_bad_options(void)
{
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    const char *cty = NULL; /* the county is a parameter since 0.2.0 */
    char *out = NULL;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &out), REGINT_EINVAL); /* no county */
    cty = "3";
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &out), REGINT_EINVAL);
    cty = "77";
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &out), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "no county '77'");
    cty = "03";
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, (regint_report_format)7, &opt, &out), REGINT_EINVAL);
    opt.version = 99;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &out), REGINT_EVERSION);
    CU_ASSERT(out == NULL);
    /* A plan for another dataset's indicator is refused before anything is written. */
    regint_plan_info_t info = {"p", "Plan", "03", 2024, 2028, 0, 0, ""};
    regint_plan *p;
    CU_ASSERT_FATAL(regint_plan_new(&info, &p) == REGINT_OK);
    regint_plan_goal_t g = {"M1", "Mål", "", ""};
    regint_plan_indicator_t in = {"M1", "nope", "", "", 2024, 1, 2028, 2};
    CU_ASSERT(regint_plan_add_goal(p, &g) == REGINT_OK && regint_plan_add_indicator(p, &in) == REGINT_OK);
    opt.version = REGINT_REPORT_OPTIONS_VERSION;
    opt.plan = p;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, cty, REGINT_REPORT_HTML, &opt, &out), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown indicator 'nope'");
    regint_plan_free(p);
}

/* Count the lines of `s` that start with `prefix` (table rows "|", headings "#"). */
static size_t count_lines(const char *s, const char *prefix)
{
    size_t n = 0, l = strlen(prefix);
    for (const char *p = s; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        n += strncmp(p, prefix, l) == 0;
    return n;
}

/* nb, nn and en: the same report (same tables, headings and charts), words from the language,
 * numbers as its readers write them. Expected texts: IMDi's county totals for Vestfold 2024
 * (980 / 639 / 633, as test_vestfold), Tønsberg's 60 246 on 1.1.2026 (SSB 07459), and the
 * words of docs/glossary.md. */
static void test_languages(void)
{
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    opt.year = 2026;
    CU_ASSERT_EQUAL(opt.lang, REGINT_LANG_NB); /* the default is bokmål */
    char *md[REGINT_LANG_COUNT] = {NULL}, *html[REGINT_LANG_COUNT] = {NULL};
    for (int l = 0; l < REGINT_LANG_COUNT; l++) {
        opt.lang = (regint_lang)l;
        CU_ASSERT_FATAL(regint_report_render(g_ds, "39", REGINT_REPORT_MARKDOWN, &opt, &md[l]) == REGINT_OK);
        CU_ASSERT_FATAL(regint_report_render(g_ds, "39", REGINT_REPORT_HTML, &opt, &html[l]) == REGINT_OK);
        TEST_ASSERT_CONTAINS(md[l], "| 2024 | 980 | 639 | 633 |");
    }
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NB], "## Bosetting av flyktninger 2017–2026");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NN], "## Busetjing av flyktningar 2017–2026");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_EN], "## Settlement of refugees 2017–2026");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NN], "### Kommunane i 2026");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NN], "| 3905 Tønsberg | 60\xC2\xA0" "246 |");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_EN], "| 3905 Tønsberg | 60,246 |");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NN], "## Berekraftsmål");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_EN], "| 10 Reduced inequalities |");
    /* Indicator names from the table (the catalogue's name_en in English). */
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_EN], "| Share in work or education after the introduction programme |");
    TEST_ASSERT_CONTAINS(md[REGINT_LANG_NN], "| Del i arbeid eller utdanning etter introduksjonsprogrammet |");
    CU_ASSERT(strstr(md[REGINT_LANG_NN], "ikke ") == NULL);
    CU_ASSERT(strstr(md[REGINT_LANG_EN], "Bosatt") == NULL);
    /* The chart speaks the language too. */
    TEST_ASSERT_CONTAINS(html[REGINT_LANG_NN], "<html lang=\"nn\">");
    TEST_ASSERT_CONTAINS(html[REGINT_LANG_EN], "<html lang=\"en\">");
    TEST_ASSERT_CONTAINS(html[REGINT_LANG_NN], "<text x=\"80\" y=\"38\">Oppmoding</text>");
    TEST_ASSERT_CONTAINS(html[REGINT_LANG_EN], "<title>Settlement in Vestfold 2017–2026 (persons)</title>");
    /* Same structure: as many table rows, headings and charts in each language. */
    for (int l = 1; l < REGINT_LANG_COUNT; l++) {
        CU_ASSERT_EQUAL(count_lines(md[l], "|"), count_lines(md[0], "|"));
        CU_ASSERT_EQUAL(count_lines(md[l], "#"), count_lines(md[0], "#"));
        CU_ASSERT_EQUAL(count_lines(html[l], "<svg"), count_lines(html[0], "<svg"));
    }
    CU_ASSERT(count_lines(md[0], "|") > 20);
    /* A caller compiled against version 1 has no `lang` member: bokmål, whatever follows. */
    regint_report_options v1 = opt;
    v1.version = 1;
    v1.lang = REGINT_LANG_EN;
    char *old = NULL;
    CU_ASSERT_FATAL(regint_report_render(g_ds, "39", REGINT_REPORT_MARKDOWN, &v1, &old) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(old, md[REGINT_LANG_NB]);
    regint_free(old);
    /* A language out of range: EINVAL naming the allowed values, nothing written. */
    opt.lang = (regint_lang)7;
    char *out = NULL;
    CU_ASSERT_EQUAL(regint_report_render(g_ds, "39", REGINT_REPORT_MARKDOWN, &opt, &out), REGINT_EINVAL);
    TEST_ASSERT_CONTAINS(regint_last_error(), "language 7: expected 0 (nb, bokmål), 1 (nn, nynorsk) or 2 (en, English)");
    CU_ASSERT(out == NULL);
    for (int l = 0; l < REGINT_LANG_COUNT; l++) {
        regint_free(md[l]);
        regint_free(html[l]);
    }
}

/* regint_report_write() in nynorsk: the file names carry the language. */
static void test_write_nn(void)
{
    char dir[] = "/tmp/regint-report-nn-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    opt.year = 2026;
    opt.lang = REGINT_LANG_NN;
    char *mp = NULL, *hp = NULL;
    CU_ASSERT_FATAL(regint_report_write(g_ds, "15", dir, &opt, &mp, &hp) == REGINT_OK);
    char want[128];
    snprintf(want, sizeof want, "%s/fylke-15-2026-nn.md", dir);
    CU_ASSERT_STRING_EQUAL(mp, want);
    snprintf(want, sizeof want, "%s/fylke-15-2026-nn.html", dir);
    CU_ASSERT_STRING_EQUAL(hp, want);
    char *text = NULL;
    size_t len = 0;
    CU_ASSERT_FATAL(regint__read_file(mp, &text, &len) == REGINT_OK);
    TEST_ASSERT_CONTAINS(text, "# Kunnskapsgrunnlag for integrering – Møre og Romsdal (15), 2026");
    TEST_ASSERT_CONTAINS(text, "| Kommunar i 2026 | 27 |");
    free(text);
    unlink(mp);
    unlink(hp);
    rmdir(dir);
    regint_free(mp);
    regint_free(hp);
}

int main(void)
{
    if (regint_dataset_load_default(&g_ds) != REGINT_OK) {
        fprintf(stderr, "cannot load the default dataset: %s\n", regint_last_error());
        return 1;
    }
    static const test_case tests[] = {
        {"Vestfold 2026 with the example plan", test_vestfold},
        {"Viken on its own codes in 2022", test_viken_2022},
        {"write both files atomically", test_write_files},
        {"bad options", test_bad_options},
        {"bokmål, nynorsk and English", test_languages},
        {"write the nynorsk report", test_write_nn},
        {NULL, NULL},
    };
    CU_initialize_registry();
    int rc = test_add_suite("report", tests) ? 1 : test_run_all();
    regint_dataset_free(g_ds);
    return rc;
}
