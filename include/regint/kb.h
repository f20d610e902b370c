/**
 * @file kb.h
 * @brief Knowledge base (kunnskapsgrunnlag): indicator catalogue queries, time series with
 *        missing values kept as missing, import of public statistics (tidy CSV, SSB JSON-stat 2),
 *        mapping across the 2020 and 2024 municipality structures, county aggregates and
 *        derived figures (per 1,000 inhabitants, change, trend, rank, comparison).
 *
 * A ::regint_kb is a read view over a ::regint_dataset that caches the code correspondence
 * between years. The dataset must outlive the knowledge base; after modifying it other
 * than through the import functions below (which refresh the caches), call
 * regint_kb_refresh().
 *
 * Thread safety: the queries take a `const regint_kb *` and may be called from several threads
 * at once on the same knowledge base: they fill its caches under a lock held by each query
 * (so queries on one knowledge base run one at a time; give each thread its own regint_kb
 * over the same dataset for parallel work). Importing, regint_kb_refresh() and changing the
 * dataset need exclusive access, as for the dataset itself.
 *
 * ## Areas and code years
 * An area is a kommunenr (4 digits), a fylkesnr (2 digits) or "00" for the nation. Codes
 * are only meaningful with a year, so every query names the `area_year` in which the area
 * code is to be read (e.g. 2024 for "3101 Halden in the 2024 structure") and the data
 * `year`. When the data of `year` are kept on another code vintage, they are mapped onto
 * the codes of `area_year` with the dataset's code correspondence:
 *  - counts (unit persons, count, kroner, ...; ::REGINT_AGGREGATE_SUM): merged parts are
 *    summed; a split part is divided between its successors in proportion to their
 *    population;
 *  - rates and shares (percent, share, per 1000, ...; ::REGINT_AGGREGATE_MEAN): the
 *    population-weighted mean of the parts that make up the area.
 * County and national values are taken from an observation for the county (or "00") when
 * the dataset has one, else computed from the municipalities the same way. Population
 * weights are the population on 1 January of the data year; when the dataset lacks that
 * figure, the nearest year it has for the same code, else the population of the code's
 * 2024 successors, else 1 (equal weights). See docs/knowledge-base.md.
 *
 * ## Missing values
 * The rule for sums of dataset.h ("Sums and missing values") holds here too, for sums and
 * means alike: missing values are never turned into 0. An aggregate is missing (with the reason of its
 * first missing part) as soon as one contributing part is missing, and missing with
 * ::REGINT_MISSING_UNKNOWN when a part has no row at all (n_absent > 0). Parts marked
 * ::REGINT_MISSING_NOT_APPLICABLE (IMDi's '.', e.g. a code outside its period) are left out
 * of an aggregate unless every part is; then the aggregate is not applicable. The sum or mean of the
 * present parts is reported separately in ::regint_aggregate_t::partial with the count of
 * missing parts, so that a caller may show it as a lower bound ("≥ 1 234").
 */
#ifndef REGINT_INDICATORS_H
#define REGINT_INDICATORS_H

#include "regint/common.h"
#include "regint/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Knowledge base handle: a cached read view over a dataset. */
typedef struct regint_kb regint_kb;

/**
 * The aggregation rule of an indicator, from its unit: "percent", "share", "rate", "ratio",
 * "index", units containing "per" or "%" give ::REGINT_AGGREGATE_MEAN; everything else
 * (persons, count, kroner, ...) ::REGINT_AGGREGATE_SUM. NULL gives SUM.
 */
REGINT_API regint_aggregation regint_kb_indicator_aggregation(const regint_indicator_t *ind);


/** Create a knowledge base over `ds` (borrowed). @return REGINT_OK, REGINT_EINVAL, REGINT_ENOMEM. */
REGINT_API regint_status regint_kb_new(const regint_dataset *ds, regint_kb **out);
/** Free a knowledge base (not the dataset). NULL is allowed. */
REGINT_API void regint_kb_free(regint_kb *kb);
/** Drop the knowledge base's caches (code correspondence, population weights, rows per
 *  series). Call it after changing the dataset other than through the regint_kb_import_*
 *  functions, which do it themselves. */
REGINT_API void regint_kb_refresh(regint_kb *kb);
/** The dataset the knowledge base reads. */
REGINT_API const regint_dataset *regint_kb_dataset(const regint_kb *kb);

/* ------------------------------------------------------------------------- */
/* Catalogue                                                                  */

/** A catalogue query; zero fields match everything. */
typedef struct regint_kb_find_options {
    int version;          /**< REGINT_KB_FIND_OPTIONS_VERSION */
    int sdg_goal;         /**< 1..17: only indicators tagged with a target of this goal; 0 any */
    int level;            /**< a ::regint_level, or -1 for any */
    const char *text;     /**< case-insensitive substring of id, name_nb or name_en; NULL any */
} regint_kb_find_options;
/** Version of ::regint_kb_find_options understood by this library. */
#define REGINT_KB_FIND_OPTIONS_VERSION 1
/** Initialiser of ::regint_kb_find_options: matches every indicator. */
#define REGINT_KB_FIND_OPTIONS_INIT { REGINT_KB_FIND_OPTIONS_VERSION, 0, -1, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_KB_FIND_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_KB_FIND_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_kb_find_options_init(regint_kb_find_options *opts, int version);

/**
 * The catalogue entries matching `q` (NULL: all), in catalogue order. `*out` is an array of
 * borrowed pointers owned by the caller (regint_free()); `*n` its length (may be 0).
 */
REGINT_API regint_status regint_kb_find_indicators(const regint_dataset *ds,
                                                const regint_kb_find_options *q,
                                                const regint_indicator_t ***out, size_t *n);

/**
 * The distinct SDG goals (1..17) of a comma-separated target list such as "8.5,10.2,10.c",
 * ascending, in `goals` (room for 17). REGINT_EINVAL names a malformed target.
 */
REGINT_API regint_status regint_kb_sdg_goals(const char *sdg_targets, int goals[17], size_t *n);

/** Short name of an SDG goal 1..17 in English (`lang` "en", or any other), bokmål ("nb") or
 *  nynorsk ("nn"), from the library's translation table; "" for a number out of range. */
REGINT_API const char *regint_kb_sdg_goal_name(int goal, const char *lang);

/* ------------------------------------------------------------------------- */
/* Time series                                                                */

/** A time series of one indicator (or settlement measure) for one area. Owned by the
 *  caller; free with regint_kb_series_result_free(). Years ascending; only years the dataset has a
 *  row for (directly or through mapping) appear. */
typedef struct regint_kb_series_result {
    char *indicator;          /**< indicator id, or "settlement:<measure>:<category>" */
    char *area;               /**< area code as read in area_year */
    int area_year;            /**< code vintage of `area` */
    char *category;           /**< "" or a breakdown */
    size_t n;                 /**< number of years */
    int *years;               /**< n years, ascending */
    regint_aggregate_t *values; /**< n values */
} regint_kb_series_result;

/** Free a series. NULL is allowed. */
REGINT_API void regint_kb_series_result_free(regint_kb_series_result *s);

/**
 * The value of an indicator for `area` (code of `area_year`) in data year `year`.
 * `category` NULL means "". REGINT_ENOTFOUND (with a message) when no part of the area
 * has a row for that year; a row with a missing value is found (value.missing says why).
 */
REGINT_API regint_status regint_kb_value(const regint_kb *kb, const char *indicator, const char *area,
                                         int area_year, int year, const char *category,
                                         regint_aggregate_t *out);

/** The same for a settlement figure (always summed). */
REGINT_API regint_status regint_kb_settlement(const regint_kb *kb, const char *area, int area_year,
                                              int year, regint_measure measure,
                                              regint_category category, regint_aggregate_t *out);

/**
 * The time series of an indicator for `area` (codes of `area_year`) over
 * [first_year, last_year] (0 for either means open). Years without any row are left out.
 */
REGINT_API regint_status regint_kb_series(const regint_kb *kb, const char *indicator, const char *area,
                                          int area_year, const char *category, int first_year,
                                          int last_year, regint_kb_series_result **out);

/** The time series of a settlement measure, history mapped onto the codes of `area_year`. */
REGINT_API regint_status regint_kb_settlement_series(const regint_kb *kb, const char *area, int area_year,
                                                     regint_measure measure, regint_category category,
                                                     int first_year, int last_year,
                                                     regint_kb_series_result **out);

/** Population of an area (kommune, county or "00", codes of `year`) on 1 January of `year`,
 *  summed from municipalities for a county or the nation. REGINT_ENOTFOUND if any
 *  municipality lacks the figure. */
REGINT_API regint_status regint_kb_population(const regint_kb *kb, const char *area, int year,
                                              int64_t *out);

/** Population on 1 January of `year` of an area given with the codes of `area_year`,
 *  mapped like a count (e.g. the 2024 population of Viken's 2022 municipalities). */
REGINT_API regint_status regint_kb_population_mapped(const regint_kb *kb, const char *area, int area_year,
                                                     int year, regint_aggregate_t *out);

/* ------------------------------------------------------------------------- */
/* Import                                                                     */

/**
 * Import a tidy observations CSV (`year,kommunenr,indicator,category,value[,flag]`) into the
 * dataset the knowledge base reads. This is the dataset core's
 * regint_dataset_import_csv(::REGINT_CSV_OBSERVATIONS); all-or-nothing, errors name the line.
 * `ds` must be the dataset given to regint_kb_new() (it is taken mutable here).
 */
REGINT_API regint_status regint_kb_import_csv(regint_kb *kb, regint_dataset *ds, const char *path);

/** Options of a JSON-stat import. */
typedef struct regint_kb_jsonstat_options {
    int version;                 /**< REGINT_KB_JSONSTAT_OPTIONS_VERSION */
    const char *indicator;       /**< indicator id for every value (then the contents
                                      dimension, if any, must have one category); NULL: each
                                      category code of the contents dimension must be an
                                      indicator id in the catalogue */
    const char *area_dimension;  /**< default "Region" */
    const char *time_dimension;  /**< default "Tid" */
    const char *contents_dimension; /**< default "ContentsCode" */
    int refuse_existing;         /**< 0 (default): an observation already in the dataset is
                                      replaced (SSB revises figures), as in the CSV import;
                                      1: it is an error (REGINT_EDUPLICATE) */
} regint_kb_jsonstat_options;
/** Version of ::regint_kb_jsonstat_options understood by this library. */
#define REGINT_KB_JSONSTAT_OPTIONS_VERSION 1
/** Initialiser of ::regint_kb_jsonstat_options: indicator ids from the contents dimension,
 *  SSB's default dimension names, existing observations replaced. */
#define REGINT_KB_JSONSTAT_OPTIONS_INIT { REGINT_KB_JSONSTAT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0 }

/**
 * Initialise @p opts with the defaults of ::REGINT_KB_JSONSTAT_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_KB_JSONSTAT_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_kb_jsonstat_options_init(regint_kb_jsonstat_options *opts, int version);

/**
 * Import an SSB JSON-stat 2 dataset document (`version` "2.0", `class` "dataset", `id`,
 * `size`, `dimension` with `category.index` and `label`, `value` as an array or a sparse
 * object, optional `status` as an array or object) into `ds`.
 *
 * Area codes: kommunenr, fylkesnr, "0"/"00"/"EAK" (nation); an SSB "K-"/"F-" prefix is
 * dropped. Each must be valid in the observation's year. Times must be whole years.
 * Further dimensions with more than one category make up the observation's category
 * (their codes joined by "."). A null value is missing; SSB status symbols give the reason:
 * ":" suppressed, "." not applicable, ".." / "..." unknown. All-or-nothing: on any error the
 * dataset is unchanged and the message names the file and the JSON path
 * (e.g. `x.json: dimension.Region.category.index.9999: unknown area code '9999' in 2022`).
 * `opt` NULL uses the defaults. On success `*n_imported` (if not NULL) is the count.
 */
REGINT_API regint_status regint_kb_import_jsonstat(regint_kb *kb, regint_dataset *ds, const char *path,
                                                   const regint_kb_jsonstat_options *opt,
                                                   size_t *n_imported);
/** The same from JSON text in memory; `name` is used in messages; `opt` NULL uses the defaults. */
REGINT_API regint_status regint_kb_import_jsonstat_string(regint_kb *kb, regint_dataset *ds,
                                                          const char *json, size_t len,
                                                          const char *name,
                                                          const regint_kb_jsonstat_options *opt,
                                                          size_t *n_imported);

/* ------------------------------------------------------------------------- */
/* Derived figures                                                            */

/** Least-squares trend of a series. */
typedef struct regint_trend_t {
    double slope;     /**< change per year; NAN if fewer than 2 present points */
    double intercept; /**< value at year 0 of the fitted line */
    size_t points;    /**< present values used */
    int first_year, last_year; /**< the window actually used */
} regint_trend_t;
/** @var regint_trend_t::first_year
 *  First year of the window: last_year - years + 1. */
/** @var regint_trend_t::last_year
 *  Last year of the window, as requested. */

/**
 * Least-squares slope of the present values of `s` in the window (last_year - years, last_year]
 * (`years` >= 2). Missing values are left out, never taken as 0. REGINT_EINVAL for bad
 * arguments; REGINT_OK with slope NAN when fewer than two points are present.
 */
REGINT_API regint_status regint_kb_series_trend(const regint_kb_series_result *s, int last_year, int years,
                                             regint_trend_t *out);

/** Change from the previous year: value(year) - value(year-1), missing if either is missing
 *  or absent (reason ::REGINT_MISSING_UNKNOWN when absent). */
REGINT_API regint_value_t regint_kb_series_change(const regint_kb_series_result *s, int year);

/** The value of year `year` in a series; missing (unknown) when the year is absent. */
REGINT_API regint_value_t regint_kb_series_at(const regint_kb_series_result *s, int year);

/** Per 1,000 inhabitants: value / population(area, year) * 1000. Missing stays missing. */
REGINT_API regint_status regint_kb_per_1000(const regint_kb *kb, const char *area, int year,
                                            regint_value_t value, regint_value_t *out);

/** An indicator for one area and year, set in context. */
typedef struct regint_indicator_summary_t {
    regint_aggregate_t value;   /**< the area's value */
    regint_value_t change;      /**< from the previous year */
    regint_trend_t trend;       /**< over the last `trend_years` years */
    regint_value_t county;      /**< the county's value (for a kommune; else the area's) */
    regint_value_t nation;      /**< the national value */
    size_t rank;                /**< rank within the county (1 = best by the indicator's
                                     direction; highest first if neutral); 0 if not ranked */
    size_t rank_of;             /**< municipalities ranked (those with a present value) */
} regint_indicator_summary_t;

/**
 * Value, change, trend, rank within the county and comparison with county and nation, for
 * `area` (kommune or county, codes of `area_year`) in `year`. Parts that cannot be computed
 * are missing (rank 0), never 0. REGINT_ENOTFOUND if the indicator is not in the catalogue.
 */
REGINT_API regint_status regint_kb_summarize(const regint_kb *kb, const char *indicator, const char *area,
                                             int area_year, int year, const char *category,
                                             int trend_years, regint_indicator_summary_t *out);

#ifdef __cplusplus
}
#endif
#endif
