"""Settlement recommendation and back-test as pandas DataFrames."""

import os

import numpy as np
import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, load_default
from ._errors import StaleHandleError

__all__ = ["recommend", "backtest", "SettlementProfile", "county_request_sum"]


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


def county_request_sum(county, year, measure="anmodning", category="alle", dataset=None):
    """Sum of a settlement measure over a county's municipalities (codes valid in ``year``);
    ``county`` None or "00" for the whole country. NotFoundError if there is no figure."""
    from ._dataset import measure_code, category_code
    ds = _dataset(dataset)
    return _core.regint_settlement_county_sum(ds._handle, _county(county), int(year),
                                              measure_code(measure), category_code(category))


def recommend(county, year, total=None, minors=None, profile=None, dataset=None,
              history_to=None):
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

    Returns a DataFrame with one row per municipality and the columns of the CLI's JSON
    (``regint recommend --json``, flattened as by ``pandas.json_normalize``): kommunenr,
    name, fylkesnr, asked, recommended, minors, lower, upper (<NA> = no bound), score,
    quota, population, actual_request, actual_decision, reason, ``history.<year>.request``
    / ``.decision`` / ``.settled``, ``contributions.<criterion>`` and ``values.<criterion>``.
    ``df.attrs`` holds year, total, minors, fylkesnr, county, profile, note and criteria.
    """
    ds = _dataset(dataset)
    cty = _county(county)
    year = int(year)
    # None: the library's default rule (IMDi's actual requests; minors follow the total).
    if total is None:
        total = _core.REGINT_SETTLEMENT_TOTAL_FROM_REQUESTS
    if minors is None:
        minors = _core.REGINT_SETTLEMENT_MINORS_DEFAULT
    prof = _profile(profile)
    res = _core.regint_py_recommend(ds._handle, cty, year, int(total), int(minors),
                                    None if prof is None else prof._h, int(history_to or 0))
    cols = res["columns"]
    crit = [c for c, _ in res["criteria"]]
    df = pd.DataFrame({k: cols[k] for k in ("kommunenr", "name", "fylkesnr", "asked",
                                            "recommended", "minors", "lower")})
    df["upper"] = pd.array(cols["upper"], dtype="Int64")
    for k in ("score", "quota"):
        df[k] = np.asarray(cols[k], dtype=float)
    df["population"] = np.asarray([np.nan if v is None else v for v in cols["population"]])
    for k in ("actual_request", "actual_decision"):
        df[k] = np.asarray([np.nan if v is None else v for v in cols[k]], dtype=float)
    df["reason"] = cols["reason"]
    first = cols["history_first_year"][0] if cols["history_first_year"] else year - 3
    for h in range(_core.REGINT_RECOMMEND_HISTORY_YEARS):
        for m in ("request", "decision", "settled"):
            df[f"history.{first + h}.{m}"] = np.asarray(
                [np.nan if t[h] is None else t[h] for t in cols[m]], dtype=float)
    for j, c in enumerate(crit):
        df[f"contributions.{c}"] = np.asarray([t[j] for t in cols["contributions"]], dtype=float)
    for j, c in enumerate(crit):
        df[f"values.{c}"] = np.asarray([np.nan if t[j] is None else t[j]
                                        for t in cols["values"]], dtype=float)
    df.attrs.update(res["meta"])
    df.attrs["criteria"] = dict(res["criteria"])
    df.attrs["history_years"] = [first + h for h in range(_core.REGINT_RECOMMEND_HISTORY_YEARS)]
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
    res = _core.regint_py_backtest(ds._handle, _county(county), int(year_from or 0),
                                   int(year_to or 0), None if prof is None else prof._h)
    methods = res["methods"]
    cols = res["rows"]
    df = pd.DataFrame({k: cols[k] for k in ("year", "fylkesnr", "county", "municipalities",
                                            "total", "n_request", "n_decision")})
    for k in ("mae_request", "within2_request", "mae_decision", "within2_decision"):
        for j, m in enumerate(methods):
            df[f"{k}.{m}"] = np.asarray([np.nan if t[j] is None else t[j] for t in cols[k]],
                                        dtype=float)
    for k in ("winner_request", "winner_decision"):
        df[k] = [methods[w] if 0 <= w < len(methods) else None for w in cols[k]]
    df["note"] = cols["note"]
    summary = dict(res["summary"])
    for k in ("mae_request", "within2_request", "mae_decision", "within2_decision",
              "wins_request", "wins_decision"):
        if k in summary:
            summary[k] = dict(zip(methods, summary[k]))
    df.attrs["summary"] = summary
    df.attrs["methods"] = methods
    return df
