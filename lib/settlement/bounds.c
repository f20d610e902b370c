/* Bounds of a recommendation: the minimum, caps from past decisions, the profile's own
 * bounds, and what gives way when they cannot all hold (docs/settlement.md, "Bounds"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "settlement/recommend_internal.h"

/* Soft cap from past decisions: factor * the largest decision of the window + add. */
static int64_t history_cap(const regint__ctx *ctx, const regint_settlement_profile *p, size_t i)
{
    double mx = 0;
    for (int y = ctx->hist_to - p->upper_years + 1; y <= ctx->hist_to; y++) {
        double d;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION), REGINT__M_DECISION, &d) && d > mx)
            mx = d;
    }
    double u = ceil(p->upper_factor * mx) + (double)p->upper_add;
    /* A cap beyond int64 is no cap (a double that large does not convert). */
    return u < 9.0e18 ? (int64_t)u : INT64_MAX;
}

/* Each municipality's lower and upper bound before any relaxation. */
static regint_status set_bounds(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w)
{
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        const char *code = ctx->mun[i]->kommunenr;
        const regint__bound *b = regint__bound_of(p, code);
        if (!w->asked[k]) {
            w->lo[k] = w->up[k] = 0;
            continue;
        }
        w->lo[k] = regint__in_list(p->exempt, p->nexempt, code) ? 0 : p->minimum;
        w->up[k] = INT64_MAX;
        if (p->upper_history) {
            w->up[k] = history_cap(ctx, p, i);
            w->soft_up[k] = 1;
        }
        if (b && b->upper >= 0) {
            w->up[k] = b->upper;
            w->hard_up[k] = 1;
            w->soft_up[k] = 0;
            if (w->lo[k] > b->upper)
                w->lo[k] = b->upper;
        }
        if (b && b->lower >= 0) {
            w->lo[k] = b->lower;
            w->hard_lo[k] = 1;
        }
        regint_status st = regint__local_bounds(ctx, p, i, &w->lo[k], &w->up[k], &w->hard_lo[k], &w->hard_up[k],
                                                &w->soft_up[k]);
        if (st)
            return st;
        if (w->up[k] < w->lo[k]) {
            if (w->hard_up[k])
                return regint__error(REGINT_EINFEASIBLE, "%s: %s: lower bound %lld is above the upper bound %lld",
                                     p->file, b ? b->path : "bounds", (long long)w->lo[k], (long long)w->up[k]);
            w->up[k] = w->lo[k];
        }
    }
    return REGINT_OK;
}

/* The asked municipality whose minimum gives way first: lowest score, then smallest
 * population; -1 if none has a minimum that may give way. */
static long weakest_minimum(const regint__work *w)
{
    long best = -1;
    for (size_t k = 0; k < w->nm; k++)
        if (w->asked[k] && !w->hard_lo[k] && w->lo[k] > 0 &&
            (best < 0 || w->score[k] < w->score[best] ||
             (w->score[k] == w->score[best] && w->pop[k] < w->pop[best])))
            best = (long)k;
    return best;
}

/* Minimums summing above the total: drop the lowest scores from those asked (the profile's
 * "drop_lowest"), except one that the others cannot do without. */
static regint_status apply_minimum(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                                   int64_t total, const char *fylkesnr, regint__sb *note)
{
    int64_t slo = 0, shard = 0;
    for (size_t k = 0; k < w->nm; k++) {
        slo = regint__sat_add(slo, w->lo[k]);
        if (w->asked[k] && w->hard_lo[k])
            shard = regint__sat_add(shard, w->lo[k]);
    }
    /* Hard lower bounds never give way (issue 15): a total below their sum is the caller's. */
    if (shard > total)
        return regint__error(REGINT_EINFEASIBLE,
                             "%s: bounds: the hard lower bounds (bounds[].lower and local agreements) of the municipalities of county %s sum to %lld, above the total %lld; allowed: a total of at least %lld",
                             p->file, fylkesnr, (long long)shard, (long long)total, (long long)shard);
    if (slo <= total)
        return REGINT_OK;
    if (!p->drop_lowest)
        return regint__error(REGINT_EINFEASIBLE,
                             "%s: minimum: the lower bounds of the %s municipalities asked sum to %lld, above the total %lld (when_minimums_exceed_total is \"error\")",
                             p->file, fylkesnr, (long long)slo, (long long)total);
    size_t ndrop = 0;
    while (slo > total) {
        long best = weakest_minimum(w);
        if (best < 0)
            return regint__error(REGINT_EINFEASIBLE,
                                 "%s: bounds: the profile's lower bounds sum to %lld, above the total %lld",
                                 p->file, (long long)slo, (long long)total);
        size_t still = 0;
        int64_t cap_others = 0; /* what the others asked can take (soft caps can be lifted) */
        for (size_t k = 0; k < w->nm; k++) {
            still += w->asked[k] ? 1u : 0u;
            if (w->asked[k] && k != (size_t)best)
                cap_others = regint__sat_add(cap_others, w->soft_up[k] ? INT64_MAX : w->up[k]);
        }
        if (still == 1 || cap_others < total) {
            /* The total is below one minimum, or the others cannot take the total
             * without `best`: it stays asked with what the others leave. */
            int64_t rest = slo - w->lo[best];
            int64_t nl = total - rest > 0 ? total - rest : 0;
            if (still == 1)
                regint__sb_printf(note, "the total %lld is below the minimum %lld: %s is asked for it all. ",
                                    (long long)total, (long long)w->lo[best], ctx->mun[w->idx[best]]->kommunenr);
            else
                regint__sb_printf(note, "the others asked can take only %lld of the total %lld: %s stays asked with a lower bound of %lld instead of the minimum %lld. ",
                                    (long long)cap_others, (long long)total, ctx->mun[w->idx[best]]->kommunenr,
                                    (long long)nl, (long long)w->lo[best]);
            slo = rest + nl;
            w->lo[best] = nl;
            if (w->up[best] < nl)
                w->up[best] = nl;
            continue;
        }
        slo -= w->lo[best];
        w->asked[best] = 0;
        w->dropped[best] = 1;
        w->soft_up[best] = 0;
        w->lo[best] = w->up[best] = 0;
        ndrop++;
    }
    if (ndrop)
        regint__sb_printf(note, "the minimum of %lld for every municipality would exceed the total %lld: the %zu with the lowest scores are not asked. ",
                            (long long)p->minimum, (long long)total, ndrop);
    return REGINT_OK;
}

/* Upper bounds summing below the total: soft caps (from past decisions) are lifted; hard
 * ones (stated capacity) make the recommendation infeasible. */
static regint_status lift_soft_caps(const regint_settlement_profile *p, regint__work *w, int64_t total,
                                    regint__sb *note)
{
    int64_t sup = 0, shard = 0;
    int any_soft = 0;
    for (size_t k = 0; k < w->nm; k++) {
        sup = regint__sat_add(sup, w->up[k]);
        shard = regint__sat_add(shard, w->soft_up[k] ? INT64_MAX : w->up[k]);
        any_soft |= w->soft_up[k];
    }
    if (sup >= total)
        return REGINT_OK;
    if (!any_soft || shard < total)
        return regint__error(REGINT_EINFEASIBLE, "%s: bounds: the upper bounds sum to %lld, below the total %lld",
                             p->file, (long long)shard, (long long)total);
    regint__sb_printf(note, "the caps from past decisions sum to %lld, below the total %lld: they were lifted. ",
                        (long long)sup, (long long)total);
    for (size_t k = 0; k < w->nm; k++)
        if (w->soft_up[k]) {
            w->up[k] = INT64_MAX;
            w->soft_up[k] = 2;
        }
    return REGINT_OK;
}

regint_status regint__bounds(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                             int64_t total, const char *fylkesnr, regint__sb *note)
{
    regint_status st;
    if ((st = set_bounds(ctx, p, w)) || (st = apply_minimum(ctx, p, w, total, fylkesnr, note)))
        return st;
    size_t nasked = 0;
    for (size_t k = 0; k < w->nm; k++)
        nasked += w->asked[k] ? 1u : 0u;
    if (nasked == 0 && total > 0)
        return regint__error(REGINT_EINFEASIBLE,
                             "%s: exclude: every municipality of county %s is excluded or not asked, so nobody can take the total %lld",
                             p->file, fylkesnr, (long long)total);
    return lift_soft_caps(p, w, total, note);
}
