/* Adding records: validation with a place for messages (file + JSON path or CSV line, or
 * the API record kind), interning, indexing and undo logging; and the public adders. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dataset/store.h"
#include "regint/validate.h"
#include "util/utf8.h"
#include "util/validate.h"

/* "<file>: <path>.<field>: rule" (JSON), "<file>: line <N>: <field>: rule" (CSV),
 * "<path>.<field>: rule" (API), through the one formatter regint__error_at(). */
regint_status regint__place_error(const regint__place *pl, const char *field, regint_status st,
                                  const char *fmt, ...)
{
    char place[512];
    const char *path = (pl && pl->path && *pl->path) ? pl->path : NULL;
    if (pl && pl->line)
        snprintf(place, sizeof place, "line %zu: %s", pl->line, field);
    else
        snprintf(place, sizeof place, "%s%s%s", path ? path : "", path ? "." : "", field);
    va_list ap;
    va_start(ap, fmt);
    regint__verror_at(st, pl ? pl->file : NULL, place, fmt, ap);
    va_end(ap);
    return st;
}

static const regint__place *api_place(const regint__place *pl, regint__place *tmp, const char *what)
{
    if (pl)
        return pl;
    tmp->file = NULL;
    tmp->path = what;
    tmp->line = 0;
    return tmp;
}

/* The start of every adder: EINVAL naming the public function `fn` when the dataset or the
 * record is NULL; `pl` becomes the API place `what` when the caller gave none (API calls);
 * declares `st`. */
#define ADDER_BEGIN(rec, pl, what, fn)                                                         \
    regint__place api_tmp_;                                                                    \
    regint_status st;                                                                          \
    if (!ds || !(rec))                                                                         \
        return regint__error(REGINT_EINVAL, fn ": NULL argument");                             \
    pl = api_place(pl, &api_tmp_, what)

static regint_status check_year(const regint__place *pl, const char *field, int y, int allow_open)
{
    if ((y >= REGINT__MIN_YEAR && y <= REGINT__MAX_YEAR) || (allow_open && y == REGINT_YEAR_OPEN))
        return REGINT_OK;
    return regint__place_error(pl, field, REGINT_ERANGE, "year %d is outside [%d, %d]%s", y, REGINT__MIN_YEAR,
                               REGINT__MAX_YEAR, allow_open ? " (or 9999 = open)" : "");
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

/* A county (2 digits) or municipality (4 digits) code. */
static regint_status check_code(const regint__place *pl, const char *field, const char *code, int digits)
{
    if (digits == 2 ? regint_validate_fylkesnr_format(code) : regint_validate_kommunenr_format(code))
        return REGINT_OK;
    return regint__place_error(pl, field, REGINT_EINVAL, "'%s' is not a %s (%s digits)", code ? code : "(null)",
                               digits == 2 ? "fylkesnummer" : "kommunenummer", digits == 2 ? "two" : "four");
}

/* The name and validity period of a county or municipality record. */
static regint_status check_named_period(const regint__place *pl, const char *name, int from, int to)
{
    regint_status st;
    if ((st = check_name(pl, "name", name)) || (st = check_year(pl, "valid_from", from, 0)) ||
        (st = check_year(pl, "valid_to", to, 1)))
        return st;
    if (to < from)
        return regint__place_error(pl, "valid_to", REGINT_EINVAL, "%d is before valid_from %d", to, from);
    return REGINT_OK;
}

regint_status regint__ds_add_county(regint_dataset *ds, const regint_county_t *c, const regint__place *pl)
{
    ADDER_BEGIN(c, pl, "county", "regint_dataset_add_county");
    regint__ds_changed(ds);
    if ((st = check_code(pl, "fylkesnr", c->fylkesnr, 2)) ||
        (st = check_named_period(pl, c->name, c->valid_from, c->valid_to)))
        return st;
    for (size_t i = 0; i < ds->ncounties; i++) {
        const regint_county_t *o = &ds->counties[i];
        if (strcmp(o->fylkesnr, c->fylkesnr) == 0 && c->valid_from <= o->valid_to && o->valid_from <= c->valid_to)
            return regint__place_error(pl, "fylkesnr", REGINT_EDUPLICATE,
                                       "county '%s' already exists for %d-%d (validity overlaps %d-%d)",
                                       c->fylkesnr, o->valid_from, o->valid_to, c->valid_from, c->valid_to);
    }
    REGINT__GROW(ds->counties, ds->ncounties, ds->ccounties);
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
        const regint_county_t *c = regint__ds_county_in(ds, code, cur);
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
    ADDER_BEGIN(m, pl, "municipality", "regint_dataset_add_municipality");
    regint__ds_changed(ds);
    if ((st = check_code(pl, "kommunenr", m->kommunenr, 4)) || (st = check_code(pl, "fylkesnr", m->fylkesnr, 2)) ||
        (st = check_named_period(pl, m->name, m->valid_from, m->valid_to)))
        return st;
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
        REGINT__FOR_MUNI(ds, k, pos)
        {
            const regint_municipality_t *o = &ds->munis[pos];
            if (m->valid_from <= o->valid_to && o->valid_from <= m->valid_to)
                return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                           "municipality '%s' already exists for %d-%d (validity overlaps)",
                                           m->kommunenr, o->valid_from, o->valid_to);
        }
    }
    /* Appending looks alike in every adder (grow, reserve the index, intern the strings, put),
     * which `duplicates` reports as one pair; kept: the record types and their interned
     * members differ, and a generic append would have to erase the types. */
    REGINT__GROW(ds->munis, ds->nmunis, ds->cmunis);
    if ((st = regint__ds_reserve1(ds, &ds->ix_muni, ds->nmunis)))
        return st;
    regint_municipality_t r = *m;
    if (!(r.kommunenr = regint__ds_intern(ds, m->kommunenr)) || !(r.name = regint__ds_intern(ds, m->name)) ||
        !(r.fylkesnr = regint__ds_intern(ds, m->fylkesnr)) ||
        !(r.kostra_group = regint__ds_intern(ds, m->kostra_group ? m->kostra_group : "")))
        return REGINT_ENOMEM;
    ds->munis[ds->nmunis] = r;
    regint__hindex_put(&ds->ix_muni, regint__hash_ptr(r.kommunenr), ds->nmunis);
    ds->nmunis++;
    return REGINT_OK;
}

/* The interned code of a municipality valid in `year`, or an error naming `field`. */
static regint_status need_muni(regint_dataset *ds, const regint__place *pl, const char *field,
                               const char *code, int year, const char **out)
{
    regint_status st = check_code(pl, field, code, 4);
    if (st)
        return st;
    const char *k = regint__ds_find_string(ds, code);
    if (!k || !regint__ds_muni_in(ds, k, year))
        return regint__place_error(pl, field, REGINT_ENOTFOUND, "no municipality '%s' valid in %d", code, year);
    *out = k;
    return REGINT_OK;
}

regint_status regint__ds_set_population(regint_dataset *ds, const char *kommunenr, int year, int64_t persons,
                                        int replace, const regint__place *pl)
{
    ADDER_BEGIN(ds, pl, "population", "regint_dataset_set_population");
    regint__ds_changed(ds);
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
    size_t p = regint__ds_find_pop(ds, k, year);
    if (p != SIZE_MAX) {
        if (!regint__ds_replaceable(ds, replace, REGINT__T_POP, p))
            return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                       "population of '%s' in %d is given twice", kommunenr, year);
        return regint__ds_replace(ds, REGINT__T_POP, p, (regint_value_t){0}, persons);
    }
    REGINT__GROW(ds->pops, ds->npops, ds->cpops);
    if ((st = regint__ds_reserve1(ds, &ds->ix_pop, ds->npops)))
        return st;
    ds->pops[ds->npops] = (regint__pop){k, year, persons};
    regint__hindex_put(&ds->ix_pop, regint__key_pop(k, year), ds->npops);
    ds->npops++;
    return REGINT_OK;
}

regint_status regint__ds_add_code_change(regint_dataset *ds, const regint_code_change_t *c,
                                         const regint__place *pl)
{
    ADDER_BEGIN(c, pl, "code_change", "regint_dataset_add_code_change");
    regint__ds_changed(ds);
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
        for (size_t i = (size_t)regint__hash_ptr(f) & mask; ds->ix_chg_from.slot[i]; i = (i + 1) & mask) {
            const regint_code_change_t *o = &ds->changes[ds->ix_chg_from.slot[i] - 1];
            if (o->from_kommunenr == f && o->to_kommunenr == t && o->from_year == c->from_year &&
                o->to_year == c->to_year)
                return regint__place_error(pl, "from", REGINT_EDUPLICATE, "change %s (%d) -> %s (%d) is given twice",
                                           f, c->from_year, t, c->to_year);
        }
    }
    REGINT__GROW(ds->changes, ds->nchanges, ds->cchanges);
    if ((st = regint__ds_reserve1(ds, &ds->ix_chg_from, ds->nchanges)) ||
        (st = regint__ds_reserve1(ds, &ds->ix_chg_to, ds->nchanges)))
        return st;
    regint_code_change_t r = *c;
    r.from_kommunenr = f;
    r.to_kommunenr = t;
    ds->changes[ds->nchanges] = r;
    regint__hindex_put(&ds->ix_chg_from, regint__hash_ptr(f), ds->nchanges);
    regint__hindex_put(&ds->ix_chg_to, regint__hash_ptr(t), ds->nchanges);
    ds->nchanges++;
    return REGINT_OK;
}

regint_status regint__ds_set_settlement(regint_dataset *ds, const regint_settlement_t *s, int replace,
                                        const regint__place *pl)
{
    ADDER_BEGIN(s, pl, "settlement", "regint_dataset_set_settlement");
    regint__ds_changed(ds);
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
    size_t p = regint__ds_find_set(ds, k, s->year, (int)s->measure, (int)s->category);
    if (p != SIZE_MAX) {
        if (!regint__ds_replaceable(ds, replace, REGINT__T_SETTLE, p))
            return regint__place_error(pl, "kommunenr", REGINT_EDUPLICATE,
                                       "settlement figure for '%s' in %d (%s, %s) is given twice", k, s->year,
                                       regint_measure_name(s->measure), regint_category_name(s->category));
        return regint__ds_replace(ds, REGINT__T_SETTLE, p, v, 0);
    }
    REGINT__GROW(ds->sets, ds->nsets, ds->csets);
    if ((st = regint__ds_reserve1(ds, &ds->ix_set, ds->nsets)))
        return st;
    regint_settlement_t r = *s;
    r.kommunenr = k;
    r.value = v;
    ds->sets[ds->nsets] = r;
    regint__hindex_put(&ds->ix_set, regint__key_set(k, r.year, (int)r.measure, (int)r.category), ds->nsets);
    ds->nsets++;
    return REGINT_OK;
}

regint_status regint__ds_add_indicator(regint_dataset *ds, const regint_indicator_t *ind, const regint__place *pl)
{
    ADDER_BEGIN(ind, pl, "indicator", "regint_dataset_add_indicator");
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
    if (k && regint__ds_find_ind(ds, k) != SIZE_MAX)
        return regint__place_error(pl, "id", REGINT_EDUPLICATE, "indicator '%s' is already in the catalogue",
                                   ind->id);
    REGINT__GROW(ds->inds, ds->ninds, ds->cinds);
    if ((st = regint__ds_reserve1(ds, &ds->ix_ind, ds->ninds)))
        return st;
    /* Interned field by field like the adders above (`duplicates` pairs them; see there). */
    regint_indicator_t r = *ind;
    if (!(r.id = regint__ds_intern(ds, ind->id)) || !(r.name_nb = regint__ds_intern(ds, ind->name_nb)) ||
        !(r.name_en = regint__ds_intern(ds, ind->name_en)) || !(r.unit = regint__ds_intern(ds, ind->unit)) ||
        !(r.source = regint__ds_intern(ds, ind->source)) ||
        !(r.sdg_targets = regint__ds_intern(ds, ind->sdg_targets ? ind->sdg_targets : "")))
        return REGINT_ENOMEM;
    ds->inds[ds->ninds] = r;
    regint__hindex_put(&ds->ix_ind, regint__hash_ptr(r.id), ds->ninds);
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
    REGINT__FOR_MUNI(ds, k, pos)
    {
        (void)pos;
        return 1;
    }
    return 0;
}

regint_status regint__ds_set_observation(regint_dataset *ds, const regint_observation_t *o, int replace,
                                         const regint__place *pl)
{
    ADDER_BEGIN(o, pl, "observation", "regint_dataset_set_observation");
    if ((st = check_name(pl, "indicator", o->indicator)) || (st = check_year(pl, "year", o->year, 0)))
        return st;
    const char *ind = regint__ds_find_string(ds, o->indicator);
    if (!ind || regint__ds_find_ind(ds, ind) == SIZE_MAX)
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
    size_t p = regint__ds_find_obs(ds, ind, area, o->year, cat);
    if (p != SIZE_MAX) {
        if (!regint__ds_replaceable(ds, replace, REGINT__T_OBS, p))
            return regint__place_error(pl, "indicator", REGINT_EDUPLICATE,
                                       "observation of '%s' for '%s' in %d ('%s') is given twice", ind, area,
                                       o->year, cat);
        return regint__ds_replace(ds, REGINT__T_OBS, p, v, 0);
    }
    REGINT__GROW(ds->obs, ds->nobs, ds->cobs);
    if ((st = regint__ds_reserve1(ds, &ds->ix_obs, ds->nobs)))
        return st;
    ds->obs[ds->nobs] = (regint_observation_t){ind, area, o->year, cat, v};
    regint__hindex_put(&ds->ix_obs, regint__key_obs(ind, area, o->year, cat), ds->nobs);
    ds->nobs++;
    return REGINT_OK;
}

regint_status regint__ds_add_case(regint_dataset *ds, const regint_case_t *c, const regint__place *pl)
{
    ADDER_BEGIN(c, pl, "case", "regint_dataset_add_case");
    st = regint_validate_identifier(c->id, "id");
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
    if (k && regint__ds_find_case(ds, k) != SIZE_MAX)
        return regint__place_error(pl, "id", REGINT_EDUPLICATE, "case '%s' is given twice", c->id);
    REGINT__GROW(ds->cases, ds->ncases, ds->ccases);
    if ((st = regint__ds_reserve1(ds, &ds->ix_case, ds->ncases)))
        return st;
    regint_case_t r = *c;
    if (!(r.id = regint__ds_intern(ds, c->id)))
        return REGINT_ENOMEM;
    ds->cases[ds->ncases] = r;
    regint__hindex_put(&ds->ix_case, regint__hash_ptr(r.id), ds->ncases);
    ds->ncases++;
    return REGINT_OK;
}

/* Public adders: the internal ones with an API place. Free-text fields are checked for
 * UTF-8 here (files are checked whole when read): a saved dataset must load again. */
static regint_status api_utf8(const char *what, const char *const *fields, const char *const *values, size_t n)
{
    size_t pos;
    for (size_t i = 0; i < n; i++) {
        if (values[i] && !regint__utf8_valid(values[i], strlen(values[i]), NULL))
            return regint__error(REGINT_EINVAL, "%s.%s: not valid UTF-8", what, fields[i]);
        /* The fødselsnummer guard (files get it when they are read, util/jsonutil.c). */
        if (values[i] && regint__text_personal(values[i], &pos))
            return regint__error(REGINT_EPERSONAL, "%s.%s: " REGINT__FNR_RULE, what, fields[i], pos);
    }
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
    static const char *const f[] = {"category", "area"};
    regint_status st = o ? api_utf8("observation", f, (const char *const[]){o->category, o->area}, 2) : REGINT_OK;
    return st ? st : regint__ds_set_observation(ds, o, 1, NULL);
}
regint_status regint_dataset_add_case(regint_dataset *ds, const regint_case_t *c)
{
    static const char *const f[] = {"id"};
    regint_status st = c ? api_utf8("case", f, (const char *const[]){c->id}, 1) : REGINT_OK;
    return st ? st : regint__ds_add_case(ds, c, NULL);
}
