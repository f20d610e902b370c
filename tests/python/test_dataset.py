"""regint.Dataset: loading, errors, DataFrames, records and their lifetime, building,
and the figures checked against the source CSV files in data/ (read here with the csv
module, independently of the C importer)."""
import csv
import gc
import json
import math
import weakref

import pandas as pd
import pytest

import regint
from conftest import DATA_DIR
from test_core import FNR



@pytest.fixture(scope="module")
def ds():
    return regint.load_default()


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# -- loading and its errors --------------------------------------------------

def test_load_default_and_repr(ds):
    assert regint.default_path()
    r = repr(ds)
    assert r.startswith("<regint.Dataset:") and "municipalities" in r


def test_load_missing_file_raises_file_error(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(regint.FileError) as ei:
        regint.Dataset.load(path)
    assert "nope.json" in str(ei.value)
    assert ei.value.status == 3
    assert isinstance(ei.value, OSError)


def test_load_malformed_json_raises_parse_error_with_place(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "regint.dataset",\n "schema_version": 1,\n "counties": [,]}\n')
    with pytest.raises(regint.ParseError) as ei:
        regint.Dataset.load(path)
    msg = str(ei.value)
    assert "bad.json" in msg and "3" in msg  # file and line


def test_load_unknown_schema_version_is_refused(tmp_path):
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"schema": "regint.dataset", "schema_version": 999}))
    with pytest.raises(regint.VersionError):
        regint.Dataset.load(path)


def test_load_wrong_type_names_json_path():
    text = json.dumps({"schema": "regint.dataset", "schema_version": 1,
                       "counties": [{"fylkesnr": "39", "name": "Vestfold",
                                     "valid_from": "soon", "valid_to": 9999}]})
    with pytest.raises(regint.Error) as ei:
        regint.Dataset.from_json(text, name="inline.json")
    assert "inline.json" in str(ei.value) and "counties[0]" in str(ei.value)


def test_bad_argument_types():
    with pytest.raises(TypeError):
        regint.Dataset.load(42)
    with pytest.raises(regint.InvalidError):
        regint.Dataset().import_csv("no-such-kind", "x.csv")


# -- tables against the source data -------------------------------------------

def test_municipalities_2024_match_kommuner_csv(ds):
    src = read_csv("kommuner_2024.csv")
    df = ds.municipalities(2024)
    assert list(df.columns) == ["kommunenr", "name", "fylkesnr", "valid_from", "valid_to",
                                "centrality", "kostra_group", "population"]
    assert len(df) == len(src) == 357
    assert list(df["kommunenr"]) == sorted(r["kommunenummer"] for r in src)
    by_code = df.set_index("kommunenr")
    for r in src:
        row = by_code.loc[r["kommunenummer"]]
        assert row["name"] == r["kommune"]
        assert row["fylkesnr"] == r["fylkesnummer"]
        assert int(row["population"]) == int(r["folkemengde_2024"])
        assert int(row["centrality"]) == int(r["sentralitet"])
    # SOURCES.md: the population sums to SSB's national total 5 550 203 on 1.1.2024.
    assert int(df["population"].sum()) == 5_550_203


def test_municipalities_of_one_county(ds):
    src = [r for r in read_csv("kommuner_2024.csv") if r["fylkesnummer"] == "39"]
    df = ds.municipalities(2024, county="39")
    assert sorted(df["kommunenr"]) == sorted(r["kommunenummer"] for r in src)
    assert (df["fylkesnr"] == "39").all()
    assert ds.municipalities(year=2024, county="99").empty


def test_counties_2024(ds):
    src = read_csv("fylker_2024.csv")
    df = ds.counties(2024)
    assert sorted(df["fylkesnr"]) == sorted(r["fylkesnummer"] for r in src)


def test_population_and_lookup(ds):
    assert ds.population("0301", 2024) == 717_710  # SOURCES.md: Oslo
    with pytest.raises(regint.NotFoundError) as ei:
        ds.population("9999", 2024)
    assert isinstance(ei.value, LookupError)
    with pytest.raises(regint.NotFoundError):
        ds.municipality("9999", 2024)


def test_map_code_across_the_2024_reform(ds):
    # kommune_2020_to_2024.csv: 3005 Drammen -> 3301, 3803 Tønsberg -> 3905,
    # 1507 Ålesund split into 1508 and 1580.
    assert ds.map_code("3005", 2020, 2024) == ["3301"]
    assert ds.map_code("3803", 2020, 2024) == ["3905"]
    assert sorted(ds.map_code("1507", 2020, 2024)) == ["1508", "1580"]
    assert ds.map_code("0301", 2020, 2024) == ["0301"]


SETTLEMENT_2024 = [r for r in read_csv("imdi_bosetting_2024_2026.csv")
                   if r["measure"] in ("anmodning", "vedtak", "bosatt") and r["category"] == "alle"]


def test_settlement_figures_match_imdi_csv(ds):
    df = ds.settlement(years=(2024, 2026), category="alle")
    got = {(k, y, m): (v, miss) for k, y, m, v, miss in
           zip(df["kommunenr"], df["year"], df["measure"], df["value"], df["missing"])}
    assert SETTLEMENT_2024
    for r in SETTLEMENT_2024:
        key = (r["kommunenummer"], int(r["year"]), r["measure"])
        assert key in got, key
        v, miss = got[key]
        if r["value"] != "" and r["flag"] in ("", "blank_in_source"):
            assert v == float(r["value"]), key
            assert miss == ""
        elif r["flag"] == "suppressed":
            assert math.isnan(v) and miss == "suppressed", key


def test_settlement_value_single_lookup(ds):
    # data/imdi_bosetting_2024_2026.csv: 2024,0301,Oslo,anmodning,alle,1650
    assert ds.settlement_value("0301", 2024, "anmodning") == (1650.0, "")
    assert ds.settlement_value("0301", 2024, measure="request", category="all") == (1650.0, "")
    with pytest.raises(regint.Error):
        ds.settlement_value("0301", 2024, "no-such-measure")


def test_settlement_filters_and_mapping(ds):
    df = ds.settlement(county="39", years=2025, measure="vedtak", category="alle")
    assert set(df["measure"]) == {"vedtak"}
    assert set(df["year"]) == {2025}
    assert df["kommunenr"].str.startswith("39").all()
    assert len(df) == len(ds.municipalities(2025, county="39"))
    hist = ds.settlement(county="39", measure="bosatt", category="alle", map_to=2024)
    assert "kommunenr_2024" in hist.columns
    assert (hist["kommunenr_2024"].str.startswith("39")).all()
    # Horten was 0701 (before 2020), 3801 (2020-2023) and is 3901 from 2024.
    horten = set(hist.loc[hist["kommunenr_2024"] == "3901", "kommunenr"])
    assert "3901" in horten and len(horten) >= 2


def test_tables_are_dataframes(ds):
    for df in (ds.counties(), ds.municipalities(None), ds.code_changes(), ds.indicators(),
               ds.observations(), ds.cases(), ds.settlement(years=2025)):
        assert isinstance(df, pd.DataFrame)


# -- records: len, iteration, repr, lifetime ----------------------------------

def test_record_list_len_iter_index(ds):
    recs = ds.municipality_records
    assert len(recs) >= 357
    first = recs[0]
    assert first == list(recs)[0]
    assert recs[-1] == recs[len(recs) - 1]
    with pytest.raises(IndexError):
        recs[len(recs)]
    assert "RecordList" in repr(recs)
    assert len(ds.county_records) == len(ds.counties())


def test_record_repr_and_readonly(ds):
    m = ds.municipality("0301", 2024)
    assert m.name == "Oslo" and m.fylkesnr == "03"
    assert "kommunenr='0301'" in repr(m)
    with pytest.raises(AttributeError):
        m.name = "Christiania"
    with pytest.raises(AttributeError):
        m.no_such_field
    assert m.as_dict()["kommunenr"] == "0301"


def test_record_keeps_garbage_collected_parent_alive():
    d = regint.load_default()
    ref = weakref.ref(d)
    m = d.municipality("0301", 2024)
    recs = d.settlement_records
    del d
    gc.collect()
    assert ref() is not None  # the record holds its dataset
    assert m.name == "Oslo"
    assert len(recs) > 0 and recs[0].year > 1990
    del m, recs
    gc.collect()
    assert ref() is None  # ...and releases it with the last record


def test_closed_parent_makes_records_stale_not_dangling():
    d = regint.load_default()
    m = d.municipality("0301", 2024)
    recs = d.municipality_records
    d.close()
    assert d.closed and "closed" in repr(d)
    with pytest.raises(regint.StaleHandleError):
        m.name
    with pytest.raises(regint.StaleHandleError):
        len(recs)
    with pytest.raises(regint.StaleHandleError):
        d.municipalities(2024)
    assert "stale" in repr(m)


def test_modified_parent_makes_records_stale():
    d = regint.Dataset()
    d.add_county("39", "Vestfold", 2024)
    c = d.county("39", 2024)
    assert c.name == "Vestfold"
    d.add_municipality("3905", "Tønsberg", "39", 2024, centrality=3)
    with pytest.raises(regint.StaleHandleError):
        c.name
    assert d.county("39", 2024).name == "Vestfold"


def test_context_manager_frees():
    with regint.load_default() as d:
        assert len(d.county_records) > 0
    assert d.closed


# -- building, personal data, round trip --------------------------------------

def build_small():
    d = regint.Dataset()
    d.add_county("39", "Vestfold", 2024)
    d.add_municipality("3905", "Tønsberg", "39", 2024, centrality=3, kostra_group="EKG10")
    d.add_municipality("3907", "Sandefjord", "39", 2024)
    d.set_population("3905", 2024, 59_000)
    d.set_settlement("3905", 2024, "anmodning", 60)
    d.set_settlement("3905", 2024, "bosatt", None, missing="suppressed")
    d.add_case("case-1", family_size=4, year=2025, family_reunification=True)
    return d


def test_build_and_read_back():
    d = build_small()
    df = d.municipalities(2024, county="39")
    assert list(df["kommunenr"]) == ["3905", "3907"]
    assert df["population"].iloc[0] == 59_000
    assert pd.isna(df["population"].iloc[1])  # no figure: <NA>, never 0
    assert d.settlement_value("3905", 2024, "bosatt") == (None, "suppressed")
    cases = d.cases()
    assert list(cases["id"]) == ["case-1"] and cases["family_size"][0] == 4
    assert cases["flags"][0] == regint._core.REGINT_CASE_FAMILY_REUNIFICATION


def test_fodselsnummer_as_case_id_is_refused_and_nothing_changes():
    d = build_small()
    before = d.to_json()
    with pytest.raises(regint.PersonalDataError) as ei:
        d.add_case(FNR, family_size=1, year=2025)
    assert FNR not in str(ei.value)
    assert d.to_json() == before
    assert len(d.case_records) == 1


def test_invalid_records_are_refused():
    d = build_small()
    with pytest.raises(regint.Error):
        d.add_municipality("39x5", "Bad", "39", 2024)
    with pytest.raises(regint.Error):
        d.add_municipality("3909", "Orphan", "77", 2024)  # county 77 does not exist
    with pytest.raises(regint.Error):
        d.set_settlement("3905", 2024, "anmodning", -5)
    with pytest.raises(regint.DuplicateError):
        d.add_county("39", "Vestfold", 2024)


def test_save_load_round_trip(tmp_path):
    d = build_small()
    p = tmp_path / "small.json"
    d.save(p)
    d2 = regint.Dataset.load(str(p))
    assert d2.to_json() == d.to_json()
    assert json.loads(p.read_text(encoding="utf-8"))["schema"] == "regint.dataset"
    d3 = regint.Dataset.from_json(d.to_json())
    assert d3.to_json() == d.to_json()


def test_save_to_missing_directory_raises(tmp_path):
    with pytest.raises(regint.FileError):
        build_small().save(tmp_path / "no" / "such" / "dir.json")


def test_handle_ownership():
    # The dataset's SWIG proxy owns its C handle (its destructor calls regint_dataset_free);
    # a record is a copy of the C record (no pointer into the dataset survives the call) and
    # holds the Dataset only to say when it has gone stale.
    d = regint.load_default()
    assert d._h.thisown
    m = d.municipality("0301", 2024)
    assert isinstance(m._raw, dict) and m.name == "Oslo"
    assert m._ds is d


def test_import_csv_into_an_empty_dataset(tmp_path):
    d = regint.Dataset()
    d.import_csv("municipalities_2024", DATA_DIR / "kommuner_2024.csv")
    df = d.municipalities(2024)
    assert len(df) == 357 and int(df["population"].sum()) == 5_550_203  # SOURCES.md
    # A broken file: refused as a whole, the message names the file and the line.
    bad = tmp_path / "kommuner_bad.csv"
    lines = (DATA_DIR / "kommuner_2024.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(lines[3].split(",")[4], "12 3")  # population of row 3
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    d2 = regint.Dataset()
    with pytest.raises(regint.Error) as ei:
        d2.import_csv("municipalities_2024", bad)
    assert "kommuner_bad.csv" in str(ei.value) and "4" in str(ei.value)
    assert len(d2.municipality_records) == 0  # all-or-nothing


def test_observations_mapped_across_reforms(ds):
    df = ds.observations(indicator="refugees_moved_here", area="39", map_to=2024)
    assert (df["area_2024"].str.startswith("39")).all()
    # Horten was 0701 before 2020 and 3801 in 2020-2023; both map to 3901.
    assert {"0701", "3801"} <= set(df.loc[df["area_2024"] == "3901", "area"])
    county_level = ds.observations(indicator="unemployment_share", area="39")
    assert set(county_level["area"]) == {"39"}
