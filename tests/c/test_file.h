/* A whole file for a test's own comparisons, through the library's one reader
 * (regint__read_file: regular files only, NUL-terminated, the caller's free()). */
#ifndef REGINT_TEST_FILE_H
#define REGINT_TEST_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "util/fileio.h"

/* The file's text, or NULL on any error; *len (may be NULL) its length. */
static inline char *test_slurp(const char *path, size_t *len)
{
    char *s = NULL;
    size_t n = 0;
    if (regint__read_file(path, &s, &n) != REGINT_OK)
        return NULL;
    if (len)
        *len = n;
    return s;
}

/* Write `text` to `path` for a test (asserts that the file opened). */
#define TEST_WRITE_TEXT(path, text)                                                            \
    do {                                                                                       \
        FILE *test_f_ = fopen((path), "wb");                                                   \
        CU_ASSERT_PTR_NOT_NULL_FATAL(test_f_);                                                 \
        fputs((text), test_f_);                                                                \
        fclose(test_f_);                                                                       \
    } while (0)

#endif
