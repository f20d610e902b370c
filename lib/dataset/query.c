/* Filtered and bulk reads of a dataset, written on the public accessors only: the tables a
 * caller wants as a selection (counties of a year, settlement figures of a county and
 * period, observations of an indicator and area) and lookups of many codes in one call
 * (population, code mapping). They were row filters in the Python bindings before; a C user
 * needs them as much. */
#include <string.h>

#include "regint/dataset.h"
#include "util/errstate.h"
#include "util/internal.h"
#include "util/options.h"

static int has_prefix(const char *s, const char *prefix)
{
    return prefix == NULL || (s != NULL && strncmp(s, prefix, strlen(prefix)) == 0);
}

/* A caller-owned array of up to `cap` borrowed pointers. */
static regint_status new_list(size_t cap, const void ***out)
{
    *out = regint__calloc(cap ? cap : 1, sizeof **out);
    return *out ? REGINT_OK : regint__enomem();
}

static regint_status check_query(const char *fn, const regint_dataset *ds,
                                 const regint_dataset_find_options *q,
                                 const void *out, const size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "%s: NULL argument", fn);
    return q ? regint__check_options_version(q->version, REGINT_DATASET_FIND_OPTIONS_VERSION, fn)
             : REGINT_OK;
}

static int year_in(const regint_dataset_find_options *q, int year)
{
    return (q->year_from == 0 || year >= q->year_from) && (q->year_to == 0 || year <= q->year_to);
}

regint_status regint_dataset_counties_in(const regint_dataset *ds, int year,
                                         const regint_county_t ***out, size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_dataset_counties_in: NULL argument");
    size_t count = regint_dataset_county_count(ds), k = 0;
    const regint_county_t **v;
    regint_status st = new_list(count, (const void ***)&v);
    if (st)
        return st;
    for (size_t i = 0; i < count; i++) {
        const regint_county_t *c = regint_dataset_county_at(ds, i);
        if (year >= c->valid_from && year <= c->valid_to)
            v[k++] = c;
    }
    *out = v;
    *n = k;
    return REGINT_OK;
}

regint_status regint_dataset_find_settlements(const regint_dataset *ds, const regint_dataset_find_options *q,
                                              const regint_settlement_t ***out, size_t *n)
{
    static const regint_dataset_find_options all = REGINT_DATASET_FIND_OPTIONS_INIT;
    regint_status st = check_query("regint_dataset_find_settlements", ds, q, out, n);
    if (st)
        return st;
    if (!q)
        q = &all;
    size_t count = regint_dataset_settlement_count(ds), k = 0;
    const regint_settlement_t **v;
    if ((st = new_list(count, (const void ***)&v)))
        return st;
    for (size_t i = 0; i < count; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (year_in(q, s->year) && (q->measure < 0 || (int)s->measure == q->measure) &&
            (q->category < 0 || (int)s->category == q->category) && has_prefix(s->kommunenr, q->area))
            v[k++] = s;
    }
    *out = v;
    *n = k;
    return REGINT_OK;
}

regint_status regint_dataset_find_observations(const regint_dataset *ds, const regint_dataset_find_options *q,
                                               const regint_observation_t ***out, size_t *n)
{
    static const regint_dataset_find_options all = REGINT_DATASET_FIND_OPTIONS_INIT;
    regint_status st = check_query("regint_dataset_find_observations", ds, q, out, n);
    if (st)
        return st;
    if (!q)
        q = &all;
    size_t count = regint_dataset_observation_count(ds), k = 0;
    const regint_observation_t **v;
    if ((st = new_list(count, (const void ***)&v)))
        return st;
    for (size_t i = 0; i < count; i++) {
        const regint_observation_t *o = regint_dataset_observation_at(ds, i);
        if (year_in(q, o->year) && has_prefix(o->area, q->area) &&
            (q->indicator == NULL || strcmp(o->indicator, q->indicator) == 0))
            v[k++] = o;
    }
    *out = v;
    *n = k;
    return REGINT_OK;
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
