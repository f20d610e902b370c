/* ISO 8601 calendar dates for the task modules. */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/isodate.h"
#include "util/jsonutil.h"

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : md[m - 1];
}

int regint__date_parse(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mm = (s[5] - '0') * 10 + (s[6] - '0');
    int dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (yy < 1900 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > month_days(yy, mm))
        return 0;
    if (y)
        *y = yy;
    if (m)
        *m = mm;
    if (d)
        *d = dd;
    return 1;
}

/* Howard Hinnant's days_from_civil. */
int64_t regint__date_days(int y, int m, int d)
{
    int64_t yy = y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t regint__date_days_of(const char *s)
{
    int y = 1970, m = 1, d = 1;
    regint__date_parse(s, &y, &m, &d);
    return regint__date_days(y, m, d);
}

void regint__date_minus_months(const char *s, int months, char buf[11])
{
    int y = 1970, m = 1, d = 1;
    regint__date_parse(s, &y, &m, &d);
    int idx = y * 12 + (m - 1) - months;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > month_days(y, m))
        d = month_days(y, m);
    buf[0] = (char)('0' + y / 1000 % 10);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}

regint_status regint__date_check(const char *s, const char *what)
{
    if (!regint__date_parse(s, NULL, NULL, NULL))
        return regint__error(REGINT_EINVAL, "%s: expected a date YYYY-MM-DD, got '%.20s'", what,
                             s ? s : "(null)");
    return REGINT_OK;
}

regint_status regint__json_date(const char *file, const char *obj_path, const cJSON *obj,
                                const char *key, int required, const char **out)
{
    const char *s = NULL;
    regint_status st = regint__json_string(file, obj_path, obj, key, required, &s);
    if (st || !s)
        return st;
    if (!regint__date_parse(s, NULL, NULL, NULL)) {
        char path[REGINT__PATH_MAX];
        regint__json_path_key(path, obj_path, key);
        return regint__json_error(file, path, REGINT_EINVAL,
                                  "expected a date YYYY-MM-DD, got '%.20s'", s);
    }
    *out = s;
    return REGINT_OK;
}

regint_status regint__check_date_at(const char *file, const char *path, const char *field, const char *s,
                                    int required)
{
    if (!s && !required)
        return REGINT_OK;
    if (!regint__date_parse(s, NULL, NULL, NULL))
        return regint__verr(file, path, field, REGINT_EINVAL, "expected a date YYYY-MM-DD, got '%.20s'",
                            s ? s : "");
    return REGINT_OK;
}
