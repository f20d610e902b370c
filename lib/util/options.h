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

/* The prologue of every options-taking public function (issue 13: it was written out in each
 * one): NULL options mean `defaults` (a `static const` value built with the struct's _INIT
 * macro), then the one version check; a bad version returns its status from the calling
 * function, like libgit2's GIT_ERROR_CHECK_VERSION. `opt` must be an assignable
 * `const T *` variable. */
#define REGINT__OPTIONS_RESOLVE(opt, defaults, max, fn)                                           \
    do {                                                                                         \
        if (!(opt))                                                                              \
            (opt) = &(defaults);                                                                 \
        regint_status regint__options_st = regint__check_options_version((opt)->version, (max), (fn)); \
        if (regint__options_st)                                                                  \
            return regint__options_st;                                                           \
    } while (0)

#endif
