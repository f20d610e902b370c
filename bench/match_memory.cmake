# bench_match_memory (goal 3 of issue 17): peak memory of `regint match FILE` as a whole
# process against the solver alone, measured in the same run.
add_executable(bench_match_memory ${CMAKE_CURRENT_LIST_DIR}/bench_match_memory.c)
target_compile_options(bench_match_memory PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_match_memory PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE
  REGINT_CLI_PATH="$<TARGET_FILE:regint_cli>")
target_link_libraries(bench_match_memory PRIVATE regint_static m)
add_dependencies(bench_match_memory regint_cli)
