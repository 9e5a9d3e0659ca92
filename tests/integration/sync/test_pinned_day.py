"""The sync tests run on the application's clock pinned to the run's day (``tests/conftest.py`` ``sync_on_today``)."""

from __future__ import annotations

import pytest

from domain.kernel import clock as app_clock
from persistence import sync
from persistence.db import open_database
from tests import clock

WALL = app_clock.now  # the application's own clock, taken when the module is read (before any test pins it)


@pytest.mark.postgres
def test_a_test_against_a_hub_syncs_on_the_pinned_day(hub, tmp_path):
    assert app_clock.now is not WALL
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        report = sync.sync(db, hub)
    finally:
        db.close()
    assert clock.MIDDAY <= report.started_at <= app_clock.now()
