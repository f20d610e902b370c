/* The one "read a file, parse its text, free the text" path (see loadfile.h). */
#include "util/loadfile.h"

#include <stdlib.h>

#include "util/fileio.h"

regint_status regint__load_file(const char *path, regint__text_parser parse, void *out)
{
    char *text;
    size_t len;
    regint_status st = regint__read_file(path, &text, &len);
    if (st)
        return st;
    st = parse(text, len, path, out);
    free(text);
    return st;
}
