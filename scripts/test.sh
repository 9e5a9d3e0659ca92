#!/usr/bin/env bash
# Run every test (unit, integration with a real SQLite file and a throwaway PostgreSQL, Qt screens offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen LANG=${LANG:-C.UTF-8}
.venv/bin/python -m ruff check domain persistence ui tests main.py bootstrap.py
exec .venv/bin/python -m pytest -q "$@"
