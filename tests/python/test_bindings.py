"""The binding layer's own promises (bindings/python/*.i): names read from the C library,
bad member values refused with the member named, probes that leave the caller's last error
alone, and the GIL released while the library works."""
import csv
import threading
import time

import pytest

import regint
from conftest import DATA_DIR


def test_csv_kinds_come_from_the_library(tmp_path):
    # The kind names are the library's (regint_csv_kind_name), so the indicator catalogue
    # layout is there too (the Python copy of the table that this replaced lacked it).
    ds = regint.Dataset()
    ds.import_csv("indicators", DATA_DIR / "indicators_catalogue.csv")
    with open(DATA_DIR / "indicators_catalogue.csv", newline="", encoding="utf-8") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    assert list(ds.indicators()["id"]) == ids
    with pytest.raises(regint.InvalidError) as ei:
        ds.import_csv("no_such_layout", DATA_DIR / "indicators_catalogue.csv")
    assert "indicators" in str(ei.value)  # the message lists the library's names


def test_a_bad_member_value_names_the_member():
    d = regint.Dataset()
    with pytest.raises(regint.InvalidError) as ei:
        regint._core.regint_dataset_add_county(d._handle, {"fylkesnr": 39, "name": "V"})
    assert "fylkesnr" in str(ei.value)
    with pytest.raises(regint.InvalidError) as ei:
        regint.guidance_forecast(regint.load_default(), "39", 2026, monthly_profile=[1] * 13)
    assert "monthly_profile" in str(ei.value)


def test_bulk_lookups_leave_the_last_error_alone():
    ds = regint.load_default()
    with pytest.raises(regint.NotFoundError):
        ds.population("9999", 2024)
    before = regint.last_error()
    assert "9999" in before
    # 2005 has no population figure in the bundled data (the series is read from 2006,
    # data/SOURCES.md): each is a probe that fails inside the library, and none of them may
    # replace the message.
    df = ds.municipalities(2005)
    assert df["population"].isna().any()
    assert regint.last_error() == before


def _ticks_for(seconds):
    """How far this thread counts in `seconds` when it runs alone."""
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
    return n / seconds


def share_while(call):
    """The share of its own speed this thread keeps counting while `call` runs in another
    thread. A thread holding the GIL through a C call stops every other Python thread for the
    whole call; with the GIL released this thread keeps counting meanwhile. The count is
    compared with how far this thread gets alone in the same time (a GIL held throughout lets
    it count at most one switch interval's worth, 5 ms)."""
    rate = _ticks_for(0.05)
    started = threading.Event()
    state = {"done": False, "ticks": 0, "seconds": None}

    def work():
        started.set()
        t0 = time.perf_counter()
        call()
        state["seconds"] = time.perf_counter() - t0
        state["done"] = True

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    while not state["done"]:
        state["ticks"] += 1
        time.perf_counter()  # the same work per tick as in _ticks_for
    t.join()
    return state["ticks"] / (rate * state["seconds"])


def test_the_gil_is_released_while_the_library_works():
    # ~0.2 s of back-test
    ds = regint.load_default()
    share = share_while(lambda: regint._core.regint_settlement_backtest_run(ds._handle, None))
    assert share > 0.2, share


def test_a_handle_member_takes_a_proxy_of_its_own_type_only():
    ds = regint.load_default()
    with pytest.raises(regint.InvalidError) as ei:
        regint._core.regint_settlement_recommend(ds._handle, "39", 2026, {"profile": ds._handle})
    assert "profile" in str(ei.value)
