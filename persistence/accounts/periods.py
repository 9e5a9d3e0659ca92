"""``uow.periods``: which months are closed (domain.accounts.periods), read once per unit of work; the months'
rows and events; and what a close freezes (``period_stock``, ``period_balances``)."""

from __future__ import annotations

from datetime import date
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import literal
from sqlalchemy import select

from domain.accounts.periods import Period
from domain.accounts.periods import PeriodEvent
from domain.accounts.periods import last_day
from domain.accounts.periods import opens_at
from persistence import tables as t
from persistence.stock.merged import merged
from persistence.stock.merged import product_of
from persistence.stock.merged import warehouse_of

P, E = t.periods, t.period_events


class PeriodRepository:
    def __init__(self, conn, device_id: str = "") -> None:
        self.conn = conn
        self.device_id = device_id
        self._through: tuple[date | None, datetime | None] | None = None

    def _read(self) -> tuple[date | None, datetime | None]:
        if self._through is None:
            latest = self.conn.execute(select(func.max(P.c.month)).where(P.c.closed.is_(True))).scalar()
            through = last_day(latest) if latest else None
            self._through = (through, opens_at(through))
        return self._through

    def closed_through(self) -> date | None:
        return self._read()[0]

    def open_from(self) -> datetime | None:
        # asked once per movement posted (``domain.stock.ledger._post``): the remembered answer without a call
        through = self._through
        return (self._read() if through is None else through)[1]

    def forget(self) -> None:
        """Read the closed months again at the next check (after this unit of work closed or reopened one)."""
        self._through = None

    def all(self) -> list[Period]:
        rows = self.conn.execute(select(P).order_by(P.c.month)).all()
        return [Period(r.month, bool(r.closed), r.closed_at, r.closed_by, r.version) for r in rows]

    def get(self, month: str) -> Period | None:
        r = self.conn.execute(select(P).where(P.c.month == month)).first()
        return None if r is None else Period(r.month, bool(r.closed), r.closed_at, r.closed_by, r.version)

    def save(self, period: Period) -> None:
        values = {"closed": period.closed, "closed_at": period.closed_at, "closed_by": period.closed_by,
                  "version": period.version}
        done = self.conn.execute(P.update().where(P.c.month == period.month).values(**values))
        if not done.rowcount:
            self.conn.execute(insert(P).values(month=period.month, device_id=self.device_id, **values))

    def add_event(self, event: PeriodEvent) -> None:
        self.conn.execute(insert(E).values(id=event.id, month=event.month, action=event.action, user=event.user,
                                           reason=event.reason, at=event.at, device_id=event.device_id))

    def events(self) -> list[PeriodEvent]:
        rows = self.conn.execute(select(E).order_by(E.c.at, E.c.id)).all()
        return [PeriodEvent(r.id, r.month, r.action, r.user, r.reason, r.at, r.device_id) for r in rows]

    def earliest(self) -> date | None:
        first_move = self.conn.execute(select(func.min(t.movements.c.occurred_at))).scalar()
        first_item = self.conn.execute(select(func.min(t.account_items.c.business_date))).scalar()
        days = [d for d in (first_move.astimezone().date() if first_move else None, first_item) if d is not None]
        return min(days) if days else None

    def freeze(self, month: str, until: datetime, through: date) -> None:
        conn = self.conn
        conn.execute(delete(t.period_stock).where(t.period_stock.c.month == month))
        conn.execute(delete(t.period_balances).where(t.period_balances.c.month == month))
        conn.execute(insert(t.period_stock).from_select(
            ["month", "product_id", "warehouse_id", "qty", "value"], _stock_at(conn, month, until)))
        items = t.account_items
        conn.execute(insert(t.period_balances).from_select(
            ["month", "side", "partner_id", "balance"],
            select(literal(month), items.c.side, items.c.partner_id, func.sum(items.c.amount))
            .where(items.c.business_date <= through).group_by(items.c.side, items.c.partner_id)))


def _stock_at(conn, month: str, until: datetime):
    """Each product × warehouse (as it reads now, ``persistence/stock/merged.py``) with its quantity and value
    after its last movement before ``until``: the ``movement_values`` the ledger wrote for that movement."""
    M, V, B = t.movements, t.movement_values, t.balances
    if not merged(conn):  # the common case: one indexed look-up per balance row
        last = (select(M.c.id).where(M.c.product_id == B.c.product_id, M.c.warehouse_id == B.c.warehouse_id,
                                     M.c.occurred_at < until)
                .order_by(M.c.occurred_at.desc(), M.c.id.desc()).limit(1).correlate(B).scalar_subquery())
        pairs = select(B.c.product_id, B.c.warehouse_id, last.label("movement_id")).subquery()
        return (select(literal(month), pairs.c.product_id, pairs.c.warehouse_id, V.c.on_hand_after, V.c.value_after)
                .join_from(pairs, V, V.c.movement_id == pairs.c.movement_id))
    product, warehouse = product_of(M), warehouse_of(M)
    ranked = (select(product.label("product_id"), warehouse.label("warehouse_id"), M.c.id.label("movement_id"),
                     func.row_number().over(partition_by=(product, warehouse),
                                            order_by=(M.c.occurred_at.desc(), M.c.id.desc())).label("n"))
              .where(M.c.occurred_at < until).subquery())
    return (select(literal(month), ranked.c.product_id, ranked.c.warehouse_id, V.c.on_hand_after, V.c.value_after)
            .join_from(ranked, V, V.c.movement_id == ranked.c.movement_id).where(ranked.c.n == 1))
