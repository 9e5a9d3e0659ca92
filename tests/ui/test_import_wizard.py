"""The import wizard (choose → map → check → import, all in the background) and Export to Excel of a screen's table."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from domain import catalog
from domain import commands as c
from ui.app import create_main_window
from ui.dialogs.export_table import export_view
from ui.dialogs.export_table import table_of
from ui.dialogs.import_wizard import ImportWizard

PRODUCTS = "货号,品名,单位,条码,类别\nSD-6,十字螺丝刀,把,6901234567892,工具\nHM-1,羊角锤,把,,工具\n"


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
    return make_services()


def open_file(qtbot, wizard: ImportWizard, path, kind: str = "products") -> None:
    wizard.kind.setCurrentIndex(wizard.kind.findData(kind))
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == ImportWizard.MAP, timeout=10_000)


def test_the_wizard_guesses_the_columns_checks_every_row_and_imports_in_the_background(qtbot, services, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes(PRODUCTS.encode("gbk"))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    assert not wizard.next_button.isEnabled()  # no file yet
    open_file(qtbot, wizard, path)
    assert {k: combo.currentData() for k, combo in wizard.combos.items() if combo.currentData()} == {
        "sku": "货号", "name": "品名", "unit": "单位", "barcode": "条码", "category": "类别"}
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=10_000)
    assert wizard.preview_table.rowCount() == 2
    assert wizard.preview_table.item(0, 1).text() == "SD-6"
    assert wizard.report_table.rowCount() == 0
    assert "2 new" in wizard.report_label.text()
    assert services.queries.products() == []  # checked, not written
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    assert "2 added" in wizard.message.text()
    assert not wizard.import_button.isEnabled() and not wizard.back_button.isEnabled()
    assert [p.sku for p in services.queries.products()] == ["HM-1", "SD-6"]


def test_a_file_with_bad_rows_shows_the_report_and_cannot_be_imported(qtbot, services, tmp_path):
    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀"))
    path = tmp_path / "stock.csv"
    path.write_text("货号,仓库,数量,单价\nSD-6,SH,十,4.2\nXX,GZ,5,1\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    report = [[wizard.report_table.item(r, col).text() for col in range(3)]
              for r in range(wizard.report_table.rowCount())]
    assert report == [["2", "数量", "'十' is not a number"], ["3", "货号", "no product has the SKU or barcode 'XX'"],
                      ["3", "仓库", "no warehouse has the code 'GZ'"]]
    assert "2 rows have problems" in wizard.report_label.text()
    assert not wizard.import_button.isEnabled()
    assert services.queries.movements() == []


def test_a_file_that_cannot_be_read_says_why_and_stays_on_the_first_step(qtbot, services, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("SKU,Name\nA-1,Crème brûlée\n".encode("latin-1"))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "Not imported" in wizard.message.text(), timeout=10_000)
    assert "GB18030/GBK" in wizard.message.text()
    assert wizard.pages.currentIndex() == ImportWizard.CHOOSE


def test_the_file_menu_has_import_and_export_with_their_shortcuts(qtbot, services):
    window = create_main_window(services)
    qtbot.addWidget(window)
    actions = {a.shortcut().toString(): a for a in window.file_menu.actions()}
    assert actions["Ctrl+I"] is window.import_action
    assert actions["Ctrl+Shift+E"] is window.export_action
    assert window.export_action.shortcut() != QKeySequence("Ctrl+E")  # the Products screen's edit key


def test_export_writes_the_visible_columns_in_screen_order_and_the_filtered_rows(qtbot, services, tmp_path):
    from openpyxl import load_workbook

    for sku, name in (("SD-6", "十字螺丝刀"), ("HM-1", "羊角锤"), ("TP-3", "胶带")):
        catalog.add_product(services.uow(), c.AddProduct(sku, name, unit="把"))
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("products")
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 3, timeout=10_000)
    view = table_of(screen)
    assert view is screen.table
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(1), 0)  # Name first
    view.setColumnHidden(3, True)
    screen.search.setText("锤")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=10_000)
    shown = [view.model().headerData(header.logicalIndex(i), header.orientation())
             for i in range(header.count()) if not view.isColumnHidden(header.logicalIndex(i))]
    target = tmp_path / "products.xlsx"
    with qtbot.waitSignal(export_view(window, services, view, target, "Products").done, timeout=10_000):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == shown
    assert rows[0][0] == view.model().headerData(1, header.orientation())
    assert len(rows) == 2 and rows[1][0] == "羊角锤" and "HM-1" in rows[1]
