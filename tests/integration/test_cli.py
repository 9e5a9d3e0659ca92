"""The headless CLI as a user runs it: ``python main.py --db FILE COMMAND`` in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli_runs import cli_here

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
NUMBER = r"^-?\d+(\.\d+)?$"


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MAIN), "--db", str(db), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600, encoding="utf-8",
    )


def cli(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    """The same command in this process (fast), for the many error cases; a traceback would fail the test."""
    return cli_here(db, capsys)(*args)


def ok(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def posted_id(out: str) -> str:
    lines = out.split()
    assert len(lines) == 1 and len(lines[0]) == 36 and lines[0].count("-") == 4, out
    return lines[0]


def is_number_text(value) -> bool:
    if not isinstance(value, str):
        return False
    Decimal(value)  # raises if it is not a decimal string
    return "e" not in value.lower()


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A database with master data, made in this process through the same CLI entry point."""
    import contextlib
    import io

    from ui.cli import main

    db = tmp_path_factory.mktemp("cli") / "shop.sqlite3"
    for args in (["init"], ["product", "add", "A-1", "--name", "苹果 Apple", "--barcode", "6901234567892"],
                 ["product", "add", "B-2", "--name", "Pear"],
                 ["warehouse", "add", "W1", "--name", "Main"],
                 ["warehouse", "add", "W2", "--name", "Shop", "--allow-negative"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(db), *args]) == 0
    return db


def test_the_command_list_of_the_issue_works_and_posting_commands_print_the_new_id(tmp_path):
    shop = tmp_path / "shop.sqlite3"
    assert "database ready" in ok(shop, "init")
    posted_id(ok(shop, "product", "add", "A-1", "--name", "苹果 Apple", "--barcode", "6901234567892",
                 "--unit", "box", "--category", "fruit"))
    posted_id(ok(shop, "warehouse", "add", "W1", "--name", "Main"))
    posted_id(ok(shop, "warehouse", "add", "W2", "--name", "Shop", "--allow-negative"))
    posted_id(ok(shop, "supplier", "add", "S1", "--name", "上海供应商", "--currency", "USD", "--lead-time", "10"))
    posted_id(ok(shop, "customer", "add", "C1", "--name", "A customer"))
    [product] = json.loads(ok(shop, "product", "list", "--json"))
    assert (product["sku"], product["name"], product["barcodes"]) == ("A-1", "苹果 Apple", ["6901234567892"])
    receipt = posted_id(ok(shop, "receive", "A-1", "10", "--warehouse", "W1", "--unit-cost", "2.50", "--ref", "PO-1",
                           "--at", "2026-01-05T10:00"))
    shipment = posted_id(ok(shop, "ship", "6901234567892", "4", "--warehouse", "W1", "--ref", "SO-1",
                            "--at", "2026-01-06T10:00"))
    legs = ok(shop, "transfer", "A-1", "3", "--from", "W1", "--to", "W2").split()
    assert len(legs) == 2 and len(set(legs)) == 2
    posted_id(ok(shop, "adjust", "A-1", "-1", "--warehouse", "W1", "--reason", "broken"))
    posted_id(ok(shop, "count", "A-1", "1", "--warehouse", "W1"))
    reversal = posted_id(ok(shop, "reverse", shipment))
    assert reversal not in (receipt, shipment)
    assert "ok" in ok(shop, "check")
    assert "A-1" in ok(shop, "stock") and "PO-1" in ok(shop, "movements")

    stock = json.loads(ok(shop, "stock", "--sku", "A-1", "--json"))
    assert {(r["warehouse"], r["on_hand"], r["value"]) for r in stock} == {("W1", "5", "12.5"), ("W2", "3", "7.5")}
    for row in stock:
        assert {"sku", "warehouse", "on_hand", "avg_cost", "value"} <= set(row)
        assert all(is_number_text(row[k]) for k in ("on_hand", "avg_cost", "value"))

    moves = json.loads(ok(shop, "movements", "--sku", "A-1", "--warehouse", "W1", "--json"))
    assert [m["kind"] for m in moves][:2] == ["receipt", "shipment"]
    for m in moves:
        assert {"id", "kind", "sku", "warehouse", "qty", "value", "occurred_at"} <= set(m)
        assert is_number_text(m["qty"]) and is_number_text(m["value"])
    first = moves[0]
    assert (first["id"], first["qty"], first["value"], first["sku"]) == (receipt, "10", "25", "A-1")
    assert first["occurred_at"].startswith("2026-01-0")
    [undo] = [m for m in moves if m["id"] == reversal]
    assert undo["kind"] == "reversal" and undo["qty"] == "4" and undo["value"] == "10"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["receive", "A-1", "abc", "--warehouse", "W1", "--unit-cost", "1"], "quantity"),
        (["receive", "A-1", "1.00001", "--warehouse", "W1", "--unit-cost", "1"], "quantity"),
        (["receive", "A-1", "5", "--warehouse", "W1", "--unit-cost", "-1"], "unit cost"),
        (["receive", "A-1", "1", "--warehouse", "W1", "--unit-cost", "100000000000"], "unit cost"),
        (["ship", "A-1", "0", "--warehouse", "W1"], "quantity"),
        (["adjust", "A-1", "2", "--warehouse", "W1", "--reason", " "], "reason"),
        (["receive", "A-1", "1", "--warehouse", "W1", "--unit-cost", "1", "--at", "yesterday"], "--at"),
        (["receive", "A-1", "1", "--warehouse", "W1"], "--unit-cost"),
        (["product", "add", "X Y", "--name", "spaces"], "SKU"),
        (["supplier", "add", "S9", "--name", "x", "--currency", "dollars"], "currency"),
        (["supplier", "add", "S9", "--name", "x", "--lead-time", "-3"], "lead time"),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_the_field(shop, args, field, capsys):
    code, out, err = cli(shop, *args, capsys=capsys)
    assert code == 2, err
    assert field in err
    assert out == ""


def test_bad_input_in_a_real_process_exits_2_without_a_traceback(shop):
    result = run(shop, "receive", "A-1", "abc", "--warehouse", "W1", "--unit-cost", "1")
    assert result.returncode == 2
    assert result.stderr.startswith("error: quantity:") and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["ship", "B-2", "5", "--warehouse", "W1"], ["B-2", "W1", "0 on hand", "5 asked"]),
        (["receive", "NOPE", "1", "--warehouse", "W1", "--unit-cost", "1"], ["NOPE"]),
        (["ship", "A-1", "1", "--warehouse", "W9"], ["W9"]),
        (["transfer", "A-1", "1", "--from", "W1", "--to", "W1"], ["to warehouse"]),
        (["reverse", "00000000-0000-7000-8000-000000000000"], ["no such movement"]),
        (["product", "add", "A-1", "--name", "again"], ["A-1", "already"]),
        (["receive", "B-2", "999999999999", "--warehouse", "W1", "--unit-cost", "9999999999"], ["B-2", "too large"]),
    ],
)
def test_a_business_rule_refusal_exits_3_and_names_what_was_refused(shop, args, words, capsys):
    code, out, err = cli(shop, *args, capsys=capsys)
    assert code == 3, err
    for word in words:
        assert word in err
    assert out == ""


def test_a_refusal_in_a_real_process_exits_3_without_a_traceback(shop):
    result = run(shop, "ship", "B-2", "5", "--warehouse", "W1")
    assert result.returncode == 3
    assert result.stderr.startswith("refused: B-2") and "Traceback" not in result.stderr


def test_stock_and_movements_print_money_to_the_money_places_and_json_keeps_the_exact_average_cost(tmp_path, capsys):
    db = tmp_path / "m.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    cli(db, "product", "add", "A", "--name", "A", capsys=capsys)
    cli(db, "warehouse", "add", "W", "--name", "W", capsys=capsys)
    cli(db, "receive", "A", "3", "--warehouse", "W", "--unit-cost", "1", capsys=capsys)
    cli(db, "receive", "A", "4", "--warehouse", "W", "--unit-cost", "2", capsys=capsys)
    cli(db, "receive", "A", "1000", "--warehouse", "W", "--unit-cost", "1.5", capsys=capsys)
    code, out, _ = cli(db, "stock", capsys=capsys)
    assert code == 0
    [row] = [line.split() for line in out.splitlines()[1:]]
    assert row == ["A", "A", "W", "1007", "1.50", "1,511.00"]  # 1511/1007 = 1.50049652…, not all its places
    [exact] = json.loads(cli(db, "stock", "--json", capsys=capsys)[1])
    assert (exact["avg_cost"], exact["value"]) == ("1.50049652", "1511")
    code, out, _ = cli(db, "movements", capsys=capsys)
    assert [line.split()[6] for line in out.splitlines()[1:]] == ["3.00", "8.00", "1,500.00"]  # WHEN is two words


def test_reversing_twice_or_reversing_a_reversal_exits_3(tmp_path, capsys):
    db = tmp_path / "r.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    cli(db, "product", "add", "A", "--name", "A", capsys=capsys)
    cli(db, "warehouse", "add", "W", "--name", "W", capsys=capsys)
    receipt = posted_id(cli(db, "receive", "A", "2", "--warehouse", "W", "--unit-cost", "1", capsys=capsys)[1])
    code, out, err = cli(db, "reverse", receipt, capsys=capsys)
    assert code == 0
    reversal = posted_id(out)
    code, _, err = cli(db, "reverse", receipt, capsys=capsys)
    assert code == 3 and "already been reversed" in err
    code, _, err = cli(db, "reverse", reversal, capsys=capsys)
    assert code == 3 and "itself a reversal" in err


def test_only_init_creates_a_database_and_its_folders(tmp_path):
    db = tmp_path / "deep" / "new.sqlite3"
    refused = run(db, "stock", "--json")
    assert refused.returncode == 2 and "init" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "deep").exists()
    assert "database ready" in ok(db, "init")
    assert json.loads(ok(db, "stock", "--json")) == []
    assert db.exists() and db.stat().st_size > 0
    assert not (tmp_path / "deep" / "backups").exists()
    assert "ok" in ok(db, "check")


@pytest.mark.parametrize("kind", ["a folder", "not a database", "from a newer version"])
def test_a_db_path_that_is_not_a_database_exits_2_without_a_traceback(tmp_path, kind):
    import sqlite3

    db = tmp_path
    if kind == "not a database":
        db = tmp_path / "notes.txt"
        db.write_text("shopping list\n" * 100)
    elif kind == "from a newer version":
        db = tmp_path / "newer.sqlite3"
        conn = sqlite3.connect(db)
        with conn:
            conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            conn.execute("INSERT INTO alembic_version VALUES ('9999')")
        conn.close()
    result = run(db, "stock")
    assert result.returncode == 2
    assert "--db" in result.stderr and "Traceback" not in result.stderr
    if kind == "from a newer version":
        assert "newer" in result.stderr and not (tmp_path / "backups").exists()


def test_check_exits_non_zero_and_lists_the_difference_when_a_balance_was_tampered_with(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "t.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    cli(db, "product", "add", "A", "--name", "A", capsys=capsys)
    cli(db, "warehouse", "add", "W", "--name", "W", capsys=capsys)
    assert cli(db, "receive", "A", "2", "--warehouse", "W", "--unit-cost", "1", capsys=capsys)[0] == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE balances SET on_hand = on_hand + 10000")
    conn.close()
    result = run(db, "check")
    assert result.returncode != 0
    assert "A in W: the stock balance says 3 on hand, but its movements add up to 2" in result.stdout


HEAVY_CHECK = """
import json, sys
sys.path.insert(0, {root!r})
import main
codes = [main.main(argv) for argv in {commands!r}]
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & {{"PySide6", "pandas", "statsmodels", "numpy"}})
print(json.dumps({{"codes": codes, "heavy": heavy}}))
"""


def test_headless_commands_import_neither_qt_nor_pandas_nor_statsmodels(tmp_path):
    db = str(tmp_path / "h.sqlite3")
    commands = [
        ["--db", db, "init"],
        ["--db", db, "product", "add", "A", "--name", "A"],
        ["--db", db, "warehouse", "add", "W", "--name", "W"],
        ["--db", db, "receive", "A", "3", "--warehouse", "W", "--unit-cost", "1.5"],
        ["--db", db, "ship", "A", "1", "--warehouse", "W"],
        ["--db", db, "ship", "A", "10", "--warehouse", "W"],
        ["--db", db, "stock", "--json"],
        ["--db", db, "movements", "--json"],
        ["--db", db, "check"],
    ]
    script = HEAVY_CHECK.format(root=str(ROOT), commands=commands)
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 0, 0, 3, 0, 0, 0]
    assert report["heavy"] == []


def test_tables_line_up_chinese_names_by_the_columns_they_take_on_a_terminal(tmp_path, capsys):
    db = tmp_path / "cn.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "A-1", "--name", "螺丝刀", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "LONGER-SKU", "--name", "Wrench", capsys=capsys)[0] == 0
    code, out, _ = cli(db, "product", "list", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    # every column starts at the same terminal column: 螺丝刀 takes 6, as wide as "Wrench"
    assert lines[1].index("螺丝刀") == lines[2].index("Wrench")
    assert lines[1].index("pcs") + 3 == lines[2].index("pcs")  # three wide characters, three extra columns


def test_a_customer_is_updated_by_code_and_a_second_import_of_the_same_file_changes_nothing(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "cust.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    assert cli(db, "customer", "add", "C1", "--name", "张三", "--contact", "021-1", capsys=capsys)[0] == 0
    code, out, _ = cli(db, "customer", "update", "C1", "--name", "张三商行", "--contact", "021-2", capsys=capsys)
    assert (code, out) == (0, "C1 updated (version 2)\n")
    code, _, err = cli(db, "customer", "update", "C9", "--name", "x", capsys=capsys)
    assert code == 3 and "no customer has this code" in err
    sheet = tmp_path / "customers.csv"
    sheet.write_text("客户编码,客户名称\nC1,李四\n", encoding="utf-8")
    assert cli(db, "import", "customers", str(sheet), capsys=capsys)[:2] == (
        0, "imported: customers: 1 row read, 0 added, 1 updated, 0 unchanged or already imported\n")
    assert cli(db, "import", "customers", str(sheet), capsys=capsys)[0] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT name, contact, version FROM customers").fetchall() == [("李四", "021-2", 3)]


def test_every_command_and_subcommand_says_what_it_does_in_its_help():
    """``stockroom supplier --help`` listed ``add`` with no word beside it (and ``warehouse --help`` too)."""
    import argparse

    from ui.cli.app import build_parser

    silent = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help for a in action._choices_actions}
                for name, sub in action.choices.items():
                    if not helps.get(name):
                        silent.append(" ".join((*path, name)))
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    assert silent == []


def test_warehouses_suppliers_and_customers_are_listed_by_code_as_a_table_or_json(tmp_path, capsys):
    db = tmp_path / "partners.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    for args in (("warehouse", "add", "W2", "--name", "广州仓", "--allow-negative", "--address", "白云区 1号"),
                 ("warehouse", "add", "W1", "--name", "Main"),
                 ("supplier", "add", "S1", "--name", "上海供应商", "--currency", "USD", "--lead-time", "10"),
                 ("customer", "add", "C2", "--name", "荣昌便利店", "--contact", "赵 135"),
                 ("customer", "add", "C1", "--name", "A customer")):
        assert cli(db, *args, capsys=capsys)[0] == 0
    code, out, _ = cli(db, "warehouse", "list", "--json", capsys=capsys)
    assert code == 0
    assert json.loads(out) == [
        {"code": "W1", "name": "Main", "address": "", "allow_negative": False},
        {"code": "W2", "name": "广州仓", "address": "白云区 1号", "allow_negative": True},
    ]
    [supplier] = json.loads(cli(db, "supplier", "list", "--json", capsys=capsys)[1])
    assert (supplier["code"], supplier["currency"], supplier["lead_time_days"]) == ("S1", "USD", 10)
    code, out, _ = cli(db, "customer", "list", capsys=capsys)
    assert code == 0
    header, first, second = out.splitlines()
    assert header.split() == ["CODE", "NAME", "CONTACT"]
    assert first.startswith("C1") and second.startswith("C2") and "荣昌便利店" in second
    assert first.index("A customer") == second.index("荣昌便利店")  # wide characters line up
    code, out, _ = cli(db, "warehouse", "list", capsys=capsys)
    assert [line.split()[-1] for line in out.splitlines()[1:]] == ["no", "yes"]


def test_product_add_takes_whole_units_from_the_unit_or_the_flag_and_a_fraction_is_refused(tmp_path, capsys):
    db = tmp_path / "units.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    assert cli(db, "warehouse", "add", "W1", "--name", "Main", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "NUT", "--name", "Nut", "--unit", "个", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "RICE", "--name", "Rice", "--unit", "kg", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "NAIL", "--name", "Nails", "--no-whole-units", capsys=capsys)[0] == 0
    code, out, _ = cli(db, "product", "list", "--json", capsys=capsys)
    assert {r["sku"]: r["whole_units"] for r in json.loads(out)} == {"NUT": True, "RICE": False, "NAIL": False}
    code, _, err = cli(db, "receive", "NUT", "2.5", "--warehouse", "W1", "--unit-cost", "1", capsys=capsys)
    assert code == 2 and "quantity: 2.5 is not a whole number: NUT is counted in whole 个; enter 2 or 3" in err
    assert cli(db, "receive", "NAIL", "2.5", "--warehouse", "W1", "--unit-cost", "1", capsys=capsys)[0] == 0
