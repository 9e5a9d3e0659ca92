"""Backups of the SQLite file: consistent copies, the kept set, restore and the integrity check.

Copies are made with SQLite's online backup API on a connection of their own, so a copy is a
consistent snapshot even while the window or a CLI command is writing. A copy is written under a
temporary name and renamed when complete, so a half-written file never looks like a backup, and it
is switched out of WAL mode so it is one self-contained file.

Backups live in ``backups/`` beside the database as ``<stem>-<YYYYmmdd-HHMMSS>-<reason>.sqlite3``
(reasons: ``daily``, ``manual``, ``before-restore``, ``before-<revision>`` for schema upgrades,
``before-repair`` before a repair of stored copies writes). After each new daily, manual, before-upgrade or
before-repair one, all but the newest N are deleted; N is the database setting
``backup_keep`` (10).

A restore never deletes a backup. The copy it makes of the current database first is added without
pruning, and the restored database keeps the ``backup_keep`` that was in force before the restore:
how many copies the office keeps is a choice about the backups folder, not part of the data
brought back, so restoring an old backup (made when the setting was 1, say) must not lower it
silently and have the next backup delete the rest. Only when the current database cannot be read
(or there is none) does the restored file's own setting stay, as nothing else is known.

Restore copies the chosen file *into* the live database with the same API, after checking the
file and after backing up the current database. Writing through SQLite rather than replacing the
file means another process that has the database open sees the restored data (it cannot keep
writing into a replaced, unlinked file) and the WAL and its index stay consistent.

The functions taking ``engine`` first are the window's (``persistence.boundary``: ``BackupQueries``,
``AdminActions``); the others take a path, for the CLI and for ``persistence.db`` (the backup before a schema upgrade).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.numbers import whole_number
from persistence import errors as storage_errors
from persistence import tables as t

KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 10
MOST_KEPT = 1000
DAILY, MANUAL, BEFORE_RESTORE = "daily", "manual", "before-restore"
BEFORE_REPAIR = "before-repair"  # before a repair writes (domain.sales.recost)
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every Stockroom database has had since the first migration.
STOCKROOM_TABLES = frozenset({"alembic_version", "settings", "products", "warehouses", "movements", "balances"})
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the name
    reason: str
    size: int  # bytes


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    previous_saved_to: Path | None  # None when there was no database file to save
    keep: int  # the backups kept from now on: the setting in force before the restore where it could be read


@dataclass(frozen=True)
class IntegrityReport:
    sqlite: tuple[str, ...]  # PRAGMA integrity_check's messages; ("ok",) when the file is sound
    ledger: tuple  # persistence.stock.queries.CheckProblem rows; empty when balances equal the ledger
    # notes, not failures: (receipt, PO) of each delivery left unlinked by 0017 (``stockroom check`` notes them too)
    unlinked: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.sqlite == ("ok",) and not self.ledger


_PARTIAL = ".partial"
_STALE_PARTIAL_SECONDS = 3600

# -- copies -----------------------------------------------------------------------------------------
def backup_file(source: Path, target: Path, *, overwrite: bool = True) -> Path:
    """Copy the database at ``source`` to ``target`` while others may be writing to it.

    The copy is made under a name of this process's own and put in place when complete. With
    ``overwrite=False`` an existing ``target`` is never replaced (``FileExistsError``), also when
    another process puts a file there while the copy is being made.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{_PARTIAL}")
    try:
        _copy(Path(source), partial)
        if overwrite:
            os.replace(partial, target)
        else:
            _place_new(partial, target)
    finally:
        _remove(partial)
    return target


def _place_new(partial: Path, target: Path) -> None:
    """Give ``partial`` the name ``target`` unless that name exists (atomically where links work)."""
    try:
        os.link(partial, target)  # fails with FileExistsError instead of replacing
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (a FAT stick): check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(partial, target)


def _copy(source: Path, target: Path) -> None:
    """One consistent snapshot of ``source`` in ``target`` (created or overwritten), in rollback-journal mode."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one file: no -wal/-shm beside the copy
        finally:
            dst.close()
    finally:
        src.close()


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
    _remove_sidecars(path)


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def timestamped_backup(db_path: Path, reason: str, keep: int | None = None) -> Path:
    """A new backup of ``db_path`` in its ``backups/`` folder; then only the newest ``keep`` are kept.

    ``keep`` defaults to the database's own ``backup_keep`` setting.
    """
    db_path = Path(db_path)
    if keep is None:
        keep = _keep_in_file(db_path)
    target = _new_backup(db_path, reason)
    prune(db_path, keep)
    return target


def _new_backup(db_path: Path, reason: str) -> Path:
    """A new backup of ``db_path`` in its ``backups/`` folder, deleting none."""
    for _attempt in range(100):
        target = _new_name(db_path, reason)
        try:
            backup_file(db_path, target, overwrite=False)
            break
        except FileExistsError:  # another process took the name in the same second: the next number
            continue
    else:
        raise FileExistsError(target)
    return target


def _new_name(db_path: Path, reason: str) -> Path:
    """The next backup's path; backups made within one second are numbered 1 (no number), 2, 3… in order."""
    folder = backup_dir(db_path)
    stamp = datetime.now().strftime(_STAMP)
    pattern = _pattern(db_path)
    names = os.listdir(folder) if folder.is_dir() else []
    n = 1 + max((int(m.group(3) or 1) for m in map(pattern.fullmatch, names) if m and m.group(1) == stamp), default=0)
    return folder / f"{db_path.stem}-{stamp}-{reason}{'' if n == 1 else f'.{n}'}.sqlite3"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})-([a-z0-9-]+?)(?:\.(\d+))?\.sqlite3")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path`` in its ``backups/`` folder, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for entry in os.scandir(folder):
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), _STAMP)
        stat = entry.stat()
        found.append((taken, int(match.group(3) or 1), stat.st_mtime_ns,
                      BackupInfo(Path(entry.path), taken, match.group(2), stat.st_size)))
    found.sort(key=lambda x: x[:3], reverse=True)  # within one second, by when the copy was completed
    return [info for *_, info in found]


def prune(db_path: Path, keep: int, protect: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups (never ``protect``); returns what was deleted.

    Also removes copies left unfinished by a process that was killed mid-copy (older than an hour,
    so a copy another process is still making is left alone).
    """
    removed = []
    folder = backup_dir(db_path)
    if folder.is_dir():
        stale = time.time() - _STALE_PARTIAL_SECONDS
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(_PARTIAL) and entry.stat().st_mtime < stale:
                _remove(Path(entry.path))
    for info in list_backups(db_path)[max(1, keep):]:
        if protect is not None and info.path.resolve() == Path(protect).resolve():
            continue
        _remove(info.path)
        removed.append(info.path)
    return removed


def daily_backup(db_path: Path, today: date | None = None) -> Path | None:
    """The automatic backup when the app starts: made unless one was already made today."""
    db_path = Path(db_path)
    today = today or clock.today()
    if not db_path.is_file() or any(b.reason == DAILY and b.taken_at.date() == today for b in list_backups(db_path)):
        return None
    return timestamped_backup(db_path, DAILY)


# -- the kept count ---------------------------------------------------------------------------------
def _keep_in_file(db_path: Path) -> int:
    keep = _readable_keep(db_path)
    return DEFAULT_KEEP if keep is None else keep


def _readable_keep(db_path: Path) -> int | None:
    """The kept count in force in the database at ``db_path``; None when there is none to read it from."""
    if not Path(db_path).is_file() or Path(db_path).stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(db_path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEEP_SETTING,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:  # damaged, or no settings table (a database from before the first migration)
        return None
    return _stored_keep(row[0] if row else None)


def _write_keep(db_path: Path, keep: int) -> None:
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (KEEP_SETTING,))
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (KEEP_SETTING, str(keep)))
    finally:
        conn.close()


def _stored_keep(value: object) -> int:
    """The kept count in the settings; a value not written by ``set_backup_keep`` counts as the default."""
    try:
        return DEFAULT_KEEP if value is None else _parse_keep(value)
    except BadInput:
        return DEFAULT_KEEP


def _parse_keep(value: object) -> int:
    try:
        number = whole_number(str(value))  # the kernel's reading: never 1_0 as 10
    except ValueError:
        number = 0
    if not 1 <= number <= MOST_KEPT:
        raise BadInput("backups to keep", f"{value!r} is not accepted; enter a whole number from 1 to {MOST_KEPT}, "
                                          f"such as {DEFAULT_KEEP}",
                       code="backups_to_keep", values=(repr(value), MOST_KEPT, DEFAULT_KEEP))
    return number


# -- restore ----------------------------------------------------------------------------------------
def restore_file(db_path: Path, source: Path) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup ``source``, saving the current one first.

    ``source`` must be a Stockroom database that passes SQLite's integrity check and whose schema
    this version knows (an older one is upgraded when the database is next opened). Nothing changes
    when a check fails. Close the application's own engines first.

    No backup is deleted, and the restored database keeps the ``backup_keep`` in force before (see
    the module's docstring); it is written into the checked copy, so it arrives with the data.
    """
    db_path, source = Path(db_path).resolve(), Path(source).expanduser().resolve()
    if source == db_path:
        raise BadInput("backup file", f"{source} is the database itself; choose a backup of it",
                       code="backup_is_the_database", values=(source,))
    staging = db_path.with_name(f".{db_path.name}.restore")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _stage(source, staging)
        readable = _readable(db_path)
        keep = _readable_keep(db_path) if readable else None
        if keep is None:
            keep = _keep_in_file(staging)
        else:
            _write_keep(staging, keep)
        saved = None
        if readable and db_path.is_file() and db_path.stat().st_size > 0:
            try:
                saved = _new_backup(db_path, BEFORE_RESTORE)
            except sqlite3.OperationalError:  # busy, disk full: not the file's fault
                raise
            except sqlite3.DatabaseError:  # malformed pages
                readable = False
        if not readable:
            saved = _save_raw(db_path)
        if readable:
            _match_page_size(staging, db_path)
            _write_into(staging, db_path)
        else:  # damaged beyond SQLite's reading: nobody can be using it, so the file itself is replaced
            _remove_sidecars(db_path)
            os.replace(staging, db_path)
    finally:
        _remove(staging)
    return RestoreResult(db_path, source, saved, keep)


def _readable(db_path: Path) -> bool:
    """Whether SQLite can read the database at ``db_path`` (true for a file that does not exist yet)."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return True


def _save_raw(db_path: Path) -> Path:
    """Keep a damaged database byte for byte (with its WAL) before it is replaced."""
    target = _new_name(db_path, BEFORE_RESTORE)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, target)
    wal = Path(f"{db_path}-wal")
    if wal.is_file():
        shutil.copyfile(wal, f"{target}-wal")
    return target


def _remove_sidecars(db_path: Path) -> None:
    for extra in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{db_path}{extra}")


def _stage(source: Path, staging: Path) -> None:
    """A private copy of ``source`` that is checked; raises BadInput when it is no Stockroom database."""
    if not source.is_file():
        raise BadInput("backup file", f"{source} does not exist; choose a backup file (.sqlite3)",
                       code="backup_missing", values=(source,))
    with open(source, "rb") as f:
        if f.read(16) != SQLITE_MAGIC:
            raise BadInput("backup file", f"{source} is not a SQLite database; choose a Stockroom backup (.sqlite3)",
                           code="backup_not_sqlite", values=(source,))
    try:
        _copy(source, staging)
    except sqlite3.Error as exc:
        raise BadInput("backup file", f"{source} cannot be read as a SQLite database ({exc}); "
                                      f"choose another backup", code="backup_unreadable", values=(source, exc)) from exc
    report = file_integrity(staging)
    if report != ("ok",):
        raise BadInput("backup file", f"{source} fails SQLite's integrity check ({'; '.join(report[:3])}); "
                                      f"choose another backup",
                       code="backup_damaged", values=(source, '; '.join(report[:3])))
    conn = sqlite3.connect(staging)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        conn.close()
    if not STOCKROOM_TABLES <= names or revision is None:
        raise BadInput("backup file", f"{source} is a SQLite database but not a Stockroom database; "
                                      f"choose a Stockroom backup", code="backup_not_stockroom", values=(source,))
    from persistence.migrations import HEAD
    from persistence.schema import known_revisions

    if revision not in known_revisions():
        raise BadInput("backup file", f"its schema {revision} is newer than this version of Stockroom knows "
                                      f"({HEAD}); restore it with a newer version",
                       code="backup_too_new", values=(revision, HEAD))


def _match_page_size(staging: Path, db_path: Path) -> None:
    """SQLite cannot copy into a WAL database of another page size: rebuild the copy at the live page size."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return
    live = sqlite3.connect(db_path)
    try:
        wanted = live.execute("PRAGMA page_size").fetchone()[0]
    finally:
        live.close()
    conn = sqlite3.connect(staging)
    try:
        if conn.execute("PRAGMA page_size").fetchone()[0] != wanted:
            conn.execute(f"PRAGMA page_size={int(wanted)}")
            conn.execute("VACUUM")
    finally:
        conn.close()


def _write_into(staging: Path, db_path: Path) -> None:
    src = sqlite3.connect(staging)
    try:
        dst = sqlite3.connect(db_path, timeout=storage_errors.BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)  # waits while another connection holds the write lock
        finally:
            dst.close()
    finally:
        src.close()


# -- integrity --------------------------------------------------------------------------------------
def file_integrity(path: Path) -> tuple[str, ...]:
    """``PRAGMA integrity_check`` of the file at ``path``: ("ok",) or what is damaged."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(r[0] for r in conn.execute("PRAGMA integrity_check"))
    except sqlite3.DatabaseError as exc:  # damage can stop the check itself
        return (f"SQLite cannot check the file: {exc}",)
    finally:
        conn.close()


def integrity(engine: Engine) -> IntegrityReport:
    """``PRAGMA integrity_check`` on the file, then the ledger check (balances equal the sum of movements), and the
    deliveries whose lines name no movement (``persistence.stock.documents.unlinked_deliveries``), as ``stockroom
    check`` runs them."""
    from persistence.stock.documents import unlinked_deliveries
    from persistence.stock.queries import check

    try:
        with engine.connect() as conn:
            messages = tuple(r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check"))
    except DBAPIError as exc:  # damage can stop the check itself
        if isinstance(exc.orig, sqlite3.OperationalError):  # busy, locked: not a finding about the file
            raise
        return IntegrityReport((f"SQLite cannot check the file: {exc.orig}",), ())
    try:
        problems = tuple(check(engine))
        unlinked = tuple(unlinked_deliveries(engine))
    except DBAPIError as exc:  # a damaged file may not even be readable table by table
        if messages == ("ok",):
            raise
        return IntegrityReport((*messages, f"the ledger check could not read the file: {exc.orig}"), ())
    return IntegrityReport(messages, problems, unlinked)


# -- for the screens: bound to the open database's engine -------------------------------------------
def database_file(engine: Engine) -> Path:
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        raise BadInput("database", "backups are made of a local SQLite database file, not of a server database",
                       code="backup_of_server")
    return Path(engine.url.database).resolve()


def backups(engine: Engine) -> list[BackupInfo]:
    return list_backups(database_file(engine))


def back_up_now(engine: Engine) -> Path:
    return timestamped_backup(database_file(engine), MANUAL)


def before_repair(engine: Engine) -> Path:
    """The backup a repair makes before it writes (``domain.sales.recost``), as a schema upgrade does."""
    return timestamped_backup(database_file(engine), BEFORE_REPAIR)


def restore_into(engine: Engine, source: Path) -> RestoreResult:
    """Close the engine's pooled connections, then restore (see ``restore_file``); reopen afterwards."""
    path = database_file(engine)
    engine.dispose()
    return restore_file(path, source)


def backup_keep(engine: Engine) -> int:
    with engine.connect() as conn:
        value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == KEEP_SETTING)).scalar()
    return _stored_keep(value)


def set_backup_keep(engine: Engine, value: object) -> int:
    """Keep the newest ``value`` backups from now on (deleting older ones at once); returns the number."""
    keep = _parse_keep(value)
    with engine.begin() as conn:
        conn.execute(t.settings.delete().where(t.settings.c.key == KEEP_SETTING))
        conn.execute(t.settings.insert().values(key=KEEP_SETTING, value=str(keep)))
    prune(database_file(engine), keep)
    return keep
