/* Private: UTF-8 validation and line/column of a byte offset (for messages). */
#ifndef REGINT_UTF8_H
#define REGINT_UTF8_H

#include <stddef.h>

/* 1 if the bytes are valid UTF-8 (no overlongs, no surrogates); else 0 and `*bad_offset`
 * is the offset of the first bad byte. */
int regint__utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* 1-based line and column of byte `offset` in `s`. */
void regint__line_col(const char *s, size_t offset, size_t *line, size_t *col);

#endif
