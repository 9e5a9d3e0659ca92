"""The main window: navigation on the left, screens in a stack (each made on its first visit),
menus, shortcuts for every screen, and a status bar with the database, user and background work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.access import guard_screen
from ui.access import role_title
from ui.first_run import is_demo
from ui.i18n import fill
from ui.open_failure import open_failure
from ui.screens import SCREENS
from ui.screens import ScreenEntry
from ui.screens import load_class
from ui.screens import may_see
from ui.services import close_when_idle
from ui.sync_service import service_for
from ui.watch import DataWatcher
from ui.widgets.finishing import FinishingDialog
from ui.widgets.first_sync import FirstSyncBanner
from ui.widgets.sync_status import SyncStatusWidget
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class MainWindow(QMainWindow):
    def __init__(self, services, open_services: Callable[[Path], Callable[..., object]] | None = None,
                 entries: list[ScreenEntry] | None = None) -> None:
        super().__init__()
        self.services = services
        self.open_services = open_services
        self.retired: list = []  # services of databases left behind, kept until their background work is done
        self.finishing: FinishingDialog | None = None  # shown from the close until the background work is done
        self._waiting_on: tuple = ()  # the services whose work the closing window waits for
        self.opening: Path | None = None  # the database being opened on the task runner (File › Open, a restore)
        self.upgrade_backup: Path | None = None  # the backup taken before that database's schema is upgraded
        self.entries = list(entries if entries is not None else SCREENS)
        self.screens: dict[str, QWidget] = {}
        self.nav = QListWidget(self)
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(220)
        self.nav.setIconSize(QSize(1, 1))
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }")
        for entry in self.entries:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
        self.stack = QStackedWidget(self)
        self.first_sync = FirstSyncBanner(self)  # above the screens while a first sync runs
        screens = QWidget(self)
        column = QVBoxLayout(screens)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.first_sync)
        column.addWidget(self.stack, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(screens)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(lambda row: self.show_screen(self.entries[row].key) if row >= 0 else None)

        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        self._restore()
        if self.entries and self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    # -- building ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self.choose_database)
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.file_menu.addAction(self.open_action)
        self.import_action = QAction(self, shortcut=QKeySequence("Ctrl+I"), triggered=self.import_data)
        # Ctrl+Shift+E, not Ctrl+E: the Products screen already edits the selected product with Ctrl+E.
        self.export_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+E"), triggered=self.export_table)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.sync_action = QAction(self, shortcut=QKeySequence("F9"), triggered=lambda: self.sync_status.sync_now())
        self.file_menu.addAction(self.sync_action)
        self.sign_out_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+L"), triggered=self.sign_out)
        self.file_menu.addAction(self.sign_out_action)
        self.password_action = QAction(self, triggered=self.change_password)
        self.file_menu.addAction(self.password_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.screen_actions: dict[str, QAction] = {}
        for entry in self.entries:
            action = QAction(self, shortcut=QKeySequence(entry.shortcut))
            action.triggered.connect(lambda _=False, key=entry.key: self.open_screen(key))
            self.view_menu.addAction(action)
            self.screen_actions[entry.key] = action
        self.view_menu.addSeparator()
        self.refresh_action = QAction(self, shortcut=QKeySequence("F5"), triggered=self.refresh_current)
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, triggered=self.about)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.db_label = QLabel(self)
        self.user_label = QLabel(self)
        self.work_label = QLabel(self)
        self.work_bar = QProgressBar(self)
        self.work_bar.setRange(0, 0)
        self.work_bar.setMaximumWidth(90)
        self.work_bar.setMaximumHeight(12)
        self.work_bar.setTextVisible(False)
        self.sync_status = SyncStatusWidget(self)
        self.sync_status.shown.connect(self.first_sync.show_state)  # the band above the screens follows it
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.sync_status)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.work_bar)
        status.addPermanentWidget(self.work_label)
        self._busy = 0
        self._connect_tasks()

    def _connect_tasks(self) -> None:
        self.services.tasks.busy_changed.connect(self._busy_changed)
        self._busy_changed(self.services.tasks.busy)
        self.sync_status.bind(service_for(self.services))  # stops the previous database's scheduler
        self._watch()

    def _watch(self) -> None:
        """Watch the open database for commits (ui.watch): the shown screen follows, the others on their next show."""
        old = getattr(self, "watcher", None)
        if old is not None:
            old.stop()
            old.deleteLater()
        self.watcher = DataWatcher(getattr(self.services.database, "path", None), parent=self)
        self.services.watcher = self.watcher
        # Queued: a screen that asks for the count while it starts a load is told afterwards, not in the middle.
        self.watcher.changed.connect(self._data_changed, Qt.ConnectionType.QueuedConnection)
        # A planning run of this window stored its results without counting as a change: the screens showing them
        # (the dashboard's alerts) read them again.
        self.watcher.planned.connect(self._planning_stored, Qt.ConnectionType.QueuedConnection)
        # A finished background job may have committed: look at once instead of on the next tick.
        self.services.tasks.busy_changed.connect(lambda _count, w=self.watcher: w.check())
        self._pending_changes: dict[str, int] = {}
        self.changes_delivered = getattr(self, "changes_delivered", 0)  # how many the screens were told of

    def _data_changed(self, generation: int) -> None:
        self.changes_delivered += 1
        current = self.stack.currentWidget()
        for key, widget in self.screens.items():
            if widget is current:
                widget.data_changed(generation)
            elif hasattr(widget, "data_changed"):
                self._pending_changes[key] = generation

    @Slot()
    def _planning_stored(self) -> None:  # a slot: ``planned`` is emitted on a pool thread (see ui.tasks._Signals)
        for widget in self.screens.values():
            if hasattr(widget, "planning_stored"):
                widget.planning_stored()

    def _busy_changed(self, count: int) -> None:
        self._busy = count
        if self.opening is not None:  # what the window is doing says more than a count of tasks
            self.work_bar.setVisible(True)
            self.work_label.setText(self._opening_text())
            return
        self.work_bar.setVisible(count > 0)
        self.work_label.setText(translate("MainWindow", "Working (%n task(s))…", None, count) if count
                                else translate("MainWindow", "Ready"))

    # -- screens -------------------------------------------------------------------------
    def screen(self, key: str) -> QWidget:
        """The screen for ``key``, created on first use."""
        widget = self.screens.get(key)
        if widget is None:
            entry = next(e for e in self.entries if e.key == key)
            widget = load_class(entry)(self.services, self.stack)
            guard_screen(key, widget, self.services.role)  # buttons the role may not use stay disabled
            self.screens[key] = widget
            self.stack.addWidget(widget)
        return widget

    def visible_keys(self) -> list[str]:
        """The screens the signed-in role may see (all while sign-in is off), in navigation order."""
        return [e.key for e in self.entries if may_see(e, self.services.role)]

    def _apply_access(self) -> None:
        """List and offer only the screens the role may see (Receivables and Payables need the accounts right)."""
        for i, entry in enumerate(self.entries):
            allowed = may_see(entry, self.services.role)
            self.nav.item(i).setHidden(not allowed)
            self.screen_actions[entry.key].setEnabled(allowed)
            self.screen_actions[entry.key].setVisible(allowed)

    def show_screen(self, key: str) -> QWidget:
        entry = next((e for e in self.entries if e.key == key), None)
        if entry is not None and not may_see(entry, self.services.role):
            key = next(iter(self.visible_keys()), key)  # a screen the role may not see: the first it may
        widget = self.screen(key)
        self.stack.setCurrentWidget(widget)
        pending = self._pending_changes.pop(key, None)
        if pending is not None:
            widget.data_changed(pending)
        row = next(i for i, e in enumerate(self.entries) if e.key == key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self._update_title()
        return widget

    def open_screen(self, key: str) -> QWidget:
        """Show the screen and put the keyboard in it (its shortcut, the View menu): a screen's own shortcuts
        (the Sales orders' Ctrl+N, Replenishment's Ctrl+T) work only with the focus inside it, and it stayed
        in the navigation list."""
        widget = self.show_screen(key)
        start_scanning = getattr(widget, "start_scanning", None)
        if start_scanning is not None:  # a document screen: its shortcut always means "scan the next item"
            start_scanning()
            return widget
        focused = QApplication.focusWidget()
        if focused is None or not widget.isAncestorOf(focused):
            focus_into(widget)
        return widget

    def current_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return next((k for k, w in self.screens.items() if w is widget), None)

    def refresh_current(self) -> None:
        widget = self.stack.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    # -- database ------------------------------------------------------------------------
    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open database"), str(Path(self.services.db_path).parent),
            translate("MainWindow", "Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if path:
            self.open_database(Path(path))

    def open_database(self, path: Path) -> bool:
        """Open the database at ``path`` on the task runner (the migration, and its backup, may take a while): the
        window keeps painting and says what it is doing; the sign-in dialog follows when the database has users.
        The database open until then stays open, and stays so when the opening fails or the sign-in is cancelled.
        False: refused, another opening is still under way."""
        if self.open_services is None:
            return False
        if self.opening is not None:
            self.statusBar().showMessage(fill(translate(
                "MainWindow", "Still opening %1; open another database when it is open."), str(self.opening)), 10_000)
            return False
        path = Path(path)
        work = self.open_services(path)
        self._set_opening(path)
        self.services.tasks.submit(work, on_done=lambda opened: self._opened(path, opened),
                                   on_error=lambda exc: self._open_failed(path, exc), on_progress=self._upgrading)
        return True

    def _set_opening(self, path: Path | None) -> None:
        self.opening, self.upgrade_backup = path, None
        busy = path is not None
        self.open_action.setEnabled(not busy)
        self.splitter.setEnabled(not busy)  # the screens of the database being left: shown, not worked in
        self._busy_changed(self.services.tasks.busy)

    def _opening_text(self) -> str:
        if self.upgrade_backup is not None:
            return fill(translate("MainWindow", "Upgrading %1 to this version (backup taken at %2)…"),
                        self.opening.name, str(self.upgrade_backup))
        return fill(translate("MainWindow", "Opening %1…"), self.opening.name)

    def _upgrading(self, backup: Path) -> None:
        if self.opening is not None:
            self.upgrade_backup = Path(backup)
            self._busy_changed(self._busy)

    def _open_failed(self, path: Path, exc: BaseException) -> None:
        self._set_opening(None)
        QMessageBox.warning(self, translate("MainWindow", "Open database"), open_failure(path, exc))

    def _opened(self, path: Path, opened) -> None:
        from ui.dialogs.sign_in import signed_in

        self._set_opening(None)
        services = opened.services
        if self.finishing is not None:  # the window is closing: the database just opened is not shown
            close_when_idle(services, self.retired)
            return
        if opened.sign_in:
            services = signed_in(services, self)
            if services is None:  # signing in to it was cancelled; the old database stays open
                close_when_idle(opened.services, self.retired)
                return
        self._switch_to(services, path)

    def _switch_to(self, services, path: Path) -> None:
        key = self.current_key() or (self.entries[0].key if self.entries else None)
        self._save_tables()
        for widget in self.screens.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.screens.clear()
        old = self.services
        self.services = services
        self._connect_tasks()
        self._retire(old)
        QSettings().setValue("database/last", str(path))
        self.retranslate()
        if key:
            self.show_screen(key)

    def _retire(self, old) -> None:
        """Close the database left behind once its work is done, without holding the window up for it.

        The dashboard may be planning on it in the background, which takes longer than anyone should wait on a
        large database, and closing the database under that job would pull it away from the job. So the old
        services are kept (``retired``, which the exit waits for too) until their runner says it is idle, and the
        database is closed then; meanwhile the status bar follows the new database's work only. The runner needs
        no keeping and no waiting here: it is never destroyed under its work, and it says it is idle only once its
        pools have finished (``ui.tasks``)."""
        try:
            old.tasks.busy_changed.disconnect(self._busy_changed)
        except (RuntimeError, TypeError):  # not connected
            pass
        close_when_idle(old, self.retired)

    # -- signing in ----------------------------------------------------------------------
    def sign_out(self) -> None:
        """Sign the user out and ask who signs in next (Ctrl+Shift+L); the screens start afresh for them.

        Cancelling the sign-in closes the window. Meanwhile the services act for nobody, so work still
        running for the user who left is refused by the domain rather than done in someone else's name.
        """
        if self.services.role is None:
            return
        from ui.dialogs.sign_in import SignInDialog

        key = self.current_key()
        self._save_tables()
        for widget in self.screens.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.screens.clear()
        self.services.user, self.services.role = "", None
        self.session_changed()
        dialog = SignInDialog(self.services, self)
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.user is None:
            self.close()
            return
        self.services.user, self.services.role = dialog.user.username, dialog.user.role
        self.session_changed()
        if key:
            self.show_screen(key)

    def change_password(self) -> None:
        """The signed-in user changes their own password (File › Change my password…)."""
        if self.services.role is None:
            return
        from ui.dialogs.change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted and dialog.changed:
            self.statusBar().showMessage(translate("MainWindow", "Your password was changed."), 10_000)

    def session_changed(self) -> None:
        """The signed-in user changed (sign out, or the first admin added on the Users page)."""
        self.retranslate()

    # -- import and export ---------------------------------------------------------------
    def import_data(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard

        ImportWizard(self.services, self).exec()
        self.refresh_current()

    def export_table(self) -> None:
        from ui.dialogs.export_table import export_current

        key = self.current_key()
        entry = next((e for e in self.entries if e.key == key), None)
        title = translate("Screens", entry.title) if entry is not None else "Stockroom"
        export_current(self, self.services, self.stack.currentWidget(), title)

    # -- language, help ------------------------------------------------------------------
    def about(self) -> None:
        text = translate("MainWindow", "<b>Stockroom</b><br>Purchasing, sales and inventory for small businesses.<br>"
                                       "Database: %1")
        QMessageBox.about(self, translate("MainWindow", "About Stockroom"), fill(text, self.services.db_path))

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.open_action.setText(translate("MainWindow", "&Open database…"))
        self.import_action.setText(translate("MainWindow", "&Import from Excel or CSV…"))
        self.export_action.setText(translate("MainWindow", "&Export to Excel…"))
        self.sync_action.setText(translate("MainWindow", "&Sync now"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.refresh_action.setText(translate("MainWindow", "&Refresh"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.about_action.setText(translate("MainWindow", "&About Stockroom"))
        for i, entry in enumerate(self.entries):
            title = translate("Screens", entry.title)
            self.nav.item(i).setText(title)
            self.nav.item(i).setToolTip(f"{title}  ({entry.shortcut})")
            self.screen_actions[entry.key].setText(title)
        self._apply_access()
        self.db_label.setText(fill(translate("MainWindow", "Database: %1"), self.services.db_path))
        user, role = self.services.user, self.services.role
        if role is not None:
            self.user_label.setText(fill(translate("MainWindow", "User: %1 (%2)"), user, role_title(role)))
        else:
            self.user_label.setText(fill(translate("MainWindow", "User: %1"), user) if user else "")
        self.sign_out_action.setText(translate("MainWindow", "Sign &out"))
        self.sign_out_action.setEnabled(role is not None)
        self.password_action.setText(translate("MainWindow", "Change my &password…"))
        self.password_action.setEnabled(role is not None)
        self._busy_changed(self._busy)
        self.first_sync.retranslate()
        self._update_title()

    def _update_title(self) -> None:
        key = self.current_key()
        entry = next((e for e in self.entries if e.key == key), None)
        title = translate("MainWindow", "Stockroom")
        if is_demo(self.services.db_path):
            title = translate("MainWindow", "Stockroom — demo database")
        if entry is not None:
            title = f"{translate('Screens', entry.title)} — {title}"
        self.setWindowTitle(title)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- remembered state ----------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([170, 1110])
        last = settings.value("window/screen", "", type=str)
        if any(e.key == last for e in self.entries):
            self.show_screen(last)

    def _save_tables(self) -> None:
        for widget in self.screens.values():
            for table in widget.findChildren(DataTable):
                table.save_state()

    def unposted(self) -> list[tuple[str, int]]:
        """(screen title, lines) of every document screen with lines that were not posted."""
        found = []
        for entry in self.entries:
            widget = self.screens.get(entry.key)
            lines = getattr(widget, "unposted_lines", 0) if widget is not None else 0
            if lines:
                found.append((translate("Screens", entry.title), lines))
        return found

    def confirm_quit(self, unposted: list[tuple[str, int]]) -> bool:
        """Asks before quitting with unposted documents (they are kept either way); tests replace it."""
        each = "\n".join("• " + fill(translate("MainWindow", "%1: %n line(s)", None, n), title)
                         for title, n in unposted)
        text = fill(translate("MainWindow", "These documents were not posted:\n%1\n\nThey are kept and come back when "
                                            "Stockroom opens again. Quit now?"), each)
        answer = QMessageBox.question(self, translate("MainWindow", "Quit"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def running_work(self) -> int:
        """Tasks submitted and not yet reported, of the open database and of those left behind (``retired``)."""
        return sum(services.tasks.busy for services in (self.services, *self.retired))

    def closeEvent(self, event) -> None:
        """Close, once: ask about unposted documents, keep the layout, stop the sync and the watcher, then, while
        background work still runs, stay (disabled, under a dialog that says so) until it has reported, and close.

        The exit waits for running work in this one place, with the event loop running: the window used to close at
        once and ``run_gui`` then waited for each database's work on the GUI thread, with nothing on the screen and
        no event delivered, and the interpreter's exit waited again; closing again while it finishes asks nothing
        twice."""
        if self.finishing is not None:  # closing already: the work is finishing (or has, and this is the close)
            if self.running_work():
                event.ignore()
                return
            self.finishing.deleteLater()
            self.finishing = None
            super().closeEvent(event)
            return
        unposted = self.unposted()
        if unposted and not self.confirm_quit(unposted):
            event.ignore()
            return
        for widget in self.screens.values():
            held = getattr(widget, "held", None)
            if held is not None:
                held.flush()  # the last keystrokes, before the window goes
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/screen", self.current_key() or "")
        self._save_tables()
        self.sync_status.stop()  # a running sync is asked to stop, and no more are scheduled
        self.watcher.stop()
        if not self.running_work():
            super().closeEvent(event)
            return
        event.ignore()
        self.centralWidget().setEnabled(False)
        self.menuBar().setEnabled(False)
        self._waiting_on = (self.services, *self.retired)
        for services in self._waiting_on:
            services.tasks.busy_changed.connect(self._finish_closing)
        self.finishing = FinishingDialog(self)
        self.finishing.left(self.running_work())
        self.finishing.show()

    def _finish_closing(self, _count: int = 0) -> None:
        """A task reported while the window closes: say how many are left, and close once none is."""
        left = self.running_work()
        self.finishing.left(left)
        if left:
            return
        for services in self._waiting_on:
            services.tasks.busy_changed.disconnect(self._finish_closing)
        self._waiting_on = ()
        self.finishing.hide()
        self.close()


def focus_into(widget: QWidget) -> None:
    """Give the focus to what last had it in ``widget``, its focus proxy, or its first field in the tab order."""
    last = widget.focusWidget()
    if last is not None and last is not widget and last.isVisible() and last.isEnabled():
        last.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    if widget.focusProxy() is not None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (widget.isAncestorOf(candidate) and candidate.isVisible() and candidate.isEnabled()
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
            candidate.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        candidate = candidate.nextInFocusChain()
