/* Whole-file reading and atomic writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fileio.h"
#include "util/error.h"
#include "util/strbuf.h"

regint_status regint__read_file(const char *path, char **data, size_t *len)
{
    if (!path)
        return regint__error(REGINT_EINVAL, "file path is NULL");
    FILE *f = fopen(path, "rb");
    if (!f)
        return regint__error(REGINT_EIO, "%s: cannot open: %s", path, strerror(errno));
    regint__sb b = {0};
    char chunk[1 << 14];
    size_t got;
    errno = 0;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        regint__sb_put(&b, chunk, got);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        regint__sb_free(&b);
        return regint__error(REGINT_EIO, "%s: cannot read: %s", path, strerror(err)); /* e.g. a directory */
    }
    size_t n = b.n;
    if (!(*data = regint__sb_take(&b)))
        return REGINT_ENOMEM;
    if (len)
        *len = n;
    return REGINT_OK;
}

regint_status regint__parse_file(const char *path, regint__parse_fn parse, void *out)
{
    char *data;
    size_t len;
    regint_status st = regint__read_file(path, &data, &len);
    if (st)
        return st;
    st = parse(data, len, path, out);
    free(data);
    return st;
}

/* regint__write_atomic() and regint__write_string_atomic() are in savefile.c. */
