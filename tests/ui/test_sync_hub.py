"""The sync screens against a real, throwaway PostgreSQL hub: Sync now from the page, the Conflicts screen."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import keyring.backends.fail
import pytest
from PySide6.QtCore import QCoreApplication

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.db import open_database
from ui.sync_service import PasswordStore
from ui.sync_service import SyncService

pytestmark = pytest.mark.postgres
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def other(tmp_path):
    """A second desktop's file."""
    database = open_database(tmp_path / "other.sqlite3")
    yield database
    database.close()


@pytest.fixture
def services(make_services):
    services = make_services(user="manager")
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    return services


def stock_one_unit(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget", barcodes=("6901234567892",)))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "8.00", occurred_at=T0))


def fill_from_url(page, url: str) -> None:
    from ui.sync_service import HubAddress

    address = HubAddress.from_url(url)
    page.host.setText(address.host)
    page.port.setText(str(address.port))
    page.database.setText(address.database)
    page.user.setText(address.user)
    page.tls.setCurrentIndex(page.tls.findData("disable"))


def test_sync_now_on_the_page_pushes_to_the_hub_and_shows_what_it_moved(qtbot, services, db, other, hub):
    from ui.screens.settings_sync import SyncPage

    stock_one_unit(db)
    page = SyncPage(services)
    qtbot.addWidget(page)
    fill_from_url(page, hub)
    with qtbot.waitSignal(services.sync_service.finished, timeout=60_000) as finished:
        page.sync_now()
    report = finished.args[0]
    assert report.pushed >= 3  # the warehouse, the product and the receipt at least
    assert page.result.text().startswith(f"Synced: pushed {report.pushed:,}, pulled ")
    qtbot.waitUntil(lambda: "Last successful sync:" in page.last_sync.text())
    assert f"pushed {report.pushed:,}" in page.last_sync.text()
    state = services.sync_service.state
    assert state.configured and state.last_success_at is not None and state.offline_since is None
    # what the page sent really is on the hub: a second desktop gets the product and its stock
    sync.sync(other, hub)
    product = catalog.get_product(other.uow(), "SKU-1")
    assert product.name == "Widget"
    assert [(n.sku, n.on_hand) for n in sync.negative_stock(other)] == []
    from ui.widgets.sync_status import SyncStatusWidget

    status = SyncStatusWidget()
    qtbot.addWidget(status)
    status.show_state(state)
    assert status.label.text().startswith("Synced ")


def make_conflicts(db, other, hub) -> None:
    """A master-data conflict (the other desktop's name loses) and the last unit shipped twice."""
    stock_one_unit(db)
    sync.sync(db, hub)
    sync.sync(other, hub)
    catalog.update_product(other.uow(), cc.UpdateProduct("SKU-1", "Widget (blue)"))
    catalog.update_product(db.uow(), cc.UpdateProduct("SKU-1", "Widget, large"))
    catalog.update_product(db.uow(), cc.UpdateProduct("SKU-1", "Widget, large", category="tools"))
    ledger.ship(other.uow(), c.ShipStock("SKU-1", "1", "MAIN", occurred_at=T0.replace(hour=10)))
    ledger.ship(db.uow(), c.ShipStock("SKU-1", "1", "MAIN", occurred_at=T0.replace(hour=11)))
    sync.sync(other, hub)
    sync.sync(db, hub)


@pytest.fixture
def conflicts_screen(qtbot, services, db, other, hub):
    from ui.screens.conflicts import ConflictsScreen

    make_conflicts(db, other, hub)
    screen = ConflictsScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading)
    return screen


def test_the_conflicts_screen_lists_the_losing_version_beside_the_kept_one(qtbot, conflicts_screen):
    screen = conflicts_screen
    rows = screen.model.rows
    assert len(rows) == 1
    row = rows[0]
    assert (row.table, row.business_key) == ("products", "SKU-1")
    assert screen.model.data(screen.model.index(0, screen.model.LOST)).count("Widget (blue)") == 1
    html = screen.details.toHtml()
    assert "Widget, large" in html and "Widget (blue)" in html and "higher version wins" in html
    assert "1 open conflict(s)" in screen.status.text()
    assert screen.review.isEnabled() and screen.apply_loser.isEnabled()


def test_negative_stock_after_the_merge_is_listed_with_what_to_do(qtbot, conflicts_screen):
    screen = conflicts_screen
    assert not screen.negative_box.isHidden()
    assert [(r.sku, r.warehouse, r.on_hand) for r in screen.negative_model.rows] == [("SKU-1", "MAIN", Decimal("-1"))]
    assert "Count the product" in screen.negative_help.text() and "correction" in screen.negative_help.text()


def test_mark_reviewed_keeps_the_note_and_who_reviewed_it(qtbot, conflicts_screen, db, services):
    screen = conflicts_screen
    screen.ask_note = lambda row: (True, "checked with Li")
    screen.mark_reviewed()
    qtbot.waitUntil(lambda: "marked reviewed" in screen.message.text() and not screen.loading, timeout=10_000)
    assert screen.model.rowCount() == 0  # the Open filter hides it now
    resolved = sync.conflicts(db, include_resolved=True)
    assert [(r.resolved_by, r.note) for r in resolved] == [("manager", "checked with Li")]
    assert resolved[0].resolved_at is not None
    screen.show_all.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 1)
    assert not screen.review.isEnabled()  # a reviewed conflict is closed
    assert "checked with Li" in screen.details.toHtml()
    assert catalog.get_product(db.uow(), "SKU-1").name == "Widget, large"  # reviewing changes nothing else


def test_mark_reviewed_cancelled_in_the_note_dialog_changes_nothing(qtbot, conflicts_screen, db):
    screen = conflicts_screen
    screen.ask_note = lambda row: (False, "")
    screen.mark_reviewed()
    screen.services.tasks.wait()  # had anything been started, it has finished now
    QCoreApplication.processEvents()
    assert not screen.loading and screen.services.tasks.busy == 0
    assert [r.resolved_at for r in sync.conflicts(db, include_resolved=True)] == [None]


def test_apply_losing_version_asks_first_then_puts_it_in_place(qtbot, conflicts_screen, db):
    screen = conflicts_screen
    asked = []
    screen.confirm_apply = lambda row: asked.append(row.id) or False
    screen.apply_losing_version()
    screen.services.tasks.wait()  # had anything been started, it has finished now
    QCoreApplication.processEvents()
    assert screen.services.tasks.busy == 0
    assert len(asked) == 1 and catalog.get_product(db.uow(), "SKU-1").name == "Widget, large"
    screen.confirm_apply = lambda row: True
    screen.apply_losing_version()
    qtbot.waitUntil(lambda: "is now in use" in screen.message.text(), timeout=10_000)
    assert catalog.get_product(db.uow(), "SKU-1").name == "Widget (blue)"


def test_where_sign_in_is_on_only_a_manager_may_resolve(qtbot, db, other, hub, make_services):
    from domain.access import users
    from ui.screens.conflicts import ConflictsScreen

    make_conflicts(db, other, hub)
    users.add_user(db.uow(), users.AddUser("boss", "password-1", "admin"))
    users.add_user(db.uow("boss", "admin"), users.AddUser("li", "password-2", "clerk"))
    for user, allowed in (("li", False), ("boss", True)):
        screen = ConflictsScreen(make_services(user=user))
        qtbot.addWidget(screen)
        qtbot.waitUntil(lambda s=screen: not s.loading and s.model.rowCount() == 1)
        assert screen.review.isEnabled() is allowed and screen.apply_loser.isEnabled() is allowed
        if not allowed:
            assert "manager" in screen.review.toolTip()


def test_count_this_product_opens_the_count_screen_on_its_warehouse(qtbot, db, other, hub, services):
    from ui.main_window import MainWindow

    make_conflicts(db, other, hub)
    window = MainWindow(services)
    qtbot.addWidget(window)
    screen = window.show_screen("conflicts")
    qtbot.waitUntil(lambda: not screen.loading and screen.negative_model.rowCount() == 1)
    screen.count_selected()
    count = window.screen("count")
    assert window.stack.currentWidget() is count
    qtbot.waitUntil(lambda: count.model.rowCount() == 1 and count.warehouse.currentData() == "MAIN", timeout=10_000)
    assert count.model.lines[0].sku == "SKU-1"


def test_cancel_stops_the_sync_and_the_next_one_finishes_the_job(qtbot, services, db, other, hub):
    from ui.screens.settings_sync import SyncPage
    from ui.widgets.sync_status import SyncStatusWidget

    stock_one_unit(db)
    page = SyncPage(services)
    qtbot.addWidget(page)
    fill_from_url(page, hub)
    service = services.sync_service
    page.save()
    qtbot.waitUntil(lambda: service.state.configured)
    with qtbot.waitSignal(service.failed, timeout=60_000) as failed:
        assert service.sync_now()
        assert not page.cancel_button.isHidden()
        page.cancel_button.click()  # before the movements go: the engine stops at its next batch
    assert type(failed.args[0]).__name__ == "SyncCancelled"
    assert page.result.text().startswith("Sync cancelled")
    assert page.cancel_button.isHidden() and page.sync_button.isEnabled()
    assert service.state.stopped and service.state.offline_since is None
    status = SyncStatusWidget()
    qtbot.addWidget(status)
    status.show_state(service.state)
    assert status.label.text().startswith("Sync stopped ")
    with qtbot.waitSignal(service.finished, timeout=60_000) as finished:
        assert service.sync_now()
    assert finished.args[0].pushed >= 1  # the receipt the cancelled sync left behind
    sync.sync(other, hub)
    with other.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM movements").scalar_one() == 1


def test_a_renumbered_document_offers_mark_reviewed_but_not_apply_losing_version(qtbot, services, db, other, hub):
    """A renumbered document keeps its new number: applying the losing version cannot work, so it is not offered (it
    was, and was then refused); the conflict is reviewed, and the command line's apply is still refused."""
    from domain.stock import documents as docs
    from ui.screens.conflicts import ConflictsScreen

    stock_one_unit(db)
    sync.sync(db, hub)
    sync.sync(other, hub)
    line = (docs.LineInput("SKU-1", qty="3", unit_cost="8"),)
    for device in (other, db):
        docs.post_document(device.uow(), docs.PostDocument("receipt", "MAIN", line, business_date=T0.date()))
    sync.sync(other, hub)
    sync.sync(db, hub)
    screen = ConflictsScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 1)
    assert "renumbered" in screen.model.rows[0].rule
    assert screen.apply_loser.isHidden() and not screen.apply_loser.isEnabled()
    assert screen.review.isEnabled() and not screen.review.isHidden()
    screen.confirm_apply = lambda row: pytest.fail("applying was offered")
    screen.apply_losing_version()  # its shortcut (Alt+A) does nothing either
    assert screen.message.text() == ""
    from domain.kernel.errors import RuleViolation

    with pytest.raises(RuleViolation, match="new number"):
        sync.resolve_conflict(db, screen.model.rows[0].id, user="manager", apply_loser=True)
    assert [r.resolved_at for r in sync.conflicts(db)] == [None]  # still open, to mark reviewed
    screen.ask_note = lambda row: (True, "told the supplier the new number")
    screen.mark_reviewed()
    qtbot.waitUntil(lambda: sync.conflicts(db) == [], timeout=10_000)


def test_a_conflict_whose_losing_version_can_be_applied_still_offers_it(qtbot, conflicts_screen):
    screen = conflicts_screen
    assert screen.model.rows[0].loser_applies
    assert not screen.apply_loser.isHidden() and screen.apply_loser.isEnabled()
