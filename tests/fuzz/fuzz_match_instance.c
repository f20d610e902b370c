/* Fuzz target: regint_match_instance_load_string on arbitrary bytes, then (small instances
 * only, so that an input stays fast) regint_match on what loaded.
 * Invariants: no crash, leak or UB; a failed load sets *out to NULL and names the file;
 * a solved instance has finite objective and bound (scores of ±1e308 once gave
 * "objective": inf), every case assigned when must_assign_all, capacities respected. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "regint/match.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    regint_match_instance *sentinel = (regint_match_instance *)&sentinel;
    regint_match_instance *in = sentinel;
    regint_status st = regint_match_instance_load_string((const char *)data, size, "fuzz.json", &in);
    if (st != REGINT_OK) {
        FUZZ_CHECK(in == NULL, "failed load did not set *out to NULL (as documented)");
        FUZZ_CHECK(strstr(regint_last_error(), "fuzz.json") != NULL, "message does not name the file: %s",
                   regint_last_error());
        return 0;
    }
    if (in->n_cases <= 12 && in->n_munis <= 6) {
        regint_match_options opt = REGINT_MATCH_OPTIONS_INIT;
        opt.unit = in->unit;
        opt.must_assign_all = in->must_assign_all;
        opt.score_scale = in->score_scale;
        opt.max_nodes = 2000;
        opt.time_limit = 2;
        int64_t asg[12], used[6];
        regint_match_summary_t r;
        st = regint_match(in->scores, in->n_cases, in->n_munis, in->sizes, in->capacities, &opt, asg, used, &r);
        if (st == REGINT_OK) {
            FUZZ_CHECK(isfinite(r.objective) && isfinite(r.bound) && isfinite(r.gap),
                       "non-finite result: %g %g %g", r.objective, r.bound, r.gap);
            for (size_t j = 0; j < in->n_munis; j++)
                FUZZ_CHECK(used[j] <= in->capacities[j], "capacity %zu exceeded", j);
            for (size_t c = 0; c < in->n_cases; c++)
                FUZZ_CHECK(!in->must_assign_all || asg[c] >= 0, "case %zu not assigned", c);
        }
    }
    regint_match_instance_free(in);
    return 0;
}
