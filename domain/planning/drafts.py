"""Draft purchase orders from planning's suggestions (``create_drafts``): one per supplier × delivery warehouse, all
in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel.numbers import ZERO
from domain.kernel.ports import UnitOfWork
from domain.planning.model import Suggestion
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing


class _SharedTransaction:
    """A unit of work already entered, lent to use cases that open and commit their own: their ``with``
    and ``commit`` do nothing, so all of them land in the caller's one transaction."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def __enter__(self) -> _SharedTransaction:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        return None

    def __getattr__(self, name: str):
        return getattr(self._uow, name)


# Public for the transfers made from planning's suggestions (domain.planning.transfer_docs), which share it.
SharedTransaction = _SharedTransaction


@dataclass(frozen=True)
class DraftCreated:
    po_id: str
    supplier: str
    warehouse: str
    lines: list[tuple[str, Decimal]]
    amount: Decimal = ZERO  # the lines' amount before tax, in ``currency``
    currency: str = ""


DRAFT_NOTE = "suggested by replenishment planning"


def create_drafts(uow: UnitOfWork, suggestions: Sequence[Suggestion], note: str = DRAFT_NOTE) -> list[DraftCreated]:
    """One draft purchase order per supplier × delivery warehouse with the suggested lines, all in one transaction.

    Suggestions without a supplier are left out (the caller reports them). Prices come from the supplier
    terms (``purchasing.add_lines``), which round the quantity again to MOQ, multiple and pack size. ``note``
    goes on each draft, in the language of whoever asked (the window passes its own).
    """
    groups: dict[tuple[str, str], list[Suggestion]] = {}
    for s in suggestions:
        if s.supplier is not None and s.qty > 0:
            groups.setdefault((s.supplier, s.warehouse), []).append(s)
    created = []
    with uow:
        require(uow, Permission.PURCHASE)
        shared = _SharedTransaction(uow)
        for (supplier, warehouse), lines in sorted(groups.items()):
            po = purchasing.create_draft(shared, pc.CreatePurchaseOrder(
                supplier, warehouse, notes=note))
            added = purchasing.add_lines(shared, po.id, [pc.AddPurchaseOrderLine(po.id, s.sku, s.qty) for s in lines])
            created.append(DraftCreated(po.id, supplier, warehouse, [(line.sku, line.qty) for line, _ in added],
                                        sum((line.amount() for line, _ in added), ZERO), po.currency))
        uow.commit()
    return created
