/* regint recommend: settlement recommendation per municipality for a county and year. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct recommend_args {
    const char *data, *county, *profile;
    int64_t year, total, minors, plan_total;
    int fmt;
} recommend_args;

/* The values of options not given. */
static const recommend_args defaults = {NULL, "39", NULL, 2026, -1, -1, -1, CLI_TABLE};

static const cli_opt recommend_opts[] = {
    CLI_SUMMARY("recommend settlement requests per municipality for a county"),
    CLI_ABOUT("Recommend how many refugees each municipality of a county should be asked to settle.\n"
              "Without options: Vestfold (39), 2026, with the county's actual 2026 IMDi request total\n"
              "(and its unaccompanied minors) on the bundled data.\n"),
    CLI_OPT_DATA(recommend_args),
    CLI_OPT_COUNTY(recommend_args, "county number (default 39 Vestfold); 00 = the whole country"),
    CLI_INT("year", "Y", recommend_args, year, 1900, 2200, 0, "year of the recommendation (default 2026)"),
    CLI_INT("total", "N", recommend_args, total, 0, INT64_MAX, 0,
            "persons to settle (default: the sum of IMDi's actual requests\nfor the county and year)"),
    CLI_INT("minors", "N", recommend_args, minors, 0, INT64_MAX, 0, "of which unaccompanied minors"),
    CLI_INT("plan-total", "N", recommend_args, plan_total, 0, INT64_MAX, 0,
            "IMDi's plan figure for the county for the next year (default:\nthe year's total; docs/settlement.md, \"Plan figure\")"),
    CLI_STRING("profile", "FILE", recommend_args, profile, 0, "settlement profile (see docs/settlement.md)"),
    CLI_OPT_FORMAT(recommend_args),
    CLI_NOTES("The default profile is examples/data/profile-default.json (see docs/settlement.md).\n"),
    CLI_END,
};

const cli_command cli_cmd_recommend = CLI_COMMAND("recommend", recommend_opts, cli_run_recommend);

static void print_value(FILE *f, regint_value_t v, int width)
{
    if (v.missing == REGINT_MISSING_NONE)
        fprintf(f, "%*.0f", width, v.value);
    else if (v.missing == REGINT_MISSING_SUPPRESSED)
        fprintf(f, "%*s", width, ":");
    else if (v.missing == REGINT_MISSING_NO_DECISION)
        fprintf(f, "%*s", width, "-");
    else
        fprintf(f, "%*s", width, ".");
}

static void csv_value(FILE *f, regint_value_t v)
{
    if (v.missing == REGINT_MISSING_NONE)
        fprintf(f, ",%.0f", v.value);
    else
        fputc(',', f);
}

/* The rows' flags (notes = 0) or local notes (notes = 1) under a title: long texts that a
 * column would cut. */
static void print_texts(const regint_settlement_recommendation *r, const char *title, int notes)
{
    printf("%s", title);
    for (size_t i = 0; i < regint_settlement_recommendation_count(r); i++) {
        const regint_settlement_recommendation_row_t *row = regint_settlement_recommendation_row(r, i);
        const char *t = notes ? row->note : row->flag;
        if (*t)
            printf("  %s %s: %s\n", row->kommunenr, row->name, t);
    }
}

static void print_local(const regint_settlement_recommendation *r, size_t nflag, size_t nnote)
{
    if (nflag)
        print_texts(r, "\nFlags (the number departs from the municipality's own decision or stated capacity):\n", 0);
    if (nnote)
        print_texts(r, "\nLocal notes (profile):\n", 1);
}

static void print_table(const regint_settlement_recommendation *r, const char *source)
{
    size_t n = regint_settlement_recommendation_count(r);
    int y = regint_settlement_recommendation_year(r);
    printf("Settlement recommendation for %s (%s), %d: %" PRId64 " persons", regint_settlement_recommendation_county_name(r),
           regint_settlement_recommendation_fylkesnr(r), y, regint_settlement_recommendation_total(r));
    if (regint_settlement_recommendation_minors(r))
        printf(", of which %" PRId64 " unaccompanied minors", regint_settlement_recommendation_minors(r));
    printf("\n%s\nProfile '%s'; history up to %d.\n", source, regint_settlement_recommendation_profile_name(r), y - 1);
    if (regint_settlement_recommendation_weights_fitted(r) && regint_settlement_recommendation_fitted_count(r))
        printf("Criteria (weights fitted on %d-%d, %zu county-years, out of sample):",
               regint_settlement_recommendation_fitted_from(r), regint_settlement_recommendation_fitted_to(r),
               regint_settlement_recommendation_fitted_count(r));
    else if (regint_settlement_recommendation_weights_fitted(r))
        printf("Criteria (weights fitted: no earlier county-year to fit on):");
    else
        printf("Criteria (normalised weights):");
    for (size_t c = 0; c < regint_settlement_recommendation_criterion_count(r); c++)
        printf(" %s %.3f", regint_settlement_recommendation_criterion_id(r, c),
               regint_settlement_recommendation_criterion_weight(r, c));
    printf("\n");
    const char *note = regint_settlement_recommendation_note(r);
    if (*note)
        printf("Note: %s\n", note);
    int nw = 4;
    for (size_t i = 0; i < n; i++)
        nw = cli_name_width(nw, regint_settlement_recommendation_row(r, i)->name);
    printf("\n%-4s  %-*s %6s %5s %4s %5s %5s %6s %7s | %7s %7s %7s %7s | %s\n", "nr", nw, "name", "recom", "plan", "EMA",
           "lower", "upper", "score%", "IMDi", "req", "dec", "settled", "dec", "reason");
    printf("%-4s  %-*s %6d %5d %4s %5s %5s %6s %7d | %7d %7d %7d %7d |\n", "", nw, "", y, y + 1, "", "", "", "", y, y - 1,
           y - 1, y - 1, y);
    int64_t sum = 0, sum_min = 0, sum_plan = 0;
    double sum_act = 0;
    size_t nflag = 0, nnote = 0;
    for (size_t i = 0; i < n; i++) {
        const regint_settlement_recommendation_row_t *row = regint_settlement_recommendation_row(r, i);
        int pad = nw - cli_utf8_width(row->name);
        printf("%-4s  %.*s%*s %6" PRId64 " %5" PRId64 " %4" PRId64 " %5" PRId64, row->kommunenr, 200, row->name,
               pad > 0 ? pad : 0, "", row->recommended, row->plan, row->minors, row->lower);
        if (*row->flag)
            nflag++;
        if (*row->note)
            nnote++;
        if (row->upper == INT64_MAX)
            printf(" %5s", "-");
        else
            printf(" %5" PRId64, row->upper);
        printf(" %6.2f ", 100 * row->score);
        print_value(stdout, row->actual_request, 7);
        printf(" | ");
        int h = REGINT_SETTLEMENT_HISTORY_YEARS - 1;
        print_value(stdout, row->request[h], 7);
        printf(" ");
        print_value(stdout, row->decision[h], 7);
        printf(" ");
        print_value(stdout, row->settled[h], 7);
        printf(" ");
        print_value(stdout, row->actual_decision, 7);
        printf(" | %s\n", row->reason);
        sum += row->recommended;
        sum_plan += row->plan;
        sum_min += row->minors;
        if (row->actual_request.missing == REGINT_MISSING_NONE)
            sum_act += row->actual_request.value;
    }
    printf("%-4s  %-*s %6" PRId64 " %5" PRId64 " %4" PRId64 " %5s %5s %6s %7.0f\n", "", nw, "total", sum, sum_plan, sum_min,
           "", "", "", sum_act);
    print_local(r, nflag, nnote);
    printf("\nIMDi = IMDi's actual request for %d (shown for comparison, not used); req/dec/settled = %d figures;\n"
           "':' suppressed (<5), '-' no decision, '.' not available.\n"
           "plan = plan figure for %d: the year's scores and bounds applied to the plan total %" PRId64 "\n"
           "(docs/settlement.md, \"Plan figure\").\n",
           y, y - 1, y + 1, regint_settlement_recommendation_plan_total(r));
    size_t ncav = regint_settlement_recommendation_caveat_count(r);
    if (ncav)
        printf("Caveats:\n");
    for (size_t c = 0; c < ncav; c++)
        printf("  - %s\n", regint_settlement_recommendation_caveat(r, c));
}

static void print_csv(const regint_settlement_recommendation *r)
{
    size_t n = regint_settlement_recommendation_count(r), nc = regint_settlement_recommendation_criterion_count(r);
    int y0 = regint_settlement_recommendation_year(r) - REGINT_SETTLEMENT_HISTORY_YEARS;
    printf("kommunenr,name,asked,recommended,minors,lower,upper,score,quota,population");
    for (size_t c = 0; c < nc; c++)
        printf(",contribution_%s", regint_settlement_recommendation_criterion_id(r, c));
    for (size_t c = 0; c < nc; c++)
        printf(",value_%s", regint_settlement_recommendation_criterion_id(r, c));
    for (int h = 0; h < REGINT_SETTLEMENT_HISTORY_YEARS; h++)
        printf(",request_%d,decision_%d,settled_%d", y0 + h, y0 + h, y0 + h);
    printf(",actual_request_%d,actual_decision_%d,reason,plan_%d,note,flag", y0 + REGINT_SETTLEMENT_HISTORY_YEARS,
           y0 + REGINT_SETTLEMENT_HISTORY_YEARS, y0 + REGINT_SETTLEMENT_HISTORY_YEARS + 1);
    /* the weights (normalised; fitted ones with the years fitted on) in every row, so that the
     * file says what produced it and stays one table */
    for (size_t c = 0; c < nc; c++)
        printf(",weight_%s", regint_settlement_recommendation_criterion_id(r, c));
    printf(",weights,fitted_from,fitted_to,fitted_county_years\n");
    for (size_t i = 0; i < n; i++) {
        const regint_settlement_recommendation_row_t *row = regint_settlement_recommendation_row(r, i);
        printf("%s,", row->kommunenr);
        cli_csv_field(stdout, row->name, CLI_QUOTE_ALWAYS);
        printf(",%d,%" PRId64 ",%" PRId64 ",%" PRId64 ",", row->asked, row->recommended, row->minors, row->lower);
        if (row->upper != INT64_MAX)
            printf("%" PRId64, row->upper);
        printf(",%.6f,%.3f,", row->score, row->quota);
        if (!isnan(row->population))
            printf("%.0f", row->population);
        for (size_t c = 0; c < nc; c++)
            printf(",%.6f", row->contributions[c]);
        for (size_t c = 0; c < nc; c++)
            if (isnan(row->values[c]))
                printf(",");
            else
                printf(",%.6g", row->values[c]);
        for (int h = 0; h < REGINT_SETTLEMENT_HISTORY_YEARS; h++) {
            csv_value(stdout, row->request[h]);
            csv_value(stdout, row->decision[h]);
            csv_value(stdout, row->settled[h]);
        }
        csv_value(stdout, row->actual_request);
        csv_value(stdout, row->actual_decision);
        putchar(',');
        cli_csv_field(stdout, row->reason, CLI_QUOTE_ALWAYS);
        printf(",%" PRId64 ",", row->plan);
        cli_csv_field(stdout, row->note, CLI_QUOTE_ALWAYS);
        putchar(',');
        cli_csv_field(stdout, row->flag, CLI_QUOTE_ALWAYS);
        for (size_t c = 0; c < nc; c++)
            printf(",%.6f", regint_settlement_recommendation_criterion_weight(r, c));
        if (regint_settlement_recommendation_weights_fitted(r) && regint_settlement_recommendation_fitted_count(r))
            printf(",fitted,%d,%d,%zu\n", regint_settlement_recommendation_fitted_from(r),
                   regint_settlement_recommendation_fitted_to(r), regint_settlement_recommendation_fitted_count(r));
        else
            printf(",%s,,,%zu\n", regint_settlement_recommendation_weights_fitted(r) ? "fitted" : "profile",
                   regint_settlement_recommendation_fitted_count(r));
    }
}

int cli_run_recommend(const cli_command *cmd, const void *parsed)
{
    const recommend_args args = *(const recommend_args *)parsed;
    int rc = CLI_OK;
    const char *data = args.data, *profile_path = args.profile;
    int year = (int)args.year, have_total = args.total >= 0, have_minors = args.minors >= 0;
    int csv = args.fmt == CLI_CSV, json = args.fmt == CLI_JSON;

    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL;
    regint_settlement_recommendation *rec = NULL;
    if ((rc = cli_load_settlement(cmd->name, data, profile_path, &ds, &prof)) != CLI_OK)
        return rc;
    /* Without --total the library applies the default rule (IMDi's actual requests). The same
     * steps as backtest's (options struct, engine call, JSON through the library); `duplicates`
     * pairs the two: the library's one options pattern, not logic to share. */
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    if (have_total)
        o.total = args.total;
    if (have_minors)
        o.minors = args.minors;
    o.profile = prof;
    if (regint_settlement_recommend(ds, args.county, year, &o, &rec) != REGINT_OK) { /* "00": the country */
        rc = cli_fail(cmd->name, NULL);
        goto done;
    }
    if (args.plan_total >= 0 && regint_settlement_recommendation_set_plan_total(rec, args.plan_total) != REGINT_OK) {
        rc = cli_fail(cmd->name, "--plan-total");
        goto done;
    }
    char source[512];
    if (!have_total)
        snprintf(source, sizeof source, "Total = IMDi's actual %d requests to the county's municipalities%s (data: %s).",
                 year,
                 regint_settlement_recommendation_minors(rec) && !have_minors
                     ? " (minors: IMDi's actual requests for unaccompanied minors)"
                     : "",
                 data ? data : "bundled dataset");
    else
        snprintf(source, sizeof source, "Total given on the command line (data: %s).", data ? data : "bundled dataset");
    if (json) {
        char *s = NULL;
        regint_status st = regint_settlement_recommendation_to_json(rec, &s);
        rc = cli_put_text(cmd->name, st, s);
    } else if (csv) {
        print_csv(rec);
    } else {
        print_table(rec, source);
    }
done:
    regint_settlement_recommendation_free(rec);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}
