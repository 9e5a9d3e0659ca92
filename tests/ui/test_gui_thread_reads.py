"""The GUI thread never takes a database connection for the window's own work (``tests/ui/gui_reads.py`` records the
thread of every connection taken): every screen opened through the main window, its first row chosen, and the
dialogs and saves of the Suppliers screen, read and write on the task runner only. What must stay on the GUI thread
is in ``ALLOWED``, each with its reason; a new read there fails this test, whatever the machine's speed: the test
waits for conditions (each screen loaded, the runner idle), never for a time."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from tests.integration.reports.dashboard_ledger import build
from tests.ui.gui_reads import GuiReads

pytestmark = pytest.mark.usefixtures("pinned_today")

# the window's code allowed to take a connection on the GUI thread (``ui/…py:function``), and why
ALLOWED = {
    "ui/app.py:build_services": "opening a database and its migration at start, before any window shows it (File › "
                                "Open and the reopening after a restore open it on the task runner)",
    "ui/dialogs/sign_in.py:sign_in_required": "whether the database opened at start has users, asked once before the "
                                              "sign-in dialog (or the window) is shown",
    "ui/screens/held.py:flush": "the window is closing: a document form's last keystrokes are kept (one row), and a "
                                "background job would not finish",
}


def settled(qtbot, services, screen) -> None:
    """``screen`` has shown what it loads and the task runner has reported every job (its callbacks have run)."""
    qtbot.waitUntil(lambda: not getattr(screen, "loading", False) and getattr(screen, "complete", True))
    qtbot.waitUntil(lambda: services.tasks.busy == 0)


def choose_first_row(screen) -> None:
    table = getattr(screen, "table", None)
    if table is not None and hasattr(table, "model") and table.model() is not None and table.model().rowCount():
        table.selectRow(0)
        table.setCurrentIndex(table.model().index(0, 0))


@pytest.fixture
def services(db, make_services):
    build(db)
    catalog.add_supplier(db.uow(), cc.AddSupplier("ACME", "Acme Tools", currency="USD"))
    purchasing_terms.save_terms(db.uow(), pc.SaveTerms(supplier="ACME", sku="TEA", unit_price="30"))
    return make_services()


def test_no_screen_reads_the_database_on_the_gui_thread(qtbot, services):
    from ui.app import create_main_window

    with GuiReads() as reads:
        window = create_main_window(services)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        for entry in window.entries:
            screen = window.show_screen(entry.key)
            settled(qtbot, services, screen)
            choose_first_row(screen)
            settled(qtbot, services, screen)
            if hasattr(screen, "refresh"):
                screen.refresh()
            settled(qtbot, services, screen)
        suppliers = window.show_screen("suppliers")
        assert suppliers.select("ACME")
        settled(qtbot, services, suppliers)
        terms = suppliers.open_terms(None)  # a dialog opening, then saving
        terms.sku.setText("CUP")
        terms.price.setText("12")
        terms.save()
        qtbot.waitUntil(lambda: not terms.isVisible())
        settled(qtbot, services, suppliers)
        suppliers.currency.setText("CNY")  # the currency's check, its dialog and the preview of each rate typed
        suppliers.save_button.click()
        qtbot.waitUntil(lambda: suppliers.currency_dialog is not None)
        dialog = suppliers.currency_dialog
        qtbot.waitUntil(lambda: not getattr(dialog, "loading", False))
        dialog.rate.setText("0.125")
        qtbot.waitUntil(lambda: not getattr(dialog, "loading", False))
        dialog.accept()
        qtbot.waitUntil(lambda: {s.code: s.currency for s in services.purchasing.suppliers()}["ACME"] == "CNY")
        settled(qtbot, services, suppliers)
    offenders = {where: n for where, n in reads.places().items() if where not in ALLOWED}
    assert offenders == {}, "\n".join(str(r) for r in reads.reads if r.where in offenders)


def test_file_open_and_the_reopening_after_a_restore_read_nothing_on_the_gui_thread(qtbot, services, tmp_path,
                                                                                   monkeypatch):
    """The opening of a database from the window (its migration, its backup, whether it has users) runs on the task
    runner: ``build_services`` and ``sign_in_required`` are allowed on the GUI thread at start only."""
    from persistence import backup
    from persistence.db import open_database
    from ui.app import create_main_window
    from ui.screens.settings_backups import BackupsPage

    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot, services, window.stack.currentWidget())
    with GuiReads() as reads:
        assert window.open_database(other)
        qtbot.waitUntil(lambda: window.opening is None and window.services is not services)
        opened = window.services
        qtbot.waitUntil(lambda: opened.tasks.busy == 0)
        backup.timestamped_backup(other, backup.MANUAL)
        page = window.show_screen("settings").page("backups")
        qtbot.waitUntil(lambda: page._running == 0 and opened.tasks.busy == 0)
        monkeypatch.setattr(BackupsPage, "_confirm", lambda self, question: True)
        page.table.selectRow(0)
        with qtbot.waitSignal(page.restored, timeout=15_000):
            page.restore_button.click()
        qtbot.waitUntil(lambda: window.opening is None and window.services is not opened)
        qtbot.waitUntil(lambda: window.services.tasks.busy == 0)
    try:
        opening = {"ui/app.py:build_services", "ui/dialogs/sign_in.py:sign_in_required"}
        assert [str(r) for r in reads.reads if r.where in opening] == []
    finally:
        for kept in (opened, window.services):
            kept.tasks.wait()
        window.services.database.close()
