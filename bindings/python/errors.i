/* errors.i — a non-OK regint_status becomes a Python exception.
 *
 * The exception classes live in the pure-Python package (regint/_errors.py: regint.Error and
 * one subclass per status); here the status and the library's thread-local message
 * (regint_last_error(): file, place, rule) are handed to regint._errors._raise. This is the
 * only place a status is looked at: every wrapped function returning regint_status goes
 * through the typemap below and returns None on REGINT_OK. */

%{
/* Raise the regint.Error subclass of `st` with message `msg`. */
static void regint_py_raise_msg(regint_status st, const char *msg)
{
    PyObject *mod = PyImport_ImportModule("regint._errors");
    PyObject *text = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    if (mod != NULL && text != NULL)
        Py_XDECREF(PyObject_CallMethod(mod, "_raise", "iO", (int)st, text)); /* always raises */
    Py_XDECREF(mod);
    Py_XDECREF(text);
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_RuntimeError, msg);
}

static void regint_py_raise(regint_status st)
{
    regint_py_raise_msg(st, regint_last_error());
}
%}

%typemap(out) regint_status {
    if ($1 != REGINT_OK) {
        regint_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}
