/* Private: the library's one growing string builder (JSON saving, recommendation notes,
 * report text and SVG charts all write into it).
 *
 * A zero-initialised regint__sb is an empty builder. Appends never fail loudly: the first
 * allocation failure sets `oom` and every later append is ignored, so a caller writes a whole
 * document and checks once at the end (regint__sb_take() reports ENOMEM). */
#ifndef REGINT_STRBUF_H
#define REGINT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util/error.h"

typedef struct regint__sb {
    char *s;       /* NUL-terminated text, NULL while nothing was appended */
    size_t n, cap; /* length (without the NUL) and allocated size */
    int oom;       /* set once an allocation failed; later appends are ignored */
} regint__sb;

/* Append `len` bytes of `s`. */
void regint__sb_put(regint__sb *b, const char *s, size_t len);
/* Append a NUL-terminated string. */
void regint__sb_puts(regint__sb *b, const char *s);
/* Append printf-formatted text (any length). */
void regint__sb_printf(regint__sb *b, const char *fmt, ...) REGINT__PRINTF(2, 3);
void regint__sb_vprintf(regint__sb *b, const char *fmt, va_list ap);
/* Append an integer in decimal (faster than printf for the large JSON tables). */
void regint__sb_int(regint__sb *b, long long v);
/* Append text escaped for HTML/XML (& < > " '). */
void regint__sb_escape(regint__sb *b, const char *s);
/* Append a JSON string literal: quotes added; UTF-8 passes through; quote, backslash and
 * control characters escaped. */
void regint__sb_json_string(regint__sb *b, const char *s);
/* Append a double as the shortest of %.15g/%.16g/%.17g that reads back to the same value
 * (integral values below 1e15 as integers). */
void regint__sb_double(regint__sb *b, double v);

/* Hand over the text (the caller frees it; "" when nothing was appended) and reset the
 * builder. After an allocation failure: frees the text, sets ENOMEM, returns NULL. */
char *regint__sb_take(regint__sb *b);
/* Free the text and reset the builder. */
void regint__sb_free(regint__sb *b);

#endif
