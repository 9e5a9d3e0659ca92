"""Settings → Shared database: field checks, where the URL and the password go, filling from storage."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings

from persistence.sync import KEYRING_SERVICE
from persistence.sync import remembered_password
from tests.fake_keyring import MemoryKeyring
from ui.sync_service import INTERVAL_SETTING
from ui.sync_service import URL_SETTING
from ui.sync_service import HubAddress
from ui.sync_service import PasswordStore
from ui.sync_service import SyncService
from ui.sync_service import keyring_usable

SECRET = "s3cret-Pa55word"


@pytest.fixture
def services(make_services):
    return make_services()


def assert_secret_written_nowhere(tmp_path, db) -> None:
    """Not in any file of the test's folder (the QSettings ini, the database and its WAL), nor in any setting."""
    settings = QSettings()
    settings.sync()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert db.path in files
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path
    assert all(SECRET not in str(settings.value(key)) for key in settings.allKeys())
    with db.engine.connect() as conn:
        assert all(SECRET not in (value or "") for (value,) in conn.exec_driver_sql("SELECT value FROM settings"))


def open_page(qtbot, services, backend):
    from ui.screens.settings_sync import SyncPage

    services.sync_service = SyncService(services, services.tasks, store=PasswordStore(lambda: backend))
    page = SyncPage(services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page._keyring is not None)
    return page


def fill(page, host="hub.local", port="5432", database="shop", user="clerk", tls="require"):
    page.host.setText(host)
    page.port.setText(port)
    page.database.setText(database)
    page.user.setText(user)
    page.tls.setCurrentIndex(page.tls.findData(tls))


def test_a_bad_port_is_refused_naming_the_field_and_what_is_accepted(qtbot, services, db):
    page = open_page(qtbot, services, MemoryKeyring())
    fill(page, port="54x2")
    assert page.save() is False
    message = page.errors["port"]
    assert not message.isHidden()
    assert "Port" in message.text() and "1 to 65535" in message.text() and "5432" in message.text()
    fill(page, port="70000")
    assert page.save() is False and "1 to 65535" in page.errors["port"].text()
    services.tasks.wait()
    assert db._setting(URL_SETTING) is None  # nothing stored from a refused form


def test_an_empty_host_and_a_missing_user_are_named(qtbot, services):
    page = open_page(qtbot, services, MemoryKeyring())
    fill(page, host=" ")
    assert page.address() is None
    assert "Host" in page.errors["host"].text() and "IP address" in page.errors["host"].text()
    fill(page, user="")
    assert page.address() is None
    assert page.errors["host"].isHidden() and not page.errors["user"].isHidden()


def test_the_fields_make_a_standard_postgresql_url_with_the_tls_mode(qtbot, services):
    page = open_page(qtbot, services, MemoryKeyring())
    fill(page, host="192.168.1.10", port="6543", database="shop", user="li wei", tls="verify-full")
    assert page.url_label.text() == "postgresql://li%20wei@192.168.1.10:6543/shop?sslmode=verify-full"
    assert HubAddress.from_url(page.url_label.text()) == HubAddress("192.168.1.10", 6543, "shop", "li wei",
                                                                     "verify-full")


def test_saving_keeps_the_url_in_the_database_and_the_password_in_the_keyring_only(qtbot, services, db, tmp_path):
    backend = MemoryKeyring()
    page = open_page(qtbot, services, backend)
    assert "keyring" in page.password_note.text()
    fill(page)
    page.interval.setValue(15)
    page.password.setText(SECRET)
    assert page.save()
    qtbot.waitUntil(lambda: page.result.text() == "Saved.")
    services.tasks.wait()
    url = "postgresql://clerk@hub.local:5432/shop?sslmode=require"
    assert db._setting(URL_SETTING) == url
    assert db._setting(INTERVAL_SETTING) == "15"
    assert backend.saved == {(KEYRING_SERVICE, url): SECRET}
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert remembered_password(url) == SECRET  # where the CLI's ``sync`` looks for it
    finally:
        keyring.set_keyring(previous)
    assert page.password.text() == ""  # not left lying in the form
    assert_secret_written_nowhere(tmp_path, db)
    assert services.sync_service.state.configured and services.sync_service.timer.interval() == 15 * 60_000


def test_without_a_keyring_the_password_stays_in_memory_for_the_session(qtbot, services, db, tmp_path):
    backend = keyring.backends.fail.Keyring()
    assert not keyring_usable(backend)
    page = open_page(qtbot, services, backend)
    assert "memory" in page.password_note.text() and "once per session" in page.password_note.text()
    fill(page)
    page.password.setText(SECRET)
    page.save()
    qtbot.waitUntil(lambda: page.result.text() == "Saved.")
    services.tasks.wait()
    store = services.sync_service.passwords
    assert store.get("postgresql://clerk@hub.local:5432/shop?sslmode=require") == SECRET
    assert_secret_written_nowhere(tmp_path, db)


def test_the_page_fills_its_fields_from_the_stored_url(qtbot, services, db):
    db.set_setting(URL_SETTING, "postgresql://clerk@10.0.0.5:5433/shop?sslmode=disable")
    db.set_setting(INTERVAL_SETTING, "0")
    page = open_page(qtbot, services, MemoryKeyring())
    qtbot.waitUntil(lambda: page.host.text() == "10.0.0.5")
    assert (page.port.text(), page.database.text(), page.user.text(), page.tls.currentData()) == \
        ("5433", "shop", "clerk", "disable")
    assert page.interval.value() == 0 and page.interval.text() == "only when asked (0)"


def test_an_interval_of_zero_syncs_only_when_asked(qtbot, services):
    page = open_page(qtbot, services, MemoryKeyring())
    fill(page)
    page.interval.setValue(0)
    page.save()
    qtbot.waitUntil(lambda: page.result.text() == "Saved.")
    assert services.sync_service.state.configured
    assert not services.sync_service.timer.isActive()


def test_f9_without_a_hub_opens_the_shared_database_page(qtbot, services):
    from ui.main_window import MainWindow
    from ui.screens.settings_sync import SyncPage

    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.sync_action.shortcut().toString() == "F9"
    window.sync_action.trigger()
    settings = window.stack.currentWidget()
    assert window.current_key() == "settings"
    assert isinstance(settings.tabs.currentWidget(), SyncPage)
    assert window.sync_status.isHidden()  # no hub yet: nothing to say in the status bar


def test_an_ipv6_host_and_a_pasted_password_never_reach_the_stored_url():
    from ui.sync_service import without_password

    address = HubAddress.parse_fields("[::1]", "5432", "shop", "clerk", "require")
    assert address.url == "postgresql://clerk@[::1]:5432/shop?sslmode=require"
    assert HubAddress.from_url(address.url).host == "::1"
    assert without_password("postgresql://clerk:hunter2@hub:5432/shop") == "postgresql://clerk@hub:5432/shop"
