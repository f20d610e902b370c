/* Result codes and the thread-local error message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define REGINT__MSG_MAX 1024

static _Thread_local char tl_msg[REGINT__MSG_MAX];
static _Thread_local regint_status tl_status = REGINT_OK;

const char *regint_strerror(regint_status status)
{
    switch (status) {
    case REGINT_OK: return "REGINT_OK: success";
    case REGINT_EINVAL: return "REGINT_EINVAL: invalid argument or value";
    case REGINT_ENOMEM: return "REGINT_ENOMEM: out of memory";
    case REGINT_EIO: return "REGINT_EIO: input/output error";
    case REGINT_EPARSE: return "REGINT_EPARSE: malformed input";
    case REGINT_ENOTFOUND: return "REGINT_ENOTFOUND: not found";
    case REGINT_EINFEASIBLE: return "REGINT_EINFEASIBLE: constraints cannot be met";
    case REGINT_EDUPLICATE: return "REGINT_EDUPLICATE: duplicate identifier";
    case REGINT_EPERSONAL: return "REGINT_EPERSONAL: refused personal data";
    case REGINT_EVERSION: return "REGINT_EVERSION: unsupported schema or version";
    case REGINT_ERANGE: return "REGINT_ERANGE: value out of range";
    case REGINT_ECONFLICT: return "REGINT_ECONFLICT: the file changed since it was loaded";
    }
    return "unknown status";
}

const char *regint_last_error(void) { return tl_msg; }

regint_status regint_last_status(void) { return tl_status; }

void regint_clear_error(void)
{
    tl_msg[0] = '\0';
    tl_status = REGINT_OK;
}

regint_status regint__verror(regint_status st, const char *fmt, va_list ap)
{
    vsnprintf(tl_msg, sizeof tl_msg, fmt, ap);
    tl_status = st;
    return st;
}

regint_status regint__error(regint_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    regint__verror(st, fmt, ap);
    va_end(ap);
    return st;
}

regint_status regint__verror_at(regint_status st, const char *file, const char *place, const char *fmt,
                                va_list ap)
{
    char rule[600];
    vsnprintf(rule, sizeof rule, fmt, ap);
    int f = file && *file, p = place && *place;
    return regint__error(st, "%s%s%s%s%s", f ? file : "", f ? ": " : "", p ? place : "", p ? ": " : "", rule);
}

regint_status regint__error_at(regint_status st, const char *file, const char *place, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    regint__verror_at(st, file, place, fmt, ap);
    va_end(ap);
    return st;
}

regint_status regint__error_prefix(const char *prefix)
{
    char tmp[REGINT__MSG_MAX];
    size_t pl = strlen(prefix);
    if (pl > REGINT__MSG_MAX - 3)
        pl = REGINT__MSG_MAX - 3;
    memcpy(tmp, prefix, pl);
    tmp[pl] = ':';
    tmp[pl + 1] = ' ';
    size_t room = REGINT__MSG_MAX - pl - 3;
    size_t ml = strlen(tl_msg);
    if (ml > room)
        ml = room;
    memcpy(tmp + pl + 2, tl_msg, ml);
    tmp[pl + 2 + ml] = '\0';
    memcpy(tl_msg, tmp, sizeof tl_msg);
    return tl_status;
}

regint_status regint__enomem(void)
{
    return regint__error(REGINT_ENOMEM, "out of memory");
}

void regint_free(void *ptr) { free(ptr); }

void regint__error_save(regint__error_state *s)
{
    _Static_assert(sizeof s->msg == sizeof tl_msg, "the saved message holds a whole stored one");
    memcpy(s->msg, tl_msg, sizeof tl_msg);
    s->status = tl_status;
}

void regint__error_restore(const regint__error_state *s)
{
    memcpy(tl_msg, s->msg, sizeof tl_msg);
    tl_status = s->status;
}
