#include "dataset/aggregate.h"

#include <math.h>
#include <string.h>

void regint__agg_add(regint__agg *a, regint_status found, regint_value_t v, double frac, double weight)
{
    if (found != REGINT_OK) {
        a->n_absent++;
        return;
    }
    a->n_parts++;
    if (v.missing == REGINT_MISSING_NOT_APPLICABLE) {
        a->n_na++; /* a code outside its period ('.'): left out unless every part is */
        return;
    }
    if (v.missing != REGINT_MISSING_NONE) {
        if (a->n_missing++ == 0)
            a->first_missing = v.missing;
        return;
    }
    a->n_present++;
    if (a->how == REGINT_AGGREGATE_SUM) {
        a->sum += v.value * frac;
    } else {
        a->sum += v.value * weight;
        a->wsum += weight;
    }
}

void regint__agg_result(const regint__agg *a, int direct, regint_aggregate_t *out)
{
    memset(out, 0, sizeof *out);
    out->n_parts = a->n_parts;
    out->n_missing = a->n_missing;
    out->n_absent = a->n_absent;
    out->direct = direct;
    double val = NAN;
    if (a->n_present) {
        if (a->how == REGINT_AGGREGATE_SUM)
            val = a->sum;
        else
            val = a->wsum > 0 ? a->sum / a->wsum : NAN;
    }
    out->partial = val;
    if (a->n_missing) {
        out->value.value = NAN;
        out->value.missing = a->first_missing;
    } else if (!a->n_present && a->n_na) {
        out->value.value = NAN;
        out->value.missing = REGINT_MISSING_NOT_APPLICABLE;
        out->n_missing = a->n_na;
    } else if (a->n_present && a->n_absent) {
        /* Some part has no row at all: the total is not known (partial is a lower bound
         * for sums). */
        out->value.value = NAN;
        out->value.missing = REGINT_MISSING_UNKNOWN;
    } else if (a->n_present && !isnan(val)) {
        out->value.value = val;
        out->value.missing = REGINT_MISSING_NONE;
    } else {
        out->value.value = NAN;
        out->value.missing = REGINT_MISSING_UNKNOWN;
    }
}
