/* letter.i — letter.h: the recommendation letter (Markdown and HTML text), and its scenario
 * range and audit as the library's JSON documents (the DataFrames are built in Python). */

%{
#define RPY_T regint_letter_options
static const rpy_field rpy_letter_options[] = {RPY_F(lang, INT), RPY_F(total, I64),
    RPY_H(profile, "regint_settlement_profile *"), RPY_F(national_need, I64), RPY_F(date, STR),
    RPY_F(command, STR), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_letter_options, regint_letter_options_init, REGINT_LETTER_OPTIONS_VERSION,
                  rpy_letter_options)
%apply char **json { char **markdown, char **html };

%include "regint/letter.h"
