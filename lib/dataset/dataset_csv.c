/* CSV import of the tidy public files in data/ (layouts in docs/data-format.md).
 * All-or-nothing: rows are applied inside a dataset transaction that is rolled back on the
 * first error, so a failed import leaves the dataset exactly as it was. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "dataset/dataset_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "regint/validate.h"

typedef struct ictx {
    regint_dataset *ds;
    regint__csv *csv;
    const char *const *skip;
    size_t skipped;
} ictx;

static regint__place here(const ictx *c)
{
    regint__place pl = {regint__csv_name(c->csv), NULL, regint__csv_line(c->csv)};
    return pl;
}

static int skipped_code(ictx *c, const char *code)
{
    if (!c->skip)
        return 0;
    for (const char *const *s = c->skip; *s; s++)
        if (strcmp(*s, code) == 0) {
            c->skipped++;
            return 1;
        }
    return 0;
}

/* The IMDi/SOURCES.md flag vocabulary -> value. */
static regint_status read_value(const ictx *c, int vcol, int fcol, int nonneg, regint_value_t *out)
{
    const char *flag = fcol >= 0 ? regint__csv_field(c->csv, fcol) : "";
    const char *val = regint__csv_field(c->csv, vcol);
    regint_missing m = REGINT_MISSING_NONE;
    if (*flag && strcmp(flag, "blank_in_source") != 0) {
        if (strcmp(flag, "missing") == 0)
            m = REGINT_MISSING_UNKNOWN;
        else if (regint_missing_from_name(flag, &m))
            return regint__csv_error(c->csv, fcol, REGINT_EPARSE,
                                     "unknown flag '%s' (suppressed, not_applicable, no_decision, "
                                     "awaiting_decision, missing, blank_in_source)",
                                     flag);
        if (*val)
            return regint__csv_error(c->csv, vcol, REGINT_EPARSE, "a value '%s' together with flag '%s'", val, flag);
        out->value = NAN;
        out->missing = m;
        return REGINT_OK;
    }
    /* blank_in_source: IMDi's blank = 0 (SOURCES.md); the file carries the 0. */
    if (!*val)
        return regint__csv_error(c->csv, vcol, REGINT_EPARSE,
                                 "empty value without a flag (a missing value needs a reason)");
    double v;
    regint_status st = regint__csv_double(c->csv, vcol, &v);
    if (st)
        return st;
    if (nonneg && v < 0)
        return regint__csv_error(c->csv, vcol, REGINT_ERANGE, "%s: expected a non-negative number", val);
    out->value = v;
    out->missing = REGINT_MISSING_NONE;
    return REGINT_OK;
}

static regint_status read_year(const ictx *c, int col, int *out)
{
    int64_t y;
    regint_status st = regint__csv_int(c->csv, col, 1800, 2200, &y);
    if (!st)
        *out = (int)y;
    return st;
}

/* ------------------------------------------------------------------------- */

static regint_status ensure_county(ictx *c, const char *fylkesnr, const char *name, int from, int to)
{
    const regint_county_t *have;
    if (regint_dataset_county(c->ds, fylkesnr, from, &have) == REGINT_OK && have->valid_to >= to)
        return REGINT_OK;
    regint_county_t r = {fylkesnr, name, from, to};
    regint__place pl = here(c);
    return regint__ds_add_county(c->ds, &r, &pl);
}

static regint_status import_munis(ictx *c, int is2024)
{
    static const char *const cols24[] = {"kommunenummer", "kommune", "fylkesnummer", "fylke",
                                         "folkemengde_2024", "sentralitet", "kostragruppe", NULL};
    static const char *const cols20[] = {"kommunenummer", "kommune", "fylkesnummer", "fylke", NULL};
    int ix[8];
    regint_status st = regint__csv_require(c->csv, is2024 ? cols24 : cols20, ix);
    if (st)
        return st;
    int from = is2024 ? 2024 : 2020, to = is2024 ? REGINT_YEAR_OPEN : 2023;
    int r;
    while ((r = regint__csv_next(c->csv)) == 1) {
        regint__place pl = here(c);
        regint_municipality_t m = {0};
        m.kommunenr = regint__csv_field(c->csv, ix[0]);
        m.name = regint__csv_field(c->csv, ix[1]);
        m.fylkesnr = regint__csv_field(c->csv, ix[2]);
        m.valid_from = from;
        m.valid_to = to;
        m.kostra_group = "";
        if (skipped_code(c, m.kommunenr))
            continue;
        if (!regint_validate_fylkesnr_format(m.fylkesnr))
            return regint__csv_error(c->csv, ix[2], REGINT_EINVAL, "'%s' is not a fylkesnummer (two digits)",
                                     m.fylkesnr);
        if ((st = ensure_county(c, m.fylkesnr, regint__csv_field(c->csv, ix[3]), from, to)))
            return st;
        int64_t persons = -1;
        if (is2024) {
            int64_t cen = 0;
            if (*regint__csv_field(c->csv, ix[5]) && (st = regint__csv_int(c->csv, ix[5], 1, 6, &cen)))
                return st;
            m.centrality = (int)cen;
            m.kostra_group = regint__csv_field(c->csv, ix[6]);
            if (*regint__csv_field(c->csv, ix[4]) &&
                (st = regint__csv_int(c->csv, ix[4], 0, INT64_C(1) << 40, &persons)))
                return st;
        }
        if ((st = regint__ds_add_municipality(c->ds, &m, &pl)))
            return st;
        if (persons >= 0 && (st = regint__ds_set_population(c->ds, m.kommunenr, 2024, persons, 0, &pl)))
            return st;
    }
    return r < 0 ? regint_last_status() : REGINT_OK;
}

static regint_status change_row(const regint__csv *csv, const int *ix, void *ctx)
{
    ictx *c = ctx;
    regint__place pl = here(c);
    regint_code_change_t ch = {regint__csv_field(csv, ix[0]), 2020, regint__csv_field(csv, ix[1]), 2024,
                               REGINT_CHANGE_UNCHANGED};
    const char *e = regint__csv_field(csv, ix[2]);
    if (strcmp(e, "uendret") == 0)
        ch.kind = REGINT_CHANGE_UNCHANGED;
    else if (strcmp(e, "nytt_nummer") == 0)
        ch.kind = REGINT_CHANGE_RENUMBERED;
    else if (strcmp(e, "delt") == 0)
        ch.kind = REGINT_CHANGE_SPLIT;
    else if (strcmp(e, "sammenslaatt") == 0 || strcmp(e, "sammenslått") == 0)
        ch.kind = REGINT_CHANGE_MERGED;
    else
        return regint__csv_error(csv, ix[2], REGINT_EPARSE,
                                 "unknown change '%s' (uendret, nytt_nummer, delt, sammenslaatt)", e);
    return regint__ds_add_code_change(c->ds, &ch, &pl);
}

static regint_status import_changes(ictx *c)
{
    static const char *const cols[] = {"kommunenummer_2020", "kommunenummer_2024", "endring", NULL};
    return regint__csv_each_row(c->csv, cols, change_row, c);
}

/* Rows of an IMDi file whose code is not valid in their year, mapped back to the code of
 * that year and summed over the parts of a split. */
typedef struct pending {
    const char *code; /* interned target code */
    int year;
    regint_measure measure;
    regint_category category;
    double sum;
    regint_missing missing;
    size_t parts, need, line;
    const char *part[8];  /* the (interned) codes summed so far, to refuse one given twice */
    size_t part_line[8];
} pending;

/* A municipality code valid in some year: the first such year nearest to `year`. */
static int year_of_code(const regint_dataset *ds, const char *code, int year)
{
    int best = 0, bestd = 1 << 30;
    for (size_t i = 0; i < regint_dataset_municipality_count(ds); i++) {
        const regint_municipality_t *m = regint_dataset_municipality_at(ds, i);
        if (strcmp(m->kommunenr, code) != 0)
            continue;
        int y = year < m->valid_from ? m->valid_from : m->valid_to;
        int d = abs(y - year);
        if (d < bestd) {
            best = y;
            bestd = d;
        }
    }
    return best;
}

static regint_status import_settlement(ictx *c)
{
    static const char *const cols[] = {"year", "kommunenummer", "measure", "category", "value", "flag", NULL};
    int ix[6];
    regint_status st = regint__csv_require(c->csv, cols, ix);
    if (st)
        return st;
    pending *pend = NULL;
    size_t npend = 0, cpend = 0;
    int r;
    while ((r = regint__csv_next(c->csv)) == 1) {
        regint__place pl = here(c);
        regint_settlement_t s = {0};
        s.kommunenr = regint__csv_field(c->csv, ix[1]);
        if (skipped_code(c, s.kommunenr))
            continue;
        if ((st = read_year(c, ix[0], &s.year)))
            goto out;
        if (regint_measure_from_name(regint__csv_field(c->csv, ix[2]), &s.measure)) {
            st = regint__csv_error(c->csv, ix[2], REGINT_EPARSE, "unknown measure '%s'",
                                   regint__csv_field(c->csv, ix[2]));
            goto out;
        }
        if (regint_category_from_name(regint__csv_field(c->csv, ix[3]), &s.category)) {
            st = regint__csv_error(c->csv, ix[3], REGINT_EPARSE, "unknown category '%s'",
                                   regint__csv_field(c->csv, ix[3]));
            goto out;
        }
        if ((st = read_value(c, ix[4], ix[5], 1, &s.value)))
            goto out;
        const regint_municipality_t *m;
        if (!regint_validate_kommunenr_format(s.kommunenr) ||
            regint_dataset_municipality(c->ds, s.kommunenr, s.year, &m) == REGINT_OK ||
            !year_of_code(c->ds, s.kommunenr, s.year)) {
            /* Valid in its year (or unknown: the adder gives the message). */
            if ((st = regint__ds_set_settlement(c->ds, &s, 0, &pl)))
                goto out;
            continue;
        }
        /* Map back to the code valid in the row's year. */
        const char **to = NULL, **parts = NULL;
        size_t nto = 0, nparts = 0;
        if (regint_dataset_map_code(c->ds, s.kommunenr, year_of_code(c->ds, s.kommunenr, s.year), s.year, &to,
                                    &nto) ||
            nto != 1 ||
            regint_dataset_map_code(c->ds, to[0], s.year, year_of_code(c->ds, s.kommunenr, s.year), &parts,
                                    &nparts)) {
            regint_free(to);
            regint_free(parts);
            st = regint__place_error(&pl, "kommunenr", REGINT_ENOTFOUND,
                                     "'%s' is not valid in %d and the code changes give no single code of %d",
                                     s.kommunenr, s.year, s.year);
            goto out;
        }
        const char *target = to[0];
        regint_free(to);
        regint_free(parts);
        size_t i;
        for (i = 0; i < npend; i++)
            if (pend[i].code == target && pend[i].year == s.year && pend[i].measure == s.measure &&
                pend[i].category == s.category)
                break;
        if (i == npend) {
            if (npend == cpend) {
                size_t nc = cpend ? cpend * 2 : 64;
                pending *np = regint__reallocarray(pend, nc, sizeof *np);
                if (!np) {
                    st = REGINT_ENOMEM;
                    goto out;
                }
                pend = np;
                cpend = nc;
            }
            pend[npend++] = (pending){target, s.year, s.measure, s.category, 0, REGINT_MISSING_NONE, 0, nparts,
                                      pl.line, {0}, {0}};
        }
        pending *p = &pend[i];
        const char *code = regint__ds_find_string(c->ds, s.kommunenr); /* known: year_of_code found it */
        for (size_t k = 0; k < p->parts && k < 8; k++)
            if (p->part[k] == code) {
                st = regint__place_error(&pl, "kommunenr", REGINT_EDUPLICATE,
                                         "settlement figure for '%s' in %d (%s, %s) is given twice (first on "
                                         "line %zu)",
                                         s.kommunenr, s.year, regint_measure_name(s.measure),
                                         regint_category_name(s.category), p->part_line[k]);
                goto out;
            }
        if (p->parts >= 8) {
            st = regint__place_error(&pl, "kommunenr", REGINT_EINVAL,
                                     "more than 8 rows map to '%s' in %d", target, s.year);
            goto out;
        }
        p->part[p->parts] = code;
        p->part_line[p->parts] = pl.line;
        p->parts++;
        if (s.value.missing != REGINT_MISSING_NONE) {
            if (p->missing == REGINT_MISSING_NONE)
                p->missing = s.value.missing;
        } else {
            p->sum += s.value.value;
        }
    }
    if (r < 0) {
        st = regint_last_status();
        goto out;
    }
    for (size_t i = 0; i < npend; i++) {
        pending *p = &pend[i];
        regint__place pl = {regint__csv_name(c->csv), NULL, p->line};
        regint_settlement_t s = {p->code, p->year, p->measure, p->category, {p->sum, p->missing}};
        if (p->parts != p->need && p->missing == REGINT_MISSING_NONE)
            s.value.missing = REGINT_MISSING_UNKNOWN; /* a part of the split has no row */
        if ((st = regint__ds_set_settlement(c->ds, &s, 0, &pl)))
            goto out;
    }
    st = REGINT_OK;
out:
    free(pend);
    return st;
}

static regint_status import_observations(ictx *c)
{
    static const char *const cols[] = {"year", "indicator", "value", NULL};
    int ix[3];
    regint_status st = regint__csv_require(c->csv, cols, ix);
    if (st)
        return st;
    int acol = regint__csv_col(c->csv, "area");
    if (acol < 0)
        acol = regint__csv_col(c->csv, "kommunenr");
    if (acol < 0)
        return regint__error(REGINT_EPARSE, "%s: line 1: missing column 'area' (or 'kommunenr')",
                             regint__csv_name(c->csv));
    int ccol = regint__csv_col(c->csv, "category"), fcol = regint__csv_col(c->csv, "flag");
    int r;
    while ((r = regint__csv_next(c->csv)) == 1) {
        regint__place pl = here(c);
        regint_observation_t o = {0};
        o.indicator = regint__csv_field(c->csv, ix[1]);
        o.area = regint__csv_field(c->csv, acol);
        o.category = ccol >= 0 ? regint__csv_field(c->csv, ccol) : "";
        if (skipped_code(c, o.area))
            continue;
        if ((st = read_year(c, ix[0], &o.year)) || (st = read_value(c, ix[2], fcol, 0, &o.value)) ||
            (st = regint__ds_set_observation(c->ds, &o, 0, &pl)))
            return st;
    }
    return r < 0 ? regint_last_status() : REGINT_OK;
}

static regint_status indicator_row(const regint__csv *csv, const int *ix, void *ctx)
{
    ictx *c = ctx;
    regint__place pl = here(c);
    regint_indicator_t ind = {regint__csv_field(csv, ix[0]), regint__csv_field(csv, ix[1]),
                              regint__csv_field(csv, ix[2]), regint__csv_field(csv, ix[3]),
                              regint__csv_field(csv, ix[4]), REGINT_DIRECTION_NEUTRAL, REGINT_LEVEL_KOMMUNE,
                              regint__csv_field(csv, ix[7])};
    if (regint_direction_from_name(regint__csv_field(csv, ix[5]), &ind.direction))
        return regint__csv_error(csv, ix[5], REGINT_EPARSE,
                                 "unknown direction '%s' (neutral, higher_better, lower_better)",
                                 regint__csv_field(csv, ix[5]));
    if (regint_level_from_name(regint__csv_field(csv, ix[6]), &ind.level))
        return regint__csv_error(csv, ix[6], REGINT_EPARSE, "unknown level '%s' (kommune, fylke, nation)",
                                 regint__csv_field(csv, ix[6]));
    return regint__ds_add_indicator(c->ds, &ind, &pl);
}

static regint_status import_indicators(ictx *c)
{
    static const char *const cols[] = {"id", "name_nb", "name_en", "unit", "source", "direction", "level",
                                       "sdg_targets", NULL};
    return regint__csv_each_row(c->csv, cols, indicator_row, c);
}

/* Import from an opened reader (consumed: closed here). */
static regint_status import_opened(regint_dataset *ds, regint_csv_kind kind, regint__csv *csv,
                                   const char *const *skip, size_t *skipped)
{
    ictx c = {ds, csv, skip, 0};
    regint_status st = REGINT_OK;
    regint__ds_begin(ds);
    switch (kind) {
    case REGINT_CSV_MUNICIPALITIES_2024: st = import_munis(&c, 1); break;
    case REGINT_CSV_MUNICIPALITIES_2020: st = import_munis(&c, 0); break;
    case REGINT_CSV_CODE_CHANGES_2020_2024: st = import_changes(&c); break;
    case REGINT_CSV_IMDI_SETTLEMENT: st = import_settlement(&c); break;
    case REGINT_CSV_OBSERVATIONS: st = import_observations(&c); break;
    case REGINT_CSV_INDICATORS: st = import_indicators(&c); break;
    }
    if (st)
        regint__ds_rollback(ds);
    else
        regint__ds_commit(ds);
    regint__csv_close(c.csv);
    if (skipped)
        *skipped = c.skipped;
    return st;
}

static regint_status check_args(const regint_dataset *ds, regint_csv_kind kind, const void *src)
{
    if (!ds || !src)
        return regint__error(REGINT_EINVAL, "regint_dataset_import_csv: NULL argument");
    if ((unsigned)kind > REGINT_CSV_INDICATORS)
        return regint__error(REGINT_EINVAL, "regint_dataset_import_csv: unknown layout %d", (int)kind);
    return REGINT_OK;
}

regint_status regint__dataset_import_csv_skip(regint_dataset *ds, regint_csv_kind kind, const char *path,
                                              const char *const *skip, size_t *skipped)
{
    regint__csv *csv;
    regint_status st = check_args(ds, kind, path);
    if (!st)
        st = regint__csv_open(path, &csv);
    return st ? st : import_opened(ds, kind, csv, skip, skipped);
}

regint_status regint__dataset_import_csv_mem(regint_dataset *ds, regint_csv_kind kind, const char *name,
                                             const char *text, size_t len)
{
    regint__csv *csv;
    regint_status st = check_args(ds, kind, text);
    if (!st)
        st = regint__csv_open_mem(name, text, len, &csv);
    return st ? st : import_opened(ds, kind, csv, NULL, NULL);
}

regint_status regint_dataset_import_csv(regint_dataset *ds, regint_csv_kind kind, const char *path)
{
    return regint__dataset_import_csv_skip(ds, kind, path, NULL, NULL);
}
