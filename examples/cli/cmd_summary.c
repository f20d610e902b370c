/* regint summary (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_summary(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint summary: not available in this build yet\n");
    return CLI_USAGE;
}
