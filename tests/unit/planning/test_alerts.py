"""A planning run's alerts summary (``domain.planning.alerts``): counted per warehouse and severity, read back, and
judged current or out of date."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from types import SimpleNamespace

from domain.planning.alerts import CURRENT
from domain.planning.alerts import DATA_CHANGED
from domain.planning.alerts import NEW_DAY
from domain.planning.alerts import AlertSummary
from domain.planning.alerts import summarize

DAY = date(2026, 6, 3)
AT = datetime(2026, 6, 3, 7, 30, tzinfo=UTC)


def _plan(warehouse: str, severity: str | None):
    return SimpleNamespace(warehouse=warehouse, alert=None if severity is None else SimpleNamespace(severity=severity))


def _summary() -> AlertSummary:
    plans = [_plan("MAIN", "critical"), _plan("MAIN", "high"), _plan("MAIN", "high"), _plan("SHOP", "normal"),
             _plan("SHOP", None), _plan("BACK", None)]
    return summarize(plans, day=DAY, computed_at=AT, data_version="v1")


def test_a_summary_counts_each_warehouses_alerts_by_severity_and_keeps_warehouses_without_any():
    s = _summary()
    assert s.counts == {"BACK": {"critical": 0, "high": 0, "normal": 0},
                        "MAIN": {"critical": 1, "high": 2, "normal": 0},
                        "SHOP": {"critical": 0, "high": 0, "normal": 1}}
    assert s.planned == 6
    assert s.by_severity() == {"critical": 1, "high": 2, "normal": 1}
    assert s.by_severity("shop") == {"critical": 0, "high": 0, "normal": 1}
    assert s.by_severity("NOPE") == {"critical": 0, "high": 0, "normal": 0}


def test_a_summary_is_current_on_its_day_and_data_version_and_out_of_date_otherwise():
    s = _summary()
    assert s.state(DAY, "v1") == CURRENT
    assert s.state(DAY, "v2") == DATA_CHANGED
    assert s.state(date(2026, 6, 4), "v1") == NEW_DAY
    unknown = AlertSummary(DAY, AT, "", s.counts)
    assert unknown.state(DAY, "") == DATA_CHANGED  # a run whose reader gave no version is never taken as current


def test_a_summary_reads_back_what_it_wrote_and_refuses_text_it_cannot_read():
    s = _summary()
    assert AlertSummary.from_json(s.to_json()) == s
    for text in ("", "not json", "[]", '{"day": "2026-06-03"}', '{"day": "x", "computed_at": "", "data_version": "",'
                                                                ' "counts": {}}'):
        assert AlertSummary.from_json(text) is None
