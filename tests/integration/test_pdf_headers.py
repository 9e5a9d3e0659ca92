"""Column headers never break inside a word (ui.pdf.headers): 序号 whole, 期初 above 数量 and never 期初数 above 量,
"Unit price" above "excl. tax"; a column is as wide as its header's longest word where the names can give the room,
else its header is printed a little smaller, else split in the middle of the word that cannot fit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth

from domain.reports.model import Flow
from domain.sales.printing import DocumentKind
from tests.integration.purchasing.test_po_pdf import snapshot
from tests.integration.sales.test_sales_pdf import document
from tests.pdf_headers import header_lines
from tests.pdf_headers import lone_characters
from tests.pdf_headers import tables
from ui.pdf.base import BaseRenderer
from ui.pdf.cells import text_cell
from ui.pdf.headers import header_cell
from ui.pdf.headers import header_words
from ui.pdf.headers import widen_for_headers
from ui.pdf.purchase_order import PurchaseOrderRenderer
from ui.pdf.report_labels import label
from ui.pdf.reports import ReportRenderer
from ui.pdf.sales import SalesDocumentRenderer
from ui.report_sheets import FLOW_LABELS
from ui.report_sheets import MONEY
from ui.report_sheets import QTY
from ui.report_sheets import Column
from ui.report_sheets import Sheet

# The words the stock summary's Chinese headers are built from (report_labels): a header line is made of these.
SUMMARY_WORDS = ("货号", "品名", "单位", "期初", "期末", "数量", "金额", "采购入库", "调拨入库", "销售", "其他出库",
                 "采购退货", "销售退货", "调拨出库", "盘盈盘亏", "调整", "盘盈盘亏调整", "盘点差异", "计价", "差额",
                 "计价差额", "进货差价")
PO_ZH = {"#": "序号", "Our SKU": "我方货号", "Supplier SKU": "供应商货号", "Description": "品名", "Quantity": "数量",
         "Unit / pack": "单位 / 包装", "Unit price": "单价", "Amount": "金额"}


@pytest.fixture(scope="module")
def cell():
    return BaseRenderer().styles["Cell"]


def made_of(line: str, words: tuple[str, ...]) -> bool:
    """Whether ``line`` is a run of whole ``words``."""
    ok = [True] + [False] * len(line)
    for end in range(1, len(line) + 1):
        ok[end] = any(ok[end - len(w)] and line[end - len(w):end] == w for w in words if len(w) <= end)
    return ok[-1]


def test_a_chinese_header_is_cut_into_the_words_its_labels_are_built_from():
    assert header_words("期初数量") == ["期初", "数量"]
    assert header_words("采购入库金额") == ["采购入库", "金额"]
    assert header_words("盘盈盘亏调整数量") == ["盘盈盘亏", "调整", "数量"]
    assert header_words("序号") == ["序号"]
    assert header_words("0–30天 金额") == ["0–30天 ", "金额"]  # never 0–30 above 天
    assert header_words("> 365天 数量") == ["> 365天 ", "数量"]  # a sign alone goes with the word after it
    assert header_words("平均库龄(天)")[-1].endswith("(天)")
    assert header_words("Unit price excl. tax") == ["Unit ", "price ", "excl. ", "tax"]


def test_a_header_too_wide_for_its_column_breaks_between_words_in_even_lines(cell):
    room = stringWidth("盘盈盘亏调整", cell.fontName, cell.fontSize)
    printed = header_cell("盘盈盘亏调整数量", room + 12, cell)
    assert printed.text.split("<br/>") == ["盘盈盘亏", "调整数量"]  # not 盘盈盘亏调整 above 数量
    assert printed.style.fontSize == cell.fontSize and printed.style.wordWrap is None


def test_a_word_a_little_wider_than_its_column_is_printed_a_little_smaller_then_split_in_its_middle(cell):
    word = stringWidth("序号", cell.fontName, 7)
    smaller = header_cell("序号", word + 12, cell)
    assert smaller.text == "序号" and smaller.style.fontSize == 7
    split = header_cell("供应商货号", stringWidth("供应商", cell.fontName, 7) + 12, cell)
    assert split.text.split("<br/>") == ["供应商", "货号"]  # its words, each whole
    halves = header_cell("价税合计", stringWidth("价税合", cell.fontName, 7) + 12, cell)
    assert halves.text.split("<br/>") == ["价税", "合计"]  # one word too wide: its middle, not its last character


def test_columns_widen_for_their_headers_longest_word_from_the_names(cell):
    font = cell.fontName
    widths = [20.0, 60.0, 200.0, 30.0]
    wide = widen_for_headers(widths, ["序号", "货号", "品名", "采购入库金额"], give=2, font=font, size=8, least=100)
    assert wide[0] == pytest.approx(stringWidth("序号", font, 8) + 12)
    assert wide[3] == pytest.approx(stringWidth("采购入库", font, 8) + 12)
    assert wide[1] == 60 and sum(wide) == pytest.approx(sum(widths))


@pytest.mark.parametrize("pagesize", [A4, LETTER])
def test_the_chinese_po_prints_its_number_header_whole(pagesize):
    renderer = PurchaseOrderRenderer(pagesize, tr=lambda text: PO_ZH.get(text, text))
    heads = [header_lines(t) for t in tables(renderer.story(snapshot(3))) if len(t._cellvalues[0]) == 8]
    assert heads and heads[0][0] == ["序号"]
    assert not lone_characters(heads[0])


@pytest.mark.parametrize("pagesize", [A4, LETTER])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", list(DocumentKind))
def test_no_sales_document_breaks_a_header_inside_a_word(kind, language, pagesize):
    renderer = SalesDocumentRenderer(pagesize, language=language)
    for table in [t for t in tables(renderer.story(document(kind, 3))) if len(t._cellvalues[0]) >= 6]:
        heads = header_lines(table)
        assert not lone_characters(heads)
        if language == "en":  # every English line is whole words
            for lines, head in zip(heads, table._cellvalues[0], strict=True):
                words = " ".join(lines).split()
                assert all(w in head.text.replace("&nbsp;", " ").replace("<br/>", " ").split() for w in words)


def summary(language: str, price_difference: bool = True) -> Sheet:
    t = lambda text: label(text, language)  # noqa: E731
    both = (lambda a, b: t(a) + t(b)) if language == "zh_CN" else (lambda a, b: f"{a} {b.lower()}")
    columns = [Column(t("SKU"), "sku"), Column(t("Name"), "name"), Column(t("Unit"), "unit")]
    for flow in ("Opening", *(v for k, v in FLOW_LABELS.items() if k is not Flow.PRICE_DIFFERENCE), "Closing"):
        columns += [Column(both(flow, "Quantity"), f"{flow}_qty", QTY), Column(both(flow, "Value"), f"{flow}_v", MONEY)]
    # the price difference is a value only, as the report shows it (``ui.report_sheets``)
    if price_difference:
        columns.insert(-2, Column(t("Price difference"), "price_difference_v", MONEY))
    columns.append(Column(t("Difference"), "difference", MONEY))
    numbers = [[Decimal("1130"), Decimal("19254.58")][c.kind == MONEY] for c in columns[3:-1]]
    row = ["CL001-01", "洗洁精 500g 商用装", "bottle", *numbers]
    return Sheet(t("STOCK SUMMARY"), [], columns, [[*row, Decimal("0.00")]], language=language)


@pytest.mark.parametrize("pagesize", [A4, LETTER])
def test_the_chinese_stock_summary_breaks_its_headers_between_their_words(pagesize):
    sheet = summary("zh_CN")
    (table,) = tables(ReportRenderer("Stockroom", "zh_CN", pagesize).story(sheet))
    heads = header_lines(table)
    assert not lone_characters(heads)
    for lines, column in zip(heads, sheet.columns, strict=True):
        assert "".join(lines) == column.label
        assert all(made_of(line, SUMMARY_WORDS) for line in lines), (column.label, lines)
    assert heads[3] in (["期初数量"], ["期初", "数量"])  # never 期初数 above 量


@pytest.mark.parametrize("pagesize", [A4, LETTER])
def test_the_english_stock_summary_breaks_its_headers_between_words(pagesize):
    # (without a price difference, which shows only when a reversal made one: with it, on US Letter, the unit's
    # column is too narrow for "Unit" even at 7 points)
    sheet = summary("en", price_difference=pagesize is not LETTER)
    (table,) = tables(ReportRenderer("Stockroom", "en", pagesize).story(sheet))
    for lines, column in zip(header_lines(table), sheet.columns, strict=True):
        assert " ".join(lines).split() == column.label.split(), (column.label, lines)


def test_a_name_breaks_at_its_spaces_when_each_word_fits(cell):
    name = "洗洁精 500g 商用装"
    room = stringWidth("洗洁精 500g 商用", cell.fontName, cell.fontSize) + 1  # 商用 fits, 商用装 does not
    printed = text_cell(name, room + 12, cell)
    printed.wrap(room, 1000)
    assert [" ".join(line[1]) for line in printed.blPara.lines] == ["洗洁精 500g", "商用装"]  # not 商用 above 装
    long_word = "加厚型工业级防水防尘户外电缆接头"
    assert text_cell(long_word, 60, cell).style.wordWrap == "CJK"  # a word wider than its column still wraps
