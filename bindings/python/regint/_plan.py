"""The plan for qualification (goals, measures, indicators with baselines and targets, progress)
and the county report (Markdown / HTML)."""

import os

import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, _missing_names
from ._errors import NotFoundError
from ._letter import _lang_code
from ._names import names

__all__ = ["Plan", "render_report", "write_report"]


class Plan:
    """A plan for qualification (``regint_plan``, an owned handle freed with the object).

    ``Plan.load(path)``, ``Plan.from_json(text)``, ``Plan.from_dataset(ds)`` or
    ``Plan(id, title, fylkesnr, first_year, last_year)`` and the ``add_*`` methods. Tables
    (``goals``, ``measures``, ``indicators``) are DataFrames (copies)."""

    def __init__(self, id=None, title=None, fylkesnr=None, first_year=None, last_year=None,
                 area_year=0, example=False, note="", _handle=None):
        if _handle is None:
            if None in (id, title, fylkesnr, first_year, last_year):
                raise TypeError("Plan(id, title, fylkesnr, first_year, last_year) are required")
            _handle = _core.regint_plan_new(dict(
                id=id, title=title, fylkesnr=fylkesnr, first_year=first_year,
                last_year=last_year, area_year=int(area_year or 0), example=bool(example),
                note=note or ""))
        self._h = _handle

    # -- files --------------------------------------------------------------
    @classmethod
    def load(cls, path):
        """Load a plan JSON file (all-or-nothing; errors name the file and JSON path)."""
        return cls(_handle=_core.regint_plan_load_file(os.fspath(path)))

    @classmethod
    def from_json(cls, text, name="<string>"):
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls(_handle=_core.regint_plan_load_string(text, name))

    @classmethod
    def from_dataset(cls, dataset, index=0):
        """A copy of plan ``index`` of the dataset's "qualification" section."""
        n = _core.regint_plan_dataset_count(dataset._handle)
        if not -n <= index < n:
            raise NotFoundError(f"plan index {index} out of range: the dataset has {n} plans")
        return cls(_handle=_core.regint_plan_copy(
            _core.regint_plan_dataset_at(dataset._handle, index % n)))

    @staticmethod
    def count_in(dataset):
        """Number of plans kept in the dataset."""
        return _core.regint_plan_dataset_count(dataset._handle)

    def save(self, path, force=False):
        """Save as canonical JSON, atomically (as ``Dataset.save``). A plan loaded from
        ``path`` refuses with ``regint.ConflictError`` to overwrite it when the file changed on
        disk since it was loaded (another program saved it), unless ``force=True``."""
        if not isinstance(force, bool):
            raise TypeError(f"force: expected True or False, got {type(force).__name__}")
        _core.regint_plan_save_file_opts(self._h, os.fspath(path), {"force": force})

    def to_json(self):
        return _core.regint_plan_to_string(self._h)

    def copy(self):
        return Plan(_handle=_core.regint_plan_copy(self._h))

    def add_to(self, dataset):
        """Store a copy of the plan in the dataset (replacing a plan with the same id)."""
        _core.regint_plan_add_to_dataset(dataset._handle, self._h)
        dataset._modified()

    def check(self, dataset):
        """Check the plan against a dataset (county, area codes and indicators exist);
        raises InvalidError/NotFoundError naming the place."""
        _core.regint_plan_check(self._h, dataset._handle)

    # -- contents -----------------------------------------------------------
    def _tables(self):
        return {"info": self.info, "goals": _core.regint_plan_goals(self._h),
                "measures": _core.regint_plan_measures(self._h),
                "indicators": _core.regint_plan_indicators(self._h)}

    @property
    def info(self):
        """id, title, fylkesnr, first_year, last_year, area_year, example, note (a dict)."""
        return _core.regint_plan_info(self._h)

    @property
    def goals(self):
        return pd.DataFrame(_core.regint_plan_goals(self._h))

    @property
    def measures(self):
        return pd.DataFrame(_core.regint_plan_measures(self._h))

    @property
    def indicators(self):
        return pd.DataFrame(_core.regint_plan_indicators(self._h))

    def add_goal(self, id, title, description="", sdg_targets=""):
        _core.regint_plan_add_goal(self._h, dict(id=id, title=title, description=description or "",
                                                 sdg_targets=sdg_targets or ""))

    def add_measure(self, id, goal, title, start_year, end_year, partner_orgnr="",
                    partner_name=""):
        _core.regint_plan_add_measure(self._h, dict(
            id=id, goal=goal, title=title, partner_orgnr=partner_orgnr or "",
            partner_name=partner_name or "", start_year=start_year, end_year=end_year))

    def add_indicator(self, goal, indicator, baseline_year, baseline, target_year, target,
                      area="", category=""):
        _core.regint_plan_add_indicator(self._h, dict(
            goal=goal, indicator=indicator, area=area or "", category=category or "",
            baseline_year=baseline_year, baseline=float(baseline),
            target_year=target_year, target=float(target)))

    def progress(self, kb, as_of_year=0):
        """Progress of every plan indicator as of ``as_of_year`` (0 = the latest data),
        judged with a :class:`regint.KnowledgeBase` (or a Dataset, wrapped in one): the
        plan's indicator table plus ``status`` ("no_data", "on_track", "behind",
        "achieved"), ``year``, ``value``, ``expected``, ``share_of_target``,
        ``latest_missing``."""
        from ._kb import KnowledgeBase
        if isinstance(kb, Dataset):
            kb = KnowledgeBase(kb)
        h = kb._kb()
        p = pd.DataFrame([_core.regint_plan_progress(self._h, i, h, as_of_year)
                          for i in range(_core.regint_plan_indicator_count(self._h))],
                         columns=["status", "year", "value", "expected", "share_of_target",
                                  "latest_missing"])
        p["status"] = [names("progress")[s] for s in p["status"]]
        p["year"] = [y or None for y in p["year"]]   # 0: no value judged
        p["latest_missing"] = [_missing_names()[m] for m in p["latest_missing"]]
        p["year"] = pd.array(p["year"], dtype="Int64")
        return pd.concat([self.indicators, p], axis=1)

    def __len__(self):
        return len(self._tables()["indicators"]["goal"])

    def __repr__(self):
        t = self._tables()
        i = t["info"]
        return (f"<regint.Plan id={i['id']!r} fylkesnr={i['fylkesnr']!r} "
                f"{i['first_year']}-{i['last_year']}: {len(t['goals']['id'])} goals, "
                f"{len(t['measures']['id'])} measures, {len(t['indicators']['goal'])} indicators>")


def _report(dataset, county, year, history_years, trend_years, plan, charts, fmt, directory, lang):
    fmts = {"markdown": _core.REGINT_REPORT_MARKDOWN, "md": _core.REGINT_REPORT_MARKDOWN,
            "html": _core.REGINT_REPORT_HTML}
    if fmt not in fmts:
        raise ValueError(f"format must be 'markdown' or 'html', not {fmt!r}")
    opts = {"year": int(year or 0), "charts": 1 if charts else 0,
            "plan": None if plan is None else plan._h, "lang": _lang_code(lang)}
    if history_years:
        opts["history_years"] = history_years
    if trend_years:
        opts["trend_years"] = trend_years
    if directory is None:
        return _core.regint_report_render(dataset._handle, county, fmts[fmt], opts)
    return tuple(_core.regint_report_write(dataset._handle, county, directory, opts))


def render_report(dataset, county, year=0, format="markdown", history_years=10, trend_years=5,
                  plan=None, charts=True, lang="nb"):
    """The county report as text (Markdown or one HTML page with inline SVG charts).
    ``year=0``: the latest year with settlement figures; ``plan=None``: the dataset's plans
    for the county; ``lang``: "nb" (bokmål), "nn" (nynorsk) or "en" (English)."""
    return _report(dataset, county, year, history_years, trend_years, plan, charts, format, None, lang)


def write_report(dataset, county, directory, year=0, history_years=10, trend_years=5,
                 plan=None, charts=True, lang="nb"):
    """Write the report as Markdown and HTML into ``directory`` (atomically); returns the
    two paths (markdown, html)."""
    return _report(dataset, county, year, history_years, trend_years, plan, charts, "markdown",
                   os.fspath(directory), lang)
