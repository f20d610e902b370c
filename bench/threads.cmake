# bench_threads (goal 6 of issue 17): two threads calling the library at once against one
# call, in CPU time, in kept and in fresh threads; the C side of bench/bench_gil.py.
add_executable(bench_threads ${CMAKE_CURRENT_LIST_DIR}/bench_threads.c)
target_compile_options(bench_threads PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bench_threads PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(bench_threads PRIVATE regint_static Threads::Threads)
add_dependencies(bench_threads regint_default_data)
