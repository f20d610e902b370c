/* The streaming reader of a matching instance's "scores" (regint__match_instance_load_streamed,
 * the fast path of regint_match_instance_load_string). Expected values are written by hand
 * or are the doubles the test printed itself with %.17g (which read back exactly); documents
 * the reader declines must still load, or fail with the whole-document parse's message. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "matching/matching_internal.h"
#include "test_util.h"

static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* Both loaders give the instance with these scores. */
static void check_scores(const char *doc, size_t n, size_t m, const double *want)
{
    regint_match_instance *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(regint__match_instance_load_streamed(doc, strlen(doc), "s.json", &a), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_match_instance_load_string(doc, strlen(doc), "s.json", &b), REGINT_OK);
    CU_ASSERT_EQUAL(a->n_cases, n);
    CU_ASSERT_EQUAL(a->n_munis, m);
    CU_ASSERT_EQUAL(b->n_cases, n);
    for (size_t i = 0; i < n * m && a->n_cases == n && a->n_munis == m; i++) {
        CU_ASSERT(same_double(a->scores[i], want[i]));
        CU_ASSERT(same_double(b->scores[i], want[i]));
    }
    regint_match_instance_free(a);
    regint_match_instance_free(b);
}

static void test_streamed_values(void)
{
    /* JSON number forms, null, white space, scores before the capacities, ids and sizes. */
    static const double w1[] = {0, -0.0, 12, -3.5, 1e3, 2.5e-1, NAN, 123456789012345, 1234567890123456, -7};
    check_scores("{\"scores\" : [ [0, -0, 12, -3.5, 1E3] ,\n\t[2.5e-1,null,123456789012345,1234567890123456,-7]\r\n ],"
                 " \"capacity_unit\": \"cases\", \"capacities\": [1, 1, 1, 1, 1], \"ids\": [\"a\", \"b\"]}",
                 2, 5, w1);
    static const double w2[] = {1, 2, 3};
    check_scores("{\"capacity_unit\":\"persons\",\"sizes\":[1,2,3],\"capacities\":[9],\"scores\":[[1],[2],[3]]}", 3, 1,
                 w2);
    /* No cases. */
    check_scores("{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": []}", 0, 1, NULL);
}

/* A larger random document: every double printed with %.17g reads back exactly. */
static void test_streamed_random(void)
{
    size_t n = 300, m = 17;
    double *want = malloc(n * m * sizeof *want);
    char *doc = malloc(n * m * 32 + 256);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    size_t len = (size_t)sprintf(doc, "{\"capacity_unit\": \"cases\", \"must_assign_all\": false, \"scores\": [");
    srand(17);
    for (size_t c = 0; c < n; c++) {
        len += (size_t)sprintf(doc + len, "%s[", c ? ",\n" : "");
        for (size_t j = 0; j < m; j++) {
            int r = rand() % 4;
            double v = r == 0 ? NAN : r == 1 ? (double)(rand() % 2001 - 1000) : (rand() - RAND_MAX / 2) / 977.0;
            want[c * m + j] = v;
            if (isnan(v))
                len += (size_t)sprintf(doc + len, "%snull", j ? ", " : "");
            else
                len += (size_t)sprintf(doc + len, "%s%.17g", j ? ", " : "", v);
        }
        doc[len++] = ']';
    }
    len += (size_t)sprintf(doc + len, "], \"capacities\": [");
    for (size_t j = 0; j < m; j++)
        len += (size_t)sprintf(doc + len, "%s%zu", j ? "," : "", j);
    sprintf(doc + len, "]}");
    check_scores(doc, n, m, want);
    free(doc);
    free(want);
}

/* Text the streaming reader declines: the whole-document parse takes over, so valid
 * documents still load and broken ones fail with its message and place. */
static void test_declined(void)
{
    static const struct {
        const char *text, *msg; /* msg NULL: loads */
        double first;
    } cases[] = {
        /* valid JSON the reader leaves to cJSON: an escaped key */
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"sc\\u006fres\": [[4]]}", NULL, 4},
        /* a leading zero, which cJSON takes (as 1) but JSON does not */
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[01]]}", NULL, 1},
        /* broken */
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1], [\"x\"]]}", "s.json: scores[1][0]: expected a number or null", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1, 2], \"scores\": [[1]]}", "s.json: scores[0]: has 1 scores but there are 2", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1,]]}", "s.json: line 1, column", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1e999]]}", "is out of range", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[9007199254740993]]}", "beyond 2^53", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [1]}", "s.json: scores[0]: expected an array", 0},
        {"{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1]], \"scores\": [[2]]}", "scores", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        regint_match_instance *a = NULL, *b = NULL;
        CU_ASSERT_NOT_EQUAL(regint__match_instance_load_streamed(t, strlen(t), "s.json", &a), REGINT_OK);
        CU_ASSERT_PTR_NULL(a);
        regint_status st = regint_match_instance_load_string(t, strlen(t), "s.json", &b);
        if (!cases[i].msg) {
            CU_ASSERT_EQUAL(st, REGINT_OK);
            if (b)
                CU_ASSERT_EQUAL(b->scores[0], cases[i].first);
        } else {
            CU_ASSERT_NOT_EQUAL(st, REGINT_OK);
            CU_ASSERT_PTR_NULL(b);
            if (!strstr(regint_last_error(), cases[i].msg))
                fprintf(stderr, "case %zu: \"%s\" lacks \"%s\"\n", i, regint_last_error(), cases[i].msg);
            CU_ASSERT_PTR_NOT_NULL(strstr(regint_last_error(), cases[i].msg));
        }
        regint_match_instance_free(b);
    }
}

int main(void)
{
    static const test_case tests[] = {
        {"streamed scores: number forms, order, ids, sizes", test_streamed_values},
        {"streamed scores: random doubles read back exactly", test_streamed_random},
        {"declined text: whole-document parse and its messages", test_declined},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("match load", tests))
        return 2;
    return test_run_all();
}
