/* The one clock of the benchmarks: seconds on a POSIX clock (CLOCK_PROCESS_CPUTIME_ID for CPU
 * time on the shared machine, CLOCK_MONOTONIC for wall time). */
#ifndef REGINT_BENCH_CLOCK_H
#define REGINT_BENCH_CLOCK_H

#include <time.h>

static inline double bench_seconds(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

#endif
