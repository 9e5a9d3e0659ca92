"""The ``po`` command end to end, each step a separate process as a script would run it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from tests.cli_runs import ROOT
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "po.sqlite3"
    run = cli_in_child(db)

    # master data in-process (the CLI for it is tested elsewhere); every po step below is its own process
    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库", address="深圳市宝安区仓库路 5 号"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司", address="浙江省宁波市"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("WIRE", "铜线", unit="m"))
    database.close()
    return run


def test_create_add_issue_receive_and_list_a_po_from_the_command_line(cli, tmp_path):
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    assert len(draft_id) == 36
    cli("po", "add-line", draft_id, "SCREW", "100", "--price", "0.25")
    cli("po", "add-line", draft_id, "WIRE", "5.1", "--price", "2")
    number = cli("po", "issue", draft_id).strip()
    assert number.startswith("PO-") and number.endswith("-00001")

    stock = {r["sku"]: r for r in json.loads(cli("stock", "--json"))}
    assert (stock["SCREW"]["on_order"], stock["WIRE"]["on_order"]) == ("100", "5.1")

    cli("po", "receive", number, "SCREW", "60")
    [po] = json.loads(cli("po", "list", "--json"))
    assert (po["number"], po["supplier"], po["state"]) == (number, "NB", "partly_received")
    assert [(x["sku"], x["ordered"], x["received"]) for x in po["lines"]] == [("SCREW", "100", "60"),
                                                                             ("WIRE", "5.1", "0")]
    stock = {r["sku"]: r for r in json.loads(cli("stock", "--json"))}
    assert (stock["SCREW"]["on_hand"], stock["SCREW"]["on_order"]) == ("60", "40")

    # the plain list names the state as the window does, in English or Chinese; --json keeps the stored state
    assert f"{number}  NB  Partly received  MAIN" in cli("po", "list")
    assert f"{number}  NB  部分到货  MAIN" in cli("po", "list", "--language", "zh")
    assert "partly_received" not in cli("po", "list", "--language", "zh_CN")
    # and its words around the figures too: they were English beside 部分到货
    assert "SCREW  ordered 100  received 60  open 40" in cli("po", "list")
    chinese = cli("po", "list", "--language", "zh")
    assert "SCREW  订购 100  已到货 60  未到 40" in chinese and "不含税 35.20 CNY" in chinese
    assert "不含税合计：35.20 CNY" in chinese
    assert not {"ordered", "received", "open", "before tax"} & set(re.findall(r"[a-z]+(?: tax)?", chinese))

    err = cli("po", "receive", number, "SCREW", "41", code=3)
    assert "over-receipt tolerance" in err and "at most 40 more" in err

    cli("po", "receive", number)  # the rest of everything open
    [po] = json.loads(cli("po", "list", "--json"))
    assert po["state"] == "received"
    stock = {r["sku"]: r for r in json.loads(cli("stock", "--json"))}
    assert (stock["SCREW"]["on_order"], stock["WIRE"]["on_hand"]) == ("0", "5.1")

    assert "ok" in cli("check")
    assert "ok" in cli("po", "check")

    pdf = tmp_path / "po.pdf"
    cli("po", "pdf", number, "-o", str(pdf))
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.read_bytes())).pages)
    assert number in text and "不锈钢螺丝 M3" in text and "宁波紧固件有限公司" in text
    assert "25.00" in text and "35.20" in text  # 100 × 0.25 + 5.1 × 2 = 35.20 before tax


def test_po_receive_prints_its_receipt_number_which_reverses_the_delivery(cli):
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft_id, "SCREW", "100", "--price", "0.25")
    number = cli("po", "issue", draft_id).strip()
    receipt, *movements = cli("po", "receive", number, "SCREW", "100").split()
    assert re.fullmatch(r"GR-\d{4}-00001", receipt) and len(movements) == 1 and len(movements[0]) == 36
    assert json.loads(cli("po", "list", "--json"))[0]["state"] == "received"
    assert cli("reverse", receipt).strip() == f"{receipt} reversed"
    [po] = json.loads(cli("po", "list", "--json"))
    assert (po["state"], po["lines"][0]["received"]) == ("issued", "0")


def test_the_draft_id_and_the_number_both_name_a_po_and_cancel_needs_a_reason(cli):
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft_id, "SCREW", "10", "--price", "1")
    number = cli("po", "issue", draft_id).strip()
    assert "cancelled" in cli("po", "cancel", draft_id, "--reason", "duplicate order")
    [po] = json.loads(cli("po", "list", "--json"))
    assert po["state"] == "cancelled"
    assert "is cancelled" in cli("po", "receive", number, code=3)
    stock = {r["sku"]: r for r in json.loads(cli("stock", "--json"))}
    assert stock["SCREW"]["on_order"] == "0"


def test_bad_input_exits_2_and_refusals_exit_3(cli):
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    assert "quantity" in cli("po", "add-line", draft_id, "SCREW", "ten", "--price", "1", code=2)
    assert "price" in cli("po", "add-line", draft_id, "SCREW", "10", code=2)  # no terms, no price
    assert "no PO" in cli("po", "issue", "PO-2026-99999", code=3)
    assert "no lines" in cli("po", "issue", draft_id, code=3)
    cli("po", "add-line", draft_id, "SCREW", "10", "--price", "1")
    assert "issue it first" in cli("po", "receive", draft_id, code=3)
    number = cli("po", "issue", draft_id).strip()
    assert "no quantity" in cli("po", "receive", number, "SCREW", code=2)
    assert "supplier code" in cli("po", "create", "--supplier", "NOPE", "--warehouse", "MAIN", code=3)


def test_terms_config_and_revisions_from_the_command_line(cli, tmp_path):
    cli("supplier", "add", "ZJ", "--name", "浙江包装")
    cli("po", "terms", "ZJ", "SCREW", "--price", "32", "--supplier-sku", "ZJ-9", "--moq", "500", "--pack-size", "100",
        "--price-per", "pack", "--break", "1000:30", "--preferred")
    config = cli("po", "config", "--tax-rate", "9", "--over-receipt-tolerance", "10", "--company-logo", "/no/logo.png")
    assert "tax rate: 9%" in config and "logo: /no/logo.png" in config
    draft_id = cli("po", "create", "--supplier", "ZJ", "--warehouse", "MAIN").strip()
    assert "line 1: SCREW 1000 pcs at 30 per pack" in cli("po", "add-line", draft_id, "SCREW", "950")
    number = cli("po", "issue", draft_id).strip()
    cli("po", "change-line", number, "SCREW", "--qty", "2000", "--reason", "bigger order")
    [po] = json.loads(cli("po", "list", "--json", "--supplier", "ZJ"))
    assert (po["revision"], po["lines"][0]["ordered"], po["lines"][0]["pack_size"]) == (1, "2000", "100")
    cli("po", "receive", number, "SCREW", "2200")  # 10% tolerance
    assert "cannot be read" in subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "po.sqlite3"), "po", "pdf", number, "-o",
         str(tmp_path / "x.pdf")], capture_output=True, text=True, cwd=ROOT).stderr
    assert (tmp_path / "x.pdf").stat().st_size > 1000  # printed anyway, without the logo
    stock = {r["sku"]: r for r in json.loads(cli("stock", "--json"))}
    assert (stock["SCREW"]["on_hand"], stock["SCREW"]["avg_cost"], stock["SCREW"]["on_order"]) == ("2200", "0.3", "0")


def _pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(BytesIO(path.read_bytes())).pages)


def test_po_pdf_prints_in_the_language_asked_else_in_the_one_the_window_shows(cli, tmp_path):
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft_id, "SCREW", "100", "--price", "0.25")
    number = cli("po", "issue", draft_id).strip()

    english, chinese, short = tmp_path / "en.pdf", tmp_path / "zh.pdf", tmp_path / "zh-short.pdf"
    cli("po", "pdf", number, "-o", str(english))  # no language chosen anywhere and a C locale: English
    cli("po", "pdf", number, "-o", str(chinese), "--language", "zh_CN")
    cli("po", "pdf", number, "-o", str(short), "--language", "zh")  # as the other commands first spelled it
    text = _pdf_text(english)
    assert "PURCHASE ORDER" in text and "Unit price" in text and "Page 1 of 1" in text and "采购订单" not in text
    for path in (chinese, short):
        text = _pdf_text(path)
        assert "采购订单" in text and "单价" in text and "第 1 页，共 1 页" in text and "PURCHASE ORDER" not in text
        assert number in text and "不锈钢螺丝 M3" in text

    # Chinese chosen in the window's Settings: the command prints in Chinese unless told otherwise.
    config = tmp_path / "config"
    (config / "Stockroom").mkdir(parents=True)
    (config / "Stockroom" / "Stockroom.conf").write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "XDG_CONFIG_HOME": str(config)}
    for extra, expected in (((), "采购订单"), (("--language", "en"), "PURCHASE ORDER")):
        out = tmp_path / "default.pdf"
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "po.sqlite3"), "po",
                               "pdf", number, "-o", str(out), *extra], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
        assert expected in _pdf_text(out)

    assert "invalid choice" in cli("po", "pdf", number, "-o", str(english), "--language", "fr", code=2)


def test_po_terms_changes_only_the_options_given_and_shows_the_terms_without_any(cli):
    cli("supplier", "add", "ZJ", "--name", "浙江包装")
    assert "no terms for SCREW" in cli("po", "terms", "ZJ", "SCREW", code=2)
    assert "give --price" in cli("po", "terms", "ZJ", "SCREW", "--moq", "500", code=2)  # nothing saved silently
    cli("po", "terms", "ZJ", "SCREW", "--price", "32", "--supplier-sku", "ZJ-9", "--moq", "500", "--multiple", "100",
        "--pack-size", "100", "--price-per", "pack", "--lead-time", "12", "--break", "1000:30", "--preferred")
    said = cli("po", "terms", "ZJ", "SCREW", "--price", "33")  # a new price: the MOQ, packs and the rest stay
    assert said.startswith("saved: ZJ sells SCREW at 33 per pack")
    shown = cli("po", "terms", "ZJ", "SCREW", "--moq", "600")
    for kept in ("at 33 per pack", "pack size 100", "MOQ 600", "multiple 100", "lead time 12 days",
                 "supplier SKU ZJ-9", "breaks 1000:30", "preferred"):
        assert kept in shown, kept
    assert cli("po", "terms", "ZJ", "SCREW").strip() == shown.strip().removeprefix("saved: ")
    assert "lead time the supplier's" in cli("po", "terms", "ZJ", "SCREW", "--lead-time", "")


def test_supplier_update_changes_only_the_options_given(cli):
    assert "already used" in cli("supplier", "add", "NB", "--name", "宁波紧固件有限公司", "--lead-time", "12", code=3)
    said = cli("supplier", "update", "NB", "--lead-time", "12")
    assert "lead time 12 days" in said and "currency CNY" in said
    [nb] = [s for s in json.loads(cli("supplier", "list", "--json")) if s["code"] == "NB"]
    assert (nb["name"], nb["address"], str(nb["lead_time_days"]), nb["currency"]) == (
        "宁波紧固件有限公司", "浙江省宁波市", "12", "CNY")
    assert "no supplier has this code" in cli("supplier", "update", "NOPE", "--lead-time", "3", code=3)


def test_po_expect_moves_the_expected_day_of_an_issued_po_as_a_new_revision(cli):
    cli("po", "terms", "NB", "SCREW", "--price", "1")
    draft_id = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft_id, "SCREW", "10")
    number = cli("po", "issue", draft_id).strip()
    assert cli("po", "expect", number, "2027-01-15", "--reason", "supplier confirmed").strip() == (
        f"{number}: expected 2027-01-15 (revision 1)")
    [po] = json.loads(cli("po", "list", "--json", "--supplier", "NB"))
    assert (po["expected_on"], po["revision"]) == ("2027-01-15", 1)
    assert "is issued" in cli("po", "expect", number, "", code=2)
