/* Private: open-addressing hash indexes over the positions of records kept in an array.
 *
 * The index stores positions only (slot = position + 1, 0 = empty); the records and how to
 * hash one stay with the owner, which passes a hash function when the index is rebuilt.
 * Lookups visit the candidate positions of a hash with REGINT__HINDEX_FOR and compare the
 * records themselves. The capacity is a power of two and kept at least twice the count. */
#ifndef REGINT_HINDEX_H
#define REGINT_HINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

typedef struct regint__hindex {
    size_t *slot;
    size_t cap; /* power of two, 0 when empty */
    size_t n;
    int lent; /* slot is memory the owner lent (regint__hindex_lend): never freed here */
} regint__hindex;

/* 64-bit finaliser (MurmurHash3 fmix64): spreads pointer and integer keys over the bits. */
static inline uint64_t regint__hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
static inline uint64_t regint__hash_ptr(const void *p) { return regint__hash_mix((uint64_t)(uintptr_t)p); }
/* Combine a hash with another value (boost's hash_combine, then mixed). */
static inline uint64_t regint__hash_comb(uint64_t h, uint64_t v)
{
    return regint__hash_mix(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}
/* FNV-1a of a string, mixed. */
static inline uint64_t regint__hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return regint__hash_mix(h);
}

/* The hash of the record at `pos` for index `h` (the owner knows which key `h` indexes). */
typedef uint64_t (*regint__hindex_hash_fn)(const void *ctx, const regint__hindex *h, size_t pos);

void regint__hindex_free(regint__hindex *h);
/* Insert a position (there must be room: see regint__hindex_reserve1). */
void regint__hindex_put(regint__hindex *h, uint64_t hash, size_t pos);
/* Rebuild the index over the first n records, growing it to hold `want` entries. Rebuilding
 * into the same capacity allocates nothing (so a transaction rollback cannot fail). */
regint_status regint__hindex_rebuild(regint__hindex *h, size_t n, size_t want, regint__hindex_hash_fn hash,
                                     const void *ctx);
/* The capacity a rebuild for `want` entries gives an empty index. */
size_t regint__hindex_cap_for(size_t want);
/* Give an empty index zeroed memory for `cap` slots (cap = regint__hindex_cap_for(...)) that
 * its owner keeps: the index never frees it, and moves out of it when it has to grow. */
void regint__hindex_lend(regint__hindex *h, size_t *slot, size_t cap);
/* Make room for one more entry in an index over n records. */
regint_status regint__hindex_reserve1(regint__hindex *h, size_t n, regint__hindex_hash_fn hash, const void *ctx);

/* Visit the candidate positions `pos` (a size_t declared by the macro) for a hash:
 *     REGINT__HINDEX_FOR(&ix, hash, pos) { if (records[pos] matches) ... } */
#define REGINT__HINDEX_FOR(h, hash, pos)                                                       \
    for (size_t mask_ = (h)->cap - 1, i_ = (h)->cap ? ((size_t)(hash) & mask_) : 0, pos = 0;   \
         (h)->cap && (h)->slot[i_]; i_ = (i_ + 1) & mask_)                                     \
        if ((pos = (h)->slot[i_] - 1), 1)

#endif
