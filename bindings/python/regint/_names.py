"""Names of the C library's enumerations, read from the library itself (never copied):
``names("measure")`` calls ``regint_measure_name(i)`` for every value below
``REGINT_MEASURE_COUNT``."""

from . import regint_core as _core

__all__ = ["names", "code"]

_cache = {}

# TRANSITION ONLY: enumerations the C library does not name yet in this branch. Issue 13
# gives every public enum a regint_<kind>_name() and a count (helper `api`); once those
# land, names() reads them and this table is deleted (test_core checks it is unused).
_NOT_YET_IN_C = {
    "change_kind": ("unchanged", "renumbered", "split", "merged"),
    "direction": ("neutral", "higher_better", "lower_better"),
    "level": ("kommune", "fylke", "nation"),
    "csv_kind": ("municipalities_2024", "municipalities_2020", "code_changes_2020_2024",
                 "imdi_settlement", "observations", "indicators"),
    "grant_need": ("participants", "amount", "none"),
}


def names(kind):
    """The stable names of C enumeration ``regint_<kind>``, in enum order."""
    got = _cache.get(kind)
    if got is None:
        name = getattr(_core, f"regint_{kind}_name", None)
        if name is None:
            return _NOT_YET_IN_C[kind]
        count = getattr(_core, f"REGINT_{kind.upper()}_COUNT", None)
        if count is not None:
            got = [name(i) for i in range(count)]
        else:  # a library without the count enumerator: up to the first unnamed value
            got = []
            for i in range(256):
                s = name(i)
                if s is None or (s == "" and i > 0) or s in got:
                    break
                got.append(s)
        _cache[kind] = got = tuple(got)
    return got


def code(kind, name, what=None):
    """The C value of a name (``_`` and ``-`` alike, any case); an int passes through.
    InvalidError names the accepted names."""
    from ._errors import InvalidError
    if isinstance(name, int) and not isinstance(name, bool):
        return name
    all_names = names(kind)
    n = str(name).strip().lower()
    for i, s in enumerate(all_names):
        if s.replace("-", "_") == n.replace("-", "_"):
            return i
    raise InvalidError(f"{what or kind}: unknown name {name!r}; expected one of "
                       f"{', '.join(s for s in all_names if s)}")
