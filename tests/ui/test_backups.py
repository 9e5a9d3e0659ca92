"""Settings › Backups: the list, backing up now, restoring with a confirmation (the window reopens the
database), the integrity check and the kept count — all with the work on the task runner."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import backup
from persistence.stock import queries
from ui.app import create_main_window
from ui.screens.settings_backups import KIND
from ui.screens.settings_backups import SIZE
from ui.screens.settings_backups import WHEN
from ui.screens.settings_backups import BackupsPage


@pytest.fixture
def shop(db):
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("A", "Apple"))
    ledger.receive(db.uow(), c.ReceiveStock("A", "10", "MAIN", "2.50"))
    return db


@pytest.fixture
def page(qtbot, shop, make_services):
    widget = BackupsPage(make_services())
    qtbot.addWidget(widget)
    widget.resize(760, 420)
    widget.show()
    idle(qtbot, widget)
    return widget


def idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page._running == 0 and page.services.tasks.busy == 0, timeout=15_000)


def test_the_list_shows_each_backup_newest_first_with_when_kind_and_size(qtbot, shop, make_services):
    daily = backup.daily_backup(shop.path)
    manual = backup.timestamped_backup(shop.path, backup.MANUAL)
    page = BackupsPage(make_services())
    qtbot.addWidget(page)
    idle(qtbot, page)
    assert page.table.rowCount() == 2
    assert [page.table.item(r, KIND).text() for r in range(2)] == ["Made by hand", "Daily (automatic)"]
    assert [page.table.item(r, WHEN).data(256) for r in range(2)] == [str(manual), str(daily)]
    assert re.fullmatch(r"[\d,]+ KB|[\d,]+(\.\d)? [MG]B", page.table.item(0, SIZE).text())
    assert str(shop.path.parent / "backups") in page.intro.text()
    assert not page.restore_button.isEnabled()  # nothing selected yet
    page.table.selectRow(1)
    assert page.restore_button.isEnabled()


def test_back_up_now_adds_a_backup_to_the_list(qtbot, page):
    assert page.table.rowCount() == 0
    page.back_up_button.click()
    assert not page.back_up_button.isEnabled()  # busy while the copy is made
    idle(qtbot, page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    [made] = backup.list_backups(page.services.database.path)
    assert str(made.path) in page.result.text()
    assert page.back_up_button.isEnabled()


def test_restoring_asks_first_and_nothing_happens_when_the_answer_is_no(qtbot, page, shop, monkeypatch):
    backup.timestamped_backup(shop.path, backup.MANUAL)
    page.refresh()
    idle(qtbot, page)
    ledger.receive(shop.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    asked = []
    monkeypatch.setattr(page, "_confirm", lambda question: asked.append(question) or False)
    page.table.selectRow(0)
    page.restore_button.click()
    idle(qtbot, page)
    assert len(asked) == 1 and "A backup of the current database is made first" in asked[0]
    assert queries.on_hand(shop.engine, "A", "MAIN") == Decimal(15)
    assert len(backup.list_backups(shop.path)) == 1


def test_restore_in_the_window_saves_the_current_file_and_reopens_the_database(qtbot, shop, make_services,
                                                                            monkeypatch):
    made = backup.timestamped_backup(shop.path, backup.MANUAL)
    ledger.receive(shop.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    services = make_services()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_screen("settings").page("backups")
    idle(qtbot, page)
    monkeypatch.setattr(BackupsPage, "_confirm", lambda self, question: True)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.restored, timeout=15_000) as signal:
        page.restore_button.click()
    result = signal.args[0]
    assert result.restored_from == made
    qtbot.waitUntil(lambda: window.services is not services and window.opening is None)  # opened on the runner
    try:
        assert window.services is not services  # reopened: every screen reads the restored file
        assert window.services.database.path == shop.path
        assert queries.on_hand(window.services.database.engine, "A", "MAIN") == Decimal(10)
        assert "The previous database was saved as" in window.statusBar().currentMessage()
        saved = result.previous_saved_to
        assert saved is not None and "before-restore" in saved.name
        conn = sqlite3.connect(saved)
        try:
            assert conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 2
        finally:
            conn.close()
        fresh = window.screen("settings").page("backups")
        assert fresh is not page
        idle(qtbot, fresh)
        assert fresh.table.rowCount() == 2  # the backup restored from and the one made before
    finally:
        window.services.tasks.wait()
        window.services.database.close()


def test_restoring_an_old_backup_in_the_window_deletes_no_backup_and_keeps_thirty(qtbot, shop, make_services,
                                                                                   monkeypatch):
    backup.set_backup_keep(shop.engine, 1)
    old = backup.timestamped_backup(shop.path, backup.MANUAL)  # made when only one backup was kept
    backup.set_backup_keep(shop.engine, 30)
    for _ in range(12):
        backup.timestamped_backup(shop.path, backup.DAILY)
    before = {b.path for b in backup.list_backups(shop.path)}
    services = make_services()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_screen("settings").page("backups")
    idle(qtbot, page)
    monkeypatch.setattr(BackupsPage, "_confirm", lambda self, question: True)
    page.table.selectRow(page.table.rowCount() - 1)  # the oldest
    assert page.selected_backup() == old
    with qtbot.waitSignal(page.restored, timeout=15_000) as signal:
        page.restore_button.click()
    result = signal.args[0]
    qtbot.waitUntil(lambda: window.services is not services and window.opening is None)
    try:
        after = {b.path for b in backup.list_backups(shop.path)}
        assert after == before | {result.previous_saved_to}
        assert all(path.is_file() for path in after)
        fresh = window.screen("settings").page("backups")
        idle(qtbot, fresh)
        assert fresh.table.rowCount() == 14 and fresh.keep.value() == 30
        fresh.back_up_button.click()  # the next backup prunes with the setting in force before: nothing yet
        idle(qtbot, fresh)
        assert {b.path for b in backup.list_backups(shop.path)} > after
    finally:
        window.services.tasks.wait()
        window.services.database.close()


def test_restoring_a_file_that_is_no_backup_says_why_and_changes_nothing(qtbot, page, shop, tmp_path, monkeypatch):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database")
    monkeypatch.setattr(page, "_confirm", lambda question: True)
    page.restore(notes)
    idle(qtbot, page)
    assert "Could not restore" in page.result.text() and "not a SQLite database" in page.result.text()
    assert queries.on_hand(shop.engine, "A", "MAIN") == Decimal(10)
    assert backup.list_backups(shop.path) == []


def test_the_integrity_check_shows_ok_and_then_a_balance_that_differs(qtbot, page, shop):
    page.check_button.click()
    idle(qtbot, page)
    assert "File: ok" in page.result.text() and "Ledger: ok" in page.result.text()
    with shop.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE balances SET on_hand = on_hand * 2")
    page.check_button.click()
    idle(qtbot, page)
    text = page.result.text()
    assert "1 difference(s) from the ledger" in text
    assert "A in MAIN: the stock balance says 20 on hand, but its movements add up to 10" in text
    assert "Restore a backup" in text


def _stale_sale(shop) -> str:
    """A sale whose line keeps a cost that is not its movement's value, as a file made before the lines followed
    the ledger may; returns its number."""
    from domain.sales import commands as sc
    from domain.sales import shipping

    catalog.add_customer(shop.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    sale = shipping.sell(shop.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("A", "2", "6.00"),)))
    with shop.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sales_lines SET cost = 40000, margin = revenue - 40000")  # 4.00, not 5.00
    return sale.number


def test_repair_sales_costs_asks_with_the_count_and_no_changes_nothing(qtbot, page, shop, monkeypatch):
    _stale_sale(shop)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No)
    page.repair_button.click()
    idle(qtbot, page)
    assert len(asked) == 1 and asked[0].startswith("1 sales line(s) carry a cost")
    assert "changes by -1.00 in all" in asked[0] and "backed up first" in asked[0]
    assert page.result.text() == "Nothing was changed."
    assert not backup.list_backups(shop.path)
    assert len(queries.check(shop.engine)) == 1


def test_repair_sales_costs_backs_up_sets_the_lines_and_says_what_changed(qtbot, page, shop, monkeypatch):
    number = _stale_sale(shop)
    page.check_button.click()
    idle(qtbot, page)
    assert f"{number} line 1 (A): the line's cost is 4, but its stock movement's cost in the ledger is 5" in \
        page.result.text()
    assert "Repair sales costs sets" in page.result.text() and "Restore a backup" not in page.result.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.repair_button.click()
    idle(qtbot, page)
    text = page.result.text()
    assert f"{number} line 1 (A): cost 4.00 → 5.00, margin 8.00 → 7.00 (-1.00)" in text
    assert "No stock movement was written or edited" in text
    [made] = backup.list_backups(shop.path)
    assert made.reason == "before-repair" and str(made.path) in text
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, KIND).text() == "Before a repair"
    assert queries.check(shop.engine) == []


def test_the_kept_count_is_saved_in_the_database_and_prunes_at_once(qtbot, page, shop, monkeypatch):
    for _ in range(4):
        backup.timestamped_backup(shop.path, backup.MANUAL)
    page.refresh()
    idle(qtbot, page)
    assert page.keep.value() == 10 and page.table.rowCount() == 4
    asked = []
    monkeypatch.setattr(page, "_confirm_delete", lambda question: asked.append(question) or True)
    page.keep.setValue(2)
    page.save_keep_button.click()
    assert asked == ["Keep only the newest 2 backup(s)? The 2 older one(s) are deleted now and cannot be brought "
                     "back."]
    idle(qtbot, page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert backup.backup_keep(shop.engine) == 2
    assert "2 backup(s)" in page.result.text()


def test_lowering_the_kept_count_asks_first_and_no_deletes_nothing(qtbot, page, shop, monkeypatch):
    for _ in range(3):
        backup.timestamped_backup(shop.path, backup.MANUAL)
    page.refresh()
    idle(qtbot, page)
    monkeypatch.setattr(page, "_confirm_delete", lambda question: False)
    page.keep.setValue(1)
    page.save_keep_button.click()
    idle(qtbot, page)
    assert len(backup.list_backups(shop.path)) == 3 and backup.backup_keep(shop.engine) == 10
    assert "Nothing was deleted" in page.result.text()
    raised = []
    monkeypatch.setattr(page, "_confirm_delete", lambda question: raised.append(question) or True)
    page.keep.setValue(20)  # more than there are: nothing to delete, nothing to ask
    page.save_keep_button.click()
    idle(qtbot, page)
    assert raised == [] and backup.backup_keep(shop.engine) == 20


def test_the_page_is_the_backups_tab_of_the_settings(qtbot, make_services, shop):
    from ui.screens.settings import SettingsScreen

    settings = SettingsScreen(make_services())
    qtbot.addWidget(settings)
    page = settings.page("backups")
    assert isinstance(page, BackupsPage)
    assert settings.tabs.tabText(settings.tabs.currentIndex()) == "Backups"
    idle(qtbot, page)


def test_switching_to_chinese_translates_the_page_and_its_list(qtbot, make_services, shop):
    from ui import i18n
    from ui.screens.settings import SettingsScreen

    backup.timestamped_backup(shop.path, backup.MANUAL)
    settings = SettingsScreen(make_services())
    qtbot.addWidget(settings)
    page = settings.page("backups")
    idle(qtbot, page)
    try:
        assert i18n.set_language(i18n.CHINESE, persist=False)
        qtbot.waitUntil(lambda: page.back_up_button.text() == "立即备份(&B)")  # Qt posts the LanguageChange
        assert page.table.item(0, KIND).text() == "手动"
        assert page.table.horizontalHeaderItem(KIND).text() == "类型"
        assert "年" in page.table.item(0, WHEN).text() or "/" in page.table.item(0, WHEN).text()
        # the size as in English (``696 KB``), not Qt's ``696.0 kB``
        assert re.fullmatch(r"[\d,]+ KB|[\d,]+(\.\d)? [MG]B", page.table.item(0, SIZE).text())
        assert "kB" not in page.table.item(0, SIZE).text()
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    qtbot.waitUntil(lambda: page.table.item(0, KIND).text() == "Made by hand")


def test_a_clerk_sees_restore_disabled_and_the_domain_refuses_a_restore_anyway(qtbot, shop, make_services):
    from domain.access import users
    from ui.screens.settings import SettingsScreen

    users.add_user(shop.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(shop.uow("boss", "admin"), users.AddUser("li", "li-pass-12", "clerk"))
    services = make_services("li")
    services.role = "clerk"
    settings = SettingsScreen(services)
    qtbot.addWidget(settings)
    page = settings.page("backups")
    idle(qtbot, page)
    assert not page.restore_button.isEnabled() and not page.restore_file_button.isEnabled()
    assert "Admin" in page.restore_button.toolTip()
    assert page.back_up_button.isEnabled()  # a clerk may still make a copy

    source = backup.timestamped_backup(shop.path, backup.MANUAL)
    page._confirm = lambda question: True
    page.restore(source)  # as if the button were reached anyway
    idle(qtbot, page)
    assert "may not restore the database from a backup" in page.result.text()
    assert not list(source.parent.glob("*before-restore*"))


def _unlinked_delivery(shop) -> tuple[str, str]:
    """A delivery against a PO whose line names no movement, as 0017 leaves a twin it could not tell apart; returns
    (receipt, PO)."""
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as po_uc
    from persistence import tables as t

    catalog.add_supplier(shop.uow(), cc.AddSupplier("NB", "Ningbo"))
    draft = po_uc.create_draft(shop.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(draft.id, "A", "5", "2.50"))
    po = po_uc.issue(shop.uow(), pc.IssuePurchaseOrder(draft.id)).number
    delivery = po_uc.receive_delivery(shop.uow(), pc.ReceivePurchaseOrder(po, (("A", "5"),)))
    with shop.engine.begin() as conn:
        conn.execute(t.document_lines.update().where(t.document_lines.c.document_id == delivery.document.id)
                     .values(movement_id=None))
    return delivery.document.number, po


def test_the_integrity_check_notes_a_delivery_left_unlinked_as_stockroom_check_does(qtbot, page, shop):
    """``stockroom check`` notes a delivery whose lines name no movement; the window's check did not: it says so as a
    note under a passing check, not as a failure."""
    receipt, po = _unlinked_delivery(shop)
    page.check_button.click()
    idle(qtbot, page)
    text = page.result.text()
    assert "Ledger: ok" in text and "Restore a backup" not in text and page.result.styleSheet() == ""
    assert (f"note: {receipt} (received against {po}) does not name its stock movements: they could not be told "
            f"apart from another delivery's") in text


def test_the_integrity_checks_note_speaks_chinese(qtbot, page, shop, chinese):
    receipt, po = _unlinked_delivery(shop)
    page.check_button.click()
    idle(qtbot, page)
    assert f"提示：入库单 {receipt}（按 {po} 收货）未记录对应的库存流水" in page.result.text()


def test_more_than_ten_notes_are_counted_not_listed(qtbot, page, shop):
    from persistence.backup import IntegrityReport

    page._show_integrity(IntegrityReport(("ok",), (), tuple((f"GR-2026-{n:05}", "PO-2026-00001")
                                                             for n in range(1, 13))))
    text = page.result.text()
    assert "GR-2026-00010" in text and "GR-2026-00011" not in text
    assert "…and 2 more such note(s); stockroom check lists them all." in text
