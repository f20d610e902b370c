/* Helpers shared by the regint commands: the one JSON and CSV string escaper, UTF-8 aware
 * columns, today's date, dataset loading and the bad-input message. Public API only. */
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

void cli_csv_field(FILE *f, const char *s, int quote)
{
    s = s ? s : "";
    if (quote != CLI_QUOTE_ALWAYS && !strpbrk(s, ",\"\n\r")) {
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

void cli_json_member(FILE *f, const char *prefix, const char *s)
{
    fputs(prefix, f);
    cli_json_string(f, s);
}

int cli_put_text(const char *cmd, regint_status st, char *text)
{
    int rc = st == REGINT_OK ? CLI_OK : cli_fail(cmd, NULL);
    if (rc == CLI_OK)
        fputs(text, stdout);
    regint_free(text);
    return rc;
}

int cli_utf8_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        w += (*p & 0xC0) != 0x80;
    return w;
}

int cli_name_width(int w, const char *s)
{
    int sw = cli_utf8_width(s);
    if (sw > CLI_NAME_WIDTH_MAX)
        sw = CLI_NAME_WIDTH_MAX;
    return sw > w ? sw : w;
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

int cli_fail(const char *cmd, const char *what)
{
    if (what)
        fprintf(stderr, "regint %s: %s: %s\n", cmd, what, regint_last_error());
    else
        fprintf(stderr, "regint %s: %s\n", cmd, regint_last_error());
    return CLI_BAD_INPUT;
}

int cli_load_dataset(const char *cmd, const char *path, regint_dataset **ds)
{
    *ds = NULL;
    /* The library's message names the file (the bundled one too) and the place. */
    if ((path ? regint_dataset_load_file(path, ds) : regint_dataset_load_default(ds)) != REGINT_OK)
        return cli_fail(cmd, NULL);
    return CLI_OK;
}

int cli_load_settlement(const char *cmd, const char *data, const char *profile, regint_dataset **ds,
                        regint_settlement_profile **prof)
{
    *prof = NULL;
    int rc = cli_load_dataset(cmd, data, ds);
    if (rc == CLI_OK && profile && regint_settlement_profile_load_file(profile, prof) != REGINT_OK) {
        rc = cli_fail(cmd, "--profile");
        regint_dataset_free(*ds);
        *ds = NULL;
    }
    return rc;
}

int cli_load_profiles(const char *cmd, const char *list, regint_settlement_profile ***v, size_t *n)
{
    *v = NULL;
    *n = 0;
    if (!list)
        return CLI_OK;
    size_t cap = 1;
    for (const char *p = list; *p; p++)
        cap += *p == ',';
    char *copy = strdup(list);
    *v = calloc(cap, sizeof **v);
    if (!copy || !*v) {
        free(copy);
        fprintf(stderr, "regint %s: out of memory\n", cmd);
        return CLI_BAD_INPUT;
    }
    int rc = CLI_OK;
    char *save = NULL;
    for (char *f = strtok_r(copy, ",", &save); f && rc == CLI_OK; f = strtok_r(NULL, ",", &save))
        if (regint_settlement_profile_load_file(f, &(*v)[(*n)++]) != REGINT_OK)
            rc = cli_fail(cmd, "--alt-profile");
    free(copy);
    return rc;
}

void cli_free_profiles(regint_settlement_profile **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        regint_settlement_profile_free(v[i]);
    free(v);
}

/* --years A-B or A: 1 and the years, else 0. */
int cli_years_in(const char *s, int *from, int *to)
{
    const char *dash = strchr(s, '-');
    char first[16];
    int64_t f, t;
    size_t len = dash ? (size_t)(dash - s) : strlen(s);
    if (len >= sizeof first)
        return 0;
    snprintf(first, sizeof first, "%.*s", (int)len, s);
    if (!cli_int_in(first, 1900, 2200, &f) || !cli_int_in(dash ? dash + 1 : first, 1900, 2200, &t) || f > t)
        return 0;
    *from = (int)f;
    *to = (int)t;
    return 1;
}
