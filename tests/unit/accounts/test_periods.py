"""The period close's one check: a date in a closed month is refused, naming the month; the day after is not."""

from __future__ import annotations

from datetime import date

import pytest

from domain.accounts.periods import ensure_open
from domain.accounts.periods import last_day
from domain.accounts.periods import month_of
from domain.accounts.periods import parse_month
from domain.kernel.errors import RuleViolation
from tests.fakes import FakeUnitOfWork


def test_a_month_is_named_and_ends_on_its_last_day():
    assert month_of(date(2026, 2, 28)) == "2026-02"
    assert last_day("2024-02") == date(2024, 2, 29) and last_day("2026-12") == date(2026, 12, 31)


@pytest.mark.parametrize(("typed", "month"), [("2026-11", "2026-11"), (" 2026-01 ", "2026-01"), ("2026-13", None),
                                              ("2026-1", None), ("1969-12", None), ("nov", None), (None, None)])
def test_a_typed_month_is_read_or_refused(typed, month):
    assert parse_month(typed) == month


def test_a_date_in_a_closed_month_is_refused_naming_the_month_and_the_next_day_is_not():
    uow = FakeUnitOfWork()
    with uow:
        ensure_open(uow, date(2020, 1, 1))  # nothing closed
        uow.state.closed_through = uow._work.closed_through = date(2026, 10, 31)
        with pytest.raises(RuleViolation) as refused:
            ensure_open(uow, date(2026, 9, 15), what="SD-2026-00001")
        ensure_open(uow, date(2026, 11, 1))
    assert refused.value.code == "period_closed"
    assert refused.value.params == {"day": "2026-09-15", "month": "2026-09", "through": "2026-10",
                                    "what": "SD-2026-00001"}
    assert "2026-09, which is closed" in str(refused.value)
