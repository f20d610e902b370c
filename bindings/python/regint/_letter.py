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


def _opts(total, profile, lang="nb", national_need=None, date=None):
    code = _lang_code(lang)
    prof = _profile(profile)
    opts = {"lang": code, "profile": None if prof is None else prof._h}
    if total is not None:
        opts["total"] = int(total)
    if national_need is not None:
        opts["national_need"] = int(national_need)
    if date is not None:
        opts["date"] = str(date)
    return opts, prof


def scenario(county, year, total=None, profile=None, dataset=None):
    """Each municipality's range over scenario variants (the county's total -20 %..+20 %, each
    weight +-25 %): a DataFrame with kommunenr, name, asked, recommended (the base run), min,
    median, max, on_bound_share, stability; ``df.attrs`` holds variants, totals, stable."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile)
    doc = json.loads(_core.regint_letter_scenario_json(ds._handle, _county(county), int(year), opts))
    df = pd.DataFrame(doc["municipalities"])
    df.attrs.update({k: v for k, v in doc.items() if k != "municipalities"})
    return df


def audit(county, year, total=None, profile=None, dataset=None):
    """The audit of the recommendation: a DataFrame with one row per check (check, passed,
    detail); ``df.attrs`` holds the whole document (house_monotone, quota_violations,
    binding_bounds, ties, per_1000, last_year)."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile)
    doc = json.loads(_core.regint_letter_audit_json(ds._handle, _county(county), int(year), opts))
    names = lambda rows: ", ".join(r["kommunenr"] for r in rows)  # noqa: E731
    rows = [
        ("quota rule", not doc["quota_violations"], names(doc["quota_violations"])),
        ("house monotonicity", doc["house_monotone"], "totals %d..%d" % tuple(doc["house_totals"])),
        ("ties", not doc["ties"], "; ".join("/".join(t) for t in doc["ties"])),
        ("binding bounds", None, names(doc["binding_bounds"])),
    ]
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
           date=None, dataset=None):
    """Write the letter as ``out/letter-NR-Y-LANG.md`` and ``.html``; returns the two paths."""
    ds = _dataset(dataset)
    opts, _keep = _opts(total, profile, lang, national_need, date)
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
