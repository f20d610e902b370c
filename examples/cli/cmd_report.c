/* regint report: write a county report (kunnskapsgrunnlag) in Markdown and HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <errno.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint report --county NR [--year Y] [--plan FILE] [--out DIR] [--data FILE]\n"
            "                     [--history N] [--no-charts] [--stdout md|html]\n\n"
            "Writes DIR/fylke-NR-Y.md and DIR/fylke-NR-Y.html (default DIR: .), each one\n"
            "self-contained file written atomically: settlement over the last N (10) years on\n"
            "the current municipality codes, the municipalities, indicators with trends and\n"
            "comparisons, progress of the plan for qualification, and an SDG overview.\n\n"
            "  --county NR   county number valid in the report year (e.g. 39 Vestfold, 30 Viken with --year 2022)\n"
            "  --year Y      report year (default: the latest year with settlement figures)\n"
            "  --plan FILE   a plan file (\"schema\": \"regint.plan\"); default: the dataset's plans for the county\n"
            "  --data FILE   dataset JSON (default: the bundled dataset)\n"
            "  --stdout F    print the report in format F (md or html) instead of writing files\n");
}

static int parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > 100000)
        return 0;
    *out = (int)v;
    return 1;
}

int cmd_report(int argc, char **argv)
{
    const char *county = NULL, *plan_file = NULL, *out_dir = ".", *data = NULL, *to_stdout = NULL;
    int year = 0, history = 10, charts = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (!strcmp(a, "--no-charts")) {
            charts = 0;
            continue;
        }
        if (!next) {
            fprintf(stderr, "regint report: option '%s' needs a value (or is unknown)\n", a);
            usage(stderr);
            return CLI_USAGE;
        }
        if (!strcmp(a, "--county"))
            county = next;
        else if (!strcmp(a, "--plan"))
            plan_file = next;
        else if (!strcmp(a, "--out"))
            out_dir = next;
        else if (!strcmp(a, "--data"))
            data = next;
        else if (!strcmp(a, "--stdout"))
            to_stdout = next;
        else if (!strcmp(a, "--year") || !strcmp(a, "--history")) {
            int v;
            if (!parse_int(next, &v) || (!strcmp(a, "--year") && (v < 1900 || v > 2200)) ||
                (!strcmp(a, "--history") && (v < 1 || v > 60))) {
                fprintf(stderr, "regint report: %s: bad value '%s'\n", a, next);
                return CLI_USAGE;
            }
            if (!strcmp(a, "--year"))
                year = v;
            else
                history = v;
        } else {
            fprintf(stderr, "regint report: unknown option '%s'\n", a);
            usage(stderr);
            return CLI_USAGE;
        }
        i++;
    }
    if (!county) {
        fprintf(stderr, "regint report: --county is required\n");
        usage(stderr);
        return CLI_USAGE;
    }
    if (to_stdout && strcmp(to_stdout, "md") && strcmp(to_stdout, "html")) {
        fprintf(stderr, "regint report: --stdout takes md or html\n");
        return CLI_USAGE;
    }
    regint_dataset *ds = NULL;
    regint_status st = data ? regint_dataset_load_file(data, &ds) : regint_dataset_load_default(&ds);
    if (st)
        return cli_fail(data ? data : "bundled dataset");
    regint_plan *plan = NULL;
    if (plan_file && regint_plan_load_file(plan_file, &plan) != REGINT_OK) {
        regint_dataset_free(ds);
        return cli_fail("plan");
    }
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    opt.year = year;
    opt.history_years = history;
    opt.plan = plan;
    opt.charts = charts;
    int rc = CLI_OK;
    if (to_stdout) {
        char *text = NULL;
        st = regint_report_render(ds, county, strcmp(to_stdout, "md") ? REGINT_REPORT_HTML : REGINT_REPORT_MARKDOWN,
                                  &opt, &text);
        if (st) {
            fprintf(stderr, "regint: %s\n", regint_last_error());
            rc = CLI_BAD_INPUT;
        } else
            fputs(text, stdout);
        regint_free(text);
    } else {
        char *md = NULL, *html = NULL;
        /* Create the output folder if it is missing (one level, like mkdir). */
        if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
            fprintf(stderr, "regint: %s: cannot create folder: %s\n", out_dir, strerror(errno));
            regint_dataset_free(ds);
            regint_plan_free(plan);
            return CLI_BAD_INPUT;
        }
        st = regint_report_write(ds, county, out_dir, &opt, &md, &html);
        if (st) {
            fprintf(stderr, "regint: %s\n", regint_last_error());
            rc = CLI_BAD_INPUT;
        } else {
            printf("wrote %s\nwrote %s\n", md, html);
        }
        regint_free(md);
        regint_free(html);
    }
    regint_plan_free(plan);
    regint_dataset_free(ds);
    return rc;
}
