/* The one option parser of the regint tool and the --help it prints, both driven by a
 * command's option table (cli.h). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Usage lines wrap at this width (the help texts are written for 92 columns). */
#define CLI_WIDTH 92
/* Entries of one option table at most (the longest has 14). */
#define CLI_MAX_OPTS 64

int cli_int_in(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return 0;
    *out = (int64_t)v;
    return 1;
}

const char *cli_range_text(char *buf, size_t size, int64_t lo, int64_t hi)
{
    if (lo == INT64_MIN && hi == INT64_MAX)
        snprintf(buf, size, "any");
    else if (hi == INT64_MAX)
        snprintf(buf, size, ">= %lld", (long long)lo);
    else if (lo == INT64_MIN)
        snprintf(buf, size, "<= %lld", (long long)hi);
    else
        snprintf(buf, size, "%lld..%lld", (long long)lo, (long long)hi);
    return buf;
}

static const char *number_range_text(char *buf, size_t size, double min, double max)
{
    if (isinf(min) && isinf(max))
        snprintf(buf, size, "any");
    else if (isinf(max))
        snprintf(buf, size, ">= %g", min);
    else
        snprintf(buf, size, "%g..%g", min, max);
    return buf;
}

/* The n-th word of a '|'-separated list that equals s, or -1. */
static int choice_index(const char *choices, const char *s)
{
    size_t len = strlen(s);
    int k = 0;
    for (const char *p = choices;; k++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && !strncmp(p, s, n))
            return k;
        if (!bar)
            return -1;
        p = bar + 1;
    }
}

/* ---- help and usage ------------------------------------------------------------------ */

/* "--name VALUE" (or "--csv|--json" for the alternatives of one field, "FILE" for an ARG). */
static int opt_words(char *buf, size_t size, const cli_opt *o)
{
    if (o->kind == CLI_KIND_ARG)
        return snprintf(buf, size, "%s", o->name);
    if (o->kind == CLI_KIND_FLAG)
        return snprintf(buf, size, "--%s", o->name);
    return snprintf(buf, size, "--%s %s", o->name, o->value_name);
}

/* Entries that are help text, not options. */
static int is_text(const cli_opt *o)
{
    return o->kind == CLI_KIND_SUMMARY || o->kind == CLI_KIND_ABOUT || o->kind == CLI_KIND_NOTES;
}

/* Flags that share a field with the next entry are shown together: [--csv|--json]. */
static int same_field_flags(const cli_opt *a, const cli_opt *b)
{
    return a->kind == CLI_KIND_FLAG && b->kind == CLI_KIND_FLAG && a->offset == b->offset;
}

static void usage_line(FILE *f, const char *lead, const cli_command *cmd)
{
    char tok[256];
    int indent = fprintf(f, "%sregint %s", lead, cmd->name), col = indent;
    const cli_opt *o = cmd->opts;
    while (o->kind != CLI_KIND_END) {
        if ((o->flags & CLI_HIDDEN) || is_text(o)) {
            o++;
            continue;
        }
        int req = (o->flags & CLI_REQUIRED) != 0;
        size_t n = (size_t)snprintf(tok, sizeof tok, "%s", req ? "" : "[");
        for (;;) {
            n += (size_t)opt_words(tok + n, sizeof tok - n, o);
            if (!same_field_flags(o, o + 1))
                break;
            n += (size_t)snprintf(tok + n, sizeof tok - n, "|");
            o++;
        }
        if (!req)
            snprintf(tok + n, sizeof tok - n, "]");
        int w = (int)strlen(tok);
        if (col + 1 + w > CLI_WIDTH && col > indent)
            col = fprintf(f, "\n%*s", indent, "") - 1;
        col += fprintf(f, " %s", tok);
        o++;
    }
    fputc('\n', f);
}

/* Print text with every line after a newline indented by `indent` columns. */
static void indented(FILE *f, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        fputc(*p, f);
        if (*p == '\n' && p[1])
            fprintf(f, "%*s", indent, "");
    }
}

static void options_block(FILE *f, const cli_opt *opts, int with_help)
{
    char words[128], range[64];
    int width = 0;
    for (const cli_opt *o = opts; o->kind != CLI_KIND_END; o++) {
        if ((o->flags & CLI_HIDDEN) || is_text(o))
            continue;
        int w = opt_words(words, sizeof words, o);
        if (w > width)
            width = w;
    }
    if (width > 22)
        width = 22;
    if (with_help && width < 10)
        width = 10;
    for (const cli_opt *o = opts; o->kind != CLI_KIND_END; o++) {
        if ((o->flags & CLI_HIDDEN) || is_text(o))
            continue;
        int w = opt_words(words, sizeof words, o);
        /* A long option name puts its help on the next line. */
        if (w > width)
            fprintf(f, "  %s\n%*s", words, width + 4, "");
        else
            fprintf(f, "  %s%*s  ", words, width - w, "");
        indented(f, o->help, width + 4);
        if (o->kind == CLI_KIND_INT)
            fprintf(f, " [%s]", cli_range_text(range, sizeof range, o->lo, o->hi));
        else if (o->kind == CLI_KIND_NUMBER)
            fprintf(f, " [%s]", number_range_text(range, sizeof range, o->min, o->max));
        fputc('\n', f);
    }
    if (with_help)
        fprintf(f, "  %-*s  this help\n", width, "-h, --help");
}

/* The table's help text of this kind (CLI_KIND_ABOUT or CLI_KIND_NOTES), or NULL. */
static const char *table_text(const cli_opt *opts, cli_opt_kind kind)
{
    for (const cli_opt *o = opts; o->kind != CLI_KIND_END; o++)
        if (o->kind == kind)
            return o->help;
    return NULL;
}

const char *cli_summary(const cli_command *cmd)
{
    const char *s = table_text(cmd->opts, CLI_KIND_SUMMARY);
    return s ? s : "";
}

/* The usage lines of a command, or of each of its subcommands. */
static void usage_lines(FILE *f, const cli_command *cmd)
{
    if (!cmd->subs)
        usage_line(f, "usage: ", cmd);
    else
        for (size_t i = 0; cmd->subs[i]; i++)
            usage_line(f, i ? "       " : "usage: ", cmd->subs[i]);
}

void cli_help(FILE *f, const cli_command *cmd)
{
    const cli_command *const one[] = {cmd, NULL};
    const cli_command *const *list = cmd->subs ? cmd->subs : one;
    usage_lines(f, cmd);
    for (size_t i = 0; list[i]; i++) {
        const cli_command *c = list[i];
        const char *about = table_text(c->opts, CLI_KIND_ABOUT), *notes = table_text(c->opts, CLI_KIND_NOTES);
        /* `regint --help` lists the commands' summaries, but not the subcommands'. */
        int sub = strchr(c->name, ' ') != NULL;
        if (sub)
            fprintf(f, "\n%s: %s\n", c->name, cli_summary(c));
        if (about)
            fprintf(f, "%s%s", sub ? "" : "\n", about);
        fprintf(f, "%soptions:\n", sub ? "" : "\n");
        options_block(f, c->opts, !cmd->subs);
        if (notes)
            fprintf(f, "\n%s", notes);
    }
}

/* ---- the manual page regint(1), from the same tables ---------------------------------- */

/* s as roff text: backslashes and hyphens escaped, a line starting with '.' or '\'' kept
 * from being read as a request. */
static void roff(FILE *f, const char *s)
{
    for (int bol = 1; *s; s++) {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", f);
        if (*s == '\\')
            fputs("\\e", f);
        else if (*s == '-')
            fputs("\\-", f);
        else
            fputc(*s, f);
        bol = *s == '\n';
    }
}

/* Text written for the terminal (lines already broken), kept as it is. */
static void roff_block(FILE *f, const char *text)
{
    if (!text)
        return;
    fputs(".PP\n.nf\n", f);
    roff(f, text);
    fputs(".fi\n", f);
}

static void man_command(FILE *f, const cli_command *c)
{
    char words[128], range[64], *usage = NULL;
    size_t len = 0;
    fprintf(f, ".SS \"regint %s\"\n", c->name);
    roff(f, cli_summary(c));
    fputc('\n', f);
    FILE *m = open_memstream(&usage, &len);
    if (m) {
        usage_line(m, "", c);
        fclose(m);
        roff_block(f, usage);
        free(usage);
    }
    roff_block(f, table_text(c->opts, CLI_KIND_ABOUT));
    for (const cli_opt *o = c->opts; o->kind != CLI_KIND_END; o++) {
        if ((o->flags & CLI_HIDDEN) || is_text(o))
            continue;
        opt_words(words, sizeof words, o);
        fputs(".TP\n.B ", f);
        roff(f, words);
        fputc('\n', f);
        roff(f, o->help);
        if (o->kind == CLI_KIND_INT)
            fprintf(f, " [%s]", cli_range_text(range, sizeof range, o->lo, o->hi));
        else if (o->kind == CLI_KIND_NUMBER)
            fprintf(f, " [%s]", number_range_text(range, sizeof range, o->min, o->max));
        fputc('\n', f);
    }
    roff_block(f, table_text(c->opts, CLI_KIND_NOTES));
}

void cli_man(FILE *f, const cli_command *const *cmds, size_t n, const char *version)
{
    fprintf(f, ".TH REGINT 1 \"\" \"regint %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\nregint \\- settlement, apportionment, matching, grants and reports for the integration\n"
          "work of Norwegian counties\n"
          ".SH SYNOPSIS\n.B regint\n.I command\n[\\fIoptions\\fR]\n"
          ".SH DESCRIPTION\nEach command reads the bundled dataset unless \\fB\\-\\-data\\fR names another "
          "(\\fB$REGINT_DATA\\fR overrides the bundled one). Options are \\fB\\-\\-name value\\fR or "
          "\\fB\\-\\-name=value\\fR; \\fB\\-\\-\\fR ends the options; ranges are in brackets.\n"
          ".SH COMMANDS\n",
          f);
    for (size_t i = 0; i < n; i++)
        if (cmds[i]->subs)
            for (size_t k = 0; cmds[i]->subs[k]; k++)
                man_command(f, cmds[i]->subs[k]);
        else
            man_command(f, cmds[i]);
    fputs(".SH EXIT STATUS\n0 ok, 1 bad input (the message on stderr names the file, the place and the rule), "
          "2 usage.\n"
          ".SH ENVIRONMENT\n.TP\n.B REGINT_DATA\nthe dataset JSON file used instead of the bundled one.\n"
          ".SH FILES\n.TP\n.I <prefix>/share/regint/regint\\-default.json\n"
          "the bundled dataset, built from real public data (SSB, IMDi); \\fI<prefix>\\fR is the folder "
          "the regint library is installed under (\\fI/usr\\fR for the Debian packages).\n"
          ".SH EXAMPLES\n.nf\n"
          "regint recommend \\-\\-county 39 \\-\\-year 2026\n"
          "regint backtest \\-\\-county 50 \\-\\-csv\n"
          "regint apportion \\-\\-method sainte\\-lague \\-\\-total 9 \\-\\-weights 5,3,1\n"
          ".fi\n"
          ".SH SEE ALSO\nThe guides in \\fIdocs/\\fR of the source (user\\-guide.md, settlement.md, "
          "tasks.md); \\fBregint \\fIcommand\\fB \\-\\-help\\fR.\n",
          f);
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "regint %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    usage_lines(stderr, cmd);
    fprintf(stderr, "(regint %s --help for more)\n", cmd->name);
    return CLI_USAGE;
}

/* ---- the parser ---------------------------------------------------------------------- */

/* Store one value; CLI_RUN or CLI_USAGE after a message that states what was expected. */
static int store(const cli_command *cmd, const cli_opt *o, const char *v, char *base)
{
    char range[64];
    void *field = base + o->offset;
    switch (o->kind) {
    case CLI_KIND_STRING:
    case CLI_KIND_ARG:
        *(const char **)field = v;
        return CLI_RUN;
    case CLI_KIND_INT: {
        int64_t x;
        if (!cli_int_in(v, o->lo, o->hi, &x)) {
            fprintf(stderr, "regint %s: --%s: expected an integer in %s, got '%s'\n", cmd->name, o->name,
                    cli_range_text(range, sizeof range, o->lo, o->hi), v);
            return CLI_USAGE;
        }
        *(int64_t *)field = x;
        return CLI_RUN;
    }
    case CLI_KIND_NUMBER: {
        char *end;
        errno = 0;
        double x = strtod(v, &end);
        /* NaN fails both comparisons; an infinity passes only an open range. */
        if (errno == ERANGE || end == v || *end || !(x >= o->min && x <= o->max)) {
            fprintf(stderr, "regint %s: --%s: expected a number in %s, got '%s'\n", cmd->name, o->name,
                    number_range_text(range, sizeof range, o->min, o->max), v);
            return CLI_USAGE;
        }
        *(double *)field = x;
        return CLI_RUN;
    }
    case CLI_KIND_CHOICE: {
        int k = choice_index(o->choices, v);
        if (k < 0) {
            fprintf(stderr, "regint %s: --%s: expected ", cmd->name, o->name);
            for (const char *p = o->choices; *p; p++)
                if (*p != '|')
                    fputc(*p, stderr);
                else
                    fputs(strchr(p + 1, '|') ? ", " : " or ", stderr);
            fprintf(stderr, ", got '%s'\n", v);
            return CLI_USAGE;
        }
        *(int *)field = k;
        return CLI_RUN;
    }
    default:
        return CLI_RUN;
    }
}

static int is_help(const char *a)
{
    return !strcmp(a, "--help") || !strcmp(a, "-h");
}

int cli_parse(const cli_command *cmd, int argc, char **argv, void *args)
{
    const cli_opt *opts = cmd->opts;
    size_t nopts = 0;
    while (opts[nopts].kind != CLI_KIND_END)
        nopts++;
    /* Which options were given: for the required ones and the alternatives of one field. */
    char seen[CLI_MAX_OPTS] = {0};
    if (nopts > CLI_MAX_OPTS) {
        fprintf(stderr, "regint %s: option table longer than %d entries\n", cmd->name, CLI_MAX_OPTS);
        return CLI_USAGE;
    }
    for (int i = 1; i < argc; i++)
        if (is_help(argv[i])) {
            cli_help(stdout, cmd);
            return CLI_OK;
        } else if (!strcmp(argv[i], "--")) {
            break;
        }
    const cli_opt *next_arg = opts;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && !strcmp(a, "--")) {
            only_args = 1;
            continue;
        }
        if (only_args || a[0] != '-' || !a[1]) {
            while (next_arg->kind != CLI_KIND_END && next_arg->kind != CLI_KIND_ARG)
                next_arg++;
            if (next_arg->kind == CLI_KIND_END)
                return cli_usage_error(cmd, "unexpected argument '%s'", a);
            seen[next_arg - opts] = 1;
            store(cmd, next_arg++, a, args);
            continue;
        }
        const char *name = a[1] == '-' ? a + 2 : a + 1, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_opt *o = NULL;
        for (size_t k = 0; k < nopts && !o; k++)
            if (opts[k].kind != CLI_KIND_ARG && !is_text(&opts[k]) && a[1] == '-' && strlen(opts[k].name) == len &&
                !strncmp(opts[k].name, name, len))
                o = &opts[k];
        if (!o)
            return cli_usage_error(cmd, "unknown option '%s'", a);
        const char *v = NULL;
        if (o->kind == CLI_KIND_FLAG) {
            if (eq)
                return cli_usage_error(cmd, "--%s takes no value", o->name);
            /* Flags that share a field are alternatives (--csv, --json): one of them. */
            for (size_t k = 0; k < nopts; k++)
                if (seen[k] && &opts[k] != o && opts[k].kind == CLI_KIND_FLAG && opts[k].offset == o->offset) {
                    fprintf(stderr, "regint %s: give --%s or --%s, not both\n", cmd->name, opts[k].name, o->name);
                    return CLI_USAGE;
                }
            *(int *)((char *)args + o->offset) = (int)o->lo;
        } else {
            if (eq)
                v = eq + 1;
            else if (i + 1 < argc)
                v = argv[++i];
            else {
                fprintf(stderr, "regint %s: --%s needs a value\n", cmd->name, o->name);
                return CLI_USAGE;
            }
            int rc = store(cmd, o, v, args);
            if (rc != CLI_RUN)
                return rc;
        }
        seen[o - opts] = 1;
    }
    for (size_t k = 0; k < nopts; k++)
        if ((opts[k].flags & CLI_REQUIRED) && !seen[k]) {
            if (opts[k].kind == CLI_KIND_ARG)
                return cli_usage_error(cmd, "%s is required", opts[k].name);
            return cli_usage_error(cmd, "--%s is required", opts[k].name);
        }
    return CLI_RUN;
}
