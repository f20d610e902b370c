/* Zeroed work arrays of many megabytes (see bigalloc.h). */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE (Linux) */
#include <pthread.h>
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

/* ---- work blocks kept for the next call */

#define WORK_HEAD ((size_t)64)              /* the block's size, keeping the arrays aligned */
#define WORK_SLOTS 8
#define WORK_KEEP ((size_t)256 << 20)       /* at most this much kept between calls */

static pthread_mutex_t work_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    unsigned char *p;
    size_t size;
} work_cache[WORK_SLOTS];
static size_t work_kept;

/* The smallest kept block of at least `size` bytes, taken out of the cache; NULL if none. */
static unsigned char *work_take(size_t size)
{
    unsigned char *p = NULL;
    pthread_mutex_lock(&work_lock);
    int best = -1;
    for (int i = 0; i < WORK_SLOTS; i++)
        if (work_cache[i].p && work_cache[i].size >= size && (best < 0 || work_cache[i].size < work_cache[best].size))
            best = i;
    if (best >= 0) {
        p = work_cache[best].p;
        work_kept -= work_cache[best].size;
        work_cache[best].p = NULL;
    }
    pthread_mutex_unlock(&work_lock);
    return p;
}

/* Keep a block for the next call if there is room; 0 if not (then the caller frees it). */
static int work_keep(unsigned char *p, size_t size)
{
    int kept = 0;
    pthread_mutex_lock(&work_lock);
    for (int i = 0; i < WORK_SLOTS && !kept; i++) {
        if (!work_cache[i].p && work_kept + size <= WORK_KEEP) {
            work_cache[i].p = p;
            work_cache[i].size = size;
            work_kept += size;
            kept = 1;
        }
    }
    pthread_mutex_unlock(&work_lock);
    return kept;
}

void *regint__work_get(size_t bytes)
{
    if (bytes > SIZE_MAX / 2 - WORK_HEAD) {
        regint__enomem();
        return NULL;
    }
    size_t size = bytes + WORK_HEAD;
    unsigned char *p = NULL;
    if (size >= HUGE_MIN) {
        size = huge_whole(size);
        p = work_take(size);
    }
    if (!p) {
        if (!(p = regint__huge_alloc(size)))
            return NULL;
        memcpy(p, &size, sizeof size);
    }
    return p + WORK_HEAD;
}

void regint__work_put(void *work)
{
    if (!work)
        return;
    unsigned char *p = (unsigned char *)work - WORK_HEAD;
    size_t size;
    memcpy(&size, p, sizeof size);
    if (size < HUGE_MIN || !work_keep(p, size))
        regint__huge_free(p, size);
}

/* When the library is unloaded (or the process ends): the kept blocks go back. */
__attribute__((destructor)) static void work_release(void)
{
    pthread_mutex_lock(&work_lock);
    for (int i = 0; i < WORK_SLOTS; i++) {
        if (work_cache[i].p)
            regint__huge_free(work_cache[i].p, work_cache[i].size);
        work_cache[i].p = NULL;
    }
    work_kept = 0;
    pthread_mutex_unlock(&work_lock);
}
