"""The recommendation letter (nb, nn, en), its scenario range and its audit (issue 15).

The C library computes everything (lib/knowledge/letter.c, docs/scenarios.md); the calls
release the GIL like every wrapped C call.
"""

import json
import os

import pandas as pd

from . import regint_core as _core
from ._settlement import _county, _dataset, _profile

__all__ = ["scenario", "audit", "letter"]

_LANGS = {"nb": 0, "nn": 1, "en": 2}


def _lang_code(lang):
    """regint_lang of "nb", "nn" or "en" (the letter's and the report's ``lang=``)."""
    if lang not in _LANGS:
        raise ValueError(f"unknown language {lang!r}: expected nb (bokmål), nn (nynorsk) or en (English)")
    return _LANGS[lang]


def _opts(total, profile, lang="nb", national_need=None, date=None, allocation=None, max_per_1000=None,
          alt_profiles=None):
    code = _lang_code(lang)
    prof = _profile(profile)
    opts = {"lang": code, "profile": None if prof is None else prof._h}
    keep = [prof]
    if alt_profiles:
        alts = [_profile(a) for a in alt_profiles]
        keep.extend(alts)
        opts["alt_profiles"] = [a._h for a in alts]
    if allocation is not None:
        allocation = os.fspath(allocation)
        opts["allocation"] = allocation
    if max_per_1000 is not None:
        opts["max_per_1000"] = float(max_per_1000)
    if total is not None:
        opts["total"] = int(total)
    if national_need is not None:
        opts["national_need"] = int(national_need)
    if date is not None:
        opts["date"] = str(date)
    return opts, keep


def scenario(county, year, total=None, profile=None, dataset=None, alt_profiles=None):
    """Each municipality's range over scenario variants (the county's total -20 %..+20 %, each
    weight +-25 %, each of ``alt_profiles``): a DataFrame with kommunenr, name, asked,
    recommended (the base run), min, median, max, on_bound_share, stability, and one column
    ``profile:<name>`` per alternative profile; ``df.attrs`` holds variants, totals, stable.
    The county is scored once and re-apportioned per variant; the call releases the GIL."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile, alt_profiles=alt_profiles)
    doc = json.loads(_core.regint_letter_scenario_json(ds._handle, _county(county), int(year), opts))
    rows = doc["municipalities"]
    names = [p["name"] for p in doc.get("profiles", [])]
    for r in rows:
        for name, value in zip(names, r.pop("profiles", [])):
            r["profile:" + name] = value
    df = pd.DataFrame(rows)
    df.attrs.update({k: v for k, v in doc.items() if k != "municipalities"})
    return df


def audit(county, year, total=None, profile=None, dataset=None, allocation=None, max_per_1000=None):
    """The audit of the recommendation, or of ``allocation`` (a CSV file with the header
    ``kommunenr,allocation``, or ``"imdi"`` for IMDi's requests of the year): a DataFrame with
    one row per check (check, passed, detail); ``df.attrs`` holds the whole document
    (house_monotone, population_monotone, quota_violations, binding_bounds, ties, per_1000,
    max_per_1000, last_year). ``max_per_1000``: the fairness floor (docs/scenarios.md)."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile, allocation=allocation, max_per_1000=max_per_1000)
    doc = json.loads(_core.regint_letter_audit_json(ds._handle, _county(county), int(year), opts))
    names = lambda rows: ", ".join(r["kommunenr"] for r in rows)  # noqa: E731
    rows = [
        ("quota rule", not doc["quota_violations"], names(doc["quota_violations"])),
        ("house monotonicity", doc["house_monotone"], "totals %d..%d" % tuple(doc["house_totals"])),
        ("population monotonicity", doc["population_monotone"],
         "; ".join("%s/%s (%s -> %s)" % (d["a"], d["b"], d["from"], d["to"]) for d in doc["population_departures"])),
        ("ties", not doc["ties"], "; ".join("/".join(t) for t in doc["ties"])),
        ("binding bounds", None, names(doc["binding_bounds"])),
    ]
    if "max_per_1000" in doc:
        f = doc["max_per_1000"]
        rows.append(("max %g per 1,000" % f["limit"], f["pass"], names(f["above"])))
    if "per_1000" in doc:
        p = doc["per_1000"]
        rows.append(("per 1,000 spread", None, "min %.2f (%s), max %.2f (%s), Gini %.3f"
                     % (p["min"], p["min_kommunenr"], p["max"], p["max_kommunenr"], p["gini"])))
    ly = doc["last_year"]
    rows.append(("vs IMDi's request %d" % ly["year"], None,
                 "%d more, %d fewer, %d same" % (ly["more"], ly["fewer"], ly["same"])))
    df = pd.DataFrame(rows, columns=["check", "passed", "detail"])
    df.attrs.update(doc)
    return df


def letter(county, year, lang="nb", out=".", total=None, profile=None, national_need=None,
           date=None, dataset=None, alt_profiles=None, allocation=None, max_per_1000=None):
    """Write the letter as ``out/letter-NR-Y-LANG.md`` and ``.html``; returns the two paths.
    ``alt_profiles``, ``allocation`` and ``max_per_1000`` as in :func:`scenario` and :func:`audit`
    (sections 7 and 8 of the letter)."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile, lang, national_need, date, allocation=allocation,
                        max_per_1000=max_per_1000, alt_profiles=alt_profiles)
    cty = _county(county)
    md, html = _core.regint_letter_write(ds._handle, cty, int(year), opts)
    os.makedirs(out, exist_ok=True)
    paths = []
    for ext, text in (("md", md), ("html", html)):
        path = os.path.join(out, f"letter-{cty}-{int(year)}-{lang}.{ext}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return tuple(paths)
