/* The one check of an options struct's version (issue 13: it was written nine times with four
 * messages). Not installed. */
#ifndef REGINT_UTIL_OPTIONS_H
#define REGINT_UTIL_OPTIONS_H

#include "regint/common.h"

/* REGINT_OK when 1 <= version <= max (the current version of that struct: fields are only
 * appended, so older callers stay valid). Otherwise sets the error
 *   "<fn>: options version <v> is not supported (this build knows 1..<max>); initialise the
 *    options with the _INIT macro or <fn>'s _options_init()"
 * and returns REGINT_EVERSION. `fn` is the public function checked, e.g. "regint_match". */
regint_status regint__check_options_version(int version, int max, const char *fn);

#endif
