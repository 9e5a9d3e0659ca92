"""The purchase summary on the Reports screen, over the buying shop of ``tests/integration/reports/purchase_shop.py``:
its rows by supplier and by supplier and product, a row opened to its receipt and return lines (whose sums are the
row's), the chart, the workbook it exports (codes as text, no formulas)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.integration.reports.purchase_shop import FIRST
from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture
from tests.ui.test_reports_screen import open_row_lines
from tests.ui.test_reports_screen import reports_screen
from ui import report_build as rb

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal


@pytest.fixture
def screen(qtbot, buying, make_services, monkeypatch):  # noqa: F811 - the fixture
    with reports_screen(qtbot, make_services(), monkeypatch) as widget:
        yield widget


def _show(qtbot, screen, by):
    screen.set_report(rb.PURCHASES, by)
    screen.set_period(FIRST, TODAY)
    qtbot.waitUntil(lambda: not screen.working and screen.request is not None
                    and screen.request.kind == rb.PURCHASES and screen.request.grouping == by
                    and screen.request.first == FIRST)
    qtbot.waitUntil(lambda: screen.sheet is not None and screen.model.sheet is screen.sheet)


def _row(screen, **keys) -> int:
    model = screen.model
    return next(r for r in range(len(model.rows))
                if all(model.row_values(r)[model.column_of(k)] == v for k, v in keys.items()))


def test_the_purchase_summary_by_supplier_shows_each_supplier_and_the_total(qtbot, screen):
    _show(qtbot, screen, "supplier")
    model = screen.model
    assert sorted(model.row_values(r)[0] for r in range(len(model.rows))) == ["", "NB", "US1"]
    nb = model.row_values(_row(screen, supplier="NB"))
    # with the tax of the free receipt from NB (0.31 at the 13 % it kept)
    assert nb[model.column_of("net_value")] == D("197.40") and nb[model.column_of("with_tax")] == D("223.06")
    us = _row(screen, supplier="US1")
    assert model.index(us, model.column_of("currency")).data() == "USD"
    assert model.index(us, model.column_of("foreign")).data() == "100.00"
    assert model.row_values(_row(screen, supplier=""))[1] == "(no supplier)"
    last = len(model.rows)
    assert model.is_total(last) and model.row_values(last)[model.column_of("received_value")] == D("937.40")
    assert screen.chart.isVisibleTo(screen)
    # under the choices, the footnote its PDF and workbook print: opening stock is left out
    assert screen.message.text().startswith("3 rows. Opening stock is not a purchase: it is left out here")


def test_a_supplier_and_product_row_opens_its_receipt_and_return_lines(qtbot, screen):
    """NB's SCREW: two deliveries and the return of 5, negative; the lines add up to the row."""
    _show(qtbot, screen, "supplier-product")
    model = screen.model
    row = _row(screen, supplier="NB", sku="SCREW")
    lines = open_row_lines(qtbot, screen, row)
    shown = [(lines.model.index(r, 2).data(), lines.model.index(r, 7).data()) for r in range(lines.model.rowCount())]
    assert shown == [("Receipt", "60"), ("Receipt", "40"), ("Return", "-5")]
    values = model.row_values(row)
    assert lines.sums() == tuple(values[model.column_of(k)] for k in ("net_qty", "net_value", "tax", "with_tax"))
    assert "3 line(s)" in lines.totals.text() and "amount with tax 214.70" in lines.totals.text()
    assert "NB 宁波紧固件有限公司, SCREW 不锈钢螺丝 M3" in lines.heading.text()
    lines.close()
    assert screen.open_purchase_lines(model.index(len(model.rows), 1)) is None  # the total: nothing to open


def test_the_receipts_with_no_supplier_open_as_such(qtbot, screen):
    _show(qtbot, screen, "supplier")
    lines = screen.open_purchase_lines(screen.model.index(_row(screen, supplier=""), 0))
    qtbot.waitUntil(lambda: lines.loaded)
    assert [(r.sku, r.qty, r.supplier) for r in lines.model.rows] == [("SCREW", D(10), "")]
    assert "receipts with no supplier" in lines.heading.text()
    lines.close()


def test_the_exported_workbook_keeps_codes_as_text_and_has_no_formulas(qtbot, screen, tmp_path):
    from openpyxl import load_workbook

    _show(qtbot, screen, "supplier-product")
    target = tmp_path / "purchases.xlsx"
    screen.export_to(target)
    qtbot.waitUntil(lambda: "Wrote" in screen.message.text())
    sheet = load_workbook(target).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in cells)
    assert sheet["A1"].value == "PURCHASE SUMMARY"
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Supplier")
    assert header[:5] == ("Supplier", "Supplier name", "SKU", "Name", "Unit")
    codes = [c for c in cells if c.value in ("NB", "US1", "SCREW", "BOLT")]
    assert codes and all(c.data_type == "s" for c in codes)
    totals = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Total"]
    assert totals and totals[0][header.index("Received amount")] == 937.4


def test_the_chart_names_each_bar_by_supplier_and_product_the_largest_first(qtbot, screen):
    from ui.screens.reports.chart import bars_of

    _show(qtbot, screen, "supplier-product")
    labels, [(name, values)] = bars_of(screen.sheet, rb.PURCHASES, "supplier-product")
    assert (name, labels[0], values[0]) == ("Net amount", "US1 BOLT", 710.0)
    assert "— SCREW" in labels and "NB SCREW" in labels  # "—": the receipt with no supplier
