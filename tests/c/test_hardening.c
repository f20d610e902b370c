/* Issue 16, part A, beside the bad-input table (tests/data/bad_inputs.tsv), for what a
 * committed file cannot show: a FIFO (git stores none), the size cap and its environment
 * variable, the matching objective through the API, and the edges of the number rules
 * (2^53 itself loads; a finite 1e300 objective is reported). Expected values come from the
 * rules of the issue, not from the library's output. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "regint/regint.h"
#include "test_file.h"
#include "test_util.h"

static char dir[64];

static void path_in(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", dir, name); }

static void write_text(const char *path, const char *text) { TEST_WRITE_TEXT(path, text); }

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_hardening: a loader blocked (FIFO?)\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(2);
}

/* A FIFO without a writer: refused at once, naming the file and what it is (it used to
 * block forever in fopen). The alarm turns a hang into a failure. */
static void test_fifo_refused(void)
{
    char p[128];
    path_in(p, sizeof p, "pipe.json");
    CU_ASSERT_EQUAL_FATAL(mkfifo(p, 0600), 0);
    signal(SIGALRM, on_alarm);
    alarm(20);
    regint_dataset *ds = (regint_dataset *)&ds;
    CU_ASSERT_EQUAL(regint_dataset_load_file(p, &ds), REGINT_EIO);
    TEST_ASSERT_CONTAINS(regint_last_error(), p);
    TEST_ASSERT_CONTAINS(regint_last_error(), "it is a FIFO (named pipe); only regular files are read");
    CU_ASSERT(ds == (regint_dataset *)&ds);
    regint_plan *plan = NULL;
    CU_ASSERT_EQUAL(regint_plan_load_file(p, &plan), REGINT_EIO);
    regint_settlement_profile *prof = NULL;
    CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), REGINT_EIO);
    regint_match_instance *in = NULL;
    CU_ASSERT_EQUAL(regint_match_instance_load_file(p, &in), REGINT_EIO);
    alarm(0);
    unlink(p);
}

/* The cap: a file one byte over REGINT_MAX_FILE_SIZE is refused with its size and the
 * limit; at the limit it is read; a malformed value names the variable. */
static void test_size_cap(void)
{
    char p[128];
    path_in(p, sizeof p, "profile.json");
    const char *text = regint_settlement_profile_default_json();
    write_text(p, text);
    size_t n = strlen(text);
    char lim[32];
    snprintf(lim, sizeof lim, "%zu", n - 1);
    setenv("REGINT_MAX_FILE_SIZE", lim, 1);
    regint_settlement_profile *prof = NULL;
    CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), REGINT_ERANGE);
    char want[320];
    snprintf(want, sizeof want, "%s: %zu bytes is larger than the limit of %zu bytes", p, n, n - 1);
    TEST_ASSERT_CONTAINS(regint_last_error(), want);
    TEST_ASSERT_CONTAINS(regint_last_error(), "REGINT_MAX_FILE_SIZE");
    snprintf(lim, sizeof lim, "%zu", n);
    setenv("REGINT_MAX_FILE_SIZE", lim, 1);
    CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), REGINT_OK);
    regint_settlement_profile_free(prof);
    prof = NULL;
    setenv("REGINT_MAX_FILE_SIZE", "1k", 1); /* 1024 bytes with a suffix */
    CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), n <= 1024 ? REGINT_OK : REGINT_ERANGE);
    regint_settlement_profile_free(prof);
    prof = NULL;
    static const char *const bad[] = {"lots", "-5", "0", "12X", "99999999999999999999G"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv("REGINT_MAX_FILE_SIZE", bad[i], 1);
        CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), REGINT_EINVAL);
        TEST_ASSERT_CONTAINS(regint_last_error(), "REGINT_MAX_FILE_SIZE");
        TEST_ASSERT_CONTAINS(regint_last_error(), p);
    }
    unsetenv("REGINT_MAX_FILE_SIZE");
    CU_ASSERT_EQUAL(regint_settlement_profile_load_file(p, &prof), REGINT_OK);
    regint_settlement_profile_free(prof);
    CU_ASSERT(REGINT_MAX_FILE_SIZE_DEFAULT == 256u * 1024u * 1024u);
    unlink(p);
}

/* No output of the library holds a non-finite number: scores whose sum overflows are
 * refused (ERANGE) before solving; a large but finite objective is reported as it is. */
static void test_objective_finite(void)
{
    const double big[] = {1e308, 1e308, 1e308, -1e308};
    const int64_t cap[] = {1, 1};
    int64_t asg[2];
    regint_match_summary_t r;
    CU_ASSERT_EQUAL(regint_match(big, 2, 2, NULL, cap, NULL, asg, NULL, &r), REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "would overflow the objective");
    const double fine[] = {1e300, 0, 0, 1e300};
    CU_ASSERT_EQUAL_FATAL(regint_match(fine, 2, 2, NULL, cap, NULL, asg, NULL, &r), REGINT_OK);
    CU_ASSERT(isfinite(r.objective) && isfinite(r.bound) && isfinite(r.gap));
    CU_ASSERT_DOUBLE_EQUAL(r.objective, 2e300, 1e285);
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.score_scale = 1e-300; /* 1e300 / 1e-300 overflows */
    CU_ASSERT_EQUAL(regint_match(fine, 2, 2, NULL, cap, &o, asg, NULL, &r), REGINT_ERANGE);
}

/* The edges of the number rules: 2^53 itself is exact and loads; 2^53 + 1 does not; a
 * member given twice is refused in any JSON document, here a matching instance. */
static void test_number_edges(void)
{
    static const char ok[] = "{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[9007199254740992]]}";
    static const char over[] = "{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[9007199254740993]]}";
    static const char twice[] = "{\"capacity_unit\": \"cases\", \"capacities\": [1], \"capacities\": [2], "
                                "\"scores\": [[1]]}";
    regint_match_instance *in = NULL;
    CU_ASSERT_EQUAL(regint_match_instance_load_string(ok, strlen(ok), "ok.json", &in), REGINT_OK);
    if (in)
        CU_ASSERT_EQUAL(in->scores[0], 9007199254740992.0);
    regint_match_instance_free(in);
    in = NULL;
    CU_ASSERT_EQUAL(regint_match_instance_load_string(over, strlen(over), "over.json", &in), REGINT_ERANGE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "over.json: scores[0][0] (line 1, column 59): integer 9007199254740993");
    CU_ASSERT_EQUAL(regint_match_instance_load_string(twice, strlen(twice), "twice.json", &in), REGINT_EPARSE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "twice.json: capacities: member 'capacities' given twice");
    /* 100 levels are allowed, 101 are not */
    char deep[512];
    size_t k = 0;
    for (int i = 0; i < 101; i++)
        deep[k++] = '[';
    for (int i = 0; i < 101; i++)
        deep[k++] = ']';
    CU_ASSERT_EQUAL(regint_match_instance_load_string(deep, k, "deep.json", &in), REGINT_EPARSE);
    TEST_ASSERT_CONTAINS(regint_last_error(), "the depth limit is 100");
    CU_ASSERT_EQUAL(regint_match_instance_load_string(deep + 1, k - 2, "deep.json", &in), REGINT_EPARSE);
    CU_ASSERT(strstr(regint_last_error(), "depth limit") == NULL); /* refused for another reason */
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/regint_hardening_XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    static const test_case tests[] = {
        {"a FIFO is refused, not waited on", test_fifo_refused},
        {"the size cap and REGINT_MAX_FILE_SIZE", test_size_cap},
        {"no non-finite objective", test_objective_finite},
        {"2^53, members given twice, depth limit", test_number_edges},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("hardening", tests))
        return 1;
    int rc = test_run_all();
    rmdir(dir);
    return rc;
}
