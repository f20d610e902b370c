/* Helpers shared by the regint commands: output formatting (JSON strings, CSV fields,
 * UTF-8 aware columns), argument parsing and dataset loading. Public API only. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

void cli_json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

void cli_csv_field(FILE *f, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int cli_utf8_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        w += (*p & 0xC0) != 0x80;
    return w;
}

void cli_pad(FILE *f, const char *s, int width)
{
    s = s ? s : "";
    fputs(s, f);
    for (int n = cli_utf8_width(s); n < width; n++)
        fputc(' ', f);
}

const char *cli_today(char buf[11])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 11, "%Y-%m-%d", &tm);
    return buf;
}

int cli_parse_int64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return 0;
    *out = (int64_t)v;
    return 1;
}

regint_status cli_load_dataset(const char *path, regint_dataset **ds)
{
    return path ? regint_dataset_load_file(path, ds) : regint_dataset_load_default(ds);
}
