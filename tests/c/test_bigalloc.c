/* Work blocks kept between calls (lib/util/bigalloc.h, regint__work_get/put): a block given
 * back is handed out again (to any thread), never to two callers at once, never more than the
 * documented 256 MiB are kept, and small blocks work the same way through malloc. Also built
 * with -fsanitize=thread (tests/tsan.cmake: c_bigalloc_tsan), which fails on a data race. */
#define _DEFAULT_SOURCE /* mincore */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util/bigalloc.h"
#include "test_util.h"

#define MIB ((size_t)1 << 20)

static void test_reused(void)
{
    unsigned char *a = regint__work_get(10 * MIB);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT((uintptr_t)a % 64 == 0);
    memset(a, 0x5a, 10 * MIB); /* the whole block is usable */
    regint__work_put(a);
    unsigned char *b = regint__work_get(10 * MIB);
    CU_ASSERT_PTR_EQUAL(b, a); /* the same block again: no new mapping, no page faults */
    unsigned char *c = regint__work_get(10 * MIB);
    CU_ASSERT(c != NULL && c != b); /* one block to one caller at a time */
    regint__work_put(b);
    regint__work_put(c);
    /* a smaller request takes a kept block of at least its size */
    unsigned char *d = regint__work_get(3 * MIB);
    CU_ASSERT(d == a || d == c);
    regint__work_put(d);
}

static void *in_thread(void *arg)
{
    return regint__work_get(*(size_t *)arg);
}

static void test_other_thread(void)
{
    size_t bytes = 20 * MIB;
    void *a = regint__work_get(bytes), *b = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    regint__work_put(a);
    pthread_t t;
    CU_ASSERT_FATAL(pthread_create(&t, NULL, in_thread, &bytes) == 0);
    pthread_join(t, &b);
    CU_ASSERT_PTR_EQUAL(b, a); /* kept process-wide: a new thread gets it too */
    regint__work_put(b);
}

static void test_bounded(void)
{
    enum { N = 6 };
    void *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = regint__work_get(60 * MIB);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p[i]);
        memset((char *)p[i] + 3 * MIB, 1, 4096); /* a page in memory, far from the header */
    }
    for (int i = 0; i < N; i++)
        regint__work_put(p[i]);
    /* 256 MiB hold at most four blocks of 60 MiB (+ a 2 MiB page each; fewer when the
     * earlier tests' blocks are still kept): the others were unmapped, so of six blocks taken
     * again one to four are kept ones, whose page at 3 MiB is still in memory (a fresh mapping
     * has none there; it may land at an unmapped block's address, so addresses cannot tell) */
    void *q[N];
    int old = 0;
    long page = sysconf(_SC_PAGESIZE);
    for (int i = 0; i < N; i++) {
        q[i] = regint__work_get(60 * MIB);
        CU_ASSERT_PTR_NOT_NULL_FATAL(q[i]);
        unsigned char in_core = 0;
        void *at = (void *)(((uintptr_t)q[i] + 3 * MIB) & ~(uintptr_t)(page - 1));
        CU_ASSERT(mincore(at, (size_t)page, &in_core) == 0);
        old += in_core & 1;
    }
    CU_ASSERT(old >= 1 && old <= 4);
    for (int i = 0; i < N; i++)
        regint__work_put(q[i]);
}

/* Four threads take, fill with their own mark, check and give back blocks of 1-8 MiB: a block
 * held by two at once would show the other's mark. */
static void *churn(void *arg)
{
    unsigned char mark = (unsigned char)(uintptr_t)arg;
    uintptr_t bad = 0;
    for (int i = 0; i < 40; i++) {
        size_t n = ((size_t)(i % 8) + 1) * MIB;
        unsigned char *p = regint__work_get(n);
        if (!p)
            return (void *)(uintptr_t)1000;
        p[0] = p[n / 2] = p[n - 1] = mark;
        for (volatile int spin = 0; spin < 1000; spin++)
            ;
        bad += p[0] != mark || p[n / 2] != mark || p[n - 1] != mark;
        regint__work_put(p);
    }
    return (void *)bad;
}

static void test_concurrent(void)
{
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++)
        CU_ASSERT_FATAL(pthread_create(&t[i], NULL, churn, (void *)(i + 1)) == 0);
    for (int i = 0; i < 4; i++) {
        void *bad = NULL;
        pthread_join(t[i], &bad);
        CU_ASSERT_PTR_NULL(bad);
    }
}

static void test_small(void)
{
    char *s = regint__work_get(100);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    memset(s, 1, 100);
    regint__work_put(s);
    regint__work_put(NULL);
    char *z = regint__work_get(0);
    CU_ASSERT_PTR_NOT_NULL(z);
    regint__work_put(z);
}

int main(void)
{
    static const test_case tests[] = {
        {"a block given back is handed out again", test_reused},
        {"kept blocks serve every thread", test_other_thread},
        {"four threads at once: one holder per block", test_concurrent},
        {"at most 256 MiB are kept", test_bounded},
        {"small blocks", test_small},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("bigalloc", tests))
        return 1;
    return test_run_all();
}
