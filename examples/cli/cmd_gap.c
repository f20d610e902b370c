/* regint gap: IMDi's request vs the council's decision vs settled per municipality and year. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct gap_args {
    const char *data, *county, *years;
    int fmt;
} gap_args;

/* The values of options not given. */
static const gap_args defaults = {NULL, "39", "2024-2026", CLI_TABLE};

static const cli_opt gap_opts[] = {
    CLI_SUMMARY("request vs decision vs settled per municipality and year"),
    CLI_ABOUT("Gap analytics for a county: per municipality and year, IMDi's request (anmodning), the council's\n"
              "decision (vedtak) and persons settled (bosatt); who decided below the request and by how much,\n"
              "and the delivery rate (settled / decided). Per year, the county's sums and rates over the\n"
              "municipalities whose figures are present.\n"),
    CLI_OPT_DATA(gap_args),
    CLI_OPT_COUNTY(gap_args, "county number (default 39 Vestfold); 00 = the whole country"),
    CLI_STRING("years", "A-B", gap_args, years, 0,
               "the years A to B, or one year A (1900 <= A <= B <= 2200;\ndefault 2024-2026)"),
    CLI_OPT_FORMAT(gap_args),
    CLI_NOTES("County codes changed in 2020 and 2024: a year in which the county code does not exist is\n"
              "skipped and named. Missing and suppressed figures are not guessed (sums are lower bounds).\n"),
    CLI_END,
};

const cli_command cli_cmd_gap = CLI_COMMAND("gap", gap_opts, cli_run_gap);

static void put_value(regint_value_t v, int width)
{
    if (v.missing == REGINT_MISSING_NONE)
        printf("%*.0f", width, v.value);
    else if (v.missing == REGINT_MISSING_SUPPRESSED)
        printf("%*s", width, ":");
    else if (v.missing == REGINT_MISSING_NO_DECISION)
        printf("%*s", width, "-");
    else
        printf("%*s", width, ".");
}

static void put_rate(double r, int width)
{
    if (isnan(r))
        printf("%*s", width, ".");
    else
        printf("%*.0f%%", width - 1, 100 * r);
}

static void print_table(const regint_settlement_gap *g)
{
    size_t n = regint_settlement_gap_count(g), ny = regint_settlement_gap_year_count(g);
    printf("Request vs decision vs settled, county %s\n", regint_settlement_gap_fylkesnr(g));
    if (*regint_settlement_gap_note(g))
        printf("Skipped: %s\n", regint_settlement_gap_note(g));
    printf("\n%-4s %7s %8s %8s %8s %7s %6s %9s %8s\n", "year", "munic.", "request", "decision", "settled", "below",
           "by", "dec/req", "delivery");
    for (size_t i = 0; i < ny; i++) {
        const regint_settlement_gap_year_t *y = regint_settlement_gap_year(g, i);
        printf("%-4d %7zu %8.0f %8.0f %8.0f %7zu %6.0f ", y->year, y->municipalities, y->request, y->decision,
               y->settled, y->n_below, y->below_by);
        put_rate(y->decision_rate, 9);
        printf(" ");
        put_rate(y->delivery_rate, 8);
        printf("\n");
    }
    int nw = 4;
    for (size_t i = 0; i < n; i++)
        nw = cli_name_width(nw, regint_settlement_gap_row(g, i)->name);
    printf("\n%-4s %-4s  %-*s %7s %8s %7s %6s %8s\n", "year", "nr", nw, "name", "request", "decision", "settled", "gap",
           "delivery");
    for (size_t i = 0; i < n; i++) {
        const regint_settlement_gap_row_t *r = regint_settlement_gap_row(g, i);
        int pad = nw - cli_utf8_width(r->name);
        printf("%-4d %-4s  %.*s%*s ", r->year, r->kommunenr, 200, r->name, pad > 0 ? pad : 0, "");
        put_value(r->request, 7);
        printf(" ");
        put_value(r->decision, 8);
        printf(" ");
        put_value(r->settled, 7);
        if (isnan(r->gap))
            printf(" %6s", ".");
        else
            printf(" %6.0f", r->gap);
        printf(" ");
        put_rate(r->delivery_rate, 8);
        printf("%s\n", r->below_request ? "  decided below the request" : "");
    }
    printf("\nbelow = municipalities that decided below IMDi's request, by = persons short of the request;\n"
           "dec/req = decided / requested, delivery = settled / decided (over municipalities with both);\n"
           "':' suppressed (<5), '-' no decision, '.' not available.\n");
}

static void csv_value(regint_value_t v)
{
    if (v.missing == REGINT_MISSING_NONE)
        printf(",%.0f", v.value);
    else
        printf(",");
}

static void print_csv(const regint_settlement_gap *g)
{
    printf("year,kommunenr,name,request,decision,settled,below_request,gap,delivery_rate\n");
    for (size_t i = 0; i < regint_settlement_gap_count(g); i++) {
        const regint_settlement_gap_row_t *r = regint_settlement_gap_row(g, i);
        printf("%d,%s,", r->year, r->kommunenr);
        cli_csv_field(stdout, r->name, CLI_QUOTE_ALWAYS);
        csv_value(r->request);
        csv_value(r->decision);
        csv_value(r->settled);
        printf(",%d,", r->below_request);
        if (!isnan(r->gap))
            printf("%.0f", r->gap);
        printf(",");
        if (!isnan(r->delivery_rate))
            printf("%.6f", r->delivery_rate);
        printf("\n");
    }
}

int cli_run_gap(const cli_command *cmd, const void *parsed)
{
    const gap_args args = *(const gap_args *)parsed;
    int from = 0, to = 0;
    if (!cli_years_in(args.years, &from, &to))
        return cli_usage_error(cmd, "--years: expected A-B or A with 1900 <= A <= B <= 2200, got '%s'", args.years);
    regint_dataset *ds = NULL;
    int rc = cli_load_dataset(cmd->name, args.data, &ds);
    if (rc != CLI_OK)
        return rc;
    regint_settlement_gap *g = NULL;
    if (regint_settlement_gap_run(ds, args.county, from, to, &g) != REGINT_OK) {
        rc = cli_fail(cmd->name, NULL);
    } else if (args.fmt == CLI_JSON) {
        char *s = NULL;
        regint_status st = regint_settlement_gap_to_json(g, &s);
        rc = cli_put_text(cmd->name, st, s);
    } else if (args.fmt == CLI_CSV) {
        print_csv(g);
    } else {
        print_table(g);
    }
    regint_settlement_gap_free(g);
    regint_dataset_free(ds);
    return rc;
}
