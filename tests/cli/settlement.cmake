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
# Rolling-origin back-test (issue 14). Values from the independent prototype
# (per_county_year.csv): Vestfold 2026, 6 municipalities, total 383, ratio 1.1894, engine MAE 7.3333.
regint_cli_test(cli_backtest_rolling_csv ARGS backtest --county 39 --years 2026 --csv
  OUTPUT "year,fylkesnr,municipalities,total,ratio,scored,mae_request_profile,mae_request_population,mae_request_last_request,mae_request_last_decision,mae_request_mean3_request,.*w_settled_2\n2026,39,6,383,1.1894,1,7.3333,")
regint_cli_test(cli_backtest_rolling_weights ARGS backtest --county 39 --years 2025-2026 --weights
  OUTPUT "Fitted weights per county-year:.*2026 39 ")
regint_cli_test(cli_backtest_rolling_json ARGS backtest --county 39 --years 2026 --json
  OUTPUT "\"schema\":[ \t]*\"regint.backtest_rolling\"")
regint_cli_test(cli_backtest_rolling_years ARGS backtest --years 2010-2012 EXIT 1 ERRORS "training starts in 2013")
regint_cli_test(cli_backtest_profile_in_sample ARGS backtest --profile ${PROJECT_SOURCE_DIR}/examples/data/profile-default.json --county 39 --years 2025
  OUTPUT "Summary over 1 county-years")
# The default engine (fitted weights) with local decisions as bounds (issue 14): Sandefjord's
# council decided 0 for 2027, Holmestrand's stated capacity is 15, Larvik agreed to at least 60;
# the bounds hold, and the notes with their source are in the output. The fitted weights are in
# the header. (The numbers themselves: tests/python/test_settlement.py checks them against a
# second implementation of sainte-lague-min10 with bounds.)
regint_cli_test(cli_recommend_fitted_local
  ARGS recommend --county 39 --year 2027 --total 338 --profile ${PROJECT_SOURCE_DIR}/tests/data/settlement/fitted_local.json
  OUTPUT "Criteria \\(weights fitted on 2013-2026, [0-9]+ county-years, out of sample\\): population 0\\.100.*3903  Holmestrand +15 .*3907  Sandefjord +0 .*capped at the council's decision 0.*3907 Sandefjord: decision 2027: 0 - kommunestyrevedtak 12\\.9\\.2026 \\(source: Sandefjord kommune, sak 45/26\\)")
# The CSV carries the weights in columns, the JSON in "criteria" with the years fitted on.
regint_cli_test(cli_recommend_fitted_csv ARGS recommend --county 39 --year 2026 --csv
  OUTPUT "weight_population,weight_spread,weight_request_1,weight_request_3,weight_decision_1,weight_settled_2,weights,fitted_from,fitted_to,fitted_county_years\n3901,.*,0\\.100000,0\\.100000,0\\.700000,0\\.000000,0\\.100000,0\\.000000,fitted,2013,2025,[0-9]+\n")
regint_cli_test(cli_recommend_fitted_json ARGS recommend --county 39 --year 2026 --json
  OUTPUT "\"id\":[ \t]*\"request_1\",[ \t\n]*\"weight\":[ \t]*0\\.7,[ \t\n]*\"fitted_on\":[ \t]*\\[2013,[ \t\n]*2025\\]")
