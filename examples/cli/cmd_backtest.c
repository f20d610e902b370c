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
    int weights;
} backtest_args;

/* The values of options not given. */
static const backtest_args defaults = {NULL, NULL, NULL, NULL, CLI_TABLE, 0};

static const cli_opt backtest_opts[] = {
    CLI_SUMMARY("back-test recommendations against IMDi's requests and decisions"),
    CLI_ABOUT("Default: a rolling-origin back-test of the fitted engine, out of sample. For each year\n"
              "(default 2016 to the last year with requests) and county, in that year's own county\n"
              "structure, the engine's criteria weights are fitted on earlier years only and the county's\n"
              "actual total is apportioned (sainte-lague-min10). Compared with four baselines, each scaled\n"
              "to the total with Sainte-Lague: population (1.1. of the year before), last_request,\n"
              "last_decision, mean3_request. Metrics: MAE per municipality vs IMDi's request, the council\n"
              "decision and settled; share within +-2. Prints the per-year table (mean over counties).\n"
              "With --profile FILE: the in-sample back-test of that criteria profile against two baselines.\n"),
    CLI_OPT_DATA(backtest_args),
    CLI_OPT_COUNTY(backtest_args, "one county (default: every county with requests)"),
    CLI_STRING("years", "A-B", backtest_args, years, 0,
               "the years A to B, or one year A (1900 <= A <= B <= 2200; default:\n"
               CLI_STR(REGINT_SETTLEMENT_ROLLING_DEFAULT_FROM) " to the last year with requests in the data;\n"
               "with --profile " CLI_STR(REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM) " to the last)"),
    CLI_STRING("profile", "FILE", backtest_args, profile, 0,
               "back-test this criteria profile in sample (the 0.2 back-test)"),
    CLI_FLAG("weights", backtest_args, weights, 1, "also print the fitted weights per county and year"),
    CLI_OPT_FORMAT(backtest_args),
    CLI_END,
};

const cli_command cli_cmd_backtest = CLI_COMMAND("backtest", backtest_opts, cli_run_backtest);

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

/* A value or "-" (NaN) in a table. */
static void num(double v, const char *f, int width)
{
    if (isnan(v))
        printf(" %*s", width, "-");
    else
        printf(f, v);
}

enum { RM = REGINT_SETTLEMENT_ROLLING_METHOD_COUNT, RC = REGINT_SETTLEMENT_FITTED_CRITERION_COUNT };

static const char *rname(int m) { return regint_settlement_rolling_method_name((regint_settlement_rolling_method)m); }
static const char *cname(int j)
{
    return regint_settlement_fitted_criterion_name((regint_settlement_fitted_criterion)j);
}

static void rolling_csv(const regint_settlement_rolling *r)
{
    static const char *const sets[] = {"mae_request", "within2_request", "mae_decision", "within2_decision",
                                       "mae_settled", "within2_settled"};
    printf("year,fylkesnr,municipalities,total,ratio,scored");
    for (int k = 0; k < 6; k++)
        for (int m = 0; m < RM; m++)
            printf(",%s_%s", sets[k], rname(m));
    for (int j = 0; j < RC; j++)
        printf(",w_%s", cname(j));
    printf("\n");
    for (size_t i = 0; i < regint_settlement_rolling_count(r); i++) {
        const regint_settlement_rolling_row_t *x = regint_settlement_rolling_row(r, i);
        printf("%d,%s,%zu,%" PRId64 ",", x->year, x->fylkesnr, x->municipalities, x->total);
        if (x->scored)
            printf("%.4f", x->ratio);
        printf(",%d", x->scored);
        const double *v[6] = {x->mae_request, x->within2_request, x->mae_decision, x->within2_decision,
                              x->mae_settled, x->within2_settled};
        for (int k = 0; k < 6; k++)
            for (int m = 0; m < RM; m++)
                isnan(v[k][m]) ? printf(",") : printf(",%.4f", v[k][m]);
        for (int j = 0; j < RC; j++)
            isnan(x->weights[j]) ? printf(",") : printf(",%.2f", x->weights[j]);
        printf("\n");
    }
}

static void rolling_table(const regint_settlement_rolling *r, const char *data, int weights)
{
    size_t ny = regint_settlement_rolling_year_count(r), rows = 0;
    for (size_t i = 0; i < regint_settlement_rolling_count(r); i++)
        rows += (size_t)regint_settlement_rolling_row(r, i)->scored;
    printf("Rolling-origin back-test on %s: for each year the engine's weights are fitted on earlier\n"
           "years only; every method apportions the county's actual total. Mean over counties of the MAE\n"
           "per municipality vs IMDi's request (each year's own county structure).\n\n",
           data ? data : "the bundled dataset");
    printf("%-4s %8s | %7s", "year", "counties", "engine");
    for (int m = 1; m < RM; m++)
        printf(" %13s", rname(m));
    printf(" | %13s %6s | %15s %15s\n", "best", "ratio", "vs decision e/b", "vs settled e/b");
    for (size_t i = 0; i < ny; i++) {
        const regint_settlement_rolling_year_t *Y = regint_settlement_rolling_year(r, i);
        if (!Y->counties) {
            printf("%-4d %8s | no county-year with IMDi requests: not scored\n", Y->year, "0");
            continue;
        }
        printf("%-4d %8zu |", Y->year, Y->counties);
        num(Y->mae_request[0], " %7.2f", 7);
        for (int m = 1; m < RM; m++)
            num(Y->mae_request[m], " %13.2f", 13);
        printf(" | %13s", Y->best_baseline > 0 ? rname(Y->best_baseline) : "-");
        num(Y->ratio, " %6.3f", 6);
        double bd = NAN, bs = NAN;
        for (int m = 1; m < RM; m++) {
            if (!isnan(Y->mae_decision[m]) && (isnan(bd) || Y->mae_decision[m] < bd))
                bd = Y->mae_decision[m];
            if (!isnan(Y->mae_settled[m]) && (isnan(bs) || Y->mae_settled[m] < bs))
                bs = Y->mae_settled[m];
        }
        printf(" | %7.2f/%-7.2f %7.2f/%-7.2f", Y->mae_decision[0], bd, Y->mae_settled[0], bs);
        size_t nf = 0;
        for (int m = 0; m < RM; m++)
            nf += Y->failed[m];
        if (nf)
            printf("  (%zu method failures left out)", nf);
        printf("\n");
    }
    printf("\nSummary over %zu county-years: engine / best baseline per year, mean %.3f, max %.3f\n"
           "(targets: mean <= 0.95, max <= 1.10).\n",
           rows, regint_settlement_rolling_mean_ratio(r), regint_settlement_rolling_max_ratio(r));
    printf("\nFitted weights (mean over the year's counties):\n%-4s", "year");
    for (int j = 0; j < RC; j++)
        printf(" %10s", cname(j));
    printf("\n");
    for (size_t i = 0; i < ny; i++) {
        const regint_settlement_rolling_year_t *Y = regint_settlement_rolling_year(r, i);
        if (!Y->counties)
            continue;
        printf("%-4d", Y->year);
        for (int j = 0; j < RC; j++)
            printf(" %10.2f", Y->weights[j]);
        printf("\n");
    }
    if (weights) {
        printf("\nFitted weights per county-year:\n%-4s %-2s", "year", "nr");
        for (int j = 0; j < RC; j++)
            printf(" %10s", cname(j));
        printf("\n");
        for (size_t i = 0; i < regint_settlement_rolling_count(r); i++) {
            const regint_settlement_rolling_row_t *x = regint_settlement_rolling_row(r, i);
            if (!x->scored)
                continue;
            printf("%-4d %-2s", x->year, x->fylkesnr);
            for (int j = 0; j < RC; j++)
                printf(" %10.2f", x->weights[j]);
            printf("\n");
        }
    }
    printf("\nThe published national criteria (population, work opportunities, introduction results) all\n"
           "distribute like population within a county: the fitted population weight stands for them.\n");
}

static int run_rolling(const cli_command *cmd, const backtest_args *args, int from, int to)
{
    regint_dataset *ds = NULL;
    regint_settlement_rolling *r = NULL;
    int rc = cli_load_dataset(cmd->name, args->data, &ds);
    if (rc != CLI_OK)
        return rc;
    regint_settlement_rolling_options o = REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT;
    o.fylkesnr = args->county;
    o.year_from = from;
    o.year_to = to;
    if (regint_settlement_rolling_run(ds, &o, &r) != REGINT_OK) {
        rc = cli_fail(cmd->name, NULL);
    } else if (args->fmt == CLI_JSON) {
        char *txt = NULL;
        regint_status st = regint_settlement_rolling_to_json(r, &txt);
        rc = cli_put_text(cmd->name, st, txt);
    } else if (args->fmt == CLI_CSV) {
        rolling_csv(r);
    } else {
        rolling_table(r, args->data, args->weights);
    }
    regint_settlement_rolling_free(r);
    regint_dataset_free(ds);
    return rc;
}

int cli_run_backtest(const cli_command *cmd, const void *parsed)
{
    const backtest_args args = *(const backtest_args *)parsed;
    int rc = CLI_OK;
    int from = 0, to = 0;
    if (args.years && !cli_years_in(args.years, &from, &to)) {
        fprintf(stderr, "regint backtest: --years: expected A-B or A with 1900 <= A <= B <= 2200, got '%s'\n",
                args.years);
        return CLI_USAGE;
    }
    if (!args.profile)
        return run_rolling(cmd, &args, from, to);
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
