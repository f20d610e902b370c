/* Private: the inline SVG charts of county reports (report.c,
 * report_svg.c). Not installed. */
#ifndef REGINT_REPORT_SVG_H
#define REGINT_REPORT_SVG_H

#include <stddef.h>

#include "util/strbuf.h"

/* One series of a chart: `n` values (NAN = missing, drawn as a gap / hatched stub). */
typedef struct regint__chart_series {
    const char *label;
    const double *values;
    const char *color; /* CSS colour, e.g. "#1f77b4" */
    const unsigned char *lower; /* NULL, or per value 1 = a lower bound (drawn pale, dashed) */
} regint__chart_series;

/* Write "-" when `neg`, then the first `ilen` digits of `digits` in groups of three separated
 * by a no-break space (Norwegian style: 12 345), into buf (NUL-terminated, truncated to
 * `size`). Returns the length written. The one digit grouping of report.c and report_svg.c. */
size_t regint__nb_digits(char *buf, size_t size, const char *digits, size_t ilen, int neg);

/* Grouped bar chart over `n` x labels (years), `k` series. */
void regint__svg_bars(regint__sb *b, const char *title, const int *years, size_t n,
                      const regint__chart_series *series, size_t k);
/* Line chart over `n` years, `k` series; missing values break the line. */
void regint__svg_lines(regint__sb *b, const char *title, const int *years, size_t n,
                       const regint__chart_series *series, size_t k, const char *unit);

#endif
