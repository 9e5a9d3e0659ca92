"""The first run by keyboard: Enter creates the company, Tab follows the choices as shown, Alt letters reach each
choice and each field of the new company."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from persistence.db import open_database
from tests.ui.test_welcome import data_folder  # noqa: F401 - the fixture
from ui import i18n
from ui.dialogs.welcome import CHOICES
from ui.dialogs.welcome import CREATE
from ui.dialogs.welcome import WelcomeDialog


@pytest.fixture
def shown(qtbot, data_folder):  # noqa: F811
    dialog = WelcomeDialog(open_database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    yield dialog
    dialog.tasks.wait()
    i18n.set_language(i18n.ENGLISH, persist=False)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_the_dialog_opens_on_creating_the_company_and_enter_chooses_it(qtbot, shown):
    assert QApplication.focusWidget() is shown.create_choice
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.stack.currentIndex() == CREATE)
    assert QApplication.focusWidget() is shown.company


def test_tab_goes_through_the_choices_in_the_order_they_are_shown(qtbot, shown):
    seen = [QApplication.focusWidget()]
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [shown.create_choice, shown.join_choice, shown.open_choice, shown.demo_choice, shown.language]


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_alt_letters_reach_each_field_of_the_new_company_and_back(qtbot, shown, language):
    i18n.set_language(language, persist=False)
    with qtbot.waitSignal(shown.create_choice.clicked):
        press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert shown.stack.currentIndex() == CREATE
    for letter, field in ((Qt.Key.Key_A, shown.address), (Qt.Key.Key_U, shown.currency),
                          (Qt.Key.Key_T, shown.tax_rate), (Qt.Key.Key_W, shown.warehouse_code),
                          (Qt.Key.Key_E, shown.warehouse_name), (Qt.Key.Key_F, shown.file),
                          (Qt.Key.Key_N, shown.company)):
        press(qtbot, letter, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field, letter
    with qtbot.waitSignal(shown.back_button.clicked):
        press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert shown.stack.currentIndex() == CHOICES and QApplication.focusWidget() is shown.create_choice


def test_alt_letters_name_every_choice_in_chinese(qtbot, shown):
    i18n.set_language(i18n.CHINESE, persist=False)
    qtbot.waitUntil(lambda: shown.join_choice.text().endswith("(&J)"))
    assert [b.text() for b in (shown.create_choice, shown.join_choice, shown.open_choice, shown.demo_choice)] == [
        "新建公司数据库(&C)", "加入本公司的共享数据库(&J)", "打开现有文件(&O)…", "浏览演示数据库(&D)"]
    assert shown.language_label.text() == "语言(&L)：" and shown.quit_button.text() == "退出(&Q)"
