# Package test (label "package"): `cpack -G DEB` in this build tree, then every .deb
# unpacked with `dpkg-deb -x` into one temporary root, and from there: the CLI (finding the
# unpacked dataset by itself), a C consumer built with pkg-config against the unpacked
# libregint-dev, and `import regint` with Debian's python3 (when the bindings are built).
# lintian runs on the packages when it is installed (its errors fail the test).
# See tests/package/run.cmake and cmake/packaging.cmake.
find_program(REGINT_DPKG_DEB dpkg-deb)
find_program(REGINT_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOT REGINT_DPKG_DEB OR NOT REGINT_DPKG_SHLIBDEPS OR REGINT_SANITIZE OR NOT TARGET regint_cli)
  return()
endif()
find_program(REGINT_LINTIAN lintian)
set(_py "")
if(REGINT_BUILD_PYTHON)
  set(_py /usr/bin/python3)
endif()
add_test(NAME package_deb
  COMMAND ${CMAKE_COMMAND}
    -DREGINT_BINARY_DIR=${PROJECT_BINARY_DIR}
    -DCPACK=${CMAKE_CPACK_COMMAND}
    -DLIB_PACKAGE=libregint${REGINT_SOVERSION}
    -DCONSUMER=${CMAKE_CURRENT_SOURCE_DIR}/install/consumer.c
    -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/package_test
    -DC_COMPILER=${CMAKE_C_COMPILER}
    -DPYTHON=${_py}
    -DLINTIAN=${REGINT_LINTIAN}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/package/run.cmake)
set_tests_properties(package_deb PROPERTIES LABELS "package" TIMEOUT 1200 RUN_SERIAL TRUE)
