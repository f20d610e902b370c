# Python tests (label "python"): the pytest suite in tests/python and one test per notebook
# in examples/notebooks, run with the interpreter the bindings were built for against the
# package in the build tree (bindings/python/CMakeLists.txt puts it in
# <build>/bindings/python/regint). Only with -DREGINT_BUILD_PYTHON=ON.
if(REGINT_BUILD_PYTHON)
  if(REGINT_SANITIZE)
    message(STATUS "Python tests skipped: the extension cannot be loaded into an "
                   "uninstrumented interpreter under -DREGINT_SANITIZE=ON")
    return()
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(REGINT_PY_BUILD_PATH ${PROJECT_BINARY_DIR}/bindings/python)
  set(REGINT_PY_ENV
    "PYTHONPATH=${REGINT_PY_BUILD_PATH}"
    "PYTHONDONTWRITEBYTECODE=1"
    "REGINT_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    "REGINT_SOURCE_DATA_DIR=${PROJECT_SOURCE_DIR}/data"
    "REGINT_BUILD_DATA_DIR=${PROJECT_BINARY_DIR}/data"
    "REGINT_TEST_DIR=${CMAKE_CURRENT_SOURCE_DIR}"
    "MPLBACKEND=Agg"
    "PYDEVD_DISABLE_FILE_VALIDATION=1")
  # The C command-line tool, for the tests that compare Python with it: they fail (never
  # skip) without it, so -DREGINT_BUILD_EXAMPLES=OFF makes those tests fail.
  if(TARGET regint_cli)
    list(APPEND REGINT_PY_ENV "REGINT_CLI=$<TARGET_FILE:regint_cli>")
  else()
    message(WARNING "REGINT_BUILD_PYTHON without REGINT_BUILD_EXAMPLES: the Python tests "
                    "that compare with the regint CLI will fail")
  endif()

  # pytest exits 5 when it collects no test: that must fail too, so any non-zero exit
  # fails (ctest judges the exit code, and -p no:cacheprovider keeps the source tree clean).
  add_test(NAME python_pytest
    COMMAND ${CMAKE_COMMAND} -E env ${REGINT_PY_ENV}
            ${Python3_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_SOURCE_DIR}/python
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(python_pytest PROPERTIES LABELS "python" TIMEOUT 900)

  # The package installs and imports from the install tree alone.
  set(_inst ${CMAKE_CURRENT_BINARY_DIR}/python-install)
  add_test(NAME python_install
    COMMAND ${CMAKE_COMMAND}
      -DBUILD_DIR=${PROJECT_BINARY_DIR} -DPREFIX=${_inst}
      -DPYTHON=${Python3_EXECUTABLE} -DEXPECT_VERSION=${PROJECT_VERSION}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/python/install_check.cmake)
  set_tests_properties(python_install PROPERTIES LABELS "python" TIMEOUT 300)

  # Each notebook, executed top to bottom; a failing cell fails the test.
  find_program(REGINT_JUPYTER jupyter)
  if(REGINT_JUPYTER)
    set(_nbconvert ${REGINT_JUPYTER} nbconvert)
  else()
    set(_nbconvert ${Python3_EXECUTABLE} -m nbconvert)
  endif()
  file(GLOB REGINT_NOTEBOOKS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/notebooks/*.ipynb)
  set(_nbout ${CMAKE_CURRENT_BINARY_DIR}/notebooks)
  file(MAKE_DIRECTORY ${_nbout})
  foreach(nb ${REGINT_NOTEBOOKS})
    get_filename_component(nbname ${nb} NAME_WE)
    # tests/python/run_notebook.py runs `jupyter nbconvert --to notebook --execute` into
    # ${_nbout}; a failing cell fails the test (never skipped).
    add_test(NAME notebook_${nbname}
      COMMAND ${CMAKE_COMMAND} -E env ${REGINT_PY_ENV}
              ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/python/run_notebook.py
              ${nb} ${_nbout} ${_nbconvert}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/examples/notebooks)
    set_tests_properties(notebook_${nbname} PROPERTIES LABELS "python;notebook" TIMEOUT 1200)
  endforeach()
endif()
