"""``return supplier`` and ``reverse`` of its document, each step its own process."""

from __future__ import annotations

import json

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock import documents as docs
from persistence.db import open_database
from tests import clock
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path, pinned_today):
    db = tmp_path / "returns.sqlite3"
    run = cli_in_child(db, pinned=True)  # the clock here and in the command: a run may cross New Year

    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    docs.post_document(u(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "100", "2.00"),),
                                              partner="NB"))
    docs.post_document(u(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "100", "3.00"),)))
    database.close()
    return run


def on_hand(cli) -> tuple[str, str]:
    [row] = json.loads(cli("stock", "--json", "--sku", "SCREW"))
    return row["on_hand"], row["value"]


def test_return_to_the_supplier_against_a_receipt_and_reverse_it(cli):
    number = cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "30", "--reason", "破损",
                 "--receipt", "GR-" + _year() + "-00001").strip()
    assert number == f"PR-{_year()}-00001"
    assert on_hand(cli) == ("170", "425")  # 200 worth 500 less 30 × 2.50
    err = cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "71", "--reason", "破损",
              "--receipt", f"GR-{_year()}-00001", code=3)
    assert "70 left" in err
    assert "ok" in cli("check")
    assert "reversed" in cli("reverse", number)
    assert on_hand(cli) == ("200", "500")
    assert "already been reversed" in cli("reverse", number, code=3)


def test_bad_input_exits_2(cli):
    assert "quantity" in cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "-1",
                             "--reason", "x", code=2)
    assert "reason" in cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "1",
                           "--reason", " ", code=2)
    assert "not allowed with" in cli("return", "supplier", "--supplier", "NB", "--warehouse", "MAIN", "SCREW", "1",
                                     "--reason", "x", "--receipt", "GR-1", "--po", "PO-1", code=2)


def _year() -> str:
    return str(clock.TODAY.year)
