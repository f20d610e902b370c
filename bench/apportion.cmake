# Benchmark of regint_apportion (bench/bench_apportion.c): 10^6 units / total 10^9 for every
# method, and a one-seat-at-a-time priority-queue reference at 10^4 units / total 10^6.
add_executable(bench_apportion ${CMAKE_CURRENT_LIST_DIR}/bench_apportion.c)
target_compile_options(bench_apportion PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_apportion PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(bench_apportion PRIVATE regint_static m)
