# Documentation tests (label "docs"), only when Doxygen is found:
# - docs_api_documented: every public symbol, struct member, enum value, macro and
#   parameter in include/regint/*.h (and the generated version.h) is documented. Doxygen
#   runs with WARN_IF_UNDOCUMENTED and WARN_AS_ERROR = FAIL_ON_WARNINGS, so any undocumented
#   item, incomplete @param list, unknown command or broken reference fails the test.
# - docs_pages: the same headers plus the Markdown pages of docs/ (as the `docs` target
#   builds them, user-guide.md as main page) give no warning either (bad HTML-like tags,
#   unresolved references).
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND OR NOT TARGET Doxygen::doxygen)
  message(STATUS "Doxygen not found: the docs_api_documented test is not added")
  return()
endif()

# Headers left out of the check. match.h is being finished by its owner; remove it from
# this list once it is fully documented (the test then covers every public header).
set(REGINT_DOCS_CHECK_EXCLUDE "")

set(_dcheck_dir ${CMAKE_CURRENT_BINARY_DIR}/docs_check)
string(REPLACE ";" " " _dcheck_exclude "${REGINT_DOCS_CHECK_EXCLUDE}")
file(WRITE ${_dcheck_dir}/Doxyfile "\
PROJECT_NAME           = regint
OUTPUT_DIRECTORY       = ${_dcheck_dir}/out
INPUT                  = ${PROJECT_SOURCE_DIR}/include/regint ${PROJECT_BINARY_DIR}/include/regint/version.h
FILE_PATTERNS          = *.h
RECURSIVE              = NO
EXCLUDE                = ${_dcheck_exclude}
STRIP_FROM_PATH        = ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include
OPTIMIZE_OUTPUT_FOR_C  = YES
EXTRACT_ALL            = NO
EXTRACT_STATIC         = NO
ENABLE_PREPROCESSING   = YES
PREDEFINED             = REGINT_API=
QUIET                  = YES
WARNINGS               = YES
WARN_IF_UNDOCUMENTED   = YES
WARN_IF_DOC_ERROR      = YES
WARN_IF_INCOMPLETE_DOC = YES
WARN_NO_PARAMDOC       = NO
WARN_AS_ERROR          = FAIL_ON_WARNINGS
GENERATE_HTML          = NO
GENERATE_LATEX         = NO
GENERATE_XML           = YES
HAVE_DOT               = NO
")
add_test(NAME docs_api_documented
  COMMAND Doxygen::doxygen ${_dcheck_dir}/Doxyfile
  WORKING_DIRECTORY ${_dcheck_dir})
set_tests_properties(docs_api_documented PROPERTIES LABELS "docs" TIMEOUT 300)

file(READ ${_dcheck_dir}/Doxyfile _dcheck_conf)
file(WRITE ${_dcheck_dir}/Doxyfile.pages "${_dcheck_conf}
INPUT                 += ${PROJECT_SOURCE_DIR}/docs
FILE_PATTERNS          = *.h *.md
USE_MDFILE_AS_MAINPAGE = ${PROJECT_SOURCE_DIR}/docs/user-guide.md
OUTPUT_DIRECTORY       = ${_dcheck_dir}/out_pages
")
add_test(NAME docs_pages
  COMMAND Doxygen::doxygen ${_dcheck_dir}/Doxyfile.pages
  WORKING_DIRECTORY ${_dcheck_dir})
set_tests_properties(docs_pages PROPERTIES LABELS "docs" TIMEOUT 300)
