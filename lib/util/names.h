/* Private: names of enum values as written in files and on the command line.
 *
 * An enum's names are a table indexed by the value; these helpers look a name up in it. */
#ifndef REGINT_NAMES_H
#define REGINT_NAMES_H

#include <stddef.h>

#include "regint/common.h"

/* Number of elements of a static array. */
#define REGINT__NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* names[v], or "" when v is outside 0..n-1. */
const char *regint__enum_name(const char *const *names, size_t n, int v);
/* Index of `name` in names[0..n-1], -1 if absent or NULL. Sets no error (a probe). */
int regint__name_index(const char *const *names, size_t n, const char *name);
/* The same, as a lookup that fails: ENOTFOUND "unknown <what> '<name>'". */
regint_status regint__name_lookup(const char *const *names, size_t n, const char *name, int *out,
                                  const char *what);

#endif
