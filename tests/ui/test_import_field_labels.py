"""Every field the import wizard maps is named in the reader's language: 'Whole units' stood in English on the
Chinese wizard's mapping page (the field was added to the products import without its label being marked for
translation)."""

from __future__ import annotations

from domain.imports import FIELDS
from ui.dialogs.import_wizard import FIELD_LABELS
from ui.dialogs.import_wizard import tr


def test_every_import_field_label_is_marked_and_has_a_chinese_translation(qapp, chinese):
    labels = {field.label for fields in FIELDS.values() for field in fields}
    assert sorted(labels - set(FIELD_LABELS)) == []
    assert sorted(label for label in labels if tr(label) == label) == []


def test_an_unknown_warehouse_in_a_stock_file_says_where_to_add_it(qapp, db, tmp_path, chinese):
    """The opening stock of a second warehouse was refused 'add it first' without saying where; the place is
    Settings › Warehouses (设置 › 仓库)."""
    import pytest

    from domain.catalog import commands as c
    from domain.catalog import master as catalog
    from domain.imports import ImportRejected
    from domain.imports import guess_mapping
    from domain.imports import run_import
    from ui.import_problems import said_text
    from ui.spreadsheets import read_table

    catalog.add_product(db.uow(), c.AddProduct("LSD-01", "十字螺丝刀"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
    path = tmp_path / "期初库存.csv"
    path.write_text("货号,仓库,期初数量,成本单价\nLSD-01,BJ,30,3.5\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(ImportRejected) as refused:
        run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers))
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (2, "仓库")
    assert "Settings › Warehouses" in problem.accepted
    assert "设置 › 仓库" in said_text(problem.accepts)


def test_a_currency_sign_in_a_workbook_says_what_to_do_in_excel_not_to_save_a_csv(qapp, db, tmp_path, chinese):
    """The accepted text for ``¥4.50`` ended “再另存为 CSV” also when the file was an .xlsx; a workbook's cell is text
    to change in place (remove the sign, format as Number), a CSV's column is saved again."""
    from openpyxl import Workbook

    from domain.catalog import commands as c
    from domain.catalog import master as catalog
    from domain.imports import guess_mapping
    from domain.imports import preview
    from ui.import_problems import said_text
    from ui.spreadsheets import read_table

    catalog.add_product(db.uow(), c.AddProduct("LSD-01", "十字螺丝刀"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海仓"))
    book = Workbook()
    book.active.append(["货号", "仓库", "数量", "单价"])
    book.active.append(["LSD-01", "SH", 10, "¥4.50"])  # a text cell: typed with its sign
    book.save(tmp_path / "期初库存.xlsx")
    (tmp_path / "期初库存.csv").write_text("货号,仓库,数量,单价\nLSD-01,SH,10,¥4.50\n", encoding="utf-8-sig")
    said = {}
    for name in ("期初库存.xlsx", "期初库存.csv"):
        table = read_table(tmp_path / name)
        [problem] = preview(db.uow(), "stock", table, guess_mapping("stock", table.headers)).problems
        assert (problem.row, problem.column, problem.said.code) == (2, "单价", "currency_sign")
        said[name] = (problem.accepted, said_text(problem.accepts))
    english, chinese_text = said["期初库存.xlsx"]
    assert "CSV" not in english and "CSV" not in chinese_text
    assert "Find and Replace" in english and "Number" in english
    assert "查找和替换" in chinese_text and "数值" in chinese_text
    assert "CSV" in said["期初库存.csv"][0] and "另存为 CSV" in said["期初库存.csv"][1]  # a CSV is saved again
