"""Repairing stale sales-line costs (``stockroom check --repair``, Settings › Backups › Repair sales costs).

A posted sale's or customer return's line keeps its cost in ``sales_lines``: a stored copy of the ledger's value
of the line's stock movement, kept so the margin report, the ranking and a sales order's figures need not read the
ledger. Since a back-dated receipt or a sync replays values, the copy follows the ledger in the same transaction
(``persistence.sales.costs.follow_ledger``); a database made before that kept the cost the line was posted with,
and the integrity check reports each such line. This use case brings the copies in line with the ledger.

It is a repair, not a ledger edit: no movement is written or changed (the ledger is append-only and its values are
what the lines are made to agree with); only the stored copy and the margin derived from it (revenue − cost) are
rewritten. It runs in one transaction, after a backup of the database file taken once it is known that something
will change (the ``back_up`` port, as a schema upgrade backs up first), and says what changed line by line.

Lines of documents dated in a closed month (``domain.accounts.periods``) are left as they were closed and listed
apart: a closed month's figures do not change; reopening the month lets the repair reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel.numbers import ZERO
from domain.sales.rows import StaleCost


@dataclass(frozen=True)
class CostRepair:
    """What ``repair_costs`` did: the lines it brought in line, those it left in closed months, and the backup."""

    repaired: tuple[StaleCost, ...]
    closed: tuple[StaleCost, ...]  # stale, but in a closed month: left as they are
    backup: Path | None  # None when nothing needed writing

    @property
    def margin_change(self) -> Decimal:
        """The change of the margin over every repaired line (positive: the margin rises)."""
        return sum((x.margin_change for x in self.repaired), ZERO)


def repair_costs(uow, back_up: Callable[[], Path]) -> CostRepair:
    """Set the cost (and margin) of every sales line whose cost is not its movement's value to the ledger's.

    Args:
        uow: the unit of work; the acting user needs ``Permission.SETTINGS`` (looking after the database).
        back_up: the port that copies the database file before anything is written; returns the copy's path.

    Returns:
        The lines repaired with their old and new costs, those left in closed months, and the backup (None when
        every line already agreed, when nothing is written and no backup is made).

    Raises:
        Forbidden: the acting user may not; nothing was changed.
    """
    with uow:
        require(uow, Permission.SETTINGS)
        stale = uow.sales.stale_costs()
        opens = uow.periods.open_from()
        closed = tuple(x for x in stale if opens is not None and x.occurred_at < opens)
        repaired = tuple(x for x in stale if x not in closed)
        if not repaired:
            return CostRepair((), closed, None)
        backup = back_up()
        uow.sales.set_costs(repaired)
        uow.commit()
    return CostRepair(repaired, closed, backup)
