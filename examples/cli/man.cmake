# cmake -DREGINT=<regint> -DOUT=<dir>/regint.1 -P man.cmake
# Writes OUT from `regint --man` and OUT.gz beside it (gzip -9n: no name or time stamp in
# the header, so the file is the same on every build).
execute_process(COMMAND ${REGINT} --man OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "regint --man failed (${rc})")
endif()
find_program(GZIP gzip REQUIRED)
execute_process(COMMAND ${GZIP} -9nc ${OUT} OUTPUT_FILE ${OUT}.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${OUT} failed (${rc})")
endif()
