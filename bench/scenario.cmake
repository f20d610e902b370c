# bench_scenario (issue 15): the scenario sweep — the county scored once and re-apportioned
# per variant (lib/settlement/sweep.c) — against the naive path, a full
# regint_settlement_recommend() per variant, measured in the same run; prints the ratio.
add_executable(bench_scenario ${CMAKE_CURRENT_LIST_DIR}/bench_scenario.c)
target_compile_options(bench_scenario PRIVATE ${REGINT_WARNINGS})
target_include_directories(bench_scenario PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_compile_definitions(bench_scenario PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(bench_scenario PRIVATE regint_static cJSON::cjson m)
add_dependencies(bench_scenario regint_default_data)
