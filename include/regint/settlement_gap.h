/**
 * @file settlement_gap.h
 * @brief Gap analytics: IMDi's request vs the council's decision vs persons settled, per
 *        municipality and year, for a county (docs/settlement.md, "Gap analytics").
 *
 * For each year of a range and each municipality of the county valid in that year (the
 * year's own codes, as the dataset holds the figures), the three figures of the settlement
 * cycle (REGINT_CATEGORY_ALL): who decided below the request and by how much, and the
 * delivery rate (settled / decided). Each year also has the county's sums over the
 * municipalities whose figures are present (suppressed and missing figures are counted, not
 * guessed: the sums are lower bounds where any is missing).
 */
#ifndef REGINT_SETTLEMENT_GAP_H
#define REGINT_SETTLEMENT_GAP_H

#include "regint/common.h"
#include "regint/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One municipality and year. Strings are borrowed from the result. */
typedef struct regint_settlement_gap_row_t {
    int year;                 /**< the settlement year */
    const char *kommunenr;    /**< code valid in `year` */
    const char *name;         /**< name in `year` */
    regint_value_t request;   /**< IMDi's request (anmodning) */
    regint_value_t decision;  /**< the council's decision (vedtak) */
    regint_value_t settled;   /**< persons settled (bosatt) */
    int below_request;        /**< 1 if both are present and the decision is below the request */
    double gap;               /**< request - decision; NAN unless both are present */
    double delivery_rate;     /**< settled / decision; NAN unless both are present and the decision > 0 */
} regint_settlement_gap_row_t;

/** The county's figures of one year. */
typedef struct regint_settlement_gap_year_t {
    int year;                 /**< the settlement year */
    size_t municipalities;    /**< municipalities of the county valid in the year */
    double request;           /**< sum of the present requests */
    double decision;          /**< sum of the present decisions */
    double settled;           /**< sum of the present settled figures */
    size_t n_missing;         /**< figures (of the three) missing or suppressed */
    size_t n_below;           /**< municipalities that decided below the request */
    double below_by;          /**< sum of request - decision over those */
    double decision_rate;     /**< decision / request over municipalities with both; NAN if none */
    double delivery_rate;     /**< settled / decision over municipalities with both and a decision > 0; NAN if none */
} regint_settlement_gap_year_t;

/** Opaque result of regint_settlement_gap_run(). */
typedef struct regint_settlement_gap regint_settlement_gap;

/**
 * Request vs decision vs settled for a county's municipalities over a range of years.
 * Years in which the county code does not exist (county codes changed in 2020 and 2024) or
 * that have no figure are skipped and named in regint_settlement_gap_note().
 * @param ds         the dataset (borrowed; must outlive the result)
 * @param fylkesnr   county (two digits); "00" or NULL = the whole country
 * @param year_from  first year, 1900..2200
 * @param year_to    last year, year_from..2200
 * @param out        receives the result, free with regint_settlement_gap_free()
 * @return ::REGINT_OK; ::REGINT_EINVAL for a NULL argument, a county code that is not two
 *         digits or a bad range; ::REGINT_ENOTFOUND if no year of the range has the county
 *         with a figure.
 */
REGINT_API regint_status regint_settlement_gap_run(const regint_dataset *ds, const char *fylkesnr, int year_from,
                                                   int year_to, regint_settlement_gap **out);
/** Free a result. NULL is allowed. */
REGINT_API void regint_settlement_gap_free(regint_settlement_gap *g);
/** Number of rows (by year, then kommunenr). */
REGINT_API size_t regint_settlement_gap_count(const regint_settlement_gap *g);
/** Row i (borrowed) or NULL. */
REGINT_API const regint_settlement_gap_row_t *regint_settlement_gap_row(const regint_settlement_gap *g, size_t i);
/** Number of years with figures. */
REGINT_API size_t regint_settlement_gap_year_count(const regint_settlement_gap *g);
/** The county's figures of year i (borrowed) or NULL. */
REGINT_API const regint_settlement_gap_year_t *regint_settlement_gap_year(const regint_settlement_gap *g, size_t i);
/** The county code asked for ("00" for the whole country) (borrowed). */
REGINT_API const char *regint_settlement_gap_fylkesnr(const regint_settlement_gap *g);
/** Years skipped and why, "" if none (borrowed). */
REGINT_API const char *regint_settlement_gap_note(const regint_settlement_gap *g);
/** The result as JSON (`years` and `municipalities`); `*json` is the caller's (regint_free()). */
REGINT_API regint_status regint_settlement_gap_to_json(const regint_settlement_gap *g, char **json);

#ifdef __cplusplus
}
#endif
#endif
