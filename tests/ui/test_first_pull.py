"""A desk joining the office's shared database: its screens stay usable while the first pull runs.

The pull is held inside one of its write transactions (the write lock taken) at a point the test chooses, and the
screens are used meanwhile: a load through a unit of work used to take the write lock too and wait for the pull (up
to the busy timeout, 10 s, then "the database is busy"), and the sync held one of the threads every screen loads
on. Here the busy timeout is short, so a load that waits for the lock fails at once instead of late."""

from __future__ import annotations

import threading
from datetime import UTC
from datetime import datetime

import keyring.backends.fail
import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.db import open_database
from ui.sync_service import URL_SETTING
from ui.sync_service import PasswordStore
from ui.sync_service import SyncService
from ui.sync_service import SyncState

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class HeldPull:
    """Holds the pull inside the transaction of its ``batch``-th batch (the write lock taken) until ``release``."""

    def __init__(self, monkeypatch, batch: int) -> None:
        from persistence.sync import gate

        self.inside, self.go, self.calls = threading.Event(), threading.Event(), 0
        real = gate.admit

        def admit(*args, **kwargs):
            result = real(*args, **kwargs)
            self.calls += 1
            if self.calls == batch:
                self.inside.set()
                self.go.wait(120)  # a safety for a test that fails while the pull is held, not a timing
            return result

        monkeypatch.setattr(gate, "admit", admit)

    def release(self) -> None:
        self.go.set()


@pytest.fixture
def joining(tmp_path, hub, monkeypatch, qapp):
    """The services of an empty desk set up to sync with a hub that holds another desk's products and stock."""
    from bootstrap import bind
    from persistence import errors
    from persistence.sync import engine
    from ui.services import Services
    from ui.tasks import TaskRunner

    sender = open_database(tmp_path / "sender.sqlite3")
    try:
        catalog.add_warehouse(sender.uow(), cc.AddWarehouse("MAIN", "Main store"))
        for i in range(1, 4):
            catalog.add_product(sender.uow(), cc.AddProduct(f"SKU-{i}", f"Widget {i}"))
            ledger.receive(sender.uow(), c.ReceiveStock(f"SKU-{i}", "5", "MAIN", "2.00", occurred_at=T0))
        sync.sync(sender, hub)
    finally:
        sender.close()
    monkeypatch.setattr(errors, "BUSY_TIMEOUT_MS", 200)  # read when a connection is made: the joining desk's
    monkeypatch.setattr(engine, "PULL_BATCH", 2)  # a few records a batch: the first batches arrive before the rest
    db = open_database(tmp_path / "joining.sqlite3")
    db.set_setting(URL_SETTING, hub)
    services = Services.over(bind(db), TaskRunner())
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    yield services
    services.tasks.wait(-1)
    db.close()


def test_while_the_first_pull_holds_the_write_lock_the_screens_load_what_has_arrived(qtbot, joining, monkeypatch):
    from ui.main_window import MainWindow

    held = HeldPull(monkeypatch, batch=3)  # the warehouse and the first products are in; the third batch writes
    window = MainWindow(joining)
    qtbot.addWidget(window)
    window.show()
    service = joining.sync_service
    qtbot.waitUntil(lambda: service.state.configured, timeout=30_000)
    qtbot.waitUntil(lambda: joining.tasks.busy == 0, timeout=60_000)
    assert service.sync_now()
    qtbot.waitUntil(held.inside.is_set, timeout=60_000)
    try:
        # the sync runs on a queue of its own, not on a thread the screens load on
        assert joining.tasks.queues["sync"].activeThreadCount() == 1
        # the page a joining desk opens on reads its settings through a unit of work: it loads, it does not fail
        settings = window.show_screen("settings")
        settings.refresh()
        qtbot.waitUntil(lambda: not settings.loading, timeout=30_000)
        assert settings.error_label.isHidden(), settings.error_label.text()
        # the Products screen shows the products the first batches brought, while the rest is still coming
        products = window.show_screen("products")
        products.refresh()
        qtbot.waitUntil(lambda: not products.loading, timeout=30_000)
        assert products.error_label.isHidden(), products.error_label.text()
        shown = {products.model.rows[i].sku for i in range(products.model.rowCount())}
        assert shown and shown == {p.sku for p in joining.catalog.products()}  # all that has arrived, committed
        # and the window says a first sync is running
        assert window.first_sync.isVisible()
        assert window.first_sync.text().startswith("First sync with the shared database: ")
        assert "you can keep working" in window.first_sync.text()
    finally:
        held.release()
    with qtbot.waitSignal(service.finished, timeout=60_000):
        pass
    assert not window.first_sync.isVisible()
    products.refresh()
    qtbot.waitUntil(lambda: not products.loading and products.model.rowCount() == 3, timeout=30_000)
    window.close()


@pytest.mark.parametrize(("stage", "done", "total", "english", "chinese"), [
    ("", 0, 0, "connecting and sending this computer's records", "正在连接并上传本机的记录"),
    ("push", 120, 4000, "sending this computer's records, 120 of 4,000", "正在上传本机的记录（已发送 120 / 4,000 条）"),
    ("pull", 40000, 102003, "receiving the office's records, 40,000 of 102,003",
     "正在下载记录（已收到 40,000 / 102,003 条）"),
    ("recompute", 0, 1, "working out the stock from the received movements", "正在根据收到的库存流水重算库存"),
])
def test_the_first_sync_says_what_it_is_doing_in_words(qapp, stage, done, total, english, chinese):
    from ui import i18n
    from ui.widgets.first_sync import banner_text
    from ui.widgets.first_sync import is_first_sync
    from ui.widgets.first_sync import progress_words

    state = SyncState(configured=True, running=True, stage=stage, done=done, total=total)
    assert is_first_sync(state) and not is_first_sync(SyncState(configured=True, running=False))
    assert not is_first_sync(SyncState(configured=True, running=True, last_success_at=T0))
    assert progress_words(state) == english
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        assert progress_words(state) == chinese
        assert banner_text(state).startswith("首次与共享数据库同步：" + chinese)
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
