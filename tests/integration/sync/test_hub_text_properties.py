"""Free text pulled from the hub is checked as a clerk's typing is: a record whose unit, category, contact or address
holds what no desk would have let a clerk type (a direction override, a zero-width space, a line break in a field of
one line) is kept aside, not applied. The records are checked as the sync checks them (``check_record``); no hub is
needed for that."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from persistence.db import open_database
from persistence.sync import records
from persistence.sync.checks import check_record

FIELDS = [("products", "name"), ("products", "unit"), ("products", "category"), ("warehouses", "name"),
          ("warehouses", "address"), ("suppliers", "contact"), ("suppliers", "address"), ("customers", "contact")]
_records: dict[str, tuple[str, dict]] = {}


def record(spec_name: str) -> tuple[records.Spec, str, dict]:
    """A good record of each kind, as this desk would push it (read once from a database made for it)."""
    if not _records:
        folder = Path(tempfile.mkdtemp(prefix="stockroom-hub-text-"))
        try:
            db = open_database(folder / "db.sqlite3")
            catalog.add_product(db.uow(), cc.AddProduct("P-1", "螺丝刀", unit="把", category="工具"))
            catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "上海仓", address="上海市"))
            catalog.add_supplier(db.uow(), cc.AddSupplier("S1", "供应商", contact="张三", address="北京"))
            catalog.add_customer(db.uow(), cc.AddCustomer("C1", "客户", contact="李四"))
            with db.engine.connect() as conn:
                for spec in records.SPECS:
                    if spec.name in {name for name, _ in FIELDS}:
                        _records[spec.name] = next(iter(records.read_records(conn, spec).items()))
            db.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    spec = next(s for s in records.SPECS if s.name == spec_name)
    key, data = _records[spec_name]
    assert check_record(spec, key, data) == ""
    return spec, key, data


hostile = st.text(alphabet=st.sampled_from(list("ab 张\n\r\t\u202e\u2066\u200b\ufeff\u00ad\x1b\x7f\x85")), min_size=1,
                  max_size=6)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(where=st.sampled_from(FIELDS), text=hostile)
@example(where=("suppliers", "contact"), text="a\u202eb")  # applied from the hub, refused if typed
@example(where=("products", "unit"), text="a\u200bb")
@example(where=("products", "category"), text="a\nb")
def test_text_the_hub_holds_is_applied_only_if_a_clerk_could_have_typed_it(where, text):
    spec_name, field = where
    spec, key, good = record(spec_name)
    reason = check_record(spec, key, {**good, field: text})
    try:
        v.text(field, text, required=False, max_len=len(text))
    except BadInput:
        assert reason, f"{spec_name}.{field} = {text!r} from the hub would be applied; typed, it is refused"
