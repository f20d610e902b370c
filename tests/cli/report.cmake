# `regint report` on the bundled dataset. Expected figures: IMDi's own county totals for
# Vestfold 2024 (imdi_bosetting_fylke_2024_2026.csv: 980 / 639 / 633).
regint_cli_test(cli_report_vestfold_md
  ARGS report --county 39 --year 2026 --plan ${PROJECT_SOURCE_DIR}/examples/data/plan-vestfold.json --stdout md
  OUTPUT "\\| 2024 \\| 980 \\| 639 \\| 633 \\|")
regint_cli_test(cli_report_write ARGS report --county 39 --year 2026 --out {tmp}
  FILES fylke-39-2026.md "." fylke-39-2026.html "<svg")
# Viken (30) existed 2020–2023 only: bad input, exit 1. A bad plan file is a row of
# tests/data/bad_inputs.tsv. Usage: exit 2.
regint_cli_test(cli_report_bad_county ARGS report --county 30 --year 2026 --stdout md
  EXIT 1 ERRORS "county 30 (Viken) does not exist in 2026")
regint_cli_test(cli_report_usage ARGS report --year 2024 EXIT 2)

# `regint report --lang nb|nn|en` (issue 15): the report of Møre og Romsdal (15, a nynorsk
# county), Vestfold (39), Agder (42) and Vestland (46) for 2026 in the three languages. Each
# test writes both files (nb keeps the 0.2 names, nn and en add the language); report_terms_<lang>
# reads them with tests/check_terms.py: no bokmål form in the nynorsk report (and the reverse),
# no Norwegian word in the English one, and the words each language requires (kind "report" in
# tests/data/i18n_terms.tsv).
foreach(_lang nb nn en)
  set(_sfx "-${_lang}")
  if(_lang STREQUAL "nb")
    set(_sfx "")
  endif()
  foreach(_county 15 39 42 46)
    regint_cli_test(cli_report_${_county}_${_lang}
      ARGS report --county ${_county} --year 2026 --lang ${_lang} --out {tmp}
      FILES fylke-${_county}-2026${_sfx}.md "^# [^\n]+ \\(${_county}\\), 2026\n"
            fylke-${_county}-2026${_sfx}.html "^<!DOCTYPE html>\n<html lang=\"${_lang}\">.*<svg")
  endforeach()
  add_test(NAME report_terms_${_lang}
    COMMAND ${CMAKE_COMMAND} -DREGINT=$<TARGET_FILE:regint_cli> -DPYTHON=${Python3_EXECUTABLE} -DLANG=${_lang}
            -DDOC=report -DTMP=${CMAKE_CURRENT_BINARY_DIR}/report_terms_${_lang}
            -DCHECK=${REGINT_TEST_DIR}/check_terms.py -P ${REGINT_TEST_DIR}/cli/letter_terms.cmake)
  set_tests_properties(report_terms_${_lang} PROPERTIES LABELS "cli")
endforeach()
# The same figures in every language, written as its readers expect them: IMDi's county totals
# for Vestfold 2024 (980 / 639 / 633, as cli_report_vestfold_md) and Tønsberg's population on
# 1.1.2026 (SSB 07459: 60 246 with a no-break space; English 60,246).
regint_cli_test(cli_report_vestfold_nn
  ARGS report --county 39 --year 2026 --lang nn --stdout md
  OUTPUT "## Busetjing av flyktningar 2017–2026.*\\| År \\| Oppmoding \\| Vedtak \\| Busette \\| Busette i % av oppmodinga \\|.*\\| 2024 \\| 980 \\| 639 \\| 633 \\|.*### Kommunane i 2026.*\\| 3905 Tønsberg \\| 60[^0-9,]+246 \\|"
  ABSENT "Bosetting" "Anmodning" "kommunene")
regint_cli_test(cli_report_vestfold_en
  ARGS report --county 39 --year 2026 --lang en --stdout md
  OUTPUT "## Settlement of refugees 2017–2026.*\\| Year \\| Request \\| Decision \\| Settled \\| Settled as % of request \\|.*\\| 2024 \\| 980 \\| 639 \\| 633 \\|.*### The municipalities in 2026.*\\| 3905 Tønsberg \\| 60,246 \\|"
  ABSENT "Bosetting" "Anmodning" "Kommune ")
# A change in a share is in percentage points, not per cent: the unemployment share's change and
# trend columns (the value itself stays "2.4%" / "2,4 %").
regint_cli_test(cli_report_percentage_points
  ARGS report --county 39 --year 2026 --lang en --stdout md
  OUTPUT "\\| Registered fully unemployed, share of the labour force \\(yearly mean\\) \\| 2025 \\| 2\\.4% \\| [+-]?[0-9.]+[^|0-9]+percentage points \\| [+-]?[0-9.]+[^|0-9]+percentage points \\([0-9]+ years\\) \\|")
regint_cli_test(cli_report_prosentpoeng_nb
  ARGS report --county 39 --year 2026 --lang nb --stdout md
  OUTPUT "\\| Helt ledige, andel av arbeidsstyrken \\(årsgjennomsnitt\\) \\| 2025 \\| 2,4[^|]*% \\| [+-]?[0-9,]+[^|0-9]+prosentpoeng \\| [+-]?[0-9,]+[^|0-9]+prosentpoeng \\([0-9]+ år\\) \\|")
