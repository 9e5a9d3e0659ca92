"""accounts: open items, allocations (and the derived open amounts, account_open), supplier invoices, payment methods,
period close

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("side", sa.String(length=2), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.String(length=36), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("reverses_id", sa.String(length=36), nullable=True),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["account_items.id"], name=op.f("fk_account_items_reverses_id_account_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_items")),
    )
    with op.batch_alter_table("account_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_items_business_date"), ["business_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_items_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_items_reverses_id"), ["reverses_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_account_items_side_partner_id_business_date"),
            ["side", "partner_id", "business_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_account_items_source_id"), ["source_id"], unique=False)

    op.create_table(
        "payment_methods",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_payment_methods")),
    )
    op.create_table(
        "period_balances",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("side", sa.String(length=2), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "side", "partner_id", name=op.f("pk_period_balances")),
    )
    op.create_table(
        "period_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period_events")),
    )
    with op.batch_alter_table("period_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_events_month"), ["month"], unique=False)

    op.create_table(
        "periods",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.BigInteger(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_periods")),
    )
    op.create_table(
        "allocations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("debit_item_id", sa.String(length=36), nullable=False),
        sa.Column("credit_item_id", sa.String(length=36), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("undoes_id", sa.String(length=36), nullable=True),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["credit_item_id"], ["account_items.id"], name=op.f("fk_allocations_credit_item_id_account_items")
        ),
        sa.ForeignKeyConstraint(
            ["debit_item_id"], ["account_items.id"], name=op.f("fk_allocations_debit_item_id_account_items")
        ),
        sa.ForeignKeyConstraint(["undoes_id"], ["allocations.id"], name=op.f("fk_allocations_undoes_id_allocations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allocations_credit_item_id"), ["credit_item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_allocations_debit_item_id"), ["debit_item_id"], unique=False)
        batch_op.create_index(
            "ix_allocations_after_day", ["business_date", "debit_item_id", "credit_item_id", "amount"], unique=False
        )

    op.create_table(
        "account_open",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("side", sa.String(length=2), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("open", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["account_items.id"], name=op.f("fk_account_open_item_id_account_items")),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_account_open")),
    )
    with op.batch_alter_table("account_open", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_open_side_partner_id_due_on_business_date_open"),
            ["side", "partner_id", "due_on", "business_date", "open"],
            unique=False,
        )

    op.create_table(
        "period_stock",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse_id", sa.String(length=36), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_period_stock_product_id_products")),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouses.id"], name=op.f("fk_period_stock_warehouse_id_warehouses")
        ),
        sa.PrimaryKeyConstraint("month", "product_id", "warehouse_id", name=op.f("pk_period_stock")),
    )
    op.create_table(
        "supplier_invoices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("supplier_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("po_id", sa.String(length=36), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("reversed", sa.Boolean(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["po_id"], ["purchase_orders.id"], name=op.f("fk_supplier_invoices_po_id_purchase_orders")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_supplier_invoices_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_invoices")),
        sa.UniqueConstraint("supplier_id", "number", name=op.f("uq_supplier_invoices_supplier_id_number")),
    )
    with op.batch_alter_table("supplier_invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_invoices_supplier_id"), ["supplier_id"], unique=False)

    op.create_table(
        "supplier_invoice_lines",
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("receipt_document_id", sa.String(length=36), nullable=True),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["supplier_invoices.id"],
            name=op.f("fk_supplier_invoice_lines_invoice_id_supplier_invoices"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_supplier_invoice_lines_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["receipt_document_id"],
            ["documents.id"],
            name=op.f("fk_supplier_invoice_lines_receipt_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("invoice_id", "line_no", name=op.f("pk_supplier_invoice_lines")),
    )
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:  # a refusal's reason as data
        batch_op.add_column(sa.Column("code", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("params", sa.Text(), nullable=False, server_default=""))

    with op.batch_alter_table("customer_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_basis", sa.String(length=16), nullable=False, server_default="net"))

    with op.batch_alter_table("supplier_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_days", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("payment_basis", sa.String(length=16), nullable=False, server_default="net"))


def downgrade() -> None:
    with op.batch_alter_table("supplier_profiles", schema=None) as batch_op:
        batch_op.drop_column("payment_basis")
        batch_op.drop_column("payment_days")

    with op.batch_alter_table("customer_profiles", schema=None) as batch_op:
        batch_op.drop_column("payment_basis")

    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("code")

    op.drop_table("supplier_invoice_lines")
    with op.batch_alter_table("supplier_invoices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_invoices_supplier_id"))

    op.drop_table("supplier_invoices")
    op.drop_table("period_stock")
    with op.batch_alter_table("account_open", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_open_side_partner_id_due_on_business_date_open"))

    op.drop_table("account_open")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index("ix_allocations_after_day")
        batch_op.drop_index(batch_op.f("ix_allocations_debit_item_id"))
        batch_op.drop_index(batch_op.f("ix_allocations_credit_item_id"))

    op.drop_table("allocations")
    op.drop_table("periods")
    with op.batch_alter_table("period_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_events_month"))

    op.drop_table("period_events")
    op.drop_table("period_balances")
    op.drop_table("payment_methods")
    with op.batch_alter_table("account_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_items_source_id"))
        batch_op.drop_index(batch_op.f("ix_account_items_side_partner_id_business_date"))
        batch_op.drop_index(batch_op.f("ix_account_items_reverses_id"))
        batch_op.drop_index(batch_op.f("ix_account_items_number"))
        batch_op.drop_index(batch_op.f("ix_account_items_business_date"))

    op.drop_table("account_items")
