# Writes the tables of `regint scenario` and `regint audit` (IMDi's requests audited, with a
# fairness floor) of counties 15, 39, 42 and 46 for 2026 in one language and checks their words
# with tests/check_terms.py: no bokmål form in nynorsk and the reverse, no Norwegian in English
# (run by tests/letter.cmake):
#   cmake -DREGINT=<regint> -DPYTHON=<python3> -DLANG=nn -DTMP=<dir> -DCHECK=<check_terms.py> -P scenario_terms.cmake
file(REMOVE_RECURSE ${TMP})
file(MAKE_DIRECTORY ${TMP})
set(files)
foreach(county 15 39 42 46)
  foreach(cmd scenario audit)
    set(extra)
    if(cmd STREQUAL "audit")
      set(extra --allocation imdi --max-per-1000 3)
    endif()
    execute_process(COMMAND ${REGINT} ${cmd} --county ${county} --year 2026 --lang ${LANG} ${extra}
                    RESULT_VARIABLE rc OUTPUT_FILE ${TMP}/${cmd}-${county}.md ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "regint ${cmd} --county ${county} --lang ${LANG}: exit ${rc}\n${err}")
    endif()
    list(APPEND files ${TMP}/${cmd}-${county}.md)
  endforeach()
endforeach()
execute_process(COMMAND ${PYTHON} ${CHECK} --lang ${LANG} ${files}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${TMP})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_terms.py --lang ${LANG}:\n${out}${err}")
endif()
