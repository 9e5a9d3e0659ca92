"""One glossary in Chinese, and no English left where Qt or a chart speaks: 货号 everywhere (never SKU),
未满足需求 (never 流失销售), Qt's file dialog fully Chinese, month names on the charts in the window's language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QLabel

from ui import i18n
from ui.widgets.date_axis import localise_months


def _translations():
    root = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts")).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), "".join(message.find("translation").itertext())


def test_every_chinese_text_says_货号_and_未满足需求():
    found = [(ctx, src, text) for ctx, src, text in _translations() if "SKU" in text or "流失销售" in text]
    assert found == []
    assert any(text == "货号" for _, src, text in _translations() if src == "SKU")


def test_qt_s_own_file_dialog_speaks_chinese(chinese):
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not [t for t in texts if any("a" <= ch.lower() <= "z" for ch in t.replace("&", "").replace("L", "")
                                        .replace("T", "").replace("N", ""))]


def test_chart_months_follow_the_window_s_language(chinese):
    assert localise_months("Mar") == "3月" and localise_months("2026 Dec") == "2026 12月"
    assert localise_months("Mar", QLocale(QLocale.Language.English)) == "Mar"
    assert localise_months("Monday 12") == "Monday 12"  # only month names change


def test_a_chart_axis_draws_chinese_month_names(qtbot, chinese):
    from datetime import datetime

    from ui.widgets.stock_chart import StockChart

    chart = StockChart()
    qtbot.addWidget(chart)
    axis = chart.plot.getAxis("bottom")
    start = datetime(2026, 1, 1).timestamp()
    chart.resize(700, 400)
    chart.plot.setXRange(start, start + 200 * 86400, padding=0)
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart.grab().isNull()  # painted: the axis has chosen its zoom level
    levels = axis.tickValues(start, start + 200 * 86400, 600)
    ticks = [t for spacing, values in levels for t in axis.tickStrings(values, 1, spacing)]
    assert ticks and all("Jan" not in t and "Feb" not in t for t in ticks)
    assert any("月" in t for t in ticks)


def test_a_posted_document_s_value_says_it_is_a_cost_not_the_amount_billed():
    """The posted lists show the stock value a document moved (cost, negative for a sale): as bare 金额 a clerk read
    a sale of 146.63 as -153.41 on the Ship screen's sales tab."""
    [text] = [text for ctx, src, text in _translations() if ctx == "PostedDocumentsModel" and src == "Value"]
    assert text == "成本金额"


def test_a_stockout_s_words_are_the_clerk_s_未交_缺货损失_and_a_second_level_of_alert_较急():
    """削减明细 (for cutting what a line has not shipped), 损失销售 (lost sales, word for word) and a bare 高
    beside 紧急 and 一般 read as translations, not as a clerk's words."""
    texts = {(ctx, src): text for ctx, src, text in _translations()}
    assert not [key for key, text in texts.items() if "削减" in text or "损失销售" in text]
    assert texts[("SalesOrders", "Cu&t line…")] == "取消未交(&T)…"
    assert texts[("Dashboard", "Lost sales")] == "缺货损失"
    assert texts[("Replenishment", "high")] == "较急"
    assert texts[("Dashboard", "critical %1 · high %2 · normal %3")] == "紧急 %1 · 较急 %2 · 一般 %3"
    assert not [key for key, text in texts.items() if "按原样" in text]  # 库存不足，暂不能确认 (was 无法按原样确认)


def test_each_document_kind_has_one_chinese_name_on_screen_and_on_paper():
    """A sale was 销售 on the Accounts screens and 销售出库 on the statement; a return to the supplier 退货给供应商 on
    screen and 采购退货 on paper: one kind of document, one name (管家婆's: 销售单, 销售退货单, 采购退货单, 收款单)."""
    from domain.accounts.statement import KIND_WORDS
    from ui.pdf.statement_labels import label
    from ui.screens.accounts.words import KINDS

    texts = {(ctx, src): text for ctx, src, text in _translations()}
    on_screen = {kind: texts[("Accounts", english)] for kind, english in KINDS.items()}
    on_paper = {kind: label(english, "zh_CN") for kind, english in KIND_WORDS.items()}
    assert on_screen == on_paper
    assert on_screen["sale"] == "销售单" and on_screen["customer_return"] == "销售退货单"


def test_the_stock_summary_and_the_return_to_the_supplier_say_the_document_kinds_names():
    """The stock summary headed a sale's column 销售出库 while the document is a 销售单 everywhere else, and the Receive
    and Purchase orders screens offered 退货给供应商 for the document that is a 采购退货单: the summary's flows are
    the documents' names without 单, and the button is 采购退货."""
    from domain.reports.model import Flow
    from ui.pdf.report_labels import label
    from ui.report_sheets import FLOW_LABELS
    from ui.screens.accounts.words import KINDS

    texts = {(ctx, src): text for ctx, src, text in _translations()}
    document = {kind: texts[("Accounts", english)] for kind, english in KINDS.items()}
    flow = {f: label(FLOW_LABELS[f], "zh_CN") for f in (Flow.RECEIPT, Flow.SUPPLIER_RETURN, Flow.SALE,
                                                        Flow.CUSTOMER_RETURN)}
    assert flow == {Flow.RECEIPT: document["goods_receipt"].removesuffix("单"),
                    Flow.SUPPLIER_RETURN: document["supplier_return"].removesuffix("单"),
                    Flow.SALE: document["sale"].removesuffix("单"),
                    Flow.CUSTOMER_RETURN: document["customer_return"].removesuffix("单")}
    assert not [key for key, text in texts.items() if "退货给供应商" in text]
    assert texts[("ReceiveScreen", "Return to &supplier…")] == "采购退货(&S)…"
    assert texts[("PurchasingScreen", "Re&turn to supplier…")] == "采购退货(&T)…"


def test_a_purchase_order_is_a_采购订单_and_an_amount_without_tax_is_不含税_everywhere():
    """The same purchase order was 采购订单 on its screen and its PDF's title, 采购单 in refusals and on the PDF's
    number (采购单号); an amount before tax was 未税金额 in one dialog, 合计税前 under the drafts, 税前合计 under the
    order list and 不含税 on the dashboard and the sales screens."""
    texts = {(ctx, src): text for ctx, src, text in _translations()}
    assert not [key for key, text in texts.items() if "采购单" in text.replace("采购单价", "")]
    assert not [key for key, text in texts.items() if "税前" in text or "未税" in text]
    assert texts[("PurchaseOrderPdf", "PO number")] == "采购订单号"
    assert texts[("PurchasingScreen", "Total before tax: %1")] == "不含税合计：%1"


def test_a_return_note_names_its_kind_采购退货单_or_销售退货单():
    """A posted return to the supplier said 已过账退货单 and offered 打印退货单, and the Ship screen's customer returns
    were 退货单 too: each says which return it is, as the Accounts screens and the statements do."""
    import re

    texts = {(ctx, src): text for ctx, src, text in _translations()}
    assert not [key for key, text in texts.items() if re.search(r"(?<!采购)(?<!销售)退货单", text)]
    assert texts[("SupplierReturn", "Print return &note")] == "打印采购退货单(&N)"
    assert texts[("SalesShip", "Print return &note")] == "打印销售退货单(&N)"
