# Layering of lib/ (labels "api" and "layout"; rules in docs/architecture.md, checked by
# tests/layout/check_layers.py):
# - layering: a file in lib/<layer>/ includes private headers only of its own layer or
#   lower ones (util <- dataset <- {apportion, settlement, matching} <- {knowledge, tasks});
#   lib/sections.c and lib/options.c, the top, may include all; data/ and examples/ use the
#   public API only.
# - layering_catches: the checker run on tests/layout/bad/, a tree that breaks each rule
#   on purpose, must report exactly the violations of bad/expected.txt.
find_package(Python3 COMPONENTS Interpreter QUIET)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "python3 not found: the layout tests are not added")
  return()
endif()
add_test(NAME layering
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/layout/check_layers.py ${PROJECT_SOURCE_DIR})
add_test(NAME layering_catches
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/layout/check_layers.py
          --expect ${CMAKE_CURRENT_SOURCE_DIR}/layout/bad/expected.txt ${CMAKE_CURRENT_SOURCE_DIR}/layout/bad)
set_tests_properties(layering layering_catches PROPERTIES LABELS "api;layout" TIMEOUT 60)
