/* County reports in Markdown and HTML. The content is built once as a small list of blocks
 * (headings, paragraphs, tables, SVG charts) and then written in either format, so the two
 * outputs always carry the same figures. See report.h and docs/knowledge-base.md. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regint/kb.h"
#include "regint/plan.h"
#include "regint/report.h"
#include "regint/validate.h"

#include "util/fileio.h"
#include "util/i18n.h"
#include "util/savefile.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/options.h"
#include "util/enumname.h"
#include "knowledge/report_svg.h"

/* ------------------------------------------------------------------------- */
/* Document model                                                             */

typedef enum bkind { B_H, B_P, B_TABLE, B_SVG, B_NOTE } bkind;

typedef struct block {
    bkind kind;
    int level;      /* heading level */
    char *text;     /* heading/paragraph text, or raw SVG */
    size_t ncols, nrows; /* table: nrows includes the header row */
    char **cells;   /* row-major; a cell may start with "\x01class\x02" (HTML class) */
    char *align;    /* 'l' or 'r' per column */
} block;

typedef struct doc {
    block *b;
    size_t n, cap;
    int oom;
    /* a table being built */
    size_t tcols;
    char **tcells;
    size_t tn, tcap;
    char talign[16];
} doc;

static block *doc_add(doc *d, bkind k)
{
    if (d->oom)
        return NULL;
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 32;
        block *nb = regint__reallocarray(d->b, nc, sizeof *nb);
        if (!nb) {
            d->oom = 1;
            return NULL;
        }
        d->b = nb;
        d->cap = nc;
    }
    block *b = &d->b[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = k;
    return b;
}

static char *vfmt(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int l = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (l < 0)
        return NULL;
    char *s = malloc((size_t)l + 1);
    if (s)
        vsnprintf(s, (size_t)l + 1, fmt, ap);
    return s;
}

static void doc_text(doc *d, bkind k, int level, const char *fmt, ...) REGINT__PRINTF(4, 5);
static void doc_text(doc *d, bkind k, int level, const char *fmt, ...)
{
    block *b = doc_add(d, k);
    if (!b)
        return;
    va_list ap;
    va_start(ap, fmt);
    b->text = vfmt(fmt, ap);
    va_end(ap);
    b->level = level;
    if (!b->text)
        d->oom = 1;
}

static void doc_svg(doc *d, regint__sb *sb)
{
    if (sb->oom) {
        d->oom = 1;
        free(sb->s);
        return;
    }
    block *b = doc_add(d, B_SVG);
    if (!b) {
        free(sb->s);
        return;
    }
    b->text = sb->s;
}

static void table_begin(doc *d, const char *align)
{
    d->tcols = strlen(align);
    snprintf(d->talign, sizeof d->talign, "%s", align);
    d->tcells = NULL;
    d->tn = d->tcap = 0;
}

static void cell(doc *d, const char *fmt, ...) REGINT__PRINTF(2, 3);

/* A table with its header row: one heading per column of `align`. */
static void table_with_head(doc *d, const char *align, const char *const *head)
{
    table_begin(d, align);
    for (size_t i = 0; i < d->tcols; i++)
        cell(d, "%s", head[i]);
}

static void cell(doc *d, const char *fmt, ...)
{
    if (d->tn == d->tcap) {
        size_t nc = d->tcap ? d->tcap * 2 : 64;
        char **n = regint__reallocarray(d->tcells, nc, sizeof *n);
        if (!n) {
            d->oom = 1;
            return;
        }
        d->tcells = n;
        d->tcap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    char *s = vfmt(fmt, ap);
    va_end(ap);
    if (!s) {
        d->oom = 1;
        return;
    }
    d->tcells[d->tn++] = s;
}

static void table_end(doc *d)
{
    block *b = doc_add(d, B_TABLE);
    if (!b || d->tn % d->tcols != 0) {
        for (size_t i = 0; i < d->tn; i++)
            free(d->tcells[i]);
        free(d->tcells);
        d->oom = 1;
        return;
    }
    b->ncols = d->tcols;
    b->nrows = d->tn / d->tcols;
    b->cells = d->tcells;
    b->align = regint__strdup(d->talign);
    if (!b->align)
        d->oom = 1;
    d->tcells = NULL;
    d->tn = d->tcap = 0;
}

static void doc_free(doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->b[i].text);
        for (size_t j = 0; j < d->b[i].ncols * d->b[i].nrows; j++)
            free(d->b[i].cells[j]);
        free(d->b[i].cells);
        free(d->b[i].align);
    }
    free(d->b);
    for (size_t i = 0; i < d->tn; i++)
        free(d->tcells[i]);
    free(d->tcells);
}

/* Split "\x01class\x02text" into class and text. */
static const char *cell_text(const char *c, char *cls, size_t size)
{
    cls[0] = '\0';
    if (c[0] != '\x01')
        return c;
    const char *e = strchr(c, '\x02');
    if (!e)
        return c + 1;
    size_t l = (size_t)(e - c - 1);
    if (l >= size)
        l = size - 1;
    memcpy(cls, c + 1, l);
    cls[l] = '\0';
    return e + 1;
}

static void md_cell(regint__sb *sb, const char *s)
{
    char one[2] = {0, 0};
    for (; *s; s++) {
        if (*s == '|')
            regint__sb_puts(sb, "\\|");
        else if (*s == '\n')
            regint__sb_puts(sb, " ");
        else {
            one[0] = *s;
            regint__sb_puts(sb, one);
        }
    }
}

/* Markdown of the text blocks. An SVG is written as an HTML block: CommonMark passes it
 * through (there are no blank lines inside). */
static const char *const md_text_format[] = {[B_P] = "%s\n\n", [B_NOTE] = "> %s\n\n",
                                             [B_SVG] = "<div>\n%s</div>\n\n"};

static void render_md(const doc *d, regint__sb *sb)
{
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->b[i];
        char cls[32];
        switch (b->kind) {
        case B_H:
            for (int k = 0; k < b->level; k++)
                regint__sb_puts(sb, "#");
            regint__sb_printf(sb, " %s\n\n", b->text);
            break;
        case B_P:
        case B_NOTE:
        case B_SVG:
            regint__sb_printf(sb, md_text_format[b->kind], b->text);
            break;
        case B_TABLE:
            for (size_t r = 0; r < b->nrows; r++) {
                regint__sb_puts(sb, "|");
                for (size_t c = 0; c < b->ncols; c++) {
                    regint__sb_puts(sb, " ");
                    md_cell(sb, cell_text(b->cells[r * b->ncols + c], cls, sizeof cls));
                    regint__sb_puts(sb, " |");
                }
                regint__sb_puts(sb, "\n");
                if (r == 0) {
                    regint__sb_puts(sb, "|");
                    for (size_t c = 0; c < b->ncols; c++)
                        regint__sb_puts(sb, b->align[c] == 'r' ? " ---: |" : " --- |");
                    regint__sb_puts(sb, "\n");
                }
            }
            regint__sb_puts(sb, "\n");
            break;
        }
    }
}

static const char *css =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}"
    "main{max-width:1000px;margin:0 auto;padding:24px 32px;background:#fff}"
    "h1{font-size:1.7em;margin:0.2em 0 0.4em;border-bottom:3px solid #1f5f8b;padding-bottom:0.2em}"
    "h2{font-size:1.3em;margin-top:1.6em;color:#1f5f8b}h3{font-size:1.08em;margin-top:1.2em}"
    "table{border-collapse:collapse;margin:0.6em 0 1em;font-size:0.9em}"
    "th,td{border:1px solid #d0d5db;padding:3px 8px;vertical-align:top}"
    "th{background:#eef2f6;text-align:left}td.r,th.r{text-align:right;white-space:nowrap}"
    "tbody tr:nth-child(even){background:#fafbfc}"
    "td.ok{background:#e3f4e6}td.achieved{background:#c9ecd0}td.behind{background:#fde2e0}"
    "td.nodata{background:#eeeeee;color:#555}td.missing{color:#8a5a00}"
    ".note{border-left:4px solid #c7d2dd;padding:4px 12px;color:#444;background:#f7f9fb}"
    "svg{max-width:100%;height:auto;display:block;margin:0.5em 0 1.2em}";

static void render_html(const doc *d, regint__sb *sb, const char *title, regint_lang lang)
{
    regint__sb_printf(sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                      regint_lang_name(lang));
    regint__sb_escape(sb, title);
    regint__sb_printf(sb, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", css);
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->b[i];
        char cls[32];
        switch (b->kind) {
        case B_H:
            regint__sb_printf(sb, "<h%d>", b->level);
            regint__sb_escape(sb, b->text);
            regint__sb_printf(sb, "</h%d>\n", b->level);
            break;
        case B_P:
            regint__sb_puts(sb, "<p>");
            regint__sb_escape(sb, b->text);
            regint__sb_puts(sb, "</p>\n");
            break;
        case B_NOTE:
            regint__sb_puts(sb, "<p class=\"note\">");
            regint__sb_escape(sb, b->text);
            regint__sb_puts(sb, "</p>\n");
            break;
        case B_SVG:
            regint__sb_puts(sb, b->text);
            break;
        case B_TABLE:
            regint__sb_puts(sb, "<table>\n<thead><tr>");
            for (size_t c = 0; c < b->ncols; c++) {
                regint__sb_printf(sb, "<th%s>", b->align[c] == 'r' ? " class=\"r\"" : "");
                regint__sb_escape(sb, cell_text(b->cells[c], cls, sizeof cls));
                regint__sb_puts(sb, "</th>");
            }
            regint__sb_puts(sb, "</tr></thead>\n<tbody>\n");
            for (size_t r = 1; r < b->nrows; r++) {
                regint__sb_puts(sb, "<tr>");
                for (size_t c = 0; c < b->ncols; c++) {
                    const char *t = cell_text(b->cells[r * b->ncols + c], cls, sizeof cls);
                    char both[48];
                    snprintf(both, sizeof both, "%s%s%s", b->align[c] == 'r' ? "r" : "", *cls && b->align[c] == 'r' ? " " : "", cls);
                    if (*both)
                        regint__sb_printf(sb, "<td class=\"%s\">", both);
                    else
                        regint__sb_puts(sb, "<td>");
                    regint__sb_escape(sb, t);
                    regint__sb_puts(sb, "</td>");
                }
                regint__sb_puts(sb, "</tr>\n");
            }
            regint__sb_puts(sb, "</tbody>\n</table>\n");
            break;
        }
    }
    regint__sb_puts(sb, "</main>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------------- */
/* Formatting numbers and missing values                                      */

#define NBSP "\xC2\xA0"

/* A number as a reader of `lang` expects it ("12 345,6" / "12,345.6"): the one formatter of
 * util/i18n.h. */
static void fmt_num(regint_lang lang, char *buf, size_t size, double v, int dec)
{
    regint__i18n_number(lang, v, dec, buf, size);
}

/* The reason of a missing value in words ("" for a present value). */
static const char *missing_text(regint_lang lang, regint_missing m)
{
    regint__msg id = REGINT__MSG_MISSING_UNKNOWN;
    switch (m) {
    case REGINT_MISSING_NONE: return "";
    case REGINT_MISSING_SUPPRESSED: id = REGINT__MSG_MISSING_SUPPRESSED; break;
    case REGINT_MISSING_NOT_APPLICABLE: id = REGINT__MSG_MISSING_NOT_APPLICABLE; break;
    case REGINT_MISSING_NO_DECISION: id = REGINT__MSG_MISSING_NO_DECISION; break;
    case REGINT_MISSING_AWAITING_DECISION: id = REGINT__MSG_MISSING_AWAITING_DECISION; break;
    case REGINT_MISSING_UNKNOWN: break;
    }
    return regint__tr(lang, id);
}

/* Display unit of an indicator: shares (0..1) are shown as percent. */
typedef struct unitfmt {
    double scale;
    int dec;
    const char *suffix;
} unitfmt;

static unitfmt unit_of(regint_lang lang, const regint_indicator_t *ind)
{
    /* nb/nn "7,6 %" (Språkrådet: a space before %), en "7.6%". */
    const char *pct = lang == REGINT_LANG_EN ? "%" : NBSP "%";
    unitfmt u = {1, 0, ""};
    if (!ind || !ind->unit)
        return u;
    if (strcmp(ind->unit, "share") == 0) {
        u.scale = 100;
        u.dec = 1;
        u.suffix = pct;
    } else if (strcmp(ind->unit, "percent") == 0) {
        u.dec = 1;
        u.suffix = pct;
    } else if (regint_kb_indicator_aggregation(ind) == REGINT_AGGREGATE_MEAN) {
        u.dec = 1;
    }
    return u;
}

/* A count from an aggregate: "1 234", "≥ 1 234" (missing parts), or "– (reason)". */
static void fmt_count(regint_lang lang, char *buf, size_t size, regint_status st, const regint_aggregate_t *a,
                      int *lower_bound)
{
    char n[48];
    if (st != REGINT_OK) {
        snprintf(buf, size, "–");
        return;
    }
    if (a->value.missing == REGINT_MISSING_NONE) {
        fmt_num(lang, n, sizeof n, a->value.value, fabs(a->value.value - round(a->value.value)) > 1e-9 ? 1 : 0);
        snprintf(buf, size, "%s", n);
        return;
    }
    if (a->n_parts > 1 && !isnan(a->partial)) {
        fmt_num(lang, n, sizeof n, a->partial, fabs(a->partial - round(a->partial)) > 1e-9 ? 1 : 0);
        snprintf(buf, size, "≥" NBSP "%s", n);
        if (lower_bound)
            *lower_bound = 1;
        return;
    }
    snprintf(buf, size, "\x01missing\x02%s", missing_text(lang, a->value.missing));
}

static void fmt_value(regint_lang lang, char *buf, size_t size, regint_value_t v, unitfmt u, int sign)
{
    if (v.missing != REGINT_MISSING_NONE || isnan(v.value)) {
        snprintf(buf, size, "%s", missing_text(lang, v.missing == REGINT_MISSING_NONE ? REGINT_MISSING_UNKNOWN : v.missing));
        return;
    }
    char n[48];
    fmt_num(lang, n, sizeof n, v.value * u.scale, u.dec);
    snprintf(buf, size, "%s%s%s", sign && v.value * u.scale > 0 ? "+" : "", n, u.suffix);
}

/* ------------------------------------------------------------------------- */
/* The report                                                                 */

typedef struct rctx {
    const regint_dataset *ds;
    regint_kb *kb;
    const regint_report_options *opt;
    const char *fylkesnr;
    const char *county_name;
    int year;
    regint_lang lang;
    doc d;
} rctx;

/* The text of message `id` in the report's language (util/i18n.h). */
#define TR(id) regint__tr(r->lang, REGINT__MSG_##id)

static regint_status latest_settlement_year(const regint_dataset *ds, int *out)
{
    int y = 0;
    size_t n = regint_dataset_settlement_count(ds);
    for (size_t i = 0; i < n; i++) {
        const regint_settlement_t *s = regint_dataset_settlement_at(ds, i);
        if (s && s->year > y)
            y = s->year;
    }
    if (!y)
        return regint__error(REGINT_ENOTFOUND, "report: the dataset has no settlement figures; give a year");
    *out = y;
    return REGINT_OK;
}

/* Population of an area with codes of the report year, from the nearest year the dataset
 * has (first the report year, then earlier, then later), mapped onto the report year's
 * codes when needed. */
static int population_near(rctx *r, const char *area, int *pyear, int64_t *pop)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    for (int d = 0; d <= 10; d++) {
        int ys[2] = {r->year - d, r->year + d};
        for (int k = 0; k < (d ? 2 : 1); k++) {
            regint_aggregate_t a;
            if (regint_kb_population_mapped(r->kb, area, r->year, ys[k], &a) == REGINT_OK &&
                a.value.missing == REGINT_MISSING_NONE) {
                *pyear = ys[k];
                *pop = llround(a.value.value);
                return 1;
            }
        }
    }
    regint__error_restore(&saved_error); /* probes leave no error */
    return 0;
}

static void section_intro(rctx *r)
{
    doc *d = &r->d;
    doc_text(d, B_H, 1, TR(REPORT_TITLE), r->county_name, r->fylkesnr, r->year);
    doc_text(d, B_P, 0, TR(REPORT_INTRO), regint_version(), r->year);
    int py;
    int64_t pop;
    const regint_municipality_t **ms = NULL;
    size_t nm = 0;
    regint_dataset_municipalities_in(r->ds, r->year, r->fylkesnr, &ms, &nm);
    regint_free(ms);
    table_with_head(d, "lr", (const char *const[]){TR(REPORT_KEY_FIGURES), TR(REPORT_VALUE)});
    cell(d, TR(REPORT_MUNICIPALITIES_IN), r->year);
    cell(d, "%zu", nm);
    if (population_near(r, r->fylkesnr, &py, &pop)) {
        char n[48];
        fmt_num(r->lang, n, sizeof n, (double)pop, 0);
        cell(d, TR(REPORT_POPULATION_AT), py);
        cell(d, "%s", n);
    }
    regint_aggregate_t a;
    char v[64];
    for (int m = 0; m < 3; m++) {
        static const regint_measure ms3[3] = {REGINT_MEASURE_REQUEST, REGINT_MEASURE_DECISION, REGINT_MEASURE_SETTLED};
        const char *const names[3] = {TR(MEASURE_REQUEST), TR(MEASURE_DECISION), TR(MEASURE_SETTLED)};
        regint_status st = regint_kb_settlement(r->kb, r->fylkesnr, r->year, r->year, ms3[m], REGINT_CATEGORY_ALL, &a);
        fmt_count(r->lang, v, sizeof v, st, &a, NULL);
        cell(d, TR(REPORT_MEASURE_PERSONS), names[m], r->year);
        cell(d, "%s", v);
    }
    table_end(d);
}

static void section_settlement(rctx *r)
{
    doc *d = &r->d;
    int hist = r->opt->history_years > 0 ? r->opt->history_years : 10;
    int y0 = r->year - hist + 1;
    doc_text(d, B_H, 2, TR(REPORT_SETTLEMENT_HEADING), y0, r->year);
    doc_text(d, B_P, 0, TR(REPORT_SETTLEMENT_INTRO), r->year);
    static const regint_measure ms[3] = {REGINT_MEASURE_REQUEST, REGINT_MEASURE_DECISION, REGINT_MEASURE_SETTLED};
    double vals[3][64], bars[3][64];
    unsigned char lowb[3][64];
    int years[64];
    size_t n = 0;
    int lower = 0;
    table_begin(d, "lrrrr");
    cell(d, "%s", TR(REPORT_YEAR));
    cell(d, "%s", TR(MEASURE_REQUEST));
    cell(d, "%s", TR(MEASURE_DECISION));
    cell(d, "%s", TR(MEASURE_SETTLED));
    /* The text holds "%%": it is a format; the unused argument keeps -Wformat-security quiet. */
    cell(d, TR(REPORT_SETTLED_SHARE_OF_REQUEST), 0);
    for (int y = y0; y <= r->year && n < 64; y++, n++) {
        years[n] = y;
        regint_aggregate_t a[3];
        regint_status st[3];
        char c[3][64];
        for (int m = 0; m < 3; m++) {
            st[m] = regint_kb_settlement(r->kb, r->fylkesnr, r->year, y, ms[m], REGINT_CATEGORY_ALL, &a[m]);
            fmt_count(r->lang, c[m], sizeof c[m], st[m], &a[m], &lower);
            vals[m][n] = st[m] == REGINT_OK && a[m].value.missing == REGINT_MISSING_NONE ? a[m].value.value : NAN;
            /* Charts show a sum with suppressed parts as a pale lower-bound bar. */
            lowb[m][n] = st[m] == REGINT_OK && isnan(vals[m][n]) && a[m].n_parts > 1 && !isnan(a[m].partial);
            bars[m][n] = lowb[m][n] ? a[m].partial : vals[m][n];
        }
        cell(d, "%d", y);
        for (int m = 0; m < 3; m++)
            cell(d, "%s", c[m]);
        if (!isnan(vals[0][n]) && !isnan(vals[2][n]) && vals[0][n] > 0) {
            char p[32];
            cell(d, "%s", regint__i18n_percent(r->lang, vals[2][n] / vals[0][n], 0, p, sizeof p));
        } else {
            cell(d, "–");
        }
    }
    table_end(d);
    if (lower)
        doc_text(d, B_NOTE, 0, "%s", TR(REPORT_NOTE_LOWER_BOUND_SUM));
    doc_text(d, B_NOTE, 0, "%s", TR(REPORT_NOTE_NO_FIGURE));
    /* The caveat of the bundled IMDi data that the recommendation states too (issue 14). */
    if (y0 <= 2023 && r->year >= 2023)
        doc_text(d, B_NOTE, 0, "%s", TR(REPORT_NOTE_2023));
    if (r->opt->charts) {
        regint__sb sb = {0};
        regint__chart_series cs[3] = {{TR(MEASURE_REQUEST), bars[0], "#9bb7d4", lowb[0]},
                                      {TR(MEASURE_DECISION), bars[1], "#1f5f8b", lowb[1]},
                                      {TR(MEASURE_SETTLED), bars[2], "#e07b39", lowb[2]}};
        char title[160];
        snprintf(title, sizeof title, TR(REPORT_CHART_SETTLEMENT), r->county_name, y0, r->year);
        regint__svg_bars(&sb, r->lang, title, years, n, cs, 3);
        doc_svg(d, &sb);
    }

    /* Municipalities in the report year. */
    const regint_municipality_t **mm = NULL;
    size_t nm = 0;
    if (regint_dataset_municipalities_in(r->ds, r->year, r->fylkesnr, &mm, &nm) != REGINT_OK)
        return;
    int y5 = r->year - 4;
    doc_text(d, B_H, 3, TR(REPORT_MUNICIPALITIES_HEADING), r->year);
    int py = 0;
    int64_t pop;
    int have_pop = nm ? population_near(r, mm[0]->kommunenr, &py, &pop) : 0;
    table_begin(d, "lrrrrrr");
    cell(d, "%s", TR(REPORT_MUNICIPALITY));
    if (have_pop)
        cell(d, TR(REPORT_POPULATION_YEAR), py);
    else
        cell(d, "%s", TR(REPORT_POPULATION));
    cell(d, TR(REPORT_MEASURE_YEAR), TR(MEASURE_REQUEST), r->year);
    cell(d, TR(REPORT_MEASURE_YEAR), TR(MEASURE_DECISION), r->year);
    cell(d, TR(REPORT_MEASURE_YEAR), TR(MEASURE_SETTLED), r->year - 1);
    cell(d, TR(REPORT_SETTLED_YEARS), y5, r->year);
    cell(d, "%s", TR(REPORT_PER_1000));
    lower = 0;
    for (size_t i = 0; i < nm; i++) {
        const char *k = mm[i]->kommunenr;
        char c[64];
        cell(d, "%s %s", k, mm[i]->name);
        int64_t p = 0;
        regint_aggregate_t pa;
        int hp = have_pop && regint_kb_population_mapped(r->kb, k, r->year, py, &pa) == REGINT_OK &&
                 pa.value.missing == REGINT_MISSING_NONE;
        if (hp)
            p = llround(pa.value.value);
        if (hp) {
            fmt_num(r->lang, c, sizeof c, (double)p, 0);
            cell(d, "%s", c);
        } else {
            cell(d, "–");
        }
        regint_aggregate_t a;
        regint_status st = regint_kb_settlement(r->kb, k, r->year, r->year, REGINT_MEASURE_REQUEST, REGINT_CATEGORY_ALL, &a);
        fmt_count(r->lang, c, sizeof c, st, &a, &lower);
        cell(d, "%s", c);
        st = regint_kb_settlement(r->kb, k, r->year, r->year, REGINT_MEASURE_DECISION, REGINT_CATEGORY_ALL, &a);
        fmt_count(r->lang, c, sizeof c, st, &a, &lower);
        cell(d, "%s", c);
        st = regint_kb_settlement(r->kb, k, r->year, r->year - 1, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a);
        fmt_count(r->lang, c, sizeof c, st, &a, &lower);
        cell(d, "%s", c);
        /* Five-year sum: complete only if every year is complete. */
        double sum = 0;
        int complete = 1, any = 0;
        for (int y = y5; y <= r->year; y++) {
            st = regint_kb_settlement(r->kb, k, r->year, y, REGINT_MEASURE_SETTLED, REGINT_CATEGORY_ALL, &a);
            if (st != REGINT_OK)
                continue;
            any = 1;
            if (a.value.missing != REGINT_MISSING_NONE)
                complete = 0;
            if (!isnan(a.partial))
                sum += a.partial;
        }
        if (!any) {
            cell(d, "–");
            cell(d, "–");
        } else {
            fmt_num(r->lang, c, sizeof c, sum, fabs(sum - round(sum)) > 1e-9 ? 1 : 0);
            cell(d, "%s%s", complete ? "" : "≥" NBSP, c);
            if (!complete)
                lower = 1;
            if (hp && p > 0) {
                fmt_num(r->lang, c, sizeof c, sum / (double)p * 1000.0, 1);
                cell(d, "%s%s", complete ? "" : "≥" NBSP, c);
            } else {
                cell(d, "–");
            }
        }
    }
    table_end(d);
    regint_free(mm);
    doc_text(d, B_NOTE, 0, TR(REPORT_NOTE_PER_1000), y5, r->year, py, lower ? TR(REPORT_NOTE_PER_1000_LOWER) : "");
}

static void sdg_list(char *buf, size_t size, const char *targets)
{
    int goals[17];
    size_t ng = 0;
    buf[0] = '\0';
    if (regint_kb_sdg_goals(targets, goals, &ng) != REGINT_OK)
        return;
    size_t o = 0;
    for (size_t i = 0; i < ng && o + 8 < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%d", i ? ", " : "", goals[i]);
}

static void section_indicators(rctx *r)
{
    doc *d = &r->d;
    int ty = r->opt->trend_years >= 2 ? r->opt->trend_years : 5;
    doc_text(d, B_H, 2, "%s", TR(REPORT_INDICATORS_HEADING));
    doc_text(d, B_P, 0, TR(REPORT_INDICATORS_INTRO), ty, r->year);
    size_t ni = regint_dataset_indicator_count(r->ds);
    int lower = 0;
    table_begin(d, "llrrrrrl");
    cell(d, "%s", TR(REPORT_INDICATOR));
    cell(d, "%s", TR(REPORT_YEAR));
    cell(d, "%s", r->county_name);
    cell(d, "%s", TR(REPORT_CHANGE));
    cell(d, "%s", TR(REPORT_TREND));
    cell(d, "%s", TR(REPORT_RANK));
    cell(d, "%s", TR(NATION));
    cell(d, "%s", TR(REPORT_SDG));
    typedef struct chart_item {
        const regint_indicator_t *ind;
        int last;
    } chart_item;
    chart_item *charts = regint__calloc(ni ? ni : 1, sizeof *charts);
    size_t ncharts = 0;
    for (size_t i = 0; i < ni; i++) {
        const regint_indicator_t *ind = regint_dataset_indicator_at(r->ds, i);
        regint_kb_series_result *s = NULL;
        if (regint_kb_series(r->kb, ind->id, r->fylkesnr, r->year, "", 0, r->year, &s) != REGINT_OK)
            continue;
        int last = 0;
        for (size_t k = s->n; k-- > 0;)
            if (s->values[k].value.missing == REGINT_MISSING_NONE) {
                last = s->years[k];
                break;
            }
        size_t npresent = 0;
        for (size_t k = 0; k < s->n; k++)
            npresent += s->values[k].value.missing == REGINT_MISSING_NONE;
        regint_kb_series_result_free(s);
        char sdg[64];
        sdg_list(sdg, sizeof sdg, ind->sdg_targets);
        const char *iname = regint__tr_indicator(r->lang, ind->id, ind->name_nb, ind->name_en);
        if (!last) {
            cell(d, "%s", iname);
            cell(d, "–");
            cell(d, "\x01nodata\x02%s", TR(REPORT_NO_FIGURES));
            cell(d, "–");
            cell(d, "–");
            cell(d, "–");
            cell(d, "–");
            cell(d, "%s", sdg);
            continue;
        }
        regint_indicator_summary_t sm;
        if (regint_kb_summarize(r->kb, ind->id, r->fylkesnr, r->year, last, "", ty, &sm) != REGINT_OK)
            continue;
        unitfmt u = unit_of(r->lang, ind);
        char v[64], ch[64], tr[64], na[64];
        fmt_value(r->lang, v, sizeof v, sm.value.value, u, 0);
        if (sm.value.value.missing != REGINT_MISSING_NONE && !isnan(sm.value.partial) &&
            regint_kb_indicator_aggregation(ind) == REGINT_AGGREGATE_SUM) {
            char pv[48];
            fmt_num(r->lang, pv, sizeof pv, sm.value.partial * u.scale, u.dec);
            snprintf(v, sizeof v, "≥" NBSP "%s%s", pv, u.suffix);
            lower = 1;
        }
        /* A change in a share or a percentage is in percentage points, not per cent. */
        char pp[48];
        snprintf(pp, sizeof pp, NBSP "%s", TR(REPORT_PERCENTAGE_POINTS));
        unitfmt uc = u;
        if (u.suffix[0])
            uc.suffix = pp;
        fmt_value(r->lang, ch, sizeof ch, sm.change, uc, 1);
        regint_value_t tv = {sm.trend.slope, isnan(sm.trend.slope) ? REGINT_MISSING_UNKNOWN : REGINT_MISSING_NONE};
        unitfmt ut = uc;
        ut.dec = u.dec + 1;
        fmt_value(r->lang, tr, sizeof tr, tv, ut, 1);
        fmt_value(r->lang, na, sizeof na, sm.nation, u, 0);
        if (sm.nation.missing != REGINT_MISSING_NONE) {
            regint_aggregate_t an;
            if (regint_kb_value(r->kb, ind->id, "00", r->year, last, "", &an) == REGINT_OK && !isnan(an.partial) &&
                regint_kb_indicator_aggregation(ind) == REGINT_AGGREGATE_SUM) {
                char pv[48];
                fmt_num(r->lang, pv, sizeof pv, an.partial * u.scale, u.dec);
                snprintf(na, sizeof na, "≥" NBSP "%s%s", pv, u.suffix);
                lower = 1;
            }
        }
        cell(d, "%s", iname);
        cell(d, "%d", last);
        cell(d, "%s%s", sm.value.direct ? "" : "", v);
        cell(d, "%s", ch);
        if (isnan(sm.trend.slope))
            cell(d, "–");
        else
            cell(d, TR(REPORT_TREND_POINTS), tr, sm.trend.points);
        if (sm.rank)
            cell(d, TR(REPORT_RANK_OF), sm.rank, sm.rank_of);
        else
            cell(d, "–");
        cell(d, "%s", na);
        cell(d, "%s", sdg);
        if (npresent >= 2 && charts)
            charts[ncharts++] = (chart_item){ind, last};
    }
    table_end(d);
    if (lower)
        doc_text(d, B_NOTE, 0, "%s", TR(REPORT_NOTE_INDICATOR_LOWER));
    for (size_t c = 0; r->opt->charts && c < ncharts; c++) {
        const regint_indicator_t *ind = charts[c].ind;
        int first = charts[c].last - 14;
        regint_kb_series_result *sc = NULL, *sn = NULL;
        if (regint_kb_series(r->kb, ind->id, r->fylkesnr, r->year, "", first, charts[c].last, &sc) != REGINT_OK)
            continue;
        regint_kb_series(r->kb, ind->id, "00", r->year, "", first, charts[c].last, &sn);
        int years[32];
        double vc[32], vn[32];
        size_t n = 0;
        unitfmt u = unit_of(r->lang, ind);
        for (int y = first; y <= charts[c].last && n < 32; y++) {
            regint_value_t a = regint_kb_series_at(sc, y), b = regint_kb_series_at(sn, y);
            /* Leading years without any value are left out; later gaps stay as gaps. */
            if (n == 0 && a.missing != REGINT_MISSING_NONE && b.missing != REGINT_MISSING_NONE)
                continue;
            years[n] = y;
            vc[n] = a.missing == REGINT_MISSING_NONE ? a.value * u.scale : NAN;
            vn[n] = b.missing == REGINT_MISSING_NONE ? b.value * u.scale : NAN;
            n++;
        }
        regint_kb_series_result_free(sc);
        regint_kb_series_result_free(sn);
        regint__sb sb = {0};
        regint__chart_series cs[2] = {{r->county_name, vc, "#1f5f8b", NULL}, {TR(NATION), vn, "#e07b39", NULL}};
        /* Counts of a county and of the nation do not share a scale: county only. */
        int rate = regint_kb_indicator_aggregation(ind) == REGINT_AGGREGATE_MEAN;
        char title[256];
        snprintf(title, sizeof title, "%s (%s)", regint__tr_indicator(r->lang, ind->id, ind->name_nb, ind->name_en),
                 strcmp(ind->unit, "share") == 0 || strcmp(ind->unit, "percent") == 0 ? TR(UNIT_PERCENT)
                 : strcmp(ind->unit, "persons") == 0 ? TR(UNIT_PERSONS) : ind->unit);
        regint__svg_lines(&sb, r->lang, title, years, n, cs, rate && sn ? 2 : 1, NULL);
        doc_svg(d, &sb);
    }
    free(charts);
}

/* The status of a plan indicator in words, and its HTML class. */
static const char *progress_text(regint_lang lang, regint_progress p, char *cls)
{
    switch (p) {
    case REGINT_PROGRESS_ON_TRACK: strcpy(cls, "ok"); return regint__tr(lang, REGINT__MSG_PROGRESS_ON_TRACK);
    case REGINT_PROGRESS_BEHIND: strcpy(cls, "behind"); return regint__tr(lang, REGINT__MSG_PROGRESS_BEHIND);
    case REGINT_PROGRESS_ACHIEVED: strcpy(cls, "achieved"); return regint__tr(lang, REGINT__MSG_PROGRESS_ACHIEVED);
    case REGINT_PROGRESS_NO_DATA: break;
    }
    strcpy(cls, "nodata");
    return regint__tr(lang, REGINT__MSG_PROGRESS_NO_DATA);
}

static void section_plan_one(rctx *r, const regint_plan *plan)
{
    doc *d = &r->d;
    const regint_plan_info_t *pi = regint_plan_info(plan);
    doc_text(d, B_H, 3, TR(REPORT_PLAN_PERIOD), pi->title, pi->first_year, pi->last_year);
    if (pi->example)
        doc_text(d, B_NOTE, 0, "%s", TR(REPORT_PLAN_EXAMPLE));
    if (pi->note && *pi->note)
        doc_text(d, B_P, 0, "%s", pi->note);
    table_with_head(d, "lll", (const char *const[]){TR(REPORT_GOAL), TR(REPORT_DESCRIPTION), TR(REPORT_SDG)});
    for (size_t i = 0; i < regint_plan_goal_count(plan); i++) {
        const regint_plan_goal_t *g = regint_plan_goal_at(plan, i);
        cell(d, "%s %s", g->id, g->title);
        cell(d, "%s", g->description);
        cell(d, "%s", g->sdg_targets);
    }
    table_end(d);
    if (regint_plan_measure_count(plan)) {
        doc_text(d, B_H, 4, "%s", TR(REPORT_MEASURES));
        table_with_head(d, "llllr", (const char *const[]){TR(REPORT_MEASURE), TR(REPORT_GOAL), TR(REPORT_RESPONSIBLE),
                                                          TR(REPORT_ORGNR), TR(REPORT_PERIOD)});
        for (size_t i = 0; i < regint_plan_measure_count(plan); i++) {
            const regint_plan_measure_t *m = regint_plan_measure_at(plan, i);
            cell(d, "%s %s", m->id, m->title);
            cell(d, "%s", m->goal);
            cell(d, "%s", *m->partner_name ? m->partner_name : "–");
            cell(d, "%s", *m->partner_orgnr ? m->partner_orgnr : "–");
            cell(d, "%d–%d", m->start_year, m->end_year);
        }
        table_end(d);
    }
    if (regint_plan_indicator_count(plan)) {
        doc_text(d, B_H, 4, "%s", TR(REPORT_ATTAINMENT));
        table_with_head(d, "lllrrrrl",
                        (const char *const[]){TR(REPORT_GOAL), TR(REPORT_INDICATOR), TR(REPORT_AREA),
                                              TR(REPORT_BASELINE), TR(REPORT_TARGET), TR(REPORT_LATEST),
                                              TR(REPORT_EXPECTED), TR(REPORT_STATUS)});
        for (size_t i = 0; i < regint_plan_indicator_count(plan); i++) {
            const regint_plan_indicator_t *in = regint_plan_indicator_at(plan, i);
            const regint_indicator_t *ind = NULL;
            regint_dataset_indicator(r->ds, in->indicator, &ind);
            unitfmt u = unit_of(r->lang, ind);
            regint_plan_progress_t pr;
            regint_status st = regint_plan_progress(plan, i, r->kb, r->year, &pr);
            char b[64], t[64], v[64], e[64], cls[16];
            regint_value_t bv = {in->baseline, REGINT_MISSING_NONE}, tv = {in->target, REGINT_MISSING_NONE};
            fmt_value(r->lang, b, sizeof b, bv, u, 0);
            fmt_value(r->lang, t, sizeof t, tv, u, 0);
            cell(d, "%s", in->goal);
            cell(d, "%s", ind ? regint__tr_indicator(r->lang, ind->id, ind->name_nb, ind->name_en) : in->indicator);
            cell(d, "%s", *in->area ? in->area : pi->fylkesnr);
            cell(d, "%s (%d)", b, in->baseline_year);
            cell(d, "%s (%d)", t, in->target_year);
            if (st != REGINT_OK || pr.status == REGINT_PROGRESS_NO_DATA) {
                cell(d, "%s", st != REGINT_OK ? TR(REPORT_UNKNOWN_INDICATOR)
                              : pr.latest_missing ? missing_text(r->lang, pr.latest_missing) : "–");
                cell(d, "–");
                char nf[96];
                snprintf(nf, sizeof nf, TR(REPORT_NO_FIGURES_AFTER), in->baseline_year);
                cell(d, "\x01nodata\x02%s", nf);
                continue;
            }
            regint_value_t vv = {pr.value, REGINT_MISSING_NONE}, ev = {pr.expected, REGINT_MISSING_NONE};
            fmt_value(r->lang, v, sizeof v, vv, u, 0);
            fmt_value(r->lang, e, sizeof e, ev, u, 0);
            const char *s = progress_text(r->lang, pr.status, cls);
            cell(d, "%s (%d)", v, pr.year);
            cell(d, "%s", e);
            cell(d, "\x01%s\x02%s", cls, s);
        }
        table_end(d);
        doc_text(d, B_NOTE, 0, "%s", TR(REPORT_NOTE_PROGRESS));
    }
}

static void section_plans(rctx *r, const regint_plan **plans, size_t np)
{
    doc *d = &r->d;
    doc_text(d, B_H, 2, "%s", TR(REPORT_PLAN_HEADING));
    if (np == 0) {
        doc_text(d, B_P, 0, TR(REPORT_PLAN_NONE), r->county_name);
        return;
    }
    for (size_t i = 0; i < np; i++)
        section_plan_one(r, plans[i]);
}

/* 1 if the SDG targets `targets` (e.g. "4.4,8.5") name a target of `goal`. */
static int tags_goal(const char *targets, int goal)
{
    int g[17];
    size_t ng = 0;
    if (regint_kb_sdg_goals(targets, g, &ng) != REGINT_OK)
        return 0;
    for (size_t k = 0; k < ng; k++)
        if (g[k] == goal)
            return 1;
    return 0;
}

static void section_sdg(rctx *r, const regint_plan **plans, size_t np)
{
    doc *d = &r->d;
    doc_text(d, B_H, 2, "%s", TR(REPORT_SDG));
    doc_text(d, B_P, 0, "%s", TR(REPORT_SDG_INTRO));
    int relevant[18] = {0};
    static const int always[] = {1, 3, 4, 5, 8, 10, 11};
    for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
        relevant[always[i]] = 1;
    size_t ni = regint_dataset_indicator_count(r->ds);
    for (size_t i = 0; i < ni; i++) {
        int g[17];
        size_t ng = 0;
        if (regint_kb_sdg_goals(regint_dataset_indicator_at(r->ds, i)->sdg_targets, g, &ng) == REGINT_OK)
            for (size_t k = 0; k < ng; k++)
                relevant[g[k]] = 1;
    }
    for (size_t p = 0; p < np; p++)
        for (size_t i = 0; i < regint_plan_goal_count(plans[p]); i++) {
            int g[17];
            size_t ng = 0;
            if (regint_kb_sdg_goals(regint_plan_goal_at(plans[p], i)->sdg_targets, g, &ng) == REGINT_OK)
                for (size_t k = 0; k < ng; k++)
                    relevant[g[k]] = 1;
        }
    table_with_head(d, "lll", (const char *const[]){TR(REPORT_SDG), TR(REPORT_SDG_INDICATORS), TR(REPORT_SDG_PLAN_GOALS)});
    for (int goal = 1; goal <= 17; goal++) {
        if (!relevant[goal])
            continue;
        regint__sb inds = {0}, pg = {0};
        for (size_t i = 0; i < ni; i++) {
            const regint_indicator_t *ind = regint_dataset_indicator_at(r->ds, i);
            if (tags_goal(ind->sdg_targets, goal))
                regint__sb_printf(&inds, "%s%s (%s)", inds.n ? "; " : "",
                                  regint__tr_indicator(r->lang, ind->id, ind->name_nb, ind->name_en), ind->sdg_targets);
        }
        for (size_t p = 0; p < np; p++)
            for (size_t i = 0; i < regint_plan_goal_count(plans[p]); i++) {
                const regint_plan_goal_t *pgoal = regint_plan_goal_at(plans[p], i);
                if (tags_goal(pgoal->sdg_targets, goal))
                    regint__sb_printf(&pg, "%s%s %s", pg.n ? "; " : "", pgoal->id, pgoal->title);
            }
        if (inds.oom || pg.oom)
            d->oom = 1;
        cell(d, "%d %s", goal, regint__tr_sdg(r->lang, goal));
        if (inds.n)
            cell(d, "%s", inds.s);
        else
            cell(d, "\x01nodata\x02%s", TR(REPORT_SDG_NO_INDICATOR));
        cell(d, "%s", pg.n ? pg.s : "–");
        free(inds.s);
        free(pg.s);
    }
    table_end(d);
}

static regint_status build(rctx *r)
{
    regint__error_state saved_error;
    regint__error_save(&saved_error);
    const regint_plan **plans = NULL;
    size_t np = 0;
    if (r->opt->plan) {
        regint_status st = regint_plan_check(r->opt->plan, r->ds);
        if (st)
            return st;
        plans = regint__calloc(1, sizeof *plans);
        if (!plans)
            return regint__enomem();
        plans[np++] = r->opt->plan;
    } else {
        size_t n = regint_plan_dataset_count(r->ds);
        plans = regint__calloc(n ? n : 1, sizeof *plans);
        if (!plans)
            return regint__enomem();
        for (size_t i = 0; i < n; i++) {
            const regint_plan *p = regint_plan_dataset_at(r->ds, i);
            if (strcmp(regint_plan_info(p)->fylkesnr, r->fylkesnr) == 0)
                plans[np++] = p;
        }
    }
    section_intro(r);
    section_settlement(r);
    section_indicators(r);
    section_plans(r, plans, np);
    section_sdg(r, plans, np);
    free(plans);
    regint__error_restore(&saved_error); /* probes leave no error */
    return r->d.oom ? regint__enomem() : REGINT_OK;
}

static regint_status prepare(const regint_dataset *ds, const char *fylkesnr, const regint_report_options *opt,
                             rctx *r)
{
    static const regint_report_options defaults = REGINT_REPORT_OPTIONS_INIT;
    if (!ds)
        return regint__error(REGINT_EINVAL, "report: the dataset must not be NULL");
    REGINT__OPTIONS_RESOLVE(opt, defaults, REGINT_REPORT_OPTIONS_VERSION, "regint_report_render");
    if (!regint_validate_fylkesnr_format(fylkesnr))
        return regint__error(REGINT_EINVAL, "report: county '%s': expected a fylkesnr (two digits)",
                             fylkesnr ? fylkesnr : "(null)");
    if (opt->history_years < 0 || opt->history_years > 60)
        return regint__error(REGINT_EINVAL, "report: history_years %d: expected 1..60 (0 = 10)", opt->history_years);
    /* `lang` is a member from version 2 on: an older caller's struct ends before it. */
    regint_lang lang = opt->version >= 2 ? opt->lang : REGINT_LANG_NB;
    if ((unsigned)lang >= REGINT_LANG_COUNT)
        return regint__error(REGINT_EINVAL, "report: language %d: expected %d (nb, bokmål), %d (nn, nynorsk) or %d "
                             "(en, English)", (int)lang, REGINT_LANG_NB, REGINT_LANG_NN, REGINT_LANG_EN);
    memset(r, 0, sizeof *r);
    r->lang = lang;
    r->ds = ds;
    r->opt = opt;
    r->fylkesnr = fylkesnr;
    r->year = opt->year;
    regint_status st;
    if (!r->year && (st = latest_settlement_year(ds, &r->year)))
        return st;
    const regint_county_t *c;
    if (regint_dataset_county(ds, fylkesnr, r->year, &c) != REGINT_OK) {
        /* Say when the code was valid, if ever. */
        size_t n = regint_dataset_county_count(ds);
        for (size_t i = 0; i < n; i++) {
            const regint_county_t *o = regint_dataset_county_at(ds, i);
            if (o && strcmp(o->fylkesnr, fylkesnr) == 0)
                return regint__error(REGINT_ENOTFOUND, "report: county %s (%s) does not exist in %d (valid %d–%d); "
                                     "give a year in that period", o->fylkesnr, o->name, r->year, o->valid_from,
                                     o->valid_to == REGINT_YEAR_OPEN ? 9999 : o->valid_to);
        }
        return regint__error(REGINT_ENOTFOUND, "report: no county '%s' in the dataset", fylkesnr);
    }
    r->county_name = c->name;
    return regint_kb_new(ds, &r->kb);
}

regint_status regint_report_render(const regint_dataset *ds, const char *fylkesnr, regint_report_format format,
                                   const regint_report_options *opt, char **out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "report: out must not be NULL");
    if (format != REGINT_REPORT_MARKDOWN && format != REGINT_REPORT_HTML)
        return regint__error(REGINT_EINVAL, "report: unknown format %d", (int)format);
    rctx r;
    regint_status st = prepare(ds, fylkesnr, opt, &r);
    if (st)
        return st;
    st = build(&r);
    regint__sb sb = {0};
    if (st == REGINT_OK) {
        if (format == REGINT_REPORT_MARKDOWN) {
            render_md(&r.d, &sb);
        } else {
            char title[160];
            snprintf(title, sizeof title, regint__tr(r.lang, REGINT__MSG_REPORT_HTML_TITLE), r.county_name, r.year);
            render_html(&r.d, &sb, title, r.lang);
        }
        if (sb.oom || !sb.s) {
            free(sb.s);
            st = regint__enomem();
        } else {
            *out = sb.s;
        }
    }
    doc_free(&r.d);
    regint_kb_free(r.kb);
    return st;
}

regint_status regint_report_write(const regint_dataset *ds, const char *fylkesnr, const char *dir,
                                  const regint_report_options *opt, char **md_path, char **html_path)
{
    if (!dir)
        return regint__error(REGINT_EINVAL, "report: directory must not be NULL");
    char *md = NULL, *html = NULL;
    regint_status st = regint_report_render(ds, fylkesnr, REGINT_REPORT_MARKDOWN, opt, &md);
    if (st == REGINT_OK)
        st = regint_report_render(ds, fylkesnr, REGINT_REPORT_HTML, opt, &html);
    if (st) {
        free(md);
        return st;
    }
    int year = opt ? opt->year : 0;
    if (!year)
        latest_settlement_year(ds, &year);
    size_t l = strlen(dir) + 64;
    char *pm = malloc(l), *ph = malloc(l);
    if (!pm || !ph) {
        st = regint__enomem();
    } else {
        /* bokmål keeps the names of 0.2 (fylke-39-2026.md); nynorsk and English get their code
         * (fylke-15-2026-nn.md), so the three languages can share a folder. */
        regint_lang lang = opt && opt->version >= 2 ? opt->lang : REGINT_LANG_NB;
        const char *sfx = lang == REGINT_LANG_NB ? "" : lang == REGINT_LANG_NN ? "-nn" : "-en";
        snprintf(pm, l, "%s/fylke-%s-%d%s.md", dir, fylkesnr, year, sfx);
        snprintf(ph, l, "%s/fylke-%s-%d%s.html", dir, fylkesnr, year, sfx);
        /* Both or neither: a failed .html must not leave a new .md beside an old .html. */
        st = regint__save_pair(pm, md, strlen(md), ph, html, strlen(html));
    }
    free(md);
    free(html);
    if (st == REGINT_OK && md_path) {
        *md_path = pm;
        pm = NULL;
    }
    if (st == REGINT_OK && html_path) {
        *html_path = ph;
        ph = NULL;
    }
    free(pm);
    free(ph);
    return st;
}

static const char *const format_names[REGINT_REPORT_FORMAT_COUNT] = {"markdown", "html"};

REGINT__ENUM_NAMES(regint_report_format, regint_report_format,
                   format_names, REGINT_REPORT_FORMAT_COUNT, "report format")

