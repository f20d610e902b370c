/* Private: how the dataset core stores its records (for lib/dataset/ files only; the rest of
 * the library goes through regint/dataset.h and dataset_internal.h).
 *
 * Records live in growing arrays, one per table. Strings are interned (one copy per distinct
 * string, dataset.c), so records compare codes by pointer and the indexes hash pointers
 * (index.c). A transaction (transaction.c) remembers each table's length at begin and the old
 * value of every replaced figure. Each optional section (section.h) has one opaque slot. */
#ifndef REGINT_DATASET_STORE_H
#define REGINT_DATASET_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "dataset/dataset_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/hindex.h"

/* Years a record may carry (REGINT_YEAR_OPEN aside). */
#define REGINT__MIN_YEAR 1800
#define REGINT__MAX_YEAR 2200

/* A replaced figure, to restore on rollback. */
typedef struct regint__undo {
    int table; /* REGINT__T_SETTLE, REGINT__T_OBS or REGINT__T_POP */
    size_t pos;
    regint_value_t old;
    int64_t old_persons;
} regint__undo;

/* The interned strings: an open-addressing set of owned copies. */
typedef struct regint__strpool {
    char **slot;
    size_t cap, n;
} regint__strpool;

struct regint_dataset {
    regint__strpool pool;
    regint_county_t *counties;
    size_t ncounties, ccounties;
    regint_municipality_t *munis;
    size_t nmunis, cmunis;
    regint__pop *pops;
    size_t npops, cpops;
    regint_code_change_t *changes;
    size_t nchanges, cchanges;
    regint_settlement_t *sets;
    size_t nsets, csets;
    regint_indicator_t *inds;
    size_t ninds, cinds;
    regint_observation_t *obs;
    size_t nobs, cobs;
    regint_case_t *cases;
    size_t ncases, ccases;

    regint__hindex ix_muni, ix_pop, ix_chg_from, ix_chg_to, ix_set, ix_ind, ix_obs, ix_case;

    /* transaction */
    int in_tx;
    size_t mark[REGINT__T_COUNT];
    regint__undo *undo;
    size_t nundo, cundo;

    void **sections; /* one slot per entry of regint__sections[] */

    /* One block holding the tables and index slots of a snapshot load (snapshot.c), so that a
     * fresh process gets them in a few huge pages; NULL otherwise. Arrays inside it are never
     * freed or reallocated one by one: growing one moves it out (regint__ds_regrow). */
    unsigned char *arena;
    size_t arena_len;

    /* State derived from the tables at build time by a higher layer and stored in the snapshot
     * (the fitted engine's fit, lib/settlement/fitted.c), in the arena; NULL when there is none
     * or once a table it may be derived from has changed (regint__ds_changed). */
    const unsigned char *memo;
    size_t memo_len;
    /* Which dataset and which state of its tables (regint__dataset_state): an id never given
     * to another dataset of the process, and a count of the changes by regint__ds_changed. */
    uint64_t id, gen;
    /* The memo's tail: the snapshot file it lies in (owned), where, its length and hash. */
    char *tail_path;
    uint64_t tail_at, tail_len, tail_hash;

    /* The file it was loaded from, for the lost-update check of a save (util/savefile.h);
     * NULL if not loaded from a file. A pointer, so that a save of a const handle can record
     * the file it wrote. */
    struct regint__origin *origin;
};

/* Is p inside the dataset's arena? */
static inline int regint__ds_in_arena(const regint_dataset *ds, const void *p)
{
    uintptr_t a = (uintptr_t)ds->arena, x = (uintptr_t)p;
    return ds->arena && x >= a && x < a + ds->arena_len;
}
/* A record of the counties, municipalities, population, code changes or settlement figures is
 * added or replaced: the state derived from them at build time (ds->memo) no longer holds. */
static inline void regint__ds_changed(regint_dataset *ds)
{
    ds->memo = NULL;
    ds->memo_len = 0;
    ds->gen++;
}
/* regint__reallocarray of an array of the dataset `ds` holding `cap` elements, which may lie
 * in its arena (then it is copied out, and the arena keeps the old bytes). */
void *regint__ds_regrow(regint_dataset *ds, void *arr, size_t cap, size_t n, size_t size);

/* Make room for one more element of a growing array of `ds` (doubling); returns ENOMEM from
 * the enclosing function on failure. */
#define REGINT__GROW(arr, n, cap)                                                              \
    do {                                                                                       \
        if ((n) == (cap)) {                                                                    \
            size_t nc_ = (cap) ? (cap) * 2 : 16;                                               \
            void *np_ = regint__ds_regrow(ds, (arr), (cap), nc_, sizeof *(arr));                \
            if (!np_)                                                                          \
                return regint__enomem();                                                       \
            (arr) = np_;                                                                       \
            (cap) = nc_;                                                                       \
        }                                                                                      \
    } while (0)

static inline int regint__valid_in(int from, int to, int year) { return year >= from && year <= to; }

/* ---- index.c: the keys of the indexes and lookups through them (codes interned). */
/* Each field is multiplied by its own odd constant, the products xored and mixed once: a
 * fifth of the work of chaining regint__hash_comb per field, which counted when a snapshot
 * load indexes 60,000 records (issue 17). Equal keys give equal hashes; the rare unequal
 * keys that collide only cost a probe. */
#define REGINT__K1 0x9e3779b97f4a7c15ULL
#define REGINT__K2 0xc2b2ae3d27d4eb4fULL
#define REGINT__K3 0x165667b19e3779f9ULL
static inline uint64_t regint__key_u64(const void *p) { return (uint64_t)(uintptr_t)p; }
static inline uint64_t regint__key_pop(const char *k, int y)
{
    return regint__hash_mix(regint__key_u64(k) ^ (uint64_t)(uint32_t)y * REGINT__K1);
}
static inline uint64_t regint__key_set(const char *k, int y, int m, int c)
{
    return regint__hash_mix(regint__key_u64(k) ^ (uint64_t)(uint32_t)y * REGINT__K1 ^
                            ((uint64_t)(uint32_t)m << 32 | (uint32_t)c) * REGINT__K2);
}
static inline uint64_t regint__key_obs(const char *ind, const char *area, int y, const char *cat)
{
    return regint__hash_mix(regint__key_u64(area) ^ regint__key_u64(ind) * REGINT__K2 ^
                            regint__key_u64(cat) * REGINT__K3 ^ (uint64_t)(uint32_t)y * REGINT__K1);
}
/* ---- dataset.c: the pool of interned strings */
/* The capacity of a pool that holds n strings without growing. */
size_t regint__ds_pool_cap_for(size_t n);
/* Intern s itself, not a copy (it lies in the arena and lives as long as the dataset); the
 * pool must have room (regint__ds_pool_cap_for). Returns the interned string: s, or the
 * equal one the pool held already. */
const char *regint__ds_pool_adopt(regint_dataset *ds, char *s);

/* Make room for one more record in index h of the dataset (over its n records). */
regint_status regint__ds_reserve1(regint_dataset *ds, regint__hindex *h, size_t n);
/* Rebuild every index into its capacity (after a rollback; allocates nothing). */
void regint__ds_reindex(regint_dataset *ds);
/* Build every index over its whole table, sized for it (after filling tables in bulk). */
regint_status regint__ds_index_all(regint_dataset *ds);
/* Positions of records, SIZE_MAX when absent. */
size_t regint__ds_find_pop(const regint_dataset *ds, const char *k, int year);
size_t regint__ds_find_set(const regint_dataset *ds, const char *k, int year, int m, int c);
size_t regint__ds_find_ind(const regint_dataset *ds, const char *id);
size_t regint__ds_find_obs(const regint_dataset *ds, const char *ind, const char *area, int year,
                           const char *cat);
size_t regint__ds_find_case(const regint_dataset *ds, const char *id);
/* The record valid in `year` (municipality: interned code), or NULL. */
const regint_municipality_t *regint__ds_muni_in(const regint_dataset *ds, const char *code, int year);
const regint_county_t *regint__ds_county_in(const regint_dataset *ds, const char *code, int year);
/* Visit the positions of the municipality records with this (interned) code. */
#define REGINT__FOR_MUNI(ds, code, pos)                                                        \
    REGINT__HINDEX_FOR(&(ds)->ix_muni, regint__hash_ptr(code), pos)                           \
    if ((ds)->munis[pos].kommunenr == (code))

/* ---- transaction.c */
/* replace: 0 never, 1 always, 2 only records that existed before the transaction. */
int regint__ds_replaceable(const regint_dataset *ds, int replace, int table, size_t pos);
/* Replace the figure of record `pos` of a table (REGINT__T_SETTLE, _OBS: `v`; REGINT__T_POP:
 * `persons`), logging the old one for a rollback inside a transaction. */
regint_status regint__ds_replace(regint_dataset *ds, int table, size_t pos, regint_value_t v, int64_t persons);

#endif
