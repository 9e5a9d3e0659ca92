"""Bad input on the command line and on a real SQLite file: dates out of range, control and invisible
characters, codes that only look different, a SKU that is a barcode; the sync's checks of the same."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from tests import clock
from tests.cli_runs import cli_here
from ui.cli import main

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


def cli(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    return cli_here(db, capsys)(*args)


@pytest.fixture
def shop(tmp_path) -> Path:
    db = tmp_path / "shop.sqlite3"
    for args in (["init"],
                 ["product", "add", "SD-6", "--name", "十字螺丝刀 6寸", "--barcode", "6901234567892"],
                 ["warehouse", "add", "SH", "--name", "上海总仓"],
                 ["receive", "SD-6", "100", "--warehouse", "SH", "--unit-cost", "4.20"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(db), *args]) == 0
    return db


@pytest.mark.parametrize("at", ["9999-12-31T23:59:59", "0001-01-01", "1969-12-31"])
def test_a_date_outside_the_window_is_refused_with_exit_2_naming_the_option_and_the_window(shop, capsys, at):
    code, out, err = cli(shop, "ship", "SD-6", "1", "--warehouse", "SH", "--at", at, capsys=capsys)
    assert code == 2 and "--at" in err and "1970-01-01" in err and "Traceback" not in err
    code, out, _ = cli(shop, "movements", "--json", capsys=capsys)
    assert code == 0 and len(json.loads(out)) == 1  # the receipt only


def test_movements_and_their_export_work_on_the_last_accepted_date_and_a_day_later_is_refused(shop, capsys, tmp_path,
                                                                                              monkeypatch):
    from datetime import timedelta

    from domain.kernel import limits

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    last = limits.last_day(clock.now().date())  # a year after today
    code, _, err = cli(shop, "ship", "SD-6", "1", "--warehouse", "SH", "--at", f"{last.isoformat()}T10:00",
                       capsys=capsys)
    assert code == 0, err
    later = (last + timedelta(days=1)).isoformat()
    code, _, err = cli(shop, "ship", "SD-6", "1", "--warehouse", "SH", "--at", f"{later}T10:00", capsys=capsys)
    assert code == 2 and f"{later} is outside the accepted dates; enter a date from 1970-01-01 to {last}" in err
    assert cli(shop, "movements", capsys=capsys)[0] == 0
    assert cli(shop, "export", "movements", str(tmp_path / "m.xlsx"), capsys=capsys)[0] == 0


@pytest.mark.parametrize("name", ["red\x1b[31m", "bell\x07", "gpj\u202eexe", "zero\u200bwidth"])
def test_a_name_with_control_or_invisible_characters_is_refused_and_stock_still_exports(shop, capsys, tmp_path,
                                                                                          name):
    code, _, err = cli(shop, "product", "add", "X-1", "--name", name, capsys=capsys)
    assert code == 2 and err.startswith("error: name: contains")
    code, out, _ = cli(shop, "product", "list", capsys=capsys)
    assert "\x1b" not in out and "\x07" not in out
    assert cli(shop, "export", "stock", str(tmp_path / "s.xlsx"), capsys=capsys)[0] == 0


def test_an_invisible_character_is_removed_from_a_reference_code_but_refused_in_a_reference(shop, capsys):
    code, _, err = cli(shop, "ship", "SD-6\u200b", "1", "--warehouse", "SH", "--ref", "SO\x1b1", capsys=capsys)
    assert code == 2 and "reference: contains a control character" in err


@pytest.mark.parametrize("twin", ["sd-6", "ＳＤ-6", "SD\u20106", "SD-6\u200b"])
def test_a_sku_that_only_looks_different_is_refused_and_scans_to_the_same_product(shop, capsys, twin):
    code, _, err = cli(shop, "product", "add", twin, "--name", "Copy", capsys=capsys)
    assert code == 3 and "already used" in err
    code, out, err = cli(shop, "ship", twin, "1", "--warehouse", "SH", capsys=capsys)
    assert code == 0, err
    code, out, _ = cli(shop, "stock", "--json", capsys=capsys)
    assert [(r["sku"], r["on_hand"]) for r in json.loads(out)] == [("SD-6", "99")]


def test_a_sku_is_stored_as_typed_after_normalising(shop, capsys):
    assert cli(shop, "product", "add", "ｂｏｌｔ－８", "--name", "Bolt", capsys=capsys)[0] == 0
    code, out, _ = cli(shop, "product", "list", "--json", capsys=capsys)
    assert "bolt-8" in [r["sku"] for r in json.loads(out)]


def test_a_sku_that_is_another_products_barcode_is_refused_both_ways(shop, capsys):
    code, _, err = cli(shop, "product", "add", "6901234567892", "--name", "Impostor", capsys=capsys)
    assert code == 3 and "barcode of product SD-6" in err
    code, _, err = cli(shop, "product", "add", "X-2", "--name", "Other", "--barcode", "sd-6", capsys=capsys)
    assert code == 3 and "SD-6" in err
    code, out, _ = cli(shop, "product", "list", "--json", capsys=capsys)
    assert [r["sku"] for r in json.loads(out)] == ["SD-6"]


def test_a_product_import_matches_skus_in_any_case_and_refuses_a_sku_that_is_a_barcode(shop, capsys, tmp_path):
    path = tmp_path / "p.csv"
    for rows, expected in ((["sku,name", "6901234567892,Impostor"], "barcode of product SD-6"),
                           (["sku,name", "N-1,New", "n-1,Again"], "also on row"),
                           (["sku,name,barcode", "N-1,New,", "N-2,Other,n-1"], "SKU on row")):
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        code, out, err = cli(shop, "import", "products", str(path), capsys=capsys)
        assert code != 0 and expected in out + err and "Traceback" not in err
    path.write_text("sku,name\nsd-6,Renamed\n", encoding="utf-8")  # the same product: an update
    assert cli(shop, "import", "products", str(path), capsys=capsys)[0] == 0
    code, out, _ = cli(shop, "product", "list", "--json", capsys=capsys)
    assert [(r["sku"], r["name"]) for r in json.loads(out)] == [("SD-6", "Renamed")]


def test_the_sync_refuses_a_pulled_product_whose_codes_clash_with_the_codes_here(shop):
    from persistence.db import open_database
    from persistence.sync import checks
    from persistence.sync import gate
    from persistence.sync import records as r

    db = open_database(shop)
    try:
        spec = r.BY_NAME["products"]
        with db.engine.connect() as conn:
            (key, record), = r.read_records(conn, spec).items()
            codes = gate._Codes(conn)
        other = "00000000-0000-4000-8000-000000000001"

        def variant(sku, barcodes=()):
            return dict(record, id=other, sku=sku, _children={"barcodes": [
                {"barcode": b, "product_id": other} for b in barcodes]})

        assert gate.code_clash(codes, key, record) == ""
        assert "another case" in gate.code_clash(codes, other, variant("sd-6"))
        assert "barcode of another product" in gate.code_clash(codes, other, variant("6901234567892"))
        assert "SKU of another product" in gate.code_clash(codes, other, variant("X-9", ["SD-6"]))
        assert gate.code_clash(codes, other, variant("SD-6")) == ""  # the very same SKU: merged as before
        assert "normal form" in checks.check_record(spec, other, variant("ＳＤ-7"))
        assert "control" in checks.check_record(spec, other, dict(variant("SD-7"), name="a\x1bb"))
    finally:
        db.close()


def test_a_missing_database_is_not_created_by_a_command_other_than_init(tmp_path, capsys):
    db = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    code, _, err = cli(db, "stock", capsys=capsys)
    assert code == 2 and "no database" in err and "init" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", [["stock"], ["init"], ["product", "add", "A", "--name", "A"]])
def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte_as_it_was(tmp_path, capsys, command):
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = cli(other, *command, capsys=capsys)
    assert code == 2 and "another program" in err and "left as it was" in err
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backups folder, no journal left behind


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n")
    code, _, err = cli(notes, "init", capsys=capsys)
    assert code == 2 and "not an SQLite file" in err
    assert notes.read_text() == "shopping list\n"


def test_the_window_opens_only_existing_stockroom_databases_but_its_create_path_still_creates(tmp_path):
    from persistence.db import NotStockroomDatabase
    from persistence.db import open_database

    with pytest.raises(NotStockroomDatabase, match="no database"):
        open_database(tmp_path / "new.sqlite3", create=False)
    open_database(tmp_path / "new.sqlite3").close()  # what the welcome dialog's "create" calls
    open_database(tmp_path / "new.sqlite3", create=False).close()


def test_control_characters_already_stored_are_not_printed_raw_to_the_terminal(shop, capsys):
    import sqlite3

    conn = sqlite3.connect(shop)
    conn.execute("UPDATE products SET name = 'red\x1b[31m\u202eX\x07'")
    conn.commit()
    conn.close()
    code, out, _ = cli(shop, "product", "list", capsys=capsys)
    assert code == 0 and "red\ufffd[31m\ufffdX\ufffd" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e")
    code, out, _ = cli(shop, "stock", "--json", capsys=capsys)
    assert "\x1b" not in out and json.loads(out)[0]["name"] == "red\x1b[31m\u202eX\x07"


def test_a_date_at_the_calendars_end_stored_before_dates_had_a_range_still_lists_and_exports(shop, capsys,
                                                                                              tmp_path, monkeypatch):
    import sqlite3
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        conn = sqlite3.connect(shop)
        conn.execute("UPDATE movements SET occurred_at = 253402300799000000")  # 9999-12-31T23:59:59 UTC
        conn.commit()
        conn.close()
        code, out, err = cli(shop, "movements", capsys=capsys)
        assert code == 0 and "9999-12-31" in out, err
        assert cli(shop, "export", "movements", str(tmp_path / "m.xlsx"), capsys=capsys)[0] == 0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_in_a_bulk_load_codes_in_another_case_are_found_after_the_maps_take_over(tmp_path):
    from domain.catalog import commands as c
    from domain.catalog import master as catalog
    from domain.kernel.errors import Duplicate
    from persistence.catalog import repositories
    from persistence.db import open_database

    db = open_database(tmp_path / "bulk.sqlite3")
    try:
        catalog.add_many(db.uow(), [c.AddProduct(f"P-{i}", f"Item {i}", barcodes=(f"BC-{i}",)) for i in range(30)])
        many = [c.AddProduct(f"N-{i}", "New") for i in range(repositories.SCANS_BEFORE_MAPS + 5)]
        for twin in (c.AddProduct("p-29", "Twin"), c.AddProduct("bc-3", "Barcode twin"),
                     c.AddProduct("X-1", "Other", barcodes=("n-2",))):
            with pytest.raises(Duplicate):
                catalog.add_many(db.uow(), [*many, twin])
        with db.uow() as uow:
            for i in range(repositories.SCANS_BEFORE_MAPS + 2):
                assert uow.products.by_sku(f"p-{i}").sku == f"P-{i}"
            assert uow.products._folded_maps is not None
            assert uow.products.by_barcode("bc-7").sku == "P-7"
            assert uow.products.by_sku("no-such") is None
    finally:
        db.close()
