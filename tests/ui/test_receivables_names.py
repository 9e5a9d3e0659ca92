"""Receivables: a long customer name takes the list's spare width and, where it still does not fit, is cut in the
middle with the whole name in its tooltip. It used to be cut at 170 pixels ("Harbour Facility Services (G…") while
the last column took the spare width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests import clock
from tests.ui.accounts_data import build
from ui.screens.accounts import ReceivablesScreen
from ui.screens.accounts.screen import NAME_WIDTH
from ui.screens.accounts.words import BalancesModel

pytestmark = pytest.mark.usefixtures("pinned_today")
NAME = BalancesModel.C_NAME


@pytest.fixture
def receivables(qtbot, db, make_services):
    build(db, clock.TODAY)
    screen = ReceivablesScreen(make_services())
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5 and not screen.loading)
    return screen


def widths(screen) -> list[int]:
    return [screen.table.columnWidth(i) for i in range(screen.model.columnCount())]


def test_the_name_column_takes_the_spare_width_and_gives_it_back(qtbot, receivables):
    narrow = widths(receivables)
    receivables.resize(1500, 600)
    qtbot.waitUntil(lambda: receivables.table.columnWidth(NAME) > NAME_WIDTH + 300)
    wide = widths(receivables)
    assert [w for i, w in enumerate(wide) if i != NAME] == [w for i, w in enumerate(narrow) if i != NAME]
    assert sum(wide) == receivables.table.viewport().width()  # the name took it all, not the last column
    assert receivables.totals.columnWidth(NAME) == wide[NAME]  # the totals row keeps under its columns
    receivables.resize(700, 600)
    qtbot.waitUntil(lambda: receivables.table.columnWidth(NAME) == NAME_WIDTH)


def test_a_name_shows_whole_in_its_tooltip_and_is_cut_in_the_middle(receivables):
    proxy = receivables.proxy
    for row in range(proxy.rowCount()):
        name = proxy.index(row, NAME).data(Qt.ItemDataRole.DisplayRole)
        assert proxy.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole) == name
    assert proxy.index(0, BalancesModel.C_BALANCE).data(Qt.ItemDataRole.ToolTipRole) is None
    assert receivables.table.textElideMode() == Qt.TextElideMode.ElideMiddle
