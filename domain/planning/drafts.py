"""Draft purchase orders from planning's suggestions (``create_drafts``): one per supplier × delivery warehouse, all
in one transaction.

``preview_drafts`` says what ``create_drafts`` would make, for the purchaser to confirm: it runs the same steps in a
transaction it never commits (the unit of work rolls it back), so the quantities rounded to the supplier's MOQ and
packs, the prices from its terms and price breaks, and the amounts are the drafts' own, not a second reckoning of
them; it adds the supplier's name, the products' names and each amount in the company currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel import clock
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.kernel.ports import UnitOfWork
from domain.planning.model import Suggestion
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing.model import PLANNING_NOTE


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


@dataclass(frozen=True)
class DraftLine:
    sku: str
    name: str
    qty: Decimal  # as the draft will order it (rounded to the supplier's MOQ, multiple and pack)
    unit: str


@dataclass(frozen=True)
class DraftPreview:
    """A draft ``create_drafts`` would make, as the purchaser confirms it."""

    supplier: str
    supplier_name: str
    warehouse: str
    lines: list[DraftLine]
    amount: Decimal  # the lines' amount before tax, in ``currency``
    currency: str
    company_currency: str
    company_amount: Decimal | None  # ``amount`` in the company currency at today's rate; None: no rate yet


# Stored as these words whatever the window's language, and never printed to the supplier (``supplier_notes``).
DRAFT_NOTE = PLANNING_NOTE


def _groups(suggestions: Sequence[Suggestion]) -> list[tuple[tuple[str, str], list[Suggestion]]]:
    """The suggestions with a supplier and a quantity, per supplier × delivery warehouse, in that order."""
    groups: dict[tuple[str, str], list[Suggestion]] = {}
    for s in suggestions:
        if s.supplier is not None and s.qty > 0:
            groups.setdefault((s.supplier, s.warehouse), []).append(s)
    return sorted(groups.items())


def _make(uow: UnitOfWork, suggestions: Sequence[Suggestion], note: str):
    """Each draft with its added lines, in the entered ``uow``'s one transaction (not committed here)."""
    shared = _SharedTransaction(uow)
    for (supplier, warehouse), lines in _groups(suggestions):
        po = purchasing.create_draft(shared, pc.CreatePurchaseOrder(supplier, warehouse, notes=note))
        added = purchasing.add_lines(shared, po.id, [pc.AddPurchaseOrderLine(po.id, s.sku, s.qty) for s in lines])
        yield supplier, warehouse, po, [line for line, _ in added]


def create_drafts(uow: UnitOfWork, suggestions: Sequence[Suggestion], note: str = DRAFT_NOTE) -> list[DraftCreated]:
    """One draft purchase order per supplier × delivery warehouse with the suggested lines, all in one transaction.

    Suggestions without a supplier are left out (the caller reports them). Prices come from the supplier
    terms (``purchasing.add_lines``), which round the quantity again to MOQ, multiple and pack size. ``note``
    goes on each draft; planning's own (the default) is the purchaser's, and its printed copy leaves it out.
    """
    with uow:
        require(uow, Permission.PURCHASE)
        created = [DraftCreated(po.id, supplier, warehouse, [(line.sku, line.qty) for line in lines],
                                sum((line.amount() for line in lines), ZERO), po.currency)
                   for supplier, warehouse, po, lines in _make(uow, suggestions, note)]
        uow.commit()
    return created


def preview_drafts(uow: UnitOfWork, suggestions: Sequence[Suggestion]) -> list[DraftPreview]:
    """What ``create_drafts`` would make of ``suggestions``, writing nothing (see the module docstring).

    Returns:
        One preview per draft, in the order ``create_drafts`` makes them. A draft in a foreign currency is valued
        in the company currency at the rate of today (``purchasing.applied_rate``); without one, its
        ``company_amount`` is None.

    Raises:
        Forbidden: the user may not make purchase orders. Otherwise what ``create_drafts`` would raise.
    """
    now = clock.now()
    with uow:  # never committed: rolled back when it ends
        require(uow, Permission.PURCHASE)
        company = uow.purchasing.policy().currency
        previews = []
        for supplier, warehouse, po, lines in _make(uow, suggestions, DRAFT_NOTE):
            amount = sum((line.amount() for line in lines), ZERO)
            if po.currency == company:
                converted: Decimal | None = amount
            else:
                rate = purchasing.applied_rate(uow, po, now)
                converted = None if rate is None else round_money(amount * rate.rate)
            previews.append(DraftPreview(
                supplier, uow.suppliers.get(po.supplier_id).name, warehouse,
                [DraftLine(line.sku, uow.products.get(line.product_id).name, line.qty, line.unit) for line in lines],
                amount, po.currency, company, converted))
    return previews
