/**
 * @file widget.h
 * @brief A deliberately WRONG public header: every API rule is broken here once, so that the
 *        `api_bad_header` test can show that check_api.py reports each rule (tests/api.cmake).
 *        Not installed, not compiled.
 */
#ifndef REGINT_WIDGET_H
#define REGINT_WIDGET_H

#include "regint/common.h"

/* [public-prefix] a macro and a type without the regint_ prefix */
#define WIDGET_MAX 10
typedef struct gadget_t { int x; } gadget_t;

/* [handle-free] an opaque handle without regint_widget_free; [t-plain] an opaque _t */
typedef struct regint_widget regint_widget;
typedef struct regint_widget_blob_t regint_widget_blob_t;

/* [prefix] a function whose prefix is not the header name */
REGINT_API regint_status regint_gizmo_new(regint_widget **out);

/* [t-plain] a heap result named _t and freed; [free-pairs] no NULL promise in the doc */
typedef struct regint_widget_list_t { size_t n; int *items; } regint_widget_list_t;
/** Free a list. */
REGINT_API void regint_widget_list_free(regint_widget_list_t *l);

/* [result-free] a _result without _result_free */
typedef struct regint_widget_stats_result { double mean; } regint_widget_stats_result;

/* [free-pairs] frees a type that does not exist */
/** Free it. NULL is allowed. */
REGINT_API void regint_widget_thing_free(void *p);

/* [options] version not first, INIT with a literal version, no _init();
 * [versioned] a versioned struct that is not called _options */
typedef struct regint_widget_options { double scale; int version; } regint_widget_options;
#define REGINT_WIDGET_OPTIONS_VERSION 1
#define REGINT_WIDGET_OPTIONS_INIT { 1.0, 1 }
typedef struct regint_widget_query { int version; int level; } regint_widget_query;

/* [enum] no count, no _from_name, a _name that may return NULL */
typedef enum regint_widget_colour { REGINT_WIDGET_RED = 0, REGINT_WIDGET_BLUE = 1 } regint_widget_colour;
/** The name; NULL if out of range. */
REGINT_API const char *regint_widget_colour_name(regint_widget_colour c);

/* [parser] (name, text, len, out) instead of (text, len, name, out) */
REGINT_API regint_status regint_widget_load_string(const char *name, const char *text, size_t len,
                                                   regint_widget **out);

/* [out-last] an input after an out-parameter */
REGINT_API regint_status regint_widget_size(const regint_widget *w, size_t *out, int unit);

/* [options] options without a word on NULL */
/** Paint the widget. */
REGINT_API regint_status regint_widget_paint(const regint_widget *w, const regint_widget_options *opt);

/* [const-query] a query through a non-const handle */
REGINT_API int regint_widget_count(regint_widget *w);

#endif
