"""product_units and product_unit_barcodes: a product's packaging units (箱, 盒, carton), each holding ``per`` base
units (a Scaled(4) quantity, stored as an integer like every quantity), with barcodes of their own. Scanning one
counts ``per`` of the product; the ledger stays in base units. No existing row changes; the backup before the
upgrade is the one every upgrade takes (``persistence.db``).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product_units",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=16), nullable=False),
        sa.Column("per", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_product_units_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_units")),
        sa.UniqueConstraint("product_id", "name", name=op.f("uq_product_units_product_id_name")),
    )
    op.create_index(op.f("ix_product_units_product_id"), "product_units", ["product_id"])
    op.create_table(
        "product_unit_barcodes",
        sa.Column("barcode", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["product_units.id"],
                                name=op.f("fk_product_unit_barcodes_unit_id_product_units")),
        sa.PrimaryKeyConstraint("barcode", name=op.f("pk_product_unit_barcodes")),
    )
    op.create_index(op.f("ix_product_unit_barcodes_unit_id"), "product_unit_barcodes", ["unit_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_product_unit_barcodes_unit_id"), table_name="product_unit_barcodes")
    op.drop_table("product_unit_barcodes")
    op.drop_index(op.f("ix_product_units_product_id"), table_name="product_units")
    op.drop_table("product_units")
