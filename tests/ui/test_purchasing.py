"""The purchase-order screen: draft, issue, revise, cancel, receive through the dialog, preview, save as PDF."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QMessageBox

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("SD-1", "螺丝刀", barcodes=("6901234567892",)))
    catalog.add_product(uow(), c.AddProduct("HM-1", "Hammer"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main", address="8 Dock St"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.purchasing import PurchasingScreen

    widget = PurchasingScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def supplier_with_terms(qtbot, services) -> None:
    """Made through the suppliers screen and its terms dialog, as a purchaser would."""
    from ui.screens.suppliers import SuppliersScreen

    suppliers = SuppliersScreen(services)
    qtbot.addWidget(suppliers)
    qtbot.waitUntil(lambda: not suppliers.loading)
    suppliers.new_supplier()
    suppliers.code.setText("ACME")
    suppliers.name.setText("Acme Tools")
    suppliers.save_button.click()
    qtbot.waitUntil(lambda: suppliers.current_code == "ACME" and suppliers.add_terms_button.isEnabled())
    for sku, price, moq, multiple in (("SD-1", "2.50", "10", "5"), ("HM-1", "12", "0", "1")):
        dialog = suppliers.open_terms(None)
        dialog.sku.setText(sku)
        dialog.price.setText(price)
        dialog.moq.setText(moq)
        dialog.multiple.setText(multiple)
        dialog.save()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
    qtbot.waitUntil(lambda: suppliers.terms_model.rowCount() == 2)


def wait_idle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: screen.services.tasks.busy == 0 and not screen.loading, timeout=10_000)


def open_draft(qtbot, services, screen) -> str:
    """A draft for ACME with SD-1 (7 asked, MOQ 10) and 2 HM-1; returns what the screen said after SD-1."""
    supplier_with_terms(qtbot, services)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.supplier.findData("ACME") >= 0)
    screen.supplier.setCurrentIndex(screen.supplier.findData("ACME"))
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    screen.new_draft()
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.state == "draft")
    screen.sku.setText("SD-1")
    screen.qty.setText("7")
    screen.add_button.click()
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 1)
    said = screen.message.text()
    screen.add_line("HM-1", "2")
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 2)
    wait_idle(qtbot, screen)
    return said


def issue(qtbot, screen) -> str:
    screen.issue_button.click()
    qtbot.waitUntil(lambda: screen.current.state == "issued")
    wait_idle(qtbot, screen)
    return screen.current.number


def on_order(services, sku: str) -> Decimal:
    return next(r.on_order for r in services.stock.stock() if r.sku == sku and r.warehouse == "W1")


def on_hand(services, sku: str) -> Decimal:
    return next(r.on_hand for r in services.stock.stock() if r.sku == sku and r.warehouse == "W1")


def test_a_draft_made_on_the_screen_rounds_to_moq_and_multiple_and_totals_live(qtbot, services, screen):
    said = open_draft(qtbot, services, screen)
    assert "7 raised to 10 (minimum order quantity 10)" in said
    assert [screen.lines.item(r, 4).text() for r in range(2)] == ["10", "2"]  # 7 raised to the MOQ of 10
    assert [screen.lines.item(r, 7).text() for r in range(2)] == ["25.00", "24.00"]
    assert "Subtotal 49.00" in screen.totals.text() and "Total CNY 55.37" in screen.totals.text()  # 13 % tax
    screen.lines.item(1, 4).setText("3")  # typed in the grid: the domain changes the line
    qtbot.waitUntil(lambda: screen.lines.item(1, 7).text() == "36.00")
    assert "Subtotal 61.00" in screen.totals.text()


def test_issuing_shows_the_number_and_puts_the_lines_on_order(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    number = issue(qtbot, screen)
    assert number.startswith("PO-") and number.endswith("-00001")
    assert f"Issued {number}" in screen.message.text()
    assert number in screen.state_label.text()
    assert on_order(services, "SD-1") == Decimal("10")
    assert not screen.add_button.isEnabled()  # an issued PO is read-only until Revise…


def test_the_header_says_where_the_expected_date_comes_from_before_and_after_issue(qtbot, services, screen):
    open_draft(qtbot, services, screen)  # ACME: no receipts yet, so its terms' lead time (the supplier's 7 days)
    said = screen.header_label.text()
    assert "Expected: on issue" in said
    assert "In 7 days from issue: SD-1's lead time in the supplier's terms (too few receipts to learn from yet)" in said
    issue(qtbot, screen)
    said = screen.header_label.text()
    assert f"Expected: {screen.current.expected_on.isoformat()}" in said and "In 7 days from issue" in said


def test_revising_an_issued_po_asks_first_and_makes_a_revision(qtbot, services, screen, monkeypatch):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not screen.revise() and not screen.editable
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert screen.revise() and screen.editable
    assert "revision 1" in asked[0]
    screen.change_line("SD-1", qty="15")
    qtbot.waitUntil(lambda: screen.current.revision == 1)
    wait_idle(qtbot, screen)
    assert screen.lines.item(0, 4).text() == "15"
    assert on_order(services, "SD-1") == Decimal("15")
    assert screen.current.state == "issued"


def test_cancelling_asks_for_a_reason_and_releases_what_was_on_order(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.cancel_po()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # a reason is required
    dialog.text.setPlainText("supplier out of business")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.current.state == "cancelled")
    assert on_order(services, "SD-1") == Decimal("0")
    (row,) = services.purchasing.purchase_orders(state="cancelled")
    assert row.id == screen.current.id
    assert not screen.receive_button.isEnabled()


def test_receiving_partly_then_the_rest_through_the_dialog(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    assert dialog.quantity("SD-1") == "10" and dialog.quantity("HM-1") == "2"  # what is still expected
    dialog.set_quantity("HM-1", "0")
    for _ in range(4):  # scans count: the first scan of a line starts at 1
        dialog.scan.setText("6901234567892")
        dialog.scan.returnPressed.emit()
    assert dialog.quantity("SD-1") == "4"
    dialog.post()
    qtbot.waitUntil(lambda: screen.current.state == "partly_received")
    wait_idle(qtbot, screen)
    assert on_hand(services, "SD-1") == Decimal("4") and on_order(services, "SD-1") == Decimal("6")
    assert on_order(services, "HM-1") == Decimal("2")
    assert screen.lines.item(0, 9).text() == "6"  # the backorder stays open

    dialog = screen.receive()
    assert dialog.quantity("SD-1") == "6" and dialog.quantity("HM-1") == "2"
    dialog.post()
    qtbot.waitUntil(lambda: screen.current.state == "received")
    assert on_hand(services, "SD-1") == Decimal("10") and on_order(services, "SD-1") == Decimal("0")
    assert on_hand(services, "HM-1") == Decimal("2")


def test_an_over_receipt_is_refused_in_the_dialog_and_nothing_is_posted(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    dialog.set_quantity("SD-1", "11")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert "over-receipt tolerance" in dialog.error.text() and "SD-1" in dialog.error.text()
    assert dialog.buttons.isEnabled() and dialog.result() == 0
    assert on_hand(services, "SD-1") == Decimal("0") and on_order(services, "SD-1") == Decimal("10")


def test_a_receipt_with_every_quantity_zero_is_not_taken_as_receive_everything(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    dialog.set_quantity("SD-1", "0")
    dialog.set_quantity("HM-1", "")
    dialog.post()
    assert "at least one line" in dialog.error.text()
    assert on_order(services, "SD-1") == Decimal("10")


def answer_unscanned(monkeypatch, button) -> list:
    """Make the question about lines not scanned answer ``button`` (No: leave them open, Yes: receive them as
    expected, Cancel: Esc); returns the boxes asked, each as (text, default button, escape button, its buttons)."""
    asked: list = []

    def exec_(box) -> QMessageBox.StandardButton:
        asked.append((box.text(), box.standardButton(box.defaultButton()), box.standardButton(box.escapeButton()),
                      {box.standardButton(b): b.text() for b in box.buttons()}))
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def scan(dialog, code: str, times: int) -> None:
    for _ in range(times):
        dialog.scan.setText(code)
        dialog.scan.returnPressed.emit()


def test_scanning_part_of_a_delivery_asks_first_and_leaves_the_lines_not_scanned_open(qtbot, services, screen,
                                                                                     monkeypatch):
    """A partial delivery scanned line by line: HM-1 did not arrive, so it must not be received as prefilled."""
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    scan(dialog, "6901234567892", 3)  # SD-1, by its barcode
    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.No)
    dialog.post()
    qtbot.waitUntil(lambda: screen.current.state == "partly_received")
    wait_idle(qtbot, screen)
    assert len(asked) == 1
    text, default, escape, buttons = asked[0]
    assert "1 line" in text and "HM-1" in text and "SD-1" not in text
    assert default == QMessageBox.StandardButton.No and buttons[default] == "&Leave them open"  # Enter: the safe one
    assert escape == QMessageBox.StandardButton.Cancel
    assert buttons[QMessageBox.StandardButton.Yes] == "Receive them as &expected"
    assert on_hand(services, "SD-1") == Decimal("3") and on_order(services, "SD-1") == Decimal("7")
    assert on_hand(services, "HM-1") == Decimal("0") and on_order(services, "HM-1") == Decimal("2")  # still open
    assert dialog.result() == dialog.DialogCode.Accepted

    dialog = screen.receive()  # the next receipt still expects HM-1 in full
    assert dialog.quantity("HM-1") == "2" and dialog.quantity("SD-1") == "7"


def test_scanning_part_of_a_delivery_can_receive_the_lines_not_scanned_as_expected(qtbot, services, screen,
                                                                                  monkeypatch):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    scan(dialog, "SD-1", 3)
    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.post()
    qtbot.waitUntil(lambda: on_hand(services, "HM-1") == Decimal("2"))
    wait_idle(qtbot, screen)
    assert len(asked) == 1 and "HM-1" in asked[0][0]
    assert on_hand(services, "SD-1") == Decimal("3") and on_order(services, "SD-1") == Decimal("7")
    assert on_order(services, "HM-1") == Decimal("0")


def test_with_nothing_scanned_the_typed_and_prefilled_quantities_post_without_a_question(qtbot, services, screen,
                                                                                        monkeypatch):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    dialog.set_quantity("SD-1", "4")  # typed; HM-1 left as prefilled: the type-the-quantities workflow
    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.No)
    dialog.post()
    qtbot.waitUntil(lambda: screen.current.state == "partly_received")
    wait_idle(qtbot, screen)
    assert asked == []
    assert on_hand(services, "SD-1") == Decimal("4") and on_hand(services, "HM-1") == Decimal("2")


def test_esc_on_the_question_posts_nothing_and_keeps_the_dialog_open(qtbot, services, screen, monkeypatch):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    scan(dialog, "SD-1", 2)
    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog.post()
    assert len(asked) == 1
    services.tasks.wait()
    wait_idle(qtbot, screen)
    assert dialog.isVisible() and dialog.result() == 0 and dialog.buttons.isEnabled()
    assert dialog.quantity("SD-1") == "2" and dialog.quantity("HM-1") == "2"  # the entry is as it was
    assert on_hand(services, "SD-1") == Decimal("0") and on_order(services, "SD-1") == Decimal("10")
    assert on_hand(services, "HM-1") == Decimal("0") and screen.current.state == "issued"


def test_the_question_takes_enter_as_leave_open_and_esc_as_cancel_from_the_keyboard(qtbot):
    from PySide6.QtCore import Qt

    from ui.dialogs.unscanned import unscanned_box

    for key, expected in ((Qt.Key.Key_Return, QMessageBox.StandardButton.No),
                          (Qt.Key.Key_Escape, QMessageBox.StandardButton.Cancel)):
        box = unscanned_box(None, ["HM-1"])
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        qtbot.keyClick(box.focusWidget() or box, key)
        qtbot.waitUntil(lambda b=box: not b.isVisible())
        assert box.standardButton(box.clickedButton()) == expected
        keys = [b.text().split("&")[1][0].lower() for b in box.buttons() if "&" in b.text()]
        assert len(keys) == len(set(keys)) == 2  # Alt+L and Alt+E, no clash


def test_the_question_names_at_most_a_few_skus_and_counts_the_rest():
    from ui.dialogs.unscanned import unscanned_box

    box = unscanned_box(None, [f"X-{n:02d}" for n in range(11)])
    assert "11 line" in box.text() and "X-07" in box.text() and "X-08" not in box.text() and "3 more" in box.text()


def test_the_question_is_asked_in_chinese_with_its_plural_and_alt_keys(qtbot):
    """The plural question reaches the translation file (lupdate skips a plural whose count is a call)."""
    from ui import i18n
    from ui.dialogs.unscanned import unscanned_box

    try:
        assert i18n.set_language(i18n.CHINESE, persist=False)
        box = unscanned_box(None, ["HM-1", "GL-2"])
        assert box.text() == "有 2 行既未扫描也未修改：HM-1, GL-2。按待收数量收货，还是保持未结？"
        assert box.defaultButton().text() == "保持未结(&L)"
        assert box.button(QMessageBox.StandardButton.Yes).text() == "按待收数量收货(&E)"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_the_dialog_enters_a_receipt_as_the_receive_screen_does(qtbot, services, screen):
    from domain.stock.documents import DocumentKind
    from ui.models.document_lines import DocumentLinesModel

    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    assert isinstance(dialog.model, DocumentLinesModel) and dialog.model.po_mode  # the Receive screen's lines
    entered = DocumentLinesModel(DocumentKind.RECEIPT)
    entered.load_open_lines(screen.current)
    for model in (dialog.model, entered):  # the same scans and edits give the same receipt
        model.scan_po("SD-1")
        model.scan_po("SD-1")
        model.setData(model.index(model.row_of_sku("HM-1"), model.column("qty")), "0")
    assert dialog.model.po_receipt("PO") == entered.po_receipt("PO")
    assert dialog.model.po_inputs() == (("SD-1", Decimal(2)),)
    dialog.set_quantity("SD-1", "1.12345")  # refused at entry, as the Receive screen refuses it
    assert dialog.error.text() == "Line 1: Received: at most 4 decimal places are accepted."
    assert dialog.quantity("SD-1") == "2"


def test_the_preview_shows_the_rendered_po_with_its_pages(qtbot, services, screen):
    purchasing_terms.set_supplier_profile  # noqa: B018 - the module is used below
    open_draft(qtbot, services, screen)
    qtbot.waitUntil(lambda: screen.preview.page_count > 0, timeout=20_000)
    assert screen.preview.page_count == 1
    assert "1 page" in screen.preview.status.text()
    from domain.purchasing import orders as purchasing

    for n in range(80):  # a long PO spans several pages
        catalog.add_product(services.uow(), c.AddProduct(f"X-{n:03d}", f"零件 {n}"))
    purchasing.add_lines(services.uow(), screen.current.id,
                         [pc.AddPurchaseOrderLine(screen.current.id, f"X-{n:03d}", "1", "1") for n in range(80)])
    screen.open_po(screen.current.id)
    qtbot.waitUntil(lambda: screen.preview.page_count > 1, timeout=20_000)
    assert screen.preview.document.pageCount() == screen.preview.page_count


def test_without_a_company_name_the_preview_says_where_to_set_it_and_still_prints(qtbot, services, screen):
    """A company made by ``init`` has no name: its PO prints none (not an invented one), and the screen says so above
    the preview, pointing at Settings › General, with Print and Save still there."""
    open_draft(qtbot, services, screen)
    qtbot.waitUntil(lambda: screen.preview.page_count > 0, timeout=20_000)
    assert not screen.no_company.isHidden()
    assert "Settings › General" in screen.no_company.text()
    assert screen.preview.print_button.isEnabled() and screen.preview.save_button.isEnabled()
    purchasing_terms.set_policy(services.uow(), pc.SetPurchasingPolicy(company_name="星辰贸易有限公司"))
    screen.render_preview()  # a draft prints the name as it is now
    qtbot.waitUntil(lambda: screen.no_company.isHidden(), timeout=20_000)
    assert screen.preview.page_count == 1


def test_save_as_pdf_writes_the_previewed_file(qtbot, services, screen, monkeypatch, tmp_path):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    qtbot.waitUntil(lambda: screen.preview.save_button.isEnabled(), timeout=20_000)
    target = tmp_path / "out" / "po"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    with qtbot.waitSignal(screen.preview.saved, timeout=10_000):
        screen.preview.save_button.click()
    written = tmp_path / "out" / "po.pdf"
    assert written.read_bytes().startswith(b"%PDF") and written.read_bytes() == screen.preview.data
    assert str(written) in screen.preview.status.text()


def test_printing_draws_every_page_onto_the_printer(qtbot, services, screen, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ui.widgets.pdf_preview import print_pdf

    open_draft(qtbot, services, screen)
    qtbot.waitUntil(lambda: screen.preview.page_count > 0, timeout=20_000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(screen.preview.document, printer) == screen.preview.page_count
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_the_state_filter_and_search_narrow_the_list(qtbot, services, screen):
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    screen.new_draft()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 2)
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("issued"))
    assert [r.state for r in screen.proxy.visible_rows()] == ["issued"]
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("draft"))
    assert [r.state for r in screen.proxy.visible_rows()] == ["draft"]
    screen.state_filter.setCurrentIndex(0)
    screen.search.setText("00001")
    assert [r.state for r in screen.proxy.visible_rows()] == ["issued"]


def test_the_screen_retranslates_on_a_language_change(qtbot, screen):
    from ui import i18n

    try:
        assert i18n.set_language(i18n.CHINESE, persist=False)
        qtbot.waitUntil(lambda: screen.issue_button.text() != "&Issue")
        assert screen.state_filter.itemText(0) != "All states"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    qtbot.waitUntil(lambda: screen.issue_button.text() == "&Issue")


def test_every_string_of_the_purchasing_screens_has_a_finished_chinese_translation():
    import xml.etree.ElementTree as ET

    from ui import i18n

    ours = {"PurchasingScreen", "SuppliersScreen", "PdfPreview", "ReasonDialog", "ReceivePoDialog", "TermsDialog",
            "UnscannedLines"}
    tree = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts"))
    seen, unfinished = 0, []
    for context in tree.getroot().iter("context"):
        if context.findtext("name") not in ours:
            continue
        for message in context.iter("message"):
            seen += 1
            translation = message.find("translation")
            if translation.get("type") == "unfinished" or not "".join(translation.itertext()).strip():
                unfinished.append((context.findtext("name"), message.findtext("source")))
    assert seen > 100 and unfinished == []


def test_the_purchasing_screens_are_registered_with_shortcuts_of_their_own():
    from ui.screens import SCREENS

    keys = {e.key: e.shortcut for e in SCREENS}
    assert {"purchasing", "suppliers"} <= set(keys)
    assert len(set(keys.values())) == len(keys)


def test_drafts_made_at_once_are_told_apart_by_their_label_and_pdf_name(qapp):
    """Planning makes one draft per supplier and warehouse in the same moment: each reads as its own draft in the
    list of drafts made, the editor and the PDF's file name (they all read 草稿 01a24f87, the time part of the id)."""
    from types import SimpleNamespace

    from domain.kernel.ids import new_id
    from ui.screens.purchasing import po_label
    from ui.screens.replenishment import created_html

    ids = [new_id() for _ in range(4)]
    labels = {po_label(SimpleNamespace(number=None, id=i)) for i in ids}
    assert len(labels) == 4
    drafts = [SimpleNamespace(po_id=i, supplier="S08", warehouse=w, lines=[("A", Decimal(1))], amount=Decimal(1),
                              currency="CNY") for i, w in zip(ids, ("BJ", "GZ", "SH", "SZ"), strict=True)]
    html = created_html(drafts)
    assert all(label in html for label in labels)
    assert po_label(SimpleNamespace(number="PO-2026-00001", id=ids[0])) == "PO-2026-00001"


def test_a_rounded_quantity_is_said_in_chinese_when_added_and_when_typed_in_the_grid(qtbot, services, screen, chinese):
    """Adding 7 of a product with a minimum of 10, or typing 7 over its quantity, says why it became 10 in the
    reader's language; the reason stood in English (7 raised to 10 (minimum order quantity 10)) on a Chinese
    screen, and typing in the grid did not say it at all."""
    said = open_draft(qtbot, services, screen)
    assert "7 上调至 10（最小订购量 10）" in said and "raised" not in said
    screen.change_line("SD-1", qty="15")  # a multiple of 5: as typed
    qtbot.waitUntil(lambda: "SD-1：15" in screen.message.text())
    assert "取整" not in screen.message.text()
    screen.change_line("SD-1", qty="7")
    qtbot.waitUntil(lambda: "SD-1：10" in screen.message.text())
    assert "已取整：7 上调至 10（最小订购量 10）" in screen.message.text()
    screen.change_line("SD-1", qty="11")
    qtbot.waitUntil(lambda: "SD-1：15" in screen.message.text())
    assert "11 上调至 15（订购倍数 5）" in screen.message.text()


def test_received_and_open_stay_in_sight_in_the_window_of_1280_by_800(qtbot, services, screen, chinese):
    """The screen as the window holds it at 1280 × 800 (the left bar takes 170): a partly received line's received
    and open quantities are inside the lines' view, the description narrowing to what is left (its text whole in a
    tooltip); they were past the right edge, behind a scroll bar."""
    from ui.screens.purchasing.editor import L_DESCRIPTION
    from ui.screens.purchasing.editor import L_OPEN

    screen.resize(1100, 760)
    screen.show()
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    qtbot.waitUntil(lambda: screen.lines.viewport().width() > 0)
    view = screen.lines
    right = view.columnViewportPosition(L_OPEN) + view.columnWidth(L_OPEN)
    assert 0 < right <= view.viewport().width()
    assert view.columnWidth(L_DESCRIPTION) >= 60
    assert view.item(0, L_DESCRIPTION).toolTip() == view.item(0, L_DESCRIPTION).text() != ""


def test_a_new_empty_draft_in_the_list_shows_nothing_open(qtbot, services, screen):
    """A draft without lines yet (just made with New draft) lists 0 open: the sum of no lines was the integer 0,
    which the quantity column could not show (an error at every repaint, the cell blank)."""
    from ui.screens.purchasing import PoListModel

    supplier_with_terms(qtbot, services)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.supplier.findData("ACME") >= 0)
    screen.supplier.setCurrentIndex(screen.supplier.findData("ACME"))
    screen.new_draft()
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.state == "draft")
    wait_idle(qtbot, screen)
    open_at = next(i for i, c in enumerate(PoListModel.COLUMNS) if c.title == "Open qty")
    assert screen.proxy.index(0, open_at).data() == "0"


def test_tab_leaves_the_expected_date_while_it_has_none(qtbot, screen):
    """The blank expected date kept Tab for good (Qt moves Tab between a date's sections, and a blank has none):
    the keyboard never reached New draft, which came after the editor's fields anyway."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    screen.show()
    screen.activateWindow()
    screen.supplier.setFocus()
    qtbot.waitUntil(lambda: screen.supplier.hasFocus())
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [screen.warehouse, screen.expected, screen.new_button]  # the draft bar as it reads


def test_receiving_through_the_dialog_offers_the_goods_receipts_note(qtbot, services, screen, monkeypatch, tmp_path):
    """The Receive… dialog closes once posted: the screen then offers Print receipt note… for the goods receipt it
    posted, written on the task runner; any later message takes the offer away."""
    import re

    from ui.screens.sales import printing

    opened: list = []
    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    monkeypatch.setattr(printing, "open_pdf", opened.append)
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    assert not screen.receipt_note.isVisibleTo(screen)
    dialog = screen.receive()
    dialog.set_quantity("HM-1", "0")
    dialog.post()
    qtbot.waitUntil(lambda: screen.current.state == "partly_received")
    wait_idle(qtbot, screen)
    assert re.fullmatch(r"GR-\d{4}-00001", dialog.receipt)
    assert screen.receipt_note.number == dialog.receipt and screen.receipt_note.isVisibleTo(screen)
    screen.receipt_note.print_note()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [tmp_path / f"{dialog.receipt} receipt.pdf"] and opened[0].read_bytes().startswith(b"%PDF")
    screen.say("something else")
    assert not screen.receipt_note.isVisibleTo(screen)


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_a_long_description_shows_whole_beside_received_and_open_at_1280_by_800(qtbot, services, screen, language,
                                                                                 request):
    """描述 was cut (洗洁精 1.5kg 商…) while 供应商货号 and the figures had room to spare: every other column is as
    wide as its title and text, the description takes the rest, and received and open stay in sight."""
    from domain.purchasing import orders as purchasing
    from ui.screens.purchasing.editor import L_DESCRIPTION
    from ui.screens.purchasing.editor import L_OPEN

    request.getfixturevalue(language)
    screen.resize(1100, 760)  # the window at 1280 × 800 less its left bar
    screen.show()
    open_draft(qtbot, services, screen)
    catalog.add_product(services.uow(), c.AddProduct("DW-1", "洗洁精 1.5kg 商用桶装 Dish soap, lemon"))
    purchasing.add_lines(services.uow(), screen.current.id, [pc.AddPurchaseOrderLine(screen.current.id, "DW-1", "204",
                                                                                     "14.67")])
    screen.open_po(screen.current.id)
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 3)
    wait_idle(qtbot, screen)
    view = screen.lines
    assert view.columnWidth(L_DESCRIPTION) >= view.sizeHintForColumn(L_DESCRIPTION)  # its longest text whole
    right = view.columnViewportPosition(L_OPEN) + view.columnWidth(L_OPEN)
    assert 0 < right <= view.viewport().width()


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_list_shows_a_long_supplier_name_whole(qtbot, services, screen, language, request):
    """The list's 170 pixels cut S20 Pacific Rim Tools Import Ltd. 环太工具进口 and most names at 1280 × 800: the
    column is as wide as the names, up to a cap."""
    from domain.purchasing import orders as purchasing
    from ui.screens.purchasing import PoListModel

    request.getfixturevalue(language)
    screen.resize(1100, 760)
    screen.show()
    catalog.add_supplier(services.uow(), c.AddSupplier("S20", "Pacific Rim Tools Import Ltd. 环太工具进口"))
    purchasing.create_draft(services.uow(), pc.CreatePurchaseOrder("S20", "W1"))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 1)
    wait_idle(qtbot, screen)
    column = PoListModel.SUPPLIER
    assert screen.table.columnWidth(column) >= screen.table.sizeHintForColumn(column) > 170


def test_the_line_columns_are_fitted_once_per_document_and_when_lines_come_and_a_dragged_width_stays(
        qtbot, services, screen, monkeypatch):
    """Each save reads the order back and shows it again: the columns were fitted every time, so a column the
    purchaser had widened by hand snapped back after each quantity typed."""
    from PySide6.QtCore import QPoint
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.screens.purchasing.editor import L_QTY
    from ui.screens.purchasing.editor import L_SKU

    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    catalog.add_product(services.uow(), c.AddProduct("CHISEL-WIDE-2026", "Chisel"))
    open_draft(qtbot, services, screen)
    fits: list[str] = []
    fit = screen.fit_line_columns
    monkeypatch.setattr(screen, "fit_line_columns", lambda: (fits.append(screen.current.id), fit()))
    header = screen.lines.horizontalHeader()
    edge = header.sectionViewportPosition(L_SKU) + header.sectionSize(L_SKU) - 1
    middle, before = header.height() // 2, header.sectionSize(L_SKU)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edge, middle))
    QTest.mouseMove(header.viewport(), QPoint(edge + 60, middle))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge + 60, middle))
    dragged = header.sectionSize(L_SKU)
    assert dragged > before + 40 and screen.dragged_columns == {L_SKU}

    screen.lines.item(1, L_QTY).setText("5")  # a quantity typed: saved, the order read back and shown again
    qtbot.waitUntil(lambda: screen.snapshot.lines[1].qty == Decimal(5))
    wait_idle(qtbot, screen)
    assert fits == [] and header.sectionSize(L_SKU) == dragged

    screen.add_line("CHISEL-WIDE-2026", "1", "3")  # a line added: fitted to it, the dragged column left as it is
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 3)
    wait_idle(qtbot, screen)
    assert fits == [screen.current.id] and header.sectionSize(L_SKU) == dragged


def test_a_cartons_barcode_scanned_in_the_receive_dialog_counts_what_the_carton_holds(qtbot, services):
    from domain.catalog import packaging
    from ui.screens.purchasing import PurchasingScreen

    packaging.add_pack_unit(services.uow(), c.AddPackUnit("SD-1", c.PackUnitInput("箱", "4", ("16901234567899",))))
    screen = PurchasingScreen(services)  # opened after the carton was made: its codes know it
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading)
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    for code in ("16901234567899", "16901234567899", "6901234567892"):
        dialog.scan.setText(code)
        dialog.scan.returnPressed.emit()
    assert dialog.quantity("SD-1") == "9"
