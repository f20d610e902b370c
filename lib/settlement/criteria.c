/* Criteria of a profile against the dataset, and each municipality's raw value of each. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/error.h"
#include "settlement/recommend_internal.h"

/* Mean over the window years (those with a usable figure) of a measure. */
static int history_mean(const regint__ctx *ctx, size_t i, int m, int years, double *out)
{
    double sum = 0;
    int cnt = 0;
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double v;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, m), m, &v)) {
            sum += v;
            cnt++;
        }
    }
    if (!cnt)
        return 0;
    *out = sum / cnt;
    return 1;
}

static int delivery_rate(const regint__ctx *ctx, size_t i, int years, double *out)
{
    double ss = 0, sd = 0;
    for (int y = ctx->hist_to - years + 1; y <= ctx->hist_to; y++) {
        double s, d;
        if (regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_SETTLED), REGINT__M_SETTLED, &s) &&
            regint__acc_value(regint__ctx_acc(ctx, i, y, REGINT__M_DECISION), REGINT__M_DECISION, &d) &&
            d > 0) {
            ss += s;
            sd += d;
        }
    }
    if (!(sd > 0))
        return 0;
    *out = ss / sd;
    return 1;
}

/* The area of an indicator observation for a municipality: itself, its county in the
 * context year, or the county of its code in the observation year. */
static int observation_for(const regint__ctx *ctx, size_t i, const char *ind, const char *per,
                           const char *cat, regint_level level, int years, double *out)
{
    const regint_municipality_t *m = ctx->mun[i];
    for (int y = ctx->hist_to; y > ctx->hist_to - years; y--) {
        const char *areas[4];
        size_t na = 0;
        const char **to = NULL, **prev = NULL;
        size_t nt = 0, np = 0;
        if (level == REGINT_LEVEL_KOMMUNE) {
            areas[na++] = m->kommunenr;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, y, &to, &nt) == REGINT_OK && nt == 1 &&
                strcmp(to[0], m->kommunenr))
                areas[na++] = to[0];
        } else if (level == REGINT_LEVEL_FYLKE) {
            areas[na++] = m->fylkesnr;
            const regint_municipality_t *old = NULL;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, y, &to, &nt) == REGINT_OK && nt >= 1 &&
                regint_dataset_municipality(ctx->ds, to[0], y, &old) == REGINT_OK &&
                strcmp(old->fylkesnr, m->fylkesnr))
                areas[na++] = old->fylkesnr;
            /* County-level series kept in an older county structure (e.g. the 2020 counties):
             * the county of the code's predecessor in the year before the code began. */
            const regint_municipality_t *pm = NULL;
            if (regint_dataset_map_code(ctx->ds, m->kommunenr, ctx->year, m->valid_from - 1, &prev, &np) == REGINT_OK &&
                np >= 1 && regint_dataset_municipality(ctx->ds, prev[0], m->valid_from - 1, &pm) == REGINT_OK &&
                strcmp(pm->fylkesnr, m->fylkesnr))
                areas[na++] = pm->fylkesnr;
        } else {
            areas[na++] = "00";
        }
        int found = 0;
        double v = NAN;
        for (size_t a = 0; a < na && !found; a++) {
            regint_value_t x, d;
            const char *cats[2] = {cat, "alle"};
            for (size_t c = 0; c < (*cat ? 1u : 2u) && !found; c++) {
                if (regint_dataset_observation(ctx->ds, ind, areas[a], y, cats[c], &x) != REGINT_OK ||
                    x.missing != REGINT_MISSING_NONE)
                    continue;
                if (per) {
                    if (regint_dataset_observation(ctx->ds, per, areas[a], y, cats[c], &d) != REGINT_OK ||
                        d.missing != REGINT_MISSING_NONE || !(d.value > 0))
                        continue;
                    v = x.value / d.value;
                } else {
                    v = x.value;
                }
                found = 1;
            }
        }
        regint_free(to);
        regint_free(prev);
        if (found) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

regint_status regint__criteria_resolve(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                                       regint__sb *note)
{
    size_t nc = p->ncrit;
    double wsum = 0;
    for (size_t c = 0; c < nc; c++) {
        const regint__criterion *cr = &p->crit[c];
        w->w[c] = cr->weight;
        w->dir[c] = cr->direction;
        w->level[c] = REGINT_LEVEL_KOMMUNE;
        if (cr->kind == REGINT__CRIT_INDICATOR) {
            const regint_indicator_t *ind = NULL, *per = NULL;
            int ok = regint_dataset_indicator(ctx->ds, cr->indicator, &ind) == REGINT_OK;
            int pok = !cr->per || regint_dataset_indicator(ctx->ds, cr->per, &per) == REGINT_OK;
            if (!ok || !pok) {
                const char *missing = !ok ? cr->indicator : cr->per;
                if (cr->optional) {
                    regint__sb_printf(note, "criterion '%s' left out: indicator '%s' is not in the dataset's catalogue. ",
                                        cr->id, missing);
                    w->w[c] = 0;
                    continue;
                }
                return regint__error(REGINT_ENOTFOUND,
                                     "%s: %s.%s: unknown indicator '%s' (not a built-in criterion and not in the dataset's catalogue)",
                                     p->file, cr->path, !ok ? (cr->indicator_is_id ? "id" : "indicator") : "per",
                                     missing);
            }
            w->level[c] = ind->level;
            if (per && per->level != ind->level)
                return regint__error(REGINT_EINVAL, "%s: %s.per: '%s' and '%s' are published for different levels",
                                     p->file, cr->path, cr->indicator, cr->per);
            if (w->dir[c] == REGINT_DIRECTION_NEUTRAL)
                w->dir[c] = cr->per ? REGINT_DIRECTION_NEUTRAL : ind->direction;
            if (w->dir[c] == REGINT_DIRECTION_NEUTRAL)
                return regint__error(REGINT_EINVAL,
                                     "%s: %s.direction: indicator '%s' has no direction in the catalogue; give \"higher_better\" or \"lower_better\"",
                                     p->file, cr->path, cr->indicator);
        }
        wsum += w->w[c];
    }
    /* Normalised weights; each criterion distributes its share over the asked. */
    for (size_t c = 0; c < nc; c++)
        w->w[c] = wsum > 0 ? w->w[c] / wsum : 0;
    return REGINT_OK;
}

void regint__criteria_values(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w)
{
    size_t nc = p->ncrit;
    for (size_t k = 0; k < w->nm; k++) {
        size_t i = w->idx[k];
        for (size_t c = 0; c < nc; c++) {
            const regint__criterion *cr = &p->crit[c];
            double v = NAN;
            int ok = 0;
            switch (cr->kind) {
            case REGINT__CRIT_POPULATION: v = ctx->pop[i]; ok = !isnan(v); break;
            case REGINT__CRIT_REQUESTS: ok = history_mean(ctx, i, REGINT__M_REQUEST, cr->years, &v); break;
            case REGINT__CRIT_DECISIONS: ok = history_mean(ctx, i, REGINT__M_DECISION, cr->years, &v); break;
            case REGINT__CRIT_SETTLED: ok = history_mean(ctx, i, REGINT__M_SETTLED, cr->years, &v); break;
            case REGINT__CRIT_DELIVERY_RATE: ok = delivery_rate(ctx, i, cr->years, &v); break;
            case REGINT__CRIT_INDICATOR:
                if (w->w[c] > 0 || cr->weight == 0)
                    ok = observation_for(ctx, i, cr->indicator, cr->per, cr->category, w->level[c], cr->years, &v);
                break;
            }
            w->x[k * nc + c] = ok ? v : NAN;
        }
    }
}
