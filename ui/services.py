"""What the composition root hands to every screen: use cases, the typed queries per business area, the
task runner.

Screens never import ``persistence``; they call ``services.uow()`` with domain use cases and read through
the area objects that ``bootstrap.bind`` built on the open database (``services.catalog``, ``services.stock``,
``services.documents``, ``services.purchasing``, ``services.accounts``, ``services.planning``,
``services.backups``, ``services.sync``, ``services.reports``;
the backup, restore and conflict-review writes on ``services.admin``; see ``persistence/boundary.py``),
always through ``services.tasks`` when the work touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Any

from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from persistence.boundary import AccountsQueries
    from persistence.boundary import AdminActions
    from persistence.boundary import BackupQueries
    from persistence.boundary import Boundary
    from persistence.boundary import CatalogQueries
    from persistence.boundary import DashboardQueries
    from persistence.boundary import DocumentQueries
    from persistence.boundary import PlanningQueries
    from persistence.boundary import PurchasingQueries
    from persistence.boundary import ReportQueries
    from persistence.boundary import SalesQueries
    from persistence.boundary import StockQueries
    from persistence.boundary import SyncQueries
    from persistence.db import Database
    from ui.sync_service import SyncService


@dataclass
class Services:
    database: Database  # the open database: the unit of work, settings, sync
    tasks: TaskRunner
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
    user: str = ""  # the signed-in user or, while sign-in is off, the OS user
    role: str | None = None  # the signed-in user's role; None while sign-in is off (domain.access.roles)
    watcher: Any = None  # ui.watch.DataWatcher of the open database, set by the main window
    # The sync scheduler of this database and user, made on first use (ui.sync_service.service_for); not
    # copied by dataclasses.replace, so services signed in as someone else get a scheduler of their own.
    sync_service: SyncService | None = field(default=None, init=False, repr=False, compare=False)
    # The page the window opens on instead of the dashboard: ("settings", "sync") for a desk that is joining the
    # office's shared database (the welcome dialog's choice), whose company comes from the hub.
    start_on: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def over(cls, boundary: Boundary, tasks: TaskRunner, *, user: str = "", role: str | None = None) -> Services:
        """The window's services: ``boundary`` (``bootstrap.connect`` or ``bootstrap.bind``) and the task runner."""
        return cls(database=boundary.database, tasks=tasks, catalog=boundary.catalog, stock=boundary.stock,
                   documents=boundary.documents, purchasing=boundary.purchasing, sales=boundary.sales,
                   accounts=boundary.accounts,
                   planning=boundary.planning,
                   backups=boundary.backups, sync=boundary.sync, admin=boundary.admin, reports=boundary.reports,
                   dashboard=boundary.dashboard,
                   user=user, role=role)

    def data_generation(self) -> int:
        """How many database changes the window has seen, asked afresh (``ui.watch``); 0 without a watcher."""
        if self.watcher is None:
            return 0
        self.watcher.check()
        return self.watcher.generation

    def uow(self):
        return self.database.uow(self.user, self.role)

    def reader(self):
        """A unit of work for a read-only use case (a screen's load): it never waits behind a write, such as a
        sync's, and may not write."""
        return self.database.uow(self.user, self.role, read_only=True)

    @property
    def db_path(self) -> str:
        return str(self.database.path or "")


def close_when_idle(services: Services, kept: list) -> None:
    """Close ``services``' database once its runner has no work left, without waiting for it: now when it is idle,
    else when the runner says it is (``busy_changed``, on this thread). Closed under a running job, the database
    would be pulled away from that job. ``kept`` holds the services until then, and whoever takes them out of it
    first (the exit, ``ui.app.close_databases``) closes them instead."""
    if services.tasks.busy == 0:
        services.database.close()
        return
    kept.append(services)

    def idle(count: int) -> None:
        if count:
            return
        services.tasks.busy_changed.disconnect(idle)
        if services in kept:
            kept.remove(services)
            services.database.close()

    services.tasks.busy_changed.connect(idle)
