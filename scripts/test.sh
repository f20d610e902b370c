#!/usr/bin/env bash
# Every test: install what is missing; build with gcc and with clang (-Werror); run the
# whole suite (C, bad inputs, install, Python, notebooks) with ctest; run the C suite
# again under ASan+UBSan and under valgrind. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
common=(-DPython3_EXECUTABLE=/usr/bin/python3 -DREGINT_BUILD_PYTHON=ON -DREGINT_BUILD_TESTS=ON)

echo "== gcc build + full test suite"
CC=gcc cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo "${common[@]}" >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

echo "== clang build (-Wall -Wextra -Werror)"
CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=Debug -DREGINT_BUILD_TESTS=ON >/dev/null
cmake --build build-clang -j"$jobs"

echo "== ASan+UBSan: C suite"
CC=gcc cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DREGINT_SANITIZE=ON -DREGINT_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -L c --output-on-failure -j"$jobs"

echo "== valgrind: C suite"
ctest --test-dir build-test -L c --output-on-failure -j"$jobs" \
  -T memcheck --overwrite MemoryCheckCommandOptions="--leak-check=full --error-exitcode=99 --errors-for-leak-kinds=definite,indirect" \
  > build-test/memcheck.log 2>&1 || { cat build-test/memcheck.log; exit 1; }
if grep -q "Memory checking results:" build-test/memcheck.log && \
   sed -n '/Memory checking results:/,$p' build-test/memcheck.log | grep -Eq "(Definitely|Indirectly) lost|Invalid"; then
  sed -n '/Memory checking results:/,$p' build-test/memcheck.log
  echo "valgrind found errors" >&2
  exit 1
fi
tail -n 3 build-test/memcheck.log
echo "all tests passed"
