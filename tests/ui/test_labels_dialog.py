"""Barcode labels (条码标签) from the window: the Products screen's Print labels… (Ctrl+L) for the selected products,
the Receive screen's Labels… for a posted receipt; the PDF made on the task runner, cancellable, never half-written."""

from __future__ import annotations

import re
import subprocess
import threading

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from tests.ui.test_receive_po import issued_po
from tests.ui.test_receive_po import open_receive


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), cc.AddSupplier("ACME", "Acme Tools"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀 Screwdriver", barcodes=("6901234567892",)))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer"))
    catalog.add_product(uow(), cc.AddProduct("GL-1", "Glue"))
    return make_services(user="clerk")


@pytest.fixture
def opened(monkeypatch):
    from ui.screens.sales import printing

    seen: list = []
    monkeypatch.setattr(printing, "open_pdf", seen.append)
    return seen


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.products import ProductsScreen

    widget = ProductsScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: not widget.loading and widget.model.rowCount() == 3)
    return widget


def select(screen, *skus: str) -> None:
    screen.table.clearSelection()
    for r in range(screen.proxy.rowCount()):
        index = screen.proxy.index(r, 0)
        if screen.model.row(screen.proxy.mapToSource(index).row()).sku in skus:
            screen.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select
                                                 | QItemSelectionModel.SelectionFlag.Rows)
            screen.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def open_dialog(qtbot, screen, services):
    screen.activateWindow()
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    QTest.keySequence(screen.table, QKeySequence("Ctrl+L"))
    dialog = screen.labels_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: services.tasks.busy == 0 and dialog.levels_loaded)
    return dialog


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_ctrl_l_labels_the_selected_products_with_the_chosen_layout_and_count(qtbot, screen, services, opened,
                                                                               tmp_path):
    select(screen, "SD-1", "HM-1")
    assert screen.selected_skus() == ["SD-1", "HM-1"] or sorted(screen.selected_skus()) == ["HM-1", "SD-1"]
    assert "&l" in screen.labels_button.text().lower()
    dialog = open_dialog(qtbot, screen, services)
    assert dialog.skus and sorted(dialog.skus) == ["HM-1", "SD-1"]
    assert re.fullmatch(r"labels-\d{4}-\d{2}-\d{2}\.pdf", dialog.file.text().rsplit("/", 1)[-1])
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("40x30"))
    assert "40 × 30 mm" in dialog.layout_box.currentText()
    dialog.count.setValue(3)
    target = tmp_path / "out" / "shelf.pdf"
    dialog.file.setText(str(target))
    QTest.keyClick(dialog.file, Qt.Key.Key_Return)  # Enter prints
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [target]
    assert pages(target) == 6  # 2 products × 3, one thermal label a page
    text = pdf_text(target)
    assert text.count("Screwdriver") == 3 and text.count("Hammer") == 3 and "Glue" not in text
    assert not [p for p in target.parent.iterdir() if p != target]  # no temporary file left beside it


def test_the_dialogs_alt_keys_reach_every_control(qtbot, screen, services):
    select(screen, "GL-1")
    dialog = open_dialog(qtbot, screen, services)
    texts = [dialog.layout_label.text(), dialog.count_label.text(), dialog.level_label.text(),
             dialog.file_label.text(), dialog.browse.text(), dialog.print_button.text(), dialog.cancel_button.text(),
             *(box.text() for box in dialog.checks.values())]
    letters = [re.search(r"&(\w)", t).group(1).lower() for t in texts]
    assert len(set(letters)) == len(letters), letters
    QTest.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Count per pro&duct
    qtbot.waitUntil(dialog.count.hasFocus)
    QTest.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.file.hasFocus)
    QTest.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.layout_box.hasFocus)
    assert dialog.checks["sku"].isChecked()
    QTest.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # S&KU
    qtbot.waitUntil(lambda: not dialog.checks["sku"].isChecked())  # a mnemonic clicks the box (animated)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels
    assert not dialog.isVisible()


def test_the_last_choices_are_remembered_for_the_next_labels(qtbot, screen, services, opened, tmp_path):
    select(screen, "HM-1")
    dialog = open_dialog(qtbot, screen, services)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a4-4x10"))
    dialog.count.setValue(7)
    dialog.checks["price"].setChecked(False)
    dialog.file.setText(str(tmp_path / "a.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert pages(tmp_path / "a.pdf") == 1 and pdf_text(tmp_path / "a.pdf").count("Hammer") == 7
    again = open_dialog(qtbot, screen, services)
    assert again is not dialog
    assert again.layout_box.currentData() == "a4-4x10" and again.count.value() == 7
    assert not again.checks["price"].isChecked() and again.checks["barcode"].isChecked()
    assert again.file.text().startswith(str(tmp_path))  # the folder saved to last, today's name


def test_cancel_stops_the_drawing_and_leaves_no_file(qtbot, screen, services, opened, tmp_path, monkeypatch):
    from ui.dialogs import labels

    reached, release = threading.Event(), threading.Event()

    def held(done: int, total: int) -> None:
        if done == 5:
            reached.set()
            release.wait(20)

    monkeypatch.setattr(labels, "label_drawn", held)
    select(screen, "SD-1", "HM-1", "GL-1")
    dialog = open_dialog(qtbot, screen, services)
    dialog.count.setValue(200)
    target = tmp_path / "many.pdf"
    dialog.file.setText(str(target))
    dialog.start()
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    assert dialog.isVisible() and dialog.running
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc, as Cancel, stops after this label
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert not dialog.isVisible() and opened == []
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".labels-*")) == []


def test_a_posted_receipts_labels_one_per_unit_received(qtbot, services, opened, tmp_path):
    number = issued_po(services, lines=(("SD-1", "3", "2.50"), ("HM-1", "2", "12")))
    purchasing.receive(services.uow(), pc.ReceivePurchaseOrder(number, (("SD-1", "3"), ("HM-1", "2"))))
    screen = open_receive(qtbot, services)
    screen.refresh_posted()
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    screen.posted.selectRow(0)
    dialog = screen.labels_for_selected()
    qtbot.waitUntil(lambda: services.tasks.busy == 0 and dialog.levels_loaded)
    assert dialog.per_unit.isChecked() and not dialog.count.isEnabled()
    texts = [dialog.layout_label.text(), dialog.per_unit.text(), dialog.per_line.text(), dialog.level_label.text(),
             dialog.file_label.text(), dialog.browse.text(), dialog.print_button.text(), dialog.cancel_button.text(),
             *(box.text() for box in dialog.checks.values())]
    letters = [re.search(r"&(\w)", t).group(1).lower() for t in texts]
    assert len(set(letters)) == len(letters), letters
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("50x30"))
    dialog.file.setText(str(tmp_path / "gr.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    text = pdf_text(tmp_path / "gr.pdf")
    assert pages(tmp_path / "gr.pdf") == 5 and text.count("Screwdriver") == 3 and text.count("Hammer") == 2


def test_each_layouts_text_says_the_label_size_the_pdf_draws(qtbot, screen, services):
    from ui.pdf.labels import LAYOUTS

    select(screen, "GL-1")
    dialog = open_dialog(qtbot, screen, services)
    for i in range(dialog.layout_box.count()):
        layout = LAYOUTS[dialog.layout_box.itemData(i)]
        size = f"{layout.label_w:g} × {layout.label_h:g} mm" if layout.label_w == int(layout.label_w) else \
            f"{layout.label_w:.1f} × {layout.label_h:g} mm"
        assert size in dialog.layout_box.itemText(i), (size, dialog.layout_box.itemText(i))
