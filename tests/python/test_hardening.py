"""Issue 16, class 3 and 4 in Python: a value the C library would change silently is
refused with TypeError or ValueError naming the argument, and an overflow names the range
(not SWIG's "argument 3 of type 'int'"). The expected behaviour is the rule of the issue,
not the library's output: None is not the string "None", "\\x00" is not the end of a
string, 2.9 persons are not 2."""
import pytest

import regint


def small():
    d = regint.Dataset()
    d.add_county("39", "Vestfold", 2024)
    d.add_municipality("3905", "Tønsberg", "39", 2024)
    return d


def test_none_for_a_string_is_not_stored_as_None():
    d = small()
    with pytest.raises(TypeError, match="kommunenr: expected a str, got None"):
        d.set_population(None, 2024, 100)
    with pytest.raises(TypeError, match="kommunenr: expected a str, got int"):
        d.population(3905, 2024)
    assert regint.looks_like_fodselsnummer("None") is False
    with pytest.raises(TypeError):
        regint.looks_like_fodselsnummer(None)


def test_nul_in_a_string_is_refused_not_cut():
    d = small()
    with pytest.raises(ValueError, match=r"name.*NUL character"):
        d.add_county("30", "Vik\x00en", 2020, 2023)
    with pytest.raises(ValueError, match=r"kommunenr.*NUL character"):
        d.set_population("3905\x00", 2024, 100)
    # nothing was added under the cut name
    with pytest.raises(regint.NotFoundError):
        d.county("30", 2020)


def test_float_for_an_integer_is_refused_not_truncated():
    d = small()
    with pytest.raises(ValueError, match=r"family_size.*2\.9"):
        d.add_case("case-1", family_size=2.9, year=2025)
    with pytest.raises(ValueError, match=r"persons.*2\.9"):
        d.set_population("3905", 2024, 2.9)
    d.set_population("3905", 2024, 100.0)      # a whole float is an integer
    assert d.population("3905", 2024) == 100


def test_none_and_str_for_an_integer_are_type_errors():
    d = small()
    with pytest.raises(TypeError, match=r"year: expected an integer, got NoneType"):
        d.set_population("3905", None, 100)
    with pytest.raises(TypeError, match=r"persons: expected an integer, got str"):
        d.set_population("3905", 2024, "100")


def test_overflow_names_the_argument_and_the_range():
    d = small()
    with pytest.raises(ValueError) as ei:
        d.set_population("3905", 10**12, 100)
    msg = str(ei.value)
    assert "year" in msg and "[-2147483648, 2147483647]" in msg and "argument" not in msg
    with pytest.raises(ValueError, match=r"persons: 10{30} is outside the allowed range"
                       .replace("10{30}", str(10**30))):
        d.set_population("3905", 2024, 10**30)
    with pytest.raises(ValueError, match=r"family_size.*outside the allowed range \[-2147483648, 2147483647\]"):
        d.add_case("case-2", family_size=2**40, year=2025)
