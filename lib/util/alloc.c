/* Allocation that reports ENOMEM, and owned copies of strings; see alloc.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"

char *regint__strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p) {
        regint__enomem();
        return NULL;
    }
    return memcpy(p, s, n);
}

void *regint__calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        regint__enomem();
    return p;
}

void *regint__reallocarray(void *p, size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size) {
        regint__enomem();
        return NULL;
    }
    size_t bytes = n * size;
    void *q = realloc(p, bytes ? bytes : 1);
    if (!q)
        regint__enomem();
    return q;
}

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
