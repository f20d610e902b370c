# The task commands (grants, coverage, guidance) on the example county file. Expected values
# are the hand-worked ones of tests/c/test_grants.c and test_collaboration.c. Broken task
# files are rows of tests/data/bad_inputs.tsv (through the library and through `regint`).
set(_ex ${PROJECT_SOURCE_DIR}/examples/data/county-example.json)
regint_cli_test(cli_grants_allocate ARGS grants allocate --data ${_ex} --scheme jobbsjansen-b-2025 --csv
  OUTPUT "JSB25-02,1,,4.3,24,103.2,1300000,1268000,0")
regint_cli_test(cli_grants_report ARGS grants report --data ${_ex} --as-of 2025-06-30
  OUTPUT "Overdue reports: 2 \\(MT24-03, MT24-04\\)")
regint_cli_test(cli_coverage_network ARGS coverage --data ${_ex} --network nsk-vestfold --as-of 2025-06-30 --csv
  OUTPUT "network,nsk-vestfold,3909,Larvik,1,2025-01-10,kommune-3909")
regint_cli_test(cli_coverage_gatherings ARGS coverage --data ${_ex} --task settlement --months 6 --as-of 2025-06-30
  OUTPUT "2 municipalities attended none")
regint_cli_test(cli_guidance ARGS guidance --data ${_ex} --county 39 --year 2026 --json
  OUTPUT "\"id\": \"karriere-larvik\"")
regint_cli_test(cli_coverage_usage ARGS coverage --network a --task b EXIT 2)
# Grant case work end to end (docs/grants-workflow.md): one script, many calls on one file,
# then the guide's own commands as printed.
add_test(NAME cli_grants_workflow
  COMMAND sh ${REGINT_TEST_DIR}/cli/grants_workflow.sh $<TARGET_FILE:regint_cli>
          ${PROJECT_SOURCE_DIR}/examples/data/county-example.json ${CMAKE_CURRENT_BINARY_DIR}/cli_tmp/cli_grants_workflow
          ${PROJECT_SOURCE_DIR}/docs/grants-workflow.md)
set_tests_properties(cli_grants_workflow PROPERTIES LABELS "cli")
