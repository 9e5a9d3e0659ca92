"""Records pulled from the hub, fuzzed column by column: every number, date and text column of the synced tables a desk
fills in the ordinary course (a product, a supplier's terms and price breaks, a receipt, an adjustment, a count),
given what a hostile writer could put there (NaN, Infinity, 1e999, -0, " 1", １２, ٣, a Unicode minus, 50 digits,
negatives where the domain takes none, dates out of range or not as a desk writes them, 10,000 characters, control
characters, lone surrogates). A record is applied only if every value is one a desk could have written, exactly
what it shows; what the sync applies is checked here as it checks it (``check_record``) and read as it reads it
(``decode_row``). No hub is needed: test_hostile_hub.py pulls such records through one."""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import Date
from sqlalchemy import String
from sqlalchemy import Text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import clock
from domain.kernel import limits
from domain.purchasing import commands as pc
from domain.purchasing import terms
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from persistence.db import open_database
from persistence.sync import records
from persistence.sync.checks import check_record
from persistence.types import Scaled

_held: dict[str, list[tuple[str, dict]]] = {}


def held() -> dict[str, list[tuple[str, dict]]]:
    """Good records of each kind, as this desk would push them (read once from a database made for them)."""
    if not _held:
        folder = Path(tempfile.mkdtemp(prefix="stockroom-hub-records-"))
        try:
            db = open_database(folder / "db.sqlite3")
            catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "上海仓"))
            catalog.add_product(db.uow(), cc.AddProduct("P-1", "螺丝刀", min_level="2", max_level="20"))
            catalog.add_supplier(db.uow(), cc.AddSupplier("S1", "供应商"))
            terms.save_terms(db.uow(), pc.SaveTerms("S1", "P-1", "3.50", moq="10", breaks=(("100", "3.20"),)))
            post_document(db.uow(), PostDocument("receipt", "W1", (LineInput("P-1", "12", "3.50"),), partner="S1"))
            post_document(db.uow(), PostDocument("adjustment", "W1", (LineInput("P-1", "-2", reason="损坏"),)))
            post_document(db.uow(), PostDocument("count", "W1", (LineInput("P-1", counted="9"),)))
            with db.engine.connect() as conn:
                for spec in records.SPECS:
                    found = list(records.read_records(conn, spec).items())
                    if found:
                        _held[spec.name] = found
            db.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _held


def places(spec: records.Spec) -> list[tuple[str | None, object]]:
    """(child table or None, column) of every number, date and text column of ``spec`` that is not its key."""
    kinds = (Scaled, Date, String, Text)
    own = [(None, c) for c in spec.table.columns if isinstance(c.type, kinds) and c.name not in spec.key
           and not c.name.endswith("_id") and c.name not in ("id", "device_id")]
    children = [(child.name, c) for child, fk in spec.children for c in child.columns
                if isinstance(c.type, kinds) and c.name not in fk and not c.name.endswith("_id")]
    return own + children


# Where the domain takes no negative number (``v.money``, ``v.quantity(allow_zero=True)``) and no 0 either
# (``v.quantity``); every other number column a record holds is signed (a balance, an adjustment, an expected count).
NOT_NEGATIVE = {("products", "min_level"), ("products", "max_level"), ("supplier_terms", "unit_price"),
                ("supplier_terms", "moq"), ("supplier_terms", "order_multiple"), ("supplier_price_breaks", "price"),
                ("document_lines", "unit_cost"), ("document_lines", "counted"), ("documents", "tax_rate")}
POSITIVE = {("products", "pack_size"), ("document_lines", "qty")}

NUMBERS = ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "1e999", "1E+999", "-0", " 1", "1 ", "１２", "٣", "\u22125",
           "9" * 50, "0." + "0" * 49 + "1", "1_0", "+1", "1e3", "0x10", "", "-1", "-0.0001", "12.5", "1E+1", "0"]
DATES = ["2026-W09-7", "20260301", "2026-02-30", "0001-01-01", "1969-12-31", "9999-12-31", "２０２６-０３-０１",
         "2026-03-01T00:00", " 2026-03-01", "2026-3-1"]
TEXTS = ["x" * 10_000, "a\x1bb", "a\x00b", "\ud800", "a\udfffb", "\u202eabc", "a\tb", "a\nb", "好"]
hostile = st.one_of(st.sampled_from(NUMBERS + DATES + TEXTS),
                    st.text(alphabet="0123456789.-+eE_ ,１２٣\u2212", max_size=8),
                    st.integers(-10**20, 10**20), st.booleans(), st.none(), st.floats(allow_nan=True))
WRITTEN = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?(E[+-]?[0-9]{1,4})?")


@settings(max_examples=600, derandomize=True, deadline=None)
@given(pick=st.data(), value=hostile)
@example(pick=None, value="1_0")
@example(pick=None, value="-1")
@example(pick=None, value="\ud800")
@example(pick=None, value="2026-W09-7")
def test_a_record_is_applied_only_with_values_a_desk_could_have_written(pick, value):
    kinds = held()
    if pick is None:  # the examples: every place of every record
        cases = [(name, i, place) for name, found in kinds.items() for i in range(len(found))
                 for place in places(records.BY_NAME[name])]
    else:
        name = pick.draw(st.sampled_from(sorted(kinds)))
        i = pick.draw(st.integers(0, len(kinds[name]) - 1))
        options = places(records.BY_NAME[name])
        if not options:
            return
        cases = [(name, i, pick.draw(st.sampled_from(options)))]
    for name, i, (child, column) in cases:
        _check_one(records.BY_NAME[name], *kinds[name][i], child, column, value)


def _check_one(spec: records.Spec, key: str, good: dict, child: str | None, column, value) -> None:
    assert check_record(spec, key, good) == ""
    if child is None:
        data = {**good, column.name: value}
    else:
        rows = good.get("_children", {}).get(child, [])
        if not rows:
            return
        data = {**good, "_children": {**good["_children"], child: [{**rows[0], column.name: value}, *rows[1:]]}}
    why = check_record(spec, key, data)
    where = f"{spec.name}{'.' + child if child else ''}.{column.name} = {value!r}"
    if why:
        return
    if value is None:
        assert column.nullable, where
        return
    table = next(c for c, _ in spec.children if c.name == child) if child else spec.table
    decoded = records.decode_row(table, data if child is None else data["_children"][child][0])[column.name]
    if isinstance(column.type, Scaled):
        assert type(value) is int or (isinstance(value, str) and WRITTEN.fullmatch(value)), where
        number = Decimal(value)
        assert decoded == number and number.is_finite(), where
        owner = child or spec.name
        assert not ((owner, column.name) in NOT_NEGATIVE and number < 0), f"{where}: negative applied"
        signed = (owner, column.name) == ("document_lines", "qty") and good.get("kind") in ("adjustment", "count")
        assert not ((owner, column.name) in POSITIVE and number <= 0 and not signed), f"{where}: not above 0 applied"
    elif isinstance(column.type, Date):
        assert isinstance(value, str) and decoded.isoformat() == value, where
        assert limits.FIRST_DAY <= decoded <= date(clock.today().year + 101, 12, 31), where
    else:
        assert isinstance(value, str) and not re.search(r"[\ud800-\udfff\x00]", value), where
        assert column.type.length is None or len(value) <= column.type.length, where
        value.encode()  # what the sync hashes and stores
