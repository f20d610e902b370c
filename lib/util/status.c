/* Names of the status codes (regint_status_name/_from_name; regint_strerror() is in error.c). */
#include "regint/common.h"

#include "util/enumname.h"

static const char *const status_names[REGINT_STATUS_COUNT] = {
    "ok", "einval", "enomem", "eio", "eparse", "enotfound", "einfeasible", "eduplicate", "epersonal",
    "eversion", "erange"};

const char *regint_status_name(regint_status status)
{
    return regint__enum_name(status_names, REGINT_STATUS_COUNT, (int)status);
}

regint_status regint_status_from_name(const char *name, regint_status *out)
{
    int v = 0;
    regint_status st = regint__enum_from_name(status_names, REGINT_STATUS_COUNT, name, out ? &v : NULL, "status");
    if (!st)
        *out = (regint_status)v;
    return st;
}
