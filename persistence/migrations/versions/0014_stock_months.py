"""stock_months: the ledger's running position and flow counters per month, for the reports (filled when a report
asks; SQLite triggers mark the months a change reaches)

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

# A movement written before the end of the filled months (posted back-dated, a reversal, pulled by a sync), or the
# values of one there changed (a back-dated replay, the recompute after a pull or a merge): the rows from its month
# on are stale. Only a comparison with the one state row when nothing is filled yet or the movement is newer.
TRIGGERS = (
    """CREATE TRIGGER stock_months_movement AFTER INSERT ON movements
    WHEN NEW.occurred_at < (SELECT filled_end FROM stock_months_state WHERE id = 1)
    BEGIN
        UPDATE stock_months_state SET dirty_from = NEW.occurred_at
        WHERE id = 1 AND (dirty_from IS NULL OR dirty_from > NEW.occurred_at);
    END""",
    """CREATE TRIGGER stock_months_value AFTER UPDATE ON movement_values
    WHEN (OLD.value IS NOT NEW.value OR OLD.on_hand_after IS NOT NEW.on_hand_after
          OR OLD.value_after IS NOT NEW.value_after OR OLD.movement_id IS NOT NEW.movement_id)
     AND (SELECT occurred_at FROM movements WHERE id = NEW.movement_id)
         < (SELECT filled_end FROM stock_months_state WHERE id = 1)
    BEGIN
        UPDATE stock_months_state SET dirty_from = (SELECT occurred_at FROM movements WHERE id = NEW.movement_id)
        WHERE id = 1 AND (dirty_from IS NULL
                          OR dirty_from > (SELECT occurred_at FROM movements WHERE id = NEW.movement_id));
    END""",
)


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
    if op.get_bind().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS stock_months_value")
        op.execute("DROP TRIGGER IF EXISTS stock_months_movement")
    op.drop_table("stock_months_state")
    op.drop_table("stock_months")
