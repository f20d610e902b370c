"""Apportionment: Hamilton and divisor methods with bounds."""

from . import regint_core as _core
from ._errors import InvalidError
from ._names import names

__all__ = ["apportion", "APPORTION_METHODS"]

_NO_BOUND = 2**63 - 1  # INT64_MAX: the C library's "no upper bound"

#: Method names as the C library (and the CLI) spells them (``_`` and ``-`` are both accepted).
APPORTION_METHODS = names("apportion_method")


def _method_code(method):
    if isinstance(method, int):
        return method
    if not isinstance(method, str):
        raise TypeError("method must be a str such as 'hamilton' or 'sainte-lague'")
    return _core.regint_apportion_method_from_name(method.strip().lower())


def apportion(weights, total, method="hamilton", lower=None, upper=None, first_divisor=None):
    """Divide ``total`` seats (persons, places) among units in proportion to ``weights``.

    weights:  non-negative integers (a list or a NumPy integer array). Scale real-valued
              weights yourself, e.g. ``np.rint(w * 1e6).astype(np.int64)``.
    total:    the number to divide; the result sums exactly to it.
    method:   "hamilton" (largest remainder), "dhondt", "sainte-lague",
              "sainte-lague-modified", "huntington-hill", "adams", "dean",
              "sainte-lague-min10" (0 or at least 10; ``_`` or ``-``).
    lower, upper: None or one bound per unit; in a list ``upper``, None means "no bound".
    first_divisor: modified Sainte-Laguë only (default 1.4, the Norwegian rule).

    Returns a list of ints. Raises InfeasibleError when sum(lower) > total or
    sum(upper) < total, InvalidError for bad arguments (negative weights, unknown method).
    Ties go to the lowest index.
    """
    code = _method_code(method)
    if first_divisor is None:
        first_divisor = 1.4
    elif code != _core.REGINT_APPORTION_SAINTE_LAGUE_MODIFIED:
        raise InvalidError("first_divisor applies to method 'sainte-lague-modified' only")
    if isinstance(total, bool) or int(total) != total:
        raise InvalidError(f"total: expected an integer, got {total!r}")
    opts = {"method": code, "first_divisor": float(first_divisor)}
    n = len(weights)
    for key, bounds in (("lower", lower), ("upper", upper)):
        if bounds is None:
            continue
        if isinstance(bounds, (list, tuple)) and key == "upper":
            bounds = [_NO_BOUND if u is None else u for u in bounds]
        if len(bounds) != n:
            raise InvalidError(f"{key}: must have one bound per weight")
        opts[key] = bounds
    return list(_core.regint_apportion(weights, int(total), opts))
