/* Shared by the CUnit runners of the county task modules (test_grants.c,
 * test_collaboration.c): the example county file, reading small files, and the
 * bad-input files tests/data/tasks/bad_<prefix>*.json with their .expect files. */
#ifndef REGINT_TASKS_TEST_UTIL_H
#define REGINT_TASKS_TEST_UTIL_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

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
static inline char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(fp);
    return s;
}

/* The status whose regint_strerror() text starts with "<s>:", or -1. */
static inline regint_status status_from_name(const char *s)
{
    for (int st = REGINT_OK; st <= REGINT_ERANGE; st++) {
        const char *n = regint_strerror((regint_status)st);
        size_t l = strlen(s);
        if (!strncmp(n, s, l) && n[l] == ':')
            return (regint_status)st;
    }
    return (regint_status)-1;
}

/* Every TASKS_DIR/<prefix>*.json fails to load with the status and message in its .expect
 * file (line 1: status, line 2: a substring of the message); the message names the file,
 * never echoes the fødselsnummer of the test files, and the out-parameter stays untouched.
 * At least `min_files` files are checked. */
static inline void run_bad_inputs(const char *prefix, int min_files)
{
    DIR *d = opendir(TASKS_DIR);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *e;
    int count = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, strlen(prefix)) || l < 5 || strcmp(e->d_name + l - 5, ".json"))
            continue;
        char path[1024], exp[1024];
        snprintf(path, sizeof path, "%s/%s", TASKS_DIR, e->d_name);
        snprintf(exp, sizeof exp, "%s/%.*s.expect", TASKS_DIR, (int)(l - 5), e->d_name);
        char *want = slurp(exp);
        CU_ASSERT_PTR_NOT_NULL_FATAL(want);
        char *nl = strchr(want, '\n');
        CU_ASSERT_PTR_NOT_NULL_FATAL(nl);
        *nl = '\0';
        char *msg = nl + 1;
        char *nl2 = strchr(msg, '\n');
        if (nl2)
            *nl2 = '\0';
        regint_dataset *ds = (regint_dataset *)(uintptr_t)1; /* must stay untouched */
        regint_status st = regint_dataset_load_file(path, &ds);
        if (st != status_from_name(want) || !strstr(regint_last_error(), msg))
            fprintf(stderr, "\n  %s: got %s / %s\n", e->d_name, regint_strerror(st), regint_last_error());
        CU_ASSERT_EQUAL(st, status_from_name(want));
        TEST_ASSERT_CONTAINS(regint_last_error(), msg);
        TEST_ASSERT_CONTAINS(regint_last_error(), e->d_name); /* the message names the file */
        CU_ASSERT(ds == (regint_dataset *)(uintptr_t)1);
        CU_ASSERT(strstr(regint_last_error(), "01019012480") == NULL); /* never echoed */
        CU_ASSERT(strstr(regint_last_error(), "12480") == NULL);
        free(want);
        count++;
    }
    closedir(d);
    CU_ASSERT(count >= min_files);
}

#endif
