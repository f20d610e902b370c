/* The binary snapshot of a dataset JSON file (see snapshot.h for what it is and is not).
 *
 * Layout (native byte order and IEEE doubles; the header's byte-order mark refuses others):
 *   "REGINTSNAP\0\0", u32 byte-order mark 0x01020304, u32 format version, u32 schema version,
 *   u32 length of the library version string + the string, u64 JSON length, u64 JSON hash,
 *   i64 + i64 the JSON's modification time (seconds, nanoseconds) when the hash was taken,
 *   u32 string count, u64 string bytes, the strings (each NUL-terminated),
 *   then per table (counties, municipalities, population, code changes, settlement,
 *   indicators, observations, cases) a u64 count and the records, strings as u32 indexes,
 *   integers as i32, persons as i64, values as f64 + i32 missing reason;
 *   then per registered section a u64 length and its JSON text (0: absent);
 *   then a u64 length and the bytes of the state a higher layer derived from the tables
 *   (the "memo", 0: none; regint__dataset_memo), padded with zeros to a multiple of 8;
 *   then the u64 length and u64 hash of the memo's tail (below; 0 and 0: none);
 *   then u64 hash of everything before it -- the end of the part a load reads;
 *   then the memo's tail: bytes a load does not read, read and hashed only when asked for
 *   (regint__dataset_memo_tail), and a u64 with its length again (the file's last 8 bytes,
 *   which tell the load where the part it reads ends). */
#define _DEFAULT_SOURCE /* MAP_POPULATE, MADV_* (Linux); without them plain mmap is used */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dataset/section.h"
#include "dataset/snapshot.h"
#include "dataset/store.h"
#include "util/bigalloc.h"
#include "util/fileio.h"

#define SNAP_MAGIC "REGINTSNAP\0\0"
#define SNAP_FORMAT 3
#define SNAP_BOM 0x01020304u
#ifdef MAP_POPULATE
#define SNAP_POPULATE MAP_POPULATE
#else
#define SNAP_POPULATE 0
#endif

/* ------------------------------------------------------------------------- */
/* Content hash: four independent multiply-xorshift lanes over 8-byte words, so the JSON
 * (megabytes) is hashed at memory speed; not cryptographic — it detects edits, not attacks. */

typedef struct hstate {
    uint64_t lane[4];
    uint64_t len;
} hstate;

static void h_init(hstate *h)
{
    h->lane[0] = 0x9e3779b97f4a7c15ULL;
    h->lane[1] = 0xbf58476d1ce4e5b9ULL;
    h->lane[2] = 0x94d049bb133111ebULL;
    h->lane[3] = 0x2545f4914f6cdd1dULL;
    h->len = 0;
}

static inline uint64_t h_round(uint64_t acc, uint64_t w)
{
    acc ^= w * 0xff51afd7ed558ccdULL;
    acc = (acc << 31) | (acc >> 33);
    return acc * 0xc4ceb9fe1a85ec53ULL;
}

/* Feed len bytes; every call but the last must feed a multiple of 32 bytes. */
static void h_update(hstate *h, const unsigned char *p, size_t len)
{
    h->len += len;
    size_t n32 = len / 32;
    for (size_t i = 0; i < n32; i++, p += 32) {
        uint64_t w[4];
        memcpy(w, p, 32);
        for (int k = 0; k < 4; k++)
            h->lane[k] = h_round(h->lane[k], w[k]);
    }
    size_t rest = len % 32;
    for (size_t i = 0; i < rest; i++)
        h->lane[i & 3] = h_round(h->lane[i & 3], p[i]);
}

static uint64_t h_final(const hstate *h)
{
    uint64_t r = h->len;
    for (int k = 0; k < 4; k++)
        r = regint__hash_comb(r, h->lane[k]);
    return r;
}

uint64_t regint__snapshot_hash(const void *data, size_t len)
{
    hstate h;
    h_init(&h);
    h_update(&h, data, len);
    return h_final(&h);
}

/* A read-only mapping of a whole file (file-backed pages come from the page cache, mapped
 * many at a time, so a megabyte costs tens of page faults, not a copy and hundreds); `sb`
 * receives the file's status. */
static const unsigned char *map_file(const char *path, size_t *len, struct stat *sb)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    void *p = MAP_FAILED;
    if (fstat(fd, sb) == 0 && S_ISREG(sb->st_mode) && sb->st_size > 0)
        p = mmap(NULL, (size_t)sb->st_size, PROT_READ, MAP_PRIVATE | SNAP_POPULATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return NULL;
    *len = (size_t)sb->st_size;
    return p;
}

/* n bytes of fd from offset `at` into p; 0 if all were read, -1 if the file has fewer. */
static int read_into(int fd, uint64_t at, unsigned char *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(fd, p + got, n - got, (off_t)(at + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    return got == n ? 0 : -1;
}

/* n bytes of fd from offset `at` into huge pages (regint__huge_alloc; free it with
 * regint__huge_free(p, n)); NULL if the file has fewer. */
static unsigned char *read_at(int fd, uint64_t at, size_t n)
{
    unsigned char *p = regint__huge_alloc(n ? n : 1);
    if (p && read_into(fd, at, p, n)) {
        regint__huge_free(p, n ? n : 1);
        p = NULL;
    }
    return p;
}

/* The part of a snapshot a load reads (all but the memo's tail and the last 8 bytes, which
 * give the tail's length), read into a work block (regint__work_get; give it back with
 * regint__work_put), with the file's status in `sb`. For the snapshot, which is read through
 * once: on a virtual machine, mapping its 400 pages costs more than copying them into one
 * huge page. The block is given back after the load, so the next work block of the process
 * (a recommendation's context, settlement/context.c) takes memory already faulted in. */
static unsigned char *read_main(const char *path, size_t *len, struct stat *sb)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    unsigned char *p = NULL;
    uint64_t tail;
    if (fstat(fd, sb) == 0 && S_ISREG(sb->st_mode) && sb->st_size >= 16 &&
        pread(fd, &tail, 8, sb->st_size - 8) == 8 && tail <= (uint64_t)sb->st_size - 16) {
        *len = (size_t)((uint64_t)sb->st_size - 8 - tail);
        p = regint__work_get(*len);
        if (p && read_into(fd, 0, p, *len)) {
            regint__work_put(p);
            p = NULL;
        }
    }
    close(fd);
    return p;
}

/* Length and hash of a file's bytes. */
static int hash_file(const char *path, uint64_t *len, uint64_t *hash)
{
    size_t n;
    struct stat sb;
    const unsigned char *p = map_file(path, &n, &sb);
    if (!p)
        return -1;
    *len = n;
    *hash = regint__snapshot_hash(p, n);
    munmap((void *)p, n);
    return 0;
}

/* Is the JSON on disk the one the snapshot was written from (its length `jlen`, hash `jhash`,
 * modification time `jmt` then)? Hashing its megabytes costs more than the rest of a load, so
 * when its length and modification time are still those recorded, it is taken as unchanged
 * without hashing -- but only when that time is a whole second older than the snapshot file
 * itself (`snap_mt`): an edit made after the snapshot was written then carries a later
 * second. Copies that keep whole seconds only (cmake --install, tar, dpkg) set the
 * nanoseconds to 0, which is accepted. When the seconds are equal (written within one
 * second: the "racy" case of git's index) or the file's time differs (an edit, or a copy that
 * did not keep the time), the bytes are hashed. */
static int json_unchanged(const char *json_path, uint64_t jlen, uint64_t jhash, const struct timespec *jmt,
                          const struct timespec *snap_mt)
{
    struct stat sb;
    if (stat(json_path, &sb) != 0 || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size != jlen)
        return 0;
    if (sb.st_mtim.tv_sec == jmt->tv_sec && (sb.st_mtim.tv_nsec == jmt->tv_nsec || sb.st_mtim.tv_nsec == 0) &&
        jmt->tv_sec < snap_mt->tv_sec)
        return 1;
    uint64_t flen, fhash;
    return hash_file(json_path, &flen, &fhash) == 0 && flen == jlen && fhash == jhash;
}

int regint__snapshot_path(const char *json_path, char *buf, size_t size)
{
    size_t n = strlen(json_path);
    if (n >= 5 && strcmp(json_path + n - 5, ".json") == 0)
        n -= 5;
    if (n + 6 > size)
        return 0;
    memcpy(buf, json_path, n);
    memcpy(buf + n, ".snap", 6);
    return 1;
}

/* ------------------------------------------------------------------------- */
/* Writing */

typedef struct wbuf {
    unsigned char *p;
    size_t n, cap;
    int oom;
    /* the interned strings, sorted by address, to turn a pointer into its index */
    const char **strs;
    size_t nstrs;
} wbuf;

static void w_put(wbuf *b, const void *data, size_t len)
{
    if (b->oom)
        return;
    if (b->n + len > b->cap) {
        size_t nc = b->cap ? b->cap : 1 << 16;
        while (nc < b->n + len)
            nc *= 2;
        unsigned char *np = realloc(b->p, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, data, len);
    b->n += len;
}
static void w_u32(wbuf *b, uint32_t v) { w_put(b, &v, 4); }
static void w_i32(wbuf *b, int v) { w_put(b, &v, 4); }
static void w_u64(wbuf *b, uint64_t v) { w_put(b, &v, 8); }
static void w_f64(wbuf *b, double v) { w_put(b, &v, 8); }
static void w_value(wbuf *b, regint_value_t v)
{
    w_f64(b, v.value);
    w_i32(b, (int)v.missing);
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const char *const *)a, y = (uintptr_t) * (const char *const *)b;
    return (x > y) - (x < y);
}

/* Index of an interned string; every string a record holds is in the pool. */
static void w_str(wbuf *b, const char *s)
{
    const char **f = bsearch(&s, b->strs, b->nstrs, sizeof *b->strs, cmp_ptr);
    w_u32(b, f ? (uint32_t)(f - b->strs) : UINT32_MAX);
    if (!f)
        b->oom = 2; /* not interned: cannot happen for a loaded dataset */
}

regint_status regint__snapshot_write(const regint_dataset *ds, const char *json_path, const char *snap_path,
                                     const void *memo, size_t memo_len, const void *tail, size_t tail_len)
{
    if (!ds || !json_path || !snap_path || (memo_len && !memo) || (tail_len && (!tail || !memo_len)))
        return regint__error(REGINT_EINVAL, "regint__snapshot_write: NULL argument");
    uint64_t jlen, jhash;
    struct stat jsb; /* its time first: an edit while hashing then leaves a later time */
    if (stat(json_path, &jsb) != 0 || hash_file(json_path, &jlen, &jhash))
        return regint__error(REGINT_EIO, "%s: cannot read: %s", json_path, strerror(errno));
    wbuf b = {0};
    b.strs = malloc((ds->pool.n ? ds->pool.n : 1) * sizeof *b.strs);
    if (!b.strs)
        return regint__enomem();
    for (size_t i = 0; i < ds->pool.cap; i++)
        if (ds->pool.slot[i])
            b.strs[b.nstrs++] = ds->pool.slot[i];
    qsort(b.strs, b.nstrs, sizeof *b.strs, cmp_ptr);

    const char *ver = regint_version();
    w_put(&b, SNAP_MAGIC, 12);
    w_u32(&b, SNAP_BOM);
    w_u32(&b, SNAP_FORMAT);
    w_u32(&b, REGINT__SCHEMA_VERSION);
    w_u32(&b, (uint32_t)strlen(ver));
    w_put(&b, ver, strlen(ver));
    w_u64(&b, jlen);
    w_u64(&b, jhash);
    w_u64(&b, (uint64_t)(int64_t)jsb.st_mtim.tv_sec);
    w_u64(&b, (uint64_t)(int64_t)jsb.st_mtim.tv_nsec);
    uint64_t sbytes = 0;
    for (size_t i = 0; i < b.nstrs; i++)
        sbytes += strlen(b.strs[i]) + 1;
    w_u32(&b, (uint32_t)b.nstrs);
    w_u64(&b, sbytes);
    for (size_t i = 0; i < b.nstrs; i++)
        w_put(&b, b.strs[i], strlen(b.strs[i]) + 1);

    w_u64(&b, ds->ncounties);
    for (size_t i = 0; i < ds->ncounties; i++) {
        const regint_county_t *r = &ds->counties[i];
        w_str(&b, r->fylkesnr), w_str(&b, r->name), w_i32(&b, r->valid_from), w_i32(&b, r->valid_to);
    }
    w_u64(&b, ds->nmunis);
    for (size_t i = 0; i < ds->nmunis; i++) {
        const regint_municipality_t *r = &ds->munis[i];
        w_str(&b, r->kommunenr), w_str(&b, r->name), w_str(&b, r->fylkesnr);
        w_i32(&b, r->valid_from), w_i32(&b, r->valid_to), w_i32(&b, r->centrality), w_str(&b, r->kostra_group);
    }
    w_u64(&b, ds->npops);
    for (size_t i = 0; i < ds->npops; i++) {
        const regint__pop *r = &ds->pops[i];
        w_str(&b, r->kommunenr), w_i32(&b, r->year), w_u64(&b, (uint64_t)r->persons);
    }
    w_u64(&b, ds->nchanges);
    for (size_t i = 0; i < ds->nchanges; i++) {
        const regint_code_change_t *r = &ds->changes[i];
        w_str(&b, r->from_kommunenr), w_i32(&b, r->from_year), w_str(&b, r->to_kommunenr);
        w_i32(&b, r->to_year), w_i32(&b, (int)r->kind);
    }
    w_u64(&b, ds->nsets);
    for (size_t i = 0; i < ds->nsets; i++) {
        const regint_settlement_t *r = &ds->sets[i];
        w_str(&b, r->kommunenr), w_i32(&b, r->year), w_i32(&b, (int)r->measure), w_i32(&b, (int)r->category);
        w_value(&b, r->value);
    }
    w_u64(&b, ds->ninds);
    for (size_t i = 0; i < ds->ninds; i++) {
        const regint_indicator_t *r = &ds->inds[i];
        w_str(&b, r->id), w_str(&b, r->name_nb), w_str(&b, r->name_en), w_str(&b, r->unit), w_str(&b, r->source);
        w_i32(&b, (int)r->direction), w_i32(&b, (int)r->level), w_str(&b, r->sdg_targets);
    }
    w_u64(&b, ds->nobs);
    for (size_t i = 0; i < ds->nobs; i++) {
        const regint_observation_t *r = &ds->obs[i];
        w_str(&b, r->indicator), w_str(&b, r->area), w_i32(&b, r->year), w_str(&b, r->category);
        w_value(&b, r->value);
    }
    w_u64(&b, ds->ncases);
    for (size_t i = 0; i < ds->ncases; i++) {
        const regint_case_t *r = &ds->cases[i];
        w_str(&b, r->id), w_i32(&b, r->family_size), w_u32(&b, r->flags), w_i32(&b, r->year);
    }
    for (size_t i = 0; i < regint__section_count; i++) {
        const void *data = ds->sections ? ds->sections[i] : NULL;
        char *text = NULL;
        if (data) {
            cJSON *node = regint__sections[i]->emit(data);
            text = node ? cJSON_PrintUnformatted(node) : NULL;
            cJSON_Delete(node);
            if (!text)
                b.oom = 1;
        }
        size_t tl = text ? strlen(text) : 0;
        w_u64(&b, tl);
        if (tl)
            w_put(&b, text, tl);
        free(text);
    }
    w_u64(&b, memo_len);
    if (memo_len) {
        w_put(&b, memo, memo_len);
        w_put(&b, (const char[8]){0}, (8 - memo_len % 8) % 8);
    }
    w_u64(&b, tail_len);
    w_u64(&b, tail_len ? regint__snapshot_hash(tail, tail_len) : 0);
    w_u64(&b, b.oom ? 0 : regint__snapshot_hash(b.p, b.n));
    if (tail_len)
        w_put(&b, tail, tail_len);
    w_u64(&b, tail_len);
    free(b.strs);
    regint_status st;
    if (b.oom == 2)
        st = regint__error(REGINT_EINVAL, "%s: a record holds a string that is not interned", snap_path);
    else if (b.oom)
        st = regint__enomem();
    else
        st = regint__write_atomic(snap_path, (const char *)b.p, b.n);
    free(b.p);
    return st;
}

/* ------------------------------------------------------------------------- */
/* Loading */

typedef struct rbuf {
    const unsigned char *p, *end;
    int bad;
    const char **strs;
    uint32_t nstrs;
} rbuf;

static void r_get(rbuf *r, void *out, size_t len)
{
    if (r->bad || (size_t)(r->end - r->p) < len) {
        r->bad = 1;
        memset(out, 0, len);
        return;
    }
    memcpy(out, r->p, len);
    r->p += len;
}
/* The fixed-size readers, one body: the bytes w_<type> wrote (zero once the buffer is bad). */
_Static_assert(sizeof(int) == 4 && sizeof(double) == 8, "the snapshot's i32 and f64 are int and double");
#define R_SCALAR(name, type)                                                                   \
    static type name(rbuf *r)                                                                  \
    {                                                                                          \
        type v;                                                                                \
        r_get(r, &v, sizeof v);                                                                \
        return v;                                                                              \
    }
R_SCALAR(r_u32, uint32_t)
R_SCALAR(r_i32, int)
R_SCALAR(r_u64, uint64_t)
R_SCALAR(r_f64, double)
static const char *r_str(rbuf *r)
{
    uint32_t i = r_u32(r);
    if (i >= r->nstrs) {
        r->bad = 1;
        return "";
    }
    return r->strs[i];
}
static regint_value_t r_value(rbuf *r)
{
    regint_value_t v;
    v.value = r_f64(r);
    v.missing = (regint_missing)r_i32(r);
    return v;
}

/* A table's count, checked against the bytes left (each record has at least min_size). */
static size_t r_count(rbuf *r, size_t min_size)
{
    uint64_t n = r_u64(r);
    if (n > (uint64_t)(r->end - r->p) / min_size)
        r->bad = 1;
    return r->bad ? 0 : (size_t)n;
}

/* The bytes of one record of each table in the file, in file order (counties, municipalities,
 * population, code changes, settlement, indicators, observations, cases). */
static const size_t rec_bytes[8] = {16, 28, 16, 20, 28, 32, 28, 16};
#define ALIGN64(x) (((x) + 63) & ~(size_t)63)

/* The strings, the tables and the index slots of a load come from one zeroed block (ds->arena, huge pages
 * where the system offers them): a fresh process filling ~4 MB of separately allocated
 * memory takes about a thousand page faults, which on a virtual machine cost more than
 * everything else the load does. The counts are read ahead (records have fixed sizes), the
 * block is cut up in the same order as below, and each index gets its final capacity. */
static int make_arena(const rbuf *r, regint_dataset *ds, size_t count[8], size_t sbytes, size_t nstr,
                      char **strings, size_t *memo_len, unsigned char **memo_at)
{
    rbuf ahead = *r;
    for (int t = 0; t < 8; t++) {
        count[t] = r_count(&ahead, rec_bytes[t]);
        if (ahead.bad)
            return -1;
        ahead.p += count[t] * rec_bytes[t];
    }
    for (size_t i = 0; i < regint__section_count; i++)
        ahead.p += r_count(&ahead, 1);
    *memo_len = r_count(&ahead, 1);
    if (ahead.bad)
        return -1;
    size_t rec_size[8] = {sizeof *ds->counties, sizeof *ds->munis, sizeof *ds->pops, sizeof *ds->changes,
                          sizeof *ds->sets,     sizeof *ds->inds,  sizeof *ds->obs,  sizeof *ds->cases};
    /* the records of each index: munis, pops, changes (from), changes (to), sets, inds, obs, cases */
    size_t ix_n[8] = {count[1], count[2], count[3], count[3], count[4], count[5], count[6], count[7]};
    size_t pool_cap = regint__ds_pool_cap_for(nstr);
    size_t bytes = ALIGN64(sbytes) + ALIGN64(pool_cap * sizeof(char *));
    for (int t = 0; t < 8; t++)
        bytes += ALIGN64(count[t] * rec_size[t]);
    for (int i = 0; i < 8; i++)
        bytes += ix_n[i] ? ALIGN64(regint__hindex_cap_for(ix_n[i]) * sizeof(size_t)) : 0;
    bytes += ALIGN64(*memo_len);
    if (!(ds->arena = regint__huge_alloc(bytes)))
        return 1;
    ds->arena_len = bytes;
    unsigned char *at = ds->arena;
    *strings = (char *)at;
    at += ALIGN64(sbytes);
    ds->pool.slot = (char **)(void *)at;
    ds->pool.cap = pool_cap;
    at += ALIGN64(pool_cap * sizeof(char *));
    void **table[8] = {(void **)&ds->counties, (void **)&ds->munis, (void **)&ds->pops, (void **)&ds->changes,
                       (void **)&ds->sets,     (void **)&ds->inds,  (void **)&ds->obs,  (void **)&ds->cases};
    size_t *cap[8] = {&ds->ccounties, &ds->cmunis, &ds->cpops, &ds->cchanges,
                      &ds->csets,     &ds->cinds,  &ds->cobs,  &ds->ccases};
    for (int t = 0; t < 8; t++) {
        *table[t] = count[t] ? at : NULL;
        *cap[t] = count[t];
        at += ALIGN64(count[t] * rec_size[t]);
    }
    regint__hindex *ix[8] = {&ds->ix_muni, &ds->ix_pop, &ds->ix_chg_from, &ds->ix_chg_to,
                             &ds->ix_set,  &ds->ix_ind, &ds->ix_obs,      &ds->ix_case};
    for (int i = 0; i < 8; i++)
        if (ix_n[i]) {
            size_t c = regint__hindex_cap_for(ix_n[i]);
            regint__hindex_lend(ix[i], (size_t *)(void *)at, c);
            at += ALIGN64(c * sizeof(size_t));
        }
    *memo_at = at; /* filled by build() */
    return 0;
}

/* The next table's count, which make_arena() read already. */
#define TABLE(t)                                                                               \
    do {                                                                                       \
        if (r_count(r, rec_bytes[t]) != count[t])                                              \
            r->bad = 1;                                                                        \
        if (r->bad)                                                                            \
            goto done;                                                                         \
    } while (0)

static regint_status build(rbuf *r, const char *json_path, regint_dataset *ds, uint64_t tail[2])
{
    regint_status st = REGINT_OK;
    uint32_t nstr = r->nstrs;
    uint64_t sbytes = r_u64(r);
    if (r->bad || sbytes > (uint64_t)(r->end - r->p) || (nstr && (sbytes < nstr || r->p[sbytes - 1] != 0)) ||
        ds->pool.cap)
        return REGINT_EVERSION;
    r->strs = malloc((nstr ? nstr : 1) * sizeof *r->strs);
    if (!r->strs)
        return REGINT_ENOMEM;
    rbuf tables = *r;
    tables.p += sbytes;
    size_t count[8], memo_len;
    char *pool;
    unsigned char *memo_at;
    int a = make_arena(&tables, ds, count, (size_t)sbytes, nstr, &pool, &memo_len, &memo_at);
    if (a)
        return a < 0 ? REGINT_EVERSION : REGINT_ENOMEM;
    /* The strings are interned where they lie in the block (the pool owns none of them). */
    memcpy(pool, r->p, (size_t)sbytes);
    char *s = pool, *send = pool + sbytes;
    for (uint32_t i = 0; i < nstr; i++) {
        char *z = memchr(s, 0, (size_t)(send - s));
        if (!z)
            return REGINT_EVERSION;
        r->strs[i] = regint__ds_pool_adopt(ds, s);
        s = z + 1;
    }
    r->p += sbytes;
    TABLE(0);
    for (; ds->ncounties < count[0]; ds->ncounties++) {
        regint_county_t *x = &ds->counties[ds->ncounties];
        x->fylkesnr = r_str(r), x->name = r_str(r), x->valid_from = r_i32(r), x->valid_to = r_i32(r);
    }
    TABLE(1);
    for (; ds->nmunis < count[1]; ds->nmunis++) {
        regint_municipality_t *x = &ds->munis[ds->nmunis];
        x->kommunenr = r_str(r), x->name = r_str(r), x->fylkesnr = r_str(r);
        x->valid_from = r_i32(r), x->valid_to = r_i32(r), x->centrality = r_i32(r), x->kostra_group = r_str(r);
    }
    TABLE(2);
    for (; ds->npops < count[2]; ds->npops++) {
        regint__pop *x = &ds->pops[ds->npops];
        x->kommunenr = r_str(r), x->year = r_i32(r), x->persons = (int64_t)r_u64(r);
    }
    TABLE(3);
    for (; ds->nchanges < count[3]; ds->nchanges++) {
        regint_code_change_t *x = &ds->changes[ds->nchanges];
        x->from_kommunenr = r_str(r), x->from_year = r_i32(r), x->to_kommunenr = r_str(r);
        x->to_year = r_i32(r), x->kind = (regint_change_kind)r_i32(r);
    }
    TABLE(4);
    for (; ds->nsets < count[4]; ds->nsets++) {
        regint_settlement_t *x = &ds->sets[ds->nsets];
        x->kommunenr = r_str(r), x->year = r_i32(r), x->measure = (regint_measure)r_i32(r);
        x->category = (regint_category)r_i32(r), x->value = r_value(r);
    }
    TABLE(5);
    for (; ds->ninds < count[5]; ds->ninds++) {
        regint_indicator_t *x = &ds->inds[ds->ninds];
        x->id = r_str(r), x->name_nb = r_str(r), x->name_en = r_str(r), x->unit = r_str(r), x->source = r_str(r);
        x->direction = (regint_direction)r_i32(r), x->level = (regint_level)r_i32(r), x->sdg_targets = r_str(r);
    }
    TABLE(6);
    for (; ds->nobs < count[6]; ds->nobs++) {
        regint_observation_t *x = &ds->obs[ds->nobs];
        x->indicator = r_str(r), x->area = r_str(r), x->year = r_i32(r), x->category = r_str(r);
        x->value = r_value(r);
    }
    TABLE(7);
    for (; ds->ncases < count[7]; ds->ncases++) {
        regint_case_t *x = &ds->cases[ds->ncases];
        x->id = r_str(r), x->family_size = r_i32(r), x->flags = r_u32(r), x->year = r_i32(r);
    }
    if (r->bad)
        goto done;

    /* The indexes, each sized for its table, in one pass (no per-record growth). */
    if ((st = regint__ds_index_all(ds)))
        goto done;

    for (size_t i = 0; i < regint__section_count; i++) {
        uint64_t tl = r_u64(r);
        if (r->bad || tl > (uint64_t)(r->end - r->p)) {
            r->bad = 1;
            goto done;
        }
        if (!tl)
            continue;
        cJSON *node = cJSON_ParseWithLength((const char *)r->p, (size_t)tl);
        r->p += tl;
        void *data = NULL;
        if (!node || regint__sections[i]->parse(node, json_path, REGINT__SCHEMA_VERSION, ds, &data)) {
            cJSON_Delete(node);
            r->bad = 1;
            goto done;
        }
        cJSON_Delete(node);
        regint__dataset_set_section(ds, regint__sections[i], data);
    }
    size_t pad = (8 - memo_len % 8) % 8;
    if (r_count(r, 1) != memo_len || (size_t)(r->end - r->p) < memo_len + pad)
        r->bad = 1;
    else if (memo_len) {
        memcpy(memo_at, r->p, memo_len);
        r->p += memo_len + pad;
        ds->memo = memo_at;
        ds->memo_len = memo_len;
    }
    tail[0] = r_u64(r);
    tail[1] = r_u64(r);
    if (r->p != r->end)
        r->bad = 1;
done:
    if (!st && r->bad)
        st = REGINT_EVERSION;
    return st;
}

regint_status regint__snapshot_load(const char *snap_path, const char *json_path, regint_dataset **out)
{
    size_t have;
    struct stat ssb;
    unsigned char *data = read_main(snap_path, &have, &ssb);
    if (!data)
        return REGINT_ENOTFOUND;
    if (have < 8 + 12) {
        regint__work_put(data);
        return REGINT_EVERSION;
    }
    /* The whole file's hash, then the header against this build and the JSON on disk. */
    uint64_t tail;
    memcpy(&tail, data + have - 8, 8);
    rbuf r = {data, data + have - 8, 0, NULL, 0};
    regint_status st = REGINT_EVERSION;
    const char *ver = regint_version();
    char magic[12], vbuf[64];
    r_get(&r, magic, 12);
    uint32_t bom = r_u32(&r), fmt = r_u32(&r), schema = r_u32(&r), vlen = r_u32(&r);
    if (r.bad || memcmp(magic, SNAP_MAGIC, 12) != 0 || bom != SNAP_BOM || fmt != SNAP_FORMAT ||
        schema != REGINT__SCHEMA_VERSION || vlen != strlen(ver) || vlen >= sizeof vbuf)
        goto fail;
    r_get(&r, vbuf, vlen);
    uint64_t jlen = r_u64(&r), jhash = r_u64(&r);
    struct timespec jmt;
    jmt.tv_sec = (time_t)(int64_t)r_u64(&r);
    jmt.tv_nsec = (long)(int64_t)r_u64(&r);
    if (r.bad || memcmp(vbuf, ver, vlen) != 0 || regint__snapshot_hash(data, have - 8) != tail)
        goto fail;
    if (!json_unchanged(json_path, jlen, jhash, &jmt, &ssb.st_mtim))
        goto fail;
    r.nstrs = r_u32(&r);
    regint_dataset *ds = NULL;
    if (r.bad)
        goto fail;
    if (regint_dataset_new(&ds)) {
        st = REGINT_ENOMEM;
        goto fail;
    }
    uint64_t memo_tail[2];
    st = build(&r, json_path, ds, memo_tail);
    /* the memo's tail: where it lies, its length (as the file's last 8 bytes say) and hash */
    if (!st && memo_tail[0] != (uint64_t)ssb.st_size - 8 - have)
        st = REGINT_EVERSION;
    if (!st && memo_tail[0] && ds->memo && !(ds->tail_path = strdup(snap_path)))
        st = REGINT_ENOMEM;
    if (!st) {
        ds->tail_at = have;
        ds->tail_len = memo_tail[0];
        ds->tail_hash = memo_tail[1];
        *out = ds;
    } else
        regint_dataset_free(ds);
fail:
    free(r.strs);
    regint__work_put(data);
    return st;
}

const void *regint__dataset_memo(const regint_dataset *ds, size_t *len)
{
    *len = ds ? ds->memo_len : 0;
    return ds ? ds->memo : NULL;
}

unsigned char *regint__dataset_memo_tail(const regint_dataset *ds, size_t *len)
{
    *len = 0;
    if (!ds || !ds->memo || !ds->tail_path || !ds->tail_len || ds->tail_len > SIZE_MAX / 2)
        return NULL;
    int fd = open(ds->tail_path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat sb;
    unsigned char *p = NULL;
    if (fstat(fd, &sb) == 0 && (uint64_t)sb.st_size == ds->tail_at + ds->tail_len + 8)
        p = read_at(fd, ds->tail_at, (size_t)ds->tail_len);
    close(fd);
    if (p && regint__snapshot_hash(p, (size_t)ds->tail_len) != ds->tail_hash) {
        regint__huge_free(p, (size_t)ds->tail_len);
        p = NULL;
    }
    if (p)
        *len = (size_t)ds->tail_len;
    return p;
}
