/* guidance.i — guidance.h: options (centres, inputs) from a dict, the forecast as a dict
 * of columns. */

%{
#define RPY_T regint_guidance_centre_t
static const rpy_field rpy_guidance_centre[] = {RPY_F(id, STR), RPY_F(name, STR),
    RPY_A(municipalities, STR, municipality_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_guidance_options
static const rpy_field rpy_guidance_options[] = {RPY_F(adult_share, F64), RPY_F(intro_share, F64),
    RPY_F(sessions_per_person, F64), RPY_X(monthly_profile, F64, 12), RPY_F(lag_months, INT),
    RPY_F(measure, INT), RPY_F(fallback_to_request, INT),
    RPY_SA(centres, rpy_guidance_centre, regint_guidance_centre_t, centre_count),
    RPY_A(input_kommunenr, STR, input_count), RPY_A(input_persons, I64, input_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_guidance_forecast_result
static const rpy_field rpy_guidance_forecast[] = {RPY_F(fylkesnr, CHARS), RPY_F(year, INT),
    RPY_F(carried_in_complete, BOOL), RPY_A(centre_id, STR, centre_count),
    RPY_A(centre_name, STR, centre_count), RPY_AM(sessions, I64, centre_count, 12),
    RPY_A(total, I64, centre_count), RPY_A(persons, F64, centre_count),
    RPY_A(carried_in, I64, centre_count), RPY_A(carried_over, I64, centre_count),
    RPY_A(kommunenr, STR, municipality_count), RPY_A(settled, I64, municipality_count),
    RPY_A(source, STR, municipality_count), RPY_A(centre_of, SIZE, municipality_count), RPY_DONE};
#undef RPY_T
%}
REGINT_STRUCT(regint_guidance_centre_t, rpy_guidance_centre)
REGINT_OPTIONS_IN(regint_guidance_options, regint_guidance_options_init, REGINT_GUIDANCE_OPTIONS_VERSION,
                  rpy_guidance_options)
REGINT_RESULT(regint_guidance_forecast_result, regint_guidance_forecast_result_free, rpy_guidance_forecast)
%ignore regint_guidance_forecast_result;

%include "regint/guidance.h"
