/**
 * @file collaboration.h
 * @brief Collaboration and networks: partners, agreements, meetings and gatherings,
 *        networks (e.g. against negative social control, forced marriage and FGM), and the
 *        coverage analysis of the county's regional tasks.
 *
 * The data live in the `"collaboration"` section of a dataset document (docs/tasks.md):
 * `{"county": "39", "year": 2025, "partners": [...], "agreements": [...], "meetings": [...],
 * "networks": [...]}`. `county` is the county whose work the section describes; `year` is
 * the year in which the kommunenr of the section are valid (they must exist in the dataset).
 *
 * People are never stored: network contacts are given by ROLE ("minoritetsrådgiver",
 * "SLT-koordinator"), and a role that looks like a fødselsnummer or an e-mail address is
 * refused. Dates are ISO strings "YYYY-MM-DD". Strings in the value structs are borrowed
 * from the dataset.
 *
 * **Coverage rules** (docs/tasks.md): a municipality is covered by a network on a date when
 * an active member of the network (since ≤ date ≤ until) is a partner covering it; it is
 * covered for a task when a network of that task covers it or an agreement of that task in
 * force on the date has a party covering it. "Since" is the start of the unbroken period of
 * coverage (periods that overlap or touch are joined) that contains the date.
 */
#ifndef REGINT_COLLABORATION_H
#define REGINT_COLLABORATION_H

#include "regint/common.h"
#include "regint/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kind of partner. */
typedef enum regint_partner_kind {
    REGINT_PARTNER_STATSFORVALTEREN = 0, /**< "statsforvalteren": state administrator */
    REGINT_PARTNER_KS = 1,               /**< "ks": association of local authorities */
    REGINT_PARTNER_NAV = 2,              /**< "nav" */
    REGINT_PARTNER_IMDI = 3,             /**< "imdi" */
    REGINT_PARTNER_BUFETAT = 4,          /**< "bufetat" */
    REGINT_PARTNER_UDI = 5,              /**< "udi" */
    REGINT_PARTNER_RVTS = 6,             /**< "rvts": regional resource centre on violence and trauma */
    REGINT_PARTNER_POLICE = 7,           /**< "police" */
    REGINT_PARTNER_HKDIR = 8,            /**< "hkdir": skills directorate */
    REGINT_PARTNER_COUNTY = 9,           /**< "county": another county authority */
    REGINT_PARTNER_MUNICIPALITY = 10,    /**< "municipality" */
    REGINT_PARTNER_VOLUNTARY_UMBRELLA = 11, /**< "voluntary_umbrella": regional umbrella organisation */
    REGINT_PARTNER_CAREER_CENTRE = 12,   /**< "career_centre": the county's own karrieresenter */
    REGINT_PARTNER_OTHER = 13            /**< "other" */
} regint_partner_kind;
/** Number of values of ::regint_partner_kind (they are 0 .. REGINT_PARTNER_KIND_COUNT - 1). */
#define REGINT_PARTNER_KIND_COUNT 14

/** Stable name of a partner kind (see the enum); "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_partner_kind_name(regint_partner_kind k);
/** Parse a partner kind name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_partner_kind_from_name(const char *name, regint_partner_kind *out);

/** The county's regional tasks (DOMAIN.md), used to tag agreements, networks, meetings. */
typedef enum regint_task {
    REGINT_TASK_SETTLEMENT = 0,              /**< "settlement": bosetting, capacity steering */
    REGINT_TASK_NEGATIVE_SOCIAL_CONTROL = 1, /**< "negative_social_control": incl. forced marriage, FGM */
    REGINT_TASK_COMPETENCE = 2,              /**< "competence": guidance and competence-raising of municipalities */
    REGINT_TASK_VOLUNTEERING = 3,            /**< "volunteering": volunteering and civic participation */
    REGINT_TASK_SECTOR_COLLABORATION = 4,    /**< "sector_collaboration": with regional sector authorities */
    REGINT_TASK_GRANTS = 5,                  /**< "grants": grant schemes */
    REGINT_TASK_CAREER_GUIDANCE = 6          /**< "career_guidance": karriereveiledning */
} regint_task;
/** Number of values of ::regint_task (they are 0 .. REGINT_TASK_COUNT - 1). */
#define REGINT_TASK_COUNT 7

/** Stable name of a task (see the enum); "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_task_name(regint_task t);
/** Parse a task name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_task_from_name(const char *name, regint_task *out);

/** A partner organisation. */
typedef struct regint_partner_t {
    const char *id;       /**< identifier, e.g. "nav-vestfold" */
    const char *name;     /**< e.g. "NAV Vestfold og Telemark" */
    const char *orgnr;    /**< organisation number, mod-11 valid */
    regint_partner_kind kind; /**< kind of organisation (JSON "kind", a stable name) */
    size_t municipality_count;          /**< municipalities it covers (>= 1 for a municipality) */
    const char *const *municipalities;  /**< kommunenr valid in the section year */
} regint_partner_t;

/** A collaboration agreement between the county and partners. */
typedef struct regint_agreement_t {
    const char *id;                  /**< identifier, unique among agreements (passes regint_validate_identifier()) */
    const char *title;               /**< non-empty title */
    regint_task task;                /**< the regional task the agreement serves */
    size_t party_count;              /**< >= 1 */
    const char *const *parties;      /**< partner ids */
    const char *valid_from;          /**< date */
    const char *valid_to;            /**< date, or NULL if open-ended */
} regint_agreement_t;

/** Kind of meeting. */
typedef enum regint_meeting_kind {
    REGINT_MEETING_GATHERING = 0,       /**< "gathering": samling for municipalities */
    REGINT_MEETING_MEETING = 1,         /**< "meeting": ordinary meeting */
    REGINT_MEETING_NETWORK_MEETING = 2  /**< "network_meeting": meeting of a network */
} regint_meeting_kind;
/** Number of values of ::regint_meeting_kind (they are 0 .. REGINT_MEETING_KIND_COUNT - 1). */
#define REGINT_MEETING_KIND_COUNT 3

/** Stable names: "gathering", "meeting", "network_meeting"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_meeting_kind_name(regint_meeting_kind k);
/** Parse a meeting kind name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_meeting_kind_from_name(const char *name, regint_meeting_kind *out);

/** Who took part in a meeting: an organisation, on behalf of a municipality. */
typedef struct regint_participant_t {
    const char *partner_id; /**< a partner id */
    const char *kommunenr;  /**< the municipality represented, or NULL: then a municipality
                                 partner covering exactly one municipality stands for it */
    int64_t persons;        /**< persons present (>= 1), 0 if not recorded */
} regint_participant_t;

/** A meeting or gathering. */
typedef struct regint_meeting_t {
    const char *id;           /**< identifier, unique among meetings (passes regint_validate_identifier()) */
    const char *date;         /**< date held, "YYYY-MM-DD" */
    const char *topic;        /**< non-empty topic */
    regint_task task;         /**< the regional task the meeting serves */
    regint_meeting_kind kind; /**< gathering, ordinary meeting or network meeting */
    int competence_raising;   /**< 1 if it counts as competence-raising (default: gatherings) */
    const char *network_id;   /**< the network meeting, or NULL */
    size_t participant_count; /**< number of entries in @ref participants (may be 0) */
    const regint_participant_t *participants; /**< [participant_count] who took part */
} regint_meeting_t;

/** A member of a network: a partner with a contact ROLE (never a person). */
typedef struct regint_network_member_t {
    const char *partner_id; /**< id of a partner of the section */
    const char *role;   /**< e.g. "minoritetsrådgiver"; no personal data */
    const char *since;  /**< date joined, or NULL if unknown (covered "since before records") */
    const char *until;  /**< date left, or NULL if still a member */
} regint_network_member_t;

/** A network. */
typedef struct regint_network_t {
    const char *id;        /**< identifier, unique among networks (passes regint_validate_identifier()) */
    const char *name;      /**< non-empty name */
    regint_task task;      /**< the regional task the network serves */
    size_t member_count;   /**< number of entries in @ref members (may be 0) */
    const regint_network_member_t *members; /**< [member_count] members, past and present */
} regint_network_t;

/* ------------------------------------------------------------------------- */
/* Reading (borrowed pointers; NULL when out of range)                        */

/** The county of the section ("" if the dataset has no collaboration section). */
REGINT_API const char *regint_collaboration_county(const regint_dataset *ds);
/** The year in which the section's kommunenr are valid (0 if no section). */
REGINT_API int regint_collaboration_year(const regint_dataset *ds);

/** Number of partners (0 if the dataset has no collaboration section). */
REGINT_API size_t regint_collaboration_partner_count(const regint_dataset *ds);
/** Partner i in file order (borrowed), NULL if out of range. */
REGINT_API const regint_partner_t *regint_collaboration_partner_at(const regint_dataset *ds, size_t i);
/** The partner with this id; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_collaboration_partner(const regint_dataset *ds, const char *id, const regint_partner_t **out);
/** Number of agreements (0 if no section). */
REGINT_API size_t regint_collaboration_agreement_count(const regint_dataset *ds);
/** Agreement i (borrowed), NULL if out of range. */
REGINT_API const regint_agreement_t *regint_collaboration_agreement_at(const regint_dataset *ds, size_t i);
/** Number of meetings and gatherings (0 if no section). */
REGINT_API size_t regint_collaboration_meeting_count(const regint_dataset *ds);
/** Meeting i (borrowed), NULL if out of range. */
REGINT_API const regint_meeting_t *regint_collaboration_meeting_at(const regint_dataset *ds, size_t i);
/** Number of networks (0 if no section). */
REGINT_API size_t regint_collaboration_network_count(const regint_dataset *ds);
/** Network i (borrowed), NULL if out of range. */
REGINT_API const regint_network_t *regint_collaboration_network_at(const regint_dataset *ds, size_t i);
/** The network with this id; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_collaboration_network(const regint_dataset *ds, const char *id, const regint_network_t **out);

/* ------------------------------------------------------------------------- */
/* Building: each call validates (ids unique and not fødselsnummer, org.nr      */
/* valid, kommunenr exist in the section year, references exist, dates valid,  */
/* roles not personal) and leaves the dataset unchanged on failure.             */
/* The add calls return REGINT_OK; REGINT_EINVAL for a NULL argument, no scope */
/* yet or a broken rule; REGINT_EDUPLICATE for an id taken; REGINT_ENOTFOUND   */
/* for an unknown partner, network or kommunenr; REGINT_EPERSONAL for a role   */
/* that looks like a fødselsnummer or an e-mail address. Messages give the     */
/* path, e.g. `collaboration: networks[0].members[0].role: ...`.              */

/** Set the section's county and year (creates the section). The county must exist in
 *  `year`; existing records must stay valid in the new year.
 *  @param ds        the dataset
 *  @param fylkesnr  county code valid in @p year (copied)
 *  @param year      the year in which the section's kommunenr are valid
 *  @return REGINT_OK; REGINT_EINVAL for a NULL argument; REGINT_ENOTFOUND if the county
 *          does not exist in @p year, or a partner's or meeting's kommunenr does not. */
REGINT_API regint_status regint_collaboration_set_scope(regint_dataset *ds, const char *fylkesnr, int year);
/** Add a partner (copied); REGINT_EINVAL if the scope is not set yet. */
REGINT_API regint_status regint_collaboration_add_partner(regint_dataset *ds, const regint_partner_t *p);
/** Add an agreement (copied); its parties must be partners already. */
REGINT_API regint_status regint_collaboration_add_agreement(regint_dataset *ds, const regint_agreement_t *a);
/** Add a meeting (copied); its participants and network must exist already. */
REGINT_API regint_status regint_collaboration_add_meeting(regint_dataset *ds, const regint_meeting_t *m);
/** Add a network (copied); its members must be partners already. */
REGINT_API regint_status regint_collaboration_add_network(regint_dataset *ds, const regint_network_t *n);

/* ------------------------------------------------------------------------- */
/* Coverage analysis                                                         */

/**
 * Coverage of the county's municipalities (those valid in the year of @p as_of) on a date,
 * one row per municipality sorted by kommunenr, as parallel arrays.
 * Free with regint_collaboration_coverage_result_free().
 */
typedef struct regint_collaboration_coverage_result {
    char fylkesnr[3];        /**< the county analysed (two digits, NUL-terminated) */
    char as_of[11];          /**< the date of the analysis, "YYYY-MM-DD" */
    size_t n;                /**< number of municipalities (rows) */
    const char **kommunenr;  /**< [n] borrowed */
    const char **name;       /**< [n] borrowed */
    int *covered;            /**< [n] 1 if covered on as_of */
    const char **since;      /**< [n] start of the unbroken coverage period containing as_of;
                                  NULL if not covered or if it began before the records */
    const char **via;        /**< [n] id of the partner (network) or agreement whose period
                                  starts that coverage; NULL if not covered */
    size_t covered_count;    /**< number of covered municipalities */
} regint_collaboration_coverage_result;

/**
 * Coverage by one network on @p as_of.
 * @param ds          the dataset (borrowed)
 * @param network_id  id of a network of the collaboration section
 * @param fylkesnr    county to analyse, or NULL for the section's county
 * @param as_of       date "YYYY-MM-DD"; its year selects the municipalities
 * @param out         receives a new result, free with regint_collaboration_coverage_result_free()
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument, a bad date or fylkesnr, or no county
 *         (NULL @p fylkesnr and no section); REGINT_ENOTFOUND for an unknown network or a
 *         county that does not exist in the year of @p as_of.
 */
REGINT_API regint_status regint_collaboration_coverage_network(const regint_dataset *ds, const char *network_id,
                                                 const char *fylkesnr, const char *as_of,
                                                 regint_collaboration_coverage_result **out);
/**
 * Coverage for one task (its networks and agreements) on @p as_of.
 * Parameters and errors as regint_collaboration_coverage_network(); REGINT_EINVAL for an unknown @p task.
 * Without a collaboration section (and with @p fylkesnr given) every municipality is
 * uncovered.
 */
REGINT_API regint_status regint_collaboration_coverage_task(const regint_dataset *ds, regint_task task,
                                              const char *fylkesnr, const char *as_of,
                                              regint_collaboration_coverage_result **out);
/** Free a coverage result. NULL is allowed. */
REGINT_API void regint_collaboration_coverage_result_free(regint_collaboration_coverage_result *c);

/**
 * Attendance at competence-raising meetings (gatherings, or meetings marked
 * competence_raising) by the county's municipalities in the window of @p months months
 * ending on @p as_of: dates d with (as_of − months) < d ≤ as_of. Parallel arrays, one row
 * per municipality valid in the year of as_of, sorted by kommunenr.
 * Free with regint_collaboration_attendance_result_free().
 */
typedef struct regint_collaboration_attendance_result {
    char fylkesnr[3];        /**< the county analysed (two digits, NUL-terminated) */
    char as_of[11];          /**< the end of the window, "YYYY-MM-DD" */
    char after[11];          /**< the window is (after, as_of] */
    int months;              /**< length of the window in months, as requested */
    size_t n;                /**< number of municipalities (rows) */
    const char **kommunenr;  /**< [n] borrowed */
    const char **name;       /**< [n] borrowed */
    int64_t *attended;       /**< [n] competence-raising meetings attended in the window */
    const char **last_attended; /**< [n] last such meeting on or before as_of, or NULL (never) */
    size_t absent_count;     /**< municipalities with attended == 0 */
} regint_collaboration_attendance_result;

/**
 * Attendance in the last @p months as of @p as_of.
 * @param ds        the dataset (borrowed)
 * @param fylkesnr  county to analyse, or NULL for the section's county
 * @param months    window length in months, 1 to 1200
 * @param as_of     end of the window, "YYYY-MM-DD"
 * @param out       receives a new result, free with regint_collaboration_attendance_result_free()
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument, @p months out of range, a bad date
 *         or fylkesnr, or no county; REGINT_ENOTFOUND if the county does not exist in the
 *         year of @p as_of.
 */
REGINT_API regint_status regint_collaboration_attendance(const regint_dataset *ds, const char *fylkesnr,
                                                    int months, const char *as_of,
                                                    regint_collaboration_attendance_result **out);
/** Free an attendance result. NULL is allowed. */
REGINT_API void regint_collaboration_attendance_result_free(regint_collaboration_attendance_result *a);

#ifdef __cplusplus
}
#endif
#endif
