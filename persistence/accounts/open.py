"""``account_open``: the open amount of every item not wholly settled, derived from items and allocations.

Kept exact in the transaction that writes an item or an allocation (``AccountRepository.add_item`` inserts the new
item's row, ``add_allocations`` refreshes the two items of each allocation), and refreshed by the sync for the items
a pull or a push touched (``refresh``), as ``balances`` is kept beside ``movements``. ``open`` is signed like the
item: |amount| less the allocations on it, + for a + item, - for a - item (credit); Σ open of a partner is its
balance. An item with nothing open has no row: an undo that reopens it writes it again.

``check`` compares the table with the recomputation (``stockroom check`` lists each difference); ``rebuild`` writes
it anew from items and allocations (a repair, and the benchmark's set-up).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import type_coerce

from domain.stock.readmodels import CheckProblem
from persistence import tables as t
from persistence.accounts.numbers import number_of
from persistence.reads import chunks

I = t.account_items  # noqa: E741
A = t.allocations
O = t.account_open  # noqa: E741
SCALE = O.c.open.type.scale


def _computed(ids: list[str] | None = None):
    """Each item (of ``ids``, or all) with its open amount from the allocations: a select of (item_id, side,
    partner_id, due_on, business_date, open). Per item two indexed sums when ``ids`` are named; grouped once when
    all are wanted."""
    if ids is not None:
        debit = select(func.coalesce(func.sum(A.c.amount), 0)).where(A.c.debit_item_id == I.c.id).scalar_subquery()
        credit = select(func.coalesce(func.sum(A.c.amount), 0)).where(A.c.credit_item_id == I.c.id).scalar_subquery()
        source = I
        where = [I.c.id.in_(ids)]
    else:
        d = select(A.c.debit_item_id.label("id"), func.sum(A.c.amount).label("s")).group_by(A.c.debit_item_id) \
            .subquery()
        c = select(A.c.credit_item_id.label("id"), func.sum(A.c.amount).label("s")).group_by(A.c.credit_item_id) \
            .subquery()
        debit, credit = func.coalesce(d.c.s, 0), func.coalesce(c.c.s, 0)
        source = I.outerjoin(d, d.c.id == I.c.id).outerjoin(c, c.c.id == I.c.id)
        where = []
    # the raw integers (Scaled stores value × 10**scale): the arithmetic stays exact and in the database
    amount = literal_column(f'{I.name}."amount"')
    open_ = type_coerce(case((amount > 0, amount - debit), else_=amount + credit), BigInteger)
    return select(I.c.id.label("item_id"), I.c.side, I.c.partner_id, I.c.due_on, I.c.business_date,
                  open_.label("open")).select_from(source).where(*where)


_COLUMNS = ("item_id", "side", "partner_id", "due_on", "business_date", "open")


def refresh(conn: Connection, item_ids: Iterable[str]) -> None:
    """Recompute the rows of ``item_ids`` from their items and allocations (a settled item loses its row)."""
    for part in chunks(item_ids):
        conn.execute(O.delete().where(O.c.item_id.in_(part)))
        rows = _computed(part).subquery()
        conn.execute(insert(O).from_select(_COLUMNS, select(*[rows.c[k] for k in _COLUMNS]).where(rows.c.open != 0)))


def rebuild(conn: Connection) -> int:
    """Write the whole table anew from items and allocations; how many items are open."""
    conn.execute(O.delete())
    rows = _computed().subquery()
    conn.execute(insert(O).from_select(_COLUMNS, select(*[rows.c[k] for k in _COLUMNS]).where(rows.c.open != 0)))
    return conn.execute(select(func.count()).select_from(O)).scalar() or 0


def repoint_partner(conn: Connection, side: str, old: str, new: str) -> None:
    """A partner merged into another (the sync): its open amounts follow its items."""
    conn.execute(O.update().where(O.c.side == side, O.c.partner_id == old).values(partner_id=new))


def check(conn: Connection) -> list[CheckProblem]:
    """Each item whose row in ``account_open`` differs from items − allocations (missing, left after it was
    settled, another amount, partner or date): (number, "side partner code", "open …", recomputed, stored)."""
    c = _computed().subquery()
    differs = or_(
        and_(c.c.open != 0, O.c.item_id.is_(None)),
        and_(c.c.open == 0, O.c.item_id.is_not(None)),
        and_(O.c.item_id.is_not(None), or_(
            O.c.open != c.c.open, O.c.side != c.c.side, O.c.partner_id != c.c.partner_id,
            O.c.business_date != c.c.business_date,
            O.c.due_on.is_distinct_from(c.c.due_on))),
    )
    cu, su = t.customers, t.suppliers
    partner = func.coalesce(cu.c.code, su.c.code, c.c.partner_id)  # the partner's code, as a person knows it
    query = (select(c.c.item_id, number_of(I).label("number"), c.c.side, partner.label("partner"),
                    c.c.open.label("computed"),
                    literal_column(f'{O.name}."open"').label("stored"), O.c.item_id.label("row"))
             .select_from(c.join(I, I.c.id == c.c.item_id).outerjoin(O, O.c.item_id == c.c.item_id)
                          .outerjoin(cu, and_(c.c.side == "AR", cu.c.id == c.c.partner_id))
                          .outerjoin(su, and_(c.c.side == "AP", su.c.id == c.c.partner_id)))
             .where(differs).order_by(c.c.side, c.c.partner_id, I.c.number, c.c.item_id))
    out = []
    for r in conn.execute(query):
        what = "open amount" if r.row is not None and r.stored != r.computed else \
            "open amount missing" if r.row is None else "open amount of a settled item" if not r.computed else \
            "open amount's partner or dates"
        out.append(CheckProblem(r.number or r.item_id, f"{r.side} {r.partner}", what,
                                Decimal(r.computed or 0).scaleb(-SCALE), Decimal(r.stored or 0).scaleb(-SCALE)))
    return out
