"""Conflicts belong to the desk that saw them: the desk whose push met it on the hub, the desk whose version lost,
or a desk that found it in its own pull. A desk that joins the office later starts with none of its own, and a
review made on a desk that holds the conflict reaches the other desk that holds it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import clock as app_clock
from persistence import sync
from tests import clock

pytestmark = pytest.mark.postgres


def test_a_desk_that_joins_the_office_starts_without_the_conflicts_the_others_saw(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "Widget (blue)"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "Widget, large"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "Widget, large", category="tools"))
    for desk in (a, b, a):
        sync.sync(desk, hub)
    [seen] = sync.conflicts(a)  # a's version lost, b's push met it: both saw it
    assert [x.id for x in sync.conflicts(b)] == [seen.id]

    joined = devices("c")
    sync.sync(joined, hub)
    assert catalog.get_product(joined.uow(), "SKU-1").name == "Widget, large"  # the office's data came in
    assert sync.conflicts(joined) == [] and sync.conflicts(joined, include_resolved=True) == []
    assert sync.status(joined).open_conflicts == 0

    sync.resolve_conflict(b, seen.id, user="boss", note="blue was a typo")
    for desk in (b, a, joined):
        sync.sync(desk, hub)
    assert [x.note for x in sync.conflicts(a, include_resolved=True)] == ["blue was a typo"]
    assert sync.conflicts(joined, include_resolved=True) == []  # a review is no conflict of the new desk either


def _a_conflict_between(a, b, hub, sku: str, names: tuple[str, str]) -> str:
    """a and b rename ``sku`` each their own way, offline; the sync finds the conflict: its id."""
    known = {x.id for x in sync.conflicts(a, include_resolved=True)}
    catalog.update_product(a.uow(), cc.UpdateProduct(sku, names[0]))
    catalog.update_product(b.uow(), cc.UpdateProduct(sku, names[1]))
    for desk in (a, b, a):
        sync.sync(desk, hub)
    [found] = [x.id for x in sync.conflicts(a, include_resolved=True) if x.id not in known]
    return found


@pytest.mark.parametrize("hours", [1, -1])
def test_a_desk_whose_clock_is_an_hour_off_takes_the_conflicts_found_after_it_joined_and_none_before(
        hub, devices, monkeypatch, hours):
    # the desks' clocks: a and b right (the run's day, tests.clock), the joining desk an hour ahead or behind;
    # what is found before it joins and after comes within minutes, well inside that hour
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-2", "Gadget"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    before = _a_conflict_between(a, b, hub, "SKU-1", ("Widget (blue)", "Widget, large"))
    right = app_clock.now
    late = devices("c")
    wrong = clock.running_from(right() + timedelta(hours=hours))
    monkeypatch.setattr(app_clock, "now", wrong)
    sync.sync(late, hub)  # it joins
    assert sync.conflicts(late) == []
    monkeypatch.setattr(app_clock, "now", right)
    after = _a_conflict_between(a, b, hub, "SKU-2", ("Gadget (red)", "Gadget, small"))
    assert after != before
    monkeypatch.setattr(app_clock, "now", wrong)
    sync.sync(late, hub)
    assert [x.id for x in sync.conflicts(late, include_resolved=True)] == [after]
    monkeypatch.setattr(app_clock, "now", right)
    sync.resolve_conflict(b, before, user="boss", note="blue was a typo")  # a review of the older one, later
    sync.resolve_conflict(a, after, user="boss", note="red it is")
    for desk in (b, a):
        sync.sync(desk, hub)
    monkeypatch.setattr(app_clock, "now", wrong)
    sync.sync(late, hub)
    assert [(x.id, x.note) for x in sync.conflicts(late, include_resolved=True)] == [(after, "red it is")]
