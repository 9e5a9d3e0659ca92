"""The Suppliers screen's Scorecard tab and the Partners screen's Customers at risk tab, on the constructed histories
of tests/partner_histories.py."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from tests.partner_histories import TODAY
from tests.partner_histories import customer_history
from tests.partner_histories import supplier_history

# The histories end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def suppliers_screen(qtbot, db, make_services):
    from ui.screens.suppliers import SuppliersScreen

    supplier_history(db)
    widget = SuppliersScreen(make_services())
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def test_the_scorecard_tab_shows_each_supplier_and_the_chosen_ones_months_and_prices(qtbot, suppliers_screen):
    screen = suppliers_screen
    panel = screen.scorecard
    assert screen.pages.tabText(1) == "Scorecard"
    panel.start.setDate(QDate(2026, 1, 1))
    panel.end.setDate(QDate(2026, 6, 30))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and panel.busy_bar.isHidden())
    assert [s.code for s in panel.model.rows] == ["NB", "SZ"]
    texts = [panel.proxy.index(0, c).data() for c in range(panel.model.columnCount())]
    assert texts[:6] == ["NB", "宁波紧固件有限公司", "50.0%", "4", "2.5", "9.2 ± 2.3"]
    assert texts[6] == "81.8%" and texts[9] == "22.38"
    assert panel.proxy.index(1, 5).data() == "7 (stated)"
    assert screen.select("NB")  # choosing on the list shows its detail
    assert panel.code == "NB" and "Scorecard of 宁波紧固件有限公司 (NB)" == panel.detail.title()
    assert "On time: 2 of 4 receipts (50.0%)" in panel.summary.text()
    assert [m.month for m in panel.chart.months] == ["2026-03", "2026-04", "2026-05"]
    assert list(panel.chart.bars.opts["height"]) == [100.0, 0.0, 50.0]
    assert list(panel.chart.line.yData) == [7.0, 12.0, 10.0]
    assert [p.sku for p in panel.prices.rows] == ["NUT", "SCREW"]
    assert panel.prices.index(1, 4).data() == "25.0%"


def test_a_period_that_ends_before_it_starts_is_not_read(qtbot, suppliers_screen):
    panel = suppliers_screen.scorecard
    panel.start.setDate(QDate(2026, 7, 1))
    panel.end.setDate(QDate(2026, 6, 1))
    assert "first day is after its last day" in panel.message.text()


@pytest.fixture
def partners(qtbot, db, make_services):
    from ui.screens.partners import PartnersScreen

    customer_history(db)
    widget = PartnersScreen(make_services())
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    widget.at_risk.refresh()
    qtbot.waitUntil(lambda: widget.at_risk.model.rowCount() == 2 and widget.at_risk.busy_bar.isHidden())
    return widget


def test_the_customers_at_risk_tab_lists_the_silent_customer_first_with_the_reason(partners):
    panel = partners.at_risk
    assert partners.tabs.tabText(2) == "Customers at risk (2)"
    assert [r.customer.code for r in panel.risks] == ["ACME", "BIG"]
    row = [panel.proxy.index(0, c).data() for c in range(panel.model.columnCount())]
    assert row[:3] == ["ACME", "艾克米五金", "0574-8888 1234"]
    assert row[4:8] == ["14", "60", "100.00", "400.00"]
    assert row[8] == ("had 3 short-shipped lines in the 60 days before going quiet (2 cut, 1 lost sale); ordered "
                      "every 14 days (median of 6 orders), nothing for 60 days")
    assert panel.print_button.isEnabled()


def test_export_writes_the_list_and_print_opens_the_call_list(qtbot, partners, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from ui.screens.sales import printing

    panel = partners.at_risk
    target = tmp_path / "at-risk.xlsx"
    panel.export_to(target)
    qtbot.waitUntil(lambda: "Wrote" in panel.message.text())
    rows = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
    assert [r[1] for r in rows[1:]] == ["ACME", "BIG"] and rows[1][11] == Decimal("400")
    opened = []
    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path / "sales")
    monkeypatch.setattr(printing, "open_pdf", opened.append)
    panel.print_call_list()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].name == f"call list {TODAY.isoformat()}.pdf"
    assert opened[0].read_bytes().startswith(b"%PDF")


def test_in_chinese_the_reason_and_the_exported_list_are_in_chinese(qtbot, db, make_services, tmp_path):
    from openpyxl import load_workbook

    from ui import i18n
    from ui.screens.partners import PartnersScreen

    customer_history(db)
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        widget = PartnersScreen(make_services())
        qtbot.addWidget(widget)
        panel = widget.at_risk
        panel.refresh()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and panel.busy_bar.isHidden())
        assert widget.tabs.tabText(2) == "流失风险客户（2）"
        assert panel.proxy.index(0, 8).data() == ("沉寂前 60 天内有 3 行未足额发货（砍单 2 行，缺货未成交 1 次）；"
                                                 "平时每 14 天下单一次（6 张订单的中位数），已 60 天未下单")
        assert panel.print_button.text() == "打印回访清单(&P)"
        target = tmp_path / "风险客户.xlsx"
        panel.export_to(target)
        qtbot.waitUntil(lambda: target.exists())
        header = [c.value for c in next(load_workbook(target).active.iter_rows())]
        assert header[:3] == ["排名", "客户编号", "客户名称"]
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
