/* Shared declarations of the regint command-line tool (not part of the library). */
#ifndef REGINT_CLI_H
#define REGINT_CLI_H

#include <regint/regint.h>

/* Exit codes (DESIGN.md): 0 ok, 1 bad input (message on stderr), 2 usage. */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

/* One command: `regint <name> ...`; argv[0] is the command name. */
typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} cli_command;

/* Print "regint: <what>: <regint_last_error()>" on stderr and return CLI_BAD_INPUT. */
int cli_fail(const char *what);

/* Shared helpers of the commands (cli_util.c). */
#include <stdint.h>
#include <stdio.h>

/* Output format of the commands that print a table, CSV or JSON. */
enum cli_format { CLI_TABLE = 0, CLI_CSV = 1, CLI_JSON = 2 };
/* Print s as a JSON string literal (escaped); NULL prints null. */
void cli_json_string(FILE *f, const char *s);
/* Print s as a CSV field, quoted only when it holds a comma, quote or line break. */
void cli_csv_field(FILE *f, const char *s);
/* Display width of a UTF-8 string in columns (code points). */
int cli_utf8_width(const char *s);
/* Print s left-aligned in `width` columns, counting UTF-8 characters, not bytes. */
void cli_pad(FILE *f, const char *s, int width);
/* Today's date (UTC) as "YYYY-MM-DD" in buf; returns buf. */
const char *cli_today(char buf[11]);
/* A whole decimal number in [lo, hi] (no sign tricks, no trailing text, no overflow);
 * 1 and *out set on success, else 0. */
int cli_parse_int64(const char *s, int64_t lo, int64_t hi, int64_t *out);
/* --data PATH, or the bundled dataset when path is NULL. */
regint_status cli_load_dataset(const char *path, regint_dataset **ds);

/* Options shared by the data commands (cli_args.c). */
enum { CLI_OPT_DATA = 1u, CLI_OPT_COUNTY = 2u, CLI_OPT_FORMAT = 4u };
typedef struct cli_common {
    const char *data;     /* --data FILE; NULL = the bundled dataset */
    const char *county;   /* --county NN; NULL if not given */
    enum cli_format fmt;  /* the last of --csv / --json; CLI_TABLE if neither */
    int csv, json;        /* 1 if --csv / --json was given */
} cli_common;
#define CLI_COMMON_INIT { NULL, NULL, CLI_TABLE, 0, 0 }
/* If argv[*i] is one of the options in `accept` (CLI_OPT_* bits) with its value, store it,
 * move *i to its last word and return 1; else return 0. */
int cli_common_option(int argc, char **argv, int *i, unsigned accept, cli_common *c);
/* "regint <command>: unknown or incomplete option '<arg>'" and the usage on stderr;
 * returns CLI_USAGE. */
int cli_bad_option(const char *command, const char *arg, void (*usage)(FILE *));

/* Each command, in cmd_<name>.c. */
int cmd_summary(int argc, char **argv);
int cmd_apportion(int argc, char **argv);
int cmd_recommend(int argc, char **argv);
int cmd_backtest(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_grants(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_guidance(int argc, char **argv);

#endif
