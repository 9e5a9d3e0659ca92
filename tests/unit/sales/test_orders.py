"""Sales orders on in-memory fakes: numbering, prices, reservation, ATP over dates, the shortfall and its offers,
cancelling and cutting (unfilled demand), backorder arithmetic. Every number is worked out by hand."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.sales import atp
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales.backorders import allocate
from domain.sales.backorders import backorders
from domain.sales.backorders import backorders_of
from domain.sales.model import SoState
from domain.sales.model import reserved
from domain.sales.orders import Shortage
from domain.sales.ports import IncomingRow
from domain.sales.ports import OpenLineRow
from domain.sales.prices import CustomerTerms
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple", barcodes=("6901234567892",)))
    catalog.add_product(uow, cc.AddProduct("B-2", "Pear"))
    catalog.add_product(uow, cc.AddProduct("C-3", "Quince"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W2", "Shop"))
    catalog.add_customer(uow, cc.AddCustomer("ACME", "Acme Trading"))
    ledger.receive(uow, c.ReceiveStock("A-1", "10", "W1", "2.00", occurred_at=MARCH))
    ledger.receive(uow, c.ReceiveStock("A-1", "3", "W2", "2.00", occurred_at=MARCH))
    ledger.receive(uow, c.ReceiveStock("C-3", "7", "W1", "1.00", occurred_at=MARCH))
    return uow


def ids(uow) -> dict[str, str]:
    with uow:
        return {code: uow.products.by_sku(code).id for code in ("A-1", "B-2", "C-3")} | {
            code: uow.warehouses.by_code(code).id for code in ("W1", "W2")}


def order(uow, *lines, price="5.00", customer="ACME", warehouse="W1") -> str:
    number = orders.create_order(uow, sc.CreateSalesOrder(customer, warehouse, created_at=MARCH)).number
    for sku, qty in lines:
        orders.add_line(uow, sc.AddSalesOrderLine(number, sku, qty, price))
    return number


def balance(uow, sku="A-1", wh="W1"):
    k = ids(uow)
    return uow.state.balances[(k[sku], k[wh])]


def test_orders_are_numbered_at_creation_and_totals_sum_the_lines(uow):
    first = orders.create_order(uow, sc.CreateSalesOrder("ACME", "W1", created_at=MARCH))
    second = orders.create_order(uow, sc.CreateSalesOrder("ACME", "W1", created_at=MARCH))
    assert (first.number, second.number) == ("SO-2026-00001", "SO-2026-00002")
    orders.add_line(uow, sc.AddSalesOrderLine(first.number, "6901234567892", "3", "9.99", "10"))  # by barcode
    orders.add_line(uow, sc.AddSalesOrderLine(first.number, "C-3", "2", "1.005"))
    with uow:
        o = orders.find_order(uow, first.number)
    # 3 × 9.99 × 0.9 = 26.973 → 26.97; 2 × 1.005 = 2.01; tax 13 %: 3.5061 → 3.51 and 0.2613 → 0.26
    assert (o.subtotal(), o.tax(), o.total()) == (D("28.98"), D("3.77"), D("32.75"))
    assert o.lines[0].sku == "A-1" and o.state == SoState.DRAFT
    with pytest.raises(Duplicate):
        orders.add_line(uow, sc.AddSalesOrderLine(first.number, "A-1", "1", "1"))


def test_an_order_and_its_first_line_are_written_together_or_not_at_all(uow):
    header = sc.CreateSalesOrder("ACME", "W1", created_at=MARCH)
    for refused, error in ((sc.AddSalesOrderLine("", "A-1", "2", "abc"), BadInput),
                           (sc.AddSalesOrderLine("", "A-1", "2", None, "150"), BadInput),
                           (sc.AddSalesOrderLine("", "NOPE", "2", "5"), NotFound)):
        with pytest.raises(error):
            orders.create_order_with_line(uow, header, refused)
    order, line = orders.create_order_with_line(uow, header, sc.AddSalesOrderLine("", "A-1", "2", "5.00", "10"))
    assert order.number == "SO-2026-00001"  # no number went to the refused attempts
    with uow:
        stored = orders.find_order(uow, order.number)
    assert [(x.line_no, x.sku, x.qty, x.unit_price, x.discount) for x in stored.lines] == [
        (1, "A-1", D(2), D("5.00"), D(10))] == [(line.line_no, line.sku, line.qty, line.unit_price, line.discount)]
    assert stored.subtotal() == D("9.00")  # 2 × 5.00 × 0.9


def test_without_a_price_the_line_takes_the_customers_quote(uow):
    k = ids(uow)
    uow.state.list_prices = {(k["A-1"], "wholesale"): D("8.00")}
    with uow:
        customer_id = uow.customers.by_code("ACME").id
    uow.state.customer_terms = {customer_id: CustomerTerms(customer_id, "wholesale", D(5))}
    number = order(uow)
    line = orders.add_line(uow, sc.AddSalesOrderLine(number, "A-1", "2"))
    assert (line.unit_price, line.discount, line.tax_rate, line.price_source) == (D("8.00"), D(5), D(13), "level")
    with pytest.raises(RuleViolation) as none:
        orders.add_line(uow, sc.AddSalesOrderLine(number, "B-2", "1"))
    assert none.value.code == "no_sale_price"
    with pytest.raises(BadInput):
        orders.add_line(uow, sc.AddSalesOrderLine(number, "B-2", "1", "2", "101"))


def test_confirming_reserves_the_open_quantity_and_atp_adds_open_pos_by_their_dates(uow):
    k = ids(uow)
    uow.state.incoming = [IncomingRow(k["A-1"], k["W1"], date(2026, 3, 10), D(5), D(0)),
                          IncomingRow(k["A-1"], k["W1"], date(2026, 3, 20), D(10), D(2))]  # 8 still open
    number = order(uow, ("A-1", "4"))
    orders.confirm(uow, sc.ConfirmSalesOrder(number))
    assert balance(uow).reserved == D(4)
    with uow:
        a = atp.of(atp.availability(uow, [k["A-1"]]), k["A-1"], k["W1"])
    # on hand 10 − reserved 4 = 6 now; + 5 by 10 March; + 8 more by 20 March
    assert (a.available, a.by(date(2026, 3, 9)), a.by(date(2026, 3, 10)), a.by(date(2026, 3, 20))) == (6, 6, 11, 19)
    assert a.dates() == [date(2026, 3, 10), date(2026, 3, 20)]
    assert (a.arrival_for(D(5)), a.arrival_for(D(6)), a.arrival_for(D(13)), a.arrival_for(D(14))) == (
        date(2026, 3, 10), date(2026, 3, 20), date(2026, 3, 20), None)
    with uow:
        assert orders.find_order(uow, number).state == SoState.CONFIRMED


def test_confirming_more_than_is_available_is_refused_with_the_offers_and_writes_nothing(uow):
    k = ids(uow)
    uow.state.incoming = [IncomingRow(k["A-1"], k["W1"], date(2026, 3, 10), D(5), D(0))]
    uow.state.substitutes = {k["A-1"]: [k["C-3"], k["B-2"]]}
    orders.confirm(uow, sc.ConfirmSalesOrder(order(uow, ("A-1", "4"))))
    second = order(uow, ("A-1", "9"))
    assert [x.short for x in orders.preview_shortfalls(uow, second)] == [D(3)]
    before = uow.snapshot()
    with pytest.raises(Shortage) as short:
        orders.confirm(uow, sc.ConfirmSalesOrder(second))
    assert uow.snapshot().balances == before.balances
    [line] = short.value.params["lines"]
    # 10 on hand − 4 reserved = 6 available; 9 asked: 3 short, which the PO of 10 March covers
    assert line == {"line": 1, "sku": "A-1", "warehouse": "W1", "asked": "9", "available": "6", "short": "3",
                    "other_warehouses": [{"warehouse": "W2", "available": "3"}], "arrival": "2026-03-10",
                    "substitutes": [{"sku": "C-3", "name": "Quince", "warehouse": "W1", "available": "7"},
                                    {"sku": "B-2", "name": "Pear", "warehouse": "W1", "available": "0"}]}
    assert short.value.code == "so_short" and "9 asked, 6 available" in str(short.value)

    orders.confirm(uow, sc.ConfirmSalesOrder(second, override=True))
    assert balance(uow).reserved == D(13)  # ATP 10 − 13 = −3, with the override recorded
    with uow:
        o = orders.find_order(uow, second)
    assert o.lines[0].override_user == "tester"


def test_cancel_releases_the_reservation_and_records_the_open_quantity_as_unfilled_demand(uow):
    number = order(uow, ("A-1", "4"), ("C-3", "2"))
    orders.confirm(uow, sc.ConfirmSalesOrder(number))
    with pytest.raises(BadInput):
        orders.cancel(uow, sc.CancelSalesOrder(number, " "))
    orders.cancel(uow, sc.CancelSalesOrder(number, "customer found it cheaper"))
    assert (balance(uow).reserved, balance(uow, "C-3").reserved) == (0, 0)
    lost = sorted((x.qty, x.customer, x.source_ref, x.note) for x in uow.state.unfilled)
    assert lost == [(D(2), "ACME", number, "customer found it cheaper"),
                    (D(4), "ACME", number, "customer found it cheaper")]
    with pytest.raises(RuleViolation):
        orders.cancel(uow, sc.CancelSalesOrder(number, "again"))


def test_a_draft_cancelled_records_no_demand(uow):
    orders.cancel(uow, sc.CancelSalesOrder(order(uow, ("A-1", "4")), "typed by mistake"))
    assert uow.state.unfilled == []


def test_cutting_part_of_a_line_releases_it_and_cutting_the_rest_closes_the_order(uow):
    number = order(uow, ("A-1", "5"))
    orders.confirm(uow, sc.ConfirmSalesOrder(number))
    line = orders.cut_line(uow, sc.CutSalesOrderLine(number, "A-1", "short shelf life", "2"))
    assert (line.cancelled, line.open_qty, balance(uow).reserved) == (2, 3, 3)
    with pytest.raises(RuleViolation) as over:
        orders.cut_line(uow, sc.CutSalesOrderLine(number, "A-1", "x", "4"))
    assert over.value.code == "so_cut_over_open"
    orders.cut_line(uow, sc.CutSalesOrderLine(number, "A-1", "no longer needed"))
    with uow:
        assert orders.find_order(uow, number).state == SoState.CANCELLED  # everything cut, nothing shipped
    assert balance(uow).reserved == 0 and [x.qty for x in uow.state.unfilled] == [2, 3]
    with pytest.raises(NotFound):
        orders.cut_line(uow, sc.CutSalesOrderLine("SO-2026-00099", "A-1", "x"))


def test_reserved_is_the_sum_of_open_quantities():
    lines = [("p", "w", D(5), D(2), D(0)), ("p", "w", D(4), D(0), D(1)), ("p", "v", D(3), D(3), D(0)),
             ("q", "w", D(2), D(3), D(0))]  # over-shipped: never negative
    assert reserved(lines) == {("p", "w"): D(6), ("p", "v"): D(0), ("q", "w"): D(0)}


def test_backorder_arithmetic_the_worked_example():
    # 5 on hand; lines of 4 (confirmed first) and 6; POs of 3 on 3 May and 10 on 20 May
    found = {("p", "w"): atp.Availability("p", "w", D(5), D(10),
                                          ((date(2026, 5, 3), D(3)), (date(2026, 5, 20), D(10))))}
    t1, t2 = datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 4, 2, tzinfo=UTC)
    rows = [OpenLineRow("SO-1", "ACME", t1, "l1", 1, "p", "P", "Pear", "w", "W1", D(4)),
            OpenLineRow("SO-2", "BETA", t2, "l2", 1, "p", "P", "Pear", "w", "W1", D(6))]
    [b] = allocate(rows, found)
    assert (b.customer, b.so, b.qty, b.since, b.arrival) == ("BETA", "SO-2", D(5), t2, date(2026, 5, 20))
    # a third line of 9 waits for 5 + 9 = 14 > 13 expected: no PO covers it
    rows.append(OpenLineRow("SO-3", "GAMMA", t2, "l3", 1, "p", "P", "Pear", "w", "W1", D(9)))
    assert [(b.so, b.qty, b.arrival) for b in allocate(rows, found)] == [
        ("SO-2", D(5), date(2026, 5, 20)), ("SO-3", D(9), None)]


def test_backorders_of_confirmed_orders_on_the_fakes(uow):
    k = ids(uow)
    uow.state.incoming = [IncomingRow(k["A-1"], k["W1"], date(2026, 3, 10), D(5), D(0))]
    orders.confirm(uow, sc.ConfirmSalesOrder(order(uow, ("A-1", "8"))))
    late = order(uow, ("A-1", "4"))
    orders.confirm(uow, sc.ConfirmSalesOrder(late, override=True))
    # 10 on hand: the first order's 8 are covered, the second gets 2 and waits for 2, which the PO brings
    assert [(b.so, b.sku, b.warehouse, b.qty, b.arrival) for b in backorders(uow)] == [
        (late, "A-1", "W1", D(2), date(2026, 3, 10))]



def test_one_order_s_backorders_by_line_count_the_earlier_orders_of_its_products(uow):
    """The order screen reads one order's backorders: stock goes to the orders confirmed before it first, as in the
    whole list, and an order the stock covers has none."""
    k = ids(uow)
    uow.state.incoming = [IncomingRow(k["A-1"], k["W1"], date(2026, 3, 10), D(5), D(0))]
    first = order(uow, ("A-1", "8"))
    orders.confirm(uow, sc.ConfirmSalesOrder(first))
    late = order(uow, ("B-2", "1"), ("A-1", "4"))
    orders.confirm(uow, sc.ConfirmSalesOrder(late, override=True))
    waiting = backorders_of(uow, late)
    assert [(n, b.sku, b.qty, b.arrival) for n, b in waiting.items()] == [
        (1, "B-2", D(1), None),  # none in stock and none on order
        (2, "A-1", D(2), date(2026, 3, 10))]  # 10 on hand: 8 for the first order, 2 of its 4 here
    assert backorders_of(uow, first) == {}
