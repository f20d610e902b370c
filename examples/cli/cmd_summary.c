/* regint summary [--data FILE] [--year YEAR] [--json]: load a dataset (default: the bundled
 * one) and summarise it: record counts, years covered, and per county the municipalities,
 * population and settlement totals of the latest settlement year. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct county_row {
    const regint_county_t *c;
    size_t nmuni;
    int64_t pop;
    size_t pop_n;
    double sum[3];
    size_t missing[3];
} county_row;

typedef struct summary_args {
    const char *data;
    int64_t year;
    int fmt;
} summary_args;

/* The values of options not given. */
static const summary_args defaults = {NULL, 0, CLI_TABLE};

/* Option tables are data of one shape, so `duplicates` pairs the end of this one (a --json
 * flag, notes, the command) with apportion's; nothing there to share. */
static const cli_opt summary_opts[] = {
    CLI_SUMMARY("load a dataset (default: the bundled one) and summarise it"),
    CLI_OPT_DATA(summary_args),
    CLI_INT("year", "YEAR", summary_args, year, 1800, 2200, 0,
            "year of the per-county table (default: the latest settlement year)"),
    CLI_FLAG("json", summary_args, fmt, CLI_JSON, "machine-readable output"),
    CLI_NOTES("Settlement totals are sums over municipalities of the figures present; 'missing' counts\n"
              "cells without a value (suppressed, not applicable, ...), which are never counted as 0.\n"),
    CLI_END,
};

const cli_command cli_cmd_summary = CLI_COMMAND("summary", summary_opts, cli_run_summary);

int cli_run_summary(const cli_command *cmd, const void *parsed)
{
    const summary_args args = *(const summary_args *)parsed;
    const char *data = args.data;
    int as_json = args.fmt == CLI_JSON, year = (int)args.year;
    regint_dataset *ds;
    const char *path = data ? data : regint_dataset_default_path();
    if (cli_load_dataset(cmd->name, data, &ds))
        return CLI_BAD_INPUT;

    int smin = 0, smax = 0, pmax = 0;
    for (size_t i = 0; i < regint_dataset_settlement_count(ds); i++) {
        int y = regint_dataset_settlement_at(ds, i)->year;
        if (!smin || y < smin)
            smin = y;
        if (y > smax)
            smax = y;
    }
    if (!year)
        year = smax ? smax : 2024;

    /* Population: the latest year with figures, at most `year`. */
    const regint_municipality_t **ms;
    size_t nm;
    if (regint_dataset_municipalities_in(ds, year, NULL, &ms, &nm)) {
        regint_dataset_free(ds);
        return cli_fail(cmd->name, NULL);
    }
    for (int y = year; y >= year - 30 && !pmax; y--)
        for (size_t i = 0; i < nm && !pmax; i++) {
            int64_t p;
            if (regint_dataset_population(ds, ms[i]->kommunenr, y, &p) == REGINT_OK)
                pmax = y;
        }

    size_t ncty = 0;
    county_row *rows = calloc(regint_dataset_county_count(ds) + 1, sizeof *rows);
    if (!rows) {
        regint_free(ms);
        regint_dataset_free(ds);
        fprintf(stderr, "regint summary: out of memory\n");
        return CLI_BAD_INPUT;
    }
    for (size_t i = 0; i < regint_dataset_county_count(ds); i++) {
        const regint_county_t *c = regint_dataset_county_at(ds, i);
        if (year >= c->valid_from && year <= c->valid_to)
            rows[ncty++].c = c;
    }
    static const regint_measure measures[3] = {REGINT_MEASURE_REQUEST, REGINT_MEASURE_DECISION,
                                               REGINT_MEASURE_SETTLED};
    county_row total = {0};
    for (size_t i = 0; i < nm; i++) {
        county_row *r = NULL;
        for (size_t j = 0; j < ncty && !r; j++)
            if (!strcmp(rows[j].c->fylkesnr, ms[i]->fylkesnr))
                r = &rows[j];
        if (!r)
            continue;
        county_row *targets[2] = {r, &total};
        int64_t p;
        int has_pop = pmax && regint_dataset_population(ds, ms[i]->kommunenr, pmax, &p) == REGINT_OK;
        for (int t = 0; t < 2; t++) {
            targets[t]->nmuni++;
            if (has_pop) {
                targets[t]->pop += p;
                targets[t]->pop_n++;
            }
        }
        for (int k = 0; k < 3; k++) {
            regint_value_t v;
            if (regint_dataset_settlement(ds, ms[i]->kommunenr, year, measures[k], REGINT_CATEGORY_ALL, &v))
                continue;
            for (int t = 0; t < 2; t++) {
                if (v.missing)
                    targets[t]->missing[k]++;
                else
                    targets[t]->sum[k] += v.value;
            }
        }
    }

    if (as_json) {
        cli_json_member(stdout, "{\"dataset\": ", path ? path : "");
        printf(", \"counts\": {\"counties\": %zu, \"municipalities\": %zu, \"municipalities_in_year\": %zu, "
               "\"code_changes\": %zu, \"settlement\": %zu, \"indicators\": %zu, \"observations\": %zu, "
               "\"cases\": %zu}",
               regint_dataset_county_count(ds), regint_dataset_municipality_count(ds), nm,
               regint_dataset_code_change_count(ds), regint_dataset_settlement_count(ds),
               regint_dataset_indicator_count(ds), regint_dataset_observation_count(ds),
               regint_dataset_case_count(ds));
        printf(", \"settlement_years\": [%d, %d], \"year\": %d, \"population_year\": %d, \"counties\": [", smin, smax,
               year, pmax);
        for (size_t j = 0; j <= ncty; j++) {
            county_row *r = j < ncty ? &rows[j] : &total;
            printf("%s\n  {\"fylkesnr\": ", j ? "," : "");
            cli_json_string(stdout, j < ncty ? r->c->fylkesnr : "00");
            cli_json_member(stdout, ", \"name\": ", j < ncty ? r->c->name : "Norge");
            printf(", \"municipalities\": %zu, \"population\": ", r->nmuni);
            if (r->pop_n == r->nmuni && r->nmuni)
                printf("%lld", (long long)r->pop);
            else
                printf("null");
            for (int k = 0; k < 3; k++)
                printf(", \"%s\": %.0f, \"%s_missing\": %zu", regint_measure_name(measures[k]), r->sum[k],
                       regint_measure_name(measures[k]), r->missing[k]);
            printf("}");
        }
        printf("\n]}\n");
    } else {
        printf("dataset: %s\n", path ? path : "(none)");
        printf("records: %zu counties, %zu municipalities (%zu valid in %d), %zu code changes,\n"
               "         %zu settlement figures (%d-%d), %zu indicators, %zu observations, %zu cases\n",
               regint_dataset_county_count(ds), regint_dataset_municipality_count(ds), nm, year,
               regint_dataset_code_change_count(ds), regint_dataset_settlement_count(ds), smin, smax,
               regint_dataset_indicator_count(ds), regint_dataset_observation_count(ds),
               regint_dataset_case_count(ds));
        printf("\nper county, %d (population 1 Jan %d; settlement sums of the figures present, "
               "(+n) = n missing cells)\n", year, pmax);
        printf("%-4s %-22s %8s %11s %14s %14s %14s\n", "nr", "county", "kommuner", "population",
               regint_measure_name(measures[0]), regint_measure_name(measures[1]),
               regint_measure_name(measures[2]));
        for (size_t j = 0; j <= ncty; j++) {
            county_row *r = j < ncty ? &rows[j] : &total;
            char pop[24], cell[3][32];
            if (r->pop_n == r->nmuni && r->nmuni)
                snprintf(pop, sizeof pop, "%lld", (long long)r->pop);
            else
                snprintf(pop, sizeof pop, "-");
            for (int k = 0; k < 3; k++) {
                if (r->missing[k])
                    snprintf(cell[k], sizeof cell[k], "%.0f (+%zu)", r->sum[k], r->missing[k]);
                else
                    snprintf(cell[k], sizeof cell[k], "%.0f", r->sum[k]);
            }
            printf("%-4s %-22s %8zu %11s %14s %14s %14s\n", j < ncty ? r->c->fylkesnr : "",
                   j < ncty ? r->c->name : "Norge (sum)", r->nmuni, pop, cell[0], cell[1], cell[2]);
        }
    }
    free(rows);
    regint_free(ms);
    regint_dataset_free(ds);
    return CLI_OK;
}
