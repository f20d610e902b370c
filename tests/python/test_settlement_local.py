"""regint.recommend's notes, flags, plan figure and caveats, and regint.gap, against the C CLI
and against figures read by hand from data/imdi_bosetting_2024_2026.csv (Vestfold, "alle")."""
import json
import math
import os
import subprocess

import pytest

import regint

HERE = os.path.dirname(os.path.abspath(__file__))
LOCAL = os.path.join(HERE, "..", "..", "examples", "data", "profile-vestfold-local.json")


def test_notes_and_flags():
    df = regint.recommend("39", 2027, total=338, profile=LOCAL)
    s = df.set_index("kommunenr").loc["3907"]
    assert s["recommended"] > 0
    assert "the council decided 0 for 2026" in s["flag"]
    assert "kommunestyrevedtak 12.9.2025" in s["note"]
    h = df.set_index("kommunenr").loc["3903"]
    assert h["recommended"] <= 15 and "dialogue meeting" in h["note"]
    assert df.set_index("kommunenr").loc["3911", "recommended"] >= 20
    assert df["flag"].astype(bool).sum() == 1


def test_plan_figure_same_as_cli(cli):
    df = regint.recommend("39", 2026, plan_total=450)
    assert df.attrs["plan"]["year"] == 2027 and df.attrs["plan"]["total"] == 450
    assert df["plan"].sum() == 450
    out = subprocess.run([cli, "recommend", "--json", "--plan-total", "450"], capture_output=True,
                         text=True, check=True)
    doc = json.loads(out.stdout)
    assert [m["plan"] for m in doc["municipalities"]] == list(df["plan"])
    # Without a plan total the plan figure is the year's numbers (same scores, bounds, total).
    d0 = regint.recommend("39", 2026)
    assert list(d0["plan"]) == list(d0["recommended"])


def test_caveats():
    notes = regint.recommend("39", 2026).attrs["notes"]
    assert any("September 2023" in n for n in notes)
    # The bundled population series ends on 1.1.2026: no vintage caveat for 2026.
    assert not any("Population is that of" in n for n in notes)


def test_gap_by_hand():
    g = regint.gap("39", "2024-2026")
    ys = g.attrs["years"].set_index("year")
    assert ys.loc[2024, "request"] == 980 and ys.loc[2024, "decision"] == 639
    assert ys.loc[2024, "settled"] == 633
    assert ys.loc[2024, "decided_below_request"] == 3 and ys.loc[2024, "below_by"] == 346
    assert ys.loc[2025, "delivery_rate"] == pytest.approx(346 / 380)
    s = g[(g["year"] == 2026) & (g["kommunenr"] == "3907")].iloc[0]
    assert s["request"] == 90 and s["decision"] == 0 and s["below_request"]
    assert s["gap"] == 90 and math.isnan(s["delivery_rate"])


def test_gap_matches_cli_csv(cli):
    out = subprocess.run([cli, "gap", "--county", "39", "--years", "2025", "--csv"],
                         capture_output=True, text=True, check=True)
    lines = out.stdout.strip().splitlines()[1:]
    g = regint.gap("39", 2025)
    assert len(lines) == len(g)
    for line, (_, r) in zip(lines, g.iterrows()):
        f = line.split(",")
        assert f[1] == r["kommunenr"] and float(f[3]) == r["request"]
        assert float(f[4]) == r["decision"] and float(f[5]) == r["settled"]


def test_gap_errors():
    with pytest.raises(regint.NotFoundError):
        regint.gap("99", "2024-2026")
    with pytest.raises(regint.InvalidError):
        regint.gap("39", (2026, 2024))
