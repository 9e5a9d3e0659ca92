"""Ordering more from a supplier that delivers short: its quantity fill rate, as its scorecard shows it.

A supplier's *quantity fill rate* is what its purchase orders brought of what they asked for, counted as the
scorecard counts it (``domain.purchasing.scorecard``): the lines that should be complete (the PO received or closed,
or still open past its promised date) of the last ``FILL_DAYS`` days, received ÷ ordered in stock units, a line's
over-delivery capped at its order. A supplier that brings 80 % of what is ordered leaves a purchase of S − position
20 % short of the order-up-to level, so planning orders (S − position) ÷ 0.80 instead: the need grossed up by the fill
rate, then rounded to MOQ, multiple and pack size as before.

Kept conservative:

* only with enough history: at least ``MIN_FILL_LINES`` lines due over at least ``MIN_FILL_ORDERS`` purchase orders;
* only when it matters: a fill rate of ``FULL_ENOUGH`` (98 %) or more changes nothing;
* capped: the order grows by at most ``MAX_UPLIFT`` (× 1.5, what a 67 % fill rate asks; a worse supplier is not
  made good by ordering twice as much, and the scorecard shows it);
* the open purchase orders in the position are still counted in full, and the safety stock is not touched: only the
  quantity of a new order grows;
* the planning setting ``planning_fill_rate`` (Settings › Planning) turns it off.

The plan's explanation keeps the rate, its lines and orders, the factor and the need before it, so the
Replenishment line says why its quantity is larger.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING
from decimal import Decimal

from domain.kernel.numbers import QTY_PLACES

FILL_DAYS = 365
MIN_FILL_LINES = 5
MIN_FILL_ORDERS = 3
FULL_ENOUGH = Decimal("0.98")
MAX_UPLIFT = Decimal("1.5")
SETTING_FILL_RATE = "planning_fill_rate"  # "on" (also when unset) or "off"


@dataclass(frozen=True)
class SupplierFill:
    """What a supplier's purchase-order lines due in the last ``FILL_DAYS`` days asked for and brought."""

    supplier_id: str
    lines: int
    orders: int
    ordered: Decimal
    filled: Decimal  # received, each line's capped at its order

    @property
    def rate(self) -> Decimal | None:
        return None if self.ordered <= 0 else self.filled / self.ordered


@dataclass(frozen=True)
class FillAdjustment:
    """How a supplier's fill rate changes an order: ``factor`` (> 1) times the need, ``capped`` at ``MAX_UPLIFT``."""

    rate: Decimal
    factor: Decimal
    capped: bool
    lines: int
    orders: int


def adjustment(fill: SupplierFill | None) -> FillAdjustment | None:
    """The adjustment for a supplier's fill, None when it has too little history or fills ``FULL_ENOUGH``."""
    if fill is None or fill.lines < MIN_FILL_LINES or fill.orders < MIN_FILL_ORDERS:
        return None
    rate = fill.rate
    if rate is None or rate >= FULL_ENOUGH:
        return None
    factor = MAX_UPLIFT if rate <= 0 else min(MAX_UPLIFT, 1 / rate)
    return FillAdjustment(rate, factor, rate <= 0 or 1 / rate > MAX_UPLIFT, fill.lines, fill.orders)


def grossed_up(need: Decimal, factor: Decimal | None) -> Decimal:
    """``need`` × ``factor``, rounded up to the quantity grid (``need`` itself without a factor)."""
    if factor is None or need <= 0:
        return need
    step = Decimal(1).scaleb(-QTY_PLACES)
    return ((need * factor).quantize(step, rounding=ROUND_CEILING)).normalize() + Decimal(0)


def enabled(value: str | None) -> bool:
    """The setting as stored: on unless it says ``off``."""
    return (value or "on").strip().lower() != "off"


def explanation_of(adjust: FillAdjustment | None) -> dict:
    """What a plan's explanation keeps of the adjustment (exact decimals: the rate to four places)."""
    if adjust is None:
        return {}
    return {"supplier_fill_rate": adjust.rate.quantize(Decimal("0.0001")), "fill_factor": adjust.factor,
            "fill_capped": adjust.capped, "fill_lines": adjust.lines, "fill_orders": adjust.orders}
