"""What the reports share: a period of business days, a quantity with its value, and how a movement counts.

A movement counts in the stock summary under one ``Flow``, from its kind and its source (``flow_of``): a
receipt from a supplier or a customer's return, a sale or a plain shipment or a return to the supplier, a
transfer's leg, an adjustment or a count. A reversal counts under the flow of the movement it reverses, so a
reversed sale lowers the period's sales instead of showing as a receipt, and there it counts exactly the opposite of
what its original counted: a reversal that moved another value (a receipt reversed after its stock moved on leaves at
the current average, ``domain.stock.valuation``) shows the rest as a price difference (进货差价,
``Flow.PRICE_DIFFERENCE``), so the receipts net of their reversals are what was bought and opening + flows = closing
still holds to the cent.

Opening stock is not a flow: the receipts an import posts (``OPENING_SOURCE``, ``OPENING_REFS``: the counted
opening stock and the opening balance of an imported sales history, ``domain.imports.stock``) are what the business
held when it started with Stockroom, so the stock summary counts them in its opening column (期初) in the period
they fall in, never as purchases.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from typing import NamedTuple

from domain.imports.stock import BRIDGE_REF
from domain.imports.stock import SOURCE_TYPE as IMPORTED
from domain.imports.stock import STOCK_REF
from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO

HUNDRED = Decimal(100)
PCT = Decimal("0.01")


class Flow(enum.StrEnum):
    RECEIPT = "receipt"
    CUSTOMER_RETURN = "customer_return"
    TRANSFER_IN = "transfer_in"
    SALE = "sale"
    SHIPMENT = "shipment"
    SUPPLIER_RETURN = "supplier_return"
    TRANSFER_OUT = "transfer_out"
    ADJUSTMENT = "adjustment"
    COUNT = "count"
    PRICE_DIFFERENCE = "price_difference"


FLOWS = tuple(Flow)  # the stock summary's columns
# The flows a movement counts in (``FLOW_RULES``; ``persistence/stock/months.py`` keeps a counter for each). The price
# difference (进货差价) is no movement's: it is what a reversal moved beyond the opposite of what its original counted
# (``price_difference``), taken out of its original's flow by the stock summary's read, so that receipts net of their
# reversals are what was bought.
LEDGER_FLOWS = tuple(f for f in Flow if f is not Flow.PRICE_DIFFERENCE)
INWARD = (Flow.RECEIPT, Flow.CUSTOMER_RETURN, Flow.TRANSFER_IN)  # shown as they come: in > 0
OUTWARD = (Flow.SALE, Flow.SHIPMENT, Flow.SUPPLIER_RETURN, Flow.TRANSFER_OUT)  # shown turned round: out > 0
NET = (Flow.ADJUSTMENT, Flow.COUNT, Flow.PRICE_DIFFERENCE)  # either way: shown signed, + in
VALUE_ONLY = (Flow.PRICE_DIFFERENCE,)  # a value with no quantity: the summary shows its value alone


# Which flow a movement counts in, by its kind and its document's source type (None: any other source); the first
# rule that matches wins, and a movement no rule names is an adjustment. ``flow_of`` reads this table and the stock
# summary's read builds its SQL from it, so the two cannot disagree.
FLOW_RULES: tuple[tuple[str, str | None, Flow], ...] = (
    ("receipt", "customer_return", Flow.CUSTOMER_RETURN),
    ("receipt", None, Flow.RECEIPT),
    ("shipment", "sale", Flow.SALE),
    ("shipment", "supplier_return", Flow.SUPPLIER_RETURN),
    ("shipment", None, Flow.SHIPMENT),
    ("transfer_in", None, Flow.TRANSFER_IN),
    ("transfer_out", None, Flow.TRANSFER_OUT),
    ("count_adjustment", None, Flow.COUNT),
)
OTHER_FLOW = Flow.ADJUSTMENT  # an adjustment (and a reversal whose original is unknown)

# Opening stock: a receipt with this source type and a source ref starting with one of these (and its reversal).
OPENING_KIND, OPENING_SOURCE, OPENING_REFS = "receipt", IMPORTED, (STOCK_REF, BRIDGE_REF)
OPENING_STOCK = "opening_stock"  # what a movement list calls such a receipt instead of its kind (``shown_kind``)


def is_opening_stock(kind: str, source_type: str, source_ref: str) -> bool:
    """Whether a movement is imported opening stock: a receipt an import posted under one of ``OPENING_REFS``.

    The one rule for it: the stock summary's opening column reads these receipts by the same constants (in SQL, by
    the index on ``source_ref``), the movement lists name them with ``shown_kind``.

    Args:
        kind: a ``domain.stock.model.MovementKind`` value.
        source_type: the posting document's kind.
        source_ref: the posting document's reference.
    """
    return kind == OPENING_KIND and source_type == OPENING_SOURCE and (source_ref or "").startswith(OPENING_REFS)


def shown_kind(kind: str, source_type: str, source_ref: str) -> str:
    """The kind a movement list shows for a movement: ``OPENING_STOCK`` for imported opening stock, else ``kind``."""
    return OPENING_STOCK if is_opening_stock(kind, source_type, source_ref) else kind


def flow_of(kind: str, source_type: str) -> Flow:
    """The flow a movement of ``kind`` posted by a ``source_type`` document counts in (for a reversal: the
    kind and source of the movement it reverses), by ``FLOW_RULES``.

    Args:
        kind: a ``domain.stock.model.MovementKind`` value.
        source_type: the posting document's kind ("sale", "customer_return", "supplier_return", …) or "".
    """
    for rule_kind, rule_source, flow in FLOW_RULES:
        if kind == rule_kind and (rule_source is None or source_type == rule_source):
            return flow
    return OTHER_FLOW


class Amount(NamedTuple):
    """A quantity and its value (signed as in the ledger).

    A NamedTuple rather than a frozen dataclass: a year's summary over 100,000 products makes a million of these,
    and a tuple is made in a quarter of the time. ``+`` adds (it does not concatenate)."""

    qty: Decimal = ZERO
    value: Decimal = ZERO

    def __add__(self, other: Amount) -> Amount:  # type: ignore[override]
        return Amount(self.qty + other.qty, self.value + other.value)

    def __neg__(self) -> Amount:
        return Amount(-self.qty, -self.value)


NOTHING = Amount()


@dataclass(frozen=True)
class Period:
    """The business days ``first`` .. ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise BadInput("--to", f"{self.last.isoformat()} is before --from {self.first.isoformat()}; give a "
                                   f"last day on or after the first")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to two places (half up), None when ``whole`` is zero."""
    if whole == ZERO:
        return None
    return (part * HUNDRED / whole).quantize(PCT, ROUND_HALF_UP)
