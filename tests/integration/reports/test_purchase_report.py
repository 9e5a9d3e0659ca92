"""The purchase summary read from a real SQLite file (``purchase_shop.py``): each row as computed by hand, the
drill-down's lines, and the totals equal to the stock summary's receipts and supplier-returns columns for the same
period and warehouse, on this shop and on the demo business."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.purchases import PurchaseBy
from domain.reports.purchases import lines_of
from domain.reports.purchases import purchase_rows
from domain.reports.purchases import purchase_total
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.reports.stock_summary import total
from persistence.reports import queries
from persistence.reports.purchases import purchase_lines
from tests.integration.reports.purchase_shop import FIRST
from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture

D = Decimal
PERIOD = Period(FIRST, TODAY)


def _rows(db, by: PurchaseBy, warehouse: str | None = None, period: Period = PERIOD):
    return purchase_rows(purchase_lines(db.engine, period, warehouse=warehouse), by)


def _figures(row):
    return (row.received_qty, row.received_value, row.returned_qty, row.returned_value, row.tax, row.with_tax)


def test_the_summary_by_supplier_nets_returns_and_reversals_and_taxes_at_the_rate_each_receipt_kept(buying):  # noqa: F811
    rows = {r.supplier: r for r in _rows(buying, PurchaseBy.SUPPLIER)}
    assert set(rows) == {"", "NB", "US1"}
    nb = rows["NB"]
    # SCREW 100 at 2.00, NUT 50 at 0.10 and NUT 100 (reversed), all at 13 %; NUT 20 at 0.12 free at the
    # 13 % it kept (0.31); 5 SCREW
    # back at 2.00 with the order's tax off
    assert _figures(nb) == (D(170), D("207.40"), D(5), D("10.00"), D("25.66"), D("223.06"))
    assert (nb.net_qty, nb.net_value, nb.supplier_name, nb.currency, nb.foreign) == (
        D(165), D("197.40"), "宁波紧固件有限公司", "", None)
    us = rows["US1"]
    assert _figures(us) == (D(10), D("710.00"), D(0), D(0), D("92.30"), D("802.30"))
    assert (us.currency, us.foreign, us.average_cost) == ("USD", D("100.00"), D("71"))
    assert _figures(rows[""]) == (D(10), D("20.00"), D(0), D(0), D("2.60"), D("22.60"))  # free, at 13 %
    whole = D("197.40") + D("710.00") + D("20.00")
    assert nb.share_pct == (D("197.40") * 100 / whole).quantize(D("0.01"))
    assert abs(sum(r.share_pct for r in rows.values()) - 100) <= D("0.01") * len(rows)  # each rounded half up


def test_the_summary_by_supplier_and_product_and_by_warehouse(buying):  # noqa: F811
    rows = {(r.supplier, r.sku): r for r in _rows(buying, PurchaseBy.SUPPLIER_PRODUCT)}
    assert set(rows) == {("NB", "SCREW"), ("NB", "NUT"), ("US1", "BOLT"), ("", "SCREW")}
    screw = rows[("NB", "SCREW")]
    assert _figures(screw) == (D(100), D("200.00"), D(5), D("10.00"), D("24.70"), D("214.70"))
    assert screw.average_cost == D(2) and screw.unit == "pcs"
    nut = rows[("NB", "NUT")]  # 50 at 0.10, 20 at 0.12, and 100 in and out again
    assert _figures(nut) == (D(70), D("7.40"), D(0), D(0), D("0.96"), D("8.36"))
    assert nut.average_cost == D("0.1057")
    shop = {(r.supplier, r.sku): r.received_value for r in _rows(buying, PurchaseBy.SUPPLIER_PRODUCT, "SHOP")}
    assert shop == {("NB", "NUT"): D("2.40"), ("", "SCREW"): D("20.00")}  # the reversed delivery nets to nothing
    by_product = {r.sku: r.net_value for r in _rows(buying, PurchaseBy.PRODUCT)}
    assert by_product == {"BOLT": D("710.00"), "NUT": D("7.40"), "SCREW": D("210.00")}


def test_a_rows_lines_are_its_receipts_and_returns_with_their_documents_orders_and_rates(buying):  # noqa: F811
    lines = purchase_lines(buying.engine, PERIOD)
    nb_screw = lines_of(lines, PurchaseBy.SUPPLIER_PRODUCT, "NB", "SCREW")
    assert [(line.document[:3], line.order[:3], line.returned, line.qty, line.value, line.tax)
            for line in nb_screw] == [("GR-", "PO-", False, D(60), D(120), D("15.60")),
                                      ("GR-", "PO-", False, D(40), D(80), D("10.40")),
                                      ("PR-", "PO-", True, D(5), D(10), D("1.30"))]
    first, _second, back = nb_screw
    assert back.order == first.order  # the return was against the first receipt, delivered against PO-1
    [bolt] = lines_of(lines, PurchaseBy.PRODUCT, sku="BOLT")
    assert (bolt.currency, bolt.price, bolt.rate, bolt.foreign, bolt.unit_cost) == (
        "USD", D(10), D("7.1"), D(100), D(71))
    nuts = lines_of(lines, PurchaseBy.SUPPLIER_PRODUCT, "NB", "NUT")
    undone = [line for line in nuts if line.reversal]
    [delivered] = [line for line in nuts if line.qty == 100]
    assert [(u.qty, u.value, u.document) for u in undone] == [(D(-100), D("-10.00"), delivered.document)]
    [free] = [line for line in nuts if not line.order]
    assert (free.document[:3], free.tax_rate, free.tax, free.tax_known) == ("GR-", D(13), D("0.31"), True)
    row = next(r for r in purchase_rows(lines, PurchaseBy.SUPPLIER) if r.supplier == "NB")
    picked = lines_of(lines, PurchaseBy.SUPPLIER, "NB")
    assert sum(x.value for x in picked if not x.returned) == row.received_value
    assert sum(x.value for x in picked if x.returned) == row.returned_value


def _summary_opening(db, period: Period):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, SummaryBy.WAREHOUSE)
    return total(summarize(pairs, SummaryBy.WAREHOUSE, products, warehouses)).opening


def _summary_columns(db, period: Period, warehouse: str | None):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, SummaryBy.WAREHOUSE, warehouse=warehouse)
    whole = total(summarize(pairs, SummaryBy.WAREHOUSE, products, warehouses))
    return whole.shown(Flow.RECEIPT), whole.shown(Flow.SUPPLIER_RETURN)


@pytest.mark.parametrize("warehouse", [None, "MAIN", "SHOP"])
def test_the_received_and_returned_totals_are_the_stock_summarys_columns(buying, warehouse):  # noqa: F811
    received, returned = _summary_columns(buying, PERIOD, warehouse)
    whole = purchase_total(_rows(buying, PurchaseBy.SUPPLIER, warehouse))
    assert (whole.received_qty, whole.received_value) == (received.qty, received.value)
    assert (whole.returned_qty, whole.returned_value) == (returned.qty, returned.value)
    assert whole.received_value == {None: D("937.40"), "MAIN": D("915.00"), "SHOP": D("22.40")}[warehouse]


def test_on_the_demo_business_the_purchases_are_the_stock_summarys_receipts(tmp_path):
    """The demo's ledger (its opening stock, goods receipts naming their suppliers, deliveries against orders, returns
    to suppliers): over its last months, by month and as a whole, per warehouse and for all. Its first day's opening
    stock is the stock summary's opening (期初), not a purchase: the purchase summary leaves it out, as the receipts
    column does, and has no "(no supplier)" row for it."""
    from domain.demo import DAYS
    from domain.demo import build_demo
    from persistence.db import open_database

    db = open_database(tmp_path / "demo.sqlite3")
    try:
        last = date(2026, 1, 31)
        first = date.fromordinal(last.toordinal() - DAYS + 1)
        build_demo(db.uow, seed=7, scale=0.03, end=last)
        periods = [Period(date(2026, 1, 1), last), Period(date(2025, 11, 15), last), Period(date(2024, 1, 1), last),
                   Period(first, first)]
        for period in periods:
            for warehouse in (None, "SH"):
                received, returned = _summary_columns(db, period, warehouse)
                whole = purchase_total(_rows(db, PurchaseBy.SUPPLIER_PRODUCT, warehouse, period))
                assert whole.received_value == received.value and whole.received_qty == received.qty
                assert whole.returned_value == returned.value and whole.returned_qty == returned.qty
                assert whole.received_value > 0 or period.first == first
        opened = _summary_opening(db, Period(first, last))
        assert opened.value > 0 and opened == _summary_opening(db, Period(first, first))  # the first day's stock
        rows = _rows(db, PurchaseBy.SUPPLIER, period=Period(first, last))
        assert rows and all(r.supplier for r in rows)  # every purchase names its supplier
        assert not _rows(db, PurchaseBy.SUPPLIER, period=Period(first, first))  # nothing bought on the first day
        lines = purchase_lines(db.engine, periods[1])  # the demo's last weeks: deliveries and returns on its desk
        assert any(x.returned and x.supplier for x in lines) and any(x.order and x.document and x.tax for x in lines)
    finally:
        db.close()
