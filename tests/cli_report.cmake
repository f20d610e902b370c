# CLI tests of `regint report` on the bundled dataset. Expected figures: IMDi's own county
# totals for Vestfold 2024 (imdi_bosetting_fylke_2024_2026.csv: 980 / 639 / 633).
if(TARGET regint_cli)
  set(_plan ${PROJECT_SOURCE_DIR}/examples/data/plan-vestfold.json)
  add_test(NAME cli_report_vestfold_md
    COMMAND regint_cli report --county 39 --year 2026 --plan ${_plan} --stdout md)
  set_tests_properties(cli_report_vestfold_md PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "\\| 2024 \\| 980 \\| 639 \\| 633 \\|")
  add_test(NAME cli_report_write
    COMMAND sh -c "d=$(mktemp -d) && \"$<TARGET_FILE:regint_cli>\" report --county 39 --year 2026 --out \"$d\" && test -s \"$d/fylke-39-2026.md\" && grep -q '<svg' \"$d/fylke-39-2026.html\" && rm -r \"$d\"")
  set_tests_properties(cli_report_write PROPERTIES LABELS "cli")
  # Bad input: exit 1 (county not valid in the year, bad plan file); usage: exit 2.
  add_test(NAME cli_report_bad_county
    COMMAND sh -c "\"$<TARGET_FILE:regint_cli>\" report --county 30 --year 2026 --stdout md; test $? -eq 1")
  set_tests_properties(cli_report_bad_county PROPERTIES LABELS "cli")
  add_test(NAME cli_report_bad_plan
    COMMAND sh -c "\"$<TARGET_FILE:regint_cli>\" report --county 39 --plan \"${CMAKE_CURRENT_SOURCE_DIR}/data/knowledge/bad_plan_orgnr.json\" --stdout md; test $? -eq 1")
  set_tests_properties(cli_report_bad_plan PROPERTIES LABELS "cli")
  add_test(NAME cli_report_usage
    COMMAND sh -c "\"$<TARGET_FILE:regint_cli>\" report --year 2024; test $? -eq 2")
  set_tests_properties(cli_report_usage PROPERTIES LABELS "cli")
endif()
