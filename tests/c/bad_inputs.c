/* The runner of the bad-input table tests/data/bad_inputs.tsv (its header says the format).
 * Each row names a broken file, what reads it (a library call or a `regint` command line),
 * the status (or exit code) it must give and a substring of the message. Beyond that, every
 * row checks what all bad input owes the user:
 *   - the message names the file (its base name);
 *   - nothing changes: a failed load leaves *out untouched, a failed import leaves the
 *     target dataset byte-for-byte as it was;
 *   - an 11-digit number in the file (a fødselsnummer in the test files) is never echoed,
 *     neither whole nor its last five digits (the personal number).
 *
 *   test_bad_inputs                  every row (CLI rows when the regint command is known)
 *   test_bad_inputs --row FILE CALL  the row with that file and call (ctest: one test per row)
 *   test_bad_inputs --catalogue      every bad_* file in a folder of tests/data has a row, every row's
 *                                    file exists (except does-not-exist*), no row twice
 *   --cli PATH (before the others)   the regint command for "regint ..." rows
 *   --table TSV (before the others)  another table (files still under tests/data)
 * Exit status 0 when every checked row passes.
 *
 * Plain C (no CUnit): the table is the test list, and ctest registers one test per row so
 * a failure names its row. Run without arguments (as valgrind in scripts/test.sh does) it
 * checks the whole table in one process. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regint/regint.h>

#define DATA_DIR REGINT_TEST_DIR "/data"

/* The table; --table replaces it (the runner's own test gives a table of wrong rows). */
static const char *table = DATA_DIR "/bad_inputs.tsv";

#ifdef REGINT_CLI_PATH
static const char *cli_path = REGINT_CLI_PATH;
#else
static const char *cli_path = NULL;
#endif

typedef struct row {
    int line;
    char *file, *call, *status, *message;
} row;

static row *rows;
static size_t nrows;
static char *table_text;

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Report a failed check of row r; returns 1. */
static int fail(const row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const row *r, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: %s (%s): ", base_name(table), r->line, r->file, r->call);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

/* Read the table; a malformed line is an error naming its line. */
static int read_table(void)
{
    FILE *fp = fopen(table, "rb");
    if (!fp) {
        perror(table);
        return 1;
    }
    size_t cap = 1 << 16, len = 0;
    table_text = malloc(cap);
    for (size_t n; table_text && (n = fread(table_text + len, 1, cap - len - 1, fp)) > 0;) {
        len += n;
        if (len + 1 == cap) {
            char *t = realloc(table_text, cap *= 2);
            if (!t) {
                free(table_text);
                table_text = NULL;
            }
            table_text = t;
        }
    }
    fclose(fp);
    if (!table_text)
        return 1;
    table_text[len] = '\0';
    size_t maxrows = 1;
    for (size_t i = 0; i < len; i++)
        maxrows += table_text[i] == '\n';
    rows = calloc(maxrows, sizeof *rows);
    if (!rows)
        return 1;
    int line = 0, bad = 0;
    for (char *p = table_text; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line++;
        size_t l = strlen(p);
        if (l && p[l - 1] == '\r')
            p[l - 1] = '\0';
        if (p[0] && p[0] != '#') {
            char *f[4] = {p, NULL, NULL, NULL};
            int k = 1;
            for (char *q = p; *q && k <= 4; q++)
                if (*q == '\t') {
                    *q = '\0';
                    if (k == 4) {
                        k++;
                        break;
                    }
                    f[k++] = q + 1;
                }
            if (k != 4 || !f[0][0] || !f[1][0] || !f[2][0] || !f[3][0]) {
                fprintf(stderr, "%s:%d: expected 4 non-empty tab-separated fields "
                                "(file, call, status, message)\n", base_name(table), line);
                bad = 1;
            } else {
                rows[nrows++] = (row){line, f[0], f[1], f[2], f[3]};
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    return bad;
}

static char *slurp(const char *path, size_t *len)
{
    /* Regular files only: a row may name a symlink to /dev/zero (a loader must refuse it),
     * which this reader must not read either. */
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    for (size_t k; s && (k = fread(s + n, 1, cap - n - 1, f)) > 0;) {
        n += k;
        if (n + 1 == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t)
                free(s);
            s = t;
        }
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        if (len)
            *len = n;
    }
    return s;
}

/* No 11-digit number of the file (whole, or its last five digits) appears in `text`. */
static int check_no_fnr_echo(const row *r, const char *path, const char *text)
{
    size_t len = 0;
    char *s = slurp(path, &len);
    int bad = 0;
    for (size_t i = 0; s && i < len && !bad; i++) {
        if ((unsigned char)(s[i] - '0') > 9 || (i > 0 && (unsigned char)(s[i - 1] - '0') <= 9))
            continue;
        size_t j = i;
        while (j < len && (unsigned char)(s[j] - '0') <= 9)
            j++;
        if (j - i == 11) {
            char num[12];
            memcpy(num, s + i, 11);
            num[11] = '\0';
            if (strstr(text, num) || strstr(text, num + 6))
                bad = fail(r, "the message echoes the personal number %s: %s", num, text);
        }
        i = j;
    }
    free(s);
    return bad;
}

static int status_from_name(const char *name, regint_status *out)
{
    /* regint_strerror() texts start with the code's name and a colon. */
    size_t l = strlen(name);
    for (int st = 0; st < 64; st++) {
        const char *n = regint_strerror((regint_status)st);
        if (!strncmp(n, name, l) && n[l] == ':') {
            *out = (regint_status)st;
            return 0;
        }
    }
    return -1;
}

static const struct {
    const char *name;
    regint_csv_kind kind;
} layouts[] = {
    {"municipalities_2024", REGINT_CSV_MUNICIPALITIES_2024}, {"municipalities_2020", REGINT_CSV_MUNICIPALITIES_2020},
    {"code_changes", REGINT_CSV_CODE_CHANGES_2020_2024},     {"settlement", REGINT_CSV_IMDI_SETTLEMENT},
    {"observations", REGINT_CSV_OBSERVATIONS},               {"indicators", REGINT_CSV_INDICATORS},
};

/* The dataset a row's import goes into; the file loads (its own test is the row check). */
static regint_dataset *load_base(const row *r, const char *rel)
{
    regint_dataset *ds = NULL;
    if (regint_dataset_load_file(rel, &ds) != REGINT_OK) {
        fail(r, "the base dataset %s does not load: %s", rel, regint_last_error());
        return NULL;
    }
    return ds;
}

/* A library call. Returns 0 when the row holds. */
static int run_call(const row *r, const char *path)
{
    regint_status want, got = REGINT_OK;
    if (status_from_name(r->status, &want))
        return fail(r, "unknown status '%s' (expected a regint_status name such as REGINT_EPARSE)", r->status);
    int bad = 0;
    /* Loads: *out must be left as it was (a sentinel, never dereferenced). */
    void *const sentinel = (void *)&nrows;
    regint_dataset *ds = NULL;
    char *before = NULL, *after = NULL;
    if (!strcmp(r->call, "load")) {
        regint_dataset *out = sentinel;
        got = regint_dataset_load_file(path, &out);
        if (out != sentinel) {
            bad |= fail(r, "the out-parameter was changed");
            if (got == REGINT_OK)
                regint_dataset_free(out);
        }
    } else if (!strcmp(r->call, "plan")) {
        regint_plan *out = sentinel;
        got = regint_plan_load_file(path, &out);
        if (out != sentinel) {
            bad |= fail(r, "the out-parameter was changed");
            if (got == REGINT_OK)
                regint_plan_free(out);
        }
    } else if (!strcmp(r->call, "profile")) {
        regint_settlement_profile *out = sentinel;
        got = regint_settlement_profile_load_file(path, &out);
        if (out != sentinel) {
            bad |= fail(r, "the out-parameter was changed");
            if (got == REGINT_OK)
                regint_settlement_profile_free(out);
        }
    } else if (!strncmp(r->call, "csv:", 4)) {
        size_t k = 0;
        while (k < sizeof layouts / sizeof layouts[0] && strcmp(layouts[k].name, r->call + 4))
            k++;
        if (k == sizeof layouts / sizeof layouts[0])
            return fail(r, "unknown CSV layout '%s'", r->call + 4);
        if (!(ds = load_base(r, DATA_DIR "/dataset/base.json")) || regint_dataset_to_string(ds, &before))
            bad = 1;
        else
            got = regint_dataset_import_csv(ds, layouts[k].kind, path);
    } else if (!strcmp(r->call, "kb_jsonstat") || !strcmp(r->call, "kb_csv")) {
        regint_kb *kb = NULL;
        if (!(ds = load_base(r, DATA_DIR "/knowledge/base.json")) || regint_dataset_to_string(ds, &before) ||
            regint_kb_new(ds, &kb))
            bad = 1;
        else if (!strcmp(r->call, "kb_csv"))
            got = regint_kb_import_csv(kb, ds, path);
        else
            got = regint_kb_import_jsonstat(kb, ds, path, NULL, NULL);
        regint_kb_free(kb);
    } else {
        return fail(r, "unknown call '%s' (load, csv:<layout>, kb_jsonstat, kb_csv, plan, profile, or regint ...)",
                    r->call);
    }
    /* Copy the message before anything else can overwrite it. */
    char msg[2048];
    snprintf(msg, sizeof msg, "%s", regint_last_error());
    if (ds && before) {
        if (regint_dataset_to_string(ds, &after) || strcmp(before, after))
            bad |= fail(r, "the dataset changed although the import failed");
    }
    regint_free(before);
    regint_free(after);
    regint_dataset_free(ds);
    if (bad)
        return 1;
    if (got != want)
        bad |= fail(r, "got %s, expected %s", regint_strerror(got), r->status);
    if (!strstr(msg, r->message))
        bad |= fail(r, "the message \"%s\" does not contain \"%s\"", msg, r->message);
    if (!strstr(msg, base_name(path)))
        bad |= fail(r, "the message \"%s\" does not name the file %s", msg, base_name(path));
    bad |= check_no_fnr_echo(r, path, msg);
    return bad;
}

/* A `regint ...` command line: arguments split at spaces, "{file}" replaced by the path. */
static int run_cli(const row *r, const char *path)
{
    if (!cli_path) {
        printf("skipped: %s (%s): the regint command was not built\n", r->file, r->call);
        return 0;
    }
    char *end;
    long want = strtol(r->status, &end, 10);
    if (*end || end == r->status)
        return fail(r, "the status of a regint row is an exit code, got '%s'", r->status);
    char *args = strdup(r->call);
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)cli_path;
    char *expanded[64] = {0};
    int nexp = 0, bad = 0;
    for (char *tok = strtok(args + strlen("regint"), " "); tok; tok = strtok(NULL, " ")) {
        if (argc == 63)
            break;
        char *at = strstr(tok, "{file}");
        if (at && path) {
            size_t l = strlen(tok) - 6 + strlen(path) + 1;
            char *e = malloc(l);
            snprintf(e, l, "%.*s%s%s", (int)(at - tok), tok, path, at + 6);
            tok = expanded[nexp++] = e;
        }
        argv[argc++] = tok;
    }
    argv[argc] = NULL;
    FILE *out = tmpfile(), *err = tmpfile();
    pid_t pid = out && err ? fork() : -1;
    if (pid == 0) {
        dup2(fileno(out), 1);
        dup2(fileno(err), 2);
        execv(cli_path, argv);
        _exit(127);
    }
    int ws = 0;
    if (pid < 0 || waitpid(pid, &ws, 0) < 0) {
        bad = fail(r, "cannot run %s: %s", cli_path, strerror(errno));
    } else {
        char text[8192];
        size_t n;
        rewind(err);
        n = fread(text, 1, sizeof text / 2 - 1, err);
        text[n] = '\0';
        char *stdout_text = text + n + 1;
        rewind(out);
        size_t m = fread(stdout_text, 1, sizeof text - n - 2, out);
        stdout_text[m] = '\0';
        int code = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
        if (code != want)
            bad |= fail(r, "exit status %d, expected %ld; stderr: %s", code, want, text);
        if (!strstr(text, r->message))
            bad |= fail(r, "stderr \"%s\" does not contain \"%s\"", text, r->message);
        if (path && !strstr(text, base_name(path)))
            bad |= fail(r, "stderr \"%s\" does not name the file %s", text, base_name(path));
        if (path) {
            bad |= check_no_fnr_echo(r, path, text);
            bad |= check_no_fnr_echo(r, path, stdout_text);
        }
    }
    if (out)
        fclose(out);
    if (err)
        fclose(err);
    for (int i = 0; i < nexp; i++)
        free(expanded[i]);
    free(args);
    return bad;
}

static int run_row(const row *r)
{
    char path[2048];
    const char *p = NULL;
    if (strcmp(r->file, "-")) {
        snprintf(path, sizeof path, "%s/%s", DATA_DIR, r->file);
        p = path;
        if (access(path, R_OK) && !strstr(r->file, "does-not-exist"))
            return fail(r, "no such file %s", path);
    }
    if (!strncmp(r->call, "regint ", 7))
        return run_cli(r, p);
    if (!p)
        return fail(r, "a library call needs a file");
    return run_call(r, p);
}

/* Files under DATA_DIR/<sub> named bad_*: each must have a row. */
static int check_dir(const char *sub, size_t *nfiles)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s%s%s", DATA_DIR, sub[0] ? "/" : "", sub);
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    int bad = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char rel[2048], full[4096];
        snprintf(rel, sizeof rel, "%s%s%s", sub, sub[0] ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", DATA_DIR, rel);
        struct stat st;
        if (stat(full, &st))
            continue;
        if (S_ISDIR(st.st_mode)) {
            bad |= check_dir(rel, nfiles);
            continue;
        }
        if (!sub[0] || strncmp(e->d_name, "bad_", 4))
            continue; /* the table itself and its CMake code are at the top */
        ++*nfiles;
        size_t i = 0;
        while (i < nrows && strcmp(rows[i].file, rel))
            i++;
        if (i == nrows) {
            fprintf(stderr, "tests/data/%s: a bad_* file without a row in bad_inputs.tsv\n", rel);
            bad = 1;
        }
    }
    closedir(d);
    return bad;
}

static int catalogue(void)
{
    size_t nfiles = 0;
    int bad = check_dir("", &nfiles);
    for (size_t i = 0; i < nrows; i++) {
        const row *r = &rows[i];
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", DATA_DIR, r->file);
        if (strcmp(r->file, "-") && !strstr(r->file, "does-not-exist") && access(path, R_OK))
            bad |= fail(r, "no such file %s", path);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(rows[j].file, r->file) && !strcmp(rows[j].call, r->call))
                bad |= fail(r, "the same file and call as line %d", rows[j].line);
    }
    printf("%zu bad_* files, %zu rows\n", nfiles, nrows);
    return bad;
}

int main(int argc, char **argv)
{
    int a = 1, rc;
    for (;;) {
        if (a + 1 < argc && !strcmp(argv[a], "--cli"))
            cli_path = argv[a + 1];
        else if (a + 1 < argc && !strcmp(argv[a], "--table"))
            table = argv[a + 1];
        else
            break;
        a += 2;
    }
    if (read_table()) {
        rc = 1;
    } else if (a == argc) {
        int failed = 0;
        for (size_t i = 0; i < nrows; i++)
            failed += run_row(&rows[i]);
        printf("%zu rows checked, %d failed\n", nrows, failed);
        rc = failed != 0 || nrows == 0;
    } else if (a + 1 == argc && !strcmp(argv[a], "--catalogue")) {
        rc = catalogue();
    } else if (a + 3 == argc && !strcmp(argv[a], "--row")) {
        size_t i = 0;
        while (i < nrows && (strcmp(rows[i].file, argv[a + 1]) || strcmp(rows[i].call, argv[a + 2])))
            i++;
        if (i == nrows) {
            fprintf(stderr, "%s: no row with file '%s' and call '%s'\n", base_name(table), argv[a + 1], argv[a + 2]);
            rc = 1;
        } else {
            rc = run_row(&rows[i]);
            if (!rc)
                printf("ok: %s (%s): %s \"%s\"\n", rows[i].file, rows[i].call, rows[i].status, rows[i].message);
        }
    } else {
        fprintf(stderr, "usage: %s [--cli PATH] [--table TSV] [--catalogue | --row FILE CALL]\n", argv[0]);
        rc = 2;
    }
    free(rows);
    free(table_text);
    return rc;
}
