/* Back-test of settlement recommendations against IMDi's requests and the councils'
 * decisions, with two naive baselines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/accessor.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/jsonutil.h"
#include "util/options.h"
#include "util/enumname.h"
#include "util/error.h"
#include "settlement/settlement_internal.h"

#include "regint/validate.h"

struct regint_settlement_backtest {
    char *profile_name;
    regint_settlement_backtest_row_t *rows;
    size_t n, cap;
    char **strings;        /* 3 per row: fylkesnr, county name, note */
    regint_settlement_backtest_summary_t sum;
};

static const char *const method_names[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT] = {"profile", "population",
                                                                                  "last_decision"};

REGINT__ENUM_NAMES(regint_settlement_backtest_method, regint_settlement_backtest_method,
                   method_names, REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT, "back-test method")

void regint_settlement_backtest_free(regint_settlement_backtest *bt)
{
    if (!bt)
        return;
    free(bt->profile_name);
    regint__settlement_free_strv(bt->strings, 3 * bt->n);
    free(bt->rows);
    free(bt);
}

REGINT__COUNT_AT(regint_settlement_backtest_count, regint_settlement_backtest_row, regint_settlement_backtest,
                 regint_settlement_backtest_row_t, rows, n)

const regint_settlement_backtest_summary_t *regint_settlement_backtest_summary(const regint_settlement_backtest *bt)
{
    return bt ? &bt->sum : NULL;
}

static regint_status push_row(regint_settlement_backtest *bt, const regint_settlement_backtest_row_t *row, const char *fylkesnr,
                              const char *name, const char *note)
{
    if (bt->n == bt->cap) {
        size_t nc = bt->cap ? 2 * bt->cap : 32;
        regint_settlement_backtest_row_t *nr = regint__reallocarray(bt->rows, nc, sizeof *nr);
        if (!nr)
            return regint__enomem();
        bt->rows = nr;
        char **ns = regint__reallocarray(bt->strings, 3 * nc, sizeof *ns);
        if (!ns)
            return regint__enomem();
        bt->strings = ns;
        bt->cap = nc;
    }
    char *a = regint__strdup(fylkesnr), *b = regint__strdup(name), *c = regint__strdup(note);
    if (!a || !b || !c) {
        free(a);
        free(b);
        free(c);
        return regint__enomem();
    }
    bt->strings[3 * bt->n] = a;
    bt->strings[3 * bt->n + 1] = b;
    bt->strings[3 * bt->n + 2] = c;
    bt->rows[bt->n] = *row;
    bt->rows[bt->n].fylkesnr = a;
    bt->rows[bt->n].county_name = b;
    bt->rows[bt->n].note = c;
    bt->n++;
    return REGINT_OK;
}

static int winner_of(const double *mae)
{
    int best = -1;
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        if (isnan(mae[m]))
            continue;
        if (best < 0 || mae[m] < mae[best])
            best = m;
    }
    if (best < 0)
        return -1;
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
        if (m != best && !isnan(mae[m]) && fabs(mae[m] - mae[best]) < 1e-12)
            return -1;
    return best;
}

/* Accumulators for the pooled summary. */
typedef struct pool {
    double abs_r[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT], in_r[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];
    double abs_d[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT], in_d[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];
    size_t n_r[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT], n_d[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];
} pool;

static int last_request_year(const regint_dataset *ds)
{
    int last = 0;
    size_t ns = regint_dataset_settlement_count(ds);
    for (size_t i = 0; i < ns; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (s && s->measure == REGINT_MEASURE_REQUEST && s->category == REGINT_CATEGORY_ALL &&
            s->value.missing == REGINT_MISSING_NONE && s->year > last)
            last = s->year;
    }
    return last;
}

/* One county-year. */
static regint_status test_county(const regint__ctx *ctx, const regint_county_t *c,
                                 const regint_settlement_profile *p, regint_settlement_backtest *bt, pool *pl)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    size_t nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (!strcmp(ctx->mun[i]->fylkesnr, c->fylkesnr))
            nm++;
    if (nm == 0)
        return REGINT_OK;
    regint_status st = REGINT_OK;
    size_t *idx = regint__calloc(nm, sizeof *idx);
    double *act_r = regint__calloc(nm, sizeof *act_r), *act_d = regint__calloc(nm, sizeof *act_d);
    double *wpop = regint__calloc(nm, sizeof *wpop), *wdec = regint__calloc(nm, sizeof *wdec);
    double *tmp = regint__calloc(nm, sizeof *tmp);
    int64_t *pred = regint__calloc((size_t)REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT * nm, sizeof *pred);
    int *have_r = regint__calloc(nm, sizeof *have_r), *have_d = regint__calloc(nm, sizeof *have_d);
    int ok[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT] = {1, 1, 1};
    char note[512] = "";
    regint_settlement_recommendation *rec = NULL;
    if (!idx || !act_r || !act_d || !wpop || !wdec || !tmp || !pred || !have_r || !have_d) {
        st = regint__enomem();
        goto done;
    }
    nm = 0;
    for (size_t i = 0; i < ctx->n; i++)
        if (!strcmp(ctx->mun[i]->fylkesnr, c->fylkesnr))
            idx[nm++] = i;
    double total = 0;
    size_t nr = 0, nd = 0;
    double decsum = 0;
    for (size_t k = 0; k < nm; k++) {
        size_t i = idx[k];
        have_r[k] = regint__acc_value(regint__ctx_acc(ctx, i, ctx->year, REGINT__M_REQUEST), REGINT__M_REQUEST, &act_r[k]);
        have_d[k] = regint__acc_value(regint__ctx_acc(ctx, i, ctx->year, REGINT__M_DECISION), REGINT__M_DECISION, &act_d[k]);
        if (have_r[k]) {
            total += act_r[k];
            nr++;
        }
        nd += have_d[k] ? 1u : 0u;
        wpop[k] = ctx->pop[i];
        double d;
        wdec[k] = regint__acc_value(regint__ctx_acc(ctx, i, ctx->hist_to, REGINT__M_DECISION), REGINT__M_DECISION, &d) ? d : 0;
        decsum += wdec[k];
    }
    if (nr == 0 || !(total > 0))
        goto done; /* no requests for this county-year: nothing to test */
    int64_t itotal = llround(total);

    /* Population baseline (unknown population: the county median, as the profile does). */
    double med = regint__median(wpop, nm, tmp);
    if (isnan(med))
        med = 1;
    for (size_t k = 0; k < nm; k++)
        if (isnan(wpop[k]))
            wpop[k] = med;
    if ((st = regint__hamilton(wpop, nm, itotal, pred + REGINT_SETTLEMENT_BACKTEST_POPULATION * nm)))
        goto done;
    if (!(decsum > 0)) {
        memcpy(wdec, wpop, nm * sizeof *wdec);
        snprintf(note + strlen(note), sizeof note - strlen(note),
                 "no decisions in %d: last_decision follows population. ", ctx->hist_to);
    }
    if ((st = regint__hamilton(wdec, nm, itotal, pred + REGINT_SETTLEMENT_BACKTEST_LAST_DECISION * nm)))
        goto done;

    regint__recommend_args o = {c->fylkesnr, ctx->year, itotal, 0, p, ctx->hist_to};
    if (regint__recommend_ctx(ctx, &o, p, &rec) != REGINT_OK) {
        ok[REGINT_SETTLEMENT_BACKTEST_PROFILE] = 0;
        snprintf(note + strlen(note), sizeof note - strlen(note), "profile failed: %s", regint_last_error());
        regint__error_restore(&saved_error); /* probes leave no error */
    } else {
        for (size_t k = 0; k < nm; k++)
            pred[k] = regint_settlement_recommendation_row(rec, k)->recommended;
    }

    regint_settlement_backtest_row_t row;
    memset(&row, 0, sizeof row);
    row.year = ctx->year;
    row.municipalities = nm;
    row.total = itotal;
    row.n_request = nr;
    row.n_decision = nd;
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        row.mae_request[m] = row.within2_request[m] = row.mae_decision[m] = row.within2_decision[m] = NAN;
        if (!ok[m])
            continue;
        double sr = 0, ir = 0, sd = 0, id = 0;
        for (size_t k = 0; k < nm; k++) {
            double pv = (double)pred[(size_t)m * nm + k];
            if (have_r[k]) {
                double e = fabs(pv - act_r[k]);
                sr += e;
                ir += e <= 2 ? 1 : 0;
            }
            if (have_d[k]) {
                double e = fabs(pv - act_d[k]);
                sd += e;
                id += e <= 2 ? 1 : 0;
            }
        }
        row.mae_request[m] = sr / (double)nr;
        row.within2_request[m] = ir / (double)nr;
        pl->abs_r[m] += sr;
        pl->in_r[m] += ir;
        pl->n_r[m] += nr;
        if (nd) {
            row.mae_decision[m] = sd / (double)nd;
            row.within2_decision[m] = id / (double)nd;
            pl->abs_d[m] += sd;
            pl->in_d[m] += id;
            pl->n_d[m] += nd;
        }
    }
    row.winner_request = winner_of(row.mae_request);
    row.winner_decision = nd ? winner_of(row.mae_decision) : -1;
    if (row.winner_request >= 0)
        bt->sum.wins_request[row.winner_request]++;
    if (row.winner_decision >= 0)
        bt->sum.wins_decision[row.winner_decision]++;
    bt->sum.n_request += nr;
    bt->sum.n_decision += nd;
    bt->sum.rows++;
    if (!bt->sum.year_from || ctx->year < bt->sum.year_from)
        bt->sum.year_from = ctx->year;
    if (ctx->year > bt->sum.year_to)
        bt->sum.year_to = ctx->year;
    size_t L = strlen(note);
    while (L > 0 && note[L - 1] == ' ')
        note[--L] = '\0';
    st = push_row(bt, &row, c->fylkesnr, c->name, note);
done:
    regint_settlement_recommendation_free(rec);
    free(idx); free(act_r); free(act_d); free(wpop); free(wdec); free(tmp); free(pred);
    free(have_r); free(have_d);
    return st;
}

regint_status regint_settlement_backtest_run(const regint_dataset *ds, const regint_settlement_backtest_options *opt,
                                  regint_settlement_backtest **out)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_settlement_backtest_run: NULL argument");
    static const regint_settlement_backtest_options def = REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT;
    REGINT__OPTIONS_RESOLVE(opt, def, REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION, "regint_settlement_backtest_run");
    if (opt->fylkesnr && !regint_validate_fylkesnr_format(opt->fylkesnr))
        return regint__error(REGINT_EINVAL, "regint_settlement_backtest_run: county '%s' is not a 2-digit fylkesnr", opt->fylkesnr);
    int from = opt->year_from ? opt->year_from : REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM;
    int to = opt->year_to ? opt->year_to : last_request_year(ds);
    if (to == 0)
        return regint__error(REGINT_ENOTFOUND, "regint_settlement_backtest_run: the dataset has no IMDi requests");
    if (from < 1900 || to > 2200)
        return regint__error(REGINT_EINVAL, "regint_settlement_backtest_run: years %d-%d are outside 1900-2200", from, to);
    if (from > to)
        return regint__error(REGINT_EINVAL, "regint_settlement_backtest_run: years %d-%d are empty", from, to);
    if (opt->fylkesnr) {
        int known = 0;
        size_t nc = regint_dataset_county_count(ds);
        for (size_t i = 0; i < nc; i++) {
            const regint_county_t *c = regint_dataset_county_at(ds, i);
            if (!strcmp(c->fylkesnr, opt->fylkesnr) && c->valid_from <= to && c->valid_to >= from)
                known = 1;
        }
        if (!known)
            return regint__error(REGINT_ENOTFOUND, "regint_settlement_backtest_run: unknown county '%s' in %d-%d",
                                 opt->fylkesnr, from, to);
    }
    if (opt->profile && opt->profile->data_decisions)
        return regint__error(REGINT_EINVAL,
                             "%s: decisions_in_data: \"bound\" cannot be back-tested: it bounds each year by the "
                             "councils' decisions for that year in the data, the very answer the back-test scores "
                             "against (allowed: \"ignore\", the default)",
                             opt->profile->file);
    regint_settlement_profile *own = NULL;
    const regint_settlement_profile *p = opt->profile;
    regint_status st = REGINT_OK;
    if (!p) {
        if ((st = regint_settlement_profile_default(&own)))
            return st;
        p = own;
    }
    regint_settlement_backtest *bt = regint__calloc(1, sizeof *bt);
    if (!bt || !(bt->profile_name = regint__strdup(p->name))) {
        regint_settlement_backtest_free(bt);
        regint_settlement_profile_free(own);
        return regint__enomem();
    }
    pool pl;
    memset(&pl, 0, sizeof pl);
    int window = regint__profile_window(p);
    for (int y = from; y <= to && !st; y++) {
        regint__ctx ctx;
        if (regint__ctx_build(ds, y, y - 1, window, &ctx) != REGINT_OK) {
            regint__error_restore(&saved_error); /* probes leave no error */
            continue;
        }
        size_t nc = regint_dataset_county_count(ds);
        for (size_t i = 0; i < nc && !st; i++) {
            const regint_county_t *c = regint_dataset_county_at(ds, i);
            if (!c || c->valid_from > y || c->valid_to < y)
                continue;
            if (opt->fylkesnr && strcmp(c->fylkesnr, opt->fylkesnr))
                continue;
            st = test_county(&ctx, c, p, bt, &pl);
        }
        regint__ctx_free(&ctx);
    }
    regint_settlement_profile_free(own);
    if (st) {
        regint_settlement_backtest_free(bt);
        return st;
    }
    /* Rows in year, then county order. */
    for (size_t a = 1; a < bt->n; a++)
        for (size_t b = a; b > 0; b--) {
            regint_settlement_backtest_row_t *x = &bt->rows[b - 1], *yv = &bt->rows[b];
            if (x->year < yv->year || (x->year == yv->year && strcmp(x->fylkesnr, yv->fylkesnr) <= 0))
                break;
            regint_settlement_backtest_row_t t = *x;
            *x = *yv;
            *yv = t;
        }
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        bt->sum.mae_request[m] = pl.n_r[m] ? pl.abs_r[m] / (double)pl.n_r[m] : NAN;
        bt->sum.within2_request[m] = pl.n_r[m] ? pl.in_r[m] / (double)pl.n_r[m] : NAN;
        bt->sum.mae_decision[m] = pl.n_d[m] ? pl.abs_d[m] / (double)pl.n_d[m] : NAN;
        bt->sum.within2_decision[m] = pl.n_d[m] ? pl.in_d[m] / (double)pl.n_d[m] : NAN;
    }
    if (bt->n == 0) {
        regint_settlement_backtest_free(bt);
        return regint__error(REGINT_ENOTFOUND, "regint_settlement_backtest_run: no county-year with IMDi requests in %d-%d%s%s",
                             from, to, opt->fylkesnr ? " for county " : "", opt->fylkesnr ? opt->fylkesnr : "");
    }
    *out = bt;
    return REGINT_OK;
}

static int add_methods(cJSON *o, const char *key, const double *v)
{
    cJSON *m = cJSON_AddObjectToObject(o, key);
    if (!m)
        return 0;
    for (int i = 0; i < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; i++)
        if (!regint__json_add_number_or_null(
                m, regint_settlement_backtest_method_name((regint_settlement_backtest_method)i), v[i]))
            return 0;
    return 1;
}

static int add_winner(cJSON *o, const char *key, int w)
{
    if (w < 0)
        return cJSON_AddNullToObject(o, key) != NULL;
    return regint__json_add_string(o, key, regint_settlement_backtest_method_name((regint_settlement_backtest_method)w));
}

/* The comparison figures a row and the summary share, in this order. */
static int add_comparison(cJSON *o, size_t n_request, size_t n_decision, const double *mae_request,
                          const double *within2_request, const double *mae_decision, const double *within2_decision)
{
    return regint__json_add_number(o, "n_request", (double)n_request) &&
           regint__json_add_number(o, "n_decision", (double)n_decision) &&
           add_methods(o, "mae_request", mae_request) && add_methods(o, "within2_request", within2_request) &&
           add_methods(o, "mae_decision", mae_decision) && add_methods(o, "within2_decision", within2_decision);
}

/* One row of the back-test into the object o; 0 when out of memory. */
static int row_json(cJSON *o, const void *row)
{
    const regint_settlement_backtest_row_t *r = row;
    return regint__json_add_number(o, "year", r->year) && regint__json_add_string(o, "fylkesnr", r->fylkesnr) &&
           regint__json_add_string(o, "county", r->county_name) &&
           regint__json_add_number(o, "municipalities", (double)r->municipalities) &&
           regint__json_add_number(o, "total", (double)r->total) &&
           add_comparison(o, r->n_request, r->n_decision, r->mae_request, r->within2_request, r->mae_decision,
                          r->within2_decision) &&
           add_winner(o, "winner_request", r->winner_request) && add_winner(o, "winner_decision", r->winner_decision) &&
           regint__json_add_string(o, "note", r->note);
}

regint_status regint_settlement_backtest_to_json(const regint_settlement_backtest *bt, char **json)
{
    if (!bt || !json)
        return regint__error(REGINT_EINVAL, "regint_settlement_backtest_to_json: NULL argument");
    cJSON *doc = regint__json_new_doc("regint.backtest");
    int ok = doc && regint__json_add_string(doc, "profile", bt->profile_name);
    ok = ok && regint__json_add_objects(doc, "rows", bt->rows, bt->n, sizeof *bt->rows, row_json);
    cJSON *s = ok ? cJSON_AddObjectToObject(doc, "summary") : NULL;
    ok = ok && s;
    const regint_settlement_backtest_summary_t *su = &bt->sum;
    ok = ok && regint__json_add_number(s, "rows", (double)su->rows);
    ok = ok && regint__json_add_number(s, "year_from", su->year_from);
    ok = ok && regint__json_add_number(s, "year_to", su->year_to);
    ok = ok && add_comparison(s, su->n_request, su->n_decision, su->mae_request, su->within2_request,
                              su->mae_decision, su->within2_decision);
    double wr[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT], wd[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        wr[m] = (double)su->wins_request[m];
        wd[m] = (double)su->wins_decision[m];
    }
    ok = ok && add_methods(s, "wins_request", wr);
    ok = ok && add_methods(s, "wins_decision", wd);
    return regint__json_finish(doc, ok, json);
}
