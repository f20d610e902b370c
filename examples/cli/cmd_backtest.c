/* regint backtest: recommendations for past years against IMDi's requests and decisions. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct backtest_args {
    const char *data, *county, *years, *profile;
    int fmt;
} backtest_args;

/* The values of options not given. */
static const backtest_args defaults = {NULL, NULL, NULL, NULL, CLI_TABLE};

static const cli_opt backtest_opts[] = {
    CLI_SUMMARY("back-test recommendations against IMDi's requests and decisions"),
    CLI_ABOUT("For each past year and county with IMDi requests, recommend with data up to the year before\n"
              "and the county's actual total, and compare with IMDi's requests and the councils' decisions:\n"
              "mean absolute error (MAE) and share within +-2 persons, next to two baselines (population-\n"
              "proportional; last year's decisions scaled to the total).\n"),
    CLI_OPT_DATA(backtest_args),
    CLI_OPT_COUNTY(backtest_args, "one county (default: every county with requests)"),
    CLI_STRING("years", "A-B", backtest_args, years, 0,
               "the years A to B, or one year A (1900 <= A <= B <= 2200; default:\n"
               CLI_STR(REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM) " to the last year with requests in the data)"),
    CLI_STRING("profile", "FILE", backtest_args, profile, 0, "settlement profile (default: the bundled one)"),
    CLI_OPT_FORMAT(backtest_args),
    CLI_END,
};

const cli_command cli_cmd_backtest = CLI_COMMAND("backtest", backtest_opts, cli_run_backtest);

/* --years A-B or A: 1 and the years, else 0. */
static int parse_years(const char *s, int *from, int *to)
{
    const char *dash = strchr(s, '-');
    char first[16];
    int64_t f, t;
    size_t len = dash ? (size_t)(dash - s) : strlen(s);
    if (len >= sizeof first)
        return 0;
    snprintf(first, sizeof first, "%.*s", (int)len, s);
    if (!cli_int_in(first, 1900, 2200, &f) || !cli_int_in(dash ? dash + 1 : first, 1900, 2200, &t) || f > t)
        return 0;
    *from = (int)f;
    *to = (int)t;
    return 1;
}

static const char *short_name(int m)
{
    static const char *const s[] = {"profile", "pop", "lastdec"};
    return m >= 0 && m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT ? s[m] : "tie";
}

/* The library's name of the winning method, "" for none (a tie). */
static const char *winner_name(int m)
{
    return m >= 0 ? regint_settlement_backtest_method_name((regint_settlement_backtest_method)m) : "";
}

/* The three methods' values, each scale * v as format f; a missing one (NaN) as "-". */
static void fmt3(const double *v, double scale, const char *f)
{
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        if (isnan(v[m]))
            printf(" %7s", "-");
        else
            printf(f, scale * v[m]);
    }
}

/* One line of the summary table. */
static void summary_line(const char *label, const double *v, double scale, const char *f)
{
    printf("  %-34s", label);
    fmt3(v, scale, f);
    printf("\n");
}

int cli_run_backtest(const cli_command *cmd, const void *parsed)
{
    const backtest_args args = *(const backtest_args *)parsed;
    int rc = CLI_OK;
    int from = 0, to = 0;
    if (args.years && !parse_years(args.years, &from, &to)) {
        fprintf(stderr, "regint backtest: --years: expected A-B or A with 1900 <= A <= B <= 2200, got '%s'\n",
                args.years);
        return CLI_USAGE;
    }
    const char *data = args.data, *county = args.county, *profile_path = args.profile;
    int csv = args.fmt == CLI_CSV, json = args.fmt == CLI_JSON;
    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL;
    regint_settlement_backtest *bt = NULL;
    if ((rc = cli_load_settlement(cmd->name, data, profile_path, &ds, &prof)) != CLI_OK)
        return rc;
    /* Options struct, engine call, JSON through the library: the same steps as recommend's
     * (`duplicates` pairs the two); they are the library's one options pattern, not logic to share. */
    regint_settlement_backtest_options o = REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT;
    o.fylkesnr = county;
    o.year_from = from;
    o.year_to = to;
    o.profile = prof;
    if (regint_settlement_backtest_run(ds, &o, &bt) != REGINT_OK) {
        rc = cli_fail(cmd->name, NULL);
        goto done;
    }
    size_t n = regint_settlement_backtest_count(bt);
    const regint_settlement_backtest_summary_t *s = regint_settlement_backtest_summary(bt);
    if (json) {
        char *txt = NULL;
        regint_status st = regint_settlement_backtest_to_json(bt, &txt);
        rc = cli_put_text(cmd->name, st, txt);
    } else if (csv) {
        printf("year,fylkesnr,county,municipalities,total,n_request,n_decision");
        const char *sets[4] = {"mae_request", "within2_request", "mae_decision", "within2_decision"};
        for (int k = 0; k < 4; k++)
            for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
                printf(",%s_%s", sets[k], regint_settlement_backtest_method_name((regint_settlement_backtest_method)m));
        printf(",winner_request,winner_decision,note\n");
        for (size_t i = 0; i < n; i++) {
            const regint_settlement_backtest_row_t *r = regint_settlement_backtest_row(bt, i);
            printf("%d,%s,", r->year, r->fylkesnr);
            cli_csv_field(stdout, r->county_name, CLI_QUOTE_ALWAYS);
            printf(",%zu,%" PRId64 ",%zu,%zu", r->municipalities, r->total, r->n_request, r->n_decision);
            const double *v[4] = {r->mae_request, r->within2_request, r->mae_decision, r->within2_decision};
            for (int k = 0; k < 4; k++)
                for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
                    if (isnan(v[k][m]))
                        printf(",");
                    else
                        printf(",%.4f", v[k][m]);
            printf(",%s,%s,",
                   winner_name(r->winner_request), winner_name(r->winner_decision));
            cli_csv_field(stdout, r->note, CLI_QUOTE_ALWAYS);
            putchar('\n');
        }
    } else {
        printf("Back-test %d-%d on %s, profile '%s': recommend with data up to the year before and the\n"
               "county's actual total; compare with IMDi's requests and the councils' decisions.\n"
               "Methods: profile | pop = population-proportional | lastdec = last year's decisions scaled.\n\n",
               s->year_from, s->year_to, data ? data : "the bundled dataset",
               prof ? regint_settlement_profile_name(prof) : "default");
        printf("%-4s %-2s %-16s %4s %6s | %-23s | %-23s | %-7s | %-23s | %-7s\n", "year", "nr", "county", "mun", "total",
               "MAE vs request", "within +-2 of request", "winner", "MAE vs decision", "winner");
        printf("%-4s %-2s %-16s %4s %6s | %7s %7s %7s | %7s %7s %7s | %-7s | %7s %7s %7s | %-7s\n", "", "", "", "", "",
               "profile", "pop", "lastdec", "profile", "pop", "lastdec", "", "profile", "pop", "lastdec", "");
        for (size_t i = 0; i < n; i++) {
            const regint_settlement_backtest_row_t *r = regint_settlement_backtest_row(bt, i);
            printf("%-4d %-2s %-16.16s %4zu %6" PRId64 " |", r->year, r->fylkesnr, r->county_name, r->municipalities,
                   r->total);
            fmt3(r->mae_request, 1, " %7.2f");
            printf(" |");
            fmt3(r->within2_request, 100, " %6.1f%%");
            printf(" | %-7s |", short_name(r->winner_request));
            fmt3(r->mae_decision, 1, " %7.2f");
            printf(" | %-7s", r->n_decision ? short_name(r->winner_decision) : "-");
            if (*r->note)
                printf("  (%s)", r->note);
            printf("\n");
        }
        printf("\nSummary over %zu county-years (%zu municipality-years vs requests, %zu vs decisions):\n", s->rows,
               s->n_request, s->n_decision);
        printf("  %-34s %9s %9s %9s\n", "", "profile", "pop", "lastdec");
        enum { M = REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT };
        double won_request[M], won_decision[M];
        for (int m = 0; m < M; m++) {
            won_request[m] = (double)s->wins_request[m];
            won_decision[m] = (double)s->wins_decision[m];
        }
        summary_line("MAE vs IMDi's request", s->mae_request, 1, " %9.2f");
        summary_line("share within +-2 of request", s->within2_request, 100, " %8.1f%%");
        summary_line("county-years won (request)", won_request, 1, " %9.0f");
        summary_line("MAE vs council decision", s->mae_decision, 1, " %9.2f");
        summary_line("share within +-2 of decision", s->within2_decision, 100, " %8.1f%%");
        summary_line("county-years won (decision)", won_decision, 1, " %9.0f");
    }
done:
    regint_settlement_backtest_free(bt);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}
