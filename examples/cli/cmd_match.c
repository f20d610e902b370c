/* regint match FILE: optimal matching of cases to municipalities (JSON instance). */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct match_args {
    const char *file;
    int fmt, per_person;
    double time_limit;
    int64_t max_nodes;
} match_args;

/* The values of options not given; -1: the library's default. */
static const match_args defaults = {NULL, CLI_JSON, 0, -1, -1};

static const cli_opt match_opts[] = {
    CLI_SUMMARY("optimal matching of cases to municipalities (JSON instance)"),
    CLI_ABOUT("Assign cases (families, never split) to municipalities maximising the total score.\n"
              "FILE is a JSON instance:\n"
              "  {\"capacity_unit\": \"cases\"|\"persons\", \"sizes\": [...], \"capacities\": [...],\n"
              "   \"scores\": [[...], ...]}   (one row per case, null = pair not allowed)\n"
              "optional: \"must_assign_all\" (default true), \"score_scale\" (scores are divided by it),\n"
              "\"ids\" (pseudonymous case ids; a fødselsnummer is refused).\n"),
    CLI_FLAG("json", match_args, fmt, CLI_JSON, "JSON output (default)"),
    CLI_FLAG("csv", match_args, fmt, CLI_CSV, "CSV output: case,municipality (-1 = not assigned)"),
    CLI_FLAG("per-person", match_args, per_person, 1, "scores are per person: multiply by the family size"),
    CLI_NUMBER("time-limit", "S", match_args, time_limit, 0, HUGE_VAL,
               "persons unit: stop after S seconds (default 60) and report the gap"),
    CLI_INT("max-nodes", "N", match_args, max_nodes, 1, INT64_MAX, 0,
            "persons unit: branch-and-bound node limit (default 200000)"),
    CLI_ARG("FILE", match_args, file, CLI_REQUIRED, "the instance"),
    CLI_NOTES("Capacity in cases is solved exactly (transportation problem); capacity in persons by\n"
              "branch and bound, with \"status\": \"gap\" and the bound when a limit stops it.\n"
              "Exit 1 with \"infeasibility is not proved\" when the limits stopped the search before\n"
              "any assignment was found (raise them); other infeasibility messages are proofs.\n"),
    CLI_END,
};

const cli_command cli_cmd_match = CLI_COMMAND("match", match_opts, cli_run_match);

static void progress(void *ctx, double fraction, const char *phase)
{
    (void)ctx;
    if (fraction > 1)
        fraction = 1;
    fprintf(stderr, "\rregint match: %s %5.1f%%", phase, 100.0 * fraction);
    fflush(stderr);
}

int cli_run_match(const cli_command *cmd, const void *parsed)
{
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    const match_args args = *(const match_args *)parsed;
    const char *file = args.file;
    int csv = args.fmt == CLI_CSV;
    o.score_per_person = args.per_person;
    if (args.time_limit >= 0)
        o.time_limit = args.time_limit;
    if (args.max_nodes >= 0)
        o.max_nodes = args.max_nodes;
    regint_match_instance *in = NULL;
    if (regint_match_instance_load_file(file, &in) != REGINT_OK)
        return cli_fail(cmd->name, NULL);
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
        return cli_fail(cmd->name, file);
    }
    if (csv) {
        printf("case,municipality\n");
        for (size_t c = 0; c < n; c++) {
            if (in->ids)
                cli_csv_field(stdout, in->ids[c], CLI_QUOTE_IF_NEEDED);
            else
                printf("%zu", c);
            printf(",%lld\n", (long long)asg[c]);
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
