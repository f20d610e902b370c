/**
 * @file report.h
 * @brief County reports (kunnskapsgrunnlag) in Markdown and HTML.
 *
 * A report for one county and year contains, tables first: settlement requests, decisions
 * and settled persons over the last ten years (history put on the county's current
 * municipality codes with the code correspondence and summed for the county), the
 * municipalities of the county in the report year, the indicators of the knowledge base
 * with trend and comparison with the nation, the progress of the county's plan for
 * qualification, and an overview by UN Sustainable Development Goal. Charts are inline SVG
 * written by the library itself (no scripts, no external files): each output is one
 * self-contained file. Missing values are shown as missing with their reason, never as 0;
 * sums with suppressed parts are shown as lower bounds ("≥ 1 234").
 *
 * The text of the report is in bokmål (default), nynorsk or English
 * (regint_report_options::lang): every text comes from the library's one translation table
 * (lib/util/i18n.c; terms and sources in docs/glossary.md), and numbers are written as a reader
 * of the language expects them ("12 345,6" in Norwegian, "12,345.6" in English).
 */
#ifndef REGINT_REPORT_H
#define REGINT_REPORT_H

#include "regint/common.h"
#include "regint/dataset.h"
#include "regint/lang.h"
#include "regint/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output format. */
typedef enum regint_report_format {
    REGINT_REPORT_MARKDOWN = 0, /**< CommonMark/GFM tables, SVG as inline HTML blocks */
    REGINT_REPORT_HTML = 1      /**< one HTML5 page with inline CSS and SVG */
} regint_report_format;
/** Number of values of ::regint_report_format (they are 0 .. REGINT_REPORT_FORMAT_COUNT - 1). */
#define REGINT_REPORT_FORMAT_COUNT 2
/**
 * The stable name of a value: "markdown", "html".
 * @param v  the value
 * @return a static string; "unknown" for a value outside the enum (never NULL).
 */
REGINT_API const char *regint_report_format_name(regint_report_format v);
/**
 * The value with the given name (as regint_report_format_name() gives it).
 * @param name  the name (NUL-terminated)
 * @param out   receives the value on success
 * @return ::REGINT_OK; ::REGINT_ENOTFOUND for an unknown or NULL name (the message lists the
 *         known names); ::REGINT_EINVAL for a NULL @p out.
 */
REGINT_API regint_status regint_report_format_from_name(const char *name, regint_report_format *out);

/** Report options. The county is a parameter. */
typedef struct regint_report_options {
    int version;             /**< REGINT_REPORT_OPTIONS_VERSION */
    int year;                /**< report year; 0 = the latest year with settlement figures */
    int history_years;       /**< years of settlement history, default 10 */
    int trend_years;         /**< window of indicator trends, default 5 */
    const regint_plan *plan; /**< plan to report on; NULL = the dataset's plans for the county */
    int charts;              /**< 1 (default) to include SVG charts, 0 for tables only */
    regint_lang lang;        /**< language of the report (default ::REGINT_LANG_NB); read from
                                  version 2 on (a version 1 caller gets bokmål) */
} regint_report_options;
/** Version of ::regint_report_options understood by this library (2: `lang` added). */
#define REGINT_REPORT_OPTIONS_VERSION 2
/** Initialiser of ::regint_report_options: latest year, 10 years of history, 5-year trends,
 *  the dataset's plans, charts on, bokmål. */
#define REGINT_REPORT_OPTIONS_INIT { REGINT_REPORT_OPTIONS_VERSION, 0, 10, 5, NULL, 1, REGINT_LANG_NB }

/**
 * Initialise @p opts with the defaults of ::REGINT_REPORT_OPTIONS_INIT for the given version (like
 * libgit2's `git_checkout_options_init()`): use it where a brace initialiser cannot be.
 * @param opts     the options to fill (all members are overwritten)
 * @param version  the version the caller was compiled with, ::REGINT_REPORT_OPTIONS_VERSION
 * @return ::REGINT_OK; ::REGINT_EVERSION for a version this build does not know;
 *         ::REGINT_EINVAL for a NULL @p opts.
 */
REGINT_API regint_status regint_report_options_init(regint_report_options *opts, int version);

/**
 * Render a county report. `*out` is NUL-terminated text, the caller's (regint_free()).
 * REGINT_ENOTFOUND if the county does not exist in the year; REGINT_EINVAL for bad options.
 * @param ds        the dataset (borrowed)
 * @param fylkesnr  the county (code valid in the report year)
 * @param format    Markdown or HTML
 * @param opt       options, or NULL for ::REGINT_REPORT_OPTIONS_INIT
 * @param out       receives the text; untouched on failure
 * @return REGINT_OK; REGINT_EVERSION for an unknown options version; REGINT_EINVAL for a
 *         NULL argument, an unknown format, a fylkesnr that is not two digits,
 *         history_years outside 0..60 or a language outside ::regint_lang;
 *         REGINT_ENOTFOUND for a county not in the dataset or not valid in the year.
 */
REGINT_API regint_status regint_report_render(const regint_dataset *ds, const char *fylkesnr,
                                              regint_report_format format,
                                              const regint_report_options *opt, char **out);

/**
 * Write the report in both formats into directory `dir` (which must exist), as
 * `fylke-<nr>-<year>.md` and `fylke-<nr>-<year>.html` (bokmål; nynorsk and English add the
 * language: `fylke-<nr>-<year>-nn.md`), each atomically (temporary file, flush, rename). `md_path` / `html_path`, if not NULL, receive the paths written
 * (the caller's, regint_free()).
 * @param ds         the dataset (borrowed)
 * @param fylkesnr   the county, as for regint_report_render()
 * @param dir        an existing directory
 * @param opt        options, or NULL for ::REGINT_REPORT_OPTIONS_INIT
 * @param md_path    NULL, or receives the path of the Markdown file on success
 * @param html_path  NULL, or receives the path of the HTML file on success
 * @return REGINT_OK; the errors of regint_report_render() (nothing is written then);
 *         REGINT_EINVAL for a NULL @p dir; REGINT_EIO if a file cannot be written (the
 *         Markdown file is written first, so it may exist when the HTML one failed).
 */
REGINT_API regint_status regint_report_write(const regint_dataset *ds, const char *fylkesnr,
                                             const char *dir, const regint_report_options *opt,
                                             char **md_path, char **html_path);

#ifdef __cplusplus
}
#endif
#endif
