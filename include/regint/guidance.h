/**
 * @file guidance.h
 * @brief Career guidance (karriereveiledning) demand: sessions needed per career centre and
 *        month, forecast from settlement decisions (or requests, or recommendations).
 *
 * Every newly settled refugee in the introduction programme is offered career guidance by
 * the county's career centres (integreringsloven; DOMAIN.md). The model (docs/tasks.md):
 *
 *     persons(k)  = settled(k) × adult_share × intro_share          per municipality k
 *     sessions(c) = round(sessions_per_person × Σ persons(k), k served by centre c)
 *     by month    = Hamilton apportionment of sessions(c) over the 12 months with the
 *                   monthly arrival profile as weights, then shifted lag_months later;
 *                   sessions shifted past December are "carried over" to next year, and the
 *                   previous year's shifted sessions are "carried in" to January.
 *
 * `settled(k)` is the council's decision (vedtak) for the year by default, falling back to
 * IMDi's request (anmodning) where no decision is registered; or numbers given by the
 * caller (e.g. the county's own recommendation from the settlement module).
 *
 * The default parameters are ASSUMPTIONS (each is documented at its field and in
 * docs/tasks.md with the reason); replace them with the county's own figures.
 */
#ifndef REGINT_GUIDANCE_H
#define REGINT_GUIDANCE_H

#include "regint/common.h"
#include "regint/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A career centre and the municipalities it serves. */
typedef struct regint_guidance_centre_t {
    const char *id;                    /**< non-empty identifier, reported as the centre id */
    const char *name;                  /**< display name, reported as the centre name */
    size_t municipality_count;         /**< number of entries in @ref municipalities */
    const char *const *municipalities; /**< kommunenr */
} regint_guidance_centre_t;

/** Options of regint_guidance_forecast(). */
typedef struct regint_guidance_options {
    int version;                 /**< REGINT_GUIDANCE_OPTIONS_VERSION */
    /** Share of settled refugees who are adults (18+). Default 0.65: ASSUMPTION (about two
     *  in three; the 2022–2025 arrivals from Ukraine included many children). */
    double adult_share;
    /** Share of settled adults who enter the introduction programme. Default 0.80:
     *  ASSUMPTION (the right and duty covers ages 18–55, so older adults and some others
     *  do not take part). */
    double intro_share;
    /** Guidance sessions per participant. Default 2.0: ASSUMPTION (one conversation to map
     *  skills and goals before the integration plan, one follow-up). */
    double sessions_per_person;
    /** Relative settlement per calendar month (January first); weights >= 0, not all 0.
     *  Default uniform: ASSUMPTION (no monthly settlement figures in the bundled data). */
    double monthly_profile[12];
    /** Months from settlement to guidance, 0..11. Default 1: ASSUMPTION (the programme
     *  starts within three months of settlement and guidance comes early in it). */
    int lag_months;
    /** Figure used as settled(k). Default REGINT_MEASURE_DECISION (vedtak). */
    regint_measure measure;
    /** 1 (default): when the measure is missing for a municipality, use the request
     *  (anmodning); 0: count it as 0 and say so in `source`. */
    int fallback_to_request;
    /** Centres; NULL (default) = the dataset's partners of kind career_centre in the county
     *  (collaboration section), or one centre "county" serving every municipality. */
    size_t centre_count;
    /** [centre_count] the centres (borrowed; must outlive the forecast, whose centre ids
     *  and names point into them); NULL = look them up as described at centre_count.
     *  A municipality may be served by at most one centre. */
    const regint_guidance_centre_t *centres;
    /** Optional input persons for the forecast year instead of the dataset figures (e.g.
     *  recommendations): `input_count` kommunenr and persons (each 0..10^9). Other
     *  municipalities count 0. */
    size_t input_count;
    /** [input_count] kommunenr of the input figures; each must be a municipality of the
     *  county in the forecast year (REGINT_ENOTFOUND otherwise). NULL if input_count is 0. */
    const char *const *input_kommunenr;
    /** [input_count] persons settled in the forecast year, parallel to input_kommunenr;
     *  reported with source "input". NULL if input_count is 0. */
    const int64_t *input_persons;
} regint_guidance_options;

/** Version of ::regint_guidance_options understood by this library. */
#define REGINT_GUIDANCE_OPTIONS_VERSION 1
/** The documented defaults. */
#define REGINT_GUIDANCE_OPTIONS_INIT                                                               \
    { REGINT_GUIDANCE_OPTIONS_VERSION, 0.65, 0.80, 2.0, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 1,   \
      REGINT_MEASURE_DECISION, 1, 0, NULL, 0, NULL, NULL }

/**
 * Initialise @p opts with the defaults of ::REGINT_GUIDANCE_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_GUIDANCE_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_guidance_options_init(regint_guidance_options *opts, int version);

/**
 * The forecast, as parallel arrays. Free with regint_guidance_forecast_result_free(). Strings are
 * borrowed from the dataset or the options' centres (keep those alive) or static.
 */
typedef struct regint_guidance_forecast_result {
    char fylkesnr[3];           /**< the county (two digits, NUL-terminated) */
    int year;                   /**< the forecast year */
    size_t centre_count;        /**< number of centres (rows of the centre arrays) */
    const char **centre_id;     /**< [centre_count]; "unassigned" collects unserved municipalities */
    const char **centre_name;   /**< [centre_count] */
    int64_t *sessions;          /**< [centre_count × 12] row-major: sessions[c*12 + m], month m+1 */
    int64_t *total;             /**< [centre_count] sessions in the year (sum of the row) */
    double *persons;            /**< [centre_count] expected programme entrants from the year's settlement */
    int64_t *carried_in;        /**< [centre_count] sessions from last year's settlement, in the row */
    int64_t *carried_over;      /**< [centre_count] sessions from this year's settlement falling next year */
    int carried_in_complete;    /**< 1 if last year's figures were found for every municipality */
    size_t municipality_count;  /**< municipalities of the county valid in `year` */
    const char **kommunenr;     /**< [municipality_count] borrowed */
    int64_t *settled;           /**< [municipality_count] settled(k) used for the year */
    const char **source;        /**< [municipality_count] "vedtak", "anmodning", "bosatt", "input" or "missing" */
    size_t *centre_of;          /**< [municipality_count] index into the centre arrays */
} regint_guidance_forecast_result;

/**
 * Forecast career-guidance sessions for county @p fylkesnr in @p year (municipalities
 * valid in that year). @p opt NULL gives the defaults. REGINT_EINVAL for shares outside
 * [0,1], negative sessions, a bad profile or lag, a municipality served by two centres;
 * REGINT_ENOTFOUND for an unknown county.
 * @param ds        the dataset (borrowed; must outlive the forecast)
 * @param fylkesnr  county code valid in @p year
 * @param year      the forecast year
 * @param opt       options, or NULL for ::REGINT_GUIDANCE_OPTIONS_INIT
 * @param out       receives a new forecast, free with regint_guidance_forecast_result_free()
 * @return REGINT_OK; REGINT_EVERSION for an unknown options version; REGINT_EINVAL for a
 *         NULL argument or a bad option (shares outside [0,1], sessions_per_person outside [0,1000], a bad profile or lag,
 *         an unknown measure, NULL arrays with non-zero counts, input_persons outside
 *         [0,10^9], a centre without id, a municipality served by two centres);
 *         REGINT_ENOTFOUND for an unknown county or an input kommunenr outside it;
 *         REGINT_ERANGE if a centre's session count overflows.
 */
REGINT_API regint_status regint_guidance_forecast(const regint_dataset *ds, const char *fylkesnr, int year,
                                                  const regint_guidance_options *opt,
                                                  regint_guidance_forecast_result **out);

/** Free a forecast. NULL is allowed.
 *  @param f  a forecast from regint_guidance_forecast(), or NULL */
REGINT_API void regint_guidance_forecast_result_free(regint_guidance_forecast_result *f);

#ifdef __cplusplus
}
#endif
#endif
