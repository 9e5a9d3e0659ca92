"""What the sales clerk's walk (docs/WALKTHROUGH-SALES.md) fixed on the Sales orders and Ship screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.sales_shop import open_shop

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    open_shop(db.uow, products=[("CL002-03", "洗衣液 2kg 薰衣草香", "6928552003352"), ("GR008-01", "食盐 400g")],
              warehouses=[("BJ", "北京仓")],
              customers=[("C0001", "荣昌便利店(通州店)"), ("C0002", "蓝海便利店(静安店)")],
              stock=[("CL002-03", "BJ", "50"), ("GR008-01", "BJ", "50")],
              prices={"CL002-03": "28.70", "GR008-01": "2.30"})
    return make_services(user="clerk")


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.sales import SalesOrdersScreen

    widget = SalesOrdersScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.customer.count() == 2 and not widget.loading)
    qtbot.waitUntil(lambda: widget.sku.completer() is not None)
    return widget


def shown(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_customer_is_found_by_the_initials_of_its_name_and_chosen_with_enter(qtbot, screen):
    """Qt's completer matched the text shown only: rcbld (荣昌便利店) found no customer."""
    screen.customer.setFocus()
    screen.customer.lineEdit().clear()
    qtbot.keyClicks(screen.customer.lineEdit(), "rcbld")
    completer = screen.customer.completer()
    assert completer.popup().isVisible() and shown(completer) == ["C0001  荣昌便利店(通州店)"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert screen.customer.currentData() == "C0001"
    assert screen.customer_code() == "C0001"


def test_a_product_is_found_in_the_add_bar_by_its_pinyin(qtbot, screen):
    """xyy (洗衣液) in the add bar said no product had that SKU or barcode."""
    screen.sku.setFocus()
    qtbot.keyClicks(screen.sku, "xiyiye")
    completer = screen.sku.completer()
    assert completer.popup().isVisible() and shown(completer) == ["CL002-03  洗衣液 2kg 薰衣草香"]
    screen.sku.clear()
    qtbot.keyClicks(screen.sku, "sy")
    assert completer.popup().isVisible() and shown(completer) == ["GR008-01  食盐 400g"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert screen.sku.text() == "GR008-01"


def _alt_goes_to(qtbot, start, key, widget) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_add_bars_quantity_price_and_discount_have_alt_letters(qtbot, screen, language, request):
    """数量, 单价 and 折扣 had a grey word inside the field only: reached by Tab, Tab from the SKU."""
    from tests.ui.test_shell import _mnemonic

    request.getfixturevalue(language)
    screen.retranslate()
    labels = (screen.qty_label, screen.price_label, screen.discount_label)
    assert [x.buddy() for x in labels] == [screen.qty, screen.price, screen.discount]
    assert [_mnemonic(x.text()) for x in labels] == ["q", "x", "g"]
    if language == "chinese":
        assert [x.text() for x in labels] == ["数量(&Q)：", "不含税单价(&X)：", "折扣 %(&G)："]
    screen.activateWindow()
    for key, field in ((Qt.Key.Key_Q, screen.qty), (Qt.Key.Key_X, screen.price), (Qt.Key.Key_G, screen.discount)):
        _alt_goes_to(qtbot, screen.sku, key, field)


@pytest.fixture
def ship(qtbot, services):
    from ui.screens.documents import ShipScreen

    widget = ShipScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.codes_ready and widget.sales.warehouse.count() == 1)
    widget.tabs.setCurrentWidget(widget.sales)
    widget.activateWindow()
    return widget


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_ship_screens_sales_tab_has_an_alt_letter_on_every_field(qtbot, ship, language, request):
    """销售订单：, 扫描：, and for a counter sale 客户：, 仓库：, 参考号： had no Alt letter, and 清空 no key: the one
    tab of the Ship screen where a clerk had to Tab round to every field."""
    from tests.ui.test_shell import _mnemonic

    request.getfixturevalue(language)
    panel = ship.sales
    panel.retranslate()
    labels = (panel.so_label, panel.scan_label, panel.customer_label, panel.warehouse_label, panel.reference_label)
    assert [_mnemonic(x.text()) for x in (*labels, panel.clear_button)] == ["s", "c", "u", "a", "e", "l"]
    if language == "chinese":
        assert [x.text() for x in labels] == ["销售订单(&S)：", "扫描(&C)：", "客户(&U)：", "仓库(&A)：",
                                              "参考号(&E)："]
    _alt_goes_to(qtbot, panel.scan, Qt.Key.Key_S, panel.so_combo)
    _alt_goes_to(qtbot, panel.so_combo, Qt.Key.Key_C, panel.scan)
    panel.counter_mode.setChecked(True)
    qtbot.waitUntil(panel.customer.isVisible)
    for key, field in ((Qt.Key.Key_U, panel.customer), (Qt.Key.Key_A, panel.warehouse),
                       (Qt.Key.Key_E, panel.reference)):
        _alt_goes_to(qtbot, panel.scan, key, field)


def test_the_sale_just_posted_is_chosen_so_alt_d_prints_its_delivery_note(qtbot, services, ship, monkeypatch):
    """After Ctrl+Enter the posted list chose nothing: 打印送货单(&D) said to select a posted sale first, and the clerk
    went down the list to find the one just made."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.screens.sales import printing

    printed = []
    monkeypatch.setattr(printing, "print_sale", lambda widget, services, number, kind: printed.append((number, kind)))
    panel = ship.sales
    qtbot.waitUntil(lambda: panel.posted.model.rowCount() == 0 and not panel._busy)
    panel.scan.setFocus()
    number = _post_a_sale(qtbot, services, ship)
    assert number.startswith("SD-") and panel.posted.selected() is not None
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(printed))  # a button's Alt letter clicks it a moment later (animateClick)
    assert printed == [(number, "delivery")]


def test_a_delivery_note_printed_in_chinese_is_named_in_chinese(qtbot, services, ship, chinese, monkeypatch, tmp_path):
    """已写入 …/SD-2026-00001 delivery.pdf: an English word in the Chinese window and among the 送货单 in the folder."""
    from ui.screens.sales import printing

    opened = []
    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    monkeypatch.setattr(printing, "open_pdf", opened.append)
    number = _post_a_sale(qtbot, services, ship)
    panel = ship.sales
    panel.posted.print_selected("delivery")
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [tmp_path / f"{number} 送货单.pdf"] and opened[0].read_bytes().startswith(b"%PDF")
    assert panel.posted.message.text() == f"已写入 {opened[0]}"


def _post_a_sale(qtbot, services, ship) -> str:
    from domain.sales import commands as sc
    from domain.sales import orders

    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("C0001", "BJ")).number
    orders.add_line(uow(), sc.AddSalesOrderLine(so, "GR008-01", "5"))
    orders.confirm_order(uow(), sc.ConfirmSalesOrder(so))
    panel = ship.sales
    panel.scan.setText(so)
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.so is not None and len(panel.lines) == 1)
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.posted.model.rowCount() == 1 and panel.posted.selected() is not None)
    return panel.posted.model.rows[0].number


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_a_customer_return_goes_from_its_line_to_the_reason_with_alt_r_and_posts_with_alt_p(qtbot, services, ship,
                                                                                            language, request):
    """原因： and 过账退货 had no Alt letter: from the quantity typed the clerk Tabbed to the reason, and Enter in it
    was the only key that posted."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.ui.test_shell import _mnemonic

    request.getfixturevalue(language)
    _post_a_sale(qtbot, services, ship)
    dialog = ship.sales.posted.return_selected()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    post = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert _mnemonic(post.text()) == "p" and _mnemonic(dialog.form.labelForField(dialog.reason).text()) == "r"
    dialog.activateWindow()
    dialog.set_quantity(0, "2")
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.reason.hasFocus)
    QTest.keyClicks(dialog.reason, "damaged")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(dialog.documents))
    assert dialog.documents[0].number.startswith("SR-")


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_backorder_lists_customer_filter_and_its_notice_have_alt_letters(qtbot, services, language, request):
    """客户： and 打印到货通知… were reached by Tab only; 显示全部客户(&A) had its letter."""
    from tests.ui.test_shell import _mnemonic
    from ui.screens.sales.backorders import BackordersDialog

    request.getfixturevalue(language)
    dialog = BackordersDialog(services)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.customer_label.buddy() is dialog.customer
    assert [_mnemonic(x.text()) for x in (dialog.customer_label, dialog.print_button, dialog.all_button)] == [
        "u", "p", "a"]
    if language == "chinese":
        assert (dialog.customer_label.text(), dialog.print_button.text()) == ("客户(&U)：", "打印到货通知(&P)…")
    dialog.show()
    dialog.activateWindow()
    _alt_goes_to(qtbot, dialog.table, Qt.Key.Key_U, dialog.customer)
