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
#define HUGE_MIN ((size_t)1 << 20)

/* `bytes` (>= min) zeroed in whole huge pages, or NULL to fall back to regint__calloc. */
static void *huge_block(size_t bytes, size_t min)
{
#ifdef MADV_HUGEPAGE
    if (bytes >= min && bytes <= SIZE_MAX - HUGE_PAGE) {
        size_t whole = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        void *p = NULL;
        if (posix_memalign(&p, HUGE_PAGE, whole) == 0) {
            (void)madvise(p, whole, MADV_HUGEPAGE); /* a hint: without it, plain pages */
            memset(p, 0, bytes);
            return p;
        }
    }
#else
    (void)bytes, (void)min;
#endif
    return NULL;
}

void *regint__big_calloc(size_t n, size_t size)
{
    void *p = n && size && n <= SIZE_MAX / size ? huge_block(n * size, BIG_MIN) : NULL;
    return p ? p : regint__calloc(n, size);
}

void *regint__huge_calloc(size_t bytes)
{
    void *p = huge_block(bytes, HUGE_MIN);
    return p ? p : regint__calloc(bytes ? bytes : 1, 1);
}
