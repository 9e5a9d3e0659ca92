"""In the window, a locked database or a full disk reaches every failure callback as what to do, not as SQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from domain.kernel.errors import StorageProblem
from ui.app import explain
from ui.tasks import TaskRunner


def test_a_task_that_meets_a_locked_database_fails_with_a_message_saying_what_to_do(qtbot):
    tasks = TaskRunner(explain=explain)
    failures = []

    def job():
        raise OperationalError("INSERT INTO movements VALUES (?)", ("secret",),
                               sqlite3.OperationalError("database is locked"))

    tasks.submit(job, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0], StorageProblem) and failures[0].kind == "locked"
    assert "try again" in str(failures[0]) and "secret" not in str(failures[0])


def test_a_task_that_meets_a_full_disk_fails_with_a_message_saying_what_to_do(qtbot):
    tasks = TaskRunner(explain=explain)
    failures = []

    def job():
        raise sqlite3.OperationalError("database or disk is full")

    tasks.submit(job, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert failures[0].kind == "full" and "free some space" in str(failures[0])


def test_other_failures_reach_the_callback_unchanged(qtbot):
    tasks = TaskRunner(explain=explain)
    failures = []

    def job():
        raise ValueError("a defect")

    tasks.submit(job, on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0], ValueError)
