"""The sales documents in PDF: every kind in both languages, text extracted with pypdf, pages, capitals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.sales.printing import ArrivalNotice
from domain.sales.printing import DocumentKind
from domain.sales.printing import NoticeLine
from domain.sales.printing import PartyBlock
from domain.sales.printing import PrintLine
from domain.sales.printing import SalesPrint
from domain.sales.printing import ToComeLine
from domain.sales.printing import Totals
from tests.pdf_codes import broken_codes
from ui.pdf.sales import DELIVERY
from ui.pdf.sales import NOTICE
from ui.pdf.sales import PRICED
from ui.pdf.sales import QUANTITIES
from ui.pdf.sales import SIGNATURES
from ui.pdf.sales import TO_COME
from ui.pdf.sales import render_arrival_notice
from ui.pdf.sales import render_sales_document
from ui.pdf.sales_labels import ZH_CN
from ui.pdf.sales_labels import label as say

D = Decimal
CENT = D("0.01")
NAMES = ("不锈钢内六角螺丝 M3×10", "Hex nut M4 镀锌六角螺母", "尼龙扎带 4×200mm 白色",
         "加厚型工业级防水防尘户外电缆接头（含密封圈与锁紧螺母）PG7 黑色 Cable gland with seal and lock nut")
COMPANY = PartyBlock("星辰贸易有限公司 Stellar Trading Ltd", address="深圳市南山区科技园 88 号", phone="0755-1234 5678",
                     tax_id="91440300MA5XXXXX1Q")
CUSTOMER = PartyBlock("杭州明远五金机电有限公司", "MY01", "浙江省杭州市余杭区文一西路 998 号", "李小姐",
                      "0571-8888 0000", payment_terms="月结 30 天")
SUPPLIER = PartyBlock("宁波紧固件有限公司", "NB", "浙江省宁波市江北区 123 号", "王经理")
WAREHOUSE = PartyBlock("主仓库 Main", "MAIN", "深圳市宝安区仓库路 5 号")
KINDS = list(DocumentKind)
NUMBERS = {DocumentKind.ORDER_CONFIRMATION: "SO-2026-00042", DocumentKind.DELIVERY_NOTE: "SHP-2026-00031",
           DocumentKind.SALES_INVOICE: "SHP-2026-00031", DocumentKind.CUSTOMER_RETURN: "RTC-2026-00002",
           DocumentKind.SUPPLIER_RETURN: "RTS-2026-00005", DocumentKind.GOODS_RECEIPT: "GR-2026-00005"}
LANGUAGES = ("en", "zh_CN")


def lines(n: int) -> tuple[PrintLine, ...]:
    """n lines: quantity i, price 12.50 + i, 5 % off every third line, 13 % tax (9 % on every fourth)."""
    out = []
    for i in range(1, n + 1):
        price = D("12.50") + i
        discount = D(5) if i % 3 == 0 else D(0)
        amount = (D(i) * price * (100 - discount) / 100).quantize(CENT)
        note = "包装破损 damaged box" if i % 7 == 0 else ""
        out.append(PrintLine(i, f"SKU-{i:05d}", NAMES[i % 4], "pcs", D(i), price, discount,
                             D(9) if i % 4 == 0 else D(13), amount, note))
    return tuple(out)


def document(kind: DocumentKind, n: int = 45, **changes) -> SalesPrint:
    """A document of ``kind`` with ``n`` lines and the fields that kind carries in real use."""
    printed = lines(n)
    without = sum((x.amount for x in printed), D(0))
    tax = sum(((x.amount * x.tax_pct / 100).quantize(CENT) for x in printed), D(0))
    fields: dict = {"note": "周一至周五 9:00–17:00 送货。Deliveries Monday to Friday."}
    if kind in (DocumentKind.ORDER_CONFIRMATION, DocumentKind.DELIVERY_NOTE):
        fields["requested_on"] = date(2026, 3, 9)
    if kind is DocumentKind.SALES_INVOICE:
        fields["due_on"] = date(2026, 4, 1)
    if kind is DocumentKind.CUSTOMER_RETURN:
        fields |= {"source_number": "SHP-2026-00007", "reason": "运输途中包装破损，客户拒收。Damaged in transit."}
    if kind is DocumentKind.SUPPLIER_RETURN:
        fields |= {"source_number": "RCV-2026-00003", "reason": "质量不合格 Failed inspection"}
    from_supplier = kind in (DocumentKind.SUPPLIER_RETURN, DocumentKind.GOODS_RECEIPT)
    partner = SUPPLIER if from_supplier else CUSTOMER
    order = "PO-2026-00012" if from_supplier else "SO-2026-00042"
    doc = SalesPrint(kind, NUMBERS[kind], date(2026, 3, 2), COMPANY, partner, WAREHOUSE, printed,
                     Totals(without, tax, without + tax), order_number=order, **fields)
    return replace(doc, **changes)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def flat(pages: list[str]) -> str:
    return "".join(pages).replace("\n", "")


def test_the_test_document_has_the_totals_worked_out_by_hand():
    doc = document(DocumentKind.SALES_INVOICE)
    # Σ i·(12.50+i) for i=1..45 = 12.50·1035 + 31395 = 44332.50; less 5 % on i = 3, 6, …, 45
    # (Σ i·(12.50+i) over those = 12.50·360 + 11160 = 15660.00, 5 % of it 783.00) → 43549.50
    assert doc.totals.without_tax == D("43549.50")
    assert (doc.totals.tax, doc.totals.with_tax) == (D("5211.42"), D("48760.92"))  # 9 % or 13 % per line


PAGES = {DocumentKind.DELIVERY_NOTE: 2}  # quantities only: shorter rows; the others: 2 pages of lines, then totals
HEADERS = {"en": ("SKU", "Name", "Qty"), "zh_CN": ("货号", "品名", "数量")}
# (an English header breaks between its words in even lines: "Amount" above "excl. tax", ui.pdf.headers)
PRICE_HEADERS = {"en": ("Unit price", "excl. tax"), "zh_CN": ("不含税单价", "不含税金额")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_prints_its_lines_and_totals_over_pages_with_the_header_and_page_numbers(kind, language):
    doc = document(kind)
    pages = pages_text(render_sales_document(doc, language))
    total = PAGES.get(kind, 3)
    assert len(pages) == total
    for n, page in enumerate(pages, 1):
        assert f"第 {n} / {total} 页 · Page {n} of {total}" in page
        assert doc.number in page and "星辰贸易有限公司 Stellar Trading Ltd" in page  # the footer
    for page in pages:  # every page has lines, under the table's header: the last three go with the totals
        assert all(label in page for label in HEADERS[language])
        if doc.prints_prices:
            assert all(label in page.replace("\n", "") for label in PRICE_HEADERS[language])
    assert doc.partner.name in pages[1]  # the running head of a later page
    last = pages[-1]
    assert "SKU-00043" in last and "SKU-00045" in last
    assert all(say(name, language) in last for name in SIGNATURES[kind])
    if total == 3:
        assert "SKU-00042" not in last
    text = flat(pages)
    assert doc.partner.name in text and "主仓库 Main" in text and "浙江省" in text
    for i in (1, 17, 45):
        assert f"SKU-{i:05d}" in text
    if kind is DocumentKind.DELIVERY_NOTE:  # quantities only unless asked
        assert "43,549.50" not in text and "13.50" not in text and "人民币" not in text
        count = "Lines: 45 · Total quantity: 1,035 pcs" if language == "en" else "行数：45 · 数量合计：1,035 pcs"
        assert count in text
    else:
        for figure in ("43,549.50", "5,211.42", "48,760.92", "13.50", "57.50", "2,486.00", "2,458.12"):
            assert figure in text  # the totals, line 1's and line 45's prices, lines 44's and 45's amounts
        label = "Amount in words: " if language == "en" else "金额大写："
        assert label + "人民币肆万捌仟柒佰陆拾元玖角贰分" in text  # 48,760.92


@pytest.mark.parametrize("kind", KINDS)
def test_a_chinese_document_is_in_chinese_and_an_english_one_in_english(kind):
    zh = flat(pages_text(render_sales_document(document(kind), "zh_CN")))
    en = flat(pages_text(render_sales_document(document(kind), "en")))
    titles = {DocumentKind.ORDER_CONFIRMATION: ("销售订单确认", "SALES ORDER CONFIRMATION"),
              DocumentKind.DELIVERY_NOTE: ("送货单", "DELIVERY NOTE"),
              DocumentKind.SALES_INVOICE: ("销售单", "SALES INVOICE"),
              DocumentKind.CUSTOMER_RETURN: ("销售退货单", "CUSTOMER RETURN NOTE"),
              DocumentKind.SUPPLIER_RETURN: ("采购退货单", "SUPPLIER RETURN NOTE"),
              DocumentKind.GOODS_RECEIPT: ("采购入库单", "GOODS RECEIPT NOTE")}
    chinese, english = titles[kind]
    assert chinese in zh and english not in zh
    assert english in en
    for word in ("Date", "Remarks", "Total with tax", "Amount in words", "Received by", "continued", "Code:"):
        assert word not in zh
    assert "日期" in zh and "编号：" in zh and "(续)" in zh


@pytest.mark.parametrize(("language", "count"), [
    ("en", "Lines: 3 · Total quantity: 5 pcs, 2 set"), ("zh_CN", "行数：3 · 数量合计：5 pcs，2 set")])
def test_a_delivery_note_of_several_units_totals_the_quantity_of_each(language, count):
    """Lines in pieces and sets printed 行数 and no total quantity at all: the receiver had nothing to check."""
    printed = tuple(replace(x, unit="set" if x.line_no == 2 else "pcs") for x in lines(3))  # 1 + 3 pcs, 2 set
    printed = (*printed[:2], replace(printed[2], qty=D(4)))
    text = flat(pages_text(render_sales_document(document(DocumentKind.DELIVERY_NOTE, lines=printed), language)))
    assert count in text


def test_a_delivery_note_has_lines_to_sign_for_who_delivered_who_received_and_when():
    pages = pages_text(render_sales_document(document(DocumentKind.DELIVERY_NOTE), "zh_CN"))
    last = pages[-1]
    assert "送货人" in last and "收货人" in last and "日期" in last and "实收数量" in pages[0]
    assert last.index("送货人") < last.index("收货人") < last.rindex("日期")
    english = pages_text(render_sales_document(document(DocumentKind.DELIVERY_NOTE), "en"))[-1]
    assert "Delivered by" in english and "Received by" in english


def test_a_delivery_note_prints_prices_and_capitals_when_the_caller_asks():
    text = flat(pages_text(render_sales_document(document(DocumentKind.DELIVERY_NOTE, with_prices=True), "zh_CN")))
    assert "48,760.92" in text and "金额大写：人民币肆万捌仟柒佰陆拾元玖角贰分" in text
    assert "送货人" in text


def test_the_references_and_reason_of_a_return_are_printed():
    customer = flat(pages_text(render_sales_document(document(DocumentKind.CUSTOMER_RETURN), "zh_CN")))
    assert "出库单SHP-2026-00007" in customer and "销售订单SO-2026-00042" in customer
    assert "退货原因" in customer and "运输途中包装破损，客户拒收。" in customer and "退货入库仓库" in customer
    supplier = flat(pages_text(render_sales_document(document(DocumentKind.SUPPLIER_RETURN), "en")))
    assert "ReceiptRCV-2026-00003" in supplier and "Purchase orderPO-2026-00012" in supplier
    assert "Failed inspection" in supplier and "Supplier received by" in supplier


def test_a_long_chinese_name_wraps_inside_its_cell_and_is_printed_whole():
    page = pages_text(render_sales_document(document(DocumentKind.SALES_INVOICE, n=3), "zh_CN"))[0]
    rows = page.split("\n")
    assert not any(NAMES[3] in row for row in rows)  # not on one line: it wrapped
    assert NAMES[3].replace(" ", "") in page.replace("\n", "").replace(" ", "")


def test_a_short_document_fits_one_page():
    pages = pages_text(render_sales_document(document(DocumentKind.SALES_INVOICE, n=5), "en"))
    assert len(pages) == 1 and "第 1 / 1 页 · Page 1 of 1" in pages[0]


def test_a_total_in_another_currency_prints_no_capitals():
    text = flat(pages_text(render_sales_document(document(DocumentKind.SALES_INVOICE, n=3, currency="USD"), "en")))
    assert "Total with tax USD" in text and "Amount in words" not in text and "人民币" not in text


@pytest.mark.parametrize(("total", "words"), [("1504.70", "壹仟伍佰零肆元柒角整"), ("100100", "壹拾万零壹佰元整"),
                                             ("0", "零元整"), ("1504.07", "壹仟伍佰零肆元零柒分")])
def test_the_capitals_are_those_of_the_total_with_tax(total, words):
    doc = document(DocumentKind.ORDER_CONFIRMATION, n=1, totals=Totals(D(total), D(0), D(total)))
    assert f"人民币{words}" in flat(pages_text(render_sales_document(doc, "zh_CN")))


def test_an_unknown_language_is_refused_naming_those_that_are_printed():
    with pytest.raises(ValueError, match="'fr' is not a language the documents print in; use 'en'"):
        render_sales_document(document(DocumentKind.SALES_INVOICE, n=1), "fr")


def test_the_chinese_labels_are_kept_sorted_none_empty_and_say_huohao_for_sku():
    assert list(ZH_CN) == sorted(ZH_CN)
    assert all(text.strip() for text in ZH_CN.values())
    assert "SKU" not in "".join(ZH_CN.values())


def notice(n: int) -> ArrivalNotice:
    rows = tuple(NoticeLine(f"SKU-{i:05d}", NAMES[i % 4], "pcs", D(i), date(2026, 2, 1 + i % 28),
                            f"SO-2026-{i:05d}", date(2026, 3, 1 + i % 28) if i % 2 else None) for i in range(1, n + 1))
    return ArrivalNotice("BO-2026-0003", date(2026, 3, 2), COMPANY, CUSTOMER, rows, note="如有疑问请致电销售部。")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_arrival_notice_lists_what_the_customer_is_owed_and_when_it_arrives(language):
    pages = pages_text(render_arrival_notice(notice(48), language))
    assert len(pages) == 2
    for n, page in enumerate(pages, 1):
        assert f"第 {n} / 2 页 · Page {n} of 2" in page and CUSTOMER.name in page
        assert all(label in page for label in HEADERS[language][:2])
    text = flat(pages)
    assert ("ARRIVAL NOTICE" if language == "en" else "到货通知") in text
    assert "SKU-00001" in text and "SKU-00048" in text and "SO-2026-00048" in text
    unscheduled = "not yet scheduled" if language == "en" else "尚未排期"
    assert text.count(unscheduled) == 24  # every even line has no arrival date
    assert "2026-03-02" in text and "2026-02-02" in text  # line 1: expected 03-02, since 02-02
    assert "如有疑问请致电销售部。" in text and "人民币" not in text


@pytest.mark.parametrize("shares", [PRICED, QUANTITIES, DELIVERY, NOTICE, TO_COME])
def test_the_columns_of_every_table_fill_the_frame_and_no_more(shares):
    assert sum(shares) == pytest.approx(1)


def test_a_note_longer_than_a_page_flows_on_and_every_line_is_still_printed():
    sentence = "退货商品须保持原包装完好，附原始单据；Returned goods must be in their original packing. "
    note = "\n\n".join(f"{i}. {sentence * 3}" for i in range(1, 45))
    pages = pages_text(render_sales_document(document(DocumentKind.CUSTOMER_RETURN, note=note), "zh_CN"))
    text = flat(pages)
    assert "44. 退货商品须保持原包装完好" in text and "SKU-00045" in text and "退货人" in pages[-1]
    for n, page in enumerate(pages, 1):
        assert f"第 {n} / {len(pages)} 页" in page


def test_letter_paper_for_a_us_locale():
    page = PdfReader(BytesIO(render_sales_document(document(DocumentKind.SALES_INVOICE, n=3), "en", "en_US"))).pages[0]
    assert round(float(page.mediabox.width)) == 612


LONG_SKUS = ("BK-2231-XL", "456-HW018-05", "NB-FAST-M3X10-SS304-BLK", "ZT4200WHITE100PCS", "GLAND-PG7/BLK.SEAL")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_skus_are_never_broken_mid_code_and_long_chinese_names_still_wrap(kind, language):
    """Every sales document prints its SKUs as the purchase order does (ui.pdf.cells): whole on one line, smaller,
    or broken after a separator only; the Chinese names beside them still wrap inside their cell."""
    printed = tuple(replace(line, sku=f"{LONG_SKUS[i % len(LONG_SKUS)]}-{i:03d}")
                    for i, line in enumerate(lines(10)))
    text = "\n".join(pages_text(render_sales_document(document(kind, n=10, lines=printed), language)))
    assert broken_codes([line.sku for line in printed], text) == []
    assert not any(NAMES[3] in row for row in text.split("\n"))
    assert NAMES[3].replace(" ", "") in text.replace("\n", "").replace(" ", "")


def test_an_arrival_notice_prints_its_skus_and_order_numbers_whole():
    base = notice(6)
    owed = tuple(replace(line, sku=f"{LONG_SKUS[i % len(LONG_SKUS)]}-{i:03d}", order_number=f"SO-2026-{i:05d}-B")
                 for i, line in enumerate(base.lines))
    text = "\n".join(pages_text(render_arrival_notice(replace(base, lines=owed), "zh_CN")))
    assert broken_codes([line.sku for line in owed] + [line.order_number for line in owed], text) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_order_confirmation_says_what_of_a_line_waits_and_until_when(language):
    """The customer's confirmation of a short order printed its 60 as if all would come: the 20 on backorder and the
    date the purchase order brings them were on the screen only."""
    first, second, third = lines(3)
    doc = document(DocumentKind.ORDER_CONFIRMATION, lines=(
        replace(first, backorder=D(20), arrival=date(2026, 3, 15)), replace(second, backorder=D(2)), third))
    text = flat(pages_text(render_sales_document(doc, language)))
    waits = say("%1 on backorder, expected by %2", language).replace("%1", "20").replace("%2", "2026-03-15")
    later = say("%1 on backorder, arrival date to follow", language).replace("%1", "2")
    assert waits in text and later in text
    assert text.count(waits) == 1 and text.count(later) == 1  # the third line waits for nothing



@pytest.mark.parametrize("language", LANGUAGES)
def test_a_delivery_note_lists_under_its_lines_what_stays_on_backorder(language):
    """A partial shipment's 送货单 listed what went only: the customer took it for the whole order."""
    doc = document(DocumentKind.DELIVERY_NOTE, n=3, to_come=(
        ToComeLine(2, "CL002-03", "洗衣液 2kg 薰衣草香", "瓶", D(13), D(13), date(2026, 3, 20)),
        ToComeLine(5, "GR008-01", "食盐 400g", "袋", D(4), D(4)),
        ToComeLine(6, "GR008-02", "食盐 1kg", "袋", D(1))))
    text = flat(pages_text(render_sales_document(doc, language)))
    title = say("Still to come", language)
    assert title == ("待发货" if language == "zh_CN" else "Still to come") and title in text
    after = text[text.index(title):]
    assert "CL002-03" in after and "洗衣液 2kg 薰衣草香" in after and "2026-03-20" in after
    assert say("not yet scheduled", language) in after and say("in stock, ships next", language) in after
    assert text.index(title) > text.index("SKU-00003")  # under the lines shipped
    assert say("Still to come", language) not in flat(pages_text(render_sales_document(
        document(DocumentKind.DELIVERY_NOTE, n=3), language)))
