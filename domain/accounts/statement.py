"""A partner's statement (对账单): what it owed at the start of a period, every item of the period, what it owes at
the end.

A statement is read from the open-item ledger (docs/ACCOUNTS.md) of one side (``AR``: a customer owes us, ``AP``: we
owe a supplier) and one partner, for the days ``start`` to ``end`` inclusive:

* the **opening balance** is the sum of the partner's item amounts dated before ``start``;
* every item dated in the period is a **line**, in date order (then in the order it was recorded): an amount that
  raises what is owed (+: a sale, a goods receipt, a refund) is an *increase*, one that settles it (−: a receipt, a
  payment, a return) a *decrease*, and the **running balance** after each line is the opening plus every amount
  so far. A reversal and the item it reverses are both lines: the statement shows what happened, and the two
  cancel in the balance;
* a goods receipt's payable is one item per line received; the lines of one order received on one day are **one
  line** of the statement (the amount of that receipt, as the supplier's delivery note has it), not one per product;
* the **closing balance** is the opening plus the period's increases less its decreases, which is the partner's
  balance at the end of ``end``; it is also written in Chinese capitals (大写金额).

Everything is an exact ``Decimal``: the stored amounts are already rounded to the currency's places, so the
figures are only given that many places for printing (no rounding happens), and the closing balance equals the sum
of the partner's items to the cent. A negative balance is the partner's credit (it paid ahead, or we did).

``build_statement`` is pure (the reader in ``persistence.accounts.statement`` gives it the opening sum and the
period's items); ``statement_subject`` finds the partner by its code (or id) and checks that the acting user may
see what partners owe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import replace
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.model import BUILT_IN_METHODS
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.kernel.capitals import capitals
from domain.kernel.currencies import minor_units
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import MONEY_PLACES
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal
from domain.sales.printing import PartyBlock

AR, AP = Side.AR, Side.AP  # the model's one definition of the two sides (a StrEnum, equal to "AR" and "AP")
SIDES = (AR, AP)

# An item's kind (account_items.kind) in words, as the statement prints it in English.
KIND_WORDS: dict[str, str] = {
    "sale": "Sale",
    "customer_return": "Customer return",
    "goods_receipt": "Goods receipt",
    "supplier_return": "Return to supplier",
    "supplier_invoice": "Supplier invoice",
    "invoice_match": "Invoice matched to receipts",
    "opening": "Opening item",  # one carried in from the old books; not the statement's opening balance line
    "receipt": "Receipt",
    "payment": "Payment",
    "refund": "Refund",
    "reversal": "Reversal",
    "write_off": "Write-off",
    "exchange_difference": "Exchange difference",  # 汇兑损益: a gain (−) or a loss (+) of a foreign supplier's
}

# The built-in payment methods (account_items.method) in words, the list money is recorded with; a method the office
# added prints by its own name.
METHOD_WORDS: dict[str, str] = BUILT_IN_METHODS


def with_typed(reference: str, currency: str | None, amount: Decimal | None, rate: Decimal | None) -> str:
    """A payment's reference with the amount it was typed in the supplier's currency and its rate after it
    (``TT-0042 · USD 113.00 @ 6.8``), so the statement's line says what was paid in dollars; as it is otherwise."""
    if not currency or amount is None or rate is None:
        return reference
    typed = f"{currency} {abs(amount):,.{minor_units(currency)}f} @ {rate.normalize():f}"
    return f"{reference} · {typed}" if reference else typed


def kind_words(kind: str) -> str:
    """The kind of an item in English words; an unknown kind as it is stored."""
    return KIND_WORDS.get(kind, kind)


@dataclass(frozen=True)
class StatementItem:
    """One stored item as the statement reads it.

    Attributes:
        id: the item's id (orders two items of one day recorded at the same instant).
        business_date: the day the item counts from.
        number: the document's number (SD-…, RC-…); may be empty.
        kind: ``account_items.kind``.
        amount: signed, in the company currency: + raises what is owed, − settles it.
        method: the payment method's code ("" for documents), or its name for one the office added.
        reference: the payment's reference (a bank slip, a transfer number), or the document's.
        note: free text.
        reverses_number: for a reversal, the number of the item it reverses ("" otherwise).
        created_at: when it was recorded (orders the items of one day); None when unknown.
    """

    id: str
    business_date: date
    number: str
    kind: str
    amount: Decimal
    method: str = ""
    reference: str = ""
    note: str = ""
    reverses_number: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class StatementLine:
    """One line of a statement: an item of the period with the balance after it.

    ``increase`` and ``decrease`` are positive (one of them zero): what the item added to and took from the balance.
    """

    business_date: date
    number: str
    kind: str
    method: str
    reference: str
    note: str
    reverses_number: str
    increase: Decimal
    decrease: Decimal
    balance: Decimal

    @property
    def amount(self) -> Decimal:
        return self.increase - self.decrease


@dataclass(frozen=True)
class Statement:
    """A partner's statement for ``start`` to ``end`` (both inclusive); see the module's docstring.

    Attributes:
        side: ``AR`` (a customer's statement) or ``AP`` (a supplier's).
        partner_id: the customer's or supplier's id.
        partner: the partner as printed (name, code, address, contact).
        company: our company as printed in the header.
        currency: the company currency the amounts are in.
        places: the currency's decimals; every figure has exactly this many.
        opening: the balance at the start of ``start``.
        lines: the period's items in date order, each with the balance after it.
        total_increase, total_decrease: the sums of the lines' increases and decreases (both positive).
        closing: the balance at the end of ``end`` (opening + increases − decreases).
        closing_in_words: ``closing`` in Chinese capitals (负… for a credit balance).
        in_currency: a supplier in a foreign currency: (its currency, what it is owed in it at the end of ``end``,
            at the documents' own rates, ``domain.accounts.foreign``; None while a rate is not known); None for
            everyone else.
    """

    side: str
    partner_id: str
    partner: PartyBlock
    company: PartyBlock
    currency: str
    places: int
    start: date
    end: date
    opening: Decimal
    lines: tuple[StatementLine, ...]
    total_increase: Decimal
    total_decrease: Decimal
    closing: Decimal
    closing_in_words: str
    in_currency: tuple[str, Decimal | None] | None = None


def check_period(start: object, end: object) -> tuple[date, date]:
    """``(start, end)`` when both are dates and ``start`` is not after ``end``; BadInput naming the fields if not."""
    for field, value in (("from", start), ("to", end)):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise BadInput(field, f"{value!r} is not a date; give a day such as 2026-12-01",
                           code="not_a_date", values=(repr(value),))
    assert isinstance(start, date) and isinstance(end, date)
    if start > end:
        raise BadInput("from", f"{start.isoformat()} is after to ({end.isoformat()}); the period runs from its first "
                               f"day to its last, so give a from date on or before the to date",
                       code="from_after_to", values=(start.isoformat(), end.isoformat()))
    return start, end


def build_statement(side: str, partner_id: str, partner: PartyBlock, company: PartyBlock, start: date, end: date,
                    opening: Decimal, items: Iterable[StatementItem], *, currency: str = "CNY",
                    places: int = MONEY_PLACES) -> Statement:
    """The statement of a partner from its opening balance and the items of the period.

    Args:
        side: ``AR`` or ``AP``.
        partner_id: the partner's id.
        partner, company: the two name blocks as printed.
        start, end: the first and last day of the period (inclusive).
        opening: the sum of the partner's item amounts dated before ``start``.
        items: the partner's items dated ``start`` to ``end``, in any order.
        currency: the company currency.
        places: the currency's decimals (the stored amounts have no more that are not zero).

    Returns:
        The statement, lines in date order (then recorded time, number, id).

    Raises:
        BadInput: ``side`` is neither AR nor AP, the period is not two dates in order, or an item lies outside it.
    """
    if side not in SIDES:
        raise BadInput("side", f"{side!r} is not a side of the accounts; use AR (a customer) or AP (a supplier)",
                       code="not_an_accounts_side", values=(repr(side),))
    check_period(start, end)
    ordered = sorted(items, key=_in_order)
    balance = _money(opening, places)
    first = balance
    up = down = _money(ZERO, places)
    lines = []
    for item in ordered:
        if not start <= item.business_date <= end:
            raise BadInput("items", f"{item.number or item.id} is dated {item.business_date.isoformat()}, outside "
                                    f"{start.isoformat()} to {end.isoformat()}")
        amount = _money(item.amount, places)
        increase = amount if amount > 0 else _money(ZERO, places)
        decrease = -amount if amount < 0 else _money(ZERO, places)
        balance += amount
        up += increase
        down += decrease
        last = lines[-1] if lines else None
        if (last is not None and item.kind == last.kind == ItemKind.GOODS_RECEIPT.value and amount > 0
                and last.decrease == 0 and (last.business_date, last.number) == (item.business_date, item.number)):
            # another line of the same receipt: added to it; a line's own reference (its product) says nothing of
            # the receipt, so the merged line keeps one only when every line had the same
            lines[-1] = replace(last, increase=last.increase + increase, balance=balance,
                                reference=last.reference if last.reference == item.reference else "",
                                note=last.note if last.note == _note(item) else "")
            continue
        lines.append(StatementLine(item.business_date, item.number, item.kind, item.method, item.reference,
                                   _note(item), item.reverses_number, increase, decrease, balance))
    return Statement(side, partner_id, partner, company, currency, places, start, end, first, tuple(lines), up, down,
                     balance, capitals(round_money(balance, min(places, 2))))


# The note that earlier versions wrote on every imported opening item, in English whatever the reader's language; the
# statement's kind column already says 期初单据 / Opening item.
_OLD_OPENING_NOTE = "opening balance"


def _note(item: StatementItem) -> str:
    if item.kind == ItemKind.OPENING.value and (item.note or "").strip().lower() == _OLD_OPENING_NOTE:
        return ""
    return item.note


def _in_order(item: StatementItem) -> tuple:
    """Date order, then as recorded (an item without its recording time first), then number and id."""
    recorded = (1, item.created_at) if item.created_at is not None else (0, 0)
    return item.business_date, recorded, item.number, item.id


def _money(value: Decimal, places: int) -> Decimal:
    """``value`` with exactly ``places`` decimals; a stored amount carries no more, so nothing is rounded away."""
    rounded = round_money(value, places)
    if rounded != value:
        raise BadInput("amount", f"{value} has more decimals than the currency's {places}; amounts are stored "
                                 f"rounded to the currency's places")
    return rounded


@dataclass(frozen=True)
class Subject:
    """Whose statement: the side, the partner's id and its printed block, our company, the currency."""

    side: str
    partner_id: str
    partner: PartyBlock
    company: PartyBlock
    currency: str


def statement_subject(uow, code: str | None = None, *, side: str | None = None,
                      partner_id: str | None = None) -> Subject:
    """The partner a statement is for, found by its ``code`` (or by ``side`` and ``partner_id``).

    A code may name a customer and a supplier both (the two lists are kept apart); then ``side`` must say which,
    else the refusal ``partner_ambiguous`` asks for it. Opens and leaves ``uow``.

    Raises:
        Forbidden: the acting user may not see what partners owe (``Permission.ACCOUNTS``).
        NotFound: no customer (or supplier) has the code or id.
        RuleViolation: ``partner_ambiguous``.
    """
    if side is not None and side not in SIDES:
        raise BadInput("side", f"{side!r} is not a side of the accounts; use AR (a customer) or AP (a supplier)",
                       code="not_an_accounts_side", values=(repr(side),))
    with uow:
        require(uow, Permission.ACCOUNTS)
        if partner_id is not None:
            if side is None:
                raise BadInput("side", "give the side (AR or AP) of the partner's id", code="side_of_partner_id")
            repo = uow.customers if side == AR else uow.suppliers
            found = repo.get(partner_id)
            if found is None:
                raise refusal(NotFound, "unknown_partner_id", side=side, id=partner_id)
            customer, supplier = (found, None) if side == AR else (None, found)
        else:
            text = (code or "").strip()
            if not text:
                raise BadInput("partner", "give a customer or supplier code", code="give_partner_code")
            customer = uow.customers.by_code(text) if side in (None, AR) else None
            supplier = uow.suppliers.by_code(text) if side in (None, AP) else None
            if customer is None and supplier is None:
                which = {AR: "unknown_customer_code", AP: "unknown_supplier_code"}.get(side or "", "unknown_partner")
                raise refusal(NotFound, which, code=text)
            if customer is not None and supplier is not None:
                raise refusal(RuleViolation, "partner_ambiguous", code=text)
        policy = uow.purchasing.policy()
        company = PartyBlock(policy.company_name, address=policy.company_address)
        if customer is not None:
            terms = uow.prices.terms(customer.id)
            block = PartyBlock(customer.name, customer.code, terms.address if terms else "", customer.contact,
                               terms.phone if terms else "", payment_terms=terms.payment_terms if terms else "")
            return Subject(AR, customer.id, block, company, policy.currency)
        assert supplier is not None
        block = PartyBlock(supplier.name, supplier.code, supplier.address, supplier.contact)
        return Subject(AP, supplier.id, block, company, policy.currency)
