// Benchmark of regint_match (capacity in cases) against LEMON NetworkSimplex, measured in the
// same run on the same regint-synth-v1 instances (357 municipalities, slack 1100 permille).
// Each solver runs in its own forked child, which generates the instance itself, so the
// peak resident memory (ru_maxrss) of a child is that solver plus the instance (the score
// matrix as float64, as a NumPy caller would hand it over). Both must find the same optimum.
//
// usage: bench_matching [n_cases ...]   (default: 2000 40000)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <regint/regint.h>

namespace {

struct Outcome {
    int ok;
    long long objective_permille;
    double seconds;       // solver only, CPU seconds
    double build_seconds; // LEMON: building the graph; regint: 0
    long maxrss_kb;       // peak of the child
    long instance_kb;     // peak after generating the instance
};

// CPU seconds of this (single-threaded) child: on the shared, loaded machine wall time mostly
// measures the other jobs.
double now()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

long maxrss_kb()
{
    rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

struct Instance {
    size_t n, m;
    std::vector<int64_t> sizes, caps;
    std::vector<double> scores;
};

bool make_instance(size_t n, size_t m, uint64_t seed, Instance &in)
{
    in.n = n;
    in.m = m;
    in.sizes.resize(n);
    in.caps.resize(m);
    in.scores.resize(n * m);
    return regint_match_synth(n, m, REGINT_MATCH_CASES, seed, 1100, in.sizes.data(), in.caps.data(),
                              in.scores.data()) == REGINT_OK;
}

Outcome run_regint(size_t n, size_t m, uint64_t seed)
{
    Outcome o = Outcome();
    Instance in;
    if (!make_instance(n, m, seed, in))
        return o;
    o.instance_kb = maxrss_kb();
    std::vector<int64_t> asg(n), used(m);
    regint_match_options opt = REGINT_MATCH_OPTIONS_INIT;
    opt.score_scale = 1000;
    regint_match_summary_t r;
    double t0 = now();
    regint_status st = regint_match(in.scores.data(), n, m, in.sizes.data(), in.caps.data(), &opt, asg.data(),
                                    used.data(), &r);
    o.seconds = now() - t0;
    if (st != REGINT_OK) {
        fprintf(stderr, "regint: %s\n", regint_last_error());
        return o;
    }
    long long tot = 0;
    for (size_t c = 0; c < n; c++)
        tot += (long long)in.scores[c * m + (size_t)asg[c]];
    o.objective_permille = tot;
    o.ok = r.quality == REGINT_MATCH_OPTIMAL;
    o.maxrss_kb = maxrss_kb();
    return o;
}

Outcome run_lemon(size_t n, size_t m, uint64_t seed)
{
    Outcome o = Outcome();
    Instance in;
    if (!make_instance(n, m, seed, in))
        return o;
    o.instance_kb = maxrss_kb();
    double t0 = now();
    typedef lemon::SmartDigraph G;
    G g;
    g.reserveNode((int)(n + m));
    g.reserveArc((int)(n * m));
    std::vector<G::Node> cn(n), mn(m);
    for (size_t c = 0; c < n; c++)
        cn[c] = g.addNode();
    for (size_t j = 0; j < m; j++)
        mn[j] = g.addNode();
    G::ArcMap<int> cost(g);
    G::NodeMap<int> sup(g);
    for (size_t c = 0; c < n; c++) {
        sup[cn[c]] = 1;
        for (size_t j = 0; j < m; j++) {
            G::Arc a = g.addArc(cn[c], mn[j]);
            cost[a] = 1000 - (int)in.scores[c * m + j]; // minimise 1000 - score (>= 0)
        }
    }
    for (size_t j = 0; j < m; j++)
        sup[mn[j]] = -(int)in.caps[j];
    lemon::NetworkSimplex<G, int, long long> ns(g);
    ns.costMap(cost).supplyMap(sup).supplyType(lemon::NetworkSimplex<G, int, long long>::GEQ);
    double t1 = now();
    o.build_seconds = t1 - t0;
    lemon::NetworkSimplex<G, int, long long>::ProblemType pt = ns.run();
    o.seconds = now() - t1;
    if (pt != lemon::NetworkSimplex<G, int, long long>::OPTIMAL)
        return o;
    o.objective_permille = 1000LL * (long long)n - ns.totalCost();
    o.ok = 1;
    o.maxrss_kb = maxrss_kb();
    return o;
}

Outcome in_child(Outcome (*fn)(size_t, size_t, uint64_t), size_t n, size_t m, uint64_t seed)
{
    int fd[2];
    Outcome o = Outcome();
    if (pipe(fd))
        return o;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        Outcome r = fn(n, m, seed);
        ssize_t w = write(fd[1], &r, sizeof r);
        _exit(w == (ssize_t)sizeof r ? 0 : 1);
    }
    close(fd[1]);
    ssize_t rd = read(fd[0], &o, sizeof o);
    close(fd[0]);
    int status;
    waitpid(pid, &status, 0);
    if (rd != (ssize_t)sizeof o)
        o.ok = 0;
    return o;
}

// Cross-check on instances the synthetic generator does not produce: 20 % forbidden pairs,
// negative scores, and cases allowed to stay unassigned. LEMON solves the same problem as
// an s-t flow (source -> case [1,1] -> municipality -> sink, plus case -> sink when a case
// may stay out).
bool cross_check(size_t n, size_t m, unsigned seed, int must)
{
    srand(seed);
    std::vector<double> sc(n * m);
    std::vector<int64_t> cap(m), asg(n);
    for (size_t i = 0; i < sc.size(); i++)
        sc[i] = (rand() % 5 == 0) ? NAN : (double)(rand() % 2001 - 600);
    int64_t tot = 0;
    for (size_t j = 0; j < m; j++) {
        cap[j] = rand() % (int)(2 * n / m + 1);
        tot += cap[j];
    }
    if (must && tot < (int64_t)n)
        cap[0] += (int64_t)n - tot;
    regint_match_options o = REGINT_MATCH_OPTIONS_INIT;
    o.must_assign_all = must;
    regint_match_summary_t r;
    regint_status st = regint_match(sc.data(), n, m, NULL, cap.data(), &o, asg.data(), NULL, &r);
    typedef lemon::SmartDigraph G;
    G g;
    G::Node src = g.addNode(), sink = g.addNode();
    std::vector<G::Node> cn(n), mn(m);
    for (size_t c = 0; c < n; c++)
        cn[c] = g.addNode();
    for (size_t j = 0; j < m; j++)
        mn[j] = g.addNode();
    G::ArcMap<long long> cost(g);
    G::ArcMap<int> up(g), lo(g);
    for (size_t c = 0; c < n; c++) {
        G::Arc a = g.addArc(src, cn[c]);
        cost[a] = 0;
        up[a] = lo[a] = 1;
        for (size_t j = 0; j < m; j++)
            if (!std::isnan(sc[c * m + j])) {
                a = g.addArc(cn[c], mn[j]);
                cost[a] = -(long long)sc[c * m + j];
                up[a] = 1;
                lo[a] = 0;
            }
        if (!must) {
            a = g.addArc(cn[c], sink);
            cost[a] = 0;
            up[a] = 1;
            lo[a] = 0;
        }
    }
    for (size_t j = 0; j < m; j++) {
        G::Arc a = g.addArc(mn[j], sink);
        cost[a] = 0;
        up[a] = (int)cap[j];
        lo[a] = 0;
    }
    lemon::NetworkSimplex<G, int, long long> ns(g);
    ns.costMap(cost).upperMap(up).lowerMap(lo).stSupply(src, sink, (int)n);
    bool lemon_ok = ns.run() == lemon::NetworkSimplex<G, int, long long>::OPTIMAL;
    bool same;
    if (!lemon_ok)
        same = st == REGINT_EINFEASIBLE;
    else
        same = st == REGINT_OK && std::fabs(r.objective + (double)ns.totalCost()) < 1e-6;
    printf("  cross-check %zu x %zu, seed %u, %s: regint %s, LEMON %s -> %s\n", n, m, seed,
           must ? "must_assign_all" : "at most once", st == REGINT_OK ? "optimal" : "infeasible",
           lemon_ok ? "optimal" : "infeasible", same ? "same" : "DIFFERENT");
    return same;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<size_t> ns;
    for (int i = 1; i < argc; i++)
        ns.push_back((size_t)strtoull(argv[i], NULL, 10));
    if (ns.empty()) {
        ns.push_back(2000);
        ns.push_back(40000);
    }
    const size_t m = 357;
    const uint64_t seed = 6242; // the oracle's 2000 x 357 instance uses this seed
    int fail = 0;
    printf("regint_match (capacity in cases) vs LEMON NetworkSimplex, regint-synth-v1(n, 357, cases, seed %llu, slack 1100)\n",
           (unsigned long long)seed);
    printf("%8s %12s %12s %10s %10s %9s %10s %10s %9s %9s\n", "cases", "optimum", "same", "regint cpu", "lemon cpu",
           "speedup", "regint MB", "lemon MB", "mem ratio", "extra r.");
    for (size_t n : ns) {
        Outcome a = in_child(run_regint, n, m, seed);
        Outcome b = in_child(run_lemon, n, m, seed);
        int same = a.ok && b.ok && a.objective_permille == b.objective_permille;
        if (!same)
            fail = 1;
        double extra_a = (double)(a.maxrss_kb - a.instance_kb), extra_b = (double)(b.maxrss_kb - b.instance_kb);
        printf("%8zu %12.3f %12s %10.3f %10.3f %8.1fx %10.1f %10.1f %9.3f %9.3f\n", n, a.objective_permille / 1000.0,
               same ? "yes" : "NO", a.seconds, b.seconds, b.seconds / a.seconds, a.maxrss_kb / 1024.0,
               b.maxrss_kb / 1024.0, (double)a.maxrss_kb / (double)b.maxrss_kb,
               extra_b > 0 ? extra_a / extra_b : 0.0);
        printf("         (LEMON graph build %.3f s not counted; instance alone %.1f MB; 'extra r.' = memory above the instance)\n",
               b.build_seconds, a.instance_kb / 1024.0);
        fflush(stdout);
    }
    printf("cross-checks (forbidden pairs, negative scores):\n");
    for (unsigned seed = 1; seed <= 4; seed++) {
        if (!cross_check(5000, 100, seed, (int)(seed % 2)))
            fail = 1;
        if (!cross_check(3000, 357, seed, (int)(seed % 2)))
            fail = 1;
    }
    return fail;
}
