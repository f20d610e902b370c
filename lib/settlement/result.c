/* The recommendation result: accessors and the JSON form. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/accessor.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "settlement/settlement_internal.h"

void regint_settlement_recommendation_free(regint_settlement_recommendation *r)
{
    if (!r)
        return;
    free(r->county_name);
    free(r->profile_name);
    regint__settlement_free_strv(r->names, 3 * r->n);
    regint__settlement_free_strv(r->reasons, REGINT_LANG_COUNT * r->n);
    regint__settlement_free_strv(r->crit_ids, r->ncrit);
    free(r->crit_w);
    free(r->contrib);
    free(r->values);
    free(r->rows);
    free(r->note);
    regint__local_result_free(r);
    free(r);
}

REGINT__COUNT_AT(regint_settlement_recommendation_count, regint_settlement_recommendation_row,
                 regint_settlement_recommendation, regint_settlement_recommendation_row_t, rows, n)

int regint_settlement_recommendation_weights_fitted(const regint_settlement_recommendation *r)
{
    return r ? r->fitted : 0;
}

int regint_settlement_recommendation_fitted_from(const regint_settlement_recommendation *r)
{
    return r ? r->fit_from : 0;
}

int regint_settlement_recommendation_fitted_to(const regint_settlement_recommendation *r)
{
    return r ? r->fit_to : 0;
}

size_t regint_settlement_recommendation_fitted_count(const regint_settlement_recommendation *r)
{
    return r ? r->fit_n : 0;
}

size_t regint_settlement_recommendation_criterion_count(const regint_settlement_recommendation *r) { return r ? r->ncrit : 0; }

const char *regint_settlement_recommendation_criterion_id(const regint_settlement_recommendation *r, size_t j)
{
    return r && j < r->ncrit ? r->crit_ids[j] : NULL;
}

double regint_settlement_recommendation_criterion_weight(const regint_settlement_recommendation *r, size_t j)
{
    return r && j < r->ncrit ? r->crit_w[j] : NAN;
}

double regint_settlement_recommendation_contribution(const regint_settlement_recommendation *r, size_t i, size_t j)
{
    return r && i < r->n && j < r->ncrit ? r->contrib[i * r->ncrit + j] : NAN;
}

double regint_settlement_recommendation_value(const regint_settlement_recommendation *r, size_t i, size_t j)
{
    return r && i < r->n && j < r->ncrit ? r->values[i * r->ncrit + j] : NAN;
}

int regint_settlement_recommendation_year(const regint_settlement_recommendation *r) { return r ? r->year : 0; }
int64_t regint_settlement_recommendation_total(const regint_settlement_recommendation *r) { return r ? r->total : 0; }
int64_t regint_settlement_recommendation_minors(const regint_settlement_recommendation *r) { return r ? r->minors : 0; }
const char *regint_settlement_recommendation_fylkesnr(const regint_settlement_recommendation *r) { return r ? r->fylkesnr : NULL; }
const char *regint_settlement_recommendation_county_name(const regint_settlement_recommendation *r) { return r ? r->county_name : NULL; }
const char *regint_settlement_recommendation_profile_name(const regint_settlement_recommendation *r) { return r ? r->profile_name : NULL; }
const char *regint_settlement_recommendation_note(const regint_settlement_recommendation *r) { return r && r->note ? r->note : ""; }

const char *regint_settlement_recommendation_reason(const regint_settlement_recommendation *r, size_t i,
                                                    regint_lang lang)
{
    if (!r || i >= r->n || (unsigned)lang >= REGINT_LANG_COUNT)
        return "";
    return r->reasons[(size_t)lang * r->n + i];
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                      */

static cJSON *value_json(regint_value_t v)
{
    if (v.missing != REGINT_MISSING_NONE)
        return cJSON_CreateNull();
    return cJSON_CreateNumber(v.value);
}

/* The members of the JSON document (regint__json_result() writes "schema" first). */
static int recommendation_json(cJSON *doc, const void *p)
{
    const regint_settlement_recommendation *r = p;
    int ok = regint__json_add_number(doc, "year", r->year);
    ok = ok && regint__json_add_number(doc, "history_to", r->history_to);
    ok = ok && regint__json_add_string(doc, "fylkesnr", r->fylkesnr);
    ok = ok && regint__json_add_string(doc, "county", r->county_name);
    ok = ok && regint__json_add_string(doc, "profile", r->profile_name);
    ok = ok && regint__json_add_number(doc, "total", (double)r->total);
    ok = ok && regint__json_add_number(doc, "minors", (double)r->minors);
    ok = ok && regint__json_add_string(doc, "note", r->note ? r->note : "");
    cJSON *notes = ok ? cJSON_AddArrayToObject(doc, "notes") : NULL;
    ok = ok && notes;
    for (size_t c = 0; ok && c < r->ncaveats; c++) {
        cJSON *s = cJSON_CreateString(r->caveats[c]);
        ok = s && cJSON_AddItemToArray(notes, s);
    }
    cJSON *plan = ok ? cJSON_AddObjectToObject(doc, "plan") : NULL;
    ok = ok && plan;
    ok = ok && regint__json_add_number(plan, "year", r->year + 1);
    ok = ok && regint__json_add_number(plan, "total", (double)r->plan_total);
    ok = ok && regint__json_add_string(plan, "rule", "the year's scores and bounds applied to the plan total");
    cJSON *crit = ok ? cJSON_AddArrayToObject(doc, "criteria") : NULL;
    ok = ok && crit;
    for (size_t c = 0; ok && c < r->ncrit; c++) {
        cJSON *o = regint__json_append_object(crit);
        ok = o != NULL;
        ok = ok && regint__json_add_string(o, "id", r->crit_ids[c]);
        ok = ok && regint__json_add_number(o, "weight", r->crit_w[c]);
        if (ok && r->fitted) {
            cJSON *on = r->fit_n ? cJSON_AddArrayToObject(o, "fitted_on") : cJSON_AddNullToObject(o, "fitted_on");
            ok = on && (!r->fit_n || (cJSON_AddItemToArray(on, cJSON_CreateNumber(r->fit_from)) &&
                                      cJSON_AddItemToArray(on, cJSON_CreateNumber(r->fit_to))));
            ok = ok && regint__json_add_number(o, "county_years", (double)r->fit_n);
        }
    }
    ok = ok && regint__json_add_string(doc, "weights", r->fitted ? "fitted" : "profile");
    cJSON *arr = ok ? cJSON_AddArrayToObject(doc, "municipalities") : NULL;
    ok = ok && arr;
    for (size_t i = 0; ok && i < r->n; i++) {
        const regint_settlement_recommendation_row_t *row = &r->rows[i];
        cJSON *o = regint__json_append_object(arr);
        ok = o != NULL;
        ok = ok && regint__json_add_string(o, "kommunenr", row->kommunenr);
        ok = ok && regint__json_add_string(o, "name", row->name);
        ok = ok && cJSON_AddBoolToObject(o, "asked", row->asked) != NULL;
        ok = ok && regint__json_add_number(o, "recommended", (double)row->recommended);
        ok = ok && regint__json_add_number(o, "minors", (double)row->minors);
        ok = ok && regint__json_add_number(o, "lower", (double)row->lower);
        if (ok)
            ok = row->upper == INT64_MAX ? cJSON_AddNullToObject(o, "upper") != NULL
                                         : regint__json_add_number(o, "upper", (double)row->upper);
        ok = ok && regint__json_add_number(o, "score", row->score);
        ok = ok && regint__json_add_number(o, "quota", row->quota);
        ok = ok && regint__json_add_number_or_null(o, "population", row->population);
        cJSON *con = ok ? cJSON_AddObjectToObject(o, "contributions") : NULL;
        cJSON *val = con ? cJSON_AddObjectToObject(o, "values") : NULL;
        ok = ok && con && val;
        for (size_t c = 0; ok && c < r->ncrit; c++) {
            ok = regint__json_add_number(con, r->crit_ids[c], row->contributions[c]);
            ok = ok && regint__json_add_number_or_null(val, r->crit_ids[c], row->values[c]);
        }
        cJSON *hist = ok ? cJSON_AddObjectToObject(o, "history") : NULL;
        ok = ok && hist;
        for (int h = 0; ok && h < REGINT_SETTLEMENT_HISTORY_YEARS; h++) {
            char y[16];
            snprintf(y, sizeof y, "%d", row->history_first_year + h);
            cJSON *hy = cJSON_AddObjectToObject(hist, y);
            ok = hy && cJSON_AddItemToObject(hy, "request", value_json(row->request[h]));
            ok = ok && cJSON_AddItemToObject(hy, "decision", value_json(row->decision[h]));
            ok = ok && cJSON_AddItemToObject(hy, "settled", value_json(row->settled[h]));
        }
        ok = ok && cJSON_AddItemToObject(o, "actual_request", value_json(row->actual_request));
        ok = ok && cJSON_AddItemToObject(o, "actual_decision", value_json(row->actual_decision));
        ok = ok && regint__json_add_string(o, "reason", row->reason);
        ok = ok && regint__json_add_string(o, "note", row->note ? row->note : "");
        ok = ok && regint__json_add_string(o, "flag", row->flag ? row->flag : "");
        ok = ok && regint__json_add_number(o, "plan", (double)row->plan);
    }
    return ok;
}

regint_status regint_settlement_recommendation_to_json(const regint_settlement_recommendation *r, char **json)
{
    return regint__json_result(r, json, "regint_settlement_recommendation_to_json", "regint.recommendation",
                               recommendation_json);
}
