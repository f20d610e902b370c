"""The knowledge base, plans and reports from Python: series against sums of the raw CSV rows
(read here with the csv module), plans against their JSON file, reports against the CLI."""
import csv
import json
import math
import subprocess
from collections import defaultdict

import pandas as pd
import pytest

import regint
from conftest import DATA_DIR, SOURCE_DIR

PLAN = SOURCE_DIR / "examples" / "data" / "plan-vestfold.json"


@pytest.fixture(scope="module")
def ds():
    return regint.load_default()


@pytest.fixture(scope="module")
def kb(ds):
    return regint.KnowledgeBase(ds)


def raw_vestfold():
    """(measure, category, year) -> (sum of present values, rows, missing rows) over the
    Vestfold (39xx) rows of IMDi's 2024-2026 file."""
    acc = defaultdict(lambda: [0.0, 0, 0])
    with open(DATA_DIR / "imdi_bosetting_2024_2026.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not r["kommunenummer"].startswith("39"):
                continue
            a = acc[(r["measure"], r["category"], int(r["year"]))]
            a[1] += 1
            if r["value"] == "":
                a[2] += 1
            else:
                a[0] += float(r["value"])
    return acc


RAW = raw_vestfold()


@pytest.fixture(scope="module")
def kb_csv():
    """A knowledge base over a dataset holding only the 2024 municipalities and IMDi's
    2024-2026 file (the default dataset adds other sources for some categories)."""
    d = regint.Dataset()
    with open(DATA_DIR / "fylker_2024.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            d.add_county(r["fylkesnummer"], r["fylke"], valid_from=2024)
    d.import_csv("municipalities_2024", DATA_DIR / "kommuner_2024.csv")
    d.import_csv("imdi_settlement", DATA_DIR / "imdi_bosetting_2024_2026.csv")
    return regint.KnowledgeBase(d)


@pytest.mark.parametrize("measure,category", sorted({(m, c) for m, c, _ in RAW}))
def test_vestfold_settlement_series_equal_csv_sums(kb_csv, measure, category):
    s = kb_csv.settlement_series("39", measure, category, area_year=2024, years=(2024, 2026))
    assert list(s["year"]) == sorted(y for m, c, y in RAW if (m, c) == (measure, category))
    for _, row in s.iterrows():
        total, rows, missing = RAW[(measure, category, row["year"])]
        assert row["n_parts"] == rows and row["n_missing"] == missing
        assert row["partial"] == pytest.approx(total)
        if missing:
            assert math.isnan(row["value"]) and row["missing"] != ""
        else:
            assert row["value"] == pytest.approx(total) and row["missing"] == ""


def test_vestfold_value_and_change(kb):
    total = {y: RAW[("vedtak", "alle", y)][0] for y in (2024, 2025, 2026)}
    v = kb.settlement("39", 2025, "decision")
    assert v["value"] == pytest.approx(total[2025]) and not v["direct"]
    s = kb.settlement_series("39", "vedtak", years=(2024, 2026))
    assert s.set_index("year").loc[2025, "change"] == pytest.approx(total[2025] - total[2024])
    assert s.loc[0, "change_missing"] == "unknown"   # 2023 is outside the window
    # least-squares slope over 2024-2026, by hand: mean x = 2025, slope = (y26 - y24) / 2
    t = kb.settlement_series("39", "vedtak", years=(2024, 2026), trend_years=3).attrs["trend"]
    assert t["slope"] == pytest.approx((total[2026] - total[2024]) / 2)
    assert t["points"] == 3 and (t["first_year"], t["last_year"]) == (2024, 2026)


def test_series_across_reform(kb, ds):
    # Tønsberg (3905 in 2024) = Tønsberg 3803 in 2020-2023: mapping the 2021 settled figure
    # onto the 2024 code gives the 2020-code figure (a renumbering, nothing split).
    s = kb.settlement_series("3905", "bosatt", area_year=2024, years=(2021, 2021))
    raw = ds.settlement_value("3803", 2021, "bosatt")[0]
    assert s.loc[0, "value"] == pytest.approx(raw)


def test_population_and_per_1000(kb, ds):
    assert kb.population("3905", 2024) == ds.population("3905", 2024)
    mapped = kb.population("3803", 2024, area_year=2020)
    assert mapped["value"] == ds.population("3905", 2024)
    v, miss = kb.per_1000("3905", 2024, 59.0)
    assert v == pytest.approx(59.0 / ds.population("3905", 2024) * 1000) and miss == ""
    assert kb.per_1000("3905", 2024, None)[0] is None


def test_indicator_value_equals_observation(kb, ds):
    obs = ds.observations(indicator="unemployment_share", area="39")
    row = obs[obs["missing"] == ""].iloc[-1]
    v = kb.value("unemployment_share", "39", int(row["year"]))
    assert v["direct"] and v["value"] == pytest.approx(row["value"])
    with pytest.raises(regint.NotFoundError):
        kb.value("no_such_indicator", "39", 2024)
    s = kb.summarize("unemployment_share", "39", int(row["year"]))
    assert s["value"]["value"] == pytest.approx(row["value"])


def test_catalogue_and_sdg(kb, ds):
    cat = ds.indicators()
    goals = {i: regint.sdg_goals(t) if t else [] for i, t in zip(cat["id"], cat["sdg_targets"])}
    found = kb.find_indicators(sdg_goal=8)
    assert list(found["id"]) == [i for i in cat["id"] if 8 in goals[i]]
    assert regint.sdg_goals("8.5,10.2,10.c") == [8, 10]
    assert regint.sdg_goal_name(4, "en") and regint.sdg_goal_name(18) == ""
    with pytest.raises(regint.InvalidError):
        regint.sdg_goals("8.x.y")


def test_import_jsonstat_and_csv(tmp_path):
    d = regint.Dataset()
    d.add_county("39", "Vestfold", valid_from=2024)
    d.add_municipality("3905", "Tønsberg", "39", valid_from=2024)
    d.add_municipality("3907", "Sandefjord", "39", valid_from=2024)
    d.add_indicator("employed_share", name_nb="Andel sysselsatte",
                    name_en="Employed share", unit="percent", source="SSB",
                    level="kommune")
    kb = regint.KnowledgeBase(d)
    js = {"version": "2.0", "class": "dataset", "id": ["Region", "Tid"], "size": [2, 1],
          "dimension": {"Region": {"category": {"index": {"3905": 0, "3907": 1}}},
                        "Tid": {"category": {"index": {"2024": 0}}}},
          "value": [70.5, None], "status": {"1": ".."}}
    n = kb.import_jsonstat(text=json.dumps(js), indicator="employed_share")
    assert n == 2
    assert kb.value("employed_share", "3905", 2024)["value"] == pytest.approx(70.5)
    assert kb.value("employed_share", "3907", 2024)["value"] is None
    p = tmp_path / "obs.csv"
    p.write_text("year,kommunenr,indicator,category,value\n2025,3905,employed_share,,71.0\n",
                 encoding="utf-8")
    kb.import_csv(p)
    assert kb.value("employed_share", "3905", 2025)["value"] == pytest.approx(71.0)
    with pytest.raises(regint.Error):
        kb.import_jsonstat(text="{", indicator="employed_share")
    d.close()
    with pytest.raises(regint.StaleHandleError):
        kb.value("employed_share", "3905", 2025)


# --- plans ----------------------------------------------------------------------

def test_plan_tables_equal_json(tmp_path):
    doc = json.loads(PLAN.read_text(encoding="utf-8"))["plan"]
    p = regint.Plan.load(PLAN)
    info = p.info
    for k in ("id", "title", "fylkesnr", "first_year", "last_year", "area_year", "example"):
        assert info[k] == doc[k], k
    assert list(p.goals["id"]) == [g["id"] for g in doc["goals"]]
    assert list(p.measures["title"]) == [m["title"] for m in doc["measures"]]
    assert list(p.indicators["indicator"]) == [i["indicator"] for i in doc["indicators"]]
    assert list(p.indicators["target"]) == [float(i["target"]) for i in doc["indicators"]]
    assert len(p) == len(doc["indicators"]) and "eksempel" in repr(p)
    # round trips
    q = regint.Plan.from_json(p.to_json())
    assert q.to_json() == p.to_json()
    p.save(tmp_path / "plan.json")
    assert regint.Plan.load(tmp_path / "plan.json").to_json() == p.to_json()


def test_plan_build_and_errors(ds):
    p = regint.Plan("test-plan", "Test", "39", 2024, 2028)
    p.add_goal("G1", "Flere i arbeid", sdg_targets="8.5")
    p.add_measure("T1", "G1", "Mentorordning", 2024, 2026, partner_name="NAV")
    p.add_indicator("G1", "unemployment_share", 2024, 3.0, 2028, 2.5)
    assert list(p.goals["id"]) == ["G1"] and len(p) == 1
    with pytest.raises(regint.Error):
        p.add_measure("T2", "G9", "Unknown goal", 2024, 2025, partner_name="X")
    with pytest.raises(regint.Error):
        p.add_goal("G1", "Duplicate")
    p.check(ds)
    prog = p.progress(ds, as_of_year=2026)
    assert prog.loc[0, "status"] in ("no_data", "on_track", "behind", "achieved")


def test_plan_progress_values_from_kb(kb):
    p = regint.Plan.load(PLAN)
    prog = p.progress(kb)
    assert set(prog["status"]) <= {"no_data", "on_track", "behind", "achieved"}
    for _, row in prog.iterrows():
        if pd.isna(row["year"]):
            continue
        area = row["area"] or p.info["fylkesnr"]
        v = kb.value(row["indicator"], area, int(row["year"]), area_year=p.info["area_year"],
                     category=row["category"])
        assert row["value"] == pytest.approx(v["value"])
        if row["target"] != row["baseline"]:
            assert row["share_of_target"] == pytest.approx(
                (row["value"] - row["baseline"]) / (row["target"] - row["baseline"]))


# --- reports ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt,flag", [("markdown", "md"), ("html", "html")])
def test_report_equals_cli(ds, cli, fmt, flag):
    text = regint.render_report(ds, "39", year=2025, format=fmt,
                                plan=regint.Plan.load(PLAN))
    out = subprocess.run([cli, "report", "--county", "39", "--year", "2025", "--plan", str(PLAN),
                          "--stdout", flag], capture_output=True, text=True, check=True,
                         env={"REGINT_DATA": regint.default_path()})
    assert text == out.stdout
    assert "Vestfold" in text


@pytest.mark.parametrize("lang,heading", [("nn", "## Busetjing av flyktningar 2017–2026"),
                                          ("en", "## Settlement of refugees 2017–2026")])
def test_report_lang_equals_cli(ds, cli, lang, heading):
    text = regint.render_report(ds, "15", year=2026, lang=lang)
    out = subprocess.run([cli, "report", "--county", "15", "--year", "2026", "--lang", lang,
                          "--stdout", "md"], capture_output=True, text=True, check=True,
                         env={"REGINT_DATA": regint.default_path()})
    assert text == out.stdout
    assert heading in text


def test_report_lang_files_and_errors(ds, tmp_path):
    md, html = regint.write_report(ds, "15", tmp_path, year=2026, lang="nn", charts=False)
    assert md.endswith("fylke-15-2026-nn.md") and html.endswith("fylke-15-2026-nn.html")
    assert '<html lang="nn">' in open(html, encoding="utf-8").read()
    with pytest.raises(ValueError, match="unknown language 'de'"):
        regint.render_report(ds, "15", lang="de")


def test_write_report(ds, tmp_path):
    md, html = regint.write_report(ds, "39", tmp_path, charts=False)
    assert md.endswith(".md") and html.endswith(".html")
    assert (tmp_path / md.split("/")[-1]).read_text(encoding="utf-8").startswith("#")
    with pytest.raises(regint.NotFoundError):
        regint.render_report(ds, "77")
