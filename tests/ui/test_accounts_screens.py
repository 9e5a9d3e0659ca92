"""The Receivables and Payables screens, the receipt entry and the partner page, on a real SQLite file with sales
and receipts made through the use cases (tests/ui/accounts_data.py)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from domain.access import users
from tests import clock
from tests.ui.accounts_data import build
from tests.ui.test_day_fields import assert_tab_leaves
from ui.screens.accounts import PayablesScreen
from ui.screens.accounts import ReceivablesScreen
from ui.screens.accounts.entry import C_ALLOCATE
from ui.screens.accounts.entry import MoneyDialog
from ui.screens.accounts.words import BalancesModel

TODAY = clock.TODAY  # the application's clock is pinned to it: a run may cross midnight
pytestmark = pytest.mark.usefixtures("pinned_today")
UNKNOWN = "customer code 'NOPE': no customer has this code"


@pytest.fixture
def shop(db):
    return db, build(db, TODAY)


@pytest.fixture
def services(shop, make_services):
    return make_services()


@pytest.fixture
def receivables(qtbot, services):
    screen = ReceivablesScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5 and not screen.loading)
    return screen


def payables_screen(qtbot, shop, services):
    """The Payables screen over supplier SUP's goods receipt against a PO (``accounts_data.payables``), loaded; and
    the PO's number."""
    from tests.ui.accounts_data import payables

    db, _ = shop
    po = payables(db, TODAY)
    screen = PayablesScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 1)
    return screen, po


def codes(screen) -> list[str]:
    return [r.code for r in screen.shown_rows()]


def test_the_list_fills_from_the_file_with_each_customers_balance_and_ageing(receivables):
    rows = {r.code: r for r in receivables.model.rows}
    hz = rows["HZ01"]  # 1,130.00 over 90 days less the 400.00 received, 565.00 1–30 days, 339.00 not yet due
    assert (hz.balance, hz.over_90, hz.d1_30, hz.current, hz.overdue) == (D("1634"), D("730"), D("565"), D("339"),
                                                                          D("1295"))
    assert hz.oldest_due == TODAY - timedelta(days=100)
    assert (rows["NB02"].balance, rows["NB02"].d61_90) == (D("904"), D("904"))  # the other sale paid by hand
    assert (rows["SH03"].balance, rows["SH03"].credit) == (D("-322"), D("322"))  # a prepayment larger than its sale
    assert rows["SZ04"].d31_60 == D("3955")
    total = receivables.totals_model.rows[0]
    assert total.balance == sum((r.balance for r in rows.values()), D(0)) == D("6453.5")
    assert receivables.totals_model.index(0, BalancesModel.C_BALANCE).data() == "6,453.50"
    assert "5" in receivables.summary.text()


def test_the_filters_narrow_the_list_and_the_totals_follow(qtbot, receivables):
    receivables.overdue_only.setChecked(True)
    assert codes(receivables) == ["HZ01", "NB02", "SZ04"]
    assert receivables.totals_model.rows[0].overdue == D("1295") + D("904") + D("3955")
    receivables.overdue_only.setChecked(False)
    receivables.search.setText("tools")
    assert codes(receivables) == ["SH03"]
    receivables.search.setText("hangzhou")  # pinyin of 杭州 finds the Chinese name
    assert codes(receivables) == ["HZ01"]
    receivables.search.clear()
    # As of 50 days ago: only what was sold by then, aged at that day.
    receivables.as_of.setDate(QDate(TODAY - timedelta(days=50)))
    qtbot.waitUntil(lambda: not receivables.loading and codes(receivables) == ["HZ01", "NB02", "SZ04"])
    hz = receivables.shown_rows()[0]
    assert (hz.balance, hz.over_90, hz.d31_60) == (D("1130"), D(0), D("1130"))  # due 100 days ago: 50 days late then


def test_the_charts_bars_are_the_totals_of_the_bands(qtbot, receivables):
    def bars_match() -> bool:
        total = receivables.totals_model.rows[0]
        return receivables.chart.heights() == [float(total.current), float(total.d1_30), float(total.d31_60),
                                               float(total.d61_90), float(total.over_90)]

    assert receivables.chart.heights() == [621.5, 565.0, 3955.0, 904.0, 730.0]
    assert bars_match()
    receivables.overdue_only.setChecked(True)
    assert receivables.chart.heights()[0] == 339.0 and bars_match()


def test_export_writes_the_list_as_shown_with_its_totals(qtbot, receivables, tmp_path):
    receivables.overdue_only.setChecked(True)
    target = tmp_path / "ar.xlsx"
    with qtbot.waitSignal(receivables.export_to(target).done):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))[3:]  # under the title, day and filters
    assert rows[0][:3] == ("Code", "Name", "Balance")
    assert [r[0] for r in rows[1:]] == ["HZ01", "NB02", "SZ04", None]
    assert rows[-1][1] == "Total" and D(str(rows[-1][2])) == D("6493")


def test_the_exported_list_says_which_day_it_is_as_of_and_which_filters_chose_its_rows(qtbot, receivables,
                                                                                         tmp_path):
    """The workbook had the headers in its first row: nothing said the ageing was as of which day, nor that the
    rows (and so the totals) were only the overdue partners."""
    day = TODAY - timedelta(days=50)
    receivables.as_of.setDate(QDate(day))
    qtbot.waitUntil(lambda: not receivables.loading and codes(receivables) == ["HZ01", "NB02", "SZ04"])
    receivables.overdue_only.setChecked(True)
    target = tmp_path / "ar.xlsx"
    with qtbot.waitSignal(receivables.export_to(target).done):
        pass
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Receivables ageing" and sheet["A1"].font.b
    assert rows[1][0] == f"As of {day.isoformat()} · Aged by due date, bands 30/60/90 · Overdue only"
    assert rows[3][:3] == ("Code", "Name", "Balance") and sheet.freeze_panes == "A5"
    oldest = rows[3].index("Oldest due")  # a date, as the statement's are, not the text 2026-…
    assert [r[oldest].date() for r in rows[4:]] == [r.oldest_due for r in receivables.shown_rows()] + [
        min(r.oldest_due for r in receivables.shown_rows())]
    assert sheet.cell(row=5, column=oldest + 1).is_date


def test_the_exported_list_shows_money_as_on_screen_with_the_totals_bold(qtbot, receivables, tmp_path):
    """The ageing opened in Excel reads 6,493.00 as the screen does, not 6493, its totals row bold and the name
    column as wide as its names."""
    target = tmp_path / "ar.xlsx"
    with qtbot.waitSignal(receivables.export_to(target).done):
        pass
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows())[3:]
    money = [c for c in rows[1] if isinstance(c.value, (int, float))]
    assert money and all(c.number_format == "#,##0.00" for c in money)
    assert rows[-1][1].value == "Total" and rows[-1][1].font.b and not rows[1][1].font.b
    names = [str(r[1].value or "") for r in rows]
    assert sheet.column_dimensions["B"].width >= max(len(n) for n in names) + 2


def test_a_receipt_typed_is_allocated_oldest_first_and_posts(qtbot, shop, services, receivables):
    dialog = receivables.new_money("HZ01")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3)
    numbers = [dialog.grid.item(i, 0).text() for i in range(3)]
    dialog.amount.setText("1000")  # 730.00 left of the oldest, then 270.00 of the next
    assert [dialog.grid.item(i, C_ALLOCATE).text() for i in range(3)] == ["730.00", "270.00", ""]
    assert "left as credit 0.00" in dialog.left_label.text()
    dialog.grid.item(1, C_ALLOCATE).setText("200")  # by hand: 70.00 stays as credit
    assert "left as credit 70.00" in dialog.left_label.text()
    dialog.reference.setText("BOC 9001")
    with qtbot.waitSignal(dialog.posted) as posted:
        dialog.post()
    assert posted.args[0].startswith("RC-")
    assert posted.args[0] in dialog.message.text()
    [money] = services.accounts.money("AR", number=posted.args[0])
    assert (money.amount, money.allocated, money.unallocated, money.reference) == (D(1000), D(930), D(70),
                                                                                    "BOC 9001")
    hz = next(a for a in services.accounts.balances("AR") if a.code == "HZ01")
    assert (hz.balance, hz.credit, hz.over_90) == (D("634"), D("70"), D(0))
    _db, sales = shop
    assert numbers == [sales["HZ01-old"], sales["HZ01-mid"], sales["HZ01-new"]]  # oldest first
    qtbot.waitUntil(lambda: next(r for r in receivables.model.rows if r.code == "HZ01").balance == D("634"))


def test_a_refusal_is_shown_in_the_dialog_in_words(qtbot, services, receivables):
    dialog = receivables.new_money("HZ01")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3)
    dialog.amount.setText("2,5")  # ambiguous: refused before posting, never read as 25
    dialog.post()
    assert dialog.message.text().startswith("Amount: enter an amount above 0")
    dialog.amount.setText("100")
    dialog.grid.item(1, C_ALLOCATE).setText("600")  # more than is open on it: said before posting
    assert "more than is open" in dialog.left_label.text()
    dialog.post()
    assert "more than is open" in dialog.message.text()
    dialog.grid.item(1, C_ALLOCATE).setText("")
    dialog.partner.setCurrentIndex(-1)
    dialog.partner.setEditText("NOPE")  # a code no customer has: the use case refuses it
    dialog.post()
    qtbot.waitUntil(lambda: "NOPE" in dialog.message.text())
    assert dialog.message.text() == UNKNOWN
    assert len(services.accounts.money("AR")) == 3  # nothing was recorded


def test_the_partner_page_shows_items_money_allocations_and_the_statement(qtbot, services, receivables, tmp_path,
                                                                          monkeypatch):
    from ui.screens.accounts import partner

    opened = []
    monkeypatch.setattr(partner, "open_file", opened.append)
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded and page.statement is not None)
    assert [r.number for r in page.items_model.rows][:1] and len(page.items_model.rows) == 3
    assert [(m.amount, m.allocated) for m in page.money_model.rows] == [(D(400), D(400))]
    assert page.figures.text().startswith("Balance 1,634.00 · credit 0.00 · Current 339.00 · 1–30 565.00")
    assert page.figures.text().endswith(">90 730.00 · overdue 1,295.00")
    [alloc] = page.alloc_model.rows
    assert (alloc.credit_kind, alloc.debit_kind, alloc.amount) == ("receipt", "sale", D(400))
    page.start.setDate(QDate(TODAY - timedelta(days=200)))
    page.load_statement()
    qtbot.waitUntil(lambda: page.statement is not None and page.statement.start == TODAY - timedelta(days=200))
    assert page.statement.closing == D("1634") and page.statement_model.rowCount() == 4
    with qtbot.waitSignal(page.write_statement_to(tmp_path / "st.xlsx").done):
        pass
    with qtbot.waitSignal(page.write_statement_to(tmp_path / "st.pdf").done):
        pass
    qtbot.waitUntil(lambda: opened == [tmp_path / "st.pdf"])
    assert (tmp_path / "st.pdf").read_bytes()[:4] == b"%PDF" and (tmp_path / "st.xlsx").stat().st_size > 0


def test_undoing_an_allocation_and_reversing_a_receipt_from_the_partner_page(qtbot, services, receivables,
                                                                             monkeypatch):
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded and len(page.alloc_model.rows) == 1)
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    page.alloc_view.setCurrentIndex(page.alloc_proxy.index(0, 0))
    with qtbot.waitSignal(page.changed):
        page.undo_selected()
    qtbot.waitUntil(lambda: page.loaded and page.alloc_model.rows == [])
    assert page.money_model.rows[0].unallocated == D(400)
    monkeypatch.setattr(page, "ask_reason", lambda number: "cheque bounced")
    page.money_view.setCurrentIndex(page.money_proxy.index(0, 0))
    with qtbot.waitSignal(page.changed):
        page.reverse_selected()
    qtbot.waitUntil(lambda: page.loaded and page.money_model.rows and page.money_model.rows[0].reversed)
    hz = next(a for a in services.accounts.balances("AR") if a.code == "HZ01")
    assert (hz.balance, hz.credit) == (D("2034"), D(0))


def test_payables_is_the_same_screen_for_suppliers_and_a_payment_settles_the_goods_receipt(qtbot, shop, services):
    screen, po = payables_screen(qtbot, shop, services)
    [sup] = screen.model.rows
    assert sup.code == "SUP" and sup.balance > 0 and sup.current + sup.d31_60 == sup.balance
    assert screen.receipt_button.text().startswith("&New payment")
    screen.table.selectRow(0)
    dialog = screen.new_money()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 1)
    assert dialog.grid.item(0, 0).text() == po and dialog.windowTitle() == "Payment entry"
    dialog.amount.setText(str(sup.balance))
    assert dialog.grid.item(0, C_ALLOCATE).text() == f"{sup.balance:,.2f}"
    with qtbot.waitSignal(dialog.posted) as posted:
        dialog.post()
    assert posted.args[0].startswith("PM-")
    qtbot.waitUntil(lambda: not screen.loading and screen.shown_rows() == [])  # settled: hidden unless asked
    screen.settled_too.setChecked(True)
    assert [(r.code, r.balance) for r in screen.shown_rows()] == [("SUP", D(0))]


def test_the_partner_is_found_by_typing_part_of_its_code_or_name(qtbot, services, receivables):
    dialog = receivables.new_money("")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.partner.count() == 5)
    dialog.partner.setEditText("nb02")
    dialog.partner.lineEdit().editingFinished.emit()
    assert dialog.partner_code() == "NB02"
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 1)
    dialog.partner.setEditText("Shanghai")
    dialog.partner.lineEdit().editingFinished.emit()
    assert dialog.partner_code() == "SH03"
    qtbot.waitUntil(lambda: dialog.grid.rowCount() == 0 and "credit already held 322.00" in dialog.items_label.text())


def typed_entry(qtbot, receivables):
    """A new receipt entry with no partner yet, shown and active, its partners read, the cursor in its partner field."""
    dialog = receivables.new_money("")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.partner.count() == 5)
    dialog.partner.setFocus()
    qtbot.waitUntil(lambda: dialog.partner.lineEdit().hasFocus())
    return dialog


def test_a_code_typed_then_tab_with_the_completion_list_open_chooses_the_partner(qtbot, services, receivables):
    """A clerk types the code (the completion list opens under the field) and presses Tab to the amount: the
    partner is chosen and its open items shown, so the money is allocated, not all kept as credit."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialog = typed_entry(qtbot, receivables)
    qtbot.keyClicks(dialog.partner.lineEdit(), "nb02")
    assert dialog.partner.completer().popup().isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.partner_code() == "NB02"
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 1)


def test_a_clerk_does_not_see_the_screens_and_a_purchaser_cannot_record_money(qtbot, shop, make_services):
    from ui.app import create_main_window

    db, _ = shop
    users.add_user(db.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(db.uow("boss", "admin"), users.AddUser("li", "li-pass-12", "clerk"))
    users.add_user(db.uow("boss", "admin"), users.AddUser("wu", "wu-pass-123", "purchaser"))
    services = make_services("li")
    services.role = "clerk"
    window = create_main_window(services)
    qtbot.addWidget(window)
    keys = [e.key for e in window.entries]
    for key in ("receivables", "payables"):
        assert window.nav.item(keys.index(key)).isHidden()
        assert not window.screen_actions[key].isEnabled()
    assert window.show_screen("receivables") is not window.screens.get("receivables")
    assert "receivables" not in window.screens
    screen = ReceivablesScreen(services)  # shown all the same: it says so and reads nothing
    qtbot.addWidget(screen)
    assert screen.refused.text().startswith("Balances are not shown") and screen.model.rowCount() == 0

    buyer = make_services("wu")
    buyer.role = "purchaser"
    window = create_main_window(buyer)
    qtbot.addWidget(window)
    assert window.screen_actions["receivables"].shortcut().toString() == "Ctrl+Shift+A"
    assert window.screen_actions["payables"].shortcut().toString() == "Ctrl+Shift+Y"
    screen = window.show_screen("receivables")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5)
    assert not screen.receipt_button.isEnabled() and "Accountant" in screen.receipt_button.toolTip()


def test_a_dialog_refuses_a_user_without_the_money_right_in_words(qtbot, shop, make_services):
    db, _ = shop
    users.add_user(db.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(db.uow("boss", "admin"), users.AddUser("wu", "wu-pass-123", "purchaser"))
    buyer = make_services("wu")
    buyer.role = "purchaser"
    dialog = MoneyDialog(buyer, "AR", "HZ01")
    qtbot.addWidget(dialog)
    assert not dialog.post_button.isEnabled()
    dialog.may_post = True  # as if the window had let it through: the domain refuses, and the dialog says why
    dialog.post_button.setEnabled(True)
    qtbot.waitUntil(lambda: dialog.items_ready)
    dialog.amount.setText("10")
    dialog.post()
    qtbot.waitUntil(lambda: "may not" in dialog.message.text())
    assert "record receipts, payments or supplier invoices" in dialog.message.text()


def test_credit_kept_is_allocated_later_from_the_partner_page(qtbot, services, receivables):
    from domain.accounts import commands as ac
    from domain.accounts.money import record_money

    kept = record_money(services.uow(), ac.RecordMoney("receipt", "HZ01", "500", day=TODAY, auto=False)).number
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded and any(r.number == kept for r in page.items_model.rows))
    dialog = page.allocate_credit()
    qtbot.addWidget(dialog)
    assert dialog.credit.currentData() == kept
    assert [dialog.grid.item(i, C_ALLOCATE).text() for i in range(3)] == ["500.00", "", ""]  # oldest first
    dialog.grid.item(0, C_ALLOCATE).setText("")
    dialog.grid.item(1, C_ALLOCATE).setText("200")
    assert "left as credit 300.00" in dialog.left_label.text()
    with qtbot.waitSignal(page.changed):
        dialog.post()
    qtbot.waitUntil(lambda: page.loaded and any(a.credit_number == kept for a in page.alloc_model.rows))
    [alloc] = [a for a in page.alloc_model.rows if a.credit_number == kept]
    assert alloc.amount == D(200)
    hz = next(a for a in services.accounts.balances("AR") if a.code == "HZ01")
    assert (hz.balance, hz.credit, hz.d1_30) == (D("1134"), D("300"), D("365"))


def test_the_screens_speak_chinese(qtbot, services):
    from ui import i18n

    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        screen = ReceivablesScreen(services)
        qtbot.addWidget(screen)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 5 and not screen.loading)
        headers = [screen.model.headerData(i, Qt.Orientation.Horizontal) for i in range(screen.model.columnCount())]
        assert headers[:4] == ["编码", "名称", "余额", "预收款"] and headers[8] == "90 天以上"
        assert screen.receipt_button.text() == "新建收款单(&N)… (Ctrl+N)"
        assert screen.totals_model.rows[0].name == "合计"
        dialog = screen.new_money("HZ01")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "收款单"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_every_button_of_the_ageing_screens_has_a_key_in_both_languages(qtbot, make_services, chinese):
    """New receipt had Ctrl+N while Partner page and Export to Excel had no key at all."""
    for kind in (ReceivablesScreen, PayablesScreen):
        screen = kind(make_services())
        qtbot.addWidget(screen)
        qtbot.waitUntil(lambda s=screen: not s.loading)
        texts = [b.text() for b in (screen.receipt_button, screen.page_button, screen.export_button)]
        assert all("&" in t or "Ctrl+" in t for t in texts), texts


def test_in_chinese_a_customers_credit_is_prepaid_to_us_and_a_suppliers_prepaid_by_us(qtbot, shop, services, chinese):
    """Both lists headed the credit column 预收/预付, on Receivables where only 预收 can be, and so did a partner's
    figures; a customer's credit is 预收款, a supplier's 预付款."""
    from tests.ui.accounts_data import payables

    db, _ = shop
    payables(db, TODAY)
    heads = {}
    for kind in (ReceivablesScreen, PayablesScreen):
        screen = kind(services)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda screen=screen: not screen.loading and screen.model.rowCount() > 0)
        heads[kind] = screen.proxy.headerData(screen.model.C_CREDIT, Qt.Orientation.Horizontal)
        screen.open_partner(screen.shown_rows()[0])
        page = screen.page
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda page=page: page.loaded)
        assert ("预收" if kind is ReceivablesScreen else "预付") in page.figures.text()
        assert "预收/预付" not in page.figures.text()
    assert heads == {ReceivablesScreen: "预收款", PayablesScreen: "预付款"}


def test_the_remainder_of_a_document_is_written_off_from_the_partner_page_and_reversed_there(qtbot, services,
                                                                                              receivables,
                                                                                              monkeypatch):
    """NB02 owes 904.00 on one sale; written off with a reason it owes nothing, the write-off is listed with the
    money and its reversal makes the sale owed again."""
    row = next(r for r in receivables.model.rows if r.code == "NB02")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded and len(page.items_model.rows) == 1)
    asked = []
    monkeypatch.setattr(page, "ask_write_off_reason", lambda number, amount: asked.append((number, amount)) or "尾差")
    page.items_view.setCurrentIndex(QModelIndex())
    page.write_off_selected()  # nothing chosen: says where to choose, asks nothing
    assert asked == [] and page.message.text() == ("Choose the document whose remainder to write off on the Open "
                                                   "items tab first.")
    page.items_view.setCurrentIndex(page.items_proxy.index(0, 0))
    sale = page.items_model.rows[0].number
    with qtbot.waitSignal(page.changed):
        page.write_off_selected()
    qtbot.waitUntil(lambda: page.loaded and page.items_model.rows == [])
    assert asked == [(sale, "904.00")] and f"Wrote off 904.00 of {sale}" in page.message.text()
    nb = next(a for a in services.accounts.balances("AR") if a.code == "NB02")
    assert (nb.balance, nb.credit) == (0, 0)
    [wo] = [r for r in page.money_model.rows if r.kind == "write_off"]
    monkeypatch.setattr(page, "ask_reason", lambda number: "they will pay")
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    page.money_view.setCurrentIndex(page.money_proxy.index(page.money_model.rows.index(wo), 0))
    with qtbot.waitSignal(page.changed):
        page.reverse_selected()
    qtbot.waitUntil(lambda: page.loaded and len(page.items_model.rows) == 1)
    assert next(a for a in services.accounts.balances("AR") if a.code == "NB02").balance == D("904")


def test_the_open_items_add_up_to_the_partners_balance_and_each_opens_its_document(qtbot, services, receivables):
    """A partner's page listed its open items with nothing under them, and an item could not be opened: the total
    under the list is the balance the list of partners shows, and a double-click opens the document with its
    figures, what settled it and the goods on it."""
    for code in ("HZ01", "SH03"):
        row = next(r for r in receivables.model.rows if r.code == code)
        receivables.open_partner(row)
        page = receivables.page
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda page=page: page.loaded)
        owed, credit = (sum((r.open for r in page.items_model.rows if (r.amount > 0) == plus), D(0))
                        for plus in (True, False))
        assert owed - credit == row.balance
        assert page.items_total.text() == (f"Open items total: owed {owed:,.2f} · credit {credit:,.2f} · "
                                           f"balance {row.balance:,.2f}")
    hz = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(hz)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    assert page.items_total.text() == "Open items total: owed 1,634.00 · credit 0.00 · balance 1,634.00"
    page.items_view.setCurrentIndex(QModelIndex())
    assert page.open_selected_item() is None
    assert page.message.text() == "Choose the item to open on the Open items tab first."
    oldest = page.items_proxy.index(0, 0)  # due 100 days ago, 400.00 of it received
    page.items_view.doubleClicked.emit(oldest)
    dialog = page.item_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.lines_loaded)
    row = page.items_model.rows[0]
    shown = {caption: label.text() for caption, label in dialog.values.items()}
    assert shown == {"Number": row.number, "Kind": "Sale", "Date": row.business_date.isoformat(),
                     "Due": (TODAY - timedelta(days=100)).isoformat(), "Days overdue": "100",
                     "Amount": "1,130.00", "Allocated": "400.00", "Open": "730.00"}
    assert [(a.credit_kind, a.amount) for a in dialog.alloc_model.rows] == [("receipt", D(400))]
    assert [(x.sku, x.qty) for x in dialog.lines_model.rows] == [("HM-1", D(100))]
    assert dialog.windowTitle() == f"Sale — {row.number}"


def test_every_word_about_credit_is_an_advance_received_for_a_customer_and_an_advance_paid_for_a_supplier(
        qtbot, shop, services, chinese):
    """The partner page, the receipt or payment entry and the allocation dialog said 预收/预付 on either side: a
    customer's advance is 预收款, a supplier's 预付款, and neither page says both."""
    from tests.ui.accounts_data import payables

    db, _ = shop
    payables(db, TODAY)
    from domain.accounts import commands as ac
    from domain.accounts.money import record_money

    record_money(db.uow(), ac.RecordMoney("payment", "SUP", "900", day=TODAY, auto=False))  # an advance paid
    for kind, word, other in ((ReceivablesScreen, "预收款", "预付"), (PayablesScreen, "预付款", "预收")):
        screen = kind(services)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda screen=screen: not screen.loading and screen.model.rowCount() > 0)
        row = next(r for r in screen.shown_rows() if r.credit > 0)
        screen.open_partner(row)
        page = screen.page
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda page=page: page.loaded)
        dialog = page.allocate_credit()
        qtbot.addWidget(dialog)
        entry = page.new_money()
        qtbot.addWidget(entry)
        texts = [page.allocate_button.text(), page.items_total.text(), dialog.windowTitle(),
                 dialog.credit_label.text(), dialog.left_label.text(), entry.clear_button.text()]
        assert all(word in t for t in texts), texts
        assert not any(other in t or "/" in t for t in texts), texts


def test_the_list_ages_by_document_date_in_the_bands_typed_and_the_office_keeps_them(qtbot, services, receivables):
    """The list aged only by the due date in fixed bands: Age by and Bands choose the document's date and bands
    such as 30/60/90/180; the columns, the totals and the bars follow, and the choice is the office's."""
    from domain.accounts.ageing import Basis
    from domain.accounts.ageing import Scheme
    from domain.accounts.ageing_choice import ageing_scheme

    def heads(screen) -> list[str]:
        return [screen.model.headerData(i, Qt.Orientation.Horizontal) for i in range(screen.model.columnCount())]

    assert heads(receivables)[4:10] == ["Current", "1–30", "31–60", "61–90", ">90", "Overdue"]
    receivables.bands.setText("30/60/90/180")
    receivables.basis.setCurrentIndex(receivables.basis.findData("date"))  # applies both
    qtbot.waitUntil(lambda: not receivables.loading and receivables.scheme.basis == Basis.DATE)
    assert heads(receivables)[4:10] == ["0–30", "31–60", "61–90", "91–180", ">180", "Overdue"]
    hz = next(r for r in receivables.model.rows if r.code == "HZ01")
    # sold 130 days ago (730.00 left), 45 days ago (565.00), 5 days ago (339.00): by their dates, not their due dates
    assert hz.bands == (D("339"), D("565"), D(0), D("730"), D(0))
    total = receivables.totals_model.rows[0]
    assert total.bands == tuple(sum((r.bands[i] for r in receivables.model.rows), D(0)) for i in range(5))
    assert receivables.chart.heights() == [float(x) for x in total.bands]
    assert ageing_scheme(services.uow()) == Scheme(Basis.DATE, (30, 60, 90, 180))
    # another look at the screen (another desk, the next day) starts with the office's choice
    again = ReceivablesScreen(services)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: not again.loading and again.model.rowCount() == 5)
    assert (again.basis.currentData(), again.bands.text(), heads(again)[7]) == ("date", "30/60/90/180", "91–180")
    receivables.bands.setText("90/30")
    receivables.apply_ageing()
    qtbot.waitUntil(lambda: not receivables.loading and receivables.error_label.isVisible())
    assert "does not rise" in receivables.error_label.text()
    assert ageing_scheme(services.uow()) == Scheme(Basis.DATE, (30, 60, 90, 180))  # nothing stored
    receivables.open_partner(hz)  # the partner's page ages in the same bands
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    assert page.figures.text() == ("Balance 1,634.00 · credit 0.00 · 0–30 339.00 · 31–60 565.00 · 61–90 0.00 · "
                                   "91–180 730.00 · >180 0.00 · overdue 1,295.00")


def test_the_ageing_bands_speak_chinese(qtbot, services, chinese):
    screen = ReceivablesScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 5)
    screen.bands.setText("45/120")
    screen.apply_ageing()
    qtbot.waitUntil(lambda: not screen.loading and screen.scheme.bounds == (45, 120))
    heads = [screen.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4, 7)]
    assert heads == ["未到期", "1–45 天", "46–120 天"] and screen.basis.currentText() == "到期日"
    assert screen.model.headerData(7, Qt.Orientation.Horizontal) == "120 天以上"


def test_a_refund_above_the_advance_is_refused_in_the_words_of_its_side(shop, chinese):
    """The refusal said 预收/预付 余额 to either side: a customer's refund is out of its advance received (预收款), a
    supplier's out of the advance paid to it (预付款)."""
    from domain.accounts import commands as ac
    from domain.accounts.money import record_money
    from domain.kernel.errors import RuleViolation
    from ui.refusals import refusal_text

    db, _ = shop
    for side, partner, word, other in (("AR", "SH03", "预收款", "预付"), ("AP", "SUP", "预付款", "预收")):
        with pytest.raises(RuleViolation) as refused:
            record_money(db.uow(), ac.RecordMoney("refund", partner, "99999", side=side, day=TODAY))
        text = refusal_text(refused.value)
        assert word in text and other not in text and "/" not in text, text


def test_the_open_items_are_written_to_a_pdf_and_a_workbook_in_the_windows_language(qtbot, services, receivables,
                                                                                      tmp_path, monkeypatch, chinese):
    """The open items could only be looked at: Print PDF… and Export Excel… under them write them with each kind in
    words (销售单, not sale) and their total, the balance."""
    from ui.screens.accounts import partner

    opened = []
    monkeypatch.setattr(partner, "open_file", opened.append)
    receivables.open_partner(next(r for r in receivables.model.rows if r.code == "HZ01"))
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    assert (page.items_pdf_button.text(), page.items_xlsx_button.text()) == ("打印 PDF(&P)…", "导出 Excel(&X)…")
    with qtbot.waitSignal(page.write_open_items_to(tmp_path / "oi.xlsx").done):
        pass
    cells = [v for row in load_workbook(tmp_path / "oi.xlsx").active.iter_rows(values_only=True) for v in row
             if v is not None]
    assert cells[0] == "应收未清明细" and "销售单" in cells and "sale" not in cells
    assert cells[-2:] == ["合计", 1634]
    with qtbot.waitSignal(page.write_open_items_to(tmp_path / "oi.pdf").done):
        pass
    qtbot.waitUntil(lambda: opened == [tmp_path / "oi.pdf"])
    assert (tmp_path / "oi.pdf").read_bytes()[:4] == b"%PDF"


def test_a_goods_receipt_against_an_order_opens_with_the_line_its_payable_was_made_by(qtbot, shop, services):
    """The payable of a delivery against a PO carries the order's number and its receipt movement: the dialog said
    "no goods lines"; through the line that names the movement it shows the goods receipt's line, with its unit cost
    and amount, under the receipt's number."""
    screen, po = payables_screen(qtbot, shop, services)
    screen.open_partner(screen.model.rows[0])
    page = screen.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    [item] = page.items_model.rows
    assert (item.kind, item.number) == ("goods_receipt", po)
    dialog = page.open_item(item)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.lines_loaded)
    assert [(x.sku, x.name, x.qty, x.unit_cost) for x in dialog.lines_model.rows] == [("HM-1", "Hammer", D(10), D(50))]
    [receipt] = [d.number for d in services.documents.document_list("receipt")]
    assert receipt.startswith("GR-") and dialog.lines_label.text() == f"Goods received on {receipt}"
    model = dialog.lines_model
    assert [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())] == [
        "SKU", "Product", "Quantity", "Unit", "Unit cost", "Amount"]
    assert [model.index(0, c).data() for c in (4, 5)] == ["50.00", "500.00"]
    assert not any(dialog.lines_view.isColumnHidden(c) for c in range(model.columnCount()))


def test_a_sales_goods_lines_show_no_cost(qtbot, services, receivables):
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    dialog = page.open_item(page.items_model.rows[0])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.lines_loaded)
    assert dialog.lines_label.text() == "Goods on the document"
    assert [dialog.lines_view.isColumnHidden(c) for c in range(6)] == [False] * 4 + [True] * 2


def test_tab_from_the_method_passes_the_date_and_the_reference_typed_next_stays_out_of_it(qtbot, services,
                                                                                         receivables):
    """Qt's date field takes Tab from section to section: two Tabs from the method stayed in the date, and the bank
    reference typed next ('0042') moved the receipt's date to April without a word."""
    from PySide6.QtWidgets import QApplication

    dialog = receivables.new_money("HZ01")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.method.count() > 1)
    dialog.method.setFocus()
    qtbot.waitUntil(lambda: dialog.method.hasFocus())
    qtbot.keyClick(dialog.method, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.day
    qtbot.keyClick(dialog.day, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reference
    qtbot.keyClicks(dialog.reference, "BOC 0042")
    assert dialog.reference.text() == "BOC 0042"
    assert dialog.day.date() == QDate(TODAY.year, TODAY.month, TODAY.day)
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # and back the same way
    assert QApplication.focusWidget() is dialog.day
    qtbot.keyClick(dialog.day, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.method


def test_a_partner_searched_for_opens_its_page_with_enter_and_a_row_with_enter_too(qtbot, services, receivables):
    """Typing a name in the search box left the keyboard there: ↓ and Enter did nothing, Enter on a row did nothing,
    and Partner page… did nothing either while the one row found was not clicked."""
    from PySide6.QtWidgets import QApplication

    receivables.activateWindow()
    receivables.search.setFocus()
    qtbot.waitUntil(lambda: receivables.search.hasFocus())
    qtbot.keyClicks(receivables.search, "HZ01")
    assert receivables.proxy.rowCount() == 1
    qtbot.keyClick(receivables.search, Qt.Key.Key_Return)  # the only partner found: its page
    assert receivables.page is not None and receivables.page.code == "HZ01"
    qtbot.addWidget(receivables.page)
    receivables.page.close()

    receivables.search.clear()
    receivables.activateWindow()
    receivables.search.setFocus()
    qtbot.waitUntil(lambda: receivables.search.hasFocus())
    qtbot.keyClick(receivables.search, Qt.Key.Key_Down)  # into the list, on the first partner
    assert QApplication.focusWidget() is receivables.table
    qtbot.keyClick(receivables.table, Qt.Key.Key_Down)
    second = receivables.selected_row()
    qtbot.keyClick(receivables.table, Qt.Key.Key_Return)
    assert receivables.page.code == second.code
    qtbot.addWidget(receivables.page)
    receivables.page.close()

    receivables.search.setText("SH03")  # found, not clicked: the button opens it
    receivables.table.setCurrentIndex(receivables.proxy.index(-1, -1))
    receivables.open_selected()
    assert receivables.page.code == "SH03"
    qtbot.addWidget(receivables.page)
    services.tasks.wait()


def test_the_receipt_entry_says_what_the_documents_listed_still_owe_in_all(qtbot, services, receivables):
    """The entry counted the open documents but did not add them up: a customer paying everything it owes made the
    clerk add up the grid by hand (or close the entry for the list) before typing the amount."""
    from ui.screens.accounts.entry import C_OPEN

    dialog = receivables.new_money("HZ01")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3)
    opens = [D(dialog.grid.item(i, C_OPEN).text().replace(",", "")) for i in range(3)]
    assert sum(opens) == D("1634")
    assert dialog.items_label.text() == "Open documents: 3, open 1,634.00 · credit already held 0.00"
    dialog.amount.setText("1,634.00")  # all of it: every document settled, nothing left as credit
    assert "left as credit 0.00" in dialog.left_label.text()
    assert [dialog.grid.item(i, C_ALLOCATE).text() for i in range(3)] == [f"{x:,.2f}" for x in opens]


def test_enter_on_the_partner_goes_on_to_the_amount(qtbot, services, receivables):
    """Enter after the customer's code did nothing; the clerk had to Tab on (or take the mouse) to type the amount."""
    from PySide6.QtWidgets import QApplication

    dialog = typed_entry(qtbot, receivables)
    dialog.partner.setEditText("hz01")
    qtbot.keyClick(dialog.partner.lineEdit(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.amount
    assert dialog.partner_code() == "HZ01"
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3)
    qtbot.keyClicks(dialog.amount, "100")
    assert dialog.grid.item(0, C_ALLOCATE).text() == "100.00"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_field_of_the_receipt_entry_has_its_own_alt_key(qtbot, services, receivables, language):
    """The entry's labels had no keys: back from the allocation grid to the amount took the mouse or a run of
    Shift+Tabs through the date's sections."""
    import re

    from PySide6.QtWidgets import QApplication

    from ui import i18n

    i18n.set_language(language, persist=False)
    try:
        dialog = receivables.new_money("HZ01")
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        labels = (dialog.partner_label, dialog.amount_label, dialog.method_label, dialog.day_label,
                  dialog.reference_label, dialog.note_label)
        keys = [re.search(r"&(\w)", label.text()).group(1).upper() for label in labels]
        assert len(set(keys)) == len(keys), keys
        qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3)
        dialog.grid.setFocus()
        qtbot.waitUntil(lambda: dialog.grid.hasFocus())
        qtbot.keyClick(dialog.grid, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is dialog.amount
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_tab_leaves_the_partner_pages_statement_period(qtbot, receivables):
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.loaded)
    page.tabs.setCurrentIndex(3)  # the statement
    shown = [e for e in (page.start, page.end) if e.isVisible()]
    assert shown == [page.start, page.end]
    for edit in shown:
        assert_tab_leaves(qtbot, edit)
    page.start.setFocus()
    qtbot.waitUntil(page.start.hasFocus)
    qtbot.keyClick(page.start, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.end  # the period's end comes next, not the start's month


def _page_keys(page) -> dict[str, list[str]]:
    """Each Alt letter of what the partner page shows now (buttons, labels of fields, the tab bar) and its texts."""
    import re

    from PySide6.QtWidgets import QAbstractButton
    from PySide6.QtWidgets import QLabel

    texts = [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(page)]
    texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    keys: dict[str, list[str]] = {}
    for text in texts:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        keys.setdefault(found.group(1).lower() if found else "", []).append(text)
    return keys


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_every_action_tab_and_field_of_the_partner_page_has_its_own_alt_key(qtbot, shop, services, receivables,
                                                                          language, request):
    """The page's actions, its tabs, the statement's period and its Print PDF… / Export Excel… had no key: a
    bookkeeper at the statement reached them by Tab through the tab bar and the table, or with the mouse; and on a
    supplier's page Open document… and Supplier invoice… shared Alt+O. Each tab shows its own, none twice."""
    request.getfixturevalue(language)
    screen, _po = payables_screen(qtbot, shop, services)
    for side, row in (("AR", next(r for r in receivables.model.rows if r.code == "HZ01")),
                      ("AP", screen.model.rows[0])):
        (receivables if side == "AR" else screen).open_partner(row)
        page = (receivables if side == "AR" else screen).page
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda p=page: p.loaded)
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
            keys = _page_keys(page)
            assert "" not in keys, (side, tab, keys.get(""))
            assert {k: t for k, t in keys.items() if len(t) > 1} == {}, (side, tab)


def test_the_statement_is_printed_and_money_entered_from_the_partner_page_by_keys(qtbot, receivables, monkeypatch):
    """Alt+S opens the statement, Alt+F and Alt+T choose its period, Alt+P prints it (not the open items, whose Print
    PDF… shares the letter on the tab not shown) and Ctrl+N enters a receipt, as on the list."""
    row = next(r for r in receivables.model.rows if r.code == "HZ01")
    receivables.open_partner(row)
    page = receivables.page
    qtbot.addWidget(page)
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.loaded and QApplication.activeWindow() is page)
    asked = []
    monkeypatch.setattr(page, "ask_target", lambda name, suffix: asked.append((name.split()[0], suffix)))
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(page, Qt.Key.Key_S, alt)
    assert page.tabs.currentIndex() == 3
    qtbot.keyClick(page, Qt.Key.Key_F, alt)
    assert QApplication.focusWidget() is page.start
    qtbot.keyClick(page, Qt.Key.Key_T, alt)
    assert QApplication.focusWidget() is page.end
    qtbot.keyClick(page, Qt.Key.Key_P, alt)
    qtbot.waitUntil(lambda: asked == [("Statement", ".pdf")])  # a button's Alt key clicks it a moment later
    qtbot.keyClick(page, Qt.Key.Key_I, alt)
    assert page.tabs.currentIndex() == 0
    qtbot.keyClick(page, Qt.Key.Key_X, alt)
    qtbot.waitUntil(lambda: asked[-1] == ("Open", ".xlsx"))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, MoneyDialog)
    qtbot.addWidget(page.dialog)
    qtbot.waitUntil(lambda: page.dialog.partner_code() == "HZ01")  # chosen once the customers are read


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_lists_filters_and_ageing_choice_are_reached_with_alt_keys(qtbot, receivables, language, request):
    """Overdue only, Settled partners too, As of, Age by and Bands had no key: ageing the list as of the month's end
    took Tab through the check boxes or the mouse."""
    request.getfixturevalue(language)
    screen = receivables
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    alt = Qt.KeyboardModifier.AltModifier
    for key, widget in ((Qt.Key.Key_A, screen.as_of), (Qt.Key.Key_G, screen.basis), (Qt.Key.Key_B, screen.bands)):
        qtbot.keyClick(screen, key, alt)
        assert QApplication.focusWidget() is widget
    qtbot.keyClick(screen, Qt.Key.Key_O, alt)
    qtbot.waitUntil(screen.overdue_only.isChecked)
    qtbot.keyClick(screen, Qt.Key.Key_T, alt)
    qtbot.waitUntil(screen.settled_too.isChecked)


def test_after_a_receipt_posts_the_cursor_waits_in_the_customer_for_the_next_and_the_allocation_has_keys(
        qtbot, receivables):
    """The cursor stayed in the note Ctrl+Enter was pressed in, so the next customer's code was typed there; and Oldest
    first / Keep all as credit had no key."""
    dialog = receivables.new_money("HZ01")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.grid.rowCount() == 3
                    and QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.amount, "1000")
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(dialog.amount, Qt.Key.Key_K, alt)
    qtbot.waitUntil(lambda: "left as credit 1,000.00" in dialog.left_label.text())
    qtbot.keyClick(dialog.amount, Qt.Key.Key_O, alt)
    qtbot.waitUntil(lambda: "left as credit 0.00" in dialog.left_label.text())
    qtbot.keyClick(dialog.amount, Qt.Key.Key_N, alt)
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Nov")
    with qtbot.waitSignal(dialog.posted):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() in (dialog.partner, dialog.partner.lineEdit())
    assert dialog.partner.lineEdit().selectedText() == dialog.partner.currentText() != ""
