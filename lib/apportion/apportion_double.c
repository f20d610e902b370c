/* The one path from real-valued (double) weights to regint_apportion's integer weights.
 *
 * Every finite double is an exact dyadic rational m * 2^e. Multiplying all weights by one
 * power of two changes no ratio and is exact (ldexp), so the only approximation is the final
 * rounding to an integer; the power is chosen as large as the int64 sum allows, so weights
 * within a factor 2^(B-53) of the largest (B below) are converted without any rounding and
 * the apportionment is then that of the doubles' exact ratios. Before this file, callers
 * scaled by 1e12 or 1e9 each in their own way (settlement, grants, guidance). */
#include "regint/apportion.h"

#include <math.h>
#include <stdlib.h>

#include "util/alloc.h"
#include "util/error.h"

/* Bits of the largest scaled weight: n weights of at most 2^bits each sum to at most 2^62. */
static int scale_bits(size_t n)
{
    int k = 0; /* ceil(log2(n)) */
    while (k < 62 && ((size_t)1 << k) < n)
        k++;
    return 62 - k > 1 ? 62 - k : 1;
}

regint_status regint_apportion_double(const double *weights, size_t n, int64_t total,
                                      const regint_apportion_options *opt, int64_t *seats)
{
    if (n > 0 && (!weights || !seats))
        return regint__error(REGINT_EINVAL, "apportion: %s: NULL with n = %zu", !weights ? "weights" : "seats", n);
    double max = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(weights[i]) || weights[i] < 0)
            return regint__error(REGINT_EINVAL, "apportion: weights[%zu]: must be finite and non-negative, got %g",
                                 i, weights[i]);
        if (weights[i] > max)
            max = weights[i];
    }
    int64_t *iw = regint__calloc(n ? n : 1, sizeof *iw);
    if (!iw)
        return regint__enomem();
    if (max > 0) {
        int e;
        (void)frexp(max, &e); /* max = f * 2^e, f in [0.5, 1) */
        int s = scale_bits(n) - e; /* max * 2^s = f * 2^bits < 2^bits */
        for (size_t i = 0; i < n; i++)
            iw[i] = llround(ldexp(weights[i], s));
    }
    regint_status st = regint_apportion(iw, n, total, opt, seats);
    free(iw);
    return st;
}
