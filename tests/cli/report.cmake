# `regint report` on the bundled dataset. Expected figures: IMDi's own county totals for
# Vestfold 2024 (imdi_bosetting_fylke_2024_2026.csv: 980 / 639 / 633).
regint_cli_test(cli_report_vestfold_md
  ARGS report --county 39 --year 2026 --plan ${PROJECT_SOURCE_DIR}/examples/data/plan-vestfold.json --stdout md
  OUTPUT "\\| 2024 \\| 980 \\| 639 \\| 633 \\|")
regint_cli_test(cli_report_write ARGS report --county 39 --year 2026 --out {tmp}
  FILES fylke-39-2026.md "." fylke-39-2026.html "<svg")
# Viken (30) existed 2020–2023 only: bad input, exit 1. A bad plan file is a row of
# tests/data/bad_inputs.tsv. Usage: exit 2.
regint_cli_test(cli_report_bad_county ARGS report --county 30 --year 2026 --stdout md
  EXIT 1 ERRORS "county 30 (Viken) does not exist in 2026")
regint_cli_test(cli_report_usage ARGS report --year 2024 EXIT 2)
