"""An invoice that bills a reversed receipt (docs/ACCOUNTS.md, "Sync", conflict 7): desk A reverses a receipt of a
purchase order while desk B, offline, enters the supplier's invoice for that order. After both sync the office is
told in plain words which invoice bills which reversed receipt of which supplier, and the credit the reversal left
on the invoice's match waits for that invoice: a later receipt or invoice of the supplier does not take it. One
desk refuses the same thing outright (the invoice must be reversed before its receipt), so nothing is billed for a
reversed receipt unnoticed."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.accounts import invoices as inv
from domain.accounts.model import Side
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import orders
from domain.stock import commands as stock
from domain.stock import ledger
from persistence import sync
from persistence.accounts import open as open_amounts

pytestmark = pytest.mark.postgres

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


def office(db) -> None:
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_supplier(db.uow(), c.AddSupplier("NB", "Ningbo Fasteners"))
    catalog.add_product(db.uow(), c.AddProduct("SCREW", "Screw M3"))


def received_po(db, qty: str = "10") -> tuple[str, str]:
    """A PO of ``qty`` SCREW at 10.00 (13 % tax) received in full: (its number, the receipt movement's id)."""
    draft = orders.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    orders.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", qty, "10.00"))
    number = orders.issue(db.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number
    [moved] = orders.receive(db.uow(), pc.ReceivePurchaseOrder(number, occurred_at=MARCH))
    return number, moved.id


def invoice(db, number: str, po: str, qty: str = "10"):
    return inv.enter_supplier_invoice(db.uow(), inv.EnterSupplierInvoice(
        "NB", number, po=po, lines=(inv.LineInput("SCREW", qty, "10.00"),), day=DAY))


def open_items(db) -> dict[tuple[str, str], Decimal]:
    """The supplier's open items: (kind, number) → open amount (+ owed, − credit)."""
    uow = db.uow()
    with uow:
        supplier = uow.suppliers.by_code("NB")
        out: dict[tuple[str, str], Decimal] = {}
        for x in uow.accounts.open_items(Side.AP, supplier.id):
            key = (x.item.kind.value, x.item.number)
            out[key] = out.get(key, D(0)) + (x.open if x.item.amount > 0 else -x.open)
        return out


def billed_reversed(db) -> list:
    return [x for x in sync.conflicts(db) if x.rule_code == "invoice_bills_reversed"]


@pytest.fixture
def desks(hub, devices):
    a, b = devices("a"), devices("b")
    office(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    return a, b


def test_an_invoice_billing_a_receipt_reversed_on_another_desk_is_told_plainly_and_its_credit_waits(hub, desks):
    a, b = desks
    po, receipt = received_po(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    ledger.reverse(a.uow(), stock.ReverseMovement(receipt, "wrong PO"))  # desk A: the receipt was a mistake
    invoice(b, "FP-778", po)  # desk B, offline: the supplier's invoice for the order
    for desk in (a, b, a, b):
        sync.sync(desk, hub)
    for desk in (a, b):
        [told] = billed_reversed(desk)
        assert (told.rule_params["invoice"], told.rule_params["receipt"], told.rule_params["supplier"]) == (
            "FP-778", f"{po} SCREW", "NB")
        assert "FP-778" in told.rule and po in told.rule and "NB" in told.rule and "reversed" in told.rule
        assert not [x for x in sync.conflicts(desk) if x.rule_code == "over_allocated"]  # one notice, in words
        # the items the undone allocation joined, as the office knows them: numbers, supplier, products
        named = {(x.kind, x.number, x.partner, x.products) for x in told.items.values()}
        assert ("goods_receipt", po, "NB Ningbo Fasteners", ("SCREW Screw M3",)) in named
        assert {x.kind: x.number for x in told.items.values()} == {"goods_receipt": po, "invoice_match": "FP-778"}
        assert set(told.items) == {told.kept_data["item"], told.lost["debit_item_id"], told.lost["credit_item_id"]}
        # the receipt stays reversed; the invoice is owed until the office settles it; its match holds the credit
        assert open_items(desk) == {("supplier_invoice", "FP-778"): D("113.00"),
                                    ("invoice_match", "FP-778"): D("-113.00")}
        with desk.engine.connect() as conn:
            assert open_amounts.check(conn) == []
    assert {x.id for x in sync.conflicts(a)} == {x.id for x in sync.conflicts(b)}
    # a later receipt of the same supplier does not silently use the invoice's credit up, on either desk
    later, _ = received_po(a, "5")
    assert open_items(a)[("goods_receipt", later)] == D("56.50")
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert open_items(b)[("goods_receipt", later)] == D("56.50")
    # nor does a later invoice for another order
    invoice(b, "FP-779", later, "5")
    assert open_items(b)[("supplier_invoice", "FP-779")] == D("56.50")
    assert open_items(b)[("invoice_match", "FP-778")] == D("-113.00")
    # reversing the invoice that bills the reversed receipt clears both of its items
    inv.reverse_invoice(b.uow(), inv.ReverseSupplierInvoice("NB", "FP-778", "billed a reversed receipt", DAY))
    assert ("supplier_invoice", "FP-778") not in open_items(b) and ("invoice_match", "FP-778") not in open_items(b)


def test_the_notice_is_the_same_whichever_desk_synced_first(hub, desks):
    a, b = desks
    po, receipt = received_po(a)
    for desk in (a, b):
        sync.sync(desk, hub)
    invoice(b, "FP-800", po)
    ledger.reverse(a.uow(), stock.ReverseMovement(receipt))
    for desk in (b, a, b, a):  # the invoice reaches the hub first this time
        sync.sync(desk, hub)
    for desk in (a, b):
        [told] = billed_reversed(desk)
        assert told.rule_params["invoice"] == "FP-800"
        assert open_items(desk) == {("supplier_invoice", "FP-800"): D("113.00"),
                                    ("invoice_match", "FP-800"): D("-113.00")}
    assert billed_reversed(a)[0].id == billed_reversed(b)[0].id


def test_one_desk_refuses_to_reverse_a_receipt_an_invoice_bills_naming_the_invoice(db):
    office(db)
    po, receipt = received_po(db)
    invoice(db, "FP-900", po)
    with pytest.raises(RuleViolation) as refused:
        ledger.reverse(db.uow(), stock.ReverseMovement(receipt))
    assert refused.value.code == "receipt_invoiced"
    assert refused.value.params["invoice"] == "FP-900" and refused.value.params["supplier"] == "NB"
    assert "FP-900" in str(refused.value) and po in str(refused.value)
    inv.reverse_invoice(db.uow(), inv.ReverseSupplierInvoice("NB", "FP-900", "wrong receipt", DAY))
    ledger.reverse(db.uow(), stock.ReverseMovement(receipt))  # the invoice reversed first: the receipt may go
    assert open_items(db) == {}

