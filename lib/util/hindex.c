/* Open-addressing hash indexes over record positions; see hindex.h. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/hindex.h"

void regint__hindex_free(regint__hindex *h)
{
    if (!h->lent)
        free(h->slot);
    h->slot = NULL;
    h->cap = h->n = 0;
    h->lent = 0;
}

size_t regint__hindex_cap_for(size_t want)
{
    size_t cap = 16;
    while (cap < want * 2)
        cap *= 2;
    return cap;
}

void regint__hindex_lend(regint__hindex *h, size_t *slot, size_t cap)
{
    h->slot = slot;
    h->cap = cap;
    h->n = 0;
    h->lent = 1;
}

void regint__hindex_put(regint__hindex *h, uint64_t hash, size_t pos)
{
    size_t mask = h->cap - 1, i = (size_t)hash & mask;
    while (h->slot[i])
        i = (i + 1) & mask;
    h->slot[i] = pos + 1;
    h->n++;
}

regint_status regint__hindex_rebuild(regint__hindex *h, size_t n, size_t want, regint__hindex_hash_fn hash,
                                     const void *ctx)
{
    if (!h->cap && !want)
        return REGINT_OK;
    size_t cap = h->cap ? h->cap : 16;
    while (cap < want * 2)
        cap *= 2;
    if (cap != h->cap) {
        size_t *s = regint__calloc(cap, sizeof *s);
        if (!s)
            return regint__enomem();
        if (!h->lent)
            free(h->slot);
        h->slot = s;
        h->cap = cap;
        h->lent = 0;
    } else if (h->n) { /* an index without entries has only empty slots */
        memset(h->slot, 0, cap * sizeof *h->slot);
    }
    h->n = 0;
    /* The slots are hit at random: over a large index nearly every insert is a cache miss.
     * Hashes are computed AHEAD records early and their slots prefetched, so the misses
     * overlap instead of coming one after the other; the order of inserts is unchanged. */
    enum { AHEAD = 16 };
    uint64_t ring[AHEAD];
    size_t mask = cap - 1;
    for (size_t i = 0; i < n + AHEAD; i++) {
        if (i >= AHEAD)
            regint__hindex_put(h, ring[i % AHEAD], i - AHEAD);
        if (i < n) {
            ring[i % AHEAD] = hash(ctx, h, i);
#if defined(__GNUC__) || defined(__clang__)
            __builtin_prefetch(&h->slot[(size_t)ring[i % AHEAD] & mask], 1);
#endif
        }
    }
    (void)mask;
    return REGINT_OK;
}

regint_status regint__hindex_reserve1(regint__hindex *h, size_t n, regint__hindex_hash_fn hash, const void *ctx)
{
    if (h->cap && (h->n + 1) * 2 <= h->cap)
        return REGINT_OK;
    return regint__hindex_rebuild(h, n, h->n + 1 < 8 ? 8 : (h->n + 1) * 2, hash, ctx);
}
