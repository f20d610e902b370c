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

regint_status regint__write_atomic(const char *path, const char *data, size_t len)
{
    if (!path || !*path)
        return regint__error(REGINT_EINVAL, "file path is empty");
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp)
        return regint__enomem();
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        regint_status st = regint__error(REGINT_EIO, "%s: cannot create temporary file: %s", path,
                                         strerror(errno));
        free(tmp);
        return st;
    }
    /* mkstemp creates the file 0600: give the result the target's mode if it exists,
     * else rw-r--r-- (a data file others may read). */
    struct stat sb;
    mode_t mode = stat(path, &sb) == 0 ? (sb.st_mode & 07777) : 0644;
    if (fchmod(fd, mode) != 0)
        goto fail;
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0)
        goto fail;
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0)
        goto fail;
    /* Make the rename itself durable: flush the directory entry (best effort). */
    char *slash = strrchr(tmp, '/');
    if (slash == tmp)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    int dfd = open(slash ? tmp : ".", O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    free(tmp);
    return REGINT_OK;
fail: {
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    return regint__error(REGINT_EIO, "%s: cannot write: %s", path, strerror(e));
}
}

regint_status regint__write_string_atomic(const char *path, char *text)
{
    regint_status st = regint__write_atomic(path, text, strlen(text));
    free(text);
    return st;
}
