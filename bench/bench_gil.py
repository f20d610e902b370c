#!/usr/bin/python3
"""Benchmark of goal 6 of issue 17: two Python threads calling into regint overlap.

For each call (every wrapped call that takes more than a millisecond), in the same run:
  * seq: the call twice, one after the other, in the main thread (wall, best of the
    repetitions) and the process CPU time of those two calls (best);
  * fresh threads: two new threads (threading.Thread), one call each, started together:
    overlap = seq wall / their wall (2.0 = full overlap, 1.0 = serialised; needs two idle
    cores) and CPU ratio = their process CPU time / seq CPU time (1.0 = the threads cost
    what the calls cost one after the other; robust to machine load, unlike the wall
    clock). A new thread also gets a malloc arena whose memory the previous thread gave
    back, so this includes what a call costs in a thread of its own;
  * kept threads: the same in two threads that live across calls (a pool, as
    concurrent.futures.ThreadPoolExecutor keeps them);
  * GIL held: a pure-Python counting thread runs while the call runs in the main thread;
    the share of its counting speed lost against counting alone is the share of time the
    call holds the GIL (on a loaded machine this includes CPU contention: compare calls in
    the same run).
The load average is printed before and after: wall-clock overlap means nothing when the
machine has fewer idle cores than two.

Not covered: the scenario sweep (issue 15) is not wrapped for Python (C only:
bench/bench_scenario.c).

Usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_gil.py [repetitions]
"""
import array
import os
import sys
import threading
import time

import regint


def clocks(f):
    """Wall and process CPU seconds of f()."""
    w0, c0 = time.perf_counter(), time.process_time()
    f()
    return time.perf_counter() - w0, time.process_time() - c0


class Pair:
    """Two threads that run one call each, released together by a barrier; fresh=True
    starts two new threads for every run, else two threads live across runs."""

    def __init__(self, fresh):
        self.fresh = fresh
        self.go = threading.Barrier(3)
        self.done = threading.Barrier(3)
        self.job = None
        if not fresh:
            self.threads = [threading.Thread(target=self._loop, daemon=True) for _ in range(2)]
            for t in self.threads:
                t.start()

    def _loop(self):
        while True:
            self.go.wait()
            if self.job is None:
                return
            self.job()
            self.done.wait()

    def _once(self):
        self.go.wait()
        self.job()
        self.done.wait()

    def run(self, f):
        """Wall and process CPU seconds of two calls of f at once."""
        self.job = f
        if self.fresh:
            ths = [threading.Thread(target=self._once) for _ in range(2)]
            for t in ths:
                t.start()
        w0, c0 = time.perf_counter(), time.process_time()
        self.go.wait()
        self.done.wait()
        w, c = time.perf_counter() - w0, time.process_time() - c0
        if self.fresh:
            for t in ths:
                t.join()
        return w, c

    def close(self):
        if not self.fresh:
            self.job = None
            self.go.wait()
            for t in self.threads:
                t.join()


def count_rate(stop):
    n = 0
    t0 = time.perf_counter()
    while not stop.is_set():
        n += 1
    return n / (time.perf_counter() - t0)


def gil_held(f, alone_rate):
    stop = threading.Event()
    res = {}

    def counter():
        res["rate"] = count_rate(stop)

    th = threading.Thread(target=counter)
    th.start()
    time.sleep(0.01)
    f()
    stop.set()
    th.join()
    return max(0.0, 1.0 - res["rate"] / alone_rate)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    weights = array.array("q", ((i * 7919) % 1000 + 1 for i in range(2_000_000)))
    sizes, caps, scores = regint.match_synth(2000, 357, "cases", seed=3, slack_permille=1100)
    ds = regint.load_default()

    def load_json():
        os.environ["REGINT_SNAPSHOT"] = "0"
        regint.load_default()

    def load_snap():
        os.environ["REGINT_SNAPSHOT"] = "1"
        regint.load_default()

    calls = [
        ("load_default (JSON)", load_json),
        ("load_default (snapshot)", load_snap),
        ("Dataset.to_json", ds.to_json),
        ("apportion 2e6 units", lambda: regint.apportion(weights, 200_000_000, method="dhondt")),
        ("match 2000x357 cases", lambda: regint.match(sizes, caps, scores)),
        ("recommend 39/2026", lambda: regint.recommend("39", 2026, dataset=ds)),
        ("backtest 39", lambda: regint.backtest("39", dataset=ds)),
        ("gap 39 2024-2025", lambda: regint.gap("39", (2024, 2025), dataset=ds)),
    ]
    stop = threading.Event()
    timer = threading.Timer(0.5, stop.set)
    timer.start()
    alone = count_rate(stop)
    fresh, kept = Pair(True), Pair(False)
    print("load average %.2f %.2f %.2f, %d cores; best of %d" % (os.getloadavg() + (os.cpu_count(), reps)))
    print("overlap = seq wall / 2-thread wall (2 = full); cpu = 2-thread CPU / seq CPU (1 = no extra work)")
    print("%-24s %8s %8s | %-14s | %-14s | %8s" % ("call", "seq 2x s", "cpu s", " fresh threads", " kept threads",
                                                 "GIL held"))
    print("%-24s %8s %8s | %7s %6s | %7s %6s |" % ("", "", "", "overlap", "cpu", "overlap", "cpu"))
    for name, f in calls:
        f()  # warm up (and the pool threads' arenas)
        kept.run(f)
        def two():
            f()  # its result is dropped before the second call, as in a thread
            f()

        seq = [clocks(two) for _ in range(reps)]
        fr = [fresh.run(f) for _ in range(reps)]
        kp = [kept.run(f) for _ in range(reps)]
        held = min(gil_held(f, alone) for _ in range(reps))
        sw, sc = min(w for w, _ in seq), min(c for _, c in seq)
        fw, fc = min(w for w, _ in fr), min(c for _, c in fr)
        kw, kc = min(w for w, _ in kp), min(c for _, c in kp)
        print("%-24s %8.3f %8.3f | %6.2fx %6.2f | %6.2fx %6.2f | %7.0f%%" % (
            name, sw, sc, sw / fw, fc / sc, sw / kw, kc / sc, 100 * held), flush=True)
    kept.close()
    print("load average %.2f %.2f %.2f" % os.getloadavg())
    os.environ.pop("REGINT_SNAPSHOT", None)


if __name__ == "__main__":
    main()
