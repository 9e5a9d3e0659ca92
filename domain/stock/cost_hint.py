"""The unit cost a free receipt's line starts at before the clerk types one: the last purchase price (最近进价).

Clerks used to 管家婆 or 速达 expect it filled in, and typing a cost for every scanned line was the step that most
often stopped a free receipt at posting ("line 1: enter the unit cost"). The rule, first that applies:

1. the chosen supplier's last price for the product: its newest receipt from that supplier (a free receipt naming
   it, or a receipt against one of its purchase orders) that is not reversed;
2. the product's last purchase price from anyone: its newest such receipt of any supplier, or of none;
3. its moving average cost: the receiving warehouse's, else that of the warehouse holding most of it.

Customer returns, opening stock and imported stock are receipts too, but their cost is no price paid to a supplier:
they are left out of 1 and 2. The answer is only a suggestion: the screen shows it as such, the clerk overwrites it,
and posting checks it as a typed cost.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

NOT_PURCHASES = frozenset({"customer_return", "opening", "import"})  # receipts whose cost is no purchase price


class CostSource(enum.StrEnum):
    SUPPLIER = "supplier"  # the chosen supplier's last price
    LAST = "last"  # the last purchase price from any supplier
    AVERAGE = "average"  # the moving average cost


@dataclass(frozen=True)
class PriceSeen:
    """One receipt's unit cost: when (business date), from whom (supplier code, "" when none) and on what."""

    unit_cost: Decimal
    on: date
    supplier: str = ""
    reference: str = ""  # the receipt's or purchase order's number


@dataclass(frozen=True)
class CostSuggestion:
    unit_cost: Decimal
    source: CostSource
    seen: PriceSeen | None = None  # the receipt it comes from (not for an average cost)


def suggest(supplier_last: PriceSeen | None, any_last: PriceSeen | None,
            average: Decimal | None) -> CostSuggestion | None:
    """The suggested unit cost by the rule above; None when the product was never bought and has no cost.

    Args:
        supplier_last: the chosen supplier's newest purchase of the product (None: none, or no supplier chosen).
        any_last: the product's newest purchase from anyone.
        average: its moving average cost (None or 0: unknown).
    """
    if supplier_last is not None:
        return CostSuggestion(supplier_last.unit_cost, CostSource.SUPPLIER, supplier_last)
    if any_last is not None:
        return CostSuggestion(any_last.unit_cost, CostSource.LAST, any_last)
    if average is not None and average > 0:
        return CostSuggestion(average, CostSource.AVERAGE)
    return None
