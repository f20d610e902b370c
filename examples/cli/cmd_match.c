/* regint match (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_match(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint match: not available in this build yet\n");
    return CLI_USAGE;
}
