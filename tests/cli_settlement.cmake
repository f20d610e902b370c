# CLI tests need the regint command (REGINT_BUILD_EXAMPLES=ON).
if(NOT TARGET regint_cli)
  return()
endif()
# CLI tests of `regint recommend` and `regint backtest` (exit codes and key output).
set(_rg $<TARGET_FILE:regint_cli>)
set(_ex ${PROJECT_SOURCE_DIR}/examples/data)
add_test(NAME cli_recommend_default COMMAND ${_rg} recommend)
set_tests_properties(cli_recommend_default PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "Vestfold \\(39\\), 2026: [0-9]+ persons.*IMDi's actual 2026 requests")
add_test(NAME cli_recommend_json COMMAND ${_rg} recommend --county 46 --year 2026 --json)
set_tests_properties(cli_recommend_json PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "\"kommunenr\":[ \t]*\"4601\"")
add_test(NAME cli_recommend_profiles COMMAND ${_rg} recommend --profile ${_ex}/profile-vestfold-capacity.json --csv)
set_tests_properties(cli_recommend_profiles PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "3911,\"Færder\",1,30,")
add_test(NAME cli_recommend_bad_county COMMAND sh -c "\"$0\" recommend --county 99; test $? -eq 1" ${_rg})
set_tests_properties(cli_recommend_bad_county PROPERTIES LABELS "cli")
add_test(NAME cli_recommend_bad_option COMMAND sh -c "\"$0\" recommend --nope; test $? -eq 2" ${_rg})
set_tests_properties(cli_recommend_bad_option PROPERTIES LABELS "cli")
add_test(NAME cli_backtest COMMAND ${_rg} backtest --county 39 --years 2024-2026)
set_tests_properties(cli_backtest PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "Summary over 3 county-years")
add_test(NAME cli_backtest_bad_years COMMAND sh -c "\"$0\" backtest --years 99999999999-2025; test $? -eq 2" ${_rg})
set_tests_properties(cli_backtest_bad_years PROPERTIES LABELS "cli")
add_test(NAME cli_recommend_csv_and_json COMMAND sh -c "\"$0\" recommend --csv --json; test $? -eq 2" ${_rg})
set_tests_properties(cli_recommend_csv_and_json PROPERTIES LABELS "cli")
