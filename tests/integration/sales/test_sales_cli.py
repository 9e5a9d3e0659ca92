"""The sales commands end to end, each step a separate process as a script would run it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from tests.cli_runs import ROOT
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "sales.sqlite3"
    run = cli_in_child(db)

    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_warehouse(u(), c.AddWarehouse("SHOP", "门市"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3", barcodes=("6901234567892",)))
    catalog.add_product(u(), c.AddProduct("BOLT", "螺栓 M3"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "Acme Trading"))
    database.close()
    return run


def test_an_order_from_entry_to_shipment_return_and_backorder(cli):
    cli("receive", "SCREW", "10", "--warehouse", "MAIN", "--unit-cost", "2")
    cli("receive", "SCREW", "5", "--warehouse", "MAIN", "--unit-cost", "3.5")  # 15 at an average of 2.50
    cli("receive", "SCREW", "4", "--warehouse", "SHOP", "--unit-cost", "2")
    cli("receive", "BOLT", "6", "--warehouse", "MAIN", "--unit-cost", "1")
    po = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN", "--expected", "2027-01-15").strip()
    cli("po", "add-line", po, "SCREW", "20", "--price", "2")
    cli("po", "issue", po)

    number = cli("so", "create", "--customer", "ACME", "--warehouse", "MAIN", "--requested", "2027-01-20",
                 "--ref", "PO 778").strip()
    assert number.startswith("SO-") and number.endswith("-00001")
    cli("so", "add-line", number, "6901234567892", "18", "--price", "5", "--discount", "10")  # scanned barcode
    assert "bad" not in cli("so", "add-line", number, "BOLT", "2", "--price", "1.5")
    err = cli("so", "add-line", number, "BOLT", "1", "--price", "x", code=2)
    assert "price" in err

    err = cli("so", "confirm", number, code=3)
    assert "18 asked, 15 available" in err and "4 in SHOP" in err and "arriving 2027-01-15" in err
    assert "confirmed" in cli("so", "confirm", number, "--override")
    atp = {r["warehouse"]: r for r in json.loads(cli("atp", "SCREW", "--json"))}
    assert (atp["MAIN"]["available"], atp["MAIN"]["on_order"]) == ("-3", "20")
    assert atp["MAIN"]["by_date"] == [{"date": "2027-01-15", "atp": "17"}]
    stock = {(r["sku"], r["warehouse"]): r for r in json.loads(cli("stock", "--json"))}
    assert (stock["SCREW", "MAIN"]["reserved"], stock["SCREW", "MAIN"]["available"]) == ("18", "-3")

    err = cli("so", "ship", number, "SCREW", "19", code=3)
    assert "18 open" in err
    [sale] = cli("so", "ship", number).split()  # all that is available: 15 screws, 2 bolts
    assert sale.startswith("SD-")
    [order] = json.loads(cli("so", "show", number, "--json"))
    screw = order["lines"][0]
    # 15 × 5 × 0.9 = 67.50; cost 15 × 2.50 = 37.50; margin 30.00
    assert (order["state"], screw["shipped"], screw["open"], screw["revenue"], screw["cost"], screw["margin"]) == (
        "partly_shipped", "15", "3", "67.5", "37.5", "30")
    # The table prints money as every other table does: to the cent, thousands grouped (JSON keeps the exact figure).
    shown = cli("so", "show", number).splitlines()
    assert shown[2].split()[-5:] == ["5.00", "10", "67.50", "37.50", "30.00"]
    # the state as the window names it, in the language asked for; not the stored name
    assert "  Partly shipped" in shown[0] and "partly_shipped" not in shown[0]
    assert "  部分发货" in cli("so", "show", number, "--language", "zh_CN").splitlines()[0]
    assert "  部分发货  " in cli("so", "list", "--language", "zh").splitlines()[1]
    assert re.fullmatch(r"subtotal [\d,]+\.\d\d  tax [\d,]+\.\d\d  total [\d,]+\.\d\d \w+", shown[-1])
    # and its headings and words too: SO, CUSTOMER … and subtotal/tax/total stayed English beside 部分发货
    listed = cli("so", "list", "--language", "zh").splitlines()
    assert listed[0].split() == ["单号", "客户", "仓库", "状态", "创建日期", "行数", "不含税金额", "价税合计"]
    assert cli("so", "list").splitlines()[0].split() == ["SO", "CUSTOMER", "WAREHOUSE", "STATE", "CREATED", "LINES",
                                                         "SUBTOTAL", "TOTAL"]
    chinese = cli("so", "show", number, "--language", "zh").splitlines()
    assert chinese[1].split() == ["行号", "货号", "仓库", "订货数量", "已发货", "取消未交", "未交", "已退", "单价",
                                  "折扣%", "销售收入", "成本", "毛利"]
    assert chinese[2].split()[-5:] == shown[2].split()[-5:]  # the figures as in English
    assert re.fullmatch(r"不含税 [\d,]+\.\d\d  税额 [\d,]+\.\d\d  价税合计 [\d,]+\.\d\d \w+", chinese[-1])
    assert "  要求交期 2027-01-20  参考号 PO 778" in chinese[0] and "requested 2027-01-20  ref PO 778" in shown[0]
    english = set(re.findall(r"[a-z]+", "\n".join(listed + chinese)))
    assert not {"requested", "ref", "subtotal", "tax", "total"} & english
    [back] = json.loads(cli("backorders", "--json"))
    assert (back["customer"], back["so"], back["sku"], back["qty"], back["arrival"]) == (
        "ACME", number, "SCREW", "3", "2027-01-15")

    ret = cli("return", "customer", "--shipment", sale, "SCREW", "2", "--reason", "damaged").strip()
    assert ret.startswith("SR-")
    err = cli("return", "customer", "--order", number, "SCREW", "14", "--reason", "x", code=3)
    assert "at most 13 more" in err
    cli("return", "customer", "--shipment", sale, "SCREW", "1", code=2)  # no reason
    [order] = json.loads(cli("so", "show", number, "--json"))
    assert (order["lines"][0]["returned"], order["lines"][0]["revenue"]) == ("2", "58.5")

    assert "cut" in cli("so", "cut", number, "SCREW", "--reason", "customer will not wait")
    header, screw_line = cli("so", "show", number).splitlines()[1:3]
    shown = dict(zip(header.split(), screw_line.split(), strict=False))
    assert (shown["ORDERED"], shown["SHIPPED"], shown["CUT"], shown["OPEN"]) == ("18", "15", "3", "0")
    [order] = json.loads(cli("so", "list", "--json"))
    assert order["state"] == "shipped"
    assert json.loads(cli("backorders", "--json")) == []
    assert "ok" in cli("check")
    assert "ok" in cli("so", "check")


def test_a_counter_sale_refused_for_stock_and_a_reversal(cli):
    cli("receive", "SCREW", "3", "--warehouse", "SHOP", "--unit-cost", "2")
    err = cli("sell", "--customer", "ACME", "--warehouse", "SHOP", "SCREW", "5", "--price", "4", code=3)
    assert "3 available" in err and "unfilled demand" in err
    sale = cli("sell", "--customer", "ACME", "--warehouse", "SHOP", "SCREW", "3", "--price", "4").strip()
    assert cli("reverse", sale).strip() == f"{sale} reversed"
    stock = {(r["sku"], r["warehouse"]): r for r in json.loads(cli("stock", "--json"))}
    assert stock["SCREW", "SHOP"]["on_hand"] == "3"
    free = cli("return", "customer", "--customer", "ACME", "--warehouse", "SHOP", "SCREW", "1", "--reason", "gift",
               "--price", "4").strip()
    assert free.startswith("SR-")
    cli("return", "customer", "--customer", "ACME", "SCREW", "1", "--reason", "x", code=2)  # no warehouse
    err = cli("so", "show", "SO-2026-99999", code=3)
    assert "no sales order" in err
    assert "ok" in cli("check")


def test_a_receipt_says_which_backorders_it_lets_ship_now(cli, tmp_path):
    """po receive printed movement ids only: the goods a customer waited for went onto the shelf unsaid."""
    cli("receive", "SCREW", "3", "--warehouse", "MAIN", "--unit-cost", "2")
    po = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN", "--expected", "2027-01-15").strip()
    cli("po", "add-line", po, "SCREW", "20", "--price", "2")
    number = cli("po", "issue", po).strip()
    so = cli("so", "create", "--customer", "ACME", "--warehouse", "MAIN").strip()
    cli("so", "add-line", so, "SCREW", "10", "--price", "5")
    cli("so", "confirm", so, "--override")  # 3 on hand, 7 on backorder

    def receive(qty: str) -> subprocess.CompletedProcess:
        return both(tmp_path, "po", "receive", number, "SCREW", qty)

    first = receive("4")
    receipt, movement = first.stdout.split()  # stdout keeps the receipt number and the movement id a script reads
    assert receipt.startswith("GR-") and len(movement) == 36
    promised = json.loads(cli("backorders", "--json"))[0]["promised"]
    assert "1 backorder can now ship (oldest promise first):" in first.stderr
    assert (f"can ship now: {so} (ACME · Acme Trading) SCREW 4 of 7 on backorder in MAIN, promised {promised}: "
            f"so ship {so}") in first.stderr
    assert f"can ship now: {so} (ACME · Acme Trading) SCREW 3 of 3 on backorder in MAIN" in receive("5").stderr
    assert "can ship now" not in receive("2").stderr  # nothing waits any more


def test_a_plain_receipt_says_which_backorders_it_lets_ship_oldest_promise_first(cli, tmp_path):
    cli("customer", "add", "ZS", "--name", "张三")
    early = cli("so", "create", "--customer", "ZS", "--warehouse", "MAIN", "--requested", "2027-01-05").strip()
    late = cli("so", "create", "--customer", "ACME", "--warehouse", "MAIN", "--requested", "2027-02-01").strip()
    for so in (late, early):  # the later promise confirmed first
        cli("so", "add-line", so, "SCREW", "5", "--price", "5")
        cli("so", "confirm", so, "--override")
    done = both(tmp_path, "receive", "SCREW", "10", "--warehouse", "MAIN", "--unit-cost", "2")
    assert len(done.stdout.split()) == 1  # the movement id, as before
    said = [line.strip() for line in done.stderr.splitlines()]
    assert said[0] == "2 backorders can now ship (oldest promise first):"
    assert said[1].startswith(f"can ship now: {early} (ZS · 张三) SCREW 5 of 5 on backorder in MAIN, "
                              "promised 2027-01-05")
    assert said[2].startswith(f"can ship now: {late} (ACME · Acme Trading) SCREW 5 of 5")


def test_backorders_name_the_customer_and_the_promise_and_filter_by_customer(cli):
    cli("customer", "add", "ZS", "--name", "张三")
    late = cli("so", "create", "--customer", "ACME", "--warehouse", "MAIN", "--requested", "2027-02-01").strip()
    early = cli("so", "create", "--customer", "ZS", "--warehouse", "MAIN", "--requested", "2027-01-05").strip()
    for so in (late, early):
        cli("so", "add-line", so, "SCREW", "5", "--price", "5")
        cli("so", "confirm", so, "--override")
    header, first, second = cli("backorders").splitlines()
    assert header.split()[:3] == ["CUSTOMER", "SO", "PROMISED"]
    assert first.split()[:5] == ["ZS", "·", "张三", early, "2027-01-05"]  # the oldest promise first
    assert second.split()[:6] == ["ACME", "·", "Acme", "Trading", late, "2027-02-01"]
    [mine] = json.loads(cli("backorders", "--customer", "ZS", "--json"))
    assert (mine["customer"], mine["customer_name"], mine["so"], mine["promised"]) == ("ZS", "张三", early,
                                                                                     "2027-01-05")
    assert "NOBODY" in cli("backorders", "--customer", "NOBODY", code=3)


def both(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """A command on the fixture's database that succeeds, with its stdout and its stderr."""
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "sales.sqlite3"), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def test_a_partial_shipment_says_what_stays_on_backorder_and_until_when(cli, tmp_path):
    """so ship printed the shipment's number only: what stayed open, and whether any purchase order would bring it,
    took a second command (backorders) to learn."""
    cli("receive", "SCREW", "3", "--warehouse", "MAIN", "--unit-cost", "2")
    so = cli("so", "create", "--customer", "ACME", "--warehouse", "MAIN").strip()
    cli("so", "add-line", so, "SCREW", "10", "--price", "5")
    cli("so", "confirm", so, "--override")
    first = both(tmp_path, "so", "ship", so)
    assert first.stdout.strip().startswith("SD-")  # the number a script reads
    assert "on backorder: SCREW 7 in MAIN, no purchase order covers it yet" in first.stderr
    po = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN", "--expected", "2027-01-15").strip()
    cli("po", "add-line", po, "SCREW", "10", "--price", "2")
    number = cli("po", "issue", po).strip()
    cli("po", "receive", number, "SCREW", "2")  # 2 leave now; the 8 still on order cover the 5 that stay
    assert "on backorder: SCREW 5 in MAIN, expected by 2027-01-15" in both(tmp_path, "so", "ship", so).stderr
    cli("po", "receive", number)
    assert "on backorder" not in both(tmp_path, "so", "ship", so).stderr  # all shipped
