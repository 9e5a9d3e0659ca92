"""The Replenishment explanation of a lumpy item says in a purchaser's words why its safety stock is many weeks of
its average: how big its big weeks are, how often they come and what the stock covers."""

from __future__ import annotations

from types import SimpleNamespace

from ui.screens.replenishment.detail import explanation_html
from ui.screens.replenishment.detail import lumpy_text

LUMPY = {"safety_stock": "85.28", "demand_per_period": 3.38, "lead_time": 1.66, "review_period": 1.0,
         "service_target": 0.98, "big_week": 84.0, "big_week_every": 50.5, "cover_weeks": 3,
         "cover_demand_max": 94.67}


def test_a_lumpy_item_says_how_big_its_lumps_are_and_how_often_they_come(english):
    assert lumpy_text(LUMPY) == ("Demand comes in lumps: weeks of up to 84 come about once in 50 weeks. For the 98 % "
                                 "service target the stock covers up to 94 over the lead time and review (3 weeks); "
                                 "the most it ever sold in 3 weeks was 95.")
    assert "the most it ever sold" not in lumpy_text({**LUMPY, "cover_demand_max": None})
    item = SimpleNamespace(sku="EL001-01", name="插线板", warehouse="GZ", explanation=LUMPY)
    assert "weeks of up to 84 come about once in 50 weeks" in explanation_html(item)


def test_a_smooth_item_says_nothing_of_lumps(english):
    assert lumpy_text({k: v for k, v in LUMPY.items() if not k.startswith(("big_", "cover_"))}) == ""


def test_the_lumps_are_said_in_chinese(chinese):
    assert lumpy_text(LUMPY).startswith("需求成批到来：单周最多 84，约每 50 周出现一次。")
