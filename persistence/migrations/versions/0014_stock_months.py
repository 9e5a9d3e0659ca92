"""stock_months: the ledger's running position and flow counters per month, for the reports (filled when a report
asks; the ledger's flush and the recompute after a pull mark the months a change reaches); and the rule of a sync
conflict as data (sync_conflicts.rule_code, rule_params: a code of persistence.sync.rules and its values, JSON), so
the window says it in its reader's language (NULL in conflicts kept before: their English is shown)

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

FLOW_NAMES = ("receipt", "customer_return", "transfer_in", "sale", "shipment", "supplier_return", "transfer_out",
              "adjustment", "count")

def upgrade() -> None:
    op.create_table(
        "stock_months",
        sa.Column("kind", sa.String(length=9), nullable=False),
        sa.Column("warehouse_id", sa.String(length=36), nullable=False),
        sa.Column("next_month", sa.String(length=7), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        *(sa.Column(f"{flow}_{part}", sa.BigInteger(), nullable=False)
          for flow in FLOW_NAMES for part in ("n", "qty", "value")),
        sa.PrimaryKeyConstraint("kind", "warehouse_id", "next_month", "product_id", name=op.f("pk_stock_months")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "stock_months_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("utc_offset", sa.Integer(), nullable=False),
        sa.Column("merges", sa.String(length=40), nullable=False),
        sa.Column("filled_through", sa.String(length=7), nullable=True),
        sa.Column("filled_end", sa.BigInteger(), nullable=True),
        sa.Column("dirty_from", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_months_state")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:  # the rule a conflict was settled by
        batch_op.add_column(sa.Column("rule_code", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("rule_params", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_column("rule_params")
        batch_op.drop_column("rule_code")
    op.drop_table("stock_months_state")
    op.drop_table("stock_months")
