/* report.i — report.h: the county report as text, or written to a directory. */

%{
#define RPY_T regint_report_options
static const rpy_field rpy_report_options[] = {RPY_F(fylkesnr, STR), RPY_F(year, INT),
    RPY_F(history_years, INT), RPY_F(trend_years, INT), RPY_F(plan, HANDLE), RPY_F(charts, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_FROM_INIT(regint_report_options, REGINT_REPORT_OPTIONS_INIT)
REGINT_OPTIONS_IN(regint_report_options, regint_report_options_rpy_init, 0, rpy_report_options)

%include "regint/report.h"
