"""The Replenishment explanation says an item's least order when the office set an order cost per purchase-order line
(``domain.planning.ordering``): its economic order quantity and what it is made of, in English and Chinese."""

from __future__ import annotations

from ui.screens.replenishment.detail import EXPLANATION
from ui.screens.replenishment.detail import value_text

REASON = {"eoq": 539.63, "yearly_demand": 1820.0, "order_cost": 20.0, "holding_rate": 0.25, "unit_cost": 1.0}


def test_the_least_order_says_its_economic_order_quantity_and_of_what(english):
    assert dict(EXPLANATION)["economic_order"] == "Least order (economic order quantity)"
    assert value_text("economic_order", REASON) == (
        "539.63 = √(2 × yearly demand 1,820.0 × order cost 20.00 ÷ (holding rate 25 % × unit cost 1.00)): S is at "
        "least the reorder point + d·R + 539.63, so each order is about this much or more. The order cost and the "
        "holding rate a year are set in Settings › Planning (an order cost of 0 turns it off).")


def test_the_least_order_names_the_office_s_holding_rate(english):
    text = value_text("economic_order", {**REASON, "eoq": 853.23, "holding_rate": 0.1})
    assert text.startswith("853.23 = √(2 × yearly demand 1,820.0 × order cost 20.00 ÷ (holding rate 10 % × unit")


def test_the_least_order_is_said_in_chinese(chinese):
    text = value_text("economic_order", REASON)
    assert text.startswith("539.63 = √(2 ×") and "1,820.0" in text and "20.00" in text and "25 %" in text
    assert "下单成本" in text and "设置 › 计划" in text and "年持有成本率" in text
