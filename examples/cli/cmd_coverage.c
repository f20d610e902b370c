/* regint coverage — which municipalities a task or network covers, and which attended no
 * competence-raising gathering in the last N months. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

enum fmt { FMT_TABLE, FMT_CSV, FMT_JSON };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: regint coverage [--data FILE] [--network ID | --task NAME] [--months N]\n"
            "                       [--as-of DATE] [--county NR] [--json|--csv]\n"
            "\n"
            "--network ID  municipalities covered by a network on the date (active members)\n"
            "--task NAME   covered by the task's networks and agreements in force: settlement,\n"
            "              negative_social_control, competence, volunteering,\n"
            "              sector_collaboration, grants, career_guidance\n"
            "--months N    municipalities that attended no competence-raising gathering in the\n"
            "              N months up to the date (default 12)\n"
            "Without --network/--task: every network, then the gatherings check.\n"
            "--as-of       the date (default today); --county: default the section's county.\n");
}

static void jstr(const char *s)
{
    if (!s) {
        printf("null");
        return;
    }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void cstr(const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

/* Print s left-aligned in `width` columns, counting UTF-8 characters, not bytes. */
static void pad(const char *s, int width)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; n < width; n++)
        putchar(' ');
}

static void print_coverage(const char *what, const char *id, const regint_coverage_t *c, enum fmt fmt, int *first)
{
    if (fmt == FMT_JSON) {
        printf("%s  {\"%s\": ", *first ? "" : ",\n", what);
        jstr(id);
        printf(", \"county\": ");
        jstr(c->fylkesnr);
        printf(", \"as_of\": ");
        jstr(c->as_of);
        printf(", \"covered_count\": %zu, \"municipalities\": [", c->covered_count);
        for (size_t i = 0; i < c->n; i++) {
            printf("%s\n    {\"kommunenr\": ", i ? "," : "");
            jstr(c->kommunenr[i]);
            printf(", \"name\": ");
            jstr(c->name[i]);
            printf(", \"covered\": %s, \"since\": ", c->covered[i] ? "true" : "false");
            jstr(c->since[i]);
            printf(", \"via\": ");
            jstr(c->via[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == FMT_CSV) {
        if (*first)
            printf("kind,id,kommunenr,name,covered,since,via\n");
        for (size_t i = 0; i < c->n; i++) {
            printf("%s,", what);
            cstr(id);
            printf(",%s,", c->kommunenr[i]);
            cstr(c->name[i]);
            printf(",%d,%s,", c->covered[i], c->since[i] ? c->since[i] : "");
            cstr(c->via[i]);
            putchar('\n');
        }
    } else {
        printf("%sCoverage by %s '%s', county %s, as of %s: %zu of %zu municipalities\n", *first ? "" : "\n", what,
               id, c->fylkesnr, c->as_of, c->covered_count, c->n);
        printf("  %-8s %-22s %-9s %-12s %s\n", "kommune", "name", "covered", "since", "via");
        for (size_t i = 0; i < c->n; i++)
        {
            printf("  %-8s ", c->kommunenr[i]);
            pad(c->name[i], 22);
            printf(" %-9s %-12s %s\n", c->covered[i] ? "yes" : "NO",
                   c->covered[i] ? (c->since[i] ? c->since[i] : "(before records)") : "-",
                   c->via[i] ? c->via[i] : "-");
        }
    }
    *first = 0;
}

static void print_attendance(const regint_attendance_t *a, enum fmt fmt, int *first)
{
    if (fmt == FMT_JSON) {
        printf("%s  {\"gatherings_months\": %d, \"county\": ", *first ? "" : ",\n", a->months);
        jstr(a->fylkesnr);
        printf(", \"after\": ");
        jstr(a->after);
        printf(", \"as_of\": ");
        jstr(a->as_of);
        printf(", \"absent_count\": %zu, \"municipalities\": [", a->absent_count);
        for (size_t i = 0; i < a->n; i++) {
            printf("%s\n    {\"kommunenr\": ", i ? "," : "");
            jstr(a->kommunenr[i]);
            printf(", \"name\": ");
            jstr(a->name[i]);
            printf(", \"attended\": %lld, \"last_attended\": ", (long long)a->attended[i]);
            jstr(a->last_attended[i]);
            printf("}");
        }
        printf("]}");
    } else if (fmt == FMT_CSV) {
        printf("%skommunenr,name,attended_last_%d_months,last_attended\n", *first ? "" : "\n", a->months);
        for (size_t i = 0; i < a->n; i++) {
            printf("%s,", a->kommunenr[i]);
            cstr(a->name[i]);
            printf(",%lld,%s\n", (long long)a->attended[i], a->last_attended[i] ? a->last_attended[i] : "");
        }
    } else {
        printf("%sCompetence-raising gatherings, county %s, %d months up to %s (after %s): "
               "%zu municipalities attended none\n",
               *first ? "" : "\n", a->fylkesnr, a->months, a->as_of, a->after, a->absent_count);
        printf("  %-8s %-22s %-9s %s\n", "kommune", "name", "attended", "last attended");
        for (size_t i = 0; i < a->n; i++)
        {
            printf("  %-8s ", a->kommunenr[i]);
            pad(a->name[i], 22);
            printf(" %-9lld %s%s\n", (long long)a->attended[i],
                   a->last_attended[i] ? a->last_attended[i] : "never", a->attended[i] ? "" : "   <- none in window");
        }
    }
    *first = 0;
}

int cmd_coverage(int argc, char **argv)
{
    const char *data = NULL, *network = NULL, *task = NULL, *as_of = NULL, *county = NULL;
    int months = 0;
    enum fmt fmt = FMT_TABLE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "--json"))
            fmt = FMT_JSON;
        else if (!strcmp(a, "--csv"))
            fmt = FMT_CSV;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return CLI_OK;
        } else if (has && !strcmp(a, "--data"))
            data = argv[++i];
        else if (has && !strcmp(a, "--network"))
            network = argv[++i];
        else if (has && !strcmp(a, "--task"))
            task = argv[++i];
        else if (has && !strcmp(a, "--as-of"))
            as_of = argv[++i];
        else if (has && !strcmp(a, "--county"))
            county = argv[++i];
        else if (has && !strcmp(a, "--months")) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 1200) {
                fprintf(stderr, "regint coverage: --months needs a whole number 1..1200\n");
                return CLI_USAGE;
            }
            months = (int)v;
        } else {
            fprintf(stderr, "regint coverage: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return CLI_USAGE;
        }
    }
    if (network && task) {
        fprintf(stderr, "regint coverage: give --network or --task, not both\n");
        return CLI_USAGE;
    }
    regint_task t = REGINT_TASK_SETTLEMENT;
    if (task && regint_task_from_name(task, &t))
        return cli_fail("--task");
    char buf[11];
    if (!as_of) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        as_of = buf;
    }
    regint_dataset *ds;
    if (data ? regint_dataset_load_file(data, &ds) : regint_dataset_load_default(&ds))
        return cli_fail("load");
    int rc = CLI_OK, first = 1;
    if (fmt == FMT_JSON)
        printf("[\n");
    regint_coverage_t *c = NULL;
    if (network || task) {
        if (network ? regint_coverage_network(ds, network, county, as_of, &c)
                    : regint_coverage_task(ds, t, county, as_of, &c))
            rc = cli_fail("coverage");
        else
            print_coverage(network ? "network" : "task", network ? network : task, c, fmt, &first);
        regint_coverage_free(c);
    } else {
        for (size_t i = 0; rc == CLI_OK && i < regint_network_count(ds); i++) {
            const char *id = regint_network_at(ds, i)->id;
            if (regint_coverage_network(ds, id, county, as_of, &c))
                rc = cli_fail("coverage");
            else
                print_coverage("network", id, c, fmt, &first);
            regint_coverage_free(c);
            c = NULL;
        }
        if (!months)
            months = 12;
    }
    if (rc == CLI_OK && months) {
        regint_attendance_t *a = NULL;
        if (regint_coverage_gatherings(ds, county, months, as_of, &a))
            rc = cli_fail("coverage --months");
        else
            print_attendance(a, fmt, &first);
        regint_attendance_free(a);
    }
    if (fmt == FMT_JSON)
        printf("\n]\n");
    regint_dataset_free(ds);
    return rc;
}
