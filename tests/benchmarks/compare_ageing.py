"""The ageing reports of two trees of the code, timed in turns on the same database (a before/after under the same
load: on a shared machine the load moves within minutes, so runs minutes apart are not comparable). Not a
``bench_*`` script (``scripts/bench.sh`` runs those without arguments): it needs the other tree.

    .venv/bin/python tests/benchmarks/compare_ageing.py OTHER_TREE [--rounds 5]

OTHER_TREE: a checkout of another commit (for example ``git archive <commit> | tar -x -C /tmp/before``). Each round
runs, in a fresh process per tree and in turns, the three ageing reports of ``bench_reports.py`` (as of 2025-12-31
by product, category and warehouse: the read and the rows, as the command line runs them, gc paused) once each on
its cached 100,000-product database (build it first with ``bench_reports.py``). Prints per tree and report the
least and the median CPU and wall time over the rounds, and the load average before and after.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from _common import CACHE  # noqa: E402
from _common import PYTHON  # noqa: E402
from _common import ROOT  # noqa: E402
from _common import load  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402

# run in the tree's own folder: the reads of that commit (``ageing_stock`` from this change on, ``ageing_layers``
# before it), timed the same way
_ONE = """
import json, sys, time
sys.path.insert(0, {root!r})
from datetime import date
from domain.reports import ageing
from persistence.db import open_database
from persistence.reports import queries
from ui.cli.common import paused_gc

as_of = date(2025, 12, 31)
db = open_database({path!r})
out = {{}}
for by in ageing.AgeingBy:
    per_warehouse = by == ageing.AgeingBy.WAREHOUSE
    start, used = time.perf_counter(), time.process_time()
    with paused_gc():
        if hasattr(queries, "ageing_stock"):
            from domain.reports.ageing_columns import ageing_rows_of
            rows = ageing_rows_of(queries.ageing_stock(db.engine, as_of, per_warehouse=per_warehouse), as_of,
                                         ageing.DEFAULT_BANDS, by)
        else:
            rows = ageing.ageing_rows(queries.ageing_layers(db.engine, as_of, per_warehouse=per_warehouse), as_of,
                                      ageing.DEFAULT_BANDS, by)
    out[by.value] = (time.perf_counter() - start, time.process_time() - used, len(rows))
db.close()
print(json.dumps(out))
"""


def main() -> int:
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    path = CACHE / "reports-100000-600000.sqlite3"
    if not path.exists():
        raise SystemExit(f"{path} is not there: run bench_reports.py first")
    trees = {"before (" + other.name + ")": other, "after (this tree)": ROOT}
    seen: dict[str, dict[str, list[tuple[float, float, int]]]] = {name: {} for name in trees}
    first_load = load()
    for _ in range(rounds):
        for name, root in trees.items():
            found = subprocess.run([PYTHON, "-c", _ONE.format(root=str(root), path=str(path))], cwd=root,
                                   capture_output=True, text=True, check=True)
            for by, figures in json.loads(found.stdout).items():
                seen[name].setdefault(by, []).append(tuple(figures))
    rows = []
    for name, reports in seen.items():
        for by, runs in reports.items():
            walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
            rows.append((f"ageing --by {by}", name, f"{runs[0][2]:,}",
                         f"{ms(min(cpus))} / {ms(statistics.median(cpus))}",
                         f"{ms(min(walls))} / {ms(statistics.median(walls))}"))
    rows.sort(key=lambda r: (r[0], not r[1].startswith("before")))
    table(f"Ageing as of 2025-12-31, {rounds} rounds in turns ({first_load} before, {load()} after)", rows,
          ("report", "code", "rows", "CPU least / median", "wall least / median"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
