"""The ABC/XYZ classes on the screens: a column on Products, Stock and Replenishment (sortable, filterable), the
matrix whose cells filter the replenishment list, and Settings › Planning's choice of basis.

The ledger (tests.planning_data: 20 weeks before Wednesday 2026-06-03, every product at 2.50 a unit):

* LOW ships 10 a day from MAIN (3,500 of value) and has 50 left: a critical alert;
* STEADY ships 10 a day from MAIN (3,500) with plenty left: no alert;
* LOW2 ships 1 a day from WEST (350) and has 5 left, less than SH's 7-day lead time: an alert;
* SPORADIC ships 5 every third Wednesday (87.50): 7 weeks of 20 with demand.

By value (7,437.50): LOW and STEADY A (0 % and 47.1 % before them), LOW2 B (94.1 %), SPORADIC C (98.8 %). Every
weekly series but SPORADIC's is constant (CV 0, X); SPORADIC's weeks of 5 and 0 have CV √(13/7) = 1.36 (Z).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from domain.planning import run as planning
from persistence.planning.classes import ClassStore
from persistence.planning.queries import reader
from tests.planning_data import DAYS
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship
from ui.models.products import ProductTableModel
from ui.models.stock import StockTableModel
from ui.screens.replenishment import ReplenishmentModel
from ui.screens.replenishment import ReplenishmentScreen


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    def daily(day):
        yield ship("LOW", 10, "MAIN", day)
        yield ship("STEADY", 10, "MAIN", day)
        yield ship("LOW2", 1, "WEST", day)
        if day % 21 == 2:
            yield ship("SPORADIC", 5, "MAIN", day)

    return business(
        tmp_path_factory.mktemp("classes") / "template.sqlite3", suppliers={"NB": 14, "SH": 7},
        products={"LOW": "NB", "LOW2": "SH", "STEADY": "NB", "SPORADIC": "NB"},
        opening={("LOW", "MAIN"): 10 * DAYS + 50, ("LOW2", "WEST"): DAYS + 5, ("STEADY", "MAIN"): 10 * DAYS + 600,
                 ("SPORADIC", "MAIN"): 200},
        daily=daily)


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path, "classes.sqlite3")
    yield database
    database.close()


EXPECTED = {"LOW": "AX", "STEADY": "AX", "LOW2": "BX", "SPORADIC": "CZ"}


def _plan(db) -> None:
    planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, run=planning.RunControl(classes=ClassStore(db.engine)))


def _column(proxy, column: int, key: int = 0) -> dict[str, str]:
    return {proxy.index(i, key).data(): proxy.index(i, column).data() for i in range(proxy.rowCount())}


def _sorted(proxy, column: int) -> list[str]:
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    return [proxy.index(i, column).data() for i in range(proxy.rowCount())]


def _pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data) if data is not None else 0)


def test_products_show_the_last_run_s_class_sort_and_filter_by_it(qtbot, db, make_services):
    from ui.screens.products import ProductsScreen

    _plan(db)
    screen = ProductsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 4 and bool(screen.model.classes))
    m = ProductTableModel
    assert screen.model.headerData(m.CLASS, Qt.Orientation.Horizontal) == "ABC/XYZ"
    assert _column(screen.proxy, m.CLASS) == EXPECTED
    assert _sorted(screen.proxy, m.CLASS) == ["AX", "AX", "BX", "CZ"]
    _pick(screen.class_filter, "B")
    assert _column(screen.proxy, m.CLASS) == {"LOW2": "BX"}
    _pick(screen.class_filter, "X")
    assert set(_column(screen.proxy, m.CLASS)) == {"LOW", "STEADY", "LOW2"}
    _pick(screen.class_filter, "CZ")
    assert _column(screen.proxy, m.CLASS) == {"SPORADIC": "CZ"}
    _pick(screen.class_filter, None)
    assert screen.proxy.rowCount() == 4


def test_products_before_any_planning_run_show_no_class_and_sort_them_last(qtbot, db, make_services):
    from ui.screens.products import ProductsScreen

    screen = ProductsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 4)
    assert set(_column(screen.proxy, ProductTableModel.CLASS).values()) == {""}
    _pick(screen.class_filter, "A")
    assert screen.proxy.rowCount() == 0


def test_stock_shows_each_row_s_product_class_and_filters_by_it(qtbot, db, make_services):
    from ui.screens.stock import StockScreen

    _plan(db)
    screen = StockScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 4 and bool(screen.model.classes))
    m = StockTableModel
    assert _column(screen.proxy, m.CLASS) == EXPECTED
    assert _sorted(screen.proxy, m.CLASS) == ["AX", "AX", "BX", "CZ"]
    _pick(screen.class_filter, "Z")
    assert _column(screen.proxy, m.CLASS) == {"SPORADIC": "CZ"}
    _pick(screen.warehouse, "WEST")
    assert screen.proxy.rowCount() == 0  # the filters add up
    _pick(screen.class_filter, "BX")
    assert _column(screen.proxy, m.CLASS) == {"LOW2": "BX"}


@pytest.fixture
def screen(qtbot, make_services):
    widget = ReplenishmentScreen(make_services())
    widget.today, widget.weeks = TODAY, WEEKS
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def _run(qtbot, screen) -> None:
    screen.refresh()
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)


def test_replenishment_lists_the_class_beside_each_alert_and_filters_by_class_or_cell(qtbot, screen):
    _run(qtbot, screen)
    m = ReplenishmentModel
    assert _column(screen.proxy, m.ABC_XYZ) == {"LOW": "AX", "LOW2": "BX"}
    assert _sorted(screen.proxy, m.ABC_XYZ) == ["AX", "BX"]
    _pick(screen.filters["class"], "BX")
    assert set(_column(screen.proxy, m.ABC_XYZ)) == {"LOW2"}
    _pick(screen.filters["class"], "X")
    assert set(_column(screen.proxy, m.ABC_XYZ)) == {"LOW", "LOW2"}
    _pick(screen.filters["class"], "A")
    assert set(_column(screen.proxy, m.ABC_XYZ)) == {"LOW"}
    row = next(r for r in screen.proxy.visible_rows())
    assert row.explanation["xyz_class"] == "X" and row.explanation["service_source"] == "cost"
    from ui.screens.replenishment import explanation_html

    html = explanation_html(row)
    assert "XYZ class (demand variability)</td><td style='padding-left:12px'>X<" in html
    assert "ABC ranked by</td><td style='padding-left:12px'>annual demand value<" in html


def test_the_matrix_counts_products_and_value_per_cell_and_a_click_filters_the_list(qtbot, screen):
    _run(qtbot, screen)
    screen.open_matrix()
    dialog = screen.matrix_dialog
    qtbot.waitUntil(lambda: bool(dialog.classes))
    assert dialog.isVisible()
    cells = {dialog.table.item(r, c).data(Qt.ItemDataRole.UserRole): dialog.table.item(r, c).text()
             for r in range(3) for c in range(3)}
    assert cells["AX"] == "AX\n2 product(s)\n7,000.00"
    assert cells["BX"] == "BX\n1 product(s)\n350.00" and cells["CZ"] == "CZ\n1 product(s)\n87.50"
    assert cells["AY"] == "AY\n0 product(s)\n0.00"
    assert "4 product(s)" in dialog.total.text() and "7,437.50" in dialog.total.text()
    shade = {k: dialog.table.item(r, c).background().color().lightness()
             for r, a in enumerate("ABC") for c, x in enumerate("XYZ") for k in [a + x]}
    assert shade["AX"] < shade["BX"] < shade["AY"] == 255  # the more value, the darker; an empty cell white

    bx = dialog.table.visualItemRect(dialog.table.item(1, 0)).center()
    from PySide6.QtTest import QTest

    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=bx)
    assert screen.filters["class"].currentData() == "BX"
    assert {r.sku for r in screen.proxy.visible_rows()} == {"LOW2"}
    dialog.table.cellClicked.emit(2, 2)  # CZ: SPORADIC has no alert
    assert screen.proxy.rowCount() == 0
    dialog.all_button.click()
    assert screen.filters["class"].currentData() is None and screen.proxy.rowCount() == 2


def test_the_matrix_before_any_run_says_to_run_planning(qtbot, screen):
    screen.open_matrix()
    dialog = screen.matrix_dialog
    qtbot.waitUntil(lambda: "F5" in dialog.intro.text())
    assert dialog.table.item(0, 0).text() == "AX\n0 product(s)\n0.00"


def test_while_the_classes_are_read_the_matrix_says_so_instead_of_no_run_yet(qtbot, screen, monkeypatch):
    """Opened after a run, the matrix said "No planning run has classified the products yet" until the stored
    classes had been read in the background."""
    import threading

    _run(qtbot, screen)
    release = threading.Event()
    read = screen.services.planning.classes

    def held():
        release.wait(30)
        return read()

    monkeypatch.setattr(screen.services.planning, "classes", held)
    screen.open_matrix()
    dialog = screen.matrix_dialog
    assert "Reading" in dialog.intro.text() and "F5" not in dialog.intro.text()
    release.set()
    qtbot.waitUntil(lambda: bool(dialog.classes))
    assert "From the last planning run" in dialog.intro.text()


def test_settings_planning_page_ranks_by_volume_and_the_next_run_follows(qtbot, db, make_services):
    from domain.planning.settings import abc_basis
    from ui.screens.settings import SettingsScreen

    settings = SettingsScreen(make_services())
    qtbot.addWidget(settings)
    page = settings.page("planning")
    qtbot.waitUntil(lambda: page.basis.currentData() == "value")
    page.basis.setCurrentIndex(page.basis.findData("volume"))
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert abc_basis(db.uow()) == "volume"
    control = planning.RunControl(classes=ClassStore(db.engine))
    planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, run=control)
    assert {c.basis for c in control.classified.values()} == {"volume"}
