/* Whole-file reading and atomic writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fileio.h"
#include "util/savefile.h"
#include "util/error.h"
#include "util/strbuf.h"

/* The size cap: REGINT_MAX_FILE_SIZE from the environment (bytes, or with a k/M/G suffix
 * for KiB/MiB/GiB), else REGINT_MAX_FILE_SIZE_DEFAULT. Read at each load, so that no library
 * state is global and mutable; a malformed value is an error, not silently the default. */
regint_status regint__max_file_size(size_t *out)
{
    const char *env = getenv("REGINT_MAX_FILE_SIZE");
    if (!env || !*env) {
        *out = (size_t)REGINT_MAX_FILE_SIZE_DEFAULT;
        return REGINT_OK;
    }
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(env, &end, 10);
    unsigned long long mult = 1;
    if (end && *end && !end[1])
        mult = *end == 'k' || *end == 'K' ? 1ULL << 10 : *end == 'M' ? 1ULL << 20 : *end == 'G' ? 1ULL << 30 : 0;
    else if (end && *end)
        mult = 0;
    if (errno || end == env || env[0] == '-' || mult == 0 || v == 0 || v > (unsigned long long)SIZE_MAX / 2 / mult)
        return regint__error(REGINT_EINVAL,
                             "REGINT_MAX_FILE_SIZE='%.40s': expected a size in bytes from 1 to %zu, "
                             "optionally with a suffix k, M or G",
                             env, (size_t)SIZE_MAX / 2);
    *out = (size_t)(v * mult);
    return REGINT_OK;
}

regint_status regint__read_file(const char *path, char **data, size_t *len)
{
    if (!path)
        return regint__error(REGINT_EINVAL, "file path is NULL");
    size_t cap;
    regint_status st = regint__max_file_size(&cap);
    if (st)
        return regint__error_prefix(path);
    /* O_NONBLOCK: opening a FIFO with no writer must not block; it is refused below as
     * not a regular file anyway. fstat on the open descriptor, not stat on the name, so
     * the file checked is the file read (a symlink to /dev/zero is a character device). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return regint__error(REGINT_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return regint__error(REGINT_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        const char *what = S_ISDIR(sb.st_mode)    ? "a directory"
                           : S_ISFIFO(sb.st_mode) ? "a FIFO (named pipe)"
                           : S_ISCHR(sb.st_mode)  ? "a character device"
                           : S_ISBLK(sb.st_mode)  ? "a block device"
                           : S_ISSOCK(sb.st_mode) ? "a socket"
                                                  : "not a regular file";
        return regint__error(REGINT_EIO, "%s: cannot read: it is %s; only regular files are read", path, what);
    }
    if ((uintmax_t)sb.st_size > (uintmax_t)cap) {
        close(fd);
        return regint__error(REGINT_ERANGE,
                             "%s: %jd bytes is larger than the limit of %zu bytes (set REGINT_MAX_FILE_SIZE to "
                             "raise it)", path, (intmax_t)sb.st_size, cap);
    }
    /* Back to blocking reads for a regular file (O_NONBLOCK has no effect on them, but
     * say so rather than rely on it). */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    regint__sb b = {0};
    char chunk[1 << 14];
    int err = 0;
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        if (got == 0)
            break;
        /* The file may grow while it is read: keep to the cap all the same. */
        if (b.n + (size_t)got > cap) {
            close(fd);
            regint__sb_free(&b);
            return regint__error(REGINT_ERANGE,
                                 "%s: larger than the limit of %zu bytes (it grew while being read; set "
                                 "REGINT_MAX_FILE_SIZE to raise the limit)", path, cap);
        }
        regint__sb_put(&b, chunk, (size_t)got);
    }
    close(fd);
    if (err) {
        regint__sb_free(&b);
        return regint__error(REGINT_EIO, "%s: cannot read: %s", path, strerror(err));
    }
    size_t n = b.n;
    if (!(*data = regint__sb_take(&b)))
        return regint__error(REGINT_ENOMEM, "%s: out of memory reading %zu bytes", path, n);
    if (len)
        *len = n;
    return REGINT_OK;
}

regint_status regint__parse_file(const char *path, regint__parse_fn parse, void *out)
{
    return regint__parse_file_origin(path, parse, out, NULL); /* util/savefile.c */
}

/* regint__write_atomic() and regint__write_string_atomic() are in savefile.c. */
