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
