"""``uow.accounts``: open items, allocations, payment terms and methods on SQLAlchemy Core (domain.accounts.ports).

Items and allocations are only ever inserted (docs/ACCOUNTS.md); what is open of each item is kept beside them in
``account_open``, in the same transaction (``persistence.accounts.open``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from domain.accounts.model import AccountItem
from domain.accounts.model import Allocation
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.model import Terms
from domain.kernel import clock
from persistence import office
from persistence import tables as t
from persistence.accounts import open as open_amounts
from persistence.accounts.numbers import may_read_as
from persistence.accounts.numbers import number_of

I = t.account_items  # noqa: E741
A = t.allocations
O = t.account_open  # noqa: E741
# An item's columns with its number as it reads now (a document renumbered by a sync: persistence.accounts.numbers)
ITEM = (*(c for c in I.c if c.name != "number"), number_of(I).label("number"))


def item_from_row(r) -> AccountItem:
    return AccountItem(
        id=r.id, side=Side(r.side), partner_id=r.partner_id, kind=ItemKind(r.kind), number=r.number,
        business_date=r.business_date, amount=r.amount, due_on=r.due_on, year=r.year, seq=r.seq,
        source_id=r.source_id, method=r.method, reference=r.reference, note=r.note, reverses_id=r.reverses_id,
        user=r.user, created_at=r.created_at, device_id=r.device_id, fx_currency=r.fx_currency,
        fx_amount=r.fx_amount, fx_rate=r.fx_rate)


def _allocation_from_row(r) -> Allocation:
    return Allocation(r.id, r.debit_item_id, r.credit_item_id, r.amount, r.business_date, r.undoes_id, r.user,
                      r.created_at, r.device_id)


class AccountRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_item(self, item: AccountItem) -> None:
        self.conn.execute(insert(I).values(
            id=item.id, side=Side(item.side).value, partner_id=item.partner_id, kind=ItemKind(item.kind).value,
            number=item.number,
            year=item.year, seq=item.seq, source_id=item.source_id, business_date=item.business_date,
            due_on=item.due_on, amount=item.amount, method=item.method, reference=item.reference, note=item.note,
            reverses_id=item.reverses_id, user=item.user, created_at=item.created_at or clock.now(),
            device_id=item.device_id, fx_currency=item.fx_currency, fx_amount=item.fx_amount,
            fx_rate=item.fx_rate))
        if item.amount:  # nothing is allocated to a new item yet: all of it is open
            self.conn.execute(insert(t.account_open).values(
                item_id=item.id, side=Side(item.side).value, partner_id=item.partner_id, due_on=item.due_on,
                business_date=item.business_date, open=item.amount))

    def add_allocations(self, allocations: Iterable[Allocation]) -> None:
        rows = [{"id": a.id, "debit_item_id": a.debit_item_id, "credit_item_id": a.credit_item_id,
                 "amount": a.amount, "business_date": a.business_date, "undoes_id": a.undoes_id, "user": a.user,
                 "created_at": a.created_at or clock.now(), "device_id": a.device_id} for a in allocations]
        if rows:
            self.conn.execute(insert(A), rows)
            open_amounts.refresh(self.conn, {r[k] for r in rows for k in ("debit_item_id", "credit_item_id")})

    def get(self, item_id: str) -> AccountItem | None:
        r = self.conn.execute(select(*ITEM).where(I.c.id == item_id)).first()
        return None if r is None else item_from_row(r)

    def by_number(self, number: str, side: Side | None = None) -> list[AccountItem]:
        q = select(*ITEM).where(may_read_as(number, I))
        if side is not None:
            q = q.where(I.c.side == Side(side).value)
        return [item for item in map(item_from_row, self.conn.execute(q.order_by(I.c.created_at, I.c.id)))
                if item.number == number]

    def by_source(self, source_id: str) -> list[AccountItem]:
        q = select(*ITEM).where(I.c.source_id == source_id).order_by(I.c.created_at, I.c.id)
        return [item_from_row(r) for r in self.conn.execute(q)]

    def reversal_of(self, item_id: str) -> AccountItem | None:
        r = self.conn.execute(select(*ITEM).where(I.c.reverses_id == item_id)).first()
        return None if r is None else item_from_row(r)

    def open_items(self, side: Side, partner_id: str, *, sign: int = 0) -> list[OpenItem]:
        # account_open holds exactly the items with something open (kept in this transaction by add_item and
        # add_allocations): its (side, partner_id, …) index gives them without reading the partner's settled items
        # or summing allocations. An item is open while its open amount keeps the item's sign.
        plus, minus = and_(I.c.amount > 0, O.c.open > 0), and_(I.c.amount < 0, O.c.open < 0)
        rows = self.conn.execute(
            select(*ITEM, O.c.open.label("open_amount"))
            .select_from(O.join(I, I.c.id == O.c.item_id))
            .where(O.c.side == Side(side).value, O.c.partner_id == partner_id,
                   plus if sign > 0 else minus if sign < 0 else or_(plus, minus))
            .order_by(I.c.business_date, I.c.created_at, I.c.id)).all()
        out = []
        for r in rows:
            item = item_from_row(r)
            out.append(OpenItem(item, abs(item.amount) - abs(r.open_amount)))
        return out

    def live_allocations(self, item_id: str) -> list[Allocation]:
        # An undo joins the same two items as what it undoes (undo_allocations writes it so, the sync refuses any
        # other: ``undo_of_undo``), so the item's own allocations (both indexed) say which of them are undone. A
        # NOT IN over every undo of the table scanned all allocations on each call, a sale's largest cost.
        rows = self.conn.execute(
            select(A).where(or_(A.c.debit_item_id == item_id, A.c.credit_item_id == item_id))
            .order_by(A.c.created_at, A.c.id)).all()
        undone = {r.undoes_id for r in rows if r.undoes_id is not None}
        return [_allocation_from_row(r) for r in rows if r.undoes_id is None and r.id not in undone]

    def allocations_of(self, item_id: str) -> list[Allocation]:
        rows = self.conn.execute(
            select(A).where(or_(A.c.debit_item_id == item_id, A.c.credit_item_id == item_id))
            .order_by(A.c.created_at, A.c.id)).all()
        return [_allocation_from_row(r) for r in rows]

    def last_seq(self, kind: str, year: int) -> int:
        got = self.conn.execute(select(func.max(I.c.seq)).where(I.c.kind == kind, I.c.year == year)).scalar()
        return got or 0

    def terms(self, side: Side, partner_id: str) -> Terms:
        if side == Side.AR:
            c = t.customer_profiles.c
            r = self.conn.execute(select(c.payment_basis, c.payment_days).where(c.customer_id == partner_id)).first()
        else:
            c = t.supplier_profiles.c
            r = self.conn.execute(select(c.payment_basis, c.payment_days).where(c.supplier_id == partner_id)).first()
        return Terms() if r is None else Terms(r.payment_basis or "net", r.payment_days or 0)

    def set_terms(self, side: Side, partner_id: str, terms: Terms) -> None:
        table = t.customer_profiles if Side(side) == Side.AR else t.supplier_profiles
        key = table.c.customer_id if Side(side) == Side.AR else table.c.supplier_id
        old = self.conn.execute(select(table.c.version).where(key == partner_id)).scalar()
        if old is None:
            self.conn.execute(insert(table).values({key.name: partner_id, "payment_basis": terms.basis,
                                                    "payment_days": terms.days, "version": 1}))
        else:
            self.conn.execute(update(table).where(key == partner_id).values(
                payment_basis=terms.basis, payment_days=terms.days, version=old + 1))

    def methods(self) -> dict[str, str]:
        c = t.payment_methods.c
        return dict(self.conn.execute(select(c.code, c.name).where(c.active.is_(True)).order_by(c.code)).all())

    def setting(self, key: str) -> str | None:
        return office.get(self.conn, key)

    def set_setting(self, key: str, value: str) -> None:
        office.write(self.conn, {key: value})

    def add_method(self, code: str, name: str) -> None:
        c = t.payment_methods.c
        found = self.conn.execute(select(c.version).where(c.code == code)).first()
        if found is None:
            self.conn.execute(insert(t.payment_methods).values(code=code, name=name, active=True, version=1))
        else:
            self.conn.execute(update(t.payment_methods).where(c.code == code)
                              .values(name=name, active=True, version=found.version + 1))
