#!/usr/bin/python3
"""Check a PDF printed from a regint letter or report (scripts/html-to-pdf.sh): a PDF header,
at least MIN_PAGES pages, and the document title (Chromium copies the page's <title> into the
PDF's /Title, UTF-16BE) containing TITLE.

    check_pdf.py FILE.pdf MIN_PAGES TITLE

Exit 0 when it holds; 1 with the reason."""
import re
import sys


def title_of(data):
    m = re.search(rb"/Title\s*<([0-9A-Fa-f]+)>", data)
    if m:
        raw = bytes.fromhex(m.group(1).decode())
        return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
    m = re.search(rb"/Title\s*\(((?:[^()\\]|\\.)*)\)", data)
    return m.group(1).decode("latin-1") if m else ""


def main():
    path, min_pages, want = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    data = open(path, "rb").read()
    if not data.startswith(b"%PDF-"):
        print(f"{path}: not a PDF")
        return 1
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if pages < min_pages:
        print(f"{path}: {pages} pages, expected at least {min_pages}")
        return 1
    title = title_of(data)
    if want not in title:
        print(f"{path}: title {title!r} does not contain {want!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
