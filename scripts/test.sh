#!/usr/bin/env bash
# The whole test suite, headless (the same command CI runs): lint, type check, tests. The
# install is skipped when nothing it is built from changed; tests/test_bundle.py builds (or
# reuses) the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --no-desktop-entry
.venv/bin/ruff check app tests benchmarks
.venv/bin/mypy  # the paths and settings are pyproject.toml's [tool.mypy]
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
