"""``stockroom check [--repair] [--language zh_CN]``: what disagrees with the ledger, each in a plain sentence
(``ui.check_text``), and with ``--repair`` the stale sales-line costs brought in line first (``domain.sales.recost``:
one transaction, after a backup, no movement changed), line by line with their old and new cost and margin."""

from __future__ import annotations

import sys

from ui.cli.common import EXIT_OK
from ui.cli.common import money


def run_check(db, repair: bool, language: str) -> int:
    from persistence.stock import queries
    from persistence.stock.documents import unlinked_deliveries
    from ui import check_text as ct
    from ui.fill import fill

    tr = ct.cli_translator(language)
    places = db.money_places
    if repair:
        from domain.sales.recost import repair_costs
        from persistence import backup

        done = repair_costs(db.uow(), lambda: backup.before_repair(db.engine))
        for line in ct.repair_report(done, tr, lambda amount: money(amount, places)):
            print(line)
    problems = queries.check(db.engine)
    for p in problems:
        print(ct.describe(p, tr))
    for number, po in unlinked_deliveries(db.engine):  # noted, not a difference: the ledger itself agrees
        print(fill(tr(ct.UNLINKED_DELIVERY), number, po))
    if problems:
        print(fill(tr(ct.CHECK_FAILED), len(problems)), file=sys.stderr)
        if not repair and any(p.field.startswith("sales line ") for p in problems):
            print(tr(ct.REPAIR_HINT), file=sys.stderr)
        return 1
    print(tr(ct.CHECK_OK))
    return EXIT_OK
