"""What the accounts' read side returns (``persistence.accounts.queries``): immutable rows for screens, the command
line and reports. Money is in the company currency; amounts of money items are shown positive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

BANDS = ("current", "d1_30", "d31_60", "d61_90", "over_90")


@dataclass(frozen=True)
class BalanceRow:
    """A partner's balance with its ageing at the as-of date: ``balance`` = Σ bands − ``credit``.

    The named bands (current … over_90) are the standard ones by the due date, which the dashboard reads; ``bands``
    are those of the scheme the list asked for (``domain.accounts.ageing.Scheme``), which sum to the same."""

    partner_id: str
    code: str
    name: str
    balance: Decimal  # Σ its items: what it owes (AR) or is owed (AP); below 0 when its credit is larger
    credit: Decimal  # unallocated settling amounts (prepayments, overpayments, returns not yet applied)
    current: Decimal  # open amounts not yet due
    d1_30: Decimal
    d31_60: Decimal
    d61_90: Decimal
    over_90: Decimal
    overdue: Decimal  # the four overdue bands together
    oldest_due: date | None  # the earliest due date of an open + item
    bands: tuple[Decimal, ...] = ()  # the open + amounts in the bands of the scheme asked for (ageing.Scheme)
    # a foreign-currency supplier's: its currency and ``balance`` in it at the documents' own rates
    # (``domain.accounts.foreign``; None while a rate is not known); "" and None for everyone else
    currency: str = ""
    in_currency: Decimal | None = None


@dataclass(frozen=True)
class AgeingTotals:
    """The ageing of one side at the as-of date, over every partner."""

    side: str
    as_of: date
    partners: int  # partners with an item
    balance: Decimal
    credit: Decimal
    current: Decimal
    d1_30: Decimal
    d31_60: Decimal
    d61_90: Decimal
    over_90: Decimal
    overdue: Decimal
    bands: tuple[Decimal, ...] = ()  # in the bands of the scheme asked for (ageing.Scheme)


@dataclass(frozen=True)
class OpenItemRow:
    """An item with something still open: a + item (owed) or a − item (credit not yet applied)."""

    id: str
    partner_id: str
    code: str
    name: str
    kind: str
    number: str
    business_date: date
    due_on: date | None
    amount: Decimal  # signed, as stored
    allocated: Decimal
    open: Decimal  # |amount| − allocated, > 0
    days_overdue: int  # at the as-of date; 0 when not due (or a − item)
    source_id: str | None = None  # the document it was made by (documents.id), a PO receipt's movement, or None


@dataclass(frozen=True)
class MoneyRow:
    """A receipt, payment or refund, with what of it is allocated."""

    id: str
    number: str
    kind: str
    business_date: date
    partner_id: str
    code: str
    name: str
    amount: Decimal  # positive: the money received or paid
    method: str
    reference: str
    note: str
    allocated: Decimal
    unallocated: Decimal
    reversed: bool
    user: str
    # typed in the supplier's currency: the currency, the amount in it (positive) and the rate; None otherwise
    currency: str | None = None
    in_currency: Decimal | None = None
    rate: Decimal | None = None


@dataclass(frozen=True)
class AllocationRow:
    """What of a settling item (money, a return) is applied to an item it settles, net of undos (核销)."""

    credit_number: str  # the settling item: a receipt, payment, return, refund or reversal
    credit_kind: str
    debit_number: str  # the item it settles: a sale, a goods receipt, an opening balance…
    debit_kind: str
    amount: Decimal  # > 0: what is applied now
    last_date: date  # the business date of the newest allocation between the two
    # an item allocated to its own reversal is no settlement: the number of the document that was reversed (a goods
    # receipt ``GR-…``, also the one of a delivery whose movement made the item; a sale…), else the item's own
    reversed_by: str = ""
