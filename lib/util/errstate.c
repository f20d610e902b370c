#include "util/errstate.h"

#include <string.h>

#include "util/internal.h"

void regint__error_save(regint__error_state *s)
{
    const char *m = regint_last_error();
    size_t n = strlen(m);
    if (n >= sizeof s->msg)
        n = sizeof s->msg - 1;
    memcpy(s->msg, m, n);
    s->msg[n] = '\0';
    s->status = regint_last_status();
}

void regint__error_restore(const regint__error_state *s)
{
    if (s->status == REGINT_OK && !s->msg[0])
        regint_clear_error();
    else
        regint__error(s->status, "%s", s->msg);
}
