"""The open-item ledger of receivables and payables (docs/ACCOUNTS.md): items, allocations, open amounts.

An item's ``amount`` is signed in the company currency: + raises what the partner owes (AR) or is owed (AP),
- settles it. An allocation applies part of a - item (``credit_item_id``) to a + item (``debit_item_id``); undoing
it is a row with the negative amount and ``undoes_id``. Both are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.kernel.numbers import ZERO


class Side(StrEnum):
    AR = "AR"  # receivables (应收): a customer owes us
    AP = "AP"  # payables (应付): we owe a supplier


class ItemKind(StrEnum):
    SALE = "sale"
    CUSTOMER_RETURN = "customer_return"
    GOODS_RECEIPT = "goods_receipt"
    SUPPLIER_RETURN = "supplier_return"
    SUPPLIER_INVOICE = "supplier_invoice"
    INVOICE_MATCH = "invoice_match"
    OPENING = "opening"
    RECEIPT = "receipt"
    PAYMENT = "payment"
    REFUND = "refund"
    REVERSAL = "reversal"
    WRITE_OFF = "write_off"  # what is left open on a document, not to be paid: settles it without money
    # 汇兑损益: what a foreign supplier's document still reads in the company currency once money settled it whole in
    # the supplier's currency (- a gain), or what money paid in that currency settled beyond it (+ a loss)
    EXCHANGE_DIFFERENCE = "exchange_difference"


# Money items, openings and write-offs: numbered by the accounts area itself (RC-, PM-, RF-, OB-, WO-YYYY-NNNNN).
PREFIXES = {ItemKind.RECEIPT: "RC", ItemKind.PAYMENT: "PM", ItemKind.REFUND: "RF", ItemKind.OPENING: "OB",
            ItemKind.WRITE_OFF: "WO", ItemKind.EXCHANGE_DIFFERENCE: "FX"}
MONEY_KINDS = frozenset({ItemKind.RECEIPT, ItemKind.PAYMENT, ItemKind.REFUND})

# The built-in payment methods (account_items.method) and their English names; an office adds its own
# (payment_methods). One list: what money may be recorded with and what a statement prints.
BUILT_IN_METHODS = {"cash": "Cash", "bank": "Bank transfer", "wechat": "WeChat Pay", "alipay": "Alipay",
                    "other": "Other"}


def number_for(kind: ItemKind, year: int, seq: int) -> str:
    """``RC-2026-00001``: the number of the ``seq``-th money item of its kind in ``year``."""
    return f"{PREFIXES[kind]}-{year:04d}-{seq:05d}"


@dataclass(frozen=True)
class AccountItem:
    """One immutable thing that changes what a partner owes or is owed (a row of ``account_items``)."""

    id: str
    side: Side
    partner_id: str
    kind: ItemKind
    number: str
    business_date: date
    amount: Decimal  # signed: + raises what is owed, - settles it
    due_on: date | None = None  # + items only
    year: int | None = None
    seq: int | None = None
    source_id: str | None = None  # the document (documents.id), a PO receipt's movement, or None for money
    method: str = ""
    reference: str = ""
    note: str = ""
    reverses_id: str | None = None
    user: str = ""
    created_at: datetime | None = None
    device_id: str = ""
    # money recorded in a foreign supplier's currency (付款单 in USD): the currency, the amount typed in it (signed
    # like ``amount``) and the rate it was converted at (company currency per 1 unit); None for the rest
    fx_currency: str | None = None
    fx_amount: Decimal | None = None
    fx_rate: Decimal | None = None

    @property
    def is_debit(self) -> bool:
        """A + item: it raises what is owed and is settled by allocations."""
        return self.amount > 0


@dataclass(frozen=True)
class Allocation:
    """``amount`` of a settling item applied to an item it settles (核销); negative with ``undoes_id``: an undo."""

    id: str
    debit_item_id: str
    credit_item_id: str
    amount: Decimal
    business_date: date
    undoes_id: str | None = None
    user: str = ""
    created_at: datetime | None = None
    device_id: str = ""


@dataclass(frozen=True)
class OpenItem:
    """An item with what its allocations took of it: ``open`` = |amount| - allocated, within [0, |amount|]."""

    item: AccountItem
    allocated: Decimal = ZERO

    @property
    def open(self) -> Decimal:
        return abs(self.item.amount) - self.allocated


def open_amount(item: AccountItem, allocated: Decimal) -> Decimal:
    """What of ``item`` is not yet allocated (its open amount)."""
    return abs(item.amount) - allocated


@dataclass(frozen=True)
class Terms:
    """A partner's payment terms as receivables and payables need them (customer_profiles/supplier_profiles)."""

    basis: str = "net"  # net | month_end | cod
    days: int = 0
