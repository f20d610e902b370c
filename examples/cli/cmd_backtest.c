/* regint backtest: recommendations for past years against IMDi's requests and decisions. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint backtest [--data FILE] [--county NR] [--years A-B] [--profile FILE] [--csv|--json]\n\n"
            "For each past year and county with IMDi requests, recommend with data up to the year before\n"
            "and the county's actual total, and compare with IMDi's requests and the councils' decisions:\n"
            "mean absolute error (MAE) and share within +-2 persons, next to two baselines (population-\n"
            "proportional; last year's decisions scaled to the total). Default years: %d to the last year\n"
            "with requests in the data.\n",
            REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM);
}

static const char *short_name(int m)
{
    static const char *const s[] = {"profile", "pop", "lastdec"};
    return m >= 0 && m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT ? s[m] : "tie";
}

static void fmt3(const double *v, const char *f)
{
    for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++) {
        if (isnan(v[m]))
            printf(" %7s", "-");
        else
            printf(f, v[m]);
    }
}

int cmd_backtest(int argc, char **argv)
{
    const char *profile_path = NULL;
    cli_common com = CLI_COMMON_INIT;
    int from = 0, to = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (cli_common_option(argc, argv, &i, CLI_OPT_DATA | CLI_OPT_COUNTY | CLI_OPT_FORMAT, &com)) {
            continue;
        } else if (!strcmp(a, "--profile") && more) {
            profile_path = argv[++i];
        } else if (!strcmp(a, "--years") && more) {
            const char *s = argv[++i], *dash = strchr(s, '-');
            char first[16];
            int64_t f, t;
            snprintf(first, sizeof first, "%.*s", dash ? (int)(dash - s) : (int)strlen(s), s);
            if ((dash ? (size_t)(dash - s) : strlen(s)) >= sizeof first || !cli_parse_int64(first, 1900, 2200, &f) || !cli_parse_int64(dash ? dash + 1 : first, 1900, 2200, &t) ||
                f > t) {
                fprintf(stderr, "regint backtest: --years: expected A-B or A with 1900 <= A <= B <= 2200, got '%s'\n", s);
                return CLI_USAGE;
            }
            from = (int)f;
            to = (int)t;
        } else {
            return cli_bad_option("backtest", a, usage);
        }
    }
    const char *data = com.data, *county = com.county;
    int csv = com.csv, json = com.json;
    if (csv && json) {
        fprintf(stderr, "regint backtest: give --csv or --json, not both\n");
        return CLI_USAGE;
    }
    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL;
    regint_settlement_backtest *bt = NULL;
    int rc = CLI_OK;
    if (cli_load_dataset(data, &ds) != REGINT_OK)
        return cli_fail(data ? data : "loading the bundled dataset");
    if (profile_path && regint_settlement_profile_load_file(profile_path, &prof) != REGINT_OK) {
        rc = cli_fail("profile");
        goto done;
    }
    regint_settlement_backtest_options o = REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT;
    o.fylkesnr = county;
    o.year_from = from;
    o.year_to = to;
    o.profile = prof;
    if (regint_settlement_backtest_run(ds, &o, &bt) != REGINT_OK) {
        rc = cli_fail("backtest");
        goto done;
    }
    size_t n = regint_settlement_backtest_count(bt);
    const regint_settlement_backtest_summary_t *s = regint_settlement_backtest_summary(bt);
    if (json) {
        char *txt = NULL;
        if (regint_settlement_backtest_to_json(bt, &txt) != REGINT_OK) {
            rc = cli_fail("json");
            goto done;
        }
        fputs(txt, stdout);
        regint_free(txt);
    } else if (csv) {
        printf("year,fylkesnr,county,municipalities,total,n_request,n_decision");
        const char *sets[4] = {"mae_request", "within2_request", "mae_decision", "within2_decision"};
        for (int k = 0; k < 4; k++)
            for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
                printf(",%s_%s", sets[k], regint_settlement_backtest_method_name((regint_settlement_backtest_method)m));
        printf(",winner_request,winner_decision,note\n");
        for (size_t i = 0; i < n; i++) {
            const regint_settlement_backtest_row_t *r = regint_settlement_backtest_row(bt, i);
            printf("%d,%s,\"%s\",%zu,%" PRId64 ",%zu,%zu", r->year, r->fylkesnr, r->county_name, r->municipalities,
                   r->total, r->n_request, r->n_decision);
            const double *v[4] = {r->mae_request, r->within2_request, r->mae_decision, r->within2_decision};
            for (int k = 0; k < 4; k++)
                for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
                    if (isnan(v[k][m]))
                        printf(",");
                    else
                        printf(",%.4f", v[k][m]);
            printf(",%s,%s,\"%s\"\n",
                   r->winner_request >= 0 ? regint_settlement_backtest_method_name((regint_settlement_backtest_method)r->winner_request) : "",
                   r->winner_decision >= 0 ? regint_settlement_backtest_method_name((regint_settlement_backtest_method)r->winner_decision) : "",
                   r->note);
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
            fmt3(r->mae_request, " %7.2f");
            printf(" |");
            double w[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];
            for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
                w[m] = 100 * r->within2_request[m];
            fmt3(w, " %6.1f%%");
            printf(" | %-7s |", short_name(r->winner_request));
            fmt3(r->mae_decision, " %7.2f");
            printf(" | %-7s", r->n_decision ? short_name(r->winner_decision) : "-");
            if (*r->note)
                printf("  (%s)", r->note);
            printf("\n");
        }
        printf("\nSummary over %zu county-years (%zu municipality-years vs requests, %zu vs decisions):\n", s->rows,
               s->n_request, s->n_decision);
        printf("  %-34s %9s %9s %9s\n", "", "profile", "pop", "lastdec");
        printf("  %-34s", "MAE vs IMDi's request");
        fmt3(s->mae_request, " %9.2f");
        printf("\n  %-34s", "share within +-2 of request");
        for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
            printf(" %8.1f%%", 100 * s->within2_request[m]);
        printf("\n  %-34s", "county-years won (request)");
        for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
            printf(" %9zu", s->wins_request[m]);
        printf("\n  %-34s", "MAE vs council decision");
        fmt3(s->mae_decision, " %9.2f");
        printf("\n  %-34s", "share within +-2 of decision");
        for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
            printf(" %8.1f%%", 100 * s->within2_decision[m]);
        printf("\n  %-34s", "county-years won (decision)");
        for (int m = 0; m < REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT; m++)
            printf(" %9zu", s->wins_decision[m]);
        printf("\n");
    }
done:
    regint_settlement_backtest_free(bt);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}
