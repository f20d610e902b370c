/* letter.i — letter.h: the recommendation letter (Markdown and HTML text), and its scenario
 * range and audit as the library's JSON documents (the DataFrames are built in Python). */

%{
#define RPY_T regint_letter_options
static const rpy_field rpy_letter_options[] = {RPY_F(lang, INT), RPY_F(total, I64),
    RPY_H(profile, "regint_settlement_profile *"), RPY_F(national_need, I64), RPY_F(date, STR),
    RPY_F(command, STR), RPY_F(allocation, STR), RPY_F(max_per_1000, F64),
    /* a list of profile proxies: RPY_HANDLE elements behind a pointer, counted in alt_profile_count */
    {"alt_profiles", RPY_HANDLE, RPY_PTR, offsetof(RPY_T, alt_profiles), offsetof(RPY_T, alt_profile_count), 1, NULL, 0,
     "regint_settlement_profile *"},
    RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_letter_options, regint_letter_options_init, REGINT_LETTER_OPTIONS_VERSION,
                  rpy_letter_options)
%apply char **json { char **markdown, char **html };

%include "regint/letter.h"
