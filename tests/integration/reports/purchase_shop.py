"""A shop that buys, on a real SQLite file, whose purchase summary is computed by hand in the tests: deliveries
against orders in CNY and in USD, a return against a receipt, free receipts with and without a supplier, and a
delivery reversed. The period runs from ``FIRST`` to today (a reversal is posted now); days are UTC days.

What the period holds (tax 13 % on the orders):

* PO-1 from NB into MAIN: GR 1 (day 1) SCREW 60 at 2.00 and NUT 50 at 0.10; GR 2 (day 3) SCREW 40 at 2.00.
* PO-2 from US1 (USD) into MAIN: GR 3 (day 2) BOLT 10 at USD 10.00 × 7.1 = 71.00: 710.00, USD 100.00.
* a return to NB (day 4) of 5 SCREW against GR 1: 10.00 at the average cost.
* a free receipt from NB into SHOP (day 5): NUT 20 at 0.12, 2.40 and 0.31 of tax at the 13 % it kept.
* a free receipt with no supplier into SHOP (day 6): SCREW 10 at 2.00, 20.00 and 2.60 of tax.
* PO-3 from NB into SHOP: GR 6 (day 7) NUT 100 at 0.10, reversed now.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import rates
from domain.purchasing import returns
from domain.stock import documents as docs
from tests import clock

TODAY = clock.TODAY  # the clock the tests here run on (tests/integration/reports/conftest.py)
FIRST = TODAY - timedelta(days=20)


def day(n: int) -> datetime:
    """Day ``n`` of the period (0 is ``FIRST``) at 09:00 UTC."""
    return datetime.combine(FIRST + timedelta(days=n), time(9), tzinfo=UTC)


def _order(db, supplier: str, warehouse: str, *lines: tuple[str, str, str]) -> str:
    draft = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder(supplier, warehouse))
    for sku, qty, price in lines:
        po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, sku, qty, price))
    return po_uc.issue(db.uow(), pc.IssuePurchaseOrder(draft.id, day(0))).number


def _deliver(db, number: str, at: datetime, *lines: tuple[str, str]) -> str:
    return po_uc.receive_delivery(db.uow(), pc.ReceivePurchaseOrder(number, tuple(lines), occurred_at=at)
                                  ).document.number


@pytest.fixture
def buying(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "主仓库"))
    catalog.add_warehouse(u(), cc.AddWarehouse("SHOP", "门店"))
    catalog.add_supplier(u(), cc.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_supplier(u(), cc.AddSupplier("US1", "Acme Inc.", currency="USD"))
    catalog.add_product(u(), cc.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), cc.AddProduct("NUT", "六角螺母 M3"))
    catalog.add_product(u(), cc.AddProduct("BOLT", "Bolt M8"))
    rates.set_rate(u(), pc.SetExchangeRate("USD", "7.1", FIRST - timedelta(days=30)))
    first = _order(db, "NB", "MAIN", ("SCREW", "100", "2.00"), ("NUT", "50", "0.10"))
    gr1 = _deliver(db, first, day(1), ("SCREW", "60"), ("NUT", "50"))
    _deliver(db, _order(db, "US1", "MAIN", ("BOLT", "10", "10.00")), day(2), ("BOLT", "10"))
    _deliver(db, first, day(3), ("SCREW", "40"))
    returns.return_to_supplier(u(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "5"),), "wrong thread", receipt=gr1, occurred_at=day(4)))
    docs.post_document(u(), docs.PostDocument("receipt", "SHOP", (docs.LineInput("NUT", "20", "0.12"),),
                                              partner="NB", business_date=(FIRST + timedelta(days=5))))
    docs.post_document(u(), docs.PostDocument("receipt", "SHOP", (docs.LineInput("SCREW", "10", "2.00"),),
                                              business_date=(FIRST + timedelta(days=6))))
    undone = _deliver(db, _order(db, "NB", "SHOP", ("NUT", "100", "0.10")), day(7), ("NUT", "100"))
    docs.reverse_document(u(), docs.ReverseDocument(undone))
    return db
