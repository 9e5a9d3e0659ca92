"""The Shared database page when its hub is not the one this file syncs with: refused, said in words, and an
admin's Start over fills the new hub."""

from __future__ import annotations

import keyring.backends.fail
import psycopg
import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from tests.ui.test_sync_hub import fill_from_url
from ui.sync_service import PasswordStore
from ui.sync_service import SyncService

pytestmark = pytest.mark.postgres


@pytest.fixture
def services(make_services):
    services = make_services()
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    return services


def test_another_hub_is_refused_and_start_over_sends_everything_to_it(qtbot, services, db, pg_cluster, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.screens.settings_sync import SyncPage

    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "2", "MAIN", "1"))
    sync.sync(db, first)
    page = SyncPage(services)
    qtbot.addWidget(page)
    fill_from_url(page, second)
    service = services.sync_service
    with qtbot.waitSignal(service.failed, timeout=60_000):
        page.sync_now()
    assert "another shared database" in page.result.text()
    assert page.start_over_button.isVisibleTo(page)
    qtbot.waitUntil(page.start_over_button.isEnabled)  # once the user's role is read, on the task runner
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(service.finished, timeout=60_000):
        page.start_over_button.click()
    with psycopg.connect(second) as conn:
        assert conn.execute("SELECT count(*) FROM movements").fetchone()[0] == 1


def test_another_hub_is_said_in_chinese_on_the_page_and_in_the_status_bar(qtbot, services, db, pg_cluster):
    """HubChanged reaches the status bar from its code, also once the stored status is read back."""
    from ui import i18n
    from ui.screens.settings_sync import SyncPage
    from ui.widgets.sync_status import SyncStatusWidget

    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    sync.sync(db, first)
    page = SyncPage(services)
    qtbot.addWidget(page)
    fill_from_url(page, second)
    service = services.sync_service
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        with qtbot.waitSignal(service.failed, timeout=60_000) as failed:
            page.sync_now()
        assert str(failed.args[0]).startswith("this computer syncs with another shared database (hub ")
        assert page.result.text().startswith("未同步：本机与另一个共享数据库同步。")
        with qtbot.waitSignal(service.state_changed, timeout=60_000):
            service.refresh()  # the stored status holds the English; the bar still says it in Chinese
        tip = SyncStatusWidget.tooltip(service.state)
        assert "上次尝试：本机与另一个共享数据库（中心库 " in tip
        assert "管理员可以改为与它重新开始同步：sync --hub URL --start-over" in tip
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_a_stored_refusal_is_said_in_chinese_by_a_new_window_from_its_code(qtbot, make_services, db, pg_cluster):
    """The sync status keeps the refusal's code and values: a window opened later (a new service that never saw
    the failure) says it in Chinese, and in English again when the language changes back."""
    from ui import i18n
    from ui.widgets.sync_status import SyncStatusWidget

    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    sync.sync(db, first)
    with pytest.raises(sync.HubChanged):
        sync.sync(db, second)
    stored = sync.status(db)
    assert stored.last_error.startswith("this computer syncs with another shared database (hub ")
    assert stored.last_error_code == "hub_changed"
    assert set(stored.last_error_params) == {"known", "url", "hub"}

    services = make_services()
    services.database.set_setting("sync.hub_url", sync.redact(second))
    service = SyncService(services, services.tasks, store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        with qtbot.waitSignal(service.state_changed, timeout=60_000):
            service.refresh()
        assert service.state.last_error_code == "hub_changed"
        tip = SyncStatusWidget.tooltip(service.state)
        assert "上次尝试：本机与另一个共享数据库（中心库 " in tip
        assert "this computer syncs" not in tip
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    assert "Last attempt: this computer syncs with another shared database (hub " in SyncStatusWidget.tooltip(
        service.state)

    sync.sync(db, first)  # a sync that succeeds forgets the refusal
    assert (sync.status(db).last_error, sync.status(db).last_error_code) == ("", "")
