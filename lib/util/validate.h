/* Private: identifier checks of record members, with the file and JSON path in the message. */
#ifndef REGINT_VALIDATE_PRIVATE_H
#define REGINT_VALIDATE_PRIVATE_H

#include <stddef.h>

#include "regint/common.h"

/* 1 if s is a non-empty string. */
int regint__nonempty(const char *s);
/* regint_validate_identifier() on the member `field` of the record at `path` of `file`. */
regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id);

/* regint_validate_text() on the free-text member `field` of the record at `path` of `file`
 * (NULL text is fine). */
regint_status regint__check_text_at(const char *file, const char *path, const char *field, const char *text);
/* The fødselsnummer guard for free text (regint_validate_text_has_fodselsnummer): 1 if `text`
 * holds one; *char_pos (may be NULL) = its 1-based character position. */
int regint__text_personal(const char *text, size_t *char_pos);
/* 1 if 11 ASCII digits have valid control digits and a plausible birth date. */
int regint__fnr_digits_ok(const char *digits11);
/* The rule in every refusal; one %zu: the character position. Never the number itself. */
#define REGINT__FNR_RULE                                                                        \
    "refused: the value looks like a Norwegian national identity number or holds one "       \
    "(fødselsnummer, D- or H-number: 11 digits with valid control digits and a birth date) "  \
    "at character %zu; "                                                                       \
    "regint stores no personal identity numbers, remove it"

#endif
