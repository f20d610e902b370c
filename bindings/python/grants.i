/* grants.i — grants.h: schemes and applications as tables, the allocation as
 * (handle, dict) so that it can be applied, follow-up rows as columns. */

REGINT_ENUM_OUT(regint_applicant_kind)
REGINT_ENUM_OUT(regint_grant_outcome)
%{
#define RPY_T regint_grant_criterion_t
static const rpy_field rpy_grant_criterion[] = {RPY_F(id, STR), RPY_F(name, STR), RPY_F(weight, F64),
                                                RPY_DONE};
#undef RPY_T
#define RPY_T regint_grant_scheme_t
static const rpy_field rpy_grant_scheme[] = {RPY_F(id, STR), RPY_F(name, STR), RPY_F(year, INT),
    RPY_F(budget, I64), RPY_F(call_opens, STR), RPY_F(deadline, STR), RPY_F(max_per_application, I64),
    RPY_F(rounding_unit, I64), RPY_F(score_max, F64), RPY_F(report_due, STR),
    RPY_SA(criteria, rpy_grant_criterion, regint_grant_criterion_t, criterion_count),
    RPY_F(result_target, F64), RPY_DONE};
#undef RPY_T
#define RPY_T regint_grant_payment_t
static const rpy_field rpy_grant_payment[] = {RPY_F(date, STR), RPY_F(amount, I64), RPY_F(final, BOOL),
                                              RPY_DONE};
#undef RPY_T
#define RPY_T regint_grant_status_report_t
static const rpy_field rpy_grant_status_report[] = {RPY_F(date, STR), RPY_F(period, STR), RPY_F(summary, STR),
                                                    RPY_F(participants, I64), RPY_DONE};
#undef RPY_T
#define RPY_T regint_grant_application_t
static const rpy_field rpy_grant_application[] = {RPY_F(id, STR), RPY_F(scheme_id, STR),
    RPY_F(received, STR), RPY_F(applicant_orgnr, STR), RPY_F(applicant_name, STR),
    RPY_F(applicant_kind, INT), RPY_F(amount_applied, I64), RPY_F(planned_participants, I64),
    RPY_F(target_group, STR), RPY_A(municipalities, STR, municipality_count), RPY_F(eligible, BOOL),
    RPY_F(ineligible_reason, STR), RPY_A(scores, F64, score_count), RPY_F(outcome, INT),
    RPY_F(amount_granted, I64), RPY_F(decision_date, STR), RPY_F(decision_reason, STR),
    RPY_SA(payments, rpy_grant_payment, regint_grant_payment_t, payment_count), RPY_F(report_due, STR),
    RPY_F(reported, BOOL), RPY_F(report_date, STR), RPY_F(participants_reached, I64),
    RPY_F(funds_used, I64), RPY_F(amount_reclaimed, I64), RPY_F(has_results, BOOL),
    RPY_F(results_work, I64), RPY_F(results_education, I64),
    RPY_SA(status_reports, rpy_grant_status_report, regint_grant_status_report_t, status_report_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_grant_followup_t
static const rpy_field rpy_grant_followup[] = {RPY_F(application_id, STR), RPY_F(scheme_id, STR),
    RPY_F(granted, I64), RPY_F(paid, I64), RPY_F(used, I64), RPY_F(reclaim_due, I64),
    RPY_F(report_due, STR), RPY_F(reported, BOOL), RPY_F(overdue, BOOL), RPY_F(days_overdue, I64),
    RPY_F(has_results, BOOL), RPY_F(in_work_or_education, I64), RPY_F(result_share, F64),
    RPY_F(result_target, F64), RPY_F(target_met, INT), RPY_F(status_reports, SIZE), RPY_DONE};
#undef RPY_T
#define RPY_T regint_grants_allocation_result
static const rpy_field rpy_grant_allocation[] = {RPY_F(scheme_id, STR), RPY_F(budget, I64),
    RPY_F(unit, I64), RPY_F(allocated, I64), RPY_F(remainder, I64), RPY_F(remainder_reason, STR),
    RPY_A(application_id, STR, n), RPY_A(eligible, BOOL, n), RPY_A(reason, STR, n),
    RPY_A(score, F64, n), RPY_A(need, F64, n), RPY_A(weight, F64, n), RPY_A(cap, I64, n),
    RPY_A(amount, I64, n), RPY_A(capped, BOOL, n), RPY_DONE};
#undef RPY_T
#define RPY_T regint_grants_allocate_options
static const rpy_field rpy_grants_allocate_options[] = {RPY_F(unit, I64), RPY_F(need, INT), RPY_DONE};
#undef RPY_T
%}
REGINT_STRUCT(regint_grant_criterion_t, rpy_grant_criterion)
REGINT_STRUCT(regint_grant_scheme_t, rpy_grant_scheme)
REGINT_STRUCT(regint_grant_payment_t, rpy_grant_payment)
REGINT_STRUCT(regint_grant_status_report_t, rpy_grant_status_report)
REGINT_STRUCT(regint_grant_application_t, rpy_grant_application)
REGINT_STRUCT(regint_grant_followup_t, rpy_grant_followup)
REGINT_RESULT_HANDLE(regint_grants_allocation_result, regint_grants_allocation_result_free,
                     rpy_grant_allocation)
REGINT_OPTIONS_IN(regint_grants_allocate_options, regint_grants_allocate_options_init,
                  REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION, rpy_grants_allocate_options)
REGINT_TABLE(regint_grants_schemes, regint_dataset, regint_grant_scheme_t, regint_grants_scheme_count,
             regint_grants_scheme_at, rpy_grant_scheme)
REGINT_TABLE(regint_grants_applications, regint_dataset, regint_grant_application_t,
             regint_grants_application_count, regint_grants_application_at, rpy_grant_application)

%immutable;   /* the result proxy is read through its dict, never written */
%include "regint/grants.h"
%mutable;
