/* The dataset core: handle, records, validated adders, lookups through hash indexes,
 * code correspondence, transactions, and the storage of optional sections. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset/dataset_internal.h"
#include "util/fileio.h"
#include "util/internal.h"
#include "regint/validate.h"
#include "dataset/section.h"

#define MIN_YEAR 1800
#define MAX_YEAR 2200

/* ------------------------------------------------------------------------- */
/* Hash index: open addressing over record positions (slot = position + 1). */

typedef struct hindex {
    size_t *slot;
    size_t cap; /* power of two, 0 when empty */
    size_t n;
} hindex;

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static uint64_t hptr(const void *p) { return mix((uint64_t)(uintptr_t)p); }
static uint64_t hcomb(uint64_t h, uint64_t v) { return mix(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2))); }

static uint64_t hstr(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return mix(h);
}

static void hindex_free(hindex *h)
{
    free(h->slot);
    h->slot = NULL;
    h->cap = h->n = 0;
}

static void hindex_put(hindex *h, uint64_t hash, size_t pos)
{
    size_t mask = h->cap - 1, i = (size_t)hash & mask;
    while (h->slot[i])
        i = (i + 1) & mask;
    h->slot[i] = pos + 1;
    h->n++;
}

/* ------------------------------------------------------------------------- */
/* The dataset */

typedef struct undo {
    int table;
    size_t pos;
    regint_value_t old;
    int64_t old_persons;
} undo;

typedef struct strpool {
    char **slot;
    size_t cap, n;
} strpool;

struct regint_dataset {
    strpool pool;
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

    hindex ix_muni, ix_pop, ix_chg_from, ix_chg_to, ix_set, ix_ind, ix_obs, ix_case;

    /* transaction */
    int in_tx;
    size_t mark[REGINT__T_COUNT];
    undo *undo;
    size_t nundo, cundo;

    void **sections;
};

/* Keys */
static uint64_t key_pop(const char *k, int y) { return hcomb(hptr(k), (uint64_t)y); }
static uint64_t key_set(const char *k, int y, int m, int c)
{
    return hcomb(hcomb(hcomb(hptr(k), (uint64_t)y), (uint64_t)m), (uint64_t)c);
}
static uint64_t key_obs(const char *ind, const char *area, int y, const char *cat)
{
    return hcomb(hcomb(hcomb(hptr(ind), hptr(area)), (uint64_t)y), hptr(cat));
}

static uint64_t table_hash(const regint_dataset *ds, hindex *h, size_t pos)
{
    if (h == &ds->ix_muni)
        return hptr(ds->munis[pos].kommunenr);
    if (h == &ds->ix_pop)
        return key_pop(ds->pops[pos].kommunenr, ds->pops[pos].year);
    if (h == &ds->ix_chg_from)
        return hptr(ds->changes[pos].from_kommunenr);
    if (h == &ds->ix_chg_to)
        return hptr(ds->changes[pos].to_kommunenr);
    if (h == &ds->ix_set) {
        const regint_settlement_t *s = &ds->sets[pos];
        return key_set(s->kommunenr, s->year, (int)s->measure, (int)s->category);
    }
    if (h == &ds->ix_ind)
        return hptr(ds->inds[pos].id);
    if (h == &ds->ix_obs) {
        const regint_observation_t *o = &ds->obs[pos];
        return key_obs(o->indicator, o->area, o->year, o->category);
    }
    return hptr(ds->cases[pos].id);
}

/* Rebuild an index over the first n records, growing it to hold `want` entries. */
static regint_status hindex_rebuild(regint_dataset *ds, hindex *h, size_t n, size_t want)
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
        free(h->slot);
        h->slot = s;
        h->cap = cap;
    } else {
        memset(h->slot, 0, cap * sizeof *h->slot);
    }
    h->n = 0;
    for (size_t i = 0; i < n; i++)
        hindex_put(h, table_hash(ds, h, i), i);
    return REGINT_OK;
}

/* Make room for one more entry in index h over n records. */
static regint_status hindex_reserve1(regint_dataset *ds, hindex *h, size_t n)
{
    if (h->cap && (h->n + 1) * 2 <= h->cap)
        return REGINT_OK;
    return hindex_rebuild(ds, h, n, h->n + 1 < 8 ? 8 : (h->n + 1) * 2);
}

#define GROW(arr, n, cap)                                                                      \
    do {                                                                                       \
        if ((n) == (cap)) {                                                                    \
            size_t nc_ = (cap) ? (cap) * 2 : 16;                                               \
            void *np_ = regint__reallocarray((arr), nc_, sizeof *(arr));                       \
            if (!np_)                                                                          \
                return regint__enomem();                                                       \
            (arr) = np_;                                                                       \
            (cap) = nc_;                                                                       \
        }                                                                                      \
    } while (0)

regint_status regint_dataset_new(regint_dataset **out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_dataset_new: out is NULL");
    regint_dataset *ds = regint__calloc(1, sizeof *ds);
    if (!ds)
        return regint__enomem();
    if (regint__section_count) {
        ds->sections = regint__calloc(regint__section_count, sizeof *ds->sections);
        if (!ds->sections) {
            free(ds);
            return regint__enomem();
        }
    }
    *out = ds;
    return REGINT_OK;
}

void regint_dataset_free(regint_dataset *ds)
{
    if (!ds)
        return;
    for (size_t i = 0; i < regint__section_count; i++)
        if (ds->sections && ds->sections[i])
            regint__sections[i]->free(ds->sections[i]);
    free(ds->sections);
    for (size_t i = 0; i < ds->pool.cap; i++)
        free(ds->pool.slot[i]);
    free(ds->pool.slot);
    free(ds->counties);
    free(ds->munis);
    free(ds->pops);
    free(ds->changes);
    free(ds->sets);
    free(ds->inds);
    free(ds->obs);
    free(ds->cases);
    hindex *ix[] = {&ds->ix_muni, &ds->ix_pop, &ds->ix_chg_from, &ds->ix_chg_to,
                    &ds->ix_set, &ds->ix_ind, &ds->ix_obs, &ds->ix_case};
    for (size_t i = 0; i < sizeof ix / sizeof ix[0]; i++)
        hindex_free(ix[i]);
    free(ds->undo);
    free(ds);
}

/* ------------------------------------------------------------------------- */
/* Strings */

const char *regint__ds_find_string(const regint_dataset *ds, const char *s)
{
    if (!ds || !s || !ds->pool.cap)
        return NULL;
    size_t mask = ds->pool.cap - 1, i = (size_t)hstr(s) & mask;
    while (ds->pool.slot[i]) {
        if (strcmp(ds->pool.slot[i], s) == 0)
            return ds->pool.slot[i];
        i = (i + 1) & mask;
    }
    return NULL;
}

const char *regint__ds_intern(regint_dataset *ds, const char *s)
{
    if (!s)
        s = "";
    const char *f = regint__ds_find_string(ds, s);
    if (f)
        return f;
    if ((ds->pool.n + 1) * 2 > ds->pool.cap) {
        size_t nc = ds->pool.cap ? ds->pool.cap * 2 : 256;
        char **ns = regint__calloc(nc, sizeof *ns);
        if (!ns) {
            regint__enomem();
            return NULL;
        }
        for (size_t i = 0; i < ds->pool.cap; i++) {
            char *p = ds->pool.slot[i];
            if (!p)
                continue;
            size_t j = (size_t)hstr(p) & (nc - 1);
            while (ns[j])
                j = (j + 1) & (nc - 1);
            ns[j] = p;
        }
        free(ds->pool.slot);
        ds->pool.slot = ns;
        ds->pool.cap = nc;
    }
    char *copy = regint__strdup(s);
    if (!copy)
        return NULL;
    size_t mask = ds->pool.cap - 1, i = (size_t)hstr(s) & mask;
    while (ds->pool.slot[i])
        i = (i + 1) & mask;
    ds->pool.slot[i] = copy;
    ds->pool.n++;
    return copy;
}

/* ------------------------------------------------------------------------- */
/* Messages */

regint_status regint__place_error(const regint__place *pl, const char *field, regint_status st,
                                  const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *file = pl ? pl->file : NULL;
    if (pl && pl->line)
        return regint__error(st, "%s%s line %zu: %s: %s", file ? file : "", file ? ":" : "", pl->line,
                             field, msg);
    const char *path = (pl && pl->path && *pl->path) ? pl->path : NULL;
    if (file)
        return regint__error(st, "%s: %s%s%s: %s", file, path ? path : "", path ? "." : "", field, msg);
    return regint__error(st, "%s%s%s: %s", path ? path : "", path ? "." : "", field, msg);
}

/* ------------------------------------------------------------------------- */
/* Enum names */

static const char *const missing_names[] = {"", "suppressed", "not_applicable", "no_decision",
                                            "awaiting_decision", "unknown"};
static const char *const measure_names[] = {"anmodning", "vedtak", "bosatt", "avtalt",
                                            "opprinnelig_anmodning"};
static const char *const category_names[] = {"alle", "enslige_mindreaarige",
                                             "enslige_mindreaarige_under15",
                                             "enslige_mindreaarige_15_18", "kollektiv_beskyttelse"};
static const char *const kind_names[] = {"unchanged", "renumbered", "split", "merged"};
static const char *const direction_names[] = {"neutral", "higher_better", "lower_better"};
static const char *const level_names[] = {"kommune", "fylke", "nation"};
static const char *const flag_names[] = {"unaccompanied_minor", "family_reunification",
                                         "resettlement", "collective_protection"};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static regint_status name_lookup(const char *const *names, size_t n, const char *s, int *out,
                                 const char *what)
{
    if (s)
        for (size_t i = 0; i < n; i++)
            if (strcmp(names[i], s) == 0) {
                *out = (int)i;
                return REGINT_OK;
            }
    return regint__error(REGINT_ENOTFOUND, "unknown %s '%s'", what, s ? s : "(null)");
}

const char *regint_missing_name(regint_missing m)
{
    return (unsigned)m < NELEM(missing_names) ? missing_names[m] : "unknown";
}
regint_status regint_missing_from_name(const char *name, regint_missing *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_missing_from_name: NULL output");
    int v = 0;
    if (!name || !*name || !out)
        return regint__error(REGINT_ENOTFOUND, "unknown missing reason '%s'", name ? name : "(null)");
    regint_status st = name_lookup(missing_names, NELEM(missing_names), name, &v, "missing reason");
    if (!st)
        *out = (regint_missing)v;
    return st;
}
const char *regint_measure_name(regint_measure m)
{
    return (unsigned)m < NELEM(measure_names) ? measure_names[m] : "unknown";
}
regint_status regint_measure_from_name(const char *name, regint_measure *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_measure_from_name: NULL output");
    int v = 0;
    regint_status st = name_lookup(measure_names, NELEM(measure_names), name, &v, "measure");
    if (!st && out)
        *out = (regint_measure)v;
    return st;
}
const char *regint_category_name(regint_category c)
{
    return (unsigned)c < NELEM(category_names) ? category_names[c] : "unknown";
}
regint_status regint_category_from_name(const char *name, regint_category *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_category_from_name: NULL output");
    int v = 0;
    regint_status st = name_lookup(category_names, NELEM(category_names), name, &v, "category");
    if (!st && out)
        *out = (regint_category)v;
    return st;
}
const char *regint__change_kind_name(regint_change_kind k)
{
    return (unsigned)k < NELEM(kind_names) ? kind_names[k] : "";
}
regint_status regint__change_kind_from_name(const char *s, regint_change_kind *out)
{
    int v = 0;
    regint_status st = name_lookup(kind_names, NELEM(kind_names), s, &v, "change kind");
    if (!st)
        *out = (regint_change_kind)v;
    return st;
}
const char *regint__direction_name(regint_direction d)
{
    return (unsigned)d < NELEM(direction_names) ? direction_names[d] : "";
}
regint_status regint__direction_from_name(const char *s, regint_direction *out)
{
    int v = 0;
    regint_status st = name_lookup(direction_names, NELEM(direction_names), s, &v, "direction");
    if (!st)
        *out = (regint_direction)v;
    return st;
}
const char *regint__level_name(regint_level l)
{
    return (unsigned)l < NELEM(level_names) ? level_names[l] : "";
}
regint_status regint__level_from_name(const char *s, regint_level *out)
{
    int v = 0;
    regint_status st = name_lookup(level_names, NELEM(level_names), s, &v, "level");
    if (!st)
        *out = (regint_level)v;
    return st;
}
const char *regint__case_flag_name(unsigned bit)
{
    return bit < NELEM(flag_names) ? flag_names[bit] : NULL;
}

/* ------------------------------------------------------------------------- */
/* Lookups */

static int valid_in(int from, int to, int year) { return year >= from && year <= to; }

/* Visit the municipality records with this (interned) code. */
#define FOR_MUNI(ds, code, pos)                                                                \
    for (size_t mask_ = (ds)->ix_muni.cap - 1,                                                 \
                i_ = (ds)->ix_muni.cap ? ((size_t)hptr(code) & mask_) : 0, pos = 0;            \
         (ds)->ix_muni.cap && (ds)->ix_muni.slot[i_]; i_ = (i_ + 1) & mask_)                   \
        if ((pos = (ds)->ix_muni.slot[i_] - 1, (ds)->munis[pos].kommunenr == (code)))

static const regint_municipality_t *muni_in(const regint_dataset *ds, const char *code, int year)
{
    FOR_MUNI(ds, code, pos)
    {
        if (valid_in(ds->munis[pos].valid_from, ds->munis[pos].valid_to, year))
            return &ds->munis[pos];
    }
    return NULL;
}

static const regint_county_t *county_in(const regint_dataset *ds, const char *code, int year)
{
    for (size_t i = 0; i < ds->ncounties; i++)
        if (strcmp(ds->counties[i].fylkesnr, code) == 0 &&
            valid_in(ds->counties[i].valid_from, ds->counties[i].valid_to, year))
            return &ds->counties[i];
    return NULL;
}

size_t regint_dataset_county_count(const regint_dataset *ds) { return ds ? ds->ncounties : 0; }
const regint_county_t *regint_dataset_county_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->ncounties ? &ds->counties[i] : NULL;
}
regint_status regint_dataset_county(const regint_dataset *ds, const char *fylkesnr, int year,
                                    const regint_county_t **out)
{
    if (!ds || !fylkesnr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_county: NULL argument");
    const regint_county_t *c = county_in(ds, fylkesnr, year);
    if (!c)
        return regint__error(REGINT_ENOTFOUND, "no county '%s' valid in %d", fylkesnr, year);
    *out = c;
    return REGINT_OK;
}

size_t regint_dataset_municipality_count(const regint_dataset *ds) { return ds ? ds->nmunis : 0; }
const regint_municipality_t *regint_dataset_municipality_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->nmunis ? &ds->munis[i] : NULL;
}
regint_status regint_dataset_municipality(const regint_dataset *ds, const char *kommunenr, int year,
                                          const regint_municipality_t **out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_municipality: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    const regint_municipality_t *m = k ? muni_in(ds, k, year) : NULL;
    if (!m)
        return regint__error(REGINT_ENOTFOUND, "no municipality '%s' valid in %d", kommunenr, year);
    *out = m;
    return REGINT_OK;
}

static int cmp_muni_ptr(const void *a, const void *b)
{
    const regint_municipality_t *x = *(const regint_municipality_t *const *)a;
    const regint_municipality_t *y = *(const regint_municipality_t *const *)b;
    int c = strcmp(x->kommunenr, y->kommunenr);
    return c ? c : (x->valid_from > y->valid_from) - (x->valid_from < y->valid_from);
}

regint_status regint_dataset_municipalities_in(const regint_dataset *ds, int year, const char *fylkesnr,
                                               const regint_municipality_t ***out, size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_dataset_municipalities_in: NULL argument");
    const regint_municipality_t **arr = regint__calloc(ds->nmunis ? ds->nmunis : 1, sizeof *arr);
    if (!arr)
        return regint__enomem();
    size_t k = 0;
    for (size_t i = 0; i < ds->nmunis; i++) {
        const regint_municipality_t *m = &ds->munis[i];
        if (!valid_in(m->valid_from, m->valid_to, year))
            continue;
        if (fylkesnr && strcmp(fylkesnr, m->fylkesnr) != 0)
            continue;
        arr[k++] = m;
    }
    qsort(arr, k, sizeof *arr, cmp_muni_ptr);
    *out = arr;
    *n = k;
    return REGINT_OK;
}

static size_t find_pop(const regint_dataset *ds, const char *k, int year)
{
    if (!ds->ix_pop.cap)
        return SIZE_MAX;
    size_t mask = ds->ix_pop.cap - 1, i = (size_t)key_pop(k, year) & mask;
    for (; ds->ix_pop.slot[i]; i = (i + 1) & mask) {
        size_t p = ds->ix_pop.slot[i] - 1;
        if (ds->pops[p].kommunenr == k && ds->pops[p].year == year)
            return p;
    }
    return SIZE_MAX;
}

regint_status regint_dataset_population(const regint_dataset *ds, const char *kommunenr, int year,
                                        int64_t *out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_population: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    size_t p = k ? find_pop(ds, k, year) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no population figure for '%s' in %d", kommunenr, year);
    *out = ds->pops[p].persons;
    return REGINT_OK;
}

size_t regint__ds_population_count(const regint_dataset *ds) { return ds ? ds->npops : 0; }
const regint__pop *regint__ds_population_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->npops ? &ds->pops[i] : NULL;
}

size_t regint_dataset_code_change_count(const regint_dataset *ds) { return ds ? ds->nchanges : 0; }
const regint_code_change_t *regint_dataset_code_change_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->nchanges ? &ds->changes[i] : NULL;
}

static size_t find_set(const regint_dataset *ds, const char *k, int year, int m, int c)
{
    if (!ds->ix_set.cap)
        return SIZE_MAX;
    size_t mask = ds->ix_set.cap - 1, i = (size_t)key_set(k, year, m, c) & mask;
    for (; ds->ix_set.slot[i]; i = (i + 1) & mask) {
        size_t p = ds->ix_set.slot[i] - 1;
        const regint_settlement_t *s = &ds->sets[p];
        if (s->kommunenr == k && s->year == year && (int)s->measure == m && (int)s->category == c)
            return p;
    }
    return SIZE_MAX;
}

size_t regint_dataset_settlement_count(const regint_dataset *ds) { return ds ? ds->nsets : 0; }
const regint_settlement_t *regint_dataset_settlement_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->nsets ? &ds->sets[i] : NULL;
}
regint_status regint_dataset_settlement(const regint_dataset *ds, const char *kommunenr, int year,
                                        regint_measure measure, regint_category category,
                                        regint_value_t *out)
{
    if (!ds || !kommunenr || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_settlement: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    size_t p = k ? find_set(ds, k, year, (int)measure, (int)category) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no settlement figure for '%s' in %d (%s, %s)", kommunenr,
                             year, regint_measure_name(measure), regint_category_name(category));
    *out = ds->sets[p].value;
    return REGINT_OK;
}

static size_t find_ind(const regint_dataset *ds, const char *id)
{
    if (!ds->ix_ind.cap)
        return SIZE_MAX;
    size_t mask = ds->ix_ind.cap - 1, i = (size_t)hptr(id) & mask;
    for (; ds->ix_ind.slot[i]; i = (i + 1) & mask) {
        size_t p = ds->ix_ind.slot[i] - 1;
        if (ds->inds[p].id == id)
            return p;
    }
    return SIZE_MAX;
}

size_t regint_dataset_indicator_count(const regint_dataset *ds) { return ds ? ds->ninds : 0; }
const regint_indicator_t *regint_dataset_indicator_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->ninds ? &ds->inds[i] : NULL;
}
regint_status regint_dataset_indicator(const regint_dataset *ds, const char *id, const regint_indicator_t **out)
{
    if (!ds || !id || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_indicator: NULL argument");
    const char *k = regint__ds_find_string(ds, id);
    size_t p = k ? find_ind(ds, k) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no indicator '%s' in the catalogue", id);
    *out = &ds->inds[p];
    return REGINT_OK;
}

static size_t find_obs(const regint_dataset *ds, const char *ind, const char *area, int year, const char *cat)
{
    if (!ds->ix_obs.cap)
        return SIZE_MAX;
    size_t mask = ds->ix_obs.cap - 1, i = (size_t)key_obs(ind, area, year, cat) & mask;
    for (; ds->ix_obs.slot[i]; i = (i + 1) & mask) {
        size_t p = ds->ix_obs.slot[i] - 1;
        const regint_observation_t *o = &ds->obs[p];
        if (o->indicator == ind && o->area == area && o->year == year && o->category == cat)
            return p;
    }
    return SIZE_MAX;
}

size_t regint_dataset_observation_count(const regint_dataset *ds) { return ds ? ds->nobs : 0; }
const regint_observation_t *regint_dataset_observation_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->nobs ? &ds->obs[i] : NULL;
}
regint_status regint_dataset_observation(const regint_dataset *ds, const char *indicator, const char *area,
                                         int year, const char *category, regint_value_t *out)
{
    if (!ds || !indicator || !area || !out)
        return regint__error(REGINT_EINVAL, "regint_dataset_observation: NULL argument");
    if (!category)
        category = "";
    const char *i = regint__ds_find_string(ds, indicator), *a = regint__ds_find_string(ds, area),
               *c = regint__ds_find_string(ds, category);
    size_t p = (i && a && c) ? find_obs(ds, i, a, year, c) : SIZE_MAX;
    if (p == SIZE_MAX)
        return regint__error(REGINT_ENOTFOUND, "no observation of '%s' for '%s' in %d%s%s%s", indicator,
                             area, year, *category ? " (" : "", category, *category ? ")" : "");
    *out = ds->obs[p].value;
    return REGINT_OK;
}

static size_t find_case(const regint_dataset *ds, const char *id)
{
    if (!ds->ix_case.cap)
        return SIZE_MAX;
    size_t mask = ds->ix_case.cap - 1, i = (size_t)hptr(id) & mask;
    for (; ds->ix_case.slot[i]; i = (i + 1) & mask) {
        size_t p = ds->ix_case.slot[i] - 1;
        if (ds->cases[p].id == id)
            return p;
    }
    return SIZE_MAX;
}

size_t regint_dataset_case_count(const regint_dataset *ds) { return ds ? ds->ncases : 0; }
const regint_case_t *regint_dataset_case_at(const regint_dataset *ds, size_t i)
{
    return ds && i < ds->ncases ? &ds->cases[i] : NULL;
}

/* ------------------------------------------------------------------------- */
/* Code correspondence */

typedef struct node {
    const char *code;
    const regint_municipality_t *rec;
} node;

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

regint_status regint_dataset_map_code(const regint_dataset *ds, const char *kommunenr, int from_year,
                                      int to_year, const char ***out, size_t *n)
{
    if (!ds || !kommunenr || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_dataset_map_code: NULL argument");
    const char *k = regint__ds_find_string(ds, kommunenr);
    const regint_municipality_t *start = k ? muni_in(ds, k, from_year) : NULL;
    if (!start)
        return regint__error(REGINT_ENOTFOUND, "no municipality '%s' valid in %d", kommunenr, from_year);

    /* Breadth-first search over the change rows: forward (to later records) while the
     * target year lies after the record, backward (to earlier records, not ending before
     * the target year) while it lies before. Records on the way are few (a handful), so a
     * linear visited list; the arrays grow if a chain is longer. */
    size_t cap = 64, nq = 0, head = 0, nres = 0;
    node *q = regint__calloc(cap, sizeof *q);
    const char **res = regint__calloc(cap, sizeof *res);
    if (!q || !res) {
        free(q);
        free(res);
        return regint__enomem();
    }
    q[nq++] = (node){k, start};
    while (head < nq) {
        node cur = q[head++];
        if (valid_in(cur.rec->valid_from, cur.rec->valid_to, to_year)) {
            int dup = 0;
            for (size_t i = 0; i < nres; i++)
                dup |= res[i] == cur.code;
            if (!dup)
                res[nres++] = cur.code;
            continue;
        }
        int forward = to_year > cur.rec->valid_to;
        const hindex *ix = forward ? &ds->ix_chg_from : &ds->ix_chg_to;
        if (!ix->cap)
            continue;
        size_t mask = ix->cap - 1;
        for (size_t i = (size_t)hptr(cur.code) & mask; ix->slot[i]; i = (i + 1) & mask) {
            const regint_code_change_t *c = &ds->changes[ix->slot[i] - 1];
            const char *here = forward ? c->from_kommunenr : c->to_kommunenr;
            int here_year = forward ? c->from_year : c->to_year;
            if (here != cur.code || !valid_in(cur.rec->valid_from, cur.rec->valid_to, here_year))
                continue;
            const char *there = forward ? c->to_kommunenr : c->from_kommunenr;
            int there_year = forward ? c->to_year : c->from_year;
            const regint_municipality_t *r = muni_in(ds, there, there_year);
            if (!r || r == cur.rec)
                continue;
            if (!forward && r->valid_to < to_year)
                continue;
            int seen = 0;
            for (size_t j = 0; j < nq; j++)
                seen |= q[j].rec == r;
            if (seen)
                continue;
            if (nq == cap) { /* grow both: nres <= nq always */
                node *nq2 = regint__reallocarray(q, cap * 2, sizeof *q);
                if (nq2)
                    q = nq2;
                const char **nr2 = nq2 ? regint__reallocarray(res, cap * 2, sizeof *res) : NULL;
                if (!nr2) {
                    free(q);
                    free(res);
                    return regint__enomem();
                }
                res = nr2;
                cap *= 2;
            }
            q[nq++] = (node){there, r};
        }
    }
    free(q);
    if (nres == 0) {
        /* No change rows at all for the code and the same code is valid in to_year: unchanged. */
        int any = 0;
        for (size_t i = 0; i < ds->nchanges && !any; i++)
            any = ds->changes[i].from_kommunenr == k || ds->changes[i].to_kommunenr == k;
        if (!any && muni_in(ds, k, to_year))
            res[nres++] = k;
    }
    if (nres == 0) {
        free(res);
        return regint__error(REGINT_ENOTFOUND, "no mapping of '%s' (%d) to %d", kommunenr, from_year, to_year);
    }
    qsort(res, nres, sizeof *res, cmp_str_ptr);
    *out = res;
    *n = nres;
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Transactions */

static size_t *count_of(regint_dataset *ds, int t)
{
    switch (t) {
    case REGINT__T_COUNTY: return &ds->ncounties;
    case REGINT__T_MUNI: return &ds->nmunis;
    case REGINT__T_POP: return &ds->npops;
    case REGINT__T_CHANGE: return &ds->nchanges;
    case REGINT__T_SETTLE: return &ds->nsets;
    case REGINT__T_IND: return &ds->ninds;
    case REGINT__T_OBS: return &ds->nobs;
    default: return &ds->ncases;
    }
}

void regint__ds_begin(regint_dataset *ds)
{
    for (int t = 0; t < REGINT__T_COUNT; t++)
        ds->mark[t] = *count_of(ds, t);
    ds->nundo = 0;
    ds->in_tx = 1;
}

void regint__ds_commit(regint_dataset *ds)
{
    ds->in_tx = 0;
    ds->nundo = 0;
}

void regint__ds_rollback(regint_dataset *ds)
{
    if (!ds->in_tx)
        return;
    while (ds->nundo) {
        undo *u = &ds->undo[--ds->nundo];
        if (u->table == REGINT__T_SETTLE)
            ds->sets[u->pos].value = u->old;
        else if (u->table == REGINT__T_OBS)
            ds->obs[u->pos].value = u->old;
        else
            ds->pops[u->pos].persons = u->old_persons;
    }
    for (int t = 0; t < REGINT__T_COUNT; t++)
        *count_of(ds, t) = ds->mark[t];
    /* Rebuilding into the same capacity allocates nothing. */
    hindex_rebuild(ds, &ds->ix_muni, ds->nmunis, ds->ix_muni.n);
    hindex_rebuild(ds, &ds->ix_pop, ds->npops, ds->ix_pop.n);
    hindex_rebuild(ds, &ds->ix_chg_from, ds->nchanges, ds->ix_chg_from.n);
    hindex_rebuild(ds, &ds->ix_chg_to, ds->nchanges, ds->ix_chg_to.n);
    hindex_rebuild(ds, &ds->ix_set, ds->nsets, ds->ix_set.n);
    hindex_rebuild(ds, &ds->ix_ind, ds->ninds, ds->ix_ind.n);
    hindex_rebuild(ds, &ds->ix_obs, ds->nobs, ds->ix_obs.n);
    hindex_rebuild(ds, &ds->ix_case, ds->ncases, ds->ix_case.n);
    ds->in_tx = 0;
}

/* replace: 0 never, 1 always, 2 only records that existed before the transaction. */
static int replaceable(const regint_dataset *ds, int replace, int table, size_t pos)
{
    if (replace == 2)
        return !ds->in_tx || pos < ds->mark[table];
    return replace;
}

static regint_status log_undo(regint_dataset *ds, int table, size_t pos)
{
    if (!ds->in_tx)
        return REGINT_OK;
    GROW(ds->undo, ds->nundo, ds->cundo);
    undo *u = &ds->undo[ds->nundo++];
    u->table = table;
    u->pos = pos;
    if (table == REGINT__T_SETTLE)
        u->old = ds->sets[pos].value;
    else if (table == REGINT__T_OBS)
        u->old = ds->obs[pos].value;
    else
        u->old_persons = ds->pops[pos].persons;
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Validated adders */

static const regint__place *api_place(const regint__place *pl, regint__place *tmp, const char *what)
{
    if (pl)
        return pl;
    tmp->file = NULL;
    tmp->path = what;
    tmp->line = 0;
    return tmp;
}

static regint_status check_year(const regint__place *pl, const char *field, int y, int allow_open)
{
    if ((y >= MIN_YEAR && y <= MAX_YEAR) || (allow_open && y == REGINT_YEAR_OPEN))
        return REGINT_OK;
    return regint__place_error(pl, field, REGINT_ERANGE, "year %d is outside [%d, %d]%s", y, MIN_YEAR,
                               MAX_YEAR, allow_open ? " (or 9999 = open)" : "");
}

static regint_status check_name(const regint__place *pl, const char *field, const char *s)
{
    if (!s || !*s)
        return regint__place_error(pl, field, REGINT_EINVAL, "must be a non-empty string");
    return REGINT_OK;
}

static regint_status check_value(const regint__place *pl, regint_value_t v, int nonneg)
{
    if ((unsigned)v.missing > REGINT_MISSING_UNKNOWN)
        return regint__place_error(pl, "missing", REGINT_EINVAL, "unknown missing reason %d", (int)v.missing);
    if (v.missing != REGINT_MISSING_NONE)
        return REGINT_OK;
    if (!isfinite(v.value))
        return regint__place_error(pl, "value", REGINT_EINVAL,
                                   "not a finite number (a missing value needs a reason)");
    if (nonneg && v.value < 0)
        return regint__place_error(pl, "value", REGINT_ERANGE, "%g persons: expected a non-negative number",
                                   v.value);
    return REGINT_OK;
}

regint_status regint__ds_add_county(regint_dataset *ds, const regint_county_t *c, const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "county");
    if (!ds || !c)
        return regint__error(REGINT_EINVAL, "regint_dataset_add_county: NULL argument");
    if (!regint_validate_fylkesnr_format(c->fylkesnr))
        return regint__place_error(pl, "fylkesnr", REGINT_EINVAL, "'%s' is not a fylkesnummer (two digits)",
                                   c->fylkesnr ? c->fylkesnr : "(null)");
    regint_status st;
    if ((st = check_name(pl, "name", c->name)) || (st = check_year(pl, "valid_from", c->valid_from, 0)) ||
        (st = check_year(pl, "valid_to", c->valid_to, 1)))
        return st;
    if (c->valid_to < c->valid_from)
        return regint__place_error(pl, "valid_to", REGINT_EINVAL, "%d is before valid_from %d", c->valid_to,
                                   c->valid_from);
    for (size_t i = 0; i < ds->ncounties; i++) {
        const regint_county_t *o = &ds->counties[i];
        if (strcmp(o->fylkesnr, c->fylkesnr) == 0 && c->valid_from <= o->valid_to && o->valid_from <= c->valid_to)
            return regint__place_error(pl, "fylkesnr", REGINT_EDUPLICATE,
                                       "county '%s' already exists for %d-%d (validity overlaps %d-%d)",
                                       c->fylkesnr, o->valid_from, o->valid_to, c->valid_from, c->valid_to);
    }
    GROW(ds->counties, ds->ncounties, ds->ccounties);
    regint_county_t r = *c;
    if (!(r.fylkesnr = regint__ds_intern(ds, c->fylkesnr)) || !(r.name = regint__ds_intern(ds, c->name)))
        return REGINT_ENOMEM;
    ds->counties[ds->ncounties++] = r;
    return REGINT_OK;
}

/* 1 if county records with this code cover every year of [from, to]. */
static int county_covers(const regint_dataset *ds, const char *code, int from, int to)
{
    int cur = from;
    for (int guard = 0; guard < 1000 && cur <= to; guard++) {
        const regint_county_t *c = county_in(ds, code, cur);
        if (!c)
            return 0;
        if (c->valid_to >= to)
            return 1;
        cur = c->valid_to + 1;
    }
    return cur > to;
}

regint_status regint__ds_add_municipality(regint_dataset *ds, const regint_municipality_t *m,
                                          const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "municipality");
    if (!ds || !m)
        return regint__error(REGINT_EINVAL, "regint_dataset_add_municipality: NULL argument");
    if (!regint_validate_kommunenr_format(m->kommunenr))
        return regint__place_error(pl, "kommunenr", REGINT_EINVAL, "'%s' is not a kommunenummer (four digits)",
                                   m->kommunenr ? m->kommunenr : "(null)");
    if (!regint_validate_fylkesnr_format(m->fylkesnr))
        return regint__place_error(pl, "fylkesnr", REGINT_EINVAL, "'%s' is not a fylkesnummer (two digits)",
                                   m->fylkesnr ? m->fylkesnr : "(null)");
    regint_status st;
    if ((st = check_name(pl, "name", m->name)) || (st = check_year(pl, "valid_from", m->valid_from, 0)) ||
        (st = check_year(pl, "valid_to", m->valid_to, 1)))
        return st;
    if (m->valid_to < m->valid_from)
        return regint__place_error(pl, "valid_to", REGINT_EINVAL, "%d is before valid_from %d", m->valid_to,
                                   m->valid_from);
    if (strncmp(m->kommunenr, m->fylkesnr, 2) != 0)
        return regint__place_error(pl, "fylkesnr", REGINT_EINVAL,
                                   "'%s' does not match the first two digits of kommunenr '%s'", m->fylkesnr,
                                   m->kommunenr);
    if (m->centrality < 0 || m->centrality > 6)
        return regint__place_error(pl, "centrality", REGINT_ERANGE, "%d is outside 0..6", m->centrality);
    if (!county_covers(ds, m->fylkesnr, m->valid_from, m->valid_to)) {
        if (m->valid_to == REGINT_YEAR_OPEN)
            return regint__place_error(pl, "fylkesnr", REGINT_ENOTFOUND,
                                       "no county '%s' valid for all of %d-open", m->fylkesnr, m->valid_from);
        return regint__place_error(pl, "fylkesnr", REGINT_ENOTFOUND, "no county '%s' valid for all of %d-%d",
                                   m->fylkesnr, m->valid_from, m->valid_to);
    }
    const char *k = regint__ds_find_string(ds, m->kommunenr);
    if (k) {
        FOR_MUNI(ds, k, pos)
        {
            const regint_municipality_t *o = &ds->munis[pos];
            if (m->valid_from <= o->valid_to && o->valid_from <= m->valid_to)
                return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                           "municipality '%s' already exists for %d-%d (validity overlaps)",
                                           m->kommunenr, o->valid_from, o->valid_to);
        }
    }
    GROW(ds->munis, ds->nmunis, ds->cmunis);
    if ((st = hindex_reserve1(ds, &ds->ix_muni, ds->nmunis)))
        return st;
    regint_municipality_t r = *m;
    if (!(r.kommunenr = regint__ds_intern(ds, m->kommunenr)) || !(r.name = regint__ds_intern(ds, m->name)) ||
        !(r.fylkesnr = regint__ds_intern(ds, m->fylkesnr)) ||
        !(r.kostra_group = regint__ds_intern(ds, m->kostra_group ? m->kostra_group : "")))
        return REGINT_ENOMEM;
    ds->munis[ds->nmunis] = r;
    hindex_put(&ds->ix_muni, hptr(r.kommunenr), ds->nmunis);
    ds->nmunis++;
    return REGINT_OK;
}

/* The interned code of a municipality valid in `year`, or an error naming `field`. */
static regint_status need_muni(regint_dataset *ds, const regint__place *pl, const char *field,
                               const char *code, int year, const char **out)
{
    if (!regint_validate_kommunenr_format(code))
        return regint__place_error(pl, field, REGINT_EINVAL, "'%s' is not a kommunenummer (four digits)",
                                   code ? code : "(null)");
    const char *k = regint__ds_find_string(ds, code);
    if (!k || !muni_in(ds, k, year))
        return regint__place_error(pl, field, REGINT_ENOTFOUND, "no municipality '%s' valid in %d", code, year);
    *out = k;
    return REGINT_OK;
}

regint_status regint__ds_set_population(regint_dataset *ds, const char *kommunenr, int year, int64_t persons,
                                        int replace, const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "population");
    if (!ds)
        return regint__error(REGINT_EINVAL, "regint_dataset_set_population: NULL argument");
    regint_status st;
    const char *k = NULL;
    if ((st = check_year(pl, "year", year, 0)) || (st = need_muni(ds, pl, "kommunenr", kommunenr, year, &k)))
        return st;
    if (persons < 0)
        return regint__place_error(pl, "persons", REGINT_ERANGE, "%lld: expected a non-negative integer",
                                   (long long)persons);
    /* JSON numbers are doubles: beyond 2^53 a saved figure would not read back exactly. */
    if (persons > (INT64_C(1) << 53))
        return regint__place_error(pl, "persons", REGINT_ERANGE, "%lld: more than 2^53 persons",
                                   (long long)persons);
    size_t p = find_pop(ds, k, year);
    if (p != SIZE_MAX) {
        if (!replaceable(ds, replace, REGINT__T_POP, p))
            return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                       "population of '%s' in %d is given twice", kommunenr, year);
        if ((st = log_undo(ds, REGINT__T_POP, p)))
            return st;
        ds->pops[p].persons = persons;
        return REGINT_OK;
    }
    GROW(ds->pops, ds->npops, ds->cpops);
    if ((st = hindex_reserve1(ds, &ds->ix_pop, ds->npops)))
        return st;
    ds->pops[ds->npops] = (regint__pop){k, year, persons};
    hindex_put(&ds->ix_pop, key_pop(k, year), ds->npops);
    ds->npops++;
    return REGINT_OK;
}

regint_status regint__ds_add_code_change(regint_dataset *ds, const regint_code_change_t *c,
                                         const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "code_change");
    if (!ds || !c)
        return regint__error(REGINT_EINVAL, "regint_dataset_add_code_change: NULL argument");
    regint_status st;
    const char *f = NULL, *t = NULL;
    if ((st = check_year(pl, "from_year", c->from_year, 0)) || (st = check_year(pl, "to_year", c->to_year, 0)) ||
        (st = need_muni(ds, pl, "from", c->from_kommunenr, c->from_year, &f)) ||
        (st = need_muni(ds, pl, "to", c->to_kommunenr, c->to_year, &t)))
        return st;
    if ((unsigned)c->kind > REGINT_CHANGE_MERGED)
        return regint__place_error(pl, "kind", REGINT_EINVAL, "unknown change kind %d", (int)c->kind);
    if (c->to_year <= c->from_year)
        return regint__place_error(pl, "to_year", REGINT_EINVAL, "%d is not after from_year %d", c->to_year,
                                   c->from_year);
    if (ds->ix_chg_from.cap) {
        size_t mask = ds->ix_chg_from.cap - 1;
        for (size_t i = (size_t)hptr(f) & mask; ds->ix_chg_from.slot[i]; i = (i + 1) & mask) {
            const regint_code_change_t *o = &ds->changes[ds->ix_chg_from.slot[i] - 1];
            if (o->from_kommunenr == f && o->to_kommunenr == t && o->from_year == c->from_year &&
                o->to_year == c->to_year)
                return regint__place_error(pl, "from", REGINT_EDUPLICATE, "change %s (%d) -> %s (%d) is given twice",
                                           f, c->from_year, t, c->to_year);
        }
    }
    GROW(ds->changes, ds->nchanges, ds->cchanges);
    if ((st = hindex_reserve1(ds, &ds->ix_chg_from, ds->nchanges)) ||
        (st = hindex_reserve1(ds, &ds->ix_chg_to, ds->nchanges)))
        return st;
    regint_code_change_t r = *c;
    r.from_kommunenr = f;
    r.to_kommunenr = t;
    ds->changes[ds->nchanges] = r;
    hindex_put(&ds->ix_chg_from, hptr(f), ds->nchanges);
    hindex_put(&ds->ix_chg_to, hptr(t), ds->nchanges);
    ds->nchanges++;
    return REGINT_OK;
}

regint_status regint__ds_set_settlement(regint_dataset *ds, const regint_settlement_t *s, int replace,
                                        const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "settlement");
    if (!ds || !s)
        return regint__error(REGINT_EINVAL, "regint_dataset_set_settlement: NULL argument");
    regint_status st;
    const char *k = NULL;
    if ((st = check_year(pl, "year", s->year, 0)) || (st = need_muni(ds, pl, "kommunenr", s->kommunenr, s->year, &k)))
        return st;
    if ((unsigned)s->measure > REGINT_MEASURE_ORIGINAL_REQUEST)
        return regint__place_error(pl, "measure", REGINT_EINVAL, "unknown measure %d", (int)s->measure);
    if ((unsigned)s->category > REGINT_CATEGORY_COLLECTIVE_PROTECTION)
        return regint__place_error(pl, "category", REGINT_EINVAL, "unknown category %d", (int)s->category);
    if ((st = check_value(pl, s->value, 1)))
        return st;
    regint_value_t v = s->value;
    if (v.missing != REGINT_MISSING_NONE)
        v.value = NAN;
    size_t p = find_set(ds, k, s->year, (int)s->measure, (int)s->category);
    if (p != SIZE_MAX) {
        if (!replaceable(ds, replace, REGINT__T_SETTLE, p))
            return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                       "settlement figure for '%s' in %d (%s, %s) is given twice", k, s->year,
                                       regint_measure_name(s->measure), regint_category_name(s->category));
        if ((st = log_undo(ds, REGINT__T_SETTLE, p)))
            return st;
        ds->sets[p].value = v;
        return REGINT_OK;
    }
    GROW(ds->sets, ds->nsets, ds->csets);
    if ((st = hindex_reserve1(ds, &ds->ix_set, ds->nsets)))
        return st;
    regint_settlement_t r = *s;
    r.kommunenr = k;
    r.value = v;
    ds->sets[ds->nsets] = r;
    hindex_put(&ds->ix_set, key_set(k, r.year, (int)r.measure, (int)r.category), ds->nsets);
    ds->nsets++;
    return REGINT_OK;
}

regint_status regint__ds_add_indicator(regint_dataset *ds, const regint_indicator_t *ind, const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "indicator");
    if (!ds || !ind)
        return regint__error(REGINT_EINVAL, "regint_dataset_add_indicator: NULL argument");
    regint_status st;
    if ((st = check_name(pl, "id", ind->id)) || (st = check_name(pl, "name_nb", ind->name_nb)) ||
        (st = check_name(pl, "name_en", ind->name_en)) || (st = check_name(pl, "unit", ind->unit)) ||
        (st = check_name(pl, "source", ind->source)))
        return st;
    for (const char *p = ind->id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return regint__place_error(pl, "id", REGINT_EINVAL,
                                       "'%s': use lower-case letters, digits and '_' only", ind->id);
    if ((unsigned)ind->direction > REGINT_DIRECTION_LOWER_BETTER)
        return regint__place_error(pl, "direction", REGINT_EINVAL, "unknown direction %d", (int)ind->direction);
    if ((unsigned)ind->level > REGINT_LEVEL_NATION)
        return regint__place_error(pl, "level", REGINT_EINVAL, "unknown level %d", (int)ind->level);
    const char *k = regint__ds_find_string(ds, ind->id);
    if (k && find_ind(ds, k) != SIZE_MAX)
        return regint__place_error(pl, "id", REGINT_EDUPLICATE, "indicator '%s' is already in the catalogue",
                                   ind->id);
    GROW(ds->inds, ds->ninds, ds->cinds);
    if ((st = hindex_reserve1(ds, &ds->ix_ind, ds->ninds)))
        return st;
    regint_indicator_t r = *ind;
    if (!(r.id = regint__ds_intern(ds, ind->id)) || !(r.name_nb = regint__ds_intern(ds, ind->name_nb)) ||
        !(r.name_en = regint__ds_intern(ds, ind->name_en)) || !(r.unit = regint__ds_intern(ds, ind->unit)) ||
        !(r.source = regint__ds_intern(ds, ind->source)) ||
        !(r.sdg_targets = regint__ds_intern(ds, ind->sdg_targets ? ind->sdg_targets : "")))
        return REGINT_ENOMEM;
    ds->inds[ds->ninds] = r;
    hindex_put(&ds->ix_ind, hptr(r.id), ds->ninds);
    ds->ninds++;
    return REGINT_OK;
}

/* 1 if the area code is known: "00", a county or a municipality of any period. Publishers
 * report series in other structures than the year's own (NAV back-casts to 2024 counties,
 * IMDi's 2024 intro results use 2020 counties), so the year is not checked. */
static int area_known(const regint_dataset *ds, const char *area)
{
    if (strcmp(area, "00") == 0)
        return 1;
    if (regint_validate_fylkesnr_format(area)) {
        for (size_t i = 0; i < ds->ncounties; i++)
            if (strcmp(ds->counties[i].fylkesnr, area) == 0)
                return 1;
        return 0;
    }
    const char *k = regint__ds_find_string(ds, area);
    if (!k)
        return 0;
    FOR_MUNI(ds, k, pos)
    {
        (void)pos;
        return 1;
    }
    return 0;
}

regint_status regint__ds_set_observation(regint_dataset *ds, const regint_observation_t *o, int replace,
                                         const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "observation");
    if (!ds || !o)
        return regint__error(REGINT_EINVAL, "regint_dataset_set_observation: NULL argument");
    regint_status st;
    if ((st = check_name(pl, "indicator", o->indicator)) || (st = check_year(pl, "year", o->year, 0)))
        return st;
    const char *ind = regint__ds_find_string(ds, o->indicator);
    if (!ind || find_ind(ds, ind) == SIZE_MAX)
        return regint__place_error(pl, "indicator", REGINT_ENOTFOUND, "'%s' is not in the indicator catalogue",
                                   o->indicator);
    if (!regint_validate_kommunenr_format(o->area) && !regint_validate_fylkesnr_format(o->area))
        return regint__place_error(pl, "area", REGINT_EINVAL,
                                   "'%s' is not a kommunenummer (4 digits), fylkesnummer (2 digits) or '00'",
                                   o->area ? o->area : "(null)");
    if (!area_known(ds, o->area))
        return regint__place_error(pl, "area", REGINT_ENOTFOUND, "no municipality or county '%s' in the dataset",
                                   o->area);
    if ((st = check_value(pl, o->value, 0)))
        return st;
    regint_value_t v = o->value;
    if (v.missing != REGINT_MISSING_NONE)
        v.value = NAN;
    const char *area = regint__ds_find_string(ds, o->area);
    const char *cat = regint__ds_intern(ds, o->category ? o->category : "");
    if (!area && !(area = regint__ds_intern(ds, o->area)))
        return REGINT_ENOMEM;
    if (!cat)
        return REGINT_ENOMEM;
    size_t p = find_obs(ds, ind, area, o->year, cat);
    if (p != SIZE_MAX) {
        if (!replaceable(ds, replace, REGINT__T_OBS, p))
            return regint__place_error(pl, "indicator", REGINT_EDUPLICATE,
                                       "observation of '%s' for '%s' in %d ('%s') is given twice", ind, area,
                                       o->year, cat);
        if ((st = log_undo(ds, REGINT__T_OBS, p)))
            return st;
        ds->obs[p].value = v;
        return REGINT_OK;
    }
    GROW(ds->obs, ds->nobs, ds->cobs);
    if ((st = hindex_reserve1(ds, &ds->ix_obs, ds->nobs)))
        return st;
    ds->obs[ds->nobs] = (regint_observation_t){ind, area, o->year, cat, v};
    hindex_put(&ds->ix_obs, key_obs(ind, area, o->year, cat), ds->nobs);
    ds->nobs++;
    return REGINT_OK;
}

regint_status regint__ds_add_case(regint_dataset *ds, const regint_case_t *c, const regint__place *pl)
{
    regint__place tmp;
    pl = api_place(pl, &tmp, "case");
    if (!ds || !c)
        return regint__error(REGINT_EINVAL, "regint_dataset_add_case: NULL argument");
    regint_status st = regint_validate_identifier(c->id, "id");
    if (st) {
        char rule[700];
        snprintf(rule, sizeof rule, "%s", regint_last_error());
        /* regint_validate_identifier says "id: <rule>"; re-place it. */
        const char *r = strncmp(rule, "id: ", 4) == 0 ? rule + 4 : rule;
        return regint__place_error(pl, "id", st, "%s", r);
    }
    if (c->family_size < 1 || c->family_size > 100)
        return regint__place_error(pl, "family_size", REGINT_ERANGE, "%d is outside 1..100", c->family_size);
    if (c->flags & ~0xFu)
        return regint__place_error(pl, "flags", REGINT_EINVAL, "unknown flag bits 0x%x", c->flags & ~0xFu);
    if ((st = check_year(pl, "year", c->year, 0)))
        return st;
    const char *k = regint__ds_find_string(ds, c->id);
    if (k && find_case(ds, k) != SIZE_MAX)
        return regint__place_error(pl, "id", REGINT_EDUPLICATE, "case '%s' is given twice", c->id);
    GROW(ds->cases, ds->ncases, ds->ccases);
    if ((st = hindex_reserve1(ds, &ds->ix_case, ds->ncases)))
        return st;
    regint_case_t r = *c;
    if (!(r.id = regint__ds_intern(ds, c->id)))
        return REGINT_ENOMEM;
    ds->cases[ds->ncases] = r;
    hindex_put(&ds->ix_case, hptr(r.id), ds->ncases);
    ds->ncases++;
    return REGINT_OK;
}

/* Public adders: the internal ones with an API place. Free-text fields are checked for
 * UTF-8 here (files are checked whole when read): a saved dataset must load again. */
static regint_status api_utf8(const char *what, const char *const *fields, const char *const *values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (values[i] && !regint__utf8_valid(values[i], strlen(values[i]), NULL))
            return regint__error(REGINT_EINVAL, "%s.%s: not valid UTF-8", what, fields[i]);
    return REGINT_OK;
}

regint_status regint_dataset_add_county(regint_dataset *ds, const regint_county_t *c)
{
    static const char *const f[] = {"name"};
    regint_status st = c ? api_utf8("county", f, (const char *const[]){c->name}, 1) : REGINT_OK;
    return st ? st : regint__ds_add_county(ds, c, NULL);
}
regint_status regint_dataset_add_municipality(regint_dataset *ds, const regint_municipality_t *m)
{
    static const char *const f[] = {"name", "kostra_group"};
    regint_status st = m ? api_utf8("municipality", f, (const char *const[]){m->name, m->kostra_group}, 2)
                         : REGINT_OK;
    return st ? st : regint__ds_add_municipality(ds, m, NULL);
}
regint_status regint_dataset_set_population(regint_dataset *ds, const char *kommunenr, int year, int64_t persons)
{
    return regint__ds_set_population(ds, kommunenr, year, persons, 1, NULL);
}
regint_status regint_dataset_add_code_change(regint_dataset *ds, const regint_code_change_t *c)
{
    return regint__ds_add_code_change(ds, c, NULL);
}
regint_status regint_dataset_set_settlement(regint_dataset *ds, const regint_settlement_t *s)
{
    return regint__ds_set_settlement(ds, s, 1, NULL);
}
regint_status regint_dataset_add_indicator(regint_dataset *ds, const regint_indicator_t *ind)
{
    static const char *const f[] = {"id", "name_nb", "name_en", "unit", "source", "sdg_targets"};
    regint_status st =
        ind ? api_utf8("indicator", f,
                       (const char *const[]){ind->id, ind->name_nb, ind->name_en, ind->unit, ind->source,
                                             ind->sdg_targets},
                       6)
            : REGINT_OK;
    return st ? st : regint__ds_add_indicator(ds, ind, NULL);
}
regint_status regint_dataset_set_observation(regint_dataset *ds, const regint_observation_t *o)
{
    static const char *const f[] = {"category"};
    regint_status st = o ? api_utf8("observation", f, (const char *const[]){o->category}, 1) : REGINT_OK;
    return st ? st : regint__ds_set_observation(ds, o, 1, NULL);
}
regint_status regint_dataset_add_case(regint_dataset *ds, const regint_case_t *c)
{
    static const char *const f[] = {"id"};
    regint_status st = c ? api_utf8("case", f, (const char *const[]){c->id}, 1) : REGINT_OK;
    return st ? st : regint__ds_add_case(ds, c, NULL);
}

/* ------------------------------------------------------------------------- */
/* Sections */

void *regint__dataset_section(const regint_dataset *ds, const regint__section *sec)
{
    size_t i = regint__section_index(sec);
    if (!ds || !ds->sections || i == (size_t)-1)
        return NULL;
    return ds->sections[i];
}

void regint__dataset_set_section(regint_dataset *ds, const regint__section *sec, void *data)
{
    size_t i = regint__section_index(sec);
    if (!ds || !ds->sections || i == (size_t)-1)
        return;
    if (ds->sections[i] && ds->sections[i] != data)
        sec->free(ds->sections[i]);
    ds->sections[i] = data;
}
