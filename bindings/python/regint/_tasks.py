"""The county's regional tasks: grant schemes (allocation, decisions, follow-up),
collaboration (partners, agreements, meetings, networks, coverage) and the forecast of
career-guidance demand. Every table is a DataFrame filled by one C call."""

import datetime

import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, measure_code
from ._errors import InvalidError

__all__ = ["Grants", "Collaboration", "guidance_forecast", "APPLICANT_KINDS", "GRANT_OUTCOMES",
           "PARTNER_KINDS", "TASKS", "MEETING_KINDS", "GRANT_NEEDS"]

APPLICANT_KINDS = _core.regint_py_enum_names("applicant_kind")
GRANT_OUTCOMES = _core.regint_py_enum_names("grant_outcome")
PARTNER_KINDS = _core.regint_py_enum_names("partner_kind")
TASKS = _core.regint_py_enum_names("task")
MEETING_KINDS = _core.regint_py_enum_names("meeting_kind")
GRANT_NEEDS = ["participants", "amount", "none"]   # regint_grant_need, in enum order


def _name_index(name, names, what):
    n = str(name).strip().lower().replace("-", "_")
    if n not in names:
        raise InvalidError(f"{what}: unknown name {name!r}; expected one of {', '.join(names)}")
    return names.index(n)


def _date(d):
    """An ISO date string from a str, date or datetime (None = today)."""
    if d is None:
        return datetime.date.today().isoformat()
    if isinstance(d, (datetime.date, datetime.datetime)):
        return d.strftime("%Y-%m-%d")
    return str(d)


def _need_dataset(ds):
    if not isinstance(ds, Dataset):
        raise TypeError("expected a regint.Dataset")
    return ds


class Grants:
    """The grant schemes of a dataset (``ds.grants``): schemes, applications, allocation of a
    scheme's budget, decisions, payments, reports and follow-up."""

    def __init__(self, dataset):
        self._ds = _need_dataset(dataset)

    def __repr__(self):
        h = self._ds._handle
        return (f"<regint.Grants: {_core.regint_grants_scheme_count(h)} schemes, "
                f"{_core.regint_grants_application_count(h)} applications>")

    def schemes(self):
        """One row per scheme: id, name, year, budget, call_opens, deadline,
        max_per_application (<NA> = none), rounding_unit, score_max, report_due, criteria
        (tuples of (id, name, weight))."""
        df = pd.DataFrame(_core.regint_py_grant_schemes(self._ds._handle))
        if len(df):
            df["max_per_application"] = pd.array(df["max_per_application"], dtype="Int64")
        return df

    def applications(self, scheme=None):
        """One row per application (optionally of one scheme): applicant, amounts, scores
        (dict by criterion, None = not assessed), decision, payments, report."""
        df = pd.DataFrame(_core.regint_py_grant_applications(self._ds._handle))
        for c in ("participants_reached", "funds_used"):
            if len(df):
                df[c] = pd.array(df[c], dtype="Int64")
        if scheme is not None:
            df = df[df["scheme"] == scheme].reset_index(drop=True)
        return df

    # -- building (each call validates against the whole section; unchanged on failure) --
    def add_scheme(self, id, name, year, budget, deadline, criteria, max_per_application=None,
                   rounding_unit=1, score_max=6.0, call_opens=None, report_due=None):
        """Add a scheme. ``criteria``: a list of (id, name, weight) or a dict
        ``{id: (name, weight)}``; ``max_per_application=None``: no maximum."""
        if isinstance(criteria, dict):
            criteria = [(k, v[0], v[1]) for k, v in criteria.items()]
        crit = [(str(i), str(n), float(w)) for i, n, w in criteria]
        _core.regint_py_grants_add_scheme(
            self._ds._handle, id, name, int(year), int(budget),
            None if call_opens is None else _date(call_opens), _date(deadline),
            -1 if max_per_application is None else int(max_per_application),
            int(rounding_unit), float(score_max),
            None if report_due is None else _date(report_due), crit)
        self._ds._modified()

    def add_application(self, id, scheme, applicant_orgnr, applicant_name, applicant_kind,
                        amount_applied, municipalities, planned_participants=0, received=None,
                        target_group="", scores=None, eligible=True, ineligible_reason=None,
                        report_due=None):
        """Add a pending application. ``scores``: None (not assessed), a list in the
        scheme's criterion order or a dict by criterion id (missing = not assessed).
        The id must not be a fødselsnummer (PersonalDataError); the organisation number
        must be valid (InvalidError)."""
        if isinstance(scores, dict):
            crit = self.schemes().set_index("id").loc[scheme, "criteria"]
            scores = [scores.get(c[0]) for c in crit]
        if scores is not None:
            scores = [None if x is None else float(x) for x in scores]
        _core.regint_py_grants_add_application(
            self._ds._handle, id, scheme, None if received is None else _date(received),
            str(applicant_orgnr), applicant_name,
            _name_index(applicant_kind, APPLICANT_KINDS, "applicant_kind"), int(amount_applied),
            int(planned_participants), target_group or "", [str(k) for k in municipalities],
            1 if eligible else 0, ineligible_reason, scores,
            None if report_due is None else _date(report_due))
        self._ds._modified()

    def score(self, application_id):
        """The weighted mean score of an application; InvalidError names an unassessed
        criterion."""
        return _core.regint_grants_application_score(self._ds._handle, application_id)

    def allocate(self, scheme, unit=None, need="participants", apply=None):
        """Allocate the scheme's budget (Hamilton over score × need, capped at
        min(applied, scheme maximum), in whole units). One row per application of the
        scheme: application_id, eligible, reason, score, need, weight, cap, amount, capped.
        ``attrs``: scheme, budget, unit, allocated, remainder, remainder_reason.
        ``apply="YYYY-MM-DD"`` also records the result as decisions of that date
        (all-or-nothing)."""
        res = _core.regint_py_grants_allocate(
            self._ds._handle, scheme, int(unit or 0), _name_index(need, GRANT_NEEDS, "need"),
            None if apply is None else _date(apply))
        if apply is not None:
            self._ds._modified()
        df = pd.DataFrame(res.pop("columns"))
        df.attrs.update(res)
        return df

    def decide(self, application_id, outcome, amount=0, date=None, reason=None):
        """Record a decision: ``"granted"`` with an amount, ``"refused"`` with a reason, or
        ``"pending"`` to clear it."""
        _core.regint_py_grants_decide(self._ds._handle, application_id,
                                      _name_index(outcome, GRANT_OUTCOMES, "outcome"),
                                      int(amount), _date(date), reason)
        self._ds._modified()

    def add_payment(self, application_id, amount, date=None):
        _core.regint_grants_add_payment(self._ds._handle, application_id, _date(date), int(amount))
        self._ds._modified()

    def set_report(self, application_id, participants_reached, funds_used, date=None):
        _core.regint_grants_set_report(self._ds._handle, application_id, _date(date),
                                       int(participants_reached), int(funds_used))
        self._ds._modified()

    def add_reclaimed(self, application_id, amount):
        _core.regint_grants_add_reclaimed(self._ds._handle, application_id, int(amount))
        self._ds._modified()

    def followup(self, as_of=None, scheme=None):
        """Follow-up of every granted application as of a date (default today): granted,
        paid, used, reclaim_due, report_due, reported, overdue, days_overdue."""
        return pd.DataFrame(_core.regint_py_grants_followup(self._ds._handle, scheme,
                                                            _date(as_of)))

    def overdue_reports(self, as_of=None):
        """Ids of granted applications whose report is overdue, by due date then id."""
        return _core.regint_py_grants_overdue(self._ds._handle, _date(as_of))


class Collaboration:
    """The collaboration section of a dataset (``ds.collaboration``): partners, agreements,
    meetings, networks, and the coverage of the county's municipalities."""

    def __init__(self, dataset):
        self._ds = _need_dataset(dataset)

    def _all(self):
        return _core.regint_py_collaboration(self._ds._handle)

    def __repr__(self):
        a = self._all()
        return (f"<regint.Collaboration county={a['county']!r} year={a['year']}: "
                f"{len(a['partners']['id'])} partners, {len(a['agreements']['id'])} agreements, "
                f"{len(a['meetings']['id'])} meetings, {len(a['networks']['id'])} networks>")

    @property
    def county(self):
        return self._all()["county"]

    @property
    def year(self):
        return self._all()["year"]

    # -- building (each call validates; the dataset is unchanged on failure) ----------
    def set_scope(self, county, year):
        """Set the section's county and the year its kommunenr are valid in (creates it)."""
        _core.regint_collaboration_set_scope(self._ds._handle, str(county), int(year))
        self._ds._modified()

    def add_partner(self, id, name, orgnr, kind, municipalities=()):
        _core.regint_py_collaboration_add_partner(
            self._ds._handle, id, name, str(orgnr), _name_index(kind, PARTNER_KINDS, "kind"),
            [str(k) for k in municipalities])
        self._ds._modified()

    def add_agreement(self, id, title, task, parties, valid_from, valid_to=None):
        _core.regint_py_collaboration_add_agreement(
            self._ds._handle, id, title, _name_index(task, TASKS, "task"), list(parties),
            _date(valid_from), None if valid_to is None else _date(valid_to))
        self._ds._modified()

    def add_network(self, id, name, task, members=()):
        """``members``: (partner_id, role[, since[, until]]) — a ROLE, never a person (a role
        that looks like a fødselsnummer or an e-mail address is refused)."""
        mem = []
        for m in members:
            m = list(m) + [None] * (4 - len(m))
            mem.append((m[0], m[1], None if m[2] is None else _date(m[2]),
                        None if m[3] is None else _date(m[3])))
        _core.regint_py_collaboration_add_network(self._ds._handle, id, name,
                                                  _name_index(task, TASKS, "task"), mem)
        self._ds._modified()

    def add_meeting(self, id, date, topic, task, kind="meeting", participants=(),
                    network=None, competence_raising=None):
        """``participants``: (partner_id[, kommunenr[, persons]]). ``competence_raising``
        defaults to True for gatherings."""
        k = _name_index(kind, MEETING_KINDS, "kind")
        if competence_raising is None:
            competence_raising = MEETING_KINDS[k] == "gathering"
        parts = []
        for p in participants:
            p = list(p) + [None] * (3 - len(p))
            parts.append((p[0], None if p[1] is None else str(p[1]), int(p[2] or 0)))
        _core.regint_py_collaboration_add_meeting(
            self._ds._handle, id, _date(date), topic, _name_index(task, TASKS, "task"), k,
            1 if competence_raising else 0, network, parts)
        self._ds._modified()

    def partners(self):
        """id, name, orgnr, kind, municipalities (tuple of kommunenr)."""
        return pd.DataFrame(self._all()["partners"])

    def agreements(self):
        """id, title, task, parties (tuple of partner ids), valid_from, valid_to (None = open)."""
        return pd.DataFrame(self._all()["agreements"])

    def meetings(self):
        """id, date, topic, task, kind, competence_raising, network, participants (count),
        persons (sum of recorded persons)."""
        return pd.DataFrame(self._all()["meetings"])

    def participants(self):
        """Long form: meeting, partner, kommunenr (None = the partner's own), persons (<NA>
        = not recorded)."""
        df = pd.DataFrame(self._all()["participants"])
        df["persons"] = pd.array(df["persons"], dtype="Int64")
        return df

    def networks(self):
        """id, name, task, members (count)."""
        return pd.DataFrame(self._all()["networks"])

    def members(self, network=None):
        """Long form: network, partner, role (never a person), since, until (None = still)."""
        df = pd.DataFrame(self._all()["members"])
        if network is not None:
            df = df[df["network"] == network].reset_index(drop=True)
        return df

    def coverage(self, network=None, task=None, as_of=None, county=None):
        """Coverage of the county's municipalities on ``as_of`` (default today) by one
        ``network`` or for one ``task`` (its networks and agreements): kommunenr, name,
        covered, since (None if not covered or since before the records), via.
        ``attrs``: county, as_of, covered_count."""
        if (network is None) == (task is None):
            raise TypeError("coverage: give exactly one of network= or task=")
        res = _core.regint_py_coverage(
            self._ds._handle, network, -1 if task is None else _name_index(task, TASKS, "task"),
            county, _date(as_of))
        df = pd.DataFrame(res.pop("columns"))
        df.attrs.update(res)
        return df

    def gatherings(self, months=12, as_of=None, county=None):
        """Attendance at competence-raising meetings in the ``months`` months up to
        ``as_of``: kommunenr, name, attended, last_attended. ``attrs``: county, as_of, after,
        months, absent_count."""
        res = _core.regint_py_gatherings(self._ds._handle, county, int(months), _date(as_of))
        df = pd.DataFrame(res.pop("columns"))
        df.attrs.update(res)
        return df


def guidance_forecast(dataset, county, year, adult_share=None, intro_share=None,
                      sessions_per_person=None, monthly_profile=None, lag_months=None,
                      measure=None, fallback_to_request=None, centres=None, inputs=None):
    """Career-guidance sessions per centre and month for ``county`` in ``year``.

    Returns a DataFrame indexed by centre id with one column per month (1..12) of sessions;
    ``attrs["centres"]`` (name, total, persons, carried_in, carried_over per centre),
    ``attrs["municipalities"]`` (kommunenr, settled, source, centre), ``attrs["county"]``,
    ``attrs["year"]`` and ``attrs["carried_in_complete"]``.

    Parameters left None keep the library's documented defaults (ASSUMPTIONS, see
    docs/tasks.md). ``centres``: a dict ``{id: (name, [kommunenr, ...])}`` or a list of
    ``(id, name, [kommunenr, ...])``; default the dataset's career centres. ``inputs``: a
    dict ``{kommunenr: persons}`` (or a Series) to forecast from, e.g. a recommendation.
    """
    nan = float("nan")
    if centres is not None:
        if isinstance(centres, dict):
            centres = [(k, v[0], v[1]) for k, v in centres.items()]
        centres = [(str(i), str(n), [str(k) for k in ms]) for i, n, ms in centres]
        centres = [tuple(c) for c in centres]
    ik = ip = None
    if inputs is not None:
        items = list(dict(inputs).items())
        ik = [str(k) for k, _ in items]
        ip = [int(v) for _, v in items]
    res = _core.regint_py_guidance(
        _need_dataset(dataset)._handle, str(county), int(year),
        nan if adult_share is None else float(adult_share),
        nan if intro_share is None else float(intro_share),
        nan if sessions_per_person is None else float(sessions_per_person),
        None if monthly_profile is None else [float(x) for x in monthly_profile],
        -1 if lag_months is None else int(lag_months),
        -1 if measure is None else measure_code(measure),
        -1 if fallback_to_request is None else (1 if fallback_to_request else 0),
        centres, ik, ip)
    c = pd.DataFrame(res["centres"])
    sessions = pd.DataFrame(list(c["sessions"]), index=pd.Index(c["centre"], name="centre"),
                            columns=pd.RangeIndex(1, 13, name="month"))
    info = c.drop(columns=["sessions"]).set_index("centre")
    sessions.attrs.update({"county": res["county"], "year": res["year"],
                           "carried_in_complete": res["carried_in_complete"],
                           "centres": info,
                           "municipalities": pd.DataFrame(res["municipalities"])})
    return sessions
