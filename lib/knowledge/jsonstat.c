/* Import of SSB JSON-stat 2 dataset documents into the knowledge base (kb.h).
 *
 * Reads `version`, `class`, `id`, `size`, `dimension.<id>.category.index` (array or object
 * code -> position), `value` (dense array or sparse object) and `status` (string, array or
 * object). Every observation is validated and staged first; the dataset is only changed
 * when the whole document is good. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/kb.h"
#include "regint/validate.h"

#include "util/fileio.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fileio.h"
#include "knowledge/area.h"
#include "util/jsonutil.h"
#include "util/options.h"
#include "util/error.h"

#define JS_MAX_DIMS 16

typedef struct js_dim {
    const char *id;
    size_t size;
    const char **codes; /* by position, borrowed from the cJSON document */
    char path[REGINT__PATH_MAX]; /* dimension.<id>.category.index */
    int index_is_array;
} js_dim;

typedef struct staged {
    char *indicator; /* borrowed from the dataset catalogue */
    char area[8];
    int year;
    char *category; /* owned */
    regint_value_t value;
} staged;

static void dims_free(js_dim *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(d[i].codes);
}

static void code_path(char *buf, const js_dim *d, size_t pos)
{
    if (d->index_is_array)
        snprintf(buf, REGINT__PATH_MAX, "%.200s[%zu]", d->path, pos);
    else
        snprintf(buf, REGINT__PATH_MAX, "%.200s.%.40s", d->path, d->codes[pos]);
}

static regint_status read_dim(const char *file, const cJSON *dims, const char *id, size_t size,
                              js_dim *d)
{
    char path[REGINT__PATH_MAX];
    snprintf(path, sizeof path, "dimension.%.100s", id);
    const cJSON *dim = cJSON_GetObjectItemCaseSensitive(dims, id);
    if (!cJSON_IsObject(dim))
        return regint__json_error(file, path, REGINT_EPARSE, "missing (every id needs a dimension object)");
    const cJSON *cat = cJSON_GetObjectItemCaseSensitive(dim, "category");
    char cpath[REGINT__PATH_MAX];
    snprintf(cpath, sizeof cpath, "dimension.%.100s.category", id);
    if (!cJSON_IsObject(cat))
        return regint__json_error(file, cpath, REGINT_EPARSE, "expected an object");
    const cJSON *index = cJSON_GetObjectItemCaseSensitive(cat, "index");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(cat, "label");
    memset(d, 0, sizeof *d);
    d->id = id;
    d->size = size;
    snprintf(d->path, sizeof d->path, "dimension.%.100s.category.index", id);
    d->codes = regint__calloc(size ? size : 1, sizeof *d->codes);
    if (!d->codes)
        return regint__enomem();
    if (!index) {
        /* JSON-stat allows a single category given by label only. */
        if (size != 1 || !cJSON_IsObject(label) || cJSON_GetArraySize(label) != 1)
            return regint__json_error(file, d->path, REGINT_EPARSE,
                                      "missing (required unless the dimension has one labelled category)");
        d->codes[0] = label->child->string;
        d->index_is_array = 1;
        return REGINT_OK;
    }
    if (cJSON_IsArray(index)) {
        d->index_is_array = 1;
        size_t n = (size_t)cJSON_GetArraySize(index);
        if (n != size)
            return regint__json_error(file, d->path, REGINT_EPARSE,
                                      "has %zu categories but size gives %zu", n, size);
        size_t i = 0;
        for (const cJSON *c = index->child; c; c = c->next, i++) {
            char p[REGINT__PATH_MAX];
            regint__json_path_index(p, d->path, i);
            if (!cJSON_IsString(c) || !*c->valuestring)
                return regint__json_error(file, p, REGINT_EPARSE, "expected a category code (string)");
            for (size_t j = 0; j < i; j++)
                if (strcmp(d->codes[j], c->valuestring) == 0)
                    return regint__json_error(file, p, REGINT_EDUPLICATE, "duplicate category code '%s'",
                                              c->valuestring);
            d->codes[i] = c->valuestring;
        }
        return REGINT_OK;
    }
    if (!cJSON_IsObject(index))
        return regint__json_error(file, d->path, REGINT_EPARSE, "expected an array or an object");
    size_t n = (size_t)cJSON_GetArraySize(index);
    if (n != size)
        return regint__json_error(file, d->path, REGINT_EPARSE, "has %zu categories but size gives %zu",
                                  n, size);
    for (const cJSON *c = index->child; c; c = c->next) {
        char p[REGINT__PATH_MAX];
        regint__json_path_key(p, d->path, c->string);
        if (!regint__json_is_int(c) || c->valuedouble < 0 || c->valuedouble >= (double)size)
            return regint__json_error(file, p, REGINT_EPARSE, "expected a position 0..%zu", size - 1);
        size_t pos = (size_t)c->valuedouble;
        if (d->codes[pos])
            return regint__json_error(file, p, REGINT_EDUPLICATE,
                                      "position %zu is also given to category '%s'", pos, d->codes[pos]);
        for (const cJSON *o = index->child; o != c; o = o->next)
            if (strcmp(o->string, c->string) == 0)
                return regint__json_error(file, p, REGINT_EDUPLICATE, "duplicate category code '%s'",
                                          c->string);
        d->codes[pos] = c->string;
    }
    return REGINT_OK;
}

/* Normalise an SSB region code: "K-3001" -> "3001", "F-30" -> "30", "0"/"EAK" -> "00". */
static int normalise_area(const char *code, char out[8])
{
    if ((code[0] == 'K' || code[0] == 'F') && code[1] == '-')
        code += 2;
    if (strcmp(code, "0") == 0 || strcmp(code, "00") == 0 || strcmp(code, "EAK") == 0 ||
        strcmp(code, "Landet") == 0) {
        strcpy(out, "00");
        return 1;
    }
    if (regint_validate_kommunenr_format(code) || regint_validate_fylkesnr_format(code)) {
        strcpy(out, code);
        return 1;
    }
    return 0;
}

static int parse_year(const char *s, int *year)
{
    if (strlen(s) != 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    *year = atoi(s);
    return *year >= 1800 && *year <= 2200;
}

static regint_missing status_reason(const char *sym)
{
    if (!sym)
        return REGINT_MISSING_UNKNOWN;
    if (strcmp(sym, ":") == 0)
        return REGINT_MISSING_SUPPRESSED;
    if (strcmp(sym, ".") == 0)
        return REGINT_MISSING_NOT_APPLICABLE;
    return REGINT_MISSING_UNKNOWN; /* "..", "...", or anything else */
}

static void staged_free(staged *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(s[i].category);
    free(s);
}

static regint_status import_doc(regint_dataset *ds, const cJSON *doc, const char *file,
                                const regint_kb_jsonstat_options *opt, size_t *n_imported)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (!cJSON_IsObject(doc))
        return regint__json_error(file, "(root)", REGINT_EPARSE, "expected a JSON-stat dataset object");
    const char *version = NULL, *klass = NULL;
    regint_status st = regint__json_string(file, "", doc, "version", 1, &version);
    if (st)
        return st;
    if (strcmp(version, "2.0") != 0)
        return regint__json_error(file, "version", REGINT_EVERSION,
                                  "expected \"2.0\" (JSON-stat 2), got \"%s\"", version);
    st = regint__json_string(file, "", doc, "class", 1, &klass);
    if (st)
        return st;
    if (strcmp(klass, "dataset") != 0)
        return regint__json_error(file, "class", REGINT_EPARSE,
                                  "expected \"dataset\", got \"%s\" (bundles and collections are not read)", klass);
    const cJSON *ids, *sizes, *dims;
    if ((st = regint__json_array(file, "", doc, "id", 1, &ids)) ||
        (st = regint__json_array(file, "", doc, "size", 1, &sizes)) ||
        (st = regint__json_object(file, "", doc, "dimension", 1, &dims)))
        return st;
    size_t nd = (size_t)cJSON_GetArraySize(ids);
    if (nd == 0 || nd > JS_MAX_DIMS)
        return regint__json_error(file, "id", REGINT_EPARSE, "expected 1..%d dimension ids", JS_MAX_DIMS);
    if ((size_t)cJSON_GetArraySize(sizes) != nd)
        return regint__json_error(file, "size", REGINT_EPARSE, "has %d entries but id has %zu",
                                  cJSON_GetArraySize(sizes), nd);
    js_dim d[JS_MAX_DIMS];
    size_t nread = 0;
    size_t total = 1;
    const cJSON *idc = ids->child, *szc = sizes->child;
    for (size_t i = 0; i < nd; i++, idc = idc->next, szc = szc->next) {
        char p[REGINT__PATH_MAX];
        regint__json_path_index(p, "id", i);
        if (!cJSON_IsString(idc)) {
            dims_free(d, nread);
            return regint__json_error(file, p, REGINT_EPARSE, "expected a dimension id (string)");
        }
        regint__json_path_index(p, "size", i);
        if (!regint__json_is_int(szc) || szc->valuedouble < 1 || szc->valuedouble > 1e7) {
            dims_free(d, nread);
            return regint__json_error(file, p, REGINT_EPARSE, "expected a positive integer");
        }
        size_t sz = (size_t)szc->valuedouble;
        if (total > (size_t)1e8 / sz) {
            dims_free(d, nread);
            return regint__json_error(file, "size", REGINT_ERANGE, "too many cells (more than 10^8)");
        }
        total *= sz;
        st = read_dim(file, dims, idc->valuestring, sz, &d[i]);
        nread++;
        if (st) {
            dims_free(d, nread);
            return st;
        }
    }

    /* Which dimension is what: the options, else SSB's ids, else JSON-stat roles. */
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(doc, "role");
    const char *want[3] = {opt->area_dimension, opt->time_dimension, opt->contents_dimension};
    const char *dflt[3] = {"Region", "Tid", "ContentsCode"};
    const char *roles[3] = {"geo", "time", "metric"};
    int which[3] = {-1, -1, -1};
    for (int k = 0; k < 3; k++) {
        const char *name = want[k] ? want[k] : dflt[k];
        for (size_t i = 0; i < nd; i++)
            if (strcmp(d[i].id, name) == 0)
                which[k] = (int)i;
        if (which[k] < 0 && !want[k] && cJSON_IsObject(role)) {
            const cJSON *r = cJSON_GetObjectItemCaseSensitive(role, roles[k]);
            if (cJSON_IsArray(r) && cJSON_IsString(r->child))
                for (size_t i = 0; i < nd; i++)
                    if (strcmp(d[i].id, r->child->valuestring) == 0)
                        which[k] = (int)i;
        }
    }
    if (which[0] < 0 || which[1] < 0) {
        dims_free(d, nd);
        return regint__json_error(file, "dimension", REGINT_EPARSE, "no %s dimension (looked for '%s')",
                                  which[0] < 0 ? "area" : "time",
                                  which[0] < 0 ? (want[0] ? want[0] : dflt[0]) : (want[1] ? want[1] : dflt[1]));
    }
    const js_dim *da = &d[which[0]], *dt = &d[which[1]];
    const js_dim *dc = which[2] >= 0 ? &d[which[2]] : NULL;
    char p[REGINT__PATH_MAX];

    /* Check the codes of area, time and contents once. */
    char (*areas)[8] = regint__calloc(da->size, sizeof *areas);
    int *years = regint__calloc(dt->size, sizeof *years);
    const char **inds = regint__calloc(dc ? dc->size : 1, sizeof *inds);
    staged *stg = NULL;
    size_t nst = 0;
    if (!areas || !years || !inds) {
        st = regint__enomem();
        goto done;
    }
    for (size_t i = 0; i < da->size; i++) {
        code_path(p, da, i);
        if (!normalise_area(da->codes[i], areas[i])) {
            st = regint__json_error(file, p, REGINT_EINVAL,
                                    "unknown area code '%s' (expected a kommunenr, fylkesnr or 0 for the nation)",
                                    da->codes[i]);
            goto done;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(areas[j], areas[i]) == 0) {
                st = regint__json_error(file, p, REGINT_EDUPLICATE,
                                        "area '%s' is the same as '%s' (duplicate rows)", da->codes[i],
                                        da->codes[j]);
                goto done;
            }
    }
    for (size_t i = 0; i < dt->size; i++) {
        code_path(p, dt, i);
        if (!parse_year(dt->codes[i], &years[i])) {
            st = regint__json_error(file, p, REGINT_EINVAL, "expected a year (four digits), got '%s'",
                                    dt->codes[i]);
            goto done;
        }
    }
    if (opt->indicator) {
        const regint_indicator_t *ind;
        if (regint_dataset_indicator(ds, opt->indicator, &ind) != REGINT_OK) {
            st = regint__error(REGINT_ENOTFOUND, "%s: indicator '%s' is not in the catalogue", file,
                               opt->indicator);
            goto done;
        }
        if (dc && dc->size != 1) {
            st = regint__json_error(file, dc->path, REGINT_EINVAL,
                                    "has %zu categories but one indicator ('%s') was asked for", dc->size,
                                    opt->indicator);
            goto done;
        }
        inds[0] = opt->indicator;
    } else {
        if (!dc) {
            st = regint__json_error(file, "dimension", REGINT_EINVAL,
                                    "no contents dimension ('%s') and no indicator given",
                                    opt->contents_dimension ? opt->contents_dimension : "ContentsCode");
            goto done;
        }
        for (size_t i = 0; i < dc->size; i++) {
            const regint_indicator_t *ind;
            code_path(p, dc, i);
            if (regint_dataset_indicator(ds, dc->codes[i], &ind) != REGINT_OK) {
                st = regint__json_error(file, p, REGINT_ENOTFOUND, "unknown indicator '%s' (not in the catalogue)",
                                        dc->codes[i]);
                goto done;
            }
            inds[i] = dc->codes[i];
        }
    }
    regint__error_restore(&saved_error); /* probes leave no error */

    /* Values and status. */
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(doc, "value");
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(doc, "status");
    if (!value) {
        st = regint__json_error(file, "value", REGINT_EPARSE, "missing");
        goto done;
    }
    if (cJSON_IsArray(value)) {
        if ((size_t)cJSON_GetArraySize(value) != total) {
            st = regint__json_error(file, "value", REGINT_EPARSE,
                                    "has %d values but the sizes give %zu cells", cJSON_GetArraySize(value), total);
            goto done;
        }
    } else if (cJSON_IsObject(value)) {
        for (const cJSON *v = value->child; v; v = v->next) {
            char *end;
            unsigned long long k = strtoull(v->string, &end, 10);
            regint__json_path_key(p, "value", v->string);
            if (!*v->string || *end || !isdigit((unsigned char)v->string[0]) || k >= total) {
                st = regint__json_error(file, p, REGINT_EPARSE, "expected a cell index 0..%zu", total - 1);
                goto done;
            }
        }
    } else {
        st = regint__json_error(file, "value", REGINT_EPARSE, "expected an array or an object");
        goto done;
    }
    if (status && !cJSON_IsString(status) && !cJSON_IsArray(status) && !cJSON_IsObject(status) &&
        !cJSON_IsNull(status)) {
        st = regint__json_error(file, "status", REGINT_EPARSE, "expected a string, an array or an object");
        goto done;
    }
    if (cJSON_IsArray(status) && (size_t)cJSON_GetArraySize(status) != total) {
        st = regint__json_error(file, "status", REGINT_EPARSE, "has %d entries but the sizes give %zu cells",
                                cJSON_GetArraySize(status), total);
        goto done;
    }

    stg = regint__calloc(total, sizeof *stg);
    if (!stg) {
        st = regint__enomem();
        goto done;
    }
    const cJSON *vitem = cJSON_IsArray(value) ? value->child : NULL;
    const cJSON *sitem = cJSON_IsArray(status) ? status->child : NULL;
    size_t pos[JS_MAX_DIMS] = {0};
    for (size_t cell = 0; cell < total; cell++) {
        char key[32];
        snprintf(key, sizeof key, "%zu", cell);
        const cJSON *v = cJSON_IsArray(value) ? vitem : cJSON_GetObjectItemCaseSensitive(value, key);
        const cJSON *s = NULL;
        if (cJSON_IsArray(status))
            s = sitem;
        else if (cJSON_IsObject(status))
            s = cJSON_GetObjectItemCaseSensitive(status, key);
        else if (cJSON_IsString(status))
            s = status;
        if (cJSON_IsArray(value))
            snprintf(p, sizeof p, "value[%zu]", cell);
        else
            snprintf(p, sizeof p, "value.%zu", cell);
        if (s && !cJSON_IsString(s) && !cJSON_IsNull(s)) {
            char sp[REGINT__PATH_MAX];
            snprintf(sp, sizeof sp, cJSON_IsArray(status) ? "status[%zu]" : "status.%zu", cell);
            st = regint__json_error(file, sp, REGINT_EPARSE, "expected a status symbol (string) or null");
            goto done;
        }
        int present = 0;
        double num = NAN;
        if (v && cJSON_IsNumber(v)) {
            if (!isfinite(v->valuedouble)) {
                st = regint__json_error(file, p, REGINT_EPARSE, "expected a finite number");
                goto done;
            }
            present = 1;
            num = v->valuedouble;
        } else if (v && !cJSON_IsNull(v)) {
            st = regint__json_error(file, p, REGINT_EPARSE, "expected a number or null, got %s",
                                    cJSON_IsString(v) ? "a string" : cJSON_IsBool(v) ? "a boolean" : "a structure");
            goto done;
        }
        const char *area = areas[pos[which[0]]];
        int year = years[pos[which[1]]];
        int skip = 0;
        if (!regint__area_exists(ds, area, year)) {
            if (present) {
                char ap[REGINT__PATH_MAX];
                code_path(ap, da, pos[which[0]]);
                st = regint__json_error(file, p, REGINT_EINVAL, "area '%s' (%s) does not exist in %d", area, ap, year);
                goto done;
            }
            skip = 1; /* SSB lists codes outside their period with null values */
        }
        if (v && !skip) {
            staged *o = &stg[nst];
            o->indicator = (char *)inds[dc && !opt->indicator ? pos[which[2]] : 0];
            /* Category: codes of the other dimensions with more than one category. */
            char cat[256] = "";
            for (size_t k = 0; k < nd; k++) {
                if ((int)k == which[0] || (int)k == which[1] || (int)k == which[2] || d[k].size < 2)
                    continue;
                size_t len = strlen(cat);
                snprintf(cat + len, sizeof cat - len, "%s%s", len ? "." : "", d[k].codes[pos[k]]);
            }
            if (opt->refuse_existing) {
                regint_value_t old;
                if (regint_dataset_observation(ds, o->indicator, area, year, cat, &old) == REGINT_OK) {
                    st = regint__json_error(file, p, REGINT_EDUPLICATE,
                                            "observation of '%s' for '%s' in %d is already in the dataset "
                                            "(refuse_existing is set)", o->indicator, area, year);
                    goto done;
                }
                regint__error_restore(&saved_error); /* probes leave no error */
            }
            snprintf(o->area, sizeof o->area, "%s", area);
            o->year = year;
            o->category = regint__strdup(cat);
            if (!o->category) {
                st = regint__enomem();
                goto done;
            }
            o->value.value = present ? num : NAN;
            o->value.missing = present ? REGINT_MISSING_NONE
                                       : status_reason(s && cJSON_IsString(s) ? s->valuestring : NULL);
            nst++;
        }
        /* Next cell in row-major order (last dimension fastest). */
        for (size_t k = nd; k-- > 0;) {
            if (++pos[k] < d[k].size)
                break;
            pos[k] = 0;
        }
        if (vitem)
            vitem = vitem->next;
        if (sitem)
            sitem = sitem->next;
    }

    /* Apply; remember replaced values so a failure can be undone. */
    {
        regint_value_t *old = regint__calloc(nst ? nst : 1, sizeof *old);
        int *had = regint__calloc(nst ? nst : 1, sizeof *had);
        if (!old || !had) {
            free(old);
            free(had);
            st = regint__enomem();
            goto done;
        }
        size_t i = 0;
        for (; i < nst; i++) {
            had[i] = regint_dataset_observation(ds, stg[i].indicator, stg[i].area, stg[i].year,
                                                stg[i].category, &old[i]) == REGINT_OK;
            regint_observation_t o = {stg[i].indicator, stg[i].area, stg[i].year, stg[i].category,
                                      stg[i].value};
            st = regint_dataset_set_observation(ds, &o);
            if (st != REGINT_OK)
                break;
        }
        if (st != REGINT_OK) {
            regint__error_prefix(file);
            while (i-- > 0)
                if (had[i]) {
                    regint_observation_t o = {stg[i].indicator, stg[i].area, stg[i].year,
                                              stg[i].category, old[i]};
                    regint_dataset_set_observation(ds, &o);
                }
        }
        free(old);
        free(had);
    }
    if (st == REGINT_OK) {
        regint__error_restore(&saved_error); /* probes leave no error */
        if (n_imported)
            *n_imported = nst;
    }
done:
    staged_free(stg, nst);
    free(areas);
    free(years);
    free(inds);
    dims_free(d, nd);
    return st;
}

/* regint_kb_import_jsonstat_string's arguments besides the text, for regint__json_load and
 * regint__parse_file. */
typedef struct import_args {
    regint_kb *kb;
    regint_dataset *ds;
    const regint_kb_jsonstat_options *opt;
    size_t *n_imported;
} import_args;

/* The knowledge base is refreshed whenever a parsed document was imported, even in part. */
static regint_status import_loaded(const cJSON *doc, const char *name, void *out)
{
    const import_args *a = out;
    regint_status st = import_doc(a->ds, doc, name, a->opt, a->n_imported);
    regint_kb_refresh(a->kb);
    return st;
}

regint_status regint_kb_import_jsonstat_string(regint_kb *kb, regint_dataset *ds, const char *json,
                                               size_t len, const char *name,
                                               const regint_kb_jsonstat_options *opt, size_t *n_imported)
{
    if (!kb || !ds || !json || (const regint_dataset *)ds != regint_kb_dataset(kb))
        return regint__error(REGINT_EINVAL,
                             "JSON-stat import: need the knowledge base, its dataset and the text");
    static const regint_kb_jsonstat_options dflt = REGINT_KB_JSONSTAT_OPTIONS_INIT;
    REGINT__OPTIONS_RESOLVE(opt, dflt, REGINT_KB_JSONSTAT_OPTIONS_VERSION, "regint_kb_import_jsonstat");
    if (!name)
        name = "(json-stat)";
    import_args a = {kb, ds, opt, n_imported};
    return regint__json_load(json, len, name, import_loaded, &a);
}

static regint_status import_text(const char *text, size_t len, const char *name, void *out)
{
    const import_args *a = out;
    return regint_kb_import_jsonstat_string(a->kb, a->ds, text, len, name, a->opt, a->n_imported);
}

regint_status regint_kb_import_jsonstat(regint_kb *kb, regint_dataset *ds, const char *path,
                                        const regint_kb_jsonstat_options *opt, size_t *n_imported)
{
    if (!path)
        return regint__error(REGINT_EINVAL, "JSON-stat import: path must not be NULL");
    import_args a = {kb, ds, opt, n_imported};
    return regint__parse_file(path, import_text, &a);
}
