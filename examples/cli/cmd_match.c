/* regint match FILE: optimal matching of cases to municipalities (JSON instance). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint match [options] FILE\n"
            "\n"
            "Assign cases (families, never split) to municipalities maximising the total score.\n"
            "FILE is a JSON instance:\n"
            "  {\"capacity_unit\": \"cases\"|\"persons\", \"sizes\": [...], \"capacities\": [...],\n"
            "   \"scores\": [[...], ...]}   (one row per case, null = pair not allowed)\n"
            "optional: \"must_assign_all\" (default true), \"score_scale\" (scores are divided by it),\n"
            "\"ids\" (pseudonymous case ids; a fødselsnummer is refused).\n"
            "\n"
            "options:\n"
            "  --json               JSON output (default)\n"
            "  --csv                CSV output: case,municipality (-1 = not assigned)\n"
            "  --per-person         scores are per person: multiply by the family size\n"
            "  --time-limit S       persons unit: stop after S seconds (default 60) and report the gap\n"
            "  --max-nodes N        persons unit: branch-and-bound node limit (default 200000)\n"
            "  -h, --help           this help\n"
            "\n"
            "Capacity in cases is solved exactly (transportation problem); capacity in persons by\n"
            "branch and bound, with \"status\": \"gap\" and the bound when a limit stops it.\n"
            "Exit 1 with \"infeasibility is not proved\" when the limits stopped the search before\n"
            "any assignment was found (raise them); other infeasibility messages are proofs.\n");
}

static void progress(void *ctx, double fraction, const char *phase)
{
    (void)ctx;
    if (fraction > 1)
        fraction = 1;
    fprintf(stderr, "\rregint match: %s %5.1f%%", phase, 100.0 * fraction);
    fflush(stderr);
}

int cmd_match(int argc, char **argv)
{
    const char *file = NULL;
    int csv = 0;
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return CLI_OK;
        } else if (!strcmp(a, "--json")) {
            csv = 0;
        } else if (!strcmp(a, "--csv")) {
            csv = 1;
        } else if (!strcmp(a, "--per-person")) {
            o.score_per_person = 1;
        } else if (!strcmp(a, "--time-limit") || !strcmp(a, "--max-nodes")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "regint match: %s needs a value\n", a);
                return CLI_USAGE;
            }
            char *end;
            const char *v = argv[++i];
            if (!strcmp(a, "--time-limit")) {
                o.time_limit = strtod(v, &end);
                if (end == v || *end || !(o.time_limit >= 0)) {
                    fprintf(stderr, "regint match: --time-limit: expected seconds, got '%s'\n", v);
                    return CLI_USAGE;
                }
            } else {
                long long n = strtoll(v, &end, 10);
                if (end == v || *end || n < 1) {
                    fprintf(stderr, "regint match: --max-nodes: expected a positive integer, got '%s'\n", v);
                    return CLI_USAGE;
                }
                o.max_nodes = n;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "regint match: unknown option '%s'\n\n", a);
            usage(stderr);
            return CLI_USAGE;
        } else if (!file) {
            file = a;
        } else {
            fprintf(stderr, "regint match: only one FILE is allowed\n");
            return CLI_USAGE;
        }
    }
    if (!file) {
        usage(stderr);
        return CLI_USAGE;
    }
    regint_match_instance *in = NULL;
    if (regint_match_instance_load_file(file, &in) != REGINT_OK)
        return cli_fail("match");
    o.unit = in->unit;
    o.must_assign_all = in->must_assign_all;
    o.score_scale = in->score_scale;
    int tty = isatty(STDERR_FILENO);
    if (tty) {
        o.progress = progress;
        o.progress_ctx = NULL;
    }
    size_t n = in->n_cases, m = in->n_munis;
    int64_t *asg = calloc(n ? n : 1, sizeof *asg), *used = calloc(m, sizeof *used);
    if (!asg || !used) {
        free(asg);
        free(used);
        regint_match_instance_free(in);
        fprintf(stderr, "regint match: out of memory\n");
        return CLI_BAD_INPUT;
    }
    regint_match_summary_t r;
    regint_status st = regint_match(in->scores, n, m, in->sizes, in->capacities, &o, asg, used, &r);
    if (tty && o.progress)
        fprintf(stderr, "\r%60s\r", "");
    if (st != REGINT_OK) {
        free(asg);
        free(used);
        regint_match_instance_free(in);
        fprintf(stderr, "regint: match: %s: %s\n", file, regint_last_error());
        return CLI_BAD_INPUT;
    }
    if (csv) {
        printf("case,municipality\n");
        for (size_t c = 0; c < n; c++) {
            if (in->ids)
                printf("%s,%lld\n", in->ids[c], (long long)asg[c]);
            else
                printf("%zu,%lld\n", c, (long long)asg[c]);
        }
    } else {
        printf("{\n  \"objective\": %.15g,\n  \"bound\": %.15g,\n  \"gap\": %.6g,\n  \"status\": \"%s\",\n",
               r.objective, r.bound, r.gap, r.quality == REGINT_MATCH_OPTIMAL ? "optimal" : "gap");
        printf("  \"capacity_unit\": \"%s\",\n  \"n_cases\": %zu,\n  \"n_assigned\": %zu,\n",
               regint_match_unit_name(in->unit), n, r.n_assigned);
        printf("  \"exact\": %s,\n", r.exact ? "true" : "false");
        if (in->unit == REGINT_MATCH_PERSONS)
            printf("  \"nodes\": %lld,\n", (long long)r.nodes);
        printf("  \"assignment\": [");
        for (size_t c = 0; c < n; c++)
            printf("%s%lld", c ? ", " : "", (long long)asg[c]);
        printf("],\n  \"used\": [");
        for (size_t j = 0; j < m; j++)
            printf("%s%lld", j ? ", " : "", (long long)used[j]);
        printf("],\n  \"capacities\": [");
        for (size_t j = 0; j < m; j++)
            printf("%s%lld", j ? ", " : "", (long long)in->capacities[j]);
        printf("]\n}\n");
    }
    free(asg);
    free(used);
    regint_match_instance_free(in);
    return CLI_OK;
}
