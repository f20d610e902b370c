/* Deliberately wrong (layout test fixture): only the registry sits directly in lib/. */
#include "regint/common.h"
