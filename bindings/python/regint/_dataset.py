"""The dataset: counties, municipalities, code changes, population, settlement history,
indicators and cases, read as pandas DataFrames (one C call per table)."""

import os

import pandas as pd

from . import regint_core as _core
from ._errors import InvalidError, StaleHandleError
from ._names import names, code as _code

__all__ = ["Dataset", "Record", "RecordList", "load_default", "default_path"]

YEAR_OPEN = _core.REGINT_YEAR_OPEN

# English aliases for the stable (Norwegian) names of the C library.
_MEASURE_ALIASES = {
    "request": "anmodning", "decision": "vedtak", "settled": "bosatt", "agreed": "avtalt",
    "original_request": "opprinnelig_anmodning",
}
_CATEGORY_ALIASES = {
    "all": "alle", "unaccompanied": "enslige_mindreaarige",
    "unaccompanied_under15": "enslige_mindreaarige_under15",
    "unaccompanied_15_18": "enslige_mindreaarige_15_18",
    "collective_protection": "kollektiv_beskyttelse",
}
_CASE_FLAGS = {
    "unaccompanied_minor": _core.REGINT_CASE_UNACCOMPANIED_MINOR,
    "family_reunification": _core.REGINT_CASE_FAMILY_REUNIFICATION,
    "resettlement": _core.REGINT_CASE_RESETTLEMENT,
    "collective_protection": _core.REGINT_CASE_COLLECTIVE_PROTECTION,
}


def _missing_names():
    # In tables and records a present value has the reason "" whatever the C name of NONE.
    return ("",) + names("missing")[1:]


def _value_pair(v):
    """(value or None, missing reason or "") of a regint_value_t dict."""
    return (None if v["missing"] else v["value"], _missing_names()[v["missing"]])


def _named(codes, kind):
    """Enum values -> names (values outside the enumeration are kept as they are)."""
    n = _missing_names() if kind == "missing" else names(kind)
    return [n[c] if 0 <= c < len(n) else c for c in codes]


def _norm(name):
    return str(name).strip().lower().replace("-", "_")


def measure_code(name):
    """The C enum value of a measure name ("anmodning"/"request", "vedtak"/"decision", ...)."""
    if isinstance(name, int):
        return name
    n = _norm(name)
    return _code("measure", _MEASURE_ALIASES.get(n, n))


def category_code(name):
    """The C enum value of a category name ("alle"/"all", "enslige_mindreaarige", ...)."""
    if isinstance(name, int):
        return name
    n = _norm(name)
    return _code("category", _CATEGORY_ALIASES.get(n, n))


def _missing_code(missing):
    if missing is None or missing == "":
        return 0
    if isinstance(missing, int):
        return missing
    return _code("missing", _norm(missing))


def _int_column(values):
    return pd.array(values, dtype="Int64")


# ---------------------------------------------------------------------------
# Records borrowed from a dataset

_KINDS = {
    # kind: (C table name, fields, {field: enumeration})
    "county": ("county", ("fylkesnr", "name", "valid_from", "valid_to"), {}),
    "municipality": ("municipality", ("kommunenr", "name", "fylkesnr", "valid_from", "valid_to",
                                      "centrality", "kostra_group"), {}),
    "code_change": ("code_change", ("from_kommunenr", "from_year", "to_kommunenr", "to_year",
                                    "kind"), {"kind": "change_kind"}),
    "settlement": ("settlement", ("kommunenr", "year", "measure", "category", "value", "missing"),
                   {"measure": "measure", "category": "category", "missing": "missing"}),
    "indicator": ("indicator", ("id", "name_nb", "name_en", "unit", "source", "direction", "level",
                                "sdg_targets"), {"direction": "direction", "level": "level"}),
    "observation": ("observation", ("indicator", "area", "year", "category", "value", "missing"),
                    {"missing": "missing"}),
    "case": ("case", ("id", "family_size", "flags", "year"), {}),
}


def _record_values(kind, raw):
    """A record dict from the C library with enum values named and missing values None."""
    d = dict(raw)
    for f, e in _KINDS[kind][2].items():
        d[f] = _named([d[f]], e)[0]
    if "missing" in d and d["missing"] != "":
        d["value"] = None
    return d


class Record:
    """A read-only record borrowed from a :class:`Dataset` (county, municipality, settlement
    figure, ...). It keeps its dataset alive; reading it after the dataset was closed or
    modified raises :class:`regint.StaleHandleError` instead of reading freed memory."""

    __slots__ = ("_kind", "_raw", "_ds", "_gen")

    def __init__(self, kind, raw, ds):
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_raw", _record_values(kind, raw))
        object.__setattr__(self, "_ds", ds)
        object.__setattr__(self, "_gen", ds._gen)

    @property
    def kind(self):
        """"county", "municipality", "settlement", ..."""
        return self._kind

    @property
    def fields(self):
        return _KINDS[self._kind][1]

    def _check(self):
        if self._ds._h is None:
            raise StaleHandleError(f"this {self._kind} record belongs to a closed dataset")
        if self._ds._gen != self._gen:
            raise StaleHandleError(f"this {self._kind} record was read before the dataset "
                                   "was modified; read it again")

    def __getattr__(self, name):
        if name.startswith("_") or name not in _KINDS[self._kind][1]:
            raise AttributeError(f"{self._kind} record has no field {name!r}")
        self._check()
        return self._raw[name]

    def __setattr__(self, name, value):
        raise AttributeError("regint records are read-only; use the Dataset's set/add methods")

    def as_dict(self):
        """The record's fields as a plain dict (a copy that does not need the dataset)."""
        return {f: getattr(self, f) for f in self.fields}

    def __eq__(self, other):
        if not isinstance(other, Record):
            return NotImplemented
        return self._kind == other._kind and self.as_dict() == other.as_dict()

    __hash__ = None

    def __repr__(self):
        try:
            body = ", ".join(f"{k}={v!r}" for k, v in self.as_dict().items())
        except StaleHandleError:
            body = "<stale>"
        return f"<regint.{self._kind} {body}>"


class RecordList:
    """All records of one kind in a dataset: ``len()``, indexing, iteration, ``to_frame()``."""

    def __init__(self, ds, kind):
        self._ds = ds
        self._kind = kind
        self._gen = ds._gen

    def __len__(self):
        return getattr(_core, f"regint_dataset_{_KINDS[self._kind][0]}_count")(self._ds._handle)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        i = int(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{self._kind} index out of range")
        raw = getattr(_core, f"regint_dataset_{_KINDS[self._kind][0]}_at")(self._ds._handle, i)
        return Record(self._kind, raw, self._ds)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def to_frame(self):
        """All records as a DataFrame."""
        return pd.DataFrame([r.as_dict() for r in self], columns=list(_KINDS[self._kind][1]))

    def __repr__(self):
        return f"<regint.RecordList of {len(self)} {self._kind} records>"


# ---------------------------------------------------------------------------

def default_path():
    """Path of the bundled default dataset (``$REGINT_DATA``, else the installed data of
    the prefix the module is installed under, else the build tree), or None if none is
    found."""
    return _core.regint_dataset_default_path()


def load_default():
    """Load the bundled default dataset built from the real public data (data/SOURCES.md)."""
    return Dataset(_handle=_core.regint_dataset_load_default())


class Dataset:
    """A regint dataset (counties, municipalities, settlement history, indicators, cases).

    ``Dataset()`` is empty; use :meth:`load`, :meth:`from_json` or :func:`load_default` to
    read one. The C handle is freed when the object is garbage-collected or :meth:`close`
    is called (also by ``with``).
    """

    def __init__(self, _handle=None):
        self._h = _handle if _handle is not None else _core.regint_dataset_new()
        self._gen = 0

    # -- life cycle ---------------------------------------------------------
    @classmethod
    def load(cls, path):
        """Load a dataset JSON file (all-or-nothing). Raises FileError, ParseError,
        InvalidError, VersionError, ... with the file, JSON path and rule in the message."""
        return cls(_handle=_core.regint_dataset_load_file(os.fspath(path)))

    @classmethod
    def from_json(cls, text, name="<string>"):
        """Load a dataset from JSON text; ``name`` is used in error messages."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls(_handle=_core.regint_dataset_load_string(text, name))

    def save(self, path):
        """Save as canonical JSON, atomically (temporary file, flush, rename)."""
        _core.regint_dataset_save_file(self._handle, os.fspath(path))

    def to_json(self):
        """The dataset as canonical JSON text."""
        return _core.regint_dataset_to_string(self._handle)

    def close(self):
        """Free the C dataset now. Records read from it become stale (they raise)."""
        self._h = None

    @property
    def closed(self):
        return self._h is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def _handle(self):
        if self._h is None:
            raise StaleHandleError("the dataset is closed")
        return self._h

    def _modified(self):
        self._gen += 1

    def __repr__(self):
        if self._h is None:
            return "<regint.Dataset (closed)>"
        h = self._h
        return (f"<regint.Dataset: {_core.regint_dataset_county_count(h)} counties, "
                f"{_core.regint_dataset_municipality_count(h)} municipalities, "
                f"{_core.regint_dataset_settlement_count(h)} settlement figures, "
                f"{_core.regint_dataset_indicator_count(h)} indicators, "
                f"{_core.regint_dataset_observation_count(h)} observations, "
                f"{_core.regint_dataset_case_count(h)} cases>")

    # -- the regional tasks kept in the dataset ------------------------------
    @property
    def grants(self):
        """The grant schemes and applications (:class:`regint.Grants`)."""
        from ._tasks import Grants
        return Grants(self)

    @property
    def collaboration(self):
        """Partners, agreements, meetings, networks, coverage (:class:`regint.Collaboration`)."""
        from ._tasks import Collaboration
        return Collaboration(self)

    def knowledge_base(self):
        """A :class:`regint.KnowledgeBase` over this dataset."""
        from ._kb import KnowledgeBase
        return KnowledgeBase(self)

    # -- records (borrowed, keep the dataset alive) -------------------------
    @property
    def county_records(self):
        return RecordList(self, "county")

    @property
    def municipality_records(self):
        return RecordList(self, "municipality")

    @property
    def code_change_records(self):
        return RecordList(self, "code_change")

    @property
    def settlement_records(self):
        return RecordList(self, "settlement")

    @property
    def indicator_records(self):
        return RecordList(self, "indicator")

    @property
    def observation_records(self):
        return RecordList(self, "observation")

    @property
    def case_records(self):
        return RecordList(self, "case")

    def county(self, fylkesnr, year):
        """The county with this code valid in ``year`` (NotFoundError if none)."""
        return Record("county", _core.regint_dataset_county(self._handle, str(fylkesnr),
                                                            int(year)), self)

    def municipality(self, kommunenr, year):
        """The municipality with this code valid in ``year`` (NotFoundError if none)."""
        return Record("municipality", _core.regint_dataset_municipality(
            self._handle, str(kommunenr), int(year)), self)

    def indicator(self, id):
        """The catalogue entry of an indicator (NotFoundError if none)."""
        return Record("indicator", _core.regint_dataset_indicator(self._handle, str(id)), self)

    # -- single values ------------------------------------------------------
    def population(self, kommunenr, year):
        """Population of a municipality on 1 January of ``year`` (NotFoundError if absent)."""
        return _core.regint_dataset_population(self._handle, str(kommunenr), int(year))

    def map_code(self, kommunenr, from_year, to_year):
        """The codes in ``to_year`` that ``kommunenr`` of ``from_year`` maps to (a list:
        one code, or several for a split). NotFoundError if there is no mapping."""
        return list(_core.regint_dataset_map_code(self._handle, str(kommunenr), int(from_year),
                                                  int(to_year)))

    def settlement_value(self, kommunenr, year, measure, category="alle"):
        """One settlement figure as ``(value, missing)``: value is a float, or None when it
        is missing and ``missing`` names the reason. NotFoundError if there is no row."""
        return _value_pair(_core.regint_dataset_settlement(
            self._handle, str(kommunenr), int(year), measure_code(measure), category_code(category)))

    def observation_value(self, indicator, area, year, category=""):
        """One observation as ``(value, missing)``; NotFoundError if absent."""
        return _value_pair(_core.regint_dataset_observation(
            self._handle, str(indicator), str(area), int(year), category or ""))

    # -- tables -------------------------------------------------------------
    def counties(self, year=None):
        """Counties (all, or those valid in ``year``) as a DataFrame."""
        if year:
            d = _core.regint_dataset_counties_in(self._handle, int(year))
        else:
            d = _core.regint_dataset_counties(self._handle)
        return pd.DataFrame(d, columns=["fylkesnr", "name", "valid_from", "valid_to"])

    def municipalities(self, year, county=None):
        """Municipalities valid in ``year`` (sorted by kommunenr), optionally of one county
        (fylkesnr such as "39"), with centrality, KOSTRA group and population on 1 January
        of ``year`` (<NA> where the dataset has no figure). ``year=None`` lists every record
        of every period (population then <NA>)."""
        cols = ["kommunenr", "name", "fylkesnr", "valid_from", "valid_to", "centrality",
                "kostra_group"]
        if year:
            d = _core.regint_dataset_municipalities_in(self._handle, int(year),
                                                       None if county is None else str(county))
            pop = _core.regint_dataset_populations(self._handle, int(year), d["kommunenr"])
            df = pd.DataFrame(d, columns=cols)
            df["population"] = pd.array([None if p < 0 else p for p in pop], dtype="Int64")
            return df
        df = pd.DataFrame(_core.regint_dataset_municipalities(self._handle), columns=cols)
        if county is not None:
            df = df[df["fylkesnr"] == str(county)].reset_index(drop=True)
        df["population"] = pd.array([None] * len(df), dtype="Int64")
        return df

    def code_changes(self):
        """The municipality code correspondence as a DataFrame."""
        df = pd.DataFrame(_core.regint_dataset_code_changes(self._handle),
                          columns=["from_kommunenr", "from_year", "to_kommunenr", "to_year", "kind"])
        df["kind"] = _named(df["kind"], "change_kind")
        return df

    def settlement(self, county=None, kommunenr=None, years=None, measure=None,
                   category=None, map_to=None):
        """Settlement figures (request *anmodning*, decision *vedtak*, settled *bosatt*, ...)
        in long form: kommunenr, year, measure, category, value (NaN when missing), missing
        (the reason, "" when present).

        county:    fylkesnr ("39"); kommunenr: one code. Both filter on the code as of
                   ``map_to`` when given, else on the code of the figure's own year.
        years:     a year or a (first, last) pair, inclusive.
        measure, category: a name ("anmodning"/"request", "alle"/"all", ...) or None for all.
        map_to:    a year such as 2024: add a column ``kommunenr_<year>`` with the code each
                   figure's municipality has in that year (through the dataset's code
                   correspondence; <NA> where a code was split or is unknown), so that a
                   time series crosses municipal reforms.
        """
        q = {}
        if years is not None:
            y0, y1 = (years[0], years[1]) if isinstance(years, (tuple, list)) else (years, years)
            q["year_from"], q["year_to"] = int(y0), int(y1)
        if measure is not None:
            q["measure"] = measure_code(measure)
        if category is not None:
            q["category"] = category_code(category)
        if map_to is None and (kommunenr is not None or county is not None):
            q["area"] = str(kommunenr) if kommunenr is not None else str(county)
        d = _core.regint_dataset_find_settlements(self._handle, q)
        d["measure"] = _named(d["measure"], "measure")
        d["category"] = _named(d["category"], "category")
        d["missing"] = _named(d["missing"], "missing")
        df = pd.DataFrame(d, columns=["kommunenr", "year", "measure", "category", "value",
                                      "missing"])
        if map_to is not None:
            col = f"kommunenr_{int(map_to)}"
            df[col] = self._map_column(df["kommunenr"], df["year"], int(map_to))
            if kommunenr is not None:
                df = df[df[col] == str(kommunenr)]
            elif county is not None:
                df = df[df[col].str.startswith(str(county), na=False)]
            df = df.reset_index(drop=True)
        return df

    def _map_column(self, codes, years, to_year):
        pairs = pd.DataFrame({"k": codes, "y": years}).drop_duplicates()
        mapped = _core.regint_dataset_map_codes(self._handle, list(pairs["k"]),
                                                [int(y) for y in pairs["y"]], to_year)
        table = dict(zip(zip(pairs["k"], pairs["y"]), mapped))
        return pd.array([table[(k, y)] for k, y in zip(codes, years)], dtype="string")

    def indicators(self):
        """The indicator catalogue as a DataFrame."""
        df = pd.DataFrame(_core.regint_dataset_indicators(self._handle),
                          columns=["id", "name_nb", "name_en", "unit", "source", "direction",
                                   "level", "sdg_targets"])
        df["direction"] = _named(df["direction"], "direction")
        df["level"] = _named(df["level"], "level")
        return df

    def observations(self, indicator=None, area=None, map_to=None):
        """Indicator observations in long form (indicator, area, year, category, value,
        missing), optionally of one indicator and of areas starting with ``area`` ("39" for
        a county and its municipalities, "00" for the nation).

        map_to: a year such as 2024: add a column ``area_<year>`` with each municipal area's
        code in that year (county and national areas are kept as they are), and filter
        ``area`` on that column.
        """
        q = {"indicator": indicator or None}
        if map_to is None and area:
            q["area"] = str(area)
        d = _core.regint_dataset_find_observations(self._handle, q)
        d["missing"] = _named(d["missing"], "missing")
        df = pd.DataFrame(d, columns=["indicator", "area", "year", "category", "value",
                                      "missing"])
        if map_to is not None:
            col = f"area_{int(map_to)}"
            mapped = df["area"].astype("string")
            muni = (df["area"].str.len() == 4).to_numpy()
            if muni.any():
                mapped[muni] = self._map_column(df.loc[muni, "area"], df.loc[muni, "year"],
                                                int(map_to))
            df[col] = mapped
            if area is not None:
                df = df[df[col].str.startswith(str(area), na=False)].reset_index(drop=True)
        return df

    def cases(self):
        """Refugee cases (pseudonymous) as a DataFrame: id, family_size, flags, year."""
        return pd.DataFrame(_core.regint_dataset_cases(self._handle),
                            columns=["id", "family_size", "flags", "year"])

    # -- building -----------------------------------------------------------
    def import_csv(self, kind, path):
        """Import a tidy public CSV file (all-or-nothing). ``kind``: one of the C library's
        layouts (``regint.Dataset.CSV_KINDS``: "municipalities_2024", "municipalities_2020",
        "code_changes_2020_2024", "imdi_settlement", "observations", "indicators")."""
        _core.regint_dataset_import_csv(self._handle, _code("csv_kind", kind, "import_csv: kind"),
                                        os.fspath(path))
        self._modified()

    def add_county(self, fylkesnr, name, valid_from, valid_to=YEAR_OPEN):
        _core.regint_dataset_add_county(self._handle, dict(
            fylkesnr=fylkesnr, name=name, valid_from=int(valid_from), valid_to=int(valid_to)))
        self._modified()

    def add_municipality(self, kommunenr, name, fylkesnr, valid_from, valid_to=YEAR_OPEN,
                         centrality=0, kostra_group=""):
        _core.regint_dataset_add_municipality(self._handle, dict(
            kommunenr=kommunenr, name=name, fylkesnr=fylkesnr, valid_from=int(valid_from),
            valid_to=int(valid_to), centrality=int(centrality), kostra_group=kostra_group or ""))
        self._modified()

    def set_population(self, kommunenr, year, persons):
        _core.regint_dataset_set_population(self._handle, kommunenr, int(year), int(persons))
        self._modified()

    def add_code_change(self, from_kommunenr, from_year, to_kommunenr, to_year,
                        kind="renumbered"):
        _core.regint_dataset_add_code_change(self._handle, dict(
            from_kommunenr=from_kommunenr, from_year=int(from_year), to_kommunenr=to_kommunenr,
            to_year=int(to_year), kind=_code("change_kind", _norm(kind), "kind")))
        self._modified()

    def set_settlement(self, kommunenr, year, measure, value, category="alle", missing=None):
        """Add or replace one figure. ``value=None`` needs a ``missing`` reason
        ("suppressed", "not_applicable", "no_decision", "awaiting_decision", "unknown")."""
        miss = _missing_code(missing)
        if value is None and miss == 0:
            miss = _missing_code("unknown")
        _core.regint_dataset_set_settlement(self._handle, dict(
            kommunenr=kommunenr, year=int(year), measure=measure_code(measure),
            category=category_code(category),
            value=float("nan") if value is None or miss else float(value), missing=miss))
        self._modified()

    def add_indicator(self, id, name_nb="", name_en="", unit="", source="", direction="neutral",
                      level="kommune", sdg_targets=""):
        _core.regint_dataset_add_indicator(self._handle, dict(
            id=id, name_nb=name_nb or "", name_en=name_en or "", unit=unit or "",
            source=source or "", direction=_code("direction", _norm(direction), "direction"),
            level=_code("level", _norm(level), "level"), sdg_targets=sdg_targets or ""))
        self._modified()

    def set_observation(self, indicator, area, year, value, category="", missing=None):
        miss = _missing_code(missing)
        if value is None and miss == 0:
            miss = _missing_code("unknown")
        _core.regint_dataset_set_observation(self._handle, dict(
            indicator=indicator, area=area, year=int(year), category=category or "",
            value=float("nan") if value is None or miss else float(value), missing=miss))
        self._modified()

    def add_case(self, id, family_size=1, year=0, flags=0, **flag_kw):
        """Add a pseudonymous refugee case. A fødselsnummer as ``id`` raises
        PersonalDataError. Flags as an int or keywords ``unaccompanied_minor=True``,
        ``family_reunification``, ``resettlement``, ``collective_protection``."""
        f = int(flags)
        for k, v in flag_kw.items():
            if k not in _CASE_FLAGS:
                raise TypeError(f"add_case() got an unexpected keyword argument {k!r}")
            if v:
                f |= _CASE_FLAGS[k]
        _core.regint_dataset_add_case(self._handle, dict(
            id=str(id), family_size=int(family_size), flags=f, year=int(year)))
        self._modified()
