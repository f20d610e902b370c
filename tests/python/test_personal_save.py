"""Issue 16 (classes 5 and 6) through the Python layer: a fødselsnummer in any text given to the
adders is refused without being echoed, and a save that would erase another process's changes
raises ConflictError. The numbers are checked by an independent implementation of the
modulus-11 rule below, not by the library."""
import json
import subprocess
import sys
import textwrap

import pytest

import regint

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def control_digits_ok(d):
    k1 = (11 - sum(int(a) * w for a, w in zip(d, W1)) % 11) % 11
    k2 = (11 - sum(int(a) * w for a, w in zip(d[:9] + str(k1), W2)) % 11) % 11
    return k1 < 10 and k2 < 10 and d[9:] == f"{k1}{k2}"


FNR = "15038510190"      # born 15.03.85
DNR = "55038510184"      # its D-number
SPACED = "150385\u00a010190"


def test_numbers_are_valid_by_the_independent_rule():
    assert control_digits_ok(FNR) and control_digits_ok(DNR)
    assert not control_digits_ok("15038510191")


@pytest.mark.parametrize("text", [FNR, "k-" + FNR, " " + FNR, SPACED, "150385.10190", "150385/10190",
                                  "notat: ring " + DNR])
def test_free_text_in_adders_is_refused(text):
    d = regint.Dataset()
    with pytest.raises(regint.PersonalDataError) as e:
        d.add_county("39", "Vestfold " + text, 2024)
    for part in (FNR, DNR, "10190", "10184"):
        assert part not in str(e.value)
    d.add_county("39", "Vestfold", 2024)
    with pytest.raises(regint.PersonalDataError):
        d.add_case("case-" + text.strip(), family_size=1, year=2025)
    with pytest.raises(regint.PersonalDataError):
        regint.Plan("p1", "Plan " + text, "39", 2024, 2026)


def test_ordinary_numbers_pass():
    d = regint.Dataset()
    d.add_county("39", "Vestfold (orgnr 974760673, tlf 22 33 44 55, kr 1 500 000)", 2024)


def test_lost_update_between_two_processes(tmp_path):
    path = tmp_path / "county.json"
    d = regint.Dataset()
    d.add_county("39", "Vestfold", 2024)
    d.save(path)
    mine = regint.Dataset.load(path)          # this process loads ...
    other = textwrap.dedent(f"""
        import regint
        d = regint.Dataset.load({str(path)!r})
        d.add_county("40", "Telemark", 2024)
        d.save({str(path)!r})
    """)
    subprocess.run([sys.executable, "-c", other], check=True)   # ... another saves meanwhile
    mine.add_county("41", "Agder", 2024)
    with pytest.raises(regint.ConflictError) as e:
        mine.save(path)
    assert "changed on disk since it was loaded" in str(e.value)
    assert "Telemark" in path.read_text(encoding="utf-8")   # the other's change is kept
    with pytest.raises(TypeError):
        mine.save(path, force="yes")
    mine.save(path, force=True)
    assert "Agder" in path.read_text(encoding="utf-8")
    mine.save(path)                                          # its own save is no conflict


def test_plan_lost_update_between_two_processes(tmp_path):
    # issue 16 leftover: Plan.save overwrote a plan file another process had saved meanwhile
    path = tmp_path / "plan.json"
    p = regint.Plan("p1", "Plan", "39", 2024, 2027)
    p.add_goal("G1", "Goal")
    p.save(path)
    mine = regint.Plan.load(path)
    other = textwrap.dedent(f"""
        import regint
        p = regint.Plan.load({str(path)!r})
        p.add_goal("G2", "Theirs")
        p.save({str(path)!r})
    """)
    subprocess.run([sys.executable, "-c", other], check=True)
    mine.add_goal("G3", "Mine")
    with pytest.raises(regint.ConflictError) as e:
        mine.save(path)
    assert "changed on disk since it was loaded" in str(e.value)
    assert "Theirs" in path.read_text(encoding="utf-8")
    with pytest.raises(TypeError):
        mine.save(path, force=1)
    mine.save(path, force=True)
    assert "Mine" in path.read_text(encoding="utf-8") and "Theirs" not in path.read_text(encoding="utf-8")
    mine.save(path)
