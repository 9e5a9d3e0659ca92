"""``bench_posting.py`` with and without the mark the ledger's flush leaves for ``stock_months`` (migration 0014).

    python tests/benchmarks/bench_posting_mark.py none|past|future [bench_posting's options, e.g. --single 100]

``none``: ``months.stale_from`` does nothing (the posting path as before 0014); ``past``: a state row whose filled
months end in 2000 (the usual case: today's postings come after them); ``future``: they end in 2100 (every flush
lands in a filled month, so the mark's update runs each time). Run the three one after another and compare (a) and
(b)'s CPU; see RESULTS-reports.md.
"""

from __future__ import annotations

import sys

import bench_posting

import persistence.db as pdb
from persistence.stock import months

_STATE = ("INSERT INTO stock_months_state (id, utc_offset, merges, filled_through, filled_end) "
          "VALUES (1, 0, '', ?, ?)")
_ENDS = {"past": ("2000-01", 949_363_200_000_000), "future": ("2099-12", 4_102_444_800_000_000)}


def main() -> None:
    variant = sys.argv.pop(1) if len(sys.argv) > 1 else ""
    if variant not in ("none", *_ENDS):
        raise SystemExit("give none, past or future first")
    upgrade = pdb.upgrade

    def upgraded(engine) -> None:
        upgrade(engine)
        if variant in _ENDS:
            with engine.begin() as conn:
                conn.exec_driver_sql(_STATE, _ENDS[variant])

    pdb.upgrade = upgraded
    if variant == "none":
        months.stale_from = lambda conn, at: None
    print(f"variant: {variant}")
    bench_posting.main()


if __name__ == "__main__":
    main()
