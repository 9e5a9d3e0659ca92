"""The Suppliers screen in a window of 1280 × 800: the terms and the scorecard tables show every column, not cut off
on the right, in either language."""

from __future__ import annotations

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog


def cut_off(table) -> list[int]:
    """The columns of ``table`` that end past its viewport's right edge (scrolled to the left)."""
    header = table.horizontalHeader()
    width = table.viewport().width()
    return [i for i in range(header.count()) if not header.isSectionHidden(i)
            and header.sectionPosition(i) + header.sectionSize(i) > width]


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_terms_and_the_scorecard_show_every_column_at_1280_by_800(qtbot, db, make_services, request, language):
    request.getfixturevalue(language)
    from ui.app import create_main_window

    catalog.add_supplier(db.uow(), c.AddSupplier("NB", "宁波恒达五金工具有限公司", contact="张娟 (总) 18779120362"))
    window = create_main_window(make_services())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_screen("suppliers")
    qtbot.waitUntil(lambda: not screen.loading and screen.proxy.rowCount() == 1)
    screen.table.selectRow(0)
    assert cut_off(screen.terms_table) == []
    screen.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.scorecard.isVisible())
    assert cut_off(screen.scorecard.table) == []
    assert cut_off(screen.scorecard.price_table) == []
    list_header = screen.table.horizontalHeader()
    assert list_header.sectionPosition(3) + list_header.sectionSize(3) <= screen.table.viewport().width()  # lead time


def test_a_supplier_chosen_on_the_scorecard_is_the_one_the_details_show(qtbot, db, make_services, english):
    """The scorecard has the page to itself now: the supplier picked on its list is the one the other page shows."""
    from ui.screens.suppliers import SuppliersScreen

    for code in ("NB", "SZ"):
        catalog.add_supplier(db.uow(), c.AddSupplier(code, f"Supplier {code}"))
    screen = SuppliersScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.proxy.rowCount() == 2)
    screen.select("NB")
    screen.pages.setCurrentIndex(1)
    screen.show()
    qtbot.waitUntil(lambda: screen.scorecard.proxy.rowCount() == 2)
    table = screen.scorecard.table
    [row] = [i for i in range(table.model().rowCount()) if table.model().index(i, 0).data() == "SZ"]
    table.selectRow(row)
    assert (screen.current_code, screen.name.text()) == ("SZ", "Supplier SZ")
