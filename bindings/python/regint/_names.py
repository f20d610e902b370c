"""Names of the C library's enumerations, read from the library itself (never copied):
``names("measure")`` calls ``regint_measure_name(i)`` for every value below
``REGINT_MEASURE_COUNT``."""

from . import regint_core as _core

__all__ = ["names", "code"]

_cache = {}


def names(kind):
    """The stable names of C enumeration ``regint_<kind>``, in enum order."""
    got = _cache.get(kind)
    if got is None:
        name = getattr(_core, f"regint_{kind}_name")
        count = getattr(_core, f"REGINT_{kind.upper()}_COUNT")
        _cache[kind] = got = tuple(name(i) for i in range(count))
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
