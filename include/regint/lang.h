/**
 * @file lang.h
 * @brief Languages of the texts regint writes for people (letter, county report, reasons).
 *
 * Public because `regint report --lang`, `regint letter --lang` and the Python layer must name
 * a language. The texts themselves stay private: one translation table, lib/util/i18n.c
 * (terms and their sources: docs/glossary.md).
 */
#ifndef REGINT_LANG_H
#define REGINT_LANG_H

#include "regint/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A written language. Norwegian has two written standards; a county writes in one of them. */
typedef enum regint_lang {
    REGINT_LANG_NB = 0, /**< Norwegian bokmål ("nb") */
    REGINT_LANG_NN = 1, /**< Norwegian nynorsk ("nn") */
    REGINT_LANG_EN = 2, /**< English ("en") */
    REGINT_LANG_COUNT   /**< number of languages */
} regint_lang;

/** The BCP 47 code of a language: "nb", "nn" or "en"; "unknown" for a value out of range (never NULL). */
REGINT_API const char *regint_lang_name(regint_lang lang);

/**
 * The language with the code @p name ("nb", "nn" or "en", case-insensitive).
 * @param name  the code (NUL-terminated)
 * @param out   receives the language on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name, with the message
 *         "unknown language 'xx': expected nb (bokmål), nn (nynorsk) or en (English)";
 *         ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_lang_from_name(const char *name, regint_lang *out);

#ifdef __cplusplus
}
#endif

#endif
