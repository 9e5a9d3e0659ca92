"""Starting the window: the QApplication, translators, a font that shows Chinese, the services.

Font fallback: Qt picks a font per script through fontconfig, but on a machine without a CJK
font Chinese shows as boxes. We put "WenQuanYi Micro Hei" (Debian ``fonts-wqy-microhei``,
installed by scripts/setup.sh; Apache-2.0) after the default family, so Latin text keeps the
platform font and Chinese falls back to it. If that system font is missing, any TTF/OTF in
``resources/fonts/`` is registered and used the same way, so a bundled font works on a bare
system too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from bootstrap import connect
from bootstrap import open_database
from bootstrap import os_user
from ui import i18n
from ui.i18n import fill
from ui.open_failure import open_failure
from ui.services import Services
from ui.services import close_when_idle
from ui.tasks import TaskRunner

ORGANISATION = i18n.ORGANISATION
APPLICATION = i18n.APPLICATION
CJK_FAMILY = "WenQuanYi Micro Hei"


def install_cjk_font(app: QApplication) -> str | None:
    """Add a font with Chinese glyphs behind the default family; returns the family used."""
    families = set(QFontDatabase.families())
    family = CJK_FAMILY if CJK_FAMILY in families else None
    if family is None:
        for path in sorted(i18n.resource_path("fonts").glob("*.[ot]t[fc]")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if loaded:
                family = loaded[0]
                break
    if family is None:
        return None
    font = app.font()
    primary = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*primary, family])
    app.setFont(font)
    return family


_collector = None


def collect_cycles_on_the_gui_thread() -> None:
    """Python's cycle collector runs in whichever thread happens to allocate when its threshold is crossed. If that
    is a task runner's worker and the garbage holds Qt objects (a closed dialog, a replaced model), their C++
    destructors run there: a worker destroying a QObject took Qt's object lock and waited for the interpreter
    lock while the window's thread, destroying a menu, held the interpreter lock and waited for Qt's: the window
    froze for good (seen in a screen test while the dashboard planned in the background). So the automatic
    collector is switched off and pyqtgraph's collector (``GarbageCollector``) runs it from a timer on this
    thread, with the same thresholds, once a second. Reference counting frees everything else as always, and
    the bulk paths' own pauses (``domain.kernel.bulk.without_cycle_collection``) find it off and leave it off.
    Call once the QApplication exists; calling again does nothing."""
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=1.0)


def configure_application(app: QApplication) -> None:
    """Names for QSettings, the chosen language and the CJK font; safe to call again."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    install_cjk_font(app)
    i18n.set_language(i18n.saved_language(), persist=False)


def explain(exc: BaseException) -> BaseException | None:
    """A storage failure as the domain error that says, in the reader's language, what to do (or None)."""
    from PySide6.QtCore import QCoreApplication

    from domain.kernel.errors import StorageProblem
    from domain.kernel.errors import TooLarge
    from persistence.errors import explain as explain_storage
    from ui.refusals import say

    explained = explain_storage(exc)
    if isinstance(explained, StorageProblem):  # its sentence as ui.refusals says each kind (the sync's status too)
        return StorageProblem(explained.kind, say(explained.code, explained.params) or str(explained))
    if isinstance(explained, TooLarge):
        return TooLarge(QCoreApplication.translate(
            "Storage", "A number is too large to be kept exactly. Nothing was written; enter a smaller quantity, "
                       "cost or amount."))
    return explained


def build_services(db_path: Path | str, *, create: bool = True, tasks: TaskRunner | None = None,
                   upgrading: Callable[[Path], None] | None = None) -> Services:
    """Services on the database, acting as the OS user with no role (sign-in off; see open_signed_in).

    Without ``create``, a path where there is no Stockroom database is refused (``open_database``). ``tasks``: the
    runner made beforehand on the GUI thread, when this runs on a worker (a Qt object belongs to the thread that
    makes it). ``upgrading`` hears the backup taken before the schema is upgraded.
    """
    return Services.over(connect(db_path, create=create, upgrading=upgrading), tasks or TaskRunner(explain=explain),
                         user=os_user())


@dataclass(frozen=True)
class Opened:
    """A database the window opened on its task runner: its services, and whether someone must sign in to it."""

    services: Services
    sign_in: bool


def opening(db_path: Path | str) -> Callable[..., Opened]:
    """The work of opening ``db_path`` for the window (File › Open, after a restore), to run on its task runner: the
    migration and its backup, and the question whether the database has users, all off the GUI thread. Call this on
    the GUI thread: it makes the new database's runner here. The work's ``progress`` hears the backup's path when
    the schema is upgraded."""
    from ui.dialogs.sign_in import sign_in_required

    tasks = TaskRunner(explain=explain)

    def work(progress: Callable[[Path], None]) -> Opened:
        services = build_services(db_path, create=False, tasks=tasks, upgrading=progress)
        try:
            return Opened(services, sign_in_required(services))
        except BaseException:
            services.database.close()
            raise

    return work


# Services whose signing in was cancelled while work of theirs still ran: closed once it has (``open_signed_in``).
LEFT_BEHIND: list[Services] = []


def open_signed_in(db_path: Path | str) -> Services | None:
    """Services on an existing database (only the welcome dialog creates one), signed in when it has users;
    None when the user cancels signing in.

    A cancelled sign-in's database is closed once its runner is idle: it waited 10 s and then closed the database
    even under a job still running, and held the window up for those 10 s while one did."""
    from ui.dialogs.sign_in import ask_sign_in

    services = build_services(db_path, create=False)
    signed_in = ask_sign_in(services)
    if signed_in is None:
        close_when_idle(services, LEFT_BEHIND)
    return signed_in


def open_first(given: Path | str | None) -> Services | None:
    """What the window starts on: --db, the last database opened, the default file, or, with none of them,
    the database the welcome dialog creates or chooses; signed in. None: the user gave up.

    A --db where there is no file yet opens the welcome dialog on creating the company in that file (it was
    refused, telling the user to use the welcome dialog, which a --db never showed)."""
    from PySide6.QtWidgets import QMessageBox

    from ui import first_run
    from ui.dialogs.welcome import WelcomeDialog

    path = first_run.database_to_open(given)
    welcome = None
    if given and not Path(given).expanduser().exists():  # --db names a new file: make the company in it
        path = None
        welcome = WelcomeDialog(open_database, explain=explain, new_file=Path(given).expanduser())
    while True:
        if path is None:
            welcome = welcome or WelcomeDialog(open_database, explain=explain)
            if welcome.exec() != WelcomeDialog.DialogCode.Accepted or welcome.path is None:
                return None
            path = welcome.path
        try:
            services = open_signed_in(path)
        except Exception as exc:  # noqa: BLE001 - not a Stockroom file, no permission: say so and ask again
            message = open_failure(path, exc)
            if given:
                QMessageBox.warning(None, "Stockroom", message)
                return None
            welcome = welcome or WelcomeDialog(open_database, explain=explain)
            welcome.show_error(message)
            path = None
            continue
        if services is not None and not given:
            first_run.remember(path)  # a --db given once does not become the default
        if services is not None and welcome is not None and welcome.joining:
            services.start_on = ("settings", "sync")  # where the clerk enters the hub's address
        return services


def create_main_window(services: Services):
    from ui.main_window import MainWindow

    return MainWindow(services, open_services=opening)


def open_start_page(window) -> None:
    """The page the welcome's choice asked for (a desk joining the office: Settings › Shared database)."""
    start = window.services.start_on
    if start is not None:
        screen = window.show_screen(start[0])
        if start[1] and hasattr(screen, "page"):
            screen.page(start[1])


def start_daily_backup(window) -> None:
    """The automatic backup when the app starts (at most one a day), on the task runner so the window is not held up."""
    def failed(exc: BaseException) -> None:
        message = fill(QCoreApplication.translate("App", "The daily backup could not be made: %1"), str(exc))
        window.statusBar().showMessage(message)

    window.services.tasks.submit(window.services.admin.daily_backup, on_error=failed)


def run_gui(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    collect_cycles_on_the_gui_thread()
    services = open_first(getattr(args, "db", None))
    if services is None:
        close_left_behind(())
        return 0
    window = create_main_window(services)
    window.show()
    open_start_page(window)
    start_daily_backup(window)
    code = app.exec()
    close_databases(window)
    return code


def close_databases(window) -> None:
    """Close the databases of a closed window: the open one and those left behind.

    The window closed only once their background work had reported (``MainWindow.closeEvent`` waits for it with the
    event loop running and says so on the screen), so nothing is waited for here: this waited a second time, on the
    GUI thread with nothing shown, for each database in turn. Work still running here means the event loop ended
    some other way; a database is then closed only after its work, as closed under a running job it would be pulled
    away from it. (The runners themselves are never destroyed under their work, at the exit either: ui.tasks.)"""
    close_left_behind((window.services, *window.retired))


def close_left_behind(open_ones) -> None:
    """Close ``open_ones`` and the databases of cancelled sign-ins, each after its work (see close_databases)."""
    left, LEFT_BEHIND[:] = list(LEFT_BEHIND), []
    for services in (*open_ones, *left):
        if services.tasks.busy:
            services.tasks.wait(-1)
        services.database.close()
