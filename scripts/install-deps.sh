#!/usr/bin/env bash
# Install what regint needs on Debian 12 (as root, or with sudo). Skips apt when all is there.
#   install-deps.sh main   what building and running the main job needs (scripts/main.sh):
#                          a C compiler, CMake, pkg-config and cJSON
#   install-deps.sh test   that plus the test tooling (scripts/test.sh): CUnit, clang,
#                          valgrind, SWIG and Debian's python3 with pandas/pytest, the
#                          notebook runner and its browser, Doxygen, LEMON, dpkg/lintian
set -euo pipefail
main_pkgs=(build-essential cmake pkg-config libcjson-dev)
test_pkgs=(clang libclang-rt-14-dev libcunit1-dev valgrind
           swig python3-dev python3-pytest python3-numpy python3-pandas python3-matplotlib
           python3-geopandas python3-nbconvert python3-nbformat python3-ipykernel jupyter-nbconvert
           doxygen liblemon-dev chromium groff-base man-db dpkg-dev lintian)
case "${1:-main}" in
  main) pkgs=("${main_pkgs[@]}") ;;
  test) pkgs=("${main_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [main|test]" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
