"""office_settings: the settings the whole office shares (company block, currency, PO tax rate and tolerance,
planning's ABC basis and fill-rate switch, the dashboard's days, the price levels' names) move out of the desk's own
key/value ``settings`` into a table of their own with a version and a device, so sync exchanges them like other
records (persistence.office). A value this desk chose becomes version 1, made by this desk (a stored default is
left out: it reads the same); the rest of ``settings`` (device id, sync positions, backups, the logo's path on this
disk…) stays where it was

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from decimal import Decimal
from decimal import InvalidOperation

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The keys as this release knows them (frozen here: a later change to persistence.office must not change what this
# migration did).
KEYS = ("company_name", "company_address", "currency", "po_tax_rate", "po_over_receipt_tolerance",
        "planning_abc_basis", "planning_fill_rate", "dashboard.dead_days", "dashboard.cover_target_days",
        "price_level_name_level3", "price_level_name_level4", "price_level_name_level5")
# What each reads as while not stored (frozen here like KEYS). Before 0016 saving a settings form stored every value
# on it, defaults included, so a desk whose clerk only looked at the company page holds "13", "CNY" and the default
# name as if chosen; made version 1 here, whichever desk synced first would win and a real edit elsewhere lose.
# A stored default is no choice: it is left out, and the desk reads the same value as before.
DEFAULTS = {"company_name": "Stockroom Trading Co.", "company_address": "", "currency": "CNY", "po_tax_rate": "13",
            "po_over_receipt_tolerance": "0", "planning_abc_basis": "value", "planning_fill_rate": "on",
            "dashboard.dead_days": "180", "dashboard.cover_target_days": "60"}
NUMBERS = frozenset({"po_tax_rate", "po_over_receipt_tolerance", "dashboard.dead_days",
                     "dashboard.cover_target_days"})


def is_default(key: str, value: str) -> bool:
    default = DEFAULTS.get(key)
    if default is None:
        return False
    if key in NUMBERS:
        try:
            return Decimal(value) == Decimal(default)
        except InvalidOperation:
            return False
    return value == default


def upgrade() -> None:
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_settings")),
    )
    conn = op.get_bind()
    keys = sa.bindparam("keys", expanding=True)
    device = conn.execute(sa.text("SELECT value FROM settings WHERE key = 'device_id'")).scalar() or ""
    rows = conn.execute(sa.text("SELECT key, value FROM settings WHERE key IN :keys AND value != ''")
                        .bindparams(keys), {"keys": list(KEYS)}).all()
    rows = [(k, v) for k, v in rows if not is_default(k, v)]
    if rows:
        conn.execute(sa.text("INSERT INTO office_settings (key, value, device_id, version) "
                             "VALUES (:key, :value, :device, 1)"),
                     [{"key": k, "value": v, "device": device} for k, v in rows])
    conn.execute(sa.text("DELETE FROM settings WHERE key IN :keys").bindparams(keys), {"keys": list(KEYS)})


def downgrade() -> None:
    conn = op.get_bind()
    keys = sa.bindparam("keys", expanding=True)
    rows = conn.execute(sa.text("SELECT key, value FROM office_settings WHERE key IN :keys")
                        .bindparams(keys), {"keys": list(KEYS)}).all()
    conn.execute(sa.text("DELETE FROM settings WHERE key IN :keys").bindparams(keys), {"keys": list(KEYS)})
    if rows:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES (:key, :value)"),
                     [{"key": k, "value": v} for k, v in rows])
    op.drop_table("office_settings")
