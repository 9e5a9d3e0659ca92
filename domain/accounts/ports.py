"""The accounts repository the use cases need (``uow.accounts``); ``persistence.accounts.items`` implements it,
``tests/fakes.py`` in memory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from domain.accounts.model import AccountItem
from domain.accounts.model import Allocation
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.model import Terms


class AccountRepository(Protocol):
    def add_item(self, item: AccountItem) -> None: ...
    def add_allocations(self, allocations: Iterable[Allocation]) -> None: ...
    def get(self, item_id: str) -> AccountItem | None: ...
    def by_number(self, number: str, side: Side | None = None) -> list[AccountItem]:
        """The items that carry ``number`` (a money item's own, or a document's), oldest first."""
        ...
    def by_source(self, source_id: str) -> list[AccountItem]:
        """The items made for a document (or a PO receipt's movement), oldest first."""
        ...
    def reversal_of(self, item_id: str) -> AccountItem | None:
        """The item that reverses ``item_id``, if any."""
        ...
    def open_items(self, side: Side, partner_id: str, *, sign: int = 0) -> list[OpenItem]:
        """The partner's items with something still open, with what is allocated of each; ``sign`` 1: only its +
        items, -1: only its − items, 0: both."""
        ...
    def live_allocations(self, item_id: str) -> list[Allocation]:
        """The allocations touching ``item_id`` (as debit or credit) that are not undone, oldest first."""
        ...
    def allocations_of(self, item_id: str) -> list[Allocation]:
        """Every allocation touching ``item_id``, undone ones and undos included, oldest first."""
        ...
    def last_seq(self, kind: str, year: int) -> int:
        """The highest ``seq`` of the money items of ``kind`` in ``year`` (0: none yet)."""
        ...
    def terms(self, side: Side, partner_id: str) -> Terms:
        """The partner's payment terms (its profile's; ``net`` 0 days when it has none)."""
        ...
    def set_terms(self, side: Side, partner_id: str, terms: Terms) -> None:
        """Store how the partner's payment days count (its profile's ``payment_basis`` and ``payment_days``)."""
        ...
    def methods(self) -> dict[str, str]:
        """The payment methods the office added (code → name), active ones."""
        ...
    def add_method(self, code: str, name: str) -> None: ...
    def setting(self, key: str) -> str | None:
        """An office-wide setting of the accounts (``domain.accounts.ageing.BASIS_KEY``…); None when not set."""
        ...
    def set_setting(self, key: str, value: str) -> None: ...
