"""A property of the open-item ledger on a real SQLite file: whatever sales, returns, receipts, reversals and
allocations by hand happen, in any order, for every partner

* Σ amounts of its + items − Σ allocations = Σ open of its + items, and the same for its − items;
* every item's open amount stays within [0, |amount|];
* balance = Σ amount of its items = Σ open + items − Σ open − items, as the grouped queries and the domain's
  ageing both say.
"""

from __future__ import annotations

import shutil
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import text

from domain.accounts import commands as ac
from domain.accounts import money
from domain.accounts.ageing import age
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import DomainError
from domain.sales import commands as sc
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as stock_cmd
from domain.stock import ledger
from domain.stock.documents import ReverseDocument
from domain.stock.documents import reverse_document
from persistence.accounts import open as open_amounts
from persistence.accounts import queries
from persistence.db import open_database
from persistence.reads import dec
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

CUSTOMERS = ("ACME", "BETA")
FIRST = date(2026, 2, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("accounts") / "template.sqlite3"
    db = open_database(path)
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main"))
    for code in CUSTOMERS:
        catalog.add_customer(u(), c.AddCustomer(code, code.title()))
    catalog.add_product(u(), c.AddProduct("SCREW", "Screw M3"))
    ledger.receive(u(), stock_cmd.ReceiveStock("SCREW", "5000", "MAIN", "2", occurred_at=datetime(2026, 1, 5, 9)))
    db.close()
    return path


steps = st.lists(st.tuples(
    st.sampled_from(("sell", "sell", "return", "receipt", "receipt", "by_hand", "reverse_money", "reverse_sale",
                     "allocate", "undo")),
    st.sampled_from(CUSTOMERS),
    st.integers(1, 300),  # days after FIRST
    st.integers(1, 60_000),  # an amount in cents, or a quantity / price seed
    st.integers(0, 10_000),  # which item
), min_size=8, max_size=40)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=steps)
def test_items_allocations_open_amounts_and_balances_agree(template, tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("run") / "accounts.sqlite3"
    shutil.copy(template, path)
    db = open_database(path)
    try:
        for step in steps:
            try:
                _apply(db, *step)
            except DomainError:
                pass  # a refused step writes nothing; the invariants below still hold
        _check(db)
    finally:
        db.close()


def _noon(days: int) -> datetime:
    d = FIRST + timedelta(days=days)
    return datetime(d.year, d.month, d.day, 12)


def _numbers(db, where: str, **params) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT number FROM account_items WHERE {where} ORDER BY number"),
                                           params)]


def _apply(db, op: str, customer: str, days: int, seed: int, pick: int) -> None:
    u = db.uow
    cents = Decimal(seed).scaleb(-2)
    if op == "sell":
        price = Decimal(seed % 9999 + 1).scaleb(-2)
        shipping.sell(u(), sc.CounterSale(customer, "MAIN", (sc.SaleLineInput("SCREW", str(seed % 4 + 1), price),),
                                          _noon(days)))
    elif op == "return":
        sales = _numbers(db, "kind = 'sale' AND reverses_id IS NULL")
        if sales:
            returns.return_goods(u(), sc.ReturnFromCustomer("SCREW", "1", "damaged", shipment=sales[pick % len(sales)],
                                                            occurred_at=_noon(days)))
    elif op == "receipt":
        money.record_money(u(), ac.RecordMoney("receipt", customer, cents, day=FIRST + timedelta(days=days)))
    elif op == "by_hand":
        open_sales = [r for r in queries.open_items(db.engine, "AR") if r.amount > 0 and r.code == customer]
        if open_sales:
            target = open_sales[pick % len(open_sales)]
            part = min(target.open, cents)
            money.record_money(u(), ac.RecordMoney("receipt", customer, cents, day=FIRST + timedelta(days=days),
                                                   allocate=(ac.AllocateTo(target.number, part),)))
    elif op == "reverse_money":
        found = _numbers(db, "kind = 'receipt'")
        if found:
            money.reverse_money(u(), ac.ReverseMoney(found[pick % len(found)], "bounced",
                                                     FIRST + timedelta(days=days)))
    elif op == "reverse_sale":
        found = _numbers(db, "kind IN ('sale', 'customer_return')")
        if found:
            reverse_document(u(), ReverseDocument(found[pick % len(found)]))
    elif op == "allocate":
        rows = queries.open_items(db.engine, "AR")
        credits = [r for r in rows if r.amount < 0]
        if credits:
            credit = credits[pick % len(credits)]
            debits = [r for r in rows if r.amount > 0 and r.partner_id == credit.partner_id]
            if debits:
                money.allocate_credit(u(), ac.AllocateCredit(credit.number, (ac.AllocateTo(debits[0].number),)))
    elif op == "undo":
        with db.engine.connect() as conn:
            pairs = conn.execute(text(
                "SELECT c.number, d.number FROM allocations a JOIN account_items c ON c.id = a.credit_item_id "
                "JOIN account_items d ON d.id = a.debit_item_id WHERE a.undoes_id IS NULL AND a.amount > 0 "
                "AND c.kind = 'receipt' AND d.kind = 'sale' "
                "AND NOT EXISTS (SELECT 1 FROM allocations u WHERE u.undoes_id = a.id) ORDER BY a.id")).all()
        if pairs:
            credit, debit = pairs[pick % len(pairs)]
            money.undo_allocation(u(), ac.UndoAllocation(credit, debit))


def _check(db) -> None:
    with db.engine.connect() as conn:
        items = conn.execute(text("SELECT id, partner_id, amount FROM account_items")).all()
        allocations = conn.execute(text("SELECT debit_item_id, credit_item_id, amount FROM allocations")).all()
    allocated: dict[str, Decimal] = {}
    total = Decimal(0)
    for debit, credit, amount in allocations:
        amount = dec(amount, 4)
        allocated[debit] = allocated.get(debit, Decimal(0)) + amount
        allocated[credit] = allocated.get(credit, Decimal(0)) + amount
        total += amount
    per_partner: dict[str, dict[str, Decimal]] = {}
    still_open: dict[str, dict[str, Decimal]] = {}  # partner → item → allocated, of the items with something open
    for item_id, partner, amount in items:
        amount = dec(amount, 4)
        done = allocated.get(item_id, Decimal(0))
        if abs(amount) - done > 0:
            still_open.setdefault(partner, {})[item_id] = done
        assert 0 <= done <= abs(amount), (item_id, amount, done)
        p = per_partner.setdefault(partner, {"plus": Decimal(0), "minus": Decimal(0), "open_plus": Decimal(0),
                                             "open_minus": Decimal(0), "sum": Decimal(0)})
        p["sum"] += amount
        if amount > 0:
            p["plus"] += amount
            p["open_plus"] += amount - done
        else:
            p["minus"] += -amount
            p["open_minus"] += -amount - done
    assert sum(p["plus"] - p["open_plus"] for p in per_partner.values()) == total
    assert sum(p["minus"] - p["open_minus"] for p in per_partner.values()) == total
    rows = {r.partner_id: r for r in queries.balances(db.engine, "AR")}
    assert set(rows) == set(per_partner)
    as_of = date(2026, 12, 31)
    for partner, p in per_partner.items():
        row = rows[partner]
        assert row.balance == p["sum"] == p["open_plus"] - p["open_minus"]
        assert row.credit == p["open_minus"]
        assert row.current + row.overdue == p["open_plus"]
        with db.uow() as uow:
            found = uow.accounts.open_items("AR", partner)
            plus = uow.accounts.open_items("AR", partner, sign=1)
            minus = uow.accounts.open_items("AR", partner, sign=-1)
            live = {x.item.id: sum((a.amount for a in uow.accounts.live_allocations(x.item.id)), Decimal(0))
                    for x in found}
        # the repository's open items (what a posting allocates against) are the recomputed ones, in date order
        assert {x.item.id: x.allocated for x in found} == still_open.get(partner, {})
        assert [x.item.business_date for x in found] == sorted(x.item.business_date for x in found)
        assert [x.item.id for x in plus] == [x.item.id for x in found if x.item.amount > 0]
        assert [x.item.id for x in minus] == [x.item.id for x in found if x.item.amount < 0]
        assert live == {x.item.id: x.allocated for x in found}  # an undone allocation and its undo both left out
        assert age(found, as_of).balance == row.balance
        listed = [r for r in queries.open_items(db.engine, "AR", partner)]
        assert sum(r.open if r.amount > 0 else -r.open for r in listed) == row.balance
        assert all(0 < r.open <= abs(r.amount) for r in listed)
    totals = queries.ageing(db.engine, "AR")
    assert totals.balance == sum(r.balance for r in rows.values())
    assert totals.credit == sum(r.credit for r in rows.values())


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=steps, days=st.lists(st.integers(0, 320), min_size=1, max_size=3))
def test_the_derived_open_amounts_equal_items_less_allocations_now_and_as_of_any_day(template, tmp_path_factory,
                                                                                      steps, days):
    """``account_open``, kept by the repository in each posting's transaction, equals items − allocations after any
    postings; balances, bands, credit, the oldest due date and the open items as of any day equal a recomputation
    from the items and allocations dated on or before it."""
    path = tmp_path_factory.mktemp("run") / "accounts.sqlite3"
    shutil.copy(template, path)
    db = open_database(path)
    try:
        for step in steps:
            try:
                _apply(db, *step)
            except DomainError:
                pass
        with db.engine.connect() as conn:
            assert open_amounts.check(conn) == []
            stored = {r[0]: dec(r[1], 4) for r in conn.execute(text("SELECT item_id, open FROM account_open"))}
        assert stored == {k: v for k, v in _open_at(db, None).items() if v}
        for day in [None, *(FIRST + timedelta(days=d) for d in days)]:
            _check_as_of(db, day)
    finally:
        db.close()


def _open_at(db, day: date | None) -> dict[str, Decimal]:
    """Each item dated on or before ``day`` (all when None): its open amount signed like it, from the raw rows."""
    with db.engine.connect() as conn:
        items = conn.execute(text("SELECT id, amount, business_date FROM account_items")).all()
        allocations = conn.execute(text("SELECT debit_item_id, credit_item_id, amount, business_date "
                                        "FROM allocations")).all()
    done: dict[str, Decimal] = {}
    for debit, credit, amount, on in allocations:
        if day is None or date.fromisoformat(str(on)[:10]) <= day:
            for key in (debit, credit):
                done[key] = done.get(key, Decimal(0)) + dec(amount, 4)
    out = {}
    for key, amount, on in items:
        if day is None or date.fromisoformat(str(on)[:10]) <= day:
            amount = dec(amount, 4)
            left = abs(amount) - done.get(key, Decimal(0))
            out[key] = left if amount > 0 else -left
    return out


def _check_as_of(db, day: date | None) -> None:
    at = day or clock.today()
    opened = _open_at(db, day)
    with db.engine.connect() as conn:
        info = {r.id: r for r in conn.execute(text("SELECT id, partner_id, amount, due_on FROM account_items"))}
    expected: dict[str, dict] = {}
    for key, left in opened.items():
        r = info[key]
        p = expected.setdefault(r.partner_id, {"balance": Decimal(0), "credit": Decimal(0), "bands": [Decimal(0)] * 5,
                                               "oldest": None})
        p["balance"] += left
        if r.amount < 0:
            p["credit"] -= left
        else:  # an item can read allocated beyond its amount as of a day between a reallocation and the undo dated
            # after it (undos are dated the day they are made): the bands then count it below zero, so that they
            # still add up to the balance with the credit
            due = date.fromisoformat(str(r.due_on)[:10]) if r.due_on is not None else None
            late = (at - due).days if due is not None else 0
            band = 0 if late <= 0 else 1 if late <= 30 else 2 if late <= 60 else 3 if late <= 90 else 4
            p["bands"][band] += left
            if left > 0 and due is not None and (p["oldest"] is None or due < p["oldest"]):
                p["oldest"] = due
    rows = {r.partner_id: r for r in queries.balances(db.engine, "AR", as_of=day)}
    assert set(rows) == set(expected)
    for partner, p in expected.items():
        row = rows[partner]
        assert (row.balance, row.credit, [row.current, row.d1_30, row.d31_60, row.d61_90, row.over_90],
                row.oldest_due) == (p["balance"], p["credit"], p["bands"], p["oldest"]), (partner, day)
    listed = {r.id: (r.open if r.amount > 0 else -r.open) for r in queries.open_items(db.engine, "AR", as_of=day)}
    assert listed == {k: v for k, v in opened.items() if v and (v > 0) == (info[k].amount > 0)}
    totals = queries.ageing(db.engine, "AR", day)
    assert (totals.balance, totals.credit, totals.partners) == (
        sum(p["balance"] for p in expected.values()), sum(p["credit"] for p in expected.values()), len(expected))
