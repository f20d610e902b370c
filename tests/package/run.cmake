# Run by ctest (tests/package.cmake). Makes the Debian packages, unpacks them into
# WORK_DIR/root and uses them from there without $REGINT_DATA.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/root)
set(root ${WORK_DIR}/root)
unset(ENV{REGINT_DATA})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  WORKING_DIRECTORY ${WORK_DIR})
  message(STATUS "$ ${ARGN}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()

run(${CPACK} -G DEB -B ${WORK_DIR}/out --config ${REGINT_BINARY_DIR}/CPackConfig.cmake)
file(GLOB debs ${WORK_DIR}/out/*.deb)
foreach(pkg ${LIB_PACKAGE} libregint-dev regint)
  if(NOT debs MATCHES "/${pkg}_[^/]*\\.deb")
    message(FATAL_ERROR "no package ${pkg} in: ${debs}")
  endif()
endforeach()
foreach(deb ${debs})
  run(dpkg-deb -f ${deb} Package Version Depends)
  run(dpkg-deb -x ${deb} ${root})
endforeach()

# The libraries' folder in the root (lib/ or lib/<multiarch>/).
file(GLOB_RECURSE sos ${root}/usr/lib/libregint.so.*)
list(GET sos 0 so)
get_filename_component(libdir ${so} DIRECTORY)
set(ENV{LD_LIBRARY_PATH} ${libdir})

# The CLI finds the unpacked data beside its library, and the manual page is there.
run(${root}/usr/bin/regint summary)
if(NOT last_output MATCHES "357")
  message(FATAL_ERROR "regint summary from the package: unexpected output")
endif()
run(${root}/usr/bin/regint recommend --county 39 --year 2026 --csv)
if(NOT EXISTS ${root}/usr/share/man/man1/regint.1.gz)
  message(FATAL_ERROR "no manual page in the package regint")
endif()

# A C consumer through pkg-config; regint.pc finds its prefix from its own folder.
file(GLOB_RECURSE pcs ${root}/usr/*/regint.pc)
list(GET pcs 0 pc)
get_filename_component(pcdir ${pc} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND pkg-config --cflags --libs regint OUTPUT_VARIABLE flags RESULT_VARIABLE rc
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs regint failed")
endif()
message(STATUS "pkg-config flags: ${flags}")
separate_arguments(flag_list UNIX_COMMAND "${flags}")
run(${C_COMPILER} -std=c11 -Wall -Wextra -Werror ${CONSUMER} ${flag_list} -o ${WORK_DIR}/consumer)
run(${WORK_DIR}/consumer)
file(REAL_PATH ${root}/usr/share/regint/regint-default.json data_real)
string(FIND "${last_output}" "(${data_real})" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the packaged library did not use the packaged dataset ${data_real}")
endif()

# import regint with Debian's python3 from the unpacked tree.
if(PYTHON)
  if(NOT debs MATCHES "/python3-regint_[^/]*\\.deb")
    message(FATAL_ERROR "no package python3-regint in: ${debs}")
  endif()
  # (A file, not -c: the ';' of a one-liner would split the CMake argument list.)
  file(WRITE ${WORK_DIR}/import.py
    "import regint\nprint(regint.__file__, regint.default_path())\nprint(len(regint.recommend('39', 2026)))\n")
  run(${CMAKE_COMMAND} -E env --unset=PYTHONPATH PYTHONPATH=${root}/usr/lib/python3/dist-packages
      PYTHONNOUSERSITE=1 ${PYTHON} ${WORK_DIR}/import.py)
  string(FIND "${last_output}" "${root}/usr/lib/python3/dist-packages/regint/__init__.py" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "regint was not imported from the unpacked package")
  endif()
  string(FIND "${last_output}" "${data_real}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the packaged Python module did not use the packaged dataset")
  endif()
endif()

# lintian, when installed: errors fail the test; warnings are printed.
if(LINTIAN)
  execute_process(COMMAND ${LINTIAN} --tag-display-limit 0 ${debs}
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "lintian:\n${out}${err}")
  if(out MATCHES "(^|\n)E: ")
    message(FATAL_ERROR "lintian reports errors")
  endif()
endif()
