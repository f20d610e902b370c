/* regint — command-line tool for the regional integration work of Norwegian counties. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Every command, in the order `regint --help` lists them. */
static const cli_command *const commands[] = {
    &cli_cmd_summary, &cli_cmd_apportion, &cli_cmd_recommend, &cli_cmd_backtest, &cli_cmd_gap,
    &cli_cmd_match,   &cli_cmd_report,    &cli_cmd_letter,    &cli_cmd_scenario, &cli_cmd_audit,
    &cli_cmd_grants,  &cli_cmd_coverage,  &cli_cmd_guidance,
};

static void usage(FILE *f)
{
    fprintf(f, "usage: regint <command> [options]   (regint <command> --help for more)\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i]->name, cli_summary(commands[i]));
    fprintf(f, "\nregint %s. Exit codes: 0 ok, 1 bad input, 2 usage. `regint --man` prints the manual page.\n",
            regint_version());
}

/* Run cmd with argv[0] = its name; a command with subcommands picks one by argv[1]. */
static int dispatch(const cli_command *cmd, int argc, char **argv)
{
    if (!cmd->subs) {
        void *args = malloc(cmd->args_size);
        if (!args) {
            fprintf(stderr, "regint %s: out of memory\n", cmd->name);
            return CLI_BAD_INPUT;
        }
        memcpy(args, cmd->defaults, cmd->args_size);
        int rc = cli_parse(cmd, argc, argv, args);
        if (rc == CLI_RUN)
            rc = cmd->run(cmd, args);
        free(args);
        return rc;
    }
    if (argc < 2) {
        cli_help(stderr, cmd);
        return CLI_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        cli_help(stdout, cmd);
        return CLI_OK;
    }
    for (size_t i = 0; cmd->subs[i]; i++) {
        const char *last = strrchr(cmd->subs[i]->name, ' ');
        if (!strcmp(argv[1], last ? last + 1 : cmd->subs[i]->name))
            return dispatch(cmd->subs[i], argc - 1, argv + 1);
    }
    return cli_usage_error(cmd, "unknown subcommand '%s'", argv[1]);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        /* `regint help CMD` = `regint CMD --help`. */
        for (size_t i = 0; argc > 2 && i < sizeof commands / sizeof commands[0]; i++)
            if (!strcmp(argv[2], commands[i]->name)) {
                cli_help(stdout, commands[i]);
                return CLI_OK;
            }
        if (argc > 2) {
            fprintf(stderr, "regint: unknown command '%s'\n\n", argv[2]);
            usage(stderr);
            return CLI_USAGE;
        }
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--man")) {
        cli_man(stdout, commands, sizeof commands / sizeof commands[0], regint_version());
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("regint %s\n", regint_version());
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i]->name))
            return dispatch(commands[i], argc - 1, argv + 1);
    fprintf(stderr, "regint: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return CLI_USAGE;
}
