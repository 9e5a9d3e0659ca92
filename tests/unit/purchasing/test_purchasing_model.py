from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog.model import Supplier
from domain.catalog.model import Warehouse
from domain.kernel.errors import RuleViolation
from domain.purchasing.model import PoLine
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.purchasing.model import PurchaseOrder
from domain.purchasing.model import check_receipt
from domain.purchasing.snapshot import Party
from domain.purchasing.snapshot import PoSnapshot
from domain.purchasing.snapshot import freeze

D = Decimal
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def line(no: int, qty: str, price: str, *, pack: str = "1", per: PricePer = PricePer.UNIT, received: str = "0",
         name: str = "螺丝 M3") -> PoLine:
    return PoLine(id=f"l{no}", line_no=no, product_id=f"p{no}", sku=f"SKU-{no}", description=name, unit="pcs",
                  qty=D(qty), price=D(price), price_per=per, pack_size=D(pack), received=D(received))


def order(*lines: PoLine, state: PoState = PoState.ISSUED) -> PurchaseOrder:
    return PurchaseOrder(id="po1", supplier_id="s", warehouse_id="w", created_at=NOW, state=state,
                         number="PO-2026-00007", issued_at=NOW, lines=list(lines))


def test_a_price_per_pack_bills_packs_and_costs_a_stock_unit_the_pack_price_over_the_pack_size():
    x = line(1, "36", "30.00", pack="12", per=PricePer.PACK)
    assert x.packs == D(3)
    assert x.amount() == D("90.00")
    assert x.unit_cost == D("2.5")


def test_a_unit_cost_from_a_pack_price_that_does_not_divide_keeps_eight_decimals():
    x = line(1, "3", "10.00", pack="3", per=PricePer.PACK)
    assert x.unit_cost == D("3.33333333")
    assert x.amount() == D("10.00")


def test_a_price_per_unit_bills_units_whatever_the_pack_size():
    x = line(1, "24", "1.25", pack="12")
    assert x.amount() == D("30.00")
    assert x.unit_cost == D("1.25")


def test_totals_add_the_rounded_line_amounts_and_the_tax_on_the_subtotal():
    po = order(line(1, "3", "0.335"), line(2, "1", "10"))
    assert po.subtotal() == D("1.01") + D("10.00")
    assert po.tax() == D("1.43")  # 11.01 × 13% = 1.4313
    assert po.total() == D("12.44")


def test_what_is_not_yet_received_is_open_and_never_negative():
    assert line(1, "10", "1", received="4").open_qty == D(6)
    assert line(1, "10", "1", received="10.5").open_qty == D(0)


def test_a_receipt_within_the_tolerance_is_accepted_and_beyond_it_refused_naming_the_limit():
    po = order(line(1, "100", "1", received="95"))
    check_receipt(po, po.lines[0], D("5"), D(0))
    check_receipt(po, po.lines[0], D("7"), D(2))
    with pytest.raises(RuleViolation, match=r"at most 5 more accepted"):
        check_receipt(po, po.lines[0], D("6"), D(0))
    with pytest.raises(RuleViolation, match=r"tolerance of 2%"):
        check_receipt(po, po.lines[0], D("7.01"), D(2))


def test_the_state_follows_the_receipts():
    po = order(line(1, "10", "1"), line(2, "5", "1"))
    po.settle_state()
    assert po.state == PoState.ISSUED
    po.lines[0].received = D(10)
    po.settle_state()
    assert po.state == PoState.PARTLY_RECEIVED
    po.lines[1].received = D(5)
    po.settle_state()
    assert po.state == PoState.RECEIVED


def test_a_cancelled_order_can_no_longer_be_changed_and_a_draft_cannot_be_received():
    with pytest.raises(RuleViolation, match="cancelled"):
        order(state=PoState.CANCELLED).require_editable()
    with pytest.raises(RuleViolation, match="issue it first"):
        order(state=PoState.DRAFT).require_open("receive against it")


def test_a_snapshot_keeps_every_decimal_through_json():
    po = order(line(1, "36", "30.00", pack="12", per=PricePer.PACK, name="不锈钢螺丝"), line(2, "5.1", "0.125"))
    supplier = Supplier("s", "NB", "宁波紧固件", address="宁波")
    warehouse = Warehouse("w", "MAIN", "主仓库", address="深圳")
    snap = freeze(po, supplier, warehouse, company=Party("星辰贸易", "深圳"), payment_terms="30 days")
    again = PoSnapshot.from_json(snap.to_json())
    assert again == snap
    assert again.lines[0].packs == D(3)
    assert again.lines[1].amount == D("0.64")
    assert again.total == D("90.64") + D("11.78")
    assert again.supplier.payment_terms == "30 days"
    assert "不锈钢螺丝" in snap.to_json()


def test_on_order_sums_the_open_quantity_of_each_line_per_product_and_warehouse():
    from decimal import Decimal as Dec

    from domain.purchasing.model import on_order
    from domain.purchasing.model import open_quantity

    assert open_quantity(Dec("10"), Dec("4")) == Dec("6")
    assert open_quantity(Dec("10"), Dec("12")) == 0  # an over-receipt within tolerance leaves nothing open
    lines = [("p1", "w1", Dec("10"), Dec("4")), ("p1", "w1", Dec("3"), Dec("0")), ("p1", "w2", Dec("5"), Dec("6")),
             ("p2", "w1", Dec("2.5"), Dec("1"))]
    assert on_order(lines) == {("p1", "w1"): Dec("9"), ("p1", "w2"): Dec("0"), ("p2", "w1"): Dec("1.5")}


def test_planning_s_note_is_the_purchaser_s_and_the_supplier_s_copy_leaves_it_out_in_either_language():
    from dataclasses import replace

    from domain.planning.drafts import DRAFT_NOTE

    supplier, warehouse = Supplier("s", "NB", "宁波紧固件"), Warehouse("w", "MAIN", "主仓库")

    def printed(notes: str) -> str:
        po = replace(order(line(1, "5", "2"), state=PoState.DRAFT), notes=notes)
        return freeze(po, supplier, warehouse, company=Party("星辰贸易", "深圳")).notes

    assert DRAFT_NOTE == "suggested by replenishment planning"  # one stored text, whatever the window's language
    assert printed(DRAFT_NOTE) == ""
    assert printed("由补货计划建议") == ""  # a draft made while the window showed Chinese, before this
    assert printed("Deliver to gate 3 before 10:00") == "Deliver to gate 3 before 10:00"  # a note for the supplier
