"""Optimal matching of refugee cases to municipalities, on NumPy arrays."""

import numpy as np

from . import regint_core as _core
from ._errors import InvalidError
from ._names import names

__all__ = ["match", "match_synth", "MatchResult"]

def _unit(capacity_unit):
    units = names("match_unit")
    u = str(capacity_unit).strip().lower()
    if u not in units:
        raise InvalidError(f"capacity_unit: expected {' or '.join(map(repr, units))}, "
                           f"got {capacity_unit!r}")
    return units.index(u)


class MatchResult(tuple):
    """``(assignment, objective)`` — unpack it as a pair — with the solver's details as
    attributes: ``used`` (capacity used per municipality), ``bound``, ``gap``, ``optimal``,
    ``n_assigned``, ``nodes``, ``augmentations``, ``exact``, ``score_resolution``."""

    def __new__(cls, d):
        self = super().__new__(cls, (np.asarray(d["assignment"], dtype=np.int64),
                                     float(d["objective"])))
        self._d = d
        self.used = np.asarray(d["used"], dtype=np.int64)
        return self

    @property
    def assignment(self):
        """Municipality index per case (-1 = not assigned)."""
        return self[0]

    @property
    def objective(self):
        return self[1]

    def __getattr__(self, name):
        d = self.__dict__.get("_d", {})
        if name in d:
            return d[name]
        raise AttributeError(name)

    def __repr__(self):
        q = "optimal" if self._d["optimal"] else f"gap {self._d['gap']:.3g}"
        return (f"<regint.MatchResult objective={self.objective:.6g} ({q}), "
                f"{self._d['n_assigned']} of {len(self.assignment)} cases assigned>")


def match(sizes, capacities, scores, capacity_unit="cases", must_assign_all=True,
          score_per_person=False, score_scale=1.0, max_nodes=None, time_limit=60.0):
    """Assign cases (persons or families, never split) to municipalities so that the total
    score is maximal and no capacity is exceeded.

    sizes:      family size per case (n_cases integers).
    capacities: capacity per municipality (n_munis integers) in ``capacity_unit``:
                "cases" (a transportation problem, solved exactly) or "persons" (a
                generalized assignment problem, branch and bound within ``max_nodes`` /
                ``time_limit`` seconds; ``result.optimal`` says whether it was proved).
    scores:     an (n_cases, n_munis) array, e.g. predicted employment probability; NaN
                (or None in a nested list) = the pair is not allowed.
    must_assign_all: every case exactly once (InfeasibleError if impossible); False: at
                most once.
    score_per_person: multiply each case's scores by its size.
    score_scale: the objective is reported as sum(score) / score_scale.

    Returns a :class:`MatchResult`: ``assignment, objective = regint.match(...)`` where
    ``assignment[c]`` is the municipality index of case c (-1 = not assigned).

    Raises InfeasibleError only when infeasibility is proved (demand above capacity, a
    family that fits nowhere, LP relaxation infeasible, search exhausted); RangeError when
    ``max_nodes``/``time_limit`` stopped the search before any assignment was found and
    nothing was proved (raise the limits).
    """
    sc = np.ascontiguousarray(np.asarray(scores, dtype=np.float64))
    sz = np.ascontiguousarray(np.asarray(sizes), dtype=np.int64)
    cap = np.ascontiguousarray(np.asarray(capacities), dtype=np.int64)
    if sz.ndim != 1 or cap.ndim != 1:
        raise InvalidError("sizes and capacities must be one-dimensional")
    if sc.ndim != 2 or sc.shape != (sz.shape[0], cap.shape[0]):
        raise InvalidError(f"scores must have shape (len(sizes), len(capacities)) = "
                           f"({sz.shape[0]}, {cap.shape[0]}), got {sc.shape}")
    opts = {"unit": _unit(capacity_unit), "must_assign_all": int(bool(must_assign_all)),
            "score_per_person": int(bool(score_per_person)), "score_scale": float(score_scale),
            "time_limit": float(time_limit)}
    if max_nodes:
        opts["max_nodes"] = max_nodes
    assignment, used, summary = _core.regint_match(sc.ravel(), sz.shape[0], cap.shape[0], sz, cap,
                                                   opts)
    summary["optimal"] = summary.pop("quality") == _core.REGINT_MATCH_OPTIMAL
    summary.update(assignment=assignment, used=used)
    return MatchResult(summary)


def match_synth(n_cases, n_munis, capacity_unit="cases", seed=1, slack_permille=1100):
    """A synthetic instance from the library's generator regint-synth-v1
    (tests/oracles/README.md): ``(sizes, capacities, scores)`` with scores in permille as an
    (n_cases, n_munis) float array."""
    sz, cap, sc = _core.regint_match_synth(n_cases, n_munis, _unit(capacity_unit),
                                           seed, slack_permille)
    return (np.asarray(sz, dtype=np.int64), np.asarray(cap, dtype=np.int64),
            np.asarray(sc, dtype=np.float64).reshape(int(n_cases), int(n_munis)))
