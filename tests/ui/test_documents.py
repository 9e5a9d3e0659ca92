"""The document-entry screens through the keyboard: scan, post with Ctrl+Enter, refusals, reversal, counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from bootstrap import bind
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from tests import clock
from ui.services import Services
from ui.tasks import TaskRunner

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def document_services(db, tmp_path):
    """Services on a small catalogue (A-1 with a barcode, B-2, C-3; W1, W2; SUP; CUS) as user clerk."""
    QCoreApplication.setOrganizationName("StockroomTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("A-1", "螺丝刀 Screwdriver", barcodes=("6901234567892",), category="tools"))
    catalog.add_product(uow(), c.AddProduct("B-2", "Hammer", category="tools"))
    catalog.add_product(uow(), c.AddProduct("C-3", "Glue", category="chemicals"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W2", "Shop"))
    catalog.add_supplier(uow(), c.AddSupplier("SUP", "Supplier"))
    catalog.add_customer(uow(), c.AddCustomer("CUS", "Customer"))
    tasks = TaskRunner()
    yield Services.over(bind(db), tasks, user="clerk")
    tasks.wait()


def open_screen(qtbot, services, cls):
    screen = cls(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.codes_ready and screen.warehouse.count() > 0)
    screen.scan.setFocus()
    qtbot.waitUntil(screen.scan.hasFocus)
    return screen


def scan(qtbot, screen, code: str) -> None:
    qtbot.keyClicks(screen.scan, code)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)


def post(qtbot, screen) -> None:
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not screen._posting, timeout=10_000)


def set_cell(screen, row: int, key: str, text: str) -> bool:
    return screen.model.setData(screen.model.index(row, screen.model.column(key)), text)


def test_a_receipt_and_a_shipment_posted_through_the_screens_change_the_stock(qtbot, services):
    from ui.screens.documents import ReceiveScreen
    from ui.screens.documents import ShipScreen

    receive = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, receive, "A-1")
    scan(qtbot, receive, "6901234567892")
    scan(qtbot, receive, "B-2")
    assert [(x.sku, x.qty) for x in receive.model.lines] == [("A-1", 2), ("B-2", 1)]
    assert set_cell(receive, 0, "qty", "12")
    assert set_cell(receive, 0, "unit_cost", "2.50")
    assert set_cell(receive, 1, "unit_cost", "10")
    receive.partner.setEditText("SUP")
    qtbot.keyClicks(receive.reference, "DN-77")
    receive.scan.setFocus()
    post(qtbot, receive)
    qtbot.waitUntil(lambda: receive.posted_model.rowCount() == 1)
    [doc] = receive.posted_model.rows
    assert doc.number in receive.result_label.text()
    assert (doc.partner, doc.reference, doc.total_value, doc.user) == ("SUP", "DN-77", Decimal("40.00"), "clerk")
    assert receive.model.rowCount() == 0 and receive.reference.text() == ""
    assert receive.scan.hasFocus()
    assert services.stock.on_hand("A-1", "W1") == 12

    ship = open_screen(qtbot, services, ShipScreen)
    for _ in range(3):
        scan(qtbot, ship, "A-1")
    post(qtbot, ship)
    qtbot.waitUntil(lambda: ship.posted_model.rowCount() == 1)
    assert ship.posted_model.rows[0].number.startswith("GI-")
    assert services.stock.on_hand("A-1", "W1") == 9


def test_a_burst_of_ten_scans_counts_every_scan(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    qtbot.keyClicks(screen.scan, "6901234567892\r" * 10)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 10)]
    assert screen.scan.text() == ""


def test_a_code_typed_in_another_case_or_full_width_scans_to_its_product(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    for typed in ("a-1", "Ａ－１", "A\u20101"):
        assert screen.apply_scan(typed)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 3)]


def test_scans_made_before_the_codes_are_loaded_are_kept(qtbot, services):
    from ui.screens.documents import ShipScreen

    screen = ShipScreen(services)
    qtbot.addWidget(screen)
    for _ in range(3):
        screen.scan.setText("B-2")
        screen.scan.returnPressed.emit()
    qtbot.waitUntil(lambda: screen.codes_ready)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("B-2", 3)]


def test_an_unknown_barcode_shows_a_message_beeps_and_keeps_the_focus(qtbot, services, monkeypatch):
    from ui.screens.documents import ReceiveScreen

    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "999000111")
    assert "999000111" in screen.scan_message.text()
    assert screen.scan_message.isVisible()
    assert beeps == [1]
    assert screen.scan.hasFocus()
    assert screen.model.rowCount() == 0
    scan(qtbot, screen, "A-1")
    assert screen.scan_message.text() == ""


def test_a_refused_shipment_shows_its_message_on_the_line_and_posts_nothing(qtbot, services, monkeypatch):
    from ui.screens.documents import ShipScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "5", "1"),
                                                                  LineInput("B-2", "1", "1"))))
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "B-2")
    assert set_cell(screen, 1, "qty", "4")
    post(qtbot, screen)
    message = screen.line_error.text()
    assert "Line 2" in message and "B-2" in message and "1 on hand" in message and "4 asked" in message
    assert screen.model.lines[1].error == message
    assert screen.model.lines[0].error == ""
    assert screen.model.rowCount() == 2  # the clerk's lines stay for correction
    assert services.stock.on_hand("A-1", "W1") == 5
    assert services.stock.on_hand("B-2", "W1") == 1
    assert services.documents.document_list(kind="shipment") == []
    assert screen.scan.hasFocus()


def test_a_quantity_typed_in_the_grid_is_checked(qtbot, services, monkeypatch):
    from ui.screens.documents import ReceiveScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    assert not set_cell(screen, 0, "qty", "-3")
    assert "Line 1" in screen.line_error.text() and "negative" in screen.line_error.text()
    assert not set_cell(screen, 0, "qty", "1.23456")
    assert screen.model.lines[0].qty == 1
    assert not set_cell(screen, 0, "qty", "1.5")  # A-1 is counted in whole pieces (test_held_whole_units)
    assert "not a whole number" in screen.line_error.text()
    assert set_cell(screen, 0, "qty", "15")
    assert screen.model.lines[0].qty == Decimal(15)


def test_delete_removes_the_selected_line(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "B-2")
    screen.grid.setFocus()
    screen.grid.selectRow(0)
    qtbot.keyClick(screen.grid, Qt.Key.Key_Delete)
    assert [x.sku for x in screen.model.lines] == ["B-2"]
    scan(qtbot, screen, "B-2")
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("B-2", 2)]


def test_reversing_a_posted_document_asks_first_and_restores_the_stock(qtbot, services, monkeypatch):
    from ui.screens.documents import ReceiveScreen

    doc = post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "5", "1"),)))
    screen = open_screen(qtbot, services, ReceiveScreen)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    screen.tabs.setCurrentIndex(1)
    screen.posted.selectRow(0)
    screen.open_selected()
    qtbot.waitUntil(lambda: screen.posted_lines_model.rowCount() == 1)
    assert screen.posted_lines_model.rows[0].sku == "A-1"

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    screen.reverse_selected()
    assert len(asked) == 1
    assert services.stock.on_hand("A-1", "W1") == 5

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.reverse_selected()
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1 and screen.posted_model.rows[0].reversed)
    assert doc.number in screen.posted_message.text()
    assert services.stock.on_hand("A-1", "W1") == 0


def test_a_count_sheet_loads_expected_quantities_and_posts_the_differences(qtbot, services):
    from ui.screens.documents import CountScreen

    post_document(services.uow(), PostDocument("receipt", "W1", (
        LineInput("A-1", "5", "1"), LineInput("B-2", "3", "1"), LineInput("C-3", "9", "1"))))
    screen = open_screen(qtbot, services, CountScreen)
    qtbot.waitUntil(lambda: screen.category.count() == 3)
    screen.category.setCurrentIndex(screen.category.findData("tools"))
    screen.load_expected()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert [(x.sku, x.expected, x.counted) for x in screen.model.lines] == [("A-1", 5, None), ("B-2", 3, None)]
    scan(qtbot, screen, "6901234567892")
    scan(qtbot, screen, "A-1")
    assert screen.model.lines[0].counted == 2
    # the footer counts lines counted and differing, not a sum of the quantities of different products
    assert "Counted: 1 · with a difference: 1" in screen.totals.text()
    assert set_cell(screen, 1, "counted", "3")  # as expected: counted, no difference
    assert "Counted: 2 · with a difference: 1" in screen.totals.text()
    assert set_cell(screen, 1, "counted", "")
    post(qtbot, screen)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    assert services.stock.on_hand("A-1", "W1") == 2  # counted 2
    assert services.stock.on_hand("B-2", "W1") == 3  # left blank: unchanged
    assert services.stock.on_hand("C-3", "W1") == 9  # another category
    assert screen.posted_model.rows[0].number.startswith("SC-")


def test_a_transfer_and_an_adjustment_post_from_their_screens(qtbot, services):
    from ui.screens.documents import AdjustScreen
    from ui.screens.documents import TransferScreen

    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "5", "1"),)))
    transfer = open_screen(qtbot, services, TransferScreen)
    assert transfer.to_warehouse.currentData() == "W2"
    scan(qtbot, transfer, "A-1")
    scan(qtbot, transfer, "A-1")
    post(qtbot, transfer)
    qtbot.waitUntil(lambda: transfer.posted_model.rowCount() == 1)
    assert services.stock.on_hand("A-1", "W2") == 2

    adjust = open_screen(qtbot, services, AdjustScreen)
    scan(qtbot, adjust, "A-1")
    assert set_cell(adjust, 0, "qty", "-1")
    post(qtbot, adjust)
    assert "Reason is required" in adjust.line_error.text()
    assert set_cell(adjust, 0, "reason", "broken in handling")
    post(qtbot, adjust)
    qtbot.waitUntil(lambda: adjust.posted_model.rowCount() == 1)
    assert services.stock.on_hand("A-1", "W1") == 2


def test_the_screen_retranslates_on_a_language_change(qtbot, services):
    from PySide6.QtCore import QTranslator

    from ui.screens.documents import ReceiveScreen

    class Pirate(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return f"<{source}>" if context in ("DocumentEntry", "DocumentLinesModel") else ""

        def isEmpty(self) -> bool:
            return False

    screen = open_screen(qtbot, services, ReceiveScreen)
    translator = Pirate()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: screen.post_button.text().startswith("<"))
        assert screen.tabs.tabText(0) == "<New receipt>"
        assert screen.model.headerData(screen.model.column("sku"), Qt.Orientation.Horizontal) == "<SKU>"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "New receipt")


def test_a_refusal_reaches_the_clerk_in_chinese(qtbot, services, monkeypatch):
    from ui import i18n
    from ui.screens.documents import ShipScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, ShipScreen)
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "新建出库单")
        scan(qtbot, screen, "C-3")
        post(qtbot, screen)
        assert screen.line_error.text() == "第 1 行：C-3（Glue）在 W1 库存不足：现有 0，需要 1。"
        scan(qtbot, screen, "NOPE")
        assert screen.scan_message.text() == "未知编码 NOPE：没有商品使用此货号或条码。"  # 货号 everywhere (issue 18)
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "New shipment")
    assert screen.line_error.text().startswith("Line 1: Not enough C-3")


def test_a_receipt_line_without_a_unit_cost_is_refused_in_the_clerks_language(qtbot, services, monkeypatch):
    """The domain refuses "unit cost: is required; enter a number such as 12 or 2.50": the advice after the problem
    kept it from being recognised, and the Chinese window said 第 1 行：单位成本：is required; enter a number…"""
    from ui import i18n
    from ui.screens.documents import ReceiveScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    post(qtbot, screen)
    assert screen.line_error.text() == "Line 1: Unit cost is required."
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        qtbot.waitUntil(lambda: screen.line_error.text() == "第 1 行：请填写单位成本。")
        post(qtbot, screen)
        assert screen.line_error.text() == "第 1 行：请填写单位成本。"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_a_field_problem_with_a_code_is_said_in_chinese_and_keeps_its_advice_in_english(qapp, chinese):
    from domain.kernel import validate
    from domain.kernel.errors import BadInput
    from domain.stock.documents import DocumentError
    from ui import i18n
    from ui.screens.documents import describe

    with pytest.raises(BadInput) as caught:
        validate.number("unit cost", "1.23456", max_places=4)
    bad = caught.value
    refusal = DocumentError("bad_input", str(bad), line=2, field=bad.field,
                            params={"field": bad.field, "problem": bad.problem}, cause=bad)
    assert describe(refusal) == "第 2 行：单位成本：1.23456 的小数超过 4 位"
    i18n.set_language(i18n.ENGLISH, persist=False)
    assert describe(refusal) == "Line 2: Unit cost: 1.23456 has more than 4 decimal places"


def test_a_back_dated_shipment_that_a_later_one_refuses_is_said_in_chinese(qtbot, services, monkeypatch):
    """The ledger's refusal reaches the clerk from its code: the balance on the day it would leave, not today's."""
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from ui import i18n
    from ui.screens.documents import ShipScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    today = clock.today()
    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("C-3", "5", "1"),),
                                               business_date=today - timedelta(days=3)))
    post_document(services.uow(), PostDocument("shipment", "W1", (LineInput("C-3", "5"),)))
    screen = open_screen(qtbot, services, ShipScreen)
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "新建出库单")
        screen.date.setDate(QDate(today - timedelta(days=1)))
        scan(qtbot, screen, "C-3")
        post(qtbot, screen)
        said = screen.line_error.text()
        assert said.startswith("第 1 行：W1 中的 C-3（Glue）：这笔倒填日期的过账会使 ")
        assert said.endswith(" 时的库存为 -1；该仓库不允许负库存")
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    assert services.stock.on_hand("C-3", "W1") == 0


def test_ctrl_enter_while_a_cell_is_being_edited_posts_the_edited_value(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "B-2")
    assert set_cell(screen, 0, "unit_cost", "3")
    cell = screen.model.index(0, screen.model.column("qty"))
    screen.grid.setCurrentIndex(cell)
    screen.grid.edit(cell)
    editor = QApplication.focusWidget()
    assert editor is not screen.grid and screen.grid.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "6")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    assert services.stock.on_hand("B-2", "W1") == 6


DOCUMENT_CONTEXTS = {"DocumentEntry", "DocumentErrors", "DocumentLinesModel", "PostedDocumentsModel",
                     "PostedLinesModel"}


def test_every_string_of_the_document_screens_has_a_finished_chinese_translation():
    import xml.etree.ElementTree as ET

    from ui import i18n

    root = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts")).getroot()
    seen, unfinished = set(), []
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in DOCUMENT_CONTEXTS:
            continue
        seen.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not "".join(
                    translation.itertext()).strip():
                unfinished.append((name, message.findtext("source")))
    assert seen == DOCUMENT_CONTEXTS
    assert unfinished == []


@pytest.mark.parametrize(("code", "field", "params", "expected"), [
    ("insufficient_stock", "quantity", {"sku": "A-1", "name": "Nut", "warehouse": "W1", "on_hand": "2", "asked": "5"},
     "Line 3: Not enough A-1 (Nut) in W1: 2 on hand, 5 asked."),
    ("unknown_product", "SKU", {"code": "X9"}, "Line 3: No product has the SKU or barcode X9."),
    ("unknown_warehouse", "warehouse", {"code": "W9"}, "No warehouse has the code W9."),
    ("unknown_partner", "supplier", {"code": "S9"}, "No supplier has the code S9."),
    ("unknown_partner", "customer", {"code": "C9"}, "No customer has the code C9."),
    ("same_warehouse", "to warehouse", {"code": "W1"},
     "W1 is both the from and the to warehouse; choose another to warehouse."),
    ("duplicate_line", "SKU", {"sku": "A-1", "other": "1"},
     "Line 3: A-1 is already counted on line 1; enter one counted quantity per product."),
    ("no_lines", "lines", {}, "Nothing to post: scan a barcode or type a SKU and press Enter to add a line."),
    ("already_reversed", "", {"number": "GR-2026-00001"}, "Document GR-2026-00001 has already been reversed."),
    ("not_found", "number", {"number": "GR-1"}, "No posted document has the number GR-1."),
    ("cannot_reverse", "", {"number": "GR-1", "message": "short"}, "Document GR-1 cannot be reversed: short"),
    ("bad_input", "unit cost", {"field": "unit cost", "problem": "is required"}, "Line 3: Unit cost is required."),
    ("bad_input", "reason", {"field": "reason", "problem": "is 300 characters long"},
     "Line 3: Reason: is 300 characters long"),
])
def test_each_refusal_becomes_its_own_sentence(qapp, code, field, params, expected):
    from domain.stock.documents import DocumentError
    from ui.screens.documents import describe

    line = 3 if expected.startswith("Line") else None
    assert describe(DocumentError(code, "english text", line=line, field=field, params=params)) == expected


def test_an_unknown_code_reloads_an_old_code_map_so_a_product_added_meanwhile_scans_next_time(
        qtbot, services, monkeypatch):
    from ui.screens.documents import ReceiveScreen
    from ui.screens.documents import entry as documents

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, ReceiveScreen)
    catalog.add_product(services.uow(), c.AddProduct("N-9", "New nut", barcodes=("4006381333931",)))
    scan(qtbot, screen, "4006381333931")
    assert screen.model.rowCount() == 0 and "4006381333931" in screen.scan_message.text()
    monkeypatch.setattr(documents, "CODES_MAX_AGE", 0.0)
    scan(qtbot, screen, "4006381333931")
    qtbot.waitUntil(lambda: "4006381333931" in screen.codes)
    scan(qtbot, screen, "4006381333931")
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("N-9", 1)]


def test_scans_made_while_a_document_posts_go_to_the_next_document(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    assert set_cell(screen, 0, "unit_cost", "1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert screen._posting
    scan(qtbot, screen, "B-2")
    scan(qtbot, screen, "B-2")
    qtbot.waitUntil(lambda: not screen._posting)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    assert screen.posted_model.rows[0].line_count == 1
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("B-2", 2)]
    assert screen.posted_model.rows[0].number in screen.result_label.text()


def test_a_burst_of_unknown_codes_reloads_the_code_map_once(qtbot, services, monkeypatch):
    from ui.screens.documents import ReceiveScreen
    from ui.screens.documents import entry as documents

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, ReceiveScreen)
    loads = []
    real = services.documents.scan_codes
    monkeypatch.setattr(services.documents, "scan_codes", lambda: loads.append(1) or real())
    monkeypatch.setattr(documents, "CODES_MAX_AGE", 0.0)
    for k in range(5):
        scan(qtbot, screen, f"NOPE-{k}")
    qtbot.waitUntil(lambda: not screen._codes_loading)
    assert len(loads) == 1


def test_the_grid_refuses_exactly_the_quantities_and_costs_the_domain_refuses(qapp):
    from domain.kernel import limits
    from domain.kernel import validate
    from domain.kernel.errors import BadInput
    from domain.stock.documents import DocumentKind
    from ui.models.document_lines import DocumentLinesModel

    model = DocumentLinesModel(DocumentKind.RECEIPT)
    refused = []
    model.edit_refused.connect(lambda row, message: refused.append(message))
    model.scan("id-1", "A-1", "Screwdriver", "pcs")

    def cell(key: str, text: str) -> bool:
        return model.setData(model.index(0, model.column(key)), text)

    largest_cost = str(limits.COST_MAX - Decimal("0.00000001"))
    assert cell("unit_cost", largest_cost) and model.lines[0].unit_cost == Decimal(largest_cost)
    for text in (str(limits.COST_MAX), "20000000000", "1.123456789", "-1"):  # the domain refuses each
        with pytest.raises(BadInput):
            validate.money("unit cost", text)
        assert not cell("unit_cost", text)
    assert model.lines[0].unit_cost == Decimal(largest_cost)
    assert refused[:2] == ["Unit cost: the number is too large."] * 2
    assert refused[2:] == ["Unit cost: at most 8 decimal places are accepted.", "Unit cost must not be negative."]
    largest_qty = str(limits.QTY_MAX - Decimal("0.0001"))
    assert cell("qty", largest_qty) and model.lines[0].qty == Decimal(largest_qty)
    assert not cell("qty", str(limits.QTY_MAX)) and refused[-1] == "Qty: the number is too large."
    assert not cell("qty", "0") and refused[-1] == "Qty must be greater than 0."


def test_the_reference_hint_fits_each_kind_of_document(qtbot, services, chinese):
    """A count, a transfer or an adjustment has no delivery note or invoice; the Reference field asked for one."""
    from ui.screens.documents import AdjustScreen
    from ui.screens.documents import CountScreen
    from ui.screens.documents import ReceiveScreen
    from ui.screens.documents import TransferScreen

    hints = {cls: open_screen(qtbot, services, cls).reference.placeholderText()
             for cls in (ReceiveScreen, TransferScreen, CountScreen, AdjustScreen)}
    assert hints == {ReceiveScreen: "送货单、发票或订单号（可选）", TransferScreen: "调拨单号（可选）",
                     CountScreen: "盘点表编号（可选）", AdjustScreen: "审批单或报损单号（可选）"}


def test_an_unknown_code_s_refusal_stays_after_the_codes_it_reloads_come_back(qtbot, services, monkeypatch):
    """A code no product has beeps and says so beside the scan field, and reloads the codes (a product added
    since); when they came back the line was cleared, so a clerk who looked up from the scanner saw nothing wrong."""
    from ui.screens.documents import ShipScreen
    from ui.screens.documents import entry

    monkeypatch.setattr(entry, "CODES_MAX_AGE", -1.0)  # every unknown code reloads them
    screen = open_screen(qtbot, services, ShipScreen)
    loaded, reloaded = screen._codes_loaded, []
    monkeypatch.setattr(screen, "_codes_loaded", lambda codes: (loaded(codes), reloaded.append(True)))
    scan(qtbot, screen, "6901234567892")
    scan(qtbot, screen, "1234567890128")
    assert screen.scan_message.text() == "Unknown code 1234567890128: no product has this SKU or barcode."
    qtbot.waitUntil(lambda: bool(reloaded))  # the codes it reloaded came back
    assert screen.scan_message.text() == "Unknown code 1234567890128: no product has this SKU or barcode."
    assert [line.qty for line in screen.model.lines] == [1]
