"""product planning: a product's own service target and review period

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product_planning",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("service_target", sa.BigInteger(), nullable=True),
        sa.Column("review_days", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_product_planning_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_product_planning")),
    )


def downgrade() -> None:
    op.drop_table("product_planning")
