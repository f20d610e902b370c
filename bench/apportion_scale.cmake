# bench_apportion_scale (goal 5 of issue 17): regint_apportion against qsort of the weights in
# the same run, 10^6 to 10^7 units, with the page faults of each call.
add_executable(bench_apportion_scale ${CMAKE_CURRENT_LIST_DIR}/bench_apportion_scale.c)
target_compile_options(bench_apportion_scale PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_apportion_scale PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_link_libraries(bench_apportion_scale PRIVATE regint_static m)
