"""The dashboard on a new company's first day: the stock value is a flat line at 0 and its axis must still read as
amounts. Written without decimals, ticks 0.2 apart read 1, 1, 1, 1, 0, 0 … -0, -1."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal


def test_the_value_axis_of_a_flat_zero_series_has_no_repeated_or_negative_zero_labels(qtbot):
    from ui.screens.dashboard.charts import ValueChart

    chart = ValueChart()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    first = date(2026, 11, 8)
    chart.set_series([(first + timedelta(days=n), Decimal(0)) for n in range(30)])
    axis = chart.plot.getAxis("left")
    low, high = chart.plot.viewRange()[1]
    assert low < 0 < high  # the zero line in the middle of the chart, not hidden on its axis
    for spacing in (0.5, 0.2, 0.1):
        ticks = [low + spacing * k for k in range(int((high - low) / spacing) + 1)]
        texts = axis.tickStrings(ticks, 1.0, spacing)
        assert len(set(texts)) == len(texts), texts
        assert "-0" not in texts, texts


def test_a_company_without_products_is_told_how_to_start_and_the_note_goes_once_there_is_one(db, make_services,
                                                                                              qtbot):
    from domain.catalog import commands as c
    from domain.catalog import master as catalog
    from ui.screens.dashboard import DashboardScreen

    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
    screen = DashboardScreen(make_services())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.getting_started.isVisible()
    assert "File › Import from Excel or CSV… (Ctrl+I)" in screen.getting_started.text()
    assert "Settings › Warehouses" in screen.getting_started.text()
    catalog.add_product(db.uow(), c.AddProduct("LSD-01", "十字螺丝刀"))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.complete and not screen.getting_started.isVisible(), timeout=60_000)


def test_the_note_reads_in_chinese(db, make_services, qtbot, chinese):
    from ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(make_services())
    qtbot.addWidget(screen)
    assert screen.getting_started.text().startswith("开始使用：通过“文件 › 从 Excel 或 CSV 导入…”（Ctrl+I）")
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
