/* regint scenario and regint audit: the scenario range and the audit of a county's
 * recommendation or of any allocation (the figures of sections 7 and 8 of `regint letter`):
 * a readable table (the letter's section in --lang), CSV (scenario) or JSON. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

typedef struct scenario_args {
    const char *data, *county, *profile, *alt, *allocation;
    int64_t year, total;
    double max_per_1000;
    int fmt, lang;
} scenario_args;

static const scenario_args defaults = {NULL, NULL, NULL, NULL, NULL, 2026, -1, 0, CLI_TABLE, REGINT_LANG_EN};

#define SCENARIO_COMMON_OPTS                                                                                      \
    CLI_OPT_DATA(scenario_args),                                                                                  \
        CLI_STRING("county", "NR", scenario_args, county, CLI_REQUIRED, "county number valid in the year"),      \
        CLI_INT("year", "Y", scenario_args, year, 1900, 2200, 0, "the year to settle in (default 2026)"),         \
        CLI_INT("total", "N", scenario_args, total, 0, INT64_MAX, 0,                                              \
                "persons to settle (default: the sum of IMDi's actual requests)"),                                \
        CLI_STRING("profile", "FILE", scenario_args, profile, 0, "settlement profile (see docs/settlement.md)"), \
        CLI_CHOICE("lang", "nb|nn|en", scenario_args, lang, "language of the table: bokmål, nynorsk or English (default)")

static const cli_opt scenario_opts[] = {
    CLI_SUMMARY("range of each municipality's number over scenario variants"),
    CLI_ABOUT("Recommends with the county's total from -20 % to +20 % in steps of 5 %, with each\n"
              "criterion weight raised and lowered by 25 % and with each alternative profile, and prints\n"
              "for each municipality the recommended number (the base run), min, median, max, the share\n"
              "of variants on a bound and a stability figure (docs/scenarios.md). The county is scored\n"
              "once and re-apportioned per variant.\n"),
    SCENARIO_COMMON_OPTS,
    CLI_OPT_ALT_PROFILE(scenario_args),
    CLI_OPT_FORMAT(scenario_args),
    CLI_END,
};

static const cli_opt audit_opts[] = {
    CLI_SUMMARY("audit a recommendation or an allocation: quota rule, monotonicity, spread"),
    CLI_ABOUT("Checks the recommendation, or the allocation of --allocation: quota rule (floor and ceiling\n"
              "of the ideal share), house monotonicity over totals from -20 % to +20 %, population\n"
              "monotonicity between pairs, ties that decided a place, binding bounds, per-1,000 spread and\n"
              "Gini, the fairness floor of --max-per-1000 and the comparison with last year's request\n"
              "(docs/scenarios.md).\n"),
    SCENARIO_COMMON_OPTS,
    CLI_OPT_AUDIT(scenario_args),
    CLI_FLAG("json", scenario_args, fmt, CLI_JSON, "JSON output"),
    CLI_END,
};

int cli_run_scenario(const cli_command *cmd, const void *args);
int cli_run_audit(const cli_command *cmd, const void *args);

const cli_command cli_cmd_scenario = CLI_COMMAND("scenario", scenario_opts, cli_run_scenario);
const cli_command cli_cmd_audit = CLI_COMMAND("audit", audit_opts, cli_run_audit);

static int run(const cli_command *cmd, const scenario_args *a, int audit)
{
    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL, **alt = NULL;
    size_t nalt = 0;
    int rc = cli_load_settlement(cmd->name, a->data, a->profile, &ds, &prof);
    if (rc != CLI_OK)
        return rc;
    if ((rc = cli_load_profiles(cmd->name, a->alt, &alt, &nalt)) == CLI_OK) {
        regint_letter_options opt = REGINT_LETTER_OPTIONS_INIT;
        opt.profile = prof;
        opt.lang = (regint_lang)a->lang;
        if (a->total >= 0)
            opt.total = a->total;
        opt.allocation = a->allocation;
        opt.max_per_1000 = a->max_per_1000;
        opt.alt_profiles = (const regint_settlement_profile *const *)alt;
        opt.alt_profile_count = nalt;
        char *out = NULL;
        regint_status st;
        if (audit)
            st = a->fmt == CLI_JSON ? regint_letter_audit_json(ds, a->county, (int)a->year, &opt, &out)
                                    : regint_letter_audit_text(ds, a->county, (int)a->year, &opt, &out);
        else
            st = a->fmt == CLI_JSON  ? regint_letter_scenario_json(ds, a->county, (int)a->year, &opt, &out)
                 : a->fmt == CLI_CSV ? regint_letter_scenario_csv(ds, a->county, (int)a->year, &opt, &out)
                                     : regint_letter_scenario_text(ds, a->county, (int)a->year, &opt, &out);
        rc = cli_put_text(cmd->name, st, out);
    }
    cli_free_profiles(alt, nalt);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}

int cli_run_scenario(const cli_command *cmd, const void *args) { return run(cmd, args, 0); }
int cli_run_audit(const cli_command *cmd, const void *args) { return run(cmd, args, 1); }
