# Install test: `cmake --install` into a temporary prefix, then build a small separate
# consumer program against it twice — with pkg-config and with find_package(regint CONFIG)
# — and run both on the installed default dataset. See install/run.cmake.
# Not in sanitizer builds: the consumer is a plain program and cannot link an ASan library.
if(REGINT_SANITIZE)
  return()
endif()
add_test(NAME install_consumer
  COMMAND ${CMAKE_COMMAND}
    -DREGINT_BINARY_DIR=${PROJECT_BINARY_DIR}
    -DREGINT_CONSUMER_DIR=${CMAKE_CURRENT_SOURCE_DIR}/install
    -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/install_test
    -DC_COMPILER=${CMAKE_C_COMPILER}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/install/run.cmake)
set_tests_properties(install_consumer PROPERTIES LABELS "install" TIMEOUT 300)
