"""Switching the language: texts change at once, open screens and typed text stay; the translation is complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import master as catalog
from ui import i18n
from ui.app import create_main_window

# Contexts of the shell and browsing screens; the document screens' contexts are checked by their own tests.
SHELL_CONTEXTS = {
    "MainWindow", "MovementDetails", "MovementKind", "MovementTableModel", "MovementsScreen", "PartnerTableModel",
    "PartnersScreen", "ProductEditor", "ProductPage", "ProductTableModel", "ProductsScreen", "Screen", "Screens",
    "SettingsScreen", "StockChart", "StockScreen", "StockTableModel",
}


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), c.AddProduct("SD-1", "螺丝刀"))
    return make_services()
    i18n.set_language(i18n.ENGLISH, persist=False)


def test_switching_to_chinese_and_back_changes_texts_and_keeps_screens_and_typing(qtbot, services):
    i18n.set_language(i18n.ENGLISH, persist=False)
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    stock = window.show_screen("stock")
    stock.search.setText("螺丝")
    settings = window.show_screen("settings")
    header = stock.table.model().headerData(1, Qt.Orientation.Horizontal)
    assert (window.nav.item(1).text(), header) == ("Stock", "Name")  # item 0 is the dashboard

    settings.language.setCurrentIndex(settings.language.findData(i18n.CHINESE))

    qtbot.waitUntil(lambda: window.nav.item(1).text() == "库存")  # LanguageChange is delivered by the event loop
    assert stock.table.model().headerData(1, Qt.Orientation.Horizontal) == "名称"
    assert stock.search.placeholderText().startswith("搜索")
    assert window.file_menu.title() == "文件(&F)"
    assert settings.labels["language"].text() == "语言(&L)："
    assert window.screen("stock") is stock and stock.search.text() == "螺丝"
    assert QSettings().value(i18n.SETTING) == i18n.CHINESE

    settings.language.setCurrentIndex(settings.language.findData(i18n.ENGLISH))

    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Stock")
    assert stock.table.model().headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert stock.search.text() == "螺丝"


def test_the_saved_language_wins_over_the_system_one(qapp, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().setValue(i18n.SETTING, i18n.CHINESE)
    assert i18n.saved_language() == i18n.CHINESE
    QSettings().setValue(i18n.SETTING, "xx")
    assert i18n.saved_language() == i18n.system_language()


def test_every_string_of_the_shell_and_browsing_screens_has_a_finished_chinese_translation():
    root = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts")).getroot()
    unfinished = []
    seen = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in SHELL_CONTEXTS:
            continue
        seen.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                unfinished.append((name, message.findtext("source")))
    assert seen == SHELL_CONTEXTS
    assert unfinished == []
    assert i18n.resource_path("i18n", "stockroom_zh_CN.qm").stat().st_size > 1000


def _translations_script():
    """scripts/zh_CN.py, which ./scripts/i18n.sh runs after lupdate."""
    import importlib.util
    from pathlib import Path

    path = Path(i18n.__file__).resolve().parent.parent / "scripts" / "zh_CN.py"
    spec = importlib.util.spec_from_file_location("zh_cn_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_translate_call_in_the_window_reached_the_translation_file():
    """lupdate silently skips a call it cannot read, such as a plural whose count is written as ``len(rows)`` or
    ``users.MIN_PASSWORD``; the Chinese window then shows English. Every ``translate("Context", "text", …)``,
    ``QT_TRANSLATE_NOOP("Context", "text")`` and ``self.tr("text", …)`` in ui/ must have its (context, text) in the
    .ts file (scripts/zh_CN.py's ``skipped``, which ./scripts/i18n.sh reports too)."""
    script = _translations_script()
    ts = i18n.resource_path("i18n", "stockroom_zh_CN.ts")
    marked = script.marked(i18n.resource_path().parent / "ui")
    assert len(marked) > 2000  # the scan reads the window's strings
    assert {m[2] for m in marked} >= {"MainWindow", "StockScreen", "PurchaseOrderPdf", "DocumentEntry"}
    assert script.skipped(ts) == []


def test_the_scan_finds_a_plural_lupdate_skips(tmp_path):
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "a.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "translate = QCoreApplication.translate\n"
        "def f(rows):\n"
        "    return translate('Fake', '%n row(s)', None, len(rows))\n", encoding="utf-8")
    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN"></TS>',
                  encoding="utf-8")
    assert _translations_script().skipped(ts, ui) == [("ui/a.py", 4, "Fake", "%n row(s)")]


def test_every_chinese_translation_is_of_a_string_the_window_still_marks():
    """scripts/zh_CN.py holds no translation of a string that was reworded or removed (``./scripts/i18n.sh`` lists
    them as unused)."""
    assert _translations_script().unused(i18n.resource_path("i18n", "stockroom_zh_CN.ts")) == []
