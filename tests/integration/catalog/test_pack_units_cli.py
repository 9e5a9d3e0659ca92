"""``product unit add|list|remove`` on the command line: a carton with its barcode, the refusals and their exits."""

from __future__ import annotations

import json

from tests.integration.test_cli import cli


def test_a_carton_is_added_listed_and_removed_and_refusals_exit_2_or_3(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    assert cli(db, "init", capsys=capsys)[0] == 0
    assert cli(db, "product", "add", "XJJ", "--name", "洗洁精", "--unit", "瓶", "--barcode", "6901",
               capsys=capsys)[0] == 0
    code, out, _ = cli(db, "product", "unit", "add", "XJJ", "箱", "12", "--barcode", "16901", capsys=capsys)
    assert (code, out.strip()) == (0, "XJJ: 1 箱 = 12")
    code, out, _ = cli(db, "product", "unit", "list", "XJJ", "--json", capsys=capsys)
    assert json.loads(out) == [{"name": "箱", "per": "12", "unit": "瓶", "barcodes": ["16901"]}]
    code, _, err = cli(db, "product", "unit", "add", "XJJ", "盒", "6.5", capsys=capsys)
    assert code == 2 and "units per pack: 6.5 is not a whole number" in err
    code, _, err = cli(db, "product", "add", "SOAP", "--name", "Soap", "--barcode", "16901", capsys=capsys)
    assert code == 3 and "barcode '16901' is already used by product XJJ (its unit 箱)" in err
    code, out, _ = cli(db, "product", "unit", "remove", "XJJ", "箱", capsys=capsys)
    assert code == 0
    code, _, err = cli(db, "product", "unit", "remove", "XJJ", "箱", capsys=capsys)
    assert code == 3 and "product XJJ has no unit '箱'" in err
    code, out, _ = cli(db, "product", "unit", "list", "XJJ", capsys=capsys)
    assert out.strip() == "XJJ has no packaging units"
