/* The binary snapshot of a dataset JSON (lib/dataset/snapshot.h). The reference for every
 * comparison is the JSON loader itself: a dataset loaded from a snapshot must save to exactly
 * the bytes of the same JSON loaded by regint_dataset_load_file(). A snapshot that is not of
 * the JSON's current bytes (edited JSON, truncated or corrupt snapshot) must never be used. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <regint/regint.h>

#include "dataset/snapshot.h"
#include "test_file.h"
#include "test_util.h"

static char tmpdir[256];

static int spit(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, n, f) == n;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static char *saved(const regint_dataset *ds)
{
    char *s = NULL;
    return regint_dataset_to_string(ds, &s) == REGINT_OK ? s : NULL;
}

/* Copy `src` to <tmp>/<name>.json, write its snapshot, and check the snapshot loads to the
 * same dataset as the JSON. */
static void roundtrip(const char *src, const char *name)
{
    char json[512], snap[512];
    snprintf(json, sizeof json, "%s/%s.json", tmpdir, name);
    CU_ASSERT_FATAL(regint__snapshot_path(json, snap, sizeof snap));
    CU_ASSERT_STRING_EQUAL(snap + strlen(snap) - 5, ".snap");
    size_t n = 0;
    char *text = test_slurp(src, &n);
    CU_ASSERT_FATAL(text != NULL);
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    free(text);

    regint_dataset *from_json = NULL, *from_snap = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(json, &from_json) == REGINT_OK);
    CU_ASSERT_FATAL(regint__snapshot_write(from_json, json, snap, NULL, 0) == REGINT_OK);
    CU_ASSERT_FATAL(regint__snapshot_load(snap, json, &from_snap) == REGINT_OK);
    char *a = saved(from_json), *b = saved(from_snap);
    CU_ASSERT_PTR_NOT_NULL(a);
    CU_ASSERT_PTR_NOT_NULL(b);
    if (a && b)
        CU_ASSERT_STRING_EQUAL(a, b);
    /* lookups go through the indexes the snapshot rebuilt */
    for (size_t i = 0; i < regint_dataset_settlement_count(from_snap); i += 97) {
        const regint_settlement_t *s = regint_dataset_settlement_at(from_snap, i);
        regint_value_t v;
        CU_ASSERT(regint_dataset_settlement(from_snap, s->kommunenr, s->year, s->measure, s->category, &v) ==
                  REGINT_OK);
    }
    /* and the dataset still grows as one loaded from JSON (indexes sized for their tables) */
    if (regint_dataset_municipality_count(from_snap)) {
        const regint_municipality_t *m = regint_dataset_municipality_at(from_snap, 0);
        regint_settlement_t s = {m->kommunenr, m->valid_from, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL,
                                 {12, REGINT_MISSING_NONE}};
        CU_ASSERT(regint_dataset_set_settlement(from_snap, &s) == REGINT_OK);
    }
    regint_free(a);
    regint_free(b);
    regint_dataset_free(from_json);
    regint_dataset_free(from_snap);
}

static void test_default_roundtrip(void) { roundtrip(REGINT_BUILD_DATA_DIR "/regint-default.json", "default"); }

static void test_sections_roundtrip(void) { roundtrip(REGINT_TEST_DIR "/data/tasks/good_v2.json", "sections"); }

/* The snapshot built at build time is one of the JSON beside it. */
static void test_built_snapshot(void)
{
    regint_dataset *a = NULL, *b = NULL;
    const char *json = REGINT_BUILD_DATA_DIR "/regint-default.json";
    CU_ASSERT_FATAL(regint__snapshot_load(REGINT_BUILD_DATA_DIR "/regint-default.snap", json, &a) == REGINT_OK);
    CU_ASSERT_FATAL(regint_dataset_load_file(json, &b) == REGINT_OK);
    char *x = saved(a), *y = saved(b);
    CU_ASSERT(x && y && strcmp(x, y) == 0);
    regint_free(x);
    regint_free(y);
    regint_dataset_free(a);
    regint_dataset_free(b);
}

/* tests/data/tasks/good_v2.json copied to <tmp>/<name>.json (json: that path, snap: its
 * snapshot path); returns its text (the caller frees it), NULL on failure. */
static char *fixture_copy(const char *name, char json[512], char snap[512], size_t *n)
{
    snprintf(json, 512, "%s/%s.json", tmpdir, name);
    regint__snapshot_path(json, snap, 512);
    char *text = test_slurp(REGINT_TEST_DIR "/data/tasks/good_v2.json", n);
    if (text && spit(json, text, *n) != 0) {
        free(text);
        text = NULL;
    }
    return text;
}

/* Edited JSON, truncated or corrupt snapshot: refused, and load_default falls back to the JSON. */
static void test_stale_and_corrupt(void)
{
    char json[512], snap[512];
    size_t n = 0;
    char *text = fixture_copy("stale", json, snap, &n);
    CU_ASSERT_FATAL(text != NULL);
    regint_dataset *ds = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(json, &ds) == REGINT_OK);
    CU_ASSERT_FATAL(regint__snapshot_write(ds, json, snap, NULL, 0) == REGINT_OK);
    regint_dataset_free(ds);
    size_t sn = 0;
    char *sbytes = test_slurp(snap, &sn);
    CU_ASSERT_FATAL(sbytes != NULL);

    /* the JSON edited after the snapshot: the Tønsberg name changes, same length */
    char *p = strstr(text, "T\xc3\xb8nsberg");
    CU_ASSERT_FATAL(p != NULL);
    p[0] = 'X';
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) != REGINT_OK);
    CU_ASSERT_PTR_NULL(ds);
    setenv("REGINT_DATA", json, 1);
    CU_ASSERT_FATAL(regint_dataset_load_default(&ds) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(regint_dataset_municipality_at(ds, 0)->name, "X\xc3\xb8nsberg");
    regint_dataset_free(ds);

    /* the JSON restored: the snapshot is used again */
    p[0] = 'T';
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) == REGINT_OK);
    regint_dataset_free(ds);

    /* every truncation and a flipped byte anywhere: refused, never a crash (ASan) */
    for (size_t cut = 0; cut < sn; cut += 1 + cut / 8) {
        CU_ASSERT_FATAL(spit(snap, sbytes, cut) == 0);
        ds = NULL;
        CU_ASSERT(regint__snapshot_load(snap, json, &ds) != REGINT_OK);
        CU_ASSERT_PTR_NULL(ds);
    }
    for (size_t at = 0; at < sn; at += 1 + at / 4) {
        sbytes[at] ^= 0x20;
        CU_ASSERT_FATAL(spit(snap, sbytes, sn) == 0);
        sbytes[at] ^= 0x20;
        ds = NULL;
        CU_ASSERT(regint__snapshot_load(snap, json, &ds) != REGINT_OK);
        CU_ASSERT_PTR_NULL(ds);
    }
    /* load_default with a bad snapshot still gives the JSON's dataset */
    CU_ASSERT_FATAL(regint_dataset_load_default(&ds) == REGINT_OK);
    CU_ASSERT_STRING_EQUAL(regint_dataset_municipality_at(ds, 0)->name, "T\xc3\xb8nsberg");
    regint_dataset_free(ds);
    unsetenv("REGINT_DATA");
    free(sbytes);
    free(text);
}

/* A snapshot load keeps its tables and indexes in one block (snapshot.c): the dataset must
 * still grow out of it like one loaded from JSON, keep every old record findable, and free
 * cleanly (ASan checks no array inside the block is freed or reallocated on its own). */
static void test_grows_out_of_block(void)
{
    regint_dataset *ds = NULL;
    const char *json = REGINT_BUILD_DATA_DIR "/regint-default.json";
    CU_ASSERT_FATAL(regint__snapshot_load(REGINT_BUILD_DATA_DIR "/regint-default.snap", json, &ds) == REGINT_OK);
    const regint_municipality_t **mun = NULL;
    size_t n0 = regint_dataset_settlement_count(ds), nm = 0;
    CU_ASSERT_FATAL(regint_dataset_municipalities_in(ds, 2026, NULL, &mun, &nm) == REGINT_OK);
    CU_ASSERT_FATAL(n0 > 1000 && nm > 300);
    /* 3 x 100 new figures in years the data does not have: the table and its index grow */
    for (int k = 0; k < 300; k++) {
        regint_settlement_t s = {mun[k % 100]->kommunenr, 2150 + k / 100, REGINT_MEASURE_REQUEST,
                                 REGINT_CATEGORY_ALL, {k + 1, REGINT_MISSING_NONE}};
        CU_ASSERT(regint_dataset_set_settlement(ds, &s) == REGINT_OK);
    }
    CU_ASSERT_EQUAL(regint_dataset_settlement_count(ds), n0 + 300);
    for (size_t i = 0; i < n0; i += 37) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        regint_value_t v;
        CU_ASSERT(regint_dataset_settlement(ds, s->kommunenr, s->year, s->measure, s->category, &v) == REGINT_OK);
        CU_ASSERT(v.missing == s->value.missing && (v.missing || v.value == s->value.value));
    }
    regint_value_t v;
    CU_ASSERT(regint_dataset_settlement(ds, mun[5]->kommunenr, 2151, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL,
                                        &v) == REGINT_OK);
    CU_ASSERT(v.value == 106.0);
    regint_free((void *)mun);
    /* 1,500 new strings: the pool of interned strings grows out of the block too */
    size_t nc0 = regint_dataset_case_count(ds);
    for (int k = 0; k < 1500; k++) {
        char id[32];
        snprintf(id, sizeof id, "case-%d", k);
        regint_case_t c = {id, 1 + k % 5, 0, 2026};
        CU_ASSERT(regint_dataset_add_case(ds, &c) == REGINT_OK);
    }
    CU_ASSERT_EQUAL_FATAL(regint_dataset_case_count(ds), nc0 + 1500);
    CU_ASSERT_STRING_EQUAL(regint_dataset_case_at(ds, nc0 + 1234)->id, "case-1234");
    CU_ASSERT_EQUAL(regint_dataset_case_at(ds, nc0 + 1234)->family_size, 1 + 1234 % 5);
    char *text = saved(ds); /* every string, old and new, still readable (ASan) */
    CU_ASSERT(text && strstr(text, "case-1499") && strstr(text, "\"0301\""));
    regint_free(text);
    regint_dataset_free(ds);
}

/* The JSON check by length and modification time (snapshot.c, json_unchanged): the bytes
 * are hashed unless both are those recorded AND that time is a second older than the
 * snapshot. */
static void test_json_time_check(void)
{
    char json[512], snap[512];
    size_t n = 0;
    char *text = fixture_copy("timed", json, snap, &n);
    CU_ASSERT_FATAL(text != NULL);
    struct timespec old[2];
    clock_gettime(CLOCK_REALTIME, &old[0]);
    old[0].tv_sec -= 3600;
    old[1] = old[0];
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, json, old, 0) == 0); /* the JSON is an hour older */
    regint_dataset *ds = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(json, &ds) == REGINT_OK);
    CU_ASSERT_FATAL(regint__snapshot_write(ds, json, snap, NULL, 0) == REGINT_OK);
    regint_dataset_free(ds);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) == REGINT_OK);
    regint_dataset_free(ds);

    /* Same length and the recorded time put back on purpose: by design not seen (the check
     * reads no bytes; docs/performance.md says so). This shows the shortcut is taken. */
    char *p = strstr(text, "T\xc3\xb8nsberg");
    CU_ASSERT_FATAL(p != NULL);
    p[0] = 'X';
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, json, old, 0) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) == REGINT_OK);
    regint_dataset_free(ds);
    /* the same with the time cut to whole seconds, as cmake --install, tar and dpkg copy it */
    struct timespec cut[2] = {{old[0].tv_sec, 0}, {old[0].tv_sec, 0}};
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, json, cut, 0) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) == REGINT_OK);
    regint_dataset_free(ds);
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, json, old, 0) == 0);

    /* Racy: the snapshot is not a second newer than the JSON's recorded time (both written
     * within one second), so an edit could hide behind an equal time: the bytes are hashed. */
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, snap, old, 0) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) != REGINT_OK);
    CU_ASSERT_PTR_NULL(ds);
    p[0] = 'T'; /* the recorded bytes again: the hash matches */
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    CU_ASSERT_FATAL(utimensat(AT_FDCWD, json, old, 0) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) == REGINT_OK);
    regint_dataset_free(ds);

    /* A different time (an edit, or a copy that did not keep the time): hashed. */
    p[0] = 'X';
    CU_ASSERT_FATAL(spit(json, text, n) == 0);
    ds = NULL;
    CU_ASSERT(regint__snapshot_load(snap, json, &ds) != REGINT_OK);
    CU_ASSERT_PTR_NULL(ds);
    free(text);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/regint_test_snapshot_XXXXXX");
    if (!mkdtemp(tmpdir) || CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"default dataset: snapshot loads to the JSON's dataset", test_default_roundtrip},
        {"sections (grants, collaboration) round-trip", test_sections_roundtrip},
        {"the snapshot built at build time matches its JSON", test_built_snapshot},
        {"stale, truncated or corrupt snapshots are refused", test_stale_and_corrupt},
        {"a loaded snapshot grows out of its block", test_grows_out_of_block},
        {"the JSON is checked by length and time, hashed when racy", test_json_time_check},
        {NULL, NULL},
    };
    if (test_add_suite("snapshot", tests))
        return 1;
    int rc = test_run_all();
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
