"""The lead time expected of a supplier for a product: the one rule planning and a new PO's date follow."""

from __future__ import annotations

from domain.purchasing.lead_time import LeadTime
from domain.purchasing.lead_time import expected_lead_time
from domain.purchasing.lead_time import supplier_lead_time


def test_the_lead_time_is_learned_from_three_receipts_of_the_product_else_of_the_supplier_else_the_terms():
    assert expected_lead_time(8, [12.0, 11.0], [12.0, 11.0]) == LeadTime(8.0, 0.0, "terms", 0, 8.0)  # two are too few
    learned = expected_lead_time(8, [12.0, 11.0, 13.0], [])
    assert (learned.days, learned.whole_days, learned.source, learned.observations) == (12.0, 12, "receipts_product", 3)
    observed = {("S04", "P1"): [11.0], ("S04", "P2"): [12.0, 12.5], ("S07", "P1"): [3.0, 3.0, 3.0]}
    pooled = supplier_lead_time(8, "S04", "P1", observed)
    assert (pooled.source, pooled.observations, pooled.whole_days) == ("receipts_supplier", 3, 12)  # 11.83 → 12
