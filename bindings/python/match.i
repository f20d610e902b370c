/* match.i — match.h: the assignment problem on NumPy arrays (scores case-major). */

%{
#define RPY_T regint_match_options
static const rpy_field rpy_match_options[] = {RPY_F(unit, INT), RPY_F(must_assign_all, INT),
    RPY_F(score_per_person, INT), RPY_F(score_scale, F64), RPY_F(max_nodes, I64),
    RPY_F(time_limit, F64), RPY_DONE};
#undef RPY_T
#define RPY_T regint_match_summary_t
static const rpy_field rpy_match_summary[] = {RPY_F(objective, F64), RPY_F(bound, F64), RPY_F(gap, F64),
    RPY_F(quality, INT), RPY_F(n_assigned, SIZE), RPY_F(nodes, I64), RPY_F(augmentations, I64),
    RPY_F(exact, INT), RPY_F(score_resolution, F64), RPY_DONE};
#undef RPY_T
%}
REGINT_OPTIONS_IN(regint_match_options, regint_match_options_init, REGINT_MATCH_OPTIONS_VERSION, rpy_match_options)
REGINT_STRUCT(regint_match_summary_t, rpy_match_summary)
%apply regint_match_summary_t *out { regint_match_summary_t *result };
/* regint_match: inputs, then outputs sized by n_cases (arg2) and n_munis (arg3). */
REGINT_ARRAY_IN_N(double, RPY_F64, scores, arg2 * arg3)
REGINT_ARRAY_IN_N(int64_t, RPY_I64, sizes, arg2)
REGINT_ARRAY_IN_N(int64_t, RPY_I64, capacities, arg3)
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, assignment, arg2)
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, used, arg3)
/* regint_match_synth: outputs sized by n_cases (arg1) and n_munis (arg2). */
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, sizes, arg1)
REGINT_ARRAY_OUT_N(int64_t, RPY_I64, capacities, arg2)
REGINT_ARRAY_OUT_N(double, RPY_F64, scores, arg1 * arg2)
/* Instance files are for the CLI; Python builds its arrays itself. */
%ignore regint_match_instance;
%ignore regint_match_instance_load_file;
%ignore regint_match_instance_load_string;
%ignore regint_match_instance_free;
%ignore regint_match_progress_fn;

%include "regint/match.h"
