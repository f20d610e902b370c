"""The exception hierarchy: one regint.Error subclass per regint_status code."""

__all__ = [
    "Error", "InvalidError", "OutOfMemoryError", "FileError", "ParseError", "NotFoundError",
    "InfeasibleError", "DuplicateError", "PersonalDataError", "VersionError", "RangeError",
    "StaleHandleError",
]


class Error(Exception):
    """A regint call failed. ``status`` is the C status code (int), ``code`` its name
    (e.g. ``"REGINT_EINVAL"``) and ``message`` the library's message with its context
    (the text of ``regint_last_error()``: file, place, rule)."""

    status = -1
    code = "REGINT_ERROR"

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message or self.code


class InvalidError(Error, ValueError):
    """REGINT_EINVAL: an argument or a value breaks a rule."""
    status, code = 1, "REGINT_EINVAL"


class OutOfMemoryError(Error, MemoryError):
    """REGINT_ENOMEM: out of memory."""
    status, code = 2, "REGINT_ENOMEM"


class FileError(Error, OSError):
    """REGINT_EIO: a file could not be read or written."""
    status, code = 3, "REGINT_EIO"

    def __init__(self, message=""):
        Error.__init__(self, message)

    def __str__(self):
        return self.message or self.code


class ParseError(Error, ValueError):
    """REGINT_EPARSE: a file is not well-formed JSON/CSV/UTF-8."""
    status, code = 4, "REGINT_EPARSE"


class NotFoundError(Error, LookupError):
    """REGINT_ENOTFOUND: a code, id or key does not exist."""
    status, code = 5, "REGINT_ENOTFOUND"


class InfeasibleError(Error):
    """REGINT_EINFEASIBLE: constraints (bounds, capacities) cannot all hold."""
    status, code = 6, "REGINT_EINFEASIBLE"


class DuplicateError(Error, ValueError):
    """REGINT_EDUPLICATE: an identifier occurs twice."""
    status, code = 7, "REGINT_EDUPLICATE"


class PersonalDataError(Error, ValueError):
    """REGINT_EPERSONAL: refused, looks like personal data (a fødselsnummer)."""
    status, code = 8, "REGINT_EPERSONAL"


class VersionError(Error):
    """REGINT_EVERSION: unknown schema or schema version."""
    status, code = 9, "REGINT_EVERSION"


class RangeError(Error, ValueError):
    """REGINT_ERANGE: a number is out of its allowed range or overflows."""
    status, code = 10, "REGINT_ERANGE"


class ConflictError(Error):
    """REGINT_ECONFLICT: a save refused because the file changed on disk since it was loaded."""
    status, code = 11, "REGINT_ECONFLICT"


class StaleHandleError(Error):
    """A record or handle was used after its dataset was closed or modified (raised by the
    Python layer instead of reading freed memory)."""
    code = "REGINT_STALE"


_BY_STATUS = {cls.status: cls for cls in (
    InvalidError, OutOfMemoryError, FileError, ParseError, NotFoundError, InfeasibleError,
    DuplicateError, PersonalDataError, VersionError, RangeError, ConflictError)}


def error_class(status):
    """The exception class of a C status code (regint.Error for unknown codes)."""
    return _BY_STATUS.get(int(status), Error)


def _raise(status, message):
    """Called by the SWIG wrapper on a non-OK status."""
    cls = error_class(status)
    exc = cls(message)
    if cls is Error:
        exc.status = int(status)
    raise exc


for _cls in [Error, StaleHandleError, *_BY_STATUS.values()]:
    _cls.__module__ = "regint"
del _cls
