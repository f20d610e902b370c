"""The knowledge base (kunnskapsgrunnlag): indicator values and time series for any area and
code vintage, mapped across the 2020 and 2024 reforms, with missing values kept missing;
derived figures (change, trend, per 1,000, rank) and imports (tidy CSV, SSB JSON-stat 2)."""

import os

import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, measure_code, category_code, _missing_code, _LEVELS, _index
from ._errors import StaleHandleError

__all__ = ["KnowledgeBase", "sdg_goals", "sdg_goal_name"]


def sdg_goals(targets):
    """The distinct SDG goals (1..17) of a comma-separated target list, ascending:
    ``sdg_goals("8.5,10.2,10.c") == [8, 10]``. InvalidError names a malformed target."""
    return _core.regint_py_sdg_goals(str(targets))


def sdg_goal_name(goal, lang="en"):
    """Short name of SDG goal 1..17 in English (``lang="en"``) or Norwegian (``"nb"``);
    "" for a number out of range."""
    return _core.regint_sdg_goal_name(int(goal), lang)


def _series_frame(res):
    df = pd.DataFrame(res["columns"])
    if len(df):
        df["year"] = df["year"].astype("int64")
    df.attrs.update({k: res[k] for k in ("indicator", "area", "area_year", "category")})
    df.attrs["trend"] = res["trend"]
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
        ids = _core.regint_py_indicators_find(
            self._dsh, int(sdg_goal or 0),
            -1 if level is None else _index(level, _LEVELS, "level"), text)
        cat = self._ds.indicators()
        return cat.set_index("id").loc[ids].reset_index()

    # -- values -------------------------------------------------------------
    def value(self, indicator, area, year, area_year=None, category=""):
        """The value of ``indicator`` for ``area`` in ``year`` as a dict: ``value`` (None
        when missing), ``missing`` (reason, "" if present), ``partial`` (sum or mean of the
        present parts), ``n_parts``, ``n_missing``, ``n_absent``, ``direct``.
        NotFoundError when no part of the area has a row for that year."""
        return _core.regint_py_kb_value(self._kb(), indicator, str(area),
                                        int(area_year or year), int(year), category or "", 0, 0)

    def settlement(self, area, year, measure, category="alle", area_year=None):
        """A settlement figure (``"anmodning"``/``"request"``, ...) for an area, summed over
        its municipalities, as the dict of :meth:`value`."""
        return _core.regint_py_kb_value(self._kb(), None, str(area), int(area_year or year),
                                        int(year), "", measure_code(measure),
                                        category_code(category))

    def population(self, area, year, area_year=None):
        """Population on 1 January of ``year``: an int for a code of that year, else (with
        ``area_year``) the mapped value as the dict of :meth:`value`."""
        if area_year is None:
            return _core.regint_kb_population(self._kb(), str(area), int(year))
        return _core.regint_py_kb_population_mapped(self._kb(), str(area), int(area_year),
                                                    int(year))

    def per_1000(self, area, year, value):
        """``value`` per 1,000 inhabitants of ``area`` in ``year``: (value or None, missing
        reason). None in, None out (missing stays missing)."""
        miss = 0 if value is not None else _missing_code("unknown")
        return _core.regint_py_kb_per_1000(self._kb(), str(area), int(year),
                                           float(value if value is not None else 0.0), miss)

    # -- series -------------------------------------------------------------
    def series(self, indicator, area, area_year=2024, category="", years=None, trend_years=5,
               trend_last=None):
        """The time series of ``indicator`` for ``area`` (codes of ``area_year``) as a
        DataFrame: ``year, value`` (NaN when missing)``, missing, partial, n_parts,
        n_missing, n_absent, direct, change, change_missing``. Years without any row are left
        out. ``years=(first, last)`` limits it. ``attrs["trend"]`` is the least-squares trend
        over ``trend_years`` years ending ``trend_last`` (default: the last year)."""
        first, last = years if years is not None else (0, 0)
        res = _core.regint_py_kb_series(self._kb(), indicator, str(area), int(area_year),
                                        category or "", 0, 0, int(first or 0), int(last or 0),
                                        int(trend_last or 0), int(trend_years or 0))
        return _series_frame(res)

    def settlement_series(self, area, measure, category="alle", area_year=2024, years=None,
                          trend_years=5, trend_last=None):
        """The series of a settlement figure, like :meth:`series` (e.g. Vestfold's decisions
        2015–2026 in the 2024 structure, across both reforms)."""
        first, last = years if years is not None else (0, 0)
        res = _core.regint_py_kb_series(self._kb(), None, str(area), int(area_year), "",
                                        measure_code(measure), category_code(category),
                                        int(first or 0), int(last or 0), int(trend_last or 0),
                                        int(trend_years or 0))
        return _series_frame(res)

    def summarize(self, indicator, area, year, area_year=None, category="", trend_years=5):
        """Value, change, trend, rank within the county (1 = best) and comparison with the
        county and the nation, as a dict."""
        return _core.regint_py_kb_summarize(self._kb(), indicator, str(area),
                                            int(area_year or year), int(year), category or "",
                                            int(trend_years))

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
        n = _core.regint_py_kb_import_jsonstat(
            self._kb(), self._dsh, None if source is None else os.fspath(source), text, name,
            indicator, area_dimension, time_dimension, contents_dimension,
            1 if refuse_existing else 0)
        self._ds._modified()
        self._gen = self._ds._gen
        return n
