/* regint guidance — forecast career-guidance sessions per centre and month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"


static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint guidance [--data FILE] [--county NR] [--year Y] [--measure vedtak|anmodning|bosatt]\n"
            "                       [--adult-share X] [--intro-share X] [--sessions X] [--lag N]\n"
            "                       [--no-fallback] [--json|--csv]\n"
            "\n"
            "Sessions = settled x adult share x intro share x sessions per person, per career\n"
            "centre (partners of kind career_centre in the dataset, else one for the county),\n"
            "spread over the months (uniform profile) and shifted --lag months later.\n"
            "Defaults (assumptions, see docs/tasks.md): adult share 0.65, intro share 0.80,\n"
            "2 sessions per person, lag 1 month, measure vedtak falling back to anmodning.\n"
            "--county defaults to the dataset's collaboration county; --year to this year.\n");
}

static int parse_double(const char *s, double *out)
{
    char *end;
    *out = strtod(s, &end);
    return *s && !*end;
}

int cmd_guidance(int argc, char **argv)
{
    cli_common com = CLI_COMMON_INIT;
    int year = 0;
    regint_guidance_options opt = REGINT_GUIDANCE_OPTIONS_INIT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        double d;
        if (cli_common_option(argc, argv, &i, CLI_OPT_DATA | CLI_OPT_COUNTY | CLI_OPT_FORMAT, &com))
            continue;
        else if (!strcmp(a, "--no-fallback"))
            opt.fallback_to_request = 0;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (has && !strcmp(a, "--year")) {
            int64_t y;
            if (!cli_parse_int64(argv[++i], 1900, 2999, &y)) {
                fprintf(stderr, "regint guidance: --year needs a year such as 2026\n");
                return CLI_USAGE;
            }
            year = (int)y;
        } else if (has && !strcmp(a, "--measure")) {
            if (regint_measure_from_name(argv[++i], &opt.measure))
                return cli_fail("--measure");
        } else if (has && !strcmp(a, "--adult-share") && parse_double(argv[i + 1], &d)) {
            opt.adult_share = d;
            i++;
        } else if (has && !strcmp(a, "--intro-share") && parse_double(argv[i + 1], &d)) {
            opt.intro_share = d;
            i++;
        } else if (has && !strcmp(a, "--sessions") && parse_double(argv[i + 1], &d)) {
            opt.sessions_per_person = d;
            i++;
        } else if (has && !strcmp(a, "--lag")) {
            int64_t v;
            if (!cli_parse_int64(argv[++i], 0, 11, &v)) {
                fprintf(stderr, "regint guidance: --lag needs a whole number of months 0..11\n");
                return CLI_USAGE;
            }
            opt.lag_months = (int)v;
        } else
            return cli_bad_option("guidance", a, usage);
    }
    const char *data = com.data, *county = com.county;
    enum cli_format fmt = com.fmt;
    if (!year) {
        char today[11];
        year = atoi(cli_today(today));
    }
    regint_dataset *ds;
    if (cli_load_dataset(data, &ds))
        return cli_fail("load");
    if (!county || !*county)
        county = regint_collaboration_county(ds);
    if (!county || !*county) {
        regint_dataset_free(ds);
        fprintf(stderr, "regint guidance: give --county NR (the dataset names no county)\n");
        return CLI_USAGE;
    }
    regint_guidance_forecast_result *f;
    if (regint_guidance_forecast(ds, county, year, &opt, &f)) {
        int rc = cli_fail("forecast");
        regint_dataset_free(ds);
        return rc;
    }
    static const char *const mon[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (fmt == CLI_JSON) {
        printf("{\"county\": ");
        cli_json_string(stdout, f->fylkesnr);
        printf(", \"year\": %d, \"parameters\": {\"adult_share\": %g, \"intro_share\": %g, "
               "\"sessions_per_person\": %g, \"lag_months\": %d, \"measure\": ",
               f->year, opt.adult_share, opt.intro_share, opt.sessions_per_person, opt.lag_months);
        cli_json_string(stdout, regint_measure_name(opt.measure));
        printf("}, \"carried_in_complete\": %s,\n \"centres\": [", f->carried_in_complete ? "true" : "false");
        for (size_t c = 0; c < f->centre_count; c++) {
            printf("%s\n  {\"id\": ", c ? "," : "");
            cli_json_string(stdout, f->centre_id[c]);
            printf(", \"name\": ");
            cli_json_string(stdout, f->centre_name[c]);
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
            printf(", \"centre\": ");
            cli_json_string(stdout, f->centre_id[f->centre_of[k]]);
            printf("}");
        }
        printf("]}\n");
    } else if (fmt == CLI_CSV) {
        printf("centre,name,month,sessions\n");
        for (size_t c = 0; c < f->centre_count; c++)
            for (int m = 0; m < 12; m++) {
                cli_csv_field(stdout, f->centre_id[c]);
                putchar(',');
                cli_csv_field(stdout, f->centre_name[c]);
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
