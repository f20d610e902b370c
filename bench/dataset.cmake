# bench_dataset: load/save/lookups on the bundled default dataset, with cJSON parsing the
# same file as the reference measured in the same run.
add_executable(bench_dataset ${CMAKE_CURRENT_SOURCE_DIR}/dataset.c)
target_compile_options(bench_dataset PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_dataset PRIVATE _POSIX_C_SOURCE=200809L
  REGINT_BUILD_DATA_DIR="${PROJECT_BINARY_DIR}/data")
target_link_libraries(bench_dataset PRIVATE regint_static cJSON::cjson m)
add_dependencies(bench_dataset regint_default_data)
