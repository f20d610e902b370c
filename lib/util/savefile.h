/* Private: saving files safely — atomic, through symbolic links, cleaning the leftovers of
 * interrupted saves, refusing lost updates, and pairs of files (savefile.c says how). The
 * plain regint__write_atomic() of fileio.h is regint__save() without a lost-update check. */
#ifndef REGINT_SAVEFILE_H
#define REGINT_SAVEFILE_H

#include <stddef.h>
#include <stdint.h>

#include "regint/common.h"

#include "util/fileio.h"

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

/* regint__parse_file() that also returns, on success, where the text came from (*origin,
 * NULL when the path has no real path any more; the caller owns it). On failure *origin is
 * NULL. A NULL `origin` is regint__parse_file() itself. */
regint_status regint__parse_file_origin(const char *path, regint__parse_fn parse, void *out,
                                        regint__origin **origin);

/* Define the public `regint_status fn(const char *path, type **out)` as
 * REGINT__DEFINE_LOAD_FILE does, and keep the origin in the handle's `member` (a
 * `regint__origin *`) for the lost-update check of a later save: every *_load_file of a type
 * that is saved back (datasets, plans) is exactly this. */
#define REGINT__DEFINE_LOAD_FILE_ORIGIN(fn, type, load_string, member)                         \
    REGINT__LOAD_TEXT_ADAPTER(fn, load_string)                                                 \
    regint_status fn(const char *path, type **out)                                             \
    {                                                                                          \
        if (!path || !out)                                                                     \
            return regint__error(REGINT_EINVAL, #fn ": NULL argument");                        \
        type *obj = NULL;                                                                      \
        regint__origin *o = NULL;                                                              \
        regint_status st = regint__parse_file_origin(path, fn##_text_, &obj, &o);              \
        if (!st) {                                                                             \
            obj->member = o;                                                                   \
            *out = obj;                                                                        \
        }                                                                                      \
        return st;                                                                             \
    }

/* Write `data` to `path` atomically (through symbolic links, removing abandoned
 * `<target>.tmp.XXXXXX` files of that target). With `origin` (may be NULL): when `path` is the
 * file `origin` was loaded from and its bytes changed since, refuse with REGINT_ECONFLICT
 * unless `force`; on success *origin describes the file written. */
regint_status regint__save(const char *path, const char *data, size_t len, regint__origin *origin, int force);
/* regint__save() of a string its caller built (a document's _to_string()), which is freed:
 * the end of every `_save_file_opts()` of a loaded document. */
regint_status regint__save_string(const char *path, char *text, regint__origin *origin, int force);

/* Define the public `prefix_save_file_opts(obj, path, opt)` and `prefix_save_file(obj, path)`
 * of a document loaded with REGINT__DEFINE_LOAD_FILE_ORIGIN: NULL options are the defaults
 * (regint_dataset_save_options, util/options.h's check), the text is `to_string(obj, &text)`
 * and the save checks the bytes of obj->member (its origin) unless opt->force. Written once
 * for the dataset and the plan. */
#define REGINT__DEFINE_SAVE_FILE(prefix, type, to_string, member)                                          \
    regint_status prefix##_save_file_opts(const type *obj, const char *path,                             \
                                          const regint_dataset_save_options *opt)                        \
    {                                                                                                    \
        static const regint_dataset_save_options defaults_ = REGINT_DATASET_SAVE_OPTIONS_INIT;           \
        if (!obj || !path)                                                                               \
            return regint__error(REGINT_EINVAL, #prefix "_save_file: NULL argument");                    \
        REGINT__OPTIONS_RESOLVE(opt, defaults_, REGINT_DATASET_SAVE_OPTIONS_VERSION, #prefix "_save_file_opts"); \
        char *text_ = NULL;                                                                              \
        regint_status st_ = to_string(obj, &text_);                                                      \
        return st_ ? st_ : regint__save_string(path, text_, obj->member, opt->force);                    \
    }                                                                                                    \
    regint_status prefix##_save_file(const type *obj, const char *path)                                  \
    {                                                                                                    \
        return prefix##_save_file_opts(obj, path, NULL);                                                 \
    }

/* Replace two files together: both are written to temporaries first, then renamed; if the
 * second rename fails the first file is put back as it was. */
regint_status regint__save_pair(const char *path1, const char *data1, size_t len1, const char *path2,
                                const char *data2, size_t len2);

#endif
