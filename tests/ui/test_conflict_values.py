"""A conflict's versions as a clerk reads them: the record keeps an exact quantity as Decimal text ("5E+1") and a
flag as true/false; the Conflicts screen shows 50 and yes/no, and leaves what a user typed as text alone."""

from __future__ import annotations

import re

import pytest

from ui import i18n
from ui.screens.conflicts import summary
from ui.screens.conflicts import value_text


def test_exact_numbers_and_flags_read_as_a_clerk_writes_them():
    assert value_text("qty", "5E+1") == "50"
    assert value_text("unit_cost", "1.25E+2") == "125"
    assert value_text("max_level", "-4E+1") == "-40"
    assert value_text("qty", "2.50") == "2.50"  # already plain: shown as kept
    assert value_text("active", True) == "yes" and value_text("active", False) == "no"
    line = summary({"qty": "4E+1", "active": False})
    assert "=40" in line and "=no" in line and "E+" not in line and "False" not in line


@pytest.mark.parametrize("field", ["sku", "code", "number", "name", "reference"])
def test_what_a_user_typed_as_text_is_never_read_as_a_number(field):
    assert value_text(field, "5E+1") == "5E+1"


def test_the_flags_are_said_in_chinese(qapp):
    i18n.set_language("zh_CN", persist=False)
    try:
        assert value_text("active", True) == "是" and value_text("active", False) == "否"
    finally:
        i18n.set_language("en", persist=False)


def test_a_documents_lines_and_a_products_barcodes_are_named_in_chinese(qapp):
    """A child table shown as one field of a version: named as the kind of record it holds, not document_lines."""
    from types import SimpleNamespace

    from ui.screens.conflicts import side_by_side

    kept = {"number": "SD-2026-00001", "_children": {"document_lines": [{"line_no": 1, "qty": "6"}],
                                                     "sales_lines": [{"line_no": 1, "qty": "6"}]}}
    lost = {"number": "SD-2026-00001", "_children": {"document_lines": [{"line_no": 1, "qty": "4"}],
                                                     "sales_lines": [{"line_no": 1, "qty": "4"}]}}
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, rule_code="", rule_params={}, rule="",
                          detected_at=None, resolved_at=None, resolved_by="", note="", table="documents",
                          business_key="SD-2026-00001")
    i18n.set_language("zh_CN", persist=False)
    try:
        html = side_by_side(row)
        line = summary({"sku": "P1", "_children": {"barcodes": [{"barcode": "690001"}]}})
    finally:
        i18n.set_language("en", persist=False)
    assert "单据行" in html and "销售行" in html
    visible = re.sub(r"<[^>]*>", " ", html)  # the stored names only in the tooltips
    assert "document_lines" not in visible and "sales_lines" not in visible
    assert _fields_and_tooltips(html)["单据行"] == "document_lines"
    assert line.startswith("货号=P1") and "条码=" in line and "barcodes" not in line


def test_a_company_setting_changed_on_two_desks_is_named_and_shown_in_chinese(qapp):
    """A conflict of an office-wide setting (persistence.office): the setting named as the window names it, both
    values shown."""
    from types import SimpleNamespace

    from ui.screens.conflicts import kept_summary
    from ui.screens.conflicts import key_text
    from ui.screens.conflicts import lost_summary
    from ui.screens.conflicts import side_by_side

    kept = {"key": "po_tax_rate", "value": "10", "device_id": "", "version": 2, "_children": {}}
    lost = dict(kept, value="11")
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, rule_code="same_version", rule_params={},
                          rule="same version: first on hub wins", detected_at=None, resolved_at=None, resolved_by="",
                          note="", table="office_settings", business_key="po_tax_rate")
    i18n.set_language("zh_CN", persist=False)
    try:
        assert key_text(row) == "采购订单税率"
        assert "10" in kept_summary(row) and "11" in lost_summary(row)
        page = side_by_side(row)
        assert "公司设置" in page and "采购订单税率" in page and "po_tax_rate" not in page.split("</h3>")[0]
    finally:
        i18n.set_language("en", persist=False)
    assert key_text(row) == "Purchase order tax rate"


def test_the_kept_version_says_the_value_the_losing_one_would_change(qapp):
    """Two desks set one customer's credit limit: the Kept column said only "(version 2)" (none of the fields that
    name a record is a customer's terms), so the manager saw the losing 80,000 beside nothing."""
    from types import SimpleNamespace

    from ui.screens.conflicts import kept_summary
    from ui.screens.conflicts import lost_summary

    kept = {"customer_id": "01a250e3-a45a", "credit_limit": "6E+4", "discount": "3", "version": 2, "_children": {}}
    lost = dict(kept, credit_limit="8E+4")
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, table="customer_profiles", business_key="C0001")
    i18n.set_language("en", persist=False)
    shown = kept_summary(row)
    assert "60000" in shown and "(version 2)" in shown
    assert "discount" not in shown and "01a250e3" not in shown  # the same on both sides: nothing to compare
    assert "80000" in lost_summary(row)
    undone = SimpleNamespace(kept_data={"item": "01a250e8-cafd", "number": "PO-2026-00142", "amount": "1272.38"},
                             kept="", lost={"amount": "1000", "credit_item_id": "01a250eb-0985"},
                             table="allocations", business_key="PO-2026-00142")
    assert kept_summary(undone) == "Number=PO-2026-00142, Amount=1272.38"  # the item's id: its number names it


def test_an_id_both_versions_hold_alike_is_left_to_the_heading(qapp):
    """The detail of a customer's terms listed customer_id 01a250e3-… twice: the heading names the customer."""
    from types import SimpleNamespace

    from ui.screens.conflicts import side_by_side

    kept = {"customer_id": "01a250e3-a45a-7007-b29a-aa0da004ee6e", "credit_limit": "6E+4", "version": 2,
            "_children": {}}
    lost = dict(kept, credit_limit="8E+4")
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, rule_code="", rule_params={}, rule="", note="",
                          detected_at=None, resolved_at=None, resolved_by="", table="customer_profiles",
                          business_key="C0001")
    i18n.set_language("en", persist=False)
    page = side_by_side(row)
    assert "01a250e3" not in page and "C0001" in page
    assert "60000" in page and "80000" in page
    moved = dict(lost, customer_id="01a250ff-0000-7000-8000-000000000001")  # one that differs stays
    assert "01a250ff" in side_by_side(SimpleNamespace(**dict(vars(row), lost=moved)))


def _fields_and_tooltips(html: str) -> dict[str, str]:
    """The detail's first column as the reader sees it: each field's label with the tooltip it carries."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    found, block = {}, document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().toolTip():
                found[fragment.text()] = fragment.charFormat().toolTip()
            fragments += 1
        block = block.next()
    return found


@pytest.mark.parametrize(("language", "labels"), [
    ("en", {"SKU": "sku", "Name": "name", "Max level": "max_level", "Allows negative stock": "allow_negative",
            "Lead time (days)": "lead_time_days"}),
    ("zh_CN", {"货号": "sku", "名称": "name", "最高库存": "max_level", "允许负库存": "allow_negative",
               "交货期（天）": "lead_time_days"}),
])
def test_each_field_of_a_conflict_is_named_by_its_label_with_the_stored_name_only_in_a_tooltip(qapp, language, labels):
    """The Conflicts screen said sku=, max_level, allow_negative in the English window: the columns' names."""
    from types import SimpleNamespace

    from ui.screens.conflicts import kept_summary
    from ui.screens.conflicts import lost_summary
    from ui.screens.conflicts import side_by_side

    kept = {"sku": "P-1", "name": "Widget", "max_level": "5E+1", "allow_negative": False, "lead_time_days": 7,
            "version": 3, "_children": {}}
    lost = dict(kept, name="Widget, large", max_level="4E+1", allow_negative=True, lead_time_days=9, version=2)
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, rule_code="higher_version", rule_params={}, rule="",
                          detected_at=None, resolved_at=None, resolved_by="", note="", table="products",
                          business_key="P-1")
    i18n.set_language(language, persist=False)
    try:
        page, shown = side_by_side(row), kept_summary(row) + " " + lost_summary(row)
    finally:
        i18n.set_language("en", persist=False)
    version = "Version" if language == "en" else "版本"
    assert _fields_and_tooltips(page) == {**labels, version: "version"}
    body = page.split("</h3>", 1)[1]
    visible = re.sub(r"<[^>]*>", " ", body)  # the text between the tags: what the reader reads
    for name in ("sku", "max_level", "allow_negative", "lead_time_days"):
        assert name not in visible and f"{name}=" not in shown, name
    assert "version=" not in shown
    first = next(k for k, v in labels.items() if v == "name")
    assert f"{first}=Widget, large" in shown


def test_hovering_a_field_of_the_detail_shows_its_stored_name(qtbot, db, make_services, english):
    from types import SimpleNamespace

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QToolTip

    from ui.screens.conflicts import ConflictsScreen
    from ui.screens.conflicts import side_by_side

    kept = {"sku": "P-1", "max_level": "5E+1", "version": 3, "_children": {}}
    row = SimpleNamespace(kept_data=kept, kept="", lost=dict(kept, max_level="4E+1", version=2), rule_code="",
                          rule_params={}, rule="", detected_at=None, resolved_at=None, resolved_by="", note="",
                          table="products", business_key="P-1")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading)
    screen.details.setHtml(side_by_side(row))
    found = screen.details.document().find("Max level")
    point = screen.details.cursorRect(found).center()
    viewport = screen.details.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert QToolTip.text() == "max_level"
    QToolTip.hideText()


def _allocation_conflict():
    """An allocation undone by the sync (conflict 7: an invoice billing a receipt reversed on another desk), as
    ``persistence.sync.conflicts`` reads it: its versions hold item ids, ``items`` names them."""
    from types import SimpleNamespace

    from persistence.sync.conflict_items import ItemName

    receipt, match = "1f0c6a52-5e55-4d7f-9c1e-0a4d8f2b7c31", "7b9e2d10-3c4a-4e8b-a6f1-25d9c0e4b812"
    kept = {"item": receipt, "number": "PO-2026-00007", "amount": "113.00"}
    lost = {"id": "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "debit_item_id": receipt, "credit_item_id": match,
            "amount": "113.0000", "business_date": "2026-03-10", "undoes_id": None, "user": "ann",
            "created_at": 1772442000000000, "device_id": "desk-b"}
    items = {receipt: ItemName("goods_receipt", "PO-2026-00007", "NB Ningbo Fasteners", ("SCREW Screw M3",)),
             match: ItemName("invoice_match", "FP-778", "NB Ningbo Fasteners", ("SCREW Screw M3",))}
    row = SimpleNamespace(kept_data=kept, kept="", lost=lost, rule_code="", rule_params={}, rule="",
                          detected_at=None, resolved_at=None, resolved_by="", note="", table="allocations",
                          business_key="PO-2026-00007", items=items)
    return row, (receipt, match)


def test_an_allocation_conflict_names_its_items_by_number_supplier_and_product_not_by_id(qapp):
    from ui.screens.conflicts import lost_summary
    from ui.screens.conflicts import side_by_side

    row, ids = _allocation_conflict()
    i18n.set_language("en", persist=False)
    html, line = side_by_side(row), lost_summary(row)
    visible = re.sub(r"<[^>]*>", " ", html)
    assert "Goods receipt PO-2026-00007, NB Ningbo Fasteners (SCREW Screw M3)" in visible
    assert "Invoice match FP-778, NB Ningbo Fasteners (SCREW Screw M3)" in visible
    assert "Item allocated beyond its amount" in visible and "Debit item" in visible and "Credit item" in visible
    assert "Goods receipt PO-2026-00007" in line and "FP-778" in line
    assert not [i for i in ids if i in visible or i in line]


def test_an_allocation_conflicts_items_are_named_in_chinese(qapp):
    from ui.screens.conflicts import side_by_side

    row, ids = _allocation_conflict()
    i18n.set_language("zh_CN", persist=False)
    try:
        visible = re.sub(r"<[^>]*>", " ", side_by_side(row))
    finally:
        i18n.set_language("en", persist=False)
    assert "采购入库单 PO-2026-00007，NB Ningbo Fasteners（SCREW Screw M3）" in visible
    assert "发票核销 FP-778，NB Ningbo Fasteners（SCREW Screw M3）" in visible
    assert "核销超出金额的款项" in visible and "借方款项" in visible
    assert not [i for i in ids if i in visible]
