#include "util/options.h"

#include "util/alloc.h"
#include "util/error.h"

regint_status regint__check_options_version(int version, int max, const char *fn)
{
    if (version >= 1 && version <= max)
        return REGINT_OK;
    return regint__error(REGINT_EVERSION,
                         "%s: options version %d is not supported (this build knows 1..%d); "
                         "initialise the options with the _INIT macro or the _options_init() function",
                         fn, version, max);
}
