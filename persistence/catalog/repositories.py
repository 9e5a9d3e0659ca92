"""The catalog's repositories over one SQLAlchemy connection: products, warehouses, customers, suppliers.

Master data is cached per unit of work. As in ``persistence.stock.repositories`` (see tests/benchmarks),
the statements that run once per movement or per transaction are built once, here, with bind parameters.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update

from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.catalog.model import Supplier
from domain.catalog.model import SupplierTerms
from domain.catalog.model import Warehouse
from domain.catalog.units import HeldFraction
from domain.kernel.validate import code_key
from domain.kernel.validate import normal_code
from persistence import tables as t
from persistence.reads import chunks
from persistence.stock import merged

_P, _BC = t.products, t.barcodes
_PRODUCT_BY = {col: select(_P).where(_P.c[col] == bindparam("v")) for col in ("id", "sku")}
_BARCODES_OF = select(_BC.c.barcode).where(_BC.c.product_id == bindparam("p"))
_PRODUCT_OF_BARCODE = select(_BC.c.product_id).where(_BC.c.barcode == bindparam("b"))
# Codes are compared without regard to ASCII case (domain.kernel.validate.code_key). No index serves that (no
# migration may add one): a few lookups scan the table by lower() (SQLite folds ASCII only, as code_key
# does); after that the unit of work reads every SKU and barcode once and answers from those maps
# (see ProductRepository._folded).
_PRODUCT_BY_FOLDED = select(_P.c.id).where(func.lower(_P.c.sku) == bindparam("v")).limit(1)
_PRODUCT_OF_FOLDED_BARCODE = select(_BC.c.product_id).where(func.lower(_BC.c.barcode) == bindparam("b")).limit(1)
_ALL_SKUS = select(_P.c.id, _P.c.sku)
_ALL_BARCODES = select(_BC.c.barcode, _BC.c.product_id)
SCANS_BEFORE_MAPS = 8
_T = t.supplier_terms
_TERMS_FOR = select(_T).where(_T.c.supplier_id == bindparam("s"), _T.c.product_id == bindparam("p"))
_TERMS_DELETE = _T.delete().where(_T.c.id == bindparam("tid"))
# Read-ahead statements (imports): one query per chunk of codes or products.
_PRODUCTS_IN = {col: select(_P).where(_P.c[col].in_(bindparam("v", expanding=True))) for col in ("id", "sku")}
_BARCODES_IN = select(_BC.c.barcode, _BC.c.product_id).where(_BC.c.barcode.in_(bindparam("v", expanding=True)))
_BARCODES_OF_IN = select(_BC.c.barcode, _BC.c.product_id).where(_BC.c.product_id.in_(bindparam("v", expanding=True)))

# What a product still holds in a fraction (domain.catalog.units.HeldFraction), one statement per kind, first found
# first. Quantities are stored as value × 10**4 (tables.QTY), so a fraction is a stored value not divisible by 10**4.
_FRACTIONS = tuple((kind, text(sql)) for kind, sql in (
    ("stock", "SELECT w.code, b.on_hand FROM balances b JOIN warehouses w ON w.id = b.warehouse_id "
              "WHERE b.product_id = :p AND b.on_hand % 10000 != 0 ORDER BY w.code LIMIT 1"),
    ("purchase_order", "SELECT COALESCE(o.number, o.id), l.qty - l.received FROM purchase_order_lines l "
                       "JOIN purchase_orders o ON o.id = l.po_id WHERE l.product_id = :p "
                       "AND o.state IN ('draft', 'issued', 'partly_received') AND l.qty > l.received "
                       "AND (l.qty - l.received) % 10000 != 0 ORDER BY o.created_at, l.line_no LIMIT 1"),
    ("sales_order", "SELECT COALESCE(o.number, o.id), l.qty - l.shipped - l.cancelled FROM sales_order_lines l "
                    "JOIN sales_orders o ON o.id = l.so_id WHERE l.product_id = :p "
                    "AND o.state IN ('draft', 'confirmed', 'partly_shipped') AND l.qty > l.shipped + l.cancelled "
                    "AND (l.qty - l.shipped - l.cancelled) % 10000 != 0 ORDER BY o.created_at, l.line_no LIMIT 1"),
    ("supplier_terms", "SELECT s.code, CASE WHEN st.moq % 10000 != 0 THEN st.moq ELSE st.order_multiple END "
                       "FROM supplier_terms st JOIN suppliers s ON s.id = st.supplier_id WHERE st.product_id = :p "
                       "AND (st.moq % 10000 != 0 OR st.order_multiple % 10000 != 0) ORDER BY s.code LIMIT 1"),
    ("supplier_terms", "SELECT s.code, d.pack_size FROM supplier_term_details d JOIN suppliers s "
                       "ON s.id = d.supplier_id WHERE d.product_id = :p AND d.pack_size % 10000 != 0 "
                       "ORDER BY s.code LIMIT 1"),
))


@functools.cache
def _insert(table):
    """One ``INSERT`` statement per table, run with a row of parameters (bulk master data)."""
    return insert(table)


def _product(row, codes: list[str]) -> Product:
    return Product(
        id=row.id, sku=row.sku, name=row.name, unit=row.unit, category=row.category, pack_size=row.pack_size,
        active=row.active, min_level=row.min_level, max_level=row.max_level, barcodes=codes,
        whole_units=row.whole_units, device_id=row.device_id, version=row.version,
    )


class ProductRepository:
    """Products by id, SKU or barcode; SKUs and barcodes are found whatever their ASCII case (``code_key``).

    An exact lookup goes by the index. When one misses, the code is looked for in another case by a scan
    of the table (a few ms for 100,000 products; a code that is exactly a barcode needs none, codes being
    one namespace). After ``SCANS_BEFORE_MAPS`` such scans (a bulk load), every SKU and barcode is read
    once into two maps by ``code_key``, kept up to date with what this unit of work writes, and every
    later lookup is answered from them. The unit of work holds the write lock: nobody else changes the
    products meanwhile.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._by_sku: dict[str, Product | None] = {}  # by code_key
        self._by_id: dict[str, Product] = {}
        # barcode's code_key → product id (None: no product) for the barcodes read ahead or written here
        self._by_barcode: dict[str, str | None] = {}
        self._pending: list[Product] | None = None  # inside ``adding_in_bulk``: products not yet inserted
        self._folded_maps: tuple[dict[str, str], dict[str, str]] | None = None  # code_key → id: SKUs, barcodes
        self._scans = 0

    def _folded(self) -> tuple[dict[str, str], dict[str, str]]:
        """Every SKU and every barcode by ``code_key`` → product id, read once (see the class)."""
        if self._folded_maps is None:
            skus = {code_key(sku): pid for pid, sku in self.conn.execute(_ALL_SKUS)}
            barcodes = {code_key(b): pid for b, pid in self.conn.execute(_ALL_BARCODES)}
            self._folded_maps = skus, barcodes
            for product in self._by_id.values():  # also those added but not yet written (adding_in_bulk)
                self._fold_in(None, product)
        return self._folded_maps

    def _folded_sku(self, value: str) -> str | None:
        """The id of the product whose SKU is ``value`` in another case (after an exact miss)."""
        if self.conn.execute(_PRODUCT_OF_BARCODE, {"b": value}).first() is not None:
            return None  # exactly a barcode, so no product's SKU in any case
        if self._folded_maps is None and self._scans < SCANS_BEFORE_MAPS:
            self._scans += 1
            self._write_pending()
            return self.conn.execute(_PRODUCT_BY_FOLDED, {"v": code_key(value)}).scalar()
        return self._folded()[0].get(code_key(value))

    def _folded_barcode(self, value: str) -> str | None:
        if self._folded_maps is None and self._scans < SCANS_BEFORE_MAPS:
            self._scans += 1
            self._write_pending()
            return self.conn.execute(_PRODUCT_OF_FOLDED_BARCODE, {"b": code_key(value)}).scalar()
        return self._folded()[1].get(code_key(value))

    def _fold_in(self, old: Product | None, product: Product) -> None:
        if self._folded_maps is None:
            return
        skus, barcodes = self._folded_maps
        for code in old.barcodes if old is not None else ():
            if barcodes.get(code_key(code)) == product.id:
                del barcodes[code_key(code)]
        skus[code_key(product.sku)] = product.id
        for code in product.barcodes:
            barcodes[code_key(code)] = product.id

    def _load(self, column: str, value: str) -> Product | None:
        if column == "sku" and self._folded_maps is not None:
            pid = self._folded_maps[0].get(code_key(value))
            return self.get(pid) if pid else None
        self._write_pending()
        row = self.conn.execute(_PRODUCT_BY[column], {"v": value}).first()
        if row is None and column == "sku":
            pid = self._folded_sku(value)
            return self.get(pid) if pid else None
        if row is None:
            return None
        if row.id in self._by_id:
            return self._by_id[row.id]
        codes = list(self.conn.execute(_BARCODES_OF, {"p": row.id}).scalars())
        product = _product(row, codes)
        self._by_sku[code_key(product.sku)] = product
        self._by_id[product.id] = product
        return product

    def add(self, product: Product) -> None:
        if self._pending is not None:
            self._pending.append(product)
        else:
            self._insert([product])
        self._cache(product)

    def _cache(self, product: Product) -> None:
        old = self._by_id.get(product.id)
        self._fold_in(old, product)
        for code in old.barcodes if old is not None else ():
            if self._by_barcode.get(code_key(code)) == product.id:
                self._by_barcode[code_key(code)] = None
        for code in product.barcodes:
            self._by_barcode[code_key(code)] = product.id
        self._by_sku[code_key(product.sku)] = product
        self._by_id[product.id] = product

    _COLUMNS = ("id", "sku", "name", "unit", "category", "pack_size", "active", "min_level", "max_level",
                "whole_units", "device_id", "version")

    def _insert(self, products: list[Product]) -> None:
        self.conn.execute(_insert(t.products), [{k: getattr(p, k) for k in self._COLUMNS} for p in products])
        codes = [{"barcode": b, "product_id": p.id} for p in products for b in p.barcodes]
        if codes:
            self.conn.execute(_insert(t.barcodes), codes)

    def _write_pending(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._insert(pending)

    @contextmanager
    def adding_in_bulk(self) -> Iterator[None]:
        """Inside the block, ``add`` inserts nothing until the block ends (or this repository reads the
        database): then all the added products and their barcodes go in with one statement each.
        Leaving the block by an exception inserts nothing (the unit of work is rolled back anyway)."""
        outer = self._pending
        self._pending = [] if outer is None else outer
        try:
            yield
            if outer is None:
                self._write_pending()
        finally:
            if outer is None:
                self._pending = None

    def preload(self, codes: Iterable[str]) -> None:
        """Read the products whose SKU or barcode is among ``codes`` in a few queries, so that ``by_sku``
        and ``by_barcode`` of these codes need none (a code no product has is remembered as none)."""
        self._write_pending()
        wanted = {code_key(c): normal_code(c) for c in codes if c and normal_code(c)}
        skus = [k for k in wanted if k not in self._by_sku]
        rows = {}
        for chunk in chunks(wanted[k] for k in skus):
            rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["sku"], {"v": chunk}).all())
        found = {code_key(r.sku) for r in rows.values()}
        if any(k not in found for k in skus):  # perhaps there in another case than typed
            folded = self._folded()[0]
            others = [folded[k] for k in skus if k not in found and k in folded]
            for chunk in chunks(pid for pid in others if pid not in self._by_id):
                rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["id"], {"v": chunk}).all())
        # Every code is read ahead as a barcode too: a SKU may not be another product's barcode (catalog), so
        # adding or updating a product asks for its SKU as a barcode.
        barcodes = [k for k in wanted if k not in self._by_barcode]
        owner = {}
        for chunk in chunks(wanted[k] for k in barcodes):
            owner.update((code_key(b), pid) for b, pid in self.conn.execute(_BARCODES_IN, {"v": chunk}).all())
        if any(k not in owner for k in barcodes):
            folded = self._folded()[1]
            owner.update((k, folded[k]) for k in barcodes if k not in owner and k in folded)
        for chunk in chunks(pid for pid in owner.values() if pid not in rows and pid not in self._by_id):
            rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["id"], {"v": chunk}))
        codes_of: dict[str, list[str]] = {pid: [] for pid in rows}
        for chunk in chunks(rows):
            for barcode, pid in self.conn.execute(_BARCODES_OF_IN, {"v": chunk}).all():
                codes_of[pid].append(barcode)
        for pid, row in rows.items():
            if pid not in self._by_id:
                product = _product(row, sorted(codes_of[pid]))
                self._by_sku[code_key(product.sku)] = product
                self._by_id[pid] = product
                for code in product.barcodes:
                    self._by_barcode[code_key(code)] = pid
        for code in skus:
            self._by_sku.setdefault(code, None)
        for code in barcodes:
            self._by_barcode.setdefault(code, owner.get(code))

    def update(self, product: Product) -> None:
        self._write_pending()
        values = {k: getattr(product, k) for k in (
            "name", "unit", "category", "pack_size", "active", "min_level", "max_level", "whole_units", "version")}
        self.conn.execute(update(t.products).where(t.products.c.id == product.id).values(**values))
        self.conn.execute(t.barcodes.delete().where(t.barcodes.c.product_id == product.id))
        if product.barcodes:
            self.conn.execute(insert(t.barcodes), [{"barcode": b, "product_id": product.id} for b in product.barcodes])
        self._cache(product)

    def fraction_held(self, product_id: str) -> HeldFraction | None:
        self._write_pending()
        for kind, statement in _FRACTIONS:
            row = self.conn.execute(statement, {"p": product_id}).first()
            if row is not None:
                return HeldFraction(kind, str(row[0]), Decimal(int(row[1])).scaleb(-4).normalize())
        return None

    def get(self, product_id: str) -> Product | None:
        if product_id in self._by_id:
            return self._by_id[product_id]
        return self._load("id", product_id)

    def by_sku(self, sku: str) -> Product | None:
        key = code_key(sku)
        if key in self._by_sku:
            return self._by_sku[key]
        product = self._load("sku", sku)
        if product is None:
            self._by_sku[key] = None
        return product

    def by_barcode(self, barcode: str) -> Product | None:
        key = code_key(barcode)
        if key in self._by_barcode:
            pid = self._by_barcode[key]
            return self.get(pid) if pid else None
        if self._folded_maps is not None:
            pid = self._folded_maps[1].get(key)
            return self.get(pid) if pid else None
        self._write_pending()
        pid = self.conn.execute(_PRODUCT_OF_BARCODE, {"b": barcode}).scalar() or self._folded_barcode(barcode)
        return self.get(pid) if pid else None


@functools.cache
def _by_column(table, column: str):
    return select(table).where(table.c[column] == bindparam("v"))


class _ByCode:
    """A cached code → record repository for small master-data tables."""

    table = t.warehouses
    make = staticmethod(lambda row: row)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple[str, str], object] = {}  # ("id", id) or ("code", code_key)

    def _one(self, column: str, value: str):
        key = (column, code_key(value) if column == "code" else value)
        if key not in self._cache:
            row = self.conn.execute(_by_column(self.table, column), {"v": value}).first()
            if row is None and column == "code":  # the code in another ASCII case (a small table: a scan)
                row = self.conn.execute(select(self.table).where(func.lower(self.table.c.code) == key[1])
                                        .limit(1)).first()
            self._cache[key] = self.make(row) if row else None
        return self._cache[key]

    def _insert(self, record) -> None:
        columns = [c.name for c in self.table.columns]
        self.conn.execute(_insert(self.table), {c: getattr(record, c) for c in columns})
        self._cache[("id", record.id)] = record
        self._cache[("code", code_key(record.code))] = record

    def get(self, record_id: str):
        return self._one("id", record_id)

    def by_code(self, code: str):
        return self._one("code", code)

    def add(self, record) -> None:
        self._insert(record)


class WarehouseRepository(_ByCode):
    table = t.warehouses
    make = staticmethod(lambda r: Warehouse(r.id, r.code, r.name, r.allow_negative, r.address, r.device_id, r.version))

    def only(self) -> Warehouse | None:
        query = select(self.table).limit(2)
        if merged.any_kept(self.conn, "warehouses"):
            query = query.where(merged.hidden(self.table))
        rows = self.conn.execute(query).all()
        return self.make(rows[0]) if len(rows) == 1 else None


class CustomerRepository(_ByCode):
    table = t.customers
    make = staticmethod(lambda r: Customer(r.id, r.code, r.name, r.contact, r.device_id, r.version))

    def update(self, customer: Customer) -> None:
        values = {k: getattr(customer, k) for k in ("name", "contact", "version")}
        self.conn.execute(update(self.table).where(self.table.c.id == customer.id).values(**values))
        self._cache[("id", customer.id)] = customer
        self._cache[("code", code_key(customer.code))] = customer


class SupplierRepository(_ByCode):
    table = t.suppliers
    make = staticmethod(lambda r: Supplier(r.id, r.code, r.name, r.contact, r.currency, r.lead_time_days,
                                           r.address, r.device_id, r.version))

    def update(self, supplier: Supplier) -> None:
        values = {k: getattr(supplier, k) for k in ("name", "contact", "currency", "lead_time_days", "address",
                                                     "version")}
        self.conn.execute(update(self.table).where(self.table.c.id == supplier.id).values(**values))
        self._cache[("id", supplier.id)] = supplier
        self._cache[("code", code_key(supplier.code))] = supplier

    def terms_for(self, supplier_id: str, product_id: str) -> SupplierTerms | None:
        r = self.conn.execute(_TERMS_FOR, {"s": supplier_id, "p": product_id}).first()
        if r is None:
            return None
        return SupplierTerms(r.id, r.supplier_id, r.product_id, r.supplier_sku, r.unit_price, r.moq,
                             r.order_multiple, r.lead_time_days, r.device_id, r.version)

    def terms_of(self, supplier_id: str) -> list[SupplierTerms]:
        rows = self.conn.execute(select(_T).where(_T.c.supplier_id == supplier_id))
        return [SupplierTerms(r.id, r.supplier_id, r.product_id, r.supplier_sku, r.unit_price, r.moq,
                              r.order_multiple, r.lead_time_days, r.device_id, r.version) for r in rows]

    def add_terms(self, terms: SupplierTerms) -> None:
        self.conn.execute(_TERMS_DELETE, {"tid": terms.id})
        columns = [col.name for col in t.supplier_terms.columns]
        self.conn.execute(_insert(t.supplier_terms), {k: getattr(terms, k) for k in columns})
