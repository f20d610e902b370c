/* Benchmark of goal 1 of issue 17: persons-capacity matching (families never split) at HIAS
 * size, proved optimal, against HiGHS.
 *
 * Reference, measured in the same run: HiGHS through Debian's python3-scipy
 * (scipy.optimize.milp, mip_rel_gap 0; bench/persons/highs_ref.py), one instance after the
 * other with regint_match on the same instance. Instances: regint-synth-v1
 * (bench/persons/gen.py, tests/oracles/README.md), 300-500 cases x 21-25 municipalities,
 * slack 1.1, seeds 1-4, must_assign_all false (-opt) and true (-all).
 * Figures are process CPU time (the machine is shared: wall time depends on the load); both
 * optima must agree whenever both are proved.
 *   bench_persons [--time-limit S] [--no-highs] INSTANCE.json ...
 * Without instances it generates the default set into ./persons-instances (gen.py make). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <regint/regint.h>

#include "bench_clock.h"

static double cpu_s(void) { return bench_seconds(CLOCK_PROCESS_CPUTIME_ID); }

/* regint's time_limit counts wall seconds (the monotonic clock): on a loaded machine it stops
 * the search after far fewer CPU seconds, so the wall time of a stopped run is printed too */
static double wall_s(void) { return bench_seconds(CLOCK_MONOTONIC); }

static cJSON *read_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *t = malloc((size_t)n + 1);
    cJSON *d = NULL;
    if (t && fread(t, 1, (size_t)n, f) == (size_t)n) {
        t[n] = 0;
        d = cJSON_Parse(t);
    }
    free(t);
    fclose(f);
    return d;
}

typedef struct run {
    int ok, optimal;
    double obj, bound, cpu, wall;
    long long nodes;
} run;

static int solve_regint(const char *path, double tlim, run *r)
{
    cJSON *d = read_json(path);
    if (!d)
        return -1;
    const cJSON *sz = cJSON_GetObjectItem(d, "sizes"), *cp = cJSON_GetObjectItem(d, "capacities"),
                *sc = cJSON_GetObjectItem(d, "scores"), *maa = cJSON_GetObjectItem(d, "must_assign_all");
    size_t n = (size_t)cJSON_GetArraySize(sc), m = (size_t)cJSON_GetArraySize(cp);
    double *S = malloc(n * m * sizeof *S);
    int64_t *sizes = malloc(n * sizeof *sizes), *caps = malloc(m * sizeof *caps);
    int64_t *asg = malloc(n * sizeof *asg);
    size_t c = 0;
    for (const cJSON *row = sc->child; row; row = row->next, c++) {
        size_t j = 0;
        for (const cJSON *v = row->child; v; v = v->next, j++)
            S[c * m + j] = cJSON_IsNull(v) ? NAN : v->valuedouble;
        sizes[c] = (int64_t)cJSON_GetArrayItem(sz, (int)c)->valuedouble;
    }
    for (size_t j = 0; j < m; j++)
        caps[j] = (int64_t)cJSON_GetArrayItem(cp, (int)j)->valuedouble;
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.unit = REGINT_MATCH_PERSONS;
    o.must_assign_all = maa ? cJSON_IsTrue(maa) : 1;
    o.max_nodes = INT64_MAX;
    o.time_limit = tlim;
    regint_match_summary_t res;
    double t0 = cpu_s(), w0 = wall_s();
    regint_status st = regint_match(S, n, m, sizes, caps, &o, asg, NULL, &res);
    r->cpu = cpu_s() - t0;
    r->wall = wall_s() - w0;
    r->ok = st == REGINT_OK;
    if (!r->ok)
        fprintf(stderr, "%s: %s\n", path, regint_last_error());
    r->obj = res.objective;
    r->bound = res.bound;
    r->optimal = r->ok && res.quality == REGINT_MATCH_OPTIMAL;
    r->nodes = (long long)res.nodes;
    free(S);
    free(sizes);
    free(caps);
    free(asg);
    cJSON_Delete(d);
    return 0;
}

static int solve_highs(const char *path, run *r)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' 2>/dev/null", REGINT_BENCH_PERSONS_DIR "/highs_ref.py",
             path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[1024] = "";
    char *got = fgets(line, sizeof line, p);
    int rc = pclose(p);
    char name[256], obj[64];
    int status;
    double wall;
    r->ok = 0;
    if (!got || rc != 0 || sscanf(line, "%255s %63s %d %lf cpu=%lf", name, obj, &status, &wall, &r->cpu) != 5)
        return -1;
    r->ok = status == 0 && strcmp(obj, "None") != 0;
    r->optimal = r->ok;
    r->obj = r->ok ? atof(obj) : NAN;
    const char *nd = strstr(line, "nodes=");
    r->nodes = nd ? atoll(nd + 6) : -1;
    return 0;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    double tlim = 120;
    int highs = 1, first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--time-limit") == 0 && first + 1 < argc)
            tlim = atof(argv[++first]);
        else if (strcmp(argv[first], "--no-highs") == 0)
            highs = 0;
        else {
            fprintf(stderr, "usage: bench_persons [--time-limit S] [--no-highs] INSTANCE.json ...\n");
            return 2;
        }
    }
    char **files = argv + first;
    int nf = argc - first;
    static char *deflist[64];
    if (nf == 0) {
        if (system("/usr/bin/python3 " REGINT_BENCH_PERSONS_DIR "/gen.py make persons-instances >/dev/null") != 0) {
            fprintf(stderr, "bench_persons: gen.py failed\n");
            return 1;
        }
        FILE *l = fopen("persons-instances/LIST", "r");
        char name[256];
        while (l && nf < 64 && fscanf(l, "%255s", name) == 1) {
            deflist[nf] = malloc(strlen(name) + 32);
            sprintf(deflist[nf], "persons-instances/%s.json", name);
            nf++;
        }
        if (l)
            fclose(l);
        files = deflist;
    }
    printf("persons capacity, regint (time limit %.0f s) vs HiGHS (scipy milp, gap 0); CPU seconds\n", tlim);
    printf("%-22s %10s %8s %9s | %10s %8s %7s | %8s %s\n", "instance", "regint", "status", "cpu s", "HiGHS", "cpu s",
           "nodes", "HiGHS/rg", "agree");
    double ratios[64];
    int nr = 0, proved = 0, agree = 0, both = 0, disagree = 0;
    double tot_r = 0, tot_h = 0;
    for (int i = 0; i < nf; i++) {
        run r = {0}, h = {0};
        if (solve_regint(files[i], tlim, &r)) {
            fprintf(stderr, "bench_persons: cannot read %s\n", files[i]);
            return 1;
        }
        if (highs && solve_highs(files[i], &h))
            h.ok = 0;
        const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
        proved += r.optimal;
        tot_r += r.cpu;
        const char *ag = "-";
        if (h.ok) {
            tot_h += h.cpu;
            if (r.optimal) {
                both++;
                ag = fabs(r.obj - h.obj) < 0.5 ? "yes" : "NO";
                agree += ag[0] == 'y';
                disagree += ag[0] == 'N';
            } else if (r.ok) {
                /* not proved: the HiGHS optimum must lie within regint's [objective, bound] */
                ag = r.obj <= h.obj + 0.5 && h.obj <= r.bound + 0.5 ? "in gap" : "NO";
                disagree += ag[0] == 'N';
            }
            ratios[nr++] = h.cpu / (r.cpu > 1e-6 ? r.cpu : 1e-6);
        }
        printf("%-22.22s %10.0f %8s %9.2f | %10.0f %8.2f %7lld | %8.2f %s", base, r.obj,
               r.optimal ? "optimal" : r.ok ? "gap" : "error", r.cpu, h.ok ? h.obj : NAN, h.ok ? h.cpu : NAN,
               h.ok ? h.nodes : -1LL, h.ok ? ratios[nr - 1] : NAN, ag);
        if (r.ok && !r.optimal)
            printf(" (bound %.0f; stopped after %.1f wall s)", r.bound, r.wall);
        printf("\n");
        fflush(stdout);
    }
    printf("regint proved %d of %d; ", proved, nf);
    if (nr) {
        qsort(ratios, (size_t)nr, sizeof *ratios, cmp_d);
        printf("same optimum as HiGHS on %d of %d both proved (%d disagreements); HiGHS/regint CPU: median %.2fx, "
               "min %.2fx, max %.2fx; total CPU regint %.1f s, HiGHS %.1f s\n",
               agree, both, disagree, ratios[nr / 2], ratios[0], ratios[nr - 1], tot_r, tot_h);
    } else {
        printf("total CPU regint %.1f s\n", tot_r);
    }
    return disagree ? 3 : 0;
}
