/* Dataset JSON: load (all-or-nothing, messages with file + JSON path + rule) and canonical
 * save (sorted records, one per line; load -> save -> load -> save is byte-identical). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataset/dataset_internal.h"
#include "util/fileio.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "util/strbuf.h"
#include "util/options.h"
#include "util/savefile.h"
#include "dataset/store.h"
#include "dataset/section.h"

#define SCHEMA_NAME "regint.dataset"

/* ------------------------------------------------------------------------- */
/* Loading */

typedef struct lctx {
    const char *file;
    regint_dataset *ds;
    int version;
} lctx;

/* Member lookup for records. A canonical file has the members of a record in the order the
 * parsers ask for them, so a cursor to the member after the last one found usually hits with
 * one comparison; otherwise it falls back to cJSON's scan. The cursor is reset before every
 * record (each_row), so it never outlives the object it points into. */
static _Thread_local const cJSON *cur_obj, *cur_next;

static void member_reset(void) { cur_obj = cur_next = NULL; }

static const cJSON *member_get(const cJSON *o, const char *key)
{
    const cJSON *it;
    if (cur_obj == o && cur_next && strcmp(cur_next->string, key) == 0)
        it = cur_next;
    else
        it = cJSON_GetObjectItemCaseSensitive(o, key);
    cur_obj = o;
    cur_next = it ? it->next : NULL;
    return it;
}

/* A member given twice ({"year": 2020, "year": 2024}): cJSON keeps both and a lookup takes
 * one of them, so the other would be silently ignored. NULL if none. */
static const cJSON *twice(const cJSON *obj, const cJSON *it)
{
    for (const cJSON *p = obj->child; p && p != it; p = p->next)
        if (strcmp(p->string, it->string) == 0)
            return p;
    return NULL;
}

static regint_status duplicate_member(const char *file, const char *path, const char *key)
{
    char p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, key);
    return regint__json_error(file, p, REGINT_EPARSE, "member '%s' given twice", key);
}

/* Refuse members not in `allowed` (NULL-terminated), so typos are not silently ignored, and
 * members given twice. */
static regint_status only_members(const lctx *c, const char *path, const cJSON *obj, const char *const *allowed)
{
    const char *const *hint = allowed; /* members usually come in the order of `allowed` */
    for (const cJSON *it = obj->child; it; it = it->next) {
        if (twice(obj, it))
            return duplicate_member(c->file, path, it->string);
        int ok = 0;
        for (const char *const *a = hint; *a && !ok; a++)
            if (strcmp(*a, it->string) == 0) {
                ok = 1;
                hint = a + 1;
            }
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, it->string) == 0;
        if (!ok) {
            char p[REGINT__PATH_MAX];
            regint__json_path_key(p, path, it->string);
            return regint__json_error(c->file, p, REGINT_EPARSE, "unknown member '%s'", it->string);
        }
    }
    return REGINT_OK;
}

/* Typed members with a fast path: the regint__json_* helpers (which build the JSON path for
 * their messages) are only called when the member is absent or has the wrong type. */
static regint_status get_str(const lctx *c, const char *path, const cJSON *o, const char *key, int required,
                             const char **out)
{
    const cJSON *it = member_get(o, key);
    if (cJSON_IsString(it)) {
        *out = it->valuestring;
        return REGINT_OK;
    }
    return regint__json_string(c->file, path, o, key, required, out);
}

static regint_status get_int(const lctx *c, const char *path, const cJSON *o, const char *key, int required,
                             int64_t min, int64_t max, int *out)
{
    const cJSON *it = member_get(o, key);
    if (regint__json_is_int(it) && it->valuedouble >= (double)min && it->valuedouble <= (double)max) {
        *out = (int)it->valuedouble;
        return REGINT_OK;
    }
    int64_t v = *out;
    regint_status st = regint__json_int(c->file, path, o, key, required, min, max, &v);
    if (!st)
        *out = (int)v;
    return st;
}

/* valid_to: an integer year, or null/absent for an open period. */
static regint_status get_valid_to(const lctx *c, const char *path, const cJSON *o, int *out)
{
    *out = REGINT_YEAR_OPEN;
    return get_int(c, path, o, "valid_to", 0, 1800, REGINT_YEAR_OPEN, out);
}

/* "value" (number or null) + "missing" (reason; required when value is null). */
static regint_status get_value(const lctx *c, const char *path, const cJSON *o, regint_value_t *out)
{
    char p[REGINT__PATH_MAX];
    const cJSON *v = member_get(o, "value");
    const cJSON *mv = member_get(o, "missing");
    if (!mv && cJSON_IsNumber(v) && isfinite(v->valuedouble)) { /* the common case */
        out->value = v->valuedouble;
        out->missing = REGINT_MISSING_NONE;
        return REGINT_OK;
    }
    const char *reason = NULL;
    regint_status st = get_str(c, path, o, "missing", 0, &reason);
    if (st)
        return st;
    regint__json_path_key(p, path, "value");
    if (!v)
        return regint__json_error(c->file, p, REGINT_EPARSE, "required number or null is missing");
    if (cJSON_IsNull(v)) {
        regint__json_path_key(p, path, "missing");
        if (!reason)
            return regint__json_error(c->file, p, REGINT_EPARSE,
                                      "a null value needs a reason (suppressed, not_applicable, no_decision, "
                                      "awaiting_decision, unknown)");
        if (regint_missing_from_name(reason, &out->missing))
            return regint__json_error(c->file, p, REGINT_EPARSE, "unknown missing reason '%s'", reason);
        out->value = NAN;
        return REGINT_OK;
    }
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
        return regint__json_error(c->file, p, REGINT_EPARSE, "expected a number or null, got %s",
                                  cJSON_IsString(v) ? "a string" : cJSON_IsBool(v) ? "a boolean" : "another type");
    if (reason) {
        regint__json_path_key(p, path, "missing");
        return regint__json_error(c->file, p, REGINT_EPARSE, "a present value cannot have a missing reason");
    }
    out->value = v->valuedouble;
    out->missing = REGINT_MISSING_NONE;
    return REGINT_OK;
}

typedef regint_status (*row_fn)(const lctx *c, const char *path, const cJSON *row);

/* "<key>[<i>]" without snprintf (this runs once per record; key is a short literal). */
static void index_path(char *buf, const char *key, size_t i)
{
    size_t k = strlen(key);
    char digits[24], *d = digits + sizeof digits;
    do {
        *--d = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    size_t nd = (size_t)(digits + sizeof digits - d);
    memcpy(buf, key, k);
    buf[k] = '[';
    memcpy(buf + k + 1, d, nd);
    buf[k + 1 + nd] = ']';
    buf[k + 2 + nd] = '\0';
}

static regint_status each_row(const lctx *c, const cJSON *doc, const char *key, row_fn fn)
{
    const cJSON *arr;
    regint_status st = regint__json_array(c->file, "", doc, key, 0, &arr);
    if (st || !arr)
        return st;
    size_t i = 0;
    for (const cJSON *row = arr->child; row; row = row->next, i++) {
        char path[REGINT__PATH_MAX];
        index_path(path, key, i);
        member_reset();
        if (!cJSON_IsObject(row))
            return regint__json_error(c->file, path, REGINT_EPARSE, "expected an object");
        st = fn(c, path, row);
        member_reset();
        if (st)
            return st;
    }
    return REGINT_OK;
}

/* One parser per record kind (row_*), and below one emitter (emit_*) and one sort order
 * (cmp_*) per kind. `duplicates` reports them as one pair of like shape, kept on purpose:
 * each names its own members, rules and messages, written out so that a reader can check
 * one kind against docs/data-format.md in one place; the round-trip and bad-input tests hold
 * the three together. A table-driven schema (one member table read by a parser and an
 * emitter) would be the way to remove the pair if a ninth kind is added. */
static regint_status row_county(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"fylkesnr", "name", "valid_from", "valid_to", NULL};
    regint_county_t r = {0};
    regint__place pl = {c->file, path, 0};
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "fylkesnr", 1, &r.fylkesnr)) ||
        (st = get_str(c, path, o, "name", 1, &r.name)) ||
        (st = get_int(c, path, o, "valid_from", 1, 1800, 2200, &r.valid_from)) ||
        (st = get_valid_to(c, path, o, &r.valid_to)))
        return st;
    return regint__ds_add_county(c->ds, &r, &pl);
}

static regint_status row_muni(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"kommunenr", "name", "fylkesnr", "valid_from", "valid_to",
                                          "centrality", "kostra_group", NULL};
    regint_municipality_t r = {0};
    r.kostra_group = "";
    regint__place pl = {c->file, path, 0};
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "kommunenr", 1, &r.kommunenr)) ||
        (st = get_str(c, path, o, "name", 1, &r.name)) ||
        (st = get_str(c, path, o, "fylkesnr", 1, &r.fylkesnr)) ||
        (st = get_int(c, path, o, "valid_from", 1, 1800, 2200, &r.valid_from)) ||
        (st = get_valid_to(c, path, o, &r.valid_to)) ||
        (st = get_int(c, path, o, "centrality", 0, 0, 6, &r.centrality)) ||
        (st = get_str(c, path, o, "kostra_group", 0, &r.kostra_group)))
        return st;
    return regint__ds_add_municipality(c->ds, &r, &pl);
}

static regint_status row_pop(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"kommunenr", "year", "persons", NULL};
    const char *k = NULL;
    int year = 0;
    int64_t persons = 0;
    regint__place pl = {c->file, path, 0};
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "kommunenr", 1, &k)) ||
        (st = get_int(c, path, o, "year", 1, 1800, 2200, &year)))
        return st;
    const cJSON *p = member_get(o, "persons");
    if (regint__json_is_int(p) && p->valuedouble < 0) {
        char pp[REGINT__PATH_MAX];
        regint__json_path_key(pp, path, "persons");
        return regint__json_error(c->file, pp, REGINT_ERANGE, "%.0f: expected a non-negative integer",
                                  p->valuedouble);
    }
    if (regint__json_is_int(p) && p->valuedouble >= 0)
        persons = (int64_t)p->valuedouble;
    else if ((st = regint__json_int(c->file, path, o, "persons", 1, 0, INT64_C(1) << 53, &persons)))
        return st;
    return regint__ds_set_population(c->ds, k, year, persons, 0, &pl);
}

static regint_status row_change(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"from", "from_year", "to", "to_year", "kind", NULL};
    regint_code_change_t r = {0};
    const char *kind = NULL;
    regint__place pl = {c->file, path, 0};
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "from", 1, &r.from_kommunenr)) ||
        (st = get_int(c, path, o, "from_year", 1, 1800, 2200, &r.from_year)) ||
        (st = get_str(c, path, o, "to", 1, &r.to_kommunenr)) ||
        (st = get_int(c, path, o, "to_year", 1, 1800, 2200, &r.to_year)) ||
        (st = get_str(c, path, o, "kind", 1, &kind)))
        return st;
    if (regint_change_kind_from_name(kind, &r.kind)) {
        char p[REGINT__PATH_MAX];
        regint__json_path_key(p, path, "kind");
        return regint__json_error(c->file, p, REGINT_EPARSE,
                                  "unknown kind '%s' (unchanged, renumbered, split, merged)", kind);
    }
    return regint__ds_add_code_change(c->ds, &r, &pl);
}

static regint_status row_settle(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"kommunenr", "year", "measure", "category", "value", "missing", NULL};
    regint_settlement_t r = {0};
    const char *m = NULL, *cat = NULL;
    regint__place pl = {c->file, path, 0};
    char p[REGINT__PATH_MAX];
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "kommunenr", 1, &r.kommunenr)) ||
        (st = get_int(c, path, o, "year", 1, 1800, 2200, &r.year)) ||
        (st = get_str(c, path, o, "measure", 1, &m)) ||
        (st = get_str(c, path, o, "category", 1, &cat)))
        return st;
    if (regint_measure_from_name(m, &r.measure)) {
        regint__json_path_key(p, path, "measure");
        return regint__json_error(c->file, p, REGINT_EPARSE, "unknown measure '%s'", m);
    }
    if (regint_category_from_name(cat, &r.category)) {
        regint__json_path_key(p, path, "category");
        return regint__json_error(c->file, p, REGINT_EPARSE, "unknown category '%s'", cat);
    }
    if ((st = get_value(c, path, o, &r.value)))
        return st;
    return regint__ds_set_settlement(c->ds, &r, 0, &pl);
}

static regint_status row_ind(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"id", "name_nb", "name_en", "unit", "source", "direction",
                                          "level", "sdg_targets", NULL};
    regint_indicator_t r = {0};
    const char *dir = NULL, *lev = NULL;
    r.sdg_targets = "";
    regint__place pl = {c->file, path, 0};
    char p[REGINT__PATH_MAX];
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) || (st = get_str(c, path, o, "id", 1, &r.id)) ||
        (st = get_str(c, path, o, "name_nb", 1, &r.name_nb)) ||
        (st = get_str(c, path, o, "name_en", 1, &r.name_en)) ||
        (st = get_str(c, path, o, "unit", 1, &r.unit)) ||
        (st = get_str(c, path, o, "source", 1, &r.source)) ||
        (st = get_str(c, path, o, "direction", 1, &dir)) ||
        (st = get_str(c, path, o, "level", 1, &lev)) ||
        (st = get_str(c, path, o, "sdg_targets", 0, &r.sdg_targets)))
        return st;
    if (regint_direction_from_name(dir, &r.direction)) {
        regint__json_path_key(p, path, "direction");
        return regint__json_error(c->file, p, REGINT_EPARSE,
                                  "unknown direction '%s' (neutral, higher_better, lower_better)", dir);
    }
    if (regint_level_from_name(lev, &r.level)) {
        regint__json_path_key(p, path, "level");
        return regint__json_error(c->file, p, REGINT_EPARSE, "unknown level '%s' (kommune, fylke, nation)", lev);
    }
    return regint__ds_add_indicator(c->ds, &r, &pl);
}

static regint_status row_obs(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"indicator", "area", "year", "category", "value", "missing", NULL};
    regint_observation_t r = {0};
    r.category = "";
    regint__place pl = {c->file, path, 0};
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) ||
        (st = get_str(c, path, o, "indicator", 1, &r.indicator)) ||
        (st = get_str(c, path, o, "area", 1, &r.area)) ||
        (st = get_int(c, path, o, "year", 1, 1800, 2200, &r.year)) ||
        (st = get_str(c, path, o, "category", 0, &r.category)) ||
        (st = get_value(c, path, o, &r.value)))
        return st;
    return regint__ds_set_observation(c->ds, &r, 0, &pl);
}

static regint_status row_case(const lctx *c, const char *path, const cJSON *o)
{
    static const char *const allowed[] = {"id", "family_size", "flags", "year", NULL};
    regint_case_t r = {0};
    regint__place pl = {c->file, path, 0};
    const cJSON *flags;
    regint_status st;
    if ((st = only_members(c, path, o, allowed)) || (st = get_str(c, path, o, "id", 1, &r.id)) ||
        (st = get_int(c, path, o, "family_size", 1, 1, 100, &r.family_size)) ||
        (st = get_int(c, path, o, "year", 1, 1800, 2200, &r.year)) ||
        (st = regint__json_array(c->file, path, o, "flags", 0, &flags)))
        return st;
    size_t i = 0;
    for (const cJSON *f = flags ? flags->child : NULL; f; f = f->next, i++) {
        char fp[REGINT__PATH_MAX], p[REGINT__PATH_MAX];
        regint__json_path_key(fp, path, "flags");
        regint__json_path_index(p, fp, i);
        unsigned bit = 0;
        const char *name;
        if (cJSON_IsString(f))
            for (; (name = regint__case_flag_name(bit)) && strcmp(name, f->valuestring) != 0; bit++)
                ;
        if (!cJSON_IsString(f) || !regint__case_flag_name(bit))
            return regint__json_error(c->file, p, REGINT_EPARSE,
                                      "expected one of unaccompanied_minor, family_reunification, "
                                      "resettlement, collective_protection");
        r.flags |= 1u << bit;
    }
    return regint__ds_add_case(c->ds, &r, &pl);
}

static const char *const core_keys[] = {"schema", "schema_version", "counties", "municipalities",
                                        "population", "code_changes", "indicators", "settlement",
                                        "observations", "cases", NULL};

static regint_status load_doc(const cJSON *doc, const char *file, regint_dataset *ds)
{
    if (!cJSON_IsObject(doc))
        return regint__json_error(file, "", REGINT_EPARSE, "expected a JSON object");
    const char *schema = NULL;
    const cJSON *sv = cJSON_GetObjectItemCaseSensitive(doc, "schema");
    if (!cJSON_IsString(sv))
        return regint__json_error(file, "schema", REGINT_EVERSION,
                                  "missing or not a string: not a regint dataset (expected \"%s\")", SCHEMA_NAME);
    schema = sv->valuestring;
    if (strcmp(schema, SCHEMA_NAME) != 0)
        return regint__json_error(file, "schema", REGINT_EVERSION, "unknown schema '%s' (expected '%s')", schema,
                                  SCHEMA_NAME);
    const cJSON *vv = cJSON_GetObjectItemCaseSensitive(doc, "schema_version");
    if (!vv)
        return regint__json_error(file, "schema_version", REGINT_EVERSION, "required integer is missing");
    if (!cJSON_IsNumber(vv) || floor(vv->valuedouble) != vv->valuedouble)
        return regint__json_error(file, "schema_version", REGINT_EVERSION,
                                  "expected an integer version 1..%d, got %s", REGINT__SCHEMA_VERSION,
                                  cJSON_IsNumber(vv) ? "a fractional number" : "another type");
    if (vv->valuedouble < 1 || vv->valuedouble > REGINT__SCHEMA_VERSION)
        return regint__json_error(file, "schema_version", REGINT_EVERSION,
                                  "version %.6g is not supported: this regint %s reads versions 1..%d%s",
                                  vv->valuedouble, regint_version(), REGINT__SCHEMA_VERSION,
                                  vv->valuedouble > REGINT__SCHEMA_VERSION ? " (file written by a newer regint?)"
                                                                           : "");
    lctx c = {file, ds, (int)vv->valuedouble};
    for (const cJSON *it = doc->child; it; it = it->next) {
        int ok = 0;
        for (const char *const *k = core_keys; *k && !ok; k++)
            ok = strcmp(*k, it->string) == 0;
        for (size_t i = 0; i < regint__section_count && !ok; i++)
            ok = strcmp(regint__sections[i]->key, it->string) == 0;
        if (!ok)
            return regint__json_error(file, it->string, REGINT_EPARSE, "unknown member '%s'", it->string);
        if (twice(doc, it))
            return duplicate_member(file, "", it->string);
    }
    regint_status st;
    if ((st = each_row(&c, doc, "counties", row_county)) || (st = each_row(&c, doc, "municipalities", row_muni)) ||
        (st = each_row(&c, doc, "population", row_pop)) || (st = each_row(&c, doc, "code_changes", row_change)) ||
        (st = each_row(&c, doc, "indicators", row_ind)) || (st = each_row(&c, doc, "settlement", row_settle)) ||
        (st = each_row(&c, doc, "observations", row_obs)) || (st = each_row(&c, doc, "cases", row_case)))
        return st;
    for (size_t i = 0; i < regint__section_count; i++) {
        const regint__section *sec = regint__sections[i];
        const cJSON *node = cJSON_GetObjectItemCaseSensitive(doc, sec->key);
        if (!node || cJSON_IsNull(node))
            continue;
        void *data = NULL;
        if ((st = sec->parse(node, file, c.version, ds, &data)))
            return st;
        regint__dataset_set_section(ds, sec, data);
    }
    return REGINT_OK;
}

static regint_status load_dataset(const cJSON *doc, const char *name, void *out)
{
    regint_dataset *ds;
    regint_status st = regint_dataset_new(&ds);
    if (!st && (st = load_doc(doc, name, ds)))
        regint_dataset_free(ds);
    if (!st)
        *(regint_dataset **)out = ds;
    return st;
}

/* load_file also remembers the bytes it read, for the lost-update check of a later save
 * (util/savefile.h). */
REGINT__DEFINE_JSON_LOAD_STRING(regint_dataset, regint_dataset, "<string>", load_dataset)

REGINT__DEFINE_LOAD_FILE_ORIGIN(regint_dataset_load_file, regint_dataset, regint_dataset_load_string, origin)

/* regint_dataset_default_path() and regint_dataset_load_default(): default_path.c */

/* ------------------------------------------------------------------------- */
/* Saving: a canonical emitter into the string builder (util/strbuf.h). */

static void sb_key(regint__sb *b, const char *key, int first)
{
    if (!first)
        regint__sb_puts(b, ", ");
    regint__sb_json_string(b, key);
    regint__sb_puts(b, ": ");
}

static void sb_value(regint__sb *b, regint_value_t v)
{
    sb_key(b, "value", 0);
    if (v.missing == REGINT_MISSING_NONE) {
        regint__sb_double(b, v.value);
    } else {
        regint__sb_puts(b, "null");
        sb_key(b, "missing", 0);
        regint__sb_json_string(b, regint_missing_name(v.missing));
    }
}

static void sb_valid(regint__sb *b, int from, int to)
{
    sb_key(b, "valid_from", 0);
    regint__sb_int(b, from);
    sb_key(b, "valid_to", 0);
    if (to == REGINT_YEAR_OPEN)
        regint__sb_puts(b, "null");
    else
        regint__sb_int(b, to);
}

static int icmp(int a, int b) { return (a > b) - (a < b); }

static int cmp_county(const void *a, const void *b)
{
    const regint_county_t *x = *(const regint_county_t *const *)a, *y = *(const regint_county_t *const *)b;
    int c = strcmp(x->fylkesnr, y->fylkesnr);
    return c ? c : icmp(x->valid_from, y->valid_from);
}
static int cmp_muni(const void *a, const void *b)
{
    const regint_municipality_t *x = *(const regint_municipality_t *const *)a;
    const regint_municipality_t *y = *(const regint_municipality_t *const *)b;
    int c = strcmp(x->kommunenr, y->kommunenr);
    return c ? c : icmp(x->valid_from, y->valid_from);
}
static int cmp_pop(const void *a, const void *b)
{
    const regint__pop *x = *(const regint__pop *const *)a, *y = *(const regint__pop *const *)b;
    int c = strcmp(x->kommunenr, y->kommunenr);
    return c ? c : icmp(x->year, y->year);
}
static int cmp_change(const void *a, const void *b)
{
    const regint_code_change_t *x = *(const regint_code_change_t *const *)a;
    const regint_code_change_t *y = *(const regint_code_change_t *const *)b;
    int c = icmp(x->from_year, y->from_year);
    if (!c)
        c = strcmp(x->from_kommunenr, y->from_kommunenr);
    if (!c)
        c = icmp(x->to_year, y->to_year);
    return c ? c : strcmp(x->to_kommunenr, y->to_kommunenr);
}
static int cmp_settle(const void *a, const void *b)
{
    const regint_settlement_t *x = *(const regint_settlement_t *const *)a;
    const regint_settlement_t *y = *(const regint_settlement_t *const *)b;
    int c = icmp(x->year, y->year);
    if (!c)
        c = strcmp(x->kommunenr, y->kommunenr);
    if (!c)
        c = icmp((int)x->measure, (int)y->measure);
    return c ? c : icmp((int)x->category, (int)y->category);
}
static int cmp_ind(const void *a, const void *b)
{
    return strcmp((*(const regint_indicator_t *const *)a)->id, (*(const regint_indicator_t *const *)b)->id);
}
static int cmp_obs(const void *a, const void *b)
{
    const regint_observation_t *x = *(const regint_observation_t *const *)a;
    const regint_observation_t *y = *(const regint_observation_t *const *)b;
    int c = strcmp(x->indicator, y->indicator);
    if (!c)
        c = strcmp(x->area, y->area);
    if (!c)
        c = icmp(x->year, y->year);
    return c ? c : strcmp(x->category, y->category);
}
static int cmp_case(const void *a, const void *b)
{
    return strcmp((*(const regint_case_t *const *)a)->id, (*(const regint_case_t *const *)b)->id);
}

/* Sorted array of record pointers (caller frees), or NULL on ENOMEM (n > 0). */
static const void **sorted(size_t n, const void *(*at)(const regint_dataset *, size_t), const regint_dataset *ds,
                           int (*cmp)(const void *, const void *))
{
    const void **arr = regint__calloc(n ? n : 1, sizeof *arr);
    if (!arr)
        return NULL;
    for (size_t i = 0; i < n; i++)
        arr[i] = at(ds, i);
    qsort(arr, n, sizeof *arr, cmp);
    return arr;
}

static const void *at_county(const regint_dataset *ds, size_t i) { return regint_dataset_county_at(ds, i); }
static const void *at_muni(const regint_dataset *ds, size_t i) { return regint_dataset_municipality_at(ds, i); }
static const void *at_pop(const regint_dataset *ds, size_t i) { return regint__ds_population_at(ds, i); }
static const void *at_change(const regint_dataset *ds, size_t i) { return regint_dataset_code_change_at(ds, i); }
static const void *at_settle(const regint_dataset *ds, size_t i) { return regint_dataset_settlement_at(ds, i); }
static const void *at_ind(const regint_dataset *ds, size_t i) { return regint_dataset_indicator_at(ds, i); }
static const void *at_obs(const regint_dataset *ds, size_t i) { return regint_dataset_observation_at(ds, i); }
static const void *at_case(const regint_dataset *ds, size_t i) { return regint_dataset_case_at(ds, i); }

/* One writer per record kind, field by field in the schema's key order (and one reader per
 * kind above): their lines have the same shape with other names, which `duplicates` (issue
 * 13) reports as one pair of this file with itself. Kept: each is the plain list of its
 * kind's fields; a table of offsets and field types would hold the same lines as data and
 * give up the member types the compiler checks here. */
static void emit_county(regint__sb *b, const void *r)
{
    const regint_county_t *c = r;
    sb_key(b, "fylkesnr", 1);
    regint__sb_json_string(b, c->fylkesnr);
    sb_key(b, "name", 0);
    regint__sb_json_string(b, c->name);
    sb_valid(b, c->valid_from, c->valid_to);
}
static void emit_muni(regint__sb *b, const void *r)
{
    const regint_municipality_t *m = r;
    sb_key(b, "kommunenr", 1);
    regint__sb_json_string(b, m->kommunenr);
    sb_key(b, "name", 0);
    regint__sb_json_string(b, m->name);
    sb_key(b, "fylkesnr", 0);
    regint__sb_json_string(b, m->fylkesnr);
    sb_valid(b, m->valid_from, m->valid_to);
    if (m->centrality) {
        sb_key(b, "centrality", 0);
        regint__sb_int(b, m->centrality);
    }
    if (m->kostra_group && *m->kostra_group) {
        sb_key(b, "kostra_group", 0);
        regint__sb_json_string(b, m->kostra_group);
    }
}
static void emit_pop(regint__sb *b, const void *r)
{
    const regint__pop *p = r;
    sb_key(b, "kommunenr", 1);
    regint__sb_json_string(b, p->kommunenr);
    sb_key(b, "year", 0);
    regint__sb_int(b, p->year);
    sb_key(b, "persons", 0);
    regint__sb_int(b, (long long)p->persons);
}
static void emit_change(regint__sb *b, const void *r)
{
    const regint_code_change_t *c = r;
    sb_key(b, "from", 1);
    regint__sb_json_string(b, c->from_kommunenr);
    sb_key(b, "from_year", 0);
    regint__sb_int(b, c->from_year);
    sb_key(b, "to", 0);
    regint__sb_json_string(b, c->to_kommunenr);
    sb_key(b, "to_year", 0);
    regint__sb_int(b, c->to_year);
    sb_key(b, "kind", 0);
    regint__sb_json_string(b, regint_change_kind_name(c->kind));
}
static void emit_settle(regint__sb *b, const void *r)
{
    const regint_settlement_t *s = r;
    sb_key(b, "kommunenr", 1);
    regint__sb_json_string(b, s->kommunenr);
    sb_key(b, "year", 0);
    regint__sb_int(b, s->year);
    sb_key(b, "measure", 0);
    regint__sb_json_string(b, regint_measure_name(s->measure));
    sb_key(b, "category", 0);
    regint__sb_json_string(b, regint_category_name(s->category));
    sb_value(b, s->value);
}
static void emit_ind(regint__sb *b, const void *r)
{
    const regint_indicator_t *i = r;
    sb_key(b, "id", 1);
    regint__sb_json_string(b, i->id);
    sb_key(b, "name_nb", 0);
    regint__sb_json_string(b, i->name_nb);
    sb_key(b, "name_en", 0);
    regint__sb_json_string(b, i->name_en);
    sb_key(b, "unit", 0);
    regint__sb_json_string(b, i->unit);
    sb_key(b, "source", 0);
    regint__sb_json_string(b, i->source);
    sb_key(b, "direction", 0);
    regint__sb_json_string(b, regint_direction_name(i->direction));
    sb_key(b, "level", 0);
    regint__sb_json_string(b, regint_level_name(i->level));
    sb_key(b, "sdg_targets", 0);
    regint__sb_json_string(b, i->sdg_targets ? i->sdg_targets : "");
}
static void emit_obs(regint__sb *b, const void *r)
{
    const regint_observation_t *o = r;
    sb_key(b, "indicator", 1);
    regint__sb_json_string(b, o->indicator);
    sb_key(b, "area", 0);
    regint__sb_json_string(b, o->area);
    sb_key(b, "year", 0);
    regint__sb_int(b, o->year);
    sb_key(b, "category", 0);
    regint__sb_json_string(b, o->category);
    sb_value(b, o->value);
}
static void emit_case(regint__sb *b, const void *r)
{
    const regint_case_t *c = r;
    sb_key(b, "id", 1);
    regint__sb_json_string(b, c->id);
    sb_key(b, "family_size", 0);
    regint__sb_int(b, c->family_size);
    sb_key(b, "flags", 0);
    regint__sb_puts(b, "[");
    int first = 1;
    for (unsigned bit = 0; regint__case_flag_name(bit); bit++)
        if (c->flags & (1u << bit)) {
            regint__sb_puts(b, first ? "" : ", ");
            regint__sb_json_string(b, regint__case_flag_name(bit));
            first = 0;
        }
    regint__sb_puts(b, "]");
    sb_key(b, "year", 0);
    regint__sb_int(b, c->year);
}

static int emit_table(regint__sb *b, const regint_dataset *ds, const char *key, size_t n,
                      const void *(*at)(const regint_dataset *, size_t), int (*cmp)(const void *, const void *),
                      void (*emit)(regint__sb *, const void *))
{
    const void **arr = sorted(n, at, ds, cmp);
    if (!arr)
        return -1;
    regint__sb_puts(b, ",\n");
    regint__sb_json_string(b, key);
    regint__sb_puts(b, n ? ": [\n" : ": [");
    for (size_t i = 0; i < n; i++) {
        regint__sb_puts(b, "  {");
        emit(b, arr[i]);
        regint__sb_puts(b, i + 1 < n ? "},\n" : "}\n");
    }
    regint__sb_puts(b, "]");
    free(arr);
    return 0;
}

regint_status regint_dataset_to_string(const regint_dataset *ds, char **json)
{
    if (!ds || !json)
        return regint__error(REGINT_EINVAL, "regint_dataset_to_string: NULL argument");
    regint__sb b = {0};
    regint__sb_puts(&b, "{\n\"schema\": \"" SCHEMA_NAME "\",\n");
    regint__sb_printf(&b, "\"schema_version\": %d", REGINT__SCHEMA_VERSION);
    if (emit_table(&b, ds, "counties", regint_dataset_county_count(ds), at_county, cmp_county, emit_county) ||
        emit_table(&b, ds, "municipalities", regint_dataset_municipality_count(ds), at_muni, cmp_muni, emit_muni) ||
        emit_table(&b, ds, "population", regint_dataset_population_count(ds), at_pop, cmp_pop, emit_pop) ||
        emit_table(&b, ds, "code_changes", regint_dataset_code_change_count(ds), at_change, cmp_change,
                   emit_change) ||
        emit_table(&b, ds, "indicators", regint_dataset_indicator_count(ds), at_ind, cmp_ind, emit_ind) ||
        emit_table(&b, ds, "settlement", regint_dataset_settlement_count(ds), at_settle, cmp_settle,
                   emit_settle) ||
        emit_table(&b, ds, "observations", regint_dataset_observation_count(ds), at_obs, cmp_obs, emit_obs) ||
        emit_table(&b, ds, "cases", regint_dataset_case_count(ds), at_case, cmp_case, emit_case)) {
        free(b.s);
        return regint__enomem();
    }
    for (size_t i = 0; i < regint__section_count; i++) {
        const regint__section *sec = regint__sections[i];
        const void *data = regint__dataset_section(ds, sec);
        if (!data)
            continue;
        cJSON *node = sec->emit(data);
        if (!node) {
            free(b.s);
            return regint__enomem();
        }
        char *text = cJSON_Print(node);
        cJSON_Delete(node);
        if (!text) {
            free(b.s);
            return regint__enomem();
        }
        regint__sb_puts(&b, ",\n");
        regint__sb_json_string(&b, sec->key);
        regint__sb_puts(&b, ": ");
        regint__sb_puts(&b, text);
        cJSON_free(text);
    }
    regint__sb_puts(&b, "\n}\n");
    if (b.oom) {
        free(b.s);
        return regint__enomem();
    }
    /* The caller frees with regint_free() (= free()). */
    *json = b.s;
    return REGINT_OK;
}

/* ds->origin is NULL for a dataset not loaded from a file; else the file it read (or last
 * wrote), whose bytes the save compares. */
REGINT__DEFINE_SAVE_FILE(regint_dataset, regint_dataset, regint_dataset_to_string, origin)
