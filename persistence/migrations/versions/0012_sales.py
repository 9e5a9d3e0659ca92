"""sales: prices, customer terms, substitutes, sales orders and the money side of sales documents

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_prices",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_prices_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_customer_prices_product_id_products")),
        sa.PrimaryKeyConstraint("customer_id", "product_id", name=op.f("pk_customer_prices")),
    )
    op.create_table(
        "customer_profiles",
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("price_level", sa.String(length=16), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.Column("payment_terms", sa.String(length=500), nullable=False),
        sa.Column("payment_days", sa.Integer(), nullable=False),
        sa.Column("credit_limit", sa.BigInteger(), nullable=True),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_profiles_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_profiles")),
    )
    op.create_table(
        "product_prices",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_product_prices_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", "level", name=op.f("pk_product_prices")),
    )
    op.create_table(
        "product_sales",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("tax_rate", sa.BigInteger(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_product_sales_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_product_sales")),
    )
    op.create_table(
        "product_substitutes",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("substitute_id", sa.String(length=36), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_product_substitutes_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["substitute_id"], ["products.id"], name=op.f("fk_product_substitutes_substitute_id_products")
        ),
        sa.PrimaryKeyConstraint("product_id", "substitute_id", name=op.f("pk_product_substitutes")),
    )
    op.create_table(
        "sales_orders",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("confirmed_at", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", sa.BigInteger(), nullable=True),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_sales_orders_customer_id_customers")),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_sales_orders_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_orders_number")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_sales_orders_year_seq")),
    )
    with op.batch_alter_table("sales_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_orders_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_orders_state"), ["state"], unique=False)

    op.create_table(
        "sales_order_lines",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("so_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse_id", sa.String(length=36), nullable=True),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("shipped", sa.BigInteger(), nullable=False),
        sa.Column("cancelled", sa.BigInteger(), nullable=False),
        sa.Column("returned", sa.BigInteger(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.Column("tax_rate", sa.BigInteger(), nullable=False),
        sa.Column("price_source", sa.String(length=16), nullable=False),
        sa.Column("override_user", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_sales_order_lines_product_id_products")),
        sa.ForeignKeyConstraint(["so_id"], ["sales_orders.id"], name=op.f("fk_sales_order_lines_so_id_sales_orders")),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_sales_order_lines_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order_lines")),
        sa.UniqueConstraint("so_id", "line_no", name=op.f("uq_sales_order_lines_so_id_line_no")),
    )
    with op.batch_alter_table("sales_order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_order_lines_product_id"), ["product_id"], unique=False)

    op.create_table(
        "sales_lines",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("order_line_id", sa.String(length=36), nullable=True),
        sa.Column("origin_document_id", sa.String(length=36), nullable=True),
        sa.Column("origin_line_no", sa.Integer(), nullable=True),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.BigInteger(), nullable=False),
        sa.Column("tax_rate", sa.BigInteger(), nullable=False),
        sa.Column("revenue", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("margin", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_sales_lines_customer_id_customers")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_sales_lines_document_id_documents")),
        sa.ForeignKeyConstraint(
            ["order_line_id"], ["sales_order_lines.id"], name=op.f("fk_sales_lines_order_line_id_sales_order_lines")
        ),
        sa.ForeignKeyConstraint(
            ["origin_document_id"], ["documents.id"], name=op.f("fk_sales_lines_origin_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_sales_lines_product_id_products")),
        sa.PrimaryKeyConstraint("document_id", "line_no", name=op.f("pk_sales_lines")),
    )
    with op.batch_alter_table("sales_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_lines_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sales_lines_customer_id_product_id_occurred_at"),
            ["customer_id", "product_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_sales_lines_order_line_id"), ["order_line_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sales_lines_origin_document_id_origin_line_no"),
            ["origin_document_id", "origin_line_no"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("sales_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_lines_origin_document_id_origin_line_no"))
        batch_op.drop_index(batch_op.f("ix_sales_lines_order_line_id"))
        batch_op.drop_index(batch_op.f("ix_sales_lines_customer_id_product_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_sales_lines_customer_id"))

    op.drop_table("sales_lines")
    with op.batch_alter_table("sales_order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_order_lines_product_id"))

    op.drop_table("sales_order_lines")
    with op.batch_alter_table("sales_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_orders_state"))
        batch_op.drop_index(batch_op.f("ix_sales_orders_customer_id"))

    op.drop_table("sales_orders")
    op.drop_table("product_substitutes")
    op.drop_table("product_sales")
    op.drop_table("product_prices")
    op.drop_table("customer_profiles")
    op.drop_table("customer_prices")
