/* regint guidance — forecast career-guidance sessions per centre and month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

typedef struct guidance_args {
    const char *data, *county, *measure;
    int64_t year, lag;
    double adult_share, intro_share, sessions;
    int no_fallback, fmt;
} guidance_args;

/* The values of options not given; -1: the library's default. */
static const guidance_args defaults = {NULL, NULL, NULL, 0, -1, -1, -1, -1, 0, CLI_TABLE};

static const cli_opt guidance_opts[] = {
    CLI_SUMMARY("forecast career-guidance sessions per centre and month"),
    CLI_ABOUT("Sessions = settled x adult share x intro share x sessions per person, per career\n"
              "centre (partners of kind career_centre in the dataset, else one for the county),\n"
              "spread over the months (uniform profile) and shifted --lag months later.\n"),
    CLI_OPT_DATA(guidance_args),
    CLI_OPT_COUNTY(guidance_args, "county (default: the dataset's collaboration county)"),
    CLI_INT("year", "Y", guidance_args, year, 1900, 2999, 0, "year of the forecast (default: this year)"),
    CLI_STRING("measure", "vedtak|anmodning|bosatt", guidance_args, measure, 0,
               "settlement figure that drives the forecast (default vedtak)"),
    CLI_NUMBER("adult-share", "X", guidance_args, adult_share, 0, 1, "share of adults (default 0.65)"),
    CLI_NUMBER("intro-share", "X", guidance_args, intro_share, 0, 1,
               "share of the adults in the introduction programme (default 0.80)"),
    CLI_NUMBER("sessions", "X", guidance_args, sessions, 0, 1000, "sessions per person (default 2)"),
    CLI_INT("lag", "N", guidance_args, lag, 0, 11, 0, "months from settlement to the first session (default 1)"),
    CLI_FLAG("no-fallback", guidance_args, no_fallback, 1, "no fall-back from vedtak to anmodning"),
    CLI_OPT_FORMAT(guidance_args),
    CLI_NOTES("The defaults are assumptions, see docs/tasks.md; vedtak falls back to anmodning\n"
              "where a municipality has no decision.\n"),
    CLI_END,
};

const cli_command cli_cmd_guidance = CLI_COMMAND("guidance", guidance_opts, cli_run_guidance);

int cli_run_guidance(const cli_command *cmd, const void *parsed)
{
    regint_guidance_options opt = REGINT_GUIDANCE_OPTIONS_INIT;
    const guidance_args args = *(const guidance_args *)parsed;
    int rc = CLI_OK;
    if (args.measure && regint_measure_from_name(args.measure, &opt.measure)) {
        fprintf(stderr, "regint guidance: --measure: %s\n", regint_last_error());
        return CLI_USAGE;
    }
    if (args.adult_share >= 0)
        opt.adult_share = args.adult_share;
    if (args.intro_share >= 0)
        opt.intro_share = args.intro_share;
    if (args.sessions >= 0)
        opt.sessions_per_person = args.sessions;
    if (args.lag >= 0)
        opt.lag_months = (int)args.lag;
    if (args.no_fallback)
        opt.fallback_to_request = 0;
    const char *data = args.data, *county = args.county;
    int year = (int)args.year;
    enum cli_format fmt = (enum cli_format)args.fmt;
    if (!year) {
        char today[11];
        year = atoi(cli_today(today));
    }
    regint_dataset *ds;
    if ((rc = cli_load_dataset(cmd->name, data, &ds)) != CLI_OK)
        return rc;
    if (!county || !*county)
        county = regint_collaboration_county(ds);
    if (!county || !*county) {
        regint_dataset_free(ds);
        return cli_usage_error(cmd, "give --county NR (the dataset names no county)");
    }
    regint_guidance_forecast_result *f;
    if (regint_guidance_forecast(ds, county, year, &opt, &f)) {
        rc = cli_fail(cmd->name, NULL);
        regint_dataset_free(ds);
        return rc;
    }
    static const char *const mon[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (fmt == CLI_JSON) {
        cli_json_member(stdout, "{\"county\": ", f->fylkesnr);
        printf(", \"year\": %d, \"parameters\": {\"adult_share\": %g, \"intro_share\": %g, "
               "\"sessions_per_person\": %g, \"lag_months\": %d, \"measure\": ",
               f->year, opt.adult_share, opt.intro_share, opt.sessions_per_person, opt.lag_months);
        cli_json_string(stdout, regint_measure_name(opt.measure));
        printf("}, \"carried_in_complete\": %s,\n \"centres\": [", f->carried_in_complete ? "true" : "false");
        for (size_t c = 0; c < f->centre_count; c++) {
            printf("%s\n  {\"id\": ", c ? "," : "");
            cli_json_string(stdout, f->centre_id[c]);
            cli_json_member(stdout, ", \"name\": ", f->centre_name[c]);
            printf(", \"persons\": %.2f, \"total\": %lld, \"carried_in\": %lld, \"carried_over\": %lld, "
                   "\"sessions\": [",
                   f->persons[c], (long long)f->total[c], (long long)f->carried_in[c], (long long)f->carried_over[c]);
            for (int m = 0; m < 12; m++)
                printf("%s%lld", m ? ", " : "", (long long)f->sessions[c * 12 + m]);
            printf("]}");
        }
        printf("],\n \"municipalities\": [");
        for (size_t k = 0; k < f->municipality_count; k++) {
            printf("%s\n  {\"kommunenr\": ", k ? "," : "");
            cli_json_string(stdout, f->kommunenr[k]);
            printf(", \"settled\": %lld, \"source\": ", (long long)f->settled[k]);
            cli_json_string(stdout, f->source[k]);
            cli_json_member(stdout, ", \"centre\": ", f->centre_id[f->centre_of[k]]);
            printf("}");
        }
        printf("]}\n");
    } else if (fmt == CLI_CSV) {
        printf("centre,name,month,sessions\n");
        for (size_t c = 0; c < f->centre_count; c++)
            for (int m = 0; m < 12; m++) {
                cli_csv_field(stdout, f->centre_id[c], CLI_QUOTE_IF_NEEDED);
                putchar(',');
                cli_csv_field(stdout, f->centre_name[c], CLI_QUOTE_IF_NEEDED);
                printf(",%d-%02d,%lld\n", f->year, m + 1, (long long)f->sessions[c * 12 + m]);
            }
    } else {
        printf("Career guidance sessions, county %s, %d (adult share %.2f, intro share %.2f, %.1f sessions "
               "per person, lag %d month%s)\n",
               f->fylkesnr, f->year, opt.adult_share, opt.intro_share, opt.sessions_per_person, opt.lag_months,
               opt.lag_months == 1 ? "" : "s");
        printf("  %-26s", "centre");
        for (int m = 0; m < 12; m++)
            printf(" %4s", mon[m]);
        printf(" %6s %8s\n", "total", "next yr");
        for (size_t c = 0; c < f->centre_count; c++) {
            printf("  %-26.26s", f->centre_id[c]);
            for (int m = 0; m < 12; m++)
                printf(" %4lld", (long long)f->sessions[c * 12 + m]);
            printf(" %6lld %8lld\n", (long long)f->total[c], (long long)f->carried_over[c]);
        }
        printf("  municipalities:");
        for (size_t k = 0; k < f->municipality_count; k++)
            printf(" %s=%lld (%s)", f->kommunenr[k], (long long)f->settled[k], f->source[k]);
        printf("\n");
        if (!f->carried_in_complete && opt.lag_months > 0)
            printf("  note: figures for %d are missing for some municipalities, so January's carry-in is a "
                   "lower bound\n", f->year - 1);
    }
    regint_guidance_forecast_result_free(f);
    regint_dataset_free(ds);
    return CLI_OK;
}
