"""account_items.fx_currency, fx_amount, fx_rate: a payment to (or refund from) a supplier in a foreign currency is
kept as it was typed, its amount in the supplier's currency and the rate it was converted at, beside its amount in
the company currency; so what it paid in the currency is never worked back from the cents. The exchange difference
booked when it settles a document whole in the currency is an item of its own kind (``exchange_difference``, 汇兑损益),
which needs no column.

Existing items keep NULL: money recorded before was typed in the company currency, and is read at the rate of its
day as before.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLEs: a batch would rebuild account_items, which allocations and account_open point at
    op.add_column("account_items", sa.Column("fx_currency", sa.String(3), nullable=True))
    op.add_column("account_items", sa.Column("fx_amount", sa.BigInteger(), nullable=True))
    op.add_column("account_items", sa.Column("fx_rate", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    for name in ("fx_rate", "fx_amount", "fx_currency"):
        op.drop_column("account_items", name)
