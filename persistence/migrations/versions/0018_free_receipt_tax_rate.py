"""documents.tax_rate: a free receipt (a goods receipt with no purchase order, ``GR-…``) keeps the purchasing tax
rate in force when it was posted, which its note prints, a return against it prints and a supplier invoice for it is
matched at; before, each of them read the company's rate of the moment, so a note reprinted after the rate changed
showed another tax.

Existing free receipts are given the company's purchasing tax rate as it stands at the upgrade (the office setting
``po_tax_rate``, 13 where none is stored): the rate they printed and were matched at until now, and the only one
known, as no earlier rate was kept. A free receipt is told from a delivery's receipt (whose rate is its order's,
left NULL) by its movements, which carry its own number (as its reference reads now, a sync's renumbering
followed); every other document stays NULL.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from decimal import Decimal
from decimal import InvalidOperation

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

DEFAULT_RATE = Decimal(13)  # what the rate reads as while the office stores none (frozen here)
SCALE = 4  # documents.tax_rate is a Scaled(4) percent, like purchase_orders.tax_rate

# A movement's reference as it reads now, frozen as in 0017: the number a sync renumbered its document to, else the
# number it was written with.
REF = ("COALESCE((SELECT COALESCE((SELECT p.new_ref FROM movement_refs p WHERE p.device_id = m.id "
       "AND p.old_ref = m.source_ref), r.new_ref) FROM movement_refs r WHERE r.device_id = m.device_id "
       "AND r.old_ref = m.source_ref), m.source_ref)")


def rate_in_force(conn) -> Decimal:
    """The company's purchasing tax rate now; the default for none stored or one that is not a percent."""
    text = conn.execute(sa.text("SELECT value FROM office_settings WHERE key = 'po_tax_rate'")).scalar()
    try:
        rate = Decimal(text) if text else DEFAULT_RATE
    except InvalidOperation:
        return DEFAULT_RATE
    return rate if rate.is_finite() and 0 <= rate <= 100 else DEFAULT_RATE


def upgrade() -> None:
    # a plain ALTER TABLE: a batch would rebuild documents, which document and sales lines point at
    op.add_column("documents", sa.Column("tax_rate", sa.BigInteger(), nullable=True))
    conn = op.get_bind()
    stored = int(rate_in_force(conn).scaleb(SCALE).to_integral_value())
    conn.execute(sa.text(
        "UPDATE documents SET tax_rate = :rate WHERE kind = 'receipt' AND number IN "
        f"(SELECT {REF} FROM movements m WHERE m.source_type = 'receipt')"), {"rate": stored})


def downgrade() -> None:
    op.drop_column("documents", "tax_rate")
