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

A customer return posted before returns followed their sales may keep the cost it was posted with after its sale
was revalued (``domain.stock.valuation.returned_unit_cost`` is the rule now): its movement's value is derived, so the
repair replays its product × warehouse from it, as a back-dated posting would (``ledger.revalue``), which revalues
it, the sales after it, and their lines. No movement is written or edited by that either.

Lines and returns dated in a closed month (``domain.accounts.periods``) are left as they were closed and listed
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
from domain.sales.rows import StaleReturn
from domain.stock import ledger


@dataclass(frozen=True)
class CostRepair:
    """What ``repair_costs`` did: the lines whose cost it changed (old → new), the returns it revalued, what it left
    in closed months, and the backup."""

    repaired: tuple[StaleCost, ...]
    closed: tuple[StaleCost, ...]  # stale, but in a closed month: left as they are
    backup: Path | None  # None when nothing needed writing
    returns: tuple[StaleReturn, ...] = ()  # customer returns revalued to their share of their sale's value
    closed_returns: tuple[StaleReturn, ...] = ()  # stale, but in a closed month: left as they are

    @property
    def margin_change(self) -> Decimal:
        """The change of the margin over every repaired line (positive: the margin rises)."""
        return sum((x.margin_change for x in self.repaired), ZERO)


def repair_costs(uow, back_up: Callable[[], Path]) -> CostRepair:
    """Bring every sales line's cost, and every customer return's value, in line with the ledger's rules.

    First each customer return whose value is not its share of its sale's value (``StaleReturn``) is revalued by
    replaying its product × warehouse from the earliest such return (``ledger.revalue``: derived values only; the
    sales after it follow the average the return now leaves); then every line whose cost is still not its
    movement's value takes that value. The lines reported are those whose cost changed, either way.

    Args:
        uow: the unit of work; the acting user needs ``Permission.SETTINGS`` (looking after the database).
        back_up: the port that copies the database file before anything is written; returns the copy's path.

    Returns:
        The lines repaired with their old and new costs, the returns revalued, what was left in closed months, and
        the backup (None when everything already agreed, when nothing is written and no backup is made).

    Raises:
        Forbidden: the acting user may not; nothing was changed.
    """
    with uow:
        require(uow, Permission.SETTINGS)
        opens = uow.periods.open_from()

        def is_closed(at) -> bool:
            return opens is not None and at < opens

        stale = uow.sales.stale_costs()
        returns = uow.sales.stale_returns(uow.money_places)
        closed = tuple(x for x in stale if is_closed(x.occurred_at))
        closed_returns = tuple(x for x in returns if is_closed(x.occurred_at))
        to_replay = [x for x in returns if x not in closed_returns]
        if len(stale) == len(closed) and not to_replay:
            return CostRepair((), closed, None, (), closed_returns)
        backup = back_up()
        before = uow.sales.line_costs() if to_replay else {}
        starts: dict[tuple[str, str], tuple] = {}
        for x in to_replay:  # oldest first: the first of each pair is where its replay starts
            starts.setdefault((x.product_id, x.warehouse_id), (x.occurred_at, x.movement_id))
        for (product_id, warehouse_id), key in starts.items():
            ledger.revalue(uow, product_id, warehouse_id, key)
        left = tuple(x for x in uow.sales.stale_costs() if not is_closed(x.occurred_at))
        uow.sales.set_costs(left)
        repaired = _changed(before, uow.sales.line_costs()) if to_replay else left
        uow.commit()
    return CostRepair(repaired, closed, backup, tuple(to_replay), closed_returns)


def _changed(before: dict, after: dict) -> tuple[StaleCost, ...]:
    """The lines whose cost differs between two readings of ``line_costs``, with both costs."""
    out = []
    for key, (number, sku, at, revenue, cost) in after.items():
        was = before.get(key)
        if was is not None and was[4] != cost:
            out.append(StaleCost(key[0], number, key[1], sku, at, revenue, was[4], cost))
    return tuple(sorted(out, key=lambda x: (x.number, x.line_no)))
