"""A user the desk holds back from the hub is let in from the Conflicts screen by an admin (Approve…),
after a confirmation that names the user and the role; a clerk does not get the action."""

from __future__ import annotations

import dataclasses

import pytest

from domain.access import users
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import Forbidden
from persistence import sync
from persistence import tables as t
from ui import i18n

pytestmark = pytest.mark.postgres


def usernames(db) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(conn.execute(t.users.select().with_only_columns(t.users.c.username)).scalars())


@pytest.fixture
def held(db, hub, tmp_path):
    """This desk (``db``) with the admin boss and the clerk li, and wang, an admin added on another desk,
    held back by this one's last sync. Returns wang's id."""
    from persistence.db import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        catalog.add_warehouse(other.uow(), cc.AddWarehouse("MAIN", "Main store"))
        users.add_user(other.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
        other.act_as("boss", "admin")
        users.add_user(other.uow(), users.AddUser("li", "li-pass-1", "clerk"))
        sync.sync(other, hub)
        sync.sync(db, hub)  # this desk joins: the office's users come with its first pull
        wang = users.add_user(other.uow(), users.AddUser("wang", "wang-pass-1", "admin"))
        sync.sync(other, hub)
    finally:
        other.close()
    db.act_as("boss", "admin")
    sync.sync(db, hub)
    db.act_as("", None)
    assert usernames(db) == ["boss", "li"]
    [q] = [q for q in sync.status(db).quarantined if q.row_id == wang.id]
    assert q.code == "user_new" and q.params == {"username": "wang", "role": "admin"}
    return wang.id


def _screen(qtbot, services):
    from ui.access import guard_screen
    from ui.screens.conflicts import ConflictsScreen

    screen = ConflictsScreen(services)
    qtbot.addWidget(screen)
    guards = guard_screen("conflicts", screen, services.role)  # as the main window does
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    return screen, guards


def test_an_admin_approves_a_held_user_after_a_confirmation_naming_user_and_role(
        qtbot, db, held, make_services, monkeypatch, english):
    from PySide6.QtWidgets import QMessageBox

    admin = dataclasses.replace(make_services("boss"), role="admin")
    screen, _guards = _screen(qtbot, admin)
    assert screen.approve_button.isVisibleTo(screen) and screen.approve_button.isEnabled()
    assert screen.waiting.count() == 1 and screen.waiting.currentText() == "wang (Admin)"
    asked = []

    def question(_parent, title, text):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    screen.approve_button.click()  # answered No: nothing happens
    assert asked == ["Let user wang sign in on this computer with the role Admin? The user was added on another "
                     "computer."]
    assert usernames(db) == ["boss", "li"]

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    screen.approve_button.click()
    qtbot.waitUntil(lambda: "approved" in screen.message.text(), timeout=10_000)
    assert screen.message.text() == "wang (Admin) approved and let in."
    assert usernames(db) == ["boss", "li", "wang"]
    qtbot.waitUntil(lambda: not screen.loading and screen.kept_box.isHidden())
    assert [q for q in sync.status(db).quarantined if q.row_id == held] == []


def test_a_refused_approval_is_said_from_its_template_in_chinese(qtbot, db, held, make_services, monkeypatch, english):
    from PySide6.QtWidgets import QMessageBox

    admin = dataclasses.replace(make_services("boss"), role="admin")
    screen, _guards = _screen(qtbot, admin)
    sync.approve(db, held, user="boss", role="admin")  # someone else let wang in meanwhile
    i18n.set_language(i18n.CHINESE, persist=False)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    screen.approve_button.click()
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=10_000)
    assert "此键下没有等待批准的内容" in screen.message.text() and held in screen.message.text()


def test_a_clerk_does_not_get_the_action_and_is_refused_if_asking_anyway(qtbot, db, held, make_services, english):
    clerk = dataclasses.replace(make_services("li"), role="clerk")
    screen, guards = _screen(qtbot, clerk)
    assert guards and not screen.approve_button.isEnabled()
    assert "Admin" in screen.approve_button.toolTip()
    screen._show_kept()  # the screen enables it again as the list reloads: the guard keeps it off
    assert not screen.approve_button.isEnabled()
    with pytest.raises(Forbidden):
        clerk.admin.approve_held_user(held, user="li", role="clerk")
    assert usernames(db) == ["boss", "li"]


def test_a_merge_of_users_from_the_hub_is_approved_with_both_names_in_the_confirmation(
        qtbot, db, make_services, monkeypatch, english):
    from PySide6.QtWidgets import QMessageBox

    from persistence.sync import gate

    users.add_user(db.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    db.act_as("boss", "admin")
    wang = users.add_user(db.uow(), users.AddUser("wang", "wang-pass-1", "admin"))
    li = users.add_user(db.uow(), users.AddUser("li", "li-pass-1", "clerk"))
    db.act_as("", None)
    with db.engine.begin() as conn:  # the hub says wang was a duplicate of li: kept aside for an admin here
        assert gate.apply_aliases(conn, [("users", wang.id, li.id)], last=True) == []
    [q] = sync.status(db).quarantined
    assert (q.table, q.code, q.params) == ("alias:users", "user_merged", {"username": "wang", "into": "li"})

    admin = dataclasses.replace(make_services("boss"), role="admin")
    screen, _guards = _screen(qtbot, admin)
    assert screen.waiting.currentText() == "wang → li"
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes)
    screen.approve_button.click()
    qtbot.waitUntil(lambda: "approved" in screen.message.text(), timeout=10_000)
    assert asked == ["Merge user wang into user li on this computer, as the shared database says? wang can then no "
                     "longer sign in here."]
    assert sync.status(db).quarantined == []
