/* Private: zeroed work arrays of many megabytes (apportionment of 10^7 units, ...).
 *
 * Above glibc's largest mmap threshold (32 MiB) every malloc is a fresh mapping, so a call
 * that allocates a few arrays of 10^7 entries takes one page fault per 4 KiB, every call:
 * on virtual machines that costs more than the work (issue 17: 781k page faults). These
 * arrays are aligned to 2 MiB and advised as transparent huge pages where the system offers
 * them (MADV_HUGEPAGE), so the same memory takes 512 times fewer faults. Free with free(). */
#ifndef REGINT_BIGALLOC_H
#define REGINT_BIGALLOC_H

#include <stddef.h>

/* Like regint__calloc (NULL with ENOMEM set on failure). */
void *regint__big_calloc(size_t n, size_t size);
/* A zeroed block of `bytes` that a fresh process fills at once (the tables of a snapshot
 * load). From 1 MiB on it is mapped straight from the system in whole huge pages of 2 MiB,
 * aligned and advised like the arrays above: on virtual machines even 256 page faults for a
 * megabyte cost milliseconds, and fresh pages are zero, so nothing is written before use.
 * Smaller blocks come from regint__calloc. NULL with ENOMEM set on failure. */
void *regint__huge_alloc(size_t bytes);
/* Free a block of regint__huge_alloc(bytes), with the same `bytes`. NULL is allowed. */
void regint__huge_free(void *p, size_t bytes);

/* Work arrays that a call fills before it reads them (issue 17, goal 6). A fresh mapping per
 * call costs its page faults (and the kernel's zeroing) every call, and giving it back
 * interrupts the process's other threads (TLB shootdown): two threads apportioning at once
 * took more CPU than one after the other. A block of `bytes` (64-byte aligned, NOT zeroed)
 * from the blocks that earlier calls gave back, or else a fresh one as regint__huge_alloc;
 * NULL with ENOMEM set on failure. */
void *regint__work_get(size_t bytes);
/* Give back a block of regint__work_get: from 1 MiB on it is kept for the next call while
 * at most 8 blocks and 256 MiB are kept (process-wide, under a lock), else unmapped. The
 * kept blocks go back to the system when the library is unloaded. NULL is allowed. */
void regint__work_put(void *work);

#endif
