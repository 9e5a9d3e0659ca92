"""The credit limit on the command line, on a real SQLite file, each step a separate process: ``so confirm`` past
the limit exits 3 naming the figures, a clerk's ``--override`` is refused, a manager's confirms and is recorded on
the order; a customer with items more than 90 days overdue is warned."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from persistence import tables as t
from persistence.db import open_database
from tests.sales_shop import open_shop

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "correct horse 1"


@pytest.fixture
def db_path(tmp_path):
    db = tmp_path / "credit.sqlite3"
    database = open_database(db)
    open_shop(database.uow, products=[("SCREW", "不锈钢螺丝 M3")], warehouses=[("MAIN", "主仓库")])
    database.close()
    return db


def runner(db):
    def run(*args: str, code: int = 0, user: str | None = None) -> tuple[str, str]:
        env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "STOCKROOM_PASSWORD": PASSWORD,
               "STOCKROOM_NEW_PASSWORD": PASSWORD}
        head = ["--user", user] if user else []
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *head, *args],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        return done.stdout, done.stderr

    return run


def test_past_the_limit_a_clerk_is_refused_and_a_managers_override_is_recorded(db_path):
    run = runner(db_path)
    run("receive", "SCREW", "100", "--warehouse", "MAIN", "--unit-cost", "2")
    run("customer", "terms", "ACME", "--credit-limit", "500")

    def order(qty: str, price: str) -> str:
        number = run("so", "create", "--customer", "ACME", "--warehouse", "MAIN")[0].strip()
        run("so", "add-line", number, "SCREW", qty, "--price", price)
        return number

    first = order("10", "20")  # 200 + 13 % = 226
    run("so", "confirm", first)
    run("so", "ship", first)  # the balance: 226
    second = order("10", "20")
    run("so", "confirm", second)  # 226 + 226 = 452 ≤ 500
    third = order("1", "100")  # 113: 565, 65 over
    _, err = run("so", "confirm", third, code=3)
    assert (f"sales order {third} would take customer ACME to 565.00, over its credit limit of 500.00 by 65.00 "
            f"(balance 226.00, open orders 226.00, this order 113.00); a manager can confirm it with override") in err

    run("user", "add", "admin", "--role", "admin")
    run("user", "add", "clerk", "--role", "clerk", user="admin")
    run("user", "add", "boss", "--role", "manager", user="admin")
    _, err = run("so", "confirm", third, "--override", code=3, user="clerk")
    assert "only a manager may confirm it past the limit" in err
    out, _ = run("so", "confirm", third, "--override", user="boss")
    assert f"{third} confirmed" in out and "credit limit 500 passed by 65" in out

    database = open_database(db_path)
    try:
        with database.engine.connect() as conn:
            notes, state = conn.execute(select(t.sales_orders.c.notes, t.sales_orders.c.state)
                                        .where(t.sales_orders.c.number == third)).one()
    finally:
        database.close()
    assert state == "confirmed"
    assert notes.startswith("Credit limit 500 overridden by boss on ") and notes.endswith(
        ": exposure 565 (balance 226, open orders 226, this order 113), 65 over")


def test_items_more_than_90_days_overdue_are_a_warning_not_a_refusal(db_path):
    run = runner(db_path)
    run("receive", "SCREW", "100", "--warehouse", "MAIN", "--unit-cost", "2", "--at", "2025-01-01")
    old = run("so", "create", "--customer", "ACME", "--warehouse", "MAIN", "--at", "2025-01-02")[0].strip()
    run("so", "add-line", old, "SCREW", "1", "--price", "10")
    run("so", "confirm", old)
    run("so", "ship", old, "--at", "2025-01-03")  # due the same day (net 0): long overdue
    new = run("so", "create", "--customer", "ACME", "--warehouse", "MAIN")[0].strip()
    run("so", "add-line", new, "SCREW", "1", "--price", "10")
    out, err = run("so", "confirm", new)
    assert f"{new} confirmed" in out
    assert "warning: customer ACME has 11.30 more than 90 days overdue (the oldest due 2025-01-03)" in err


def test_a_counter_sale_on_account_past_the_limit_is_refused_a_cash_one_is_not_and_a_managers_override_is_noted(
        db_path):
    run = runner(db_path)
    run("receive", "SCREW", "100", "--warehouse", "MAIN", "--unit-cost", "2")
    run("customer", "terms", "ACME", "--credit-limit", "500")
    run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "20", "--price", "20")  # owes 452
    _, err = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "3", "--price", "20", code=3)
    assert ("a sale on account would take customer ACME to 519.80, over its credit limit of 500.00 by 19.80 "
            "(balance 452.00, open orders 0.00, this sale 67.80); a manager can post it with override, or it is "
            "paid at once") in err
    cash = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "3", "--price", "20", "--paid")[0]
    wechat = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "1", "--price", "20",
                 "--paid", "wechat")[0]
    _, err = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "1", "--price", "20", "--paid", "gold",
                 code=3)  # no such method: refused, nothing sold
    assert "method 'gold': not a payment method; use one of cash, bank, wechat, alipay, other" in err

    run("user", "add", "admin", "--role", "admin")
    run("user", "add", "clerk", "--role", "clerk", user="admin")
    run("user", "add", "boss", "--role", "manager", user="admin")
    _, err = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "3", "--price", "20", "--override",
                 code=3, user="clerk")
    assert "only a manager may post it past the limit" in err
    out, err = run("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "3", "--price", "20", "--override",
                   user="boss")
    allowed = out.strip()
    assert "overridden by boss" in err

    database = open_database(db_path)
    try:
        with database.engine.connect() as conn:
            notes = dict(conn.execute(select(t.documents.c.number, t.documents.c.note)
                                      .where(t.documents.c.kind == "sale")).all())
            items = conn.execute(select(t.account_items.c.kind, t.account_items.c.amount, t.account_items.c.method,
                                        t.account_items.c.reference).order_by(t.account_items.c.created_at)).all()
            sold = conn.execute(select(t.movements.c.qty)).all()
            owed = sorted(x for (x,) in conn.execute(select(t.account_open.c.open)))
    finally:
        database.close()
    assert notes[cash.strip()] == "" and notes[wechat.strip()] == ""
    assert notes[allowed].startswith("Credit limit 500 overridden by boss on ") and notes[allowed].endswith(
        ": exposure 519.8 (balance 452, open orders 0, this sale 67.8), 19.8 over")
    # the cash sale and the WeChat one are settled by receipts of their own amounts; the override's is owed
    receipts = [(x.amount, x.method, x.reference) for x in items if x.kind == "receipt"]
    assert receipts == [(Decimal("-67.80"), "cash", cash.strip()), (Decimal("-22.60"), "wechat", wechat.strip())]
    assert len([x for x in items if x.kind == "sale"]) == 4
    assert len(sold) == 1 + 4  # the receipt and four sales: the refused ones wrote nothing
    assert owed == [Decimal("67.80"), Decimal("452.00")]  # the sales paid at once owe nothing
