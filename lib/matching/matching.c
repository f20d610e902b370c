/* Matching of cases to municipalities: argument checks, exact integer scaling, the
 * regint-synth-v1 generator and the JSON instance loader. The solvers live in
 * matching_flow.c (capacity in cases) and matching_mip.c (capacity in persons). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "util/fileio.h"
#include "util/options.h"
#include "util/enumname.h"
#include "matching/matching_internal.h"
#include "regint/validate.h"

double regint__match_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static const char *const unit_names[REGINT_MATCH_UNIT_COUNT] = {"cases", "persons"};
static const char *const quality_names[REGINT_MATCH_QUALITY_COUNT] = {"optimal", "gap"};

REGINT__ENUM_NAMES(regint_match_unit, regint_match_unit, unit_names, REGINT_MATCH_UNIT_COUNT, "capacity unit")
REGINT__ENUM_NAMES(regint_match_quality, regint_match_quality,
                   quality_names, REGINT_MATCH_QUALITY_COUNT, "match quality")

/* Smallest k in 0..9 with s·10^k an integer (to 1e-9 relative), or 10 if none. */
static int decimals_needed(double s, int from)
{
    static const double p10[10] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    for (int k = from; k < 10; k++) {
        double v = s * p10[k];
        double tol = 1e-9 * (fabs(v) > 1 ? fabs(v) : 1);
        if (fabs(v - nearbyint(v)) <= tol)
            return k;
    }
    return 10;
}

regint_status regint_match(const double *scores, size_t n_cases, size_t n_munis, const int64_t *sizes,
                           const int64_t *capacities, const regint_match_options *opt,
                           int64_t *assignment, int64_t *used, regint_match_summary_t *result)
{
    static const regint_match_options defaults = REGINT_MATCH_OPTIONS_INIT;
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_MATCH_OPTIONS_VERSION, "regint_match");
    if (opt->unit != REGINT_MATCH_CASES && opt->unit != REGINT_MATCH_PERSONS)
        return regint__error(REGINT_EINVAL, "regint_match: options.unit: unknown unit %d", (int)opt->unit);
    if (!(opt->score_scale > 0) || !isfinite(opt->score_scale))
        return regint__error(REGINT_EINVAL, "regint_match: options.score_scale must be a positive number");
    if (n_munis == 0)
        return regint__error(REGINT_EINVAL, "regint_match: n_munis: at least one municipality is needed");
    if (n_cases >= (size_t)INT32_MAX || n_munis >= (size_t)INT32_MAX / 2 ||
        (n_cases && n_munis > SIZE_MAX / sizeof(double) / n_cases))
        return regint__error(REGINT_ERANGE, "regint_match: %zu cases × %zu municipalities is too large",
                             n_cases, n_munis);
    if ((n_cases && (!scores || !assignment)) || !capacities)
        return regint__error(REGINT_EINVAL, "regint_match: scores, capacities and assignment must not be NULL");
    int persons = opt->unit == REGINT_MATCH_PERSONS;
    if ((persons || opt->score_per_person) && n_cases && !sizes)
        return regint__error(REGINT_EINVAL, "regint_match: sizes are needed for the persons unit and per-person scores");
    int64_t maxsize = 1, demand = 0, capsum = 0;
    for (size_t c = 0; sizes && c < n_cases; c++) {
        if (sizes[c] < 1 || sizes[c] > 1000000)
            return regint__error(REGINT_EINVAL, "regint_match: sizes[%zu] = %lld: a family size must be 1..1000000",
                                 c, (long long)sizes[c]);
        if (sizes[c] > maxsize)
            maxsize = sizes[c];
    }
    for (size_t c = 0; c < n_cases; c++)
        demand += (persons && sizes) ? sizes[c] : 1;
    for (size_t j = 0; j < n_munis; j++) {
        if (capacities[j] < 0 || capacities[j] > ((int64_t)1 << 50))
            return regint__error(REGINT_EINVAL, "regint_match: capacities[%zu] = %lld: must be 0..2^50",
                                 j, (long long)capacities[j]);
        capsum += capacities[j];
    }
    const char *unitname = persons ? "persons" : "cases";
    /* Scores: finite or NaN; find the decimal grid. */
    double maxabs = 0;
    int k = 0;
    for (size_t c = 0; c < n_cases; c++) {
        /* One tight pass per row (10 % of a solve at 2,000 × 357 before): a finite score
         * passes one comparison, and whether it is an integer is found without a call
         * (every double of magnitude >= 2^52 is one; below that the cast is exact). Only a
         * row with a score off the integers looks for its decimals, in the same order. */
        const double *row = scores + c * n_munis;
        int any = 0, frac = 0;
        for (size_t j = 0; j < n_munis; j++) {
            double s = row[j], a = fabs(s);
            if (a <= DBL_MAX) {
                any = 1;
                maxabs = a > maxabs ? a : maxabs;
                double t = a < 0x1p52 ? s : 0.0;
                frac |= (double)(int64_t)t != t;
            } else if (!isnan(s)) {
                return regint__error(REGINT_EINVAL, "regint_match: scores[%zu][%zu]: must be finite (NaN = forbidden)", c, j);
            }
        }
        for (size_t j = 0; frac && k < 10 && j < n_munis; j++)
            if (!isnan(row[j]))
                k = decimals_needed(row[j], k);
        if (!any && opt->must_assign_all)
            return regint__error(REGINT_EINFEASIBLE,
                                 "cases[%zu]: must_assign_all but every municipality is forbidden for it", c);
    }
    if (opt->must_assign_all && demand > capsum)
        return regint__error(REGINT_EINFEASIBLE,
                             "must_assign_all: demand %lld %s > total capacity %lld %s",
                             (long long)demand, unitname, (long long)capsum, unitname);
    double mult = opt->score_per_person ? (double)maxsize : 1.0;
    /* No output of the library may hold a non-finite number: refuse scores whose sum over
     * every case could overflow a double (the objective and bound are such sums), before
     * solving. The worst case is every case at the largest |score|. */
    if (!isfinite(maxabs * mult * (double)(n_cases ? n_cases : 1) / opt->score_scale * 2))
        return regint__error(REGINT_ERANGE,
                             "regint_match: scores: |score| up to %g over %zu cases (score_scale %g) would "
                             "overflow the objective; the sum of |score| × size / score_scale must stay "
                             "below about 1e307", maxabs, n_cases, opt->score_scale);
    double limit = (double)REGINT__MATCH_AMAX;
    double factor;
    int exact = 0;
    if (k < 10 && maxabs * pow(10, k) * mult <= limit) {
        factor = pow(10, k);
        exact = 1;
    } else if (maxabs == 0) {
        factor = 1;
    } else {
        /* Largest power of two keeping |integer score| <= 2^29. */
        int e;
        frexp(limit / (maxabs * mult), &e);
        factor = ldexp(1.0, e - 1);
        if (factor * maxabs * mult > limit)
            factor /= 2;
    }
    regint__match_problem p;
    memset(&p, 0, sizeof p);
    p.n = n_cases;
    p.m = n_munis;
    p.scores = scores;
    p.factor = factor;
    p.sizes = sizes;
    p.per_person = opt->score_per_person && sizes;
    p.must_all = opt->must_assign_all != 0;
    p.cap = capacities;
    p.persons = persons;
    p.opt = opt;
    p.t_start = regint__match_now();

    int32_t *asg = regint__calloc(n_cases ? n_cases : 1, sizeof *asg);
    if (!asg)
        return regint__enomem();
    regint_status st;
    int64_t augs = 0, nodes = 0, bound = 0;
    int optimal = 1;
    if (!persons)
        st = regint__match_flow(&p, asg, &augs);
    else
        st = regint__match_mip(&p, asg, &bound, &optimal, &nodes);
    if (st != REGINT_OK) {
        free(asg);
        return st;
    }
    long double obj = 0;
    int64_t iobj = 0;
    size_t nas = 0;
    if (used)
        for (size_t j = 0; j < n_munis; j++)
            used[j] = 0;
    for (size_t c = 0; c < n_cases; c++) {
        assignment[c] = asg[c];
        if (asg[c] < 0)
            continue;
        nas++;
        size_t j = (size_t)asg[c];
        double s = scores[c * n_munis + j];
        obj += (long double)s * (p.per_person ? (long double)sizes[c] : 1.0L);
        iobj += regint__match_a(&p, c, j);
        if (used)
            used[j] += (persons && sizes) ? sizes[c] : 1;
    }
    free(asg);
    if (result) {
        memset(result, 0, sizeof *result);
        result->objective = (double)(obj / (long double)opt->score_scale);
        result->n_assigned = nas;
        result->nodes = nodes;
        result->augmentations = augs;
        result->exact = exact;
        result->score_resolution = 1.0 / factor;
        if (optimal) {
            result->quality = REGINT_MATCH_OPTIMAL;
            result->bound = result->objective;
            result->gap = 0;
        } else {
            result->quality = REGINT_MATCH_GAP;
            /* Bound in integer units; add the rounding slack when scores are inexact. */
            double b = (double)bound / factor;
            if (!exact)
                b += (double)n_cases * mult * 0.5 / factor;
            result->bound = b / opt->score_scale;
            if (result->bound < result->objective)
                result->bound = result->objective;
            double den = fabs(result->objective) > 1 ? fabs(result->objective) : 1;
            result->gap = (result->bound - result->objective) / den;
        }
    }
    (void)iobj;
    return REGINT_OK;
}

/* ---------------------------------------------------------------------------------------- */
/* regint-synth-v1 */

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

regint_status regint_match_synth(size_t n_cases, size_t n_munis, regint_match_unit unit, uint64_t seed,
                                 int64_t slack_permille, int64_t *sizes, int64_t *capacities, double *scores)
{
    if (n_munis == 0 || (n_cases && (!sizes || !scores)) || !capacities)
        return regint__error(REGINT_EINVAL, "regint_match_synth: need n_munis >= 1 and output arrays");
    if (unit != REGINT_MATCH_CASES && unit != REGINT_MATCH_PERSONS)
        return regint__error(REGINT_EINVAL, "regint_match_synth: unknown unit %d", (int)unit);
    if (slack_permille < 0 || slack_permille > 1000000)
        return regint__error(REGINT_EINVAL, "regint_match_synth: slack_permille must be 0..1000000");
    static const uint64_t thr[8] = {400, 550, 670, 790, 880, 940, 980, 1000};
    uint64_t st = seed;
    int64_t *ability = regint__calloc(n_cases ? n_cases : 1, sizeof *ability);
    int64_t *base = regint__calloc(n_munis, sizeof *base);
    int64_t *w = regint__calloc(n_munis, sizeof *w);
    if (!ability || !base || !w) {
        free(ability);
        free(base);
        free(w);
        return regint__enomem();
    }
    int64_t demand = 0, wsum = 0;
    for (size_t c = 0; c < n_cases; c++) {
        uint64_t u = splitmix64(&st) % 1000;
        int64_t s = 1;
        for (int t = 0; t < 8; t++)
            if (thr[t] <= u)
                s++;
        sizes[c] = s;
    }
    for (size_t c = 0; c < n_cases; c++)
        ability[c] = (int64_t)(splitmix64(&st) % 301) - 150;
    for (size_t j = 0; j < n_munis; j++)
        base[j] = (int64_t)(splitmix64(&st) % 401);
    for (size_t j = 0; j < n_munis; j++) {
        w[j] = (int64_t)(splitmix64(&st) % 100) + 1;
        wsum += w[j];
    }
    for (size_t c = 0; c < n_cases; c++)
        for (size_t j = 0; j < n_munis; j++) {
            int64_t v = 300 + base[j] + ability[c] + ((int64_t)(splitmix64(&st) % 301) - 150);
            scores[c * n_munis + j] = (double)(v < 0 ? 0 : v > 1000 ? 1000 : v);
        }
    for (size_t c = 0; c < n_cases; c++)
        demand += unit == REGINT_MATCH_PERSONS ? sizes[c] : 1;
    for (size_t j = 0; j < n_munis; j++) {
        /* floor(slack·demand·w / (1000·Σw)); the numerator fits in 128 bits only in general,
         * so use long double for the (rare) huge cases and integers otherwise. */
        int64_t num_a = slack_permille * demand;
        int64_t q;
        if (demand < ((int64_t)1 << 31) && num_a / 1000 < ((int64_t)1 << 40))
            q = (num_a * w[j]) / (1000 * wsum);
        else
            q = (int64_t)floorl((long double)num_a * (long double)w[j] / (1000.0L * (long double)wsum));
        capacities[j] = q + 1 + (unit == REGINT_MATCH_PERSONS ? 8 : 0);
    }
    free(ability);
    free(base);
    free(w);
    return REGINT_OK;
}

/* ---------------------------------------------------------------------------------------- */
/* JSON instances */

void regint_match_instance_free(regint_match_instance *inst)
{
    if (!inst)
        return;
    regint__strlist_free((const char *const *)inst->ids, inst->n_cases);
    free(inst->sizes);
    free(inst->capacities);
    free(inst->scores);
    free(inst);
}

static regint_status int_array(const char *file, const cJSON *arr, const char *name, int64_t min,
                               int64_t max, int64_t *out)
{
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char path[REGINT__PATH_MAX];
        regint__json_path_index(path, name, i);
        if (!cJSON_IsNumber(it) || floor(it->valuedouble) != it->valuedouble)
            return regint__json_error(file, path, REGINT_EPARSE, "expected an integer%s",
                                      cJSON_IsNumber(it) ? ", got a fractional number" : "");
        double v = it->valuedouble;
        if (v < (double)min || v > (double)max)
            return regint__json_error(file, path, REGINT_EINVAL, "%.6g is out of range %lld..%lld", v,
                                      (long long)min, (long long)max);
        out[i++] = (int64_t)v;
    }
    return REGINT_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The top-level "scores" member read straight from the text (see
 * regint_match_instance_load_string): [start, end) is its array; rows is the number of rows. */
typedef struct score_span {
    const char *text;
    size_t start, end, rows;
} score_span;

static int scan_scores(const score_span *sp, size_t n, size_t m, double *out);

static regint_status parse_doc(const char *file, const cJSON *doc, regint_match_instance *in, const score_span *span)
{
    regint_status st;
    if (!cJSON_IsObject(doc))
        return regint__json_error(file, "", REGINT_EPARSE, "expected a JSON object");
    const char *unit = NULL;
    if ((st = regint__json_string(file, "", doc, "capacity_unit", 1, &unit)))
        return st;
    if (!strcmp(unit, "cases"))
        in->unit = REGINT_MATCH_CASES;
    else if (!strcmp(unit, "persons"))
        in->unit = REGINT_MATCH_PERSONS;
    else
        return regint__json_error(file, "capacity_unit", REGINT_EINVAL,
                                  "expected \"cases\" or \"persons\", got \"%s\"", unit);
    in->must_assign_all = 1;
    if ((st = regint__json_bool(file, "", doc, "must_assign_all", 0, &in->must_assign_all)))
        return st;
    in->score_scale = 1;
    if ((st = regint__json_number(file, "", doc, "score_scale", 0, &in->score_scale)))
        return st;
    if (!(in->score_scale > 0) || !isfinite(in->score_scale))
        return regint__json_error(file, "score_scale", REGINT_EINVAL, "must be a positive number");
    const cJSON *caps = NULL, *sc = NULL, *sz = NULL, *ids = NULL;
    if ((st = regint__json_array(file, "", doc, "capacities", 1, &caps)) ||
        (st = regint__json_array(file, "", doc, "scores", 1, &sc)) ||
        (st = regint__json_array(file, "", doc, "sizes", in->unit == REGINT_MATCH_PERSONS, &sz)) ||
        (st = regint__json_array(file, "", doc, "ids", 0, &ids)))
        return st;
    in->n_munis = (size_t)cJSON_GetArraySize(caps);
    in->n_cases = span ? span->rows : (size_t)cJSON_GetArraySize(sc);
    if (in->n_munis == 0)
        return regint__json_error(file, "capacities", REGINT_EINVAL, "at least one municipality is needed");
    if (sz && (size_t)cJSON_GetArraySize(sz) != in->n_cases)
        return regint__json_error(file, "sizes", REGINT_EINVAL, "has %d entries but scores has %zu rows",
                                  cJSON_GetArraySize(sz), in->n_cases);
    if (ids && (size_t)cJSON_GetArraySize(ids) != in->n_cases)
        return regint__json_error(file, "ids", REGINT_EINVAL, "has %d entries but scores has %zu rows",
                                  cJSON_GetArraySize(ids), in->n_cases);
    size_t n = in->n_cases, m = in->n_munis;
    if (n && m > SIZE_MAX / sizeof(double) / n)
        return regint__json_error(file, "scores", REGINT_ERANGE, "too large");
    in->capacities = regint__calloc(m, sizeof *in->capacities);
    in->sizes = regint__calloc(n ? n : 1, sizeof *in->sizes);
    in->scores = regint__calloc((n * m) > 0 ? n * m : 1, sizeof *in->scores);
    if (!in->capacities || !in->sizes || !in->scores)
        return regint__enomem();
    if ((st = int_array(file, caps, "capacities", 0, (int64_t)1 << 50, in->capacities)))
        return st;
    if (sz) {
        if ((st = int_array(file, sz, "sizes", 1, 1000000, in->sizes)))
            return st;
    } else {
        for (size_t c = 0; c < n; c++)
            in->sizes[c] = 1;
    }
    if (span && !scan_scores(span, n, m, in->scores))
        return regint__json_error(file, "scores", REGINT_EPARSE,
                                  "not read by the streaming reader (the whole-document parse reports why)");
    size_t c = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, sc)
    {
        char path[REGINT__PATH_MAX];
        regint__json_path_index(path, "scores", c);
        if (!cJSON_IsArray(row))
            return regint__json_error(file, path, REGINT_EPARSE, "expected an array (one score per municipality)");
        if ((size_t)cJSON_GetArraySize(row) != m)
            return regint__json_error(file, path, REGINT_EINVAL, "has %d scores but there are %zu municipalities",
                                      cJSON_GetArraySize(row), m);
        size_t j = 0;
        const cJSON *it;
        cJSON_ArrayForEach(it, row)
        {
            double v;
            if (cJSON_IsNull(it))
                v = NAN;
            else if (cJSON_IsNumber(it) && isfinite(it->valuedouble))
                v = it->valuedouble;
            else {
                char p2[REGINT__PATH_MAX];
                regint__json_path_index(p2, path, j);
                return regint__json_error(file, p2, REGINT_EPARSE, "expected a number or null (forbidden pair)");
            }
            in->scores[c * m + j] = v;
            j++;
        }
        c++;
    }
    if (ids) {
        const char **v;
        size_t nv;
        if ((st = regint__json_strlist(file, "", doc, "ids", 0, &v, &nv)))
            return st;
        in->ids = regint__calloc(n ? n : 1, sizeof *in->ids);
        st = in->ids ? REGINT_OK : REGINT_ENOMEM;
        for (size_t i = 0; !st && i < nv; i++) {
            char what[REGINT__PATH_MAX + 64];
            snprintf(what, sizeof what, "%s: ids[%zu]", file, i);
            if (!(st = regint_validate_identifier(v[i], what)) && !(in->ids[i] = regint__strdup(v[i])))
                st = REGINT_ENOMEM; /* regint__strdup set the error */
        }
        free(v);
        if (st)
            return st;
        char **sorted = regint__calloc(n ? n : 1, sizeof *sorted);
        if (!sorted)
            return regint__enomem();
        memcpy(sorted, in->ids, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, cmp_str);
        for (size_t q = 1; q < n; q++)
            if (!strcmp(sorted[q - 1], sorted[q])) {
                size_t first = n;
                for (size_t r = 0; r < n && first == n; r++)
                    if (!strcmp(in->ids[r], sorted[q]))
                        first = r;
                char path[REGINT__PATH_MAX];
                regint__json_path_index(path, "ids", first);
                st = regint__json_error(file, path, REGINT_EDUPLICATE, "case id \"%s\" occurs more than once",
                                        sorted[q]);
                free(sorted);
                return st;
            }
        free(sorted);
    }
    return REGINT_OK;
}

typedef struct load_ctx {
    regint_match_instance **out;
    const score_span *span; /* NULL: "scores" is in the cJSON tree */
} load_ctx;

static regint_status load_instance(const cJSON *doc, const char *name, void *out)
{
    const load_ctx *ctx = out;
    regint_match_instance *in = regint__calloc(1, sizeof *in);
    regint_status st = in ? parse_doc(name, doc, in, ctx->span) : REGINT_ENOMEM;
    if (st)
        regint_match_instance_free(in);
    else
        *ctx->out = in;
    return st;
}

/* ---------------------------------------------------------------------------------------- */
/* Streaming the score matrix. A cJSON tree costs about 64 bytes per number, so a 40,000 ×
 * 357 instance took 1.2 GB as a tree; read straight from the text, the scores cost their
 * 8 bytes each. Only the well-formed common case is read this way: anything unexpected
 * (an error, an escaped key, a number this reader does not take) sends the loader back to
 * the whole-document parse, which gives the usual message with its place. */

static int is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The index after the JSON string starting at t[i] == '"' (len if it does not end). */
static size_t skip_string(const char *t, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (t[i] == '\\')
            i++;
        else if (t[i] == '"')
            return i + 1;
    }
    return len;
}

/* Find the array value of the top-level member "scores" and count its elements (rows).
 * 0 if there is none or the text is not as expected. */
static int find_scores(const char *t, size_t len, score_span *sp)
{
    size_t i = 0, depth = 0;
    int key_next = 0;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            size_t s = i;
            i = skip_string(t, len, i);
            if (!(key_next && depth == 1 && i - s == 8 && !memcmp(t + s, "\"scores\"", 8))) {
                key_next = 0;
                continue;
            }
            while (i < len && is_ws(t[i]))
                i++;
            if (i >= len || t[i] != ':')
                return 0;
            for (i++; i < len && is_ws(t[i]); i++)
                ;
            if (i >= len || t[i] != '[')
                return 0;
            size_t d = 0;
            sp->start = i;
            sp->rows = 0;
            for (; i < len; i++) {
                if (t[i] == '"')
                    return 0; /* scores hold no strings */
                if (t[i] == '[' || t[i] == '{') {
                    if (++d == 2)
                        sp->rows++;
                } else if ((t[i] == ']' || t[i] == '}') && --d == 0) {
                    sp->end = i + 1;
                    return 1;
                }
            }
            return 0;
        }
        if (c == '{' || c == '[') {
            depth++;
            key_next = c == '{';
        } else if (c == '}' || c == ']') {
            depth -= depth > 0;
            key_next = 0;
        } else if (c == ',') {
            key_next = depth == 1;
        }
        i++;
    }
    return 0;
}

/* One JSON number at t[*i] into *v. Integers of up to 15 digits are converted here (exactly);
 * others by strtod. 0 if malformed, not finite or an integer beyond 2^53 (left to the
 * whole-document parse and its messages). */
static int scan_number(const char *t, size_t e, size_t *i, double *v)
{
    size_t p = *i, s = p;
    int neg = 0, integer = 1;
    if (p < e && t[p] == '-') {
        neg = 1;
        p++;
    }
    size_t d0 = p;
    int64_t iv = 0;
    while (p < e && t[p] >= '0' && t[p] <= '9') {
        if (p - d0 < 16)
            iv = iv * 10 + (t[p] - '0');
        p++;
    }
    size_t nd = p - d0;
    if (nd == 0 || (nd > 1 && t[d0] == '0'))
        return 0;
    if (p < e && t[p] == '.') {
        integer = 0;
        size_t f = ++p;
        while (p < e && t[p] >= '0' && t[p] <= '9')
            p++;
        if (p == f)
            return 0;
    }
    if (p < e && (t[p] == 'e' || t[p] == 'E')) {
        integer = 0;
        p++;
        if (p < e && (t[p] == '+' || t[p] == '-'))
            p++;
        size_t f = p;
        while (p < e && t[p] >= '0' && t[p] <= '9')
            p++;
        if (p == f)
            return 0;
    }
    *i = p;
    if (integer && nd <= 15) {
        *v = neg ? -(double)iv : (double)iv;
        return 1;
    }
    char buf[64];
    if (p - s >= sizeof buf)
        return 0;
    memcpy(buf, t + s, p - s);
    buf[p - s] = '\0';
    *v = strtod(buf, NULL);
    return isfinite(*v) && !(integer && fabs(*v) >= 9007199254740992.0);
}

/* Before an element of an array: white space, then (not before the first) a comma and white
 * space. 0 when the comma is missing. */
static int scan_sep(const char *t, size_t e, size_t *i, int comma)
{
    while (*i < e && is_ws(t[*i]))
        (*i)++;
    if (comma) {
        if (*i >= e || t[*i] != ',')
            return 0;
        for ((*i)++; *i < e && is_ws(t[*i]); (*i)++)
            ;
    }
    return 1;
}

/* Read the n rows of m numbers or nulls of the span into out (NaN for null). 0 if the text
 * is anything else. */
static int scan_scores(const score_span *sp, size_t n, size_t m, double *out)
{
    const char *t = sp->text;
    size_t i = sp->start + 1, e = sp->end - 1; /* inside the outer brackets */
    for (size_t c = 0; c < n; c++) {
        if (!scan_sep(t, e, &i, c > 0) || i >= e || t[i] != '[')
            return 0;
        i++;
        for (size_t j = 0; j < m; j++) {
            if (!scan_sep(t, e, &i, j > 0))
                return 0;
            if (i + 4 <= e && !memcmp(t + i, "null", 4)) {
                out[c * m + j] = NAN;
                i += 4;
            } else if (!scan_number(t, e, &i, &out[c * m + j])) {
                return 0;
            }
        }
        scan_sep(t, e, &i, 0);
        if (i >= e || t[i] != ']')
            return 0;
        i++;
    }
    scan_sep(t, e, &i, 0);
    return i == e;
}

regint_status regint__match_instance_load_streamed(const char *text, size_t len, const char *name,
                                                  regint_match_instance **out)
{
    *out = NULL;
    score_span sp = {text, 0, 0, 0};
    if (!find_scores(text, len, &sp))
        return regint__error(REGINT_EPARSE, "%s: no top-level \"scores\" array to stream", name);
    /* The document without its scores ("scores": []) goes through the usual checks. */
    size_t rlen = sp.start + 2 + (len - sp.end);
    char *rest = malloc(rlen);
    if (!rest)
        return regint__enomem();
    memcpy(rest, text, sp.start);
    memcpy(rest + sp.start, "[]", 2);
    memcpy(rest + sp.start + 2, text + sp.end, len - sp.end);
    load_ctx ctx = {out, &sp};
    regint_status st = regint__json_load(rest, rlen, name, load_instance, &ctx);
    free(rest);
    return st;
}

/* Not REGINT__DEFINE_JSON_LOADERS: on failure this one sets *out = NULL (test_matching relies on it). */
regint_status regint_match_instance_load_string(const char *text, size_t len, const char *name,
                                               regint_match_instance **out)
{
    if (!out || !text)
        return regint__error(REGINT_EINVAL, "regint_match_instance_load_string: NULL argument");
    name = name ? name : "<json>";
    if (regint__match_instance_load_streamed(text, len, name, out) == REGINT_OK)
        return REGINT_OK;
    load_ctx ctx = {out, NULL};
    return regint__json_load(text, len, name, load_instance, &ctx);
}

REGINT__DEFINE_LOAD_FILE(regint_match_instance_load_file, regint_match_instance, regint_match_instance_load_string)
