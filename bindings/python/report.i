/* report.i — report.h: the county report as text, or written to a directory. */

%{
#define RPY_T regint_report_options
static const rpy_field rpy_report_options[] = {RPY_F(year, INT),
    RPY_F(history_years, INT), RPY_F(trend_years, INT), RPY_H(plan, "regint_plan *"),
    RPY_F(charts, INT), RPY_F(lang, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_report_options, regint_report_options_init, REGINT_REPORT_OPTIONS_VERSION,
                  rpy_report_options)

%include "regint/report.h"
