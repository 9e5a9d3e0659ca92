from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line writes its files in the language chosen in the window's Settings (kept under the user's config
# folder, which every engineer on this machine shares): the tests, and the commands they start, read an empty one.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="stockroom-tests-config-")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# A wait in a screen test is a safety net, never the assertion: it ends as soon as its condition holds, and
# its timeout only stops a test that would otherwise hang. pytest-qt's default of 5 s (and the few seconds
# some tests name) is too short on a busy machine, so no wait gives up before MIN_WAIT_MS.
MIN_WAIT_MS = 120_000


def _patient(method):
    def wait(self, *args, timeout=5000, **kwargs):
        return method(self, *args, timeout=max(timeout or 0, MIN_WAIT_MS), **kwargs)

    wait.__name__, wait.__doc__ = method.__name__, method.__doc__
    return wait


def pytest_configure(config) -> None:
    from hypothesis import settings
    from pytestqt.qtbot import QtBot

    # Hypothesis would fail an example that takes longer than 200 ms: a timing threshold. None here. Every property
    # test draws the same examples on every machine and run (derandomize; no example database carried between runs),
    # so the suite passes or fails alike everywhere; a test that hunts (test_import_properties' FUZZ_EXAMPLES) says so.
    settings.register_profile("stockroom", deadline=None, derandomize=True, database=None)
    settings.load_profile("stockroom")

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"):
        if hasattr(QtBot, name) and not getattr(getattr(QtBot, name), "_patient", False):
            patched = _patient(getattr(QtBot, name))
            patched._patient = True
            setattr(QtBot, name, patched)


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


@pytest.fixture(autouse=True)
def sync_on_today(request):
    """Every test against a PostgreSQL hub (the ``hub`` or ``pg_cluster`` fixture, or marked ``postgres``) runs on the
    application's clock pinned to the run's day (``pinned_today``), as the others that read the day do: what its desks
    stamp (business times, conflicts found, joining the hub) and what it compares that with stay that day's, in a
    run that crosses midnight too."""
    if "pg_cluster" in request.fixturenames or request.node.get_closest_marker("postgres"):
        request.getfixturevalue("pinned_today")


@pytest.fixture
def pinned_today(monkeypatch):
    """The application's clock pinned to ``tests.clock.MIDDAY`` (running on): its today is ``tests.clock.TODAY``,
    however long after the module's import the test runs and whether or not midnight falls during it."""
    from tests import clock

    clock.pin(monkeypatch)
    return clock.TODAY
