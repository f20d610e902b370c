/* The scenario sweep (issue 15): a county scored once, re-apportioned per variant. A run of
 * regint_settlement_recommend() builds the year's context, resolves the criteria, reads every
 * municipality's values and scores them; of that only the weighted sum and the apportionment
 * depend on a variant's total or weights. The sweep keeps the context and the unweighted
 * criterion shares, and per variant re-combines the weights (the arithmetic of
 * regint__criteria_resolve() and regint__score_combine(), so a variant gives exactly the numbers
 * of a full run with the profile's weights multiplied) and runs the bounds and the
 * apportionment. Unaccompanied minors are not split in a variant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settlement/recommend_internal.h"

struct regint__sweep {
    regint__ctx ctx;
    int have_ctx;
    regint__work w;
    const regint_settlement_profile *p;
    char fylkesnr[8];
    int year;
    double *zraw;   /* nm * nc unweighted criterion shares */
    double *wres;   /* nc: the weights after regint__score_criteria() (0 unused, -1 left out) */
    double *score0; /* nm: the profile's scores */
    int *asked0;    /* nm: who is asked before the bounds */
};

void regint__sweep_free(regint__sweep *s)
{
    if (!s)
        return;
    if (s->have_ctx)
        regint__ctx_free(&s->ctx);
    regint__work_free(&s->w);
    free(s->zraw);
    free(s->wres);
    free(s->score0);
    free(s->asked0);
    free(s);
}

regint_status regint__sweep_new(const regint_dataset *ds, const char *fylkesnr, int year, int64_t total,
                                const regint_settlement_profile *p, regint__sweep **out)
{
    regint__sweep *s = regint__calloc(1, sizeof *s);
    if (!s)
        return regint__enomem();
    s->p = p;
    s->year = year;
    snprintf(s->fylkesnr, sizeof s->fylkesnr, "%s", fylkesnr);
    regint__sb note = {0};
    regint_status st = regint__ctx_build(ds, year, year - 1, regint__profile_window(p), &s->ctx);
    if (st) {
        free(s);
        return st;
    }
    s->have_ctx = 1;
    size_t nm = 0, nc = p->ncrit;
    for (size_t i = 0; i < s->ctx.n; i++)
        nm += !strcmp(s->ctx.mun[i]->fylkesnr, fylkesnr);
    if (nm == 0) {
        st = regint__error(REGINT_ENOTFOUND, "settlement: county '%s' has no municipality valid in %d", fylkesnr, year);
        goto fail;
    }
    if ((st = regint__work_alloc(&s->w, nm, nc)))
        goto fail;
    nm = 0;
    for (size_t i = 0; i < s->ctx.n; i++)
        if (!strcmp(s->ctx.mun[i]->fylkesnr, fylkesnr))
            s->w.idx[nm++] = i;
    s->zraw = regint__calloc(nm * nc + 1, sizeof *s->zraw);
    s->wres = regint__calloc(nc + 1, sizeof *s->wres);
    s->score0 = regint__calloc(nm, sizeof *s->score0);
    s->asked0 = regint__calloc(nm, sizeof *s->asked0);
    if (!s->zraw || !s->wres || !s->score0 || !s->asked0) {
        st = regint__enomem();
        goto fail;
    }
    /* regint__recommend_score() in two halves, keeping the unweighted shares between them. */
    if ((st = regint__score_values(&s->ctx, s->fylkesnr, total, p, &s->w, &note)))
        goto fail;
    regint__impute_population(&s->ctx, &s->w, &note);
    regint__select_asked(&s->ctx, p, &s->w);
    regint__score_criteria(p, &s->w, &note);
    memcpy(s->zraw, s->w.z, nm * nc * sizeof *s->zraw);
    memcpy(s->wres, s->w.w, nc * sizeof *s->wres);
    memcpy(s->asked0, s->w.asked, nm * sizeof *s->asked0);
    regint__score_combine(p, &s->w);
    memcpy(s->score0, s->w.score, nm * sizeof *s->score0);
    regint__sb_free(&note);
    *out = s;
    return REGINT_OK;
fail:
    regint__sb_free(&note);
    regint__sweep_free(s);
    return st;
}

size_t regint__sweep_count(const regint__sweep *s) { return s->w.nm; }

regint_status regint__sweep_run(regint__sweep *s, int64_t total, const double *mult, int64_t *seats, double *score)
{
    regint__work *w = &s->w;
    const regint_settlement_profile *p = s->p;
    size_t nm = w->nm, nc = p->ncrit;
    if (mult) {
        /* regint__criteria_resolve()'s normalisation of the changed weights, then the marks of
         * the criteria left out, then regint__score_combine(): the arithmetic of a full run. */
        double wsum = 0;
        for (size_t c = 0; c < nc; c++) {
            /* a fitted profile's weights are the fitted ones (wres), a profile's its own */
            w->w[c] = s->wres[c] != 0 ? (p->fitted ? s->wres[c] : p->crit[c].weight) * mult[c] : 0;
            wsum += w->w[c];
        }
        for (size_t c = 0; c < nc; c++)
            w->w[c] = s->wres[c] < 0 ? -1 : wsum > 0 ? w->w[c] / wsum : 0;
        memcpy(w->z, s->zraw, nm * nc * sizeof *w->z);
        regint__score_combine(p, w);
    } else {
        memcpy(w->score, s->score0, nm * sizeof *w->score);
    }
    memcpy(w->asked, s->asked0, nm * sizeof *w->asked);
    memset(w->dropped, 0, nm * sizeof *w->dropped);
    memset(w->hard_lo, 0, nm * sizeof *w->hard_lo);
    memset(w->hard_up, 0, nm * sizeof *w->hard_up);
    memset(w->soft_up, 0, nm * sizeof *w->soft_up);
    regint__recommend_args a = {s->fylkesnr, s->year, total, 0, p, 0};
    regint__sb note = {0};
    regint_status st = regint__recommend_apportion(&s->ctx, &a, p, w, &note);
    regint__sb_free(&note);
    if (st)
        return st;
    memcpy(seats, w->seats, nm * sizeof *seats);
    if (score)
        memcpy(score, w->score, nm * sizeof *score);
    return REGINT_OK;
}
