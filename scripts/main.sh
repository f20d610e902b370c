#!/usr/bin/env bash
# The main job: install what is missing (only a compiler, CMake, pkg-config and cJSON — the
# test tooling is installed by scripts/test.sh), build the library and the CLI, and recommend
# how many refugees each municipality of Vestfold (39) should be asked to settle in 2026, on
# the bundled real data (total = the sum of IMDi's actual 2026 requests to the county).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh main
# Without tests (CUnit is test tooling) or Python bindings.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREGINT_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
# The build tree's own dataset, not an installed (possibly older) copy.
REGINT_DATA="$PWD/build/data/regint-default.json" \
  ./build/examples/cli/regint recommend --county 39 --year 2026
