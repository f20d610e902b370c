/* Private: setting the thread-local error (status + message) that regint_last_error() reads.
 *
 * Messages name the file, the place in it and the rule broken: "<file>: <place>: <rule>", e.g.
 *   "data.json: municipalities[12].population: expected a non-negative integer"
 *   "kommuner.csv: line 14: column 'folkemengde_2024': expected an integer, got 'abc'"
 * regint__error_at() is the one formatter of that shape; the JSON, CSV and dataset helpers
 * only build the <place> part (jsonutil.h, csv.h, dataset/place.h). */
#ifndef REGINT_ERROR_H
#define REGINT_ERROR_H

#include <stdarg.h>

#include "regint/common.h"

#if defined(__GNUC__)
#  define REGINT__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define REGINT__PRINTF(a, b)
#endif

/* Set the thread-local error (status + printf-style message) and return `st`. */
regint_status regint__error(regint_status st, const char *fmt, ...) REGINT__PRINTF(2, 3);
regint_status regint__verror(regint_status st, const char *fmt, va_list ap);

/* Set "<file>: <place>: <rule>" and return `st`; a NULL or empty file or place is left out
 * together with its ": ". */
regint_status regint__error_at(regint_status st, const char *file, const char *place, const char *fmt, ...)
    REGINT__PRINTF(4, 5);
regint_status regint__verror_at(regint_status st, const char *file, const char *place, const char *fmt,
                                va_list ap);

/* Keep the caller's last error across internal probes. A lookup that the library uses as a
 * probe ("is there a population figure for this year?") sets the thread-local error when it
 * fails; a successful call must not leave that behind, and must not clear an error the caller
 * still wants to read either ("success never clears the last error"). So a function that
 * probes saves the state first and restores it afterwards. */
typedef struct regint__error_state {
    regint_status status;
    char msg[1024]; /* as stored: cut at 1023 bytes */
} regint__error_state;
/* Copy the thread's last error into *s. */
void regint__error_save(regint__error_state *s);
/* Make *s the thread's last error again (clears it if *s holds none). */
void regint__error_restore(const regint__error_state *s);

/* Prefix the current message with "<prefix>: " (keeps the status). Returns the status. */
regint_status regint__error_prefix(const char *prefix);
/* Shorthand for an out-of-memory error. */
regint_status regint__enomem(void);

#endif
