"""regint — regional integration work of Norwegian counties, from Python.

A thin, Pythonic layer over the C library (SWIG module ``regint.regint_core``):

* every failing call raises a :class:`regint.Error` subclass (one per C status code)
  whose message is the library's (file, place, rule);
* tables come back as pandas DataFrames, filled in one call per table;
* handles free themselves; records borrowed from a dataset keep it alive.

Start with ``ds = regint.load_default()`` (the bundled real public data),
``regint.KnowledgeBase(ds)``, ``regint.apportion([...], total)``, ``ds.grants``,
``ds.collaboration`` and ``regint.guidance_forecast(ds, ...)``. See docs/python.md.
"""

from . import regint_core as _core
from ._errors import (Error, InvalidError, OutOfMemoryError, FileError, ParseError,
                      NotFoundError, InfeasibleError, DuplicateError, PersonalDataError,
                      VersionError, RangeError, ConflictError, StaleHandleError, error_class)

#: Run-time version of the C library, "MAJOR.MINOR.PATCH".
__version__ = _core.regint_version()

#: The C modules wrapped (all of them, in every build).
modules = ["common", "validate", "dataset", "apportion", "settlement", "settlement_gap", "match",
           "kb", "plan", "report", "grants", "collaboration", "guidance", "lang", "letter"]

__all__ = [
    "__version__", "modules", "version", "strerror", "last_error",
    "check_identifier", "looks_like_fodselsnummer", "kommunenr_format_ok",
    "fylkesnr_format_ok", "orgnr_valid",
    "Error", "InvalidError", "OutOfMemoryError", "FileError", "ParseError", "NotFoundError",
    "InfeasibleError", "DuplicateError", "PersonalDataError", "VersionError", "RangeError", "ConflictError",
    "StaleHandleError", "error_class",
]


def version():
    """The run-time version of the C library as a (major, minor, patch) tuple."""
    n = _core.regint_version_number()
    return (n // 10000, n // 100 % 100, n % 100)


def strerror(status):
    """Name and meaning of a status code, e.g. ``"REGINT_EINVAL: invalid argument or value"``."""
    return _core.regint_strerror(int(status))


def last_error():
    """The message of the last failed C call on this thread ("" if none)."""
    return _core.regint_last_error()


def check_identifier(identifier, what="identifier"):
    """Check a pseudonymous identifier before it is stored.

    Raises :class:`PersonalDataError` if it looks like a fødselsnummer (the message does not
    echo the number) and :class:`InvalidError` if it is empty, too long or has control
    characters. Returns None when it is acceptable.
    """
    if not isinstance(identifier, str):
        raise TypeError("identifier must be a str")
    _core.regint_validate_identifier(identifier, what)


def looks_like_fodselsnummer(s):
    """True if ``s`` looks like a Norwegian national identity number (fødselsnummer,
    D- or H-number): 11 digits (one optional separator after the date) with valid
    modulus-11 control digits."""
    return bool(_core.regint_validate_looks_like_fodselsnummer(s))


def kommunenr_format_ok(s):
    """True if ``s`` is four ASCII digits (a kommunenummer in form)."""
    return bool(_core.regint_validate_kommunenr_format(s))


def fylkesnr_format_ok(s):
    """True if ``s`` is two ASCII digits (a fylkesnummer in form)."""
    return bool(_core.regint_validate_fylkesnr_format(s))


def orgnr_valid(s):
    """True if ``s`` is a valid organisasjonsnummer (nine digits, modulus-11 check digit)."""
    return bool(_core.regint_validate_orgnr(s))


from ._dataset import Dataset, Record, RecordList, load_default, default_path  # noqa: E402
from ._apportion import apportion, APPORTION_METHODS  # noqa: E402
from ._settlement import recommend, recommend_weights, backtest, backtest_rolling, gap, SettlementProfile, county_request_sum  # noqa: E402
from ._matching import match, match_synth, MatchResult  # noqa: E402
from ._kb import KnowledgeBase, sdg_goals, sdg_goal_name  # noqa: E402
from ._plan import Plan, render_report, write_report  # noqa: E402
from ._letter import scenario, audit, letter  # noqa: E402
from ._tasks import (Grants, Collaboration, guidance_forecast, APPLICANT_KINDS,  # noqa: E402
                     GRANT_OUTCOMES, PARTNER_KINDS, TASKS, MEETING_KINDS, GRANT_NEEDS)

__all__ += ["Dataset", "Record", "RecordList", "load_default", "default_path",
            "apportion", "APPORTION_METHODS",
            "recommend", "recommend_weights", "backtest", "backtest_rolling", "gap", "SettlementProfile", "county_request_sum",
            "scenario", "audit", "letter",
            "match", "match_synth", "MatchResult",
            "KnowledgeBase", "sdg_goals", "sdg_goal_name",
            "Plan", "render_report", "write_report",
            "Grants", "Collaboration", "guidance_forecast", "APPLICANT_KINDS", "GRANT_OUTCOMES",
            "PARTNER_KINDS", "TASKS", "MEETING_KINDS", "GRANT_NEEDS"]
