/* The one rule for sums and means over parts with missing values (include/regint/dataset.h,
 * "Sums and missing values"), used by the settlement county sums and the knowledge base. */
#ifndef REGINT_DATASET_AGGREGATE_H
#define REGINT_DATASET_AGGREGATE_H

#include "regint/dataset.h"

typedef struct regint__agg {
    regint_aggregation how;
    double sum, wsum;
    size_t n_parts, n_missing, n_absent, n_present, n_na;
    regint_missing first_missing;
} regint__agg;

/* Add one part: `found` is the status of its lookup (not REGINT_OK: no row); a sum adds
 * v * frac (the part's share of it), a mean weighs v by `weight`. */
void regint__agg_add(regint__agg *a, regint_status found, regint_value_t v, double frac, double weight);
/* The aggregate of the parts added so far (`direct`: read from the area's own row). */
void regint__agg_result(const regint__agg *a, int direct, regint_aggregate_t *out);

#endif
