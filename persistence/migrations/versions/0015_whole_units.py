"""products.whole_units: a product counted in whole units (pcs, 个, 箱) refuses a fractional quantity
(domain.catalog.units). Existing products count in whole units only when nothing held about them is
fractional (a movement, a balance, a document, order or invoice line, a count, a pack size, a level, an order
quantity, a closed month's stock, unfilled demand) and their unit is not a measure such as kg or 米; every other
product keeps accepting decimals, so no record already written becomes one the rules refuse

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SCALE = 10**4  # quantities are kept as value × 10**4 (persistence.types.Scaled, tables.QTY)

# Every quantity of a product the schema of 0014 holds: (table, column naming the product, quantity columns).
# Derived tables (movement_values, stock_months, forecast_cache) follow from the movements and are left out; held
# documents are unposted forms whose posting checks everything again.
QUANTITIES = (
    ("products", "id", ("pack_size", "min_level", "max_level")),
    ("movements", "product_id", ("qty",)),
    ("balances", "product_id", ("on_hand", "reserved", "on_order")),
    ("document_lines", "product_id", ("qty", "counted", "expected")),
    ("supplier_terms", "product_id", ("moq", "order_multiple")),
    ("supplier_term_details", "product_id", ("pack_size",)),
    ("supplier_price_breaks", "product_id", ("min_qty",)),
    ("purchase_order_lines", "product_id", ("qty", "received", "pack_size")),
    ("sales_order_lines", "product_id", ("qty", "shipped", "cancelled", "returned")),
    ("sales_lines", "product_id", ("qty",)),
    ("supplier_invoice_lines", "product_id", ("qty",)),
    ("period_stock", "product_id", ("qty",)),
    ("unfilled_demand", "product_id", ("qty",)),
)

# The units of measure as this release knows them (frozen here: a later change to domain.catalog.units must not
# change what this migration did), compared without regard to case and surrounding spaces.
MEASURE_UNITS = frozenset({
    "kg", "kgs", "kilo", "kilogram", "kilograms", "g", "gram", "grams", "mg", "t", "ton", "tons", "tonne", "tonnes",
    "lb", "lbs", "oz", "千克", "公斤", "克", "毫克", "吨", "斤", "两", "市斤",
    "m", "meter", "meters", "metre", "metres", "cm", "mm", "km", "in", "inch", "ft", "foot", "feet", "yd", "yard",
    "yards", "米", "厘米", "毫米", "公里", "千米", "尺", "寸", "码",
    "m2", "m²", "sqm", "sq m", "ft2", "sq ft", "平方米", "平米", "㎡", "亩",
    "l", "liter", "liters", "litre", "litres", "ml", "cl", "m3", "m³", "cbm", "gal", "gallon", "升", "毫升", "立方米",
    "立方", "方",
    "h", "hr", "hour", "hours", "小时",
})


def fractional_products(conn) -> set[str]:
    """The ids of the products with a fractional quantity anywhere in ``QUANTITIES``."""
    found: set[str] = set()
    for table, product, columns in QUANTITIES:
        where = " OR ".join(f"{c} % {SCALE} != 0" for c in columns)
        found.update(r[0] for r in conn.execute(sa.text(f"SELECT DISTINCT {product} FROM {table} WHERE {where}")))
    return found


def upgrade() -> None:
    # a plain ALTER TABLE (SQLite 3.35 on): a batch would rebuild products, which every table points at
    op.add_column("products", sa.Column("whole_units", sa.Boolean(), nullable=False, server_default=sa.false()))
    conn = op.get_bind()
    fractional = fractional_products(conn)
    whole = [pid for pid, unit in conn.execute(sa.text("SELECT id, unit FROM products"))
             if pid not in fractional and (unit or "").strip().casefold() not in MEASURE_UNITS]
    if whole:
        conn.execute(sa.text("UPDATE products SET whole_units = :yes WHERE id = :id"),
                     [{"yes": True, "id": pid} for pid in whole])


def downgrade() -> None:
    op.drop_column("products", "whole_units")
