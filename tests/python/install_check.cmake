# Install the build tree into PREFIX and import the package from there alone:
#   cmake -DBUILD_DIR=... -DPREFIX=... -DPYTHON=... -DEXPECT_VERSION=... -P install_check.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
file(GLOB_RECURSE inits ${PREFIX}/__init__.py)
list(FILTER inits INCLUDE REGEX "/regint/__init__.py$")
list(LENGTH inits n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one installed regint/__init__.py under ${PREFIX}, found: ${inits}")
endif()
get_filename_component(pkg ${inits} DIRECTORY)
get_filename_component(site ${pkg} DIRECTORY)
message(STATUS "installed package: ${pkg}")
# Run from an empty directory with only the install tree on the path.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONPATH PYTHONPATH=${site} PYTHONNOUSERSITE=1
          ${PYTHON} -c "import regint, os; print(regint.__version__); assert os.path.dirname(regint.__file__) == os.path.realpath('${pkg}') or regint.__file__.startswith('${site}'), regint.__file__; print(regint.apportion([1, 2, 3], 6) if hasattr(regint, 'apportion') else '')"
  WORKING_DIRECTORY ${PREFIX}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "import regint from the install tree failed (${rc})")
endif()
string(REGEX MATCH "^[^\n]*" first "${out}")
if(NOT first STREQUAL EXPECT_VERSION)
  message(FATAL_ERROR "regint.__version__ is '${first}', expected '${EXPECT_VERSION}'")
endif()
