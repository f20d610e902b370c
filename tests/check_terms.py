#!/usr/bin/python3
"""Check a written text (a letter or report in Markdown or HTML) against the known terms of its
language in tests/data/i18n_terms.tsv: no forbidden word (e.g. a bokmål form in a nynorsk
letter) and, with --required, every required term present.

    check_terms.py --lang nn letter.md [--required] [--kind report]

Exit 0 when clean; 1 with one line per finding: "FILE:LINE: 'kommunene' is not nynorsk (ordbank)".
Municipality and county names and the engine's quoted notes are data, not prose: lines of a
Markdown table are checked only outside their first column, and text inside «», “” or `` is
skipped, so "Herøy" or a council's own note does not count. DRAFT for issue 15 (a ctest
`cli_letter_terms_nn` can run it on `regint letter --lang nn` output)."""
import argparse
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def load_terms(path, lang, kind="required"):
    forbidden, required = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] != lang:
                continue
            if cols[1] == "forbidden":
                forbidden[cols[2].lower()] = cols[3] if len(cols) > 3 else ""
            elif cols[1] == kind:
                required.append(cols[2].lower())
    return forbidden, required


def prose(line):
    line = re.sub(r"<[^>]+>", " ", line)          # HTML tags
    line = html.unescape(line)
    line = re.sub(r"«[^»]*»|“[^”]*”|`[^`]*`|\{\{[^}]*\}\}", " ", line)
    if line.lstrip().startswith("|"):
        cells = line.strip().strip("|").split("|")
        line = " ".join(cells[1:])
    return line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", required=True, choices=["nb", "nn", "en"])
    ap.add_argument("--terms", default=os.path.join(HERE, "data", "i18n_terms.tsv"))
    ap.add_argument("--required", action="store_true")
    ap.add_argument("--kind", default="required",
                    help="the rows of the terms file that --required reads: 'required' (the letter's "
                         "terms, default) or 'report' (the county report's)")
    ap.add_argument("--skip", action="append", default=[],
                    help="a required term not to require (a part of the letter not built yet)")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    forbidden, required = load_terms(a.terms, a.lang, a.kind)
    name = {"nb": "bokmål", "nn": "nynorsk", "en": "English"}[a.lang]
    bad = 0
    for path in a.files:
        seen = set()
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                for w in WORD.findall(prose(line)):
                    lw = w.lower()
                    seen.add(lw)
                    if lw in forbidden:
                        print(f"{path}:{n}: '{w}' is not {name} ({forbidden[lw]})")
                        bad += 1
        if a.required:
            for w in [r for r in required if r not in {k.lower() for k in a.skip}]:
                if w not in seen:
                    print(f"{path}: required {name} term '{w}' is missing")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
