"""The Replenishment explanation says where a line's service target came from and, for a class's target, the rule
behind the classes' targets: the cheaper the class's items, the higher its target."""

from __future__ import annotations

from ui.screens.replenishment.detail import value_text


def test_a_class_target_says_every_class_s_target_and_why_the_cheaper_class_has_the_higher(english):
    assert value_text("service_source", "class C") == (
        "ABC class C (A 97 %, B 98 %, C 99 %: the cheaper the class's items, the higher its target, so a unit of "
        "stock value buys about as much fill in each)")
    assert value_text("service_source", "product") == "set for this product"
    assert value_text("review_source", "default") == "the default"


def test_the_rule_is_said_in_chinese(chinese):
    text = value_text("service_source", "class A")
    assert text.startswith("ABC 分类 A（A 97 %、B 98 %、C 99 %") and "便宜" in text


def _reason(unit_cost, target, overall=0.98):
    return {"target": target, "unit_cost": unit_cost, "average_cost": 36.9, "overall": overall, "lowest": 0.90,
            "highest": 0.995}


def test_a_target_by_unit_cost_says_why_in_words_for_that_item(english):
    from ui.screens.replenishment.detail import EXPLANATION

    assert "service_cost" in dict(EXPLANATION)
    assert value_text("service_source", "cost") == "its unit cost (the rule set in Settings › Planning)"
    assert value_text("service_cost", _reason(12.3, 0.9933)) == (
        "99.33 %: its unit cost 12.30 is 0.33 × the average 36.90 of the items planned, so its chance of running "
        "short is 0.33 × the 2 % of the overall target 98 %. Cheaper items get higher targets, so money put into "
        "stock buys about as much fill at every item.")
    assert value_text("service_cost", _reason(2.0, 0.995)).startswith(
        "99.50 %, the highest a target goes: its unit cost 2.00 is 0.05 × the average 36.90")
    assert value_text("service_cost", _reason(900.0, 0.90)).startswith(
        "90.00 %, the lowest a target goes: its unit cost 900.00 is 24.39 × the average 36.90")


def test_a_target_by_unit_cost_says_why_in_chinese(chinese):
    text = value_text("service_cost", _reason(12.3, 0.9933))
    assert text.startswith("99.33 %：") and "12.30" in text and "36.90" in text and "0.33" in text and "便宜" in text
    assert "单位成本" in value_text("service_source", "cost")
