/* collaboration.i — collaboration.h: partners, agreements, meetings and networks as
 * tables (nested lists as tuples), coverage and attendance as dicts of columns. */

REGINT_ENUM_OUT(regint_partner_kind)
REGINT_ENUM_OUT(regint_task)
REGINT_ENUM_OUT(regint_meeting_kind)
%{
#define RPY_T regint_partner_t
static const rpy_field rpy_partner[] = {RPY_F(id, STR), RPY_F(name, STR), RPY_F(orgnr, STR),
    RPY_F(kind, INT), RPY_A(municipalities, STR, municipality_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_agreement_t
static const rpy_field rpy_agreement[] = {RPY_F(id, STR), RPY_F(title, STR), RPY_F(task, INT),
    RPY_A(parties, STR, party_count), RPY_F(valid_from, STR), RPY_F(valid_to, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_participant_t
static const rpy_field rpy_participant[] = {RPY_F(partner_id, STR), RPY_F(kommunenr, STR),
                                            RPY_F(persons, I64), RPY_DONE};
#undef RPY_T
#define RPY_T regint_meeting_t
static const rpy_field rpy_meeting[] = {RPY_F(id, STR), RPY_F(date, STR), RPY_F(topic, STR),
    RPY_F(task, INT), RPY_F(kind, INT), RPY_F(competence_raising, BOOL), RPY_F(network_id, STR),
    RPY_SA(participants, rpy_participant, regint_participant_t, participant_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_network_member_t
static const rpy_field rpy_network_member[] = {RPY_F(partner_id, STR), RPY_F(role, STR),
                                               RPY_F(since, STR), RPY_F(until, STR), RPY_DONE};
#undef RPY_T
#define RPY_T regint_network_t
static const rpy_field rpy_network[] = {RPY_F(id, STR), RPY_F(name, STR), RPY_F(task, INT),
    RPY_SA(members, rpy_network_member, regint_network_member_t, member_count), RPY_DONE};
#undef RPY_T
#define RPY_T regint_collaboration_coverage_result
static const rpy_field rpy_coverage[] = {RPY_F(fylkesnr, CHARS), RPY_F(as_of, CHARS),
    RPY_F(covered_count, SIZE), RPY_A(kommunenr, STR, n), RPY_A(name, STR, n), RPY_A(covered, BOOL, n),
    RPY_A(since, STR, n), RPY_A(via, STR, n), RPY_DONE};
#undef RPY_T
#define RPY_T regint_collaboration_attendance_result
static const rpy_field rpy_attendance[] = {RPY_F(fylkesnr, CHARS), RPY_F(as_of, CHARS),
    RPY_F(after, CHARS), RPY_F(months, INT), RPY_F(absent_count, SIZE), RPY_A(kommunenr, STR, n),
    RPY_A(name, STR, n), RPY_A(attended, I64, n), RPY_A(last_attended, STR, n), RPY_DONE};
#undef RPY_T
%}
REGINT_STRUCT(regint_partner_t, rpy_partner)
REGINT_STRUCT(regint_agreement_t, rpy_agreement)
REGINT_STRUCT(regint_participant_t, rpy_participant)
REGINT_STRUCT(regint_meeting_t, rpy_meeting)
REGINT_STRUCT(regint_network_member_t, rpy_network_member)
REGINT_STRUCT(regint_network_t, rpy_network)
REGINT_RESULT(regint_collaboration_coverage_result, regint_collaboration_coverage_result_free, rpy_coverage)
REGINT_RESULT(regint_collaboration_attendance_result, regint_collaboration_attendance_result_free,
              rpy_attendance)
%ignore regint_collaboration_coverage_result;
%ignore regint_collaboration_attendance_result;
REGINT_TABLE(regint_collaboration_partners, regint_dataset, regint_partner_t,
             regint_collaboration_partner_count, regint_collaboration_partner_at, rpy_partner)
REGINT_TABLE(regint_collaboration_agreements, regint_dataset, regint_agreement_t,
             regint_collaboration_agreement_count, regint_collaboration_agreement_at, rpy_agreement)
REGINT_TABLE(regint_collaboration_meetings, regint_dataset, regint_meeting_t,
             regint_collaboration_meeting_count, regint_collaboration_meeting_at, rpy_meeting)
REGINT_TABLE(regint_collaboration_networks, regint_dataset, regint_network_t,
             regint_collaboration_network_count, regint_collaboration_network_at, rpy_network)

%include "regint/collaboration.h"
