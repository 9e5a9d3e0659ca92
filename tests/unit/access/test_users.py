"""Users: salted slow password hashes, the first admin turning sign-in on, the last admin protected."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest

from domain.access import users
from domain.access.passwords import hash_password
from domain.access.passwords import verify_password
from domain.access.roles import Role
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import Forbidden
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from tests.fakes import FakeUnitOfWork

PASSWORD = "s3cret-enough"


def as_user(base: FakeUnitOfWork, name: str, role: str | None) -> FakeUnitOfWork:
    uow = FakeUnitOfWork(user=name, role=role)
    uow.state = base.state
    return uow


@pytest.fixture
def office() -> FakeUnitOfWork:
    """An office whose first user, boss, is an admin."""
    uow = FakeUnitOfWork(user="", role=None)
    users.add_user(uow, users.AddUser("boss", PASSWORD, "admin", "Wang Boss"))
    return uow


def test_the_same_password_hashes_differently_each_time_and_verifies():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second
    assert first.startswith("scrypt$32768$8$1$") and PASSWORD not in first
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password("s3cret-enougH", first)
    assert not verify_password(PASSWORD, "not a hash") and not verify_password(PASSWORD, "")


def test_only_the_hash_is_stored(office):
    stored = office.state.users["boss"]
    assert stored.password_hash != PASSWORD and verify_password(PASSWORD, stored.password_hash)
    assert stored.role == Role.ADMIN and stored.display_name == "Wang Boss"


def test_sign_in_is_off_until_the_first_user_who_must_be_an_admin():
    uow = FakeUnitOfWork(user="", role=None)
    assert not users.sign_in_required(uow)
    with pytest.raises(RuleViolation, match="first user .* must be an admin"):
        users.add_user(uow, users.AddUser("li", PASSWORD, "clerk"))
    users.add_user(uow, users.AddUser("boss", PASSWORD, "admin"))
    assert users.sign_in_required(uow)
    with pytest.raises(Forbidden, match="nobody is signed in"):
        users.add_user(uow, users.AddUser("li", PASSWORD, "clerk"))


def test_sign_in_checks_name_and_password_with_one_message(office):
    assert users.authenticate(office, "boss", PASSWORD).username == "boss"
    wrong_password = pytest.raises(users.SignInFailed)
    with wrong_password as a:
        users.authenticate(office, "boss", "wrong password")
    with pytest.raises(users.SignInFailed) as b:
        users.authenticate(office, "nobody", PASSWORD)
    assert str(a.value) == str(b.value) == "the user name or the password is wrong"


def test_a_deactivated_user_cannot_sign_in(office):
    admin = as_user(office, "boss", "admin")
    users.add_user(admin, users.AddUser("li", PASSWORD, "clerk"))
    users.deactivate(admin, users.DeactivateUser("li"))
    with pytest.raises(users.SignInFailed):
        users.authenticate(as_user(admin, "", None), "li", PASSWORD)
    with pytest.raises(Forbidden):  # only an admin brings a user back
        users.reactivate(as_user(admin, "li", "clerk"), users.ReactivateUser("li"))
    users.reactivate(admin, users.ReactivateUser("li"))
    assert users.authenticate(as_user(admin, "", None), "li", PASSWORD).role == "clerk"  # as they were
    with pytest.raises(RuleViolation):
        users.reactivate(admin, users.ReactivateUser("li"))


def test_the_last_active_admin_can_be_neither_demoted_nor_deactivated(office):
    admin = as_user(office, "boss", "admin")
    with pytest.raises(RuleViolation, match="last active admin"):
        users.set_role(admin, users.SetRole("boss", "manager"))
    with pytest.raises(RuleViolation, match="last active admin"):
        users.deactivate(admin, users.DeactivateUser("boss"))
    users.add_user(admin, users.AddUser("deputy", PASSWORD, "admin"))
    users.set_role(admin, users.SetRole("boss", "manager"))
    assert admin.state.users["boss"].role == "manager"
    deputy = as_user(admin, "deputy", "admin")
    with pytest.raises(RuleViolation, match="last active admin"):
        users.deactivate(deputy, users.DeactivateUser("deputy"))


def test_only_an_admin_manages_users(office):
    admin = as_user(office, "boss", "admin")
    users.add_user(admin, users.AddUser("mgr", PASSWORD, "manager"))
    manager = as_user(admin, "mgr", "manager")
    for change in (lambda u: users.add_user(u, users.AddUser("x", PASSWORD, "clerk")),
                   lambda u: users.set_password(u, users.SetPassword("boss", "another password")),
                   lambda u: users.set_role(u, users.SetRole("mgr", "admin")),
                   lambda u: users.deactivate(u, users.DeactivateUser("boss")),
                   users.list_users):
        with pytest.raises(Forbidden, match=r"'mgr' \(manager\) may not manage users: that needs the admin role"):
            change(manager)
    assert manager.commits == 0


def test_a_reset_password_replaces_the_old_one(office):
    admin = as_user(office, "boss", "admin")
    users.set_password(admin, users.SetPassword("boss", "a new password"))
    with pytest.raises(users.SignInFailed):
        users.authenticate(admin, "boss", PASSWORD)
    later = datetime.now(UTC) + users.THROTTLE_MOST  # past the pause the failure started
    assert users.authenticate(admin, "boss", "a new password", clock=lambda: later).version == 2


def test_bad_input_names_the_field(office):
    admin = as_user(office, "boss", "admin")
    with pytest.raises(BadInput, match="password: is 3 characters long; use at least 8"):
        users.add_user(admin, users.AddUser("li", "abc", "clerk"))
    with pytest.raises(BadInput,
                       match="role: 'owner' is not a role; use one of clerk, purchaser, accountant, manager, admin"):
        users.add_user(admin, users.AddUser("li", PASSWORD, "owner"))
    with pytest.raises(BadInput, match="user name"):
        users.add_user(admin, users.AddUser("li lei", PASSWORD, "clerk"))
    with pytest.raises(Duplicate, match="'boss' is already taken"):
        users.add_user(admin, users.AddUser("boss", PASSWORD, "clerk"))
    with pytest.raises(NotFound, match="no user has this name"):
        users.set_role(admin, users.SetRole("ghost", "clerk"))


def test_any_signed_in_user_changes_their_own_password_after_proving_the_current_one(office):
    admin = as_user(office, "boss", "admin")
    users.add_user(admin, users.AddUser("li", "li-first-pass", "clerk"))
    clerk = as_user(admin, "li", "clerk")
    with pytest.raises(BadInput) as wrong:
        users.change_own_password(clerk, users.ChangeOwnPassword("not-it-at-all", "li-second-pass"))
    assert wrong.value.field == "current password"
    with pytest.raises(BadInput) as same:
        users.change_own_password(clerk, users.ChangeOwnPassword("li-first-pass", "li-first-pass"))
    assert same.value.field == "password"
    with pytest.raises(BadInput) as short:
        users.change_own_password(clerk, users.ChangeOwnPassword("li-first-pass", "short"))
    assert short.value.field == "password"
    assert verify_password("li-first-pass", clerk.state.users["li"].password_hash)  # refusals changed nothing

    users.change_own_password(clerk, users.ChangeOwnPassword("li-first-pass", "li-second-pass"))
    assert users.authenticate(as_user(clerk, "", None), "li", "li-second-pass").username == "li"
    with pytest.raises(users.SignInFailed):
        users.authenticate(as_user(clerk, "", None), "li", "li-first-pass")
    assert verify_password(PASSWORD, clerk.state.users["boss"].password_hash)  # only their own


def test_changing_your_own_password_needs_someone_signed_in():
    with pytest.raises(RuleViolation):
        users.change_own_password(FakeUnitOfWork(user="", role=None), users.ChangeOwnPassword("x" * 8, "y" * 8))
