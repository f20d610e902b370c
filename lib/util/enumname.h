/* Names of public enums (issue 13: every public enum has a count, a `_name()` that never
 * returns NULL and a `_from_name()`). Not installed. */
#ifndef REGINT_UTIL_ENUMNAME_H
#define REGINT_UTIL_ENUMNAME_H

#include <stddef.h>

#include "regint/common.h"

/* names[v] for 0 <= v < n, else "unknown" (never NULL). */
const char *regint__enum_name(const char *const *names, size_t n, int v);

/* The index of `name` in names[0..n) (exact, case-sensitive) in *out. Unknown or NULL names
 * give REGINT_ENOTFOUND with the message "unknown <what> '<name>' (expected a, b or c)"; a
 * NULL `out` gives REGINT_EINVAL. */
regint_status regint__enum_from_name(const char *const *names, size_t n, const char *name, int *out,
                                     const char *what);

#endif
