/* Plan for qualification: model, validation, JSON (dataset section "qualification" and
 * standalone plan files), progress from the knowledge base. See plan.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/plan.h"
#include "regint/validate.h"

#include "util/fileio.h"
#include "util/accessor.h"
#include "util/options.h"
#include "util/savefile.h"
#include "util/alloc.h"
#include "util/error.h"
#include "knowledge/area.h"
#include "util/jsonutil.h"
#include "util/enumname.h"
#include "util/record.h"
#include "dataset/section.h"

/* This module's dataset section (defined below; listed by the registry lib/sections.c). */
extern const regint__section regint__section_qualification;

struct regint_plan {
    regint_plan_info_t info;
    regint_plan_goal_t *goals;
    size_t ngoals;
    regint_plan_measure_t *measures;
    size_t nmeasures;
    regint_plan_indicator_t *inds;
    size_t ninds;
    /* The file regint_plan_load_file() read (or the last save wrote), for the lost-update
     * check of regint_plan_save_file_opts(); NULL for a plan made in memory or copied. */
    regint__origin *origin;
};

/* What a plan owns (util/record.h does the copying and freeing). Stored copies hold "" where
 * the caller gave NULL (regint__record_null_to_empty), so readers compare without NULL checks. */
#define INFO(m) offsetof(regint_plan_info_t, m)
#define GOAL(m) offsetof(regint_plan_goal_t, m)
#define MEASURE(m) offsetof(regint_plan_measure_t, m)
#define IND(m) offsetof(regint_plan_indicator_t, m)
static const size_t info_strings[] = {INFO(id), INFO(title), INFO(fylkesnr), INFO(note)};
static const size_t goal_strings[] = {GOAL(id), GOAL(title), GOAL(description), GOAL(sdg_targets)};
static const size_t measure_strings[] = {MEASURE(id), MEASURE(goal), MEASURE(title), MEASURE(partner_orgnr),
                                         MEASURE(partner_name)};
static const size_t ind_strings[] = {IND(goal), IND(indicator), IND(area), IND(category)};
static const regint__record_kind info_kind = REGINT__RECORD_KIND(regint_plan_info_t, info_strings);
static const regint__record_kind goal_kind = REGINT__RECORD_KIND(regint_plan_goal_t, goal_strings);
static const regint__record_kind measure_kind = REGINT__RECORD_KIND(regint_plan_measure_t, measure_strings);
static const regint__record_kind ind_kind = REGINT__RECORD_KIND(regint_plan_indicator_t, ind_strings);

/* Append an owned copy of `rec` (NULL strings stored as "") to a plan's array. */
static regint_status plan_append(const regint__record_kind *k, void *parr, size_t *n, void *rec)
{
    regint__record_null_to_empty(k, rec);
    return regint__record_append(k, parr, n, rec);
}

void regint_plan_free(regint_plan *plan)
{
    if (!plan)
        return;
    regint__record_clear(&info_kind, &plan->info);
    regint__record_array_free(&goal_kind, plan->goals, plan->ngoals);
    regint__record_array_free(&measure_kind, plan->measures, plan->nmeasures);
    regint__record_array_free(&ind_kind, plan->inds, plan->ninds);
    regint__origin_free(plan->origin);
    free(plan);
}

/* The fødselsnummer guard on a text given to the plan API, before any message could echo it
 * (files get it when they are read, util/jsonutil.c). */
static regint_status personal(const char *what, const char *field, const char *text)
{
    char w[64];
    snprintf(w, sizeof w, "%s %s", what, field);
    return regint_validate_text(text, w);
}

static int year_ok(int y) { return y >= 1900 && y <= 2200; }

regint_status regint_plan_new(const regint_plan_info_t *info, regint_plan **out)
{
    if (!info || !out)
        return regint__error(REGINT_EINVAL, "regint_plan_new: info and out must not be NULL");
    regint_status st = regint_validate_identifier(info->id, "plan id");
    if (st || (st = personal("plan", "title", info->title)) || (st = personal("plan", "note", info->note)) ||
        (st = personal("plan", "fylkesnr", info->fylkesnr)))
        return st;
    if (!info->title || !*info->title)
        return regint__error(REGINT_EINVAL, "plan '%s': title: must not be empty", info->id);
    if (!regint_validate_fylkesnr_format(info->fylkesnr))
        return regint__error(REGINT_EINVAL, "plan '%s': fylkesnr: expected two digits, got '%s'", info->id,
                             info->fylkesnr ? info->fylkesnr : "(null)");
    if (!year_ok(info->first_year) || !year_ok(info->last_year) || info->first_year > info->last_year)
        return regint__error(REGINT_EINVAL, "plan '%s': period %d-%d: expected years 1900..2200, first <= last",
                             info->id, info->first_year, info->last_year);
    if (info->area_year && !year_ok(info->area_year))
        return regint__error(REGINT_EINVAL, "plan '%s': area_year %d: expected a year 1900..2200", info->id,
                             info->area_year);
    regint_plan *p = regint__calloc(1, sizeof *p);
    if (!p)
        return regint__enomem();
    regint_plan_info_t in = *info;
    in.area_year = info->area_year ? info->area_year : info->first_year;
    in.example = info->example ? 1 : 0;
    regint__record_null_to_empty(&info_kind, &in);
    if ((st = regint__record_copy(&info_kind, &p->info, &in))) {
        free(p);
        return st;
    }
    *out = p;
    return REGINT_OK;
}

const regint_plan_info_t *regint_plan_info(const regint_plan *plan) { return plan ? &plan->info : NULL; }

static const regint_plan_goal_t *find_goal(const regint_plan *p, const char *id)
{
    for (size_t i = 0; id && i < p->ngoals; i++)
        if (strcmp(p->goals[i].id, id) == 0)
            return &p->goals[i];
    return NULL;
}

regint_status regint_plan_add_goal(regint_plan *plan, const regint_plan_goal_t *g)
{
    if (!plan || !g)
        return regint__error(REGINT_EINVAL, "regint_plan_add_goal: NULL argument");
    regint_status st = regint_validate_identifier(g->id, "goal id");
    if (st || (st = personal("goal", "title", g->title)) || (st = personal("goal", "description", g->description)) ||
        (st = personal("goal", "sdg_targets", g->sdg_targets)))
        return st;
    if (find_goal(plan, g->id))
        return regint__error(REGINT_EDUPLICATE, "plan '%s': goal '%s': id used twice", plan->info.id, g->id);
    if (!g->title || !*g->title)
        return regint__error(REGINT_EINVAL, "plan '%s': goal '%s': title must not be empty", plan->info.id, g->id);
    int goals[17];
    size_t ng;
    if (regint_kb_sdg_goals(g->sdg_targets, goals, &ng) != REGINT_OK)
        return regint__error(REGINT_EINVAL, "plan '%s': goal '%s': sdg_targets '%s': expected targets such as '4.4,8.5'",
                             plan->info.id, g->id, g->sdg_targets);
    regint_plan_goal_t c = *g;
    return plan_append(&goal_kind, &plan->goals, &plan->ngoals, &c);
}

regint_status regint_plan_add_measure(regint_plan *plan, const regint_plan_measure_t *m)
{
    if (!plan || !m)
        return regint__error(REGINT_EINVAL, "regint_plan_add_measure: NULL argument");
    const char *pid = plan->info.id;
    regint_status st = regint_validate_identifier(m->id, "measure id");
    if (st || (st = personal("measure", "title", m->title)) || (st = personal("measure", "goal", m->goal)) ||
        (st = personal("measure", "partner_name", m->partner_name)) ||
        (st = personal("measure", "partner_orgnr", m->partner_orgnr)))
        return st;
    for (size_t i = 0; i < plan->nmeasures; i++)
        if (strcmp(plan->measures[i].id, m->id) == 0)
            return regint__error(REGINT_EDUPLICATE, "plan '%s': measure '%s': id used twice", pid, m->id);
    if (!find_goal(plan, m->goal))
        return regint__error(REGINT_ENOTFOUND, "plan '%s': measure '%s': goal '%s' does not exist", pid, m->id,
                             m->goal ? m->goal : "(null)");
    if (!m->title || !*m->title)
        return regint__error(REGINT_EINVAL, "plan '%s': measure '%s': title must not be empty", pid, m->id);
    int has_org = m->partner_orgnr && *m->partner_orgnr, has_name = m->partner_name && *m->partner_name;
    if (!has_org && !has_name)
        return regint__error(REGINT_EINVAL, "plan '%s': measure '%s': a responsible partner is required "
                             "(partner_orgnr or partner_name)", pid, m->id);
    if (has_org && !regint_validate_orgnr(m->partner_orgnr))
        return regint__error(REGINT_EINVAL, "plan '%s': measure '%s': partner_orgnr is not a valid "
                             "organisasjonsnummer (9 digits, modulus-11 check digit)", pid, m->id);
    if (!year_ok(m->start_year) || !year_ok(m->end_year) || m->start_year > m->end_year)
        return regint__error(REGINT_EINVAL, "plan '%s': measure '%s': period %d-%d: expected years 1900..2200, "
                             "start <= end", pid, m->id, m->start_year, m->end_year);
    regint_plan_measure_t c = *m;
    return plan_append(&measure_kind, &plan->measures, &plan->nmeasures, &c);
}

regint_status regint_plan_add_indicator(regint_plan *plan, const regint_plan_indicator_t *ind)
{
    if (!plan || !ind)
        return regint__error(REGINT_EINVAL, "regint_plan_add_indicator: NULL argument");
    const char *pid = plan->info.id;
    if (!ind->indicator || !*ind->indicator)
        return regint__error(REGINT_EINVAL, "plan '%s': indicator: id must not be empty", pid);
    if (!find_goal(plan, ind->goal))
        return regint__error(REGINT_ENOTFOUND, "plan '%s': indicator '%s': goal '%s' does not exist", pid,
                             ind->indicator, ind->goal ? ind->goal : "(null)");
    const char *area = ind->area ? ind->area : "";
    if (*area && strcmp(area, "00") != 0 && !regint_validate_kommunenr_format(area) && !regint_validate_fylkesnr_format(area))
        return regint__error(REGINT_EINVAL, "plan '%s': indicator '%s': area '%s': expected a kommunenr, "
                             "fylkesnr, \"00\" or \"\"", pid, ind->indicator, area);
    if (!year_ok(ind->baseline_year) || !year_ok(ind->target_year) || ind->target_year <= ind->baseline_year)
        return regint__error(REGINT_EINVAL, "plan '%s': indicator '%s': baseline year %d and target year %d: "
                             "expected years 1900..2200 with target year after baseline year", pid,
                             ind->indicator, ind->baseline_year, ind->target_year);
    if (!isfinite(ind->baseline) || !isfinite(ind->target))
        return regint__error(REGINT_EINVAL, "plan '%s': indicator '%s': baseline and target must be finite "
                             "numbers", pid, ind->indicator);
    for (size_t i = 0; i < plan->ninds; i++) {
        const regint_plan_indicator_t *o = &plan->inds[i];
        if (strcmp(o->goal, ind->goal) == 0 && strcmp(o->indicator, ind->indicator) == 0 &&
            strcmp(o->area, area) == 0 && strcmp(o->category, ind->category ? ind->category : "") == 0)
            return regint__error(REGINT_EDUPLICATE, "plan '%s': indicator '%s' for area '%s' is given twice "
                                 "under goal '%s'", pid, ind->indicator, area, ind->goal);
    }
    regint_plan_indicator_t c = *ind;
    c.area = area;
    return plan_append(&ind_kind, &plan->inds, &plan->ninds, &c);
}

REGINT__COUNT_AT(regint_plan_goal_count, regint_plan_goal_at, regint_plan, regint_plan_goal_t, goals, ngoals)
REGINT__COUNT_AT(regint_plan_measure_count, regint_plan_measure_at, regint_plan, regint_plan_measure_t, measures,
                 nmeasures)
REGINT__COUNT_AT(regint_plan_indicator_count, regint_plan_indicator_at, regint_plan, regint_plan_indicator_t, inds,
                 ninds)

regint_status regint_plan_copy(const regint_plan *plan, regint_plan **out)
{
    if (!plan || !out)
        return regint__error(REGINT_EINVAL, "regint_plan_copy: NULL argument");
    regint_plan *c;
    regint_status st = regint_plan_new(&plan->info, &c);
    for (size_t i = 0; st == REGINT_OK && i < plan->ngoals; i++)
        st = regint_plan_add_goal(c, &plan->goals[i]);
    for (size_t i = 0; st == REGINT_OK && i < plan->nmeasures; i++)
        st = regint_plan_add_measure(c, &plan->measures[i]);
    for (size_t i = 0; st == REGINT_OK && i < plan->ninds; i++)
        st = regint_plan_add_indicator(c, &plan->inds[i]);
    if (st != REGINT_OK) {
        regint_plan_free(c);
        return st;
    }
    *out = c;
    return REGINT_OK;
}

regint_status regint_plan_check(const regint_plan *plan, const regint_dataset *ds)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (!plan || !ds)
        return regint__error(REGINT_EINVAL, "regint_plan_check: NULL argument");
    const char *pid = plan->info.id;
    int ay = plan->info.area_year;
    if (!regint__area_exists(ds, plan->info.fylkesnr, ay))
        return regint__error(REGINT_ENOTFOUND, "plan '%s': fylkesnr: no county '%s' in %d", pid,
                             plan->info.fylkesnr, ay);
    for (size_t i = 0; i < plan->ninds; i++) {
        const regint_plan_indicator_t *in = &plan->inds[i];
        const regint_indicator_t *cat;
        if (regint_dataset_indicator(ds, in->indicator, &cat) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "plan '%s': indicators[%zu].indicator: unknown indicator '%s' "
                                 "(not in the catalogue)", pid, i, in->indicator);
        if (*in->area && !regint__area_exists(ds, in->area, ay))
            return regint__error(REGINT_ENOTFOUND, "plan '%s': indicators[%zu].area: no area '%s' in %d", pid, i,
                                 in->area, ay);
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                       */

/* Re-issue the current message as "<file>: <path>: <message>" (copying it first). */
static regint_status rewrap(const char *file, const char *path, regint_status st)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s", regint_last_error());
    return regint__json_error(file, path, st, "%s", msg);
}

static regint_status parse_plan(const cJSON *obj, const char *file, const char *path, regint_plan **out)
{
    if (!cJSON_IsObject(obj))
        return regint__json_error(file, path, REGINT_EPARSE, "expected a plan object");
    regint_plan_info_t info = {0};
    info.note = "";
    int64_t fy = 0, ly = 0, ay = 0;
    int example = 0;
    regint_status st;
    if ((st = regint__json_string(file, path, obj, "id", 1, &info.id)) ||
        (st = regint__json_string(file, path, obj, "title", 1, &info.title)) ||
        (st = regint__json_string(file, path, obj, "fylkesnr", 1, &info.fylkesnr)) ||
        (st = regint__json_int(file, path, obj, "first_year", 1, 1900, 2200, &fy)) ||
        (st = regint__json_int(file, path, obj, "last_year", 1, 1900, 2200, &ly)) ||
        (st = regint__json_int(file, path, obj, "area_year", 0, 1900, 2200, &ay)) ||
        (st = regint__json_bool(file, path, obj, "example", 0, &example)) ||
        (st = regint__json_string(file, path, obj, "note", 0, &info.note)))
        return st;
    info.first_year = (int)fy;
    info.last_year = (int)ly;
    info.area_year = (int)ay;
    info.example = example;
    regint_plan *p;
    if ((st = regint_plan_new(&info, &p)))
        return rewrap(file, path, st);
    const cJSON *goals, *measures, *inds;
    if ((st = regint__json_array(file, path, obj, "goals", 1, &goals)) ||
        (st = regint__json_array(file, path, obj, "measures", 0, &measures)) ||
        (st = regint__json_array(file, path, obj, "indicators", 0, &inds))) {
        regint_plan_free(p);
        return st;
    }
    /* The goals, measures and indicators are read by three loops of the same shape (`duplicates`,
     * issue 13, reports them as a pair of this file with itself). Kept: each reads its own
     * record's fields and adds it through its own checked regint_plan_add_*(). */
    char base[REGINT__PATH_MAX], ip[REGINT__PATH_MAX];
    size_t i = 0;
    regint__json_path_key(base, path, "goals");
    for (const cJSON *g = goals->child; g; g = g->next, i++) {
        regint__json_path_index(ip, base, i);
        regint_plan_goal_t gl = {NULL, NULL, "", ""};
        if (!cJSON_IsObject(g))
            st = regint__json_error(file, ip, REGINT_EPARSE, "expected an object");
        if (!st && (!(st = regint__json_string(file, ip, g, "id", 1, &gl.id)) &&
                    !(st = regint__json_string(file, ip, g, "title", 1, &gl.title)) &&
                    !(st = regint__json_string(file, ip, g, "description", 0, &gl.description)) &&
                    !(st = regint__json_string(file, ip, g, "sdg_targets", 0, &gl.sdg_targets))))
            if ((st = regint_plan_add_goal(p, &gl)))
                st = rewrap(file, ip, st);
        if (st) {
            regint_plan_free(p);
            return st;
        }
    }
    i = 0;
    regint__json_path_key(base, path, "measures");
    for (const cJSON *m = measures ? measures->child : NULL; m; m = m->next, i++) {
        regint__json_path_index(ip, base, i);
        regint_plan_measure_t ms = {NULL, NULL, NULL, "", "", 0, 0};
        int64_t sy = 0, ey = 0;
        if (!cJSON_IsObject(m))
            st = regint__json_error(file, ip, REGINT_EPARSE, "expected an object");
        if (!st && (!(st = regint__json_string(file, ip, m, "id", 1, &ms.id)) &&
                    !(st = regint__json_string(file, ip, m, "goal", 1, &ms.goal)) &&
                    !(st = regint__json_string(file, ip, m, "title", 1, &ms.title)) &&
                    !(st = regint__json_string(file, ip, m, "partner_orgnr", 0, &ms.partner_orgnr)) &&
                    !(st = regint__json_string(file, ip, m, "partner_name", 0, &ms.partner_name)) &&
                    !(st = regint__json_int(file, ip, m, "start_year", 1, 1900, 2200, &sy)) &&
                    !(st = regint__json_int(file, ip, m, "end_year", 1, 1900, 2200, &ey)))) {
            ms.start_year = (int)sy;
            ms.end_year = (int)ey;
            if (*ms.partner_orgnr && !regint_validate_orgnr(ms.partner_orgnr)) {
                char op[REGINT__PATH_MAX];
                regint__json_path_key(op, ip, "partner_orgnr");
                st = regint__json_error(file, op, REGINT_EINVAL,
                                        "not a valid organisasjonsnummer (9 digits, modulus-11 check digit)");
            } else if ((st = regint_plan_add_measure(p, &ms))) {
                st = rewrap(file, ip, st);
            }
        }
        if (st) {
            regint_plan_free(p);
            return st;
        }
    }
    i = 0;
    regint__json_path_key(base, path, "indicators");
    for (const cJSON *n = inds ? inds->child : NULL; n; n = n->next, i++) {
        regint__json_path_index(ip, base, i);
        regint_plan_indicator_t in = {NULL, NULL, "", "", 0, NAN, 0, NAN};
        int64_t by = 0, ty = 0;
        if (!cJSON_IsObject(n))
            st = regint__json_error(file, ip, REGINT_EPARSE, "expected an object");
        if (!st && (!(st = regint__json_string(file, ip, n, "goal", 1, &in.goal)) &&
                    !(st = regint__json_string(file, ip, n, "indicator", 1, &in.indicator)) &&
                    !(st = regint__json_string(file, ip, n, "area", 0, &in.area)) &&
                    !(st = regint__json_string(file, ip, n, "category", 0, &in.category)) &&
                    !(st = regint__json_int(file, ip, n, "baseline_year", 1, 1900, 2200, &by)) &&
                    !(st = regint__json_number(file, ip, n, "baseline", 1, &in.baseline)) &&
                    !(st = regint__json_int(file, ip, n, "target_year", 1, 1900, 2200, &ty)) &&
                    !(st = regint__json_number(file, ip, n, "target", 1, &in.target)))) {
            in.baseline_year = (int)by;
            in.target_year = (int)ty;
            if ((st = regint_plan_add_indicator(p, &in)))
                st = rewrap(file, ip, st);
        }
        if (st) {
            regint_plan_free(p);
            return st;
        }
    }
    *out = p;
    return REGINT_OK;
}

static cJSON *emit_plan(const regint_plan *p)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = regint__json_add_string(o, "id", p->info.id) && regint__json_add_string(o, "title", p->info.title) &&
             regint__json_add_string(o, "fylkesnr", p->info.fylkesnr) &&
             regint__json_add_number(o, "first_year", p->info.first_year) &&
             regint__json_add_number(o, "last_year", p->info.last_year) &&
             regint__json_add_number(o, "area_year", p->info.area_year) &&
             cJSON_AddBoolToObject(o, "example", p->info.example) != NULL &&
             regint__json_add_string(o, "note", p->info.note);
    cJSON *goals = ok ? cJSON_AddArrayToObject(o, "goals") : NULL;
    cJSON *measures = goals ? cJSON_AddArrayToObject(o, "measures") : NULL;
    cJSON *inds = measures ? cJSON_AddArrayToObject(o, "indicators") : NULL;
    ok = inds != NULL;
    for (size_t i = 0; ok && i < p->ngoals; i++) {
        cJSON *g = regint__json_append_object(goals);
        ok = g && regint__json_add_string(g, "id", p->goals[i].id) &&
             regint__json_add_string(g, "title", p->goals[i].title) &&
             regint__json_add_string(g, "description", p->goals[i].description) &&
             regint__json_add_string(g, "sdg_targets", p->goals[i].sdg_targets);
    }
    for (size_t i = 0; ok && i < p->nmeasures; i++) {
        const regint_plan_measure_t *m = &p->measures[i];
        cJSON *g = regint__json_append_object(measures);
        ok = g && regint__json_add_string(g, "id", m->id) &&
             regint__json_add_string(g, "goal", m->goal) && regint__json_add_string(g, "title", m->title) &&
             regint__json_add_string(g, "partner_orgnr", m->partner_orgnr) &&
             regint__json_add_string(g, "partner_name", m->partner_name) &&
             regint__json_add_number(g, "start_year", m->start_year) &&
             regint__json_add_number(g, "end_year", m->end_year);
    }
    for (size_t i = 0; ok && i < p->ninds; i++) {
        const regint_plan_indicator_t *n = &p->inds[i];
        cJSON *g = regint__json_append_object(inds);
        ok = g && regint__json_add_string(g, "goal", n->goal) &&
             regint__json_add_string(g, "indicator", n->indicator) && regint__json_add_string(g, "area", n->area) &&
             regint__json_add_string(g, "category", n->category) &&
             regint__json_add_number(g, "baseline_year", n->baseline_year) &&
             regint__json_add_number(g, "baseline", n->baseline) &&
             regint__json_add_number(g, "target_year", n->target_year) &&
             regint__json_add_number(g, "target", n->target);
    }
    if (!ok) {
        cJSON_Delete(o);
        regint__enomem();
        return NULL;
    }
    return o;
}

/* A standalone plan file: {"schema": "regint.plan", "schema_version": 1, "plan": {...}}. */
static regint_status load_plan(const cJSON *doc, const char *name, void *out)
{
    regint_status st;
    const char *schema = NULL;
    int64_t ver = 0;
    const cJSON *plan = NULL;
    if (!cJSON_IsObject(doc))
        st = regint__json_error(name, "(root)", REGINT_EPARSE, "expected an object");
    else if (!(st = regint__json_string(name, "", doc, "schema", 1, &schema))) {
        if (strcmp(schema, "regint.plan") != 0)
            st = regint__json_error(name, "schema", REGINT_EVERSION, "expected \"regint.plan\", got \"%s\"", schema);
        else if (!(st = regint__json_int(name, "", doc, "schema_version", 1, 1, INT32_MAX, &ver))) {
            if (ver > 1)
                st = regint__json_error(name, "schema_version", REGINT_EVERSION,
                                        "version %lld is newer than this library reads (1)", (long long)ver);
            else if (!(st = regint__json_object(name, "", doc, "plan", 1, &plan)))
                st = parse_plan(plan, name, "plan", out);
        }
    }
    return st;
}

REGINT__DEFINE_JSON_LOAD_STRING(regint_plan, regint_plan, "(plan)", load_plan)

/* Remembers the bytes read, for the lost-update check of regint_plan_save_file_opts(). */
REGINT__DEFINE_LOAD_FILE_ORIGIN(regint_plan_load_file, regint_plan, regint_plan_load_string, origin)

regint_status regint_plan_to_string(const regint_plan *plan, char **json)
{
    if (!plan || !json)
        return regint__error(REGINT_EINVAL, "regint_plan_to_string: NULL argument");
    cJSON *doc = regint__json_new_doc("regint.plan");
    cJSON *p = emit_plan(plan);
    if (!doc || !p || !regint__json_add_number(doc, "schema_version", 1)) {
        cJSON_Delete(doc);
        cJSON_Delete(p);
        return regint__enomem();
    }
    cJSON_AddItemToObject(doc, "plan", p);
    return regint__json_finish(doc, 1, json);
}

/* plan->origin: the file it was loaded from (or last saved to), whose bytes regint__save
 * compares under flock() before the rename (util/savefile.c). */
REGINT__DEFINE_SAVE_FILE(regint_plan, regint_plan, regint_plan_to_string, origin)

/* ------------------------------------------------------------------------- */
/* Dataset section                                                            */

typedef struct plan_list {
    regint_plan **p;
    size_t n;
} plan_list;

static void section_free(void *data)
{
    plan_list *l = data;
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        regint_plan_free(l->p[i]);
    free(l->p);
    free(l);
}

static regint_status section_parse(const cJSON *node, const char *file, int schema_version,
                                   const regint_dataset *ds, void **out)
{
    (void)schema_version;
    if (!cJSON_IsArray(node))
        return regint__json_error(file, "qualification", REGINT_EPARSE, "expected an array of plans");
    plan_list *l = regint__calloc(1, sizeof *l);
    size_t n = (size_t)cJSON_GetArraySize(node);
    if (!l || !(l->p = regint__calloc(n ? n : 1, sizeof *l->p))) {
        free(l);
        return regint__enomem();
    }
    size_t i = 0;
    for (const cJSON *c = node->child; c; c = c->next, i++) {
        char path[REGINT__PATH_MAX];
        regint__json_path_index(path, "qualification", i);
        regint_plan *p;
        regint_status st = parse_plan(c, file, path, &p);
        if (st == REGINT_OK && ds && (st = regint_plan_check(p, ds)) != REGINT_OK) {
            st = rewrap(file, path, st);
            regint_plan_free(p);
        }
        for (size_t j = 0; st == REGINT_OK && j < l->n; j++)
            if (strcmp(l->p[j]->info.id, p->info.id) == 0) {
                char ip[REGINT__PATH_MAX];
                regint__json_path_key(ip, path, "id");
                st = regint__json_error(file, ip, REGINT_EDUPLICATE, "plan id '%s' used twice", p->info.id);
                regint_plan_free(p);
            }
        if (st) {
            section_free(l);
            return st;
        }
        l->p[l->n++] = p;
    }
    *out = l;
    return REGINT_OK;
}

static cJSON *section_emit(const void *data)
{
    const plan_list *l = data;
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < l->n; i++) {
        cJSON *p = emit_plan(l->p[i]);
        if (!p || !cJSON_AddItemToArray(arr, p)) {
            cJSON_Delete(p);
            cJSON_Delete(arr);
            arr = NULL;
        }
    }
    if (!arr)
        regint__enomem();
    return arr;
}

const regint__section regint__section_qualification = {
    "qualification", section_parse, section_emit, section_free,
};

size_t regint_plan_dataset_count(const regint_dataset *ds)
{
    const plan_list *l = ds ? regint__dataset_section(ds, &regint__section_qualification) : NULL;
    return l ? l->n : 0;
}

const regint_plan *regint_plan_dataset_at(const regint_dataset *ds, size_t i)
{
    const plan_list *l = ds ? regint__dataset_section(ds, &regint__section_qualification) : NULL;
    return l && i < l->n ? l->p[i] : NULL;
}

regint_status regint_plan_add_to_dataset(regint_dataset *ds, const regint_plan *plan)
{
    if (!ds || !plan)
        return regint__error(REGINT_EINVAL, "regint_plan_add_to_dataset: NULL argument");
    regint_status st = regint_plan_check(plan, ds);
    if (st)
        return st;
    regint_plan *copy;
    if ((st = regint_plan_copy(plan, &copy)))
        return st;
    plan_list *old = regint__dataset_section(ds, &regint__section_qualification);
    size_t n_old = old ? old->n : 0;
    plan_list *l = regint__calloc(1, sizeof *l);
    if (!l || !(l->p = regint__calloc(n_old + 1, sizeof *l->p))) {
        free(l);
        regint_plan_free(copy);
        return regint__enomem();
    }
    int replaced = 0;
    for (size_t i = 0; i < n_old; i++) {
        if (strcmp(old->p[i]->info.id, copy->info.id) == 0) {
            regint_plan_free(old->p[i]);
            l->p[l->n++] = copy;
            replaced = 1;
        } else {
            l->p[l->n++] = old->p[i];
        }
    }
    if (!replaced)
        l->p[l->n++] = copy;
    if (old)
        old->n = 0; /* the plans moved to the new list */
    regint__dataset_set_section(ds, &regint__section_qualification, l);
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Progress                                                                   */

static const char *const progress_names[REGINT_PROGRESS_COUNT] = {"no_data", "on_track", "behind", "achieved"};

REGINT__ENUM_NAMES(regint_progress, regint_progress, progress_names, REGINT_PROGRESS_COUNT, "progress")

regint_status regint_plan_progress(const regint_plan *plan, size_t i, const regint_kb *kb, int as_of_year,
                                   regint_plan_progress_t *out)
{
    if (!plan || !kb || !out || i >= plan->ninds)
        return regint__error(REGINT_EINVAL, "regint_plan_progress: bad argument");
    const regint_plan_indicator_t *in = &plan->inds[i];
    const regint_indicator_t *cat;
    if (regint_dataset_indicator(regint_kb_dataset(kb), in->indicator, &cat) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "plan '%s': indicators[%zu]: unknown indicator '%s'",
                             plan->info.id, i, in->indicator);
    memset(out, 0, sizeof *out);
    out->status = REGINT_PROGRESS_NO_DATA;
    out->value = out->expected = out->share_of_target = NAN;
    const char *area = *in->area ? in->area : plan->info.fylkesnr;
    regint_kb_series_result *s = NULL;
    regint_status st = regint_kb_series(kb, in->indicator, area, plan->info.area_year, in->category,
                                        in->baseline_year + 1, as_of_year, &s);
    if (st)
        return st;
    size_t k = s->n;
    int latest_missing_year = 0;
    while (k-- > 0) {
        if (s->values[k].value.missing == REGINT_MISSING_NONE)
            break;
        if (!latest_missing_year) {
            latest_missing_year = s->years[k];
            out->latest_missing = s->values[k].value.missing;
        }
    }
    if (k == (size_t)-1) {
        regint_kb_series_result_free(s);
        return REGINT_OK;
    }
    int y = s->years[k];
    double v = s->values[k].value.value;
    regint_kb_series_result_free(s);
    double b = in->baseline, t = in->target;
    double frac = (double)(y - in->baseline_year) / (double)(in->target_year - in->baseline_year);
    if (frac > 1)
        frac = 1;
    double e = b + (t - b) * frac;
    int d = t > b ? 1 : t < b ? -1 : 0;
    if (d == 0)
        d = cat->direction == REGINT_DIRECTION_HIGHER_BETTER ? 1 : cat->direction == REGINT_DIRECTION_LOWER_BETTER ? -1 : 0;
    out->year = y;
    out->value = v;
    out->expected = e;
    out->share_of_target = t != b ? (v - b) / (t - b) : NAN;
    double tol = 1e-9 * (fabs(t) + 1);
    if (d == 0)
        out->status = fabs(v - t) <= tol ? REGINT_PROGRESS_ACHIEVED : REGINT_PROGRESS_BEHIND;
    else if (d * (v - t) >= -tol)
        out->status = REGINT_PROGRESS_ACHIEVED;
    else if (d * (v - e) >= -tol)
        out->status = REGINT_PROGRESS_ON_TRACK;
    else
        out->status = REGINT_PROGRESS_BEHIND;
    return REGINT_OK;
}
