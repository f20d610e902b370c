"""regint.apportion against every case of tests/oracles/apportionment_cases.json, plus the
argument and error paths of the Python surface."""
import json
import subprocess

import numpy as np
import pytest

import regint
from conftest import TEST_DIR


with open(TEST_DIR / "oracles" / "apportionment_cases.json", encoding="utf-8") as f:
    ORACLE = json.load(f)
CASES = ORACLE["cases"]


def test_oracle_file_is_complete():
    assert ORACLE["schema"] == "regint.oracle.apportionment"
    assert len(CASES) >= 300  # the whole file is used, not a sample


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_oracle_case(case):
    kw = {}
    if case["method"] == "sainte_lague_modified" and case.get("first_divisor") is not None:
        kw["first_divisor"] = case["first_divisor"]
    seats = regint.apportion(case["weights"], case["total"], method=case["method"],
                             lower=case["lower"], upper=case["upper"], **kw)
    assert seats == case["expected"]
    assert all(isinstance(s, int) for s in seats)


@pytest.mark.parametrize("case", [c for c in CASES if c["lower"] or c["upper"]][:20],
                         ids=lambda c: c["id"])
def test_numpy_arrays_give_the_same_result(case):
    kw = {}
    if case["method"] == "sainte_lague_modified" and case.get("first_divisor") is not None:
        kw["first_divisor"] = case["first_divisor"]
    arr = lambda v: None if v is None else np.asarray(v, dtype=np.int64)  # noqa: E731
    seats = regint.apportion(arr(case["weights"]), np.int64(case["total"]),
                             method=case["method"].replace("_", "-"),
                             lower=arr(case["lower"]), upper=arr(case["upper"]), **kw)
    assert seats == case["expected"]


def test_method_names_with_dash_or_underscore():
    w = [5, 3, 2]
    for m in regint.APPORTION_METHODS:
        assert regint.apportion(w, 10, method=m) == regint.apportion(w, 10, method=m.replace("-", "_"))


def test_hand_worked_hamilton():
    # Hare quotas for 10 seats and weights 6,3,1 of 10: 6, 3, 1 exactly.
    assert regint.apportion([6, 3, 1], 10) == [6, 3, 1]
    # 7 seats, weights 5,3,2: quotas 3.5, 2.1, 1.4 -> floors 3,2,1 (6); the largest
    # remainder (.5) gets the 7th seat.
    assert regint.apportion([5, 3, 2], 7, method="hamilton") == [4, 2, 1]


def test_hand_worked_dhondt_and_modified_sainte_lague():
    # D'Hondt, 5 seats, 100/80/30: quotients 100,80,50,40,33.3,30,26.7 -> A,B,A,B,A.
    assert regint.apportion([100, 80, 30], 5, method="dhondt") == [3, 2, 0]
    # Modified Sainte-Laguë 1.4, 3 seats, 100/80/30: 71.4, 57.1, 33.3(A/3), 26.7(B/3),
    # 21.4 (C/1.4) -> A, B, A.
    assert regint.apportion([100, 80, 30], 3, method="sainte-lague-modified") == [2, 1, 0]
    # With first divisor 1.0 it is plain Sainte-Laguë: 100, 80, 33.3, 30 -> A, B, A.
    assert regint.apportion([100, 80, 30], 3, method="sainte_lague_modified",
                            first_divisor=1.0) == [2, 1, 0]


def test_bounds_respected_and_upper_none_means_unbounded():
    seats = regint.apportion([90, 5, 5], 20, lower=[0, 4, 4], upper=[None, None, 5])
    assert sum(seats) == 20
    assert seats[1] >= 4 and 4 <= seats[2] <= 5


def test_infeasible_bounds_raise_with_sums_in_message():
    with pytest.raises(regint.InfeasibleError) as ei:
        regint.apportion([1, 1, 1], 5, lower=[2, 2, 2])
    assert ei.value.status == 6
    assert "6" in str(ei.value) and "5" in str(ei.value)  # names sum(lower)=6 and total=5
    with pytest.raises(regint.InfeasibleError):
        regint.apportion([1, 1, 1], 10, upper=[3, 3, 3])


def test_bad_arguments():
    with pytest.raises(regint.InvalidError):
        regint.apportion([5, -1, 2], 4)                   # negative weight
    with pytest.raises(regint.Error):
        regint.apportion([1, 2], 3, method="no-such-method")
    with pytest.raises(regint.InvalidError):
        regint.apportion([1, 2], 3, lower=[0])            # wrong length
    with pytest.raises(regint.InvalidError):
        regint.apportion([1, 2], 3, method="dhondt", first_divisor=1.4)
    with pytest.raises(regint.InvalidError):
        regint.apportion([1, 2], 2.5)
    with pytest.raises(TypeError):
        regint.apportion(["a", "b"], 3)
    with pytest.raises(TypeError):
        regint.apportion(42, 3)
    with pytest.raises(ValueError):
        regint.apportion([1.5, 2], 3)                     # weights must be integers
    with pytest.raises(TypeError):
        regint.apportion([1, 2], 3, method=7.0)


def test_keyword_arguments_and_large_input():
    rng = np.random.default_rng(1)
    w = rng.integers(1, 10**6, size=5000)
    seats = regint.apportion(weights=w, total=100_000, method="sainte-lague")
    assert len(seats) == 5000 and sum(seats) == 100_000


def _cli_apportion(cli, case, extra=()):
    args = [cli, "apportion", "--method", case["method"], "--total", str(case["total"]),
            "--weights", ",".join(map(str, case["weights"])), *extra]
    if case["lower"] is not None:
        args += ["--lower", ",".join(map(str, case["lower"]))]
    if case["upper"] is not None:
        args += ["--upper", ",".join(map(str, case["upper"]))]
    if case["method"] == "sainte_lague_modified" and case.get("first_divisor") is not None:
        args += ["--first-divisor", repr(case["first_divisor"])]
    return subprocess.run(args, capture_output=True, text=True)


def test_python_equals_cli_on_every_oracle_case(cli):
    # The same inputs through the C command-line tool and through Python give the same seats.
    for case in CASES:
        out = _cli_apportion(cli, case, ["--json"])
        assert out.returncode == 0, (case["id"], out.stderr)
        ref = json.loads(out.stdout)
        kw = {}
        if case["method"] == "sainte_lague_modified" and case.get("first_divisor") is not None:
            kw["first_divisor"] = case["first_divisor"]
        got = regint.apportion(case["weights"], case["total"], method=case["method"],
                               lower=case["lower"], upper=case["upper"], **kw)
        assert got == ref["seats"], case["id"]


def test_cli_and_python_refuse_the_same_infeasible_input(cli):
    case = {"method": "hamilton", "total": 5, "weights": [1, 1, 1], "lower": [2, 2, 2],
            "upper": None}
    out = _cli_apportion(cli, case)
    assert out.returncode == 1
    with pytest.raises(regint.InfeasibleError) as ei:
        regint.apportion([1, 1, 1], 5, lower=[2, 2, 2])
    # the CLI prints the library's message, as the exception carries it
    assert str(ei.value) in out.stderr
