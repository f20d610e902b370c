/* The binary snapshot of a dataset JSON file (see snapshot.h for what it is and is not).
 *
 * Layout (native byte order and IEEE doubles; the header's byte-order mark refuses others):
 *   "REGINTSNAP\0\0", u32 byte-order mark 0x01020304, u32 format version, u32 schema version,
 *   u32 length of the library version string + the string, u64 JSON length, u64 JSON hash,
 *   u32 string count, u64 string bytes, the strings (each NUL-terminated),
 *   then per table (counties, municipalities, population, code changes, settlement,
 *   indicators, observations, cases) a u64 count and the records, strings as u32 indexes,
 *   integers as i32, persons as i64, values as f64 + i32 missing reason;
 *   then per registered section a u64 length and its JSON text (0: absent);
 *   then u64 hash of everything before it. */
#define _DEFAULT_SOURCE /* MAP_POPULATE, MADV_* (Linux); without them plain mmap is used */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dataset/section.h"
#include "dataset/snapshot.h"
#include "dataset/store.h"
#include "util/fileio.h"

#define SNAP_MAGIC "REGINTSNAP\0\0"
#define SNAP_FORMAT 1
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
 * many at a time, so a megabyte costs tens of page faults, not a copy and hundreds). */
static const unsigned char *map_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat sb;
    void *p = MAP_FAILED;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0)
        p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE | SNAP_POPULATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return NULL;
    *len = (size_t)sb.st_size;
    return p;
}

/* Length and hash of a file's bytes. */
static int hash_file(const char *path, uint64_t *len, uint64_t *hash)
{
    size_t n;
    const unsigned char *p = map_file(path, &n);
    if (!p)
        return -1;
    *len = n;
    *hash = regint__snapshot_hash(p, n);
    munmap((void *)p, n);
    return 0;
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

regint_status regint__snapshot_write(const regint_dataset *ds, const char *json_path, const char *snap_path)
{
    if (!ds || !json_path || !snap_path)
        return regint__error(REGINT_EINVAL, "regint__snapshot_write: NULL argument");
    uint64_t jlen, jhash;
    if (hash_file(json_path, &jlen, &jhash))
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
    w_u64(&b, b.oom ? 0 : regint__snapshot_hash(b.p, b.n));
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

/* A zeroed table of n records. Its pages are populated in one call where the system can
 * (MADV_POPULATE_WRITE, Linux 5.14): a fresh process would otherwise take one page fault
 * per 4 KiB while filling it, which costs more than the filling itself on virtual machines. */
static void *table_alloc(size_t n, size_t size)
{
    unsigned char *p = regint__calloc(n, size);
#ifdef MADV_POPULATE_WRITE
    size_t bytes = n * size, page = 4096;
    if (p && bytes >= 16 * page) {
        uintptr_t a = ((uintptr_t)p + page - 1) & ~(uintptr_t)(page - 1);
        uintptr_t e = ((uintptr_t)p + bytes) & ~(uintptr_t)(page - 1);
        if (e > a)
            (void)madvise((void *)a, e - a, MADV_POPULATE_WRITE); /* a hint: failure is harmless */
    }
#endif
    return p;
}

/* Read a table's count (each record at least min_size bytes) and allocate exactly that many
 * records (NULL for none); the caller's loop then reads them up to `cnt`. */
#define TABLE(arr, n, cap, min_size)                                                           \
    do {                                                                                       \
        cnt = r_count(r, (min_size));                                                          \
        if (r->bad)                                                                            \
            goto done;                                                                         \
        (n) = (cap) = 0;                                                                       \
        if (cnt) {                                                                             \
            if (!((arr) = table_alloc(cnt, sizeof *(arr)))) {                                  \
                st = REGINT_ENOMEM;                                                            \
                goto done;                                                                     \
            }                                                                                  \
            (cap) = cnt;                                                                       \
        }                                                                                      \
    } while (0)

static regint_status build(rbuf *r, const char *json_path, regint_dataset *ds)
{
    regint_status st = REGINT_OK;
    size_t cnt;
    uint32_t nstr = r->nstrs;
    uint64_t sbytes = r_u64(r);
    if (r->bad || sbytes > (uint64_t)(r->end - r->p) || (nstr && (sbytes < nstr || r->p[sbytes - 1] != 0)))
        return REGINT_EVERSION;
    r->strs = malloc((nstr ? nstr : 1) * sizeof *r->strs);
    if (!r->strs)
        return REGINT_ENOMEM;
    const char *s = (const char *)r->p, *send = s + sbytes;
    for (uint32_t i = 0; i < nstr; i++) {
        const char *z = memchr(s, 0, (size_t)(send - s));
        if (!z)
            return REGINT_EVERSION;
        if (!(r->strs[i] = regint__ds_intern(ds, s)))
            return REGINT_ENOMEM;
        s = z + 1;
    }
    r->p += sbytes;

    TABLE(ds->counties, ds->ncounties, ds->ccounties, 16);
    for (; ds->ncounties < cnt; ds->ncounties++) {
        regint_county_t *x = &ds->counties[ds->ncounties];
        x->fylkesnr = r_str(r), x->name = r_str(r), x->valid_from = r_i32(r), x->valid_to = r_i32(r);
    }
    TABLE(ds->munis, ds->nmunis, ds->cmunis, 28);
    for (; ds->nmunis < cnt; ds->nmunis++) {
        regint_municipality_t *x = &ds->munis[ds->nmunis];
        x->kommunenr = r_str(r), x->name = r_str(r), x->fylkesnr = r_str(r);
        x->valid_from = r_i32(r), x->valid_to = r_i32(r), x->centrality = r_i32(r), x->kostra_group = r_str(r);
    }
    TABLE(ds->pops, ds->npops, ds->cpops, 16);
    for (; ds->npops < cnt; ds->npops++) {
        regint__pop *x = &ds->pops[ds->npops];
        x->kommunenr = r_str(r), x->year = r_i32(r), x->persons = (int64_t)r_u64(r);
    }
    TABLE(ds->changes, ds->nchanges, ds->cchanges, 20);
    for (; ds->nchanges < cnt; ds->nchanges++) {
        regint_code_change_t *x = &ds->changes[ds->nchanges];
        x->from_kommunenr = r_str(r), x->from_year = r_i32(r), x->to_kommunenr = r_str(r);
        x->to_year = r_i32(r), x->kind = (regint_change_kind)r_i32(r);
    }
    TABLE(ds->sets, ds->nsets, ds->csets, 28);
    for (; ds->nsets < cnt; ds->nsets++) {
        regint_settlement_t *x = &ds->sets[ds->nsets];
        x->kommunenr = r_str(r), x->year = r_i32(r), x->measure = (regint_measure)r_i32(r);
        x->category = (regint_category)r_i32(r), x->value = r_value(r);
    }
    TABLE(ds->inds, ds->ninds, ds->cinds, 32);
    for (; ds->ninds < cnt; ds->ninds++) {
        regint_indicator_t *x = &ds->inds[ds->ninds];
        x->id = r_str(r), x->name_nb = r_str(r), x->name_en = r_str(r), x->unit = r_str(r), x->source = r_str(r);
        x->direction = (regint_direction)r_i32(r), x->level = (regint_level)r_i32(r), x->sdg_targets = r_str(r);
    }
    TABLE(ds->obs, ds->nobs, ds->cobs, 28);
    for (; ds->nobs < cnt; ds->nobs++) {
        regint_observation_t *x = &ds->obs[ds->nobs];
        x->indicator = r_str(r), x->area = r_str(r), x->year = r_i32(r), x->category = r_str(r);
        x->value = r_value(r);
    }
    TABLE(ds->cases, ds->ncases, ds->ccases, 16);
    for (; ds->ncases < cnt; ds->ncases++) {
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
    const unsigned char *data = map_file(snap_path, &have);
    if (!data)
        return REGINT_ENOTFOUND;
    if (have < 8 + 12) {
        munmap((void *)data, have);
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
    uint64_t jlen = r_u64(&r), jhash = r_u64(&r), flen, fhash;
    if (r.bad || memcmp(vbuf, ver, vlen) != 0 || regint__snapshot_hash(data, have - 8) != tail)
        goto fail;
    if (hash_file(json_path, &flen, &fhash) || flen != jlen || fhash != jhash)
        goto fail;
    r.nstrs = r_u32(&r);
    regint_dataset *ds = NULL;
    if (r.bad)
        goto fail;
    if (regint_dataset_new(&ds)) {
        st = REGINT_ENOMEM;
        goto fail;
    }
    st = build(&r, json_path, ds);
    if (st)
        regint_dataset_free(ds);
    else
        *out = ds;
fail:
    free(r.strs);
    munmap((void *)data, have);
    return st;
}
