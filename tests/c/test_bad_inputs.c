/* The bad-input catalogue (tests/bad_inputs/expected.tsv): every broken file fails with its
 * expected status and message, and leaves the target unchanged (a failed load does not
 * touch *out; a failed CSV import leaves the dataset byte-for-byte as it was). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "test_util.h"

#define DIR REGINT_TEST_DIR "/bad_inputs"

static const struct {
    const char *name;
    regint_csv_kind kind;
} layouts[] = {
    {"municipalities_2024", REGINT_CSV_MUNICIPALITIES_2024}, {"municipalities_2020", REGINT_CSV_MUNICIPALITIES_2020},
    {"code_changes", REGINT_CSV_CODE_CHANGES_2020_2024},     {"settlement", REGINT_CSV_IMDI_SETTLEMENT},
    {"observations", REGINT_CSV_OBSERVATIONS},               {"indicators", REGINT_CSV_INDICATORS},
};

static int status_of(const char *s, regint_status *out)
{
    for (int i = 0; i <= REGINT_ERANGE; i++) {
        const char *n = regint_strerror((regint_status)i);
        size_t l = strlen(s);
        if (strncmp(n, s, l) == 0 && n[l] == ':') {
            *out = (regint_status)i;
            return 0;
        }
    }
    return -1;
}

static size_t ncases;

static void run_case(const char *file, const char *target, const char *status, const char *expect)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DIR, file);
    regint_status want;
    if (status_of(status, &want)) {
        fprintf(stderr, "\n  %s: unknown status %s in expected.tsv\n", file, status);
        CU_FAIL("bad expected.tsv");
        return;
    }
    regint_status got;
    if (strcmp(target, "load") == 0) {
        regint_dataset *sentinel = (regint_dataset *)&ncases, *out = sentinel;
        got = regint_dataset_load_file(path, &out);
        CU_ASSERT(out == sentinel); /* untouched on failure */
        if (got == REGINT_OK && out != sentinel)
            regint_dataset_free(out);
    } else if (strncmp(target, "csv:", 4) == 0) {
        size_t k;
        for (k = 0; k < sizeof layouts / sizeof layouts[0]; k++)
            if (strcmp(layouts[k].name, target + 4) == 0)
                break;
        if (k == sizeof layouts / sizeof layouts[0]) {
            fprintf(stderr, "\n  %s: unknown target %s\n", file, target);
            CU_FAIL("bad expected.tsv");
            return;
        }
        regint_dataset *ds;
        if (regint_dataset_load_file(DIR "/base.json", &ds) != REGINT_OK) {
            fprintf(stderr, "\n  base.json: %s\n", regint_last_error());
            CU_FAIL("base.json does not load");
            return;
        }
        char *before, *after;
        CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &before), REGINT_OK);
        got = regint_dataset_import_csv(ds, layouts[k].kind, path);
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", regint_last_error());
        CU_ASSERT_EQUAL_FATAL(regint_dataset_to_string(ds, &after), REGINT_OK);
        if (strcmp(before, after) != 0) {
            fprintf(stderr, "\n  %s: the dataset changed although the import failed\n", file);
            CU_FAIL("dataset changed");
        }
        regint_free(before);
        regint_free(after);
        regint_dataset_free(ds);
        if (got != want || !strstr(msg, expect)) {
            fprintf(stderr, "\n  %s: got %s \"%s\"\n  expected %s \"...%s...\"\n", file, regint_strerror(got), msg,
                    status, expect);
            CU_FAIL("wrong error");
        }
        TEST_ASSERT_CONTAINS(msg, file);
        ncases++;
        return;
    } else {
        fprintf(stderr, "\n  %s: unknown target %s\n", file, target);
        CU_FAIL("bad expected.tsv");
        return;
    }
    const char *msg = regint_last_error();
    if (got != want || !strstr(msg, expect)) {
        fprintf(stderr, "\n  %s: got %s \"%s\"\n  expected %s \"...%s...\"\n", file, regint_strerror(got), msg, status,
                expect);
        CU_FAIL("wrong error");
    }
    /* The message names the file. */
    TEST_ASSERT_CONTAINS(msg, file);
    ncases++;
}

static void test_catalogue(void)
{
    FILE *f = fopen(DIR "/expected.tsv", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        char *file = strtok(line, "\t"), *target = strtok(NULL, "\t"), *status = strtok(NULL, "\t"),
             *expect = strtok(NULL, "\t");
        if (!file || !target || !status || !expect) {
            CU_FAIL("malformed line in expected.tsv");
            continue;
        }
        run_case(file, target, status, expect);
    }
    fclose(f);
    fprintf(stderr, "\n  %zu bad inputs checked\n", ncases);
    CU_ASSERT(ncases >= 20);
}

static void test_base_loads(void)
{
    /* The base every broken file is derived from is itself valid. */
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(DIR "/base.json", &ds), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_municipality_count(ds), 3);
    CU_ASSERT_EQUAL(regint_dataset_case_count(ds), 1);
    regint_dataset_free(ds);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"base.json is valid", test_base_loads}, {"catalogue", test_catalogue}, {NULL, NULL}};
    if (test_add_suite("bad inputs", tests)) {
        CU_cleanup_registry();
        return 1;
    }
    return test_run_all();
}
