"""Money received and paid (收款单, 付款单, refunds) and its allocation by hand (核销): the use cases.

Each use case checks its raw values once, then writes in one transaction (docs/ACCOUNTS.md):

* ``record_money``: a receipt from a customer (``RC-YYYY-NNNNN``, an AR − item), a payment to a supplier
  (``PM-``, AP −) or a refund (``RF-``, + on either side: money paid back to a customer, received back from a
  supplier; at most the partner's credit). Allocated by hand to the documents named, partly or wholly, or else
  oldest first; what is left is the partner's credit.
* ``allocate_credit``: what is left of an item (money, a return) allocated later by hand.
* ``undo_allocation``: the allocations between two items undone; what they settled is open again.
* ``reverse_money``: a receipt, payment, refund or write-off reversed by its number; its allocations are undone
  first.
* ``write_off``: what is left open on a document settled without money (``WO-YYYY-NNNNN``, a − item allocated to
  it at once), with the reason kept as its note; reversing it opens the document again.
* ``add_payment_method``: the office's own methods beside the built-in ones.
* ``paid_at_sale``: the money a customer pays at the counter for a sale (a counter sale paid at once), in the sale's
  own transaction.

Recording money needs ``Permission.MONEY`` (an accountant or above), except the money taken with a counter sale,
which goes with the sale (``Permission.SELL``): exactly what the sale leaves owed, allocated to it, nothing else.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts import commands as ac
from domain.accounts import exchange_difference as fx
from domain.accounts.allocation import by_hand
from domain.accounts.items import add_item
from domain.accounts.items import counterparts
from domain.accounts.items import open_of
from domain.accounts.items import reverse_item
from domain.accounts.items import settle
from domain.accounts.items import today
from domain.accounts.items import write_picks
from domain.accounts.model import BUILT_IN_METHODS
from domain.accounts.model import MONEY_KINDS
from domain.accounts.model import AccountItem
from domain.accounts.model import Allocation
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.model import Terms
from domain.accounts.model import number_for
from domain.accounts.periods import ensure_open
from domain.accounts.terms import basis_value
from domain.accounts.terms import days_value
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.currencies import iso_currency
from domain.kernel.currencies import minor_units
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.numbers import places_of
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal
from domain.purchasing.exchange import rate_value

KINDS = {"receipt": (ItemKind.RECEIPT, Side.AR), "payment": (ItemKind.PAYMENT, Side.AP),
         "refund": (ItemKind.REFUND, None)}


def side_value(value: object, *, required: bool = True) -> Side | None:
    """``AR``/``AP`` (also "customer(s)"/"supplier(s)"), or BadInput naming what is accepted."""
    text = str(value or "").strip().upper()
    if not text and not required:
        return None
    words = {"AR": Side.AR, "CUSTOMER": Side.AR, "CUSTOMERS": Side.AR, "AP": Side.AP, "SUPPLIER": Side.AP,
             "SUPPLIERS": Side.AP}
    if text not in words:
        raise BadInput("side", f"{value!r} is not a side; enter AR (customers) or AP (suppliers)",
                       code="not_ar_or_ap", values=(repr(value),))
    return words[text]


def amount_value(field: str, value: object, places: int) -> Decimal:
    """An amount of money above 0 with at most the company currency's places."""
    amount = v.money(field, value, max_places=places)
    if amount <= 0:
        raise BadInput(field, f"{value} is not above 0; enter an amount greater than 0", code="zero")
    return amount


def business_day(value: date | None) -> date:
    return v.day("date", value if value is not None else today())


def _targets(c_targets: tuple[ac.AllocateTo, ...], places: int) -> list[tuple[str, Decimal | None]]:
    out = []
    for t in c_targets:
        number = v.code("allocate", t.number, max_len=limits.CODE).upper()
        amount = None if t.amount is None or (isinstance(t.amount, str) and not t.amount.strip()) else \
            amount_value(f"amount for {number}", t.amount, places)
        out.append((number, amount))
    return out


def find_partner(uow, side: Side, code: str):
    """The customer (AR) or supplier (AP) whose code is ``code``."""
    if side == Side.AR:
        code = v.code("customer", code, max_len=limits.CODE)
        found = uow.customers.by_code(code)
        if found is None:
            raise refusal(NotFound, "unknown_customer_code", code=code)
        return found
    code = v.code("supplier", code, max_len=limits.CODE)
    found = uow.suppliers.by_code(code)
    if found is None:
        raise refusal(NotFound, "unknown_supplier_code", code=code)
    return found


def payment_methods(uow) -> dict[str, str]:
    """Every payment method (code → name): the built-in ones, then the office's (inside an open ``with uow``)."""
    return {**BUILT_IN_METHODS, **uow.accounts.methods()}


def _method(uow, value: object) -> str:
    code = str(value or "cash").strip().lower()
    known = payment_methods(uow)
    if code not in known:
        raise refusal(NotFound, "unknown_payment_method", method=code, known=", ".join(known))
    return code


def _refuse_plan(problems, partner: str) -> None:
    if problems:
        first = problems[0]
        raise refusal(RuleViolation, first.code, partner=partner, **first.params)


def record_money(uow, c: ac.RecordMoney) -> AccountItem:
    """Record a receipt, payment or refund and allocate it.

    Returns:
        The money item (its number, e.g. ``RC-2026-00001``).

    Raises:
        BadInput: the kind, side, amount (above 0, at most the currency's places), date or a named amount.
        NotFound: the partner, the method (``unknown_payment_method``).
        RuleViolation: a document named that has nothing open of this partner, more than is open on it or more than
            the amount (``allocation_*``); a refund above the partner's credit (``refund_over_credit``, a
            supplier's ``refund_over_advance_paid``); the date in a closed month (``period_closed``).
    """
    if c.kind not in KINDS:
        raise BadInput("kind", f"{c.kind!r} is not accepted; enter receipt, payment or refund",
                       code="not_a_money_kind", values=(repr(c.kind),))
    kind, side = KINDS[c.kind]
    if side is None:
        side = side_value(c.side)
    places = uow.money_places
    currency = iso_currency(c.currency, "currency") if str(c.currency or "").strip() else ""
    typed = amount_value("amount", c.amount, 8 if currency else places)  # in a currency: its places checked below
    rate = None if c.rate is None or not str(c.rate).strip() else rate_value(c.rate)
    day = business_day(c.day)
    reference = v.text("reference", c.reference, required=False, max_len=limits.REFERENCE)
    note = v.text("note", c.note, required=False, max_len=limits.NOTE)
    wanted = _targets(c.allocate, places)
    with uow:
        require(uow, Permission.MONEY)
        partner = find_partner(uow, side, c.partner)
        method = _method(uow, c.method)
        ensure_open(uow, day)
        foreign = _in_currency(uow, side, partner, currency, typed, rate, day)
        amount = typed if foreign is None else foreign[2]
        if kind == ItemKind.REFUND:
            credit = sum((x.open for x in uow.accounts.open_items(side, partner.id, sign=-1)), ZERO)
            if amount > credit:
                # A customer's credit is an advance received (预收), a supplier's an advance paid (预付).
                code = "refund_over_credit" if side == Side.AR else "refund_over_advance_paid"
                raise refusal(RuleViolation, code, partner=partner.code, amount=fmt(amount), credit=fmt(credit))
        year = clock.now().astimezone().year
        seq = uow.accounts.last_seq(kind.value, year) + 1
        number = number_for(kind, year, seq)
        sign = 1 if kind == ItemKind.REFUND else -1
        typed_in = None if foreign is None else (foreign[0], sign * typed, foreign[1])  # kept as typed
        item = add_item(uow, side, partner.id, kind, sign * amount, day, number=number, reference=reference,
                        note=note, method=method, year=year, seq=seq, in_currency=typed_in)
        assert item is not None
        in_currency = fx.foreign_currency_of(uow, item) if sign < 0 else None
        if wanted:
            _, targets = counterparts(uow, item)
            picks, problems = by_hand(targets, wanted, amount)
            _refuse_plan(problems, partner.code)
            write_picks(uow, item, picks, day)
            if in_currency:
                fx.book_after(uow, [(p.target.item, item) for p in picks], day, in_currency)
        elif c.auto and in_currency:
            fx.settle_in_currency(uow, item, day, in_currency)
        elif c.auto:
            settle(uow, item, day)
        uow.commit()
    return item


def paid_at_sale(uow, sale: AccountItem, method: object, day: date) -> AccountItem | None:
    """A receipt (``RC-``) of what ``sale`` (a counter sale's + item, just written) leaves open, allocated to it:
    the customer paid at once (inside the sale's ``with uow``; the caller commits). None when nothing is open (the
    customer's credit took it all).

    Raises:
        NotFound: the method (``unknown_payment_method``).
    """
    code = _method(uow, method)
    left = open_of(uow, sale)
    if left <= 0:
        return None
    year = clock.now().astimezone().year
    seq = uow.accounts.last_seq(ItemKind.RECEIPT.value, year) + 1
    item = add_item(uow, Side.AR, sale.partner_id, ItemKind.RECEIPT, -left, day,
                    number=number_for(ItemKind.RECEIPT, year, seq), reference=sale.number,
                    note="paid at the counter", method=code, year=year, seq=seq)
    if item is not None:
        settle(uow, item, day, prefer=[sale.id])
    return item


def _in_currency(uow, side: Side, partner, currency: str, typed: Decimal, rate: Decimal | None,
                 day: date) -> tuple[str, Decimal, Decimal] | None:
    """(currency, rate, company amount) of money typed in a supplier's own currency; None for the company's.

    Raises:
        RuleViolation: a currency the partner does not use (``money_currency_not_partners``), an amount with more
            places than the currency has (``money_currency_places``), no rate given nor of the day
            (``money_no_rate``).
    """
    company = uow.purchasing.policy().currency
    if not currency or currency == company:
        if rate is not None:
            raise refusal(RuleViolation, "money_rate_without_currency", rate=fmt(rate), company=company)
        if places_of(typed) > uow.money_places:
            raise refusal(RuleViolation, "money_currency_places", amount=str(typed), currency=company,
                          places=uow.money_places)
        return None
    theirs = partner.currency if side == Side.AP else company  # a customer is invoiced in the company currency
    if currency != theirs:
        raise refusal(RuleViolation, "money_currency_not_partners", currency=currency, partner=partner.code,
                      theirs=theirs, company=company)
    places = minor_units(currency)
    if places_of(typed) > places:
        raise refusal(RuleViolation, "money_currency_places", amount=str(typed), currency=currency, places=places)
    if rate is None:
        found = uow.rates.on(currency, day)
        if found is None:
            raise refusal(RuleViolation, "money_no_rate", currency=currency, day=day.isoformat())
        rate = found.rate
    amount = round_money(typed * rate, uow.money_places)
    if amount <= 0:
        raise refusal(RuleViolation, "money_currency_places", amount=str(typed), currency=currency, places=places)
    return currency, rate, amount


def _one_item(uow, number: str, side: Side | None, kinds=None) -> AccountItem:
    found = [x for x in uow.accounts.by_number(number, side)
             if x.kind != ItemKind.REVERSAL and (kinds is None or x.kind in kinds)]
    if not found:
        raise refusal(NotFound, "unknown_account_item", number=number)
    sides = {x.side for x in found}
    if len(sides) > 1:
        raise BadInput("side", f"{number} is on both sides; say AR (customers) or AP (suppliers)",
                       code="on_both_sides", values=(number,))
    return found[0]


def allocate_credit(uow, c: ac.AllocateCredit) -> list[Allocation]:
    """Allocate what is left of an item (money, a return, a refund) to the documents named.

    Raises:
        NotFound ``unknown_account_item``: no item carries the number.
        RuleViolation: nothing left of it (``nothing_to_allocate``), or the ``allocation_*`` refusals.
    """
    number = v.code("number", c.number, max_len=limits.CODE).upper()
    side = side_value(c.side, required=False)
    wanted = _targets(c.targets, uow.money_places)
    if not wanted:
        raise BadInput("allocate", "name at least one document to allocate to, as DOC or DOC:AMOUNT",
                       code="allocate_nothing")
    day = business_day(c.day)
    with uow:
        require(uow, Permission.MONEY)
        candidates = [x for x in uow.accounts.by_number(number, side) if x.kind != ItemKind.REVERSAL]
        if not candidates:
            raise refusal(NotFound, "unknown_account_item", number=number)
        item, left, targets = None, ZERO, []
        for x in candidates:
            left, targets = counterparts(uow, x)
            if left > 0:
                item = x
                break
        if item is None:
            raise refusal(RuleViolation, "nothing_to_allocate", number=number)
        partner = uow.customers.get(item.partner_id) if item.side == Side.AR else uow.suppliers.get(item.partner_id)
        picks, problems = by_hand(targets, wanted, left)
        _refuse_plan(problems, partner.code if partner else item.partner_id)
        rows = write_picks(uow, item, picks, day)
        in_currency = fx.foreign_currency_of(uow, item) if item.amount < 0 else None
        if in_currency:
            fx.book_after(uow, [(p.target.item, item) for p in picks], day, in_currency)
        uow.commit()
    return rows


def undo_allocation(uow, c: ac.UndoAllocation) -> list[Allocation]:
    """Undo the allocations (not yet undone) between two items named by their numbers.

    Raises:
        NotFound: no item has one of the numbers; ``allocation_not_found``: the two are not allocated to each other.
    """
    first = v.code("credit", c.credit, max_len=limits.CODE).upper()
    second = v.code("debit", c.debit, max_len=limits.CODE).upper()
    side = side_value(c.side, required=False)
    day = business_day(c.day)
    with uow:
        require(uow, Permission.MONEY)
        ones = uow.accounts.by_number(first, side)
        others = {x.id for x in uow.accounts.by_number(second, side)}
        if not ones:
            raise refusal(NotFound, "unknown_account_item", number=first)
        if not others:
            raise refusal(NotFound, "unknown_account_item", number=second)
        live = {a.id: a for x in ones for a in uow.accounts.live_allocations(x.id)
                if a.debit_item_id in others or a.credit_item_id in others}
        if not live:
            raise refusal(RuleViolation, "allocation_not_found", credit=first, debit=second)
        written_off = next((x.number for x in (*ones, *uow.accounts.by_number(second, side))
                            if x.kind == ItemKind.WRITE_OFF), None)
        if written_off is not None:  # undone, the write-off would stay as credit the partner never paid
            raise refusal(RuleViolation, "write_off_undo", number=written_off)
        booked = next((d for x in ones for d in uow.accounts.by_source(x.id)
                       if d.kind == ItemKind.EXCHANGE_DIFFERENCE and uow.accounts.reversal_of(d.id) is None), None)
        if booked is not None:  # undone alone, the difference would stay: the CNY and currency figures would part
            raise refusal(RuleViolation, "exchange_difference_undo", number=first, difference=booked.number)
        ensure_open(uow, day, what=first)
        now = clock.now()
        rows = [Allocation(new_id(), a.debit_item_id, a.credit_item_id, -a.amount, day, a.id, uow.user, now,
                           uow.device_id) for a in live.values()]
        uow.accounts.add_allocations(rows)
        uow.commit()
    return rows


def reverse_money(uow, c: ac.ReverseMoney) -> AccountItem:
    """Reverse a receipt, payment, refund or write-off: undo its allocations (the documents it settled are open
    again), add the reversal item, allocate the two to each other.

    Raises:
        BadInput: no reason. NotFound ``unknown_money``: no money item has the number.
        RuleViolation ``item_reversed``: reversed already; ``period_closed``.
    """
    number = v.code("number", c.number, max_len=limits.CODE).upper()
    reason = v.text("reason", c.reason, max_len=limits.NOTE)
    day = business_day(c.day)
    with uow:
        require(uow, Permission.MONEY)
        found = [x for x in uow.accounts.by_number(number) if x.kind in MONEY_KINDS or x.kind == ItemKind.WRITE_OFF]
        if not found:
            raise refusal(NotFound, "unknown_money", number=number)
        for difference in uow.accounts.by_source(found[0].id):  # its exchange differences first, then the money
            if difference.kind == ItemKind.EXCHANGE_DIFFERENCE and uow.accounts.reversal_of(difference.id) is None:
                reverse_item(uow, difference, day, reason)
        rev = reverse_item(uow, found[0], day, reason)
        uow.commit()
    return rev


def write_off(uow, c: ac.WriteOff) -> AccountItem:
    """Write off ``c.amount`` (None: all) of what is open on the document ``c.number``: a − item of the document's
    side and partner, allocated to it (to its oldest open items first when several carry the number, as a purchase
    order's receipt lines do), the reason its note and the document's number its reference.

    Returns:
        The write-off item (``WO-2026-00001``).

    Raises:
        BadInput: no reason; the amount not above 0 or with more places than the currency's; the date; a number on
            both sides without ``side``.
        NotFound ``unknown_account_item``: no document carries the number.
        RuleViolation: nothing open on it (``allocation_not_open``), more than is open (``allocation_over_open``);
            the date in a closed month (``period_closed``).
    """
    number = v.code("number", c.number, max_len=limits.CODE).upper()
    reason = v.text("reason", c.reason, max_len=limits.NOTE)
    side = side_value(c.side, required=False)
    places = uow.money_places
    amount = None if c.amount is None or not str(c.amount).strip() else amount_value("amount", c.amount, places)
    day = business_day(c.day)
    with uow:
        require(uow, Permission.MONEY)
        documents = [x for x in uow.accounts.by_number(number, side) if x.kind != ItemKind.REVERSAL and x.amount > 0]
        if not documents:
            raise refusal(NotFound, "unknown_account_item", number=number)
        if len({x.side for x in documents}) > 1:
            raise BadInput("side", f"{number} is on both sides; say AR (customers) or AP (suppliers)",
                           code="on_both_sides", values=(number,))
        first = documents[0]
        partner = uow.customers.get(first.partner_id) if first.side == Side.AR else uow.suppliers.get(first.partner_id)
        code = partner.code if partner else first.partner_id
        targets = [x for x in uow.accounts.open_items(first.side, first.partner_id, sign=1)
                   if x.item.number.upper() == number]
        left = sum((x.open for x in targets), ZERO)
        picks, problems = by_hand(targets, [(number, amount)], amount if amount is not None else left)
        _refuse_plan(problems, code)
        total = sum((p.amount for p in picks), ZERO)
        day = max(day, *(p.target.item.business_date for p in picks))  # never before what it writes off
        year = clock.now().astimezone().year
        seq = uow.accounts.last_seq(ItemKind.WRITE_OFF.value, year) + 1
        item = add_item(uow, first.side, first.partner_id, ItemKind.WRITE_OFF, -total, day,
                        number=number_for(ItemKind.WRITE_OFF, year, seq), reference=number, note=reason,
                        year=year, seq=seq)
        assert item is not None
        write_picks(uow, item, picks, day)
        uow.commit()
    return item


def add_payment_method(uow, c: ac.AddPaymentMethod) -> str:
    """Add a payment method of the office's (or rename one it added); the built-in ones stay as they are."""
    code = v.code("code", c.code, max_len=32).lower()
    name = v.text("name", c.name, max_len=limits.NAME)
    if code in BUILT_IN_METHODS:
        raise refusal(RuleViolation, "payment_method_built_in", method=code)
    with uow:
        require(uow, Permission.MONEY)
        uow.accounts.add_method(code, name)
        uow.commit()
    return code


def set_payment_terms(uow, c: ac.SetPaymentTerms) -> Terms:
    """Set how the partner's due dates are counted (``domain.accounts.terms``); items already open keep theirs.

    The accountant's way to them (``Permission.MONEY``): the basis and days only, both set (days 0 when not given).
    ``customer terms`` and ``supplier terms`` set them beside the rest of the partner's terms (a manager's: prices,
    master data) and change only what is given; the basis and days are read the same way by both.

    Raises:
        BadInput: a basis other than net, month-end (月结) or cod (货到付款); days not a whole number from 0 to 3650.
    """
    side = side_value(c.side)
    basis = basis_value(c.basis, "basis")
    terms = Terms(basis, days_value(c.days if c.days is not None and str(c.days).strip() else "0", "days"))
    with uow:
        require(uow, Permission.MONEY)
        partner = find_partner(uow, side, c.partner)
        uow.accounts.set_terms(side, partner.id, terms)
        uow.commit()
    return terms
