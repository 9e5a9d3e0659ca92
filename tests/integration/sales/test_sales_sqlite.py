"""Sales on a real SQLite file: shipping at the moving average, margins, partial shipments and backorders, returns
at the cost the goods left at, counter sales refused for stock, reversals that follow the order. Hand-computed."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import RuleViolation
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import returns
from domain.sales import shipping
from domain.sales.model import SoState
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.documents import DocumentError
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import ReverseDocument
from domain.stock.documents import post_document
from domain.stock.documents import reverse_document
from persistence import tables as t
from persistence.sales.orders import check_reserved
from persistence.sales.queries import sales_orders
from persistence.stock import queries

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("SHOP", "Shop"))
    catalog.add_product(u(), cc.AddProduct("TEA", "绿茶 Green tea"))
    catalog.add_customer(u(), cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(u(), cc.AddCustomer("WALK", "Walk-in"))
    # 10 at 2.00 and 10 at 3.00: 20 on hand at an average of 2.50
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "2.00", occurred_at=MARCH))
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "3.00", occurred_at=MARCH))
    return db


def confirmed(db, qty: str, price: str = "5.00", discount: str = "10") -> str:
    number = orders.create_order(db.uow(), sc.CreateSalesOrder("ACME", "MAIN")).number
    orders.add_line(db.uow(), sc.AddSalesOrderLine(number, "TEA", qty, price, discount))
    orders.confirm(db.uow(), sc.ConfirmSalesOrder(number))
    return number


def stock(db, wh: str = "MAIN"):
    [row] = queries.stock(db.engine, "TEA", wh)
    return row


def lines(db, number: str) -> list[tuple]:
    with db.engine.connect() as conn:
        doc = conn.execute(select(t.documents.c.id).where(t.documents.c.number == number)).scalar()
        return [(r.qty, r.revenue, r.tax, r.cost, r.margin) for r in conn.execute(
            select(t.sales_lines).where(t.sales_lines.c.document_id == doc).order_by(t.sales_lines.c.line_no))]


def consistent(db) -> None:
    assert queries.check(db.engine) == [] and check_reserved(db.engine) == []


def test_a_shipment_leaves_at_the_moving_average_and_stores_revenue_tax_cost_and_margin(shop):
    number = confirmed(shop, "4")
    assert stock(shop).reserved == 4
    [doc] = shipping.ship(shop.uow(), sc.ShipSalesOrder(number))
    assert doc.number.startswith("SD-") and doc.partner == "ACME" and doc.reference == number
    # 4 × 5.00 × 0.9 = 18.00; tax 13 % = 2.34; cost 4 × 2.50 = 10.00; margin 8.00
    assert lines(shop, doc.number) == [(D(4), D("18"), D("2.34"), D("10"), D("8"))]
    row = stock(shop)
    assert (row.on_hand, row.value, row.reserved) == (16, 40, 0)
    [o] = sales_orders(shop.engine, ref=number)
    assert (o.state, o.lines[0].shipped, o.lines[0].open, o.lines[0].revenue, o.lines[0].margin) == (
        "shipped", 4, 0, 18, 8)
    consistent(shop)


def test_a_partial_shipment_leaves_a_reserved_backorder_and_more_than_open_is_refused(shop):
    number = confirmed(shop, "6")
    with pytest.raises(RuleViolation) as over:
        shipping.ship(shop.uow(), sc.ShipSalesOrder(number, (("TEA", "7"),)))
    assert over.value.code == "so_ship_over_open"
    shipping.ship(shop.uow(), sc.ShipSalesOrder(number, (("TEA", "2"),)))
    [o] = sales_orders(shop.engine, ref=number)
    assert (o.state, o.lines[0].open) == ("partly_shipped", 4)
    assert (stock(shop).on_hand, stock(shop).reserved) == (18, 4)
    consistent(shop)


def test_goods_reserved_for_an_earlier_order_cannot_leave_for_a_later_one_or_a_counter_sale(shop):
    confirmed(shop, "15")
    second = orders.create_order(shop.uow(), sc.CreateSalesOrder("ACME", "MAIN")).number
    orders.add_line(shop.uow(), sc.AddSalesOrderLine(second, "TEA", "10", "5"))
    orders.confirm(shop.uow(), sc.ConfirmSalesOrder(second, override=True))  # 20 − 25: −5 with the override
    # the second order may take 20 on hand − 15 reserved for the first = 5 of its 10
    with pytest.raises(RuleViolation) as refused:
        shipping.ship(shop.uow(), sc.ShipSalesOrder(second, (("TEA", "6"),)))
    assert (refused.value.code, refused.value.params["available"]) == ("so_ship_unavailable", "5")
    [doc] = shipping.ship(shop.uow(), sc.ShipSalesOrder(second))
    assert lines(shop, doc.number)[0][0] == 5
    before = queries.movements(shop.engine)
    with pytest.raises(InsufficientStock) as short:
        shipping.sell(shop.uow(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("TEA", "2", "6"),)))
    assert short.value.code == "sale_short" and short.value.params["short"] == "2"
    assert queries.movements(shop.engine) == before
    with shop.engine.connect() as conn:
        lost = conn.execute(select(t.unfilled_demand.c.qty, t.unfilled_demand.c.customer)).all()
    assert lost == [(D(2), "WALK")]
    consistent(shop)


def test_a_counter_sale_posts_one_document_with_its_sales_lines(shop):
    doc = shipping.sell(shop.uow(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("TEA", "3", "4.99"),)))
    # 3 × 4.99 = 14.97; tax 1.9461 → 1.95; cost 3 × 2.50 = 7.50; margin 7.47
    assert lines(shop, doc.number) == [(D(3), D("14.97"), D("1.95"), D("7.5"), D("7.47"))]
    with pytest.raises(DocumentError) as generic:
        post_document(shop.uow(), PostDocument("sale", "MAIN", (LineInput("TEA", "1"),)))
    assert generic.value.code == "bad_input"
    consistent(shop)


def test_a_return_comes_back_at_the_cost_it_left_at_after_the_average_moved(shop):
    number = confirmed(shop, "4")
    [sale] = shipping.ship(shop.uow(), sc.ShipSalesOrder(number))
    ledger.receive(shop.uow(), c.ReceiveStock("TEA", "10", "MAIN", "6.00"))  # 26 on hand, value 100: avg 3.8461…
    [back] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "1", "damaged", shipment=sale.number))
    assert back.number.startswith("SR-") and back.reference == sale.number
    # at 2.50 (10.00 / 4), not at the new average: revenue −4.50, tax −0.585 → −0.59, cost −2.50, margin −2.00
    assert lines(shop, back.number) == [(D(-1), D("-4.5"), D("-0.59"), D("-2.5"), D("-2"))]
    assert (stock(shop).on_hand, stock(shop).value) == (27, D("102.5"))
    with pytest.raises(RuleViolation) as over:
        returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "4", "more", order=number))
    assert (over.value.code, over.value.params["room"]) == ("return_over_shipped", "3")
    [rest] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "3", "all of it", order=number))
    assert lines(shop, rest.number)[0][3] == D("-7.5")  # what was left of the 10.00
    [o] = sales_orders(shop.engine, ref=number)
    assert (o.lines[0].returned, o.lines[0].revenue, o.lines[0].cost, o.lines[0].margin) == (4, 0, 0, 0)
    with pytest.raises(BadInput):
        returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "1", " ", shipment=sale.number))
    consistent(shop)


def test_one_return_takes_back_several_products_of_a_sale_each_at_the_cost_it_left_at(shop):
    """The return dialog types a quantity beside each line of the sale: one return (SR-…) of them all, each line at
    its share of its sale's cost; the same product on two lines adds up, and a line over what is left is refused."""
    catalog.add_product(shop.uow(), cc.AddProduct("CUP", "Cup"))
    ledger.receive(shop.uow(), c.ReceiveStock("CUP", "5", "MAIN", "1.00", occurred_at=MARCH))
    sale = shipping.sell(shop.uow(), sc.CounterSale("ACME", "MAIN", (
        sc.SaleLineInput("TEA", "2", "5"), sc.SaleLineInput("CUP", "3", "2"), sc.SaleLineInput("TEA", "1", "5"))))
    with pytest.raises(BadInput) as none:
        returns.return_sale(shop.uow(), sc.ReturnSaleLines(sale.number, (), "nothing"))
    assert none.value.code == "no_lines"
    with pytest.raises(RuleViolation) as over:
        returns.return_sale(shop.uow(), sc.ReturnSaleLines(sale.number, (sc.ReturnSaleLine("tea", "4"),), "too many"))
    assert (over.value.code, over.value.params["room"]) == ("return_over_shipped", "3")
    [back] = returns.return_sale(shop.uow(), sc.ReturnSaleLines(sale.number, (
        sc.ReturnSaleLine("TEA", "1"), sc.ReturnSaleLine("CUP", "2"), sc.ReturnSaleLine("tea", "1")), "wrong order"))
    assert back.number.startswith("SR-") and back.reference == sale.number
    # TEA 2 of the first line at 2.50 (revenue −10, tax −1.30), CUP 2 at 1.00 (revenue −4, tax −0.52)
    assert lines(shop, back.number) == [(D(-2), D(-10), D("-1.3"), D(-5), D(-5)),
                                        (D(-2), D(-4), D("-0.52"), D(-2), D(-2))]
    assert (stock(shop).on_hand, stock(shop).value) == (19, D("47.5"))  # 20 − 3 + 2 at 2.50
    consistent(shop)


def test_a_free_return_comes_back_at_the_current_average(shop):
    [back] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "2", "unopened", customer="ACME",
                                                                    warehouse="MAIN", price="4"))
    # average 2.50: cost −5.00; revenue −8.00; tax −1.04; margin −3.00
    assert lines(shop, back.number) == [(D(-2), D(-8), D("-1.04"), D(-5), D(-3))]
    consistent(shop)


def test_reversing_a_sale_undoes_it_on_the_order_and_its_lines_count_as_zero(shop):
    number = confirmed(shop, "6")
    [sale] = shipping.ship(shop.uow(), sc.ShipSalesOrder(number, (("TEA", "4"),)))
    [back] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "1", "damaged", shipment=sale.number))
    with pytest.raises(DocumentError) as first:
        reverse_document(shop.uow(), ReverseDocument(sale.number))
    assert "reverse those returns first" in str(first.value)
    reverse_document(shop.uow(), ReverseDocument(back.number))
    reverse_document(shop.uow(), ReverseDocument(sale.number))
    [o] = sales_orders(shop.engine, ref=number)
    assert (o.state, o.lines[0].shipped, o.lines[0].open, o.lines[0].returned, o.lines[0].revenue) == (
        "confirmed", 0, 6, 0, 0)
    assert (stock(shop).on_hand, stock(shop).value, stock(shop).reserved) == (20, 50, 6)
    with shop.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.sales_lines)).scalar() == 2  # kept, count as zero
    consistent(shop)


def test_cancelling_a_partly_shipped_order_records_the_rest_as_unfilled_demand(shop):
    number = confirmed(shop, "6")
    shipping.ship(shop.uow(), sc.ShipSalesOrder(number, (("TEA", "4"),)))
    orders.cancel(shop.uow(), sc.CancelSalesOrder(number, "customer cancelled the rest"))
    with shop.engine.connect() as conn:
        lost = conn.execute(select(t.unfilled_demand.c.qty, t.unfilled_demand.c.source_ref)).all()
    assert lost == [(D(2), number)]
    with shop.uow() as uow:
        assert orders.find_order(uow, number).state == SoState.CANCELLED
    assert stock(shop).reserved == 0
    consistent(shop)


def test_reversing_a_sale_of_a_cancelled_order_promises_nothing_again(shop):
    number = confirmed(shop, "6")
    [sale] = shipping.ship(shop.uow(), sc.ShipSalesOrder(number, (("TEA", "4"),)))
    orders.cancel(shop.uow(), sc.CancelSalesOrder(number, "rest not wanted"))
    reverse_document(shop.uow(), ReverseDocument(sale.number))
    [o] = sales_orders(shop.engine, ref=number)
    # the 4 that came back count as cut with the 2 cancelled: nothing open, nothing reserved
    assert (o.state, o.lines[0].shipped, o.lines[0].cancelled, o.lines[0].open) == ("cancelled", 0, 6, 0)
    assert (stock(shop).on_hand, stock(shop).reserved) == (20, 0)
    consistent(shop)


def test_a_return_whose_goods_are_promised_again_cannot_be_reversed(shop):
    number = confirmed(shop, "4")
    [sale] = shipping.ship(shop.uow(), sc.ShipSalesOrder(number))
    [back] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("TEA", "2", "damaged", shipment=sale.number))
    confirmed(shop, "18")  # 16 + 2 returned = 18 on hand, all of it promised
    with pytest.raises(DocumentError) as refused:
        reverse_document(shop.uow(), ReverseDocument(back.number))
    assert isinstance(refused.value.cause, RuleViolation)
    assert refused.value.cause.code == "return_reversal_reserved"
    assert (stock(shop).on_hand, stock(shop).reserved) == (18, 18)
    consistent(shop)


def test_stock_reserved_for_an_order_leaves_only_against_it(shop):
    number = confirmed(shop, "15")  # 20 on hand, 15 promised to ACME: 5 free
    before = queries.check(shop.engine)
    with pytest.raises(InsufficientStock) as refused:
        ledger.ship(shop.uow(), c.ShipStock("TEA", "6", "MAIN"))
    assert refused.value.code == "reserved_stock"
    assert refused.value.params | {} == {"sku": "TEA", "name": "绿茶 Green tea", "warehouse": "MAIN", "on_hand": "20",
                                         "reserved": "15", "asked": "6"}
    with pytest.raises(InsufficientStock, match="reserved for confirmed sales orders"):
        ledger.transfer(shop.uow(), c.TransferStock("TEA", "6", "MAIN", "SHOP"))
    with pytest.raises(DocumentError) as doc_refused:
        post_document(shop.uow(), PostDocument("shipment", "MAIN", (LineInput("TEA", "6"),)))
    assert doc_refused.value.cause.code == "reserved_stock" and doc_refused.value.line == 1
    assert queries.check(shop.engine) == before == []  # nothing was written
    ledger.ship(shop.uow(), c.ShipStock("TEA", "5", "MAIN"))  # the free 5 leave
    shipping.ship(shop.uow(), sc.ShipSalesOrder(number))  # the promised 15 leave against the order
    assert check_reserved(shop.engine) == [] and queries.check(shop.engine) == []
