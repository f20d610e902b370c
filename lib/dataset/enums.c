/* Names of the dataset's enum values as written in files (JSON, CSV) and shown to people. */
#include "dataset/dataset_internal.h"
#include "util/error.h"
#include "util/names.h"

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
static const char *const flag_names[] = {"unaccompanied_minor", "family_reunification",
                                         "resettlement", "collective_protection"};

const char *regint_missing_name(regint_missing m)
{
    return (unsigned)m < REGINT__NELEM(missing_names) ? missing_names[m] : "";
}
regint_status regint_missing_from_name(const char *name, regint_missing *out)
{
    int v = 0;
    if (!name || !*name || !out)
        return regint__error(REGINT_ENOTFOUND, "unknown missing reason '%s'", name ? name : "(null)");
    regint_status st = regint__name_lookup(missing_names, REGINT__NELEM(missing_names), name, &v, "missing reason");
    if (!st)
        *out = (regint_missing)v;
    return st;
}
const char *regint_measure_name(regint_measure m)
{
    return (unsigned)m < REGINT__NELEM(measure_names) ? measure_names[m] : "";
}
regint_status regint_measure_from_name(const char *name, regint_measure *out)
{
    int v = 0;
    regint_status st = regint__name_lookup(measure_names, REGINT__NELEM(measure_names), name, &v, "measure");
    if (!st && out)
        *out = (regint_measure)v;
    return st;
}
const char *regint_category_name(regint_category c)
{
    return (unsigned)c < REGINT__NELEM(category_names) ? category_names[c] : "";
}
regint_status regint_category_from_name(const char *name, regint_category *out)
{
    int v = 0;
    regint_status st = regint__name_lookup(category_names, REGINT__NELEM(category_names), name, &v, "category");
    if (!st && out)
        *out = (regint_category)v;
    return st;
}
const char *regint__change_kind_name(regint_change_kind k)
{
    return (unsigned)k < REGINT__NELEM(kind_names) ? kind_names[k] : "";
}
regint_status regint__change_kind_from_name(const char *s, regint_change_kind *out)
{
    int v = 0;
    regint_status st = regint__name_lookup(kind_names, REGINT__NELEM(kind_names), s, &v, "change kind");
    if (!st)
        *out = (regint_change_kind)v;
    return st;
}
const char *regint__direction_name(regint_direction d)
{
    return (unsigned)d < REGINT__NELEM(direction_names) ? direction_names[d] : "";
}
regint_status regint__direction_from_name(const char *s, regint_direction *out)
{
    int v = 0;
    regint_status st = regint__name_lookup(direction_names, REGINT__NELEM(direction_names), s, &v, "direction");
    if (!st)
        *out = (regint_direction)v;
    return st;
}
const char *regint__level_name(regint_level l)
{
    return (unsigned)l < REGINT__NELEM(level_names) ? level_names[l] : "";
}
regint_status regint__level_from_name(const char *s, regint_level *out)
{
    int v = 0;
    regint_status st = regint__name_lookup(level_names, REGINT__NELEM(level_names), s, &v, "level");
    if (!st)
        *out = (regint_level)v;
    return st;
}
const char *regint__case_flag_name(unsigned bit)
{
    return bit < REGINT__NELEM(flag_names) ? flag_names[bit] : NULL;
}
