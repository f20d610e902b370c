#!/usr/bin/python3
"""Benchmark of goal 6 of issue 17: Python calls into regint release the GIL.

For each call, measured in the same run:
  * overlap: wall time of running the call twice one after the other (reference) divided by
    the wall time of running it in two threads at once. 2.0 = the threads fully overlap,
    1.0 = they are serialised (the GIL is held). Needs two free cores to reach 2.0.
  * 2thr/1thr: per repetition, the wall time of two threads (one call each) over the wall
    time of one call alone, measured back to back; best and median over the repetitions.
    1.0 = full overlap, 2.0 = serialised. The load average is printed with the figures:
    on a machine busier than its cores, no overlap can show.
  * GIL held: a pure-Python counting thread runs while the call runs; the share of its
    counting speed lost against counting alone (same run) is the share of time the call
    holds the GIL (0 % = released for the whole call; on a loaded machine this also
    includes CPU contention, so compare calls with each other in the same run).

Usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_gil.py [repetitions]
"""
import array
import os
import statistics
import sys
import threading
import time

import regint


def best(f, reps):
    t = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t.append(time.perf_counter() - t0)
    return min(t)


def in_two_threads(f):
    ths = [threading.Thread(target=f) for _ in range(2)]
    t0 = time.perf_counter()
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    return time.perf_counter() - t0


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
        ("apportion 2e6 units", lambda: regint.apportion(weights, 200_000_000, method="dhondt")),
        ("match 2000x357 cases", lambda: regint.match(sizes, caps, scores)),
        ("recommend 39/2026", lambda: regint.recommend("39", 2026, dataset=ds)),
    ]
    stop = threading.Event()
    timer = threading.Timer(0.5, stop.set)
    timer.start()
    alone = count_rate(stop)
    print("load average %.2f %.2f %.2f, %d cores" % (os.getloadavg() + (os.cpu_count(),)))
    print("two threads vs one after the other (wall, best of %d); GIL held = counting speed lost" % reps)
    print("%-26s %10s %10s %8s %9s %15s" % ("call", "seq 2x s", "2 thr s", "overlap", "GIL held",
                                           "2thr/1thr b/med"))
    for name, f in calls:
        f()  # warm up
        seq = best(lambda: (f(), f()), reps)
        par = min(in_two_threads(f) for _ in range(reps))
        held = min(gil_held(f, alone) for _ in range(reps))
        ratio = []
        for _ in range(reps):
            one = best(f, 1)
            ratio.append(in_two_threads(f) / one)
        print("%-26s %10.3f %10.3f %7.2fx %8.0f%% %7.2f /%6.2f" % (name, seq, par, seq / par, 100 * held,
                                                                 min(ratio), statistics.median(ratio)),
              flush=True)
    print("load average %.2f %.2f %.2f" % os.getloadavg())
    os.environ.pop("REGINT_SNAPSHOT", None)


if __name__ == "__main__":
    main()
