/* plan.i — plan.h: plans are handles; their goals, measures and indicators cross as
 * tables, progress as dicts. */

REGINT_HANDLE(regint_plan, PlanHandle, regint_plan_free)
%{
#define RPY_T regint_plan_info_t
static const rpy_field rpy_plan_info[] = {RPY_F(id, STR), RPY_F(title, STR), RPY_F(fylkesnr, STR),
    RPY_F(first_year, INT), RPY_F(last_year, INT), RPY_F(area_year, INT), RPY_F(example, BOOL),
    RPY_F(note, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_plan_goal_t
static const rpy_field rpy_plan_goal[] = {RPY_F(id, STR), RPY_F(title, STR), RPY_F(description, STR),
                                          RPY_F(sdg_targets, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_plan_measure_t
static const rpy_field rpy_plan_measure[] = {RPY_F(id, STR), RPY_F(goal, STR), RPY_F(title, STR),
    RPY_F(partner_orgnr, STR), RPY_F(partner_name, STR), RPY_F(start_year, INT), RPY_F(end_year, INT),
    RPY_DONE};
#undef RPY_T
#define RPY_T regint_plan_indicator_t
static const rpy_field rpy_plan_indicator[] = {RPY_F(goal, STR), RPY_F(indicator, STR), RPY_F(area, STR),
    RPY_F(category, STR), RPY_F(baseline_year, INT), RPY_F(baseline, F64), RPY_F(target_year, INT),
    RPY_F(target, F64), RPY_DONE};
#undef RPY_T
#define RPY_T regint_plan_progress_t
static const rpy_field rpy_plan_progress[] = {RPY_F(status, INT), RPY_F(year, INT), RPY_F(value, F64),
    RPY_F(expected, F64), RPY_F(share_of_target, F64), RPY_F(latest_missing, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_STRUCT(regint_plan_info_t, rpy_plan_info)
REGINT_STRUCT(regint_plan_goal_t, rpy_plan_goal)
REGINT_STRUCT(regint_plan_measure_t, rpy_plan_measure)
REGINT_STRUCT(regint_plan_indicator_t, rpy_plan_indicator)
REGINT_STRUCT(regint_plan_progress_t, rpy_plan_progress)
REGINT_TABLE(regint_plan_goals, regint_plan, regint_plan_goal_t, regint_plan_goal_count,
             regint_plan_goal_at, rpy_plan_goal)
REGINT_TABLE(regint_plan_measures, regint_plan, regint_plan_measure_t, regint_plan_measure_count,
             regint_plan_measure_at, rpy_plan_measure)
REGINT_TABLE(regint_plan_indicators, regint_plan, regint_plan_indicator_t, regint_plan_indicator_count,
             regint_plan_indicator_at, rpy_plan_indicator)

%include "regint/plan.h"
