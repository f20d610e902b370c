# `regint letter` (issue 15): the recommendation letter of Møre og Romsdal (15, nynorsk county),
# Vestfold (39), Agder (42) and Vestland (46) for 2026 in bokmål, nynorsk and English. Each test
# writes the Markdown and the HTML; letter_terms_<lang> then reads them with tests/check_terms.py:
# no bokmål form in a nynorsk letter (and the reverse), no Norwegian word in an English one, and
# the terms each language requires (tests/data/i18n_terms.tsv, with their sources).
# Expected figures: Møre og Romsdal's total 1 030 and Kristiansund's 79 are
# `regint recommend --county 15 --year 2026 --profile examples/data/profile-handset.json` (the
# default total = IMDi's 2026 requests).
if(NOT TARGET regint_cli)
  return()
endif()
foreach(_lang nb nn en)
  foreach(_county 15 39 42 46)
    regint_cli_test(cli_letter_${_county}_${_lang}
      ARGS letter --county ${_county} --year 2026 --lang ${_lang} --date 2026-10-15 --out {tmp}
      FILES letter-${_county}-2026-${_lang}.md "## 9\\. "
            letter-${_county}-2026-${_lang}.html "^<!DOCTYPE html>\n<html lang=\"${_lang}\">")
  endforeach()
  add_test(NAME letter_terms_${_lang}
    COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli> -DPYTHON=${Python3_EXECUTABLE} -DLANG=${_lang}
            -DTMP=${CMAKE_CURRENT_BINARY_DIR}/letter_terms_${_lang} -DCHECK=${REGINT_TEST_DIR}/check_terms.py
            -P ${REGINT_TEST_DIR}/cli/letter_terms.cmake)
  set_tests_properties(letter_terms_${_lang} PROPERTIES LABELS "cli")
endforeach()

# Figures: the county's total and one municipality's number, and the nynorsk forms. Pinned to
# the hand-set profile (the default before the fitted engine, issue 14), whose figures these are;
# the default profile's weights are fitted per county and year (docs/settlement.md).
set(_handset ${PROJECT_SOURCE_DIR}/examples/data/profile-handset.json)
regint_cli_test(cli_letter_15_nn_figures
  ARGS letter --county 15 --year 2026 --lang nn --date 2026-10-15 --stdout md --profile ${_handset}
  OUTPUT "kommunane.*1505 Kristiansund \\| 79 \\|.*\\*\\*Sum\\*\\* \\| \\*\\*1[^0-9]+030\\*\\*")
regint_cli_test(cli_letter_html_self_contained
  ARGS letter --county 39 --year 2026 --lang nb --date 2026-10-15 --stdout html
  OUTPUT "<style>" ABSENT "<script" "<link" "http://" "https://" "@import" "url(")
# Unknown language: a usage error (exit 2) naming the choices.
regint_cli_test(cli_letter_bad_lang ARGS letter --county 15 --year 2026 --lang de EXIT 2 ERRORS "expected nb, nn or en")
regint_cli_test(cli_letter_bad_date ARGS letter --county 15 --year 2026 --date 15.10.2026 --stdout md
  EXIT 1 ERRORS "date '15.10.2026': expected YYYY-MM-DD")

# `regint scenario` and `regint audit` (sections 7 and 8 of the letter as JSON). Expected: the
# base run equals `regint recommend --county 15 --year 2026` (Kristiansund 79, Sande raised to
# the minimum 10 from a quota of 8.7); the variants are 9 totals + 2 x 8 weights = 25. Pinned to
# the hand-set profile (above).
regint_cli_test(cli_scenario_15
  ARGS scenario --county 15 --year 2026 --json --profile ${_handset}
  OUTPUT "\"variants\":25,.*\"kommunenr\":\"1505\",\"name\":\"Kristiansund\",\"asked\":true,\"recommended\":79,")
regint_cli_test(cli_audit_15
  ARGS audit --county 15 --year 2026 --json --profile ${_handset}
  OUTPUT "\"house_monotone\":true,.*\"quota_violations\":\\[\\],\"binding_bounds\":\\[{\"kommunenr\":\"1514\",\"recommended\":10,\"lower\":10")
regint_cli_test(cli_audit_usage ARGS audit --year 2026 EXIT 2 ERRORS "--county")
regint_cli_test(cli_scenario_bad_county ARGS scenario --county 30 --year 2026 EXIT 1 ERRORS "30")

# Issue 14 in the letter: the plan figure for the next year (by default the year's total,
# docs/settlement.md "Plan figure"), the profile's local entries and bounds with their source
# and note (section 5) and the engine's flags with the decision's own note (section 6).
# Expected words and figures are those of examples/data/profile-vestfold-local.json: Holmestrand
# states a capacity of 15 for 2027, Tønsberg's bound is 140, Færder agreed to at least 20, and
# Sandefjord's council decided 0 for 2026 (the flag cli_recommend_local_flags checks in English).
set(_local ${PROJECT_SOURCE_DIR}/examples/data/profile-vestfold-local.json)
regint_cli_test(cli_letter_local_en
  ARGS letter --county 39 --year 2027 --total 338 --profile ${_local} --lang en --date 2026-10-15 --stdout md
  OUTPUT "As the plan figure for 2028 we propose 338 persons\\..*\\| Plan figure 2028 \\|.*\\*\\*Total\\*\\* \\| \\*\\*338\\*\\* \\| \\*\\*[0-9]+\\*\\* \\| \\*\\*338\\*\\* \\|.*## 5\\. [^\n]*\n.*\\| Municipality \\| Basis \\| Figure \\| Source \\| Note \\| Recommended 2027 \\|\n.*\\| 3903 Holmestrand \\| stated capacity \\| 15 \\| county's dialogue notes \\| dialogue meeting 1\\.10\\.2026 \\(example\\) \\|.*\\| 3905 Tønsberg \\| stated capacity \\| 140 \\| vestfold-local \\| Tønsberg: capacity from the dialogue meeting \\(example\\) \\|.*\\| 3911 Færder \\| agreement \\| 20 \\| county's dialogue notes \\|.*## 6\\. [^\n]*\n.*- Sandefjord: recommended [0-9]+, although the council decided to settle 0 in 2026 \\(kommunestyrevedtak 12\\.9\\.2025 \\(example reference\\); IMDi vedtak 2026 in the bundled data\\)\\.")
regint_cli_test(cli_letter_local_nn
  ARGS letter --county 39 --year 2027 --total 338 --profile ${_local} --lang nn --date 2026-10-15 --stdout md
  OUTPUT "Som plantal for 2028 gjer vi framlegg om 338 personar\\..*\\| Plantal 2028 \\|.*\\| 3903 Holmestrand \\| meldt kapasitet \\| 15 \\|.*\\| 3911 Færder \\| avtale \\| 20 \\|.*- Sandefjord: tilrådd [0-9]+, sjølv om kommunestyret vedtok å busetje 0 i 2026 \\(")
# Issue 15 parts 1-2 completed: the readable table (default), CSV, alternative profiles, an
# allocation audited (IMDi's requests or a CSV), the fairness floor and population
# monotonicity, for Møre og Romsdal, Vestfold, Agder and Vestland in 2026. Expected: the
# table's header and total row are the letter's section 7/8 (docs/scenarios.md); the CSV's
# header is the documented one; IMDi's requests sum to the default total (the same figure).
foreach(_county 15 39 42 46)
  regint_cli_test(cli_scenario_table_${_county}
    ARGS scenario --county ${_county} --year 2026
    OUTPUT "^## 7\\. Uncertainty: range of the recommendation\n.*\\| Municipality \\| Recommended 2026 \\| Lowest \\| Median \\| Highest \\| On a bound \\|")
  regint_cli_test(cli_scenario_csv_${_county}
    ARGS scenario --county ${_county} --year 2026 --csv
    OUTPUT "^kommunenr,name,asked,recommended,min,median,max,on_bound_share,stability\n${_county}[0-9][0-9],")
  regint_cli_test(cli_audit_table_${_county}
    ARGS audit --county ${_county} --year 2026 --lang nn
    OUTPUT "^## 8\\. Kontroll av fordelinga\n.*Endra folketal: ")
  regint_cli_test(cli_audit_imdi_${_county}
    ARGS audit --county ${_county} --year 2026 --allocation imdi --max-per-1000 5 --json
    OUTPUT "\"allocation\":\"imdi\",.*\"population_monotone\":(true|false),.*\"max_per_1000\":{\"limit\":5,\"pass\":(true|false),\"above\":\\[")
endforeach()
# An alternative profile: one more variant and its own column.
regint_cli_test(cli_scenario_alt_profile
  ARGS scenario --county 15 --year 2026 --json --profile ${_handset} --alt-profile ${REGINT_TEST_DIR}/data/settlement/scenario_profile.json
  OUTPUT "\"variants\":26,.*\"profiles\":\\[{\"name\":\"population-only\",\"ok\":true}\\]")
regint_cli_test(cli_scenario_alt_profile_csv
  ARGS scenario --county 15 --year 2026 --csv --alt-profile ${REGINT_TEST_DIR}/data/settlement/scenario_profile.json
  OUTPUT "^kommunenr,name,asked,recommended,min,median,max,on_bound_share,stability,profile:population-only\n")
# A user's allocation: the hand-worked county (tests/c/test_scenario.c has the arithmetic).
regint_cli_test(cli_audit_allocation_csv
  ARGS audit --data ${REGINT_TEST_DIR}/data/settlement/scenario_county.json
       --profile ${REGINT_TEST_DIR}/data/settlement/scenario_profile.json --county 98 --year 2026
       --allocation ${REGINT_TEST_DIR}/data/settlement/scenario_allocation_even.csv --max-per-1000 19
  OUTPUT "Fairness floor: Bby \\(20\\.0\\), Cby \\(20\\.0\\) asked for more than 19 per 1,000 inhabitants")
# A total below the sum of hard lower bounds: a clear error in scenario and audit too (the
# recommend row is in tests/data/bad_inputs.tsv).
foreach(_cmd scenario audit)
  regint_cli_test(cli_${_cmd}_hard_lower_above_total
    ARGS ${_cmd} --county 15 --year 2026 --total 100
         --profile ${REGINT_TEST_DIR}/data/settlement/bad_profile_hard_lower_above_total.json
    EXIT 1 ERRORS "bad_profile_hard_lower_above_total.json: bounds: the hard lower bounds (bounds[].lower"
                  "of county 15 sum to 110, above the total 100" "allowed: a total of at least 110")
endforeach()
regint_cli_test(cli_audit_max_per_1000_range ARGS audit --county 15 --year 2026 --max-per-1000 -1
  EXIT 2 ERRORS "--max-per-1000: expected a number in")

# PDF through headless Chromium (scripts/html-to-pdf.sh), only where Chromium is installed.
# Expected: the nynorsk letter of Møre og Romsdal has the letter's title (LETTER_TITLE) and at
# least two pages (its municipality table alone has 27 rows); the English report of Agder too.
find_program(REGINT_CHROMIUM NAMES chromium chromium-browser google-chrome)
if(REGINT_CHROMIUM)
  foreach(_pdf letter report)
    if(_pdf STREQUAL "letter")
      set(_args "letter;--county;15;--year;2026;--lang;nn;--date;2026-10-15")
      set(_html letter-15-2026-nn.html)
      set(_title "Møre og Romsdal fylkeskommune – tilråding om busetjing av flyktningar i 2026")
    else()
      set(_args "report;--county;42;--year;2026;--lang;en")
      set(_html fylke-42-2026-en.html)
      set(_title "Knowledge base for integration – Agder 2026")
    endif()
    add_test(NAME ${_pdf}_pdf
      COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli> -DPYTHON=${Python3_EXECUTABLE}
              -DSCRIPT=${PROJECT_SOURCE_DIR}/scripts/html-to-pdf.sh -DCHECK=${REGINT_TEST_DIR}/check_pdf.py
              -DTMP=${CMAKE_CURRENT_BINARY_DIR}/${_pdf}_pdf "-DARGS=${_args}" -DHTML=${_html} -DPAGES=2
              "-DTITLE=${_title}" -P ${REGINT_TEST_DIR}/cli/letter_pdf.cmake)
    set_tests_properties(${_pdf}_pdf PROPERTIES LABELS "cli" TIMEOUT 180)
  endforeach()
else()
  message(STATUS "letter_pdf, report_pdf: no Chromium found, the PDF tests are not run")
endif()

# The engine's notes (English sentences) are put into the letter's language through the table
# (regint__tr_back()); the count of flagged municipalities is left out (section 6 lists them).
# Vestland 2024: the fitted criteria have no intro results for the municipalities asked.
regint_cli_test(cli_letter_notes_nn
  ARGS letter --county 46 --year 2024 --lang nn --date 2026-10-15 --stdout md
  ABSENT "municipalities depart" "has no value" "left out" "alternative profilar")
# The scenario and audit tables in each language: no bokmål form in nynorsk and the reverse.
foreach(_lang nb nn en)
  add_test(NAME scenario_terms_${_lang}
    COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli> -DPYTHON=${Python3_EXECUTABLE} -DLANG=${_lang}
            -DTMP=${CMAKE_CURRENT_BINARY_DIR}/scenario_terms_${_lang} -DCHECK=${REGINT_TEST_DIR}/check_terms.py
            -P ${REGINT_TEST_DIR}/cli/scenario_terms.cmake)
  set_tests_properties(scenario_terms_${_lang} PROPERTIES LABELS "cli")
endforeach()
# The letter takes the same options: one alternative profile (22 variants: 9 totals, 6 fitted weights each ±25 %, the profile, its column), IMDi's
# requests audited with a fairness floor (the paragraph naming what is checked).
regint_cli_test(cli_letter_alt_allocation
  ARGS letter --county 15 --year 2026 --lang nn --date 2026-10-15 --stdout md
       --alt-profile ${REGINT_TEST_DIR}/data/settlement/scenario_profile.json --allocation imdi --max-per-1000 6
  OUTPUT "rekna gjennom 22 variantar.*\\| På grensa \\| population-only \\|.*er oppmodinga frå IMDi til kommunane for 2026.*Rettferdsgrense: ")

# The default (fitted) engine in the letter: the weights' years in section 3 under the table, in
# the letter's language (the note's list of criterion ids such as request_1 is not repeated in
# section 9), a weight of 0 % called "not used", and the year's own requests and decisions said
# once (section 5, not again in section 9). For a year the data hold no requests for (2027), the
# weights follow the total asked, and the method's sentence says so instead of promising that a
# higher county total never lowers anyone (docs/settlement.md, "Out-of-sample engine").
regint_cli_test(cli_letter_fitted_nb
  ARGS letter --county 39 --year 2026 --lang nb --date 2026-10-15 --stdout md
  OUTPUT "\\| IMDis anmodning i fjor \\| 70[^|]*, veier tyngst \\|.*\\| 0[^|]*, ikke brukt \\|.*\nVektene er tilpasset bare på tidligere år, 2013–2025 \\(205 fylkesår\\):.*Med denne metoden får ingen kommune et lavere tall fordi fylkets tall øker\\..*## 5\\..*bare vist til sammenligning.*## 9\\..*med kommuneinndelingen fra 2024\\.\n- Kilder:"
  ABSENT "request_1" "population 0")
regint_cli_test(cli_letter_fitted_total_nn
  ARGS letter --county 39 --year 2027 --total 150 --lang nn --date 2026-10-15 --stdout md
  OUTPUT "Vektene er tilpassa berre på tidlegare år, 2013–2026 \\(220 fylkesår\\):.*Med denne metoden og desse vektene får ingen kommune eit lågare tal fordi talet for fylket aukar\\. Vektene er tilpassa talet som blir fordelt, fordi oppmodingane frå IMDi for 2027 enno ikkje er kjende"
  ABSENT "request_1" "dataa har ingen oppmodingar")
regint_cli_test(cli_recommend_fitted_total_note
  ARGS recommend --county 39 --year 2027 --total 150
  OUTPUT "the data hold no IMDi requests to county 39 for 2027, so the weights are fitted for the change from last year's requests to the total asked")
regint_cli_test(cli_recommend_fitted_known_total
  ARGS recommend --county 39 --year 2026
  ABSENT "the data hold no IMDi requests")
