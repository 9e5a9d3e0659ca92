"""The import use cases on in-memory fakes: column guesses, the validation report, upserts, idempotent posting."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import ImportRejected
from domain.imports import Table
from domain.imports import guess_mapping
from domain.imports import preview
from domain.imports import run_import
from domain.imports.cells import parse_date
from domain.kernel.errors import BadInput
from domain.stock.model import MovementKind
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

TODAY = date(2026, 3, 1)


def table(text: str) -> Table:
    """A table from CSV text: the first line is the header."""
    rows = [tuple(r) for r in csv.reader(io.StringIO(text.strip()))]
    return Table(rows[0], rows[1:], "test.csv")


def run(uow, kind: str, text: str, mapping: dict | None = None):
    t = table(text)
    return run_import(uow, kind, t, mapping if mapping is not None else guess_mapping(kind, t.headers), today=TODAY)


def problems_of(uow, kind: str, text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as caught:
        run(uow, kind, text)
    return [(p.row, p.column, p.problem) for p in caught.value.problems]


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_warehouse(uow, c.AddWarehouse("SH", "上海总仓"))
    catalog.add_warehouse(uow, c.AddWarehouse("GZ", "广州仓"))
    return uow


def test_the_guess_reads_chinese_and_english_headers_of_every_kind():
    assert guess_mapping("products", ["货号", "品名", "单位", "条码", "类别", "备注"]) == {
        "sku": "货号", "name": "品名", "unit": "单位", "barcode": "条码", "category": "类别"}
    assert guess_mapping("products", ["商品编码", "商品名称", "计量单位", "条形码"]) == {
        "sku": "商品编码", "name": "商品名称", "unit": "计量单位", "barcode": "条形码"}
    assert guess_mapping("products", ["Item Code", "Description", "UoM", "Pack size", "Min level"]) == {
        "sku": "Item Code", "name": "Description", "unit": "UoM", "pack_size": "Pack size", "min_level": "Min level"}
    assert guess_mapping("stock", ["SKU", "仓库", "数量（件）", "单价", "日期"]) == {
        "sku": "SKU", "warehouse": "仓库", "qty": "数量（件）", "unit_cost": "单价", "date": "日期"}
    assert guess_mapping("stock", ["sku", "warehouse", "qty", "unit cost"])["unit_cost"] == "unit cost"
    assert guess_mapping("sales-history", ["货号", "仓库", "销量", "销售日期", "客户", "单号"]) == {
        "sku": "货号", "warehouse": "仓库", "qty": "销量", "date": "销售日期", "customer": "客户", "reference": "单号"}
    assert guess_mapping("terms", ["供应商", "供应商货号", "货号", "进价", "起订量"]) == {
        "supplier": "供应商", "supplier_sku": "供应商货号", "sku": "货号", "unit_price": "进价", "moq": "起订量"}
    assert guess_mapping("suppliers", ["供应商编码", "供应商名称", "联系人", "交期"]) == {
        "code": "供应商编码", "name": "供应商名称", "contact": "联系人", "lead_time": "交期"}
    assert guess_mapping("customers", ["客户编码", "客户名称"]) == {"code": "客户编码", "name": "客户名称"}


def test_a_short_synonym_does_not_match_inside_another_word():
    assert "min_level" not in guess_mapping("products", ["SKU", "Name", "Admin note"])


def test_dates_are_read_in_the_forms_excel_users_type():
    for text in ("2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", "20260301", "2026-03-01 00:00:00"):
        assert parse_date("date", text) == date(2026, 3, 1)
    for text in ("3/1/2026", "2026-02-30", "yesterday"):
        with pytest.raises(BadInput):
            parse_date("date", text)


def test_products_are_added_and_a_second_import_of_the_same_file_changes_nothing(uow):
    text = "货号,品名,单位,条码,类别\nSD-6,十字螺丝刀,把,6901234567892,工具\nHM-1,锤子,把,,工具\n"
    first = run(uow, "products", text)
    assert (first.added, first.updated, first.unchanged, first.written) == (2, 0, 0, True)
    product = catalog.get_product(uow, "SD-6")
    assert (product.name, product.unit, product.barcodes, product.category) == ("十字螺丝刀", "把", ["6901234567892"],
                                                                                "工具")
    commits = uow.commits
    again = run(uow, "products", text)
    assert (again.added, again.updated, again.unchanged, again.written) == (0, 0, 2, False)
    assert catalog.get_product(uow, "SD-6").version == 1
    assert uow.commits == commits + 1  # an empty transaction; nothing in it


def test_a_changed_row_updates_the_product_through_the_edit_rules_and_keeps_unmapped_fields(uow):
    run(uow, "products", "SKU,Name,Unit,Category,Min level\nA-1,Apple,box,fruit,5\n")
    result = run(uow, "products", "SKU,Name\nA-1,Green apple\n")
    assert (result.added, result.updated) == (0, 1)
    product = catalog.get_product(uow, "A-1")
    assert (product.name, product.unit, product.category, product.min_level, product.version) == (
        "Green apple", "box", "fruit", Decimal(5), 2)


def test_every_bad_product_row_is_reported_with_row_column_problem_and_what_is_accepted(uow):
    text = ("SKU,Name,Pack size,Barcode\n"
            ",No SKU,1,\n"                 # row 2: missing SKU
            "A 1,Space,1,\n"               # row 3: space in SKU
            "B-2,Pear,abc,\n"              # row 4: text in a number column
            "C-3,Plum,1,111\n"             # row 5: fine
            "C-3,Plum again,1,\n"          # row 6: duplicate SKU in the file
            "D-4,,1,111\n")                # row 7: no name, barcode of row 5
    with pytest.raises(ImportRejected) as caught:
        run(uow, "products", text)
    found = [(p.row, p.column, p.problem) for p in caught.value.problems]
    assert found == [
        (2, "SKU", "is required"),
        (3, "SKU", "'A 1' contains spaces"),
        (4, "Pack size", "'abc' is not a number"),
        (6, "SKU", "SKU 'C-3' is also on row 5"),
        (7, "Name", "is required"),
        (7, "Barcode", "barcode '111' is also on row 5"),
    ]
    assert all(p.accepted for p in caught.value.problems)
    assert caught.value.problems[2].accepted.startswith("a number greater than 0")
    with uow:
        assert uow.products.by_sku("C-3") is None  # nothing half-written


def test_a_barcode_that_belongs_to_another_stored_product_is_reported(uow):
    run(uow, "products", "SKU,Name,Barcode\nA-1,Apple,6901234567892\n")
    assert problems_of(uow, "products", "SKU,Name,Barcode\nB-2,Pear,6901234567892\n") == [
        (2, "Barcode", "'6901234567892' is already the barcode or SKU of product A-1")]


def test_a_mapping_without_a_required_field_is_refused_before_any_row(uow):
    with pytest.raises(BadInput, match="choose the column of Name"):
        run_import(uow, "products", table("SKU,Other\nA-1,x\n"), {"sku": "SKU"})
    with pytest.raises(BadInput, match="the file has no column 'Nom'"):
        run_import(uow, "products", table("SKU,Other\nA-1,x\n"), {"sku": "SKU", "name": "Nom"})


def test_preview_reports_what_would_happen_and_writes_nothing(uow):
    result = preview(uow, "products", table("SKU,Name\nA-1,Apple\nB-2,\n"), {"sku": "SKU", "name": "Name"})
    assert (result.rows, result.added, [p.row for p in result.problems]) == (2, 1, [3])
    with uow:
        assert uow.products.by_sku("A-1") is None


def test_suppliers_terms_and_customers_upsert_by_code(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\n")
    assert run(uow, "suppliers", "供应商编码,供应商名称,交期\nNB,宁波五金,10\n").added == 1
    updated = run(uow, "suppliers", "供应商编码,供应商名称,交期\nNB,宁波五金厂,10\n")
    assert updated.updated == 1
    with uow:
        supplier = uow.suppliers.by_code("NB")
        assert (supplier.name, supplier.lead_time_days, supplier.version) == ("宁波五金厂", 10, 2)
    assert run(uow, "terms", "供应商,货号,进价,起订量\nNB,A-1,4.20,10\n").added == 1
    assert run(uow, "terms", "供应商,货号,进价,起订量\nNB,A-1,4.20,10\n").unchanged == 1
    assert run(uow, "terms", "供应商,货号,进价,起订量\nNB,A-1,4.50,10\n").updated == 1
    with uow:
        terms = uow.suppliers.terms_for(supplier.id, uow.products.by_sku("A-1").id)
        assert (terms.unit_price, terms.moq, terms.version) == (Decimal("4.50"), Decimal(10), 2)
    assert problems_of(uow, "terms", "供应商,货号,进价\nXX,A-1,1\nNB,ZZ,1\n") == [
        (2, "供应商", "no supplier has the code 'XX'"), (3, "货号", "no product has the SKU or barcode 'ZZ'")]
    assert run(uow, "customers", "客户编码,客户名称\nC1,张三\n").added == 1
    assert run(uow, "customers", "客户编码,客户名称\nC1,张三\n").unchanged == 1
    assert run(uow, "customers", "客户编码,客户名称\nC1,李四\n").updated == 1
    with uow:
        customer = uow.customers.by_code("C1")
        assert (customer.name, customer.version) == ("李四", 2)
    assert run(uow, "customers", "客户编码,客户名称\nC1,李四\n").unchanged == 1


STOCK = "SKU,仓库,数量,单价,日期\nA-1,SH,100,4.2,2026-01-01\nB-2,GZ,0,1,2026-01-01\n"


def test_opening_stock_posts_receipts_once_however_often_the_file_is_imported(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\nB-2,Pear\n")
    first = run(uow, "stock", STOCK)
    assert (first.added, first.skipped_empty) == (1, 1)
    again = run(uow, "stock", STOCK)
    assert (again.added, again.unchanged, again.written) == (0, 1, False)
    moves = list(uow.state.movements.values())
    assert len(moves) == 1
    (m,) = moves
    assert (m.kind, m.qty, m.unit_cost, m.source_type) == (MovementKind.RECEIPT, Decimal(100), Decimal("4.2"), "import")
    assert m.occurred_at.astimezone().date() == date(2026, 1, 1)


def test_every_bad_stock_row_is_reported_and_nothing_is_posted(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\n")
    text = ("SKU,仓库,数量,单价\n"
            "A-1,SH,ten,4\n"     # text in a number column
            "A-1,GZ,-5,4\n"      # negative stock
            "A-1,XX,5,4\n"       # unknown warehouse
            "ZZ,SH,5,4\n"        # unknown product
            "A-1,SH,5,4\n"       # the same product and warehouse as row 2
            "A-1,SH,6,4\n")      # and again
    assert problems_of(uow, "stock", text) == [
        (2, "数量", "'ten' is not a number"),
        (3, "数量", "-5 is negative"),
        (4, "仓库", "no warehouse has the code 'XX'"),
        (5, "SKU", "no product has the SKU or barcode 'ZZ'"),
        (6, "SKU", "A-1 in warehouse SH is also on row 2"),
        (7, "SKU", "A-1 in warehouse SH is also on row 2"),
    ]
    assert not uow.state.movements


def test_an_opening_stock_row_dated_2099_is_reported_naming_the_date_and_the_window_and_nothing_is_posted(uow):
    """The same window as a typed date (``v.day``): to a year after today; before, 2099 was posted."""

    from domain.kernel import limits

    run(uow, "products", "SKU,Name\nA-1,Apple\nB-2,Pear\n")
    last = limits.last_day(clock.now().date()).isoformat()
    assert problems_of(uow, "stock", "SKU,仓库,数量,单价,日期\nA-1,SH,100,4.2,2099-01-01\nB-2,GZ,1,1,2026-01-01\n") == [
        (2, "日期", f"2099-01-01 is outside the accepted dates, 1970-01-01 to {last}")]
    assert not uow.state.movements


HISTORY = ("货号,仓库,数量,日期,客户\n"
           "A-1,SH,3,2026-01-05,C1\n"
           "A-1,SH,3,2026-01-05,C1\n"   # the same sale twice on a day: two sales
           "A-1,SH,4,2026-01-12,\n"
           "B-2,SH,1,2026-01-06,\n")


def test_sales_history_ships_from_a_matching_opening_receipt_and_leaves_stock_as_it_was(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\nB-2,Pear\n")
    run(uow, "customers", "客户编码,客户名称\nC1,张三\n")
    result = run(uow, "sales-history", HISTORY)
    assert result.added == 4
    ships = sorted((m for m in uow.state.movements.values() if m.kind == MovementKind.SHIPMENT), key=lambda m: m.key)
    assert [m.qty for m in ships if m.product_id == ships[0].product_id] == [Decimal(-3), Decimal(-3), Decimal(-4)]
    receipts = [m for m in uow.state.movements.values() if m.kind == MovementKind.RECEIPT]
    assert sorted(m.qty for m in receipts) == [Decimal(1), Decimal(10)]
    assert all(b.position.on_hand == 0 and b.position.value == 0 for b in uow.state.balances.values())
    assert run(uow, "sales-history", HISTORY).unchanged == 4
    assert len(uow.state.movements) == 6
    stock = run(uow, "stock", "SKU,仓库,数量,单价,日期\nA-1,SH,50,2,2026-02-01\n")
    assert stock.added == 1
    (a_sh,) = [b for b in uow.state.balances.values() if b.position.on_hand]
    assert (a_sh.position.on_hand, a_sh.position.value, a_sh.position.avg_cost) == (Decimal(50), Decimal(100),
                                                                                     Decimal(2))


def test_history_may_come_after_opening_stock_dated_later_but_must_not_mix_with_real_stock(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\nB-2,Pear\n")
    run(uow, "customers", "客户编码,客户名称\nC1,张三\n")
    run(uow, "stock", "SKU,仓库,数量,单价,日期\nA-1,SH,50,2,2026-02-01\n")
    assert run(uow, "sales-history", HISTORY).added == 4
    balance = next(b for b in uow.state.balances.values() if b.position.on_hand)
    assert (balance.position.on_hand, balance.position.value) == (Decimal(50), Decimal(100))
    later = "货号,仓库,数量,日期\nA-1,SH,2,2026-02-10\n"
    assert problems_of(uow, "sales-history", later) == [
        (2, "日期", "A-1 in SH already has 50 on hand before 2026-02-10, and imported sales history must not mix "
                   "with real stock")]
    assert problems_of(uow, "stock", "SKU,仓库,数量,单价,日期\nA-1,GZ,5,2,2026-01-01\nB-2,SH,5,2,2026-01-06\n") == [
        (3, "日期", "the imported sales history of B-2 in SH runs until 2026-01-06")]


def test_sales_history_refuses_unknown_customers_and_future_dates(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\n")
    assert problems_of(uow, "sales-history", "SKU,仓库,数量,日期,客户\nA-1,SH,1,2026-01-05,NOBODY\n"
                                             "A-1,SH,1,2027-01-05,\nA-1,SH,1,,\n") == [
        (2, "客户", "no customer has the code 'NOBODY'"),
        (3, "日期", "2027-01-05 is in the future"),
        (4, "日期", "is required"),
    ]


def test_a_clerk_may_not_import_products_even_calling_the_use_case_directly(uow):
    from datetime import UTC
    from datetime import datetime

    from domain.access.model import User
    from domain.kernel.errors import Forbidden

    uow.state.users["ann"] = User("u1", "ann", "clerk", "x", datetime(2026, 1, 1, tzinfo=UTC))
    uow.user, uow.role = "ann", "clerk"
    with pytest.raises(Forbidden, match="may not change products"):
        run(uow, "products", "SKU,Name\nA-1,Apple\n")
    assert not uow.state.products
    assert preview(uow, "products", table("SKU,Name\nA-1,Apple\n"), {"sku": "SKU", "name": "Name"}).added == 1


def test_every_field_check_of_an_import_gives_its_problem_as_a_code_whose_english_is_the_report_s():
    from domain.imports.cells import parse_date
    from domain.imports.fields import FIELDS
    from domain.imports.problems import ENGLISH
    from domain.imports.problems import Said
    from domain.imports.problems import said_of
    from domain.kernel import validate as v
    from domain.kernel.errors import BadInput

    refused = [lambda: v.number("qty", "十个"), lambda: v.number("qty", "2,5"),
               lambda: v.number("qty", "1.5", max_places=0), lambda: v.quantity("qty", "-1"),
               lambda: v.quantity("qty", "0"), lambda: v.quantity("qty", "1e13"), lambda: v.money("cost", "-2"),
               lambda: v.money("cost", "1e11"), lambda: v.text("name", ""), lambda: v.text("name", "x" * 201),
               lambda: v.code("sku", "A B"), lambda: parse_date("date", "soon"),
               lambda: parse_date("date", "2026-02-30"),
               lambda: catalog.parse_lead_time("lead", "4000"), lambda: catalog.parse_currency("EURO")]
    for check in refused:
        with pytest.raises(BadInput) as exc:
            check()
        said = said_of(exc.value)
        assert said.code in ENGLISH and said.code != "text", exc.value
        assert said.english() == exc.value.problem.split("; ")[0]
    for fields in FIELDS.values():  # every field's accepted values are a sentence with a code
        assert all(Said.of(f.accepted).code != "text" for f in fields)


def european(text: str) -> Table:
    """A table from semicolon-separated text, as a European Excel saves CSV."""
    rows = [tuple(r) for r in csv.reader(io.StringIO(text.strip()), delimiter=";")]
    return Table(rows[0], rows[1:], "eu.csv")


def test_a_file_in_the_european_format_reads_a_decimal_comma_and_points_between_thousands(uow):
    from domain.imports import NumberFormat

    run(uow, "products", "SKU,Name,Unit\nA-1,Apple,kg\nB-2,Pear,kg\nC-3,Plum,kg\n")  # sold by weight
    t = european("SKU;Warehouse;Qty;Unit cost\nA-1;SH;1.234;4,20\nB-2;SH;2,5;1.234,5\nC-3;SH;12;0,125\n")
    result = run_import(uow, "stock", t, guess_mapping("stock", t.headers), today=TODAY,
                        number_format=NumberFormat.EUROPEAN)
    assert result.added == 3
    got = {uow.products.get(m.product_id).sku: (m.qty, m.unit_cost) for m in uow.state.movements.values()}
    assert got == {"A-1": (Decimal(1234), Decimal("4.2")), "B-2": (Decimal("2.5"), Decimal("1234.5")),
                   "C-3": (Decimal(12), Decimal("0.125"))}


def test_a_value_the_european_format_does_not_allow_names_the_field_the_text_and_what_is_accepted(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\n")
    t = european("SKU;Warehouse;Qty;Unit cost\nA-1;SH;1.23,4;1.5\nA-1;GZ;1,23456;-4,2\n")
    result = preview(uow, "stock", t, guess_mapping("stock", t.headers), today=TODAY, number_format="european")
    assert [(p.row, p.column, p.problem, p.accepted) for p in result.problems] == [
        (2, "Qty", "'1.23,4' is not a number in the European format: a comma before the decimals and a point only "
                   "between groups of three digits", "a number in the European format, such as 2,5 or 1.234,5"),
        (2, "Unit cost", "'1.5' is not a number in the European format: a comma before the decimals and a point only "
                         "between groups of three digits", "a number in the European format, such as 2,5 or 1.234,5"),
        (3, "Qty", "1,23456 has more than 4 decimal places", "0 or more with at most 4 decimals, such as 12 or 2,5"),
        (3, "Unit cost", "-4,2 is negative", "0 or more, such as 4,20"),
    ]
    assert [p.said.code for p in result.problems] == ["not_european_number", "not_european_number",
                                                      "too_many_places", "negative"]
    assert not uow.state.movements


def test_cells_the_file_holds_as_numbers_are_numbers_whatever_the_format(uow):
    from domain.imports import NumberCell

    run(uow, "products", "SKU,Name,Unit\nA-1,Apple,kg\n")
    t = Table(("SKU", "Warehouse", "Qty", "Unit cost"), [("A-1", "SH", NumberCell("1.234"), NumberCell("1234.5"))])
    run_import(uow, "stock", t, guess_mapping("stock", t.headers), today=TODAY, number_format="european")
    (m,) = uow.state.movements.values()
    assert (m.qty, m.unit_cost) == (Decimal("1.234"), Decimal("1234.5"))


def test_a_decimal_comma_in_the_default_format_points_to_the_european_one(uow):
    run(uow, "products", "SKU,Name\nA-1,Apple\n")
    t = european("SKU;Warehouse;Qty;Unit cost\nA-1;SH;2,5;1\n")
    (p,) = preview(uow, "stock", t, guess_mapping("stock", t.headers), today=TODAY).problems
    assert (p.said.code, p.accepts.code) == ("ambiguous_number", "accept_point_or_european")
    assert "European number format (1.234,5)" in p.accepted
