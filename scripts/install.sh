#!/usr/bin/env bash
# Install zhreader into ./.venv, with the system libraries Qt needs and a CJK font.
# Idempotent: a second run only reinstalls the package.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(python3-venv python3-pip libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-noto-cjk)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
# The pure-Python OpenCC that zhreader used before installs the same `opencc` module as the
# native wheel now required: an old venv must lose it, or the two overwrite each other.
if .venv/bin/python -m pip show -q opencc-python-reimplemented >/dev/null 2>&1; then
    .venv/bin/python -m pip uninstall -y -q opencc-python-reimplemented opencc || true
fi
.venv/bin/python -m pip install -q --disable-pip-version-check ".[test]"
echo "zhreader installed: $(pwd)/.venv/bin/zhreader"
