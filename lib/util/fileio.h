/* Private: whole-file reading and atomic writing. */
#ifndef REGINT_FILEIO_H
#define REGINT_FILEIO_H

#include <stddef.h>

#include "regint/common.h"

#include "util/error.h"

/* Read a whole regular file of at most regint__max_file_size() bytes; `*data` is
 * NUL-terminated and the caller's (free()). EIO names the path and the system error, or
 * what the path is when it is not a regular file (FIFO, device, directory); ERANGE names the
 * size and the limit. */
/* The largest file regint__read_file reads (REGINT_MAX_FILE_SIZE_DEFAULT, or the environment
 * variable REGINT_MAX_FILE_SIZE); EINVAL names the variable when it is malformed. */
regint_status regint__max_file_size(size_t *out);
regint_status regint__read_file(const char *path, char **data, size_t *len);

/* The one shape of every *_load_file: read the whole file, then hand its text to `parse`
 * (text, len, name = path, out), a small adapter to the format's *_load_string. */
typedef regint_status (*regint__parse_fn)(const char *text, size_t len, const char *name, void *out);
regint_status regint__parse_file(const char *path, regint__parse_fn parse, void *out);

/* `static fn_text_`: a regint__parse_fn that calls `load_string` (text, len, name, out). */
#define REGINT__LOAD_TEXT_ADAPTER(fn, load_string)                                               \
    static regint_status fn##_text_(const char *text, size_t len, const char *name, void *out)  \
    {                                                                                          \
        return load_string(text, len, name, out);                                              \
    }

/* Define the public `regint_status fn(const char *path, type **out)` as `load_string`
 * (text, len, name, out) over the file's text, with the NULL-argument check (on failure *out
 * is as load_string leaves it): every *_load_file is exactly this, so it is written once. */
#define REGINT__DEFINE_LOAD_FILE(fn, type, load_string)                                          \
    REGINT__LOAD_TEXT_ADAPTER(fn, load_string)                                                 \
    regint_status fn(const char *path, type **out)                                             \
    {                                                                                          \
        if (!path || !out)                                                                     \
            return regint__error(REGINT_EINVAL, #fn ": NULL argument");                        \
        return regint__parse_file(path, fn##_text_, out);                                      \
    }

/* Write `len` bytes to `path` atomically: a temporary file in the same directory, fsync,
 * rename over the target. On failure the target is untouched and no temporary remains. */
regint_status regint__write_atomic(const char *path, const char *data, size_t len);

/* The one shape of every *_save_file: write the text a *_to_string made atomically, then
 * free it (free()). */
regint_status regint__write_string_atomic(const char *path, char *text);

#endif
