# `regint match` on the instances in tests/data/match/. Expected values are hand-worked
# (see test_hand_worked in tests/c/test_matching.c): cases unit 15 with assignment [1,0,1];
# persons unit 10. The broken instances are rows of tests/data/bad_inputs.tsv.
set(_md ${REGINT_TEST_DIR}/data/match)
regint_cli_test(cli_match_cases ARGS match ${_md}/cases.json
  OUTPUT "\"objective\": 15,.*\"status\": \"optimal\".*\"assignment\": \\[1, 0, 1\\],\n  \"used\": \\[1, 2\\]")
regint_cli_test(cli_match_csv ARGS match --csv ${_md}/cases.json
  OUTPUT "^case,municipality\nk-1,1\nk-2,0\nk-3,1\n$")
regint_cli_test(cli_match_persons ARGS match ${_md}/persons.json
  OUTPUT "\"objective\": 10,.*\"status\": \"optimal\".*\"assignment\": \\[0, 1, 0\\],\n  \"used\": \\[5, 3\\]")
regint_cli_test(cli_match_usage ARGS match EXIT 2)
