/* Private helpers shared by the library's modules. Not installed. */
#ifndef REGINT_INTERNAL_H
#define REGINT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "regint/common.h"

#if defined(__GNUC__)
#  define REGINT__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define REGINT__PRINTF(a, b)
#endif

/* Set the thread-local error (status + printf-style message) and return `st`.
 * Convention for messages: "<file>: <place>: <rule>", e.g.
 *   "data.json: municipalities[12].population: expected a non-negative integer"
 *   "kommuner.csv: line 14: column 'folkemengde_2024': expected an integer, got 'abc'" */
regint_status regint__error(regint_status st, const char *fmt, ...) REGINT__PRINTF(2, 3);
regint_status regint__verror(regint_status st, const char *fmt, va_list ap);
/* Prefix the current message with "<prefix>: " (keeps the status). Returns the status. */
regint_status regint__error_prefix(const char *prefix);
/* Shorthand for an out-of-memory error. */
regint_status regint__enomem(void);

/* Copy of a string (NULL gives NULL); sets ENOMEM on failure. */
char *regint__strdup(const char *s);
/* malloc/calloc/realloc that never take 0-size surprises; NULL on overflow or failure. */
void *regint__calloc(size_t n, size_t size);
void *regint__reallocarray(void *p, size_t n, size_t size);

#endif
