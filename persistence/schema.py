"""The schema's migration scripts: where they are and which revisions they know.

``persistence.db`` upgrades a database with them; ``persistence.backup`` and the sync check a file's revision
against them. Alembic is imported only when the revisions are asked for.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


# -- secondary indexes set aside during a bulk load ------------------------------------------------------------

DEFERRED_INDEXES = "schema.deferred_indexes"  # settings key: JSON list of the CREATE INDEX statements set aside


def defer_indexes(conn, table: str) -> bool:
    """Drop ``table``'s secondary (non-unique) indexes while it is empty, remembering their statements in the
    settings in the same transaction; ``restore_indexes`` makes them again. True when they were dropped.

    Building an index once over rows already written costs far less than keeping six indexes up to date row by
    row as a first pull writes tens of thousands of them. Unique indexes (and the primary key) stay: nothing
    that would be refused while they exist is let in meanwhile. The caller commits.
    """
    if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None:
        return False
    if conn.exec_driver_sql("SELECT 1 FROM settings WHERE key = ?", (DEFERRED_INDEXES,)).first() is not None:
        return False  # already set aside (a pull cut short before): restore_indexes makes them
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY name", (table,)).all()
    plain = [(name, sql) for name, sql in found if _CREATE_INDEX.match(sql)]
    if not plain:
        return False
    conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?)",
                         (DEFERRED_INDEXES, json.dumps([sql for _, sql in plain])))
    for name, _ in plain:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return True


def restore_indexes(conn) -> bool:
    """Make again the indexes ``defer_indexes`` set aside, if any (idempotent); True when there were some.
    The caller commits (a database opened after a pull was cut short gets them back in ``db.open_database``)."""
    value = conn.exec_driver_sql("SELECT value FROM settings WHERE key = ?", (DEFERRED_INDEXES,)).scalar()
    if value is None:
        return False
    for sql in json.loads(value):
        conn.exec_driver_sql(_CREATE_INDEX.sub("CREATE INDEX IF NOT EXISTS ", sql, count=1))
    conn.exec_driver_sql("DELETE FROM settings WHERE key = ?", (DEFERRED_INDEXES,))
    return True


_CREATE_INDEX = re.compile(r"CREATE INDEX (?:IF NOT EXISTS )?", re.IGNORECASE)
