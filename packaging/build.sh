#!/usr/bin/env bash
# Build Stockroom's one-folder bundle into dist/stockroom/ and prove that it works: the built program
# runs its --smoke check (window offscreen, temporary database, a receipt, a purchase order PDF) and
# the build fails unless that exits 0. Prints the build time, the bundle's size and the smoke's output.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || ./scripts/setup.sh
# PyInstaller needs binutils (objdump, objcopy) on Linux; a bare Debian/Ubuntu image may not have them.
if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends binutils
fi
# PyInstaller at the version pinned in pyproject.toml's "bundle" extra (quick when already there).
pin=$(grep -o '"pyinstaller==[^"]*"' pyproject.toml | tr -d '"')
.venv/bin/python -m pip install -q "$pin"

start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/stockroom.spec
built=$(date +%s)
# Links left pointing at the Qt Quick libraries that the spec leaves out.
find dist/stockroom -xtype l -delete
echo "bundle: built dist/stockroom in $((built - start)) s, $(du -sh dist/stockroom | cut -f1)"

# The frozen app aborts without a display unless told to draw offscreen (the smoke sets it too).
QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 dist/stockroom/stockroom --smoke
echo "bundle: --smoke passed in $(($(date +%s) - built)) s"
