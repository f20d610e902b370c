/* Deliberately wrong (layout test fixture): a private include not written relative to lib/,
 * and an engine including another engine. */
#include "settlement_internal.h"
#include "matching/matching_internal.h"
