/* Build the bundled default dataset regint-default.json from the public CSV files in
 * data/ (see SOURCES.md and docs/data-format.md for the rules).
 *
 *   regint_build_default <data dir> <output.json>
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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "util/csv.h"
#include "dataset/dataset_internal.h"

#define MAXC 2048

typedef struct hist {
    char code[8];
    char name[128];
    int first, last;      /* years <= 2019 in the IMDi table; first = 0 if none */
    char targets[8][8];   /* 2024 codes */
    int ntargets;
    int not_municipality; /* ikke_kommune */
} hist;

static hist H[MAXC];
static int NH;

static hist *find_hist(const char *code, int create)
{
    for (int i = 0; i < NH; i++)
        if (strcmp(H[i].code, code) == 0)
            return &H[i];
    if (!create || NH == MAXC)
        return NULL;
    hist *h = &H[NH++];
    memset(h, 0, sizeof *h);
    snprintf(h->code, sizeof h->code, "%s", code);
    return h;
}

static int fail(const char *what)
{
    fprintf(stderr, "regint_build_default: %s: %s\n", what, regint_last_error());
    return 1;
}

static void path_of(char *buf, size_t n, const char *dir, const char *file)
{
    snprintf(buf, n, "%s/%s", dir, file);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: regint_build_default <data dir> <output.json>\n");
        return 2;
    }
    const char *dir = argv[1];
    char p[4096];
    regint__csv *c;
    regint_dataset *ds;
    if (regint_dataset_new(&ds))
        return fail("new");

    /* kommune_historisk_to_2024.csv: names, 2024 targets, ikke_kommune */
    path_of(p, sizeof p, dir, "kommune_historisk_to_2024.csv");
    if (regint__csv_open(p, &c))
        return fail(p);
    {
        static const char *const cols[] = {"kommunenummer", "kommune", "kommunenummer_2024", "endring", NULL};
        int ix[4], r;
        if (regint__csv_require(c, cols, ix))
            return fail(p);
        while ((r = regint__csv_next(c)) == 1) {
            hist *h = find_hist(regint__csv_field(c, ix[0]), 1);
            if (!h)
                return fail("too many codes");
            if (!h->name[0])
                snprintf(h->name, sizeof h->name, "%s", regint__csv_field(c, ix[1]));
            if (strcmp(regint__csv_field(c, ix[3]), "ikke_kommune") == 0)
                h->not_municipality = 1;
            else if (h->ntargets < 8)
                snprintf(h->targets[h->ntargets++], 8, "%s", regint__csv_field(c, ix[2]));
        }
        regint__csv_close(c);
        if (r < 0)
            return fail(p);
    }

    /* Years each code has rows up to 2019 in IMDi's 1995-2023 table */
    path_of(p, sizeof p, dir, "imdi_bosetting_1995_2023.csv");
    if (regint__csv_open(p, &c))
        return fail(p);
    {
        static const char *const cols[] = {"year", "kommunenummer", NULL};
        int ix[2], r;
        if (regint__csv_require(c, cols, ix))
            return fail(p);
        while ((r = regint__csv_next(c)) == 1) {
            int64_t y;
            if (regint__csv_int(c, ix[0], 1995, 2023, &y))
                return fail(p);
            if (y > 2019)
                continue;
            hist *h = find_hist(regint__csv_field(c, ix[1]), 0);
            if (!h) {
                fprintf(stderr, "regint_build_default: %s: line %zu: code %s not in kommune_historisk_to_2024.csv\n",
                        p, regint__csv_line(c), regint__csv_field(c, ix[1]));
                return 1;
            }
            if (!h->first || y < h->first)
                h->first = (int)y;
            if (y > h->last)
                h->last = (int)y;
        }
        regint__csv_close(c);
        if (r < 0)
            return fail(p);
    }

    /* Historic counties, valid over the years of their municipalities */
    path_of(p, sizeof p, dir, "fylker_historisk.csv");
    if (regint__csv_open(p, &c))
        return fail(p);
    {
        static const char *const cols[] = {"fylkesnummer", "fylke", NULL};
        int ix[2], r;
        if (regint__csv_require(c, cols, ix))
            return fail(p);
        while ((r = regint__csv_next(c)) == 1) {
            const char *f = regint__csv_field(c, ix[0]);
            int first = 0, last = 0;
            for (int i = 0; i < NH; i++)
                if (H[i].first && !H[i].not_municipality && strncmp(H[i].code, f, 2) == 0) {
                    if (!first || H[i].first < first)
                        first = H[i].first;
                    if (H[i].last > last)
                        last = H[i].last;
                }
            if (!first)
                continue;
            regint_county_t cty = {f, regint__csv_field(c, ix[1]), first, last};
            if (regint_dataset_add_county(ds, &cty))
                return fail(p);
        }
        regint__csv_close(c);
        if (r < 0)
            return fail(p);
    }
    size_t nhist = 0;
    for (int i = 0; i < NH; i++) {
        if (!H[i].first || H[i].not_municipality)
            continue;
        char fy[3] = {H[i].code[0], H[i].code[1], 0};
        regint_municipality_t m = {H[i].code, H[i].name, fy, H[i].first, H[i].last, 0, ""};
        if (regint_dataset_add_municipality(ds, &m))
            return fail(H[i].code);
        nhist++;
    }

    static const struct {
        const char *file;
        regint_csv_kind kind;
    } early[] = {
        {"kommuner_2020.csv", REGINT_CSV_MUNICIPALITIES_2020},
        {"kommuner_2024.csv", REGINT_CSV_MUNICIPALITIES_2024},
        {"kommune_2020_to_2024.csv", REGINT_CSV_CODE_CHANGES_2020_2024},
    };
    for (size_t i = 0; i < sizeof early / sizeof early[0]; i++) {
        path_of(p, sizeof p, dir, early[i].file);
        if (regint_dataset_import_csv(ds, early[i].kind, p))
            return fail(p);
    }

    /* Historic code -> 2024 code(s) */
    size_t nchg = 0;
    for (int i = 0; i < NH; i++) {
        hist *h = &H[i];
        if (!h->first || h->not_municipality)
            continue;
        for (int t = 0; t < h->ntargets; t++) {
            regint_change_kind kind;
            int sources = 0;
            for (int j = 0; j < NH; j++)
                if (H[j].first && !H[j].not_municipality)
                    for (int u = 0; u < H[j].ntargets; u++)
                        sources += strcmp(H[j].targets[u], h->targets[t]) == 0;
            if (h->ntargets > 1)
                kind = REGINT_CHANGE_SPLIT;
            else if (sources > 1)
                kind = REGINT_CHANGE_MERGED;
            else if (strcmp(h->code, h->targets[t]) == 0)
                kind = REGINT_CHANGE_UNCHANGED;
            else
                kind = REGINT_CHANGE_RENUMBERED;
            regint_code_change_t ch = {h->code, h->last, h->targets[t], 2024, kind};
            if (regint_dataset_add_code_change(ds, &ch))
                return fail(h->code);
            nchg++;
        }
    }

    /* Settlement, skipping codes that are not municipalities */
    const char *skip[MAXC + 1];
    size_t nskip = 0;
    for (int i = 0; i < NH; i++)
        if (H[i].not_municipality)
            skip[nskip++] = H[i].code;
    skip[nskip] = NULL;
    static const char *const imdi[] = {"imdi_bosetting_1995_2023.csv", "imdi_bosetting_2024_2026.csv",
                                       "imdi_enslige_mindreaarige_2022_2024.csv"};
    for (size_t i = 0; i < 3; i++) {
        size_t skipped = 0;
        path_of(p, sizeof p, dir, imdi[i]);
        if (regint__dataset_import_csv_skip(ds, REGINT_CSV_IMDI_SETTLEMENT, p, skip, &skipped))
            return fail(p);
        printf("%s: %zu rows of non-municipality codes skipped\n", imdi[i], skipped);
    }
    path_of(p, sizeof p, dir, "indicators_catalogue.csv");
    if (regint_dataset_import_csv(ds, REGINT_CSV_INDICATORS, p))
        return fail(p);
    path_of(p, sizeof p, dir, "indicators_tidy.csv");
    if (regint_dataset_import_csv(ds, REGINT_CSV_OBSERVATIONS, p))
        return fail(p);

    if (regint_dataset_save_file(ds, argv[2]))
        return fail(argv[2]);
    printf("%s: %zu counties, %zu municipalities (%zu historic), %zu population figures, %zu code changes "
           "(%zu historic), %zu settlement figures, %zu indicators, %zu observations\n",
           argv[2], regint_dataset_county_count(ds), regint_dataset_municipality_count(ds), nhist,
           regint__ds_population_count(ds), regint_dataset_code_change_count(ds), nchg,
           regint_dataset_settlement_count(ds), regint_dataset_indicator_count(ds),
           regint_dataset_observation_count(ds));
    regint_dataset_free(ds);
    return 0;
}
