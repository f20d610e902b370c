/* regint grants allocate|report — grant schemes: allocate a budget, follow up applications. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"


static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint grants allocate [--data FILE] [--scheme ID] [--unit KR]\n"
            "                              [--need participants|amount|none]\n"
            "                              [--apply DATE --out FILE] [--json|--csv]\n"
            "       regint grants report   [--data FILE] [--scheme ID] [--as-of DATE] [--json|--csv]\n"
            "\n"
            "allocate  divide each scheme's budget over its eligible applications in proportion to\n"
            "          assessed score x need (Hamilton, capped at the amount applied for and the\n"
            "          scheme maximum, in whole rounding units); --apply records the result as\n"
            "          decisions dated DATE and saves the dataset to --out (atomically).\n"
            "report    granted, paid, used, reclaim due and overdue reports as of a date\n"
            "          (default today); then the list of overdue reports.\n"
            "--data    dataset JSON with a \"grants\" section (default: the bundled dataset).\n");
}

static int allocate_one(regint_dataset *ds, const char *scheme, const regint_grants_allocate_options *opt,
                        enum cli_format fmt, int *first, const char *apply_date)
{
    regint_grants_allocation_result *a;
    if (regint_grants_allocate(ds, scheme, opt, &a))
        return cli_fail("grants allocate");
    if (apply_date && regint_grants_apply_allocation(ds, a, apply_date)) {
        regint_grants_allocation_result_free(a);
        return cli_fail("grants allocate --apply");
    }
    if (fmt == CLI_JSON) {
        printf("%s  {\"scheme\": ", *first ? "" : ",\n");
        cli_json_string(stdout, a->scheme_id);
        printf(", \"budget\": %lld, \"unit\": %lld, \"allocated\": %lld, \"remainder\": %lld, "
               "\"remainder_reason\": ",
               (long long)a->budget, (long long)a->unit, (long long)a->allocated, (long long)a->remainder);
        cli_json_string(stdout, a->remainder_reason);
        printf(",\n   \"applications\": [");
        for (size_t i = 0; i < a->n; i++) {
            printf("%s\n    {\"id\": ", i ? "," : "");
            cli_json_string(stdout, a->application_id[i]);
            printf(", \"eligible\": %s, \"reason\": ", a->eligible[i] ? "true" : "false");
            cli_json_string(stdout, a->reason[i]);
            if (a->score[i] == a->score[i])
                printf(", \"score\": %.6g", a->score[i]);
            else
                printf(", \"score\": null");
            printf(", \"need\": %.6g, \"weight\": %.6g, \"cap\": %lld, \"amount\": %lld, \"capped\": %s}",
                   a->need[i], a->weight[i], (long long)a->cap[i], (long long)a->amount[i],
                   a->capped[i] ? "true" : "false");
        }
        printf("]}");
    } else if (fmt == CLI_CSV) {
        if (*first)
            printf("scheme,application,eligible,reason,score,need,weight,cap,amount,capped\n");
        for (size_t i = 0; i < a->n; i++) {
            cli_csv_field(stdout, a->scheme_id);
            putchar(',');
            cli_csv_field(stdout, a->application_id[i]);
            printf(",%d,", a->eligible[i]);
            cli_csv_field(stdout, a->reason[i]);
            if (a->score[i] == a->score[i])
                printf(",%.6g", a->score[i]);
            else
                printf(",");
            printf(",%.6g,%.6g,%lld,%lld,%d\n", a->need[i], a->weight[i], (long long)a->cap[i],
                   (long long)a->amount[i], a->capped[i]);
        }
    } else {
        const regint_grant_scheme_t *s;
        regint_grants_scheme(ds, a->scheme_id, &s);
        printf("%s%s (%s, %d): budget %lld kr, unit %lld kr\n", *first ? "" : "\n", s->name, s->id, s->year,
               (long long)a->budget, (long long)a->unit);
        printf("  %-16s %6s %6s %10s %12s %12s  %s\n", "application", "score", "need", "weight", "cap kr",
               "amount kr", "note");
        for (size_t i = 0; i < a->n; i++) {
            char sc[16] = "-";
            if (a->score[i] == a->score[i])
                snprintf(sc, sizeof sc, "%.2f", a->score[i]);
            printf("  %-16s %6s %6.0f %10.2f %12lld %12lld  %s\n", a->application_id[i], sc, a->need[i],
                   a->weight[i], (long long)a->cap[i], (long long)a->amount[i],
                   !a->eligible[i] ? a->reason[i] : a->capped[i] ? "capped" : "");
        }
        printf("  allocated %lld kr of %lld kr", (long long)a->allocated, (long long)a->budget);
        if (a->remainder)
            printf("; remainder %lld kr: %s", (long long)a->remainder, a->remainder_reason);
        printf("\n");
    }
    *first = 0;
    regint_grants_allocation_result_free(a);
    return CLI_OK;
}

static int report(regint_dataset *ds, const char *scheme, const char *as_of, enum cli_format fmt)
{
    regint_grant_followup_t *f;
    size_t n;
    if (regint_grants_followup(ds, scheme, as_of, &f, &n))
        return cli_fail("grants report");
    const char **ids;
    size_t no;
    if (regint_grants_overdue_reports(ds, as_of, &ids, &no)) {
        regint_free(f);
        return cli_fail("grants report");
    }
    if (fmt == CLI_JSON) {
        printf("{\"as_of\": ");
        cli_json_string(stdout, as_of);
        printf(", \"applications\": [");
        for (size_t i = 0; i < n; i++) {
            printf("%s\n  {\"id\": ", i ? "," : "");
            cli_json_string(stdout, f[i].application_id);
            printf(", \"scheme\": ");
            cli_json_string(stdout, f[i].scheme_id);
            printf(", \"granted\": %lld, \"paid\": %lld, \"used\": %lld, \"reclaim_due\": %lld, \"report_due\": ",
                   (long long)f[i].granted, (long long)f[i].paid, (long long)f[i].used,
                   (long long)f[i].reclaim_due);
            if (f[i].report_due)
                cli_json_string(stdout, f[i].report_due);
            else
                printf("null");
            printf(", \"reported\": %s, \"overdue\": %s, \"days_overdue\": %lld}", f[i].reported ? "true" : "false",
                   f[i].overdue ? "true" : "false", (long long)f[i].days_overdue);
        }
        printf("],\n \"overdue\": [");
        for (size_t i = 0; i < no; i++) {
            printf("%s", i ? ", " : "");
            cli_json_string(stdout, ids[i]);
        }
        printf("]}\n");
    } else if (fmt == CLI_CSV) {
        printf("application,scheme,granted,paid,used,reclaim_due,report_due,reported,overdue,days_overdue\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, f[i].application_id);
            putchar(',');
            cli_csv_field(stdout, f[i].scheme_id);
            printf(",%lld,%lld,%lld,%lld,%s,%d,%d,%lld\n", (long long)f[i].granted, (long long)f[i].paid,
                   (long long)f[i].used, (long long)f[i].reclaim_due, f[i].report_due ? f[i].report_due : "",
                   f[i].reported, f[i].overdue, (long long)f[i].days_overdue);
        }
    } else {
        printf("Granted applications as of %s\n", as_of);
        printf("  %-16s %-22s %11s %11s %11s %11s  %-10s %s\n", "application", "scheme", "granted", "paid",
               "used", "reclaim", "report due", "status");
        for (size_t i = 0; i < n; i++) {
            char st[40];
            if (f[i].reported)
                snprintf(st, sizeof st, "reported");
            else if (f[i].overdue)
                snprintf(st, sizeof st, "OVERDUE %lld days", (long long)f[i].days_overdue);
            else
                snprintf(st, sizeof st, "awaiting report");
            printf("  %-16s %-22s %11lld %11lld %11lld %11lld  %-10s %s\n", f[i].application_id, f[i].scheme_id,
                   (long long)f[i].granted, (long long)f[i].paid, (long long)f[i].used, (long long)f[i].reclaim_due,
                   f[i].report_due ? f[i].report_due : "-", st);
        }
        printf("Overdue reports: %zu", no);
        for (size_t i = 0; i < no; i++)
            printf("%s%s", i ? ", " : " (", ids[i]);
        printf("%s\n", no ? ")" : "");
    }
    regint_free(f);
    regint_free(ids);
    return CLI_OK;
}

int cmd_grants(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? CLI_USAGE : CLI_OK;
    }
    const char *sub = argv[1], *scheme = NULL, *as_of = NULL, *apply = NULL, *outfile = NULL;
    cli_common com = CLI_COMMON_INIT;
    regint_grants_allocate_options opt = REGINT_GRANTS_ALLOCATE_OPTIONS_INIT;
    if (strcmp(sub, "allocate") && strcmp(sub, "report")) {
        fprintf(stderr, "regint grants: unknown subcommand '%s'\n", sub);
        usage(stderr);
        return CLI_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (cli_common_option(argc, argv, &i, CLI_OPT_DATA | CLI_OPT_FORMAT, &com))
            continue;
        else if (has && !strcmp(a, "--scheme"))
            scheme = argv[++i];
        else if (has && !strcmp(a, "--as-of"))
            as_of = argv[++i];
        else if (has && !strcmp(a, "--apply"))
            apply = argv[++i];
        else if (has && !strcmp(a, "--out"))
            outfile = argv[++i];
        else if (has && !strcmp(a, "--unit")) {
            int64_t u;
            if (!cli_parse_int64(argv[++i], 1, INT64_MAX, &u)) {
                fprintf(stderr, "regint grants: --unit needs a whole number of kroner >= 1\n");
                return CLI_USAGE;
            }
            opt.unit = u;
        } else if (has && !strcmp(a, "--need")) {
            const char *v = argv[++i];
            if (!strcmp(v, "participants"))
                opt.need = REGINT_GRANT_NEED_PARTICIPANTS;
            else if (!strcmp(v, "amount"))
                opt.need = REGINT_GRANT_NEED_AMOUNT;
            else if (!strcmp(v, "none"))
                opt.need = REGINT_GRANT_NEED_NONE;
            else {
                fprintf(stderr, "regint grants: --need is participants, amount or none\n");
                return CLI_USAGE;
            }
        } else
            return cli_bad_option("grants", a, usage);
    }
    const char *data = com.data;
    enum cli_format fmt = com.fmt;
    if ((apply != NULL) != (outfile != NULL)) {
        fprintf(stderr, "regint grants: --apply DATE and --out FILE go together\n");
        return CLI_USAGE;
    }
    regint_dataset *ds;
    if (cli_load_dataset(data, &ds))
        return cli_fail("load");
    int rc = CLI_OK;
    if (regint_grants_scheme_count(ds) == 0) {
        fprintf(stderr, "regint grants: %s has no grant schemes (use --data with a file that has a \"grants\" "
                "section, e.g. examples/data/county-example.json)\n", data ? data : "the default dataset");
        regint_dataset_free(ds);
        return CLI_BAD_INPUT;
    }
    if (!strcmp(sub, "allocate")) {
        int first = 1;
        if (fmt == CLI_JSON)
            printf("[\n");
        if (scheme)
            rc = allocate_one(ds, scheme, &opt, fmt, &first, apply);
        else
            for (size_t i = 0; rc == CLI_OK && i < regint_grants_scheme_count(ds); i++)
                rc = allocate_one(ds, regint_grants_scheme_at(ds, i)->id, &opt, fmt, &first, apply);
        if (fmt == CLI_JSON)
            printf("\n]\n");
        if (rc == CLI_OK && outfile && regint_dataset_save_file(ds, outfile))
            rc = cli_fail("save");
    } else {
        char buf[11];
        rc = report(ds, scheme, as_of ? as_of : cli_today(buf), fmt);
    }
    regint_dataset_free(ds);
    return rc;
}
