# ThreadSanitizer check of the knowledge base's concurrent reads (issue 16): the library built
# once more with -fsanitize=thread (regint_tsan) and c/test_kb_threads.c linked against it;
# any data race fails the test (label "c;tsan"). Skipped when the compiler cannot do it, in a
# build that already uses another sanitizer (they do not mix), or with -DREGINT_TSAN_TEST=OFF
# (it compiles the library a second time). The executable is not named test_* so that
# scripts/test.sh's valgrind pass, which runs every tests/test_* binary, leaves it alone.
option(REGINT_TSAN_TEST "Build and run the ThreadSanitizer test of concurrent knowledge-base reads" ON)
if(NOT REGINT_TSAN_TEST OR REGINT_SANITIZE OR CMAKE_C_FLAGS MATCHES "sanitize" OR NOT CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
  return()
endif()
include(CheckCSourceRuns)
set(CMAKE_REQUIRED_FLAGS -fsanitize=thread)
set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=thread)
check_c_source_runs("int main(void) { return 0; }" REGINT_HAVE_TSAN)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(NOT REGINT_HAVE_TSAN)
  return()
endif()
add_library(regint_tsan STATIC EXCLUDE_FROM_ALL ${REGINT_SOURCES})
regint_configure_lib(regint_tsan)
target_compile_definitions(regint_tsan PUBLIC REGINT_STATIC)
target_compile_options(regint_tsan PRIVATE -fsanitize=thread -g -O1)
target_link_options(regint_tsan INTERFACE -fsanitize=thread)
# One test: <name>_tsan built from c/test_<name>.c against regint_tsan, run as c_<name>_tsan.
function(regint_tsan_test name)
  add_executable(${name}_tsan ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/c/test_${name}.c)
  target_compile_options(${name}_tsan PRIVATE ${REGINT_WARNINGS} -fsanitize=thread -g -O1)
  target_include_directories(${name}_tsan PRIVATE ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/c ${PROJECT_SOURCE_DIR}/lib)
  target_compile_definitions(${name}_tsan PRIVATE _POSIX_C_SOURCE=200809L)
  target_link_libraries(${name}_tsan PRIVATE regint_tsan cJSON::cjson PkgConfig::CUNIT Threads::Threads m)
  add_test(NAME c_${name}_tsan COMMAND ${name}_tsan)
  set_tests_properties(c_${name}_tsan PROPERTIES LABELS "c;tsan"
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1 exitcode=66")
endfunction()
regint_tsan_test(kb_threads)
# Concurrent recommendations with the fitted default (issue 17, goal 4): the snapshot's stored
# fit and the process's cached fit, built outside its lock.
regint_tsan_test(recommend_threads)
# Work blocks kept between calls (issue 17, goal 6): one process-wide cache under a lock.
regint_tsan_test(bigalloc)
