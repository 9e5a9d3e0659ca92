"""The ports the domain needs from persistence: repositories and a unit of work.

``persistence/`` implements them on SQLAlchemy; ``tests/fakes.py`` implements them in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Protocol

from domain.model import Balance
from domain.model import Customer
from domain.model import Movement
from domain.model import Position
from domain.model import Product
from domain.model import Supplier
from domain.model import SupplierTerms
from domain.model import Valuation
from domain.model import Warehouse
from domain.product_planning import ProductPlanningRepository
from domain.purchasing_ports import ExchangeRateRepository
from domain.purchasing_ports import PurchasingRepository
from domain.users_model import UserRepository

if TYPE_CHECKING:
    from domain.documents import Document

Key = tuple[datetime, str]


class ProductRepository(Protocol):
    def add(self, product: Product) -> None: ...
    def update(self, product: Product) -> None: ...
    def get(self, product_id: str) -> Product | None: ...
    def by_sku(self, sku: str) -> Product | None:
        """The product whose SKU has the same ``validate.code_key`` as ``sku`` (any ASCII case)."""
        ...
    def by_barcode(self, barcode: str) -> Product | None:
        """The product with a barcode of the same ``validate.code_key`` as ``barcode`` (any ASCII case)."""
        ...
    def preload(self, codes: Iterable[str]) -> None:
        """Read ahead, in bulk, the products whose SKU or barcode is among ``codes`` (a speed hint for imports)."""
        ...
    def adding_in_bulk(self) -> AbstractContextManager[None]:
        """A block whose ``add`` calls may be written together when it ends (a speed hint for imports)."""
        ...


class WarehouseRepository(Protocol):
    def add(self, warehouse: Warehouse) -> None: ...
    def get(self, warehouse_id: str) -> Warehouse | None: ...
    def by_code(self, code: str) -> Warehouse | None: ...


class SupplierRepository(Protocol):
    def add(self, supplier: Supplier) -> None: ...
    def get(self, supplier_id: str) -> Supplier | None: ...
    def by_code(self, code: str) -> Supplier | None: ...
    def update(self, supplier: Supplier) -> None: ...
    def add_terms(self, terms: SupplierTerms) -> None: ...
    def terms_for(self, supplier_id: str, product_id: str) -> SupplierTerms | None: ...


class CustomerRepository(Protocol):
    def add(self, customer: Customer) -> None: ...
    def update(self, customer: Customer) -> None: ...
    def by_code(self, code: str) -> Customer | None: ...


class MovementRepository(Protocol):
    def add(self, movement: Movement, valuation: Valuation) -> None: ...
    def get(self, movement_id: str) -> Movement | None: ...
    def valuation(self, movement_id: str) -> Valuation | None: ...
    def reversal_of(self, movement_id: str) -> str | None: ...
    def transfer_legs(self, transfer_id: str) -> list[Movement]: ...
    def position_before(self, product_id: str, warehouse_id: str, key: Key) -> Position:
        """The position after the last movement strictly before ``key``."""
        ...
    def history_from(self, product_id: str, warehouse_id: str, key: Key) -> list[tuple[Movement, Valuation | None]]:
        """Movements at or after ``key`` in business-time order, with their current valuation."""
        ...
    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None: ...
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
    def by_number(self, number: str) -> Document | None: ...
    def last_seq(self, kind: str, year: int) -> int:
        """The highest number used for ``kind`` in ``year``; 0 if none."""
        ...
    def movement_ids(self, source_type: str, source_ref: str) -> list[str]:
        """Ids of the movements a document posted, in posting order (transfer: the out legs)."""
        ...
    def mark_reversed(self, document: Document) -> None: ...


class UnitOfWork(Protocol):
    """A transaction: rolled back on leaving the ``with`` block unless committed."""

    products: ProductRepository
    warehouses: WarehouseRepository
    suppliers: SupplierRepository
    customers: CustomerRepository
    movements: MovementRepository
    balances: BalanceRepository
    purchasing: PurchasingRepository
    rates: ExchangeRateRepository
    documents: DocumentRepository
    users: UserRepository
    product_planning: ProductPlanningRepository
    device_id: str
    user: str
    role: str | None  # the acting user's role; None: nobody signed in (allowed only while sign-in is off)
    money_places: int

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
