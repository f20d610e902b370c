/* Benchmark of goal 5 of issue 17: regint_apportion stays below qsort time up to 10^7 units.
 *
 * Reference, measured in the same run and process: qsort of a copy of the weights (int64).
 * For 10^6, 3*10^6 and 10^7 units (total = 100 seats per unit; D'Hondt and Hamilton), each
 * figure is the minimum over the repetitions of CPU time, with the minor page faults of
 * that call (getrusage), so a page-fault cliff shows directly.
 *   bench_apportion_scale [repetitions]                                                    */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <regint/apportion.h>
#include <regint/common.h>

#include "bench_clock.h"

static double cpu_s(void) { return bench_seconds(CLOCK_PROCESS_CPUTIME_ID); }

static long faults(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 3;
    if (reps < 1)
        reps = 1;
    static const size_t sizes[] = {1000000, 3000000, 10000000};
    int worse = 0;
    printf("regint_apportion vs qsort of the weights; CPU s, minimum of %d (minor page faults of that run)\n", reps);
    printf("%10s %-10s %10s %9s %10s %9s %8s\n", "units", "method", "regint", "faults", "qsort", "faults", "ratio");
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        int64_t *w = malloc(n * sizeof *w), *cp = malloc(n * sizeof *cp), *seats = malloc(n * sizeof *seats);
        if (!w || !cp || !seats)
            return 1;
        uint64_t s = 20261206;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            w[i] = (int64_t)(1 + (s >> 33) % 1000) * (int64_t)(1 + (s >> 13) % 1000);
        }
        double tq = 1e30;
        long fq = 0;
        for (int r = 0; r < reps; r++) {
            memcpy(cp, w, n * sizeof *w);
            long f0 = faults();
            double t0 = cpu_s();
            qsort(cp, n, sizeof *cp, cmp_i64);
            double t = cpu_s() - t0;
            if (t < tq)
                tq = t, fq = faults() - f0;
        }
        static const regint_apportion_method ms[] = {REGINT_APPORTION_DHONDT, REGINT_APPORTION_HAMILTON};
        for (size_t mi = 0; mi < 2; mi++) {
            regint_apportion_options o = REGINT_APPORTION_OPTIONS_INIT;
            o.method = ms[mi];
            double ta = 1e30;
            long fa = 0;
            for (int r = 0; r < reps; r++) {
                long f0 = faults();
                double t0 = cpu_s();
                if (regint_apportion(w, n, (int64_t)n * 100, &o, seats) != REGINT_OK) {
                    fprintf(stderr, "%s\n", regint_last_error());
                    return 1;
                }
                double t = cpu_s() - t0;
                if (t < ta)
                    ta = t, fa = faults() - f0;
            }
            printf("%10zu %-10s %10.3f %9ld %10.3f %9ld %7.2fx\n", n, regint_apportion_method_name(ms[mi]), ta, fa, tq,
                   fq, ta / tq);
            worse += ta > tq;
        }
        free(w);
        free(cp);
        free(seats);
    }
    printf("%s\n", worse ? "regint slower than qsort somewhere" : "regint below qsort time at every size");
    return 0;
}
