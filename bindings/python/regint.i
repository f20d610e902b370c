/* regint.i — the SWIG module regint.regint_core (private; the package regint on top of it
 * gives the Pythonic surface: DataFrames, keyword arguments, exception classes).
 *
 * One .i per public header, each %including the real header: the .i files only say how
 * values cross (typemaps.i) and how a status becomes an exception (errors.i); they hold
 * no rule, no copied prototype and no copied table. */
%module(package="regint", threads="1") regint_core

%{
#include <regint/regint.h>
%}

%include <stdint.i>
%include "errors.i"
%include "typemaps.i"

%include "common.i"
%include "validate.i"
%include "dataset.i"
%include "apportion.i"
%include "settlement.i"
%include "match.i"
%include "kb.i"
%include "plan.i"
%include "report.i"
%include "letter.i"
%include "grants.i"
%include "collaboration.i"
%include "guidance.i"
