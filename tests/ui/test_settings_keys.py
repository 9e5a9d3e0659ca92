"""Setting up the office by keyboard: every field of Settings › General, Warehouses, Users and Planning has an Alt
letter that goes to it, in English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from domain.catalog import commands as c
from domain.catalog import master as catalog
from ui import i18n
from ui.app import create_main_window


@pytest.fixture
def settings(qtbot, db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
    window = create_main_window(make_services())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    screen = window.show_screen("settings")
    yield screen
    window.services.tasks.wait()
    i18n.set_language(i18n.ENGLISH, persist=False)


def goes_to(qtbot, letter: str, field) -> bool:
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
    return QApplication.focusWidget() is field


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_alt_letters_go_to_each_field_of_every_page_an_office_sets_up_first(qtbot, settings, language):
    i18n.set_language(language, persist=False)
    qtbot.waitUntil(lambda: settings.labels["currency"].text() in ("C&urrency:", "币种(&U)："))
    general = {"L": settings.language, "N": settings.company, "A": settings.address, "O": settings.logo,
               "U": settings.currency, "T": settings.tax_rate, "R": settings.tolerance}
    for letter, field in general.items():
        assert goes_to(qtbot, letter, field), letter
    warehouses = settings.page("warehouses")
    for letter, field in {"C": warehouses.code, "N": warehouses.name, "A": warehouses.address}.items():
        assert goes_to(qtbot, letter, field), letter
    with qtbot.waitSignal(warehouses.allow_negative.clicked):
        goes_to(qtbot, "G", warehouses.allow_negative)
    users = settings.page("users")
    for letter, field in {"U": users.new_name, "N": users.new_display, "P": users.new_password,
                          "M": users.new_again}.items():
        assert goes_to(qtbot, letter, field), letter
    planning = settings.page("planning")
    for letter, field in {"B": planning.basis, "T": planning.rule, "O": planning.overall, "C": planning.order_cost,
                          "L": planning.holding_rate, "D": planning.dead_days, "E": planning.cover_target}.items():
        assert goes_to(qtbot, letter, field), letter


def test_the_buttons_say_their_letters_in_chinese(qtbot, settings):
    i18n.set_language(i18n.CHINESE, persist=False)
    warehouses, users = settings.page("warehouses"), settings.page("users")
    qtbot.waitUntil(lambda: settings.labels["currency"].text() == "币种(&U)：")
    assert warehouses.add_button.text() == "添加仓库(&W)" and users.add_button.text() == "添加用户(&A)"
    assert settings.labels["tax"].text() == "税率（%）(&T)：" and settings.labels["currency"].text() == "币种(&U)："


def test_the_one_backup_of_a_first_day_is_chosen_with_the_arrow_key_and_restored_after_a_question(
        qtbot, settings, monkeypatch):
    from ui.screens import settings_backups

    page = settings.page("backups")
    qtbot.waitUntil(page.back_up_button.isEnabled)  # the list read
    with qtbot.waitSignal(page.back_up_button.clicked):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.back_up_button.isEnabled(), timeout=20_000)
    assert page.selected_backup() is None  # nothing chosen until the user chooses
    page.table.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into the list: its one row is the one chosen
    assert page.selected_backup() is not None and page.restore_button.isEnabled()
    asked = []
    monkeypatch.setattr(settings_backups.QMessageBox, "question",
                        lambda *args: asked.append(args[2]) or settings_backups.QMessageBox.StandardButton.No)
    with qtbot.waitSignal(page.restore_button.clicked):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert len(asked) == 1 and page.selected_backup().name in asked[0]  # the answer No: nothing restored


@pytest.mark.parametrize("keys", ["ctrl+s", "alt+s"])
def test_ctrl_s_and_alt_s_save_the_companys_settings(qtbot, settings, db, keys):
    from domain.purchasing import terms as purchasing_terms

    qtbot.waitUntil(lambda: settings.tax_rate.text() != "")
    settings.company.setText("上海五金贸易有限公司")  # needed to save
    settings.tax_rate.setFocus()
    settings.tax_rate.setText("3")
    modifier = Qt.KeyboardModifier.ControlModifier if keys == "ctrl+s" else Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, modifier)
    qtbot.waitUntil(lambda: settings.saved_label.text() != "" or any(e.isVisible() for e in settings.errors.values()))
    assert purchasing_terms.current_policy(db.uow()).tax_rate == 3


def test_a_desk_without_a_shared_database_is_not_told_its_changes_wait(qtbot):
    # an office that never had a hub is not behind: its changes are kept and go with the first sync, not "waiting"
    from ui.screens.settings_sync import SyncPage
    from ui.sync_service import SyncState

    alone = SyncPage.describe(SyncState(configured=False, pending_push=23))
    assert alone == ("This desk works alone: its 23 change(s) are kept here and go to the shared database the first "
                     "time it syncs with one.")
    assert "wait to be pushed" in SyncPage.describe(SyncState(configured=True, url="postgresql://hub",
                                                                      pending_push=1_234))
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        chinese = SyncPage.describe(SyncState(configured=False, pending_push=1_234))
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    assert chinese == "本机单独使用：1,234 项更改保存在本机，第一次与共享数据库同步时一并上传。"
