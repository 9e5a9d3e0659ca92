"""The import wizard (choose → map → check → import, all in the background) and Export to Excel of a screen's table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtGui import QKeySequence

from domain.catalog import commands as c
from domain.catalog import master as catalog
from ui.app import create_main_window
from ui.dialogs.export_table import export_view
from ui.dialogs.export_table import table_of
from ui.dialogs.import_wizard import ImportWizard

PRODUCTS = "货号,品名,单位,条码,类别\nSD-6,十字螺丝刀,把,6901234567892,工具\nHM-1,羊角锤,把,,工具\n"


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
    return make_services()


def open_file(qtbot, wizard: ImportWizard, path, kind: str = "products") -> None:
    wizard.kind.setCurrentIndex(wizard.kind.findData(kind))
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == ImportWizard.MAP, timeout=10_000)


def test_the_wizard_guesses_the_columns_checks_every_row_and_imports_in_the_background(qtbot, services, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes(PRODUCTS.encode("gbk"))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    assert not wizard.next_button.isEnabled()  # no file yet
    open_file(qtbot, wizard, path)
    assert {k: combo.currentData() for k, combo in wizard.combos.items() if combo.currentData()} == {
        "sku": "货号", "name": "品名", "unit": "单位", "barcode": "条码", "category": "类别"}
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=10_000)
    assert wizard.preview_table.rowCount() == 2
    assert wizard.preview_table.item(0, 1).text() == "SD-6"
    assert wizard.report_table.rowCount() == 0
    assert "2 new" in wizard.report_label.text()
    assert services.catalog.products() == []  # checked, not written
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    assert "2 added" in wizard.message.text()
    assert not wizard.import_button.isEnabled() and not wizard.back_button.isEnabled()
    assert [p.sku for p in services.catalog.products()] == ["HM-1", "SD-6"]


def test_a_file_with_bad_rows_shows_the_report_and_cannot_be_imported(qtbot, services, tmp_path):
    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀"))
    path = tmp_path / "stock.csv"
    path.write_text("货号,仓库,数量,单价\nSD-6,SH,十,4.2\nXX,GZ,5,1\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    report = [[wizard.report_table.item(r, col).text() for col in range(3)]
              for r in range(wizard.report_table.rowCount())]
    assert report == [["2", "数量", "'十' is not a number"], ["3", "货号", "no product has the SKU or barcode 'XX'"],
                      ["3", "仓库", "no warehouse has the code 'GZ'"]]
    assert "2 rows have problems" in wizard.report_label.text()
    accepted = wizard.report_table.item(1, 3)  # a long sentence: whole in its tooltip when the column cuts it
    assert accepted.toolTip() == accepted.text() and "import products first" in accepted.toolTip()
    assert not wizard.import_button.isEnabled()
    assert services.stock.movements() == []


def test_a_file_that_cannot_be_read_says_why_and_stays_on_the_first_step(qtbot, services, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("SKU,Name\nA-1,Crème brûlée\n".encode("latin-1"))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "Not imported" in wizard.message.text(), timeout=10_000)
    assert "GB18030/GBK" in wizard.message.text()
    assert wizard.pages.currentIndex() == ImportWizard.CHOOSE


def test_the_file_menu_has_import_and_export_with_their_shortcuts(qtbot, services):
    window = create_main_window(services)
    qtbot.addWidget(window)
    actions = {a.shortcut().toString(): a for a in window.file_menu.actions()}
    assert actions["Ctrl+I"] is window.import_action
    assert actions["Ctrl+Shift+E"] is window.export_action
    assert window.export_action.shortcut() != QKeySequence("Ctrl+E")  # the Products screen's edit key


def test_export_writes_the_visible_columns_in_screen_order_and_the_filtered_rows(qtbot, services, tmp_path):
    from openpyxl import load_workbook

    for sku, name in (("SD-6", "十字螺丝刀"), ("HM-1", "羊角锤"), ("TP-3", "胶带")):
        catalog.add_product(services.uow(), c.AddProduct(sku, name, unit="把"))
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("products")
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 3, timeout=10_000)
    view = table_of(screen)
    assert view is screen.table
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(1), 0)  # Name first
    view.setColumnHidden(3, True)
    screen.search.setText("锤")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=10_000)
    shown = [view.model().headerData(header.logicalIndex(i), header.orientation())
             for i in range(header.count()) if not view.isColumnHidden(header.logicalIndex(i))]
    target = tmp_path / "products.xlsx"
    with qtbot.waitSignal(export_view(window, services, view, target, "Products").done, timeout=10_000):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == shown
    assert rows[0][0] == view.model().headerData(1, header.orientation())
    assert len(rows) == 2 and rows[1][0] == "羊角锤" and "HM-1" in rows[1]


def screenshot(widget, tmp_path, name: str):
    """The widget as a PNG under the offscreen platform (also into $STOCKROOM_SCREENSHOTS when set, to look at)."""
    import os
    from pathlib import Path

    path = tmp_path / name
    assert widget.grab().save(str(path))
    folder = os.environ.get("STOCKROOM_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / name))
    return path


@pytest.fixture
def chinese(qapp):
    from ui import i18n
    from ui.app import install_cjk_font

    install_cjk_font(qapp)
    assert i18n.set_language(i18n.CHINESE, persist=False)
    yield
    i18n.set_language(i18n.ENGLISH, persist=False)


def test_the_report_speaks_chinese_problem_and_accepted_alike(qtbot, services, tmp_path, chinese):
    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀"))
    path = tmp_path / "期初库存.csv"
    path.write_text("货号,仓库,数量,单价,日期\n"
                    "SD-6,SH,十个,4.2,2026-03-01\n"   # not a number
                    "XX,GZ,5,1,2026-03-01\n"           # unknown product and warehouse
                    ",SH,2,-1,2026-02-30\n"            # SKU missing, negative cost, no such day
                    "SD-6,SH,1.23456,2,2026-03-01\n"  # too many decimals
                    "SD 6,SH,2,1,2026-03-01\n", encoding="utf-8")  # a space in the SKU
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    open_file(qtbot, wizard, path, "stock")
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    report = [[wizard.report_table.item(r, col).text() for col in range(4)]
              for r in range(wizard.report_table.rowCount())]
    assert report == [
        ["2", "数量", "'十个' 不是数字", "0 或以上，最多 4 位小数，如 12 或 2.5"],
        ["3", "货号", "没有货号或条码为 'XX' 的商品", "Stockroom 中已有商品的货号或条码（请先导入商品）"],
        ["3", "仓库", "没有编码为 'GZ' 的仓库", "Stockroom 中已有仓库的编码（请先在“设置 › 仓库”中添加该仓库）"],
        ["4", "货号", "为必填项", "Stockroom 中已有商品的货号或条码"],
        ["4", "单价", "-1 是负数", "0 或以上，如 4.20"],
        ["4", "日期", "'2026-02-30' 不是日历上存在的日期",
         "日期，如 2026-03-01、2026/3/1 或 2026年3月1日；留空表示今天"],
        ["5", "数量", "1.23456 的小数超过 4 位", "0 或以上，最多 4 位小数，如 12 或 2.5"],
        ["5", "货号", "SD-6 在仓库 SH 的记录在第 2 行也出现了", "期初库存文件中每个商品在每个仓库只出现一次"],
        ["6", "货号", "'SD 6' 含有空格", "Stockroom 中已有商品的货号或条码"],
    ]
    assert [wizard.report_table.horizontalHeaderItem(i).text() for i in range(4)] == ["行", "列", "问题", "可接受的值"]
    assert wizard.report_label.text().startswith("5 行")
    ascii_words = [cell for row in report for cell in row[2:] if any(w in cell for w in ("is ", "not ", "required"))]
    assert ascii_words == []
    wizard.resize(1100, 640)
    shot = screenshot(wizard, tmp_path, "import-report-zh.png")
    assert shot.stat().st_size > 10_000

    from ui import i18n

    i18n.set_language(i18n.ENGLISH, persist=False)  # said again in English at once
    qtbot.waitUntil(lambda: wizard.report_table.item(0, 2).text() == "'十个' is not a number")
    assert wizard.report_table.item(3, 2).text() == "is required"


def test_a_file_that_cannot_be_read_is_refused_in_chinese(qtbot, services, tmp_path, chinese):
    path = tmp_path / "latin.csv"
    path.write_bytes("SKU,Name\nA-1,Crème brûlée\n".encode("latin-1"))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "未导入" in wizard.message.text(), timeout=10_000)
    assert wizard.message.text() == (
        "未导入：latin.csv 既不是 UTF-8 也不是 GB18030/GBK 文本（Excel 保存 CSV 时使用的编码），无法读取其中的字符；"
        "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）")


def test_every_sentence_of_the_domain_report_has_the_same_template_in_the_window_and_a_chinese_one():
    import re
    import xml.etree.ElementTree as ET

    from domain.imports.problems import ENGLISH
    from ui import i18n
    from ui.import_problems import CONTEXT
    from ui.import_problems import TEMPLATES

    assert TEMPLATES.keys() == ENGLISH.keys()
    for code, english in ENGLISH.items():
        assert TEMPLATES[code] == re.sub(r"\{(\d)\}", lambda m: f"%{int(m.group(1)) + 1}", english), code
    root = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts")).getroot()
    chinese = {message.findtext("source"): message.findtext("translation")
               for context in root.iter("context") if context.findtext("name") == CONTEXT
               for message in context.iter("message")}
    untranslated = [t for t in TEMPLATES.values() if not chinese.get(t) or (chinese[t] == t and t != "%1")]
    assert untranslated == []
    assert not [t for t in chinese.values() if "SKU" in t]


EUROPEAN_STOCK = "货号;仓库;数量;单价\nSD-6;SH;1.234;4,20\nHM-1;SH;2,5;1.234,5\n"


def choose_number_format(wizard: ImportWizard, number_format: str) -> None:
    wizard.number_format.setCurrentIndex(wizard.number_format.findData(number_format))


def test_the_number_format_is_chosen_on_the_mapping_page_and_the_preview_shows_the_numbers_as_read(
        qtbot, services, tmp_path):
    from domain.stock.model import MovementKind

    for sku in ("SD-6", "HM-1"):
        catalog.add_product(services.uow(), c.AddProduct(sku, sku, unit="kg"))
    path = tmp_path / "eu.csv"
    path.write_text(EUROPEAN_STOCK, encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    assert wizard.number_format.currentData() == "default"
    assert wizard.number_example.text() == "Example from the file: Quantity “1.234” reads as 1.234."
    choose_number_format(wizard, "european")
    assert wizard.number_example.text() == "Example from the file: Quantity “1.234” reads as 1234."
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=10_000)
    shown = [[wizard.preview_table.item(r, col).text() for col in range(5)] for r in range(2)]
    assert shown == [["2", "SD-6", "SH", "1234", "4.2"], ["3", "HM-1", "SH", "2.5", "1234.5"]]
    assert wizard.preview_table.item(1, 4).toolTip() == "In the file: 1.234,5"
    assert "1.234,5 (European" in wizard.preview_label.text()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    moved = {(m.sku, m.qty, m.unit_cost) for m in services.stock.movements() if m.kind == MovementKind.RECEIPT}
    assert moved == {("SD-6", Decimal(1234), Decimal("4.2")), ("HM-1", Decimal("2.5"), Decimal("1234.5"))}
    again = ImportWizard(services)  # the choice is remembered for the next file
    qtbot.addWidget(again)
    assert again.number_format.currentData() == "european"


def test_a_value_the_chosen_format_refuses_is_reported_in_chinese_and_blocks_the_import(
        qtbot, services, tmp_path, chinese):
    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀"))
    path = tmp_path / "eu.csv"
    path.write_text("货号;仓库;数量;单价\nSD-6;SH;1.23,4;4,20\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    choose_number_format(wizard, "european")
    assert wizard.number_example.text() == "文件中的示例：数量“1.23,4”不是此格式的数字。"
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    report = [[wizard.report_table.item(r, col).text() for col in range(4)]
              for r in range(wizard.report_table.rowCount())]
    assert report == [["2", "数量", "'1.23,4' 不是欧洲格式的数字：欧洲格式用逗号分隔小数，点号只用于每三位数字之间",
                       "欧洲格式的数字，如 2,5 或 1.234,5"]]
    refused = wizard.preview_table.item(0, 3)
    assert refused.text() == "1.23,4" and "不是所选格式的数字" in refused.toolTip()
    assert wizard.preview_table.item(0, 4).text() == "4.2"
    assert not wizard.import_button.isEnabled()
    assert services.stock.movements() == []


def test_a_decimal_comma_read_in_the_default_format_points_to_the_european_one(qtbot, services, tmp_path):
    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀"))
    path = tmp_path / "eu.csv"
    path.write_text("货号;仓库;数量;单价\nSD-6;SH;2,5;4\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    assert wizard.number_example.text() == "Example from the file: Quantity “2,5” is not a number in this format."
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.report_table.item(0, 3).text() == ("a decimal point, such as 2.5; or, if the file writes decimals "
                                                     "with a comma, the European number format (1.234,5)")
    assert not wizard.import_button.isEnabled()


def test_number_cells_of_a_workbook_show_and_import_as_the_numbers_they_are_in_the_european_format(
        qtbot, services, tmp_path):
    from domain.stock.model import MovementKind
    from ui.spreadsheets import write_xlsx

    catalog.add_product(services.uow(), c.AddProduct("SD-6", "十字螺丝刀", unit="kg"))  # loose, by weight
    path = tmp_path / "stock.xlsx"
    write_xlsx(path, ["货号", "仓库", "数量", "单价"], [["SD-6", "SH", Decimal("1.234"), "4,20"]])
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path, "stock")
    choose_number_format(wizard, "european")
    assert wizard.number_example.text() == "Example from the file: Unit cost “4,20” reads as 4.2."  # typed text only
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=10_000)
    assert [wizard.preview_table.item(0, col).text() for col in range(5)] == ["2", "SD-6", "SH", "1.234", "4.2"]
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    [m] = [m for m in services.stock.movements() if m.kind == MovementKind.RECEIPT]
    assert (m.qty, m.unit_cost) == (Decimal("1.234"), Decimal("4.2"))


def test_opening_balances_are_a_kind_of_the_wizard_with_the_report_in_chinese(qtbot, services, tmp_path, chinese):
    catalog.add_customer(services.uow(), c.AddCustomer("ACME", "顶好商贸"))
    catalog.add_supplier(services.uow(), c.AddSupplier("NB", "宁波紧固件"))
    path = tmp_path / "期初应收应付.csv"
    path.write_text("往来类型,往来单位编码,期初余额,日期,到期日\n"
                    "应收,ACME,1200.50,2026-01-10,2026-02-10\n"
                    "其他,NB,100,2026-01-10,\n", encoding="utf-8")
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    assert wizard.kind.itemText(wizard.kind.findData("openings")) == "期初应收应付余额"
    open_file(qtbot, wizard, path, "openings")
    assert {k: combo.currentData() for k, combo in wizard.combos.items() if combo.currentData()} == {
        "side": "往来类型", "partner": "往来单位编码", "amount": "期初余额", "date": "日期", "due": "到期日"}
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    report = [[wizard.report_table.item(r, col).text() for col in range(4)]
              for r in range(wizard.report_table.rowCount())]
    assert report == [["3", "往来类型", "'其他' 不是往来类型", "客户（AR，应收）或供应商（AP，应付）"]]
    assert not wizard.import_button.isEnabled()
    path.write_text("往来类型,往来单位编码,期初余额,日期,到期日\n应收,ACME,1200.50,2026-01-10,2026-02-10\n"
                    "应付,NB,-300,2026-01-10,\n", encoding="utf-8")
    wizard.back_button.click()
    wizard.back_button.click()
    open_file(qtbot, wizard, path, "openings")
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=10_000)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.imported, timeout=10_000)
    with services.uow() as u:
        acme, nb = u.customers.by_code("ACME").id, u.suppliers.by_code("NB").id
        got = [(x.item.number[:3], x.item.amount) for side, pid in (("AR", acme), ("AP", nb))
               for x in u.accounts.open_items(side, pid)]
    assert got == [("OB-", Decimal("1200.50")), ("OB-", Decimal("-300"))]


def test_export_of_a_plain_table_keeps_codes_of_digits_as_text_and_writes_right_aligned_numbers_as_numbers(
        qtbot, services, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow
    from PySide6.QtWidgets import QTableWidget
    from PySide6.QtWidgets import QTableWidgetItem

    window = QMainWindow()
    qtbot.addWidget(window)
    table = QTableWidget(2, 3, window)
    table.setHorizontalHeaderLabels(["SKU", "Barcode", "Quantity"])
    for r, cells in enumerate((("00123", "690123456789012345", "1,200.5"), ("-5", "0012", "3"))):
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, col, item)
    window.setCentralWidget(table)
    target = tmp_path / "lines.xlsx"
    with qtbot.waitSignal(export_view(window, services, table, target, "Lines").done, timeout=10_000):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[1:] == [("00123", "690123456789012345", 1200.5), ("-5", "0012", 3)]


def test_an_old_xls_can_be_chosen_in_the_file_dialog_and_is_then_refused_saying_how_to_save_it(
        qtbot, services, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    old = tmp_path / "管家婆导出.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    asked = []

    def chosen(parent, caption, folder, filters):
        asked.append(filters)
        return str(old), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chosen))
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.browse_button.click()
    assert "*.xls)" in asked[0].split(";;")[0]  # shown among the spreadsheets, not only under "All files"
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "Not imported" in wizard.message.text(), timeout=10_000)
    assert "old Excel 97-2003 workbook" in wizard.message.text() and "save it as an Excel workbook" in \
        wizard.message.text()


def test_an_unnamed_column_is_named_in_chinese_in_the_mapping_and_the_report(qtbot, services, tmp_path, chinese):
    path = tmp_path / "商品.csv"
    path.write_bytes("货号,品名,\nA-1,苹果,\nB-2,梨,x\"1,0\"\n".encode("gbk"))  # the third column has no header
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    open_file(qtbot, wizard, path)
    combo = wizard.combos["unit"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["货号", "品名", "第 3 列", "第 4 列"]
    assert combo.itemData(3) == "Column 3"  # the mapping still names the column as the table does
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert [wizard.report_table.item(0, c).text() for c in range(2)] == ["3", "第 4 列"]


def test_a_file_of_a_million_rows_is_refused_on_the_first_step_in_english_and_chinese(qtbot, services, tmp_path,
                                                                                      qapp):
    """Said at once, in the reader's language, with what is accepted; the wizard stays on the first step."""
    from ui import i18n
    from ui.app import install_cjk_font

    path = tmp_path / "million.csv"
    path.write_bytes("货号,品名\n".encode() + b"A-1,x\n" * 1_000_000)
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.resize(900, 560)
    wizard.file.setText(str(path))
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "Not imported" in wizard.message.text(), timeout=20_000)
    assert "million.csv has more than 200,000 rows" in wizard.message.text()
    assert wizard.pages.currentIndex() == ImportWizard.CHOOSE
    screenshot(wizard, tmp_path, "import-too-many-rows-en.png")
    install_cjk_font(qapp)
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        wizard.next_button.click()
        qtbot.waitUntil(lambda: "未导入" in wizard.message.text(), timeout=20_000)
        assert "million.csv 超过 200,000 行" in wizard.message.text()
        screenshot(wizard, tmp_path, "import-too-many-rows-zh.png")
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
