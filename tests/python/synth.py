"""regint-synth-v1, the matching instance generator of tests/oracles/README.md, written
from its description (used to rebuild the large oracle instances stored as parameters)."""

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def r(self, k):
        return self.next() % k


THRESHOLDS = [400, 550, 670, 790, 880, 940, 980, 1000]


def synth_v1(n_cases, n_munis, unit, seed, slack_permille):
    """(sizes, capacities, scores in permille as an int array of shape n_cases x n_munis)."""
    g = SplitMix64(seed)
    sizes = []
    for _ in range(n_cases):
        u = g.r(1000)
        sizes.append(1 + sum(1 for t in THRESHOLDS if t <= u))
    ability = [g.r(301) - 150 for _ in range(n_cases)]
    base = [g.r(401) for _ in range(n_munis)]
    weight = [g.r(100) + 1 for _ in range(n_munis)]
    scores = np.empty((n_cases, n_munis), dtype=np.int64)
    for c in range(n_cases):
        for m in range(n_munis):
            noise = g.r(301) - 150
            scores[c, m] = min(1000, max(0, 300 + base[m] + ability[c] + noise))
    demand = n_cases if unit == "cases" else sum(sizes)
    sw = sum(weight)
    caps = [slack_permille * demand * w // (1000 * sw) + 1 + (8 if unit == "persons" else 0)
            for w in weight]
    return sizes, caps, scores
