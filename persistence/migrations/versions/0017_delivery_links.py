"""document_lines.movement_id: each line of a delivery's goods receipt (a receipt against a PO, ``GR-…``, whose
movements carry the PO's number and not the receipt's) names the receipt movement it posted, so reversing, listing
and syncing the receipt no longer look its movements up by PO, product, quantity and moment.

Existing deliveries are linked where that look-up is unambiguous: each line of the receipt has exactly one PO
receipt movement of its PO (as its reference reads now), moment, product and quantity, and no other receipt's line
asks for the same one; twin deliveries (the same PO, moment, product and quantity, received twice) are told apart
only when one of them was reversed and exactly one of their movements was. A receipt with any line left in doubt
keeps every line unlinked; ``stockroom check`` lists it (``persistence.stock.documents.delivery_notes``).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# A movement's reference as it reads now (frozen here from persistence.stock.refs.ref_of as of 0016): the number a
# sync renumbered its document to (by the writing device and old number; a pulled movement pinned by its own id),
# else the number it was written with.
REF = ("COALESCE((SELECT COALESCE((SELECT p.new_ref FROM movement_refs p WHERE p.device_id = m.id "
       "AND p.old_ref = m.source_ref), r.new_ref) FROM movement_refs r WHERE r.device_id = m.device_id "
       "AND r.old_ref = m.source_ref), m.source_ref)")


def links(conn) -> dict[tuple[str, int], str]:
    """(document id, line no) → movement id for every line of the deliveries whose movements are unambiguous."""
    own = {ref for (ref,) in conn.execute(sa.text(
        f"SELECT DISTINCT {REF} FROM movements m WHERE m.source_type = 'receipt'"))}  # free receipts' numbers
    docs = {row.id: row for row in conn.execute(sa.text(
        "SELECT id, number, reference, occurred_at, reversed FROM documents "
        "WHERE kind = 'receipt' AND reference != ''")) if row.number not in own}
    lines: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    by_doc: dict[str, list[tuple]] = defaultdict(list)
    for document_id, line_no, product_id, qty in conn.execute(sa.text(
            "SELECT document_id, line_no, product_id, qty FROM document_lines ORDER BY document_id, line_no")):
        d = docs.get(document_id)
        if d is None or qty is None:
            continue
        key = (d.reference, d.occurred_at, product_id, qty)
        lines[key].append((document_id, line_no))
        by_doc[document_id].append(key)
    if not lines:
        return {}
    movements: dict[tuple, list[tuple[str, bool]]] = defaultdict(list)
    for mid, ref, occurred_at, product_id, qty, undone in conn.execute(sa.text(
            f"SELECT m.id, {REF}, m.occurred_at, m.product_id, m.qty, "
            "EXISTS (SELECT 1 FROM movements u WHERE u.reverses_id = m.id) "
            "FROM movements m WHERE m.source_type = 'po' AND m.kind = 'receipt'")):
        key = (ref, occurred_at, product_id, qty)
        if key in lines:
            movements[key].append((mid, bool(undone)))
    found: dict[tuple[str, int], str] = {}
    for key, wanted in lines.items():
        found.update(_pair(wanted, movements.get(key, []), {k: docs[k[0]].reversed for k in wanted}))
    # a receipt is linked whole or not at all, and a movement to one line only
    paired: dict[str, int] = defaultdict(int)
    for doc, _line in found:
        paired[doc] += 1
    return {line: mid for line, mid in found.items() if paired[line[0]] == len(by_doc[line[0]])}


def _pair(wanted: list[tuple[str, int]], candidates: list[tuple[str, bool]],
          reversed_: dict[tuple[str, int], bool]) -> dict[tuple[str, int], str]:
    """The lines of one (PO, moment, product, quantity) paired with its movements, where only one pairing fits."""
    if len(wanted) == len(candidates) == 1:
        return {wanted[0]: candidates[0][0]}
    if len(wanted) != len(candidates):
        return {}
    pairs = {}
    for flag in (True, False):  # a reversed receipt's movement is the reversed one
        ls = [w for w in wanted if bool(reversed_[w]) == flag]
        ms = [mid for mid, undone in candidates if undone == flag]
        if len(ls) != len(ms) or len(ls) > 1:
            return {}
        if ls:
            pairs[ls[0]] = ms[0]
    return pairs


def upgrade() -> None:
    # a plain ALTER TABLE (SQLite 3.35 on): a batch would rebuild document_lines, which sales lines point at
    op.add_column("document_lines", sa.Column("movement_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_document_lines_movement_id"), "document_lines", ["movement_id"], unique=False)
    conn = op.get_bind()
    found = links(conn)
    if found:
        conn.execute(sa.text("UPDATE document_lines SET movement_id = :m WHERE document_id = :d AND line_no = :n"),
                     [{"m": mid, "d": doc, "n": line_no} for (doc, line_no), mid in found.items()])


def downgrade() -> None:
    op.drop_index(op.f("ix_document_lines_movement_id"), table_name="document_lines")
    op.drop_column("document_lines", "movement_id")
