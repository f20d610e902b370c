/* kb.i — kb.h: the knowledge-base handle; aggregates, trends and summaries as dicts; a
 * series as (handle, dict) so that its change and trend are asked of the library. */

REGINT_HANDLE(regint_kb, KnowledgeBaseHandle, regint_kb_free)
%{
#define RPY_T regint_trend_t
static const rpy_field rpy_trend[] = {RPY_F(slope, F64), RPY_F(intercept, F64), RPY_F(points, SIZE),
    RPY_F(first_year, INT), RPY_F(last_year, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_indicator_summary_t
static const rpy_field rpy_indicator_summary[] = {RPY_S(value, rpy_aggregate, regint_aggregate_t),
    RPY_S(change, rpy_value_t, regint_value_t), RPY_S(trend, rpy_trend, regint_trend_t),
    RPY_S(county, rpy_value_t, regint_value_t), RPY_S(nation, rpy_value_t, regint_value_t),
    RPY_F(rank, SIZE), RPY_F(rank_of, SIZE), RPY_DONE};
#undef RPY_T
#define RPY_T regint_kb_series_result
static const rpy_field rpy_series[] = {RPY_F(indicator, STR), RPY_F(area, STR), RPY_F(area_year, INT),
    RPY_F(category, STR), RPY_A(years, INT, n), RPY_SA(values, rpy_aggregate, regint_aggregate_t, n),
    RPY_DONE};
#undef RPY_T
#define RPY_T regint_kb_find_options
static const rpy_field rpy_kb_find_options[] = {RPY_F(sdg_goal, INT), RPY_F(level, INT), RPY_F(text, STR),
                                                RPY_DONE};
#undef RPY_T
#define RPY_T regint_kb_jsonstat_options
static const rpy_field rpy_jsonstat_options[] = {RPY_F(indicator, STR), RPY_F(area_dimension, STR),
    RPY_F(time_dimension, STR), RPY_F(contents_dimension, STR), RPY_F(refuse_existing, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_STRUCT(regint_trend_t, rpy_trend)
REGINT_STRUCT(regint_indicator_summary_t, rpy_indicator_summary)
REGINT_RESULT_HANDLE(regint_kb_series_result, regint_kb_series_result_free, rpy_series)
REGINT_OPTIONS_IN(regint_kb_find_options, regint_kb_find_options_init, REGINT_KB_FIND_OPTIONS_VERSION,
                  rpy_kb_find_options)
REGINT_OPTIONS_IN(regint_kb_jsonstat_options, regint_kb_jsonstat_options_init, REGINT_KB_JSONSTAT_OPTIONS_VERSION,
                  rpy_jsonstat_options)

/* The goals of a target list: a tuple of ints. */
%typemap(in, numinputs=0) (int goals[17], size_t *n) (int tmp[17], size_t tmpn = 0) { $1 = tmp; $2 = &tmpn; }
%typemap(argout) (int goals[17], size_t *n) {
    $result = rpy_append($result, rpy_list((const char *)$1, RPY_INT, *$2));
    if (!$result) SWIG_fail;
}

%immutable;   /* the result proxy is read through its dict, never written */
%include "regint/kb.h"
%mutable;
