/* Looking up enum names in their tables; see names.h. */
#include <string.h>

#include "util/error.h"
#include "util/names.h"

const char *regint__enum_name(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : "";
}

int regint__name_index(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (!strcmp(names[i], name))
            return (int)i;
    return -1;
}

regint_status regint__name_lookup(const char *const *names, size_t n, const char *name, int *out,
                                  const char *what)
{
    int i = regint__name_index(names, n, name);
    if (i < 0)
        return regint__error(REGINT_ENOTFOUND, "unknown %s '%s'", what, name ? name : "(null)");
    *out = i;
    return REGINT_OK;
}
