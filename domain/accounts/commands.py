"""What a user asks of receivables and payables: raw values, checked by the use cases (``domain.accounts.money``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AllocateTo:
    """A document (or money) number to allocate to, and how much (None: all that is open on it, up to what is left)."""

    number: str
    amount: object = None


@dataclass(frozen=True)
class RecordMoney:
    """A receipt from a customer (``kind`` "receipt"), a payment to a supplier ("payment"), or a refund ("refund":
    money paid back to a customer, ``side`` AR, or received back from a supplier, AP).

    ``allocate`` names what it settles by hand; with none it is allocated oldest first (``auto``; False keeps it all
    as credit). What is left unallocated is the partner's credit.
    """

    kind: str
    partner: str
    amount: object
    side: str = ""  # a refund's: AR or AP (a receipt is AR, a payment AP)
    method: str = "cash"
    day: date | None = None  # None: today
    reference: str = ""
    note: str = ""
    allocate: tuple[AllocateTo, ...] = ()
    auto: bool = True
    # the currency ``amount`` is in: "" (or the company's) the company currency; a supplier's own currency keeps the
    # amount in it and the rate (company currency per 1 unit; None: the rate of the day) on the item
    currency: str = ""
    rate: object = None


@dataclass(frozen=True)
class AllocateCredit:
    """Allocate what is left of an item (a receipt, payment, return, refund: by its number) by hand."""

    number: str
    targets: tuple[AllocateTo, ...]
    side: str = ""  # "" : whichever side has an item of that number (refused when both do)
    day: date | None = None


@dataclass(frozen=True)
class UndoAllocation:
    """Undo the allocations between two items (by their numbers): what they settled is open again."""

    credit: str
    debit: str
    side: str = ""
    day: date | None = None


@dataclass(frozen=True)
class ReverseMoney:
    """Reverse a receipt, payment or refund by its number: its allocations are undone first."""

    number: str
    reason: str
    day: date | None = None


@dataclass(frozen=True)
class WriteOff:
    """Write off what is left open on a document (a sale, a goods receipt, an opening item: by its number): a small
    remainder a customer will not pay, or we will not pay a supplier. ``amount`` None: all that is open on it."""

    number: str
    reason: str
    amount: object = None
    side: str = ""  # "" : whichever side has an open document of that number (refused when both do)
    day: date | None = None


@dataclass(frozen=True)
class AddPaymentMethod:
    code: str
    name: str


@dataclass(frozen=True)
class SetPaymentTerms:
    """How a partner's payment days count: ``basis`` net | month_end | cod, and ``days``."""

    side: str
    partner: str
    basis: str
    days: object = 0
