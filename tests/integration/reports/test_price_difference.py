"""A receipt reversed after its stock moved on leaves at the current average (``domain.stock.valuation``): the rest of
what was bought is a price difference (进货差价). The stock summary (进销存汇总表) nets the receipt and its reversal out
in its receipts (what was bought) and shows the rest in a column of its own, so that opening + flows = closing still
holds to the cent: for a day from the ledger and for whole months from ``stock_months``, and the ledger's check holds.
On a real SQLite file."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.reports.model import Amount
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.reports.stock_summary import total
from domain.stock import commands as c
from domain.stock import ledger
from persistence.reports import queries
from persistence.stock import queries as stock_queries
from tests import clock
from ui import report_sheets
from ui.pdf.report_labels import CHINESE

D = Decimal
pytestmark = pytest.mark.usefixtures("pinned_today")


def _month_before(day):
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


FIRST = _month_before(_month_before(clock.TODAY))  # the first day of the month before last: a whole month


def at(n: int) -> datetime:
    return datetime.combine(FIRST + timedelta(days=n), datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)


@pytest.fixture
def reversed_after_a_shipment(db):
    """10 kg @1 and 10 kg @5 received, 5 kg shipped at the average 3, then the second receipt reversed today."""
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog

    catalog.add_product(db.uow(), cc.AddProduct("A1", "Apple", unit="kg"))
    catalog.add_product(db.uow(), cc.AddProduct("B2", "Box"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    ledger.receive(db.uow(), c.ReceiveStock("A1", "10", "W1", "1", occurred_at=at(2)))
    dear = ledger.receive(db.uow(), c.ReceiveStock("A1", "10", "W1", "5", occurred_at=at(3)))
    ledger.ship(db.uow(), c.ShipStock("A1", "5", "W1", occurred_at=at(4)))
    ledger.receive(db.uow(), c.ReceiveStock("B2", "4", "W1", "2", occurred_at=at(4)))  # a product left alone
    [undo] = ledger.reverse(db.uow(), c.ReverseMovement(dear.id))
    return db, undo


def rows(db, period: Period, by=SummaryBy.PRODUCT):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, by)
    found = summarize(pairs, by, products, warehouses)
    return {r.key: r for r in found}, found


def test_the_reversal_leaves_at_the_average_and_the_rest_is_a_price_difference_for_the_day(reversed_after_a_shipment):
    db, undo = reversed_after_a_shipment
    got, _ = rows(db, Period(clock.TODAY, clock.TODAY))  # today alone: from the ledger
    apple = got["A1"]
    assert apple.opening == Amount(D(15), D("45.00"))
    assert apple.flows[Flow.RECEIPT] == Amount(D(-10), D("-50.00"))  # the receipt taken back as it was bought
    assert apple.flows[Flow.PRICE_DIFFERENCE] == Amount(D(0), D("20.00"))  # 30.00 left, not 50.00
    assert apple.closing == Amount(D(5), D("15.00"))
    assert apple.difference == 0 and apple.qty_difference == 0
    assert stock_queries.check(db.engine) == []


def test_whole_months_net_the_receipt_out_and_still_add_up(reversed_after_a_shipment):
    db, _ = reversed_after_a_shipment
    got, found = rows(db, Period(FIRST, clock.TODAY))  # whole months (stock_months) and the days after them
    apple = got["A1"]
    assert apple.opening == Amount()
    assert apple.flows[Flow.RECEIPT] == Amount(D(10), D("10.00"))  # what was bought and kept: 10 kg @1
    assert apple.flows[Flow.SHIPMENT] == Amount(D(-5), D("-15.00"))
    assert apple.flows[Flow.PRICE_DIFFERENCE] == Amount(D(0), D("20.00"))
    assert apple.closing == Amount(D(5), D("15.00")) and apple.difference == 0
    assert Flow.PRICE_DIFFERENCE not in got["B2"].flows
    by_warehouse, _ = rows(db, Period(FIRST, clock.TODAY), SummaryBy.WAREHOUSE)
    assert by_warehouse["W1"].flows[Flow.PRICE_DIFFERENCE].value == D("20.00")
    assert by_warehouse["W1"].difference == 0
    month, _ = rows(db, Period(FIRST, _month_before(clock.TODAY) - timedelta(days=1)))  # before the reversal
    assert Flow.PRICE_DIFFERENCE not in month["A1"].flows and month["A1"].difference == 0
    assert stock_queries.check(db.engine) == []
    sheet = report_sheets.stock_summary(found, total(found), SummaryBy.PRODUCT, "en", [])
    keys = [col.key for col in sheet.columns]
    assert "price_difference_value" in keys and "price_difference_qty" not in keys
    assert D(sheet.records()[0]["price_difference_value"]) == D("20.00")
    chinese = report_sheets.stock_summary(found, total(found), SummaryBy.PRODUCT, CHINESE, [])
    assert "进货差价" in [col.label for col in chinese.columns]
