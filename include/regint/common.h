/**
 * @file common.h
 * @brief Export macro, result codes and the error model shared by every regint module.
 *
 * Every function that can fail returns a ::regint_status. On failure it also sets a
 * thread-local message, read with regint_last_error(), that names the file, the place
 * (JSON path such as `municipalities[12].population` or CSV line) and the rule broken.
 * A successful call does not clear the message; check the status, not the message.
 */
#ifndef REGINT_COMMON_H
#define REGINT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "regint/version.h"

#ifndef REGINT_API
#  if defined(REGINT_STATIC) || defined(SWIG)
#    define REGINT_API
#  elif defined(REGINT_BUILDING) && defined(__GNUC__)
#    define REGINT_API __attribute__((visibility("default")))
#  else
#    define REGINT_API
#  endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Result codes. A closed set: new codes are only ever appended.
 */
typedef enum regint_status {
    REGINT_OK = 0,            /**< success */
    REGINT_EINVAL = 1,        /**< an argument or a value breaks a rule */
    REGINT_ENOMEM = 2,        /**< out of memory */
    REGINT_EIO = 3,           /**< a file could not be read or written */
    REGINT_EPARSE = 4,        /**< a file is not well-formed JSON/CSV/UTF-8 */
    REGINT_ENOTFOUND = 5,     /**< a code, id or key does not exist */
    REGINT_EINFEASIBLE = 6,   /**< constraints (bounds, capacities) cannot all hold */
    REGINT_EDUPLICATE = 7,    /**< an identifier occurs twice */
    REGINT_EPERSONAL = 8,     /**< refused: looks like personal data (a fødselsnummer) */
    REGINT_EVERSION = 9,      /**< unknown schema, schema version or options-struct version */
    REGINT_ERANGE = 10,       /**< a number is out of its allowed range or overflows */
    REGINT_ECONFLICT = 11     /**< a save refused: the file changed on disk since it was loaded
                                   (another program saved it); reload, or save with force */
} regint_status;
/** Number of values of ::regint_status (they are 0 .. REGINT_STATUS_COUNT - 1). */
#define REGINT_STATUS_COUNT 12
/**
 * The stable name of a value: "ok", "einval", "enomem", "eio", "eparse", "enotfound", "einfeasible", "eduplicate", "epersonal", "eversion", "erange", "econflict".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_status_name(regint_status v);
/**
 * The value with the given name (as regint_status_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_status_from_name(const char *name, regint_status *out);

/**
 * The name and meaning of a status code, e.g. "REGINT_EINVAL: invalid argument".
 * @param status  any value, including ones outside the enum
 * @return a static string, never NULL (unknown codes give "unknown status").
 */
REGINT_API const char *regint_strerror(regint_status status);

/**
 * The message of the last failed call on this thread, with its context
 * (for example `data.json: municipalities[12].population: expected a non-negative integer`).
 * @return a thread-local string valid until the next failing regint call on this thread;
 *         "" if no call has failed yet.
 */
REGINT_API const char *regint_last_error(void);

/** The status of the last failed call on this thread (REGINT_OK if none failed yet). */
REGINT_API regint_status regint_last_status(void);

/** Forget the last error on this thread. */
REGINT_API void regint_clear_error(void);

/** The run-time version string, "MAJOR.MINOR.PATCH"; compare with ::REGINT_VERSION_STRING. */
REGINT_API const char *regint_version(void);

/** The run-time version as MAJOR*10000 + MINOR*100 + PATCH. */
REGINT_API int regint_version_number(void);

/**
 * Free memory that a regint function handed to the caller as its own
 * (documented as "free with regint_free"). NULL is allowed.
 * @param ptr  the pointer handed out, or NULL
 */
REGINT_API void regint_free(void *ptr);

/**
 * The largest file, in bytes, that any loader reads (datasets, CSV, JSON-stat, profiles,
 * plans, matching instances): 256 MiB, about 45 times the full default dataset. A larger
 * file is refused with ::REGINT_ERANGE naming the size and the limit. The environment
 * variable `REGINT_MAX_FILE_SIZE` (bytes, or with a suffix `k`, `M` or `G`) sets another
 * limit; it is read at each load. Loaders read regular files only: a FIFO, a device (also
 * through a symlink, e.g. to /dev/zero), a socket or a directory is refused with
 * ::REGINT_EIO and the message says what the path is.
 */
#define REGINT_MAX_FILE_SIZE_DEFAULT (256u * 1024u * 1024u)

#ifdef __cplusplus
}
#endif
#endif
