#!/usr/bin/env bash
# Every test: install what is missing; build with gcc and with clang (-Werror); run the
# whole suite (C, bad inputs, install, Python, notebooks) with ctest; run the C suite
# again under ASan+UBSan and under valgrind. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
jobs=$(nproc)
common=(-DPython3_EXECUTABLE=/usr/bin/python3 -DREGINT_BUILD_PYTHON=ON -DREGINT_BUILD_TESTS=ON)

echo "== gcc build + full test suite"
# Release (-O3), as the main job builds, plus -g for valgrind's stack traces.
CC=gcc cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g "${common[@]}" >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

echo "== clang build (-Wall -Wextra -Werror)"
CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=Debug -DREGINT_BUILD_TESTS=ON >/dev/null
cmake --build build-clang -j"$jobs"

echo "== ASan+UBSan: C suite and CLI tests"
CC=gcc cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DREGINT_SANITIZE=ON -DREGINT_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== valgrind: C suite (two binaries at a time)"
valgrind_one() {
  if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
       --error-exitcode=99 "$1" > "$1.valgrind.log" 2>&1; then
    echo "valgrind: $(basename "$1") clean"
  else
    cat "$1.valgrind.log"
    echo "valgrind: $1 failed" >&2
    return 1
  fi
}
export -f valgrind_one
find build-test/tests -maxdepth 1 -name 'test_*' -type f -executable -print0 |
  xargs -0 -n1 -P"$jobs" bash -c 'valgrind_one "$0"'
echo "all tests passed"
