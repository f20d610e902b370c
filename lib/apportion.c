/* Apportionment (stub while the implementation lands; see include/regint/apportion.h). */
#include "regint/apportion.h"

#include "internal.h"

regint_status regint_apportion(const int64_t *weights, size_t n, int64_t total,
                               const regint_apportion_options *opt, int64_t *seats)
{
    (void)weights; (void)n; (void)total; (void)opt; (void)seats;
    return regint__error(REGINT_EINVAL, "regint_apportion: not implemented yet");
}

const char *regint_apportion_method_name(regint_apportion_method m)
{
    (void)m;
    return NULL;
}

regint_status regint_apportion_method_from_name(const char *name, regint_apportion_method *out)
{
    (void)name; (void)out;
    return regint__error(REGINT_EINVAL, "regint_apportion_method_from_name: not implemented yet");
}
