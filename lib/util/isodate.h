/* Private: ISO 8601 calendar dates ("YYYY-MM-DD") for the task modules (grants,
 * collaboration, guidance). Dates are kept as strings in the models (they compare
 * lexicographically in the same order as in time) and converted to day numbers only
 * for arithmetic. */
#ifndef REGINT_ISODATE_H
#define REGINT_ISODATE_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "regint/common.h"

/* 1 if `s` is exactly "YYYY-MM-DD" with a real calendar day (leap years checked,
 * year 1900..2999), else 0. On success the parts are stored when the pointers are not NULL. */
int regint__date_parse(const char *s, int *y, int *m, int *d);

/* Days since 1970-01-01 of a valid date (proleptic Gregorian). */
int64_t regint__date_days(int y, int m, int d);

/* Days since 1970-01-01 of a date string already checked by regint__date_parse(). */
int64_t regint__date_days_of(const char *s);

/* The date `months` calendar months before the valid date `s`, written as "YYYY-MM-DD"
 * into `buf` (11 bytes); the day is clamped to the end of a shorter month
 * (2024-03-31 minus 1 month = 2024-02-29). */
void regint__date_minus_months(const char *s, int months, char buf[11]);

/* Check an API argument that must be a date; EINVAL "<what>: expected a date
 * YYYY-MM-DD, got '...'" otherwise. */
regint_status regint__date_check(const char *s, const char *what);

/* JSON member that must be a date string (see regint__json_string for `required`). */
regint_status regint__json_date(const char *file, const char *obj_path, const cJSON *obj,
                                const char *key, int required, const char **out);

/* A date member `field` of the record at `path`: EINVAL unless "YYYY-MM-DD" (absent allowed
 * unless `required`). */
regint_status regint__check_date_at(const char *file, const char *path, const char *field, const char *s,
                                    int required);

#endif
