"""What the window may read and do on one open database, per business area, as typed objects.

``bootstrap.bind`` builds one ``Boundary`` for an open ``persistence.db.Database``; the window's
``ui.services.Services`` carries its parts (``services.stock``, ``services.purchasing``, …). Each class is
small: every method hands its arguments, with the engine, to the persistence function of the same area, so a
reader (or a type checker) follows a screen's call straight to its SQL. Reads are ``…Queries``; what writes
outside a use case's unit of work (backups, a restore, the backup setting, a sync conflict's review) is
``AdminActions``.

Use cases that write the ledger or the catalogue are not here: screens call them with ``services.uow()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from domain.accounts.model import Side
from domain.accounts.rows import AgeingTotals
from domain.accounts.rows import AllocationRow
from domain.accounts.rows import BalanceRow
from domain.accounts.rows import MoneyRow
from domain.accounts.rows import OpenItemRow
from domain.accounts.statement import Statement
from domain.catalog.model import Customer
from domain.catalog.model import Supplier
from domain.catalog.model import Warehouse
from domain.planning.alerts import AlertSummary
from domain.planning.classification import ProductClass
from domain.planning.run import HistoryReader
from domain.purchasing.rows import PoRow
from domain.purchasing.rows import SupplierRow
from domain.purchasing.rows import TermsRow
from domain.purchasing.scorecard import Scorecard
from domain.reports.model import Period
from domain.reports.purchases import PurchaseLine
from domain.reports.sales import MarginBy
from domain.reports.sales import SalesFigures
from domain.reports.sales import SalesLineRow
from domain.reports.sales import StockedProduct
from domain.reports.status import StockFigures
from domain.reports.stock_summary import PairFigures
from domain.reports.stock_summary import ProductLabel
from domain.reports.stock_summary import SummaryBy
from domain.reports.uninvoiced import Received
from domain.sales.atp import Availability
from domain.sales.churn import AtRisk
from domain.sales.posted import PostedSaleRow
from domain.sales.rows import SoRow
from domain.sales.rows import StaleCost
from domain.sales.rows import StaleReturn
from domain.stock.cost_hint import CostSuggestion
from domain.stock.documents import DocumentLineRow
from domain.stock.documents import DocumentRow
from domain.stock.documents import ScanTarget
from domain.stock.readmodels import CheckProblem
from domain.stock.readmodels import MovementRow
from domain.stock.readmodels import ProductRow
from domain.stock.readmodels import StockRow
from persistence import backup
from persistence import sync
from persistence.accounts import queries as accounts
from persistence.accounts import statement as statements
from persistence.catalog import queries as catalog_queries
from persistence.db import Database
from persistence.planning import classes
from persistence.planning import queries as planning
from persistence.purchasing import orders as purchasing
from persistence.purchasing.scorecard import supplier_scorecards
from persistence.reports import dashboard
from persistence.reports import purchases
from persistence.reports import queries as reports
from persistence.reports import uninvoiced
from persistence.sales import costs as sales_costs
from persistence.sales import queries as sales
from persistence.sales import returned as sales_returned
from persistence.sales.churn import customers_at_risk
from persistence.stock import cost_hint
from persistence.stock import documents
from persistence.stock import queries

if TYPE_CHECKING:
    from domain.reports.ageing_columns import StockInflows


class CatalogQueries:
    """Products, warehouses, partners, categories and stored settings."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def products(self) -> list[ProductRow]:
        return catalog_queries.products(self.engine)

    def product_table(self, limit: int | None = None) -> list[ProductRow]:
        return catalog_queries.product_table(self.engine, limit=limit)

    def warehouses(self) -> list[Warehouse]:
        return catalog_queries.warehouses(self.engine)

    def suppliers(self) -> list[Supplier]:
        return catalog_queries.suppliers(self.engine)

    def customers(self) -> list[Customer]:
        return catalog_queries.customers(self.engine)

    def categories(self) -> list[str]:
        return catalog_queries.categories(self.engine)

    def setting(self, key: str) -> str | None:
        return catalog_queries.setting(self.engine, key)


class StockQueries:
    """Balances, the ledger's movements and the ledger check."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def stock(self, sku: str | None = None, warehouse: str | None = None) -> list[StockRow]:
        return queries.stock(self.engine, sku=sku, warehouse=warehouse)

    def stock_table(self, limit: int | None = None) -> list[StockRow]:
        return queries.stock_table(self.engine, limit=limit)

    def on_hand(self, sku: str, warehouse: str) -> Decimal:
        return queries.on_hand(self.engine, sku, warehouse)

    def movements(self, sku: str | None = None, warehouse: str | None = None, kind: str | None = None,
                  since: datetime | None = None, until: datetime | None = None,
                  limit: int | None = None) -> list[MovementRow]:
        return queries.movements(self.engine, sku=sku, warehouse=warehouse, kind=kind, since=since, until=until,
                                 limit=limit)

    def latest_movements(self, product: str | None = None, warehouse: str | None = None, kind: str | None = None,
                         since: datetime | None = None, until: datetime | None = None,
                         limit: int = 5000, product_ids: Sequence[str] = ()) -> list[MovementRow]:
        return queries.latest_movements(self.engine, product=product, warehouse=warehouse, kind=kind, since=since,
                                        until=until, limit=limit, product_ids=product_ids)

    def check(self) -> list[CheckProblem]:
        """Balances that differ from the sum of their movements (empty when the ledger holds)."""
        return queries.check(self.engine)


class DocumentQueries:
    """Posted stock documents and the codes a scan can find."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def document_list(self, kind: str | None = None, limit: int = 1000) -> list[DocumentRow]:
        return documents.document_list(self.engine, kind=kind, limit=limit)

    def document_lines(self, document_id: str) -> list[DocumentLineRow]:
        return documents.document_lines(self.engine, document_id)

    def source_lines(self, source_id: str) -> tuple[str, list[DocumentLineRow]]:
        """The goods an account item was made by and their document's number (``documents.source_lines``)."""
        return documents.source_lines(self.engine, source_id)

    def scan_codes(self) -> dict[str, ScanTarget]:
        return documents.scan_codes(self.engine)

    def cost_suggestions(self, skus: Sequence[str], supplier: str = "",
                         warehouse: str = "") -> dict[str, CostSuggestion]:
        """The unit cost a free receipt's line of each SKU starts at (``domain.stock.cost_hint``)."""
        return cost_hint.cost_suggestions(self.engine, skus, supplier=supplier, warehouse=warehouse)


class PurchasingQueries:
    """Purchase orders, suppliers with their purchasing details, and supplier terms."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def purchase_orders(self, state: str | tuple[str, ...] | None = None, supplier: str | None = None,
                        ref: str | None = None) -> list[PoRow]:
        return purchasing.purchase_orders(self.engine, state=state, supplier=supplier, ref=ref)

    def suppliers(self) -> list[SupplierRow]:
        """Every supplier with its purchasing profile (``CatalogQueries.suppliers`` is the plain list)."""
        return purchasing.suppliers(self.engine)

    def supplier_terms(self, supplier: str | None = None, sku: str | None = None) -> list[TermsRow]:
        return purchasing.supplier_terms(self.engine, supplier=supplier, sku=sku)

    def scorecards(self, start: date, end: date, supplier: str | None = None) -> list[Scorecard]:
        """Each supplier's scorecard for the period (``domain.purchasing.scorecard``), or only ``supplier``'s."""
        return supplier_scorecards(self.engine, start, end, supplier)


class SalesQueries:
    """Sales orders with their lines and figures, and what each product × warehouse can promise."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def sales_orders(self, ref: str | None = None, state: str | tuple[str, ...] | None = None,
                     customer: str | None = None) -> list[SoRow]:
        return sales.sales_orders(self.engine, ref=ref, state=state, customer=customer)

    def posted_sales(self) -> list[PostedSaleRow]:
        """The posted sales and customer returns with their customers' names, amounts and tax, newest first."""
        return sales.posted_sales(self.engine)

    def availability(self, product_ids: list[str]) -> dict[tuple[str, str], Availability]:
        """ATP per (product id, warehouse id) of many products at once (``domain.sales.atp``)."""
        return sales.availability(self.engine, product_ids)

    def product_ids(self, codes: list[str]) -> dict[str, str]:
        """The product id of each code that is a SKU or a barcode."""
        return sales.product_ids(self.engine, codes)

    def at_risk(self, as_of: date, money_places: int = 2) -> list[AtRisk]:
        """The customers overdue against their ordering rhythm (``domain.sales.churn``), the most at risk first."""
        return customers_at_risk(self.engine, as_of, money_places)


class AccountsQueries:
    """Receivables and payables: balances with ageing, open items, money and its allocations, statements, the
    payment methods. Reads only; the writes are the use cases of ``domain.accounts.money`` on ``uow()``."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.engine = database.engine

    def balances(self, side: Side | str, as_of: date | None = None, scheme=None) -> list[BalanceRow]:
        return accounts.balances(self.engine, side, as_of=as_of, scheme=scheme)

    def ageing(self, side: Side | str, as_of: date | None = None, scheme=None) -> AgeingTotals:
        return accounts.ageing(self.engine, side, as_of, scheme)

    def open_items(self, side: Side | str, partner_id: str | None = None, *, overdue_only: bool = False,
                   as_of: date | None = None) -> list[OpenItemRow]:
        return accounts.open_items(self.engine, side, partner_id, overdue_only=overdue_only, as_of=as_of)

    def money(self, side: Side | str, *, partner_id: str | None = None, date_from: date | None = None,
              date_to: date | None = None, number: str | None = None) -> list[MoneyRow]:
        return accounts.money(self.engine, side, partner_id=partner_id, date_from=date_from, date_to=date_to,
                              number=number)

    def allocations(self, side: Side | str, partner_id: str) -> list[AllocationRow]:
        return accounts.allocations(self.engine, side, partner_id)

    def statement(self, side: str, partner_id: str, start: date, end: date, *, user: str = "",
                  role: str | None = None) -> Statement:
        """The partner's statement, read as ``user`` (who must hold ``Permission.ACCOUNTS``)."""
        return statements.statement_for(_Acting(self.database, user, role), side, partner_id, start, end)

    def payment_methods(self) -> dict[str, str]:
        """Every payment method (code → name): the built-in ones, then the office's."""
        from domain.accounts.money import payment_methods

        uow = self.database.uow()
        with uow:
            return payment_methods(uow)


class _Acting:
    """The open database as ``statement_for`` takes it, its unit of work acting as the window's user."""

    def __init__(self, database: Database, user: str, role: str | None) -> None:
        self.engine, self.money_places = database.engine, database.money_places
        self._database, self._user, self._role = database, user, role

    def uow(self):
        return self._database.uow(self._user, self._role)


class PlanningQueries:
    """What a planning run reads: the history and the stored forecasts; where it keeps its ABC/XYZ classes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def reader(self, *, utc_offset_seconds: int = 0) -> HistoryReader:
        return planning.reader(self.engine, utc_offset_seconds=utc_offset_seconds)

    def forecast_cache(self) -> planning.ForecastCacheTable:
        return planning.forecast_cache(self.engine)

    def class_store(self) -> classes.ClassStore:
        return classes.ClassStore(self.engine)

    def classes(self) -> dict[str, ProductClass]:
        return classes.read_classes(self.engine)


class DashboardQueries:
    """The dashboard's figures, one read per group (``persistence/reports/dashboard.py``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def first_figures(self, period: Period, today: date, *, warehouse: str | None = None,
                      utc_offset_seconds: int = 0) -> dashboard.FirstFigures:
        return dashboard.first_figures(self.engine, period, today, warehouse=warehouse,
                                       utc_offset_seconds=utc_offset_seconds)

    def value_changes(self, first: date, *, warehouse: str | None = None,
                      utc_offset_seconds: int = 0) -> dict[date, Decimal]:
        return dashboard.value_changes(self.engine, first, warehouse=warehouse, utc_offset_seconds=utc_offset_seconds)

    def zero_spells(self, period: Period, *, warehouse: str | None = None, utc_offset_seconds: int = 0) -> list:
        return dashboard.zero_spells(self.engine, period, warehouse=warehouse, utc_offset_seconds=utc_offset_seconds)

    def stock_figures(self, period: Period, today: date, *, warehouse: str | None = None,
                      utc_offset_seconds: int = 0, around_fill=None) -> dashboard.StockFigures:
        return dashboard.stock_figures(self.engine, period, today, warehouse=warehouse,
                                       utc_offset_seconds=utc_offset_seconds, around_fill=around_fill)

    def stored_alerts(self) -> tuple[AlertSummary | None, str]:
        return dashboard.stored_alerts(self.engine)

    def plan_alerts(self, today: date, *, utc_offset_seconds: int = 0, cancel=None, around_store=None) -> AlertSummary:
        return dashboard.plan_alerts(self.engine, today, utc_offset_seconds=utc_offset_seconds, cancel=cancel,
                                     around_store=around_store)

    def settings(self) -> dict[str, str]:
        return dashboard.settings(self.engine)

    def warehouses(self) -> list[str]:
        return dashboard.warehouse_codes(self.engine)


class ReportQueries:
    """The 进销存 reports' reads (``persistence/reports/queries.py``); days are business days, ``utc_offset_seconds``
    the clock's offset. Whether the reader may see them is ``domain.reports.access.authorize_reports``'s."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def stock_summary(self, period: Period, by: SummaryBy, *, warehouse: str | None = None,
                      utc_offset_seconds: int = 0, around_fill=None
                      ) -> tuple[list[PairFigures], dict[str, ProductLabel], dict[str, str]]:
        """(``around_fill``: the window's ``ui.watch.DataWatcher.own_write`` for the stock months a summary over a
        whole month fills: ``persistence.stock.months.refresh``.)"""
        return reports.stock_summary(self.engine, period, by, warehouse=warehouse,
                                     utc_offset_seconds=utc_offset_seconds, around_fill=around_fill)

    def sales_figures(self, period: Period, by: MarginBy, *, warehouse: str | None = None,
                      utc_offset_seconds: int = 0) -> list[SalesFigures]:
        return reports.sales_figures(self.engine, period, by, warehouse=warehouse,
                                     utc_offset_seconds=utc_offset_seconds)

    def customer_sales_lines(self, period: Period, customer: str, *, warehouse: str | None = None,
                             utc_offset_seconds: int = 0) -> list[SalesLineRow]:
        """The lines of the margin report's row for ``customer`` (its code)."""
        return reports.customer_sales_lines(self.engine, period, customer, warehouse=warehouse,
                                            utc_offset_seconds=utc_offset_seconds)

    def purchase_lines(self, period: Period, *, warehouse: str | None = None, utc_offset_seconds: int = 0
                       ) -> list[PurchaseLine]:
        """The receipt and supplier-return lines the purchase summary sums (and its rows open)."""
        return purchases.purchase_lines(self.engine, period, warehouse=warehouse,
                                        utc_offset_seconds=utc_offset_seconds)

    def stocked_products(self, *, warehouse: str | None = None, utc_offset_seconds: int = 0,
                         as_of: date | None = None) -> list[StockedProduct]:
        return reports.stocked_products(self.engine, warehouse=warehouse, utc_offset_seconds=utc_offset_seconds,
                                        as_of=as_of)

    def stock_status(self, today: date, *, warehouse: str | None = None, utc_offset_seconds: int = 0
                     ) -> list[StockFigures]:
        return reports.stock_status(self.engine, today, warehouse=warehouse, utc_offset_seconds=utc_offset_seconds)

    def uninvoiced(self, as_of: date, *, utc_offset_seconds: int = 0
                   ) -> tuple[list[Received], dict[tuple[str, str], Decimal]]:
        """The receipts not reversed on ``as_of`` and what invoices and returns consumed of them by then."""
        return uninvoiced.uninvoiced_inputs(self.engine, as_of, utc_offset_seconds)

    def money_places(self) -> int:
        """The company currency's money places (the office setting, 2 unless told)."""
        return uninvoiced.money_places(self.engine)

    def ageing_stock(self, as_of: date, *, per_warehouse: bool, warehouse: str | None = None,
                     utc_offset_seconds: int = 0) -> StockInflows:
        return reports.ageing_stock(self.engine, as_of, per_warehouse=per_warehouse, warehouse=warehouse,
                                    utc_offset_seconds=utc_offset_seconds)


class BackupQueries:
    """The database file's backups, how many are kept, and its integrity."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def backups(self) -> list[backup.BackupInfo]:
        return backup.backups(self.engine)

    def backup_keep(self) -> int:
        return backup.backup_keep(self.engine)

    def integrity(self) -> backup.IntegrityReport:
        return backup.integrity(self.engine)

    def stale_costs(self) -> tuple[list[StaleCost], list[StaleReturn]]:
        """What a repair would set: the sales lines whose cost is not their movement's value, and the customer
        returns whose value is not their share of their sale's."""
        with self.engine.connect() as conn:
            return sales_costs.stale(conn), sales_returned.stale_returns(conn)


class SyncQueries:
    """What sync left for a person to look at: conflicts, balances below zero after a merge, records kept aside."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def conflicts(self, include_resolved: bool = False) -> list[sync.ConflictRow]:
        return sync.conflicts(self.database, include_resolved=include_resolved)

    def negative_stock(self) -> list[sync.NegativeRow]:
        return list(sync.negative_stock(self.database))

    def kept_aside(self) -> list[sync.QuarantineRow]:
        """Pulled records refused by the checks and this computer's records held back, oldest first."""
        return list(sync.status(self.database).quarantined)


class AdminActions:
    """Writes that are not a use case's unit of work: backing up, restoring, the number of backups kept,
    reviewing a sync conflict, approving a user held back by sync."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.engine = database.engine
        self.path = database.path  # the database file as opened (the daily backup is named after it)

    def back_up_now(self) -> Path:
        return backup.back_up_now(self.engine)

    def before_repair(self) -> Path:
        """The backup a repair makes before it writes (``domain.sales.recost``)."""
        return backup.before_repair(self.engine)

    def daily_backup(self) -> Path | None:
        """The day's automatic backup, unless one was made today already."""
        return backup.daily_backup(self.path)

    def restore_into(self, source: Path) -> backup.RestoreResult:
        return backup.restore_into(self.engine, source)

    def set_backup_keep(self, value: object) -> int:
        return backup.set_backup_keep(self.engine, value)

    def resolve_conflict(self, conflict_id: str, *, user: str, note: str = "", apply_loser: bool = False,
                         role: str | None = None) -> None:
        """Mark a sync conflict reviewed (with ``apply_loser``, the losing values become a new edit); refused
        unless ``user``'s role may (``persistence.sync.resolve_conflict``)."""
        sync.resolve_conflict(self.database, conflict_id, user=user, note=note, apply_loser=apply_loser, role=role)

    def approve_held_user(self, key: str, *, user: str, role: str | None = None) -> None:
        """Let in the pulled user record (or merge of users) held back under ``key`` for an admin of this desk,
        as ``sync approve ID`` does; refused unless ``user``'s role may manage users
        (``persistence.sync.approve``)."""
        sync.approve(self.database, key, user=user, role=role)


@dataclass(frozen=True)
class Boundary:
    """One open database and everything the window may read and do on it, per business area."""

    database: Database
    catalog: CatalogQueries
    stock: StockQueries
    documents: DocumentQueries
    purchasing: PurchasingQueries
    sales: SalesQueries
    accounts: AccountsQueries
    planning: PlanningQueries
    backups: BackupQueries
    sync: SyncQueries
    admin: AdminActions
    reports: ReportQueries
    dashboard: DashboardQueries
