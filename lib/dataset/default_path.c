/* Where the bundled default dataset regint-default.json is found. In this order:
 *   1. $REGINT_DATA (a file) — always wins;
 *   2. the data folder of the prefix this library is installed under, found from the
 *      library's own file (dladdr): <prefix>/share/regint (REGINT_DATADIR_RELATIVE), going up from the folder of the
 *      object holding this code — <prefix>/lib[/<multiarch>] for libregint.so,
 *      <prefix>/lib/python3/dist-packages/regint for the Python extension, <prefix>/bin for
 *      a program linked with the static library. This makes an installed copy (also one
 *      unpacked from the Debian packages into another root) use its own data;
 *   3. the configured install folder (CMAKE_INSTALL_FULL_DATADIR/regint);
 *   4. last, the build tree's data/ — so a program run from a fresh build works before
 *      anything is installed. The build tree's own tests set $REGINT_DATA instead of relying
 *      on this, so an older installed copy never stands in for the data under test. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataset/dataset_internal.h"
#include "dataset/snapshot.h"
#include "util/error.h"

#define DEFAULT_NAME "regint-default.json"
/* How many folders up from the object the prefix may be (see 2. above): 5 for
 * <prefix>/lib/python3/dist-packages/regint/_regint_core.so. */
#define MAX_LEVELS 5

static _Thread_local char default_path[4096];
/* An object of this library for dladdr (a function pointer may not become a void * in ISO C;
 * a thread-local would lie outside the library's mapping). */
static const char here;

static int readable(const char *path)
{
    return access(path, R_OK) == 0;
}

/* 2.: <ancestor>/<datadir>/regint/regint-default.json for the object holding this code. */
static int beside_library(char *out, size_t size)
{
    const char *rel = REGINT_DATADIR_RELATIVE;
    if (!*rel || rel[0] == '/')
        return 0; /* an absolute data folder is case 3 */
    Dl_info info;
    char dir[PATH_MAX], exe[PATH_MAX];
    const char *obj = NULL;
    if (dladdr(&here, &info) && info.dli_fname && info.dli_fname[0] == '/')
        obj = info.dli_fname;
    else {
        /* In the main program dladdr gives argv[0], which may be relative or a bare name. */
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n <= 0)
            return 0;
        exe[n] = '\0';
        obj = exe;
    }
    if (!realpath(obj, dir))
        return 0;
    for (int level = 0; level < MAX_LEVELS; level++) {
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return 0;
        *slash = '\0';
        if ((size_t)snprintf(out, size, "%s/%s/" DEFAULT_NAME, dir, rel) < size && readable(out))
            return 1;
    }
    return 0;
}

const char *regint_dataset_default_path(void)
{
    const char *env = getenv("REGINT_DATA");
    if (env && *env) {
        snprintf(default_path, sizeof default_path, "%s", env);
        return default_path;
    }
    if (beside_library(default_path, sizeof default_path))
        return default_path;
    const char *dirs[] = {REGINT_DATADIR_INSTALLED, REGINT_DATADIR_BUILD};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(default_path, sizeof default_path, "%s/" DEFAULT_NAME, dirs[i]);
        if (readable(default_path))
            return default_path;
    }
    return NULL;
}

regint_status regint_dataset_load_default(regint_dataset **out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "regint_dataset_load_default: out is NULL");
    const char *p = regint_dataset_default_path();
    if (!p)
        return regint__error(REGINT_ENOTFOUND,
                             "the default dataset " DEFAULT_NAME " was found neither in $REGINT_DATA, nor in "
                             "%s beside the installed library, nor in %s, nor in %s",
                             REGINT_DATADIR_RELATIVE, REGINT_DATADIR_INSTALLED, REGINT_DATADIR_BUILD);
    char path[4096], snap[4096];
    snprintf(path, sizeof path, "%s", p);
    /* The snapshot built next to the JSON (snapshot.h) when it is one of this very JSON;
     * otherwise (absent, stale, another build, REGINT_SNAPSHOT=0) the JSON itself. */
    const char *use = getenv("REGINT_SNAPSHOT");
    if (!(use && strcmp(use, "0") == 0) && regint__snapshot_path(path, snap, sizeof snap)) {
        regint_status st = regint__snapshot_load(snap, path, out);
        if (st == REGINT_OK)
            return REGINT_OK;
        if (st == REGINT_ENOMEM)
            return regint__enomem();
    }
    return regint_dataset_load_file(path, out);
}
