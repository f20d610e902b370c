/* The fitted engine's fit stored in the snapshot (lib/settlement/fitted.c, "the fit,
 * memoised"; lib/dataset/snapshot.c). The reference is the second way to the same result: the
 * dataset loaded from the JSON, which has no stored fit, so every weight comes from a fresh
 * fit (fitter_scan + fitter_build + fitter_weights). A dataset loaded from the snapshot must
 * give bit for bit the same result; once a table that feeds the fit changes, it must fit
 * again; a snapshot whose stored fit is corrupt must not be loaded at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "dataset/dataset_internal.h"
#include "dataset/snapshot.h"
#include "settlement/settlement_internal.h"
#include "util/fileio.h"
#include "test_file.h"
#include "test_util.h"

#define JSON REGINT_BUILD_DATA_DIR "/regint-default.json"
#define SNAP REGINT_BUILD_DATA_DIR "/regint-default.snap"

static char tmpdir[256];

/* Every field of two results, doubles compared as bits. */
static int same_fit(const regint__fitted *a, const regint__fitted *b)
{
    return a->n == b->n && !memcmp(a->weights, b->weights, sizeof a->weights) && a->fit_from == b->fit_from &&
           a->fit_to == b->fit_to && a->fit_n == b->fit_n && !memcmp(&a->ratio, &b->ratio, sizeof a->ratio) &&
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
 * recomputed), until its tables change. */
static void test_stored_fit_is_used(void)
{
    regint_dataset *ds = NULL, *loaded = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &ds) == REGINT_OK);
    char *memo = NULL;
    size_t len = 0;
    CU_ASSERT_FATAL(regint__fitted_memo(ds, &memo, &len) == REGINT_OK && memo && len);
    regint__fitted orig, changed, believed, again;
    CU_ASSERT_FATAL(regint__fitted_county(ds, "39", 2026, 2025, 0, &orig) == REGINT_OK);
    raise_request(ds);
    CU_ASSERT_FATAL(regint__fitted_county(ds, "39", 2026, 2025, 0, &changed) == REGINT_OK);
    CU_ASSERT(!same_fit(&orig, &changed));
    char snap[512];
    snprintf(snap, sizeof snap, "%s/lying.snap", tmpdir);
    CU_ASSERT_FATAL(regint__snapshot_write(ds, JSON, snap, memo, len) == REGINT_OK);
    CU_ASSERT_FATAL(regint__snapshot_load(snap, JSON, &loaded) == REGINT_OK);
    CU_ASSERT_FATAL(regint__fitted_county(loaded, "39", 2026, 2025, 0, &believed) == REGINT_OK);
    CU_ASSERT(same_fit(&believed, &orig));
    raise_request(loaded);
    raise_request(ds);
    CU_ASSERT(same_on(loaded, ds, "39", 2026, 2025, 0));
    CU_ASSERT_FATAL(regint__fitted_county(loaded, "39", 2026, 2025, 0, &again) == REGINT_OK);
    CU_ASSERT(!same_fit(&again, &believed));
    regint__fitted_free(&orig);
    regint__fitted_free(&changed);
    regint__fitted_free(&believed);
    regint__fitted_free(&again);
    free(memo);
    regint_dataset_free(ds);
    regint_dataset_free(loaded);
}

/* A snapshot whose stored fit is damaged is refused as a whole (the snapshot's hash covers it);
 * a stored fit that is not one this build reads (another layout, cut short) is not used: the
 * result is a fresh fit's. */
static void test_corrupt_fit(void)
{
    size_t n = 0;
    unsigned char *bytes = (unsigned char *)test_slurp(SNAP, &n);
    CU_ASSERT_FATAL(bytes != NULL && n > 100000);
    regint_dataset *json = NULL, *ds = NULL;
    CU_ASSERT_FATAL(regint_dataset_load_file(JSON, &json) == REGINT_OK);
    size_t len = 0;
    char *memo = NULL;
    CU_ASSERT_FATAL(regint__fitted_memo(json, &memo, &len) == REGINT_OK && len < n);
    char snap[512];
    snprintf(snap, sizeof snap, "%s/corrupt.snap", tmpdir);
    /* the stored fit is the last thing before the final hash: flip bytes inside it, cut it */
    const size_t at[] = {n - 9, n - 8 - len / 2, n - 8 - len + 3};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        bytes[at[i]] ^= 0x10;
        CU_ASSERT_FATAL(regint__write_atomic(snap, (const char *)bytes, n) == REGINT_OK);
        bytes[at[i]] ^= 0x10;
        ds = NULL;
        CU_ASSERT(regint__snapshot_load(snap, JSON, &ds) != REGINT_OK);
        CU_ASSERT_PTR_NULL(ds);
    }
    CU_ASSERT_FATAL(regint__write_atomic(snap, (const char *)bytes, n - len / 2) == REGINT_OK);
    CU_ASSERT(regint__snapshot_load(snap, JSON, &ds) != REGINT_OK);
    /* well-formed snapshots whose stored fit is not a fit this build reads */
    const struct {
        const char *bytes;
        size_t len;
    } odd[] = {{"not a fit at all, but 48 bytes long ............", 48}, {memo, 1000}, {memo, len - 8}};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        ds = NULL;
        CU_ASSERT_FATAL(regint__snapshot_write(json, JSON, snap, odd[i].bytes, odd[i].len) == REGINT_OK);
        CU_ASSERT_FATAL(regint__snapshot_load(snap, JSON, &ds) == REGINT_OK);
        CU_ASSERT(same_on(ds, json, "39", 2026, 2025, 0));
        CU_ASSERT(same_on(ds, json, "00", 2025, 2024, 0));
        regint_dataset_free(ds);
    }
    free(memo);
    free(bytes);
    regint_dataset_free(json);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/regint_test_snapshot_fit_XXXXXX");
    if (!mkdtemp(tmpdir) || CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    static const test_case tests[] = {
        {"the stored fit gives a fresh fit's results", test_stored_equals_fresh},
        {"a changed dataset fits again", test_changed_fits_again},
        {"a snapshot load recommends with its stored fit", test_stored_fit_is_used},
        {"a corrupt stored fit refuses the snapshot; an odd one is not used", test_corrupt_fit},
        {NULL, NULL},
    };
    if (test_add_suite("snapshot_fit", tests))
        return 1;
    int rc = test_run_all();
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
