/**
 * @file dataset.h
 * @brief The dataset: counties, municipalities, code changes, population, settlement
 *        history, indicator time series and refugee cases, with JSON load/save and CSV import.
 *
 * A ::regint_dataset is an opaque, owned handle. Records are read through plain value
 * structs (`regint_xxx_t`) whose `const char *` members are borrowed: they live as long
 * as the dataset and until the next call that modifies it. Missing values are never 0:
 * they carry a ::regint_missing reason.
 *
 * Municipality codes are strings and are only meaningful together with a year: the same
 * code can denote different territories in different years (e.g. 1103 Stavanger before and
 * after the 2020 merger), so every record has a validity period [valid_from, valid_to].
 *
 * File format: JSON, `{"schema": "regint.dataset", "schema_version": N, ...}`; see
 * docs/data-format.md. Loading is all-or-nothing; saving is atomic (temporary file in the
 * same directory, flushed, renamed).
 *
 * Thread safety: a dataset may be read from several threads at once; modifying calls need
 * exclusive access.
 */
#ifndef REGINT_DATASET_H
#define REGINT_DATASET_H

#include "regint/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque dataset handle. */
typedef struct regint_dataset regint_dataset;

/** Upper end of an open validity period ("still valid"). */
#define REGINT_YEAR_OPEN 9999

/** Why a value is missing. REGINT_MISSING_NONE means the value is present. */
typedef enum regint_missing {
    REGINT_MISSING_NONE = 0,          /**< value present */
    REGINT_MISSING_SUPPRESSED = 1,    /**< removed for privacy (IMDi ':') */
    REGINT_MISSING_NOT_APPLICABLE = 2,/**< not applicable / series not kept (IMDi '.') */
    REGINT_MISSING_NO_DECISION = 3,   /**< no decision registered (IMDi '-') */
    REGINT_MISSING_AWAITING_DECISION = 4, /**< asked, decision not yet registered */
    REGINT_MISSING_UNKNOWN = 5        /**< empty in the source, no reason given */
} regint_missing;
/** Number of values of ::regint_missing (they are 0 .. REGINT_MISSING_COUNT - 1). */
#define REGINT_MISSING_COUNT 6

/** A value that may be missing. When `missing != REGINT_MISSING_NONE`, `value` is NAN. */
typedef struct regint_value_t {
    double value;           /**< the value; NAN when missing */
    regint_missing missing; /**< REGINT_MISSING_NONE, or why the value is missing */
} regint_value_t;

/** Stable lower-case name of a missing reason ("suppressed", "not_applicable", ...; "" for
 *  ::REGINT_MISSING_NONE, which has no name: nothing is missing); "unknown" for a value outside
 *  the enum (never NULL). */
REGINT_API const char *regint_missing_name(regint_missing m);
/** Parse a missing-reason name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_missing_from_name(const char *name, regint_missing *out);

/** A county (fylke). */
typedef struct regint_county_t {
    const char *fylkesnr;   /**< two digits, e.g. "30" (Viken) */
    const char *name;       /**< short name, e.g. "Viken" */
    int valid_from;         /**< first year the code is valid */
    int valid_to;           /**< last year, or REGINT_YEAR_OPEN */
} regint_county_t;

/** A municipality (kommune). */
typedef struct regint_municipality_t {
    const char *kommunenr;  /**< four digits, e.g. "0301" */
    const char *name;       /**< official name */
    const char *fylkesnr;   /**< its county in the same period */
    int valid_from;         /**< first year the code (with this territory) is valid */
    int valid_to;           /**< last year, or REGINT_YEAR_OPEN */
    int centrality;         /**< SSB centrality class 1..6, 0 if unknown */
    const char *kostra_group; /**< KOSTRA group such as "EKG13", "" if unknown */
} regint_municipality_t;

/** Kind of change in the municipality code correspondence. */
typedef enum regint_change_kind {
    REGINT_CHANGE_UNCHANGED = 0, /**< same code, same territory */
    REGINT_CHANGE_RENUMBERED = 1,/**< new code, same territory */
    REGINT_CHANGE_SPLIT = 2,     /**< the old municipality was divided */
    REGINT_CHANGE_MERGED = 3     /**< several old municipalities became one */
} regint_change_kind;
/** Number of values of ::regint_change_kind (they are 0 .. REGINT_CHANGE_KIND_COUNT - 1). */
#define REGINT_CHANGE_KIND_COUNT 4
/**
 * The stable name of a value: "unchanged", "renumbered", "split", "merged".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_change_kind_name(regint_change_kind v);
/**
 * The value with the given name (as regint_change_kind_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_change_kind_from_name(const char *name, regint_change_kind *out);

/** One row of a code correspondence (old code in from_year -> new code in to_year). */
typedef struct regint_code_change_t {
    const char *from_kommunenr;  /**< the old code */
    int from_year;               /**< a year in which the old code is valid, e.g. 2020 */
    const char *to_kommunenr;    /**< the new code */
    int to_year;                 /**< a year in which the new code is valid, e.g. 2024 */
    regint_change_kind kind;     /**< unchanged, renumbered, split or merged */
} regint_code_change_t;

/** The settlement measure of a figure. */
typedef enum regint_measure {
    REGINT_MEASURE_REQUEST = 0,          /**< anmodning: IMDi's request */
    REGINT_MEASURE_DECISION = 1,         /**< vedtak: the council's decision */
    REGINT_MEASURE_SETTLED = 2,          /**< bosatt: actually settled */
    REGINT_MEASURE_AGREED = 3,           /**< avtalt: agreed, not yet settled */
    REGINT_MEASURE_ORIGINAL_REQUEST = 4  /**< opprinnelig anmodning before adjustment */
} regint_measure;
/** Number of values of ::regint_measure (they are 0 .. REGINT_MEASURE_COUNT - 1). */
#define REGINT_MEASURE_COUNT 5

/** The group a settlement figure counts. */
typedef enum regint_category {
    REGINT_CATEGORY_ALL = 0,                  /**< alle: everyone */
    REGINT_CATEGORY_UNACCOMPANIED = 1,        /**< enslige mindreårige (EMA), all ages */
    REGINT_CATEGORY_UNACCOMPANIED_UNDER15 = 2,/**< EMA under 15 */
    REGINT_CATEGORY_UNACCOMPANIED_15_18 = 3,  /**< EMA 15–18 */
    REGINT_CATEGORY_COLLECTIVE_PROTECTION = 4 /**< kollektiv beskyttelse (mainly Ukraine) */
} regint_category;
/** Number of values of ::regint_category (they are 0 .. REGINT_CATEGORY_COUNT - 1). */
#define REGINT_CATEGORY_COUNT 5

/** Stable names: "anmodning", "vedtak", "bosatt", "avtalt", "opprinnelig_anmodning";
 * "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_measure_name(regint_measure m);
/** Parse a measure name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_measure_from_name(const char *name, regint_measure *out);
/** Stable names: "alle", "enslige_mindreaarige", "enslige_mindreaarige_under15",
 *  "enslige_mindreaarige_15_18", "kollektiv_beskyttelse"; "unknown" for a value outside the enum (never NULL). */
REGINT_API const char *regint_category_name(regint_category c);
/** Parse a category name; REGINT_ENOTFOUND if unknown or NULL, REGINT_EINVAL for a NULL @p out.
 *  @param name  the name
 *  @param out   receives the value
 *  @return REGINT_OK or the errors above */
REGINT_API regint_status regint_category_from_name(const char *name, regint_category *out);

/** One settlement figure: municipality (code valid in `year`), year, measure, category. */
typedef struct regint_settlement_t {
    const char *kommunenr;       /**< municipality code valid in `year` */
    int year;                    /**< the settlement year */
    regint_measure measure;      /**< request, decision, settled, ... */
    regint_category category;    /**< the group counted */
    regint_value_t value;        /**< persons, or missing with reason */
} regint_settlement_t;

/** Whether a higher value of an indicator is better, worse, or neither. */
typedef enum regint_direction {
    REGINT_DIRECTION_NEUTRAL = 0,       /**< "neutral": neither higher nor lower is better */
    REGINT_DIRECTION_HIGHER_BETTER = 1, /**< "higher_better" */
    REGINT_DIRECTION_LOWER_BETTER = 2   /**< "lower_better" */
} regint_direction;
/** Number of values of ::regint_direction (they are 0 .. REGINT_DIRECTION_COUNT - 1). */
#define REGINT_DIRECTION_COUNT 3
/**
 * The stable name of a value: "neutral", "higher_better", "lower_better".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_direction_name(regint_direction v);
/**
 * The value with the given name (as regint_direction_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_direction_from_name(const char *name, regint_direction *out);

/** The level of area an indicator is published for. */
typedef enum regint_level {
    REGINT_LEVEL_KOMMUNE = 0, /**< "kommune": published per municipality */
    REGINT_LEVEL_FYLKE = 1,   /**< "fylke": published per county */
    REGINT_LEVEL_NATION = 2   /**< "nation": published for the whole country only */
} regint_level;
/** Number of values of ::regint_level (they are 0 .. REGINT_LEVEL_COUNT - 1). */
#define REGINT_LEVEL_COUNT 3
/**
 * The stable name of a value: "kommune", "fylke", "nation".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_level_name(regint_level v);
/**
 * The value with the given name (as regint_level_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_level_from_name(const char *name, regint_level *out);

/** An indicator in the knowledge-base catalogue. */
typedef struct regint_indicator_t {
    const char *id;          /**< stable id, e.g. "population" */
    const char *name_nb;     /**< Norwegian name */
    const char *name_en;     /**< English name */
    const char *unit;        /**< e.g. "persons", "percent", "share" */
    const char *source;      /**< e.g. "SSB table 07459" */
    regint_direction direction; /**< whether higher values are better */
    regint_level level;      /**< the level of area it is published for */
    const char *sdg_targets; /**< comma-separated SDG targets, e.g. "8.5,10.2"; "" if none */
} regint_indicator_t;

/**
 * One observation of an indicator for an area and year. `area` is a kommunenr (4 digits),
 * a fylkesnr (2 digits) or "00" for the nation; `category` is "" or a breakdown such as
 * "alle", "menn".
 */
typedef struct regint_observation_t {
    const char *indicator;   /**< id of an indicator in the catalogue */
    const char *area;        /**< kommunenr, fylkesnr or "00" */
    int year;                /**< the year observed */
    const char *category;    /**< "" or a breakdown */
    regint_value_t value;    /**< the value, or missing with reason */
} regint_observation_t;

/* ------------------------------------------------------------------------- */
/* Sums and missing values: ONE rule for the whole library.                    */
/* A sum (or mean) over parts is known only when every part is present: it is  */
/* missing, with the reason of its first missing part, as soon as one part is  */
/* missing, and missing with ::REGINT_MISSING_UNKNOWN when a part has no row at  */
/* all. Parts marked ::REGINT_MISSING_NOT_APPLICABLE are left out unless every  */
/* part is (then the sum is not applicable). The sum of the present parts is    */
/* reported beside it (::regint_aggregate_t::partial), a lower bound for sums:  */
/* a caller who wants "the known figures" uses it, and says so.                 */
/* Used by regint_settlement_county_sum() and the knowledge base (kb.h).        */

/** How parts of an area are combined. */
typedef enum regint_aggregation {
    REGINT_AGGREGATE_SUM = 0, /**< counts: sum (splits divided by population) */
    REGINT_AGGREGATE_MEAN = 1 /**< rates/shares: population-weighted mean */
} regint_aggregation;
/** Number of values of ::regint_aggregation (they are 0 .. REGINT_AGGREGATION_COUNT - 1). */
#define REGINT_AGGREGATION_COUNT 2
/**
 * The stable name of a value: "sum", "mean".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_aggregation_name(regint_aggregation v);
/**
 * The value with the given name (as regint_aggregation_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_aggregation_from_name(const char *name, regint_aggregation *out);

/** A value of an area, possibly combined from several parts. */
typedef struct regint_aggregate_t {
    regint_value_t value; /**< the complete value; missing if any part is missing or absent */
    double partial;       /**< sum (or mean) of the present parts; NAN if none is present.
                               For sums with n_missing > 0 it is a lower bound. */
    size_t n_parts;       /**< parts that have a row (present or missing) */
    size_t n_missing;     /**< parts whose value is missing */
    size_t n_absent;      /**< parts with no row at all (value is then missing, "unknown") */
    int direct;           /**< 1 if read from a row for the area itself, 0 if computed */
} regint_aggregate_t;

/** Flags of a refugee case. */
#define REGINT_CASE_UNACCOMPANIED_MINOR 0x1u /**< enslig mindreårig */
#define REGINT_CASE_FAMILY_REUNIFICATION 0x2u/**< counted apart from the request */
#define REGINT_CASE_RESETTLEMENT 0x4u        /**< overføringsflyktning (UN quota) */
#define REGINT_CASE_COLLECTIVE_PROTECTION 0x8u/**< kollektiv beskyttelse */

/** A refugee case waiting to be settled: a person or a family, pseudonymous. */
typedef struct regint_case_t {
    const char *id;          /**< pseudonymous id; a fødselsnummer is refused */
    int family_size;         /**< persons, >= 1; families are never split */
    unsigned flags;          /**< REGINT_CASE_* */
    int year;                /**< year it is to be settled */
} regint_case_t;

/* ------------------------------------------------------------------------- */
/* Life cycle                                                                */

/** Create an empty dataset. @return REGINT_OK or REGINT_ENOMEM. */
REGINT_API regint_status regint_dataset_new(regint_dataset **out);

/** Free a dataset and everything borrowed from it. NULL is allowed. */
REGINT_API void regint_dataset_free(regint_dataset *ds);

/**
 * Load a dataset JSON file. All-or-nothing: on failure `*out` is left unchanged and the
 * message names the file, the JSON path and the rule broken.
 */
REGINT_API regint_status regint_dataset_load_file(const char *path, regint_dataset **out);

/** Load a dataset from JSON text in memory; `name` is used in messages. */
REGINT_API regint_status regint_dataset_load_string(const char *json, size_t len,
                                                    const char *name, regint_dataset **out);

/**
 * Load the bundled default dataset built from the real public data in data/ (see
 * data/SOURCES.md). Looked for in $REGINT_DATA (a file), then in share/regint/ of the prefix
 * the library itself is installed under (found from the library's own file, so a copy
 * installed or unpacked anywhere uses its own data), then in the configured install folder,
 * and last in the build tree (so a fresh build runs before anything is installed).
 */
REGINT_API regint_status regint_dataset_load_default(regint_dataset **out);

/**
 * Build the default dataset from the public CSV files of data/ (which files and the rules:
 * data/SOURCES.md and docs/data-format.md). The build runs this to make
 * regint-default.json; call it to rebuild the dataset from newer source files.
 * All-or-nothing: on an error nothing is returned and the message names the file, the line
 * and the rule.
 * @param data_dir  the folder holding the CSV files
 * @param out       receives the new dataset; free it with regint_dataset_free()
 * @return REGINT_OK, or the status of the first error (REGINT_EIO, REGINT_EPARSE, ...)
 */
REGINT_API regint_status regint_dataset_build_default(const char *data_dir, regint_dataset **out);

/** Path of the bundled default dataset that regint_dataset_load_default() would open,
 *  or NULL if none is found. A static or thread-local string. */
REGINT_API const char *regint_dataset_default_path(void);

/** Save as JSON, atomically (temporary file, flush, rename). The file is canonical:
 *  load → save → load → save gives identical bytes. */
REGINT_API regint_status regint_dataset_save_file(const regint_dataset *ds, const char *path);

/** Serialise to JSON text; `*json` is the caller's, free with regint_free(). */
REGINT_API regint_status regint_dataset_to_string(const regint_dataset *ds, char **json);

/* ------------------------------------------------------------------------- */
/* CSV import of the tidy public files (data/). Each is all-or-nothing: on any error the  */
/* dataset is unchanged and the message names the file, the line and the rule.           */

/** Which tidy CSV layout a file has. */
typedef enum regint_csv_kind {
    REGINT_CSV_MUNICIPALITIES_2024 = 0, /**< kommuner_2024.csv (with population 2024) */
    REGINT_CSV_MUNICIPALITIES_2020 = 1, /**< kommuner_2020.csv */
    REGINT_CSV_CODE_CHANGES_2020_2024 = 2, /**< kommune_2020_to_2024.csv */
    REGINT_CSV_IMDI_SETTLEMENT = 3,     /**< imdi_bosetting_*.csv, imdi_enslige_mindreaarige_*.csv */
    REGINT_CSV_OBSERVATIONS = 4,        /**< year,kommunenr|area,indicator[,category],value[,flag] */
    REGINT_CSV_INDICATORS = 5           /**< catalogue: id,name_nb,name_en,unit,source,direction,level,sdg_targets */
} regint_csv_kind;
/** Number of values of ::regint_csv_kind (they are 0 .. REGINT_CSV_KIND_COUNT - 1). */
#define REGINT_CSV_KIND_COUNT 6
/**
 * The stable name of a value: "municipalities_2024", "municipalities_2020", "code_changes_2020_2024", "imdi_settlement", "observations", "indicators".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_csv_kind_name(regint_csv_kind v);
/**
 * The value with the given name (as regint_csv_kind_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_csv_kind_from_name(const char *name, regint_csv_kind *out);

/** Import one CSV file of the given layout into the dataset (layouts and rules:
 *  docs/data-format.md). Municipality files add their counties too; the 2020 file gives
 *  records valid 2020–2023, the 2024 file records valid from 2024 (open). IMDi rows whose
 *  code is not valid in the row's year are mapped back through the code changes already in
 *  the dataset (parts of a split are summed; any missing part makes the sum missing).
 *  A figure already in the dataset is refused (REGINT_EDUPLICATE), as is a key given twice. */
REGINT_API regint_status regint_dataset_import_csv(regint_dataset *ds, regint_csv_kind kind,
                                                   const char *path);

/* ------------------------------------------------------------------------- */
/* Reading. Pointers returned are borrowed from the dataset.                 */

/** Number of county records (every validity period); 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_county_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_county_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_county_t *regint_dataset_county_at(const regint_dataset *ds, size_t i);
/** The county with this code valid in `year`; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_dataset_county(const regint_dataset *ds, const char *fylkesnr,
                                               int year, const regint_county_t **out);

/** Number of municipality records (every validity period); 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_municipality_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_municipality_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_municipality_t *regint_dataset_municipality_at(const regint_dataset *ds, size_t i);
/** The municipality with this code valid in `year`; REGINT_ENOTFOUND if none. */
REGINT_API regint_status regint_dataset_municipality(const regint_dataset *ds, const char *kommunenr,
                                                     int year, const regint_municipality_t **out);
/**
 * The municipalities valid in `year`, optionally only those of one county (`fylkesnr`
 * NULL for all), sorted by kommunenr. `*out` is an array of borrowed pointers owned by
 * the caller (free with regint_free()); `*n` its length.
 */
REGINT_API regint_status regint_dataset_municipalities_in(const regint_dataset *ds, int year,
                                                          const char *fylkesnr,
                                                          const regint_municipality_t ***out,
                                                          size_t *n);

/** Population of a municipality (code valid in `year`) on 1 January of `year`.
 *  REGINT_ENOTFOUND if the dataset has no figure. */
REGINT_API regint_status regint_dataset_population(const regint_dataset *ds, const char *kommunenr,
                                                   int year, int64_t *out);

/** Number of population figures (municipality and year); 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_population_count(const regint_dataset *ds);

/** Number of code-change rows; 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_code_change_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_code_change_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_code_change_t *regint_dataset_code_change_at(const regint_dataset *ds, size_t i);
/**
 * The codes in `to_year` that the code `kommunenr` of `from_year` maps to (one, or several
 * for a split). `*out` holds borrowed strings, the array is the caller's (regint_free()).
 * A code unchanged between the years maps to itself. REGINT_ENOTFOUND if no mapping.
 */
REGINT_API regint_status regint_dataset_map_code(const regint_dataset *ds, const char *kommunenr,
                                                 int from_year, int to_year,
                                                 const char ***out, size_t *n);

/** Number of settlement figures; 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_settlement_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_settlement_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_settlement_t *regint_dataset_settlement_at(const regint_dataset *ds, size_t i);
/** One settlement figure; REGINT_ENOTFOUND if the dataset has no row for it (a row with a
 *  missing value is found, and `out->missing` says why). */
REGINT_API regint_status regint_dataset_settlement(const regint_dataset *ds, const char *kommunenr,
                                                   int year, regint_measure measure,
                                                   regint_category category, regint_value_t *out);

/** Number of indicators in the catalogue; 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_indicator_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_indicator_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_indicator_t *regint_dataset_indicator_at(const regint_dataset *ds, size_t i);
/** The indicator with this id; REGINT_ENOTFOUND if it is not in the catalogue. */
REGINT_API regint_status regint_dataset_indicator(const regint_dataset *ds, const char *id,
                                                  const regint_indicator_t **out);

/** Number of indicator observations; 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_observation_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_observation_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_observation_t *regint_dataset_observation_at(const regint_dataset *ds, size_t i);
/** One observation; REGINT_ENOTFOUND if absent. `category` NULL means "". */
REGINT_API regint_status regint_dataset_observation(const regint_dataset *ds, const char *indicator,
                                                    const char *area, int year,
                                                    const char *category, regint_value_t *out);

/** Number of refugee cases; 0 for a NULL dataset. */
REGINT_API size_t regint_dataset_case_count(const regint_dataset *ds);
/** Record @p i (0 <= i < regint_dataset_case_count()), in the order added (a load adds in
 *  file order); NULL when out of range. Borrowed. */
REGINT_API const regint_case_t *regint_dataset_case_at(const regint_dataset *ds, size_t i);

/* ------------------------------------------------------------------------- */
/* Building. Each call validates its record (formats, existence, duplicates,   */
/* fødselsnummer guard) and leaves the dataset unchanged on failure. Strings    */
/* are copied.                                                                  */

/** Add a county for a validity period; REGINT_EDUPLICATE if the code overlaps an existing
 *  period of the same code. */
REGINT_API regint_status regint_dataset_add_county(regint_dataset *ds, const regint_county_t *c);
/** The county `m->fylkesnr` must exist for the whole validity period. */
REGINT_API regint_status regint_dataset_add_municipality(regint_dataset *ds, const regint_municipality_t *m);
/** Adds or replaces the population of a municipality (code valid in `year`) on 1 January;
 *  0 <= `persons` <= 2^53 (what a JSON number holds exactly). */
REGINT_API regint_status regint_dataset_set_population(regint_dataset *ds, const char *kommunenr,
                                                       int year, int64_t persons);
/** Add a code-change row: both codes must be municipalities valid in their years, to_year
 *  after from_year; REGINT_EDUPLICATE for a row given twice. */
REGINT_API regint_status regint_dataset_add_code_change(regint_dataset *ds, const regint_code_change_t *c);
/** Adds or replaces the figure for (kommunenr, year, measure, category); the
 *  municipality must be valid in `year`; a present value must be >= 0. */
REGINT_API regint_status regint_dataset_set_settlement(regint_dataset *ds, const regint_settlement_t *s);
/** Add an indicator to the catalogue; REGINT_EDUPLICATE if the id is taken. */
REGINT_API regint_status regint_dataset_add_indicator(regint_dataset *ds, const regint_indicator_t *ind);
/** Adds or replaces an observation; the indicator must be in the catalogue. */
REGINT_API regint_status regint_dataset_set_observation(regint_dataset *ds, const regint_observation_t *o);
/** Add a refugee case; the id must pass regint_validate_identifier() (REGINT_EPERSONAL for a
 *  fødselsnummer) and be new; family_size 1..100. */
REGINT_API regint_status regint_dataset_add_case(regint_dataset *ds, const regint_case_t *c);

/* ------------------------------------------------------------------------- */
/* Selections and bulk reads (one call per table, not per row).               */

/** Version of ::regint_dataset_find_options. */
#define REGINT_DATASET_FIND_OPTIONS_VERSION 1

/** Which settlement figures or observations regint_dataset_find_settlements() and
 *  regint_dataset_find_observations() select; every member's default selects all. */
typedef struct regint_dataset_find_options {
    int version;           /**< ::REGINT_DATASET_FIND_OPTIONS_VERSION */
    const char *area;      /**< code prefix of the kommunenr (settlement) or area
                                (observations), e.g. "39" for a county and its municipalities;
                                NULL: any */
    int year_from;         /**< first year, inclusive; 0: no lower bound */
    int year_to;           /**< last year, inclusive; 0: no upper bound */
    int measure;           /**< settlement only: a ::regint_measure, or -1 for any */
    int category;          /**< settlement only: a ::regint_category, or -1 for any */
    const char *indicator; /**< observations only: an indicator id, or NULL for any */
} regint_dataset_find_options;

/** Initialiser: select everything. */
#define REGINT_DATASET_FIND_OPTIONS_INIT { REGINT_DATASET_FIND_OPTIONS_VERSION, NULL, 0, 0, -1, -1, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_DATASET_FIND_OPTIONS_INIT (select
 * everything) for the given version, as the other _options_init() functions.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_DATASET_FIND_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_dataset_find_options_init(regint_dataset_find_options *opts, int version);

/**
 * The counties valid in @p year, in the order added.
 * @param ds    the dataset
 * @param year  the year
 * @param out   receives an array of borrowed pointers, the caller's (regint_free())
 * @param n     receives its length
 * @return REGINT_OK, REGINT_ENOMEM or REGINT_EINVAL (NULL argument).
 */
REGINT_API regint_status regint_dataset_counties_in(const regint_dataset *ds, int year,
                                                    const regint_county_t ***out, size_t *n);

/**
 * The settlement figures that @p q selects, in the order added.
 * @param ds   the dataset
 * @param q    the selection; NULL selects every figure
 * @param out  receives an array of borrowed pointers, the caller's (regint_free())
 * @param n    receives its length
 * @return REGINT_OK, REGINT_ENOMEM, REGINT_EVERSION (query version) or REGINT_EINVAL.
 */
REGINT_API regint_status regint_dataset_find_settlements(const regint_dataset *ds,
                                                         const regint_dataset_find_options *q,
                                                         const regint_settlement_t ***out, size_t *n);

/**
 * The observations that @p q selects, in the order added.
 * @param ds   the dataset
 * @param q    the selection; NULL selects every observation
 * @param out  receives an array of borrowed pointers, the caller's (regint_free())
 * @param n    receives its length
 * @return REGINT_OK, REGINT_ENOMEM, REGINT_EVERSION (query version) or REGINT_EINVAL.
 */
REGINT_API regint_status regint_dataset_find_observations(const regint_dataset *ds,
                                                          const regint_dataset_find_options *q,
                                                          const regint_observation_t ***out, size_t *n);

/**
 * The population on 1 January of @p year of @p n municipalities (codes valid in @p year),
 * as regint_dataset_population() gives it for each.
 * @param ds         the dataset
 * @param year       the year
 * @param n          number of codes
 * @param kommunenr  [n] codes (a NULL entry has no figure)
 * @param persons    [n] receives each population, or -1 where the dataset has no figure
 * @return REGINT_OK (absent figures are not an error), REGINT_ENOMEM or REGINT_EINVAL.
 */
REGINT_API regint_status regint_dataset_populations(const regint_dataset *ds, int year, size_t n,
                                                    const char *const *kommunenr, int64_t *persons);

/**
 * Map @p n codes, each of its own year, to the codes of @p to_year in one call, as
 * regint_dataset_map_code() maps one.
 * @param ds         the dataset
 * @param n          number of codes
 * @param kommunenr  [n] codes
 * @param from_year  [n] the year each code is valid in
 * @param to_year    the year to map to
 * @param mapped     [n] receives the one code each maps to (borrowed from the dataset), or
 *                   NULL where a code has no mapping or was split into several
 * @return REGINT_OK (a code without a mapping is not an error), REGINT_ENOMEM or REGINT_EINVAL.
 */
REGINT_API regint_status regint_dataset_map_codes(const regint_dataset *ds, size_t n,
                                                  const char *const *kommunenr, const int *from_year,
                                                  int to_year, const char **mapped);

#ifdef __cplusplus
}
#endif
#endif
