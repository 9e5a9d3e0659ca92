"""The planning settings kept with ``uow.product_planning``: the dashboard's dead-stock days and cover target."""

from __future__ import annotations

import pytest

from domain.kernel.errors import BadInput
from domain.kernel.errors import Forbidden
from domain.planning.settings import SetDashboardDays
from domain.planning.settings import dashboard_days
from domain.planning.settings import set_dashboard_days
from tests.fakes import FakeUnitOfWork


def test_the_dashboard_days_default_to_180_and_60_and_are_kept_together():
    uow = FakeUnitOfWork()
    assert dashboard_days(uow) == (180, 60)
    assert set_dashboard_days(uow, SetDashboardDays(" 90", "30 ")) == (90, 30)
    assert dashboard_days(uow) == (90, 30) and uow.commits == 1


@pytest.mark.parametrize(("dead", "target", "field", "said"), [
    ("0", "60", "dead-stock days", "0 days is out of range; give 1 to 3650, such as 180"),
    ("180", "3651", "excess cover target", "3651 days is out of range; give 1 to 3650, such as 60"),
    ("1.5", "60", "dead-stock days", "'1.5' is not a whole number of days"),
    ("180", "", "excess cover target", "'' is not a whole number of days"),
])
def test_a_day_count_out_of_range_is_refused_by_name_and_nothing_is_kept(dead, target, field, said):
    uow = FakeUnitOfWork()
    with pytest.raises(BadInput) as refused:
        set_dashboard_days(uow, SetDashboardDays(dead, target))
    assert refused.value.field == field and said in refused.value.problem
    assert dashboard_days(uow) == (180, 60) and uow.commits == 0


def test_a_clerk_may_not_change_them():
    uow = FakeUnitOfWork(role="clerk")
    with pytest.raises(Forbidden):
        set_dashboard_days(uow, SetDashboardDays("90", "30"))
