#!/usr/bin/env bash
# Update the translation source from ui/, fill in the Simplified Chinese dictionary, compile the .qm.
#   ./scripts/i18n.sh          lupdate → scripts/zh_CN.py → lrelease
# lupdate keeps existing translations; scripts/zh_CN.py holds every translation, so nothing is lost.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/i18n/stockroom_zh_CN.ts
mkdir -p resources/i18n
mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)
.venv/bin/pyside6-lupdate -no-obsolete -locations relative "${sources[@]}" -ts "$ts"
.venv/bin/python scripts/zh_CN.py "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm resources/i18n/stockroom_zh_CN.qm
