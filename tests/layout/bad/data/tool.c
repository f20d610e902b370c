/* Deliberately wrong (layout test fixture): shipped tools use the public API only. */
#include <regint/regint.h>
#include "util/csv.h"
