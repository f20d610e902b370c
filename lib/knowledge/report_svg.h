/* Private: the inline SVG charts of county reports (report.c,
 * report_svg.c). Not installed. */
#ifndef REGINT_REPORT_SVG_H
#define REGINT_REPORT_SVG_H

#include <stddef.h>

#include "regint/lang.h"
#include "util/strbuf.h"

/* One series of a chart: `n` values (NAN = missing, drawn as a gap / hatched stub). */
typedef struct regint__chart_series {
    const char *label;
    const double *values;
    const char *color; /* CSS colour, e.g. "#1f77b4" */
    const unsigned char *lower; /* NULL, or per value 1 = a lower bound (drawn pale, dashed) */
} regint__chart_series;

/* Grouped bar chart over `n` x labels (years), `k` series. Numbers and the words of the
 * tooltips ("missing", "at least") are written in `lang`. */
void regint__svg_bars(regint__sb *b, regint_lang lang, const char *title, const int *years, size_t n,
                      const regint__chart_series *series, size_t k);
/* Line chart over `n` years, `k` series; missing values break the line. */
void regint__svg_lines(regint__sb *b, regint_lang lang, const char *title, const int *years, size_t n,
                       const regint__chart_series *series, size_t k, const char *unit);

#endif
