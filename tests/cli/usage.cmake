# Usage errors and --help of the `regint` command (exit 2 and 0). Every command parses its
# options by one declarative table (examples/cli/cli.h); these tests pin what that parser
# promises. The allowed ranges are the library's documented limits: report.h (history_years
# up to 60), guidance.h (shares in [0, 1]); the command-line forms are the POSIX/GNU ones.

# A missing value names the option, not "unknown option".
regint_cli_test(cli_usage_missing_value ARGS summary --data EXIT 2
  ERRORS "regint summary: --data needs a value" ABSENT "unknown option")
regint_cli_test(cli_usage_missing_value_last ARGS report --county EXIT 2 ERRORS "--county needs a value")
# A number outside its range: the message states the range and the value.
regint_cli_test(cli_usage_int_range ARGS report --county 39 --history 100000000 EXIT 2
  ERRORS "regint report: --history: expected an integer in 1..60, got '100000000'")
regint_cli_test(cli_usage_int_garbage ARGS coverage --months 12x EXIT 2
  ERRORS "--months: expected an integer in 1..1200, got '12x'")
regint_cli_test(cli_usage_number_range ARGS guidance --adult-share 1.5 EXIT 2
  ERRORS "--adult-share: expected a number in 0..1, got '1.5'")
regint_cli_test(cli_usage_number_nan ARGS guidance --sessions nan EXIT 2
  ERRORS "--sessions: expected a number in 0..1000, got 'nan'")
regint_cli_test(cli_usage_choice ARGS report --county 39 --stdout pdf EXIT 2
  ERRORS "--stdout: expected md or html, got 'pdf'")
regint_cli_test(cli_usage_required ARGS apportion --method dhondt --weights 1,2 EXIT 2
  ERRORS "--total is required" "usage: regint apportion --method NAME --total N --weights LIST")
regint_cli_test(cli_usage_unknown ARGS backtest --bogus EXIT 2
  ERRORS "regint backtest: unknown option '--bogus'" "(regint backtest --help for more)")
regint_cli_test(cli_usage_flag_value ARGS apportion --json=yes --method dhondt --total 1 --weights 1 EXIT 2
  ERRORS "--json takes no value")
# Two alternatives of one field (the output formats).
regint_cli_test(cli_usage_both_formats ARGS recommend --csv --json EXIT 2
  ERRORS "give --csv or --json, not both")
regint_cli_test(cli_usage_extra_argument ARGS match a.json b.json EXIT 2 ERRORS "unexpected argument 'b.json'")
regint_cli_test(cli_usage_subcommand ARGS grants audit EXIT 2 ERRORS "regint grants: unknown subcommand 'audit'")
# Each subcommand has its own options: --as-of belongs to `grants report` only.
regint_cli_test(cli_usage_sub_option ARGS grants allocate --as-of 2026-01-01 EXIT 2
  ERRORS "regint grants allocate: unknown option '--as-of'")
# `--name=value` works for every command, "--" ends the options.
regint_cli_test(cli_usage_equals ARGS report --county=39 --history=0 EXIT 2
  ERRORS "--history: expected an integer in 1..60, got '0'")
regint_cli_test(cli_usage_double_dash ARGS match -- --not-an-option.json EXIT 1
  ERRORS "--not-an-option.json")

# --help: on stdout, exit 0, generated from the same table (every option with its value
# name, ranges in brackets).
regint_cli_test(cli_help_report ARGS report --help
  OUTPUT "^usage: regint report --county NR \\[--year Y\\].*--history N +years of settlement history \\(default 10\\) \\[1\\.\\.60\\]\n.*-h, --help +this help\n")
regint_cli_test(cli_help_guidance ARGS guidance -h
  OUTPUT "\\[--csv\\|--json\\].*--adult-share X +share of adults \\(default 0\\.65\\) \\[0\\.\\.1\\]")
regint_cli_test(cli_help_grants ARGS grants --help
  OUTPUT "^usage: regint grants allocate .*\n       regint grants report .*grants report: granted")
foreach(_c summary apportion recommend backtest match coverage)
  regint_cli_test(cli_help_${_c} ARGS ${_c} --help OUTPUT "^usage: regint ${_c} .*\noptions:\n.*-h, --help")
endforeach()
regint_cli_test(cli_help_via_help ARGS help report OUTPUT "^usage: regint report --county NR")
regint_cli_test(cli_help_unknown_command ARGS help nope EXIT 2 ERRORS "regint: unknown command 'nope'")
# The manual page comes from the same tables: every command, options with escaped hyphens.
regint_cli_test(cli_man ARGS --man
  OUTPUT "^\\.TH REGINT 1 .*\\.B \\\\-\\\\-history N\nyears of settlement history \\(default 10\\) \\[1\\.\\.60\\]\n.*\\.SS \"regint grants allocate\".*\\.SH EXIT STATUS")
