# CLI tests need the regint command (REGINT_BUILD_EXAMPLES=ON).
if(NOT TARGET regint_cli)
  return()
endif()
# CLI tests of `regint match`. Expected values are hand-worked (see test_hand_worked in
# tests/c/test_matching.c): cases unit 15 with assignment [1,0,1]; persons unit 10.
set(_rg $<TARGET_FILE:regint_cli>)
set(_md ${CMAKE_CURRENT_BINARY_DIR}/match_cli)
file(MAKE_DIRECTORY ${_md})
file(WRITE ${_md}/cases.json
  "{\"capacity_unit\": \"cases\", \"capacities\": [1, 2], \"scores\": [[10, 4], [9, 1], [3, 2]], \"ids\": [\"k-1\", \"k-2\", \"k-3\"]}\n")
file(WRITE ${_md}/persons.json
  "{\"capacity_unit\": \"persons\", \"sizes\": [3, 3, 2], \"capacities\": [5, 4], \"scores\": [[50, 10], [40, 30], [20, 20]], \"score_scale\": 10}\n")
file(WRITE ${_md}/bad.json
  "{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1], [\"x\"]]}\n")
file(WRITE ${_md}/fnr.json
  "{\"capacity_unit\": \"cases\", \"capacities\": [1], \"scores\": [[1]], \"ids\": [\"01019012480\"]}\n")
file(WRITE ${_md}/infeasible.json
  "{\"capacity_unit\": \"persons\", \"sizes\": [4, 4], \"capacities\": [5, 5], \"scores\": [[1, null], [2, null]]}\n")

add_test(NAME cli_match_cases COMMAND ${_rg} match ${_md}/cases.json)
set_tests_properties(cli_match_cases PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "\"objective\": 15,.*\"status\": \"optimal\".*\"assignment\": \\[1, 0, 1\\],\n  \"used\": \\[1, 2\\]")
add_test(NAME cli_match_csv COMMAND ${_rg} match --csv ${_md}/cases.json)
set_tests_properties(cli_match_csv PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "^case,municipality\nk-1,1\nk-2,0\nk-3,1\n$")
add_test(NAME cli_match_persons COMMAND ${_rg} match ${_md}/persons.json)
set_tests_properties(cli_match_persons PROPERTIES LABELS "cli"
  PASS_REGULAR_EXPRESSION "\"objective\": 10,.*\"status\": \"optimal\".*\"assignment\": \\[0, 1, 0\\],\n  \"used\": \\[5, 3\\]")
add_test(NAME cli_match_bad_json COMMAND sh -c
  "out=$(\"$0\" match \"$1\" 2>&1); rc=$?; echo \"$out\"; test $rc -eq 1 && echo \"$out\" | grep -q 'bad.json: scores\\[1\\]\\[0\\]: expected a number or null'"
  ${_rg} ${_md}/bad.json)
set_tests_properties(cli_match_bad_json PROPERTIES LABELS "cli")
add_test(NAME cli_match_fodselsnummer COMMAND sh -c
  "out=$(\"$0\" match \"$1\" 2>&1); rc=$?; echo \"$out\"; test $rc -eq 1 && echo \"$out\" | grep -q 'ids\\[0\\]' && ! echo \"$out\" | grep -q 01019012480"
  ${_rg} ${_md}/fnr.json)
set_tests_properties(cli_match_fodselsnummer PROPERTIES LABELS "cli")
add_test(NAME cli_match_infeasible COMMAND sh -c
  "out=$(\"$0\" match \"$1\" 2>&1); rc=$?; echo \"$out\"; test $rc -eq 1 && echo \"$out\" | grep -q 'demand 8 persons'"
  ${_rg} ${_md}/infeasible.json)
set_tests_properties(cli_match_infeasible PROPERTIES LABELS "cli")
add_test(NAME cli_match_usage COMMAND sh -c "\"$0\" match; test $? -eq 2" ${_rg})
set_tests_properties(cli_match_usage PROPERTIES LABELS "cli")
add_test(NAME cli_match_missing_file COMMAND sh -c "\"$0\" match /nonexistent/x.json; test $? -eq 1" ${_rg})
set_tests_properties(cli_match_missing_file PROPERTIES LABELS "cli")
