# Fuzzing (tests/fuzz/). Two parts:
#  - always: replay_<target> executables and ctest tests (label "fuzz") that run the
#    committed corpus tests/fuzz/corpus/<target>/ (seeds + every input that once broke
#    something) through the targets without libFuzzer, so CI keeps the regressions;
#  - with -DREGINT_BUILD_FUZZ=ON and clang: fuzz_<target> libFuzzer executables, linked to
#    a copy of the library built with coverage + ASan + UBSan. Run e.g.
#      build/tests/fuzz_apportion -max_total_time=180 -rss_limit_mb=2048 \
#          /tmp/corpus tests/fuzz/corpus/apportion
#    (see tests/fuzz/README.md).
option(REGINT_BUILD_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

set(REGINT_FUZZ_TARGETS dataset_json import_csv apportion jsonstat profile plan match_instance sections)
set(REGINT_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)

foreach(t ${REGINT_FUZZ_TARGETS})
  add_executable(replay_${t} ${REGINT_FUZZ_DIR}/replay.c ${REGINT_FUZZ_DIR}/fuzz_${t}.c)
  target_compile_options(replay_${t} PRIVATE ${REGINT_WARNINGS})
  target_include_directories(replay_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib ${REGINT_FUZZ_DIR})
  target_compile_definitions(replay_${t} PRIVATE _POSIX_C_SOURCE=200809L)
  target_link_libraries(replay_${t} PRIVATE regint_static cJSON::cjson m)
  add_test(NAME fuzz_replay_${t} COMMAND replay_${t} ${REGINT_FUZZ_DIR}/corpus/${t})
  set_tests_properties(fuzz_replay_${t} PROPERTIES LABELS "fuzz" TIMEOUT 300)
endforeach()

if(REGINT_BUILD_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(WARNING "REGINT_BUILD_FUZZ needs clang (libFuzzer); fuzz targets not built")
  else()
    set(REGINT_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=all -g -O1)
    add_library(regint_fuzzlib STATIC ${REGINT_SOURCES})
    regint_configure_lib(regint_fuzzlib)
    target_compile_definitions(regint_fuzzlib PUBLIC REGINT_STATIC)
    target_compile_options(regint_fuzzlib PRIVATE ${REGINT_FUZZ_FLAGS})
    foreach(t ${REGINT_FUZZ_TARGETS})
      add_executable(fuzz_${t} ${REGINT_FUZZ_DIR}/fuzz_${t}.c)
      target_compile_options(fuzz_${t} PRIVATE ${REGINT_WARNINGS} -fsanitize=fuzzer,address,undefined
        -fno-sanitize-recover=all -g -O1)
      target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
      target_include_directories(fuzz_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib ${REGINT_FUZZ_DIR})
      target_compile_definitions(fuzz_${t} PRIVATE _POSIX_C_SOURCE=200809L)
      target_link_libraries(fuzz_${t} PRIVATE regint_fuzzlib cJSON::cjson Threads::Threads m)
    endforeach()
  endif()
endif()
