/* Private: a small RFC 4180 CSV reader with line numbers and typed field access.
 *
 * The whole file is read and checked for UTF-8 up front (a BOM is skipped). Fields may be
 * quoted ("a,b", "say ""hi"""); line ends are \n or \r\n. The first row is the header.
 * Every error message has the form "<file>: line <N>: <rule>". */
#ifndef REGINT_CSV_H
#define REGINT_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

typedef struct regint__csv regint__csv;

/* Open a file; EIO/EPARSE (non-UTF-8, with its line) on failure. */
regint_status regint__csv_open(const char *path, regint__csv **out);
/* Parse CSV text held in memory; `name` is used in messages. The text is copied. */
regint_status regint__csv_open_mem(const char *name, const char *text, size_t len, regint__csv **out);
void regint__csv_close(regint__csv *c);

/* Column index of a header name, or -1. */
int regint__csv_col(const regint__csv *c, const char *name);
/* Look up each of `names` (NULL-terminated) in the header; EPARSE naming the first one
 * missing. `idx` receives the indices in order. */
regint_status regint__csv_require(const regint__csv *c, const char *const *names, int *idx);

/* Call fn for each data row with `ix`, the indices of the columns `cols` (NULL-terminated, at
 * most REGINT__CSV_MAX_COLS; EPARSE naming the first one missing); stop at the first error,
 * its status returned (or that of a malformed row). */
#define REGINT__CSV_MAX_COLS 16
typedef regint_status (*regint__csv_row_fn)(const regint__csv *c, const int *ix, void *ctx);
regint_status regint__csv_each_row(regint__csv *c, const char *const *cols, regint__csv_row_fn fn, void *ctx);

/* Advance to the next data row. Returns 1 if a row is ready, 0 at end of file, -1 on error
 * (the error is set: wrong number of fields, unterminated quote). Blank lines are skipped. */
int regint__csv_next(regint__csv *c);

/* The current row: 1-based physical line number where it starts, field count, field text
 * (never NULL; "" for empty fields). */
size_t regint__csv_line(const regint__csv *c);
size_t regint__csv_nfields(const regint__csv *c);
const char *regint__csv_field(const regint__csv *c, int col);
const char *regint__csv_name(const regint__csv *c);
const char *regint__csv_header(const regint__csv *c, int col);

/* Typed access to field `col` of the current row; errors name file, line and column:
 *   "kommuner.csv: line 14: column 'folkemengde_2024': expected an integer, got 'abc'" */
regint_status regint__csv_int(const regint__csv *c, int col, int64_t min, int64_t max, int64_t *out);
regint_status regint__csv_double(const regint__csv *c, int col, double *out);

/* Set an error "<file>: line <N>: column '<name>': <printf message>" and return `st`. */
regint_status regint__csv_error(const regint__csv *c, int col, regint_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
