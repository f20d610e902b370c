/* regint scenario and regint audit: the scenario range and the audit of a county's
 * recommendation (the figures of sections 7 and 8 of `regint letter`), as JSON. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

typedef struct scenario_args {
    const char *data, *county, *profile;
    int64_t year, total;
    int fmt;
} scenario_args;

static const scenario_args defaults = {NULL, NULL, NULL, 2026, -1, CLI_JSON};

#define SCENARIO_COMMON_OPTS                                                                                      \
    CLI_OPT_DATA(scenario_args),                                                                                  \
        CLI_STRING("county", "NR", scenario_args, county, CLI_REQUIRED, "county number valid in the year"),      \
        CLI_INT("year", "Y", scenario_args, year, 1900, 2200, 0, "the year to settle in (default 2026)"),         \
        CLI_INT("total", "N", scenario_args, total, 0, INT64_MAX, 0,                                              \
                "persons to settle (default: the sum of IMDi's actual requests)"),                                \
        CLI_STRING("profile", "FILE", scenario_args, profile, 0, "settlement profile (see docs/settlement.md)"), \
        CLI_FLAG("json", scenario_args, fmt, CLI_JSON, "JSON output (the only format so far)")

static const cli_opt scenario_opts[] = {
    CLI_SUMMARY("range of each municipality's number over scenario variants (JSON)"),
    CLI_ABOUT("Recommends with the county's total from -20 % to +20 % in steps of 5 % and with each\n"
              "criterion weight raised and lowered by 25 %, and prints for each municipality the\n"
              "recommended number (the base run), min, median, max, the share of variants on a bound\n"
              "and a stability figure (docs/scenarios.md).\n"),
    SCENARIO_COMMON_OPTS,
    CLI_END,
};

static const cli_opt audit_opts[] = {
    CLI_SUMMARY("audit a county's recommendation: quota rule, monotonicity, spread (JSON)"),
    CLI_ABOUT("Checks the recommendation: quota rule (floor and ceiling of the ideal share), house\n"
              "monotonicity over totals from -20 % to +20 %, ties that decided a seat, binding bounds,\n"
              "per-1,000 spread and Gini, and the comparison with last year's request (docs/scenarios.md).\n"),
    SCENARIO_COMMON_OPTS,
    CLI_END,
};

int cli_run_scenario(const cli_command *cmd, const void *args);
int cli_run_audit(const cli_command *cmd, const void *args);

const cli_command cli_cmd_scenario = CLI_COMMAND("scenario", scenario_opts, cli_run_scenario);
const cli_command cli_cmd_audit = CLI_COMMAND("audit", audit_opts, cli_run_audit);

static int run(const cli_command *cmd, const scenario_args *a, int audit)
{
    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL;
    int rc = cli_load_settlement(cmd->name, a->data, a->profile, &ds, &prof);
    if (rc != CLI_OK)
        return rc;
    regint_letter_options opt = REGINT_LETTER_OPTIONS_INIT;
    opt.profile = prof;
    if (a->total >= 0)
        opt.total = a->total;
    char *json = NULL;
    regint_status st = audit ? regint_letter_audit_json(ds, a->county, (int)a->year, &opt, &json)
                             : regint_letter_scenario_json(ds, a->county, (int)a->year, &opt, &json);
    rc = cli_put_text(cmd->name, st, json);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}

int cli_run_scenario(const cli_command *cmd, const void *args) { return run(cmd, args, 0); }
int cli_run_audit(const cli_command *cmd, const void *args) { return run(cmd, args, 1); }
