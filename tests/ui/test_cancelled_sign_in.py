"""A cancelled sign-in leaves its database behind: it is closed once the work started on it has reported, not
before and without waiting for it (``ui.app.open_signed_in``). The test holds that work, so the order is its own."""

from __future__ import annotations

import threading


def test_a_cancelled_sign_in_closes_its_database_once_its_runner_is_idle(qtbot, tmp_path, monkeypatch):
    from persistence.db import open_database
    from ui import app
    from ui.dialogs import sign_in

    open_database(tmp_path / "shop.sqlite3").close()
    release = threading.Event()
    ran: list[bool] = []
    closed: list[str] = []
    seen: list = []

    def cancelled(services):  # the dialog started a job on the database, then the clerk cancelled
        seen.append(services)
        close = services.database.close
        monkeypatch.setattr(services.database, "close", lambda: (closed.append("closed"), close()))
        services.tasks.submit(lambda: release.wait(600), on_done=ran.append)
        return None

    monkeypatch.setattr(sign_in, "ask_sign_in", cancelled)
    assert app.open_signed_in(tmp_path / "shop.sqlite3") is None  # at once: the job still runs
    (services,) = seen
    assert closed == [] and ran == [] and app.LEFT_BEHIND == [services]

    release.set()
    qtbot.waitUntil(lambda: bool(closed))
    assert ran == [True] and closed == ["closed"] and app.LEFT_BEHIND == []


def test_a_cancelled_sign_in_with_no_work_closes_its_database_at_once(tmp_path, monkeypatch):
    from persistence.db import open_database
    from ui import app
    from ui.dialogs import sign_in

    open_database(tmp_path / "shop.sqlite3").close()
    closed: list[str] = []

    def cancelled(services):
        close = services.database.close
        monkeypatch.setattr(services.database, "close", lambda: (closed.append("closed"), close()))

    monkeypatch.setattr(sign_in, "ask_sign_in", cancelled)
    assert app.open_signed_in(tmp_path / "shop.sqlite3") is None
    assert closed == ["closed"] and app.LEFT_BEHIND == []


def test_the_exit_closes_a_cancelled_sign_in_s_database_after_its_work(qtbot, tmp_path, monkeypatch):
    """The window may never open (the clerk gave up): the exit waits for the job and closes the database then."""
    from persistence.db import open_database
    from ui import app
    from ui.dialogs import sign_in

    open_database(tmp_path / "shop.sqlite3").close()
    release = threading.Event()
    order: list[str] = []

    def cancelled(services):
        close = services.database.close
        monkeypatch.setattr(services.database, "close", lambda: (order.append("closed"), close()))

        def job() -> None:
            release.wait(600)
            order.append("job done")

        services.tasks.submit(job)

    monkeypatch.setattr(sign_in, "ask_sign_in", cancelled)
    app.open_signed_in(tmp_path / "shop.sqlite3")
    release.set()
    app.close_left_behind(())
    assert order == ["job done", "closed"] and app.LEFT_BEHIND == []
