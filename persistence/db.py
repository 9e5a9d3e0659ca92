"""Opening a database: engine, SQLite pragmas, migrations (after a backup), device id.

SQLite runs in WAL mode with foreign keys on, ``synchronous=FULL`` and a busy timeout. The
driver's own transaction handling is switched off and SQLAlchemy emits ``BEGIN`` itself;
units of work that write emit ``BEGIN IMMEDIATE`` so two processes (the window and a CLI
command) queue on the write lock instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import text

from domain.kernel.ids import new_id
from persistence import errors as storage_errors
from persistence import office
from persistence import tables as t
from persistence.backup import timestamped_backup
from persistence.migrations import HEAD
from persistence.schema import MIGRATIONS
from persistence.schema import known_revisions
from persistence.schema import restore_indexes
from persistence.uow import SqlAlchemyUnitOfWork
from persistence.writers import Writers
from persistence.writers import marks_for


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={int(storage_errors.BUSY_TIMEOUT_MS)}")
        cur.close()

    # A connection goes back to the pool as it came: writable (a read-only unit of work made it query-only) and
    # beginning with a plain BEGIN. The "immediate" flag lives in the pooled connection's info, so one a sync's step
    # set (``persistence.sync.common.local_connection`` never takes it off) made the next reads on that connection
    # (a screen's list, the dashboard's figures) take the write lock too, and wait for a first pull's long writes.
    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn, record):
        if record is not None:
            record.info.pop("immediate", None)
        if dbapi_conn is not None:
            dbapi_conn.execute("PRAGMA query_only=0")

    # persistence.writers: a long job lets waiting writers in between its steps, this process's and another's
    writers = engine.stockroom_writers = Writers(marks_for(path))

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if not conn.info.get("immediate"):
            conn.exec_driver_sql("BEGIN")
            return
        with writers.waiting_for_the_lock():
            begun = _begin_at_once(conn.connection.driver_connection)
            if begun:
                return
            if begun is None:  # another failure: the engine's own BEGIN raises it as it always did
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            with writers.seen_by_other_processes():  # the lock is taken: wait for it where other processes see it
                conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _begin_at_once(driver) -> bool | None:
    """``BEGIN IMMEDIATE`` without waiting: True when it began, False when another writer holds the lock, None when
    it failed otherwise (nothing begun; the connection's busy timeout is back). Asked of the driver itself, so that
    a refusal is no error of the engine's."""
    patience = int(driver.execute("PRAGMA busy_timeout").fetchone()[0])
    driver.execute("PRAGMA busy_timeout=0")
    try:
        driver.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        busy = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY or "locked" in str(exc)
        return False if busy else None
    finally:
        driver.execute(f"PRAGMA busy_timeout={patience}")
    return True


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class Database:
    """An open database: the engine plus the settings every unit of work needs."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self.device_id = self._setting("device_id") or self._create_device_id()
        self.money_places = int(self._setting("money_places") or 2)
        self.user, self.role = "", None  # who ``uow()`` acts as when not told; see act_as

    def act_as(self, user: str, role: str | None) -> None:
        """Make ``uow()`` called without a user act as ``user`` with ``role`` (the CLI's signed-in --user)."""
        self.user, self.role = user, role

    def uow(self, user: str | None = None, role: str | None = None, *, read_only: bool = False
            ) -> SqlAlchemyUnitOfWork:
        """A unit of work acting as ``user`` with ``role`` (None: nobody signed in; see domain.access.roles).

        Without ``user`` it acts as whoever ``act_as`` named. ``read_only``: for a read-only use case, one that never
        waits for the write lock (``SqlAlchemyUnitOfWork``).
        """
        if user is None:
            user, role = self.user, self.role
        return SqlAlchemyUnitOfWork(self.engine, device_id=self.device_id, user=user, role=role,
                                    money_places=self.money_places, read_only=read_only)

    def _setting(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            if key in office.KEYS:
                return office.get(conn, key)
            return conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).scalar()

    def set_setting(self, key: str, value: str) -> None:
        """Keep a setting: one the office shares (``persistence.office``) as a new version of its synced record,
        any other as this desk's own."""
        with self.engine.begin() as conn:
            if key in office.KEYS:
                office.write(conn, {key: value})
                return
            conn.execute(t.settings.delete().where(t.settings.c.key == key))
            conn.execute(t.settings.insert().values(key=key, value=value))

    def _create_device_id(self) -> str:
        device_id = new_id()
        self.set_setting("device_id", device_id)
        return device_id

    def held_documents(self):
        """This desk's held (unposted) documents: ``domain.stock.held.HeldDocuments``, one store per database."""
        if getattr(self, "_held", None) is None:
            from persistence.stock.held import SqlHeldDocuments

            self._held = SqlHeldDocuments(self.engine)
        return self._held

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, create: bool = True,
                  upgrading: Callable[[Path], None] | None = None) -> Database:
    """Open the Stockroom database at ``path`` and bring its schema to head.

    Only a missing or empty file is made a new database, and only with ``create`` (the command
    line's ``init``, the welcome dialog's "create"); its folder is made then too. A file that is
    not a Stockroom database (another program's SQLite file, a document) is refused with
    ``NotStockroomDatabase`` before anything is written to it. An existing file whose schema is
    behind is first copied to ``backups/`` beside it; ``upgrading`` is told that backup's path before the upgrade
    starts (the window says what it is doing meanwhile).
    """
    path = Path(path).expanduser().resolve()
    existed = path.exists() and (not path.is_file() or path.stat().st_size > 0)
    if existed:
        refuse_foreign(path)
    elif not create:
        raise NotStockroomDatabase(f"there is no database at {path}; create one with the init command (or in the "
                                   f"window's welcome dialog), or give the path of an existing one")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlite_engine(path)
    revision = current_revision(engine)
    if revision != HEAD:
        if revision is not None and revision not in known_revisions():
            engine.dispose()
            raise SchemaTooNew(f"its schema {revision} is newer than this version of Stockroom knows ({HEAD}); "
                               f"open it with a newer version")
        if existed:
            saved = timestamped_backup(path, f"before-{HEAD}")
            if upgrading is not None:
                upgrading(saved)
        upgrade(engine)
    with engine.begin() as conn:  # indexes a bulk load set aside and could not make again (it was cut short)
        restore_indexes(conn)
    return Database(engine, path)


class NotStockroomDatabase(RuntimeError):
    """The path holds no Stockroom database (nothing there, or another kind of file); it is left untouched."""


_SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_foreign(path: Path) -> None:
    """Raise NotStockroomDatabase unless ``path`` is a Stockroom database; reads only, writes nothing.

    A Stockroom database is an SQLite file with Alembic's version table and the settings table
    (every revision has both), or with an empty version table (one taken back to the base
    revision, which the upgrade rebuilds). The check opens the file read-only, so another
    program's file stays byte for byte what it was.
    """

    if not path.is_file():
        raise NotStockroomDatabase(f"{path} is not a file")
    with path.open("rb") as f:
        header = f.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise NotStockroomDatabase(f"{path} is not a Stockroom database (not an SQLite file); it was left as it was")
    # Without a write-ahead log beside it the file is read as immutable: SQLite then makes no -shm or -wal
    # file either. With one (the database is open in another program) the log must be read too.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            at_base = "alembic_version" in names and conn.execute(
                "SELECT count(*) FROM alembic_version").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotStockroomDatabase(f"{path} cannot be read as a database ({exc})") from None
    if not ({"alembic_version", "settings"} <= names or at_base):
        raise NotStockroomDatabase(f"{path} is an SQLite database of another program (it has no Stockroom tables); "
                                   f"it was left as it was")


class SchemaTooNew(RuntimeError):
    """The file was written by a newer Stockroom; it is left untouched."""


def open_url(url: str) -> Database:
    """Open a server database (the sync hub) by SQLAlchemy URL and bring it to head."""
    engine = create_engine(url)
    if current_revision(engine) != HEAD:
        upgrade(engine)
    return Database(engine, None)
