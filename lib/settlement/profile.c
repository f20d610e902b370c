/* Settlement criteria profiles: JSON parsing (errors with JSON paths) and the default. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fileio.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/jsonutil.h"
#include "settlement/settlement_internal.h"

#include "regint/validate.h"

#include "regint/apportion.h"

#define PROFILE_SCHEMA "regint.settlement_profile"
#define PROFILE_SCHEMA_VERSION 1

/* The default profile. Keep in step with examples/data/profile-default.json (a test checks). */
static const char default_profile_json[] =
    "{\n"
    "  \"schema\": \"regint.settlement_profile\",\n"
    "  \"schema_version\": 1,\n"
    "  \"name\": \"default\",\n"
    "  \"description\": \"Default profile: the out-of-sample fitted engine. Six criteria (population, its square root, last request, mean of three requests, last decision, settled two years back), each a share of the county, weighted by weights fitted for the county and year on earlier years only (the fit `regint backtest` scores), rounded with sainte-lague-min10: nobody below 10, and raising the total never lowers anyone. See docs/settlement.md.\",\n"
    "  \"weights\": \"fitted\",\n"
    "  \"minimum\": 0,\n"
    "  \"minimum_exempt\": [],\n"
    "  \"bounds\": [],\n"
    "  \"exclude\": [],\n"
    "  \"method\": \"sainte-lague-min10\",\n"
    "  \"minors_history_years\": 3\n"
    "}\n";

const char *regint_settlement_profile_default_json(void)
{
    return default_profile_json;
}

void regint__settlement_free_strv(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

void regint_settlement_profile_free(regint_settlement_profile *p)
{
    if (!p)
        return;
    free(p->file);
    free(p->name);
    free(p->description);
    for (size_t i = 0; i < p->ncrit; i++) {
        free(p->crit[i].id);
        free(p->crit[i].indicator);
        free(p->crit[i].per);
        free(p->crit[i].category);
    }
    free(p->crit);
    regint__settlement_free_strv(p->exempt, p->nexempt);
    regint__settlement_free_strv(p->exclude, p->nexclude);
    for (size_t i = 0; i < p->nbounds; i++)
        free(p->bounds[i].kommunenr), free(p->bounds[i].note);
    free(p->bounds);
    regint__local_free(p);
    free(p);
}

/* Refuse members not in `allowed` (NULL-terminated): catches typos such as "wieght". */
static regint_status check_keys(const char *file, const char *path, const cJSON *obj,
                                const char *const *allowed)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (it->string && !strcmp(it->string, *a))
                ok = 1;
        if (!ok) {
            char p[REGINT__PATH_MAX];
            regint__json_path_key(p, path, it->string ? it->string : "?");
            return regint__json_error(file, p, REGINT_EPARSE, "unknown member");
        }
    }
    return REGINT_OK;
}

/* An array of distinct kommunenr strings. */
static regint_status parse_codes(const char *file, const cJSON *root, const char *key,
                                 char ***out, size_t *n)
{
    const cJSON *arr = NULL;
    regint_status st = regint__json_array(file, "", root, key, 0, &arr);
    if (st || !arr)
        return st;
    size_t cnt = (size_t)cJSON_GetArraySize(arr);
    if (cnt == 0)
        return REGINT_OK;
    char **v = regint__calloc(cnt, sizeof *v);
    if (!v)
        return regint__enomem();
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        char p[REGINT__PATH_MAX];
        char base[REGINT__PATH_MAX];
        regint__json_path_key(base, "", key);
        regint__json_path_index(p, base, i);
        if (!cJSON_IsString(it) || !regint_validate_kommunenr_format(it->valuestring)) {
            regint__settlement_free_strv(v, i);
            return regint__json_error(file, p, REGINT_EPARSE, "expected a 4-digit kommunenr string");
        }
        for (size_t j = 0; j < i; j++)
            if (!strcmp(v[j], it->valuestring)) {
                regint__settlement_free_strv(v, i);
                return regint__json_error(file, p, REGINT_EDUPLICATE, "'%s' occurs twice", it->valuestring);
            }
        if (!(v[i] = regint__strdup(it->valuestring))) {
            regint__settlement_free_strv(v, i);
            return regint__enomem();
        }
        i++;
    }
    *out = v;
    *n = cnt;
    return REGINT_OK;
}

static int builtin_kind(const char *id, regint__crit_kind *kind)
{
    static const struct { const char *id; regint__crit_kind k; } b[] = {
        {"population", REGINT__CRIT_POPULATION}, {"requests", REGINT__CRIT_REQUESTS},
        {"decisions", REGINT__CRIT_DECISIONS},   {"settled", REGINT__CRIT_SETTLED},
        {"delivery_rate", REGINT__CRIT_DELIVERY_RATE},
    };
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        if (!strcmp(id, b[i].id)) {
            *kind = b[i].k;
            return 1;
        }
    return 0;
}

static regint_status parse_criterion(const char *file, const cJSON *obj, const char *path,
                                     regint__criterion *c)
{
    static const char *const keys[] = {"id", "indicator", "per", "category", "weight",
                                       "direction", "use", "years", "clamp", "optional",
                                       "note", NULL};
    regint_status st;
    char p[REGINT__PATH_MAX];
    if (!cJSON_IsObject(obj))
        return regint__json_error(file, path, REGINT_EPARSE, "expected an object");
    if ((st = check_keys(file, path, obj, keys)))
        return st;
    snprintf(c->path, sizeof c->path, "%s", path);
    const char *id = NULL, *ind = NULL, *per = NULL, *cat = "", *dir = NULL, *use = NULL;
    if ((st = regint__json_string(file, path, obj, "id", 1, &id)))
        return st;
    if (!*id) {
        regint__json_path_key(p, path, "id");
        return regint__json_error(file, p, REGINT_EPARSE, "must not be empty");
    }
    if ((st = regint__json_string(file, path, obj, "indicator", 0, &ind)) ||
        (st = regint__json_string(file, path, obj, "per", 0, &per)) ||
        (st = regint__json_string(file, path, obj, "category", 0, &cat)) ||
        (st = regint__json_string(file, path, obj, "direction", 0, &dir)) ||
        (st = regint__json_string(file, path, obj, "use", 0, &use)))
        return st;
    if ((st = regint__json_number(file, path, obj, "weight", 1, &c->weight)))
        return st;
    regint__json_path_key(p, path, "weight");
    if (!isfinite(c->weight) || c->weight < 0)
        return regint__json_error(file, p, REGINT_ERANGE, "must be a non-negative number, got %g", c->weight);
    int64_t years = 3;
    if ((st = regint__json_int(file, path, obj, "years", 0, 1, 30, &years)))
        return st;
    c->years = (int)years;
    c->clamp_lo = 0.5;
    c->clamp_hi = 2.0;
    const cJSON *clamp = NULL;
    if ((st = regint__json_array(file, path, obj, "clamp", 0, &clamp)))
        return st;
    if (clamp) {
        regint__json_path_key(p, path, "clamp");
        const cJSON *a = cJSON_GetArrayItem(clamp, 0), *b = cJSON_GetArrayItem(clamp, 1);
        if (cJSON_GetArraySize(clamp) != 2 || !cJSON_IsNumber(a) || !cJSON_IsNumber(b))
            return regint__json_error(file, p, REGINT_EPARSE, "expected [low, high], two numbers");
        c->clamp_lo = a->valuedouble;
        c->clamp_hi = b->valuedouble;
        if (!(c->clamp_lo > 0) || !(c->clamp_hi >= c->clamp_lo) || !isfinite(c->clamp_hi))
            return regint__json_error(file, p, REGINT_ERANGE, "need 0 < low <= high, got [%g, %g]",
                                      c->clamp_lo, c->clamp_hi);
    }
    if ((st = regint__json_bool(file, path, obj, "optional", 0, &c->optional)))
        return st;

    c->direction = REGINT_DIRECTION_NEUTRAL;
    if (dir) {
        regint__json_path_key(p, path, "direction");
        if (!strcmp(dir, "higher_better"))
            c->direction = REGINT_DIRECTION_HIGHER_BETTER;
        else if (!strcmp(dir, "lower_better"))
            c->direction = REGINT_DIRECTION_LOWER_BETTER;
        else
            return regint__json_error(file, p, REGINT_EPARSE,
                                      "expected \"higher_better\" or \"lower_better\", got '%s'", dir);
    }
    int builtin = !ind && builtin_kind(id, &c->kind);
    if (builtin) {
        c->use = c->kind == REGINT__CRIT_DELIVERY_RATE ? REGINT__USE_RATE : REGINT__USE_SIZE;
        if (per) {
            regint__json_path_key(p, path, "per");
            return regint__json_error(file, p, REGINT_EPARSE, "not allowed for the built-in criterion '%s'", id);
        }
        if (c->direction == REGINT_DIRECTION_LOWER_BETTER) {
            regint__json_path_key(p, path, "direction");
            return regint__json_error(file, p, REGINT_EINVAL,
                                      "the built-in criterion '%s' is higher_better (use a smaller weight instead)", id);
        }
        c->direction = REGINT_DIRECTION_HIGHER_BETTER;
    } else {
        c->kind = REGINT__CRIT_INDICATOR;
        c->use = REGINT__USE_RATE;
    }
    if (use) {
        regint__json_path_key(p, path, "use");
        regint__crit_use u;
        if (!strcmp(use, "size"))
            u = REGINT__USE_SIZE;
        else if (!strcmp(use, "rate"))
            u = REGINT__USE_RATE;
        else
            return regint__json_error(file, p, REGINT_EPARSE, "expected \"size\" or \"rate\", got '%s'", use);
        if (builtin && u != c->use)
            return regint__json_error(file, p, REGINT_EINVAL, "the built-in criterion '%s' is a %s criterion",
                                      id, c->use == REGINT__USE_SIZE ? "size" : "rate");
        if (u == REGINT__USE_SIZE && c->direction == REGINT_DIRECTION_LOWER_BETTER)
            return regint__json_error(file, p, REGINT_EINVAL, "a size criterion cannot be lower_better");
        c->use = u;
    }
    if (c->kind == REGINT__CRIT_INDICATOR) {
        c->indicator_is_id = !ind;
        if (!(c->indicator = regint__strdup(ind ? ind : id)))
            return regint__enomem();
        if (per && !(c->per = regint__strdup(per)))
            return regint__enomem();
    }
    if (!(c->id = regint__strdup(id)) || !(c->category = regint__strdup(cat)))
        return regint__enomem();
    return REGINT_OK;
}

/* The profile's own criteria and weights ("criteria"). */
static regint_status parse_criteria(const char *file, const cJSON *root, regint_settlement_profile *p)
{
    regint_status st;
    const cJSON *crit = NULL;
    if ((st = regint__json_array(file, "", root, "criteria", 1, &crit)))
        return st;
    size_t nc = (size_t)cJSON_GetArraySize(crit);
    if (nc == 0)
        return regint__json_error(file, "criteria", REGINT_EINVAL, "at least one criterion is needed");
    if (!(p->crit = regint__calloc(nc, sizeof *p->crit)))
        return regint__enomem();
    double wsum = 0;
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, crit) {
        char path[REGINT__PATH_MAX];
        regint__json_path_index(path, "criteria", i);
        p->ncrit = i + 1;
        if ((st = parse_criterion(file, it, path, &p->crit[i])))
            return st;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(p->crit[j].id, p->crit[i].id)) {
                char pp[REGINT__PATH_MAX];
                regint__json_path_key(pp, path, "id");
                return regint__json_error(file, pp, REGINT_EDUPLICATE, "criterion '%s' occurs twice",
                                          p->crit[i].id);
            }
        wsum += p->crit[i].weight;
        i++;
    }
    if (!isfinite(wsum))
        return regint__json_error(file, "criteria", REGINT_ERANGE, "the weights must sum to a finite number");
    if (!(wsum > 0))
        return regint__json_error(file, "criteria", REGINT_EINVAL, "the weights sum to 0: at least one must be positive");
    return REGINT_OK;
}

/* "weights": "fitted": the six criteria of the fitted engine (fitted.c), weights fitted per
 * county and year; the profile's weight of each is NAN. */
static regint_status fitted_criteria(regint_settlement_profile *p)
{
    p->fitted = 1;
    if (!(p->crit = regint__calloc(REGINT_SETTLEMENT_FITTED_CRITERION_COUNT, sizeof *p->crit)))
        return regint__enomem();
    for (int j = 0; j < REGINT_SETTLEMENT_FITTED_CRITERION_COUNT; j++) {
        regint__criterion *c = &p->crit[j];
        p->ncrit = (size_t)j + 1;
        c->id = regint__strdup(regint_settlement_fitted_criterion_name((regint_settlement_fitted_criterion)j));
        c->category = regint__strdup("");
        if (!c->id || !c->category)
            return regint__enomem();
        c->kind = REGINT__CRIT_POPULATION;
        c->weight = NAN;
        c->years = 3;
        snprintf(c->path, sizeof c->path, "weights");
    }
    return REGINT_OK;
}

static regint_status parse_profile(const char *file, const cJSON *root, regint_settlement_profile *p)
{
    static const char *const keys[] = {"schema", "schema_version", "name", "description", "criteria",
                                       "minimum", "minimum_exempt", "when_minimums_exceed_total",
                                       "upper_from_history", "bounds", "exclude",
                                       "exclude_population_below", "keep_if_settled_within",
                                       "method", "minors_history_years", "local", "decisions_in_data", "weights",
                                       NULL};
    regint_status st;
    const char *schema = NULL, *name = "unnamed", *desc = "";
    if (!cJSON_IsObject(root))
        return regint__json_error(file, "", REGINT_EPARSE, "expected an object");
    if ((st = regint__json_string(file, "", root, "schema", 1, &schema)))
        return st;
    if (strcmp(schema, PROFILE_SCHEMA))
        return regint__json_error(file, "schema", REGINT_EVERSION, "expected \"%s\", got \"%s\"",
                                  PROFILE_SCHEMA, schema);
    int64_t ver = 0;
    if ((st = regint__json_int(file, "", root, "schema_version", 1, 0, INT32_MAX, &ver)))
        return st;
    if (ver < 1 || ver > PROFILE_SCHEMA_VERSION)
        return regint__json_error(file, "schema_version", REGINT_EVERSION,
                                  "version %lld is not supported (this build reads 1..%d)",
                                  (long long)ver, PROFILE_SCHEMA_VERSION);
    if ((st = check_keys(file, "", root, keys)))
        return st;
    if ((st = regint__json_string(file, "", root, "name", 0, &name)) ||
        (st = regint__json_string(file, "", root, "description", 0, &desc)))
        return st;
    if (!(p->name = regint__strdup(name)) || !(p->description = regint__strdup(desc)))
        return regint__enomem();

    size_t i = 0;
    const cJSON *it;
    const char *weights = NULL;
    if ((st = regint__json_string(file, "", root, "weights", 0, &weights)))
        return st;
    if (weights && strcmp(weights, "fitted"))
        return regint__json_error(file, "weights", REGINT_EINVAL,
                                  "expected \"fitted\" (or no member: the criteria's own weights), got '%s'", weights);
    if (weights) {
        if (cJSON_GetObjectItemCaseSensitive(root, "criteria"))
            return regint__json_error(file, "criteria", REGINT_EINVAL,
                                      "not allowed with \"weights\": \"fitted\" (the fitted engine's six criteria "
                                      "are fixed, docs/settlement.md); remove one of the two");
        if ((st = fitted_criteria(p)))
            return st;
    } else if ((st = parse_criteria(file, root, p))) {
        return st;
    }

    p->minimum = 10;
    if ((st = regint__json_int(file, "", root, "minimum", 0, 0, 1000000, &p->minimum)))
        return st;
    if ((st = parse_codes(file, root, "minimum_exempt", &p->exempt, &p->nexempt)) ||
        (st = parse_codes(file, root, "exclude", &p->exclude, &p->nexclude)))
        return st;
    const char *when = "drop_lowest";
    if ((st = regint__json_string(file, "", root, "when_minimums_exceed_total", 0, &when)))
        return st;
    if (!strcmp(when, "drop_lowest"))
        p->drop_lowest = 1;
    else if (!strcmp(when, "error"))
        p->drop_lowest = 0;
    else
        return regint__json_error(file, "when_minimums_exceed_total", REGINT_EPARSE,
                                  "expected \"drop_lowest\" or \"error\", got '%s'", when);

    const cJSON *up = NULL;
    if ((st = regint__json_object(file, "", root, "upper_from_history", 0, &up)))
        return st;
    if (up) {
        static const char *const ukeys[] = {"factor", "add", "years", NULL};
        if ((st = check_keys(file, "upper_from_history", up, ukeys)))
            return st;
        p->upper_history = 1;
        p->upper_factor = 2.0;
        p->upper_add = 0;
        int64_t y = 3;
        if ((st = regint__json_number(file, "upper_from_history", up, "factor", 0, &p->upper_factor)) ||
            (st = regint__json_int(file, "upper_from_history", up, "add", 0, 0, 1000000, &p->upper_add)) ||
            (st = regint__json_int(file, "upper_from_history", up, "years", 0, 1, 30, &y)))
            return st;
        if (!(p->upper_factor >= 0) || !(p->upper_factor <= 1000))
            return regint__json_error(file, "upper_from_history.factor", REGINT_ERANGE,
                                      "must be a number in [0, 1000], got %g", p->upper_factor);
        p->upper_years = (int)y;
    }

    const cJSON *bounds = NULL;
    if ((st = regint__json_array(file, "", root, "bounds", 0, &bounds)))
        return st;
    size_t nb = bounds ? (size_t)cJSON_GetArraySize(bounds) : 0;
    if (nb) {
        if (!(p->bounds = regint__calloc(nb, sizeof *p->bounds)))
            return regint__enomem();
        i = 0;
        cJSON_ArrayForEach(it, bounds) {
            static const char *const bkeys[] = {"kommunenr", "lower", "upper", "note", NULL};
            char path[REGINT__PATH_MAX], pp[REGINT__PATH_MAX];
            regint__json_path_index(path, "bounds", i);
            regint__bound *b = &p->bounds[i];
            p->nbounds = i + 1;
            b->lower = b->upper = -1;
            snprintf(b->path, sizeof b->path, "%s", path);
            const char *k = NULL;
            if (!cJSON_IsObject(it))
                return regint__json_error(file, path, REGINT_EPARSE, "expected an object");
            if ((st = check_keys(file, path, it, bkeys)) ||
                (st = regint__json_string(file, path, it, "kommunenr", 1, &k)))
                return st;
            regint__json_path_key(pp, path, "kommunenr");
            if (!regint_validate_kommunenr_format(k))
                return regint__json_error(file, pp, REGINT_EPARSE, "expected a 4-digit kommunenr string, got '%s'", k);
            for (size_t j = 0; j < i; j++)
                if (!strcmp(p->bounds[j].kommunenr, k))
                    return regint__json_error(file, pp, REGINT_EDUPLICATE, "'%s' has bounds twice", k);
            if (!(b->kommunenr = regint__strdup(k)))
                return regint__enomem();
            const char *bnote = "";
            if ((st = regint__json_string(file, path, it, "note", 0, &bnote)))
                return st;
            if (!(b->note = regint__strdup(bnote)))
                return regint__enomem();
            if ((st = regint__json_int(file, path, it, "lower", 0, 0, INT64_C(1) << 40, &b->lower)) ||
                (st = regint__json_int(file, path, it, "upper", 0, 0, INT64_C(1) << 40, &b->upper)))
                return st;
            if (b->lower < 0 && b->upper < 0)
                return regint__json_error(file, path, REGINT_EPARSE, "give \"lower\", \"upper\" or both");
            if (b->lower >= 0 && b->upper >= 0 && b->lower > b->upper) {
                regint__json_path_key(pp, path, "lower");
                return regint__json_error(file, pp, REGINT_EINFEASIBLE,
                                          "lower bound %lld is above the upper bound %lld",
                                          (long long)b->lower, (long long)b->upper);
            }
            i++;
        }
    }
    for (size_t a = 0; a < p->nbounds; a++)
        for (size_t e = 0; e < p->nexclude; e++)
            if (!strcmp(p->bounds[a].kommunenr, p->exclude[e]) && p->bounds[a].lower > 0) {
                char pp[REGINT__PATH_MAX];
                regint__json_path_key(pp, p->bounds[a].path, "lower");
                return regint__json_error(file, pp, REGINT_EINFEASIBLE,
                                          "%s is excluded but has a positive lower bound", p->exclude[e]);
            }

    if ((st = regint__json_int(file, "", root, "exclude_population_below", 0, 0, INT64_C(1) << 40,
                               &p->exclude_pop_below)))
        return st;
    int64_t keep = 0, my = 3;
    if ((st = regint__json_int(file, "", root, "keep_if_settled_within", 0, 0, 30, &keep)) ||
        (st = regint__json_int(file, "", root, "minors_history_years", 0, 1, 30, &my)))
        return st;
    p->keep_if_settled_within = (int)keep;
    p->minors_years = (int)my;
    const char *method = "hamilton";
    if ((st = regint__json_string(file, "", root, "method", 0, &method)))
        return st;
    regint_apportion_method m;
    if (regint_apportion_method_from_name(method, &m) != REGINT_OK)
        return regint__json_error(file, "method", REGINT_EINVAL, "unknown apportionment method '%s'", method);
    p->method = (int)m;
    return regint__local_parse(file, root, p);
}

static regint_status load_profile(const cJSON *root, const char *file, void *out)
{
    regint_settlement_profile *p = regint__calloc(1, sizeof *p);
    regint_status st = p ? parse_profile(file, root, p) : REGINT_ENOMEM;
    if (!st && !(p->file = regint__strdup(file)))
        st = REGINT_ENOMEM; /* regint__strdup set the error */
    if (st)
        regint_settlement_profile_free(p);
    else
        *(regint_settlement_profile **)out = p;
    return st;
}

REGINT__DEFINE_JSON_LOADERS(regint_settlement_profile, regint_settlement_profile, "<profile>", load_profile)

regint_status regint_settlement_profile_default(regint_settlement_profile **out)
{
    return regint_settlement_profile_load_string(default_profile_json, strlen(default_profile_json),
                                                 "<default profile>", out);
}

const char *regint_settlement_profile_name(const regint_settlement_profile *p)
{
    return p ? p->name : NULL;
}

size_t regint_settlement_profile_criterion_count(const regint_settlement_profile *p)
{
    return p ? p->ncrit : 0;
}

const char *regint_settlement_profile_criterion_id(const regint_settlement_profile *p, size_t i)
{
    return p && i < p->ncrit ? p->crit[i].id : NULL;
}

double regint_settlement_profile_criterion_weight(const regint_settlement_profile *p, size_t i)
{
    return p && i < p->ncrit ? p->crit[i].weight : NAN;
}

int regint__profile_window(const regint_settlement_profile *p)
{
    int w = REGINT_SETTLEMENT_HISTORY_YEARS;
    for (size_t i = 0; i < p->ncrit; i++)
        if (p->crit[i].kind != REGINT__CRIT_INDICATOR && p->crit[i].years > w)
            w = p->crit[i].years;
    if (p->upper_history && p->upper_years > w)
        w = p->upper_years;
    if (p->keep_if_settled_within > w)
        w = p->keep_if_settled_within;
    if (p->minors_years > w)
        w = p->minors_years;
    return w;
}
