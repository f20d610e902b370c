/* Concurrent reads of one knowledge base (issue 16, "Also"): the queries take a const handle
 * and fill the knowledge base's caches (code correspondence, population weights, rows per
 * series) as they go. Four threads run the same mixed queries, in different orders, on one
 * knowledge base whose caches start cold, and every answer must equal the one a private
 * knowledge base gave single-threaded first. The same source is built a second time with
 * -fsanitize=thread against a ThreadSanitizer build of the library (tests/tsan.cmake:
 * c_kb_threads_tsan), which fails on any data race. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdint.h>

#include "regint/regint.h"
#include "test_util.h"

#define NTHREADS 4

typedef struct query {
    const char *area;
    int year;
    int kind; /* 0 settlement request, 1 settlement settled, 2 population mapped, 3 series */
    double want, want_partial;
    int want_missing;
    size_t want_n;
} query;

static query *g_q;
static size_t g_nq;
static regint_kb *g_kb;
static regint_dataset *g_ds;

static void answer(const regint_kb *kb, const query *q, double *v, double *partial, int *missing, size_t *n)
{
    regint_aggregate_t a;
    memset(&a, 0, sizeof a);
    regint_status st = REGINT_OK;
    *n = 0;
    if (q->kind == 0 || q->kind == 1) {
        st = regint_kb_settlement(kb, q->area, 2024, q->year, q->kind ? REGINT_MEASURE_SETTLED : REGINT_MEASURE_REQUEST,
                                  REGINT_CATEGORY_ALL, &a);
    } else if (q->kind == 2) {
        st = regint_kb_population_mapped(kb, q->area, 2024, q->year, &a);
    } else {
        regint_kb_series_result *s = NULL;
        st = regint_kb_settlement_series(kb, q->area, 2024, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, 2015, 2024,
                                         &s);
        if (!st && s) {
            *n = s->n;
            a = s->n ? s->values[s->n - 1] : a;
        }
        regint_kb_series_result_free(s);
    }
    *v = st ? -1.0 : a.value.value;
    *partial = st ? -1.0 : a.partial;
    *missing = st ? -(int)st : (int)a.value.missing;
}

static int same(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void *worker(void *arg)
{
    size_t id = (size_t)(uintptr_t)arg, bad = 0;
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < g_nq; k++) {
            const query *q = &g_q[(k * (2 * id + 1) + id) % g_nq]; /* each thread its own order */
            double v, p;
            int m;
            size_t n;
            answer(g_kb, q, &v, &p, &m, &n);
            if (!same(v, q->want) || !same(p, q->want_partial) || m != q->want_missing || n != q->want_n)
                bad++;
        }
    return (void *)(uintptr_t)bad;
}

static void test_concurrent_queries(void)
{
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_default(&g_ds), REGINT_OK);
    const regint_county_t **c = NULL;
    size_t nc = 0;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_counties_in(g_ds, 2024, &c, &nc), REGINT_OK);
    CU_ASSERT_FATAL(nc > 5);
    g_nq = nc * 4 * 3;
    g_q = calloc(g_nq, sizeof *g_q);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g_q);
    size_t k = 0;
    static const int years[] = {2018, 2020, 2023};
    for (size_t i = 0; i < nc; i++)
        for (int kind = 0; kind < 4; kind++)
            for (int y = 0; y < 3; y++)
                g_q[k++] = (query){c[i]->fylkesnr, kind == 2 ? 2024 - y : years[y], kind, 0, 0, 0, 0};
    regint_free((void *)c);
    /* The answers of a private knowledge base, one thread. */
    regint_kb *ref;
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(g_ds, &ref), REGINT_OK);
    size_t answered = 0;
    for (k = 0; k < g_nq; k++) {
        answer(ref, &g_q[k], &g_q[k].want, &g_q[k].want_partial, &g_q[k].want_missing, &g_q[k].want_n);
        answered += g_q[k].want_missing >= 0; /* a status other than OK is stored negated */
        if (getenv("KBT_DEBUG"))
            printf("%s %d %d: %g %g %d %zu\n", g_q[k].area, g_q[k].year, g_q[k].kind, g_q[k].want,
                   g_q[k].want_partial, g_q[k].want_missing, g_q[k].want_n);
    }
    regint_kb_free(ref);
    CU_ASSERT(answered > g_nq * 3 / 4); /* the queries do find figures */
    CU_ASSERT_EQUAL_FATAL(regint_kb_new(g_ds, &g_kb), REGINT_OK);
    /* POSIX threads, not C11 <threads.h>: glibc's thrd_create bypasses ThreadSanitizer's
     * interceptor, and the sanitized build then crashes on the new thread's first call. */
    pthread_t t[NTHREADS];
    for (size_t i = 0; i < NTHREADS; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)i), 0);
    for (size_t i = 0; i < NTHREADS; i++) {
        void *bad = (void *)1;
        pthread_join(t[i], &bad);
        CU_ASSERT_EQUAL((uintptr_t)bad, 0);
    }
    regint_kb_free(g_kb);
    regint_dataset_free(g_ds);
    free(g_q);
}

int main(void)
{
    static const test_case tests[] = {{"concurrent queries on one knowledge base", test_concurrent_queries},
                                      {NULL, NULL}};
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("kb_threads", tests))
        return 1;
    return test_run_all();
}
