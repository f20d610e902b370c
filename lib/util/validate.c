/* Identifier validators: kommunenr, fylkesnr, organisasjonsnummer, fødselsnummer guard. */
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/jsonutil.h"
#include "util/validate.h"
#include "regint/validate.h"

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int regint_validate_kommunenr_format(const char *s)
{
    return s && strlen(s) == 4 && all_digits(s, 4);
}

int regint_validate_fylkesnr_format(const char *s)
{
    return s && strlen(s) == 2 && all_digits(s, 2);
}

int regint_validate_orgnr(const char *s)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    if (!s || strlen(s) != 9 || !all_digits(s, 9))
        return 0;
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += (s[i] - '0') * w[i];
    int r = sum % 11;
    if (r == 1)
        return 0;
    int k = r == 0 ? 0 : 11 - r;
    return k == s[8] - '0';
}

int regint_validate_looks_like_fodselsnummer(const char *s)
{
    static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    if (!s)
        return 0;
    char d[12];
    size_t n = strlen(s), k = 0;
    if (n == 12 && (s[6] == ' ' || s[6] == '-' || s[6] == '.')) {
        memcpy(d, s, 6);
        memcpy(d + 6, s + 7, 5);
        k = 11;
    } else if (n == 11) {
        memcpy(d, s, 11);
        k = 11;
    }
    if (k != 11 || !all_digits(d, 11))
        return 0;
    int s1 = 0, s2 = 0;
    for (int i = 0; i < 9; i++)
        s1 += (d[i] - '0') * w1[i];
    int k1 = 11 - s1 % 11;
    if (k1 == 11)
        k1 = 0;
    if (k1 == 10 || k1 != d[9] - '0')
        return 0;
    for (int i = 0; i < 10; i++)
        s2 += (d[i] - '0') * w2[i];
    int k2 = 11 - s2 % 11;
    if (k2 == 11)
        k2 = 0;
    return k2 != 10 && k2 == d[10] - '0';
}

regint_status regint_validate_identifier(const char *id, const char *what)
{
    if (!what)
        what = "identifier";
    if (!id || !*id)
        return regint__error(REGINT_EINVAL, "%s: must be a non-empty string", what);
    size_t n = strlen(id);
    if (n > 64)
        return regint__error(REGINT_EINVAL, "%s: longer than 64 bytes", what);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)id[i] < 0x20 || id[i] == 0x7f)
            return regint__error(REGINT_EINVAL, "%s: contains a control character", what);
    if (regint_validate_looks_like_fodselsnummer(id))
        return regint__error(REGINT_EPERSONAL,
                             "%s: refused: the value looks like a Norwegian national identity "
                             "number (fødselsnummer: 11 digits with valid control digits); regint "
                             "stores pseudonymous identifiers only",
                             what);
    /* Inside a longer identifier ("case-<fnr>", " <fnr>"): the free-text rule. */
    return regint_validate_text(id, what);
}

int regint__nonempty(const char *s) { return s && *s; }

regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id)
{
    char what[REGINT__PATH_MAX + 80], p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, field);
    snprintf(what, sizeof what, "%s: %s", file, p);
    return regint_validate_identifier(id, what);
}

/* ------------------------------------------------------------------------------------------ */
/* The fødselsnummer guard for free text (issue 16). The rule, documented in validate.h and
 * docs/user-guide.md ("Personal data"):
 *   - digits are grouped into runs of ASCII digits; two runs are joined when exactly one
 *     separator stands between them (space, '.', '-', '/', or the Unicode no-break space
 *     U+00A0, narrow no-break space U+202F, thin space U+2009, hyphens U+2010/U+2011 and the
 *     en dash U+2013) — the ways people write "010185 12345";
 *   - any consecutive runs of a chain that hold exactly 11 digits together (one run of 11, or
 *     6+5, 2+2+2+5, ...) are a candidate; a run of 12 or more digits is not (an account or
 *     IBAN-like number, never a fødselsnummer);
 *   - a candidate is refused when both control digits are valid and the first six digits are
 *     a plausible birth date: day 1..31 (D-number: +40), month 1..12 (H-number: +40;
 *     synthetic test numbers: +80).
 * The date test is what keeps ordinary numbers out: a random 11-digit string passes both
 * control digits about 1 time in 121 and the date as well about 1 in 540 (measured:
 * tests/c/test_personal.c). An org.nr has 9 digits, a phone number 8 (10 with +47), so neither
 * alone makes a candidate; numbers joined by one separator only count when together they make
 * exactly 11 digits, and a letter, a comma or two separators in a row end a chain. */

static int fnr_control_ok(const int *d)
{
    static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int s1 = 0, s2 = 0;
    for (int i = 0; i < 9; i++)
        s1 += d[i] * w1[i];
    int k1 = (11 - s1 % 11) % 11;
    if (k1 == 10 || k1 != d[9])
        return 0;
    for (int i = 0; i < 10; i++)
        s2 += d[i] * w2[i];
    int k2 = (11 - s2 % 11) % 11;
    return k2 != 10 && k2 == d[10];
}

static int fnr_date_ok(const int *d)
{
    int day = d[0] * 10 + d[1], month = d[2] * 10 + d[3];
    if (day > 40)
        day -= 40; /* D-number */
    if (month > 80)
        month -= 80; /* synthetic (test) numbers */
    else if (month > 40)
        month -= 40; /* H-number */
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

int regint__fnr_digits_ok(const char *digits11)
{
    int d[11];
    for (int i = 0; i < 11; i++)
        d[i] = digits11[i] - '0';
    return fnr_control_ok(d) && fnr_date_ok(d);
}

/* Length in bytes of the separator at s (0 if none). */
static size_t fnr_separator(const unsigned char *s)
{
    if (*s == ' ' || *s == '.' || *s == '-' || *s == '/')
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2; /* U+00A0 no-break space */
    if (s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] == 0xAF || s[2] == 0x89 || s[2] == 0x90 || s[2] == 0x91 || s[2] == 0x93))
        return 3; /* U+202F, U+2009, U+2010, U+2011, U+2013 */
    return 0;
}

#define FNR_MAX_RUNS 12 /* 11 one-digit runs is the most a candidate can span */

int regint_validate_text_has_fodselsnummer(const char *text, size_t *where)
{
    if (!text)
        return 0;
    const unsigned char *s = (const unsigned char *)text;
    /* The chain being read: its last runs (start offset, digit count); older runs cannot be
     * part of an 11-digit window once the newer ones hold 11 digits, so a ring suffices. */
    size_t start[FNR_MAX_RUNS], len[FNR_MAX_RUNS];
    size_t nrun = 0;
    size_t i = 0;
    while (s[i]) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        size_t b = i;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
        if (nrun == FNR_MAX_RUNS) {
            memmove(start, start + 1, sizeof start[0] * (FNR_MAX_RUNS - 1));
            memmove(len, len + 1, sizeof len[0] * (FNR_MAX_RUNS - 1));
            nrun--;
        }
        start[nrun] = b;
        len[nrun] = i - b;
        nrun++;
        /* Every window of runs that ends with the new one. */
        size_t total = 0;
        for (size_t k = nrun; k-- > 0;) {
            total += len[k];
            if (total > 11)
                break;
            if (total == 11) {
                char dig[11];
                size_t n = 0;
                for (size_t r = k; r < nrun; r++)
                    for (size_t q = 0; q < len[r]; q++)
                        dig[n++] = (char)s[start[r] + q];
                if (regint__fnr_digits_ok(dig)) {
                    if (where)
                        *where = start[k];
                    return 1;
                }
                break;
            }
        }
        /* The chain goes on only through exactly one separator followed by a digit. */
        size_t sep = fnr_separator(s + i);
        if (!(sep && s[i + sep] >= '0' && s[i + sep] <= '9'))
            nrun = 0;
        i += sep;
    }
    return 0;
}

/* The 1-based character (not byte) position of byte offset `off` of UTF-8 text. */
static size_t char_position(const char *text, size_t off)
{
    size_t n = 1;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

int regint__text_personal(const char *text, size_t *char_pos)
{
    size_t off;
    if (!regint_validate_text_has_fodselsnummer(text, &off))
        return 0;
    if (char_pos)
        *char_pos = char_position(text, off);
    return 1;
}

regint_status regint_validate_text(const char *text, const char *what)
{
    size_t pos;
    if (!regint__text_personal(text, &pos))
        return REGINT_OK;
    return regint__error(REGINT_EPERSONAL, "%s: " REGINT__FNR_RULE, what ? what : "text", pos);
}

regint_status regint__check_text_at(const char *file, const char *path, const char *field, const char *text)
{
    size_t pos;
    if (!text || !regint__text_personal(text, &pos))
        return REGINT_OK;
    char p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, field);
    return regint__json_error(file, p, REGINT_EPERSONAL, REGINT__FNR_RULE, pos);
}
