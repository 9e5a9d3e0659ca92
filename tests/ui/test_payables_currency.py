"""The Payables screen shows a foreign supplier's balance in its own currency beside the company currency's, at the
documents' own rates (each receipt's, a payment's at its date): what is still owed on a receipt is its amount in that
currency less what the payment paid of it in that currency; the Excel export carries it; a supplier in the company
currency shows none."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from domain.accounts import commands as ac
from domain.accounts import money
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import rates
from domain.stock import documents as docs
from tests.ui.test_purchasing_fx import fx_shop

D = Decimal
TODAY = date.today()


@pytest.fixture
def services(db, make_services):
    """The foreign-currency shop (BOLT, W1, US1 in USD, CN1 in CNY), each supplier's order received."""
    uow = db.uow
    fx_shop(uow)
    rates.set_rate(uow(), pc.SetExchangeRate("USD", "7.00", TODAY - timedelta(days=30)))
    for supplier, price in (("US1", "10.00"), ("CN1", "2.00")):
        draft = purchasing.create_draft(uow(), pc.CreatePurchaseOrder(supplier, "W1"))
        purchasing.add_line(uow(), pc.AddPurchaseOrderLine(draft.id, "BOLT", "10", price))
        number = purchasing.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number
        purchasing.receive_delivery(uow(), pc.ReceivePurchaseOrder(number, (("BOLT", "10"),)))
    # 10 × 10.00 USD × 7.00 with 13 %: 791.00 CNY, 113.00 USD; then the dollar at 7.20, 144.00 CNY paid today
    # against it and 72.00 CNY kept as an advance
    rates.set_rate(uow(), pc.SetExchangeRate("USD", "7.20", TODAY))
    money.record_money(uow(), ac.RecordMoney("payment", "US1", "144.00"))
    money.record_money(uow(), ac.RecordMoney("payment", "US1", "72.00", auto=False))
    docs.post_document(uow(), docs.PostDocument("receipt", "W1", (docs.LineInput("BOLT", "1", "1.00"),)))
    return make_services()


@pytest.fixture
def payables(qtbot, services):
    from ui.screens.accounts import PayablesScreen

    screen = PayablesScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 2)
    return screen


def column(model, title: str) -> int:
    from PySide6.QtCore import Qt

    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    return titles.index(title)


def test_a_foreign_suppliers_row_shows_its_balance_in_its_currency_at_the_documents_own_rates(payables):
    rows = {r.code: r for r in payables.model.rows}
    # what is still owed on the receipt: its 113.00 USD less the 144.00 CNY paid at 7.20, 20.00 USD: 93.00 USD (its
    # CNY open at its own 7.00 would say (791.00 − 144.00) / 7 = 92.43); the advance at its day's 7.20:
    # 72.00 / 7.20 = 10.00 USD
    assert (rows["US1"].balance, rows["US1"].currency, rows["US1"].in_currency) == (D("575.00"), "USD", D("83.00"))
    assert (rows["CN1"].currency, rows["CN1"].in_currency) == ("", None)
    at = column(payables.model, "In currency")
    assert at == column(payables.model, "Balance") + 1 == payables.model.c_foreign  # beside the balance in CNY
    shown = {payables.model.index(r, 0).data(): payables.model.index(r, at).data() for r in range(2)}
    assert shown == {"US1": "83.00 USD", "CN1": ""}
    assert payables.totals_model.index(0, at).data() == ""  # currencies are not added up
    assert (column(payables.model, "Overdue"), column(payables.model, "Oldest due")) == (
        payables.model.c_overdue, payables.model.c_oldest)


def test_the_receivables_list_has_no_currency_column(qtbot, services):
    from ui.screens.accounts import ReceivablesScreen

    screen = ReceivablesScreen(services)
    qtbot.addWidget(screen)
    with pytest.raises(ValueError):
        column(screen.model, "In currency")


def test_the_excel_export_carries_the_suppliers_currency(qtbot, payables, tmp_path):
    target = tmp_path / "payables.xlsx"
    with qtbot.waitSignal(payables.export_to(target).done):
        pass
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    head = next(r for r in rows if r and r[0] == "Code")
    at = head.index("In currency")
    assert {r[0]: r[at] for r in rows[rows.index(head) + 1:] if r[0] in ("US1", "CN1")} == {
        "US1": "83.00 USD", "CN1": None}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_foreign_suppliers_open_items_export_each_in_its_currency_and_their_total(qtbot, services, tmp_path,
                                                                                    language, monkeypatch):
    from pypdf import PdfReader

    from ui import i18n
    from ui.screens.accounts import partner
    from ui.screens.accounts.partner import PartnerPage

    monkeypatch.setattr(partner, "open_file", lambda path: None)

    uow = services.uow()
    with uow:
        supplier_id = uow.suppliers.by_code("US1").id
    i18n.set_language(i18n.CHINESE if language == "zh" else i18n.ENGLISH, persist=False)
    try:
        page = PartnerPage(services, "AP", supplier_id, "US1", "Acme Inc.")
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.loaded and page.items_model.rowCount() == 2)
        book, pdf = tmp_path / "items.xlsx", tmp_path / "items.pdf"
        for target in (book, pdf):
            with qtbot.waitSignal(page.write_open_items_to(target).done):
                pass
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    rows = list(load_workbook(book).active.iter_rows(values_only=True))
    title = "原币金额 USD" if language == "zh" else "In currency USD"
    head = next(r for r in rows if r and title in r)
    at = head.index(title)
    below = rows[rows.index(head) + 1:]
    assert sorted(D(str(r[at])) for r in below[:-1]) == [D("-10.00"), D("93.00")]  # the advance, the receipt's rest
    assert D(str(below[-1][at])) == D("83.00")  # the total, as the Payables list shows it
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert all(word in text for word in (*title.split(), "93.00", "-10.00", "83.00"))


def test_a_payment_to_a_foreign_supplier_says_its_amount_is_the_company_currencys_and_what_it_pays_in_dollars(
        qtbot, payables):
    """Paying US1, the entry said nothing about dollars: a bookkeeper with the supplier's invoice of USD 83.00 in hand
    typed 83 and paid CNY 83.00. It says the amount is in CNY, the day's rate and what the amount pays in USD, and
    what the supplier is owed in USD beside the open documents."""
    from PySide6.QtWidgets import QApplication

    dialog = payables.new_money("US1")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.rate is not None)
    assert dialog.currency_hint.isVisibleTo(dialog)
    dialog.currency.setCurrentIndex(dialog.currency.findData(""))  # the amount in the company currency, as before
    assert dialog.currency_hint.text() == f"Amount in CNY · 1 USD = 7.20 CNY (rate of {TODAY.isoformat()})"
    assert dialog.items_label.text().endswith("· owed in USD: 83.00")
    dialog.amount.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount)
    qtbot.keyClicks(dialog.amount, "597.60")
    assert dialog.currency_hint.text().endswith("· pays USD 83.00")
    dialog.day.setDate(dialog.day.date().addDays(-40))  # before the first rate
    qtbot.waitUntil(lambda: dialog.rate is not None and dialog.rate.rate is None)
    assert dialog.currency_hint.text().startswith("Amount in CNY · no USD rate on or before ")
    cny = payables.new_money("CN1")
    qtbot.addWidget(cny)
    qtbot.waitUntil(lambda: cny.items_ready)
    assert cny.rate is None and not cny.currency_hint.isVisibleTo(cny)


def test_a_foreign_suppliers_page_gives_its_balance_in_its_currency_beside_the_company_currencys(qtbot, payables):
    """The list, the open items' PDF and workbook said what US1 is owed in dollars; its page said CNY only."""
    for code, said in (("US1", "Balance 575.00 (83.00 USD) · credit 72.00"), ("CN1", "Balance ")):
        row = next(r for r in payables.model.rows if r.code == code)
        payables.open_partner(row)
        page = payables.page
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda p=page: p.loaded)
        assert page.figures.text().startswith(said)
        assert ("USD" in page.figures.text()) == (code == "US1")


def test_a_payment_typed_in_dollars_is_kept_in_dollars_and_books_the_exchange_difference(qtbot, payables):
    """The entry offers the supplier's currency first, at the day's rate (typed over if the bank's differs), shows
    what the dollars come to in CNY and allocates that; the payment keeps USD, the amount and the rate, and settling
    the receipt whole in dollars books the difference (汇兑损益) so that nothing is left open on it in CNY."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.screens.accounts.entry import C_ALLOCATE

    dialog = payables.new_money("US1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.items_ready and dialog.rate is not None)
    assert dialog.currency.isVisibleTo(dialog) and dialog.currency.currentText() == "USD"
    assert (dialog.currency_label.text(), dialog.rate_label.text()) == ("C&urrency", "Ra&te")
    assert dialog.rate_edit.text() == "7.20"
    for key, widget in ((Qt.Key.Key_U, dialog.currency), (Qt.Key.Key_T, dialog.rate_edit),
                        (Qt.Key.Key_A, dialog.amount)):
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w)
    qtbot.keyClicks(dialog.amount, "93")  # what the receipt still owes in dollars
    assert dialog.currency_hint.text() == "Amount in USD · 1 USD = 7.20 CNY · CNY 669.60"
    assert dialog.grid.item(0, C_ALLOCATE).text() == "647.00"  # all that is open on it in CNY
    # the 22.60 beyond it is the exchange loss posting will book, not the supplier's credit
    assert dialog.left_label.text() == "Allocated 647.00 · exchange difference 22.60 · left as credit 0.00"
    with qtbot.waitSignal(dialog.posted):
        dialog.post()
    assert dialog.message.text().startswith("Posted PM-") and "USD 93.00 = 669.60" in dialog.message.text()
    uow = dialog.services.uow()
    with uow:
        [paid] = uow.accounts.by_number(dialog.last_number)
        [loss] = [x for x in uow.accounts.by_source(paid.id) if x.kind.value == "exchange_difference"]
        supplier = uow.suppliers.by_code("US1").id
        receipt_open = [x for x in uow.accounts.open_items("AP", supplier, sign=1)]
    assert (paid.fx_currency, paid.fx_amount, paid.fx_rate, paid.amount) == ("USD", D(-93), D("7.2"), D("-669.60"))
    assert loss.amount == D("22.60") and receipt_open == []  # the receipt is settled in both currencies
    from ui.screens.accounts.words import typed_text

    assert typed_text(dialog.services.accounts.money("AP", partner_id=supplier)[0]) == "USD 93.00 @ 7.2"
