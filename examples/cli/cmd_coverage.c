/* regint coverage — which municipalities a task or network covers, and which attended no
 * competence-raising gathering in the last N months. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct coverage_args {
    const char *data, *county, *network, *task, *as_of;
    int64_t months;
    int fmt;
} coverage_args;

/* The values of options not given. */
static const coverage_args defaults = {NULL, NULL, NULL, NULL, NULL, 0, CLI_TABLE};

static const cli_opt coverage_opts[] = {
    CLI_SUMMARY("which municipalities a task or network covers"),
    CLI_ABOUT("Which municipalities a task or network covers, and which attended no competence-raising\n"
              "gathering in the last N months.\n"),
    CLI_OPT_DATA(coverage_args),
    CLI_STRING("network", "ID", coverage_args, network, 0,
               "municipalities covered by a network on the date (active members)"),
    CLI_STRING("task", "NAME", coverage_args, task, 0,
               "covered by the task's networks and agreements in force: settlement,\n"
               "negative_social_control, competence, volunteering,\n"
               "sector_collaboration, grants, career_guidance"),
    CLI_INT("months", "N", coverage_args, months, 1, 1200, 0,
            "municipalities that attended no competence-raising gathering in the\n"
            "N months up to the date (default 12)"),
    CLI_STRING("as-of", "DATE", coverage_args, as_of, 0, "the date (default today)"),
    CLI_OPT_COUNTY(coverage_args, "county (default: the section's county)"),
    CLI_OPT_FORMAT(coverage_args),
    CLI_NOTES("Without --network/--task: every network, then the gatherings check.\n"),
    CLI_END,
};

const cli_command cli_cmd_coverage = CLI_COMMAND("coverage", coverage_opts, cli_run_coverage);

/* The start of one municipality's JSON object in a list (the caller closes it). */
static void json_municipality(size_t i, const char *kommunenr, const char *name)
{
    printf("%s\n    {\"kommunenr\": ", i ? "," : "");
    cli_json_string(stdout, kommunenr);
    cli_json_member(stdout, ", \"name\": ", name);
}

static void print_coverage(const char *what, const char *id, const regint_collaboration_coverage_result *c,
                           enum cli_format fmt, int *first)
{
    if (fmt == CLI_JSON) {
        printf("%s  {\"%s\": ", *first ? "" : ",\n", what);
        cli_json_string(stdout, id);
        cli_json_member(stdout, ", \"county\": ", c->fylkesnr);
        cli_json_member(stdout, ", \"as_of\": ", c->as_of);
        printf(", \"covered_count\": %zu, \"municipalities\": [", c->covered_count);
        for (size_t i = 0; i < c->n; i++) {
            json_municipality(i, c->kommunenr[i], c->name[i]);
            printf(", \"covered\": %s, \"since\": ", c->covered[i] ? "true" : "false");
            cli_json_string(stdout, c->since[i]);
            cli_json_member(stdout, ", \"via\": ", c->via[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == CLI_CSV) {
        if (*first)
            printf("kind,id,kommunenr,name,covered,since,via\n");
        for (size_t i = 0; i < c->n; i++) {
            printf("%s,", what);
            cli_csv_field(stdout, id, CLI_QUOTE_IF_NEEDED);
            printf(",%s,", c->kommunenr[i]);
            cli_csv_field(stdout, c->name[i], CLI_QUOTE_IF_NEEDED);
            printf(",%d,%s,", c->covered[i], c->since[i] ? c->since[i] : "");
            cli_csv_field(stdout, c->via[i], CLI_QUOTE_IF_NEEDED);
            putchar('\n');
        }
    } else {
        printf("%sCoverage by %s '%s', county %s, as of %s: %zu of %zu municipalities\n", *first ? "" : "\n", what,
               id, c->fylkesnr, c->as_of, c->covered_count, c->n);
        printf("  %-8s %-22s %-9s %-12s %s\n", "kommune", "name", "covered", "since", "via");
        for (size_t i = 0; i < c->n; i++)
        {
            printf("  %-8s ", c->kommunenr[i]);
            cli_pad(stdout, c->name[i], 22);
            printf(" %-9s %-12s %s\n", c->covered[i] ? "yes" : "NO",
                   c->covered[i] ? (c->since[i] ? c->since[i] : "(before records)") : "-",
                   c->via[i] ? c->via[i] : "-");
        }
    }
    *first = 0;
}

static void print_attendance(const regint_collaboration_attendance_result *a, enum cli_format fmt, int *first)
{
    if (fmt == CLI_JSON) {
        printf("%s  {\"gatherings_months\": %d, \"county\": ", *first ? "" : ",\n", a->months);
        cli_json_string(stdout, a->fylkesnr);
        cli_json_member(stdout, ", \"after\": ", a->after);
        cli_json_member(stdout, ", \"as_of\": ", a->as_of);
        printf(", \"absent_count\": %zu, \"municipalities\": [", a->absent_count);
        for (size_t i = 0; i < a->n; i++) {
            json_municipality(i, a->kommunenr[i], a->name[i]);
            printf(", \"attended\": %lld, \"last_attended\": ", (long long)a->attended[i]);
            cli_json_string(stdout, a->last_attended[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == CLI_CSV) {
        printf("%skommunenr,name,attended_last_%d_months,last_attended\n", *first ? "" : "\n", a->months);
        for (size_t i = 0; i < a->n; i++) {
            printf("%s,", a->kommunenr[i]);
            cli_csv_field(stdout, a->name[i], CLI_QUOTE_IF_NEEDED);
            printf(",%lld,%s\n", (long long)a->attended[i], a->last_attended[i] ? a->last_attended[i] : "");
        }
    } else {
        printf("%sCompetence-raising gatherings, county %s, %d months up to %s (after %s): "
               "%zu municipalities attended none\n",
               *first ? "" : "\n", a->fylkesnr, a->months, a->as_of, a->after, a->absent_count);
        printf("  %-8s %-22s %-9s %s\n", "kommune", "name", "attended", "last attended");
        for (size_t i = 0; i < a->n; i++)
        {
            printf("  %-8s ", a->kommunenr[i]);
            cli_pad(stdout, a->name[i], 22);
            printf(" %-9lld %s%s\n", (long long)a->attended[i],
                   a->last_attended[i] ? a->last_attended[i] : "never", a->attended[i] ? "" : "   <- none in window");
        }
    }
    *first = 0;
}

int cli_run_coverage(const cli_command *cmd, const void *parsed)
{
    const coverage_args args = *(const coverage_args *)parsed;
    int rc = CLI_OK;
    const char *data = args.data, *county = args.county, *network = args.network, *task = args.task,
               *as_of = args.as_of;
    int months = (int)args.months;
    enum cli_format fmt = (enum cli_format)args.fmt;
    if (network && task)
        return cli_usage_error(cmd, "give --network or --task, not both");
    regint_task t = REGINT_TASK_SETTLEMENT;
    if (task && regint_task_from_name(task, &t)) {
        fprintf(stderr, "regint coverage: --task: %s\n", regint_last_error());
        return CLI_USAGE;
    }
    char buf[11];
    if (!as_of)
        as_of = cli_today(buf);
    regint_dataset *ds;
    if ((rc = cli_load_dataset(cmd->name, data, &ds)) != CLI_OK)
        return rc;
    int first = 1;
    if (fmt == CLI_JSON)
        printf("[\n");
    regint_collaboration_coverage_result *c = NULL;
    if (network || task) {
        if (network ? regint_collaboration_coverage_network(ds, network, county, as_of, &c)
                    : regint_collaboration_coverage_task(ds, t, county, as_of, &c))
            rc = cli_fail(cmd->name, network ? network : task);
        else
            print_coverage(network ? "network" : "task", network ? network : task, c, fmt, &first);
        regint_collaboration_coverage_result_free(c);
    } else {
        for (size_t i = 0; rc == CLI_OK && i < regint_collaboration_network_count(ds); i++) {
            const char *id = regint_collaboration_network_at(ds, i)->id;
            if (regint_collaboration_coverage_network(ds, id, county, as_of, &c))
                rc = cli_fail(cmd->name, id);
            else
                print_coverage("network", id, c, fmt, &first);
            regint_collaboration_coverage_result_free(c);
            c = NULL;
        }
        if (!months)
            months = 12;
    }
    if (rc == CLI_OK && months) {
        regint_collaboration_attendance_result *a = NULL;
        if (regint_collaboration_attendance(ds, county, months, as_of, &a))
            rc = cli_fail(cmd->name, "gatherings");
        else
            print_attendance(a, fmt, &first);
        regint_collaboration_attendance_result_free(a);
    }
    if (fmt == CLI_JSON)
        printf("\n]\n");
    regint_dataset_free(ds);
    return rc;
}
