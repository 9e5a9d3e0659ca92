"""Test connection and Sync now against a hub that is not there: offline is reported, the GUI thread never waits."""

from __future__ import annotations

import socket
import threading

import keyring.backends.fail
import pytest
from PySide6.QtCore import QTimer

from ui.sync_service import PasswordStore
from ui.sync_service import SyncService


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never answers: a hub that hangs, as over a dead link."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted.append(conn)

    def close(self) -> None:
        """Drop every connection: the client sees the link go down."""
        self._stop.set()
        self.thread.join(2)
        for conn in self.accepted:
            conn.close()
        self.sock.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def page(qtbot, make_services):
    from ui.screens.settings_sync import SyncPage

    services = make_services()
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    widget = SyncPage(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._keyring is not None)
    return widget


def fill(page, port: int) -> None:
    page.host.setText("127.0.0.1")
    page.port.setText(str(port))
    page.database.setText("shop")
    page.user.setText("clerk")
    page.tls.setCurrentIndex(page.tls.findData("disable"))


def test_test_connection_to_a_hanging_hub_keeps_the_window_responsive_and_reports_offline(qtbot, page, monkeypatch):
    from persistence.sync import engine

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT_S", 3600)  # the hub hangs until the test closes it
    server = SilentServer()
    try:
        fill(page, server.port)
        page.test_connection()
        # The click has returned while the hub cannot have answered (it never does until it is closed):
        # so the connection is being made off the GUI thread, and the page says so.
        assert not page.test_button.isEnabled()
        assert "Connecting to postgresql://clerk@127.0.0.1" in page.result.text()
        qtbot.waitUntil(lambda: len(server.accepted) >= 1)
        ticked = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.waitUntil(lambda: bool(ticked))  # the GUI thread handles its events while the hub hangs
        assert "Connecting" in page.result.text() and not page.test_button.isEnabled()
    finally:
        server.close()
    qtbot.waitUntil(lambda: page.test_button.isEnabled())
    assert page.result.text().startswith("Could not connect: ")


def test_test_connection_to_a_closed_port_says_why(qtbot, page):
    fill(page, free_port())
    page.test_connection()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
    assert page.result.text().startswith("Could not connect: ")
    assert len(page.result.text()) > len("Could not connect: ")


def test_sync_now_with_the_hub_down_is_the_offline_state_not_an_error_dialog(qtbot, page):
    service = page.service
    fill(page, free_port())
    page.sync_now()
    qtbot.waitUntil(lambda: bool(service.state.configured and not service.running and service.state.last_error),
                    timeout=30_000)
    assert service.state.offline_since is not None
    # a state, not an error: said calmly, once, without the driver's own English lines under the reason
    assert page.result.text().startswith("Offline: the server does not answer") or \
        page.result.text().startswith("Offline: cannot reach the hub")
    assert page.result.text().endswith("). Work goes on on this computer; the next sync catches up.")
    assert "b00020" not in page.result.styleSheet()
    assert "Offline since" in page.last_sync.text()
    for text in (page.result.text(), page.last_sync.text()):
        assert "connection failed" not in text and "Connection refused" not in text
    assert "Connection refused" in page.result.toolTip()  # the driver's words, for whoever looks for them
    from ui.widgets.sync_status import SyncStatusWidget

    status = SyncStatusWidget()
    qtbot.addWidget(status)
    status.show_state(service.state)
    assert status.label.text().startswith("Offline since ")


def test_a_second_sync_is_not_started_while_one_runs(qtbot, page):
    server = SilentServer()
    service = page.service
    try:
        fill(page, server.port)
        page.save()
        qtbot.waitUntil(lambda: service.state.configured, timeout=5000)
        assert service.sync_now() is True
        assert service.running
        assert service.sync_now() is False  # F9 again, or the timer: refused while the first runs
        assert not page.sync_button.isEnabled()
    finally:
        server.close()
    qtbot.waitUntil(lambda: not service.running, timeout=30_000)
    assert page.sync_button.isEnabled()


def test_a_refused_password_is_asked_for_once_and_the_typed_one_is_kept_for_the_session(qtbot, page, monkeypatch):
    """The hub's refusal is stood in for here (the throwaway server trusts every local user)."""
    from persistence import sync as engine
    from ui.widgets.sync_status import SyncStatusWidget

    passwords = []

    def refusing_sync(db, url, *, password=None, progress=None, cancel=None, **acting):
        passwords.append(password)
        if password != "right one":
            raise engine.HubUnavailable('cannot reach the hub: connection failed: FATAL:  password authentication '
                                        'failed for user "clerk"')
        return engine.SyncReport(pushed=1)

    monkeypatch.setattr(engine, "sync", refusing_sync)
    service = page.service
    fill(page, 5432)
    page.save()
    qtbot.waitUntil(lambda: service.state.configured)
    with qtbot.waitSignal(service.password_needed, timeout=10_000) as asked:
        assert service.sync_now()
    assert asked.args[0] == "postgresql://clerk@127.0.0.1:5432/shop?sslmode=disable"
    qtbot.waitUntil(lambda: not service.running)
    assert service.state.password_needed and service.state.offline_since is None
    assert page.result.text().startswith("The hub refused the password")
    status = SyncStatusWidget()
    qtbot.addWidget(status)
    status.show_state(service.state)
    assert "Hub password needed" in status.label.text()
    assert service.sync_now(scheduled=True) is False  # the timer does not knock again and again
    with qtbot.waitSignal(service.finished, timeout=10_000):
        assert service.sync_now(password="right one")
    assert passwords == [None, "right one"]
    assert not service.state.password_needed
    assert service.passwords.get(asked.args[0]) == "right one"  # no keyring here: this session's memory
    with qtbot.waitSignal(service.finished, timeout=10_000):
        assert service.sync_now(scheduled=True)
    assert passwords[-1] == "right one"  # the next scheduled sync asks nobody


def test_a_hub_out_of_reach_is_stored_with_its_code_and_said_in_chinese_after_a_restart(qtbot, make_services, db):
    """The sync status keeps why the hub was out of reach as a code and its values (the driver's own words stay as
    they came): a service made later, that never saw the failure, says it in Chinese."""
    from persistence import sync
    from ui import i18n
    from ui.widgets.sync_status import SyncStatusWidget

    url = f"postgresql://clerk@127.0.0.1:{free_port()}/shop?sslmode=disable"
    with pytest.raises(sync.HubUnavailable) as failed:
        sync.sync(db, url)
    assert failed.value.code == "hub_unreachable"
    stored = sync.status(db)
    assert stored.last_error.startswith("cannot reach the hub: ")
    assert (stored.last_error_code, stored.last_error_params) == ("hub_unreachable", failed.value.params)
    services = make_services()
    services.database.set_setting("sync.hub_url", url)
    service = SyncService(services, services.tasks, store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        with qtbot.waitSignal(service.state_changed, timeout=30_000):
            service.refresh()
        tip = SyncStatusWidget.tooltip(service.state)
        # the cause in Chinese (persistence.sync.causes), the driver's own words on the line under it
        assert ("上次尝试：无法连接中心库：该地址上的服务器没有应答（请检查主机、端口、网络以及服务器是否在运行）\n"
                + failed.value.params["driver_detail"]) in tip
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_a_refusal_shown_on_the_page_is_cleared_when_a_sync_starts_from_elsewhere(qtbot, page, monkeypatch):
    """The password typed into the status bar's dialog (or F9, or the timer) starts a sync: the page's red
    'refused the password' is over, not left standing over the sync that now runs and its progress."""
    from persistence import sync as engine

    def refusing_sync(db, url, *, password=None, progress=None, cancel=None, **acting):
        if password != "right one":
            raise engine.HubUnavailable('cannot reach the hub: connection failed: FATAL:  password authentication '
                                        'failed for user "clerk"')
        return engine.SyncReport(pushed=1)

    monkeypatch.setattr(engine, "sync", refusing_sync)
    service = page.service
    fill(page, 5432)
    page.save()
    qtbot.waitUntil(lambda: service.state.configured)
    with qtbot.waitSignal(service.password_needed, timeout=10_000):
        assert service.sync_now()
    qtbot.waitUntil(lambda: not service.running)
    assert page.result.text().startswith("The hub refused the password")
    with qtbot.waitSignal(service.finished, timeout=10_000):
        assert service.sync_now(password="right one")
        assert page.result.text() == ""
    assert page.result.text().startswith("Synced: pushed 1")


def test_the_hub_out_of_reach_is_said_in_chinese_without_the_drivers_english(qtbot, page, chinese):
    service = page.service
    fill(page, free_port())
    page.sync_now()
    qtbot.waitUntil(lambda: bool(service.state.configured and not service.running and service.state.last_error),
                    timeout=30_000)
    shown = page.result.text() + page.last_sync.text()
    assert page.result.text().startswith("离线：") and "）。本机照常工作" in page.result.text()
    assert "connection" not in shown and "Connection refused" not in shown
