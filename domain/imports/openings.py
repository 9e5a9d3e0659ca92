"""Opening balances of receivables and payables from a file (期初应收应付): one ``opening`` item per row.

A row names the side (customer/AR/应收 or supplier/AP/应付), the partner's code, the amount (+ what the partner owes
us or we owe it, − a credit or prepayment), the date (blank: today), the due date (blank: the partner's payment
terms from the date) and a reference. Every row is checked before anything is written (``domain.imports.run``); a
bad row is reported with its reasons and nothing is written.

Each row becomes an ``opening`` item numbered ``OB-YYYY-NNNNN`` (the year it is imported in, as money is
numbered), allocated like any item: a + opening takes the partner's unallocated credit oldest first, a − opening
settles its open items oldest first; what is left is credit.

**Idempotency.** An opening item's ``source_id`` is ``imp-OB-`` and a hash of its row's content (side, partner,
amount, date, due date, reference) and of how many identical rows came before it in the file, so importing the
same file twice writes its rows once; a row already imported counts as unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.accounts.items import add_item
from domain.accounts.items import settle
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.model import number_for
from domain.imports.cells import Row
from domain.imports.cells import business_day
from domain.imports.cells import planned_day
from domain.imports.problems import Said
from domain.imports.report import ImportResult
from domain.imports.stock import row_ref
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork

OPENING_REF = "imp-OB-"
# What a side is written as (compared without case and spaces).
SIDE_WORDS = {
    "ar": Side.AR, "customer": Side.AR, "customers": Side.AR, "receivable": Side.AR, "receivables": Side.AR,
    "应收": Side.AR, "应收账款": Side.AR, "客户": Side.AR,
    "ap": Side.AP, "supplier": Side.AP, "suppliers": Side.AP, "payable": Side.AP, "payables": Side.AP,
    "vendor": Side.AP, "应付": Side.AP, "应付账款": Side.AP, "供应商": Side.AP,
}


@dataclass(frozen=True)
class OpenOpening:
    """One checked row: the opening item to write."""

    side: Side
    partner_id: str
    amount: Decimal
    day: date
    due_on: date | None
    reference: str
    source_id: str


def side_of(field: str, text: str) -> Side:
    key = "".join(text.split()).casefold()
    if key not in SIDE_WORDS:
        raise BadInput(field, f"{text!r} is not a side; enter customer (AR, 应收) or supplier (AP, 应付)",
                       code="not_a_side", values=(repr(text),))
    return SIDE_WORDS[key]


def _amount(places: int):
    def check(field: str, text: str) -> Decimal:
        amount = v.number(field, text, max_places=places)
        if amount == 0:
            raise BadInput(field, "must not be 0", code="zero")
        if abs(amount) >= limits.VALUE_MAX:
            raise BadInput(field, f"{text} is too large", code="too_large", values=(text,))
        return amount

    return check


def plan_openings(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult, *, today: date) -> list:
    """Check opening rows against the partners, the period close and what is already imported; the commands."""
    commands: list = []
    occurrences: dict[tuple[str, ...], int] = {}
    closed = uow.periods.closed_through()
    for row in rows:
        result.rows += 1
        side = row.take("side", side_of)
        code = row.take("partner", lambda f, t: v.code(f, t, max_len=limits.CODE))
        amount = row.take("amount", _amount(uow.money_places))
        day = row.take("date", business_day, default=today)
        due = row.take("due", planned_day)
        reference = row.take("reference", lambda f, t: v.text(f, t, required=False, max_len=limits.REFERENCE),
                             default="")
        partner = None
        if side is not None and code:
            partner = uow.customers.by_code(code) if side == Side.AR else uow.suppliers.by_code(code)
            if partner is None:
                what = "unknown_customer" if side == Side.AR else "unknown_supplier"
                accept = "accept_import_customers_first_code" if side == Side.AR else "accept_import_suppliers_first"
                row.problem("partner", Said(what, (repr(code),)), Said(accept))
        if day is not None and closed is not None and day <= closed:
            row.problem("date", Said("in_closed_period", (day.isoformat(), closed.isoformat())),
                        Said("accept_date_after", (closed.isoformat(),)))
        if due is not None and day is not None and due < day:
            row.problem("due", Said("due_before_date", (due.isoformat(), day.isoformat())),
                        Said("accept_due_on_or_after", (day.isoformat(),)))
        if not row.ok:
            continue
        parts = (side.value, partner.id, fmt(amount), day.isoformat(), due.isoformat() if due else "", reference)
        occurrences[parts] = occurrences.get(parts, 0) + 1
        source = row_ref(OPENING_REF, parts, occurrences[parts])
        if uow.accounts.by_source(source):
            result.unchanged += 1
            continue
        commands.append(OpenOpening(side, partner.id, amount, day, due, reference, source))
        result.added += 1
    return commands


def write_opening(uow: UnitOfWork, c: OpenOpening) -> None:
    """Write one opening item (inside the import's transaction) and allocate it."""
    year = clock.now().astimezone().year
    seq = uow.accounts.last_seq(ItemKind.OPENING.value, year) + 1
    item = add_item(uow, c.side, c.partner_id, ItemKind.OPENING, c.amount, c.day,
                    number=number_for(ItemKind.OPENING, year, seq), source_id=c.source_id, reference=c.reference,
                    year=year, seq=seq, due_on=c.due_on)  # its kind says what it is: no note in one language
    if item is not None:
        settle(uow, item, c.day)


HANDLERS = {OpenOpening: write_opening}
