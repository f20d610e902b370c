/* dataset.i — dataset.h: the dataset handle, its records as dicts and its tables as
 * columns (one call per table). */

REGINT_HANDLE(regint_dataset, DatasetHandle, regint_dataset_free)
REGINT_ENUM_OUT(regint_missing)
REGINT_ENUM_OUT(regint_measure)
REGINT_ENUM_OUT(regint_category)
REGINT_ENUM_OUT(regint_change_kind)
REGINT_ENUM_OUT(regint_direction)
REGINT_ENUM_OUT(regint_level)
REGINT_ENUM_OUT(regint_csv_kind)

%{
#define RPY_T regint_value_t
static const rpy_field rpy_value_t[] = {RPY_F(value, F64), RPY_F(missing, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_aggregate_t
static const rpy_field rpy_aggregate[] = {RPY_FN("value", value.value, F64),
    RPY_FN("missing", value.missing, INT), RPY_F(partial, F64), RPY_F(n_parts, SIZE),
    RPY_F(n_missing, SIZE), RPY_F(n_absent, SIZE), RPY_F(direct, BOOL), RPY_DONE};
#undef RPY_T
#define RPY_T regint_county_t
static const rpy_field rpy_county[] = {RPY_F(fylkesnr, STR), RPY_F(name, STR), RPY_F(valid_from, INT),
                                       RPY_F(valid_to, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_municipality_t
static const rpy_field rpy_municipality[] = {RPY_F(kommunenr, STR), RPY_F(name, STR), RPY_F(fylkesnr, STR),
    RPY_F(valid_from, INT), RPY_F(valid_to, INT), RPY_F(centrality, INT), RPY_F(kostra_group, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_code_change_t
static const rpy_field rpy_code_change[] = {RPY_F(from_kommunenr, STR), RPY_F(from_year, INT),
    RPY_F(to_kommunenr, STR), RPY_F(to_year, INT), RPY_F(kind, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_settlement_t
static const rpy_field rpy_settlement[] = {RPY_F(kommunenr, STR), RPY_F(year, INT), RPY_F(measure, INT),
    RPY_F(category, INT), RPY_FN("value", value.value, F64), RPY_FN("missing", value.missing, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_indicator_t
static const rpy_field rpy_indicator[] = {RPY_F(id, STR), RPY_F(name_nb, STR), RPY_F(name_en, STR),
    RPY_F(unit, STR), RPY_F(source, STR), RPY_F(direction, INT), RPY_F(level, INT),
    RPY_F(sdg_targets, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_observation_t
static const rpy_field rpy_observation[] = {RPY_F(indicator, STR), RPY_F(area, STR), RPY_F(year, INT),
    RPY_F(category, STR), RPY_FN("value", value.value, F64), RPY_FN("missing", value.missing, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_case_t
static const rpy_field rpy_case[] = {RPY_F(id, STR), RPY_F(family_size, INT), RPY_F(flags, UINT),
                                     RPY_F(year, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_dataset_find_options
static const rpy_field rpy_dataset_find_options[] = {RPY_F(area, STR), RPY_F(year_from, INT), RPY_F(year_to, INT),
    RPY_F(measure, INT), RPY_F(category, INT), RPY_F(indicator, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_dataset_save_options
static const rpy_field rpy_dataset_save_options[] = {RPY_F(force, BOOL), RPY_DONE};
#undef RPY_T
%}

REGINT_STRUCT(regint_value_t, rpy_value_t)
REGINT_STRUCT(regint_aggregate_t, rpy_aggregate)
REGINT_STRUCT(regint_county_t, rpy_county)
REGINT_STRUCT(regint_municipality_t, rpy_municipality)
REGINT_STRUCT(regint_code_change_t, rpy_code_change)
REGINT_STRUCT(regint_settlement_t, rpy_settlement)
REGINT_STRUCT(regint_indicator_t, rpy_indicator)
REGINT_STRUCT(regint_observation_t, rpy_observation)
REGINT_STRUCT(regint_case_t, rpy_case)
REGINT_OPTIONS_IN(regint_dataset_find_options, regint_dataset_find_options_init, REGINT_DATASET_FIND_OPTIONS_VERSION,
                  rpy_dataset_find_options)
%ignore regint_dataset_find_options_init;
REGINT_OPTIONS_IN(regint_dataset_save_options, regint_dataset_save_options_init, REGINT_DATASET_SAVE_OPTIONS_VERSION,
                  rpy_dataset_save_options)
%ignore regint_dataset_save_options_init;

REGINT_ARRAY_IN_COUNTED(char *const, RPY_STR, kommunenr)
REGINT_ARRAY_IN_N(int, RPY_INT, from_year, arg2)
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, persons, arg3)
REGINT_ARRAY_OUT_N(const char *, RPY_STR, mapped, arg2)

REGINT_TABLE(regint_dataset_counties, regint_dataset, regint_county_t, regint_dataset_county_count,
             regint_dataset_county_at, rpy_county)
REGINT_TABLE(regint_dataset_municipalities, regint_dataset, regint_municipality_t,
             regint_dataset_municipality_count, regint_dataset_municipality_at, rpy_municipality)
REGINT_TABLE(regint_dataset_code_changes, regint_dataset, regint_code_change_t,
             regint_dataset_code_change_count, regint_dataset_code_change_at, rpy_code_change)
REGINT_TABLE(regint_dataset_indicators, regint_dataset, regint_indicator_t,
             regint_dataset_indicator_count, regint_dataset_indicator_at, rpy_indicator)
REGINT_TABLE(regint_dataset_cases, regint_dataset, regint_case_t, regint_dataset_case_count,
             regint_dataset_case_at, rpy_case)

%include "regint/dataset.h"
