"""Purchase orders on a real SQLite file: numbering, snapshots, revisions, on-order, receipts, cancel, close."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import terms
from domain.purchasing.model import PoState
from persistence import tables as t
from persistence.purchasing.orders import check_on_order
from persistence.purchasing.orders import purchase_orders
from persistence.purchasing.orders import supplier_terms
from persistence.purchasing.orders import suppliers
from persistence.stock import queries

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库 Main", address="深圳市宝安区仓库路 5 号"))
    catalog.add_warehouse(u(), c.AddWarehouse("SHOP", "Shop"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司", address="浙江省宁波市", lead_time_days=10))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("NUT", "六角螺母 M3"))
    catalog.add_product(u(), c.AddProduct("WIRE", "铜线 (米)", unit="m"))
    catalog.set_supplier_terms(u(), c.SetSupplierTerms("NB", "SCREW", "30.00", "NB-S3", moq="24", order_multiple="12"))
    terms.set_term_details(u(), pc.SetTermDetails("NB", "SCREW", "12", "pack", "Screw M3 A2"))
    catalog.set_supplier_terms(u(), c.SetSupplierTerms("NB", "NUT", "0.50", "NB-N3", order_multiple="10"))
    terms.set_price_breaks(u(), pc.SetPriceBreaks("NB", "NUT", (("100", "0.45"), ("1000", "0.40"))))
    catalog.set_supplier_terms(u(), c.SetSupplierTerms("NB", "WIRE", "2.00", order_multiple="0.1"))
    return db


def draft(db, *lines: tuple[str, str], price: str | None = None, warehouse: str = "MAIN") -> str:
    po = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", warehouse))
    for sku, qty in lines:
        po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, sku, qty, price))
    return po.id


def issued(db, *lines: tuple[str, str], at: datetime = MARCH, warehouse: str = "MAIN") -> str:
    number = po_uc.issue(db.uow(), pc.IssuePurchaseOrder(draft(db, *lines, warehouse=warehouse), at)).number
    assert number is not None
    return number


def on_order(db, sku: str, warehouse: str = "MAIN") -> Decimal:
    rows = queries.stock(db.engine, sku, warehouse)
    return rows[0].on_order if rows else D(0)


def on_hand(db, sku: str) -> Decimal:
    return queries.on_hand(db.engine, sku, "MAIN")


def get(db, ref: str):
    with db.uow() as uow:
        return po_uc.find_po(uow, ref)


def test_issued_orders_are_numbered_consecutively_per_year(shop):
    first = issued(shop, ("NUT", "10"))
    second = issued(shop, ("NUT", "10"))
    next_year = issued(shop, ("NUT", "10"), at=datetime(2027, 1, 3, tzinfo=UTC))
    assert (first, second, next_year) == ("PO-2026-00001", "PO-2026-00002", "PO-2027-00001")


def test_a_draft_is_not_numbered_and_does_not_count_as_on_order(shop):
    po_id = draft(shop, ("NUT", "50"))
    po = get(shop, po_id)
    assert po.number is None and po.state == PoState.DRAFT
    assert on_order(shop, "NUT") == 0


def test_add_line_rounds_up_to_moq_multiple_and_packs_and_takes_the_pack_price(shop):
    po_id = draft(shop)
    line, note = po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po_id, "SCREW", "5"))
    assert line.qty == D(24)
    assert "minimum order quantity 24" in note
    assert (line.price, line.price_per.value, line.pack_size, line.supplier_sku) == (D(30), "pack", D(12), "NB-S3")
    assert line.description == "不锈钢螺丝 M3 / Screw M3 A2"
    assert line.amount() == D("60.00")


def test_an_order_multiple_of_a_tenth_keeps_five_point_one_on_the_po(shop):
    po_id = draft(shop, ("WIRE", "5.1"))
    assert get(shop, po_id).lines[0].qty == D("5.1")


def test_price_breaks_apply_to_the_rounded_quantity(shop):
    po_id = draft(shop, ("NUT", "95"))
    line = get(shop, po_id).lines[0]
    assert (line.qty, line.price) == (D(100), D("0.45"))


def test_a_product_without_terms_needs_a_price(shop):
    catalog.add_product(shop.uow(), c.AddProduct("GLUE", "胶水", unit="kg"))  # glue by weight
    po_id = draft(shop)
    with pytest.raises(BadInput, match="price"):
        po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po_id, "GLUE", "3"))
    line, _ = po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po_id, "GLUE", "3.5", "4.20"))
    assert (line.qty, line.price) == (D("3.5"), D("4.20"))


def test_the_same_sku_twice_on_one_po_is_refused(shop):
    po_id = draft(shop, ("NUT", "10"))
    with pytest.raises(Duplicate, match="line 1"):
        po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po_id, "NUT", "10"))


def test_issuing_freezes_supplier_address_lines_and_totals_and_puts_the_lines_on_order(shop):
    number = issued(shop, ("SCREW", "36"), ("NUT", "100"))
    po = get(shop, number)
    snap = po_uc.load_snapshot(shop.uow(), number)
    assert snap.number == number and snap.revision == 0
    assert snap.supplier.address == "浙江省宁波市"
    assert snap.deliver_to.address == "深圳市宝安区仓库路 5 号"
    assert [(x.sku, x.qty, x.packs, x.amount) for x in snap.lines] == [
        ("SCREW", D(36), D(3), D("90.00")), ("NUT", D(100), D(100), D("45.00"))]
    assert (snap.subtotal, snap.tax_rate, snap.tax, snap.total) == (D("135.00"), D(13), D("17.55"), D("152.55"))
    assert snap.expected_on == "2026-03-12"  # ten days of supplier lead time
    assert po.state == PoState.ISSUED
    assert (on_order(shop, "SCREW"), on_order(shop, "NUT")) == (D(36), D(100))


def test_the_snapshot_does_not_follow_later_settings_until_a_revision_refreezes_it(shop):
    number = issued(shop, ("NUT", "10"))
    shop.set_setting("company_name", "新名字 New Name Ltd")
    assert po_uc.load_snapshot(shop.uow(), number).company.name != "新名字 New Name Ltd"
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(number, "WIRE", "2", reason="supplier asked"))
    assert po_uc.load_snapshot(shop.uow(), number).company.name == "新名字 New Name Ltd"


def test_editing_an_issued_po_is_a_revision_with_the_snapshot_frozen_again(shop):
    number = issued(shop, ("NUT", "100"))
    po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(number, "NUT", qty="200", reason="more needed"))
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(number, "WIRE", "5.1"))
    snap = po_uc.load_snapshot(shop.uow(), number)
    assert snap.revision == 2
    assert [(x.sku, x.qty) for x in snap.lines] == [("NUT", D(200)), ("WIRE", D("5.1"))]
    assert on_order(shop, "NUT") == D(200) and on_order(shop, "WIRE") == D("5.1")
    with shop.engine.connect() as conn:
        revisions = conn.execute(select(t.purchase_order_revisions.c.revision, t.purchase_order_revisions.c.reason)
                                 .order_by(t.purchase_order_revisions.c.revision)).all()
    assert [tuple(r) for r in revisions] == [(0, "issued"), (1, "more needed"), (2, "added WIRE")]


def test_partial_receipts_leave_a_backorder_then_complete_the_order(shop):
    number = issued(shop, ("SCREW", "36"), ("NUT", "100"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "24"), ("NUT", "30"))))
    po = get(shop, number)
    assert po.state == PoState.PARTLY_RECEIVED
    assert [(x.sku, x.received, x.open_qty) for x in po.lines] == [("SCREW", D(24), D(12)), ("NUT", D(30), D(70))]
    assert (on_order(shop, "SCREW"), on_order(shop, "NUT")) == (D(12), D(70))
    assert (on_hand(shop, "SCREW"), on_hand(shop, "NUT")) == (D(24), D(30))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number))  # no pairs: everything still open
    po = get(shop, number)
    assert po.state == PoState.RECEIVED
    assert (on_order(shop, "SCREW"), on_order(shop, "NUT")) == (0, 0)
    assert (on_hand(shop, "SCREW"), on_hand(shop, "NUT")) == (D(36), D(100))
    assert queries.check(shop.engine) == []


def test_a_receipt_posts_ledger_movements_at_the_po_cost_per_stock_unit(shop):
    number = issued(shop, ("SCREW", "36"))
    [movement] = po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "12"),)))
    [row] = queries.movements(shop.engine, "SCREW")
    assert (row.kind, row.source_type, row.source_ref, row.qty) == ("receipt", "po", number, D(12))
    assert row.unit_cost == D("2.5")  # 30.00 per pack of 12
    assert row.value == D("30.00")
    assert movement.id == row.id


def test_over_receipt_is_refused_and_nothing_is_posted(shop):
    number = issued(shop, ("NUT", "100"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("NUT", "60"),)))
    with pytest.raises(RuleViolation, match=r"60 received so far; receiving 41 more would exceed .*at most 40 more"):
        po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("NUT", "41"),)))
    assert on_hand(shop, "NUT") == D(60) and on_order(shop, "NUT") == D(40)
    assert get(shop, number).lines[0].received == D(60)


def test_a_configured_tolerance_allows_a_small_over_receipt_without_negative_on_order(shop):
    shop.set_setting("po_over_receipt_tolerance", "5")
    number = issued(shop, ("NUT", "100"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("NUT", "105"),)))
    assert get(shop, number).state == PoState.RECEIVED
    assert on_hand(shop, "NUT") == D(105) and on_order(shop, "NUT") == 0


def test_a_sku_not_on_the_po_cannot_be_received_against_it(shop):
    number = issued(shop, ("NUT", "10"))
    with pytest.raises(NotFound, match="SCREW"):
        po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "12"),)))


def test_a_draft_cannot_be_received_and_an_empty_draft_cannot_be_issued(shop):
    po_id = draft(shop)
    with pytest.raises(RuleViolation, match="no lines"):
        po_uc.issue(shop.uow(), pc.IssuePurchaseOrder(po_id))
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po_id, "NUT", "10"))
    with pytest.raises(RuleViolation, match="issue it first"):
        po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(po_id))


def test_on_order_adds_up_over_orders_and_warehouses(shop):
    issued(shop, ("NUT", "100"))
    second = issued(shop, ("NUT", "30"))
    issued(shop, ("NUT", "20"), warehouse="SHOP")
    assert on_order(shop, "NUT") == D(130) and on_order(shop, "NUT", "SHOP") == D(20)
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(second, (("NUT", "10"),)))
    assert on_order(shop, "NUT") == D(120)


def test_cancelling_needs_a_reason_and_releases_what_was_on_order(shop):
    number = issued(shop, ("NUT", "100"))
    with pytest.raises(BadInput, match="reason"):
        po_uc.cancel(shop.uow(), pc.CancelPurchaseOrder(number, " "))
    po = po_uc.cancel(shop.uow(), pc.CancelPurchaseOrder(number, "supplier out of stock"))
    assert (po.state, po.reason) == (PoState.CANCELLED, "supplier out of stock")
    assert on_order(shop, "NUT") == 0
    with pytest.raises(RuleViolation, match="cancelled"):
        po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number))


def test_a_partly_received_po_is_closed_short_not_cancelled(shop):
    number = issued(shop, ("NUT", "100"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("NUT", "40"),)))
    with pytest.raises(RuleViolation, match="close it short"):
        po_uc.cancel(shop.uow(), pc.CancelPurchaseOrder(number, "changed my mind"))
    po = po_uc.close_short(shop.uow(), pc.ClosePurchaseOrderShort(number, "rest discontinued"))
    assert po.state == PoState.CLOSED
    assert on_order(shop, "NUT") == 0 and on_hand(shop, "NUT") == D(40)


def test_a_line_cannot_go_below_what_was_received(shop):
    number = issued(shop, ("NUT", "100"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("NUT", "60"),)))
    with pytest.raises(RuleViolation, match="60 received already"):
        po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(number, "NUT", qty="50"))
    po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(number, "NUT", qty="60"))
    assert get(shop, number).state == PoState.RECEIVED
    assert on_order(shop, "NUT") == 0


def test_the_preferred_supplier_and_the_supplier_profile_are_kept(shop):
    terms.set_preferred_supplier(shop.uow(), pc.SetPreferredSupplier("NUT", "NB"))
    terms.set_supplier_profile(shop.uow(), pc.SetSupplierProfile("NB", "月结 30 天", "sales@nb.example", "0574-1"))
    with shop.uow() as uow:
        product = uow.products.by_sku("NUT")
        supplier = uow.suppliers.by_code("NB")
        assert uow.purchasing.preferred_supplier(product.id) == supplier.id
    number = issued(shop, ("NUT", "10"))
    assert po_uc.load_snapshot(shop.uow(), number).supplier.payment_terms == "月结 30 天"


def test_the_po_list_shows_ordered_and_received_quantities(shop):
    number = issued(shop, ("NUT", "100"), ("WIRE", "5.1"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("WIRE", "2"),)))
    draft(shop, ("NUT", "10"))
    rows = purchase_orders(shop.engine)
    assert [(r.number, r.state) for r in rows] == [(number, "partly_received"), (None, "draft")]
    assert [(x.sku, x.qty, x.received, x.open_qty) for x in rows[0].lines] == [
        ("NUT", D(100), D(0), D(100)), ("WIRE", D("5.1"), D(2), D("3.1"))]


def test_removing_a_line_from_an_issued_po_is_a_revision_that_takes_it_off_order(shop):
    number = issued(shop, ("NUT", "100"), ("WIRE", "3"))
    po_uc.remove_line(shop.uow(), pc.RemovePurchaseOrderLine(number, "WIRE", "not needed"))
    po = get(shop, number)
    assert [x.sku for x in po.lines] == ["NUT"] and po.revision == 1
    assert on_order(shop, "WIRE") == 0 and on_order(shop, "NUT") == D(100)
    assert [x.sku for x in po_uc.load_snapshot(shop.uow(), number).lines] == ["NUT"]
    with pytest.raises(RuleViolation, match="cancel the PO instead"):
        po_uc.remove_line(shop.uow(), pc.RemovePurchaseOrderLine(number, "NUT"))
    assert [x.sku for x in get(shop, number).lines] == ["NUT"]


def test_a_received_line_cannot_be_removed(shop):
    number = issued(shop, ("NUT", "100"), ("WIRE", "3"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("WIRE", "1"),)))
    with pytest.raises(RuleViolation, match="1 received"):
        po_uc.remove_line(shop.uow(), pc.RemovePurchaseOrderLine(number, "WIRE"))


def test_a_draft_line_can_be_changed_and_removed_freely(shop):
    po_id = draft(shop, ("NUT", "10"), ("WIRE", "1"))
    po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", qty="95", price="0.48"))
    po_uc.remove_line(shop.uow(), pc.RemovePurchaseOrderLine(po_id, "WIRE"))
    po = get(shop, po_id)
    assert [(x.sku, x.qty, x.price) for x in po.lines] == [("NUT", D(100), D("0.48"))]
    assert po.revision == 0 and on_order(shop, "NUT") == 0


def test_the_tax_rate_in_force_at_issue_is_frozen_with_the_po(shop):
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="6"))
    number = issued(shop, ("NUT", "100"))
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="13", company_name="Later Ltd"))
    snap = po_uc.load_snapshot(shop.uow(), number)
    assert (snap.tax_rate, snap.tax, snap.total) == (D(6), D("2.70"), D("47.70"))
    with pytest.raises(BadInput, match="over-receipt tolerance"):
        terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(over_receipt_tolerance="-1"))


def test_many_lines_are_added_in_one_transaction_or_none_at_all(shop):
    po_id = draft(shop)
    adds = [pc.AddPurchaseOrderLine(po_id, "NUT", "95"), pc.AddPurchaseOrderLine(po_id, "WIRE", "5.1"),
            pc.AddPurchaseOrderLine(po_id, "NOPE", "1", "1")]
    with pytest.raises(NotFound, match="NOPE"):
        po_uc.add_lines(shop.uow(), po_id, adds)
    assert get(shop, po_id).lines == []
    added = po_uc.add_lines(shop.uow(), po_id, adds[:2])
    assert [(x.line_no, x.sku, x.qty) for x, _ in added] == [(1, "NUT", D(100)), (2, "WIRE", D("5.1"))]
    number = po_uc.issue(shop.uow(), pc.IssuePurchaseOrder(po_id)).number
    po_uc.add_lines(shop.uow(), number, [pc.AddPurchaseOrderLine(number, "SCREW", "24")], reason="urgent")
    po = get(shop, number)
    assert po.revision == 1 and [x.sku for x in po.lines] == ["NUT", "WIRE", "SCREW"]
    assert on_order(shop, "SCREW") == D(24)


def test_open_pos_can_be_listed_and_a_scanned_number_finds_one(shop):
    first = issued(shop, ("NUT", "100"))
    second = issued(shop, ("NUT", "10"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(second))
    draft(shop, ("WIRE", "1"))
    assert [r.number for r in purchase_orders(shop.engine, state=("issued", "partly_received"))] == [first]
    [row] = purchase_orders(shop.engine, ref=second.lower())
    assert (row.number, row.state, row.lines[0].received) == (second, "received", D(10))
    assert purchase_orders(shop.engine, ref="PO-1999-00001") == []


def test_the_terms_query_shows_packs_breaks_and_the_preferred_supplier(shop):
    terms.set_preferred_supplier(shop.uow(), pc.SetPreferredSupplier("SCREW", "NB"))
    terms.set_supplier_profile(shop.uow(), pc.SetSupplierProfile("NB", "月结 30 天"))
    rows = {r.sku: r for r in supplier_terms(shop.engine, "NB")}
    assert (rows["SCREW"].pack_size, rows["SCREW"].price_per, rows["SCREW"].preferred) == (D(12), "pack", True)
    assert (rows["NUT"].pack_size, rows["NUT"].price_per, rows["NUT"].preferred) == (D(1), "unit", False)
    assert rows["NUT"].breaks == ((D(100), D("0.45")), (D(1000), D("0.40")))
    assert rows["SCREW"].item_name == "Screw M3 A2" and rows["WIRE"].order_multiple == D("0.1")
    [nb] = suppliers(shop.engine)
    assert (nb.code, nb.payment_terms, nb.lead_time_days) == ("NB", "月结 30 天", 10)


def test_the_on_order_check_agrees_after_every_kind_of_change_and_finds_a_tampered_balance(shop):
    first = issued(shop, ("NUT", "100"), ("SCREW", "36"))
    second = issued(shop, ("NUT", "50"), warehouse="SHOP")
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(first, (("NUT", "30"),)))
    po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(first, "SCREW", qty="48"))
    po_uc.cancel(shop.uow(), pc.CancelPurchaseOrder(second, "wrong warehouse"))
    third = issued(shop, ("WIRE", "2.5"))
    po_uc.close_short(shop.uow(), pc.ClosePurchaseOrderShort(third))
    assert check_on_order(shop.engine) == []
    with shop.engine.begin() as conn:
        conn.execute(t.balances.update().values(on_order=D(7)))
    problems = {(p.sku, p.warehouse): (p.ledger, p.balance) for p in check_on_order(shop.engine)}
    assert problems[("NUT", "MAIN")] == (D(70), D(7))
    assert problems[("SCREW", "MAIN")] == (D(48), D(7))


def test_a_changed_quantity_takes_its_price_break_unless_the_price_was_typed(shop):
    """Planning's draft of 1,000 nuts at the 1,000 break (0.40) cut to 50 costs 0.50 each, as the supplier charges,
    and raised to 200 the 100 break (0.45); it kept 0.40, so the PO and the supplier's invoice disagreed. A price
    the purchaser typed stays whatever the quantity."""
    po_id = draft(shop, ("NUT", "1000"))
    assert get(shop, po_id).lines[0].price == D("0.40")
    line, why = po_uc.change_line_saying(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", "45"))
    assert (line.qty, line.price) == (D(50), D("0.50")) and why.requested == "45" and why.result == "50"
    line = po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", "200"))
    assert (line.qty, line.price) == (D(200), D("0.45"))
    assert get(shop, po_id).lines[0].price == D("0.45")
    _, why = po_uc.change_line_saying(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", "300"))
    assert why == ""
    po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", None, "0.42"))  # negotiated
    line = po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", "1000"))
    assert (line.qty, line.price) == (D(1000), D("0.42"))
    line = po_uc.change_line(shop.uow(), pc.ChangePurchaseOrderLine(po_id, "NUT", "100", "0.41"))
    assert (line.qty, line.price) == (D(100), D("0.41"))


def test_a_line_with_a_longer_lead_time_of_its_own_sets_the_expected_date(shop):
    """Issuing took the supplier's 10 days though the SCREW's own terms say 20 (planning reads those): the backorder a
    customer waits for was promised ten days before the goods could come."""
    catalog.set_supplier_terms(shop.uow(), c.SetSupplierTerms("NB", "SCREW", "30.00", "NB-S3", moq="24",
                                                              order_multiple="12", lead_time_days="20"))
    number = issued(shop, ("SCREW", "36"), ("NUT", "100"))
    assert po_uc.load_snapshot(shop.uow(), number).expected_on == "2026-03-22"  # 20 days, not 10
    assert get(shop, number).expected_on.isoformat() == "2026-03-22"
    catalog.set_supplier_terms(shop.uow(), c.SetSupplierTerms("NB", "NUT", "0.50", "NB-N3", order_multiple="10",
                                                              lead_time_days="4"))
    shorter = issued(shop, ("NUT", "100"))
    assert get(shop, shorter).expected_on.isoformat() == "2026-03-06"  # its own 4 days, shorter than the supplier's
