"""User use cases: add a user, reset a password, change a role, deactivate; sign in; change your own password.

Every change is the admin's (``Permission.USERS``), except the very first user: while sign-in
is off anyone may add a user, and the first one must be an admin, which turns sign-in on; and
every signed-in user may change their own password, proving the current one first. The
last active admin can be neither demoted nor deactivated, so a database can never lock
everybody out of user management. Users are never deleted: movements and documents name them.

Signing in is throttled per user name: after each failed attempt the next one is refused until a
delay has passed, 1 s after the first failure, then 2 s, 4 s … at most 60 s (``throttle_delay``);
an attempt that comes earlier is refused at once with the time to try again (nothing sleeps). A
successful sign-in clears the count. The count and the time are kept per name by the users
repository (``sign_in_failures``); the clock is a parameter, so tests do not wait.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from datetime import timedelta

from domain.access.model import User
from domain.access.passwords import hash_password
from domain.access.passwords import verify_password
from domain.access.passwords import waste_time
from domain.access.roles import ROLES
from domain.access.roles import Permission
from domain.access.roles import Role
from domain.access.roles import require
from domain.access.roles import role_of
from domain.kernel import clock
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import Forbidden
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal

MIN_PASSWORD = 8
MAX_PASSWORD = 1024


class SignInFailed(Forbidden):
    """The user name or the password is wrong (the message does not say which)."""

    def __init__(self) -> None:
        super().__init__("the user name or the password is wrong", code="sign_in_failed")


def system_clock() -> datetime:
    """The time sign-in throttling goes by when no clock is given (tests replace it)."""
    return clock.now()


THROTTLE_FIRST = timedelta(seconds=1)
THROTTLE_MOST = timedelta(seconds=60)


def throttle_delay(failures: int) -> timedelta:
    """How long sign-in as a name is refused after its ``failures``-th failed attempt in a row: 1 s, 2 s,
    4 s … at most 60 s."""
    if failures <= 0:
        return timedelta(0)
    return min(THROTTLE_MOST, THROTTLE_FIRST * 2 ** min(failures - 1, 16))


class SignInThrottled(Forbidden):
    """Sign-in as this name is paused after failed attempts; ``not_before`` says from when it is tried again.

    Args:
        username: the name as typed.
        failures: the failed attempts in a row so far.
        not_before: the aware UTC time from which an attempt is taken.
        now: the time of the refused attempt.
    """

    def __init__(self, username: str, failures: int, not_before: datetime, now: datetime) -> None:
        self.username, self.failures, self.not_before = username, failures, not_before
        self.wait_seconds = max(1, int(-(-(not_before - now).total_seconds() // 1)))
        super().__init__(f"sign-in as {username} is paused after {failures} failed attempt(s); try again in "
                         f"{self.wait_seconds} s (at {not_before.astimezone():%H:%M:%S})", code="sign_in_throttled")
        self.params.update(username=username, failures=failures, seconds=self.wait_seconds,
                           at=f"{not_before.astimezone():%H:%M:%S}")


@dataclass(frozen=True)
class AddUser:
    username: str
    password: str
    role: str
    display_name: str = ""


@dataclass(frozen=True)
class SetPassword:
    username: str
    password: str


@dataclass(frozen=True)
class ChangeOwnPassword:
    current: str
    new: str


@dataclass(frozen=True)
class SetRole:
    username: str
    role: str


@dataclass(frozen=True)
class DeactivateUser:
    username: str


@dataclass(frozen=True)
class ReactivateUser:
    username: str


def _username(value: object) -> str:
    return v.code("user name", value, max_len=64)


def _role(value: object) -> Role:
    role = role_of(value)
    if role is None:
        raise BadInput("role", f"{value!r} is not a role; use one of {', '.join(ROLES)}",
                       code="not_a_role", values=(repr(value), ', '.join(ROLES)))
    return role


def _password(value: object) -> str:
    password = "" if value is None else str(value)
    if len(password) < MIN_PASSWORD:
        raise BadInput("password", f"is {len(password)} characters long; use at least {MIN_PASSWORD}",
                       code="password_too_short", values=(len(password), MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        raise BadInput("password", f"is {len(password)} characters long; at most {MAX_PASSWORD} are accepted",
                       code="password_too_long", values=(len(password), MAX_PASSWORD))
    return password


def _find(uow: UnitOfWork, username: str) -> User:
    user = uow.users.by_username(username)
    if user is None:
        raise refusal(NotFound, "unknown_user", username=username)
    return user


def sign_in_required(uow: UnitOfWork) -> bool:
    """Whether the database has an active user, so that using it needs signing in."""
    with uow:
        return uow.users.any_active()


def check_may_manage_users(uow: UnitOfWork) -> None:
    """Refuse, before anything is asked for (a new password), a user who may not manage users.

    Raises:
        Forbidden: sign-in is on and the acting user is not an admin.
    """
    with uow:
        require(uow, Permission.USERS)


def add_user(uow: UnitOfWork, c: AddUser) -> User:
    """Add a user with a role and a password; the first user must be an admin and turns sign-in on.

    Raises:
        BadInput: a blank or spaced user name, an unknown role, a password shorter than 8 characters.
        Duplicate: the name is taken (also by a deactivated user).
        RuleViolation: the first user is not an admin.
        Forbidden: the acting user is not an admin.
    """
    username = _username(c.username)
    role = _role(c.role)
    password = _password(c.password)
    display_name = v.text("display name", c.display_name, required=False)
    password_hash = hash_password(password)  # slow on purpose; outside the write transaction's hot part
    with uow:
        require(uow, Permission.USERS)
        if not uow.users.any_active() and role != Role.ADMIN:
            raise refusal(RuleViolation, "first_user_admin", username=username)
        if uow.users.by_username(username) is not None:
            raise refusal(Duplicate, "username_taken", username=username)
        user = User(id=new_id(), username=username, role=role.value, password_hash=password_hash,
                    created_at=clock.now(), display_name=display_name, device_id=uow.device_id)
        uow.users.add(user)
        uow.commit()
    return user


def set_password(uow: UnitOfWork, c: SetPassword) -> User:
    """Give a user a new password (an admin resetting a forgotten one)."""
    username = _username(c.username)
    password_hash = hash_password(_password(c.password))
    with uow:
        require(uow, Permission.USERS)
        user = replace(_find(uow, username), password_hash=password_hash)
        user = replace(user, version=user.version + 1)
        uow.users.update(user)
        uow.commit()
    return user


def change_own_password(uow: UnitOfWork, c: ChangeOwnPassword) -> User:
    """The signed-in user (``uow.user``, any role) changes their own password.

    Raises:
        RuleViolation: nobody is signed in (sign-in off: there is no password to change).
        BadInput: ``current password`` is not the user's password; ``password`` (the new one) is too
            short or too long, or is the current one again.
    """
    new = _password(c.new)
    current = "" if c.current is None else str(c.current)
    with uow:
        if getattr(uow, "role", None) is None:
            raise refusal(RuleViolation, "no_password_to_change")
        user = uow.users.by_username(uow.user)
        if user is None or not user.active:
            raise Forbidden(f"user {uow.user!r} is not an active user of this database; ask an admin",
                            user=uow.user, needed=Role.CLERK.value, permission="own_password")
        if not verify_password(current, user.password_hash):
            raise BadInput("current password", "is not the password you signed in with; enter it again",
                           code="wrong_password")
        if new == current:
            raise BadInput("password", "is the current password; choose a different one", code="password_unchanged")
        user = replace(user, password_hash=hash_password(new), version=user.version + 1)
        uow.users.update(user)
        uow.commit()
    return user


def set_role(uow: UnitOfWork, c: SetRole) -> User:
    """Change a user's role; the last active admin keeps the admin role."""
    username = _username(c.username)
    role = _role(c.role)
    with uow:
        require(uow, Permission.USERS)
        user = _find(uow, username)
        if user.active and user.role == Role.ADMIN and role != Role.ADMIN and uow.users.active_admins() <= 1:
            raise refusal(RuleViolation, "last_admin_role", username=username)
        user = replace(user, role=role.value, version=user.version + 1)
        uow.users.update(user)
        uow.commit()
    return user


def deactivate(uow: UnitOfWork, c: DeactivateUser) -> User:
    """Stop a user from signing in; what they recorded keeps their name. The last active admin stays."""
    username = _username(c.username)
    with uow:
        require(uow, Permission.USERS)
        user = _find(uow, username)
        if not user.active:
            raise refusal(RuleViolation, "already_deactivated", username=username)
        if user.role == Role.ADMIN and uow.users.active_admins() <= 1:
            raise refusal(RuleViolation, "last_admin_deactivate", username=username)
        user = replace(user, active=False, version=user.version + 1)
        uow.users.update(user)
        uow.commit()
    return user


def reactivate(uow: UnitOfWork, c: ReactivateUser) -> User:
    """Let a deactivated user sign in again, with the role and password they had (an admin's decision)."""
    username = _username(c.username)
    with uow:
        require(uow, Permission.USERS)
        user = _find(uow, username)
        if user.active:
            raise refusal(RuleViolation, "already_active", username=username)
        user = replace(user, active=True, version=user.version + 1)
        uow.users.update(user)
        uow.commit()
    return user


def list_users(uow: UnitOfWork) -> list[User]:
    """Every user, active or not, by name (for the admin)."""
    with uow:
        require(uow, Permission.USERS)
        return uow.users.all()


def authenticate(uow: UnitOfWork, username: object, password: object,
                 clock: Callable[[], datetime] | None = None) -> User:
    """The active user with this name and password; throttled per name after failed attempts (see module).

    Args:
        uow: the unit of work (entered up to three times: read, then record or clear the failures).
        username: the name as typed.
        password: the password as typed.
        clock: the current aware time (default: the system clock).

    Raises:
        SignInThrottled: an attempt before the delay after the last failure has passed; the password
            is not even checked.
        SignInFailed: unknown name, deactivated user or wrong password, all with one message and in
            about the same time, so neither tells which part was wrong.
    """
    name = "" if username is None else str(username).strip()
    secret = "" if password is None else str(password)
    key = v.code_key(name)
    with uow:
        user = uow.users.by_username(name) if name else None
        failures, not_before = uow.users.sign_in_failures(key) if key else (0, None)
    now = (clock or system_clock)()
    if not_before is not None and now < not_before:
        raise SignInThrottled(name, failures, not_before, now)
    if user is None or not user.active:
        waste_time(secret)
        ok = False
    else:
        ok = verify_password(secret, user.password_hash)
    if not ok:
        if key:  # unknown names too, so the pause does not tell which names exist
            with uow:
                uow.users.set_sign_in_failures(key, failures + 1, now + throttle_delay(failures + 1))
                uow.commit()
        raise SignInFailed()
    if failures:
        with uow:
            uow.users.set_sign_in_failures(key, 0, None)
            uow.commit()
    assert user is not None
    return user
