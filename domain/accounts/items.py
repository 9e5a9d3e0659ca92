"""The open items that documents and money make, and how they are allocated and reversed (docs/ACCOUNTS.md).

Everything here runs inside a unit of work the caller opened and commits (a sale's posting, a receipt against a
purchase order, a return, a reversal, a receipt of money), so an item is written with its document or not at all.
Every item and allocation is dated; each date is checked against the period close (``periods.ensure_open``).

* A + item (a sale, goods received, a refund) takes the partner's unallocated credit at once, oldest first.
* A − item (a return, money) settles the items it names first (a return: the document it returns), then the
  partner's open + items oldest first; what is left is credit.
* An allocation is dated the latest of the day it is made and the two items' dates.
* Reversing an item undoes its allocations (rows with the negative amount), adds the ``reversal`` item with the
  opposite amount, and allocates the two to each other; an exchange difference allocated to it is reversed first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from domain.accounts.allocation import Pick
from domain.accounts.allocation import oldest_first
from domain.accounts.model import AccountItem
from domain.accounts.model import Allocation
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.periods import ensure_open
from domain.accounts.terms import due_date
from domain.kernel import clock
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal


def today() -> date:
    """The local business date of now."""
    return clock.now().astimezone().date()


def add_item(uow, side: Side, partner_id: str, kind: ItemKind, amount: Decimal, day: date, *, number: str,
             source_id: str | None = None, reference: str = "", note: str = "", method: str = "",
             year: int | None = None, seq: int | None = None, reverses_id: str | None = None,
             due_on: date | None = None,
             in_currency: tuple[str, Decimal, Decimal] | None = None) -> AccountItem | None:
    """Write one item (its amount rounded to the money places; nothing when that is 0), due by the partner's terms
    when it is a + item (or on ``due_on`` when given: an opening balance's own due date); ``in_currency`` (currency,
signed amount in it, rate) keeps money as typed in a supplier's currency. Refuses
    (``period_closed``) when ``day`` is in a closed month."""
    ensure_open(uow, day, what=number)
    amount = round_money(amount, uow.money_places)
    if amount == 0:
        return None
    due = due_date(uow.accounts.terms(side, partner_id), day) if amount > 0 and kind != ItemKind.REVERSAL else None
    if kind == ItemKind.REVERSAL and amount > 0:
        due = day
    if due_on is not None and amount > 0:
        due = due_on
    item = AccountItem(
        id=new_id(), side=Side(side), partner_id=partner_id, kind=kind, number=number, business_date=day,
        amount=amount, due_on=due, year=year, seq=seq, source_id=source_id, method=method, reference=reference,
        note=note, reverses_id=reverses_id, user=uow.user, created_at=clock.now(), device_id=uow.device_id,
        **({} if in_currency is None else dict(zip(("fx_currency", "fx_amount", "fx_rate"), in_currency, strict=True))))
    uow.accounts.add_item(item)
    return item


def write_picks(uow, item: AccountItem, picks: Iterable[Pick], day: date) -> list[Allocation]:
    """Write the allocations of a plan: ``item`` against each pick's target (either may be the + one)."""
    now = clock.now()
    rows = []
    for pick in picks:
        other = pick.target.item
        debit, credit = (item, other) if item.amount > 0 else (other, item)
        on = max(day, item.business_date, other.business_date)
        ensure_open(uow, on, what=item.number)
        rows.append(Allocation(new_id(), debit.id, credit.id, pick.amount, on, None, uow.user, now, uow.device_id))
    uow.accounts.add_allocations(rows)
    return rows


def open_of(uow, item: AccountItem) -> Decimal:
    """What is still open of ``item``: |amount| less its allocations (the live ones: an undone one and its undo
    cancel out)."""
    return abs(item.amount) - sum((a.amount for a in uow.accounts.live_allocations(item.id)), ZERO)


def counterparts(uow, item: AccountItem) -> tuple[Decimal, list[OpenItem]]:
    """``item``'s open amount, and the partner's open items of the other sign (what it can be allocated to): only
    those are read, so a sale reads the customer's credit, not every sale it has open."""
    others = uow.accounts.open_items(item.side, item.partner_id, sign=-1 if item.amount > 0 else 1)
    return open_of(uow, item), [x for x in others if x.item.id != item.id]


def settle(uow, item: AccountItem, day: date, *, prefer: Iterable[str] = ()) -> list[Allocation]:
    """Allocate what is open of ``item`` to the partner's open items of the other sign: those whose id or number
    is in ``prefer`` first, then oldest first. A + item so takes the partner's credit, a − item pays items.

    Credit ``held_for_invoice`` is never taken oldest first: it waits for its own invoice (or a hand's allocation)."""
    left, others = counterparts(uow, item)
    preferred = set(prefer)
    first = [x for x in others if x.item.id in preferred or x.item.number in preferred]
    picks = oldest_first(first, left)
    left -= sum((p.amount for p in picks), ZERO)
    taken = {p.target.item.id for p in picks}
    picks += oldest_first([x for x in others if x.item.id not in taken and not held_for_invoice(uow, x.item)], left)
    return write_picks(uow, item, picks, day)


def billing_match(uow, item: AccountItem) -> AccountItem | None:
    """The ``invoice_match`` item of the supplier invoice that bills ``item`` (a goods receipt's payable), if any.

    An invoice bills a receipt when its match settles the receipt's payable: a live allocation joins the two."""
    for a in uow.accounts.live_allocations(item.id):
        if a.debit_item_id == item.id:
            credit = uow.accounts.get(a.credit_item_id)
            if credit is not None and credit.kind == ItemKind.INVOICE_MATCH:
                return credit
    return None


def held_for_invoice(uow, item: AccountItem) -> bool:
    """Whether ``item`` is an invoice's match whose credit a reversed receipt left open: the invoice bills a receipt
    that was reversed (on another desk, offline: one desk refuses to reverse a receipt an invoice bills, see
    ``domain.stock.ledger.plan_reversal``). That credit belongs to the invoice: the office reverses the invoice or
    allocates the credit by hand; a later receipt or invoice of the supplier does not take it on its own."""
    if item.kind != ItemKind.INVOICE_MATCH or item.amount >= 0:
        return False
    return any(a.undoes_id is None and a.debit_item_id != item.id
               and uow.accounts.reversal_of(a.debit_item_id) is not None
               for a in uow.accounts.allocations_of(item.id))


def undo_allocations(uow, item: AccountItem, day: date) -> list[Allocation]:
    """Undo every allocation on ``item`` not yet undone: a row with the negative amount and ``undoes_id`` each."""
    ensure_open(uow, day, what=item.number)
    now = clock.now()
    rows = [Allocation(new_id(), a.debit_item_id, a.credit_item_id, -a.amount, day, a.id, uow.user, now,
                       uow.device_id) for a in uow.accounts.live_allocations(item.id)]
    uow.accounts.add_allocations(rows)
    return rows


def reverse_item(uow, item: AccountItem, day: date, note: str = "") -> AccountItem:
    """Reverse ``item``: undo its allocations, add the reversal with the opposite amount, allocate the two.

    Raises:
        RuleViolation ``item_reversed``: it is a reversal or has been reversed already.
    """
    if item.kind == ItemKind.REVERSAL or uow.accounts.reversal_of(item.id) is not None:
        raise refusal(RuleViolation, "item_reversed", number=item.number)
    day = max(day, item.business_date)
    for a in uow.accounts.live_allocations(item.id):  # an exchange difference booked on it goes with it
        other = uow.accounts.get(a.credit_item_id if a.debit_item_id == item.id else a.debit_item_id)
        if (other is not None and other.kind == ItemKind.EXCHANGE_DIFFERENCE
                and uow.accounts.reversal_of(other.id) is None):
            reverse_item(uow, other, day, note)
    undo_allocations(uow, item, day)
    rev = add_item(uow, item.side, item.partner_id, ItemKind.REVERSAL, -item.amount, day, number=item.number,
                   source_id=item.source_id, reference=item.reference, note=note or f"reverses {item.number}",
                   method=item.method, reverses_id=item.id)
    assert rev is not None
    write_picks(uow, rev, [Pick(OpenItem(item), abs(item.amount))], day)
    return rev


# -- what documents make (called by their use cases, inside their transaction)


def open_debit(uow, side: Side, partner_id: str, kind: ItemKind, amount: Decimal, day: date, *, number: str,
               source_id: str | None = None, reference: str = "", note: str = "") -> AccountItem | None:
    """A + item for a document, which takes the partner's unallocated credit oldest first."""
    item = add_item(uow, side, partner_id, kind, amount, day, number=number, source_id=source_id,
                    reference=reference, note=note)
    if item is not None:
        settle(uow, item, day)  # a supplier's: exchange_difference.after_debit follows (its callers call it)
    return item


def open_credit(uow, side: Side, partner_id: str, kind: ItemKind, amount: Decimal, day: date, *, number: str,
                source_id: str | None = None, reference: str = "", note: str = "",
                prefer: Iterable[str] = ()) -> AccountItem | None:
    """A − item for a document (``amount`` < 0), allocated to the items in ``prefer`` (ids or numbers: what it
    returns) while they are open, then oldest first; what is left is credit."""
    item = add_item(uow, side, partner_id, kind, -abs(amount), day, number=number, source_id=source_id,
                    reference=reference, note=note)
    if item is not None:
        settle(uow, item, day, prefer=prefer)
    return item


def sales_document_posted(uow, document, customer_id: str | None, lines) -> AccountItem | None:
    """The item of a posted sale (+) or customer return (−): Σ revenue + tax of its sales lines. A counter sale to a
    walk-in (no customer) makes none. A return is allocated to the items of the sales it returns first."""
    if not customer_id:
        return None
    total = sum((x.revenue + x.tax for x in lines), ZERO)
    kind = document.kind.value
    if kind == "sale":
        return open_debit(uow, Side.AR, customer_id, ItemKind.SALE, total, document.business_date,
                          number=document.number, source_id=document.id, reference=document.reference)
    origins = {x.origin_document_id for x in lines if x.origin_document_id}
    prefer = [i.id for o in origins for i in uow.accounts.by_source(o) if i.kind == ItemKind.SALE]
    return open_credit(uow, Side.AR, customer_id, ItemKind.CUSTOMER_RETURN, total, document.business_date,
                       number=document.number, source_id=document.id, reference=document.reference, prefer=prefer)


def goods_received(uow, supplier_id: str, po_number: str, movement_id: str, amount: Decimal, day: date,
                   reference: str = "") -> AccountItem | None:
    """The payable of one line received against a purchase order (its movement is the item's source)."""
    return open_debit(uow, Side.AP, supplier_id, ItemKind.GOODS_RECEIPT, amount, day, number=po_number,
                      source_id=movement_id, reference=reference)


def supplier_return_posted(uow, document, supplier_id: str, amount: Decimal,
                           against: str = "") -> AccountItem | None:
    """The − item of a return to the supplier, allocated to the items of the order it returns against first."""
    return open_credit(uow, Side.AP, supplier_id, ItemKind.SUPPLIER_RETURN, amount, document.business_date,
                       number=document.number, source_id=document.id, reference=against,
                       prefer=[against] if against else [])


def source_reversed(uow, source_id: str, day: date | None = None, note: str = "") -> list[AccountItem]:
    """Reverse the items a reversed document (or PO receipt movement) made, not yet reversed."""
    day = day or today()
    done = []
    for item in uow.accounts.by_source(source_id):
        if item.kind == ItemKind.REVERSAL or uow.accounts.reversal_of(item.id) is not None:
            continue
        done.append(reverse_item(uow, item, day, note))
    return done
