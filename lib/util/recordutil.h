/* Private: helpers shared by the modules that keep typed records in a dataset section
 * (grants.c, collaboration.c): owned copies of the borrowed strings of public structs, and
 * validation messages "<file>: <path>.<field>: <rule>" for records read from JSON or given
 * through the building API. */
#ifndef REGINT_RECORDUTIL_H
#define REGINT_RECORDUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/internal.h"

/* 2^53: the largest integer a JSON number keeps exactly. */
#define REGINT__JSON_INT_MAX INT64_C(9007199254740992)

/* free() of a string or array the public structs declare const. NULL is allowed. */
void regint__xfree(const void *p);
/* Copy of `s` (NULL stays NULL); *ok is cleared when the copy fails. */
const char *regint__dup_opt(const char *s, int *ok);
/* Copy of n strings (each by regint__dup_opt); NULL and *ok cleared when the array itself
 * cannot be allocated. */
const char *const *regint__strlist_dup(const char *const *v, size_t n, int *ok);
/* Free a copy made by regint__strlist_dup(). NULL is allowed. */
void regint__strlist_free(const char *const *v, size_t n);

/* 1 if s is a non-empty string. */
int regint__nonempty(const char *s);
/* Index of `name` in names[0..n-1], -1 if absent or NULL. */
int regint__name_index(const char *const *names, size_t n, const char *name);

/* buf (REGINT__PATH_MAX) = "<path>.<key>[<i>]". */
void regint__path_sub_index(char *buf, const char *path, const char *key, size_t i);
/* Set "<file>: <path>.<field>: <message>" (just <path> when field is NULL); returns st. */
regint_status regint__verr(const char *file, const char *path, const char *field, regint_status st,
                           const char *fmt, ...) REGINT__PRINTF(5, 6);
/* regint_validate_identifier() on the member `field` of the record at `path`. */
regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id);
/* A date member: EINVAL unless "YYYY-MM-DD" (absent allowed unless `required`). */
regint_status regint__check_date_at(const char *file, const char *path, const char *field, const char *s,
                                    int required);

#endif
