/* Keep the caller's last error across internal probes (issue 13). A lookup that the library
 * uses as a probe ("is there a population figure for this year?") sets the thread-local error
 * when it fails; a successful call must not leave that behind, and must not clear an error the
 * caller still wants to read either ("success never clears the last error"). So a function that
 * probes saves the state first and restores it where it used to call regint_clear_error(). */
#ifndef REGINT_UTIL_ERRSTATE_H
#define REGINT_UTIL_ERRSTATE_H

#include "regint/common.h"

/* The thread's last status and message (the message is cut at 1023 bytes, as it is stored). */
typedef struct regint__error_state {
    regint_status status;
    char msg[1024];
} regint__error_state;

/* Copy the thread's last error into *s. */
void regint__error_save(regint__error_state *s);
/* Make *s the thread's last error again (clears it if *s holds none). */
void regint__error_restore(const regint__error_state *s);

#endif
