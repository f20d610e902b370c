/* Private: every *_load_file is the matching *_load_string (or parse) of the file's text. */
#ifndef REGINT_LOADFILE_H
#define REGINT_LOADFILE_H

#include <stddef.h>

#include "regint/common.h"

/* A parser of text in memory: (text, len, name used in messages, out). `out` is the
 * parser's own out-parameter (e.g. a regint_plan **), passed through unchanged. */
typedef regint_status (*regint__text_parser)(const char *text, size_t len, const char *name, void *out);

/* Read the whole file at `path` and parse it with `parse`, naming the file in messages. */
regint_status regint__load_file(const char *path, regint__text_parser parse, void *out);

#endif
