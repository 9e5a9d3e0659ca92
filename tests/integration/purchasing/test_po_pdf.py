"""The purchase-order PDF: text extracted with pypdf, the embedded font, pages, paper size."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing.snapshot import Party
from domain.purchasing.snapshot import PoSnapshot
from domain.purchasing.snapshot import SnapshotLine
from tests.pdf_codes import broken_codes
from ui.pdf.base import paper_for
from ui.pdf.purchase_order import render_purchase_order

D = Decimal
NAMES = ("不锈钢内六角螺丝 M3×10", "Hex nut M4 镀锌六角螺母", "尼龙扎带 4×200mm 白色", "Cable gland PG7 电缆接头")
HEADER = ("Our SKU", "Supplier SKU", "Description", "Unit price", "Amount")


def snapshot(n: int, *, terms: str = "", notes: str = "") -> PoSnapshot:
    lines = []
    for i in range(1, n + 1):
        pack = D(12) if i % 3 == 0 else D(1)
        qty = D(i * 12) if pack != 1 else D(i) + D("0.5")
        price = D("8.40") if pack != 1 else D("0.125")
        amount = (price * qty / pack).quantize(D("0.01"))
        lines.append(SnapshotLine(i, f"SKU-{i:05d}", f"SUP-{i:04d}", NAMES[i % 4], qty, "pcs", pack, qty / pack,
                                  price, "pack" if pack != 1 else "unit", amount))
    subtotal = sum((x.amount for x in lines), D(0))
    tax = (subtotal * D(13) / 100).quantize(D("0.01"))
    return PoSnapshot(
        "PO-2026-00042", 0, "2026-03-02", "2026-03-12", "CNY",
        Party("星辰贸易有限公司", "深圳市南山区科技园 88 号"),
        Party("宁波紧固件有限公司", "浙江省宁波市江北区 123 号", "NB", "王经理", "月结 30 天"),
        Party("主仓库 Main", "深圳市宝安区仓库路 5 号", "MAIN"), tuple(lines), subtotal, D(13), tax, subtotal + tax,
        terms=terms, notes=notes,
    )


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def test_the_pdf_carries_the_po_number_the_chinese_names_and_the_right_totals():
    snap = snapshot(8)
    text = "\n".join(pages_text(render_purchase_order(snap)))
    assert "PO-2026-00042" in text
    names = ("不锈钢内六角螺丝", "镀锌六角螺母", "尼龙扎带", "宁波紧固件有限公司", "星辰贸易有限公司", "月结 30 天")
    for name in names:
        assert name in text
    # packs: 8.40 × (3 + 6) = 75.60; units: 0.125 × 1.5, 2.5, 4.5, 5.5, 7.5, 8.5 rounded per line = 3.75
    assert (snap.subtotal, snap.tax, snap.total) == (D("79.35"), D("10.32"), D("89.67"))
    for figure in ("79.35", "10.32", "89.67", "25.20", "0.19", "1.06"):
        assert figure in text
    assert "Total CNY" in text and "Tax 13%" in text


def test_a_cny_po_prints_its_grand_total_in_chinese_capitals_under_the_totals():
    text = "\n".join(pages_text(render_purchase_order(snapshot(8))))
    assert "金额大写 / Amount in words: 人民币捌拾玖元陆角柒分" in text  # 89.67
    assert text.index("89.67") < text.index("金额大写")


@pytest.mark.parametrize(("total", "words"), [("1504.70", "壹仟伍佰零肆元柒角整"), ("100100.00", "壹拾万零壹佰元整"),
                                             ("1504.07", "壹仟伍佰零肆元零柒分")])
def test_the_capitals_are_those_of_the_printed_total(total, words):
    snap = replace(snapshot(1), total=D(total))
    text = "".join(pages_text(render_purchase_order(snap))).replace("\n", "")
    assert f"人民币{words}" in text


def test_a_po_in_another_currency_prints_no_capitals():
    text = "".join(pages_text(render_purchase_order(replace(snapshot(3), currency="USD"))))
    assert "Total USD" in text
    assert "金额大写" not in text and "元" not in text


def test_a_300_line_po_spans_several_pages_with_the_table_header_and_page_x_of_y_on_each():
    pages = pages_text(render_purchase_order(snapshot(300)))
    assert len(pages) >= 5
    for n, text in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in text
        assert "PO-2026-00042" in text
    for text in pages[:-1]:  # the last page may hold only totals, terms and the signature
        assert all(label in text for label in HEADER)
    everything = "\n".join(pages)
    assert "SKU-00001" in everything and "SKU-00300" in everything


def test_long_terms_and_notes_wrap_onto_further_pages_instead_of_being_cut():
    sentence = "Goods must be packed in cartons of no more than 20 kg; 货物须按规格包装，每箱不超过二十公斤。"
    terms = "\n\n".join(f"{i}. {sentence * 3}" for i in range(1, 40))
    pages = pages_text(render_purchase_order(snapshot(3, terms=terms, notes="周一至周五送货 END-OF-NOTES")))
    assert len(pages) >= 2
    everything = "".join(pages).replace("\n", "")
    assert "39. Goods must be packed" in everything
    assert "END-OF-NOTES" in everything
    assert "Authorised signature" in pages[-1]


def test_the_cjk_font_is_embedded_so_chinese_prints_without_fonts_installed():
    reader = PdfReader(BytesIO(render_purchase_order(snapshot(2))))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    cjk = [f for name, f in fonts.items() if "WenQuanYiMicroHei" in name]
    assert cjk, fonts.keys()
    descriptor = cjk[0]["/FontDescriptor"].get_object()
    assert "/FontFile2" in descriptor  # an embedded TrueType subset
    assert all("WenQuanYiMicroHei" in name for name in fonts)  # no unembedded base-14 or CID font at all


@pytest.mark.parametrize(("locale_name", "width"), [("en_US.UTF-8", 612), ("fr_CA", 612), ("zh_CN.UTF-8", 595),
                                                   ("en_GB", 595), (None, 595)])
def test_letter_paper_for_us_and_canada_and_a4_elsewhere(locale_name, width):
    assert round(paper_for(locale_name)[0]) == width
    page = PdfReader(BytesIO(render_purchase_order(snapshot(1), locale_name))).pages[0]
    assert round(float(page.mediabox.width)) == width


def test_an_issued_po_from_the_database_prints_its_frozen_snapshot(db):
    u = db.uow
    db.set_setting("company_name", "星辰贸易 Stockroom Ltd")
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main", address="深圳市宝安区"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件", address="宁波市"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    po = po_uc.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN", terms="月结 30 天"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(po.id, "SCREW", "1000", "0.0825"))
    draft_text = "".join(pages_text(render_purchase_order(po_uc.load_snapshot(u(), po.id))))
    assert "DRAFT" in draft_text
    number = po_uc.issue(u(), pc.IssuePurchaseOrder(po.id, datetime(2026, 3, 2, tzinfo=UTC))).number
    text = "".join(pages_text(render_purchase_order(po_uc.load_snapshot(u(), number))))
    assert number in text and "2026-03-02" in text
    assert "不锈钢螺丝 M3" in text and "星辰贸易 Stockroom Ltd" in text and "深圳市宝安区" in text
    assert "82.50" in text and "10.73" in text and "93.23" in text  # 1000 × 0.0825, 13% tax, total


def test_a_company_logo_is_printed_when_one_is_given():
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (120, 60), (31, 58, 95)).save(buffer, "PNG")
    plain = PdfReader(BytesIO(render_purchase_order(snapshot(1)))).pages[0]
    with_logo = PdfReader(BytesIO(render_purchase_order(snapshot(1), logo=buffer.getvalue()))).pages[0]
    def images(page):
        return [x for x in page["/Resources"].get("/XObject", {}).values() if x.get_object()["/Subtype"] == "/Image"]
    assert images(plain) == []
    assert len(images(with_logo)) == 1


LONG_CODES = ("BK-2231-XL", "456-HW018-05", "NB-FAST-M3X10-SS304-BLK", "ZT4200WHITE100PCS", "A.1/2:3_4#5")


def with_codes(snap: PoSnapshot, codes: tuple[str, ...]) -> PoSnapshot:
    lines = tuple(replace(line, sku=f"SKU-{i:05d}-{codes[i % len(codes)]}", supplier_sku=codes[i % len(codes)])
                  for i, line in enumerate(snap.lines))
    return replace(snap, lines=lines)


@pytest.mark.parametrize("locale_name", [None, "en_US"])
def test_supplier_and_our_skus_are_never_broken_mid_code(locale_name):
    """A code is copied from the paper character by character: it prints on one line (its column widened, or its
    type smaller), or breaks after a '-', '/', '.' only. The Supplier SKU column broke 456-HW018-05 as
    '456-HW018-0' above '5'."""
    snap = with_codes(snapshot(12), LONG_CODES)
    text = "\n".join(pages_text(render_purchase_order(snap, locale_name)))
    assert broken_codes([line.supplier_sku for line in snap.lines], text) == []
    assert broken_codes([line.sku for line in snap.lines], text) == []
    for code in ("BK-2231-XL", "456-HW018-05", "ZT4200WHITE100PCS"):  # short enough for one line
        assert any(code in row for row in text.split("\n")), code


def test_long_codes_leave_the_chinese_description_wrapping_in_the_cjk_font():
    name = "加厚型工业级防水防尘户外电缆接头（含密封圈与锁紧螺母）PG7 黑色"
    snap = with_codes(snapshot(3), ("NB-FAST-M3X10-SS304-BLK-EXTRA-LONG-CODE",))
    snap = replace(snap, lines=tuple(replace(line, description=name) for line in snap.lines))
    data = render_purchase_order(snap)
    text = pages_text(data)[0]
    assert not any(name in row for row in text.split("\n"))  # wrapped inside its cell
    assert name.replace(" ", "") in text.replace("\n", "").replace(" ", "")
    page = PdfReader(BytesIO(data)).pages[0]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("WenQuanYiMicroHei" in f for f in fonts), fonts  # the codes' smaller type too


def test_a_draft_prints_its_placeholder_number_in_the_reader_s_language():
    """A draft has no number yet: its 'DRAFT' printed in English on a Chinese PO (number box, footer, the header
    of the later pages)."""
    from domain.purchasing.snapshot import DRAFT_NUMBER

    words = {"DRAFT": "草稿", "PO number": "采购单号", "Purchase order": "采购订单", "continued": "续",
             "DRAFT — not valid as an order": "草稿——不作为正式订单"}
    draft = replace(snapshot(60), number=DRAFT_NUMBER)
    pages = pages_text(render_purchase_order(draft, "zh_CN.UTF-8", tr=lambda text: words.get(text, text)))
    assert len(pages) > 1
    assert all("DRAFT" not in page for page in pages)
    assert "采购单号\n草稿" in pages[0] and all("采购订单 草稿" in page for page in pages)


@pytest.mark.parametrize(("language", "subtotal", "header"), [("en", "Subtotal", "Our SKU"),
                                                              ("zh_CN", "小计", "我方货号")])
def test_the_totals_never_stand_alone_on_a_page_they_go_over_with_the_last_lines_under_the_header(
        language, subtotal, header):
    from ui.i18n import label_translator

    tr = label_translator(language, "PurchaseOrderPdf")
    two_pages = 0
    for n in range(8, 22):  # across the first page's end: 13 to 18 lines put the totals alone on page 2
        snap = snapshot(n)
        pages = pages_text(render_purchase_order(snap, tr=tr))
        [page] = [text for text in pages if subtotal in text]
        last_three = [line.sku for line in snap.lines[-3:]]
        assert all(sku in page for sku in last_three), (n, page)
        assert header in page  # the header row is printed over lines that begin a page
        two_pages += len(pages) == 2
    assert two_pages  # the range does cross a page's end


@pytest.mark.parametrize(("language", "notes", "signature"), [("en", "Notes", "Authorised signature"),
                                                          ("zh_CN", "备注", "授权签字")])
def test_the_signature_goes_over_with_the_last_note_and_a_heading_with_its_text(language, notes, signature):
    from ui.i18n import label_translator

    tr = label_translator(language, "PurchaseOrderPdf")
    for n in range(6, 16):  # across the first page's end
        pages = pages_text(render_purchase_order(snapshot(n, terms="Net 30 days.\n\nDeliver to dock 3.",
                                                          notes="Call before delivery."), tr=tr))
        [page] = [text for text in pages if "Call before delivery." in text]
        assert notes in page and signature in page, (n, pages)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_new_company_without_a_name_prints_no_invented_name_only_its_address(db, language):
    """A database made by ``init`` has no company name until one is set: its PO printed "Stockroom Trading Co.",
    a name the supplier would take for the buyer's. It prints none (the address alone, the footer without it)."""
    from ui.i18n import label_translator

    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    po = po_uc.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(po.id, "SCREW", "10", "2"))
    number = po_uc.issue(u(), pc.IssuePurchaseOrder(po.id, datetime(2026, 3, 2, tzinfo=UTC))).number
    snap = po_uc.load_snapshot(u(), number)
    assert snap.company == Party("", "")
    [text] = pages_text(render_purchase_order(snap, tr=label_translator(language, "PurchaseOrderPdf")))
    assert "Stockroom" not in text and number in text
    footer = {"en": "Purchase order", "zh_CN": "采购订单"}[language]
    assert f"{footer} {number}" in text.splitlines()  # the footer: no name, and no "·" before the document
    db.set_setting("company_address", "深圳市南山区科技园 88 号")
    draft = po_uc.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN"))
    [text] = pages_text(render_purchase_order(po_uc.load_snapshot(u(), draft.id)))
    assert "深圳市南山区科技园 88 号" in text and "Stockroom" not in text


@pytest.mark.parametrize(("language", "locale_name"), [("en", None), ("zh_CN", "zh_CN.UTF-8")])
def test_a_line_s_unit_price_prints_on_one_line_so_a_70_line_po_takes_three_pages(language, locale_name):
    """The price printed above its unit ("19.83" over "/ pcs") made every row two lines high: a 70-line order took
    four pages. The price column is as wide as its widest price with its unit, taken from the description."""
    from ui.i18n import label_translator

    snap = snapshot(70)
    lines = tuple(replace(line, pack_size=D(1), packs=line.qty, price=D("19.83"), price_per="unit",
                          amount=(D("19.83") * line.qty).quantize(D("0.01"))) for line in snap.lines)
    subtotal = sum((line.amount for line in lines), D(0))
    tax = (subtotal * D(13) / 100).quantize(D("0.01"))
    snap = replace(snap, lines=lines, subtotal=subtotal, tax=tax, total=subtotal + tax)
    pages = pages_text(render_purchase_order(snap, locale_name, tr=label_translator(language, "PurchaseOrderPdf")))
    assert len(pages) <= 3
    assert sum(page.split("\n").count("19.83 / pcs") for page in pages) == 70  # each price on one line
    page_of = {"en": "Page {} of {}", "zh_CN": "第 {} 页，共 {} 页"}[language]
    assert all(page_of.format(n, len(pages)) in text for n, text in enumerate(pages, 1))
    assert f"{subtotal + tax:,}" in pages[-1]


def test_a_quantity_that_is_a_whole_number_of_cartons_prints_them_too_and_the_issued_snapshot_keeps_it(db):
    from domain.catalog import packaging

    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波日化"))
    catalog.add_product(u(), c.AddProduct("XJJ", "洗洁精", unit="瓶"))
    catalog.add_product(u(), c.AddProduct("SOAP", "香皂", unit="块"))
    packaging.add_pack_unit(u(), c.AddPackUnit("XJJ", c.PackUnitInput("箱", "12", ())))
    packaging.add_pack_unit(u(), c.AddPackUnit("SOAP", c.PackUnitInput("箱", "48", ())))
    po = po_uc.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(po.id, "XJJ", "120", "8"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(po.id, "SOAP", "50", "2"))  # not a whole number of cartons
    number = po_uc.issue(u(), pc.IssuePurchaseOrder(po.id, datetime(2026, 3, 2, tzinfo=UTC))).number
    packaging.remove_pack_unit(u(), c.RemovePackUnit("XJJ", "箱"))  # the issued order keeps what it said
    snap = po_uc.load_snapshot(u(), number)
    assert [x.in_packs for x in snap.lines] == ["10 箱", ""]
    text = "".join(pages_text(render_purchase_order(snap)))
    assert "120 瓶" in text and "(10 箱)" in text and "箱)" not in text.split("(10 箱)")[1]
