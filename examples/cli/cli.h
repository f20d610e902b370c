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
