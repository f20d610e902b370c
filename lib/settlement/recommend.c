/* Recommendation: the steps of regint_settlement_recommend (criteria.c, scoring.c, bounds.c), the
 * apportionment of the total and the minors, the reasons, and the default total rule. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/options.h"
#include "dataset/aggregate.h"
#include "settlement/recommend_internal.h"

#include "regint/validate.h"

#include "regint/apportion.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double regint__median(const double *v, size_t n, double *tmp)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            tmp[k++] = v[i];
    if (!k)
        return NAN;
    qsort(tmp, k, sizeof *tmp, cmp_double);
    return k % 2 ? tmp[k / 2] : (tmp[k / 2 - 1] + tmp[k / 2]) / 2;
}

int regint__in_list(char *const *v, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], k))
            return 1;
    return 0;
}

static regint_value_t value_of_acc(const regint__acc *a)
{
    regint_value_t v = {NAN, REGINT_MISSING_UNKNOWN};
    if (!a || a->rows == 0)
        return v;
    if (a->present > 0) {
        v.value = a->sum; /* suppressed parts of a mixed sum count at their estimate */
        v.missing = REGINT_MISSING_NONE;
    } else if (a->suppressed > 0) {
        v.missing = REGINT_MISSING_SUPPRESSED;
    } else {
        v.missing = a->missing ? a->missing : REGINT_MISSING_UNKNOWN;
    }
    return v;
}

void regint__work_free(regint__work *w)
{
    free(w->idx); free(w->x); free(w->z); free(w->w); free(w->level); free(w->dir); free(w->pop);
    free(w->asked); free(w->pop_imputed); free(w->hard_lo); free(w->hard_up); free(w->soft_up);
    free(w->dropped); free(w->pop_rule); free(w->lo); free(w->up); free(w->seats); free(w->minors);
    free(w->weights); free(w->score); free(w->tmp);
}

regint_status regint__work_alloc(regint__work *w, size_t nm, size_t nc)
{
    size_t nx = nm * (nc ? nc : 1), n1 = nm ? nm : 1, nc1 = nc ? nc : 1;
    w->nm = nm;
    w->idx = regint__calloc(n1, sizeof *w->idx);
    w->x = regint__calloc(nx, sizeof *w->x);
    w->z = regint__calloc(nx, sizeof *w->z);
    w->w = regint__calloc(nc1, sizeof *w->w);
    w->level = regint__calloc(nc1, sizeof *w->level);
    w->dir = regint__calloc(nc1, sizeof *w->dir);
    w->pop = regint__calloc(n1, sizeof *w->pop);
    w->asked = regint__calloc(n1, sizeof(int));
    w->pop_imputed = regint__calloc(n1, sizeof(int));
    w->hard_lo = regint__calloc(n1, sizeof(int));
    w->hard_up = regint__calloc(n1, sizeof(int));
    w->soft_up = regint__calloc(n1, sizeof(int));
    w->dropped = regint__calloc(n1, sizeof(int));
    w->pop_rule = regint__calloc(n1, sizeof(int));
    w->lo = regint__calloc(n1, sizeof(int64_t));
    w->up = regint__calloc(n1, sizeof(int64_t));
    w->seats = regint__calloc(n1, sizeof(int64_t));
    w->minors = regint__calloc(n1, sizeof(int64_t));
    w->weights = regint__calloc(n1, sizeof(double));
    w->score = regint__calloc(n1, sizeof(double));
    w->tmp = regint__calloc(n1, sizeof(double));
    if (!w->idx || !w->x || !w->z || !w->w || !w->level || !w->dir || !w->pop || !w->asked ||
        !w->pop_imputed || !w->hard_lo || !w->hard_up || !w->soft_up || !w->dropped || !w->pop_rule ||
        !w->lo || !w->up || !w->seats || !w->minors || !w->weights || !w->score || !w->tmp)
        return regint__enomem();
    return REGINT_OK;
}

int64_t regint__sat_add(int64_t a, int64_t b)
{
    return (a > INT64_MAX - b) ? INT64_MAX : a + b;
}

/* regint_apportion_double, except that all-zero weights share the total equally above the
 * bounds instead of failing (a county where no criterion has a value still gets a result). */
static regint_status apportion_with(const double *weights, size_t n, int64_t total, int method,
                                    const int64_t *lo, const int64_t *up, int64_t *seats)
{
    regint_apportion_options ao = REGINT_APPORTION_OPTIONS_INIT;
    ao.method = (regint_apportion_method)method;
    ao.lower = lo;
    ao.upper = up;
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (weights[i] > 0)
            any = 1;
    if (any || n == 0)
        return regint_apportion_double(weights, n, total, &ao, seats);
    int64_t *ones = regint__calloc(n, sizeof *ones);
    if (!ones)
        return regint__enomem();
    for (size_t i = 0; i < n; i++)
        ones[i] = (!up || up[i] > 0) ? 1 : 0;
    regint_status st = regint_apportion(ones, n, total, &ao, seats);
    free(ones);
    return st;
}

regint_status regint__hamilton(const double *w, size_t n, int64_t total, int64_t *seats)
{
    return apportion_with(w, n, total, REGINT_APPORTION_HAMILTON, NULL, NULL, seats);
}

static regint_status check_profile_codes(const regint__ctx *ctx, const regint_settlement_profile *p)
{
    const regint_municipality_t *m;
    for (size_t i = 0; i < p->nexclude; i++)
        if (regint_dataset_municipality(ctx->ds, p->exclude[i], ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: exclude[%zu]: unknown municipality '%s' in %d",
                                 p->file, i, p->exclude[i], ctx->year);
    for (size_t i = 0; i < p->nexempt; i++)
        if (regint_dataset_municipality(ctx->ds, p->exempt[i], ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: minimum_exempt[%zu]: unknown municipality '%s' in %d",
                                 p->file, i, p->exempt[i], ctx->year);
    for (size_t i = 0; i < p->nbounds; i++)
        if (regint_dataset_municipality(ctx->ds, p->bounds[i].kommunenr, ctx->year, &m) != REGINT_OK)
            return regint__error(REGINT_ENOTFOUND, "%s: %s.kommunenr: unknown municipality '%s' in %d",
                                 p->file, p->bounds[i].path, p->bounds[i].kommunenr, ctx->year);
    return regint__local_check(ctx, p);
}

const regint__bound *regint__bound_of(const regint_settlement_profile *p, const char *k)
{
    for (size_t i = 0; i < p->nbounds; i++)
        if (!strcmp(p->bounds[i].kommunenr, k))
            return &p->bounds[i];
    return NULL;
}

static int ema_history(const regint__ctx *ctx, size_t i, int years)
{
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        const regint__acc *a = regint__ctx_acc(ctx, i, y, REGINT__M_EMA);
        if (a && (a->suppressed > 0 || (a->present > 0 && a->sum > 0)))
            return 1;
    }
    return 0;
}

/* Minors: among those asked with a history of unaccompanied minors, within their number. */
static regint_status apportion_minors(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                                      int64_t minors, regint__sb *note)
{
    regint_status st;
    int64_t cap = 0;
    for (size_t k = 0; k < w->nm; k++) {
        w->tmp[k] = (w->seats[k] > 0 && ema_history(ctx, w->idx[k], p->minors_years)) ? 1 : 0;
        if (w->tmp[k] > 0)
            cap += w->seats[k];
    }
    if (cap < minors) {
        regint__sb_printf(note, "municipalities with experience of unaccompanied minors can take %lld of %lld: all asked are considered for minors. ",
                            (long long)cap, (long long)minors);
        for (size_t k = 0; k < w->nm; k++)
            w->tmp[k] = w->seats[k] > 0 ? 1 : 0;
    }
    int64_t *mu = regint__calloc(w->nm, sizeof *mu);
    if (!mu)
        return regint__enomem();
    for (size_t k = 0; k < w->nm; k++) {
        mu[k] = w->tmp[k] > 0 ? w->seats[k] : 0;
        w->weights[k] = w->tmp[k] > 0 ? w->score[k] : 0;
    }
    st = apportion_with(w->weights, w->nm, minors, p->method, NULL, mu, w->minors);
    free(mu);
    if (st)
        return regint__error_prefix("settlement: apportioning the unaccompanied minors");
    return REGINT_OK;
}

/* Each municipality's criterion values (w->x) and the criterion weights: the profile's (checked
 * against the dataset) or, with "weights": "fitted", the fitted engine's for the county and year
 * (w->z then holds each criterion's share of the county). The lookups are probes: they leave no
 * error. Shared by a run and the scenario sweep (sweep.c). */
regint_status regint__score_values(const regint__ctx *ctx, const char *fylkesnr, int64_t total,
                                   const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    regint_status st;
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (p->fitted) {
        regint__recommend_args a = {fylkesnr, ctx->year, total, 0, p, 0};
        if ((st = regint__fitted_values(ctx, &a, p, w, note)))
            return st;
    } else {
        if ((st = regint__criteria_resolve(ctx, p, w, note)))
            return st;
        regint__criteria_values(ctx, p, w);
    }
    regint__error_restore(&saved_error);
    return REGINT_OK;
}

/* Criterion values, who is asked and the scores: the part of a run that does not depend on
 * the total (the scenario sweep runs it once, sweep.c). */
regint_status regint__recommend_score(const regint__ctx *ctx, const regint__recommend_args *opt,
                                      const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    regint_status st = regint__score_values(ctx, opt->fylkesnr, opt->total, p, w, note);
    if (st)
        return st;
    regint__impute_population(ctx, w, note);
    regint__select_asked(ctx, p, w);
    regint__score_criteria(p, w, note);
    regint__score_combine(p, w);
    return REGINT_OK;
}

/* Bounds for the total, the apportionment of the total and of the minors. */
regint_status regint__recommend_apportion(const regint__ctx *ctx, const regint__recommend_args *opt,
                                          const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    const char *fylkesnr = opt->fylkesnr ? opt->fylkesnr : "00";
    regint_status st;
    if ((st = regint__bounds(ctx, p, w, opt->total, fylkesnr, note)))
        return st;
    for (size_t k = 0; k < w->nm; k++)
        w->weights[k] = w->asked[k] ? w->score[k] : 0;
    if (apportion_with(w->weights, w->nm, opt->total, p->method, w->lo, w->up, w->seats))
        return regint__error_prefix("settlement: apportioning the total");
    if (opt->minors > 0)
        return apportion_minors(ctx, p, w, opt->minors, note);
    return REGINT_OK;
}

static regint_status run(const regint__ctx *ctx, const regint__recommend_args *opt,
                         const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    regint_status st = regint__recommend_score(ctx, opt, p, w, note);
    return st ? st : regint__recommend_apportion(ctx, opt, p, w, note);
}

/* The reason of member k in one language, built from the translation table's pieces
 * (lib/util/i18n.c, REASON_*): English is byte for byte the text of 0.2.0. */
static char *make_reason(const regint__ctx *ctx, const regint_settlement_profile *p, const regint__work *w,
                         size_t k, int64_t total, regint_lang lang)
{
    regint__sb b = {0};
    size_t nc = p->ncrit;
    char s1[32], s2[32];
#define TR(id) regint__tr(lang, REGINT__MSG_##id)
    if (!w->asked[k]) {
        if (w->dropped[k])
            regint__sb_printf(&b, TR(REASON_NOT_ASKED_MINIMUM), (long long)p->minimum);
        else if (w->pop_rule[k])
            regint__sb_printf(&b, TR(REASON_NOT_ASKED_POPULATION), w->pop[k], (long long)p->exclude_pop_below,
                              ctx->hist_to - p->keep_if_settled_within + 1, ctx->hist_to);
        else
            regint__sb_printf(&b, "%s", TR(REASON_EXCLUDED));
        return regint__sb_take(&b);
    }
    /* The two largest contributions. */
    long c1 = -1, c2 = -1;
    for (size_t c = 0; c < nc; c++) {
        double z = w->z[k * nc + c];
        if (c1 < 0 || z > w->z[k * nc + (size_t)c1]) {
            c2 = c1;
            c1 = (long)c;
        } else if (c2 < 0 || z > w->z[k * nc + (size_t)c2]) {
            c2 = (long)c;
        }
    }
    double quota = (double)total * w->score[k];
    regint__sb_printf(&b, TR(REASON_SCORE), regint__i18n_percent(lang, w->score[k], 1, s1, sizeof s1));
    if (c1 >= 0 && w->z[k * nc + (size_t)c1] > 0)
        regint__sb_printf(&b, TR(REASON_TOP1), regint__tr_criterion(lang, p->crit[c1].id),
                          regint__i18n_percent(lang, w->z[k * nc + (size_t)c1], 1, s2, sizeof s2));
    if (c2 >= 0 && w->z[k * nc + (size_t)c2] > 0)
        regint__sb_printf(&b, TR(REASON_TOP2), regint__tr_criterion(lang, p->crit[c2].id),
                          regint__i18n_percent(lang, w->z[k * nc + (size_t)c2], 1, s2, sizeof s2));
    if (c1 >= 0 && w->z[k * nc + (size_t)c1] > 0)
        regint__sb_printf(&b, "%s", TR(REASON_CLOSE));
    regint__sb_printf(&b, TR(REASON_QUOTA), regint__i18n_decimal(lang, quota, 1, s1, sizeof s1));
    if (w->seats[k] == w->lo[k] && quota < (double)w->lo[k])
        regint__sb_printf(&b, w->hard_lo[k]              ? TR(REASON_RAISED_PROFILE_LOWER)
                              : w->lo[k] == p->minimum ? TR(REASON_RAISED_MINIMUM)
                                                       : TR(REASON_RAISED_LOWER_SEE_NOTE),
                          (long long)w->lo[k]);
    if (w->up[k] != INT64_MAX && w->seats[k] == w->up[k] && quota > (double)w->up[k])
        regint__sb_printf(&b, w->hard_up[k] ? TR(REASON_CAPPED_CAPACITY) : TR(REASON_CAPPED_HISTORY),
                          (long long)w->up[k]);
    if (w->pop_imputed[k])
        regint__sb_printf(&b, "%s", TR(REASON_POPULATION_UNKNOWN));
#undef TR
    return regint__sb_take(&b);
}

regint_status regint__recommend_ctx(const regint__ctx *ctx, const regint__recommend_args *opt,
                                    const regint_settlement_profile *p, regint_settlement_recommendation **out)
{
    regint_status st;
    const regint_dataset *ds = ctx->ds;
    int national = !opt->fylkesnr || !strcmp(opt->fylkesnr, "00");
    const regint_county_t *county = NULL;
    if (!national && regint_dataset_county(ds, opt->fylkesnr, opt->year, &county) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "settlement: unknown county '%s' in %d", opt->fylkesnr, opt->year);
    if ((st = check_profile_codes(ctx, p)))
        return st;
    regint__work w;
    memset(&w, 0, sizeof w);
    size_t nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (national || !strcmp(ctx->mun[i]->fylkesnr, opt->fylkesnr))
            nm++;
    if (nm == 0)
        return regint__error(REGINT_ENOTFOUND, "settlement: county '%s' has no municipality valid in %d",
                             opt->fylkesnr, opt->year);
    size_t nc = p->ncrit;
    regint_settlement_recommendation *r = NULL;
    regint__sb note = {0};
    if ((st = regint__work_alloc(&w, nm, nc)))
        goto fail;
    nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (national || !strcmp(ctx->mun[i]->fylkesnr, opt->fylkesnr))
            w.idx[nm++] = i;
    if ((st = run(ctx, opt, p, &w, &note)))
        goto fail;
    if (ctx->unmapped)
        regint__sb_printf(&note, "%zu history figures had codes without a mapping to %d and were not used. ",
                            ctx->unmapped, ctx->year);

    r = regint__calloc(1, sizeof *r);
    if (!r) {
        st = regint__enomem();
        goto fail;
    }
    r->year = opt->year;
    r->history_to = ctx->hist_to;
    snprintf(r->fylkesnr, sizeof r->fylkesnr, "%s", national ? "00" : opt->fylkesnr);
    r->county_name = regint__strdup(national ? "Norge" : county->name);
    r->profile_name = regint__strdup(p->name);
    r->total = opt->total;
    r->minors = opt->minors;
    r->n = nm;
    r->ncrit = nc;
    r->fitted = p->fitted;
    r->fit_from = w.fit_from;
    r->fit_to = w.fit_to;
    r->fit_n = w.fit_n;
    r->fit_on_total = w.fit_on_total;
    r->rows = regint__calloc(nm, sizeof *r->rows);
    r->names = regint__calloc(3 * nm, sizeof *r->names);
    r->reasons = regint__calloc(REGINT_LANG_COUNT * nm, sizeof *r->reasons);
    r->crit_ids = regint__calloc(nc, sizeof *r->crit_ids);
    r->crit_w = regint__calloc(nc, sizeof *r->crit_w);
    r->contrib = regint__calloc(nm * nc, sizeof *r->contrib);
    r->values = regint__calloc(nm * nc, sizeof *r->values);
    r->note = regint__sb_take(&note);
    note.s = NULL;
    if (!r->county_name || !r->profile_name || !r->rows || !r->names || !r->reasons || !r->crit_ids ||
        !r->crit_w || !r->contrib || !r->values || !r->note) {
        st = regint__enomem();
        goto fail;
    }
    for (size_t c = 0; c < nc; c++) {
        if (!(r->crit_ids[c] = regint__strdup(p->crit[c].id))) {
            st = regint__enomem();
            goto fail;
        }
        r->crit_w[c] = w.w[c];
    }
    memcpy(r->contrib, w.z, nm * nc * sizeof *r->contrib);
    memcpy(r->values, w.x, nm * nc * sizeof *r->values);
    for (size_t k = 0; k < nm; k++) {
        size_t i = w.idx[k];
        const regint_municipality_t *m = ctx->mun[i];
        regint_settlement_recommendation_row_t *row = &r->rows[k];
        r->names[3 * k] = regint__strdup(m->kommunenr);
        r->names[3 * k + 1] = regint__strdup(m->name);
        r->names[3 * k + 2] = regint__strdup(m->fylkesnr);
        int reasons_ok = 1;
        for (int l = 0; l < REGINT_LANG_COUNT; l++) /* reasons[lang * nm + k] */
            reasons_ok &= !!(r->reasons[(size_t)l * nm + k] = make_reason(ctx, p, &w, k, opt->total, (regint_lang)l));
        if (!r->names[3 * k] || !r->names[3 * k + 1] || !r->names[3 * k + 2] || !reasons_ok) {
            st = regint__enomem();
            goto fail;
        }
        row->kommunenr = r->names[3 * k];
        row->name = r->names[3 * k + 1];
        row->fylkesnr = r->names[3 * k + 2];
        row->asked = w.asked[k];
        row->recommended = w.seats[k];
        row->minors = w.minors[k];
        row->lower = w.lo[k];
        row->upper = w.up[k];
        row->score = w.score[k];
        row->quota = (double)opt->total * w.score[k];
        row->population = ctx->pop[i];
        row->contributions = r->contrib + k * nc;
        row->values = r->values + k * nc;
        row->history_first_year = opt->year - REGINT_SETTLEMENT_HISTORY_YEARS;
        for (int h = 0; h < REGINT_SETTLEMENT_HISTORY_YEARS; h++) {
            int y = opt->year - REGINT_SETTLEMENT_HISTORY_YEARS + h;
            regint_value_t none = {NAN, REGINT_MISSING_UNKNOWN};
            if (y > ctx->hist_to) {
                row->request[h] = row->decision[h] = row->settled[h] = none;
                continue;
            }
            row->request[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_REQUEST));
            row->decision[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION));
            row->settled[h] = value_of_acc(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED));
        }
        row->actual_request = value_of_acc(regint__ctx_acc(ctx, i, opt->year, REGINT__M_REQUEST));
        row->actual_decision = value_of_acc(regint__ctx_acc(ctx, i, opt->year, REGINT__M_DECISION));
        row->reason = r->reasons[(size_t)REGINT_LANG_EN * nm + k];
    }
    if ((st = regint__local_annotate(ctx, p, r)))
        goto fail;
    regint__work_free(&w);
    *out = r;
    return REGINT_OK;
fail:
    regint__sb_free(&note);
    regint__work_free(&w);
    regint_settlement_recommendation_free(r);
    return st;
}

/* The default total rule (policy, so here and not in the CLI or the bindings): without a
 * total, the county's known requests for the year (the present figures, regint_aggregate_t::
 * partial: a request kept back for privacy is not counted); the minors follow the total's rule. */
static regint_status resolve_total(const regint_dataset *ds, regint__recommend_args *a)
{
    int from_requests = a->total == REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS;
    regint_aggregate_t sum;
    if (from_requests) {
        if (regint_settlement_county_sum(ds, a->fylkesnr, a->year, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL,
                                         &sum) != REGINT_OK ||
            isnan(sum.partial))
            return regint__error(REGINT_ENOTFOUND,
                                 "regint_settlement_recommend: total: the default, IMDi's actual requests to county "
                                 "'%s' for %d, is not in the dataset; give the total",
                                 a->fylkesnr ? a->fylkesnr : "00", a->year);
        a->total = llround(sum.partial);
    }
    if (a->minors == REGINT_SETTLEMENT_MINORS_DEFAULT) {
        regint__error_state saved_error;
        regint__error_save(&saved_error);
        a->minors = 0; /* no minors requested: no split */
        if (from_requests &&
            regint_settlement_county_sum(ds, a->fylkesnr, a->year, REGINT_MEASURE_REQUEST,
                                         REGINT_CATEGORY_UNACCOMPANIED, &sum) == REGINT_OK &&
            !isnan(sum.partial))
            a->minors = llround(sum.partial);
        regint__error_restore(&saved_error); /* a probe leaves no error */
    }
    return REGINT_OK;
}

regint_status regint_settlement_recommend(const regint_dataset *ds, const char *fylkesnr, int year,
                                          const regint_settlement_recommend_options *options,
                                          regint_settlement_recommendation **out)
{
    static const regint_settlement_recommend_options defaults = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommend: NULL argument");
    REGINT__OPTIONS_RESOLVE(options, defaults, REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION, "regint_settlement_recommend");
    regint__recommend_args args = {fylkesnr, year, options->total, options->minors, options->profile,
                                   options->history_to};
    if (year < 1900 || year > 2200)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommend: year %d is out of range", year);
    if (args.total < 0 && args.total != REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommend: the total must be >= 0, got %lld",
                             (long long)args.total);
    if (fylkesnr && !regint_validate_fylkesnr_format(fylkesnr))
        return regint__error(REGINT_EINVAL, "regint_settlement_recommend: county '%s' is not a 2-digit fylkesnr",
                             fylkesnr);
    const regint_county_t *county;
    if (fylkesnr && strcmp(fylkesnr, "00") && regint_dataset_county(ds, fylkesnr, year, &county) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "regint_settlement_recommend: fylkesnr: unknown county '%s' in %d",
                             fylkesnr, year);
    regint_status st = resolve_total(ds, &args);
    if (st)
        return st;
    if (args.minors < 0 || args.minors > args.total)
        return regint__error(REGINT_EINVAL, "regint_settlement_recommend: minors must be in [0, total %lld], got %lld",
                             (long long)args.total, (long long)args.minors);
    int hist_to = args.history_to ? args.history_to : year - 1;
    regint_settlement_profile *own = NULL;
    const regint_settlement_profile *p = args.profile;
    if (!p) {
        if ((st = regint_settlement_profile_default(&own)))
            return st;
        p = own;
    }
    regint__ctx ctx;
    st = regint__ctx_build(ds, year, hist_to, regint__profile_window(p), &ctx);
    if (!st) {
        st = regint__recommend_ctx(&ctx, &args, p, out);
        regint__ctx_free(&ctx);
    }
    regint_settlement_profile_free(own);
    return st;
}

regint_status regint_settlement_county_sum(const regint_dataset *ds, const char *fylkesnr, int year,
                                           regint_measure measure, regint_category category,
                                           regint_aggregate_t *out)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_settlement_county_sum: NULL argument");
    int national = !fylkesnr || !strcmp(fylkesnr, "00");
    const regint_county_t *c;
    if (!national && regint_dataset_county(ds, fylkesnr, year, &c) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "settlement: unknown county '%s' in %d", fylkesnr, year);
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    regint_status st = regint_dataset_municipalities_in(ds, year, national ? NULL : fylkesnr, &mun, &n);
    if (st)
        return st;
    /* The library's one rule for sums with missing values (dataset.h): a missing part makes the
     * sum missing; the present parts are summed in `partial`. */
    regint__agg a;
    memset(&a, 0, sizeof a);
    a.how = REGINT_AGGREGATE_SUM;
    for (size_t i = 0; i < n; i++) {
        regint_value_t v;
        regint_status found = regint_dataset_settlement(ds, mun[i]->kommunenr, year, measure, category, &v);
        regint__agg_add(&a, found, v, 1.0, 1.0);
    }
    regint_free((void *)mun);
    if (!a.n_parts)
        return regint__error(REGINT_ENOTFOUND, "settlement: no %s figure (%s) for county '%s' in %d",
                             regint_measure_name(measure), regint_category_name(category),
                             national ? "00" : fylkesnr, year);
    regint__agg_result(&a, 0, out);
    regint__error_restore(&saved_error); /* probes leave no error */
    return REGINT_OK;
}
