/* The `regint_<x>_options_init()` functions of every public options struct (issue 13; the
 * pattern is libgit2's git_checkout_options_init()). They live together at the top, beside the
 * section registry, because each is the same three lines: the shared version check, then the
 * struct's _INIT macro. One place makes it plain that every options struct follows the
 * pattern; the `api` test checks that each struct has one. */
#include <stddef.h>
#include <string.h>

#include "regint/regint.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/options.h"

/* The struct's _INIT macro is the variadic tail (its commas split it into several arguments,
 * which __VA_ARGS__ puts back together). A caller compiled against an older version gets that
 * version's defaults: members are only ever appended, so the current initialiser is a superset
 * of them; `size` is the number of bytes of the caller's version (an expression of `version`),
 * so an older caller's smaller struct is not written past its end. */
#define REGINT__OPTIONS_INIT_FN_SIZED(type, version_macro, size, ...)                                \
    regint_status type##_init(type *opts, int version)                                           \
    {                                                                                            \
        if (!opts)                                                                               \
            return regint__error(REGINT_EINVAL, #type "_init: NULL options");                    \
        regint_status st = regint__check_options_version(version, version_macro, #type "_init"); \
        if (st)                                                                                  \
            return st;                                                                           \
        const type defaults = __VA_ARGS__;                                                       \
        memcpy(opts, &defaults, (size));                                                         \
        opts->version = version;                                                                 \
        return REGINT_OK;                                                                        \
    }
/* A struct still at version 1: every caller's struct is the whole struct. */
#define REGINT__OPTIONS_INIT_FN(type, version_macro, init) \
    REGINT__OPTIONS_INIT_FN_SIZED(type, version_macro, sizeof(type), init)

REGINT__OPTIONS_INIT_FN(regint_apportion_options, REGINT_APPORTION_OPTIONS_VERSION, REGINT_APPORTION_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_settlement_recommend_options, REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION,
                        REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_settlement_backtest_options, REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION,
                        REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_match_options, REGINT_MATCH_OPTIONS_VERSION, REGINT_MATCH_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_kb_find_options, REGINT_KB_FIND_OPTIONS_VERSION, REGINT_KB_FIND_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_kb_jsonstat_options, REGINT_KB_JSONSTAT_OPTIONS_VERSION, REGINT_KB_JSONSTAT_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN_SIZED(regint_report_options, REGINT_REPORT_OPTIONS_VERSION,
                              version == 1 ? offsetof(regint_report_options, lang) : sizeof(regint_report_options),
                              REGINT_REPORT_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_grants_allocate_options, REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION,
                        REGINT_GRANTS_ALLOCATE_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_guidance_options, REGINT_GUIDANCE_OPTIONS_VERSION, REGINT_GUIDANCE_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_dataset_find_options, REGINT_DATASET_FIND_OPTIONS_VERSION,
                        REGINT_DATASET_FIND_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN(regint_dataset_save_options, REGINT_DATASET_SAVE_OPTIONS_VERSION,
                        REGINT_DATASET_SAVE_OPTIONS_INIT)
REGINT__OPTIONS_INIT_FN_SIZED(regint_letter_options, REGINT_LETTER_OPTIONS_VERSION,
                              version == 1 ? offsetof(regint_letter_options, allocation) : sizeof(regint_letter_options),
                              REGINT_LETTER_OPTIONS_INIT)
