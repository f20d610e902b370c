/* regint — command-line tool for the regional integration work of Norwegian counties. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_command commands[] = {
    {"summary", "load a dataset (default: the bundled one) and summarise it", cmd_summary},
    {"apportion", "apportion a total over weights (Hamilton, divisor methods, bounds)", cmd_apportion},
    {"recommend", "recommend settlement requests per municipality for a county", cmd_recommend},
    {"backtest", "back-test recommendations against IMDi's requests and decisions", cmd_backtest},
    {"match", "optimal matching of cases to municipalities (JSON instance)", cmd_match},
    {"report", "write a county report (Markdown and HTML)", cmd_report},
    {"grants", "grant schemes: allocate a budget, report on applications", cmd_grants},
    {"coverage", "which municipalities a task or network covers", cmd_coverage},
    {"guidance", "forecast career-guidance sessions per centre and month", cmd_guidance},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: regint <command> [options]   (regint <command> --help for more)\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nregint %s. Exit codes: 0 ok, 1 bad input, 2 usage.\n", regint_version());
}

int cli_fail(const char *what)
{
    fprintf(stderr, "regint: %s: %s\n", what, regint_last_error());
    return CLI_BAD_INPUT;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("regint %s\n", regint_version());
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "regint: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return CLI_USAGE;
}
