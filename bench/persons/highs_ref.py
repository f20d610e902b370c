#!/usr/bin/python3
"""Reference: HiGHS through scipy.optimize.milp (mip_rel_gap=0), one instance per call.

Usage: highs_ref.py FILE.json [...]   prints: name objective_permille status seconds
The time is the milp() call alone (model matrices built before the clock starts).
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import milp, LinearConstraint, Bounds
from scipy.sparse import csr_matrix


def solve(path):
    d = json.load(open(path))
    sizes = d["sizes"]
    caps = d["capacities"]
    S = d["scores"]
    n, m = len(S), len(caps)
    maa = d.get("must_assign_all", True)
    cols, c = [], []
    for i in range(n):
        for j in range(m):
            if S[i][j] is not None:
                cols.append((i, j))
                c.append(-S[i][j])
    nv = len(cols)
    rows, ci, val = [], [], []
    for k, (i, j) in enumerate(cols):
        rows.append(i); ci.append(k); val.append(1.0)
        rows.append(n + j); ci.append(k); val.append(float(sizes[i]))
    A = csr_matrix((val, (rows, ci)), shape=(n + m, nv))
    lb = np.concatenate([np.ones(n) if maa else np.zeros(n), np.full(m, -np.inf)])
    ub = np.concatenate([np.ones(n), np.array(caps, dtype=float)])
    t = time.perf_counter(); tc = time.process_time()
    r = milp(np.array(c, dtype=float), constraints=LinearConstraint(A, lb, ub),
             integrality=np.ones(nv), bounds=Bounds(0, 1),
             options={"mip_rel_gap": 0, "time_limit": 600})
    dt = time.perf_counter() - t; dc = time.process_time() - tc
    obj = None if r.x is None else int(round(-r.fun))
    return obj, r.status, dt, dc, getattr(r, "mip_dual_bound", None), getattr(r, "mip_node_count", None)


if __name__ == "__main__":
    print("# scipy", scipy.__version__, file=sys.stderr)
    for p in sys.argv[1:]:
        obj, st, dt, dc, bd, nodes = solve(p)
        name = p.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        print("%s %s %d %.3f cpu=%.3f bound=%s nodes=%s" % (name, obj, st, dt, dc, None if bd is None else -bd, nodes),
              flush=True)
