/* Issue 15: `regint scenario` and `regint audit` (lib/knowledge/letter.c, lib/settlement/sweep.c).
 *
 * Expected values are independent of the code under test:
 *  - the hand-worked county of tests/data/settlement/scenario_county.json: three municipalities
 *    of 500, 300 and 200 inhabitants, the population alone (tests/data/settlement/
 *    scenario_profile.json: largest remainder, no minimum), total 20. The shares are 0.5, 0.3 and
 *    0.2; by hand, Hamilton gives for the totals 16..24 (80 %..120 %):
 *        16: 8 5 3   17: 9 5 3   18: 9 5 4   19: 9 6 4   20: 10 6 4
 *        21: 11 6 4  22: 11 7 4  23: 11 7 5  24: 12 7 5
 *    (e.g. 19: quotas 9.5 5.7 3.8, floors 9 5 3 = 17, the two places left go to the largest
 *    remainders .8 and .7: Cby and Bby). With one criterion the weight variants (x0.75, x1.25)
 *    renormalise to the same shares: 10 6 4 twice. So over the 11 variants Aby has min 8, median
 *    10 (6th of 8 9 9 9 10 10 10 11 11 11 12), max 12, stability 1 - 4/10 = 0.6; Bby 5, 6, 7,
 *    1 - 2/6; Cby 3, 4, 5, 0.5; house monotone.
 *    The allocation 12 5 3 breaks the quota rule for all three (quotas 10, 6, 4); per 1,000 it is
 *    24, 16.67, 15: Gini = sum|xi - xj| / (2 n^2 mean) = 36 / (2 * 9 * 18.5556) = 0.10778. The
 *    allocation 10 6 4 is 20 per 1,000 everywhere: with a fairness floor of 19 Bby and Cby are
 *    above it, Aby is not reported (its own decision for 2026 is 12 >= 10).
 *  - the sweep against the full engine: every variant re-apportioned from the county scored once
 *    must equal a full regint_settlement_recommend() run with the same total and weights, for
 *    counties 15, 39, 42 and 46 in 2026 (the second implementation is the whole engine).
 *  - a population-monotonicity departure reported for Agder is re-run through the public API:
 *    the two profiles named, the numbers and the change of the score ratio. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <regint/regint.h>

#include "settlement/settlement_internal.h"
#include "test_bundled.h"

#define DATA REGINT_TEST_DIR "/data/settlement/"
#define HANDSET REGINT_TEST_DIR "/../examples/data/profile-handset.json"

static regint_dataset *real;

static cJSON *json_of(regint_status st, char *text)
{
    CU_ASSERT_EQUAL(st, REGINT_OK);
    if (st)
        fprintf(stderr, "\n  %s\n", regint_last_error());
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    regint_free(text);
    CU_ASSERT_PTR_NOT_NULL(j);
    return j;
}

/* The call first (it sets `text`), then its document: a sequence point between the two. */
#define JSON_CALL(call) (call_st = (call), json_of(call_st, text))
static regint_status call_st;

static double num(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static int is_true(const cJSON *o, const char *k)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, k));
}

static void test_hand_worked_scenario(void)
{
    regint_dataset *ds = NULL;
    regint_settlement_profile *p = NULL;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(DATA "scenario_county.json", &ds), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_load_file(DATA "scenario_profile.json", &p), REGINT_OK);
    regint_letter_options o = REGINT_LETTER_OPTIONS_INIT;
    o.total = 20;
    o.profile = p;
    char *text = NULL;
    cJSON *j = JSON_CALL(regint_letter_scenario_json(ds, "98", 2026, &o, &text));
    if (j) {
        CU_ASSERT_EQUAL(num(j, "variants"), 11);
        static const double totals[9] = {16, 17, 18, 19, 20, 21, 22, 23, 24};
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "totals");
        CU_ASSERT_EQUAL(cJSON_GetArraySize(t), 9);
        for (int i = 0; i < 9 && i < cJSON_GetArraySize(t); i++)
            CU_ASSERT_EQUAL(cJSON_GetArrayItem(t, i)->valuedouble, totals[i]);
        static const double want[3][5] = {{10, 8, 10, 12, 0.6}, {6, 5, 6, 7, 1 - 2.0 / 6}, {4, 3, 4, 5, 0.5}};
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "municipalities");
        CU_ASSERT_EQUAL(cJSON_GetArraySize(m), 3);
        for (int k = 0; k < 3 && k < cJSON_GetArraySize(m); k++) {
            const cJSON *r = cJSON_GetArrayItem(m, k);
            CU_ASSERT_EQUAL(num(r, "recommended"), want[k][0]);
            CU_ASSERT_EQUAL(num(r, "min"), want[k][1]);
            CU_ASSERT_EQUAL(num(r, "median"), want[k][2]);
            CU_ASSERT_EQUAL(num(r, "max"), want[k][3]);
            CU_ASSERT_DOUBLE_EQUAL(num(r, "stability"), want[k][4], 1e-12);
        }
    }
    cJSON_Delete(j);

    /* the CSV: the same figures, one row per municipality */
    CU_ASSERT_EQUAL(regint_letter_scenario_csv(ds, "98", 2026, &o, &text), REGINT_OK);
    TEST_ASSERT_CONTAINS(text, "kommunenr,name,asked,recommended,min,median,max,on_bound_share,stability\n");
    TEST_ASSERT_CONTAINS(text, "\n9801,Aby,true,10,8,10,12,0,0.6\n");
    regint_free(text);

    /* the audit of the uneven allocation 12 5 3 */
    o.total = REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS; /* the CSV's sum, 20 */
    o.allocation = DATA "scenario_allocation_uneven.csv";
    o.max_per_1000 = 19;
    j = JSON_CALL(regint_letter_audit_json(ds, "98", 2026, &o, &text));
    if (j) {
        CU_ASSERT_EQUAL(num(j, "total"), 20);
        CU_ASSERT(!is_true(j, "pass"));
        CU_ASSERT(is_true(j, "house_monotone"));
        CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "quota_violations")), 3);
        const cJSON *pc = cJSON_GetObjectItemCaseSensitive(j, "per_1000");
        CU_ASSERT_DOUBLE_EQUAL(num(pc, "min"), 15, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(num(pc, "max"), 24, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(num(pc, "gini"), 36.0 / (2 * 9 * (24 + 5000.0 / 300 + 15) / 3), 1e-12);
        /* Aby is at 24 per 1,000, above 19, but decided 12 itself */
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(j, "max_per_1000");
        CU_ASSERT(is_true(f, "pass"));
    }
    cJSON_Delete(j);

    /* the even allocation 10 6 4 passes the quota rule; the floor of 19 catches Bby and Cby */
    o.allocation = DATA "scenario_allocation_even.csv";
    j = JSON_CALL(regint_letter_audit_json(ds, "98", 2026, &o, &text));
    if (j) {
        CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "quota_violations")), 0);
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(j, "max_per_1000");
        CU_ASSERT(!is_true(f, "pass"));
        const cJSON *above = cJSON_GetObjectItemCaseSensitive(f, "above");
        CU_ASSERT_EQUAL(cJSON_GetArraySize(above), 2);
        if (cJSON_GetArraySize(above) == 2) {
            CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(above, 0)->child->valuestring, "9802");
            CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(above, 1)->child->valuestring, "9803");
        }
        CU_ASSERT(!is_true(j, "pass"));
    }
    cJSON_Delete(j);

    /* the readable table: the letter's section 8 in the language asked for */
    o.lang = REGINT_LANG_NN;
    CU_ASSERT_EQUAL(regint_letter_audit_text(ds, "98", 2026, &o, &text), REGINT_OK);
    TEST_ASSERT_CONTAINS(text, "## 8. Kontroll av fordelinga");
    TEST_ASSERT_CONTAINS(text, "Rettferdsgrense: Bby (20,0), Cby (20,0) blir oppmoda om meir enn 19 per 1000");
    regint_free(text);

    /* a version-1 caller: the struct ends before `allocation`; the new fields are defaults */
    struct {
        int version;
        regint_lang lang;
        int64_t total;
        const regint_settlement_profile *profile;
        int64_t national_need;
        const char *date, *command;
    } v1 = {1, REGINT_LANG_EN, 20, p, 0, NULL, NULL};
    j = JSON_CALL(regint_letter_audit_json(ds, "98", 2026, (const regint_letter_options *)(const void *)&v1, &text));
    if (j) {
        CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(j, "allocation")->valuestring, "recommendation");
        CU_ASSERT(is_true(j, "pass"));
    }
    cJSON_Delete(j);
    regint_settlement_profile_free(p);
    regint_dataset_free(ds);
}

/* A full run with a profile sharing everything with `p` but the weights, each multiplied by
 * mult[c] (NULL: unchanged; the letter's shallow copy); no minors. */
static regint_status copy_run(const char *county, int64_t total, const regint_settlement_profile *p, const double *mult,
                              regint_settlement_recommendation **out)
{
    struct regint_settlement_profile copy = *p;
    regint__criterion *crit = calloc(p->ncrit + 1, sizeof *crit);
    if (!crit)
        return REGINT_ENOMEM;
    memcpy(crit, p->crit, p->ncrit * sizeof *crit);
    for (size_t c = 0; mult && c < p->ncrit; c++)
        crit[c].weight = p->crit[c].weight * mult[c];
    copy.crit = crit;
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = total;
    o.minors = 0;
    o.profile = &copy;
    regint_status st = regint_settlement_recommend(real, county, 2026, &o, out);
    free(crit);
    return st;
}

static regint_status full_run(const char *county, int64_t total, const regint_settlement_profile *p, const double *mult,
                              int64_t *seats, size_t n)
{
    regint_settlement_recommendation *r = NULL;
    regint_status st = copy_run(county, total, p, mult, &r);
    if (!st)
        for (size_t k = 0; k < n && k < regint_settlement_recommendation_count(r); k++)
            seats[k] = regint_settlement_recommendation_row(r, k)->recommended;
    regint_settlement_recommendation_free(r);
    return st;
}

static void test_sweep_equals_full_engine(void)
{
    if (!real) {
        CU_FAIL("no bundled dataset");
        return;
    }
    regint_settlement_profile *p = NULL;
    /* the hand-set profile: its weights are the profile's own, so a variant's weights can be
     * written into a copy of it (the default's are fitted per county and year, issue 14) */
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_load_file(HANDSET, &p), REGINT_OK);
    static const char *const counties[] = {"15", "39", "42", "46"};
    unsigned seed = 12345;
    size_t variants = 0, mismatches = 0;
    for (size_t ci = 0; ci < 4; ci++) {
        regint_settlement_recommendation *base = NULL;
        regint_settlement_recommend_options bo = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
        bo.profile = p;
        CU_ASSERT_EQUAL_FATAL(regint_settlement_recommend(real, counties[ci], 2026, &bo, &base), REGINT_OK);
        int64_t T = regint_settlement_recommendation_total(base);
        size_t n = regint_settlement_recommendation_count(base);
        regint_settlement_recommendation_free(base);
        regint__sweep *sw = NULL;
        CU_ASSERT_EQUAL_FATAL(regint__sweep_new(real, counties[ci], 2026, T, p, &sw), REGINT_OK);
        CU_ASSERT_EQUAL(regint__sweep_count(sw), n);
        int64_t *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
        double *mult = calloc(p->ncrit, sizeof *mult);
        CU_ASSERT_FATAL(a && b && mult);
        for (int v = 0; v < 40; v++) {
            /* totals 70 %..130 % (the first 21), then random weights in [0.5, 1.5] at random totals */
            int64_t t = (int64_t)llround((double)T * (0.7 + 0.03 * (v % 21)));
            const double *m = NULL;
            if (v >= 21) {
                for (size_t c = 0; c < p->ncrit; c++) {
                    seed = seed * 1103515245u + 12345u;
                    mult[c] = 0.5 + (double)((seed >> 8) % 1000) / 1000.0;
                }
                m = mult;
            }
            regint_status s1 = regint__sweep_run(sw, t, m, a, NULL), s2 = full_run(counties[ci], t, p, m, b, n);
            CU_ASSERT_EQUAL(s1, s2);
            variants++;
            if (!s1 && !s2 && memcmp(a, b, n * sizeof *a)) {
                mismatches++;
                fprintf(stderr, "\n  county %s variant %d (total %lld): the sweep differs from the full engine\n",
                        counties[ci], v, (long long)t);
            }
        }
        free(a);
        free(b);
        free(mult);
        regint__sweep_free(sw);
    }
    CU_ASSERT_EQUAL(variants, 160);
    CU_ASSERT_EQUAL(mismatches, 0);
    regint_settlement_profile_free(p);
}

/* Each reported population departure, re-run through the public API with the two profiles it
 * names (weight variants "<criterion> x0.75|x1.25" or "base"). */
static regint_status weights_run(const char *county, const char *variant, const regint_settlement_profile *p,
                                 regint_settlement_recommendation **out)
{
    double *mult = calloc(p->ncrit + 1, sizeof *mult);
    if (!mult)
        return REGINT_ENOMEM;
    for (size_t c = 0; c < p->ncrit; c++) {
        size_t len = strlen(p->crit[c].id);
        mult[c] = !strncmp(variant, p->crit[c].id, len) && variant[len] == ' ' ? (strstr(variant, "x0.75") ? 0.75 : 1.25)
                                                                               : 1.0;
    }
    regint_status st = copy_run(county, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, p, mult, out);
    free(mult);
    return st;
}

static void test_population_departures_rerun(void)
{
    if (!real) {
        CU_FAIL("no bundled dataset");
        return;
    }
    regint_settlement_profile *p = NULL;
    /* the hand-set profile: its weights are the profile's own, so a variant's weights can be
     * written into a copy of it (the default's are fitted per county and year, issue 14) */
    CU_ASSERT_EQUAL_FATAL(regint_settlement_profile_load_file(HANDSET, &p), REGINT_OK);
    size_t checked = 0;
    static const char *const counties[] = {"15", "39", "42", "46"};
    for (size_t ci = 0; ci < 4; ci++) {
        char *text = NULL;
        regint_letter_options lo = REGINT_LETTER_OPTIONS_INIT;
        lo.profile = p;
        cJSON *j = JSON_CALL(regint_letter_audit_json(real, counties[ci], 2026, &lo, &text));
        const cJSON *deps = cJSON_GetObjectItemCaseSensitive(j, "population_departures"), *d;
        CU_ASSERT_EQUAL(is_true(j, "population_monotone"), cJSON_GetArraySize(deps) == 0);
        cJSON_ArrayForEach(d, deps)
        {
            const char *a = cJSON_GetObjectItemCaseSensitive(d, "a")->valuestring,
                       *b = cJSON_GetObjectItemCaseSensitive(d, "b")->valuestring;
            regint_settlement_recommendation *u = NULL, *v = NULL;
            CU_ASSERT_EQUAL_FATAL(weights_run(counties[ci], cJSON_GetObjectItemCaseSensitive(d, "from")->valuestring, p, &u),
                                  REGINT_OK);
            CU_ASSERT_EQUAL_FATAL(weights_run(counties[ci], cJSON_GetObjectItemCaseSensitive(d, "to")->valuestring, p, &v),
                                  REGINT_OK);
            const regint_settlement_recommendation_row_t *ua = NULL, *ub = NULL, *va = NULL, *vb = NULL;
            for (size_t k = 0; k < regint_settlement_recommendation_count(u); k++) {
                const regint_settlement_recommendation_row_t *ru = regint_settlement_recommendation_row(u, k),
                                                             *rv = regint_settlement_recommendation_row(v, k);
                if (!strcmp(ru->kommunenr, a))
                    ua = ru, va = rv;
                if (!strcmp(ru->kommunenr, b))
                    ub = ru, vb = rv;
            }
            CU_ASSERT_FATAL(ua && ub && va && vb);
            /* A's score grew relative to B's, yet A lost a place and B gained one */
            CU_ASSERT(va->score / vb->score > ua->score / ub->score);
            CU_ASSERT(va->recommended < ua->recommended);
            CU_ASSERT(vb->recommended > ub->recommended);
            CU_ASSERT_EQUAL(num(d, "a_from"), ua->recommended);
            CU_ASSERT_EQUAL(num(d, "b_to"), vb->recommended);
            checked++;
            regint_settlement_recommendation_free(u);
            regint_settlement_recommendation_free(v);
        }
        cJSON_Delete(j);
    }
    printf("\n  population departures re-run: %zu\n", checked);
    regint_settlement_profile_free(p);
}

/* regint_letter_options_init(opts, 1) from a caller compiled against version 1: its struct ends
 * before `allocation`, and nothing past that may be written (the canary after it stays). */
static void test_options_init_version_1(void)
{
    size_t v1 = offsetof(regint_letter_options, allocation);
    unsigned char buf[sizeof(regint_letter_options) + 16];
    memset(buf, 0xA5, sizeof buf);
    regint_letter_options *o = (regint_letter_options *)(void *)buf;
    CU_ASSERT_EQUAL(regint_letter_options_init(o, 1), REGINT_OK);
    CU_ASSERT_EQUAL(o->version, 1);
    CU_ASSERT_EQUAL(o->total, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS);
    size_t touched = 0;
    for (size_t i = v1; i < sizeof buf; i++)
        touched += buf[i] != 0xA5;
    CU_ASSERT_EQUAL(touched, 0);
    regint_letter_options cur;
    CU_ASSERT_EQUAL(regint_letter_options_init(&cur, REGINT_LETTER_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_PTR_NULL(cur.allocation);
    CU_ASSERT_EQUAL(cur.alt_profile_count, 0);
    CU_ASSERT_EQUAL(regint_letter_options_init(&cur, 3), REGINT_EVERSION);
}

int main(void)
{
    static const test_case tests[] = {
        {"hand-worked county: min/median/max, stability, quota rule, Gini, fairness floor", test_hand_worked_scenario},
        {"sweep = full engine for 160 variants of counties 15, 39, 42, 46 (2026)", test_sweep_equals_full_engine},
        {"population departures re-run through the public API", test_population_departures_rerun},
        {"regint_letter_options_init for a version-1 caller writes only its members", test_options_init_version_1},
        {NULL, NULL}};
    return test_main_bundled(&real, "scenario and audit (issue 15)", tests);
}
