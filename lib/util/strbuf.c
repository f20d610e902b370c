/* The growing string builder; see strbuf.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"

/* Room for `add` more bytes and the NUL; 0 (and oom set) if that cannot be had. */
static int grow(regint__sb *b, size_t add)
{
    if (b->oom)
        return 0;
    if (add > (size_t)-1 / 2 - b->n) {
        b->oom = 1;
        return 0;
    }
    if (b->n + add + 1 <= b->cap)
        return 1;
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->n + add + 1)
        nc *= 2;
    char *s = realloc(b->s, nc);
    if (!s) {
        b->oom = 1;
        return 0;
    }
    b->s = s;
    b->cap = nc;
    return 1;
}

void regint__sb_put(regint__sb *b, const char *s, size_t len)
{
    if (!grow(b, len))
        return;
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
}

void regint__sb_puts(regint__sb *b, const char *s) { regint__sb_put(b, s, strlen(s)); }

void regint__sb_vprintf(regint__sb *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int l = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (l < 0) {
        b->oom = 1;
        return;
    }
    if (!grow(b, (size_t)l))
        return;
    vsnprintf(b->s + b->n, (size_t)l + 1, fmt, ap);
    b->n += (size_t)l;
}

void regint__sb_printf(regint__sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    regint__sb_vprintf(b, fmt, ap);
    va_end(ap);
}

void regint__sb_int(regint__sb *b, long long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    regint__sb_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

void regint__sb_escape(regint__sb *b, const char *s)
{
    const char *run = s;
    for (; s && *s; s++) {
        const char *esc;
        switch (*s) {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = "&quot;"; break;
        case '\'': esc = "&#39;"; break;
        default: continue;
        }
        regint__sb_put(b, run, (size_t)(s - run));
        regint__sb_puts(b, esc);
        run = s + 1;
    }
    if (s)
        regint__sb_put(b, run, (size_t)(s - run));
}

void regint__sb_json_string(regint__sb *b, const char *s)
{
    regint__sb_puts(b, "\"");
    const char *run = s;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        regint__sb_put(b, run, (size_t)(s - run));
        if (ch == '"')
            regint__sb_puts(b, "\\\"");
        else if (ch == '\\')
            regint__sb_puts(b, "\\\\");
        else if (ch == '\n')
            regint__sb_puts(b, "\\n");
        else if (ch == '\t')
            regint__sb_puts(b, "\\t");
        else if (ch == '\r')
            regint__sb_puts(b, "\\r");
        else
            regint__sb_printf(b, "\\u%04x", ch);
        run = s + 1;
    }
    regint__sb_put(b, run, (size_t)(s - run));
    regint__sb_puts(b, "\"");
}

void regint__sb_double(regint__sb *b, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        regint__sb_int(b, (long long)v);
        return;
    }
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    regint__sb_puts(b, tmp);
}

char *regint__sb_take(regint__sb *b)
{
    char *s = b->s;
    int oom = b->oom;
    memset(b, 0, sizeof *b);
    if (oom) {
        free(s);
        regint__enomem();
        return NULL;
    }
    return s ? s : regint__strdup("");
}

void regint__sb_free(regint__sb *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}
