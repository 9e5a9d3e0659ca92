#!/usr/bin/env bash
# Set up Stockroom on a fresh Debian/Ubuntu machine: system libraries Qt needs, a PostgreSQL
# server for the sync tests, poppler for looking at PDFs, and a virtualenv with the pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
pkgs="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
      libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-shape0
      libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 xvfb xauth postgresql poppler-utils fonts-wqy-microhei
      python3-venv"
missing=""
for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || true
  # Debian 13 renamed libglib2.0-0; install what exists under either name.
  $SUDO apt-get install -y -qq --no-install-recommends $missing ||
    $SUDO apt-get install -y -qq --no-install-recommends ${missing/libglib2.0-0/libglib2.0-0t64}
fi
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
echo "setup done: .venv ready"
