#!/usr/bin/env bash
# The main job: install what is missing, build, and recommend how many refugees each
# municipality of Vestfold (39) should be asked to settle in 2026, on the bundled real data
# (total = the sum of IMDi's actual 2026 requests to the county).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/examples/cli/regint recommend --county 39 --year 2026
