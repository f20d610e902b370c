# Writes the letters of counties 15, 39, 42 and 46 for 2026 in one language and checks their
# words with tests/check_terms.py (run by tests/letter.cmake):
#   cmake -DREGINT=<regint> -DPYTHON=<python3> -DLANG=nn -DTMP=<dir> -DCHECK=<check_terms.py>
#         [-DSKIP=<term>] -P letter_terms.cmake
file(REMOVE_RECURSE ${TMP})
file(MAKE_DIRECTORY ${TMP})
set(files)
foreach(county 15 39 42 46)
  execute_process(COMMAND ${REGINT} letter --county ${county} --year 2026 --lang ${LANG} --date 2026-10-15
                          --out ${TMP} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "regint letter --county ${county} --lang ${LANG}: exit ${rc}\n${err}")
  endif()
  list(APPEND files ${TMP}/letter-${county}-2026-${LANG}.md ${TMP}/letter-${county}-2026-${LANG}.html)
endforeach()
set(skip)
if(SKIP)
  set(skip --skip ${SKIP})
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} --lang ${LANG} --required ${skip} ${files}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${TMP})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_terms.py --lang ${LANG}:\n${out}${err}")
endif()
