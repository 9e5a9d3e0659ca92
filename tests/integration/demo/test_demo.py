"""The demo business on a real SQLite file, at a small scale (about 36 products, 9,000 movements)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections import defaultdict
from datetime import date
from datetime import time
from datetime import timedelta
from datetime import timezone
from decimal import Decimal

import pytest

from domain.demo import build_demo
from domain.demo import promoted_categories
from domain.kernel.errors import RuleViolation
from persistence.catalog import queries as catalog_queries
from persistence.db import open_database
from persistence.stock import queries
from ui.cli import main as cli_main

SCALE = 0.03
END = date(2026, 1, 31)  # two Novembers, two Spring Festivals (2024-02-10, 2025-01-29)
LOCAL = timezone(timedelta(hours=8))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _build(path, seed: int) -> None:
    db = open_database(path)
    try:
        build_demo(db.uow, seed=seed, scale=SCALE, end=END)
    finally:
        db.close()


def _stock_json(path, capsys) -> list[dict]:
    capsys.readouterr()
    assert cli_main(["--db", str(path), "stock", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    _build(path, seed=7)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture(scope="module")
def moves(demo_db):
    return queries.movements(demo_db.engine)


@pytest.fixture(scope="module")
def products(demo_db):
    return catalog_queries.products(demo_db.engine)


def _shipped_by_day(moves) -> dict[date, Decimal]:
    days: dict[date, Decimal] = defaultdict(Decimal)
    for m in moves:
        if m.kind == "shipment":
            days[m.occurred_at.astimezone(LOCAL).date()] += -m.qty
    return days


def test_the_same_seed_gives_the_same_stock_and_another_seed_a_different_one(demo_db, tmp_path, capsys):
    _build(tmp_path / "again.sqlite3", seed=7)
    _build(tmp_path / "other.sqlite3", seed=8)
    first = _stock_json(demo_db.path, capsys)
    assert len(first) > 50
    assert _stock_json(tmp_path / "again.sqlite3", capsys) == first
    assert _stock_json(tmp_path / "other.sqlite3", capsys) != first
    again = open_database(tmp_path / "again.sqlite3")
    try:
        assert _lost_sales(again) == _lost_sales(demo_db)  # the lost sales too, to the moment
    finally:
        again.close()


def test_the_demo_company_has_a_name_and_address_to_print(demo_db):
    from domain.purchasing import terms

    policy = terms.current_policy(demo_db.uow())
    assert "Demo Trading" in policy.company_name and "示范" in policy.company_name
    assert "Shanghai" in policy.company_address


def test_every_balance_equals_the_ledger_after_the_demo(demo_db):
    assert queries.check(demo_db.engine) == []


def test_a_filled_database_is_refused_and_left_unchanged(demo_db, moves):
    with pytest.raises(RuleViolation, match="empty database"):
        build_demo(demo_db.uow, seed=7, scale=SCALE, end=END)
    assert len(queries.movements(demo_db.engine)) == len(moves)


def test_names_are_mostly_chinese_with_some_english(products):
    chinese = [p for p in products if CJK.search(p.name)]
    english = [p for p in products if p.name.isascii()]
    assert len(chinese) > len(products) / 2
    assert english


def test_pieces_count_in_whole_units_and_goods_sold_by_weight_do_not(products):
    from domain.catalog.units import whole_by_default

    assert all(p.whole_units == whole_by_default(p.unit) for p in products)
    assert all(p.whole_units for p in products if p.unit in ("pcs", "box", "bottle", "pack", "set", "pair"))
    assert not any(p.whole_units for p in products if p.unit == "kg")
    assert any(p.whole_units for p in products)


def test_barcodes_are_valid_ean13_and_unique(products):
    codes = [b for p in products for b in p.barcodes]
    assert len(codes) >= 0.8 * len(products)
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert re.fullmatch(r"69\d{11}", code), code
        digits = [int(ch) for ch in code]
        assert (sum(digits[0:12:2]) + 3 * sum(digits[1:12:2]) + digits[12]) % 10 == 0, code


def test_postings_are_in_business_hours_and_never_back_dated(moves):
    last: dict[tuple[str, str], object] = {}
    for m in moves:  # in business-time order
        local = m.occurred_at.astimezone(LOCAL)
        assert 8 <= local.hour < 20, m
        key = (m.sku, m.warehouse)
        assert last.get(key) is None or m.occurred_at > last[key], m
        last[key] = m.occurred_at


def test_some_product_runs_out_of_stock_for_days(moves):
    end_of_day: dict[tuple[str, str], dict[date, Decimal]] = defaultdict(dict)
    for m in moves:
        end_of_day[(m.sku, m.warehouse)][m.occurred_at.astimezone(LOCAL).date()] = m.on_hand_after
    longest = 0
    for days in end_of_day.values():
        ordered = sorted(days.items())
        for (day, on_hand), (next_day, _) in zip(ordered, ordered[1:], strict=False):
            if on_hand == 0:
                longest = max(longest, (next_day - day).days)
    assert longest >= 7
    assert any("缺货" in m.note for m in moves if m.kind == "shipment")


def test_some_products_are_intermittent_with_many_zero_weeks(moves):
    weeks: dict[str, set[int]] = defaultdict(set)
    first = min(m.occurred_at for m in moves)
    for m in moves:
        if m.kind == "shipment":
            weeks[m.sku].add((m.occurred_at - first).days // 7)
    total = 104
    intermittent = [sku for sku, seen in weeks.items() if 5 <= len(seen) <= total / 2]
    smooth = [sku for sku, seen in weeks.items() if len(seen) > 0.9 * total]
    assert intermittent and smooth


def test_promoted_categories_ship_more_in_november_than_in_october(moves, products):
    skus = {p.sku for p in products if p.category in promoted_categories()}
    assert skus
    lines: dict[tuple[int, int], int] = defaultdict(int)
    units: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for m in moves:
        if m.kind == "shipment" and m.sku in skus:
            day = m.occurred_at.astimezone(LOCAL)
            lines[(day.year, day.month)] += 1
            units[(day.year, day.month)] -= m.qty
    for year in (2024, 2025):
        assert lines[(year, 11)] > 1.2 * lines[(year, 10)], (year, lines[(year, 10)], lines[(year, 11)])
        assert units[(year, 11)] > units[(year, 10)], (year, units[(year, 10)], units[(year, 11)])


def test_shipments_nearly_stop_over_the_spring_festival(moves):
    days = _shipped_by_day(moves)
    festival = date(2025, 1, 29)
    lull = sum(days.get(festival + timedelta(days=k), 0) for k in range(-3, 7)) / 10
    before = sum(days.get(festival - timedelta(days=k), 0) for k in range(40, 70)) / 30
    assert lull < before / 4, (lull, before)


def test_every_product_has_a_retail_and_a_wholesale_price_above_its_cost_and_customers_have_terms(demo_db):
    from sqlalchemy import func
    from sqlalchemy import select

    from domain.sales.prices import quote
    from persistence import tables as t

    with demo_db.engine.connect() as conn:
        prices = {}
        for pid, level, price in conn.execute(select(t.product_prices.c.product_id, t.product_prices.c.level,
                                                     t.product_prices.c.price)):
            prices.setdefault(pid, {})[level] = price
        costs = dict(conn.execute(select(t.supplier_terms.c.product_id, func.min(t.supplier_terms.c.unit_price))
                                  .group_by(t.supplier_terms.c.product_id)).all())
        profiles = conn.execute(select(t.customer_profiles.c.customer_id, t.customer_profiles.c.price_level)).all()
        customers = conn.execute(select(func.count()).select_from(t.customers)).scalar()
    assert set(prices) == set(costs)
    for pid, levels in prices.items():
        assert set(levels) == {"retail", "wholesale"}
        assert levels["retail"] > levels["wholesale"] >= costs[pid]
    assert len(profiles) == customers and {level for _, level in profiles} == {"retail", "wholesale"}
    trade = next(cid for cid, level in profiles if level == "wholesale")
    with demo_db.uow() as uow:
        q = quote(uow, trade, next(iter(prices)))
        assert q.source == "level" and q.discount == Decimal(3)
        assert q.unit_price == (q.list_price * Decimal("0.97")).quantize(Decimal("0.00000001"))


def test_receivables_and_payables_fill_every_ageing_band_with_partial_payments_and_a_prepayment(demo_db):
    from domain.accounts.model import Side
    from persistence.accounts import queries as accounts

    for side in (Side.AR, Side.AP):
        totals = accounts.ageing(demo_db.engine, side, END)
        bands = (totals.current, totals.d1_30, totals.d31_60, totals.d61_90, totals.over_90)
        assert all(b > 0 for b in bands), (side, bands)
        rows = accounts.balances(demo_db.engine, side, as_of=END)
        assert sum((r.balance for r in rows), Decimal(0)) == totals.balance
    money = accounts.money(demo_db.engine, Side.AR) + accounts.money(demo_db.engine, Side.AP)
    assert {m.kind for m in money} == {"receipt", "payment"}
    assert any(m.allocated == m.amount for m in money)  # paid items in full
    partial = [r for r in accounts.open_items(demo_db.engine, Side.AR, as_of=END) if 0 < r.allocated < r.amount]
    assert partial  # an item paid in part
    prepaid = [m for m in money if m.unallocated > 0]
    assert [m.reference for m in prepaid] == ["预收货款"]
    assert accounts.ageing(demo_db.engine, Side.AR, END).credit == Decimal("5000.00")


def test_customers_and_suppliers_have_payment_terms_the_due_dates_can_count_by(demo_db):
    from sqlalchemy import select

    from persistence import tables as t

    with demo_db.engine.connect() as conn:
        customers = set(conn.execute(select(t.customer_profiles.c.payment_terms, t.customer_profiles.c.payment_basis,
                                            t.customer_profiles.c.payment_days)).all())
        suppliers = set(conn.execute(select(t.supplier_profiles.c.payment_terms, t.supplier_profiles.c.payment_basis,
                                            t.supplier_profiles.c.payment_days)).all())
    assert customers == {("月结30天", "month_end", 30), ("现款现货", "cod", 0)}
    assert suppliers == {("月结60天", "month_end", 60), ("30天账期", "net", 30), ("月结30天", "month_end", 30)}


def _json(capsys, *argv) -> object:
    capsys.readouterr()
    assert cli_main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _lost_sales(db) -> list[tuple]:
    """(SKU, warehouse, quantity, moment, customer, reference, note) of every recorded lost sale, in time order."""
    from sqlalchemy import select

    from persistence import tables as t

    u, p, w = t.unfilled_demand, t.products, t.warehouses
    query = (select(p.c.sku, w.c.code, u.c.qty, u.c.occurred_at, u.c.customer, u.c.source_ref, u.c.note)
             .join(p, p.c.id == u.c.product_id).join(w, w.c.id == u.c.warehouse_id)
             .order_by(u.c.occurred_at, p.c.sku, u.c.source_ref, u.c.note, u.c.qty))
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_plain_shipments_cut_short_record_the_rest_as_a_lost_sale_on_their_order(demo_db, moves):
    lost = _lost_sales(demo_db)
    recorded = {(sku, wh, ref, at, qty, customer) for sku, wh, qty, at, customer, ref, _ in lost}
    cut = [m for m in moves if m.kind == "shipment" and "缺货，订" in m.note]
    assert len(cut) > 20
    for m in cut:  # note: "<customer> <name> · 缺货，订 <asked> 发 <shipped>"
        asked, sent = map(int, re.search(r"缺货，订 (\d+) 发 (\d+)", m.note).groups())
        customer = m.note.split(" ", 1)[0]
        assert (m.sku, m.warehouse, m.source_ref, m.occurred_at, Decimal(asked - sent), customer) in recorded, m
    # a line the shelf had nothing for shipped nothing: it is recorded on one of the day's plain orders of its
    # warehouse, at that order's moment, for its customer (on a day without one, for a customer at noon)
    shipments = {(m.source_ref, m.warehouse, m.occurred_at): m.note.split(" ", 1)[0] for m in moves
                 if m.kind == "shipment"}
    orders = set(_counts(demo_db, "sales_orders", "number"))  # the desk's (key accounts' missing lines are theirs)
    empty = [x for x in lost if "none in stock" in x[6] and x[5] not in orders]
    assert len(empty) > len(cut)  # most of a stockout's demand meets an empty shelf
    on_orders = [x for x in empty if x[5]]
    assert len(on_orders) > 0.9 * len(empty)
    for sku, wh, qty, at, customer, ref, _ in empty:
        assert qty > 0 and customer, (sku, wh, ref, at)
        if ref:
            assert shipments.get((ref, wh, at)) == customer, (sku, wh, ref, at)
        else:
            assert at.astimezone(LOCAL).time() == time(12), (sku, wh, at)


def test_the_dashboard_fill_rate_counts_every_lost_sale_recorded(demo_db, moves, capsys):
    data = _json(capsys, "--db", str(demo_db.path), "dashboard", "--to", str(END), "--period", "quarter",
                 "--no-alerts", "--json")
    first, last = date.fromisoformat(data["from"]), date.fromisoformat(data["to"])
    lost = [x for x in _lost_sales(demo_db) if first <= x[3].astimezone(LOCAL).date() <= last]
    fill = data["fill_rate"]
    assert Decimal(fill["unfilled"]) == sum(x[2] for x in lost)
    plain = {m.source_ref for m in moves if m.kind == "shipment" and m.source_type == "sales_order"}  # no document
    plain = [x for x in lost if x[5] in plain]
    assert sum(x[2] for x in plain) > sum(x[2] for x in lost) / 2  # most of it: the desk's documents are a few
    asked = Decimal(fill["shipped"]) + Decimal(fill["unfilled"])
    assert Decimal(fill["quantity_percent"]) == (100 * Decimal(fill["shipped"]) / asked).quantize(Decimal("0.01"))
    assert Decimal(fill["quantity_percent"]) < 99  # the stockouts show


def _counts(demo_db, table, column) -> dict[str, int]:
    from sqlalchemy import func
    from sqlalchemy import select

    from persistence import tables as t

    tab = getattr(t, table)
    with demo_db.engine.connect() as conn:
        return dict(conn.execute(select(tab.c[column], func.count()).group_by(tab.c[column])).all())


def test_the_last_months_hold_sales_documents_with_backorders_returns_and_lost_sales(demo_db, capsys):
    documents = _counts(demo_db, "documents", "kind")
    assert documents["sale"] > 20 and documents["customer_return"] > 0 and documents["supplier_return"] > 0
    orders = _counts(demo_db, "sales_orders", "state")
    assert orders["shipped"] > 20 and orders.get("partly_shipped", 0) > 0  # a backorder open at the end
    assert cli_main(["--db", str(demo_db.path), "so", "check"]) == 0  # every reservation equals the open lines
    from sqlalchemy import func
    from sqlalchemy import select

    from persistence import tables as t

    with demo_db.engine.connect() as conn:
        u = t.unfilled_demand.c
        lost, named = conn.execute(select(func.count(), func.count(func.nullif(u.customer, "")))).one()
    assert lost > 0 and named == lost  # lost sales, each for a customer (on a document or a plain order)
    margin = _json(capsys, "--db", str(demo_db.path), "report", "margin", "--from", str(END - timedelta(days=60)),
                   "--to", str(END), "--json")
    assert margin["rows"] and 0 < Decimal(margin["total"]["margin_pct"]) < 40


def test_customers_gone_quiet_after_short_shipped_lines_are_at_risk_with_the_reason(demo_db, capsys):
    risk = _json(capsys, "--db", str(demo_db.path), "customers", "at-risk", "--as-of", str(END), "--json")
    quiet = [r for r in risk if r["short_lines"]["lost"] >= 1 and r["days_since"] >= 20]
    assert quiet, risk
    assert "short-shipped line" in quiet[0]["reason"]


def test_suppliers_have_purchase_orders_received_late_short_and_still_open(demo_db, capsys):
    pos = _counts(demo_db, "purchase_orders", "state")
    assert pos.get("received", 0) > 0 and pos.get("closed", 0) + pos.get("partly_received", 0) > 0
    assert pos.get("issued", 0) + pos.get("partly_received", 0) > 0  # open at the end
    cards = _json(capsys, "--db", str(demo_db.path), "suppliers", "scorecard", "--to", str(END), "--json")
    scored = [c for c in cards if c["receipts"]]
    assert scored and any(c["returns"] for c in cards)
    assert any(Decimal(c["fill_rate"]) < 1 for c in scored if c["fill_rate"] is not None)


def _moved(moves) -> Counter:
    return Counter((m.kind, m.sku, m.warehouse, m.qty, m.occurred_at.astimezone(LOCAL).date()) for m in moves)


def test_every_order_of_the_desks_days_is_a_purchase_order_and_the_demand_history_stays_the_same(
        demo_db, moves, tmp_path, monkeypatch):
    """The scorecard and the lead times planning learns read purchase orders (issued, promised, received): the
    history's replenishment orders over the desk's days are all purchase orders, several times the desk's own share,
    and the ledger is the one made without them, movement for movement (kind, SKU, warehouse, quantity, day)."""
    from domain.demo import desk

    monkeypatch.setattr(desk, "PO_DAYS", 0)
    _build(tmp_path / "few.sqlite3", seed=7)
    few = open_database(tmp_path / "few.sqlite3")
    try:
        assert _moved(queries.movements(few.engine)) == _moved(moves)
        fewer = sum(_counts(few, "purchase_orders", "state").values())
    finally:
        few.close()
    assert sum(_counts(demo_db, "purchase_orders", "state").values()) >= 3 * fewer > 0


def test_goods_received_fall_due_by_their_suppliers_terms(demo_db):
    """A receipt against a purchase order falls due by its supplier's terms (月结60天, 30天账期…), as the supplier
    invoices it; the demo gave the suppliers their terms after two years of receipts, so each fell due on its own
    day and the payables' ageing showed them all overdue."""
    from sqlalchemy import select

    from domain.accounts.model import Terms
    from domain.accounts.terms import due_date
    from persistence import tables as t

    with demo_db.engine.connect() as conn:
        terms = {r.supplier_id: Terms(r.payment_basis, r.payment_days)
                 for r in conn.execute(select(t.supplier_profiles))}
        items = conn.execute(select(t.account_items).where(t.account_items.c.kind == "goods_receipt")).all()
    assert items
    assert all(i.due_on == due_date(terms[i.partner_id], i.business_date) for i in items)
    assert any(i.due_on > i.business_date for i in items)


def test_almost_all_that_was_received_names_the_supplier_it_came_from(demo_db):
    """The history's replenishment orders are received against purchase orders over the desk's last days and as goods
    receipts naming their supplier before: the purchase summary (and the scorecard, the payables) buy from someone,
    not "(no supplier)". The opening stock of the history's first day is no purchase: posted as an import of it
    would be, the purchase summary leaves it out and the stock summary opens with it (期初)."""
    from domain.demo import DAYS
    from domain.reports.model import Period
    from persistence.reports.purchases import purchase_lines

    first = END - timedelta(days=DAYS - 1)
    lines = [x for x in purchase_lines(demo_db.engine, Period(first, END)) if not x.returned]
    total = sum((x.value for x in lines), Decimal(0))
    named = sum((x.value for x in lines if x.supplier), Decimal(0))
    assert total > 0 and named == total, (named, total)
    assert all(x.occurred_at.astimezone(LOCAL).date() > first for x in lines)  # the opening stock is none of them
    opening = queries.movements(demo_db.engine, kind="opening_stock")
    assert opening and {m.occurred_at.astimezone(LOCAL).date() for m in opening} == {first}
    assert all(x.document for x in lines)  # each line's goods receipt (GR-…) is found
    assert sum(x.value for x in lines if x.order) > 0  # and the last days' deliveries name their order
