"""The hub is hostile: rows written straight into it with SQL are checked, quarantined, never applied.

Each case is what a program holding the hub's password could write. A desk that syncs must not
crash, must apply nothing bad and everything good, must keep ``check`` clean and name every
refused record in ``sync status``; a corrected version on the hub is applied at the next sync.
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import psycopg
import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import Forbidden
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.stock.queries import check
from persistence.types import to_micros
from tests import clock
from ui.cli import main

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget", barcodes=["690000000001"]))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.50"))


class HostileWriter:
    """Writes log entries and movements into the hub as any program with its password could."""

    def __init__(self, hub: str) -> None:
        self.conn = psycopg.connect(hub, autocommit=True)
        # the hub's own foreign keys off, as the owner of its tables can do (or a hub without them)
        self.conn.execute("SET session_replication_role = replica")
        self.device = str(uuid.uuid4())

    def close(self) -> None:
        self.conn.close()

    def _next_seq(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM sync_log").fetchone()[0]

    def record(self, tbl: str, row_id: str, data: dict | str | None, version: int = 1) -> None:
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        self.conn.execute("INSERT INTO sync_log (seq, tbl, row_id, version, device_id, data, at) "
                          "VALUES (%s, %s, %s, %s, %s, %s, 0)", (self._next_seq(), tbl, row_id, version,
                                                                  self.device, text))

    def hub_record(self, tbl: str, row_id: str) -> dict:
        return json.loads(self.conn.execute("SELECT data FROM sync_log WHERE tbl = %s AND row_id = %s "
                                            "ORDER BY seq DESC LIMIT 1", (tbl, row_id)).fetchone()[0])

    def movement(self, template: dict, **changes) -> str:
        row = dict(template, **changes)
        columns = [col.name for col in t.movements.columns]
        names = ", ".join(f'"{n}"' for n in columns)
        self.conn.execute(f"INSERT INTO movements ({names}) VALUES ({', '.join('%s' for _ in columns)})",
                          [row[n] for n in columns])
        self.conn.execute("INSERT INTO sync_log (seq, tbl, row_id, version, device_id, data, at) "
                          "VALUES (%s, 'movements', %s, 0, %s, '', 0)", (self._next_seq(), row["id"], self.device))
        return row["id"]

    def a_movement(self) -> dict:
        cur = self.conn.execute("SELECT * FROM movements LIMIT 1")
        names = [d.name for d in cur.description]
        return dict(zip(names, cur.fetchone(), strict=True))


@pytest.fixture
def office(hub, devices):
    a = devices("a")
    setup_master(a)
    sync.sync(a, hub)
    writer = HostileWriter(hub)
    yield a, writer
    writer.close()


def product_like(writer: HostileWriter, sku: str, **changes) -> tuple[str, dict]:
    """A well-formed product record copied from the hub's SKU-1, under a new id and SKU, then changed."""
    good = writer.hub_record("products", _id_of(writer, "products", "sku", "SKU-1"))
    new = str(uuid.uuid4())
    return new, dict(good, id=new, sku=sku, _children={"barcodes": []}, **changes)


def _id_of(writer: HostileWriter, table: str, column: str, value: str) -> str:
    return writer.conn.execute(f"SELECT id FROM {table} WHERE {column} = %s", (value,)).fetchone()[0]


def quarantined(db) -> dict[str, str]:
    return {q.row_id: q.reason for q in sync.status(db).quarantined}


def test_bad_product_records_are_quarantined_with_reasons_and_good_ones_applied(office, devices):
    a, w = office
    cases = {
        "abc max level": dict(max_level="abc"),
        "text pack size": dict(pack_size="lots"),
        "negative pack": dict(pack_size="-5"),
        "negative min": dict(min_level="-7"),
        "long name": dict(name="x" * 100_000),
        "null name": dict(name=None),
        "bool as number": dict(pack_size=True),
        "huge": dict(max_level="1e40"),
        "nan": dict(min_level="NaN"),
    }
    bad = {}
    for i, (label, changes) in enumerate(cases.items()):
        key, record = product_like(w, f"BAD-{i}", **changes)
        w.record("products", key, record)
        bad[key] = label
    key, record = product_like(w, "has space")
    w.record("products", key, record)
    bad[key] = "sku with a space"
    w.record("products", str(uuid.uuid4()), "{not json")
    w.record("products", "not-a-uuid", dict(record, id="not-a-uuid", sku="NOT-UUID"))
    w.record("bogus_table", str(uuid.uuid4()), {"id": "x"})
    good_key, good = product_like(w, "GOOD-1", name="Gadget")
    w.record("products", good_key, good)

    b = devices("b")
    report = sync.sync(b, _url(w))
    held = quarantined(b)
    assert set(bad) <= set(held), {bad[k]: held.get(k) for k in bad}
    assert "max_level" in held[[k for k, v in bad.items() if v == "abc max level"][0]]
    assert "sku" in held[[k for k, v in bad.items() if v == "sku with a space"][0]]
    assert "not-a-uuid" in held and "id" in held["not-a-uuid"]
    assert report.refused == len(held) == len(bad) + 3
    with b.engine.connect() as conn:
        skus = set(conn.execute(t.products.select().with_only_columns(t.products.c.sku)).scalars())
    assert skus == {"SKU-1", "GOOD-1"}
    assert check(b.engine) == []
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "2.50"))
    again = sync.sync(a, _url(w))  # the desk that made nothing bad still pushes and pulls
    assert again.pushed >= 1


def _url(w: HostileWriter) -> str:
    info = w.conn.info
    return f"postgresql://{info.user}@{info.host}:{info.port}/{info.dbname}"


def test_bad_movements_are_quarantined_and_the_ledger_stays_consistent(office, devices):
    a, w = office
    template = w.a_movement()
    bad = {
        w.movement(template, id=str(uuid.uuid4()), qty=9 * 10**18): "too large",
        w.movement(template, id=str(uuid.uuid4()), qty=9 * 10**18): "too large again",
        w.movement(template, id=str(uuid.uuid4()), product_id=str(uuid.uuid4())): "missing product",
        w.movement(template, id="not-a-uuid"): "bad id",
        w.movement(template, id=str(uuid.uuid4()), kind="bogus-kind"): "bad kind",
        w.movement(template, id=str(uuid.uuid4()), occurred_at=253_402_300_800 * 10**6): "year 10000",
        w.movement(template, id=str(uuid.uuid4()), reverses_id=str(uuid.uuid4()), kind="reversal"): "no original",
        w.movement(template, id=str(uuid.uuid4()), note="a\x01b"): "control character",
    }
    fine = w.movement(template, id=str(uuid.uuid4()), qty=30_000)  # 3 units, well formed
    b = devices("b")
    report = sync.sync(b, _url(w))
    held = quarantined(b)
    assert set(bad) == set(held), {bad[k]: held.get(k) for k in bad}
    assert "qty" in held[[k for k, v in bad.items() if v == "too large"][0]]
    assert "kind" in held[[k for k, v in bad.items() if v == "bad kind"][0]]
    assert report.refused == len(bad)
    with b.engine.connect() as conn:
        ids = set(conn.execute(t.movements.select().with_only_columns(t.movements.c.id)).scalars())
    assert fine in ids and not ids & set(bad)
    assert check(b.engine) == []
    assert sync.sync(b, _url(w)).refused == len(bad)  # still refused, still no crash


def test_a_receipt_or_shipment_of_the_wrong_sign_is_kept_aside_and_stock_stays_as_posted(office, devices):
    """No clerk can post a receipt of -5 or a shipment of +5 (stock appearing or vanishing against its kind, at a
    receipt's cost): from the hub they are kept aside with their reason; an adjustment takes either sign."""
    a, w = office
    receipt = w.a_movement()
    assert receipt["kind"] == "receipt"
    transfer = str(uuid.uuid4())
    bad = {
        w.movement(receipt, id=str(uuid.uuid4()), qty=-50_000): "-",
        w.movement(receipt, id=str(uuid.uuid4()), kind="shipment", unit_cost=None, qty=50_000): "+",
        w.movement(receipt, id=str(uuid.uuid4()), kind="transfer_in", unit_cost=None, transfer_id=transfer,
                   qty=-10_000): "-",
        w.movement(receipt, id=str(uuid.uuid4()), kind="transfer_out", unit_cost=None, transfer_id=transfer,
                   qty=10_000): "+",
    }
    fine = w.movement(receipt, id=str(uuid.uuid4()), kind="adjustment", unit_cost=None, qty=-10_000)
    b = devices("b")
    report = sync.sync(b, _url(w))
    kept = {q.row_id: q for q in sync.status(b).quarantined}
    assert set(kept) == set(bad) and report.refused == len(bad)
    assert {q.code for q in kept.values()} == {"qty_wrong_sign"}
    first = kept[next(iter(bad))]
    assert first.reason == "qty: -5 has the wrong sign for a movement of kind receipt (+ expected)"
    assert first.params == {"qty": "-5", "movement": "receipt", "sign": "+"}
    with b.engine.connect() as conn:
        ids = set(conn.execute(t.movements.select().with_only_columns(t.movements.c.id)).scalars())
        on_hand = conn.execute(t.balances.select().with_only_columns(t.balances.c.on_hand)).scalar_one()
    assert fine in ids and not ids & set(bad)
    assert on_hand == Decimal(9)  # 10 received on a, 1 adjusted away; nothing of the four
    assert check(b.engine) == []


def test_a_corrected_version_on_the_hub_is_applied_and_released_at_the_next_sync(office, devices):
    a, w = office
    key, record = product_like(w, "LATE-1", max_level="abc")
    w.record("products", key, record)
    template = w.a_movement()
    waiting = w.movement(template, id=str(uuid.uuid4()), product_id=key)  # refers to the refused product
    b = devices("b")
    sync.sync(b, _url(w))
    assert set(quarantined(b)) == {key, waiting}
    w.record("products", key, dict(record, max_level="50"), version=2)
    sync.sync(b, _url(w))
    assert quarantined(b) == {}
    with b.engine.connect() as conn:
        level = conn.execute(t.products.select().with_only_columns(t.products.c.max_level)
                             .where(t.products.c.id == key)).scalar_one()
        moved = conn.execute(t.movements.select().with_only_columns(t.movements.c.id)
                             .where(t.movements.c.id == waiting)).scalar()
    assert level == Decimal("50") and moved == waiting
    assert check(b.engine) == []


def test_a_hub_deletion_of_a_product_with_movements_is_refused_not_applied(office, devices):
    a, w = office
    b = devices("b")
    sync.sync(b, _url(w))
    key = _id_of(w, "products", "sku", "SKU-1")
    w.record("products", key, "", version=9)
    sync.sync(b, _url(w))
    assert "refer" in quarantined(b)[key]
    assert check(b.engine) == []


def test_sync_status_json_names_each_quarantined_record(office, tmp_path, capsys):
    a, w = office
    key, record = product_like(w, "BAD-X", pack_size="-5")
    w.record("products", key, record)
    db = tmp_path / "cli.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "sync", "--hub", _url(w), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "refused 1" in out
    assert main(["--db", str(db), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert [(q["table"], q["row_id"]) for q in status["quarantined"]] == [("products", key)]
    assert "pack_size" in status["quarantined"][0]["reason"]


def _signed_in_office(hub: str, devices):
    from domain.access import users

    a, b = devices("a"), devices("b")
    setup_master(a)
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(a.uow("boss", "admin"), users.AddUser("li", "li-pass-123", "clerk"))
    a.act_as("boss", "admin")
    sync.sync(a, hub)
    sync.sync(b, hub)  # a new desk takes the office's users as they come: it has nobody to protect yet
    b.act_as("li", "clerk")
    return a, b


def _role_here(db, username: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(t.users.select().with_only_columns(t.users.c.role)
                            .where(t.users.c.username == username)).scalar()


def test_a_user_made_admin_on_the_hub_by_no_admin_is_held_and_nobody_becomes_admin(hub, devices):
    a, b = _signed_in_office(hub, devices)
    w = HostileWriter(hub)
    try:
        li = w.hub_record("users", _id_of(w, "users", "username", "li"))
        w.record("users", li["id"], dict(li, role="admin", version=li["version"] + 1), version=li["version"] + 1)
        boss = w.hub_record("users", _id_of(w, "users", "username", "boss"))
        mallory = str(uuid.uuid4())
        w.record("users", mallory, dict(boss, id=mallory, username="mallory"))
        w.record("users", boss["id"], dict(boss, active=False, version=boss["version"] + 1),
                 version=boss["version"] + 1)
    finally:
        w.close()
    sync.sync(b, hub)
    held = quarantined(b)
    assert "approve" in held[li["id"]] and "approve" in held[mallory]
    assert "last active admin" in held[boss["id"]]
    assert _role_here(b, "li") == "clerk" and _role_here(b, "mallory") is None
    with pytest.raises(Forbidden):
        sync.approve(b, mallory)  # a clerk may not let anyone in


def test_a_user_an_admin_added_elsewhere_comes_in_once_an_admin_here_approves_it(hub, devices):
    from domain.access import users

    a, b = _signed_in_office(hub, devices)
    added = users.add_user(a.uow(), users.AddUser("wang", "wang-pass-1", "manager"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert _role_here(b, "wang") is None and added.id in quarantined(b)
    b.act_as("boss", "admin")
    sync.approve(b, added.id)
    assert _role_here(b, "wang") == "manager" and quarantined(b) == {}
    sync.sync(b, hub)
    assert quarantined(b) == {} and sync.status(b).pending_push == 0


def test_a_malformed_alias_on_the_hub_is_ignored(office, devices):
    a, w = office
    key = _id_of(w, "products", "sku", "SKU-1")
    w.conn.execute("INSERT INTO sync_aliases (tbl, old_key, new_key, device_id, at) VALUES "
                   "('products', %s, 'garbage', '', 0)", (key,))
    b = devices("b")
    sync.sync(b, _url(w))
    with b.engine.connect() as conn:
        assert conn.execute(t.products.select().with_only_columns(t.products.c.id)).scalars().all() == [key]
    assert check(b.engine) == []


def test_duplicate_keys_written_into_the_hub_neither_crash_nor_duplicate_anything(office, devices):
    a, w = office
    first, one = product_like(w, "DUP-1", name="First")
    second, two = product_like(w, "DUP-1", name="Second")
    w.record("products", first, one)
    w.record("products", second, two)  # the same SKU under another id
    twice, record = product_like(w, "TWICE-1")
    record["_children"] = {"barcodes": [{"barcode": "1234", "product_id": twice}] * 2}
    w.record("products", twice, record)  # one barcode twice in one record
    taken, record = product_like(w, "TAKEN-1")
    record["_children"] = {"barcodes": [{"barcode": "690000000001", "product_id": taken}]}  # SKU-1's barcode
    w.record("products", taken, record)
    b = devices("b")
    sync.sync(b, _url(w))
    assert "twice" in quarantined(b)[twice]
    with b.engine.connect() as conn:
        skus = conn.execute(t.products.select().with_only_columns(t.products.c.sku)).scalars().all()
        codes = conn.execute(t.barcodes.select().with_only_columns(t.barcodes.c.barcode)).scalars().all()
    assert sorted(skus) == ["DUP-1", "SKU-1", "TAKEN-1"] and sorted(codes) == sorted(set(codes))
    assert check(b.engine) == []
    assert sync.sync(b, _url(w)).refused == 1


def test_nulls_and_text_in_a_hub_whose_columns_were_loosened_are_refused(office, devices):
    a, w = office
    w.conn.execute("ALTER TABLE movements ALTER COLUMN qty DROP NOT NULL")
    w.conn.execute("ALTER TABLE movements ALTER COLUMN unit_cost TYPE text")
    template = w.a_movement()
    empty = w.movement(template, id=str(uuid.uuid4()), qty=None)
    wordy = w.movement(template, id=str(uuid.uuid4()), unit_cost="cheap")
    b = devices("b")
    sync.sync(b, _url(w))
    held = quarantined(b)
    assert "qty is missing" in held[empty] and "unit_cost" in held[wordy]
    assert check(b.engine) == []


def test_a_forged_conflict_cannot_make_a_user_admin_or_apply_bad_values(hub, devices):

    a, b = _signed_in_office(hub, devices)
    w = HostileWriter(hub)
    try:
        li = w.hub_record("users", _id_of(w, "users", "username", "li"))
        product = w.hub_record("products", _id_of(w, "products", "sku", "SKU-1"))
        forged = {}
        for name, tbl, row_id, lost in (("role", "users", li["id"], dict(li, role="admin")),
                                        ("pack", "products", product["id"], dict(product, pack_size="-5"))):
            cid = str(uuid.uuid4())
            w.record("sync_conflicts", cid, {
                "id": cid, "tbl": tbl, "row_id": row_id, "business_key": name, "rule": "higher version wins",
                "kept": "", "lost": json.dumps(lost), "lost_device": "", "detected_at": to_micros(clock.now()),
                "resolved_at": None, "resolved_by": "", "note": "", "device_id": "", "version": 1, "_children": {}})
            forged[name] = cid
    finally:
        w.close()
    sync.sync(b, hub)
    from domain.access import users

    users.add_user(b.uow("boss", "admin"), users.AddUser("zhao", "zhao-pass-1", "manager"))
    with pytest.raises(Forbidden):
        sync.resolve_conflict(b, forged["role"], user="zhao", role="manager", apply_loser=True)
    from domain.kernel.errors import RuleViolation

    with pytest.raises(RuleViolation, match="pack_size") as refused:
        sync.resolve_conflict(b, forged["pack"], user="zhao", role="manager", apply_loser=True)
    # the check's reason goes along as data too, for the window to say it in its reader's language
    assert refused.value.code == "conflict_loser_refused"
    assert refused.value.params["reason_code"] == "not_positive"
    assert refused.value.params["reason_values"] == {"name": "pack_size", "value": "-5"}
    assert _role_here(b, "li") == "clerk"


def test_deletions_under_keys_that_name_nothing_are_refused_not_crashing(office, devices):
    a, w = office
    w.record("supplier_profiles", "garbage", "")
    w.record("supplier_price_breaks", '["a", 1]', "")
    w.record("products", "not-an-id", "")
    b = devices("b")
    sync.sync(b, _url(w))
    assert set(quarantined(b)) == {"garbage", '["a", 1]', "not-an-id"}
    assert check(b.engine) == []


def test_any_failure_of_a_sync_leaves_its_reason_in_sync_status(hub, devices, monkeypatch):
    from persistence.sync import engine

    def broken(*args, **kwargs):
        raise ValueError("something no check foresaw")

    monkeypatch.setattr(engine, "run", broken)
    b = devices("b")
    with pytest.raises(ValueError):  # a defect goes on as itself, its traceback kept
        sync.sync(b, hub)
    status = sync.status(b)
    assert status.last_error.startswith("the sync stopped on an unexpected error")
    assert status.last_error.endswith("\nValueError: something no check foresaw")
    assert status.last_error_code == "sync_defect"
    assert status.last_error_params == {"driver_detail": "ValueError: something no check foresaw"}


def test_a_refused_product_is_listed_by_its_sku_and_name_as_pulled_and_by_its_id_only_without_a_readable_sku(
        office, devices, capsys):
    a, w = office
    named, record = product_like(w, "BAD-7", name="Torx T20 screwdriver", pack_size="-5")
    w.record("products", named, record)
    nameless, record = product_like(w, "BAD-8", pack_size="-5")
    w.record("products", nameless, dict(record, name=None))
    unreadable, record = product_like(w, "BAD\u202e9", pack_size="-5")
    w.record("products", unreadable, record)
    b = devices("b")
    sync.sync(b, _url(w))
    shown = {q.row_id: q.shown_key for q in sync.status(b).quarantined}
    assert shown == {named: "BAD-7 · Torx T20 screwdriver", nameless: "BAD-8", unreadable: unreadable}
    assert main(["--db", str(b.path), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "products BAD-7 · Torx T20 screwdriver (hub entry" in out and named not in out
    assert f"products {unreadable} (hub entry" in out


def test_a_refused_document_is_listed_by_its_number_and_partner_as_pulled(office, devices, capsys):
    """It was listed by its id: a clerk could not tell which receipt the hub holds that this desk refused."""
    from domain.stock.documents import LineInput
    from domain.stock.documents import PostDocument
    from domain.stock.documents import post_document

    a, w = office
    catalog.add_supplier(a.uow(), cc.AddSupplier("NB", "Ningbo Fasteners"))
    posted = post_document(a.uow(), PostDocument("receipt", "MAIN", (LineInput("SKU-1", "1", "2.50"),),
                                                 partner="NB"))
    sync.sync(a, _url(w))
    good = w.hub_record("documents", _id_of(w, "documents", "number", posted.number))
    forged = str(uuid.uuid4())
    w.record("documents", forged, dict(good, id=forged, number="GR-2026-00999", seq=999, note="x" * 600,
                                       _children={}))
    b = devices("b")
    sync.sync(b, _url(w))
    shown = {q.row_id: q.shown_key for q in sync.status(b).quarantined}
    assert shown == {forged: "GR-2026-00999 · NB"}
    assert main(["--db", str(b.path), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "documents GR-2026-00999 · NB (hub entry" in out and forged not in out


# Numbers no desk writes (it writes str(Decimal): 12.5, -3, 1E+3), each read by Python's Decimal() as a number: the
# hub's 1_0 was taken for 10, " 1" for 1, １２ and ٣ for 12 and 3.
HOSTILE_PACKS = {"underscore": "1_0", "space": " 1", "full width": "１２", "arabic-indic": "٣", "plus": "+1",
                 "lower-case exponent": "1e3", "infinity": "Infinity", "nan": "NaN", "huge exponent": "1e999",
                 "fifty digits": "9" * 50, "unicode minus": "\u22125", "negative zero": "-0"}


def test_numbers_no_desk_writes_are_kept_aside_and_the_rest_applied(office, devices):
    """A product whose pack size is a number only Python's Decimal() reads is kept aside with the reason naming the
    field; the good product beside it is applied; the ledger check holds."""
    a, w = office
    bad = {}
    for i, (label, pack) in enumerate(HOSTILE_PACKS.items()):
        key, record = product_like(w, f"NUM-{i}", pack_size=pack)
        w.record("products", key, record)
        bad[key] = label
    good_key, good = product_like(w, "GOOD-2", pack_size="1E+1")  # as str(Decimal) writes 10
    w.record("products", good_key, good)
    b = devices("b")
    report = sync.sync(b, _url(w))
    held = quarantined(b)
    assert {bad[k] for k in bad if k not in held} == set(), held
    assert all("pack_size" in held[k] for k in bad), held
    assert report.refused == len(bad)
    with b.engine.connect() as conn:
        packs = dict(conn.execute(t.products.select().with_only_columns(t.products.c.sku,
                                                                        t.products.c.pack_size)).all())
    assert packs == {"SKU-1": Decimal(1), "GOOD-2": Decimal(10)}
    assert check(b.engine) == []


def test_text_that_cannot_be_stored_is_kept_aside_not_stopping_the_sync(office, devices):
    """A lone surrogate (JSON can carry "\\ud800", no database can store it), 10,000 characters in a field of 200, a
    control character, an id of another table in a product's place: each record kept aside with its reason, the
    rest applied."""
    from domain.sales.price_master import SetListPrice
    from domain.sales.price_master import set_list_price

    a, w = office
    warehouse = _id_of(w, "warehouses", "code", "MAIN")
    product = _id_of(w, "products", "sku", "SKU-1")
    set_list_price(a.uow(), SetListPrice("SKU-1", "retail", "9.90"))
    sync.sync(a, _url(w))
    price = w.hub_record("product_prices", json.dumps([product, "retail"]))
    cases = {}
    for i, (label, changes) in enumerate({"lone surrogate in the unit": dict(unit="a\ud800"),
                                          "lone surrogate in the category": dict(category="\udfff"),
                                          "10,000 characters": dict(category="x" * 10_000),
                                          "escape character": dict(unit="\x1b[2J")}.items()):
        key, record = product_like(w, f"TXT-{i}", **changes)
        w.record("products", key, json.dumps(record))  # json.dumps writes a lone surrogate as \ud800
        cases[key] = label
    other = json.dumps([warehouse, "retail"])  # a warehouse's id where a product's belongs
    w.record("product_prices", other, dict(price, product_id=warehouse))
    cases[other] = "a warehouse's id as the product"
    good_key, good = product_like(w, "GOOD-3")
    w.record("products", good_key, good)
    b = devices("b")
    report = sync.sync(b, _url(w))
    held = quarantined(b)
    assert {label for key, label in cases.items() if key not in held} == set(), held
    assert report.refused == len(cases)
    with b.engine.connect() as conn:
        skus = set(conn.execute(t.products.select().with_only_columns(t.products.c.sku)).scalars())
        prices_held = conn.execute(t.product_prices.select()).all()
    assert skus == {"SKU-1", "GOOD-3"} and len(prices_held) == 1
    assert check(b.engine) == []
