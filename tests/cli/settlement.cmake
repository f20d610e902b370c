# `regint recommend` and `regint backtest` (exit codes and key output).
set(_ex ${PROJECT_SOURCE_DIR}/examples/data)
regint_cli_test(cli_recommend_default ARGS recommend
  OUTPUT "Vestfold \\(39\\), 2026: [0-9]+ persons.*IMDi's actual 2026 requests")
regint_cli_test(cli_recommend_json ARGS recommend --county 46 --year 2026 --json
  OUTPUT "\"kommunenr\":[ \t]*\"4601\"")
regint_cli_test(cli_recommend_profiles ARGS recommend --profile ${_ex}/profile-vestfold-capacity.json --csv
  OUTPUT "3911,\"Færder\",1,30,")
# No county 99 exists: bad input, exit 1. Usage errors: exit 2.
regint_cli_test(cli_recommend_bad_county ARGS recommend --county 99 EXIT 1 ERRORS "unknown county '99' in 2026")
regint_cli_test(cli_recommend_bad_option ARGS recommend --nope EXIT 2)
regint_cli_test(cli_backtest ARGS backtest --county 39 --years 2024-2026 OUTPUT "Summary over 3 county-years")
regint_cli_test(cli_backtest_bad_years ARGS backtest --years 99999999999-2025 EXIT 2)
regint_cli_test(cli_recommend_csv_and_json ARGS recommend --csv --json EXIT 2)
