/* regint apportion (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_apportion(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint apportion: not available in this build yet\n");
    return CLI_USAGE;
}
