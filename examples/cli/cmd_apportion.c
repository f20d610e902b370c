/* regint apportion: share a total over integer weights by Hamilton or a divisor method.
 *
 *   regint apportion --method dhondt --total 7 --weights 100,80,30
 *   3,3,1
 *   regint apportion --method sainte-lague-modified --first-divisor 1.4 --total 8 \
 *       --weights 58613,6501,22041,38853 --upper 5,-,-,- --json
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void apportion_usage(FILE *f)
{
    fprintf(f,
            "usage: regint apportion --method NAME --total N --weights W1,W2,...\n"
            "                        [--lower L1,L2,...] [--upper U1,U2,...] [--first-divisor X] [--json]\n"
            "\n"
            "Shares N seats among the units in proportion to their weights (non-negative integers;\n"
            "scale real weights first). Prints the seats as comma-separated integers, or with --json\n"
            "as {\"method\":..,\"total\":..,\"seats\":[..]}.\n"
            "\n"
            "  --method NAME        hamilton, dhondt, sainte-lague, sainte-lague-modified,\n"
            "                       huntington-hill, adams, dean ('_' may replace '-')\n"
            "  --total N            seats to hand out (>= 0)\n"
            "  --weights LIST       one weight per unit\n"
            "  --lower LIST         lower bounds, one per unit\n"
            "  --upper LIST         upper bounds, one per unit; '-' or 'inf' = no bound\n"
            "  --first-divisor X    first divisor of sainte-lague-modified (default 1.4)\n"
            "  --json               JSON output\n"
            "\n"
            "Ties go to the lowest index. Exit codes: 0 ok, 1 bad input or infeasible bounds,\n"
            "2 usage or a malformed number.\n");
}

/* Parse one integer (whole string); allow_inf: '-', 'inf' or 'none' give INT64_MAX. */
static int parse_i64(const char *s, size_t len, int allow_inf, int64_t *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (allow_inf && (!strcmp(buf, "-") || !strcmp(buf, "inf") || !strcmp(buf, "none"))) {
        *out = INT64_MAX;
        return 0;
    }
    char *end = NULL;
    errno = 0;
    long long v = strtoll(buf, &end, 10);
    if (errno || end == buf || *end != '\0')
        return -1;
    *out = (int64_t)v;
    return 0;
}

/* Parse "a,b,c" into a new array; an empty string gives 0 values. Returns 0 or -1 (with a
 * message on stderr naming the option and the position). */
static int parse_list(const char *opt, const char *s, int allow_inf, int64_t **out, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    int64_t *v = malloc(cap * sizeof *v);
    if (!v) {
        fprintf(stderr, "regint apportion: out of memory\n");
        return -1;
    }
    size_t k = 0;
    if (*s) {
        const char *p = s;
        for (;;) {
            const char *q = strchr(p, ',');
            size_t len = q ? (size_t)(q - p) : strlen(p);
            while (len && (*p == ' ')) {
                p++;
                len--;
            }
            while (len && p[len - 1] == ' ')
                len--;
            if (parse_i64(p, len, allow_inf, &v[k]) != 0) {
                fprintf(stderr, "regint apportion: %s: item %zu: expected an integer%s, got '%.*s'\n", opt, k + 1,
                        allow_inf ? " or '-'" : "", (int)(q ? (size_t)(q - p) : strlen(p)), p);
                free(v);
                return -1;
            }
            k++;
            if (!q)
                break;
            p = q + 1;
        }
    }
    *out = v;
    *n = k;
    return 0;
}

int cmd_apportion(int argc, char **argv)
{
    const char *method = NULL, *total_s = NULL, *weights_s = NULL, *lower_s = NULL, *upper_s = NULL,
               *fd_s = NULL;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            apportion_usage(stdout);
            return CLI_OK;
        }
        if (!strcmp(a, "--json")) {
            json = 1;
            continue;
        }
        static const char *const names[] = {"--method", "--total", "--weights", "--lower", "--upper",
                                            "--first-divisor"};
        const char **slots[] = {&method, &total_s, &weights_s, &lower_s, &upper_s, &fd_s};
        int matched = 0;
        for (size_t k = 0; k < sizeof names / sizeof names[0] && !matched; k++) {
            size_t len = strlen(names[k]);
            if (!strncmp(a, names[k], len) && a[len] == '=') {
                *slots[k] = a + len + 1;
                matched = 1;
            } else if (!strcmp(a, names[k])) {
                if (i + 1 >= argc) {
                    fprintf(stderr, "regint apportion: %s needs a value\n", names[k]);
                    return CLI_USAGE;
                }
                *slots[k] = argv[++i];
                matched = 1;
            }
        }
        if (!matched) {
            fprintf(stderr, "regint apportion: unknown option '%s'\n\n", a);
            apportion_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (!method || !total_s || !weights_s) {
        fprintf(stderr, "regint apportion: --method, --total and --weights are required\n\n");
        apportion_usage(stderr);
        return CLI_USAGE;
    }

    regint_apportion_options opt = REGINT_APPORTION_OPTIONS_INIT;
    if (regint_apportion_method_from_name(method, &opt.method) != REGINT_OK) {
        fprintf(stderr, "regint apportion: --method: %s\n", regint_last_error());
        return CLI_USAGE;
    }
    int64_t total;
    if (parse_i64(total_s, strlen(total_s), 0, &total) != 0) {
        fprintf(stderr, "regint apportion: --total: expected an integer, got '%s'\n", total_s);
        return CLI_USAGE;
    }
    if (fd_s) {
        char *end = NULL;
        errno = 0;
        double fd = strtod(fd_s, &end);
        if (errno || end == fd_s || *end != '\0' || !isfinite(fd)) {
            fprintf(stderr, "regint apportion: --first-divisor: expected a number, got '%s'\n", fd_s);
            return CLI_USAGE;
        }
        opt.first_divisor = fd;
    }

    int rc = CLI_USAGE;
    int64_t *w = NULL, *lo = NULL, *up = NULL, *seats = NULL;
    size_t n = 0, nl = 0, nu = 0;
    if (parse_list("--weights", weights_s, 0, &w, &n) != 0)
        goto out;
    if (lower_s) {
        if (parse_list("--lower", lower_s, 0, &lo, &nl) != 0)
            goto out;
        if (nl != n) {
            fprintf(stderr, "regint apportion: --lower: %zu values for %zu weights\n", nl, n);
            goto out;
        }
        opt.lower = lo;
    }
    if (upper_s) {
        if (parse_list("--upper", upper_s, 1, &up, &nu) != 0)
            goto out;
        if (nu != n) {
            fprintf(stderr, "regint apportion: --upper: %zu values for %zu weights\n", nu, n);
            goto out;
        }
        opt.upper = up;
    }
    seats = malloc((n ? n : 1) * sizeof *seats);
    if (!seats) {
        fprintf(stderr, "regint apportion: out of memory\n");
        rc = CLI_BAD_INPUT;
        goto out;
    }
    if (regint_apportion(w, n, total, &opt, seats) != REGINT_OK) {
        rc = cli_fail(regint_last_status() == REGINT_EINFEASIBLE ? "no allocation" : "bad input");
        goto out;
    }
    if (json)
        printf("{\"method\":\"%s\",\"total\":%lld,\"seats\":[", regint_apportion_method_name(opt.method),
               (long long)total);
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
