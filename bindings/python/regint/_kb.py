"""The knowledge base (kunnskapsgrunnlag): indicator values and time series for any area and
code vintage, mapped across the 2020 and 2024 reforms, with missing values kept missing;
derived figures (change, trend, per 1,000, rank) and imports (tidy CSV, SSB JSON-stat 2)."""

import os

import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, measure_code, category_code, _missing_code, _norm, _missing_names
from ._errors import StaleHandleError
from ._names import code as _code

__all__ = ["KnowledgeBase", "sdg_goals", "sdg_goal_name"]


def sdg_goals(targets):
    """The distinct SDG goals (1..17) of a comma-separated target list, ascending:
    ``sdg_goals("8.5,10.2,10.c") == [8, 10]``. InvalidError names a malformed target."""
    return list(_core.regint_kb_sdg_goals(targets))


def sdg_goal_name(goal, lang="en"):
    """Short name of SDG goal 1..17 in English (``lang="en"``), bokmål (``"nb"``) or
    nynorsk (``"nn"``); "" for a number out of range."""
    return _core.regint_kb_sdg_goal_name(goal, lang)


def _nan_none(v):
    return None if v != v else v


def _aggregate(a):
    """An aggregate dict from the C library as the Python API gives it."""
    a = dict(a)
    if a["missing"]:
        a["value"] = None
    a["missing"] = _missing_names()[a["missing"]]
    a["partial"] = _nan_none(a["partial"])
    return a


def _pair(v):
    """(value or None, missing reason or "") of a regint_value_t dict."""
    return (None if v["missing"] else v["value"], _missing_names()[v["missing"]])


def _trend(t):
    return dict(t, slope=_nan_none(t["slope"]), intercept=_nan_none(t["intercept"]))


def _series_frame(handle, res, trend_last, trend_years):
    cols = ["year", "value", "missing", "partial", "n_parts", "n_missing", "n_absent", "direct",
            "change", "change_missing"]
    rows = []
    for year, v in zip(res["years"], res["values"]):
        value, missing, partial, n_parts, n_missing, n_absent, direct = v
        ch = _core.regint_kb_series_change(handle, year)
        rows.append((year, float("nan") if missing else value, _missing_names()[missing], partial,
                     n_parts, n_missing, n_absent, direct,
                     float("nan") if ch["missing"] else ch["value"],
                     _missing_names()[ch["missing"]]))
    df = pd.DataFrame(rows, columns=cols)
    if len(df):
        df["year"] = df["year"].astype("int64")
    df.attrs.update({k: res[k] for k in ("indicator", "area", "area_year", "category")})
    trend = None
    if trend_years >= 2 and res["years"]:
        trend = _trend(_core.regint_kb_series_trend(handle, trend_last or res["years"][-1],
                                                    trend_years))
    df.attrs["trend"] = trend
    return df


class KnowledgeBase:
    """A read view over a :class:`Dataset` (``regint_kb``) that maps areas across code
    vintages. It keeps the dataset's C handle alive (also after ``ds.close()``) and refreshes
    its caches when the dataset was modified through Python.

    Areas are a kommunenr, a fylkesnr or ``"00"`` (the nation), read with the codes of
    ``area_year`` (default: the data year, or 2024 for series).
    """

    def __init__(self, dataset):
        if not isinstance(dataset, Dataset):
            raise TypeError("KnowledgeBase(dataset): expected a regint.Dataset")
        self._ds = dataset
        self._dsh = dataset._handle          # keeps the C dataset alive
        self._h = _core.regint_kb_new(self._dsh)
        self._gen = dataset._gen

    @property
    def dataset(self):
        return self._ds

    def _kb(self):
        if self._ds._h is not self._dsh:
            raise StaleHandleError("the knowledge base's dataset was closed")
        if self._ds._gen != self._gen:
            _core.regint_kb_refresh(self._h)
            self._gen = self._ds._gen
        return self._h

    def refresh(self):
        """Drop the caches (done automatically after changes made through Python)."""
        _core.regint_kb_refresh(self._h)

    def __repr__(self):
        return f"<regint.KnowledgeBase over {self._ds!r}>"

    # -- catalogue ----------------------------------------------------------
    def find_indicators(self, sdg_goal=None, level=None, text=None):
        """The catalogue entries (DataFrame as ``ds.indicators()``) tagged with a target of
        ``sdg_goal`` (1..17), of ``level`` ("kommune", "fylke", "nation") and whose id or
        names contain ``text`` (case-insensitive); None matches everything."""
        found = _core.regint_kb_find_indicators(self._dsh, dict(
            sdg_goal=int(sdg_goal or 0),
            level=-1 if level is None else _code("level", _norm(level), "level"), text=text))
        cat = self._ds.indicators()
        return cat.set_index("id").loc[found["id"]].reset_index()

    # -- values -------------------------------------------------------------
    def value(self, indicator, area, year, area_year=None, category=""):
        """The value of ``indicator`` for ``area`` in ``year`` as a dict: ``value`` (None
        when missing), ``missing`` (reason, "" if present), ``partial`` (sum or mean of the
        present parts), ``n_parts``, ``n_missing``, ``n_absent``, ``direct``.
        NotFoundError when no part of the area has a row for that year."""
        return _aggregate(_core.regint_kb_value(self._kb(), indicator, area,
                                                int(area_year or year), year, category or ""))

    def settlement(self, area, year, measure, category="alle", area_year=None):
        """A settlement figure (``"anmodning"``/``"request"``, ...) for an area, summed over
        its municipalities, as the dict of :meth:`value`."""
        return _aggregate(_core.regint_kb_settlement(self._kb(), area, int(area_year or year),
                                                     year, measure_code(measure),
                                                     category_code(category)))

    def population(self, area, year, area_year=None):
        """Population on 1 January of ``year``: an int for a code of that year, else (with
        ``area_year``) the mapped value as the dict of :meth:`value`."""
        if area_year is None:
            return _core.regint_kb_population(self._kb(), area, year)
        return _aggregate(_core.regint_kb_population_mapped(self._kb(), area,
                                                            area_year, year))

    def per_1000(self, area, year, value):
        """``value`` per 1,000 inhabitants of ``area`` in ``year``: (value or None, missing
        reason). None in, None out (missing stays missing)."""
        miss = 0 if value is not None else _missing_code("unknown")
        v = {"value": float("nan") if value is None else float(value), "missing": miss}
        return _pair(_core.regint_kb_per_1000(self._kb(), area, year, v))

    # -- series -------------------------------------------------------------
    def series(self, indicator, area, area_year=2024, category="", years=None, trend_years=5,
               trend_last=None):
        """The time series of ``indicator`` for ``area`` (codes of ``area_year``) as a
        DataFrame: ``year, value`` (NaN when missing)``, missing, partial, n_parts,
        n_missing, n_absent, direct, change, change_missing``. Years without any row are left
        out. ``years=(first, last)`` limits it. ``attrs["trend"]`` is the least-squares trend
        over ``trend_years`` years ending ``trend_last`` (default: the last year)."""
        first, last = years if years is not None else (0, 0)
        h, res = _core.regint_kb_series(self._kb(), indicator, area, area_year,
                                        category or "", int(first or 0), int(last or 0))
        return _series_frame(h, res, int(trend_last or 0), int(trend_years or 0))

    def settlement_series(self, area, measure, category="alle", area_year=2024, years=None,
                          trend_years=5, trend_last=None):
        """The series of a settlement figure, like :meth:`series` (e.g. Vestfold's decisions
        2015–2026 in the 2024 structure, across both reforms)."""
        first, last = years if years is not None else (0, 0)
        h, res = _core.regint_kb_settlement_series(self._kb(), area, area_year,
                                                   measure_code(measure), category_code(category),
                                                   int(first or 0), int(last or 0))
        return _series_frame(h, res, int(trend_last or 0), int(trend_years or 0))

    def summarize(self, indicator, area, year, area_year=None, category="", trend_years=5):
        """Value, change, trend, rank within the county (1 = best) and comparison with the
        county and the nation, as a dict."""
        s = _core.regint_kb_summarize(self._kb(), indicator, area, int(area_year or year),
                                      year, category or "", trend_years)
        return {"value": _aggregate(s["value"]), "change": _pair(s["change"]),
                "trend": _trend(s["trend"]), "county": _pair(s["county"]),
                "nation": _pair(s["nation"]), "rank": s["rank"], "rank_of": s["rank_of"]}

    # -- import -------------------------------------------------------------
    def import_csv(self, path):
        """Import a tidy observations CSV (``year,kommunenr,indicator,category,value[,flag]``)
        into the dataset, all-or-nothing."""
        _core.regint_kb_import_csv(self._kb(), self._dsh, os.fspath(path))
        self._ds._modified()
        self._gen = self._ds._gen

    def import_jsonstat(self, source=None, text=None, name="<string>", indicator=None,
                        area_dimension=None, time_dimension=None, contents_dimension=None,
                        refuse_existing=False):
        """Import an SSB JSON-stat 2 dataset from a file ``source`` or from ``text``;
        returns the number of observations imported. ``indicator`` names the catalogue
        entry of every value (else the contents dimension's codes must be indicator ids).
        Existing observations are replaced unless ``refuse_existing`` (DuplicateError)."""
        if (source is None) == (text is None):
            raise TypeError("import_jsonstat: give either a path or text=")
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        opts = dict(indicator=indicator, area_dimension=area_dimension,
                    time_dimension=time_dimension, contents_dimension=contents_dimension,
                    refuse_existing=1 if refuse_existing else 0)
        if source is not None:
            n = _core.regint_kb_import_jsonstat(self._kb(), self._dsh, os.fspath(source), opts)
        else:
            n = _core.regint_kb_import_jsonstat_string(self._kb(), self._dsh, text, name, opts)
        self._ds._modified()
        self._gen = self._ds._gen
        return n
