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

#define HUGE_MIN ((size_t)1 << 20)

static size_t huge_whole(size_t bytes)
{
    return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *regint__huge_alloc(size_t bytes)
{
    if (bytes < HUGE_MIN)
        return regint__calloc(bytes ? bytes : 1, 1);
    if (bytes > SIZE_MAX / 2 - HUGE_PAGE) {
        regint__enomem();
        return NULL;
    }
    /* Map one huge page more than needed, then unmap the ends to align it. */
    size_t whole = huge_whole(bytes), span = whole + HUGE_PAGE;
    unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        regint__enomem();
        return NULL;
    }
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    size_t head = (size_t)(a - (uintptr_t)p), tail = span - head - whole;
    if (head)
        munmap(p, head);
    if (tail)
        munmap((void *)(a + whole), tail);
#ifdef MADV_HUGEPAGE
    (void)madvise((void *)a, whole, MADV_HUGEPAGE); /* a hint: without it, plain pages */
#endif
    return (void *)a;
}

void regint__huge_free(void *p, size_t bytes)
{
    if (!p)
        return;
    if (bytes < HUGE_MIN)
        free(p);
    else
        munmap(p, huge_whole(bytes));
}
