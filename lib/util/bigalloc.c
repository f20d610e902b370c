/* Zeroed work arrays of many megabytes (see bigalloc.h). */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE (Linux) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/alloc.h"
#include "util/bigalloc.h"
#include "util/error.h"

#define HUGE_PAGE ((size_t)2 << 20)
#define BIG_MIN ((size_t)4 << 20)

void *regint__big_calloc(size_t n, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (n && size && n <= SIZE_MAX / size && n * size >= BIG_MIN) {
        size_t bytes = n * size;
        bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        void *p = NULL;
        if (posix_memalign(&p, HUGE_PAGE, bytes) == 0) {
            (void)madvise(p, bytes, MADV_HUGEPAGE); /* a hint: without it, plain pages */
            memset(p, 0, n * size);
            return p;
        }
    }
#endif
    return regint__calloc(n, size);
}
