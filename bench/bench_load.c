/* Benchmark of goal 4 of issue 17: the bundled data opens in milliseconds.
 *
 * Reference, measured in the same run: a bare cJSON parse of the bundled JSON (read the file,
 * cJSON_ParseWithLength, cJSON_Delete) in this process. Measured against it:
 *   - the main job as a whole process, `regint recommend --county 39 --year 2026` (spawned,
 *     output to /dev/null), with the snapshot (default) and with REGINT_SNAPSHOT=0 (the JSON
 *     path, as before the snapshot);
 *   - regint_dataset_load_default() in this process, both ways.
 * Every figure is the minimum over the repetitions, as CPU time (user + system; for the child
 * process from wait4's rusage) and wall time. The machine is shared, so CPU time is the fair
 * comparison; the goal is the CPU ratio whole process / cJSON parse <= 0.25.
 *   bench_load [repetitions]                                                               */
#include <cjson/cJSON.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <regint/regint.h>

#include "bench_clock.h"

#include "test_file.h"

extern char **environ;

typedef struct fig {
    double cpu, wall; /* ms, minimum */
} fig;

static double clock_ms(clockid_t c) { return 1e3 * bench_seconds(c); }

static void keep(fig *f, double cpu, double wall)
{
    if (cpu < f->cpu)
        f->cpu = cpu;
    if (wall < f->wall)
        f->wall = wall;
}

/* Run `regint recommend --county 39 --year 2026` once; 0 on success. */
static int run_cli(const char *snapshot, fig *f)
{
    char *argv[] = {(char *)REGINT_CLI_PATH, "recommend", "--county", "39", "--year", "2026", NULL};
    setenv("REGINT_SNAPSHOT", snapshot, 1);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    double w0 = clock_ms(CLOCK_MONOTONIC);
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc)
        return -1;
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
        return -1;
    double wall = clock_ms(CLOCK_MONOTONIC) - w0;
    double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    keep(f, cpu, wall);
    return 0;
}

static int load_default(const char *snapshot, fig *f)
{
    setenv("REGINT_SNAPSHOT", snapshot, 1);
    regint_dataset *ds;
    double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
    if (regint_dataset_load_default(&ds))
        return -1;
    keep(f, clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0, clock_ms(CLOCK_MONOTONIC) - w0);
    regint_dataset_free(ds);
    return 0;
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 20;
    if (reps < 1)
        reps = 1;
    const char *path = regint_dataset_default_path();
    if (!path) {
        fprintf(stderr, "bench_load: no bundled dataset\n");
        return 1;
    }
    char json[4096];
    snprintf(json, sizeof json, "%s", path);
    fig parse = {1e30, 1e30}, cli_snap = {1e30, 1e30}, cli_json = {1e30, 1e30}, ld_snap = {1e30, 1e30},
        ld_json = {1e30, 1e30};
    size_t bytes = 0;
    for (int r = 0; r < reps; r++) {
        double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
        char *text = test_slurp(json, &bytes);
        cJSON *doc = text ? cJSON_ParseWithLength(text, bytes) : NULL;
        if (!doc) {
            fprintf(stderr, "bench_load: cannot parse %s\n", json);
            return 1;
        }
        cJSON_Delete(doc);
        free(text);
        keep(&parse, clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0, clock_ms(CLOCK_MONOTONIC) - w0);
        if (run_cli("1", &cli_snap) || run_cli("0", &cli_json) || load_default("1", &ld_snap) ||
            load_default("0", &ld_json)) {
            fprintf(stderr, "bench_load: a run failed: %s\n", regint_last_error());
            return 1;
        }
    }
    printf("bundled dataset %s (%.1f MB), %d repetitions, minimum; CPU ms (wall ms)\n", json, bytes / 1e6, reps);
    printf("  cJSON parse, reference                      %7.1f  (%7.1f)\n", parse.cpu, parse.wall);
    printf("  regint recommend, whole process, snapshot   %7.1f  (%7.1f)  %.3f x cJSON parse (goal <= 0.25)\n",
           cli_snap.cpu, cli_snap.wall, cli_snap.cpu / parse.cpu);
    printf("  regint recommend, whole process, JSON       %7.1f  (%7.1f)  %.3f x cJSON parse\n", cli_json.cpu,
           cli_json.wall, cli_json.cpu / parse.cpu);
    printf("  regint_dataset_load_default, snapshot       %7.1f  (%7.1f)  %.3f x cJSON parse\n", ld_snap.cpu,
           ld_snap.wall, ld_snap.cpu / parse.cpu);
    printf("  regint_dataset_load_default, JSON           %7.1f  (%7.1f)  %.3f x cJSON parse\n", ld_json.cpu,
           ld_json.wall, ld_json.cpu / parse.cpu);
    unsetenv("REGINT_SNAPSHOT");
    return cli_snap.cpu <= 0.25 * parse.cpu ? 0 : 3;
}
