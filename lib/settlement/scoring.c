/* Scoring: the population used, who is asked, and each municipality's score as the sum of
 * one contribution per criterion (docs/settlement.md, "Scores"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/i18n.h"
#include "settlement/recommend_internal.h"

/* Population used by rate criteria and the exclusion rule: the county median if unknown. */
void regint__impute_population(const regint__ctx *ctx, regint__work *w, regint__sb *note)
{
    for (size_t k = 0; k < w->nm; k++)
        w->pop[k] = ctx->pop[w->idx[k]];
    double pmed = regint__median(w->pop, w->nm, w->tmp);
    size_t nimp = 0;
    for (size_t k = 0; k < w->nm; k++)
        if (isnan(w->pop[k])) {
            w->pop[k] = isnan(pmed) ? 1.0 : pmed;
            w->pop_imputed[k] = 1;
            nimp++;
        }
    if (nimp)
        regint__sb_printf(note, "population unknown for %zu municipalities: the county median was used. ", nimp);
}

static int settled_within(const regint__ctx *ctx, size_t i, int years)
{
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double v;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED), REGINT__M_SETTLED, &v) && v > 0)
            return 1;
    }
    return 0;
}

/* Who is asked: not excluded by the profile, nor by its small-population rule (unless the
 * municipality settled recently or has a lower bound of its own). */
void regint__select_asked(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w)
{
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        const char *code = ctx->mun[i]->kommunenr;
        const regint__bound *b = regint__bound_of(p, code);
        w->asked[k] = 1;
        if (regint__in_list(p->exclude, p->nexclude, code)) {
            w->asked[k] = 0;
        } else if (p->exclude_pop_below > 0 && !w->pop_imputed[k] && w->pop[k] < (double)p->exclude_pop_below &&
                   !(p->keep_if_settled_within > 0 && settled_within(ctx, i, p->keep_if_settled_within)) &&
                   !(b && b->lower > 0)) {
            w->asked[k] = 0;
            w->pop_rule[k] = 1;
        }
    }
}

/* Sum of the population of those asked. */
static double asked_population(const regint__work *w)
{
    double ps = 0;
    for (size_t k = 0; k < w->nm; k++)
        if (w->asked[k])
            ps += w->pop[k];
    return ps;
}

/* A size criterion: each asked municipality's share of the county's sum (`tot`). */
static void score_size(const regint__criterion *cr, regint__work *w, size_t nc, size_t c, double tot,
                       regint__sb *note)
{
    if (cr->kind == REGINT__CRIT_POPULATION)
        tot = asked_population(w); /* population unknown: the imputed median */
    for (size_t k = 0; k < w->nm; k++) {
        if (!w->asked[k])
            continue;
        double v = w->x[k * nc + c];
        if (cr->kind == REGINT__CRIT_POPULATION)
            v = w->pop[k];
        else if (isnan(v))
            v = 0; /* no figures for the window: nothing requested/decided/settled */
        w->z[k * nc + c] = tot > 0 ? v / tot : NAN;
    }
    if (!(tot > 0)) {
        /* Nobody in the county has any: the criterion follows population. */
        regint__sb_printf(note, "criterion '%s' is 0 for every municipality asked: distributed by population. ",
                            cr->id);
        double ps = asked_population(w);
        for (size_t k = 0; k < w->nm; k++)
            if (w->asked[k])
                w->z[k * nc + c] = w->pop[k] / ps;
    }
}

/* A rate criterion: population share tilted by the value relative to the population-weighted
 * county mean (clamped), renormalised over those asked. */
static void score_rate(const regint__criterion *cr, regint__work *w, size_t nc, size_t c, double mean)
{
    double s = 0;
    for (size_t k = 0; k < w->nm; k++) {
        if (!w->asked[k])
            continue;
        double v = w->x[k * nc + c], r = 1;
        if (!isnan(v) && mean > 0) {
            if (w->dir[c] == REGINT_DIRECTION_LOWER_BETTER)
                r = v > 0 ? mean / v : cr->clamp_hi;
            else
                r = v / mean;
        }
        if (r < cr->clamp_lo)
            r = cr->clamp_lo;
        if (r > cr->clamp_hi)
            r = cr->clamp_hi;
        w->z[k * nc + c] = w->pop[k] * r;
        s += w->pop[k] * r;
    }
    for (size_t k = 0; k < w->nm; k++)
        if (w->asked[k])
            w->z[k * nc + c] = s > 0 ? w->z[k * nc + c] / s : 0;
}

/* Criterion c's share of each asked municipality (w->z column c). A criterion with no value
 * for anyone asked is left out (its weight marked -1 for the renormalisation). */
static void score_criterion(const regint_settlement_profile *p, regint__work *w, size_t c, regint__sb *note)
{
    const regint__criterion *cr = &p->crit[c];
    size_t nc = p->ncrit;
    double tot = 0, pw = 0, px = 0;
    size_t have = 0;
    for (size_t k = 0; k < w->nm; k++) {
        if (!w->asked[k])
            continue;
        double v = w->x[k * nc + c];
        if (isnan(v))
            continue;
        have++;
        tot += v;
        pw += w->pop[k];
        px += w->pop[k] * v;
    }
    if (have == 0) {
        regint__sb_printf(note, regint__tr(REGINT_LANG_EN, REGINT__MSG_NOTE_CRITERION_NO_VALUE), cr->id);
        w->w[c] = -1;
        return;
    }
    if (cr->use == REGINT__USE_SIZE)
        score_size(cr, w, nc, c, tot, note);
    else
        score_rate(cr, w, nc, c, pw > 0 ? px / pw : 0);
}

/* Every criterion's share of each asked municipality (w->z, not yet weighted); a criterion
 * with no value for anyone asked gets the weight -1 (left out). */
void regint__score_criteria(const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    if (p->fitted) {
        /* the fitted engine's shares of the county (regint__fitted_values), renormalised over
         * those asked like a size criterion */
        size_t nc = p->ncrit;
        for (size_t c = 0; c < nc; c++) {
            double s = 0;
            for (size_t k = 0; k < w->nm; k++)
                s += w->asked[k] ? w->z[k * nc + c] : 0;
            for (size_t k = 0; k < w->nm; k++)
                w->z[k * nc + c] = w->asked[k] && s > 0 ? w->z[k * nc + c] / s : 0;
        }
        return;
    }
    for (size_t c = 0; c < p->ncrit; c++)
        if (w->w[c] != 0)
            score_criterion(p, w, c, note);
}

/* Scores from the criterion shares: the weights are renormalised over the criteria kept; a
 * score is the sum of its weighted contributions (w->z becomes the weighted contributions). */
void regint__score_combine(const regint_settlement_profile *p, regint__work *w)
{
    size_t nc = p->ncrit;
    double ws = 0;
    for (size_t c = 0; c < nc; c++)
        if (w->w[c] > 0)
            ws += w->w[c];
    for (size_t c = 0; c < nc; c++)
        w->w[c] = (w->w[c] > 0 && ws > 0) ? w->w[c] / ws : 0;
    for (size_t k = 0; k < w->nm; k++) {
        double sc = 0;
        for (size_t c = 0; c < nc; c++) {
            double z = w->asked[k] && w->w[c] > 0 ? w->w[c] * w->z[k * nc + c] : 0;
            w->z[k * nc + c] = z;
            sc += z;
        }
        w->score[k] = sc;
    }
}

regint_status regint__fitted_values(const regint__ctx *ctx, const regint__recommend_args *opt,
                                    const regint_settlement_profile *p, regint__work *w, regint__sb *note)
{
    size_t nc = p->ncrit;
    const char *fylkesnr = opt->fylkesnr ? opt->fylkesnr : "00";
    regint__fitted f;
    regint_status st = regint__fitted_county(ctx->ds, fylkesnr, ctx->year, ctx->hist_to, opt->total, &f);
    if (st)
        return st;
    for (size_t c = 0; c < nc; c++) {
        w->w[c] = f.weights[c];
        w->level[c] = REGINT_LEVEL_KOMMUNE;
        w->dir[c] = REGINT_DIRECTION_NEUTRAL;
    }
    size_t outside = 0;
    for (size_t k = 0; k < w->nm; k++) {
        const char *code = ctx->mun[w->idx[k]]->kommunenr;
        size_t a = 0;
        while (a < f.n && strcmp(f.codes[a], code))
            a++;
        outside += a == f.n;
        for (size_t c = 0; c < nc; c++) {
            w->x[k * nc + c] = a < f.n ? f.raw[a * nc + c] : NAN;
            w->z[k * nc + c] = a < f.n ? f.share[a * nc + c] : 0;
        }
    }
    w->fit_from = f.fit_from;
    w->fit_to = f.fit_to;
    w->fit_n = f.fit_n;
    if (outside)
        regint__sb_printf(note, regint__tr(REGINT_LANG_EN, REGINT__MSG_NOTE_FITTED_OUTSIDE), outside, ctx->year,
                          fylkesnr);
    /* "population 0.1, spread 0.1, ...": one %s of the table's sentence, so that the letter puts
     * the sentence back into its language (regint__tr_back()). */
    regint__sb list = {0};
    for (size_t c = 0; c < nc; c++)
        regint__sb_printf(&list, "%s%s %.1f", c ? ", " : "", p->crit[c].id, f.weights[c]);
    if (f.fit_n)
        regint__sb_printf(note, regint__tr(REGINT_LANG_EN, REGINT__MSG_NOTE_FITTED_WEIGHTS), f.fit_from, f.fit_to,
                          f.fit_n, list.s ? list.s : "");
    else
        regint__sb_printf(note, regint__tr(REGINT_LANG_EN, REGINT__MSG_NOTE_FITTED_NONE), list.s ? list.s : "");
    /* no IMDi total for the county-year: fitted_from() took the regime from the total asked */
    w->fit_on_total = f.fit_n && f.actual_total <= 0 && f.n;
    if (w->fit_on_total)
        regint__sb_printf(note, regint__tr(REGINT_LANG_EN, REGINT__MSG_NOTE_FITTED_TOTAL), fylkesnr, ctx->year);
    regint__sb_free(&list);
    regint__fitted_free(&f);
    return REGINT_OK;
}
