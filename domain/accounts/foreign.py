"""What a foreign supplier's payables come to in its own currency, at the documents' own rates.

Payables are kept in the company currency (``docs/ACCOUNTS.md``): each item was converted when its document was
posted, so each open item is turned back at the rate its document used:

* goods received against an order (``goods_receipt``): the rate its receipt movement carries (``Movement.fx_rate``);
* a reversal: the rate of the item it reverses;
* any other item (a supplier invoice and its match, a return, a payment, a refund, a write-off, an opening
  balance): the fixed rate of the purchase order it names, if it names one that has a fixed rate, else the rate of
  its date (``exchange``: the latest rate dated on or before it), the rule by which an invoice or a return against
  an order was converted.

A supplier in the company currency has no foreign amount. One item whose rate is not known (no rate of its date)
leaves the supplier's amount unknown (None) rather than a sum that silently leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from domain.accounts.rows import OpenItemRow
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.purchasing.exchange import needs_rate


@dataclass(frozen=True)
class ForeignBalance:
    """A supplier's balance in its own ``currency``; ``amount`` None when a rate was not known."""

    currency: str
    amount: Decimal | None


def foreign_balances(uow, rows: Iterable[OpenItemRow]) -> dict[str, ForeignBalance]:
    """Each foreign-currency supplier of ``rows`` (payables' open items, as ``open_items`` reads them at a day) with
    its balance in its own currency: Σ each item's open amount (+ owed, − credit) ÷ the rate its document used.

    Args:
        uow: a unit of work (opened and left here; read only).
        rows: the open items of the payables side.

    Returns:
        partner id → ``ForeignBalance``, only for suppliers whose currency is not the company's.
    """
    by_partner: dict[str, list[OpenItemRow]] = {}
    for row in rows:
        by_partner.setdefault(row.partner_id, []).append(row)
    out = {}
    with uow:
        company = uow.purchasing.policy().currency
        for partner_id, items in by_partner.items():
            supplier = uow.suppliers.get(partner_id)
            if supplier is None or not needs_rate(supplier.currency, company):
                continue
            total: Decimal | None = ZERO
            for row in items:
                rate = _item_rate(uow, supplier.currency, row.id)
                if rate is None:
                    total = None
                    break
                total += (row.open if row.amount > 0 else -row.open) / rate
            out[partner_id] = ForeignBalance(supplier.currency,
                                             None if total is None else round_money(total, uow.money_places))
    return out


def _item_rate(uow, currency: str, item_id: str, depth: int = 0) -> Decimal | None:
    """Company currency per 1 ``currency`` at which the item ``item_id`` was converted (see the module)."""
    item = uow.accounts.get(item_id)
    if item is None:
        return None
    if item.reverses_id and depth < 4:
        return _item_rate(uow, currency, item.reverses_id, depth + 1)
    if item.kind.value == "goods_receipt" and item.source_id:
        movement = uow.movements.get(item.source_id)
        if movement is not None and movement.fx_rate:
            return movement.fx_rate
    for ref in (item.reference, item.number):
        po = uow.purchasing.by_number(ref.upper()) if ref else None
        if po is not None and po.currency == currency and po.fixed_rate:
            return po.fixed_rate
    found = uow.rates.on(currency, item.business_date)
    return found.rate if found is not None else None
