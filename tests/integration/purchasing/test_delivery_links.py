"""Each line of a delivery's goods receipt names the receipt movement it posted (0017), and the receipt is reversed
through those links: two deliveries of the same PO, product, quantity and moment each take back their own movement
and payable, and a link naming a movement that is not the line's receipt is refused with nothing written."""

from __future__ import annotations

from dataclasses import astuple
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy import update

from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.stock import documents as docs
from persistence import tables as t
from persistence.stock import queries
from persistence.stock.documents import document_list
from persistence.stock.documents import unlinked_deliveries
from tests.integration.purchasing.test_po_deliveries import on_hand
from tests.integration.purchasing.test_po_deliveries import po_with

D = Decimal
AT = datetime(2026, 3, 9, 10, 0).astimezone()


def deliver_at(db, number: str, *lines: tuple[str, str]) -> po_uc.Delivery:
    return po_uc.receive_delivery(db.uow(), pc.ReceivePurchaseOrder(number, tuple(lines), AT))


def links(db, document_id: str) -> list[str | None]:
    with db.engine.connect() as conn:
        return list(conn.execute(select(t.document_lines.c.movement_id).where(
            t.document_lines.c.document_id == document_id).order_by(t.document_lines.c.line_no)).scalars())


def reversed_movements(db) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.execute(select(t.movements.c.reverses_id).where(t.movements.c.kind == "reversal")).scalars())


def test_each_line_of_a_delivery_names_the_movement_it_posted(shop):
    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "40"), ("NUT", "10"))
    assert links(shop, delivery.document.id) == [m.id for m in delivery.movements]
    assert [(d.number, d.po, d.total_value) for d in document_list(shop.engine)] == [
        (delivery.document.number, number, D("81.00"))]  # 40 × 2 + 10 × 0.10, the movements' values
    assert unlinked_deliveries(shop.engine) == []


def test_twin_deliveries_each_reverse_their_own_movement(shop):
    """Two deliveries of the same PO, product, quantity and moment: told apart by nothing but the link, so the second
    reversed first takes back its own movement (the look-up took the first's, the oldest not yet reversed)."""
    number = po_with(shop)
    first = deliver_at(shop, number, ("SCREW", "30"))
    second = deliver_at(shop, number, ("SCREW", "30"))
    docs.reverse_document(shop.uow(), docs.ReverseDocument(second.document.number))
    assert reversed_movements(shop) == {second.movements[0].id}
    docs.reverse_document(shop.uow(), docs.ReverseDocument(first.document.number))
    assert reversed_movements(shop) == {first.movements[0].id, second.movements[0].id}
    assert on_hand(shop) == 0 and queries.check(shop.engine) == []


@pytest.mark.parametrize("forged", ["other_po", "other_receipt", "other_product"])
def test_a_line_naming_a_movement_that_is_not_its_receipt_refuses_the_reversal_and_writes_nothing(shop, forged):
    """A link comes through the hub from anywhere: one naming another PO's receipt, a movement another receipt's line
    names, or another product's receipt is refused, not followed."""
    number, other = po_with(shop), po_with(shop)
    mine = deliver_at(shop, number, ("SCREW", "30"), ("NUT", "5"))
    theirs = deliver_at(shop, other if forged == "other_po" else number, ("SCREW", "30"))
    target = {"other_po": theirs.movements[0].id, "other_receipt": theirs.movements[0].id,
              "other_product": mine.movements[1].id}[forged]
    with shop.engine.begin() as conn:
        if forged == "other_product":  # the lines' links swapped
            conn.execute(update(t.document_lines).where(t.document_lines.c.document_id == mine.document.id,
                                                        t.document_lines.c.line_no == 2)
                         .values(movement_id=mine.movements[0].id))
        conn.execute(update(t.document_lines).where(t.document_lines.c.document_id == mine.document.id,
                                                    t.document_lines.c.line_no == 1).values(movement_id=target))
    before = (on_hand(shop), reversed_movements(shop))
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(mine.document.number))
    assert exc.value.code == "cannot_reverse"
    assert exc.value.cause.code == "delivery_link_wrong"
    assert f"{mine.document.number} line 1 names movement {target}" in str(exc.value)
    assert (on_hand(shop), reversed_movements(shop)) == before
    assert [d.reversed for d in document_list(shop.engine) if d.number == mine.document.number] == [False]


def test_a_delivery_whose_linked_movement_is_not_here_yet_says_so(shop):
    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "30"))
    with shop.engine.begin() as conn:  # as pulled from the hub before its movement
        conn.execute(update(t.document_lines).where(t.document_lines.c.document_id == delivery.document.id)
                     .values(movement_id="0190a1b2-0000-7000-8000-000000000001"))
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(delivery.document.number))
    assert exc.value.cause.code == "delivery_not_here"


def test_a_pulled_receipt_naming_a_movement_twice_or_a_link_on_another_kind_is_refused_and_a_null_link_hashes_as_before(
        shop):
    """The hub is not trusted: a link is an id, on a receipt against a PO, each movement named once. A line with no
    link hashes as lines did before 0017, so upgrading does not make every document look changed and push it again."""
    from persistence.sync import checks
    from persistence.sync import records as r

    spec = r.BY_NAME["documents"]
    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "30"), ("NUT", "5"))
    with shop.engine.connect() as conn:
        record = r.read_records(conn, spec, [delivery.document.id])[delivery.document.id]
    assert checks.check_record(spec, delivery.document.id, record) == ""
    lines = record["_children"]["document_lines"]
    cases = {
        "link_twice": dict(record, _children=dict(record["_children"], document_lines=[
            lines[0], dict(lines[1], movement_id=lines[0]["movement_id"])])),
        "link_not_delivery": dict(record, kind="shipment"),
        "not_an_id": dict(record, _children=dict(record["_children"], document_lines=[
            lines[0], dict(lines[1], movement_id="GR-2026-00001")])),
    }
    for code, forged in cases.items():
        assert checks.check_record(spec, delivery.document.id, forged).code == code, code
    unlinked = dict(record, _children=dict(record["_children"], document_lines=[
        dict(x, movement_id=None) for x in lines]))
    as_before = dict(record, _children=dict(record["_children"], document_lines=[
        {k: v for k, v in x.items() if k != "movement_id"} for x in lines]))
    assert r.content_hash(spec, unlinked) == r.content_hash(spec, as_before) != r.content_hash(spec, record)


def test_a_reversed_deliverys_payable_is_listed_as_reversed_by_its_goods_receipt_not_as_settled(shop):
    """The payable of a delivery carries its PO's number and was allocated to its own reversal; the allocations list
    names the goods receipt that was reversed, found through the link, instead of a settlement by the reversal."""
    from persistence.accounts import queries as accounts

    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "30"))
    kept = deliver_at(shop, number, ("NUT", "10"))
    docs.reverse_document(shop.uow(), docs.ReverseDocument(delivery.document.number))
    with shop.uow() as uow:
        supplier = uow.suppliers.by_code("NB").id
    rows = accounts.allocations(shop.engine, "AP", supplier)
    assert [(a.debit_number, a.credit_kind, a.amount, a.reversed_by) for a in rows] == [
        (number, "reversal", D("67.80"), delivery.document.number)]  # 30 × 2 with 13 % tax; the kept one is open
    assert kept.document.number not in {a.reversed_by for a in rows}


def test_a_deliverys_goods_receipt_prints_the_movements_its_lines_name_in_english_and_chinese(shop, tmp_path, capsys):
    """po receipt-pdf: the goods receipt note of a delivery, its lines the movements its lines name at the value they
    came in with, the PO it was received against; a reversed one says when; a forged link is refused."""
    from io import BytesIO

    from pypdf import PdfReader

    from domain.purchasing.receipt_print import receipt_print
    from ui.cli import main

    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "30"), ("NUT", "5"))
    twin = deliver_at(shop, number, ("SCREW", "30"))
    note = receipt_print(shop.uow(), delivery.document.number.lower())
    assert [(x.sku, x.qty, x.unit_price, x.amount) for x in note.lines] == [
        ("SCREW", D(30), D("2.00"), D("60.00")), ("NUT", D(5), D("0.10"), D("0.50"))]
    assert (note.order_number, note.totals.without_tax, note.partner.code, note.reversed_on) == (
        number, D("60.50"), "NB", None)
    docs.reverse_document(shop.uow(), docs.ReverseDocument(twin.document.number))
    assert receipt_print(shop.uow(), twin.document.number).reversed_on is not None

    path = str(tmp_path / "stockroom.sqlite3")  # the shop's file (tests/conftest.py)
    for language, words in (("en", ("GOODS RECEIPT NOTE", "Purchase order")), ("zh", ("采购入库单", "采购订单"))):
        out = tmp_path / f"gr-{language}.pdf"
        assert main(["--db", path, "po", "receipt-pdf", delivery.document.number, "-o", str(out),
                     "--language", language]) == 0
        text = "".join(page.extract_text() for page in PdfReader(BytesIO(out.read_bytes())).pages)
        for word in (*words, delivery.document.number, number, "SCREW", "NUT", "60.50", "68.37"):
            assert word in text, (language, word)
    with shop.engine.begin() as conn:
        conn.execute(update(t.document_lines).where(t.document_lines.c.document_id == delivery.document.id,
                                                    t.document_lines.c.line_no == 1)
                     .values(movement_id=twin.movements[0].id))
    assert main(["--db", path, "po", "receipt-pdf", delivery.document.number, "-o", str(tmp_path / "x.pdf")]) != 0
    assert "line 1 names movement" in capsys.readouterr().err


def _report_documents(db) -> list[tuple[str, str]]:
    """(document, movement's product) of each line of the purchase report over March 2026, oldest first."""
    from datetime import date

    from domain.reports.model import Period
    from persistence.reports.purchases import purchase_lines

    return [(line.document, line.sku) for line in purchase_lines(db.engine, Period(date(2026, 3, 1),
                                                                                    date(2026, 3, 31)))]


def test_the_purchase_report_names_each_twin_deliverys_own_goods_receipt(shop):
    """Two deliveries of the same PO, product, quantity and moment: the report names each movement's receipt through
    the link (matched by order, moment and warehouse, both were the first receipt's)."""
    number = po_with(shop)
    first = deliver_at(shop, number, ("SCREW", "30"))
    second = deliver_at(shop, number, ("SCREW", "30"))
    assert sorted(_report_documents(shop)) == sorted([(first.document.number, "SCREW"),
                                                      (second.document.number, "SCREW")])


def test_the_purchase_report_matches_a_delivery_left_unlinked_among_the_receipts_that_name_none(shop):
    """A delivery left unlinked by 0017 is still found by order, moment and warehouse, among the receipts whose lines
    name no movement: its linked twin keeps its own number, and the unlinked one gets the other."""
    number = po_with(shop)
    first = deliver_at(shop, number, ("SCREW", "30"))
    second = deliver_at(shop, number, ("SCREW", "30"))
    with shop.engine.begin() as conn:  # as received before 0017: the second's line names nothing
        conn.execute(update(t.document_lines).where(t.document_lines.c.document_id == second.document.id)
                     .values(movement_id=None))
    assert sorted(_report_documents(shop)) == sorted([(first.document.number, "SCREW"),
                                                      (second.document.number, "SCREW")])


def _payable(db, number: str) -> D:
    """What the deliveries against the PO numbered ``number`` made payable (their goods receipt items)."""
    with db.engine.connect() as conn:
        return sum(conn.execute(select(t.account_items.c.amount).where(
            t.account_items.c.kind == "goods_receipt", t.account_items.c.number == number)).scalars(), D(0))


def _pdf_text(data: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_a_delivery_against_a_taxed_po_prints_the_pos_rate_and_tax_and_the_total_it_made_payable(shop):
    """The note printed "Total with tax" equal to the value before tax (a tax of 0): a delivery against a PO at
    13 % prints 13 % on each line, the tax on each line's value, and the total with tax the delivery made payable."""
    from domain.purchasing.receipt_print import receipt_print
    from ui.pdf.returns import render_goods_receipt

    number = po_with(shop)
    delivery = deliver_at(shop, number, ("SCREW", "30"), ("NUT", "5"))
    note = receipt_print(shop.uow(), delivery.document.number)
    assert [(x.sku, x.tax_pct, x.amount) for x in note.lines] == [("SCREW", D(13), D("60.00")),
                                                                  ("NUT", D(13), D("0.50"))]
    # 60.00 × 13 % = 7.80, 0.50 × 13 % = 0.065, half up 0.07
    assert (note.prints_tax, astuple(note.totals)) == (True, (D("60.50"), D("7.87"), D("68.37")))
    assert note.totals.with_tax == _payable(shop, number)
    for language, words in (("en", ("Tax %", "Total with tax", "7.87", "68.37")),
                            ("zh_CN", ("税率%", "价税合计", "7.87"))):
        text = _pdf_text(render_goods_receipt(shop.uow, delivery.document.number, language))
        for word in words:
            assert word in text, (language, word)


@pytest.mark.parametrize("free", [True, False])
def test_a_receipt_no_tax_applies_to_prints_no_tax_lines(shop, free):
    """A free receipt while the purchasing policy's rate is 0, or a delivery against a PO without tax: its note prints
    the total alone, with no tax column and no tax lines that would all say 0. (A free receipt takes the policy's
    rate: ``test_return_note_tax``.)"""
    from domain.purchasing import terms
    from domain.purchasing.receipt_print import receipt_print
    from ui.pdf.returns import render_goods_receipt

    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="0"))
    if free:
        receipt = docs.post_document(shop.uow(), docs.PostDocument(
            "receipt", "MAIN", (docs.LineInput("SCREW", "30", "2.00"),), partner="NB")).number
    else:
        receipt = deliver_at(shop, po_with(shop), ("SCREW", "30")).document.number
    note = receipt_print(shop.uow(), receipt)
    assert (note.prints_tax, astuple(note.totals), [x.tax_pct for x in note.lines]) == (
        False, (D("60.00"), D("0.00"), D("60.00")), [D(0)])
    for language, present, absent in (("en", ("Total CNY", "Unit price", "Amount"), ("Tax", "excl. tax")),
                                      ("zh_CN", ("合计 CNY", "单价", "金额"), ("税",))):
        text = _pdf_text(render_goods_receipt(shop.uow, receipt, language))
        for word in present:
            assert word in text, (language, word)
        for word in absent:
            assert word not in text, (language, word)
