# bench_persons (goal 1 of issue 17): persons-capacity matching at HIAS size, regint against
# HiGHS (scipy.optimize.milp from Debian's python3-scipy) in the same run; see bench_persons.c.
add_executable(bench_persons ${CMAKE_CURRENT_LIST_DIR}/bench_persons.c)
target_compile_options(bench_persons PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_persons PRIVATE _POSIX_C_SOURCE=200809L
  REGINT_BENCH_PERSONS_DIR="${CMAKE_CURRENT_LIST_DIR}/persons")
target_link_libraries(bench_persons PRIVATE regint_static cJSON::cjson m)
