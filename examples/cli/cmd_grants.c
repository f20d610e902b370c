/* regint grants allocate|report — grant schemes: allocate a budget, follow up applications. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct grants_args {
    const char *data, *scheme, *as_of, *apply, *out;
    int64_t unit;
    int need, fmt, force;
} grants_args;

/* --data of both subcommands. */
#define GRANTS_DATA_HELP "dataset JSON with a \"grants\" section (default: the bundled dataset)"

/* The values of options not given. */
static const grants_args defaults = {NULL, NULL, NULL, NULL, NULL, 0, -1, CLI_TABLE, 0};

/* The order of --need's words is the order of `needs` in cli_run_grants. */
static const cli_opt allocate_opts[] = {
    CLI_SUMMARY("divide each scheme's budget over its eligible applications"),
    CLI_ABOUT("In proportion to assessed score x need (Hamilton, capped at the amount applied for and the\n"
              "scheme maximum, in whole rounding units).\n"),
    CLI_STRING("data", "FILE", grants_args, data, 0, GRANTS_DATA_HELP),
    CLI_STRING("scheme", "ID", grants_args, scheme, 0, "one scheme (default: every scheme)"),
    CLI_INT("unit", "KR", grants_args, unit, 1, INT64_MAX, 0, "rounding unit in kroner"),
    CLI_CHOICE("need", "participants|amount|none", grants_args, need, "what need is measured by"),
    CLI_STRING("apply", "DATE", grants_args, apply, 0, "record the result as decisions dated DATE ..."),
    CLI_STRING("out", "FILE", grants_args, out, 0, "... and save the dataset to FILE (atomically)"),
    CLI_FLAG("force", grants_args, force, 1,
             "save even if FILE changed on disk since --data was read from it (that change is lost)"),
    CLI_OPT_FORMAT(grants_args),
    CLI_END,
};

static const cli_opt report_opts[] = {
    CLI_SUMMARY("granted, paid, used, reclaim due and overdue reports as of a date"),
    CLI_ABOUT("Then the list of overdue reports.\n"),
    CLI_STRING("data", "FILE", grants_args, data, 0, GRANTS_DATA_HELP),
    CLI_STRING("scheme", "ID", grants_args, scheme, 0, "one scheme (default: every scheme)"),
    CLI_STRING("as-of", "DATE", grants_args, as_of, 0, "the date (default today)"),
    CLI_OPT_FORMAT(grants_args),
    CLI_END,
};

static const cli_command grants_allocate = CLI_COMMAND("grants allocate", allocate_opts, cli_run_grants);
static const cli_command grants_report = CLI_COMMAND("grants report", report_opts, cli_run_grants);
static const cli_command *const grants_subs[] = {&grants_allocate,   &grants_report,      &cli_grants_add,
                                                 &cli_grants_score,
                                                 &cli_grants_decide, &cli_grants_pay,     &cli_grants_repay,
                                                 &cli_grants_receive, &cli_grants_list,   &cli_grants_remind,
                                                 NULL};
static const cli_opt grants_opts[] = {
    CLI_SUMMARY("grant schemes: allocate a budget, case work on applications, follow-up"),
    CLI_END,
};
const cli_command cli_cmd_grants = {"grants", grants_opts, NULL, 0, NULL, grants_subs};

static int allocate_one(regint_dataset *ds, const char *scheme, const regint_grants_allocate_options *opt,
                        enum cli_format fmt, int *first, const char *apply_date)
{
    regint_grants_allocation_result *a;
    if (regint_grants_allocate(ds, scheme, opt, &a))
        return cli_fail("grants allocate", NULL);
    if (apply_date && regint_grants_apply_allocation(ds, a, apply_date)) {
        regint_grants_allocation_result_free(a);
        return cli_fail("grants allocate", "--apply");
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
            cli_csv_field(stdout, a->scheme_id, CLI_QUOTE_IF_NEEDED);
            putchar(',');
            cli_csv_field(stdout, a->application_id[i], CLI_QUOTE_IF_NEEDED);
            printf(",%d,", a->eligible[i]);
            cli_csv_field(stdout, a->reason[i], CLI_QUOTE_IF_NEEDED);
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
        return cli_fail("grants report", NULL);
    const char **ids;
    size_t no;
    if (regint_grants_overdue_reports(ds, as_of, &ids, &no)) {
        regint_free(f);
        return cli_fail("grants report", NULL);
    }
    /* The library's overdue list spans every scheme: keep --scheme's own (issue 18). */
    if (scheme) {
        size_t k = 0;
        for (size_t i = 0; i < no; i++) {
            const regint_grant_application_t *a;
            if (regint_grants_application(ds, ids[i], &a) == REGINT_OK && !strcmp(a->scheme_id, scheme))
                ids[k++] = ids[i];
        }
        no = k;
    }
    if (fmt == CLI_JSON) {
        cli_json_member(stdout, "{\"as_of\": ", as_of);
        printf(", \"applications\": [");
        for (size_t i = 0; i < n; i++) {
            printf("%s\n  {\"id\": ", i ? "," : "");
            cli_json_string(stdout, f[i].application_id);
            cli_json_member(stdout, ", \"scheme\": ", f[i].scheme_id);
            printf(", \"granted\": %lld, \"paid\": %lld, \"used\": %lld, \"reclaim_due\": %lld, \"report_due\": ",
                   (long long)f[i].granted, (long long)f[i].paid, (long long)f[i].used,
                   (long long)f[i].reclaim_due);
            if (f[i].report_due)
                cli_json_string(stdout, f[i].report_due);
            else
                printf("null");
            printf(", \"reported\": %s, \"overdue\": %s, \"days_overdue\": %lld", f[i].reported ? "true" : "false",
                   f[i].overdue ? "true" : "false", (long long)f[i].days_overdue);
            if (f[i].has_results)
                printf(", \"in_work_or_education\": %lld", (long long)f[i].in_work_or_education);
            else
                printf(", \"in_work_or_education\": null");
            if (!isnan(f[i].result_share))
                printf(", \"result_share\": %.6g", f[i].result_share);
            else
                printf(", \"result_share\": null");
            if (f[i].result_target > 0)
                printf(", \"result_target\": %.6g", f[i].result_target);
            else
                printf(", \"result_target\": null");
            printf(", \"status_reports\": %zu}", f[i].status_reports);
        }
        printf("],\n \"overdue\": [");
        for (size_t i = 0; i < no; i++) {
            printf("%s", i ? ", " : "");
            cli_json_string(stdout, ids[i]);
        }
        printf("]}\n");
    } else if (fmt == CLI_CSV) {
        printf("application,scheme,granted,paid,used,reclaim_due,report_due,reported,overdue,days_overdue,"
               "in_work_or_education,result_share,result_target,status_reports\n");
        for (size_t i = 0; i < n; i++) {
            cli_csv_field(stdout, f[i].application_id, CLI_QUOTE_IF_NEEDED);
            putchar(',');
            cli_csv_field(stdout, f[i].scheme_id, CLI_QUOTE_IF_NEEDED);
            printf(",%lld,%lld,%lld,%lld,%s,%d,%d,%lld,", (long long)f[i].granted, (long long)f[i].paid,
                   (long long)f[i].used, (long long)f[i].reclaim_due, f[i].report_due ? f[i].report_due : "",
                   f[i].reported, f[i].overdue, (long long)f[i].days_overdue);
            if (f[i].has_results)
                printf("%lld", (long long)f[i].in_work_or_education);
            putchar(',');
            if (!isnan(f[i].result_share))
                printf("%.4f", f[i].result_share);
            putchar(',');
            if (f[i].result_target > 0)
                printf("%g", f[i].result_target);
            printf(",%zu\n", f[i].status_reports);
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
        for (size_t i = 0; i < n; i++)
            if (f[i].status_reports)
                printf("Status reports %s: %zu\n", f[i].application_id, f[i].status_reports);
        for (size_t i = 0; i < n; i++) {
            if (!f[i].has_results)
                continue;
            printf("Results %s: %lld participants in work or education", f[i].application_id,
                   (long long)f[i].in_work_or_education);
            if (!isnan(f[i].result_share))
                printf(", %.1f %% of those reached", 100 * f[i].result_share);
            if (f[i].target_met >= 0)
                printf(" (target %.0f %%: %s)", 100 * f[i].result_target, f[i].target_met ? "met" : "not met");
            printf("\n");
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

int cli_run_grants(const cli_command *cmd, const void *parsed)
{
    int allocate = !strcmp(cmd->name, "grants allocate");
    const grants_args args = *(const grants_args *)parsed;
    int rc = CLI_OK;
    static const regint_grant_need needs[] = {REGINT_GRANT_NEED_PARTICIPANTS, REGINT_GRANT_NEED_AMOUNT,
                                              REGINT_GRANT_NEED_NONE};
    regint_grants_allocate_options opt = REGINT_GRANTS_ALLOCATE_OPTIONS_INIT;
    if (args.unit)
        opt.unit = args.unit;
    if (args.need >= 0)
        opt.need = needs[args.need];
    const char *data = args.data, *scheme = args.scheme, *apply = args.apply, *outfile = args.out;
    enum cli_format fmt = (enum cli_format)args.fmt;
    if ((apply != NULL) != (outfile != NULL))
        return cli_usage_error(cmd, "--apply DATE and --out FILE go together");
    regint_dataset *ds;
    if ((rc = cli_load_dataset(cmd->name, data, &ds)) != CLI_OK)
        return rc;
    if (regint_grants_scheme_count(ds) == 0) {
        fprintf(stderr, "regint grants: %s has no grant schemes (use --data with a file that has a \"grants\" "
                "section, e.g. examples/data/county-example.json)\n", data ? data : "the default dataset");
        regint_dataset_free(ds);
        return CLI_BAD_INPUT;
    }
    if (allocate) {
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
        regint_dataset_save_options save = REGINT_DATASET_SAVE_OPTIONS_INIT;
        save.force = args.force;
        /* Without --force, a FILE another program saved meanwhile is not overwritten (ECONFLICT). */
        if (rc == CLI_OK && outfile && regint_dataset_save_file_opts(ds, outfile, &save))
            rc = cli_fail(cmd->name, "--out");
    } else {
        char buf[11];
        rc = report(ds, scheme, args.as_of ? args.as_of : cli_today(buf), fmt);
    }
    regint_dataset_free(ds);
    return rc;
}
