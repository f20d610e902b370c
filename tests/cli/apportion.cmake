# `regint apportion`. Expected seats: the hand-worked D'Hondt/Sainte-Laguë example of
# tests/c/test_apportion.c and the published Østfold 2009 result from
# tests/oracles/apportionment_cases.json.
regint_cli_test(cli_apportion_dhondt ARGS apportion --method dhondt --total 7 --weights 100,80,30
  OUTPUT "^3,3,1\n$")
regint_cli_test(cli_apportion_json ARGS apportion --method sainte_lague --total 6 --weights 100,80,30 --json
  OUTPUT "^\\{\"method\":\"sainte-lague\",\"total\":6,\"seats\":\\[3,2,1\\]\\}\n$")
regint_cli_test(cli_apportion_ostfold_2009
  ARGS apportion --method sainte-lague-modified --first-divisor 1.4
       --total 8 --weights 58613,6501,1041,7250,8589,3739,22041,38853,178,110,250,129,374,1320
  OUTPUT "^4,0,0,0,0,0,1,3,0,0,0,0,0,0\n$")
regint_cli_test(cli_apportion_upper ARGS apportion --method=hamilton --total=10 --weights=8,1,1 --upper=5,-,inf
  OUTPUT "^5,3,2\n$")
# Lower bounds 4+4+4 = 12 cannot fit a total of 10: bad input, exit 1.
regint_cli_test(cli_apportion_infeasible ARGS apportion --method dhondt --total 10 --weights 5,3,2 --lower 4,4,4
  EXIT 1 ERRORS "sum of lower bounds 12 > total 10")
# Usage errors: exit 2.
regint_cli_test(cli_apportion_bad_number ARGS apportion --method dhondt --total 10x --weights 5,3 EXIT 2)
regint_cli_test(cli_apportion_bad_method ARGS apportion --method foo --total 10 --weights 5,3 EXIT 2)
regint_cli_test(cli_apportion_length ARGS apportion --method adams --total 10 --weights 5,3 --upper 4 EXIT 2)
