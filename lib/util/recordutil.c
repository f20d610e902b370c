/* Helpers shared by the record-keeping section modules; see recordutil.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/validate.h"

#include "util/isodate.h"
#include "util/jsonutil.h"
#include "util/recordutil.h"

void regint__xfree(const void *p) { free((void *)(uintptr_t)p); }

const char *regint__dup_opt(const char *s, int *ok)
{
    if (!s)
        return NULL;
    char *d = regint__strdup(s);
    if (!d)
        *ok = 0;
    return d;
}

const char *const *regint__strlist_dup(const char *const *v, size_t n, int *ok)
{
    const char **d = regint__calloc(n ? n : 1, sizeof *d);
    if (!d) {
        *ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        d[i] = regint__dup_opt(v[i], ok);
    return d;
}

void regint__strlist_free(const char *const *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        regint__xfree(v[i]);
    regint__xfree(v);
}

int regint__nonempty(const char *s) { return s && *s; }

int regint__name_index(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (!strcmp(names[i], name))
            return (int)i;
    return -1;
}

void regint__path_sub_index(char *buf, const char *path, const char *key, size_t i)
{
    char tmp[REGINT__PATH_MAX];
    regint__json_path_key(tmp, path, key);
    regint__json_path_index(buf, tmp, i);
}

regint_status regint__verr(const char *file, const char *path, const char *field, regint_status st,
                           const char *fmt, ...)
{
    char p[REGINT__PATH_MAX], msg[400];
    if (field)
        regint__json_path_key(p, path, field);
    else
        snprintf(p, sizeof p, "%s", path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return regint__json_error(file, p, st, "%s", msg);
}

regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id)
{
    char what[REGINT__PATH_MAX + 80], p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, field);
    snprintf(what, sizeof what, "%s: %s", file, p);
    return regint_validate_identifier(id, what);
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
