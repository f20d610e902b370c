# bench_load (goal 4 of issue 17): `regint recommend` as a whole process and
# regint_dataset_load_default(), with the snapshot and with the JSON, against a bare cJSON
# parse of the bundled JSON measured in the same run.
add_executable(bench_load ${CMAKE_CURRENT_LIST_DIR}/bench_load.c)
target_compile_options(bench_load PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_load PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE
  REGINT_CLI_PATH="$<TARGET_FILE:regint_cli>")
target_include_directories(bench_load PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PROJECT_SOURCE_DIR}/tests/c)
target_link_libraries(bench_load PRIVATE regint_static cJSON::cjson m)
add_dependencies(bench_load regint_default_data regint_cli)
