"""``return pdf``: a posted customer return and a posted supplier return printed as return notes, each step its
own process, the text read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock import documents as docs
from persistence.db import open_database
from tests import clock
from tests.cli_runs import cli_in_child

YEAR = str(clock.TODAY.year)  # the application's clock, here and in the command, is pinned to that day


@pytest.fixture
def cli(tmp_path, pinned_today):
    db = tmp_path / "returns.sqlite3"
    run = cli_in_child(db, pinned=True)

    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "Acme Trading"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    docs.post_document(u(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "100", "2.00"),),
                                              partner="NB"))
    docs.post_document(u(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "100", "3.00"),)))
    database.close()
    return run


def text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_supplier_return_note_at_the_value_the_goods_left_with(cli, tmp_path):
    number = cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "30", "--reason",
                 "质量不合格", "--receipt", f"GR-{YEAR}-00001").strip()
    out = tmp_path / "pr.pdf"
    assert "bytes" in cli("return", "pdf", number.lower(), "-o", str(out), "--language", "zh")
    got = text(out)
    # 30 left at the moving average of 2.50: 75.00; the free receipt's tax at the policy's 13 %: 9.75
    for expected in (number, "宁波紧固件有限公司", "质量不合格", f"GR-{YEAR}-00001", "SCREW", "75.00", "9.75", "84.75",
                     "捌拾肆元柒角伍分"):
        assert expected in got, expected
    english = tmp_path / "pr-en.pdf"
    cli("return", "pdf", number, "-o", str(english))
    assert "Supplier return note".upper() in text(english).upper()


def test_a_customer_return_note_gives_back_the_money_of_its_sale(cli, tmp_path):
    sale = cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "4", "--price", "5").strip()
    ret = cli("return", "customer", "--shipment", sale, "SCREW", "2", "--reason", "包装破损").strip()
    out = tmp_path / "sr.pdf"
    cli("return", "pdf", ret, "-o", str(out), "--language", "zh")
    got = text(out)
    for expected in (ret, "Acme Trading", "包装破损", sale, "SCREW", "10.00"):
        assert expected in got, expected
    assert "大写" in got


def test_what_is_not_a_return_is_refused(cli, tmp_path):
    err = cli("return", "pdf", f"GR-{YEAR}-00001", "-o", str(tmp_path / "x.pdf"), code=3)
    assert "no customer or supplier return" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_supplier_return_against_a_purchase_order_names_the_order(cli, tmp_path):
    po = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", po, "SCREW", "20", "--price", "4")
    cli("po", "issue", po)
    po = f"PO-{YEAR}-00001"  # its number once issued
    cli("po", "receive", po, "SCREW", "20")  # 220 on hand worth 580: an average of 2.636…
    number = cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "11", "--reason",
                 "wrong size", "--po", po).strip()
    out = tmp_path / "pr-po.pdf"
    cli("return", "pdf", number, "-o", str(out))
    got = text(out)
    # 11 × 580 / 220 = 29.00, its tax at the order's 13 % 3.77 (the note printed a tax of 0.00)
    for expected in (number, po, "wrong size", "29.00", "3.77", "32.77"):
        assert expected in got, expected
