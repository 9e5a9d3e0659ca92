"""held documents: a desk's unposted document forms (挂单), kept as the clerk types

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("warehouse", sa.String(length=32), nullable=False),
        sa.Column("to_warehouse", sa.String(length=32), nullable=False),
        sa.Column("partner", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=True),
        sa.Column("po_number", sa.String(length=32), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("saved_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_documents")),
    )
    op.create_index(op.f("ix_held_documents_kind_saved_at"), "held_documents", ["kind", "saved_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_held_documents_kind_saved_at"), table_name="held_documents")
    op.drop_table("held_documents")
