"""The users table: the repository the user use cases need.

``any_active`` and ``by_username`` run at the start of every use case (``domain.access.roles.require``),
so their statements are built once here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.access.model import User
from persistence import tables as t
from persistence.types import from_micros
from persistence.types import to_micros

U = t.users.c
_BY_NAME = select(t.users).where(U.username == bindparam("name"))
_ANY_ACTIVE = select(U.id).where(U.active.is_(True)).limit(1)
_ACTIVE_ADMINS = select(func.count()).select_from(t.users).where(U.active.is_(True), U.role == "admin")
_ALL = select(t.users).order_by(U.username)


def _make(r) -> User:
    return User(id=r.id, username=r.username, role=r.role, password_hash=r.password_hash, created_at=r.created_at,
                display_name=r.display_name, active=r.active, device_id=r.device_id, version=r.version)


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, user: User) -> None:
        self.conn.execute(insert(t.users).values(
            id=user.id, username=user.username, display_name=user.display_name, role=user.role,
            password_hash=user.password_hash, active=user.active, created_at=user.created_at,
            device_id=user.device_id, version=user.version))

    def update(self, user: User) -> None:
        self.conn.execute(update(t.users).where(U.id == user.id).values(
            display_name=user.display_name, role=user.role, password_hash=user.password_hash, active=user.active,
            version=user.version))

    def by_username(self, username: str) -> User | None:
        r = self.conn.execute(_BY_NAME, {"name": username}).first()
        return None if r is None else _make(r)

    def all(self) -> list[User]:
        return [_make(r) for r in self.conn.execute(_ALL)]

    def any_active(self) -> bool:
        return self.conn.execute(_ANY_ACTIVE).first() is not None

    def active_admins(self) -> int:
        return int(self.conn.execute(_ACTIVE_ADMINS).scalar_one())

    # Failed sign-ins live in the settings table (this desk's own, never synced): "count microseconds".
    _FAILURES = "sign_in_failures:"

    def sign_in_failures(self, key: str) -> tuple[int, datetime | None]:
        value = self.conn.execute(select(t.settings.c.value).where(t.settings.c.key == self._FAILURES + key)).scalar()
        try:
            count, micros = value.split() if value else ("0", "")
            return int(count), from_micros(int(micros)) if micros else None
        except ValueError:  # written by hand: start again
            return 0, None

    def set_sign_in_failures(self, key: str, failures: int, not_before: datetime | None) -> None:
        self.conn.execute(t.settings.delete().where(t.settings.c.key == self._FAILURES + key))
        if failures:
            micros = to_micros(not_before) if not_before is not None else ""
            self.conn.execute(t.settings.insert().values(key=self._FAILURES + key, value=f"{failures} {micros}"))

