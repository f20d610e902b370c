/* The runner of a test file whose tests read the bundled dataset: one suite over `*real`.
 * A failed load is reported and the tests that need the data fail (they check `real`). */
#ifndef REGINT_TEST_BUNDLED_H
#define REGINT_TEST_BUNDLED_H

#include <regint/regint.h>

#include "test_util.h"

static inline int test_main_bundled(regint_dataset **real, const char *suite, const test_case *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    if (regint_dataset_load_default(real) != REGINT_OK)
        fprintf(stderr, "bundled dataset: %s\n", regint_last_error());
    if (test_add_suite(suite, tests))
        return 1;
    int rc = test_run_all();
    regint_dataset_free(*real);
    *real = NULL;
    return rc;
}

#endif
