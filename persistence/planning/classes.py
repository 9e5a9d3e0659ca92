"""The ABC/XYZ classes of the last planning run and the setting of what ABC ranks by.

A run's classes (``domain.planning.classification.ProductClass``) are kept with its forecasts in
``forecast_cache``, one row per product under the scope ``CLASS_SCOPE`` (a forecast's scope is a warehouse id
or ``*``, so the two never meet): ``history_key`` holds the basis, ``result`` the classes and figures as JSON.
Each run replaces them all in one transaction, so a product no longer planned loses its stale class. The
Products, Stock and Replenishment screens and ``stockroom abc`` read them with ``read_classes`` (one query,
no planning). The setting is the ``settings`` row ``SETTING_ABC_BASIS``.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import select

from domain.kernel import clock
from domain.planning.alerts import AlertSummary
from domain.planning.classification import BASES
from domain.planning.classification import DEFAULT_BASIS
from domain.planning.classification import ProductClass
from persistence import office
from persistence import tables as t

CLASS_SCOPE = "abc-xyz"
SETTING_ABC_BASIS = "planning_abc_basis"


class ClassStore:
    """Where a planning run keeps its classes (``domain.planning.run.RunControl.classes``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def store(self, classes: dict[str, ProductClass], summary: AlertSummary | None = None, *, around=None) -> None:
        """Replace every stored class with these and, when given, the last run's alerts summary
        (``persistence.planning.alerts``), in one transaction (``around`` as ``persistence.derived.derived_write``
        takes it)."""
        from persistence.derived import derived_write
        from persistence.planning.alerts import write_summary

        C = t.forecast_cache
        now = clock.now()
        with derived_write(self.engine, around) as conn:
            conn.execute(C.delete().where(C.c.scope == CLASS_SCOPE))
            if classes:
                conn.execute(C.insert(), [
                    {"product_id": c.product_id, "scope": CLASS_SCOPE, "history_key": c.basis, "computed_at": now,
                     "result": json.dumps({"abc": c.abc, "xyz": c.xyz, "value": c.value, "volume": c.volume,
                                           "cv": c.cv, "weeks": c.weeks}, separators=(",", ":"))}
                    for c in classes.values()])
            if summary is not None:
                write_summary(conn, summary)


def read_classes(engine: Engine) -> dict[str, ProductClass]:
    """The classes the last planning run stored, by product id (empty before the first run)."""
    C = t.forecast_cache
    with engine.connect() as conn:
        rows = conn.execute(select(C.c.product_id, C.c.history_key, C.c.result).where(C.c.scope == CLASS_SCOPE))
        out = {}
        for product_id, basis, text in rows:
            r = json.loads(text)
            out[product_id] = ProductClass(product_id, r["abc"], r["xyz"], r["value"], r["volume"], r["cv"],
                                           r["weeks"], basis)
        return out


def classes_at(engine: Engine) -> datetime | None:
    """When the stored classes were made (None: never)."""
    C = t.forecast_cache
    with engine.connect() as conn:
        return conn.execute(select(C.c.computed_at).where(C.c.scope == CLASS_SCOPE).limit(1)).scalar()


def read_basis(conn: Connection) -> str:
    """The setting; ``value`` when it was never set (or holds something this version does not know)."""
    value = office.get(conn, SETTING_ABC_BASIS)
    return value if value in BASES else DEFAULT_BASIS


def write_basis(conn: Connection, basis: str) -> None:
    office.write(conn, {SETTING_ABC_BASIS: basis})

