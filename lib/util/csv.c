/* A small RFC 4180 CSV reader with line numbers and typed field access. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/fileio.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "util/validate.h"

struct regint__csv {
    char *name;
    char *buf;      /* file text, modified in place */
    size_t len;
    size_t pos;     /* next unread byte */
    size_t line;    /* physical line of `pos` */
    size_t row_line;/* line where the current row starts */
    char **fields;
    size_t nfields, cap;
    char **header;
    size_t nheader;
};

/* The fødselsnummer guard (util/validate.h) on every cell of a record, the header included:
 * 1 = clean, -1 = refused (error set, naming the line and the column by number — the header
 * itself may be what holds the number). */
static int personal_row(const regint__csv *c)
{
    size_t pos;
    for (size_t k = 0; k < c->nfields; k++)
        if (regint__text_personal(c->fields[k], &pos)) {
            regint__error(REGINT_EPERSONAL, "%s: line %zu: field %zu: " REGINT__FNR_RULE, c->name, c->row_line,
                          k + 1, pos);
            return -1;
        }
    return 1;
}

/* Parse one record starting at c->pos into c->fields. Returns 1, 0 (EOF), -1 (error). */
static int parse_record(regint__csv *c)
{
    for (;;) { /* skip blank lines */
        if (c->pos >= c->len)
            return 0;
        if (c->buf[c->pos] == '\n') {
            c->pos++;
            c->line++;
            continue;
        }
        if (c->buf[c->pos] == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n') {
            c->pos += 2;
            c->line++;
            continue;
        }
        break;
    }
    c->row_line = c->line;
    c->nfields = 0;
    for (;;) {
        if (c->nfields == c->cap) {
            size_t nc = c->cap ? c->cap * 2 : 16;
            char **nf = regint__reallocarray(c->fields, nc, sizeof *nf);
            if (!nf)
                return -1;
            c->fields = nf;
            c->cap = nc;
        }
        char *out = c->buf + c->pos;
        c->fields[c->nfields++] = out;
        char *w = out;
        if (c->pos < c->len && c->buf[c->pos] == '"') {
            c->pos++;
            for (;;) {
                if (c->pos >= c->len) {
                    regint__error(REGINT_EPARSE, "%s: line %zu: unterminated quoted field", c->name,
                                  c->row_line);
                    return -1;
                }
                char ch = c->buf[c->pos++];
                if (ch == '"') {
                    if (c->pos < c->len && c->buf[c->pos] == '"') {
                        *w++ = '"';
                        c->pos++;
                        continue;
                    }
                    break;
                }
                if (ch == '\n')
                    c->line++;
                *w++ = ch;
            }
            if (c->pos < c->len && c->buf[c->pos] != ',' && c->buf[c->pos] != '\n' &&
                !(c->buf[c->pos] == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')) {
                regint__error(REGINT_EPARSE, "%s: line %zu: text after a closing quote", c->name,
                              c->line);
                return -1;
            }
        } else {
            while (c->pos < c->len && c->buf[c->pos] != ',' && c->buf[c->pos] != '\n' &&
                   !(c->buf[c->pos] == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')) {
                if (c->buf[c->pos] == '"') {
                    regint__error(REGINT_EPARSE, "%s: line %zu: quote inside an unquoted field",
                                  c->name, c->line);
                    return -1;
                }
                *w++ = c->buf[c->pos++];
            }
        }
        /* terminator */
        if (c->pos >= c->len) {
            *w = '\0';
            return personal_row(c);
        }
        char t = c->buf[c->pos];
        if (t == ',') {
            *w = '\0';
            c->pos++;
            continue;
        }
        if (t == '\r')
            c->pos++;
        c->pos++; /* '\n' */
        *w = '\0';
        c->line++;
        return personal_row(c);
    }
}

regint_status regint__csv_open_mem(const char *name, const char *text, size_t len, regint__csv **out)
{
    if (!name)
        name = "<csv>";
    size_t bad;
    if (!regint__utf8_valid(text, len, &bad)) {
        size_t line, col;
        regint__line_col(text, bad, &line, &col);
        return regint__error(REGINT_EPARSE, "%s: line %zu: not valid UTF-8 (byte %zu of the line)",
                             name, line, col);
    }
    /* A NUL would silently cut a field short. */
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        size_t line, col;
        regint__line_col(text, (size_t)(nul - text), &line, &col);
        return regint__error(REGINT_EPARSE, "%s: line %zu: NUL byte (byte %zu of the line)", name, line, col);
    }
    regint__csv *c = regint__calloc(1, sizeof *c);
    if (!c)
        return REGINT_ENOMEM;
    c->name = regint__strdup(name);
    c->buf = malloc(len + 1);
    if (!c->name || !c->buf) {
        regint__csv_close(c);
        return regint__enomem();
    }
    memcpy(c->buf, text, len);
    c->buf[len] = '\0';
    c->len = len;
    c->line = 1;
    if (len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
        c->pos = 3;
    int r = parse_record(c);
    if (r <= 0) {
        if (r == 0)
            regint__error(REGINT_EPARSE, "%s: line 1: empty file, expected a header row", c->name);
        regint__csv_close(c);
        return regint_last_status();
    }
    c->header = c->fields;
    c->nheader = c->nfields;
    c->fields = NULL;
    c->nfields = c->cap = 0;
    /* A column named twice: a lookup would take the first and silently ignore the other.
     * Headers are short (a dozen columns), so the pairwise check costs nothing. */
    for (size_t i = 0; i < c->nheader; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(c->header[i], c->header[j]) == 0) {
                regint__error(REGINT_EPARSE, "%s: line 1: column '%.64s' is named twice (columns %zu and %zu)",
                              c->name, c->header[i], j + 1, i + 1);
                regint__csv_close(c);
                return REGINT_EPARSE;
            }
    *out = c;
    return REGINT_OK;
}

static regint_status parse_csv(const char *text, size_t len, const char *name, void *out)
{
    return regint__csv_open_mem(name, text, len, out);
}

regint_status regint__csv_open(const char *path, regint__csv **out)
{
    return regint__parse_file(path, parse_csv, out);
}

void regint__csv_close(regint__csv *c)
{
    void *owned[] = {c ? c->name : NULL, c ? c->buf : NULL, c ? c->fields : NULL, c ? c->header : NULL, c};
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        free(owned[i]);
}

regint_status regint__csv_each_row(regint__csv *c, const char *const *cols, regint__csv_row_fn fn, void *ctx)
{
    int ix[REGINT__CSV_MAX_COLS];
    size_t n = 0;
    while (cols[n])
        n++;
    if (n > REGINT__CSV_MAX_COLS)
        return regint__error(REGINT_EINVAL, "regint__csv_each_row: more than %d columns", REGINT__CSV_MAX_COLS);
    regint_status st = regint__csv_require(c, cols, ix);
    int r = 0;
    while (!st && (r = regint__csv_next(c)) == 1)
        st = fn(c, ix, ctx);
    return st ? st : r < 0 ? regint_last_status() : REGINT_OK;
}

int regint__csv_col(const regint__csv *c, const char *name)
{
    for (size_t i = 0; i < c->nheader; i++)
        if (strcmp(c->header[i], name) == 0)
            return (int)i;
    return -1;
}

regint_status regint__csv_require(const regint__csv *c, const char *const *names, int *idx)
{
    for (size_t k = 0; names[k]; k++) {
        idx[k] = regint__csv_col(c, names[k]);
        if (idx[k] < 0)
            return regint__error(REGINT_EPARSE, "%s: line 1: missing required column '%s'", c->name,
                                 names[k]);
    }
    return REGINT_OK;
}

int regint__csv_next(regint__csv *c)
{
    int r = parse_record(c);
    if (r == 1 && c->nfields != c->nheader) {
        regint__error(REGINT_EPARSE, "%s: line %zu: expected %zu fields as in the header, got %zu",
                      c->name, c->row_line, c->nheader, c->nfields);
        return -1;
    }
    return r;
}

size_t regint__csv_line(const regint__csv *c) { return c->row_line; }
size_t regint__csv_nfields(const regint__csv *c) { return c->nfields; }
const char *regint__csv_name(const regint__csv *c) { return c->name; }

const char *regint__csv_field(const regint__csv *c, int col)
{
    if (col < 0 || (size_t)col >= c->nfields)
        return "";
    return c->fields[col];
}

const char *regint__csv_header(const regint__csv *c, int col)
{
    if (col < 0 || (size_t)col >= c->nheader)
        return "?";
    return c->header[col];
}

regint_status regint__csv_error(const regint__csv *c, int col, regint_status st, const char *fmt, ...)
{
    char place[512];
    if (col >= 0)
        snprintf(place, sizeof place, "line %zu: column '%s'", c->row_line, regint__csv_header(c, col));
    else
        snprintf(place, sizeof place, "line %zu", c->row_line);
    va_list ap;
    va_start(ap, fmt);
    regint__verror_at(st, c->name, place, fmt, ap);
    va_end(ap);
    return st;
}

regint_status regint__csv_int(const regint__csv *c, int col, int64_t min, int64_t max, int64_t *out)
{
    const char *s = regint__csv_field(c, col);
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno == ERANGE || isspace((unsigned char)*s))
        return regint__csv_error(c, col, REGINT_EPARSE, "expected an integer, got '%s'", s);
    if (v < min || v > max)
        return regint__csv_error(c, col, REGINT_ERANGE, "%lld is outside [%lld, %lld]", v,
                                 (long long)min, (long long)max);
    *out = (int64_t)v;
    return REGINT_OK;
}

regint_status regint__csv_double(const regint__csv *c, int col, double *out)
{
    const char *s = regint__csv_field(c, col);
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    /* decimal only: strtod would also take " 12", hexadecimal "0x1A" and "1p3" */
    if (!*s || *end || errno == ERANGE || !isfinite(v) || isspace((unsigned char)*s) || strpbrk(s, "xXpP"))
        return regint__csv_error(c, col, REGINT_EPARSE, "expected a number, got '%s'", s);
    *out = v;
    return REGINT_OK;
}
