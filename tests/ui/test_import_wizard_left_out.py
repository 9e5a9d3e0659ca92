"""The import wizard and the rows it leaves out: hidden in the workbook (included when ticked), a note under the
header; and its counts in the singular."""

from __future__ import annotations

from openpyxl import Workbook

from tests.ui.test_import_wizard import chinese  # noqa: F401 - the fixture
from tests.ui.test_import_wizard import open_file
from tests.ui.test_import_wizard import services  # noqa: F401 - the fixture
from ui.dialogs.import_wizard import ImportWizard


def hidden_sheet(path):
    book = Workbook()
    ws = book.active
    ws.append(["货号", "品名"])
    ws.append(["说明：货号必填"])
    for i in range(1, 5):
        ws.append([f"P-{i}", f"商品{i}"])
    ws.row_dimensions[4].hidden = True
    book.save(path)
    return path


def report(wizard) -> list[list[str]]:
    table = wizard.report_table
    return [[table.item(r, col).text() for col in range(4)] for r in range(table.rowCount())]


def checked(qtbot, services, path) -> ImportWizard:  # noqa: F811
    """The wizard shown, its file read with the columns guessed, and checked."""
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    open_file(qtbot, wizard, path)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    return wizard


def test_hidden_rows_are_listed_left_out_and_imported_only_when_ticked(qtbot, services, tmp_path):  # noqa: F811
    wizard = checked(qtbot, services, hidden_sheet(tmp_path / "商品.xlsx"))
    assert wizard.import_button.isEnabled()  # nothing wrong: the rows left out are no problems
    assert wizard.include_hidden.isVisible() and not wizard.include_hidden.isChecked()
    assert wizard.include_hidden.text() == "Also import the 1 row hidden in the workbook"
    assert report(wizard) == [
        ["2", "", "a note, not a record; passed over", "Nothing to do: a row with this note alone is never a record"],
        ["4", "", "hidden in the workbook; left out",
         "Tick “Also import the rows hidden in the workbook” below to import it"]]
    assert "3 new" in wizard.report_label.text() and "2 rows are left out" in wizard.report_label.text()
    wizard.include_hidden.setChecked(True)  # checked again, the hidden row now among those imported
    qtbot.waitUntil(lambda: wizard.result is not None and "4 new" in wizard.report_label.text(), timeout=10_000)
    assert [r[0] for r in report(wizard)] == ["2"]
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    assert sorted(p.sku for p in services.catalog.products()) == ["P-1", "P-2", "P-3", "P-4"]


def test_a_workbook_without_hidden_rows_shows_no_check_box_and_one_bad_row_is_said_in_the_singular(
        qtbot, services, tmp_path):  # noqa: F811
    path = tmp_path / "p.csv"
    path.write_text("SKU,Name\nA,Apple\n=B,Pear\n", encoding="utf-8")
    wizard = checked(qtbot, services, path)
    assert not wizard.include_hidden.isVisible()
    assert wizard.report_label.text().startswith("1 row has problems (listed below)")
    assert report(wizard)[0][:3] == ["3", "SKU", "'=B' starts with =, which a spreadsheet takes for the start of a "
                                                 "formula"]


def test_the_rows_left_out_are_said_in_chinese(qtbot, services, tmp_path, chinese):  # noqa: F811
    wizard = checked(qtbot, services, hidden_sheet(tmp_path / "商品.xlsx"))
    assert wizard.include_hidden.text() == "同时导入工作簿中隐藏的 1 行"
    assert [row[2] for row in report(wizard)] == ["是说明文字，不是记录，已跳过", "在工作簿中被隐藏，未导入"]
    assert "有 2 行未导入" in wizard.report_label.text()


def test_the_number_formats_example_is_not_a_number_in_scientific_notation(qtbot, services, tmp_path):  # noqa: F811
    path = tmp_path / "p.csv"
    path.write_text("SKU,Name,Min level\nA,Apple,1.23457E+11\nB,Pear,\"1,250.5\"\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path)
    assert wizard.number_example.text() == "Example from the file: Min level “1,250.5” reads as 1250.5."
