/* Private: shared parts of the matching solvers (matching.c, matching_flow.c, matching_mip.c). */
#ifndef REGINT_MATCHING_INTERNAL_H
#define REGINT_MATCHING_INTERNAL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "regint/match.h"

/* Largest |integer score| the solvers accept (so that differences, ±2^30, fit in int32 and sums of
 * up to 2^32 of them fit in int64). */
#define REGINT__MATCH_AMAX ((int64_t)1 << 29)
/* Marks a forbidden pair in integer rows. */
#define REGINT__MATCH_FORBID INT32_MIN

typedef struct regint__match_problem {
    size_t n, m;                 /* cases, municipalities */
    const double *scores;        /* n × m, NaN = forbidden */
    double factor;               /* integer score = llround(score * factor) (* size) */
    const int64_t *sizes;        /* NULL = all 1 */
    int per_person;              /* multiply by size */
    int must_all;
    const int64_t *cap;          /* m capacities in the unit */
    int persons;                 /* weights are sizes (else 1) */
    const regint_match_options *opt;
    double t_start;              /* monotonic seconds at start */
} regint__match_problem;

/* Integer score of (c, j): REGINT__MATCH_FORBID if forbidden. */
static inline int32_t regint__match_a(const regint__match_problem *p, size_t c, size_t j)
{
    double s = p->scores[c * p->m + j];
    if (isnan(s))
        return REGINT__MATCH_FORBID;
    double t = s * p->factor;
    /* |t| <= 2^29 (checked by regint_match), so rounding half away from zero by hand is exact */
    int64_t v = (int64_t)(t >= 0 ? t + 0.5 : t - 0.5);
    if (p->per_person && p->sizes)
        v *= p->sizes[c];
    return (int32_t)v;
}

static inline int64_t regint__match_w(const regint__match_problem *p, size_t c)
{
    return (p->persons && p->sizes) ? p->sizes[c] : 1;
}

double regint__match_now(void);

/* Cases unit: exact optimum. assign[c] = municipality or -1. */
regint_status regint__match_flow(const regint__match_problem *p, int32_t *assign, int64_t *augmentations);
/* regint__match_flow with the warm start (prices from a coarse auction) on or off (the tests
 * compare both). *warm_used: 0 = not used (off, or not applicable: must_all unset, capacity
 * more than a quarter above demand), 1 = used and its result certified, 2 = used but not
 * certified (the plain method's result is returned; not expected). */
regint_status regint__match_flow_ex(const regint__match_problem *p, int warm_start, int32_t *assign,
                                   int64_t *augmentations, int *warm_used);

/* Persons unit: best assignment found, *bound = proved upper bound (integer units),
 * *optimal = 1 if proved optimal. */
regint_status regint__match_mip(const regint__match_problem *p, int32_t *assign, int64_t *bound,
                                int *optimal, int64_t *nodes);

/* Persons unit, exact method by the Lagrangian relaxation of the assignment rows with one 0-1
 * knapsack per municipality (matching_gap.c). S: n × m integer scores, REGINT__GAP_FORBID =
 * not allowed; x_out[c] = municipality or -1. The limits are time_limit seconds after
 * t_start (regint__match_now clock; <= 0 none) and max_nodes (<= 0 none). Memory: about
 * (n + 1) × (max capacity + 1) doubles for the knapsack tables. Returns 0, or -1 when out of
 * memory. */
#define REGINT__GAP_FORBID INT64_MIN
typedef struct regint__gap_result {
    int64_t objective; /* best assignment found */
    double bound;      /* proved upper bound (== objective when optimal) */
    int optimal;       /* 1 = proved */
    int feasible;      /* 0 = no assignment found */
    int infeasible;    /* 1 = proved that no assignment exists (must_assign_all) */
    long nodes, iters;
} regint__gap_result;
int regint__match_gap(int n, int m, const int64_t *size, const int64_t *cap, const int64_t *S, int maa,
                      double t_start, double time_limit, long max_nodes, int *x_out, regint__gap_result *res);
/* regint__match_mip's exact method when the knapsack tables fit (*used = 1; otherwise *used = 0
 * and nothing is done). Same contract as regint__match_mip. */
regint_status regint__match_gap_try(const regint__match_problem *p, int32_t *assign, int64_t *bound, int *optimal,
                                    int64_t *nodes, int *used);

/* regint_match_instance_load_string's fast path: the top-level "scores" array is read straight
 * from the text (8 bytes per score instead of a cJSON tree), the rest of the document through
 * cJSON. Fails (with a message that is not meant for users) on anything but a well-formed
 * document, for which load_string parses the whole document and reports the error. */
regint_status regint__match_instance_load_streamed(const char *text, size_t len, const char *name,
                                                  regint_match_instance **out);

#endif
