#!/usr/bin/env bash
# Set up Stockroom, fill a local demo database (once) and start the window on it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
DB=${STOCKROOM_DEMO_DB:-$HOME/.local/share/Stockroom/demo.sqlite3}
if [ ! -s "$DB" ]; then
  echo "building the demo database at $DB (about a minute)…"
  .venv/bin/python main.py --db "$DB" init  # only init creates a database (and its folder)
  .venv/bin/python main.py --db "$DB" demo
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "no display found: starting under Xvfb (xvfb-run)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb .venv/bin/python main.py --db "$DB"
fi
exec .venv/bin/python main.py --db "$DB"
