"""A record kept aside by sync is said in the reader's language from its code (ui.sync_reasons): every
code has its template and its Chinese, and the Conflicts screen and the status bar say a real refusal
in Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from persistence import sync
from persistence.sync import reasons
from ui.sync_reasons import REASONS
from ui.sync_reasons import reason_text


def test_every_reason_code_has_exactly_one_template_in_the_window():
    assert set(REASONS) == set(reasons.ENGLISH)
    assert reasons.APPROVAL <= set(reasons.ENGLISH)


@pytest.mark.parametrize("code", sorted(REASONS))
def test_in_english_the_window_says_what_the_sync_says(english, code):
    names = re.findall(r"\{(\w+)\}", reasons.ENGLISH[code])
    assert sorted(set(names)) == sorted(REASONS[code].params)
    places = {int(n) for n in re.findall(r"%(\d+)", REASONS[code].text)}
    assert places == set(range(1, len(REASONS[code].params) + 1))
    values = {name: f"v{i}" for i, name in enumerate(names)}
    if "role" in values:  # a role is said as the window names roles
        values["role"] = "admin"
    said = reasons.reason(code, **values)
    assert reason_text(said.code, said.params, "") == str(said).replace("(admin)", "(Admin)")


@pytest.mark.parametrize("code", sorted(REASONS))
def test_each_reason_has_its_chinese(chinese, code):
    template = REASONS[code]
    chinese_text = QCoreApplication.translate(template.context, template.text)
    assert chinese_text != template.text or code == "field_rule"
    assert set(re.findall(r"%\d+", chinese_text)) == set(re.findall(r"%\d+", template.text))


def test_a_reason_without_a_code_is_said_in_the_english_it_was_kept_with(chinese):
    assert reason_text("", {}, "max_level: 'x' is not a number") == "max_level: 'x' is not a number"
    assert reason_text("a_code_of_a_newer_version", {}, "kept as it was") == "kept as it was"


@pytest.mark.postgres
def test_a_hostile_record_is_said_in_chinese_on_the_conflicts_screen_and_in_the_status_bar(
        qtbot, db, hub, tmp_path, make_services, chinese):
    from persistence.db import open_database
    from tests.integration.sync.test_hostile_hub import HostileWriter
    from tests.integration.sync.test_hostile_hub import product_like
    from tests.integration.sync.test_hostile_hub import setup_master
    from ui.screens.conflicts import ConflictsScreen
    from ui.sync_service import read_state
    from ui.widgets.sync_status import SyncStatusWidget

    other = open_database(tmp_path / "other.sqlite3")
    try:
        setup_master(other)
        sync.sync(other, hub)
    finally:
        other.close()
    writer = HostileWriter(hub)
    try:
        key, record = product_like(writer, "BAD-ABC", max_level="abc")
        writer.record("products", key, record)
        spaced, record = product_like(writer, "has space")  # a domain field check (domain.kernel.validate)
        writer.record("products", spaced, record)
        wide, record = product_like(writer, "ＷＩＤＥ-1")  # full-width: not the normal form a clerk's SKU is kept in
        writer.record("products", wide, record)
    finally:
        writer.close()
    assert sync.sync(db, hub).refused == 3
    held = {q.row_id: q for q in sync.status(db).quarantined}
    assert {k: q.code for k, q in held.items()} == {key: "not_number", spaced: "field_rule", wide: "field_rule"}
    assert held[wide].params["problem"] == "not_normal_form"

    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "最高库存：'abc' 不是数字" in text and "is not a number" not in text and "max_level" not in text
    assert "货号：" in text and "含有空格" in text and "contains spaces" not in text
    assert "货号：'ＷＩＤＥ-1' 不是规范形式 'WIDE-1'" in text and "normal form" not in text and "sku" not in text
    # the kind of record by its name, the product by its SKU and name as pulled (it was never here)
    assert "已拒收自共享数据库：商品 BAD-ABC · Widget（条目" in text and "products" not in text and key not in text
    assert screen.waiting.isHidden()  # a product is nothing an admin approves

    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(read_state(db))
    assert "条记录已搁置" in widget.kept.text()
    assert "• 商品 BAD-ABC · Widget：最高库存：'abc' 不是数字" in widget.kept.toolTip()


@pytest.mark.parametrize(("key", "value", "said"), [
    ("po_tax_rate", "abc", "采购订单税率"), ("po_tax_rate", "101", "采购订单税率"), ("currency", "DOLLARSXYZ", "币种"),
    ("company_address", "x" * 501, "公司地址"), ("planning_abc_basis", "weight", "ABC 分类依据"),
    ("sync.hub_id", "x", "设置项")])
def test_an_office_setting_kept_aside_is_said_in_chinese_with_the_setting_named(chinese, key, value, said):
    import json

    from persistence.sync import checks
    from persistence.sync import records as r

    spec = r.BY_NAME["office_settings"]
    why = checks.check_record(spec, json.dumps([key]), {"key": key, "value": value, "device_id": "", "version": 1,
                                                         "_children": {}})
    assert why.code
    text = reason_text(why.code, why.params, str(why))
    assert said in text and text != str(why)
