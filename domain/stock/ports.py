"""The stock ledger's repositories: movements, balances, posted documents."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from domain.stock.documents_model import Document
from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import Position
from domain.stock.model import Valuation
from domain.stock.valuation import ReturnShare

Key = tuple[datetime, str]


class MovementRepository(Protocol):
    def add(self, movement: Movement, valuation: Valuation) -> None: ...
    def get(self, movement_id: str) -> Movement | None: ...
    def valuation(self, movement_id: str) -> Valuation | None: ...
    def reversal_of(self, movement_id: str) -> str | None: ...
    def transfer_legs(self, transfer_id: str) -> list[Movement]: ...
    def transfer_reversals(self, transfer_id: str) -> list[Movement]:
        """The reversals of a transfer's legs (they carry its id), in business-time order."""
        ...
    def position_before(self, product_id: str, warehouse_id: str, key: Key) -> Position:
        """The position after the last movement strictly before ``key``."""
        ...
    def history_from(self, product_id: str, warehouse_id: str, key: Key) -> list[tuple[Movement, Valuation | None]]:
        """Movements at or after ``key`` in business-time order, with their current valuation."""
        ...
    def returns_in(self, movement_ids: Iterable[str]) -> Mapping[str, ReturnShare]:
        """The customer returns among ``movement_ids`` that take back a sale's line, with what a replay values them
        by (``valuation.ReturnShare``); the others are left out."""
        ...
    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None:
        """Rewrite the valuations of movements a replay changed; a sale's or customer return's sales line takes its
        movement's new value as its cost (its margin with it), as when it was posted."""
        ...
    def with_refs(self, source_type: str, refs: Iterable[str]) -> set[tuple[str, str, str]]:
        """``(source_ref, product_id, warehouse_id)`` of the movements of ``source_type`` whose ref is in ``refs``."""
        ...
    def latest_with_prefix(self, source_type: str, prefix: str,
                           product_ids: Iterable[str]) -> dict[tuple[str, str], datetime]:
        """Per product × warehouse of ``product_ids``: the time of its latest movement of ``source_type``
        whose ref starts with ``prefix`` (pairs with none are left out)."""
        ...


class BalanceRepository(Protocol):
    def get(self, product_id: str, warehouse_id: str) -> Balance: ...
    def put(self, balance: Balance) -> None: ...
    def preload(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Read ahead, in bulk, the balances of ``pairs`` (product id, warehouse id) (a speed hint for imports)."""
        ...


class DocumentRepository(Protocol):
    def add(self, document: Document) -> None: ...
    def add_many(self, documents: list[Document]) -> None:
        """Add ``documents`` at once (the demo's history posts a day's receipts together)."""
        ...
    def by_number(self, number: str) -> Document | None: ...
    def last_seq(self, kind: str, year: int) -> int:
        """The highest number used for ``kind`` in ``year``; 0 if none."""
        ...
    def movement_ids(self, source_type: str, source_ref: str) -> list[str]:
        """Ids of the movements a document posted, in posting order (transfer: the out legs)."""
        ...
    def delivery_movement_ids(self, document: Document) -> list[str]:
        """Ids of the receipt movements of a delivery received against a purchase order (``document`` is its
        receipt; its reference is the PO): the movement each line names (``DocumentLine.movement_id``). A line whose
        movement is not here (not yet pulled) has none.

        Raises:
            RuleViolation: a line names a movement that is not the PO's receipt of its product, quantity and moment,
                or that another document's line names too.

        A receipt whose lines name no movement (received before 0017, whose look-up was ambiguous) is matched by
        what it shares with its movements: per line, the PO's receipt of that product, quantity and moment that no
        other line names, one not yet reversed first."""
        ...
    def mark_reversed(self, document: Document) -> None: ...
    def line_quantities(self, document_id: str) -> dict[str, Decimal]:
        """The quantity of each product on a document's lines (summed over its lines), by product id."""
        ...
    def quantities_referencing(self, kind: str, reference: str) -> dict[str, Decimal]:
        """The quantity of each product on the documents of ``kind`` whose reference is ``reference`` and that
        are not reversed, by product id."""
        ...
