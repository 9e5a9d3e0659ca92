"""Conflicts belong to the desk that saw them: the desk whose push met it on the hub, the desk whose version lost,
or a desk that found it in its own pull. A desk that joins the office later starts with none of its own, and a
review made on a desk that holds the conflict reaches the other desk that holds it."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from persistence import sync

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
