/* regint.i — the core SWIG interface of the Python package `regint`.
 *
 * This module (`regint.regint_core`, extension `regint._regint_core`) is private: the pure-Python package on top of it
 * (bindings/python/regint/) gives the public, Pythonic surface (DataFrames, keyword
 * arguments, reprs). Conventions here, after GDAL's and libsbml's bindings:
 *
 *  - a function returning regint_status returns None on REGINT_OK and raises the
 *    regint.Error subclass of its code otherwise, carrying regint_last_error();
 *  - out-parameters (`**out`, `*out`, `(***out, *n)`) become return values;
 *  - handles (regint_dataset) are owned proxies whose destructor frees them; pointers
 *    borrowed from a handle are unowned proxies (the Python layer keeps the parent alive);
 *  - bulk data crosses the boundary in one call: the regint_py_* helpers below return
 *    whole columns (dict of lists) and accept lists, NumPy arrays or any buffer.
 *
 * Every C module is wrapped.
 */
%module(package="regint") regint_core

%{
#define SWIG_FILE_WITH_INIT
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <regint/regint.h>
%}

%include <stdint.i>
%include <typemaps.i>

/* ------------------------------------------------------------------------- */
/* Errors: a non-OK status raises regint.<Subclass>(message)                 */

%{
/* Raise the regint.Error subclass for `st` with message `msg` (Python exception set). */
static void regint_py_raise_msg(regint_status st, const char *msg)
{
    PyObject *mod, *text, *res;
    if (msg == NULL) msg = "";
    text = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    mod = PyImport_ImportModule("regint._errors");
    if (mod != NULL && text != NULL) {
        res = PyObject_CallMethod(mod, "_raise", "iO", (int)st, text);
        Py_XDECREF(res); /* _raise always raises: res is NULL with the exception set */
    }
    Py_XDECREF(mod);
    Py_XDECREF(text);
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, msg);
}

static void regint_py_raise(regint_status st)
{
    regint_py_raise_msg(st, regint_last_error());
}

/* A str for a borrowed C string; None for NULL. Never fails on bad UTF-8. */
static PyObject *regint_py_str(const char *s)
{
    if (s == NULL) Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* Append `item` (a new reference, may be NULL) to `list`; 0 on success. */
static int regint_py_append(PyObject *list, PyObject *item)
{
    int rc;
    if (item == NULL) return -1;
    rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* A dict of empty lists, one per column name; NULL with an exception on failure. */
static PyObject *regint_py_columns(const char *const *names, size_t n)
{
    size_t i;
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    for (i = 0; i < n; i++) {
        PyObject *l = PyList_New(0);
        if (l == NULL || PyDict_SetItemString(d, names[i], l) != 0) {
            Py_XDECREF(l);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(l);
    }
    return d;
}

static PyObject *regint_py_col(PyObject *d, const char *name)
{
    return PyDict_GetItemString(d, name); /* borrowed */
}

/* Copy a 1-D array of integers (buffer of 8-byte ints, or any sequence of ints) into a
 * new malloc'ed array. 0 on success; -1 with a Python exception set. */
static int regint_py_i64_array(PyObject *o, const char *what, int64_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (PyObject_CheckBuffer(o) && !PyBytes_Check(o) && !PyByteArray_Check(o)) {
        Py_buffer v;
        if (PyObject_GetBuffer(o, &v, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) == 0) {
            const char *f = v.format ? v.format : "B";
            if (*f == '@' || *f == '=' || *f == '<') f++;
            if (v.ndim == 1 && v.itemsize == 8 && (*f == 'q' || *f == 'l') && f[1] == '\0') {
                size_t k = (size_t)v.shape[0];
                *out = (int64_t *)malloc(k ? k * sizeof(int64_t) : 1);
                if (*out == NULL) { PyBuffer_Release(&v); PyErr_NoMemory(); return -1; }
                if (k) memcpy(*out, v.buf, k * sizeof(int64_t));
                *n = k;
                PyBuffer_Release(&v);
                return 0;
            }
            PyBuffer_Release(&v);
        } else {
            PyErr_Clear();
        }
    }
    {
        Py_ssize_t i, k;
        PyObject *seq = PySequence_Fast(o, "");
        if (seq == NULL) {
            PyErr_Format(PyExc_TypeError, "%s: expected a sequence of integers", what);
            return -1;
        }
        k = PySequence_Fast_GET_SIZE(seq);
        *out = (int64_t *)malloc(k ? (size_t)k * sizeof(int64_t) : 1);
        if (*out == NULL) { Py_DECREF(seq); PyErr_NoMemory(); return -1; }
        for (i = 0; i < k; i++) {
            PyObject *it = PySequence_Fast_GET_ITEM(seq, i);
            long long x;
            if (PyFloat_Check(it)) {
                double dv = PyFloat_AsDouble(it);
                if (!(dv == floor(dv)) || fabs(dv) > 9.0e18) {
                    PyErr_Format(PyExc_ValueError, "%s[%zd]: expected an integer, got %R", what, i, it);
                    goto fail;
                }
                x = (long long)dv;
            } else {
                x = PyLong_AsLongLong(it);
                if (x == -1 && PyErr_Occurred()) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "%s[%zd]: expected an integer, got %R", what, i, it);
                    goto fail;
                }
            }
            (*out)[i] = (int64_t)x;
        }
        Py_DECREF(seq);
        *n = (size_t)k;
        return 0;
    fail:
        Py_DECREF(seq);
        free(*out);
        *out = NULL;
        return -1;
    }
}

/* Same for doubles (buffer of 8-byte floats, or any sequence of numbers). */
SWIGUNUSED static int regint_py_f64_array(PyObject *o, const char *what, double **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (PyObject_CheckBuffer(o) && !PyBytes_Check(o) && !PyByteArray_Check(o)) {
        Py_buffer v;
        if (PyObject_GetBuffer(o, &v, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) == 0) {
            const char *f = v.format ? v.format : "B";
            if (*f == '@' || *f == '=' || *f == '<') f++;
            if (v.itemsize == 8 && *f == 'd' && f[1] == '\0') {
                size_t k = (size_t)(v.len / 8);
                *out = (double *)malloc(k ? k * sizeof(double) : 1);
                if (*out == NULL) { PyBuffer_Release(&v); PyErr_NoMemory(); return -1; }
                if (k) memcpy(*out, v.buf, k * sizeof(double));
                *n = k;
                PyBuffer_Release(&v);
                return 0;
            }
            PyBuffer_Release(&v);
        } else {
            PyErr_Clear();
        }
    }
    {
        Py_ssize_t i, k;
        PyObject *seq = PySequence_Fast(o, "");
        if (seq == NULL) {
            PyErr_Format(PyExc_TypeError, "%s: expected a sequence of numbers", what);
            return -1;
        }
        k = PySequence_Fast_GET_SIZE(seq);
        *out = (double *)malloc(k ? (size_t)k * sizeof(double) : 1);
        if (*out == NULL) { Py_DECREF(seq); PyErr_NoMemory(); return -1; }
        for (i = 0; i < k; i++) {
            PyObject *it = PySequence_Fast_GET_ITEM(seq, i);
            double x;
            if (it == Py_None) {
                x = NAN;
            } else {
                x = PyFloat_AsDouble(it);
                if (x == -1.0 && PyErr_Occurred()) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "%s[%zd]: expected a number, got %R", what, i, it);
                    Py_DECREF(seq);
                    free(*out);
                    *out = NULL;
                    return -1;
                }
            }
            (*out)[i] = x;
        }
        Py_DECREF(seq);
        *n = (size_t)k;
        return 0;
    }
}

/* A list of ints from an int64 array. */
static PyObject *regint_py_i64_list(const int64_t *a, size_t n)
{
    size_t i;
    PyObject *l = PyList_New((Py_ssize_t)n);
    if (l == NULL) return NULL;
    for (i = 0; i < n; i++) {
        PyObject *x = PyLong_FromLongLong((long long)a[i]);
        if (x == NULL) { Py_DECREF(l); return NULL; }
        PyList_SET_ITEM(l, (Py_ssize_t)i, x);
    }
    return l;
}
%}

%typemap(out) regint_status {
    if ($1 != REGINT_OK) {
        regint_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* Out-parameters become return values. */
%typemap(in, numinputs=0) int64_t *out (int64_t tmp = 0) { $1 = &tmp; }
%typemap(argout) int64_t *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLongLong((long long)*$1));
}

%define REGINT_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE tmp) { tmp = (TYPE)0; $1 = &tmp; }
%typemap(argout) TYPE *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%enddef

/* ------------------------------------------------------------------------- */
/* common.h, validate.h                                                      */

%ignore regint_last_status;
%ignore regint_free;
%include "regint/version.h"
%include "regint/common.h"
%include "regint/validate.h"

%inline %{
/* The status of the last failed call on this thread, as an int. */
int regint_py_last_status(void) { return (int)regint_last_status(); }
%}

/* ------------------------------------------------------------------------- */
/* dataset.h                                                                 */

REGINT_ENUM_OUT(regint_missing)
REGINT_ENUM_OUT(regint_measure)
REGINT_ENUM_OUT(regint_category)

/* The opaque handle: an owned proxy whose destructor frees the dataset. */
%rename(DatasetHandle) regint_dataset;
%nodefaultctor regint_dataset;
struct regint_dataset {};
%extend regint_dataset {
    ~regint_dataset() { regint_dataset_free($self); }
}

%typemap(in, numinputs=0) regint_dataset **out (regint_dataset *tmp = NULL) { $1 = &tmp; }
%typemap(argout) regint_dataset **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* Borrowed records: unowned proxies (the Python layer ties them to their dataset). */
%define REGINT_BORROWED_OUT(TYPE)
%typemap(in, numinputs=0) const TYPE **out (const TYPE *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr((TYPE *)*$1), $descriptor(TYPE *), 0));
}
%enddef
REGINT_BORROWED_OUT(regint_county_t)
REGINT_BORROWED_OUT(regint_municipality_t)
REGINT_BORROWED_OUT(regint_indicator_t)

/* A value that may be missing: (value or None, missing reason name). */
%typemap(in, numinputs=0) regint_value_t *out (regint_value_t tmp) {
    tmp.value = NAN; tmp.missing = REGINT_MISSING_UNKNOWN; $1 = &tmp;
}
%typemap(argout) regint_value_t *out {
    PyObject *v = ($1->missing == REGINT_MISSING_NONE) ? PyFloat_FromDouble($1->value)
                                                       : SWIG_Py_Void();
    $result = SWIG_Python_AppendOutput($result,
        Py_BuildValue("(NN)", v, regint_py_str(regint_missing_name($1->missing))));
}

/* A list of borrowed strings in a caller-owned array. */
%typemap(in, numinputs=0) (const char ***out, size_t *n) (const char **tmp = NULL, size_t tmpn = 0) {
    $1 = ($1_ltype)&tmp; $2 = &tmpn;
}
%typemap(argout) (const char ***out, size_t *n) {
    size_t i;
    PyObject *l = PyList_New(0);
    for (i = 0; l != NULL && i < *$2; i++) {
        if (regint_py_append(l, regint_py_str((*$1)[i])) != 0) { Py_CLEAR(l); }
    }
    regint_free((void *)*$1);
    *$1 = NULL;
    if (l == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, l);
}
%typemap(freearg) (const char ***out, size_t *n) { regint_free((void *)*$1); }

/* Caller-owned text. */
%typemap(in, numinputs=0) char **json (char *tmp = NULL) { $1 = &tmp; }
%typemap(argout) char **json {
    PyObject *s = regint_py_str(*$1);
    regint_free(*$1);
    *$1 = NULL;
    if (s == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, s);
}
%typemap(freearg) char **json { regint_free(*$1); }

%apply (char *STRING, size_t LENGTH) { (const char *json, size_t len) };

/* Records are read-only views. */
%immutable;
%nodefaultctor regint_county_t;
%nodefaultctor regint_municipality_t;
%nodefaultctor regint_code_change_t;
%nodefaultctor regint_settlement_t;
%nodefaultctor regint_indicator_t;
%nodefaultctor regint_observation_t;
%nodefaultctor regint_case_t;
%nodefaultctor regint_value_t;
%rename(County) regint_county_t;
%rename(Municipality) regint_municipality_t;
%rename(CodeChange) regint_code_change_t;
%rename(Settlement) regint_settlement_t;
%rename(Indicator) regint_indicator_t;
%rename(Observation) regint_observation_t;
%rename(Case) regint_case_t;
%rename(Value) regint_value_t;

/* Replaced by the column helpers and argument-list builders below. */
%ignore regint_dataset_municipalities_in;
%ignore regint_dataset_add_county;
%ignore regint_dataset_add_municipality;
%ignore regint_dataset_add_code_change;
%ignore regint_dataset_set_settlement;
%ignore regint_dataset_add_indicator;
%ignore regint_dataset_set_observation;
%ignore regint_dataset_add_case;

%include "regint/dataset.h"
%mutable;

%inline %{
/* ---- building, one record per call, fields as arguments (strings are copied) ---- */
regint_status regint_py_add_county(regint_dataset *ds, const char *fylkesnr, const char *name,
                                   int valid_from, int valid_to)
{
    regint_county_t c;
    c.fylkesnr = fylkesnr; c.name = name; c.valid_from = valid_from; c.valid_to = valid_to;
    return regint_dataset_add_county(ds, &c);
}

regint_status regint_py_add_municipality(regint_dataset *ds, const char *kommunenr,
                                         const char *name, const char *fylkesnr,
                                         int valid_from, int valid_to, int centrality,
                                         const char *kostra_group)
{
    regint_municipality_t m;
    m.kommunenr = kommunenr; m.name = name; m.fylkesnr = fylkesnr;
    m.valid_from = valid_from; m.valid_to = valid_to; m.centrality = centrality;
    m.kostra_group = kostra_group ? kostra_group : "";
    return regint_dataset_add_municipality(ds, &m);
}

regint_status regint_py_add_code_change(regint_dataset *ds, const char *from_kommunenr,
                                        int from_year, const char *to_kommunenr, int to_year,
                                        int kind)
{
    regint_code_change_t c;
    c.from_kommunenr = from_kommunenr; c.from_year = from_year;
    c.to_kommunenr = to_kommunenr; c.to_year = to_year; c.kind = (regint_change_kind)kind;
    return regint_dataset_add_code_change(ds, &c);
}

regint_status regint_py_set_settlement(regint_dataset *ds, const char *kommunenr, int year,
                                       int measure, int category, double value, int missing)
{
    regint_settlement_t s;
    s.kommunenr = kommunenr; s.year = year;
    s.measure = (regint_measure)measure; s.category = (regint_category)category;
    s.value.value = missing ? NAN : value; s.value.missing = (regint_missing)missing;
    return regint_dataset_set_settlement(ds, &s);
}

regint_status regint_py_add_indicator(regint_dataset *ds, const char *id, const char *name_nb,
                                      const char *name_en, const char *unit, const char *source,
                                      int direction, int level, const char *sdg_targets)
{
    regint_indicator_t ind;
    ind.id = id; ind.name_nb = name_nb ? name_nb : ""; ind.name_en = name_en ? name_en : "";
    ind.unit = unit ? unit : ""; ind.source = source ? source : "";
    ind.direction = (regint_direction)direction; ind.level = (regint_level)level;
    ind.sdg_targets = sdg_targets ? sdg_targets : "";
    return regint_dataset_add_indicator(ds, &ind);
}

regint_status regint_py_set_observation(regint_dataset *ds, const char *indicator,
                                        const char *area, int year, const char *category,
                                        double value, int missing)
{
    regint_observation_t o;
    o.indicator = indicator; o.area = area; o.year = year;
    o.category = category ? category : "";
    o.value.value = missing ? NAN : value; o.value.missing = (regint_missing)missing;
    return regint_dataset_set_observation(ds, &o);
}

regint_status regint_py_add_case(regint_dataset *ds, const char *id, int family_size,
                                 unsigned flags, int year)
{
    regint_case_t c;
    c.id = id; c.family_size = family_size; c.flags = flags; c.year = year;
    return regint_dataset_add_case(ds, &c);
}
%}

%{
#define REGINT_PY_COLUMNS(names) regint_py_columns((names), sizeof(names) / sizeof((names)[0]))
#define REGINT_PY_PUT(d, name, obj) \
    do { if (regint_py_append(regint_py_col((d), (name)), (obj)) != 0) goto fail; } while (0)

static int regint_py_need_ds(const regint_dataset *ds)
{
    if (ds == NULL) {
        PyErr_SetString(PyExc_ValueError, "the dataset is closed (NULL handle)");
        return -1;
    }
    return 0;
}

static PyObject *regint_py_value(regint_value_t v)
{
    return PyFloat_FromDouble(v.missing == REGINT_MISSING_NONE ? v.value : NAN);
}

static int regint_py_prefix(const char *s, const char *prefix)
{
    return prefix == NULL || *prefix == '\0' || (s != NULL && strncmp(s, prefix, strlen(prefix)) == 0);
}
%}

%inline %{
/* ---- bulk reading: whole tables as a dict of column lists, in one call ---- */

/* Counties: fylkesnr, name, valid_from, valid_to. year <= 0: all; else those valid in year. */
PyObject *regint_py_counties(const regint_dataset *ds, int year)
{
    static const char *const names[] = {"fylkesnr", "name", "valid_from", "valid_to"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_county_count(ds);
    for (i = 0; i < n; i++) {
        const regint_county_t *c = regint_dataset_county_at(ds, i);
        if (c == NULL || (year > 0 && (year < c->valid_from || year > c->valid_to))) continue;
        REGINT_PY_PUT(d, "fylkesnr", regint_py_str(c->fylkesnr));
        REGINT_PY_PUT(d, "name", regint_py_str(c->name));
        REGINT_PY_PUT(d, "valid_from", PyLong_FromLong(c->valid_from));
        REGINT_PY_PUT(d, "valid_to", PyLong_FromLong(c->valid_to));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Municipalities valid in `year` (all records if year <= 0), optionally of one county,
 * with their population on 1 January of `year` (None where the dataset has none). */
PyObject *regint_py_municipalities(const regint_dataset *ds, int year, const char *fylkesnr)
{
    static const char *const names[] = {"kommunenr", "name", "fylkesnr", "valid_from", "valid_to",
                                        "centrality", "kostra_group", "population"};
    const regint_municipality_t **list = NULL;
    size_t i, n = 0;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    if (fylkesnr != NULL && *fylkesnr == '\0') fylkesnr = NULL;
    if (year > 0) {
        regint_status st = regint_dataset_municipalities_in(ds, year, fylkesnr, &list, &n);
        if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    } else {
        n = regint_dataset_municipality_count(ds);
    }
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) { regint_free((void *)list); return NULL; }
    for (i = 0; i < n; i++) {
        const regint_municipality_t *m = list ? list[i] : regint_dataset_municipality_at(ds, i);
        int64_t pop = 0;
        if (m == NULL) continue;
        if (list == NULL && fylkesnr != NULL && strcmp(m->fylkesnr, fylkesnr) != 0) continue;
        REGINT_PY_PUT(d, "kommunenr", regint_py_str(m->kommunenr));
        REGINT_PY_PUT(d, "name", regint_py_str(m->name));
        REGINT_PY_PUT(d, "fylkesnr", regint_py_str(m->fylkesnr));
        REGINT_PY_PUT(d, "valid_from", PyLong_FromLong(m->valid_from));
        REGINT_PY_PUT(d, "valid_to", PyLong_FromLong(m->valid_to));
        REGINT_PY_PUT(d, "centrality", PyLong_FromLong(m->centrality));
        REGINT_PY_PUT(d, "kostra_group", regint_py_str(m->kostra_group));
        if (year > 0 && regint_dataset_population(ds, m->kommunenr, year, &pop) == REGINT_OK) {
            REGINT_PY_PUT(d, "population", PyLong_FromLongLong((long long)pop));
        } else {
            REGINT_PY_PUT(d, "population", SWIG_Py_Void());
        }
    }
    regint_free((void *)list);
    return d;
fail:
    regint_free((void *)list);
    Py_DECREF(d);
    return NULL;
}

/* Code changes: from_kommunenr, from_year, to_kommunenr, to_year, kind (int). */
PyObject *regint_py_code_changes(const regint_dataset *ds)
{
    static const char *const names[] = {"from_kommunenr", "from_year", "to_kommunenr",
                                        "to_year", "kind"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_code_change_count(ds);
    for (i = 0; i < n; i++) {
        const regint_code_change_t *c = regint_dataset_code_change_at(ds, i);
        if (c == NULL) continue;
        REGINT_PY_PUT(d, "from_kommunenr", regint_py_str(c->from_kommunenr));
        REGINT_PY_PUT(d, "from_year", PyLong_FromLong(c->from_year));
        REGINT_PY_PUT(d, "to_kommunenr", regint_py_str(c->to_kommunenr));
        REGINT_PY_PUT(d, "to_year", PyLong_FromLong(c->to_year));
        REGINT_PY_PUT(d, "kind", PyLong_FromLong((long)c->kind));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Settlement figures whose kommunenr starts with `prefix` (NULL/"" for all) and whose year
 * is in [year_from, year_to]: kommunenr, year, measure, category, value (NaN when
 * missing), missing (reason name, "" when present). measure/category < 0: any. */
PyObject *regint_py_settlements(const regint_dataset *ds, const char *prefix, int year_from,
                                int year_to, int measure, int category)
{
    static const char *const names[] = {"kommunenr", "year", "measure", "category", "value",
                                        "missing"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_settlement_count(ds);
    for (i = 0; i < n; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (s == NULL || s->year < year_from || s->year > year_to) continue;
        if (measure >= 0 && (int)s->measure != measure) continue;
        if (category >= 0 && (int)s->category != category) continue;
        if (!regint_py_prefix(s->kommunenr, prefix)) continue;
        REGINT_PY_PUT(d, "kommunenr", regint_py_str(s->kommunenr));
        REGINT_PY_PUT(d, "year", PyLong_FromLong(s->year));
        REGINT_PY_PUT(d, "measure", regint_py_str(regint_measure_name(s->measure)));
        REGINT_PY_PUT(d, "category", regint_py_str(regint_category_name(s->category)));
        REGINT_PY_PUT(d, "value", regint_py_value(s->value));
        REGINT_PY_PUT(d, "missing", regint_py_str(regint_missing_name(s->value.missing)));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* The indicator catalogue. */
PyObject *regint_py_indicators(const regint_dataset *ds)
{
    static const char *const names[] = {"id", "name_nb", "name_en", "unit", "source",
                                        "direction", "level", "sdg_targets"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_indicator_count(ds);
    for (i = 0; i < n; i++) {
        const regint_indicator_t *x = regint_dataset_indicator_at(ds, i);
        if (x == NULL) continue;
        REGINT_PY_PUT(d, "id", regint_py_str(x->id));
        REGINT_PY_PUT(d, "name_nb", regint_py_str(x->name_nb));
        REGINT_PY_PUT(d, "name_en", regint_py_str(x->name_en));
        REGINT_PY_PUT(d, "unit", regint_py_str(x->unit));
        REGINT_PY_PUT(d, "source", regint_py_str(x->source));
        REGINT_PY_PUT(d, "direction", PyLong_FromLong((long)x->direction));
        REGINT_PY_PUT(d, "level", PyLong_FromLong((long)x->level));
        REGINT_PY_PUT(d, "sdg_targets", regint_py_str(x->sdg_targets));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Observations of `indicator` (NULL/"" for all) for areas starting with `area_prefix`. */
PyObject *regint_py_observations(const regint_dataset *ds, const char *indicator,
                                 const char *area_prefix)
{
    static const char *const names[] = {"indicator", "area", "year", "category", "value",
                                        "missing"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_observation_count(ds);
    for (i = 0; i < n; i++) {
        const regint_observation_t *o = regint_dataset_observation_at(ds, i);
        if (o == NULL) continue;
        if (indicator != NULL && *indicator != '\0' && strcmp(o->indicator, indicator) != 0) continue;
        if (!regint_py_prefix(o->area, area_prefix)) continue;
        REGINT_PY_PUT(d, "indicator", regint_py_str(o->indicator));
        REGINT_PY_PUT(d, "area", regint_py_str(o->area));
        REGINT_PY_PUT(d, "year", PyLong_FromLong(o->year));
        REGINT_PY_PUT(d, "category", regint_py_str(o->category));
        REGINT_PY_PUT(d, "value", regint_py_value(o->value));
        REGINT_PY_PUT(d, "missing", regint_py_str(regint_missing_name(o->value.missing)));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Refugee cases: id, family_size, flags, year. */
PyObject *regint_py_cases(const regint_dataset *ds)
{
    static const char *const names[] = {"id", "family_size", "flags", "year"};
    size_t i, n;
    PyObject *d;
    if (regint_py_need_ds(ds)) return NULL;
    d = REGINT_PY_COLUMNS(names);
    if (d == NULL) return NULL;
    n = regint_dataset_case_count(ds);
    for (i = 0; i < n; i++) {
        const regint_case_t *c = regint_dataset_case_at(ds, i);
        if (c == NULL) continue;
        REGINT_PY_PUT(d, "id", regint_py_str(c->id));
        REGINT_PY_PUT(d, "family_size", PyLong_FromLong(c->family_size));
        REGINT_PY_PUT(d, "flags", PyLong_FromUnsignedLong(c->flags));
        REGINT_PY_PUT(d, "year", PyLong_FromLong(c->year));
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Map many (code, year) pairs to codes of `to_year` in one call: a list with, for each
 * pair, a tuple of codes (several for a split) or None when there is no mapping. */
PyObject *regint_py_map_codes(const regint_dataset *ds, PyObject *codes, PyObject *years,
                              int to_year)
{
    int64_t *yv = NULL;
    size_t ny = 0, i;
    Py_ssize_t nc;
    PyObject *seq = NULL, *out = NULL;
    if (regint_py_need_ds(ds)) return NULL;
    if (regint_py_i64_array(years, "years", &yv, &ny) != 0) return NULL;
    seq = PySequence_Fast(codes, "codes: expected a sequence of strings");
    if (seq == NULL) goto done;
    nc = PySequence_Fast_GET_SIZE(seq);
    if ((size_t)nc != ny) {
        PyErr_SetString(PyExc_ValueError, "codes and years must have the same length");
        goto done;
    }
    out = PyList_New(nc);
    if (out == NULL) goto done;
    for (i = 0; i < ny; i++) {
        const char *code = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)i));
        const char **mapped = NULL;
        size_t nm = 0, k;
        PyObject *t;
        if (code == NULL) { Py_CLEAR(out); goto done; }
        if (regint_dataset_map_code(ds, code, (int)yv[i], to_year, &mapped, &nm) != REGINT_OK) {
            PyList_SET_ITEM(out, (Py_ssize_t)i, SWIG_Py_Void());
            continue;
        }
        t = PyTuple_New((Py_ssize_t)nm);
        for (k = 0; t != NULL && k < nm; k++) {
            PyObject *s = regint_py_str(mapped[k]);
            if (s == NULL) { Py_CLEAR(t); break; }
            PyTuple_SET_ITEM(t, (Py_ssize_t)k, s);
        }
        regint_free((void *)mapped);
        if (t == NULL) { Py_CLEAR(out); goto done; }
        PyList_SET_ITEM(out, (Py_ssize_t)i, t);
    }
    regint_clear_error();
done:
    free(yv);
    Py_XDECREF(seq);
    return out;
}
%}


/* ------------------------------------------------------------------------- */
/* apportion.h                                                               */

REGINT_ENUM_OUT(regint_apportion_method)
%ignore regint_apportion;
%ignore regint_apportion_options;
%include "regint/apportion.h"

%inline %{
/* regint_apportion on Python sequences / NumPy arrays; lower/upper may be None.
 * Returns the list of seats. */
PyObject *regint_py_apportion(PyObject *weights, long long total, int method,
                              double first_divisor, PyObject *lower, PyObject *upper)
{
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    int64_t *w = NULL, *lo = NULL, *hi = NULL, *seats = NULL;
    size_t n = 0, nl = 0, nh = 0;
    PyObject *res = NULL;
    regint_status st;
    if (regint_py_i64_array(weights, "weights", &w, &n) != 0) goto done;
    if (lower != NULL && lower != Py_None) {
        if (regint_py_i64_array(lower, "lower", &lo, &nl) != 0) goto done;
        if (nl != n) {
            regint_py_raise_msg(REGINT_EINVAL, "lower: must have one bound per weight");
            goto done;
        }
    }
    if (upper != NULL && upper != Py_None) {
        if (regint_py_i64_array(upper, "upper", &hi, &nh) != 0) goto done;
        if (nh != n) {
            regint_py_raise_msg(REGINT_EINVAL, "upper: must have one bound per weight");
            goto done;
        }
    }
    seats = (int64_t *)calloc(n ? n : 1, sizeof(int64_t));
    if (seats == NULL) { PyErr_NoMemory(); goto done; }
    opt.method = (regint_apportion_method)method;
    opt.first_divisor = first_divisor;
    opt.lower = lo;
    opt.upper = hi;
    Py_BEGIN_ALLOW_THREADS
    st = regint_apportion(w, n, (int64_t)total, &opt, seats);
    Py_END_ALLOW_THREADS
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = regint_py_i64_list(seats, n);
done:
    free(w); free(lo); free(hi); free(seats);
    return res;
}
%}


/* ------------------------------------------------------------------------- */
/* settlement.h                                                              */

/* Criteria profiles: owned handles. */
%rename(SettlementProfileHandle) regint_settlement_profile;
%nodefaultctor regint_settlement_profile;
struct regint_settlement_profile {};
%extend regint_settlement_profile {
    ~regint_settlement_profile() { regint_settlement_profile_free($self); }
}
%typemap(in, numinputs=0) regint_settlement_profile **out (regint_settlement_profile *tmp = NULL) { $1 = &tmp; }
%typemap(argout) regint_settlement_profile **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* Recommendations and back-tests are read in one call by the helpers below and freed
 * there: the Python layer gets plain columns. */
%ignore regint_recommend_options;
%ignore regint_recommendation_row_t;
%ignore regint_recommend;
%ignore regint_recommendation_free;
%ignore regint_recommendation_count;
%ignore regint_recommendation_row;
%ignore regint_recommendation_criterion_count;
%ignore regint_recommendation_criterion_id;
%ignore regint_recommendation_criterion_weight;
%ignore regint_recommendation_year;
%ignore regint_recommendation_total;
%ignore regint_recommendation_minors;
%ignore regint_recommendation_fylkesnr;
%ignore regint_recommendation_county_name;
%ignore regint_recommendation_profile_name;
%ignore regint_recommendation_note;
%ignore regint_recommendation_to_json;
%ignore regint_backtest_options;
%ignore regint_backtest_row_t;
%ignore regint_backtest_summary_t;
%ignore regint_backtest_run;
%ignore regint_backtest_free;
%ignore regint_backtest_count;
%ignore regint_backtest_row;
%ignore regint_backtest_summary;
%ignore regint_backtest_to_json;
%ignore regint_recommendation;
%ignore regint_backtest;
%include "regint/settlement.h"

%{
static PyObject *regint_py_value_or_none(regint_value_t v)
{
    if (v.missing != REGINT_MISSING_NONE) Py_RETURN_NONE;
    return PyFloat_FromDouble(v.value);
}

static PyObject *regint_py_f64_or_none(double v)
{
    if (isnan(v)) Py_RETURN_NONE;
    return PyFloat_FromDouble(v);
}

static PyObject *regint_py_f64_tuple(const double *a, size_t n)
{
    size_t i;
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *x = regint_py_f64_or_none(a[i]);
        if (x == NULL) { Py_CLEAR(t); break; }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
    }
    return t;
}

static PyObject *regint_py_values_tuple(const regint_value_t *a, size_t n)
{
    size_t i;
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *x = regint_py_value_or_none(a[i]);
        if (x == NULL) { Py_CLEAR(t); break; }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
    }
    return t;
}

static int regint_py_set(PyObject *d, const char *key, PyObject *v)
{
    int rc;
    if (v == NULL) return -1;
    rc = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return rc;
}
%}

%inline %{
/* Run regint_recommend() and return everything in one dict:
 * {"meta": {...}, "criteria": [(id, weight), ...], "columns": {name: [values...]}}.
 * fylkesnr NULL or "00" = the whole country; profile None = the default profile. */
PyObject *regint_py_recommend(const regint_dataset *ds, const char *fylkesnr, int year,
                              long long total, long long minors,
                              const regint_settlement_profile *profile, int history_to)
{
    static const char *const names[] = {"kommunenr", "name", "fylkesnr", "asked", "recommended",
        "minors", "lower", "upper", "score", "quota", "population", "contributions", "values",
        "history_first_year", "request", "decision", "settled", "actual_request",
        "actual_decision", "reason"};
    regint_recommend_options o = REGINT_RECOMMEND_OPTIONS_INIT;
    regint_recommendation *r = NULL;
    regint_status st;
    PyObject *res = NULL, *meta = NULL, *crit = NULL, *d = NULL;
    size_t i, n, nc;
    if (regint_py_need_ds(ds)) return NULL;
    o.fylkesnr = fylkesnr;
    o.year = year;
    o.total = (int64_t)total;
    o.minors = (int64_t)minors;
    o.profile = profile;
    o.history_to = history_to;
    Py_BEGIN_ALLOW_THREADS
    st = regint_recommend(ds, &o, &r);
    Py_END_ALLOW_THREADS
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    n = regint_recommendation_count(r);
    nc = regint_recommendation_criterion_count(r);
    meta = PyDict_New();
    crit = PyList_New(0);
    d = REGINT_PY_COLUMNS(names);
    res = PyDict_New();
    if (meta == NULL || crit == NULL || d == NULL || res == NULL) goto fail;
    if (regint_py_set(meta, "year", PyLong_FromLong(regint_recommendation_year(r))) ||
        regint_py_set(meta, "total", PyLong_FromLongLong((long long)regint_recommendation_total(r))) ||
        regint_py_set(meta, "minors", PyLong_FromLongLong((long long)regint_recommendation_minors(r))) ||
        regint_py_set(meta, "fylkesnr", regint_py_str(regint_recommendation_fylkesnr(r))) ||
        regint_py_set(meta, "county", regint_py_str(regint_recommendation_county_name(r))) ||
        regint_py_set(meta, "profile", regint_py_str(regint_recommendation_profile_name(r))) ||
        regint_py_set(meta, "note", regint_py_str(regint_recommendation_note(r))))
        goto fail;
    for (i = 0; i < nc; i++) {
        if (regint_py_append(crit, Py_BuildValue("(Nd)",
                regint_py_str(regint_recommendation_criterion_id(r, i)),
                regint_recommendation_criterion_weight(r, i))) != 0)
            goto fail;
    }
    for (i = 0; i < n; i++) {
        const regint_recommendation_row_t *row = regint_recommendation_row(r, i);
        if (row == NULL) continue;
        REGINT_PY_PUT(d, "kommunenr", regint_py_str(row->kommunenr));
        REGINT_PY_PUT(d, "name", regint_py_str(row->name));
        REGINT_PY_PUT(d, "fylkesnr", regint_py_str(row->fylkesnr));
        REGINT_PY_PUT(d, "asked", PyBool_FromLong(row->asked));
        REGINT_PY_PUT(d, "recommended", PyLong_FromLongLong((long long)row->recommended));
        REGINT_PY_PUT(d, "minors", PyLong_FromLongLong((long long)row->minors));
        REGINT_PY_PUT(d, "lower", PyLong_FromLongLong((long long)row->lower));
        REGINT_PY_PUT(d, "upper", row->upper == INT64_MAX ? SWIG_Py_Void()
                                  : PyLong_FromLongLong((long long)row->upper));
        REGINT_PY_PUT(d, "score", PyFloat_FromDouble(row->score));
        REGINT_PY_PUT(d, "quota", PyFloat_FromDouble(row->quota));
        REGINT_PY_PUT(d, "population", regint_py_f64_or_none(row->population));
        REGINT_PY_PUT(d, "contributions", regint_py_f64_tuple(row->contributions, nc));
        REGINT_PY_PUT(d, "values", regint_py_f64_tuple(row->values, nc));
        REGINT_PY_PUT(d, "history_first_year", PyLong_FromLong(row->history_first_year));
        REGINT_PY_PUT(d, "request", regint_py_values_tuple(row->request, REGINT_RECOMMEND_HISTORY_YEARS));
        REGINT_PY_PUT(d, "decision", regint_py_values_tuple(row->decision, REGINT_RECOMMEND_HISTORY_YEARS));
        REGINT_PY_PUT(d, "settled", regint_py_values_tuple(row->settled, REGINT_RECOMMEND_HISTORY_YEARS));
        REGINT_PY_PUT(d, "actual_request", regint_py_value_or_none(row->actual_request));
        REGINT_PY_PUT(d, "actual_decision", regint_py_value_or_none(row->actual_decision));
        REGINT_PY_PUT(d, "reason", regint_py_str(row->reason));
    }
    if (regint_py_set(res, "meta", meta) || regint_py_set(res, "criteria", crit) ||
        regint_py_set(res, "columns", d)) {
        meta = crit = d = NULL; /* stolen (or released) by regint_py_set */
        goto fail;
    }
    regint_recommendation_free(r);
    return res;
fail:
    Py_XDECREF(meta);
    Py_XDECREF(crit);
    Py_XDECREF(d);
    Py_XDECREF(res);
    regint_recommendation_free(r);
    return NULL;
}

/* Run the back-test; {"rows": {columns}, "summary": {...}, "methods": [names]}. */
PyObject *regint_py_backtest(const regint_dataset *ds, const char *fylkesnr, int year_from,
                             int year_to, const regint_settlement_profile *profile)
{
    static const char *const names[] = {"year", "fylkesnr", "county", "municipalities", "total",
        "n_request", "n_decision", "mae_request", "within2_request", "mae_decision",
        "within2_decision", "winner_request", "winner_decision", "note"};
    regint_backtest_options o = REGINT_BACKTEST_OPTIONS_INIT;
    regint_backtest *bt = NULL;
    const regint_backtest_summary_t *s;
    regint_status st;
    PyObject *res = NULL, *d = NULL, *sum = NULL, *meth = NULL;
    size_t i, n;
    const size_t K = REGINT_BACKTEST_METHOD_COUNT;
    if (regint_py_need_ds(ds)) return NULL;
    o.fylkesnr = fylkesnr;
    o.year_from = year_from;
    o.year_to = year_to;
    o.profile = profile;
    Py_BEGIN_ALLOW_THREADS
    st = regint_backtest_run(ds, &o, &bt);
    Py_END_ALLOW_THREADS
    if (st != REGINT_OK) { regint_py_raise(st); return NULL; }
    d = REGINT_PY_COLUMNS(names);
    sum = PyDict_New();
    meth = PyList_New(0);
    res = PyDict_New();
    if (d == NULL || sum == NULL || meth == NULL || res == NULL) goto fail;
    for (i = 0; i < K; i++)
        if (regint_py_append(meth, regint_py_str(regint_backtest_method_name((regint_backtest_method)i))) != 0)
            goto fail;
    n = regint_backtest_count(bt);
    for (i = 0; i < n; i++) {
        const regint_backtest_row_t *row = regint_backtest_row(bt, i);
        if (row == NULL) continue;
        REGINT_PY_PUT(d, "year", PyLong_FromLong(row->year));
        REGINT_PY_PUT(d, "fylkesnr", regint_py_str(row->fylkesnr));
        REGINT_PY_PUT(d, "county", regint_py_str(row->county_name));
        REGINT_PY_PUT(d, "municipalities", PyLong_FromSize_t(row->municipalities));
        REGINT_PY_PUT(d, "total", PyLong_FromLongLong((long long)row->total));
        REGINT_PY_PUT(d, "n_request", PyLong_FromSize_t(row->n_request));
        REGINT_PY_PUT(d, "n_decision", PyLong_FromSize_t(row->n_decision));
        REGINT_PY_PUT(d, "mae_request", regint_py_f64_tuple(row->mae_request, K));
        REGINT_PY_PUT(d, "within2_request", regint_py_f64_tuple(row->within2_request, K));
        REGINT_PY_PUT(d, "mae_decision", regint_py_f64_tuple(row->mae_decision, K));
        REGINT_PY_PUT(d, "within2_decision", regint_py_f64_tuple(row->within2_decision, K));
        REGINT_PY_PUT(d, "winner_request", PyLong_FromLong(row->winner_request));
        REGINT_PY_PUT(d, "winner_decision", PyLong_FromLong(row->winner_decision));
        REGINT_PY_PUT(d, "note", regint_py_str(row->note));
    }
    s = regint_backtest_summary(bt);
    if (s != NULL) {
        if (regint_py_set(sum, "rows", PyLong_FromSize_t(s->rows)) ||
            regint_py_set(sum, "n_request", PyLong_FromSize_t(s->n_request)) ||
            regint_py_set(sum, "n_decision", PyLong_FromSize_t(s->n_decision)) ||
            regint_py_set(sum, "mae_request", regint_py_f64_tuple(s->mae_request, K)) ||
            regint_py_set(sum, "within2_request", regint_py_f64_tuple(s->within2_request, K)) ||
            regint_py_set(sum, "mae_decision", regint_py_f64_tuple(s->mae_decision, K)) ||
            regint_py_set(sum, "within2_decision", regint_py_f64_tuple(s->within2_decision, K)) ||
            regint_py_set(sum, "year_from", PyLong_FromLong(s->year_from)) ||
            regint_py_set(sum, "year_to", PyLong_FromLong(s->year_to)))
            goto fail;
        {
            PyObject *wr = PyTuple_New((Py_ssize_t)K), *wd = PyTuple_New((Py_ssize_t)K);
            if (wr == NULL || wd == NULL) { Py_XDECREF(wr); Py_XDECREF(wd); goto fail; }
            for (i = 0; i < K; i++) {
                PyTuple_SET_ITEM(wr, (Py_ssize_t)i, PyLong_FromSize_t(s->wins_request[i]));
                PyTuple_SET_ITEM(wd, (Py_ssize_t)i, PyLong_FromSize_t(s->wins_decision[i]));
            }
            if (regint_py_set(sum, "wins_request", wr) || regint_py_set(sum, "wins_decision", wd))
                goto fail;
        }
    }
    if (regint_py_set(res, "rows", d) || regint_py_set(res, "summary", sum) ||
        regint_py_set(res, "methods", meth)) {
        d = sum = meth = NULL;
        goto fail;
    }
    regint_backtest_free(bt);
    return res;
fail:
    Py_XDECREF(d);
    Py_XDECREF(sum);
    Py_XDECREF(meth);
    Py_XDECREF(res);
    regint_backtest_free(bt);
    return NULL;
}
%}


/* ------------------------------------------------------------------------- */
/* matching.h                                                                */

%ignore regint_match_options;
%ignore regint_match_result;
%ignore regint_match;
%ignore regint_match_synth;
%ignore regint_match_instance;
%ignore regint_match_load;
%ignore regint_match_parse;
%ignore regint_match_instance_free;
%ignore regint_match_progress_fn;
%include "regint/matching.h"

%inline %{
/* regint_match on NumPy arrays / sequences. scores: n_cases*n_munis float64 values,
 * case-major (NaN = pair not allowed). Returns a dict with "assignment" and "used" (lists)
 * and the fields of regint_match_result. */
PyObject *regint_py_match(PyObject *scores, size_t n_cases, size_t n_munis, PyObject *sizes,
                          PyObject *capacities, int unit, int must_assign_all,
                          int score_per_person, double score_scale, long long max_nodes,
                          double time_limit)
{
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    regint_match_result r;
    double *sc = NULL;
    int64_t *sz = NULL, *cap = NULL, *asg = NULL, *used = NULL;
    size_t nsc = 0, nsz = 0, ncap = 0;
    PyObject *res = NULL;
    regint_status st;
    memset(&r, 0, sizeof r);
    if (regint_py_f64_array(scores, "scores", &sc, &nsc) != 0) goto done;
    if (regint_py_i64_array(sizes, "sizes", &sz, &nsz) != 0) goto done;
    if (regint_py_i64_array(capacities, "capacities", &cap, &ncap) != 0) goto done;
    if (nsz != n_cases || ncap != n_munis || nsc != n_cases * n_munis) {
        char msg[200];
        snprintf(msg, sizeof msg, "match: shapes disagree: %zu sizes, %zu capacities, %zu scores "
                 "(expected %zu, %zu, %zu x %zu)", nsz, ncap, nsc, n_cases, n_munis, n_cases, n_munis);
        regint_py_raise_msg(REGINT_EINVAL, msg);
        goto done;
    }
    asg = (int64_t *)calloc(n_cases ? n_cases : 1, sizeof(int64_t));
    used = (int64_t *)calloc(n_munis ? n_munis : 1, sizeof(int64_t));
    if (asg == NULL || used == NULL) { PyErr_NoMemory(); goto done; }
    o.unit = (regint_match_unit)unit;
    o.must_assign_all = must_assign_all;
    o.score_per_person = score_per_person;
    o.score_scale = score_scale;
    if (max_nodes > 0) o.max_nodes = (int64_t)max_nodes;
    o.time_limit = time_limit;
    Py_BEGIN_ALLOW_THREADS
    st = regint_match(sc, n_cases, n_munis, sz, cap, &o, asg, used, &r);
    Py_END_ALLOW_THREADS
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    res = Py_BuildValue("{s:N,s:N,s:d,s:d,s:d,s:i,s:n,s:L,s:L,s:i,s:d}",
                        "assignment", regint_py_i64_list(asg, n_cases),
                        "used", regint_py_i64_list(used, n_munis),
                        "objective", r.objective, "bound", r.bound, "gap", r.gap,
                        "optimal", r.quality == REGINT_MATCH_OPTIMAL ? 1 : 0,
                        "n_assigned", (Py_ssize_t)r.n_assigned,
                        "nodes", (long long)r.nodes, "augmentations", (long long)r.augmentations,
                        "exact", r.exact, "score_resolution", r.score_resolution);
done:
    free(sc); free(sz); free(cap); free(asg); free(used);
    return res;
}

/* regint_match_synth: (sizes, capacities, scores as a flat case-major list). */
PyObject *regint_py_match_synth(size_t n_cases, size_t n_munis, int unit,
                                unsigned long long seed, long long slack_permille)
{
    int64_t *sz = (int64_t *)calloc(n_cases ? n_cases : 1, sizeof(int64_t));
    int64_t *cap = (int64_t *)calloc(n_munis ? n_munis : 1, sizeof(int64_t));
    double *sc = (double *)calloc((n_cases * n_munis) != 0 ? n_cases * n_munis : 1, sizeof(double));
    PyObject *res = NULL, *l = NULL;
    regint_status st;
    size_t i;
    if (sz == NULL || cap == NULL || sc == NULL) { PyErr_NoMemory(); goto done; }
    st = regint_match_synth(n_cases, n_munis, (regint_match_unit)unit, (uint64_t)seed,
                            (int64_t)slack_permille, sz, cap, sc);
    if (st != REGINT_OK) { regint_py_raise(st); goto done; }
    l = PyList_New((Py_ssize_t)(n_cases * n_munis));
    for (i = 0; l != NULL && i < n_cases * n_munis; i++) {
        PyObject *x = PyFloat_FromDouble(sc[i]);
        if (x == NULL) { Py_CLEAR(l); break; }
        PyList_SET_ITEM(l, (Py_ssize_t)i, x);
    }
    if (l == NULL) goto done;
    res = Py_BuildValue("(NNN)", regint_py_i64_list(sz, n_cases), regint_py_i64_list(cap, n_munis), l);
done:
    free(sz); free(cap); free(sc);
    return res;
}
%}

/* ------------------------------------------------------------------------- */
/* indicators.h, qualification.h, report.h, grants.h, collaboration.h, guidance.h */
%include "regint_tasks.i"
