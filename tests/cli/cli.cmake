# CLI tests (label "cli"): every test of the `regint` command is one call of
#
#   regint_cli_test(<name> ARGS <arg>...        the command line after `regint`; {tmp} is a
#                                               fresh empty directory of the test
#                   [EXIT <code>]               expected exit status (default 0)
#                   [OUTPUT <regex>]            stdout must match
#                   [ERRORS <text>...]          stderr must contain each text
#                   [ABSENT <text>...]          neither stream may contain any of them
#                   [FILES <path> <regex>...]   files under {tmp} and what they must match
#                   [ENV <var=value>...])
#
# run by tests/cli/run.cmake; the tests of each command are in tests/cli/<command>.cmake.
# Bad input files (exit 1 with a message naming the file) are rows of the bad-input table
# tests/data/bad_inputs.tsv instead. Exit codes: 0 ok, 1 bad input, 2 usage.
if(NOT TARGET regint_cli)
  return()  # REGINT_BUILD_EXAMPLES=OFF
endif()

function(regint_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 T "" "EXIT;OUTPUT" "ARGS;ERRORS;ABSENT;FILES;ENV")
  if(T_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "regint_cli_test(${name}): unknown arguments ${T_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT DEFINED T_EXIT)
    set(T_EXIT 0)
  endif()
  set(tmp ${CMAKE_CURRENT_BINARY_DIR}/cli_tmp/${name})
  # The spec is CMake code with bracket arguments, so regexes and messages need no escaping;
  # the newline after each opening bracket is dropped by CMake.
  set(spec "set(EXIT ${T_EXIT})\nset(TMP [==[\n${tmp}]==])\n")
  if(DEFINED T_OUTPUT)
    string(APPEND spec "set(OUTPUT [==[\n${T_OUTPUT}]==])\n")
  endif()
  foreach(a IN LISTS T_ARGS)
    string(REPLACE "{tmp}" "${tmp}" a "${a}")
    string(APPEND spec "list(APPEND ARGS [==[\n${a}]==])\n")
  endforeach()
  foreach(v ERRORS ABSENT FILES)
    foreach(a IN LISTS T_${v})
      string(APPEND spec "list(APPEND ${v} [==[\n${a}]==])\n")
    endforeach()
  endforeach()
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/cli/${name}.cmake "${spec}")
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli>
            -DSPEC=${CMAKE_CURRENT_BINARY_DIR}/cli/${name}.cmake -P ${REGINT_TEST_DIR}/cli/run.cmake)
  set_tests_properties(${name} PROPERTIES LABELS "cli")
  if(T_ENV)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${T_ENV}")
  endif()
endfunction()

foreach(_cmd apportion gap match report settlement summary tasks usage)
  include(${CMAKE_CURRENT_LIST_DIR}/${_cmd}.cmake)
endforeach()
