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
    assert settings.labels["language"].text() == "语言："
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


def test_every_translate_call_in_the_window_reached_the_translation_file():
    """lupdate silently skips a call it cannot read, such as a plural whose count is written as ``len(rows)`` or
    ``users.MIN_PASSWORD``; the Chinese window then shows English. Every ``translate("Context", "text", …)`` in ui/
    must have its (context, text) in the .ts file."""
    import ast
    from pathlib import Path

    root = ET.parse(i18n.resource_path("i18n", "stockroom_zh_CN.ts")).getroot()
    known = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    ui_dir = Path(i18n.__file__).parent
    missing = []
    for path in sorted(ui_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if getattr(node.func, "id", getattr(node.func, "attr", "")) != "translate":
                continue
            args = node.args
            if len(args) >= 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                if (args[0].value, args[1].value) not in known:
                    missing.append(f"{path.relative_to(ui_dir.parent)}:{node.lineno} {args[1].value!r}")
    assert missing == []
