/**
 * @file letter.h
 * @brief The county's recommendation letter to IMDi, in bokmål, nynorsk or English.
 *
 * The letter a county adviser sends with the settlement recommendation (issue 15): the
 * county's total, the criteria and their weights in words, a table of every municipality
 * (those not asked with 0 and the reason), the reason for each, stated capacities, departures
 * from the councils' decisions, the range over scenario variants, the audit's verdict and the
 * caveats of the data. Every text comes from the library's one translation table
 * (lib/util/i18n.c; terms and sources in docs/glossary.md). Output: Markdown and one
 * self-contained HTML page (no external scripts, styles or fonts). Method: docs/scenarios.md.
 */
#ifndef REGINT_LETTER_H
#define REGINT_LETTER_H

#include "regint/common.h"
#include "regint/dataset.h"
#include "regint/lang.h"
#include "regint/settlement.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ::regint_letter_options (2: allocation, max_per_1000, alt_profiles). */
#define REGINT_LETTER_OPTIONS_VERSION 2

/** Options of regint_letter_write(). The county and the year are parameters. */
typedef struct regint_letter_options {
    int version;            /**< REGINT_LETTER_OPTIONS_VERSION */
    regint_lang lang;       /**< language of the letter (default ::REGINT_LANG_NB) */
    int64_t total;          /**< persons to settle, or ::REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS (default) */
    const regint_settlement_profile *profile; /**< NULL = the default profile */
    int64_t national_need;  /**< the national need for the year if known; 0 = not stated (default) */
    const char *date;       /**< the letter's date "YYYY-MM-DD"; NULL = today (UTC) */
    const char *command;    /**< the command printed to check the figures; NULL = the `regint letter` line */
    /* version 2 */
    const char *allocation; /**< the allocation audited: NULL = the recommendation (default); "imdi" = IMDi's
                                 request to each municipality for the year; else a CSV file with the header
                                 `kommunenr,allocation` (absent municipalities 0; without a total its sum is the
                                 total). docs/scenarios.md */
    double max_per_1000;    /**< fairness floor of the audit: nobody asked above this many per 1,000 inhabitants
                                 unless its own decision for the year is at least its number; 0 = not checked (default) */
    const regint_settlement_profile *const *alt_profiles; /**< alternative profiles of the scenario, each run at the
                                                               base total and reported on its own; NULL = none */
    size_t alt_profile_count; /**< number of alt_profiles */
} regint_letter_options;

/** Initialiser: bokmål, the total from IMDi's requests, default profile, no national need, today,
 *  the recommendation audited, no fairness floor, no alternative profiles. */
#define REGINT_LETTER_OPTIONS_INIT { REGINT_LETTER_OPTIONS_VERSION, REGINT_LANG_NB, \
    REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS, NULL, 0, NULL, NULL, NULL, 0, NULL, 0 }

/**
 * Initialise @p opts with the defaults of ::REGINT_LETTER_OPTIONS_INIT for the given version.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_LETTER_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_letter_options_init(regint_letter_options *opts, int version);

/**
 * Write the recommendation letter of a county for a year.
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year (two digits)
 * @param year      the year to settle in
 * @param opt       options, or NULL for ::REGINT_LETTER_OPTIONS_INIT
 * @param markdown  receives the letter as Markdown (regint_free()); may be NULL
 * @param html      receives the letter as one self-contained HTML page (regint_free()); may be NULL
 * @return ::REGINT_OK; the errors of regint_settlement_recommend(); ::REGINT_EINVAL for a
 *         language out of range or a date that is not YYYY-MM-DD.
 */
REGINT_API regint_status regint_letter_write(const regint_dataset *ds, const char *fylkesnr, int year,
                                             const regint_letter_options *opt, char **markdown, char **html);

/**
 * The scenario range of the letter's section 7 as JSON: the county's total varied from -20 %
 * to +20 % in steps of 5 % and each criterion weight raised and lowered by 25 %; for each
 * municipality `{"kommunenr", "name", "asked", "recommended", "min", "median", "max",
 * "on_bound_share", "stability"}` (stability = 1 - (max - min) / recommended), and
 * "variants", "totals", "stable" (municipalities with the same number in every variant).
 * Method: docs/scenarios.md.
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year
 * @param year      the year to settle in
 * @param opt       options (total, profile; the language is not used), or NULL
 * @param json      receives the document (regint_free())
 * @return as regint_letter_write().
 */
REGINT_API regint_status regint_letter_scenario_json(const regint_dataset *ds, const char *fylkesnr, int year,
                                                     const regint_letter_options *opt, char **json);

/**
 * The audit of the letter's section 8 as JSON, of the recommendation or of opt->allocation:
 * "pass", "allocation" (what was audited), "house_monotone" (nobody gets fewer when the total
 * rises over the scenario totals), "population_monotone" and "population_departures" (pairs
 * whose numbers move against the change of their scores between scenario variants),
 * "quota_violations" (outside the floor and ceiling of the ideal share without a binding
 * bound), "binding_bounds", "ties" (pairs with the same ideal share whose numbers differ),
 * "per_1000" (min, max, Gini), "max_per_1000" (the fairness floor, when given) and
 * "last_year" (compared with IMDi's request of the year before). Method: docs/scenarios.md.
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year
 * @param year      the year to settle in
 * @param opt       options (total, profile, allocation, max_per_1000; the language is not used), or NULL
 * @param json      receives the document (regint_free())
 * @return as regint_letter_write(); for an allocation CSV also the errors of reading it, each with
 *         the file, the CSV line and the rule: ::REGINT_ENOTFOUND (a municipality not in the county
 *         that year), ::REGINT_EDUPLICATE, ::REGINT_EPARSE / ::REGINT_ERANGE (a cell that is not a
 *         non-negative integer), ::REGINT_EPERSONAL (a fødselsnummer), ::REGINT_EINVAL (a sum other
 *         than the total); ::REGINT_EINFEASIBLE for a total below the sum of hard lower bounds.
 */
REGINT_API regint_status regint_letter_audit_json(const regint_dataset *ds, const char *fylkesnr, int year,
                                                  const regint_letter_options *opt, char **json);

/**
 * The scenario range as CSV: one row per municipality with the columns `kommunenr,name,asked,
 * recommended,min,median,max,on_bound_share,stability` of regint_letter_scenario_json(), then
 * one column per alternative profile (`profile:<name>`, that profile's number at the base total).
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year
 * @param year      the year to settle in
 * @param opt       options (total, profile, alt_profiles), or NULL
 * @param csv       receives the text (regint_free())
 * @return as regint_letter_write().
 */
REGINT_API regint_status regint_letter_scenario_csv(const regint_dataset *ds, const char *fylkesnr, int year,
                                                    const regint_letter_options *opt, char **csv);

/**
 * The scenario range as a readable table: section 7 of the letter in the options' language
 * (Markdown: a heading, the paragraph on the variants and the table).
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year
 * @param year      the year to settle in
 * @param opt       options (lang, total, profile, alt_profiles), or NULL
 * @param text      receives the text (regint_free())
 * @return as regint_letter_write().
 */
REGINT_API regint_status regint_letter_scenario_text(const regint_dataset *ds, const char *fylkesnr, int year,
                                                     const regint_letter_options *opt, char **text);

/**
 * The audit as a readable table: section 8 of the letter in the options' language (Markdown:
 * the verdict and one row per check).
 * @param ds        the dataset
 * @param fylkesnr  county valid in @p year
 * @param year      the year to settle in
 * @param opt       options (lang, total, profile, allocation, max_per_1000), or NULL
 * @param text      receives the text (regint_free())
 * @return as regint_letter_audit_json().
 */
REGINT_API regint_status regint_letter_audit_text(const regint_dataset *ds, const char *fylkesnr, int year,
                                                  const regint_letter_options *opt, char **text);

#ifdef __cplusplus
}
#endif
#endif
