# The bad-input table tests/data/bad_inputs.tsv, run by tests/c/bad_inputs.c: one ctest test
# per row (labels "bad_input" and "c" for library calls, "bad_input" and "cli" for regint
# command lines), plus bad_input_catalogue (every tests/data/**/bad_* file has a row).
# The executable is named test_bad_inputs so that scripts/test.sh's valgrind pass (which runs
# every tests/test_* binary without arguments) checks the whole table in one process.
add_executable(bad_inputs ${CMAKE_CURRENT_LIST_DIR}/../c/bad_inputs.c)
set_target_properties(bad_inputs PROPERTIES OUTPUT_NAME test_bad_inputs)
target_compile_options(bad_inputs PRIVATE ${REGINT_WARNINGS})
target_compile_definitions(bad_inputs PRIVATE _POSIX_C_SOURCE=200809L
  REGINT_TEST_DIR="${REGINT_TEST_DIR}")
target_link_libraries(bad_inputs PRIVATE regint_static)
set(_bi_cli)
if(TARGET regint_cli)
  target_compile_definitions(bad_inputs PRIVATE REGINT_CLI_PATH="$<TARGET_FILE:regint_cli>")
  set(_bi_cli --cli $<TARGET_FILE:regint_cli>)
endif()

add_test(NAME bad_input_catalogue COMMAND bad_inputs --catalogue)
set_tests_properties(bad_input_catalogue PROPERTIES LABELS "c;bad_input")

# Only the first two fields (file, call) are needed here; the runner reads the rest. The
# messages hold '[' and ';', which CMake lists treat specially, so they never become list
# elements: each line is cut to its first two fields before the split.
file(READ ${CMAKE_CURRENT_LIST_DIR}/bad_inputs.tsv _bi_text)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/bad_inputs.tsv)
string(REGEX REPLACE "\n#[^\n]*" "\n" _bi_text "\n${_bi_text}")
string(REGEX REPLACE "([^\t\n]*\t[^\t\n]*)\t[^\n]*" "\\1" _bi_text "${_bi_text}")
string(REPLACE "\n" ";" _bi_lines "${_bi_text}")
foreach(_bi_line IN LISTS _bi_lines)
  if(NOT _bi_line MATCHES "^([^\t]+)\t([^\t]+)$")
    continue()
  endif()
  set(_bi_file "${CMAKE_MATCH_1}")
  set(_bi_call "${CMAKE_MATCH_2}")
  if(_bi_call MATCHES "^regint ")
    if(NOT TARGET regint_cli)
      continue()
    endif()
    set(_bi_name "bad_input_cli:${_bi_file}")
    set(_bi_labels "cli;bad_input")
  else()
    set(_bi_name "bad_input:${_bi_file}")
    set(_bi_labels "c;bad_input")
  endif()
  add_test(NAME "${_bi_name}" COMMAND bad_inputs ${_bi_cli} --row "${_bi_file}" "${_bi_call}")
  set_tests_properties("${_bi_name}" PROPERTIES LABELS "${_bi_labels}")
endforeach()
