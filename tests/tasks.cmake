# CLI tests of the task commands (grants, coverage, guidance) on the example county file.
# Expected values are the hand-worked ones of tests/c/test_grants.c and test_collaboration.c.
if(TARGET regint_cli)
  set(_ex ${PROJECT_SOURCE_DIR}/examples/data/county-example.json)
  set(_bad ${CMAKE_CURRENT_SOURCE_DIR}/data/tasks)
  add_test(NAME cli_grants_allocate
    COMMAND regint_cli grants allocate --data ${_ex} --scheme jobbsjansen-b-2025 --csv)
  set_tests_properties(cli_grants_allocate PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "JSB25-02,1,,4.3,24,103.2,1300000,1268000,0")
  add_test(NAME cli_grants_report
    COMMAND regint_cli grants report --data ${_ex} --as-of 2025-06-30)
  set_tests_properties(cli_grants_report PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "Overdue reports: 2 \\(MT24-03, MT24-04\\)")
  add_test(NAME cli_coverage_network
    COMMAND regint_cli coverage --data ${_ex} --network nsk-vestfold --as-of 2025-06-30 --csv)
  set_tests_properties(cli_coverage_network PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "network,nsk-vestfold,3909,Larvik,1,2025-01-10,kommune-3909")
  add_test(NAME cli_coverage_gatherings
    COMMAND regint_cli coverage --data ${_ex} --task settlement --months 6 --as-of 2025-06-30)
  set_tests_properties(cli_coverage_gatherings PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "2 municipalities attended none")
  add_test(NAME cli_guidance
    COMMAND regint_cli guidance --data ${_ex} --county 39 --year 2026 --json)
  set_tests_properties(cli_guidance PROPERTIES LABELS "cli"
    PASS_REGULAR_EXPRESSION "\"id\": \"karriere-larvik\"")
  # Bad input: exit code 1, and on stderr the file name and the message of the case's
  # hand-written .expect file (its second line: place and rule).
  foreach(case bad_grants_invalid_orgnr bad_grants_fodselsnummer_id bad_collab_role_email)
    add_test(NAME cli_${case}
      COMMAND sh -c "err=$(\"$0\" grants report --data \"$1.json\" --as-of 2025-01-01 2>&1 >/dev/null); rc=$?; \
test $rc -eq 1 && printf '%s' \"$err\" | grep -qF \"$(basename \"$1\").json\" && \
printf '%s' \"$err\" | grep -qF \"$(sed -n 2p \"$1.expect\")\" || { echo \"rc=$rc: $err\"; exit 1; }"
        $<TARGET_FILE:regint_cli> ${_bad}/${case})
    set_tests_properties(cli_${case} PROPERTIES LABELS "cli")
  endforeach()
  add_test(NAME cli_coverage_usage
    COMMAND sh -c "\"$<TARGET_FILE:regint_cli>\" coverage --network a --task b; test $? -eq 2")
  set_tests_properties(cli_coverage_usage PROPERTIES LABELS "cli")
endif()
