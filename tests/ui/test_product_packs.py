"""The product editor's packaging units: prefilled, edited in their dialog through Alt keys, saved with the product
in one transaction, and a barcode another product holds refused under the row, naming that product."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog import packaging
from tests.ui import test_product_edit as edit
from tests.ui.test_product_edit import open_editor
from ui.screens.product_packs import PackUnitsDialog

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def services(db, make_services):
    return edit.services.__wrapped__(db, make_services)


@pytest.fixture
def screen(qtbot, services):
    return edit.screen.__wrapped__(qtbot, services)


def units_of(services, sku: str) -> list[tuple[str, Decimal, list[str]]]:
    return [(u.name, u.per, u.barcodes) for u in packaging.pack_units_of(services.uow(), sku)[1]]


def test_alt_u_opens_the_packs_where_one_is_added_and_one_removed_and_save_keeps_them(qtbot, screen, services):
    packaging.add_pack_unit(services.uow(), cc.AddPackUnit("SD-1", cc.PackUnitInput("盒", "6", ("26901",))))
    editor = open_editor(qtbot, screen, "SD-1")
    assert editor.packs.summary.text() == "1 盒 = 6 pcs · 26901"
    seen = {}

    def in_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PackUnitsDialog) or QApplication.activeWindow() is not dialog:  # not yet: again soon
            QTimer.singleShot(10, in_dialog)
            return
        try:
            in_open(dialog)
        finally:  # whatever happened, the modal loop ends (an assertion here would otherwise hang the test)
            seen.setdefault("after", None)
            dialog.accept()

    def in_open(dialog):
        seen["rows"] = dialog.table.rowCount()
        # (the dialog's own Alt keys, as its buttons carry them: a key sent inside its modal loop does not reach them)
        assert (dialog.add_button.shortcut(), dialog.remove_button.shortcut()) == (QKeySequence("Alt+A"),
                                                                                  QKeySequence("Alt+M"))
        assert dialog.label.buddy() is dialog.table and "&k" in dialog.label.text()
        dialog.add_button.click()  # a row to type the carton in
        row = dialog.table.rowCount() - 1
        for column, text in enumerate(("箱", "12", "16901, 16902")):
            dialog.table.item(row, column).setText(text)
        dialog.add_button.click()  # one too many …
        dialog.remove_button.click()  # … taken away again
        seen["after"] = dialog.table.rowCount()

    editor.show()
    qtbot.waitExposed(editor)
    QTimer.singleShot(10, in_dialog)
    qtbot.keyClick(editor, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: "after" in seen)
    assert seen == {"rows": 1, "after": 2}
    assert "1 箱 = 12 pcs · 16901, 16902" in editor.packs.summary.text()
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.submit()
    assert units_of(services, "SD-1") == [("盒", Decimal(6), ["26901"]), ("箱", Decimal(12), ["16901", "16902"])]


def test_a_pack_barcode_another_product_holds_is_refused_under_the_row_and_nothing_is_saved(qtbot, screen, services):
    editor = open_editor(qtbot, screen, "SD-1")
    editor.edits["name"].setText("螺丝刀（新）")
    editor.packs.set_units((cc.PackUnitInput("箱", "12", ("555",)),))  # HM-1's barcode
    editor.submit()
    qtbot.waitUntil(lambda: not editor.packs.error.isHidden())
    assert editor.packs.error.text() == "barcode 555 is already used by product HM-1"
    assert catalog.get_product(services.uow(), "SD-1").name == "螺丝刀"  # the product's change neither
    assert units_of(services, "SD-1") == []
    editor.packs.set_units((cc.PackUnitInput("箱", "12.5", ()),))
    editor.submit()
    qtbot.waitUntil(lambda: not editor.packs.error.isHidden())
    assert editor.packs.error.text().startswith("units per pack: 12.5 is not a whole number")
