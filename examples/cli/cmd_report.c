/* regint report: write a county report (kunnskapsgrunnlag) in Markdown and HTML. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <errno.h>

#include "cli.h"

/* --stdout: the index of the word is the output format. */
enum { REPORT_FILES = -1, REPORT_MD = 0, REPORT_HTML = 1 };

typedef struct report_args {
    const char *county, *plan, *out, *data;
    int64_t year, history;
    int no_charts, to_stdout, lang;
} report_args;

/* The values of options not given. */
static const report_args defaults = {NULL, NULL, ".", NULL, 0, 10, 0, REPORT_FILES, REGINT_LANG_NB};

static const cli_opt report_opts[] = {
    CLI_SUMMARY("write a county report (Markdown and HTML)"),
    CLI_ABOUT("Writes DIR/fylke-NR-Y.md and DIR/fylke-NR-Y.html (default DIR: .), each one\n"
              "self-contained file written atomically: settlement over the last N (10) years on\n"
              "the current municipality codes, the municipalities, indicators with trends and\n"
              "comparisons, progress of the plan for qualification, and an SDG overview.\n"
              "With --lang nn or en the text is nynorsk or English and the files are named\n"
              "fylke-NR-Y-nn.md / fylke-NR-Y-en.md (and .html).\n"),
    CLI_STRING("county", "NR", report_args, county, CLI_REQUIRED,
               "county number valid in the report year (e.g. 39 Vestfold, 30 Viken with --year 2022)"),
    CLI_INT("year", "Y", report_args, year, 1900, 2200, 0,
            "report year (default: the latest year with settlement figures)"),
    CLI_CHOICE("lang", "nb|nn|en", report_args, lang, "language: bokmål (default), nynorsk or English"),
    CLI_STRING("plan", "FILE", report_args, plan, 0,
               "a plan file (\"schema\": \"regint.plan\"); default: the dataset's plans for the county"),
    CLI_STRING("out", "DIR", report_args, out, 0, "folder of the two files (default: .)"),
    CLI_STRING("data", "FILE", report_args, data, 0, "dataset JSON (default: the bundled dataset)"),
    CLI_INT("history", "N", report_args, history, 1, 60, 0, "years of settlement history (default 10)"),
    CLI_FLAG("no-charts", report_args, no_charts, 1, "no SVG charts in the HTML"),
    CLI_CHOICE("stdout", "md|html", report_args, to_stdout,
               "print the report in this format instead of writing files"),
    CLI_END,
};

const cli_command cli_cmd_report = CLI_COMMAND("report", report_opts, cli_run_report);

int cli_run_report(const cli_command *cmd, const void *parsed)
{
    const report_args args = *(const report_args *)parsed;
    int rc = CLI_OK;
    const char *plan_file = args.plan, *out_dir = args.out, *data = args.data;
    regint_dataset *ds = NULL;
    if ((rc = cli_load_dataset(cmd->name, data, &ds)) != CLI_OK)
        return rc;
    regint_plan *plan = NULL;
    if (plan_file && regint_plan_load_file(plan_file, &plan) != REGINT_OK) {
        regint_dataset_free(ds);
        return cli_fail(cmd->name, "--plan");
    }
    regint_report_options opt = REGINT_REPORT_OPTIONS_INIT;
    opt.year = (int)args.year;
    opt.history_years = (int)args.history;
    opt.plan = plan;
    opt.charts = !args.no_charts;
    opt.lang = (regint_lang)args.lang; /* the choices are in regint_lang's order */
    if (args.to_stdout != REPORT_FILES) {
        char *text = NULL;
        regint_status st = regint_report_render(
            ds, args.county, args.to_stdout == REPORT_HTML ? REGINT_REPORT_HTML : REGINT_REPORT_MARKDOWN, &opt, &text);
        rc = cli_put_text(cmd->name, st, text);
    } else {
        char *md = NULL, *html = NULL;
        /* Create the output folder if it is missing (one level, like mkdir). */
        if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
            fprintf(stderr, "regint report: %s: cannot create folder: %s\n", out_dir, strerror(errno));
            regint_dataset_free(ds);
            regint_plan_free(plan);
            return CLI_BAD_INPUT;
        }
        if (regint_report_write(ds, args.county, out_dir, &opt, &md, &html)) {
            rc = cli_fail(cmd->name, NULL);
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
