/* Private: the working state of one recommendation and its steps (recommend.c calls them
 * in order: criteria.c, scoring.c, bounds.c). */
#ifndef REGINT_RECOMMEND_INTERNAL_H
#define REGINT_RECOMMEND_INTERNAL_H

#include <stdint.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "settlement/settlement_internal.h"

/* Per-run working state. */
typedef struct regint__work {
    size_t nm;             /* members (municipalities of the county) */
    size_t *idx;           /* ctx index of each member */
    double *x;             /* nm * nc raw values (NAN missing) */
    double *z;             /* nm * nc contributions (weighted) */
    double *w;             /* nc effective normalised weights */
    regint_level *level;   /* nc */
    regint_direction *dir; /* nc */
    double *pop;           /* population used (imputed) */
    int *asked, *pop_imputed, *hard_lo, *hard_up, *soft_up, *dropped, *pop_rule;
    int64_t *lo, *up, *seats, *minors;
    double *weights, *score, *tmp;
    /* "weights": "fitted" (fitted.c): the fit behind w, published with the result */
    int fit_from, fit_to;  /* years fitted on; 0 if none */
    size_t fit_n;          /* county-years fitted on */
    int fit_on_total;      /* 1: the regime variable came from the total asked (no requests in the data) */
} regint__work;

regint_status regint__work_alloc(regint__work *w, size_t nm, size_t nc);
void regint__work_free(regint__work *w);

/* Notes and reasons are written into the one string builder (util/strbuf.h). */

/* Small helpers (recommend.c). */
int regint__in_list(char *const *v, size_t n, const char *k);
int64_t regint__sat_add(int64_t a, int64_t b);
const regint__bound *regint__bound_of(const regint_settlement_profile *p, const char *kommunenr);

/* criteria.c: check the profile's criteria against the dataset (indicator levels and
 * directions; optional ones absent are left out with a note) and normalise their weights. */
regint_status regint__criteria_resolve(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                                       regint__sb *note);
/* criteria.c: each municipality's raw value of each criterion (w->x, NAN = missing). */
void regint__criteria_values(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w);

/* scoring.c: the fitted engine's criteria (profile "weights": "fitted"): w->w the weights fitted
 * for the county and year, w->x the raw values, w->z each criterion's share of the county. */
regint_status regint__fitted_values(const regint__ctx *ctx, const regint__recommend_args *opt,
                                    const regint_settlement_profile *p, regint__work *w, regint__sb *note);

/* scoring.c */
void regint__impute_population(const regint__ctx *ctx, regint__work *w, regint__sb *note);
void regint__select_asked(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w);
/* Scores in two steps (the scenario sweep re-combines with other weights, sweep.c):
 * regint__score_criteria() fills each criterion's unweighted share, regint__score_combine()
 * renormalises the weights over the criteria kept and sums the weighted shares. */
void regint__score_criteria(const regint_settlement_profile *p, regint__work *w, regint__sb *note);
void regint__score_combine(const regint_settlement_profile *p, regint__work *w);

/* recommend.c: the two halves of one run. _score: criterion values, who is asked, the scores
 * (independent of the total); _apportion: bounds for opt->total, the apportionment and the
 * minors. */
regint_status regint__recommend_score(const regint__ctx *ctx, const regint__recommend_args *opt,
                                      const regint_settlement_profile *p, regint__work *w, regint__sb *note);
/* recommend.c: the first part of _score, criterion values and weights (the profile's, or the
 * fitted engine's for the county, the year and, when the data have no requests for the year,
 * the total); shared with the scenario sweep. */
regint_status regint__score_values(const regint__ctx *ctx, const char *fylkesnr, int64_t total,
                                   const regint_settlement_profile *p, regint__work *w, regint__sb *note);
regint_status regint__recommend_apportion(const regint__ctx *ctx, const regint__recommend_args *opt,
                                          const regint_settlement_profile *p, regint__work *w, regint__sb *note);

/* bounds.c: lower and upper bounds of those asked, relaxed as the profile says. */
regint_status regint__bounds(const regint__ctx *ctx, const regint_settlement_profile *p, regint__work *w,
                             int64_t total, const char *fylkesnr, regint__sb *note);

#endif
