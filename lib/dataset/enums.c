/* Names of the dataset's enum values as written in files (JSON, CSV) and shown to people, and
 * of the CSV layouts: one table per enum, and its _name() and _from_name() from one definition. */
#include "regint/dataset.h"

#include "dataset/dataset_internal.h"
#include "util/error.h"
#include "util/enumname.h"

static const char *const missing_names[] = {"", "suppressed", "not_applicable", "no_decision",
                                            "awaiting_decision", "unknown"};
static const char *const measure_names[] = {"anmodning", "vedtak", "bosatt", "avtalt",
                                            "opprinnelig_anmodning"};
static const char *const category_names[] = {"alle", "enslige_mindreaarige",
                                             "enslige_mindreaarige_under15",
                                             "enslige_mindreaarige_15_18", "kollektiv_beskyttelse"};
static const char *const kind_names[] = {"unchanged", "renumbered", "split", "merged"};
static const char *const direction_names[] = {"neutral", "higher_better", "lower_better"};
static const char *const level_names[] = {"kommune", "fylke", "nation"};
/* The names the Python layer used as keys (bindings/python/regint/_dataset.py, which lacked
 * "indicators": the reason the names now come from here). */
static const char *const csv_kind_names[REGINT_CSV_KIND_COUNT] = {
    "municipalities_2024", "municipalities_2020", "code_changes_2020_2024", "imdi_settlement", "observations",
    "indicators"};
static const char *const aggregation_names[REGINT_AGGREGATION_COUNT] = {"sum", "mean"};
static const char *const flag_names[] = {"unaccompanied_minor", "family_reunification",
                                         "resettlement", "collective_protection"};

#define ENUM_NAMES(prefix, type, table, what) REGINT__ENUM_NAMES(prefix, type, table, REGINT__NELEM(table), what)
ENUM_NAMES(regint_measure, regint_measure, measure_names, "measure")
ENUM_NAMES(regint_category, regint_category, category_names, "category")
ENUM_NAMES(regint_change_kind, regint_change_kind, kind_names, "change kind")
ENUM_NAMES(regint_direction, regint_direction, direction_names, "direction")
ENUM_NAMES(regint_level, regint_level, level_names, "level")
ENUM_NAMES(regint_csv_kind, regint_csv_kind, csv_kind_names, "CSV kind")
ENUM_NAMES(regint_aggregation, regint_aggregation, aggregation_names, "aggregation")

const char *regint_missing_name(regint_missing v)
{
    return regint__enum_name(missing_names, REGINT__NELEM(missing_names), (int)v);
}

/* "" is the name of REGINT_MISSING_NONE (a value that is there), not a reason to give. */
regint_status regint_missing_from_name(const char *name, regint_missing *out)
{
    int v = 0;
    if (!out)
        return regint__error(REGINT_EINVAL, "missing reason from name: NULL output");
    if (!name || !*name)
        return regint__error(REGINT_ENOTFOUND, "unknown missing reason '%s'", name ? name : "(null)");
    regint_status st =
        regint__enum_from_name(missing_names, REGINT__NELEM(missing_names), name, &v, "missing reason");
    if (!st)
        *out = (regint_missing)v;
    return st;
}

/* NULL past the last flag: callers loop until it. */
const char *regint__case_flag_name(unsigned bit)
{
    return bit < REGINT__NELEM(flag_names) ? flag_names[bit] : NULL;
}
