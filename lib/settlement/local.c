/* Local decisions and the capacity dialogue (profile "local"): parsing, checks against the
 * dataset, bounds, and what every output carries: each municipality's notes, flags where its
 * number departs from its own decision or stated capacity, the plan figure for the next year
 * and the caveats of the data (docs/settlement.md, "Local decisions", "Plan figure",
 * "Caveats"). The texts are whole English sentences with the numbers as arguments, so that
 * they can move to the translation table as they are. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/jsonutil.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "settlement/recommend_internal.h"

#include "regint/apportion.h"
#include "regint/validate.h"

static const char *const kind_names[] = {"decision", "capacity", "exemption", "agreement"};

static const regint__local *entry_of(const regint_settlement_profile *p, const char *code, int year,
                                     regint__local_kind kind);

/* Longest note or source kept (a council reference, not a document). */
#define LOCAL_TEXT_MAX 1000

void regint__local_free(regint_settlement_profile *p)
{
    for (size_t i = 0; i < p->nlocal; i++) {
        free(p->local[i].kommunenr);
        free(p->local[i].note);
        free(p->local[i].source);
    }
    free(p->local);
    p->local = NULL;
    p->nlocal = 0;
}

/* A free text (note, source): valid UTF-8, not too long. cJSON decodes escapes, so the check
 * is on what is stored and shown, whatever the file's bytes were. */
static regint_status text_member(const char *file, const char *path, const cJSON *obj, const char *key,
                                 char **out)
{
    const char *s = "";
    regint_status st = regint__json_string(file, path, obj, key, 0, &s);
    if (st)
        return st;
    char p[REGINT__PATH_MAX];
    regint__json_path_key(p, path, key);
    size_t len = strlen(s), bad = 0;
    if (!regint__utf8_valid(s, len, &bad))
        return regint__json_error(file, p, REGINT_EPARSE, "not valid UTF-8 (byte %zu of the text)", bad + 1);
    if (len > LOCAL_TEXT_MAX)
        return regint__json_error(file, p, REGINT_ERANGE, "longer than %d bytes (%zu)", LOCAL_TEXT_MAX, len);
    if (!(*out = regint__strdup(s)))
        return regint__enomem();
    return REGINT_OK;
}

static int upper_kind(regint__local_kind k)
{
    return k == REGINT__LOCAL_DECISION || k == REGINT__LOCAL_CAPACITY || k == REGINT__LOCAL_EXEMPTION;
}

static regint_status parse_entry(const char *file, const cJSON *it, const char *path, regint__local *e)
{
    static const char *const keys[] = {"kommunenr", "year", "kind", "value", "note", "source", NULL};
    char p[REGINT__PATH_MAX];
    regint_status st;
    snprintf(e->path, sizeof e->path, "%s", path);
    if (!cJSON_IsObject(it))
        return regint__json_error(file, path, REGINT_EPARSE, "expected an object");
    const cJSON *m;
    cJSON_ArrayForEach(m, it) {
        int ok = 0;
        for (const char *const *k = keys; *k; k++)
            ok |= m->string && !strcmp(m->string, *k);
        if (!ok) {
            regint__json_path_key(p, path, m->string ? m->string : "?");
            return regint__json_error(file, p, REGINT_EPARSE, "unknown member");
        }
    }
    const char *k = NULL, *kind = NULL;
    if ((st = regint__json_string(file, path, it, "kommunenr", 1, &k)))
        return st;
    regint__json_path_key(p, path, "kommunenr");
    if (!regint_validate_kommunenr_format(k))
        return regint__json_error(file, p, REGINT_EPARSE, "expected a 4-digit kommunenr string, got '%s'", k);
    if (!(e->kommunenr = regint__strdup(k)))
        return regint__enomem();
    int64_t year = 0;
    if ((st = regint__json_int(file, path, it, "year", 1, 1900, 2200, &year)))
        return st;
    e->year = (int)year;
    if ((st = regint__json_string(file, path, it, "kind", 1, &kind)))
        return st;
    regint__json_path_key(p, path, "kind");
    size_t ki = 0;
    while (ki < 4 && strcmp(kind, kind_names[ki]))
        ki++;
    if (ki == 4)
        return regint__json_error(file, p, REGINT_EPARSE,
                                  "expected \"decision\", \"capacity\", \"exemption\" or \"agreement\", got '%s'", kind);
    e->kind = (regint__local_kind)ki;
    int64_t v = e->kind == REGINT__LOCAL_EXEMPTION ? 0 : -1;
    if ((st = regint__json_int(file, path, it, "value", e->kind != REGINT__LOCAL_EXEMPTION, -(INT64_C(1) << 40),
                               INT64_C(1) << 40, &v)))
        return st;
    regint__json_path_key(p, path, "value");
    if (v < 0)
        return regint__json_error(file, p, REGINT_ERANGE, "a %s cannot be below zero, got %lld", kind, (long long)v);
    e->value = v;
    if ((st = text_member(file, path, it, "note", &e->note)) || (st = text_member(file, path, it, "source", &e->source)))
        return st;
    return REGINT_OK;
}

regint_status regint__local_parse(const char *file, const cJSON *root, regint_settlement_profile *p)
{
    const char *dd = "ignore";
    regint_status st = regint__json_string(file, "", root, "decisions_in_data", 0, &dd);
    if (st)
        return st;
    if (!strcmp(dd, "bound"))
        p->data_decisions = 1;
    else if (strcmp(dd, "ignore"))
        return regint__json_error(file, "decisions_in_data", REGINT_EPARSE, "expected \"ignore\" or \"bound\", got '%s'", dd);
    const cJSON *arr = NULL;
    st = regint__json_array(file, "", root, "local", 0, &arr);
    if (st || !arr)
        return st;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (!n)
        return REGINT_OK;
    if (!(p->local = regint__calloc(n, sizeof *p->local)))
        return regint__enomem();
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        char path[REGINT__PATH_MAX];
        regint__json_path_index(path, "local", i);
        p->nlocal = i + 1;
        regint__local *e = &p->local[i];
        if ((st = parse_entry(file, it, path, e)))
            return st;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(p->local[j].kommunenr, e->kommunenr) && p->local[j].year == e->year &&
                p->local[j].kind == e->kind)
                return regint__json_error(file, path, REGINT_EDUPLICATE, "a second %s for %s in %d (first at %s)",
                                          kind_names[e->kind], e->kommunenr, e->year, p->local[j].path);
        i++;
    }
    /* Contradictions that need no dataset: a bound or an agreement above what the council
     * decided (or the capacity it stated) for that year. */
    for (i = 0; i < p->nlocal; i++) {
        const regint__local *e = &p->local[i];
        if (!upper_kind(e->kind))
            continue;
        for (size_t b = 0; b < p->nbounds; b++)
            if (!strcmp(p->bounds[b].kommunenr, e->kommunenr) && p->bounds[b].lower > e->value) {
                char pp[REGINT__PATH_MAX];
                regint__json_path_key(pp, p->bounds[b].path, "lower");
                return regint__json_error(file, pp, REGINT_EINFEASIBLE,
                                          "lower bound %lld contradicts the %s of %lld for %s in %d (%s)",
                                          (long long)p->bounds[b].lower, kind_names[e->kind], (long long)e->value,
                                          e->kommunenr, e->year, e->path);
            }
        for (size_t j = 0; j < p->nlocal; j++) {
            const regint__local *a = &p->local[j];
            if (a->kind == REGINT__LOCAL_AGREEMENT && a->year == e->year && !strcmp(a->kommunenr, e->kommunenr) &&
                a->value > e->value) {
                char pp[REGINT__PATH_MAX];
                regint__json_path_key(pp, a->path, "value");
                return regint__json_error(file, pp, REGINT_EINFEASIBLE,
                                          "an agreement of %lld contradicts the %s of %lld for %s in %d (%s)",
                                          (long long)a->value, kind_names[e->kind], (long long)e->value, e->kommunenr,
                                          e->year, e->path);
            }
        }
    }
    return REGINT_OK;
}

regint_status regint__local_check(const regint__ctx *ctx, const regint_settlement_profile *p)
{
    for (size_t i = 0; i < p->nlocal; i++) {
        const regint__local *e = &p->local[i];
        const regint_municipality_t **mun = NULL;
        size_t n = 0;
        regint__error_state saved;
        regint__error_save(&saved);
        regint_status st = regint_dataset_municipalities_in(ctx->ds, e->year, NULL, &mun, &n);
        regint_free((void *)mun);
        regint__error_restore(&saved);
        if (st || n == 0)
            return regint__error(REGINT_ENOTFOUND, "%s: %s.year: unknown year %d: the dataset has no municipality valid then",
                                 p->file, e->path, e->year);
        const regint_municipality_t *m;
        if (regint_dataset_municipality(ctx->ds, e->kommunenr, e->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: %s.kommunenr: unknown municipality '%s' in %d", p->file,
                                 e->path, e->kommunenr, e->year);
        regint__error_restore(&saved);
    }
    return REGINT_OK;
}

regint_status regint__local_bounds(const regint__ctx *ctx, const regint_settlement_profile *p, size_t mi,
                                   int64_t *lo, int64_t *up, int *hard_lo, int *hard_up, int *soft_up)
{
    const char *code = ctx->mun[mi]->kommunenr;
    double d;
    if (p->data_decisions &&
        regint__acc_value(regint__ctx_acc(ctx, mi, ctx->year, REGINT__M_DECISION), REGINT__M_DECISION, &d) &&
        !entry_of(p, code, ctx->year, REGINT__LOCAL_DECISION)) {
        /* The council's decision for the year already in the data: what it will take. */
        int64_t v = (int64_t)llround(d);
        if (!*hard_up || v < *up)
            *up = v;
        *hard_up = 1;
        *soft_up = 0;
        if (*lo > *up && !*hard_lo)
            *lo = *up;
        if (*lo > *up)
            return regint__error(REGINT_EINFEASIBLE,
                                 "%s: decisions_in_data: the lower bound %lld of %s is above the council's decision of %lld for %d in the data",
                                 p->file, (long long)*lo, code, (long long)v, ctx->year);
    }
    for (size_t i = 0; i < p->nlocal; i++) {
        const regint__local *e = &p->local[i];
        if (e->year != ctx->year || strcmp(e->kommunenr, code))
            continue;
        if (upper_kind(e->kind)) {
            if (!*hard_up || e->value < *up)
                *up = e->value;
            *hard_up = 1;
            *soft_up = 0;
            if (e->kind == REGINT__LOCAL_EXEMPTION && !*hard_lo)
                *lo = 0;
            if (*lo > *up && !*hard_lo)
                *lo = *up; /* the minimum gives way to the council */
        } else {
            if (e->value > *lo)
                *lo = e->value;
            *hard_lo = 1;
        }
        if (*lo > *up && *hard_up)
            return regint__error(REGINT_EINFEASIBLE, "%s: %s: the lower bound %lld is above the upper bound %lld for %s in %d",
                                 p->file, e->path, (long long)*lo, (long long)*up, code, ctx->year);
    }
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* Notes, flags, plan figure, caveats                                        */

static void put_entry(regint__sb *b, const regint__local *e)
{
    if (b->n)
        regint__sb_puts(b, "; ");
    regint__sb_printf(b, "%s %d: %lld", kind_names[e->kind], e->year, (long long)e->value);
    if (e->note && *e->note)
        regint__sb_printf(b, " - %s", e->note);
    if (e->source && *e->source)
        regint__sb_printf(b, " (source: %s)", e->source);
}

static const regint__local *entry_of(const regint_settlement_profile *p, const char *code, int year,
                                     regint__local_kind kind)
{
    for (size_t i = 0; i < p->nlocal; i++)
        if (p->local[i].year == year && p->local[i].kind == kind && !strcmp(p->local[i].kommunenr, code))
            return &p->local[i];
    return NULL;
}

size_t regint__row_flags(const regint_settlement_profile *p, const regint_settlement_recommendation_row_t *row,
                         int year, regint__row_flag out[REGINT__ROW_FLAGS_MAX])
{
    size_t n = 0;
    int64_t rec = row->recommended;
    const regint__local *d = entry_of(p, row->kommunenr, year, REGINT__LOCAL_DECISION);
    const regint__local *c = entry_of(p, row->kommunenr, year, REGINT__LOCAL_CAPACITY);
    const regint__local *a = entry_of(p, row->kommunenr, year, REGINT__LOCAL_AGREEMENT);
    if (d && rec != d->value)
        out[n++] = (regint__row_flag){REGINT__FLAG_DECISION, year, d->value, d};
    if (c && rec > c->value)
        out[n++] = (regint__row_flag){REGINT__FLAG_CAPACITY, year, c->value, c};
    if (a && rec < a->value)
        out[n++] = (regint__row_flag){REGINT__FLAG_AGREEMENT, year, a->value, a};
    if (!d && row->actual_decision.missing == REGINT_MISSING_NONE && (double)rec > row->actual_decision.value)
        out[n++] = (regint__row_flag){REGINT__FLAG_DATA_DECISION, year, (int64_t)llround(row->actual_decision.value),
                                      NULL};
    /* A council that decided to settle nobody last year. */
    const regint__local *dp = entry_of(p, row->kommunenr, year - 1, REGINT__LOCAL_DECISION);
    regint_value_t last = row->decision[REGINT_SETTLEMENT_HISTORY_YEARS - 1];
    double dlast = dp ? (double)dp->value : last.missing == REGINT_MISSING_NONE ? last.value : NAN;
    if (rec > 0 && dlast == 0)
        out[n++] = (regint__row_flag){REGINT__FLAG_DECIDED_ZERO, year - 1, 0, dp};
    return n;
}

/* The flags of one row in English, "; "-separated (the row's `flag`). */
static void row_flags(const regint_settlement_profile *p, const regint_settlement_recommendation_row_t *row, int year,
                      regint__sb *b)
{
    regint__row_flag f[REGINT__ROW_FLAGS_MAX];
    size_t n = regint__row_flags(p, row, year, f);
    long long rec = (long long)row->recommended;
    for (size_t i = 0; i < n; i++) {
        long long v = (long long)f[i].figure;
        if (b->n)
            regint__sb_puts(b, "; ");
        switch (f[i].kind) {
        case REGINT__FLAG_DECISION:
            regint__sb_printf(b, "%lld differs from the council's own decision of %lld for %d", rec, v, year);
            break;
        case REGINT__FLAG_CAPACITY:
            regint__sb_printf(b, "%lld is above the capacity of %lld stated for %d", rec, v, year);
            break;
        case REGINT__FLAG_AGREEMENT:
            regint__sb_printf(b, "%lld is below the agreement of %lld for %d", rec, v, year);
            break;
        case REGINT__FLAG_DATA_DECISION:
            regint__sb_printf(b, "%lld is above the council's decision of %.0f for %d in the data", rec,
                              row->actual_decision.value, year);
            break;
        case REGINT__FLAG_DECIDED_ZERO:
            regint__sb_printf(b, "the council decided 0 for %d, yet %lld is asked for %d", year - 1, rec, year);
            break;
        }
    }
}

static regint_status add_caveat(regint_settlement_recommendation *r, regint__sb *b)
{
    char *s = regint__sb_take(b);
    if (!s)
        return regint__enomem();
    char **v = realloc(r->caveats, (r->ncaveats + 1) * sizeof *v);
    if (!v) {
        free(s);
        return regint__enomem();
    }
    r->caveats = v;
    r->caveats[r->ncaveats++] = s;
    return REGINT_OK;
}

/* The caveats of the data behind a result: the 2023 extract, suppressed cells at their
 * estimate, the population vintage. */
static regint_status caveats(const regint__ctx *ctx, const regint_settlement_recommendation *rr,
                             regint_settlement_recommendation *r)
{
    regint_status st;
    regint__sb b = {0};
    if (ctx->first <= 2023 && (ctx->hist_to >= 2023 || ctx->year == 2023)) {
        regint__sb_printf(&b, "The 2023 figures are an extract of September 2023, not the final year (data/SOURCES.md).");
        if ((st = add_caveat(r, &b)))
            return st;
    }
    size_t nsup = 0;
    for (size_t k = 0; k < rr->n; k++)
        for (size_t i = 0; i < ctx->n; i++)
            if (!strcmp(ctx->mun[i]->kommunenr, rr->rows[k].kommunenr)) {
                for (int y = ctx->first; y <= ctx->hist_to; y++)
                    for (int m = 0; m < REGINT__M_COUNT; m++) {
                        const regint__acc *a = regint__ctx_acc(ctx, i, y, m);
                        if (a)
                            nsup += (size_t)a->suppressed;
                    }
                break;
            }
    if (nsup) {
        regint__sb_printf(&b, "%zu suppressed cells (shown as ':', fewer than 5 persons) in %d-%d are counted as %g each.",
                          nsup, ctx->first, ctx->hist_to, REGINT__SUPPRESSED_ESTIMATE);
        if ((st = add_caveat(r, &b)))
            return st;
    }
    /* The population vintage: the year of the figure each municipality's population comes from. */
    int vmin = 0, vmax = 0;
    size_t unknown = 0;
    for (size_t k = 0; k < rr->n; k++) {
        int found = 0;
        for (int t = ctx->year; t >= ctx->year - 15 && !found; t--) {
            int64_t pp;
            regint__error_state saved;
            regint__error_save(&saved);
            if (regint_dataset_population(ctx->ds, rr->rows[k].kommunenr, t, &pp) == REGINT_OK) {
                found = t;
            }
            regint__error_restore(&saved);
        }
        if (!found) {
            unknown++;
            continue;
        }
        if (!vmin || found < vmin)
            vmin = found;
        if (found > vmax)
            vmax = found;
    }
    if (vmin && (vmin != ctx->year || vmax != ctx->year)) {
        if (vmin == vmax)
            regint__sb_printf(&b, "Population is that of 1 January %d, not of %d (the latest figure in the dataset).", vmin,
                              ctx->year);
        else
            regint__sb_printf(&b, "Population is that of 1 January %d-%d, not of %d (the latest figure in the dataset).",
                              vmin, vmax, ctx->year);
        if ((st = add_caveat(r, &b)))
            return st;
    }
    if (unknown) {
        regint__sb_printf(&b, "%zu municipalities have no population figure for %d or the 15 years before (a later one or the median is used).",
                          unknown, ctx->year);
        if ((st = add_caveat(r, &b)))
            return st;
    }
    return REGINT_OK;
}

/* The reason says what the bound is: "capped at the stated capacity" is the engine's word
 * for any hard upper bound; a council's decision or an exemption is named as such, and an
 * exclusion carries the profile's note. Returns the new reason or NULL to keep it. */
static char *reworded_reason(const regint_settlement_profile *p, const regint_settlement_recommendation_row_t *row,
                             int year, const char *note)
{
    static const char cap[] = "capped at the stated capacity";
    const char *at = strstr(row->reason, cap);
    const regint__local *d = entry_of(p, row->kommunenr, year, REGINT__LOCAL_DECISION);
    const regint__local *e = entry_of(p, row->kommunenr, year, REGINT__LOCAL_EXEMPTION);
    const regint__local *c = entry_of(p, row->kommunenr, year, REGINT__LOCAL_CAPACITY);
    regint__sb b = {0};
    if (at && !c && (d || e || p->data_decisions)) {
        regint__sb_put(&b, row->reason, (size_t)(at - row->reason));
        regint__sb_puts(&b, e && (!d || e->value <= d->value) ? "capped by the exemption at"
                            : d ? "capped at the council's decision"
                                : "capped at the council's decision in the data");
        regint__sb_puts(&b, at + sizeof cap - 1);
        return regint__sb_take(&b);
    }
    if (!row->asked && !strcmp(row->reason, "excluded by the profile") && *note) {
        regint__sb_printf(&b, "excluded by the profile: %s", note);
        return regint__sb_take(&b);
    }
    return NULL;
}

regint_status regint__local_annotate(const regint__ctx *ctx, const regint_settlement_profile *p,
                                     regint_settlement_recommendation *r)
{
    regint_status st;
    r->method = p->method;
    r->plan = regint__calloc(r->n ? r->n : 1, sizeof *r->plan);
    r->row_notes = regint__calloc(r->n ? r->n : 1, sizeof *r->row_notes);
    r->flags = regint__calloc(r->n ? r->n : 1, sizeof *r->flags);
    if (!r->plan || !r->row_notes || !r->flags)
        return regint__enomem();
    size_t nflag = 0;
    for (size_t k = 0; k < r->n; k++) {
        regint_settlement_recommendation_row_t *row = &r->rows[k];
        regint__sb b = {0};
        const regint__bound *bd = regint__bound_of(p, row->kommunenr);
        if (bd && bd->note && *bd->note)
            regint__sb_printf(&b, "bound: %s", bd->note);
        if (p->data_decisions && row->actual_decision.missing == REGINT_MISSING_NONE &&
            !entry_of(p, row->kommunenr, r->year, REGINT__LOCAL_DECISION))
            regint__sb_printf(&b, "%sdecision %d: %.0f - the council's decision in the data (IMDi vedtak), an upper bound",
                              b.n ? "; " : "", r->year, row->actual_decision.value);
        for (size_t i = 0; i < p->nlocal; i++)
            if (!strcmp(p->local[i].kommunenr, row->kommunenr) && p->local[i].year <= r->year + 1 &&
                p->local[i].year >= r->year - 1)
                put_entry(&b, &p->local[i]);
        if (!(r->row_notes[k] = regint__sb_take(&b)))
            return regint__enomem();
        regint__sb f = {0};
        row_flags(p, row, r->year, &f);
        nflag += f.n ? 1u : 0u;
        if (!(r->flags[k] = regint__sb_take(&f)))
            return regint__enomem();
        row->note = r->row_notes[k];
        row->flag = r->flags[k];
        regint__error_state saved;
        regint__error_save(&saved);
        char *reason = reworded_reason(p, row, r->year, row->note);
        if (reason) {
            free(r->reasons[k]);
            r->reasons[k] = reason;
            row->reason = reason;
        }
        regint__error_restore(&saved); /* out of memory keeps the engine's wording */
    }
    if (nflag) {
        /* Said once on the whole result too, so that no reader misses it. */
        regint__sb b = {0};
        regint__sb_puts(&b, r->note ? r->note : "");
        regint__sb_printf(&b, regint__tr(REGINT_LANG_EN, nflag == 1 ? REGINT__MSG_NOTE_FLAGS_ONE : REGINT__MSG_NOTE_FLAGS_MANY),
                          nflag);
        char *s = regint__sb_take(&b);
        if (!s)
            return regint__enomem();
        free(r->note);
        r->note = s;
    }
    if ((st = caveats(ctx, r, r)))
        return st;
    /* The plan figure for year + 1 (docs/settlement.md, "Plan figure"): by default the same
     * total, apportioned by the same scores and bounds. */
    r->plan_total = r->total;
    if ((st = regint_settlement_recommendation_plan(r, r->total, r->plan)))
        return st;
    for (size_t k = 0; k < r->n; k++)
        r->rows[k].plan = r->plan[k];
    return REGINT_OK;
}

void regint__local_result_free(regint_settlement_recommendation *r)
{
    free(r->plan);
    regint__settlement_free_strv(r->row_notes, r->n);
    regint__settlement_free_strv(r->flags, r->n);
    regint__settlement_free_strv(r->caveats, r->ncaveats);
}

/* ------------------------------------------------------------------------- */
/* Public accessors                                                          */

size_t regint_settlement_recommendation_caveat_count(const regint_settlement_recommendation *r)
{
    return r ? r->ncaveats : 0;
}

const char *regint_settlement_recommendation_caveat(const regint_settlement_recommendation *r, size_t i)
{
    return r && i < r->ncaveats ? r->caveats[i] : NULL;
}

int regint_settlement_recommendation_plan_year(const regint_settlement_recommendation *r)
{
    return r ? r->year + 1 : 0;
}

int64_t regint_settlement_recommendation_plan_total(const regint_settlement_recommendation *r)
{
    return r ? r->plan_total : 0;
}

regint_status regint_settlement_recommendation_set_plan_total(regint_settlement_recommendation *r, int64_t plan_total)
{
    if (!r)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommendation_set_plan_total: NULL argument");
    int64_t *plan = regint__calloc(r->n ? r->n : 1, sizeof *plan);
    if (!plan)
        return regint__enomem();
    regint_status st = regint_settlement_recommendation_plan(r, plan_total, plan);
    if (!st) {
        memcpy(r->plan, plan, r->n * sizeof *plan);
        for (size_t k = 0; k < r->n; k++)
            r->rows[k].plan = plan[k];
        r->plan_total = plan_total;
    }
    free(plan);
    return st;
}

regint_status regint_settlement_recommendation_plan(const regint_settlement_recommendation *r, int64_t plan_total,
                                                    int64_t *plan)
{
    if (!r || !plan)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommendation_plan: NULL argument");
    if (plan_total < 0)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommendation_plan: the plan total must be >= 0, got %lld",
                             (long long)plan_total);
    size_t n = r->n;
    if (!n)
        return REGINT_OK;
    double *w = regint__calloc(n, sizeof *w);
    int64_t *lo = regint__calloc(n, sizeof *lo), *up = regint__calloc(n, sizeof *up);
    int64_t *seats = regint__calloc(n, sizeof *seats);
    regint_status st = REGINT_OK;
    if (!w || !lo || !up || !seats) {
        st = regint__enomem();
        goto done;
    }
    int64_t slo = 0;
    int any = 0;
    for (size_t k = 0; k < n; k++) {
        const regint_settlement_recommendation_row_t *row = &r->rows[k];
        w[k] = row->asked ? row->score : 0;
        lo[k] = row->asked ? row->lower : 0;
        up[k] = row->asked ? row->upper : 0;
        slo += lo[k];
        any |= w[k] > 0;
    }
    /* A smaller plan total than the minimums: the minimums give way, shares stay. */
    if (slo > plan_total)
        for (size_t k = 0; k < n; k++)
            lo[k] = 0;
    regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
    ao.method = (regint_apportion_method)r->method;
    ao.lower = lo;
    ao.upper = up;
    if (!any)
        for (size_t k = 0; k < n; k++)
            w[k] = r->rows[k].asked ? 1 : 0;
    if (regint_apportion_double(w, n, plan_total, &ao, seats) != REGINT_OK) {
        char pre[128];
        snprintf(pre, sizeof pre, "regint_settlement_recommendation_plan: the plan total %lld with the year's bounds",
                 (long long)plan_total);
        st = regint__error_prefix(pre);
        goto done;
    }
    memcpy(plan, seats, n * sizeof *plan);
done:
    free(w);
    free(lo);
    free(up);
    free(seats);
    return st;
}
