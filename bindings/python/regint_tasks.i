/* regint_tasks.i — part of regint.i: the knowledge base (indicators.h), the plan for
 * qualification (qualification.h), reports (report.h), grants (grants.h), collaboration
 * (collaboration.h) and career guidance (guidance.h).
 *
 * Same conventions as regint.i: a non-OK status raises the regint.Error subclass; handles
 * (regint_kb, regint_plan) are owned proxies freed by their destructor; everything else
 * crosses in one call per table as a dict of column lists, and the C result (allocation,
 * coverage, forecast, series) is freed before returning. Enumerations cross as ints; the
 * Python layer maps them to the C library's stable names (regint_py_enum_names). */

%{
static PyObject *regint_py_i64(int64_t v) { return PyLong_FromLongLong((long long)v); }

static PyObject *regint_py_nan_none(double v)
{
    if (isnan(v)) Py_RETURN_NONE;
    return PyFloat_FromDouble(v);
}

/* A tuple of str from `n` borrowed C strings. */
static PyObject *regint_py_str_tuple(const char *const *a, size_t n)
{
    size_t i;
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *s = regint_py_str(a[i]);
        if (s == NULL) { Py_CLEAR(t); break; }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, s);
    }
    return t;
}

/* {value, missing, partial, n_parts, n_missing, n_absent, direct} of an aggregate. */
static PyObject *regint_py_aggregate(const regint_aggregate_t *a)
{
    return Py_BuildValue("{s:N,s:N,s:N,s:n,s:n,s:n,s:O}",
        "value", regint_py_value_or_none(a->value),
        "missing", regint_py_str(a->value.missing == REGINT_MISSING_NONE ? ""
                                 : regint_missing_name(a->value.missing)),
        "partial", regint_py_nan_none(a->partial),
        "n_parts", (Py_ssize_t)a->n_parts, "n_missing", (Py_ssize_t)a->n_missing,
        "n_absent", (Py_ssize_t)a->n_absent, "direct", a->direct ? Py_True : Py_False);
}

static PyObject *regint_py_value_pair(regint_value_t v)
{
    return Py_BuildValue("(NN)", regint_py_value_or_none(v),
                         regint_py_str(v.missing == REGINT_MISSING_NONE ? ""
                                       : regint_missing_name(v.missing)));
}

static PyObject *regint_py_trend(const regint_trend_t *t)
{
    return Py_BuildValue("{s:N,s:N,s:n,s:i,s:i}", "slope", regint_py_nan_none(t->slope),
                         "intercept", regint_py_nan_none(t->intercept),
                         "points", (Py_ssize_t)t->points, "first_year", t->first_year,
                         "last_year", t->last_year);
}
%}

/* ------------------------------------------------------------------------- */
/* Handles                                                                   */

typedef struct regint_kb regint_kb;
%rename(KnowledgeBaseHandle) regint_kb;
%nodefaultctor regint_kb;
struct regint_kb {};
%extend regint_kb {
    ~regint_kb() { regint_kb_free($self); }
}
%typemap(in, numinputs=0) regint_kb **out (regint_kb *tmp = NULL) { $1 = &tmp; }
%typemap(argout) regint_kb **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

typedef struct regint_plan regint_plan;
%rename(PlanHandle) regint_plan;
%nodefaultctor regint_plan;
struct regint_plan {};
%extend regint_plan {
    ~regint_plan() { regint_plan_free($self); }
}
%typemap(in, numinputs=0) regint_plan **out (regint_plan *tmp = NULL) { $1 = &tmp; }
%typemap(argout) regint_plan **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* Functions wrapped as they are (status → exception, out-parameters → return values). */
regint_status regint_kb_new(const regint_dataset *ds, regint_kb **out);
void regint_kb_refresh(regint_kb *kb);
regint_status regint_kb_population(regint_kb *kb, const char *area, int year, int64_t *out);
regint_status regint_kb_import_csv(regint_kb *kb, regint_dataset *ds, const char *path);
const char *regint_sdg_goal_name(int goal, const char *lang);

regint_status regint_plan_copy(const regint_plan *plan, regint_plan **out);
regint_status regint_plan_check(const regint_plan *plan, const regint_dataset *ds);
regint_status regint_plan_load_file(const char *path, regint_plan **out);
regint_status regint_plan_load_string(const char *json, size_t len, const char *name,
                                      regint_plan **out);
regint_status regint_plan_save_file(const regint_plan *plan, const char *path);
regint_status regint_plan_to_string(const regint_plan *plan, char **json);
size_t regint_dataset_plan_count(const regint_dataset *ds);
regint_status regint_dataset_add_plan(regint_dataset *ds, const regint_plan *plan);

size_t regint_grants_scheme_count(const regint_dataset *ds);
size_t regint_grants_application_count(const regint_dataset *ds);
regint_status regint_grants_add_payment(regint_dataset *ds, const char *application_id,
                                        const char *date, int64_t amount);
regint_status regint_grants_set_report(regint_dataset *ds, const char *application_id,
                                       const char *date, int64_t participants_reached,
                                       int64_t funds_used);
regint_status regint_grants_add_reclaimed(regint_dataset *ds, const char *application_id,
                                          int64_t amount);
regint_status regint_grants_application_score(const regint_dataset *ds, const char *id,
                                              double *OUTPUT);

%inline %{
/* The stable names of a C enumeration, in enum order: "applicant_kind", "grant_outcome",
 * "partner_kind", "task", "meeting_kind", "progress". */
PyObject *regint_py_enum_names(const char *which)
{
    PyObject *l = PyList_New(0);
    int i;
    for (i = 0; l != NULL && i < 64; i++) {
        const char *s = "";
        if (strcmp(which, "applicant_kind") == 0) s = i <= 3 ? regint_applicant_kind_name((regint_applicant_kind)i) : "";
        else if (strcmp(which, "grant_outcome") == 0) s = i <= 2 ? regint_grant_outcome_name((regint_grant_outcome)i) : "";
        else if (strcmp(which, "partner_kind") == 0) s = regint_partner_kind_name((regint_partner_kind)i);
        else if (strcmp(which, "task") == 0) s = regint_task_name((regint_task)i);
        else if (strcmp(which, "meeting_kind") == 0) s = i <= 2 ? regint_meeting_kind_name((regint_meeting_kind)i) : "";
        else if (strcmp(which, "progress") == 0) s = i <= 3 ? regint_progress_name((regint_progress)i) : "";
        if (s == NULL || *s == '\0') break;
        if (regint_py_append(l, regint_py_str(s)) != 0) Py_CLEAR(l);
    }
    return l;
}

/* ------------------------------------------------------------------------- */
/* Knowledge base                                                            */

/* The distinct SDG goals of a target list, ascending. */
PyObject *regint_py_sdg_goals(const char *targets)
{
    int goals[17];
    size_t n = 0, i;
    PyObject *l;
    regint_status st = regint_sdg_goals(targets, goals, &n);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    l = PyList_New(0);
    for (i = 0; l != NULL && i < n; i++)
        if (regint_py_append(l, PyLong_FromLong(goals[i])) != 0) Py_CLEAR(l);
    return l;
}

/* Ids of the catalogue entries matching the query (sdg_goal 0 / level -1 / text NULL: any). */
PyObject *regint_py_indicators_find(const regint_dataset *ds, int sdg_goal, int level,
                                    const char *text)
{
    regint_indicator_query q = REGINT_INDICATOR_QUERY_INIT;
    const regint_indicator_t **list = NULL;
    size_t n = 0, i;
    PyObject *l;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    q.sdg_goal = sdg_goal;
    q.level = level;
    q.text = text;
    st = regint_indicators_find(ds, &q, &list, &n);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    l = PyList_New(0);
    for (i = 0; l != NULL && i < n; i++)
        if (regint_py_append(l, regint_py_str(list[i]->id)) != 0) Py_CLEAR(l);
    regint_free((void *)list);
    return l;
}

/* One value: indicator NULL = the settlement figure (measure, category). */
PyObject *regint_py_kb_value(regint_kb *kb, const char *indicator, const char *area,
                             int area_year, int year, const char *category, int measure,
                             int cat)
{
    regint_aggregate_t a;
    regint_status st;
    memset(&a, 0, sizeof a);
    if (indicator != NULL)
        st = regint_kb_value(kb, indicator, area, area_year, year, category, &a);
    else
        st = regint_kb_settlement(kb, area, area_year, year, (regint_measure)measure,
                                  (regint_category)cat, &a);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    return regint_py_aggregate(&a);
}

PyObject *regint_py_kb_population_mapped(regint_kb *kb, const char *area, int area_year, int year)
{
    regint_aggregate_t a;
    regint_status st;
    memset(&a, 0, sizeof a);
    st = regint_kb_population_mapped(kb, area, area_year, year, &a);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    return regint_py_aggregate(&a);
}

/* A time series as columns (year, value, missing, partial, n_parts, n_missing, n_absent,
 * direct, change) plus its trend over trend_years years ending trend_last (0 = last year of
 * the series; trend_years < 2: no trend). indicator NULL = settlement (measure, cat). */
PyObject *regint_py_kb_series(regint_kb *kb, const char *indicator, const char *area,
                              int area_year, const char *category, int measure, int cat,
                              int first_year, int last_year, int trend_last, int trend_years)
{
    static const char *const names[] = {"year", "value", "missing", "partial", "n_parts",
        "n_missing", "n_absent", "direct", "change", "change_missing"};
    regint_series_t *s = NULL;
    regint_status st;
    PyObject *d = NULL, *res = NULL, *trend = NULL;
    size_t i;
    if (indicator != NULL)
        st = regint_kb_series(kb, indicator, area, area_year, category, first_year, last_year, &s);
    else
        st = regint_kb_settlement_series(kb, area, area_year, (regint_measure)measure,
                                         (regint_category)cat, first_year, last_year, &s);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) goto fail;
    for (i = 0; i < s->n; i++) {
        const regint_aggregate_t *a = &s->values[i];
        regint_value_t ch = regint_series_change(s, s->years[i]);
        REGINT_PY_PUT(d, "year", PyLong_FromLong(s->years[i]));
        REGINT_PY_PUT(d, "value", regint_py_value(a->value));
        REGINT_PY_PUT(d, "missing", regint_py_str(a->value.missing == REGINT_MISSING_NONE ? ""
                                                   : regint_missing_name(a->value.missing)));
        REGINT_PY_PUT(d, "partial", PyFloat_FromDouble(a->partial));
        REGINT_PY_PUT(d, "n_parts", PyLong_FromSize_t(a->n_parts));
        REGINT_PY_PUT(d, "n_missing", PyLong_FromSize_t(a->n_missing));
        REGINT_PY_PUT(d, "n_absent", PyLong_FromSize_t(a->n_absent));
        REGINT_PY_PUT(d, "direct", PyBool_FromLong(a->direct));
        REGINT_PY_PUT(d, "change", regint_py_value(ch));
        REGINT_PY_PUT(d, "change_missing", regint_py_str(ch.missing == REGINT_MISSING_NONE ? ""
                                                          : regint_missing_name(ch.missing)));
    }
    if (trend_years >= 2 && s->n > 0) {
        regint_trend_t t;
        memset(&t, 0, sizeof t);
        st = regint_series_trend(s, trend_last > 0 ? trend_last : s->years[s->n - 1],
                                 trend_years, &t);
        if (st != REGINT_OK) { regint_py_raise(st); goto fail; }
        trend = regint_py_trend(&t);
    } else {
        trend = SWIG_Py_Void();
    }
    if (trend == NULL) goto fail;
    res = Py_BuildValue("{s:N,s:N,s:i,s:N,s:N,s:N}", "indicator", regint_py_str(s->indicator),
                        "area", regint_py_str(s->area), "area_year", s->area_year,
                        "category", regint_py_str(s->category), "columns", d, "trend", trend);
    d = trend = NULL;
fail:
    Py_XDECREF(d);
    Py_XDECREF(trend);
    regint_series_free(s);
    return res;
}

/* value per 1,000 inhabitants of area in year; None stays None (missing). */
PyObject *regint_py_kb_per_1000(regint_kb *kb, const char *area, int year, double value,
                                int missing)
{
    regint_value_t v, out;
    regint_status st;
    v.value = missing ? NAN : value;
    v.missing = (regint_missing)missing;
    out.value = NAN;
    out.missing = REGINT_MISSING_UNKNOWN;
    st = regint_kb_per_1000(kb, area, year, v, &out);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    return regint_py_value_pair(out);
}

PyObject *regint_py_kb_summarize(regint_kb *kb, const char *indicator, const char *area,
                                 int area_year, int year, const char *category, int trend_years)
{
    regint_indicator_summary_t s;
    regint_status st;
    memset(&s, 0, sizeof s);
    st = regint_kb_summarize(kb, indicator, area, area_year, year, category, trend_years, &s);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    return Py_BuildValue("{s:N,s:N,s:N,s:N,s:N,s:n,s:n}", "value", regint_py_aggregate(&s.value),
                         "change", regint_py_value_pair(s.change), "trend", regint_py_trend(&s.trend),
                         "county", regint_py_value_pair(s.county),
                         "nation", regint_py_value_pair(s.nation),
                         "rank", (Py_ssize_t)s.rank, "rank_of", (Py_ssize_t)s.rank_of);
}

/* JSON-stat 2 import from a file (path) or text (json, name); returns the number imported. */
PyObject *regint_py_kb_import_jsonstat(regint_kb *kb, regint_dataset *ds, const char *path,
                                       PyObject *text, const char *name, const char *indicator,
                                       const char *area_dimension, const char *time_dimension,
                                       const char *contents_dimension, int refuse_existing)
{
    regint_jsonstat_options o = REGINT_JSONSTAT_OPTIONS_INIT;
    size_t n = 0;
    regint_status st;
    o.indicator = indicator;
    o.area_dimension = area_dimension;
    o.time_dimension = time_dimension;
    o.contents_dimension = contents_dimension;
    o.refuse_existing = refuse_existing;
    if (path != NULL) {
        st = regint_kb_import_jsonstat(kb, ds, path, &o, &n);
    } else {
        Py_ssize_t len = 0;
        const char *json = PyUnicode_AsUTF8AndSize(text, &len);
        if (json == NULL) return NULL;
        st = regint_kb_import_jsonstat_string(kb, ds, json, (size_t)len, name, &o, &n);
    }
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    return PyLong_FromSize_t(n);
}

/* ------------------------------------------------------------------------- */
/* Plan for qualification                                                    */

regint_status regint_py_plan_new(const char *id, const char *title, const char *fylkesnr,
                                 int first_year, int last_year, int area_year, int example,
                                 const char *note, regint_plan **out)
{
    regint_plan_info_t i;
    i.id = id; i.title = title; i.fylkesnr = fylkesnr; i.first_year = first_year;
    i.last_year = last_year; i.area_year = area_year; i.example = example;
    i.note = note ? note : "";
    return regint_plan_new(&i, out);
}

regint_status regint_py_plan_add_goal(regint_plan *plan, const char *id, const char *title,
                                      const char *description, const char *sdg_targets)
{
    regint_plan_goal_t g;
    g.id = id; g.title = title; g.description = description ? description : "";
    g.sdg_targets = sdg_targets ? sdg_targets : "";
    return regint_plan_add_goal(plan, &g);
}

regint_status regint_py_plan_add_measure(regint_plan *plan, const char *id, const char *goal,
                                         const char *title, const char *partner_orgnr,
                                         const char *partner_name, int start_year, int end_year)
{
    regint_plan_measure_t m;
    m.id = id; m.goal = goal; m.title = title;
    m.partner_orgnr = partner_orgnr ? partner_orgnr : "";
    m.partner_name = partner_name ? partner_name : "";
    m.start_year = start_year; m.end_year = end_year;
    return regint_plan_add_measure(plan, &m);
}

regint_status regint_py_plan_add_indicator(regint_plan *plan, const char *goal,
                                           const char *indicator, const char *area,
                                           const char *category, int baseline_year,
                                           double baseline, int target_year, double target)
{
    regint_plan_indicator_t x;
    x.goal = goal; x.indicator = indicator; x.area = area ? area : "";
    x.category = category ? category : ""; x.baseline_year = baseline_year;
    x.baseline = baseline; x.target_year = target_year; x.target = target;
    return regint_plan_add_indicator(plan, &x);
}

/* A copy (owned) of the dataset's plan i (the Python layer checks the index). */
regint_status regint_py_dataset_plan(const regint_dataset *ds, size_t i, regint_plan **out)
{
    return regint_plan_copy(regint_dataset_plan_at(ds, i), out);
}

/* {"info": {...}, "goals": cols, "measures": cols, "indicators": cols}. */
PyObject *regint_py_plan_tables(const regint_plan *plan)
{
    static const char *const gn[] = {"id", "title", "description", "sdg_targets"};
    static const char *const mn[] = {"id", "goal", "title", "partner_orgnr", "partner_name",
                                     "start_year", "end_year"};
    static const char *const in[] = {"goal", "indicator", "area", "category", "baseline_year",
                                     "baseline", "target_year", "target"};
    const regint_plan_info_t *info = regint_plan_info(plan);
    PyObject *g = NULL, *m = NULL, *d = NULL, *res = NULL, *inf = NULL;
    size_t i, n;
    g = REGINT_PY_COLUMNS(gn);
    m = REGINT_PY_COLUMNS(mn);
    d = REGINT_PY_COLUMNS(in);
    if (g == NULL || m == NULL || d == NULL || info == NULL) goto fail;
    n = regint_plan_goal_count(plan);
    for (i = 0; i < n; i++) {
        const regint_plan_goal_t *x = regint_plan_goal_at(plan, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(g, "id", regint_py_str(x->id));
        REGINT_PY_PUT(g, "title", regint_py_str(x->title));
        REGINT_PY_PUT(g, "description", regint_py_str(x->description));
        REGINT_PY_PUT(g, "sdg_targets", regint_py_str(x->sdg_targets));
    }
    n = regint_plan_measure_count(plan);
    for (i = 0; i < n; i++) {
        const regint_plan_measure_t *x = regint_plan_measure_at(plan, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(m, "id", regint_py_str(x->id));
        REGINT_PY_PUT(m, "goal", regint_py_str(x->goal));
        REGINT_PY_PUT(m, "title", regint_py_str(x->title));
        REGINT_PY_PUT(m, "partner_orgnr", regint_py_str(x->partner_orgnr));
        REGINT_PY_PUT(m, "partner_name", regint_py_str(x->partner_name));
        REGINT_PY_PUT(m, "start_year", PyLong_FromLong(x->start_year));
        REGINT_PY_PUT(m, "end_year", PyLong_FromLong(x->end_year));
    }
    n = regint_plan_indicator_count(plan);
    for (i = 0; i < n; i++) {
        const regint_plan_indicator_t *x = regint_plan_indicator_at(plan, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(d, "goal", regint_py_str(x->goal));
        REGINT_PY_PUT(d, "indicator", regint_py_str(x->indicator));
        REGINT_PY_PUT(d, "area", regint_py_str(x->area));
        REGINT_PY_PUT(d, "category", regint_py_str(x->category));
        REGINT_PY_PUT(d, "baseline_year", PyLong_FromLong(x->baseline_year));
        REGINT_PY_PUT(d, "baseline", PyFloat_FromDouble(x->baseline));
        REGINT_PY_PUT(d, "target_year", PyLong_FromLong(x->target_year));
        REGINT_PY_PUT(d, "target", PyFloat_FromDouble(x->target));
    }
    inf = Py_BuildValue("{s:N,s:N,s:N,s:i,s:i,s:i,s:O,s:N}", "id", regint_py_str(info->id),
                        "title", regint_py_str(info->title), "fylkesnr", regint_py_str(info->fylkesnr),
                        "first_year", info->first_year, "last_year", info->last_year,
                        "area_year", info->area_year, "example", info->example ? Py_True : Py_False,
                        "note", regint_py_str(info->note));
    if (inf == NULL) goto fail;
    res = Py_BuildValue("{s:N,s:N,s:N,s:N}", "info", inf, "goals", g, "measures", m, "indicators", d);
    return res;
fail:
    Py_XDECREF(g);
    Py_XDECREF(m);
    Py_XDECREF(d);
    return NULL;
}

/* Progress of every plan indicator as of as_of_year: columns status (int), year, value,
 * expected, share_of_target, latest_missing. */
PyObject *regint_py_plan_progress(const regint_plan *plan, regint_kb *kb, int as_of_year)
{
    static const char *const names[] = {"status", "year", "value", "expected",
                                        "share_of_target", "latest_missing"};
    size_t i, n = regint_plan_indicator_count(plan);
    PyObject *d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    for (i = 0; i < n; i++) {
        regint_plan_progress_t p;
        regint_status st;
        memset(&p, 0, sizeof p);
        st = regint_plan_progress(plan, i, kb, as_of_year, &p);
        if (st != REGINT_OK) { regint_py_raise(st); goto fail; }
        REGINT_PY_PUT(d, "status", PyLong_FromLong((long)p.status));
        REGINT_PY_PUT(d, "year", p.year ? PyLong_FromLong(p.year) : SWIG_Py_Void());
        REGINT_PY_PUT(d, "value", PyFloat_FromDouble(p.value));
        REGINT_PY_PUT(d, "expected", PyFloat_FromDouble(p.expected));
        REGINT_PY_PUT(d, "share_of_target", PyFloat_FromDouble(p.share_of_target));
        REGINT_PY_PUT(d, "latest_missing", regint_py_str(p.latest_missing == REGINT_MISSING_NONE
                                                         ? "" : regint_missing_name(p.latest_missing)));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* ------------------------------------------------------------------------- */
/* Reports                                                                   */

/* Render (dir NULL; returns the text) or write (returns (md_path, html_path)). */
PyObject *regint_py_report(const regint_dataset *ds, const char *fylkesnr, int year,
                           int history_years, int trend_years, const regint_plan *plan,
                           int charts, int format, const char *dir)
{
    regint_report_options o = REGINT_REPORT_OPTIONS_INIT;
    regint_status st;
    PyObject *res;
    if (regint_py_need_ds(ds)) return NULL;
    o.fylkesnr = fylkesnr;
    o.year = year;
    if (history_years > 0) o.history_years = history_years;
    if (trend_years > 0) o.trend_years = trend_years;
    o.plan = plan;
    o.charts = charts;
    if (dir == NULL) {
        char *text = NULL;
        Py_BEGIN_ALLOW_THREADS
        st = regint_report_render(ds, &o, (regint_report_format)format, &text);
        Py_END_ALLOW_THREADS
        if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
        res = regint_py_str(text);
        regint_free(text);
    } else {
        char *md = NULL, *html = NULL;
        Py_BEGIN_ALLOW_THREADS
        st = regint_report_write(ds, &o, dir, &md, &html);
        Py_END_ALLOW_THREADS
        if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
        res = Py_BuildValue("(NN)", regint_py_str(md), regint_py_str(html));
        regint_free(md);
        regint_free(html);
    }
    return res;
}

/* ------------------------------------------------------------------------- */
/* Grants                                                                    */

PyObject *regint_py_grant_schemes(const regint_dataset *ds)
{
    static const char *const names[] = {"id", "name", "year", "budget", "call_opens", "deadline",
        "max_per_application", "rounding_unit", "score_max", "report_due", "criteria"};
    size_t i, k, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_grants_scheme_count(ds);
    for (i = 0; i < n; i++) {
        const regint_grant_scheme_t *s = regint_grants_scheme_at(ds, i);
        PyObject *crit;
        if (s == NULL) continue;
        REGINT_PY_PUT(d, "id", regint_py_str(s->id));
        REGINT_PY_PUT(d, "name", regint_py_str(s->name));
        REGINT_PY_PUT(d, "year", PyLong_FromLong(s->year));
        REGINT_PY_PUT(d, "budget", regint_py_i64(s->budget));
        REGINT_PY_PUT(d, "call_opens", regint_py_str(s->call_opens));
        REGINT_PY_PUT(d, "deadline", regint_py_str(s->deadline));
        REGINT_PY_PUT(d, "max_per_application", s->max_per_application == INT64_MAX
                      ? SWIG_Py_Void() : regint_py_i64(s->max_per_application));
        REGINT_PY_PUT(d, "rounding_unit", regint_py_i64(s->rounding_unit));
        REGINT_PY_PUT(d, "score_max", PyFloat_FromDouble(s->score_max));
        REGINT_PY_PUT(d, "report_due", regint_py_str(s->report_due));
        crit = PyTuple_New((Py_ssize_t)s->criterion_count);
        for (k = 0; crit != NULL && k < s->criterion_count; k++) {
            PyObject *c = Py_BuildValue("(NNd)", regint_py_str(s->criteria[k].id),
                                        regint_py_str(s->criteria[k].name), s->criteria[k].weight);
            if (c == NULL) { Py_CLEAR(crit); break; }
            PyTuple_SET_ITEM(crit, (Py_ssize_t)k, c);
        }
        REGINT_PY_PUT(d, "criteria", crit);
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

PyObject *regint_py_grant_applications(const regint_dataset *ds)
{
    static const char *const names[] = {"id", "scheme", "received", "applicant_orgnr",
        "applicant_name", "applicant_kind", "amount_applied", "planned_participants",
        "target_group", "municipalities", "eligible", "ineligible_reason", "scores", "outcome",
        "amount_granted", "decision_date", "decision_reason", "paid", "payments", "report_due",
        "reported", "report_date", "participants_reached", "funds_used", "amount_reclaimed"};
    size_t i, k, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_grants_application_count(ds);
    for (i = 0; i < n; i++) {
        const regint_grant_application_t *a = regint_grants_application_at(ds, i);
        const regint_grant_scheme_t *s = NULL;
        int64_t paid = 0;
        PyObject *pay;
        if (a == NULL) continue;
        if (regint_grants_scheme(ds, a->scheme_id, &s) != REGINT_OK) s = NULL;
        REGINT_PY_PUT(d, "id", regint_py_str(a->id));
        REGINT_PY_PUT(d, "scheme", regint_py_str(a->scheme_id));
        REGINT_PY_PUT(d, "received", regint_py_str(a->received));
        REGINT_PY_PUT(d, "applicant_orgnr", regint_py_str(a->applicant_orgnr));
        REGINT_PY_PUT(d, "applicant_name", regint_py_str(a->applicant_name));
        REGINT_PY_PUT(d, "applicant_kind", regint_py_str(regint_applicant_kind_name(a->applicant_kind)));
        REGINT_PY_PUT(d, "amount_applied", regint_py_i64(a->amount_applied));
        REGINT_PY_PUT(d, "planned_participants", regint_py_i64(a->planned_participants));
        REGINT_PY_PUT(d, "target_group", regint_py_str(a->target_group));
        REGINT_PY_PUT(d, "municipalities", regint_py_str_tuple(a->municipalities, a->municipality_count));
        REGINT_PY_PUT(d, "eligible", PyBool_FromLong(a->eligible));
        REGINT_PY_PUT(d, "ineligible_reason", regint_py_str(a->ineligible_reason));
        if (s != NULL && a->scores != NULL) {
            PyObject *sc = PyDict_New();
            for (k = 0; sc != NULL && k < s->criterion_count; k++)
                if (regint_py_set(sc, s->criteria[k].id, regint_py_nan_none(a->scores[k])) != 0)
                    Py_CLEAR(sc);
            REGINT_PY_PUT(d, "scores", sc);
        } else {
            REGINT_PY_PUT(d, "scores", PyDict_New());
        }
        REGINT_PY_PUT(d, "outcome", regint_py_str(regint_grant_outcome_name(a->outcome)));
        REGINT_PY_PUT(d, "amount_granted", regint_py_i64(a->amount_granted));
        REGINT_PY_PUT(d, "decision_date", regint_py_str(a->decision_date));
        REGINT_PY_PUT(d, "decision_reason", regint_py_str(a->decision_reason));
        pay = PyTuple_New((Py_ssize_t)a->payment_count);
        for (k = 0; pay != NULL && k < a->payment_count; k++) {
            PyObject *p = Py_BuildValue("(NL)", regint_py_str(a->payments[k].date),
                                        (long long)a->payments[k].amount);
            if (p == NULL) { Py_CLEAR(pay); break; }
            PyTuple_SET_ITEM(pay, (Py_ssize_t)k, p);
            paid += a->payments[k].amount;
        }
        REGINT_PY_PUT(d, "paid", regint_py_i64(paid));
        REGINT_PY_PUT(d, "payments", pay);
        REGINT_PY_PUT(d, "report_due", regint_py_str(a->report_due ? a->report_due
                                                     : (s ? s->report_due : NULL)));
        REGINT_PY_PUT(d, "reported", PyBool_FromLong(a->reported));
        REGINT_PY_PUT(d, "report_date", regint_py_str(a->report_date));
        REGINT_PY_PUT(d, "participants_reached", a->reported ? regint_py_i64(a->participants_reached)
                                                             : SWIG_Py_Void());
        REGINT_PY_PUT(d, "funds_used", a->reported ? regint_py_i64(a->funds_used) : SWIG_Py_Void());
        REGINT_PY_PUT(d, "amount_reclaimed", regint_py_i64(a->amount_reclaimed));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Allocate a scheme's budget; apply_date non-NULL also turns it into decisions. */
PyObject *regint_py_grants_allocate(regint_dataset *ds, const char *scheme_id, long long unit,
                                    int need, const char *apply_date)
{
    static const char *const names[] = {"application_id", "eligible", "reason", "score", "need",
                                        "weight", "cap", "amount", "capped"};
    regint_grant_allocate_options o = REGINT_GRANT_ALLOCATE_OPTIONS_INIT;
    regint_grant_allocation_t *a = NULL;
    regint_status st;
    PyObject *d = NULL, *res = NULL;
    size_t i;
    if (regint_py_need_ds(ds)) return NULL;
    o.unit = (int64_t)unit;
    if (need >= 0) o.need = (regint_grant_need)need;
    st = regint_grants_allocate(ds, scheme_id, &o, &a);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) goto fail;
    for (i = 0; i < a->n; i++) {
        REGINT_PY_PUT(d, "application_id", regint_py_str(a->application_id[i]));
        REGINT_PY_PUT(d, "eligible", PyBool_FromLong(a->eligible[i]));
        REGINT_PY_PUT(d, "reason", regint_py_str(a->reason[i]));
        REGINT_PY_PUT(d, "score", PyFloat_FromDouble(a->score[i]));
        REGINT_PY_PUT(d, "need", PyFloat_FromDouble(a->need[i]));
        REGINT_PY_PUT(d, "weight", PyFloat_FromDouble(a->weight[i]));
        REGINT_PY_PUT(d, "cap", regint_py_i64(a->cap[i]));
        REGINT_PY_PUT(d, "amount", regint_py_i64(a->amount[i]));
        REGINT_PY_PUT(d, "capped", PyBool_FromLong(a->capped[i]));
    }
    /* Read everything before applying: the strings are borrowed from the grants section. */
    res = Py_BuildValue("{s:N,s:L,s:L,s:L,s:L,s:N,s:N}", "scheme", regint_py_str(a->scheme_id),
                        "budget", (long long)a->budget, "unit", (long long)a->unit,
                        "allocated", (long long)a->allocated, "remainder", (long long)a->remainder,
                        "remainder_reason", regint_py_str(a->remainder_reason), "columns", d);
    d = NULL;
    if (res != NULL && apply_date != NULL) {
        st = regint_grants_apply_allocation(ds, a, apply_date);
        if (st != REGINT_OK) { regint_py_raise(st); Py_CLEAR(res); }
    }
fail:
    Py_XDECREF(d);
    regint_grant_allocation_free(a);
    return res;
}

regint_status regint_py_grants_decide(regint_dataset *ds, const char *application_id, int outcome,
                                      int64_t amount, const char *date, const char *reason)
{
    return regint_grants_decide(ds, application_id, (regint_grant_outcome)outcome, amount, date,
                                reason);
}

PyObject *regint_py_grants_followup(const regint_dataset *ds, const char *scheme_id,
                                    const char *as_of)
{
    static const char *const names[] = {"application_id", "scheme", "granted", "paid", "used",
        "reclaim_due", "report_due", "reported", "overdue", "days_overdue"};
    regint_grant_followup_t *f = NULL;
    size_t i, n = 0;
    regint_status st;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    st = regint_grants_followup(ds, scheme_id, as_of, &f, &n);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) { regint_free(f); return NULL; }
    for (i = 0; i < n; i++) {
        REGINT_PY_PUT(d, "application_id", regint_py_str(f[i].application_id));
        REGINT_PY_PUT(d, "scheme", regint_py_str(f[i].scheme_id));
        REGINT_PY_PUT(d, "granted", regint_py_i64(f[i].granted));
        REGINT_PY_PUT(d, "paid", regint_py_i64(f[i].paid));
        REGINT_PY_PUT(d, "used", regint_py_i64(f[i].used));
        REGINT_PY_PUT(d, "reclaim_due", regint_py_i64(f[i].reclaim_due));
        REGINT_PY_PUT(d, "report_due", regint_py_str(f[i].report_due));
        REGINT_PY_PUT(d, "reported", PyBool_FromLong(f[i].reported));
        REGINT_PY_PUT(d, "overdue", PyBool_FromLong(f[i].overdue));
        REGINT_PY_PUT(d, "days_overdue", regint_py_i64(f[i].days_overdue));
    }
    regint_free(f);
    return d;
fail:
    regint_free(f);
    Py_DECREF(d);
    return NULL;
}

PyObject *regint_py_grants_overdue(const regint_dataset *ds, const char *as_of)
{
    const char **ids = NULL;
    size_t n = 0;
    regint_status st;
    PyObject *l;
    if (regint_py_need_ds(ds)) return NULL;
    st = regint_grants_overdue_reports(ds, as_of, &ids, &n);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    l = regint_py_str_tuple(ids, n);
    regint_free((void *)ids);
    if (l == NULL) return NULL;
    {
        PyObject *list = PySequence_List(l);
        Py_DECREF(l);
        return list;
    }
}

/* ------------------------------------------------------------------------- */
/* Collaboration                                                             */

/* Everything in the section: {"county", "year", "partners", "agreements", "meetings",
 * "networks", "members", "participants"} (the last two in long form). */
PyObject *regint_py_collaboration(const regint_dataset *ds)
{
    static const char *const pn[] = {"id", "name", "orgnr", "kind", "municipalities"};
    static const char *const an[] = {"id", "title", "task", "parties", "valid_from", "valid_to"};
    static const char *const mn[] = {"id", "date", "topic", "task", "kind", "competence_raising",
                                     "network", "participants", "persons"};
    static const char *const nn[] = {"id", "name", "task", "members"};
    static const char *const wn[] = {"network", "partner", "role", "since", "until"};
    static const char *const qn[] = {"meeting", "partner", "kommunenr", "persons"};
    PyObject *p = NULL, *a = NULL, *m = NULL, *nw = NULL, *w = NULL, *q = NULL;
    size_t i, k, n;
    if (regint_py_need_ds(ds)) return NULL;
    p = REGINT_PY_COLUMNS(pn);
    a = REGINT_PY_COLUMNS(an);
    m = REGINT_PY_COLUMNS(mn);
    nw = REGINT_PY_COLUMNS(nn);
    w = REGINT_PY_COLUMNS(wn);
    q = REGINT_PY_COLUMNS(qn);
    if (!p || !a || !m || !nw || !w || !q) goto fail;
    n = regint_collaboration_partner_count(ds);
    for (i = 0; i < n; i++) {
        const regint_partner_t *x = regint_collaboration_partner_at(ds, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(p, "id", regint_py_str(x->id));
        REGINT_PY_PUT(p, "name", regint_py_str(x->name));
        REGINT_PY_PUT(p, "orgnr", regint_py_str(x->orgnr));
        REGINT_PY_PUT(p, "kind", regint_py_str(regint_partner_kind_name(x->kind)));
        REGINT_PY_PUT(p, "municipalities", regint_py_str_tuple(x->municipalities, x->municipality_count));
    }
    n = regint_collaboration_agreement_count(ds);
    for (i = 0; i < n; i++) {
        const regint_agreement_t *x = regint_collaboration_agreement_at(ds, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(a, "id", regint_py_str(x->id));
        REGINT_PY_PUT(a, "title", regint_py_str(x->title));
        REGINT_PY_PUT(a, "task", regint_py_str(regint_task_name(x->task)));
        REGINT_PY_PUT(a, "parties", regint_py_str_tuple(x->parties, x->party_count));
        REGINT_PY_PUT(a, "valid_from", regint_py_str(x->valid_from));
        REGINT_PY_PUT(a, "valid_to", regint_py_str(x->valid_to));
    }
    n = regint_collaboration_meeting_count(ds);
    for (i = 0; i < n; i++) {
        const regint_meeting_t *x = regint_collaboration_meeting_at(ds, i);
        int64_t persons = 0;
        if (x == NULL) continue;
        for (k = 0; k < x->participant_count; k++) {
            const regint_participant_t *pp = &x->participants[k];
            persons += pp->persons;
            REGINT_PY_PUT(q, "meeting", regint_py_str(x->id));
            REGINT_PY_PUT(q, "partner", regint_py_str(pp->partner_id));
            REGINT_PY_PUT(q, "kommunenr", regint_py_str(pp->kommunenr));
            REGINT_PY_PUT(q, "persons", pp->persons > 0 ? regint_py_i64(pp->persons) : SWIG_Py_Void());
        }
        REGINT_PY_PUT(m, "id", regint_py_str(x->id));
        REGINT_PY_PUT(m, "date", regint_py_str(x->date));
        REGINT_PY_PUT(m, "topic", regint_py_str(x->topic));
        REGINT_PY_PUT(m, "task", regint_py_str(regint_task_name(x->task)));
        REGINT_PY_PUT(m, "kind", regint_py_str(regint_meeting_kind_name(x->kind)));
        REGINT_PY_PUT(m, "competence_raising", PyBool_FromLong(x->competence_raising));
        REGINT_PY_PUT(m, "network", regint_py_str(x->network_id));
        REGINT_PY_PUT(m, "participants", PyLong_FromSize_t(x->participant_count));
        REGINT_PY_PUT(m, "persons", regint_py_i64(persons));
    }
    n = regint_collaboration_network_count(ds);
    for (i = 0; i < n; i++) {
        const regint_network_t *x = regint_collaboration_network_at(ds, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(nw, "id", regint_py_str(x->id));
        REGINT_PY_PUT(nw, "name", regint_py_str(x->name));
        REGINT_PY_PUT(nw, "task", regint_py_str(regint_task_name(x->task)));
        REGINT_PY_PUT(nw, "members", PyLong_FromSize_t(x->member_count));
        for (k = 0; k < x->member_count; k++) {
            const regint_network_member_t *mm = &x->members[k];
            REGINT_PY_PUT(w, "network", regint_py_str(x->id));
            REGINT_PY_PUT(w, "partner", regint_py_str(mm->partner_id));
            REGINT_PY_PUT(w, "role", regint_py_str(mm->role));
            REGINT_PY_PUT(w, "since", regint_py_str(mm->since));
            REGINT_PY_PUT(w, "until", regint_py_str(mm->until));
        }
    }
    return Py_BuildValue("{s:N,s:i,s:N,s:N,s:N,s:N,s:N,s:N}",
                         "county", regint_py_str(regint_collaboration_county(ds)),
                         "year", regint_collaboration_year(ds), "partners", p, "agreements", a,
                         "meetings", m, "networks", nw, "members", w, "participants", q);
fail:
    Py_XDECREF(p); Py_XDECREF(a); Py_XDECREF(m); Py_XDECREF(nw); Py_XDECREF(w); Py_XDECREF(q);
    return NULL;
}

/* Coverage by a network (network_id non-NULL) or a task on as_of. */
PyObject *regint_py_coverage(const regint_dataset *ds, const char *network_id, int task,
                             const char *fylkesnr, const char *as_of)
{
    static const char *const names[] = {"kommunenr", "name", "covered", "since", "via"};
    regint_coverage_t *c = NULL;
    regint_status st;
    PyObject *d = NULL, *res = NULL;
    size_t i;
    if (regint_py_need_ds(ds)) return NULL;
    if (network_id != NULL)
        st = regint_coverage_network(ds, network_id, fylkesnr, as_of, &c);
    else
        st = regint_coverage_task(ds, (regint_task)task, fylkesnr, as_of, &c);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) goto fail;
    for (i = 0; i < c->n; i++) {
        REGINT_PY_PUT(d, "kommunenr", regint_py_str(c->kommunenr[i]));
        REGINT_PY_PUT(d, "name", regint_py_str(c->name[i]));
        REGINT_PY_PUT(d, "covered", PyBool_FromLong(c->covered[i]));
        REGINT_PY_PUT(d, "since", regint_py_str(c->since[i]));
        REGINT_PY_PUT(d, "via", regint_py_str(c->via[i]));
    }
    res = Py_BuildValue("{s:s,s:s,s:n,s:N}", "county", c->fylkesnr, "as_of", c->as_of,
                        "covered_count", (Py_ssize_t)c->covered_count, "columns", d);
    d = NULL;
fail:
    Py_XDECREF(d);
    regint_coverage_free(c);
    return res;
}

PyObject *regint_py_gatherings(const regint_dataset *ds, const char *fylkesnr, int months,
                               const char *as_of)
{
    static const char *const names[] = {"kommunenr", "name", "attended", "last_attended"};
    regint_attendance_t *a = NULL;
    regint_status st;
    PyObject *d = NULL, *res = NULL;
    size_t i;
    if (regint_py_need_ds(ds)) return NULL;
    st = regint_coverage_gatherings(ds, fylkesnr, months, as_of, &a);
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) goto fail;
    for (i = 0; i < a->n; i++) {
        REGINT_PY_PUT(d, "kommunenr", regint_py_str(a->kommunenr[i]));
        REGINT_PY_PUT(d, "name", regint_py_str(a->name[i]));
        REGINT_PY_PUT(d, "attended", regint_py_i64(a->attended[i]));
        REGINT_PY_PUT(d, "last_attended", regint_py_str(a->last_attended[i]));
    }
    res = Py_BuildValue("{s:s,s:s,s:s,s:i,s:n,s:N}", "county", a->fylkesnr, "as_of", a->as_of,
                        "after", a->after, "months", a->months,
                        "absent_count", (Py_ssize_t)a->absent_count, "columns", d);
    d = NULL;
fail:
    Py_XDECREF(d);
    regint_attendance_free(a);
    return res;
}

/* ------------------------------------------------------------------------- */
/* Career guidance                                                           */

/* NaN / negative arguments keep the C defaults. profile: None or 12 numbers. centres: None
 * or a sequence of (id, name, [kommunenr...]). input_kommunenr/input_persons: None or two
 * sequences of the same length. */
PyObject *regint_py_guidance(const regint_dataset *ds, const char *fylkesnr, int year,
                             double adult_share, double intro_share, double sessions_per_person,
                             PyObject *profile, int lag_months, int measure, int fallback,
                             PyObject *centres, PyObject *input_kommunenr, PyObject *input_persons)
{
    static const char *const cn[] = {"centre", "name", "sessions", "total", "persons",
                                     "carried_in", "carried_over"};
    static const char *const mn[] = {"kommunenr", "settled", "source", "centre"};
    regint_guidance_options o = REGINT_GUIDANCE_OPTIONS_INIT;
    regint_guidance_forecast_t *f = NULL;
    regint_guidance_centre_t *cs = NULL;
    const char ***cmun = NULL;
    const char **ik = NULL;
    int64_t *ip = NULL;
    double *prof = NULL;
    size_t nprof = 0, nip = 0, nc = 0, i, k;
    PyObject *cseq = NULL, *kseq = NULL, *c = NULL, *m = NULL, *res = NULL;
    PyObject **keep = NULL; /* the PySequence_Fast of each centre and its municipalities */
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    if (!isnan(adult_share)) o.adult_share = adult_share;
    if (!isnan(intro_share)) o.intro_share = intro_share;
    if (!isnan(sessions_per_person)) o.sessions_per_person = sessions_per_person;
    if (lag_months >= 0) o.lag_months = lag_months;
    if (measure >= 0) o.measure = (regint_measure)measure;
    if (fallback >= 0) o.fallback_to_request = fallback;
    if (profile != Py_None) {
        if (regint_py_f64_array(profile, "profile", &prof, &nprof) != 0) goto done;
        if (nprof != 12) {
            regint_py_raise_msg(REGINT_EINVAL, "guidance: monthly_profile: expected 12 weights");
            goto done;
        }
        memcpy(o.monthly_profile, prof, sizeof o.monthly_profile);
    }
    if (centres != Py_None) {
        cseq = PySequence_Fast(centres, "centres: expected a sequence of (id, name, municipalities)");
        if (cseq == NULL) goto done;
        nc = (size_t)PySequence_Fast_GET_SIZE(cseq);
        cs = (regint_guidance_centre_t *)calloc(nc ? nc : 1, sizeof *cs);
        cmun = (const char ***)calloc(nc ? nc : 1, sizeof *cmun);
        keep = (PyObject **)calloc(nc ? nc : 1, sizeof *keep);
        if (cs == NULL || cmun == NULL || keep == NULL) { PyErr_NoMemory(); goto done; }
        for (i = 0; i < nc; i++) {
            PyObject *t = PySequence_Fast_GET_ITEM(cseq, (Py_ssize_t)i), *ms;
            const char *id, *name;
            if (!PyArg_ParseTuple(t, "ssO;centres: expected (id, name, municipalities)", &id, &name, &ms))
                goto done;
            keep[i] = PySequence_Fast(ms, "centres: municipalities must be a sequence of str");
            if (keep[i] == NULL) goto done;
            cs[i].id = id;
            cs[i].name = name;
            cs[i].municipality_count = (size_t)PySequence_Fast_GET_SIZE(keep[i]);
            cmun[i] = (const char **)calloc(cs[i].municipality_count + 1, sizeof(char *));
            if (cmun[i] == NULL) { PyErr_NoMemory(); goto done; }
            for (k = 0; k < cs[i].municipality_count; k++) {
                cmun[i][k] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(keep[i], (Py_ssize_t)k));
                if (cmun[i][k] == NULL) goto done;
            }
            cs[i].municipalities = cmun[i];
        }
        o.centre_count = nc;
        o.centres = cs;
    }
    if (input_kommunenr != Py_None) {
        kseq = PySequence_Fast(input_kommunenr, "inputs: expected a sequence of kommunenr");
        if (kseq == NULL) goto done;
        if (regint_py_i64_array(input_persons, "inputs", &ip, &nip) != 0) goto done;
        if ((size_t)PySequence_Fast_GET_SIZE(kseq) != nip) {
            regint_py_raise_msg(REGINT_EINVAL, "guidance: inputs: one number per kommunenr");
            goto done;
        }
        ik = (const char **)calloc(nip ? nip : 1, sizeof *ik);
        if (ik == NULL) { PyErr_NoMemory(); goto done; }
        for (i = 0; i < nip; i++) {
            ik[i] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(kseq, (Py_ssize_t)i));
            if (ik[i] == NULL) goto done;
        }
        o.input_count = nip;
        o.input_kommunenr = ik;
        o.input_persons = ip;
    }
    st = regint_guidance_forecast(ds, fylkesnr, year, &o, &f);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    c = REGINT_PY_COLUMNS(cn);
    m = REGINT_PY_COLUMNS(mn);
    if (c == NULL || m == NULL) goto fail;
    for (i = 0; i < f->centre_count; i++) {
        REGINT_PY_PUT(c, "centre", regint_py_str(f->centre_id[i]));
        REGINT_PY_PUT(c, "name", regint_py_str(f->centre_name[i]));
        REGINT_PY_PUT(c, "sessions", regint_py_i64_list(f->sessions + i * 12, 12));
        REGINT_PY_PUT(c, "total", regint_py_i64(f->total[i]));
        REGINT_PY_PUT(c, "persons", PyFloat_FromDouble(f->persons[i]));
        REGINT_PY_PUT(c, "carried_in", regint_py_i64(f->carried_in[i]));
        REGINT_PY_PUT(c, "carried_over", regint_py_i64(f->carried_over[i]));
    }
    for (i = 0; i < f->municipality_count; i++) {
        REGINT_PY_PUT(m, "kommunenr", regint_py_str(f->kommunenr[i]));
        REGINT_PY_PUT(m, "settled", regint_py_i64(f->settled[i]));
        REGINT_PY_PUT(m, "source", regint_py_str(f->source[i]));
        REGINT_PY_PUT(m, "centre", regint_py_str(f->centre_of[i] < f->centre_count
                                                 ? f->centre_id[f->centre_of[i]] : NULL));
    }
    res = Py_BuildValue("{s:s,s:i,s:O,s:N,s:N}", "county", f->fylkesnr, "year", f->year,
                        "carried_in_complete", f->carried_in_complete ? Py_True : Py_False,
                        "centres", c, "municipalities", m);
    c = m = NULL;
fail:
    Py_XDECREF(c);
    Py_XDECREF(m);
done:
    regint_guidance_forecast_free(f);
    if (keep != NULL)
        for (i = 0; i < nc; i++) Py_XDECREF(keep[i]);
    if (cmun != NULL)
        for (i = 0; i < nc; i++) free((void *)cmun[i]);
    free(keep); free(cmun); free(cs); free(ik); free(ip); free(prof);
    Py_XDECREF(cseq);
    Py_XDECREF(kseq);
    return res;
}
%}

/* ------------------------------------------------------------------------- */
/* Building grants and collaboration records from Python                     */

regint_status regint_collaboration_set_scope(regint_dataset *ds, const char *fylkesnr, int year);

%{
/* Borrowed UTF-8 pointers of a sequence of str (None -> NULL when allow_none) in a new
 * malloc'ed array; *keep holds the sequence that keeps them alive. 0 or -1 (exception). */
static int regint_py_strv(PyObject *o, const char *what, int allow_none, const char ***out,
                          size_t *n, PyObject **keep)
{
    Py_ssize_t i, k;
    *out = NULL; *n = 0; *keep = NULL;
    if (o == Py_None) return 0;
    *keep = PySequence_Fast(o, what);
    if (*keep == NULL) return -1;
    k = PySequence_Fast_GET_SIZE(*keep);
    *out = (const char **)calloc(k ? (size_t)k : 1, sizeof(char *));
    if (*out == NULL) { PyErr_NoMemory(); return -1; }
    for (i = 0; i < k; i++) {
        PyObject *it = PySequence_Fast_GET_ITEM(*keep, i);
        if (allow_none && it == Py_None) continue;
        (*out)[i] = PyUnicode_AsUTF8(it);
        if ((*out)[i] == NULL) return -1;
    }
    *n = (size_t)k;
    return 0;
}
%}

%inline %{
/* criteria: sequence of (id, name, weight); max_per_application < 0: none. */
PyObject *regint_py_grants_add_scheme(regint_dataset *ds, const char *id, const char *name,
                                      int year, long long budget, const char *call_opens,
                                      const char *deadline, long long max_per_application,
                                      long long rounding_unit, double score_max,
                                      const char *report_due, PyObject *criteria)
{
    regint_grant_scheme_t s;
    regint_grant_criterion_t *c = NULL;
    PyObject *seq = NULL, *res = NULL;
    Py_ssize_t i, k = 0;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    seq = PySequence_Fast(criteria, "criteria: expected a sequence of (id, name, weight)");
    if (seq == NULL) return NULL;
    k = PySequence_Fast_GET_SIZE(seq);
    c = (regint_grant_criterion_t *)calloc(k ? (size_t)k : 1, sizeof *c);
    if (c == NULL) { PyErr_NoMemory(); goto done; }
    for (i = 0; i < k; i++)
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "ssd;criteria: expected (id, name, weight)",
                              &c[i].id, &c[i].name, &c[i].weight))
            goto done;
    memset(&s, 0, sizeof s);
    s.id = id; s.name = name; s.year = year; s.budget = (int64_t)budget;
    s.call_opens = call_opens; s.deadline = deadline;
    s.max_per_application = max_per_application < 0 ? INT64_MAX : (int64_t)max_per_application;
    s.rounding_unit = (int64_t)rounding_unit; s.score_max = score_max; s.report_due = report_due;
    s.criterion_count = (size_t)k; s.criteria = c;
    st = regint_grants_add_scheme(ds, &s);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = SWIG_Py_Void();
done:
    free(c);
    Py_XDECREF(seq);
    return res;
}

/* scores: None (not assessed) or one number/None per criterion of the scheme. */
PyObject *regint_py_grants_add_application(regint_dataset *ds, const char *id,
                                           const char *scheme_id, const char *received,
                                           const char *orgnr, const char *applicant_name,
                                           int kind, long long amount_applied,
                                           long long planned_participants,
                                           const char *target_group, PyObject *municipalities,
                                           int eligible, const char *ineligible_reason,
                                           PyObject *scores, const char *report_due)
{
    regint_grant_application_t a;
    const regint_grant_scheme_t *s = NULL;
    const char **mun = NULL;
    double *sc = NULL;
    size_t nm = 0, ns = 0, i;
    PyObject *keep = NULL, *res = NULL;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    if (regint_py_strv(municipalities, "municipalities: expected a sequence of kommunenr", 0,
                       &mun, &nm, &keep) != 0)
        goto done;
    st = regint_grants_scheme(ds, scheme_id, &s);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    if (scores != Py_None) {
        if (regint_py_f64_array(scores, "scores", &sc, &ns) != 0) goto done;
        if (ns != s->criterion_count) {
            char msg[160];
            snprintf(msg, sizeof msg, "grants: application %s: %zu scores for %zu criteria",
                     id ? id : "?", ns, s->criterion_count);
            regint_py_raise_msg(REGINT_EINVAL, msg);
            goto done;
        }
    } else {
        ns = s->criterion_count;
        sc = (double *)malloc((ns ? ns : 1) * sizeof(double));
        if (sc == NULL) { PyErr_NoMemory(); goto done; }
        for (i = 0; i < ns; i++) sc[i] = NAN;
    }
    memset(&a, 0, sizeof a);
    a.id = id; a.scheme_id = scheme_id; a.received = received;
    a.applicant_orgnr = orgnr; a.applicant_name = applicant_name;
    a.applicant_kind = (regint_applicant_kind)kind;
    a.amount_applied = (int64_t)amount_applied;
    a.planned_participants = (int64_t)planned_participants;
    a.target_group = target_group ? target_group : "";
    a.municipality_count = nm; a.municipalities = mun;
    a.eligible = eligible; a.ineligible_reason = ineligible_reason;
    a.scores = sc;
    a.outcome = REGINT_GRANT_PENDING;
    a.report_due = report_due;
    st = regint_grants_add_application(ds, &a);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = SWIG_Py_Void();
done:
    free((void *)mun);
    free(sc);
    Py_XDECREF(keep);
    return res;
}

PyObject *regint_py_collaboration_add_partner(regint_dataset *ds, const char *id,
                                              const char *name, const char *orgnr, int kind,
                                              PyObject *municipalities)
{
    regint_partner_t p;
    const char **mun = NULL;
    size_t nm = 0;
    PyObject *keep = NULL, *res = NULL;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    if (regint_py_strv(municipalities, "municipalities: expected a sequence of kommunenr", 0,
                       &mun, &nm, &keep) == 0) {
        p.id = id; p.name = name; p.orgnr = orgnr; p.kind = (regint_partner_kind)kind;
        p.municipality_count = nm; p.municipalities = mun;
        st = regint_collaboration_add_partner(ds, &p);
        if (st != REGINT_OK) regint_py_raise(st);
        else res = SWIG_Py_Void();
    }
    free((void *)mun);
    Py_XDECREF(keep);
    return res;
}

PyObject *regint_py_collaboration_add_agreement(regint_dataset *ds, const char *id,
                                                const char *title, int task, PyObject *parties,
                                                const char *valid_from, const char *valid_to)
{
    regint_agreement_t a;
    const char **pv = NULL;
    size_t np = 0;
    PyObject *keep = NULL, *res = NULL;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    if (regint_py_strv(parties, "parties: expected a sequence of partner ids", 0, &pv, &np,
                       &keep) == 0) {
        a.id = id; a.title = title; a.task = (regint_task)task;
        a.party_count = np; a.parties = pv; a.valid_from = valid_from; a.valid_to = valid_to;
        st = regint_collaboration_add_agreement(ds, &a);
        if (st != REGINT_OK) regint_py_raise(st);
        else res = SWIG_Py_Void();
    }
    free((void *)pv);
    Py_XDECREF(keep);
    return res;
}

/* members: sequence of (partner_id, role, since or None, until or None). */
PyObject *regint_py_collaboration_add_network(regint_dataset *ds, const char *id,
                                              const char *name, int task, PyObject *members)
{
    regint_network_t n;
    regint_network_member_t *m = NULL;
    PyObject *seq, *res = NULL;
    Py_ssize_t i, k;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    seq = PySequence_Fast(members, "members: expected a sequence of (partner, role, since, until)");
    if (seq == NULL) return NULL;
    k = PySequence_Fast_GET_SIZE(seq);
    m = (regint_network_member_t *)calloc(k ? (size_t)k : 1, sizeof *m);
    if (m == NULL) { PyErr_NoMemory(); goto done; }
    for (i = 0; i < k; i++)
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i),
                              "ssz|z;members: expected (partner, role, since, until)",
                              &m[i].partner_id, &m[i].role, &m[i].since, &m[i].until))
            goto done;
    n.id = id; n.name = name; n.task = (regint_task)task;
    n.member_count = (size_t)k; n.members = m;
    st = regint_collaboration_add_network(ds, &n);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = SWIG_Py_Void();
done:
    free(m);
    Py_DECREF(seq);
    return res;
}

/* participants: sequence of (partner_id, kommunenr or None, persons). */
PyObject *regint_py_collaboration_add_meeting(regint_dataset *ds, const char *id,
                                              const char *date, const char *topic, int task,
                                              int kind, int competence_raising,
                                              const char *network_id, PyObject *participants)
{
    regint_meeting_t mt;
    regint_participant_t *p = NULL;
    PyObject *seq, *res = NULL;
    Py_ssize_t i, k;
    regint_status st;
    if (regint_py_need_ds(ds)) return NULL;
    seq = PySequence_Fast(participants, "participants: expected a sequence of (partner, kommunenr, persons)");
    if (seq == NULL) return NULL;
    k = PySequence_Fast_GET_SIZE(seq);
    p = (regint_participant_t *)calloc(k ? (size_t)k : 1, sizeof *p);
    if (p == NULL) { PyErr_NoMemory(); goto done; }
    for (i = 0; i < k; i++) {
        long long persons = 0;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i),
                              "sz|L;participants: expected (partner, kommunenr, persons)",
                              &p[i].partner_id, &p[i].kommunenr, &persons))
            goto done;
        p[i].persons = (int64_t)persons;
    }
    mt.id = id; mt.date = date; mt.topic = topic; mt.task = (regint_task)task;
    mt.kind = (regint_meeting_kind)kind; mt.competence_raising = competence_raising;
    mt.network_id = network_id; mt.participant_count = (size_t)k; mt.participants = p;
    st = regint_collaboration_add_meeting(ds, &mt);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = SWIG_Py_Void();
done:
    free(p);
    Py_DECREF(seq);
    return res;
}
%}
