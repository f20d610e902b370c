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
/** Weight of criterion i as written in the profile (not normalised); NAN if out of range. */
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

#ifdef __cplusplus
}
#endif
#endif
