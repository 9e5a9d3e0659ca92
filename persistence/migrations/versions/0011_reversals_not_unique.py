"""movements stay as written through a sync: a movement may carry more than one reversal row (two desks reversed it
offline; the sync keeps both and undoes the later one with movements of its own, see persistence/sync/settle.py), and
a document renumbered by a sync is recorded in movement_refs instead of rewriting its movements' reference

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_UNIQUE = "CONSTRAINT uq_movements_reverses_id UNIQUE (reverses_id)"


def upgrade() -> None:
    op.create_table(
        "movement_refs",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("old_ref", sa.String(length=64), nullable=False),
        sa.Column("new_ref", sa.String(length=64), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "old_ref", name=op.f("pk_movement_refs")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(lambda sql: re.sub(r",\s*" + re.escape(_UNIQUE), "", sql))
    else:
        op.drop_constraint("uq_movements_reverses_id", "movements", type_="unique")
    op.create_index(op.f("ix_movements_reverses_id"), "movements", ["reverses_id"], unique=False)


def downgrade() -> None:
    op.drop_table("movement_refs")
    # refused by the database when a movement holds two reversals (a sync settled a double reversal)
    op.drop_index(op.f("ix_movements_reverses_id"), table_name="movements")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(lambda sql: re.sub(r"\)\s*$", f", \n\t{_UNIQUE}\n)", sql.rstrip()))
    else:
        op.create_unique_constraint("uq_movements_reverses_id", "movements", ["reverses_id"])


def _rebuild(change) -> None:
    """SQLite keeps a UNIQUE constraint in the table's own definition, so movements is rebuilt with ``change`` made
    to it: every row with its rowid (the push position counts rowids), then its indexes.

    Inside the upgrade's one transaction foreign keys stay on, and dropping a table they point at counts every
    row that pointed at it as a violation for good; so the new table points at itself while it is filled and the
    derived movement_values are kept aside while the old table goes.
    """
    conn = op.get_bind()
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'movements'").scalar_one()
    indexes = [row[0] for row in conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements' AND sql IS NOT NULL")]
    columns = ", ".join(f'"{row[1]}"' for row in conn.exec_driver_sql('PRAGMA table_info("movements")'))
    new = change(sql)
    new = re.sub(r'^CREATE TABLE "?movements"?', "CREATE TABLE movements_new", new)
    new = re.sub(r'REFERENCES "?movements"? \(id\)', "REFERENCES movements_new (id)", new)
    value_columns = ", ".join(f'"{row[1]}"' for row in conn.exec_driver_sql('PRAGMA table_info("movement_values")'))
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    conn.exec_driver_sql(new)
    conn.exec_driver_sql(f"INSERT INTO movements_new (rowid, {columns}) SELECT rowid, {columns} FROM movements "
                         f"ORDER BY rowid")
    conn.exec_driver_sql(f"CREATE TEMP TABLE movement_values_aside AS SELECT rowid AS row_id, {value_columns} "
                         f"FROM movement_values")
    conn.exec_driver_sql("DELETE FROM movement_values")
    conn.exec_driver_sql("DROP TABLE movements")
    conn.exec_driver_sql("ALTER TABLE movements_new RENAME TO movements")
    for index in indexes:
        if "ix_movements_reverses_id" not in index:
            conn.exec_driver_sql(index)
    conn.exec_driver_sql(f"INSERT INTO movement_values (rowid, {value_columns}) SELECT row_id, {value_columns} "
                         f"FROM movement_values_aside ORDER BY row_id")
    conn.exec_driver_sql("DROP TABLE movement_values_aside")
