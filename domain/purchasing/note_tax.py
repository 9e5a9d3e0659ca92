"""The tax a purchasing note prints (a goods receipt's, 采购入库单, and a return to the supplier's, 采购退货单).

A note's lines are the ledger's values of its movements, before tax. The tax rate is the purchase order's where the
goods came against one (a delivery, or a return against the order or against a delivery's receipt). A free receipt
(no order) takes the purchasing policy's rate in force when it was posted, the company's default for purchases,
which the receipt keeps (``Document.tax_rate``, migration 0018): a purchase order starts with it, and a supplier
invoice for a receipt without an order is matched at it (``domain.accounts.invoices``), so the note prints what that
invoice is expected to come to, whatever the company's rate is by the time it is reprinted. Products carry only a
selling tax rate and suppliers none, so there is no other default to take. A return against neither a receipt nor
an order prints no tax: where the goods came from, and so their tax, is not known.

Each line's tax is its value × the rate, to the cent (half up), as the purchase report takes it
(``domain.reports.purchases.PurchaseLine.tax``); the note's tax is the sum of its lines'.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.sales.printing import PrintLine

HUNDRED = Decimal(100)


def order_tax_rate(uow, order: str) -> Decimal:
    """The tax rate in percent of the purchase order numbered ``order`` (or with that id, when it had no number);
    0 for an order that is not found (inside an open unit of work)."""
    po = uow.purchasing.by_number(order) or uow.purchasing.get(order)
    return po.tax_rate if po is not None else ZERO


def receipt_tax_rate(uow, receipt) -> Decimal:
    """The tax rate in percent of a goods receipt (a ``Document``): the one a free receipt kept, else, for a
    delivery's receipt (no rate of its own, its reference its purchase order's number), its order's."""
    if receipt.tax_rate is None and receipt.reference:
        po = uow.purchasing.by_number(receipt.reference.upper())
        if po is not None:
            return po.tax_rate
    return free_receipt_tax_rate(uow, receipt)


def free_receipt_tax_rate(uow, receipt) -> Decimal:
    """The tax rate in percent a free receipt (a ``Document``) was posted at; the purchasing policy's now for one
    that kept none (a free receipt migration 0018 could not tell from a delivery)."""
    return receipt.tax_rate if receipt.tax_rate is not None else uow.purchasing.policy().tax_rate


def with_tax(lines: tuple[PrintLine, ...], rate: Decimal, places: int) -> tuple[tuple[PrintLine, ...], Decimal]:
    """``lines`` each with ``rate`` as its tax percent, and the tax of them all: Σ each line's value × ``rate``,
    each to ``places``.

    Args:
        lines: a note's lines, ``amount`` the value before tax.
        rate: the tax in percent (0: none).
        places: the company currency's money places.

    Returns:
        The lines with ``tax_pct`` set, and their tax.
    """
    taxed = tuple(replace(line, tax_pct=rate) for line in lines)
    tax = sum((round_money(line.amount * rate / HUNDRED, places) for line in taxed), round_money(ZERO, places))
    return taxed, tax
