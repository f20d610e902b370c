/* Private: whole-file reading, UTF-8 validation and atomic writing. */
#ifndef REGINT_FILEIO_H
#define REGINT_FILEIO_H

#include <stddef.h>

#include "regint/common.h"

/* Read a whole file; `*data` is NUL-terminated and the caller's (free()). EIO names the
 * path and the system error. */
regint_status regint__read_file(const char *path, char **data, size_t *len);

/* Write `len` bytes to `path` atomically: a temporary file in the same directory, fsync,
 * rename over the target. On failure the target is untouched and no temporary remains. */
regint_status regint__write_atomic(const char *path, const char *data, size_t len);

/* 1 if the bytes are valid UTF-8 (no overlongs, no surrogates); else 0 and `*bad_offset`
 * is the offset of the first bad byte. */
int regint__utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* 1-based line and column of byte `offset` in `s`. */
void regint__line_col(const char *s, size_t offset, size_t *line, size_t *col);

#endif
