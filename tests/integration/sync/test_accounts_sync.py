"""Receivables and payables across desktops (docs/ACCOUNTS.md, "Sync"): open items, allocations, payment terms and
methods, supplier invoices and periods reach the other desks; what breaks the rules is kept aside; a payment
allocated on two desks offline is undone just enough, alike on every desk; receipt numbers taken twice are
renumbered on the hub; a fact dated in a closed month is kept and listed; a month closed on one desk and reopened on
another ends the same everywhere, with every event kept.

The rows are written straight into each desk's file (the use cases that write them come separately), as they
would be: ids, devices and times of their own, and their derived open amounts (``account_open``) beside them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import RuleViolation
from domain.stock import commands as stock
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.accounts import open as open_amounts
from persistence.accounts import queries
from persistence.stock.queries import check
from persistence.sync import accounts
from tests import clock
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def office(db) -> tuple[str, str]:
    """A customer and a supplier (their ids), a warehouse and a product."""
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_customer(db.uow(), c.AddCustomer("C1", "Hangzhou Mingyuan"))
    catalog.add_supplier(db.uow(), c.AddSupplier("S1", "Ningbo Fasteners"))
    with db.uow() as u:
        return u.customers.by_code("C1").id, u.suppliers.by_code("S1").id


def item(db, partner: str, kind: str, amount: str, *, side: str = "AR", number: str = "", year: int | None = None,
         seq: int | None = None, day: date = date(2026, 11, 5), reverses: str | None = None,
         at: datetime = T0) -> str:
    key = str(uuid.uuid4())
    with db.engine.begin() as conn:
        conn.execute(t.account_items.insert().values(
            id=key, side=side, partner_id=partner, kind=kind, number=number, year=year, seq=seq, source_id=None,
            business_date=day, due_on=day + timedelta(days=30) if Decimal(amount) > 0 else None,
            amount=Decimal(amount), method="cash" if kind in ("receipt", "payment") else "", reference="",
            note="", reverses_id=reverses, user="ann", created_at=at, device_id=db.device_id))
        open_amounts.refresh(conn, {key})  # as the desk's repository keeps it, in the same transaction
    return key


def allocate(db, debit: str, credit: str, amount: str, at: datetime) -> str:
    key = str(uuid.uuid4())
    with db.engine.begin() as conn:
        conn.execute(t.allocations.insert().values(
            id=key, debit_item_id=debit, credit_item_id=credit, amount=Decimal(amount),
            business_date=at.date(), undoes_id=None, user="ann", created_at=at, device_id=db.device_id))
        open_amounts.refresh(conn, {debit, credit})
    return key


def rows(db, table) -> list[tuple]:
    with db.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(select(table)))


def allocated(db, item_id: str) -> Decimal:
    A = t.allocations.c
    with db.engine.connect() as conn:
        return sum((a for a in conn.execute(select(A.amount).where(
            (A.debit_item_id == item_id) | (A.credit_item_id == item_id))).scalars()), Decimal(0))


def open_agrees(db) -> dict[str, Decimal]:
    """Assert the desk's derived open amounts (``account_open``) equal its items less allocations, recomputed here
    from the raw rows; return them by item."""
    A, items, derived = t.allocations.c, t.account_items.c, t.account_open.c
    with db.engine.connect() as conn:
        assert open_amounts.check(conn) == []
        done: dict[str, Decimal] = {}
        for debit, credit, amount in conn.execute(select(A.debit_item_id, A.credit_item_id, A.amount)):
            for key in (debit, credit):
                done[key] = done.get(key, Decimal(0)) + amount
        expected = {}
        for key, amount, partner in conn.execute(select(items.id, items.amount, items.partner_id)):
            left = abs(amount) - done.get(key, Decimal(0))
            if left:
                expected[key] = (partner, left if amount > 0 else -left)
        stored = {key: (partner, amount) for key, partner, amount in conn.execute(
            select(derived.item_id, derived.partner_id, derived.open))}
    assert stored == expected
    return {key: amount for key, (_, amount) in stored.items()}


def comparable(table, db) -> list[tuple]:
    """A table's rows without the device that wrote them (each desk stamps its own on records it edits)."""
    names = [col.name for col in table.columns if col.name not in ("device_id", "version")]
    with db.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(select(*[table.c[n] for n in names])))


def test_items_allocations_terms_methods_invoices_and_periods_reach_the_other_desk(hub, devices):
    a, b = devices("a"), devices("b")
    customer, supplier = office(a)
    sync.sync(a, hub)
    sale = item(a, customer, "sale", "100.00", number="SD-2026-00001")
    receipt = item(a, customer, "receipt", "-60.00", number="RC-2026-00001", year=2026, seq=1)
    allocate(a, sale, receipt, "60.00", T0)
    bill = item(a, supplier, "goods_receipt", "80.00", side="AP", number="GR-2026-00001")
    wrong = item(a, supplier, "payment", "-10.00", side="AP", number="PM-2026-00001", year=2026, seq=1)
    item(a, supplier, "reversal", "10.00", side="AP", number="PM-2026-00001", reverses=wrong)
    with a.uow() as u:
        product = u.products.by_sku("BOLT").id
        warehouse = u.warehouses.by_code("MAIN").id
    invoice = str(uuid.uuid4())
    with a.engine.begin() as conn:
        conn.execute(t.payment_methods.insert().values(code="unionpay", name="UnionPay", active=True,
                                                       device_id=a.device_id, version=1))
        conn.execute(t.customer_profiles.insert().values(customer_id=customer, payment_days=30,
                                                         payment_basis="month_end", device_id=a.device_id))
        conn.execute(t.supplier_profiles.insert().values(supplier_id=supplier, payment_days=60, payment_basis="net",
                                                         device_id=a.device_id))
        conn.execute(t.supplier_invoices.insert().values(
            id=invoice, supplier_id=supplier, number="INV-778", business_date=date(2026, 11, 6), amount=Decimal(80),
            tax=Decimal("9.20"), user="ann", created_at=T0, device_id=a.device_id))
        conn.execute(t.supplier_invoice_lines.insert().values(invoice_id=invoice, line_no=1, product_id=product,
                                                              qty=Decimal(40), unit_price=Decimal(2)))
        conn.execute(t.periods.insert().values(month="2026-10", closed=True, closed_at=T0, closed_by="boss",
                                               device_id=a.device_id))
        conn.execute(t.period_events.insert().values(id=str(uuid.uuid4()), month="2026-10", action="close",
                                                     user="boss", at=T0, device_id=a.device_id))
        conn.execute(t.period_stock.insert().values(month="2026-10", product_id=product, warehouse_id=warehouse,
                                                    qty=Decimal(0), value=Decimal(0)))
        conn.execute(t.period_balances.insert().values(month="2026-10", side="AR", partner_id=customer,
                                                       balance=Decimal(0)))
    report = sync.sync(a, hub)
    assert report.unpushed == 0 and sync.status(a).quarantined == []
    sync.sync(b, hub)
    assert sync.status(b).quarantined == []
    for table in (t.account_items, t.allocations, t.payment_methods, t.customer_profiles, t.supplier_profiles,
                  t.supplier_invoices, t.supplier_invoice_lines, t.periods, t.period_events, t.period_stock,
                  t.period_balances):
        assert comparable(table, b) == comparable(table, a), table.name
    assert len(rows(b, t.account_items)) == 5 and allocated(b, sale) == Decimal(60)
    assert bill in {row[0] for row in rows(b, t.account_items)}
    with b.engine.connect() as conn:
        assert conn.execute(select(t.customer_profiles.c.payment_basis)).scalar_one() == "month_end"
    assert sync.sync(a, hub).pushed == 0 and sync.sync(b, hub).pushed == 0  # nothing left to send either way


def test_a_profile_exchanged_before_the_payment_terms_existed_is_not_sent_again_for_its_default_terms(devices):
    from persistence.sync import records as r

    spec = r.BY_NAME["supplier_profiles"]
    before = {"supplier_id": "x", "payment_terms": "", "email": "", "phone": "", "device_id": "", "version": 1}
    after = dict(before, payment_days=0, payment_basis="net")
    assert r.content_hash(spec, before) == r.content_hash(spec, after)
    assert r.content_hash(spec, before) != r.content_hash(spec, dict(after, payment_basis="month_end"))


def test_accounts_records_on_the_hub_that_break_the_rules_are_kept_aside_and_the_rest_comes_in(hub, devices):
    a = devices("a")
    customer, supplier = office(a)
    sale = item(a, customer, "sale", "100.00", number="SD-2026-00001")
    receipt = item(a, customer, "receipt", "-50.00", number="RC-2026-00001", year=2026, seq=1)
    with a.engine.begin() as conn:
        conn.execute(t.customer_profiles.insert().values(customer_id=customer, device_id=a.device_id))
    sync.sync(a, hub)
    w = HostileWriter(hub)
    bad = {}
    try:
        good = w.hub_record("account_items", sale)

        def bogus(name: str, **changes) -> None:
            key = str(uuid.uuid4())
            bad[name] = key
            w.record("account_items", key, dict(good, id=key, **changes))

        bogus("side", side="XX")
        bogus("kind", kind="gift")
        bogus("side_of_kind", kind="payment", amount="-5")
        bogus("sign", kind="receipt", amount="5")
        bogus("too_much", amount="1000000000000")
        bogus("no_partner", partner_id=str(uuid.uuid4()))
        bogus("supplier_as_customer", partner_id=supplier)
        bogus("year", business_date="1969-12-31", due_on=None)
        bogus("note", note="N" * 501)
        bogus("seq", kind="receipt", amount="-5", number="RC2026", year=2026, seq=7)
        fine = str(uuid.uuid4())
        w.record("account_items", fine, dict(good, id=fine, number="SD-2026-00002"))
        alloc = {"debit_item_id": receipt, "credit_item_id": sale, "amount": "10", "business_date": "2026-11-05",
                 "undoes_id": None, "user": "x", "created_at": good["created_at"], "device_id": ""}
        bad["backwards"] = str(uuid.uuid4())
        w.record("allocations", bad["backwards"], dict(alloc, id=bad["backwards"]))
        bad["negative"] = str(uuid.uuid4())
        w.record("allocations", bad["negative"], dict(alloc, id=bad["negative"], debit_item_id=sale,
                                                       credit_item_id=receipt, amount="-10"))
        profile = w.hub_record("customer_profiles", json.dumps([customer]))
        w.record("customer_profiles", json.dumps([customer]), dict(profile, payment_basis="weekly", version=2), 2)
        bad["month"] = json.dumps(["2026-13"])
        w.record("periods", bad["month"], {"month": "2026-13", "closed": False, "closed_at": None, "closed_by": "",
                                           "device_id": "", "version": 1})
        bad["days"] = json.dumps([supplier])
        w.record("supplier_profiles", bad["days"], {"supplier_id": supplier, "payment_terms": "", "email": "",
                                                    "phone": "", "payment_days": 5000, "payment_basis": "net",
                                                    "device_id": "", "version": 1})
        bad["changed"] = sale  # an item is never changed, on the hub no more than anywhere
        w.record("account_items", sale, dict(good, amount="999"), 2)
    finally:
        w.close()
    sync.sync(a, hub)
    held = quarantined(a)
    expected = {"side": "side", "kind": "gift", "side_of_kind": "belongs to AP", "sign": "wrong sign",
                "too_much": "too large", "no_partner": "not here", "supplier_as_customer": "customer",
                "year": "1969-12-31", "note": "note",
                "seq": "does not end in its seq", "backwards": "does not raise", "negative": "undoes nothing",
                "month": "month", "days": "payment_days", "changed": "never changed"}
    for name, words in expected.items():
        assert words in held[bad[name]], (name, held[bad[name]])
    assert "payment_basis" in held[json.dumps([customer])]
    with a.engine.connect() as conn:
        assert conn.execute(select(t.account_items.c.id).where(t.account_items.c.id == fine)).first() is not None
        assert conn.execute(select(t.account_items.c.amount).where(t.account_items.c.id == sale)).scalar_one() \
            == Decimal(100)
        assert conn.execute(select(t.customer_profiles.c.payment_basis)).scalar_one() == "net"
        assert conn.execute(select(t.periods)).all() == []


def test_one_payment_allocated_on_two_desks_offline_is_undone_just_enough_and_every_desk_agrees(hub, devices):
    a, b = devices("a"), devices("b")
    customer, _ = office(a)
    receipt = item(a, customer, "receipt", "-100.00", number="RC-2026-00001", year=2026, seq=1)
    first = item(a, customer, "sale", "80.00", number="SD-2026-00001")
    second = item(a, customer, "sale", "70.00", number="SD-2026-00002")
    sync.sync(a, hub)
    sync.sync(b, hub)
    earlier = allocate(a, first, receipt, "60.00", T0)  # a applies the money to the first sale
    later = allocate(b, second, receipt, "70.00", T0 + timedelta(minutes=5))  # b, offline, to the second
    for desk in (a, b, a, b):
        sync.sync(desk, hub)
    undo = accounts.undo_id(later)
    for desk in (a, b):
        assert allocated(desk, receipt) == Decimal(100)  # never more than the receipt's 100
        assert allocated(desk, first) == Decimal(60) and allocated(desk, second) == Decimal(40)
        A = t.allocations.c
        with desk.engine.connect() as conn:
            assert conn.execute(select(A.amount, A.undoes_id).where(A.id == undo)).one() == (Decimal(-30), later)
        listed = [x for x in sync.conflicts(desk) if x.table == "allocations"]
        assert [x.id for x in listed] == [accounts.conflict_id("allocation", undo)] and listed[0].row_id == later
    assert rows(a, t.allocations) == rows(b, t.allocations) and len(rows(a, t.allocations)) == 3
    assert open_agrees(a) == open_agrees(b) == {first: Decimal(20), second: Decimal(30)}  # the receipt is used up
    w = HostileWriter(hub)
    try:  # both desks made the undo and its conflict; the hub holds one of each
        assert w.conn.execute("SELECT count(*) FROM allocations WHERE undoes_id = %s", (later,)).fetchone()[0] == 1
        assert w.conn.execute("SELECT count(*) FROM sync_conflicts WHERE tbl = 'allocations'").fetchone()[0] == 1
    finally:
        w.close()
    assert earlier in {row[0] for row in rows(b, t.allocations)}
    assert sync.sync(a, hub).pushed == 0 and sync.sync(b, hub).pushed == 0
    with pytest.raises(RuleViolation) as refused:  # what the undo took is allocated again by hand, not written back
        sync.resolve_conflict(a, accounts.conflict_id("allocation", undo), user="boss", apply_loser=True)
    assert refused.value.code == "conflict_fact"
    sync.resolve_conflict(a, accounts.conflict_id("allocation", undo), user="boss", note="allocated again")


@pytest.mark.parametrize(("kind", "prefix"), [("receipt", "RC"), ("write_off", "WO")])
def test_a_receipt_number_taken_on_two_desks_offline_is_renumbered_on_the_hub(hub, devices, kind, prefix):
    a, b = devices("a"), devices("b")
    customer, _ = office(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    mine = item(a, customer, kind, "-10.00", number=f"{prefix}-2026-00001", year=2026, seq=1)
    theirs = item(b, customer, kind, "-20.00", number=f"{prefix}-2026-00001", year=2026, seq=1)
    # items of documents carry their document's number (and may carry its seq): only the document is renumbered
    sales = [item(desk, customer, "sale", "5.00", number="SD-2026-00001", year=2026, seq=1) for desk in (a, b)]
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    items = t.account_items.c
    for desk in (a, b):
        with desk.engine.connect() as conn:
            numbers = dict(conn.execute(select(items.id, items.number).where(items.kind == kind)).all())
            kept = conn.execute(select(items.number).where(items.id.in_(sales))).scalars().all()
        assert numbers == {mine: f"{prefix}-2026-00001", theirs: f"{prefix}-2026-00002"}
        assert kept == ["SD-2026-00001", "SD-2026-00001"]
    listed = [x for x in sync.conflicts(b) if x.table == "account_items"]
    assert len(listed) == 1 and f"renumbered {prefix}-2026-00002" in listed[0].rule
    with b.engine.connect() as conn:
        assert conn.execute(select(items.seq).where(items.id == theirs)).scalar_one() == 2
    assert sync.sync(a, hub).pushed == 0 and sync.sync(b, hub).pushed == 0


def test_an_item_or_movement_dated_in_a_month_closed_here_is_kept_and_listed_for_a_manager(hub, devices):
    a, b = devices("a"), devices("b")
    customer, _ = office(a)
    early = item(a, customer, "sale", "20.00", number="SD-2026-00008", day=date(2026, 10, 3))  # before the close
    sync.sync(a, hub)
    sync.sync(b, hub)
    with a.engine.begin() as conn:  # a closes October
        conn.execute(t.periods.insert().values(month="2026-10", closed=True, closed_at=T0, closed_by="boss",
                                               device_id=a.device_id))
    late = item(b, customer, "sale", "30.00", number="SD-2026-00009", day=date(2026, 10, 20))  # b, offline
    moved = ledger.receive(b.uow(), stock.ReceiveStock("BOLT", "5", "MAIN", "1.00",
                                                       occurred_at=datetime(2026, 10, 20, 12, tzinfo=UTC)))
    november = item(b, customer, "sale", "40.00", number="SD-2026-00010", day=date(2026, 11, 2))
    sync.sync(b, hub)
    report = sync.sync(a, hub)
    with a.engine.connect() as conn:
        held = set(conn.execute(select(t.account_items.c.id)).scalars())
    assert {late, november} <= held  # kept: it happened
    listed = {x.row_id: x for x in sync.conflicts(a) if "closed" in x.rule}
    assert set(listed) == {late, moved.id} and early not in listed  # dated before the close came: not late
    assert listed[late].kept_data == {"month": "2026-10"} and report.conflicts >= 2
    assert check(a.engine) == []
    sync.sync(a, hub)  # the conflicts travel like any record: b learns of them too
    sync.sync(b, hub)
    assert {x.id for x in sync.conflicts(b) if "closed" in x.rule} == {x.id for x in listed.values()}
    # a new desk pulls the close and the facts in one batch: only what came after the close would be late for it,
    # and here nothing did (b's facts reached the hub before a's close); the conflicts a and b saw are theirs, so
    # the new desk starts with none (gate.own_conflicts)
    c = devices("c")
    sync.sync(c, hub)
    assert sync.conflicts(c) == []


def test_a_month_closed_on_one_desk_and_reopened_on_another_ends_alike_with_every_event_kept(hub, devices):
    a, b = devices("a"), devices("b")
    office(a)

    def event(db, action: str, reason: str = "") -> None:
        with db.engine.begin() as conn:
            conn.execute(t.period_events.insert().values(id=str(uuid.uuid4()), month="2026-10", action=action,
                                                         user="boss", reason=reason, at=clock.now(),
                                                         device_id=db.device_id))

    with a.engine.begin() as conn:
        conn.execute(t.periods.insert().values(month="2026-10", closed=True, closed_at=T0, closed_by="boss",
                                               device_id=a.device_id, version=1))
    event(a, "close")
    sync.sync(a, hub)
    sync.sync(b, hub)
    P = t.periods.c
    with a.engine.begin() as conn:  # an admin reopens October on a
        conn.execute(t.periods.update().values(closed=False, closed_at=None, closed_by="", version=2))
    event(a, "reopen", "a missing delivery note")
    with b.engine.begin() as conn:  # meanwhile b's manager closes it again, after a count
        conn.execute(t.periods.update().values(closed_at=T0 + timedelta(days=1), closed_by="manager", version=2))
    event(b, "close")
    for desk in (a, b, a):
        sync.sync(desk, hub)
    for desk in (a, b):
        with desk.engine.connect() as conn:
            assert conn.execute(select(P.closed, P.version)).one() == (False, 2)  # the first on the hub stays
        assert len(rows(desk, t.period_events)) == 3  # every close and reopen is kept
    lost = [x for x in sync.conflicts(a) if x.table == "periods"]
    assert len(lost) == 1 and lost[0].lost["closed_by"] == "manager"


def test_a_customer_made_on_two_desks_takes_its_items_along_when_it_is_merged(hub, devices):
    a, b = devices("a"), devices("b")
    kept, _ = office(a)
    merged, _ = office(b)  # the same codes, made offline on b: C1 is merged into a's at b's first sync
    sale = item(b, merged, "sale", "25.00", number="SD-2026-00001")
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    for desk in (a, b):
        with desk.engine.connect() as conn:
            assert conn.execute(select(t.account_items.c.partner_id).where(t.account_items.c.id == sale)
                                ).scalar_one() == kept
        assert sync.status(desk).quarantined == []
        assert open_agrees(desk) == {sale: Decimal(25)}
        assert [(r.code, r.balance) for r in queries.balances(desk.engine, "AR")] == [("C1", Decimal(25))]
    w = HostileWriter(hub)
    try:
        assert w.conn.execute("SELECT partner_id FROM account_items WHERE id = %s", (sale,)).fetchone()[0] == kept
    finally:
        w.close()


def test_the_same_supplier_invoice_entered_on_two_desks_is_kept_once_and_the_other_listed(hub, devices):
    a, b = devices("a"), devices("b")
    _, supplier = office(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    for desk, amount in ((a, "80"), (b, "81")):
        with desk.engine.begin() as conn:
            conn.execute(t.supplier_invoices.insert().values(
                id=str(uuid.uuid4()), supplier_id=supplier, number="INV-778", business_date=date(2026, 11, 6),
                amount=Decimal(amount), user="ann", created_at=T0, device_id=desk.device_id))
    for desk in (a, b, a):
        sync.sync(desk, hub)
    for desk in (a, b):
        assert comparable(t.supplier_invoices, desk) == comparable(t.supplier_invoices, a)
        with desk.engine.connect() as conn:
            assert conn.execute(select(t.supplier_invoices.c.amount)).scalars().all() == [Decimal(80)]
    assert [x.table for x in sync.conflicts(a)] == ["supplier_invoices"]


def test_desks_that_settled_one_payment_from_different_allocations_still_end_alike(hub, devices):
    a, b, c = devices("a"), devices("b"), devices("c")
    customer, _ = office(a)
    receipt = item(a, customer, "receipt", "-100.00", number="RC-2026-00001", year=2026, seq=1)
    sales = [item(a, customer, "sale", "100.00", number=f"SD-2026-0000{n}") for n in (1, 2, 3)]
    for desk in (a, b, c):
        sync.sync(desk, hub)
    allocate(a, sales[0], receipt, "60.00", T0)  # three desks, offline, apply the same money
    second = allocate(b, sales[1], receipt, "60.00", T0 + timedelta(minutes=2))
    allocate(c, sales[2], receipt, "50.00", T0 + timedelta(minutes=1))
    sync.sync(b, hub)
    sync.sync(c, hub)  # c knows its own and b's: it undoes 10 of b's
    sync.sync(a, hub)  # a knows all three: it undoes all of b's and 10 of c's; the hub keeps c's undo of b's
    for desk in (c, a, b, c, a, b):
        sync.sync(desk, hub)
    for desk in (a, b, c):
        assert allocated(desk, receipt) == Decimal(100)
        assert [allocated(desk, s) for s in sales] == [Decimal(60), Decimal(0), Decimal(40)]
        assert rows(desk, t.allocations) == rows(a, t.allocations)
        assert open_agrees(desk) == {sales[0]: Decimal(40), sales[1]: Decimal(100), sales[2]: Decimal(60)}
    with a.engine.connect() as conn:
        undos = conn.execute(select(t.allocations.c.amount).where(t.allocations.c.undoes_id == second)).scalars()
        assert sorted(undos) == [Decimal(-50), Decimal(-10)]
    # a's first undo of b's allocation lost to c's on the hub (listed), a took c's and undid the rest at once
    assert [x.rule for x in sync.conflicts(a) if x.row_id == accounts.undo_id(second)] == [
        "a fact is never changed: the version first on the hub is kept"]
    assert sync.sync(a, hub).pushed == 0 and sync.sync(c, hub).pushed == 0


def test_desks_with_their_own_hub_logins_exchange_the_accounts_and_settle_a_double_allocation(hub, devices):
    a, b = devices("a"), devices("b")
    customer, _ = office(a)
    receipt = item(a, customer, "receipt", "-50.00", number="RC-2026-00001", year=2026, seq=1)
    sales = [item(a, customer, "sale", "50.00", number=f"SD-2026-0000{n}") for n in (1, 2)]
    sync.sync(a, hub)
    sync.hub_setup(a, hub)  # the owner gives each desk a login of its own (row-level security on)
    suffix = uuid.uuid4().hex[:8]
    a_url, _ = sync.hub_add_login(a, hub, f"desk_a_{suffix}")
    b_url, _ = sync.hub_add_login(b, hub, f"desk_b_{suffix}")
    sync.sync(b, b_url)
    allocate(a, sales[0], receipt, "50.00", T0)
    later = allocate(b, sales[1], receipt, "50.00", T0 + timedelta(minutes=1))
    with b.engine.begin() as conn:
        conn.execute(t.periods.insert().values(month="2026-09", closed=True, closed_at=T0, closed_by="boss",
                                               device_id=b.device_id))
    for desk, url in ((a, a_url), (b, b_url), (a, a_url), (b, b_url)):
        sync.sync(desk, url)
        assert sync.status(desk).hub_login == "desk" and sync.status(desk).quarantined == []
    for desk in (a, b):
        assert allocated(desk, receipt) == Decimal(50) and allocated(desk, sales[1]) == Decimal(0)
        assert rows(desk, t.allocations) == rows(a, t.allocations)
        assert comparable(t.periods, desk) == comparable(t.periods, b)
    assert {x.row_id for x in sync.conflicts(a)} == {later}


def test_after_a_pull_the_open_amounts_equal_items_less_allocations_and_read_alike_on_both_desks(hub, devices):
    """The pull writes items and allocations in bulk and undoes a double allocation: the derived open amounts of
    every item it touched are recomputed in the same transaction (a settled item loses its row, an undo reopens
    one), so balances, ageing and open items read the same on both desks."""
    a, b = devices("a"), devices("b")
    customer, supplier = office(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    receipt = item(a, customer, "receipt", "-100.00", number="RC-2026-00001", year=2026, seq=1)
    paid = item(a, customer, "sale", "40.00", number="SD-2026-00001", day=date(2026, 10, 1))
    part = item(a, customer, "sale", "90.00", number="SD-2026-00002", day=date(2026, 10, 20))
    allocate(a, paid, receipt, "40.00", T0)  # settled: no row
    allocate(a, part, receipt, "50.00", T0)
    bill = item(a, supplier, "goods_receipt", "80.00", side="AP", number="GR-2026-00001")
    payment = item(a, supplier, "payment", "-80.00", side="AP", number="PM-2026-00001", year=2026, seq=1)
    allocate(a, bill, payment, "80.00", T0)
    sync.sync(a, hub)
    sync.sync(b, hub)  # b pulls it all in one batch
    expected = {receipt: Decimal(-10), part: Decimal(40)}
    assert open_agrees(a) == open_agrees(b) == expected
    allocate(b, part, receipt, "10.00", T0 + timedelta(minutes=5))  # b uses the rest of the money …
    later = allocate(a, part, receipt, "10.00", T0 + timedelta(minutes=6))  # … and a, offline, too: a's is undone
    for desk in (b, a, b):
        sync.sync(desk, hub)
    assert open_agrees(a) == open_agrees(b) == {part: Decimal(30)}
    for desk in (a, b):  # undone by the pull on one desk, the undo pulled by the other
        with desk.engine.connect() as conn:
            assert conn.execute(select(t.allocations.c.undoes_id).where(t.allocations.c.undoes_id.is_not(None))
                                ).scalars().all() == [later]
        over = [row for row in sync.conflicts(desk) if row.table == "allocations"]
        # the amount undone as money is shown (it read 10.0000, the stored scale)
        assert [row.rule for row in over] == ["allocated beyond its amount on two desks offline: the later "
                                              "allocation is undone by 10.00; allocate what is open again"]
        assert all("item=" not in row.kept for row in over)  # the item's id: its number names it
    for side in ("AR", "AP"):
        assert queries.balances(a.engine, side) == queries.balances(b.engine, side)
        assert queries.ageing(a.engine, side, date(2026, 12, 31)) == queries.ageing(b.engine, side, date(2026, 12, 31))
        assert queries.open_items(a.engine, side) == queries.open_items(b.engine, side)
    ar = queries.balances(b.engine, "AR")
    assert [(r.balance, r.credit, r.oldest_due) for r in ar] == [(Decimal(30), Decimal(0), date(2026, 11, 19))]
    assert check(a.engine) == [] and check(b.engine) == []

