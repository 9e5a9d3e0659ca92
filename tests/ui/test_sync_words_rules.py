"""The sync's last English in the window, said in the reader's language: the rule that settled a conflict (kept as a
code beside its English, ``persistence.sync.rules``), the fields and tables a kept-aside reason names, and a sync
stopped by this file's storage or by a defect. Each against a real hub where one is involved."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC
from datetime import datetime

import keyring.backends.fail
import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import OperationalError

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from persistence import sync
from persistence import tables as t
from persistence.sync import local as loc
from persistence.sync import records as r
from persistence.sync import rules
from ui.sync_reasons import FIELD_NAMES
from ui.sync_reasons import RULES
from ui.sync_reasons import field_text
from ui.sync_reasons import reason_text
from ui.sync_reasons import rule_text

# -- the lists of codes ----------------------------------------------------------------------------------------------

def test_every_rule_code_has_exactly_one_template_in_the_window():
    assert set(RULES) == set(rules.ENGLISH)


@pytest.mark.parametrize("code", sorted(RULES))
def test_in_english_the_window_says_the_rule_the_sync_kept(english, code):
    names = re.findall(r"\{(\w+)\}", rules.ENGLISH[code])
    assert sorted(set(names)) == sorted(RULES[code].params)
    places = {int(n) for n in re.findall(r"%(\d+)", RULES[code].text)}
    assert places == set(range(1, len(RULES[code].params) + 1))
    said = rules.rule(code, **{name: f"v{i}" for i, name in enumerate(names)})
    assert rule_text(said.code, said.params, "") == str(said)


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_has_its_chinese(chinese, code):
    template = RULES[code]
    chinese_text = QCoreApplication.translate(template.context, template.text)
    assert chinese_text != template.text
    assert set(re.findall(r"%\d+", chinese_text)) == set(re.findall(r"%\d+", template.text))


def test_a_rule_without_a_code_is_said_in_the_english_it_was_kept_with(chinese):
    assert rule_text("", {}, "higher version wins") == "higher version wins"
    assert rule_text("a_rule_of_a_newer_version", {}, "kept as it was") == "kept as it was"


def test_every_field_of_a_synced_record_has_its_chinese_name(chinese):
    synced = {c for s in r.SPECS for c in s.table.c.keys()}
    synced |= {c for s in r.SPECS for child, _ in s.children for c in child.c.keys()}
    synced |= {c for table in loc.IMMUTABLE for c in table.c.keys()}
    assert synced <= set(FIELD_NAMES)
    for name in synced:
        assert field_text(name) != name and not re.search(r"[a-z]{2}", field_text(name)), name
    assert (field_text("sku"), field_text("qty"), field_text("max_level")) == ("货号", "数量", "最高库存")
    assert field_text("a_field_of_a_newer_version") == "a_field_of_a_newer_version"


def test_every_table_a_deletion_may_still_be_referred_to_by_has_its_chinese_name(chinese):
    from ui.sync_reasons import RECORD_KINDS
    from ui.sync_reasons import table_text

    referring = {table for s in r.SPECS for table, _ in loc.references(s.name)}
    assert referring <= set(RECORD_KINDS)
    assert all(table_text(table) != RECORD_KINDS[table] for table in referring)


def test_a_reason_names_its_table_and_fields_in_chinese(chinese):
    assert reason_text("missing_reference", {"column": "product_id", "target": "products", "value": "p-1"},
                       "") == "商品引用了本机没有的商品 p-1"
    assert reason_text("fact_deleted", {"table": "account_items"}, "") == "应收应付款项记录从不删除"
    assert reason_text("max_below_min", {"high": "1", "low": "5"}, "") == "最高库存 1 小于最低库存 5"
    assert reason_text("qty_zero", {}, "") == "数量不能为 0"
    assert reason_text("not_positive", {"name": "pack_size", "value": "-5"}, "") == "包装数量：-5 必须大于 0"
    # a reference to one record, named in the singular, is the kind of record too (it stood in English)
    assert reason_text("fact_reference", {"column": "product_id", "target": "product", "value": "p-1"},
                       "") == "商品引用了本机没有的商品 p-1"
    assert reason_text("fact_reference", {"column": "partner_id", "target": "customer", "value": "c-1"},
                       "") == "往来单位引用了本机没有的客户 c-1"
    assert reason_text("qty_wrong_sign", {"qty": "-5", "movement": "receipt", "sign": "+"},
                       "") == "数量：-5 的正负号不符合“入库”类流水（应为 +）"


def test_in_english_a_reason_names_the_kind_of_record_and_the_field_by_its_label(english):
    assert reason_text("fact_deleted", {"table": "account_items"}, "") == "a Receivable or payable item row is never " \
                                                                          "deleted"
    assert reason_text("not_number", {"name": "max_level", "value": "'x'"}, "") == "Max level: 'x' is not a number"
    assert field_text("sku") == "SKU" and field_text("a_field_of_a_newer_version") == "a_field_of_a_newer_version"


# -- on screen, with a real hub --------------------------------------------------------------------------------------

def _first_sync(db, other, hub) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))
    sync.sync(db, hub)
    sync.sync(other, hub)


def _rules_shown(screen) -> list[str]:
    model = screen.model
    return [model.index(row, model.RULE).data() for row in range(model.rowCount())]


@pytest.mark.postgres
def test_the_conflicts_screen_says_each_rule_in_chinese_and_an_old_conflict_in_its_english(
        qtbot, db, hub, tmp_path, make_services, chinese):
    from persistence.db import open_database
    from ui.screens.conflicts import ConflictsScreen

    other = open_database(tmp_path / "other.sqlite3")
    try:
        _first_sync(db, other, hub)
        catalog.update_product(db.uow(), cc.UpdateProduct("SKU-1", "Widget (blue)"))
        catalog.update_product(other.uow(), cc.UpdateProduct("SKU-1", "Widget, large"))
        catalog.update_product(other.uow(), cc.UpdateProduct("SKU-1", "Widget, large", category="tools"))
        catalog.add_product(db.uow(), cc.AddProduct("SKU-2", "Bolt here"))
        catalog.add_product(other.uow(), cc.AddProduct("SKU-2", "Bolt there"))
        sync.sync(other, hub)
        sync.sync(db, hub)  # the other's version 3 wins; this desk's SKU-2 is merged into the other's
    finally:
        other.close()
    stored = {row.rule_code: row for row in sync.conflicts(db)}
    assert set(stored) == {"higher_version", "duplicate_merged"}
    assert stored["duplicate_merged"].rule_params == {"label": "sku"}
    assert stored["duplicate_merged"].rule == "duplicate sku: merged into the record on the hub"
    with db.engine.begin() as conn:  # a conflict kept before rules had codes
        conn.execute(t.sync_conflicts.insert().values(
            id="00000000-0000-4000-8000-000000000001", tbl="products", row_id="p-old", business_key="OLD-1",
            rule="same version: first on hub wins", kept="", lost="", lost_device="",
            detected_at=datetime(2026, 1, 5, tzinfo=UTC), resolved_by="", note="", device_id="", version=1))

    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 3)
    shown = _rules_shown(screen)
    assert "版本较高者优先" in shown
    assert "货号重复：已合并到共享数据库上的记录" in shown
    assert "same version: first on hub wins" in shown  # the old one, as it was kept
    assert not any("higher version" in text or "duplicate" in text for text in shown)
    model = screen.model
    kept = [model.index(row, model.KEPT).data() for row in range(model.rowCount())]
    # the version in use, by its fields' names, and the category the losing version would change
    assert "货号=SKU-1, 名称=Widget, large, 类别=tools（版本 3）" in kept
    assert not any("sku=" in text or "version" in text for text in kept)
    losing = [model.index(row, model.LOST).data() for row in range(model.rowCount())]
    assert "名称=Widget (blue)" in losing

    row = next(i for i, text in enumerate(shown) if text == "版本较高者优先")
    screen.table.selectRow(row)
    qtbot.waitUntil(lambda: "规则" in screen.details.toPlainText())
    details = screen.details.toPlainText()
    assert "规则: 版本较高者优先" in details or "规则：版本较高者优先" in details
    assert "higher version wins" not in details
    assert "名称" in details and "\nname\n" not in details  # the fields by their names, not their columns


@pytest.mark.postgres
def test_a_hub_deletion_kept_aside_names_the_kind_of_record_that_still_refers_to_it_in_chinese(
        qtbot, db, hub, make_services, chinese):
    from tests.integration.sync.test_hostile_hub import HostileWriter
    from tests.integration.sync.test_hostile_hub import _id_of
    from tests.integration.sync.test_hostile_hub import setup_master
    from ui.screens.conflicts import ConflictsScreen

    setup_master(db)
    sync.sync(db, hub)
    writer = HostileWriter(hub)
    try:
        key = _id_of(writer, "products", "sku", "SKU-1")
        writer.record("products", key, "", version=9)  # deleted on the hub, though its movements are here
    finally:
        writer.close()
    sync.sync(db, hub)
    held = {q.row_id: q for q in sync.status(db).quarantined}
    assert held[key].code == "still_referenced" and held[key].params == {"table": "balances"}

    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "已在共享数据库上删除，但本机的库存余额仍引用它" in text
    assert "balances" not in text and "products" not in text


# -- a sync stopped by this file or by a defect ----------------------------------------------------------------------

@pytest.fixture
def services(make_services):
    from ui.sync_service import PasswordStore
    from ui.sync_service import SyncService

    services = make_services()
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    return services


@pytest.fixture
def page(qtbot, services):
    from ui.screens.settings_sync import SyncPage

    widget = SyncPage(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._keyring is not None)
    return widget


def _sync_failing_with(qtbot, services, page, db, hub, monkeypatch, error: BaseException):
    from persistence.sync import engine
    from ui.sync_service import save_settings

    def stopped(*args, **kwargs):
        raise error

    monkeypatch.setattr(engine, "run", stopped)  # the pull reaching this file's storage, or a defect
    save_settings(db, hub, 0)
    service = services.sync_service
    service.refresh()
    qtbot.waitUntil(lambda: service.state.configured)
    with qtbot.waitSignal(service.failed, timeout=20000):
        assert service.sync_now()
    qtbot.waitUntil(lambda: bool(service.state.last_error_code), timeout=20000)  # read back from the sync status
    return service


@pytest.mark.postgres
@pytest.mark.parametrize(("driver_words", "code", "chinese_words"), [
    ("database is locked", "storage_locked", "数据库正忙"),
    ("database or disk is full", "storage_full", "磁盘已满"),
    ("attempt to write a readonly database", "storage_read_only", "只读"),
])
def test_a_sync_stopped_by_this_files_storage_says_what_to_do_in_chinese(
        qtbot, services, page, db, hub, monkeypatch, chinese, driver_words, code, chinese_words):
    from ui.refusals import REFUSALS
    from ui.widgets.sync_status import SyncStatusWidget

    error = OperationalError("INSERT INTO movements VALUES (?)", ("secret",), sqlite3.OperationalError(driver_words))
    service = _sync_failing_with(qtbot, services, page, db, hub, monkeypatch, error)
    said = QCoreApplication.translate("Storage", REFUSALS[code].text)
    assert chinese_words in said
    assert page.result.text() == f"未同步：{said}"
    assert service.state.last_error_code == code
    assert service.state.offline_since is None and not service.state.password_needed
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(service.state)
    assert widget.label.text().startswith("同步失败")
    assert f"上次尝试：{said}" in widget.label.toolTip()
    assert "secret" not in widget.label.toolTip() and driver_words not in widget.label.toolTip()


@pytest.mark.postgres
def test_a_sync_stopped_by_a_defect_says_so_in_chinese_with_its_words_under_it(
        qtbot, services, page, db, hub, monkeypatch, chinese):
    from ui.widgets.sync_status import SyncStatusWidget

    service = _sync_failing_with(qtbot, services, page, db, hub, monkeypatch,
                                 KeyError("no check foresaw this"))
    sentence, detail = page.result.text().split("\n")
    assert sentence.startswith("未同步：同步因意外错误而停止")
    assert detail == "KeyError: 'no check foresaw this'"
    assert service.state.last_error_code == "sync_defect"
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(service.state)
    assert "上次尝试：同步因意外错误而停止" in widget.label.toolTip()
    assert "unexpected" not in widget.label.toolTip()
