"""Products' packaging units (``domain.catalog.packaging``): tables product_units and product_unit_barcodes."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import true

from domain.catalog.model import PackUnit
from domain.kernel.validate import code_key
from persistence import tables as t

_U, _B = t.product_units, t.product_unit_barcodes


class PackUnitRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # whether no packaging unit has a barcode, read once (most offices have none: an import of 1,200 products
        # then asks no question per code); a put with barcodes in this transaction makes it False
        self._no_barcodes: bool | None = None

    def of_product(self, product_id: str) -> list[PackUnit]:
        return _units(self.conn, _U.c.product_id == product_id)

    def by_barcode(self, barcode: str) -> PackUnit | None:
        if self._no_barcodes is None:
            self._no_barcodes = self.conn.execute(select(_B.c.unit_id).limit(1)).first() is None
        if self._no_barcodes:
            return None
        found = self.conn.execute(select(_B.c.unit_id).where(_B.c.barcode == barcode)).scalar()
        if found is None:  # in another ASCII case (codes are compared by validate.code_key, as SQLite's lower())
            found = self.conn.execute(select(_B.c.unit_id).where(func.lower(_B.c.barcode) == code_key(barcode))
                                      .limit(1)).scalar()
        if found is None:
            return None
        units = _units(self.conn, _U.c.id == found)
        return units[0] if units else None

    def put(self, unit: PackUnit) -> None:
        values = {"product_id": unit.product_id, "name": unit.name, "per": unit.per, "device_id": unit.device_id,
                  "version": unit.version}
        self.conn.execute(_B.delete().where(_B.c.unit_id == unit.id))
        if self.conn.execute(select(_U.c.id).where(_U.c.id == unit.id)).first() is None:
            self.conn.execute(insert(_U).values(id=unit.id, **values))
        else:
            self.conn.execute(_U.update().where(_U.c.id == unit.id).values(values))
        if unit.barcodes:
            self._no_barcodes = False
            self.conn.execute(insert(_B), [{"barcode": b, "unit_id": unit.id} for b in unit.barcodes])

    def remove(self, unit_id: str) -> None:
        self.conn.execute(_B.delete().where(_B.c.unit_id == unit_id))
        self.conn.execute(_U.delete().where(_U.c.id == unit_id))


def _units(conn: Connection, where) -> list[PackUnit]:
    units = {r.id: PackUnit(r.id, r.product_id, r.name, r.per, [], r.device_id, r.version)
             for r in conn.execute(select(_U).where(where).order_by(_U.c.per, _U.c.name))}
    if units:
        for barcode, unit_id in conn.execute(select(_B.c.barcode, _B.c.unit_id).where(_B.c.unit_id.in_(list(units)))
                                             .order_by(_B.c.barcode)):
            units[unit_id].barcodes.append(barcode)
    return list(units.values())


def units_by_product(engine: Engine, product_ids: list[str] | None = None) -> dict[str, list[PackUnit]]:
    """product id → its units (every product's, or those of ``product_ids``)."""
    where = _U.c.product_id.in_(product_ids) if product_ids is not None else true()
    out: dict[str, list[PackUnit]] = {}
    with engine.connect() as conn:
        for unit in _units(conn, where):
            out.setdefault(unit.product_id, []).append(unit)
    return out
