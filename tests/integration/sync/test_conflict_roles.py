"""Resolving a sync conflict is a manager's decision, refused in the use case for anyone less."""

from __future__ import annotations

import pytest

from domain.access import users
from domain.kernel.errors import Forbidden
from domain.kernel.errors import NotFound
from persistence import sync
from persistence.db import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "roles.sqlite3")
    users.add_user(database.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    for name, role in (("li", "clerk"), ("wang", "purchaser"), ("zhao", "manager")):
        users.add_user(database.uow("boss", "admin"), users.AddUser(name, f"{name}-pass-12", role))
    yield database
    database.close()


@pytest.mark.parametrize("user, role", [("li", "clerk"), ("wang", "purchaser"), ("", None)])
def test_only_a_manager_or_admin_may_resolve_a_conflict(db, user, role):
    with pytest.raises(Forbidden) as refused:
        sync.resolve_conflict(db, "no-such-conflict", user=user, role=role)
    assert refused.value.needed == "manager"


@pytest.mark.parametrize("user, role", [("zhao", "manager"), ("boss", "admin")])
def test_a_manager_or_admin_gets_past_the_role_check(db, user, role):
    with pytest.raises(NotFound):  # the role check passed; the conflict itself does not exist
        sync.resolve_conflict(db, "no-such-conflict", user=user, role=role)


def test_a_claimed_role_counts_for_nothing_against_the_stored_one(db):
    with pytest.raises(Forbidden):
        sync.resolve_conflict(db, "no-such-conflict", user="li", role="manager")
