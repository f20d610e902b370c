# The bad-input table tests/data/bad_inputs.tsv, run by tests/c/bad_inputs.c: one ctest test
# per row (labels "bad_input" and "c" for library calls, "bad_input" and "cli" for regint
# command lines), plus bad_input_catalogue (every bad_* file in a folder of tests/data has a
# row) and bad_input_selftest:<n> (rows of tests/c/bad_inputs_selftest.tsv, each wrong on
# purpose, which the runner must fail).
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

# The rows of a table as "file<TAB>call<TAB>line" entries in out_var. Only the first two
# fields are needed here (the runner reads the rest); the messages hold '[' and ';', which
# CMake lists treat specially, so each line is cut to its first two fields before the split.
function(regint_bad_input_rows tsv out_var)
  file(READ ${tsv} text)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${tsv})
  string(REGEX REPLACE "\n#[^\n]*" "\n" text "\n${text}")
  string(REGEX REPLACE "([^\t\n]*\t[^\t\n]*)\t[^\n]*" "\\1" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(rows)
  foreach(line IN LISTS lines)
    if(line MATCHES "^[^\t]+\t[^\t]+$")
      list(APPEND rows "${line}")
    endif()
  endforeach()
  set(${out_var} "${rows}" PARENT_SCOPE)
endfunction()

regint_bad_input_rows(${CMAKE_CURRENT_LIST_DIR}/bad_inputs.tsv _bi_rows)
foreach(_bi_row IN LISTS _bi_rows)
  string(REGEX MATCH "^([^\t]+)\t([^\t]+)$" _ "${_bi_row}")
  set(_bi_file "${CMAKE_MATCH_1}")
  set(_bi_call "${CMAKE_MATCH_2}")
  if(_bi_call MATCHES "^regint ")
    if(NOT TARGET regint_cli)
      continue()
    endif()
    set(_bi_name "bad_input_cli:${_bi_file}")
    if(_bi_file STREQUAL "-")
      # Rows without a file (a bad command line) are told apart by their arguments.
      string(REGEX REPLACE "[^A-Za-z0-9_.-]+" "_" _bi_args "${_bi_call}")
      set(_bi_name "bad_input_cli:-:${_bi_args}")
    endif()
    set(_bi_labels "cli;bad_input")
  else()
    set(_bi_name "bad_input:${_bi_file}")
    set(_bi_labels "c;bad_input")
  endif()
  add_test(NAME "${_bi_name}" COMMAND bad_inputs ${_bi_cli} --row "${_bi_file}" "${_bi_call}")
  set_tests_properties("${_bi_name}" PROPERTIES LABELS "${_bi_labels}")
endforeach()

set(_bi_self ${CMAKE_CURRENT_LIST_DIR}/../c/bad_inputs_selftest.tsv)
regint_bad_input_rows(${_bi_self} _bi_rows)
set(_bi_n 0)
foreach(_bi_row IN LISTS _bi_rows)
  string(REGEX MATCH "^([^\t]+)\t([^\t]+)$" _ "${_bi_row}")
  set(_bi_file "${CMAKE_MATCH_1}")
  set(_bi_call "${CMAKE_MATCH_2}")
  if(_bi_call MATCHES "^regint " AND NOT TARGET regint_cli)
    continue()
  endif()
  math(EXPR _bi_n "${_bi_n} + 1")
  add_test(NAME "bad_input_selftest:${_bi_n}"
    COMMAND bad_inputs ${_bi_cli} --table ${_bi_self} --row "${_bi_file}" "${_bi_call}")
  # Passes only on a failed check of this row (not on a crash or a missing row).
  set_tests_properties("bad_input_selftest:${_bi_n}" PROPERTIES LABELS "c;bad_input"
    PASS_REGULAR_EXPRESSION "bad_inputs_selftest\\.tsv:[0-9]+: ${_bi_file} \\(")
endforeach()
