/* Gap analytics: request vs decision vs settled per municipality and year. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/accessor.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "util/strbuf.h"

#include "regint/settlement_gap.h"
#include "regint/validate.h"

struct regint_settlement_gap {
    char fylkesnr[8];
    regint_settlement_gap_row_t *rows;
    size_t n, cap;
    char **names; /* 2 per row: kommunenr, name */
    regint_settlement_gap_year_t *years;
    size_t nyears;
    char *note;
};

void regint_settlement_gap_free(regint_settlement_gap *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < 2 * g->n; i++)
        free(g->names[i]);
    free(g->names);
    free(g->rows);
    free(g->years);
    free(g->note);
    free(g);
}

static regint_value_t figure(const regint_dataset *ds, const char *k, int year, regint_measure m)
{
    regint_value_t v = {NAN, REGINT_MISSING_UNKNOWN};
    if (regint_dataset_settlement(ds, k, year, m, REGINT_CATEGORY_ALL, &v) != REGINT_OK) {
        v.value = NAN;
        v.missing = REGINT_MISSING_UNKNOWN;
    }
    return v;
}

static int present(regint_value_t v)
{
    return v.missing == REGINT_MISSING_NONE;
}

static regint_status add_row(regint_settlement_gap *g, const regint_settlement_gap_row_t *row)
{
    if (g->n == g->cap) {
        size_t nc = g->cap ? 2 * g->cap : 64;
        regint_settlement_gap_row_t *r = realloc(g->rows, nc * sizeof *r);
        if (!r)
            return regint__enomem();
        g->rows = r;
        char **nm = realloc(g->names, 2 * nc * sizeof *nm);
        if (!nm)
            return regint__enomem();
        g->names = nm;
        g->cap = nc;
    }
    g->names[2 * g->n] = regint__strdup(row->kommunenr);
    g->names[2 * g->n + 1] = regint__strdup(row->name ? row->name : "");
    g->rows[g->n] = *row;
    g->n++; /* counted before the check so that free() sees both strings */
    if (!g->names[2 * g->n - 2] || !g->names[2 * g->n - 1])
        return regint__enomem();
    return REGINT_OK;
}

/* One year: rows of the county's municipalities and the year's sums. 0 rows = skipped. */
static regint_status one_year(const regint_dataset *ds, const char *fylkesnr, int year, regint_settlement_gap *g,
                              regint__sb *skipped)
{
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    regint__error_state saved;
    regint__error_save(&saved);
    if (fylkesnr) {
        const regint_county_t *c;
        if (regint_dataset_county(ds, fylkesnr, year, &c) != REGINT_OK) {
            regint__error_restore(&saved);
            regint__sb_printf(skipped, "%d: county %s does not exist in that year's codes. ", year, fylkesnr);
            return REGINT_OK;
        }
    }
    regint_status st = regint_dataset_municipalities_in(ds, year, fylkesnr, &mun, &n);
    regint__error_restore(&saved);
    if (st || n == 0) {
        regint_free((void *)mun);
        regint__sb_printf(skipped, "%d: no municipality valid in the year. ", year);
        return REGINT_OK;
    }
    regint_settlement_gap_year_t y = {0};
    y.year = year;
    y.municipalities = n;
    double dr_req = 0, dr_dec = 0, dl_dec = 0, dl_set = 0;
    size_t any = 0, first = g->n;
    for (size_t i = 0; i < n && !st; i++) {
        regint_settlement_gap_row_t r = {0};
        r.year = year;
        r.kommunenr = mun[i]->kommunenr;
        r.name = mun[i]->name;
        r.request = figure(ds, r.kommunenr, year, REGINT_MEASURE_REQUEST);
        r.decision = figure(ds, r.kommunenr, year, REGINT_MEASURE_DECISION);
        r.settled = figure(ds, r.kommunenr, year, REGINT_MEASURE_SETTLED);
        regint__error_restore(&saved); /* lookups of absent figures are probes */
        r.gap = r.delivery_rate = NAN;
        int pq = present(r.request), pd = present(r.decision), ps = present(r.settled);
        any += (size_t)(pq + pd + ps);
        y.n_missing += (size_t)(3 - pq - pd - ps);
        if (pq)
            y.request += r.request.value;
        if (pd)
            y.decision += r.decision.value;
        if (ps)
            y.settled += r.settled.value;
        if (pq && pd) {
            r.gap = r.request.value - r.decision.value;
            r.below_request = r.decision.value < r.request.value;
            dr_req += r.request.value;
            dr_dec += r.decision.value;
            if (r.below_request) {
                y.n_below++;
                y.below_by += r.gap;
            }
        }
        if (pd && ps && r.decision.value > 0) {
            r.delivery_rate = r.settled.value / r.decision.value;
            dl_dec += r.decision.value;
            dl_set += r.settled.value;
        }
        st = add_row(g, &r);
    }
    regint_free((void *)mun);
    if (st)
        return st;
    if (!any) {
        /* Nothing recorded for the year: not a year of zeros. */
        for (size_t i = first; i < g->n; i++) {
            free(g->names[2 * i]);
            free(g->names[2 * i + 1]);
        }
        g->n = first;
        regint__sb_printf(skipped, "%d: no request, decision or settled figure. ", year);
        return REGINT_OK;
    }
    y.decision_rate = dr_req > 0 ? dr_dec / dr_req : NAN;
    y.delivery_rate = dl_dec > 0 ? dl_set / dl_dec : NAN;
    g->years[g->nyears++] = y;
    return REGINT_OK;
}

regint_status regint_settlement_gap_run(const regint_dataset *ds, const char *fylkesnr, int year_from, int year_to,
                                        regint_settlement_gap **out)
{
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_settlement_gap_run: NULL argument");
    if (fylkesnr && !regint_validate_fylkesnr_format(fylkesnr))
        return regint__error(REGINT_EINVAL, "regint_settlement_gap_run: county '%s' is not a 2-digit fylkesnr", fylkesnr);
    if (year_from < 1900 || year_to > 2200 || year_from > year_to)
        return regint__error(REGINT_EINVAL, "regint_settlement_gap_run: years %d-%d: need 1900 <= from <= to <= 2200",
                             year_from, year_to);
    if (fylkesnr && !strcmp(fylkesnr, "00"))
        fylkesnr = NULL;
    regint_settlement_gap *g = regint__calloc(1, sizeof *g);
    if (!g)
        return regint__enomem();
    snprintf(g->fylkesnr, sizeof g->fylkesnr, "%s", fylkesnr ? fylkesnr : "00");
    regint__sb skipped = {0};
    regint_status st = REGINT_OK;
    if (!(g->years = regint__calloc((size_t)(year_to - year_from + 1), sizeof *g->years)))
        st = regint__enomem();
    for (int y = year_from; !st && y <= year_to; y++)
        st = one_year(ds, fylkesnr, y, g, &skipped);
    g->note = regint__sb_take(&skipped);
    if (!st && !g->note)
        st = regint__enomem();
    if (!st && g->nyears == 0)
        st = regint__error(REGINT_ENOTFOUND, "regint_settlement_gap_run: county %s has no settlement figure in %d-%d (%s)",
                           g->fylkesnr, year_from, year_to, g->note);
    if (st) {
        regint_settlement_gap_free(g);
        return st;
    }
    /* Rows point at the copies (the dataset's strings would do, but the copies keep the
     * result valid on its own like the other results). */
    for (size_t i = 0; i < g->n; i++) {
        g->rows[i].kommunenr = g->names[2 * i];
        g->rows[i].name = g->names[2 * i + 1];
    }
    *out = g;
    return REGINT_OK;
}

REGINT__COUNT_AT(regint_settlement_gap_count, regint_settlement_gap_row, regint_settlement_gap,
                 regint_settlement_gap_row_t, rows, n)
REGINT__COUNT_AT(regint_settlement_gap_year_count, regint_settlement_gap_year, regint_settlement_gap,
                 regint_settlement_gap_year_t, years, nyears)

const char *regint_settlement_gap_fylkesnr(const regint_settlement_gap *g) { return g ? g->fylkesnr : NULL; }

const char *regint_settlement_gap_note(const regint_settlement_gap *g) { return g && g->note ? g->note : ""; }

static int add_value(cJSON *o, const char *key, regint_value_t v)
{
    if (present(v))
        return cJSON_AddNumberToObject(o, key, v.value) != NULL;
    char k[64];
    snprintf(k, sizeof k, "%s_missing", key);
    return cJSON_AddNullToObject(o, key) != NULL &&
           regint__json_add_string(o, k, regint_missing_name(v.missing));
}

static int year_json(cJSON *o, const void *row)
{
    const regint_settlement_gap_year_t *y = row;
    return regint__json_add_number(o, "year", y->year) &&
           regint__json_add_number(o, "municipalities", (double)y->municipalities) &&
           regint__json_add_number(o, "request", y->request) && regint__json_add_number(o, "decision", y->decision) &&
           regint__json_add_number(o, "settled", y->settled) &&
           regint__json_add_number(o, "missing_figures", (double)y->n_missing) &&
           regint__json_add_number(o, "decided_below_request", (double)y->n_below) &&
           regint__json_add_number(o, "below_by", y->below_by) &&
           regint__json_add_number_or_null(o, "decision_rate", y->decision_rate) &&
           regint__json_add_number_or_null(o, "delivery_rate", y->delivery_rate);
}

static int row_json(cJSON *o, const void *row)
{
    const regint_settlement_gap_row_t *r = row;
    return regint__json_add_number(o, "year", r->year) && regint__json_add_string(o, "kommunenr", r->kommunenr) &&
           regint__json_add_string(o, "name", r->name) && add_value(o, "request", r->request) &&
           add_value(o, "decision", r->decision) && add_value(o, "settled", r->settled) &&
           cJSON_AddBoolToObject(o, "below_request", r->below_request) != NULL &&
           regint__json_add_number_or_null(o, "gap", r->gap) &&
           regint__json_add_number_or_null(o, "delivery_rate", r->delivery_rate);
}

regint_status regint_settlement_gap_to_json(const regint_settlement_gap *g, char **json)
{
    if (!g || !json)
        return regint__error(REGINT_EINVAL, "regint_settlement_gap_to_json: NULL argument");
    cJSON *doc = regint__json_new_doc("regint.settlement_gap");
    int ok = doc && regint__json_add_string(doc, "fylkesnr", g->fylkesnr);
    ok = ok && regint__json_add_string(doc, "note", g->note ? g->note : "");
    ok = ok && regint__json_add_objects(doc, "years", g->years, g->nyears, sizeof *g->years, year_json);
    ok = ok && regint__json_add_objects(doc, "municipalities", g->rows, g->n, sizeof *g->rows, row_json);
    return regint__json_finish(doc, ok, json);
}
