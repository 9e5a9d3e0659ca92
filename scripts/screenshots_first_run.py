"""Screenshots of the first run and of signing in, for README.md and docs/.

    .venv/bin/python scripts/screenshots_first_run.py

Saves docs/screenshot-welcome-<en|zh>.png (the welcome dialog's three ways in),
docs/screenshot-welcome-create-en.png (a new company filled in), docs/screenshot-signin-<en|zh>.png
(after a wrong password) and docs/screenshot-users-en.png (Settings → Users of a small office).
Everything happens in a scratch folder: a throwaway database, and QSettings kept away from the
user's own. Runs under Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import pause  # noqa: E402

from domain.access import users  # noqa: E402
from domain.catalog import commands as c  # noqa: E402
from domain.catalog import master as catalog  # noqa: E402
from persistence.db import open_database  # noqa: E402
from ui import first_run  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import build_services  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.dialogs.sign_in import SignInDialog  # noqa: E402
from ui.dialogs.welcome import WelcomeDialog  # noqa: E402
from ui.screens.settings_users import UsersPage  # noqa: E402

DOCS = ROOT / "docs"


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        pause(50)
    pause(200)


def save(widget, name: str) -> None:
    widget.grab().save(str(DOCS / name))
    print(f"wrote docs/{name}")


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="stockroom-first-run-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    first_run.default_db_path = lambda: Path("~/.local/share/Stockroom/stockroom.sqlite3").expanduser()

    for language in (i18n.ENGLISH, i18n.CHINESE):
        i18n.set_language(language, persist=False)
        QCoreApplication.processEvents()
        dialog = WelcomeDialog(open_database)
        dialog.show()
        wait_for(lambda: True)
        save(dialog, f"screenshot-welcome-{'en' if language == i18n.ENGLISH else 'zh'}.png")
        if language == i18n.ENGLISH:
            dialog.create_choice.click()
            dialog.company.setText("Shanghai Hardware Trading Co.")
            dialog.address.setPlainText("1 Zhangjiang Road, Pudong, Shanghai")
            dialog.warehouse_code.setText("SH")
            dialog.warehouse_name.setText("Shanghai main warehouse")
            wait_for(lambda: True)
            save(dialog, "screenshot-welcome-create-en.png")
        dialog.close()

    db_path = scratch / "office.sqlite3"
    db = open_database(db_path)
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
    users.add_user(db.uow(), users.AddUser("wang", "boss-pass-1", "admin", "王经理"))
    for name, role, display in (("li", "clerk", "李娜"), ("zhao", "purchaser", "赵强"), ("chen", "manager", "陈静")):
        users.add_user(db.uow("wang", "admin"), users.AddUser(name, "pass-word-1", role, display))
    db.close()
    services = build_services(db_path)
    for language in (i18n.ENGLISH, i18n.CHINESE):
        i18n.set_language(language, persist=False)
        QCoreApplication.processEvents()
        dialog = SignInDialog(services)
        dialog.username.setText("li")
        dialog.password.setText("not the password")
        dialog.show()
        dialog.submit()
        wait_for(lambda d=dialog: not d.message.isHidden() and d.username.isEnabled())
        dialog.password.setText("secret12")
        save(dialog, f"screenshot-signin-{'en' if language == i18n.ENGLISH else 'zh'}.png")
        dialog.close()

    i18n.set_language(i18n.ENGLISH, persist=False)
    services.user, services.role = "wang", "admin"
    page = UsersPage(services)
    page.resize(900, 560)
    page.show()
    wait_for(lambda: page.model.rowCount() == 4 and not page.loading)
    page.table.selectRow(1)
    wait_for(lambda: True)
    save(page, "screenshot-users-en.png")
    page.close()
    services.tasks.wait()
    services.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
