/* regint recommend (placeholder until its issue lands). */
#include <stdio.h>

#include "cli.h"

int cmd_recommend(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "regint recommend: not available in this build yet\n");
    return CLI_USAGE;
}
