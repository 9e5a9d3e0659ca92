"""The customers' 地址 column is read: before, a customer import had no address field and the column was silently
left out; the address goes where the customer's page keeps it (the customer's terms), and so do suppliers'."""

from __future__ import annotations

from openpyxl import Workbook

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import guess_mapping
from domain.imports import run_import
from domain.sales.price_master import customer_terms
from ui.spreadsheets import read_table


def _book(path, *rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return read_table(path)


def test_the_customers_address_column_is_read_into_the_customer(db, tmp_path):
    catalog.add_customer(db.uow(), c.AddCustomer("C2", "李四建材", "李四"))
    table = _book(tmp_path / "客户.xlsx", ("客户编码", "客户名称", "联系人", "地址"),
                  ("C1", "张三五金店", "张三", "上海市浦东新区张杨路 100 号\n2 楼"),
                  ("C2", "李四建材", "李四", "北京市朝阳区建国路 8 号"))
    mapping = guess_mapping("customers", table.headers)
    assert mapping["address"] == "地址"
    result = run_import(db.uow(), "customers", table, mapping)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 0)
    assert customer_terms(db.uow(), "C1")[1].address == "上海市浦东新区张杨路 100 号\n2 楼"
    assert customer_terms(db.uow(), "C2")[1].address == "北京市朝阳区建国路 8 号"
    again = run_import(db.uow(), "customers", table, mapping)  # the same file twice changes nothing
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_contact_address_and_an_english_header_are_read_too(db, tmp_path):
    for header in ("联系地址", "Address"):
        table = _book(tmp_path / f"{header}.xlsx", ("客户编码", "客户名称", header), ("C9", "九号店", f"{header} 1 号"))
        assert guess_mapping("customers", table.headers)["address"] == header
        run_import(db.uow(), "customers", table, guess_mapping("customers", table.headers))
        assert customer_terms(db.uow(), "C9")[1].address == f"{header} 1 号"
    table = _book(tmp_path / "供应商.xlsx", ("供应商编码", "供应商名称", "联系地址"),
                  ("S1", "华东紧固件", "苏州市 1 号"))
    run_import(db.uow(), "suppliers", table, guess_mapping("suppliers", table.headers))
    with db.uow() as uow:
        assert uow.suppliers.by_code("S1").address == "苏州市 1 号"
