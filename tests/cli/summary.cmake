# `regint summary` on the bundled dataset: 357 municipalities in 2026 with 5 550 203
# inhabitants (1 Jan 2024, SOURCES.md) and IMDi's national 2026 request of 13 000. A missing
# file is a row of tests/data/bad_inputs.tsv; an unknown option is a usage error (exit 2).
set(_env "REGINT_DATA=${PROJECT_BINARY_DIR}/data/regint-default.json")
regint_cli_test(cli_summary_json ARGS summary --json ENV ${_env}
  OUTPUT "\"municipalities_in_year\": 357.*\"fylkesnr\": \"00\", \"name\": \"Norge\", \"municipalities\": 357, \"population\": 5627400, \"anmodning\": 13000,")
# 2016: IMDi's table has 429 codes; bosatt sums to 15 221 (SOURCES.md) with 24 cells
# missing (18 not_applicable + 6 suppressed, counted in the CSV).
regint_cli_test(cli_summary_table ARGS summary --year 2016 ENV ${_env}
  OUTPUT "Norge \\(sum\\) +429 .* 15221 \\(\\+24\\)")
regint_cli_test(cli_summary_usage ARGS summary --bogus EXIT 2)
