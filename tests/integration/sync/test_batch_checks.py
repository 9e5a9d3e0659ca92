"""The column-wise check of a batch of movements gives exactly the reasons of the row-by-row check."""

from __future__ import annotations

import random

import pytest

from domain.kernel.ids import new_id
from persistence import tables as t
from persistence.sync import checks

NAMES = [c.name for c in t.movements.columns]
AT = 1_767_225_600_000_000  # 2026-01-01, in microseconds


def movement(**values) -> tuple:
    row = {"id": new_id(), "kind": "receipt", "product_id": new_id(), "warehouse_id": new_id(), "qty": 10_0000,
           "unit_cost": 2_50000000, "occurred_at": AT, "recorded_at": AT, "transfer_id": None, "reverses_id": None,
           "source_type": "manual", "source_ref": "GR-1", "note": "", "user": "li", "device_id": new_id(),
           "fx_currency": None, "fx_unit_price": None, "fx_rate": None}
    row.update(values)
    return tuple(row[n] for n in NAMES)


def a_good_batch() -> list[tuple]:
    transfer, original = new_id(), new_id()
    return [
        movement(),
        movement(kind="shipment", qty=-3_0000, unit_cost=None, note="商品 shipped"),
        movement(kind="count_adjustment", qty=0, unit_cost=None),
        movement(kind="transfer_out", qty=-1_0000, unit_cost=None, transfer_id=transfer),
        movement(kind="transfer_in", qty=1_0000, unit_cost=None, transfer_id=transfer),
        movement(id=original),
        movement(kind="reversal", qty=-10_0000, unit_cost=None, reverses_id=original),
        movement(fx_currency="USD", fx_unit_price=1_00000000, fx_rate=7_20000000),
        movement(device_id=""),
    ]


def test_a_batch_of_good_movements_of_every_kind_passes_without_looking_row_by_row(monkeypatch):
    def row_by_row(table):
        raise AssertionError("the column-wise pass should have accepted the batch")

    monkeypatch.setattr(checks, "fact_checker", row_by_row)
    assert checks.fact_refusals(t.movements, a_good_batch()) == {}


BAD_VALUES = {
    "id": [None, "", "not-a-uuid", new_id().upper(), new_id() + "\n", 7],
    "kind": ["bogus-kind", None, ""],
    "product_id": [None, "x" * 37, "abc"],
    "qty": [0, None, "5", 10**30, True, 2.5],
    "unit_cost": [-1, "abc", 10**40],
    "occurred_at": [None, -5, 10**20, "2026-01-01", False],
    "reverses_id": ["abc"],
    "transfer_id": [""],
    "source_ref": ["x" * 300, "a\x1bb", "a\x00b", None],
    "note": ["x" * 600, "tab\there\x07"],
    "device_id": ["not-a-device"],
    "fx_currency": ["usd", "US"],
    "fx_unit_price": [-1],
    "fx_rate": [0, -1],
}


@pytest.mark.parametrize("column", sorted(BAD_VALUES))
def test_a_bad_value_anywhere_in_a_batch_gets_the_same_reason_as_the_row_check(column):
    check = checks.fact_checker(t.movements)
    rng = random.Random(column)
    for bad in BAD_VALUES[column]:
        batch = a_good_batch()
        where = rng.randrange(len(batch))
        row = list(batch[where])
        row[NAMES.index(column)] = bad
        if column.startswith("fx_"):
            for name, value in (("fx_currency", "USD"), ("fx_unit_price", 1), ("fx_rate", 1)):
                if name != column:
                    row[NAMES.index(name)] = value
        batch[where] = tuple(row)
        expected = {i: reason for i, r in enumerate(batch) if (reason := check(r))}
        assert expected, f"{column}={bad!r} should be refused"
        assert checks.fact_refusals(t.movements, batch) == expected


def test_broken_rules_and_short_rows_get_the_same_reasons_as_the_row_check():
    check = checks.fact_checker(t.movements)
    broken = [
        movement(kind="shipment", qty=0),
        movement(kind="reversal", reverses_id=None),
        movement(kind="transfer_in", transfer_id=None),
        movement(fx_currency="USD"),
        movement(fx_currency="USD", fx_unit_price=1, fx_rate=1, unit_cost=None),
        movement()[:-1],
    ]
    for bad in broken:
        batch = [*a_good_batch(), bad]
        expected = {i: reason for i, r in enumerate(batch) if (reason := check(r))}
        assert list(expected) == [len(batch) - 1]
        assert checks.fact_refusals(t.movements, batch) == expected


def test_unfilled_demand_is_checked_the_same_way():
    names = [c.name for c in t.unfilled_demand.columns]

    def demand(**values) -> tuple:
        row = {"id": new_id(), "product_id": new_id(), "warehouse_id": new_id(), "qty": 2_0000, "occurred_at": AT,
               "recorded_at": AT, "customer": "C1", "source_ref": "", "note": "", "user": "", "device_id": ""}
        row.update(values)
        return tuple(row[n] for n in names)

    assert checks.fact_refusals(t.unfilled_demand, [demand(), demand()]) == {}
    batch = [demand(), demand(qty=0), demand(qty=-1), demand(customer=5)]
    check = checks.fact_checker(t.unfilled_demand)
    assert checks.fact_refusals(t.unfilled_demand, batch) == {i: check(r) for i, r in enumerate(batch) if check(r)}
    assert len(checks.fact_refusals(t.unfilled_demand, batch)) == 3
