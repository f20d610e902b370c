#!/bin/sh
# End-to-end grant case work from the CLI (docs/grants-workflow.md): one invented Jobbsjansen
# application (example data) from registration to final report and repayment on a copy of
# the example county file. Expected values are worked by hand from the commands' inputs:
# granted 600 000, paid 350 000 + 250 000 = 600 000, used 560 000 -> 40 000 paid back.
# Every refused step must leave the file byte-for-byte unchanged (all-or-nothing).
# Then it runs the walk exactly as docs/grants-workflow.md prints it (every `regint` command of
# its indented code blocks, in order, on a fresh copy) and checks the output the guide shows.
# usage: grants_workflow.sh REGINT EXAMPLE_JSON TMPDIR DOC_MD
set -eu
R=$1; SRC=$2; T=$3; DOC=$4
rm -rf "$T"; mkdir -p "$T"
F=$T/county.json
cp "$SRC" "$F"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { "$R" "$@" >"$T/out" 2>"$T/err" || { cat "$T/err" >&2; fail "regint $*"; }; }
# refused STEP TEXT ARGS...: exit 1, stderr contains TEXT, file unchanged
refused() {
    text=$1; shift
    cp "$F" "$T/before"
    if "$R" "$@" >"$T/out" 2>"$T/err"; then fail "accepted: regint $*"; fi
    grep -qF -- "$text" "$T/err" || { cat "$T/err" >&2; fail "message lacks '$text': regint $*"; }
    cmp -s "$F" "$T/before" || fail "file changed by a refused step: regint $*"
}
S=jobbsjansen-b-2025

ok grants add-application --data "$F" --id JSB25-90 --scheme $S --orgnr 998877660 \
   --name "Eksempel kommune (example)" --kind municipality --amount 900000 --participants 12 \
   --municipalities 3905 --received 2025-02-25 --target-group "unge innvandrere 18-24 år (example)"
refused "orgnr" grants add-application --data "$F" --id JSB25-91 --scheme $S --orgnr 998877661 \
   --name X --amount 1000 --municipalities 3905
refused "JSB25-90" grants add-application --data "$F" --id JSB25-90 --scheme $S --orgnr 998877660 \
   --name X --amount 1000 --municipalities 3905
refused "fødselsnummer" grants add-application --data "$F" --id 01017010170 --scheme $S --orgnr 998877660 \
   --name X --amount 1000 --municipalities 3905
ok grants score --data "$F" --id JSB25-90 --criterion kvalitet --score 5
ok grants score --data "$F" --id JSB25-90 --criterion malgruppe --score 4
ok grants score --data "$F" --id JSB25-90 --criterion forankring --score 4
# weighted mean 0.4*5 + 0.3*4 + 0.3*4 = 4.4, need 12 participants -> weight 52.8
ok grants allocate --data "$F" --scheme $S --csv
grep -q '^jobbsjansen-b-2025,JSB25-90,1,,4.4,12,52.8,900000,' "$T/out" || { cat "$T/out"; fail "score"; }
refused "must be in [0, 6], got 7" grants score --data "$F" --id JSB25-90 --criterion kvalitet --score 7
refused "no criterion 'pris'" grants score --data "$F" --id JSB25-90 --criterion pris --score 3
refused "only a granted application is paid" grants pay --data "$F" --id JSB25-90 --amount 100000 --date 2025-04-01
refused "exceeds min(amount applied 900000" grants decide --data "$F" --id JSB25-90 --outcome granted --amount 950000 --date 2025-04-15
ok grants decide --data "$F" --id JSB25-90 --outcome granted --amount 600000 --date 2025-04-15
ok grants pay --data "$F" --id JSB25-90 --amount 350000 --date 2025-05-02
refused "more than the 600000 kr granted" grants pay --data "$F" --id JSB25-90 --amount 250001 --date 2025-11-01
refused "dated before payments[0] (2025-05-02)" grants pay --data "$F" --id JSB25-90 --amount 250000 --date 2025-05-01 --final
# A status report during the project (kept apart from the final report): only --date needed.
refused "only a granted application sends status reports" grants receive-report --data "$F" --id JSB25-01 \
   --kind status --date 2025-09-15
ok grants receive-report --data "$F" --id JSB25-90 --kind status --date 2025-09-15 --participants 9 \
   --summary "9 deltakere i gang (example)"
refused "status_reports[1].summary" grants receive-report --data "$F" --id JSB25-90 --kind status \
   --date 2025-10-01 --summary "deltaker 01017010170 sluttet"
refused "status_reports[1].date: expected a date" grants receive-report --data "$F" --id JSB25-90 --kind status \
   --date 2025-09-31
refused "belong to the final report" grants receive-report --data "$F" --id JSB25-90 --kind status \
   --date 2025-10-01 --used 5
refused "needs --participants and --used" grants receive-report --data "$F" --id JSB25-90 --date 2026-02-20
grep -q '"status_reports":' "$F" || fail "status report not recorded"
ok grants pay --data "$F" --id JSB25-90 --amount 250000 --date 2025-11-01 --final
grep -q '"final":[[:space:]]*true' "$F" || fail "pay --final not recorded"
refused "the final payment (2025-11-01) is made; nothing is paid after it" grants pay --data "$F" --id JSB25-90 --amount 1 --date 2025-12-01

ok grants list --data "$F" --scheme $S --status granted --csv
grep -q '^JSB25-90,jobbsjansen-b-2025,998877660,Eksempel kommune (example),900000,granted,600000,600000,2026-03-01,0,0,0,1$' "$T/out" \
  || { cat "$T/out"; fail "list"; }
grep -q '^MT24' "$T/out" && fail "list --scheme shows another scheme"
# 2026-01-15 + 60 days covers 2026-03-01 (45 days left); the mentor reports are overdue, not due.
ok grants remind --data "$F" --days 60 --as-of 2026-01-15 --csv
grep -q '^JSB25-90,jobbsjansen-b-2025,998877660,Eksempel kommune (example),2026-03-01,45$' "$T/out" \
  || { cat "$T/out"; fail "remind"; }
ok grants remind --data "$F" --days 30 --as-of 2026-01-15 --csv
grep -q JSB25-90 "$T/out" && fail "remind --days 30 shows a report due in 45 days"
# report --scheme: the mentor scheme's overdue reports must not be listed
ok grants report --data "$F" --scheme $S --as-of 2026-03-10
grep -q 'MT24' "$T/out" && { cat "$T/out"; fail "report --scheme lists another scheme"; }
grep -q 'Overdue reports: 1 (JSB25-90)' "$T/out" || { cat "$T/out"; fail "report --scheme overdue"; }

refused "600001 kr used, but only 600000 kr paid" grants receive-report --data "$F" --id JSB25-90 --date 2026-02-20 --participants 11 --used 600001
refused "8 in work + 4 in education, more than the 11 participants reached" grants receive-report --data "$F" \
   --id JSB25-90 --date 2026-02-20 --participants 11 --used 560000 --in-work 8 --in-education 4
"$R" grants receive-report --data "$F" --id JSB25-90 --date 2026-02-20 --participants 11 --used 560000 --in-work 5 \
   >"$T/out" 2>"$T/err" && fail "--in-work without --in-education accepted"
grep -q "go together" "$T/err" || { cat "$T/err"; fail "--in-work alone: message"; }
# 5 + 2 = 7 of 11 participants = 63.6 % >= the scheme's 60 % target
ok grants receive-report --data "$F" --id JSB25-90 --date 2026-02-20 --participants 11 --used 560000 \
   --in-work 5 --in-education 2
refused "a status report (2026-02-21) after the final report (2026-02-20)" grants receive-report --data "$F" --id JSB25-90 --kind status \
   --date 2026-02-21
ok grants report --data "$F" --scheme $S --as-of 2026-03-10
grep -qF 'Status reports JSB25-90: 1' "$T/out" || { cat "$T/out"; fail "status report count in grants report"; }
grep -qF 'Results JSB25-90: 7 participants in work or education, 63.6 % of those reached (target 60 %: met)' "$T/out" \
  || { cat "$T/out"; fail "results in grants report"; }
refused "more than unused 40000 kr" grants repay --data "$F" --id JSB25-90 --amount 40001
ok grants repay --data "$F" --id JSB25-90 --amount 40000
ok grants report --data "$F" --scheme $S --as-of 2026-03-10 --csv
grep -q '^JSB25-90,jobbsjansen-b-2025,600000,600000,560000,0,2026-03-01,1,0,0,7,0.6364,0.6,1$' "$T/out" \
  || { cat "$T/out"; fail "report after repayment"; }
ok grants list --data "$F" --scheme $S --status granted --csv
grep -q ',560000,40000,1$' "$T/out" || { cat "$T/out"; fail "list after repayment"; }

# The guide's own commands (continuation lines joined), in $T/doc where county.json is a copy.
D=$T/doc
mkdir -p "$D"
cp "$SRC" "$D/county.json"
awk '/^    regint /{c=$0; while (c ~ /\\$/) { sub(/\\$/, "", c); getline l; c = c l } print c }' "$DOC" >"$T/doc_cmds"
n=$(wc -l <"$T/doc_cmds")
[ "$n" -ge 12 ] || fail "docs/grants-workflow.md: only $n commands found"
while IFS= read -r line; do
    (cd "$D" && eval "\"\$R\" ${line#*regint }") >"$T/out" 2>"$T/err" || { cat "$T/err" >&2; fail "guide step: $line"; }
    case $line in *"grants remind"*) cp "$T/out" "$T/doc_remind" ;; esac
done <"$T/doc_cmds"
shown=$(grep '^    JSB25-90,jobbsjansen' "$DOC" | sed 's/^    //')
[ -n "$shown" ] || fail "the guide shows no remind line"
grep -qxF "$shown" "$T/doc_remind" || { cat "$T/doc_remind"; fail "remind output differs from the guide"; }
shown=$(grep '^    Results JSB25-90' "$DOC" | sed 's/^    //')
"$R" grants report --data "$D/county.json" --scheme $S --as-of 2026-03-10 >"$T/out"
grep -qxF "$shown" "$T/out" || { cat "$T/out"; fail "grants report differs from the guide's results line"; }
"$R" grants list --data "$D/county.json" --scheme $S --status granted --csv >"$T/out"
grep -q '^JSB25-90,jobbsjansen-b-2025,998877660,Eksempel kommune (example),900000,granted,600000,600000,2026-03-01,1,560000,40000,1$' "$T/out" \
  || { cat "$T/out"; fail "state after the guide's walk"; }
echo "grants workflow: ok ($n commands of the guide)"
