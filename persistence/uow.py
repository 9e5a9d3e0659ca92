"""The SQLAlchemy unit of work: one connection, one transaction, rolled back unless committed.

A failure of the storage itself (the write lock not granted in time, a full disk, an I/O error, a number
too large for its column) leaves the unit of work as the domain error that says it
(``persistence.errors``), after the rollback: the use case wrote nothing.
"""

from __future__ import annotations

from sqlalchemy import Engine

from persistence.access.users import UserRepository
from persistence.accounts.invoices import SupplierInvoiceRepository
from persistence.accounts.items import AccountRepository
from persistence.accounts.periods import PeriodRepository
from persistence.catalog.pack_units import PackUnitRepository
from persistence.catalog.repositories import CustomerRepository
from persistence.catalog.repositories import ProductRepository
from persistence.catalog.repositories import SupplierRepository
from persistence.catalog.repositories import WarehouseRepository
from persistence.errors import explain
from persistence.planning.product import ProductPlanningRepository
from persistence.purchasing.orders import PurchasingRepository
from persistence.purchasing.rates import ExchangeRateRepository
from persistence.sales.orders import SalesRepository
from persistence.sales.prices import PriceRepository
from persistence.stock.demand import UnfilledDemandRepository
from persistence.stock.documents import DocumentRepository
from persistence.stock.repositories import BalanceRepository
from persistence.stock.repositories import Buffer
from persistence.stock.repositories import MovementRepository


class SqlAlchemyUnitOfWork:
    """``read_only``: for a screen's load through a read-only use case. It takes no write lock (a plain ``BEGIN``:
    SQLite's WAL lets it read the last commit while a writer works), so it never waits behind a long write such as
    a first pull's batch or its recompute, which made a screen's load wait up to the busy timeout and then fail;
    the file refuses it any write (``PRAGMA query_only``)."""

    def __init__(self, engine: Engine, *, device_id: str, user: str = "", role: str | None = None,
                 money_places: int = 2, read_only: bool = False) -> None:
        self.engine = engine
        self.device_id = device_id
        self.user = user
        self.role = role  # None: nobody signed in, allowed only while sign-in is off (domain.access.roles)
        self.money_places = money_places
        self.read_only = read_only
        self._conn = None

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        try:
            conn = self.engine.connect()
        except Exception as exc:
            explained = explain(exc)
            if explained is None:
                raise
            raise explained from exc
        self._conn = conn
        try:
            if self.read_only:
                _query_only(conn)
            else:
                conn.info["immediate"] = True  # take the write lock up front; see persistence.db
            self._tx = conn.begin()
        except Exception as exc:
            conn.info.pop("immediate", None)
            conn.close()
            self._conn = None
            explained = explain(exc)
            if explained is None:
                raise
            raise explained from exc
        self._buffer = Buffer(conn)
        self.products = ProductRepository(conn)
        self.pack_units = PackUnitRepository(conn)
        self.warehouses = WarehouseRepository(conn)
        self.suppliers = SupplierRepository(conn)
        self.customers = CustomerRepository(conn)
        self.movements = MovementRepository(self._buffer)
        self.balances = BalanceRepository(self._buffer)
        self.purchasing = PurchasingRepository(conn)
        self.rates = ExchangeRateRepository(conn)
        self.prices = PriceRepository(conn, self.purchasing)
        self.documents = DocumentRepository(self._buffer)
        self.sales = SalesRepository(self._buffer)
        self.unfilled_demand = UnfilledDemandRepository(conn)
        self.users = UserRepository(conn)
        self.product_planning = ProductPlanningRepository(conn)
        self.periods = PeriodRepository(conn, self.device_id)
        self.accounts = AccountRepository(conn)
        self.supplier_invoices = SupplierInvoiceRepository(conn)
        return self

    @property
    def connection(self):
        self._buffer.flush()
        return self._conn

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._tx.is_active:
                self._tx.rollback()
        finally:
            self._conn.info.pop("immediate", None)
            self._conn.close()
            self._conn = None
        explained = explain(exc) if isinstance(exc, Exception) else None
        if explained is not None:
            raise explained from exc

    def commit(self) -> None:
        self._buffer.flush()
        self._tx.commit()

    def rollback(self) -> None:
        self._tx.rollback()


def _query_only(conn) -> None:
    """Refuse every write on this SQLite connection until it goes back to the pool (``persistence.db`` makes it
    writable again there, also when its holder dropped it without closing it)."""
    if conn.dialect.name == "sqlite":
        conn.connection.dbapi_connection.execute("PRAGMA query_only=1")
