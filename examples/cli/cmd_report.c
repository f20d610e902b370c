/* regint report (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint report: not available in this build yet\n");
    return CLI_USAGE;
}
