/* The growing string of notes and reasons (until util has the one string builder). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/internal.h"
#include "settlement/recommend_internal.h"

void regint__note_printf(regint__note *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    size_t add = (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1;
    if (b->len + add + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 128) + add;
        char *ns = realloc(b->s, nc);
        if (!ns) {
            b->failed = 1;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->len, tmp, add);
    b->len += add;
    b->s[b->len] = '\0';
}

char *regint__note_take(regint__note *b)
{
    if (b->failed) {
        free(b->s);
        return NULL;
    }
    if (!b->s)
        return regint__strdup("");
    return b->s;
}
