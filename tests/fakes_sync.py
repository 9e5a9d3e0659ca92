"""Plain stand-ins with the attributes of the sync engine's results, for pure widget tests.

The sync tests that reach a hub use the real engine (``persistence.sync``) and a real
PostgreSQL server; these only feed the status-bar widget and the settings page's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime


@dataclass(frozen=True)
class FakeReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    merged: int = 0
    negative: list = field(default_factory=list)
    started_at: datetime | None = None
    finished_at: datetime | None = None
