#include "util/enumname.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"

const char *regint__enum_name(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : "unknown";
}

regint_status regint__enum_from_name(const char *const *names, size_t n, const char *name, int *out,
                                     const char *what)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "%s from name: NULL output", what);
    if (name)
        for (size_t i = 0; i < n; i++)
            if (strcmp(names[i], name) == 0) {
                *out = (int)i;
                return REGINT_OK;
            }
    /* The message lists the known names, so a user sees the fix. */
    char list[512];
    regint__enum_list(names, n, list, sizeof list);
    return regint__error(REGINT_ENOTFOUND, "unknown %s '%.40s' (expected %s)", what, name ? name : "(null)", list);
}

int regint__name_index(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (!strcmp(names[i], name))
            return (int)i;
    return -1;
}

void regint__enum_list(const char *const *names, size_t n, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}
