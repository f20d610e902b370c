#!/usr/bin/env bash
# Install what regint needs on Debian 12 (as root, or with sudo). Skips apt when all is there.
set -euo pipefail
pkgs=(build-essential cmake pkg-config clang libcjson-dev libcunit1-dev valgrind
      swig python3-dev python3-pytest python3-numpy python3-pandas python3-matplotlib
      python3-geopandas python3-nbconvert python3-nbformat python3-ipykernel jupyter-nbconvert
      doxygen liblemon-dev chromium libclang-rt-14-dev)
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
