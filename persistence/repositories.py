"""Repositories over one SQLAlchemy connection.

Movements, their valuations and balances are written behind: they are buffered and flushed
with ``executemany`` before any read that could see them and at commit, so a bulk post of
hundreds of thousands of movements costs a few statements per thousand rows. Master data
is cached per unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import insert
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from domain.model import Balance
from domain.model import Customer
from domain.model import Movement
from domain.model import MovementKind
from domain.model import Position
from domain.model import Product
from domain.model import Supplier
from domain.model import SupplierTerms
from domain.model import Valuation
from domain.model import Warehouse
from persistence import tables as t

Key = tuple[datetime, str]


class Buffer:
    """Pending inserts and balance writes shared by the repositories of one unit of work."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.movements: list[dict] = []
        self.values: list[dict] = []
        self.balances: dict[tuple[str, str], Balance] = {}
        self.dirty: set[tuple[str, str]] = set()
        self.known_balances: set[tuple[str, str]] = set()

    def flush(self) -> None:
        if self.movements:
            self.conn.execute(insert(t.movements), self.movements)
            self.movements = []
        if self.values:
            self.conn.execute(insert(t.movement_values), self.values)
            self.values = []
        if self.dirty:
            new, old = [], []
            for key in self.dirty:
                b = self.balances[key]
                row = {
                    "p": b.product_id, "w": b.warehouse_id, "on_hand": b.position.on_hand, "value": b.position.value,
                    "avg_cost": b.position.avg_cost, "reserved": b.reserved, "on_order": b.on_order,
                    "last_at": b.last_key[0] if b.last_key else None, "last_id": b.last_key[1] if b.last_key else None,
                }
                (old if key in self.known_balances else new).append(row)
            if new:
                for row in new:
                    row["product_id"], row["warehouse_id"] = row.pop("p"), row.pop("w")
                self.conn.execute(insert(t.balances), new)
            if old:
                c = t.balances.c
                self.conn.execute(
                    update(t.balances).where(c.product_id == bindparam("p"), c.warehouse_id == bindparam("w")), old
                )
            self.known_balances |= self.dirty
            self.dirty = set()


def _movement(row) -> Movement:
    return Movement(
        id=row.id, kind=MovementKind(row.kind), product_id=row.product_id, warehouse_id=row.warehouse_id,
        qty=row.qty, occurred_at=row.occurred_at, recorded_at=row.recorded_at, unit_cost=row.unit_cost,
        transfer_id=row.transfer_id, reverses_id=row.reverses_id, source_type=row.source_type,
        source_ref=row.source_ref, note=row.note, user=row.user, device_id=row.device_id,
    )


def _valuation(row) -> Valuation | None:
    if row.value is None:
        return None
    return Valuation(row.value, Position(row.on_hand_after, row.value_after, row.avg_after))


def _value_row(movement_id: str, v: Valuation) -> dict:
    return {
        "movement_id": movement_id, "value": v.value, "on_hand_after": v.after.on_hand,
        "value_after": v.after.value, "avg_after": v.after.avg_cost,
    }


class MovementRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer
        self.conn = buffer.conn

    def add(self, movement: Movement, valuation: Valuation) -> None:
        m = movement
        self.buf.movements.append({
            "id": m.id, "kind": m.kind.value, "product_id": m.product_id, "warehouse_id": m.warehouse_id,
            "qty": m.qty, "unit_cost": m.unit_cost, "occurred_at": m.occurred_at, "recorded_at": m.recorded_at,
            "transfer_id": m.transfer_id, "reverses_id": m.reverses_id, "source_type": m.source_type,
            "source_ref": m.source_ref, "note": m.note, "user": m.user, "device_id": m.device_id,
        })
        self.buf.values.append(_value_row(m.id, valuation))

    def _select(self):
        mv, vals = t.movements, t.movement_values
        return select(mv, vals.c.value, vals.c.on_hand_after, vals.c.value_after, vals.c.avg_after).select_from(
            mv.outerjoin(vals, vals.c.movement_id == mv.c.id)
        )

    def get(self, movement_id: str) -> Movement | None:
        self.buf.flush()
        row = self.conn.execute(self._select().where(t.movements.c.id == movement_id)).first()
        return _movement(row) if row else None

    def valuation(self, movement_id: str) -> Valuation | None:
        self.buf.flush()
        row = self.conn.execute(self._select().where(t.movements.c.id == movement_id)).first()
        return _valuation(row) if row else None

    def reversal_of(self, movement_id: str) -> str | None:
        self.buf.flush()
        return self.conn.execute(select(t.movements.c.id).where(t.movements.c.reverses_id == movement_id)).scalar()

    def transfer_legs(self, transfer_id: str) -> list[Movement]:
        self.buf.flush()
        c = t.movements.c
        rows = self.conn.execute(self._select().where(c.transfer_id == transfer_id, c.kind != "reversal"))
        return [_movement(r) for r in rows]

    def _pair(self, product_id: str, warehouse_id: str):
        c = t.movements.c
        return and_(c.product_id == product_id, c.warehouse_id == warehouse_id)

    def position_before(self, product_id: str, warehouse_id: str, key: Key) -> Position:
        self.buf.flush()
        c = t.movements.c
        row = self.conn.execute(
            self._select()
            .where(self._pair(product_id, warehouse_id),
                   or_(c.occurred_at < key[0], and_(c.occurred_at == key[0], c.id < key[1])))
            .order_by(c.occurred_at.desc(), c.id.desc())
            .limit(1)
        ).first()
        if row is None or row.value is None:
            return Position()
        return Position(row.on_hand_after, row.value_after, row.avg_after)

    def history_from(self, product_id: str, warehouse_id: str, key: Key) -> list[tuple[Movement, Valuation | None]]:
        self.buf.flush()
        c = t.movements.c
        rows = self.conn.execute(
            self._select()
            .where(self._pair(product_id, warehouse_id),
                   or_(c.occurred_at > key[0], and_(c.occurred_at == key[0], c.id >= key[1])))
            .order_by(c.occurred_at, c.id)
        )
        return [(_movement(r), _valuation(r)) for r in rows]

    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None:
        self.buf.flush()
        rows = [{"mid": mid, "value": v.value, "on_hand_after": v.after.on_hand, "value_after": v.after.value,
                 "avg_after": v.after.avg_cost} for mid, v in items]
        if rows:
            c = t.movement_values.c
            self.conn.execute(update(t.movement_values).where(c.movement_id == bindparam("mid")), rows)


class BalanceRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer

    def get(self, product_id: str, warehouse_id: str) -> Balance:
        key = (product_id, warehouse_id)
        cached = self.buf.balances.get(key)
        if cached is not None:
            return cached
        c = t.balances.c
        row = self.buf.conn.execute(
            select(t.balances).where(c.product_id == product_id, c.warehouse_id == warehouse_id)
        ).first()
        if row is None:
            balance = Balance(product_id, warehouse_id)
        else:
            self.buf.known_balances.add(key)
            balance = Balance(
                product_id, warehouse_id, Position(row.on_hand, row.value, row.avg_cost),
                (row.last_at, row.last_id) if row.last_id else None, row.reserved, row.on_order,
            )
        self.buf.balances[key] = balance
        return balance

    def put(self, balance: Balance) -> None:
        key = (balance.product_id, balance.warehouse_id)
        self.buf.balances[key] = balance
        self.buf.dirty.add(key)


def _product(row, codes: list[str]) -> Product:
    return Product(
        id=row.id, sku=row.sku, name=row.name, unit=row.unit, category=row.category, pack_size=row.pack_size,
        active=row.active, min_level=row.min_level, max_level=row.max_level, barcodes=codes,
        device_id=row.device_id, version=row.version,
    )


class ProductRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._by_sku: dict[str, Product | None] = {}
        self._by_id: dict[str, Product] = {}

    def _load(self, where) -> Product | None:
        row = self.conn.execute(select(t.products).where(where)).first()
        if row is None:
            return None
        codes = list(self.conn.execute(select(t.barcodes.c.barcode).where(t.barcodes.c.product_id == row.id)).scalars())
        product = _product(row, codes)
        self._by_sku[product.sku] = product
        self._by_id[product.id] = product
        return product

    def add(self, product: Product) -> None:
        values = {k: getattr(product, k) for k in (
            "id", "sku", "name", "unit", "category", "pack_size", "active", "min_level", "max_level",
            "device_id", "version")}
        self.conn.execute(insert(t.products).values(**values))
        if product.barcodes:
            self.conn.execute(insert(t.barcodes), [{"barcode": b, "product_id": product.id} for b in product.barcodes])
        self._by_sku[product.sku] = product
        self._by_id[product.id] = product

    def update(self, product: Product) -> None:
        values = {k: getattr(product, k) for k in (
            "name", "unit", "category", "pack_size", "active", "min_level", "max_level", "version")}
        self.conn.execute(update(t.products).where(t.products.c.id == product.id).values(**values))
        self.conn.execute(t.barcodes.delete().where(t.barcodes.c.product_id == product.id))
        if product.barcodes:
            self.conn.execute(insert(t.barcodes), [{"barcode": b, "product_id": product.id} for b in product.barcodes])
        self._by_sku[product.sku] = product
        self._by_id[product.id] = product

    def get(self, product_id: str) -> Product | None:
        if product_id in self._by_id:
            return self._by_id[product_id]
        return self._load(t.products.c.id == product_id)

    def by_sku(self, sku: str) -> Product | None:
        if sku in self._by_sku:
            return self._by_sku[sku]
        product = self._load(t.products.c.sku == sku)
        if product is None:
            self._by_sku[sku] = None
        return product

    def by_barcode(self, barcode: str) -> Product | None:
        pid = self.conn.execute(select(t.barcodes.c.product_id).where(t.barcodes.c.barcode == barcode)).scalar()
        return self.get(pid) if pid else None


class _ByCode:
    """A cached code → record repository for small master-data tables."""

    table = t.warehouses
    make = staticmethod(lambda row: row)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple[str, str], object] = {}

    def _one(self, column: str, value: str):
        key = (column, value)
        if key not in self._cache:
            row = self.conn.execute(select(self.table).where(self.table.c[column] == value)).first()
            self._cache[key] = self.make(row) if row else None
        return self._cache[key]

    def _insert(self, record) -> None:
        columns = [c.name for c in self.table.columns]
        self.conn.execute(insert(self.table).values(**{c: getattr(record, c) for c in columns}))
        self._cache[("id", record.id)] = record
        self._cache[("code", record.code)] = record

    def get(self, record_id: str):
        return self._one("id", record_id)

    def by_code(self, code: str):
        return self._one("code", code)

    def add(self, record) -> None:
        self._insert(record)


class WarehouseRepository(_ByCode):
    table = t.warehouses
    make = staticmethod(lambda r: Warehouse(r.id, r.code, r.name, r.allow_negative, r.address, r.device_id, r.version))


class CustomerRepository(_ByCode):
    table = t.customers
    make = staticmethod(lambda r: Customer(r.id, r.code, r.name, r.contact, r.device_id, r.version))


class SupplierRepository(_ByCode):
    table = t.suppliers
    make = staticmethod(lambda r: Supplier(r.id, r.code, r.name, r.contact, r.currency, r.lead_time_days,
                                           r.address, r.device_id, r.version))

    def terms_for(self, supplier_id: str, product_id: str) -> SupplierTerms | None:
        c = t.supplier_terms.c
        r = self.conn.execute(
            select(t.supplier_terms).where(c.supplier_id == supplier_id, c.product_id == product_id)
        ).first()
        if r is None:
            return None
        return SupplierTerms(r.id, r.supplier_id, r.product_id, r.supplier_sku, r.unit_price, r.moq,
                             r.order_multiple, r.lead_time_days, r.device_id, r.version)

    def add_terms(self, terms: SupplierTerms) -> None:
        c = t.supplier_terms.c
        self.conn.execute(t.supplier_terms.delete().where(c.id == terms.id))
        columns = [col.name for col in t.supplier_terms.columns]
        self.conn.execute(insert(t.supplier_terms).values(**{k: getattr(terms, k) for k in columns}))
