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
    return REGINT_OK;
}

int regint__nonempty(const char *s) { return s && *s; }

regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id)
{
    char what[REGINT__PATH_MAX + 80], p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, field);
    snprintf(what, sizeof what, "%s: %s", file, p);
    return regint_validate_identifier(id, what);
}
