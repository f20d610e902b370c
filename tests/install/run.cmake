# Run by ctest (tests/install/install.cmake): install regint into WORK_DIR/prefix, then build and
# run install/consumer.c with pkg-config and with find_package(regint CONFIG).
cmake_minimum_required(VERSION 3.25)
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "$ ${ARGN}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${REGINT_BINARY_DIR} --prefix ${prefix})

# Where the library and the data went.
file(GLOB_RECURSE pcs ${prefix}/*/regint.pc)
list(GET pcs 0 pc)
get_filename_component(pcdir ${pc} DIRECTORY)
get_filename_component(libdir ${pcdir} DIRECTORY)
set(data ${prefix}/share/regint/regint-default.json)
if(NOT EXISTS ${data})
  message(FATAL_ERROR "the default dataset was not installed: ${data}")
endif()
foreach(h regint.h dataset.h common.h version.h)
  if(NOT EXISTS ${prefix}/include/regint/${h})
    message(FATAL_ERROR "header not installed: include/regint/${h}")
  endif()
endforeach()

# The installed pkg-config file names the configured prefix; point pkg-config at the
# temporary one.
set(ENV{PKG_CONFIG_PATH} ${pcdir})
find_program(PKG_CONFIG pkg-config REQUIRED)
execute_process(COMMAND ${PKG_CONFIG} --define-variable=prefix=${prefix} --cflags --libs regint
  OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs regint failed")
endif()
# libdir/includedir in regint.pc are absolute (the configured prefix): rewrite them to the
# temporary prefix when they differ.
execute_process(COMMAND ${PKG_CONFIG} --variable=prefix regint OUTPUT_VARIABLE cfg_prefix
  OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REPLACE "${cfg_prefix}/" "${prefix}/" flags "${flags}")
separate_arguments(flag_list UNIX_COMMAND "${flags}")
message(STATUS "pkg-config flags: ${flags}")
run(${C_COMPILER} -std=c11 -Wall -Wextra -Werror ${REGINT_CONSUMER_DIR}/consumer.c ${flag_list}
  -o ${WORK_DIR}/consumer_pkgconfig)
set(ENV{LD_LIBRARY_PATH} ${libdir})
# The installed lookup itself, without $REGINT_DATA: the library finds the data of the
# prefix it is installed under (lib/dataset/default_path.c), not the build tree's.
unset(ENV{REGINT_DATA})
file(REAL_PATH ${data} data_real)
run(${WORK_DIR}/consumer_pkgconfig)
string(FIND "${last_output}" "(${data_real})" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the installed library did not use the installed dataset ${data_real}: ${last_output}")
endif()
# The installed CLI too (if it was built), and its manual page.
if(EXISTS ${prefix}/bin/regint)
  run(${prefix}/bin/regint summary)
  if(NOT last_output MATCHES "357")
    message(FATAL_ERROR "installed regint summary: unexpected output")
  endif()
  if(NOT EXISTS ${prefix}/share/man/man1/regint.1.gz)
    message(FATAL_ERROR "the manual page was not installed: share/man/man1/regint.1.gz")
  endif()
endif()

# find_package(regint CONFIG)
run(${CMAKE_COMMAND} -S ${REGINT_CONSUMER_DIR} -B ${WORK_DIR}/cmake_build
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${C_COMPILER})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake_build)
run(${WORK_DIR}/cmake_build/consumer)
