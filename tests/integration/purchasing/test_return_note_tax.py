"""A return to the supplier's note prints the tax of the lines it returns at the rate of what it returns against, as
the goods receipt note does (it printed a tax of 0 under a PO at 13 %); a free receipt takes the purchasing policy's
rate, at which an invoice for it is matched, and so does a return against it."""

from __future__ import annotations

from dataclasses import astuple
from decimal import Decimal

import pytest

from domain.purchasing import commands as pc
from domain.purchasing import returns
from domain.purchasing import terms
from domain.purchasing.receipt_print import receipt_print
from domain.sales.return_print import return_print
from domain.stock import documents as docs
from tests.integration.purchasing.test_delivery_links import _pdf_text
from tests.integration.purchasing.test_delivery_links import deliver_at
from tests.integration.purchasing.test_po_deliveries import po_with
from ui.pdf.returns import render_goods_receipt
from ui.pdf.returns import render_return

D = Decimal


def _return(db, *, receipt: str = "", po: str = "", qty: str = "10") -> str:
    return returns.return_to_supplier(db.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", qty),), "damaged", receipt=receipt, po=po)).number


@pytest.mark.parametrize("against", ["po", "delivery"])
def test_a_return_under_a_taxed_po_prints_the_pos_rate_and_the_tax_of_its_lines(shop, against):
    number = po_with(shop)  # SCREW at 2.00, the policy's 13 %
    delivery = deliver_at(shop, number, ("SCREW", "30"))
    ret = _return(shop, po=number) if against == "po" else _return(shop, receipt=delivery.document.number)
    note = return_print(shop.uow(), ret)
    # 10 left at the average of 2.00: 20.00, its tax at 13 % 2.60
    assert [(x.sku, x.tax_pct, x.amount) for x in note.lines] == [("SCREW", D(13), D("20.00"))]
    assert (note.prints_tax, astuple(note.totals)) == (True, (D("20.00"), D("2.60"), D("22.60")))
    for language, words in (("en", ("Tax %", "Total with tax", "2.60", "22.60")),
                            ("zh_CN", ("税率%", "价税合计", "2.60", "22.60"))):
        text = _pdf_text(render_return(shop.uow, ret, language))
        for word in words:
            assert word in text, (language, word)


def test_a_return_prints_the_rate_of_its_own_po_not_the_policys_of_today(shop):
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="9"))
    number = po_with(shop)  # made at 9 %
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="13"))
    deliver_at(shop, number, ("SCREW", "30"))
    note = return_print(shop.uow(), _return(shop, po=number))
    assert ([x.tax_pct for x in note.lines], note.totals.tax) == ([D(9)], D("1.80"))


def test_a_free_receipt_and_a_return_against_it_print_the_purchasing_policys_rate(shop):
    receipt = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "30", "2.00"),), partner="NB")).number
    note = receipt_print(shop.uow(), receipt)
    assert (note.prints_tax, [x.tax_pct for x in note.lines], astuple(note.totals)) == (
        True, [D(13)], (D("60.00"), D("7.80"), D("67.80")))
    back = return_print(shop.uow(), _return(shop, receipt=receipt))
    assert (back.prints_tax, [x.tax_pct for x in back.lines], astuple(back.totals)) == (
        True, [D(13)], (D("20.00"), D("2.60"), D("22.60")))


def test_a_return_against_nothing_prints_no_tax(shop):
    docs.post_document(shop.uow(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "30", "2.00"),)))
    note = return_print(shop.uow(), _return(shop))
    assert (note.prints_tax, astuple(note.totals)) == (False, (D("20.00"), D("0.00"), D("20.00")))


def test_a_free_receipt_and_a_return_against_it_keep_the_rate_it_was_posted_at(shop):
    """Reprinted after the company's purchasing rate went from 13 % to 9 %, the receipt note and its return's still
    print 13 %; a receipt posted after the change prints 9 %."""
    receipt = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "30", "2.00"),), partner="NB")).number
    before = receipt_print(shop.uow(), receipt)
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="9"))
    after = receipt_print(shop.uow(), receipt)
    assert (after.lines, after.totals) == (before.lines, before.totals)
    assert ([x.tax_pct for x in after.lines], astuple(after.totals)) == ([D(13)], (D("60.00"), D("7.80"), D("67.80")))
    back = return_print(shop.uow(), _return(shop, receipt=receipt))
    assert astuple(back.totals) == (D("20.00"), D("2.60"), D("22.60"))
    for language, words in (("en", ("13", "7.80", "67.80")), ("zh_CN", ("价税合计", "7.80", "67.80"))):
        text = _pdf_text(render_goods_receipt(shop.uow, receipt, language))
        for word in words:
            assert word in text, (language, word)
    newer = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "10", "2.00"),), partner="NB")).number
    assert receipt_print(shop.uow(), newer).totals.tax == D("1.80")
