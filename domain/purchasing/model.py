"""The purchase order aggregate: lines, states and the rules that move between them.

A draft is freely editable. Issuing gives it a number and freezes what the supplier sees into
a snapshot (``domain.purchasing.snapshot``). Afterwards a change is a revision: the revision
number goes up and the snapshot is frozen again, so the supplier's copy and ours never drift
apart silently. Receipts raise each line's received quantity; what is still open is on order.

Quantities on a line are in stock units; ``pack_size`` says how many stock units the supplier
packs together and ``price_per`` whether the price is per stock unit or per pack.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_cost
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal


class PoState(enum.StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"
    CLOSED = "closed"


# The states whose open quantity is on order (the rule: ``on_order`` below).
OPEN_STATES = (PoState.ISSUED, PoState.PARTLY_RECEIVED)
# What only an open PO allows, as the refusal says it → the start of the refusal's code (domain.kernel.refusals).
OPEN_ACTIONS = {"receive against it": "receive", "close it short": "close"}
EDITABLE_STATES = (PoState.DRAFT, *OPEN_STATES)


def open_quantity(ordered: Decimal, received: Decimal) -> Decimal:
    """A PO line's open quantity: ordered − received, never negative (an over-receipt within tolerance)."""
    return max(ZERO, ordered - received)


def on_order(lines: Iterable[tuple[str, str, Decimal, Decimal]]) -> dict[tuple[str, str], Decimal]:
    """The on-order quantity per (product id, warehouse id): the sum of the open quantities of the given lines
    of open POs (``OPEN_STATES``), each line as (product id, PO's warehouse id, ordered, received).

    The one definition of on order: the purchasing check and the recompute after a sync read the lines with
    ``persistence.purchasing.orders.on_order`` and sum them here; the use cases (``domain.purchasing.orders``)
    keep each balance's ``on_order`` equal to it by adding each change of a line's ``open_qty``.
    """
    total: dict[tuple[str, str], Decimal] = {}
    for product_id, warehouse_id, ordered, received in lines:
        key = (product_id, warehouse_id)
        total[key] = total.get(key, ZERO) + open_quantity(ordered, received)
    return total


class PricePer(enum.StrEnum):
    UNIT = "unit"
    PACK = "pack"


@dataclass
class PoLine:
    id: str
    line_no: int
    product_id: str
    sku: str
    description: str
    unit: str
    qty: Decimal
    price: Decimal
    price_per: PricePer = PricePer.UNIT
    pack_size: Decimal = Decimal(1)
    supplier_sku: str = ""
    received: Decimal = ZERO

    @property
    def open_qty(self) -> Decimal:
        """What is still expected (never negative, also after an over-receipt within tolerance)."""
        return open_quantity(self.qty, self.received)

    @property
    def packs(self) -> Decimal:
        return self.qty / self.pack_size

    def amount(self, places: int = 2) -> Decimal:
        billed = self.qty if self.price_per == PricePer.UNIT else self.qty / self.pack_size
        return round_money(self.price * billed, places)

    @property
    def unit_cost(self) -> Decimal:
        """The cost of one stock unit: the pack price divided by the pack size when priced per pack."""
        if self.price_per == PricePer.UNIT:
            return self.price
        return round_cost(self.price / self.pack_size)


# The note planning puts on the drafts it makes (``domain.planning.drafts``): for the purchaser, not the supplier, so
# a PO's printed copy leaves it out (``domain.purchasing.snapshot.freeze``). Drafts made before this was settled carry
# the window's words for it, in Chinese when the window showed Chinese; those are left out too.
PLANNING_NOTE = "suggested by replenishment planning"
INTERNAL_NOTES = frozenset({PLANNING_NOTE, "由补货计划建议"})


def supplier_notes(notes: str) -> str:
    """The notes a supplier is sent: ``notes`` without planning's note (``INTERNAL_NOTES``), which is ours."""
    return "" if notes.strip() in INTERNAL_NOTES else notes


@dataclass
class PurchaseOrder:
    id: str
    supplier_id: str
    warehouse_id: str
    created_at: datetime
    currency: str = "CNY"
    state: PoState = PoState.DRAFT
    number: str | None = None
    revision: int = 0
    issued_at: datetime | None = None
    expected_on: date | None = None
    tax_rate: Decimal = Decimal(13)
    terms: str = ""
    notes: str = ""
    reason: str = ""
    snapshot: str = ""
    lines: list[PoLine] = field(default_factory=list)
    device_id: str = ""
    version: int = 1
    fixed_rate: Decimal | None = None  # units of company currency per 1 ``currency``; None: the receipt date's rate

    @property
    def label(self) -> str:
        """The number once issued, else the draft's id."""
        return self.number or self.id

    def line_for(self, sku: str) -> PoLine | None:
        return next((line for line in self.lines if line.sku == sku), None)

    def subtotal(self, places: int = 2) -> Decimal:
        return sum((line.amount(places) for line in self.lines), ZERO)

    def tax(self, places: int = 2) -> Decimal:
        return round_money(self.subtotal(places) * self.tax_rate / 100, places)

    def total(self, places: int = 2) -> Decimal:
        return self.subtotal(places) + self.tax(places)

    def require_editable(self) -> None:
        if self.state not in EDITABLE_STATES:
            raise refusal(RuleViolation, "po_not_editable", po=self.label, state=self.state.value)

    def require_open(self, action: str) -> None:
        """Refuse ``action`` (a key of ``OPEN_ACTIONS``) unless the PO is open."""
        if self.state not in OPEN_STATES:
            why = "not_issued" if self.state == PoState.DRAFT else "not_open"
            raise refusal(RuleViolation, f"{OPEN_ACTIONS[action]}_{why}", po=self.label, state=self.state.value)

    def settle_state(self) -> None:
        """After a receipt: received when every line is complete, else partly received."""
        if all(line.open_qty == 0 for line in self.lines):
            self.state = PoState.RECEIVED
        elif any(line.received > 0 for line in self.lines):
            self.state = PoState.PARTLY_RECEIVED
        else:
            self.state = PoState.ISSUED


def over_receipt_limit(ordered: Decimal, tolerance_pct: Decimal) -> Decimal:
    """The most that may be received against ``ordered`` with a tolerance in percent (exact)."""
    return ordered + ordered * tolerance_pct / 100


def check_receipt(po: PurchaseOrder, line: PoLine, qty: Decimal, tolerance_pct: Decimal) -> None:
    """Refuse a receipt that would take the line beyond its over-receipt tolerance."""
    limit = over_receipt_limit(line.qty, tolerance_pct)
    if line.received + qty > limit:
        room = max(ZERO, limit - line.received)
        raise refusal(RuleViolation, "over_receipt", sku=line.sku, po=po.label, ordered=fmt(line.qty),
                      received=fmt(line.received), qty=fmt(qty), tolerance=fmt(tolerance_pct), room=fmt(room))



@dataclass(frozen=True)
class SupplierProfile:
    """What a PO needs of a supplier beyond ``domain.catalog.model.Supplier``."""

    supplier_id: str
    payment_terms: str = ""  # as text, printed on the PO
    email: str = ""
    phone: str = ""
    payment_basis: str = "net"  # how the due dates of its payables count (domain.accounts.terms)
    payment_days: int = 0


@dataclass(frozen=True)
class TermDetails:
    """How a supplier sells one product: the supplier's item name, pack size and price basis."""

    supplier_id: str
    product_id: str
    item_name: str = ""
    pack_size: Decimal = Decimal(1)
    price_per: PricePer = PricePer.UNIT


@dataclass(frozen=True)
class PurchasingPolicy:
    """Settings that purchasing rules read (stored in the database's settings table).

    Attributes:
        tax_rate: percent added to the subtotal of a PO (13 unless set).
        over_receipt_tolerance: percent a line may be over-received (0 unless set).
        company_name: printed at the top of the PO; blank until set (Settings › General, ``po config``): the
            documents then print no name at all rather than an invented one.
        company_address: printed under the company name.
        company_logo: path of an image (PNG or JPEG) printed above the company name; blank for none.
        currency: the company's own currency (ISO 4217), chosen when the company database was created.
    """

    tax_rate: Decimal = Decimal(13)
    over_receipt_tolerance: Decimal = ZERO
    company_name: str = ""
    company_address: str = ""
    company_logo: str = ""
    currency: str = "CNY"
