/* Names of public enums (issue 13: every public enum has a count, a `_name()` that never
 * returns NULL and a `_from_name()`). Not installed. */
#ifndef REGINT_UTIL_ENUMNAME_H
#define REGINT_UTIL_ENUMNAME_H

#include <stddef.h>

#include "regint/common.h"

#include "util/error.h"

/* names[v] for 0 <= v < n, else "unknown" (never NULL). */
const char *regint__enum_name(const char *const *names, size_t n, int v);

/* The index of `name` in names[0..n) (exact, case-sensitive) in *out. Unknown or NULL names
 * give REGINT_ENOTFOUND with the message "unknown <what> '<name>' (expected a, b or c)"; a
 * NULL `out` gives REGINT_EINVAL. */
regint_status regint__enum_from_name(const char *const *names, size_t n, const char *name, int *out,
                                     const char *what);

/* "a, b or c" from names[0..n) into buf (truncated to size): the list in "expected ..." messages. */
void regint__enum_list(const char *const *names, size_t n, char *buf, size_t size);

/* Index of `name` in names[0..n-1], -1 if absent or NULL. Sets no error (a probe). */
int regint__name_index(const char *const *names, size_t n, const char *name);

/* Define <prefix>_name() and <prefix>_from_name() of an enum from its table of n names:
 * the name is never NULL ("unknown" out of range); from a name, ENOTFOUND listing the names
 * and EINVAL for a NULL `out`. One definition, so every enum behaves alike:
 *     REGINT__ENUM_NAMES(regint_status, regint_status, status_names, REGINT_STATUS_COUNT, "status") */
#define REGINT__ENUM_NAMES(prefix, type, table, n, what)                                        \
    const char *prefix##_name(type v) { return regint__enum_name(table, (n), (int)v); }         \
    regint_status prefix##_from_name(const char *name, type *out)                               \
    {                                                                                           \
        int v_ = 0;                                                                             \
        if (!out)                                                                               \
            return regint__error(REGINT_EINVAL, what " from name: NULL output");               \
        regint_status st_ = regint__enum_from_name(table, (n), name, &v_, what);                \
        if (!st_)                                                                               \
            *out = (type)v_;                                                                    \
        return st_;                                                                             \
    }

/* Number of elements of a static array (a names table). */
#define REGINT__NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
