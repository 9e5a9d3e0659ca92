"""Wiring Stockroom to one database: where the file is by default, opening it, who acts while nobody signs in,
and the typed queries and actions of each business area bound to it.

Both edges build on this module and nothing here knows them: the command line (``ui/cli``) opens ``--db``
with ``open_database`` and acts as ``os_user()`` while sign-in is off; the window (``ui/app.py``
``build_services``) opens it with ``connect`` and adds its task runner (a Qt object) to the ``Boundary`` it
gets. It imports ``domain`` and ``persistence`` only (``scripts/imports.py`` checks that), never Qt or ``ui``;
``persistence`` is imported inside the functions, so that the command line's start does not load SQLAlchemy
before a command needs it.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from persistence.boundary import Boundary
    from persistence.db import Database


def default_db_path() -> Path:
    """The database file used when none is given: ``stockroom.sqlite3`` in the user's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Stockroom", "Stockroom")) / "stockroom.sqlite3"


def os_user() -> str:
    """The operating-system user name, recorded while sign-in is off ("" when it cannot be told)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def open_database(path: Path | str, *, create: bool = True,
                  upgrading: Callable[[Path], None] | None = None) -> Database:
    """The Stockroom database at ``path`` (``persistence.db.Database``), its schema brought up to date.

    With ``create`` a missing file becomes a new database; without it, a path where there is no Stockroom
    database is refused (``NotStockroomDatabase``). ``upgrading`` hears the backup taken before an upgrade.
    """
    from persistence.db import open_database as open_stockroom_database

    return open_stockroom_database(path, create=create, upgrading=upgrading)


def bind(database: Database) -> Boundary:
    """The typed queries and actions of each business area (``persistence.boundary``) on the open ``database``."""
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

    engine = database.engine
    return Boundary(database=database, catalog=CatalogQueries(engine), stock=StockQueries(engine),
                    documents=DocumentQueries(engine), purchasing=PurchasingQueries(engine),
                    sales=SalesQueries(engine), accounts=AccountsQueries(database), planning=PlanningQueries(engine),
                    backups=BackupQueries(engine),
                    sync=SyncQueries(database),
                    admin=AdminActions(database), reports=ReportQueries(engine),
                    dashboard=DashboardQueries(engine))


def connect(path: Path | str, *, create: bool = True,
            upgrading: Callable[[Path], None] | None = None) -> Boundary:
    """The Stockroom database at ``path``, opened (``open_database``) and bound (``bind``): what the window
    builds its services on."""
    return bind(open_database(path, create=create, upgrading=upgrading))
