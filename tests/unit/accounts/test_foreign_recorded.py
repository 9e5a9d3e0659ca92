"""What is still owed to a supplier in its own currency (``domain.accounts.foreign``) counts a receipt and an invoice
at the amount recorded in that currency, not their company-currency cents worked back by a rate far below 1."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from domain.accounts.foreign import foreign_items
from domain.accounts.model import AccountItem
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.rows import OpenItemRow

D = Decimal
DAY = date(2026, 3, 2)
RATE = D("0.000071")  # CNY per VND


class FakeUow:
    """Only what the rule reads: items, allocations, movements, orders, invoices, rates, the supplier's currency."""

    money_places = 2

    def __init__(self, items, allocations=(), movements=None, invoices=None):
        self.items = {i.id: i for i in items}
        self.accounts = SimpleNamespace(get=self.items.get, allocations_of=lambda item_id: [
            a for a in allocations if item_id in (a.debit_item_id, a.credit_item_id)])
        self.movements = SimpleNamespace(get=(movements or {}).get)
        po = SimpleNamespace(id="po1", number="PO-1", currency="VND", fixed_rate=None, tax_rate=D(13))
        self.purchasing = SimpleNamespace(by_number=lambda n: po if n == "PO-1" else None,
                                          get=lambda i: po if i == "po1" else None,
                                          policy=lambda: SimpleNamespace(currency="CNY"))
        self.suppliers = SimpleNamespace(get=lambda _id: SimpleNamespace(currency="VND"))
        self.rates = SimpleNamespace(on=lambda _cur, _day: SimpleNamespace(rate=RATE))
        self.supplier_invoices = SimpleNamespace(by_number=lambda _s, n: (invoices or {}).get(n))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _item(id_, kind, amount, number="PO-1", source_id=None) -> AccountItem:
    return AccountItem(id_, Side.AP, "s1", kind, number, DAY, D(amount), source_id=source_id)


def _row(item: AccountItem, allocated: str = "0") -> OpenItemRow:
    return OpenItemRow(item.id, "s1", "VN1", "Hanoi", item.kind.value, item.number, DAY, None, item.amount,
                       D(allocated), abs(item.amount) - D(allocated), 0, item.source_id)


def test_a_receipt_counts_at_its_quantity_times_the_orders_price_in_the_currency_with_its_tax():
    # VND 1,234,567 at 0.000071: a unit cost of 87.6543, with 13 % CNY 99.05, which ÷ 0.000071 says 1,395,070.42
    movement = SimpleNamespace(qty=D(1), fx_currency="VND", fx_unit_price=D(1234567), fx_rate=RATE)
    receipt = _item("i1", ItemKind.GOODS_RECEIPT, "99.05", source_id="m1")
    uow = FakeUow([receipt], movements={"m1": movement})
    assert foreign_items(uow, [_row(receipt)])["i1"].amount == D("1395060.71")  # 1,234,567 × 1.13


def test_a_payment_settles_at_its_days_rate_and_an_invoice_at_its_own_amount():
    invoice = _item("i2", ItemKind.SUPPLIER_INVOICE, "99.05", number="FP-1", source_id="inv1")
    payment = _item("p1", ItemKind.PAYMENT, "-50.00", number="PM-1")
    allocation = SimpleNamespace(debit_item_id="i2", credit_item_id="p1", amount=D("50.00"), business_date=DAY)
    uow = FakeUow([invoice, payment], [allocation],
                  invoices={"FP-1": SimpleNamespace(id="inv1", po_id="po1", amount=D("1395060.71"))})
    owed = D("1395060.71") - D("50.00") / RATE
    assert foreign_items(uow, [_row(invoice, "50.00")])["i2"].amount == owed.quantize(D("0.01"))


def test_a_reversal_and_its_receipt_cancel_exactly():
    movement = SimpleNamespace(qty=D(1), fx_currency="VND", fx_unit_price=D(1234567), fx_rate=RATE)
    receipt = _item("i1", ItemKind.GOODS_RECEIPT, "99.05", source_id="m1")
    undone = AccountItem("r1", Side.AP, "s1", ItemKind.REVERSAL, "PO-1", DAY, D("-99.05"), reverses_id="i1")
    half = SimpleNamespace(debit_item_id="i1", credit_item_id="r1", amount=D("49.525"), business_date=DAY)
    uow = FakeUow([receipt, undone], [half], movements={"m1": movement})
    assert foreign_items(uow, [_row(receipt, "49.525")])["i1"].amount == (D("1395060.71") / 2).quantize(D("0.01"))
