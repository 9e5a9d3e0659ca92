"""The suppliers screen: add and edit a supplier with its profile, per-product terms through the dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog


@pytest.fixture
def services(db, make_services):
    catalog.add_product(db.uow(), c.AddProduct("SD-1", "螺丝刀", barcodes=("6901234567892",)))
    catalog.add_product(db.uow(), c.AddProduct("HM-1", "Hammer"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.suppliers import SuppliersScreen

    widget = SuppliersScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def add_supplier(qtbot, screen, code="ACME", name="Acme Tools 五金"):
    screen.new_supplier()
    screen.code.setText(code)
    screen.name.setText(name)
    screen.contact.setText("Ms Li")
    screen.currency.setText("usd")
    screen.lead_time.setText("12")
    screen.address.setPlainText("1 Harbour Rd\nShenzhen")
    screen.payment_terms.setText("30 days net")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 1 and screen.current_code == code)
    qtbot.waitUntil(lambda: not screen.loading)


def test_a_supplier_added_on_the_screen_is_stored_with_its_profile(qtbot, screen, services):
    add_supplier(qtbot, screen)
    (row,) = services.purchasing.suppliers()
    assert (row.code, row.name, row.currency, row.lead_time_days) == ("ACME", "Acme Tools 五金", "USD", 12)
    assert row.address == "1 Harbour Rd\nShenzhen" and row.payment_terms == "30 days net"
    assert "Saved ACME" in screen.message.text()


def test_editing_a_supplier_changes_it_and_a_bad_lead_time_names_the_field(qtbot, screen, services):
    add_supplier(qtbot, screen)
    assert screen.select("ACME") and screen.code.isReadOnly()
    screen.lead_time.setText("abc")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "Not saved" in screen.message.text())
    assert "Lead time (days):" in screen.message.text()
    assert services.purchasing.suppliers()[0].lead_time_days == 12
    screen.lead_time.setText("20")
    screen.payment_terms.setText("60 days")
    screen.save_button.click()
    qtbot.waitUntil(lambda: services.purchasing.suppliers()[0].lead_time_days == 20)
    assert services.purchasing.suppliers()[0].payment_terms == "60 days"


def test_a_refused_field_is_named_by_its_label_in_chinese_and_gets_the_focus(qtbot, screen, services, chinese):
    """The domain names a field in English ("lead time: 'abc' is not a number…"); a Chinese reader got that sentence
    as it was. The form's own label says the field, the problem is said in Chinese, and the field takes the focus."""
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.new_supplier()
    screen.code.setText("ACME")
    screen.name.setText("五金")
    screen.lead_time.setText("abc")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "未保存" in screen.message.text())
    assert screen.message.text() == "未保存：交货期（天）：'abc' 不是整天数，请输入整天数，如 7 或 21"
    qtbot.waitUntil(screen.lead_time.hasFocus)
    assert screen.lead_time.selectedText() == "abc"
    screen.lead_time.setText("5")
    screen.payment_days.setText("-10")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "付款天数" in screen.message.text())
    assert "payment days" not in screen.message.text() and "-10" in screen.message.text()
    assert services.purchasing.suppliers() == []


def test_a_refused_field_keeps_the_domains_english_that_says_what_is_accepted(qtbot, screen):
    screen.new_supplier()
    screen.code.setText("ACME")
    screen.name.setText("Acme")
    screen.lead_time.setText("-3")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "Not saved" in screen.message.text())
    assert screen.message.text() == "Not saved: Lead time (days): -3 is out of range; enter whole days from 0 to 3650"


def test_terms_added_through_the_dialog_show_in_the_terms_table(qtbot, screen, services):
    add_supplier(qtbot, screen)
    dialog = screen.open_terms(None)
    dialog.sku.setText("SD-1")
    dialog.supplier_sku.setText("AC-77")
    dialog.item_name.setText("Screwdriver PH2")
    dialog.price.setText("30")
    dialog.price_per.setCurrentIndex(dialog.price_per.findData("pack"))
    dialog.pack_size.setText("6")
    dialog.moq.setText("12")
    dialog.multiple.setText("1")
    dialog.breaks.setPlainText("60 @ 27\n120 @ 25")
    dialog.preferred.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: screen.terms_model.rowCount() == 1)
    (terms,) = screen.terms_model.rows
    assert (terms.supplier_sku, terms.price, terms.price_per, terms.pack_size, terms.moq) == (
        "AC-77", Decimal("30"), "pack", Decimal("6"), Decimal("12"))
    assert terms.breaks == ((Decimal("60"), Decimal("27")), (Decimal("120"), Decimal("25")))
    assert terms.preferred
    assert "(1)" in screen.terms_box.title()


def test_a_bad_price_break_keeps_the_dialog_open_and_says_what_is_accepted(qtbot, screen):
    add_supplier(qtbot, screen)
    dialog = screen.open_terms(None)
    dialog.sku.setText("HM-1")
    dialog.price.setText("5")
    dialog.breaks.setPlainText("ten for 4")
    dialog.save()
    assert dialog.isVisible() and "quantity @ price" in dialog.error.text()
    dialog.breaks.clear()
    dialog.price.setText("-1")
    dialog.save()
    qtbot.waitUntil(lambda: "unit price" in dialog.error.text())
    assert screen.terms_model.rowCount() == 0


def test_the_payment_basis_and_days_are_edited_beside_the_terms_text(qtbot, screen, services):
    add_supplier(qtbot, screen)
    assert screen.select("ACME")
    assert (screen.payment_basis.currentData(), screen.payment_days.text()) == ("net", "0")
    screen.payment_basis.setCurrentIndex(screen.payment_basis.findData("month_end"))
    screen.payment_days.setText("30")
    screen.save_button.click()
    qtbot.waitUntil(lambda: services.purchasing.suppliers()[0].payment_days == 30)
    row = services.purchasing.suppliers()[0]
    assert (row.payment_basis, row.payment_terms) == ("month_end", "30 days net")
    # the stored row can be seen before the window heard back: Save stays disabled until then, and the reload
    # after it fills the form again, so the next edit waits for both
    qtbot.waitUntil(lambda: "Saved" in screen.message.text() and screen.save_button.isEnabled()
                    and not screen.loading)
    screen.payment_days.setText("-1")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "Not saved" in screen.message.text())
    assert "Payment days:" in screen.message.text() and "0 to 3650" in screen.message.text()
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    assert screen.select("ACME") and screen.payment_basis.currentData() == "month_end"


def with_terms(qtbot, screen):
    add_supplier(qtbot, screen)
    dialog = screen.open_terms(None)
    dialog.sku.setText("SD-1")
    dialog.price.setText("30")
    dialog.breaks.setPlainText("60 @ 27")
    dialog.save()
    qtbot.waitUntil(lambda: screen.terms_model.rowCount() == 1)
    assert screen.select("ACME")


def ask_currency(qtbot, screen, currency):
    """Type ``currency`` and save: the dialog that opens once the check (on the task runner) has come back. Typed
    once the screen's reload after the terms has filled the form again (it would put the stored currency back)."""
    qtbot.waitUntil(lambda: not screen.loading)
    screen.currency.setText(currency)
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.currency_dialog is not None)
    return screen.currency_dialog


def previewed(qtbot, dialog):
    """The dialog once the preview of its choice as it is now has come back."""
    qtbot.waitUntil(lambda: not dialog.loading)
    return [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]


def test_a_new_currency_asks_what_the_prices_do_and_shows_them_converted_before_saving(qtbot, screen, services):
    with_terms(qtbot, screen)
    dialog = ask_currency(qtbot, screen, "CNY")
    assert services.purchasing.suppliers()[0].currency == "USD"  # nothing written while asking
    dialog.rate.setText("0.125")  # 1 CNY = 0.125 USD
    assert previewed(qtbot, dialog) == [["SD-1", "", "30", "240"], ["SD-1", "60", "27", "216"]]
    dialog.accept()
    qtbot.waitUntil(lambda: services.purchasing.suppliers()[0].currency == "CNY")
    qtbot.waitUntil(lambda: screen.terms_model.rowCount() == 1 and screen.terms_model.rows[0].price == 240)
    assert screen.terms_model.rows[0].breaks == ((Decimal("60"), Decimal("216")),)


def test_keeping_the_numbers_needs_the_clerks_confirmation(qtbot, screen, services):
    with_terms(qtbot, screen)
    dialog = ask_currency(qtbot, screen, "EUR")
    dialog.keep.setChecked(True)
    assert previewed(qtbot, dialog)[0][3] == "30"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.confirm_keep.setChecked(True)
    assert ok.isEnabled()


def test_an_open_purchase_order_refuses_a_new_currency_and_is_named(qtbot, screen, services):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders

    with_terms(qtbot, screen)
    draft = orders.create_draft(services.uow(), pc.CreatePurchaseOrder("ACME", "W1"))
    qtbot.waitUntil(lambda: not screen.loading)
    screen.currency.setText("CNY")
    screen.save_button.click()
    qtbot.waitUntil(lambda: "Not saved" in screen.message.text())
    assert draft.id in screen.message.text() and screen.currency_dialog is None
    assert services.purchasing.suppliers()[0].currency == "USD"


def test_a_new_currency_is_previewed_while_a_sync_holds_the_write_lock(qtbot, screen, services, db):
    """The preview reads through the read-only unit of work: through the writing one it waited for the write lock (a
    first pull's batch holds it for seconds) and then said the database was busy."""
    import sqlite3

    with_terms(qtbot, screen)
    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # as a pull's batch holds it
    try:
        dialog = ask_currency(qtbot, screen, "CNY")
        assert "Not saved" not in screen.message.text()
        dialog.rate.setText("0.125")
        assert previewed(qtbot, dialog)[0][3] == "240" and dialog.problem.text() == ""
        dialog.reject()
    finally:
        writer.rollback()
        writer.close()


class Gate:
    """Holds every preview read on the task runner until the test lets it go: the points the test controls."""

    def __init__(self, reader) -> None:
        import threading

        self.reader = reader
        self.open = threading.Event()
        self.waiting = threading.Semaphore(0)  # one release per read that reached the gate
        self.reads = 0

    def __call__(self):
        self.reads += 1
        self.waiting.release()
        assert self.open.wait(120), "the test never let the read go"
        return self.reader()

    def arrived(self) -> bool:
        return self.waiting.acquire(blocking=False)


def test_the_preview_is_read_off_the_gui_thread_and_the_dialog_stays_usable_meanwhile(qtbot, screen, services):
    """While the preview is read (held at the gate) the dialog says it is working, OK waits, and the rate and the
    choice can still be changed; the answer for a rate typed over is dropped and the rate as it is now read."""
    with_terms(qtbot, screen)
    dialog = ask_currency(qtbot, screen, "CNY")
    previewed(qtbot, dialog)
    gate = dialog.reader = Gate(services.reader)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.rate.setText("0.5")
    qtbot.waitUntil(gate.arrived)  # the read of 0.5 is held at the gate, on a worker
    assert dialog.loading and not dialog.working.isHidden() and not dialog.busy_bar.isHidden()
    assert not ok.isEnabled() and not dialog.table.isEnabled()
    dialog.rate.setText("0.125")  # typed over while 0.5 is being read: usable, and nothing more read yet
    assert dialog.rate.isEnabled() and dialog.keep.isEnabled() and gate.reads == 1
    gate.open.set()
    assert previewed(qtbot, dialog) == [["SD-1", "", "30", "240"], ["SD-1", "60", "27", "216"]]
    assert gate.reads == 2 and dialog.shown == ("convert", "0.125")  # the answer for 0.5 was never shown
    assert ok.isEnabled() and dialog.working.isHidden() and dialog.table.isEnabled()


def test_a_preview_that_comes_back_after_the_dialog_closed_is_dropped(qtbot, screen, services):
    with_terms(qtbot, screen)
    dialog = ask_currency(qtbot, screen, "CNY")
    previewed(qtbot, dialog)
    shown = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    gate = dialog.reader = Gate(services.reader)
    dialog.rate.setText("0.125")
    qtbot.waitUntil(gate.arrived)
    dialog.reject()
    with qtbot.waitSignal(services.tasks.busy_changed, check_params_cb=lambda n: n == 0):
        gate.open.set()
    assert gate.reads == 1 and dialog.shown != ("convert", "0.125")
    assert [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())] == shown
    assert services.purchasing.suppliers()[0].currency == "USD"


def test_the_check_is_dropped_when_the_currency_was_typed_over_meanwhile(qtbot, screen, services):
    """The check before the dialog runs on the task runner too; typed over before it came back, no dialog opens for
    the currency no longer asked for."""
    with_terms(qtbot, screen)
    gate = Gate(services.reader)
    services.reader = gate
    qtbot.waitUntil(lambda: not screen.loading)
    screen.currency.setText("CNY")
    screen.save_button.click()
    qtbot.waitUntil(gate.arrived)
    assert not screen.save_button.isEnabled() and screen.message.text() != ""
    screen.currency.setText("EUR")
    with qtbot.waitSignal(services.tasks.busy_changed, check_params_cb=lambda n: n == 0):
        gate.open.set()
    assert screen.currency_dialog is None and screen.save_button.isEnabled() and screen.message.text() == ""
