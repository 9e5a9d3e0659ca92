"""Exchange rates (``domain.purchasing.exchange``) on SQLAlchemy Core: the repository and the read query."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.purchasing.exchange import ExchangeRate
from persistence import tables as t

R = t.exchange_rates


def _rate(r) -> ExchangeRate:
    return ExchangeRate(r.currency, r.valid_from, r.rate, id=r.id, device_id=r.device_id, version=r.version)


class ExchangeRateRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def on(self, currency: str, day: date) -> ExchangeRate | None:
        r = self.conn.execute(select(R).where(R.c.currency == currency, R.c.valid_from <= day)
                              .order_by(R.c.valid_from.desc()).limit(1)).first()
        return _rate(r) if r else None

    def get(self, currency: str, day: date) -> ExchangeRate | None:
        r = self.conn.execute(select(R).where(R.c.currency == currency, R.c.valid_from == day)).first()
        return _rate(r) if r else None

    def put(self, rate: ExchangeRate) -> None:
        values = {"currency": rate.currency, "valid_from": rate.valid_from, "rate": rate.rate,
                  "device_id": rate.device_id, "version": rate.version}
        done = self.conn.execute(update(R).where(R.c.id == rate.id).values(**values))
        if not done.rowcount:
            self.conn.execute(insert(R).values(id=rate.id, **values))

    def remove(self, rate: ExchangeRate) -> None:
        self.conn.execute(R.delete().where(R.c.id == rate.id))

    def all(self) -> list[ExchangeRate]:
        return [_rate(r) for r in self.conn.execute(select(R).order_by(R.c.currency, R.c.valid_from))]


def exchange_rates(engine: Engine) -> list[ExchangeRate]:
    """Every rate by currency and date, for screens."""
    with engine.connect() as conn:
        return ExchangeRateRepository(conn).all()
