"""What the sales screens stand on, on a real SQLite file: the draft edits (``domain.sales.drafts``), the read
models (``domain.sales.lookup``), the print values (``domain.sales.print_data``), ``SalesQueries`` on the boundary
and ``so pdf`` on the command line."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from bootstrap import bind
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import Duplicate
from domain.kernel.errors import RuleViolation
from domain.sales import commands as sc
from domain.sales import drafts
from domain.sales import lookup
from domain.sales import orders
from domain.sales import print_data
from domain.sales import shipping
from domain.sales.printing import DocumentKind
from domain.stock import commands as stc
from domain.stock import ledger
from persistence.sales import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def shop(db):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("SD-1", "Screwdriver", barcodes=("6901234567892",)))
    catalog.add_product(uow(), c.AddProduct("SD-2", "Screwdriver, long"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W2", "Depot"))
    catalog.add_customer(uow(), c.AddCustomer("ACME", "Acme Trading"))
    ledger.receive(uow(), stc.ReceiveStock("SD-1", "10", "W1", "2"))
    ledger.receive(uow(), stc.ReceiveStock("SD-2", "5", "W1", "3"))
    with uow() as u:
        u.prices.set_list_price(u.products.by_sku("SD-1").id, "retail", D("12.50"))
        u.prices.set_list_price(u.products.by_sku("SD-2").id, "retail", D("14"))
        u.commit()
    return db


def new_order(db, *lines) -> str:
    so = orders.create_order(db.uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for sku, qty in lines:
        orders.add_line(db.uow(), sc.AddSalesOrderLine(so, sku, qty))
    return so


def test_a_draft_line_changes_quantity_discount_price_and_warehouse_and_a_blank_price_quotes_again(shop):
    so = new_order(shop, ("SD-1", "4"))
    line = drafts.change_line(shop.uow(), drafts.ChangeDraftLine(so, 1, qty="6", discount="10", price="11"))
    assert (line.qty, line.discount, line.unit_price, line.price_source) == (D(6), D(10), D(11), "")
    line = drafts.change_line(shop.uow(), drafts.ChangeDraftLine(so, 1, price="", warehouse="W2"))
    assert (line.unit_price, line.price_source) == (D("12.5"), "level")
    order = orders.load_order(shop.uow(), so)
    assert order.warehouse_of(order.lines[0]) == order.lines[0].warehouse_id != order.warehouse_id
    drafts.change_line(shop.uow(), drafts.ChangeDraftLine(so, 1, warehouse="W1"))
    assert orders.load_order(shop.uow(), so).lines[0].warehouse_id is None


def test_a_draft_line_is_replaced_by_a_substitute_at_its_price_and_removed(shop):
    so = new_order(shop, ("SD-1", "4"))
    line = drafts.replace_line(shop.uow(), drafts.ReplaceDraftLine(so, 1, "SD-2"))
    assert (line.line_no, line.sku, line.qty, line.unit_price) == (1, "SD-2", D(4), D(14))
    orders.add_line(shop.uow(), sc.AddSalesOrderLine(so, "SD-1", "1"))
    with pytest.raises(Duplicate):
        drafts.replace_line(shop.uow(), drafts.ReplaceDraftLine(so, 2, "SD-2"))
    drafts.remove_line(shop.uow(), so, 1)
    assert [x.sku for x in orders.load_order(shop.uow(), so).lines] == ["SD-1"]


def test_a_removed_line_is_restored_in_its_place_or_at_the_end_when_its_number_was_taken(shop):
    so = new_order(shop, ("SD-1", "4"))
    orders.add_line(shop.uow(), sc.AddSalesOrderLine(so, "SD-2", "2", "13.30", "7.5", "W2"))
    first = drafts.remove_line(shop.uow(), so, 1)
    back = drafts.restore_line(shop.uow(), so, first)
    lines = orders.load_order(shop.uow(), so).lines
    assert [(x.line_no, x.sku, x.qty, x.unit_price) for x in lines] == [(1, "SD-1", D(4), D("12.5")),
                                                                         (2, "SD-2", D(2), D("13.30"))]
    assert back.line_no == 1
    second = drafts.remove_line(shop.uow(), so, 2)  # the last line: a line added since takes its number
    orders.add_line(shop.uow(), sc.AddSalesOrderLine(so, "SD-2", "1"))
    with pytest.raises(Duplicate):  # the product is on the order again
        drafts.restore_line(shop.uow(), so, second)
    drafts.remove_line(shop.uow(), so, 2)
    catalog.add_product(shop.uow(), c.AddProduct("HM-1", "Hammer"))
    with shop.uow() as u:
        u.prices.set_list_price(u.products.by_sku("HM-1").id, "retail", D("30"))
        u.commit()
    orders.add_line(shop.uow(), sc.AddSalesOrderLine(so, "HM-1", "1"))
    back = drafts.restore_line(shop.uow(), so, second)
    lines = orders.load_order(shop.uow(), so).lines
    assert [(x.line_no, x.sku) for x in lines] == [(1, "SD-1"), (2, "HM-1"), (3, "SD-2")]
    assert (back.qty, back.unit_price, back.discount, back.warehouse_id) == (
        D(2), D("13.30"), D("7.5"), second.warehouse_id)
    assert second.warehouse_id is not None
    gone = drafts.remove_line(shop.uow(), so, 3)
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(so, override=True))
    with pytest.raises(RuleViolation):
        drafts.restore_line(shop.uow(), so, gone)
    assert [x.sku for x in orders.load_order(shop.uow(), so).lines] == ["SD-1", "HM-1"]


def test_only_a_draft_changes(shop):
    so = new_order(shop, ("SD-1", "4"))
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(so))
    with pytest.raises(RuleViolation):
        drafts.change_line(shop.uow(), drafts.ChangeDraftLine(so, 1, qty="1"))
    with pytest.raises(RuleViolation):
        drafts.change_draft(shop.uow(), drafts.ChangeDraft(so, reference="x"))


def test_the_preview_reads_the_quote_and_the_atp_of_a_barcode(shop):
    p = lookup.preview_line(shop.uow(), "ACME", "6901234567892", "W1")
    assert (p.sku, p.quote.unit_price, p.available) == ("SD-1", D("12.5"), D(10))
    assert lookup.preview_line(shop.uow(), "ACME", "NOPE", "W1") is None


def test_what_can_leave_for_an_order(shop):
    so = new_order(shop, ("SD-1", "12"))
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(so, override=True))
    assert lookup.shippable(shop.uow(), so) == {"SD-1": D(10)}


def test_the_boundary_reads_orders_and_availability(shop):
    so = new_order(shop, ("SD-1", "3"))
    areas = bind(shop)
    assert areas.sales.sales_orders(ref=so) == queries.sales_orders(shop.engine, ref=so)
    ids = areas.sales.product_ids(["SD-1", "6901234567892"])
    assert ids["SD-1"] == ids["6901234567892"]
    assert sum(a.available for a in areas.sales.availability([ids["SD-1"]]).values()) == D(10)


def test_the_print_values_of_an_order_its_shipment_and_the_customer_backorders(shop):
    so = new_order(shop, ("SD-1", "12"))
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(so, override=True))
    shipping.ship(shop.uow(), sc.ShipSalesOrder(so, (("SD-1", "10"),)))
    confirmation = print_data.order_confirmation(shop.uow(), so)
    assert confirmation.kind == DocumentKind.ORDER_CONFIRMATION and confirmation.number == so
    assert (confirmation.lines[0].qty, confirmation.totals.without_tax, confirmation.totals.with_tax) == (
        D(12), D("150.00"), D("169.50"))
    number = print_data.last_shipment(shop.uow(), so)
    invoice = print_data.shipment_print(shop.uow(), number, DocumentKind.SALES_INVOICE)
    assert invoice.order_number == so and invoice.partner.code == "ACME"
    assert (invoice.lines[0].qty, invoice.totals.without_tax, invoice.totals.tax) == (D(10), D("125.00"),
                                                                                     D("16.25"))
    notice = print_data.arrival_notice(shop.uow(), "ACME")
    assert [(x.sku, x.qty, x.order_number, x.expected_on) for x in notice.lines] == [("SD-1", D(2), so, None)]


def test_the_print_values_of_a_confirmed_order_carry_its_backorder_and_arrival(shop):
    """The confirmation printed a short line's whole quantity as if it would all come (its PDF:
    tests/integration/sales/test_sales_pdf.py)."""
    from datetime import timedelta

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    uow = shop.uow
    catalog.add_supplier(uow(), c.AddSupplier("TOOLS", "Tool Works"))
    so = new_order(shop, ("SD-1", "17"))
    assert print_data.order_confirmation(uow(), so).lines[0].backorder == 0  # a draft promises nothing yet
    orders.confirm(uow(), sc.ConfirmSalesOrder(so, override=True))
    line = print_data.order_confirmation(uow(), so).lines[0]
    assert (line.qty, line.backorder, line.arrival) == (D(17), D(7), None)  # 10 on hand
    day = clock.today() + timedelta(days=6)
    po = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("TOOLS", "W1", day))
    purchasing.add_lines(uow(), po.id, [pc.AddPurchaseOrderLine(po.id, "SD-1", "10", "2")])
    purchasing.issue(uow(), pc.IssuePurchaseOrder(po.id))
    line = print_data.order_confirmation(uow(), so).lines[0]
    assert (line.backorder, line.arrival) == (D(7), day)


def test_a_delivery_note_of_part_of_an_order_lists_the_lines_still_to_come_with_their_expected_date(shop):
    """The 送货单 of a partial shipment listed what went and not what stays on backorder (docs/WALKTHROUGH-SALES.md);
    the arrival is the Backorders list's: an open purchase order's date."""
    from datetime import timedelta

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    uow = shop.uow
    so = new_order(shop, ("SD-1", "12"), ("SD-2", "4"))
    orders.confirm(uow(), sc.ConfirmSalesOrder(so, override=True))
    shipping.ship(uow(), sc.ShipSalesOrder(so, (("SD-1", "10"), ("SD-2", "1"))))
    number = print_data.last_shipment(uow(), so)
    note = print_data.shipment_print(uow(), number, DocumentKind.DELIVERY_NOTE)
    assert [(x.line_no, x.sku, x.qty, x.backorder, x.expected_on) for x in note.to_come] == [
        (1, "SD-1", D(2), D(2), None),  # none on hand: on backorder, no purchase order yet
        (2, "SD-2", D(3), D(0), None)]  # 3 of the 4 left in stock: they ship next
    catalog.add_supplier(uow(), c.AddSupplier("TOOLS", "Tool Works"))
    day = clock.today() + timedelta(days=4)
    po = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("TOOLS", "W1", day))
    purchasing.add_lines(uow(), po.id, [pc.AddPurchaseOrderLine(po.id, "SD-1", "5", "2")])
    purchasing.issue(uow(), pc.IssuePurchaseOrder(po.id))
    note = print_data.shipment_print(uow(), number, DocumentKind.DELIVERY_NOTE)
    assert note.to_come[0].expected_on == day
    assert print_data.shipment_print(uow(), number, DocumentKind.SALES_INVOICE).to_come == ()
    shipping.ship(uow(), sc.ShipSalesOrder(so, (("SD-2", "3"),)))
    orders.cut_line(uow(), sc.CutSalesOrderLine(so, "SD-1", "the customer buys elsewhere"))
    assert print_data.shipment_print(uow(), number, DocumentKind.DELIVERY_NOTE).to_come == ()  # all come or cut


def test_so_pdf_writes_each_kind_and_refuses_an_unknown_order(shop, tmp_path, capsys):
    from ui.cli import main

    so = new_order(shop, ("SD-1", "3"))
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(so))
    shipping.ship(shop.uow(), sc.ShipSalesOrder(so, (("SD-1", "1"),)))
    path = shop.path
    shop.close()
    for kind in ("confirmation", "delivery", "invoice", "backorder"):
        out = tmp_path / f"{kind}.pdf"
        assert main(["--db", str(path), "so", "pdf", so, "-o", str(out), "--kind", kind, "--language", "zh"]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert main(["--db", str(path), "so", "pdf", "SO-1999-00001", "-o", str(tmp_path / "x.pdf")]) == 3
    assert main(["--db", str(path), "so", "show", so]) == 0  # the other actions still reach the sales commands
    capsys.readouterr()


def test_returned_goods_serve_the_oldest_open_line_as_any_stock_does_and_reopen_nothing(shop):
    """The walk saw a backorder drop from 13 to 11 when 2 units came back (docs/WALKTHROUGH-SALES.md §6): the return
    puts them on hand, and stock on hand serves open lines by confirmation time whoever sent it back; the returning
    customer's line keeps its open quantity, and an earlier customer's line is served first."""
    from domain.sales import backorders
    from domain.sales import returns

    uow = shop.uow
    catalog.add_customer(uow(), c.AddCustomer("BOLT", "Bolt Supplies"))
    earlier = orders.create_order(uow(), sc.CreateSalesOrder("BOLT", "W1")).number
    orders.add_line(uow(), sc.AddSalesOrderLine(earlier, "SD-2", "1"))
    so = new_order(shop, ("SD-2", "9"))
    orders.confirm(uow(), sc.ConfirmSalesOrder(earlier))  # 1 of the 5 on hand
    orders.confirm(uow(), sc.ConfirmSalesOrder(so, override=True))  # 4 of its 9: 5 on backorder
    shipping.ship(uow(), sc.ShipSalesOrder(so, (("SD-2", "4"),)))
    number = print_data.last_shipment(uow(), so)
    returns.return_sale(uow(), sc.ReturnSaleLines(number, (sc.ReturnSaleLine("SD-2", "2"),), "faulty"))
    line = orders.load_order(uow(), so).lines[0]
    assert line.open_qty == D(5)  # nothing reopened: the customer is not sent its returned units again
    assert backorders.backorders_of(uow(), so)[1].qty == D(3)  # 2 on hand serve the line, as a receipt of 2 would
    assert backorders.backorders_of(uow(), earlier) == {}
