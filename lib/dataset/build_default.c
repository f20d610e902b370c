/* Building the bundled default dataset from the public CSV files of data/ (rules:
 * data/SOURCES.md and docs/data-format.md). The build tool data/build_default.c calls it
 * through the public API; a user can rebuild the dataset from newer source files the same way.
 *
 * Steps:
 *  1. Historic records (1995-2019): every code that imdi_bosetting_1995_2023.csv carries in a
 *     year up to 2019 becomes a municipality valid over the years IMDi's table carries it
 *     (first to last such year); its name comes from kommune_historisk_to_2024.csv, its
 *     county is the code's first two digits. Historic counties (names in
 *     fylker_historisk.csv) are valid over the years of their municipalities.
 *  2. kommuner_2020.csv (2020-2023) and kommuner_2024.csv (2024-open, population 2024).
 *  3. kommune_2020_to_2024.csv, then historic code -> 2024 code rows from
 *     kommune_historisk_to_2024.csv (from_year = last year of the historic record).
 *  4. The IMDi settlement files, skipping the codes kommune_historisk_to_2024.csv marks
 *     ikke_kommune (Svalbard, Jan Mayen, 9999 "uoppgitt kommune").
 *  5. The indicator catalogue and indicators_tidy.csv (made by make_indicators.py).
 *  6. Population on 1 January 2006-2026 from kommune_folkemengde_2005_2026.csv (SSB 07459 on
 *     2024 borders) for every municipality valid in the year (dataset/vintage.h): the sum of
 *     its 2024 codes. Codes valid in a year that share 2024 territory (pre-2020 municipalities
 *     merged later, e.g. 1241 Fusa and 1243 Os -> 4624 Bjørnafjorden) share the territory's
 *     population in proportion to 1 + their own IMDi requests of the six years before, an
 *     approximation: SSB's per-code figures of those municipalities are not in the data.
 *     2005 lacks 1160 Vindafjord and 1576 Aure, so the series is read from 2006. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset/dataset_internal.h"
#include "dataset/vintage.h"
#include "util/alloc.h"
#include "util/csv.h"
#include "util/error.h"

/* A code of kommune_historisk_to_2024.csv. */
typedef struct hist {
    char code[8];
    char name[128];
    int first, last;      /* years <= 2019 in the IMDi table; first = 0 if none */
    char targets[8][8];   /* 2024 codes */
    int ntargets;
    int not_municipality; /* ikke_kommune */
} hist;

typedef struct hist_table {
    hist *h;
    size_t n, cap;
} hist_table;

/* The codes are under a thousand: a linear search is fast enough for a one-off build. */
static hist *find_hist(hist_table *t, const char *code, int create)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->h[i].code, code) == 0)
            return &t->h[i];
    if (!create)
        return NULL;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 1024;
        hist *nh = regint__reallocarray(t->h, nc, sizeof *nh);
        if (!nh)
            return NULL;
        t->h = nh;
        t->cap = nc;
    }
    hist *h = &t->h[t->n++];
    memset(h, 0, sizeof *h);
    snprintf(h->code, sizeof h->code, "%s", code);
    return h;
}

static void path_of(char *buf, size_t n, const char *dir, const char *file)
{
    snprintf(buf, n, "%s/%s", dir, file);
}

/* Call fn for each row of a CSV file of the data directory (columns `cols`). */
static regint_status each_row(const char *dir, const char *file, const char *const *cols, regint__csv_row_fn fn,
                              void *ctx)
{
    char p[4096];
    regint__csv *c = NULL;
    path_of(p, sizeof p, dir, file);
    regint_status st = regint__csv_open(p, &c);
    if (!st)
        st = regint__csv_each_row(c, cols, fn, ctx);
    regint__csv_close(c);
    return st;
}

/* kommune_historisk_to_2024.csv: names, 2024 targets, ikke_kommune. */
static regint_status history_row(const regint__csv *c, const int *ix, void *ctx)
{
    hist *h = find_hist(ctx, regint__csv_field(c, ix[0]), 1);
    if (!h)
        return regint__enomem();
    if (!h->name[0])
        snprintf(h->name, sizeof h->name, "%s", regint__csv_field(c, ix[1]));
    if (strcmp(regint__csv_field(c, ix[3]), "ikke_kommune") == 0)
        h->not_municipality = 1;
    else if (h->ntargets < 8)
        snprintf(h->targets[h->ntargets++], 8, "%s", regint__csv_field(c, ix[2]));
    return REGINT_OK;
}

/* Years each code has rows up to 2019 in IMDi's 1995-2023 table. */
static regint_status history_year_row(const regint__csv *c, const int *ix, void *ctx)
{
    int64_t y;
    regint_status st = regint__csv_int(c, ix[0], 1995, 2023, &y);
    if (st || y > 2019)
        return st;
    hist *h = find_hist(ctx, regint__csv_field(c, ix[1]), 0);
    if (!h)
        return regint__csv_error(c, ix[1], REGINT_ENOTFOUND, "code %s not in kommune_historisk_to_2024.csv",
                                 regint__csv_field(c, ix[1]));
    if (!h->first || y < h->first)
        h->first = (int)y;
    if (y > h->last)
        h->last = (int)y;
    return REGINT_OK;
}

static int historic(const hist *h) { return h->first && !h->not_municipality; }

typedef struct county_ctx {
    regint_dataset *ds;
    const hist_table *t;
} county_ctx;

/* A historic county, valid over the years of its municipalities. */
static regint_status history_county_row(const regint__csv *c, const int *ix, void *ctx)
{
    const county_ctx *cc = ctx;
    const char *f = regint__csv_field(c, ix[0]);
    int first = 0, last = 0;
    for (size_t i = 0; i < cc->t->n; i++) {
        const hist *h = &cc->t->h[i];
        if (historic(h) && strncmp(h->code, f, 2) == 0) {
            first = !first || h->first < first ? h->first : first;
            last = h->last > last ? h->last : last;
        }
    }
    regint_county_t cty = {f, regint__csv_field(c, ix[1]), first, last};
    if (first && regint_dataset_add_county(cc->ds, &cty))
        return regint__error_prefix(regint__csv_name(c));
    return REGINT_OK;
}

/* Historic counties, then the historic municipalities. */
static regint_status add_history(regint_dataset *ds, const char *dir, const hist_table *t)
{
    static const char *const cols[] = {"fylkesnummer", "fylke", NULL};
    county_ctx cc = {ds, t};
    regint_status st = each_row(dir, "fylker_historisk.csv", cols, history_county_row, &cc);
    for (size_t i = 0; i < t->n && !st; i++) {
        const hist *h = &t->h[i];
        char fy[3] = {h->code[0], h->code[1], 0};
        regint_municipality_t m = {h->code, h->name, fy, h->first, h->last, 0, ""};
        if (historic(h) && regint_dataset_add_municipality(ds, &m))
            st = regint__error_prefix(h->code);
    }
    return st;
}

/* Historic code -> 2024 code(s). */
static regint_status add_history_changes(regint_dataset *ds, const hist_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const hist *h = &t->h[i];
        if (!historic(h))
            continue;
        for (int k = 0; k < h->ntargets; k++) {
            regint_change_kind kind;
            int sources = 0;
            for (size_t j = 0; j < t->n; j++)
                if (historic(&t->h[j]))
                    for (int u = 0; u < t->h[j].ntargets; u++)
                        sources += strcmp(t->h[j].targets[u], h->targets[k]) == 0;
            if (h->ntargets > 1)
                kind = REGINT_CHANGE_SPLIT;
            else if (sources > 1)
                kind = REGINT_CHANGE_MERGED;
            else if (strcmp(h->code, h->targets[k]) == 0)
                kind = REGINT_CHANGE_UNCHANGED;
            else
                kind = REGINT_CHANGE_RENUMBERED;
            regint_code_change_t ch = {h->code, h->last, h->targets[k], 2024, kind};
            if (regint_dataset_add_code_change(ds, &ch))
                return regint__error_prefix(h->code);
        }
    }
    return REGINT_OK;
}

static regint_status import(regint_dataset *ds, const char *dir, const char *file, regint_csv_kind kind,
                            const char *const *skip)
{
    char p[4096];
    size_t skipped = 0;
    path_of(p, sizeof p, dir, file);
    return regint__dataset_import_csv_skip(ds, kind, p, skip, &skipped);
}

/* The codes kommune_historisk_to_2024.csv marks ikke_kommune (NULL-terminated), or NULL. */
static const char **non_municipalities(const hist_table *t)
{
    const char **skip = regint__calloc(t->n + 1, sizeof *skip);
    for (size_t i = 0, n = 0; skip && i < t->n; i++)
        if (t->h[i].not_municipality)
            skip[n++] = t->h[i].code;
    return skip;
}

/* ------------------------------------------------------------- step 6: population series */

#define POP_FIRST 2006
#define POP_LAST 2026
#define POP_YEARS (POP_LAST - POP_FIRST + 1)

typedef struct pop_series {
    char code[512][5];              /* 2024 codes */
    double v[512][POP_YEARS];       /* population 1.1.year; NAN if none */
    size_t n;
} pop_series;

static long series_find(const pop_series *s, const char *code)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->code[i], code))
            return (long)i;
    return -1;
}

static regint_status series_row(const regint__csv *c, const int *ix, void *ctx)
{
    pop_series *s = ctx;
    int64_t y, v;
    regint_status st = regint__csv_int(c, ix[0], 1900, 2200, &y);
    if (!st)
        st = regint__csv_int(c, ix[2], 0, INT64_C(100000000), &v);
    if (st || y < POP_FIRST || y > POP_LAST)
        return st;
    const char *code = regint__csv_field(c, ix[1]);
    long i = series_find(s, code);
    if (i < 0) {
        if (s->n == 512 || strlen(code) != 4)
            return regint__csv_error(c, ix[1], REGINT_EINVAL, "'%s': not a 2024 code or too many codes", code);
        i = (long)s->n++;
        snprintf(s->code[i], sizeof s->code[i], "%s", code);
        for (int k = 0; k < POP_YEARS; k++)
            s->v[i][k] = NAN;
    }
    s->v[i][y - POP_FIRST] = (double)v;
    return REGINT_OK;
}

static size_t uf_find(size_t *parent, size_t a)
{
    while (parent[a] != a)
        a = parent[a] = parent[parent[a]];
    return a;
}

/* One year: municipalities valid in `year`, grouped by shared 2024 codes. */
static regint_status population_year(regint_dataset *ds, const pop_series *s, int year)
{
    const regint_municipality_t **m = NULL;
    size_t n = 0;
    regint_status st = regint__vintage_municipalities(ds, year, &m, &n);
    if (st)
        return st;
    size_t *parent = regint__calloc(n ? n : 1, sizeof *parent);
    long *owner = regint__calloc(s->n ? s->n : 1, sizeof *owner); /* 2024 code -> first code */
    unsigned char *used = regint__calloc(s->n ? s->n : 1, 1);
    double *weight = regint__calloc(n ? n : 1, sizeof *weight);
    const char ***tg = regint__calloc(n ? n : 1, sizeof *tg);
    size_t *ntg = regint__calloc(n ? n : 1, sizeof *ntg);
    if (!parent || !owner || !used || !weight || !tg || !ntg) {
        st = regint__enomem();
        goto done;
    }
    for (size_t i = 0; i < s->n; i++)
        owner[i] = -1;
    for (size_t i = 0; i < n; i++) {
        parent[i] = i;
        if (regint_dataset_map_code(ds, m[i]->kommunenr, year, 2024, &tg[i], &ntg[i]) != REGINT_OK) {
            ntg[i] = 0;
        }
        for (size_t j = 0; j < ntg[i]; j++) {
            long g = series_find(s, tg[i][j]);
            if (g < 0)
                continue;
            if (owner[g] < 0)
                owner[g] = (long)i;
            else
                parent[uf_find(parent, i)] = uf_find(parent, (size_t)owner[g]);
        }
        double w = 1;
        for (int t = year - 6; t < year; t++) {
            regint_value_t v;
            if (regint_dataset_settlement(ds, m[i]->kommunenr, t, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &v) ==
                    REGINT_OK &&
                v.missing == REGINT_MISSING_NONE)
                w += v.value;
        }
        weight[i] = w;
    }
    for (size_t r = 0; r < n && !st; r++) {
        if (uf_find(parent, r) != r)
            continue;
        double total = 0, wsum = 0;
        int complete = 1;
        memset(used, 0, s->n);
        for (size_t i = 0; i < n; i++) {
            if (uf_find(parent, i) != r)
                continue;
            wsum += weight[i];
            complete &= ntg[i] > 0;
            for (size_t j = 0; j < ntg[i]; j++) {
                long g = series_find(s, tg[i][j]);
                if (g < 0 || isnan(s->v[g][year - POP_FIRST])) {
                    complete = 0;
                } else if (!used[g]) {
                    used[g] = 1;
                    total += s->v[g][year - POP_FIRST];
                }
            }
        }
        for (size_t i = 0; i < n && complete && !st; i++)
            if (uf_find(parent, i) == r)
                st = regint_dataset_set_population(ds, m[i]->kommunenr, year,
                                                   (int64_t)llround(total * weight[i] / wsum));
    }
done:
    for (size_t i = 0; tg && i < n; i++)
        regint_free(tg[i]);
    free(tg);
    free(ntg);
    free(parent);
    free(owner);
    free(used);
    free(weight);
    regint_free(m);
    return st;
}

static regint_status add_population_series(regint_dataset *ds, const char *dir)
{
    static const char *const cols[] = {"year", "kommunenr", "population", NULL};
    pop_series *s = regint__calloc(1, sizeof *s);
    if (!s)
        return regint__enomem();
    regint_status st = each_row(dir, "kommune_folkemengde_2005_2026.csv", cols, series_row, s);
    for (int y = POP_FIRST; y <= POP_LAST && !st; y++)
        st = population_year(ds, s, y);
    free(s);
    return st;
}

static regint_status build(regint_dataset *ds, const char *dir, hist_table *t)
{
    static const char *const hist_cols[] = {"kommunenummer", "kommune", "kommunenummer_2024", "endring", NULL};
    static const char *const year_cols[] = {"year", "kommunenummer", NULL};
    /* Steps 2-5 in order; the entry without a file is step 3's historic code changes, and
     * `skip` marks the IMDi files, read without the codes that are not municipalities. */
    static const struct {
        const char *file;
        regint_csv_kind kind;
        int skip;
    } steps[] = {{"kommuner_2020.csv", REGINT_CSV_MUNICIPALITIES_2020, 0},
                 {"kommuner_2024.csv", REGINT_CSV_MUNICIPALITIES_2024, 0},
                 {"kommune_2020_to_2024.csv", REGINT_CSV_CODE_CHANGES_2020_2024, 0},
                 {NULL, REGINT_CSV_CODE_CHANGES_2020_2024, 0},
                 {"imdi_bosetting_1995_2023.csv", REGINT_CSV_IMDI_SETTLEMENT, 1},
                 {"imdi_bosetting_2024_2026.csv", REGINT_CSV_IMDI_SETTLEMENT, 1},
                 {"imdi_enslige_mindreaarige_2022_2024.csv", REGINT_CSV_IMDI_SETTLEMENT, 1},
                 {"indicators_catalogue.csv", REGINT_CSV_INDICATORS, 0},
                 {"indicators_tidy.csv", REGINT_CSV_OBSERVATIONS, 0}};
    const char **skip = NULL;
    regint_status st;
    if ((st = each_row(dir, "kommune_historisk_to_2024.csv", hist_cols, history_row, t)) ||
        (st = each_row(dir, "imdi_bosetting_1995_2023.csv", year_cols, history_year_row, t)) ||
        (st = add_history(ds, dir, t)) || !(skip = non_municipalities(t)))
        return st ? st : REGINT_ENOMEM;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && !st; i++)
        st = steps[i].file ? import(ds, dir, steps[i].file, steps[i].kind, steps[i].skip ? skip : NULL)
                           : add_history_changes(ds, t);
    free(skip);
    if (!st)
        st = add_population_series(ds, dir);
    return st;
}

regint_status regint_dataset_build_default(const char *data_dir, regint_dataset **out)
{
    if (!data_dir || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_build_default: NULL argument");
    regint_dataset *ds = NULL;
    hist_table t = {0};
    regint_status st = regint_dataset_new(&ds);
    st = st ? st : build(ds, data_dir, &t);
    free(t.h);
    *out = st ? NULL : ds;
    if (st)
        regint_dataset_free(ds);
    return st;
}
