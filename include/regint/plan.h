/**
 * @file plan.h
 * @brief Plan for qualification (plan for kvalifisering, integreringsloven § 4): goals,
 *        measures (tiltak) with a responsible partner and period, indicators with baseline
 *        and target, and progress computed from the knowledge base.
 *
 * A ::regint_plan is an owned, opaque handle. Plans are kept in the "qualification" section
 * of a dataset document (an array of plan objects) or in a standalone plan file:
 * `{"schema": "regint.plan", "schema_version": 1, "plan": {...}}`. See
 * docs/knowledge-base.md for the format.
 *
 * ## Progress ("on track")
 * The planned path of an indicator is the straight line from (baseline_year, baseline) to
 * (target_year, target), flat at the target after the target year. Progress is judged on
 * the latest year y with baseline_year < y <= as_of_year for which the knowledge base has a
 * present value v; e(y) is the path's value in y and d the direction of the target
 * (sign of target − baseline; if they are equal, +1 for higher-is-better indicators, −1 for
 * lower-is-better, 0 for neutral):
 *  - ::REGINT_PROGRESS_ACHIEVED: d·(v − target) >= 0 (for d = 0: v equals the target);
 *  - ::REGINT_PROGRESS_ON_TRACK: not achieved and d·(v − e(y)) >= 0;
 *  - ::REGINT_PROGRESS_BEHIND: otherwise;
 *  - ::REGINT_PROGRESS_NO_DATA: no present value after the baseline year (missing values
 *    are not taken as 0; the reason of the latest missing one is reported).
 */
#ifndef REGINT_QUALIFICATION_H
#define REGINT_QUALIFICATION_H

#include "regint/common.h"
#include "regint/dataset.h"
#include "regint/kb.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A plan for qualification (opaque, owned). */
typedef struct regint_plan regint_plan;

/** The plan's own fields. */
typedef struct regint_plan_info_t {
    const char *id;        /**< identifier, e.g. "vestfold-kvalifisering-2024" */
    const char *title;     /**< title */
    const char *fylkesnr;  /**< the county the plan is for (code valid in area_year) */
    int first_year;        /**< plan period, first year */
    int last_year;         /**< plan period, last year (>= first_year) */
    int area_year;         /**< code vintage of the plan's area codes; 0 = first_year */
    int example;           /**< 1 if the plan is an example, not an adopted plan */
    const char *note;      /**< free text, "" if none */
} regint_plan_info_t;

/** A goal (mål) of the plan, with its SDG tags. */
typedef struct regint_plan_goal_t {
    const char *id;          /**< unique within the plan, e.g. "G1" */
    const char *title;       /**< non-empty title of the goal */
    const char *description; /**< "" if none */
    const char *sdg_targets; /**< comma-separated SDG targets, e.g. "4.4,8.5"; "" if none */
} regint_plan_goal_t;

/** A measure (tiltak) under a goal. */
typedef struct regint_plan_measure_t {
    const char *id;            /**< unique within the plan */
    const char *goal;          /**< id of its goal */
    const char *title;         /**< non-empty title of the measure */
    const char *partner_orgnr; /**< responsible partner's organisasjonsnummer, "" if not given */
    const char *partner_name;  /**< responsible partner's name, "" if not given (one of the two is required) */
    int start_year;            /**< period */
    int end_year;              /**< >= start_year */
} regint_plan_measure_t;

/** An indicator of a goal with baseline and target. */
typedef struct regint_plan_indicator_t {
    const char *goal;      /**< id of its goal */
    const char *indicator; /**< catalogue id */
    const char *area;      /**< area code (of the plan's area_year); "" = the plan's county */
    const char *category;  /**< observation category, "" for none */
    int baseline_year;     /**< year of the baseline value */
    double baseline;       /**< indicator value in baseline_year (finite; the indicator's unit) */
    int target_year;       /**< > baseline_year */
    double target;         /**< value aimed at by target_year (finite; the indicator's unit) */
} regint_plan_indicator_t;

/** Create a plan from its fields (copied). Checks: id passes regint_validate_identifier(),
 *  title non-empty, fylkesnr two digits, years in 1900..2200, first_year <= last_year.
 *  @param info  the plan's fields (strings copied)
 *  @param out   receives the new plan, free with regint_plan_free()
 *  @return REGINT_OK; REGINT_EINVAL for a NULL argument or a broken check;
 *          REGINT_EPERSONAL if the id looks like a fødselsnummer. */
REGINT_API regint_status regint_plan_new(const regint_plan_info_t *info, regint_plan **out);
/** Free a plan. NULL is allowed. */
REGINT_API void regint_plan_free(regint_plan *plan);
/** A deep copy.
 *  @param plan  the plan to copy
 *  @param out   receives the copy, free with regint_plan_free()
 *  @return REGINT_OK; REGINT_EINVAL for a NULL argument; REGINT_ENOMEM. */
REGINT_API regint_status regint_plan_copy(const regint_plan *plan, regint_plan **out);

/** The plan's fields (borrowed; area_year is resolved, never 0). */
REGINT_API const regint_plan_info_t *regint_plan_info(const regint_plan *plan);

/** Add a goal; REGINT_EDUPLICATE if its id is taken, REGINT_EINVAL for a bad SDG list. */
REGINT_API regint_status regint_plan_add_goal(regint_plan *plan, const regint_plan_goal_t *goal);
/** Add a measure; its goal must exist; partner_orgnr, if given, must pass
 *  regint_validate_orgnr(); at least one of partner_orgnr / partner_name. */
REGINT_API regint_status regint_plan_add_measure(regint_plan *plan, const regint_plan_measure_t *m);
/** Add an indicator; its goal must exist; target_year > baseline_year; finite numbers. */
REGINT_API regint_status regint_plan_add_indicator(regint_plan *plan, const regint_plan_indicator_t *ind);

/** Number of goals of the plan (0 if @p plan is NULL). */
REGINT_API size_t regint_plan_goal_count(const regint_plan *plan);
/** Goal @p i in the order added (borrowed from the plan), NULL if out of range or @p plan is NULL. */
REGINT_API const regint_plan_goal_t *regint_plan_goal_at(const regint_plan *plan, size_t i);
/** Number of measures of the plan (0 if @p plan is NULL). */
REGINT_API size_t regint_plan_measure_count(const regint_plan *plan);
/** Measure @p i in the order added (borrowed from the plan), NULL if out of range or @p plan is NULL. */
REGINT_API const regint_plan_measure_t *regint_plan_measure_at(const regint_plan *plan, size_t i);
/** Number of indicators of the plan (0 if @p plan is NULL). */
REGINT_API size_t regint_plan_indicator_count(const regint_plan *plan);
/** Indicator @p i in the order added (borrowed from the plan), NULL if out of range or @p plan is NULL. */
REGINT_API const regint_plan_indicator_t *regint_plan_indicator_at(const regint_plan *plan, size_t i);

/**
 * Check the plan against a dataset: every indicator is in the catalogue, every area exists
 * in the plan's area_year, the plan's county exists. Errors name the place, e.g.
 * `plan 'x': indicators[2].indicator: unknown indicator 'foo'`.
 * @param plan  the plan
 * @param ds    the dataset to check against
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument; REGINT_ENOTFOUND for the first
 *         unknown county, indicator or area.
 */
REGINT_API regint_status regint_plan_check(const regint_plan *plan, const regint_dataset *ds);

/* ------------------------------------------------------------------------- */
/* Files                                                                      */

/** Load a standalone plan file (`"schema": "regint.plan"`). All-or-nothing; errors name the
 *  file and the JSON path (`plan.measures[1].partner_orgnr: ...`).
 *  @param path  the file
 *  @param out   receives the plan (untouched on failure), free with regint_plan_free()
 *  @return REGINT_OK; REGINT_EIO if the file cannot be read; REGINT_EPARSE for bad JSON or
 *          UTF-8; REGINT_EVERSION for another schema or a newer schema_version;
 *          REGINT_EINVAL, REGINT_EDUPLICATE or REGINT_EPERSONAL for a broken rule. */
REGINT_API regint_status regint_plan_load_file(const char *path, regint_plan **out);
/** The same from JSON text in memory; `name` is used in messages. */
REGINT_API regint_status regint_plan_load_string(const char *json, size_t len, const char *name,
                                                 regint_plan **out);
/**
 * Save a standalone plan file atomically; canonical (load → save gives identical bytes). The
 * same safe save as regint_dataset_save_file_opts() (util/savefile): a temporary next to the
 * file renamed over it, symbolic links followed, leftovers of interrupted saves removed, and
 * **no lost update**: a plan loaded with regint_plan_load_file() remembers the bytes it read,
 * and saving it back to that file refuses with ::REGINT_ECONFLICT (nothing written) when the
 * file changed since — another program saved it — unless `opt->force`. The check and the
 * rename hold an exclusive `flock()` on the file. After a save the plan remembers the file it
 * wrote, so saving twice is fine (do not save one plan from two threads at once). A plan made
 * with regint_plan_new() or regint_plan_copy() has no origin and is not checked.
 * @param plan  the plan
 * @param path  the file to write (replaced atomically)
 * @param opt   the options of regint_dataset_save_file_opts() (`force`); NULL means the
 *              defaults (::REGINT_DATASET_SAVE_OPTIONS_INIT: refuse a lost update)
 * @return REGINT_OK; REGINT_ECONFLICT; REGINT_EINVAL for a NULL argument; REGINT_EVERSION for
 *         an unknown options version; REGINT_EIO if it cannot be written; REGINT_ENOMEM.
 */
REGINT_API regint_status regint_plan_save_file_opts(const regint_plan *plan, const char *path,
                                                    const regint_dataset_save_options *opt);
/** regint_plan_save_file_opts() with the defaults: refuses with ::REGINT_ECONFLICT to overwrite
 *  a file that changed on disk since @p plan was loaded from it. */
REGINT_API regint_status regint_plan_save_file(const regint_plan *plan, const char *path);
/** Serialise a standalone plan document; `*json` is the caller's (regint_free()). */
REGINT_API regint_status regint_plan_to_string(const regint_plan *plan, char **json);

/* ------------------------------------------------------------------------- */
/* Plans kept in a dataset (section "qualification")                           */

/** Number of plans in the dataset. */
REGINT_API size_t regint_plan_dataset_count(const regint_dataset *ds);
/** Plan i (borrowed from the dataset), NULL if out of range. */
REGINT_API const regint_plan *regint_plan_dataset_at(const regint_dataset *ds, size_t i);
/** Add a copy of `plan` to the dataset, replacing a plan with the same id. The plan is
 *  checked with regint_plan_check() first.
 *  @param ds    the dataset
 *  @param plan  the plan (copied; the caller keeps it)
 *  @return REGINT_OK; REGINT_EINVAL for a NULL argument; the errors of regint_plan_check()
 *          (the dataset is then unchanged). */
REGINT_API regint_status regint_plan_add_to_dataset(regint_dataset *ds, const regint_plan *plan);

/* ------------------------------------------------------------------------- */
/* Progress                                                                   */

/** Progress of a plan indicator (see the file comment for the exact rule). */
typedef enum regint_progress {
    REGINT_PROGRESS_NO_DATA = 0,  /**< "no_data": no present value after the baseline year */
    REGINT_PROGRESS_ON_TRACK = 1, /**< "on_track": not achieved, at or beyond the planned path */
    REGINT_PROGRESS_BEHIND = 2,   /**< "behind": short of the planned path */
    REGINT_PROGRESS_ACHIEVED = 3  /**< "achieved": the target is reached */
} regint_progress;
/** Number of values of ::regint_progress (they are 0 .. REGINT_PROGRESS_COUNT - 1). */
#define REGINT_PROGRESS_COUNT 4
/**
 * The value with the given name (as regint_progress_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_progress_from_name(const char *name, regint_progress *out);

/** Stable names: "no_data", "on_track", "behind", "achieved"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_progress_name(regint_progress p);

/** The progress of one plan indicator. */
typedef struct regint_plan_progress_t {
    regint_progress status; /**< the judgement (see the file comment) */
    int year;               /**< year of the value judged; 0 if none */
    double value;           /**< that value; NAN if none */
    double expected;        /**< the planned path's value in `year`; NAN if none */
    double share_of_target; /**< (value − baseline) / (target − baseline); NAN if undefined */
    regint_missing latest_missing; /**< reason of the latest missing value after the
                                        baseline, REGINT_MISSING_NONE if none */
} regint_plan_progress_t;

/**
 * Progress of indicator `i` of `plan`, judged on values up to `as_of_year` (0: no limit),
 * read from the knowledge base for the indicator's area (codes of the plan's area_year).
 * @param plan        the plan (borrowed)
 * @param i           index of the indicator, < regint_plan_indicator_count()
 * @param kb          knowledge base to read values from (borrowed)
 * @param as_of_year  latest year of values considered; 0 for no limit
 * @param out         filled on success
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument or @p i out of range;
 *         REGINT_ENOTFOUND if the indicator is not in the catalogue; errors of
 *         regint_kb_series() are passed on.
 */
REGINT_API regint_status regint_plan_progress(const regint_plan *plan, size_t i, const regint_kb *kb,
                                              int as_of_year, regint_plan_progress_t *out);

#ifdef __cplusplus
}
#endif
#endif
