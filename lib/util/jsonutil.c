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
#include "util/validate.h"
#include "util/jsonutil.h"
#include "util/enumname.h"

/* ---- The checks cJSON does not make, each with its rule in the message ----------------
 * A scan of the text before cJSON parses it (cJSON says only "malformed", keeps the first
 * of two equal members and rounds numbers silently), tracking the JSON path as it goes:
 *   - nesting deeper than REGINT__JSON_DEPTH_MAX;
 *   - "\u0000" (a C string would end there) and lone UTF-16 surrogates (\ud800 alone);
 *   - a number whose magnitude overflows a double (1e999 would read as inf);
 *   - an integer literal (no fraction, no exponent) beyond 2^53: 9007199254740993 would
 *     silently read as 9007199254740992.
 * Then a walk over the parsed document refuses a member given twice in one object. */

typedef struct scan_level {
    int is_object;
    size_t index;        /* arrays: the element's index */
    const char *key;     /* objects: the current key (raw text between the quotes) */
    size_t key_len;
} scan_level;

/* The JSON path of the value being scanned ("a.b[3].c"), keys as written (escapes kept). */
static void scan_path(char *buf, const scan_level *lv, size_t depth)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t d = 0; d < depth && n + 1 < REGINT__PATH_MAX; d++) {
        int w;
        if (lv[d].is_object) {
            if (!lv[d].key)
                break;
            w = snprintf(buf + n, REGINT__PATH_MAX - n, "%s%.*s", n ? "." : "", (int)(lv[d].key_len > 64 ? 64 : lv[d].key_len),
                         lv[d].key);
        } else {
            w = snprintf(buf + n, REGINT__PATH_MAX - n, "[%zu]", lv[d].index);
        }
        if (w < 0)
            break;
        n += (size_t)w;
        if (n >= REGINT__PATH_MAX)
            n = REGINT__PATH_MAX - 1;
    }
}

static int hexval(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16u;
        if (d > 15)
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

static regint_status scan_error(const char *file, const char *text, size_t off, const scan_level *lv, size_t depth,
                                regint_status st, const char *fmt, ...) REGINT__PRINTF(7, 8);
static regint_status scan_error(const char *file, const char *text, size_t off, const scan_level *lv, size_t depth,
                                regint_status st, const char *fmt, ...)
{
    size_t line, col;
    regint__line_col(text, off, &line, &col);
    char path[REGINT__PATH_MAX], rule[512];
    scan_path(path, lv, depth);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rule, sizeof rule, fmt, ap);
    va_end(ap);
    if (path[0])
        return regint__error(st, "%s: %s (line %zu, column %zu): %s", file, path, line, col, rule);
    return regint__error(st, "%s: line %zu, column %zu: %s", file, line, col, rule);
}

/* Scan a string starting at text[i] == '"'; returns the offset after the closing quote (or
 * len if unterminated: cJSON reports that). Checks \u escapes. */
static regint_status scan_string(const char *file, const char *text, size_t len, size_t *pi, const scan_level *lv,
                                 size_t depth)
{
    size_t i = *pi + 1;
    while (i < len && text[i] != '"') {
        if (text[i] != '\\') {
            i++;
            continue;
        }
        if (i + 1 < len && text[i + 1] == 'u') {
            unsigned u;
            if (i + 6 > len || !hexval(text + i + 2, &u)) {
                i += 2;
                continue; /* cJSON reports the malformed escape */
            }
            if (u == 0)
                return scan_error(file, text, i, lv, depth, REGINT_EPARSE,
                                  "\\u0000 (NUL) in a string is not allowed");
            if (u >= 0xDC00 && u <= 0xDFFF)
                return scan_error(file, text, i, lv, depth, REGINT_EPARSE,
                                  "invalid surrogate: \\u%.4s is a low UTF-16 surrogate without a high one "
                                  "before it",
                                  text + i + 2);
            if (u >= 0xD800 && u <= 0xDBFF) {
                unsigned lo;
                if (!(i + 12 <= len && text[i + 6] == '\\' && text[i + 7] == 'u' && hexval(text + i + 8, &lo) &&
                      lo >= 0xDC00 && lo <= 0xDFFF))
                    return scan_error(file, text, i, lv, depth, REGINT_EPARSE,
                                      "invalid surrogate: \\u%.4s is a high UTF-16 surrogate not followed by a "
                                      "low one (\\udc00-\\udfff)",
                                      text + i + 2);
                i += 12;
                continue;
            }
            i += 6;
            continue;
        }
        i += 2;
    }
    *pi = i < len ? i + 1 : len;
    return REGINT_OK;
}

static regint_status scan_number(const char *file, const char *text, size_t len, size_t *pi, const scan_level *lv,
                                 size_t depth)
{
    size_t i = *pi, start = i;
    int integer = 1;
    while (i < len && ((text[i] >= '0' && text[i] <= '9') || text[i] == '+' || text[i] == '-' || text[i] == '.' ||
                       text[i] == 'e' || text[i] == 'E')) {
        if (text[i] == '.' || text[i] == 'e' || text[i] == 'E')
            integer = 0;
        i++;
    }
    *pi = i;
    size_t n = i - start;
    if (n == 0)
        return REGINT_OK;
    /* A copy to end the literal for strtod; messages show at most its first 40 characters. */
    char small[64], *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return regint__enomem();
    memcpy(buf, text + start, n);
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    char shown[48];
    snprintf(shown, sizeof shown, "%.40s%s", buf, n > 40 ? "..." : "");
    if (buf != small)
        free(buf);
    if (!isfinite(v))
        return scan_error(file, text, start, lv, depth, REGINT_ERANGE,
                          "number %s is out of range: its magnitude is beyond 1.8e308, the largest a double holds",
                          shown);
    /* 2^53 + 1 rounds to 2^53: compare the text too, not only the value. */
    if (integer && (fabs(v) > 9007199254740992.0 ||
                    (fabs(v) == 9007199254740992.0 && strcmp(shown + (shown[0] == '-'), "9007199254740992") != 0)))
        return scan_error(file, text, start, lv, depth, REGINT_ERANGE,
                          "integer %s is beyond 2^53 = 9007199254740992, the largest a JSON number keeps "
                          "exactly",
                          shown);
    return REGINT_OK;
}

static regint_status json_prescan(const char *file, const char *text, size_t len)
{
    scan_level lv[REGINT__JSON_DEPTH_MAX + 1];
    size_t depth = 0;
    int want_key = 0; /* in an object, the next string is a key */
    size_t i = 0;
    regint_status st;
    while (i < len) {
        char c = text[i];
        switch (c) {
        case '{':
        case '[':
            if (depth == REGINT__JSON_DEPTH_MAX)
                return scan_error(file, text, i, lv, depth, REGINT_EPARSE,
                                  "nesting deeper than %d arrays and objects (the depth limit is %d)",
                                  REGINT__JSON_DEPTH_MAX, REGINT__JSON_DEPTH_MAX);
            lv[depth].is_object = c == '{';
            lv[depth].index = 0;
            lv[depth].key = NULL;
            lv[depth].key_len = 0;
            depth++;
            want_key = c == '{';
            i++;
            break;
        case '}':
        case ']':
            if (depth)
                depth--;
            want_key = 0;
            i++;
            break;
        case ',':
            if (depth && !lv[depth - 1].is_object)
                lv[depth - 1].index++;
            want_key = depth && lv[depth - 1].is_object;
            i++;
            break;
        case '"': {
            size_t s0 = i;
            if ((st = scan_string(file, text, len, &i, lv, want_key ? depth - 1 : depth)))
                return st;
            if (want_key && depth) {
                lv[depth - 1].key = text + s0 + 1;
                lv[depth - 1].key_len = i > s0 + 1 ? i - s0 - 2 : 0;
                want_key = 0;
            }
            break;
        }
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                if ((st = scan_number(file, text, len, &i, lv, depth)))
                    return st;
            } else {
                i++;
            }
        }
    }
    return REGINT_OK;
}

static int cmp_member(const void *a, const void *b)
{
    const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
    return strcmp(x->string, y->string);
}

/* Refuse a member given twice in any object of the document (cJSON keeps both and a lookup
 * takes the first: the second would be silently ignored). `path` is the object's path. */
static regint_status no_twice(const char *file, const cJSON *node, char *path)
{
    if (cJSON_IsObject(node)) {
        size_t n = 0;
        for (const cJSON *c = node->child; c; c = c->next)
            n++;
        const cJSON *dup = NULL;
        if (n > 1 && n <= 16) {
            for (const cJSON *a = node->child; a && !dup; a = a->next)
                for (const cJSON *b = a->next; b && !dup; b = b->next)
                    if (strcmp(a->string, b->string) == 0)
                        dup = b;
        } else if (n > 16) {
            const cJSON **v = malloc(n * sizeof *v);
            if (!v)
                return regint__enomem();
            size_t k = 0;
            for (const cJSON *c = node->child; c; c = c->next)
                v[k++] = c;
            qsort(v, n, sizeof *v, cmp_member);
            for (k = 1; k < n && !dup; k++)
                if (strcmp(v[k - 1]->string, v[k]->string) == 0)
                    dup = v[k];
            free(v);
        }
        if (dup) {
            char p[REGINT__PATH_MAX];
            regint__json_path_key(p, path, dup->string);
            return regint__json_error(file, p, REGINT_EPARSE, "member '%.64s' given twice", dup->string);
        }
    }
    size_t i = 0;
    for (const cJSON *c = node->child; c; c = c->next, i++) {
        if (!cJSON_IsObject(c) && !cJSON_IsArray(c))
            continue;
        char sub[REGINT__PATH_MAX];
        if (cJSON_IsObject(node))
            regint__json_path_key(sub, path, c->string);
        else
            regint__json_path_index(sub, path, i);
        regint_status st = no_twice(file, c, sub);
        if (st)
            return st;
    }
    return REGINT_OK;
}

/* The fødselsnummer guard over a whole document (util/validate.h): every string and every
 * member name, so no loader can store one, whatever it keeps. 1 = refused (error set). */
static int personal_walk(const char *file, const cJSON *it, const char *path)
{
    size_t pos, i = 0;
    for (const cJSON *c = it->child; c; c = c->next, i++) {
        char p[REGINT__PATH_MAX];
        if (cJSON_IsObject(it)) {
            if (c->string && regint__text_personal(c->string, &pos)) {
                regint__json_error(file, path, REGINT_EPERSONAL, "member name: " REGINT__FNR_RULE, pos);
                return 1;
            }
            regint__json_path_key(p, path, c->string ? c->string : "");
        } else {
            regint__json_path_index(p, path, i);
        }
        if (cJSON_IsString(c) && regint__text_personal(c->valuestring, &pos)) {
            regint__json_error(file, p, REGINT_EPERSONAL, REGINT__FNR_RULE, pos);
            return 1;
        }
        if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && personal_walk(file, c, p))
            return 1;
    }
    return 0;
}

regint_status regint__json_parse(const char *file, const char *text, size_t len, cJSON **out)
{
    size_t bad;
    if (!regint__utf8_valid(text, len, &bad)) {
        size_t line, col;
        regint__line_col(text, bad, &line, &col);
        return regint__error(REGINT_EPARSE, "%s: line %zu, column %zu: not valid UTF-8", file, line, col);
    }
    regint_status st = json_prescan(file, text, len);
    if (st)
        return st;
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
    char root[REGINT__PATH_MAX] = "";
    if ((st = no_twice(file, doc, root))) {
        cJSON_Delete(doc);
        return st;
    }
    if (personal_walk(file, doc, "")) {
        cJSON_Delete(doc);
        return REGINT_EPERSONAL;
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
    /* A path longer than the buffer is cut (it only names the place in a message), and the
     * cut is shown with "...". Checking the result also tells gcc -O2/-O3 the cut is
     * handled: otherwise -Wformat-truncation fails the Release build (scripts/main.sh). */
    int n = snprintf(buf, REGINT__PATH_MAX, "%s[%zu]", obj_path ? obj_path : "", i);
    if (n >= REGINT__PATH_MAX)
        memcpy(buf + REGINT__PATH_MAX - 4, "...", 4);
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
    double v = it->valuedouble;
    if (floor(v) != v)
        return regint__json_error(file, path, REGINT_EPARSE, "expected an integer, got a fractional number (%g)", v);
    /* Integers beyond 2^53 are refused as literals by the parser; 1e300 or 1e19 written with an
     * exponent are whole numbers too: they are out of the field's range, and the message
     * gives it (never above 2^53, the largest a JSON number keeps exactly). */
    if (max > REGINT__JSON_INT_MAX)
        max = REGINT__JSON_INT_MAX;
    if (min < -REGINT__JSON_INT_MAX)
        min = -REGINT__JSON_INT_MAX;
    if (v < (double)min || v > (double)max) {
        char shown[40];
        if (fabs(v) < 1e17)
            snprintf(shown, sizeof shown, "%.0f", v);
        else
            snprintf(shown, sizeof shown, "%g", v);
        return regint__json_error(file, path, REGINT_ERANGE, "%s is outside [%lld, %lld]", shown, (long long)min,
                                  (long long)max);
    }
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

int regint__json_add_objects(cJSON *obj, const char *key, const void *rows, size_t n, size_t size,
                             regint__json_fill_fn fill)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, key);
    if (!arr) {
        regint__enomem();
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        cJSON *o = regint__json_append_object(arr);
        if (!o || !fill(o, (const char *)rows + i * size))
            return 0;
    }
    return 1;
}

cJSON *regint__json_new_doc(const char *schema)
{
    cJSON *doc = cJSON_CreateObject();
    if (!doc || !regint__json_add_string(doc, "schema", schema)) {
        cJSON_Delete(doc);
        regint__enomem();
        return NULL;
    }
    return doc;
}

regint_status regint__json_finish(cJSON *doc, int ok, char **json)
{
    char *s = ok && doc ? regint__json_print(doc) : NULL;
    cJSON_Delete(doc);
    if (!s)
        return regint__enomem();
    *json = s;
    return REGINT_OK;
}

int regint__json_add_number_or_null(cJSON *obj, const char *key, double value)
{
    if (!isnan(value))
        return regint__json_add_number(obj, key, value);
    if (!cJSON_AddNullToObject(obj, key)) {
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

regint_status regint__json_only(const char *file, const char *path, const cJSON *obj, const char *const *allowed)
{
    if (!cJSON_IsObject(obj))
        return REGINT_OK; /* the typed getters say what is wrong with it */
    for (const cJSON *it = obj->child; it; it = it->next) {
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, it->string) == 0;
        if (ok)
            continue;
        char p[REGINT__PATH_MAX], known[512];
        size_t n = 0;
        known[0] = '\0';
        for (const char *const *a = allowed; *a && n + 1 < sizeof known; a++) {
            int w = snprintf(known + n, sizeof known - n, "%s%s", n ? ", " : "", *a);
            if (w < 0)
                break;
            n += (size_t)w;
        }
        regint__json_path_key(p, path, it->string);
        return regint__json_error(file, p, REGINT_EPARSE, "unknown member '%.64s' (known members: %s)", it->string,
                                  known);
    }
    return REGINT_OK;
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
