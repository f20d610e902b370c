# `regint gap` and what `regint recommend` says of local decisions, the plan figure and the
# caveats. Figures read by hand from data/imdi_bosetting_2024_2026.csv (Vestfold, "alle"):
# 2024 requests 980, decisions 639, settled 633; Holmestrand, Sandefjord and Larvik decided
# 60 + 110 + 176 = 346 below the request; Sandefjord 2026: request 90, decision 0, settled 0.
regint_cli_test(cli_gap_default ARGS gap
  OUTPUT "2024 +6 +980 +639 +633 +3 +346 +65% +99%\n")
regint_cli_test(cli_gap_csv ARGS gap --county 39 --years 2026 --csv
  OUTPUT "^year,kommunenr,name,request,decision,settled,below_request,gap,delivery_rate\n.*\n2026,3907,\"Sandefjord\",90,0,0,1,90,\n")
regint_cli_test(cli_gap_json ARGS gap --county 39 --years 2025 --json
  OUTPUT "\"decided_below_request\":[ \t]*0")
regint_cli_test(cli_gap_skipped_years ARGS gap --county 46 --years 2019-2020
  OUTPUT "Skipped: 2019: county 46 does not exist in that year's codes")
regint_cli_test(cli_gap_bad_years ARGS gap --years 2026-2024 EXIT 2 ERRORS "--years: expected A-B or A")
regint_cli_test(cli_gap_bad_county ARGS gap --county 99 EXIT 1 ERRORS "county 99 has no settlement figure")

set(_ex ${PROJECT_SOURCE_DIR}/examples/data)
# Sandefjord decided 0 for 2026: a 2027 recommendation that asks it for people is flagged,
# and the council's note reaches the table and the CSV.
regint_cli_test(cli_recommend_local_flags ARGS recommend --year 2027 --total 338 --profile ${_ex}/profile-vestfold-local.json
  OUTPUT "Flags .*3907 Sandefjord: the council decided 0 for 2026, yet [0-9]+ is asked for 2027\n.*3907 Sandefjord: decision 2026: 0 - kommunestyrevedtak 12.9.2025")
regint_cli_test(cli_recommend_local_csv ARGS recommend --year 2027 --total 338 --profile ${_ex}/profile-vestfold-local.json --csv
  OUTPUT ",reason,plan_2028,note,flag,weight_population,[^\n]*,weights,fitted_from,fitted_to,fitted_county_years\n.*3903,\"Holmestrand\",1,15,.*dialogue meeting 1.10.2026")
regint_cli_test(cli_recommend_plan_total ARGS recommend --plan-total 450 --json
  OUTPUT "\"plan\":[ \t]*{[^}]*\"year\":[ \t]*2027,[^}]*\"total\":[ \t]*450")
regint_cli_test(cli_recommend_caveats ARGS recommend
  OUTPUT "Caveats:\n  - The 2023 figures are an extract of September 2023")
