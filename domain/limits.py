"""The longest text each field may hold: one definition, used by the use cases' checks, the
SQLite tables, the hub's tables (the same migrations) and the sync checks on both directions.

``tests/integration/sync/test_field_limits.py`` compares them, so a field cannot be longer in
one place than in another (a reference accepted on a desk and refused by the hub would block
every later push).
"""

from __future__ import annotations

SKU = 64
BARCODE = 64
NAME = 200  # product, warehouse, supplier, customer names
UNIT = 16
CATEGORY = 64
CODE = 32  # warehouse, supplier and customer codes, document numbers, partners
ADDRESS = 500
CONTACT = 200
REFERENCE = 64  # a movement's or document's reference (a delivery note, an order number)
NOTE = 500
USERNAME = 64
SUPPLIER_SKU = 64
REASON = 500

# table.column → limit, for every field a clerk types that the sync carries
FIELDS: dict[str, int] = {
    "products.sku": SKU, "products.name": NAME, "products.unit": UNIT, "products.category": CATEGORY,
    "barcodes.barcode": BARCODE,
    "warehouses.code": CODE, "warehouses.name": NAME, "warehouses.address": ADDRESS,
    "suppliers.code": CODE, "suppliers.name": NAME, "suppliers.contact": CONTACT, "suppliers.address": ADDRESS,
    "customers.code": CODE, "customers.name": NAME, "customers.contact": CONTACT,
    "supplier_terms.supplier_sku": SUPPLIER_SKU,
    "movements.source_ref": REFERENCE, "movements.note": NOTE, "movements.user": USERNAME,
    "unfilled_demand.source_ref": REFERENCE, "unfilled_demand.note": NOTE, "unfilled_demand.customer": CODE,
    "documents.number": CODE, "documents.partner": CODE, "documents.reference": REFERENCE, "documents.note": NOTE,
    "users.username": USERNAME,
    "purchase_orders.reason": REASON,
}
