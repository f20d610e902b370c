/* regint apportion: share a total over integer weights by Hamilton or a divisor method.
 *
 *   regint apportion --method dhondt --total 7 --weights 100,80,30
 *   3,3,1
 *   regint apportion --method sainte-lague-modified --first-divisor 1.4 --total 8 \
 *       --weights 58613,6501,22041,38853 --upper 5,-,-,- --json
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct apportion_args {
    const char *method, *weights, *lower, *upper;
    int64_t total;
    double first_divisor;
    int fmt;
} apportion_args;

/* The values of options not given. */
static const apportion_args defaults = {NULL, NULL, NULL, NULL, 0, 0, CLI_TABLE};

/* Data of the one table shape: `duplicates` pairs its end with summary's table. */
static const cli_opt apportion_opts[] = {
    CLI_SUMMARY("apportion a total over weights (Hamilton, divisor methods, bounds)"),
    CLI_ABOUT("Shares N seats among the units in proportion to their weights (non-negative integers;\n"
              "scale real weights first). Prints the seats as comma-separated integers, or with --json\n"
              "as {\"method\":..,\"total\":..,\"seats\":[..]}.\n"),
    CLI_STRING("method", "NAME", apportion_args, method, CLI_REQUIRED,
               "hamilton, dhondt, sainte-lague, sainte-lague-modified,\n"
               "huntington-hill, adams, dean, sainte-lague-min10 ('_' may replace '-')"),
    CLI_INT("total", "N", apportion_args, total, 0, INT64_MAX, CLI_REQUIRED, "seats to hand out"),
    CLI_STRING("weights", "LIST", apportion_args, weights, CLI_REQUIRED, "one weight per unit: W1,W2,..."),
    CLI_STRING("lower", "LIST", apportion_args, lower, 0, "lower bounds, one per unit"),
    CLI_STRING("upper", "LIST", apportion_args, upper, 0, "upper bounds, one per unit; '-' or 'inf' = no bound"),
    CLI_NUMBER("first-divisor", "X", apportion_args, first_divisor, 0.000001, 3,
               "first divisor of sainte-lague-modified (default 1.4)"),
    CLI_FLAG("json", apportion_args, fmt, CLI_JSON, "JSON output"),
    CLI_NOTES("Ties go to the lowest index. Exit codes: 0 ok, 1 bad input or infeasible bounds,\n"
              "2 usage or a malformed number.\n"),
    CLI_END,
};

const cli_command cli_cmd_apportion = CLI_COMMAND("apportion", apportion_opts, cli_run_apportion);

/* Parse the list of option `opt` ("a,b,c", one integer per unit; with allow_inf '-', 'inf'
 * or 'none' give INT64_MAX) into a new array of exactly `want` values (any count when
 * want is SIZE_MAX); an empty string gives 0 values. Returns CLI_OK or CLI_USAGE (with a
 * message naming the option and the item). */
static int parse_list(const char *opt, const char *s, int allow_inf, size_t want, int64_t **out, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    int64_t *v = malloc(cap * sizeof *v);
    if (!v) {
        fprintf(stderr, "regint apportion: out of memory\n");
        return CLI_BAD_INPUT;
    }
    size_t k = 0;
    for (const char *p = *s ? s : NULL; p;) {
        const char *q = strchr(p, ',');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        char item[64];
        /* Spaces around an item are allowed: "5, 3, 2". */
        size_t a = 0, b = len;
        while (a < b && p[a] == ' ')
            a++;
        while (b > a && p[b - 1] == ' ')
            b--;
        snprintf(item, sizeof item, "%.*s", (int)(b - a), p + a);
        if (allow_inf && (!strcmp(item, "-") || !strcmp(item, "inf") || !strcmp(item, "none"))) {
            v[k] = INT64_MAX;
        } else if (b - a >= sizeof item || !cli_int_in(item, INT64_MIN, INT64_MAX, &v[k])) {
            fprintf(stderr, "regint apportion: --%s: item %zu: expected an integer%s, got '%.*s'\n", opt, k + 1,
                    allow_inf ? " or '-'" : "", (int)len, p);
            free(v);
            return CLI_USAGE;
        }
        k++;
        p = q ? q + 1 : NULL;
    }
    if (want != SIZE_MAX && k != want) {
        fprintf(stderr, "regint apportion: --%s: %zu values for %zu weights\n", opt, k, want);
        free(v);
        return CLI_USAGE;
    }
    *out = v;
    *n = k;
    return CLI_OK;
}

int cli_run_apportion(const cli_command *cmd, const void *parsed)
{
    const apportion_args args = *(const apportion_args *)parsed;
    int rc = CLI_OK;
    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    if (regint_apportion_method_from_name(args.method, &opt.method) != REGINT_OK) {
        fprintf(stderr, "regint apportion: --method: %s\n", regint_last_error());
        return CLI_USAGE;
    }
    if (args.first_divisor > 0)
        opt.first_divisor = args.first_divisor;
    int64_t total = args.total;
    int json = args.fmt == CLI_JSON;

    int64_t *w = NULL, *lo = NULL, *up = NULL, *seats = NULL;
    size_t n = 0, nb = 0;
    if ((rc = parse_list("weights", args.weights, 0, SIZE_MAX, &w, &n)) != CLI_OK ||
        (args.lower && (rc = parse_list("lower", args.lower, 0, n, &lo, &nb)) != CLI_OK) ||
        (args.upper && (rc = parse_list("upper", args.upper, 1, n, &up, &nb)) != CLI_OK))
        goto out;
    opt.lower = lo;
    opt.upper = up;
    seats = malloc((n ? n : 1) * sizeof *seats);
    if (!seats) {
        fprintf(stderr, "regint apportion: out of memory\n");
        rc = CLI_BAD_INPUT;
        goto out;
    }
    if (regint_apportion(w, n, total, &opt, seats) != REGINT_OK) {
        rc = cli_fail(cmd->name, regint_last_status() == REGINT_EINFEASIBLE ? "no allocation" : "bad input");
        goto out;
    }
    if (json) {
        printf("{\"method\":");
        cli_json_string(stdout, regint_apportion_method_name(opt.method));
        printf(",\"total\":%lld,\"seats\":[", (long long)total);
    }
    for (size_t i = 0; i < n; i++)
        printf("%s%lld", i ? "," : "", (long long)seats[i]);
    printf(json ? "]}\n" : "\n");
    rc = CLI_OK;
out:
    free(w);
    free(lo);
    free(up);
    free(seats);
    return rc;
}
