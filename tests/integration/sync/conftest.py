from __future__ import annotations

import pytest

# pg_cluster and hub come from tests/conftest.py, shared with the window's sync tests.


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

