/* cJSON helpers that give every error its file and JSON path. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "util/jsonutil.h"
#include "util/enumname.h"

regint_status regint__json_parse(const char *file, const char *text, size_t len, cJSON **out)
{
    size_t bad;
    if (!regint__utf8_valid(text, len, &bad)) {
        size_t line, col;
        regint__line_col(text, bad, &line, &col);
        return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: not valid UTF-8", file, line, col);
    }
    /* "\u0000" would end a C string early: cJSON keeps the text before it and the rest of
     * the string would be silently dropped. An escape, if its backslash is not itself escaped. */
    for (size_t i = 0; i + 6 <= len; i++) {
        if (text[i] != '\\' || memcmp(text + i, "\\u0000", 6) != 0)
            continue;
        size_t nb = 0;
        while (nb < i && text[i - 1 - nb] == '\\')
            nb++;
        if (nb % 2 == 0) {
            size_t line, col;
            regint__line_col(text, i, &line, &col);
            return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: \\u0000 (NUL) in a string is not allowed",
                                 file, line, col);
        }
    }
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!doc) {
        size_t off = end ? (size_t)(end - text) : len;
        if (off > len)
            off = len;
        size_t line, col;
        regint__line_col(text, off, &line, &col);
        /* cJSON clamps an error at the end of the input to the last byte. */
        if (off + 1 >= len)
            return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: unexpected end of JSON "
                                 "(truncated file?)", file, line, col);
        return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: malformed JSON", file, line, col);
    }
    /* Only white space may follow the document. */
    if (end) {
        size_t off = (size_t)(end - text);
        while (off < len && (text[off] == ' ' || text[off] == '\n' || text[off] == '\r' || text[off] == '\t'))
            off++;
        if (off < len) {
            size_t line, col;
            regint__line_col(text, off, &line, &col);
            cJSON_Delete(doc);
            return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: text after the JSON document",
                                 file, line, col);
        }
    }
    *out = doc;
    return REGINT_OK;
}

regint_status regint__json_load(const char *text, size_t len, const char *name, regint__json_load_fn load,
                                void *out)
{
    cJSON *doc;
    regint_status st = regint__json_parse(name, text, len, &doc);
    if (st)
        return st;
    st = load(doc, name, out);
    cJSON_Delete(doc);
    return st;
}

static regint_status parse_json(const char *text, size_t len, const char *name, void *out)
{
    return regint__json_parse(name, text, len, out);
}

regint_status regint__json_parse_file(const char *path, cJSON **out)
{
    return regint__parse_file(path, parse_json, out);
}

void regint__json_path_key(char *buf, const char *obj_path, const char *key)
{
    if (!obj_path || !*obj_path)
        snprintf(buf, REGINT__PATH_MAX, "%s", key);
    else
        snprintf(buf, REGINT__PATH_MAX, "%s.%s", obj_path, key);
}

void regint__json_path_index(char *buf, const char *obj_path, size_t i)
{
    snprintf(buf, REGINT__PATH_MAX, "%s[%zu]", obj_path ? obj_path : "", i);
}

regint_status regint__json_verror(const char *file, const char *path, regint_status st, const char *fmt,
                                  va_list ap)
{
    return regint__verror_at(st, file ? file : "<json>", (path && *path) ? path : "(document)", fmt, ap);
}

regint_status regint__json_error(const char *file, const char *path, regint_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    regint__json_verror(file, path, st, fmt, ap);
    va_end(ap);
    return st;
}

/* What a JSON value is, for messages ("expected a string, got a number"). */
static const char *type_name(const cJSON *it)
{
    static const struct {
        cJSON_bool (*is)(const cJSON *);
        const char *name;
    } types[] = {{cJSON_IsNull, "null"},     {cJSON_IsBool, "a boolean"}, {cJSON_IsNumber, "a number"},
                 {cJSON_IsString, "a string"}, {cJSON_IsArray, "an array"}, {cJSON_IsObject, "an object"}};
    if (!it)
        return "nothing";
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].is(it))
            return types[i].name;
    return "an unknown value";
}

/* Fetch a member of the wanted type: 1 = present, 0 = absent (or null) and allowed, -1 = error
 * set: `obj` not an object, "required <want> is missing", or "expected <expect>, got ...". */
static int member(const char *file, const char *obj_path, const cJSON *obj, const char *key, int required,
                  const char *want, cJSON_bool (*is)(const cJSON *), const char *expect, const cJSON **it,
                  char *path)
{
    regint__json_path_key(path, obj_path, key);
    if (!cJSON_IsObject(obj)) {
        regint__json_error(file, obj_path, REGINT_EPARSE, "expected an object, got %s", type_name(obj));
        return -1;
    }
    *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!*it || cJSON_IsNull(*it)) {
        if (required) {
            regint__json_error(file, path, REGINT_EPARSE, "required %s is missing", want);
            return -1;
        }
        return 0;
    }
    if (!is(*it)) {
        regint__json_error(file, path, REGINT_EPARSE, "expected %s, got %s", expect, type_name(*it));
        return -1;
    }
    return 1;
}

static cJSON_bool is_finite_number(const cJSON *it) { return cJSON_IsNumber(it) && isfinite(it->valuedouble); }

int regint__json_is_int(const cJSON *item)
{
    if (!cJSON_IsNumber(item))
        return 0;
    double v = item->valuedouble;
    return isfinite(v) && floor(v) == v && fabs(v) <= 9007199254740992.0;
}

/* The typed getters that only check the type: one definition, so they all behave alike.
 * `value` is what *out receives when the member is present; CLEAR sets *out = NULL when it is
 * absent (arrays and objects), KEEP leaves *out as it was (scalars keep their default). */
#define CLEAR(out) (*(out) = NULL)
#define KEEP(out) ((void)(out))
#define GETTER(fn, ctype, want, is, expect, value, absent)                                       \
    regint_status fn(const char *file, const char *obj_path, const cJSON *obj, const char *key, \
                     int required, ctype *out)                                                  \
    {                                                                                           \
        const cJSON *it;                                                                        \
        char path[REGINT__PATH_MAX];                                                            \
        int r = member(file, obj_path, obj, key, required, want, is, expect, &it, path);        \
        if (r > 0)                                                                              \
            *out = (value);                                                                     \
        else                                                                                    \
            absent(out);                                                                        \
        return r < 0 ? REGINT_EPARSE : REGINT_OK;                                               \
    }

GETTER(regint__json_string, const char *, "string", cJSON_IsString, "a string", it->valuestring, KEEP)
GETTER(regint__json_number, double, "number", is_finite_number, "a number", it->valuedouble, KEEP)
GETTER(regint__json_bool, int, "boolean", cJSON_IsBool, "true or false", cJSON_IsTrue(it) ? 1 : 0, KEEP)
GETTER(regint__json_array, const cJSON *, "array", cJSON_IsArray, "an array", it, CLEAR)
GETTER(regint__json_object, const cJSON *, "object", cJSON_IsObject, "an object", it, CLEAR)

regint_status regint__json_int(const char *file, const char *obj_path, const cJSON *obj,
                               const char *key, int required, int64_t min, int64_t max, int64_t *out)
{
    char path[REGINT__PATH_MAX];
    const cJSON *it;
    int r = member(file, obj_path, obj, key, required, "integer", cJSON_IsNumber, "an integer", &it, path);
    if (r <= 0)
        return r < 0 ? REGINT_EPARSE : REGINT_OK;
    if (!regint__json_is_int(it))
        return regint__json_error(file, path, REGINT_EPARSE, "expected an integer, got a fractional number");
    double v = it->valuedouble;
    if (v < (double)min || v > (double)max)
        return regint__json_error(file, path, REGINT_ERANGE, "%.0f is outside [%lld, %lld]", v,
                                  (long long)min, (long long)max);
    *out = (int64_t)v;
    return REGINT_OK;
}

char *regint__json_print(const cJSON *doc)
{
    char *s = cJSON_Print(doc);
    if (!s) {
        regint__enomem();
        return NULL;
    }
    size_t n = strlen(s);
    char *t = realloc(s, n + 2);
    if (!t) {
        cJSON_free(s);
        regint__enomem();
        return NULL;
    }
    t[n] = '\n';
    t[n + 1] = '\0';
    return t;
}

int regint__json_add_string(cJSON *obj, const char *key, const char *value)
{
    if (!cJSON_AddStringToObject(obj, key, value ? value : "")) {
        regint__enomem();
        return 0;
    }
    return 1;
}

int regint__json_add_number(cJSON *obj, const char *key, double value)
{
    if (!cJSON_AddNumberToObject(obj, key, value)) {
        regint__enomem();
        return 0;
    }
    return 1;
}

void regint__path_sub_index(char *buf, const char *path, const char *key, size_t i)
{
    char tmp[REGINT__PATH_MAX];
    regint__json_path_key(tmp, path, key);
    regint__json_path_index(buf, tmp, i);
}

regint_status regint__verr(const char *file, const char *path, const char *field, regint_status st,
                           const char *fmt, ...)
{
    char p[REGINT__PATH_MAX];
    if (field)
        regint__json_path_key(p, path, field);
    else
        snprintf(p, sizeof p, "%s", path);
    va_list ap;
    va_start(ap, fmt);
    regint__json_verror(file, p, st, fmt, ap);
    va_end(ap);
    return st;
}

int regint__json_add_opt_string(cJSON *obj, const char *key, const char *value)
{
    return !value || regint__json_add_string(obj, key, value);
}

int regint__json_add_strlist(cJSON *obj, const char *key, const char *const *v, size_t n)
{
    cJSON *a = cJSON_AddArrayToObject(obj, key);
    for (size_t i = 0; a && i < n; i++) {
        cJSON *s = cJSON_CreateString(v[i]);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            a = NULL;
        }
    }
    if (!a)
        regint__enomem();
    return a != NULL;
}

cJSON *regint__json_append_object(cJSON *arr)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(arr, o)) {
        cJSON_Delete(o);
        regint__enomem();
        return NULL;
    }
    return o;
}

regint_status regint__json_enum(const char *file, const char *obj_path, const cJSON *obj, const char *key,
                                int required, const char *const *names, size_t n, const char *what, int *out)
{
    const char *s = NULL;
    regint_status st = regint__json_string(file, obj_path, obj, key, required, &s);
    if (st || !s)
        return st;
    int i = regint__name_index(names, n, s);
    if (i < 0) {
        char p[REGINT__PATH_MAX], list[512];
        regint__enum_list(names, n, list, sizeof list);
        regint__json_path_key(p, obj_path, key);
        return regint__json_error(file, p, REGINT_EINVAL, "unknown %s '%.40s' (expected %s)", what, s, list);
    }
    *out = i;
    return REGINT_OK;
}

regint_status regint__json_strlist(const char *file, const char *obj_path, const cJSON *obj, const char *key,
                                   int required, const char ***out, size_t *n)
{
    const cJSON *arr, *it;
    regint_status st = regint__json_array(file, obj_path, obj, key, required, &arr);
    *out = NULL;
    *n = 0;
    if (st)
        return st;
    size_t cnt = arr ? (size_t)cJSON_GetArraySize(arr) : 0, i = 0;
    const char **v = regint__calloc(cnt ? cnt : 1, sizeof *v);
    if (!v)
        return REGINT_ENOMEM;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsString(it)) {
            char ip[REGINT__PATH_MAX];
            regint__path_sub_index(ip, obj_path, key, i);
            free(v);
            return regint__json_error(file, ip, REGINT_EPARSE, "expected a string");
        }
        v[i++] = it->valuestring;
    }
    *out = v;
    *n = cnt;
    return REGINT_OK;
}
