"""What a planning run leaves behind for those who only look: its open reorder alerts counted by severity.

Every planning run over all products (the Replenishment screen's, ``reorder`` and ``suggest`` on the command line, the
dashboard's own when nothing is stored) sums its alerts up as an ``AlertSummary``: per warehouse code, how many
alerts of each severity (``domain.planning.replenishment.SEVERITIES``), with the day it planned for, when it ran and
the *data version* it read (``PlanningHistory.data_version``: a stamp of the ledger, orders, terms and targets that
the history reader takes before it reads, ``persistence.planning.alerts.data_version``). The dashboard shows the last
one stored instead of planning again; it is **out of date** when the day has moved on (days of stock count from the
day planned for) or the data version read now differs (something planning reads has changed since).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import datetime

from domain.planning.replenishment import SEVERITIES

CURRENT = "current"
NEW_DAY = "new day"  # planned for an earlier day
DATA_CHANGED = "data changed"  # something planning reads changed after the run read it


@dataclass(frozen=True)
class AlertSummary:
    """A planning run's open reorder alerts.

    Attributes:
        day: the day the run planned for (alerts count their days of stock from it).
        computed_at: when the run finished (aware, UTC).
        data_version: the stamp of the data the run read ("" when its reader gave none).
        counts: per warehouse code, per severity, how many alerts (every severity present, zeros included); a
            warehouse without an alert is present with zeros.
        planned: how many product × warehouses the run planned.
    """

    day: date
    computed_at: datetime
    data_version: str
    counts: dict[str, dict[str, int]]
    planned: int = 0

    def by_severity(self, warehouse: str | None = None) -> dict[str, int]:
        """The counts of one warehouse (its code, any case), or of all of them added up when None."""
        out = dict.fromkeys(SEVERITIES, 0)
        code = warehouse.strip().upper() if warehouse else None
        for wh, counts in self.counts.items():
            if code is None or wh.upper() == code:
                for severity, n in counts.items():
                    out[severity] = out.get(severity, 0) + n
        return out

    def state(self, today: date, data_version: str) -> str:
        """``CURRENT``, ``NEW_DAY`` (planned for an earlier day) or ``DATA_CHANGED`` (the data read now differs)."""
        if self.day != today:
            return NEW_DAY
        if not self.data_version or self.data_version != data_version:
            return DATA_CHANGED
        return CURRENT

    def to_json(self) -> str:
        return json.dumps({"day": self.day.isoformat(), "computed_at": self.computed_at.isoformat(),
                           "data_version": self.data_version, "counts": self.counts, "planned": self.planned},
                          separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AlertSummary | None:
        """The summary ``to_json`` wrote; None for text this version cannot read (it is then planned again)."""
        try:
            raw = json.loads(text)
            counts = {str(wh): {str(s): int(n) for s, n in c.items()} for wh, c in raw["counts"].items()}
            return cls(date.fromisoformat(raw["day"]), datetime.fromisoformat(raw["computed_at"]),
                       str(raw["data_version"]), counts, int(raw.get("planned", 0)))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def summarize(plans: Iterable, *, day: date, computed_at: datetime, data_version: str) -> AlertSummary:
    """Count the open alerts of a run's plans (``ItemPlan``s: ``warehouse`` and ``alert``) per warehouse and severity.

    Args:
        plans: every plan of the run (a plan without an alert still names its warehouse).
        day: the day planned for.
        computed_at: when the run finished.
        data_version: the stamp of what the run read.
    """
    counts: dict[str, dict[str, int]] = {}
    planned = 0
    for p in plans:
        planned += 1
        row = counts.setdefault(p.warehouse, dict.fromkeys(SEVERITIES, 0))
        if p.alert is not None:
            row[p.alert.severity] = row.get(p.alert.severity, 0) + 1
    return AlertSummary(day, computed_at, data_version, dict(sorted(counts.items())), planned)
