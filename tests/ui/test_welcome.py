"""The first run: the welcome dialog's three ways in, and which database the window opens without asking."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from domain.access import users
from domain.purchasing import terms as purchasing_terms
from persistence.db import open_database
from ui import first_run
from ui import i18n
from ui.dialogs import welcome as welcome_module
from ui.dialogs.welcome import CREATE
from ui.dialogs.welcome import DEMO
from ui.dialogs.welcome import WelcomeDialog
from ui.dialogs.welcome import demo_steps


@pytest.fixture
def data_folder(tmp_path, monkeypatch) -> Path:
    """The user data folder, inside the test's folder."""
    folder = tmp_path / "data"
    monkeypatch.setattr(first_run, "default_db_path", lambda: folder / "stockroom.sqlite3")
    return folder


@pytest.fixture
def dialog(qtbot, data_folder):
    dialog = WelcomeDialog(open_database)
    qtbot.addWidget(dialog)
    yield dialog
    dialog.tasks.wait()
    i18n.set_language(i18n.ENGLISH, persist=False)


def test_creating_a_company_makes_the_database_with_its_settings_and_first_warehouse(qtbot, dialog, data_folder):
    dialog.create_choice.click()
    assert dialog.stack.currentIndex() == CREATE
    assert dialog.file.text() == str(data_folder / "stockroom.sqlite3")
    dialog.company.setText("上海五金贸易有限公司")
    dialog.address.setPlainText("上海市浦东新区张江路 1 号")
    assert dialog.currency.currentText() == "CNY"
    dialog.warehouse_code.setText("SH")
    dialog.warehouse_name.setText("上海总仓")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.create_button.click()
    assert dialog.path == data_folder / "stockroom.sqlite3"
    db = open_database(dialog.path)
    try:
        policy = purchasing_terms.current_policy(db.uow())
        assert (policy.company_name, policy.company_address, policy.currency) == (
            "上海五金贸易有限公司", "上海市浦东新区张江路 1 号", "CNY")
        with db.uow() as uow:
            warehouse = uow.warehouses.by_code("SH")
        assert warehouse is not None and warehouse.name == "上海总仓"
        assert not users.sign_in_required(db.uow())  # a single-user office until someone adds a user
    finally:
        db.close()


def test_a_refused_field_is_named_beside_it_and_leaves_no_file(qtbot, dialog, data_folder):
    dialog.create_choice.click()
    dialog.company.setText("Shop")
    dialog.currency.setEditText("RMB")
    dialog.warehouse_code.setText("SH")
    dialog.warehouse_name.setText("Main")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.errors["currency"].isHidden() and dialog.create_button.isEnabled())
    assert dialog.errors["currency"].text() == "Enter a three-letter ISO 4217 currency code, such as CNY, USD or EUR."
    assert not (data_folder / "stockroom.sqlite3").exists() and dialog.result() == 0
    dialog.currency.setEditText("usd")
    dialog.warehouse_code.setText("")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.errors["warehouse_code"].isHidden() and dialog.create_button.isEnabled())
    assert dialog.errors["currency"].isHidden()
    assert not (data_folder / "stockroom.sqlite3").exists()


def test_an_existing_file_is_not_overwritten_by_creating(qtbot, dialog, data_folder, tmp_path):
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"")
    dialog.create_choice.click()
    dialog.file.setText(str(taken))
    dialog.company.setText("Shop")
    dialog.create_button.click()
    assert not dialog.errors["file"].isHidden() and "already there" in dialog.errors["file"].text()


def test_opening_an_existing_file_accepts_with_its_path(dialog, monkeypatch, tmp_path):
    chosen = tmp_path / "office.sqlite3"
    monkeypatch.setattr(welcome_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    dialog.open_choice.click()
    assert dialog.path == chosen and dialog.result() == WelcomeDialog.DialogCode.Accepted


def test_the_demo_is_built_in_the_background_with_progress_into_its_own_file(qtbot, data_folder):
    dialog = WelcomeDialog(open_database, demo_scale=0.03)  # a small business: seconds, not the full 40
    qtbot.addWidget(dialog)
    steps = []
    dialog.demo_progress.valueChanged.connect(steps.append)
    dialog.demo_choice.click()
    assert dialog.stack.currentIndex() == DEMO and dialog.quit_button.text() == "Cancel"
    building = data_folder / "stockroom-demo.sqlite3.building"
    qtbot.waitUntil(building.exists, timeout=10_000)
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        pass
    assert dialog.path == data_folder / "stockroom-demo.sqlite3" and first_run.is_demo(dialog.path)
    assert not building.exists() and dialog.path.is_file()
    assert steps[-1] == demo_steps() and len(steps) >= demo_steps() - 1
    again = WelcomeDialog(open_database)
    qtbot.addWidget(again)
    again.demo_choice.click()  # built already: opened at once
    assert again.path == dialog.path and again.result() == WelcomeDialog.DialogCode.Accepted


def test_cancelling_the_demo_stops_it_removes_the_half_built_file_and_returns_to_the_choices(qtbot, data_folder):
    dialog = WelcomeDialog(open_database, demo_scale=0.03)
    qtbot.addWidget(dialog)
    dialog.demo_choice.click()
    building = data_folder / "stockroom-demo.sqlite3.building"
    qtbot.waitUntil(lambda: dialog.demo_progress.value() >= 2, timeout=60_000)  # well under way
    dialog.quit_button.click()
    assert dialog.demo_status.text() == "Stopping after the month in progress…" and not dialog.quit_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.building, timeout=60_000)
    assert dialog.result() != WelcomeDialog.DialogCode.Accepted and dialog.path is None
    assert dialog.stack.currentIndex() != DEMO
    assert dialog.choice_error.text() == "The demo was not built: you cancelled it."
    assert not building.exists() and not (data_folder / "stockroom-demo.sqlite3").exists()
    assert dialog.quit_button.isEnabled() and dialog.quit_button.text() == "&Quit"


def test_the_language_chosen_applies_at_once(qtbot, dialog):
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.CHINESE))
    qtbot.waitUntil(lambda: dialog.create_choice.text() == "新建公司数据库(&C)")
    assert dialog.labels["currency"].text() == "币种(&U)：" and dialog.windowTitle() == "欢迎使用 Stockroom"
    assert QSettings().value(i18n.SETTING) == i18n.CHINESE
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.ENGLISH))
    qtbot.waitUntil(lambda: dialog.create_choice.text() == "&Create a new company database")


def test_without_db_the_last_database_opened_then_the_default_file_is_opened_else_none(data_folder, tmp_path):
    assert first_run.database_to_open(None) is None  # nothing yet: the welcome dialog asks
    given = tmp_path / "given.sqlite3"
    assert first_run.database_to_open(given) == given
    data_folder.mkdir()
    (data_folder / "stockroom.sqlite3").write_bytes(b"")
    assert first_run.database_to_open(None) == data_folder / "stockroom.sqlite3"
    last = tmp_path / "last.sqlite3"
    last.write_bytes(b"")
    first_run.remember(last)
    assert first_run.database_to_open(None) == last
    last.unlink()  # gone: back to the default file
    assert first_run.database_to_open(None) == data_folder / "stockroom.sqlite3"


def test_the_window_starts_on_what_the_welcome_chose_remembers_it_and_signs_in_next_time(qtbot, data_folder,
                                                                                        tmp_path, monkeypatch):
    from ui.app import create_main_window
    from ui.app import open_first
    from ui.dialogs.sign_in import SignInDialog

    chosen = tmp_path / "office.sqlite3"
    db = open_database(chosen)
    users.add_user(db.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    db.close()

    def choose(dialog):
        dialog.path = chosen
        return WelcomeDialog.DialogCode.Accepted

    def sign_in(dialog):
        dialog.user = users.authenticate(dialog.services.uow(), "boss", "boss-pass-1")
        return SignInDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", choose)
    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    services = open_first(None)
    try:
        assert (services.db_path, services.user, services.role) == (str(chosen), "boss", "admin")
        assert first_run.remembered() == chosen and first_run.database_to_open(None) == chosen
        window = create_main_window(services)
        qtbot.addWidget(window)
        assert "demo" not in window.windowTitle()
    finally:
        services.tasks.wait()
        services.database.close()
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: SignInDialog.DialogCode.Rejected)
    assert open_first(None) is None  # signing in cancelled: the app ends


def test_a_file_that_is_not_a_database_is_reported_and_the_app_ends(data_folder, tmp_path, monkeypatch):
    from ui.app import open_first

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("not a database, just notes")
    warned = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: warned.append(args[2]))
    assert open_first(junk) is None
    assert warned == [f"{junk} is not a Stockroom database; it was left as it was. Choose a file Stockroom made "
                      "(.sqlite3)."]
    assert junk.read_text() == "not a database, just notes"


def test_a_file_that_is_not_a_database_is_reported_in_chinese_at_start(data_folder, tmp_path, monkeypatch):
    from ui.app import open_first

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("not a database, just notes")
    warned = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: warned.append(args[2]))
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        assert open_first(junk) is None
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    assert warned == [f"{junk} 不是 Stockroom 数据库，文件未作改动。请选择 Stockroom 创建的文件（.sqlite3）。"]


def test_the_title_bar_says_when_the_demo_is_open(qtbot, data_folder):
    from ui.app import build_services
    from ui.app import create_main_window

    services = build_services(first_run.demo_db_path())
    try:
        assert (services.user, services.role) == (getpass.getuser(), None)  # sign-in off: the OS user is recorded
        window = create_main_window(services)
        qtbot.addWidget(window)
        assert window.windowTitle().endswith("Stockroom — demo database")
        assert window.user_label.text() == f"User: {getpass.getuser()}" and not window.sign_out_action.isEnabled()
    finally:
        services.tasks.wait()
        services.database.close()


def test_a_db_given_where_there_is_no_file_yet_opens_on_creating_the_company_in_it(qtbot, data_folder, tmp_path,
                                                                                     monkeypatch):
    """``main.py --db new.sqlite3`` on a first day: the company is made in that file and the window opens on it
    (before, the app refused, telling the user to use the welcome dialog it did not show)."""
    from ui.app import open_first

    new = tmp_path / "office" / "new.sqlite3"
    new.parent.mkdir()
    seen = []

    def create(dialog):
        seen.append((dialog.stack.currentIndex(), dialog.file.text()))
        dialog.company.setText("杭州明达五金有限公司")
        dialog.warehouse_code.setText("HZ")
        dialog.warehouse_name.setText("杭州仓")
        dialog.create_button.click()
        qtbot.waitUntil(lambda: dialog.result() == WelcomeDialog.DialogCode.Accepted, timeout=20_000)
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", create)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: seen.append(args[2]))
    services = open_first(new)
    try:
        assert seen == [(CREATE, str(new))]
        assert services is not None and services.db_path == str(new)
        assert purchasing_terms.current_policy(services.uow()).company_name == "杭州明达五金有限公司"
        assert [w.code for w in services.catalog.warehouses()] == ["HZ"]
        assert first_run.remembered() is None  # a --db given once does not become the default
    finally:
        services.tasks.wait()
        services.database.close()
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: WelcomeDialog.DialogCode.Rejected)
    assert open_first(tmp_path / "other.sqlite3") is None  # quitting the dialog ends the app, and makes no file
    assert not (tmp_path / "other.sqlite3").exists()


def test_the_tax_rate_is_asked_with_the_default_filled_in_and_a_refusal_named_beside_it(qtbot, dialog, data_folder):
    dialog.create_choice.click()
    assert dialog.tax_rate.text() == "13"
    dialog.company.setText("杭州明达五金有限公司")
    dialog.warehouse_code.setText("HZ")
    dialog.warehouse_name.setText("杭州仓")
    dialog.tax_rate.setText("300")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.errors["tax_rate"].isHidden() and dialog.create_button.isEnabled())
    assert "from 0 to 100" in dialog.errors["tax_rate"].text()
    assert not (data_folder / "stockroom.sqlite3").exists()
    dialog.tax_rate.setText("3")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.create_button.click()
    db = open_database(dialog.path)
    try:
        assert purchasing_terms.current_policy(db.uow()).tax_rate == 3
    finally:
        db.close()


def test_joining_the_offices_shared_database_makes_an_empty_file_and_opens_on_the_shared_database_page(
        qtbot, dialog, data_folder, monkeypatch):
    """A second desk of an office: no company or warehouse of its own to invent (they met the office's as two
    conflicts on the first sync: the company name and a warehouse merged by its code); the window opens where the
    hub's address is entered."""
    from ui.app import create_main_window
    from ui.app import open_first
    from ui.app import open_start_page

    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.join_choice.click()
    assert (dialog.path, dialog.joining) == (data_folder / "stockroom.sqlite3", True)
    db = open_database(dialog.path)
    try:
        assert purchasing_terms.current_policy(db.uow()).company_name == ""
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM warehouses").scalar_one() == 0
    finally:
        db.close()

    def join(welcome):
        welcome.path, welcome.joining = dialog.path, True
        return WelcomeDialog.DialogCode.Accepted

    dialog.path.unlink()
    monkeypatch.setattr(first_run, "database_to_open", lambda given: None)
    monkeypatch.setattr(WelcomeDialog, "exec", join)
    open_database(data_folder / "stockroom.sqlite3").close()
    services = open_first(None)
    try:
        assert services.start_on == ("settings", "sync")
        window = create_main_window(services)
        qtbot.addWidget(window)
        open_start_page(window)
        assert window.current_key() == "settings"
        assert window.screens["settings"].tabs.currentWidget() is window.screens["settings"].pages["sync"]
    finally:
        services.tasks.wait()
        services.database.close()


def test_joining_where_a_database_already_is_says_to_open_it_instead(qtbot, dialog, data_folder):
    data_folder.mkdir(parents=True)
    open_database(data_folder / "stockroom.sqlite3").close()
    dialog.join_choice.click()
    assert dialog.choice_error.isVisibleTo(dialog) and "Open an existing file" in dialog.choice_error.text()
    assert dialog.path is None and not dialog.joining
