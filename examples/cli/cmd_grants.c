/* regint grants (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_grants(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint grants: not available in this build yet\n");
    return CLI_USAGE;
}
