#!/usr/bin/env bash
# Build the self-contained Linux x86-64 bundle: dist/zhreader/ (PyInstaller, one folder) and
# dist/zhreader-VERSION-linux-x86_64.tar.gz. Works from a clean checkout (installs .venv first).
# Skips the build when nothing it is made from changed (the installed tree, the versions of
# every package in .venv, these scripts); --force rebuilds anyway. Prints the archive's path.
set -euo pipefail
cd "$(dirname "$0")/.."

force=0
[ "${1:-}" = "--force" ] && force=1

bash scripts/install.sh --no-desktop-entry >&2

version=$(.venv/bin/python -c "import app; print(app.__version__)")
archive="dist/zhreader-$version-linux-$(uname -m).tar.gz"
stamp=dist/.bundle-stamp
inputs=$({
  cat .venv/.zhreader-install-stamp  # the installed tree (see install.sh)
  .venv/bin/python -m pip freeze --all --disable-pip-version-check 2>/dev/null
  sha256sum scripts/build-bundle.sh scripts/bundle/*
  uname -m
} | sha256sum | cut -d' ' -f1)
if [ "$force" = 0 ] && [ -f "$archive" ] && [ -x dist/zhreader/zhreader ] \
  && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs" ]; then
  echo "bundle is up to date (nothing it is made from changed; --force rebuilds)" >&2
  echo "$archive"
  exit 0
fi

rm -f "$stamp"
rm -rf build/bundle dist/zhreader "$archive"
mkdir -p build/bundle dist
echo "building the bundle with PyInstaller (about a minute)..." >&2
# Run from scripts/bundle so `app` is the installed package (with its data), not the checkout.
(cd scripts/bundle && ../../.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --workpath ../../build/bundle/work --distpath ../../dist zhreader.spec) >&2

# Python's own libraries carry debug info (a third of their size); wheels' libraries are
# left alone (numpy's OpenBLAS breaks when stripped).
if command -v strip >/dev/null 2>&1; then
  find dist/zhreader/_internal -maxdepth 1 -name 'libpython3*.so*' -type f \
    -exec strip --strip-debug {} +
  find dist/zhreader/_internal/python3* -name '*.so' -type f -exec strip --strip-debug {} + \
    2>/dev/null || true
fi

cp -r LICENSES dist/zhreader/LICENSES
.venv/bin/python scripts/bundle/licenses.py dist/zhreader >&2
cp scripts/bundle/README.txt dist/zhreader/README.txt

tar -C dist -czf "$archive.tmp" zhreader
mv "$archive.tmp" "$archive"
echo "$inputs" > "$stamp"
echo "bundle: dist/zhreader/ ($(du -sh dist/zhreader | cut -f1)), $archive" \
  "($(du -h "$archive" | cut -f1))" >&2
echo "$archive"
