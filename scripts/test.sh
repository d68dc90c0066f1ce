#!/usr/bin/env bash
# The whole test suite: lint, format, types, the layering contract, then pytest (offscreen Qt).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
# Use the project's virtual environment when it exists (scripts/run.sh or .ci/run made it).
if [ -d .venv/bin ]; then export PATH="$PWD/.venv/bin:$PATH"; fi
ruff check .
ruff format --check .
mypy ethics_tool
lint-imports
pytest -q "$@"
