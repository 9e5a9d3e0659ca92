from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def db(tmp_path):
    """A fresh Stockroom database in a real SQLite file."""
    from persistence.db import open_database

    database = open_database(tmp_path / "stockroom.sqlite3")
    yield database
    database.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL server for the whole run (tests/pg.py); stopped at the end."""
    from tests.pg import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def hub(pg_cluster) -> str:
    """The URL of a fresh, empty hub database (its schema is made by the first sync)."""
    return pg_cluster.new_database()
