/* Run-time version. */
#include "regint/common.h"

const char *regint_version(void) { return REGINT_VERSION_STRING; }

int regint_version_number(void) { return REGINT_VERSION_NUMBER; }
