"""Which supplier's terms planning orders on (``choose_terms``) and the lead time it counts with them
(``learned_lead_time``: observed from purchase-order receipts once there are enough, else the terms').
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.planning.model import TermOption
from domain.purchasing.lead_time import MIN_LEAD_OBSERVATIONS
from domain.purchasing.lead_time import TERMS
from domain.purchasing.lead_time import LeadTime
from domain.purchasing.lead_time import supplier_lead_time

__all__ = ["MIN_LEAD_OBSERVATIONS", "LeadTime", "choose_terms", "learned_lead_time"]


def choose_terms(options: Sequence[TermOption]) -> TermOption | None:
    """The preferred supplier's terms, else the cheapest per stock unit (then the shortest lead time)."""
    if not options:
        return None
    preferred = [o for o in options if o.preferred]
    if preferred:
        return preferred[0]
    return min(options, key=lambda o: (o.unit_price, o.lead_time_days, o.supplier))


def learned_lead_time(terms: TermOption | None, lead_times: dict[tuple[str, str], list[float]]) -> LeadTime:
    """The lead time of ``terms``: observed from PO receipts once there are enough, else the terms'.

    The one rule a purchase order's expected date follows too (``domain.purchasing.lead_time``). σL enters the
    lead-time demand as σ² = L·σd² + d²·σL² (``replenishment.sigma_lead_time``).
    """
    if terms is None:
        return LeadTime(0.0, 0.0, TERMS, 0)
    return supplier_lead_time(terms.lead_time_days, terms.supplier_id, terms.product_id, lead_times)
