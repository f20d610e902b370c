# Debian packages with CPack: `cpack -G DEB` in the build tree makes
#   libregint<SOVERSION>  the shared library (libregint.so.<SOVERSION>*)     component libregint
#   libregint-dev         headers, static library, libregint.so, regint.pc, the CMake package
#                                                                           component dev
#   regint                the command, the bundled dataset, regint(1)       component cli
#   python3-regint        `import regint` for Debian's python3              component python_deb
# The runtime package is named after the SONAME as Debian policy (8.1) asks: the SONAME is
# libregint.so.0.2 in 0.x (see CMakeLists.txt), so the package is libregint0.2.
# The packages are relocatable in the sense that matters here: the library finds the data of
# the prefix it is installed under and regint.pc finds its prefix from its own folder, so the
# default prefix (/usr/local) of a development build gives working packages under /usr too.
# Tested by tests/package.cmake (label "package"); docs/packaging.md.
set(REGINT_PACKAGE_MAINTAINER "regint maintainers <maintainers@users.noreply.h-seed-263eced6.example>"
    CACHE STRING "Maintainer field of the Debian packages")
set(REGINT_DEB_LIB "libregint${REGINT_SOVERSION}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME regint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${REGINT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VENDOR "The regint authors")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/regint/regint")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL libregint dev cli)
if(REGINT_BUILD_PYTHON)
  list(APPEND CPACK_COMPONENTS_ALL python_deb)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # libc6, libcjson1 from dpkg-shlibdeps
# dpkg-shlibdeps runs in each component's staging folder; libregint.so.* of the CLI is in
# the sibling folder of the component libregint (the dependency itself is stated below).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "../libregint/usr/${CMAKE_INSTALL_LIBDIR}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(_ver "${PROJECT_VERSION}")

set(CPACK_DEBIAN_LIBREGINT_PACKAGE_NAME ${REGINT_DEB_LIB})
set(CPACK_DEBIAN_LIBREGINT_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIBREGINT_PACKAGE_SUGGESTS regint)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # a shlibs file, for packages built on this one
# ldconfig through a trigger (Debian policy 8.1.1); own postinst/postrm keep CPack from
# writing ones that call ldconfig.
set(CPACK_DEBIAN_LIBREGINT_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/cmake/debian/triggers
    ${PROJECT_SOURCE_DIR}/cmake/debian/postinst ${PROJECT_SOURCE_DIR}/cmake/debian/postrm)
set(CPACK_DEBIAN_LIBREGINT_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_COMPONENT_LIBREGINT_DESCRIPTION
  "integration work of Norwegian counties - shared library
regint models the regional integration work of Norwegian counties
(fylkeskommuner): settlement capacity steering on real public data,
apportionment with bounds, criteria scoring, optimal matching of cases
to municipalities, grant allocation, coverage analysis and a knowledge
base of indicators.
.
This package holds the shared library.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libregint-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${REGINT_DEB_LIB} (= ${_ver}), libcjson-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SHLIBDEPS OFF)
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "integration work of Norwegian counties - development files
regint models the regional integration work of Norwegian counties
(fylkeskommuner).
.
This package holds the C headers, the static library, the pkg-config
file regint.pc and the CMake package (find_package(regint CONFIG)).")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME regint)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION science)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "${REGINT_DEB_LIB} (= ${_ver})")
set(CPACK_COMPONENT_CLI_DESCRIPTION
  "integration work of Norwegian counties - command-line tool and data
regint models the regional integration work of Norwegian counties
(fylkeskommuner).
.
This package holds the command regint (settlement recommendations,
back-tests, apportionment, matching, grants, coverage, guidance, county
reports), its manual page and the bundled default dataset built from
real public data (SSB, IMDi).")

set(CPACK_DEBIAN_PYTHON_DEB_PACKAGE_NAME python3-regint)
set(CPACK_DEBIAN_PYTHON_DEB_PACKAGE_SECTION python)
if(REGINT_BUILD_PYTHON)
  # The extension is built for this Python version only (no stable ABI); the version was
  # found in bindings/python.
  get_directory_property(_pymaj DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python DEFINITION Python3_VERSION_MAJOR)
  get_directory_property(_pymin DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python DEFINITION Python3_VERSION_MINOR)
  math(EXPR _pynext "${_pymin} + 1")
  set(CPACK_DEBIAN_PYTHON_DEB_PACKAGE_DEPENDS
    "python3 (>= ${_pymaj}.${_pymin}), python3 (<< ${_pymaj}.${_pynext}), python3-numpy, python3-pandas, regint (= ${_ver})")
endif()
set(CPACK_COMPONENT_PYTHON_DEB_DESCRIPTION
  "integration work of Norwegian counties - Python 3 module
regint models the regional integration work of Norwegian counties
(fylkeskommuner).
.
This package holds the Python 3 module regint (pandas DataFrames,
exceptions). It uses the dataset of the package regint.")

# Debian wants a copyright file and a changelog in /usr/share/doc/<package>/ of each package.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE _license)
string(REGEX REPLACE "^MIT License\n\n[^\n]*\n\n" "" _license "${_license}")
string(REGEX REPLACE "\n\n" "\n.\n" _license "${_license}")
string(REGEX REPLACE "\n([^\n])" "\n \\1" _license " ${_license}")
string(TIMESTAMP _date "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(comp libregint dev cli python_deb)
  string(TOUPPER ${comp} _C)
  set(_pkg ${CPACK_DEBIAN_${_C}_PACKAGE_NAME})
  set(_doc ${PROJECT_BINARY_DIR}/debian/${_pkg})
  file(WRITE ${_doc}/copyright
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: regint
Source: ${CPACK_PACKAGE_HOMEPAGE_URL}

Files: *
Copyright: 2026 The regint authors
License: Expat

License: Expat
${_license}")
  file(WRITE ${_doc}/changelog
"${_pkg} (${_ver}) unstable; urgency=medium

  * Release ${_ver}; the changes are in CHANGES.md of the source.

 -- ${REGINT_PACKAGE_MAINTAINER}  ${_date}
")
  find_program(GZIP gzip REQUIRED)
  execute_process(COMMAND ${GZIP} -9nf ${_doc}/changelog)
  # Only for the packages, not in a plain `cmake --install`.
  install(FILES ${_doc}/copyright ${_doc}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${_pkg} COMPONENT ${comp} EXCLUDE_FROM_ALL)
endforeach()

include(CPack)
