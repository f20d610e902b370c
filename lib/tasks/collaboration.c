/* Collaboration: partners, agreements, meetings, networks; the "collaboration" dataset
 * section; coverage analysis. See include/regint/collaboration.h and docs/tasks.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/collaboration.h"
#include "regint/validate.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/block.h"
#include "util/isodate.h"
#include "util/jsonutil.h"
#include "util/isodate.h"
#include "util/jsonutil.h"
#include "util/enumname.h"
#include "util/record.h"
#include "util/validate.h"
#include "tasks/section_records.h"
#include "dataset/section.h"

/* This module's dataset section (defined below; listed by the registry lib/sections.c). */
extern const regint__section regint__section_collaboration;

#define JSON_INT_MAX REGINT__JSON_INT_MAX
#define ADD REGINT__JSON_TRY /* the emitters' "or goto fail" */

/* ------------------------------------------------------------------------- */
/* Names                                                                     */

static const char *const partner_kinds[] = {
    "statsforvalteren", "ks", "nav", "imdi", "bufetat", "udi", "rvts", "police", "hkdir",
    "county", "municipality", "voluntary_umbrella", "career_centre", "other"};
#define N_PARTNER_KINDS (sizeof partner_kinds / sizeof partner_kinds[0])
static const char *const task_names[] = {"settlement", "negative_social_control", "competence", "volunteering",
                                         "sector_collaboration", "grants", "career_guidance"};
#define N_TASKS (sizeof task_names / sizeof task_names[0])
static const char *const meeting_kinds[] = {"gathering", "meeting", "network_meeting"};

REGINT__ENUM_NAMES(regint_partner_kind, regint_partner_kind, partner_kinds, N_PARTNER_KINDS, "partner kind")
REGINT__ENUM_NAMES(regint_task, regint_task, task_names, N_TASKS, "task")
REGINT__ENUM_NAMES(regint_meeting_kind, regint_meeting_kind,
                   meeting_kinds, REGINT_MEETING_KIND_COUNT, "meeting kind")

/* ------------------------------------------------------------------------- */
/* Storage                                                                   */

typedef struct collab_data {
    char *county;
    int year;
    regint_partner_t *partners;
    size_t np;
    regint_agreement_t *agreements;
    size_t na;
    regint_meeting_t *meetings;
    size_t nm;
    regint_network_t *networks;
    size_t nn;
} collab_data;

/* What each record kind owns (util/record.h does the copying and freeing). */
#define PARTNER(m) offsetof(regint_partner_t, m)
#define AGREEMENT(m) offsetof(regint_agreement_t, m)
#define MEETING(m) offsetof(regint_meeting_t, m)
#define MEMBER(m) offsetof(regint_network_member_t, m)
static const size_t partner_strings[] = {PARTNER(id), PARTNER(name), PARTNER(orgnr)};
static const size_t agreement_strings[] = {AGREEMENT(id), AGREEMENT(title), AGREEMENT(valid_from), AGREEMENT(valid_to)};
static const size_t participant_strings[] = {offsetof(regint_participant_t, partner_id),
                                             offsetof(regint_participant_t, kommunenr)};
static const size_t meeting_strings[] = {MEETING(id), MEETING(date), MEETING(topic), MEETING(network_id)};
static const size_t member_strings[] = {MEMBER(partner_id), MEMBER(role), MEMBER(since), MEMBER(until)};
static const size_t network_strings[] = {offsetof(regint_network_t, id), offsetof(regint_network_t, name)};
static const regint__record_kind participant_kind = REGINT__RECORD_KIND(regint_participant_t, participant_strings);
static const regint__record_kind member_kind = REGINT__RECORD_KIND(regint_network_member_t, member_strings);
static const regint__record_array partner_arrays[] = {
    REGINT__RECORD_STRING_LIST(regint_partner_t, municipalities, municipality_count)};
static const regint__record_array agreement_arrays[] = {
    REGINT__RECORD_STRING_LIST(regint_agreement_t, parties, party_count)};
static const regint__record_array meeting_arrays[] = {
    REGINT__RECORD_ARRAY(regint_meeting_t, participants, participant_count, participant_kind)};
static const regint__record_array network_arrays[] = {
    REGINT__RECORD_ARRAY(regint_network_t, members, member_count, member_kind)};
static const regint__record_kind partner_kind =
    REGINT__RECORD_KIND_ARRAYS(regint_partner_t, partner_strings, partner_arrays);
static const regint__record_kind agreement_kind =
    REGINT__RECORD_KIND_ARRAYS(regint_agreement_t, agreement_strings, agreement_arrays);
static const regint__record_kind meeting_kind =
    REGINT__RECORD_KIND_ARRAYS(regint_meeting_t, meeting_strings, meeting_arrays);
static const regint__record_kind network_kind =
    REGINT__RECORD_KIND_ARRAYS(regint_network_t, network_strings, network_arrays);

static void collab_free(void *p)
{
    collab_data *c = p;
    if (!c)
        return;
    regint__record_array_free(&partner_kind, c->partners, c->np);
    regint__record_array_free(&agreement_kind, c->agreements, c->na);
    regint__record_array_free(&meeting_kind, c->meetings, c->nm);
    regint__record_array_free(&network_kind, c->networks, c->nn);
    free(c->county);
    free(c);
}

static collab_data *section_data(const regint_dataset *ds)
{
    return ds ? regint__dataset_section(ds, &regint__section_collaboration) : NULL;
}

static const regint_partner_t *find_partner(const collab_data *c, const char *id)
{
    return c ? regint__record_find(&partner_kind, c->partners, c->np, id) : NULL;
}

static const regint_network_t *find_network(const collab_data *c, const char *id)
{
    return c ? regint__record_find(&network_kind, c->networks, c->nn, id) : NULL;
}

/* ------------------------------------------------------------------------- */
/* Validation                                                                */
/* One validator per record kind (and one reader and one writer per kind below), each a list
 * of its own fields' rules. `duplicates` (issue 13) reports their same-shape lines (check the
 * id, refuse a duplicate id, require a name, check the task, walk a sub-array) as a pair of
 * this file with itself, and the writers against grants.c's. Kept: the rules differ per
 * field; what was really the same (copy, free, find, append, the reading API, enum and string-
 * list members, the end of a parse) is shared: util/record.h, util/jsonutil.h,
 * tasks/section_records.h, dataset/section.h. */

/* An identifier seen twice among the ids of one record kind. */
#define DUP_CHECK(arr, n, idv, what)                                                               \
    for (size_t i_ = 0; i_ < (n); i_++)                                                            \
        if (!strcmp((arr)[i_].id, (idv)))                                                          \
            return regint__verr(file, path, "id", REGINT_EDUPLICATE, what " id '%s' occurs twice", (idv));

static regint_status check_kommunenr(const char *file, const char *path, const regint_dataset *ds, int year,
                                     const char *k)
{
    if (!regint_validate_kommunenr_format(k))
        return regint__json_error(file, path, REGINT_EINVAL, "expected a kommunenr of four digits, got '%.20s'",
                                  k ? k : "");
    const regint_municipality_t *m;
    if (regint_dataset_municipality(ds, k, year, &m) != REGINT_OK)
        return regint__json_error(file, path, REGINT_ENOTFOUND, "municipality %s does not exist in %d", k, year);
    return REGINT_OK;
}

static regint_status validate_partner(const collab_data *c, const regint_dataset *ds, const regint_partner_t *p,
                                      const char *file, const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", p->id)))
        return st;
    DUP_CHECK(c->partners, c->np, p->id, "partner");
    if (!regint__nonempty(p->name))
        return regint__verr(file, path, "name", REGINT_EINVAL, "must be a non-empty string");
    if ((st = regint__check_text_at(file, path, "name", p->name)))
        return st;
    /* The value is not echoed: a mistyped field may hold a person's number. */
    if (!regint_validate_orgnr(p->orgnr))
        return regint__verr(file, path, "orgnr", REGINT_EINVAL,
                    "not a valid organisation number (9 digits, modulus-11 check digit "
                    "with weights 3 2 7 6 5 4 3 2)");
    if ((unsigned)p->kind >= N_PARTNER_KINDS)
        return regint__verr(file, path, "kind", REGINT_EINVAL, "unknown partner kind");
    if (p->kind == REGINT_PARTNER_MUNICIPALITY && p->municipality_count == 0)
        return regint__verr(file, path, "municipalities", REGINT_EINVAL, "a municipality partner covers its municipality");
    for (size_t i = 0; i < p->municipality_count; i++) {
        char mp[REGINT__PATH_MAX];
        regint__path_sub_index(mp, path, "municipalities", i);
        if ((st = check_kommunenr(file, mp, ds, c->year, p->municipalities[i])))
            return st;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(p->municipalities[j], p->municipalities[i]))
                return regint__json_error(file, mp, REGINT_EDUPLICATE, "municipality %s listed twice",
                                          p->municipalities[i]);
    }
    return REGINT_OK;
}

static regint_status validate_agreement(const collab_data *c, const regint_agreement_t *a, const char *file,
                                        const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", a->id)))
        return st;
    DUP_CHECK(c->agreements, c->na, a->id, "agreement");
    if (!regint__nonempty(a->title))
        return regint__verr(file, path, "title", REGINT_EINVAL, "must be a non-empty string");
    if ((st = regint__check_text_at(file, path, "title", a->title)))
        return st;
    if ((unsigned)a->task >= N_TASKS)
        return regint__verr(file, path, "task", REGINT_EINVAL, "unknown task");
    if (a->party_count == 0)
        return regint__verr(file, path, "parties", REGINT_EINVAL, "an agreement has at least one party");
    for (size_t i = 0; i < a->party_count; i++)
        if (!find_partner(c, a->parties[i])) {
            char pp[REGINT__PATH_MAX];
            regint__path_sub_index(pp, path, "parties", i);
            return regint__json_error(file, pp, REGINT_ENOTFOUND, "no partner with id '%.64s'",
                                      a->parties[i] ? a->parties[i] : "");
        }
    if ((st = regint__check_date_at(file, path, "valid_from", a->valid_from, 1)) ||
        (st = regint__check_date_at(file, path, "valid_to", a->valid_to, 0)))
        return st;
    if (a->valid_to && strcmp(a->valid_to, a->valid_from) < 0)
        return regint__verr(file, path, "valid_to", REGINT_EINVAL, "ends (%s) before it starts (%s)", a->valid_to,
                    a->valid_from);
    return REGINT_OK;
}

static regint_status validate_meeting(const collab_data *c, const regint_dataset *ds, const regint_meeting_t *m,
                                      const char *file, const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", m->id)))
        return st;
    DUP_CHECK(c->meetings, c->nm, m->id, "meeting");
    if ((st = regint__check_date_at(file, path, "date", m->date, 1)))
        return st;
    if (!regint__nonempty(m->topic))
        return regint__verr(file, path, "topic", REGINT_EINVAL, "must be a non-empty string");
    if ((st = regint__check_text_at(file, path, "topic", m->topic)))
        return st;
    if ((unsigned)m->task >= N_TASKS)
        return regint__verr(file, path, "task", REGINT_EINVAL, "unknown task");
    if ((unsigned)m->kind > REGINT_MEETING_NETWORK_MEETING)
        return regint__verr(file, path, "kind", REGINT_EINVAL, "unknown meeting kind");
    if (m->network_id && !find_network(c, m->network_id))
        return regint__verr(file, path, "network", REGINT_ENOTFOUND, "no network with id '%.64s'", m->network_id);
    for (size_t i = 0; i < m->participant_count; i++) {
        char pp[REGINT__PATH_MAX];
        const regint_participant_t *p = &m->participants[i];
        regint__path_sub_index(pp, path, "participants", i);
        if (!find_partner(c, p->partner_id))
            return regint__verr(file, pp, "partner", REGINT_ENOTFOUND, "no partner with id '%.64s'",
                        p->partner_id ? p->partner_id : "");
        if (p->kommunenr) {
            char kp[REGINT__PATH_MAX];
            regint__json_path_key(kp, pp, "kommunenr");
            if ((st = check_kommunenr(file, kp, ds, c->year, p->kommunenr)))
                return st;
        }
        if (p->persons < 0)
            return regint__verr(file, pp, "persons", REGINT_ERANGE, "must be >= 0, got %lld", (long long)p->persons);
    }
    return REGINT_OK;
}

static regint_status validate_network(const collab_data *c, const regint_network_t *n, const char *file,
                                      const char *path)
{
    regint_status st;
    if ((st = regint__check_id_at(file, path, "id", n->id)))
        return st;
    DUP_CHECK(c->networks, c->nn, n->id, "network");
    if (!regint__nonempty(n->name))
        return regint__verr(file, path, "name", REGINT_EINVAL, "must be a non-empty string");
    if ((st = regint__check_text_at(file, path, "name", n->name)))
        return st;
    if ((unsigned)n->task >= N_TASKS)
        return regint__verr(file, path, "task", REGINT_EINVAL, "unknown task");
    for (size_t i = 0; i < n->member_count; i++) {
        char mp[REGINT__PATH_MAX];
        const regint_network_member_t *m = &n->members[i];
        regint__path_sub_index(mp, path, "members", i);
        if (!find_partner(c, m->partner_id))
            return regint__verr(file, mp, "partner", REGINT_ENOTFOUND, "no partner with id '%.64s'",
                        m->partner_id ? m->partner_id : "");
        /* A contact is a ROLE: refuse anything that looks like a person's identity. */
        if ((st = regint__check_id_at(file, mp, "role", m->role)))
            return st;
        if (strchr(m->role, '@'))
            return regint__verr(file, mp, "role", REGINT_EPERSONAL,
                        "refused: looks like an e-mail address; give the contact's role, not the person");
        if ((st = regint__check_date_at(file, mp, "since", m->since, 0)) || (st = regint__check_date_at(file, mp, "until", m->until, 0)))
            return st;
        if (m->since && m->until && strcmp(m->until, m->since) < 0)
            return regint__verr(file, mp, "until", REGINT_EINVAL, "leaves (%s) before joining (%s)", m->until, m->since);
    }
    return REGINT_OK;
}

/* ------------------------------------------------------------------------- */
/* JSON reading                                                              */

static regint_status read_partner(const char *file, const char *path, const cJSON *o, collab_data *c,
                                  const regint_dataset *ds)
{
    regint_partner_t p;
    memset(&p, 0, sizeof p);
    const char **mun = NULL;
    int kind = 0;
    regint_status st;
    static const char *const keys[] = {"id", "name", "orgnr", "kind", "municipalities", NULL};
    if (!(st = regint__json_only(file, path, o, keys)) &&
        !(st = regint__json_string(file, path, o, "id", 1, &p.id)) &&
        !(st = regint__json_string(file, path, o, "name", 1, &p.name)) &&
        !(st = regint__json_string(file, path, o, "orgnr", 1, &p.orgnr)) &&
        !(st = regint__json_enum(file, path, o, "kind", 1, partner_kinds, N_PARTNER_KINDS, "value", &kind)) &&
        !(st = regint__json_strlist(file, path, o, "municipalities", 0, &mun, &p.municipality_count))) {
        p.kind = (regint_partner_kind)kind;
        p.municipalities = mun;
        if (!(st = validate_partner(c, ds, &p, file, path)))
            st = regint__record_append(&partner_kind, &c->partners, &c->np, &p);
    }
    free(mun);
    return st;
}

static regint_status read_agreement(const char *file, const char *path, const cJSON *o, collab_data *c)
{
    regint_agreement_t a;
    memset(&a, 0, sizeof a);
    const char **parties = NULL;
    int task = 0;
    regint_status st;
    static const char *const keys[] = {"id", "title", "task", "parties", "valid_from", "valid_to", NULL};
    if (!(st = regint__json_only(file, path, o, keys)) &&
        !(st = regint__json_string(file, path, o, "id", 1, &a.id)) &&
        !(st = regint__json_string(file, path, o, "title", 1, &a.title)) &&
        !(st = regint__json_enum(file, path, o, "task", 1, task_names, N_TASKS, "value", &task)) &&
        !(st = regint__json_strlist(file, path, o, "parties", 1, &parties, &a.party_count)) &&
        !(st = regint__json_date(file, path, o, "valid_from", 1, &a.valid_from)) &&
        !(st = regint__json_date(file, path, o, "valid_to", 0, &a.valid_to))) {
        a.task = (regint_task)task;
        a.parties = parties;
        if (!(st = validate_agreement(c, &a, file, path)))
            st = regint__record_append(&agreement_kind, &c->agreements, &c->na, &a);
    }
    free(parties);
    return st;
}

static regint_status read_meeting(const char *file, const char *path, const cJSON *o, collab_data *c,
                                  const regint_dataset *ds)
{
    regint_meeting_t m;
    memset(&m, 0, sizeof m);
    regint_participant_t *parts = NULL;
    int task = 0, kind = 0, cr = -1;
    const cJSON *arr, *it;
    regint_status st;
    static const char *const keys[] = {"id", "date", "topic", "task", "kind", "competence_raising", "network",
                                       "participants", NULL};
    static const char *const part_keys[] = {"partner", "kommunenr", "persons", NULL};
    if (!(st = regint__json_only(file, path, o, keys)) &&
        !(st = regint__json_string(file, path, o, "id", 1, &m.id)) &&
        !(st = regint__json_date(file, path, o, "date", 1, &m.date)) &&
        !(st = regint__json_string(file, path, o, "topic", 1, &m.topic)) &&
        !(st = regint__json_enum(file, path, o, "task", 1, task_names, N_TASKS, "value", &task)) &&
        !(st = regint__json_enum(file, path, o, "kind", 1, meeting_kinds, REGINT_MEETING_KIND_COUNT, "value", &kind)) &&
        !(st = regint__json_bool(file, path, o, "competence_raising", 0, &cr)) &&
        !(st = regint__json_string(file, path, o, "network", 0, &m.network_id)) &&
        !(st = regint__json_array(file, path, o, "participants", 0, &arr))) {
        m.task = (regint_task)task;
        m.kind = (regint_meeting_kind)kind;
        m.competence_raising = cr >= 0 ? cr : m.kind == REGINT_MEETING_GATHERING;
        size_t n = arr ? (size_t)cJSON_GetArraySize(arr) : 0, i = 0;
        parts = regint__calloc(n ? n : 1, sizeof *parts);
        if (!parts)
            st = regint__enomem();
        cJSON_ArrayForEach(it, arr)
        {
            char pp[REGINT__PATH_MAX];
            regint__path_sub_index(pp, path, "participants", i);
            if (st || (st = regint__json_only(file, pp, it, part_keys)) ||
                (st = regint__json_string(file, pp, it, "partner", 1, &parts[i].partner_id)) ||
                (st = regint__json_string(file, pp, it, "kommunenr", 0, &parts[i].kommunenr)) ||
                (st = regint__json_int(file, pp, it, "persons", 0, -JSON_INT_MAX, JSON_INT_MAX, &parts[i].persons)))
                break;
            i++;
        }
        m.participants = parts;
        m.participant_count = n;
        if (!st && !(st = validate_meeting(c, ds, &m, file, path)))
            st = regint__record_append(&meeting_kind, &c->meetings, &c->nm, &m);
    }
    free(parts);
    return st;
}

static regint_status read_network(const char *file, const char *path, const cJSON *o, collab_data *c,
                                  int schema_version)
{
    regint_network_t n;
    memset(&n, 0, sizeof n);
    regint_network_member_t *mem = NULL;
    int task = 0;
    const cJSON *arr, *it;
    regint_status st;
    static const char *const keys[] = {"id", "name", "task", "members", NULL};
    static const char *const mem_keys[] = {"partner", "role", "since", "until", NULL};
    if (!(st = regint__json_only(file, path, o, keys)) &&
        !(st = regint__json_string(file, path, o, "id", 1, &n.id)) &&
        !(st = regint__json_string(file, path, o, "name", 1, &n.name)) &&
        !(st = regint__json_enum(file, path, o, "task", 1, task_names, N_TASKS, "value", &task)) &&
        !(st = regint__json_array(file, path, o, "members", 0, &arr))) {
        n.task = (regint_task)task;
        size_t cnt = arr ? (size_t)cJSON_GetArraySize(arr) : 0, i = 0;
        mem = regint__calloc(cnt ? cnt : 1, sizeof *mem);
        if (!mem)
            st = regint__enomem();
        cJSON_ArrayForEach(it, arr)
        {
            char mp[REGINT__PATH_MAX];
            regint__path_sub_index(mp, path, "members", i);
            if (st)
                break;
            if (schema_version <= 1 && cJSON_IsString(it)) {
                /* Version 1 (raw section): a member may be a bare partner id. It becomes a
                 * member with the generic role "kontaktperson" and an unknown start. */
                mem[i].partner_id = it->valuestring;
                mem[i].role = "kontaktperson";
            } else if ((st = regint__json_only(file, mp, it, mem_keys)) ||
                       (st = regint__json_string(file, mp, it, "partner", 1, &mem[i].partner_id)) ||
                       (st = regint__json_string(file, mp, it, "role", 1, &mem[i].role)) ||
                       (st = regint__json_date(file, mp, it, "since", 0, &mem[i].since)) ||
                       (st = regint__json_date(file, mp, it, "until", 0, &mem[i].until)))
                break;
            i++;
        }
        n.members = mem;
        n.member_count = cnt;
        if (!st && !(st = validate_network(c, &n, file, path)))
            st = regint__record_append(&network_kind, &c->networks, &c->nn, &n);
    }
    free(mem);
    return st;
}

static regint_status collab_parse(const cJSON *node, const char *file, int schema_version,
                                  const regint_dataset *ds, void **out)
{
    /* Version 1 kept this section as raw JSON; its readable form is defined as the same
     * object as version 2, except that network members may be bare partner ids. */
    const char *sec = "collaboration";
    if (!cJSON_IsObject(node))
        return regint__json_error(file, sec, REGINT_EPARSE, "expected an object with \"county\", \"year\", "
                                  "\"partners\", \"agreements\", \"meetings\" and \"networks\"");
    collab_data *c = regint__calloc(1, sizeof *c);
    if (!c)
        return regint__enomem();
    const char *county;
    int64_t year;
    regint_status st;
    const regint_county_t *cty;
    static const char *const top_keys[] = {"county", "year", "partners", "networks", "agreements", "meetings", NULL};
    if ((st = regint__json_only(file, sec, node, top_keys)) ||
        (st = regint__json_string(file, sec, node, "county", 1, &county)) ||
        (st = regint__json_int(file, sec, node, "year", 1, 1900, 2999, &year)))
        goto done;
    if (regint_dataset_county(ds, county, (int)year, &cty) != REGINT_OK) {
        st = regint__json_error(file, "collaboration.county", REGINT_ENOTFOUND, "county '%.8s' does not exist in %d",
                                county, (int)year);
        goto done;
    }
    c->year = (int)year;
    if (!(c->county = regint__strdup(county))) {
        st = REGINT_ENOMEM;
        goto done;
    }
    static const char *const keys[] = {"partners", "networks", "agreements", "meetings"};
    for (int k = 0; k < 4; k++) {
        const cJSON *arr, *it;
        if ((st = regint__json_array(file, sec, node, keys[k], 0, &arr)))
            goto done;
        size_t i = 0;
        cJSON_ArrayForEach(it, arr)
        {
            char path[REGINT__PATH_MAX];
            regint__path_sub_index(path, sec, keys[k], i++);
            st = k == 0   ? read_partner(file, path, it, c, ds)
                 : k == 1 ? read_network(file, path, it, c, schema_version)
                 : k == 2 ? read_agreement(file, path, it, c)
                          : read_meeting(file, path, it, c, ds);
            if (st)
                goto done;
        }
    }
done:
    return regint__section_parsed(&regint__section_collaboration, st, c, out);
}

/* ------------------------------------------------------------------------- */
/* JSON writing                                                              */

static cJSON *collab_emit(const void *data)
{
    const collab_data *c = data;
    cJSON *o = cJSON_CreateObject(), *arr, *x = NULL;
    ADD(o);
    ADD(regint__json_add_string(o, "county", c->county));
    ADD(regint__json_add_number(o, "year", c->year));
    ADD(arr = cJSON_AddArrayToObject(o, "partners"));
    for (size_t i = 0; i < c->np; i++) {
        const regint_partner_t *p = &c->partners[i];
        ADD(x = regint__json_append_object(arr));
        ADD(regint__json_add_string(x, "id", p->id));
        ADD(regint__json_add_string(x, "name", p->name));
        ADD(regint__json_add_string(x, "orgnr", p->orgnr));
        ADD(regint__json_add_string(x, "kind", regint_partner_kind_name(p->kind)));
        ADD(regint__json_add_strlist(x, "municipalities", p->municipalities, p->municipality_count));
    }
    ADD(arr = cJSON_AddArrayToObject(o, "networks"));
    for (size_t i = 0; i < c->nn; i++) {
        const regint_network_t *n = &c->networks[i];
        cJSON *ma;
        ADD(x = regint__json_append_object(arr));
        ADD(regint__json_add_string(x, "id", n->id));
        ADD(regint__json_add_string(x, "name", n->name));
        ADD(regint__json_add_string(x, "task", regint_task_name(n->task)));
        ADD(ma = cJSON_AddArrayToObject(x, "members"));
        for (size_t j = 0; j < n->member_count; j++) {
            cJSON *m;
            ADD(m = regint__json_append_object(ma));
            ADD(regint__json_add_string(m, "partner", n->members[j].partner_id));
            ADD(regint__json_add_string(m, "role", n->members[j].role));
            ADD(regint__json_add_opt_string(m, "since", n->members[j].since));
            ADD(regint__json_add_opt_string(m, "until", n->members[j].until));
        }
    }
    ADD(arr = cJSON_AddArrayToObject(o, "agreements"));
    for (size_t i = 0; i < c->na; i++) {
        const regint_agreement_t *a = &c->agreements[i];
        ADD(x = regint__json_append_object(arr));
        ADD(regint__json_add_string(x, "id", a->id));
        ADD(regint__json_add_string(x, "title", a->title));
        ADD(regint__json_add_string(x, "task", regint_task_name(a->task)));
        ADD(regint__json_add_strlist(x, "parties", a->parties, a->party_count));
        ADD(regint__json_add_string(x, "valid_from", a->valid_from));
        ADD(regint__json_add_opt_string(x, "valid_to", a->valid_to));
    }
    ADD(arr = cJSON_AddArrayToObject(o, "meetings"));
    for (size_t i = 0; i < c->nm; i++) {
        const regint_meeting_t *m = &c->meetings[i];
        cJSON *pa;
        ADD(x = regint__json_append_object(arr));
        ADD(regint__json_add_string(x, "id", m->id));
        ADD(regint__json_add_string(x, "date", m->date));
        ADD(regint__json_add_string(x, "topic", m->topic));
        ADD(regint__json_add_string(x, "task", regint_task_name(m->task)));
        ADD(regint__json_add_string(x, "kind", regint_meeting_kind_name(m->kind)));
        ADD(cJSON_AddBoolToObject(x, "competence_raising", m->competence_raising ? 1 : 0));
        ADD(regint__json_add_opt_string(x, "network", m->network_id));
        ADD(pa = cJSON_AddArrayToObject(x, "participants"));
        for (size_t j = 0; j < m->participant_count; j++) {
            cJSON *p;
            ADD(p = regint__json_append_object(pa));
            ADD(regint__json_add_string(p, "partner", m->participants[j].partner_id));
            ADD(regint__json_add_opt_string(p, "kommunenr", m->participants[j].kommunenr));
            if (m->participants[j].persons)
                ADD(regint__json_add_number(p, "persons", (double)m->participants[j].persons));
        }
    }
    return o;
fail:
    cJSON_Delete(o);
    regint__enomem();
    return NULL;
}

const regint__section regint__section_collaboration = {
    "collaboration", collab_parse, collab_emit, collab_free,
};

/* ------------------------------------------------------------------------- */
/* Reading API                                                               */

const char *regint_collaboration_county(const regint_dataset *ds)
{
    collab_data *c = section_data(ds);
    return c ? c->county : "";
}

int regint_collaboration_year(const regint_dataset *ds)
{
    collab_data *c = section_data(ds);
    return c ? c->year : 0;
}

#define ACCESSORS(fn, type, arr, cnt)                                                              \
    REGINT__SECTION_COUNT_AT(regint_collaboration_##fn##_count, regint_collaboration_##fn##_at, collab_data, type, \
                             arr, cnt)

ACCESSORS(partner, regint_partner_t, partners, np)
ACCESSORS(agreement, regint_agreement_t, agreements, na)
ACCESSORS(meeting, regint_meeting_t, meetings, nm)
ACCESSORS(network, regint_network_t, networks, nn)
REGINT__SECTION_BY_ID(regint_collaboration_partner, regint_partner_t, find_partner, "partner")
REGINT__SECTION_BY_ID(regint_collaboration_network, regint_network_t, find_network, "network")

/* ------------------------------------------------------------------------- */
/* Building API                                                              */

regint_status regint_collaboration_set_scope(regint_dataset *ds, const char *fylkesnr, int year)
{
    if (!ds || !fylkesnr)
        return regint__error(REGINT_EINVAL, "regint_collaboration_set_scope: NULL argument");
    const regint_county_t *cty;
    if (regint_dataset_county(ds, fylkesnr, year, &cty) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "collaboration: county '%.8s' does not exist in %d", fylkesnr, year);
    collab_data *c = section_data(ds);
    char *cs = regint__strdup(fylkesnr);
    if (!cs)
        return REGINT_ENOMEM;
    if (!c) {
        if (!(c = regint__calloc(1, sizeof *c))) {
            free(cs);
            return regint__enomem();
        }
        c->county = cs;
        c->year = year;
        regint__dataset_set_section(ds, &regint__section_collaboration, c);
        return REGINT_OK;
    }
    /* Existing kommunenr must exist in the new year. */
    for (size_t i = 0; i < c->np; i++)
        for (size_t j = 0; j < c->partners[i].municipality_count; j++) {
            const regint_municipality_t *m;
            if (regint_dataset_municipality(ds, c->partners[i].municipalities[j], year, &m) != REGINT_OK) {
                free(cs);
                return regint__error(REGINT_ENOTFOUND, "collaboration: partner '%s': municipality %s does not "
                                     "exist in %d", c->partners[i].id, c->partners[i].municipalities[j], year);
            }
        }
    for (size_t i = 0; i < c->nm; i++)
        for (size_t j = 0; j < c->meetings[i].participant_count; j++) {
            const regint_municipality_t *m;
            const char *k = c->meetings[i].participants[j].kommunenr;
            if (k && regint_dataset_municipality(ds, k, year, &m) != REGINT_OK) {
                free(cs);
                return regint__error(REGINT_ENOTFOUND, "collaboration: meeting '%s': municipality %s does not "
                                     "exist in %d", c->meetings[i].id, k, year);
            }
        }
    free(c->county);
    c->county = cs;
    c->year = year;
    return REGINT_OK;
}

static regint_status scope_needed(const regint_dataset *ds, collab_data **c)
{
    if (!ds)
        return regint__error(REGINT_EINVAL, "collaboration: NULL dataset");
    *c = section_data(ds);
    if (!*c)
        return regint__error(REGINT_EINVAL, "collaboration: set the county and year first "
                             "(regint_collaboration_set_scope)");
    return REGINT_OK;
}

#define ADD_RECORD(fn, type, arr, cnt, key, validate_call)                                         \
    regint_status regint_collaboration_add_##fn(regint_dataset *ds, const type *rec)               \
    {                                                                                              \
        collab_data *c;                                                                            \
        regint_status st = scope_needed(ds, &c);                                                   \
        if (st)                                                                                    \
            return st;                                                                             \
        if (!rec)                                                                                  \
            return regint__error(REGINT_EINVAL, "collaboration: NULL record");                     \
        const char *file = "collaboration";                                                        \
        char path[64];                                                                             \
        snprintf(path, sizeof path, key "[%zu]", c->cnt);                                          \
        if ((st = validate_call))                                                                  \
            return st;                                                                             \
        return regint__record_append(&fn##_kind, &c->arr, &c->cnt, rec);                          \
    }

ADD_RECORD(partner, regint_partner_t, partners, np, "partners", validate_partner(c, ds, rec, file, path))
ADD_RECORD(agreement, regint_agreement_t, agreements, na, "agreements", validate_agreement(c, rec, file, path))
ADD_RECORD(meeting, regint_meeting_t, meetings, nm, "meetings", validate_meeting(c, ds, rec, file, path))
ADD_RECORD(network, regint_network_t, networks, nn, "networks", validate_network(c, rec, file, path))

/* ------------------------------------------------------------------------- */
/* Coverage                                                                  */

/* A period during which a municipality is covered; NULL start = before the records,
 * NULL end = still running. `via` names the network partner or agreement. */
typedef struct period {
    const char *kommunenr;
    const char *from;
    const char *to;
    const char *via;
} period;

typedef struct period_list {
    period *v;
    size_t n, cap;
} period_list;

static int plist_add(period_list *l, const char *k, const char *from, const char *to, const char *via)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 32;
        period *nv = regint__reallocarray(l->v, nc, sizeof *nv);
        if (!nv)
            return 0;
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = (period){k, from, to, via};
    return 1;
}

static int cmp_period(const void *x, const void *y)
{
    const period *a = x, *b = y;
    int c = strcmp(a->kommunenr, b->kommunenr);
    if (c)
        return c;
    if (!a->from || !b->from)
        c = (a->from != NULL) - (b->from != NULL); /* open start first */
    else
        c = strcmp(a->from, b->from);
    return c ? c : strcmp(a->via, b->via); /* a total order: `via` does not depend on qsort */
}

static int add_partner_periods(period_list *l, const regint_partner_t *p, const char *from, const char *to,
                               const char *via)
{
    for (size_t j = 0; j < p->municipality_count; j++)
        if (!plist_add(l, p->municipalities[j], from, to, via))
            return 0;
    return 1;
}

void regint_collaboration_coverage_result_free(regint_collaboration_coverage_result *c)
{
    free(c); /* its arrays are in the same block (util/block.h) */
}

/* The county's municipalities valid in the year of as_of. */
static regint_status county_municipalities(const regint_dataset *ds, const collab_data *c, const char *fylkesnr,
                                           const char *as_of, const char **fnr,
                                           const regint_municipality_t ***mun, size_t *n)
{
    regint_status st = regint__date_check(as_of, "as_of");
    if (st)
        return st;
    if (!fylkesnr)
        fylkesnr = c ? c->county : NULL;
    if (!fylkesnr)
        return regint__error(REGINT_EINVAL, "coverage: no county given and the dataset has no collaboration section");
    if (!regint_validate_fylkesnr_format(fylkesnr))
        return regint__error(REGINT_EINVAL, "coverage: '%.8s' is not a fylkesnr (two digits)", fylkesnr);
    int year = (as_of[0] - '0') * 1000 + (as_of[1] - '0') * 100 + (as_of[2] - '0') * 10 + (as_of[3] - '0');
    const regint_county_t *cty;
    if (regint_dataset_county(ds, fylkesnr, year, &cty) != REGINT_OK)
        return regint__error(REGINT_ENOTFOUND, "coverage: county %s does not exist in %d", fylkesnr, year);
    *fnr = cty->fylkesnr;
    return regint_dataset_municipalities_in(ds, year, fylkesnr, mun, n);
}

/* Build the result from the list of periods. */
static regint_status coverage_from_periods(const regint_dataset *ds, const collab_data *c, const char *fylkesnr,
                                           const char *as_of, period_list *l, regint_collaboration_coverage_result **out)
{
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    const char *fnr = NULL;
    regint_status st = county_municipalities(ds, c, fylkesnr, as_of, &fnr, &mun, &n);
    if (st)
        return st;
    const size_t counts[5] = {n, n, n, n, n};
#define PART(m) REGINT__BLOCK_ARRAY(regint_collaboration_coverage_result, m)
    static const regint__block_array parts[5] = {PART(kommunenr), PART(name), PART(covered), PART(since), PART(via)};
#undef PART
    regint_collaboration_coverage_result *r = regint__block_new_in(sizeof *r, 5, counts, parts);
    if (!r) {
        free(mun);
        return REGINT_ENOMEM;
    }
    snprintf(r->fylkesnr, sizeof r->fylkesnr, "%s", fnr);
    memcpy(r->as_of, as_of, 11);
    r->n = n;
    if (l->n)
        qsort(l->v, l->n, sizeof *l->v, cmp_period);
    int64_t today = regint__date_days_of(as_of);
    for (size_t i = 0; i < n; i++) {
        r->kommunenr[i] = mun[i]->kommunenr;
        r->name[i] = mun[i]->name;
        /* Sweep this municipality's periods in order of start, joining periods that overlap
         * or touch (next start <= current end + 1 day); keep the joined period containing
         * as_of. */
        int in = 0;
        const char *gfrom = NULL, *gvia = NULL;
        int64_t gend = 0;
        int gend_open = 0, have = 0;
        for (size_t j = 0; j < l->n; j++) {
            const period *p = &l->v[j];
            if (strcmp(p->kommunenr, mun[i]->kommunenr))
                continue;
            int64_t ps = p->from ? regint__date_days_of(p->from) : INT64_MIN;
            if (ps > today)
                break; /* starts after as_of: sorted, so nothing later matters */
            int64_t pe = p->to ? regint__date_days_of(p->to) : INT64_MAX;
            if (!have || (!gend_open && ps > gend + 1)) {
                have = 1;
                gfrom = p->from;
                gvia = p->via;
                gend = pe;
                gend_open = p->to == NULL;
            } else if (!gend_open && pe > gend) {
                gend = pe;
                gend_open = p->to == NULL;
            } else if (p->to == NULL)
                gend_open = 1;
        }
        in = have && (gend_open || gend >= today);
        if (in) {
            r->covered[i] = 1;
            r->since[i] = gfrom;
            r->via[i] = gvia;
            r->covered_count++;
        }
    }
    free(mun);
    *out = r;
    return REGINT_OK;
}

static regint_status add_network_periods(const collab_data *c, const regint_network_t *n, period_list *l)
{
    for (size_t j = 0; j < n->member_count; j++) {
        const regint_partner_t *p = find_partner(c, n->members[j].partner_id);
        if (p && !add_partner_periods(l, p, n->members[j].since, n->members[j].until, p->id))
            return regint__enomem();
    }
    return REGINT_OK;
}

regint_status regint_collaboration_coverage_network(const regint_dataset *ds, const char *network_id, const char *fylkesnr,
                                      const char *as_of, regint_collaboration_coverage_result **out)
{
    if (!ds || !network_id || !out)
        return regint__error(REGINT_EINVAL, "regint_collaboration_coverage_network: NULL argument");
    collab_data *c = section_data(ds);
    const regint_network_t *n = find_network(c, network_id);
    if (!n)
        return regint__error(REGINT_ENOTFOUND, "no network with id '%.64s'", network_id);
    period_list l = {0};
    regint_status st = add_network_periods(c, n, &l);
    if (!st)
        st = coverage_from_periods(ds, c, fylkesnr, as_of, &l, out);
    free(l.v);
    return st;
}

regint_status regint_collaboration_coverage_task(const regint_dataset *ds, regint_task task, const char *fylkesnr,
                                   const char *as_of, regint_collaboration_coverage_result **out)
{
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_collaboration_coverage_task: NULL argument");
    if ((unsigned)task >= N_TASKS)
        return regint__error(REGINT_EINVAL, "regint_collaboration_coverage_task: unknown task %d", (int)task);
    collab_data *c = section_data(ds);
    period_list l = {0};
    regint_status st = REGINT_OK;
    for (size_t i = 0; c && !st && i < c->nn; i++)
        if (c->networks[i].task == task)
            st = add_network_periods(c, &c->networks[i], &l);
    for (size_t i = 0; c && !st && i < c->na; i++) {
        const regint_agreement_t *a = &c->agreements[i];
        if (a->task != task)
            continue;
        for (size_t j = 0; !st && j < a->party_count; j++) {
            const regint_partner_t *p = find_partner(c, a->parties[j]);
            if (p && !add_partner_periods(&l, p, a->valid_from, a->valid_to, a->id))
                st = regint__enomem();
        }
    }
    if (!st)
        st = coverage_from_periods(ds, c, fylkesnr, as_of, &l, out);
    free(l.v);
    return st;
}

void regint_collaboration_attendance_result_free(regint_collaboration_attendance_result *a)
{
    free(a); /* its arrays are in the same block (util/block.h) */
}

regint_status regint_collaboration_attendance(const regint_dataset *ds, const char *fylkesnr, int months,
                                         const char *as_of, regint_collaboration_attendance_result **out)
{
    if (!ds || !out)
        return regint__error(REGINT_EINVAL, "regint_collaboration_attendance: NULL argument");
    if (months < 1 || months > 1200)
        return regint__error(REGINT_EINVAL, "coverage: months must be in [1, 1200], got %d", months);
    collab_data *c = section_data(ds);
    const regint_municipality_t **mun = NULL;
    size_t n = 0;
    const char *fnr = NULL;
    regint_status st = county_municipalities(ds, c, fylkesnr, as_of, &fnr, &mun, &n);
    if (st)
        return st;
    const size_t counts[4] = {n, n, n, n};
#define PART(m) REGINT__BLOCK_ARRAY(regint_collaboration_attendance_result, m)
    static const regint__block_array parts[4] = {PART(kommunenr), PART(name), PART(attended), PART(last_attended)};
#undef PART
    regint_collaboration_attendance_result *r = regint__block_new_in(sizeof *r, 4, counts, parts);
    if (!r) {
        free(mun);
        return REGINT_ENOMEM;
    }
    snprintf(r->fylkesnr, sizeof r->fylkesnr, "%s", fnr);
    memcpy(r->as_of, as_of, 11);
    regint__date_minus_months(as_of, months, r->after);
    r->months = months;
    r->n = n;
    for (size_t i = 0; i < n; i++) {
        r->kommunenr[i] = mun[i]->kommunenr;
        r->name[i] = mun[i]->name;
    }
    for (size_t k = 0; c && k < c->nm; k++) {
        const regint_meeting_t *mt = &c->meetings[k];
        if (!mt->competence_raising || strcmp(mt->date, as_of) > 0)
            continue;
        int in_window = strcmp(mt->date, r->after) > 0;
        for (size_t i = 0; i < n; i++) {
            int present = 0;
            for (size_t j = 0; !present && j < mt->participant_count; j++) {
                const regint_participant_t *p = &mt->participants[j];
                if (p->kommunenr)
                    present = !strcmp(p->kommunenr, r->kommunenr[i]);
                else {
                    const regint_partner_t *pp = find_partner(c, p->partner_id);
                    present = pp && pp->kind == REGINT_PARTNER_MUNICIPALITY && pp->municipality_count == 1 &&
                              !strcmp(pp->municipalities[0], r->kommunenr[i]);
                }
            }
            if (!present)
                continue;
            if (in_window)
                r->attended[i]++;
            if (!r->last_attended[i] || strcmp(mt->date, r->last_attended[i]) > 0)
                r->last_attended[i] = mt->date;
        }
    }
    for (size_t i = 0; i < n; i++)
        r->absent_count += r->attended[i] == 0;
    free(mun);
    *out = r;
    return REGINT_OK;
}
