"""What one desk settled against goods another desk took back, offline (docs/ACCOUNTS.md, "Sync", conflicts 7–8):

* a receipt without a purchase order (GR-) that desk B reverses while desk A enters, and pays, the supplier's invoice
  for it: the invoice is the payable, for goods no longer received. After both sync each desk lists it once, in
  words (the invoice, the receipt, the supplier; the receipt and the invoice named with their products), and
  nothing is changed: the invoice stays owed or paid until the office reverses it;
* a sale (or a receipt of a PO) that desk B reverses while desk A records the customer's money (the supplier's
  payment) for it: the reversal keeps its allocation, the money's is undone and it is credit again, said in those
  words instead of "allocated beyond its amount";
* one desk refuses to reverse a receipt without a PO that an invoice bills, naming the invoice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import invoices as inv
from domain.accounts import money
from domain.accounts.model import Side
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import shipping
from domain.stock import commands as stock
from domain.stock import documents as docs
from domain.stock import ledger
from domain.stock.documents import DocumentError
from persistence import sync
from tests.integration.sync.test_reversed_receipt_invoice import office
from tests.integration.sync.test_reversed_receipt_invoice import received_po

pytestmark = pytest.mark.postgres

D = Decimal
DAY = date(2026, 3, 10)


def free_receipt(db) -> str:
    """10 SCREW at 10.00 from NB without a purchase order: its GR- number."""
    return docs.post_document(db.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "10", "10.00"),), partner="NB")).number


def invoice_for(db, number: str, receipt: str):
    return inv.enter_supplier_invoice(db.uow(), inv.EnterSupplierInvoice(
        "NB", number, receipts=(receipt,), lines=(inv.LineInput("SCREW", "10", "10.00"),), day=DAY))


def open_items(db, side: Side, code: str) -> dict[tuple[str, str], Decimal]:
    """(kind, number) → open amount (+ owed, − credit) of a partner's open items."""
    uow = db.uow()
    with uow:
        partner = (uow.suppliers if side == Side.AP else uow.customers).by_code(code)
        out: dict[tuple[str, str], Decimal] = {}
        for x in uow.accounts.open_items(side, partner.id):
            key = (x.item.kind.value, x.item.number)
            out[key] = out.get(key, D(0)) + (x.open if x.item.amount > 0 else -x.open)
        return out


def told(db, code: str) -> list:
    return [x for x in sync.conflicts(db) if x.rule_code == code]


@pytest.fixture
def desks(hub, devices):
    a, b = devices("a"), devices("b")
    office(a)
    catalog.add_customer(a.uow(), c.AddCustomer("C1", "Hangzhou Mingyuan"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    return a, b


@pytest.mark.parametrize("first", ["the invoice", "the reversal"])
def test_an_invoice_paid_for_a_receipt_without_a_po_reversed_on_another_desk_is_told_and_kept(hub, desks, first):
    a, b = desks
    gr = free_receipt(b)
    sync.sync(b, hub)
    sync.sync(a, hub)
    docs.reverse_document(b.uow(), docs.ReverseDocument(gr, note="wrong supplier"))  # desk B takes it back
    invoice_for(a, "FP-501", gr)  # desk A, offline: the supplier's invoice for it, and pays it
    money.record_money(a.uow(), ac.RecordMoney("payment", "NB", "113.00", method="bank", day=DAY))
    order = (a, b, a, b) if first == "the invoice" else (b, a, b, a)
    before = open_items(a, Side.AP, "NB")
    assert before == {}  # the invoice is paid
    for desk in order:
        sync.sync(desk, hub)
    for desk in (a, b):
        [notice] = told(desk, "invoice_bills_reversed_receipt")
        assert (notice.rule_params["invoice"], notice.rule_params["receipt"], notice.rule_params["supplier"]) == (
            "FP-501", gr, "NB")
        assert "FP-501" in notice.rule and gr in notice.rule and "reversed on another desk" in notice.rule
        named = {(x.kind, x.number, x.partner, x.products) for x in notice.items.values()}
        assert named == {("goods_receipt", gr, "NB Ningbo Fasteners", ("SCREW Screw M3",)),
                         ("supplier_invoice", "FP-501", "NB Ningbo Fasteners", ("SCREW Screw M3",))}
        assert not told(desk, "over_allocated")
        # nothing is changed: the invoice stays paid, the receipt reversed
        assert open_items(desk, Side.AP, "NB") == before
        with desk.uow() as uow:
            assert uow.documents.by_number(gr).reversed
    assert {x.id for x in sync.conflicts(a)} == {x.id for x in sync.conflicts(b)}
    for desk in (a, b):  # a sync more finds nothing new
        assert sync.sync(desk, hub).conflicts == 0
        assert len(told(desk, "invoice_bills_reversed_receipt")) == 1
    # the office reverses the invoice: the payment is the supplier's credit again
    inv.reverse_invoice(a.uow(), inv.ReverseSupplierInvoice("NB", "FP-501", "billed a reversed receipt", DAY))
    assert sum(open_items(a, Side.AP, "NB").values()) == D("-113.00")


def test_an_invoice_for_a_receipt_without_a_po_entered_before_the_reversal_here_is_not_told(hub, desks):
    a, b = desks
    gr = free_receipt(a)
    invoice_for(a, "FP-502", gr)
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert told(a, "invoice_bills_reversed_receipt") == told(b, "invoice_bills_reversed_receipt") == []


def test_one_desk_refuses_to_reverse_a_receipt_without_a_po_an_invoice_bills_naming_the_invoice(db):
    office(db)
    gr = free_receipt(db)
    invoice_for(db, "FP-900", gr)
    with pytest.raises(DocumentError) as refused:
        docs.reverse_document(db.uow(), docs.ReverseDocument(gr))
    cause = refused.value.cause
    assert cause.code == "free_receipt_invoiced" and cause.params == {"number": gr, "invoice": "FP-900",
                                                                      "supplier": "NB"}
    assert "FP-900" in str(refused.value) and gr in str(refused.value)
    inv.reverse_invoice(db.uow(), inv.ReverseSupplierInvoice("NB", "FP-900", "wrong receipt", DAY))
    docs.reverse_document(db.uow(), docs.ReverseDocument(gr))  # the invoice reversed first: the receipt may go
    assert open_items(db, Side.AP, "NB") == {}


def test_money_for_a_sale_reversed_on_another_desk_is_credit_again_said_in_words(hub, desks):
    a, b = desks
    ledger.receive(b.uow(), stock.ReceiveStock("SCREW", "10", "MAIN", "5.00"))
    number = shipping.sell(b.uow(), sc.CounterSale("C1", "MAIN", (sc.SaleLineInput("SCREW", "2", "50.00"),))).number
    sync.sync(b, hub)
    sync.sync(a, hub)
    docs.reverse_document(b.uow(), docs.ReverseDocument(number, note="sold to the wrong customer"))  # desk B
    rc = money.record_money(a.uow(), ac.RecordMoney("receipt", "C1", "113.00", day=DAY)).number  # desk A: paid
    for desk in (a, b, a, b):
        sync.sync(desk, hub)
    for desk in (a, b):
        [notice] = told(desk, "paid_item_reversed")
        assert notice.rule_params == {"document": number, "credit": rc, "partner": "C1", "take": "113.00"}
        assert number in notice.rule and rc in notice.rule and "credit again" in notice.rule
        assert {x.number for x in notice.items.values()} == {number, rc}
        assert not told(desk, "over_allocated")
        assert open_items(desk, Side.AR, "C1") == {("receipt", rc): D("-113.00")}  # the money is credit again
    assert {x.id for x in sync.conflicts(a)} == {x.id for x in sync.conflicts(b)}


def test_a_payment_for_a_po_receipt_reversed_on_another_desk_is_credit_again_said_in_words(hub, desks):
    a, b = desks
    po, receipt = received_po(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    ledger.reverse(a.uow(), stock.ReverseMovement(receipt, "wrong PO"))
    pm = money.record_money(b.uow(), ac.RecordMoney("payment", "NB", "113.00", method="bank", day=DAY)).number
    for desk in (a, b, a, b):
        sync.sync(desk, hub)
    for desk in (a, b):
        [notice] = told(desk, "paid_item_reversed")
        assert notice.rule_params == {"document": f"{po} SCREW", "credit": pm, "partner": "NB", "take": "113.00"}
        assert open_items(desk, Side.AP, "NB") == {("payment", pm): D("-113.00")}
