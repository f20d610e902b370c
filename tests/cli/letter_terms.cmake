# Writes the letters (or, with -DDOC=report, the county reports) of counties 15, 39, 42 and 46
# for 2026 in one language and checks their words with tests/check_terms.py (run by
# tests/letter.cmake):
#   cmake -DREGINT=<regint> -DPYTHON=<python3> -DLANG=nn -DTMP=<dir> -DCHECK=<check_terms.py>
#         [-DDOC=letter|report] [-DSKIP=<term>] -P letter_terms.cmake
# The reports are written with the dataset's own plans (none for these counties): a plan file
# is the county's own text and stays in the language it was written in.
file(REMOVE_RECURSE ${TMP})
file(MAKE_DIRECTORY ${TMP})
if(NOT DOC)
  set(DOC letter)
endif()
set(files)
foreach(county 15 39 42 46)
  if(DOC STREQUAL "report")
    set(args report --county ${county} --year 2026 --lang ${LANG} --out ${TMP})
    set(stem ${TMP}/fylke-${county}-2026-${LANG})
    if(LANG STREQUAL "nb")
      set(stem ${TMP}/fylke-${county}-2026)
    endif()
  else()
    set(args letter --county ${county} --year 2026 --lang ${LANG} --date 2026-10-15 --out ${TMP})
    set(stem ${TMP}/letter-${county}-2026-${LANG})
  endif()
  execute_process(COMMAND ${REGINT} ${args} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "regint ${DOC} --county ${county} --lang ${LANG}: exit ${rc}\n${err}")
  endif()
  list(APPEND files ${stem}.md ${stem}.html)
endforeach()
set(skip)
if(SKIP)
  set(skip --skip ${SKIP})
endif()
set(kind required)
if(DOC STREQUAL "report")
  set(kind report)
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} --lang ${LANG} --required --kind ${kind} ${skip} ${files}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${TMP})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_terms.py --lang ${LANG} (${DOC}):\n${out}${err}")
endif()
