/* Goal 3 of issue 17: peak resident memory of `regint match FILE` (whole process, JSON
 * instance) against the solver alone, measured in the same run.
 *
 * The instance is regint-synth-v1(n, 357, cases, seed 6242, slack 1100), written as a JSON
 * instance to a temporary file. "Solver alone" is a forked child that generates the same
 * instance in memory (the score matrix as doubles, as a NumPy caller hands it over) and
 * calls regint_match: its peak is the solver plus its input. The CLI run's peak comes from
 * wait4's rusage.
 *
 * usage: bench_match_memory [n_cases ...]   (default: 40000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <regint/regint.h>

static double cpu_seconds(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + 1e-6 * (double)ru->ru_utime.tv_usec + (double)ru->ru_stime.tv_sec +
           1e-6 * (double)ru->ru_stime.tv_usec;
}

/* Generate the instance; NULL scores on failure. */
static double *make(size_t n, size_t m, int64_t **sizes, int64_t **caps)
{
    double *sc = malloc(n * m * sizeof *sc);
    *sizes = malloc((n ? n : 1) * sizeof **sizes);
    *caps = malloc(m * sizeof **caps);
    if (!sc || !*sizes || !*caps ||
        regint_match_synth(n, m, REGINT_MATCH_CASES, 6242, 1100, *sizes, *caps, sc) != REGINT_OK) {
        free(sc);
        return NULL;
    }
    return sc;
}

static int write_instance(const char *path, size_t n, size_t m)
{
    int64_t *sizes, *caps;
    double *sc = make(n, m, &sizes, &caps);
    FILE *f = sc ? fopen(path, "w") : NULL;
    if (!f) {
        free(sc);
        return -1;
    }
    fprintf(f, "{\"capacity_unit\": \"cases\", \"score_scale\": 1000,\n \"capacities\": [");
    for (size_t j = 0; j < m; j++)
        fprintf(f, "%s%lld", j ? ", " : "", (long long)caps[j]);
    fprintf(f, "],\n \"scores\": [\n");
    for (size_t c = 0; c < n; c++) {
        fputc('[', f);
        for (size_t j = 0; j < m; j++)
            fprintf(f, "%s%.0f", j ? ", " : "", sc[c * m + j]);
        fprintf(f, "]%s\n", c + 1 < n ? "," : "");
    }
    fprintf(f, "]}\n");
    free(sc);
    free(sizes);
    free(caps);
    return fclose(f) ? -1 : 0;
}

/* Solver alone in a child: exit status 0 if solved; rusage of the child. */
static int solver_alone(size_t n, size_t m, struct rusage *ru, double *objective)
{
    int fd[2];
    if (pipe(fd))
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        int64_t *sizes, *caps;
        double *sc = make(n, m, &sizes, &caps);
        int64_t *asg = malloc(n * sizeof *asg);
        regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
        o.score_scale = 1000;
        regint_match_summary_t r;
        if (!sc || !asg || regint_match(sc, n, m, sizes, caps, &o, asg, NULL, &r) != REGINT_OK)
            _exit(1);
        _exit(write(fd[1], &r.objective, sizeof r.objective) == (ssize_t)sizeof r.objective ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], objective, sizeof *objective);
    close(fd[0]);
    int status;
    if (wait4(pid, &status, 0, ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) || got != sizeof *objective)
        return -1;
    return 0;
}

/* `regint match FILE` with its output in out (a file); rusage of the child. */
static int cli_match(const char *file, const char *out, struct rusage *ru)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen(out, "w", stdout))
            _exit(127);
        char *argv[] = {(char *)REGINT_CLI_PATH, "match", (char *)file, NULL};
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    if (wait4(pid, &status, 0, ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
        return -1;
    return 0;
}

/* The "objective" of the CLI's JSON output. */
static int read_objective(const char *out, double *v)
{
    FILE *f = fopen(out, "r");
    char line[256];
    int ok = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, " \"objective\": %lf", v) == 1) {
            ok = 1;
            break;
        }
    if (f)
        fclose(f);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    const size_t m = 357;
    int fail = 0;
    double load[3] = {0, 0, 0};
    FILE *la = fopen("/proc/loadavg", "r");
    if (la) {
        if (fscanf(la, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = load[1] = load[2] = 0;
        fclose(la);
    }
    printf("regint match FILE (whole process, JSON instance) vs the solver alone; load average %.2f %.2f %.2f\n",
           load[0], load[1], load[2]);
    printf("%8s %10s %12s %12s %10s %10s %10s %8s\n", "cases", "file MB", "solver MB", "regint MB", "peak ratio",
           "solver cpu", "regint cpu", "same");
    for (int a = 1; a < argc || a == 1; a++) {
        size_t n = argc > 1 ? (size_t)strtoull(argv[a], NULL, 10) : 40000;
        char file[64], out[64];
        snprintf(file, sizeof file, "/tmp/bench_match_memory_%ld.json", (long)getpid());
        snprintf(out, sizeof out, "/tmp/bench_match_memory_%ld.out", (long)getpid());
        struct rusage rs, rc;
        double obj_s = 0, obj_c = 0;
        if (write_instance(file, n, m) || solver_alone(n, m, &rs, &obj_s) || cli_match(file, out, &rc) ||
            read_objective(out, &obj_c)) {
            fprintf(stderr, "bench_match_memory: %zu cases: a run failed\n", n);
            fail = 1;
        } else {
            FILE *f = fopen(file, "r");
            long size = 0;
            if (f && !fseek(f, 0, SEEK_END))
                size = ftell(f);
            if (f)
                fclose(f);
            int same = obj_s == obj_c;
            fail |= !same;
            printf("%8zu %10.1f %12.1f %12.1f %10.2f %10.3f %10.3f %8s\n", n, size / 1048576.0, rs.ru_maxrss / 1024.0,
                   rc.ru_maxrss / 1024.0, (double)rc.ru_maxrss / (double)rs.ru_maxrss, cpu_seconds(&rs),
                   cpu_seconds(&rc), same ? "yes" : "NO");
        }
        remove(file);
        remove(out);
    }
    return fail;
}
