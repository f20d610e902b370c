/* regint guidance (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_guidance(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint guidance: not available in this build yet\n");
    return CLI_USAGE;
}
