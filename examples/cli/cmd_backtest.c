/* regint backtest (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_backtest(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint backtest: not available in this build yet\n");
    return CLI_USAGE;
}
