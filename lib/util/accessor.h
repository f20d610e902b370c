/* The reading API over an array of a result or handle, written once (issue 13: the public
 * `_count()` / `_at()` pairs had been written out per result type). Not installed. */
#ifndef REGINT_UTIL_ACCESSOR_H
#define REGINT_UTIL_ACCESSOR_H

#include <stddef.h>

/* Define `size_t count_fn(const handle *h)` (h->cnt, 0 for NULL) and
 * `const row *at_fn(const handle *h, size_t i)` (&h->arr[i], NULL for a NULL handle or a
 * position past the end). The public declarations and their documentation stay in the
 * header: this only writes the bodies. */
#define REGINT__COUNT_AT(count_fn, at_fn, handle, row, arr, cnt)                               \
    size_t count_fn(const handle *h_) { return h_ ? h_->cnt : 0; }                             \
    const row *at_fn(const handle *h_, size_t i) { return h_ && i < h_->cnt ? &h_->arr[i] : NULL; }

#endif
