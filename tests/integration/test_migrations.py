"""Schema migrations: the HEAD constant, the backup before an upgrade, none when up to date."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from persistence.db import MIGRATIONS
from persistence.db import SchemaTooNew
from persistence.db import open_database
from persistence.migrations import HEAD
from persistence.stock import queries

ROOT = Path(__file__).resolve().parents[2]


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def revision_of(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def downgrade(db, revision: str) -> None:
    """Take the open database ``db`` down to ``revision`` with alembic, as a desk of that version left it."""
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def downgrade_to_base(path: Path) -> None:
    db = open_database(path)
    try:
        downgrade(db, "base")
    finally:
        db.close()


def issued_po(u, *lines: tuple[str, str, str]) -> str:
    """An issued PO of supplier S for warehouse W, one line per (SKU, quantity, price), each SKU a new product."""
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    catalog.add_warehouse(u(), cc.AddWarehouse("W", "W"))
    catalog.add_supplier(u(), cc.AddSupplier("S", "S"))
    draft = purchasing.create_draft(u(), pc.CreatePurchaseOrder("S", "W"))
    for sku, qty, price in lines:
        catalog.add_product(u(), cc.AddProduct(sku, sku))
        purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, sku, qty, price))
    return purchasing.issue(u(), pc.IssuePurchaseOrder(draft.id)).number


def test_head_is_the_head_revision_of_the_alembic_scripts():
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [HEAD]


def test_a_new_database_is_created_at_head_without_a_backup(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    assert revision_of(path) == HEAD
    assert not (tmp_path / "backups").exists()


def test_opening_an_old_database_backs_it_up_before_upgrading(tmp_path):
    path = tmp_path / "old.sqlite3"
    downgrade_to_base(path)
    assert "products" not in tables(path)
    assert revision_of(path) is None

    db = open_database(path)
    try:
        backups = list((tmp_path / "backups").iterdir())
        assert len(backups) == 1
        assert HEAD in backups[0].name
        # The copy holds the database as it was before the upgrade.
        assert "products" not in tables(backups[0]) and "alembic_version" in tables(backups[0])
        assert revision_of(path) == HEAD
        catalog.add_product(db.uow(), cc.AddProduct("A", "A"))
        catalog.add_warehouse(db.uow(), cc.AddWarehouse("W", "W"))
        ledger.receive(db.uow(), c.ReceiveStock("A", "1", "W", "2"))
        assert queries.check(db.engine) == []
    finally:
        db.close()


def test_a_database_without_any_migration_table_is_another_programs_and_is_left_untouched(tmp_path):
    from persistence.db import NotStockroomDatabase

    path = tmp_path / "bare.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotStockroomDatabase, match="another program"):
        open_database(path).close()
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["bare.sqlite3"]


def test_opening_an_up_to_date_database_makes_no_backup(tmp_path):
    path = tmp_path / "current.sqlite3"
    open_database(path).close()
    for _ in range(2):
        db = open_database(path)
        db.close()
    assert not (tmp_path / "backups").exists()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    path = tmp_path / "current.sqlite3"
    open_database(path).close()
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from persistence.db import open_database\n"
        f"open_database({str(path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(SchemaTooNew, match="9999 is newer"):
        open_database(path)
    assert revision_of(path) == "9999"
    assert "products" in tables(path)
    assert not (tmp_path / "backups").exists()


def test_the_migrations_build_exactly_the_schema_of_the_tables_module(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from persistence.tables import metadata

    db = open_database(tmp_path / "s.sqlite3")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    finally:
        db.close()
    assert diff == []


def test_upgrading_from_0009_keeps_pos_and_receipts_backs_up_and_adds_the_rate_columns_empty(tmp_path):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        number = issued_po(u, ("A", "3", "2.5"))
        purchasing.receive(u(), pc.ReceivePurchaseOrder(number))
        downgrade(db, "0009")
    finally:
        db.close()
    assert revision_of(path) == "0009" and "exchange_rates" not in tables(path)

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0009 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0009"  # upgraded to the head, 0010 on the way
        assert revision_of(path) == HEAD and "exchange_rates" in tables(path)
        [m] = queries.movements(db.engine)
        assert (m.unit_cost, m.fx_currency, m.fx_unit_price, m.fx_rate) == (2.5, None, None, None)
        assert purchasing.load_snapshot(db.uow(), number).rate is None
        assert queries.check(db.engine) == []
    finally:
        db.close()


def test_upgrading_from_0010_keeps_every_movement_with_its_rowid_and_value_and_lets_a_movement_hold_two_reversals(
        tmp_path):
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        catalog.add_warehouse(u(), cc.AddWarehouse("W", "W"))
        catalog.add_product(u(), cc.AddProduct("A", "A"))
        received = ledger.receive(u(), c.ReceiveStock("A", "5", "W", "2"))
        ledger.receive(u(), c.ReceiveStock("A", "1", "W", "3"))
        ledger.reverse(u(), c.ReverseMovement(received.id))
        downgrade(db, "0010")
    finally:
        db.close()

    def snapshot() -> tuple[list, list]:
        conn = sqlite3.connect(path)
        try:
            return (conn.execute("SELECT rowid, * FROM movements ORDER BY rowid").fetchall(),
                    conn.execute("SELECT rowid, * FROM movement_values ORDER BY rowid").fetchall())
        finally:
            conn.close()

    before = snapshot()
    assert revision_of(path) == "0010" and len(before[0]) == 3 and len(before[1]) == 3
    db = open_database(path)
    db.close()
    assert revision_of(path) == HEAD and snapshot() == before
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        second = list(before[0][2][1:])  # a second reversal of the same receipt, as a sync may now keep
        second[0] = "0190a000-0000-7000-8000-000000000001"
        conn.execute(f"INSERT INTO movements VALUES ({', '.join('?' for _ in second)})", second)
        conn.commit()
        assert conn.execute("SELECT count(*) FROM movements WHERE reverses_id = ?",
                            (received.id,)).fetchone() == (2,)
    finally:
        conn.close()


def test_upgrading_from_0014_counts_in_whole_units_only_the_products_without_a_fractional_quantity(tmp_path):
    """0015: a product becomes whole-unit only when nothing held about it is fractional and its unit is not a
    measure; the database is backed up first and every product keeps what it had."""
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing
    from domain.sales import commands as sc
    from domain.sales import orders as sales

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        catalog.add_warehouse(u(), cc.AddWarehouse("W", "W"))
        catalog.add_supplier(u(), cc.AddSupplier("S", "S"))
        catalog.add_customer(u(), cc.AddCustomer("C", "C"))
        for sku, unit in (("MOVED", "pcs"), ("WHOLE", "pcs"), ("LOOSE", "kg"), ("ORDERED", "个"), ("SOLD", "件"),
                          ("PACKED", "箱"), ("TERMS", "pcs"), ("QUIET", "台")):
            catalog.add_product(u(), cc.AddProduct(sku, sku, unit=unit, whole_units=False,
                                                   pack_size="0.5" if sku == "PACKED" else "1"))
        ledger.receive(u(), c.ReceiveStock("MOVED", "2.5", "W", "1"))
        ledger.receive(u(), c.ReceiveStock("WHOLE", "3", "W", "1"))
        ledger.ship(u(), c.ShipStock("WHOLE", "1", "W"))
        ledger.receive(u(), c.ReceiveStock("LOOSE", "4", "W", "1"))
        ledger.receive(u(), c.ReceiveStock("SOLD", "5", "W", "1"))
        draft = purchasing.create_draft(u(), pc.CreatePurchaseOrder("S", "W"))
        purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "ORDERED", "1.5", "2"))
        purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "WHOLE", "2", "2"))
        order = sales.create_order(u(), sc.CreateSalesOrder("C", "W"))
        sales.add_line(u(), sc.AddSalesOrderLine(order.id, "SOLD", "0.3", "10"))
        catalog.set_supplier_terms(u(), cc.SetSupplierTerms("S", "TERMS", "1", moq="2.5"))
        downgrade(db, "0014")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        assert "whole_units" not in {r[1] for r in conn.execute("PRAGMA table_info(products)")}
        before = conn.execute("SELECT * FROM products ORDER BY sku").fetchall()
    finally:
        conn.close()
    assert revision_of(path) == "0014"

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0014 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0014"
        assert revision_of(path) == HEAD
        whole = {sku: catalog.get_product(db.uow(), sku).whole_units
                 for sku in ("MOVED", "WHOLE", "LOOSE", "ORDERED", "SOLD", "PACKED", "TERMS", "QUIET")}
        assert whole == {"MOVED": False, "WHOLE": True, "LOOSE": False, "ORDERED": False, "SOLD": False,
                         "PACKED": False, "TERMS": False, "QUIET": True}
        assert queries.check(db.engine) == []
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:  # nothing else about a product changed (its version neither: the setting is the schema's, not an edit)
        after = conn.execute("SELECT * FROM products ORDER BY sku").fetchall()
        columns = [r[1] for r in conn.execute("PRAGMA table_info(products)")]
        kept = [i for i, name in enumerate(columns) if name != "whole_units"]
        assert [tuple(row[i] for i in kept) for row in after] == before
    finally:
        conn.close()


def test_upgrading_from_0015_moves_the_office_wide_settings_into_their_synced_table_after_a_backup(tmp_path):
    """0016: the settings the office shares become records of ``office_settings`` (version 1, made by this desk)
    that the next sync sends, but for stored defaults; what is the desk's own (device id, logo path, backups kept)
    stays in ``settings``."""
    from domain.purchasing import commands as pc
    from domain.purchasing import terms
    from persistence.sync import local
    from persistence.sync import records as r

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        device = db.device_id
        downgrade(db, "0015")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:  # as a desk of 0015 kept them (po config, the planning and price-level screens, the backup setting)
        conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [
            ("currency", "USD"), ("po_tax_rate", "9"), ("po_over_receipt_tolerance", "0.00"),
            ("planning_fill_rate", "on"), ("dashboard.dead_days", "90"),
            ("company_name", "Acme 五金"), ("company_address", ""), ("company_logo", "/home/a/logo.png"),
            ("planning_abc_basis", "volume"), ("price_level_name_level3", "批发"), ("backup_keep", "5"),
            ("sync.cursor", "42")])
        conn.commit()
        assert "office_settings" not in tables(path)
    finally:
        conn.close()
    assert revision_of(path) == "0015"

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0015 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0015"
        assert revision_of(path) == HEAD
        policy = terms.current_policy(db.uow())
        assert (policy.currency, policy.tax_rate, policy.company_name, policy.company_logo) == (
            "USD", 9, "Acme 五金", "/home/a/logo.png")
        with db.engine.connect() as conn:
            office = {row.key: (row.value, row.version, row.device_id)
                      for row in conn.execute(sqlalchemy.select(t.office_settings))}
            own = dict(conn.execute(sqlalchemy.select(t.settings.c.key, t.settings.c.value)).all())
            pending = {p.key for p in local.pending_records(conn) if p.spec is r.BY_NAME["office_settings"]}
        # a default stored by a form saved as shown (tolerance 0, fill rate on, no address) is no choice: left out
        assert office == {"currency": ("USD", 1, device), "po_tax_rate": ("9", 1, device),
                          "company_name": ("Acme 五金", 1, device), "planning_abc_basis": ("volume", 1, device),
                          "dashboard.dead_days": ("90", 1, device), "price_level_name_level3": ("批发", 1, device)}
        assert own == {"device_id": device, "company_logo": "/home/a/logo.png", "backup_keep": "5",
                       "sync.cursor": "42"}
        assert pending == {r.row_key(r.BY_NAME["office_settings"], {"key": k}) for k in office}  # sent next sync
        terms.set_policy(db.uow(), pc.SetPurchasingPolicy(tax_rate="10"))
        with db.engine.connect() as conn:
            assert conn.execute(sqlalchemy.select(t.office_settings.c.version).where(
                t.office_settings.c.key == "po_tax_rate")).scalar() == 2
    finally:
        db.close()
    db = open_database(path)
    try:  # and back: 0016's downgrade returns them to settings, as they are now
        downgrade(db, "0015")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        kept = dict(conn.execute("SELECT key, value FROM settings"))
        assert "office_settings" not in tables(path)
    finally:
        conn.close()
    assert kept["po_tax_rate"] == "10" and kept["currency"] == "USD" and kept["company_logo"] == "/home/a/logo.png"


def test_upgrading_from_0016_links_each_delivery_to_its_movements_where_they_are_unambiguous(tmp_path, capsys):
    """0017: each line of a delivery's receipt names the movement it posted. A file of 0016 gets the links its own
    look-up (PO, moment, product, quantity) finds unambiguously, after a backup; twin deliveries stay unlinked, and
    ``check`` notes them, unless one of them was reversed with its movement; a free receipt naming the PO is left
    alone."""
    from datetime import datetime

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as po_uc
    from domain.stock import documents as docs
    from persistence.stock.documents import document_list
    from persistence.stock.documents import unlinked_deliveries
    from ui.cli.check import run_check

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        number = issued_po(u, ("SCREW", "100", "2"), ("NUT", "50", "0.10"))

        def deliver(hour: int, *lines):
            return po_uc.receive_delivery(u(), pc.ReceivePurchaseOrder(
                number, lines, datetime(2026, 3, 9, hour).astimezone())).document

        single = deliver(9, ("SCREW", "10"), ("NUT", "5"))
        twins = [deliver(10, ("SCREW", "20")), deliver(10, ("SCREW", "20"))]
        told_apart = [deliver(11, ("SCREW", "7")), deliver(11, ("SCREW", "7"))]
        docs.reverse_document(u(), docs.ReverseDocument(told_apart[1].number))
        free = docs.post_document(u(), docs.PostDocument(
            "receipt", "W", (docs.LineInput("SCREW", "5", "1"),), partner="S", reference=number)).number
        with db.engine.connect() as conn:
            linked = {(d, n): m for d, n, m in conn.execute(sqlalchemy.select(
                t.document_lines.c.document_id, t.document_lines.c.line_no, t.document_lines.c.movement_id))}
        downgrade(db, "0016")
    finally:
        db.close()
    assert revision_of(path) == "0016"
    conn = sqlite3.connect(path)
    try:
        assert "movement_id" not in [r[1] for r in conn.execute("PRAGMA table_info(document_lines)")]
    finally:
        conn.close()

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0016 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0016"
        with db.engine.connect() as conn:
            now = {(d, n): m for d, n, m in conn.execute(sqlalchemy.select(
                t.document_lines.c.document_id, t.document_lines.c.line_no, t.document_lines.c.movement_id))}
        ambiguous = {(d.id, 1) for d in twins}
        assert {k: v for k, v in now.items() if k not in ambiguous} == {
            k: v for k, v in linked.items() if k not in ambiguous}  # the single delivery, the reversed twin's pair
        free_id = next(d.id for d in document_list(db.engine) if d.number == free)
        assert linked[(free_id, 1)] is None and now[(free_id, 1)] is None
        assert all(linked[k] for k in linked if k[0] != free_id)  # written so at 0017 by every delivery
        assert [now[k] for k in sorted(ambiguous)] == [None, None]
        assert unlinked_deliveries(db.engine) == [(twins[0].number, number), (twins[1].number, number)]
        assert run_check(db, repair=False, language="en") == 0
        out = capsys.readouterr().out
        assert f"note: {twins[0].number} (received against {number}) does not name its stock movements" in out
        assert single.number not in out and free not in out
        docs.reverse_document(db.uow(), docs.ReverseDocument(twins[1].number))  # matched as before: one of the two
        assert queries.check(db.engine) == []
    finally:
        db.close()


def test_upgrading_from_0017_gives_each_free_receipt_the_purchasing_tax_rate_in_force_after_a_backup(tmp_path):
    """0018: a free receipt keeps its tax rate. A file of 0017 gets the company's rate of the upgrade (9 % here) on
    its free receipts, a renumbered one too (its movements carry the number it was written with), and nothing on a
    delivery's receipt nor on other documents; the note still prints 9 % once the company's rate changes."""
    from datetime import datetime

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as po_uc
    from domain.purchasing import terms
    from domain.purchasing.receipt_print import receipt_print
    from domain.stock import documents as docs

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        number = issued_po(u, ("SCREW", "100", "2"))
        delivery = po_uc.receive_delivery(u(), pc.ReceivePurchaseOrder(
            number, (("SCREW", "10"),), datetime(2026, 3, 9, 9).astimezone())).document.number
        free = docs.post_document(u(), docs.PostDocument(
            "receipt", "W", (docs.LineInput("SCREW", "5", "1"),), partner="S", reference=number)).number
        moved = docs.post_document(u(), docs.PostDocument(
            "receipt", "W", (docs.LineInput("SCREW", "3", "1"),), partner="S")).number
        issue = docs.post_document(u(), docs.PostDocument(
            "adjustment", "W", (docs.LineInput("SCREW", "-1", reason="damaged"),))).number
        terms.set_policy(u(), pc.SetPurchasingPolicy(tax_rate="9"))
        downgrade(db, "0017")
        with db.engine.begin() as conn:  # as a sync renumbers a document: its movements keep the old number
            device = conn.execute(sqlalchemy.text("SELECT value FROM settings WHERE key = 'device_id'")).scalar()
            conn.execute(sqlalchemy.text("UPDATE documents SET number = 'GR-2026-00090' WHERE number = :n"),
                         {"n": moved})
            conn.execute(sqlalchemy.text("INSERT INTO movement_refs (device_id, old_ref, new_ref, at) "
                                         "VALUES (:d, :old, 'GR-2026-00090', 0)"), {"d": device, "old": moved})
    finally:
        db.close()
    assert revision_of(path) == "0017"

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0017 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0017"
        with db.engine.connect() as conn:
            rates = dict(conn.execute(sqlalchemy.select(t.documents.c.number, t.documents.c.tax_rate)).all())
        assert rates == {delivery: None, free: D(9), "GR-2026-00090": D(9), issue: None}  # the adjustment: none
        terms.set_policy(db.uow(), pc.SetPurchasingPolicy(tax_rate="13"))
        note = receipt_print(db.uow(), free)
        assert ([x.tax_pct for x in note.lines], note.totals.tax) == ([D(9)], D("0.45"))
    finally:
        db.close()


def test_upgrading_from_0018_adds_packaging_units_after_a_backup_and_keeps_the_products(tmp_path):
    """0019: a file of 0018 gets the tables of packaging units, empty, after the backup every upgrade takes; its
    products stay as they were, and a carton of one of them can be added and scanned."""
    from domain.catalog import packaging
    from persistence.stock.documents import scan_codes

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        catalog.add_product(db.uow(), cc.AddProduct("XJJ", "洗洁精", unit="瓶", barcodes=("6901",)))
        downgrade(db, "0018")
    finally:
        db.close()
    assert revision_of(path) == "0018" and "product_units" not in tables(path)

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0018"
        assert {"product_units", "product_unit_barcodes"} <= tables(path)
        assert catalog.get_product(db.uow(), "XJJ").barcodes == ["6901"]
        packaging.add_pack_unit(db.uow(), cc.AddPackUnit("XJJ", cc.PackUnitInput("箱", "12", ("16901",))))
        target = scan_codes(db.engine)["16901"]
        assert (target.sku, target.per, target.pack) == ("XJJ", D(12), "箱")
    finally:
        db.close()


def test_upgrading_from_0018_keeps_money_as_it_was_and_lets_a_payment_keep_its_currency_after_a_backup(tmp_path):
    """0020: a payment typed in a supplier's currency keeps the currency, the amount in it and the rate. A file of
    0018 is backed up, its money keeps NULL there (it was typed in the company currency) and reads as before; a
    payment in dollars then keeps its dollars."""
    from datetime import date

    from domain.accounts import commands as ac
    from domain.accounts import money
    from domain.purchasing import commands as pc
    from domain.purchasing import rates

    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        u = db.uow
        catalog.add_supplier(u(), cc.AddSupplier("US1", "Acme Inc.", currency="USD"))
        rates.set_rate(u(), pc.SetExchangeRate("USD", "7.00", date(2026, 3, 1)))
        before = money.record_money(u(), ac.RecordMoney("payment", "US1", "700.00", day=date(2026, 3, 2))).number
        downgrade(db, "0018")
    finally:
        db.close()
    assert revision_of(path) == "0018"
    assert "fx_amount" not in {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(account_items)")}

    db = open_database(path)
    try:
        [saved] = list((tmp_path / "backups").iterdir())  # the 0018 file, copied before the upgrade
        assert f"before-{HEAD}" in saved.name and revision_of(saved) == "0018"
        I = t.account_items.c  # noqa: E741
        with db.engine.connect() as conn:
            kept = conn.execute(sqlalchemy.select(I.amount, I.fx_currency, I.fx_amount, I.fx_rate)
                                .where(I.number == before)).one()
        assert tuple(kept) == (D("-700.00"), None, None, None)
        after = money.record_money(db.uow(), ac.RecordMoney("payment", "US1", "50", day=date(2026, 3, 3),
                                                            currency="USD"))
        with db.engine.connect() as conn:
            typed = conn.execute(sqlalchemy.select(I.amount, I.fx_currency, I.fx_amount, I.fx_rate)
                                 .where(I.id == after.id)).one()
        assert tuple(typed) == (D("-350.00"), "USD", D(-50), D(7))
    finally:
        db.close()
