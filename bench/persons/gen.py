#!/usr/bin/python3
"""Benchmark instances of regint-synth-v1 (tests/oracles/README.md) for bench_persons, made by
the generator of the tests (tests/python/synth.py).

Usage:
  gen.py check                 verify against the README check values and every stored oracle case
  gen.py make OUTDIR           write the benchmark set: OUTDIR/<name>.json (regint match format)
                               and OUTDIR/<name>.dat (plain text for the C prototypes)
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "python"))
from synth import SplitMix64, synth_v1  # noqa: E402  (the one regint-synth-v1 generator)


def synth(n, m, unit, seed, slack_permille):
    """synth_v1 with the scores as lists of ints (the JSON and .dat writers below)."""
    sizes, caps, scores = synth_v1(n, m, unit, seed, slack_permille)
    return sizes, caps, scores.tolist()


def check():
    g = SplitMix64(42)
    assert g.next() == 13679457532755275413
    s, c, sc = synth(5, 3, "persons", 7, 1100)
    assert s == [2, 5, 1, 1, 4], s
    assert c == [11, 14, 14], c
    assert sc == [[643, 159, 504], [579, 162, 569], [509, 347, 387], [631, 320, 795], [798, 343, 713]], sc
    d = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "oracles",
                                   "matching_cases.json")))
    k = 0
    for case in d["cases"]:
        gp = case.get("generator")
        if not gp or "scores" not in case:
            continue
        s, c, sc = synth(gp["n_cases"], gp["n_munis"], gp["unit"], gp["seed"], gp["slack_permille"])
        assert c == case["capacities"], case["id"]
        assert sc == case["scores"], case["id"]
        if case.get("sizes") is not None and gp["unit"] == "persons":
            assert s == case["sizes"], case["id"]
        k += 1
    print("generator ok: check values and %d stored oracle instances reproduced" % k)


SHAPES = [(300, 21), (400, 25), (500, 21), (500, 25)]
SEEDS = [1, 2, 3, 4]


def make(outdir):
    os.makedirs(outdir, exist_ok=True)
    names = []
    for (n, m) in SHAPES:
        for seed in SEEDS:
            sizes, caps, scores = synth(n, m, "persons", seed, 1100)
            for maa in (False, True):
                name = "p%dx%d-s%d-%s" % (n, m, seed, "all" if maa else "opt")
                inst = {"capacity_unit": "persons", "must_assign_all": maa, "score_scale": 1000,
                        "generator": {"name": "regint-synth-v1", "n_cases": n, "n_munis": m,
                                      "unit": "persons", "seed": seed, "slack_permille": 1100},
                        "sizes": sizes, "capacities": caps, "scores": scores}
                with open(os.path.join(outdir, name + ".json"), "w") as f:
                    json.dump(inst, f)
                with open(os.path.join(outdir, name + ".dat"), "w") as f:
                    f.write("%d %d %d\n" % (n, m, 1 if maa else 0))
                    f.write(" ".join(map(str, sizes)) + "\n")
                    f.write(" ".join(map(str, caps)) + "\n")
                    for row in scores:
                        f.write(" ".join(map(str, row)) + "\n")
                names.append(name)
    with open(os.path.join(outdir, "LIST"), "w") as f:
        f.write("\n".join(names) + "\n")
    print("wrote %d instances to %s" % (len(names), outdir))


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check()
    elif sys.argv[1] == "make":
        make(sys.argv[2])
