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

#include "dataset/dataset_internal.h"
#include "dataset/snapshot.h"
#include "settlement/settlement_internal.h"
#include "util/fileio.h"
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
    CU_ASSERT_FATAL(regint__snapshot_write(from_json, json, snap, NULL, 0, NULL, 0) == REGINT_OK);
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
    /* written a whole second after its JSON (tools/make_snapshot.c), so that loads need not hash
     * the JSON (json_unchanged() in lib/dataset/snapshot.c) */
    struct stat js, ss;
    CU_ASSERT_FATAL(stat(json, &js) == 0 && stat(REGINT_BUILD_DATA_DIR "/regint-default.snap", &ss) == 0);
    CU_ASSERT(ss.st_mtim.tv_sec > js.st_mtim.tv_sec);
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
    CU_ASSERT_FATAL(regint__snapshot_write(ds, json, snap, NULL, 0, NULL, 0) == REGINT_OK);
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
    CU_ASSERT_FATAL(regint__snapshot_write(ds, json, snap, NULL, 0, NULL, 0) == REGINT_OK);
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

/* ---- The fitted engine's fit stored in the snapshot (lib/settlement/fitted.c, "the fit,
 * memoised"). The reference is the second way to the same result: the dataset loaded from the
 * JSON, which has no stored fit, so every weight comes from a fresh fit (fitter_scan +
 * fitter_build + fitter_weights). A dataset loaded from the snapshot must give bit for bit the
 * same result; once a table that feeds the fit changes, it must fit again; a snapshot whose
 * stored fit is corrupt must not be loaded at all. */
#define JSON REGINT_BUILD_DATA_DIR "/regint-default.json"
#define SNAP REGINT_BUILD_DATA_DIR "/regint-default.snap"

/* Every field of two results, doubles compared as bits. */
static int same_fit(const regint__fitted *a, const regint__fitted *b)
{
    return a->n == b->n && !memcmp(a->weights, b->weights, sizeof a->weights) && a->fit_from == b->fit_from &&
           a->fit_to == b->fit_to && a->fit_n == b->fit_n &&
           a->actual_total == b->actual_total && (!a->n || (!memcmp(a->codes, b->codes, a->n * sizeof *a->codes) &&
                                                            !memcmp(a->share, b->share, a->n * 6 * sizeof(double)) &&
                                                            !memcmp(a->raw, b->raw, a->n * 6 * sizeof(double))));
}

/* fitted_county on both datasets; 1 when both succeed with the same result. */
static int same_on(const regint_dataset *x, const regint_dataset *y, const char *fylkesnr, int year, int train_to,
                   int64_t total)
{
    regint__fitted a, b;
    regint_status sa = regint__fitted_county(x, fylkesnr, year, train_to, total, &a);
    regint_status sb = regint__fitted_county(y, fylkesnr, year, train_to, total, &b);
    int same = sa == REGINT_OK && sb == REGINT_OK && same_fit(&a, &b);
    if (!same)
        fprintf(stderr, "\n  %s %d (train to %d, total %lld): %d %d differ\n", fylkesnr, year, train_to,
                (long long)total, (int)sa, (int)sb);
    regint__fitted_free(&a);
    regint__fitted_free(&b);
    return same;
}

/* A request figure of 2024 of a municipality of county 39, raised by 50 (a table the fit
 * reads changes). */
static void raise_request(regint_dataset *ds)
{
    for (size_t i = 0; i < regint_dataset_settlement_count(ds); i++) {
        regint_settlement_t s = *regint_dataset_settlement_at(ds, i);
        if (s.year == 2024 && s.measure == REGINT_MEASURE_REQUEST && s.category == REGINT_CATEGORY_ALL &&
            !strncmp(s.kommunenr, "39", 2) && s.value.missing == REGINT_MISSING_NONE) {
            s.value.value += 50;
            CU_ASSERT(regint_dataset_set_settlement(ds, &s) == REGINT_OK);
            return;
        }
    }
    CU_FAIL("no request figure of county 39 in 2024");
}

/* The stored fit gives what a fresh fit gives: every county of every year it holds, the whole
 * country, a county without municipalities, and the cases it does not hold (a year after the
 * last with requests, a shorter training span), which are fitted. */
static void test_stored_equals_fresh(void)
{
    regint_dataset *snap = NULL, *json = NULL;
    CU_ASSERT_FATAL(regint__snapshot_load(SNAP, JSON, &snap) == REGINT_OK);
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &json) == REGINT_OK);
    size_t len = 0;
    CU_ASSERT(regint__dataset_memo(snap, &len) != NULL && len > 0);
    CU_ASSERT(regint__dataset_memo(json, &len) == NULL);
    size_t checked = 0, differ = 0;
    for (int y = 2014; y <= 2027; y++) {
        const regint_county_t **cs = NULL;
        size_t nc = 0;
        CU_ASSERT_FATAL(regint_dataset_counties_in(json, y, &cs, &nc) == REGINT_OK);
        for (size_t c = 0; c <= nc + 1; c++) {
            const char *f = c < nc ? cs[c]->fylkesnr : c == nc ? "00" : "99";
            differ += !same_on(snap, json, f, y, y - 1, 250);
            checked++;
        }
        regint_free((void *)cs);
        differ += !same_on(snap, json, "39", y, y - 3, 250); /* trained up to y - 3: fitted */
        differ += !same_on(snap, json, "00", y, y - 1, 0);
        checked += 2;
    }
    CU_ASSERT(checked > 200);
    CU_ASSERT_EQUAL(differ, 0);
    regint_dataset_free(snap);
    regint_dataset_free(json);
}

/* After a change to a table that feeds the fit, a dataset loaded from the snapshot fits again
 * (its result is that of the JSON's dataset with the same change, and differs from before). */
static void test_changed_fits_again(void)
{
    regint_dataset *snap = NULL, *json = NULL;
    CU_ASSERT_FATAL(regint__snapshot_load(SNAP, JSON, &snap) == REGINT_OK);
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &json) == REGINT_OK);
    regint__fitted before, after;
    CU_ASSERT_FATAL(regint__fitted_county(snap, "39", 2026, 2025, 0, &before) == REGINT_OK);
    size_t len;
    /* a table the fit does not read leaves the stored fit in use */
    regint_case_t k = {"fit-memo-case", 2, 0, 2026};
    CU_ASSERT(regint_dataset_add_case(snap, &k) == REGINT_OK);
    CU_ASSERT(regint__dataset_memo(snap, &len) != NULL);
    raise_request(snap);
    raise_request(json);
    CU_ASSERT(regint__dataset_memo(snap, &len) == NULL);
    CU_ASSERT(same_on(snap, json, "39", 2026, 2025, 0));
    CU_ASSERT(same_on(snap, json, "00", 2026, 2025, 0));
    CU_ASSERT_FATAL(regint__fitted_county(snap, "39", 2026, 2025, 0, &after) == REGINT_OK);
    CU_ASSERT(!same_fit(&before, &after));
    regint__fitted_free(&before);
    regint__fitted_free(&after);
    regint_dataset_free(snap);
    regint_dataset_free(json);
}

/* The stored fit is what a snapshot load recommends with: a snapshot written from changed
 * tables with the fit of the unchanged ones gives the unchanged result (so the fit was not
 * recomputed) -- from the memo for 2026, from the memo and its tail for 2027, whose weights
 * follow the total asked -- until its tables change. */
static void test_stored_fit_is_used(void)
{
    regint_dataset *ds = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &ds) == REGINT_OK);
    char *memo = NULL, *tail = NULL;
    size_t len = 0, tail_len = 0;
    CU_ASSERT_FATAL(regint__fitted_memo(ds, &memo, &len, &tail, &tail_len) == REGINT_OK && len && tail_len);
    const struct {
        int year;
        int64_t total;
    } ask[] = {{2026, 0}, {2027, 300}};
    for (int k = 0; k < 2; k++) {
        int y = ask[k].year;
        int64_t t = ask[k].total;
        regint_dataset *d = NULL, *l = NULL;
        CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &d) == REGINT_OK);
        regint__fitted orig, changed, believed, again;
        CU_ASSERT_FATAL(regint__fitted_county(d, "39", y, y - 1, t, &orig) == REGINT_OK);
        raise_request(d);
        CU_ASSERT_FATAL(regint__fitted_county(d, "39", y, y - 1, t, &changed) == REGINT_OK);
        CU_ASSERT(!same_fit(&orig, &changed));
        char snap[512];
        snprintf(snap, sizeof snap, "%s/lying.snap", tmpdir);
        CU_ASSERT_FATAL(regint__snapshot_write(d, JSON, snap, memo, len, tail, tail_len) == REGINT_OK);
        CU_ASSERT_FATAL(regint__snapshot_load(snap, JSON, &l) == REGINT_OK);
        CU_ASSERT_FATAL(regint__fitted_county(l, "39", y, y - 1, t, &believed) == REGINT_OK);
        CU_ASSERT(same_fit(&believed, &orig));
        raise_request(l);
        raise_request(d);
        CU_ASSERT(same_on(l, d, "39", y, y - 1, t));
        CU_ASSERT_FATAL(regint__fitted_county(l, "39", y, y - 1, t, &again) == REGINT_OK);
        CU_ASSERT(!same_fit(&again, &believed));
        regint__fitted_free(&orig);
        regint__fitted_free(&changed);
        regint__fitted_free(&believed);
        regint__fitted_free(&again);
        regint_dataset_free(d);
        regint_dataset_free(l);
    }
    free(memo);
    free(tail);
    regint_dataset_free(ds);
}

/* A snapshot whose stored fit is damaged is refused as a whole (the snapshot's hash covers it);
 * a damaged tail, which a load does not read, is found when it is read, and the fit is then
 * built; a stored fit that is not one this build reads (another layout, cut short) is not
 * used. Where it is not used, the result is a fresh fit's. */
static void test_corrupt_fit(void)
{
    size_t n = 0;
    unsigned char *bytes = (unsigned char *)test_slurp(SNAP, &n);
    CU_ASSERT_FATAL(bytes != NULL && n > 100000);
    regint_dataset *json = NULL, *ds = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &json) == REGINT_OK);
    size_t len = 0, tail_len = 0;
    char *memo = NULL, *tail = NULL;
    CU_ASSERT_FATAL(regint__fitted_memo(json, &memo, &len, &tail, &tail_len) == REGINT_OK);
    CU_ASSERT_FATAL(len && tail_len && len + tail_len < n);
    char snap[512];
    snprintf(snap, sizeof snap, "%s/corrupt.snap", tmpdir);
    /* the file ends: memo, padding, tail length and hash, the hash, the tail, its length */
    size_t memo_end = n - 8 - tail_len - 24 - (8 - len % 8) % 8;
    const size_t at[] = {memo_end - 1, memo_end - len / 2, memo_end - len + 3, n - 8 - tail_len - 20, n - 1};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        bytes[at[i]] ^= 0x10;
        CU_ASSERT_FATAL(regint__write_atomic(snap, (const char *)bytes, n) == REGINT_OK);
        bytes[at[i]] ^= 0x10;
        ds = NULL;
        CU_ASSERT(regint__snapshot_load(snap, JSON, &ds) != REGINT_OK);
        CU_ASSERT_PTR_NULL(ds);
    }
    const size_t cut[] = {n - 8 - tail_len - 24 - len / 2, n - tail_len / 2, n - 1};
    for (size_t i = 0; i < sizeof cut / sizeof *cut; i++) {
        CU_ASSERT_FATAL(regint__write_atomic(snap, (const char *)bytes, cut[i]) == REGINT_OK);
        ds = NULL;
        CU_ASSERT(regint__snapshot_load(snap, JSON, &ds) != REGINT_OK);
    }
    /* a byte of the tail flipped: the snapshot loads, the tail is refused when read */
    bytes[n - 8 - tail_len / 2] ^= 0x10;
    CU_ASSERT_FATAL(regint__write_atomic(snap, (const char *)bytes, n) == REGINT_OK);
    bytes[n - 8 - tail_len / 2] ^= 0x10;
    ds = NULL;
    CU_ASSERT_FATAL(regint__snapshot_load(snap, JSON, &ds) == REGINT_OK);
    size_t got = 1;
    CU_ASSERT_PTR_NULL(regint__dataset_memo_tail(ds, &got));
    CU_ASSERT_EQUAL(got, 0);
    CU_ASSERT(same_on(ds, json, "39", 2027, 2026, 300));
    regint_dataset_free(ds);
    /* well-formed snapshots whose stored fit is not a fit this build reads */
    const struct {
        const char *bytes, *tail;
        size_t len, tail_len;
    } odd[] = {{"not a fit at all, but 48 bytes long ............", NULL, 48, 0},
               {memo, tail, 1000, tail_len},
               {memo, tail, len - 8, tail_len},
               {memo, tail, len, tail_len - 8}};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        ds = NULL;
        CU_ASSERT_FATAL(regint__snapshot_write(json, JSON, snap, odd[i].bytes, odd[i].len, odd[i].tail,
                                               odd[i].tail_len) == REGINT_OK);
        CU_ASSERT_FATAL(regint__snapshot_load(snap, JSON, &ds) == REGINT_OK);
        CU_ASSERT(same_on(ds, json, "39", 2026, 2025, 0));
        CU_ASSERT(same_on(ds, json, "00", 2025, 2024, 0));
        CU_ASSERT(same_on(ds, json, "39", 2027, 2026, 300));
        regint_dataset_free(ds);
    }
    free(memo);
    free(tail);
    free(bytes);
    regint_dataset_free(json);
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
        {"the stored fit gives a fresh fit's results", test_stored_equals_fresh},
        {"a changed dataset fits again", test_changed_fits_again},
        {"a snapshot load recommends with its stored fit", test_stored_fit_is_used},
        {"a corrupt stored fit refuses the snapshot; an odd one is not used", test_corrupt_fit},
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
