#include "util/record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"

/* Pointer and count members are read and written with memcpy: the record's own member types
 * (const char *, const T *) are not known here, and memcpy is the access C allows for that. */
static void *get_ptr(const void *rec, size_t off)
{
    void *p;
    memcpy(&p, (const char *)rec + off, sizeof p);
    return p;
}

static void set_ptr(void *rec, size_t off, const void *p) { memcpy((char *)rec + off, &p, sizeof p); }

static size_t get_count(const void *rec, size_t off)
{
    size_t n;
    memcpy(&n, (const char *)rec + off, sizeof n);
    return n;
}

static void set_count(void *rec, size_t off, size_t n) { memcpy((char *)rec + off, &n, sizeof n); }

static void free_owned(const regint__record_kind *k, void *rec)
{
    for (size_t i = 0; i < k->n_strings; i++)
        regint__xfree(get_ptr(rec, k->strings[i]));
    for (size_t i = 0; i < k->n_arrays; i++) {
        const regint__record_array *a = &k->arrays[i];
        char *p = get_ptr(rec, a->ptr);
        size_t n = get_count(rec, a->count);
        if (!a->of) {
            regint__strlist_free((const char *const *)p, n);
            continue;
        }
        for (size_t j = 0; p && j < n; j++)
            free_owned(a->of, p + j * a->elem_size);
        free(p);
    }
}

void regint__record_clear(const regint__record_kind *k, void *rec)
{
    free_owned(k, rec);
    memset(rec, 0, k->size);
}

/* `dst` holds src's bytes; replace every owned pointer by a copy of its own (NULL where a copy
 * failed, with *ok cleared), so that afterwards `dst` owns all it points to and can be freed. */
static void copy_owned(const regint__record_kind *k, void *dst, const void *src, int *ok)
{
    for (size_t i = 0; i < k->n_strings; i++)
        set_ptr(dst, k->strings[i], regint__dup_opt(get_ptr(src, k->strings[i]), ok));
    for (size_t i = 0; i < k->n_arrays; i++) {
        const regint__record_array *a = &k->arrays[i];
        const char *s = get_ptr(src, a->ptr);
        size_t n = get_count(src, a->count);
        void *d = a->of ? regint__calloc(n ? n : 1, a->elem_size)
                        : (void *)(uintptr_t)regint__strlist_dup((const char *const *)s, n, ok);
        set_ptr(dst, a->ptr, d);
        if (!d) {
            set_count(dst, a->count, 0);
            *ok = 0;
            continue;
        }
        for (size_t j = 0; a->of && j < n; j++) {
            char *e = (char *)d + j * a->elem_size;
            memcpy(e, s + j * a->elem_size, a->elem_size);
            copy_owned(a->of, e, s + j * a->elem_size, ok);
        }
    }
}

regint_status regint__record_copy(const regint__record_kind *k, void *dst, const void *src)
{
    int ok = 1;
    memcpy(dst, src, k->size);
    copy_owned(k, dst, src, &ok);
    if (!ok) {
        regint__record_clear(k, dst);
        return regint__enomem();
    }
    return REGINT_OK;
}

void regint__record_array_free(const regint__record_kind *k, void *arr, size_t n)
{
    for (size_t i = 0; arr && i < n; i++)
        free_owned(k, (char *)arr + i * k->size);
    free(arr);
}

regint_status regint__record_append(const regint__record_kind *k, void *parr, size_t *n, const void *rec)
{
    char *arr = regint__reallocarray(get_ptr(parr, 0), *n + 1, k->size);
    if (!arr)
        return regint__enomem();
    set_ptr(parr, 0, arr);
    regint_status st = regint__record_copy(k, arr + *n * k->size, rec);
    if (!st)
        (*n)++;
    return st;
}

void regint__record_null_to_empty(const regint__record_kind *k, void *rec)
{
    for (size_t i = 0; i < k->n_strings; i++)
        if (!get_ptr(rec, k->strings[i]))
            set_ptr(rec, k->strings[i], "");
}

void *regint__record_find(const regint__record_kind *k, const void *arr, size_t n, const char *id)
{
    for (size_t i = 0; arr && id && i < n; i++) {
        const char *rec = (const char *)arr + i * k->size;
        const char *rid = get_ptr(rec, k->strings[0]);
        if (rid && !strcmp(rid, id))
            return (void *)(uintptr_t)rec;
    }
    return NULL;
}
