"""users, unfilled demand, forecast cache

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "unfilled_demand",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse_id", sa.String(length=36), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", sa.BigInteger(), nullable=False),
        sa.Column("recorded_at", sa.BigInteger(), nullable=False),
        sa.Column("customer", sa.String(length=32), nullable=False),
        sa.Column("source_ref", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_unfilled_demand_product_id_products")),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouses.id"],
                                name=op.f("fk_unfilled_demand_warehouse_id_warehouses")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unfilled_demand")),
    )
    op.create_index(op.f("ix_unfilled_demand_product_id_occurred_at"), "unfilled_demand",
                    ["product_id", "occurred_at"], unique=False)
    op.create_table(
        "forecast_cache",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("history_key", sa.String(length=64), nullable=False),
        sa.Column("computed_at", sa.BigInteger(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_forecast_cache_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", "scope", name=op.f("pk_forecast_cache")),
    )


def downgrade() -> None:
    op.drop_table("forecast_cache")
    op.drop_index(op.f("ix_unfilled_demand_product_id_occurred_at"), table_name="unfilled_demand")
    op.drop_table("unfilled_demand")
    op.drop_table("users")
