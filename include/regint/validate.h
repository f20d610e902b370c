/**
 * @file validate.h
 * @brief Validators for Norwegian identifiers: kommunenummer, fylkesnummer,
 *        organisasjonsnummer, and the guard against fødselsnummer (personal data).
 *
 * The library handles pseudonymous identifiers only. Any identifier field (case id,
 * application id, contact reference, ...) is passed through regint_validate_identifier(),
 * which refuses a value that looks like a fødselsnummer (or D-number): 11 digits whose two
 * modulus-11 control digits are valid, possibly written with a space, dash or dot after the
 * 6-digit date part.
 */
#ifndef REGINT_VALIDATE_H
#define REGINT_VALIDATE_H

#include "regint/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** 1 if @p s is exactly four ASCII digits (a kommunenummer in form), else 0. NULL gives 0.
 *  @param s  the string to test (NUL-terminated), or NULL
 *  @return 1 or 0 */
REGINT_API int regint_validate_kommunenr_format(const char *s);

/** 1 if @p s is exactly two ASCII digits (a fylkesnummer in form), else 0. NULL gives 0.
 *  @param s  the string to test (NUL-terminated), or NULL
 *  @return 1 or 0 */
REGINT_API int regint_validate_fylkesnr_format(const char *s);

/**
 * 1 if @p s is a valid organisasjonsnummer: nine digits (spaces allowed between groups are
 * NOT accepted: pass the bare digits) whose last digit is the modulus-11 check digit with
 * weights 3 2 7 6 5 4 3 2 (remainder 1 means no valid number). Else 0.
 * @param s  the string to test (NUL-terminated), or NULL (gives 0)
 * @return 1 or 0
 */
REGINT_API int regint_validate_orgnr(const char *s);

/**
 * 1 if @p s looks like a Norwegian national identity number (fødselsnummer, D- or
 * H-number): after removing one optional separator (space, '-' or '.') between the date
 * and the personal part, 11 digits whose control digits k1 (weights 3 7 6 1 8 9 4 5 2) and
 * k2 (weights 5 4 3 2 7 6 5 4 3 2) are valid. The date itself is not checked, so
 * synthetic and D-numbers are caught too. Else 0.
 * @param s  the string to test (NUL-terminated), or NULL (gives 0)
 * @return 1 or 0
 */
REGINT_API int regint_validate_looks_like_fodselsnummer(const char *s);

/**
 * Check a pseudonymous identifier before it is stored: non-empty, at most 64 bytes, no
 * control characters, and not a fødselsnummer.
 * @param id    the identifier (NUL-terminated; NULL or "" is REGINT_EINVAL)
 * @param what  what the identifier is, used in the message (e.g. "cases[3].id")
 * @return REGINT_OK; REGINT_EPERSONAL if it looks like a fødselsnummer (the message says
 *         why it is refused, without echoing the number); REGINT_EINVAL otherwise.
 */
REGINT_API regint_status regint_validate_identifier(const char *id, const char *what);

#ifdef __cplusplus
}
#endif
#endif
