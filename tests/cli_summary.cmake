# CLI tests need the regint command (REGINT_BUILD_EXAMPLES=ON).
if(NOT TARGET regint_cli)
  return()
endif()
# `regint summary` on the bundled dataset: 357 municipalities in 2026 with 5 550 203
# inhabitants (1 Jan 2024, SOURCES.md) and IMDi's national 2026 request of 13 000; a missing
# file is bad input (exit 1), an unknown option a usage error (exit 2).
if(TARGET regint_cli)
  add_test(NAME cli_summary_json COMMAND regint_cli summary --json)
  set_tests_properties(cli_summary_json PROPERTIES LABELS "cli"
    ENVIRONMENT "REGINT_DATA=${PROJECT_BINARY_DIR}/data/regint-default.json"
    PASS_REGULAR_EXPRESSION "\"municipalities_in_year\": 357.*\"fylkesnr\": \"00\", \"name\": \"Norge\", \"municipalities\": 357, \"population\": 5550203, \"anmodning\": 13000,")
  add_test(NAME cli_summary_table COMMAND regint_cli summary --year 2016)
  set_tests_properties(cli_summary_table PROPERTIES LABELS "cli"
    ENVIRONMENT "REGINT_DATA=${PROJECT_BINARY_DIR}/data/regint-default.json"
    # 2016: IMDi's table has 429 codes; bosatt sums to 15 221 (SOURCES.md) with 24 cells
    # missing (18 not_applicable + 6 suppressed, counted in the CSV).
    PASS_REGULAR_EXPRESSION "Norge \\(sum\\) +429 .* 15221 \\(\\+24\\)")
  add_test(NAME cli_summary_missing_file COMMAND regint_cli summary --data /nonexistent/regint.json)
  set_tests_properties(cli_summary_missing_file PROPERTIES LABELS "cli" WILL_FAIL TRUE)
  add_test(NAME cli_summary_usage COMMAND regint_cli summary --bogus)
  set_tests_properties(cli_summary_usage PROPERTIES LABELS "cli" WILL_FAIL TRUE)
endif()
