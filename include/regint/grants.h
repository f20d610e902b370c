/**
 * @file grants.h
 * @brief Grant schemes (tilskuddsordninger): schemes, applications, allocation of a budget,
 *        decisions, payments, reporting and reclaim of unused funds.
 *
 * The county allocates the grant schemes it took over from IMDi in 2020: *Jobbsjansen del B*,
 * *Mentor- og traineeordning* and *Etablererveiledning for innvandrere*. The data live in the
 * `"grants"` section of a dataset document (see docs/tasks.md) and are read and changed
 * through the functions below. Strings in the value structs are borrowed from the dataset:
 * they live until the dataset is freed or the next call that changes its grants.
 *
 * Money is whole kroner (`int64_t`); dates are ISO strings "YYYY-MM-DD" (validated).
 * Application ids pass regint_validate_identifier() (a fødselsnummer is refused); applicants
 * are identified by a valid organisation number (regint_validate_orgnr()).
 *
 * **Allocation rule** (regint_grants_allocate()): the budget is cut into units (1 kr or a
 * rounding unit such as 1 000 kr); each eligible application gets a weight
 * `score × need` (score = weighted mean of its criterion scores, need = planned
 * participants by default) and a cap `min(amount applied, scheme maximum)` rounded down to
 * whole units; the units are divided with regint_apportion() (Hamilton, largest
 * remainders) with the caps as upper bounds. The whole budget is used, except when every
 * eligible application is capped, no application is eligible, or the budget is not a
 * multiple of the unit; the remainder and its reason are then reported.
 */
#ifndef REGINT_GRANTS_H
#define REGINT_GRANTS_H

#include "regint/common.h"
#include "regint/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What kind of body applies. */
typedef enum regint_applicant_kind {
    REGINT_APPLICANT_MUNICIPALITY = 0,          /**< kommune */
    REGINT_APPLICANT_COUNTY = 1,                /**< fylkeskommune */
    REGINT_APPLICANT_EMPLOYER = 2,              /**< employer (private or public) */
    REGINT_APPLICANT_VOLUNTARY_ORGANISATION = 3 /**< frivillig organisasjon */
} regint_applicant_kind;
/** Number of values of ::regint_applicant_kind (they are 0 .. REGINT_APPLICANT_KIND_COUNT - 1). */
#define REGINT_APPLICANT_KIND_COUNT 4

/** Stable names: "municipality", "county", "employer", "voluntary_organisation";
 * "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_applicant_kind_name(regint_applicant_kind k);
/** Parse an applicant kind name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_applicant_kind_from_name(const char *name, regint_applicant_kind *out);

/** The state of an application's decision. */
typedef enum regint_grant_outcome {
    REGINT_GRANT_PENDING = 0, /**< not decided yet */
    REGINT_GRANT_GRANTED = 1, /**< innvilget (amount > 0) */
    REGINT_GRANT_REFUSED = 2  /**< avslag (with a reason) */
} regint_grant_outcome;
/** Number of values of ::regint_grant_outcome (they are 0 .. REGINT_GRANT_OUTCOME_COUNT - 1). */
#define REGINT_GRANT_OUTCOME_COUNT 3

/** Stable names: "pending", "granted", "refused"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_grant_outcome_name(regint_grant_outcome o);
/** Parse an outcome name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_grant_outcome_from_name(const char *name, regint_grant_outcome *out);

/** An assessment criterion of a scheme. */
typedef struct regint_grant_criterion_t {
    const char *id;   /**< short key, e.g. "quality" (an identifier) */
    const char *name; /**< description, e.g. "Kvalitet i opplegget" */
    double weight;    /**< relative weight, > 0; weights need not sum to 1 */
} regint_grant_criterion_t;

/** A grant scheme for one year (one call). */
typedef struct regint_grant_scheme_t {
    const char *id;                /**< identifier, e.g. "jobbsjansen-b-2025" */
    const char *name;              /**< e.g. "Jobbsjansen del B" */
    int year;                      /**< budget year; municipalities must exist in this year */
    int64_t budget;                /**< kroner to allocate, >= 0 */
    const char *call_opens;        /**< date the call was published, or NULL */
    const char *deadline;          /**< application deadline (søknadsfrist), a date */
    int64_t max_per_application;   /**< maximum grant per application, > 0 (INT64_MAX = none) */
    int64_t rounding_unit;         /**< allocation unit in kroner, >= 1 (default 1) */
    double score_max;              /**< scores are in [0, score_max]; default 6 */
    const char *report_due;        /**< date the use of funds must be reported, or NULL */
    size_t criterion_count;        /**< number of criteria, >= 1 */
    const regint_grant_criterion_t *criteria; /**< the criteria */
    double result_target;          /**< share of the participants reached that the scheme aims
                                        to bring into work or education, in (0, 1] (Jobbsjansen:
                                        0.6); 0 = the scheme has no such target. JSON
                                        `"result_target"` */
} regint_grant_scheme_t;

/** A payment (utbetaling) of granted money: a part payment or the final one. */
typedef struct regint_grant_payment_t {
    const char *date;  /**< payment date */
    int64_t amount;    /**< kroner, > 0 */
    int final;         /**< 1 for the final payment (sluttutbetaling): at most one, the last
                            entry, dated on or after every other payment; nothing is paid after
                            it. JSON `"final": true` (absent = 0). */
} regint_grant_payment_t;

/** A status report (statusrapport) received during the project, kept apart from payment
 *  requests and from the final report (as regionalforvaltning.no does). JSON: an entry of the
 *  application's `"status_reports"` list, `{"date": ..., "period": ..., "summary": ...,
 *  "participants": n}` (only `"date"` required). */
typedef struct regint_grant_status_report_t {
    const char *date;     /**< date received, "YYYY-MM-DD"; on or after the previous status report
                               and not after the final report */
    const char *period;   /**< period covered, free text such as "2025-05-01/2025-08-31", or NULL */
    const char *summary;  /**< text summary, or NULL; a fødselsnummer in it is refused */
    int64_t participants; /**< participants reached so far, >= 0, or -1 if not given */
} regint_grant_status_report_t;

/** An application (søknad) to a scheme, with its assessment, decision, payments and report. */
typedef struct regint_grant_application_t {
    const char *id;                 /**< pseudonymous identifier (never a fødselsnummer) */
    const char *scheme_id;          /**< the scheme applied to */
    const char *received;           /**< date received, or NULL */
    const char *applicant_orgnr;    /**< 9-digit organisation number, mod-11 valid */
    const char *applicant_name;     /**< name of the applying body */
    regint_applicant_kind applicant_kind; /**< kind of applying body */
    int64_t amount_applied;         /**< kroner applied for, > 0 */
    int64_t planned_participants;   /**< persons the project plans to reach, >= 0 */
    const char *target_group;       /**< free text, e.g. "unge innvandrere 16-24 år" */
    size_t municipality_count;      /**< municipalities covered, >= 1 */
    const char *const *municipalities; /**< kommunenr valid in the scheme year */
    int eligible;                   /**< 1 if formally eligible (default), 0 if not */
    const char *ineligible_reason;  /**< why not eligible, or NULL */
    const double *scores;           /**< criterion_count scores in scheme order; NAN = not assessed */
    /* decision */
    regint_grant_outcome outcome;   /**< pending, granted, refused */
    int64_t amount_granted;         /**< kroner granted (0 unless granted) */
    const char *decision_date;      /**< date of the decision, or NULL */
    const char *decision_reason;    /**< reason (required for a refusal), or NULL */
    /* payments */
    size_t payment_count;           /**< number of entries in @ref payments (0 if none) */
    const regint_grant_payment_t *payments; /**< [payment_count] payments made */
    /* report on the use of the grant */
    const char *report_due;         /**< own due date overriding the scheme's, or NULL */
    int reported;                   /**< 1 once a report is received */
    const char *report_date;        /**< date the report was received, or NULL */
    int64_t participants_reached;   /**< from the report (valid if reported) */
    int64_t funds_used;             /**< kroner used, from the report (valid if reported) */
    int64_t amount_reclaimed;       /**< kroner already paid back to the county, >= 0 */
    /** Length of @ref scores in applications read from a dataset (the scheme's
     *  criterion_count), so that a reader needs not look the scheme up. Ignored when
     *  adding: there the scheme's criterion_count applies. */
    size_t score_count;
    /* results per participant, from the final report (schemes that follow them, e.g. Jobbsjansen) */
    int has_results;                /**< 1 if the final report gives the results below */
    int64_t results_work;           /**< participants in work after the project, >= 0 */
    int64_t results_education;      /**< participants in education after the project, >= 0;
                                         work + education <= participants_reached (each
                                         participant counted once, by their main outcome). JSON
                                         `report.results: {"work": n, "education": n}` */
    /* status reports during the project (apart from the final report above) */
    size_t status_report_count;     /**< number of entries in @ref status_reports (0 if none) */
    const regint_grant_status_report_t *status_reports; /**< [status_report_count] in the order
                                         received; JSON `"status_reports"` */
} regint_grant_application_t;

/* ------------------------------------------------------------------------- */
/* Reading                                                                   */

/** Number of schemes in the dataset (0 if it has no grants section). */
REGINT_API size_t regint_grants_scheme_count(const regint_dataset *ds);
/** Scheme @p i (0-based, in file order), or NULL if out of range. Borrowed. */
REGINT_API const regint_grant_scheme_t *regint_grants_scheme_at(const regint_dataset *ds, size_t i);
/** The scheme with this id; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_grants_scheme(const regint_dataset *ds, const char *id,
                                              const regint_grant_scheme_t **out);

/** Number of applications (all schemes). */
REGINT_API size_t regint_grants_application_count(const regint_dataset *ds);
/** Application @p i (0-based, in file order), or NULL if out of range. Borrowed. */
REGINT_API const regint_grant_application_t *regint_grants_application_at(const regint_dataset *ds,
                                                                          size_t i);
/** The application with this id; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_grants_application(const regint_dataset *ds, const char *id,
                                                   const regint_grant_application_t **out);

/**
 * The assessed score of an application: the weighted mean of its criterion scores,
 * sum(weight × score) / sum(weight). REGINT_EINVAL (message says which criterion) if a
 * criterion is not assessed.
 */
REGINT_API regint_status regint_grants_application_score(const regint_dataset *ds, const char *id,
                                                         double *out);

/* ------------------------------------------------------------------------- */
/* Building and changing. Every call validates its input against the whole    */
/* section (ids unique, scheme exists, kommunenr exists in the scheme year,    */
/* org.nr valid, amounts non-negative, sums within budget) and leaves the      */
/* dataset unchanged on failure. Strings and arrays are copied.                */
/* The calls below that take an application id return REGINT_OK,              */
/* REGINT_EINVAL for a NULL argument or a broken rule, REGINT_ENOTFOUND for an */
/* unknown application, REGINT_ERANGE for an amount out of range and           */
/* REGINT_EINFEASIBLE when grants would exceed the scheme budget; the message  */
/* names the application and the rule.                                         */

/** Add a scheme. */
REGINT_API regint_status regint_grants_add_scheme(regint_dataset *ds, const regint_grant_scheme_t *s);
/** Add an application (decision, payments and report fields are taken as given and checked). */
REGINT_API regint_status regint_grants_add_application(regint_dataset *ds,
                                                       const regint_grant_application_t *a);
/**
 * Record a decision. Granted: 0 < amount <= min(amount applied, scheme maximum) and the
 * scheme's granted total stays within its budget. Refused: amount 0 and a non-empty reason.
 * Pending clears the decision (only if nothing is paid).
 */
REGINT_API regint_status regint_grants_decide(regint_dataset *ds, const char *application_id,
                                              regint_grant_outcome outcome, int64_t amount,
                                              const char *date, const char *reason);
/** Record a part payment; only for a granted application, total paid <= amount granted, and
 *  not after the final payment (REGINT_EINVAL names it). */
REGINT_API regint_status regint_grants_add_payment(regint_dataset *ds, const char *application_id,
                                                   const char *date, int64_t amount);
/** Record the final payment (sluttutbetaling) as regint_grants_add_payment() does a part
 *  payment; one per application, dated on or after the earlier payments; nothing can be paid
 *  after it. */
REGINT_API regint_status regint_grants_add_final_payment(regint_dataset *ds, const char *application_id,
                                                         const char *date, int64_t amount);
/** Record the report on the use of a grant; funds used <= total paid. */
REGINT_API regint_status regint_grants_set_report(regint_dataset *ds, const char *application_id,
                                                  const char *date, int64_t participants_reached,
                                                  int64_t funds_used);
/**
 * Record a status report received during the project (not the final report: see
 * regint_grants_set_report()). Only for a granted application; dated on or after the
 * previous status report and not after the final report, if that is in (one rule by
 * dates, the same as on load: a status report received before the final report may be
 * recorded later).
 * @param ds              the dataset
 * @param application_id  the application
 * @param report          the status report (strings are copied); participants -1 = not given
 * @return REGINT_OK; REGINT_ENOTFOUND for an unknown application; REGINT_EINVAL for a NULL
 *         argument, a bad date, an order broken or a fødselsnummer in the text; REGINT_ERANGE
 *         for participants below -1.
 */
REGINT_API regint_status regint_grants_add_status_report(regint_dataset *ds, const char *application_id,
                                                         const regint_grant_status_report_t *report);
/**
 * Record the assessed score of one criterion of an application (the others are kept).
 * @param ds              the dataset
 * @param application_id  the application
 * @param criterion_id    a criterion id of the application's scheme
 * @param score           the score, in [0, scheme score_max]; NAN marks it not assessed
 * @return REGINT_OK; REGINT_ENOTFOUND for an unknown application or criterion;
 *         REGINT_ERANGE for a score out of range; REGINT_EINVAL for a NULL argument.
 */
REGINT_API regint_status regint_grants_set_score(regint_dataset *ds, const char *application_id,
                                                 const char *criterion_id, double score);
/**
 * Record the results per participant of the final report (set with regint_grants_set_report()
 * first): how many of the participants reached are in work and how many in education after
 * the project, each participant counted once. regint_grants_followup() compares their share
 * with the scheme's result_target.
 * @return REGINT_OK; REGINT_EINVAL without a report; REGINT_ERANGE for a negative count or
 *         work + education above the participants reached; REGINT_ENOTFOUND for an unknown
 *         application.
 */
REGINT_API regint_status regint_grants_set_results(regint_dataset *ds, const char *application_id,
                                                   int64_t in_work, int64_t in_education);
/** Record money paid back; the total reclaimed may not exceed paid − used. */
REGINT_API regint_status regint_grants_add_reclaimed(regint_dataset *ds, const char *application_id,
                                                     int64_t amount);

/* ------------------------------------------------------------------------- */
/* Allocation                                                                */

/** What measures an application's need in the allocation weight score × need. */
typedef enum regint_grant_need {
    REGINT_GRANT_NEED_PARTICIPANTS = 0, /**< planned participants (default) */
    REGINT_GRANT_NEED_AMOUNT = 1,       /**< the amount applied for */
    REGINT_GRANT_NEED_NONE = 2          /**< 1 for everyone: weight = score */
} regint_grant_need;
/** Number of values of ::regint_grant_need (they are 0 .. REGINT_GRANT_NEED_COUNT - 1). */
#define REGINT_GRANT_NEED_COUNT 3
/**
 * The stable name of a value: "participants", "amount", "none".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_grant_need_name(regint_grant_need v);
/**
 * The value with the given name (as regint_grant_need_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_grant_need_from_name(const char *name, regint_grant_need *out);

/** Options of regint_grants_allocate(). */
typedef struct regint_grants_allocate_options {
    int version;            /**< REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION */
    int64_t unit;           /**< rounding unit in kroner; 0 = the scheme's rounding_unit */
    regint_grant_need need; /**< need measure */
} regint_grants_allocate_options;

/** Version of ::regint_grants_allocate_options understood by this library. */
#define REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION 1
/** Default options: the scheme's rounding unit, need = planned participants. */
#define REGINT_GRANTS_ALLOCATE_OPTIONS_INIT { REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION, 0, REGINT_GRANT_NEED_PARTICIPANTS }

/**
 * Initialise @p opts with the defaults of ::REGINT_GRANTS_ALLOCATE_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_GRANTS_ALLOCATE_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_grants_allocate_options_init(regint_grants_allocate_options *opts, int version);

/**
 * The result of an allocation: one row per application of the scheme (in file order),
 * as parallel arrays so that it converts to a table (DataFrame) in one step.
 * Free with regint_grants_allocation_result_free(). Strings are borrowed from the dataset.
 */
typedef struct regint_grants_allocation_result {
    const char *scheme_id;     /**< the scheme allocated (borrowed from the dataset) */
    int64_t budget;            /**< the scheme budget */
    int64_t unit;              /**< the rounding unit used */
    int64_t allocated;         /**< sum of amount[] */
    int64_t remainder;         /**< budget − allocated (0 when the budget is used exactly) */
    const char *remainder_reason; /**< "" if remainder is 0, else why (static text) */
    size_t n;                  /**< applications of the scheme */
    const char **application_id; /**< [n] */
    int *eligible;             /**< [n] 1 if the application took part in the allocation */
    const char **reason;       /**< [n] why not eligible ("" if eligible; static or borrowed) */
    double *score;             /**< [n] weighted mean score (NAN if not assessed) */
    double *need;              /**< [n] need measure */
    double *weight;            /**< [n] score × need (0 if not eligible) */
    int64_t *cap;              /**< [n] upper bound in kroner (0 if not eligible) */
    int64_t *amount;           /**< [n] kroner allocated, a multiple of unit */
    int *capped;               /**< [n] 1 if amount == cap */
} regint_grants_allocation_result;

/**
 * Allocate a scheme's budget over its eligible applications (rule in the file comment and
 * docs/tasks.md). An application is eligible when it is formally eligible, received by the
 * deadline (if both dates are known), fully assessed, has a score > 0, a need > 0 and a cap
 * of at least one unit. Does not change the dataset: see regint_grants_apply_allocation().
 * @param ds        the dataset (borrowed; must outlive the result, whose strings point into it)
 * @param scheme_id id of a grant scheme of the dataset
 * @param opt       NULL for defaults (::REGINT_GRANTS_ALLOCATE_OPTIONS_INIT)
 * @param out       receives a new result, free with regint_grants_allocation_result_free()
 * @return REGINT_OK; REGINT_EVERSION for an unknown options version; REGINT_EINVAL for a NULL argument, a negative
 *         unit or an unknown need measure; REGINT_ENOTFOUND for an unknown scheme.
 */
REGINT_API regint_status regint_grants_allocate(const regint_dataset *ds, const char *scheme_id,
                                                const regint_grants_allocate_options *opt,
                                                regint_grants_allocation_result **out);

/** Free an allocation result. NULL is allowed. */
REGINT_API void regint_grants_allocation_result_free(regint_grants_allocation_result *a);

/**
 * Turn an allocation into decisions dated @p date: amount > 0 → granted; otherwise refused
 * with the allocation's reason ("not eligible: ..." or "no share of the budget").
 * All-or-nothing; refuses (REGINT_EINVAL) if any application of the scheme already has
 * payments or a report.
 */
REGINT_API regint_status regint_grants_apply_allocation(regint_dataset *ds,
                                                        const regint_grants_allocation_result *a,
                                                        const char *date);

/* ------------------------------------------------------------------------- */
/* Follow-up                                                                 */

/** Follow-up state of one granted application as of a date. */
typedef struct regint_grant_followup_t {
    const char *application_id; /**< the granted application (borrowed from the dataset) */
    const char *scheme_id;      /**< its scheme (borrowed from the dataset) */
    int64_t granted;      /**< amount granted */
    int64_t paid;         /**< sum of payments */
    int64_t used;         /**< funds used per the report (0 if not reported) */
    int64_t reclaim_due;  /**< paid − used − already reclaimed, if reported; else 0 */
    const char *report_due; /**< the due date that applies, or NULL if none */
    int reported;         /**< 1 if the report is in */
    int overdue;          /**< 1 if not reported and report_due < as_of */
    int64_t days_overdue; /**< as_of − report_due in days when overdue, else 0 */
    int has_results;      /**< 1 if the final report gives results per participant */
    int64_t in_work_or_education; /**< results_work + results_education (0 without results) */
    double result_share;  /**< in_work_or_education / participants reached; NAN without results
                               or with no participants */
    double result_target; /**< the scheme's result_target (0 = none) */
    int target_met;       /**< 1 if result_share >= result_target > 0, 0 if below, -1 if there is
                               no target or no share */
    size_t status_reports; /**< number of status reports received during the project */
} regint_grant_followup_t;

/**
 * Follow-up of every granted application (optionally of one scheme: @p scheme_id NULL for
 * all) as of @p as_of. `*out` is an array of `*n` rows (free with regint_free()).
 * @param ds         the dataset (borrowed; the rows' strings point into it)
 * @param scheme_id  a scheme id, or NULL for all schemes
 * @param as_of      date "YYYY-MM-DD"
 * @param out        receives the rows, in file order of the applications
 * @param n          receives the number of rows (0 if nothing is granted)
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument or a bad date; REGINT_ENOTFOUND for
 *         an unknown scheme.
 */
REGINT_API regint_status regint_grants_followup(const regint_dataset *ds, const char *scheme_id,
                                                const char *as_of, regint_grant_followup_t **out,
                                                size_t *n);

/**
 * The ids of granted applications whose report is overdue as of @p as_of (due date before
 * as_of, no report), sorted by due date then id. `*ids` holds borrowed strings in an array
 * that is the caller's (regint_free()).
 * @param ds     the dataset (borrowed)
 * @param as_of  date "YYYY-MM-DD"
 * @param ids    receives the array of ids
 * @param n      receives the number of ids
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument or a bad date.
 */
REGINT_API regint_status regint_grants_overdue_reports(const regint_dataset *ds, const char *as_of,
                                                       const char ***ids, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
