"""The office corrects its spreadsheet where the report says, saves it and checks again without starting over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_import_wizard import open_file
from tests.ui.test_import_wizard import services  # noqa: F401 - the fixture
from ui.dialogs.import_wizard import ImportWizard

BAD = "货号,品名,箱规\nLS-001,十字螺丝刀,12\nLS-001,十字螺丝刀(重复),12\n,无货号的扳手,1\nBS-200,活动扳手,-6\n"
CORRECTED = "货号,品名,箱规\nLS-001,十字螺丝刀,12\nBS-200,活动扳手,6\n"


def checked(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.result is not None and wizard.again_button.isEnabled(), timeout=10_000)


def checked_with_problems(qtbot, services, tmp_path) -> tuple[ImportWizard, object]:  # noqa: F811
    """A wizard that has checked BAD: the office now corrects the file."""
    path = tmp_path / "商品资料.csv"
    path.write_text(BAD, encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path)
    wizard.next_button.click()
    checked(qtbot, wizard)
    return wizard, path


@pytest.mark.parametrize("press", ["alt", "f5"])
def test_the_corrected_file_is_read_again_when_checked_again(qtbot, services, tmp_path, press):  # noqa: F811
    path = tmp_path / "商品资料.csv"
    path.write_text(BAD, encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    open_file(qtbot, wizard, path)
    wizard.next_button.click()
    checked(qtbot, wizard)
    assert [wizard.report_table.item(r, 0).text() for r in range(wizard.report_table.rowCount())] == ["3", "4", "5"]
    assert "Check again" in wizard.report_label.text() and not wizard.import_button.isEnabled()

    path.write_text(CORRECTED, encoding="utf-8")  # corrected in Excel and saved under the same name
    if press == "alt":  # an Alt letter clicks its button after a moment, as a click looks
        with qtbot.waitSignal(wizard.again_button.clicked):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    else:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert wizard.result is None  # the file is being read and checked again
    checked(qtbot, wizard)
    assert wizard.report_table.rowCount() == 0
    assert wizard.preview_table.rowCount() == 2 and wizard.preview_table.item(1, 3).text() == "6"
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    assert [(p.sku, p.pack_size) for p in services.catalog.products()] == [("BS-200", 6), ("LS-001", 12)]


def test_back_and_next_also_check_the_file_as_it_is_now(qtbot, services, tmp_path):  # noqa: F811
    wizard, path = checked_with_problems(qtbot, services, tmp_path)
    path.write_text(CORRECTED, encoding="utf-8")
    wizard.back_button.click()
    wizard.next_button.click()
    checked(qtbot, wizard)
    assert wizard.report_table.rowCount() == 0 and wizard.import_button.isEnabled()


def test_a_corrected_file_whose_columns_changed_goes_back_to_choosing_them(qtbot, services, tmp_path):  # noqa: F811
    wizard, path = checked_with_problems(qtbot, services, tmp_path)
    path.write_text("商品编码,商品名称\nLS-001,十字螺丝刀\n", encoding="utf-8")
    wizard.again_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == ImportWizard.MAP, timeout=10_000)
    assert wizard.combos["sku"].currentData() == "商品编码" and wizard.combos["name"].currentData() == "商品名称"
    assert "columns changed" in wizard.message.text() and not wizard.import_button.isVisible()
