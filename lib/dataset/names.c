/* Public names of the dataset's enums that were private before 0.2.0 (the tables live with the
 * JSON reader in dataset.c; these wrap them so that a name is never NULL or ""), and of the CSV
 * layouts. */
#include "regint/dataset.h"

#include "util/enumname.h"
#include "util/internal.h"
#include "dataset/dataset_internal.h"

const char *regint_change_kind_name(regint_change_kind v)
{
    const char *s = regint__change_kind_name(v);
    return *s ? s : "unknown";
}

regint_status regint_change_kind_from_name(const char *name, regint_change_kind *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "change kind from name: NULL output");
    return regint__change_kind_from_name(name, out);
}

const char *regint_direction_name(regint_direction v)
{
    const char *s = regint__direction_name(v);
    return *s ? s : "unknown";
}

regint_status regint_direction_from_name(const char *name, regint_direction *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "direction from name: NULL output");
    return regint__direction_from_name(name, out);
}

const char *regint_level_name(regint_level v)
{
    const char *s = regint__level_name(v);
    return *s ? s : "unknown";
}

regint_status regint_level_from_name(const char *name, regint_level *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "level from name: NULL output");
    return regint__level_from_name(name, out);
}

/* The names the Python layer used as keys (bindings/python/regint/_dataset.py, which lacked
 * "indicators": the reason the names now come from here). */
static const char *const csv_kind_names[REGINT_CSV_KIND_COUNT] = {
    "municipalities_2024", "municipalities_2020", "code_changes_2020_2024", "imdi_settlement", "observations",
    "indicators"};

const char *regint_csv_kind_name(regint_csv_kind v)
{
    return regint__enum_name(csv_kind_names, REGINT_CSV_KIND_COUNT, (int)v);
}

regint_status regint_csv_kind_from_name(const char *name, regint_csv_kind *out)
{
    int v = 0;
    regint_status st = regint__enum_from_name(csv_kind_names, REGINT_CSV_KIND_COUNT, name, out ? &v : NULL, "CSV kind");
    if (!st)
        *out = (regint_csv_kind)v;
    return st;
}

/* ------------------------------------------------------------------------- */
/* Aggregation                                                                */

static const char *const aggregation_names[REGINT_AGGREGATION_COUNT] = {"sum", "mean"};

const char *regint_aggregation_name(regint_aggregation v)
{
    return regint__enum_name(aggregation_names, REGINT_AGGREGATION_COUNT, (int)v);
}

regint_status regint_aggregation_from_name(const char *name, regint_aggregation *out)
{
    int v = 0;
    regint_status st = regint__enum_from_name(aggregation_names, REGINT_AGGREGATION_COUNT, name, out ? &v : NULL, "aggregation");
    if (!st)
        *out = (regint_aggregation)v;
    return st;
}
