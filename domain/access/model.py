"""A user who may sign in, and the repository the user use cases need (``persistence.access.users`` implements it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class User:
    """A person who signs in. ``password_hash`` is a ``domain.access.passwords`` hash, never the password.

    Identity is the user name (unique in a database); ``id`` is the global row id kept for sync.
    """

    id: str
    username: str
    role: str
    password_hash: str
    created_at: datetime
    display_name: str = ""
    active: bool = True
    device_id: str = ""
    version: int = 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, User) and other.username == self.username

    def __hash__(self) -> int:
        return hash(self.username)


class UserRepository(Protocol):
    def add(self, user: User) -> None: ...
    def update(self, user: User) -> None:
        """Store the user's role, password hash, display name, active flag and version."""
        ...
    def by_username(self, username: str) -> User | None: ...
    def all(self) -> list[User]:
        """Every user, active or not, by user name."""
        ...
    def any_active(self) -> bool:
        """Whether any user is active, i.e. whether sign-in is on."""
        ...
    def active_admins(self) -> int: ...
    def sign_in_failures(self, key: str) -> tuple[int, datetime | None]:
        """Failed sign-ins in a row as the name whose ``code_key`` is ``key``, and when the next is taken."""
        ...
    def set_sign_in_failures(self, key: str, failures: int, not_before: datetime | None) -> None:
        """Store the count and time (0 and None: forget them)."""
        ...
