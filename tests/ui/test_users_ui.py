"""Signing in, the Users page and buttons a role may not use, on a real database file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from domain.access import users
from domain.catalog import commands as c
from domain.catalog import master as catalog
from ui.access import RoleGuard
from ui.app import create_main_window
from ui.dialogs.sign_in import SignInDialog
from ui.screens.settings_users import UsersPage

PASSWORD = "boss-pass-1"


@pytest.fixture
def office(db):
    """A warehouse and product; boss (admin) and li (clerk)."""
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "Main"))
    catalog.add_product(db.uow(), c.AddProduct("SD-6", "Driver"))
    users.add_user(db.uow(), users.AddUser("boss", PASSWORD, "admin"))
    users.add_user(db.uow("boss", "admin"), users.AddUser("li", "li-pass-12", "clerk"))
    return db


def test_a_wrong_password_gets_a_message_that_does_not_say_which_part_was_wrong(qtbot, office, make_services):
    dialog = SignInDialog(make_services())
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("wrong password")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.message.isHidden() and dialog.username.isEnabled())
    wrong_password = dialog.message.text()
    dialog.username.setText("nobody")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.password.text() == "" and dialog.username.isEnabled())
    assert dialog.message.text() == wrong_password == "The user name or the password is wrong."
    assert dialog.result() != SignInDialog.DialogCode.Accepted and dialog.user is None


def test_the_right_password_signs_in_and_the_name_is_remembered(qtbot, office, make_services):
    dialog = SignInDialog(make_services())
    qtbot.addWidget(dialog)
    dialog.username.setText("li")
    dialog.password.setText("li-pass-12")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert (dialog.user.username, dialog.user.role) == ("li", "clerk")
    again = SignInDialog(make_services())
    qtbot.addWidget(again)
    assert again.username.text() == "li" and again.password.text() == ""


def test_a_clerks_window_shows_who_and_disables_what_the_clerk_may_not_do(qtbot, office, make_services):
    services = make_services("li")
    services.role = "clerk"
    window = create_main_window(services)
    qtbot.addWidget(window)
    assert window.user_label.text() == "User: li (Clerk)"
    assert window.sign_out_action.isEnabled() and window.sign_out_action.shortcut().toString() == "Ctrl+Shift+L"
    adjust = window.show_screen("adjust")
    receive = window.show_screen("receive")
    assert not adjust.post_button.isEnabled()
    assert adjust.post_button.toolTip() == "Needs the Manager role or higher."
    adjust.post_button.setEnabled(True)  # the screen enabling it again (a selection changed) does not win
    assert not adjust.post_button.isEnabled()
    assert receive.post_button.findChildren(RoleGuard) == []  # a clerk receives
    assert receive.post_button.toolTip() != "Needs the Manager role or higher."
    assert len(receive.reverse_button.findChildren(RoleGuard)) == 1 and not receive.reverse_button.isEnabled()
    assert receive.reverse_button.toolTip() == "Needs the Manager role or higher."


def test_sign_out_asks_again_and_cancelling_closes_the_window(qtbot, office, make_services, monkeypatch):
    services = make_services("boss")
    services.role = "admin"
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("stock")
    monkeypatch.setattr(SignInDialog, "exec", lambda self: SignInDialog.DialogCode.Rejected)
    window.sign_out()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)  # once the screen's loading has reported
    assert window.screens == {}
    assert (services.user, services.role) == ("", None)


def test_sign_out_and_in_as_another_user_rebuilds_the_screens_for_their_role(qtbot, office, make_services,
                                                                              monkeypatch):
    services = make_services("boss")
    services.role = "admin"
    window = create_main_window(services)
    qtbot.addWidget(window)
    assert window.show_screen("adjust").post_button.isEnabled()

    def sign_in_as_li(dialog):
        dialog.user = users.authenticate(services.uow(), "li", "li-pass-12")
        return SignInDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_li)
    window.sign_out()
    assert (services.user, services.role) == ("li", "clerk")
    assert window.current_key() == "adjust" and not window.screen("adjust").post_button.isEnabled()
    assert window.user_label.text() == "User: li (Clerk)"


def test_the_users_page_adds_changes_resets_and_deactivates(qtbot, office, make_services, monkeypatch):
    services = make_services("boss")
    services.role = "admin"
    page = UsersPage(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.new_name.setText("wu")
    page.new_role.setCurrentIndex(page.new_role.findData("purchaser"))
    page.new_password.setText("wu-pass-123")
    page.new_again.setText("wu-pass-124")
    page.add_button.click()
    assert page.message.text() == "The two passwords differ; type the same password twice."
    page.new_again.setText("wu-pass-123")
    page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.message.text() == "Added wu (Purchaser)."
    assert users.authenticate(services.uow(), "wu", "wu-pass-123").role == "purchaser"

    page.table.selectRow([u.username for u in page.model.rows].index("wu"))
    page.selected_role.setCurrentIndex(page.selected_role.findData("manager"))
    page.role_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "wu is now Manager.")
    monkeypatch.setattr(page, "_ask_new_password", lambda name: "wu-new-pass")
    page.password_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "New password set for wu.")
    assert users.authenticate(services.uow(), "wu", "wu-new-pass").role == "manager"
    monkeypatch.setattr(page, "_confirm", lambda text: True)
    page.deactivate_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "wu can no longer sign in.")
    qtbot.waitUntil(lambda: not page.deactivate_button.isEnabled())
    assert page.reactivate_button.isEnabled()
    page.reactivate_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "wu can sign in again.")
    assert users.authenticate(services.uow(), "wu", "wu-new-pass").role == "manager"
    qtbot.waitUntil(lambda: page.deactivate_button.isEnabled() and not page.reactivate_button.isEnabled())

    page.table.selectRow([u.username for u in page.model.rows].index("boss"))
    page.deactivate_button.click()
    qtbot.waitUntil(lambda: "last active admin" in page.message.text())
    assert page.message.text() == "boss is the last active admin; make another user admin first."


def test_the_users_page_is_read_only_for_a_manager(qtbot, office, make_services):
    users.add_user(office.uow("boss", "admin"), users.AddUser("mgr", "mgr-pass-12", "manager"))
    services = make_services("mgr")
    services.role = "manager"
    page = UsersPage(services)
    qtbot.addWidget(page)
    assert not page.add_group.isEnabled() and not page.deactivate_button.isEnabled()
    assert page.note.text() == "Only an admin can manage users. You are signed in as mgr (Manager)."


def test_adding_the_first_admin_turns_sign_in_on_and_signs_in_whoever_added_it(qtbot, db, make_services):
    services = make_services("os-user")
    window = create_main_window(services)
    qtbot.addWidget(window)
    page = window.show_screen("settings").page("users")
    qtbot.waitUntil(lambda: not page.loading)
    assert page.note.text().startswith("Sign-in is off")
    assert page.new_role.currentData() == "admin" and not page.new_role.isEnabled()
    page.new_name.setText("boss")
    page.new_password.setText(PASSWORD)
    page.new_again.setText(PASSWORD)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert (services.user, services.role) == ("boss", "admin")
    assert page.message.text() == "Sign-in is now on. You are signed in as boss (Admin)."
    assert window.user_label.text() == "User: boss (Admin)" and window.sign_out_action.isEnabled()
    assert users.sign_in_required(services.uow())


def test_ctrl_enter_past_a_disabled_button_is_refused_by_the_domain_in_the_readers_language(qtbot, office,
                                                                                             make_services):
    from tests.ui.test_documents import open_screen
    from tests.ui.test_documents import post
    from tests.ui.test_documents import scan
    from tests.ui.test_documents import set_cell
    from ui import i18n
    from ui.screens.documents import AdjustScreen

    services = make_services("li")
    services.role = "clerk"
    screen = open_screen(qtbot, services, AdjustScreen)
    scan(qtbot, screen, "SD-6")
    assert set_cell(screen, 0, "qty", "1") and set_cell(screen, 0, "reason", "found")
    post(qtbot, screen)
    assert screen.header_error.text() == "li (Clerk) may not adjust stock: that needs the Manager role or higher."
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        post(qtbot, screen)
        assert screen.header_error.text() == "li（库管员）不能调整库存：需要经理或更高的角色。"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    with office.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM movements").scalar() == 0


def test_every_screens_refusal_by_role_reads_in_the_readers_language(qtbot, office):
    from domain.kernel.errors import Forbidden
    from ui import i18n
    from ui.refusals import refusal_text

    with pytest.raises(Forbidden) as refused:
        catalog.add_product(office.uow("li", "clerk"), c.AddProduct("N-1", "New"))
    with pytest.raises(Forbidden) as nobody:
        catalog.add_product(office.uow(), c.AddProduct("N-1", "New"))
    assert refusal_text(refused.value) == ("li (Clerk) may not change products, warehouses, suppliers or customers: "
                                           "that needs the Manager role or higher.")
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        assert refusal_text(refused.value) == "li（库管员）不能修改商品、仓库、供应商或客户：需要经理或更高的角色。"
        assert refusal_text(nobody.value) == "尚未登录。请先登录；此操作需要经理或更高的角色。"
        assert refusal_text(ValueError("disk full")) == "disk full"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_a_clerk_changes_their_own_password_from_the_file_menu(qtbot, office, make_services):
    from ui.dialogs.change_password import ChangePasswordDialog

    services = make_services("li")
    services.role = "clerk"
    window = create_main_window(services)
    qtbot.addWidget(window)
    assert window.password_action.isEnabled()
    dialog = ChangePasswordDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.current.setText("not my password")
    dialog.new.setText("li-pass-new")
    dialog.again.setText("li-pass-new")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.message.isHidden() and dialog.current.isEnabled(), timeout=10_000)
    assert dialog.message.text() == "The current password is wrong; enter the one you signed in with."
    dialog.again.setText("li-pass-neW")
    dialog.current.setText("li-pass-12")
    dialog.submit()
    assert dialog.message.text() == "The two new passwords differ; type the same one twice."  # before any work
    dialog.again.setText("li-pass-new")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert dialog.changed
    assert users.authenticate(office.uow(), "li", "li-pass-new").username == "li"


def test_with_sign_in_off_there_is_no_password_to_change(qtbot, db, make_services):
    window = create_main_window(make_services("someone"))
    qtbot.addWidget(window)
    assert not window.password_action.isEnabled()


def test_a_new_password_that_is_the_current_one_is_refused_by_its_code(qtbot, office, make_services):
    from ui.dialogs.change_password import ChangePasswordDialog

    services = make_services("li")
    services.role = "clerk"
    dialog = ChangePasswordDialog(services)
    qtbot.addWidget(dialog)
    dialog.current.setText("li-pass-12")
    dialog.new.setText("li-pass-12")
    dialog.again.setText("li-pass-12")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.message.isHidden() and dialog.current.isEnabled(), timeout=10_000)
    assert dialog.message.text() == "The new password is the current one; choose a different one."
