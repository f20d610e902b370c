"""Grants, collaboration and guidance from Python, compared with the regint CLI's --json
output (a separate program on the same file) and with rules checked on the source JSON."""
import copy
import json
import subprocess

import pandas as pd
import pytest

import regint
from conftest import SOURCE_DIR
from test_core import FNR

EXAMPLE = SOURCE_DIR / "examples" / "data" / "county-example.json"


def run_cli(cli, *args):
    out = subprocess.run([cli, *args, "--data", str(EXAMPLE), "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def ds():
    return regint.Dataset.load(EXAMPLE)


@pytest.fixture(scope="module")
def raw():
    with open(EXAMPLE, encoding="utf-8") as f:
        return json.load(f)


# --- grants -------------------------------------------------------------------

def test_grants_tables(ds, raw):
    g = ds.grants
    assert "3 schemes" in repr(g) and "15 applications" in repr(g)
    schemes = g.schemes()
    assert list(schemes["id"]) == [s["id"] for s in raw["grants"]["schemes"]]
    assert list(schemes["budget"]) == [s["budget"] for s in raw["grants"]["schemes"]]
    apps = g.applications()
    assert list(apps["id"]) == [a["id"] for a in raw["grants"]["applications"]]
    assert list(apps["applicant_orgnr"]) == [a["applicant"]["orgnr"]
                                             for a in raw["grants"]["applications"]]
    first = raw["grants"]["applications"][0]
    assert apps.loc[0, "scores"] == {k: float(v) for k, v in first["scores"].items()}
    assert set(apps["applicant_kind"]) <= set(regint.APPLICANT_KINDS)
    assert len(g.applications(scheme="jobbsjansen-b-2025")) == sum(
        a["scheme"] == "jobbsjansen-b-2025" for a in raw["grants"]["applications"])


def test_grants_score_is_weighted_mean(ds, raw):
    scheme = raw["grants"]["schemes"][0]
    app = raw["grants"]["applications"][0]
    w = {c["id"]: c["weight"] for c in scheme["criteria"]}
    expected = sum(w[k] * app["scores"][k] for k in w) / sum(w.values())
    assert ds.grants.score(app["id"]) == pytest.approx(expected)


@pytest.mark.parametrize("scheme", ["jobbsjansen-b-2025", "mentor-2024", "etablerer-2025"])
def test_grants_allocation_equals_cli(ds, raw, cli, scheme):
    alloc = ds.grants.allocate(scheme)
    ref = next(s for s in run_cli(cli, "grants", "allocate") if s["scheme"] == scheme)
    for k in ("scheme", "budget", "unit", "allocated", "remainder", "remainder_reason"):
        assert alloc.attrs[k] == ref[k], k
    assert list(alloc["application_id"]) == [a["id"] for a in ref["applications"]]
    for col in ("eligible", "reason", "cap", "amount", "capped"):
        assert list(alloc[col]) == [a[col] for a in ref["applications"]], col
    for col in ("score", "need", "weight"):
        mine = [None if pd.isna(x) else x for x in alloc[col]]
        theirs = [a[col] for a in ref["applications"]]
        assert mine == pytest.approx(theirs, rel=1e-9, abs=1e-9) if None not in theirs \
            else [m is None for m in mine] == [t is None for t in theirs]


@pytest.mark.parametrize("scheme", ["jobbsjansen-b-2025", "mentor-2024", "etablerer-2025"])
def test_grants_allocation_respects_caps_and_budget(ds, raw, scheme):
    s = next(x for x in raw["grants"]["schemes"] if x["id"] == scheme)
    apps = {a["id"]: a for a in raw["grants"]["applications"] if a["scheme"] == scheme}
    alloc = ds.grants.allocate(scheme)
    unit = s.get("rounding_unit", 1)
    assert alloc["amount"].sum() == alloc.attrs["allocated"] <= s["budget"]
    assert alloc.attrs["allocated"] + alloc.attrs["remainder"] == s["budget"]
    for _, row in alloc.iterrows():
        a = apps[row["application_id"]]
        cap = min(a["amount_applied"], s["max_per_application"]) // unit * unit
        assert row["amount"] % unit == 0
        assert 0 <= row["amount"] <= (cap if row["eligible"] else 0)
        assert row["capped"] == (row["eligible"] and row["amount"] == row["cap"])


def test_grants_apply_and_decide(raw):
    d = regint.Dataset.from_json(json.dumps(raw))
    alloc = d.grants.allocate("jobbsjansen-b-2025", apply="2025-04-01")
    apps = d.grants.applications(scheme="jobbsjansen-b-2025").set_index("id")
    for _, row in alloc.iterrows():
        a = apps.loc[row["application_id"]]
        assert a["outcome"] == ("granted" if row["amount"] > 0 else "refused")
        assert a["amount_granted"] == row["amount"]
        assert a["decision_date"] == "2025-04-01"
    with pytest.raises(regint.RangeError):     # over min(applied, scheme maximum)
        d.grants.decide("JSB25-02", "granted", amount=10**9, date="2025-04-02")
    d.grants.decide("JSB25-02", "pending")
    assert d.grants.applications().set_index("id").loc["JSB25-02", "outcome"] == "pending"
    with pytest.raises(regint.InvalidError):
        d.grants.decide("JSB25-02", "refused", date="2025-04-02")        # no reason
    with pytest.raises(regint.InvalidError):
        d.grants.decide("JSB25-02", "maybe")


def test_grants_set_score(raw):
    """set_score changes one criterion; the weighted mean follows from the scheme's weights."""
    d = regint.Dataset.from_json(json.dumps(raw))
    scheme = raw["grants"]["schemes"][0]
    app = raw["grants"]["applications"][0]
    w = {c["id"]: c["weight"] for c in scheme["criteria"]}
    first = scheme["criteria"][0]["id"]
    d.grants.set_score(app["id"], first, 1)
    scores = dict(app["scores"], **{first: 1})
    assert d.grants.score(app["id"]) == pytest.approx(sum(w[k] * scores[k] for k in w) / sum(w.values()))
    with pytest.raises(regint.RangeError):
        d.grants.set_score(app["id"], first, scheme["score_max"] + 1)
    with pytest.raises(regint.NotFoundError):
        d.grants.set_score(app["id"], "no-such-criterion", 1)


def test_grants_followup_and_overdue_equal_cli(ds, cli):
    ref = run_cli(cli, "grants", "report", "--as-of", "2026-06-01")
    f = ds.grants.followup(as_of="2026-06-01")
    assert list(f["application_id"]) == [a["id"] for a in ref["applications"]]
    for col in ("granted", "paid", "used", "reclaim_due", "report_due", "reported", "overdue",
                "days_overdue", "status_reports"):
        assert list(f[col]) == [a[col] for a in ref["applications"]], col
    over = ds.grants.overdue_reports("2026-06-01")
    expected = sorted((a["report_due"], a["id"]) for a in ref["applications"] if a["overdue"])
    assert over == [i for _, i in expected]


@pytest.mark.parametrize("args, kw", [
    ((), {}),
    (("--scheme", "jobbsjansen-b-2025"), {"scheme": "jobbsjansen-b-2025"}),
    (("--status", "granted"), {"status": "granted"}),
    (("--scheme", "mentor-2024", "--status", "granted", "--due-before", "2025-12-31"),
     {"scheme": "mentor-2024", "status": "granted", "due_before": "2025-12-31"}),
])
def test_grants_list_equals_cli(ds, cli, args, kw):
    """Grants.list selects what `regint grants list` does (a separate program)."""
    if "scheme" in kw and kw["scheme"] not in set(ds.grants.schemes()["id"]):
        pytest.skip(f"the example file has no scheme {kw['scheme']}")
    ref = run_cli(cli, "grants", "list", *args)
    got = ds.grants.list(**kw)
    assert list(got["id"]) == [a["id"] for a in ref]
    assert list(got["paid"]) == [a["paid"] for a in ref]
    assert list(got["outcome"]) == [a["status"] for a in ref]
    assert [d if d is not None else None for d in got["report_due"]] == [a["report_due"] for a in ref]


@pytest.mark.parametrize("as_of, days", [("2025-12-01", 60), ("2026-01-15", 60), ("2025-06-01", 365),
                                         ("2026-01-15", 0)])
def test_grants_remind_equals_cli(ds, cli, as_of, days):
    ref = run_cli(cli, "grants", "remind", "--as-of", as_of, "--days", str(days))
    got = ds.grants.remind(days=days, as_of=as_of)
    assert list(got["application"]) == [a["application"] for a in ref]
    assert list(got["days_left"]) == [a["days_left"] for a in ref]
    for scheme in ds.grants.schemes()["id"]:
        sub = ds.grants.remind(days=days, as_of=as_of, scheme=scheme)
        assert set(sub["scheme"]) <= {scheme}


def test_grants_filters_and_argument_checks(ds):
    with pytest.raises(regint.NotFoundError):
        ds.grants.list(scheme="no-such-scheme")
    with pytest.raises(regint.NotFoundError):
        ds.grants.remind(scheme="no-such-scheme")
    with pytest.raises(regint.InvalidError):
        ds.grants.list(status="maybe")
    with pytest.raises(TypeError):
        ds.grants.remind(days="60")
    with pytest.raises(ValueError):
        ds.grants.remind(days=-1)
    over = ds.grants.overdue_reports("2026-06-01")
    for scheme in ds.grants.schemes()["id"]:
        mine = set(ds.grants.applications(scheme=scheme)["id"])
        assert ds.grants.overdue_reports("2026-06-01", scheme=scheme) == [i for i in over if i in mine]


def test_grants_walk_with_final_payment(raw):
    """The walk of docs/grants-workflow.md from Python; expected values worked by hand:
    granted 600 000, paid 350 000 + 250 000 (final); 2026-01-15 to the due date 2026-03-01 is
    16 + 28 + 1 = 45 days."""
    d = regint.Dataset.from_json(json.dumps(raw))
    g = d.grants
    g.add_application("JSB25-90", "jobbsjansen-b-2025", "998877660", "Eksempel kommune (example)",
                      "municipality", 900_000, ["3905"], planned_participants=12,
                      received="2025-02-25")
    g.decide("JSB25-90", "granted", amount=600_000, date="2025-04-15")
    g.add_payment("JSB25-90", 350_000, date="2025-05-02")
    with pytest.raises(regint.InvalidError, match="dated before payments"):
        g.add_payment("JSB25-90", 250_000, date="2025-05-01", final=True)
    with pytest.raises(TypeError):
        g.add_payment("JSB25-90", 250_000, date="2025-11-01", final="yes")
    # a status report during the project, apart from the final report (only the date needed)
    g.add_status_report("JSB25-90", date="2025-09-15", participants=9, summary="9 deltakere i gang (example)")
    with pytest.raises(regint.PersonalDataError):
        g.add_status_report("JSB25-90", date="2025-10-01", summary=f"deltaker {FNR} sluttet")
    with pytest.raises(regint.InvalidError, match="is before status_reports"):
        g.add_status_report("JSB25-90", date="2025-09-14")
    g.add_status_report("JSB25-90", date="2025-10-15")
    g.add_payment("JSB25-90", 250_000, date="2025-11-01", final=True)
    with pytest.raises(regint.InvalidError, match="nothing is paid after it"):
        g.add_payment("JSB25-90", 1, date="2025-12-01")
    app = g.applications().set_index("id").loc["JSB25-90"]
    assert app["paid"] == 600_000
    assert [tuple(p) for p in app["payments"]] == [("2025-05-02", 350_000, False), ("2025-11-01", 250_000, True)]
    r = g.remind(days=60, as_of="2026-01-15", scheme="jobbsjansen-b-2025")
    assert list(r["application"]) == ["JSB25-90"] and list(r["days_left"]) == [45]
    assert g.remind(days=30, as_of="2026-01-15", scheme="jobbsjansen-b-2025").empty
    assert "JSB25-90" in set(g.list(scheme="jobbsjansen-b-2025", status="granted")["id"])
    # results per participant: 5 in work + 2 in education of 11 reached = 7/11 >= the 0.6 target
    with pytest.raises(regint.InvalidError):
        g.set_results("JSB25-90", 5, 2)                 # before the final report
    g.set_report("JSB25-90", participants_reached=11, funds_used=560_000, date="2026-02-20")
    with pytest.raises(regint.InvalidError, match=r"after the final report \(2026-02-20\)"):
        g.add_status_report("JSB25-90", date="2026-02-21")
    with pytest.raises(regint.RangeError):
        g.set_results("JSB25-90", 8, 4)
    g.set_results("JSB25-90", 5, 2)
    f = g.followup(as_of="2026-03-10", scheme="jobbsjansen-b-2025").set_index("application_id")
    assert f.loc["JSB25-90", "in_work_or_education"] == 7
    assert f.loc["JSB25-90", "result_share"] == pytest.approx(7 / 11)
    assert f.loc["JSB25-90", "result_target"] == pytest.approx(0.6)
    assert bool(f.loc["JSB25-90", "target_met"]) is True
    assert f.loc["JSB25-90", "status_reports"] == 2
    row = g.applications().set_index("id").loc["JSB25-90"]
    assert (row["results_work"], row["results_education"]) == (5, 2)
    assert row["status_reports"] == (("2025-09-15", None, "9 deltakere i gang (example)", 9),
                                     ("2025-10-15", None, None, None))
    assert g.schemes().set_index("id").loc["jobbsjansen-b-2025", "result_target"] == pytest.approx(0.6)
    again = regint.Dataset.from_json(d.to_json())      # the marker survives a save and load
    assert [tuple(p) for p in again.grants.applications().set_index("id").loc["JSB25-90", "payments"]][-1][2] is True


def _broken(tmp_path, raw, change):
    doc = copy.deepcopy(raw)
    change(doc["grants"]["applications"][2])
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_grants_invalid_orgnr_names_file_and_path(tmp_path, raw):
    def bad(a):
        a["applicant"]["orgnr"] = "123456789"     # check digit wrong (mod 11 gives 5)
    path = _broken(tmp_path, raw, bad)
    with pytest.raises(regint.InvalidError) as e:
        regint.Dataset.load(path)
    msg = str(e.value)
    assert str(path) in msg
    assert "grants.applications[2]" in msg and "orgnr" in msg


def test_grants_fodselsnummer_as_id_refused(tmp_path, raw):
    def bad(a):
        a["id"] = FNR
    path = _broken(tmp_path, raw, bad)
    with pytest.raises(regint.PersonalDataError) as e:
        regint.Dataset.load(path)
    assert FNR not in str(e.value)       # the number is never echoed


def test_grants_keep_dataset_handle_checks(raw):
    d = regint.Dataset.from_json(json.dumps(raw))
    g = d.grants
    d.close()
    with pytest.raises(regint.StaleHandleError):
        g.schemes()


# --- collaboration --------------------------------------------------------------

def test_collaboration_tables(ds, raw):
    c = ds.collaboration
    col = raw["collaboration"]
    assert c.county == col["county"] and c.year == col["year"]
    assert list(c.partners()["id"]) == [p["id"] for p in col["partners"]]
    assert list(c.agreements()["id"]) == [a["id"] for a in col["agreements"]]
    assert list(c.meetings()["id"]) == [m["id"] for m in col["meetings"]]
    assert list(c.networks()["id"]) == [n["id"] for n in col["networks"]]
    assert list(c.networks()["members"]) == [len(n["members"]) for n in col["networks"]]
    m = c.members("nsk-vestfold")
    nsk = next(n for n in col["networks"] if n["id"] == "nsk-vestfold")
    assert list(m["partner"]) == [x["partner"] for x in nsk["members"]]
    assert list(m["role"]) == [x["role"] for x in nsk["members"]]
    assert len(c.participants()) == sum(len(x.get("participants", [])) for x in col["meetings"])
    assert set(c.partners()["kind"]) <= set(regint.PARTNER_KINDS)


@pytest.mark.parametrize("as_of", ["2024-06-01", "2025-06-01", "2026-01-01"])
def test_coverage_networks_equal_cli(ds, cli, as_of):
    ref = [x for x in run_cli(cli, "coverage", "--as-of", as_of) if "network" in x]
    assert ref
    for net in ref:
        cov = ds.collaboration.coverage(network=net["network"], as_of=as_of)
        assert cov.attrs["covered_count"] == net["covered_count"]
        assert cov.attrs["as_of"] == as_of and cov.attrs["county"] == net["county"]
        assert cov.to_dict("records") == net["municipalities"]


@pytest.mark.parametrize("task", regint.TASKS)
def test_coverage_tasks_equal_cli(ds, cli, task):
    ref = run_cli(cli, "coverage", "--task", task, "--as-of", "2025-06-01")[0]
    cov = ds.collaboration.coverage(task=task, as_of="2025-06-01")
    assert cov.attrs["covered_count"] == ref["covered_count"] == int(cov["covered"].sum())
    assert cov.to_dict("records") == ref["municipalities"]


@pytest.mark.parametrize("months", [3, 12, 24])
def test_gatherings_equal_cli(ds, cli, months):
    ref = run_cli(cli, "coverage", "--months", str(months), "--as-of", "2026-01-01")[-1]
    att = ds.collaboration.gatherings(months=months, as_of="2026-01-01")
    assert att.attrs["absent_count"] == ref["absent_count"] == int((att["attended"] == 0).sum())
    assert att.attrs["after"] == ref["after"]
    assert att.to_dict("records") == ref["municipalities"]


def test_coverage_errors(ds):
    with pytest.raises(regint.NotFoundError):
        ds.collaboration.coverage(network="no-such-network", as_of="2025-01-01")
    with pytest.raises(regint.InvalidError):
        ds.collaboration.coverage(task="knitting")
    with pytest.raises(regint.InvalidError):
        ds.collaboration.coverage(task="competence", as_of="2025-13-01")
    with pytest.raises(TypeError):
        ds.collaboration.coverage()


# --- guidance -----------------------------------------------------------------

@pytest.mark.parametrize("args,kw", [
    ((), {}),
    (("--measure", "anmodning", "--lag", "2"), {"measure": "request", "lag_months": 2}),
    (("--adult-share", "0.5", "--sessions", "3", "--no-fallback"),
     {"adult_share": 0.5, "sessions_per_person": 3, "fallback_to_request": False}),
])
def test_guidance_equals_cli(ds, cli, args, kw):
    for year in (2025, 2026):
        ref = run_cli(cli, "guidance", "--county", "39", "--year", str(year), *args)
        f = regint.guidance_forecast(ds, "39", year, **kw)
        assert list(f.index) == [c["id"] for c in ref["centres"]]
        assert list(f.columns) == list(range(1, 13))
        for c in ref["centres"]:
            assert list(f.loc[c["id"]]) == c["sessions"]
            info = f.attrs["centres"].loc[c["id"]]
            assert info["total"] == c["total"] == sum(c["sessions"])
            assert info["carried_in"] == c["carried_in"]
            assert info["carried_over"] == c["carried_over"]
            assert info["persons"] == pytest.approx(c["persons"], abs=0.006)
        m = f.attrs["municipalities"]
        assert list(m["kommunenr"]) == [x["kommunenr"] for x in ref["municipalities"]]
        assert list(m["settled"]) == [x["settled"] for x in ref["municipalities"]]
        assert list(m["source"]) == [x["source"] for x in ref["municipalities"]]
        assert list(m["centre"]) == [x["centre"] for x in ref["municipalities"]]
        assert f.attrs["carried_in_complete"] == ref["carried_in_complete"]


def test_guidance_custom_centres_and_inputs(ds):
    # One centre, input persons given: sessions = round(2.0 * 0.65 * 0.8 * 100) = 104 for the
    # year's settlement, spread over 12 months with a one-month lag (the rest carried over).
    f = regint.guidance_forecast(ds, "39", 2026, inputs={"3905": 100},
                                 centres={"alle": ("Hele fylket", ["3901", "3903", "3905",
                                                                   "3907", "3909", "3911"])})
    info = f.attrs["centres"].loc["alle"]
    assert info["persons"] == pytest.approx(100 * 0.65 * 0.8)
    assert info["total"] - info["carried_in"] + info["carried_over"] == 104
    assert list(f.attrs["municipalities"]["source"]) == ["input"] * 6
    with pytest.raises(regint.InvalidError):
        regint.guidance_forecast(ds, "39", 2026, adult_share=1.5)
    with pytest.raises(regint.InvalidError):
        regint.guidance_forecast(ds, "39", 2026, monthly_profile=[1] * 11)
    with pytest.raises(regint.NotFoundError):
        regint.guidance_forecast(ds, "77", 2026)


def test_every_public_header_is_wrapped():
    # Every module header of include/regint is wrapped in every build (nothing optional).
    headers = {p.stem for p in (SOURCE_DIR / "include" / "regint").glob("*.h")}
    headers -= {"regint", "version"}
    assert set(regint.modules) == headers
    for name in ("KnowledgeBase", "Plan", "render_report", "write_report", "Grants",
                 "Collaboration", "guidance_forecast", "sdg_goals"):
        assert name in regint.__all__ and hasattr(regint, name)


def test_grants_build_and_allocate_by_hand(raw):
    d = regint.Dataset.from_json(json.dumps(raw))
    g = d.grants
    g.add_scheme("test-2026", "Test", 2026, 1_000_000, "2026-03-01", {"q": ("Kvalitet", 1.0)},
                 max_per_application=600_000, rounding_unit=1000)
    g.add_application("T-1", "test-2026", "974760673", "Org A", "voluntary_organisation",
                      700_000, ["3905"], planned_participants=10, scores={"q": 5})
    g.add_application("T-2", "test-2026", "974760673", "Org B", "employer", 900_000, ["3907"],
                      planned_participants=30, scores=[4])
    g.add_application("T-3", "test-2026", "974760673", "Org C", "employer", 100_000, ["3907"])
    # By hand: 1000 units of 1000 kr, weights 5*10 = 50 and 4*30 = 120, caps 600 units each.
    # Hamilton gives 294 and 706 units; T-2 is capped at 600, so T-1 gets the other 400.
    # T-3 is not assessed, so not eligible.
    a = g.allocate("test-2026").set_index("application_id")
    assert list(a["amount"]) == [400_000, 600_000, 0]
    assert list(a["capped"]) == [False, True, False]
    assert not a.loc["T-3", "eligible"] and a.loc["T-3", "reason"]
    assert a.attrs["remainder"] == 0
    with pytest.raises(regint.PersonalDataError) as e:
        g.add_application(FNR, "test-2026", "974760673", "X", "employer", 1, ["3905"])
    assert FNR not in str(e.value)
    with pytest.raises(regint.InvalidError) as e:
        g.add_application("T-4", "test-2026", "123456789", "X", "employer", 1, ["3905"])
    assert "orgnr" in str(e.value)
    with pytest.raises(regint.DuplicateError):
        g.add_application("T-1", "test-2026", "974760673", "X", "employer", 1, ["3905"])
    with pytest.raises(regint.NotFoundError):
        g.add_application("T-5", "no-scheme", "974760673", "X", "employer", 1, ["3905"])
    assert len(g.applications(scheme="test-2026")) == 3   # failed calls changed nothing


def test_collaboration_build(raw):
    d = regint.Dataset.from_json(json.dumps(raw))
    c = d.collaboration
    c.add_partner("p-x", "Ny partner", "974760673", "other", ["3903"])
    c.add_network("net-x", "Nytt nettverk", "competence", [("p-x", "rådgiver", "2025-01-01")])
    c.add_agreement("avt-x", "Avtale", "settlement", ["p-x"], "2025-01-01", "2025-12-31")
    c.add_meeting("m-x", "2025-05-01", "Samling", "competence", kind="gathering",
                  participants=[("p-x", None, 3)])
    cov = c.coverage(network="net-x", as_of="2025-06-01").set_index("kommunenr")
    assert list(cov.index[cov["covered"]]) == ["3903"]
    assert cov.loc["3903", "since"] == "2025-01-01" and cov.loc["3903", "via"] == "p-x"
    assert c.coverage(network="net-x", as_of="2024-12-31")["covered"].sum() == 0
    assert c.meetings().set_index("id").loc["m-x", "competence_raising"]
    with pytest.raises(regint.PersonalDataError):   # a person, not a role
        c.add_network("net-y", "N", "competence", [("p-x", "ola.nordmann@example.no")])
    with pytest.raises(regint.NotFoundError):
        c.add_agreement("avt-y", "A", "settlement", ["no-such-partner"], "2025-01-01")
    with pytest.raises(regint.NotFoundError):
        c.add_partner("p-y", "P", "974760673", "other", ["9999"])
    with pytest.raises(regint.InvalidError):
        c.add_partner("p-y", "P", "123456789", "other", ["3903"])
    assert "net-y" not in set(c.networks()["id"])
