"""regint.recommend / backtest / SettlementProfile, checked against the C CLI
(`regint recommend --json`, run as a subprocess) and against the rules the result must keep."""
import json
import math
import subprocess

import numpy as np
import pandas as pd
import pytest

import regint

from conftest import SOURCE_DIR

EXAMPLES = SOURCE_DIR / "examples" / "data"
HANDSET = str(EXAMPLES / "profile-handset.json")



@pytest.fixture(scope="module")
def ds():
    return regint.load_default()


def cli_json(cli, *args):
    out = subprocess.run([cli, "recommend", "--json", *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def same(a, b):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b)) or b is pd.NA
    if b is pd.NA:
        return False
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


@pytest.mark.parametrize("county,year,extra", [
    ("39", 2026, {}),                      # the CLI's default case
    ("42", 2025, {}),                      # Agder
    ("03", 2024, {}),                      # Oslo: one municipality
    ("46", 2026, {"total": 500, "minors": 20}),
])
def test_recommend_equals_cli_json(cli, ds, county, year, extra):
    args = ["--county", county, "--year", str(year)]
    if "total" in extra:
        args += ["--total", str(extra["total"]), "--minors", str(extra["minors"])]
    ref = cli_json(cli, *args)
    df = regint.recommend(county, year, dataset=ds, **extra)
    flat = pd.json_normalize(ref["municipalities"])
    # Every column of the CLI's JSON is in the DataFrame, with the same values.
    missing = set(flat.columns) - set(df.columns)
    assert not missing, missing
    assert len(df) == len(flat)
    for col in flat.columns:
        for i, (a, b) in enumerate(zip(flat[col], df[col])):
            assert same(a, b), (col, i, a, b)
    for key in ("year", "total", "minors", "fylkesnr", "county", "profile", "note"):
        assert df.attrs[key] == ref[key], key
    # (cJSON prints 15-17 significant digits: compare numbers with a relative tolerance)
    assert list(df.attrs["criteria"]) == [c["id"] for c in ref["criteria"]]
    for c in ref["criteria"]:
        assert same(c["weight"], df.attrs["criteria"][c["id"]]), c


def test_recommend_keeps_its_promises(ds):
    df = regint.recommend("42", 2026, total=700, minors=30, dataset=ds)
    # Sums exactly to the total, respects the bounds, minors within recommended.
    assert df["recommended"].sum() == 700
    assert df["minors"].sum() == 30
    assert (df["recommended"] >= df["lower"]).all()
    up = df["upper"].fillna(np.iinfo(np.int64).max).astype("int64")
    assert (df["recommended"] <= up).all()
    assert (df["minors"] <= df["recommended"]).all()
    assert math.isclose(df["score"].sum(), 1.0, rel_tol=1e-9)
    contrib = df[[c for c in df.columns if c.startswith("contributions.")]].sum(axis=1)
    assert np.allclose(contrib, df["score"])
    # Its municipalities are Agder's in 2026.
    assert sorted(df["kommunenr"]) == sorted(ds.municipalities(2026, county="42")["kommunenr"])


def test_default_total_is_the_actual_requests(ds):
    df = regint.recommend("39", 2026, dataset=ds)
    actual = ds.settlement(county="39", years=2026, measure="anmodning", category="alle")
    assert df.attrs["total"] == int(actual["value"].sum())
    assert df.attrs["total"] == regint.county_request_sum("39", 2026, dataset=ds)


def test_recommend_errors(ds):
    with pytest.raises(regint.NotFoundError):
        regint.recommend("77", 2026, total=100, dataset=ds)          # no such county
    with pytest.raises(regint.Error):
        regint.recommend("39", 2026, total=10, minors=20, dataset=ds)  # minors > total
    with pytest.raises(regint.FileError):
        regint.recommend("39", 2026, dataset="/nonexistent/data.json")
    with pytest.raises(regint.Error):
        regint.SettlementProfile.from_json('{"schema": "regint.settlement_profile"', "p.json")


def test_profile_round_trip_and_weights():
    # The default profile's weights are fitted per county and year: six criteria, no weight in
    # the profile (NaN). The hand-set example profile's weights sum to 1.
    p = regint.SettlementProfile.default()
    assert list(p.criteria) == ["population", "spread", "request_1", "request_3", "decision_1", "settled_2"]
    assert all(math.isnan(w) for w in p.criteria.values())
    q = regint.SettlementProfile.from_json(regint.SettlementProfile.default_json())
    assert list(q.criteria) == list(p.criteria)
    h = regint.SettlementProfile.load(str(EXAMPLES / "profile-handset.json"))
    assert math.isclose(sum(h.criteria.values()), 1.0, rel_tol=1e-9)
    assert "SettlementProfile" in repr(p)


def test_population_only_profile_is_proportional_to_population(ds):
    text = json.loads(regint.SettlementProfile.default_json())
    del text["weights"]
    text["criteria"] = [{"id": "population", "weight": 1}]
    text["name"] = "population only"
    df = regint.recommend("39", 2026, total=600, minors=0, dataset=ds, profile=json.dumps(text))
    share = df["population"] / df["population"].sum()
    assert np.allclose(df["score"], share)


def test_backtest_frame(ds):
    bt = regint.backtest(county="39", dataset=ds)
    assert len(bt) >= 1 and set(bt["fylkesnr"]) == {"39"}
    assert {"mae_request.profile", "mae_request.population",
            "mae_request.last_decision"} <= set(bt.columns)
    s = bt.attrs["summary"]
    assert s["rows"] == len(bt)


def test_backtest_rolling_frame(ds):
    # Vestfold 2024-2026 out of sample. Expected values from the independent prototype
    # (issue 14, per_county_year.csv): Vestfold 2026 has 6 municipalities, total 383, engine MAE
    # 7.3333 vs IMDi's request, weights population 0.1, spread 0.1, request_1 0.7, decision_1 0.1.
    bt = regint.backtest_rolling(county="39", year_from=2024, dataset=ds)
    assert list(bt["year"]) == [2024, 2025, 2026] and set(bt["fylkesnr"]) == {"39"}
    last = bt.iloc[-1]
    assert last["municipalities"] == 6 and last["total"] == 383
    assert abs(last["mae_request.profile"] - 7.3333) < 1e-3
    assert [last[f"w.{c}"] for c in ("population", "spread", "request_1", "request_3", "decision_1",
                                     "settled_2")] == pytest.approx([0.1, 0.1, 0.7, 0.0, 0.1, 0.0])
    years = bt.attrs["years"]
    assert list(years["year"]) == [2024, 2025, 2026]
    assert {"mae_request.last_request", "mae_request.mean3_request"} <= set(years.columns)


def test_recommend_whole_country(ds):
    df = regint.recommend("00", 2026, total=5000, minors=0, dataset=ds)
    assert len(df) == 357 and df["recommended"].sum() == 5000   # all 2024-structure municipalities
    assert df["fylkesnr"].nunique() == 15
    assert regint.recommend(None, 2026, total=5000, minors=0, dataset=ds)["recommended"].equals(
        df["recommended"])


# ---------------------------------------------------------------- the default: the fitted engine
def _sl_min10(scores, total, lower, upper):
    """A second implementation of the default rounding (docs/settlement.md): Sainte-Laguë with
    divisors 5 for the first ten persons, then k + 1/2, within lower and upper bounds; each
    next person goes to the highest score / divisor among those below their upper bound."""
    seats = list(lower)
    for _ in range(total - sum(seats)):
        best, pri = None, -1.0
        for i, (s, k, u) in enumerate(zip(scores, seats, upper)):
            if u is not None and k >= u:
                continue
            p = s / (5.0 if k < 10 else k + 0.5)
            if p > pri:
                best, pri = i, p
        seats[best] += 1
    return seats


@pytest.mark.parametrize("county,year", [("39", 2026), ("42", 2026), ("46", 2025), ("15", 2024)])
def test_default_recommend_is_sainte_lague_min10_over_the_published_scores(ds, county, year):
    df = regint.recommend(county, year, dataset=ds)
    assert df.attrs["weights"] == "fitted" and df.attrs["fitted_on"][1] == year - 1
    upper = [None if pd.isna(u) else int(u) for u in df["upper"]]
    total = int(df.attrs["total"])
    assert _sl_min10(list(df["score"]), total, list(df["lower"]), upper) == list(df["recommended"])
    # each score is the sum of its contributions, each contribution a fitted weight x a share
    contrib = df[[f"contributions.{c}" for c in df.attrs["criteria"]]]
    assert np.allclose(contrib.sum(axis=1), df["score"])
    # and for other totals the library's numbers are the same rule over the same scores
    for t in (int(total * 0.7), total + 1, int(total * 1.3)):
        other = regint.recommend(county, year, total=t, minors=0, dataset=ds)
        assert list(other["score"]) == list(df["score"])      # the weights do not move with the total
        assert _sl_min10(list(df["score"]), t, list(df["lower"]), upper) == list(other["recommended"])


def test_default_recommend_equals_the_out_of_sample_prototype(ds):
    # Expected values from the independent prototype of issue 14 (per_county_year.csv, as in
    # test_backtest_rolling_frame): Vestfold 2026, weights fitted on 2013-2025: population 0.1,
    # spread 0.1, request_1 0.7, decision_1 0.1; MAE 7.3333 per municipality vs IMDi's request.
    df = regint.recommend("39", 2026, dataset=ds)
    assert df.attrs["criteria"] == pytest.approx({"population": 0.1, "spread": 0.1, "request_1": 0.7,
                                                  "request_3": 0.0, "decision_1": 0.1, "settled_2": 0.0})
    assert df.attrs["fitted_on"] == (2013, 2025) and df.attrs["fitted_county_years"] > 150
    assert abs((df["recommended"] - df["actual_request"]).abs().mean() - 7.3333) < 1e-3
    w = regint.recommend_weights("39", 2026, dataset=ds)
    assert list(w["id"]) == list(df.attrs["criteria"]) and w.attrs["fitted_on"] == (2013, 2025)
    assert "weights fitted on 2013-2025" in df.attrs["note"]
    # the published national criteria stay visible in the explanation
    assert "population stands for the national criteria" in df.attrs["note"]


def test_handset_profile_still_works_with_hamilton(ds):
    df = regint.recommend("39", 2026, dataset=ds, profile=HANDSET)
    assert df.attrs["weights"] == "profile" and df.attrs["fitted_on"] is None
    assert df.attrs["criteria"]["decisions"] == pytest.approx(0.40)
    assert df["recommended"].sum() == df.attrs["total"]


def test_fitted_engine_with_local_decisions_as_bounds(ds):
    # Local decisions bound the fitted engine (tests/data/settlement/fitted_local.json): the
    # library's numbers are sainte-lague-min10 over its published scores within those bounds.
    prof = str(SOURCE_DIR / "tests" / "data" / "settlement" / "fitted_local.json")
    df = regint.recommend("39", 2027, total=338, minors=0, dataset=ds, profile=prof).set_index("kommunenr")
    assert df.loc["3907", "recommended"] == 0 and df.loc["3907", "upper"] == 0
    assert "kommunestyrevedtak 12.9.2026" in df.loc["3907", "note"]
    assert df.loc["3903", "recommended"] <= 15 and df.loc["3909", "recommended"] >= 60
    upper = [None if pd.isna(u) else int(u) for u in df["upper"]]
    assert _sl_min10(list(df["score"]), 338, list(df["lower"]), upper) == list(df["recommended"])
