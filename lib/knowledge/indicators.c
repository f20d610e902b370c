/* Knowledge base: catalogue queries, reform mapping, county aggregates, derived figures.
 * JSON-stat import is in jsonstat.c. See include/regint/kb.h and
 * docs/knowledge-base.md for the rules. */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/kb.h"
#include "regint/validate.h"

#include "util/alloc.h"
#include "util/i18n.h"
#include "util/error.h"
#include "util/block.h"
#include "util/options.h"
#include "util/enumname.h"
#include "dataset/aggregate.h"
#include "util/error.h"

/* One pair of the correspondence between the codes of two years. */
typedef struct code_pair {
    const char *early; /* code valid in the earlier year (borrowed from the dataset) */
    const char *late;  /* code valid in the later year */
} code_pair;

typedef struct pair_map {
    int early, late;
    code_pair *p;
    size_t n;
} pair_map;

/* Memo of population weights, keyed by (code, year). */
typedef struct weight_slot {
    char code[8];
    int year; /* 0: empty */
    double w;
} weight_slot;

struct regint_kb {
    const regint_dataset *ds;
    pair_map **maps; /* never moved once made: callers keep pointers while iterating */
    size_t nmaps;
    weight_slot *wt;
    size_t wt_cap, wt_n;
    /* Last year with a row, per code, for one series (see ceased_without_row). */
    char last_key[160];
    weight_slot *last; /* w holds the year */
    size_t last_cap;
    int last_max;      /* latest year of the series */
    /* The caches above are filled lazily by queries, which take a const handle (they change
     * nothing a caller can see). The lock makes that safe from several threads: each public
     * query holds it for its whole run. Recursive, because queries call one another. */
    pthread_mutex_t lock;
};

/* Lock a knowledge base for a query; the const is cast away only for the caches, under the
 * lock (the handle was created non-const by regint_kb_new). */
static regint_kb *kb_lock(const regint_kb *ckb)
{
    regint_kb *kb = (regint_kb *)ckb;
    if (kb)
        pthread_mutex_lock(&kb->lock);
    return kb;
}

static void kb_unlock(regint_kb *kb)
{
    if (kb)
        pthread_mutex_unlock(&kb->lock);
}

regint_status regint_kb_new(const regint_dataset *ds, regint_kb **out)
{
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_kb_new: dataset and out must not be NULL");
    regint_kb *kb = regint__calloc(1, sizeof *kb);
    if (!kb)
        return regint__enomem();
    kb->ds = ds;
    pthread_mutexattr_t attr;
    if (pthread_mutexattr_init(&attr) || pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE) ||
        pthread_mutex_init(&kb->lock, &attr)) {
        free(kb);
        return regint__enomem();
    }
    pthread_mutexattr_destroy(&attr);
    *out = kb;
    return REGINT_OK;
}

void regint_kb_free(regint_kb *kb)
{
    if (!kb)
        return;
    regint_kb_refresh(kb); /* frees the caches */
    pthread_mutex_destroy(&kb->lock);
    free(kb);
}

void regint_kb_refresh(regint_kb *kb)
{
    if (!kb)
        return;
    kb_lock(kb);
    for (size_t i = 0; i < kb->nmaps; i++) {
        free(kb->maps[i]->p);
        free(kb->maps[i]);
    }
    free(kb->maps);
    kb->maps = NULL;
    kb->nmaps = 0;
    free(kb->wt);
    kb->wt = NULL;
    kb->wt_cap = kb->wt_n = 0;
    free(kb->last);
    kb->last = NULL;
    kb->last_cap = 0;
    kb->last_key[0] = '\0';
    kb_unlock(kb);
}

const regint_dataset *regint_kb_dataset(const regint_kb *kb) { return kb ? kb->ds : NULL; }

/* ------------------------------------------------------------------------- */
/* Catalogue                                                                  */

regint_aggregation regint_kb_indicator_aggregation(const regint_indicator_t *ind)
{
    if (!ind || !ind->unit)
        return REGINT_AGGREGATE_SUM;
    char u[64];
    size_t i = 0;
    for (; ind->unit[i] && i + 1 < sizeof u; i++)
        u[i] = (char)tolower((unsigned char)ind->unit[i]);
    u[i] = '\0';
    static const char *const mean_words[] = {"percent", "prosent", "share", "andel", "rate", "ratio",
                                             "index", "indeks", "per 1", "per_1", "per1", "per capita",
                                             "per innbygger", "%", "/", NULL};
    for (const char *const *w = mean_words; *w; w++)
        if (strstr(u, *w))
            return REGINT_AGGREGATE_MEAN;
    return REGINT_AGGREGATE_SUM;
}

static int ci_contains(const char *hay, const char *needle)
{
    if (!hay)
        return 0;
    size_t nl = strlen(needle);
    if (nl == 0)
        return 1;
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < nl && hay[k] &&
               tolower((unsigned char)hay[k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == nl)
            return 1;
    }
    return 0;
}

regint_status regint_kb_sdg_goals(const char *targets, int goals[17], size_t *n)
{
    if (!goals || !n)
        return regint__error(REGINT_EINVAL, "regint_kb_sdg_goals: goals and n must not be NULL");
    int seen[18] = {0};
    *n = 0;
    if (!targets)
        return REGINT_OK;
    const char *p = targets;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *start = p;
        if (!isdigit((unsigned char)*p))
            goto bad;
        int g = 0;
        while (isdigit((unsigned char)*p) && g < 100)
            g = g * 10 + (*p++ - '0');
        if (g < 1 || g > 17)
            goto bad;
        if (*p == '.') {
            p++;
            if (!isalnum((unsigned char)*p))
                goto bad;
            while (isalnum((unsigned char)*p))
                p++;
        }
        while (*p == ' ')
            p++;
        if (*p && *p != ',')
            goto bad;
        seen[g] = 1;
        continue;
    bad:
        (void)start;
        return regint__error(REGINT_EINVAL, "SDG targets '%s': expected targets such as '8.5,10.2'",
                             targets);
    }
    for (int g = 1; g <= 17; g++)
        if (seen[g])
            goals[(*n)++] = g;
    return REGINT_OK;
}

const char *regint_kb_sdg_goal_name(int goal, const char *lang)
{
    /* The names live in the translation table (util/i18n.c, SDG_1..SDG_17). */
    regint_lang l = REGINT_LANG_EN;
    if (lang && strcmp(lang, "nb") == 0)
        l = REGINT_LANG_NB;
    else if (lang && strcmp(lang, "nn") == 0)
        l = REGINT_LANG_NN;
    return regint__tr_sdg(l, goal);
}

regint_status regint_kb_find_indicators(const regint_dataset *ds, const regint_kb_find_options *q,
                                     const regint_indicator_t ***out, size_t *n)
{
    if (!ds || !out || !n)
        return regint__error(REGINT_EINVAL, "regint_kb_find_indicators: NULL argument");
    if (q) {
        regint_status vst = regint__check_options_version(q->version, REGINT_KB_FIND_OPTIONS_VERSION,
                                                          "regint_kb_find_indicators");
        if (vst)
            return vst;
    }
    size_t total = regint_dataset_indicator_count(ds);
    const regint_indicator_t **arr = regint__calloc(total ? total : 1, sizeof *arr);
    if (!arr)
        return regint__enomem();
    size_t k = 0;
    for (size_t i = 0; i < total; i++) {
        const regint_indicator_t *ind = regint_dataset_indicator_at(ds, i);
        if (!ind)
            continue;
        if (q) {
            if (q->level >= 0 && (int)ind->level != q->level)
                continue;
            if (q->text && *q->text && !ci_contains(ind->id, q->text) &&
                !ci_contains(ind->name_nb, q->text) && !ci_contains(ind->name_en, q->text))
                continue;
            if (q->sdg_goal) {
                int goals[17];
                size_t ng = 0, hit = 0;
                if (regint_kb_sdg_goals(ind->sdg_targets, goals, &ng) != REGINT_OK)
                    ng = 0;
                for (size_t g = 0; g < ng; g++)
                    if (goals[g] == q->sdg_goal)
                        hit = 1;
                if (!hit)
                    continue;
            }
        }
        arr[k++] = ind;
    }
    *out = arr;
    *n = k;
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Code correspondence between two years                                      */

static int pair_cmp_late(const void *a, const void *b)
{
    const code_pair *x = a, *y = b;
    int c = strcmp(x->late, y->late);
    return c ? c : strcmp(x->early, y->early);
}

/* The pairs (early code, late code) for early < late, sorted by late code. The list is
 * built by mapping every municipality valid in `early` forward; codes without a mapping
 * (Svalbard, ...) are left out. */
static regint_status kb_pairs(regint_kb *kb, int early, int late, const pair_map **out)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    for (size_t i = 0; i < kb->nmaps; i++)
        if (kb->maps[i]->early == early && kb->maps[i]->late == late) {
            *out = kb->maps[i];
            return REGINT_OK;
        }
    const regint_municipality_t **ms = NULL;
    size_t nm = 0;
    regint_status st = regint_dataset_municipalities_in(kb->ds, early, NULL, &ms, &nm);
    if (st != REGINT_OK)
        return st;
    code_pair *p = NULL;
    size_t np = 0, cap = 0;
    for (size_t i = 0; i < nm; i++) {
        const char **to = NULL;
        size_t nt = 0;
        if (early == late) {
            nt = 1;
        } else if (regint_dataset_map_code(kb->ds, ms[i]->kommunenr, early, late, &to, &nt) != REGINT_OK) {
            continue;
        }
        for (size_t j = 0; j < nt; j++) {
            if (np == cap) {
                size_t nc = cap ? cap * 2 : 512;
                code_pair *np2 = regint__reallocarray(p, nc, sizeof *p);
                if (!np2) {
                    free(p);
                    regint_free(to);
                    regint_free(ms);
                    return regint__enomem();
                }
                p = np2;
                cap = nc;
            }
            p[np].early = ms[i]->kommunenr;
            p[np].late = early == late ? ms[i]->kommunenr : to[j];
            np++;
        }
        regint_free(to);
    }
    regint_free(ms);
    regint__error_restore(&saved_error); /* probes leave no error */
    if (np)
        qsort(p, np, sizeof *p, pair_cmp_late);
    pair_map *slot = regint__calloc(1, sizeof *slot);
    pair_map **maps = slot ? regint__reallocarray(kb->maps, kb->nmaps + 1, sizeof *maps) : NULL;
    if (!maps) {
        free(slot);
        free(p);
        return regint__enomem();
    }
    kb->maps = maps;
    kb->maps[kb->nmaps++] = slot;
    slot->early = early;
    slot->late = late;
    slot->p = p;
    slot->n = np;
    *out = slot;
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Population weights                                                         */

static int area_is_nation(const char *a) { return a && strcmp(a, "00") == 0; }

/* Population weight of a municipality code valid in `year`: the figure of that year, else
 * the nearest year the dataset has for the code, else the population of its 2024
 * successors (each shared equally among the codes that map to it), else 1. */
static double kb_weight_uncached(regint_kb *kb, const char *code, int year);

static size_t weight_hash(const char *code, int year, size_t cap)
{
    size_t h = (size_t)year * 2654435761u;
    for (const char *c = code; *c; c++)
        h = h * 31u + (unsigned char)*c;
    return h & (cap - 1);
}

static double kb_weight(regint_kb *kb, const char *code, int year)
{
    if (strlen(code) >= sizeof kb->wt[0].code)
        return kb_weight_uncached(kb, code, year);
    if (kb->wt_cap) {
        for (size_t h = weight_hash(code, year, kb->wt_cap);; h = (h + 1) & (kb->wt_cap - 1)) {
            if (kb->wt[h].year == 0)
                break;
            if (kb->wt[h].year == year && strcmp(kb->wt[h].code, code) == 0)
                return kb->wt[h].w;
        }
    }
    double w = kb_weight_uncached(kb, code, year);
    if ((kb->wt_n + 1) * 2 > kb->wt_cap) { /* grow (keeps the load under 1/2) */
        size_t nc = kb->wt_cap ? kb->wt_cap * 2 : 1024;
        weight_slot *nt = regint__calloc(nc, sizeof *nt);
        if (!nt)
            return w; /* memo is an optimisation only */
        for (size_t i = 0; i < kb->wt_cap; i++) {
            if (kb->wt[i].year == 0)
                continue;
            size_t h = weight_hash(kb->wt[i].code, kb->wt[i].year, nc);
            while (nt[h].year)
                h = (h + 1) & (nc - 1);
            nt[h] = kb->wt[i];
        }
        free(kb->wt);
        kb->wt = nt;
        kb->wt_cap = nc;
    }
    size_t h = weight_hash(code, year, kb->wt_cap);
    while (kb->wt[h].year)
        h = (h + 1) & (kb->wt_cap - 1);
    snprintf(kb->wt[h].code, sizeof kb->wt[h].code, "%s", code);
    kb->wt[h].year = year;
    kb->wt[h].w = w;
    kb->wt_n++;
    return w;
}

static double kb_weight_uncached(regint_kb *kb, const char *code, int year)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    int64_t pop = 0;
    if (regint_dataset_population(kb->ds, code, year, &pop) == REGINT_OK)
        return (double)pop;
    for (int d = 1; d <= 15; d++) {
        if (regint_dataset_population(kb->ds, code, year + d, &pop) == REGINT_OK)
            return (double)pop;
        if (regint_dataset_population(kb->ds, code, year - d, &pop) == REGINT_OK)
            return (double)pop;
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    const int ref = 2024;
    if (year != ref) {
        const pair_map *pm = NULL;
        int e = year < ref ? year : ref, l = year < ref ? ref : year;
        if (kb_pairs(kb, e, l, &pm) == REGINT_OK) {
            double sum = 0;
            int found = 0;
            for (size_t i = 0; i < pm->n; i++) {
                const char *mine = year < ref ? pm->p[i].early : pm->p[i].late;
                const char *other = year < ref ? pm->p[i].late : pm->p[i].early;
                if (strcmp(mine, code) != 0)
                    continue;
                if (regint_dataset_population(kb->ds, other, ref, &pop) != REGINT_OK)
                    continue;
                size_t share = 0; /* codes of `year` mapping to `other` */
                for (size_t j = 0; j < pm->n; j++) {
                    const char *o2 = year < ref ? pm->p[j].late : pm->p[j].early;
                    if (strcmp(o2, other) == 0)
                        share++;
                }
                sum += (double)pop / (double)(share ? share : 1);
                found = 1;
            }
            regint__error_restore(&saved_error); /* probes leave no error */
            if (found && sum > 0)
                return sum;
        }
    }
    return 1.0;
}

/* ------------------------------------------------------------------------- */
/* Values and aggregation                                                     */

typedef struct getter {
    int settlement; /* 1: settlement figure; 0: indicator observation; 2: population */
    const char *indicator;
    const char *category;
    regint_measure measure;
    regint_category scat;
} getter;

static regint_status get_value(const regint_kb *kb, const getter *g, const char *area, int year,
                               regint_value_t *v)
{
    if (g->settlement == 2) {
        int64_t p;
        regint_status st = regint_dataset_population(kb->ds, area, year, &p);
        v->value = st == REGINT_OK ? (double)p : NAN;
        v->missing = REGINT_MISSING_NONE;
        return st;
    }
    if (g->settlement)
        return regint_dataset_settlement(kb->ds, area, year, g->measure, g->scat, v);
    return regint_dataset_observation(kb->ds, g->indicator, area, year, g->category, v);
}

/* Build (once per series) the last year each code has a row of the series in. */
static void build_last_rows(regint_kb *kb, const getter *g, const char *key)
{
    free(kb->last);
    kb->last = NULL;
    kb->last_cap = 0;
    snprintf(kb->last_key, sizeof kb->last_key, "%s", key);
    size_t cap = 4096;
    weight_slot *t = regint__calloc(cap, sizeof *t);
    if (!t)
        return;
    size_t n = g->settlement ? regint_dataset_settlement_count(kb->ds) : regint_dataset_observation_count(kb->ds);
    size_t used = 0;
    kb->last_max = 0;
    for (size_t i = 0; i < n && used * 2 < cap; i++) {
        const char *code;
        int year;
        if (g->settlement) {
            const regint_settlement_t *r = regint_dataset_settlement_at(kb->ds, i);
            if (!r || r->measure != g->measure || r->category != g->scat)
                continue;
            code = r->kommunenr;
            year = r->year;
        } else {
            const regint_observation_t *r = regint_dataset_observation_at(kb->ds, i);
            if (!r || strcmp(r->indicator, g->indicator) || strcmp(r->category ? r->category : "", g->category))
                continue;
            code = r->area;
            year = r->year;
        }
        if (year > kb->last_max)
            kb->last_max = year;
        if (strlen(code) >= sizeof t[0].code)
            continue;
        size_t h = weight_hash(code, 0, cap);
        while (t[h].year && strcmp(t[h].code, code) != 0)
            h = (h + 1) & (cap - 1);
        if (!t[h].year) {
            snprintf(t[h].code, sizeof t[h].code, "%s", code);
            t[h].year = 1;
            t[h].w = year;
            used++;
        } else if (year > t[h].w) {
            t[h].w = year;
        }
    }
    kb->last = t;
    kb->last_cap = cap;
}

/* 1 if `code` has no row of the series in `year` because it had ceased: the series goes on
 * after the end of the code's validity in the dataset, but has no row for the code in
 * `year` or later. The dataset's periods of old codes can be coarse (e.g. 1995-2019 for a
 * code merged in 2017), so this keeps such codes from making every later sum "incomplete";
 * a code still valid when the series ends is never taken as ceased. */
static int ceased_without_row(regint_kb *kb, const getter *g, const char *code, int year)
{
    if (g->settlement == 2)
        return 0;
    const regint_municipality_t *m;
    if (regint_dataset_municipality(kb->ds, code, year, &m) != REGINT_OK || m->valid_to == REGINT_YEAR_OPEN)
        return 0;
    char key[160];
    snprintf(key, sizeof key, "%d|%s|%s|%d|%d", g->settlement, g->indicator ? g->indicator : "",
             g->category ? g->category : "", (int)g->measure, (int)g->scat);
    if (!kb->last || strcmp(key, kb->last_key) != 0)
        build_last_rows(kb, g, key);
    if (!kb->last || kb->last_max <= m->valid_to)
        return 0;
    for (size_t h = weight_hash(code, 0, kb->last_cap);; h = (h + 1) & (kb->last_cap - 1)) {
        if (!kb->last[h].year)
            return 1; /* no row at all */
        if (strcmp(kb->last[h].code, code) == 0)
            return kb->last[h].w < year;
    }
}

/* The accumulator is the library's one rule for sums with missing values (dataset/aggregate.c). */
typedef regint__agg acc;
#define acc_add regint__agg_add
#define acc_result regint__agg_result

/* Add the parts of municipality `area` (code of area_year) in data year `year` to `a`. */
static regint_status add_kommune(regint_kb *kb, const getter *g, acc *a, const char *area,
                                 int area_year, int year)
{
    regint_value_t v;
    if (year == area_year) {
        regint_status st = get_value(kb, g, area, year, &v);
        double w = a->how == REGINT_AGGREGATE_MEAN ? kb_weight(kb, area, year) : 1.0;
        if (st == REGINT_OK || !ceased_without_row(kb, g, area, year))
            acc_add(a, st, v, 1.0, w);
        return REGINT_OK;
    }
    int early = year < area_year ? year : area_year, late = year < area_year ? area_year : year;
    const pair_map *pm = NULL;
    regint_status st = kb_pairs(kb, early, late, &pm);
    if (st != REGINT_OK)
        return st;
    int area_is_late = area_year == late;
    size_t found = 0;
    for (size_t i = 0; i < pm->n; i++) {
        const char *a_side = area_is_late ? pm->p[i].late : pm->p[i].early;
        if (strcmp(a_side, area) != 0)
            continue;
        const char *src = area_is_late ? pm->p[i].early : pm->p[i].late;
        found++;
        /* The source's other targets: divide it by the targets' population. */
        size_t ntargets = 0;
        for (size_t j = 0; j < pm->n; j++) {
            const char *s2 = area_is_late ? pm->p[j].early : pm->p[j].late;
            if (strcmp(s2, src) == 0)
                ntargets++;
        }
        double frac = 1.0;
        if (ntargets > 1) {
            double wt_area = 0, wt_all = 0;
            for (size_t j = 0; j < pm->n; j++) {
                const char *s2 = area_is_late ? pm->p[j].early : pm->p[j].late;
                if (strcmp(s2, src) != 0)
                    continue;
                const char *t2 = area_is_late ? pm->p[j].late : pm->p[j].early;
                double w = kb_weight(kb, t2, area_year);
                wt_all += w;
                if (strcmp(t2, area) == 0)
                    wt_area += w;
            }
            if (wt_all > 0)
                frac = wt_area / wt_all;
        }
        regint_status gs = get_value(kb, g, src, year, &v);
        double w = a->how == REGINT_AGGREGATE_MEAN ? kb_weight(kb, src, year) * frac : 1.0;
        if (gs == REGINT_OK || !ceased_without_row(kb, g, src, year))
            acc_add(a, gs, v, frac, w);
    }
    if (!found)
        a->n_absent++;
    return REGINT_OK;
}

static regint_status area_kind(regint_kb *kb, const char *area, int area_year, int *kind)
{
    if (area_is_nation(area)) {
        *kind = 0;
        return REGINT_OK;
    }
    int k = regint_validate_fylkesnr_format(area) ? 1 : regint_validate_kommunenr_format(area) ? 2 : 0;
    if (k) {
        const regint_county_t *c;
        const regint_municipality_t *m;
        if ((k == 1 ? regint_dataset_county(kb->ds, area, area_year, &c)
                    : regint_dataset_municipality(kb->ds, area, area_year, &m)) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "area '%s': no %s with this code in %d", area,
                                 k == 1 ? "county" : "municipality", area_year);
        *kind = k;
        return REGINT_OK;
    }
    return regint__error(REGINT_EINVAL,
                         "area '%s': expected a kommunenr (4 digits), fylkesnr (2 digits) or \"00\"",
                         area ? area : "(null)");
}

/* The start of every area query: the error state is saved in `saved` (when not NULL: queries
 * that probe restore it, so that probes leave no error), the arguments are there (`what` names
 * the query) and the area exists; its kind as area_kind(). */
static regint_status query_area(regint_kb *kb, const char *area, int area_year, const void *out, const char *what,
                                regint__error_state *saved, int *kind)
{
    if (saved)
        regint__error_save(saved);
    if (!kb || !area || !out)
        return regint__error(REGINT_EINVAL, "%s: NULL argument", what);
    return area_kind(kb, area, area_year, kind);
}

/* The county of a municipality valid in `year`, or NULL. */
static const char *county_of(regint_kb *kb, const char *kommunenr, int year)
{
    const regint_municipality_t *m;
    if (regint_dataset_municipality(kb->ds, kommunenr, year, &m) != REGINT_OK)
        return NULL;
    return m->fylkesnr;
}

/* County B (valid in area_year) from rows of counties A of another structure (e.g. 38
 * Vestfold og Telemark 2020-2023 -> 39 Vestfold 2024). The overlap of A and B is measured
 * by the population of B's municipalities (codes of area_year) that some municipality of A
 * maps to. Rates: population-weighted mean over the A's; counts: each A's value times
 * pop(A and B) / pop(A). Used only when the A's with a row cover all of B. */
static regint_status add_county_reform(regint_kb *kb, const getter *g, acc *a, const char *area,
                                       int area_year, int year)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    const regint_municipality_t **bm = NULL;
    size_t nbm = 0;
    regint_status st = regint_dataset_municipalities_in(kb->ds, area_year, area, &bm, &nbm);
    if (st != REGINT_OK)
        return st;
    double pop_b = 0, covered = 0;
    for (size_t i = 0; i < nbm; i++)
        pop_b += kb_weight(kb, bm[i]->kommunenr, area_year);
    regint_free(bm);
    acc tmp = *a;
    size_t nc = regint_dataset_county_count(kb->ds);
    for (size_t ci = 0; ci < nc; ci++) {
        const regint_county_t *c = regint_dataset_county_at(kb->ds, ci);
        if (!c || (c->valid_from <= area_year && area_year <= c->valid_to))
            continue; /* same structure: a different county or B itself */
        regint_value_t v;
        regint_status gs = get_value(kb, g, c->fylkesnr, year, &v);
        if (gs != REGINT_OK)
            continue;
        int ya = year < c->valid_from ? c->valid_from : year > c->valid_to ? c->valid_to : year;
        const regint_municipality_t **am = NULL;
        size_t nam = 0;
        if (regint_dataset_municipalities_in(kb->ds, ya, c->fylkesnr, &am, &nam) != REGINT_OK)
            continue;
        int early = ya < area_year ? ya : area_year, late = ya < area_year ? area_year : ya;
        const pair_map *pm = NULL;
        st = ya == area_year ? REGINT_EINVAL : kb_pairs(kb, early, late, &pm);
        double pop_a = 0, pop_ab = 0;
        if (st == REGINT_OK) {
            /* Targets (codes of area_year) of A's municipalities; each counted once. */
            const char **seen = regint__calloc(pm->n ? pm->n : 1, sizeof *seen);
            size_t nseen = 0;
            for (size_t i = 0; seen && i < pm->n; i++) {
                const char *src = ya == early ? pm->p[i].early : pm->p[i].late;
                const char *tgt = ya == early ? pm->p[i].late : pm->p[i].early;
                int in_a = 0, dup = 0;
                for (size_t j = 0; j < nam && !in_a; j++)
                    in_a = strcmp(am[j]->kommunenr, src) == 0;
                for (size_t k = 0; in_a && k < nseen && !dup; k++)
                    dup = strcmp(seen[k], tgt) == 0;
                if (!in_a || dup)
                    continue;
                seen[nseen++] = tgt;
                double w = kb_weight(kb, tgt, area_year);
                pop_a += w;
                const char *tc = county_of(kb, tgt, area_year);
                if (tc && strcmp(tc, area) == 0)
                    pop_ab += w;
            }
            free(seen);
        }
        regint_free(am);
        st = REGINT_OK;
        if (pop_ab <= 0 || pop_a <= 0)
            continue;
        covered += pop_ab;
        acc_add(&tmp, REGINT_OK, v, pop_ab / pop_a, pop_ab);
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    if (tmp.n_parts && covered >= pop_b * (1 - 1e-9))
        *a = tmp;
    return REGINT_OK;
}

static regint_status kb_compute(regint_kb *kb, const getter *g, regint_aggregation how,
                                const char *area, int area_year, int year, regint_aggregate_t *out)
{
    regint__error_state saved_error;
    int kind;
    regint_status st = query_area(kb, area, area_year, out, "knowledge base query", &saved_error, &kind);
    if (st != REGINT_OK)
        return st;
    acc a;
    memset(&a, 0, sizeof a);
    a.how = how;
    if (kind != 2 && !g->settlement) {
        /* A row for the county/nation itself wins. */
        regint_value_t v;
        if (get_value(kb, g, area, year, &v) == REGINT_OK) {
            acc_add(&a, REGINT_OK, v, 1.0, 1.0);
            acc_result(&a, 1, out);
            return REGINT_OK;
        }
        regint__error_restore(&saved_error); /* probes leave no error */
    }
    if (kind == 2) {
        st = add_kommune(kb, g, &a, area, area_year, year);
    } else {
        const regint_municipality_t **ms = NULL;
        size_t nm = 0;
        st = regint_dataset_municipalities_in(kb->ds, area_year, kind == 1 ? area : NULL, &ms, &nm);
        for (size_t i = 0; st == REGINT_OK && i < nm; i++)
            st = add_kommune(kb, g, &a, ms[i]->kommunenr, area_year, year);
        regint_free(ms);
    }
    if (st != REGINT_OK)
        return st;
    regint__error_restore(&saved_error); /* probes leave no error */
    if (a.n_parts == 0 && kind == 1 && !g->settlement) {
        /* No municipality data: map county-level rows of another county structure. */
        memset(&a, 0, sizeof a);
        a.how = how;
        st = add_county_reform(kb, g, &a, area, area_year, year);
        if (st != REGINT_OK)
            return st;
        regint__error_restore(&saved_error); /* probes leave no error */
    }
    if (a.n_parts == 0) {
        if (g->settlement == 2)
            return regint__error(REGINT_ENOTFOUND, "population: no figure for area %s (codes of %d) in %d", area,
                                 area_year, year);
        if (g->settlement)
            return regint__error(REGINT_ENOTFOUND, "settlement %s/%s: no figure for area %s (codes of %d) in %d",
                                 regint_measure_name(g->measure), regint_category_name(g->scat),
                                 area, area_year, year);
        return regint__error(REGINT_ENOTFOUND, "indicator '%s': no observation for area %s (codes of %d) in %d",
                             g->indicator, area, area_year, year);
    }
    acc_result(&a, kind == 2 && a.n_parts == 1 && year == area_year, out);
    return REGINT_OK;
}

static regint_status indicator_getter(regint_kb *kb, const char *indicator, const char *category,
                                      getter *g, regint_aggregation *how)
{
    if (!kb || !indicator)
        return regint__error(REGINT_EINVAL, "knowledge base query: NULL argument");
    const regint_indicator_t *ind;
    if (regint_dataset_indicator(kb->ds, indicator, &ind) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "indicator '%s': not in the catalogue", indicator);
    memset(g, 0, sizeof *g);
    g->indicator = indicator;
    g->category = category ? category : "";
    *how = regint_kb_indicator_aggregation(ind);
    return REGINT_OK;
}

static regint_status kb_value_locked(regint_kb *kb, const char *indicator, const char *area, int area_year,
                              int year, const char *category, regint_aggregate_t *out)
{
    getter g;
    regint_aggregation how = REGINT_AGGREGATE_SUM;
    regint_status st = indicator_getter(kb, indicator, category, &g, &how);
    if (st != REGINT_OK)
        return st;
    return kb_compute(kb, &g, how, area, area_year, year, out);
}

static regint_status kb_settlement_locked(regint_kb *kb, const char *area, int area_year, int year,
                                   regint_measure measure, regint_category category,
                                   regint_aggregate_t *out)
{
    getter g;
    memset(&g, 0, sizeof g);
    g.settlement = 1;
    g.measure = measure;
    g.scat = category;
    return kb_compute(kb, &g, REGINT_AGGREGATE_SUM, area, area_year, year, out);
}

/* ------------------------------------------------------------------------- */
/* Series                                                                     */

void regint_kb_series_result_free(regint_kb_series_result *s)
{
    free(s); /* its strings and arrays are in the same block (util/block.h) */
}

static int int_cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static regint_status build_series(regint_kb *kb, const getter *g, regint_aggregation how,
                                  const char *area, int area_year, int first, int last,
                                  const char *label, regint_kb_series_result **out)
{
    regint__error_state saved_error;
    int kind;
    regint_status st = query_area(kb, area, area_year, out, "knowledge base series", &saved_error, &kind);
    if (st != REGINT_OK)
        return st;
    /* Candidate years: every year with a row of this indicator/measure. */
    int seen[200] = {0}; /* years 1900..2099 */
    if (g->settlement) {
        size_t n = regint_dataset_settlement_count(kb->ds);
        for (size_t i = 0; i < n; i++) {
            const regint_settlement_t *s = regint_dataset_settlement_at(kb->ds, i);
            if (s && s->measure == g->measure && s->category == g->scat && s->year >= 1900 && s->year < 2100)
                seen[s->year - 1900] = 1;
        }
    } else {
        size_t n = regint_dataset_observation_count(kb->ds);
        for (size_t i = 0; i < n; i++) {
            const regint_observation_t *o = regint_dataset_observation_at(kb->ds, i);
            if (o && strcmp(o->indicator, g->indicator) == 0 &&
                strcmp(o->category ? o->category : "", g->category) == 0 && o->year >= 1900 && o->year < 2100)
                seen[o->year - 1900] = 1;
        }
    }
    const char *cat = g->settlement ? regint_category_name(g->scat) : g->category;
    const size_t counts[5] = {strlen(label) + 1, strlen(area) + 1, strlen(cat) + 1, 200, 200};
#define PART(m) REGINT__BLOCK_ARRAY(regint_kb_series_result, m)
    static const regint__block_array parts[5] = {PART(indicator), PART(area), PART(category), PART(years),
                                                 PART(values)};
#undef PART
    regint_kb_series_result *s = regint__block_new_in(sizeof *s, 5, counts, parts);
    if (!s)
        return REGINT_ENOMEM;
    memcpy(s->indicator, label, counts[0]);
    memcpy(s->area, area, counts[1]);
    memcpy(s->category, cat, counts[2]);
    s->area_year = area_year;
    for (int y = 0; y < 200; y++) {
        int year = 1900 + y;
        if (!seen[y] || (first && year < first) || (last && year > last))
            continue;
        regint_aggregate_t a;
        st = kb_compute(kb, g, how, area, area_year, year, &a);
        if (st == REGINT_ENOTFOUND)
            continue;
        if (st != REGINT_OK) {
            regint_kb_series_result_free(s);
            return st;
        }
        s->years[s->n] = year;
        s->values[s->n] = a;
        s->n++;
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    (void)int_cmp;
    *out = s;
    return REGINT_OK;
}

static regint_status kb_series_locked(regint_kb *kb, const char *indicator, const char *area, int area_year,
                               const char *category, int first_year, int last_year,
                               regint_kb_series_result **out)
{
    getter g;
    regint_aggregation how = REGINT_AGGREGATE_SUM;
    regint_status st = indicator_getter(kb, indicator, category, &g, &how);
    if (st != REGINT_OK)
        return st;
    return build_series(kb, &g, how, area, area_year, first_year, last_year, indicator, out);
}

static regint_status kb_settlement_series_locked(regint_kb *kb, const char *area, int area_year,
                                          regint_measure measure, regint_category category,
                                          int first_year, int last_year, regint_kb_series_result **out)
{
    getter g;
    memset(&g, 0, sizeof g);
    g.settlement = 1;
    g.measure = measure;
    g.scat = category;
    char label[96];
    snprintf(label, sizeof label, "settlement:%s:%s", regint_measure_name(measure),
             regint_category_name(category));
    return build_series(kb, &g, REGINT_AGGREGATE_SUM, area, area_year, first_year, last_year, label, out);
}

static regint_status kb_population_locked(regint_kb *kb, const char *area, int year, int64_t *out)
{
    int kind;
    regint_status st = query_area(kb, area, year, out, "regint_kb_population", NULL, &kind);
    if (st != REGINT_OK)
        return st;
    if (kind == 2)
        return regint_dataset_population(kb->ds, area, year, out);
    const regint_municipality_t **ms = NULL;
    size_t nm = 0;
    st = regint_dataset_municipalities_in(kb->ds, year, kind == 1 ? area : NULL, &ms, &nm);
    if (st != REGINT_OK)
        return st;
    int64_t sum = 0;
    for (size_t i = 0; i < nm; i++) {
        int64_t p;
        st = regint_dataset_population(kb->ds, ms[i]->kommunenr, year, &p);
        if (st != REGINT_OK) {
            st = regint__error(REGINT_ENOTFOUND, "population of %s in %d: municipality %s has no figure", area,
                               year, ms[i]->kommunenr);
            regint_free(ms);
            return st;
        }
        sum += p;
    }
    regint_free(ms);
    if (nm == 0)
        return regint__error(REGINT_ENOTFOUND, "population of %s in %d: no municipalities", area, year);
    *out = sum;
    return REGINT_OK;
}

static regint_status kb_population_mapped_locked(regint_kb *kb, const char *area, int area_year, int year,
                                         regint_aggregate_t *out)
{
    getter g;
    memset(&g, 0, sizeof g);
    g.settlement = 2;
    return kb_compute(kb, &g, REGINT_AGGREGATE_SUM, area, area_year, year, out);
}

regint_status regint_kb_import_csv(regint_kb *kb, regint_dataset *ds, const char *path)
{
    if (!kb || !ds || (const regint_dataset *)ds != kb->ds)
        return regint__error(REGINT_EINVAL,
                             "regint_kb_import_csv: ds must be the dataset of the knowledge base");
    regint_status st = regint_dataset_import_csv(ds, REGINT_CSV_OBSERVATIONS, path);
    regint_kb_refresh(kb);
    return st;
}

/* ------------------------------------------------------------------------- */
/* Derived figures                                                            */

static const regint_aggregate_t *series_find(const regint_kb_series_result *s, int year)
{
    for (size_t i = 0; s && i < s->n; i++)
        if (s->years[i] == year)
            return &s->values[i];
    return NULL;
}

regint_value_t regint_kb_series_at(const regint_kb_series_result *s, int year)
{
    const regint_aggregate_t *a = series_find(s, year);
    if (a)
        return a->value;
    regint_value_t v = {NAN, REGINT_MISSING_UNKNOWN};
    return v;
}

regint_value_t regint_kb_series_change(const regint_kb_series_result *s, int year)
{
    regint_value_t a = regint_kb_series_at(s, year), b = regint_kb_series_at(s, year - 1), r;
    if (a.missing != REGINT_MISSING_NONE || b.missing != REGINT_MISSING_NONE) {
        r.value = NAN;
        r.missing = a.missing != REGINT_MISSING_NONE ? a.missing : b.missing;
        return r;
    }
    r.value = a.value - b.value;
    r.missing = REGINT_MISSING_NONE;
    return r;
}

regint_status regint_kb_series_trend(const regint_kb_series_result *s, int last_year, int years,
                                  regint_trend_t *out)
{
    if (!s || !out || years < 2)
        return regint__error(REGINT_EINVAL, "regint_kb_series_trend: need a series, an output and years >= 2");
    out->slope = NAN;
    out->intercept = NAN;
    out->points = 0;
    out->first_year = last_year - years + 1;
    out->last_year = last_year;
    /* Centre the years for numerical stability: slope = Sxy / Sxx. */
    double sx = 0, sy = 0;
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) {
        int y = s->years[i];
        if (y < out->first_year || y > last_year || s->values[i].value.missing != REGINT_MISSING_NONE)
            continue;
        sx += y;
        sy += s->values[i].value.value;
        n++;
    }
    out->points = n;
    if (n < 2)
        return REGINT_OK;
    double mx = sx / (double)n, my = sy / (double)n, sxx = 0, sxy = 0;
    for (size_t i = 0; i < s->n; i++) {
        int y = s->years[i];
        if (y < out->first_year || y > last_year || s->values[i].value.missing != REGINT_MISSING_NONE)
            continue;
        sxx += (y - mx) * (y - mx);
        sxy += (y - mx) * (s->values[i].value.value - my);
    }
    out->slope = sxx > 0 ? sxy / sxx : NAN;
    out->intercept = my - out->slope * mx;
    return REGINT_OK;
}

static regint_status kb_per_1000_locked(regint_kb *kb, const char *area, int year, regint_value_t value,
                                 regint_value_t *out)
{
    if (!kb || !area || !out)
        return regint__error(REGINT_EINVAL, "regint_kb_per_1000: NULL argument");
    if (value.missing != REGINT_MISSING_NONE) {
        *out = value;
        out->value = NAN;
        return REGINT_OK;
    }
    int64_t pop;
    regint_status st = regint_kb_population(kb, area, year, &pop);
    if (st != REGINT_OK)
        return st;
    if (pop <= 0)
        return regint__error(REGINT_ERANGE, "per 1000 inhabitants of %s in %d: population is %lld",
                             area, year, (long long)pop);
    out->value = value.value / (double)pop * 1000.0;
    out->missing = REGINT_MISSING_NONE;
    return REGINT_OK;
}

static regint_value_t agg_value_or_missing(regint_status st, const regint_aggregate_t *a)
{
    regint_value_t v = {NAN, REGINT_MISSING_UNKNOWN};
    if (st == REGINT_OK)
        v = a->value;
    return v;
}

/* Count `code` among the ranked areas when it has a value, and among the better ones when its
 * value beats `mine` in the indicator's direction. */
static void rank_against(regint_kb *kb, const char *indicator, regint_direction direction, const char *code,
                         int area_year, int year, const char *category, double mine, size_t *ranked,
                         size_t *better)
{
    regint_aggregate_t a;
    if (regint_kb_value(kb, indicator, code, area_year, year, category, &a) != REGINT_OK ||
        a.value.missing != REGINT_MISSING_NONE)
        return;
    ++*ranked;
    double v = a.value.value;
    if (direction == REGINT_DIRECTION_LOWER_BETTER ? v < mine : v > mine)
        ++*better;
}

static regint_status kb_summarize_locked(regint_kb *kb, const char *indicator, const char *area, int area_year,
                                  int year, const char *category, int trend_years,
                                  regint_indicator_summary_t *out)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (!kb || !indicator || !area || !out)
        return regint__error(REGINT_EINVAL, "regint_kb_summarize: NULL argument");
    const regint_indicator_t *ind;
    if (regint_dataset_indicator(kb->ds, indicator, &ind) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "indicator '%s': not in the catalogue", indicator);
    int kind = 0;
    regint_status st = area_kind(kb, area, area_year, &kind);
    if (st != REGINT_OK)
        return st;
    if (trend_years < 2)
        trend_years = 2;
    memset(out, 0, sizeof *out);
    st = regint_kb_value(kb, indicator, area, area_year, year, category, &out->value);
    if (st != REGINT_OK && st != REGINT_ENOTFOUND)
        return st;
    if (st == REGINT_ENOTFOUND) {
        memset(&out->value, 0, sizeof out->value);
        out->value.value.value = NAN;
        out->value.value.missing = REGINT_MISSING_UNKNOWN;
        out->value.partial = NAN;
    }
    regint_kb_series_result *s = NULL;
    st = regint_kb_series(kb, indicator, area, area_year, category, year - trend_years + 1, year, &s);
    if (st != REGINT_OK)
        return st;
    out->change = regint_kb_series_change(s, year);
    regint_kb_series_trend(s, year, trend_years, &out->trend);
    regint_kb_series_result_free(s);

    /* County and nation. */
    const char *county = area;
    if (kind == 2) {
        const regint_municipality_t *m;
        regint_dataset_municipality(kb->ds, area, area_year, &m);
        county = m->fylkesnr;
    }
    regint_aggregate_t a;
    if (kind == 0) {
        out->county = out->value.value;
    } else {
        st = regint_kb_value(kb, indicator, county, area_year, year, category, &a);
        if (st != REGINT_OK && st != REGINT_ENOTFOUND)
            return st;
        out->county = agg_value_or_missing(st, &a);
    }
    st = regint_kb_value(kb, indicator, "00", area_year, year, category, &a);
    if (st != REGINT_OK && st != REGINT_ENOTFOUND)
        return st;
    out->nation = agg_value_or_missing(st, &a);

    /* Rank among the county's municipalities (kommune) or among the counties (county). */
    if (kind != 0 && out->value.value.missing == REGINT_MISSING_NONE) {
        double mine = out->value.value.value;
        size_t better = 0, ranked = 0;
        if (kind == 2) {
            const regint_municipality_t **ms = NULL;
            size_t nm = 0;
            st = regint_dataset_municipalities_in(kb->ds, area_year, county, &ms, &nm);
            if (st != REGINT_OK)
                return st;
            for (size_t i = 0; i < nm; i++)
                rank_against(kb, indicator, ind->direction, ms[i]->kommunenr, area_year, year, category, mine,
                             &ranked, &better);
            regint_free(ms);
        } else {
            size_t nc = regint_dataset_county_count(kb->ds);
            for (size_t i = 0; i < nc; i++) {
                const regint_county_t *c = regint_dataset_county_at(kb->ds, i);
                if (c && c->valid_from <= area_year && c->valid_to >= area_year)
                    rank_against(kb, indicator, ind->direction, c->fylkesnr, area_year, year, category, mine,
                                 &ranked, &better);
            }
        }
        if (ranked) {
            out->rank = better + 1;
            out->rank_of = ranked;
        }
    }
    regint__error_restore(&saved_error); /* probes (county, nation, ranks) leave no error */
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* The public queries: each holds the knowledge base's lock (see struct regint_kb). */

/* A public query: a NULL check, then the query under the knowledge base's lock (the caches
 * it fills are shared between threads, see kb_lock); `m` is the handle the query may fill. */
#define KB_LOCKED(fn, call)                                                                        \
    do {                                                                                           \
        if (!kb)                                                                                   \
            return regint__error(REGINT_EINVAL, fn ": NULL knowledge base");                       \
        regint_kb *m = kb_lock(kb);                                                                \
        regint_status locked_status = (call);                                                      \
        kb_unlock(m);                                                                              \
        return locked_status;                                                                      \
    } while (0)

regint_status regint_kb_value(const regint_kb *kb, const char *indicator, const char *area, int area_year,
                              int year, const char *category, regint_aggregate_t *out)
{
    KB_LOCKED("regint_kb_value", kb_value_locked(m, indicator, area, area_year, year, category, out));
}

regint_status regint_kb_settlement(const regint_kb *kb, const char *area, int area_year, int year,
                                   regint_measure measure, regint_category category,
                                   regint_aggregate_t *out)
{
    KB_LOCKED("regint_kb_settlement", kb_settlement_locked(m, area, area_year, year, measure, category, out));
}

regint_status regint_kb_series(const regint_kb *kb, const char *indicator, const char *area, int area_year,
                               const char *category, int first_year, int last_year,
                               regint_kb_series_result **out)
{
    KB_LOCKED("regint_kb_series",
              kb_series_locked(m, indicator, area, area_year, category, first_year, last_year, out));
}

regint_status regint_kb_settlement_series(const regint_kb *kb, const char *area, int area_year,
                                          regint_measure measure, regint_category category,
                                          int first_year, int last_year, regint_kb_series_result **out)
{
    KB_LOCKED("regint_kb_settlement_series",
              kb_settlement_series_locked(m, area, area_year, measure, category, first_year, last_year, out));
}

regint_status regint_kb_population(const regint_kb *kb, const char *area, int year, int64_t *out)
{
    KB_LOCKED("regint_kb_population", kb_population_locked(m, area, year, out));
}

regint_status regint_kb_population_mapped(const regint_kb *kb, const char *area, int area_year, int year,
                                         regint_aggregate_t *out)
{
    KB_LOCKED("regint_kb_population_mapped", kb_population_mapped_locked(m, area, area_year, year, out));
}

regint_status regint_kb_per_1000(const regint_kb *kb, const char *area, int year, regint_value_t value,
                                 regint_value_t *out)
{
    KB_LOCKED("regint_kb_per_1000", kb_per_1000_locked(m, area, year, value, out));
}

regint_status regint_kb_summarize(const regint_kb *kb, const char *indicator, const char *area, int area_year,
                                  int year, const char *category, int trend_years,
                                  regint_indicator_summary_t *out)
{
    KB_LOCKED("regint_kb_summarize",
              kb_summarize_locked(m, indicator, area, area_year, year, category, trend_years, out));
}
