/* Shared declarations of the regint command-line tool (not part of the library).
 *
 * Every command describes its options in one declarative table (cli_opt, modelled on
 * libgit2's src/cli/opt.h): name, value name, kind, allowed range and help text, plus where
 * in the command's own argument struct the value goes. One parser (cli_parse) reads argv by
 * that table and the same table prints `--help`, so the two cannot drift apart. The tables
 * hold data only (no callbacks), so that a man page regint(1) can be generated from them. */
#ifndef REGINT_CLI_H
#define REGINT_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <regint/regint.h>

/* Exit codes (DESIGN.md): 0 ok, 1 bad input (message on stderr), 2 usage. cli_parse returns
 * CLI_RUN when the command should go on. */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2, CLI_RUN = -1 };

/* ---- the option tables --------------------------------------------------------------- */

/* What an option takes, and the C type of the field it fills. */
typedef enum cli_opt_kind {
    CLI_KIND_END = 0, /* ends a table */
    CLI_KIND_FLAG,    /* --json: stores `lo` in an int; flags sharing a field are alternatives */
    CLI_KIND_STRING,  /* --data FILE: the word, a const char * */
    CLI_KIND_INT,     /* --year Y: a whole number in [lo, hi], an int64_t */
    CLI_KIND_NUMBER,  /* --adult-share X: a number in [min, max], a double */
    CLI_KIND_CHOICE,  /* --stdout md|html: the index of the word in `choices`, an int */
    CLI_KIND_ARG,     /* a positional argument (FILE): the word, a const char * */
    CLI_KIND_SUMMARY, /* help text: one line for `regint --help` */
    CLI_KIND_ABOUT,   /* help text: what the command does (after the usage line) */
    CLI_KIND_NOTES    /* help text after the options */
} cli_opt_kind;

/* Options with these bits: required; left out of --help (kept for old scripts). */
enum { CLI_REQUIRED = 1u, CLI_HIDDEN = 2u };

typedef struct cli_opt {
    cli_opt_kind kind;
    const char *name;       /* long name without "--"; for an ARG its placeholder (FILE) */
    const char *value_name; /* FILE, Y, N ... in usage and help; NULL for a FLAG */
    size_t offset;          /* offsetof() the field in the command's argument struct */
    int64_t lo, hi;         /* INT: the allowed range; FLAG: the value stored (lo) */
    double min, max;        /* NUMBER: the allowed range */
    const char *choices;    /* CHOICE: the words, separated by '|' */
    unsigned flags;         /* CLI_REQUIRED, CLI_HIDDEN */
    const char *help;       /* one or more lines ('\n' between them) */
} cli_opt;

/* Table entries. T is the command's argument struct and F the field; _Generic makes a
 * field of the wrong type a compile error. */
#define CLI_OFFSET_(T, F, CT) _Generic(((T *)0)->F, CT: offsetof(T, F))
#define CLI_FLAG(name, T, F, value, help) \
    {CLI_KIND_FLAG, name, NULL, CLI_OFFSET_(T, F, int), value, value, 0, 0, NULL, 0, help}
#define CLI_STRING(name, vname, T, F, flags, help) \
    {CLI_KIND_STRING, name, vname, CLI_OFFSET_(T, F, const char *), 0, 0, 0, 0, NULL, flags, help}
#define CLI_INT(name, vname, T, F, lo, hi, flags, help) \
    {CLI_KIND_INT, name, vname, CLI_OFFSET_(T, F, int64_t), lo, hi, 0, 0, NULL, flags, help}
#define CLI_NUMBER(name, vname, T, F, min, max, help) \
    {CLI_KIND_NUMBER, name, vname, CLI_OFFSET_(T, F, double), 0, 0, min, max, NULL, 0, help}
#define CLI_CHOICE(name, choices, T, F, help) \
    {CLI_KIND_CHOICE, name, choices, CLI_OFFSET_(T, F, int), 0, 0, 0, 0, choices, 0, help}
#define CLI_ARG(name, T, F, flags, help) \
    {CLI_KIND_ARG, name, name, CLI_OFFSET_(T, F, const char *), 0, 0, 0, 0, NULL, flags, help}
#define CLI_SUMMARY(text) {CLI_KIND_SUMMARY, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0, text}
#define CLI_ABOUT(text) {CLI_KIND_ABOUT, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0, text}
#define CLI_NOTES(text) {CLI_KIND_NOTES, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0, text}
#define CLI_END {CLI_KIND_END, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0, NULL}

/* A macro's value as a string literal, for help texts that name a library default. */
#define CLI_STR_(x) #x
#define CLI_STR(x) CLI_STR_(x)

/* Output format of the commands that print a table, CSV or JSON. */
enum cli_format { CLI_TABLE = 0, CLI_CSV = 1, CLI_JSON = 2 };

/* The options most data commands share; T needs fields `data`, `county`, `fmt`. */
#define CLI_OPT_DATA(T) \
    CLI_STRING("data", "FILE", T, data, 0, "dataset JSON (default: the bundled dataset; $REGINT_DATA overrides)")
#define CLI_OPT_COUNTY(T, help) CLI_STRING("county", "NR", T, county, 0, help)
#define CLI_OPT_FORMAT(T)                                      \
    CLI_FLAG("csv", T, fmt, CLI_CSV, "CSV output"),            \
    CLI_FLAG("json", T, fmt, CLI_JSON, "JSON output")

/* One command: `regint <name> ...`. main parses argv by `opts` into a copy of `defaults`
 * (the command's argument struct, args_size bytes) and hands it to run. */
typedef struct cli_command {
    const char *name;      /* "summary"; a subcommand: "grants allocate" */
    const cli_opt *opts;   /* the option table (with its help texts), ended by CLI_END */
    const void *defaults;  /* the values of the options not given */
    size_t args_size;      /* sizeof the argument struct */
    int (*run)(const struct cli_command *cmd, const void *args);
    const struct cli_command *const *subs; /* subcommands, NULL-ended; NULL if none */
} cli_command;
/* A command whose argument struct's defaults are in the file's `defaults`. */
#define CLI_COMMAND(name, opts, run) {name, opts, &defaults, sizeof defaults, run, NULL}

/* Parse argv[1..argc-1] by cmd->opts into args (the struct the offsets point into; fields
 * of options not given keep their values: main passes a copy of cmd->defaults).
 * `--name value` and `--name=value`; "--" ends the options. Returns CLI_RUN to go on,
 * CLI_OK after printing --help on stdout, or CLI_USAGE after a message on stderr: unknown
 * option, missing or malformed value (stating the allowed range), missing required option,
 * two alternatives of one field. */
int cli_parse(const cli_command *cmd, int argc, char **argv, void *args);
/* The full help of a command (usage line, about, options, notes). */
void cli_help(FILE *f, const cli_command *cmd);
/* The manual page regint(1) in roff, from the commands' tables (`regint --man`). */
void cli_man(FILE *f, const struct cli_command *const *cmds, size_t n, const char *version);
/* The text of the table's CLI_SUMMARY entry ("" if none). */
const char *cli_summary(const cli_command *cmd);
/* "regint <cmd>: <message>", the usage line and a pointer to --help on stderr; CLI_USAGE. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A whole decimal number in [lo, hi] (no trailing text, no overflow): 1 and *out, else 0. */
int cli_int_in(const char *s, int64_t lo, int64_t hi, int64_t *out);
/* --years A-B or A (1900..2200, A <= B): 1 and the years, else 0 (backtest, gap). */
int cli_years_in(const char *s, int *from, int *to);
/* The allowed range as text: "1..60", ">= 0", "any"; returns buf. */
const char *cli_range_text(char *buf, size_t size, int64_t lo, int64_t hi);

/* ---- loading and errors ------------------------------------------------------------- */

/* "regint <cmd>: [<what>: ]<regint_last_error()>" on stderr; returns CLI_BAD_INPUT. */
int cli_fail(const char *cmd, const char *what);
/* --data FILE, or the bundled dataset when path is NULL; on error the message (which
 * names the file) goes to stderr. Returns CLI_OK or CLI_BAD_INPUT. */
int cli_load_dataset(const char *cmd, const char *path, regint_dataset **ds);

/* The dataset (as cli_load_dataset) and, when profile is not NULL, the settlement profile
 * of --profile (else *prof = NULL). On error nothing is left loaded; CLI_BAD_INPUT. */
int cli_load_settlement(const char *cmd, const char *data, const char *profile, regint_dataset **ds,
                        regint_settlement_profile **prof);

/* --alt-profile F1,F2,...: each profile file loaded into *v (malloc'd, *n of them; free with
 * cli_free_profiles); list NULL = none. CLI_OK, or CLI_BAD_INPUT after the message (what is
 * loaded so far is in *v, *n). */
int cli_load_profiles(const char *cmd, const char *list, regint_settlement_profile ***v, size_t *n);
void cli_free_profiles(regint_settlement_profile **v, size_t n);

/* The options of scenario, audit and letter that fill regint_letter_options (version 2);
 * T needs the fields alt (const char *), allocation (const char *), max_per_1000 (double). */
#define CLI_OPT_ALT_PROFILE(T)                                                                   \
    CLI_STRING("alt-profile", "FILE[,FILE...]", T, alt, 0,                                       \
               "alternative profiles, comma-separated: each run at the base total and reported in a column")
#define CLI_OPT_AUDIT(T)                                                                         \
    CLI_STRING("allocation", "FILE.csv|imdi", T, allocation, 0,                                  \
               "audit this allocation: a CSV with the header kommunenr,allocation (absent municipalities 0;\n" \
               "without --total its sum is the total), or 'imdi' for IMDi's requests of the year"),       \
        CLI_NUMBER("max-per-1000", "X", T, max_per_1000, 0, 1000,                                \
                   "fairness floor: nobody asked above X per 1,000 inhabitants unless it decided so itself")

/* ---- output helpers (the one JSON and CSV string escaper of the tool) ---------------- */

/* Print s as a JSON string literal (escaped); NULL prints null. */
void cli_json_string(FILE *f, const char *s);
/* Print prefix as it is (punctuation and a key), then s as a JSON string literal. */
void cli_json_member(FILE *f, const char *prefix, const char *s);
/* Print on stdout and free a text the library made (JSON, a report), st the status of
 * the call that made it; else the error on stderr. Returns CLI_OK or CLI_BAD_INPUT. */
int cli_put_text(const char *cmd, regint_status st, char *text);
/* Print s as a CSV field: quoted when it holds a comma, quote or line break, or always
 * with CLI_QUOTE_ALWAYS; NULL prints an empty field. */
enum { CLI_QUOTE_IF_NEEDED = 0, CLI_QUOTE_ALWAYS = 1 };
void cli_csv_field(FILE *f, const char *s, int quote);
/* Display width of a UTF-8 string in columns (code points). */
int cli_utf8_width(const char *s);
/* A name column's width: the wider of w and s's display width, at most CLI_NAME_WIDTH_MAX
 * (longer names are cut by the table). Start from the header's width and widen per row. */
#define CLI_NAME_WIDTH_MAX 28
int cli_name_width(int w, const char *s);
/* Print s left-aligned in `width` columns, counting UTF-8 characters, not bytes. */
void cli_pad(FILE *f, const char *s, int width);
/* Today's date (UTC) as "YYYY-MM-DD" in buf; returns buf. */
const char *cli_today(char buf[11]);

/* ---- the commands (cmd_<name>.c) ----------------------------------------------------- */
extern const cli_command cli_cmd_summary, cli_cmd_apportion, cli_cmd_recommend, cli_cmd_backtest, cli_cmd_gap,
    cli_cmd_match, cli_cmd_report, cli_cmd_grants, cli_cmd_coverage, cli_cmd_guidance, cli_cmd_letter, cli_cmd_scenario,
    cli_cmd_audit;
/* Their run functions: args points to the command's argument struct. */
int cli_run_summary(const cli_command *cmd, const void *args);
int cli_run_apportion(const cli_command *cmd, const void *args);
int cli_run_recommend(const cli_command *cmd, const void *args);
int cli_run_backtest(const cli_command *cmd, const void *args);
int cli_run_gap(const cli_command *cmd, const void *args);
int cli_run_match(const cli_command *cmd, const void *args);
int cli_run_report(const cli_command *cmd, const void *args);
int cli_run_letter(const cli_command *cmd, const void *args);
int cli_run_grants(const cli_command *cmd, const void *args);
int cli_run_grants_case(const cli_command *cmd, const void *args);
/* The case-work subcommands of `regint grants` (cmd_grants_case.c). */
extern const cli_command cli_grants_add, cli_grants_score, cli_grants_decide, cli_grants_pay, cli_grants_repay, cli_grants_receive,
    cli_grants_list, cli_grants_remind;
int cli_run_coverage(const cli_command *cmd, const void *args);
int cli_run_guidance(const cli_command *cmd, const void *args);

#endif
