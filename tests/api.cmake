# The `api` tests (label "api"): the API rules of docs/user-guide.md held mechanically.
# - api_rules: tests/api/check_api.py over every public header (and the generated version.h);
#   it lists each breach as file:line: [rule] message and fails if there is one.
# - api_bad_header: the same script on tests/api/bad/widget.h, a header that breaks every rule
#   once; it passes only when each rule is reported (so a rule that stops firing is noticed).
# - api_bad_header_fails: the plain check of that header must fail (WILL_FAIL).
# - c_test_api (tests/c/test_api.c, label "c" and "api") checks at run time what a header
#   cannot show: names never NULL, options_init, one version status, no error from probes.
find_package(Python3 COMPONENTS Interpreter QUIET)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "Python 3 not found: the api tests are not added")
  return()
endif()
file(GLOB _api_headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/regint/*.h)
set(_api_rules prefix,public-prefix,t-plain,free-pairs,handle-free,result-free,options,versioned,enum,parser,out-last,const-query)
add_test(NAME api_rules
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/api/check_api.py
                 ${_api_headers} ${PROJECT_BINARY_DIR}/include/regint/version.h)
add_test(NAME api_bad_header
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/api/check_api.py --expect ${_api_rules}
                 ${CMAKE_CURRENT_SOURCE_DIR}/api/bad/widget.h)
add_test(NAME api_bad_header_fails
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/api/check_api.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/api/bad/widget.h)
set_tests_properties(api_rules api_bad_header api_bad_header_fails PROPERTIES LABELS "api")
set_tests_properties(api_bad_header_fails PROPERTIES WILL_FAIL TRUE)
if(TEST c_test_api)
  set_tests_properties(c_test_api PROPERTIES LABELS "c;api")
endif()
