"""Screens never show old numbers silently: a commit anywhere on the database (this window's own use cases,
a sync, another program) reloads the browsing screens and marks the others out of date (ui.watch).

The tests ask the watcher themselves (``watcher.check()``) instead of waiting for its timer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from ui.watch import DataWatcher


@pytest.fixture(autouse=True)
def patient_looks(monkeypatch):
    """The tests' looks (``check``) wait for a commit of the window's own under way, however long it takes.

    A look skips a tick while such a write commits (``own_write``) once it has waited ``LOCK_WAIT_SECONDS`` for it:
    right for the window's timer, but the window's dashboard stores its planning run's alerts that way in the
    background of every test here, and on a busy machine that commit outlasted the wait: the test's look missed the
    other program's commit it was asserting, or a screen's own look at its load's start did, and the screen then
    took its own save for news."""
    from ui import watch

    monkeypatch.setattr(watch, "LOCK_WAIT_SECONDS", 600)


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    for sku in ("AA-1", "BB-2", "CC-3"):
        catalog.add_product(uow(), cc.AddProduct(sku, f"Item {sku}"))
        ledger.receive(uow(), c.ReceiveStock(sku, "10", "W1", "2.50"))
    return make_services()


@pytest.fixture
def other(db):
    """The same file opened by another program (as the command line or a second window would)."""
    from persistence.db import open_database

    database = open_database(db.path)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, services):
    from ui.app import create_main_window

    widget = create_main_window(services)
    qtbot.addWidget(widget)
    widget.watcher.timer.stop()  # the test asks the watcher itself
    return widget


def seen(qtbot, window) -> bool:
    """Ask the watcher now and, when it saw a change, wait until the screens were told of it."""
    before = window.changes_delivered
    if not window.watcher.check():
        return False
    qtbot.waitUntil(lambda: window.changes_delivered > before)
    return True


def _on_hand(screen, sku: str) -> Decimal | None:
    return next((r.on_hand for r in screen.model.rows if r.sku == sku), None)


def test_the_watcher_sees_commits_of_other_connections_and_nothing_else(qtbot, db, other):
    watcher = DataWatcher(db.path, interval_ms=60_000)
    try:
        assert not watcher.check() and watcher.generation == 0
        with qtbot.waitSignal(watcher.changed, timeout=10_000) as signal:
            catalog.add_warehouse(other.uow(), cc.AddWarehouse("W9", "Far"))
            assert watcher.check()
        assert signal.args == [1] and watcher.generation == 1
        assert not watcher.check()  # nothing new since
        with db.engine.connect() as conn:  # a read is no change
            conn.exec_driver_sql("SELECT count(*) FROM movements").fetchall()
        assert not watcher.check() and watcher.generation == 1
    finally:
        watcher.stop()
    assert not DataWatcher(None).check()  # no file (in memory): never says anything


def test_the_stock_screen_follows_a_receipt_posted_by_another_program_and_keeps_the_selected_row(
        qtbot, window, other):
    stock = window.show_screen("stock")
    qtbot.waitUntil(lambda: not stock.loading and _on_hand(stock, "BB-2") == Decimal(10), timeout=30_000)
    row = next(i for i in range(stock.proxy.rowCount()) if stock.proxy.index(i, 0).data() == "BB-2")
    stock.table.selectRow(row)

    ledger.receive(other.uow(), c.ReceiveStock("BB-2", "5", "W1", "2.50"))
    assert _on_hand(stock, "BB-2") == Decimal(10)  # nothing has looked yet
    assert seen(qtbot, window)
    qtbot.waitUntil(lambda: _on_hand(stock, "BB-2") == Decimal(15), timeout=30_000)  # no F5 pressed
    qtbot.waitUntil(lambda: not stock.loading, timeout=30_000)
    current = stock.table.currentIndex()
    assert current.isValid() and stock.proxy.index(current.row(), 0).data() == "BB-2"
    assert stock.error_label.isHidden()


def test_a_hidden_screen_reloads_when_it_is_shown_again(qtbot, window, other):
    movements = window.show_screen("movements")
    qtbot.waitUntil(lambda: not movements.loading and movements.model.rowCount() == 3, timeout=30_000)
    window.show_screen("stock")
    ledger.receive(other.uow(), c.ReceiveStock("CC-3", "1", "W1", "2.50"))
    assert seen(qtbot, window)
    qtbot.waitUntil(lambda: "movements" in window._pending_changes, timeout=30_000)
    assert movements.model.rowCount() == 3  # hidden: no reload in the background
    window.show_screen("movements")
    qtbot.waitUntil(lambda: movements.model.rowCount() == 4, timeout=30_000)


def test_the_replenishment_plan_says_it_is_out_of_date_after_a_change_and_a_new_run_clears_it(
        qtbot, window, other):
    screen = window.show_screen("replenishment")
    catalog.add_product(other.uow(), cc.AddProduct("DD-4", "Item DD-4"))
    assert seen(qtbot, window)
    assert screen.error_label.isHidden()  # no plan made yet: nothing to be out of date

    screen.refresh()
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    assert screen.error_label.isHidden(), screen.error_label.text()
    ledger.receive(other.uow(), c.ReceiveStock("AA-1", "2", "W1", "2.50"))
    assert seen(qtbot, window)
    qtbot.waitUntil(lambda: not screen.error_label.isHidden(), timeout=30_000)
    assert "run planning again (F5)" in screen.error_label.text()
    screen.refresh()
    assert screen.error_label.isHidden()  # the new run hides it
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    seen(qtbot, window)
    assert screen.error_label.isHidden()


def test_purchasing_says_when_its_list_is_out_of_date_but_its_own_changes_do_not(qtbot, window, other):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    catalog.add_supplier(other.uow(), cc.AddSupplier("S1", "Supplier one"))
    screen = window.show_screen("purchasing")
    screen.refresh()  # with the supplier
    qtbot.waitUntil(lambda: not screen.loading and screen.supplier.findData("S1") >= 0, timeout=30_000)
    seen(qtbot, window)
    assert screen.error_label.isHidden()  # the load began after the change

    screen.supplier.setCurrentIndex(screen.supplier.findData("S1"))
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    screen.new_draft()  # its own change: it reloads itself
    qtbot.waitUntil(lambda: screen.current is not None and not screen.loading, timeout=30_000)
    seen(qtbot, window)
    assert screen.error_label.isHidden()

    purchasing.create_draft(other.uow(), pc.CreatePurchaseOrder("S1", "W1"))  # someone else's
    assert seen(qtbot, window)
    qtbot.waitUntil(lambda: not screen.error_label.isHidden(), timeout=30_000)
    assert "press F5" in screen.error_label.text()
    rows = screen.list_model.rowCount()
    window.refresh_current()
    qtbot.waitUntil(lambda: not screen.loading and screen.list_model.rowCount() == rows + 1, timeout=30_000)
    assert screen.error_label.isHidden()


def test_the_ship_screen_keeps_the_lines_being_entered_and_updates_its_posted_list(qtbot, window, other):
    from domain.stock.documents import LineInput
    from domain.stock.documents import PostDocument
    from domain.stock.documents import post_document

    ship = window.show_screen("ship")
    qtbot.waitUntil(lambda: ship.codes_ready, timeout=30_000)
    ship.scan.setText("AA-1")
    ship.scan.returnPressed.emit()
    qtbot.waitUntil(lambda: ship.model.rowCount() == 1, timeout=30_000)
    posted = ship.posted_model.rowCount()
    post_document(other.uow(), PostDocument("shipment", "W1", (LineInput("CC-3", "1"),)))
    assert seen(qtbot, window)
    qtbot.waitUntil(lambda: ship.posted_model.rowCount() == posted + 1, timeout=30_000)
    assert ship.model.rowCount() == 1  # the line being entered is still there


def test_saving_a_products_terms_on_the_suppliers_screen_does_not_say_the_screen_is_out_of_date(qtbot, window):
    screen = window.show_screen("suppliers")
    screen.new_supplier()
    screen.code.setText("S1")
    screen.name.setText("Supplier one")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.current_code == "S1" and screen.add_terms_button.isEnabled() and not screen.loading,
                    timeout=30_000)
    seen(qtbot, window)
    assert screen.error_label.isHidden()  # its own supplier: reloaded

    dialog = screen.open_terms(None)
    dialog.sku.setText("AA-1")
    dialog.price.setText("2.40")
    dialog.save()
    qtbot.waitUntil(lambda: screen.terms_model.rowCount() == 1 and not screen.loading
                    and window.services.tasks.busy == 0, timeout=30_000)
    seen(qtbot, window)
    assert screen.error_label.isHidden(), screen.error_label.text()  # its own terms too


def test_stopping_the_watcher_waits_for_an_own_write_in_flight_before_it_closes_its_connection(qtbot, db):
    """The window closed while a pool thread stored a planning run: ``stop`` on the GUI thread closed the watcher's
    connection while the pool thread was reading it in ``own_write``, and the process died (a segfault in the suite).
    Here the pool thread stops inside ``own_write`` at a point the test controls, ``stop`` is called meanwhile, and the
    connection must still be open (and usable) until the write is done; closed right after."""
    import threading

    watcher = DataWatcher(db.path)
    watcher.timer.stop()
    inside = threading.Event()
    release = threading.Event()
    versions: list[int | None] = []

    def pool_write():
        with watcher.own_write(planned=False):
            inside.set()
            release.wait(timeout=30)
            versions.append(watcher._read())

    writer = threading.Thread(target=pool_write)
    writer.start()
    assert inside.wait(timeout=30)
    stopper = threading.Thread(target=watcher.stop)
    stopper.start()
    stopper.join(timeout=0.2)  # stop may not finish while the write holds the look: it must wait, whatever the time
    assert watcher._conn is not None, "stop closed the connection under a write in flight"
    release.set()
    writer.join(timeout=30)
    stopper.join(timeout=30)
    assert not writer.is_alive() and not stopper.is_alive()
    assert versions and isinstance(versions[0], int)  # the write's last look read the open connection
    assert watcher._conn is None
    assert watcher.check() is False  # a look after stop is harmless


def test_a_write_after_the_watcher_stopped_and_was_deleted_stores_without_telling_it(qtbot, db):
    """Another database opened: the window stops the old database's watcher and deletes it, while a planning run of
    that database goes on on a pool thread and stores its results through the watcher's ``own_write``. Its notice
    went to the deleted object: the run failed after its commit ('Signal source has been deleted'), and had the
    deletion run during the emission, the process would have crashed. A stopped watcher says nothing more."""
    import threading

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtCore import QEvent
    from shiboken6 import isValid

    watcher = DataWatcher(db.path)
    around = watcher.own_write  # as a job captures it when it is submitted (ui.watch.quiet)
    watcher.stop()
    watcher.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would, meanwhile
    assert not isValid(watcher)
    failures: list[BaseException] = []

    def store():
        try:
            with around():
                pass  # the commit
        except BaseException as exc:  # noqa: BLE001 - the test reports it below
            failures.append(exc)

    writer = threading.Thread(target=store)
    writer.start()
    writer.join(timeout=60)
    assert not writer.is_alive() and failures == []


def test_stopping_the_watcher_waits_for_a_notice_under_way_so_that_it_may_be_deleted_after(qtbot, db):
    """The pool thread is emitting ``planned`` (held here, at a point the test controls, in a slot connected
    directly) when the GUI thread stops the watcher: ``stop`` returns only once the emission is over, as the window
    deletes the watcher right after it; and a write after ``stop`` emits nothing."""
    import threading

    from PySide6.QtCore import Qt

    watcher = DataWatcher(db.path)
    watcher.timer.stop()
    inside, release = threading.Event(), threading.Event()
    heard: list[str] = []

    def slot():
        heard.append(threading.current_thread().name)
        inside.set()
        assert release.wait(60), "the test never released the emission"

    watcher.planned.connect(slot, Qt.ConnectionType.DirectConnection)

    def pool_write():
        with watcher.own_write():
            pass

    writer = threading.Thread(target=pool_write, name="pool")
    writer.start()
    stopper = threading.Thread(target=watcher.stop)
    try:
        assert inside.wait(60), "the write never emitted"
        stopper.start()
        stopper.join(timeout=0.2)  # it may not return while the emission is under way, however long that takes
        assert stopper.is_alive(), "stop returned while the watcher was still emitting"
    finally:
        release.set()
    writer.join(timeout=60)
    stopper.join(timeout=60)
    assert not writer.is_alive() and not stopper.is_alive()
    pool_write()  # after stop: no notice
    assert heard == ["pool"]
