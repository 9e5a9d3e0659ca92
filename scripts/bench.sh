#!/usr/bin/env bash
# Run every benchmark in tests/benchmarks and print their tables (Markdown).
#   ./scripts/bench.sh          full run (builds a 1,000,000-movement database once, about 4 minutes, then cached)
#   ./scripts/bench.sh quick    a short run: smaller workloads, fewer repetitions
# Databases and the cache live in $STOCKROOM_BENCH_CACHE (default /tmp/stockroom-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "quick" || "${1:-}" == "--quick" ]]; then
    export STOCKROOM_BENCH_QUICK=1
fi
echo "# Stockroom benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(.venv/bin/python --version)"
for bench in bench_cli bench_posting bench_onhand bench_demo; do
    .venv/bin/python "tests/benchmarks/$bench.py"
done
