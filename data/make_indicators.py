#!/usr/bin/python3
"""Convert three bundled public files into one tidy indicator CSV for regint.

Run from anywhere with the system Python (standard library only):

    /usr/bin/python3 data/make_indicators.py

Reads (in this directory, see SOURCES.md):
  nav_ledighet_fylke_2011_2026.csv    -> unemployment_share
  intro_arbeid_utdanning_fylke.csv    -> intro_work_education_share
  imdi_sekundaerflytting_2014_2022.csv -> refugees_settled_here, refugees_moved_here
Writes:
  indicators_tidy.csv       year,area,indicator,category,value,flag
  indicators_catalogue.csv  id,name_nb,name_en,unit,source,direction,level,sdg_targets

Rules (nothing is invented; rows that cannot be derived are left out, never set to 0):
  * unemployment_share: for each fylke (2024 code, as NAV back-casts) and the nation ("00"),
    the mean of the monthly "Helt ledige" share_of_labour_force over the 12 months of a
    year, rounded to 6 decimals. Only complete years (12 months) are written, so the
    partial year 2026 (January only) is left out. Rows without a fylkesnummer (Svalbard,
    "Ukjent") are left out.
  * intro_work_education_share: the percent per 2020 county name, mapped to the 2020
    fylkesnummer through kommuner_2020.csv ("Norge" -> "00"); year = the source's
    "aargang" (2024).
  * refugees_settled_here / refugees_moved_here: the rows with botid "Alle" and
    sekundaerflytting "Bosatt her" / "Flyttet hit" (persons), kommunenummer as valid in
    that year. Codes written without their leading zero in the source ("101") are
    zero-padded to four digits. Kommune-years without a botid "Alle" row are left out
    (the 0-4 / 5+ parts are not summed).
Output is sorted, so re-running gives identical files.
"""
import collections
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fmt(v):
    s = "%.6f" % v
    s = s.rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


CATALOGUE = [
    # id, name_nb, name_en, unit, source, direction, level, sdg_targets
    ("intro_work_education_share",
     "Andel i arbeid eller utdanning etter introduksjonsprogrammet",
     "Share in work or education after the introduction programme",
     "percent",
     "IMDi statistics intro_status_arbutd_avslutta (via intro_arbeid_utdanning_fylke.csv)",
     "higher_better", "fylke", "8.5,10.2"),
    ("refugees_moved_here",
     "Flyktninger som har flyttet hit (sekundærflytting)",
     "Refugees who moved here after settlement (secondary migration)",
     "persons",
     "IMDi statistics flyktning_botid_flytting (via imdi_sekundaerflytting_2014_2022.csv)",
     "neutral", "kommune", "10.2,11.3"),
    ("refugees_settled_here",
     "Flyktninger bosatt i kommunen og fortsatt bosatt her",
     "Refugees settled here and still living here",
     "persons",
     "IMDi statistics flyktning_botid_flytting (via imdi_sekundaerflytting_2014_2022.csv)",
     "neutral", "kommune", "10.2,11.3"),
    ("unemployment_share",
     "Helt ledige, andel av arbeidsstyrken (årsgjennomsnitt)",
     "Registered fully unemployed, share of the labour force (yearly mean)",
     "share",
     "NAV hovedtall om arbeidsmarkedet (via nav_ledighet_fylke_2011_2026.csv)",
     "lower_better", "fylke", "8.5"),
]


def main():
    out = []  # (year, area, indicator, category, value, flag)

    # NAV unemployment: yearly mean of complete years.
    acc = collections.defaultdict(list)
    for r in read("nav_ledighet_fylke_2011_2026.csv"):
        if r["status"] != "Helt ledige" or not r["fylkesnummer"]:
            continue
        if r["share_of_labour_force"] == "":
            continue
        acc[(r["month"][:4], r["fylkesnummer"])].append((r["month"], float(r["share_of_labour_force"])))
    for (year, area), vals in acc.items():
        months = {m for m, _ in vals}
        if len(months) != 12 or len(vals) != 12:
            continue
        out.append((year, area, "unemployment_share", "", fmt(sum(v for _, v in vals) / 12.0), ""))

    # Intro programme results per 2020 county.
    name_to_fylke = {}
    for r in read("kommuner_2020.csv"):
        name_to_fylke[r["fylke"]] = r["fylkesnummer"]
    name_to_fylke["Norge"] = "00"
    for r in read("intro_arbeid_utdanning_fylke.csv"):
        area = name_to_fylke.get(r["fylke_2020_struktur"])
        if area is None:
            sys.exit("unknown 2020 county name %r in intro_arbeid_utdanning_fylke.csv" % r["fylke_2020_struktur"])
        out.append((r["aargang"], area, "intro_work_education_share", "", r["andel_arbeid_utdanning_prosent"], ""))

    # Secondary migration, botid "Alle".
    which = {"Bosatt her": "refugees_settled_here", "Flyttet hit": "refugees_moved_here"}
    for r in read("imdi_sekundaerflytting_2014_2022.csv"):
        if r["botid"] != "Alle" or r["sekundaerflytting"] not in which:
            continue
        value, flag = r["value"], r["flag"]
        if value == "" and not flag:
            flag = "missing"
        out.append((r["year"], r["kommunenummer"].zfill(4), which[r["sekundaerflytting"]], "", value, flag))

    out.sort(key=lambda t: (t[2], t[1], int(t[0]), t[3]))
    keys = [(t[0], t[1], t[2], t[3]) for t in out]
    if len(set(keys)) != len(keys):
        sys.exit("duplicate observation keys")
    with open(os.path.join(HERE, "indicators_tidy.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "area", "indicator", "category", "value", "flag"])
        w.writerows(out)
    with open(os.path.join(HERE, "indicators_catalogue.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name_nb", "name_en", "unit", "source", "direction", "level", "sdg_targets"])
        w.writerows(CATALOGUE)
    counts = collections.Counter(t[2] for t in out)
    for k in sorted(counts):
        print("%-28s %6d rows" % (k, counts[k]))


if __name__ == "__main__":
    main()
