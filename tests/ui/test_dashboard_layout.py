"""The dashboard's tiles at 1280 × 800 and 1024 × 768, in English and Chinese: each detail line under a figure fits in
two lines with figures as large as a busy shop's (seven-digit amounts, four-digit counts), no tile is cut off on
the right, and at 1280 × 800 the page needs no scrolling. Seven tiles a row left each about 150 px at 1280 px: the
English details wrapped to three lines and the last column ran past the window's edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtCore import Qt

from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build
from tests.ui.test_dashboard import utc  # noqa: F401  (the fixture: the ledger's days are UTC days)

pytestmark = pytest.mark.usefixtures("pinned_today", "utc")


def lines(label) -> int:
    """How many lines ``label``'s text takes at its width."""
    label.ensurePolished()
    metrics = label.fontMetrics()
    box = metrics.boundingRect(QRect(0, 0, label.width(), 100_000), Qt.TextFlag.TextWordWrap, label.text())
    return round(box.height() / metrics.lineSpacing())


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
@pytest.mark.parametrize("language", ["english", "chinese"])
def test_every_detail_line_fits_in_two_lines_and_every_tile_in_the_window(db, make_services, qtbot, monkeypatch,
                                                                          request, language, size):
    request.getfixturevalue(language)
    from ui.app import create_main_window
    from ui.screens.dashboard import lists
    from ui.screens.dashboard import screen as dashboard

    build(db)
    window = create_main_window(make_services())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_screen("dashboard")
    screen.today = TODAY
    screen.set_custom(FIRST, TODAY)
    qtbot.waitUntil(lambda: screen.complete)
    # the figures of a busy shop, said by the screen's own sentences (each group is shown again on retranslate)
    monkeypatch.setattr(dashboard, "money_text", lambda _value: "-9,999,999.99")
    monkeypatch.setattr(dashboard, "count_text", lambda _n: "9,999")
    monkeypatch.setattr(dashboard, "total_qty_text", lambda _value: "99,999.5")
    monkeypatch.setattr(dashboard, "_pct", lambda _value: "99.99%")
    monkeypatch.setattr(dashboard, "_change", lambda _value: "-99.99%")
    monkeypatch.setattr(lists, "qty_text", lambda _value: "9,999")
    screen.retranslate()
    qtbot.waitUntil(lambda: all(tile.width() > 0 for tile in screen.tiles.values()))
    assert screen.tiles["receivables"].detail.text().startswith(("of -9,999,999.99", "未结 -9,999,999.99"))
    wrapped = {key: lines(tile.detail) for key, tile in screen.tiles.items() if lines(tile.detail) > 2}
    assert wrapped == {}
    right = screen.scroll.viewport().width()
    cut = [key for key, tile in screen.tiles.items() if tile.mapTo(screen.scroll.widget(), tile.rect().topRight()).x()
           >= right]
    assert cut == []
    if size == (1280, 800):  # three rows of tiles and both charts, with no scrolling
        qtbot.waitUntil(lambda: screen.scroll.widget().height() <= screen.scroll.viewport().height())
