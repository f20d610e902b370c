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
 *  5. The indicator catalogue and indicators_tidy.csv (made by make_indicators.py). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset/dataset_internal.h"
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

/* Open a CSV file of the data directory and find its columns. */
static regint_status open_csv(const char *dir, const char *file, const char *const *cols, int *ix,
                              regint__csv **out)
{
    char p[4096];
    path_of(p, sizeof p, dir, file);
    regint_status st = regint__csv_open(p, out);
    if (!st && (st = regint__csv_require(*out, cols, ix))) {
        regint__csv_close(*out);
        *out = NULL;
    }
    return st;
}

/* kommune_historisk_to_2024.csv: names, 2024 targets, ikke_kommune. */
static regint_status read_history(const char *dir, hist_table *t)
{
    static const char *const cols[] = {"kommunenummer", "kommune", "kommunenummer_2024", "endring", NULL};
    int ix[4], r;
    regint__csv *c;
    regint_status st = open_csv(dir, "kommune_historisk_to_2024.csv", cols, ix, &c);
    if (st)
        return st;
    while ((r = regint__csv_next(c)) == 1) {
        hist *h = find_hist(t, regint__csv_field(c, ix[0]), 1);
        if (!h) {
            regint__csv_close(c);
            return regint__enomem();
        }
        if (!h->name[0])
            snprintf(h->name, sizeof h->name, "%s", regint__csv_field(c, ix[1]));
        if (strcmp(regint__csv_field(c, ix[3]), "ikke_kommune") == 0)
            h->not_municipality = 1;
        else if (h->ntargets < 8)
            snprintf(h->targets[h->ntargets++], 8, "%s", regint__csv_field(c, ix[2]));
    }
    regint__csv_close(c);
    return r < 0 ? regint_last_status() : REGINT_OK;
}

/* Years each code has rows up to 2019 in IMDi's 1995-2023 table. */
static regint_status read_history_years(const char *dir, hist_table *t)
{
    static const char *const cols[] = {"year", "kommunenummer", NULL};
    int ix[2], r;
    regint__csv *c;
    regint_status st = open_csv(dir, "imdi_bosetting_1995_2023.csv", cols, ix, &c);
    if (st)
        return st;
    while ((r = regint__csv_next(c)) == 1) {
        int64_t y;
        if ((st = regint__csv_int(c, ix[0], 1995, 2023, &y)))
            break;
        if (y > 2019)
            continue;
        hist *h = find_hist(t, regint__csv_field(c, ix[1]), 0);
        if (!h) {
            st = regint__csv_error(c, ix[1], REGINT_ENOTFOUND, "code %s not in kommune_historisk_to_2024.csv",
                                   regint__csv_field(c, ix[1]));
            break;
        }
        if (!h->first || y < h->first)
            h->first = (int)y;
        if (y > h->last)
            h->last = (int)y;
    }
    regint__csv_close(c);
    return st ? st : r < 0 ? regint_last_status() : REGINT_OK;
}

static int historic(const hist *h) { return h->first && !h->not_municipality; }

/* Historic counties, valid over the years of their municipalities; then the municipalities. */
static regint_status add_history(regint_dataset *ds, const char *dir, const hist_table *t)
{
    static const char *const cols[] = {"fylkesnummer", "fylke", NULL};
    int ix[2], r;
    regint__csv *c;
    regint_status st = open_csv(dir, "fylker_historisk.csv", cols, ix, &c);
    if (st)
        return st;
    while ((r = regint__csv_next(c)) == 1) {
        const char *f = regint__csv_field(c, ix[0]);
        int first = 0, last = 0;
        for (size_t i = 0; i < t->n; i++)
            if (historic(&t->h[i]) && strncmp(t->h[i].code, f, 2) == 0) {
                if (!first || t->h[i].first < first)
                    first = t->h[i].first;
                if (t->h[i].last > last)
                    last = t->h[i].last;
            }
        if (!first)
            continue;
        regint_county_t cty = {f, regint__csv_field(c, ix[1]), first, last};
        if ((st = regint_dataset_add_county(ds, &cty))) {
            regint__error_prefix(regint__csv_name(c));
            break;
        }
    }
    regint__csv_close(c);
    if (st || r < 0)
        return st ? st : regint_last_status();
    for (size_t i = 0; i < t->n; i++) {
        if (!historic(&t->h[i]))
            continue;
        char fy[3] = {t->h[i].code[0], t->h[i].code[1], 0};
        regint_municipality_t m = {t->h[i].code, t->h[i].name, fy, t->h[i].first, t->h[i].last, 0, ""};
        if ((st = regint_dataset_add_municipality(ds, &m)))
            return regint__error_prefix(t->h[i].code);
    }
    return REGINT_OK;
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

static regint_status build(regint_dataset *ds, const char *dir, hist_table *t)
{
    regint_status st;
    if ((st = read_history(dir, t)) || (st = read_history_years(dir, t)) || (st = add_history(ds, dir, t)) ||
        (st = import(ds, dir, "kommuner_2020.csv", REGINT_CSV_MUNICIPALITIES_2020, NULL)) ||
        (st = import(ds, dir, "kommuner_2024.csv", REGINT_CSV_MUNICIPALITIES_2024, NULL)) ||
        (st = import(ds, dir, "kommune_2020_to_2024.csv", REGINT_CSV_CODE_CHANGES_2020_2024, NULL)) ||
        (st = add_history_changes(ds, t)))
        return st;
    /* Settlement, skipping codes that are not municipalities. */
    const char **skip = regint__calloc(t->n + 1, sizeof *skip);
    if (!skip)
        return REGINT_ENOMEM;
    size_t nskip = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->h[i].not_municipality)
            skip[nskip++] = t->h[i].code;
    skip[nskip] = NULL;
    static const char *const imdi[] = {"imdi_bosetting_1995_2023.csv", "imdi_bosetting_2024_2026.csv",
                                       "imdi_enslige_mindreaarige_2022_2024.csv"};
    for (size_t i = 0; i < sizeof imdi / sizeof imdi[0] && !st; i++)
        st = import(ds, dir, imdi[i], REGINT_CSV_IMDI_SETTLEMENT, skip);
    free(skip);
    if (st || (st = import(ds, dir, "indicators_catalogue.csv", REGINT_CSV_INDICATORS, NULL)) ||
        (st = import(ds, dir, "indicators_tidy.csv", REGINT_CSV_OBSERVATIONS, NULL)))
        return st;
    return REGINT_OK;
}

regint_status regint_dataset_build_default(const char *data_dir, regint_dataset **out)
{
    if (!data_dir || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_build_default: NULL argument");
    regint_dataset *ds;
    regint_status st = regint_dataset_new(&ds);
    if (st)
        return st;
    hist_table t = {0};
    st = build(ds, data_dir, &t);
    free(t.h);
    if (st) {
        regint_dataset_free(ds);
        return st;
    }
    *out = ds;
    return REGINT_OK;
}
