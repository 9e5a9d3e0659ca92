"""The lead time we expect from a supplier for a product: one rule for planning and for a purchase order's date.

Planning counts with it (``domain.planning.terms.learned_lead_time``) and issuing a purchase order dates the PO by it
(``domain.purchasing.orders.issue``), so a customer promised a backorder by the PO's date is promised what planning
expects. The rule:

1. at least ``MIN_LEAD_OBSERVATIONS`` issue → receipt intervals of this supplier × product: their mean and sample σ;
2. else as many of this supplier over all its products: theirs;
3. else the terms' lead time (the product's own terms with the supplier, else the supplier's), σ 0.

The receipts win over the stated lead time, even one the user typed a moment ago: they are what the supplier took,
and the terms keep no date of their last change, so a stated time typed today cannot be told from one typed years
ago (counting it "until new receipts come" needs that date). ``LeadTime.stated_days`` keeps the stated time, so that
the Replenishment explanation can say it was not used and why.

A purchase order waits for its slowest line: its lead time is the longest of its lines', in whole days rounded up
(as planning's alerts count them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass

MIN_LEAD_OBSERVATIONS = 3  # PO receipts before the observed lead time replaces the supplier terms'

RECEIPTS_PRODUCT = "receipts_product"
RECEIPTS_SUPPLIER = "receipts_supplier"
TERMS = "terms"


@dataclass(frozen=True)
class LeadTime:
    """The lead time expected for one supplier × product, and where it comes from.

    ``source`` is ``receipts_product`` (this supplier's receipts of this product), ``receipts_supplier``
    (this supplier's receipts of all products) or ``terms`` (the supplier terms, σ 0).
    """

    days: float
    sigma_days: float
    source: str
    observations: int
    stated_days: float | None = None  # the terms' lead time, used or not (None: no terms)

    @property
    def whole_days(self) -> int:
        """The days counted for a date: the mean rounded up."""
        return math.ceil(self.days)


def expected_lead_time(terms_days: float, own: Sequence[float], supplier_wide: Sequence[float]) -> LeadTime:
    """The lead time expected of one supplier for one product (the rule in the module's docstring).

    Args:
        terms_days: the terms' lead time in days (the product's own with this supplier, else the supplier's).
        own: the observed lead times in days of this supplier's POs of this product.
        supplier_wide: the observed lead times in days of this supplier's POs of all its products.

    Returns:
        The mean and σ in days, their source and how many observations they rest on.
    """
    stated = float(terms_days)
    if len(own) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(own), RECEIPTS_PRODUCT, len(own), stated)
    if len(supplier_wide) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(supplier_wide), RECEIPTS_SUPPLIER, len(supplier_wide), stated)
    return LeadTime(stated, 0.0, TERMS, 0, stated)


def supplier_lead_time(terms_days: float, supplier_id: str, product_id: str,
                       observed: Mapping[tuple[str, str], Sequence[float]]) -> LeadTime:
    """``expected_lead_time`` from observations per (supplier id, product id), as planning's history holds them."""
    own = observed.get((supplier_id, product_id), ())
    pooled = [x for (sup, _), xs in observed.items() if sup == supplier_id for x in xs]
    return expected_lead_time(terms_days, own, pooled)


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    var = sum((x - mean) ** 2 for x in values) / (len(values) - 1)
    return mean, math.sqrt(var)
