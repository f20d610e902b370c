# regint(1) is in step with the option tables (label "cli"): tests/man/check.cmake.
if(NOT TARGET regint_man)
  return()  # REGINT_BUILD_EXAMPLES=OFF
endif()
add_test(NAME cli_man_page
  COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli>
          -DMAN_PAGE=${PROJECT_BINARY_DIR}/examples/cli/regint.1
          -P ${CMAKE_CURRENT_SOURCE_DIR}/man/check.cmake)
set_tests_properties(cli_man_page PROPERTIES LABELS "cli")
