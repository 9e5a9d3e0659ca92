"""Commands for looking after the database file: ``backup``, ``restore`` and ``integrity``.

``restore`` asks nothing: it saves the current file as a backup first and says where, so it
can be undone by restoring that file. It does not open the database before replacing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ui.cli.common import LANGUAGES

COMMANDS = ("backup", "restore", "integrity")


def add_parsers(sub) -> None:
    p = sub.add_parser("backup", help="copy the database, consistently even while it is in use")
    p.add_argument("--to", type=Path, metavar="FILE",
                   help="write the copy to FILE (a new file) instead of the backups folder beside the database")
    p = sub.add_parser("restore", help="replace the database with a backup (the current file is backed up first)")
    p.add_argument("file", type=Path, metavar="FILE")
    p = sub.add_parser("integrity", help="check the file (SQLite integrity check) and that what is kept (balances, "
                                         "monthly rows, open amounts, sales lines' costs) agrees with the ledger")
    p.add_argument("--language", choices=tuple(LANGUAGES), default=None,
                   help="the language of what is printed: en (English, the default) or zh_CN (简体中文; zh for short)")


def _database_path(args) -> Path:
    from bootstrap import default_db_path

    return Path(args.db or default_db_path()).expanduser().resolve()


def _size(path: Path) -> str:
    from ui.sizes import size_text

    return size_text(path.stat().st_size)


def run(args, open_db) -> int:
    from persistence import backup
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import EXIT_OK
    from ui.cli.common import CliError

    path = _database_path(args)
    if args.command == "integrity":
        return _integrity(path, open_db, LANGUAGES[args.language or "en"])
    if args.command == "backup":
        if not path.is_file():
            raise CliError(f"--db: there is no database at {path}; give the path of an existing Stockroom database",
                           EXIT_BAD_INPUT)
        if args.to is None:
            target = backup.timestamped_backup(path, backup.MANUAL)
        else:
            target = Path(args.to).expanduser().resolve()
            try:
                backup.backup_file(path, target, overwrite=False)
            except FileExistsError:
                raise CliError(f"--to: {target} already exists; give the name of a new file", EXIT_BAD_INPUT) from None
        print(f"backed up {path} to {target} ({_size(target)})")
        return EXIT_OK
    result = _restore(path, Path(args.file), open_db)
    if result.previous_saved_to is None:
        print(f"there was no database at {path} to save first")
    else:
        print(f"saved the previous database as {result.previous_saved_to}")
    print(f"restored {path} from {result.restored_from}")
    print(f"no backup was deleted; from the next backup on the newest {result.keep} are kept")
    return EXIT_OK


def _restore(path: Path, source: Path, open_db):
    """Restore ``source`` over the database at ``path`` through the domain's ``restore_backup``.

    Its unit of work signs in as --user on the database being replaced; there is none when no file is
    there or it no longer opens as a Stockroom database (``domain.access.backups`` allows that restore).
    """
    import functools

    from domain.access.backups import restore_backup
    from persistence import backup
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    if not path.is_file():
        return restore_backup(None, source, functools.partial(backup.restore_file, path))
    try:
        db = open_db()  # signs in as --user; refuses when sign-in is on and none is given
    except CliError as exc:
        if exc.code == EXIT_BAD_INPUT:  # the file does not open as a database
            return restore_backup(None, source, functools.partial(backup.restore_file, path))
        raise
    try:  # restore_into lets go of the database's connections before the file is replaced
        return restore_backup(db.uow(), source, functools.partial(backup.restore_into, db.engine))
    finally:
        db.close()


def _integrity(path: Path, open_db, language: str) -> int:
    """The file first, straight from disk (a damaged file may not open as a database); then the ledger."""
    import sqlite3

    from persistence.backup import file_integrity
    from persistence.stock.queries import check
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    if not path.is_file():
        raise CliError(f"--db: there is no database at {path}; give the path of an existing Stockroom database",
                       EXIT_BAD_INPUT)
    try:
        messages = file_integrity(path)
    except sqlite3.DatabaseError as exc:
        messages = (f"SQLite cannot read the file ({exc})",)
    if messages != ("ok",):
        for message in messages:
            print(f"file: {message}")
        print("integrity check failed: restore a backup that passes it (stockroom restore FILE)", file=sys.stderr)
        return 1
    db = open_db()
    try:
        problems = check(db.engine)
    finally:
        db.close()
    print("file: ok (SQLite integrity check)")
    from ui import check_text as ct
    from ui.fill import fill

    tr = ct.cli_translator(language)
    for p in problems:
        print(f"ledger: {ct.describe(p, tr)}")
    if problems:
        print(fill(tr(ct.CHECK_FAILED), len(problems)), file=sys.stderr)
        print("integrity check failed: restore a backup that passes it (stockroom restore FILE)", file=sys.stderr)
        return 1
    print(f"ledger: {tr(ct.CHECK_OK)}")
    return 0
