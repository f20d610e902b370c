/* Saving (issue 16, classes 6 and 7): lost updates between two real processes, the report's
 * .md/.html pair (both or neither), leftovers of interrupted saves, saving through a symbolic
 * link. Each test failed on the code before: the second process's save "succeeded", the pair
 * was left mixed, leftovers stayed, and the link was replaced by a regular file. */
#define _DEFAULT_SOURCE /* flock, mkdtemp */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "regint/regint.h"
#include "test_file.h"
#include "test_util.h"

static char g_dir[64];

static void path_in(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", g_dir, name); }

static void write_text(const char *path, const char *text) { TEST_WRITE_TEXT(path, text); }

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* A small county file with one county. */
static void make_county_file(const char *path)
{
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_new(&ds), REGINT_OK);
    regint_county_t c = {"39", "Vestfold", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL_FATAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_dataset_save_file(ds, path), REGINT_OK);
    regint_dataset_free(ds);
}

/* A small plan file with one goal. */
static void make_plan_file(const char *path)
{
    regint_plan_info_t info = {"p1", "Plan", "39", 2024, 2027, 0, 1, ""};
    regint_plan *p;
    CU_ASSERT_EQUAL_FATAL(regint_plan_new(&info, &p), REGINT_OK);
    regint_plan_goal_t g = {"G1", "Goal", "", ""};
    CU_ASSERT_EQUAL_FATAL(regint_plan_add_goal(p, &g), REGINT_OK);
    CU_ASSERT_EQUAL_FATAL(regint_plan_save_file(p, path), REGINT_OK);
    regint_plan_free(p);
}

/* What the two processes load, change and save: a county file (a county `code` is added) or a
 * plan file (a goal `code`). */
enum { DATASET, PLAN };

static regint_status load_change_save(int kind, const char *path, int ready, int go, const char *code,
                                      int force)
{
    regint_dataset *ds = NULL;
    regint_plan *p = NULL;
    if (kind == DATASET ? regint_dataset_load_file(path, &ds) != REGINT_OK : regint_plan_load_file(path, &p) != REGINT_OK)
        _exit(100);
    char b = 'r';
    if (write(ready, &b, 1) != 1 || read(go, &b, 1) != 1)
        _exit(101);
    regint_county_t c = {code, "Ny", 2024, REGINT_YEAR_OPEN};
    regint_plan_goal_t g = {code, "Ny", "", ""};
    if ((kind == DATASET ? regint_dataset_add_county(ds, &c) : regint_plan_add_goal(p, &g)) != REGINT_OK)
        _exit(102);
    regint_dataset_save_options opt = REGINT_DATASET_SAVE_OPTIONS_INIT;
    opt.force = force;
    regint_status st = kind == DATASET ? regint_dataset_save_file_opts(ds, path, &opt)
                                       : regint_plan_save_file_opts(p, path, &opt);
    regint_dataset_free(ds);
    regint_plan_free(p);
    return st;
}

/* Child process: load `path`, tell the parent (write to `ready`), wait for a byte on `go`,
 * make its change, save; exit with the status of the save. */
static void child(int kind, const char *path, int ready, int go, const char *code, int force)
{
    regint_status st = load_change_save(kind, path, ready, go, code, force);
    if (st == REGINT_ECONFLICT && !strstr(regint_last_error(), "changed on disk since it was loaded"))
        _exit(103);
    _exit((int)st);
}

/* Start two processes that both load `path`; release them one after the other (sequential) or
 * together; return their exit codes. */
static void two_processes(int kind, const char *path, int together, int force_second, int *rc1, int *rc2)
{
    int r1[2], g1[2], r2[2], g2[2];
    CU_ASSERT_FATAL(pipe(r1) == 0 && pipe(g1) == 0 && pipe(r2) == 0 && pipe(g2) == 0);
    fflush(NULL);
    pid_t a = fork();
    if (a == 0)
        child(kind, path, r1[1], g1[0], "40", 0);
    pid_t b = fork();
    if (b == 0)
        child(kind, path, r2[1], g2[0], "41", force_second);
    char x;
    CU_ASSERT(read(r1[0], &x, 1) == 1 && read(r2[0], &x, 1) == 1); /* both loaded */
    int s1 = 0, s2 = 0;
    if (together) {
        CU_ASSERT(write(g1[1], "g", 1) == 1 && write(g2[1], "g", 1) == 1);
        waitpid(a, &s1, 0);
        waitpid(b, &s2, 0);
    } else {
        CU_ASSERT(write(g1[1], "g", 1) == 1);
        waitpid(a, &s1, 0);
        CU_ASSERT(write(g2[1], "g", 1) == 1);
        waitpid(b, &s2, 0);
    }
    int fds[] = {r1[0], r1[1], g1[0], g1[1], r2[0], r2[1], g2[0], g2[1]};
    for (size_t i = 0; i < 8; i++)
        close(fds[i]);
    *rc1 = WIFEXITED(s1) ? WEXITSTATUS(s1) : -1;
    *rc2 = WIFEXITED(s2) ? WEXITSTATUS(s2) : -1;
}

/* 1 if the file holds county (DATASET) or goal (PLAN) `code`, 0 if not, -1 if it does not load. */
static int has_record(int kind, const char *path, const char *code)
{
    int r = -1;
    if (kind == DATASET) {
        regint_dataset *ds;
        if (regint_dataset_load_file(path, &ds) != REGINT_OK)
            return -1;
        const regint_county_t *c;
        r = regint_dataset_county(ds, code, 2024, &c) == REGINT_OK;
        regint_dataset_free(ds);
    } else {
        regint_plan *p;
        if (regint_plan_load_file(path, &p) != REGINT_OK)
            return -1;
        r = 0;
        for (size_t i = 0; i < regint_plan_goal_count(p); i++)
            r |= strcmp(regint_plan_goal_at(p, i)->id, code) == 0;
        regint_plan_free(p);
    }
    return r;
}

/* The lost-update test of one kind of file, made fresh by `make` before each round. */
static void lost_update(int kind, const char *name, void (*make)(const char *))
{
    char path[128];
    path_in(path, sizeof path, name);
    make(path);
    int rc1, rc2;
    two_processes(kind, path, 0, 0, &rc1, &rc2);
    CU_ASSERT_EQUAL(rc1, REGINT_OK);
    CU_ASSERT_EQUAL(rc2, REGINT_ECONFLICT); /* was REGINT_OK, erasing the first's change */
    CU_ASSERT_EQUAL(has_record(kind, path, "40"), 1);
    CU_ASSERT_EQUAL(has_record(kind, path, "41"), 0);
    /* Forced, the second wins (and the first's change is gone, as asked). */
    make(path);
    two_processes(kind, path, 0, 1, &rc1, &rc2);
    CU_ASSERT_EQUAL(rc1, REGINT_OK);
    CU_ASSERT_EQUAL(rc2, REGINT_OK);
    CU_ASSERT_EQUAL(has_record(kind, path, "41"), 1);
    CU_ASSERT_EQUAL(has_record(kind, path, "40"), 0);
    /* Saving at the same moment: exactly one wins, the other is told. */
    for (int round = 0; round < 10; round++) {
        make(path);
        two_processes(kind, path, 1, 0, &rc1, &rc2);
        CU_ASSERT((rc1 == REGINT_OK && rc2 == REGINT_ECONFLICT) || (rc1 == REGINT_ECONFLICT && rc2 == REGINT_OK));
        CU_ASSERT_EQUAL(has_record(kind, path, "40") + has_record(kind, path, "41"), 1);
    }
    unlink(path);
}

static void test_lost_update(void) { lost_update(DATASET, "county.json", make_county_file); }

/* Plans (issue 16 leftover): regint_plan_save_file() overwrote a plan another process had
 * saved since it was loaded; the second save returned REGINT_OK and goal 40 was gone. */
static void test_lost_update_plan(void) { lost_update(PLAN, "plan.json", make_plan_file); }

/* A plan saved twice by its own process is no conflict; a hand edit between is; a plan made
 * in memory (no origin) is not checked; a bad options version is refused. */
static void test_plan_save_twice(void)
{
    char path[128];
    path_in(path, sizeof path, "plan2.json");
    make_plan_file(path);
    regint_plan *p;
    CU_ASSERT_EQUAL_FATAL(regint_plan_load_file(path, &p), REGINT_OK);
    regint_plan_goal_t g = {"G2", "Two", "", ""};
    CU_ASSERT_EQUAL(regint_plan_add_goal(p, &g), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_save_file(p, path), REGINT_OK);
    g.id = "G3";
    CU_ASSERT_EQUAL(regint_plan_add_goal(p, &g), REGINT_OK);
    CU_ASSERT_EQUAL(regint_plan_save_file(p, path), REGINT_OK);
    write_text(path, "{\"schema\": \"regint.plan\"}\n");
    CU_ASSERT_EQUAL(regint_plan_save_file(p, path), REGINT_ECONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(regint_last_error(), "plan2.json: not saved"));
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(path), "\"regint.plan\"}"));
    regint_dataset_save_options opt = REGINT_DATASET_SAVE_OPTIONS_INIT;
    opt.version = 99;
    CU_ASSERT_EQUAL(regint_plan_save_file_opts(p, path, &opt), REGINT_EVERSION);
    opt.version = REGINT_DATASET_SAVE_OPTIONS_VERSION;
    opt.force = 1;
    CU_ASSERT_EQUAL(regint_plan_save_file_opts(p, path, &opt), REGINT_OK);
    CU_ASSERT_EQUAL(has_record(PLAN, path, "G3"), 1);
    regint_plan *c;
    CU_ASSERT_EQUAL_FATAL(regint_plan_copy(p, &c), REGINT_OK);
    write_text(path, "{}\n");
    CU_ASSERT_EQUAL(regint_plan_save_file(c, path), REGINT_OK); /* a copy has no origin */
    CU_ASSERT_EQUAL(regint_plan_save_file_opts(NULL, path, NULL), REGINT_EINVAL);
    regint_plan_free(c);
    regint_plan_free(p);
    unlink(path);
}

static void test_save_twice_same_process(void)
{
    char path[128];
    path_in(path, sizeof path, "twice.json");
    make_county_file(path);
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(path, &ds), REGINT_OK);
    regint_county_t c = {"40", "A", 2024, REGINT_YEAR_OPEN};
    CU_ASSERT_EQUAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, path), REGINT_OK);
    c.fylkesnr = "41";
    CU_ASSERT_EQUAL(regint_dataset_add_county(ds, &c), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, path), REGINT_OK); /* its own save is no conflict */
    /* Someone edits the file by hand: the next save is refused, the edit kept. */
    write_text(path, "{\"schema\": \"regint.dataset\", \"schema_version\": 1}\n");
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, path), REGINT_ECONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(regint_last_error(), "twice.json: not saved"));
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(path), "\"schema_version\": 1}"));
    regint_dataset_save_options opt;
    CU_ASSERT_EQUAL(regint_dataset_save_options_init(&opt, REGINT_DATASET_SAVE_OPTIONS_VERSION), REGINT_OK);
    CU_ASSERT_EQUAL(opt.force, 0);
    opt.version = 99;
    CU_ASSERT_EQUAL(regint_dataset_save_file_opts(ds, path, &opt), REGINT_EVERSION);
    regint_dataset_free(ds);
    unlink(path);
}

static int count_leftovers(const char *prefix)
{
    DIR *d = opendir(g_dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strstr(e->d_name, ".tmp."))
            n++;
    if (d)
        closedir(d);
    return n;
}

static void test_leftovers(void)
{
    char path[128], a[160], b[160], held[160], other[160], longer[160];
    path_in(path, sizeof path, "left.json");
    snprintf(a, sizeof a, "%s.tmp.Ab12Cd", path);
    snprintf(b, sizeof b, "%s.tmp.zzzzzz", path);
    snprintf(held, sizeof held, "%s.tmp.HELD01", path);
    snprintf(longer, sizeof longer, "%s.tmp.notmine", path);
    path_in(other, sizeof other, "other.json.tmp.AAAAAA");
    write_text(a, "half");
    write_text(b, "half");
    write_text(held, "in progress");
    write_text(longer, "x");
    write_text(other, "x");
    int fd = open(held, O_RDONLY);
    CU_ASSERT_FATAL(fd >= 0 && flock(fd, LOCK_EX) == 0); /* a save still running */
    make_county_file(path);
    CU_ASSERT_EQUAL(access(a, F_OK), -1);
    CU_ASSERT_EQUAL(access(b, F_OK), -1);
    CU_ASSERT_EQUAL(access(held, F_OK), 0);
    CU_ASSERT_EQUAL(access(longer, F_OK), 0);
    CU_ASSERT_EQUAL(access(other, F_OK), 0);
    close(fd);
    make_county_file(path); /* now abandoned */
    CU_ASSERT_EQUAL(access(held, F_OK), -1);
    unlink(longer);
    unlink(other);
    unlink(path);
    CU_ASSERT_EQUAL(count_leftovers("left.json"), 0);
}

static void test_symlink(void)
{
    char sub[128], real[160], link[128], rel[128], dangling[128], target2[160];
    path_in(sub, sizeof sub, "real");
    CU_ASSERT_FATAL(mkdir(sub, 0700) == 0);
    snprintf(real, sizeof real, "%s/data.json", sub);
    path_in(link, sizeof link, "link.json");
    path_in(rel, sizeof rel, "rel.json");
    path_in(dangling, sizeof dangling, "dangling.json");
    snprintf(target2, sizeof target2, "%s/new.json", sub);
    write_text(real, "old");
    CU_ASSERT_FATAL(symlink(real, link) == 0);
    CU_ASSERT_FATAL(symlink("real/data.json", rel) == 0);
    CU_ASSERT_FATAL(symlink("real/new.json", dangling) == 0);
    struct stat sb;
    make_county_file(link);
    CU_ASSERT(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode)); /* was replaced by a regular file */
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(real), "Vestfold"));
    write_text(real, "old");
    make_county_file(rel);
    CU_ASSERT(lstat(rel, &sb) == 0 && S_ISLNK(sb.st_mode));
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(real), "Vestfold"));
    make_county_file(dangling);
    CU_ASSERT(lstat(dangling, &sb) == 0 && S_ISLNK(sb.st_mode));
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(target2), "Vestfold"));
    /* A dataset loaded through the link and saved back through it: no false conflict. */
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_file(link, &ds), REGINT_OK);
    CU_ASSERT_EQUAL(regint_dataset_save_file(ds, rel), REGINT_OK);
    regint_dataset_free(ds);
    unlink(link);
    unlink(rel);
    unlink(dangling);
    unlink(real);
    unlink(target2);
    CU_ASSERT_EQUAL(rmdir(sub), 0); /* no temporaries left in the target's folder */
}

static void test_report_pair(void)
{
    regint_dataset *ds;
    CU_ASSERT_EQUAL_FATAL(regint_dataset_load_default(&ds), REGINT_OK);
    char md[128], html[128];
    path_in(md, sizeof md, "fylke-03-2025.md");
    path_in(html, sizeof html, "fylke-03-2025.html");
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    opt.year = 2025;
    write_text(md, "OLD MD");
    CU_ASSERT_FATAL(mkdir(html, 0700) == 0); /* the .html cannot be replaced */
    CU_ASSERT_EQUAL(regint_report_write(ds, "03", g_dir, &opt, NULL, NULL), REGINT_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(regint_last_error(), "fylke-03-2025.html: cannot write"));
    CU_ASSERT_STRING_EQUAL(read_text(md), "OLD MD"); /* was replaced: a mixed pair */
    CU_ASSERT_EQUAL(count_leftovers("fylke-03-2025"), 0);
    /* Without an old .md, none is left either. */
    unlink(md);
    CU_ASSERT_EQUAL(regint_report_write(ds, "03", g_dir, &opt, NULL, NULL), REGINT_EIO);
    CU_ASSERT_EQUAL(access(md, F_OK), -1);
    CU_ASSERT_EQUAL(count_leftovers("fylke-03-2025"), 0);
    rmdir(html);
    CU_ASSERT_EQUAL(regint_report_write(ds, "03", g_dir, &opt, NULL, NULL), REGINT_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(md), "#"));
    CU_ASSERT_PTR_NOT_NULL(strstr(read_text(html), "<html"));
    unlink(md);
    unlink(html);
    regint_dataset_free(ds);
}

int main(void)
{
    snprintf(g_dir, sizeof g_dir, "/tmp/regint_save_XXXXXX");
    if (!mkdtemp(g_dir))
        return 1;
    static const test_case tests[] = {{"lost update: two processes", test_lost_update},
                                      {"lost update of a plan: two processes", test_lost_update_plan},
                                      {"saving twice, and a hand edit", test_save_twice_same_process},
                                      {"plan: saving twice, a hand edit, force, copies", test_plan_save_twice},
                                      {"leftovers of interrupted saves", test_leftovers},
                                      {"through symbolic links", test_symlink},
                                      {"report: .md and .html both or neither", test_report_pair},
                                      {NULL, NULL}};
    if (CU_initialize_registry() != CUE_SUCCESS || test_add_suite("save", tests))
        return 1;
    int rc = test_run_all();
    rmdir(g_dir);
    return rc;
}
