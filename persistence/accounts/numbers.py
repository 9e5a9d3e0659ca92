"""An open item's number as it reads now.

An item of a document (a sale, a customer return, a return to a supplier) carries the number its document had when
it was posted, and a goods receipt's item the purchase order's; items are facts and never change (docs/ACCOUNTS.md,
"Sync"). When a sync renumbers the document or order (its number was taken on the hub by another desk's), the item
keeps the old number, which is now another document's. Every reader that shows an item's number, or finds an item by
the number a clerk types, reads it through the item's source: the document's number now, or the reference of the
goods receipt's movement as it reads now (``persistence.stock.refs``). Items that own their numbers (receipts,
payments, refunds, openings: renumbered themselves by a sync) and supplier invoices' read as written.
"""

from __future__ import annotations

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from persistence import tables as t
from persistence.stock.refs import ref_of
from persistence.stock.refs import written_as

OWN_NUMBERS = ("receipt", "payment", "refund", "opening")


def number_of(items=t.account_items):
    """The number of each row of ``items`` (the table or an alias of it) as it reads now."""
    D, M = t.documents, t.movements.alias("source_movement")
    document = select(D.c.number).where(D.c.id == items.c.source_id).scalar_subquery()
    movement = select(ref_of(M)).where(M.c.id == items.c.source_id).scalar_subquery()
    return case(
        (items.c.kind.in_(OWN_NUMBERS), items.c.number), else_=func.coalesce(document, movement, items.c.number)
    )


def may_read_as(number: str, items=t.account_items):
    """A condition that holds for every item whose number reads as ``number`` (and for a few more written with it
    and renumbered since: compare ``number_of`` too). Uses the indexes on the numbers and the movements' references."""
    D, M = t.documents, t.movements
    return or_(
        items.c.number == number,
        items.c.source_id.in_(select(D.c.id).where(D.c.number == number)),
        items.c.source_id.in_(select(M.c.id).where(written_as([number], M))),
    )


# The same for the readers in SQL text (a movement's reference as ``ref_of`` reads it): ``{i}`` is the alias of
# account_items.
NUMBER_SQL = (
    "CASE WHEN {i}.kind IN ('receipt', 'payment', 'refund', 'opening') THEN {i}.number ELSE COALESCE("
    "(SELECT d.number FROM documents d WHERE d.id = {i}.source_id), "
    "(SELECT COALESCE((SELECT COALESCE((SELECT p.new_ref FROM movement_refs p WHERE p.device_id = m.id "
    "AND p.old_ref = m.source_ref), r.new_ref) FROM movement_refs r WHERE r.device_id = m.device_id "
    "AND r.old_ref = m.source_ref), m.source_ref) FROM movements m WHERE m.id = {i}.source_id), "
    "{i}.number) END"
)


def number_sql(alias: str) -> str:
    """``NUMBER_SQL`` for the alias ``alias`` of account_items."""
    return NUMBER_SQL.format(i=alias)
