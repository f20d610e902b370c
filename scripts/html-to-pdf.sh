#!/bin/sh
# Print a letter or county report (`regint letter`, `regint report`: one self-contained HTML
# page) to PDF with headless Chromium, as a county adviser would print it from the browser:
#
#   scripts/html-to-pdf.sh letter-15-2026-nn.html [letter-15-2026-nn.pdf]
#
# The PDF is A4/Letter as Chromium's default, without the browser's header and footer; the
# page's own print style (no page break inside a table row) applies. The browser is the first
# of $CHROMIUM, chromium, chromium-browser, google-chrome found on PATH. Exit 2 for usage, 3
# when no browser is found, else Chromium's own status. Test: ctest -R letter_pdf.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 FILE.html [FILE.pdf]" >&2
    exit 2
fi
in=$1
out=${2:-${in%.html}.pdf}
if [ ! -f "$in" ]; then
    echo "$0: $in: no such file" >&2
    exit 2
fi
browser=
for c in ${CHROMIUM:-} chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
        browser=$c
        break
    fi
done
if [ -z "$browser" ]; then
    echo "$0: no Chromium found (set CHROMIUM=/path/to/chromium)" >&2
    exit 3
fi
case $in in /*) abs=$in ;; *) abs=$(pwd)/$in ;; esac
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
# Chromium refuses to run as root with its sandbox; a throw-away profile keeps runs apart.
sandbox=
[ "$(id -u)" = 0 ] && sandbox=--no-sandbox
profile=$(mktemp -d "${TMPDIR:-/tmp}/regint-pdf.XXXXXX")
trap 'rm -rf "$profile"' EXIT
"$browser" --headless $sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$out" "file://$abs" 2>/dev/null
[ -s "$out" ] || { echo "$0: $browser wrote no PDF" >&2; exit 1; }
echo "wrote $out"
