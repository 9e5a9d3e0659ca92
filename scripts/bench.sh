#!/usr/bin/env bash
# Run every benchmark in tests/benchmarks and print their tables (Markdown); a copy of the output goes to
# $STOCKROOM_BENCH_CACHE/last-run.md. The figures of record, with their analysis, are in tests/benchmarks/RESULTS.md.
#   ./scripts/bench.sh          full run (builds a 1,000,000-movement database once, minutes, then cached)
#   ./scripts/bench.sh quick    a short run: smaller workloads, fewer repetitions
# Databases and the cache live in $STOCKROOM_BENCH_CACHE (default /tmp/stockroom-bench). The machine should be
# otherwise idle: every table prints the load average it was measured at.
set -uo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen LANG=${LANG:-C.UTF-8}
export STOCKROOM_BENCH_CACHE=${STOCKROOM_BENCH_CACHE:-/tmp/stockroom-bench}
if [[ "${1:-}" == "quick" || "${1:-}" == "--quick" ]]; then
    export STOCKROOM_BENCH_QUICK=1
fi
mkdir -p "$STOCKROOM_BENCH_CACHE"
# The ledger's benchmarks of issue 2 first, then every other bench_*.py in name order.
first=(bench_cli bench_posting bench_onhand bench_demo)
others=()
for path in tests/benchmarks/bench_*.py; do
    name=$(basename "$path" .py)
    [[ " ${first[*]} " == *" $name "* ]] || others+=("$name")
done
failed=()
{
    echo "# Stockroom benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(.venv/bin/python --version 2>&1)"
    for bench in "${first[@]}" "${others[@]}"; do
        [[ -f "tests/benchmarks/$bench.py" ]] || continue
        if ! .venv/bin/python "tests/benchmarks/$bench.py"; then
            echo "$bench FAILED" >&2
            failed+=("$bench")
        fi
    done
    if ((${#failed[@]})); then
        echo; echo "failed: ${failed[*]}"
    fi
    ((${#failed[@]} == 0))
} 2>&1 | tee "$STOCKROOM_BENCH_CACHE/last-run.md"
