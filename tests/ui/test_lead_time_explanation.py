"""The Replenishment explanation says in words when receipts overrode the supplier's stated lead time: a purchaser
who typed 21 days saw planning count with 8 and nothing said why."""

from __future__ import annotations

from types import SimpleNamespace

from ui.screens.replenishment.detail import explanation_html
from ui.screens.replenishment.detail import lead_time_text

OBSERVED = {"lead_time_days": 8, "lead_time_mean_days": 7.5, "lead_time_source": "receipts_product",
            "lead_time_observations": 6, "lead_time_stated_days": 21.0}


def test_receipts_overriding_a_stated_lead_time_say_so_and_why(english):
    text = lead_time_text(OBSERVED)
    assert text.startswith("Lead time 8 days, observed from 6 receipts of this product; the supplier's stated 21 "
                           "days is not used.")
    assert "A stated lead time changed recently does not win either" in text
    assert "fewer than 3 receipts" in text
    item = SimpleNamespace(sku="SCREW", name="螺丝", warehouse="MAIN", explanation=OBSERVED)
    assert "the supplier's stated 21 days is not used" in explanation_html(item)
    pooled = lead_time_text({**OBSERVED, "lead_time_source": "receipts_supplier"})
    assert "observed from 6 receipts from this supplier (all its products)" in pooled


def test_nothing_is_said_when_the_stated_lead_time_is_used_or_agrees(english):
    assert lead_time_text({**OBSERVED, "lead_time_source": "terms", "lead_time_days": 21}) == ""
    assert lead_time_text({**OBSERVED, "lead_time_stated_days": 8.0}) == ""
    assert lead_time_text({k: v for k, v in OBSERVED.items() if k != "lead_time_stated_days"}) == ""  # older runs


def test_the_override_is_said_in_chinese(chinese):
    assert lead_time_text(OBSERVED).startswith("交货期 8 天，按本商品 6 次采购收货实测；供应商约定的 21 天未采用。")
