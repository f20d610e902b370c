/* One deep copy and one clear for the public value structs whose strings and arrays a module
 * owns (grants, collaboration, plans). Issue 13 found a hand-written copy and clear per record
 * kind, ~15 functions that differed only in which members they visited; here a kind is
 * described once by where its owned members sit, and the walk is written once. Not installed.
 *
 * Owned members are `const char *` strings (copied with regint__dup_opt: NULL stays NULL),
 * string lists (copied with regint__strlist_dup) and arrays of sub-records (allocated with at
 * least one element, so that a copy's array is never NULL, then each element copied). */
#ifndef REGINT_UTIL_RECORD_H
#define REGINT_UTIL_RECORD_H

#include <stddef.h>

#include "regint/common.h"

typedef struct regint__record_kind regint__record_kind;

/* An owned array in a record: offsets of its pointer and its size_t count, the size of one
 * element, and the elements' kind (NULL: they are `const char *` strings, a string list). */
typedef struct regint__record_array {
    size_t ptr;
    size_t count;
    size_t elem_size;
    const regint__record_kind *of;
} regint__record_array;

struct regint__record_kind {
    size_t size;                        /* sizeof the record */
    const size_t *strings;              /* offsets of the owned `const char *` members */
    size_t n_strings;
    const regint__record_array *arrays; /* the owned arrays (NULL when none) */
    size_t n_arrays;
};

/* A kind from its tables (static arrays of offsets and of regint__record_array entries). */
#define REGINT__RECORD_KIND(type, strings) {sizeof(type), strings, sizeof strings / sizeof strings[0], NULL, 0}
#define REGINT__RECORD_KIND_ARRAYS(type, strings, arrays)                                          \
    {sizeof(type), strings, sizeof strings / sizeof strings[0], arrays, sizeof arrays / sizeof arrays[0]}

/* Entries of a kind's `arrays` table. */
#define REGINT__RECORD_STRING_LIST(type, list, count) \
    {offsetof(type, list), offsetof(type, count), sizeof(const char *), NULL}
#define REGINT__RECORD_ARRAY(type, arr, count, kind) \
    {offsetof(type, arr), offsetof(type, count), sizeof *((type *)0)->arr, &(kind)}

/* Free what `rec` owns and zero it. */
void regint__record_clear(const regint__record_kind *k, void *rec);

/* `dst` = a deep copy of `src` (plain members by value). On ENOMEM `dst` is cleared and the
 * status returned (ENOMEM is set). */
regint_status regint__record_copy(const regint__record_kind *k, void *dst, const void *src);

/* Point each NULL string member of `rec` at a (borrowed) "": for callers whose stored copies
 * hold "" where the input had NULL. Do it on a temporary before regint__record_copy(). */
void regint__record_null_to_empty(const regint__record_kind *k, void *rec);

/* Append a deep copy of `rec` to the array `*parr` of `*n` records of kind k (`parr` is the
 * address of the array pointer, e.g. &c->partners); *n grows only on success. */
regint_status regint__record_append(const regint__record_kind *k, void *parr, size_t *n, const void *rec);

/* The first of the n records of `arr` whose id, the kind's first string member, equals `id`;
 * NULL when there is none or `id` is NULL. Like strchr, it returns a pointer into `arr`. */
void *regint__record_find(const regint__record_kind *k, const void *arr, size_t n, const char *id);

/* Clear each of the n records of `arr`, then free `arr` itself. NULL is allowed. */
void regint__record_array_free(const regint__record_kind *k, void *arr, size_t n);

#endif
