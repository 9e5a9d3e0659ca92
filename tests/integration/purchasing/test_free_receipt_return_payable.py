"""A return against a free receipt (no purchase order) takes off the supplier's payable the goods at the price they
came in at with the tax of the rate the receipt kept, so a supplier invoiced for the receipt is owed exactly nothing
once every piece has gone back (it read 13 % of the value owed: the return credited the value without tax). Partial
returns are pro rata and their cents add up to the whole's."""

from __future__ import annotations

from decimal import Decimal

from domain.accounts import invoices as inv
from domain.accounts.model import Side
from domain.purchasing import commands as pc
from domain.purchasing import returns
from domain.purchasing import terms
from domain.stock import documents as docs

D = Decimal


def _receive(db, qty: str, cost: str) -> str:
    return docs.post_document(db.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", qty, cost),), partner="NB")).number


def _return(db, receipt: str, qty: str) -> str:
    return returns.return_to_supplier(db.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", qty),), "damaged", receipt=receipt)).number


def _invoice(db, receipt: str, qty: str, price: str, number: str = "FP-1") -> None:
    inv.enter_supplier_invoice(db.uow(), inv.EnterSupplierInvoice(
        "NB", number, receipts=(receipt,), lines=(inv.LineInput("SCREW", qty, price),)))


def _owed(db) -> Decimal:
    """The supplier's balance: Σ what is open of its payables (+ owed, − credit)."""
    with db.uow() as uow:
        supplier = uow.suppliers.by_code("NB")
        return sum((x.item.amount / abs(x.item.amount) * x.open for x in uow.accounts.open_items(Side.AP, supplier.id)),
                   D(0))


def test_receiving_freely_at_13_percent_and_returning_it_all_leaves_the_supplier_owed_nothing(shop):
    receipt = _receive(shop, "10", "10.00")
    _invoice(shop, receipt, "10", "10.00")
    assert _owed(shop) == D("113.00")
    _return(shop, receipt, "10")
    assert _owed(shop) == D("0.00")


def test_partial_returns_are_pro_rata_and_their_cents_add_up_to_the_whole(shop):
    receipt = _receive(shop, "10", "3.33")  # 33.30 + 13 % (4.329 → 4.33) = 37.63 invoiced
    _invoice(shop, receipt, "10", "3.33")
    assert _owed(shop) == D("37.63")
    _return(shop, receipt, "3")  # 9.99 + 1.30 (1.2987) = 11.29
    assert _owed(shop) == D("26.34")
    _return(shop, receipt, "7")  # what 10 come to less what 3 did: 37.63 − 11.29, not 23.31 + 3.03 = 26.34 by chance
    assert _owed(shop) == D("0.00")


def test_three_returns_of_one_piece_each_round_to_the_cent_of_the_whole(shop):
    receipt = _receive(shop, "3", "0.35")  # 1.05 + 0.1365 → 0.14 = 1.19; one piece alone 0.35 + 0.0455 → 0.05 = 0.40
    _invoice(shop, receipt, "3", "0.35")
    for _ in range(3):
        _return(shop, receipt, "1")
    assert _owed(shop) == D("0.00")  # 0.40 + 0.39 + 0.40, not 3 × 0.40 = 1.20 (a cent of credit)


def test_the_return_takes_the_rate_the_receipt_kept_not_the_policys_of_today(shop):
    receipt = _receive(shop, "10", "10.00")  # at the policy's 13 %
    _invoice(shop, receipt, "10", "10.00")
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="9"))
    _return(shop, receipt, "10")
    assert _owed(shop) == D("0.00")


def test_a_partial_return_after_the_invoice_leaves_owed_what_is_kept(shop):
    receipt = _receive(shop, "10", "10.00")
    _invoice(shop, receipt, "10", "10.00")
    _return(shop, receipt, "4")
    assert _owed(shop) == D("67.80")  # 6 kept at 10.00 with 13 %


def test_a_free_receipt_not_yet_invoiced_and_returned_whole_leaves_nothing_owed_nor_credit(shop):
    receipt = _receive(shop, "10", "10.00")  # opens no payable: its invoice will
    _return(shop, receipt, "10")
    assert _owed(shop) == D("0.00")  # no credit of 100.00 (or 113.00) for goods never billed


def test_a_return_before_the_invoice_takes_off_nothing_and_the_invoice_bills_what_was_kept(shop):
    receipt = _receive(shop, "10", "10.00")
    _return(shop, receipt, "4")
    _invoice(shop, receipt, "6", "10.00")
    assert _owed(shop) == D("67.80")  # 6 kept with 13 %, not less a credit for the 4 it never billed
    _return(shop, receipt, "6")
    assert _owed(shop) == D("0.00")


def test_returns_take_off_only_what_invoices_billed(shop):
    receipt = _receive(shop, "10", "10.00")
    _invoice(shop, receipt, "6", "10.00")  # the supplier bills 6 so far
    _return(shop, receipt, "4")  # 6 kept, all billed: nothing billed came back
    assert _owed(shop) == D("67.80")
    _return(shop, receipt, "2")  # 4 kept of 6 billed: 2 at 11.30
    assert _owed(shop) == D("45.20")
