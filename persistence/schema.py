"""The schema's migration scripts: where they are and which revisions they know.

``persistence.db`` upgrades a database with them; ``persistence.backup`` and the sync check a file's revision
against them. Alembic is imported only when the revisions are asked for.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
