/* Benchmark of goal 6 of issue 17 in C, without Python: what two threads calling the library
 * at once cost in CPU time against one call, in threads that live across calls ("kept", a
 * pool) and in threads started for each call ("fresh", as threading.Thread does).
 *
 * For each call and each kind of thread, R repetitions of: one call in one thread, then one
 * call in each of two threads released together. Printed: the mean wall and process CPU time
 * of the one call, of the two at once, and cpu ratio = CPU(two at once) / (2 x CPU(one call)):
 * 1.0 = the second thread costs nothing beyond its own call (robust to machine load; wall
 * overlap needs two idle cores). Page faults of the whole run: `perf stat -e page-faults`.
 *   bench_threads [repetitions (6)] [call ...]   calls: load-json load-snapshot apportion to-json */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>

#include "bench_clock.h"

#define NW 2000000 /* apportionment units */

static int64_t *weights, *seat_buf[2]; /* the caller's arrays, made once: not measured */
static int seat_next;
static regint_dataset *dataset;
static const char *call_name;

static void call(void)
{
    int rc = 0;
    if (!strncmp(call_name, "load-", 5)) {
        regint_dataset *ds = NULL;
        rc = regint_dataset_load_default(&ds);
        regint_dataset_free(ds);
    } else if (!strcmp(call_name, "apportion")) {
        regint_apportion_options o = REGINT_APPORTION_OPTIONS_INIT;
        o.method = REGINT_APPORTION_DHONDT;
        int64_t *seats = seat_buf[__atomic_fetch_add(&seat_next, 1, __ATOMIC_RELAXED) & 1];
        rc = regint_apportion(weights, NW, 200000000, &o, seats);
    } else {
        char *text = NULL;
        rc = regint_dataset_to_string(dataset, &text);
        regint_free(text);
    }
    if (rc) {
        fprintf(stderr, "bench_threads: %s: %s\n", call_name, regint_last_error());
        exit(1);
    }
}

/* Two kept workers: each run, `active` of them make one call. */
static pthread_barrier_t go, done;
static int active;

static void *worker(void *arg)
{
    long id = (long)arg;
    for (;;) {
        pthread_barrier_wait(&go);
        if (active < 0)
            return NULL;
        if (id < active)
            call();
        pthread_barrier_wait(&done);
    }
}

static void *once(void *arg)
{
    (void)arg;
    call();
    return NULL;
}

/* `n` calls at once (1 or 2) in kept or fresh threads; wall and CPU seconds. */
static void run(int fresh, int n, double *wall, double *cpu)
{
    double c0 = bench_seconds(CLOCK_PROCESS_CPUTIME_ID), w0 = bench_seconds(CLOCK_MONOTONIC);
    if (fresh) {
        pthread_t t[2];
        for (int i = 0; i < n; i++)
            pthread_create(&t[i], NULL, once, NULL);
        for (int i = 0; i < n; i++)
            pthread_join(t[i], NULL);
    } else {
        active = n;
        pthread_barrier_wait(&go);
        pthread_barrier_wait(&done);
    }
    *wall = bench_seconds(CLOCK_MONOTONIC) - w0;
    *cpu = bench_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 6;
    static const char *const all[] = {"load-json", "load-snapshot", "apportion", "to-json"};
    const char *const *calls = argc > 2 ? (const char *const *)argv + 2 : all;
    int ncalls = argc > 2 ? argc - 2 : 4;
    if (reps < 1) {
        fprintf(stderr, "usage: bench_threads [repetitions] [load-json|load-snapshot|apportion|to-json ...]\n");
        return 2;
    }
    weights = malloc(NW * sizeof *weights);
    seat_buf[0] = calloc(NW, sizeof *seat_buf[0]);
    seat_buf[1] = calloc(NW, sizeof *seat_buf[1]);
    if (!weights || !seat_buf[0] || !seat_buf[1] || regint_dataset_load_default(&dataset) != REGINT_OK) {
        fprintf(stderr, "bench_threads: %s\n", regint_last_error());
        return 1;
    }
    for (size_t i = 0; i < NW; i++)
        weights[i] = (int64_t)((i * 7919) % 1000 + 1);
    pthread_barrier_init(&go, NULL, 3);
    pthread_barrier_init(&done, NULL, 3);
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    printf("%-14s %-6s %10s %10s %10s %10s %9s\n", "call", "thread", "1 call s", "cpu s", "2 at once", "cpu s",
           "cpu ratio");
    for (int k = 0; k < ncalls; k++) {
        call_name = calls[k];
        setenv("REGINT_SNAPSHOT", strcmp(call_name, "load-json") ? "1" : "0", 1);
        for (int fresh = 0; fresh < 2; fresh++) {
            double w, c, w1 = 0, c1 = 0, w2 = 0, c2 = 0;
            run(fresh, 2, &w, &c); /* warm up */
            for (int r = 0; r < reps; r++) {
                run(fresh, 1, &w, &c);
                w1 += w, c1 += c;
                run(fresh, 2, &w, &c);
                w2 += w, c2 += c;
            }
            printf("%-14s %-6s %10.4f %10.4f %10.4f %10.4f %9.2f\n", call_name, fresh ? "fresh" : "kept", w1 / reps,
                   c1 / reps, w2 / reps, c2 / reps, c2 / (2 * c1));
            fflush(stdout);
        }
    }
    active = -1;
    pthread_barrier_wait(&go);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    regint_dataset_free(dataset);
    free(weights);
    free(seat_buf[0]);
    free(seat_buf[1]);
    return 0;
}
