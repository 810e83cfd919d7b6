#!/usr/bin/env bash
# Install zhreader into ./.venv, with the system libraries Qt needs, a CJK font and the
# espeak-ng speech engine (its Mandarin voice speaks words and sentences, offline).
# Idempotent: a second run reinstalls the package only when something that goes into it
# changed (pyproject.toml or the packaged folders); --force reinstalls anyway.
#   --desktop-entry / --no-desktop-entry   add zhreader to the applications menu, or don't ask
set -euo pipefail
cd "$(dirname "$0")/.."

desktop=ask
force=0
for arg in "$@"; do
  case "$arg" in
    --desktop-entry) desktop=yes ;;
    --no-desktop-entry) desktop=no ;;
    --force) force=1 ;;
    *) echo "usage: bash scripts/install.sh [--desktop-entry|--no-desktop-entry] [--force]" >&2
       exit 2 ;;
  esac
done

# desktop-file-utils checks the desktop entry; xvfb and xdotool let the tests and benchmarks
# start the bundled app on a real (virtual) X display.
apt_packages=(python3-venv python3-pip libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
  libxcb-image0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-noto-cjk
  desktop-file-utils xvfb xdotool espeak-ng)
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

# What the installed copy is made of: the Python, pyproject.toml (dependencies) and every file
# that goes into the wheel. The stamp lives in .venv, so a new venv always installs.
stamp=.venv/.zhreader-install-stamp
inputs=$({
  .venv/bin/python --version
  find pyproject.toml app resources dictionaries LICENSES -type f \
    ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
} | sha256sum | cut -d' ' -f1)
if [ "$force" = 1 ] || [ ! -x .venv/bin/zhreader ] || [ "$(cat "$stamp" 2>/dev/null)" != "$inputs" ]
then
  rm -f "$stamp"
  # setuptools reuses build/lib and the egg-info's file list: a deleted file would live on.
  rm -rf build/lib build/bdist.* ./*.egg-info
  # The pure-Python OpenCC that zhreader used before installs the same `opencc` module as the
  # native wheel now required: an old venv must lose it, or the two overwrite each other.
  if .venv/bin/python -m pip show -q opencc-python-reimplemented >/dev/null 2>&1; then
    .venv/bin/python -m pip uninstall -y -q opencc-python-reimplemented opencc || true
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check ".[test]"
  echo "$inputs" > "$stamp"
  echo "zhreader installed: $(pwd)/.venv/bin/zhreader"
else
  echo "zhreader in .venv is up to date (nothing it is built from changed; --force reinstalls)"
fi

if [ "$desktop" = ask ]; then
  desktop=no
  entry="${XDG_DATA_HOME:-$HOME/.local/share}/applications/zhreader.desktop"
  if [ -t 0 ] && [ -t 1 ] && [ -z "${CI:-}" ] && [ ! -e "$entry" ]; then
    read -r -p "Add zhreader to your applications menu and \"Open with\" (this user only)? [y/N] " \
      answer || answer=""
    case "$answer" in [yY]*) desktop=yes ;; esac
  fi
fi
if [ "$desktop" = yes ]; then
  .venv/bin/zhreader --install-desktop-entry
fi
