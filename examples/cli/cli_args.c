/* Option parsing shared by the data commands: --data, --county, --csv, --json, and the
 * usage error for anything else. */
#include <string.h>

#include "cli.h"

int cli_common_option(int argc, char **argv, int *i, unsigned accept, cli_common *c)
{
    const char *a = argv[*i];
    int has = *i + 1 < argc;
    if ((accept & CLI_OPT_FORMAT) && !strcmp(a, "--csv")) {
        c->fmt = CLI_CSV;
        c->csv = 1;
    } else if ((accept & CLI_OPT_FORMAT) && !strcmp(a, "--json")) {
        c->fmt = CLI_JSON;
        c->json = 1;
    } else if ((accept & CLI_OPT_DATA) && has && !strcmp(a, "--data")) {
        c->data = argv[++*i];
    } else if ((accept & CLI_OPT_COUNTY) && has && !strcmp(a, "--county")) {
        c->county = argv[++*i];
    } else {
        return 0;
    }
    return 1;
}

int cli_bad_option(const char *command, const char *arg, void (*usage)(FILE *))
{
    fprintf(stderr, "regint %s: unknown or incomplete option '%s'\n\n", command, arg);
    usage(stderr);
    return CLI_USAGE;
}
