"""The main window: every screen through its shortcut, status bar, remembered layout."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from ui.app import Opened
from ui.app import create_main_window
from ui.screens import SCREENS
from ui.screens import available
from ui.screens import load_class


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), c.AddProduct("SD-1", "螺丝刀"))
    return make_services()


@pytest.fixture
def window(qtbot, services):
    win = create_main_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    services.tasks.wait()


def test_every_registered_screen_is_shown_by_its_shortcut(qtbot, window):
    assert [e.key for e in SCREENS][:2] == ["dashboard", "stock"]  # the dashboard first, for who sees money
    assert {"stock", "movements", "products", "partners", "settings"} <= {e.key for e in SCREENS}
    for entry in reversed(SCREENS):
        QTest.keySequence(window, QKeySequence(entry.shortcut))
        widget = window.stack.currentWidget()
        assert isinstance(widget, load_class(entry)), entry.key
        assert window.nav.currentItem().text() == entry.title
        assert entry.title in window.windowTitle()
    assert len(window.screens) == len(SCREENS)


def test_a_screen_opened_by_its_shortcut_takes_the_keyboard_so_its_own_shortcuts_work(qtbot, window):
    """Ctrl+Shift+O then Ctrl+N starts a sales order: the focus goes into the screen (it stayed in the navigation
    list, where the Sales orders' own shortcuts, bound to the screen, were dead)."""
    from PySide6.QtWidgets import QApplication

    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+O"))
    sales = window.stack.currentWidget()
    assert sales.isAncestorOf(QApplication.focusWidget())
    qtbot.waitUntil(lambda: sales.customer.count() > 0 or window.services.tasks.busy == 0)
    QTest.keySequence(QApplication.focusWidget(), QKeySequence("Ctrl+N"))
    assert sales.customer.hasFocus() or sales.customer.isAncestorOf(QApplication.focusWidget())
    QTest.keySequence(window, QKeySequence("Ctrl+2"))  # a document screen: its scan field, as before
    assert window.stack.currentWidget().scan.hasFocus()


def test_screens_are_made_on_their_first_visit_only(qtbot, window):
    assert set(window.screens) == {"dashboard"}
    window.nav.setCurrentRow([e.key for e in SCREENS].index("products"))
    products = window.stack.currentWidget()
    window.show_screen("stock")
    window.show_screen("products")
    assert window.stack.currentWidget() is products
    assert set(window.screens) == {"dashboard", "stock", "products"}


def test_a_missing_document_module_is_left_out_of_the_navigation():
    from ui.screens import ScreenEntry

    entries = [ScreenEntry("stock", "Stock", "Ctrl+1", "ui.screens.stock:StockScreen"),
               ScreenEntry("ghost", "Ghost", "Ctrl+2", "ui.screens.no_such_module:GhostScreen")]
    assert [e.key for e in available(entries)] == ["stock"]


def test_the_status_bar_shows_the_database_and_background_work(qtbot, window, services):
    assert services.db_path in window.db_label.text()
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    assert window.work_label.text() == "Ready"
    assert window.work_bar.isHidden()
    release = threading.Event()
    services.tasks.submit(lambda: release.wait(600))  # busy until the test lets it go
    assert "Working" in window.work_label.text()
    assert not window.work_bar.isHidden()
    release.set()
    qtbot.waitUntil(lambda: window.work_label.text() == "Ready")


def test_the_window_remembers_its_size_screen_and_column_widths(qtbot, services):
    first = create_main_window(services)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 520)  # the offscreen screen is 800 × 600
    size = (first.width(), first.height())
    assert size != (1280, 800)
    stock = first.show_screen("stock")
    stock.table.setColumnWidth(1, 333)
    first.show_screen("products")
    first.close()
    second = create_main_window(services)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.current_key() == "products"
    assert second.screen("stock").table.columnWidth(1) == 333


def test_the_company_block_and_purchasing_settings_are_saved_in_the_database(qtbot, window, services):
    from domain.purchasing import terms as purchasing_terms

    settings = window.show_screen("settings")
    qtbot.waitUntil(lambda: not settings.loading and settings.tax_rate.text() != "")
    assert settings.tax_rate.text() == "13"
    settings.company.setText("  Acme 五金  ")
    settings.address.setPlainText("上海市浦东新区张江路 88 号")
    settings.tax_rate.setText("9")
    settings.tolerance.setText("5")
    settings.save_company()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.")
    policy = purchasing_terms.current_policy(services.uow())
    assert services.catalog.setting("company_name") == "Acme 五金"
    assert (policy.company_address, str(policy.tax_rate), str(policy.over_receipt_tolerance)) == (
        "上海市浦东新区张江路 88 号", "9", "5")


def test_a_bad_setting_is_shown_under_its_field_and_nothing_is_saved(qtbot, window, services):
    from domain.purchasing import terms as purchasing_terms

    settings = window.show_screen("settings")
    qtbot.waitUntil(lambda: not settings.loading and settings.tax_rate.text() != "")
    settings.company.setText("Acme")
    settings.tax_rate.setText("130")
    settings.save_company()
    qtbot.waitUntil(lambda: not settings.errors["tax rate"].isHidden())
    assert "0 to 100" in settings.errors["tax rate"].text()
    assert settings.errors["company name"].isHidden()
    policy = purchasing_terms.current_policy(services.uow())
    assert (policy.company_name, str(policy.tax_rate)) != ("Acme", "130")
    assert str(policy.tax_rate) == "13"
    settings.company.setText("")
    settings.tax_rate.setText("13")
    settings.save_company()
    qtbot.waitUntil(lambda: not settings.errors["company name"].isHidden())
    assert settings.saved_label.text() == ""


def test_the_company_currency_is_shown_and_changed_in_settings(qtbot, window, services):
    from domain.purchasing import terms as purchasing_terms

    settings = window.show_screen("settings")
    qtbot.waitUntil(lambda: not settings.loading and settings.tax_rate.text() != "")
    assert settings.currency.currentText() == "CNY"
    settings.company.setText("Acme")
    settings.currency.setCurrentText("ZZZ")
    settings.save_company()
    qtbot.waitUntil(lambda: not settings.errors["currency"].isHidden())
    assert "ISO 4217" in settings.errors["currency"].text()
    assert purchasing_terms.current_policy(services.uow()).currency == "CNY"  # nothing saved
    settings.currency.setCurrentText("usd")
    settings.save_company()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.")
    assert purchasing_terms.current_policy(services.uow()).currency == "USD"
    assert settings.currency.currentText() == "USD" and settings.errors["currency"].isHidden()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_screen_fits_a_1280_pixel_wide_window_in_both_languages(qtbot, services, language, request):
    """A screen asking for more than the window has widens the window past a 1280-pixel screen (the purchase-order
    screen in Chinese did, pushing its right-hand buttons off the edge)."""
    request.getfixturevalue("chinese" if language == "zh" else "english")
    win = create_main_window(services)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    for entry in SCREENS:
        win.show_screen(entry.key)
    too_wide = {key: screen.minimumSizeHint().width() for key, screen in win.screens.items()
                if screen.minimumSizeHint().width() > 1280 - 170}
    assert too_wide == {}
    services.tasks.wait()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_column_title_fits_its_column_in_both_languages(qtbot, services, language, request):
    """'Lead time (days)' showed as 'ead time (days)' on Partners, 'Warehouse' as 'Warehous' on a sales order."""
    from PySide6.QtWidgets import QTableView

    request.getfixturevalue("chinese" if language == "zh" else "english")
    win = create_main_window(services)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    cut = []
    for entry in SCREENS:
        screen = win.show_screen(entry.key)
        for view in screen.findChildren(QTableView):
            header = view.horizontalHeader()
            if view.model() is None or header.isHidden():
                continue
            last = header.logicalIndex(header.count() - 1)
            for section in range(header.count()):
                if section == last or header.isSectionHidden(section):
                    continue
                if header.sectionSize(section) < header.sectionSizeHint(section):
                    title = view.model().headerData(section, Qt.Orientation.Horizontal)
                    cut.append(f"{entry.key}/{view.objectName() or type(view).__name__}: {title}")
    assert cut == []
    services.tasks.wait()


def test_opening_another_database_does_not_wait_for_the_old_one_s_background_work(qtbot, window, services, tmp_path,
                                                                                    monkeypatch):
    """The old database is closed once its background job (here held by the test) has reported, not before, and the
    window does not wait for it: it waited 10 s and then destroyed the runner under a running job, which froze it."""
    from bootstrap import bind
    from persistence.db import open_database
    from ui.services import Services
    from ui.tasks import TaskRunner

    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    closed: list[str] = []
    close = services.database.close
    monkeypatch.setattr(services.database, "close", lambda: (closed.append("old"), close()))
    release = threading.Event()
    ran: list[bool] = []
    services.tasks.submit(lambda: release.wait(600), on_done=ran.append, background=True)

    other = Services.over(bind(open_database(tmp_path / "other.sqlite3")), TaskRunner(), user="")
    window.open_services = lambda path: lambda: Opened(other, sign_in=False)
    window.open_database(tmp_path / "other.sqlite3")
    qtbot.waitUntil(lambda: window.services is other)
    assert window.services is other and other.db_path in window.db_label.text()
    assert window.retired == [services] and closed == [] and ran == []  # the job still runs on the old database
    qtbot.waitUntil(lambda: other.tasks.busy == 0)
    assert window.work_label.text() == "Ready"  # the old database's job is not the new one's work

    release.set()
    qtbot.waitUntil(lambda: not window.retired)
    assert ran == [True] and closed == ["old"]
    other.tasks.wait()
    other.database.close()


def test_a_run_of_the_database_left_behind_stores_its_results_after_the_window_dropped_that_database_s_watcher(
        qtbot, window, services, tmp_path):
    """A planning run of the old database (the dashboard's, held here by the test until another database is open)
    stores its results through the old database's watcher (``ui.watch.quiet``, taken when it was submitted), which
    the window stopped and deleted on the switch: the run's notice went to the deleted watcher, and the run failed
    after its commit, or the process crashed had the deletion run at that moment. It stores and reports as usual."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtCore import QEvent
    from shiboken6 import isValid

    from bootstrap import bind
    from persistence.db import open_database
    from ui.services import Services
    from ui.tasks import TaskRunner
    from ui.watch import quiet

    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    old, around = window.watcher, quiet(window.services.watcher)
    release = threading.Event()
    reported: list = []

    def planning() -> str:
        assert release.wait(600), "the test never released the run"
        with around():
            pass  # its commit
        return "stored"

    services.tasks.submit(planning, on_done=reported.append, on_error=reported.append, background=True)
    other = Services.over(bind(open_database(tmp_path / "other.sqlite3")), TaskRunner(), user="")
    window.open_services = lambda path: lambda: Opened(other, sign_in=False)
    try:
        window.open_database(tmp_path / "other.sqlite3")
        qtbot.waitUntil(lambda: window.services is other)
        assert window.watcher is not old
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old watcher goes, as it would
        assert not isValid(old)
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(reported) and not window.retired)
    assert reported == ["stored"]
    qtbot.waitUntil(lambda: other.tasks.busy == 0)
    other.tasks.wait()
    other.database.close()


def test_closing_while_background_work_runs_waits_once_on_screen_then_closes(qtbot, window, services, monkeypatch):
    """The window closes once: it asks about unposted documents once, then, while a background job (held here by
    the test) still runs, stays disabled under a dialog that says work is finishing, with its thread free, and
    closes by itself when the job has reported. Nothing waits for the job on the GUI thread, then or after (the
    window closed at once and run_gui then blocked on each database's work with nothing shown, and the exit again)."""
    from ui.app import close_databases

    qtbot.waitUntil(lambda: window.running_work() == 0, timeout=60_000)
    asked: list = []
    window.unposted = lambda: [("Ship", 1)]
    window.confirm_quit = lambda unposted: asked.append(unposted) or True
    joins: list[tuple[int, int]] = []  # (msecs, jobs running) of every wait for the runner's pools
    wait = services.tasks.wait
    monkeypatch.setattr(services.tasks, "wait", lambda msecs=30_000: joins.append((msecs, services.tasks.busy))
                        or wait(msecs))
    started, release = threading.Event(), threading.Event()
    reported: list[str] = []

    def planning() -> str:
        started.set()
        return "planned" if release.wait(120) else "never released"

    services.tasks.submit(planning, on_done=reported.append, background=True)
    assert started.wait(60), "the job never started"

    assert window.close() is False  # it returned while the job is still held: the GUI thread did not wait
    assert window.isVisible() and window.finishing is not None and window.finishing.isVisible()
    assert "Finishing 1 background task(s)" in window.finishing.label.text()
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    window.finishing.reject()  # Esc does not cut the work off
    assert window.finishing.isVisible()
    assert window.close() is False  # closing again (the close button, Ctrl+Q) asks nothing twice
    assert asked == [[("Ship", 1)]] and reported == []

    release.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert reported == ["planned"]  # its report reached the window before it went
    closed: list[str] = []
    monkeypatch.setattr(services.database, "close", lambda: closed.append("db"))
    close_databases(window)
    assert closed == ["db"]
    assert [join for join in joins if join[1]] == []  # never a wait while work was running
    assert asked == [[("Ship", 1)]]


def test_closing_with_no_background_work_closes_at_once(qtbot, window):
    qtbot.waitUntil(lambda: window.running_work() == 0, timeout=60_000)
    assert window.close() is True and not window.isVisible() and window.finishing is None


def _mnemonic(text: str) -> str | None:
    import re

    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_two_fields_or_buttons_of_a_screen_share_an_alt_key_in_both_languages(qtbot, services, language, request):
    """Alt plus a letter that two widgets share only moves the focus between them: on a sales order Alt+U went to
    'Cut line' or 'Customer', and with the stockout panel open Alt+B to 'Backorders…', never 'backorder the rest';
    on Suppliers Alt+A, Alt+E and Alt+N each had two. Nor a letter of the menu bar: Alt+V opened the View menu,
    not Reverse… of a posted document (冲销(V) beside 视图(V)); Alt+F, Alt+H likewise on five screens."""
    from PySide6.QtWidgets import QWidget

    request.getfixturevalue("chinese" if language == "zh" else "english")
    win = create_main_window(services)
    qtbot.addWidget(win)
    menus = {_mnemonic(action.text()): action.text() for action in win.menuBar().actions()}
    assert set(menus) == {"f", "v", "h"}
    shared = {}
    for entry in SCREENS:
        screen = win.show_screen(entry.key)
        keys: dict[str, list[str]] = {}
        panel = getattr(getattr(screen, "shortage", None), "backorder_button", None)  # shown beside the rest
        for widget in screen.findChildren(QWidget):
            text = _alt_text(widget)
            if text and _mnemonic(text) in menus:  # the menu bar's Alt+F/V/H, whatever tab page the widget is on
                shared[f"{entry.key}/menu {menus[_mnemonic(text)]}"] = [text]
            if not widget.isVisibleTo(screen) and widget is not panel:
                continue
            key = _mnemonic(text) if text else None
            if key:
                keys.setdefault(key, []).append(text)
        shared.update({f"{entry.key}/{key}": texts for key, texts in keys.items() if len(texts) > 1})
    assert shared == {}
    services.tasks.wait()


def _alt_text(widget) -> str:
    """The text whose & letter is the widget's Alt key (a button's, a label's for its buddy, a group's)."""
    from PySide6.QtWidgets import QAbstractButton
    from PySide6.QtWidgets import QGroupBox
    from PySide6.QtWidgets import QLabel

    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""
