/* Private: saving files safely — atomic, through symbolic links, cleaning the leftovers of
 * interrupted saves, refusing lost updates, and pairs of files (savefile.c says how). The
 * plain regint__write_atomic() of fileio.h is regint__save() without a lost-update check. */
#ifndef REGINT_SAVEFILE_H
#define REGINT_SAVEFILE_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

/* Where a handle was loaded from: the real path of the file and a hash of the bytes read. */
typedef struct regint__origin {
    char *path; /* realpath() of the file read */
    size_t len;
    uint64_t hash;
} regint__origin;

/* FNV-1a over `len` bytes. */
uint64_t regint__hash64(const void *data, size_t len);
/* Remember that `data` was read from (or written to) `path`; allocates *o when NULL. */
regint_status regint__origin_set(regint__origin **o, const char *path, const void *data, size_t len);
void regint__origin_free(regint__origin *o);

/* Write `data` to `path` atomically (through symbolic links, removing abandoned
 * `<target>.tmp.XXXXXX` files of that target). With `origin` (may be NULL): when `path` is the
 * file `origin` was loaded from and its bytes changed since, refuse with REGINT_ECONFLICT
 * unless `force`; on success *origin describes the file written. */
regint_status regint__save(const char *path, const char *data, size_t len, regint__origin *origin, int force);

/* Replace two files together: both are written to temporaries first, then renamed; if the
 * second rename fails the first file is put back as it was. */
regint_status regint__save_pair(const char *path1, const char *data1, size_t len1, const char *path2,
                                const char *data2, size_t len2);

#endif
