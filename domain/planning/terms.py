"""Which supplier's terms planning orders on (``choose_terms``) and the lead time it counts with them
(``learned_lead_time``: observed from purchase-order receipts once there are enough, else the terms').
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from domain.planning.model import TermOption

MIN_LEAD_OBSERVATIONS = 3  # PO receipts before the observed lead time replaces the supplier terms'


def choose_terms(options: Sequence[TermOption]) -> TermOption | None:
    """The preferred supplier's terms, else the cheapest per stock unit (then the shortest lead time)."""
    if not options:
        return None
    preferred = [o for o in options if o.preferred]
    if preferred:
        return preferred[0]
    return min(options, key=lambda o: (o.unit_price, o.lead_time_days, o.supplier))


@dataclass(frozen=True)
class LeadTime:
    """The lead time planning uses for one item, and where it comes from.

    ``source`` is ``receipts_product`` (this supplier's receipts of this product), ``receipts_supplier``
    (this supplier's receipts of all products) or ``terms`` (the supplier terms, σ 0).
    """

    days: float
    sigma_days: float
    source: str
    observations: int


def learned_lead_time(terms: TermOption | None, lead_times: dict[tuple[str, str], list[float]]) -> LeadTime:
    """The lead time of ``terms``: observed from PO receipts once there are enough, else the terms'.

    With at least ``MIN_LEAD_OBSERVATIONS`` issue → receipt intervals of this supplier × product, their
    mean and sample standard deviation; else, with as many of this supplier over all its products, theirs;
    else the terms' lead time with no variability. σL enters the lead-time demand as
    σ² = L·σd² + d²·σL² (``replenishment.sigma_lead_time``).
    """
    if terms is None:
        return LeadTime(0.0, 0.0, "terms", 0)
    own = lead_times.get((terms.supplier_id, terms.product_id), [])
    if len(own) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(own), "receipts_product", len(own))
    pooled = [x for (sup, _), xs in lead_times.items() if sup == terms.supplier_id for x in xs]
    if len(pooled) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(pooled), "receipts_supplier", len(pooled))
    return LeadTime(float(terms.lead_time_days), 0.0, "terms", 0)


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    var = sum((x - mean) ** 2 for x in values) / (len(values) - 1)
    return mean, math.sqrt(var)
