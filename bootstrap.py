"""Wiring Stockroom to one database: where the file is by default, opening it, who acts while nobody signs in,
and the read queries bound to it.

Both edges build on this module and nothing here knows them: the command line (``ui/cli``) opens ``--db``
with ``open_database`` and acts as ``os_user()`` while sign-in is off; the window (``ui/app.py``
``build_services``) adds its task runner to the same pieces. It imports ``domain`` and ``persistence`` only
(``scripts/imports.py`` checks that), never Qt or ``ui``.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from types import SimpleNamespace

# Modules whose public functions taking ``engine`` first are read queries for the screens.
# persistence.planning gives ``reader(utc_offset_seconds=…)``: the planning history reader (Replenishment screen).
# persistence.backup gives the Backups settings page its functions (list, back up, restore, integrity, keep).
QUERY_MODULES = ("persistence.queries", "persistence.documents", "persistence.purchasing", "persistence.planning",
                 "persistence.backup")


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


def open_database(path: Path | str, *, create: bool = True):
    """The Stockroom database at ``path`` (``persistence.db.Database``), its schema brought up to date.

    With ``create`` a missing file becomes a new database; without it, a path where there is no Stockroom
    database is refused (``NotStockroomDatabase``).
    """
    from persistence.db import open_database as open_stockroom_database

    return open_stockroom_database(path, create=create)


def bind_queries(engine) -> SimpleNamespace:
    """Every read function of the query modules with the engine already bound (first module wins)."""
    import functools
    import importlib
    import inspect

    bound: dict = {}
    for module_name in QUERY_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_") or name in bound:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "engine":
                bound[name] = functools.partial(fn, engine)
    return SimpleNamespace(**bound)
