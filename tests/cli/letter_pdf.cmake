# The letter (or report) printed to PDF with headless Chromium (run by tests/letter.cmake when
# Chromium is found):
#   cmake -DREGINT=<regint> -DPYTHON=<python3> -DSCRIPT=<html-to-pdf.sh> -DCHECK=<check_pdf.py>
#         -DTMP=<dir> -DARGS=<regint arguments, ;-separated> -DHTML=<file> -DPAGES=<n> -DTITLE=<text>
#         -P letter_pdf.cmake
file(REMOVE_RECURSE ${TMP})
file(MAKE_DIRECTORY ${TMP})
execute_process(COMMAND ${REGINT} ${ARGS} --out ${TMP} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "regint ${ARGS}: exit ${rc}\n${err}")
endif()
execute_process(COMMAND sh ${SCRIPT} ${TMP}/${HTML} ${TMP}/out.pdf RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "html-to-pdf.sh: exit ${rc}\n${out}${err}")
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} ${TMP}/out.pdf ${PAGES} ${TITLE} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
file(REMOVE_RECURSE ${TMP})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_pdf.py:\n${out}${err}")
endif()
