/* apportion.i — apportion.h: weights and bounds from lists or NumPy arrays. */

REGINT_ENUM_OUT(regint_apportion_method)
%{
#define RPY_T regint_apportion_options
static const rpy_field rpy_apportion_options[] = {RPY_F(method, INT), RPY_F(first_divisor, F64),
    RPY_AI(lower, I64), RPY_AI(upper, I64), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_apportion_options, regint_apportion_options_init, REGINT_APPORTION_OPTIONS_VERSION,
                  rpy_apportion_options)
/* lower/upper must have n entries: the Python layer checks their lengths. */
REGINT_ARRAY_IN(int64_t, RPY_I64, weights, n)
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, seats, arg2)

%include "regint/apportion.h"
