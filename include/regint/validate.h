/**
 * @file validate.h
 * @brief Validators for Norwegian identifiers: kommunenummer, fylkesnummer,
 *        organisasjonsnummer, and the guard against fødselsnummer (personal data).
 *
 * The library handles pseudonymous identifiers only. Any identifier field (case id,
 * application id, contact reference, ...) is passed through regint_validate_identifier(),
 * which refuses a value that looks like a fødselsnummer (or D-number): 11 digits whose two
 * modulus-11 control digits are valid, possibly written with a space, dash or dot after the
 * 6-digit date part; and it refuses an identifier that holds one anywhere inside
 * (`case-<fnr>`), by the free-text rule of regint_validate_text_has_fodselsnummer().
 *
 * Every text the library reads — each string and member name of a JSON file (datasets,
 * sections, profiles, plans, matching instances, JSON-stat), each CSV cell and header, and the
 * text fields given to the adders (names, notes, descriptions, meeting topics, contacts, plan
 * titles, ...) — goes through the free-text rule; a hit is ::REGINT_EPERSONAL with the file,
 * the place and the character position, and the message never repeats the number.
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

/**
 * 1 if the free text @p text holds what looks like a fødselsnummer (or D-/H-number), else 0.
 * The rule (docs/user-guide.md, "Personal data"): runs of ASCII digits joined by exactly one
 * separator (space, '.', '-', '/', U+00A0 no-break space, U+202F, U+2009, U+2010, U+2011,
 * U+2013) form a chain; any consecutive runs of a chain that hold exactly 11 digits together
 * (11, 6+5, 2+2+2+5, ...) are a candidate; a candidate counts when both control digits are
 * valid and its first six digits are a plausible birth date (day 1..31, D-number day + 40;
 * month 1..12, H-number month + 40, synthetic test number month + 80). A run of 12 or more
 * digits is never a candidate, and letters, commas or two separators in a row end a chain,
 * so an org.nr (9 digits) or a phone number (8) next to other text does not trip it.
 * About 1 random 11-digit string in 540 passes (1 in 121 without the date test) (tests/c/test_personal.c measures it).
 * @param text   NUL-terminated UTF-8 text, or NULL (gives 0)
 * @param where  if not NULL and a number is found: receives the byte offset of its first digit
 * @return 1 or 0
 */
REGINT_API int regint_validate_text_has_fodselsnummer(const char *text, size_t *where);

/**
 * Check a free text before it is stored (a name, note, description, topic, title ...):
 * refused when regint_validate_text_has_fodselsnummer() finds an identity number in it.
 * @param text  NUL-terminated UTF-8 text; NULL is accepted (nothing to check)
 * @param what  what the text is, used in the message (e.g. "partners[2].name"); NULL gives "text"
 * @return ::REGINT_OK, or ::REGINT_EPERSONAL with a message that gives the character position
 *         and the rule but never the number
 */
REGINT_API regint_status regint_validate_text(const char *text, const char *what);

#ifdef __cplusplus
}
#endif
#endif
