/* Concurrent recommendations with the fitted default (issue 17, goal 4): the fit is read from
 * the snapshot's stored fit (no lock) or from the process's one cached fit, which is built
 * without the lock and swapped under it (lib/settlement/fitted.c). Four threads recommend on
 * three datasets at once -- the bundled one loaded from its snapshot, the same loaded from the
 * JSON, and a changed copy, whose fits differ, so the cache is replaced again and again --
 * and every answer must equal the one the same query gave single-threaded first. The same
 * source is built a second time with -fsanitize=thread against a ThreadSanitizer build of the
 * library (tests/tsan.cmake: c_recommend_threads_tsan), which fails on any data race. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/regint.h"
#include "test_util.h"

#define NTHREADS 4

typedef struct query {
    int ds; /* 0 snapshot, 1 JSON, 2 changed */
    const char *county;
    int year;
    int64_t total; /* REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS or a total */
    char *want;
} query;

static regint_dataset *g_ds[3];
static query g_q[] = {
    {0, "39", 2026, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, NULL},
    {1, "39", 2026, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, NULL},
    {2, "39", 2026, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, NULL},
    {0, "00", 2025, REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, NULL},
    {1, "15", 2027, 120, NULL},
    {2, "15", 2027, 120, NULL},
};
#define NQ (sizeof g_q / sizeof *g_q)

/* The recommendation as JSON text, NULL on failure. */
static char *ask(const query *q)
{
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = q->total;
    regint_settlement_recommendation *r = NULL;
    char *json = NULL;
    if (regint_settlement_recommend(g_ds[q->ds], q->county, q->year, &o, &r) == REGINT_OK)
        (void)regint_settlement_recommendation_to_json(r, &json);
    regint_settlement_recommendation_free(r);
    return json;
}

static void *worker(void *arg)
{
    size_t t = (size_t)(uintptr_t)arg, *bad = calloc(1, sizeof *bad);
    for (size_t k = 0; k < NQ && bad; k++) {
        const query *q = &g_q[(k + t * 5) % NQ]; /* each thread in its own order */
        char *got = ask(q);
        *bad += !got || strcmp(got, q->want) != 0;
        regint_free(got);
    }
    return bad;
}

static void test_concurrent_fits(void)
{
    CU_ASSERT_FATAL(regint_dataset_load_default(&g_ds[0]) == REGINT_OK);
    const char *path = regint_dataset_default_path();
    CU_ASSERT_FATAL(path != NULL);
    CU_ASSERT_FATAL(regint_dataset_load_file(path, &g_ds[1]) == REGINT_OK);
    CU_ASSERT_FATAL(regint_dataset_load_file(path, &g_ds[2]) == REGINT_OK);
    /* the changed copy: one request of county 39 in 2024 and one of county 15 in 2025 raised */
    const char *pre[] = {"39", "15"};
    const int yr[] = {2024, 2025};
    for (int c = 0; c < 2; c++)
        for (size_t i = 0; i < regint_dataset_settlement_count(g_ds[2]); i++) {
            regint_settlement_t s = *regint_dataset_settlement_at(g_ds[2], i);
            if (s.year == yr[c] && s.measure == REGINT_MEASURE_REQUEST && s.category == REGINT_CATEGORY_ALL &&
                !strncmp(s.kommunenr, pre[c], 2) && s.value.missing == REGINT_MISSING_NONE) {
                s.value.value += 40;
                CU_ASSERT_FATAL(regint_dataset_set_settlement(g_ds[2], &s) == REGINT_OK);
                break;
            }
        }
    for (size_t k = 0; k < NQ; k++) {
        g_q[k].want = ask(&g_q[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g_q[k].want);
    }
    /* the changed copy's answers differ: its fit is its own */
    CU_ASSERT(strcmp(g_q[1].want, g_q[2].want) != 0);
    CU_ASSERT(strcmp(g_q[4].want, g_q[5].want) != 0);
    CU_ASSERT_STRING_EQUAL(g_q[0].want, g_q[1].want);
    pthread_t th[NTHREADS];
    for (size_t t = 0; t < NTHREADS; t++)
        CU_ASSERT_FATAL(pthread_create(&th[t], NULL, worker, (void *)(uintptr_t)t) == 0);
    size_t bad = 0;
    for (size_t t = 0; t < NTHREADS; t++) {
        void *r = NULL;
        pthread_join(th[t], &r);
        bad += r ? *(size_t *)r : 1;
        free(r);
    }
    CU_ASSERT_EQUAL(bad, 0);
    for (size_t k = 0; k < NQ; k++)
        regint_free(g_q[k].want);
    for (int i = 0; i < 3; i++)
        regint_dataset_free(g_ds[i]);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"four threads recommend with the fitted default on three datasets", test_concurrent_fits},
        {NULL, NULL},
    };
    if (test_add_suite("recommend_threads", tests))
        return 1;
    return test_run_all();
}
