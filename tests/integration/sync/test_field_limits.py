"""One length per field: the domain's limit, the SQLite tables, the hub's tables and the checks agree,
and a desk's own record that the hub could not hold is held back instead of blocking every push."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import String
from sqlalchemy import text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import limits
from domain.kernel.errors import BadInput
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.stock.queries import check

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))


def hub_lengths(hub: str) -> dict[str, int | None]:
    with psycopg.connect(hub) as conn:
        return {f"{table}.{column}": length for table, column, length in conn.execute(
            "SELECT table_name, column_name, character_maximum_length FROM information_schema.columns "
            "WHERE table_schema = 'public'")}


def test_every_text_column_has_the_same_length_in_the_domain_sqlite_and_the_hub(hub, devices):
    a = devices("a")
    sync.sync(a, hub)  # makes the hub's tables from the migrations
    on_hub = hub_lengths(hub)
    for name, limit in limits.FIELDS.items():
        table, column = name.split(".")
        assert t.metadata.tables[table].c[column].type.length == limit, name
        assert on_hub[name] == limit, name
    for table in t.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String) and column.type.length:
                assert on_hub[f"{table.name}.{column.name}"] == column.type.length, f"{table.name}.{column.name}"
    with a.engine.connect() as conn:  # the SQLite file made by the same migrations says the same
        ddl = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'movements'").scalar_one()
    assert f"source_ref VARCHAR({limits.REFERENCE})" in ddl


def test_a_reference_longer_than_the_hub_holds_is_refused_where_the_clerk_types_it(devices):
    a = devices("a")
    setup_master(a)
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1", ref="R" * limits.REFERENCE))
    with pytest.raises(BadInput, match="reference"):
        ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1", ref="R" * (limits.REFERENCE + 1)))


def test_an_old_long_reference_is_held_back_and_every_later_receipt_still_reaches_the_hub(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    old = ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "2", "MAIN", "1"))
    with a.engine.begin() as conn:  # made before the limit agreed everywhere
        conn.execute(text("UPDATE movements SET source_ref = :ref WHERE id = :id"), {"ref": "X" * 150, "id": old.id})
    later = ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "3", "MAIN", "1"))
    report = sync.sync(a, hub)
    assert report.unpushed == 1
    held = [q for q in sync.status(a).quarantined if q.outgoing]
    assert [(q.table, q.row_id) for q in held] == [("outgoing:movements", old.id)]
    assert "source_ref" in held[0].reason
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "4", "MAIN", "1"))
    assert sync.sync(a, hub).pushed == 1
    sync.sync(b, hub)
    with b.engine.connect() as conn:
        ids = set(conn.execute(t.movements.select().with_only_columns(t.movements.c.id)).scalars())
    assert later.id in ids and old.id not in ids and len(ids) == 2
    assert check(b.engine) == []


def test_a_record_the_hub_could_not_hold_waits_with_its_movements_until_it_is_corrected(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    catalog.add_product(a.uow(), cc.AddProduct("SKU-2", "Gadget"))
    moved = ledger.receive(a.uow(), c.ReceiveStock("SKU-2", "5", "MAIN", "1"))
    with a.engine.begin() as conn:  # a name longer than any field holds (an old file, a script)
        conn.execute(text("UPDATE products SET name = :n WHERE sku = 'SKU-2'"), {"n": "N" * 300})
    report = sync.sync(a, hub)
    assert report.unpushed == 2
    reasons = {q.row_id: q.reason for q in sync.status(a).quarantined if q.outgoing}
    assert reasons[moved.id].endswith("which is held back") and any("name" in r for r in reasons.values())
    with a.engine.begin() as conn:
        conn.execute(text("UPDATE products SET name = 'Gadget' WHERE sku = 'SKU-2'"))
    report = sync.sync(a, hub)
    assert report.unpushed == 0 and report.pushed == 2
    assert [q for q in sync.status(a).quarantined if q.outgoing] == []
    sync.sync(b, hub)
    assert check(b.engine) == []
    with b.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM movements")).scalar_one() == 1
