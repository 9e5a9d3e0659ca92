"""A count line far from the book (more than half of it and more than 5 units, or ten times or a tenth of it) is
asked about before the count posts, through the screen's ``confirm``, naming the product, the book and the count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.stock import commands as sc
from domain.stock import ledger
from domain.stock.count_check import far_from_book
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import post
from tests.ui.test_documents import set_cell


@pytest.mark.parametrize(("book", "counted", "far"), [
    ("5", "2", False),  # 60 % off but 3 units: an ordinary count
    ("40", "4", True),  # a tenth: a digit dropped
    ("3", "30", True),  # ten times: a digit typed twice
    ("0.5", "5", True),  # ten times, small as it is
    ("100", "60", False),  # 40 % off
    ("100", "40", True),  # 60 % off and 60 units
    ("0", "3", False), ("0", "12", True), ("12", "0", True),
    ("7", None, False), (None, "7", False),
])
def test_the_rule_for_a_count_far_from_the_book(book, counted, far):
    value = (lambda text: None if text is None else Decimal(text))
    assert far_from_book(value(book), value(counted)) is far


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def sheet(qtbot, services, db):
    from ui.screens.documents import CountScreen

    ledger.receive(db.uow(), sc.ReceiveStock("A-1", "40", "W1", "1"))
    ledger.receive(db.uow(), sc.ReceiveStock("B-2", "5", "W1", "1"))
    screen = open_screen(qtbot, services, CountScreen)
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    qtbot.waitUntil(lambda: screen.category.count() == 3)
    screen.category.setCurrentIndex(screen.category.findData("tools"))
    screen.load_expected()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert set_cell(screen, 0, "counted", "4")  # a tenth of the book: 40 meant?
    assert set_cell(screen, 1, "counted", "3")  # 2 short of 5: no question about it
    return screen


def test_a_count_far_from_the_book_is_asked_about_and_no_leaves_the_stock_alone(qtbot, services, db, monkeypatch):
    screen = sheet(qtbot, services, db)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(screen, "confirm", lambda title, text: asked.append((title, text)) or False)
    post(qtbot, screen)
    assert len(asked) == 1
    title, text = asked[0]
    assert title == "Counted far from the book"
    assert "A-1 螺丝刀 Screwdriver: book 40, counted 4" in text and "B-2" not in text
    assert services.stock.on_hand("A-1", "W1") == 40 and screen.posted_model.rowCount() == 0
    assert screen.model.rowCount() == 2 and screen.grid.currentIndex().row() == 0  # back at the line asked about


def test_yes_posts_the_count_as_counted(qtbot, services, db, monkeypatch):
    screen = sheet(qtbot, services, db)
    asked: list[str] = []
    monkeypatch.setattr(screen, "confirm", lambda title, text: asked.append(text) or True)
    post(qtbot, screen)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    assert len(asked) == 1
    assert services.stock.on_hand("A-1", "W1") == 4 and services.stock.on_hand("B-2", "W1") == 3


def test_the_question_in_chinese(qtbot, services, db, monkeypatch):
    from ui import i18n

    screen = sheet(qtbot, services, db)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(screen, "confirm", lambda title, text: asked.append((title, text)) or False)
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:
        post(qtbot, screen)
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    (title, text), = asked
    assert title == "盘点数与账面相差很大" and "A-1 螺丝刀 Screwdriver：账面 40，盘点 4" in text


def test_the_question_names_eight_lines_and_counts_the_rest(qapp):
    from types import SimpleNamespace

    from ui.screens.documents import CountScreen

    lines = [SimpleNamespace(sku=f"P-{i}", name="Bolt", expected=Decimal(40), counted=Decimal(4)) for i in range(11)]
    text = CountScreen.far_off_question(lines)
    assert "P-7 Bolt: book 40, counted 4" in text and "P-8" not in text and "and 3 more line(s)" in text
