/* typemaps.i — how C values cross into Python and back (after GDAL's typemaps_python.i).
 *
 * Nothing here knows a regint rule; it only moves data:
 *  - handles (`T **out`) become owned proxies freed by their destructor (REGINT_HANDLE);
 *  - scalar out-parameters become return values (REGINT_NUM_OUT, REGINT_ENUM_OUT);
 *  - a public struct crosses as a dict keyed by its member names, described once by a
 *    table of members (rpy_field, built with offsetof in the per-header .i files):
 *    borrowed records and caller-provided results come out as dicts, arrays of records as
 *    one dict of columns (REGINT_RECORD; REGINT_TABLE for a count/at pair: one call per
 *    table, never one per row), owned results as dicts after which they are freed
 *    (REGINT_RESULT, or REGINT_RESULT_HANDLE when the library needs the result back);
 *    input structs and options are read from dicts (REGINT_IN, REGINT_OPTIONS_IN: None
 *    options = NULL = the library's defaults, else over regint_X_options_init());
 *  - arrays of numbers come in as any buffer (NumPy) or sequence and go out as tuples;
 *  - text the caller owns (`char **`) becomes str and is freed with regint_free().
 * Every wrapped call releases the GIL (%module(threads="1") in regint.i) except the table
 * readers, which build Python objects. */

%{
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/bigalloc.h"   /* private to the library: the module links regint_static */

enum { RPY_END, RPY_STR, RPY_CHARS, RPY_INT, RPY_UINT, RPY_SIZE, RPY_I64, RPY_F64, RPY_BOOL,
       RPY_STRUCT, RPY_HANDLE };               /* RPY_HANDLE: a SWIG proxy (input only) */
enum { RPY_PTR = 1, RPY_FIX = 2 };          /* pointer to n elements / inline array */
#define RPY_NO_COUNT ((size_t)-1)           /* RPY_PTR input whose length is implicit */

/* One member of a public struct: its name in Python, kind and place. */
typedef struct rpy_field {
    const char *name;
    int kind, flags;
    size_t off, n_off, mult;                /* RPY_PTR: count member, elements per count;
                                               RPY_FIX: mult = number of elements */
    const struct rpy_field *sub;            /* RPY_STRUCT: its members */
    size_t sub_size;
    const char *type;                       /* RPY_HANDLE: the SWIG type, e.g. "regint_plan *" */
} rpy_field;

/* Table builders; RPY_T names the struct being described. */
#define RPY_F(m, k) {#m, RPY_##k, 0, offsetof(RPY_T, m), 0, 1, NULL, 0, NULL}
#define RPY_FN(name, m, k) {name, RPY_##k, 0, offsetof(RPY_T, m), 0, 1, NULL, 0, NULL}
#define RPY_A(m, k, n) {#m, RPY_##k, RPY_PTR, offsetof(RPY_T, m), offsetof(RPY_T, n), 1, NULL, 0, NULL}
#define RPY_AM(m, k, n, mult) {#m, RPY_##k, RPY_PTR, offsetof(RPY_T, m), offsetof(RPY_T, n), mult, NULL, 0, NULL}
#define RPY_AI(m, k) {#m, RPY_##k, RPY_PTR, offsetof(RPY_T, m), RPY_NO_COUNT, 1, NULL, 0, NULL}
#define RPY_X(m, k, count) {#m, RPY_##k, RPY_FIX, offsetof(RPY_T, m), 0, count, NULL, 0, NULL}
#define RPY_S(m, sub, ST) {#m, RPY_STRUCT, 0, offsetof(RPY_T, m), 0, 1, sub, sizeof(ST), NULL}
#define RPY_SA(m, sub, ST, n) {#m, RPY_STRUCT, RPY_PTR, offsetof(RPY_T, m), offsetof(RPY_T, n), 1, sub, sizeof(ST), NULL}
#define RPY_H(m, TYPE) {#m, RPY_HANDLE, 0, offsetof(RPY_T, m), 0, 1, NULL, 0, TYPE}
#define RPY_DONE {NULL, RPY_END, 0, 0, 0, 0, NULL, 0, NULL}

static size_t rpy_size(const rpy_field *f)
{
    switch (f->kind) {
    case RPY_STR: return sizeof(char *);
    case RPY_UINT: return sizeof(unsigned);
    case RPY_SIZE: return sizeof(size_t);
    case RPY_I64: return sizeof(int64_t);
    case RPY_F64: return sizeof(double);
    case RPY_STRUCT: return f->sub_size;
    case RPY_HANDLE: return sizeof(void *);
    default: return sizeof(int);            /* RPY_INT, RPY_BOOL and every enum */
    }
}

static PyObject *rpy_str(const char *s)
{
    if (s == NULL) Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

static PyObject *rpy_dict(const char *rec, const rpy_field *f);
static PyObject *rpy_tuple(const char *rec, const rpy_field *f);

static PyObject *rpy_scalar(const char *p, const rpy_field *f, int as_tuple)
{
    switch (f->kind) {
    case RPY_STR: return rpy_str(*(const char *const *)p);
    case RPY_CHARS: return rpy_str(p);
    case RPY_INT: return PyLong_FromLong(*(const int *)p);
    case RPY_UINT: return PyLong_FromUnsignedLong(*(const unsigned *)p);
    case RPY_SIZE: return PyLong_FromSize_t(*(const size_t *)p);
    case RPY_I64: return PyLong_FromLongLong((long long)*(const int64_t *)p);
    case RPY_F64: return PyFloat_FromDouble(*(const double *)p);
    case RPY_BOOL: return PyBool_FromLong(*(const int *)p);
    default: return as_tuple ? rpy_tuple(p, f->sub) : rpy_dict(p, f->sub);
    }
}

/* A member's value: a scalar, an inline struct (dict) or an array (tuple; structs in an
 * array become tuples in member order). */
static PyObject *rpy_value(const char *rec, const rpy_field *f)
{
    const char *p = rec + f->off;
    size_t n, i, sz = rpy_size(f);
    PyObject *t;
    if (!(f->flags & (RPY_PTR | RPY_FIX))) return rpy_scalar(p, f, 0);
    n = (f->flags & RPY_FIX) ? f->mult : *(const size_t *)(rec + f->n_off) * f->mult;
    if (f->flags & RPY_PTR) p = *(const char *const *)p;
    if (p == NULL && n > 0) Py_RETURN_NONE;
    t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *x = rpy_scalar(p + i * sz, f, 1);
        if (x == NULL) Py_CLEAR(t);
        else PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
    }
    return t;
}

static PyObject *rpy_dict(const char *rec, const rpy_field *f)
{
    PyObject *d = PyDict_New();
    for (; d != NULL && f->kind != RPY_END; f++) {
        PyObject *v = rpy_value(rec, f);
        if (v == NULL || PyDict_SetItemString(d, f->name, v) != 0) Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

static PyObject *rpy_tuple(const char *rec, const rpy_field *f)
{
    Py_ssize_t i, n = 0;
    PyObject *t;
    while (f[n].kind != RPY_END) n++;
    t = PyTuple_New(n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *v = rpy_value(rec, &f[i]);
        if (v == NULL) Py_CLEAR(t);
        else PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* n records (pointers `recs`, or contiguous from `base` with `stride`) as one dict of
 * column lists. */
static PyObject *rpy_rows(const void *const *recs, const char *base, size_t stride, size_t n,
                          const rpy_field *fields)
{
    const rpy_field *f;
    size_t i;
    PyObject *d = PyDict_New();
    for (f = fields; d != NULL && f->kind != RPY_END; f++) {
        PyObject *col = PyList_New((Py_ssize_t)n);
        for (i = 0; col != NULL && i < n; i++) {
            PyObject *v = rpy_value(recs ? (const char *)recs[i] : base + i * stride, f);
            if (v == NULL) Py_CLEAR(col);
            else PyList_SET_ITEM(col, (Py_ssize_t)i, v);
        }
        if (col == NULL || PyDict_SetItemString(d, f->name, col) != 0) Py_CLEAR(d);
        Py_XDECREF(col);
    }
    return d;
}

/* Memory that lives for one call: a chain of zeroed blocks freed by rpy_arena_free. A block
 * of 1 MiB or more (the arrays of a large call: 16 MB each way for 2e6 weights) is a work
 * block of the library kept between calls (util/bigalloc.h), so a call does not fault in
 * fresh pages for it every time, in a new thread least of all (issue 17, goal 6). Each block
 * starts with two pointers: the next block, and whether it is a work block. */
#define RPY_BIG ((size_t)1 << 20)
static void *rpy_alloc(void **arena, size_t size)
{
    size_t need = 2 * sizeof(void *) + (size ? size : 1);
    void **b;
    if (size > SIZE_MAX / 2) { PyErr_NoMemory(); return NULL; }
    if (need >= RPY_BIG) {
        b = (void **)regint__work_get(need);
        if (b != NULL) memset(b, 0, need);
    } else {
        b = (void **)calloc(1, need);
    }
    if (b == NULL) { PyErr_NoMemory(); return NULL; }
    b[0] = *arena;
    b[1] = need >= RPY_BIG ? (void *)b : NULL;
    *arena = b;
    return b + 2;
}

static void rpy_arena_free(void **arena)
{
    while (*arena != NULL) {
        void **b = (void **)*arena;
        *arena = b[0];
        if (b[1] != NULL) regint__work_put(b);
        else free(b);
    }
}

/* Python values into C scalars, refusing what would be silently changed: every message
 * names the argument (`name`; NULL inside a struct, whose member name rpy_from_py adds).
 *  - an integer: int (bool too) or anything with __index__ (NumPy integers); a float only when it is a
 *    whole number (3.0; 2.9 is a ValueError, never truncated); None, str and bytes
 *    are a TypeError; a value outside [lo, hi] a ValueError naming the range (never SWIG's
 *    "argument 3 of type 'int'" or a silent wrap-around);
 *  - text: str only (None or bytes are a TypeError: str(None) would store "None"), without
 *    "\x00" (ValueError: C would cut the string there). */
static PyObject *rpy_name_prefix(const char *name)
{
    return PyUnicode_FromFormat("%s%s", name ? name : "", name ? ": " : "");
}

static int rpy_integer(PyObject *o, const char *name, long long lo, long long hi, long long *out)
{
    PyObject *pre = rpy_name_prefix(name), *num = NULL;
    int overflow = 0, rc = -1;
    long long v = 0;
    if (pre == NULL) return -1;
    if (o == Py_None || PyUnicode_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%Uexpected an integer, got %s", pre, Py_TYPE(o)->tp_name);
        goto done;
    }
    if (PyFloat_Check(o)) {
        double d = PyFloat_AsDouble(o);
        if (!isfinite(d) || d != floor(d)) {
            PyErr_Format(PyExc_ValueError, "%Uexpected an integer, got %R (a fraction is not truncated)", pre, o);
            goto done;
        }
        num = PyLong_FromDouble(d);
    } else {
        num = PyNumber_Index(o);
        if (num == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%Uexpected an integer, got %s", pre, Py_TYPE(o)->tp_name);
            goto done;
        }
    }
    if (num == NULL) goto done;
    v = PyLong_AsLongLongAndOverflow(num, &overflow);
    if (v == -1 && PyErr_Occurred()) goto done;
    if (overflow || v < lo || v > hi) {
        PyErr_Format(PyExc_ValueError, "%U%R is outside the allowed range [%lld, %lld]", pre, num, lo, hi);
        goto done;
    }
    *out = v;
    rc = 0;
done:
    Py_XDECREF(num);
    Py_DECREF(pre);
    return rc;
}

static const char *rpy_text(PyObject *o, const char *name)
{
    Py_ssize_t n = 0;
    const char *s;
    if (!PyUnicode_Check(o)) {
        PyObject *pre = rpy_name_prefix(name);
        if (pre != NULL)
            PyErr_Format(PyExc_TypeError, "%Uexpected a str, got %s", pre, o == Py_None ? "None" : Py_TYPE(o)->tp_name);
        Py_XDECREF(pre);
        return NULL;
    }
    s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s != NULL && strlen(s) != (size_t)n) {
        PyObject *pre = rpy_name_prefix(name);
        if (pre != NULL)
            PyErr_Format(PyExc_ValueError, "%Uthe string holds a NUL character (\\x00) at index %zu; C would cut it "
                         "there", pre, strlen(s));
        Py_XDECREF(pre);
        return NULL;
    }
    return s;
}

static int rpy_from_py(PyObject *o, char *rec, const rpy_field *fields, void **arena);

/* Store Python value `o` as one element of kind f->kind at p. Strings are borrowed from
 * `o`, which the caller's arguments keep alive for the call. */
static int rpy_put(PyObject *o, char *p, const rpy_field *f, void **arena)
{
    switch (f->kind) {
    case RPY_STR:
        if (o == Py_None) {
            *(const char **)p = NULL;
            return 0;
        }
        return (*(const char **)p = rpy_text(o, NULL)) == NULL ? -1 : 0;
    case RPY_F64:
        *(double *)p = (o == Py_None) ? NAN : PyFloat_AsDouble(o);
        break;
    case RPY_I64: {
        long long v;
        if (rpy_integer(o, NULL, LLONG_MIN, LLONG_MAX, &v)) return -1;
        *(int64_t *)p = (int64_t)v;
        return 0;
    }
    case RPY_SIZE: {
        long long v;
        if (rpy_integer(o, NULL, 0, (long long)(SIZE_MAX > LLONG_MAX ? LLONG_MAX : SIZE_MAX), &v)) return -1;
        *(size_t *)p = (size_t)v;
        return 0;
    }
    case RPY_UINT: {
        long long v;
        if (rpy_integer(o, NULL, 0, UINT_MAX, &v)) return -1;
        *(unsigned *)p = (unsigned)v;
        return 0;
    }
    case RPY_BOOL: *(int *)p = PyObject_IsTrue(o); break;
    case RPY_STRUCT: return rpy_from_py(o, p, f->sub, arena);
    case RPY_HANDLE:                        /* a proxy of that type only */
        *(void **)p = NULL;
        if (o == Py_None || SWIG_IsOK(SWIG_ConvertPtr(o, (void **)p, SWIG_TypeQuery(f->type), 0)))
            return 0;
        PyErr_Format(PyExc_TypeError, "expected %s or None", f->type);
        return -1;
    case RPY_INT: {
        long long v;
        if (rpy_integer(o, NULL, INT_MIN, INT_MAX, &v)) return -1;
        *(int *)p = (int)v;
        return 0;
    }
    default: PyErr_SetString(PyExc_TypeError, "read-only member"); return -1;
    }
    return PyErr_Occurred() ? -1 : 0;
}

/* A sequence (or a C-contiguous buffer of float64/int64, e.g. a NumPy array) as a new
 * array of n elements of kind f->kind in the arena. */
static void *rpy_array_in(PyObject *o, const rpy_field *f, size_t *n, void **arena)
{
    size_t i, sz = rpy_size(f);
    char *a;
    PyObject *seq;
    if ((f->kind == RPY_I64 || f->kind == RPY_F64) && PyObject_CheckBuffer(o)
        && !PyBytes_Check(o) && !PyUnicode_Check(o)) {
        Py_buffer v;
        if (PyObject_GetBuffer(o, &v, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) == 0) {
            const char *fm = v.format ? v.format : "B";
            if (*fm == '@' || *fm == '=' || *fm == '<') fm++;
            if (v.itemsize == 8 && fm[1] == '\0'
                && (f->kind == RPY_F64 ? *fm == 'd' : (*fm == 'q' || *fm == 'l'))) {
                *n = (size_t)v.len / 8;
                a = (char *)rpy_alloc(arena, (size_t)v.len);
                if (a != NULL) memcpy(a, v.buf, (size_t)v.len);
                PyBuffer_Release(&v);
                return a;
            }
            PyBuffer_Release(&v);
        } else {
            PyErr_Clear();
        }
    }
    seq = PySequence_Fast(o, "expected a sequence");
    if (seq == NULL) return NULL;
    *n = (size_t)PySequence_Fast_GET_SIZE(seq);
    a = (char *)rpy_alloc(arena, *n * sz);
    for (i = 0; a != NULL && i < *n; i++)
        if (rpy_put(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)i), a + i * sz, f, arena) != 0)
            a = NULL;
    Py_DECREF(seq);
    return a;
}

/* Fill a struct from a dict (members by name; absent keys keep their value) or from a
 * sequence (members in order). */
static int rpy_from_py(PyObject *o, char *rec, const rpy_field *fields, void **arena)
{
    const rpy_field *f;
    PyObject *seq = NULL;
    Py_ssize_t k = 0;
    int rc = 0;
    if (!PyDict_Check(o) && (seq = PySequence_Fast(o, "expected a dict or a sequence")) == NULL)
        return -1;
    for (f = fields; rc == 0 && f->kind != RPY_END; f++, k++) {
        PyObject *v = seq ? (k < PySequence_Fast_GET_SIZE(seq) ? PySequence_Fast_GET_ITEM(seq, k) : NULL)
                          : PyDict_GetItemString(o, f->name);
        char *p = rec + f->off;
        if (v == NULL) continue;
        if (f->flags & RPY_PTR) {
            size_t n = 0;
            *(void **)p = (v == Py_None) ? NULL : rpy_array_in(v, f, &n, arena);
            if (v != Py_None && *(void **)p == NULL) rc = -1;
            else if (f->n_off != RPY_NO_COUNT) *(size_t *)(rec + f->n_off) = n / f->mult;
        } else if (f->flags & RPY_FIX) {
            size_t n = 0, sz = rpy_size(f);
            char *a = (char *)rpy_array_in(v, f, &n, arena);
            if (a == NULL) rc = -1;
            else if (n != f->mult) {
                PyErr_Format(PyExc_ValueError, "%s: expected %zu values, got %zu", f->name, f->mult, n);
                rc = -1;
            } else memcpy(p, a, n * sz);
        } else {
            rc = rpy_put(v, p, f, arena);
        }
        if (rc != 0 && !PyErr_ExceptionMatches(PyExc_MemoryError)) {
            /* A value of the wrong type or shape breaks the member's rule: InvalidError. */
            PyObject *type, *val, *tb, *msg;
            PyErr_Fetch(&type, &val, &tb);
            msg = PyUnicode_FromFormat("%s: %S", f->name, val ? val : Py_None);
            Py_XDECREF(type); Py_XDECREF(val); Py_XDECREF(tb);
            regint_py_raise_msg(REGINT_EINVAL, msg ? PyUnicode_AsUTF8(msg) : f->name);
            Py_XDECREF(msg);
        }
    }
    Py_XDECREF(seq);
    return rc;
}

/* A tuple of n elements of kind f->kind at p (a tuple, not a list: SWIG would take a list
 * returned first for its list of outputs). */
static PyObject *rpy_list(const char *p, int kind, size_t n)
{
    rpy_field f = {NULL, kind, 0, 0, 0, 1, NULL, 0, NULL};
    size_t i, sz = rpy_size(&f);
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t != NULL && i < n; i++) {
        PyObject *x = rpy_scalar(p + i * sz, &f, 0);
        if (x == NULL) Py_CLEAR(t);
        else PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
    }
    return t;
}

/* Add `o` (a new reference; NULL after a failure) to the outputs; NULL (the outputs
 * released) on failure. */
static PyObject *rpy_append(PyObject *result, PyObject *o)
{
    if (o == NULL) {
        Py_XDECREF(result);
        return NULL;
    }
    return SWIG_Python_AppendOutput(result, o);
}
%}

/* ---- handles ------------------------------------------------------------ */

/* An opaque handle: `T **out` returns an owned proxy whose destructor calls FREE. */
%define REGINT_HANDLE(T, PYNAME, FREE)
%rename(PYNAME) T;
%nodefaultctor T;
struct T {};
%extend T { ~T() { FREE($self); } }
%typemap(in, numinputs=0) T **out (T *tmp = NULL) { $1 = &tmp; }
%typemap(argout) T **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef

/* ---- scalars -------------------------------------------------------------- */

/* A scalar out-parameter returned as a Python int/float (CONV makes the object). */
%define REGINT_NUM_OUT(T, NAME, CONV)
%typemap(in, numinputs=0) T *NAME (T tmp) { memset(&tmp, 0, sizeof tmp); $1 = &tmp; }
%typemap(argout) T *NAME { $result = rpy_append($result, CONV(*$1)); if (!$result) SWIG_fail; }
%enddef
REGINT_NUM_OUT(int64_t, out, PyLong_FromLongLong)
REGINT_NUM_OUT(double, out, PyFloat_FromDouble)
REGINT_NUM_OUT(size_t, n_imported, PyLong_FromSize_t)
%define REGINT_ENUM_OUT(T)
REGINT_NUM_OUT(T, out, PyLong_FromLong)
%enddef

/* ---- text ----------------------------------------------------------------- */

/* Text the caller owns: str, then regint_free(). */
%typemap(in, numinputs=0) char **json (char *tmp = NULL) { $1 = &tmp; }
%typemap(argout) char **json {
    PyObject *s = rpy_str(*$1);
    regint_free(*$1);
    *$1 = NULL;
    $result = rpy_append($result, s);
    if (!$result) SWIG_fail;
}
%typemap(freearg) char **json { regint_free(*$1); }
%apply char **json { char **out, char **md_path, char **html_path };

/* Input text with its length. */
%apply (char *STRING, size_t LENGTH) { (const char *json, size_t len), (const char *text, size_t len) };

/* Borrowed strings in an array the caller owns: a tuple of str. */
%typemap(in, numinputs=0) (const char ***out, size_t *n) (const char **tmp = NULL, size_t tmpn = 0) {
    $1 = ($1_ltype)&tmp; $2 = &tmpn;
}
%typemap(argout) (const char ***out, size_t *n) {
    $result = rpy_append($result, rpy_list((const char *)*$1, RPY_STR, *$2));
    if (!$result) SWIG_fail;
}
%typemap(freearg) (const char ***out, size_t *n) { regint_free((void *)*$1); }
%apply (const char ***out, size_t *n) { (const char ***ids, size_t *n) };

/* ---- structs as dicts ----------------------------------------------------- */

/* Borrowed records (`const T *` results, `const T **out`), caller-provided results
 * (`T *out`), values returned by value, and arrays of borrowed records. */
%define REGINT_RECORD(T, FIELDS)
%typemap(out) const T * { $result = $1 ? rpy_dict((const char *)$1, FIELDS) : SWIG_Py_Void(); if (!$result) SWIG_fail; }
%typemap(out) T { $result = rpy_dict((const char *)&$1, FIELDS); if (!$result) SWIG_fail; }
%typemap(in, numinputs=0) const T **out (const T *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const T **out {
    $result = rpy_append($result, rpy_dict((const char *)*$1, FIELDS));
    if (!$result) SWIG_fail;
}
%typemap(in, numinputs=0) T *out (T tmp) { memset(&tmp, 0, sizeof tmp); $1 = &tmp; }
%typemap(argout) T *out {
    $result = rpy_append($result, rpy_dict((const char *)$1, FIELDS));
    if (!$result) SWIG_fail;
}
%typemap(in, numinputs=0) (const T ***out, size_t *n) (const T **tmp = NULL, size_t tmpn = 0) {
    $1 = ($1_ltype)&tmp; $2 = &tmpn;
}
%typemap(argout) (const T ***out, size_t *n) {
    $result = rpy_append($result, rpy_rows((const void *const *)*$1, NULL, 0, *$2, FIELDS));
    if (!$result) SWIG_fail;
}
%typemap(freearg) (const T ***out, size_t *n) { regint_free((void *)*$1); }
/* An array of records the caller owns (regint_free). */
%typemap(in, numinputs=0) (T **out, size_t *n) (T *tmp = NULL, size_t tmpn = 0) { $1 = &tmp; $2 = &tmpn; }
%typemap(argout) (T **out, size_t *n) {
    $result = rpy_append($result, rpy_rows(NULL, (const char *)*$1, sizeof(T), *$2, FIELDS));
    if (!$result) SWIG_fail;
}
%typemap(freearg) (T **out, size_t *n) { regint_free((void *)*$1); }
%enddef

/* A whole table of a handle, read through its count/at pair in one call. */
%define REGINT_TABLE(NAME, H, T, COUNT, AT, FIELDS)
%nothread NAME;   /* it builds Python objects */
%inline %{
PyObject *NAME(const H *h)
{
    size_t i, n = COUNT(h);
    const T **v = (const T **)malloc((n ? n : 1) * sizeof *v);
    PyObject *r;
    if (v == NULL) return PyErr_NoMemory();
    for (i = 0; i < n; i++) v[i] = AT(h, i);
    r = rpy_rows((const void *const *)v, NULL, 0, n, FIELDS);
    free(v);
    return r;
}
%}
%enddef

/* An owned result: a dict, then FREE. */
%define REGINT_RESULT(T, FREE, FIELDS)
%typemap(in, numinputs=0) T **out (T *tmp = NULL) { $1 = &tmp; }
%typemap(argout) T **out {
    PyObject *d = rpy_dict((const char *)*$1, FIELDS);
    FREE(*$1);
    *$1 = NULL;
    $result = rpy_append($result, d);
    if (!$result) SWIG_fail;
}
%typemap(freearg) T **out { FREE(*$1); }
%enddef

/* An owned result that is passed back to the library: (owned proxy, dict). */
%define REGINT_RESULT_HANDLE(T, FREE, FIELDS)
%nodefaultctor T;
%extend T { ~T() { FREE($self); } }
%typemap(in, numinputs=0) T **out (T *tmp = NULL) { $1 = &tmp; }
%typemap(argout) T **out {
    PyObject *d = rpy_dict((const char *)*$1, FIELDS);
    if (d == NULL) { FREE(*$1); SWIG_fail; }
    /* The proxy owns the result from here (its destructor frees it, also on failure). */
    $result = rpy_append($result, Py_BuildValue("(NN)",
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN), d));
    if (!$result) SWIG_fail;
}
%enddef

/* Input structs from a dict or sequence; strings are borrowed for the call. */
%define REGINT_IN(T, FIELDS)
%typemap(in) const T * (T tmp, void *arena = NULL) {
    memset(&tmp, 0, sizeof tmp);
    if (rpy_from_py($input, (char *)&tmp, FIELDS, &arena) != 0) SWIG_fail;
    $1 = &tmp;
}
%typemap(freearg) const T * { rpy_arena_free(&arena$argnum); }
%typemap(in) T (void *arena = NULL) {
    memset(&$1, 0, sizeof $1);
    if (rpy_from_py($input, (char *)&$1, FIELDS, &arena) != 0) SWIG_fail;
}
%typemap(freearg) T { rpy_arena_free(&arena$argnum); }
%enddef

/* Options: None = NULL (the defaults); a dict sets members over INIT(&opts, VERSION), the
 * library's regint_X_options_init(). */
%define REGINT_OPTIONS_IN(T, INIT, VERSION, FIELDS)
%ignore T;
%typemap(in) const T * (T tmp, void *arena = NULL) {
    $1 = NULL;
    if ($input != Py_None) {
        if (INIT(&tmp, VERSION) != REGINT_OK) { regint_py_raise(regint_last_status()); SWIG_fail; }
        if (rpy_from_py($input, (char *)&tmp, FIELDS, &arena) != 0) SWIG_fail;
        $1 = &tmp;
    }
}
%typemap(freearg) const T * { rpy_arena_free(&arena$argnum); }
%enddef

/* A public struct: records out as dicts, input from dicts; no proxy class. */
%define REGINT_STRUCT(T, FIELDS)
%ignore T;
REGINT_RECORD(T, FIELDS)
REGINT_IN(T, FIELDS)
%enddef

/* ---- arrays of numbers ------------------------------------------------------ */

/* Input: (pointer, length) from one Python object. */
%define REGINT_ARRAY_IN(T, KIND, PTR, LEN)
%typemap(in) (const T *PTR, size_t LEN) (void *arena = NULL) {
    static const rpy_field f = {"$symname", KIND, 0, 0, 0, 1, NULL, 0, NULL};
    $1 = (T *)rpy_array_in($input, &f, &$2, &arena);
    if ($1 == NULL) SWIG_fail;
}
%typemap(freearg) (const T *PTR, size_t LEN) { rpy_arena_free(&arena$argnum); }
%enddef

/* Input: (length, pointer) from one Python object. */
%define REGINT_ARRAY_IN_COUNTED(T, KIND, PTR)
%typemap(in) (size_t n, const T *PTR) (void *arena = NULL) {
    static const rpy_field f = {"$symname", KIND, 0, 0, 0, 1, NULL, 0, NULL};
    $2 = ($2_ltype)rpy_array_in($input, &f, &$1, &arena);
    if ($2 == NULL) SWIG_fail;
}
%typemap(freearg) (size_t n, const T *PTR) { rpy_arena_free(&arena$argnum); }
%enddef

/* Input of a length given by earlier arguments (EXPR, in terms of arg1, arg2, ...). */
%define REGINT_ARRAY_IN_N(T, KIND, PTR, EXPR)
%typemap(in) const T *PTR (void *arena = NULL, size_t len = 0) {
    static const rpy_field f = {"$symname", KIND, 0, 0, 0, 1, NULL, 0, NULL};
    $1 = ($1_ltype)rpy_array_in($input, &f, &len, &arena);
    if ($1 == NULL) SWIG_fail;
}
%typemap(check) const T *PTR {   /* after every input, so EXPR is known */
    if (len$argnum != (size_t)(EXPR)) {
        PyErr_Format(PyExc_ValueError, "$symname: $1_name: expected %zu values, got %zu",
                     (size_t)(EXPR), len$argnum);
        SWIG_fail;
    }
}
%typemap(freearg) const T *PTR { rpy_arena_free(&arena$argnum); }
%typemap(argout) const T *PTR "";   /* not the output typemap of a non-const PTR */
%enddef

/* Output array of a length given by earlier arguments: a tuple. */
%define REGINT_ARRAY_OUT_N(T, KIND, PTR, EXPR)
%typemap(in, numinputs=0) T *PTR (void *arena = NULL) { $1 = NULL; }
%typemap(check) T *PTR {   /* after every input, so EXPR is known */
    $1 = ($1_ltype)rpy_alloc(&arena$argnum, (size_t)(EXPR) * sizeof(T));
    if ($1 == NULL) SWIG_fail;
}
%typemap(argout) T *PTR {
    $result = rpy_append($result, rpy_list((const char *)$1, KIND, (size_t)(EXPR)));
    if (!$result) SWIG_fail;
}
%typemap(freearg) T *PTR { rpy_arena_free(&arena$argnum); }
%enddef

/* ---- plain arguments ---------------------------------------------------------- */

/* Integer and text arguments through rpy_integer/rpy_text, so that a message names the
 * argument and its range ("add_population: persons: 10**30 is outside ...") instead of SWIG's
 * "argument 3 of type 'int'", a float is never truncated and a string never cut. A `const
 * char *` argument may be None only where the header documents NULL (rpy_optional_text). */
%typemap(in) int (long long v) {
    if (rpy_integer($input, "$symname: $1_name", INT_MIN, INT_MAX, &v)) SWIG_fail;
    $1 = (int)v;
}
%typemap(in) int64_t (long long v) {
    if (rpy_integer($input, "$symname: $1_name", LLONG_MIN, LLONG_MAX, &v)) SWIG_fail;
    $1 = (int64_t)v;
}
%typemap(in) size_t (long long v) {
    if (rpy_integer($input, "$symname: $1_name", 0, LLONG_MAX, &v)) SWIG_fail;
    $1 = (size_t)v;
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_INTEGER) int, int64_t, size_t {
    $1 = PyLong_Check($input) || PyFloat_Check($input) || PyIndex_Check($input);
}
%{
/* `const char *` parameters the headers document as optional (NULL = a default: a name
 * for messages, the language, "" category, "the section's county", every county). Any
 * other None is a TypeError naming the parameter, not the library's "NULL argument". */
static int rpy_optional_text(const char *param)
{
    static const char *const names[] = {"name", "lang", "category", "fylkesnr", "county", "indicator", "reason",
                                        "scheme_id", NULL};
    const char *const *n;
    for (n = names; *n; n++)
        if (strcmp(*n, param) == 0) return 1;
    return 0;
}
%}
%typemap(in) const char * {
    if ($input == Py_None && rpy_optional_text("$1_name")) $1 = NULL;
    else if (($1 = ($1_ltype)rpy_text($input, "$symname: $1_name")) == NULL) SWIG_fail;
}
%typemap(freearg) const char * "";
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = $input == Py_None || PyUnicode_Check($input);
}
