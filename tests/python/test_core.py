"""The package itself: version, error model, validators, fødselsnummer refusal."""
import re
import subprocess
import sys

import pytest

import regint


def test_version_matches_c_library():
    assert re.fullmatch(r"\d+\.\d+\.\d+", regint.__version__)
    major, minor, patch = regint.version()
    assert regint.__version__ == f"{major}.{minor}.{patch}"


def test_core_module_is_private_and_inside_package():
    assert regint._core.__name__ == "regint.regint_core"
    assert "common" in regint.modules and "validate" in regint.modules


def test_error_hierarchy_one_class_per_code():
    codes = {cls.code for cls in (regint.InvalidError, regint.OutOfMemoryError, regint.FileError,
                                  regint.ParseError, regint.NotFoundError, regint.InfeasibleError,
                                  regint.DuplicateError, regint.PersonalDataError,
                                  regint.VersionError, regint.RangeError, regint.ConflictError)}
    assert len(codes) == 11
    for status in range(1, 12):
        cls = regint.error_class(status)
        assert issubclass(cls, regint.Error)
        assert cls.status == status
        # the C library names the same code
        assert regint.strerror(status).startswith(cls.code + ":")
    assert regint.error_class(999) is regint.Error
    assert issubclass(regint.InvalidError, ValueError)
    assert issubclass(regint.NotFoundError, LookupError)


# Synthetic fødselsnummer with valid control digits, computed by hand:
# 010190 123 ?? : k1 = 11 - (3*0+7*1+6*0+1*1+8*9+9*0+4*1+5*2+2*3) mod 11
#               = 11 - (0+7+0+1+72+0+4+10+6) mod 11 = 11 - 100 mod 11 = 11 - 1 = 10 -> invalid,
# so take 010190 124: sum = 0+7+0+1+72+0+4+10+8 = 102, 102 mod 11 = 3, k1 = 8;
# k2 = 11 - (5*0+4*1+3*0+2*1+7*9+6*0+5*1+4*2+3*4+2*8) mod 11
#    = 11 - (0+4+0+2+63+0+5+8+12+16) mod 11 = 11 - 110 mod 11 = 11 - 0 -> 0.
FNR = "01019012480"


def test_fodselsnummer_is_recognised_and_refused():
    assert regint.looks_like_fodselsnummer(FNR)
    assert regint.looks_like_fodselsnummer("010190 12480")
    assert not regint.looks_like_fodselsnummer("01019012481")  # wrong k2
    with pytest.raises(regint.PersonalDataError) as ei:
        regint.check_identifier(FNR, "cases[0].id")
    assert ei.value.status == 8
    assert ei.value.code == "REGINT_EPERSONAL"
    assert FNR not in str(ei.value)  # the message never echoes the number
    assert "cases[0].id" in str(ei.value)
    assert regint.last_error() == str(ei.value)


def test_check_identifier_ok_and_invalid():
    assert regint.check_identifier("case-0001") is None
    with pytest.raises(regint.InvalidError):
        regint.check_identifier("", "id")
    with pytest.raises(regint.InvalidError):
        regint.check_identifier("x" * 65, "id")
    with pytest.raises(TypeError):
        regint.check_identifier(12345)


def test_validators():
    assert regint.kommunenr_format_ok("0301")
    assert not regint.kommunenr_format_ok("301")
    assert regint.fylkesnr_format_ok("39")
    assert not regint.fylkesnr_format_ok("3")
    # 974760673 (Brønnøysundregistrene): 9*3+7*2+4*7+7*6+6*5+0*4+6*3+7*2 = 173,
    # 173 mod 11 = 8, check digit 11 - 8 = 3.
    assert regint.orgnr_valid("974760673")
    assert not regint.orgnr_valid("974760674")


def test_import_from_fresh_interpreter():
    out = subprocess.run([sys.executable, "-c", "import regint; print(regint.__version__)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == regint.__version__
