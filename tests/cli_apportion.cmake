# CLI tests need the regint command (REGINT_BUILD_EXAMPLES=ON).
if(NOT TARGET regint_cli)
  return()
endif()
# CLI tests of `regint apportion` (output and exit codes). Expected seats: the hand-worked
# D'Hondt/Sainte-Laguë example of tests/c/test_apportion.c and the published Østfold 2009 result
# from tests/oracles/apportionment_cases.json.
set(_rg $<TARGET_FILE:regint_cli>)
add_test(NAME cli_apportion_dhondt COMMAND ${_rg} apportion --method dhondt --total 7 --weights 100,80,30)
set_tests_properties(cli_apportion_dhondt PROPERTIES LABELS "cli" PASS_REGULAR_EXPRESSION "^3,3,1\n$")
add_test(NAME cli_apportion_json COMMAND ${_rg} apportion --method sainte_lague --total 6 --weights 100,80,30 --json)
set_tests_properties(cli_apportion_json PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "^\\{\"method\":\"sainte-lague\",\"total\":6,\"seats\":\\[3,2,1\\]\\}\n$")
add_test(NAME cli_apportion_ostfold_2009 COMMAND ${_rg} apportion --method sainte-lague-modified --first-divisor 1.4
  --total 8 --weights 58613,6501,1041,7250,8589,3739,22041,38853,178,110,250,129,374,1320)
set_tests_properties(cli_apportion_ostfold_2009 PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "^4,0,0,0,0,0,1,3,0,0,0,0,0,0\n$")
add_test(NAME cli_apportion_upper COMMAND ${_rg} apportion --method=hamilton --total=10 --weights=8,1,1 --upper=5,-,inf)
set_tests_properties(cli_apportion_upper PROPERTIES LABELS "cli" PASS_REGULAR_EXPRESSION "^5,3,2\n$")
add_test(NAME cli_apportion_infeasible COMMAND sh -c
  "out=$(\"$0\" apportion --method dhondt --total 10 --weights 5,3,2 --lower 4,4,4 2>&1); rc=$?; echo \"$out\"; test $rc -eq 1 && echo \"$out\" | grep -q 'sum of lower bounds 12 > total 10'" ${_rg})
set_tests_properties(cli_apportion_infeasible PROPERTIES LABELS "cli")
add_test(NAME cli_apportion_bad_number COMMAND sh -c "\"$0\" apportion --method dhondt --total 10x --weights 5,3; test $? -eq 2" ${_rg})
set_tests_properties(cli_apportion_bad_number PROPERTIES LABELS "cli")
add_test(NAME cli_apportion_bad_method COMMAND sh -c "\"$0\" apportion --method foo --total 10 --weights 5,3; test $? -eq 2" ${_rg})
set_tests_properties(cli_apportion_bad_method PROPERTIES LABELS "cli")
add_test(NAME cli_apportion_length COMMAND sh -c "\"$0\" apportion --method adams --total 10 --weights 5,3 --upper 4; test $? -eq 2" ${_rg})
set_tests_properties(cli_apportion_length PROPERTIES LABELS "cli")
