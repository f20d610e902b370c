/* Private: cJSON helpers that give every error its file and JSON path.
 *
 * Paths are written like `municipalities[12].population`. Helpers take the path of the
 * object (`obj_path`, "" for the document root) and the key; messages read
 *   "<file>: <obj_path>.<key>: <rule>". */
#ifndef REGINT_JSONUTIL_H
#define REGINT_JSONUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "regint/common.h"

#include "util/error.h"
#include "util/fileio.h"

/* The deepest nesting of arrays and objects any JSON input may have (cJSON's own limit is
 * 1000; data files need fewer than 10 levels). */
#define REGINT__JSON_DEPTH_MAX 100

/* Parse JSON text (checked for UTF-8 first). EPARSE gives line and column. Refused with the
 * rule named, and the JSON path where there is one: nesting deeper than
 * REGINT__JSON_DEPTH_MAX, "\u0000", a lone UTF-16 surrogate, a number beyond the range of a
 * double (1e999; ERANGE), an integer literal beyond 2^53 (ERANGE), a member given twice. */
regint_status regint__json_parse(const char *file, const char *text, size_t len, cJSON **out);
/* Read and parse a file. */
regint_status regint__json_parse_file(const char *path, cJSON **out);

/* The one shape of every *_load_string over JSON: parse the text (messages name `name`), hand
 * the document to `load`, which builds the object and stores it in *out (on failure it frees
 * what it built), then delete the document. */
typedef regint_status (*regint__json_load_fn)(const cJSON *doc, const char *name, void *out);
regint_status regint__json_load(const char *text, size_t len, const char *name, regint__json_load_fn load,
                                void *out);

/* Define the public `prefix_load_string(text, len, name, type **out)` (NULL name:
 * `default_name`) over a regint__json_load_fn: every JSON object type is loaded from text
 * exactly this way, so it is written once. */
#define REGINT__DEFINE_JSON_LOAD_STRING(prefix, type, default_name, load)                                \
    regint_status prefix##_load_string(const char *text, size_t len, const char *name, type **out)      \
    {                                                                                                  \
        if (!text || !out)                                                                             \
            return regint__error(REGINT_EINVAL, #prefix "_load_string: NULL argument");                \
        return regint__json_load(text, len, name ? name : default_name, load, out);                    \
    }

/* The same and `prefix_load_file(path, type **out)` (a type whose saves check for lost updates
 * uses REGINT__DEFINE_LOAD_FILE_ORIGIN, util/savefile.h, for its load_file instead). */
#define REGINT__DEFINE_JSON_LOADERS(prefix, type, default_name, load)                                    \
    REGINT__DEFINE_JSON_LOAD_STRING(prefix, type, default_name, load)                                    \
    REGINT__DEFINE_LOAD_FILE(prefix##_load_file, type, prefix##_load_string)

/* Build "<obj_path>.<key>" or "<obj_path>[<i>]" into buf (size REGINT__PATH_MAX). */
#define REGINT__PATH_MAX 256
void regint__json_path_key(char *buf, const char *obj_path, const char *key);
void regint__json_path_index(char *buf, const char *obj_path, size_t i);

/* buf (REGINT__PATH_MAX) = "<path>.<key>[<i>]". */
void regint__path_sub_index(char *buf, const char *path, const char *key, size_t i);

/* 2^53: the largest integer a JSON number keeps exactly. */
#define REGINT__JSON_INT_MAX INT64_C(9007199254740992)

/* Set "<file>: <path>: <printf message>" and return st (through regint__error_at; a NULL
 * file reads "<json>", an empty path "(document)"). */
regint_status regint__json_error(const char *file, const char *path, regint_status st,
                                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
regint_status regint__json_verror(const char *file, const char *path, regint_status st, const char *fmt,
                                  va_list ap);
/* Set "<file>: <path>.<field>: <message>" (just <path> when field is NULL); returns st. */
regint_status regint__verr(const char *file, const char *path, const char *field, regint_status st,
                           const char *fmt, ...) REGINT__PRINTF(5, 6);

/* Typed member access. `required` 0 means absent (or null) is allowed: then *out is left
 * as it was and the function returns REGINT_OK with *present (if given) = 0. */
regint_status regint__json_string(const char *file, const char *obj_path, const cJSON *obj,
                                  const char *key, int required, const char **out);
regint_status regint__json_int(const char *file, const char *obj_path, const cJSON *obj,
                               const char *key, int required, int64_t min, int64_t max,
                               int64_t *out);
regint_status regint__json_number(const char *file, const char *obj_path, const cJSON *obj,
                                  const char *key, int required, double *out);
regint_status regint__json_bool(const char *file, const char *obj_path, const cJSON *obj,
                                const char *key, int required, int *out);
/* The array of strings at obj.key as a new array of borrowed pointers (the caller frees the
 * array, not the strings); NULL and 0 when absent and not required. */
regint_status regint__json_strlist(const char *file, const char *obj_path, const cJSON *obj, const char *key,
                                   int required, const char ***out, size_t *n);
/* A string member that must be one of names[0..n) (an enum's names); *out = its index.
 * Otherwise EINVAL "<file>: <obj_path>.<key>: unknown <what> '<value>' (expected a, b or c)". */
regint_status regint__json_enum(const char *file, const char *obj_path, const cJSON *obj, const char *key,
                                int required, const char *const *names, size_t n, const char *what, int *out);
/* Arrays/objects: *out NULL when absent and not required. */
regint_status regint__json_array(const char *file, const char *obj_path, const cJSON *obj,
                                 const char *key, int required, const cJSON **out);
regint_status regint__json_object(const char *file, const char *obj_path, const cJSON *obj,
                                  const char *key, int required, const cJSON **out);

/* Refuse a member of `obj` not in `allowed` (NULL-terminated): EPARSE "<path>.<key>: unknown
 * member '<key>' (known members: ...)", so that a typo or a stray field is not silently
 * dropped on load and lost on save. OK when `obj` is not an object (the getters report it).
 * Members given twice are refused by regint__json_parse for every object. */
regint_status regint__json_only(const char *file, const char *path, const cJSON *obj, const char *const *allowed);

/* Whether a cJSON number is an integer exactly representable (|v| <= 2^53). */
int regint__json_is_int(const cJSON *item);

/* Serialise with cJSON_Print (formatted) and a trailing newline; caller frees with free().
 * NULL (ENOMEM set) on failure. */
char *regint__json_print(const cJSON *doc);

/* cJSON_Add...ToObject that reports ENOMEM: return 0 on failure. */
int regint__json_add_string(cJSON *obj, const char *key, const char *value);
int regint__json_add_number(cJSON *obj, const char *key, double value);
/* A number, or null for NaN (a figure that cannot be computed: no data, a division by zero). */
int regint__json_add_number_or_null(cJSON *obj, const char *key, double value);
/* Optional members: nothing is added for a NULL value (returns 1). */
int regint__json_add_opt_string(cJSON *obj, const char *key, const char *value);
/* An array of the n strings of v at obj.key. */
int regint__json_add_strlist(cJSON *obj, const char *key, const char *const *v, size_t n);
/* The start and the end of every result's _to_json() (written once, issue 13): a new document
 * {"schema": schema} (NULL, ENOMEM set, on failure); then, when every step went well (`ok`:
 * a step that failed set ENOMEM), the printed text in *json (caller frees). The document is
 * deleted in both cases. */
cJSON *regint__json_new_doc(const char *schema);
regint_status regint__json_finish(cJSON *doc, int ok, char **json);
/* obj.key = an array of n objects, the i-th filled by fill(o, row i), row i starting at
 * rows + i * size (the rows of a result); 0 (ENOMEM set when out of memory) when a step fails. */
typedef int (*regint__json_fill_fn)(cJSON *o, const void *row);
int regint__json_add_objects(cJSON *obj, const char *key, const void *rows, size_t n, size_t size,
                             regint__json_fill_fn fill);
/* A new empty object appended to the array `arr`; NULL (ENOMEM set) on failure. */
cJSON *regint__json_append_object(cJSON *arr);

/* In emitters: go to the function's `fail:` label when a step returned 0 or NULL. */
#define REGINT__JSON_TRY(x)                                                                        \
    do {                                                                                           \
        if (!(x))                                                                                  \
            goto fail;                                                                             \
    } while (0)

#endif
