/* regint coverage (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_coverage(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint coverage: not available in this build yet\n");
    return CLI_USAGE;
}
