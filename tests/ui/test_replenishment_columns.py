"""The Replenishment table in a window of 1280 × 800: what a purchaser decides on shows without scrolling."""

from __future__ import annotations

import pytest

from ui.screens.replenishment import ReplenishmentModel


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_suggested_quantity_and_the_supplier_show_without_scrolling_sideways(qtbot, make_services, request,
                                                                                  language):
    request.getfixturevalue(language)
    from ui.app import create_main_window

    window = create_main_window(make_services())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_screen("replenishment")
    qtbot.waitUntil(lambda: screen.run_button.isEnabled())
    header = screen.table.horizontalHeader()
    for column in (ReplenishmentModel.QTY, ReplenishmentModel.SUPPLIER):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)  # where it is shown
        assert right <= screen.table.viewport().width(), (column, right, screen.table.viewport().width())
