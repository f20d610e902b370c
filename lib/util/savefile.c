/* Saving files safely (issue 16, classes 6 and 7):
 *  - atomic replacement: a temporary `<target>.tmp.XXXXXX` in the target's directory, fsync,
 *    rename over the target, fsync of the directory;
 *  - through symbolic links: the link is followed to its final target, so the link stays a
 *    link and the temporary file sits next to the real file (a rename never crosses file
 *    systems);
 *  - leftovers: an interrupted save leaves its temporary behind; the next save of the same
 *    target removes every `<target>.tmp.XXXXXX` that no running save holds. A save holds an
 *    exclusive flock() on its temporary until it is renamed, and the kernel drops the lock when
 *    a process dies, so "not locked" means "abandoned";
 *  - lost updates: a handle loaded from a file remembers a hash of the bytes it read
 *    (regint__origin); saving back to that file first takes an exclusive flock() on it and
 *    refuses with REGINT_ECONFLICT when its bytes are no longer the ones loaded, unless forced.
 *    The lock spans the check and the rename, so of two processes that save at the same time
 *    one wins and the other sees the change;
 *  - pairs: regint__save_pair() replaces two files together or neither.
 * flock() is advisory: it orders regint's own saves, which is what a lost update needs. */
#define _GNU_SOURCE /* O_DIRECTORY, O_NOFOLLOW, flock on glibc in strict C11 mode */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/savefile.h"

uint64_t regint__hash64(const void *data, size_t len)
{
    /* FNV-1a: not cryptographic, only "are these the bytes we loaded?". */
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

void regint__origin_free(regint__origin *o)
{
    if (o) {
        free(o->path);
        free(o);
    }
}

regint_status regint__origin_set(regint__origin **o, const char *path, const void *data, size_t len)
{
    char *real = realpath(path, NULL);
    if (!real) /* e.g. the file went away since it was read: nothing to compare with */
        return REGINT_OK;
    if (!*o && !(*o = regint__calloc(1, sizeof **o))) {
        free(real);
        return regint__enomem();
    }
    free((*o)->path);
    (*o)->path = real;
    (*o)->len = len;
    (*o)->hash = regint__hash64(data, len);
    return REGINT_OK;
}

regint_status regint__parse_file_origin(const char *path, regint__parse_fn parse, void *out,
                                        regint__origin **origin)
{
    char *data;
    size_t len;
    if (origin)
        *origin = NULL;
    regint_status st = regint__read_file(path, &data, &len);
    if (st)
        return st;
    /* The origin first: once `parse` succeeded nothing may fail (the caller owns *out). */
    if (origin)
        st = regint__origin_set(origin, path, data, len);
    if (!st && (st = parse(data, len, path, out)) && origin) {
        regint__origin_free(*origin);
        *origin = NULL;
    }
    free(data);
    return st;
}

/* The final target of `path` after following symbolic links (at most 40, as the kernel); a
 * dangling link gives the path it points to. Caller frees. NULL with the error set. */
static char *resolve_target(const char *path)
{
    char *p = regint__strdup(path);
    if (!p) {
        regint__enomem();
        return NULL;
    }
    for (int hops = 0; hops < 40; hops++) {
        struct stat sb;
        if (lstat(p, &sb) != 0 || !S_ISLNK(sb.st_mode))
            return p;
        char link[PATH_MAX];
        ssize_t n = readlink(p, link, sizeof link - 1);
        if (n < 0) {
            regint__error(REGINT_EIO, "%s: cannot read the symbolic link: %s", path, strerror(errno));
            free(p);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(p, '/');
        if (link[0] == '/' || !slash) {
            next = regint__strdup(link);
        } else { /* relative to the link's directory */
            size_t dl = (size_t)(slash - p) + 1;
            next = malloc(dl + (size_t)n + 1);
            if (next) {
                memcpy(next, p, dl);
                memcpy(next + dl, link, (size_t)n + 1);
            }
        }
        free(p);
        if (!(p = next)) {
            regint__enomem();
            return NULL;
        }
    }
    regint__error(REGINT_EIO, "%s: too many levels of symbolic links", path);
    free(p);
    return NULL;
}

/* Split `target` into a directory to open ("." if none) and the base name. */
static void split_dir(const char *target, char *dir, size_t dsz, const char **base)
{
    const char *slash = strrchr(target, '/');
    if (!slash) {
        snprintf(dir, dsz, ".");
        *base = target;
    } else if (slash == target) {
        snprintf(dir, dsz, "/");
        *base = slash + 1;
    } else {
        snprintf(dir, dsz, "%.*s", (int)(slash - target), target);
        *base = slash + 1;
    }
}

/* Remove the abandoned temporaries of `target`: `<base>.tmp.` + 6 characters of mkstemp's
 * alphabet, regular files that no save holds locked. Best effort: a failure only leaves a
 * file behind. */
static void clean_leftovers(const char *target)
{
    char dir[PATH_MAX];
    const char *base;
    split_dir(target, dir, sizeof dir, &base);
    size_t bl = strlen(base);
    DIR *d = opendir(dir);
    if (!d)
        return;
    int dfd = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strlen(n) != bl + 11 || strncmp(n, base, bl) != 0 || strncmp(n + bl, ".tmp.", 5) != 0)
            continue;
        int ok = 1;
        for (size_t i = bl + 5; i < bl + 11; i++) {
            char c = n[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                ok = 0;
        }
        if (!ok)
            continue;
        int fd = openat(dfd, n, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat sb;
        if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
            (void)unlinkat(dfd, n, 0);
        close(fd); /* drops the lock */
    }
    closedir(d);
}

/* A temporary next to `target` holding `data`, flushed, locked (so no other save takes it for
 * a leftover) and with the target's mode (else rw-r--r--). *fd stays open: closing it releases
 * the lock, so the caller closes it after the rename. */
static regint_status write_temp(const char *target, const char *data, size_t len, char **tmp_out, int *fd_out)
{
    size_t pl = strlen(target);
    char *tmp = malloc(pl + 12);
    if (!tmp)
        return regint__enomem();
    memcpy(tmp, target, pl);
    memcpy(tmp + pl, ".tmp.XXXXXX", 12);
    int fd;
    for (;;) {
        fd = mkstemp(tmp);
        if (fd < 0) {
            regint_status st = regint__error(REGINT_EIO, "%s: cannot create temporary file: %s", target,
                                             strerror(errno));
            free(tmp);
            return st;
        }
        struct stat sb;
        /* A cleaner may have taken it between mkstemp and flock: then make another. */
        if (flock(fd, LOCK_EX) == 0 && fstat(fd, &sb) == 0 && sb.st_nlink > 0)
            break;
        close(fd);
        memcpy(tmp + pl, ".tmp.XXXXXX", 12);
    }
    struct stat sb;
    mode_t mode = stat(target, &sb) == 0 ? (sb.st_mode & 07777) : 0644;
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
    *tmp_out = tmp;
    *fd_out = fd;
    return REGINT_OK;
fail: {
    int e = errno;
    unlink(tmp);
    close(fd);
    free(tmp);
    return regint__error(REGINT_EIO, "%s: cannot write: %s", target, strerror(e));
}
}

/* Make a rename in the directory of `target` durable (best effort). */
static void sync_dir(const char *target)
{
    char dir[PATH_MAX];
    const char *base;
    split_dir(target, dir, sizeof dir, &base);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
}

/* Open and lock the current file at `target` (exclusive flock, waiting for another save);
 * -1 if there is none. A save that held the lock may have renamed a new file over the path
 * meanwhile: then the lock is on the old file, so lock the new one. */
static int lock_target(const char *target)
{
    for (int tries = 0; tries < 100; tries++) {
        int fd = open(target, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            return -1;
        struct stat a, b;
        if (fstat(fd, &a) != 0 || !S_ISREG(a.st_mode)) {
            close(fd);
            return -1;
        }
        if (flock(fd, LOCK_EX) != 0) {
            close(fd);
            return -1;
        }
        if (stat(target, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return fd;
        close(fd);
    }
    return -1;
}

/* Whether the file open at fd still holds the bytes `o` remembers. */
static int unchanged(int fd, const regint__origin *o)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0 || (uint64_t)sb.st_size != (uint64_t)o->len)
        return 0;
    uint64_t h = UINT64_C(14695981039346656037);
    unsigned char buf[1 << 15];
    size_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return 0;
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            h ^= buf[i];
            h *= UINT64_C(1099511628211);
        }
        total += (size_t)n;
    }
    return total == o->len && h == o->hash;
}

/* The end of a save: close what was opened (-1: nothing); closing a lock's descriptor drops it. */
static void close_open(int fd)
{
    if (fd >= 0)
        close(fd);
}

regint_status regint__save(const char *path, const char *data, size_t len, regint__origin *origin, int force)
{
    if (!path || !*path)
        return regint__error(REGINT_EINVAL, "file path is empty");
    char *target = resolve_target(path);
    if (!target)
        return regint_last_status();
    regint_status st = REGINT_OK;
    int lock = lock_target(target), tfd = -1;
    char *tmp = NULL;
    if (origin && origin->path && !force && lock >= 0) {
        char *real = realpath(target, NULL);
        int same = real && strcmp(real, origin->path) == 0;
        free(real);
        if (same && !unchanged(lock, origin))
            st = regint__error(REGINT_ECONFLICT,
                               "%s: not saved: the file changed on disk since it was loaded (another program "
                               "saved it); saving would erase those changes. Load it again and redo yours, or "
                               "save with force to overwrite",
                               path);
    }
    if (!st) {
        clean_leftovers(target);
        st = write_temp(target, data, len, &tmp, &tfd);
    }
    if (!st && rename(tmp, target) != 0) {
        st = regint__error(REGINT_EIO, "%s: cannot write: %s", path, strerror(errno));
        unlink(tmp);
    }
    if (!st) {
        sync_dir(target);
        if (origin)
            st = regint__origin_set(&origin, target, data, len);
    }
    close_open(tfd);
    close_open(lock);
    free(tmp);
    free(target);
    return st;
}

regint_status regint__save_pair(const char *path1, const char *data1, size_t len1, const char *path2,
                                const char *data2, size_t len2)
{
    char *t1 = resolve_target(path1), *t2 = t1 ? resolve_target(path2) : NULL;
    char *tmp1 = NULL, *tmp2 = NULL, *bak = NULL;
    int fd1 = -1, fd2 = -1, bfd = -1, had1 = 0;
    regint_status st = t2 ? REGINT_OK : regint_last_status();
    if (!st) {
        clean_leftovers(t1);
        clean_leftovers(t2);
        if (!(st = write_temp(t1, data1, len1, &tmp1, &fd1)) && (st = write_temp(t2, data2, len2, &tmp2, &fd2))) {
            unlink(tmp1);
        }
    }
    /* Keep the old first file under a temporary name (a hard link, locked as a save's own
     * temporary) so that it can be put back if the second rename fails. */
    struct stat sb;
    if (!st && lstat(t1, &sb) == 0 && S_ISREG(sb.st_mode)) {
        size_t l = strlen(t1);
        if (!(bak = malloc(l + 12))) {
            st = regint__enomem();
        } else {
            memcpy(bak, t1, l);
            memcpy(bak + l, ".tmp.XXXXXX", 12);
            int k = mkstemp(bak);
            if (k < 0 || (close(k), unlink(bak), link(t1, bak)) != 0 ||
                (bfd = open(bak, O_RDONLY | O_CLOEXEC)) < 0 || flock(bfd, LOCK_EX) != 0)
                st = regint__error(REGINT_EIO, "%s: cannot keep the old file while replacing it: %s", path1,
                                   strerror(errno));
            else
                had1 = 1;
        }
        if (st) {
            unlink(tmp1);
            unlink(tmp2);
            if (bak && !had1)
                unlink(bak);
        }
    }
    if (!st && rename(tmp1, t1) != 0) {
        st = regint__error(REGINT_EIO, "%s: cannot write: %s (neither file was changed)", path1, strerror(errno));
        unlink(tmp1);
        unlink(tmp2);
    } else if (!st && rename(tmp2, t2) != 0) {
        int e = errno;
        unlink(tmp2);
        /* Put the first file back as it was: both or neither. */
        if (had1 ? rename(bak, t1) == 0 : unlink(t1) == 0)
            st = regint__error(REGINT_EIO, "%s: cannot write: %s (%s was left as it was)", path2, strerror(e),
                               path1);
        else
            st = regint__error(REGINT_EIO, "%s: cannot write: %s; and %s could not be put back: %s", path2,
                               strerror(e), path1, strerror(errno));
        had1 = 0;
    } else if (!st) {
        sync_dir(t1);
        sync_dir(t2);
    }
    if (had1)
        unlink(bak);
    close_open(bfd);
    close_open(fd1);
    close_open(fd2);
    free(bak);
    free(tmp1);
    free(tmp2);
    free(t1);
    free(t2);
    return st;
}

regint_status regint__write_atomic(const char *path, const char *data, size_t len)
{
    return regint__save(path, data, len, NULL, 0);
}

regint_status regint__save_string(const char *path, char *text, regint__origin *origin, int force)
{
    regint_status st = regint__save(path, text, strlen(text), origin, force);
    free(text);
    return st;
}

regint_status regint__write_string_atomic(const char *path, char *text)
{
    regint_status st = regint__write_atomic(path, text, strlen(text));
    free(text);
    return st;
}
