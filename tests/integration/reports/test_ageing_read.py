"""The ageing read (``queries.ageing_layers``: the stock on hand from the balances or each pair's last movement, the
inflows walked on stored integers) against a plain reference on random ledgers: every movement read as it is
stored, the stock on hand summed from them, the inflows not reversed chosen in Python and covered by
``domain.reports.ageing.covering``. Same-day layers are compared summed per day (inflows at the same instant may be
taken in either order, which splits a day's quantity differently, never its total or its age).

The rows the report makes from the read's columns at once (``domain.reports.ageing_columns.ageing_rows_of``: the
covering, the bands and their values for every key together on the stored integers) are compared with the rows made
one stock at a time (``ageing_rows``) from the reference's layers, by product, category and warehouse."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.reports.ageing import DEFAULT_BANDS
from domain.reports.ageing import AgeingBy
from domain.reports.ageing import Layer
from domain.reports.ageing import StockLayers
from domain.reports.ageing import ageing_rows
from domain.reports.ageing import covering
from domain.reports.ageing_columns import ageing_rows_of
from domain.reports.ageing_columns import stock_layers
from persistence import tables as t
from persistence.db import open_database
from persistence.reports import queries
from tests.integration.reports.test_period_chaining import SKUS
from tests.integration.reports.test_period_chaining import WAREHOUSES
from tests.integration.reports.test_period_chaining import step
from tests.integration.reports.test_stock_months import DAYS
from tests.integration.reports.test_stock_months import FIRST
from tests.integration.reports.test_stock_months import TODAY
from tests.integration.reports.test_stock_months import post

M, P, W = t.movements, t.products, t.warehouses


def by_day(layers) -> dict[date, Decimal]:
    out: dict[date, Decimal] = {}
    for day, qty in layers:
        out[day] = out.get(day, Decimal(0)) + qty
    return out


def read(db, as_of: date, per_warehouse: bool, warehouse: str | None, offset: int):
    return {(s.sku, s.warehouse): (s.on_hand, by_day(s.layers))
            for s in queries.ageing_layers(db.engine, as_of, per_warehouse=per_warehouse, warehouse=warehouse,
                                           utc_offset_seconds=offset)}


def reference(db, as_of: date, per_warehouse: bool, warehouse: str | None, offset: int):
    end = queries.midnight(as_of + timedelta(days=1), offset)
    with db.engine.connect() as conn:
        moves = conn.execute(select(M.c.id, M.c.kind, P.c.sku, W.c.code, M.c.qty, M.c.occurred_at, M.c.reverses_id)
                             .join(P, P.c.id == M.c.product_id).join(W, W.c.id == M.c.warehouse_id)
                             .order_by(M.c.occurred_at, M.c.id)).all()
    if not moves:
        return {}
    shift = timedelta(seconds=offset)
    oldest = (moves[0].occurred_at + shift).date()  # stock no inflow explains is as old as the ledger
    moves = [m for m in moves if m.occurred_at < end and (warehouse is None or m.code == warehouse)]
    reversed_ids = {m.reverses_id for m in moves if m.kind == "reversal"}
    on_hand: dict[tuple[str, str], Decimal] = {}
    inflows: dict[tuple[str, str], list] = {}
    for m in moves:
        key = (m.sku, m.code if per_warehouse else "")
        on_hand[key] = on_hand.get(key, Decimal(0)) + m.qty
        if m.qty > 0 and m.kind != "reversal" and m.id not in reversed_ids \
                and (per_warehouse or m.kind != "transfer_in"):
            inflows.setdefault(key, []).append(((m.occurred_at + shift).date(), m.qty))
    return {key: (qty, by_day(covering(qty, reversed(inflows.get(key, [])), oldest)))
            for key, qty in on_hand.items() if qty > 0}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, DAYS), step), min_size=1, max_size=30),
       middle=st.integers(0, DAYS))
def test_the_ageing_read_equals_the_inflows_covering_the_stock_read_plainly(steps, middle):
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "ageing.sqlite3")
        try:
            u = db.uow
            for w in WAREHOUSES:
                catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
            for s in SKUS:
                catalog.add_product(u(), cc.AddProduct(s, s, category=f"cat-{s}"))
            posted: list[str] = []
            for day, action in steps:  # in the order drawn: back-dated postings and reversals dated now
                post(db, day, action, posted)
            for as_of in (TODAY, FIRST + timedelta(days=middle)):  # the balances; each pair's last movement
                for offset in (0, 8 * 3600):
                    for per_warehouse, warehouse in ((False, None), (True, None), (True, WAREHOUSES[1])):
                        assert read(db, as_of, per_warehouse, warehouse, offset) == \
                            reference(db, as_of, per_warehouse, warehouse, offset), (as_of, offset, per_warehouse)
        finally:
            db.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, DAYS), step), min_size=1, max_size=30),
       middle=st.integers(0, DAYS), bands=st.sampled_from([DEFAULT_BANDS, (1, 7), (10,)]))
def test_the_rows_from_the_columns_equal_the_rows_from_the_reference_layers(steps, middle, bands):
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "ageing-rows.sqlite3")
        try:
            u = db.uow
            for w in WAREHOUSES:
                catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
            for i, s in enumerate(SKUS):
                catalog.add_product(u(), cc.AddProduct(s, s, category=f"cat-{i % 2}"))
            posted: list[str] = []
            for day, action in steps:
                post(db, day, action, posted)
            for as_of in (TODAY, FIRST + timedelta(days=middle)):
                for offset in (0, 8 * 3600):
                    for per_warehouse, warehouse in ((False, None), (True, None), (True, WAREHOUSES[1])):
                        stock = queries.ageing_stock(db.engine, as_of, per_warehouse=per_warehouse,
                                                     warehouse=warehouse, utc_offset_seconds=offset)
                        expected = reference(db, as_of, per_warehouse, warehouse, offset)
                        plain = [StockLayers(*s[:7], [Layer(d, q) for d, q in
                                                      sorted(expected[(s.sku, s.warehouse)][1].items())])
                                 for s in stock_layers(stock)]
                        assert len(plain) == len(expected)
                        for by in AgeingBy:
                            if by == AgeingBy.WAREHOUSE and not per_warehouse:
                                continue
                            assert ageing_rows_of(stock, as_of, bands, by) == ageing_rows(plain, as_of, bands, by), \
                                (as_of, offset, per_warehouse, by)
        finally:
            db.close()


def test_stock_of_a_product_or_warehouse_with_no_record_is_named_by_its_id(tmp_path):
    """Not expected (the foreign keys refuse it), but a balance and receipt of a product and warehouse with no record
    are aged under their ids, in order, beside the others (the warehouse numbered by SQLite or not)."""
    from domain.stock import commands as c
    from domain.stock import ledger

    db = open_database(tmp_path / "unknown.sqlite3")
    try:
        catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "W1"))
        catalog.add_product(db.uow(), cc.AddProduct("A", "A", category="cat"))
        ledger.receive(db.uow(), c.ReceiveStock("A", "2", "W1", "1.50", occurred_at=queries.midnight(TODAY)))
        raw = sqlite3.connect(tmp_path / "unknown.sqlite3")  # the foreign keys not enforced on this connection
        try:
            raw.execute("INSERT INTO movements SELECT 'm-ghost', kind, '0-ghost', '0-nowhere', qty, unit_cost, "
                        "occurred_at, recorded_at, transfer_id, reverses_id, source_type, source_ref, note, user, "
                        "device_id, fx_currency, fx_unit_price, fx_rate FROM movements")
            raw.execute("INSERT INTO balances (product_id, warehouse_id, on_hand, value, avg_cost, reserved, on_order) "
                        "SELECT '0-ghost', '0-nowhere', on_hand, value, avg_cost, 0, 0 FROM balances")
            raw.commit()
        finally:
            raw.close()
        for per_warehouse in (False, True):
            stocks = queries.ageing_layers(db.engine, TODAY, per_warehouse=per_warehouse)
            assert [(s.sku, s.warehouse, s.on_hand) for s in stocks] == \
                [("0-ghost", "0-nowhere" if per_warehouse else "", 2), ("A", "W1" if per_warehouse else "", 2)]
            assert [by_day(s.layers) for s in stocks] == [{TODAY: 2}, {TODAY: 2}]
    finally:
        db.close()
