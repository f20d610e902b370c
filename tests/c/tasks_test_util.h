/* Shared by the CUnit runners of the county task modules (test_grants.c,
 * test_collaboration.c): the example county file and reading small files. The broken task
 * files tests/data/tasks/bad_*.json are rows of tests/data/bad_inputs.tsv. */
#ifndef REGINT_TASKS_TEST_UTIL_H
#define REGINT_TASKS_TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "test_file.h"
#include "test_util.h"

#define EXAMPLE REGINT_TEST_DIR "/../examples/data/county-example.json"
#define TASKS_DIR REGINT_TEST_DIR "/data/tasks"

static inline regint_dataset *load_example(void)
{
    regint_dataset *ds = NULL;
    regint_status st = regint_dataset_load_file(EXAMPLE, &ds);
    if (st)
        fprintf(stderr, "\n  %s\n", regint_last_error());
    CU_ASSERT_EQUAL_FATAL(st, REGINT_OK);
    return ds;
}

/* The whole file as a NUL-terminated string (free()), or NULL. */
static inline char *slurp(const char *path) { return test_slurp(path, NULL); }

#endif
