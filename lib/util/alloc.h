/* Private: allocation that reports ENOMEM, and owned copies of strings.
 *
 * Public structs declare their strings `const char *` (the caller's are borrowed); the
 * modules that keep their own copies allocate them here and free them with regint__xfree(). */
#ifndef REGINT_ALLOC_H
#define REGINT_ALLOC_H

#include <stddef.h>

/* calloc/realloc that never take 0-size surprises; NULL (ENOMEM set) on overflow or failure. */
void *regint__calloc(size_t n, size_t size);
void *regint__reallocarray(void *p, size_t n, size_t size);
/* free() of a string or array the public structs declare const. NULL is allowed. */
void regint__xfree(const void *p);

/* Copy of a string (NULL gives NULL); NULL with ENOMEM set on failure. */
char *regint__strdup(const char *s);
/* Copy of `s` (NULL stays NULL); *ok is cleared when the copy fails. */
const char *regint__dup_opt(const char *s, int *ok);
/* Copy of n strings (each by regint__dup_opt); NULL and *ok cleared when the array itself
 * cannot be allocated. */
const char *const *regint__strlist_dup(const char *const *v, size_t n, int *ok);
/* Free a copy made by regint__strlist_dup(). NULL is allowed. */
void regint__strlist_free(const char *const *v, size_t n);

#endif
