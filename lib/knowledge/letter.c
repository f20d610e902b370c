/* The recommendation letter (issue 15): one walk through sections 1-9 writes Markdown and a
 * self-contained HTML page side by side, every text from the translation table (util/i18n.h).
 * The scenario range and the audit of sections 7-8 are computed here from plain calls of
 * regint_settlement_recommend() (totals -20 %..+20 %, each weight +-25 %); see docs/scenarios.md.
 * The recommendation of issue 14 gives the rest: the plan figure for year + 1 (section 2 and
 * the table), the profile's local decisions, capacities, exemptions and agreements with their
 * note and source (section 5) and the engine's flags (section 6, regint__row_flags(), in the
 * letter's language with the decision's own note). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "regint/apportion.h"
#include "regint/letter.h"
#include "regint/validate.h"
#include "regint/version.h"

#include "knowledge/allocation.h"
#include "settlement/settlement_internal.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/block.h"
#include "util/options.h"
#include "util/strbuf.h"

/* ---- the two documents ----------------------------------------------------------------- */

typedef struct doc {
    regint__sb md, html;
    regint_lang lang;
    int in_list;
} doc;

/* Inline text into HTML: escaped, with Markdown's **bold** and `code` as tags. */
static void html_inline(regint__sb *b, const char *s)
{
    int bold = 0, code = 0;
    char one[2] = {0, 0};
    for (const char *p = s; *p; p++) {
        if (p[0] == '*' && p[1] == '*' && !code) {
            regint__sb_puts(b, bold ? "</strong>" : "<strong>");
            bold = !bold;
            p++;
        } else if (*p == '`') {
            regint__sb_puts(b, code ? "</code>" : "<code>");
            code = !code;
        } else {
            one[0] = *p;
            regint__sb_escape(b, one);
        }
    }
    if (bold)
        regint__sb_puts(b, "</strong>");
    if (code)
        regint__sb_puts(b, "</code>");
}

/* A Markdown table cell: '|' escaped, line breaks as spaces. */
static void md_cell(regint__sb *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '|')
            regint__sb_puts(b, "\\|");
        else if (*p == '\n')
            regint__sb_puts(b, " ");
        else
            regint__sb_put(b, p, 1);
    }
}

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
static void csv_cell(regint__sb *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        regint__sb_puts(b, s);
        return;
    }
    regint__sb_puts(b, "\"");
    for (const char *p = s; *p; p++)
        regint__sb_puts(b, *p == '"' ? "\"\"" : (char[2]){*p, 0});
    regint__sb_puts(b, "\"");
}

static void end_list(doc *d)
{
    if (d->in_list) {
        regint__sb_puts(&d->md, "\n");
        regint__sb_puts(&d->html, "</ul>\n");
        d->in_list = 0;
    }
}

static void heading(doc *d, int level, const char *text)
{
    end_list(d);
    for (int i = 0; i < level; i++)
        regint__sb_puts(&d->md, "#");
    regint__sb_printf(&d->md, " %s\n\n", text);
    regint__sb_printf(&d->html, "<h%d>", level);
    html_inline(&d->html, text);
    regint__sb_printf(&d->html, "</h%d>\n", level);
}

static void vtext(regint__sb *b, const char *fmt, va_list ap)
{
    regint__sb_vprintf(b, fmt, ap);
}

/* One block of text (a paragraph, a list item) in both forms: the text is the table's format
 * `fmt` filled with `ap`; Markdown gets md_before + text + md_after, HTML open + text + close. */
static void vblock(doc *d, const char *md_before, const char *md_after, const char *open, const char *close,
                   const char *fmt, va_list ap)
{
    regint__sb t = {0};
    vtext(&t, fmt, ap);
    char *s = regint__sb_take(&t);
    if (s) {
        regint__sb_printf(&d->md, "%s%s%s", md_before, s, md_after);
        regint__sb_puts(&d->html, open);
        html_inline(&d->html, s);
        regint__sb_puts(&d->html, close);
    } else {
        d->md.oom = 1;
    }
    free(s);
}

/* A paragraph whose text is the table's format `fmt` filled with the arguments. */
static void para(doc *d, const char *fmt, ...)
{
    end_list(d);
    va_list ap;
    va_start(ap, fmt);
    vblock(d, "", "\n\n", "<p>", "</p>\n", fmt, ap);
    va_end(ap);
}

/* Lines kept together (the header block): Markdown hard breaks, one HTML paragraph. */
static void lines(doc *d, const char *const *l, size_t n)
{
    end_list(d);
    regint__sb_puts(&d->html, "<p class=\"head\">");
    for (size_t i = 0; i < n; i++) {
        regint__sb_printf(&d->md, "%s%s", l[i], i + 1 < n ? "  \n" : "\n\n");
        html_inline(&d->html, l[i]);
        if (i + 1 < n)
            regint__sb_puts(&d->html, "<br>\n");
    }
    regint__sb_puts(&d->html, "</p>\n");
}

static void item(doc *d, const char *fmt, ...)
{
    if (!d->in_list) {
        regint__sb_puts(&d->html, "<ul>\n");
        d->in_list = 1;
    }
    va_list ap;
    va_start(ap, fmt);
    vblock(d, "- ", "\n", "<li>", "</li>\n", fmt, ap);
    va_end(ap);
}

/* A table row; `align` has one letter per column: 'l' left, 'r' right (numbers), 'w' a wide
 * left column of running text (the reason); head = 1 for the header. */
static void row(doc *d, const char *const *cells, const char *align, int head, int strong)
{
    size_t n = strlen(align);
    end_list(d);
    if (head)
        regint__sb_puts(&d->html, "<table>\n<thead>");
    regint__sb_puts(&d->html, strong ? "<tr class=\"sum\">" : "<tr>");
    regint__sb_puts(&d->md, "|");
    for (size_t i = 0; i < n; i++) {
        regint__sb_puts(&d->md, " ");
        if (strong && *cells[i])
            regint__sb_puts(&d->md, "**");
        md_cell(&d->md, cells[i]);
        if (strong && *cells[i])
            regint__sb_puts(&d->md, "**");
        regint__sb_puts(&d->md, " |");
        regint__sb_printf(&d->html, "<%s%s>", head ? "th" : "td",
                          align[i] == 'r' ? " class=\"num\"" : align[i] == 'w' ? " class=\"wide\"" : "");
        regint__sb_escape(&d->html, cells[i]);
        regint__sb_printf(&d->html, "</%s>", head ? "th" : "td");
    }
    regint__sb_puts(&d->md, "\n");
    regint__sb_puts(&d->html, "</tr>\n");
    if (head) {
        regint__sb_puts(&d->md, "|");
        for (size_t i = 0; i < n; i++)
            regint__sb_puts(&d->md, align[i] == 'r' ? " ---: |" : " --- |");
        regint__sb_puts(&d->md, "\n");
        regint__sb_puts(&d->html, "</thead>\n<tbody>\n");
    }
}

static void table_end(doc *d)
{
    regint__sb_puts(&d->md, "\n");
    regint__sb_puts(&d->html, "</tbody>\n</table>\n");
}

/* The page around the letter: one inline style sheet, the system's fonts, nothing fetched. */
static const char html_style[] =
    "body{font-family:Georgia,'DejaVu Serif',serif;max-width:72rem;margin:2rem auto;padding:0 1.5rem;"
    "line-height:1.45;color:#1a1a1a}"
    "h1{font-size:1.45rem;margin-bottom:1.2rem}h2{font-size:1.15rem;margin-top:1.8rem;"
    "border-bottom:1px solid #bbb;padding-bottom:.2rem}"
    "p.head{margin-bottom:1.5rem}"
    "table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.86rem;"
    "font-family:'DejaVu Sans',Arial,sans-serif}"
    "th,td{border-bottom:1px solid #ddd;padding:.25rem .45rem;vertical-align:top;text-align:left}"
    "th{background:#f2f2f2;font-weight:600}th.num{text-align:right}td.num{text-align:right;white-space:nowrap}"
    "td:first-child{white-space:nowrap}td.wide,th.wide{min-width:18rem}"
    "tr.sum td{font-weight:700;border-top:2px solid #888}"
    "code{font-size:.85em;background:#f4f4f4;padding:0 .2em}"
    "@media print{body{margin:0;max-width:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}";

/* ---- figures ----------------------------------------------------------------------------- */

#define TR(id) regint__tr(L, REGINT__MSG_##id)

static const char *num(regint_lang L, double v, char *b, size_t n)
{
    return regint__i18n_number(L, v, 0, b, n);
}

static const char *value_text(regint_lang L, regint_value_t v, char *b, size_t n)
{
    if (v.missing == REGINT_MISSING_NONE)
        return num(L, v.value, b, n);
    if (v.missing == REGINT_MISSING_SUPPRESSED)
        return ":";
    if (v.missing == REGINT_MISSING_NO_DECISION)
        return "–";
    return "";
}

/* "1505 Kristiansund" */
static const char *mun_label(const regint_settlement_recommendation_row_t *r, char *b, size_t n)
{
    snprintf(b, n, "%s %s", r->kommunenr, r->name);
    return b;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The criterion's long name, its reason and the weight word (table entries for the default
 * profile's ids; another id is shown as it is, without a reason). */
static void criterion_words(regint_lang L, const char *id, const char **name, const char **why)
{
    static const struct {
        const char *id;
        regint__msg name, why;
    } c[] = {
        {"population", REGINT__MSG_CRITERION_POPULATION_LONG, REGINT__MSG_CRITERION_POPULATION_WHY},
        {"decisions", REGINT__MSG_CRITERION_DECISIONS_LONG, REGINT__MSG_CRITERION_DECISIONS_WHY},
        {"requests", REGINT__MSG_CRITERION_REQUESTS_LONG, REGINT__MSG_CRITERION_REQUESTS_WHY},
        {"settled", REGINT__MSG_CRITERION_SETTLED_LONG, REGINT__MSG_CRITERION_SETTLED_WHY},
        {"delivery_rate", REGINT__MSG_CRITERION_DELIVERY_RATE_LONG, REGINT__MSG_CRITERION_DELIVERY_RATE_WHY},
        {"secondary_inflow", REGINT__MSG_CRITERION_SECONDARY_INFLOW_LONG,
         REGINT__MSG_CRITERION_SECONDARY_INFLOW_WHY},
        {"unemployment", REGINT__MSG_CRITERION_UNEMPLOYMENT_LONG, REGINT__MSG_CRITERION_UNEMPLOYMENT_WHY},
        {"intro_results", REGINT__MSG_CRITERION_INTRO_RESULTS_LONG, REGINT__MSG_CRITERION_INTRO_RESULTS_WHY},
        {"spread", REGINT__MSG_CRITERION_SPREAD_LONG, REGINT__MSG_CRITERION_SPREAD_WHY},
        {"request_1", REGINT__MSG_CRITERION_REQUEST_1_LONG, REGINT__MSG_CRITERION_REQUEST_1_WHY},
        {"request_3", REGINT__MSG_CRITERION_REQUEST_3_LONG, REGINT__MSG_CRITERION_REQUEST_3_WHY},
        {"decision_1", REGINT__MSG_CRITERION_DECISION_1_LONG, REGINT__MSG_CRITERION_DECISION_1_WHY},
        {"settled_2", REGINT__MSG_CRITERION_SETTLED_2_LONG, REGINT__MSG_CRITERION_SETTLED_2_WHY},
    };
    *name = id;
    *why = "";
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (!strcmp(c[i].id, id)) {
            *name = regint__tr(L, c[i].name);
            *why = regint__tr(L, c[i].why);
        }
}

/* Variants for sections 7 and 8: totals from -20 % to +20 % in steps of 5 %, each weight
 * raised and lowered by 25 % (on the base total), then each alternative profile at the base
 * total. The totals and the weights come from one scored county (regint__sweep, the numbers of
 * a full run each); seats[v * n + k], score[v * n + k]. */
#define LETTER_TOTAL_STEPS 9
#define LETTER_WEIGHT_CHANGE 0.25
#define LETTER_MAX_DEPARTURES 20

typedef struct variants {
    size_t n, nv;      /* municipalities, variants run */
    int64_t *seats;    /* nv * n */
    double *score;     /* nv * n: the variant's scores (NAN for an alternative profile) */
    int *label;        /* nv: -1 - s for total step s; 2 * c + (sign > 0) for a weight; 1000 + a for profile a */
    int64_t totals[LETTER_TOTAL_STEPS];
    size_t nfailed;    /* variants the engine refused (e.g. a total below the hard lower bounds) */
    int house_fail;    /* someone loses when the total rises */
    size_t house_who;  /* the first one */
    int64_t house_from, house_to;
    size_t nalt;       /* alternative profiles */
    int *alt_ok;       /* nalt */
    int64_t *alt_seats;/* nalt * n */
    void *block;       /* the one allocation the five arrays above live in */
} variants;

static void variants_free(variants *v) { free(v->block); }

static regint_status run_variants(const regint_dataset *ds, const char *fylkesnr, int year, int64_t total,
                                  const regint_settlement_profile *prof, const regint_letter_options *opt, size_t n,
                                  variants *v)
{
    size_t nc = prof->ncrit, nalt = opt->alt_profiles ? opt->alt_profile_count : 0;
    size_t cap = LETTER_TOTAL_STEPS + 2 * nc + nalt;
    memset(v, 0, sizeof *v);
    v->n = n;
    v->nalt = nalt;
#define PART(m) REGINT__BLOCK_ARRAY(variants, m)
    static const regint__block_array parts[5] = {PART(seats), PART(score), PART(label), PART(alt_ok),
                                                 PART(alt_seats)};
#undef PART
    const size_t ns[5] = {cap * n + 1, cap * n + 1, cap + 1, nalt + 1, nalt * n + 1};
    v->block = regint__block_new_at(v, 5, ns, parts);
    double *mult = regint__calloc(nc + 1, sizeof *mult);
    if (!v->block || !mult) {
        free(mult);
        return regint__enomem();
    }
    regint__sweep *sw = NULL;
    regint_status st = regint__sweep_new(ds, fylkesnr, year, total, prof, &sw);
    if (st) {
        free(mult);
        return st;
    }
    if (regint__sweep_count(sw) != n) {
        regint__sweep_free(sw);
        free(mult);
        return regint__error(REGINT_EINVAL, "letter: the scenario sweep has %zu municipalities, the recommendation %zu",
                             regint__sweep_count(sw), n);
    }
    regint__error_state saved;
    regint__error_save(&saved);
    size_t prev = (size_t)-1;
    for (int s = 0; s < LETTER_TOTAL_STEPS; s++) {
        /* 0.80, 0.85, ... 1.20 of the total, rounded to whole persons */
        int64_t t = (int64_t)llround((double)total * (0.80 + 0.05 * s));
        v->totals[s] = t;
        if (regint__sweep_run(sw, t, NULL, v->seats + v->nv * n, v->score + v->nv * n) != REGINT_OK) {
            v->nfailed++;
            continue;
        }
        v->label[v->nv] = -1 - s;
        if (prev != (size_t)-1 && !v->house_fail)
            for (size_t k = 0; k < n; k++)
                if (v->seats[v->nv * n + k] < v->seats[prev * n + k]) {
                    v->house_fail = 1;
                    v->house_who = k;
                    v->house_from = v->totals[-1 - v->label[prev]];
                    v->house_to = t;
                    break;
                }
        prev = v->nv++;
    }
    for (size_t c = 0; c < nc; c++)
        for (int sign = -1; sign <= 1; sign += 2) {
            for (size_t j = 0; j < nc; j++)
                mult[j] = 1.0;
            mult[c] = 1.0 + sign * LETTER_WEIGHT_CHANGE;
            if (regint__sweep_run(sw, total, mult, v->seats + v->nv * n, v->score + v->nv * n) != REGINT_OK) {
                v->nfailed++;
                continue;
            }
            v->label[v->nv++] = (int)(2 * c) + (sign > 0);
        }
    regint__sweep_free(sw);
    free(mult);
    regint_settlement_recommend_options o = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    o.total = total;
    o.minors = 0;
    for (size_t a = 0; a < nalt; a++) {
        regint_settlement_recommendation *r = NULL;
        o.profile = opt->alt_profiles[a];
        if (o.profile && regint_settlement_recommend(ds, fylkesnr, year, &o, &r) == REGINT_OK &&
            regint_settlement_recommendation_count(r) == n) {
            for (size_t k = 0; k < n; k++) {
                v->seats[v->nv * n + k] = v->alt_seats[a * n + k] = regint_settlement_recommendation_row(r, k)->recommended;
                v->score[v->nv * n + k] = NAN;
            }
            v->alt_ok[a] = 1;
            v->label[v->nv++] = 1000 + (int)a;
        } else {
            v->nfailed++;
        }
        regint_settlement_recommendation_free(r);
    }
    regint__error_restore(&saved); /* a variant the engine refuses is counted, not an error */
    return REGINT_OK;
}

/* A variant's name in the JSON: "total 824", "population x0.75", "profile <name>". */
static void variant_name(regint__sb *b, const variants *v, const regint_settlement_profile *prof,
                         const regint_letter_options *opt, int label)
{
    if (label == -1000)
        regint__sb_puts(b, "base");
    else if (label < 0)
        regint__sb_printf(b, "total %lld", (long long)v->totals[-1 - label]);
    else if (label >= 1000)
        regint__sb_printf(b, "profile %s", regint_settlement_profile_name(opt->alt_profiles[label - 1000]));
    else
        regint__sb_printf(b, "%s x%.2f", prof->crit[label / 2].id, label % 2 ? 1.0 + LETTER_WEIGHT_CHANGE
                                                                             : 1.0 - LETTER_WEIGHT_CHANGE);
}

/* Population monotonicity (Balinski and Young) between the base run and the weight variants,
 * all at the base total: a departure is a pair (A, B), both asked, and two runs u -> v where
 * A's score grows relative to B's (sA(v) / sB(v) > sA(u) / sB(u)) but A loses a place and B
 * gains one. Appends up to LETTER_MAX_DEPARTURES to `json` and the first to `text` (names);
 * returns the number of departures. */
static size_t population_departures(const regint_settlement_recommendation *rec, const variants *v,
                                    const regint_settlement_profile *prof, const regint_letter_options *opt,
                                    regint__sb *json, regint__sb *text)
{
    size_t n = v->n, nrun = 1, count = 0;
    size_t *run = regint__calloc(v->nv + 1, sizeof *run); /* variant index + 1; 0 = the base */
    int64_t *bs = regint__calloc(n + 1, sizeof *bs);
    double *bsc = regint__calloc(n + 1, sizeof *bsc);
    if (!run || !bs || !bsc) {
        free(run);
        free(bs);
        free(bsc);
        json->oom = 1;
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        bs[k] = regint_settlement_recommendation_row(rec, k)->recommended;
        bsc[k] = regint_settlement_recommendation_row(rec, k)->score;
    }
    for (size_t i = 0; i < v->nv; i++)
        if (v->label[i] >= 0 && v->label[i] < 1000)
            run[nrun++] = i + 1;
    for (size_t a = 0; a < nrun; a++)
        for (size_t b = 0; b < nrun; b++) {
            if (a == b)
                continue;
            const int64_t *nu = run[a] ? v->seats + (run[a] - 1) * n : bs, *nv = run[b] ? v->seats + (run[b] - 1) * n : bs;
            const double *su = run[a] ? v->score + (run[a] - 1) * n : bsc, *sv = run[b] ? v->score + (run[b] - 1) * n : bsc;
            for (size_t x = 0; x < n; x++) {
                if (!(nv[x] < nu[x]) || !(su[x] > 0) || !(sv[x] > 0))
                    continue;
                for (size_t y = 0; y < n; y++) {
                    if (y == x || !(nv[y] > nu[y]) || !(su[y] > 0) || !(sv[y] > 0))
                        continue;
                    /* A = x grew relative to B = y (beyond rounding of the scores) */
                    if (sv[x] * su[y] <= su[x] * sv[y] * (1 + 1e-12))
                        continue;
                    if (count < LETTER_MAX_DEPARTURES) {
                        regint__sb_printf(json, "%s{\"a\":", count ? "," : "");
                        regint__sb_json_string(json, regint_settlement_recommendation_row(rec, x)->kommunenr);
                        regint__sb_puts(json, ",\"b\":");
                        regint__sb_json_string(json, regint_settlement_recommendation_row(rec, y)->kommunenr);
                        regint__sb_puts(json, ",\"from\":\"");
                        variant_name(json, v, prof, opt, run[a] ? v->label[run[a] - 1] : -1000);
                        regint__sb_puts(json, "\",\"to\":\"");
                        variant_name(json, v, prof, opt, run[b] ? v->label[run[b] - 1] : -1000);
                        regint__sb_printf(json, "\",\"a_from\":%lld,\"a_to\":%lld,\"b_from\":%lld,\"b_to\":%lld}",
                                          (long long)nu[x], (long long)nv[x], (long long)nu[y], (long long)nv[y]);
                    }
                    if (count == 0)
                        regint__sb_printf(text, "%s / %s", regint_settlement_recommendation_row(rec, x)->name,
                                          regint_settlement_recommendation_row(rec, y)->name);
                    count++;
                }
            }
        }
    free(run);
    free(bs);
    free(bsc);
    return count;
}

/* The rule that breaks a tie: the apportionment method's name. */
static const char *method_rule_text(regint_lang L, const regint_settlement_profile *prof)
{
    switch (prof->method) {
    case REGINT_APPORTION_SAINTE_LAGUE:
    case REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        return TR(METHOD_SAINTE_LAGUE);
    case REGINT_APPORTION_DHONDT:
        return TR(METHOD_DHONDT);
    case REGINT_APPORTION_HAMILTON:
        return TR(METHOD_HAMILTON);
    default: /* the other divisor methods have no entry in the table: their stable name */
        return regint_apportion_method_name((regint_apportion_method)prof->method);
    }
}

/* Where a flag's figure comes from: the profile entry's note and source ("kommunestyresak
 * 45/2026; Holmestrand kommune"), the profile's name when it gives neither, "IMDi" for a
 * decision in the data. */
static const char *flag_why(const regint__local *e, const regint_settlement_profile *prof, char *b, size_t n)
{
    if (!e)
        snprintf(b, n, "IMDi");
    else if (*e->note && *e->source)
        snprintf(b, n, "%s; %s", e->note, e->source);
    else
        snprintf(b, n, "%s", *e->note ? e->note : *e->source ? e->source : regint_settlement_profile_name(prof));
    return b;
}

/* Section 5's table of what bounds the calculation, in the order of the rows: the profile's
 * local entries of `year` (decision, capacity, exemption, agreement) and its hard upper bounds,
 * each with its source and note, and with "decisions_in_data": "bound" the councils' decisions
 * for the year in the data. Writes the table (header included) when `d` is not NULL; returns
 * the number of rows either way. */
static size_t section5_rows(doc *d, regint_lang L, const regint_settlement_profile *prof,
                            const regint_settlement_recommendation *rec, int year)
{
    static const regint__msg basis[] = {
        [REGINT__LOCAL_DECISION] = REGINT__MSG_LETTER_BASIS_DECISION,
        [REGINT__LOCAL_CAPACITY] = REGINT__MSG_LETTER_BASIS_CAPACITY,
        [REGINT__LOCAL_EXEMPTION] = REGINT__MSG_LETTER_BASIS_EXEMPTION,
        [REGINT__LOCAL_AGREEMENT] = REGINT__MSG_LETTER_BASIS_AGREEMENT,
    };
    const char *pname = regint_settlement_profile_name(prof);
    char lab[256], b1[64], b2[64], c6[64];
    size_t cnt = 0;
    if (d) {
        snprintf(c6, sizeof c6, TR(LETTER_COL_RECOMMENDED), year);
        const char *hd[] = {TR(LETTER_COL_MUNICIPALITY), TR(LETTER_COL_BASIS), TR(LETTER_COL_FIGURE),
                            TR(LETTER_COL_SOURCE), TR(LETTER_COL_NOTE), c6};
        row(d, hd, "llrllr", 1, 0);
    }
    for (size_t k = 0; k < regint_settlement_recommendation_count(rec); k++) {
        const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
        const char *name = mun_label(r, lab, sizeof lab), *recd = num(L, (double)r->recommended, b2, sizeof b2);
        int own_decision = 0;
        for (size_t i = 0; i < prof->nlocal; i++) {
            const regint__local *e = &prof->local[i];
            if (e->year != year || strcmp(e->kommunenr, r->kommunenr) != 0)
                continue;
            own_decision |= e->kind == REGINT__LOCAL_DECISION;
            cnt++;
            if (d) {
                const char *c[] = {name, regint__tr(L, basis[e->kind]), num(L, (double)e->value, b1, sizeof b1),
                                   *e->source ? e->source : pname, e->note, recd};
                row(d, c, "llrllr", 0, 0);
            }
        }
        for (size_t i = 0; i < prof->nbounds; i++) {
            const regint__bound *bd = &prof->bounds[i];
            if (bd->upper < 0 || strcmp(bd->kommunenr, r->kommunenr) != 0)
                continue;
            cnt++;
            if (d) {
                const char *c[] = {name, TR(LETTER_BASIS_CAPACITY), num(L, (double)bd->upper, b1, sizeof b1), pname,
                                   bd->note ? bd->note : "", recd};
                row(d, c, "llrllr", 0, 0);
            }
        }
        if (prof->data_decisions && !own_decision && r->actual_decision.missing == REGINT_MISSING_NONE) {
            cnt++;
            if (d) {
                const char *c[] = {name, TR(LETTER_BASIS_DECISION), num(L, r->actual_decision.value, b1, sizeof b1),
                                   "IMDi", "", recd};
                row(d, c, "llrllr", 0, 0);
            }
        }
    }
    return cnt;
}

/* The engine's notes on the whole result (English sentences, each written with a NOTE_ format
 * of the table and ending in ". ") in the letter's language: each sentence is put back through
 * the table (regint__tr_back()); one the table does not know is quoted as it is. The count of
 * flagged municipalities is left out: section 6 lists them. */
static void notes_in_lang(regint_lang L, const char *note, regint__sb *out)
{
    char sentence[2048], tr[2048];
    for (const char *p = note; p && *p;) {
        const char *e = strstr(p, ". ");
        size_t len = e ? (size_t)(e - p) + 2 : strlen(p);
        if (len >= sizeof sentence)
            len = sizeof sentence - 1;
        memcpy(sentence, p, len);
        sentence[len] = '\0';
        p += len;
        regint__msg id = regint__tr_back(L, REGINT__MSG_NOTE_CRITERION_NOT_IN_CATALOGUE, REGINT__MSG_NOTE_FLAGS_MANY,
                                         sentence, tr, sizeof tr);
        /* flagged municipalities: section 6; the fitted weights and their years: section 3 */
        if (id == REGINT__MSG_NOTE_FLAGS_ONE || id == REGINT__MSG_NOTE_FLAGS_MANY ||
            id == REGINT__MSG_NOTE_FITTED_WEIGHTS || id == REGINT__MSG_NOTE_FITTED_NONE ||
            id == REGINT__MSG_NOTE_FITTED_TOTAL)
            continue;
        size_t tl = strlen(tr);
        while (tl && tr[tl - 1] == ' ')
            tr[--tl] = '\0';
        if (!tl)
            continue;
        if (tr[0] >= 'a' && tr[0] <= 'z')
            tr[0] = (char)(tr[0] - 'a' + 'A');
        if (out->n)
            regint__sb_puts(out, " ");
        if (id == REGINT__MSG_COUNT) /* not in the table: the English text, quoted as data */
            regint__sb_printf(out, L == REGINT_LANG_EN ? "“%s”" : "«%s»", tr);
        else
            regint__sb_puts(out, tr);
    }
}

/* ---- the letter -------------------------------------------------------------------------- */

static regint_status parse_date(const char *s, int *y, int *m, int *d)
{
    if (!s) {
        time_t now = time(NULL);
        struct tm tm;
        if (!gmtime_r(&now, &tm))
            return regint__error(REGINT_EINVAL, "letter: no clock");
        *y = tm.tm_year + 1900;
        *m = tm.tm_mon + 1;
        *d = tm.tm_mday;
        return REGINT_OK;
    }
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) != 3 || *m < 1 || *m > 12 || *d < 1 ||
        *d > 31)
        return regint__error(REGINT_EINVAL, "letter: date '%s': expected YYYY-MM-DD", s);
    return REGINT_OK;
}

/* What a call wants besides the letter (each NULL when not wanted): the figures of sections 7
 * and 8 as JSON (regint_letter_scenario_json(), regint_letter_audit_json()), the scenario as
 * CSV, and the Markdown of section 7 or 8 alone (the _text() calls). */
typedef struct outputs {
    regint__sb *sj, *sc, *aj, *st, *at;
} outputs;

/* The allocation audited (opt->allocation): a CSV file's numbers by kommunenr. */
typedef struct allocation {
    regint__allocation_row *rows;
    size_t n;
    int64_t sum;
} allocation;

static int64_t allocation_of(const allocation *a, const char *kommunenr)
{
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->rows[i].kommunenr, kommunenr))
            return a->rows[i].value;
    return 0;
}

static regint_status build(const regint_dataset *ds, const char *fylkesnr, int year, const regint_letter_options *opt,
                           char **markdown, char **html, const outputs *want)
{
    static const outputs none = {NULL, NULL, NULL, NULL, NULL};
    if (!want)
        want = &none;
    regint__sb *sj = want->sj, *aj = want->aj;
    regint_letter_options o = REGINT_LETTER_OPTIONS_INIT;
    if (opt) {
        regint_status vst = regint__check_options_version(opt->version, REGINT_LETTER_OPTIONS_VERSION,
                                                          "regint_letter_write");
        if (vst)
            return vst;
        /* fields are only appended: a version-1 caller's struct ends before `allocation` */
        memcpy(&o, opt, opt->version == 1 ? offsetof(regint_letter_options, allocation) : sizeof o);
        o.version = REGINT_LETTER_OPTIONS_VERSION;
    }
    opt = &o;
    regint_status st;
    if (!ds || !fylkesnr || (!markdown && !html && !sj && !aj && !want->sc && !want->st && !want->at))
        return regint__error(REGINT_EINVAL, "regint_letter_write: NULL argument");
    if ((unsigned)opt->lang >= REGINT_LANG_COUNT)
        return regint__error(REGINT_EINVAL, "regint_letter_write: language %d out of range", (int)opt->lang);
    if (!(opt->max_per_1000 >= 0) || isinf(opt->max_per_1000))
        return regint__error(REGINT_EINVAL, "regint_letter_write: max_per_1000 %g: expected a number >= 0 (0 = not checked)",
                             opt->max_per_1000);
    for (size_t a = 0; opt->alt_profiles && a < opt->alt_profile_count; a++)
        if (!opt->alt_profiles[a])
            return regint__error(REGINT_EINVAL, "regint_letter_write: alt_profiles[%zu] is NULL", a);
    const regint_lang L = opt->lang;
    int dy, dm, dd;
    if ((st = parse_date(opt->date, &dy, &dm, &dd)))
        return st;

    /* An allocation CSV is read first: without a total, its sum is the total. */
    allocation alloc = {NULL, 0, 0};
    int imdi = opt->allocation && !strcmp(opt->allocation, "imdi");
    if (opt->allocation && !imdi) {
        const regint_county_t *cty;
        if (regint_validate_fylkesnr_format(fylkesnr) && regint_dataset_county(ds, fylkesnr, year, &cty) == REGINT_OK &&
            (st = regint__allocation_read(ds, opt->allocation, fylkesnr, year,
                                          opt->total == REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS ? -1 : opt->total,
                                          &alloc.rows, &alloc.n, &alloc.sum)))
            return st;
    }

    regint_settlement_profile *own = NULL;
    const regint_settlement_profile *prof = opt->profile;
    if (!prof) {
        if ((st = regint_settlement_profile_default(&own))) {
            free(alloc.rows);
            return st;
        }
        prof = own;
    }
    regint_settlement_recommend_options ro = REGINT_SETTLEMENT_RECOMMEND_OPTIONS_INIT;
    ro.total = opt->total == REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS && alloc.rows ? alloc.sum : opt->total;
    ro.profile = prof;
    regint_settlement_recommendation *rec = NULL;
    int64_t *audited = NULL;
    variants var;
    memset(&var, 0, sizeof var);
    doc d;
    memset(&d, 0, sizeof d);
    d.lang = L;
    if ((st = regint_settlement_recommend(ds, fylkesnr, year, &ro, &rec)))
        goto out;
    size_t n = regint_settlement_recommendation_count(rec);
    int64_t total = regint_settlement_recommendation_total(rec);
    int64_t minors = regint_settlement_recommendation_minors(rec);
    const char *county = regint_settlement_recommendation_county_name(rec);
    if ((st = run_variants(ds, fylkesnr, year, total, prof, opt, n, &var)))
        goto out;
    /* The numbers audited in section 8: the recommendation's, IMDi's requests or the CSV's. */
    if (!(audited = regint__calloc(n + 1, sizeof *audited))) {
        st = regint__enomem();
        goto out;
    }
    {
        int64_t asum = 0;
        for (size_t k = 0; k < n; k++) {
            const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
            audited[k] = alloc.rows ? allocation_of(&alloc, r->kommunenr)
                         : imdi     ? (r->actual_request.missing == REGINT_MISSING_NONE ? llround(r->actual_request.value) : 0)
                                    : r->recommended;
            asum += audited[k];
        }
        if (imdi && asum != total) {
            st = regint__error(REGINT_EINVAL,
                               "audit: allocation 'imdi': IMDi's requests to county %s for %d sum to %lld, not the total %lld; "
                               "allowed: no total (the requests' sum) or a total equal to it",
                               fylkesnr, year, (long long)asum, (long long)total);
            goto out;
        }
    }

    char b1[64], b2[64], b3[64], b4[64], b5[64], lab[256];
    /* 1. header and background */
    {
        char title[512];
        snprintf(title, sizeof title, TR(LETTER_TITLE), county, year);
        regint__sb_printf(&d.html,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          regint_lang_name(L));
        regint__sb_escape(&d.html, title);
        regint__sb_printf(&d.html, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_style);
        heading(&d, 1, title);
        char from[256], date[128], subj[512], datebuf[64];
        snprintf(from, sizeof from, TR(LETTER_FROM), county);
        snprintf(date, sizeof date, TR(LETTER_DATE), regint__i18n_date(L, dy, dm, dd, datebuf, sizeof datebuf));
        snprintf(subj, sizeof subj, TR(LETTER_SUBJECT), year);
        const char *hl[] = {TR(LETTER_TO), from, date, subj};
        lines(&d, hl, 4);
    }
    heading(&d, 2, TR(LETTER_H_BACKGROUND));
    para(&d, "%s", TR(LETTER_BACKGROUND));
    if (opt->national_need > 0)
        para(&d, TR(LETTER_NEED), num(L, (double)opt->national_need, b1, sizeof b1), year,
             num(L, (double)total, b2, sizeof b2), county, num(L, (double)minors, b3, sizeof b3));
    else
        para(&d, TR(LETTER_TOTAL), year, num(L, (double)total, b2, sizeof b2), num(L, (double)minors, b3, sizeof b3),
             opt->total == REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS ? TR(LETTER_TOTAL_FROM_IMDI) : TR(LETTER_TOTAL_GIVEN));

    /* 2. recommendation */
    size_t asked = 0;
    for (size_t k = 0; k < n; k++)
        asked += regint_settlement_recommendation_row(rec, k)->asked ? 1 : 0;
    heading(&d, 2, TR(LETTER_H_RECOMMENDATION));
    para(&d, TR(LETTER_RECOMMENDATION), county, num(L, (double)total, b1, sizeof b1), year,
         num(L, (double)minors, b2, sizeof b2));
    para(&d, TR(LETTER_ASKED), num(L, (double)asked, b1, sizeof b1), num(L, (double)n, b2, sizeof b2));
    const int plan_year = regint_settlement_recommendation_plan_year(rec);
    para(&d, TR(LETTER_PLAN), plan_year, num(L, (double)regint_settlement_recommendation_plan_total(rec), b1, sizeof b1),
         year);

    /* 3. criteria and weights in words */
    heading(&d, 2, TR(LETTER_H_CRITERIA));
    para(&d, "%s", TR(LETTER_CRITERIA));
    {
        const char *h[] = {TR(LETTER_COL_CRITERION), TR(LETTER_COL_WEIGHT), TR(LETTER_COL_WHY)};
        row(&d, h, "lrl", 1, 0);
        size_t nc = regint_settlement_recommendation_criterion_count(rec);
        double wmax = 0;
        for (size_t c = 0; c < nc; c++)
            wmax = fmax(wmax, regint_settlement_recommendation_criterion_weight(rec, c));
        for (size_t c = 0; c < nc; c++) {
            double w = regint_settlement_recommendation_criterion_weight(rec, c);
            const char *name, *why;
            criterion_words(L, regint_settlement_recommendation_criterion_id(rec, c), &name, &why);
            /* Words for the weight: the largest "weighs most"; then >= 15 %, >= 5 %, below, and
             * "not used" for a weight that rounds to 0 %. */
            const char *word = w >= wmax - 1e-12 ? TR(WEIGHT_HEAVIEST)
                               : w >= 0.15       ? TR(WEIGHT_LARGE)
                               : w >= 0.05       ? TR(WEIGHT_SOME)
                               : w >= 0.005      ? TR(WEIGHT_SMALL)
                                                 : TR(WEIGHT_NONE);
            char cell[128];
            snprintf(cell, sizeof cell, TR(WEIGHT_CELL), regint__i18n_percent(L, w, 0, b1, sizeof b1), word);
            const char *c3[] = {name, cell, why};
            row(&d, c3, "lrl", 0, 0);
        }
        table_end(&d);
        if (regint_settlement_recommendation_weights_fitted(rec) && regint_settlement_recommendation_fitted_count(rec))
            para(&d, TR(LETTER_FITTED), regint_settlement_recommendation_fitted_from(rec),
                 regint_settlement_recommendation_fitted_to(rec),
                 num(L, (double)regint_settlement_recommendation_fitted_count(rec), b1, sizeof b1));
        const char *method = method_rule_text(L, prof);
        /* Divisor methods are house monotone; the largest remainder method is not. */
        int monotone = prof->method != REGINT_APPORTION_HAMILTON;
        regint__sb t = {0};
        regint__sb_printf(&t, TR(LETTER_METHOD), method, num(L, (double)total, b1, sizeof b1));
        if (monotone && rec->fit_on_total)
        {
            regint__sb_puts(&t, " ");
            regint__sb_printf(&t, TR(LETTER_METHOD_MONOTONE_FITTED), year);
        }
        else
            regint__sb_printf(&t, " %s", monotone ? TR(LETTER_METHOD_MONOTONE) : TR(LETTER_METHOD_NOT_MONOTONE));
        char *s = regint__sb_take(&t);
        para(&d, "%s", s ? s : "");
        free(s);
        if (prof->minimum > 0 && prof->exclude_pop_below > 0)
            para(&d, TR(LETTER_MINIMUM), num(L, (double)prof->minimum, b1, sizeof b1),
                 num(L, (double)prof->exclude_pop_below, b2, sizeof b2),
                 num(L, (double)prof->keep_if_settled_within, b3, sizeof b3));
    }

    /* 4. the table of every municipality */
    int prev = year - 1, h = REGINT_SETTLEMENT_HISTORY_YEARS - 1;
    heading(&d, 2, TR(LETTER_H_TABLE));
    {
        char c1[64], c3[64], c4[64], c5[64], c6[64], b6[64];
        snprintf(c1, sizeof c1, TR(LETTER_COL_RECOMMENDED), year);
        snprintf(c3, sizeof c3, TR(LETTER_COL_PLAN), plan_year);
        snprintf(c4, sizeof c4, TR(LETTER_COL_REQUEST), prev);
        snprintf(c5, sizeof c5, TR(LETTER_COL_DECISION), prev);
        snprintf(c6, sizeof c6, TR(LETTER_COL_SETTLED), prev);
        const char *hd[] = {TR(LETTER_COL_MUNICIPALITY), c1, TR(LETTER_COL_MINORS), c3, c4, c5, c6,
                            TR(LETTER_COL_REASON)};
        row(&d, hd, "lrrrrrrw", 1, 0);
        int64_t plan_sum = 0;
        for (size_t k = 0; k < n; k++) {
            const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
            plan_sum += r->plan;
            const char *c[] = {mun_label(r, lab, sizeof lab), num(L, (double)r->recommended, b1, sizeof b1),
                               num(L, (double)r->minors, b2, sizeof b2), num(L, (double)r->plan, b6, sizeof b6),
                               value_text(L, r->request[h], b3, sizeof b3),
                               value_text(L, r->decision[h], b4, sizeof b4),
                               value_text(L, r->settled[h], b5, sizeof b5),
                               regint_settlement_recommendation_reason(rec, k, L)};
            row(&d, c, "lrrrrrrw", 0, 0);
        }
        const char *t[] = {TR(LETTER_ROW_TOTAL), num(L, (double)total, b1, sizeof b1),
                           num(L, (double)minors, b2, sizeof b2), num(L, (double)plan_sum, b6, sizeof b6),
                           "", "", "", ""};
        row(&d, t, "lrrrrrrw", 0, 1);
        table_end(&d);
        para(&d, TR(LETTER_TABLE_LEGEND), prev);
    }

    /* 5. the municipalities' own decisions and stated capacities: what bounds the calculation
     * (section5_rows()), then the councils' decisions for the year in the data for comparison
     * when they are not bounds. */
    heading(&d, 2, TR(LETTER_H_LOCAL));
    {
        size_t nb = section5_rows(NULL, L, prof, rec, year);
        size_t ndec = 0;
        for (size_t k = 0; k < n; k++)
            ndec += regint_settlement_recommendation_row(rec, k)->actual_decision.missing == REGINT_MISSING_NONE;
        if (prof->data_decisions)
            ndec = 0; /* they are bounds, listed above */
        if (!nb && !ndec)
            para(&d, TR(LETTER_LOCAL_NONE), year);
        if (nb) {
            para(&d, TR(LETTER_LOCAL), year);
            section5_rows(&d, L, prof, rec, year);
            table_end(&d);
        }
        if (ndec) {
            /* The councils' decisions for the year as IMDi publishes them: shown, not used as
             * bounds (the engine reads only earlier years unless the profile says so). */
            char c6[64];
            snprintf(c6, sizeof c6, TR(LETTER_COL_RECOMMENDED), year);
            const char *hd[] = {TR(LETTER_COL_MUNICIPALITY), TR(LETTER_COL_BASIS), TR(LETTER_COL_FIGURE),
                                TR(LETTER_COL_SOURCE), c6};
            para(&d, TR(LETTER_CAVEAT_CURRENT_YEAR), year);
            row(&d, hd, "llrlr", 1, 0);
            for (size_t k = 0; k < n; k++) {
                const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
                if (r->actual_decision.missing != REGINT_MISSING_NONE)
                    continue;
                const char *c[] = {mun_label(r, lab, sizeof lab), TR(LETTER_BASIS_DECISION),
                                   num(L, r->actual_decision.value, b1, sizeof b1), "IMDi",
                                   num(L, (double)r->recommended, b2, sizeof b2)};
                row(&d, c, "llrlr", 0, 0);
            }
            table_end(&d);
        }
    }

    /* 6. departures from the municipalities' own decisions and stated capacities: the engine's
     * flags (regint__row_flags(), the same list as the rows' English `flag`) in the letter's
     * language, each with the decision's own note and source; and those not asked although
     * their council has decided to settle. */
    heading(&d, 2, TR(LETTER_H_FLAGS));
    {
        size_t nf = 0;
        for (size_t k = 0; k < n; k++) {
            const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
            if (!r->asked && r->actual_decision.missing == REGINT_MISSING_NONE && r->actual_decision.value > 0) {
                item(&d, TR(LETTER_FLAG_NOT_ASKED_DECIDED), r->name, num(L, r->actual_decision.value, b1, sizeof b1),
                     "IMDi");
                nf++;
            }
            regint__row_flag f[REGINT__ROW_FLAGS_MAX];
            size_t m = regint__row_flags(prof, r, year, f);
            for (size_t i = 0; i < m; i++, nf++) {
                char why[2 * 1024 + 8];
                flag_why(f[i].entry, prof, why, sizeof why);
                int64_t diff = r->recommended > f[i].figure ? r->recommended - f[i].figure : f[i].figure - r->recommended;
                const char *rs = num(L, (double)r->recommended, b1, sizeof b1), *dfs = num(L, (double)diff, b2, sizeof b2),
                           *fs = num(L, (double)f[i].figure, b3, sizeof b3);
                switch (f[i].kind) {
                case REGINT__FLAG_DECISION:
                case REGINT__FLAG_DATA_DECISION:
                    item(&d, r->recommended > f[i].figure ? TR(LETTER_FLAG_ABOVE_DECISION) : TR(LETTER_FLAG_BELOW_DECISION),
                         r->name, rs, dfs, fs, why);
                    break;
                case REGINT__FLAG_CAPACITY:
                    item(&d, TR(LETTER_FLAG_ABOVE_CAPACITY), r->name, rs, dfs, fs, why);
                    break;
                case REGINT__FLAG_AGREEMENT:
                    item(&d, TR(LETTER_FLAG_BELOW_AGREEMENT), r->name, rs, dfs, fs, why);
                    break;
                case REGINT__FLAG_DECIDED_ZERO:
                    item(&d, TR(LETTER_FLAG_DECIDED_ZERO), r->name, rs, f[i].year, why);
                    break;
                }
            }
        }
        if (!nf)
            para(&d, "%s", TR(LETTER_FLAGS_NONE));
        end_list(&d);
    }

    /* 7. scenario range (the text output of `regint scenario` is this section's Markdown) */
    size_t md7 = d.md.n;
    heading(&d, 2, TR(LETTER_H_SCENARIOS));
    size_t stable = 0;
    {
        regint__sb *sc = want->sc;
        size_t nalt = var.nalt;
        /* the alternative profiles are named only when there are any (NO_ALT leaves the last
         * argument unused) */
        para(&d, nalt ? TR(LETTER_SCENARIOS) : TR(LETTER_SCENARIOS_NO_ALT), num(L, (double)var.nv, b1, sizeof b1),
             num(L, (double)var.totals[0], b2, sizeof b2), num(L, (double)var.totals[LETTER_TOTAL_STEPS - 1], b3, sizeof b3),
             regint__i18n_percent(L, LETTER_WEIGHT_CHANGE, 0, b4, sizeof b4), num(L, (double)nalt, b5, sizeof b5));
        char c1[64], align[16 + 64];
        snprintf(c1, sizeof c1, TR(LETTER_COL_RECOMMENDED), year);
        /* one more column per alternative profile: its number at the base total */
        const char **hd = regint__calloc(6 + nalt, sizeof *hd), **c = regint__calloc(6 + nalt, sizeof *c);
        char (*pc)[64] = regint__calloc(nalt + 1, sizeof *pc);
        int64_t *col = regint__calloc(var.nv + 1, sizeof *col);
        if (!hd || !c || !pc || !col) {
            free(hd);
            free(c);
            free(pc);
            free(col);
            st = regint__enomem();
            goto out;
        }
        const char *h6[] = {TR(LETTER_COL_MUNICIPALITY), c1, TR(LETTER_COL_MIN), TR(LETTER_COL_MEDIAN),
                            TR(LETTER_COL_MAX), TR(LETTER_COL_ON_BOUND)};
        memcpy(hd, h6, sizeof h6);
        snprintf(align, sizeof align, "lrrrrr");
        for (size_t a = 0; a < nalt && a < 64; a++) {
            hd[6 + a] = regint_settlement_profile_name(opt->alt_profiles[a]);
            strcat(align, "r");
        }
        row(&d, hd, align, 1, 0);
        if (sj) {
            regint__sb_printf(sj, "{\"fylkesnr\":\"%s\",\"year\":%d,\"total\":%lld,\"variants\":%zu,\"failed\":%zu,"
                                  "\"weight_change\":%g,\"totals\":[",
                              fylkesnr, year, (long long)total, var.nv, var.nfailed, LETTER_WEIGHT_CHANGE);
            for (int t = 0; t < LETTER_TOTAL_STEPS; t++)
                regint__sb_printf(sj, "%s%lld", t ? "," : "", (long long)var.totals[t]);
            regint__sb_puts(sj, "],\"profiles\":[");
            for (size_t a = 0; a < nalt; a++) {
                regint__sb_printf(sj, "%s{\"name\":", a ? "," : "");
                regint__sb_json_string(sj, regint_settlement_profile_name(opt->alt_profiles[a]));
                regint__sb_printf(sj, ",\"ok\":%s}", var.alt_ok[a] ? "true" : "false");
            }
            regint__sb_puts(sj, "],\"municipalities\":[");
        }
        if (sc) {
            regint__sb_puts(sc, "kommunenr,name,asked,recommended,min,median,max,on_bound_share,stability");
            for (size_t a = 0; a < nalt; a++) {
                char ph[256];
                snprintf(ph, sizeof ph, "profile:%s", regint_settlement_profile_name(opt->alt_profiles[a]));
                regint__sb_puts(sc, ",");
                csv_cell(sc, ph);
            }
            regint__sb_puts(sc, "\n");
        }
        for (size_t k = 0; k < n; k++) {
            const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
            size_t on = 0, nv = var.nv;
            for (size_t v = 0; v < nv; v++) {
                col[v] = var.seats[v * n + k];
                on += r->asked && (col[v] == r->lower || (r->upper != INT64_MAX && col[v] == r->upper));
            }
            if (nv == 0) { /* every variant refused: the base run alone */
                col[0] = r->recommended;
                nv = 1;
            }
            qsort(col, nv, sizeof *col, cmp_i64);
            double med = nv % 2 ? (double)col[nv / 2] : ((double)col[nv / 2 - 1] + (double)col[nv / 2]) / 2;
            double share = var.nv ? (double)on / (double)var.nv : 0;
            /* stability: 1 - (max - min) / recommended (1 = the same in every variant) */
            double stab = r->recommended > 0 ? 1.0 - (double)(col[nv - 1] - col[0]) / (double)r->recommended
                                             : (col[0] == col[nv - 1] ? 1.0 : 0.0);
            stable += col[0] == col[nv - 1];
            char m[64];
            const char *c6[] = {mun_label(r, lab, sizeof lab), num(L, (double)r->recommended, b1, sizeof b1),
                                num(L, (double)col[0], b2, sizeof b2),
                                regint__i18n_number(L, med, med == floor(med) ? 0 : 1, m, sizeof m),
                                num(L, (double)col[nv - 1], b3, sizeof b3), regint__i18n_percent(L, share, 0, b4, sizeof b4)};
            memcpy(c, c6, sizeof c6);
            for (size_t a = 0; a < nalt && a < 64; a++)
                c[6 + a] = var.alt_ok[a] ? num(L, (double)var.alt_seats[a * n + k], pc[a], sizeof pc[a]) : "–";
            row(&d, c, align, 0, 0);
            if (sj) {
                regint__sb_printf(sj, "%s{\"kommunenr\":", k ? "," : "");
                regint__sb_json_string(sj, r->kommunenr);
                regint__sb_puts(sj, ",\"name\":");
                regint__sb_json_string(sj, r->name);
                regint__sb_printf(sj, ",\"asked\":%s,\"recommended\":%lld,\"min\":%lld,\"median\":", r->asked ? "true" : "false",
                                  (long long)r->recommended, (long long)col[0]);
                regint__sb_double(sj, med);
                regint__sb_printf(sj, ",\"max\":%lld,\"on_bound_share\":", (long long)col[nv - 1]);
                regint__sb_double(sj, share);
                regint__sb_puts(sj, ",\"stability\":");
                regint__sb_double(sj, stab);
                if (nalt) {
                    regint__sb_puts(sj, ",\"profiles\":[");
                    for (size_t a = 0; a < nalt; a++) {
                        if (var.alt_ok[a])
                            regint__sb_printf(sj, "%s%lld", a ? "," : "", (long long)var.alt_seats[a * n + k]);
                        else
                            regint__sb_printf(sj, "%snull", a ? "," : "");
                    }
                    regint__sb_puts(sj, "]");
                }
                regint__sb_puts(sj, "}");
            }
            if (sc) {
                regint__sb_printf(sc, "%s,", r->kommunenr);
                csv_cell(sc, r->name);
                regint__sb_printf(sc, ",%s,%lld,%lld,", r->asked ? "true" : "false", (long long)r->recommended,
                                  (long long)col[0]);
                regint__sb_double(sc, med);
                regint__sb_printf(sc, ",%lld,", (long long)col[nv - 1]);
                regint__sb_double(sc, share);
                regint__sb_puts(sc, ",");
                regint__sb_double(sc, stab);
                for (size_t a = 0; a < nalt; a++)
                    if (var.alt_ok[a])
                        regint__sb_printf(sc, ",%lld", (long long)var.alt_seats[a * n + k]);
                    else
                        regint__sb_puts(sc, ",");
                regint__sb_puts(sc, "\n");
            }
        }
        if (sj)
            regint__sb_printf(sj, "],\"stable\":%zu}\n", stable + 0);
        free(hd);
        free(c);
        free(pc);
        free(col);
        table_end(&d);
        para(&d, TR(LETTER_SCENARIOS_STABLE), num(L, (double)stable, b1, sizeof b1), num(L, (double)n, b2, sizeof b2));
    }
    if (want->st)
        regint__sb_put(want->st, d.md.s ? d.md.s + md7 : "", d.md.n - md7);

    /* 8. audit of `audited` (the text output of `regint audit` is this section's Markdown) */
    size_t md8 = d.md.n;
    heading(&d, 2, TR(LETTER_H_AUDIT));
    {
        regint__sb floor_names = {0}, floor_json = {0}, pop_json = {0}, pop_text = {0};
        size_t nfloor = 0, npop = population_departures(rec, &var, prof, opt, &pop_json, &pop_text);
        regint__sb quota_names = {0}, bound_names = {0}, tie_text = {0}, quota_json = {0}, bound_json = {0},
                   tie_json = {0};
        size_t nquota = 0, nbound = 0, more = 0, fewer = 0, same = 0;
        double pmin = INFINITY, pmax = -INFINITY, *rate = regint__calloc(n + 1, sizeof *rate);
        size_t nrate = 0, imin = 0, imax = 0;
        if (!rate) {
            st = regint__enomem();
            goto out;
        }
        for (size_t k = 0; k < n; k++) {
            const regint_settlement_recommendation_row_t *r = regint_settlement_recommendation_row(rec, k);
            int64_t got = audited[k];
            if (!r->asked && got == 0)
                continue;
            int at_bound = got == r->lower || (r->upper != INT64_MAX && got == r->upper);
            int outside = (double)got < floor(r->quota) - 1e-9 || (double)got > ceil(r->quota) + 1e-9;
            if (outside && at_bound) {
                regint__sb_printf(&bound_names, "%s%s", nbound ? ", " : "", r->name);
                regint__sb_printf(&bound_json, "%s{\"kommunenr\":\"%s\",\"recommended\":%lld,\"lower\":%lld,\"quota\":",
                                  nbound++ ? "," : "", r->kommunenr, (long long)got, (long long)r->lower);
                regint__sb_double(&bound_json, r->quota);
                regint__sb_puts(&bound_json, "}");
            } else if (outside) {
                regint__sb_printf(&quota_names, "%s%s", nquota ? ", " : "", r->name);
                regint__sb_printf(&quota_json, "%s{\"kommunenr\":\"%s\",\"recommended\":%lld,\"quota\":",
                                  nquota++ ? "," : "", r->kommunenr, (long long)got);
                regint__sb_double(&quota_json, r->quota);
                regint__sb_puts(&quota_json, "}");
            }
            if (!isnan(r->population) && r->population > 0) {
                double pc = 1000.0 * (double)got / r->population;
                /* the fairness floor: above it only with a decision of its own at least as high */
                int decided = r->actual_decision.missing == REGINT_MISSING_NONE && r->actual_decision.value >= (double)got;
                if (opt->max_per_1000 > 0 && pc > opt->max_per_1000 + 1e-9 && !decided) {
                    regint__sb_printf(&floor_names, "%s%s (%s)", nfloor ? ", " : "", r->name,
                                      regint__i18n_number(L, pc, 1, b1, sizeof b1));
                    regint__sb_printf(&floor_json, "%s{\"kommunenr\":\"%s\",\"allocated\":%lld,\"per_1000\":", nfloor++ ? "," : "",
                                      r->kommunenr, (long long)got);
                    regint__sb_double(&floor_json, pc);
                    regint__sb_puts(&floor_json, ",\"decision\":");
                    if (r->actual_decision.missing == REGINT_MISSING_NONE)
                        regint__sb_double(&floor_json, r->actual_decision.value);
                    else
                        regint__sb_puts(&floor_json, "null");
                    regint__sb_puts(&floor_json, "}");
                }
                rate[nrate++] = pc;
                if (pc < pmin) {
                    pmin = pc;
                    imin = k;
                }
                if (pc > pmax) {
                    pmax = pc;
                    imax = k;
                }
            }
            if (r->request[h].missing == REGINT_MISSING_NONE) {
                int64_t q = (int64_t)llround(r->request[h].value);
                more += got > q;
                fewer += got < q;
                same += got == q;
            }
            /* A tie: two municipalities with the same ideal share whose numbers differ (the
             * rounding decided between them). Reported, never silently broken. */
            for (size_t j = k + 1; j < n; j++) {
                const regint_settlement_recommendation_row_t *s = regint_settlement_recommendation_row(rec, j);
                if (s->asked && r->asked && fabs(s->quota - r->quota) < 1e-9 && audited[j] != got) {
                    regint__sb_printf(&tie_json, "%s[\"%s\",\"%s\"]", tie_json.n ? "," : "", r->kommunenr, s->kommunenr);
                    regint__sb_printf(&tie_text, TR(LETTER_AUDIT_TIE), r->name, s->name,
                                      audited[j] > got ? s->name : r->name, method_rule_text(L, prof));
                }
            }
        }
        /* Gini of the per-1,000 figures (mean absolute difference / 2 mean), unweighted. */
        double gini = 0, mean = 0;
        for (size_t i = 0; i < nrate; i++)
            mean += rate[i];
        mean = nrate ? mean / (double)nrate : 0;
        for (size_t i = 0; i < nrate; i++)
            for (size_t j = 0; j < nrate; j++)
                gini += fabs(rate[i] - rate[j]);
        gini = nrate && mean > 0 ? gini / (2.0 * (double)nrate * (double)nrate * mean) : 0;
        free(rate);
        int pass = nquota == 0 && !var.house_fail && tie_text.n == 0 && nfloor == 0 && npop == 0;
        if (imdi)
            para(&d, TR(LETTER_AUDIT_ALLOCATION_IMDI), year);
        else if (alloc.rows) {
            char q[1024];
            snprintf(q, sizeof q, "`%s`", opt->allocation);
            para(&d, TR(LETTER_AUDIT_ALLOCATION_FILE), q);
        }
        para(&d, "**%s**", pass ? TR(LETTER_AUDIT_PASS) : TR(LETTER_AUDIT_FAIL));
        const char *hd[] = {TR(LETTER_COL_CHECK), TR(LETTER_COL_RESULT)};
        row(&d, hd, "ll", 1, 0);
        char *qn = regint__sb_take(&quota_names), *bn = regint__sb_take(&bound_names), *tt = regint__sb_take(&tie_text);
        char cell[2048];
        if (nquota)
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_QUOTA_FAIL), num(L, (double)nquota, b1, sizeof b1), qn ? qn : "");
        else
            snprintf(cell, sizeof cell, "%s", TR(LETTER_AUDIT_QUOTA_OK));
        const char *c[2] = {cell, nquota ? TR(LETTER_AUDIT_DEPARTURE) : TR(LETTER_AUDIT_OK)};
        row(&d, c, "ll", 0, 0);
        if (var.house_fail)
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_HOUSE_FAIL),
                     regint_settlement_recommendation_row(rec, var.house_who)->name,
                     (snprintf(lab, sizeof lab, "%s → %s", num(L, (double)var.house_from, b1, sizeof b1),
                               num(L, (double)var.house_to, b2, sizeof b2)),
                      lab));
        else
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_HOUSE_OK), num(L, (double)var.totals[0], b1, sizeof b1),
                     num(L, (double)var.totals[LETTER_TOTAL_STEPS - 1], b2, sizeof b2));
        c[1] = var.house_fail ? TR(LETTER_AUDIT_DEPARTURE) : TR(LETTER_AUDIT_OK);
        row(&d, c, "ll", 0, 0);
        {
            char *pt = regint__sb_take(&pop_text);
            if (npop)
                snprintf(cell, sizeof cell, TR(LETTER_AUDIT_POPULATION_FAIL), pt ? pt : "");
            else
                snprintf(cell, sizeof cell, "%s", TR(LETTER_AUDIT_POPULATION_OK));
            free(pt);
            c[1] = npop ? TR(LETTER_AUDIT_DEPARTURE) : TR(LETTER_AUDIT_OK);
            row(&d, c, "ll", 0, 0);
        }
        if (opt->max_per_1000 > 0) {
            char *fn = regint__sb_take(&floor_names);
            char lim[64];
            regint__i18n_number(L, opt->max_per_1000, opt->max_per_1000 == floor(opt->max_per_1000) ? 0 : 1, lim, sizeof lim);
            if (nfloor)
                snprintf(cell, sizeof cell, TR(LETTER_AUDIT_FLOOR_FAIL), fn ? fn : "", lim);
            else
                snprintf(cell, sizeof cell, TR(LETTER_AUDIT_FLOOR_OK), lim);
            free(fn);
            c[1] = nfloor ? TR(LETTER_AUDIT_DEPARTURE) : TR(LETTER_AUDIT_OK);
            row(&d, c, "ll", 0, 0);
        }
        snprintf(cell, sizeof cell, "%s", tt && *tt ? tt : TR(LETTER_AUDIT_TIES_NONE));
        c[1] = tt && *tt ? TR(LETTER_AUDIT_DEPARTURE) : TR(LETTER_AUDIT_OK);
        row(&d, c, "ll", 0, 0);
        if (nrate) {
            char g[32];
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_SPREAD), regint__i18n_number(L, pmin, 1, b1, sizeof b1),
                     regint_settlement_recommendation_row(rec, imin)->name, regint__i18n_number(L, pmax, 1, b2, sizeof b2),
                     regint_settlement_recommendation_row(rec, imax)->name, regint__i18n_number(L, gini, 2, g, sizeof g));
            c[1] = TR(LETTER_AUDIT_INFO);
            row(&d, c, "ll", 0, 0);
        }
        if (nbound) {
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_BOUNDS), bn ? bn : "");
            c[1] = TR(LETTER_AUDIT_INFO);
            row(&d, c, "ll", 0, 0);
        }
        if (more + fewer + same) {
            snprintf(cell, sizeof cell, TR(LETTER_AUDIT_LAST_YEAR), prev, num(L, (double)more, b1, sizeof b1),
                     num(L, (double)fewer, b2, sizeof b2), num(L, (double)same, b3, sizeof b3));
            c[1] = TR(LETTER_AUDIT_INFO);
            row(&d, c, "ll", 0, 0);
        }
        table_end(&d);
        if (aj) {
            char *qj = regint__sb_take(&quota_json), *bj = regint__sb_take(&bound_json), *tj = regint__sb_take(&tie_json);
            regint__sb_printf(aj, "{\"fylkesnr\":\"%s\",\"year\":%d,\"total\":%lld,\"allocation\":", fylkesnr, year,
                              (long long)total);
            regint__sb_json_string(aj, alloc.rows ? opt->allocation : imdi ? "imdi" : "recommendation");
            regint__sb_printf(aj, ",\"pass\":%s,\"house_monotone\":%s,", pass ? "true" : "false",
                              var.house_fail ? "false" : "true");
            char *pj = regint__sb_take(&pop_json);
            regint__sb_printf(aj, "\"population_monotone\":%s,\"population_departures\":[%s],\"population_departure_count\":%zu,",
                              npop ? "false" : "true", pj ? pj : "", npop);
            free(pj);
            if (opt->max_per_1000 > 0) {
                char *fj = regint__sb_take(&floor_json);
                regint__sb_puts(aj, "\"max_per_1000\":{\"limit\":");
                regint__sb_double(aj, opt->max_per_1000);
                regint__sb_printf(aj, ",\"pass\":%s,\"above\":[%s]},", nfloor ? "false" : "true", fj ? fj : "");
                free(fj);
            }
            regint__sb_printf(aj, "\"house_totals\":[%lld,%lld],", (long long)var.totals[0],
                              (long long)var.totals[LETTER_TOTAL_STEPS - 1]);
            if (var.house_fail)
                regint__sb_printf(aj, "\"house_departure\":{\"kommunenr\":\"%s\",\"from\":%lld,\"to\":%lld},",
                                  regint_settlement_recommendation_row(rec, var.house_who)->kommunenr,
                                  (long long)var.house_from, (long long)var.house_to);
            regint__sb_printf(aj, "\"quota_violations\":[%s],\"binding_bounds\":[%s],\"ties\":[%s],", qj ? qj : "",
                              bj ? bj : "", tj ? tj : "");
            if (nrate) {
                regint__sb_printf(aj, "\"per_1000\":{\"min\":");
                regint__sb_double(aj, pmin);
                regint__sb_printf(aj, ",\"min_kommunenr\":\"%s\",\"max\":", regint_settlement_recommendation_row(rec, imin)->kommunenr);
                regint__sb_double(aj, pmax);
                regint__sb_printf(aj, ",\"max_kommunenr\":\"%s\",\"gini\":", regint_settlement_recommendation_row(rec, imax)->kommunenr);
                regint__sb_double(aj, gini);
                regint__sb_puts(aj, "},");
            }
            regint__sb_printf(aj, "\"last_year\":{\"year\":%d,\"more\":%zu,\"fewer\":%zu,\"same\":%zu}}\n", prev, more,
                              fewer, same);
            free(qj);
            free(bj);
            free(tj);
        } else {
            regint__sb_free(&quota_json);
            regint__sb_free(&bound_json);
            regint__sb_free(&tie_json);
        }
        free(qn);
        free(bn);
        free(tt);
        regint__sb_free(&floor_names);
        regint__sb_free(&floor_json);
        regint__sb_free(&pop_json);
        regint__sb_free(&pop_text);
    }
    if (want->at)
        regint__sb_put(want->at, d.md.s ? d.md.s + md8 : "", d.md.n - md8);

    /* 9. caveats */
    heading(&d, 2, TR(LETTER_H_CAVEATS));
    {
        if (year - REGINT_SETTLEMENT_HISTORY_YEARS <= 2023 && 2023 <= year - 1)
            item(&d, "%s", TR(LETTER_CAVEAT_2023));
        item(&d, "%s", TR(LETTER_CAVEAT_SUPPRESSED));
        /* The population year: the latest figure at or before the year (as the engine reads it). */
        int py = 0;
        const regint_settlement_recommendation_row_t *r0 = regint_settlement_recommendation_row(rec, 0);
        for (int t = year; r0 && t >= year - 15 && !py; t--) {
            int64_t p;
            if (regint_dataset_population(ds, r0->kommunenr, t, &p) == REGINT_OK)
                py = t;
        }
        if (py)
            item(&d, TR(LETTER_CAVEAT_POPULATION), py);
        /* the year's own requests and decisions: said in section 5, with their table */
        item(&d, "%s", TR(LETTER_CAVEAT_SOURCES));
        regint__sb q = {0};
        notes_in_lang(L, regint_settlement_recommendation_note(rec), &q);
        char *qs = regint__sb_take(&q);
        if (qs && *qs)
            item(&d, TR(LETTER_CAVEAT_NOTES), qs);
        free(qs);
        end_list(&d);
    }
    para(&d, "%s", TR(LETTER_CONTACT));
    {
        char sig[256];
        snprintf(sig, sizeof sig, TR(LETTER_SIGNATURE), county);
        const char *gl[] = {TR(LETTER_GREETING), sig};
        lines(&d, gl, 2);
    }
    {
        char cmd[256];
        if (opt->command)
            snprintf(cmd, sizeof cmd, "%s", opt->command);
        else
            snprintf(cmd, sizeof cmd, "regint letter --county %s --year %d --lang %s", fylkesnr, year,
                     regint_lang_name(L));
        regint__sb_puts(&d.md, "---\n\n*");
        regint__sb_printf(&d.md, TR(LETTER_GENERATED), regint_version(), cmd);
        regint__sb_puts(&d.md, "*\n");
        regint__sb t = {0};
        regint__sb_printf(&t, TR(LETTER_GENERATED), regint_version(), cmd);
        char *s = regint__sb_take(&t);
        regint__sb_puts(&d.html, "<hr>\n<p class=\"generated\"><em>");
        html_inline(&d.html, s ? s : "");
        regint__sb_puts(&d.html, "</em></p>\n</body>\n</html>\n");
        free(s);
    }
    {
        char *m = regint__sb_take(&d.md), *x = regint__sb_take(&d.html);
        if (!m || !x) {
            free(m);
            free(x);
            st = regint__enomem();
            goto out;
        }
        if (markdown)
            *markdown = m;
        else
            free(m);
        if (html)
            *html = x;
        else
            free(x);
    }
out:
    regint__sb_free(&d.md);
    regint__sb_free(&d.html);
    variants_free(&var);
    free(audited);
    free(alloc.rows);
    regint_settlement_recommendation_free(rec);
    regint_settlement_profile_free(own);
    return st;
}

regint_status regint_letter_write(const regint_dataset *ds, const char *fylkesnr, int year,
                                  const regint_letter_options *opt, char **markdown, char **html)
{
    if (!markdown && !html)
        return regint__error(REGINT_EINVAL, "regint_letter_write: NULL argument");
    return build(ds, fylkesnr, year, opt, markdown, html, NULL);
}

/* One part of the letter: the letter is built (cheap next to the variants) and dropped.
 * which: 0 scenario JSON, 1 audit JSON, 2 scenario CSV, 3 scenario text, 4 audit text. */
static regint_status part(const regint_dataset *ds, const char *fylkesnr, int year, const regint_letter_options *opt,
                          int which, const char *fn, char **out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "%s: NULL output", fn);
    regint__sb b = {0};
    outputs want = {which == 0 ? &b : NULL, which == 2 ? &b : NULL, which == 1 ? &b : NULL, which == 3 ? &b : NULL,
                    which == 4 ? &b : NULL};
    char *md = NULL;
    regint_status st = build(ds, fylkesnr, year, opt, &md, NULL, &want);
    free(md);
    if (st) {
        regint__sb_free(&b);
        return st;
    }
    if (!(*out = regint__sb_take(&b)))
        return regint__enomem();
    return REGINT_OK;
}

/* The five public parts: each is part() with its output (the `which` above). */
#define LETTER_PART(fn, which)                                                                                    \
    regint_status fn(const regint_dataset *ds, const char *fylkesnr, int year, const regint_letter_options *opt, \
                     char **out)                                                                                 \
    {                                                                                                             \
        return part(ds, fylkesnr, year, opt, which, #fn, out);                                                    \
    }
LETTER_PART(regint_letter_scenario_json, 0)
LETTER_PART(regint_letter_audit_json, 1)
LETTER_PART(regint_letter_scenario_csv, 2)
LETTER_PART(regint_letter_scenario_text, 3)
LETTER_PART(regint_letter_audit_text, 4)
