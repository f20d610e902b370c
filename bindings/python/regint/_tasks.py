"""The county's regional tasks: grant schemes (allocation, decisions, follow-up),
collaboration (partners, agreements, meetings, networks, coverage) and the forecast of
career-guidance demand. Every table is a DataFrame filled by one C call."""

import datetime

import pandas as pd

from . import regint_core as _core
from ._dataset import Dataset, measure_code
from ._errors import InvalidError
from ._names import names

__all__ = ["Grants", "Collaboration", "guidance_forecast", "APPLICANT_KINDS", "GRANT_OUTCOMES",
           "PARTNER_KINDS", "TASKS", "MEETING_KINDS", "GRANT_NEEDS"]

APPLICANT_KINDS = list(names("applicant_kind"))
GRANT_OUTCOMES = list(names("grant_outcome"))
PARTNER_KINDS = list(names("partner_kind"))
TASKS = list(names("task"))
MEETING_KINDS = list(names("meeting_kind"))
GRANT_NEEDS = list(names("grant_need"))


_NO_MAXIMUM = 2**63 - 1  # INT64_MAX: the C library's "no maximum per application"


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
        (tuples of (id, name, weight)), result_target (share of participants in work or
        education the scheme aims at; 0 = none)."""
        d = _core.regint_grants_schemes(self._ds._handle)
        d["max_per_application"] = [None if m == _NO_MAXIMUM else m
                                    for m in d["max_per_application"]]
        df = pd.DataFrame(d)
        if len(df):
            df["max_per_application"] = pd.array(df["max_per_application"], dtype="Int64")
        return df

    def applications(self, scheme=None):
        """One row per application (optionally of one scheme): applicant, amounts, scores
        (dict by criterion, None = not assessed), decision, payments, report, status_reports
        (tuples of (date, period, summary, participants so far or None), in the order
        received)."""
        h = self._ds._handle
        d = _core.regint_grants_applications(h)
        schemes = _core.regint_grants_schemes(h)
        crit = dict(zip(schemes["id"], ([c[0] for c in cs] for cs in schemes["criteria"])))
        due = dict(zip(schemes["id"], schemes["report_due"]))
        n = len(d["id"])
        d["scheme"] = d.pop("scheme_id")
        d["applicant_kind"] = [APPLICANT_KINDS[k] for k in d["applicant_kind"]]
        d["outcome"] = [GRANT_OUTCOMES[k] for k in d["outcome"]]
        d["scores"] = [{c: (None if v != v else v) for c, v in zip(crit.get(sc, ()), scores or ())}
                       for sc, scores in zip(d["scheme"], d["scores"])]
        d["paid"] = [sum(pay[1] for pay in p) for p in d["payments"]]
        d["report_due"] = [r if r is not None else due.get(sc)
                           for r, sc in zip(d["report_due"], d["scheme"])]
        for c in ("participants_reached", "funds_used"):
            d[c] = [v if d["reported"][i] else None for i, v in enumerate(d[c])]
        for c in ("results_work", "results_education"):
            d[c] = [v if d["has_results"][i] else None for i, v in enumerate(d[c])]
        d["status_reports"] = [tuple((r[0], r[1], r[2], None if r[3] < 0 else r[3]) for r in rs or ())
                               for rs in d["status_reports"]]
        cols = ["id", "scheme", "received", "applicant_orgnr", "applicant_name", "applicant_kind",
                "amount_applied", "planned_participants", "target_group", "municipalities",
                "eligible", "ineligible_reason", "scores", "outcome", "amount_granted",
                "decision_date", "decision_reason", "paid", "payments", "report_due", "reported",
                "report_date", "participants_reached", "funds_used", "results_work",
                "results_education", "amount_reclaimed", "status_reports"]
        df = pd.DataFrame({c: d[c] for c in cols} if n else {c: [] for c in cols}, columns=cols)
        for c in ("participants_reached", "funds_used", "results_work", "results_education"):
            if len(df):
                df[c] = pd.array(df[c], dtype="Int64")
        if scheme is not None:
            df = df[df["scheme"] == scheme].reset_index(drop=True)
        return df

    # -- building (each call validates against the whole section; unchanged on failure) --
    def add_scheme(self, id, name, year, budget, deadline, criteria, max_per_application=None,
                   rounding_unit=1, score_max=6.0, call_opens=None, report_due=None,
                   result_target=None):
        """Add a scheme. ``criteria``: a list of (id, name, weight) or a dict
        ``{id: (name, weight)}``; ``max_per_application=None``: no maximum;
        ``result_target``: share of participants in work or education aimed at (e.g. 0.6),
        None = none."""
        if isinstance(criteria, dict):
            criteria = [(k, v[0], v[1]) for k, v in criteria.items()]
        crit = [(i, n, float(w)) for i, n, w in criteria]
        _core.regint_grants_add_scheme(self._ds._handle, dict(
            id=id, name=name, year=year, budget=budget,
            call_opens=None if call_opens is None else _date(call_opens), deadline=_date(deadline),
            max_per_application=(_NO_MAXIMUM if max_per_application is None
                                 else max_per_application),
            rounding_unit=rounding_unit, score_max=float(score_max),
            report_due=None if report_due is None else _date(report_due), criteria=crit,
            result_target=0.0 if result_target is None else float(result_target)))
        self._ds._modified()

    def add_application(self, id, scheme, applicant_orgnr, applicant_name, applicant_kind,
                        amount_applied, municipalities, planned_participants=0, received=None,
                        target_group="", scores=None, eligible=True, ineligible_reason=None,
                        report_due=None):
        """Add a pending application. ``scores``: None (not assessed), a list in the
        scheme's criterion order or a dict by criterion id (missing = not assessed).
        The id must not be a fødselsnummer (PersonalDataError); the organisation number
        must be valid (InvalidError)."""
        crit = _core.regint_grants_scheme(self._ds._handle, scheme)["criteria"]
        if isinstance(scores, dict):
            scores = [scores.get(c[0]) for c in crit]
        if scores is None:
            scores = [None] * len(crit)           # not assessed
        scores = [None if x is None else float(x) for x in scores]
        if len(scores) != len(crit):
            raise InvalidError(f"grants: application {id}: {len(scores)} scores for "
                               f"{len(crit)} criteria")
        _core.regint_grants_add_application(self._ds._handle, dict(
            id=id, scheme_id=scheme, received=None if received is None else _date(received),
            applicant_orgnr=applicant_orgnr, applicant_name=applicant_name,
            applicant_kind=_name_index(applicant_kind, APPLICANT_KINDS, "applicant_kind"),
            amount_applied=amount_applied, planned_participants=planned_participants,
            target_group=target_group or "", municipalities=list(municipalities),
            eligible=bool(eligible), ineligible_reason=ineligible_reason, scores=scores,
            outcome=_core.REGINT_GRANT_PENDING,
            report_due=None if report_due is None else _date(report_due)))
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
        h, res = _core.regint_grants_allocate(self._ds._handle, scheme, dict(
            unit=int(unit or 0), need=_name_index(need, GRANT_NEEDS, "need")))
        if apply is not None:
            _core.regint_grants_apply_allocation(self._ds._handle, h, _date(apply))
            self._ds._modified()
        cols = ["application_id", "eligible", "reason", "score", "need", "weight", "cap",
                "amount", "capped"]
        df = pd.DataFrame({c: list(res[c]) for c in cols}, columns=cols)
        df.attrs.update({"scheme": res["scheme_id"], "budget": res["budget"], "unit": res["unit"],
                         "allocated": res["allocated"], "remainder": res["remainder"],
                         "remainder_reason": res["remainder_reason"]})
        return df

    def decide(self, application_id, outcome, amount=0, date=None, reason=None):
        """Record a decision: ``"granted"`` with an amount, ``"refused"`` with a reason, or
        ``"pending"`` to clear it."""
        _core.regint_grants_decide(self._ds._handle, application_id,
                                      _name_index(outcome, GRANT_OUTCOMES, "outcome"),
                                      amount, _date(date), reason)
        self._ds._modified()

    def set_score(self, application_id, criterion, score):
        """Record the score of one assessment criterion (``float("nan")`` = not assessed)."""
        _core.regint_grants_set_score(self._ds._handle, application_id, criterion, float(score))
        self._ds._modified()

    def add_payment(self, application_id, amount, date=None, final=False):
        """A part payment, or with ``final=True`` the final payment (one per application,
        nothing is paid after it)."""
        if not isinstance(final, bool):
            raise TypeError(f"final: expected True or False, got {type(final).__name__}")
        pay = _core.regint_grants_add_final_payment if final else _core.regint_grants_add_payment
        pay(self._ds._handle, application_id, _date(date), amount)
        self._ds._modified()

    def add_status_report(self, application_id, date=None, summary=None, period=None,
                          participants=None):
        """A status report received during the project (apart from the final report of
        set_report): date (default today), optional text summary (no fødselsnummer), period
        covered and participants so far. Refused after the final report."""
        _core.regint_grants_add_status_report(self._ds._handle, application_id, dict(
            date=_date(date), period=period, summary=summary,
            participants=-1 if participants is None else participants))
        self._ds._modified()

    def set_report(self, application_id, participants_reached, funds_used, date=None):
        _core.regint_grants_set_report(self._ds._handle, application_id, _date(date),
                                       participants_reached, funds_used)
        self._ds._modified()

    def set_results(self, application_id, in_work, in_education):
        """Results per participant of the final report (after set_report): participants in
        work and in education after the project, each counted once."""
        _core.regint_grants_set_results(self._ds._handle, application_id, in_work, in_education)
        self._ds._modified()

    def add_reclaimed(self, application_id, amount):
        _core.regint_grants_add_reclaimed(self._ds._handle, application_id, amount)
        self._ds._modified()

    def followup(self, as_of=None, scheme=None):
        """Follow-up of every granted application as of a date (default today): granted,
        paid, used, reclaim_due, report_due, reported, overdue, days_overdue, status_reports
        (how many were received), and the results
        per participant: in_work_or_education (<NA> without results), result_share (NaN
        without), result_target (NaN = none), target_met (True/False, <NA> = no target)."""
        d = _core.regint_grants_followup(self._ds._handle, scheme, _date(as_of))
        d["scheme"] = d.pop("scheme_id")
        d["in_work_or_education"] = pd.array([n if r else None for n, r in
                                              zip(d["in_work_or_education"], d["has_results"])],
                                             dtype="Int64")
        d["result_target"] = [t if t > 0 else float("nan") for t in d["result_target"]]
        d["target_met"] = pd.array([None if m < 0 else bool(m) for m in d["target_met"]],
                                   dtype="boolean")
        return pd.DataFrame(d, columns=["application_id", "scheme", "granted", "paid", "used",
                                        "reclaim_due", "report_due", "reported", "overdue",
                                        "days_overdue", "in_work_or_education", "result_share",
                                        "result_target", "target_met", "status_reports"])

    def overdue_reports(self, as_of=None, scheme=None):
        """Ids of granted applications whose report is overdue, by due date then id
        (optionally of one scheme)."""
        ids = list(_core.regint_grants_overdue_reports(self._ds._handle, _date(as_of)))
        if scheme is None:
            return ids
        keep = set(self._apps(scheme)["id"])
        return [i for i in ids if i in keep]

    def _apps(self, scheme):
        """applications(scheme), with an unknown scheme refused (NotFoundError) as the CLI does."""
        if scheme is not None:
            _core.regint_grants_scheme(self._ds._handle, scheme)
        return self.applications(scheme=scheme)

    def list(self, scheme=None, status=None, due_before=None):
        """Applications as ``regint grants list`` selects them: of one scheme, in one decision
        state (``status``: pending, granted, refused) and/or with a report due before a date.
        The columns of applications()."""
        df = self._apps(scheme)
        if status is not None:
            df = df[df["outcome"] == GRANT_OUTCOMES[_name_index(status, GRANT_OUTCOMES, "status")]]
        if due_before is not None:
            before = datetime.date.fromisoformat(_date(due_before))
            due = [d is not None and datetime.date.fromisoformat(d) < before for d in df["report_due"]]
            df = df[due]
        return df.reset_index(drop=True)

    def remind(self, days=60, as_of=None, scheme=None):
        """Granted applications not yet reported whose report is due from ``as_of`` (default
        today) to ``days`` days later, as ``regint grants remind`` (for a mail merge): columns
        application, scheme, orgnr, applicant, report_due, days_left; in file order."""
        if isinstance(days, bool) or not isinstance(days, int):
            raise TypeError(f"days: expected an integer, got {type(days).__name__}")
        if not 0 <= days <= 36600:
            raise ValueError(f"days: must be in 0..36600, got {days}")
        today = datetime.date.fromisoformat(_date(as_of))
        rows = []
        for _, a in self._apps(scheme).iterrows():
            if a["outcome"] != "granted" or a["reported"] or a["report_due"] is None:
                continue
            left = (datetime.date.fromisoformat(a["report_due"]) - today).days
            if 0 <= left <= days:
                rows.append((a["id"], a["scheme"], a["applicant_orgnr"], a["applicant_name"],
                             a["report_due"], left))
        return pd.DataFrame(rows, columns=["application", "scheme", "orgnr", "applicant",
                                           "report_due", "days_left"])


class Collaboration:
    """The collaboration section of a dataset (``ds.collaboration``): partners, agreements,
    meetings, networks, and the coverage of the county's municipalities."""

    def __init__(self, dataset):
        self._ds = _need_dataset(dataset)

    def _all(self):
        h = self._ds._handle
        p = _core.regint_collaboration_partners(h)
        p["kind"] = [PARTNER_KINDS[k] for k in p["kind"]]
        a = _core.regint_collaboration_agreements(h)
        a["task"] = [TASKS[t] for t in a["task"]]
        m = _core.regint_collaboration_meetings(h)
        q = {"meeting": [], "partner": [], "kommunenr": [], "persons": []}
        for mid, parts in zip(m["id"], m["participants"]):
            for partner, kommunenr, persons in parts:
                q["meeting"].append(mid)
                q["partner"].append(partner)
                q["kommunenr"].append(kommunenr)
                q["persons"].append(persons if persons > 0 else None)   # 0: not recorded
        m["task"] = [TASKS[t] for t in m["task"]]
        m["kind"] = [MEETING_KINDS[k] for k in m["kind"]]
        m["network"] = m.pop("network_id")
        m["persons"] = [sum(x[2] for x in parts) for parts in m["participants"]]
        m["participants"] = [len(parts) for parts in m["participants"]]
        nw = _core.regint_collaboration_networks(h)
        w = {"network": [], "partner": [], "role": [], "since": [], "until": []}
        for nid, members in zip(nw["id"], nw["members"]):
            for partner, role, since, until in members:
                for k, v in zip(w, (nid, partner, role, since, until)):
                    w[k].append(v)
        nw["task"] = [TASKS[t] for t in nw["task"]]
        nw["members"] = [len(x) for x in nw["members"]]
        return {"county": _core.regint_collaboration_county(h),
                "year": _core.regint_collaboration_year(h), "partners": p, "agreements": a,
                "meetings": {k: m[k] for k in ("id", "date", "topic", "task", "kind",
                                               "competence_raising", "network", "participants",
                                               "persons")},
                "networks": nw, "members": w, "participants": q}

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
        _core.regint_collaboration_set_scope(self._ds._handle, county, year)
        self._ds._modified()

    def add_partner(self, id, name, orgnr, kind, municipalities=()):
        _core.regint_collaboration_add_partner(self._ds._handle, dict(
            id=id, name=name, orgnr=orgnr, kind=_name_index(kind, PARTNER_KINDS, "kind"),
            municipalities=list(municipalities)))
        self._ds._modified()

    def add_agreement(self, id, title, task, parties, valid_from, valid_to=None):
        _core.regint_collaboration_add_agreement(self._ds._handle, dict(
            id=id, title=title, task=_name_index(task, TASKS, "task"), parties=list(parties),
            valid_from=_date(valid_from), valid_to=None if valid_to is None else _date(valid_to)))
        self._ds._modified()

    def add_network(self, id, name, task, members=()):
        """``members``: (partner_id, role[, since[, until]]) — a ROLE, never a person (a role
        that looks like a fødselsnummer or an e-mail address is refused)."""
        mem = []
        for m in members:
            m = list(m) + [None] * (4 - len(m))
            mem.append((m[0], m[1], None if m[2] is None else _date(m[2]),
                        None if m[3] is None else _date(m[3])))
        _core.regint_collaboration_add_network(self._ds._handle, dict(
            id=id, name=name, task=_name_index(task, TASKS, "task"), members=mem))
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
        _core.regint_collaboration_add_meeting(self._ds._handle, dict(
            id=id, date=_date(date), topic=topic, task=_name_index(task, TASKS, "task"), kind=k,
            competence_raising=bool(competence_raising), network_id=network, participants=parts))
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
        h = self._ds._handle
        if network is not None:
            res = _core.regint_collaboration_coverage_network(h, network, county, _date(as_of))
        else:
            res = _core.regint_collaboration_coverage_task(h, _name_index(task, TASKS, "task"),
                                                          county, _date(as_of))
        cols = ["kommunenr", "name", "covered", "since", "via"]
        df = pd.DataFrame({c: list(res[c]) for c in cols}, columns=cols)
        df.attrs.update({"county": res["fylkesnr"], "as_of": res["as_of"],
                         "covered_count": res["covered_count"]})
        return df

    def gatherings(self, months=12, as_of=None, county=None):
        """Attendance at competence-raising meetings in the ``months`` months up to
        ``as_of``: kommunenr, name, attended, last_attended. ``attrs``: county, as_of, after,
        months, absent_count."""
        res = _core.regint_collaboration_attendance(self._ds._handle, county, months,
                                                    _date(as_of))
        cols = ["kommunenr", "name", "attended", "last_attended"]
        df = pd.DataFrame({c: list(res[c]) for c in cols}, columns=cols)
        df.attrs.update({"county": res["fylkesnr"], "as_of": res["as_of"], "after": res["after"],
                         "months": res["months"], "absent_count": res["absent_count"]})
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
    opts = {}
    for key, v, conv in (("adult_share", adult_share, float), ("intro_share", intro_share, float),
                         ("sessions_per_person", sessions_per_person, float),
                         ("lag_months", lag_months, int), ("fallback_to_request",
                                                           fallback_to_request, bool)):
        if v is not None:
            opts[key] = conv(v)
    if measure is not None:
        opts["measure"] = measure_code(measure)
    if monthly_profile is not None:
        opts["monthly_profile"] = [float(x) for x in monthly_profile]
    if centres is not None:
        if isinstance(centres, dict):
            centres = [(k, v[0], v[1]) for k, v in centres.items()]
        opts["centres"] = [(i, n, list(ms)) for i, n, ms in centres]
    if inputs is not None:
        items = list(dict(inputs).items())
        opts["input_kommunenr"] = [k for k, _ in items]
        opts["input_persons"] = [v for _, v in items]
    res = _core.regint_guidance_forecast(_need_dataset(dataset)._handle, county, year,
                                         opts)
    ids = list(res["centre_id"])
    sessions = pd.DataFrame([res["sessions"][12 * i:12 * i + 12] for i in range(len(ids))],
                            index=pd.Index(ids, name="centre"),
                            columns=pd.RangeIndex(1, 13, name="month"))
    info = pd.DataFrame({"name": list(res["centre_name"]), "total": list(res["total"]),
                         "persons": list(res["persons"]), "carried_in": list(res["carried_in"]),
                         "carried_over": list(res["carried_over"])},
                        index=pd.Index(ids, name="centre"))
    munis = pd.DataFrame({"kommunenr": list(res["kommunenr"]), "settled": list(res["settled"]),
                          "source": list(res["source"]),
                          "centre": [ids[c] if c < len(ids) else None for c in res["centre_of"]]})
    sessions.attrs.update({"county": res["fylkesnr"], "year": res["year"],
                           "carried_in_complete": res["carried_in_complete"],
                           "centres": info, "municipalities": munis})
    return sessions
