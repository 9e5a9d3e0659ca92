"""The last planning run's alerts summary (``domain.planning.alerts``) and the data version it is judged by.

The summary is one ``settings`` row (``SETTING_ALERTS``, JSON): it is local to this desk like the forecasts it came
from, and no migration is needed for it. The Replenishment screen's and the command line's runs write it in the
same transaction as their ABC/XYZ classes (``persistence.planning.classes.ClassStore``), so storing it adds no
commit, and so no "the data changed" notice, to what a run already caused; the dashboard's own run (made only when
none is stored) writes it alone (``store_summary``).

``data_version`` is a stamp of what a planning run reads: the ledger (movements and unfilled demand only ever gain
rows: the highest row id of each tells a new one), the purchase and sales orders (on order, reserved: each change
bumps an order's version), the products, warehouses, supplier terms and preferred suppliers, the products' own
targets (count and sum of versions) and the planning settings. The forecasts, classes and this summary are not in
it: storing them changes nothing a run reads. A few grouped aggregates, no per-product query; on SQLite the ledger's
part is two index lookups.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import literal_column
from sqlalchemy import select

from domain.planning.alerts import AlertSummary
from persistence import tables as t
from persistence.derived import derived_write

SETTING_ALERTS = "planning.alerts_summary"

_VERSIONED = ("products", "warehouses", "suppliers", "supplier_terms", "supplier_term_details", "preferred_suppliers",
              "product_planning", "purchase_orders", "sales_orders")


def data_version(conn: Connection) -> str:
    """A short stamp that changes whenever something a planning run reads changes (see the module docstring)."""
    parts: list[object] = []
    sqlite = conn.dialect.name == "sqlite"
    for table in (t.movements, t.unfilled_demand):
        # rows are only ever added; on SQLite the highest rowid is one index lookup, elsewhere count them
        what = func.max(literal_column("rowid")) if sqlite else func.count()
        parts.append(conn.execute(select(what).select_from(table)).scalar())
    for name in _VERSIONED:
        table = t.metadata.tables[name]
        parts.extend(conn.execute(select(func.count(), func.coalesce(func.sum(table.c.version), 0))).one())
    # the planning settings (``planning_abc_basis``, ``planning_fill_rate``: keys beginning ``planning_``)
    S = t.settings  # noqa: N806
    parts.extend(conn.execute(select(S.c.key, S.c.value).where(S.c.key.startswith("planning_", autoescape=True))
                              .order_by(S.c.key)).all())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def current_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return data_version(conn)


def write_summary(conn: Connection, summary: AlertSummary) -> None:
    conn.execute(t.settings.delete().where(t.settings.c.key == SETTING_ALERTS))
    conn.execute(insert(t.settings).values(key=SETTING_ALERTS, value=summary.to_json()))


def store_summary(engine: Engine, summary: AlertSummary, *, around=None) -> None:
    """Keep ``summary`` as the last run's (one transaction; ``around`` as ``persistence.derived.derived_write`` takes
    it)."""
    with derived_write(engine, around) as conn:
        write_summary(conn, summary)


def read_summary(engine: Engine) -> tuple[AlertSummary | None, str]:
    """(the last run's summary or None, the data version now), read together."""
    with engine.connect() as conn:
        text = conn.execute(select(t.settings.c.value).where(t.settings.c.key == SETTING_ALERTS)).scalar()
        version = data_version(conn)
    return (AlertSummary.from_json(text) if text else None), version
