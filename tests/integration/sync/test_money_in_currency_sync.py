"""A payment typed in a supplier's currency and the exchange difference it booked travel to the other desk as they
were written (the amount in the currency, the rate, the FX- item and its allocations); the other desk reads the
supplier as owing 0.00 in both currencies. The hub is hostile: an item whose currency fields break the rules is kept
aside with its reason."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.accounts import commands as ac
from domain.accounts import money
from domain.accounts.foreign import foreign_balances
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import rates
from persistence import sync
from persistence import tables as t
from persistence.accounts import queries
from tests.integration.sync.test_accounts_sync import comparable
from tests.integration.sync.test_accounts_sync import item
from tests.integration.sync.test_accounts_sync import open_agrees
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres

D = Decimal


def dollar_supplier(db) -> str:
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_supplier(u(), c.AddSupplier("US1", "Acme Inc.", currency="USD"))
    rates.set_rate(u(), pc.SetExchangeRate("USD", "7.00", date(2026, 11, 1)))
    with db.uow() as uow:
        return uow.suppliers.by_code("US1").id


def owed(db, supplier: str) -> tuple[Decimal, Decimal]:
    rows = queries.open_items(db.engine, "AP", supplier)
    found = foreign_balances(db.uow(), rows).get(supplier)
    return sum((r.open if r.amount > 0 else -r.open for r in rows), D(0)), D(0) if found is None else found.amount


def test_a_payment_in_dollars_and_its_exchange_difference_reach_the_other_desk(hub, devices):
    a, b = devices("a"), devices("b")
    supplier = dollar_supplier(a)
    item(a, supplier, "opening", "791.00", side="AP", number="OB-2026-00001", year=2026, seq=1,
         day=date(2026, 11, 5))  # USD 113.00 at 7.00
    paid = money.record_money(a.uow(), ac.RecordMoney("payment", "US1", "113.00", day=date(2026, 11, 20),
                                                      currency="USD", rate="6.80"))
    assert owed(a, supplier) == (D(0), D(0))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert sync.status(b).quarantined == []
    for table in (t.account_items, t.allocations):
        assert comparable(table, b) == comparable(table, a), table.name
    with b.engine.connect() as conn:
        kept = conn.execute(select(t.account_items.c.fx_currency, t.account_items.c.fx_amount,
                                   t.account_items.c.fx_rate, t.account_items.c.amount)
                            .where(t.account_items.c.id == paid.id)).one()
        kinds = conn.execute(select(t.account_items.c.kind, t.account_items.c.amount)
                             .where(t.account_items.c.kind == "exchange_difference")).all()
    assert tuple(kept) == ("USD", D("-113.00"), D("6.80"), D("-768.40"))
    assert [tuple(k) for k in kinds] == [("exchange_difference", D("-22.60"))]
    assert owed(b, supplier) == (D(0), D(0))
    open_agrees(b)


def test_items_on_the_hub_whose_currency_fields_break_the_rules_are_kept_aside(hub, devices):
    a = devices("a")
    supplier = dollar_supplier(a)
    payment = item(a, supplier, "payment", "-700.00", side="AP", number="PM-2026-00001", year=2026, seq=1)
    sync.sync(a, hub)
    w = HostileWriter(hub)
    bad = {}
    try:
        good = dict(w.hub_record("account_items", payment), fx_currency="USD", fx_amount="-100", fx_rate="7")
        fine = str(uuid.uuid4())
        w.record("account_items", fine, dict(good, id=fine, number="PM-2026-00002", seq=2))

        def bogus(name: str, **changes) -> None:
            key = str(uuid.uuid4())
            bad[name] = key
            row = dict(good, id=key, number=f"PM-2026-{10 + len(bad):05d}", seq=10 + len(bad))
            w.record("account_items", key, {**row, **changes})

        bogus("half", fx_rate=None)
        bogus("rate", fx_rate="0")
        bogus("negative_rate", fx_rate="-7")
        bogus("sign", fx_amount="100")
        bogus("currency", fx_currency="usd")
        bogus("not_in_use", fx_currency="XYZ")
        bogus("kind", kind="opening", number="OB-2026-00009", seq=9)
        bogus("too_much", fx_amount="-1000000000000")
        bogus("zero_difference", kind="exchange_difference", amount="0", fx_currency=None, fx_amount=None,
              fx_rate=None, number="FX-2026-00001", seq=1)
    finally:
        w.close()
    sync.sync(a, hub)
    held = quarantined(a)
    expected = {"half": "go together", "rate": "fx_rate", "negative_rate": "fx_rate", "sign": "another sign",
                "currency": "fx_currency", "not_in_use": "fx_currency", "kind": "keeps no amount in a currency",
                "too_much": "too large", "zero_difference": "of 0"}
    for name, words in expected.items():
        assert words in held[bad[name]], (name, held[bad[name]])
    with a.engine.connect() as conn:
        row = conn.execute(select(t.account_items.c.fx_currency, t.account_items.c.fx_amount)
                           .where(t.account_items.c.id == fine)).one()
    assert tuple(row) == ("USD", D(-100))
