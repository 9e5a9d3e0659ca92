"""Restoring a backup: the one rule of who may, for the window and the command line (domain.access.backups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.access import users
from domain.access.backups import restore_backup
from domain.access.roles import Role
from domain.kernel.errors import Forbidden
from tests.fakes import FakeUnitOfWork

PASSWORD = "correct horse"


@pytest.fixture
def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    users.add_user(uow, users.AddUser("boss", PASSWORD, "admin"))
    admin = FakeUnitOfWork(user="boss", role=Role.ADMIN)
    admin.state = uow.state
    users.add_user(admin, users.AddUser("li", PASSWORD, "manager"))
    return admin


def acting(world: FakeUnitOfWork, name: str, role: str | None) -> FakeUnitOfWork:
    uow = FakeUnitOfWork(user=name, role=role)
    uow.state = world.state
    return uow


def test_an_admin_restores_and_gets_what_the_port_did(world):
    done = []
    result = restore_backup(acting(world, "boss", Role.ADMIN), Path("b.sqlite3"), lambda p: done.append(p) or "ok")
    assert (result, done) == ("ok", [Path("b.sqlite3")])


@pytest.mark.parametrize(("name", "role", "code"), [("li", Role.MANAGER, "forbidden"), ("", None, "not_signed_in")])
def test_anyone_else_is_refused_once_sign_in_is_on_and_nothing_is_restored(world, name, role, code):
    done = []
    with pytest.raises(Forbidden) as refused:
        restore_backup(acting(world, name, role), Path("b.sqlite3"), done.append)
    assert refused.value.code == code and refused.value.needed == "admin" and done == []


def test_with_sign_in_off_or_no_database_to_ask_the_restore_goes_ahead():
    done = []
    restore_backup(FakeUnitOfWork(user="os-user", role=None), Path("a"), done.append)
    restore_backup(None, Path("b"), done.append)  # no file there, or one that no longer opens as a database
    assert done == [Path("a"), Path("b")]
