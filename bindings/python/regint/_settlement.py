"""Settlement recommendation and back-test as pandas DataFrames."""

import json
import os

import numpy as np
import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, load_default
from ._errors import NotFoundError, StaleHandleError
from ._names import names

__all__ = ["recommend", "backtest", "backtest_rolling", "gap", "SettlementProfile", "county_request_sum"]


class SettlementProfile:
    """A criteria profile for the settlement recommendation (criteria, weights, bounds).

    ``SettlementProfile.default()``, ``.load(path)`` or ``.from_json(text)``. ``len()`` is the
    number of criteria; ``criteria`` maps criterion id to its normalised weight.
    """

    def __init__(self, _handle):
        self._h = _handle

    @classmethod
    def default(cls):
        return cls(_core.regint_settlement_profile_default())

    @classmethod
    def load(cls, path):
        return cls(_core.regint_settlement_profile_load_file(os.fspath(path)))

    @classmethod
    def from_json(cls, text, name="<string>"):
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls(_core.regint_settlement_profile_load_string(text, name))

    @staticmethod
    def default_json():
        """The JSON text of the built-in default profile."""
        return _core.regint_settlement_profile_default_json()

    @property
    def name(self):
        return _core.regint_settlement_profile_name(self._h)

    def __len__(self):
        return _core.regint_settlement_profile_criterion_count(self._h)

    def __iter__(self):
        return iter(self.criteria)

    @property
    def criteria(self):
        """{criterion id: weight} in the profile's order."""
        return {_core.regint_settlement_profile_criterion_id(self._h, i):
                _core.regint_settlement_profile_criterion_weight(self._h, i)
                for i in range(len(self))}

    def __repr__(self):
        crit = ", ".join(f"{k}={v:.3g}" for k, v in self.criteria.items())
        return f"<regint.SettlementProfile {self.name!r}: {crit}>"


def _dataset(dataset):
    if dataset is None:
        return load_default()
    if isinstance(dataset, Dataset):
        return dataset
    return Dataset.load(dataset)


def _county(county):
    if county is None:
        return None
    c = str(county)
    return None if c == "00" else c


def _profile(profile):
    if profile is None or isinstance(profile, SettlementProfile):
        return profile
    if isinstance(profile, str) and profile.lstrip().startswith("{"):
        return SettlementProfile.from_json(profile)
    return SettlementProfile.load(profile)


def _known_sum(ds, county, year, measure, category):
    """The sum of the figures present (regint_aggregate_t.partial of the library's county sum,
    whose value is missing as soon as one municipality's figure is): IMDi's known requests.
    NotFoundError if no municipality has a present figure."""
    s = _core.regint_settlement_county_sum(ds._handle, county, year, measure, category)
    if s["partial"] != s["partial"]:
        raise NotFoundError(f"settlement: no figure present for county '{county or '00'}' "
                            f"in {year}")
    return int(round(s["partial"]))


def county_request_sum(county, year, measure="anmodning", category="alle", dataset=None):
    """Sum of a settlement measure over a county's municipalities (codes valid in ``year``)
    counting the figures present (a figure kept back for privacy is not counted, as in the
    CLI's default total); ``county`` None or "00" for the whole country. NotFoundError if
    there is no figure."""
    from ._dataset import measure_code, category_code
    return _known_sum(_dataset(dataset), _county(county), year, measure_code(measure),
                      category_code(category))


def recommend(county, year, total=None, minors=None, profile=None, dataset=None,
              history_to=None, plan_total=None):
    """Recommend how many refugees each municipality of a county should be asked to settle.

    county:   fylkesnr valid in ``year`` ("39"); "00" or None for the whole country.
    year:     the year to settle in.
    total:    persons to apportion. None: as the CLI, the sum of IMDi's actual requests to
              the county's municipalities for ``year`` (NotFoundError if there are none).
    minors:   of which unaccompanied minors. None: IMDi's actual requests for unaccompanied
              minors when ``total`` is None, else 0.
    profile:  a SettlementProfile, a path or JSON text; None for the default profile.
    dataset:  a Dataset or a path; None for the bundled default dataset.
    history_to: last year of data used (default ``year - 1``).
    plan_total: IMDi's plan figure for the county for ``year + 1``; None: the year's total
              (docs/settlement.md, "Plan figure").

    Returns a DataFrame with one row per municipality and the columns of the CLI's JSON
    (``regint recommend --json``, flattened as by ``pandas.json_normalize``): kommunenr,
    name, fylkesnr, asked, recommended, minors, lower, upper (<NA> = no bound), score,
    quota, population, actual_request, actual_decision, reason, note (the profile's notes:
    bound notes, local decisions and capacity with their source), flag (why the number
    departs from the municipality's own decision or stated capacity; "" if it does not),
    plan (plan figure for ``year + 1``), ``history.<year>.request``
    / ``.decision`` / ``.settled``, ``contributions.<criterion>`` and ``values.<criterion>``.
    ``df.attrs`` holds year, total, minors, fylkesnr, county, profile, note, notes (the
    caveats of the data), plan (year, total, rule), criteria (id -> normalised weight),
    weights ("fitted" for the default profile: the weights fitted for the county and year on
    earlier years only; "profile" for weights written in the profile), fitted_on (first and
    last year fitted on, or None) and fitted_county_years (docs/settlement.md,
    "Out-of-sample engine"). ``recommend_weights()`` gives the weights alone.
    """
    ds = _dataset(dataset)
    cty = _county(county)
    year = int(year)
    prof = _profile(profile)
    # total/minors None: the library's default rule (IMDi's actual requests; the minors
    # follow the total), i.e. the options' defaults.
    opts = {"profile": None if prof is None else prof._h, "history_to": int(history_to or 0)}
    if total is not None:
        opts["total"] = total
        opts["minors"] = int(minors or 0)
    elif minors is not None:
        opts["minors"] = minors
    r = _core.regint_settlement_recommend(ds._handle, cty, year, opts)
    if plan_total is not None:
        _core.regint_settlement_recommendation_set_plan_total(r, int(plan_total))
    doc = json.loads(_core.regint_settlement_recommendation_to_json(r))
    # The document gives each municipality's county once for all; rows carry it too.
    munis = _core.regint_dataset_municipalities_in(ds._handle, doc["year"], None)
    county_of = dict(zip(munis["kommunenr"], munis["fylkesnr"]))
    for row in doc["municipalities"]:
        row.setdefault("fylkesnr", county_of.get(row["kommunenr"]))
    return _recommendation_frame(doc)


def recommend_weights(county, year, total=None, profile=None, dataset=None, history_to=None):
    """The weights behind ``recommend()`` for a county and year: a DataFrame with one row per
    criterion (id, weight normalised to sum 1) and attrs weights ("fitted" or "profile"),
    fitted_on (first and last year fitted on, or None) and fitted_county_years. With the
    default profile the weights are fitted on the county-years before ``year`` only, as
    ``backtest_rolling()`` fits them for that year."""
    df = recommend(county, year, total=total, profile=profile, dataset=dataset, history_to=history_to)
    out = pd.DataFrame({"id": list(df.attrs["criteria"]), "weight": list(df.attrs["criteria"].values())})
    for k in ("weights", "fitted_on", "fitted_county_years", "year", "fylkesnr"):
        out.attrs[k] = df.attrs[k]
    return out


def _float(values):
    return np.asarray([np.nan if v is None else v for v in values], dtype=float)


def _recommendation_frame(doc):
    """The recommendation document (the CLI's ``--json``) as one row per municipality."""
    rows = doc["municipalities"]
    crit = [c["id"] for c in doc["criteria"]]
    hist = doc["history_to"] - _core.REGINT_SETTLEMENT_HISTORY_YEARS + 1
    years = [hist + h for h in range(_core.REGINT_SETTLEMENT_HISTORY_YEARS)]
    df = pd.DataFrame({k: [r[k] for r in rows] for k in ("kommunenr", "name", "fylkesnr", "asked",
                                                         "recommended", "minors", "lower")},
                      columns=["kommunenr", "name", "fylkesnr", "asked", "recommended", "minors",
                               "lower"])
    df["upper"] = pd.array([r["upper"] for r in rows], dtype="Int64")
    for k in ("score", "quota", "population", "actual_request", "actual_decision"):
        df[k] = _float([r.get(k) for r in rows])
    df["reason"] = [r["reason"] for r in rows]
    df["note"] = [r.get("note", "") for r in rows]
    df["flag"] = [r.get("flag", "") for r in rows]
    df["plan"] = [r.get("plan") for r in rows]
    for y in years:
        for m in ("request", "decision", "settled"):
            df[f"history.{y}.{m}"] = _float([r["history"].get(str(y), {}).get(m) for r in rows])
    for part in ("contributions", "values"):
        for c in crit:
            df[f"{part}.{c}"] = _float([r[part].get(c) for r in rows])
    df.attrs.update({k: doc[k] for k in ("year", "total", "minors", "fylkesnr", "county",
                                         "profile", "note")})
    df.attrs["notes"] = list(doc.get("notes", []))
    df.attrs["plan"] = dict(doc.get("plan", {}))
    df.attrs["criteria"] = {c["id"]: c["weight"] for c in doc["criteria"]}
    df.attrs["weights"] = doc.get("weights", "profile")
    fitted = [c for c in doc["criteria"] if "fitted_on" in c]
    df.attrs["fitted_on"] = tuple(fitted[0]["fitted_on"]) if fitted and fitted[0]["fitted_on"] else None
    df.attrs["fitted_county_years"] = fitted[0]["county_years"] if fitted else 0
    df.attrs["history_years"] = years
    return df


def backtest(county=None, year_from=None, year_to=None, profile=None, dataset=None):
    """Back-test the recommendation against IMDi's actual requests and the councils'
    decisions, year by year, next to two simple methods (proportional to population and
    to last year's decisions).

    Returns a DataFrame with one row per county-year: year, fylkesnr, county,
    municipalities, total, n_request, n_decision, ``mae_request.<method>``,
    ``within2_request.<method>``, ``mae_decision.<method>``, ``within2_decision.<method>``,
    winner_request, winner_decision (method names; None for a tie) and note.
    ``df.attrs["summary"]`` has the pooled figures.
    """
    ds = _dataset(dataset)
    prof = _profile(profile)
    bt = _core.regint_settlement_backtest_run(ds._handle, dict(
        fylkesnr=_county(county), year_from=int(year_from or 0), year_to=int(year_to or 0),
        profile=None if prof is None else prof._h))
    doc = json.loads(_core.regint_settlement_backtest_to_json(bt))
    methods = list(names("settlement_backtest_method"))
    rows = doc["rows"]
    cols = ["year", "fylkesnr", "county", "municipalities", "total", "n_request", "n_decision"]
    df = pd.DataFrame({k: [r[k] for r in rows] for k in cols}, columns=cols)
    for k in ("mae_request", "within2_request", "mae_decision", "within2_decision"):
        for m in methods:
            df[f"{k}.{m}"] = _float([r[k][m] for r in rows])
    for k in ("winner_request", "winner_decision", "note"):
        df[k] = [r[k] for r in rows]
    df.attrs["summary"] = doc["summary"]
    df.attrs["methods"] = methods
    return df


def backtest_rolling(county=None, year_from=None, year_to=None, dataset=None):
    """Rolling-origin back-test of the fitted engine, out of sample (``regint backtest``'s
    default): for each year (default 2016 to the last year with requests) and county, in that
    year's own county structure, the engine's criteria weights are fitted on earlier years only
    and the county's actual total is apportioned (sainte-lague-min10), next to four baselines
    scaled to the same total: population, last_request, last_decision, mean3_request.

    Returns a DataFrame with one row per county-year: year, fylkesnr, municipalities, total,
    ratio, scored, ``mae_request.<method>``, ``within2_request.<method>``,
    ``mae_decision.<method>``, ``within2_decision.<method>``, ``mae_settled.<method>``,
    ``within2_settled.<method>`` (method "profile" is the engine) and ``w.<criterion>`` (the
    fitted weights). ``df.attrs["years"]`` is the per-year table (means over the counties
    every method scored, best baseline, ratio) and ``df.attrs["summary"]`` the mean and max of
    the yearly ratios engine / best baseline.
    """
    ds = _dataset(dataset)
    r = _core.regint_settlement_rolling_run(ds._handle, dict(
        fylkesnr=_county(county), year_from=int(year_from or 0), year_to=int(year_to or 0)))
    doc = json.loads(_core.regint_settlement_rolling_to_json(r))
    methods = list(names("settlement_rolling_method"))
    crit = list(names("settlement_fitted_criterion"))
    rows = doc["rows"]
    cols = ["year", "fylkesnr", "municipalities", "total", "ratio", "scored"]
    df = pd.DataFrame({k: [r_[k] for r_ in rows] for k in cols}, columns=cols)
    df["ratio"] = _float(df["ratio"])
    for k in ("mae_request", "within2_request", "mae_decision", "within2_decision", "mae_settled",
              "within2_settled"):
        for m in methods:
            df[f"{k}.{m}"] = _float([r_[k][m] for r_ in rows])
    for c in crit:
        df[f"w.{c}"] = _float([r_["weights"][c] for r_ in rows])
    years = []
    for y in doc["years"]:
        d = {"year": y["year"], "counties": y["counties"], "best_baseline": y["best_baseline"],
             "ratio": y["ratio"]}
        for m in methods:
            d[f"mae_request.{m}"] = y["mae_request"][m]
            d[f"mae_decision.{m}"] = y["mae_decision"][m]
            d[f"mae_settled.{m}"] = y["mae_settled"][m]
            d[f"failed.{m}"] = y["failed"][m]
        for c in crit:
            d[f"w.{c}"] = y["weights"][c]
        years.append(d)
    df.attrs["years"] = pd.DataFrame(years)
    df.attrs["summary"] = doc["summary"]
    df.attrs["methods"] = methods
    return df


def gap(county, years, dataset=None):
    """Request vs decision vs settled per municipality and year (``regint gap``).

    county:  fylkesnr ("39"); "00" or None for the whole country.
    years:   (from, to), a "A-B" string or one year.
    dataset: a Dataset or a path; None for the bundled default dataset.

    Returns a DataFrame with one row per municipality and year: year, kommunenr, name,
    request, decision, settled (NaN where missing or suppressed), below_request (bool), gap
    (request - decision) and delivery_rate (settled / decision). ``df.attrs["years"]`` is a
    DataFrame of the county's sums per year (request, decision, settled, missing_figures,
    decided_below_request, below_by, decision_rate, delivery_rate); ``df.attrs["note"]``
    names the years skipped.
    """
    if isinstance(years, str):
        a, _, b = years.partition("-")
        y0, y1 = int(a), int(b or a)
    elif isinstance(years, (tuple, list)):
        y0, y1 = int(years[0]), int(years[-1])
    else:
        y0 = y1 = int(years)
    ds = _dataset(dataset)
    g = _core.regint_settlement_gap_run(ds._handle, _county(county), y0, y1)
    doc = json.loads(_core.regint_settlement_gap_to_json(g))
    rows = doc["municipalities"]
    df = pd.DataFrame({k: [r[k] for r in rows] for k in ("year", "kommunenr", "name")},
                      columns=["year", "kommunenr", "name"])
    for k in ("request", "decision", "settled"):
        df[k] = _float([r.get(k) for r in rows])
    df["below_request"] = [bool(r["below_request"]) for r in rows]
    df["gap"] = _float([r.get("gap") for r in rows])
    df["delivery_rate"] = _float([r.get("delivery_rate") for r in rows])
    ys = pd.DataFrame(doc["years"])
    for k in ("decision_rate", "delivery_rate"):
        if k in ys:
            ys[k] = _float(list(ys[k]))
    df.attrs["years"] = ys
    df.attrs["note"] = doc["note"]
    df.attrs["fylkesnr"] = doc["fylkesnr"]
    return df
