"""The reports' monthly rows (``stock_months``, persistence/stock/months.py) through a sync: a pull that brings
movements back-dated into months a desk has filled (and the recompute that revalues the desk's own later movements),
and a merge of a product and warehouse made on two desks, leave the rows equal to the ledger (``months.check``) and
every stock summary read from them equal to the one read from the ledger alone."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.reports import queries
from persistence.stock import months
from tests.integration.sync.helpers import snapshot
from tests.integration.sync.test_merge_append_only import make_twice

pytestmark = pytest.mark.postgres

MONTHS = Period(date(2026, 3, 1), date(2026, 5, 31))


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def lines(db, by: SummaryBy, *, ledger_alone: bool = False):
    usable = months.usable
    months.usable = (lambda conn: False) if ledger_alone else usable
    try:
        pairs, labels, codes = queries.stock_summary(db.engine, MONTHS, by)
    finally:
        months.usable = usable
    return [(r.key, r.opening, r.closing, r.flows) for r in summarize(pairs, by, labels, codes)]


def assert_agree(db) -> None:
    for by in SummaryBy:
        assert lines(db, by) == lines(db, by, ledger_alone=True), by
    with db.engine.connect() as conn:
        assert months.check(conn) == []
        assert conn.execute(select(t.stock_months_state.c.dirty_from)).scalar() is None


def test_a_pull_back_dated_into_filled_months_marks_them_and_the_next_summary_agrees_with_the_ledger(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.00", occurred_at=at(3, 2)))
    ledger.ship(b.uow(), c.ShipStock("SKU-1", "4", "MAIN", occurred_at=at(4, 20)))
    ledger.ship(b.uow(), c.ShipStock("SKU-1", "1", "MAIN", occurred_at=at(5, 3)))
    assert_agree(b)  # b's months are filled through May
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "5.00", occurred_at=at(4, 1)))  # offline on a
    sync.sync(a, hub)
    sync.sync(b, hub)  # b pulls a receipt of April: its shipments of April and May are valued again
    with b.engine.connect() as conn:
        assert conn.execute(select(t.stock_months_state.c.dirty_from)).scalar() is not None
    assert_agree(b)
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert snapshot(a) == snapshot(b)
    assert_agree(a)
    assert lines(a, SummaryBy.PRODUCT) == lines(b, SummaryBy.PRODUCT)


def test_a_merge_of_a_product_made_on_two_desks_fills_the_months_again_under_the_survivor(hub, devices):
    a, b = devices("a"), devices("b")
    make_twice(a, b)
    ledger.receive(a.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "10", occurred_at=at(3, 5)))
    ledger.receive(b.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "20", occurred_at=at(4, 5)))
    ledger.ship(b.uow(), c.ShipStock("DUP-1", "2", "MAIN", occurred_at=at(5, 5)))
    assert_agree(b)  # filled under b's own product and warehouse
    sync.sync(a, hub)
    assert sync.sync(b, hub).merged == 2  # b's are merged into a's
    assert_agree(b)
    [line] = lines(b, SummaryBy.PRODUCT)
    assert line[0] == "DUP-1" and line[2].qty == 8


def test_the_ageing_after_a_merge_counts_both_desks_receipts_under_the_survivor(hub, devices):
    """The ageing read through the merge's mapping (each movement's product and warehouse as they read now)."""
    from domain.reports.ageing import AgeingBy
    from domain.reports.ageing_columns import ageing_rows_of

    a, b = devices("a"), devices("b")
    make_twice(a, b)
    ledger.receive(a.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "10", occurred_at=at(3, 5)))
    ledger.receive(b.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "20", occurred_at=at(4, 5)))
    ledger.ship(b.uow(), c.ShipStock("DUP-1", "2", "MAIN", occurred_at=at(5, 5)))
    sync.sync(a, hub)
    assert sync.sync(b, hub).merged == 2
    day = date(2026, 12, 31)
    for per_warehouse in (False, True):
        [stock] = queries.ageing_layers(b.engine, day, per_warehouse=per_warehouse)
        assert (stock.sku, stock.warehouse, stock.on_hand) == ("DUP-1", "MAIN" if per_warehouse else "", 8)
        assert [(layer.day, layer.qty) for layer in stock.layers] == [(at(3, 5).date(), 3), (at(4, 5).date(), 5)]
    [row] = ageing_rows_of(queries.ageing_stock(b.engine, day, per_warehouse=True), day, (30, 365), AgeingBy.WAREHOUSE)
    assert (row.key, row.on_hand, [band.qty for band in row.bands]) == ("MAIN", 8, [0, 8, 0])
