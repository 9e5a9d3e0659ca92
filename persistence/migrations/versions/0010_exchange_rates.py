"""exchange rates: rates per currency and date, a rate fixed on a PO, the rate a receipt used

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint("currency", "valid_from", name=op.f("uq_exchange_rates_currency_valid_from")),
    )
    # nullable columns: SQLite adds them without rebuilding the tables, existing rows read NULL
    op.add_column("purchase_orders", sa.Column("fx_rate", sa.BigInteger(), nullable=True))
    op.add_column("movements", sa.Column("fx_currency", sa.String(length=3), nullable=True))
    op.add_column("movements", sa.Column("fx_unit_price", sa.BigInteger(), nullable=True))
    op.add_column("movements", sa.Column("fx_rate", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE … DROP COLUMN (SQLite 3.35 and PostgreSQL): a batch rebuild of movements would drop a
    # table that movement_values points at, which SQLite's foreign keys refuse
    for column in ("fx_rate", "fx_unit_price", "fx_currency"):
        op.drop_column("movements", column)
    op.drop_column("purchase_orders", "fx_rate")
    op.drop_table("exchange_rates")
