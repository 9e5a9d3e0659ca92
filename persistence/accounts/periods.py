"""``uow.periods``: which months are closed (domain.accounts.periods), read once per unit of work."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlalchemy import select

from domain.accounts.periods import last_day
from persistence import tables as t


class PeriodRepository:
    def __init__(self, conn) -> None:
        self.conn = conn
        self._through: tuple[date | None] | None = None

    def closed_through(self) -> date | None:
        if self._through is None:
            latest = self.conn.execute(
                select(func.max(t.periods.c.month)).where(t.periods.c.closed.is_(True))).scalar()
            self._through = (last_day(latest) if latest else None,)
        return self._through[0]

    def forget(self) -> None:
        """Read the closed months again at the next check (after this unit of work closed or reopened one)."""
        self._through = None
