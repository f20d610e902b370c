/* Shared helpers for the CUnit runners: register suites, run, and exit with the number
 * of failures (CU_get_error() is 0 even when assertions fail, so it is not used). */
#ifndef REGINT_TEST_UTIL_H
#define REGINT_TEST_UTIL_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

typedef struct test_case {
    const char *name;
    void (*fn)(void);
} test_case;

/* Add a suite with the given NULL-terminated tests; return 0 on success. */
static inline int test_add_suite(const char *name, const test_case *tests)
{
    CU_pSuite s = CU_add_suite(name, NULL, NULL);
    if (!s)
        return -1;
    for (const test_case *t = tests; t->name; t++)
        if (!CU_add_test(s, t->name, t->fn))
            return -1;
    return 0;
}

/* Run every registered suite verbosely; return a process exit code (0 only if every
 * assertion passed and at least one test ran). */
static inline int test_run_all(void)
{
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_tests_failed() + CU_get_number_of_failures();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    if (run == 0) {
        fprintf(stderr, "no test ran\n");
        return 1;
    }
    return failed ? 1 : 0;
}

/* CU_ASSERT on a string containing a substring, printing both on failure. */
#define TEST_ASSERT_CONTAINS(hay, needle)                                                      \
    do {                                                                                       \
        const char *h_ = (hay), *n_ = (needle);                                                \
        int ok_ = h_ && n_ && strstr(h_, n_) != NULL;                                          \
        if (!ok_)                                                                              \
            fprintf(stderr, "\n  expected \"%s\" in \"%s\"\n", n_ ? n_ : "(null)",              \
                    h_ ? h_ : "(null)");                                                       \
        CU_ASSERT(ok_);                                                                        \
    } while (0)

#endif
