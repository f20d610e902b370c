/* Shared by the fuzz targets: abort with a message when an invariant breaks, so that
 * libFuzzer (or the replay driver) reports the input. */
#ifndef REGINT_FUZZ_UTIL_H
#define REGINT_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond, ...)                                                                \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#endif
