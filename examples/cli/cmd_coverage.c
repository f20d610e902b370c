/* regint coverage — which municipalities a task or network covers, and which attended no
 * competence-raising gathering in the last N months. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"


static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint coverage [--data FILE] [--network ID | --task NAME] [--months N]\n"
            "                       [--as-of DATE] [--county NR] [--json|--csv]\n"
            "\n"
            "--network ID  municipalities covered by a network on the date (active members)\n"
            "--task NAME   covered by the task's networks and agreements in force: settlement,\n"
            "              negative_social_control, competence, volunteering,\n"
            "              sector_collaboration, grants, career_guidance\n"
            "--months N    municipalities that attended no competence-raising gathering in the\n"
            "              N months up to the date (default 12)\n"
            "Without --network/--task: every network, then the gatherings check.\n"
            "--as-of       the date (default today); --county: default the section's county.\n");
}

static void print_coverage(const char *what, const char *id, const regint_collaboration_coverage_result *c, enum cli_format fmt, int *first)
{
    if (fmt == CLI_JSON) {
        printf("%s  {\"%s\": ", *first ? "" : ",\n", what);
        cli_json_string(stdout, id);
        printf(", \"county\": ");
        cli_json_string(stdout, c->fylkesnr);
        printf(", \"as_of\": ");
        cli_json_string(stdout, c->as_of);
        printf(", \"covered_count\": %zu, \"municipalities\": [", c->covered_count);
        for (size_t i = 0; i < c->n; i++) {
            printf("%s\n    {\"kommunenr\": ", i ? "," : "");
            cli_json_string(stdout, c->kommunenr[i]);
            printf(", \"name\": ");
            cli_json_string(stdout, c->name[i]);
            printf(", \"covered\": %s, \"since\": ", c->covered[i] ? "true" : "false");
            cli_json_string(stdout, c->since[i]);
            printf(", \"via\": ");
            cli_json_string(stdout, c->via[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == CLI_CSV) {
        if (*first)
            printf("kind,id,kommunenr,name,covered,since,via\n");
        for (size_t i = 0; i < c->n; i++) {
            printf("%s,", what);
            cli_csv_field(stdout, id);
            printf(",%s,", c->kommunenr[i]);
            cli_csv_field(stdout, c->name[i]);
            printf(",%d,%s,", c->covered[i], c->since[i] ? c->since[i] : "");
            cli_csv_field(stdout, c->via[i]);
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
        printf(", \"after\": ");
        cli_json_string(stdout, a->after);
        printf(", \"as_of\": ");
        cli_json_string(stdout, a->as_of);
        printf(", \"absent_count\": %zu, \"municipalities\": [", a->absent_count);
        for (size_t i = 0; i < a->n; i++) {
            printf("%s\n    {\"kommunenr\": ", i ? "," : "");
            cli_json_string(stdout, a->kommunenr[i]);
            printf(", \"name\": ");
            cli_json_string(stdout, a->name[i]);
            printf(", \"attended\": %lld, \"last_attended\": ", (long long)a->attended[i]);
            cli_json_string(stdout, a->last_attended[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == CLI_CSV) {
        printf("%skommunenr,name,attended_last_%d_months,last_attended\n", *first ? "" : "\n", a->months);
        for (size_t i = 0; i < a->n; i++) {
            printf("%s,", a->kommunenr[i]);
            cli_csv_field(stdout, a->name[i]);
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

int cmd_coverage(int argc, char **argv)
{
    const char *network = NULL, *task = NULL, *as_of = NULL;
    cli_common com = CLI_COMMON_INIT;
    int months = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (cli_common_option(argc, argv, &i, CLI_OPT_DATA | CLI_OPT_COUNTY | CLI_OPT_FORMAT, &com))
            continue;
        else if (has && !strcmp(a, "--network"))
            network = argv[++i];
        else if (has && !strcmp(a, "--task"))
            task = argv[++i];
        else if (has && !strcmp(a, "--as-of"))
            as_of = argv[++i];
        else if (has && !strcmp(a, "--months")) {
            int64_t v;
            if (!cli_parse_int64(argv[++i], 1, 1200, &v)) {
                fprintf(stderr, "regint coverage: --months needs a whole number 1..1200\n");
                return CLI_USAGE;
            }
            months = (int)v;
        } else
            return cli_bad_option("coverage", a, usage);
    }
    const char *data = com.data, *county = com.county;
    enum cli_format fmt = com.fmt;
    if (network && task) {
        fprintf(stderr, "regint coverage: give --network or --task, not both\n");
        return CLI_USAGE;
    }
    regint_task t = REGINT_TASK_SETTLEMENT;
    if (task && regint_task_from_name(task, &t))
        return cli_fail("--task");
    char buf[11];
    if (!as_of)
        as_of = cli_today(buf);
    regint_dataset *ds;
    if (cli_load_dataset(data, &ds))
        return cli_fail("load");
    int rc = CLI_OK, first = 1;
    if (fmt == CLI_JSON)
        printf("[\n");
    regint_collaboration_coverage_result *c = NULL;
    if (network || task) {
        if (network ? regint_collaboration_coverage_network(ds, network, county, as_of, &c)
                    : regint_collaboration_coverage_task(ds, t, county, as_of, &c))
            rc = cli_fail(network ? network : task); /* the library message names "coverage" */
        else
            print_coverage(network ? "network" : "task", network ? network : task, c, fmt, &first);
        regint_collaboration_coverage_result_free(c);
    } else {
        for (size_t i = 0; rc == CLI_OK && i < regint_collaboration_network_count(ds); i++) {
            const char *id = regint_collaboration_network_at(ds, i)->id;
            if (regint_collaboration_coverage_network(ds, id, county, as_of, &c))
                rc = cli_fail(id);
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
            rc = cli_fail("gatherings");
        else
            print_attendance(a, fmt, &first);
        regint_collaboration_attendance_result_free(a);
    }
    if (fmt == CLI_JSON)
        printf("\n]\n");
    regint_dataset_free(ds);
    return rc;
}
