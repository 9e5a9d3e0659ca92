"""The wizard's first page by keyboard, and the empty template an office coming from spreadsheets starts from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from domain.imports import ImportKind
from domain.imports import fields_of
from domain.imports import guess_mapping
from tests.ui.test_import_wizard import services  # noqa: F401 - the fixture
from ui import i18n
from ui.dialogs import import_wizard
from ui.dialogs.import_wizard import ImportWizard
from ui.spreadsheets import read_table


@pytest.fixture
def wizard(qtbot, services):  # noqa: F811
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    yield wizard
    i18n.set_language(i18n.ENGLISH, persist=False)


def alt(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def test_alt_letters_reach_the_kind_and_the_file(qtbot, wizard):
    wizard.file.setFocus()
    alt(qtbot, Qt.Key.Key_W)
    assert QApplication.focusWidget() is wizard.kind
    alt(qtbot, Qt.Key.Key_F)
    assert QApplication.focusWidget() is wizard.file


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
@pytest.mark.parametrize("kind", [ImportKind.PRODUCTS, ImportKind.STOCK, ImportKind.OPENINGS])
def test_the_template_has_the_columns_of_the_kind_which_the_import_reads_back(
        qtbot, wizard, tmp_path, monkeypatch, language, kind):
    i18n.set_language(language, persist=False)
    asked = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "模板"), ""  # the user typed a name without .xlsx

    monkeypatch.setattr(import_wizard.QFileDialog, "getSaveFileName", save_as)
    wizard.kind.setCurrentIndex(wizard.kind.findData(kind.value))
    with qtbot.waitSignal(wizard.template_button.clicked):
        alt(qtbot, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: wizard.file.text() == str(tmp_path / "模板.xlsx"), timeout=10_000)
    if language == i18n.CHINESE and kind == ImportKind.PRODUCTS:
        assert asked[0].endswith("商品导入模板.xlsx")
    table = read_table(tmp_path / "模板.xlsx")
    assert table.rows == []
    guessed = guess_mapping(kind, table.headers)
    assert set(guessed) == {f.key for f in fields_of(kind)}  # every column found again by its header
    needed = [h for h in table.headers if h.endswith(" *")]
    assert [guessed_key for guessed_key, header in guessed.items() if header in needed] == [
        f.key for f in fields_of(kind) if f.required]
    assert wizard.next_button.isEnabled()  # filled in and saved, Next reads it
