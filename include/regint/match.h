/**
 * @file match.h
 * @brief Optimal matching of refugee cases to municipalities (GeoMatch / Annie MOORE class).
 *
 * A case c (a family of `sizes[c]` persons, never split) is placed in at most one
 * municipality m; the pair earns `scores[c*n_munis + m]` (for example a predicted employment
 * probability). Every municipality has a capacity, counted in cases or in persons.
 * regint_match() maximises the total score
 *
 *     Σ_c Σ_m score[c][m] · x[c][m]        x binary,
 *     Σ_m x[c][m] = 1  (or ≤ 1 when must_assign_all is 0)  for every case,
 *     Σ_c w_c · x[c][m] ≤ capacity[m]                       for every municipality,
 *
 * with w_c = 1 (unit ::REGINT_MATCH_CASES: a transportation problem, solved exactly by
 * successive shortest paths on a compact network of the municipalities) or w_c = sizes[c]
 * (unit ::REGINT_MATCH_PERSONS: a generalized assignment problem, solved by branch and
 * bound on the LP relaxation, with a reported gap when limits stop it).
 *
 * All arrays are contiguous and caller-owned, so NumPy arrays map onto them directly:
 * `scores` is a C-ordered float64 array of shape (n_cases, n_munis) (NaN = forbidden pair),
 * `sizes`, `capacities`, `assignment`, `used` are int64 vectors.
 *
 * Exactness: scores are turned into integers by the smallest power of ten (1 … 10^9) that
 * makes every score an integer (to 1e-9 relative); then all solver arithmetic is in 64-bit
 * integers and the optimum is exact. If no such power exists, scores are rounded to a grid
 * of 2^-k and regint_match_summary_t::exact is 0 (see docs/matching.md for the bound).
 */
#ifndef REGINT_MATCHING_H
#define REGINT_MATCHING_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** In what capacities are counted. */
typedef enum regint_match_unit {
    REGINT_MATCH_CASES = 0,   /**< capacity counts cases (transportation problem, exact) */
    REGINT_MATCH_PERSONS = 1  /**< capacity counts persons (generalized assignment MIP) */
} regint_match_unit;
/** Number of values of ::regint_match_unit (they are 0 .. REGINT_MATCH_UNIT_COUNT - 1). */
#define REGINT_MATCH_UNIT_COUNT 2
/**
 * The value with the given name (as regint_match_unit_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_match_unit_from_name(const char *name, regint_match_unit *out);

/** How good the returned assignment is known to be. */
typedef enum regint_match_quality {
    REGINT_MATCH_OPTIMAL = 0, /**< proved optimal (bound == objective) */
    REGINT_MATCH_GAP = 1      /**< feasible; optimum lies in [objective, bound] */
} regint_match_quality;
/** Number of values of ::regint_match_quality (they are 0 .. REGINT_MATCH_QUALITY_COUNT - 1). */
#define REGINT_MATCH_QUALITY_COUNT 2
/**
 * The stable name of a value: "optimal", "gap".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_match_quality_name(regint_match_quality v);
/**
 * The value with the given name (as regint_match_quality_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_match_quality_from_name(const char *name, regint_match_quality *out);

/** Progress callback: `fraction` in [0,1], `phase` a short static text. */
typedef void (*regint_match_progress_fn)(void *ctx, double fraction, const char *phase);

/** Options of regint_match(). Initialise with ::REGINT_MATCH_OPTIONS_INIT. */
typedef struct regint_match_options {
    int version;                 /**< ::REGINT_MATCH_OPTIONS_VERSION (1) */
    regint_match_unit unit;      /**< capacity unit; default ::REGINT_MATCH_CASES */
    int must_assign_all;         /**< 1 (default): every case exactly once; 0: at most once */
    int score_per_person;        /**< 1: scores are per person and are multiplied by sizes[c] */
    double score_scale;          /**< reported objective = Σ score / score_scale; default 1 */
    int64_t max_nodes;           /**< persons unit: branch-and-bound node limit (default 200000) */
    double time_limit;           /**< persons unit: seconds (default 60; <= 0 = none) */
    regint_match_progress_fn progress; /**< NULL or called now and then during long runs */
    void *progress_ctx;          /**< passed to progress */
} regint_match_options;

/** Current version of ::regint_match_options. */
#define REGINT_MATCH_OPTIONS_VERSION 1
/** Default options: cases unit, every case assigned, scale 1, 200000 nodes, 60 s, no progress. */
#define REGINT_MATCH_OPTIONS_INIT { REGINT_MATCH_OPTIONS_VERSION, REGINT_MATCH_CASES, 1, 0, 1.0, 200000, 60.0, NULL, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_MATCH_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_MATCH_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_match_options_init(regint_match_options *opts, int version);

/** Summary of a solve (filled by regint_match()). */
typedef struct regint_match_summary_t {
    double objective;            /**< Σ score of the assignment / score_scale */
    double bound;                /**< proved upper bound on the optimum (== objective if optimal) */
    double gap;                  /**< (bound - objective) / max(1, |objective|) */
    regint_match_quality quality;/**< optimal or gap */
    size_t n_assigned;           /**< cases given a municipality */
    int64_t nodes;               /**< persons unit: branch-and-bound nodes solved (0 for cases) */
    int64_t augmentations;       /**< cases unit: shortest augmenting paths (0 for persons) */
    int exact;                   /**< 1 if scores were exact integers on a 10^-k grid */
    double score_resolution;     /**< the grid the solver used (1, 0.001, ... or 2^-k) */
} regint_match_summary_t;

/**
 * Solve a matching instance.
 *
 * @param scores      n_cases × n_munis, row-major (case-major); NaN = pair not allowed.
 *                    Finite scores only otherwise (may be negative).
 * @param n_cases     number of cases (>= 0)
 * @param n_munis     number of municipalities (>= 1)
 * @param sizes       n_cases family sizes (>= 1); may be NULL for the cases unit without
 *                    score_per_person (then every size is 1)
 * @param capacities  n_munis capacities (>= 0) in the options' unit
 * @param opt         NULL for defaults
 * @param assignment  out: n_cases municipality indices, -1 = not assigned
 * @param used        out (may be NULL): n_munis capacity use in the unit
 * @param result      out (may be NULL): objective, bound, status
 * @return REGINT_OK; REGINT_EINVAL for bad arguments (message names the element);
 *         REGINT_EINFEASIBLE only when it is proved that must_assign_all cannot hold
 *         (demand above the total capacity, a family that fits in no allowed municipality,
 *         a group of cases whose allowed municipalities are too small, the LP relaxation
 *         infeasible, or the branch and bound exhausted without an assignment; the
 *         message names the demand and the capacity that cannot meet it);
 *         REGINT_ERANGE (persons unit) when max_nodes or time_limit stopped the search
 *         before any assignment was found and infeasibility is not proved (the message
 *         says "was found within the limits ... infeasibility is not proved"; raise the
 *         limits) — a construction heuristic with repair runs before the search, so this
 *         is rare when capacities leave a few percent of slack; REGINT_ENOMEM.
 *         On any status other than REGINT_OK the outputs are unspecified.
 */
REGINT_API regint_status regint_match(const double *scores, size_t n_cases, size_t n_munis,
                                      const int64_t *sizes, const int64_t *capacities,
                                      const regint_match_options *opt, int64_t *assignment,
                                      int64_t *used, regint_match_summary_t *result);

/**
 * The synthetic instance generator regint-synth-v1 (tests/oracles/README.md).
 * Fills sizes (n_cases), capacities (n_munis) and scores (n_cases × n_munis, permille
 * integers 0..1000 stored as doubles: divide by 1000 or use score_scale = 1000).
 *
 * @param n_cases         number of cases N
 * @param n_munis         number of municipalities M (at least 1)
 * @param unit            capacity unit (persons adds 8 to every capacity)
 * @param seed            splitmix64 seed
 * @param slack_permille  total capacity ≈ slack_permille/1000 × demand
 * @param sizes           out: n_cases family sizes
 * @param capacities      out: n_munis capacities
 * @param scores          out: n_cases × n_munis scores, row-major
 * @return REGINT_OK or REGINT_EINVAL (n_munis 0, NULL outputs).
 */
REGINT_API regint_status regint_match_synth(size_t n_cases, size_t n_munis, regint_match_unit unit,
                                            uint64_t seed, int64_t slack_permille, int64_t *sizes,
                                            int64_t *capacities, double *scores);

/** A matching instance loaded from JSON by regint_match_instance_load_file(); free with regint_match_instance_free(). */
typedef struct regint_match_instance {
    size_t n_cases;        /**< number of cases (rows of scores) */
    size_t n_munis;        /**< number of municipalities (columns of scores) */
    regint_match_unit unit;/**< "capacity_unit" of the file */
    int must_assign_all;   /**< "must_assign_all" (1 when absent) */
    double score_scale;    /**< "score_scale" (1 when absent) */
    int64_t *sizes;        /**< n_cases */
    int64_t *capacities;   /**< n_munis */
    double *scores;        /**< n_cases × n_munis, NaN = forbidden (null in JSON) */
    char **ids;            /**< NULL or n_cases case ids (checked by regint_validate_identifier) */
} regint_match_instance;

/**
 * Load a JSON instance: `{"capacity_unit": "cases"|"persons", "sizes": [...],
 * "capacities": [...], "scores": [[...], ...]}` with scores one row per case (null =
 * forbidden), optional "must_assign_all" (default true), "score_scale" (default 1), "ids"
 * (case ids, pseudonymous: a fødselsnummer is refused with REGINT_EPERSONAL).
 * Errors name the file and the JSON path (e.g. `inst.json: scores[3][7]: expected a number or null`).
 * @param path the JSON file
 * @param out  receives a new instance (NULL on failure)
 */
REGINT_API regint_status regint_match_instance_load_file(const char *path, regint_match_instance **out);

/** Parse an instance from JSON text; `name` is used in messages. */
REGINT_API regint_status regint_match_instance_load_string(const char *text, size_t len,
                                                          const char *name,
                                                          regint_match_instance **out);

/** Free an instance (NULL allowed). */
REGINT_API void regint_match_instance_free(regint_match_instance *inst);

/** "cases" or "persons"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_match_unit_name(regint_match_unit unit);

#ifdef __cplusplus
}
#endif
#endif
