/**
 * @file settlement.h
 * @brief Settlement recommendation: criteria profiles, scoring, bounds, explanations, back-test.
 *
 * The county recommends to IMDi how many refugees each municipality should be asked to
 * settle (DOMAIN.md, "The yearly settlement cycle"). This module turns a dataset, a county,
 * a year, a total and a *criteria profile* into one number per municipality that
 *
 *  - sums exactly to the total,
 *  - respects every lower and upper bound (a minimum such as 10 for each municipality asked,
 *    a maximum from stated capacity or from previous decisions),
 *  - is explained: each municipality's score is the sum of one contribution per criterion.
 *
 * Method (docs/settlement.md): every criterion distributes its share w_c / sum(w) of the
 * total. A *size* criterion (population, past requests, decisions, settled) gives each
 * municipality its share of the county's sum; a *rate* criterion (delivery rate, labour
 * market and introduction-programme indicators) gives each its population share tilted by
 * its value relative to the (population-weighted) county mean. The score is the sum of the
 * contributions (scores of the municipalities asked sum to 1); the scores are apportioned
 * with the bounds by regint_apportion_double().
 *
 * History comes only from years before the recommended year (the request is made in the
 * autumn before), read through the code correspondence so that a municipality valid in
 * `year` sees the figures of its predecessors (merged codes are summed, split codes are
 * shared by population).
 */
#ifndef REGINT_SETTLEMENT_H
#define REGINT_SETTLEMENT_H

#include "regint/common.h"
#include "regint/dataset.h"
#include "regint/lang.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------- */
/* Criteria profiles                                                         */

/** Opaque criteria profile: which criteria count, their weights and directions,
 *  bounds, exclusions. Immutable once loaded; may be shared between threads. */
typedef struct regint_settlement_profile regint_settlement_profile;

/**
 * Parse a profile from JSON text (`{"schema": "regint.settlement_profile",
 * "schema_version": 1, "criteria": [...], ...}`, see docs/settlement.md). Errors name `name`
 * and the JSON path, e.g. `p.json: criteria[2].weight: must be non-negative`.
 * Indicator ids and municipality codes are checked against the dataset when the profile is
 * used (regint_settlement_recommend()), with the same paths.
 */
REGINT_API regint_status regint_settlement_profile_load_string(const char *json, size_t len,
                                                               const char *name,
                                                               regint_settlement_profile **out);
/** Read and parse a profile file. */
REGINT_API regint_status regint_settlement_profile_load_file(const char *path,
                                                             regint_settlement_profile **out);
/** The built-in default profile (the same as examples/data/profile-default.json). */
REGINT_API regint_status regint_settlement_profile_default(regint_settlement_profile **out);
/** The JSON text of the built-in default profile (static string). */
REGINT_API const char *regint_settlement_profile_default_json(void);
/** Free a profile. NULL is allowed. */
REGINT_API void regint_settlement_profile_free(regint_settlement_profile *p);
/** The profile's name (borrowed). */
REGINT_API const char *regint_settlement_profile_name(const regint_settlement_profile *p);
/** Number of criteria. */
REGINT_API size_t regint_settlement_profile_criterion_count(const regint_settlement_profile *p);
/** Id of criterion i (borrowed), e.g. "population"; NULL if out of range. */
REGINT_API const char *regint_settlement_profile_criterion_id(const regint_settlement_profile *p,
                                                              size_t i);
/** Weight of criterion i as written in the profile (not normalised); NAN if out of range or the
 *  profile's weights are `"fitted"` (they are fitted per county and year: see
 *  regint_settlement_recommendation_criterion_weight()). */
REGINT_API double regint_settlement_profile_criterion_weight(const regint_settlement_profile *p,
                                                             size_t i);

/* ------------------------------------------------------------------------- */
/* Recommendation                                                            */

/** Version of ::regint_settlement_recommend_options. */
#define REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION 1

/**
 * Value of regint_settlement_recommend_options::total (the default) asking for the county's actual
 * requests: the sum over the county's municipalities valid in the year of IMDi's requests
 * for that year that are known (REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL; the
 * regint_aggregate_t::partial of regint_settlement_county_sum(): a request kept back for
 * privacy is not counted). regint_settlement_recommend() fails with REGINT_ENOTFOUND when
 * the dataset has no such request. This is the rule the CLI and the Python package apply when no
 * total is given.
 */
#define REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS (-1)

/**
 * Value of regint_settlement_recommend_options::minors (the default): the minors follow the total's
 * rule. With ::REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, IMDi's actual requests for
 * unaccompanied minors to the county for the year (REGINT_CATEGORY_UNACCOMPANIED, known
 * ones as for the total; 0 when none is recorded); with a total given, 0 (no split).
 */
#define REGINT_SETTLEMENT_MINORS_DEFAULT (-1)

/** Options of regint_settlement_recommend(). The county and the year are parameters. */
typedef struct regint_settlement_recommend_options {
    int version;            /**< REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION */
    int64_t total;          /**< persons to settle, unaccompanied minors included; >= 0, or
                                 ::REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS (the default) */
    int64_t minors;         /**< of which unaccompanied minors (0 = no split); <= total, or
                                 ::REGINT_SETTLEMENT_MINORS_DEFAULT (the default) */
    const regint_settlement_profile *profile; /**< NULL = the default profile */
    int history_to;         /**< last year of data used; 0 = year - 1 */
} regint_settlement_recommend_options;

/** Initialiser: the total and minors from IMDi's actual requests, default profile, history up
 *  to the year before. */
#define REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT { REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION, \
    REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, REGINT_SETTLEMENT_MINORS_DEFAULT, NULL, 0 }

/**
 * Initialise @p opts with the defaults of ::REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_SETTLEMENT_RECOMMEND_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_settlement_recommend_options_init(regint_settlement_recommend_options *opts, int version);

/** Number of past years of request/decision/settled shown in each row (year-3 .. year-1). */
#define REGINT_SETTLEMENT_HISTORY_YEARS 3

/** One municipality of a recommendation. Strings and arrays are borrowed from the result. */
typedef struct regint_settlement_recommendation_row_t {
    const char *kommunenr;      /**< code valid in the recommended year */
    const char *name;           /**< municipality name in the recommended year */
    const char *fylkesnr;       /**< its county (two digits) in the recommended year */
    int asked;                  /**< 1 if asked (included), 0 if excluded / not asked */
    int64_t recommended;        /**< persons; the rows sum exactly to the total */
    int64_t minors;             /**< of which unaccompanied minors (<= recommended) */
    int64_t lower;              /**< bound applied */
    int64_t upper;              /**< bound applied; INT64_MAX = none */
    double score;               /**< share of the total before bounds (sums to 1 over rows) */
    double quota;               /**< total * score, the unbounded ideal */
    double population;          /**< population used (NAN if unknown) */
    const double *contributions;/**< one per criterion, summing to `score` */
    const double *values;       /**< raw value of each criterion (NAN if missing) */
    int history_first_year;     /**< year of request[0] etc. (= year - 3) */
    regint_value_t request[REGINT_SETTLEMENT_HISTORY_YEARS];  /**< IMDi's requests */
    regint_value_t decision[REGINT_SETTLEMENT_HISTORY_YEARS]; /**< council decisions */
    regint_value_t settled[REGINT_SETTLEMENT_HISTORY_YEARS];  /**< settled */
    regint_value_t actual_request;  /**< IMDi's request for `year` if known (not used) */
    regint_value_t actual_decision; /**< the council's decision for `year` if known (not used) */
    const char *reason;         /**< short English explanation */
    const char *note;           /**< the profile's notes on this municipality: its bound's `note`
                                     and its local decisions, capacity, exemptions and agreements
                                     of year - 1 .. year + 1 with their note and source; "" if none */
    const char *flag;           /**< why the number departs from the municipality's own decision
                                     or stated capacity (profile `local` or the data), "" if it
                                     does not */
    int64_t plan;               /**< plan figure for year + 1 (regint_settlement_recommendation_plan_total()) */
} regint_settlement_recommendation_row_t;

/** Opaque result of regint_settlement_recommend(). */
typedef struct regint_settlement_recommendation regint_settlement_recommendation;

/**
 * Recommend the number of persons each municipality of a county should be asked to settle.
 *
 * The total and the minors are the options' or, by default, IMDi's actual requests to the
 * county for the year (::REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS);
 * regint_settlement_recommendation_total() and regint_settlement_recommendation_minors() give
 * the numbers used.
 *
 * Errors: REGINT_ENOTFOUND for an unknown county, no request figure for the default total,
 * or a profile naming an unknown indicator or municipality; REGINT_EVERSION for an unknown
 * options version; REGINT_EINVAL for a bad year, county code or option; REGINT_EINFEASIBLE
 * when the profile's hard bounds cannot hold (the message names the sums). Soft bounds (the minimum, caps derived
 * from history) are relaxed as the profile says and the relaxation is reported in
 * regint_settlement_recommendation_note().
 * @param ds        the dataset (borrowed; must outlive the result, whose strings point into it)
 * @param fylkesnr  county valid in @p year; NULL or "00" = the whole country
 * @param year      the year to settle in (municipalities valid in this year), 1900..2200
 * @param opt       options, or NULL for ::REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT
 * @param out       receives the result, free with regint_settlement_recommendation_free()
 * @return REGINT_OK or one of the errors above.
 */
REGINT_API regint_status regint_settlement_recommend(const regint_dataset *ds, const char *fylkesnr,
                                                     int year,
                                                     const regint_settlement_recommend_options *opt,
                                                     regint_settlement_recommendation **out);
/** Free a recommendation. NULL is allowed. */
REGINT_API void regint_settlement_recommendation_free(regint_settlement_recommendation *r);
/** Number of rows (municipalities of the county valid in the year, sorted by kommunenr). */
REGINT_API size_t regint_settlement_recommendation_count(const regint_settlement_recommendation *r);
/** Row i (borrowed) or NULL if out of range. */
REGINT_API const regint_settlement_recommendation_row_t *regint_settlement_recommendation_row(const regint_settlement_recommendation *r,
                                                                         size_t i);
/** 1 if the weights were fitted for the county and year (profile `"weights": "fitted"`, the
 *  default profile: docs/settlement.md, "Out-of-sample engine"), 0 if the profile wrote them. */
REGINT_API int regint_settlement_recommendation_weights_fitted(const regint_settlement_recommendation *r);
/** First year of the county-years the fitted weights were fitted on (always before the year
 *  recommended); 0 if not fitted or none to fit on. */
REGINT_API int regint_settlement_recommendation_fitted_from(const regint_settlement_recommendation *r);
/** Last year of the county-years fitted on; 0 if not fitted or none. */
REGINT_API int regint_settlement_recommendation_fitted_to(const regint_settlement_recommendation *r);
/** Number of county-years fitted on; 0 if not fitted or none (then the weights are population 1). */
REGINT_API size_t regint_settlement_recommendation_fitted_count(const regint_settlement_recommendation *r);
/** Number of criteria (the length of each row's `contributions`). */
REGINT_API size_t regint_settlement_recommendation_criterion_count(const regint_settlement_recommendation *r);
/** Id of criterion j (borrowed). */
REGINT_API const char *regint_settlement_recommendation_criterion_id(const regint_settlement_recommendation *r, size_t j);
/** Normalised weight of criterion j (weights sum to 1). */
REGINT_API double regint_settlement_recommendation_criterion_weight(const regint_settlement_recommendation *r, size_t j);
/** Contribution of criterion j to row i (= row->contributions[j]); NAN if out of range.
 *  Convenient for bindings. */
REGINT_API double regint_settlement_recommendation_contribution(const regint_settlement_recommendation *r, size_t i, size_t j);
/** Raw value of criterion j for row i (= row->values[j]); NAN if missing or out of range. */
REGINT_API double regint_settlement_recommendation_value(const regint_settlement_recommendation *r, size_t i, size_t j);
/** The year recommended for. */
REGINT_API int regint_settlement_recommendation_year(const regint_settlement_recommendation *r);
/** The total apportioned (= sum of `recommended`). */
REGINT_API int64_t regint_settlement_recommendation_total(const regint_settlement_recommendation *r);
/** Unaccompanied minors apportioned (= sum of `minors`). */
REGINT_API int64_t regint_settlement_recommendation_minors(const regint_settlement_recommendation *r);
/** County code ("00" for the whole country) (borrowed). */
REGINT_API const char *regint_settlement_recommendation_fylkesnr(const regint_settlement_recommendation *r);
/** County name ("Norge" for the whole country) (borrowed). */
REGINT_API const char *regint_settlement_recommendation_county_name(const regint_settlement_recommendation *r);
/** Name of the profile used (borrowed). */
REGINT_API const char *regint_settlement_recommendation_profile_name(const regint_settlement_recommendation *r);
/** Notes on the whole result (relaxed bounds, missing indicators), "" if none (borrowed). */
REGINT_API const char *regint_settlement_recommendation_note(const regint_settlement_recommendation *r);
/** Number of caveats about the data behind the result (the 2023 extract, suppressed cells
 *  counted at an estimate, the population vintage). */
REGINT_API size_t regint_settlement_recommendation_caveat_count(const regint_settlement_recommendation *r);
/** Caveat i, one English sentence (borrowed), or NULL if out of range. */
REGINT_API const char *regint_settlement_recommendation_caveat(const regint_settlement_recommendation *r, size_t i);
/** The year of the plan figure (the recommended year + 1); 0 for NULL. */
REGINT_API int regint_settlement_recommendation_plan_year(const regint_settlement_recommendation *r);
/** The total of the rows' `plan` figures: by default the year's total (docs/settlement.md,
 *  "Plan figure"). */
REGINT_API int64_t regint_settlement_recommendation_plan_total(const regint_settlement_recommendation *r);
/**
 * The plan figure for the next year for another plan total (IMDi's plan figure for the
 * county): the year's scores apportioned by the profile's method within the year's bounds
 * (the minimums give way when they sum above the plan total).
 * @param r           the recommendation
 * @param plan_total  persons planned for year + 1, >= 0
 * @param plan        [count] receives one figure per row, in row order
 * @return ::REGINT_OK; ::REGINT_EINVAL for a NULL argument or a negative total;
 *         ::REGINT_EINFEASIBLE when the year's hard upper bounds cannot take the plan total.
 */
REGINT_API regint_status regint_settlement_recommendation_plan(const regint_settlement_recommendation *r,
                                                               int64_t plan_total, int64_t *plan);
/**
 * Set the plan total of the result (IMDi's plan figure for the county for year + 1): every
 * row's `plan` becomes regint_settlement_recommendation_plan() of it, and the JSON carries it.
 * @param r           the recommendation (changed)
 * @param plan_total  persons planned for year + 1, >= 0
 * @return as regint_settlement_recommendation_plan(); on an error the result is unchanged.
 */
REGINT_API regint_status regint_settlement_recommendation_set_plan_total(regint_settlement_recommendation *r,
                                                                         int64_t plan_total);
/**
 * The reason of row @p i in a language (borrowed): the same pieces as the row's `reason` (which
 * is the English one), from the one translation table (lang.h).
 * @return the text; "" for an index or language out of range (never NULL).
 */
REGINT_API const char *regint_settlement_recommendation_reason(const regint_settlement_recommendation *r, size_t i,
                                                               regint_lang lang);
/** The result as a JSON document; `*json` is the caller's (regint_free()). */
REGINT_API regint_status regint_settlement_recommendation_to_json(const regint_settlement_recommendation *r, char **json);

/**
 * The sum over a county's municipalities (valid in @p year) of a settlement figure, e.g. IMDi's
 * actual requests (REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL), by the library's one rule for
 * sums with missing values (dataset.h, "Sums and missing values"): `out->value` is missing as
 * soon as one municipality's figure is missing or absent; `out->partial` is the sum of the
 * present figures (what 0.1 returned), a lower bound.
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year; NULL or "00" sums the whole country
 * @param year      the year of the figures
 * @param measure   which figure (request, decision, settled, ...)
 * @param category  the group counted
 * @param out       receives the sum
 * @return REGINT_OK; REGINT_EINVAL for a NULL argument; REGINT_ENOTFOUND if the county is
 *         unknown or no municipality has a row for the figure.
 */
REGINT_API regint_status regint_settlement_county_sum(const regint_dataset *ds, const char *fylkesnr,
                                                      int year, regint_measure measure,
                                                      regint_category category, regint_aggregate_t *out);

/* ------------------------------------------------------------------------- */
/* Back-test                                                                 */

/** The methods compared by the back-test. */
typedef enum regint_settlement_backtest_method {
    REGINT_SETTLEMENT_BACKTEST_PROFILE = 0,       /**< regint_settlement_recommend() with the profile */
    REGINT_SETTLEMENT_BACKTEST_POPULATION = 1,    /**< Hamilton proportional to population */
    REGINT_SETTLEMENT_BACKTEST_LAST_DECISION = 2, /**< Hamilton proportional to last year's decisions */
    REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT = 3   /**< number of methods (size of the per-method arrays) */
} regint_settlement_backtest_method;
/**
 * The value with the given name (as regint_settlement_backtest_method_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_settlement_backtest_method_from_name(const char *name, regint_settlement_backtest_method *out);

/** Stable names: "profile", "population", "last_decision"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_settlement_backtest_method_name(regint_settlement_backtest_method m);

/** Version of ::regint_settlement_backtest_options. */
#define REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION 1

/** Options of regint_settlement_backtest(). */
typedef struct regint_settlement_backtest_options {
    int version;            /**< REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION */
    const char *fylkesnr;   /**< one county (valid in each year tested) or NULL for all */
    int year_from;          /**< first year (1900..2200); 0 = REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM */
    int year_to;            /**< last year; 0 = the last year with requests in the dataset */
    const regint_settlement_profile *profile; /**< NULL = the default profile */
} regint_settlement_backtest_options;

/** First year back-tested by default (the first year of the 2020 code vintage whose
 *  history year 2019 maps through the correspondence). */
#define REGINT_SETTLEMENT_BACKTEST_DEFAULT_FROM 2021

/** Initialiser: all counties, default years, default profile. */
#define REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT { REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION, NULL, 0, 0, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_SETTLEMENT_BACKTEST_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_settlement_backtest_options_init(regint_settlement_backtest_options *opts, int version);

/** One county and year of a back-test. Strings are borrowed from the result. */
typedef struct regint_settlement_backtest_row_t {
    int year;                /**< the year settled (recommended with data up to year - 1) */
    const char *fylkesnr;    /**< the county (code valid in `year`) */
    const char *county_name; /**< the county's name in `year` */
    size_t municipalities;   /**< municipalities valid in the year */
    int64_t total;           /**< sum of IMDi's actual requests (the total apportioned) */
    size_t n_request;        /**< municipalities compared with the actual request */
    size_t n_decision;       /**< municipalities with a registered decision */
    double mae_request[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];     /**< mean |predicted - request| */
    double within2_request[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT]; /**< share with |difference| <= 2 */
    double mae_decision[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];    /**< NAN if no decision */
    double within2_decision[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT]; /**< share with |predicted - decision| <= 2; NAN if no decision */
    int winner_request;      /**< regint_settlement_backtest_method with the lowest MAE, -1 if a tie */
    int winner_decision;     /**< idem against decisions, -1 if a tie or no decisions */
    const char *note;        /**< e.g. why the profile failed for this county-year; "" */
} regint_settlement_backtest_row_t;

/** Pooled figures over all rows. */
typedef struct regint_settlement_backtest_summary_t {
    size_t rows;             /**< county-years tested */
    size_t n_request;        /**< municipality-years compared with requests */
    size_t n_decision;       /**< municipality-years compared with decisions */
    double mae_request[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];     /**< pooled over municipality-years */
    double within2_request[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT]; /**< pooled share with |predicted - request| <= 2; NAN if none compared */
    double mae_decision[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];    /**< pooled mean |predicted - decision|; NAN if no decisions */
    double within2_decision[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT]; /**< pooled share with |predicted - decision| <= 2; NAN if no decisions */
    size_t wins_request[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];    /**< county-years won (ties not counted) */
    size_t wins_decision[REGINT_SETTLEMENT_BACKTEST_METHOD_COUNT];   /**< idem against decisions */
    int year_from, year_to;  /**< years actually tested */
} regint_settlement_backtest_summary_t;
/** @var regint_settlement_backtest_summary_t::year_from
 *  First year actually tested. */
/** @var regint_settlement_backtest_summary_t::year_to
 *  Last year actually tested. */

/** Opaque back-test result. */
typedef struct regint_settlement_backtest regint_settlement_backtest;

/**
 * Back-test: for each year and county with IMDi requests, recommend with data up to the year
 * before and the county's actual total (sum of IMDi's requests), and compare the profile and
 * the two naive baselines with IMDi's requests and the councils' decisions.
 * @param ds   the dataset (borrowed; must outlive the result)
 * @param opt  options, or NULL for ::REGINT_SETTLEMENT_BACKTEST_OPTIONS_INIT
 * @param out  receives the result, free with regint_settlement_backtest_free()
 * @return REGINT_OK; REGINT_EVERSION for an unknown options version; REGINT_EINVAL for a NULL argument, a fylkesnr
 *         that is not two digits or years outside 1900..2200 or empty; REGINT_ENOTFOUND if
 *         the dataset has no IMDi requests, the county is unknown in those years or no
 *         county-year has requests.
 */
REGINT_API regint_status regint_settlement_backtest_run(const regint_dataset *ds,
                                             const regint_settlement_backtest_options *opt,
                                             regint_settlement_backtest **out);
/** Free a back-test. NULL is allowed. */
REGINT_API void regint_settlement_backtest_free(regint_settlement_backtest *bt);
/** Number of county-years. */
REGINT_API size_t regint_settlement_backtest_count(const regint_settlement_backtest *bt);
/** Row i (borrowed) or NULL. Rows are ordered by year, then county. */
REGINT_API const regint_settlement_backtest_row_t *regint_settlement_backtest_row(const regint_settlement_backtest *bt, size_t i);
/** The pooled summary (borrowed). */
REGINT_API const regint_settlement_backtest_summary_t *regint_settlement_backtest_summary(const regint_settlement_backtest *bt);
/** The result as JSON (rows and summary); `*json` is the caller's (regint_free()). */
REGINT_API regint_status regint_settlement_backtest_to_json(const regint_settlement_backtest *bt, char **json);

/* ------------------------------------------------------------------------- */
/* Out-of-sample engine and rolling-origin back-test (issue 14)              */

/** Criteria of the fitted engine (docs/settlement.md, "Out-of-sample engine"); each is a
 *  municipality's share of its county. Values are stable. */
typedef enum regint_settlement_fitted_criterion {
    REGINT_SETTLEMENT_FITTED_POPULATION = 0, /**< population 1.1.(year-1) ("population"); within a
                                                  county the published criteria work
                                                  opportunities and introduction results
                                                  distribute like it */
    REGINT_SETTLEMENT_FITTED_SPREAD = 1,     /**< square root of the population ("spread"):
                                                  municipalities of different sizes */
    REGINT_SETTLEMENT_FITTED_REQUEST_1 = 2,  /**< IMDi's request of year-1 ("request_1") */
    REGINT_SETTLEMENT_FITTED_REQUEST_3 = 3,  /**< mean request of year-3..year-1 ("request_3") */
    REGINT_SETTLEMENT_FITTED_DECISION_1 = 4, /**< council decision of year-1, else the request ("decision_1") */
    REGINT_SETTLEMENT_FITTED_SETTLED_2 = 5   /**< settled in year-2, else the request ("settled_2"): year-1
                                                  is not settled when the county recommends */
} regint_settlement_fitted_criterion;
/** Number of values of ::regint_settlement_fitted_criterion. */
#define REGINT_SETTLEMENT_FITTED_CRITERION_COUNT 6
/** Stable name of a criterion ("population", "spread", ...); "unknown" outside the enum (never NULL). */
REGINT_API const char *regint_settlement_fitted_criterion_name(regint_settlement_fitted_criterion v);
/**
 * The criterion with the given name (as regint_settlement_fitted_criterion_name() gives it).
 * @param name  the name
 * @param out   receives the value
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name; ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_settlement_fitted_criterion_from_name(const char *name,
                                                                      regint_settlement_fitted_criterion *out);

/** Methods compared by the rolling back-test. Values are stable. */
typedef enum regint_settlement_rolling_method {
    REGINT_SETTLEMENT_ROLLING_PROFILE = 0,       /**< the fitted engine, sainte-lague-min10 ("profile") */
    REGINT_SETTLEMENT_ROLLING_POPULATION = 1,    /**< population share of year-1 ("population") */
    REGINT_SETTLEMENT_ROLLING_LAST_REQUEST = 2,  /**< last year's requests ("last_request") */
    REGINT_SETTLEMENT_ROLLING_LAST_DECISION = 3, /**< last year's decisions, else requests ("last_decision") */
    REGINT_SETTLEMENT_ROLLING_MEAN3_REQUEST = 4  /**< mean of three years' requests ("mean3_request") */
} regint_settlement_rolling_method;
/** Number of values of ::regint_settlement_rolling_method. */
#define REGINT_SETTLEMENT_ROLLING_METHOD_COUNT 5
/** Stable name of a method ("profile", "population", "last_request", "last_decision",
 *  "mean3_request"); "unknown" outside the enum (never NULL). */
REGINT_API const char *regint_settlement_rolling_method_name(regint_settlement_rolling_method v);
/**
 * The method with the given name (as regint_settlement_rolling_method_name() gives it).
 * @param name  the name
 * @param out   receives the value
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name; ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_settlement_rolling_method_from_name(const char *name,
                                                                    regint_settlement_rolling_method *out);

/** Version of ::regint_settlement_rolling_options. */
#define REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION 1
/** First year of the rolling back-test by default. */
#define REGINT_SETTLEMENT_ROLLING_DEFAULT_FROM 2016

/** Options of regint_settlement_rolling_run(). */
typedef struct regint_settlement_rolling_options {
    int version;          /**< ::REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION */
    const char *fylkesnr; /**< one county (code of each year's own structure) or NULL for all */
    int year_from;        /**< first year; 0 = ::REGINT_SETTLEMENT_ROLLING_DEFAULT_FROM (at least 2014) */
    int year_to;          /**< last year; 0 = the last year with requests */
} regint_settlement_rolling_options;
/** Initialiser: all counties, 2016 to the last year with requests. */
#define REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT { REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION, NULL, 0, 0 }
/**
 * Initialise @p opts with ::REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT for the given version.
 * @param opts     the options to fill
 * @param version  ::REGINT_SETTLEMENT_ROLLING_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for an unknown version; ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_settlement_rolling_options_init(regint_settlement_rolling_options *opts, int version);

/** One county-year of the rolling back-test; per-method arrays are indexed by
 *  ::regint_settlement_rolling_method. A method that failed has NAN figures and `failed` set. */
typedef struct regint_settlement_rolling_row_t {
    int year;                /**< the year settled */
    const char *fylkesnr;    /**< county in the year's own structure; "" for a year without requests */
    size_t municipalities;   /**< municipalities valid in the year (expired codes not counted) */
    int64_t total;           /**< sum of IMDi's requests to the county (suppressed counted 2) */
    double ratio;            /**< total / last year's requests carried to this year's codes (the regime variable, exp g) */
    int scored;              /**< 0 when the county-year has no requests (not scored) */
    int failed[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];              /**< 1 where the method failed */
    double mae_request[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];      /**< mean |predicted - request| over the municipalities */
    double within2_request[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];  /**< share within 2 of the request */
    double mae_decision[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];     /**< vs council decisions (known ones); NAN if none */
    double within2_decision[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT]; /**< share within 2 of the decision */
    double mae_settled[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];      /**< vs settled (known ones); NAN if none */
    double within2_settled[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];  /**< share within 2 of settled */
    double weights[REGINT_SETTLEMENT_FITTED_CRITERION_COUNT];        /**< the engine's fitted weights (sum 1), fitted on earlier years only */
} regint_settlement_rolling_row_t;

/** Opaque result of regint_settlement_rolling_run(). */
typedef struct regint_settlement_rolling regint_settlement_rolling;

/**
 * Rolling-origin back-test of the fitted engine against four baselines: for each year Y and
 * county (each year's own structure), the engine's weights are fitted on the county-years of
 * 2013..Y-1 only and the county's actual total is apportioned (docs/settlement.md).
 * @param ds   the dataset (with the population series: the default dataset has it)
 * @param opt  options, or NULL for ::REGINT_SETTLEMENT_ROLLING_OPTIONS_INIT
 * @param out  receives the result (regint_settlement_rolling_free())
 * @return ::REGINT_OK; ::REGINT_EINVAL for a NULL argument, a bad county code or years
 *         outside 2014..2026; ::REGINT_EVERSION; ::REGINT_ENOMEM.
 */
REGINT_API regint_status regint_settlement_rolling_run(const regint_dataset *ds,
                                                       const regint_settlement_rolling_options *opt,
                                                       regint_settlement_rolling **out);
/** Free a rolling back-test. NULL is allowed. */
REGINT_API void regint_settlement_rolling_free(regint_settlement_rolling *r);
/** Number of rows (year, then county). */
REGINT_API size_t regint_settlement_rolling_count(const regint_settlement_rolling *r);
/** Row i (borrowed) or NULL. */
REGINT_API const regint_settlement_rolling_row_t *regint_settlement_rolling_row(const regint_settlement_rolling *r,
                                                                                size_t i);

/** One year of the rolling back-test: means over the counties that every method scored (a
 *  county-year where a method fails counts as failed for it and is left out of every mean). */
typedef struct regint_settlement_rolling_year_t {
    int year;                /**< the year */
    size_t counties;         /**< county-years in the means (0: no requests that year, reported) */
    size_t failed[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];          /**< county-years where the method failed */
    double mae_request[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];     /**< mean over counties of the MAE vs request */
    double within2_request[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT]; /**< mean share within 2 of the request */
    double mae_decision[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];    /**< mean MAE vs decision (counties with decisions) */
    double mae_settled[REGINT_SETTLEMENT_ROLLING_METHOD_COUNT];     /**< mean MAE vs settled (counties with figures) */
    double weights[REGINT_SETTLEMENT_FITTED_CRITERION_COUNT];       /**< the engine's mean fitted weights */
    int best_baseline;       /**< the baseline (method 1..4) with the lowest mean MAE vs request; -1 if none */
    double ratio;            /**< engine / best baseline (mean MAE vs request); NAN if none */
} regint_settlement_rolling_year_t;

/** Number of years (every year asked for, with or without requests). */
REGINT_API size_t regint_settlement_rolling_year_count(const regint_settlement_rolling *r);
/** Year i (borrowed) or NULL. */
REGINT_API const regint_settlement_rolling_year_t *regint_settlement_rolling_year(const regint_settlement_rolling *r,
                                                                                  size_t i);
/** Mean over the years of engine / best baseline (the issue-14 target: at most 0.95); NAN if none. */
REGINT_API double regint_settlement_rolling_mean_ratio(const regint_settlement_rolling *r);
/** Largest yearly engine / best baseline (target: at most 1.10); NAN if none. */
REGINT_API double regint_settlement_rolling_max_ratio(const regint_settlement_rolling *r);
/** The result as JSON (rows, years, summary); `*json` is the caller's (regint_free()). */
REGINT_API regint_status regint_settlement_rolling_to_json(const regint_settlement_rolling *r, char **json);

#ifdef __cplusplus
}
#endif
#endif
