/* settlement.i — settlement.h: criteria profiles (handles); recommendations and back-tests
 * are handles read as the library's JSON documents (the DataFrames are built in Python). */

REGINT_HANDLE(regint_settlement_profile, SettlementProfileHandle, regint_settlement_profile_free)
REGINT_HANDLE(regint_settlement_recommendation, RecommendationHandle, regint_settlement_recommendation_free)
REGINT_HANDLE(regint_settlement_backtest, BacktestHandle, regint_settlement_backtest_free)
REGINT_HANDLE(regint_settlement_rolling, RollingHandle, regint_settlement_rolling_free)
%{
#define RPY_T regint_settlement_recommend_options
static const rpy_field rpy_recommend_options[] = {RPY_F(total, I64), RPY_F(minors, I64),
    RPY_H(profile, "regint_settlement_profile *"), RPY_F(history_to, INT), RPY_DONE};
#undef RPY_T
#define RPY_T regint_settlement_backtest_options
static const rpy_field rpy_backtest_options[] = {RPY_F(fylkesnr, STR), RPY_F(year_from, INT),
    RPY_F(year_to, INT), RPY_H(profile, "regint_settlement_profile *"), RPY_DONE};
#undef RPY_T
#define RPY_T regint_settlement_rolling_options
static const rpy_field rpy_rolling_options[] = {RPY_F(fylkesnr, STR), RPY_F(year_from, INT),
    RPY_F(year_to, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_settlement_recommend_options, regint_settlement_recommend_options_init,
                  REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION, rpy_recommend_options)
REGINT_OPTIONS_IN(regint_settlement_backtest_options, regint_settlement_backtest_options_init,
                  REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION, rpy_backtest_options)
REGINT_OPTIONS_IN(regint_settlement_rolling_options, regint_settlement_rolling_options_init,
                  REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION, rpy_rolling_options)
/* Rows cross as the result's JSON (regint_settlement_*_to_json). */
%ignore regint_settlement_rolling_row_t;
%ignore regint_settlement_rolling_row;
%ignore regint_settlement_rolling_year_t;
%ignore regint_settlement_rolling_year;
%ignore regint_settlement_recommendation_row_t;
%ignore regint_settlement_recommendation_row;
%ignore regint_settlement_backtest_row_t;
%ignore regint_settlement_backtest_row;
%ignore regint_settlement_backtest_summary_t;
%ignore regint_settlement_backtest_summary;

/* The plan array crosses through regint_settlement_recommendation_set_plan_total() and the JSON. */
%ignore regint_settlement_recommendation_plan;

%include "regint/lang.h"
%include "regint/settlement.h"

/* Gap analytics (settlement_gap.h): read as the library's JSON document. */
REGINT_HANDLE(regint_settlement_gap, SettlementGapHandle, regint_settlement_gap_free)
%ignore regint_settlement_gap_row_t;
%ignore regint_settlement_gap_row;
%ignore regint_settlement_gap_year_t;
%ignore regint_settlement_gap_year;
%include "regint/settlement_gap.h"
