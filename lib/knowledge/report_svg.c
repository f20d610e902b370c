/* Inline SVG charts for county reports (they write into a util/strbuf.h builder).
 * The charts are plain SVG 1.1 (no script, no external fonts or files) so a report stays
 * one self-contained file. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "knowledge/report_svg.h"
#include "util/i18n.h"

/* A "nice" axis step: 1, 2, 2.5 or 5 times a power of ten, about range/5. */
static double nice_step(double range)
{
    if (!(range > 0))
        return 1;
    double raw = range / 5, p = pow(10, floor(log10(raw))), f = raw / p;
    double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return m * p;
}

/* Axis label in the reader's language ("12 345" / "12,345"; "0,5" / "0.5"), decimals only
 * when the step needs them. */
static void axis_label(regint_lang lang, char *buf, size_t size, double v, double step)
{
    int dec = step >= 1 ? 0 : step < 0.1 ? 2 : 1;
    regint__i18n_number(lang, dec ? v : (double)llround(v), dec, buf, size);
}

enum { W = 760, H = 320, ML = 64, MR = 16, MT = 48, MB = 36 };

static void svg_open(regint__sb *b, const char *title)
{
    regint__sb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                         "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, H, W, H);
    regint__sb_escape(b, title);
    regint__sb_puts(b, "\" font-family=\"sans-serif\" font-size=\"12\">\n<title>");
    regint__sb_escape(b, title);
    regint__sb_printf(b, "</title>\n<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", W, H);
    regint__sb_puts(b, "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">");
    regint__sb_escape(b, title);
    regint__sb_puts(b, "</text>\n");
}

static void legend(regint__sb *b, const regint__chart_series *series, size_t k)
{
    int x = ML;
    for (size_t i = 0; i < k; i++) {
        regint__sb_printf(b, "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                             "<text x=\"%d\" y=\"38\">", x, series[i].color, x + 16);
        regint__sb_escape(b, series[i].label);
        regint__sb_puts(b, "</text>\n");
        x += 24 + 7 * (int)strlen(series[i].label);
    }
}

static void y_axis(regint__sb *b, regint_lang lang, double lo, double hi, double step,
                   double (*ymap)(double, double, double))
{
    char lab[48];
    for (double t = lo; t <= hi + step * 1e-6; t += step) {
        double y = ymap(t, lo, hi);
        axis_label(lang, lab, sizeof lab, t, step);
        regint__sb_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
                             "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                          ML, y, W - MR, y, ML - 6, y + 4, lab);
    }
    regint__sb_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>\n", ML, H - MB,
                      W - MR, H - MB);
}

static double ymap_lin(double v, double lo, double hi)
{
    return (H - MB) - (v - lo) / (hi - lo) * (H - MB - MT);
}

void regint__svg_bars(regint__sb *b, regint_lang lang, const char *title, const int *years, size_t n,
                      const regint__chart_series *series, size_t k)
{
    svg_open(b, title);
    legend(b, series, k);
    double hi = 0;
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < n; i++)
            if (!isnan(series[j].values[i]) && series[j].values[i] > hi)
                hi = series[j].values[i];
    double step = nice_step(hi > 0 ? hi : 1);
    hi = step * ceil((hi > 0 ? hi : 1) / step);
    y_axis(b, lang, 0, hi, step, ymap_lin);
    double gw = n ? (double)(W - ML - MR) / (double)n : 0, bw = k ? gw * 0.8 / (double)k : 0;
    char lab[48];
    for (size_t i = 0; i < n; i++) {
        double gx = ML + gw * (double)i + gw * 0.1;
        for (size_t j = 0; j < k; j++) {
            double v = series[j].values[i], x = gx + bw * (double)j;
            if (isnan(v)) {
                regint__sb_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"none\" "
                                     "stroke=\"%s\" stroke-dasharray=\"2,2\"><title>%d ",
                                  x, H - MB - 6, bw > 2 ? bw - 1 : bw, series[j].color, years[i]);
                regint__sb_escape(b, series[j].label);
                regint__sb_printf(b, ": %s</title></rect>\n", regint__tr(lang, REGINT__MSG_MISSING_UNKNOWN));
                continue;
            }
            double y = ymap_lin(v, 0, hi);
            int lb = series[j].lower && series[j].lower[i];
            axis_label(lang, lab, sizeof lab, v, 1);
            regint__sb_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s%s%s><title>%d ",
                              x, y, bw > 2 ? bw - 1 : bw, (H - MB) - y, series[j].color,
                              lb ? " fill-opacity=\"0.35\" stroke=\"" : "", lb ? series[j].color : "",
                              lb ? "\" stroke-dasharray=\"3,2\"" : "", years[i]);
            regint__sb_escape(b, series[j].label);
            regint__sb_printf(b, ": %s%s</title></rect>\n", lb ? regint__tr(lang, REGINT__MSG_AT_LEAST) : "", lab);
        }
        regint__sb_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
                          ML + gw * (double)i + gw / 2, H - MB + 16, years[i]);
    }
    regint__sb_puts(b, "</svg>\n");
}

void regint__svg_lines(regint__sb *b, regint_lang lang, const char *title, const int *years, size_t n,
                       const regint__chart_series *series, size_t k, const char *unit)
{
    svg_open(b, title);
    legend(b, series, k);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < n; i++) {
            double v = series[j].values[i];
            if (isnan(v))
                continue;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    if (!isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (hi - lo < 1e-9) {
        lo -= 1;
        hi += 1;
    }
    double step = nice_step(hi - lo);
    lo = step * floor(lo / step);
    hi = step * ceil(hi / step);
    y_axis(b, lang, lo, hi, step, ymap_lin);
    if (unit && *unit) {
        regint__sb_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555555\">", 8, MT - 2);
        regint__sb_escape(b, unit);
        regint__sb_puts(b, "</text>\n");
    }
    /* x by year, so gaps between years stay visible. */
    int y0 = n ? years[0] : 0, y1 = n ? years[n - 1] : 0;
    double dx = y1 > y0 ? (double)(W - ML - MR - 20) / (double)(y1 - y0) : 0;
#define XOF(i) (ML + 10 + dx * (double)(years[(i)] - y0))
    for (size_t i = 0; i < n; i++)
        if (n <= 12 || i % 2 == 0 || i == n - 1)
            regint__sb_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
                              XOF(i), H - MB + 16, years[i]);
    for (size_t j = 0; j < k; j++) {
        int open = 0;
        for (size_t i = 0; i < n; i++) {
            double v = series[j].values[i];
            if (isnan(v)) {
                if (open)
                    regint__sb_puts(b, "\"/>\n");
                open = 0;
                continue;
            }
            double x = XOF(i), y = ymap_lin(v, lo, hi);
            if (!open)
                regint__sb_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
                                  series[j].color);
            regint__sb_printf(b, "%s%.1f,%.1f", open ? " " : "", x, y);
            open = 1;
        }
        if (open)
            regint__sb_puts(b, "\"/>\n");
        for (size_t i = 0; i < n; i++) {
            double v = series[j].values[i];
            if (isnan(v))
                continue;
            char lab[48];
            axis_label(lang, lab, sizeof lab, v, fabs(v) < 100 ? 0.1 : 1);
            regint__sb_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%d ",
                              XOF(i), ymap_lin(v, lo, hi), series[j].color, years[i]);
            regint__sb_escape(b, series[j].label);
            regint__sb_printf(b, ": %s</title></circle>\n", lab);
        }
    }
#undef XOF
    regint__sb_puts(b, "</svg>\n");
}
