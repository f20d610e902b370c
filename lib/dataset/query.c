/* Filtered and bulk reads of a dataset, written on the public accessors only: the tables a
 * caller wants as a selection (counties of a year, settlement figures of a county and
 * period, observations of an indicator and area) and lookups of many codes in one call
 * (population, code mapping). They were row filters in the Python bindings before; a C user
 * needs them as much. */
#include <string.h>

#include "regint/dataset.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/options.h"

static int has_prefix(const char *s, const char *prefix)
{
    return prefix == NULL || (s != NULL && strncmp(s, prefix, strlen(prefix)) == 0);
}

static int year_in(const regint_dataset_find_options *q, int year)
{
    return (q->year_from == 0 || year >= q->year_from) && (q->year_to == 0 || year <= q->year_to);
}

static int keep_settlement(const regint_dataset_find_options *q, const void *r)
{
    const regint_settlement_t *s = r;
    return year_in(q, s->year) && (q->measure < 0 || (int)s->measure == q->measure) &&
           (q->category < 0 || (int)s->category == q->category) && has_prefix(s->kommunenr, q->area);
}

static int keep_observation(const regint_dataset_find_options *q, const void *r)
{
    const regint_observation_t *o = r;
    return year_in(q, o->year) && has_prefix(o->area, q->area) &&
           (q->indicator == NULL || strcmp(o->indicator, q->indicator) == 0);
}

/* A county valid in q->year_from (counties_in asks for one year). */
static int keep_county(const regint_dataset_find_options *q, const void *r)
{
    const regint_county_t *c = r;
    return q->year_from >= c->valid_from && q->year_from <= c->valid_to;
}

/* The one selection: the records i < count for which keep() holds, as a caller-owned array of
 * borrowed pointers. `q` NULL selects everything; its version is checked. */
static regint_status select_rows(const char *fn, const regint_dataset *ds, const regint_dataset_find_options *q,
                                 size_t (*count)(const regint_dataset *), const void *(*at)(const regint_dataset *,
                                                                                            size_t),
                                 int (*keep)(const regint_dataset_find_options *, const void *), const void ***out,
                                 size_t *n)
{
    static const regint_dataset_find_options all = REGINT_DATASET_FIND_OPTIONS_INIT;
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "%s: NULL argument", fn);
    regint_status st = q ? regint__check_options_version(q->version, REGINT_DATASET_FIND_OPTIONS_VERSION, fn)
                         : REGINT_OK;
    if (st)
        return st;
    size_t total = count(ds), k = 0;
    const void **v = regint__calloc(total ? total : 1, sizeof *v);
    if (!v)
        return regint__enomem();
    for (size_t i = 0; i < total; i++)
        if (keep(q ? q : &all, at(ds, i)))
            v[k++] = at(ds, i);
    *out = v;
    *n = k;
    return REGINT_OK;
}

static const void *county_at(const regint_dataset *ds, size_t i) { return regint_dataset_county_at(ds, i); }
static const void *settlement_at(const regint_dataset *ds, size_t i) { return regint_dataset_settlement_at(ds, i); }
static const void *observation_at(const regint_dataset *ds, size_t i) { return regint_dataset_observation_at(ds, i); }

regint_status regint_dataset_counties_in(const regint_dataset *ds, int year, const regint_county_t ***out,
                                         size_t *n)
{
    regint_dataset_find_options q = REGINT_DATASET_FIND_OPTIONS_INIT;
    q.year_from = year;
    return select_rows("regint_dataset_counties_in", ds, &q, regint_dataset_county_count, county_at, keep_county,
                       (const void ***)out, n);
}

regint_status regint_dataset_find_settlements(const regint_dataset *ds, const regint_dataset_find_options *q,
                                              const regint_settlement_t ***out, size_t *n)
{
    return select_rows("regint_dataset_find_settlements", ds, q, regint_dataset_settlement_count, settlement_at,
                       keep_settlement, (const void ***)out, n);
}

regint_status regint_dataset_find_observations(const regint_dataset *ds, const regint_dataset_find_options *q,
                                               const regint_observation_t ***out, size_t *n)
{
    return select_rows("regint_dataset_find_observations", ds, q, regint_dataset_observation_count,
                       observation_at, keep_observation, (const void ***)out, n);
}

/* A figure that is absent is an answer in the bulk reads below (-1 / NULL), not a failure:
 * only other statuses (out of memory, bad arguments) end the call. Each lookup is a probe,
 * so a successful call gives the caller's last error back as it found it. */
regint_status regint_dataset_populations(const regint_dataset *ds, int year, size_t n,
                                         const char *const *kommunenr, int64_t *persons)
{
    if (!ds || (n && (!kommunenr || !persons)))
        return regint__error(REGINT_EINVAL, "regint_dataset_populations: NULL argument");
    regint__error_state saved;
    regint__error_save(&saved);
    for (size_t i = 0; i < n; i++) {
        regint_status st = kommunenr[i] ? regint_dataset_population(ds, kommunenr[i], year, &persons[i])
                                        : REGINT_ENOTFOUND;
        if (st == REGINT_ENOTFOUND)
            persons[i] = -1;
        else if (st)
            return st;
    }
    regint__error_restore(&saved);
    return REGINT_OK;
}

regint_status regint_dataset_map_codes(const regint_dataset *ds, size_t n, const char *const *kommunenr,
                                       const int *from_year, int to_year, const char **mapped)
{
    if (!ds || (n && (!kommunenr || !from_year || !mapped)))
        return regint__error(REGINT_EINVAL, "regint_dataset_map_codes: NULL argument");
    regint__error_state saved;
    regint__error_save(&saved);
    for (size_t i = 0; i < n; i++) {
        const char **codes = NULL;
        size_t nc = 0;
        regint_status st = kommunenr[i] ? regint_dataset_map_code(ds, kommunenr[i], from_year[i], to_year,
                                                                  &codes, &nc)
                                        : REGINT_ENOTFOUND;
        if (st && st != REGINT_ENOTFOUND)
            return st;
        mapped[i] = (st == REGINT_OK && nc == 1) ? codes[0] : NULL;
        regint_free((void *)codes);
    }
    regint__error_restore(&saved);
    return REGINT_OK;
}
