"""The unit of work: one transaction that gathers every area's repositories (each area's ``ports``).

``persistence/`` implements it on SQLAlchemy (``persistence/uow.py``); ``tests/fakes.py`` in memory.
"""

from __future__ import annotations

from typing import Protocol

from domain.access.model import UserRepository
from domain.accounts.periods import PeriodRepository
from domain.accounts.ports import AccountRepository
from domain.catalog.ports import CustomerRepository
from domain.catalog.ports import PackUnitRepository
from domain.catalog.ports import ProductRepository
from domain.catalog.ports import SupplierRepository
from domain.catalog.ports import WarehouseRepository
from domain.planning.product_model import ProductPlanningRepository
from domain.purchasing.ports import ExchangeRateRepository
from domain.purchasing.ports import PurchasingRepository
from domain.sales.ports import SalesRepository
from domain.sales.prices import PriceRepository
from domain.stock.ports import BalanceRepository
from domain.stock.ports import DocumentRepository
from domain.stock.ports import MovementRepository


class UnitOfWork(Protocol):
    """A transaction: rolled back on leaving the ``with`` block unless committed."""

    products: ProductRepository
    pack_units: PackUnitRepository
    warehouses: WarehouseRepository
    suppliers: SupplierRepository
    customers: CustomerRepository
    movements: MovementRepository
    balances: BalanceRepository
    purchasing: PurchasingRepository
    rates: ExchangeRateRepository
    prices: PriceRepository
    sales: SalesRepository
    documents: DocumentRepository
    users: UserRepository
    product_planning: ProductPlanningRepository
    periods: PeriodRepository
    accounts: AccountRepository
    device_id: str
    user: str
    role: str | None  # the acting user's role; None: nobody signed in (allowed only while sign-in is off)
    money_places: int

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
