/* Names of the status codes (regint_status_name/_from_name; regint_strerror() is in error.c). */
#include "regint/common.h"

#include "util/enumname.h"
#include "util/error.h"

static const char *const status_names[REGINT_STATUS_COUNT] = {
    "ok", "einval", "enomem", "eio", "eparse", "enotfound", "einfeasible", "eduplicate", "epersonal",
    "eversion", "erange", "econflict"};

REGINT__ENUM_NAMES(regint_status, regint_status, status_names, REGINT_STATUS_COUNT, "status")
