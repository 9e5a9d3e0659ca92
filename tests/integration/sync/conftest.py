from __future__ import annotations

import pytest

from tests.pg import start_cluster


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def hub(pg_cluster) -> str:
    """The URL of a fresh, empty hub database (its schema is made by the first sync)."""
    return pg_cluster.new_database()


@pytest.fixture
def devices(tmp_path):
    """A factory of device databases, each its own SQLite file; all closed afterwards."""
    from persistence.db import open_database

    opened = []

    def make(name: str):
        db = open_database(tmp_path / f"{name}.sqlite3")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()
