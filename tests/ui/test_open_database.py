"""File › Open (and the reopening after a restore) opens the database on the task runner: the migration and its
backup, and the question whether it has users, run off the GUI thread. Meanwhile the window paints, says what it is
doing and refuses a second open; the sign-in dialog follows when the database has users; a failure is said and the
database open before stays open. The tests hold the opening at gates of their own, never a time."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from domain.access import users
from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from persistence.migrations import HEAD
from ui.app import create_main_window
from ui.app import opening
from ui.dialogs.sign_in import SignInDialog

PASSWORD = "boss-pass-12"


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    return make_services()


@pytest.fixture
def window(qtbot, services):
    win = create_main_window(services)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    yield win
    for kept in {id(s): s for s in (win.services, *win.retired)}.values():
        kept.tasks.wait()
    if win.services is not services:
        win.services.database.close()


def held(calls: list, before: threading.Event | None = None, upgrading: threading.Event | None = None):
    """``window.open_services`` doing the real opening, held at ``before`` (until it is set) and, when the schema is
    upgraded, after the backup at ``upgrading``."""
    def open_services(path: Path):
        work = opening(path)
        calls.append(path)

        def waiting(progress):
            assert before is None or before.wait(600), "the test never let the opening go"

            def told(backup) -> None:
                progress(backup)
                assert upgrading is None or upgrading.wait(600), "the test never let the upgrade go"

            return work(told)

        return waiting

    return open_services


def test_file_open_runs_on_the_runner_while_the_window_paints_and_refuses_a_second_open(qtbot, window, services,
                                                                                         tmp_path):
    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    gate, calls = threading.Event(), []
    window.open_services = held(calls, before=gate)
    assert window.open_database(other)
    try:
        assert window.opening == other
        assert "Opening other.sqlite3" in window.work_label.text() and window.work_bar.isVisible()
        assert not window.open_action.isEnabled() and not window.splitter.isEnabled()
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))  # the event loop runs while the opening is held
        qtbot.waitUntil(lambda: bool(ticks))
        assert not window.grab().isNull()
        assert not window.open_database(tmp_path / "third.sqlite3")  # refused: one opening at a time
        assert calls == [other] and "Still opening" in window.statusBar().currentMessage()
        assert window.services is services
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.opening is None and window.services is not services)
    assert window.services.database.path == other.resolve()
    assert str(other.resolve()) in window.db_label.text()
    assert window.open_action.isEnabled() and window.splitter.isEnabled()
    assert window.retired == [] or window.retired == [services]


def test_an_upgrade_says_where_the_backup_was_taken_while_it_runs(qtbot, window, services, tmp_path):
    from alembic import command
    from alembic.config import Config

    from persistence.db import MIGRATIONS

    old = tmp_path / "old.sqlite3"
    database = open_database(old)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
    database.close()
    upgrading, calls = threading.Event(), []
    window.open_services = held(calls, upgrading=upgrading)
    window.open_database(old)
    try:
        qtbot.waitUntil(lambda: window.upgrade_backup is not None)
        assert "before-" in window.upgrade_backup.name and window.upgrade_backup.parent.name == "backups"
        assert "Upgrading old.sqlite3" in window.work_label.text()
        assert str(window.upgrade_backup) in window.work_label.text()
        assert window.services is services
    finally:
        upgrading.set()
    qtbot.waitUntil(lambda: window.opening is None and window.services is not services)
    conn = sqlite3.connect(old)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    finally:
        conn.close()


def not_a_database(path: Path) -> Path:
    path.write_text("shopping list")
    return path


def too_new(path: Path) -> Path:
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    return path


@pytest.mark.parametrize(("make", "said"), [(not_a_database, "is not a Stockroom database"),
                                            (too_new, "was made by a newer version of Stockroom")])
def test_a_file_that_does_not_open_is_said_and_the_database_open_before_stays(qtbot, window, services, tmp_path,
                                                                              monkeypatch, make, said):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    path = make(tmp_path / "notes.sqlite3")
    window.open_services = opening
    window.open_database(path)
    qtbot.waitUntil(lambda: bool(warned))
    assert said in warned[0] and str(path) in warned[0]
    assert window.services is services and window.opening is None
    assert window.open_action.isEnabled() and window.splitter.isEnabled() and "Ready" in window.work_label.text()
    assert [w.code for w in services.catalog.warehouses()] == ["W1"]  # still open


def with_users(path: Path) -> Path:
    database = open_database(path)
    users.add_user(database.uow(), users.AddUser("boss", PASSWORD, "admin"))
    database.close()
    return path


def test_the_sign_in_dialog_follows_the_opening_and_a_cancel_keeps_the_old_database(qtbot, window, services,
                                                                                    tmp_path, monkeypatch):
    other = with_users(tmp_path / "office.sqlite3")
    shown: list[tuple] = []

    def answer(cancel: bool):
        def exec_(dialog) -> int:
            shown.append((dialog.services.db_path, window.opening))
            if cancel:
                return SignInDialog.DialogCode.Rejected
            dialog.username.setText("boss")
            dialog.password.setText(PASSWORD)
            dialog.submit()
            qtbot.waitUntil(lambda: dialog.user is not None)
            return SignInDialog.DialogCode.Accepted
        return exec_

    window.open_services = opening
    monkeypatch.setattr(SignInDialog, "exec", answer(cancel=True))
    window.open_database(other)
    qtbot.waitUntil(lambda: bool(shown) and not window.retired)
    assert shown == [(str(other.resolve()), None)]  # asked once the opening was done
    assert window.services is services

    monkeypatch.setattr(SignInDialog, "exec", answer(cancel=False))
    window.open_database(other)
    qtbot.waitUntil(lambda: window.services is not services)
    assert window.services.user == "boss" and window.services.role == "admin"
    assert "boss" in window.user_label.text()
    QApplication.processEvents()
